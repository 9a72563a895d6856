"""The extraction cache: per-article results in an embedded SQLite database.

Keyed by a hash of the article (id, text and metadata) and the pipeline version, so a rebuild after
adding one article parses only that one. Values are JSON, never pickles: a corrupt or foreign cache
file is reported and rebuilt, never trusted.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import sqlite3
import types
import typing
from pathlib import Path
from typing import Any

from . import __version__
from .errors import OutputError
from .records import Document, Extraction

log = logging.getLogger(__name__)

#: Bump when extraction changes in a way the package version does not capture.
SCHEMA = 2
APPLICATION_ID = 0x746C6E31  # "tln1": marks the file as this builder's cache


def pipeline_version(model: str) -> str:
    return f"{__version__}/{SCHEMA}/{model}"


def article_key(document: Document, version: str) -> str:
    payload = json.dumps(dataclasses.asdict(document), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{version}\x00{payload}".encode()).hexdigest()


class Cache:
    """Get and put extractions; any problem with the file makes it a fresh, empty cache."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(str(self.path), f"cannot keep a cache there: {err.strerror or err}") from err
        try:
            return self._connect()
        except sqlite3.DatabaseError as err:
            log.warning("cache %s is unreadable (%s); starting a new one", self.path, err)
        except _Foreign as err:
            log.warning("cache %s %s; starting a new one", self.path, err)
        self.path.unlink(missing_ok=True)
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            (app,) = db.execute("PRAGMA application_id").fetchone()
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app == 0 and not tables:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute("CREATE TABLE extraction (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.commit()
            elif app != APPLICATION_ID or tables != {"extraction"}:
                raise _Foreign("is not a timeline cache")
        except BaseException:
            db.close()
            raise
        return db

    def get(self, document: Document) -> Extraction | None:
        row = self.db.execute(
            "SELECT value FROM extraction WHERE key = ?", (article_key(document, self.version),)
        ).fetchone()
        if row is None:
            return None
        try:
            found = decode(Extraction, json.loads(row[0]))
        except (ValueError, TypeError, KeyError) as err:
            log.warning("cache entry for %s is damaged (%s); parsing again", document.source, err)
            return None
        # the key covers the document, but the stored record must also describe it exactly
        return found if found.document == document else None

    def put(self, extractions: list[Extraction]) -> None:
        rows = [
            (article_key(x.document, self.version), json.dumps(dataclasses.asdict(x), ensure_ascii=False))
            for x in extractions
        ]
        self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)
        self.db.commit()

    def close(self) -> None:
        self.db.close()


@functools.cache
def _fields(kind: type) -> tuple[tuple[str, Any], ...]:
    """A record's field names with their resolved types (resolving them is slow: once per class)."""
    hints = typing.get_type_hints(kind)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(kind))


class _Foreign(Exception):
    pass


def decode(kind: Any, value: Any) -> Any:
    """Rebuild a record (or a tuple/list/optional of them) from its ``dataclasses.asdict`` form."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}")
        return kind(**{name: decode(hint, value[name]) for name, hint in _fields(kind)})
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in value)
        return tuple(decode(a, v) for a, v in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return decode(next(a for a in args if a is not type(None)), value)
    if origin is dict:
        return dict(value)
    if kind in (str, int, float, bool) and not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, found {type(value).__name__}")
    return value
