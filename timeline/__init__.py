"""The event timeline builder: who did what to whom, and when, from news articles.

>>> import timeline
>>> result = timeline.build(["seeds"], out="output")      # doctest: +SKIP
>>> [(e.trigger.text, e.type, e.time.value) for e in result.events][:3]   # doctest: +SKIP
>>> saved = timeline.read_build("output")     # a saved build back, from events.json   # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING

from .errors import TimelineError
from .events import actor_timeline
from .records import Actor, Build, Document, Event, Mention, Timex

if TYPE_CHECKING:
    from .export import read_build, read_events_json, read_graphml
    from .pipeline import build

__all__ = [
    "Actor",
    "Build",
    "Document",
    "Event",
    "Mention",
    "TimelineError",
    "Timex",
    "__version__",
    "actor_timeline",
    "build",
    "read_build",
    "read_events_json",
    "read_graphml",
]


def __getattr__(name: str) -> object:
    """:func:`build` and the readers, imported when first asked for: the readers with the writers
    (plotly, networkx), so that a build starts parsing without waiting for them; the build (and with
    it numpy) so that the command can set up the process first (see :mod:`timeline.cli`)."""
    if name == "build":
        return importlib.import_module(".pipeline", __name__).build
    if name in ("read_build", "read_events_json", "read_graphml"):
        return getattr(importlib.import_module(".export", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
