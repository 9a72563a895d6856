"""Dating events: each event takes a date from the time expressions around it, with the basis recorded.

First version: the first dated time expression of the event's sentence, else the publication date.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from .records import Event, EventTime, Timex


def date_events(
    doc: Doc, events: tuple[Event, ...], *, timexes: tuple[Timex, ...], published: str | None
) -> tuple[Event, ...]:
    """The events with ``time`` filled in."""
    return tuple(dataclasses.replace(e, time=_date(e.sentence, timexes, published)) for e in events)


def _date(sentence: int, timexes: tuple[Timex, ...], published: str | None) -> EventTime:
    for timex in timexes:
        if timex.sentence == sentence and timex.value and timex.type in ("DATE", "TIME"):
            return EventTime(timex.value, timex.granularity, "explicit", timex.text)
    if published:
        return EventTime(published, "day", "document")
    return EventTime()
