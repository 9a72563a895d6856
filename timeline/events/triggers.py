"""Event triggers: the words that name an event, verbal ("rejected") or nominal ("the merger", "talks")."""

from __future__ import annotations

from spacy.tokens import Token

from .coding import Lexicon, words

#: Dependency labels of verbs that only help another verb ("has rejected", "was sold").
HELPER_DEPS = frozenset({"aux", "auxpass"})

#: Nouns that name happenings in news of every domain. Nouns of the CAMEO lexicon (``cameo.tsv``)
#: count too; so do nominalisations of verbs (see :func:`is_nominalisation`).
EVENT_NOUNS = words(
    """
    accident announcement appearance arrival attack auction battle bankruptcy birth boom
    campaign ceremony change clash closure collapse competition conference conflict crash crisis
    cut deal death debate debut decision decline defeat delay delivery departure disaster
    discovery drop election event exhibition expansion explosion expo failure festival fight fire
    flood growth hearing impact increase interview invasion keynote launch lawsuit loss march
    meeting merger move murder offer opening outage outbreak performance placement plan
    preorder pre-order presentation protest purchase raid recall recession release
    rally repair rescue resignation return revolution rise riot ruling sale scandal session settlement
    shipment shooting shortage show shutdown slump speech split strike success summit surge
    takeover talk test trial trip update upgrade use victory visit vote walkout war win leave
    incident controversy reaction breach claim refund download preview surgery transplant scrutiny
    """
)

#: Head nouns of the names of events ("Macworld Conference", "the Paris Summit", "World War II").
NAMED_EVENT_HEADS = words(
    """
    conference summit expo festival war election games olympics championship cup tournament
    convention congress forum meeting keynote show fair
    """
)

#: Endings that turn a verb into a noun naming its act ("integrate" -> "integration").
NOMINAL_ENDINGS = ("ation", "ition", "ment", "ance", "ence", "sion", "ure", "al")

#: Nouns with those endings that name things, not acts.
NOT_EVENTS = words(
    """
    application government department station nation information position population situation
    organization organisation administration foundation generation institution edition
    equipment document instrument apartment element environment amount comment parliament
    minister official total animal capital hospital journal material medal portal signal
    individual manual rival terminal literature structure feature temperature culture future
    nature picture signature figure measure procedure pressure legislature agriculture
    audience science evidence experience licence license conscience residence sequence sentence
    silence distance balance finance instance substance province division television version
    mission commission session mansion tension dimension region location foundation condition
    edition relation regulation operation corporation
    back force host fund ally partner supply order charge movement resistance governance addition
    """
)


#: Verb forms that work as prepositions: "according to", "including", "regarding".
PREPOSITION_DEPS = frozenset({"prep", "amod"})


def is_trigger(token: Token, lexicon: Lexicon, *, copulas: bool = True) -> bool:
    """Whether the token names an event: a main verb, or a noun that names an act.

    A copula that is the main verb of its clause ("the store is open") names a state, which news
    event annotation counts as an event too; ``copulas=False`` leaves them out.
    """
    if token.pos_ == "VERB":
        return token.dep_ not in HELPER_DEPS and token.dep_ not in PREPOSITION_DEPS
    if token.pos_ == "AUX":
        return copulas and token.dep_ not in HELPER_DEPS and token.lemma_ == "be"
    if token.pos_ in ("NOUN", "PROPN"):
        lemma = token.lemma_.lower()
        if lemma in NOT_EVENTS:
            return False
        if token.pos_ == "PROPN":  # "the Worldwide Developers Conference": a named event
            return lemma in NAMED_EVENT_HEADS
        return lemma in EVENT_NOUNS or lemma in lexicon.lemmas or is_nominalisation(lemma)
    return False


def is_nominalisation(lemma: str) -> bool:
    """A noun formed from a verb that names its act: "integration", "settlement", "approval"."""
    if lemma in NOT_EVENTS or len(lemma) < 7:
        return False
    return lemma.endswith(NOMINAL_ENDINGS)
