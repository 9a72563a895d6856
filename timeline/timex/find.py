"""Time: find the time expressions of an article and normalise them to TIMEX3 values.

Spans come from :mod:`.spans`, values from :mod:`.values`. This module
walks the expressions in story order and keeps what resolution needs: the anchor (the publication date,
else the last absolute date mentioned), the tense of each expression's clause, and the story's last
date (for "two days later"). dateparser, one parser per article anchored to its date, reads the odd
calendar date the rules do not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re

from dateparser.date import DateDataParser
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from ..records import Timex
from . import words as W
from .spans import candidate_spans
from .tense import tense_at
from .values import Context, Value, normalise

log = logging.getLogger(__name__)

# dateparser fills in what is missing ("25 Thursday" becomes the 25th of the anchor's month), so it
# only sees words with a month name and a number: calendar dates in a layout the rules do not know
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(W.MONTHS, key=len, reverse=True)) + r")\b", re.I)


def parse_anchor(published: str | None) -> dt.datetime | None:
    """The publication date (``2025-03-03`` or ``2025-03-03T12:00``) as a datetime; None when unreadable."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.strip())
    except ValueError:
        log.warning("publication date %r is not an ISO date; relative dates stay unresolved", published)
        return None


def find_timexes(doc: Doc, *, doc_id: str, published: str | None) -> tuple[Timex, ...]:
    """Every time expression of the article, in text order, with its value (None when it cannot be placed)."""
    anchor = parse_anchor(published)
    blank = Context()
    memo: dict[str, Value | None] = {}  # span repairs ask about the same words several times

    def reads(text: str) -> Value | None:
        if text not in memo:
            memo[text] = normalise(text, blank)
        return memo[text]

    spans = candidate_spans(doc, reads)
    starts = sentence_starts(doc) if spans else []
    fallback = _Fallback()
    story: dt.date | None = None
    found = []
    for span in spans:
        ctx = Context(anchor=anchor, tense=tense_at(span.root), story=story)
        value = normalise(span.text, ctx) or fallback.read(span.text, anchor)
        if value is None:
            value = Value("DATE", None, None)
        day = _day_of(value)
        if day is not None:
            story = day
            if anchor is None and value.absolute and value.granularity == "day":
                anchor = dt.datetime.combine(day, dt.time())  # no publication date: the text's last date
        found.append(
            Timex(
                doc=doc_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type=value.type,
                value=value.value,
                granularity=value.granularity,
                sentence=bisect.bisect_right(starts, span.start) - 1,
            )
        )
    return tuple(found)


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of every sentence start, read in one array call (walking ``doc.sents`` is slower)."""
    if not doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents]
    starts: list[int] = (doc.to_array([SENT_START]) == 1).nonzero()[0].tolist()
    return starts if starts[:1] == [0] else [0, *starts]


def _day_of(value: Value) -> dt.date | None:
    if value.value is None or value.granularity not in ("day", "part of day", "time"):
        return None
    try:
        return dt.date.fromisoformat(value.value[:10])
    except ValueError:
        return None


class _Fallback:
    """dateparser for calendar dates the rules miss: made once per article, and only if needed."""

    def __init__(self) -> None:
        self._parser: DateDataParser | None = None
        self._base: dt.datetime | None = None

    def read(self, text: str, anchor: dt.datetime | None) -> Value | None:
        if anchor is None or not _MONTH_WORD.search(text) or not re.search(r"\d", text):
            return None
        if self._parser is None or self._base != anchor:
            self._base = anchor
            self._parser = DateDataParser(
                languages=["en"],
                settings={
                    "RELATIVE_BASE": anchor,
                    "PREFER_DATES_FROM": "past",
                    "RETURN_TIME_AS_PERIOD": True,
                },
            )
        try:
            data = self._parser.get_date_data(text)
        except (ValueError, OverflowError):
            return None
        if data.date_obj is None:
            return None
        day = data.date_obj.date()
        period = data.period or "day"
        if period == "year":
            return Value("DATE", f"{day.year:04d}", "year")
        if period == "month":
            return Value("DATE", f"{day.year:04d}-{day.month:02d}", "month")
        if period == "week":
            year, week, _ = day.isocalendar()
            return Value("DATE", f"{year:04d}-W{week:02d}", "week")
        return Value("DATE", day.isoformat(), "day")
