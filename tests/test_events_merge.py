"""Across articles: one event told by several articles, time order, and one actor's timeline."""

from __future__ import annotations

import dataclasses
import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.cli import main
from timeline.events import actor_timeline, chronological, merge_reports
from timeline.events.query import date_key
from timeline.export import events_json
from timeline.records import SOURCE, TARGET, Actor, Build, Document, Event, EventTime, Participant, Trigger

EGYPT, ISRAEL = "a1", "a2"


def event(
    doc: str,
    start: int,
    kind: str,
    when: str | None,
    *actors: str,
    negated: bool = False,
    basis: str = "explicit",
) -> Event:
    roles = (SOURCE, TARGET)
    return Event(
        id=f"{doc}#{start}",
        doc=doc,
        sentence=0,
        sentence_text="Egypt rejected Israel's proposal.",
        trigger=Trigger("rejected", start, start + 8, "reject"),
        participants=tuple(Participant(a, roles[i % 2], 0, 5, "Egypt") for i, a in enumerate(actors)),
        time=EventTime(when, "day" if when and len(when) == 10 else "month", basis),
        type=kind,
        negated=negated,
    )


def test_the_same_rejection_in_two_articles_is_one_event_with_two_sources() -> None:
    # Two articles report Egypt rejecting Israel's proposal in March 2025, one to the day.
    a = event("ahram", 6, "REJECT", "2025-03-04", EGYPT, ISRAEL)
    b = event("reuters", 40, "REJECT", "2025-03", EGYPT, ISRAEL)
    other = event("reuters", 90, "REJECT", "2025-05-01", EGYPT, ISRAEL)  # a later rejection
    merged = merge_reports([a, b, other])
    assert len(merged) == 3  # every report stays scoreable in its own article
    assert merged[0].sources == merged[1].sources
    assert [(s.doc, s.start) for s in merged[0].sources] == [("ahram", 6), ("reuters", 40)]
    assert merged[2].sources == ()


def test_untyped_negated_or_single_article_events_are_not_merged() -> None:
    said = [event("x", 1, "OTHER", None, EGYPT), event("y", 1, "OTHER", None, EGYPT)]
    assert all(e.sources == () for e in merge_reports(said))
    denied = [event("x", 1, "AGREE", None, EGYPT, negated=True), event("y", 1, "AGREE", None, EGYPT)]
    assert all(e.sources == () for e in merge_reports(denied))
    repeated = [event("x", 1, "REJECT", None, EGYPT), event("x", 50, "REJECT", None, EGYPT)]
    assert all(e.sources == () for e in merge_reports(repeated))


def test_publication_dates_agree_by_the_month_and_unknown_dates_never() -> None:
    # Two articles of the 4th and the 6th report the rejection without saying when it happened.
    a = event("ahram", 6, "REJECT", "2025-03-04", EGYPT, ISRAEL, basis="document")
    b = event("reuters", 40, "REJECT", "2025-03-06", EGYPT, ISRAEL, basis="document")
    assert merge_reports([a, b])[0].sources != ()
    # told on the 4th and the 6th, explicitly: two rejections
    a, b = (dataclasses.replace(e, time=dataclasses.replace(e.time, basis="explicit")) for e in (a, b))
    assert merge_reports([a, b])[0].sources == ()
    # undated: no telling whether it is the same rejection
    undated = [event("x", 1, "REJECT", None, EGYPT, ISRAEL), event("y", 1, "REJECT", None, EGYPT, ISRAEL)]
    assert all(e.sources == () for e in merge_reports(undated))


def test_a_report_dated_only_by_its_paper_takes_the_date_another_report_gives() -> None:
    # "Jobs has resigned", says a paper of 25 August; another says he resigned on 24 August.
    paper = event("p25", 6, "CONCEDE", "2011-08-25", EGYPT, basis="document")
    told = dataclasses.replace(
        event("p26", 30, "CONCEDE", "2011-08-24", EGYPT),
        time=EventTime("2011-08-24", "day", "explicit", "August 24"),
    )
    first, second = merge_reports([paper, told])
    assert first.time == EventTime("2011-08-24", "day", "inherited", "August 24")
    assert second.time == told.time
    # reports dated by nobody's words keep their own dates
    alone = event("p27", 3, "CONCEDE", "2011-08-27", EGYPT, basis="document")
    assert [e.time for e in merge_reports([paper, alone])] == [paper.time, alone.time]


def test_time_order_coarse_before_fine_undated_last_in_story_order() -> None:
    told = [
        event("d", 1, "OTHER", None),
        event("d", 2, "OTHER", "2008-03-06"),
        event("d", 3, "OTHER", "2008-03"),
        event("d", 4, "OTHER", None),
        event("d", 5, "OTHER", "2007"),
        event("d", 6, "OTHER", "2008-03-06"),
    ]
    assert [e.trigger.start for e in chronological(told)] == [5, 3, 2, 6, 1, 4]
    assert date_key("2008-W10") == (2008, 3, 3)
    assert date_key("199") == (1990, 0, 0)
    assert date_key("PAST_REF") is None


@given(st.lists(st.sampled_from([None, "2008", "2008-03", "2008-03-06", "2008-W10", "PAST_REF", "2007-SU"])))
def test_time_order_is_by_date_key_then_story_order(dates: list[str | None]) -> None:
    told = [event("d", n, "OTHER", when) for n, when in enumerate(dates)]
    keyed = sorted((k, n) for n, e in enumerate(told) if (k := date_key(e.time.value)) is not None)
    undated = [e for e in told if date_key(e.time.value) is None]
    assert chronological(told) == tuple([told[n] for _, n in keyed] + undated)


def build_of(events: list[Event]) -> Build:
    actors = (
        Actor(EGYPT, "Egypt", "GPE", (), aliases=("Arab Republic of Egypt",)),
        Actor(ISRAEL, "Israel", "GPE", ()),
    )
    docs = tuple(Document(d, "") for d in sorted({e.doc for e in events}))
    return Build(documents=docs, actors=actors, timexes=(), events=tuple(events))


def test_an_actors_timeline_by_alias_each_event_once_in_time_order() -> None:
    events = merge_reports(
        [
            event("ahram", 6, "REJECT", "2025-03-04", EGYPT, ISRAEL),
            event("reuters", 40, "REJECT", "2025-03", EGYPT, ISRAEL),
            event("reuters", 90, "ACCUSE", "2025-01-02", ISRAEL),
        ]
    )
    result = build_of(list(events))
    by_alias = actor_timeline(result, "arab republic of EGYPT")
    assert [(e.doc, e.trigger.start) for e in by_alias] == [("ahram", 6)]
    assert len(by_alias[0].sources) == 2
    assert [e.type for e in actor_timeline(result, "Israel")] == ["ACCUSE", "REJECT"]
    assert actor_timeline(result, "Israel", roles=(SOURCE,))[0].type == "ACCUSE"
    assert actor_timeline(result, "Atlantis") == ()


def test_cli_prints_an_actors_timeline(tmp_path: Path) -> None:
    events = merge_reports(
        [
            event("ahram", 6, "REJECT", "2025-03-04", EGYPT, ISRAEL),
            event("reuters", 40, "REJECT", "2025-03", EGYPT, ISRAEL),
        ]
    )
    path = tmp_path / "events.json"
    path.write_text(events_json.to_json(build_of(list(events))), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["actor", "Egypt", "--from", str(path)]) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("2025-03-04\tREJECT\trejected\tahram:0\t")
    assert lines[0].endswith("(2 reports)")
    assert main(["actor", "Atlantis", "--from", str(path)]) == 1
    assert main(["actor", "Egypt", "--from", str(tmp_path / "missing.json")]) == 1


def test_actor_command_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["actor", "--help"])
    assert "examples:" in capsys.readouterr().out
