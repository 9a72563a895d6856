"""Writing the outputs in several processes: the same files, errors reported, nothing left staged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline.errors import OutputError
from timeline.export import OUTPUTS, parallel, write_all
from timeline.export.parallel import share_out, write_shared

from .exports_data import story

PAGES = ("report.html", "timeline.html", "network.html")


def test_two_writers_write_the_files_one_writes(tmp_path: Path) -> None:
    # "Apple sued Samsung on Monday", written once by one process and once shared out between two
    build = story()
    write_all(build, tmp_path / "one", jobs=1)
    write_all(build, tmp_path / "two", jobs=2)
    for name in OUTPUTS:
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert not list((tmp_path / "two").glob(".staging-*"))


def test_the_outputs_are_shared_out_by_cost_with_the_pages_together() -> None:
    groups = share_out(list(OUTPUTS), 2, together=PAGES)
    assert len(groups) == 2
    assert sorted(name for group in groups for name in group) == sorted(OUTPUTS)
    assert any(set(PAGES) <= set(group) for group in groups)
    # each group keeps the order it was asked for, so a page's figures are let go after their last page
    assert all(group == [n for n in OUTPUTS if n in group] for group in groups)
    costs = [sum(parallel.COST[u] for u in {"pages" if n in PAGES else n for n in group}) for group in groups]
    assert costs[0] + 1e-9 >= costs[1] > 0.5 * costs[0]  # the costlier first, and about even


def test_the_outputs_whose_pieces_are_found_are_shared_out_by_what_they_cost_then() -> None:
    found = {**parallel.COST, **parallel.COST_FOUND}
    groups = share_out(list(OUTPUTS), 2, together=PAGES, costs=found)
    assert groups != share_out(list(OUTPUTS), 2, together=PAGES)  # cheaper pages: another share
    costs = [sum(found[u] for u in {"pages" if n in PAGES else n for n in group}) for group in groups]
    assert costs[0] + 1e-9 >= costs[1] > 0.8 * costs[0]


def test_more_jobs_than_outputs_make_one_group_per_output() -> None:
    assert share_out(["events.json", "run.json"], 8) == [["events.json"], ["run.json"]]
    assert share_out(["events.json"], 1) == [["events.json"]]
    assert share_out(list(OUTPUTS), 1) == [list(OUTPUTS)]


def test_a_forked_writer_s_error_is_raised_in_the_parent(tmp_path: Path) -> None:
    written: list[str] = []

    def write(group: list[str]) -> None:
        if group == ["b"]:
            raise OutputError(str(tmp_path / "b"), "disk full")
        written.extend(group)

    with pytest.raises(OutputError, match="disk full") as caught:
        write_shared(write, [["a"], ["b"]])
    assert caught.value.path == str(tmp_path / "b")
    assert written == ["a"]


def test_a_forked_writer_that_dies_is_reported() -> None:
    def write(group: list[str]) -> None:
        if group == ["b"]:
            os._exit(3)

    with pytest.raises(OutputError, match="ended with code 3"):
        write_shared(write, [["a"], ["b"]])


def test_a_failing_forked_writer_leaves_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "events.json").write_text("previous build")
    pid = os.getpid()
    real = parallel.write_shared

    def failing_child(write, groups):  # type: ignore[no-untyped-def]
        def write_or_fail(group: list[str]) -> None:
            if os.getpid() != pid:
                raise ValueError("broken writer")
            write(group)

        real(write_or_fail, groups)

    monkeypatch.setattr("timeline.export.write_shared", failing_child)
    with pytest.raises(ValueError, match="broken writer"):
        write_all(story(), tmp_path, jobs=2)
    assert (tmp_path / "events.json").read_text() == "previous build"
    assert not list(tmp_path.glob(".staging-*"))


def test_a_build_too_big_to_copy_is_written_by_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shares: list[int] = []
    real = parallel.write_shared

    def counted(write, groups):  # type: ignore[no-untyped-def]
        shares.append(len(groups))
        real(write, groups)

    monkeypatch.setattr("timeline.export.write_shared", counted)
    write_all(story(), tmp_path / "small", jobs=2)
    monkeypatch.setattr("timeline.export.SHARED_WRITE_EVENTS", 0)  # every build is "big"
    write_all(story(), tmp_path / "big", jobs=2)
    assert shares == [2, 1]
