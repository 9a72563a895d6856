"""Actors: what a pronoun or a description refers back to, by salience and by the parse of its clause."""

from __future__ import annotations

import pytest
from spacy.language import Language

from timeline.actors import find_entities
from timeline.records import Entity


def owner_of(found: tuple[Entity, ...], pronoun: str) -> str:
    (entity,) = [e for e in found if any(m.text == pronoun and m.form == "pronoun" for m in e.mentions)]
    return entity.name


@pytest.mark.parametrize(
    ("text", "pronoun", "actor"),
    [
        # the possessive takes the object of "forced", who does the lowering, not the subject
        (
            "The European Commission has forced Apple Inc. to lower its prices in Britain.",
            "its",
            "Apple Inc.",
        ),
        # a possessive before the subject of its own clause refers ahead to it
        (
            "During a media event held at its Cupertino headquarters, Apple released a new phone.",
            "its",
            "Apple",
        ),
        ("Steve Jobs said he would not resign.", "he", "Steve Jobs"),
    ],
)
def test_a_possessive_refers_to_the_subject_of_its_clause(
    nlp: Language, text: str, pronoun: str, actor: str
) -> None:
    assert owner_of(find_entities(nlp(text), doc_id="d"), pronoun) == actor


def test_a_pronoun_is_not_the_subject_of_its_own_clause(nlp: Language) -> None:
    text = (
        "In April, the technology blog Gizmodo obtained a prototype of the new iPhone "
        "and published details of it online."
    )
    assert owner_of(find_entities(nlp(text), doc_id="d"), "it") == "iPhone"


def test_the_most_salient_actor_wins_over_the_nearest(nlp: Language) -> None:
    # the company is the subject of both sentences; the phone, though nearer, is only an object
    text = "Apple released the iPhone on Friday. Apple said it expects strong sales of the phone in Europe."
    assert owner_of(find_entities(nlp(text), doc_id="d"), "it") == "Apple"


def names_of(found: tuple[Entity, ...], text: str) -> list[str]:
    return [e.name for e in found if any(m.text == text for m in e.mentions)]


def test_the_company_is_the_salient_firm_not_the_product_named_last(nlp: Language) -> None:
    text = "Apple Inc. released a new lineup of MacBook Air laptops. The company said the laptops would ship soon."
    assert names_of(find_entities(nlp(text), doc_id="d"), "The company") == ["Apple Inc."]


def test_a_description_repeats_the_head_noun_of_an_apposition(nlp: Language) -> None:
    text = (
        "Sales rose in February, according to figures released by NPD Group, a market research firm. "
        "The firm said more songs were sold online than ever."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "The firm") == ["NPD Group"]


def test_a_name_before_a_noun_of_its_kind_is_one_actor(nlp: Language) -> None:
    text = (
        "Apple Corps sued Apple Computer over an iPod portable music player, which is made by Apple Computer."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "an iPod portable music player") == ["iPod"]


def test_a_description_a_comma_and_a_name_are_one_person(nlp: Language) -> None:
    # the small model parses the apposition as two subjects of "succeeding"
    text = "Steve Jobs resigned. The former Chief Operating Officer, Tim Cook will be succeeding Jobs as CEO."
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "The former Chief Operating Officer") == ["Tim Cook"]


def test_a_description_then_a_name_in_another_clause_stay_apart(nlp: Language) -> None:
    text = "He met the minister, Netanyahu said on Monday."
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "Netanyahu") == ["Netanyahu"]
    assert not any(m.text == "the minister" for e in found if e.name == "Netanyahu" for m in e.mentions)


def test_the_company_in_a_title_is_the_company(nlp: Language) -> None:
    text = "Apple held its developers conference on Monday, where company CEO Steve Jobs unveiled iPhone 4."
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "company") == ["Apple"]
    assert names_of(found, "company CEO") == ["Steve Jobs"]


def test_titles_in_a_row_before_a_name_are_the_person(nlp: Language) -> None:
    text = "Apple Computer CEO and co-founder Steve Jobs gave the keynote on Monday."
    assert names_of(find_entities(nlp(text), doc_id="d"), "Apple Computer CEO") == ["Steve Jobs"]


def test_a_title_and_a_name_joined_by_and_are_two_people(nlp: Language) -> None:
    found = find_entities(nlp("The CEO and Steve Jobs met on Monday."), doc_id="d")
    assert names_of(found, "The CEO") == ["The CEO"]


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton met Steve Jobs in Cupertino. She said he was a genius.",  # by first name
        "The spokeswoman met Benjamin Netanyahu. She said he agreed.",  # by the role's noun
    ],
)
def test_he_and_she_refer_to_a_person_of_their_gender(nlp: Language, text: str) -> None:
    found = find_entities(nlp(text), doc_id="d")
    assert owner_of(found, "She") != owner_of(found, "he")
    assert owner_of(found, "he") in ("Steve Jobs", "Benjamin Netanyahu")


def test_we_is_never_a_product(nlp: Language) -> None:
    text = (
        'Steve Jobs promoted the iPhone by saying that, "just one year after launching the iPhone, '
        'we are launching the new iPhone 3G."'
    )
    found = find_entities(nlp(text), doc_id="d")
    assert not any(m.text == "we" for e in found if e.name.startswith("iPhone") for m in e.mentions)


def test_an_apposition_tells_the_kind_of_a_lone_name(nlp: Language) -> None:
    # the model calls "Tiger" a person; the apposition says it is a version of a system, so "It" fits
    text = "Mac users are buzzing about Tiger, the newest version of Apple Computer's Mac OS X. It ships on Friday."
    found = find_entities(nlp(text), doc_id="d")
    # the description is written with the phrase that holds the system's name
    assert names_of(found, "the newest version of Apple Computer's Mac OS X.") == ["Tiger"]
    assert owner_of(found, "It") == "Tiger"


def test_the_company_is_no_event(nlp: Language) -> None:
    # the model labels the conference ORG; its last word says it is an event
    text = "The Worldwide Developers Conference opened in San Francisco on Monday. The company said sales would begin."
    assert names_of(find_entities(nlp(text), doc_id="d"), "The company") == ["The company"]


def test_the_phone_is_the_brand_spelt_with_phone(nlp: Language) -> None:
    # "the new iOS 4 operating system" is iOS 4 (the name hangs on "system" by its number); "the new
    # phone" is the iPhone, whose spelling ends in the noun, not the system named last
    text = (
        "Steve Jobs unveiled iPhone 4, along with the new iOS 4 operating system. "
        "Gizmodo had obtained a prototype of the new phone in April."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "the new iOS 4 operating system") == ["iOS 4"]
    assert names_of(found, "the new phone") == ["iPhone 4"]
