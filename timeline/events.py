"""Events: what happened, to whom. Finds event mentions and their participants in a parsed article.

First version: a verb is an event when its subject or object holds an actor mention; the subject is the
source, the object the target. Dates are placed later, by :mod:`timeline.dating`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .records import OTHER, SOURCE, TARGET, Entity, Event, Participant, Trigger

# dependency label of a verb's child -> the role of the actor it holds
ROLES = {
    "nsubj": SOURCE,
    "csubj": SOURCE,
    "agent": SOURCE,  # "was rejected by Egypt"
    "nsubjpass": TARGET,  # "Israel was accused"
    "dobj": TARGET,
    "dative": TARGET,
    "prep": OTHER,
}


def find_events(
    doc: Doc,
    *,
    doc_id: str,
    entities: tuple[Entity, ...],
) -> tuple[Event, ...]:
    """Verbal events with actor participants, in story order."""
    owner = _token_owners(doc, entities)
    sentences = list(doc.sents)
    sentence_index = {s.start: i for i, s in enumerate(sentences)}
    events = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ == "aux":
            continue
        participants = _participants(token, owner)
        if not participants:
            continue
        number = sentence_index[token.sent.start]
        trigger = Trigger(token.text, token.idx, token.idx + len(token.text), token.lemma_)
        events.append(
            Event(
                id=f"{doc_id}#{token.idx}",
                doc=doc_id,
                sentence=number,
                sentence_text=token.sent.text,
                sentence_start=token.sent.start_char,
                trigger=trigger,
                participants=participants,
                negated=any(child.dep_ == "neg" for child in token.children),
            )
        )
    return tuple(events)


def _token_owners(doc: Doc, entities: tuple[Entity, ...]) -> dict[int, tuple[str, int, int, str]]:
    """token index -> (entity key, mention start, mention end, mention text)."""
    owner = {}
    for entity in entities:
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                owner[tok.i] = (entity.key, m.start, m.end, m.text)
    return owner


def _participants(verb: Token, owner: dict[int, tuple[str, int, int, str]]) -> tuple[Participant, ...]:
    found: list[Participant] = []
    for child in verb.children:
        role = ROLES.get(child.dep_)
        if role is None:
            continue
        if child.dep_ in ("agent", "prep"):  # the actor is the preposition's object
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
            if child.dep_ != "pobj":
                continue
        hit = owner.get(child.i) or next((owner[t.i] for t in child.subtree if t.i in owner), None)
        if hit is None:
            continue
        key, start, end, text = hit
        if not any(p.actor == key and p.role == role for p in found):
            found.append(Participant(key, role, start, end, text))
    return tuple(found)
