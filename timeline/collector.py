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


@contextlib.contextmanager
def frozen_for_fork() -> Iterator[None]:
    """What this process holds (the model, the records) set aside in the collector's permanent
    generation while children forked inside run: their collections never walk it, and its pages stay
    shared with this process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
