"""Which event mentions carry a CAMEO code: the acts a coder would code, not every mention.

A CAMEO coder (a person following the codebook, or a dictionary coder such as PETRARCH) codes the act
a clause reports, done by an actor it can name: "Norland restored ties with Sudland". Every other
mention keeps its PLOVER type ``OTHER`` and no code (it stays an event of the timeline). Not coded:

- an act nobody named does: "crowds trashed its embassy" (the source must be an actor, and not a
  thing: "iOS supports Exchange" is no support);
- an act that is only wanted, asked for, allowed or meant: "urged Westmark to respond", "signed an
  accord to supply wheat" (the infinitive is what another act is about, not an act done);
- the same act twice: "promised to supply Gaza" is one act, an intent to give aid (033), coded on
  the act promised; "promised aid" is coded on the promise (033 too); "threatened to attack" is a
  threat of force (138) and keeps the type THREATEN;
- a nominal mention ("the attack", "Israel's proposal"): news names an act by a noun mostly when
  it refers back to it or makes it the matter of another act ("condemned the attack"); a noun is
  the clause's act only as the object of a light verb that says nothing itself ("held talks",
  "launched an attack");
- a participle or infinitive that describes a noun ("the roads leading into Eastmark"), unless it
  names the doer ("plans proposed by Lapid");
- a hypothetical act: "may spur reconciliation", "if talks fail" (but "said it would meet" is an
  announced intent, coded as one);
- a negated act: "did not agree" is no agreement. CAMEO's codes for refusals (12) are given by
  verbs that say so ("refused to sign", "rejected"), not by negating another act: "did not attack"
  stays a (negated) event with no code, since turning it into its opposite would be a guess.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from ..records import SOURCE, Participant
from .coding import Code, Lexicon, as_intent, code_of, make_code, words
from .modality import FUTURE, HYPOTHETICAL, HYPOTHETICAL_MARKS, NEGATED, REPORTING_VERBS, is_intent
from .participants import PHRASE_LIMIT, subject_of

#: Verbs that turn a noun naming an act into the clause's act: "held talks", "launched an attack",
#: and verbs of stating one's own act: "reiterated its commitment", "announced a ceasefire".
LIGHT_VERBS = words(
    """
    hold have conduct make launch stage carry mount begin start open resume continue give deliver
    issue pay take undertake wage
    announce reiterate reaffirm express voice renew
    """
)

#: Heads whose infinitive is the act itself, done or imminent: "began to withdraw", "is about to
#: restore", "managed to reach".
ASPECT_HEADS = words("begin start continue resume keep manage about")

#: CAMEO roots of verbs that announce an act of their own doer: 03 intent to cooperate ("promise",
#: "offer", "agree to"), 13 threaten.
ANNOUNCING_ROOTS = frozenset({"03", "13"})

#: Dependency labels of verbs that describe a noun rather than report an act.
MODIFIER_DEPS = frozenset({"acl", "amod"})


def code_for(
    token: Token,
    participants: tuple[Participant, ...],
    modality: str,
    *,
    things: frozenset[str],
    lexicon: Lexicon,
) -> Code | None:
    """The event's code, or None when a coder would not code this mention (see the module doc)."""
    if modality == NEGATED or token.pos_ == "PROPN" or not _has_doer(token, participants, things):
        return None  # a named event ("the Paris Summit") says not who met
    code = _noun_act(token, lexicon) if token.pos_ == "NOUN" else _verb_act(token, lexicon)
    if code is None:
        return None
    if modality == HYPOTHETICAL and not _said_would(token.head if token.pos_ == "NOUN" else token):
        return None  # "may attack", "if talks fail": nothing was done
    if _is_infinitive(token):
        return _complement_code(token, code, lexicon)
    if _announces(token, lexicon):
        return _announcement_code(token, code, lexicon)
    if modality == HYPOTHETICAL or (modality == FUTURE and is_intent(token)):
        return as_intent(code)  # "will meet", "plans to sell", "said it would meet"
    return code


def _noun_act(noun: Token, lexicon: Lexicon) -> Code | None:
    """The code of a noun that is its clause's act: the object of a light verb ("held talks")."""
    head = noun.head
    if noun.dep_ not in ("dobj", "attr") or head.lemma_.lower() not in LIGHT_VERBS:
        return None
    if code_of(head, lexicon) is not None:
        return None  # "began talks" where "begin" has a code of its own: the verb is the act
    return code_of(noun, lexicon)


def _verb_act(verb: Token, lexicon: Lexicon) -> Code | None:
    """The code of the act a verb names, unless the verb only describes a noun."""
    return None if _describes(verb) else code_of(verb, lexicon)


def _complement_code(verb: Token, code: Code, lexicon: Lexicon) -> Code | None:
    """The code of an infinitive's act: done ("began to withdraw"), announced ("promised to supply",
    "plans to sell") or neither ("urged Westmark to respond", "an accord to supply")."""
    head = verb.head
    if verb.dep_ != "xcomp":  # a purpose ("to help ...") or a noun's content: not done
        return None
    if head.lemma_.lower() in ASPECT_HEADS:
        return code
    if _announces(head, lexicon) or is_intent(verb):
        return _as_announced(code, head, lexicon)
    return None  # wanted, asked for or allowed


def _announcement_code(verb: Token, code: Code, lexicon: Lexicon) -> Code | None:
    """The code of a verb that announces an act of its doer ("promise", "offer", "threaten")."""
    if any(c.dep_ == "xcomp" and _is_infinitive(c) and code_of(c, lexicon) for c in verb.children):
        return None  # "promised to supply": the act promised carries the one code
    for act in _announced_nouns(verb):
        act_code = code_of(act, lexicon)
        if act_code is not None:  # "promised aid", "agreed to a ceasefire", "threatened X with sanctions"
            return _as_announced(act_code, verb, lexicon)
    return code


def _announced_nouns(verb: Token) -> list[Token]:
    """Nouns that may name the act a verb announces: its object, or the object of "to", "on" or
    "with" ("agreed to a ceasefire", "threatened Israel with sanctions")."""
    found = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "with"):
            found.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    return found


def _said_would(verb: Token) -> bool:
    """Whether the verb is what its doer was reported to say they would do: "Hamas said it would
    meet Egypt" announces a meeting (036), the future of a report told in the past."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head != clause:
        clause = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return False
    conditions = [clause, *(c for c in clause.children if c.dep_ == "advcl")]  # "if Egypt agreed, ..."
    if any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for c in conditions for m in c.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in clause.children)


def _has_doer(token: Token, participants: tuple[Participant, ...], things: frozenset[str]) -> bool:
    """Whether someone named does the act: a source actor that is not a thing, or, where the actors
    stage found none, a subject with a proper noun in it ("Norland cleric is about to restore ...")."""
    doers = {p.actor for p in participants if p.role == SOURCE}
    if doers:
        return not doers <= things
    verb = token.head if token.pos_ == "NOUN" else token  # "Hamas held talks": who holds them
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.dep_ == "nsubjpass":
        return False  # "Egypt was criticized": the subject of a passive is acted on
    return any(t.pos_ == "PROPN" for t in itertools.islice(subject.subtree, PHRASE_LIMIT))


def _describes(verb: Token) -> bool:
    """Whether the verb is a participle or infinitive that describes a noun ("the roads leading into
    Eastmark", "an accord to supply wheat"), unless it names who did it: "plans proposed by Lapid" is
    Lapid's proposal."""
    if verb.dep_ not in MODIFIER_DEPS or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return all(c.dep_ != "agent" for c in verb.children)


def _is_infinitive(verb: Token) -> bool:
    """A "to" infinitive that completes or qualifies another word: "urged X to respond"."""
    return verb.head != verb and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _announces(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb announces its doer's own act: "promise", "offer", "threaten"."""
    if verb.pos_ != "VERB":
        return False
    code = code_of(verb, lexicon)
    return code is not None and code.cameo[:2] in ANNOUNCING_ROOTS


def _as_announced(act: Code, announcer: Token, lexicon: Lexicon) -> Code:
    """The code of announcing the act: intent (03) or, for a threat, a threat to do it (13)."""
    intent = as_intent(act)
    announced = code_of(announcer, lexicon) if announcer.pos_ == "VERB" else None
    if announced is None:  # "plans to sell": the act, as intended
        return intent
    if intent.cameo == act.cameo:  # CAMEO has no code for announcing this act: the announcement's
        return announced
    if announced.cameo[:2] == "13":  # a threat to use force keeps the type THREATEN
        threat = make_code(intent.cameo) if intent.cameo[:2] == "13" else announced
        return Code(threat.cameo, announced.type, threat.quad_class, threat.goldstein)
    return intent
