"""Writing a build's outputs: one module per format, all staged and swapped into place together.

Readers come in pairs with the writers: :func:`read_events_json` (every record), :func:`read_graphml`
(what the knowledge graph holds) and :func:`read_build` (a whole output folder, for re-rendering).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..files import Staging
from ..graph import actor_network, knowledge_graph
from ..records import Build
from ..render import network_figure, page, timeline_figure
from .events_json import read_events_json, to_json
from .graphml import read_graphml, to_graphml
from .run_report import run_json
from .saved import read_build
from .tables import actors_csv, events_csv
from .timelinejs import to_timelinejs

__all__ = ["OUTPUTS", "RENDERED", "read_build", "read_events_json", "read_graphml", "write_all"]

OUTPUTS = (
    "events.json",
    "events.csv",
    "actors.csv",
    "graph.graphml",
    "actors.graphml",
    "timelinejs.json",
    "report.html",
    "timeline.html",
    "network.html",
    "run.json",
)
#: What ``timeline render`` writes from a saved build: everything but the run report, which belongs to
#: the run that parsed the articles.
RENDERED = tuple(name for name in OUTPUTS if name != "run.json")


def write_all(build: Build, out: Path, *, names: Iterable[str] = OUTPUTS) -> None:
    """Write the outputs ``names`` into ``out``; the previous files are replaced only once all are written."""
    names = list(names)
    unknown = sorted(set(names) - set(OUTPUTS))
    if unknown:
        raise ValueError(f"unknown outputs {unknown}; known: {', '.join(OUTPUTS)}")
    figures = {}
    if {"report.html", "timeline.html"} & set(names):
        figures["timeline"] = timeline_figure(build)
    if {"report.html", "network.html"} & set(names):
        figures["network"] = network_figure(build)
    writers: dict[str, Callable[[], str | bytes]] = {
        "events.json": lambda: to_json(build),
        "events.csv": lambda: events_csv(build),
        "actors.csv": lambda: actors_csv(build),
        "graph.graphml": lambda: to_graphml(knowledge_graph(build)),
        "actors.graphml": lambda: to_graphml(actor_network(build)),
        "timelinejs.json": lambda: to_timelinejs(build),
        "report.html": lambda: page(
            build,
            [("timeline", figures["timeline"]), ("network", figures["network"])],
            "Event timeline",
        ),
        "timeline.html": lambda: page(build, [("timeline", figures["timeline"])], "Event timeline"),
        "network.html": lambda: page(build, [("network", figures["network"])], "Actor network"),
        "run.json": lambda: run_json(build),
    }
    with Staging(out) as staging:
        for name in names:
            data = writers[name]()
            # The exporters drop or escape lone surrogates (no UTF-8 form); "replace" is the last guard
            # for the pages, so a stray one in an article costs a "?" rather than the whole build.
            raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
            staging.path(name).write_bytes(raw)
