"""GraphML for Gephi, Cytoscape, igraph and networkx: every value made safe in one place."""

from __future__ import annotations

import io
import re
from typing import Any

import networkx as nx

# XML 1.0 forbids most control characters; GraphML readers reject the file when one slips in.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def safe_value(value: Any) -> str | int | float | bool:
    """One GraphML-safe scalar: lists joined with ``; ``, text cleaned of control characters."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    return _CONTROL.sub("", str(value))


def safe_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with safe attribute values, one type per attribute key, and ``label`` on every node.

    A None value is left out (the attribute is absent on that node or edge). A key whose values
    mix types is written as text throughout, so readers see one type per key.
    """
    out = graph.copy()
    for _, data in out.nodes(data=True):
        data.setdefault("label", data.get("name", ""))
    items = [data for _, data in out.nodes(data=True)]
    edges = [data for *_, data in out.edges(data=True)]
    for group in (items, edges):
        cleaned = [{k: safe_value(v) for k, v in data.items() if v is not None} for data in group]
        kinds: dict[str, set[type]] = {}
        for data in cleaned:
            for k, v in data.items():
                kinds.setdefault(k, set()).add(type(v))
        mixed = {k for k, t in kinds.items() if len(t) > 1}
        for data, clean in zip(group, cleaned, strict=True):
            data.clear()
            data.update({k: (str(v) if k in mixed else v) for k, v in clean.items()})
    out.graph.clear()
    return out


def to_graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(safe_graph(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
