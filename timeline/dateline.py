"""The publication date found in the text: a dateline ("WASHINGTON, March 3 (Reuters) -") or a date
line under the title ("March 06, 2008").

Precedence is metadata > dateline > the ``--date`` option: a date given with the article wins, a date the
article prints beats one given for the whole build. A dateline without a year ("March 3") takes its year
from the ``--date`` option when there is one, and is otherwise left alone: a year is never guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

from .records import Document
from .timex.nearest import nearest_year
from .timex.values import Context, clean, normalise

log = logging.getLogger(__name__)

#: how many lines from the top a date line may sit (title, byline, date)
HEAD_LINES = 4
#: "WASHINGTON, March 3 (Reuters) -", "LONDON, 3 March 2025 (AFP) --": place, date, agency, dash
_WIRE = re.compile(
    r"^\s*[A-Z][A-Za-z .,'/-]{1,60}?,\s+(?P<date>[^()\n]{3,40}?)\s*(?:\([A-Za-z .&-]{2,30}\)\s*)?[-\u2013\u2014]+\s"
)
#: labels a date line may carry
_LABEL = re.compile(r"^(?:published|posted|updated|last updated|date|dated)\s*:?\s*", re.IGNORECASE)


def with_dateline(document: Document) -> Document:
    """The document with its publication date taken from a dateline, when metadata gave none."""
    if document.date_basis == "metadata":
        return document
    found = find_dateline(document.text, fallback=document.date)
    if found is None or (found == document.date and document.date_basis == "dateline"):
        return document
    log.debug("%s: publication date %s from a dateline", document.id, found)
    return dataclasses.replace(document, date=found, date_basis="dateline")


def find_dateline(text: str, *, fallback: str | None = None) -> str | None:
    """The ISO date of the first dateline or date line in the head of ``text``, else None."""
    for line in text.lstrip().splitlines()[:HEAD_LINES]:
        line = line.strip()
        if not line or len(line) > 400:
            continue
        wire = _WIRE.match(line)
        candidates = [wire["date"]] if wire else []
        if len(line) <= 60:
            candidates.append(_LABEL.sub("", line))
        for words in candidates:
            day = _read_date(words, fallback)
            if day is not None:
                return day
    return None


def _read_date(words: str, fallback: str | None) -> str | None:
    # a time after the date ("March 6, 2008 10:32 AM EST") says nothing about the day
    words = re.sub(r"\s+\d{1,2}:\d{2}.*$", "", words.strip())
    found = normalise(words, Context())
    if found is None or found.granularity != "day" or found.type != "DATE":
        return None
    if found.value is not None and found.absolute:
        return found.value
    return _with_year(words, fallback)


def _with_year(words: str, fallback: str | None) -> str | None:
    """'March 3' under a build ``--date``: the March 3 nearest that date."""
    if fallback is None:
        return None
    try:
        base = dt.date.fromisoformat(fallback[:10])
    except ValueError:
        return None
    found = normalise(words, Context(anchor=dt.datetime.combine(base, dt.time())))
    if found is None or found.value is None or not clean(words)[:1].isalpha():
        return None
    day = dt.date.fromisoformat(found.value)
    return dt.date(nearest_year(base, day.month, day.day, None), day.month, day.day).isoformat()
