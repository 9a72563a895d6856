"""The timeline view: what happened when, one lane per leading actor (or per event type).

Each dated event is a marker at its date; a date coarser than a day (a week, a month, a year) is drawn
as a line over the whole period with the marker at its middle, so the precision is visible. Undated
events sit in their own strip above, in story order. A cross-article event is one marker, sized by the
number of articles reporting it.

Traces come in one legend group per (quad class, event type): markers, spans and undated markers of a
type toggle together. Each trace's ``meta`` names its type and part, which the page's filters read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from ..periods import period
from ..pieces import NO_PIECES, Pieces
from ..records import Build, Event
from ..text import clean_text
from .plot_html import FigureSpec, PiecedTexts
from .text import (
    QUAD_SHADES,
    Counted,
    Lookup,
    esc,
    event_actors,
    event_hover,
    lead_actor,
    quad_name,
    source_count,
    unique_events,
    web_link,
)

#: Lanes drawn for single actors; the less active ones share one lane.
MAX_LANES = 30
OTHER_ACTORS = "other actors"
NO_ACTOR = "no actor"
UNDATED = "undated"
LANE_PX = 22
#: Markers beyond which the timeline draws with WebGL: SVG markers cost seconds by the ten thousand,
#: twice over because the range slider redraws every SVG trace (it leaves WebGL ones out).
WEBGL_ABOVE = 3000
UNDATED_PX = 70

Key = tuple[int | None, str]  # (quad class, event type): one legend group


@dataclass(frozen=True)
class Placed:
    """A dated event and the calendar period its date covers."""

    event: Event
    first: dt.date
    last: dt.date

    @property
    def middle(self) -> dt.date:
        return self.first + (self.last - self.first) / 2


def timeline_figure(build: Build, **options: Any) -> go.Figure:
    """:func:`timeline_spec` (with its keyword ``options``) as a plotly figure, built without plotly's
    per-element validation, which costs seconds at 20,000 events; the tests validate it in full."""
    return go.Figure(timeline_spec(build, **options), _validate=False)


def timeline_spec(
    build: Build,
    *,
    lanes: str = "actor",
    max_lanes: int = MAX_LANES,
    webgl_above: int = WEBGL_ABOVE,
    pieces: Pieces = NO_PIECES,
    counted: Counted | None = None,
) -> FigureSpec:
    """Events on a time axis: lanes per actor or per type (``lanes="actor"|"type"``, switchable).

    Beyond ``webgl_above`` events the markers are drawn with WebGL (``scattergl``). With ``pieces``,
    each event's hover text is a piece (see :mod:`timeline.pieces`), taken when the last build kept
    it, else made and kept, as the page is written (see :class:`PiecedTexts`): such a spec is for the
    pages only, written while ``pieces`` is open. ``counted``: the build's :class:`Counted`, when other figures
    share it.
    """
    lookup = Lookup.of(build)
    hover = _Hovers(build, lookup, pieces)
    events = counted.events if counted else unique_events(build.events)
    keys = sorted({_key(e) for e in events}, key=_key_order)
    colours = _colours(keys)
    placed: dict[Key, list[Placed]] = {k: [] for k in keys}
    undated: dict[Key, list[tuple[int, Event]]] = {k: [] for k in keys}
    story = 0
    for event in events:
        span = period(event.time.value)
        if span is None:
            story += 1
            undated[_key(event)].append((story, event))
        else:
            placed[_key(event)].append(Placed(event, *span))
    # lanes only for what is drawn on the time axis: undated events have their own strip
    dated = [row.event for rows in placed.values() for row in rows]
    by_actor, actor_order = actor_lanes(dated, lookup, max_lanes)
    type_order = list(dict.fromkeys(esc(kind) for quad, kind in keys if placed[(quad, kind)]))

    marker_type = "scattergl" if len(events) > webgl_above else "scatter"
    traces: list[dict[str, Any]] = []
    dated_traces: list[int] = []
    y_by_actor: list[list[str | None]] = []
    y_by_type: list[list[str | None]] = []
    for key in keys:
        quad, kind = key
        # the type as a lane label (inert markup) and as the page's script reads its toggle's value
        type_lane, shown = esc(kind), clean_text(kind)
        group = {"legendgroup": f"{quad}-{type_lane}"}
        colour = colours[key]
        rows = sorted(placed[key], key=lambda row: (_symbol(row) != "circle", row.first, row.event.id))
        spans = [row for row in rows if row.first != row.last]
        if spans:
            traces.append(
                {
                    "type": "scatter",
                    "x": [d for row in spans for d in (row.first.isoformat(), row.last.isoformat(), None)],
                    "y": [lane for row in spans for lane in (by_actor[row.event.id],) * 2 + (None,)],
                    "mode": "lines",
                    "line": {"color": colour, "width": 3},
                    "opacity": 0.45,
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "meta": {"type": shown, "part": "spans"},
                    **group,
                }
            )
            dated_traces.append(len(traces) - 1)
            y_by_actor.append(traces[-1]["y"])
            y_by_type.append([y for _ in spans for y in (type_lane, type_lane, None)])
        name = f"{esc(kind)} · {quad_name(quad)}"
        if rows:
            traces.append(
                {
                    "type": marker_type,
                    "x": [row.middle.isoformat() for row in rows],
                    "y": [by_actor[row.event.id] for row in rows],
                    "mode": "markers",
                    "name": name,
                    "hovertext": hover([row.event for row in rows]),
                    "hoverinfo": "text",
                    "customdata": [_custom(row.event, lookup) for row in rows],
                    "marker": {
                        "color": colour,
                        "size": _sizes([row.event for row in rows]),
                        "symbol": [_symbol(row) for row in rows],
                        "line": {"width": 1, "color": colour},
                    },
                    "meta": {"type": shown, "part": "events"},
                    **group,
                }
            )
            dated_traces.append(len(traces) - 1)
            y_by_actor.append(traces[-1]["y"])
            y_by_type.append([type_lane] * len(rows))
        if undated[key]:
            traces.append(
                {
                    "type": marker_type,
                    "x": [n for n, _ in undated[key]],
                    "y": [f"{UNDATED} ({story})"] * len(undated[key]),
                    "xaxis": "x2",
                    "yaxis": "y2",
                    "mode": "markers",
                    "hovertext": hover([e for _, e in undated[key]]),
                    "hoverinfo": "text",
                    "customdata": [_custom(e, lookup) for _, e in undated[key]],
                    "marker": {
                        "color": colour,
                        "size": _sizes([e for _, e in undated[key]]),
                        "symbol": "circle-open",
                    },
                    "name": name,
                    "showlegend": not rows,  # the type's legend entry when it has no dated event
                    "meta": {"type": shown, "part": "undated"},
                    **group,
                }
            )
    n_undated = sum(len(v) for v in undated.values())
    lane_sets = {"actor": actor_order, "type": type_order}
    layout = _layout(lane_sets, lanes, n_undated, dated_traces, y_by_actor, y_by_type, build)
    if lanes == "type":
        for index, ys in zip(dated_traces, y_by_type, strict=True):
            traces[index]["y"] = ys
    return {"data": traces, "layout": layout}


class _Hovers:
    """The hover texts of a trace's events: made, or with pieces, written from them (see
    :class:`PiecedTexts`)."""

    def __init__(self, build: Build, lookup: Lookup, pieces: Pieces) -> None:
        self._events = build.events
        self._lookup = lookup
        self._pieces = pieces
        self._places = build.first_places() if pieces is not NO_PIECES else {}

    def __call__(self, events: Sequence[Event]) -> list[str] | PiecedTexts:
        if self._pieces is NO_PIECES:
            return [event_hover(event, self._lookup) for event in events]
        return PiecedTexts([self._places[event.id] for event in events], self._text, self._pieces)

    def _text(self, place: int) -> str:
        # an event shown once is its id's first record
        return event_hover(self._events[place], self._lookup)


def actor_lanes(events: Sequence[Event], lookup: Lookup, max_lanes: int) -> tuple[dict[str, str], list[str]]:
    """The lane of each event (by its leading actor) and the lanes top to bottom, most active first."""
    leads = {e.id: lead_actor(e) for e in events}
    activity = Counter(a for a in leads.values() if a is not None)
    ranked = sorted(activity, key=lambda a: (-activity[a], lookup.name(a).casefold(), a))
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for actor in ranked[:max_lanes]:
        name = esc(lookup.name(actor))
        found = lookup.actors.get(actor)
        kind = f"{name} ({esc(found.kind)})" if found and found.kind else name
        # two actors of one name: tell them apart by kind, else by id
        label = next(c for c in (name, kind, f"{name} ({esc(actor)})") if c not in taken)
        labels[actor] = label
        taken.add(label)
    rest = len(ranked) - len(labels)
    other = f"{OTHER_ACTORS} ({rest})"
    lane_of = {
        event: NO_ACTOR if actor is None else labels.get(actor, other) for event, actor in leads.items()
    }
    order = list(labels.values())
    if rest:
        order.append(other)
    if None in leads.values():
        order.append(NO_ACTOR)
    return lane_of, order


def _key(event: Event) -> Key:
    return event.quad_class, event.type


def _key_order(key: Key) -> tuple[bool, int, str]:
    quad, kind = key
    return quad is None, quad or 0, kind


def _colours(keys: Sequence[Key]) -> dict[Key, str]:
    colours: dict[Key, str] = {}
    used: Counter[int | None] = Counter()
    for quad, kind in keys:
        shades = QUAD_SHADES.get(quad, QUAD_SHADES[None])
        colours[(quad, kind)] = shades[used[quad] % len(shades)]
        used[quad] += 1
    return colours


def _custom(event: Event, lookup: Lookup) -> str:
    """What the page's script reads: the actor ids (space-separated), a newline, the article's link.

    One string per point rather than a list: plotly copies figures deeply, and 20,000 small lists
    cost a second each time.
    """
    document = lookup.documents.get(event.doc)
    url = web_link(document.url) if document else ""
    return f"{' '.join(event_actors(event))}\n{url}"


def _sizes(events: Sequence[Event]) -> float | list[float]:
    """Marker sizes: bigger for more reporting articles (one number when all are reported once)."""
    sizes = [min(8.0 + 4.0 * (source_count(e) ** 0.5 - 1.0), 24.0) for e in events]
    return sizes if any(size != 8.0 for size in sizes) else 8.0


def _symbol(row: Placed) -> str:
    """A circle for a day, a diamond for a coarser period; hollow when not dated by its own sentence."""
    shape = "circle" if row.first == row.last else "diamond"
    return shape if row.event.time.basis == "explicit" else f"{shape}-open"


def _layout(
    lane_sets: dict[str, list[str]],
    lanes: str,
    n_undated: int,
    dated_traces: list[int],
    y_by_actor: list[list[str | None]],
    y_by_type: list[list[str | None]],
    build: Build,
) -> dict[str, Any]:
    shown = lanes if lanes in lane_sets else "actor"
    n_lanes = max(len(lane_sets["actor"]), len(lane_sets["type"]), 1)
    main_px = max(260, LANE_PX * n_lanes)
    top_px = UNDATED_PX + 40 if n_undated else 0
    area = main_px + top_px
    axis_titles = {"actor": "leading actor", "type": "event type"}

    def lanes_axis(which: str) -> dict[str, Any]:
        return {
            "yaxis.categoryarray": lane_sets[which],
            "yaxis.title.text": axis_titles[which],
        }

    buttons = [
        {
            "label": label,
            "method": "update",
            "args": [{"y": ys}, lanes_axis(which), dated_traces],
        }
        for label, which, ys in (
            ("Lanes: actors", "actor", y_by_actor),
            ("Lanes: event types", "type", y_by_type),
        )
    ]
    n_dated = sum(len(ys) for ys in y_by_actor)
    layout: dict[str, Any] = dict(
        title={
            "text": "What happened, when",
            "subtitle": {
                "text": "● a day  ◆ a coarser period (its line spans the period)  "
                "hollow: dated from the article, not its sentence  bigger: more articles"
            },
        },
        height=area + 230,
        template=pio.templates["plotly_white"].to_plotly_json(),
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend={"title": {"text": "event type · quad class"}, "itemsizing": "constant"},
        margin={"t": 150, "l": 10, "r": 10, "b": 40},
        updatemenus=[
            {
                "type": "buttons",
                "direction": "right",
                "active": 0 if shown == "actor" else 1,
                "buttons": buttons,
                "x": 0,
                "xanchor": "left",
                "y": 1,
                "yanchor": "bottom",
                "pad": {"b": 4},
                "showactive": True,
            }
        ],
        xaxis={
            "type": "date",
            "rangeslider": {"visible": n_dated > 0, "thickness": 0.08},
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
                "y": 1,
                "yanchor": "bottom",
                "x": 1,
                "xanchor": "right",
            },
            "anchor": "y",
        },
        yaxis={
            "domain": [0, main_px / area],
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lane_sets[shown],
            "autorange": "reversed",
            "fixedrange": True,
            "automargin": True,
            "title": {"text": axis_titles[shown]},
        },
    )
    if n_undated:
        layout["xaxis2"] = {
            "anchor": "y2",
            "zeroline": False,
            "showgrid": False,
            "tickfont": {"size": 10},
            "tick0": 1 if n_undated <= 10 else 0,
            "dtick": _step(n_undated),
        }
        layout["yaxis2"] = {
            "domain": [1 - UNDATED_PX / area, 1],
            "anchor": "x2",
            "type": "category",
            "fixedrange": True,
            "automargin": True,
            "title": {"text": "story order", "font": {"size": 11}},
        }
    if not build.events:
        layout["annotations"] = [_note("no events")]
    elif not n_dated:
        layout["annotations"] = [_note("no dated events")]
    return layout


def _step(n: int) -> int:
    """A whole tick step (1, 2, 5, 10, 20, ...) giving at most about ten ticks over ``n`` positions."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if n / step <= 10:
                return step
        scale *= 10


def _note(text: str) -> dict[str, Any]:
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.3}
