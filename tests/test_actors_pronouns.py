"""Actors: what a pronoun refers back to, by salience and by the parse of its clause."""

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
