"""The extraction store: per-article results in an embedded SQLite database.

Keyed by a hash of the article (id, text and metadata, but not where it was read from) and the pipeline
version, so a rebuild after adding one article parses only that one, wherever it was added: the
articles after it in a JSON Lines file, read from lines further down, are still found. Values are
MessagePack, encoded and decoded by msgspec against the record types (a typed decoder checks every
field; nothing is ever unpickled): a corrupt or foreign cache file is reported and rebuilt, and a
damaged entry parsed again, never trusted.

The build keeps every article's records here while the workers parse, and reads them back only for the
cross-article step, so the parent process does not hold them beside the model and the workers. Without
a cache (``--no-cache``) the same store lives in a temporary file that is removed afterwards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import msgspec

from . import __version__
from .dateline import with_dateline
from .errors import OutputError
from .records import Document, Extraction

log = logging.getLogger(__name__)

#: Bump when extraction changes in a way the package version does not capture.
SCHEMA = 5
APPLICATION_ID = 0x746C6E31  # "tln1": marks the file as this builder's cache
_CHUNK = 500  # keys per query: well under SQLite's limit of bound parameters

_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Extraction)
_document_encoder = msgspec.json.Encoder(order="sorted")


def pipeline_version(model: str) -> str:
    return f"{__version__}/{SCHEMA}/{model}"


def article_key(document: Document, version: str) -> str:
    document = dataclasses.replace(document, source="")  # where it was read from: not what it says
    try:
        payload = _document_encoder.encode(document)
    except UnicodeEncodeError:  # a lone surrogate (JSON escapes can carry one in): escaped as JSON does
        payload = json.dumps(dataclasses.asdict(document), sort_keys=True).encode()
    return hashlib.sha256(version.encode() + b"\x00" + payload).hexdigest()


def encode(extraction: Extraction) -> bytes | None:
    """An extraction as the bytes the store keeps (and workers send back instead of pickles); None
    when it holds a lone surrogate, which UTF-8 cannot carry: such an article is kept as it is, and
    parsed again on the next build rather than cached."""
    try:
        return _encoder.encode(extraction)
    except UnicodeEncodeError:
        return None


def decode(data: object) -> Extraction:
    """The extraction stored as ``data``; ValueError when the bytes are not one."""
    if not isinstance(data, bytes):
        raise ValueError(f"expected bytes, found {type(data).__name__}")
    try:
        return _decoder.decode(data)
    except msgspec.DecodeError as err:
        raise ValueError(str(err)) from err


class Cache:
    """Store and read encoded extractions; any problem with the file makes it a fresh, empty cache."""

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
                db.execute("CREATE TABLE extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                db.commit()
            elif app != APPLICATION_ID or tables != {"extraction"}:
                raise _Foreign("is not a timeline cache")
        except BaseException:
            db.close()
            raise
        return db

    def key(self, document: Document) -> str:
        return article_key(document, self.version)

    def present(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` the store holds a value for."""
        found: set[str] = set()
        for chunk in _chunks(keys):
            found.update(key for (key,) in self._select("key", chunk))
        return found

    def values(self, keys: Sequence[str]) -> Iterator[object]:
        """The stored value of each key, in the order of ``keys`` (None for a key not stored)."""
        for chunk in _chunks(keys):
            rows = dict(self._select("key, value", chunk))
            yield from (rows.get(key) for key in chunk)

    def _select(self, columns: str, keys: Sequence[str]) -> sqlite3.Cursor:
        marks = ",".join("?" * len(keys))
        return self.db.execute(f"SELECT {columns} FROM extraction WHERE key IN ({marks})", keys)

    def get(self, document: Document) -> Extraction | None:
        """The stored extraction of ``document``, or None when there is none or it cannot be trusted."""
        (value,) = self.values([self.key(document)])
        return None if value is None else self.trusted(value, document)

    def trusted(self, value: object, document: Document) -> Extraction | None:
        """``value`` decoded, when it is a sound extraction of exactly ``document``; else None."""
        try:
            found = decode(value)
        except ValueError as err:
            log.warning("cache entry for %s is damaged (%s); parsing again", document.source, err)
            return None
        # the key covers the document, but the stored record must also describe it exactly: as the
        # extraction describes it, with the publication date its dateline gives; read from where it
        # is now (the key leaves that out)
        expected = with_dateline(document)
        if found.document == expected:
            return found
        if dataclasses.replace(found.document, source=expected.source) == expected:
            return dataclasses.replace(found, document=expected)
        return None

    def put(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Store ``(key, encoded extraction)`` pairs in one transaction."""
        self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)
        self.db.commit()

    def close(self) -> None:
        self.db.close()


@contextlib.contextmanager
def opened(path: Path | None, version: str) -> Iterator[Cache]:
    """The cache at ``path``; with None, a store in a temporary file removed when the build ends."""
    with contextlib.ExitStack() as stack:
        if path is None:
            path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="timeline-"))) / "store.sqlite"
        store = Cache(path, version)
        stack.callback(store.close)
        yield store


class _Foreign(Exception):
    pass


def _chunks(keys: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]
