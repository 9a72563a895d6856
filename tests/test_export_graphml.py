"""GraphML: both graphs open in networkx and igraph with every attribute, typed, and Gephi-safe keys."""

from __future__ import annotations

import dataclasses
import io
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.export import graphml
from timeline.export.graphml import read_graphml, to_graphml, write_graphml
from timeline.export.graphml_safe import graph_streams, safe_graph
from timeline.graph import actor_network, knowledge_graph
from timeline.records import GROUP, THING, Actor, Build, Mention
from timeline.text import clean_text

from .exports_data import builds, story

NS = "{http://graphml.graphdrawing.org/xmlns}"
# Names Gephi's GraphML importer (ImporterGraphML) maps to a node or edge property when a key's id or
# attr.name matches, yEd's default ids d3 and d7 among them; any other key becomes a plain column.
GEPHI_NODE_PROPERTIES = {"label", "d3", "x", "y", "xpos", "ypos", "z", "size", "r", "g", "b"}
GEPHI_EDGE_PROPERTIES = {"label", "edgelabel", "d7", "weight", "edge weight", "id", "edgeid", "r", "g", "b"}


def both_files(build: Build) -> dict[str, bytes]:
    return {
        "graph.graphml": to_graphml(knowledge_graph(build)),
        "actors.graphml": to_graphml(actor_network(build)),
    }


def test_the_knowledge_graph_reads_back_in_networkx_with_each_attribute_and_type() -> None:
    # "Apple sued Samsung on Monday": an actor -> event edge per participant, the event's coding on it.
    graph = nx.read_graphml(io.BytesIO(to_graphml(knowledge_graph(story()))), force_multigraph=True)
    sued = graph.nodes["e1"]
    assert sued["node_type"] == "event"
    assert (sued["date"], sued["granularity"], sued["type"], sued["cameo"]) == (
        "2011-04-18",
        "day",
        "COERCE",
        "1711",
    )
    assert sued["quad_class"] == 4 and isinstance(sued["quad_class"], int)
    assert sued["goldstein"] == -7.0 and isinstance(sued["goldstein"], float)
    assert sued["negated"] is False and graph.nodes["e2"]["negated"] is True
    assert sued["sentence_text"] == "Apple sued Samsung over the Galaxy design on Monday."
    assert sued["title"] == "Apple & Samsung: the <patent> war"
    assert sued["article_source"] == "news.jsonl:1"
    assert sued["sources"] == 2
    # the int Goldstein score of e2 is written as a float like the others: one type per key
    assert graph.nodes["e2"]["goldstein"] == -2.0 and isinstance(graph.nodes["e2"]["goldstein"], float)
    apple = graph.nodes["a1"]
    assert (apple["name"], apple["label"], apple["kind"], apple["aliases"]) == (
        "Apple",
        "Apple",
        "ORG",
        "Apple Inc.",
    )
    assert "sector" in apple and "sector" not in graph.nodes["a2"], "None is left out, not written"
    roles = {(u, v, d["role"]) for u, v, d in graph.edges(data=True)}
    assert roles == {("a1", "e1", "source"), ("a2", "e1", "target"), ("a2", "e2", "source"),
                     ("a1", "e2", "target"), ("a3", "e3", "source")}  # fmt: skip


def test_the_actor_network_has_one_weighted_edge_per_pair_with_the_mean_score() -> None:
    # Apple acts on Samsung once (-7), Samsung on Apple once (-2): two directed edges of weight 1.
    graph = nx.read_graphml(io.BytesIO(to_graphml(actor_network(story()))))
    assert isinstance(graph, nx.DiGraph)
    edge = graph.edges["a1", "a2"]
    assert (edge["weight"], edge["goldstein"], edge["events"], edge["types"]) == (1, -7.0, "e1", "COERCE")
    assert graph.edges["a2", "a1"]["goldstein"] == -2.0
    assert {d["name"] for _, d in graph.nodes(data=True)} >= {"Apple", "Samsung"}


def test_a_thing_or_a_group_is_no_node_of_the_actor_network() -> None:
    build = story()
    price = Actor("a9", "the price", THING, (Mention("d1", 0, 9, "the price"),))
    pair = Actor("a8", "Apple and Samsung", GROUP, (Mention("d1", 0, 17, "Apple and Samsung"),))
    build = dataclasses.replace(build, actors=(*build.actors, price, pair))
    assert "a9" not in actor_network(build)
    assert "a8" not in actor_network(build)
    assert "a1" in actor_network(build)


@pytest.mark.parametrize("name", ["graph.graphml", "actors.graphml"])
def test_keys_are_named_declared_once_and_mean_nothing_special_to_gephi(name: str) -> None:
    root = ET.fromstring(both_files(story())[name])
    keys = root.findall(f"{NS}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if re.fullmatch(r"d\d+", i or "")], "no networkx-numbered key ids"
    assert {k.get("for") for k in keys} <= {"node", "edge"}, "no graph-level keys"
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names)), "one type per attribute"
    node_keys = {(k.get("id") or "").lower() for k in keys if k.get("for") == "node"}
    node_keys |= {n.lower() for f, n in names if f == "node" and n}
    edge_keys = {(k.get("id") or "").lower() for k in keys if k.get("for") == "edge"}
    edge_keys |= {n.lower() for f, n in names if f == "edge" and n}
    assert node_keys & GEPHI_NODE_PROPERTIES == {"label"}, "only label means something to Gephi"
    assert edge_keys & GEPHI_EDGE_PROPERTIES <= {"label", "weight"}
    label_key = next(k.get("id") for k in keys if k.get("for") == "node" and k.get("attr.name") == "label")
    name_key = next(k.get("id") for k in keys if k.get("for") == "node" and k.get("attr.name") == "name")
    for node in root.iter(f"{NS}node"):
        assert {d.get("key") for d in node.findall(f"{NS}data")} >= {label_key, name_key}
    edge_ids = [e.get("id") for e in root.iter(f"{NS}edge")]
    assert None not in edge_ids and len(edge_ids) == len(set(edge_ids))
    assert root.find(f"{NS}graph/{NS}data") is None


def test_booleans_are_spelled_as_xml_schema_spells_them() -> None:
    text = to_graphml(knowledge_graph(story())).decode("utf-8")
    assert ">true<" in text and ">false<" in text and ">True<" not in text


def test_igraph_opens_both_files_with_names_labels_and_roles(tmp_path: Path) -> None:
    build = story()
    for name, data in both_files(build).items():
        (tmp_path / name).write_bytes(data)
    graph = igraph.Graph.Read_GraphML(str(tmp_path / "graph.graphml"))
    assert graph.is_directed()
    assert graph.vcount() == len(build.actors) + len(build.events)
    assert sorted(graph.es["role"]) == ["source", "source", "source", "target", "target"]
    by_id = {v["id"]: v for v in graph.vs}
    assert by_id["a1"]["name"] == by_id["a1"]["label"] == "Apple"
    assert by_id["e1"]["goldstein"] == -7.0 and by_id["e1"]["date"] == "2011-04-18"
    network = igraph.Graph.Read_GraphML(str(tmp_path / "actors.graphml"))
    assert sorted(network.es["weight"]) == [1.0, 1.0]
    assert set(network.vs["name"]) == {a.name for a in build.actors}


def test_control_characters_none_lists_and_nan_are_made_safe() -> None:
    graph = nx.DiGraph()
    graph.add_node("x", name="bell\x07 and\x00 null", tags=["a", "b"], score=float("nan"), gone=None)
    graph.add_node("y", score=1)
    graph.add_node("z", score="high")  # a key whose values mix types is written as text
    graph.add_node("w", big=2**70, kinds={"ORG", "GPE"})
    graph.add_edge("x", "y", weight=2, note={"k": 1})
    safe = safe_graph(graph)
    assert safe.nodes["x"] == {"name": "bell and null", "label": "bell and null", "tags": "a; b"}
    assert (safe.nodes["y"]["score"], safe.nodes["z"]["score"]) == ("1", "high")
    assert (safe.nodes["w"]["big"], safe.nodes["w"]["kinds"]) == (str(2**70), "GPE; ORG")
    back = nx.read_graphml(io.BytesIO(to_graphml(graph)))
    assert back.nodes["x"]["name"] == "bell and null"
    assert back.edges["x", "y"]["note"] == "{'k': 1}"


def test_a_saved_graph_loads_back_into_records(tmp_path: Path) -> None:
    build = story()
    (tmp_path / "graph.graphml").write_bytes(to_graphml(knowledge_graph(build)))
    loaded = read_graphml(tmp_path / "graph.graphml")
    # The graph keeps each event whole but for its list of reports, and actors but for their mentions.
    assert [dataclasses.replace(e, sources=()) for e in build.events] == list(loaded.events)
    assert [dataclasses.replace(a, mentions=()) for a in build.actors] == list(loaded.actors)
    assert [(d.id, d.title, d.date, d.url, d.source) for d in loaded.documents] == [
        (
            "d1",
            "Apple & Samsung: the <patent> war",
            "2011-04-20",
            "https://example.com/a?x=1&y=2",
            "news.jsonl:1",
        )
    ]


def test_a_file_that_is_not_graphml_is_an_input_error(tmp_path: Path) -> None:
    from timeline.errors import InputError

    (tmp_path / "graph.graphml").write_text("<graphml><graph", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read GraphML"):
        read_graphml(tmp_path / "graph.graphml")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds())
def test_any_text_gives_graphml_that_networkx_and_igraph_both_read(build: Build) -> None:
    for data in both_files(build).values():
        graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
        names = {clean_text(a.name) for a in build.actors}
        assert names <= {d["name"] for _, d in graph.nodes(data=True)}
        if graph.number_of_nodes():
            # igraph reads from a file name only; its libxml2 parser is the stricter of the two
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "graph.graphml"
                path.write_bytes(data)
                other = igraph.Graph.Read_GraphML(str(path))
            assert other.vcount() == graph.number_of_nodes()
            assert other.ecount() == graph.number_of_edges()
    kg = nx.read_graphml(io.BytesIO(both_files(build)["graph.graphml"]), force_multigraph=True)
    for event in build.events:
        node = kg.nodes[event.id]
        assert node["sentence_text"] == clean_text(event.sentence_text)
        assert isinstance(node["negated"], bool) and isinstance(node["sentence"], int)
        assert isinstance(node.get("goldstein", 0.0), float) and isinstance(node.get("quad_class", 0), int)


def test_edge_ids_stay_unique_when_node_ids_hold_the_separator() -> None:
    # a:b -> c and a -> b:c would both be "a:b:c"; the second gets a suffix, and readers see both edges.
    graph = nx.DiGraph([("a:b", "c"), ("a", "b:c")])
    root = ET.fromstring(to_graphml(graph))
    assert [e.get("id") for e in root.iter(f"{NS}edge")] == ["a:b:c", "a:b:c:2"]
    assert nx.read_graphml(io.BytesIO(to_graphml(graph))).number_of_edges() == 2


# few values, so that items share shapes, among them the numbers that cannot stay numbers
VALUES = st.sampled_from(
    [None, True, 0, 7, -(2**63), 2**63, 2**70, 1.5, float("nan"), float("inf"), "", "x", [1, 2]]
)
# "n\x07" is "n" once cleaned: two attributes of one item that become one
ATTRIBUTES = st.dictionaries(st.sampled_from(["name", "label", "score", "n", "n\x07"]), VALUES, max_size=4)


@settings(max_examples=80, deadline=None)
@given(st.lists(ATTRIBUTES, max_size=12), st.lists(ATTRIBUTES, max_size=12))
def test_the_file_holds_the_safe_copy_whatever_types_the_values_mix(
    nodes: list[dict], edges: list[dict]
) -> None:
    # Each key's one type is learned while the elements are written: a key met first as a number and
    # later as text (or a 2**70, which is written as text) has its elements written again as text,
    # and a NaN is left out; what a reader gets back is the safe copy, value for value and in order.
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((f"n{i}", data) for i, data in enumerate(nodes))
    graph.add_edges_from(("n0", "n1", f"k{i}", data) for i, data in enumerate(edges))
    safe = safe_graph(graph)
    back = nx.read_graphml(io.BytesIO(to_graphml(graph)), force_multigraph=True)
    assert list(back.nodes(data=True)) == list(safe.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(safe.edges(keys=True, data=True))


def _written(graph: nx.MultiDiGraph, path: Path, last: Path | None) -> bytes:
    with path.open("w", encoding="utf-8", errors="xmlcharrefreplace", newline="") as out:
        write_graphml(graph_streams(graph), out, scratch=path.parent, last=last)
    return path.read_bytes()


def _graph(nodes: list[dict], edges: list[dict]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((f"n{i}", data) for i, data in enumerate(nodes))
    graph.add_edges_from(("n0", "n1", f"k{i}", data) for i, data in enumerate(edges))
    return graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ATTRIBUTES, max_size=8), st.lists(ATTRIBUTES, max_size=8), st.lists(ATTRIBUTES, max_size=8))
def test_a_file_written_after_the_last_ones_keys_is_the_same_whatever_the_last_one_held(
    tmp_path: Path, last_nodes: list[dict], nodes: list[dict], edges: list[dict]
) -> None:
    # the nodes and edges go straight after the last file's keys, and are moved when the keys differ
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        last, path = Path(folder) / "last.graphml", Path(folder) / "now.graphml"
        for before in (_graph(last_nodes, edges), _graph(nodes, edges)):
            _written(before, last, None)
            assert _written(_graph(nodes, edges), path, last) == to_graphml(_graph(nodes, edges))
            assert sorted(p.name for p in Path(folder).iterdir()) == ["last.graphml", "now.graphml"]


def test_a_file_with_the_last_ones_keys_is_written_without_a_scratch_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = _graph([{"name": "Veloria", "score": 1.5}, {"name": "Marden"}], [{"role": "source", "n": 2}])
    last, path = tmp_path / "last.graphml", tmp_path / "now.graphml"
    expected = _written(graph, last, None)

    def no_scratch(_: Path | None) -> None:
        raise AssertionError("a scratch file was made")

    monkeypatch.setattr(graphml, "_scratch_file", no_scratch)
    assert _written(graph, path, last) == expected
