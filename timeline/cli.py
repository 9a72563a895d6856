"""The ``timeline`` command: a thin layer over :func:`timeline.build`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import NothingBuilt, TimelineError
from .ingest import parse_date
from .pipeline import DEFAULT_INPUT, DEFAULT_OUT, build

log = logging.getLogger("timeline")

EXIT_BUILT, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

BUILD_EXAMPLES = """\
examples:
  timeline build                                  read seeds/, write output/
  timeline build news/ extra.jsonl --out /tmp/run --date 2025-03-03
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
    return top


def _date(text: str) -> str:
    value = parse_date(text)
    if value is None or len(text.strip()) != 10:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("timeline: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.ERROR if args.quiet else logging.INFO)
    log.propagate = False
    if args.command == "render":
        return _render(args.build_dir, args.out or args.build_dir)
    try:
        result = build(
            args.inputs, out=args.out, date=args.date, progress=not args.quiet and sys.stderr.isatty()
        )
    except NothingBuilt as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    except TimelineError as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    skipped = sum(o.status != "read" for o in result.outcomes)
    log.info(
        "built %d article%s (%d skipped): %d actors, %d events, %d time expressions -> %s",
        len(result.documents),
        "" if len(result.documents) == 1 else "s",
        skipped,
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
        write_all(saved, Path(out), names=RENDERED)
    except TimelineError as err:
        log.error("error: %s", err)
        return EXIT_NOTHING
    log.info("rendered %d events of %s -> %s", len(saved.events), build_dir, out)
    return EXIT_BUILT


def run() -> None:
    """Console entry point."""
    sys.exit(main())
