"""Grammatical events on hand-built parses: which words only serve another event beside them."""

from __future__ import annotations

from spacy.tokens import Doc

from timeline.events.grammatical import is_grammatical, leading_verb

from .test_events_rules import parsed


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_gave_is_only_the_support_of_the_keynote() -> None:
    # "Jobs gave his keynote."
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("gave", "give", "VERB", "ROOT", 1),
            ("his", "his", "PRON", "poss", 3),
            ("keynote", "keynote", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    events = {_token(doc, "gave"), _token(doc, "keynote")}
    assert is_grammatical(doc[1], events)
    assert not is_grammatical(doc[3], events)


def test_gave_with_an_object_that_is_no_event_is_an_act_of_its_own() -> None:
    # "Jobs gave the phone." (the phone is not among the events)
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("gave", "give", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("phone", "phone", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert not is_grammatical(doc[1], {1})


def test_a_copula_is_always_grammatical() -> None:
    # "The store is open."
    doc = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("store", "store", "NOUN", "nsubj", 2),
            ("is", "be", "AUX", "ROOT", 2),
            ("open", "open", "ADJ", "acomp", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    assert is_grammatical(doc[2], {2})


def test_began_serves_the_sales_but_ending_a_partnership_is_an_act() -> None:
    # "Sales began." / "Apple ended the partnership."
    began = parsed([("Sales", "sale", "NOUN", "nsubj", 1), ("began", "begin", "VERB", "ROOT", 1)])
    assert is_grammatical(began[1], {0, 1})
    ended = parsed(
        [
            ("Apple", "Apple", "PROPN", "nsubj", 1),
            ("ended", "end", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("partnership", "partnership", "NOUN", "dobj", 1),
        ]
    )
    assert not is_grammatical(ended[1], {1, 3})


def test_attempted_leads_into_address_which_happens_when_it_does() -> None:
    # "Jobs attempted to address the issue."
    doc = parsed(
        [
            ("Jobs", "Jobs", "PROPN", "nsubj", 1),
            ("attempted", "attempt", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("address", "address", "VERB", "xcomp", 1),
            ("the", "the", "DET", "det", 5),
            ("issue", "issue", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert is_grammatical(doc[1], {1, 3})
    lead = leading_verb(doc[3])
    assert lead is not None and lead.i == 1
    assert leading_verb(doc[1]) is None


def test_prompting_leads_through_its_object_into_the_suit() -> None:
    # "..., prompting Apple Corps to file suit." as spaCy hangs the complement on the object
    doc = parsed(
        [
            ("prompting", "prompt", "VERB", "ROOT", 0),
            ("Corps", "Corps", "PROPN", "dobj", 0),
            ("to", "to", "PART", "aux", 3),
            ("file", "file", "VERB", "ccomp", 1),
            ("suit", "suit", "NOUN", "dobj", 3),
        ]
    )
    assert is_grammatical(doc[0], {0, 3})
    assert not is_grammatical(doc[0], {0})  # nothing to lead into: an act of its own
