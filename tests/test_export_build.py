"""A real build (the model parses a hostile little article): every export opens in its own reader."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import igraph
import jsonschema
import networkx as nx
import pytest
from spacy.language import Language

import timeline
from timeline.export.timelinejs import SCHEMA

ARTICLE = (
    "---\ntitle: '=cmd|\"/c calc\"!A1 <script>x</script>'\ndate: 2025-03-03\n---\n"
    "Egypt rejected Israel's proposal <b>on Tuesday</b>.\n"
    "On March 1, 2025, Hamas accused Israel of violating the agreement.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[timeline.Build, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    return timeline.build([folder / "a.md"], out=folder / "out", nlp=nlp), folder / "out"


def test_both_graphs_open_in_networkx_and_igraph(built: tuple[timeline.Build, Path]) -> None:
    result, out = built
    for name in ("graph.graphml", "actors.graphml"):
        ours = nx.read_graphml(out / name, force_multigraph=True)
        theirs = igraph.Graph.Read_GraphML(str(out / name))
        assert (theirs.vcount(), theirs.ecount()) == (ours.number_of_nodes(), ours.number_of_edges())
    assert len(timeline.read_graphml(out / "graph.graphml").events) == len(result.events)


def test_the_csv_title_cannot_run_as_a_formula(built: tuple[timeline.Build, Path]) -> None:
    result, out = built
    with (out / "events.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(result.events) > 0
    assert {r["title"] for r in rows} == {'\'=cmd|"/c calc"!A1 <script>x</script>'}


def test_timelinejs_json_is_valid_and_escaped(built: tuple[timeline.Build, Path]) -> None:
    result, out = built
    data = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(data["events"]) == sum(e.time.value is not None for e in result.events)
    text = json.dumps(data)
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_the_saved_folder_loads_back_whole(built: tuple[timeline.Build, Path]) -> None:
    result, out = built
    saved = timeline.read_build(out)
    assert (saved.events, saved.actors, saved.timexes) == (result.events, result.actors, result.timexes)
    assert saved.outcomes == result.outcomes and saved.model == result.model
