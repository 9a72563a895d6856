"""The HTML pages: a summary of the build, filters, the figures, and the articles read and skipped.

This is the one place HTML is written. Every piece of article text is escaped; plotly.js is embedded
once per page, so a page works from ``file://`` with no network.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

import plotly.graph_objects as go

from ..periods import period
from ..records import Build, Event, Outcome, is_actor
from .controls import CONTROLS_JS, STYLE
from .plot_html import FigureSpec, write_plot
from .text import QUAD_NAMES, Counted, esc, source_count, web_link

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}


def page(build: Build, figures: Sequence[tuple[str, go.Figure | FigureSpec]], title: str) -> str:
    """A self-contained HTML page: the build's summary, filters, then the figures (``(div id, figure)``)."""
    buffer = io.StringIO()
    write_page(build, figures, title, buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Sections:
    """The HTML a page shows of the build whatever its figures: made once for all of a build's pages."""

    summary: str
    filters: str
    articles: str

    @classmethod
    def of(cls, build: Build, counted: Counted | None = None) -> Sections:
        """``counted``: the build's :class:`Counted`, when the figures share it."""
        counted = counted or Counted.of(build)
        events = counted.events
        return cls(summary(build, events), filters(build, events, counted.activity), articles(build, events))


def write_page(
    build: Build,
    figures: Sequence[tuple[str, go.Figure | FigureSpec]],
    title: str,
    out: TextIO,
    *,
    sections: Sections | None = None,
    plot: Plot | None = None,
) -> None:
    """Write :func:`page` to ``out``, the figures' data in pieces (a big build's page is hundreds of MB).

    ``sections``: the build's :class:`Sections`, when several pages share them; ``plot``: what writes
    each figure's div (default :func:`plot_div`), when several pages share those.
    """
    sections = sections or Sections.of(build)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head><body>",
        f"<header><h1>{esc(title)}</h1>{sections.summary}</header>",
        sections.filters,
    ]
    out.write("\n".join(parts))
    for number, (div_id, fig) in enumerate(figures):
        out.write('\n<section class="figure">')
        (plot or plot_div)(out, div_id, fig, number == 0)
        out.write("</section>")
    parts = [
        '<section id="details" hidden><h2>Selected</h2><div id="details-body"></div>'
        '<p><a id="details-link" target="_blank" rel="noopener noreferrer" hidden>open the article</a></p>'
        "</section>",
        sections.articles,
        f"<script>{CONTROLS_JS}</script>",
        "</body></html>\n",
    ]
    out.write("\n" + "\n".join(parts))


#: Writes a figure's div to a page: ``(out, div id, figure, whether plotly.js comes with it)``.
Plot = Callable[[TextIO, str, go.Figure | FigureSpec, bool], None]


def plot_div(out: TextIO, div_id: str, fig: go.Figure | FigureSpec, with_plotly: bool) -> None:
    write_plot(out, fig, div_id=div_id, include_plotlyjs=with_plotly, config=PLOTLY_CONFIG)


def summary(build: Build, events: Sequence[Event]) -> str:
    """Counts and the date range, in one paragraph; ``events``: the build's events, each once."""
    read = sum(1 for o in build.outcomes if o.status == "read") if build.outcomes else len(build.documents)
    skipped = sum(1 for o in build.outcomes if o.status != "read")
    spans = [s for e in events if (s := period(e.time.value))]
    undated = len(events) - len(spans)
    several = sum(1 for e in events if source_count(e) > 1)
    actors = sum(map(is_actor, build.actors))
    dates = (
        f"events from {min(s[0] for s in spans)} to {max(s[1] for s in spans)}"
        if spans
        else "no dated events"
    )
    counts = [
        f"{read} article{_s(read)} read, {skipped} skipped",
        f"{actors} actor{_s(actors)}",
        f"{len(events)} event{_s(len(events))} ({undated} undated, {several} reported by several articles)",
        f"{len(build.timexes)} time expression{_s(len(build.timexes))}",
        dates,
    ]
    return f'<p class="summary">{esc(" · ".join(counts))}.</p>'


def filters(build: Build, events: Sequence[Event], activity: Counter[str]) -> str:
    """An actor picker (the most active first) and a toggle per event type, read by the page's script;
    ``events``: the build's events, each once; ``activity``: how many of them each actor takes part in."""
    actors = {a.id: a for a in build.actors}
    ranked = sorted(
        activity, key=lambda a: (-activity[a], actors[a].name.casefold() if a in actors else a, a)
    )
    options = ['<option value="">all actors</option>']
    for actor in ranked:
        found = actors.get(actor)
        name = found.name if found else actor
        kind = f"{found.kind}, " if found and found.kind else ""
        options.append(f'<option value="{esc(actor)}">{esc(name)} ({esc(kind)}{activity[actor]})</option>')
    first_quad: dict[str, int | None] = {}
    for quad, kind in sorted({(e.quad_class, e.type) for e in events}, key=_quad_order):
        first_quad.setdefault(kind, quad)  # a type listed once, where its first quad class sorts
    totals = Counter(e.type for e in events)
    boxes = [
        f'<label title="{esc(QUAD_NAMES.get(quad, QUAD_NAMES[None]))}">'
        f'<input type="checkbox" value="{esc(kind)}" checked> {esc(kind)} ({totals[kind]})</label>'
        for kind, quad in first_quad.items()
    ]
    return (
        '<form class="filters" id="filters" onsubmit="return false">'
        f'<label>Actor <select id="actor-pick">{"".join(options)}</select></label>'
        f'<fieldset id="type-toggle"><legend>Event types</legend>{"".join(boxes) or "none"}</fieldset>'
        '<button type="button" id="reset">show all</button>'
        "</form>"
    )


def articles(build: Build, events: Sequence[Event]) -> str:
    """The articles read (with their event counts) and the inputs skipped, with the reason; ``events``:
    the build's events, each once."""
    documents = {d.id: d for d in build.documents}
    per_doc = Counter(e.doc for e in events)
    read = [o for o in build.outcomes if o.status == "read"]
    skipped = [o for o in build.outcomes if o.status != "read"]
    if not build.outcomes:  # a build loaded back from events.json keeps its documents, not its inputs
        read = [Outcome(d.source or d.id, "read", doc=d.id) for d in build.documents]
    rows = []
    for outcome in read:
        doc = documents.get(outcome.doc or "")
        label = esc(doc.title or doc.id) if doc else esc(outcome.source)
        if doc and web_link(doc.url):
            label = f'<a href="{esc(doc.url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
        date = esc(doc.date) if doc and doc.date else ""
        count = per_doc.get(doc.id, 0) if doc else 0
        rows.append(f"<tr><td>{label}</td><td>{date}</td><td>{count}</td><td>{esc(outcome.source)}</td></tr>")
    parts = [
        f'<section class="articles"><h2>Articles read ({len(read)})</h2>',
        "<table><thead><tr><th>title</th><th>date</th><th>events</th><th>source</th></tr></thead>",
        f"<tbody>{''.join(rows)}</tbody></table>",
    ]
    if skipped:
        parts.append(f"<h2>Skipped ({len(skipped)})</h2>")
        parts.append("<table><thead><tr><th>input</th><th>why</th></tr></thead><tbody>")
        parts += [f"<tr><td>{esc(o.source)}</td><td>{esc(o.reason)}</td></tr>" for o in skipped]
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _quad_order(key: tuple[int | None, str]) -> tuple[bool, int, str]:
    return key[0] is None, key[0] or 0, key[1]


def _s(n: int) -> str:
    return "" if n == 1 else "s"
