"""Actors: who takes part. Finds the actors of an article with every mention of them, and links
actors across articles.

``mentions`` finds candidate mentions (names, pronouns, demonyms; ``phrases`` those in noun
phrases: descriptions, titles, missed names), ``resolve`` groups them within an article (``clusters``
holds the groups, ``descriptions`` places descriptions by their noun and salience, ``pronouns``
places pronouns by salience and the parse, ``gender`` tells he from she), ``entities`` turns the
groups into ``Entity`` records (a thing talked about, "the price", is an entity of kind ``THING``: no
actor), ``groups`` adds coordinations ("Apple and AT&T", kind ``GROUP``), ``link`` merges entities
across articles into build-wide ``Actor`` records. ``names`` and ``gazetteer`` know how names and
countries are written; ``lexicon`` holds the word lists.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..records import Entity
from .entities import build_entities
from .groups import find_groups
from .lexicon import ACTOR_LABELS
from .link import actor_id_for, link_actors
from .mentions import find_candidates
from .resolve import resolve

__all__ = ["ACTOR_LABELS", "actor_id_for", "find_entities", "link_actors"]

log = logging.getLogger(__name__)


def find_entities(doc: Doc, *, doc_id: str) -> tuple[Entity, ...]:
    """The actors of one article, each with every mention of it (names, pronouns, descriptions)."""
    if all(t.is_space for t in doc):  # no words (doc.text would join every token to tell)
        log.warning("article %s is empty: no actors", doc_id)
        return ()
    cands = find_candidates(doc)
    clusters, dropped = resolve(doc, cands)
    entities = build_entities(doc_id, cands, clusters, dropped)
    return entities + find_groups(doc, doc_id=doc_id, entities=entities)
