"""Actors: who takes part, one actor per real-world entity within an article and across articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from timeline.actors import actor_id_for, link_actors
from timeline.actors.find import find_entities
from timeline.actors.gazetteer import country_of_demonym, country_of_name
from timeline.actors.names import abbreviates, clean, is_short_form, key, split_title
from timeline.records import Actor, Document, Entity, Extraction, Mention

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_de5dd64ba62c808d.txt"


def entities(nlp: Language, text: str, doc_id: str = "d1") -> tuple[Entity, ...]:
    return find_entities(nlp(text), doc_id=doc_id)


def holding(found: tuple[Entity, ...], text: str) -> list[Entity]:
    """The entities with a mention that reads ``text``, or a phrase ending in it (a name is written
    with its whole noun phrase: "opposition leader Yair Lapid")."""
    return [e for e in found if any(m.text == text or m.text.endswith(" " + text) for m in e.mentions)]


def extraction(nlp: Language, doc_id: str, text: str) -> Extraction:
    doc = nlp(text)
    return Extraction(Document(doc_id, text), (), find_entities(doc, doc_id=doc_id), (), ())


# ---------------------------------------------------------------- gazetteer and names (no model)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Israeli", "ISR"),
        ("Egyptian", "EGY"),
        ("Palestinians", "PSE"),
        ("American", "USA"),
        ("French", "FRA"),
    ],
)
def test_a_demonym_names_its_country(word: str, code: str) -> None:
    assert country_of_demonym(word) == code


def test_words_that_are_no_demonym_name_no_country() -> None:
    assert country_of_demonym("Zionist") is None
    assert country_of_demonym("Beatles") is None


def test_country_names_in_the_forms_news_writes_them() -> None:
    assert {country_of_name(n) for n in ("the US", "U.S.", "United States", "America")} == {"USA"}
    assert country_of_name("us") is None  # a pronoun, not the code


def test_a_title_is_not_part_of_the_name() -> None:
    assert split_title("Prime Minister Benjamin Netanyahu") == ("Prime Minister", "Benjamin Netanyahu")
    assert clean("The Beatles' Apple Corps's") == "Beatles' Apple Corps"


def test_short_forms_of_people_and_companies() -> None:
    assert is_short_form("netanyahu", "benjamin netanyahu", person=True)
    assert is_short_form("apple", "apple computer", person=False)
    assert key("Apple Inc.") == key("Apple") == "apple"
    assert not is_short_form("apple", "apple tv", person=False)
    assert not is_short_form("apple", "apple corps", person=False)
    assert is_short_form("eads", "european aeronautic defence and space company", person=False)


# ---------------------------------------------------------------- within one article


def test_the_seed_article_gives_one_actor_per_real_world_actor(nlp: Language) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = find_entities(nlp(text), doc_id="seed")
    # what a reader would list, each by words that name it in the article
    reader = {
        "Hamas": ["Hamas", "The movement"],
        "Israel": ["Israel", "Israeli delegation", "the Israeli occupation regime"],
        "Egypt": ["Egypt"],
        "the Palestinian leadership": ["Palestinian leaders"],
        "Benjamin Netanyahu": ["Benjamin Netanyahu"],
        "Yair Lapid": ["Yair Lapid"],
        "the United States": ["US"],
        "the Egyptian foreign-ministry spokesman": ["Tamim Kalahu", "Khallaf", "The spokesman"],
        "the mediators": ["the mediator", "mediators"],
    }
    seen: dict[str, str] = {}
    for actor, words in reader.items():
        keys = {e.key for w in words for e in holding(found, w)}
        assert len(keys) == 1, (actor, [e.name for w in words for e in holding(found, w)])
        seen[actor] = keys.pop()
    assert len(set(seen.values())) == len(reader)  # and no two of them merged
    by_key = {e.key: e for e in found}
    assert by_key[seen["Israel"]].country == "ISR"
    assert by_key[seen["the Palestinian leadership"]].sector == "government"
    assert "spokesman" in by_key[seen["the Egyptian foreign-ministry spokesman"]].roles
    for e in found:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_surname_and_pronoun_refer_back_to_the_full_name(nlp: Language) -> None:
    text = "Prime Minister Benjamin Netanyahu met the envoy on Monday. Netanyahu said he would not resign."
    found = entities(nlp, text)
    (bibi,) = holding(found, "Netanyahu")
    assert bibi.name == "Benjamin Netanyahu"
    assert bibi.kind == "PERSON"
    # the first mention is written with its title; the name is the name without it
    assert {"Prime Minister Benjamin Netanyahu", "Netanyahu", "he"} <= {m.text for m in bibi.mentions}
    assert "Netanyahu" in bibi.aliases
    assert {m.form for m in bibi.mentions} >= {"name", "pronoun"}


def test_a_title_and_a_country_before_a_name_become_attributes(nlp: Language) -> None:
    text = "Hamas accused Israeli Prime Minister Benjamin Netanyahu's government of betraying the deal."
    (bibi,) = holding(entities(nlp, text), "Benjamin Netanyahu")
    assert bibi.name == "Benjamin Netanyahu"
    assert bibi.roles == ("Prime Minister",)
    assert bibi.country == "ISR"


def test_a_thing_of_an_actor_is_no_actor_but_a_leaders_government_is_the_leader(nlp: Language) -> None:
    text = "Egypt rejected Israel's proposal. Hamas accused Benjamin Netanyahu's government of lying."
    found = entities(nlp, text)
    assert not holding(found, "Israel's proposal")
    assert holding(found, "Israel")
    (bibi,) = holding(found, "Benjamin Netanyahu")
    assert not any("government" in m.text for e in found for m in e.mentions)
    assert bibi.kind == "PERSON"


def test_the_company_and_its_refer_to_the_company(nlp: Language) -> None:
    text = "Apple Inc. unveiled a new phone on Tuesday. The company said its sales rose."
    found = entities(nlp, text)
    (apple,) = holding(found, "Apple Inc.")
    assert {"The company", "its"} <= {m.text for m in apple.mentions}
    forms = {m.text: m.form for m in apple.mentions}
    assert forms["The company"] == "description"
    assert forms["its"] == "pronoun"


def test_an_acronym_in_brackets_is_the_same_company(nlp: Language) -> None:
    text = (
        "The European Aeronautic Defence and Space Company (EADS) won the contract. "
        "EADS said the deal was worth billions."
    )
    found = entities(nlp, text)
    eads = holding(found, "EADS")
    assert len(eads) == 1
    assert any("European Aeronautic" in m.text for m in eads[0].mentions)


def test_a_demonym_with_a_sector_keeps_the_sector(nlp: Language) -> None:
    text = "Egyptian media reported the talks. The Israeli army denied it."
    found = entities(nlp, text)
    (media,) = holding(found, "Egyptian media")
    assert (media.country, media.sector) == ("EGY", "media")
    (army,) = holding(found, "The Israeli army")
    assert (army.country, army.sector) == ("ISR", "military")


def test_a_model_number_is_part_of_the_name(nlp: Language) -> None:
    found = entities(nlp, "The iPhone 3G went on sale in July, a year after the first iPhone.")
    assert "iPhone 3G" in {e.name for e in found}


def test_a_year_after_a_name_is_no_model_number(nlp: Language) -> None:
    found = entities(nlp, "Apple co-founder Steve Jobs 1955 - 2011 was born in San Francisco.")
    assert "Steve Jobs" in {e.name for e in found}


def test_the_possessor_gives_one_more_alias(nlp: Language) -> None:
    found = entities(nlp, "The Beatles' Apple Corps sued Apple Computer in London on Wednesday.")
    (corps,) = holding(found, "Apple Corps")
    assert "Beatles' Apple Corps" in corps.aliases


# ---------------------------------------------------------------- across articles


def test_the_same_person_is_one_actor_across_articles(nlp: Language) -> None:
    first = extraction(nlp, "a", "Apple CEO Steve Jobs unveiled the iPod in San Francisco.")
    second = extraction(nlp, "b", "Jobs told reporters that Apple Computer would sell more music.")
    actors, index = link_actors([first, second])
    jobs = [a for a in actors if a.name == "Steve Jobs"]
    assert len(jobs) == 1
    assert {m.doc for m in jobs[0].mentions} == {"a", "b"}
    assert "Jobs" in jobs[0].aliases
    assert set(index.values()) <= {a.id for a in actors}


def test_companies_that_share_a_first_word_stay_apart(nlp: Language) -> None:
    first = extraction(nlp, "a", "Apple Computer sued Apple Corps, the Beatles' record company, in London.")
    second = extraction(nlp, "b", "Apple Corps said it would appeal against the ruling.")
    third = extraction(nlp, "c", "Apple sold a million phones. Apple Computer said so.")
    actors, _ = link_actors([first, second, third])
    names = {a.name for a in actors}
    assert {"Apple Computer", "Apple Corps"} <= names
    (computer,) = [a for a in actors if a.name == "Apple Computer"]
    assert {m.doc for m in computer.mentions} == {"a", "c"}


def test_actor_ids_do_not_depend_on_the_order_of_articles(nlp: Language) -> None:
    xs = [
        extraction(nlp, "a", "Steve Jobs spoke at the conference in San Francisco."),
        extraction(nlp, "b", "Jobs later met Tim Cook in Cupertino."),
        extraction(nlp, "c", "The United States and Egypt signed the accord."),
    ]
    ids = {(a.name, a.id) for a in link_actors(xs)[0]}
    assert {(a.name, a.id) for a in link_actors(list(reversed(xs)))[0]} == ids
    assert {(a.name, a.id) for a in link_actors(xs)[0]} == ids


# ---------------------------------------------------------------- bad input


def test_text_without_entities_gives_no_named_actor(nlp: Language) -> None:
    found = entities(nlp, "it rained and then it stopped.")
    assert all(m.form != "name" for e in found for m in e.mentions)


def test_empty_text_gives_nothing(nlp: Language) -> None:
    assert entities(nlp, "") == ()
    assert entities(nlp, "   \n") == ()


@pytest.mark.parametrize(
    "text",
    [
        "HAMAS ACCUSED ISRAELI PRIME MINISTER BENJAMIN NETANYAHU OF OBSTRUCTING THE AGREEMENT. HE DENIED IT.",
        "The " + "Very " * 200 + "Long Name Corporation said it would grow.",
        "Zoë Ångström of Société Générale met José Müller in Zürich; Ångström said she was pleased.",
        "\u200b\u202eEgypt\u202c said \u2018no\u2019 to Israel\u2019s plan \u2014 twice.\ufeff",
    ],
    ids=["all-caps", "very-long-name", "accents", "control-characters"],
)
def test_odd_text_gives_exact_offsets_and_no_crash(nlp: Language, text: str) -> None:
    found = entities(nlp, text)
    for e in found:
        assert e.name
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    keys = [e.key for e in found]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------------- rule logic on hand-built parses (no model)


def hand_built(words: list[str], **annotations: object) -> Doc:
    return Doc(English().vocab, words=words, **annotations)  # type: ignore[arg-type]


def test_a_surname_the_recogniser_missed_is_still_the_person() -> None:
    # "Steve Jobs spoke . Jobs smiled ." with only the first name marked as an entity
    doc = hand_built(
        ["Steve", "Jobs", "spoke", ".", "Jobs", "smiled", "."],
        spaces=[True, True, False, True, True, False, False],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        heads=[1, 2, 2, 2, 5, 5, 5],
        sent_starts=[True, False, False, False, True, False, False],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )
    (jobs,) = find_entities(doc, doc_id="hand")
    assert jobs.name == "Steve Jobs"
    assert [(m.start, m.end, m.text) for m in jobs.mentions] == [(0, 10, "Steve Jobs"), (18, 22, "Jobs")]


def test_two_names_side_by_side_stay_two_actors() -> None:
    # "Apple Inc. , Apple Corps settle ." parsed with the second name as an apposition of the first
    doc = hand_built(
        ["Apple", "Inc.", ",", "Apple", "Corps", "settle", "."],
        spaces=[True, False, True, True, True, False, False],
        pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "nsubj", "punct", "compound", "appos", "ROOT", "punct"],
        heads=[1, 5, 1, 4, 1, 5, 5],
        sent_starts=[True, False, False, False, False, False, False],
        ents=["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O"],
    )
    found = find_entities(doc, doc_id="hand")
    assert sorted(e.name for e in found) == ["Apple Corps", "Apple Inc."]


WORDS = [
    "Apple",
    "Inc.",
    "Steve",
    "Jobs",
    "he",
    "she",
    "it",
    "its",
    "they",
    "the",
    "company",
    "Israeli",
    "Egypt",
    "(",
    ")",
    "EADS",
    "'s",
    "\u2019",
    "said",
    "met",
    "in",
    "London",
    ".",
    ",",
    "\n",
    "iPhone",
    "3G",
    "Zoë",
    "ÅNGSTRÖM",
    "\u200b",
    "which",
    "spokesman",
    "Prime",
    "Minister",
    "of",
    "and",
    "2011",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_any_text_gives_exact_offsets_and_one_key_per_entity(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    found = entities(nlp, text)
    assert len({e.key for e in found}) == len(found)
    for e in found:
        assert e.mentions
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("WWPF", "worldwide partners forum", True),  # letters inside a word count
        ("NRFA", "the northern rail freight association", True),
        ("OSL", "zentrix computer", False),
        ("Z", "zentrix", False),  # one letter abbreviates nothing
    ],
)
def test_an_abbreviation_takes_its_letters_in_order(short: str, long: str, expected: bool) -> None:
    assert abbreviates(short, long) is expected


def test_an_actor_of_one_entity_has_its_values_with_aliases_and_roles_in_order() -> None:
    mentions = (Mention("d", 0, 10, "Steve Jobs"), Mention("d", 20, 24, "Jobs"))
    entity = Entity(
        "k1",
        "Steve Jobs",
        "PERSON",
        mentions,
        aliases=("jobs", "Steve Jobs", "Jobs", "Steve"),
        roles=("founder", "CEO", "founder"),
        country="",
        sector="",
    )
    (actor,), index = link_actors(
        [Extraction(Document("d", "Steve Jobs said so. Jobs left."), (), (entity,), (), ())]
    )
    expected_id = actor_id_for("name", "steve jobs")
    assert actor == Actor(
        expected_id, "Steve Jobs", "PERSON", mentions, ("Jobs", "jobs", "Steve"), ("CEO", "founder")
    )
    assert index == {("d", "k1"): expected_id}
