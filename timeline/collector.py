"""Python's cycle collector around the build's big, acyclic records and its forked processes.

The records are frozen dataclasses that hold no cycles: reference counting frees them, while each
collection walks every record made so far. And a forked child's collections would visit (so write to,
so copy page by page) every object it inherits from its parent.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collections inside (a third of the linking time for 51,000 events went to them); the
    collector is as it was after, also on error."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


#: How many :func:`frozen` this process is inside (a forked child inherits the count).
_depth = 0


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """What this process holds (the model, the records) set aside in the collector's permanent
    generation: children forked inside never walk it in their collections, so its pages stay shared
    with this process, and a collection inside walks only what was made since."""
    global _depth
    # inside another, that one sets them back; so does the caller who set some aside before. Only
    # the outermost asks (the count walks everything set aside: 0.05 s for a build's records)
    outermost = _depth == 0 and gc.get_freeze_count() == 0
    gc.freeze()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if outermost:
            gc.unfreeze()


def set_aside() -> None:
    """Inside :func:`frozen`, with the collector paused: what was made since (the build's records)
    set aside too, until that :func:`frozen` ends. When the collector resumes, its next collection
    walks every object made while it was paused, as they are all young: for records that hold no
    cycles, that is time spent for nothing."""
    gc.freeze()
