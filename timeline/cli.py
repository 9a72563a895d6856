"""The ``timeline`` command: a thin layer over :func:`timeline.build`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

# The build runs a process per core, none of which needs BLAS threads of its own (spaCy computes with
# its own kernels; the network's layout runs on one thread): OpenBLAS starts them when numpy is
# imported and lets them spin a while, a tenth of a second of CPU taken from the parsing beside it.
# Set before anything imports numpy (which the package leaves to the first use of the build), unless
# the caller chose otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from . import __version__
from .errors import TimelineError
from .events import actor_timeline, find_actor_ids
from .files import locked
from .ingest import parse_date
from .pipeline import DEFAULT_INPUT, DEFAULT_OUT, build
from .records import OTHER, SOURCE, TARGET, Event

log = logging.getLogger("timeline")

EXIT_BUILT, EXIT_NOTHING, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

ACTOR_EXAMPLES = """\
examples:
  timeline actor "Steve Jobs"                     from output/events.json
  timeline actor Hamas --from /tmp/run/events.json --role source
"""

BUILD_EXAMPLES = """\
examples:
  timeline build                                  read seeds/, write output/
  timeline build news/ extra.jsonl --out /tmp/run --date 2025-03-03
  timeline build archive/ --jobs 4 --cache /tmp/timeline-cache.sqlite
  timeline build archive/ --engine dask --scheduler tcp://10.0.0.5:8786
"""

RENDER_EXAMPLES = """\
examples:
  timeline render output/                         write output/'s pages and files again
  timeline render output/ --out /tmp/pictures     the same, into another folder
"""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="timeline",
        description="Build an event timeline and an actor network from news articles.",
        epilog="example:\n  timeline build seeds/ --out output/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser(
        "build",
        help="read articles and write the timeline, network, events and graph files",
        description="Read articles (.txt, .md, .jsonl, .json; folders recursively) and write "
        "events.json, events.csv, actors.csv, graph.graphml, actors.graphml, timelinejs.json, "
        "report.html, timeline.html, network.html and run.json.",
        epilog=BUILD_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        default=[DEFAULT_INPUT],
        help=f"files and folders to read (default: {DEFAULT_INPUT}/)",
    )
    b.add_argument(
        "--out",
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"folder to write the outputs into (default: {DEFAULT_OUT}/)",
    )
    b.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="publication date for articles that carry none"
    )
    b.add_argument(
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes that parse articles and write the outputs (default: all cores)",
    )
    b.add_argument(
        "--cache",
        metavar="PATH",
        help="SQLite file keeping per-article results between builds (default: DIR/cache.sqlite)",
    )
    b.add_argument("--no-cache", action="store_true", help="parse every article again; keep no cache")
    b.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="where articles are parsed: local processes (default) or a Dask cluster",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)",
    )
    b.add_argument("--quiet", action="store_true", help="print nothing but errors")
    r = commands.add_parser(
        "render",
        help="write the outputs again from a saved build, without parsing the articles",
        description="Load a build's output folder (events.json, or else graph.graphml) and write every "
        "output but run.json again from it.",
        epilog=RENDER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("build_dir", metavar="BUILD_DIR", help="a folder written by `timeline build`")
    r.add_argument(
        "--out", metavar="DIR", help="folder to write the outputs into (default: BUILD_DIR itself)"
    )
    r.add_argument("--quiet", action="store_true", help="print nothing but errors")
    a = commands.add_parser(
        "actor",
        help="print one actor's timeline from a build's events.json",
        description="Print the events an actor took part in, across all articles, in time order "
        "(dated events by date, then undated ones in story order). An event reported by several "
        "articles is printed once, with the number of reports.",
        epilog=ACTOR_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("name", metavar="NAME", help="the actor's name or one of its aliases (case aside)")
    a.add_argument(
        "--from",
        dest="events",
        default=f"{DEFAULT_OUT}/events.json",
        metavar="EVENTS_JSON",
        help=f"the build to read (default: {DEFAULT_OUT}/events.json)",
    )
    a.add_argument(
        "--role",
        choices=(SOURCE, TARGET, OTHER),
        action="append",
        help="only events where the actor plays this role",
    )
    return top


def _date(text: str) -> str:
    value = parse_date(text)
    if value is None or len(text.strip()) != 10:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    commands = parser()
    args = commands.parse_args(argv)
    if args.command == "build" and (args.engine == "dask") != (args.scheduler is not None):
        commands.error("--engine dask and --scheduler ADDRESS go together")
    folder = getattr(args, "out", None) or getattr(args, "build_dir", None)  # what the command writes
    interrupted = "error: interrupted" + (f"; {folder} keeps its previous files" if folder else "")
    interrupt = _Interrupt(interrupted)
    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        with _messages_to_stderr(quiet=getattr(args, "quiet", False)):
            try:
                if args.command == "actor":
                    return _actor(args.name, args.events, tuple(args.role or ()))
                if args.command == "render":
                    return _render(args.build_dir, args.out or args.build_dir)
                return _build(args)
            except KeyboardInterrupt:
                log.error("%s", interrupted)
                return EXIT_INTERRUPTED
    finally:
        interrupt.done()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


#: Seconds a command has to stop once interrupted; after that the process ends all the same.
GRACE = 10.0


class _Interrupt:
    """What Ctrl-C and SIGTERM do: stop the command (staged files are removed, old outputs kept), and,
    should that not end within :data:`GRACE` seconds (a wait in a library that no signal breaks),
    end the process with the same message and code."""

    def __init__(self, message: str) -> None:
        self._message = message
        self._timer: threading.Timer | None = None

    def __call__(self, signum: int, frame: object) -> None:
        if self._timer is None:
            self._timer = threading.Timer(GRACE, self._end)
            self._timer.daemon = True
            self._timer.start()
        raise KeyboardInterrupt

    def done(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _end(self) -> None:
        log.error("%s", self._message)
        logging.shutdown()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)


@contextlib.contextmanager
def _messages_to_stderr(*, quiet: bool) -> Iterator[None]:
    """Route the library's log records to stderr as one plain line each, for this command only."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("timeline: %(message)s"))
    saved = log.handlers[:], log.level, log.propagate
    log.handlers[:] = [handler]
    log.setLevel(logging.ERROR if quiet else logging.INFO)
    log.propagate = False
    try:
        yield
    finally:
        log.handlers[:], log.level, log.propagate = saved


#: The records of the last build, held: freeing them one by one when the command returns takes a
#: tenth of a second for 51,000 events, which the process's end (see :func:`run`) does at once.
_held: list[object] = []


def _build(args: argparse.Namespace) -> int:
    cache = None if args.no_cache else (args.cache or os.path.join(args.out, "cache.sqlite"))
    try:
        result = build(
            args.inputs,
            out=args.out,
            date=args.date,
            jobs=args.jobs,
            cache=cache,
            scheduler=args.scheduler,
            progress=not args.quiet and sys.stderr.isatty(),
        )
    except TimelineError as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    _held[:] = [result]
    articles = len(result.documents)
    log.info(
        "built %d article%s (%d skipped, %d from the cache): %d actors, %d events, %d time expressions -> %s",
        articles,
        "" if articles == 1 else "s",
        sum(o.status != "read" for o in result.outcomes),
        result.cached,
        len(result.actors),
        len(result.events),
        len(result.timexes),
        args.out,
    )
    return EXIT_BUILT


def _render(build_dir: str, out: str) -> int:
    from .export import RENDERED, read_build, write_all

    try:
        saved = read_build(build_dir)
        with locked(Path(out)):
            write_all(saved, Path(out), names=RENDERED, jobs=os.cpu_count() or 1)
    except TimelineError as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    log.info("rendered %d events of %s -> %s", len(saved.events), build_dir, out)
    return EXIT_BUILT


def _actor(name: str, events_json: str, roles: tuple[str, ...]) -> int:
    from .export import read_events_json

    try:
        result = read_events_json(events_json)
    except TimelineError as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    if not find_actor_ids(result, name):
        log.error("error: no actor named %r in %s", name, events_json)
        return EXIT_NOTHING
    for event in actor_timeline(result, name, roles=roles):
        sys.stdout.write(timeline_line(event) + "\n")
    return EXIT_BUILT


def timeline_line(event: Event) -> str:
    """One event as a line of an actor's timeline: date, type, trigger, where, how often reported."""
    when = event.time.value or "undated"
    where = f"{event.doc}:{event.sentence}"
    reports = f"  ({len(event.sources)} reports)" if len(event.sources) > 1 else ""
    mood = "" if event.modality == "asserted" else f" [{event.modality}]"
    sentence = " ".join(event.sentence_text.split())
    return f"{when}\t{event.type}\t{event.trigger.text}{mood}\t{where}\t{sentence}{reports}"


def run() -> None:
    """Console entry point. The process ends without the interpreter's teardown, which takes a
    fifth of a second after every command (spaCy's and plotly's modules, one by one): the messages
    are flushed first, and every file was closed by the command."""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
