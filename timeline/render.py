"""The pictures: a plotly timeline and actor network built from records, and the HTML pages they go in.

Figures are built here from records; HTML is written in one place (:func:`page`). Every piece of article
text is escaped before it goes into a figure or a page.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter

import networkx as nx
import plotly.graph_objects as go
import plotly.io as pio

from .graph import actor_network
from .periods import period
from .records import SOURCE, Build, Event

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}


def timeline_figure(build: Build) -> go.Figure:
    """Dated events on a time axis, one lane per leading actor, one legend entry per event type."""
    names = {a.id: a.name for a in build.actors}
    titles = {d.id: d.title for d in build.documents}
    rows: dict[str, list[tuple[dt.date, str, str]]] = {}
    for event in build.events:
        span = period(event.time.value)
        if span is None:
            continue
        lane = _lead_actor(event, names)
        rows.setdefault(event.type, []).append((span[0], lane, _hover(event, names, titles)))
    fig = go.Figure()
    for kind in sorted(rows):
        xs, ys, texts = zip(*rows[kind], strict=True)
        fig.add_trace(
            go.Scatter(
                x=list(xs),
                y=list(ys),
                mode="markers",
                name=kind,
                hovertext=list(texts),
                hoverinfo="text",
                marker={"size": 10},
            )
        )
    fig.update_layout(
        title="Timeline",
        xaxis={"type": "date", "rangeslider": {"visible": True}},
        yaxis={"title": "actor"},
        height=600,
        template="plotly_white",
    )
    return fig


def network_figure(build: Build) -> go.Figure:
    """Actors as nodes (size: events), directed interactions as edges, laid out with a fixed seed."""
    graph = actor_network(build)
    graph.remove_nodes_from([n for n, d in list(graph.nodes(data=True)) if not d["events"]])
    positions = nx.spring_layout(graph, seed=7) if graph.number_of_nodes() else {}
    fig = go.Figure()
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for s, t in graph.edges():
        edge_x += [positions[s][0], positions[t][0], None]
        edge_y += [positions[s][1], positions[t][1], None]
    fig.add_trace(
        go.Scatter(
            x=edge_x,
            y=edge_y,
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"width": 1, "color": "#999"},
        )
    )
    kinds = sorted({d["kind"] for _, d in graph.nodes(data=True)})
    for kind in kinds:
        nodes = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == kind)
        fig.add_trace(
            go.Scatter(
                x=[positions[n][0] for n in nodes],
                y=[positions[n][1] for n in nodes],
                mode="markers+text",
                name=kind,
                text=[html.escape(graph.nodes[n]["name"]) for n in nodes],
                textposition="top center",
                hovertext=[
                    f"{html.escape(graph.nodes[n]['name'])}<br>{kind}, {graph.nodes[n]['events']} events"
                    for n in nodes
                ],
                hoverinfo="text",
                marker={"size": [8 + 3 * graph.nodes[n]["events"] ** 0.5 for n in nodes]},
            )
        )
    fig.update_layout(
        title="Actor network",
        height=600,
        template="plotly_white",
        xaxis={"visible": False},
        yaxis={"visible": False},
    )
    return fig


def _lead_actor(event: Event, names: dict[str, str]) -> str:
    if not event.participants:  # nominal and other events need not have an actor
        return "(no actor)"
    lead = next((p for p in event.participants if p.role == SOURCE), None) or event.participants[0]
    return html.escape(names.get(lead.actor, lead.actor))


def _hover(event: Event, names: dict[str, str], titles: dict[str, str]) -> str:
    sentence = event.sentence_text
    start = event.trigger.start - event.sentence_start
    marked = (
        html.escape(sentence[:start])
        + "<b>"
        + html.escape(sentence[start : start + len(event.trigger.text)])
        + "</b>"
        + html.escape(sentence[start + len(event.trigger.text) :])
        if 0 <= start <= len(sentence)
        else html.escape(sentence)
    )
    who = ", ".join(f"{html.escape(names.get(p.actor, p.actor))} ({p.role})" for p in event.participants)
    written = f" ({html.escape(event.time.text)})" if event.time.text else ""
    return "<br>".join(
        [
            f"<b>{html.escape(event.type)}</b> {html.escape(event.time.value or 'undated')}{written}",
            who,
            _wrap(marked),
            f"<i>{html.escape(titles.get(event.doc, event.doc))}</i>",
        ]
    )


def _wrap(text: str, width: int = 90) -> str:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(lines)


def page(build: Build, figures: list[tuple[str, go.Figure]], title: str) -> str:
    """A self-contained HTML page: a summary of the build, then the figures (plotly.js embedded once)."""
    read = [o for o in build.outcomes if o.status == "read"]
    skipped = [o for o in build.outcomes if o.status != "read"]
    spans = [s for e in build.events if (s := period(e.time.value))]
    date_range = f"{min(s[0] for s in spans)} to {max(s[1] for s in spans)}" if spans else "no dated events"
    types = Counter(e.type for e in build.events)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:system-ui,sans-serif;margin:1.5em}"
        "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{len(build.documents)} articles, {len(build.actors)} actors, {len(build.events)} events, "
        f"{len(build.timexes)} time expressions; {html.escape(date_range)}.</p>",
        "<p>Event types: "
        + html.escape(", ".join(f"{k} {v}" for k, v in sorted(types.items())) or "none")
        + "</p>",
    ]
    for number, (div_id, fig) in enumerate(figures):
        parts.append(
            pio.to_html(
                fig, full_html=False, include_plotlyjs=number == 0, div_id=div_id, config=PLOTLY_CONFIG
            )
        )
    parts.append(f"<h2>Articles read ({len(read)})</h2><table>")
    docs = {d.id: d for d in build.documents}
    for o in read:
        d = docs.get(o.doc or "")
        label = html.escape(d.title if d else o.source)
        parts.append(
            f"<tr><td>{label}</td><td>{html.escape(d.date or '' if d else '')}</td>"
            f"<td>{html.escape(o.source)}</td></tr>"
        )
    parts.append("</table>")
    if skipped:
        parts.append(f"<h2>Skipped ({len(skipped)})</h2><table>")
        parts += [
            f"<tr><td>{html.escape(o.source)}</td><td>{html.escape(o.reason)}</td></tr>" for o in skipped
        ]
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
