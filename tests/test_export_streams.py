"""The writers stream: each file is written record by record, and the bytes are those of the whole-build dumps."""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import os
import re
from pathlib import Path

import networkx as nx
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.export import OUTPUTS, events_json, write_all
from timeline.export import timelinejs as timelinejs_module
from timeline.export.events_json import as_dict, id_json, records_json, to_json, write_json
from timeline.export.graphml import to_graphml, write_graphml
from timeline.export.graphml_safe import graph_streams
from timeline.export.timelinejs import timelinejs, to_timelinejs
from timeline.graph import knowledge_graph, knowledge_streams
from timeline.records import Build
from timeline.render import network_figure, page, plot_html, timeline_figure
from timeline.render.page import PLOTLY_CONFIG, write_page
from timeline.utf8 import bytes_writer

from .exports_data import builds, story

SURROGATE = re.compile("[\ud800-\udfff]")


def whole_json(build: Build) -> str:
    """events.json as one dump of the whole build, the way it was written before it streamed."""
    text = json.dumps(as_dict(build), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    return SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def test_the_streamed_events_json_is_the_whole_dump_byte_for_byte() -> None:
    # "Apple sued Samsung on Monday": one article, two actors, one event, written record by record.
    build = story()
    out = io.StringIO()
    write_json(build, out)
    assert out.getvalue() == whole_json(build)


@pytest.mark.parametrize("batch", [1, 2, 3])
def test_records_dumped_in_batches_of_any_size_give_the_whole_dump(
    batch: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Records are dumped a batch at a time; where a batch ends must not show in the file, whether it
    # is written to a text buffer or as bytes to a UTF-8 file.
    monkeypatch.setattr(events_json, "_BATCH", batch)
    monkeypatch.setattr(timelinejs_module, "_BATCH", batch)
    build = story()
    assert to_json(build) == whole_json(build)
    with (tmp_path / "events.json").open("w", encoding="utf-8", newline="") as out:
        write_json(build, out)
    assert (tmp_path / "events.json").read_text(encoding="utf-8") == whole_json(build)
    whole = json.dumps(timelinejs(build), ensure_ascii=False, indent=1) + "\n"
    assert to_timelinejs(build) == whole


def test_an_empty_build_streams_to_empty_lists() -> None:
    empty = Build(documents=(), actors=(), timexes=(), events=())
    assert (
        to_json(empty)
        == whole_json(empty)
        == ('{\n "documents": [],\n "actors": [],\n "timexes": [],\n "events": []\n}\n')
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds())
def test_any_build_streams_to_the_bytes_of_the_whole_dump(build: Build) -> None:
    text = to_json(build)
    assert json.loads(text) == json.loads(whole_json(build))
    # the one difference in layout: a float in exponent form is written shortest (1e16, not 1e+16)
    if not any("e" in repr(e.goldstein) for e in build.events):
        assert text == whole_json(build)


def _an_actor_named_as_an_event(build: Build) -> Build:
    """The build with actor a1 (and the participants it is) given the id of event e1: one node."""

    def renamed(actor: str) -> str:
        return "e1" if actor == "a1" else actor

    return dataclasses.replace(
        build,
        actors=tuple(dataclasses.replace(a, id=renamed(a.id)) for a in build.actors),
        events=tuple(
            dataclasses.replace(
                e, participants=tuple(dataclasses.replace(p, actor=renamed(p.actor)) for p in e.participants)
            )
            for e in build.events
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds(min_participants=1))
def test_the_knowledge_graph_streams_are_the_networkx_graph_in_its_order(build: Build) -> None:
    # The writer reads the build's nodes and edges without a networkx graph; the file must be the one
    # written from the graph, and the graph made from the streams the one networkx iterates.
    graph = knowledge_graph(build)
    streams = knowledge_streams(build)
    assert list(streams.nodes()) == list(graph.nodes(data=True))
    assert list(streams.edges()) == list(graph.edges(keys=True, data=True))
    out = io.StringIO()
    write_graphml(streams, out)
    assert out.getvalue().encode("utf-8", errors="xmlcharrefreplace") == to_graphml(graph)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds(min_participants=1).map(_an_actor_named_as_an_event))
def test_an_actor_with_an_events_id_has_its_edges_in_the_graphs_order(build: Build) -> None:
    # one node in the graph (read from a hand-edited events.json, say): its edges come where it does
    graph = knowledge_graph(build)
    assert list(knowledge_streams(build).edges()) == list(graph.edges(keys=True, data=True))


def test_an_empty_graph_is_a_graph_element_with_no_children() -> None:
    text = to_graphml(nx.DiGraph()).decode("utf-8")
    assert '  <graph edgedefault="directed" />\n</graphml>\n' in text
    assert nx.read_graphml(io.BytesIO(text.encode("utf-8"))).number_of_nodes() == 0


def test_empty_text_is_an_empty_data_element_and_a_node_id_met_twice_is_written_once() -> None:
    # "a\x00" and "a" are one id once the NUL XML forbids is removed: readers get one node.
    graph = nx.DiGraph()
    graph.add_node("a", kind="")
    graph.add_node("a\x00", kind="ORG")
    out = io.StringIO()
    write_graphml(graph_streams(graph), out)
    text = out.getvalue()
    assert text.count('<node id="a">') == 1 and '<data key="n_kind" />' in text
    assert nx.read_graphml(io.StringIO(text)).number_of_nodes() == 1


def test_a_file_written_through_a_scratch_file_is_the_one_written_in_memory(tmp_path: Path) -> None:
    # "score" is a number on the first node and text on the last: the elements, already in the
    # scratch file, are written again with the key's one type; the scratch file is gone after.
    graph = nx.DiGraph()
    graph.add_node("a", name="Apple", score=1)
    graph.add_node("b", name="Boeing", score=2.5)
    graph.add_node("c", name="Cisco", score="high")
    graph.add_edge("a", "b", weight=3)
    with (tmp_path / "graph.graphml").open("w", encoding="utf-8", newline="") as out:
        write_graphml(graph_streams(graph), out, scratch=tmp_path)
    assert (tmp_path / "graph.graphml").read_bytes() == to_graphml(graph)
    assert nx.read_graphml(tmp_path / "graph.graphml").nodes["a"]["score"] == "1"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_write_all_leaves_every_file_complete_and_nothing_staged(tmp_path: Path) -> None:
    build = story()
    write_all(build, tmp_path, names=["events.json", "graph.graphml", "events.csv"])
    assert (tmp_path / "events.json").read_text(encoding="utf-8") == whole_json(build)
    assert (tmp_path / "graph.graphml").read_bytes() == to_graphml(knowledge_graph(build))
    assert not list(tmp_path.glob(".staging-*"))


def test_every_output_is_on_disk_before_it_replaces_the_last_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "events.json").write_text("previous build")
    synced: dict[str, str] = {}  # each file put on disk, and what its name in the output folder held then
    fdatasync = os.fdatasync

    def noted(handle: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{handle}"))
        last = tmp_path / path.name
        synced[path.name] = last.read_text() if last.name == "events.json" else ""
        assert path.parent.name.startswith(".staging-")
        fdatasync(handle)

    monkeypatch.setattr(os, "fdatasync", noted)
    write_all(story(), tmp_path)
    assert sorted(synced) == sorted(OUTPUTS)
    assert synced["events.json"] == "previous build"
    assert (tmp_path / "events.json").read_text() != "previous build"


def test_an_output_that_cannot_be_put_on_disk_fails_the_build_and_leaves_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "events.json").write_text("previous build")

    def failing(handle: int) -> None:
        raise OSError(errno.EIO, "input/output error")

    monkeypatch.setattr(os, "fdatasync", failing)
    with pytest.raises(OSError, match="input/output error"):
        write_all(story(), tmp_path)
    assert (tmp_path / "events.json").read_text() == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json"]


def test_a_figure_written_in_batches_is_the_html_plotly_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two traces of 7 points each, hover texts with markup, in batches of 3: the div is to_html's.
    monkeypatch.setattr(plot_html, "BATCH", 3)
    fig = go.Figure(
        [
            go.Scatter(x=list(range(7)), y=[f"<b>{n}</b>" for n in range(7)], hovertext=["a/b"] * 7),
            go.Scattergl(x=[0.5] * 7, y=list(range(7)), customdata=[[n, "x"] for n in range(7)]),
        ],
        layout={"title": {"text": "Apple sued Samsung"}, "height": 300},
    )
    out = io.StringIO()
    plot_html.write_plot(out, fig, div_id="timeline", include_plotlyjs=False, config=PLOTLY_CONFIG)
    expected = pio.to_html(
        fig, full_html=False, include_plotlyjs=False, div_id="timeline", config=PLOTLY_CONFIG, validate=False
    )
    assert out.getvalue() == expected


def test_the_page_written_to_a_file_is_the_page_text(tmp_path: Path) -> None:
    build = story()
    figures = [("timeline", timeline_figure(build)), ("network", network_figure(build))]
    with (tmp_path / "report.html").open("w", encoding="utf-8", newline="") as out:
        write_page(build, figures, "Event timeline", out)
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == page(build, figures, "Event timeline")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds())
def test_timelinejs_streams_to_the_bytes_of_the_whole_dump(build: Build) -> None:
    whole = json.dumps(timelinejs(build), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    assert to_timelinejs(build) == whole


def test_json_bytes_reach_a_utf8_file_after_its_text_and_any_other_file_as_text(tmp_path: Path) -> None:
    # The encoders give UTF-8 bytes: a UTF-8 file takes them as they are, after the text written before
    # them; a text buffer, or a file in another encoding, gets them decoded.
    with (tmp_path / "a.json").open("w", encoding="utf-8", newline="") as out:
        out.write("{")
        write = bytes_writer(out)
        write('"café": 1}\n'.encode())
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == '{"café": 1}\n'
    with (tmp_path / "b.json").open("w", encoding="latin-1", newline="") as out:
        bytes_writer(out)('"café"'.encode())
    assert (tmp_path / "b.json").read_text(encoding="latin-1") == '"café"'
    buffer = io.StringIO()
    bytes_writer(buffer)('"café"'.encode())
    assert buffer.getvalue() == '"café"'


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_an_id_is_the_json_text_records_json_writes_for_it(event_id: str) -> None:
    # the pieces of events.json and timelinejs.json are joined to their event's id by this text
    assert records_json([{"id": event_id}]) == b'\n  {\n   "id": ' + id_json(event_id) + b"\n  }"
