"""What a rebuild copies instead of making again: each event's piece of an output (its row, its record,
its node, its hover text; and each participant's edge), kept beside the cache.

A rebuild after adding one article writes outputs in which almost every event reads as the last build
wrote it. The writers that make a piece per event keep those pieces in a file per output beside the
cache (``<cache>.pieces/<output>``), each found by its event's key (:mod:`timeline.piece_keys`): a
digest of everything a piece is made from but the event's id, which is in the piece's head (see
:meth:`Pieces.taken`). The next build takes a piece whose key it finds
and makes the others. A file is read only when it is whole and was written by the same code
(:func:`code_version`); one that is damaged is reported and written anew, never trusted. A rebuild
writes its new pieces into the last build's file, over its index, so that the pieces it takes are
neither written nor copied again; the file is put back as it was should the build fail, and written
anew (replaced atomically, like the outputs) when it holds more pieces no build takes than pieces
taken (see :class:`_Keeper`).
"""

from __future__ import annotations

import array
import contextlib
import fcntl
import functools
import hashlib
import logging
import mmap
import os
import struct
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .files import copy_range, read_range
from .piece_keys import KEY, event_keys, participant_keys
from .records import Build

log = logging.getLogger(__name__)

#: The libraries whose encoders write the pieces: another version may write other bytes.
ENCODERS = ("msgspec", "plotly", "orjson", "networkx")
#: Per piece: its event's key, where it lies, and where its note lies (see :meth:`Pieces.taken`); its
#: head's length.
_INDEX = np.dtype(
    [
        ("key", KEY),
        ("start", "<u8"),
        ("length", "<u8"),
        ("note", "<u8"),
        ("note_length", "<u4"),
        ("head", "<u4"),
    ]
)
_MAGIC = b"tlpieces"
_TRAILER = struct.Struct("<8s16sQQ")  # magic, code version, where the index starts, how many pieces
_BATCH = 256  # pieces written to the file at once
_MAPPED = 64 << 20  # bytes of a pieces file's pages read before they are let go (see _Found.read)


def folder_for(cache: Path) -> Path:
    """Where the pieces of the builds that use the cache ``cache`` are kept."""
    return cache.with_name(cache.name + ".pieces")


@functools.cache
def code_version() -> bytes:
    """A digest of the code that makes pieces: this package's source and the encoders' versions."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ENCODERS:
        with contextlib.suppress(Exception):  # an encoder that is not installed is not used either
            digest.update(f"{name}={version(name)}\0".encode())
    return digest.digest()


@dataclass(frozen=True)
class Reuse:
    """Where a build's pieces are kept, and its events' keys (see :func:`event_keys`)."""

    folder: Path
    keys: np.ndarray

    @classmethod
    def of(cls, build: Build, folder: Path, digests: Mapping[str, bytes] | None = None) -> Reuse:
        return cls(folder, event_keys(build, digests))

    def per_participant(self, build: Build) -> Reuse:
        """The same folder with a key per participant (:func:`participant_keys`), for an output that
        keeps a piece for each."""
        return Reuse(self.folder, participant_keys(self.keys, build))

    def kept(self, output: str) -> bool:
        """Whether the last build kept pieces of ``output`` (for planning: they are checked when read)."""
        return (self.folder / output).is_file()

    @contextlib.contextmanager
    def pieces(self, output: str) -> Iterator[Pieces]:
        """The pieces of ``output``: the last build's to take, and this one's to keep (on success)."""
        with (
            _found(self.folder / output, self.keys) as found,
            _Keeper(self.folder, output, self.keys, found) as keeper,
        ):
            yield Pieces(found, keeper)


class Pieces:
    """One output's pieces, in UTF-8, by event (its place in ``build.events``): :meth:`get` the last
    build's (or :meth:`taken`, for a writer that writes them one after the other), :meth:`keep` this
    one's. Without a :class:`Reuse` there is nothing to get and nothing is kept."""

    def __init__(self, found: _Found | None = None, keeper: _Keeper | None = None) -> None:
        self._found = found
        self._keeper = keeper
        self._notes: dict[int, bool] = {}  # whether each note (by where it lies) was taken

    def get(self, event: int) -> bytes | None:
        """The piece the last build made for an event with the same key, if it kept one."""
        return None if self._found is None else self._found.get(event)

    def keep(self, event: int, piece: bytes, head: int = 0, note: bytes = b"") -> None:
        """Keep ``piece`` as the event's, for the next build; for :meth:`taken`, the length of its
        ``head`` and its ``note``."""
        if self._keeper is not None:
            self._keeper.add(event, piece, head, note)

    def keep_found(self, event: int) -> None:
        """Keep the piece :meth:`get` gave for the event, where it lies: it is not copied."""
        if self._keeper is not None and self._found is not None:
            self._keeper.add_found(event, self._found)

    def taken(
        self,
        events: Sequence[int],
        heads: Sequence[bytes],
        make: Callable[[int], bytes],
        learn: Callable[[bytes], bool] | None = None,
    ) -> Iterator[bytes | Stretch]:
        """The pieces of ``events``, in order, each starting with its head ``heads[n]`` (what of it is
        not in its key: its id, say), for a writer that writes them one after the other.

        A piece the last build kept is taken (when it has a note, what a writer learns from it, kept
        once for all the pieces that share it: if ``learn`` takes it, each note asked once and in
        order): those that lie one after the other in its file with the same heads come as one
        :class:`Stretch` of the file, to be copied as it is; one kept with another head comes with
        this one instead (and is kept again). The others are ``make(event)``'s, which keeps each
        (:meth:`keep`).
        """
        found = self._found
        if found is None:
            yield from map(make, events)
            return
        starts, ends, lengths, notes = found.placed(events)
        run: list[int] = []  # the events of the stretch that goes on, from run_start to run_end
        run_start = run_end = 0

        def stretch() -> Stretch:
            if self._keeper is not None:
                self._keeper.add_found_run(run, found)
            run.clear()
            return Stretch(found.handle, run_start, run_end - run_start)

        for n, (event, head) in enumerate(zip(events, heads, strict=True)):
            start, end, length = starts[n], ends[n], lengths[n]
            if start < 0 or (learn is not None and not self._learned(found, event, notes[n], learn)):
                if run:
                    yield stretch()
                yield make(event)
                continue
            same = length == len(head) and found.read(start, start + length) == head
            if same and run and start == run_end:
                run.append(event)
                run_end = end
                continue
            if run:
                yield stretch()
            if same:
                run.append(event)
                run_start, run_end = start, end
            else:  # another id: this one's head, and the piece kept anew for it
                piece = head + found.read(start + length, end)
                self.keep(event, piece, len(head), found.note(event))
                yield piece
        if run:
            yield stretch()

    def missing(self, events: Sequence[int]) -> list[int]:
        """Those of ``events`` whose piece the last build did not keep."""
        if self._found is None:
            return list(events)
        starts = self._found.placed(events)[0]
        return [event for event, start in zip(events, starts, strict=True) if start < 0]

    def _learned(self, found: _Found, event: int, at: int, learn: Callable[[bytes], bool]) -> bool:
        """Whether ``learn`` takes the note of the event's piece, which lies at ``at`` (asked once per
        note)."""
        taken = self._notes.get(at)
        if taken is None:
            taken = self._notes[at] = learn(found.note(event))
        return taken


NO_PIECES = Pieces()


@dataclass(frozen=True)
class Stretch:
    """``length`` bytes of the file ``handle`` from ``start``: pieces taken as they lie (see
    :meth:`Pieces.taken`), for the writer to copy (:func:`timeline.files.copy_range`)."""

    handle: BinaryIO
    start: int
    length: int

    def read(self) -> bytes:
        """The stretch's bytes, for a writer that cannot have them copied."""
        return read_range(self.handle, self.start, self.length)


@contextlib.contextmanager
def pieces_of(reuse: Reuse | None, output: str) -> Iterator[Pieces]:
    """``reuse.pieces(output)``, or :data:`NO_PIECES` without one."""
    if reuse is None:
        yield NO_PIECES
    else:
        with reuse.pieces(output) as pieces:
            yield pieces


class _Found:
    """The pieces a file holds for the events of this build."""

    def __init__(self, handle: BinaryIO, data: mmap.mmap, index: np.ndarray, keys: np.ndarray) -> None:
        self.handle = handle
        self._data = data
        self._keys = keys
        #: where the pieces end (and the index starts), and how many of those bytes are pieces indexed
        self.pieces_end = len(data) - _TRAILER.size - len(index) * _INDEX.itemsize
        self.indexed = int(index["length"].sum())
        if len(index) == 0:
            index = np.zeros(1, dtype=_INDEX)  # holds no key of 16 bytes: nothing is found
        at = np.minimum(np.searchsorted(_order(index["key"]), _order(keys)), len(index) - 1)
        # per event: where its piece starts (-1: none kept) and ends, its head's length, and where its
        # note lies (arrays of numbers: a 10x build's million pieces of one output in 32 MB)
        rows = index[at]
        self._starts = np.where(rows["key"] == keys, rows["start"].astype(np.int64), -1)
        self._ends = (rows["start"] + rows["length"]).astype(np.int64)
        self._heads, self._notes, self._note_lengths = rows["head"], rows["note"], rows["note_length"]
        self._touched = 0  # bytes of the file's pages read since they were last let go

    def get(self, event: int) -> bytes | None:
        start = int(self._starts[event])
        return None if start < 0 else self.read(start, int(self._ends[event]))

    def read(self, start: int, end: int) -> bytes:
        """The file's bytes from ``start`` to ``end``."""
        # The pages read stay mapped, and count in the process's memory as if they were its own:
        # a 10x build's pieces of one output are 1 GB. Every 64 MB read they are let go (the system
        # keeps them in its cache, and reads them again from there if asked).
        self._touched += max(end - start, mmap.PAGESIZE)
        if self._touched > _MAPPED and hasattr(self._data, "madvise"):
            self._data.madvise(mmap.MADV_DONTNEED)
            self._touched = 0
        return self._data[start:end]

    def placed(self, events: Sequence[int]) -> tuple[list[int], list[int], list[int], list[int]]:
        """Of each event: where its piece starts (-1: none kept) and ends, its head's length, and
        where its note starts."""
        at = np.asarray(events, dtype=np.intp)
        return (
            self._starts[at].tolist(),
            self._ends[at].tolist(),
            self._heads[at].tolist(),
            self._notes[at].tolist(),
        )

    def head(self, event: int) -> int:
        """The length of the event's piece's head."""
        return int(self._heads[event])

    def note(self, event: int) -> bytes:
        """The note of the event's piece."""
        at = int(self._notes[event])
        return self.read(at, at + int(self._note_lengths[event]))

    @property
    def size(self) -> int:
        """The file's size when it was read (what is mapped of it)."""
        return len(self._data)

    def tail(self) -> bytes:
        """The file after its pieces: its index and trailer."""
        return self._data[self.pieces_end :]

    def rows(self, events: np.ndarray) -> np.ndarray:
        """The index's rows of the pieces of ``events`` (each with one)."""
        rows = np.empty(len(events), dtype=_INDEX)
        rows["key"] = self._keys[events]
        rows["start"] = starts = self._starts[events]
        rows["length"] = self._ends[events] - starts
        rows["head"], rows["note"] = self._heads[events], self._notes[events]
        rows["note_length"] = self._note_lengths[events]
        return rows


def _order(keys: np.ndarray) -> np.ndarray:
    """What an index is sorted and searched by: of each key, the number its two halves of 8 bytes
    make (exclusive or), which compares four times faster than 16 bytes (a 10x rebuild looks up
    3,500,000 keys). Keys that differ in one half only (a participant's and its event's) differ in it
    too; two keys that make one number (one pair in 2**64) are told apart by the whole key, and the
    one not found has its piece made again."""
    halves = np.ascontiguousarray(keys).view("<u8")
    number: np.ndarray = halves[::2] ^ halves[1::2]
    return number


@contextlib.contextmanager
def _found(path: Path, keys: np.ndarray) -> Iterator[_Found | None]:
    with contextlib.ExitStack() as stack:
        index = data = None
        try:
            handle = stack.enter_context(path.open("rb"))
            data = stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        except FileNotFoundError:  # none kept yet
            pass
        except (OSError, ValueError) as err:  # a folder, unreadable, empty (which cannot be mapped)
            log.warning("ignored %s: %s; its pieces are made again", path, err)
        if data is not None:
            index = _index(data, path)
        yield None if data is None or index is None else _Found(handle, data, index, keys)


def _index(data: mmap.mmap, path: Path) -> np.ndarray | None:
    """The index of a pieces file; None when it was written by other code, or is damaged (reported)."""
    problem = "too short to hold pieces"
    if len(data) >= _TRAILER.size:
        magic, made_by, start, count = _TRAILER.unpack_from(data, len(data) - _TRAILER.size)
        if magic != _MAGIC:
            problem = "not a pieces file"
        elif made_by != code_version():
            return None  # written by another version: nothing in it is ours to take
        elif start + count * _INDEX.itemsize != len(data) - _TRAILER.size:
            problem = "its index does not fit"
        else:
            # a copy: a view would hold the map open
            index = np.frombuffer(data, dtype=_INDEX, count=count, offset=start).copy()
            starts, lengths = index["start"], index["length"]
            notes, note_lengths = index["note"], index["note_length"]
            if not (
                (starts <= start)
                & (lengths <= start)
                & (starts + lengths <= start)
                & (index["head"] <= lengths)
                & (notes <= start)
                & (notes + note_lengths <= start)
            ).all():
                problem = "a piece lies outside the file"
            elif not ((order := _order(index["key"]))[1:] >= order[:-1]).all():
                problem = "its index is out of order"
            else:
                return index
    log.warning("ignored %s: %s; its pieces are made again", path, problem)
    return None


class _Keeper:
    """This build's pieces of one output, kept for the next build once all are written. Pieces are only
    an aid: when they cannot be written (the folder is read-only, the disk full) that is reported,
    and the build goes on without keeping them.

    The pieces this build takes from the last build's file (``found``) stay where they are: the new
    ones, then the index and the trailer, are written over that file's index and trailer, which are
    put back should the build fail (see :meth:`_last_file`). So the pieces taken are never copied, at
    the cost of keeping those no build takes any more; once the pieces taken are less than half of
    the file, it is written anew with only them, to a temporary file that replaces it on success. So
    is it when it is no longer the file the build read, or another build is writing to it: then the
    pieces taken are copied by the system to the new file's start.
    """

    def __init__(self, folder: Path, output: str, keys: np.ndarray, found: _Found | None = None) -> None:
        self._path = folder / output
        self._keys = keys
        # the last build's pieces, where they lie: unless most of them are unused
        self._base = found if found is not None and found.indexed * 2 >= found.pieces_end else None
        self._end = 0  # where the next piece goes
        self._events = array.array("q")
        self._starts = array.array("Q")
        self._lengths = array.array("Q")
        self._heads = array.array("I")
        self._notes = array.array("Q")  # where each piece's note lies, and its length
        self._note_lengths = array.array("I")
        self._noted: dict[bytes, int] = {}  # the notes written, and where
        self._in_base = array.array("q")  # the events whose piece is the last build's, where it lies
        self._pending: list[bytes] = []  # pieces written to the file a batch at a time: each write costs
        self._file: BinaryIO | None = None
        self._temporary = ""  # the file written anew, if it is
        #: where the last build's file is written over, and what it held from there: put back unless finished
        self._restore: tuple[int, bytes] | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._file = None if self._base is None else self._last_file(self._base)
            if self._file is None:
                handle, self._temporary = tempfile.mkstemp(dir=folder, prefix=f".{output}-")
                self._file = os.fdopen(handle, "wb")
                self._end = 0 if self._base is None else self._base.pieces_end
                self._file.seek(self._end)  # the last build's pieces go before, once all is written
        except OSError as err:
            self._give_up(err)

    def _last_file(self, base: _Found) -> BinaryIO | None:
        """The last build's file, open to write from where its index starts, locked against other
        builds; None when it is no longer the file ``base`` read (replaced or written to since), or
        another build holds it."""
        try:
            # unbuffered: on failure, what was written is put back with nothing left to flush after
            file = self._path.open("r+b", buffering=0)
        except OSError:  # read-only, say: written anew
            return None
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file closes
            now, read = os.fstat(file.fileno()), os.fstat(base.handle.fileno())
        except OSError:
            file.close()
            return None
        if (now.st_dev, now.st_ino, now.st_size) != (read.st_dev, read.st_ino, base.size):
            file.close()
            return None
        # the new pieces go where its index starts: kept aside, to be written back should the build fail
        self._end, self._restore = base.pieces_end, (base.pieces_end, base.tail())
        file.seek(self._end)
        return file

    def add(self, event: int, piece: bytes, head: int = 0, note: bytes = b"") -> None:
        if self._file is None:
            return
        at = self._noted.get(note) if note else 0
        if at is None:  # a note first met: written once, before its first piece
            at = self._noted[note] = self._end
            self._pending.append(note)
            self._end += len(note)
        self._pending.append(piece)
        self._events.append(event)
        self._starts.append(self._end)
        self._lengths.append(len(piece))
        self._heads.append(head)
        self._notes.append(at)
        self._note_lengths.append(len(note))
        self._end += len(piece)
        if len(self._pending) >= _BATCH:
            self._write_pending(self._file)

    def add_found(self, event: int, found: _Found) -> None:
        """The piece ``found`` holds for ``event``, kept where it is when the file starts with them."""
        if found is not self._base:
            self._copy_found(event, found)
        elif self._file is not None:
            self._in_base.append(event)

    def add_found_run(self, events: Sequence[int], found: _Found) -> None:
        """:meth:`add_found` of each of ``events``."""
        if found is not self._base:
            for event in events:
                self._copy_found(event, found)
        elif self._file is not None:
            self._in_base.extend(events)

    def _copy_found(self, event: int, found: _Found) -> None:
        piece = found.get(event)
        if piece is not None:
            self.add(event, piece, found.head(event), found.note(event))

    def _write_pending(self, file: BinaryIO) -> None:
        try:
            _write_all(file, b"".join(self._pending))
        except OSError as err:
            self._give_up(err)
        self._pending.clear()

    def __enter__(self) -> _Keeper:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        try:
            if kind is None and self._file is not None:
                self._finish(self._file)
        except OSError as err:
            self._give_up(err)
        finally:
            self._drop()

    def _finish(self, file: BinaryIO) -> None:
        self._write_pending(file)
        if self._file is None:  # given up
            return
        made = np.empty(len(self._events), dtype=_INDEX)
        made["key"] = self._keys[np.frombuffer(self._events, dtype=np.int64)]
        for name, values in (
            ("start", self._starts),
            ("length", self._lengths),
            ("head", self._heads),
            ("note", self._notes),
            ("note_length", self._note_lengths),
        ):
            made[name] = np.frombuffer(values, dtype=np.dtype(values.typecode))
        in_base = np.frombuffer(self._in_base, dtype=np.int64)
        taken = np.empty(0, dtype=_INDEX) if self._base is None else self._base.rows(in_base)
        index = np.concatenate((made, taken))
        index = index[np.argsort(_order(index["key"]), kind="stable")]
        _write_all(file, index.tobytes() + _TRAILER.pack(_MAGIC, code_version(), self._end, len(index)))
        file.flush()
        if not self._temporary:  # written over the last build's index: ends here, whole again
            file.truncate()
            self._restore = None
            return
        if self._base is not None:
            copy_range(self._base.handle, file, self._base.pieces_end)
        file.close()
        os.replace(self._temporary, self._path)

    def _give_up(self, err: OSError) -> None:
        log.warning("cannot keep the pieces of %s: %s; the next build makes them again", self._path, err)
        self._drop()

    def _drop(self) -> None:
        if self._file is not None:
            if self._restore is not None:  # written over, not finished: the last build's file as it was
                at, tail = self._restore
                with contextlib.suppress(OSError):
                    self._file.seek(at)
                    _write_all(self._file, tail)
                    self._file.truncate()
            self._file.close()
            self._file = None
        if self._temporary:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temporary)


def _write_all(file: BinaryIO, data: bytes) -> None:
    """``data`` written whole: an unbuffered file may take less at a time."""
    view = memoryview(data)
    while view:
        view = view[file.write(view) :]
