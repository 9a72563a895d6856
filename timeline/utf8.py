"""Writing UTF-8 bytes to a text file: the JSON encoders give bytes, which the text layer would decode
nothing from but still encode again, character by character."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from typing import TextIO

from .files import append_range
from .pieces import Stretch


def utf8_file(out: TextIO) -> bool:
    """Whether ``out`` is a file that writes text as UTF-8 bytes to a byte buffer, which takes them as they are."""
    return isinstance(out, io.TextIOWrapper) and codecs.lookup(out.encoding).name == "utf-8"


def utf8_path(out: TextIO) -> str | None:
    """The path of ``out`` when it is a UTF-8 file (:func:`utf8_file`) with a name, which can be read
    back; else None."""
    name = getattr(out.buffer, "name", None) if utf8_file(out) else None
    return name if isinstance(name, str) else None


def bytes_writer(out: TextIO) -> Callable[[bytes], object]:
    """A function that writes UTF-8 bytes to ``out``: straight to its buffer when it is a UTF-8 file
    (the text written to ``out`` before is flushed first; write no text to it while using this), else
    decoded. Line breaks are written as they are, as by a file opened with ``newline=""``."""
    if utf8_file(out):
        out.flush()
        return out.buffer.write
    return lambda data: out.write(data.decode("utf-8"))


def pieces_writer(out: TextIO) -> Callable[[bytes | Stretch], object]:
    """:func:`bytes_writer` that takes stretches of the pieces files too (see
    :meth:`timeline.pieces.Pieces.taken`): copied by the system when ``out`` is a file with a name."""
    write = bytes_writer(out)
    if utf8_path(out) is None:
        return lambda part: write(part if isinstance(part, bytes) else part.read())

    def write_part(part: bytes | Stretch) -> None:
        if isinstance(part, bytes):
            write(part)
        else:
            append_range(part.handle, part.start, part.length, out.buffer)

    return write_part
