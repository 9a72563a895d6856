"""Pieces: a rebuild copies each unchanged event's row, node and hover text from the last build, and
writes the very bytes a build from nothing writes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import timeline
import timeline.export.graphml as graphml
import timeline.export.tables as tables
import timeline.render.timeline_view as timeline_view
from timeline.export import OUTPUTS
from timeline.pieces import folder_for

ARTICLES = {
    "a.txt": "Veloria accused Marden of shelling the border town on Monday. Marden denied the charge.",
    "b.txt": "Premier Ostra Kell met envoys from Veloria in March 2024. Kell promised aid to the refugees.",
    "c.txt": "The Harrow Union signed a trade pact with Marden on 3 April 2024.",
    "d.txt": "Veloria and Marden agreed to talks. Ostra Kell praised the agreement on Friday.",
    "e.txt": "Protesters in Quell City demanded that Premier Ostra Kell resign.",
}


def write_articles(folder: Path, names: list[str], edits: dict[str, str] | None = None) -> None:
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name in names:
        (folder / name).write_text((edits or {}).get(name, ARTICLES[name]))


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS if name != "run.json"}


class Made:
    """How many event pieces the writers made (rather than took from the last build)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts = {"hover": 0, "row": 0, "node": 0}
        hover, cells, element = timeline_view.event_hover, tables._event_cells, graphml._element

        def counted_hover(*args: Any) -> Any:
            self.counts["hover"] += 1
            return hover(*args)

        def counted_cells(*args: Any) -> Any:
            self.counts["row"] += 1
            return cells(*args)

        def counted_element(tag: str, opening: str, *args: Any) -> Any:
            self.counts["node"] += tag == "node" and opening.startswith('id="e')
            return element(tag, opening, *args)

        monkeypatch.setattr(timeline_view, "event_hover", counted_hover)
        monkeypatch.setattr(tables, "_event_cells", counted_cells)
        monkeypatch.setattr(graphml, "_element", counted_element)

    def take(self) -> dict[str, int]:
        counts = dict(self.counts)
        self.counts = dict.fromkeys(counts, 0)
        return counts


def test_a_rebuild_takes_unchanged_pieces_and_writes_what_a_build_from_nothing_writes(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    made = Made(monkeypatch)
    write_articles(news, ["a.txt", "c.txt", "e.txt"])
    first = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert made.take() == {"hover": len(first.events), "row": len(first.events), "node": len(first.events)}
    # an article added before the others (every event id after it moves on), one edited, one added at
    # the end: the outputs are those of a build with no cache and no pieces
    write_articles(
        news, ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], {"c.txt": ARTICLES["c.txt"] + " Kell left."}
    )
    second = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    counts = made.take()
    cold = timeline.build([news], out=tmp_path / "cold", nlp=nlp, date="2024-04-05")
    assert outputs(out) == outputs(tmp_path / "cold")
    # the events of a.txt and e.txt, whose records, articles and actors are unchanged, were taken
    unchanged = sum(e.doc in {"a", "e"} for e in first.events)
    assert unchanged > 0
    assert all(count <= len(second.events) - unchanged for count in counts.values()), counts
    assert len(cold.events) == len(second.events)


def test_a_damaged_pieces_file_is_reported_and_made_again(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    expected = outputs(out)
    kept = folder_for(cache) / "events.csv"
    kept.write_bytes(kept.read_bytes()[:-7])  # cut short: its index no longer fits
    made = Made(monkeypatch)
    with caplog.at_level(logging.WARNING):
        again = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert any("events.csv" in r.getMessage() and "made again" in r.getMessage() for r in caplog.records)
    assert outputs(out) == expected
    assert made.take()["row"] == len(again.events)
    # and written anew: the next build takes every row
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert made.take()["row"] == 0


def test_pieces_kept_by_other_code_are_not_taken(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    monkeypatch.setattr("timeline.pieces.code_version", lambda: b"another version!")
    made = Made(monkeypatch)
    again = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert made.take() == {"hover": len(again.events), "row": len(again.events), "node": len(again.events)}


def test_without_a_cache_no_pieces_are_kept(tmp_path: Path, nlp: Language) -> None:
    news = tmp_path / "news"
    write_articles(news, ["a.txt"])
    timeline.build([news], out=tmp_path / "out", nlp=nlp, date="2024-04-05")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "out"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".pieces")]


def test_pieces_that_cannot_be_kept_or_read_are_reported_and_the_build_goes_on(
    tmp_path: Path, nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt"])
    folder_for(cache).write_text("a file where the pieces' folder goes")
    with caplog.at_level(logging.WARNING):
        timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert any("cannot keep the pieces" in r.getMessage() for r in caplog.records)
    cold = timeline.build([news], out=tmp_path / "cold", nlp=nlp, date="2024-04-05")
    assert cold.events and outputs(out) == outputs(tmp_path / "cold")
    # a folder where one output's pieces go: read as none, reported
    folder_for(cache).unlink()
    (folder_for(cache) / "events.csv").mkdir(parents=True)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert any("events.csv" in r.getMessage() and "made again" in r.getMessage() for r in caplog.records)
    assert outputs(out) == outputs(tmp_path / "cold")
