"""The tense of the clause a word sits in, read from the parse: past, present, future or None.

Used to pick which Tuesday or which March an expression means, and by event dating to read a trigger's
tense. Reads tags and auxiliaries only, so it works on any English spaCy pipeline with a parser.
"""

from __future__ import annotations

from spacy.tokens import Token

PAST, PRESENT, FUTURE = "past", "present", "future"

# auxiliaries that put the clause after the time of writing ("will vote", "should rise", "would meet")
_FUTURE_AUX = {"will", "'ll", "wo", "shall", "should", "would", "could", "might", "may", "must", "ll"}
_VERBS = ("VERB", "AUX")


def governing_verb(token: Token, *, max_steps: int = 6) -> Token | None:
    """The nearest verb at or above ``token`` in the parse (the verb of its clause), or None."""
    current = token
    for _ in range(max_steps):
        if current.pos_ in _VERBS and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def tense(verb: Token) -> str | None:
    """Past, present or future of the clause headed by ``verb`` (None when nothing says)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.text.lower() for a in auxes}
    if words & _FUTURE_AUX or any(a.text.lower() == "going" for a in auxes):
        return FUTURE
    if "to" in words and verb.tag_ == "VB":  # "plans to vote on Tuesday", "is expected to rise"
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return PAST  # "has signed", and reduced relatives: "the deal signed on Feb. 14"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return PRESENT
    if verb.tag_ == "MD":
        return FUTURE if verb.text.lower() in _FUTURE_AUX else PRESENT
    return None


def tense_at(token: Token) -> str | None:
    """The tense of the clause ``token`` belongs to."""
    verb = governing_verb(token)
    return tense(verb) if verb is not None else None
