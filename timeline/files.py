"""Writing outputs safely: a build's files are staged, then each renamed into place atomically; and
files copied into one another by the system."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .errors import OutputError


def check_folder(out: Path) -> None:
    """Fail early, before any parsing, when ``out`` cannot be an output folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "exists and is not a folder")


def copy_range(source: IO[Any], target: IO[Any], length: int, *, start: int = 0, at: int = 0) -> None:
    """``length`` bytes of the file ``source`` from ``start`` written into the file ``target`` from
    ``at`` (both files' positions untouched): by the system where it can (``copy_file_range``: no byte
    comes through this process), else read and written."""
    copied = 0
    with contextlib.suppress(OSError, AttributeError):  # another system, or files it cannot copy
        while copied < length:
            done = os.copy_file_range(
                source.fileno(), target.fileno(), length - copied, start + copied, at + copied
            )
            if done == 0:
                break
            copied += done
    while copied < length:
        chunk = os.pread(source.fileno(), min(length - copied, 1 << 20), start + copied)
        if not chunk:
            raise OSError(f"{length - copied} bytes of {source.name} are missing")
        os.pwrite(target.fileno(), chunk, at + copied)
        copied += len(chunk)


def append_file(source: IO[Any], target: IO[bytes]) -> None:
    """The whole of the file ``source`` (flushed) appended to ``target``: see :func:`append_range`."""
    source.flush()
    append_range(source, 0, os.fstat(source.fileno()).st_size, target)


def append_range(source: IO[Any], start: int, length: int, target: IO[bytes]) -> None:
    """``length`` bytes of the file ``source`` from ``start`` appended to ``target`` where it is: a
    file (see :func:`copy_range`), or a buffer in memory."""
    if isinstance(target, io.BytesIO):
        target.write(read_range(source, start, length))
        return
    target.flush()
    at = target.tell()
    copy_range(source, target, length, start=start, at=at)
    target.seek(at + length)


def read_range(source: IO[Any], start: int, length: int) -> bytes:
    """``length`` bytes of the file ``source`` from ``start`` (its position untouched)."""
    parts: list[bytes] = []
    end = start + length
    while start < end:
        chunk = os.pread(source.fileno(), end - start, start)
        if not chunk:
            raise OSError(f"{end - start} bytes of {source.name} are missing")
        parts.append(chunk)
        start += len(chunk)
    return b"".join(parts)


LOCK = ".timeline.lock"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out`` for one build: a second build into the same folder stops with a clear error."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK, os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as err:
        raise OutputError(str(out), f"cannot write: {err.strerror or err}") from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise OutputError(str(out), "another build is writing here; run again when it ends") from err
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


class Staging:
    """A hidden folder inside ``out`` where a build's files are written before they replace the old ones.

    On success every staged file is renamed into ``out``; on any error the staging folder is removed
    and ``out`` keeps its previous files untouched.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out

    def __enter__(self) -> Staging:
        check_folder(self.out)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out))
        except OSError as err:
            raise OutputError(str(self.out), f"cannot write: {err.strerror or err}") from err
        return self

    def path(self, name: str) -> Path:
        return self.folder / name

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                for staged in sorted(self.folder.iterdir()):
                    os.replace(staged, self.out / staged.name)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
