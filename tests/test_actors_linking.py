"""Actors across articles: a name and the same name with the kind of thing it is ("iTunes" and the
"iTunes Music Store") are one actor when an article describes the short name by that kind."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from timeline.actors import link_actors
from timeline.actors.find import find_entities
from timeline.actors.link import Linking
from timeline.extract import extract
from timeline.pipeline import assemble, linked_articles
from timeline.records import Actor, Document, Entity, Event, Extraction, Mention


def linked(nlp: Language, *texts: str) -> list[Actor]:
    found = [
        Extraction(Document(f"d{n}", text), (), find_entities(nlp(text), doc_id=f"d{n}"), (), ())
        for n, text in enumerate(texts)
    ]
    return link_actors(found)[0]


def test_a_name_described_by_its_kind_joins_the_name_with_that_kind(nlp: Language) -> None:
    actors = linked(
        nlp,
        "Apple's iTunes sold more music than Wal-Mart in February. The iTunes store now leads the market.",
        "Apple Computer opened the iTunes Music Store in 2003.",
    )
    (store,) = [a for a in actors if any("iTunes" in m.text for m in a.mentions)]
    assert store.name == "iTunes Music Store"
    assert {m.doc for m in store.mentions} == {"d0", "d1"}


def test_without_that_evidence_the_longer_name_stays_apart(nlp: Language) -> None:
    actors = linked(
        nlp,
        "Apple announced the iPhone Developer Program on Thursday. Developers can join the program for free.",
        "The iPhone went on sale in June. The device sold well.",
    )
    names = {a.name for a in actors}
    assert {"iPhone", "iPhone Developer Program"} <= names


def test_a_makers_name_before_a_name_is_that_name(nlp: Language) -> None:
    actors = linked(
        nlp,
        "Jobs said future Apple Macintosh computers will use Intel chips.",
        "Apple sold more Macintosh computers this year. The Macintosh is popular.",
        "Apple Corps sued Apple Computer.",
    )
    (mac,) = [a for a in actors if "Macintosh" in a.name]
    assert {m.doc for m in mac.mentions} == {"d0", "d1"}
    corps = [a for a in actors if a.name == "Apple Corps"]
    assert len(corps) == 1 and {m.doc for m in corps[0].mentions} == {"d2"}


def test_articles_grouped_ahead_give_the_build_linked_all_at_once(nlp: Language) -> None:
    # a rebuild groups the stored articles' entities while the new ones are parsed, then the rest
    texts = [
        "Apple CEO Steve Jobs unveiled the iPod in San Francisco on Tuesday.",
        "Jobs told reporters that Apple Computer would sell more music.",
        "Apple Corps sued Apple Computer in London. Jobs said Apple would appeal.",
    ]
    xs = [extract(nlp(text), Document(f"d{n}", text, date="2005-03-01")) for n, text in enumerate(texts)]
    whole = assemble(xs, ())
    assert whole.events and len(whole.actors) > 3
    moved = set()
    for ahead in range(len(xs) + 1):
        for prepared in (False, True):
            linking = Linking()
            for x in xs[:ahead]:
                linking.add(x.document.id, x.entities)
            events: list[list[Event]] = []
            if prepared:  # linked ahead too, with their events: the later articles are linked on top
                events = list(linked_articles(xs[:ahead], linking.prepare()[1]))
            assert assemble(xs, (), linking=linking, ahead=events) == whole
            moved |= linking.moved
    # the events of an article whose actors a later one changed were linked again, the others kept
    assert moved == {"d0"}


def test_events_linked_ahead_are_linked_again_when_a_later_article_moves_their_actor(nlp: Language) -> None:
    # "Apple" is an actor of its own until an article names Apple Computer, which it then joins
    texts = ["Apple unveiled the iPod on Tuesday.", "Apple Computer sued Microsoft on Wednesday."]
    xs = [extract(nlp(text), Document(f"d{n}", text, date="2005-03-01")) for n, text in enumerate(texts)]
    linking = Linking()
    linking.add("d0", xs[0].entities)
    ahead = list(linked_articles(xs[:1], linking.prepare()[1]))
    whole = assemble(xs, ())
    assert assemble(xs, (), linking=linking, ahead=ahead) == whole
    assert linking.moved == {"d0"}
    unveiled = next(e for e in whole.events if e.trigger.text == "unveiled")
    assert ahead[0][0].participants[0].actor != unveiled.participants[0].actor  # so was linked again


def _random_articles(seed: int, count: int = 40) -> list[tuple[str, list[Entity]]]:
    """Articles of entities whose names share words, shorten one another, carry acronyms as aliases,
    are described by kinds of thing or stand for countries: every way groups join."""
    rng = random.Random(seed)
    words = ["Apple", "Computer", "Corps", "Steve", "Jobs", "iTunes", "Store", "Music", "Macintosh", "Gaza"]
    expansions = {"IBM": "International Business Machines", "UN": "United Nations"}
    kinds = ["PERSON", "ORG", "PRODUCT", "GPE"]
    articles = []
    for n in range(count):
        doc = f"d{n}"
        entities = []
        for e in range(rng.randint(1, 6)):
            if rng.random() < 0.15:
                name = rng.choice([*expansions, *expansions.values()])
            else:
                name = " ".join(rng.sample(words, rng.randint(1, 3)))
            mentions = [Mention(doc, 0, len(name), name, "name")] * rng.randint(1, 3)
            if rng.random() < 0.3:
                mentions.append(
                    Mention(doc, 0, 9, f"the {rng.choice(['store', 'company', 'band'])}", "description")
                )
            aliases = tuple(a for a, full in expansions.items() if full == name and rng.random() < 0.3)
            aliases += (rng.choice(words),) if rng.random() < 0.2 else ()
            country = rng.choice(["EGY", "ISR", None, None])
            entities.append(
                Entity(
                    f"{doc}:{e}",
                    name,
                    rng.choice(kinds),
                    tuple(mentions),
                    aliases=aliases,
                    roles=(rng.choice(["chief executive", "band"]),) if rng.random() < 0.2 else (),
                    country=country,
                    sector=rng.choice(["GOV", None]) if country else None,
                )
            )
        articles.append((doc, entities))
    return articles


@pytest.mark.parametrize("seed", range(6))
def test_articles_linked_on_top_of_a_prepared_linking_give_the_linking_of_all(seed: int) -> None:
    articles = _random_articles(seed)

    def linked_at_once(
        some: list[tuple[str, list[Entity]]],
    ) -> tuple[list[Actor], dict[tuple[str, str], str]]:
        return link_actors(Extraction(Document(doc, "text"), (), tuple(es), (), ()) for doc, es in some)

    moves = 0
    for ahead in range(len(articles)):
        # one article more (a rebuild's usual case), and all the rest
        for end in (ahead + 1, len(articles)):
            linking = Linking()
            for doc, entities in articles[:ahead]:
                linking.add(doc, entities)
            before_actors, before = linking.prepare()
            assert (before_actors, before) == linked_at_once(articles[:ahead])
            for doc, entities in articles[ahead:end]:
                linking.add(doc, entities)
            linked = linking.actors()
            assert linked == linked_at_once(articles[:end]), (ahead, end)
            index = linked[1]
            assert linking.moved == {doc for (doc, key), a in before.items() if index[doc, key] != a}
            moves += len(linking.moved)
    assert moves, "some articles' entities moved to other actors"
