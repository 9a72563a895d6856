"""A saved build loads back: events.json record for record, and `timeline render` re-draws it unparsed."""

from __future__ import annotations

import dataclasses
import json
import math
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from timeline.cli import main, parser
from timeline.errors import InputError
from timeline.export import OUTPUTS, RENDERED, read_build, write_all
from timeline.export.events_json import SCHEMA, from_dict, read_events_json, to_json
from timeline.files import LOCK
from timeline.records import Build, Outcome

from .exports_data import builds, story

EVENTS_SCHEMA = json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_events_json_reads_back_into_the_same_records(tmp_path: Path) -> None:
    build = story()
    (tmp_path / "events.json").write_text(to_json(build), encoding="utf-8")
    jsonschema.validate(json.loads(to_json(build)), EVENTS_SCHEMA)
    loaded = read_events_json(tmp_path / "events.json")
    assert loaded.events == build.events
    assert loaded.actors == build.actors
    assert loaded.timexes == build.timexes
    assert [d.title for d in loaded.documents] == [d.title for d in build.documents]


@settings(max_examples=80, deadline=None)
@given(builds())
def test_any_text_round_trips_through_events_json_to_the_same_bytes(build: Build) -> None:
    text = to_json(build)
    data = json.loads(text.encode("utf-8"))  # lone surrogates are written as escapes, so this encodes
    again = from_dict(data)
    # a NaN or infinite Goldstein score is no JSON number: it is written as null
    finite = [
        e if math.isfinite(e.goldstein or 0) else dataclasses.replace(e, goldstein=None) for e in build.events
    ]
    assert list(again.events) == finite
    assert to_json(again) == text


def test_render_writes_the_same_files_again_without_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = story()
    write_all(build, tmp_path / "built")
    assert main(["render", str(tmp_path / "built"), "--out", str(tmp_path / "again")]) == 0
    assert sorted(p.name for p in (tmp_path / "again").iterdir()) == sorted([*RENDERED, LOCK])
    for name in RENDERED:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "built" / name).read_bytes(), name
    assert "rendered 3 events" in capsys.readouterr().err


def test_the_run_report_gives_back_what_was_read(tmp_path: Path) -> None:
    build = story()
    read = Outcome("news.jsonl:1", "read", doc="d1")
    skipped = Outcome("news.jsonl:2", "skipped", reason="no text")
    write_all(Build(build.documents, build.actors, build.timexes, build.events, (read, skipped)), tmp_path)
    assert read_build(tmp_path).outcomes == (read, skipped)


def test_a_folder_with_only_the_graph_still_renders(tmp_path: Path) -> None:
    write_all(story(), tmp_path / "built", names=["graph.graphml"])
    assert main(["render", str(tmp_path / "built"), "--out", str(tmp_path / "again"), "--quiet"]) == 0
    again = read_events_json(tmp_path / "again" / "events.json")
    assert [e.id for e in again.events] == ["e1", "e2", "e3"]
    assert again.timexes == (), "the graph holds no time expressions"


def test_render_of_a_folder_that_is_no_build_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"timeline: error: {tmp_path}: no events.json or graph.graphml: not a build's output folder"
    )
    with pytest.raises(InputError):
        read_build(tmp_path)


def test_every_output_is_written_and_the_list_is_checked(tmp_path: Path) -> None:
    write_all(story(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUTS)
    with pytest.raises(ValueError, match="unknown outputs"):
        write_all(story(), tmp_path, names=["events.xml"])


def test_the_render_command_has_help_with_an_example() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "examples:" in commands["render"].epilog


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds())
def test_any_build_is_written_whole_and_loads_back(build: Build) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_all(build, Path(folder))
        for name in ("timelinejs.json", "events.json"):
            json.loads((Path(folder) / name).read_bytes())
        assert read_build(folder).events == from_dict(json.loads(to_json(build))).events


def test_a_dated_event_without_participants_still_renders(tmp_path: Path) -> None:
    build = story()
    lone = dataclasses.replace(build.events[0], participants=())
    write_all(dataclasses.replace(build, events=(lone,)), tmp_path)
    assert "no actor" in (tmp_path / "timeline.html").read_text(encoding="utf-8")
