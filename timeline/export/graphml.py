"""GraphML for Gephi, Cytoscape, igraph and networkx: the writer, every value made safe in one place
(:mod:`timeline.export.graphml_safe`), and the reader.

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
  (:meth:`_Keys.add`);
- no graph-level keys: Gephi reports ``for="graph"`` keys as errors.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO
from xml.etree.ElementTree import ParseError

import networkx as nx

from ..errors import InputError
from ..files import append_file, append_range, settle
from ..graph import GraphStreams, PlacedEdge, PlacedNode, build_from_graph
from ..pieces import NO_PIECES, Pieces, Stretch
from ..records import Build
from ..text import MEMO, clean_text
from ..utf8 import utf8_file, utf8_path
from .graphml_safe import (
    Scalar,
    attribute_text,
    clean_attributes,
    clean_key,
    graph_streams,
    one_type,
    safe_edge_id,
    safe_node,
    safe_text,
    safe_value,
    typed,
)

# A key id is an XML NMTOKEN; attribute names are ours, but keep the ids valid whatever they become.
_NOT_NMTOKEN = re.compile(r"[^\w.\-]")
_XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
_CHUNK = 1 << 20
#: What a character UTF-8 has no bytes for (a lone surrogate) becomes, as XML writers do; the values
#: are cleaned of them before (:func:`timeline.text.clean_text`), this is the last guard.
_ERRORS = "xmlcharrefreplace"


def to_graphml(graph: nx.Graph) -> bytes:
    """The GraphML bytes (UTF-8) of ``graph``, made safe by :func:`safe_graph`; graph attributes dropped."""
    buffer = io.StringIO()
    write_graphml(graph_streams(graph), buffer, directed=graph.is_directed())
    return buffer.getvalue().encode("utf-8", errors="xmlcharrefreplace")


def write_graphml(
    streams: GraphStreams,
    out: TextIO,
    *,
    directed: bool = True,
    scratch: Path | None = None,
    pieces: Pieces = NO_PIECES,
    edge_pieces: Pieces = NO_PIECES,
    last: Path | None = None,
) -> None:
    """Write a graph as GraphML to ``out``, element by element, with the values of :func:`safe_graph`.

    The ``<key>`` elements, which come first, need each attribute's one type, known only once every
    value has been seen: so the nodes and edges are written first to a scratch file in the folder
    ``scratch`` (None: to memory), each key's type learned on the way, then copied after the keys.
    They are written a second time only when some attribute's values turn out to have several types
    (each is then written as the key's one type). The bytes are those networkx's pretty-printed writer
    gives for the safe copy, without holding the copy or an XML tree in memory. A node id met again
    (two ids that differ only in removed characters) is written once, with the attributes of its first
    node; its values still count for the types.

    ``last``: the file the last build wrote, whose keys most often are this one's too: the nodes and
    edges are written straight to ``out`` after its keys, and moved to the scratch file only when the
    keys turn out to be others.

    The elements of the event nodes of ``streams.placed_nodes`` are pieces (see :mod:`timeline.pieces`):
    taken from ``pieces`` when the last build kept one, else made and kept; so are the edges of
    ``streams.placed_edges``, with ``edge_pieces``. Only in the first writing, where every piece is
    made too.
    """
    path = utf8_path(out)
    head = _head_of(last) if last is not None and path is not None else None
    if path is None or head is None:
        with _scratch_file(scratch) as body:
            keys = _Keys()
            written = _write_items(streams, body, keys, pieces, edge_pieces)
            _write_with_keys(streams, body, keys, written, out, directed)
        return
    out.flush()
    out.buffer.write(head)
    keys = _Keys()
    written = _write_items(streams, out.buffer, keys, pieces, edge_pieces)
    if written and not keys.mixed and _head(keys, directed).encode("utf-8", _ERRORS) == head:
        out.buffer.write(_TAIL)
        return
    # other keys: what was written goes after this file's own (unless it is written again anyway)
    settle(out.buffer)  # read back and written over: the copies into it made first
    out.buffer.flush()
    length = out.buffer.tell() - len(head)
    with _scratch_file(scratch) as body:
        if not keys.mixed:
            with open(path, "rb") as taken:
                append_range(taken, len(head), length, body)
        out.buffer.seek(0)
        out.buffer.truncate()
        _write_with_keys(streams, body, keys, written, out, directed)


_TAIL = b"  </graph>\n</graphml>\n"


def _write_with_keys(
    streams: GraphStreams, body: IO[bytes], keys: _Keys, written: bool, out: TextIO, directed: bool
) -> None:
    """The keys, then the nodes and edges written to ``body``; when some key's values had several
    types, the nodes and edges are written again instead, each value as its key's one type (straight
    to ``out`` when it is a UTF-8 file)."""
    if not written:
        out.write(_keys_text(keys) + f"  <{_graph(directed)} />\n</graphml>\n")
        return
    if keys.mixed:
        keys = _Keys(keys.types())
        if utf8_file(out):
            out.write(_head(keys, directed))
            out.flush()
            _write_items(streams, out.buffer, keys, NO_PIECES, NO_PIECES)
            out.buffer.write(_TAIL)
            return
        body.seek(0)
        body.truncate()
        _write_items(streams, body, keys, NO_PIECES, NO_PIECES)
    out.write(_head(keys, directed))
    _copy(body, out)
    out.write(_TAIL.decode())


def _head(keys: _Keys, directed: bool) -> str:
    """A file's text before its nodes: the keys, and the graph's opening tag."""
    return _keys_text(keys) + f"  <{_graph(directed)}>\n"


def _keys_text(keys: _Keys) -> str:
    lines = [_HEADER]
    for (scope, name), (key_id, kind) in keys.declared():
        lines.append(
            f'  <key id="{key_id}" for="{scope}" attr.name="{attribute_text(name)}" '
            f'attr.type="{_XML_TYPES[kind]}" />\n'
        )
    return "".join(lines)


def _graph(directed: bool) -> str:
    return f'graph edgedefault="{"directed" if directed else "undirected"}"'


#: Bytes of a file read to find its head (see :func:`_head_of`): a graph's keys take a few kilobytes.
_HEAD_READ = 1 << 20


def _head_of(path: Path) -> bytes | None:
    """The bytes of the file at ``path`` up to its graph's opening tag; None when there is none."""
    try:
        with path.open("rb") as file:
            start = file.read(_HEAD_READ)
    except OSError:  # none yet, or unreadable: the keys are not guessed
        return None
    tag = start.find(b"\n  <graph ")
    end = -1 if tag < 0 else start.find(b">\n", tag)
    return None if end < 0 else start[: end + 2]


def _copy(body: IO[bytes], out: TextIO) -> None:
    """The scratch file's UTF-8 appended to ``out``: as bytes when ``out`` is a UTF-8 file (by the
    system when the scratch is a file too), else decoded."""
    if utf8_file(out):
        out.flush()
        if isinstance(body, io.BytesIO):
            out.buffer.write(body.getbuffer())
        else:
            append_file(body, out.buffer)
        return
    body.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()  # a chunk may end inside a character
    while chunk := body.read(_CHUNK):
        out.write(decoder.decode(chunk))
    out.write(decoder.decode(b"", final=True))


def _scratch_file(folder: Path | None) -> IO[bytes]:
    if folder is None:
        return io.BytesIO()
    return tempfile.TemporaryFile("w+b", dir=folder, prefix=".graphml-")


class _Keys:
    """The attribute keys of one file: each one's id and type, in the order first met.

    Without ``types`` each key takes the type of its first value, and :attr:`mixed` says whether a
    later value had another; with ``types`` (every key's one type) values are written as that type.
    """

    def __init__(self, types: dict[tuple[str, str], type] | None = None) -> None:
        self.fixed = types is not None
        self.kinds: dict[tuple[str, str], set[type]] = {}
        self.mixed = False
        # per scope: attribute -> (the start of its <data> element, its type)
        self.scopes: dict[str, dict[str, tuple[str, type]]] = {"node": {}, "edge": {}}
        self.clean: set[Any] = set()  # attribute names met that need no cleaning
        self.replayed: set[tuple[str, bytes]] = set()  # the attributes of pieces taken (see _replay)
        self._ids: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()
        for (scope, name), kind in (types or {}).items():
            self.add(scope, name, kind)

    def add(self, scope: str, name: str, kind: type) -> tuple[str, type]:
        """A key met for the first time: its id ``n_<attribute>``/``e_<attribute>``, not networkx's
        ``d0, d1, ...`` (which Gephi misreads), with a suffix when two names give one id."""
        key_id = f"{scope[0]}_{_NOT_NMTOKEN.sub('_', name)}"
        base, n = key_id, 1
        while key_id in self._taken:
            n += 1
            key_id = f"{base}_{n}"
        self._taken.add(key_id)
        self._ids[scope, name] = key_id
        self.kinds[scope, name] = {kind}
        entry = self.scopes[scope][name] = (f'      <data key="{key_id}"', kind)
        return entry

    def all_clean(self, data: dict[Any, Any]) -> bool:
        """Whether every attribute name of ``data`` is text that needs no cleaning (kept in :attr:`clean`)."""
        if all(type(k) is str and clean_key(k) == k for k in data):
            self.clean.update(data)
            return True
        return False

    def another(self, scope: str, name: str, kind: type) -> None:
        """A value of ``kind`` for a key first met with another type."""
        self.kinds[scope, name].add(kind)
        self.mixed = True

    def types(self) -> dict[tuple[str, str], type]:
        return one_type(self.kinds)

    def declared(self) -> Iterator[tuple[tuple[str, str], tuple[str, type]]]:
        for (scope, name), key_id in self._ids.items():
            yield (scope, name), (key_id, self.scopes[scope][name][1])


def _write_items(
    streams: GraphStreams, out: IO[bytes], keys: _Keys, pieces: Pieces, edge_pieces: Pieces
) -> bool:
    """Write every node and edge element, in UTF-8; whether there was any node."""
    # text values repeat (types, dates, titles, a sentence for each of its events): each made safe once
    texts = functools.lru_cache(maxsize=MEMO)(safe_text)
    pending: list[bytes] = []  # elements written to the file a batch at a time: each write costs

    def add(element: bytes) -> None:
        pending.append(element)
        if len(pending) >= _BATCH:
            out.write(b"".join(pending))
            pending.clear()

    def put(elements: Iterable[bytes | Stretch]) -> None:
        for element in elements:
            if isinstance(element, Stretch):  # copied as it lies, after what is pending
                out.write(b"".join(pending))
                pending.clear()
                append_range(element.handle, element.start, element.length, out)
            else:
                add(element)

    written: set[str] = set()
    placed = _Placed("node", pieces, keys, texts, put)
    for node, place, make in _placed_nodes(streams, pieces):
        node_id = clean_text(str(node))
        if node_id in written:
            placed.flush()
            _learn(safe_node(node, make())[1], "node", keys)
            continue
        written.add(node_id)
        placed.add(place, f'id="{attribute_text(node_id)}"', functools.partial(_named, node, make), node)
    placed.flush()
    ends: dict[str, str] = {}  # node ids as attribute values: each node is at the end of many edges
    seen: set[str] = set()
    placed = _Placed("edge", edge_pieces, keys, texts, put)
    for u, v, key, place, make in _placed_edges(streams, edge_pieces):
        u, v, key = safe_edge_id(u, v, key, seen)
        source = ends.get(u) or ends.setdefault(u, attribute_text(u))
        target = ends.get(v) or ends.setdefault(v, attribute_text(v))
        placed.add(place, f'source="{source}" target="{target}" id="{attribute_text(key)}"', make)
    placed.flush()
    out.write(b"".join(pending))
    return bool(written)


class _Placed:
    """The elements of the nodes or the edges (``tag``) in order, a batch at a time, handed to ``put``:
    those of the items with a place taken from the last build's pieces where it kept them (see
    :meth:`Pieces.taken`; a piece's note is the list of the attributes it writes, each with its type
    and key id, which the keys learn as writing it would), the others made (and kept)."""

    def __init__(
        self,
        tag: str,
        pieces: Pieces,
        keys: _Keys,
        texts: Callable[[str], str],
        put: Callable[[Iterable[bytes | Stretch]], None],
    ) -> None:
        self._tag, self._pieces, self._keys, self._texts, self._put = tag, pieces, keys, texts, put
        self._places: list[int] = []
        self._heads: list[bytes] = []
        self._items: dict[int, tuple[str, Callable[[], dict[str, Any]], Any]] = {}

    def add(self, place: int, opening: str, make: Callable[[], dict[str, Any]], node: Any = None) -> None:
        """The item with the attributes ``opening`` in its opening tag, whose other attributes ``make``
        gives: a ``node``'s (None: an edge's). At ``place`` -1 it has no piece: made now."""
        if place < 0:
            self.flush()
            self._put((self._made(opening, make, node, place),))
            return
        self._places.append(place)
        self._heads.append(f"    <{self._tag} {opening}>\n".encode("utf-8", _ERRORS))
        self._items[place] = (opening, make, node)
        if len(self._places) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Hand over the elements of the items added."""
        if self._places:
            self._put(self._pieces.taken(self._places, self._heads, self._make, self._learn))
            self._places, self._heads = [], []
            self._items.clear()

    def _learn(self, note: bytes) -> bool:
        return _replay(self._tag, note, self._keys)

    def _make(self, place: int) -> bytes:
        return self._made(*self._items[place], place)

    def _made(self, opening: str, make: Callable[[], dict[str, Any]], node: Any, place: int) -> bytes:
        safe = clean_attributes if node is None else functools.partial(_safe_node_data, node)
        return _made(self._tag, opening, place, make, safe, self._pieces, self._keys, self._texts)


def _made(
    tag: str,
    opening: str,
    place: int,
    make: Callable[[], dict[str, Any]],
    safe: Callable[[dict[str, Any]], dict[str, Any]],
    pieces: Pieces,
    keys: _Keys,
    texts: Callable[[str], str],
) -> bytes:
    """A node's or an edge's element in UTF-8, made from the attributes ``make`` gives (kept as the
    piece of ``place``, unless -1), made ``safe`` first when some attribute's name needs cleaning."""
    data = make()
    return _element(tag, opening, data, tag, keys, texts, place, pieces) or _element(
        tag, opening, safe(data), tag, keys, texts
    )


def _named(node: Any, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A node's attributes, given the name and label every node has when they are not text."""
    data = make()
    if type(data.get("name")) is not str or type(data.get("label")) is not str:
        return safe_node(node, data)[1]
    return data


def _safe_node_data(node: Any, data: dict[str, Any]) -> dict[str, Scalar]:
    return safe_node(node, data)[1]


def _placed_nodes(streams: GraphStreams, pieces: Pieces) -> Iterator[PlacedNode]:
    """The nodes with their places when there are pieces to take or keep, else each at place -1."""
    if streams.placed_nodes is not None and pieces is not NO_PIECES:
        return streams.placed_nodes()
    return ((node, -1, functools.partial(_given, data)) for node, data in streams.nodes())


def _placed_edges(streams: GraphStreams, pieces: Pieces) -> Iterator[PlacedEdge]:
    """The edges with their places when there are pieces to take or keep, else each at place -1."""
    if streams.placed_edges is not None and pieces is not NO_PIECES:
        return streams.placed_edges()
    return ((u, v, key, -1, functools.partial(_given, data)) for u, v, key, data in streams.edges())


def _given(data: dict[str, Any]) -> dict[str, Any]:
    return data


def _learn(data: dict[str, Scalar], scope: str, keys: _Keys) -> None:
    """The types of an item that is not written."""
    known = keys.scopes[scope]
    for k, v in data.items():
        entry = known.get(k) or keys.add(scope, k, type(v))
        if type(v) is not entry[1] and not keys.fixed:
            keys.another(scope, k, type(v))


#: Elements joined into one write.
_BATCH = 512
_LONG = 2**63


def _element(
    tag: str,
    opening: str,
    data: dict[Any, Any],
    scope: str,
    keys: _Keys,
    texts: Callable[[str], str],
    place: int = -1,
    pieces: Pieces = NO_PIECES,
) -> bytes:
    """One node or edge in UTF-8, its values made safe (:func:`safe_value`, ``texts`` for text) as
    they are written; ``keys`` gives each attribute's key id and its one type (or learns it). Empty
    when some attribute's name needs cleaning itself: the caller cleans the item (:func:`clean_attributes`) and
    asks again. With a ``place`` (not -1) the element is kept in ``pieces`` as that place's piece,
    noted with the attributes it writes (see :class:`_Placed`).
    """
    if not keys.clean.issuperset(data) and not keys.all_clean(data):
        return b""  # before any key is added: of two names that clean to one, the last one counts
    learned: list[str] | None = None if place < 0 else []  # each attribute, its type and key id
    known = keys.scopes[scope]
    lines = [f"    <{tag} {opening}>\n"]
    for k, v in data.items():
        kind = type(v)
        if kind is int:  # most numbers: written as they are when GraphML's 64 bits hold them
            if not -_LONG <= v < _LONG:
                v, kind = str(v), str
        elif kind is not str:  # text is made safe by ``texts`` below
            v = safe_value(v)
            if v is None:
                continue
            kind = type(v)
        start, one = known.get(k) or keys.add(scope, k, kind)
        if learned is not None:
            learned.append(f"{k}\t{_XML_TYPES[kind]}\t{start}")
        if kind is not one:
            if keys.fixed:  # a number or a boolean of a key written as float or as text
                v, kind = typed(v, one), one
            else:  # the file is written again with the key's one type
                keys.another(scope, k, kind)
        if kind is str:
            text = texts(v)
        elif kind is bool:  # as XML Schema spells them (true/false), not as Python does
            text = "true" if v else "false"
        else:  # a number: digits, sign, point and exponent have nothing to escape
            text = str(v)
        lines.append(f"{start}>{text}</data>\n" if text else f"{start} />\n")
    if len(lines) == 1:  # nothing to write: no piece
        return f"    <{tag} {opening} />\n".encode("utf-8", _ERRORS)
    lines.append(f"    </{tag}>\n")
    element = "".join(lines).encode("utf-8", _ERRORS)
    if learned:
        head = len(lines[0].encode("utf-8", _ERRORS))
        pieces.keep(place, element, head, "\n".join(learned).encode("utf-8", _ERRORS))
    return element


_TYPES = {name: kind for kind, name in _XML_TYPES.items()}


def _replay(scope: str, learned: bytes, keys: _Keys) -> bool:
    """Learn the attributes a kept piece writes, as writing it would; whether each has the key id it
    had when the piece was made (else the piece is made again, and learns the same). Most pieces
    write the same attributes: a list of them replayed once has nothing more to teach."""
    if (scope, learned) in keys.replayed:
        return True
    known = keys.scopes[scope]
    for line in learned.decode("utf-8").split("\n"):
        name, type_name, start = line.split("\t")
        kind = _TYPES[type_name]
        entry, one = known.get(name) or keys.add(scope, name, kind)
        if entry != start:
            return False
        if kind is not one and not keys.fixed:
            keys.another(scope, name, kind)
    keys.replayed.add((scope, learned))
    return True


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
