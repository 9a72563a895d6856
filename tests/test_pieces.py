"""Pieces: a rebuild copies each unchanged event's row, node and hover text from the last build, and
writes the very bytes a build from nothing writes."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import io
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from plotly.io.json import to_json_plotly
from spacy.language import Language

import timeline
import timeline.export.events_json as events_json
import timeline.export.graphml as graphml
import timeline.export.tables as tables
import timeline.export.timelinejs as timelinejs
import timeline.render.timeline_view as timeline_view
from timeline import files, piece_keys, pieces
from timeline.export import OUTPUTS
from timeline.piece_keys import event_keys
from timeline.pieces import folder_for
from timeline.records import Event, Source
from timeline.render import plot_html

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
        self.counts = {"hover": 0, "row": 0, "node": 0, "edge": 0, "record": 0, "slide": 0}
        element = graphml._element

        def counting(kind: str, made: Any) -> Any:
            def counted(*args: Any) -> Any:
                self.counts[kind] += 1
                return made(*args)

            return counted

        def counted_element(tag: str, opening: str, *args: Any) -> Any:
            self.counts["node"] += tag == "node" and opening.startswith('id="e')
            self.counts["edge"] += tag == "edge" and 'target="e' in opening
            return element(tag, opening, *args)

        monkeypatch.setattr(timeline_view, "event_hover", counting("hover", timeline_view.event_hover))
        monkeypatch.setattr(tables, "_event_cells", counting("row", tables._event_cells))
        monkeypatch.setattr(graphml, "_element", counted_element)
        monkeypatch.setattr(events_json, "_event", counting("record", events_json._event))
        monkeypatch.setattr(timelinejs, "_slide", counting("slide", timelinejs._slide))

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
    dated = sum(timelinejs._dates(e.time.value) is not None for e in first.events)
    assert made.take() == {
        **dict.fromkeys(["hover", "row", "node", "record"], len(first.events)),
        "edge": sum(len(e.participants) for e in first.events),
        "slide": dated,
    }
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
    edges = counts.pop("edge")  # one per participant
    assert all(count <= len(second.events) - unchanged for count in counts.values()), counts
    participants = [len(e.participants) for e in first.events if e.doc in {"a", "e"}]
    assert sum(participants) > 0
    assert edges <= sum(len(e.participants) for e in second.events) - sum(participants)
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


def _pieces_end(path: Path) -> int:
    """Where a pieces file's pieces end (its trailer says where its index starts)."""
    return int.from_bytes(path.read_bytes()[-16:-8], "little")


def test_a_rebuild_keeps_the_pieces_it_takes_where_they_lie_until_most_are_unused(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    kept = folder_for(cache) / "events.csv"
    write_articles(news, ["a.txt", "b.txt", "c.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    first = kept.read_bytes()[: _pieces_end(kept)]
    # one article more: the last build's pieces stay at the start of the file, the new ones follow
    write_articles(news, ["a.txt", "b.txt", "c.txt", "d.txt"])
    made = Made(monkeypatch)
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert 0 < made.take()["row"] < _pieces_end(kept)
    assert kept.read_bytes()[: len(first)] == first and _pieces_end(kept) > len(first)
    # one short article left: the others' pieces stay in the file until they are over half of it
    write_articles(news, ["c.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert kept.read_bytes()[: len(first)] == first
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    compact = _pieces_end(kept)
    assert compact < len(first) and made.take()["row"] == 0
    # written anew with only the pieces taken, all of which the next build takes again
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert made.take()["row"] == 0 and _pieces_end(kept) == compact
    cold = timeline.build([news], out=tmp_path / "cold", nlp=nlp, date="2024-04-05")
    assert outputs(out) == outputs(tmp_path / "cold") and cold.events


def _built(tmp_path: Path, nlp: Language) -> tuple[Path, Path, Path, Path]:
    """Articles a and b built with a cache: their folder, the output folder, the cache, and the file
    of the pieces of ``events.csv``."""
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    return news, out, cache, folder_for(cache) / "events.csv"


def _pieces(path: Path) -> bytes:
    """A pieces file's pieces: what comes before its index."""
    return path.read_bytes()[: _pieces_end(path)]


def test_a_rebuild_writes_its_pieces_into_the_last_file_unless_another_build_holds_it(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache, kept = _built(tmp_path, nlp)
    first, inode = _pieces(kept), kept.stat().st_ino
    # the same file: its pieces where they were, the new ones written over its index
    write_articles(news, ["a.txt", "b.txt", "c.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert kept.stat().st_ino == inode
    assert _pieces(kept)[: len(first)] == first
    second = _pieces(kept)
    # held by another build: written anew (the pieces taken copied to its start), the same bytes
    write_articles(news, ["a.txt", "b.txt", "c.txt", "d.txt"])
    with kept.open("rb") as other:
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)
        timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert kept.stat().st_ino != inode
    assert _pieces(kept)[: len(second)] == second
    made = Made(monkeypatch)
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert made.take()["row"] == 0
    cold = timeline.build([news], out=tmp_path / "cold", nlp=nlp, date="2024-04-05")
    assert cold.events and outputs(out) == outputs(tmp_path / "cold")


def test_a_build_that_fails_leaves_the_last_pieces_as_they_were(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache, kept = _built(tmp_path, nlp)
    before = kept.read_bytes()
    write_articles(news, ["a.txt", "b.txt", "c.txt"])
    rows = tables._event_cells

    def failing(*args: Any) -> Any:
        row = rows(*args)
        if len(pending) > 1:  # after some rows were written over the last build's index
            raise OSError(28, "No space left on device")
        pending.append(row)
        return row

    pending: list[Any] = []
    monkeypatch.setattr(tables, "_event_cells", failing)
    monkeypatch.setattr(pieces, "_BATCH", 1)  # each piece written as it comes
    with pytest.raises(OSError):
        timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert pending and kept.read_bytes() == before
    monkeypatch.setattr(tables, "_event_cells", rows)
    made = Made(monkeypatch)
    again = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert 0 < made.take()["row"] < len(again.events)  # the first two articles' rows taken


def test_the_last_pieces_are_copied_the_long_way_where_the_system_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    source.write_bytes(bytes(range(256)) * 9000)  # more than one chunk of a MB
    target.write_bytes(b"\0" * 100 + b"after")

    def cannot(*_: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    for copy in (None, cannot):
        if copy is not None:
            monkeypatch.setattr(os, "copy_file_range", copy)
        target.write_bytes(b"\0" * 2_000_000 + b"after")
        with source.open("rb") as src, target.open("r+b") as dst:
            files.copy_range(src, dst, 2_000_000)
        assert target.read_bytes() == source.read_bytes()[:2_000_000] + b"after"


def test_ranges_copied_aside_give_the_file_written_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.write_bytes(bytes(range(256)) * 9000)
    copy = files._copy
    threads: dict[int, str] = {}  # the thread that copied each range, by its length

    def noted(*args: Any) -> None:
        threads[args[2]] = threading.current_thread().name
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.005)  # slow, so that the file is read back before they are all made
        copy(*args)

    monkeypatch.setattr(files, "_copy", noted)

    def write(target: Path, aside: bool) -> bytes:
        within = tmp_path / f"{target.name}.within"
        with (
            source.open("rb") as src,
            target.open("w+b") as out,
            within.open("wb") as copied,
            files.copies_aside(out) if aside else contextlib.nullcontext(),
        ):
            for n in range(40):  # ranges between bytes written here, as the writers put them
                out.write(b"<%d>" % n)
                files.append_range(src, n * 997, 50_000 + n, out)
            out.write(b"end")
            # read back while the copies may be under way: they are made first
            files.append_range(out, 0, 300_000, copied)
            files.settle(out)
            out.flush()
            with target.open("rb") as again:
                head = again.read(200_000)
            files.append_range(src, 5, 7, out)
        assert head == target.read_bytes()[:200_000]
        assert within.read_bytes() == target.read_bytes()[:300_000]
        return target.read_bytes()

    here = threading.current_thread().name
    in_order = write(tmp_path / "in_order", aside=False)
    assert set(threads.values()) == {here}
    threads.clear()
    assert write(tmp_path / "aside", aside=True) == in_order
    # the copies into the file were made by another thread; the one out of it (300,000 bytes) here
    assert threads.pop(300_000) == here
    assert len(threads) == 41 and here not in threads.values()


def test_an_error_in_a_copy_made_aside_is_raised_when_they_end(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.write_bytes(b"short")
    with source.open("rb") as src, (tmp_path / "target").open("wb") as out:
        with pytest.raises(OSError, match="are missing"), files.copies_aside(out):
            files.append_range(src, 0, 1000, out)  # more than the source holds
        # and outside, the copies are the caller's own again
        files.append_range(src, 0, 5, out)
    assert (tmp_path / "target").read_bytes().endswith(b"short")


def test_keys_that_make_one_number_are_never_given_each_others_piece() -> None:
    # the index is sorted and searched by a number made of each key (pieces._order); keys that make
    # the same one are told apart by the whole key
    first = bytes(range(16))
    other = bytes(b ^ 0x5A for b in first)  # both halves changed alike: their exclusive or is the same
    keys = np.array([first, other], dtype=piece_keys.KEY)
    assert pieces._order(keys)[0] == pieces._order(keys)[1]
    index = np.zeros(2, dtype=pieces._INDEX)
    index["key"], index["start"], index["length"] = keys, [0, 5], [5, 5]
    data = b"firstother" + bytes(pieces._TRAILER.size + index.nbytes)
    wanted = np.array([other, first, b"x" * 16], dtype=piece_keys.KEY)
    found = pieces._Found(io.BytesIO(), data, index, wanted)  # type: ignore[arg-type]
    assert found.get(1) == b"first" and found.get(2) is None
    assert found.get(0) != b"first"  # found, or made again: never the other key's piece


def test_pieces_kept_by_other_code_are_not_taken(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    monkeypatch.setattr("timeline.pieces.code_version", lambda: b"another version!")
    made = Made(monkeypatch)
    again = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    dated = sum(timelinejs._dates(e.time.value) is not None for e in again.events)
    assert made.take() == {
        **dict.fromkeys(["hover", "row", "node", "record"], len(again.events)),
        "edge": sum(len(e.participants) for e in again.events),
        "slide": dated,
    }


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


def test_events_read_back_from_the_store_are_keyed_by_its_bytes_their_place_and_their_actors(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = tmp_path / "news"
    write_articles(news, ["a.txt", "b.txt", "d.txt"])
    build = timeline.build([news], nlp=nlp, date="2024-04-05")
    digests = {d.id: bytes([n]) * 16 for n, d in enumerate(build.documents)}
    key = piece_keys._key
    calls: list[Event] = []

    def counted(encode: Any, event: Event, parts: Any) -> bytes:
        calls.append(event)
        return key(encode, event, parts)

    monkeypatch.setattr(piece_keys, "_key", counted)
    made = event_keys(build, digests)
    assert calls == [] and len(set(made.tolist())) == len(made)
    assert (event_keys(build) != made).all() and len(calls) == len(build.events)  # without digests: read
    # the reports of one event merged across articles: their records read
    calls.clear()
    report = Source(doc="a", sentence=0, start=0, end=7, text="accused")
    merged = dataclasses.replace(build.events[1], sources=(report,))
    event_keys(dataclasses.replace(build, events=(build.events[0], merged, *build.events[2:])), digests)
    assert calls == [merged]
    calls.clear()
    # another actor's name, another article's bytes, an article read from another place: the keys of
    # the events they are in change
    kell = next(a.id for a in build.actors if a.name == "Ostra Kell")
    actors = tuple(dataclasses.replace(a, name="Kell") if a.id == kell else a for a in build.actors)
    moved = tuple(dataclasses.replace(d, source="elsewhere") if d.id == "d" else d for d in build.documents)
    for changed, other, digested in (
        (
            {e.id for e in build.events if kell in {p.actor for p in e.participants}},
            dataclasses.replace(build, actors=actors),
            digests,
        ),
        ({e.id for e in build.events if e.doc == "b"}, build, {**digests, "b": b"x" * 16}),
        ({e.id for e in build.events if e.doc == "d"}, dataclasses.replace(build, documents=moved), digests),
    ):
        keys = event_keys(other, digested)
        for event, before, now in zip(build.events, made.tolist(), keys.tolist(), strict=True):
            assert (before != now) == (event.id in changed and not event.sources) or event.sources, event.id
        assert changed
    # the same events numbered after those of an article before them: the same keys
    first = dataclasses.replace(build.documents[0], id="first")
    earlier = dataclasses.replace(build.events[0], id="e1", doc="first", sources=(), participants=())
    shifted = dataclasses.replace(
        build,
        documents=(first, *build.documents),
        events=(earlier, *(dataclasses.replace(e, id=f"e{int(e.id[1:]) + 1}") for e in build.events)),
    )
    keys = event_keys(shifted, {**digests, "first": b"f" * 16})[1:]
    unmerged = [not e.sources for e in build.events]
    assert (keys[unmerged] == made[unmerged]).all()
    # ids the build does not give: each record read
    calls.clear()
    renamed = dataclasses.replace(
        build, events=tuple(dataclasses.replace(e, id=f"x{e.id}") for e in build.events)
    )
    event_keys(renamed, digests)
    assert len(calls) == len(build.events)


def test_each_participant_has_its_own_key_made_from_its_events(tmp_path: Path, nlp: Language) -> None:
    news = tmp_path / "news"
    write_articles(news, ["a.txt", "b.txt", "d.txt"])
    build = timeline.build([news], nlp=nlp, date="2024-04-05")
    keys = event_keys(build)
    made = piece_keys.participant_keys(keys, build)
    counts = [len(e.participants) for e in build.events]
    assert len(made) == sum(counts) and max(counts) > 1
    assert len(set(made.tolist())) == len(made)  # one key per participant
    # the first participant's key is its event's, the others differ from it in the last four bytes only
    start = 0
    for key, count in zip(keys.tolist(), counts, strict=True):
        own = made[start : start + count].tolist()
        assert all(k[:12] == key[:12] for k in own)
        assert not own or own[0] == key
        start += count


def test_pieces_read_after_their_pages_are_let_go_are_the_same(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, cache = tmp_path / "news", tmp_path / "out", tmp_path / "cache.sqlite"
    write_articles(news, ["a.txt", "b.txt", "c.txt"])
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    expected = outputs(out)
    monkeypatch.setattr(pieces, "_MAPPED", 0)  # every piece read lets the pages go
    made = Made(monkeypatch)
    timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    assert outputs(out) == expected
    assert made.take()["row"] == 0  # every row was taken


def test_pieces_taken_into_text_held_in_memory_are_the_same_text(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a writer given something other than a file copies no stretch: it reads the bytes and decodes them
    news, out, cache, _ = _built(tmp_path, nlp)
    made: list[pieces.Reuse] = []  # the build's own, with the digests of the articles it read back
    reuse_of = pieces.Reuse.of
    monkeypatch.setattr(pieces.Reuse, "of", lambda *args: made.append(reuse_of(*args)) or made[-1])
    build = timeline.build([news], out=out, cache=cache, nlp=nlp, date="2024-04-05")
    reuse = made[0]
    stretches: list[pieces.Stretch] = []
    taken = pieces.Pieces.taken

    def counted(self: pieces.Pieces, *args: Any) -> Any:
        for part in taken(self, *args):
            if isinstance(part, pieces.Stretch):
                stretches.append(part)
            yield part

    monkeypatch.setattr(pieces.Pieces, "taken", counted)
    for name, write in (("events.json", events_json.write_json), ("events.csv", tables.write_events_csv)):
        text = io.StringIO()
        with reuse.pieces(name) as kept:
            write(build, text, kept)
        assert text.getvalue() == (out / name).read_bytes().decode("utf-8")
    assert stretches
    stretches.clear()
    with reuse.pieces("timeline.hover") as kept:  # the timeline's hover texts: the figure of texts made
        assert div(timeline_view.timeline_spec(build, pieces=kept)) == div(timeline_view.timeline_spec(build))
    assert stretches


def div(spec: Any) -> str:
    out = io.StringIO()
    plot_html.write_plot(out, spec, div_id="timeline", include_plotlyjs=False, config={})
    return out.getvalue()


def test_texts_taken_first_or_after_others_in_a_list_are_the_list_of_texts(tmp_path: Path) -> None:
    # A list's first item has no comma before it: a text kept first in its list and taken after
    # another (and the other way round) still gives the JSON of the list of texts.
    keys = np.array(
        [hashlib.blake2b(bytes([n]), digest_size=16).digest() for n in range(4)], dtype=piece_keys.KEY
    )
    reuse = pieces.Reuse(tmp_path, keys)
    texts = ['<b>Veloria</b> "accused" Marden', "Marden denied it", "a/b \\ é", "Kell → Quell"]
    made: list[int] = []

    def text(event: int) -> str:
        made.append(event)
        return texts[event]

    for order in ([0, 1, 2], [1, 0, 2, 3], [3, 1, 0, 2]):
        with reuse.pieces("hovers") as kept, (tmp_path / "page.html").open("w", encoding="utf-8") as out:
            plot_html.write_json({"hovertext": plot_html.PiecedTexts(order, text, kept)}, out)
        expected = to_json_plotly({"hovertext": [texts[n] for n in order]})
        assert (tmp_path / "page.html").read_text(encoding="utf-8") == expected
    assert made == [0, 1, 2, 3]  # each made once: a text taken with another head comes with its own
