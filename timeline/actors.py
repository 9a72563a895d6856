"""Actors: who takes part. Finds actor mentions in an article and links actors across articles.

First version: spaCy's named entities are the mentions; mentions with the same text are one actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from spacy.tokens import Doc

from .records import Actor, Entity, Extraction, Mention

ACTOR_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"}
)


def find_entities(doc: Doc, *, doc_id: str) -> tuple[Entity, ...]:
    """The actors of one article, each with every mention of it."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        mention = Mention(doc_id, ent.start_char, ent.end_char, ent.text)
        groups.setdefault((ent.label_, _key(ent.text)), []).append(mention)
    return tuple(
        Entity(key=f"{label}:{name}", name=mentions[0].text, kind=label, mentions=tuple(mentions))
        for (label, name), mentions in groups.items()
    )


def link_actors(extractions: Iterable[Extraction]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Merge the per-article entities into build-wide actors.

    Returns the actors and a map from ``(document id, entity key)`` to ``Actor.id``.
    """
    merged: dict[tuple[str, str], list[tuple[str, Entity]]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            merged.setdefault((entity.kind, _key(entity.name)), []).append((extraction.document.id, entity))
    actors: list[Actor] = []
    index: dict[tuple[str, str], str] = {}
    for (kind, name), members in merged.items():
        actor_id = actor_id_for(kind, name)
        names = sorted({e.name for _, e in members})
        mentions = tuple(m for _, e in members for m in e.mentions)
        actors.append(
            Actor(
                actor_id,
                members[0][1].name,
                kind,
                mentions,
                aliases=tuple(n for n in names if n != members[0][1].name),
            )
        )
        for doc_id, entity in members:
            index[(doc_id, entity.key)] = actor_id
    return actors, index


def actor_id_for(kind: str, name: str) -> str:
    """A stable id from the actor's kind and canonical name."""
    return "a" + hashlib.blake2b(f"{kind}\x1f{name}".encode(), digest_size=5).hexdigest()


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
