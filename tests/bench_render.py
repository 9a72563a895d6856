"""How fast the pictures are: write report.html for a large synthetic build, then open it in Chromium.

usage: python tests/bench_render.py [--events 20000] [--actors 500] [--out DIR] [--no-browser]

Builds a synthetic build (power-law actor activity, PLOVER types with their quad classes, dates at day,
week, month and year precision, some undated, some events reported by several articles), times the two
figures and the three pages (written as the build writes them), prints the file sizes, then times
opening report.html from file:// in headless Chromium until both plots are drawn. Not a test: pytest does
not collect it (the name does not start with ``test_``); the README reports its figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chromium import Chromium, drawn, find_chromium  # noqa: E402
from timeline.records import (  # noqa: E402
    SOURCE,
    TARGET,
    Actor,
    Build,
    Document,
    Event,
    EventTime,
    Outcome,
    Participant,
    Source,
    Trigger,
)
from timeline.render import network_figure, page, timeline_figure  # noqa: E402

#: PLOVER types with a quad class and a typical Goldstein score.
TYPES = {
    "CONSULT": (1, 1.0),
    "AGREE": (1, 3.0),
    "SUPPORT": (1, 3.5),
    "REQUEST": (1, -0.5),
    "COOPERATE": (2, 6.0),
    "AID": (2, 7.0),
    "CONCEDE": (2, 5.0),
    "RETREAT": (2, 4.0),
    "ACCUSE": (3, -2.0),
    "REJECT": (3, -4.0),
    "THREATEN": (3, -6.0),
    "PROTEST": (4, -6.5),
    "SANCTION": (4, -5.0),
    "MOBILIZE": (4, -7.0),
    "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}
KINDS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT")
SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vo", "zu", "bel", "dor", "an", "is", "gar", "pe", "shi")
WORDS = [
    "talks",
    "border",
    "ministry",
    "officials",
    "trade",
    "agreement",
    "troops",
    "capital",
    "statement",
    "press",
    "week",
    "region",
]


def synthetic_build(n_events: int, n_actors: int, *, seed: int = 1) -> Build:
    """A build shaped like a large news corpus, made up from a seeded random generator."""
    rng = random.Random(seed)
    actors = []
    for i in range(n_actors):
        name = " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
            for _ in range(rng.randint(1, 2))
        )
        actors.append(
            Actor(id=f"a{i:04d}", name=name, kind=rng.choice(KINDS), mentions=(), aliases=(name.upper(),))
        )
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(n_actors)]  # a few actors do most things
    n_docs = max(n_events // 20, 1)
    start = dt.date(2004, 1, 1)
    documents = [
        Document(
            id=f"d{i:05d}",
            text="",
            title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} <b>report</b> {i}",
            date=(start + dt.timedelta(days=rng.randrange(5 * 365))).isoformat(),
            url=f"https://news.example.org/{i}?a=1&b=2",
            source=f"bench.jsonl:{i + 1}",
        )
        for i in range(n_docs)
    ]
    kinds = [*TYPES, "OTHER"]
    events = []
    for i in range(n_events):
        doc = documents[i * n_docs // n_events]
        src, tgt = rng.choices(actors, weights, k=2)
        while tgt is src:
            tgt = rng.choices(actors, weights)[0]
        kind = rng.choice(kinds) if rng.random() < 0.7 else "OTHER"
        quad, goldstein = TYPES.get(kind, (None, None))
        trigger = kind.lower() + "ed" if kind != "OTHER" else "said"
        sentence = (
            f"{src.name} {trigger} {tgt.name} over the {' '.join(rng.choices(WORDS, k=12))}, "
            f"officials said on {doc.date}."
        )
        at = len(src.name) + 1
        time_ = _time(rng, doc)
        sources = ()
        if rng.random() < 0.1:
            others = rng.sample(documents, k=rng.randint(1, 3))
            sources = tuple(Source(d.id, 0, 0, len(trigger), trigger) for d in [doc, *others])
        events.append(
            Event(
                id=f"e{i + 1}",
                doc=doc.id,
                sentence=i % 30,
                sentence_text=sentence,
                sentence_start=1000,
                trigger=Trigger(trigger, 1000 + at, 1000 + at + len(trigger)),
                participants=(
                    Participant(src.id, SOURCE, 1000, 1000 + len(src.name), src.name),
                    Participant(tgt.id, TARGET, 1000 + at + len(trigger) + 1, 1000 + len(sentence), tgt.name),
                ),
                time=time_,
                type=kind,
                cameo=None,
                quad_class=quad,
                goldstein=None if goldstein is None else goldstein + rng.uniform(-1, 1),
                sources=sources,
            )
        )
    return Build(
        documents=tuple(documents),
        actors=tuple(actors),
        timexes=(),
        events=tuple(events),
        outcomes=(
            *(Outcome(d.source, "read", doc=d.id) for d in documents),
            Outcome("bench.jsonl:0", "skipped", reason="empty line"),
        ),
    )


def _time(rng: random.Random, doc: Document) -> EventTime:
    day = dt.date.fromisoformat(doc.date or "2004-01-01") - dt.timedelta(days=rng.randrange(60))
    roll = rng.random()
    if roll < 0.55:
        return EventTime(day.isoformat(), "day", "explicit", day.strftime("%B %d"))
    if roll < 0.7:
        return EventTime(day.isoformat(), "day", "document", None)
    if roll < 0.78:
        return EventTime(f"{day:%Y-%m}", "month", "explicit", day.strftime("in %B"))
    if roll < 0.83:
        week = day.isocalendar()
        return EventTime(f"{week.year}-W{week.week:02d}", "week", "explicit", "last week")
    if roll < 0.88:
        return EventTime(str(day.year), "year", "explicit", "this year")
    return EventTime()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--actors", type=int, default=500)
    ap.add_argument(
        "--out", type=Path, default=None, help="where to leave the pages (default: a temp folder)"
    )
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    a = ap.parse_args()
    out = a.out or Path(tempfile.mkdtemp(prefix="bench-render-"))
    out.mkdir(parents=True, exist_ok=True)
    build = synthetic_build(a.events, a.actors)
    started = time.perf_counter()
    timeline, network = timeline_figure(build), network_figure(build)
    figures_s = time.perf_counter() - started
    pages = {
        "report.html": page(build, [("timeline", timeline), ("network", network)], "Event timeline"),
        "timeline.html": page(build, [("timeline", timeline)], "Event timeline"),
        "network.html": page(build, [("network", network)], "Actor network"),
    }
    for name, text in pages.items():
        _write(out / name, text)
    write_s = time.perf_counter() - started
    figures = {
        "events": a.events,
        "actors": a.actors,
        "figures_s": round(figures_s, 2),
        "write_s (figures + 3 pages)": round(write_s, 2),
        **{f"{name} MB": round((out / name).stat().st_size / 1e6, 1) for name in pages},
    }
    binary = find_chromium()
    if binary and not a.no_browser:
        with Chromium(binary, timeout=120) as browser:
            opens = []
            for _ in range(3):
                started = time.perf_counter()
                browser.open((out / "report.html").as_uri(), ready=drawn("timeline", "network"))
                browser.evaluate(FRAMES)  # the frames after the last draw call: the picture is on screen
                opens.append(time.perf_counter() - started)
            figures["open_s (report.html, both plots drawn; median of 3)"] = round(
                statistics.median(opens), 2
            )
            figures["console errors"] = len(browser.errors)
    figures["load average (1 min) at the end"] = round(os.getloadavg()[0], 1)
    print(json.dumps(figures, indent=1))
    print(f"pages in {out}")


FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"

if __name__ == "__main__":
    main()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
