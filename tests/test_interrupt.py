"""Interruptions and concurrent builds: the previous output survives, nothing temporary is left."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from timeline import workers
from timeline.cli import main
from timeline.files import LOCK
from timeline.records import Document

from .conftest import ROOT


def big_corpus(folder: Path, count: int = 400) -> Path:
    text = "Egypt rejected Israel's proposal on Tuesday, and Hamas accused Benjamin Netanyahu. " * 40
    path = folder / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(count)))
    return path


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_build_keeps_the_previous_output(tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.json").write_text("previous build")
    build = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "timeline",
            "build",
            str(big_corpus(tmp_path)),
            "--out",
            str(out),
            "--jobs",
            "2",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (out / "cache.sqlite").exists() and time.monotonic() < deadline:  # parsing has begun
        time.sleep(0.05)
    time.sleep(0.5)
    build.send_signal(signum)
    _, err = build.communicate(timeout=60)
    assert build.returncode == 130, err
    assert err.strip().splitlines()[-1] == f"timeline: error: interrupted; {out} keeps its previous files"
    assert (out / "events.json").read_text() == "previous build"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".staging")]


def test_a_worker_whose_parent_has_gone_ends_quietly() -> None:
    # the parent ends (as a signal ends it) while a worker parses: the worker's result has no one to
    # go to, and the worker ends without a word on the stderr it shares with the parent
    script = """
import multiprocessing, os, time
from timeline import workers
def parse(_):
    time.sleep(1.0)
    return b"done"
pool = multiprocessing.get_context("fork").Pool(1, initializer=workers._start_worker, initargs=(None,))
pool.map_async(parse, [0])
time.sleep(0.3)
os._exit(130)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 130
    assert done.stderr == ""  # read to its end: once the worker, which holds it too, has ended


def _parse_slowly(documents: tuple[Document, ...]) -> list[bytes]:
    time.sleep(60)
    return []


def test_ctrl_c_handed_to_a_thread_of_the_worker_pool_still_stops_the_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the system gives a process's signal to any thread that has not blocked it; here, to one of the
    # pool's threads, while the workers have no result to send for a minute
    monkeypatch.setattr(workers, "_worker", _parse_slowly)
    documents = [Document(f"d{n}", "Egypt rejected the proposal.") for n in range(8)]
    with workers.extracting(documents, nlp=object(), jobs=2, batch_size=1) as results:  # type: ignore[arg-type]
        pool_thread = next(t for t in threading.enumerate() if t is not threading.main_thread())
        started = time.monotonic()
        threading.Timer(0.5, signal.pthread_kill, (pool_thread.ident, signal.SIGINT)).start()
        with pytest.raises(KeyboardInterrupt):
            next(results)
    assert time.monotonic() - started < 30, "interrupted at once, not when a result came"


def test_a_second_build_into_the_same_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "a.txt").write_text("Egypt rejected Israel's proposal.\n")
    fd = os.open(out / LOCK, os.O_CREAT | os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a first build holds the folder
    try:
        code = main(["build", str(tmp_path / "a.txt"), "--out", str(out)])
    finally:
        os.close(fd)
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"timeline: error: {out}: another build is writing here; run again when it ends"
    )
    assert main(["build", str(tmp_path / "a.txt"), "--out", str(out), "--quiet"]) == 0


def test_an_unwritable_output_folder_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # sysfs refuses new folders even to root, as a read-only mount would
    (tmp_path / "a.txt").write_text("Egypt rejected Israel's proposal.\n")
    assert main(["build", str(tmp_path / "a.txt"), "--out", "/sys/timeline-out"]) == 1
    assert capsys.readouterr().err.strip() == (
        "timeline: error: /sys/timeline-out: cannot write: Operation not permitted"
    )


def test_a_build_that_does_not_stop_when_interrupted_is_ended_after_a_grace_period(tmp_path: Path) -> None:
    # a build stuck in a wait that no signal breaks, once interrupted
    stuck = (
        "import threading, time\n"
        "import timeline.cli as cli\n"
        "from timeline import pipeline\n"
        "cli.GRACE = 1.0\n"
        "def build(*args, **kwargs):\n"
        "    try:\n"
        "        time.sleep(60)\n"
        "    finally:\n"
        "        threading.Event().wait()\n"
        "cli.build = build\n"
        "cli.run()\n"
    )
    out = tmp_path / "out"
    run = subprocess.Popen(
        [sys.executable, "-c", stuck, "build", str(big_corpus(tmp_path, 1)), "--out", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)  # imported and sleeping
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 130, err
    assert err.strip().splitlines()[-1] == f"timeline: error: interrupted; {out} keeps its previous files"
