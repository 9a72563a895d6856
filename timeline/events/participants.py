"""Participants: which actor mentions take part in an event, and in what role, through the parse.

Participants are always actor mentions found by :mod:`timeline.actors` (names today; pronouns and
descriptions as that stage finds them): a token takes part through the mention that covers it, never
through words no actor owns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import OTHER, SOURCE, TARGET, Entity, Participant, is_actor

#: Dependency label of a verb's child -> the role of the actor it holds.
VERB_ROLES = {
    "nsubj": SOURCE,
    "csubj": SOURCE,
    "agent": SOURCE,  # "was rejected by Egypt"
    "nsubjpass": TARGET,  # "Israel was accused"
    "dobj": TARGET,
    "dative": TARGET,
    "attr": OTHER,
    "prep": OTHER,
}

#: Prepositions whose object an act is aimed at ("fired at Seoul", "talks with Egypt").
TARGET_PREPOSITIONS = frozenset({"against", "at", "with", "to", "on", "toward", "towards", "of"})

#: Clauses inside an argument that are events of their own: their actors are not the argument's.
CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "appos", "parataxis"})

#: Relative pronouns: the actor is the noun the relative clause hangs on.
RELATIVES = frozenset({"who", "whom", "which", "that", "whose"})


#: Most tokens looked at inside one argument: an argument phrase is short, and a run-on "sentence"
#: (a list, a table) must not make the search quadratic.
PHRASE_LIMIT = 40


@dataclass(frozen=True)
class Owned:
    """The actor mention a token belongs to."""

    key: str
    start: int
    end: int
    text: str
    form: str = "name"


def token_owners(doc: Doc, entities: tuple[Entity, ...]) -> dict[int, Owned]:
    """token index -> the narrowest actor mention covering it (a name inside a description wins)."""
    owner: dict[int, Owned] = {}
    for entity in filter(is_actor, entities):  # not a thing talked about, nor a group of actors
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                held = owner.get(tok.i)
                if held is None or m.end - m.start < held.end - held.start:
                    owner[tok.i] = Owned(entity.key, m.start, m.end, m.text, m.form)
    return owner


def participants_of(trigger: Token, owner: dict[int, Owned]) -> tuple[Participant, ...]:
    """The actors taking part in the event the trigger names, sources first."""
    found: list[Participant] = []
    slots = _verb_slots(trigger, owner) if trigger.pos_ in ("VERB", "AUX") else _noun_slots(trigger, owner)
    for role, arg in slots:
        for actor in _actors(arg, owner):
            if actor.start <= trigger.idx < actor.end:
                continue  # a named event ("the Developers Conference") is no participant of itself
            if not any(p.actor == actor.key and p.start == actor.start for p in found):
                found.append(Participant(actor.key, role, actor.start, actor.end, actor.text))
    order = {SOURCE: 0, TARGET: 1, OTHER: 2}
    return tuple(sorted(found, key=lambda p: order.get(p.role, 3)))


def _verb_slots(verb: Token, owner: dict[int, Owned]) -> Iterator[tuple[str, Token]]:
    has_subject = has_object = False
    for child in verb.children:
        role = VERB_ROLES.get(child.dep_)
        if role is None:
            continue
        if child.dep_ in ("agent", "prep"):  # the actor is the preposition's object
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
                role = TARGET
            yield role, pobj
            has_subject |= child.dep_ == "agent"
            continue
        if (
            child.dep_ in ("nsubj", "csubj", "nsubjpass")
            and child.lower_ in RELATIVES
            and child.i not in owner
        ):
            child = _antecedent(verb) or child  # "Apple, which launched": unless "which" is a mention
        has_subject |= child.dep_ in ("nsubj", "csubj", "agent") or role == SOURCE
        has_object |= child.dep_ in ("dobj", "nsubjpass")
        yield role, child
    if not has_subject:
        subject = _inherited_subject(verb)
        if subject is not None:
            yield SOURCE, subject
    if not has_object and verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN":
        # "the phone made by Apple", "the deal that Apple signed": the noun is what was acted on
        yield TARGET, verb.head


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, or the one it shares with the verb it completes."""
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent")), None)
    return own if own is not None else _inherited_subject(verb)


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs on: "Apple, which launched ..." -> Apple."""
    return verb.head if verb.dep_ == "relcl" else None


def _inherited_subject(verb: Token) -> Token | None:
    """The subject a verb shares with the verb it depends on, when it has none of its own.

    "Hamas met and rejected ...": the conjunct shares the subject; "urged Egypt to respond": Egypt
    responds (object control); "decided to sue": the one who decided sues; "is about to restore":
    through the adjective to the subject of "is"; "the company, which ...": the company.
    """
    t = verb
    for _ in range(6):  # a chain of complements is short in any real sentence
        head = t.head
        if head == t:
            return None
        if t.dep_ == "pcomp" and head.dep_ == "prep" and head.head != head:
            # "unveiled the phone by walking on stage": the one who unveiled walked
            t, head = head, head.head
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG"):
            return head
        if t.dep_ not in ("conj", "xcomp", "advcl", "acomp", "prep"):
            return None
        if t.dep_ == "xcomp":  # object control: "urged Egypt to respond"
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subject is not None:
            return (_antecedent(head) or subject) if subject.lower_ in RELATIVES else subject
        t = head
    return None


def _noun_slots(noun: Token, owner: dict[int, Owned]) -> Iterator[tuple[str, Token]]:
    """Actors of a nominal event: "Israel's proposal", "the Apple lawsuit", "talks with Egypt"."""
    own = False
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN"):
            own |= bool(_actors(child, owner))
            yield SOURCE, child
        elif child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            role = (
                SOURCE if child.lower_ == "by" else TARGET if child.lower_ in TARGET_PREPOSITIONS else OTHER
            )
            own |= role == SOURCE and bool(_actors(pobj, owner))
            yield role, pobj
    if not own and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        # "Jobs gave his keynote", "Hamas held talks": who holds the event does it
        subject = subject_of(noun.head)
        if subject is not None:
            yield SOURCE, subject


def _actors(arg: Token, owner: dict[int, Owned]) -> list[Owned]:
    """The actor mentions an argument refers to: its own mention, its conjuncts', or one inside it."""
    found: list[Owned] = []
    for head in (arg, *arg.conjuncts):
        hit = owner.get(head.i) or _inside(head, owner)
        if hit is not None and hit not in found:
            found.append(hit)
    return found


def _inside(head: Token, owner: dict[int, Owned]) -> Owned | None:
    """The actor mention nearest the head of the argument's phrase, not looking into clauses of its
    own; at equal depth a name beats a pronoun ("a version of its iPhone" -> the iPhone)."""
    level = [head]
    budget = PHRASE_LIMIT
    while level and budget > 0:
        budget -= len(level)
        hits = [owner[t.i] for t in level if t.i in owner]
        if hits:
            return min(hits, key=lambda hit: hit.form == "pronoun")
        level = [c for t in level for c in t.children if c.dep_ not in CLAUSES and c.dep_ != "cc"]
    return None
