"""events.csv and actors.csv: RFC 4180, UTF-8, read back by the csv module, formulas never run."""

from __future__ import annotations

import csv
import dataclasses
import io

from hypothesis import given, settings

from timeline.export.tables import ACTOR_COLUMNS, EVENT_COLUMNS, actors_csv, events_csv
from timeline.records import Build
from timeline.text import clean_text, spreadsheet_text

from .exports_data import SECOND, builds, story


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_event_with_its_coding_and_provenance() -> None:
    table = rows(events_csv(story()))
    assert [r["id"] for r in table] == ["e1", "e2", "e3"]
    sued = table[0]
    assert (sued["date"], sued["type"], sued["cameo"], sued["quad_class"], sued["goldstein"]) == (
        "2011-04-18",
        "COERCE",
        "1711",
        "4",
        "-7.0",  # a negative number stays a number: only text cells are guarded
    )
    assert (sued["source"], sued["target"], sued["sources"], sued["published"], sued["article_source"]) == (
        "Apple",
        "Samsung",
        "2",
        "2011-04-20",
        "news.jsonl:1",
    )
    assert table[1]["sentence_text"] == SECOND, "quotes, <b> and & come back as written"
    assert (table[1]["negated"], table[2]["date"]) == ("true", "")


def test_rows_end_in_crlf_and_the_header_names_every_column() -> None:
    text = events_csv(story())
    assert text.startswith(",".join(EVENT_COLUMNS) + "\r\n")
    assert text.endswith("\r\n")
    assert actors_csv(story()).startswith(",".join(ACTOR_COLUMNS) + "\r\n")


def test_a_cell_that_starts_like_a_formula_is_shown_as_text() -> None:
    # An actor named =HYPERLINK("http://x") with aliases "@evil" and "-2+3" must not run in Excel.
    actors = {r["id"]: r for r in rows(actors_csv(story()))}
    assert actors["a3"]["name"] == '\'=HYPERLINK("http://x")'
    assert actors["a3"]["aliases"] == "'@evil; -2+3"
    assert actors["a1"]["name"] == "Apple"
    events = {r["id"]: r for r in rows(events_csv(story()))}
    assert events["e3"]["source"] == '\'=HYPERLINK("http://x")'
    assert events["e2"]["goldstein"] == "-2"


def test_spreadsheet_text_guards_each_formula_start() -> None:
    for text in ("=1+2", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_text(text) == "'" + clean_text(text)
    assert spreadsheet_text("Apple") == "Apple"
    assert spreadsheet_text("a=b") == "a=b"


def test_actor_rows_count_mentions_and_events() -> None:
    apple = rows(actors_csv(story()))[0]
    assert (apple["name"], apple["aliases"], apple["country"], apple["mentions"], apple["events"]) == (
        "Apple",
        "Apple Inc.",
        "USA",
        "2",
        "2",
    )


@settings(max_examples=80, deadline=None)
@given(builds())
def test_any_text_reads_back_row_for_row(build: Build) -> None:
    events = rows(events_csv(build).encode("utf-8").decode("utf-8"))
    assert [r["id"] for r in events] == [e.id for e in build.events]
    for row, event in zip(events, build.events, strict=True):
        assert row["sentence_text"] == spreadsheet_text(event.sentence_text)
        assert len(row) == len(EVENT_COLUMNS)
    actors = rows(actors_csv(build))
    assert [r["name"] for r in actors] == [spreadsheet_text(a.name) for a in build.actors]


def test_an_event_id_not_made_by_the_build_is_guarded_and_quoted_like_any_cell() -> None:
    build = story()
    ids = ["=1+2", "a,b", 'say "x"', "e7"]
    events = tuple(dataclasses.replace(e, id=ids[n % len(ids)]) for n, e in enumerate(build.events))
    found = rows(events_csv(dataclasses.replace(build, events=events)))
    assert [r["id"] for r in found] == [spreadsheet_text(e.id) for e in events]
    assert found[0]["id"] == "'=1+2"
