"""The actor network's layout kept between builds: a rebuild whose most active actors and pairs are
those the last build drew takes the positions it laid out (for the benchmark's 400 actors, 0.26 s of
the pages' 1.4 s) instead of laying them out again.

The positions are kept beside the cache, with the pieces (see :mod:`timeline.pieces`), under a digest
of everything the layout is made from: the actors, the pairs' weights, the seed, the iterations, and
the code that lays them out (:func:`timeline.pieces.code_version`, numpy's version). A file that is
damaged, or was laid out from anything else, is not taken.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from importlib.metadata import version
from pathlib import Path

from ..pieces import code_version

log = logging.getLogger(__name__)

NAME = "network.layout"
Positions = dict[str, tuple[float, float]]


def layout_digest(
    nodes: Sequence[str], weights: Mapping[tuple[str, str], float], *, seed: int, iterations: int
) -> str:
    """What identifies a layout: its nodes and weighted edges in order, how it is laid out, and by what code."""
    made_from = [seed, iterations, list(nodes), [[a, b, w.hex()] for (a, b), w in weights.items()]]
    digest = hashlib.blake2b(json.dumps(made_from).encode(), digest_size=16)
    digest.update(code_version() + f"\0numpy={version('numpy')}".encode())
    return digest.hexdigest()


class KeptLayout:
    """The last layout kept in ``folder`` (:data:`NAME`), and where this build's goes."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / NAME

    def get(self, digest: str) -> Positions | None:
        """The positions kept under ``digest``; None when another layout (or none) is kept."""
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
            if kept["digest"] != digest:
                return None
            return {str(node): (float(x), float(y)) for node, x, y in kept["positions"]}
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as err:
            log.warning("ignored %s: %s; the network is laid out again", self.path, err)
            return None

    def keep(self, digest: str, positions: Positions) -> None:
        """Keep ``positions`` under ``digest`` for the next build (replacing the file at once)."""
        text = json.dumps({"digest": digest, "positions": [[n, x, y] for n, (x, y) in positions.items()]})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{NAME}-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write(text)
                os.replace(temporary, self.path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
        except OSError as err:
            log.warning(
                "cannot keep the network's layout in %s: %s; the next build lays it out again", self.path, err
            )
