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
    assert names_of(found, "the newest version") == ["Tiger"]
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


def in_actor(found: tuple[Entity, ...], text: str) -> list[str]:
    """The other mentions of the actor that holds ``text`` (none when no actor holds it)."""
    return [m.text for e in found if any(m.text == text for m in e.mentions) for m in e.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix bought Korvo on Monday. It was announced that the deal would close in May.",
        "Zentrix bought Korvo on Monday. It is expected that regulators will approve the deal.",
        "Zentrix said it was unclear whether Korvo would appeal.",
    ],
)
def test_an_it_that_stands_for_a_clause_is_no_actor(nlp: Language, text: str) -> None:
    found = find_entities(nlp(text), doc_id="d")
    assert in_actor(found, "It") == in_actor(found, "it") == []


def test_a_raised_it_is_still_the_actor(nlp: Language) -> None:
    text = "The Vorla phone went on sale in March. It is expected to ship in Europe in June."
    assert owner_of(find_entities(nlp(text), doc_id="d"), "It") == "The Vorla phone"


def test_them_refers_to_things_named_in_the_plural(nlp: Language) -> None:
    # the kit is one thing: "them" are the applications, not the kit the model calls an organisation
    text = (
        "The SDK lets outside developers write applications for the Zorbit tablet "
        "and then sell them in the Quix Store."
    )
    assert "applications" in in_actor(find_entities(nlp(text), doc_id="d"), "them")


def test_they_prefers_a_plural_to_a_firm(nlp: Language) -> None:
    text = "The Brenna Group bought the two companies last year and now runs them from Oslo."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "them") == ["the two companies", "them"]


def test_a_plural_description_repeats_its_noun(nlp: Language) -> None:
    text = (
        "Developers write applications for the Zorbit tablet. "
        "Buyers pay for the applications through the Quix Store."
    )
    assert in_actor(find_entities(nlp(text), doc_id="d"), "the applications") == [
        "applications",
        "the applications",
    ]


def test_an_apposition_of_no_kind_joins_nothing(nlp: Language) -> None:
    # the model hangs the memo on the paper as an apposition; a memo is not a newspaper
    text = "According to a report in the Daily Vorn, an internal memo at Zentrix showed the company passed Korvo."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "the Daily Vorn") == ["the Daily Vorn"]


def test_an_abbreviation_in_brackets_is_the_name_before_it(nlp: Language) -> None:
    # W, W from one word: the letters of an abbreviation need not all start words
    text = "Delegates met at the Worldwide Partners Forum (WWPF) in Oslo. The WWPF ended on Friday."
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "WWPF") == ["Worldwide Partners Forum"]


def test_a_description_takes_the_kind_of_a_name_after_it(nlp: Language) -> None:
    # "The software update" is a product by the name in apposition after it, so "the program" is it
    text = (
        "Zentrix has released a tool for its Zeta players. The software update, Podware 2.1, works with "
        "the Zeta Mini. Zentrix released the program after complaints from users."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "the program") == ["Podware 2.1"]


@pytest.mark.parametrize(
    ("text", "described"),
    [
        (
            'The Zorbit X2 is claimed to be "a revolutionary mobile phone" by Korvo.',
            "a revolutionary mobile phone",
        ),
        ("Tom Bale became the chief executive of Korvo Inc. in May.", "the chief executive"),
    ],
)
def test_what_the_subject_is_said_to_be_is_the_subject(nlp: Language, text: str, described: str) -> None:
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, described) == [found[0].name]


def test_a_headline_description_is_the_person_the_article_names_with_it(nlp: Language) -> None:
    text = (
        "Korvo spokesman denies report\nMay 2, 2011\n"
        "A Korvo spokesman, Ann Lee, said on Monday that the report was wrong."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "Korvo spokesman") == ["Ann Lee"]


def test_their_after_some_or_others_is_no_named_actor(nlp: Language) -> None:
    text = (
        "Korvo Inc. sold the Zorbit X2 online. Many buyers could not reach the website. "
        "Some had difficulty finishing their orders, while others tweeted about their experience."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert in_actor(found, "their") == []


@pytest.mark.parametrize(
    ("text", "ranked"),
    [
        (
            "Zentrix sells tablets. Its sales overtook Korvo Inc. for the No. 2 tablet maker in 2007.",
            "the No. 2 tablet maker",
        ),
        (
            "Korvo Inc. sells tablets. Zentrix said the largest tablet maker would cut prices.",
            "the largest tablet maker",
        ),
    ],
)
def test_a_rank_is_said_of_no_actor_named_before(nlp: Language, text: str, ranked: str) -> None:
    assert in_actor(find_entities(nlp(text), doc_id="d"), ranked) == [ranked]


def test_a_description_with_a_proper_noun_is_no_actor_named_otherwise(nlp: Language) -> None:
    text = (
        "Korvo Inc. released the iYan 2 in June. It added features to its iYan operating system. "
        "Zentrix said the Zen OS operating system would follow."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert "its iYan operating system" not in in_actor(found, "the Zen OS operating system")


def test_a_possessive_is_not_the_phrase_it_is_written_in(nlp: Language) -> None:
    text = (
        "Zentrix said there were 3,800 attendees. "
        "There are 500 Zentrix engineers at what is their largest developers conference in a decade."
    )
    assert in_actor(find_entities(nlp(text), doc_id="d"), "their largest developers") == [
        "their largest developers"
    ]


@pytest.mark.parametrize(
    ("text", "pronoun", "actor"),
    [
        ('Ann Lee met Tom Bale on Monday. "I am happy with the deal," Bale said.', "I", "Tom Bale"),
        ('Ann Lee met Tom Bale on Monday. Bale said: "I am happy with the deal."', "I", "Tom Bale"),
        # "we" of a person speaking is the firm in the speaker's title
        (
            'Korvo Inc. sued Zentrix Inc. on Monday. "We will win this case," said Zentrix Inc. chief '
            "executive Tom Bale.",
            "We",
            "Zentrix Inc.",
        ),
    ],
)
def test_i_and_we_in_a_quote_are_the_speaker(nlp: Language, text: str, pronoun: str, actor: str) -> None:
    assert owner_of(find_entities(nlp(text), doc_id="d"), pronoun) == actor


def test_a_conjoined_verb_keeps_the_subject_of_the_first_from_its_object(nlp: Language) -> None:
    # "release" shares the subject of "set" through "will be able to": the developers release
    # something else, so "them" are the applications
    text = "Zentrix sells a tablet. Developers will be able to set the price of the applications or release them for free."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "them") == ["the applications", "them"]


def test_a_possessive_in_a_relative_clause_refers_to_the_relatives_noun(nlp: Language) -> None:
    text = (
        "Korvo Inc. supports the newest collection of software entitled iZen, "
        "which has added web publishing to its photo tools."
    )
    assert owner_of(find_entities(nlp(text), doc_id="d"), "its") == "iZen"


def test_many_things_and_one_side_by_side_are_a_list(nlp: Language) -> None:
    text = "Korvo Inc. unveiled new Zen laptops, the iYan software suite, on Monday."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "new Zen laptops") == ["new Zen laptops"]


def test_they_after_two_firms_joined_by_and_is_neither_alone(nlp: Language) -> None:
    text = "Korvo Inc. and Zentrix Inc. signed a deal. They will share patents."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "They") == []
