"""Writing a build's outputs: one module per format, all staged and swapped into place together."""

from __future__ import annotations

from pathlib import Path

from ..files import Staging
from ..graph import actor_network, knowledge_graph
from ..records import Build
from ..render import network_figure, page, timeline_figure
from .events_json import read_events_json, to_json
from .graphml import to_graphml
from .run_report import run_json
from .tables import actors_csv, events_csv

__all__ = ["OUTPUTS", "read_events_json", "write_all"]

OUTPUTS = (
    "events.json",
    "events.csv",
    "actors.csv",
    "graph.graphml",
    "actors.graphml",
    "report.html",
    "timeline.html",
    "network.html",
    "run.json",
)


def write_all(build: Build, out: Path) -> None:
    """Write every output into ``out``; the previous files are replaced only once all are written."""
    timeline, network = timeline_figure(build), network_figure(build)
    texts: dict[str, str | bytes] = {
        "events.json": to_json(build),
        "events.csv": events_csv(build),
        "actors.csv": actors_csv(build),
        "graph.graphml": to_graphml(knowledge_graph(build)),
        "actors.graphml": to_graphml(actor_network(build)),
        "report.html": page(build, [("timeline", timeline), ("network", network)], "Event timeline"),
        "timeline.html": page(build, [("timeline", timeline)], "Event timeline"),
        "network.html": page(build, [("network", network)], "Actor network"),
        "run.json": run_json(build),
    }
    with Staging(out) as staging:
        for name in OUTPUTS:
            data = texts[name]
            staging.path(name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
