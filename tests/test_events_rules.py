"""Event rules on hand-built parses: no model needed, each sentence parsed as spaCy would."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from timeline.events.coding import code_of, load_lexicon, parse_lexicon
from timeline.events.find import find_events
from timeline.events.modality import modality_of
from timeline.events.triggers import is_nominalisation, is_trigger
from timeline.records import SOURCE, TARGET, Entity, Mention


def parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A Doc from (word, lemma, POS, dependency, head index) rows, with tags for verbs."""
    words = [r[0] for r in rows]
    tags = {"VERB": "VBD", "AUX": "VBZ", "NOUN": "NN", "PROPN": "NNP"}
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in ".,'s" for i in range(len(words))],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[tags.get(r[2], "XX") if r[3] != "relcl" else "VBN" for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )


def names(doc: Doc, *words: str) -> tuple[Entity, ...]:
    """One actor per named word, its mention the word itself."""
    found = []
    for tok in doc:
        if tok.text in words:
            mention = Mention("d", tok.idx, tok.idx + len(tok.text), tok.text)
            found.append(Entity(f"K:{tok.text}", tok.text, "GPE", (mention,)))
    return tuple(found)


def roles(doc: Doc, entities: tuple[Entity, ...], trigger: str) -> set[tuple[str, str]]:
    events = find_events(doc, doc_id="d", entities=entities)
    event = next(e for e in events if e.trigger.text == trigger)
    return {(p.text, p.role) for p in event.participants}


def test_coordinated_subjects_both_reject_the_proposal() -> None:
    # "Hamas and Egypt rejected Israel's proposal."
    doc = parsed(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 3),
            ("and", "and", "CCONJ", "cc", 0),
            ("Egypt", "Egypt", "PROPN", "conj", 0),
            ("rejected", "reject", "VERB", "ROOT", 3),
            ("Israel", "Israel", "PROPN", "poss", 6),
            ("'s", "'s", "PART", "case", 4),
            ("proposal", "proposal", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    entities = names(doc, "Hamas", "Egypt", "Israel")
    # the proposal rejected is Israel's: Israel is on the receiving end
    assert roles(doc, entities, "rejected") == {("Hamas", SOURCE), ("Egypt", SOURCE), ("Israel", TARGET)}
    # the nominal event: Israel's proposal, with Israel as its source
    assert roles(doc, entities, "proposal") == {("Israel", SOURCE)}
    rejected = next(
        e for e in find_events(doc, doc_id="d", entities=entities) if e.trigger.text == "rejected"
    )
    assert (rejected.type, rejected.cameo, rejected.quad_class) == ("REJECT", "120", 3)


def test_passive_agent_is_the_source_and_subject_the_target() -> None:
    # "Israel was accused by Hamas."
    doc = parsed(
        [
            ("Israel", "Israel", "PROPN", "nsubjpass", 2),
            ("was", "be", "AUX", "auxpass", 2),
            ("accused", "accuse", "VERB", "ROOT", 2),
            ("by", "by", "ADP", "agent", 2),
            ("Hamas", "Hamas", "PROPN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    entities = names(doc, "Israel", "Hamas")
    assert roles(doc, entities, "accused") == {("Hamas", SOURCE), ("Israel", TARGET)}
    assert [e.trigger.text for e in find_events(doc, doc_id="d", entities=entities)] == ["accused"]


def test_relative_clause_takes_its_subject_from_the_noun_it_hangs_on() -> None:
    # "Egypt, which rejected the plan, met Qatar."
    doc = parsed(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 7),
            (",", ",", "PUNCT", "punct", 0),
            ("which", "which", "PRON", "nsubj", 3),
            ("rejected", "reject", "VERB", "relcl", 0),
            ("the", "the", "DET", "det", 5),
            ("plan", "plan", "NOUN", "dobj", 3),
            (",", ",", "PUNCT", "punct", 0),
            ("met", "meet", "VERB", "ROOT", 7),
            ("Qatar", "Qatar", "PROPN", "dobj", 7),
            (".", ".", "PUNCT", "punct", 7),
        ]
    )
    entities = names(doc, "Egypt", "Qatar")
    assert roles(doc, entities, "rejected") == {("Egypt", SOURCE)}
    assert roles(doc, entities, "met") == {("Egypt", SOURCE), ("Qatar", TARGET)}


def test_object_control_the_urged_one_responds() -> None:
    # "Norland urged Westmark to respond."
    doc = parsed(
        [
            ("Norland", "Norland", "PROPN", "nsubj", 1),
            ("urged", "urge", "VERB", "ROOT", 1),
            ("Westmark", "Westmark", "PROPN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("respond", "respond", "VERB", "xcomp", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    entities = names(doc, "Norland", "Westmark")
    assert roles(doc, entities, "respond") == {("Westmark", SOURCE)}
    urged = next(e for e in find_events(doc, doc_id="d", entities=entities) if e.trigger.text == "urged")
    assert urged.type == "REQUEST" and urged.cameo is not None and urged.cameo.startswith("10")


def test_did_not_agree_is_negated_and_not_an_agreement() -> None:
    # "Egypt did not agree."
    doc = parsed(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 3),
            ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("agree", "agree", "VERB", "ROOT", 3),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    (event,) = find_events(doc, doc_id="d", entities=names(doc, "Egypt"))
    assert event.negated and event.modality == "negated"
    assert event.type == "OTHER" and event.cameo is None


@pytest.mark.parametrize(
    ("rows", "trigger", "modality"),
    [
        # "Egypt will meet Qatar."
        (
            [
                ("Egypt", "Egypt", "PROPN", "nsubj", 2),
                ("will", "will", "AUX", "aux", 2),
                ("meet", "meet", "VERB", "ROOT", 2),
                ("Qatar", "Qatar", "PROPN", "dobj", 2),
            ],
            2,
            "future",
        ),
        # "Egypt may meet Qatar."
        (
            [
                ("Egypt", "Egypt", "PROPN", "nsubj", 2),
                ("may", "may", "AUX", "aux", 2),
                ("meet", "meet", "VERB", "ROOT", 2),
                ("Qatar", "Qatar", "PROPN", "dobj", 2),
            ],
            2,
            "hypothetical",
        ),
        # "He said Israel violated the deal."
        (
            [
                ("He", "he", "PRON", "nsubj", 1),
                ("said", "say", "VERB", "ROOT", 1),
                ("Israel", "Israel", "PROPN", "nsubj", 3),
                ("violated", "violate", "VERB", "ccomp", 1),
                ("the", "the", "DET", "det", 5),
                ("deal", "deal", "NOUN", "dobj", 3),
            ],
            3,
            "reported",
        ),
        # "The mediator failed to persuade Israel."
        (
            [
                ("The", "the", "DET", "det", 1),
                ("mediator", "mediator", "NOUN", "nsubj", 2),
                ("failed", "fail", "VERB", "ROOT", 2),
                ("to", "to", "PART", "aux", 4),
                ("persuade", "persuade", "VERB", "xcomp", 2),
                ("Israel", "Israel", "PROPN", "dobj", 4),
            ],
            4,
            "negated",
        ),
    ],
)
def test_modality(rows: list[tuple[str, str, str, str, int]], trigger: int, modality: str) -> None:
    doc = parsed(rows)
    assert modality_of(doc[trigger])[0] == modality


def test_reported_speech_yields_the_report_and_the_reported_event() -> None:
    # "He said Israel violated the agreement": the saying, by him; the violation, by Israel, reported.
    doc = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("Israel", "Israel", "PROPN", "nsubj", 3),
            ("violated", "violate", "VERB", "ccomp", 1),
            ("the", "the", "DET", "det", 5),
            ("agreement", "agreement", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    he = Entity("K:he", "Abbas", "PERSON", (Mention("d", 0, 2, "He", "pronoun"),))
    entities = (he, *names(doc, "Israel"))
    events = {e.trigger.text: e for e in find_events(doc, doc_id="d", entities=entities)}
    assert set(events) == {"said", "violated", "agreement"}
    assert {(p.text, p.role) for p in events["said"].participants} == {("He", SOURCE)}
    assert events["said"].modality == "asserted"
    assert {(p.text, p.role) for p in events["violated"].participants} == {("Israel", SOURCE)}
    assert events["violated"].modality == "reported"


def test_lexicon_generalises_through_particles_objects_and_inflection() -> None:
    lexicon = parse_lexicon("087\tRETREAT\twithdraw, pull out\n064\tCOOPERATE\trestore +tie\n")
    # "Troops pulled out."
    doc = parsed(
        [
            ("Troops", "troop", "NOUN", "nsubj", 1),
            ("pulled", "pull", "VERB", "ROOT", 1),
            ("out", "out", "ADP", "prt", 1),
        ]
    )
    code = code_of(doc[1], lexicon)
    assert code is not None and (code.cameo, code.type, code.quad_class) == ("087", "RETREAT", 2)
    # "Norland restores ties" codes 064; "Norland restores order" is not in the lexicon
    doc = parsed(
        [
            ("Norland", "Norland", "PROPN", "nsubj", 1),
            ("restores", "restore", "VERB", "ROOT", 1),
            ("ties", "tie", "NOUN", "dobj", 1),
        ]
    )
    assert (code := code_of(doc[1], lexicon)) is not None and code.cameo == "064"
    doc = parsed(
        [
            ("Norland", "Norland", "PROPN", "nsubj", 1),
            ("restores", "restore", "VERB", "ROOT", 1),
            ("order", "order", "NOUN", "dobj", 1),
        ]
    )
    assert code_of(doc[1], lexicon) is None


def test_shipped_lexicon_reads_and_every_code_has_a_known_root() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) > 300
    for code in (*lexicon.lemmas.values(), *lexicon.particles.values(), *lexicon.objects.values()):
        assert 1 <= int(code.cameo[:2]) <= 20
        assert code.quad_class in (1, 2, 3, 4)
        assert -10 <= code.goldstein <= 10


def test_bad_lexicon_line_names_the_line() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_lexicon("99\t-\tfrobnicate\n")


def test_nominal_triggers() -> None:
    assert is_nominalisation("integration") and is_nominalisation("settlement")
    assert not is_nominalisation("government") and not is_nominalisation("station")
    # "the merger" and "talks" name events; "the phone" does not
    doc = parsed(
        [
            ("the", "the", "DET", "det", 1),
            ("merger", "merger", "NOUN", "ROOT", 1),
            ("talks", "talk", "NOUN", "conj", 1),
            ("phone", "phone", "NOUN", "conj", 1),
        ]
    )
    lexicon = load_lexicon()
    assert [is_trigger(t, lexicon) for t in doc] == [False, True, True, False]


def test_participial_clause_the_noun_is_what_was_acted_on() -> None:
    # "the phone made by Apple": Apple made it, the phone was made
    doc = parsed(
        [
            ("Samsung", "Samsung", "PROPN", "nsubj", 1),
            ("sued", "sue", "VERB", "ROOT", 1),
            ("iPhone", "iPhone", "PROPN", "dobj", 1),
            ("made", "make", "VERB", "acl", 2),
            ("by", "by", "ADP", "agent", 3),
            ("Apple", "Apple", "PROPN", "pobj", 4),
        ]
    )
    doc[3].tag_ = "VBN"
    entities = names(doc, "Samsung", "iPhone", "Apple")
    assert roles(doc, entities, "made") == {("Apple", SOURCE), ("iPhone", TARGET)}
    sued = next(e for e in find_events(doc, doc_id="d", entities=entities) if e.trigger.text == "sued")
    assert (sued.type, sued.cameo) == ("ACCUSE", "115")


def test_an_announced_meeting_is_coded_as_intent_and_keeps_its_type() -> None:
    # "Egypt will meet Qatar." CAMEO codes the announcement (036); PLOVER keeps CONSULT, mode future.
    doc = parsed(
        [
            ("Egypt", "Egypt", "PROPN", "nsubj", 2),
            ("will", "will", "AUX", "aux", 2),
            ("meet", "meet", "VERB", "ROOT", 2),
            ("Qatar", "Qatar", "PROPN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    (event,) = find_events(doc, doc_id="d", entities=names(doc, "Egypt", "Qatar"))
    assert (event.cameo, event.type, event.modality, event.quad_class) == ("036", "CONSULT", "future", 1)


def test_by_doing_the_doer_of_the_main_verb_does_it() -> None:
    # "Jobs unveiled the phone by walking onto the stage."
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("unveiled", "unveil", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("phone", "phone", "NOUN", "dobj", 1),
            ("by", "by", "ADP", "prep", 1),
            ("walking", "walk", "VERB", "pcomp", 4),
            ("onto", "onto", "ADP", "prep", 5),
            ("the", "the", "DET", "det", 8),
            ("stage", "stage", "NOUN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert roles(doc, names(doc, "Jobs"), "walking") == {("Jobs", SOURCE)}


def test_demonstrating_a_phone_is_no_protest_and_things_do_not_act() -> None:
    # "Apple demonstrated iOS." / "Crowds demonstrated." / "iOS supports Exchange."
    shown = parsed(
        [
            ("Apple", "Apple", "PROPN", "nsubj", 1),
            ("demonstrated", "demonstrate", "VERB", "ROOT", 1),
            ("iOS", "iOS", "PROPN", "dobj", 1),
        ]
    )
    lexicon = load_lexicon()
    assert code_of(shown[1], lexicon) is None
    marched = parsed(
        [("Crowds", "crowd", "NOUN", "nsubj", 1), ("demonstrated", "demonstrate", "VERB", "ROOT", 1)]
    )
    assert (code := code_of(marched[1], lexicon)) is not None and code.type == "PROTEST"
    doc = parsed(
        [
            ("iOS", "iOS", "PROPN", "nsubj", 1),
            ("supports", "support", "VERB", "ROOT", 1),
            ("Exchange", "Exchange", "PROPN", "dobj", 1),
        ]
    )
    ios = Entity("K:iOS", "iOS", "PRODUCT", (Mention("d", 0, 3, "iOS"),))
    exchange = Entity("K:Ex", "Exchange", "PRODUCT", (Mention("d", 13, 21, "Exchange"),))
    (event,) = find_events(doc, doc_id="d", entities=(ios, exchange))
    assert {p.text for p in event.participants} == {"iOS", "Exchange"}
    assert event.type == "OTHER" and event.cameo is None


def test_a_named_conference_is_an_event_but_not_its_own_participant() -> None:
    # "Jobs spoke at the Developers Conference."
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("spoke", "speak", "VERB", "ROOT", 1),
            ("at", "at", "ADP", "prep", 1),
            ("the", "the", "DET", "det", 5),
            ("Developers", "Developers", "PROPN", "compound", 5),
            ("Conference", "Conference", "PROPN", "pobj", 2),
        ]
    )
    conference = Entity(
        "K:WWDC", "Developers Conference", "ORG", (Mention("d", 14, 39, "the Developers Conference"),)
    )
    events = {
        e.trigger.text: e for e in find_events(doc, doc_id="d", entities=(*names(doc, "Jobs"), conference))
    }
    assert set(events) == {"spoke", "Conference"}
    assert events["Conference"].participants == ()
    assert {p.text for p in events["spoke"].participants} == {"Jobs", "the Developers Conference"}


def test_fighting_cancer_is_no_assault() -> None:
    # "Jobs fought cancer." / "Hamas fought Fatah."
    lexicon = load_lexicon()
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("fought", "fight", "VERB", "ROOT", 1),
            ("cancer", "cancer", "NOUN", "dobj", 1),
        ]
    )
    assert code_of(doc[1], lexicon) is None
    doc = parsed(
        [
            ("Hamas", "Hamas", "PROPN", "nsubj", 1),
            ("fought", "fight", "VERB", "ROOT", 1),
            ("Fatah", "Fatah", "PROPN", "dobj", 1),
        ]
    )
    assert (code := code_of(doc[1], lexicon)) is not None and code.type == "ASSAULT"
