"""The network view: who acted on whom, how often, and whether in conflict or cooperation.

Actors are nodes sized by the events they take part in and coloured by kind (one legend entry per
kind); each (source, target) pair is a directed edge, wider with more events and coloured by their mean
Goldstein score, from red (conflict) to green (cooperation), grey when none is scored. An arrowhead
two thirds along each edge shows the direction and carries the edge's hover: the main events between
the pair. The layout is a seeded spring layout, so a build always draws the same picture.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import networkx as nx
import plotly.graph_objects as go
import plotly.io as pio
from threadpoolctl import threadpool_limits

from ..graph import Pair, interactions
from ..records import Build, Event
from .kept_layout import KeptLayout, layout_digest
from .plot_html import FigureSpec
from .text import Counted, Lookup, esc, kind_colour, source_count

#: Actors drawn, the most active first: a spring layout of thousands takes tens of seconds and is no
#: more readable. Under 500, networkx lays them out in numpy (its dense Fruchterman-Reingold); from
#: 500 on it switches to a sparse layout through scipy, which for 500 actors took 0.57 s against
#: 0.22 s for 400 here, and whose import costs half a second more.
MAX_ACTORS = 400
#: Actors named on the picture; the others are named on hover.
MAX_LABELS = 25
#: Edges drawn; beyond this the weakest pairs are left out (and counted in the subtitle).
MAX_EDGES = 2000
#: Events listed in an edge's hover.
MAX_HOVER_EVENTS = 5
SEED = 7
#: Mean Goldstein score from conflict (-10, red) through neutral (grey, visible on white) to cooperation
#: (+10, green); given as stops because plotly.js knows only a few scales by name.
GOLDSTEIN_SCALE = (
    (0.0, "#b2182b"),
    (0.25, "#e08060"),
    (0.5, "#9a9a9a"),
    (0.75, "#6fb06f"),
    (1.0, "#1a7837"),
)
UNSCORED = "#c4c4c4"
#: Line colours of five bands of mean score, -10, -5, 0, 5, 10 (markers use the continuous scale).
BAND_COLOURS = tuple(colour for _, colour in GOLDSTEIN_SCALE)
ARROW_AT = 0.66  # how far along an edge its arrowhead sits: near the target, clear of the source node


def spring_positions(
    nodes: Sequence[str], pairs: Sequence[Pair], *, seed: int = SEED, kept: KeptLayout | None = None
) -> dict[str, tuple[float, float]]:
    """A seeded spring layout; pairs with more events pull harder (logarithmically). The nodes are laid
    out in the order of their ids, so that the same actors and pairs give the same picture, and the
    layout ``kept`` by the last build for them is taken (see :mod:`.kept_layout`)."""
    if not nodes:
        return {}
    weights: dict[tuple[str, str], float] = {}
    for pair in pairs:
        edge = (pair.source, pair.target) if pair.source <= pair.target else (pair.target, pair.source)
        weights[edge] = weights.get(edge, 0.0) + 1.0 + math.log(len(pair.events))
    order, weights = sorted(nodes), dict(sorted(weights.items()))
    # networkx's default of 50 iterations takes seconds at 500 actors; 30 settle a picture as readable
    iterations = 50 if len(nodes) < 200 else 30
    digest = layout_digest(order, weights, seed=seed, iterations=iterations) if kept is not None else ""
    found = kept.get(digest) if kept is not None else None
    if found is not None:
        return found
    graph = nx.Graph()
    graph.add_nodes_from(order)
    graph.add_edges_from((a, b, {"weight": w}) for (a, b), w in weights.items())
    # on one BLAS thread: the pages are written beside other writers, a process per core, where
    # OpenBLAS's threads of their own only spin on cores the others use (for 500 actors: the same
    # time, twice the CPU)
    with threadpool_limits(limits=1, user_api="blas"):
        positions = nx.spring_layout(graph, seed=seed, weight="weight", iterations=iterations, method="force")
    laid = {n: (round(float(x), 5), round(float(y), 5)) for n, (x, y) in positions.items()}
    if kept is not None:
        kept.keep(digest, laid)
    return laid


def network_figure(build: Build, **options: Any) -> go.Figure:
    """:func:`network_spec` (with its keyword ``options``) as a plotly figure, built without plotly's
    per-element validation, which costs seconds at 20,000 events; the tests validate it in full."""
    return go.Figure(network_spec(build, **options), _validate=False)


def network_spec(
    build: Build,
    *,
    max_actors: int = MAX_ACTORS,
    max_labels: int = MAX_LABELS,
    max_edges: int = MAX_EDGES,
    seed: int = SEED,
    counted: Counted | None = None,
    kept: KeptLayout | None = None,
) -> FigureSpec:
    """The actor network of a build: nodes per actor kind, edges binned by score and weight.

    The ``max_actors`` most active actors are drawn, with the pairs between them (the ``max_edges``
    strongest); the subtitle says how many were left out. ``counted``: the build's
    :class:`Counted`, when other figures share it; ``kept``: the layout the last build kept.
    """
    lookup = Lookup.of(build)
    counted = counted or Counted.of(build)
    events, counts = counted.events, counted.activity
    ranked = sorted(counts, key=lambda a: (-counts[a], lookup.name(a).casefold(), a))
    nodes = ranked[:max_actors]
    shown = set(nodes)
    every_pair = interactions(events)
    all_pairs = [p for p in every_pair if p.source in shown and p.target in shown]
    pairs = all_pairs[:max_edges]
    positions = spring_positions(nodes, all_pairs, seed=seed, kept=kept)  # every pair pulls, drawn or not
    partners: dict[str, Counter[str]] = defaultdict(Counter)
    for pair in every_pair:
        partners[pair.source][pair.target] += len(pair.events)
        partners[pair.target][pair.source] += len(pair.events)
    traces = _edges(pairs, positions, lookup)
    labelled = set(nodes[:max_labels])
    kinds = sorted({_kind(lookup, a) for a in nodes})
    biggest = max(counts.values(), default=1)
    for kind in kinds:
        members = [a for a in nodes if _kind(lookup, a) == kind]
        traces.append(
            {
                "type": "scatter",
                "x": [positions[a][0] for a in members],
                "y": [positions[a][1] for a in members],
                "mode": "markers+text",
                "name": esc(kind or "unknown"),
                "text": [esc(lookup.name(a)) if a in labelled else "" for a in members],
                "textposition": "top center",
                "textfont": {"size": 11, "shadow": "auto"},  # a halo keeps labels legible over edges
                "hovertext": [_node_hover(a, kind, counts[a], partners[a], lookup) for a in members],
                "hoverinfo": "text",
                "customdata": members,
                "marker": {
                    "size": [round(6.0 + 30.0 * (counts[a] / biggest) ** 0.5, 2) for a in members],
                    "color": kind_colour(kind),
                    "line": {"width": 1, "color": "white"},
                },
                "meta": {"part": "actors"},
            }
        )
    drawn = f"the {len(nodes)} most active of {len(ranked)} actors" if len(ranked) > len(nodes) else ""
    if len(pairs) < len(every_pair):
        strongest = "strongest " if len(pairs) < len(all_pairs) else ""
        drawn += f"{' with ' if drawn else ''}{len(pairs)} {strongest}pairs"
    note = f"; {drawn} drawn" if drawn else ""
    layout: dict[str, Any] = dict(
        title={
            "text": "Who acted on whom",
            "subtitle": {
                "text": f"{len(ranked)} actors, {len(every_pair)} directed pairs{note}. "
                "Node size: events; edge colour: mean Goldstein score (red conflict, green cooperation)"
            },
        },
        height=760,
        template=pio.templates["plotly_white"].to_plotly_json(),
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend={"title": {"text": "actor kind"}, "itemsizing": "constant"},
        margin={"t": 90, "l": 10, "r": 10, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
    )
    if not nodes:
        layout["annotations"] = [
            {"text": "no actors in events", "showarrow": False, "xref": "paper", "yref": "paper"}
        ]
    return {"data": traces, "layout": layout}


def _kind(lookup: Lookup, actor: str) -> str:
    found = lookup.actors.get(actor)
    return found.kind if found else ""


def _edges(
    pairs: Sequence[Pair], positions: dict[str, tuple[float, float]], lookup: Lookup
) -> list[dict[str, Any]]:
    """Edge lines binned by (colour, width), then one arrowhead trace each for scored and unscored pairs."""
    traces: list[dict[str, Any]] = []
    lines: dict[tuple[str, float], list[Pair]] = defaultdict(list)
    for pair in pairs:
        lines[(_edge_colour(pair.goldstein), _edge_width(len(pair.events)))].append(pair)
    for (colour, width), members in sorted(lines.items()):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for pair in members:
            (x0, y0), (x1, y1) = positions[pair.source], positions[pair.target]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "line": {"color": colour, "width": width},
                "opacity": 0.6,
                "hoverinfo": "skip",
                "showlegend": False,
                "meta": {"part": "edges"},
            }
        )
    for scored in (True, False):
        members = [p for p in pairs if (p.goldstein is not None) == scored]
        if not members:
            continue
        marker: dict[str, Any] = {
            "symbol": "triangle-up",
            "size": [round(10.0 + 2.0 * math.log2(len(p.events)), 2) for p in members],
            "angle": [_angle(positions[p.source], positions[p.target]) for p in members],
        }
        if scored:
            marker |= {
                "color": [round(p.goldstein or 0.0, 2) for p in members],
                "colorscale": [list(stop) for stop in GOLDSTEIN_SCALE],
                "cmin": -10,
                "cmax": 10,
                "colorbar": {"title": {"text": "mean<br>Goldstein"}, "len": 0.5, "thickness": 12},
            }
        else:
            marker["color"] = UNSCORED
        heads = [_along(positions[p.source], positions[p.target]) for p in members]
        traces.append(
            {
                "type": "scatter",
                "x": [x for x, _ in heads],
                "y": [y for _, y in heads],
                "mode": "markers",
                "marker": marker,
                "hovertext": [_edge_hover(p, lookup) for p in members],
                "hoverinfo": "text",
                "customdata": [f"{p.source}\n{p.target}" for p in members],
                "showlegend": False,
                "meta": {"part": "arrows"},
            }
        )
    return traces


def _along(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return round(a[0] + ARROW_AT * (b[0] - a[0]), 5), round(a[1] + ARROW_AT * (b[1] - a[1]), 5)


def _angle(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Clockwise degrees from north, the way plotly turns a marker (the axes keep a 1:1 aspect)."""
    return round(math.degrees(math.atan2(b[0] - a[0], b[1] - a[1])), 1)


def _edge_colour(goldstein: float | None) -> str:
    """The colour of a mean score rounded to one of five bands, so that lines can share traces."""
    if goldstein is None or math.isnan(goldstein):  # a saved build may carry any float
        return UNSCORED
    band = round((min(max(goldstein, -10.0), 10.0) + 10.0) / 5.0)  # 0..4: -10, -5, 0, 5, 10
    return BAND_COLOURS[band]


def _edge_width(weight: int) -> float:
    return 1.2 if weight == 1 else 2.2 if weight <= 4 else 4.0


def _edge_hover(pair: Pair, lookup: Lookup) -> str:
    score = f", mean Goldstein {pair.goldstein:+.1f}" if pair.goldstein is not None else ""
    head = (
        f"<b>{esc(lookup.name(pair.source))} → {esc(lookup.name(pair.target))}</b>: "
        f"{len(pair.events)} event{'s' if len(pair.events) != 1 else ''}{score}"
    )
    main = sorted(
        pair.events,
        key=lambda e: (-source_count(e), -abs(e.goldstein or 0.0), e.time.value or "~", e.id),
    )
    lines = [head] + [_event_line(e) for e in main[:MAX_HOVER_EVENTS]]
    if len(main) > MAX_HOVER_EVENTS:
        lines.append(f"… and {len(main) - MAX_HOVER_EVENTS} more")
    return "<br>".join(lines)


def _event_line(event: Event) -> str:
    """One event in a list: date, type and the trigger in a short stretch of its sentence."""
    start = max(event.trigger.start - event.sentence_start, 0)
    sentence = event.sentence_text
    before = sentence[max(start - 40, 0) : start]
    after = sentence[start + len(event.trigger.text) : start + len(event.trigger.text) + 40]
    return (
        f"{esc(event.time.value or 'undated')} · {esc(event.type)} · "
        f"…{esc(before)}<b>{esc(event.trigger.text)}</b>{esc(after)}…"
    )


def _node_hover(actor: str, kind: str, events: int, partners: Counter[str], lookup: Lookup) -> str:
    found = lookup.actors.get(actor)
    lines = [f"<b>{esc(lookup.name(actor))}</b> ({esc(kind or 'unknown')}), {events} events"]
    if found and found.aliases:
        lines.append("also: " + esc(", ".join(found.aliases[:5])))
    top = sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    if top:
        lines.append("with: " + ", ".join(f"{esc(lookup.name(a))} ({n})" for a, n in top))
    return "<br>".join(lines)
