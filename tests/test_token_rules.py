"""The memoised attribute ruler and lemmatizer give every token exactly what the stock components give."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from timeline.model import MODEL
from timeline.token_rules import MemoAttributeRuler, MemoLemmatizer, use_memoised_rules

ANNOTATIONS = [POS, TAG, DEP, HEAD, LEMMA, MORPH]

#: the model's exceptions and its patterns of several tokens ("gon na", "let 's", "y' all", "There 's")
SENTENCES = (
    "We're gonna win, y'all. Let's go! There's no way he ain't coming, and there are more.\n"
    "I can't say. Nothin' works. C'mon, you gotta see it. She gave it to me and I told you.\n"
    "Do you have it? Have you done it? He has had it, did he not? What's that? I'm here; they've left.\n"
    "Egypt's foreign minister said on Tuesday that talks with Israel would resume if the truce held."
)


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy ships it, with the same sentence rule as the build's."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("line_sentences", before="parser")
    return nlp


def _annotations(doc: Doc) -> tuple[numpy.ndarray, list[str], list[str]]:
    return doc.to_array(ANNOTATIONS), [str(t.morph) for t in doc], [t.lemma_ for t in doc]


def test_the_build_runs_the_memoised_components_under_the_stock_names(nlp: Language, stock: Language) -> None:
    assert nlp.pipe_names == stock.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)


def test_every_token_gets_what_the_stock_components_give(nlp: Language, stock: Language) -> None:
    mine, theirs = nlp(SENTENCES), stock(SENTENCES)
    assert [t.text for t in mine] == [t.text for t in theirs]
    got, want = _annotations(mine), _annotations(theirs)
    assert numpy.array_equal(got[0], want[0])
    assert got[1:] == want[1:]
    # the several-token patterns did fire: "gon na" is "go to", "ai n't" is "be not"
    lemmas = {t.text: t.lemma_ for t in mine}
    assert (lemmas["gon"], lemmas["na"], lemmas["ai"]) == ("go", "to", "be")


def test_real_articles_are_annotated_as_the_stock_components_annotate_them(
    nlp: Language, stock: Language, shared: Path
) -> None:
    with (shared / "data" / "dev" / "petrarch-even.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()][:40]
    for mine, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        got, want = _annotations(mine), _annotations(theirs)
        assert numpy.array_equal(got[0], want[0])
        assert got[1:] == want[1:]


def _ruler(nlp: Language) -> AttributeRuler:
    """A small ruler whose patterns overlap: later ones override earlier ones, and patterns of
    several tokens set their first or last token."""
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "VB"}], [{"TAG": "VBZ"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": "it", "TAG": "NN"}]], {"POS": "PRON", "LEMMA": "it"})
    ruler.add([[{"LOWER": {"IN": ["a", "the"]}, "DEP": {"NOT_IN": ["nsubj", ""]}}]], {"POS": "DET"})
    ruler.add([[{"LOWER": {"REGEX": "^ha"}}]], {"LEMMA": "have"})
    ruler.add([[{"LOWER": "go"}, {"LOWER": "it"}]], {"LEMMA": "go-it", "POS": "X"}, index=-1)
    ruler.add([[{"LOWER": "the"}, {"TAG": "NN"}, {"LOWER": "has"}]], {"MORPH": "Definite=Def"}, index=0)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "TAG": "_SP"})
    return ruler


WORDS = st.sampled_from(["it", "go", "the", "a", "has", "had", "Go", "It", "cat", "\n"])
TAGS = st.sampled_from(["NN", "VB", "VBZ", "DT", ""])
DEPS = st.sampled_from(["nsubj", "dobj", "det", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, TAGS, DEPS), min_size=1, max_size=12))
def test_the_memoised_ruler_sets_what_the_stock_ruler_sets(tokens: list[tuple[str, str, str]]) -> None:
    nlp = spacy.blank("en")
    stock = _ruler(nlp)
    memo = MemoAttributeRuler(stock)
    words, tags, deps = (list(column) for column in zip(*tokens, strict=True))

    def doc() -> Doc:
        return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))

    assert numpy.array_equal(memo(doc()).to_array(ANNOTATIONS), stock(doc()).to_array(ANNOTATIONS))


def test_a_pattern_it_cannot_evaluate_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = _ruler(nlp)
    ruler.add([[{"LOWER": "go"}, {"LOWER": "it", "OP": "?"}]], {"LEMMA": "go"})
    use_memoised_rules(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
