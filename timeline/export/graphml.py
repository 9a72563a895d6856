"""GraphML for Gephi, Cytoscape, igraph and networkx: every value made safe in one place, and the reader.

What each reader needs, and where it is handled:

- one type per attribute key across the file (a key written once as ``long`` and once as ``string``
  becomes two ``<key>`` elements that readers merge or reject): :func:`safe_graph`;
- no None, list or dict values, no control characters (XML 1.0 forbids them): :func:`safe_graph`;
- a unique id on every edge (Gephi keeps it as the edge's id; networkx as the multigraph key):
  :func:`safe_graph`;
- ``label`` and ``name`` on every node (Gephi shows ``label``, Cytoscape and igraph ``name``);
- key ids that no reader gives a meaning of its own: networkx numbers keys ``d0, d1, ...`` in the order
  it meets them, and Gephi reads key ``d3`` as the node label and ``d7`` as the edge label (yEd's
  defaults), whatever attribute they hold. Keys here are named ``n_<attribute>`` and ``e_<attribute>``
  (:func:`_key_ids`);
- no graph-level keys: Gephi reports ``for="graph"`` keys as errors.
"""

from __future__ import annotations

import functools
import io
import math
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO
from xml.etree.ElementTree import ParseError

import networkx as nx

from ..errors import InputError
from ..graph import LIST_SEPARATOR, Edge, GraphStreams, build_from_graph
from ..records import Build
from ..text import clean_text

Scalar = str | int | float | bool

# A key id is an XML NMTOKEN; attribute names are ours, but keep the ids valid whatever they become.
_NOT_NMTOKEN = re.compile(r"[^\w.\-]")


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
    out.add_nodes_from(_safe_node(node, data) for node, data in streams.nodes())
    # add_edges_from, not add_edge(**data): an attribute named "key" must stay an attribute
    out.add_edges_from(_safe_edges(streams.edges()))
    types = _key_types(
        ({k: type(v) for k, v in d.items()} for _, d in out.nodes(data=True)),
        ({k: type(v) for k, v in d.items()} for *_, d in out.edges(keys=True, data=True)),
    )
    for scope, items in (("node", out.nodes(data=True)), ("edge", out.edges(keys=True, data=True))):
        for *_, data in items:
            for k, v in data.items():
                data[k] = _typed(v, types[scope, k])
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


def _safe_node(node: Any, data: dict[str, Any]) -> tuple[str, dict[str, Scalar]]:
    clean = _clean(data)
    node_id = clean_text(str(node))
    name = clean.get("name", clean.get("label", node_id))
    clean.setdefault("name", name)
    clean.setdefault("label", name)
    return node_id, clean


def _safe_edges(edges: Iterable[Edge]) -> Iterator[tuple[str, str, str, dict[str, Scalar]]]:
    """Edges with safe ids and values; a repeated id gets a ``:<n>`` suffix, in the order met."""
    seen: set[str] = set()
    for u, v, key, data in edges:
        key = clean_text(key)
        base, n = key, 1
        while key in seen:
            n += 1
            key = f"{base}:{n}"
        seen.add(key)
        yield clean_text(str(u)), clean_text(str(v)), key, _clean(data)


def _clean(data: dict[str, Any]) -> dict[str, Scalar]:
    clean = {_clean_key(k): safe_value(v) for k, v in data.items()}
    return {k: v for k, v in clean.items() if v is not None}


@functools.cache
def _clean_key(key: Any) -> str:
    # attribute names are few: each cleaned once, not once per node or edge
    return clean_text(str(key))


def _node_kinds(data: dict[str, Any]) -> dict[str, type]:
    """The type of each value :func:`_safe_node` writes, without cleaning the text (a type is all the
    first pass needs): the same keys, ``name`` and ``label`` included."""
    kinds = _kinds(data)
    name = kinds.get("name", kinds.get("label", str))
    kinds.setdefault("name", name)
    kinds.setdefault("label", name)
    return kinds


def _kinds(data: dict[str, Any]) -> dict[str, type]:
    """The type of each value of ``_clean(data)``, keyed the same way."""
    # what safe_value turns each type into: only numbers and other types need their value looked at
    kinds = {_clean_key(k): _VALUE_KINDS.get(type(v)) or type(safe_value(v)) for k, v in data.items()}
    return {k: kind for k, kind in kinds.items() if kind is not type(None)}


_VALUE_KINDS: dict[type, type] = {str: str, bool: bool, list: str, tuple: str, set: str, frozenset: str}


def _stream_types(streams: GraphStreams) -> dict[tuple[str, str], type]:
    """:func:`_key_types` of the streams' nodes (:func:`_node_kinds`) and edges (:func:`_kinds`).

    Most items of a graph have the same attributes with values of the same types (every event node,
    every participant edge), so the types are worked out once per such shape and only numbers are
    looked at one by one (a huge integer is written as text, a NaN not at all). The result is the
    one the item-by-item way gives, in the same order.
    """
    kinds: dict[tuple[str, str], set[type]] = {}
    items = (("node", (d for _, d in streams.nodes())), ("edge", (d for *_, d in streams.edges())))
    for scope, datas in items:
        shapes: dict[tuple[tuple[Any, ...], tuple[type, ...]], _Shape] = {}
        added: set[int] = (
            set()
        )  # shapes whose kinds are in ``kinds`` already: adding them again changes nothing
        for data in datas:
            found = _shaped_kinds(data, shapes, node=scope == "node")
            if found is None:
                found = _node_kinds(data) if scope == "node" else _kinds(data)
            elif id(found) in added:
                continue
            else:
                added.add(id(found))
            for k, kind in found.items():
                kinds.setdefault((scope, k), set()).add(kind)
    return _one_type(kinds)


#: What a shape of item (its keys and the types of its values) gives: the kinds of its values when its
#: numbers are sound (None: some type must be looked at value by value), its int and its float keys.
_Shape = tuple[dict[str, type] | None, tuple[Any, ...], tuple[Any, ...]]
_LONG = 2**63


def _shaped_kinds(
    data: dict[Any, Any], shapes: dict[tuple[tuple[Any, ...], tuple[type, ...]], _Shape], *, node: bool
) -> dict[str, type] | None:
    """The kinds of ``data``'s values from its shape, or None when they must be found one by one."""
    shape = (tuple(data), tuple(map(type, data.values())))
    found = shapes.get(shape)
    if found is None:
        found = shapes[shape] = _shape(*shape, node=node)
    kinds, ints, floats = found
    if kinds is None:
        return None
    if ints:
        numbers = tuple(map(data.__getitem__, ints))
        if min(numbers) < -_LONG or max(numbers) >= _LONG:
            return None
    if floats and not all(map(math.isfinite, map(data.__getitem__, floats))):
        return None
    return kinds


def _shape(keys: tuple[Any, ...], types: tuple[type, ...], *, node: bool) -> _Shape:
    if any(t not in _VALUE_KINDS and t not in (int, float, type(None)) for t in types):
        return None, (), ()
    kinds = {_clean_key(k): _VALUE_KINDS.get(t) or t for k, t in zip(keys, types, strict=True)}
    kinds = {k: kind for k, kind in kinds.items() if kind is not type(None)}
    if node:
        name = kinds.get("name", kinds.get("label", str))
        kinds.setdefault("name", name)
        kinds.setdefault("label", name)
    ints = tuple(k for k, t in zip(keys, types, strict=True) if t is int)
    floats = tuple(k for k, t in zip(keys, types, strict=True) if t is float)
    return kinds, ints, floats


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
    return _one_type(kinds)


def _one_type(kinds: dict[tuple[str, str], set[type]]) -> dict[tuple[str, str], type]:
    return {
        key: float if found == {int, float} else str if len(found) > 1 else next(iter(found))
        for key, found in kinds.items()
    }


def _typed(value: Scalar, kind: type) -> Scalar:
    """``value`` as its key's one type."""
    if kind is float and not isinstance(value, float):
        return float(value)
    if kind is str and not isinstance(value, str):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value


_XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def to_graphml(graph: nx.Graph) -> bytes:
    """The GraphML bytes (UTF-8) of ``graph``, made safe by :func:`safe_graph`; graph attributes dropped."""
    buffer = io.StringIO()
    write_graphml(graph_streams(graph), buffer, directed=graph.is_directed())
    return buffer.getvalue().encode("utf-8", errors="xmlcharrefreplace")


def write_graphml(streams: GraphStreams, out: TextIO, *, directed: bool = True) -> None:
    """Write a graph as GraphML to ``out``, element by element, with the values of :func:`safe_graph`.

    The streams are read twice: first for each key's one type (the ``<key>`` elements come before
    the graph), then to write. The bytes are those networkx's pretty-printed writer gives for the
    safe copy, without holding the copy or an XML tree in memory. A node id met again (two ids that
    differ only in removed characters) is written once, with the attributes of its first node.
    """
    types = _stream_types(streams)
    ids = _key_ids(types)
    out.write(_HEADER)
    for (scope, name), kind in types.items():
        out.write(
            f'  <key id="{ids[scope, name]}" for="{scope}" attr.name="{_attribute(name)}" '
            f'attr.type="{_XML_TYPES[kind]}" />\n'
        )
    keys: dict[str, dict[str, tuple[str, type]]] = {"node": {}, "edge": {}}
    for (scope, name), kind in types.items():
        keys[scope][name] = (ids[scope, name], kind)
    graph = f'graph edgedefault="{"directed" if directed else "undirected"}"'
    written: set[str] = set()
    for node, data in streams.nodes():
        node_id, clean = _safe_node(node, data)
        if node_id in written:
            continue
        if not written:
            out.write(f"  <{graph}>\n")
        written.add(node_id)
        _element(out, "node", f'id="{_attribute(node_id)}"', clean, keys["node"])
    for u, v, key, clean in _safe_edges(streams.edges()):
        opening = f'source="{_attribute(u)}" target="{_attribute(v)}" id="{_attribute(key)}"'
        _element(out, "edge", opening, clean, keys["edge"])
    out.write("  </graph>\n</graphml>\n" if written else f"  <{graph} />\n</graphml>\n")


def _key_ids(types: dict[tuple[str, str], type]) -> dict[tuple[str, str], str]:
    """Key ids ``n_<attribute>``/``e_<attribute>``, not networkx's ``d0, d1, ...`` (which Gephi misreads)."""
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for scope, name in types:
        key_id = f"{scope[0]}_{_NOT_NMTOKEN.sub('_', name)}"
        base, n = key_id, 1
        while key_id in taken:
            n += 1
            key_id = f"{base}_{n}"
        taken.add(key_id)
        ids[scope, name] = key_id
    return ids


def _element(
    out: TextIO, tag: str, opening: str, data: dict[str, Scalar], keys: dict[str, tuple[str, type]]
) -> None:
    """One node or edge; ``keys`` gives each attribute's key id and its one type."""
    if not data:
        out.write(f"    <{tag} {opening} />\n")
        return
    lines = [f"    <{tag} {opening}>\n"]
    for k, v in data.items():
        key, kind = keys[k]
        if kind is str:
            text = _text(v if isinstance(v, str) else str(_typed(v, str)))
        elif kind is bool:  # as XML Schema spells them (true/false), not as Python does
            text = "true" if v else "false"
        else:  # a number: digits, sign, point and exponent have nothing to escape
            text = str(_typed(v, kind))
        lines.append(f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n')
    lines.append(f"    </{tag}>\n")
    out.write("".join(lines))  # one write per element: the file's writes cost more than the join


def _text(text: str) -> str:
    # XML parsers turn a literal carriage return in text into a newline (end-of-line handling), so
    # "a\r\nb" would read back as "a\nb"; as a character reference it survives.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(text: str) -> str:
    return _text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#09;")


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """A GraphML file as a networkx multigraph, every attribute with the type its key declares."""
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except (OSError, ParseError, nx.NetworkXError, ValueError, KeyError) as err:
        raise InputError(str(path), f"cannot read GraphML: {err}") from err
    if not isinstance(graph, nx.MultiDiGraph):
        raise InputError(str(path), "not a directed graph: expected a timeline graph.graphml")
    return graph


def read_graphml(path: str | Path) -> Build:
    """Load the records a saved ``graph.graphml`` holds (see :func:`timeline.graph.build_from_graph`)."""
    graph = read_graph(path)
    try:
        return build_from_graph(graph)
    except (TypeError, ValueError) as err:
        raise InputError(str(path), f"not a timeline knowledge graph (bad value: {err})") from err
