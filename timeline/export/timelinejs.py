"""``timelinejs.json``: the dated events as a TimelineJS 3 story (https://timeline.knightlab.com).

The format (TimelineJS's "JSON data format" page): ``{"title": slide, "events": [slide, ...], "scale"}``;
a slide has ``start_date`` (date parts ``year``, ``month``, ``day``, ... as digit strings), optional
``end_date`` and ``display_date``, ``text`` (``headline`` and ``text``, both HTML), ``group`` and
``unique_id``. ``schema/timelinejs.schema.json`` in this package writes that down; the tests hold every
file to it.

TimelineJS inserts ``headline`` and ``text`` into the page as HTML, so every piece of article text is
escaped here, and links are written only for http(s) URLs. An event the build could not date has no
place on a time axis and is left out; periods longer than a day (a week, a quarter, a season, a decade)
become a span from their first to their last day.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..periods import period
from ..pieces import NO_PIECES, Pieces
from ..records import SOURCE, TARGET, Build, Document, Event
from ..text import clean_text
from ..utf8 import bytes_writer
from .events_json import dumps, id_json, pieced_records

log = logging.getLogger(__name__)

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "timelinejs.schema.json"
GROUPS = ("type", "actor")
TITLE_ID = "timeline-title"

_TIME = re.compile(r"T(\d{2}):(\d{2})")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


def to_timelinejs(build: Build, *, group_by: str = "type") -> str:
    """The ``timelinejs.json`` text of a build: UTF-8, the same bytes every time."""
    buffer = io.StringIO()
    write_timelinejs(build, buffer, group_by=group_by)
    return buffer.getvalue()


def write_timelinejs(
    build: Build, out: TextIO, *, group_by: str = "type", pieces: Pieces = NO_PIECES
) -> None:
    """Write :func:`to_timelinejs` to ``out`` slide by slide: the text ``json.dumps(timelinejs(build),
    indent=1)`` gives, without every slide (a big build's are hundreds of MB) in memory at once.

    Each event's slide before its id is a piece (see :mod:`timeline.pieces`) of the slides grouped by
    ``group_by``: taken from ``pieces`` when the last build kept it, else made and kept.
    """
    data = timelinejs(build, group_by=group_by, slides=False)
    write = bytes_writer(out)
    write(('{\n "title": ' + _dumps(data["title"], 1) + ',\n "events": [').encode())
    places = iter(range(len(build.events)))
    names = {a.id: a.name for a in build.actors}
    docs = {d.id: d for d in build.documents}
    empty = True
    while batch := list(itertools.islice(places, _BATCH)):
        slides = _pieced_slides(build.events, batch, names, docs, group_by, pieces)
        if slides:
            write(("" if empty else ",").encode() + slides)
            empty = False
    write((("]" if empty else "\n ]") + ',\n "scale": ' + _dumps(data["scale"], 1) + "\n}\n").encode())


#: Slides dumped at once: a few calls into the encoder for the whole file, a small batch in memory.
_BATCH = 1000


def _dumps(value: Any, depth: int) -> str:
    # the JSON text holds no raw line break (strings escape them): each "\n" is between tokens, and
    # the nested lines move ``depth`` levels in, as in the whole file
    return dumps(value).replace("\n", "\n" + " " * depth)


def timelinejs(build: Build, *, group_by: str = "type", slides: bool = True) -> dict[str, Any]:
    """The TimelineJS 3 data of a build; ``group_by`` puts events in rows by PLOVER ``type`` or lead
    ``actor``. With ``slides=False``, ``events`` is left empty (the title still counts them)."""
    if group_by not in GROUPS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPS)}, not {group_by!r}")
    made = list(_slides(build, group_by)) if slides else []
    count = len(made) if slides else sum(1 for e in build.events if _dates(e.time.value) is not None)
    if not count:
        log.warning("no dated event: timelinejs.json has no slides, and TimelineJS shows none")
    return {
        "title": {
            "text": {
                "headline": "Event timeline",
                "text": _escape(
                    f"{count} dated events of {len(build.events)}, from {len(build.documents)} articles"
                ),
            },
            "unique_id": TITLE_ID,
        },
        "events": made,
        "scale": "human",
    }


def _slides(build: Build, group_by: str) -> Iterator[dict[str, Any]]:
    """One slide per dated event, in the build's order."""
    names = {a.id: a.name for a in build.actors}
    docs = {d.id: d for d in build.documents}
    for event in build.events:
        dates = _dates(event.time.value)
        if dates is not None:
            yield _slide(event, dates, names, docs, group_by)


def _slide(
    event: Event, dates: dict[str, Any], names: dict[str, str], docs: dict[str, Document], group_by: str
) -> dict[str, Any]:
    group = event.type if group_by == "type" else _lead(event, names)
    return {
        **dates,
        "text": {
            "headline": _escape(_headline(event, names)),
            "text": _body(event, names, docs.get(event.doc)),
        },
        "group": _escape(group or "unknown"),
        "unique_id": event.id,
    }


def _pieced_slides(
    events: Sequence[Event],
    places: list[int],
    names: dict[str, str],
    docs: dict[str, Document],
    group_by: str,
    pieces: Pieces,
) -> bytes:
    """:func:`records_json` of the slides of the dated events at ``places``, each slide before its
    id's line a piece (see :func:`pieced_records`; an event whose slide was kept is dated)."""

    def made(place: int) -> dict[str, Any] | None:
        dates = _dates(events[place].time.value)
        return None if dates is None else _slide(events[place], dates, names, docs, group_by)

    def cut(place: int, slide: bytes) -> bytes | None:
        end = _id_end(events[place].id)
        return slide[: -len(end)] if slide.endswith(end) else None

    return pieced_records(
        places, pieces, joined=lambda place, piece: piece + _id_end(events[place].id), made=made, cut=cut
    )


def _id_end(event_id: str) -> bytes:
    """How a slide ends in the file: its id, the last of its keys."""
    return b'\n   "unique_id": ' + id_json(event_id) + b"\n  }"


def _dates(value: str | None) -> dict[str, Any] | None:
    """``start_date`` (and ``end_date``, ``display_date`` for a span) of a TIMEX3 value, or None."""
    span = period(value)
    if value is None or span is None:
        return None
    first, last = span
    year, _, rest = value.partition("-")
    if len(year) == 4 and year.isdigit() and (not rest or re.fullmatch(r"\d{2}(-\d{2}.*)?", rest)):
        # A calendar date at its own precision: TimelineJS formats "2010", "June 2010", "8 June 2010".
        start = {"year": str(first.year)}
        if rest:
            start["month"] = str(first.month)
        if len(rest) >= 5:
            start["day"] = str(first.day)
            if time := _TIME.search(rest):
                start["hour"], start["minute"] = str(int(time[1])), str(int(time[2]))
        return {"start_date": start}
    return {
        "start_date": _day(first),
        "end_date": _day(last),
        "display_date": _period_name(value, first, last),
    }


def _day(day: dt.date) -> dict[str, str]:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def _period_name(value: str, first: dt.date, last: dt.date) -> str:
    """How a reader would write the period: "week 22, 2010", "Q4 2010", "summer 2008", "the 1990s"."""
    year, _, part = value.partition("-")
    if part in _SEASON_NAMES:  # before weeks: winter is "WI"
        return f"{_SEASON_NAMES[part]} {year}"
    if re.fullmatch(r"W\d{2}", part):
        return f"week {int(part[1:])}, {year}"
    if re.fullmatch(r"[QH]\d", part):
        return f"{part} {year}"
    if len(value) == 3:
        return f"the {value}0s"
    if len(value) == 2:
        return f"the {value}00s"
    return f"{first.isoformat()} to {last.isoformat()}"


def _lead(event: Event, names: dict[str, str]) -> str:
    lead = next((p for p in event.participants if p.role == SOURCE), None)
    lead = lead or (event.participants[0] if event.participants else None)
    return names.get(lead.actor, lead.actor) if lead else ""


def _headline(event: Event, names: dict[str, str]) -> str:
    """Who did what to whom, in the article's words: "Apple unveiled iPhone 4"."""
    who = [names.get(p.actor, p.actor) for p in event.participants if p.role == SOURCE]
    whom = [names.get(p.actor, p.actor) for p in event.participants if p.role == TARGET]
    words = [", ".join(dict.fromkeys(who)), event.trigger.text, ", ".join(dict.fromkeys(whom))]
    return " ".join(w for w in words if w) or event.type


def _body(event: Event, names: dict[str, str], doc: Document | None) -> str:
    """The sentence with the trigger in bold, the coding, and the article it came from; all escaped."""
    sentence = clean_text(event.sentence_text)
    start = event.trigger.start - event.sentence_start
    end = start + len(event.trigger.text)
    if start >= 0 and sentence[start:end] == event.trigger.text and event.trigger.text:
        marked = (
            _escape(sentence[:start]) + f"<b>{_escape(sentence[start:end])}</b>" + _escape(sentence[end:])
        )
    else:
        marked = _escape(sentence)
    coding = [event.type]
    if event.cameo:
        coding.append(f"CAMEO {event.cameo}")
    if event.goldstein is not None:
        coding.append(f"Goldstein {event.goldstein:+.1f}")
    if event.time.text:
        coding.append(f"dated by “{event.time.text}”")
    who = ", ".join(f"{names.get(p.actor, p.actor)} ({p.role})" for p in event.participants)
    marked = marked.replace("\n", "<br>")  # a headline line before the sentence, as in the article
    parts = [f"<p>{marked}</p>", f"<p><i>{_escape('; '.join(coding))}</i></p>"]
    if who:
        parts.append(f"<p>{_escape(who)}</p>")
    if doc is not None:
        title = _escape(doc.title or doc.id)
        if doc.url.startswith(("http://", "https://")):
            title = f'<a href="{_escape(doc.url)}" target="_blank" rel="noopener">{title}</a>'
        published = f", {_escape(doc.date)}" if doc.date else ""
        parts.append(f"<p>{title}{published}</p>")
    return "".join(parts)


def _escape(text: str) -> str:
    return html.escape(clean_text(text), quote=True)
