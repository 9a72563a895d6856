"""Time: find time expressions and normalise them to TIMEX3 values.

First version: spaCy's DATE and TIME spans, resolved by dateparser against the publication date.
"""

from __future__ import annotations

import datetime as dt

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from .records import Timex

GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "time"}


def find_timexes(doc: Doc, *, doc_id: str, published: str | None) -> tuple[Timex, ...]:
    """Every DATE/TIME span of the article with its value (None when it cannot be placed)."""
    parser = make_parser(published)
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        value, granularity = normalise(parser, ent.text) if parser else (None, None)
        found.append(
            Timex(
                doc=doc_id,
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                type=ent.label_,
                value=value,
                granularity=granularity,
                sentence=sentence_of[ent.sent.start],
            )
        )
    return tuple(found)


def make_parser(published: str | None) -> DateDataParser | None:
    """One dateparser per article, anchored to its publication date (never to the clock)."""
    if published is None:
        return None
    base = dt.datetime.fromisoformat(published)
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True},
    )


def normalise(parser: DateDataParser, text: str) -> tuple[str | None, str | None]:
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None, None
    period = data.period or "day"
    day = data.date_obj.date()
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    return day.isoformat(), "day"
