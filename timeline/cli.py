"""The ``timeline`` command: a thin layer over :func:`timeline.build`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import __version__
from .errors import NothingBuilt, TimelineError
from .events import actor_timeline, find_actor_ids
from .export import read_events_json
from .ingest import parse_date
from .pipeline import DEFAULT_INPUT, DEFAULT_OUT, build
from .records import OTHER, SOURCE, TARGET, Event

log = logging.getLogger("timeline")

EXIT_BUILT, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

ACTOR_EXAMPLES = """\
examples:
  timeline actor "Steve Jobs"                     from output/events.json
  timeline actor Hamas --from /tmp/run/events.json --role source
"""

BUILD_EXAMPLES = """\
examples:
  timeline build                                  read seeds/, write output/
  timeline build news/ extra.jsonl --out /tmp/run --date 2025-03-03
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
        "events.json, events.csv, actors.csv, graph.graphml, actors.graphml, report.html, "
        "timeline.html, network.html and run.json.",
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


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("timeline: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.ERROR if getattr(args, "quiet", False) else logging.INFO)
    log.propagate = False
    if args.command == "actor":
        return _actor(args.name, args.events, tuple(args.role or ()))
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


def _actor(name: str, events_json: str, roles: tuple[str, ...]) -> int:
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
    """Console entry point."""
    sys.exit(main())
