"""Actors across articles: a name and the same name with the kind of thing it is ("iTunes" and the
"iTunes Music Store") are one actor when an article describes the short name by that kind."""

from __future__ import annotations

from spacy.language import Language

from timeline.actors import link_actors
from timeline.actors.find import find_entities
from timeline.actors.link import Linking
from timeline.extract import extract
from timeline.pipeline import assemble
from timeline.records import Actor, Document, Extraction


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
    for ahead in range(len(xs) + 1):
        linking = Linking()
        for x in xs[:ahead]:
            linking.add(x.document.id, x.entities)
        assert assemble(xs, (), linking=linking) == whole
