"""Event typing on hand-built parses: which mentions a coder codes, and with what CAMEO code."""

from __future__ import annotations

import pytest

from timeline.events.coding import code_of, lemma_of, load_lexicon
from timeline.events.find import find_events
from timeline.records import Event

from .test_events_rules import names, parsed

Rows = list[tuple[str, str, str, str, int]]


def coded(rows: Rows, *actors: str) -> dict[str, Event]:
    """The events of a parsed sentence by trigger word, with one actor per named word."""
    doc = parsed(rows)
    return {e.trigger.text: e for e in find_events(doc, doc_id="d", entities=names(doc, *actors))}


def test_an_act_that_no_named_actor_does_stays_uncoded() -> None:
    # "Crowds trashed its embassy." The act is there, but a coder can name no one who did it.
    crowds = coded(
        [
            ("Crowds", "crowd", "NOUN", "nsubj", 1),
            ("trashed", "trash", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3),
            ("embassy", "embassy", "NOUN", "dobj", 1),
        ],
        "its",
    )
    assert crowds["trashed"].type == "OTHER" and crowds["trashed"].cameo is None
    assert {p.text for p in crowds["trashed"].participants} == {"its"}
    # "Hamas trashed the embassy.": destroying property is coercion (CAMEO 1712), not an assault
    hamas = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("trashed", "trash", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("embassy", "embassy", "NOUN", "dobj", 1),
        ],
        "Hamas",
    )
    assert (hamas["trashed"].cameo, hamas["trashed"].type) == ("1712", "COERCE")


def test_an_act_only_asked_for_is_not_coded() -> None:
    # "Norland urged Westmark to withdraw.": the demand is the act; nobody has withdrawn
    events = coded(
        [
            ("Norland", "Norland", "PROPN", "nsubj", 1),
            ("urged", "urge", "VERB", "ROOT", 1),
            ("Westmark", "Westmark", "PROPN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("withdraw", "withdraw", "VERB", "xcomp", 1),
        ],
        "Norland",
        "Westmark",
    )
    assert events["urged"].type == "REQUEST"
    assert events["withdraw"].cameo is None and events["withdraw"].type == "OTHER"


def test_a_purpose_is_not_an_act_done() -> None:
    # "Norland signed an accord to supply Sudland.": the signing happened, the supplying is its content
    events = coded(
        [
            ("Norland", "Norland", "PROPN", "nsubj", 1),
            ("signed", "sign", "VERB", "ROOT", 1),
            ("an", "an", "DET", "det", 3),
            ("accord", "accord", "NOUN", "dobj", 1),
            ("to", "to", "PART", "aux", 5),
            ("supply", "supply", "VERB", "advcl", 1),
            ("Sudland", "Sudland", "PROPN", "dobj", 5),
        ],
        "Norland",
        "Sudland",
    )
    assert events["signed"].cameo == "057"
    assert events["accord"].cameo is None  # the object of the signing is no second act
    assert events["supply"].cameo is None


def test_a_promise_to_supply_is_one_intent_to_give_aid() -> None:
    # "Egypt promised to supply Gaza.": CAMEO 033, coded once, on the act promised (with its target)
    events = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("promised", "promise", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("supply", "supply", "VERB", "xcomp", 1),
            ("Gaza", "Gaza", "PROPN", "dobj", 3),
        ],
        "Egypt",
        "Gaza",
    )
    supply = events["supply"]
    assert (supply.cameo, supply.type, supply.quad_class) == ("033", "AID", 1)
    assert events["promised"].cameo is None


def test_a_promise_of_aid_is_coded_on_the_promise() -> None:
    # "Egypt promised aid to Gaza."
    events = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("promised", "promise", "VERB", "ROOT", 1),
            ("aid", "aid", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 1),
            ("Gaza", "Gaza", "PROPN", "pobj", 3),
        ],
        "Egypt",
        "Gaza",
    )
    assert (events["promised"].cameo, events["promised"].type) == ("033", "AID")
    assert events["aid"].cameo is None


def test_agreeing_to_a_ceasefire_and_threatening_sanctions_announce_those_acts() -> None:
    # "Hamas agreed to a ceasefire.": the codebook's intent to de-escalate (0356)
    agreed = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "ADP", "prep", 1),
            ("a", "a", "DET", "det", 4),
            ("ceasefire", "ceasefire", "NOUN", "pobj", 2),
        ],
        "Hamas",
    )
    assert (agreed["agreed"].cameo, agreed["agreed"].type) == ("0356", "CONCEDE")
    # "The US threatened Iran with sanctions.": a threat to sanction (1312), of type THREATEN
    threatened = coded(
        [
            ("US", "US", "PROPN", "nsubj", 1),
            ("threatened", "threaten", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "dobj", 1),
            ("with", "with", "ADP", "prep", 1),
            ("sanctions", "sanction", "NOUN", "pobj", 3),
        ],
        "US",
        "Iran",
    )
    assert (threatened["threatened"].cameo, threatened["threatened"].type) == ("1312", "THREATEN")


def test_a_threat_to_attack_is_a_threat_of_force() -> None:
    # "Hamas threatened to attack Israel.": CAMEO 138, and PLOVER keeps THREATEN
    events = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("attack", "attack", "VERB", "xcomp", 1),
            ("Israel", "Israel", "PROPN", "dobj", 3),
        ],
        "Hamas",
        "Israel",
    )
    attack = events["attack"]
    assert (attack.cameo, attack.type, attack.quad_class) == ("138", "THREATEN", 3)
    assert events["threatened"].cameo is None


def test_a_noun_is_the_act_only_after_a_light_verb() -> None:
    # "Hamas held talks with Egypt.": holding talks is consulting, done by Hamas
    held = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("talks", "talk", "NOUN", "dobj", 1),
            ("with", "with", "ADP", "prep", 2),
            ("Egypt", "Egypt", "PROPN", "pobj", 3),
        ],
        "Hamas",
        "Egypt",
    )
    assert held["talks"].type == "CONSULT" and held["held"].cameo is None
    # "Hamas reiterated its commitment.": stating one's commitment is the commitment (030)
    reiterated = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("reiterated", "reiterate", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3),
            ("commitment", "commitment", "NOUN", "dobj", 1),
        ],
        "Hamas",
    )
    assert (reiterated["commitment"].cameo, reiterated["commitment"].type) == ("030", "AGREE")
    # "Egypt condemned Israel's attack.": one act, the condemnation; the attack is what it is about
    condemned = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("condemned", "condemn", "VERB", "ROOT", 1),
            ("Israel", "Israel", "PROPN", "poss", 4),
            ("'s", "'s", "PART", "case", 2),
            ("attack", "attack", "NOUN", "dobj", 1),
        ],
        "Egypt",
        "Israel",
    )
    assert condemned["condemned"].cameo == "111"
    assert condemned["attack"].cameo is None
    assert {p.text for p in condemned["attack"].participants} == {"Israel"}  # still an event


def test_talks_to_come_are_an_intent_to_meet_and_a_possible_promise_is_none() -> None:
    # "Hamas will hold talks with Egypt.": future talks, the codebook's intent to meet (036)
    will = coded(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 2),
            ("will", "will", "AUX", "aux", 2),
            ("hold", "hold", "VERB", "ROOT", 2),
            ("talks", "talk", "NOUN", "dobj", 2),
            ("with", "with", "ADP", "prep", 3),
            ("Egypt", "Egypt", "PROPN", "pobj", 4),
        ],
        "Hamas",
        "Egypt",
    )
    assert (will["talks"].cameo, will["talks"].type) == ("036", "CONSULT")
    # "Egypt may promise aid.": a promise that may come is no promise yet
    may = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 2),
            ("may", "may", "AUX", "aux", 2),
            ("promise", "promise", "VERB", "ROOT", 2),
            ("aid", "aid", "NOUN", "dobj", 2),
        ],
        "Egypt",
    )
    assert may["promise"].cameo is None


def test_a_participle_that_describes_is_no_act_unless_it_names_the_doer() -> None:
    # "Egypt rejected the plan proposed by Lapid.": Lapid's proposal is an act of Lapid's
    proposed = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("rejected", "reject", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("plan", "plan", "NOUN", "dobj", 1),
            ("proposed", "propose", "VERB", "acl", 3),
            ("by", "by", "ADP", "agent", 4),
            ("Lapid", "Lapid", "PROPN", "pobj", 5),
        ],
        "Egypt",
        "Lapid",
    )
    assert proposed["rejected"].type == "REJECT"
    assert proposed["proposed"].type == "AGREE"
    # "Egypt criticized the troops occupying Gaza.": the occupying describes the troops
    occupying = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("criticized", "criticize", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("troops", "troop", "NOUN", "dobj", 1),
            ("occupying", "occupy", "VERB", "acl", 3),
            ("Gaza", "Gaza", "PROPN", "dobj", 4),
        ],
        "Egypt",
        "Gaza",
    )
    assert occupying["criticized"].cameo == "111"
    assert occupying["occupying"].cameo is None


def test_agreeing_that_is_an_intent_and_signing_is_an_agreement() -> None:
    # "Egypt and Qatar agree that talks should resume." (CAMEO 030) / "Egypt signed the treaty." (057)
    agree = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 3),
            ("and", "and", "CCONJ", "cc", 0),
            ("Qatar", "Qatar", "PROPN", "conj", 0),
            ("agree", "agree", "VERB", "ROOT", 3),
            ("that", "that", "SCONJ", "mark", 7),
            ("talks", "talk", "NOUN", "nsubj", 7),
            ("should", "should", "AUX", "aux", 7),
            ("resume", "resume", "VERB", "ccomp", 3),
        ],
        "Egypt",
        "Qatar",
    )
    assert (agree["agree"].cameo, agree["agree"].type) == ("030", "AGREE")
    signed = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 1),
            ("signed", "sign", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("treaty", "treaty", "NOUN", "dobj", 1),
        ],
        "Egypt",
    )
    assert signed["signed"].cameo == "057"


def test_a_possible_act_is_not_coded_but_a_reported_would_is_an_intent() -> None:
    # "Egypt may attack Gaza.": nothing was done
    may = coded(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 2),
            ("may", "may", "AUX", "aux", 2),
            ("attack", "attack", "VERB", "ROOT", 2),
            ("Gaza", "Gaza", "PROPN", "dobj", 2),
        ],
        "Egypt",
        "Gaza",
    )
    assert may["attack"].modality == "hypothetical" and may["attack"].cameo is None
    # "Qatar said it would mediate.": announced, the codebook's intent to mediate (039)
    said = coded(
        [
            ("Qatar", "Qatar", "PROPN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("it", "it", "PRON", "nsubj", 4),
            ("would", "would", "AUX", "aux", 4),
            ("mediate", "mediate", "VERB", "ccomp", 1),
        ],
        "Qatar",
        "it",
    )
    assert (said["mediate"].cameo, said["mediate"].type) == ("039", "CONSULT")
    # "Qatar said that if Egypt agreed, it would mediate.": a condition, not an announcement
    condition = coded(
        [
            ("Qatar", "Qatar", "PROPN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 8),
            ("if", "if", "SCONJ", "mark", 5),
            ("Egypt", "Egypt", "PROPN", "nsubj", 5),
            ("agreed", "agree", "VERB", "advcl", 8),
            ("it", "it", "PRON", "nsubj", 8),
            ("would", "would", "AUX", "aux", 8),
            ("mediate", "mediate", "VERB", "ccomp", 1),
        ],
        "Qatar",
        "Egypt",
        "it",
    )
    assert condition["mediate"].cameo is None and condition["agreed"].cameo is None


def test_a_lemma_the_model_got_wrong_is_found_from_the_word() -> None:
    # "Soldiers cordoned off the roads.": the model's lemma is "cordone"; the lexicon knows "cordon off"
    doc = parsed(
        [
            ("Soldiers", "soldier", "NOUN", "nsubj", 1),
            ("cordoned", "cordone", "VERB", "ROOT", 1),
            ("off", "off", "ADP", "prt", 1),
            ("the", "the", "DET", "det", 4),
            ("roads", "road", "NOUN", "dobj", 1),
            ("stopped", "stopp", "VERB", "conj", 1),
            ("zorbed", "zorbe", "VERB", "conj", 1),
        ]
    )
    lexicon = load_lexicon()
    assert lemma_of(doc[1], lexicon) == "cordon"
    assert (code := code_of(doc[1], lexicon)) is not None and code.type == "COERCE"
    assert lemma_of(doc[5], lexicon) == "stopp"  # "stop" is not in the lexicon: the guess stays
    assert lemma_of(doc[6], lexicon) == "zorbe" and code_of(doc[6], lexicon) is None


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "cameo"),
    [
        ("apologized", "apologize", None, "055"),  # 05 diplomatic cooperation, not a comment
        ("recognized", "recognize", None, "054"),  # grant diplomatic recognition
        ("shared", "share", "intelligence", "064"),
        ("arrested", "arrest", None, "173"),
        ("deported", "deport", None, "174"),
        ("kidnapped", "kidnap", None, "181"),  # an assault on persons, not coercion
        ("occupied", "occupy", None, "192"),
        ("fired", "fire", "shell", "194"),  # artillery
        ("lifted", "lift", "embargo", "085"),  # economic sanctions ...
        ("lifted", "lift", "curfew", "081"),  # ... and administrative ones
        ("released", "release", "prisoner", "0841"),
        ("released", "release", "album", None),  # releasing a product is no concession
        ("vetoed", "veto", None, "129"),
        ("violated", "violate", "ceasefire", "196"),  # a ceasefire violation is a use of force ...
        ("violated", "violate", "law", "128"),  # ... breaking a law defies it
        ("indicted", "indict", None, "173"),
        ("discussed", "discuss", None, "046"),  # discussions are treated as negotiations
    ],
)
def test_the_lexicon_follows_the_codebook(verb: str, lemma: str, obj: str | None, cameo: str | None) -> None:
    rows: Rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1)]
    if obj is not None:
        rows.append((obj + "s", obj, "NOUN", "dobj", 1))
    code = code_of(parsed(rows)[1], load_lexicon())
    assert (code.cameo if code else None) == cameo
