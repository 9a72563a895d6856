"""Actors: what a pronoun or a description refers back to, by salience and by the parse of its clause."""

from __future__ import annotations

import pytest
from gender_guesser.detector import Detector
from spacy.language import Language

from timeline.actors.find import find_entities
from timeline.actors.gender import _Detector
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


def in_actor(found: tuple[Entity, ...], text: str) -> list[str]:
    """The mentions of the entity that holds ``text`` (none when no entity holds it)."""
    return [m.text for e in found if any(m.text == text for m in e.mentions) for m in e.mentions]


def starts(mentions: list[str], words: str) -> bool:
    """Whether a mention starts with ``words`` (a description may run on: "apps for the console")."""
    return any(m.startswith(words) for m in mentions)


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
    text = "The toolkit lets hobbyists build apps for the Zorbit console and then publish them on the Quix portal."
    assert starts(in_actor(find_entities(nlp(text), doc_id="d"), "them"), "apps")


def test_they_prefers_a_plural_to_a_firm(nlp: Language) -> None:
    text = "The Brenna Group bought the two companies last year and now runs them from Oslo."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "them") == ["the two companies", "them"]


def test_a_plural_description_repeats_its_noun(nlp: Language) -> None:
    text = "Students write apps for the Zorbit console. Parents buy the apps with a card."
    found = find_entities(nlp(text), doc_id="d")
    assert starts([m for m in in_actor(found, "the apps") if m != "the apps"], "apps")


def test_an_apposition_of_no_kind_joins_nothing(nlp: Language) -> None:
    # the model hangs the letter on the paper as an apposition; a letter is not a newspaper
    text = "In a column in the Daily Vorn, a leaked letter from Zentrix showed the firm had lost money."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "the Daily Vorn") == ["the Daily Vorn"]


def test_an_abbreviation_in_brackets_is_the_name_before_it(nlp: Language) -> None:
    # W, W from one word: the letters of an abbreviation need not all start words
    text = "Delegates met at the Worldwide Partners Forum (WWPF) in Oslo. The WWPF ended on Friday."
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "WWPF") == ["Worldwide Partners Forum"]


def test_a_description_takes_the_kind_of_a_name_after_it(nlp: Language) -> None:
    # "The update" is a product by the name in apposition after it, so "the program" can be it
    text = (
        "Korvo has released a fix for its Zeta players. The update, Podware 2.1, runs on the Zeta Mini. "
        "Korvo released the program after users complained."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "the program") == ["Podware 2.1"]


@pytest.mark.parametrize(
    ("text", "actor", "described"),
    [
        ("Critics say the Zorbit X2 is a remarkable tablet.", "Zorbit X2", "a remarkable tablet"),
        ("Tom Bale became the chief executive of Korvo Inc. in May.", "Tom Bale", "the chief executive"),
    ],
)
def test_what_the_subject_is_said_to_be_is_the_subject(
    nlp: Language, text: str, actor: str, described: str
) -> None:
    (entity,) = [e for e in find_entities(nlp(text), doc_id="d") if e.name == actor]
    assert starts([m.text for m in entity.mentions], described)


def test_a_headline_description_is_the_person_the_article_names_with_it(nlp: Language) -> None:
    text = (
        "Korvo spokesman denies report\nMay 2, 2011\n"
        "A Korvo spokesman, Ann Lee, said on Monday that the report was wrong."
    )
    assert names_of(find_entities(nlp(text), doc_id="d"), "Korvo spokesman") == ["Ann Lee"]


def test_their_after_some_or_others_is_no_named_actor(nlp: Language) -> None:
    text = (
        "Thousands of fans queued for Korvo Inc. tickets. "
        "Some waited all night for their seats, and others gave up on their plans."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert "their" not in [m.text for e in found if e.name == "Korvo Inc." for m in e.mentions]


@pytest.mark.parametrize(
    ("text", "ranked"),
    [
        (
            "Zentrix now ranks above Korvo Inc. as the No. 2 maker of tablets, a survey found.",
            "the No. 2 maker",
        ),
        (
            "Korvo Inc. sells tablets. Zentrix said the largest tablet maker would cut prices.",
            "the largest tablet maker",
        ),
    ],
)
def test_a_rank_is_said_of_no_actor_named_before(nlp: Language, text: str, ranked: str) -> None:
    found = find_entities(nlp(text), doc_id="d")
    assert not any(m.text.startswith(ranked) for e in found if e.name == "Korvo Inc." for m in e.mentions)


def test_a_description_with_a_proper_noun_is_no_actor_named_otherwise(nlp: Language) -> None:
    text = (
        "Korvo Inc. put out the iYan 2 in June and added features to its iYan operating system. "
        "Zentrix plans to ship the Zen OS operating system later."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert "its iYan operating system" not in in_actor(found, "the Zen OS operating system")


def test_a_possessive_is_not_the_phrase_it_is_written_in(nlp: Language) -> None:
    text = "Fans of the band said their favourite singers had left."
    assert "their" not in in_actor(find_entities(nlp(text), doc_id="d"), "their favourite singers")


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
    # "delete" shares the subject of "rate" through "will be able to": the gamers delete something
    # else, so "them" are the apps
    text = "Korvo Inc. sells the Zorbit console. Gamers will be able to rate the apps or delete them at any time."
    assert "the apps" in in_actor(find_entities(nlp(text), doc_id="d"), "them")


def test_a_possessive_in_a_relative_clause_refers_to_the_relatives_noun(nlp: Language) -> None:
    text = "Korvo Inc. bundles a photo editor called iZen, which brings new filters to its users."
    assert owner_of(find_entities(nlp(text), doc_id="d"), "its") == "iZen"


def test_many_things_and_one_side_by_side_are_a_list(nlp: Language) -> None:
    text = "Korvo Inc. showed off cheaper Zen tablets, the iYan photo suite, at a fair in Oslo."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "cheaper Zen tablets") == ["cheaper Zen tablets"]


def test_they_after_two_firms_joined_by_and_is_neither_alone(nlp: Language) -> None:
    text = "Korvo Inc. and Zentrix Inc. signed a deal. They will share patents."
    found = find_entities(nlp(text), doc_id="d")
    assert "They" not in [
        m.text for e in found if e.name in ("Korvo Inc.", "Zentrix Inc.") for m in e.mentions
    ]


def test_what_a_firm_is_said_to_be_is_the_firm_whatever_the_noun(nlp: Language) -> None:
    text = "Korvo Inc. is the producer of the Zorbit console, and it sells well."
    (korvo,) = [e for e in find_entities(nlp(text), doc_id="d") if e.name == "Korvo Inc."]
    assert starts([m.text for m in korvo.mentions], "the producer")


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        (
            "Korvo Inc. filed a lawsuit against Zentrix Inc. so that the latter would stop selling the tablet.",
            "the latter",
            "Zentrix Inc.",
        ),
        (
            "Korvo Inc. met Zentrix Inc. in May. The former said the talks went well.",
            "The former",
            "Korvo Inc.",
        ),
    ],
)
def test_the_latter_and_the_former_count_back_the_actors_named(
    nlp: Language, text: str, word: str, actor: str
) -> None:
    assert names_of(find_entities(nlp(text), doc_id="d"), word) == [actor]


def test_two_descriptions_with_one_noun_and_other_proper_nouns_are_two_things(nlp: Language) -> None:
    text = (
        "Zentrix launched the Zen OS 2 in May. Korvo updated the Yan OS operating system in June. "
        "The Zen OS operating system runs on tablets."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert "the Yan OS operating system" not in in_actor(found, "The Zen OS operating system")


def test_a_line_of_products_is_not_the_product_named_before(nlp: Language) -> None:
    text = "Korvo Inc. added the iZen Mini to the iZen line on Tuesday."
    assert in_actor(find_entities(nlp(text), doc_id="d"), "the iZen line") == ["the iZen line"]


def test_a_model_number_before_the_name_is_the_name_with_the_number_after(nlp: Language) -> None:
    text = (
        "Korvo launched the Zphone 3G in June. "
        "Korvo has claimed that the 3G Zphone will double the speed of the first Zphone."
    )
    found = find_entities(nlp(text), doc_id="d")
    assert names_of(found, "the 3G Zphone") == ["Zphone 3G"]


@pytest.mark.parametrize(
    ("text", "later"),
    [
        (
            "Korvo shares fell in foreign markets on Monday, while the US markets were closed.",
            "the US markets",
        ),
        (
            "Korvo sold films through the store. In 2006 Korvo began selling the other films of the studio too.",
            "the other films of the studio",
        ),
    ],
)
def test_a_description_qualified_otherwise_is_another_thing(nlp: Language, text: str, later: str) -> None:
    assert in_actor(find_entities(nlp(text), doc_id="d"), later) == [later]


def test_the_name_list_is_read_as_gender_guesser_reads_it() -> None:
    # the detector reads the list its own way (faster, a name when asked): every name must come out
    # as gender-guesser's, whatever was asked before
    ours, theirs = _Detector(case_sensitive=False), Detector(case_sensitive=False)
    assert len(theirs.names) > 40_000
    asked = [*sorted(theirs.names, reverse=True), "Jean-Paul", "MARIA", "Zzyzx", "", "a+b"]
    assert [ours.get_gender(n) for n in asked] == [theirs.get_gender(n) for n in asked]
    assert ours.names == theirs.names
