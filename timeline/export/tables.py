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

from ..records import OTHER, SOURCE, TARGET, Build, is_actor
from ..text import MEMO, spreadsheet_text

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


def write_events_csv(build: Build, out: TextIO) -> None:
    """Write ``events.csv`` to ``out`` (opened with ``newline=""``), row by row."""
    _write(out, EVENT_COLUMNS, _event_rows(build))


def _event_rows(build: Build) -> Iterator[list[object]]:
    names = {a.id: a.name for a in build.actors}
    docs = {d.id: d for d in build.documents}
    for e in build.events:
        doc = docs.get(e.doc)
        by_role = {
            role: "; ".join(names.get(p.actor, p.actor) for p in e.participants if p.role == role)
            for role in (SOURCE, TARGET, OTHER)
        }
        yield [
            e.id,
            e.doc,
            doc.title if doc else "",
            e.sentence,
            e.time.value,
            e.time.granularity,
            e.time.basis,
            e.time.text,
            e.type,
            e.cameo,
            e.quad_class,
            e.goldstein,
            e.trigger.text,
            by_role[SOURCE],
            by_role[TARGET],
            by_role[OTHER],
            e.negated,
            e.modality,
            len(e.sources) or 1,
            e.sentence_text,
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
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    text = functools.lru_cache(maxsize=MEMO)(spreadsheet_text)  # each distinct text made safe once
    writer.writerows([text(v) if type(v) is str else cell(v) for v in row] for row in rows)


def cell(value: object) -> str | int | float:
    """One CSV cell: numbers as they are, booleans as ``true``/``false``, text made spreadsheet-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(str(value))
