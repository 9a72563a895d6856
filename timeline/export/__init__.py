"""Writing a build's outputs: one module per format, all staged and swapped into place together.

Readers come in pairs with the writers: :func:`read_events_json` (every record), :func:`read_graphml`
(what the knowledge graph holds) and :func:`read_build` (a whole output folder, for re-rendering).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from ..collector import frozen
from ..files import Staging, append_range, copies_aside, synced_aside
from ..graph import actor_network, knowledge_streams
from ..pieces import Pieces, Reuse, pieces_of
from ..records import Build
from ..render.kept_layout import KeptLayout
from ..render.network_view import network_spec
from ..render.page import Sections, plot_div, write_page
from ..render.plot_html import FigureSpec
from ..render.text import Counted
from ..render.timeline_view import timeline_spec
from ..utf8 import utf8_path
from .events_json import read_events_json, write_json
from .graphml import read_graphml, write_graphml
from .graphml_safe import graph_streams
from .parallel import COST, COST_FOUND, in_order, write_shared
from .run_report import run_json
from .saved import read_build
from .tables import write_actors_csv, write_events_csv
from .timelinejs import write_timelinejs

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
#: Events beyond which one process writes every output. A forked writer shares the build's records
#: with this process only until either reads them (reading a Python object writes its reference
#: count, so its memory page is copied): two writers hold two copies of every record, which for
#: 100,000 events is about 250 MB more, and for a big build would double its peak memory.
SHARED_WRITE_EVENTS = 100_000


def write_all(
    build: Build,
    out: Path,
    *,
    names: Iterable[str] = OUTPUTS,
    jobs: int = 1,
    pieces: Path | None = None,
    digests: dict[str, bytes] | None = None,
) -> None:
    """Write the outputs ``names`` into ``out``; the previous files are replaced only once all are written.

    ``pieces``: the folder where the outputs' per-event pieces are kept between builds (see
    :mod:`timeline.pieces`); None: every piece is made, none kept. ``digests``: the digest of the
    stored bytes of each article read back from the cache, by document id, which the pieces' keys
    of its events are made from (see :func:`timeline.piece_keys.event_keys`).

    With ``jobs`` above 1 the outputs are shared out among that many processes (see
    :func:`timeline.export.parallel.write_shared`); the files are the same whichever process writes them.
    A build of more than :data:`SHARED_WRITE_EVENTS` events is written by this process alone.
    """
    names = list(names)
    unknown = sorted(set(names) - set(OUTPUTS))
    if unknown:
        raise ValueError(f"unknown outputs {unknown}; known: {', '.join(OUTPUTS)}")
    if len(build.events) > SHARED_WRITE_EVENTS:
        jobs = 1
    # the records set aside: a figure let go is collected without walking them (see timeline.collector)
    with Staging(out) as staging, frozen():
        reuse = None if pieces is None else Reuse.of(build, pieces, digests)  # made once, for every writer
        costs = dict(COST)
        if reuse is not None:  # what the last build's pieces spare
            costs.update((unit, cost) for unit, cost in COST_FOUND.items() if reuse.kept(_PIECES[unit]))
        write_shared(
            functools.partial(_write_group, build, staging, reuse),
            in_order(names, together=tuple(_PAGES), costs=costs),
            jobs,
        )


def _write_group(build: Build, staging: Staging, reuse: Reuse | None, names: list[str]) -> None:
    """Write the outputs ``names`` (in that order) into the staging folder."""
    figures: dict[str, FigureSpec] = {}
    counted = functools.cache(lambda: Counted.of(build))  # what the figures and sections all count
    sections = functools.cache(lambda: Sections.of(build, counted()))  # made for the first page, shared
    plots = _Plots()  # a figure's div made once for the pages that show it alike
    layout = None if reuse is None else KeptLayout(reuse.folder)  # the network's, kept with the pieces
    # what each figure holds open while it is written: the pieces of its hover texts, when it has some
    # (see timeline.render.plot_html.PiecedTexts); inside the group's, which a failure ends
    held = contextlib.ExitStack()
    opened: dict[str, contextlib.ExitStack] = {}

    def page_of(name: str) -> Callable[[TextIO], None]:
        def write(out: TextIO) -> None:
            shown = _PAGES[name]
            for kind in shown:
                if kind not in figures:
                    opened[kind] = held.enter_context(contextlib.ExitStack())
                    pieces = opened[kind].enter_context(
                        pieces_of(reuse if kind in _HOVERS else None, _HOVERS.get(kind, ""))
                    )
                    figures[kind] = _FIGURES[kind](build, pieces, counted(), layout)
            write_page(
                build,
                [(kind, figures[kind]) for kind in shown],
                _TITLES[name],
                out,
                sections=sections(),
                plot=plots.write,
            )
            # a figure that no later page shows is let go: a big build's timeline weighs hundreds of MB
            later = {kind for n in names[names.index(name) + 1 :] for kind in _PAGES.get(n, ())}
            for kind in set(figures) - later:
                del figures[kind]
                opened.pop(kind).close()

        return write

    def whole(text: Callable[[], str]) -> Callable[[TextIO], None]:
        return lambda out: _write_text(out, text())

    # Each writer writes its file as it goes: a 10x build's outputs never sit whole in memory.
    def pieced(write: Callable[[Build, TextIO, Pieces], None], name: str) -> Callable[[TextIO], None]:
        def write_pieced(out: TextIO) -> None:
            with pieces_of(reuse, name) as pieces:
                write(build, out, pieces)

        return write_pieced

    writers: dict[str, Callable[[TextIO], None]] = {
        "events.json": pieced(write_json, "events.json"),
        "events.csv": pieced(write_events_csv, "events.csv"),
        "actors.csv": lambda out: write_actors_csv(build, out),
        "graph.graphml": lambda out: _write_knowledge_graph(build, out, staging, reuse),
        "actors.graphml": lambda out: write_graphml(
            graph_streams(actor_network(build)),
            out,
            scratch=staging.folder,
            last=staging.out / "actors.graphml",
        ),
        "timelinejs.json": pieced(
            lambda build, out, pieces: write_timelinejs(build, out, pieces=pieces), "timelinejs.json"
        ),
        "report.html": page_of("report.html"),
        "timeline.html": page_of("timeline.html"),
        "network.html": page_of("network.html"),
        "run.json": whole(lambda: run_json(build)),
    }
    with held:
        _write_files(staging, names, writers)


def _write_knowledge_graph(build: Build, out: TextIO, staging: Staging, reuse: Reuse | None) -> None:
    """graph.graphml, with a piece per event node and one per participant's edge."""
    edges = None if reuse is None else reuse.per_participant(build)
    with pieces_of(reuse, "graph.graphml") as pieces, pieces_of(edges, _EDGES) as edge_pieces:
        write_graphml(
            knowledge_streams(build),
            out,
            scratch=staging.folder,
            pieces=pieces,
            edge_pieces=edge_pieces,
            last=staging.out / "graph.graphml",
        )


def _write_files(staging: Staging, names: list[str], writers: dict[str, Callable[[TextIO], None]]) -> None:
    # each file put on disk by a thread of its own while the next is written (see files.synced_aside)
    with synced_aside() as sync:
        for name in names:
            # The exporters drop or escape lone surrogates (no UTF-8 form); "replace" is the last guard
            # for the pages, so a stray one in an article costs a "?" rather than the whole build.
            # GraphML writes any left as character references, as XML writers do.
            errors = "xmlcharrefreplace" if name.endswith(".graphml") else "replace"
            # the pieces copied into it (see timeline.pieces) are copied by a thread of their own
            path = staging.path(name)
            with (
                path.open("w", encoding="utf-8", errors=errors, newline="") as handle,
                copies_aside(handle.buffer),
            ):
                writers[name](handle)
            sync(path)


_PAGES = {
    "report.html": ("timeline", "network"),
    "timeline.html": ("timeline",),
    "network.html": ("network",),
}
_EDGES = "graph.graphml.edges"  # the pieces of the knowledge graph's edges
_HOVERS = {"timeline": "timeline.hover"}  # the pieces of a figure's hover texts (the network's are per actor)
_PIECES = {
    "pages": _HOVERS["timeline"],
    "graph.graphml": "graph.graphml",
    "events.csv": "events.csv",
    "events.json": "events.json",
    "timelinejs.json": "timelinejs.json",
}
_TITLES = {
    "report.html": "Event timeline",
    "timeline.html": "Event timeline",
    "network.html": "Actor network",
}
_FIGURES: dict[str, Callable[[Build, Pieces, Counted, KeptLayout | None], FigureSpec]] = {
    "timeline": lambda build, pieces, counted, _: timeline_spec(build, pieces=pieces, counted=counted),
    "network": lambda build, _, counted, layout: network_spec(build, counted=counted, kept=layout),
}
_CHUNK = 1 << 20


class _Plots:
    """Figure divs written into the first page that shows them, then copied from there into each
    page that shows the same figure with the same script."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, bool], tuple[str, int, int]] = {}  # the file, where it starts, its length

    def write(self, out: TextIO, div_id: str, fig: FigureSpec, with_plotly: bool) -> None:
        path = utf8_path(out)
        if path is None:  # not a file to copy from: made for each page
            plot_div(out, div_id, fig, with_plotly)
            return
        out.flush()
        made = self._made.get((div_id, with_plotly))
        if made is not None:
            name, start, length = made
            with open(name, "rb") as page:
                append_range(page, start, length, out.buffer)
            return
        start = out.buffer.tell()
        plot_div(out, div_id, fig, with_plotly)
        out.flush()
        self._made[div_id, with_plotly] = (path, start, out.buffer.tell() - start)


def _write_text(out: TextIO, text: str) -> None:
    # in pieces: the file encodes what it is given at once, and a big page would be copied whole
    for start in range(0, len(text), _CHUNK):
        out.write(text[start : start + _CHUNK])
