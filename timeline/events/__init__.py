"""Events: what happened, to whom, of what kind, and whether it really happened.

Per article, :func:`find_events` finds event mentions (verbal and nominal triggers,
:mod:`.triggers`), their participants among the actor mentions (:mod:`.participants`), their
modality (:mod:`.modality`) and their CAMEO / PLOVER code (:mod:`.coding`). Dates are placed later,
by :mod:`timeline.dating`. Across articles, :mod:`.merge` joins reports of the same event, and
:mod:`.query` gives one actor's timeline.
"""

from __future__ import annotations

import itertools
import logging

from spacy.tokens import Doc, Token

from ..records import SOURCE, TARGET, Entity, Event, Participant, Trigger
from .coding import Code, Lexicon, as_intent, code_of, load_lexicon
from .merge import merge_reports
from .modality import FUTURE, NEGATED, is_intent, modality_of
from .participants import PHRASE_LIMIT, Owned, participants_of, subject_of, token_owners
from .query import actor_timeline, chronological, find_actor_ids
from .triggers import is_trigger

log = logging.getLogger(__name__)

__all__ = [
    "actor_timeline",
    "chronological",
    "find_actor_ids",
    "find_events",
    "merge_reports",
]

#: Kinds of actors that are things: they take part in events but do not act. (Not WORK_OF_ART nor
#: EVENT: the small model gives those labels to unfamiliar names of countries and groups too.)
THING_KINDS = frozenset({"PRODUCT", "LAW"})

#: Longest sentence (in tokens) whose words are all looked at; past it only verbs are (the parse of
#: such run-on "sentences", usually tables or lists, is poor, and nouns there are rarely events).
LONG_SENTENCE = 150


def find_events(
    doc: Doc,
    *,
    doc_id: str,
    entities: tuple[Entity, ...],
    lexicon: Lexicon | None = None,
) -> tuple[Event, ...]:
    """Event mentions with their actor participants, type and modality, in story order."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    owner = token_owners(doc, entities)
    things = frozenset(e.key for e in entities if e.kind in THING_KINDS)
    events: list[Event] = []
    for number, sent in enumerate(doc.sents):
        long = len(sent) > LONG_SENTENCE
        text: str | None = None
        for token in sent:
            if long and token.pos_ != "VERB":
                continue
            if not is_trigger(token, lexicon):
                continue
            if token.i in owner and not _names_an_event(token, owner):
                continue  # an actor's name is no event, unless it names one ("WWDC Conference")
            if text is None:  # the sentence's words, built once for all its events
                text = sent.text
            events.append(
                _event(
                    token,
                    number,
                    (text, sent.start_char),
                    doc_id=doc_id,
                    owner=owner,
                    things=things,
                    lexicon=lexicon,
                )
            )
    if not events and len(doc):
        log.debug("%s: no event found", doc_id)
    return tuple(events)


def _names_an_event(token: Token, owner: dict[int, Owned]) -> bool:
    """Whether the token is the last word of an actor mention whose head names an event."""
    return token.pos_ == "PROPN" and token.idx + len(token.text) == owner[token.i].end


def _event(
    token: Token,
    number: int,
    sentence: tuple[str, int],
    *,
    doc_id: str,
    owner: dict[int, Owned],
    things: frozenset[str],
    lexicon: Lexicon,
) -> Event:
    sentence_text, sentence_start = sentence
    participants = participants_of(token, owner)
    modality, negated = modality_of(token)
    code = None if modality == NEGATED else _coded(token, participants, things, lexicon)
    if code is not None and modality == FUTURE and is_intent(token):
        code = as_intent(code)
    return Event(
        id=f"{doc_id}#{token.idx}",
        doc=doc_id,
        sentence=number,
        sentence_text=sentence_text,
        sentence_start=sentence_start,
        trigger=Trigger(token.text, token.idx, token.idx + len(token.text), token.lemma_),
        participants=participants,
        type=code.type if code else "OTHER",
        cameo=code.cameo if code else None,
        quad_class=code.quad_class if code else None,
        goldstein=code.goldstein if code else None,
        negated=negated,
        modality=modality,
    )


def _coded(
    token: Token, participants: tuple[Participant, ...], things: frozenset[str], lexicon: Lexicon
) -> Code | None:
    """The event's code, when it has someone doing it: an actor, or a subject that names someone.

    "Crowds trashed its embassy" is an act, but of no actor a coder could name; it stays uncoded.
    Nor do things act: "iOS will support the service" and "the iPhone offers access" are no support
    or offer, so an event whose doers are all products, works or laws stays uncoded.
    """
    code = code_of(token, lexicon)
    if code is None:
        return None
    doers = {p.actor for p in participants if p.role == SOURCE}
    if doers and doers <= things:
        return None
    if token.pos_ == "PROPN":  # a named event ("the Paris Summit"): its name says nothing of who met
        return None
    if token.pos_ == "NOUN":
        # a nominal event is coded when someone is named as doing it ("Israel's proposal", "Hamas
        # held talks"); but "welcomed the resumption of ties" is one act, the welcoming: the object
        # of a coded verb is what that act is about, not a second act
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "pobj") and head is not token:
            verb = head.head if token.dep_ == "pobj" else head
            if verb.pos_ == "VERB" and code_of(verb, lexicon) is not None:
                return None
        return code if any(p.role == SOURCE for p in participants) or _named_subject(token) else None
    if any(p.role in (SOURCE, TARGET) for p in participants):
        return code
    return code if _named_subject(token) else None


def _named_subject(token: Token) -> bool:
    """Whether the event's doer is named: its subject (or a nominal event's owner) has a proper noun."""
    doers = [c for c in token.children if c.dep_ in ("poss", "compound")]
    subject = subject_of(token) if token.pos_ in ("VERB", "AUX") else None
    if subject is not None:
        doers.append(subject)
    return any(t.pos_ == "PROPN" for doer in doers for t in itertools.islice(doer.subtree, PHRASE_LIMIT))
