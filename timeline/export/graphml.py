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
  (:class:`_NamedKeys`);
- no graph-level keys: Gephi reports ``for="graph"`` keys as errors.
"""

from __future__ import annotations

import io
import math
import re
import sys
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from ..errors import InputError
from ..graph import LIST_SEPARATOR, build_from_graph
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
    for node, data in graph.nodes(data=True):
        clean = _clean(data)
        node_id = clean_text(str(node))
        name = clean.get("name", clean.get("label", node_id))
        clean.setdefault("name", name)
        clean.setdefault("label", name)
        out.add_node(node_id, **clean)
    if graph.is_multigraph():
        edges = [(u, v, str(k), d) for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        edges = [(u, v, f"{u}:{v}", d) for u, v, d in graph.edges(data=True)]
    edges = _unique_keys(edges)
    # add_edges_from, not add_edge(**data): an attribute named "key" must stay an attribute
    out.add_edges_from(
        (clean_text(str(u)), clean_text(str(v)), key, _clean(data)) for u, v, key, data in edges
    )
    _one_type_per_key([d for _, d in out.nodes(data=True)])
    _one_type_per_key([d for *_, d in out.edges(keys=True, data=True)])
    return out


def _unique_keys(edges: list[tuple[Any, Any, str, Any]]) -> list[tuple[Any, Any, str, Any]]:
    seen: set[str] = set()
    unique = []
    for u, v, key, data in edges:
        key = clean_text(key)
        base, n = key, 1
        while key in seen:
            n += 1
            key = f"{base}:{n}"
        seen.add(key)
        unique.append((u, v, key, data))
    return unique


def _clean(data: dict[str, Any]) -> dict[str, Scalar]:
    clean = {clean_text(str(k)): safe_value(v) for k, v in data.items()}
    return {k: v for k, v in clean.items() if v is not None}


def _one_type_per_key(items: list[dict[str, Any]]) -> None:
    kinds: dict[str, set[type]] = {}
    for data in items:
        for k, v in data.items():
            kinds.setdefault(k, set()).add(type(v))
    as_float = {k for k, t in kinds.items() if t == {int, float}}
    as_text = {k for k, t in kinds.items() if len(t) > 1 and k not in as_float}
    for data in items:
        for k in as_float & data.keys():
            data[k] = float(data[k])
        for k in as_text & data.keys():
            data[k] = str(data[k]).lower() if isinstance(data[k], bool) else str(data[k])


class _NamedKeys(GraphMLWriter):  # type: ignore[misc]  # networkx ships no type hints
    """networkx's GraphML writer with key ids of our own and booleans spelled as XML Schema does.

    Replaces ``get_key`` (ids ``n_<name>``/``e_<name>`` instead of ``d0, d1, ...``) and ``add_data``
    (``true``/``false``, not Python's ``True``/``False``, which strict readers refuse).
    """

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        keys_key = (name, attr_type, scope)
        if keys_key in self.keys:
            return str(self.keys[keys_key])
        key_id = f"{scope[0]}_{_NOT_NMTOKEN.sub('_', name)}"
        taken = set(self.keys.values())
        base, n = key_id, 1
        while key_id in taken:
            n += 1
            key_id = f"{base}_{n}"
        self.keys[keys_key] = key_id
        element = self.myElement(
            "key", **{"id": key_id, "for": scope, "attr.name": name, "attr.type": attr_type}
        )
        self.xml.insert(len(self.keys) - 1, element)  # keys in the order first met, before <graph>
        return key_id

    def add_data(
        self, name: str, element_type: type, value: Any, scope: str = "all", default: Any = None
    ) -> Any:
        element = super().add_data(name, element_type, value, scope, default)
        if element_type is bool:  # networkx passes the value as str(value): "True" or "False"
            element.text = element.text.lower()
        return element


def to_graphml(graph: nx.Graph) -> bytes:
    """The GraphML bytes (UTF-8) of ``graph``, made safe by :func:`safe_graph`; graph attributes dropped."""
    writer = _NamedKeys(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(safe_graph(graph))
    buffer = io.BytesIO()
    writer.dump(buffer)
    # XML parsers turn a literal carriage return in text into a newline (end-of-line handling), so
    # "a\r\nb" would read back as "a\nb"; as a character reference it survives. The writer emits no CR
    # of its own and already escapes CRs in attribute values, so every raw CR here is in text.
    return buffer.getvalue().replace(b"\r", b"&#13;")


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
