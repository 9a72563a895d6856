"""Writing the outputs in several processes: the same files, errors reported, nothing left staged."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from timeline.errors import OutputError
from timeline.export import OUTPUTS, parallel, write_all
from timeline.export.parallel import in_order, write_shared

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


def test_the_outputs_are_taken_the_costliest_first_with_the_pages_together() -> None:
    units = in_order(list(OUTPUTS), together=PAGES)
    assert sorted(name for unit in units for name in unit) == sorted(OUTPUTS)
    assert list(PAGES) in units  # the pages make their figures once, in the order asked
    costs = [parallel.COST["pages" if unit[0] in PAGES else unit[0]] for unit in units]
    assert costs == sorted(costs, reverse=True)


def test_the_outputs_whose_pieces_are_found_are_ordered_by_what_they_cost_then() -> None:
    found = {**parallel.COST, **parallel.COST_FOUND}
    units = in_order(list(OUTPUTS), together=PAGES, costs=found)
    assert [found["pages" if unit[0] in PAGES else unit[0]] for unit in units] == sorted(
        found.values(), reverse=True
    )
    assert units != in_order(list(OUTPUTS), together=PAGES)  # cheaper when found: another order


def test_each_writer_takes_the_next_output_no_writer_has_taken(tmp_path: Path) -> None:
    # one writer stays on a slow output while the other takes every one after it

    def write(unit: list[str]) -> None:
        if unit == ["slow"]:
            time.sleep(1.0)  # (not a timing test: only so that the other writer gets the rest)
        (tmp_path / unit[0]).write_text(str(os.getpid()))

    write_shared(write, [["slow"], ["a"], ["b"], ["c"]], 2)
    by = {p.name: p.read_text() for p in tmp_path.iterdir()}
    assert sorted(by) == ["a", "b", "c", "slow"]
    assert by["a"] == by["b"] == by["c"] != by["slow"]


def test_a_forked_writer_s_error_is_raised_in_the_parent(tmp_path: Path) -> None:
    parent = os.getpid()
    written: list[str] = []

    def write(unit: list[str]) -> None:
        if os.getpid() != parent:
            raise OutputError(str(tmp_path / unit[0]), "disk full")
        time.sleep(0.5)  # the forked writer takes the other unit meanwhile
        written.extend(unit)

    with pytest.raises(OutputError, match="disk full") as caught:
        write_shared(write, [["a"], ["b"]], 2)
    assert len(written) == 1
    assert caught.value.path == str(tmp_path / ({"a", "b"} - set(written)).pop())


def test_a_forked_writer_that_dies_is_reported() -> None:
    parent = os.getpid()

    def write(unit: list[str]) -> None:
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.5)

    with pytest.raises(OutputError, match="ended with code 3"):
        write_shared(write, [["a"], ["b"]], 2)


def test_a_failing_forked_writer_leaves_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "events.json").write_text("previous build")
    pid = os.getpid()
    real = parallel.write_shared

    def failing_child(write, units, jobs):  # type: ignore[no-untyped-def]
        def write_or_fail(unit: list[str]) -> None:
            if os.getpid() != pid:
                raise ValueError("broken writer")
            write(unit)

        real(write_or_fail, units, jobs)

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

    def counted(write, units, jobs):  # type: ignore[no-untyped-def]
        shares.append(jobs)
        real(write, units, jobs)

    monkeypatch.setattr("timeline.export.write_shared", counted)
    write_all(story(), tmp_path / "small", jobs=2)
    monkeypatch.setattr("timeline.export.SHARED_WRITE_EVENTS", 0)  # every build is "big"
    write_all(story(), tmp_path / "big", jobs=2)
    assert shares == [2, 1]
