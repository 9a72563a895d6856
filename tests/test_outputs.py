"""Whole builds: the outputs keep the contract, read back cleanly, and are the same bytes every time."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from spacy.language import Language

import timeline
from timeline.collector import frozen, paused
from timeline.export.events_json import SCHEMA
from timeline.records import GROUP, THING, is_actor
from timeline.render import network_figure, timeline_figure

from .conftest import SEEDS

HOSTILE = (
    "---\ntitle: <script>alert('t')</script> Egypt\ndate: 2025-03-03\n---\n"
    "Egypt rejected Israel's proposal <img src=x onerror=alert(1)> on Tuesday.\n"
)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[timeline.Build, Path]:
    out = tmp_path_factory.mktemp("seed")
    return timeline.build([SEEDS], out=out, nlp=nlp), out


def test_events_json_follows_the_shipped_schema(seed_build: tuple[timeline.Build, Path]) -> None:
    _, out = seed_build
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))


def test_every_offset_points_at_its_words(seed_build: tuple[timeline.Build, Path]) -> None:
    result, _ = seed_build
    text = (SEEDS / "000_de5dd64ba62c808d.txt").read_text(encoding="utf-8")
    spans = [(m.start, m.end, m.text) for a in result.actors for m in a.mentions]
    spans += [(t.start, t.end, t.text) for t in result.timexes]
    spans += [(e.trigger.start, e.trigger.end, e.trigger.text) for e in result.events]
    spans += [(p.start, p.end, p.text) for e in result.events for p in e.participants]
    assert spans
    assert [text[s:e] for s, e, _ in spans] == [words for *_, words in spans]


def test_participants_name_actors_of_the_build(seed_build: tuple[timeline.Build, Path]) -> None:
    result, _ = seed_build
    ids = {a.id for a in result.actors}
    assert {p.actor for e in result.events for p in e.participants} <= ids


def test_events_json_reads_back_into_the_same_records(seed_build: tuple[timeline.Build, Path]) -> None:
    result, out = seed_build
    loaded = timeline.read_events_json(out / "events.json")
    assert loaded.events == result.events
    assert loaded.actors == result.actors
    assert loaded.timexes == result.timexes


def test_graphml_reads_back_with_networkx(seed_build: tuple[timeline.Build, Path]) -> None:
    result, out = seed_build
    graph = nx.read_graphml(out / "graph.graphml")
    events = [n for n, d in graph.nodes(data=True) if d["node_type"] == "event"]
    assert len(events) == len(result.events)
    network = nx.read_graphml(out / "actors.graphml")
    # every actor, and no thing the articles talk about ("the price") nor group ("Apple and AT&T")
    assert set(network.nodes) == {a.id for a in result.actors if is_actor(a)}


def test_events_csv_has_one_row_per_event(seed_build: tuple[timeline.Build, Path]) -> None:
    result, out = seed_build
    rows = list(csv.DictReader(io.StringIO((out / "events.csv").read_text(encoding="utf-8"), newline="")))
    assert [r["id"] for r in rows] == [e.id for e in result.events]
    assert rows[0]["sentence_text"] == result.events[0].sentence_text


def test_article_text_in_html_is_escaped(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "a.md").write_text(HOSTILE)
    timeline.build([tmp_path / "a.md"], out=tmp_path / "out", nlp=nlp)
    for page in ("report.html", "timeline.html", "network.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; Egypt" in html


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path: Path, nlp: Language) -> None:
    for name in ("one", "two"):
        timeline.build([SEEDS], out=tmp_path / name, nlp=nlp)
    for path in sorted((tmp_path / "one").iterdir()):
        twin = tmp_path / "two" / path.name
        if path.name == "run.json":  # the run report also carries its timings; all else must match
            first, second = (json.loads(p.read_text()) for p in (path, twin))
            first.pop("timings"), second.pop("timings")
            assert first == second
        else:
            assert path.read_bytes() == twin.read_bytes(), f"{path.name} differs between builds"


SCORERS = ["score_timex.py", "score_actors.py", "score_events.py"]


def test_the_evaluation_scripts_read_a_dev_build(shared: Path, tmp_path: Path, nlp: Language) -> None:
    dev = shared / "data" / "dev"
    timeline.build([dev / "meantime-apple.jsonl"], out=tmp_path, nlp=nlp)
    for script in SCORERS:
        done = subprocess.run(
            [
                sys.executable,
                str(shared / "eval" / script),
                str(dev / "meantime-apple.gold.jsonl"),
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{script}: {done.stderr}"
        assert " F1 " in done.stdout.splitlines()[-1]


def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path, nlp: Language) -> None:
    # linking and writing run with the collector paused (the records hold no cycles); the caller's
    # process gets it back on, also when writing fails
    assert gc.isenabled()
    timeline.build([SEEDS], out=tmp_path / "out", nlp=nlp)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), paused():
        assert not gc.isenabled()
        raise RuntimeError("a writer failed")
    assert gc.isenabled()
    # what is set aside for forked workers and writers comes back too
    with pytest.raises(RuntimeError), frozen():
        assert gc.get_freeze_count() > 0
        raise RuntimeError("a worker failed")
    assert gc.get_freeze_count() == 0


def test_the_records_come_back_as_long_lived_objects(nlp: Language) -> None:
    # set aside while the build runs, then in the oldest generation: the collections of young objects
    # that follow the build (the first one as soon as the collector resumes) never walk them
    result = timeline.build([SEEDS], nlp=nlp)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert result.events and all(id(e) in oldest for e in result.events)
    assert all(id(a) in oldest for a in result.actors)


def test_the_pages_draw_the_figures_plotly_builds(seed_build: tuple[timeline.Build, Path]) -> None:
    # the pages are written from the figures' plain dicts: the data and layout of the plotly figures
    # that the tests validate in full
    result, out = seed_build
    report = (out / "report.html").read_text(encoding="utf-8")
    for div_id, fig in (("timeline", timeline_figure(result)), ("network", network_figure(result))):
        call = re.search(r'Plotly\.newPlot\(\s*"' + div_id + r'",\s*', report)
        assert call is not None
        data, end = json.JSONDecoder().raw_decode(report, call.end())
        layout, _ = json.JSONDecoder().raw_decode(report, report.index("{", end))
        expected = json.loads(json.dumps(fig.to_plotly_json()))
        assert data == expected["data"] and data
        assert layout == expected["layout"]


def test_things_and_groups_stay_in_events_json_only(seed_build: tuple[timeline.Build, Path]) -> None:
    # "the next phase", "Gaza and the West Bank": entities with mentions, but no actors a reader lists
    _, out = seed_build
    kept = {a["kind"] for a in json.loads((out / "events.json").read_text(encoding="utf-8"))["actors"]}
    assert {THING, GROUP} <= kept
    listed = {row["kind"] for row in csv.DictReader(io.StringIO((out / "actors.csv").read_text("utf-8")))}
    graph = nx.read_graphml(out / "graph.graphml")
    drawn = {data.get("kind") for _, data in graph.nodes(data=True)}
    assert not ({THING, GROUP} & (listed | drawn))
    assert "PERSON" in listed and "PERSON" in drawn
