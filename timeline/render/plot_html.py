"""A figure's HTML div written piece by piece: what ``plotly.io.to_html`` gives, without the whole JSON.

``to_html`` serialises every trace at once; for a big build's timeline (hundreds of thousands of
points with their hover texts) the encoder's pieces, the JSON and the HTML around it cost several
times the page's size. Here plotly writes the page around an empty figure, and the traces' JSON goes
into its slot in batches, each made by plotly's own encoder, so the bytes are those of ``to_html``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io.json import to_json_plotly

from ..pieces import Pieces
from ..utf8 import pieces_writer

#: A figure as plain dicts, ``{"data": [trace, ...], "layout": {...}}``: what plotly.js draws. The pages
#: are written from these, never through a ``go.Figure``, whose making copies every list deeply.
FigureSpec = dict[str, Any]

#: Items of a long list serialised at once: big enough to be quick, small enough to stay small.
BATCH = 5000


@dataclass(frozen=True)
class PiecedTexts:
    """A list of texts in a figure (a trace's hover texts), written from pieces (see
    :mod:`timeline.pieces`): each text's JSON is the piece the last build kept for its event, else made
    from ``text(event)`` and kept. Those taken come as they lie in the pieces' file, copied by the
    system: a rebuild's hover texts never pass through Python. ``events``: the events' places in
    ``build.events``. Written only by :func:`write_json`, while ``pieces`` is open; the bytes are those
    of the list of texts."""

    events: Sequence[int]
    text: Callable[[int], str]
    pieces: Pieces

    def write(self, out: TextIO) -> None:
        out.write("[")
        write = pieces_writer(out)
        first = self.events[0] if self.events else None

        def make(event: int) -> bytes:
            # an item's JSON does not depend on the list's other items: the list's is theirs, joined
            head = b"" if event == first else b","
            text: str = to_json_plotly(self.text(event))
            piece = head + text.encode("utf-8", "replace")
            self.pieces.keep(event, piece, len(head))
            return piece

        heads = [b","] * len(self.events)
        if heads:
            heads[0] = b""
        for part in self.pieces.taken(self.events, heads, make):
            write(part)
        out.write("]")


def write_plot(
    out: TextIO, fig: go.Figure | FigureSpec, *, div_id: str, include_plotlyjs: bool, config: dict[str, Any]
) -> None:
    """Write ``pio.to_html(fig, full_html=False, ...)`` (without validation) to ``out``."""
    whole = _as_dict(fig)
    html = pio.to_html(
        {"data": [], "layout": whole["layout"]},
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        div_id=div_id,
        config=config,
        validate=False,
    )
    # the data slot is the first argument after the div id in Plotly.newPlot("<id>", [], ...)
    slot = re.search(r'Plotly\.newPlot\(\s*"' + re.escape(div_id) + r'",\s*(\[\])', html)
    if slot is None:  # a plotly whose template we do not know: the whole figure at once
        out.write(
            pio.to_html(
                fig,
                full_html=False,
                include_plotlyjs=include_plotlyjs,
                div_id=div_id,
                config=config,
                validate=False,
            )
        )
        return
    out.write(html[: slot.start(1)])
    write_json(whole["data"], out)
    out.write(html[slot.end(1) :])


def _as_dict(fig: go.Figure | FigureSpec) -> FigureSpec:
    """What ``to_html`` serialises, without the deep copy ``fig.to_dict()`` makes of every list: in a
    big build that copy of the timeline's lists is hundreds of MB, and this writer only reads them.
    A spec is that already; of a figure, ``_data`` and ``_layout`` are its own dicts (plotly internals,
    stable across the pinned version); any other figure takes the copy."""
    if isinstance(fig, dict):
        return fig
    data, layout = getattr(fig, "_data", None), getattr(fig, "_layout", None)
    if isinstance(data, list) and isinstance(layout, dict) and not fig.frames:
        return {"data": data, "layout": layout}
    whole: dict[str, Any] = fig.to_dict()
    return whole


def write_json(value: Any, out: TextIO) -> None:
    """``to_json_plotly(value)`` written in pieces: dicts key by key, lists of dicts (traces, buttons)
    item by item, other long lists ``BATCH`` items at a time, :class:`PiecedTexts` from their pieces."""
    if isinstance(value, PiecedTexts):
        value.write(out)
    elif isinstance(value, dict) and all(isinstance(k, str) for k in value):
        out.write("{")
        for number, (key, item) in enumerate(value.items()):
            out.write(("," if number else "") + to_json_plotly(key) + ":")
            write_json(item, out)
        out.write("}")
    elif isinstance(value, list | tuple) and value and isinstance(value[0], dict):
        # the traces: each one written key by key (a list's items are all dicts or none)
        out.write("[")
        for number, item in enumerate(value):
            out.write("," if number else "")
            write_json(item, out)
        out.write("]")
    elif isinstance(value, list | tuple) and len(value) > BATCH:
        out.write("[")
        for start in range(0, len(value), BATCH):
            # compact separators: a batch's items, without its brackets, joined by ","
            out.write(("," if start else "") + to_json_plotly(list(value[start : start + BATCH]))[1:-1])
        out.write("]")
    else:
        out.write(to_json_plotly(value))
