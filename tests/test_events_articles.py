"""Events in real parses (the session model): the seed article, and input that must not break them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from timeline.actors.find import find_entities
from timeline.events.find import find_events
from timeline.records import SOURCE, TARGET, Event

SEED = Path(__file__).resolve().parent.parent / "seeds"


def events_of(nlp: Language, text: str, doc_id: str = "t") -> tuple[Event, ...]:
    doc = nlp(text)
    entities = find_entities(doc, doc_id=doc_id)
    events = find_events(doc, doc_id=doc_id, entities=entities)
    # participants are always actor mentions found by the actors stage, never invented
    spans = {(m.start, m.end, e.key) for e in entities for m in e.mentions}
    for event in events:
        for p in event.participants:
            assert (p.start, p.end, p.actor) in spans
            assert text[p.start : p.end] == p.text
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    return events


def find(events: tuple[Event, ...], trigger: str) -> Event:
    return next(e for e in events if e.trigger.text == trigger)


def who(event: Event, role: str) -> set[str]:
    return {p.text for p in event.participants if p.role == role}


@pytest.fixture(scope="module")
def seed_events(nlp: Language) -> tuple[Event, ...]:
    (path,) = sorted(SEED.glob("*.txt"))
    return events_of(nlp, path.read_text(encoding="utf-8"), "seed")


def test_palestinian_leaders_reject_israeli_pressure(seed_events: tuple[Event, ...]) -> None:
    event = next(
        e for e in seed_events if e.trigger.text == "rejected" and "Palestinian leaders" in who(e, SOURCE)
    )
    assert event.type == "REJECT" and event.cameo is not None and event.cameo.startswith("12")
    assert "Israeli" in who(event, TARGET)
    assert event.modality == "asserted"


def test_hamas_accuses_netanyahus_government(seed_events: tuple[Event, ...]) -> None:
    event = find(seed_events, "accused")
    assert event.type == "ACCUSE" and event.quad_class == 3
    assert who(event, SOURCE) == {"Hamas"}
    assert "Benjamin Netanyahu" in who(event, TARGET)


def test_egypt_rejects_israels_proposal_to_rule_gaza(seed_events: tuple[Event, ...]) -> None:
    event = next(e for e in seed_events if e.trigger.text == "rejected" and "Egypt" in who(e, SOURCE))
    assert event.type == "REJECT"
    assert "Israel" in who(event, TARGET)
    proposal = find(seed_events, "proposal")
    assert who(proposal, SOURCE) == {"Israel"}


def test_lapid_proposes_egyptian_control_of_gaza_to_the_us(seed_events: tuple[Event, ...]) -> None:
    # the mention is written with its title: "Israeli opposition leader Yair Lapid"
    by_lapid = next(
        e
        for e in seed_events
        if e.trigger.text == "proposed" and any(t.endswith("Yair Lapid") for t in who(e, SOURCE))
    )
    assert by_lapid.type == "AGREE"  # CAMEO 03: an offer, an intent to cooperate
    to_us = [e for e in seed_events if e.trigger.text == "proposed" and "the US" in who(e, TARGET)]
    assert to_us and to_us[0].cameo is not None and to_us[0].cameo.startswith("03")
    control = find(seed_events, "control")
    assert who(control, SOURCE) == {"Egypt"} and who(control, TARGET) == {"Gaza"}


def test_the_mediator_did_not_persuade_the_israeli_delegation(seed_events: tuple[Event, ...]) -> None:
    event = find(seed_events, "persuade")
    assert event.negated and event.modality == "negated"
    assert event.cameo is None


def test_nominal_triggers_are_events(seed_events: tuple[Event, ...]) -> None:
    triggers = {e.trigger.text for e in seed_events}
    assert {"negotiations", "meeting", "agreement", "proposal"} <= triggers


def test_headline_without_a_verb(nlp: Language) -> None:
    events = events_of(nlp, "Apple iPhone 4 launch: record pre-orders")
    assert {e.trigger.text for e in events} <= {"launch", "pre-orders", "orders", "record"}


def test_no_text_and_no_verb_give_no_event(nlp: Language) -> None:
    assert events_of(nlp, "") == ()
    assert events_of(nlp, "Gaza. Cairo. 12 March.") == ()


def test_a_list_of_names_invents_no_participant(nlp: Language) -> None:
    text = "Participants:\n- Egypt\n- Qatar\n- Israel\n- the United States\n"
    for event in events_of(nlp, text):
        assert not event.participants or event.trigger.text not in {"Egypt", "Qatar", "Israel"}


def test_a_two_thousand_word_sentence(nlp: Language) -> None:
    clause = "Egypt rejected the proposal and Israel accused Hamas of delaying the talks"
    text = ", ".join([clause] * 170) + "."
    assert len(text.split()) > 1900
    events = events_of(nlp, text)
    assert any(e.type == "REJECT" for e in events)


def test_quotes_inside_quotes(nlp: Language) -> None:
    text = "Hamas said: \"Egypt told us 'Israel will not withdraw', and we rejected that.\""
    events = events_of(nlp, text)
    withdraw = find(events, "withdraw")
    assert withdraw.negated
    assert find(events, "said").modality == "asserted"


PIECES = [
    "Egypt", "rejected", "Israel's", "proposal", "Hamas", "said", "he", "will", "not", "talks",
    "the", "merger", "in", "Cairo", "on", "Monday", ",", ".", "\"", "'", "\n", "-", "and", "(", ")",
    "1,000", "accused", "by", "was", "if", "?", ":", "—", "“", "”",
]  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_any_jumble_of_words_and_punctuation_gives_sound_events(nlp: Language, pieces: list[str]) -> None:
    events_of(nlp, " ".join(pieces))  # the checks are in events_of: offsets and actors hold
