"""``events.csv`` and ``actors.csv``: one row per event or actor, RFC 4180, UTF-8.

Fields are quoted when they hold a comma, a quote or a line break (quotes doubled), rows end in CRLF,
and the header names every column. Text cells are cleaned of control characters and guarded against
spreadsheet formulas (:func:`timeline.export.text.spreadsheet_text`); numbers are written as numbers,
booleans as ``true``/``false``, missing values as empty cells.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from ..pieces import NO_PIECES, Pieces, Stretch
from ..records import OTHER, SOURCE, TARGET, Build, Document, Event, is_actor
from ..text import MEMO, bare, spreadsheet_text
from ..utf8 import pieces_writer

EVENT_COLUMNS = [
    "id",
    "doc",
    "title",
    "sentence",
    "date",
    "granularity",
    "date_basis",
    "date_text",
    "type",
    "cameo",
    "quad_class",
    "goldstein",
    "trigger",
    "source",
    "target",
    "other",
    "negated",
    "modality",
    "sources",
    "sentence_text",
    "url",
    "published",
    "article_source",
]
ACTOR_COLUMNS = ["id", "name", "kind", "aliases", "roles", "country", "sector", "mentions", "events"]


def events_csv(build: Build) -> str:
    """The ``events.csv`` text of a build."""
    buffer = io.StringIO()
    write_events_csv(build, buffer)
    return buffer.getvalue()


def write_events_csv(build: Build, out: TextIO, pieces: Pieces = NO_PIECES) -> None:
    """Write ``events.csv`` to ``out`` (opened with ``newline=""``), row by row.

    Each row is a piece (see :meth:`Pieces.taken`), its id's cell the head: taken from ``pieces``
    when the last build kept it, else made and kept.
    """
    line = _Lines()
    names = {a.id: a.name for a in build.actors}
    docs = {d.id: d for d in build.documents}
    events = build.events
    write = pieces_writer(out)
    write(line(EVENT_COLUMNS).encode())
    for start in range(0, len(events), _BATCH):
        for part in _rows(events, range(start, min(start + _BATCH, len(events))), line, names, docs, pieces):
            write(part)


def _rows(
    events: Sequence[Event],
    places: range,
    line: _Lines,
    names: dict[str, str],
    docs: dict[str, Document],
    pieces: Pieces,
) -> Iterator[bytes | Stretch]:
    """The rows of the events at ``places``, each a piece with its id's cell as its head."""
    # the id's cell, then the rest: cells are quoted one by one, so the row reads as if made whole
    heads = [_id_cell(events[place].id, line).encode("utf-8", "replace") for place in places]

    def make(place: int) -> bytes:
        head = heads[place - places.start]
        row = head + line(_event_cells(events[place], names, docs)).encode("utf-8", "replace")
        pieces.keep(place, row, len(head))
        return row

    return pieces.taken(places, heads, make)


def _id_cell(event_id: str, line: _Lines) -> str:
    """An event's id as the first cell of its row, with the comma after it."""
    return (event_id if bare(event_id) else line([event_id])[: -len(_END)]) + ","


#: Rows joined into one write.
_BATCH = 512
_END = "\r\n"


def _event_cells(event: Event, names: dict[str, str], docs: dict[str, Document]) -> list[object]:
    """The cells of an event's row after its id."""
    doc = docs.get(event.doc)
    by_role = {
        role: "; ".join(names.get(p.actor, p.actor) for p in event.participants if p.role == role)
        for role in (SOURCE, TARGET, OTHER)
    }
    return [
        event.doc,
        doc.title if doc else "",
        event.sentence,
        event.time.value,
        event.time.granularity,
        event.time.basis,
        event.time.text,
        event.type,
        event.cameo,
        event.quad_class,
        event.goldstein,
        event.trigger.text,
        by_role[SOURCE],
        by_role[TARGET],
        by_role[OTHER],
        event.negated,
        event.modality,
        len(event.sources) or 1,
        event.sentence_text,
        doc.url if doc else "",
        doc.date if doc else None,
        doc.source if doc else None,
    ]


def actors_csv(build: Build) -> str:
    """The ``actors.csv`` text of a build."""
    buffer = io.StringIO()
    write_actors_csv(build, buffer)
    return buffer.getvalue()


def write_actors_csv(build: Build, out: TextIO) -> None:
    """Write ``actors.csv`` to ``out`` (opened with ``newline=""``), row by row."""
    activity: dict[str, int] = {}
    for e in build.events:
        for actor in {p.actor for p in e.participants}:
            activity[actor] = activity.get(actor, 0) + 1
    rows = (
        [
            a.id,
            a.name,
            a.kind,
            "; ".join(a.aliases),
            "; ".join(a.roles),
            a.country,
            a.sector,
            len(a.mentions),
            activity.get(a.id, 0),
        ]
        for a in filter(is_actor, build.actors)
    )
    _write(out, ACTOR_COLUMNS, rows)


def _write(out: TextIO, header: list[str], rows: Iterable[Sequence[object]]) -> None:
    line = _Lines()
    out.write(line(header))
    for row in rows:
        out.write(line(row))


class _Lines:
    """CSV lines (RFC 4180, CRLF) of rows of cells, each text made spreadsheet-safe once (bounded memo)."""

    def __init__(self) -> None:
        self._made: list[str] = []
        self._writer = csv.writer(_Collect(self._made), lineterminator=_END)
        self._text = functools.lru_cache(maxsize=MEMO)(spreadsheet_text)

    def __call__(self, row: Sequence[object]) -> str:
        text = self._text
        self._writer.writerow([text(v) if type(v) is str else cell(v) for v in row])
        return self._made.pop()


class _Collect:
    """A file that keeps what the CSV writer writes (one line per row)."""

    def __init__(self, made: list[str]) -> None:
        self.write = made.append


def cell(value: object) -> str | int | float:
    """One CSV cell: numbers as they are, booleans as ``true``/``false``, text made spreadsheet-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(str(value))
