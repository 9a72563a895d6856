"""One article's actors: candidate mentions found, grouped into entities, coordinations added."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..records import Entity
from .entities import build_entities
from .groups import find_groups
from .mentions import find_candidates
from .resolve import resolve

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
