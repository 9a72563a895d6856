"""The Dask engine: the same build, with per-article extraction on a (local) Dask cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import timeline
from timeline.cli import main
from timeline.export.events_json import to_json

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_a_dask_build_equals_a_local_build(tmp_path: Path, nlp: Language, scheduler: str) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [
        {"id": str(i), "date": "2025-03-03", "text": f"Egypt rejected Israel's proposal {i} on Tuesday."}
        for i in range(40)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    local = timeline.build([path], nlp=nlp)
    remote = timeline.build([path], nlp=nlp, scheduler=scheduler)
    assert to_json(remote) == to_json(local)


def test_the_cli_runs_on_dask(tmp_path: Path, scheduler: str) -> None:
    (tmp_path / "a.txt").write_text("Egypt rejected Israel's proposal.\n")
    out = tmp_path / "out"
    assert (
        main(
            [
                "build",
                str(tmp_path / "a.txt"),
                "--out",
                str(out),
                "--engine",
                "dask",
                "--scheduler",
                scheduler,
                "--quiet",
            ]
        )
        == 0
    )
    assert json.loads((out / "events.json").read_text())["documents"][0]["id"] == "a"


def test_an_unreachable_scheduler_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Egypt rejected Israel's proposal.\n")
    code = main(
        [
            "build",
            str(tmp_path / "a.txt"),
            "--out",
            str(tmp_path / "out"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ]
    )
    assert code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_engine_and_scheduler_go_together(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", "--engine", "dask"])
    assert stop.value.code == 2
    assert "--engine dask and --scheduler ADDRESS go together" in capsys.readouterr().err
