"""Actors: mentions as written. A name is written with its whole noun phrase, and a noun phrase that
owns another ("the device's antenna") holds a mention of its owner."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from timeline.actors.find import find_entities
from timeline.actors.mentions import _relative_head
from timeline.events.find import find_events
from timeline.records import GROUP, THING, Entity


def named(found: tuple[Entity, ...], name: str) -> Entity:
    return next(e for e in found if e.name == name)


def test_a_name_with_its_possessor_is_one_mention_of_the_possessed(nlp: Language) -> None:
    text = "Apple Computer's iTunes Music Store sold a billion songs."
    found = find_entities(nlp(text), doc_id="d")
    store = named(found, "iTunes Music Store")
    assert [m.text for m in store.mentions] == ["Apple Computer's iTunes Music Store"]
    # the possessor stays a mention of its own actor, inside the store's
    assert [m.text for m in named(found, "Apple Computer").mentions] == ["Apple Computer"]


def test_a_possessor_description_refers_back(nlp: Language) -> None:
    text = "Apple released the iPhone on Friday. The device's antenna drops calls."
    found = find_entities(nlp(text), doc_id="d")
    phone = named(found, "iPhone")
    assert {"the iPhone", "The device"} <= {m.text for m in phone.mentions}
    for e in found:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_a_word_spelt_like_a_brand_is_a_name_with_its_version(nlp: Language) -> None:
    # the small model tags "iOS" as a preposition and "4.2" as a number
    text = "Apple released iOS 4.2 on Monday and announced a new iCloud service."
    found = find_entities(nlp(text), doc_id="d")
    assert "iOS 4.2" in {e.name for e in found}
    assert "iCloud" in {e.name for e in found}


def test_a_model_number_ending_in_s_is_no_plural(nlp: Language) -> None:
    text = (
        "Apple sold the iPhone 3G last year. This year it sells the iPhone 3GS, and the iPhone 3G costs less."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert {"iPhone 3G", "iPhone 3GS"} <= {e.name for e in found}


def test_two_names_the_model_took_for_one_are_split_at_and(nlp: Language) -> None:
    text = "Apple introduced the new MacBook line, which includes the Macbook and Macbook Pro."
    found = find_entities(nlp(text), doc_id="d")
    assert "Macbook Pro" in {e.name for e in found}
    assert not any("and" in e.name.split() for e in found if e.kind != GROUP)  # a group is named so


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Procter and Gamble reported higher profits on Tuesday.", "Procter and Gamble"),
        (
            "Airbus belongs to the European Aeronautic Defence and Space Company (EADS).",
            "European Aeronautic Defence and Space Company",
        ),
    ],
)
def test_a_company_named_with_and_stays_one_name(nlp: Language, text: str, name: str) -> None:
    assert name in {e.name for e in find_entities(nlp(text), doc_id="d")}


def test_a_model_number_beside_its_name_is_part_of_it_when_both_modify_a_noun(nlp: Language) -> None:
    text = "Apple will give a free case to owners of its new iPhone 4. The iPhone 4 antenna is a metal strip."
    found = find_entities(nlp(text), doc_id="d")
    assert "iPhone" not in {e.name for e in found}
    assert "iPhone 4" in {e.name for e in found}


def test_a_name_and_a_role_without_article_are_a_mention_of_a_person(nlp: Language) -> None:
    # headline style: "Apple executive", no article; the mention is the person, not the company
    found = find_entities(nlp("Apple executive leaves company after iPhone 4 antenna issues"), doc_id="d")
    (person,) = [e for e in found if any(m.text == "Apple executive" for m in e.mentions)]
    assert person.kind == "PERSON"
    assert "Apple" in {e.name for e in found}


def test_a_thing_owned_by_an_actor_is_a_mention_of_its_own(nlp: Language) -> None:
    text = "Zorblax released the Quib phone on Monday. The phone's antenna is weak, and its price rose."
    found = find_entities(nlp(text), doc_id="d")
    antenna = next(e for e in found if any(m.text == "The phone's antenna" for m in e.mentions))
    assert antenna.kind == THING
    # the owner stays a mention of its own inside the thing's, of another entity
    phone = next(e for e in found if any(m.text == "The phone" for m in e.mentions))
    assert phone is not antenna and phone.kind != THING
    price = next(e for e in found if any(m.text == "its price" for m in e.mentions))
    assert price.kind == THING
    assert any(m.text == "its" for e in found if e is not price for m in e.mentions)


def test_a_phrase_naming_an_event_is_no_thing(nlp: Language) -> None:
    text = "Zorblax announced the launch of the Quib phone. The launch drew large crowds."
    found = find_entities(nlp(text), doc_id="d")
    assert not any("launch" in m.text for e in found for m in e.mentions)


def test_things_take_no_part_in_events(nlp: Language) -> None:
    doc = nlp("Zorblax cut the price of its tablets on Monday.")
    found = find_entities(doc, doc_id="d")
    assert any(e.kind == THING for e in found)
    things = {e.key for e in found if e.kind == THING}
    for event in find_events(doc, doc_id="d", entities=found):
        assert not {p.actor for p in event.participants} & things


def test_a_hyphenated_title_is_one_word_of_the_person(nlp: Language) -> None:
    found = find_entities(nlp("Zorblax Inc. co-founder Jim Brown spoke on Monday."), doc_id="d")
    brown = named(found, "Jim Brown")
    assert "Zorblax Inc. co-founder Jim Brown" in {m.text for m in brown.mentions}
    assert "Zorblax Inc." in {e.name for e in found}


def test_a_description_is_written_with_the_phrase_that_holds_another_mention(nlp: Language) -> None:
    text = "Zorblax showed the Quib phone. The side of the phone is metal, and the price for the Quib rose."
    found = find_entities(nlp(text), doc_id="d")
    written = {m.text for e in found for m in e.mentions}
    assert {"The side of the phone", "the price for the Quib"} <= written
    # the mention inside keeps a span of its own, of its own entity
    side = next(e for e in found if any(m.text == "The side of the phone" for m in e.mentions))
    phone = next(e for e in found if any(m.text == "the phone" for m in e.mentions))
    assert side is not phone


def test_a_phrase_without_a_mention_in_it_is_left_out(nlp: Language) -> None:
    text = "The price of gold rose on Monday."
    written = {m.text for e in find_entities(nlp(text), doc_id="d") for m in e.mentions}
    assert "The price" in written
    assert not any("gold" in w for w in written)


def test_a_coordination_of_actors_is_a_group_of_its_own(nlp: Language) -> None:
    doc = nlp("Zorblax and Quibco signed a deal on Monday.")
    found = find_entities(doc, doc_id="d")
    (group,) = [e for e in found if e.kind == GROUP]
    assert [m.text for m in group.mentions] == ["Zorblax and Quibco"]
    # each member stays an actor of its own, and takes part in the event; the group does not
    assert {"Zorblax", "Quibco"} <= {e.name for e in found if e.kind != GROUP}
    actors = {p.actor for event in find_events(doc, doc_id="d", entities=found) for p in event.participants}
    assert group.key not in actors
    assert actors


@pytest.mark.parametrize(
    "text",
    [
        "Procter and Gamble reported higher profits on Tuesday.",  # one name
        "Zorblax CEO and co-founder Jim Brown spoke on Monday.",  # titles of one person
        "The firm moved to Cupertino, California last year.",  # a place and its region, no "and"
    ],
)
def test_no_group_where_the_members_are_no_two_actors(nlp: Language, text: str) -> None:
    assert not [e for e in find_entities(nlp(text), doc_id="d") if e.kind == GROUP]


def test_a_pronoun_under_a_root_not_labelled_root_finds_no_relative_clause() -> None:
    # spaCy makes a new Token object on every access, so a walk up the parse must stop on the token that
    # is its own head (compared by value): a root with another label ("dep", as some parses give)
    # must not loop for ever
    doc = Doc(Vocab(), words=["Zentrix", "which", "rose"], heads=[0, 2, 0], deps=["dep", "nsubj", "appos"])
    assert _relative_head(doc[1]) is None
