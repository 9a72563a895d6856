"""Read articles from files and folders: ``.txt``/``.md`` (optional front matter), ``.jsonl``, ``.json``.

Every input found gets an :class:`Outcome`: read, or skipped with the reason. Readers stream, so a
large JSON Lines file is never held whole in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .records import Document, Outcome
from .text import SURROGATES

log = logging.getLogger(__name__)


TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".jsonl", ".json"}
FRONT_MATTER_KEYS = {"title", "date", "url", "id"}

Item = tuple[Outcome, Document | None]


def read_inputs(paths: Iterable[str | Path], *, default_date: str | None = None) -> Iterator[Item]:
    """Yield an outcome (and the document, when one was read) for every article found under ``paths``.

    Folders are read recursively in sorted order. A document id seen twice is skipped the second time.
    """
    seen: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        for outcome, doc in _read_path(path, default_date):
            if doc is not None and doc.id in seen:
                reason = f"duplicate id {doc.id!r} (already read from {seen[doc.id]})"
                yield Outcome(outcome.source, "skipped", reason), None
                continue
            if doc is not None:
                seen[doc.id] = doc.source
            yield outcome, doc


def _read_path(path: Path, default_date: str | None) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(_walk(path))
        if not files:
            yield Outcome(str(path), "skipped", "folder holds no files"), None
        for file in files:
            yield from _read_file(file, path, default_date)
    elif path.is_file():
        yield from _read_file(path, path.parent, default_date)
    elif path.exists():
        yield Outcome(str(path), "skipped", "not a regular file"), None
    else:
        yield Outcome(str(path), "skipped", "no such file or folder"), None


def _walk(root: Path) -> Iterator[Path]:
    """Every entry below ``root`` that is not a real folder: files, and links (followed only to files)."""
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            if (Path(folder) / name).is_symlink():  # os.walk does not follow these: say so, once each
                files.append(name)
        yield from (Path(folder) / name for name in files)


def _read_file(path: Path, root: Path, default_date: str | None) -> Iterator[Item]:
    source = str(path)
    if path.is_symlink() and not path.exists():
        yield Outcome(source, "skipped", "dangling symbolic link"), None
        return
    if path.is_dir():
        yield Outcome(source, "skipped", "symbolic link to a folder, not followed"), None
        return
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSON_SUFFIXES:
        yield Outcome(source, "skipped", f"unsupported file type {suffix or '(none)'!r}"), None
        return
    try:
        if suffix in TEXT_SUFFIXES:
            doc_id = path.relative_to(root).with_suffix("").as_posix()
            raw, warnings = decode(path.read_bytes(), source)
            yield _ok(text_article(raw, source, doc_id, default_date), warnings)
        elif suffix == ".jsonl":
            yield from _read_jsonl(path, default_date)
        else:
            yield from _read_json(path, default_date)
    except InputError as err:
        yield Outcome(source, "skipped", err.problem), None
    except OSError as err:
        yield Outcome(source, "skipped", f"cannot read: {err.strerror or err}"), None


def _ok(article: tuple[Document, tuple[str, ...]], warnings: tuple[str, ...] = ()) -> Item:
    doc, more = article
    return Outcome(doc.source, "read", doc=doc.id, warnings=warnings + more), doc


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode text bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252.

    Returns the text and any warning. Binary data is rejected with a clear reason.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError as err:
            raise InputError(source, f"not valid UTF-16 ({err.reason})") from err
    if _looks_binary(data):
        raise InputError(source, "binary file (contains NUL bytes or control characters), not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        # Old archives hold Latin-1/Windows-1252 text: keep the article, and say how it was read.
        warning = (
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); read as Windows-1252"
        )
        log.warning("%s: %s", source, warning)
        return data.decode("cp1252", errors="replace"), (warning,)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > len(head) // 10


#: The control bytes no text holds (all below 32 but tab, line feed, vertical tab, form feed, return).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v")


def text_article(
    raw: str, source: str, doc_id: str, default_date: str | None
) -> tuple[Document, tuple[str, ...]]:
    """Build a document from a text file: optional front matter, then the body."""
    meta, body = split_front_matter(raw, source)
    if not body.strip():
        raise InputError(source, "no text")
    fields: dict[str, Any] = {"id": doc_id, **meta, "text": body}
    if not fields.get("title"):
        first = body.strip().splitlines()[0].strip()
        fields["title"] = first if len(first) <= 120 else doc_id
    return make_document(fields, source, default_date)


def split_front_matter(raw: str, source: str) -> tuple[dict[str, str], str]:
    """Split a ``---``-delimited ``key: value`` block from the body; the body keeps its bytes."""
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, raw
    meta: dict[str, str] = {}
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line)
        content = line.rstrip("\r\n")
        if content.strip() == "---":
            return meta, raw[offset:]
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        key, sep, value = content.partition(":")
        if not sep or not key.strip():
            raise InputError(source, f"malformed front matter at line {number}: {content[:60]!r}")
        key = key.strip().lower()
        if key in FRONT_MATTER_KEYS:
            meta[key] = value.strip().strip("\"'")
    raise InputError(source, "malformed front matter: no closing '---' line")


def _read_jsonl(path: Path, default_date: str | None) -> Iterator[Item]:
    found = False
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not line.strip():
                continue
            found = True
            try:
                raw, warnings = decode(line, source)
                article = json_article(_loads(raw, source), source, f"{path.stem}:{number}", default_date)
                yield _ok(article, warnings)
            except InputError as err:
                yield Outcome(source, "skipped", err.problem), None
    if not found:
        yield Outcome(str(path), "skipped", "no text (empty file)"), None


def _read_json(path: Path, default_date: str | None) -> Iterator[Item]:
    source = str(path)
    raw, warnings = decode(path.read_bytes(), source)
    value = _loads(raw, source)
    items = value if isinstance(value, list) else [value]
    if not items:
        yield Outcome(source, "skipped", "no articles (empty JSON list)"), None
    for index, item in enumerate(items):
        where = f"{path}[{index}]" if isinstance(value, list) else source
        try:
            yield _ok(json_article(item, where, f"{path.stem}:{index}", default_date), warnings)
        except InputError as err:
            yield Outcome(where, "skipped", err.problem), None


def _loads(text: str, source: str) -> Any:
    if not text.strip():
        raise InputError(source, "no text (empty file)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(source, f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}") from err


def json_article(
    item: Any, source: str, fallback_id: str, default_date: str | None
) -> tuple[Document, tuple[str, ...]]:
    """Build a document from one JSON object with ``id``, ``title``, ``date``, ``url``, ``text``."""
    if not isinstance(item, dict):
        raise InputError(source, f"expected a JSON object, found {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(source, "no 'text' string")
    if not text.strip():
        raise InputError(source, "no text")
    fields = dict(item)
    if fields.get("id") in (None, ""):
        fields["id"] = fallback_id
    return make_document(fields, source, default_date)


def make_document(
    fields: dict[str, Any], source: str, default_date: str | None
) -> tuple[Document, tuple[str, ...]]:
    warnings: list[str] = []
    date, basis = None, "none"
    raw_date = fields.get("date")
    if raw_date not in (None, ""):
        date = parse_date(raw_date)
        if date is None:
            warnings.append(f"date {str(raw_date)[:40]!r} is not a date (YYYY-MM-DD); ignored")
        else:
            basis = "metadata"
    if date is None and default_date is not None:
        date, basis = default_date, "option"
    text = fields["text"]
    if SURROGATES.search(text):
        # spaCy cannot hold them; one replacement character per surrogate keeps every offset
        text = SURROGATES.sub("\ufffd", text)
        warnings.append("text holds lone surrogates (invalid Unicode); each replaced by U+FFFD")
    for warning in warnings:
        log.warning("%s: %s", source, warning)
    doc = Document(
        id=str(fields["id"]),
        text=text,
        title=_string(fields.get("title")),
        date=date,
        url=_string(fields.get("url")),
        source=source,
        date_basis=basis,
    )
    return doc, tuple(warnings)


def parse_date(value: Any) -> str | None:
    """An ISO date (``2008-03-06``, or the date part of an ISO timestamp), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day.isoformat() if len(text) == 10 or text[10] in "T " else None


def _string(value: Any) -> str:
    return "" if value is None else str(value)
