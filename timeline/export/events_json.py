"""``events.json``: the build's machine-readable output (the contract in the README), and its reader."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import msgspec

from ..errors import InputError
from ..pieces import NO_PIECES, Pieces, Stretch
from ..records import (
    Actor,
    Build,
    Document,
    Event,
    EventTime,
    Mention,
    Participant,
    Source,
    Timex,
    Trigger,
)
from ..text import SURROGATES, bare
from ..utf8 import pieces_writer

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "events.schema.json"


def to_json(build: Build) -> str:
    """The ``events.json`` text of a build: UTF-8, keys in a fixed order, the same bytes every time."""
    buffer = io.StringIO()
    write_json(build, buffer)
    return buffer.getvalue()


def write_json(build: Build, out: TextIO, pieces: Pieces = NO_PIECES) -> None:
    """Write the ``events.json`` text of a build to ``out``, one record at a time.

    The text is the one ``json.dumps(as_dict(build), indent=1)`` gives, without the whole of it (or
    of the dict) in memory: each record is dumped alone and indented to its place in the file.
    Each event's record after its id is a piece (see :mod:`timeline.pieces`): taken from ``pieces``
    when the last build kept it, else made and kept.
    """
    sections: tuple[tuple[str, Sequence[Any], Callable[[Any], dict[str, Any]]], ...] = (
        ("documents", build.documents, _document),
        ("actors", build.actors, _actor),
        ("timexes", build.timexes, _timex),
        ("events", build.events, _event),
    )
    write = pieces_writer(out)
    write(b"{")
    for number, (name, records, as_json) in enumerate(sections):
        write(f'{"," if number else ""}\n "{name}": '.encode())
        if not records:
            write(b"[]")
            continue
        write(b"[")
        for start in range(0, len(records), _BATCH):
            if name == "events" and pieces is not NO_PIECES:
                for part in _pieced_events(build.events[start : start + _BATCH], start, pieces):
                    write(part)
            else:
                text = records_json([as_json(record) for record in records[start : start + _BATCH]])
                write((b"," if start else b"") + text)
        write(b"\n ]")
    write(b"\n}\n")


#: Records dumped at once: a few calls into the encoder for the whole file, a small batch in memory.
_BATCH = 1000


def records_json(records: list[Any]) -> bytes:
    """The UTF-8 JSON of records as a file lays them out in a list at its top level: each after
    ``"\n  "``, two levels in, joined by commas (the list's brackets left to the caller)."""
    # JSON text holds no raw line break (strings escape them): every "\n" is between tokens
    try:
        # the list dumped at once, one level in: its records are two levels in; its brackets left off
        return _formatted(records).replace(b"\n", b"\n ")[1 : -len(b"\n ]")]
    except UnicodeEncodeError:  # a lone surrogate in some record: that one the slow way in dumps
        text = ",".join("\n  " + dumps(record).replace("\n", "\n  ") for record in records)
        return text.encode("utf-8")


def _pieced_events(events: Sequence[Event], first: int, pieces: Pieces) -> Iterator[bytes | Stretch]:
    """The records of the events (``first`` the place of the first in ``build.events``) as
    :func:`records_json` lays them out, each with the comma before it (but the first of the list):
    each is a piece (see :meth:`Pieces.taken`), its id's line the head. Those the last build did not
    keep are dumped at once."""
    places = range(first, first + len(events))
    heads = [
        (b"," if place else b"") + _id_line(event.id) for place, event in zip(places, events, strict=True)
    ]
    missing = pieces.missing(places)
    texts = split_records(records_json([_event(events[p - first]) for p in missing])) if missing else []
    made = dict(zip(missing, texts, strict=True))

    def make(place: int) -> bytes:
        text = made.pop(place, None) or records_json([_event(events[place - first])])
        record, head = (b"," if place else b"") + text, heads[place - first]
        if record.startswith(head):  # (always)
            pieces.keep(place, record, len(head))
        return record

    return pieces.taken(places, heads, make)


def pieced_records(
    places: Sequence[int],
    pieces: Pieces,
    *,
    joined: Callable[[int, bytes], bytes],
    made: Callable[[int], dict[str, Any] | None],
    cut: Callable[[int, bytes], bytes | None],
) -> bytes:
    """:func:`records_json` of the records of the events at ``places`` (their places in
    ``build.events``), each with its piece (see :mod:`timeline.pieces`): a kept piece is taken as it
    is and ``joined`` to what is not in it (the id); an event with none has its record ``made`` (None:
    it has no record here), all those of the batch dumped at once, and the part ``cut`` from its
    text kept as its piece (None: the text is written, no piece is kept)."""
    records: list[bytes] = []
    missing: list[tuple[int, int, dict[str, Any]]] = []  # (where in records, place, record)
    for place in places:
        piece = pieces.get(place)
        if piece is not None:
            pieces.keep_found(place)
            records.append(joined(place, piece))
        elif (record := made(place)) is not None:
            missing.append((len(records), place, record))
            records.append(b"")
    if missing:
        texts = split_records(records_json([record for _, _, record in missing]))
        for (n, place, _), text in zip(missing, texts, strict=True):
            piece = cut(place, text)
            if piece is not None:  # (always)
                pieces.keep(place, piece)
            records[n] = text
    return b",".join(records)


#: How each record of a list starts in the file: two levels in.
_RECORD_START = b"\n  {"


def split_records(text: bytes) -> list[bytes]:
    """The records of a :func:`records_json` text, each as it reads there (the commas between left out)."""
    # a record starts on a line of its own at its list's depth, which no line inside one is at
    first, *rest = text.split(b"," + _RECORD_START)
    return [first, *(_RECORD_START + record for record in rest)]


def _id_line(event_id: str) -> bytes:
    return _RECORD_START + b'\n   "id": ' + id_json(event_id) + b","


def id_json(event_id: str) -> bytes:
    """An event's id as JSON text, as :func:`records_json` writes it: an id the build made ("e12") is
    itself between quotes."""
    if bare(event_id):
        return b'"%s"' % event_id.encode()
    return dumps(event_id).encode("utf-8")


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=1)``, lone surrogates written as their escapes."""
    try:
        return _formatted(data).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which UTF-8 cannot carry: the slow way below
        pass
    # (records hold some of their parts as they are, which msgspec writes: made plain for json)
    text = json.dumps(msgspec.to_builtins(data), ensure_ascii=False, indent=1, allow_nan=False)
    # a lone surrogate (a title read from JSON escapes) is written as its \uXXXX escape, which keeps
    # every str offset and reads back as the same string
    return SURROGATES.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _formatted(data: Any) -> bytes:
    # msgspec encodes in C, many times faster than the json module's pure-Python indenting encoder, and
    # lays the text out the same way (floats aside: 1e-7, not 1e-07). NaN and Infinity are not JSON:
    # the records never carry them (goldstein is checked in _event), and msgspec would write null.
    # UnicodeEncodeError: a lone surrogate, which UTF-8 cannot carry.
    return msgspec.json.format(msgspec.json.encode(data), indent=1)


def as_dict(build: Build) -> dict[str, Any]:
    """What ``events.json`` holds, as plain dicts and lists."""
    whole: dict[str, Any] = msgspec.to_builtins(
        {
            "documents": [_document(d) for d in build.documents],
            "actors": [_actor(a) for a in build.actors],
            "timexes": [_timex(t) for t in build.timexes],
            "events": [_event(e) for e in build.events],
        }
    )
    return whole


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "date": d.date,
        "date_basis": d.date_basis,
        "url": d.url,
        "source": d.source,
    }


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "roles": list(a.roles),
        "country": a.country,
        "sector": a.sector,
        # as they are: msgspec writes a record's fields in order, which is the file's
        "mentions": a.mentions,
    }


def _timex(t: Timex) -> dict[str, Any]:
    return {
        "doc": t.doc,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "granularity": t.granularity,
        "sentence": t.sentence,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "doc": e.doc,
        "sentence": e.sentence,
        "sentence_text": e.sentence_text,
        "sentence_start": e.sentence_start,
        "trigger": {
            "text": e.trigger.text,
            "start": e.trigger.start,
            "end": e.trigger.end,
            "lemma": e.trigger.lemma,
        },
        "type": e.type,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein if e.goldstein is None or math.isfinite(e.goldstein) else None,
        "participants": [
            {"actor": p.actor, "role": p.role, "start": p.start, "end": p.end, "text": p.text}
            for p in e.participants
        ],
        "time": {
            "value": e.time.value,
            "granularity": e.time.granularity,
            "basis": e.time.basis,
            "text": e.time.text,
        },
        "negated": e.negated,
        "modality": e.modality,
        "sources": [
            {"doc": s.doc, "sentence": s.sentence, "start": s.start, "end": s.end, "text": s.text}
            for s in e.sources
        ],
    }


def read_events_json(path: str | Path) -> Build:
    """Load a saved build back into records (without the run's outcomes and statistics)."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return from_dict(data)
    except (OSError, ValueError) as err:
        raise InputError(source, f"cannot read events.json: {err}") from err
    except (KeyError, TypeError) as err:
        raise InputError(source, f"not an events.json build (missing or bad field {err})") from err


def from_dict(data: dict[str, Any]) -> Build:
    return Build(
        documents=tuple(
            Document(
                id=d["id"],
                text="",
                title=d.get("title", ""),
                date=d.get("date"),
                url=d.get("url", ""),
                source=d.get("source", ""),
                date_basis=d.get("date_basis", "none"),
            )
            for d in data["documents"]
        ),
        actors=tuple(
            Actor(
                id=a["id"],
                name=a["name"],
                kind=a["kind"],
                mentions=tuple(
                    Mention(m["doc"], m["start"], m["end"], m["text"], m.get("form", "name"))
                    for m in a["mentions"]
                ),
                aliases=tuple(a.get("aliases", ())),
                roles=tuple(a.get("roles", ())),
                country=a.get("country"),
                sector=a.get("sector"),
            )
            for a in data["actors"]
        ),
        timexes=tuple(
            Timex(
                t["doc"],
                t["start"],
                t["end"],
                t["text"],
                t["type"],
                t.get("value"),
                t.get("granularity"),
                t.get("sentence", 0),
            )
            for t in data["timexes"]
        ),
        events=tuple(_read_event(e) for e in data["events"]),
    )


def _read_event(e: dict[str, Any]) -> Event:
    time = e.get("time") or {}
    trigger = e["trigger"]
    return Event(
        id=e["id"],
        doc=e["doc"],
        sentence=e["sentence"],
        sentence_text=e.get("sentence_text", ""),
        sentence_start=e.get("sentence_start", 0),
        trigger=Trigger(trigger["text"], trigger["start"], trigger["end"], trigger.get("lemma", "")),
        participants=tuple(
            Participant(p["actor"], p["role"], p["start"], p["end"], p.get("text", ""))
            for p in e.get("participants", ())
        ),
        time=EventTime(
            time.get("value"), time.get("granularity"), time.get("basis", "none"), time.get("text")
        ),
        type=e.get("type", "OTHER"),
        cameo=e.get("cameo"),
        quad_class=e.get("quad_class"),
        goldstein=e.get("goldstein"),
        negated=bool(e.get("negated", False)),
        modality=e.get("modality", "asserted"),
        sources=tuple(
            Source(s["doc"], s["sentence"], s["start"], s["end"], s.get("text", ""))
            for s in e.get("sources", ())
        ),
    )
