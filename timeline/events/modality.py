"""Modality and polarity: whether an event is said to have happened, and on whose word.

One of ``negated`` ("did not agree", "failed to persuade"), ``hypothetical`` ("may spur", "if
talks fail"), ``future`` ("will meet", "plans to sell"), ``reported`` (in what someone said), or
``asserted``; the first that applies, in that order.
"""

from __future__ import annotations

from spacy.tokens import Token

from .coding import words

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, REPORTED = (
    "asserted",
    "negated",
    "hypothetical",
    "future",
    "reported",
)

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
#: Verbs that deny the event in their complement: "failed to persuade", "refused to sign".
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "avoid", "neglect", "cease", "stop"})
MODALS_HYPOTHETICAL = frozenset({"may", "might", "could", "would", "should", "must", "can", "ought"})
MODALS_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
#: Verbs whose complement is still to come: "plans to sell", "is about to restore".
FUTURE_VERBS = frozenset(
    {"plan", "intend", "expect", "aim", "hope", "prepare", "schedule", "want", "seek", "propose", "go"}
)
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
#: Verbs that report what someone said or believes: their complement is reported.
REPORTING_VERBS = words(
    """
    say tell report claim announce state add note allege accuse insist argue confirm deny
    suggest believe think write explain warn acknowledge admit reveal indicate
    """
)


def modality_of(trigger: Token) -> tuple[str, bool]:
    """The event's modality and whether it is negated."""
    negated = _negated(trigger)
    if negated:
        return NEGATED, True
    if _hypothetical(trigger):
        return HYPOTHETICAL, False
    if _future(trigger):
        return FUTURE, False
    if _reported(trigger):
        return REPORTED, False
    return ASSERTED, False


def _helpers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "det")]


def _negated(token: Token) -> bool:
    if any(c.lower_ in NEGATORS and c.dep_ in ("neg", "advmod", "det") for c in token.children):
        return True
    # the denial sits on the verb this one completes: "did not try to clash", "failed to persuade"
    head = token.head
    if token.dep_ == "xcomp" and head is not token:
        return head.lemma_.lower() in NEGATING_VERBS or _negated(head)
    return False


def _hypothetical(token: Token) -> bool:
    for t in _clause_chain(token):
        if any(c.lower_ in MODALS_HYPOTHETICAL and c.dep_ == "aux" for c in t.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in t.children):
            return True
    return False


def _future(token: Token) -> bool:
    for t in _clause_chain(token):
        if any(c.lower_ in MODALS_FUTURE and c.dep_ == "aux" for c in t.children):
            return True
        if t != token and t.lemma_.lower() in FUTURE_VERBS:
            return True
        if any(c.dep_ == "acomp" and c.lower_ == "about" for c in t.children):
            return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() == "about":  # "is about to restore"
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "about"


#: Verbs that announce the doer's own intent: "promised to supply", "vowed to retaliate".
INTENT_VERBS = FUTURE_VERBS | words("promise pledge vow offer threaten agree decide")


def is_intent(token: Token) -> bool:
    """Whether the event is announced as what its doer will do ("will meet", "plans to sell",
    "promised to supply"), as opposed to what is imminent or merely expected ("is about to")."""
    for t in _clause_chain(token):
        if any(c.lower_ in MODALS_FUTURE and c.dep_ == "aux" for c in t.children):
            return True
        if t != token and t.lemma_.lower() in INTENT_VERBS:
            return True
    return False


def _reported(token: Token) -> bool:
    t = token
    for _ in range(8):  # clause depth; deep enough for news sentences
        # "according to X" hangs on the verb of its clause; other words need no look
        if t.pos_ in ("VERB", "AUX") and any(c.lower_ == "according" for c in t.children):
            return True
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in REPORTING_VERBS:
            return True
        if t.head.i == t.i:  # the root (spaCy makes a new Token each time: `is` never tells)
            return False
        t = t.head
    return False


def _clause_chain(token: Token) -> list[Token]:
    """The trigger and the verbs it completes ("plans to sell" -> sell, plans)."""
    chain = [token]
    t = token
    while t.dep_ in ("xcomp", "conj") and t.head != t and len(chain) < 6:
        t = t.head
        chain.append(t)
    if token.pos_ == "NOUN" and token.head != token and token.head.pos_ in ("VERB", "AUX"):
        chain.append(token.head)
    return chain
