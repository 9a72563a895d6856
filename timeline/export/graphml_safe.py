"""GraphML values made safe, in one place for the writer (:mod:`timeline.export.graphml`) and for
:func:`safe_graph`, the copy of a graph that the files hold: one type per attribute key across the
file, no None, list or dict values, no characters XML 1.0 forbids, a unique id on every edge, and
``label`` and ``name`` on every node.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from ..graph import LIST_SEPARATOR, Edge, GraphStreams
from ..text import clean_text

Scalar = str | int | float | bool


def safe_value(value: Any) -> Scalar | None:
    """One GraphML-safe scalar, or None when there is nothing to write.

    Lists are joined with ``"; "`` (sets sorted first), integers beyond 64 bits become text, text is cleaned of the characters XML forbids, NaN or infinite
    numbers (which GraphML readers parse differently or not at all) count as missing, and subnormal
    ones (below 2.2e-308) are written as 0.0.
    """
    if type(value) is str:  # most values: checked first, the rest in order below
        return clean_text(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        # GraphML's "long" is 64-bit: igraph and Gephi cannot parse a bigger number, so it goes as text
        return value if -(2**63) <= value < 2**63 else str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        # igraph's reader refuses subnormal numbers (strtod reports them as out of range): write 0.0
        return 0.0 if abs(value) < sys.float_info.min else value
    if isinstance(value, set | frozenset):  # sorted, so two builds write the same bytes
        value = sorted(str(v) for v in value)
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    return clean_text(str(value))


def safe_graph(graph: nx.Graph) -> nx.MultiDiGraph | nx.MultiGraph:
    """A copy fit for GraphML: safe values, one type per key, ``label`` and ``name``, unique edge ids.

    A None value is left out (the attribute is absent on that node or edge). A key whose values mix
    ``int`` and ``float`` is written as float; any other mix is written as text throughout. The copy is
    a multigraph whose edge keys are the edge ids: the key a multigraph already has, or
    ``<source>:<target>``; a clash (ids that contain the colon) gets a ``:<n>`` suffix.
    """
    out: nx.MultiDiGraph | nx.MultiGraph = nx.MultiDiGraph() if graph.is_directed() else nx.MultiGraph()
    streams = graph_streams(graph)
    out.add_nodes_from(safe_node(node, data) for node, data in streams.nodes())
    # add_edges_from, not add_edge(**data): an attribute named "key" must stay an attribute
    out.add_edges_from(_safe_edges(streams.edges()))
    types = _key_types(
        ({k: type(v) for k, v in d.items()} for _, d in out.nodes(data=True)),
        ({k: type(v) for k, v in d.items()} for *_, d in out.edges(keys=True, data=True)),
    )
    for scope, items in (("node", out.nodes(data=True)), ("edge", out.edges(keys=True, data=True))):
        for *_, data in items:
            for k, v in data.items():
                data[k] = typed(v, types[scope, k])
    return out


def graph_streams(graph: nx.Graph) -> GraphStreams:
    """A networkx graph's nodes and edges, each edge with its id: the multigraph key or ``<u>:<v>``."""
    if graph.is_multigraph():
        return GraphStreams(
            lambda: iter(graph.nodes(data=True)),
            lambda: ((u, v, str(k), d) for u, v, k, d in graph.edges(keys=True, data=True)),
        )
    return GraphStreams(
        lambda: iter(graph.nodes(data=True)),
        lambda: ((u, v, f"{u}:{v}", d) for u, v, d in graph.edges(data=True)),
    )


def safe_node(node: Any, data: dict[str, Any]) -> tuple[str, dict[str, Scalar]]:
    clean = clean_attributes(data)
    node_id = clean_text(str(node))
    name = clean.get("name", clean.get("label", node_id))
    clean.setdefault("name", name)
    clean.setdefault("label", name)
    return node_id, clean


def _safe_edges(edges: Iterable[Edge]) -> Iterator[tuple[str, str, str, dict[str, Scalar]]]:
    """Edges with safe ids and values; a repeated id gets a ``:<n>`` suffix, in the order met."""
    return ((u, v, key, clean_attributes(data)) for u, v, key, data in _safe_edge_ids(edges))


def _safe_edge_ids(edges: Iterable[Edge]) -> Iterator[Edge]:
    """Edges with safe ids (their attributes as they are); a repeated id gets a ``:<n>`` suffix."""
    seen: set[str] = set()
    return ((*safe_edge_id(u, v, key, seen), data) for u, v, key, data in edges)


def safe_edge_id(u: Any, v: Any, key: str, seen: set[str]) -> tuple[str, str, str]:
    """An edge's ends and id made safe, its id not in ``seen`` (then added): with a ``:<n>`` suffix
    if it was."""
    key = clean_text(key)
    base, n = key, 1
    while key in seen:
        n += 1
        key = f"{base}:{n}"
    seen.add(key)
    return clean_text(str(u)), clean_text(str(v)), key


def clean_attributes(data: dict[str, Any]) -> dict[str, Scalar]:
    clean = {clean_key(k): safe_value(v) for k, v in data.items()}
    return {k: v for k, v in clean.items() if v is not None}


@functools.cache
def clean_key(key: Any) -> str:
    # attribute names are few: each cleaned once, not once per node or edge
    return clean_text(str(key))


def _key_types(
    nodes: Iterable[dict[str, type]], edges: Iterable[dict[str, type]]
) -> dict[tuple[str, str], type]:
    """One type per ``(scope, attribute)`` from each item's value types, in the order first met: ``int``
    with ``float`` is float, any other mix is text."""
    kinds: dict[tuple[str, str], set[type]] = {}
    for scope, items in (("node", nodes), ("edge", edges)):
        for data in items:
            for k, kind in data.items():
                kinds.setdefault((scope, k), set()).add(kind)
    return one_type(kinds)


def one_type(kinds: dict[tuple[str, str], set[type]]) -> dict[tuple[str, str], type]:
    return {
        key: float if found == {int, float} else str if len(found) > 1 else next(iter(found))
        for key, found in kinds.items()
    }


def typed(value: Scalar, kind: type) -> Scalar:
    """``value`` as its key's one type."""
    if kind is float and not isinstance(value, float):
        return float(value)
    if kind is str and not isinstance(value, str):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value


def safe_text(text: str) -> str:
    return xml_text(clean_text(text))


def xml_text(text: str) -> str:
    # XML parsers turn a literal carriage return in text into a newline (end-of-line handling), so
    # "a\r\nb" would read back as "a\nb"; as a character reference it survives.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attribute_text(text: str) -> str:
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#09;")
