"""Grammatical events: words that are events only in the service of another event beside them.

News event annotation (TimeML, NewsReader/MEANTIME) marks them as events of the class GRAMMATICAL: a
copula ("the store *is* open"), a support verb whose object names the act ("Jobs *gave* his keynote",
"*made* an appearance", "*has taken* medical leave"), an aspectual verb that says where another
event stands ("pre-orders *began* Tuesday", "will *continue* to steer"), and a verb that only leads
into one ("*attempted* to address", "*prompting* Apple Corps to file suit"). They say nothing that
happened on its own: the event they serve does (the keynote, the appearance, the pre-orders), so a
timeline that listed both would tell one happening twice.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .coding import words

#: Verbs whose object names the act they stand in for ("gave a keynote", "held talks").
SUPPORT_VERBS = words("give make take hold have receive get do pay conduct carry stage extend express")

#: Verbs that say an event begins, goes on or ends ("began", "will continue to").
ASPECTUAL_VERBS = words("begin start continue stop finish end resume keep cease complete")

#: Verbs that only lead into the event of their complement: trying, choosing and causing it
#: ("attempted to address", "has chosen to step down", "prompting Apple Corps to file").
LEADING_VERBS = words("try attempt manage choose cause prompt lead let allow enable help")

#: Dependency labels of the words that hold the served event.
_OBJECTS = frozenset({"dobj", "attr"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def is_grammatical(trigger: Token, events: Collection[int]) -> bool:
    """Whether the trigger is a grammatical event serving one of ``events`` (token indices of the
    sentence's other event triggers); a copula always is."""
    if trigger.lemma_.lower() == "be" and trigger.pos_ in ("AUX", "VERB"):
        return True
    if trigger.pos_ != "VERB":
        return False
    lemma = trigger.lemma_.lower()
    served = [c for c in trigger.children if c.i in events]
    if lemma in SUPPORT_VERBS:
        return any(c.dep_ in _OBJECTS for c in served)
    if lemma in ASPECTUAL_VERBS:  # not with an object: "ending the partnership" is an act of its own
        return any(c.dep_ in _COMPLEMENTS | _SUBJECTS for c in served)
    if lemma in LEADING_VERBS:
        return any(c.dep_ in _COMPLEMENTS for c in served) or _leads_through_object(trigger, events)
    return False


def _leads_through_object(trigger: Token, events: Collection[int]) -> bool:
    """Whether the complement hangs on the verb's object, as spaCy may parse "prompting Apple Corps
    to file suit"."""
    return any(
        g.dep_ in _COMPLEMENTS and g.i in events
        for c in trigger.children
        if c.dep_ == "dobj"
        for g in c.children
    )


def leading_verb(trigger: Token) -> Token | None:
    """The aspectual or leading verb whose complement the trigger is ("address" in "attempted to
    address", "selling" in "began selling"), or None: such a complement happens when that verb does,
    whatever its own infinitive form says."""
    head = trigger.head
    if trigger.dep_ not in _COMPLEMENTS or head == trigger or head.pos_ != "VERB":
        return None
    return head if head.lemma_.lower() in ASPECTUAL_VERBS | LEADING_VERBS else None
