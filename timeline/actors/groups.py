"""Coordinations: "Apple and AT&T", "the iPod and the iPhone" name a group of their own, apart from
each member. The group is one more mention, of an entity of its own that is no actor (its members are
the actors): it takes no part in events, as each member already does."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from ..records import GROUP, Entity, Mention

#: parts of speech of a conjunct that names something
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def find_groups(doc: Doc, *, doc_id: str, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One ``GROUP`` entity per coordination of noun phrases that are each a mention of another
    entity, keyed ``g1``, ``g2``, ... in text order."""
    covered: dict[int, tuple[str, int, int]] = {}  # token -> entity and span of the mention holding it
    for entity in entities:
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for token in span if span is not None else ():
                covered.setdefault(token.i, (entity.key, m.start, m.end))
    groups = []
    for token in _first_members(doc):
        if token.pos_ not in _NOMINAL:
            continue
        members = [token, *(c for c in token.conjuncts if c.pos_ in _NOMINAL)]
        owners = [covered[m.i][0] for m in members if m.i in covered]
        if len(members) < 2 or len(owners) < len(members) or len(set(owners)) < len(owners):
            continue  # "the CEO and co-founder Steve Jobs": titles of one actor, no group
        start, end = _extent(token, members)
        if not any(t.dep_ == "cc" for t in token.doc[start:end]):
            continue  # "Cupertino, California": a list without "and" is a place and its region
        inside = {covered.get(i) for i in range(start, end)}
        if len(inside) == 1 and None not in inside:
            continue  # the coordination is inside one name: "Procter and Gamble"
        span = doc[start:end]
        groups.append((span.start_char, span.end_char, span.text))
    return tuple(
        Entity(
            key=f"g{n}", name=text, kind=GROUP, mentions=(Mention(doc_id, start, end, text, "description"),)
        )
        for n, (start, end, text) in enumerate(sorted(set(groups)), start=1)
    )


def _first_members(doc: Doc) -> list[Token]:
    """The first member of each coordination, found on the dependency array (no Token objects made
    for the other words: this runs on every article)."""
    conj = doc.vocab.strings["conj"]
    deps, heads = doc.to_array([DEP, HEAD]).T
    firsts = set()
    for i in numpy.flatnonzero(deps == conj):
        head = doc[int(i) + int(heads[i].astype(numpy.int64))]
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # a member hung on another member: go up to the first
        firsts.add(head.i)
    return [doc[i] for i in sorted(firsts)]


def _extent(first: Token, members: list[Token]) -> tuple[int, int]:
    """Token range of the whole coordination, from the first member's first word to the last
    member's last word, without the punctuation around it."""
    doc = first.doc
    start = first.left_edge.i
    end = max(m.right_edge.i for m in members) + 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return start, end
