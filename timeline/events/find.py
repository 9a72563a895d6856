"""Per article: event mentions (verbal and nominal triggers, :mod:`.triggers`), their participants among
the actor mentions (:mod:`.participants`), their modality (:mod:`.modality`) and their CAMEO / PLOVER
code (:mod:`.coding`)."""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from ..records import Entity, Event, Trigger
from .codable import code_for
from .coding import Lexicon, load_lexicon
from .modality import modality_of
from .participants import Owned, participants_of, token_owners
from .triggers import is_trigger

log = logging.getLogger(__name__)

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
    code = code_for(token, participants, modality, things=things, lexicon=lexicon)
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
