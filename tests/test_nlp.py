"""The spaCy stage: sentences end at line breaks, and long articles are parsed in pieces, offsets intact."""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.util import compile_infix_regex

from timeline.errors import ModelNotFound
from timeline.model import MODEL, model_name
from timeline.nlp import BARE_TOKENIZER, _pieces, parse, prefixed_word_infixes


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Apple releases iPhone SDK\nMarch 06, 2008\nApple released the kit on Thursday.")
    assert [s.text for s in doc.sents] == [
        "Apple releases iPhone SDK\n",
        "March 06, 2008\n",
        "Apple released the kit on Thursday.",
    ]


def test_pieces_join_back_to_the_text_and_cut_at_line_breaks_then_spaces() -> None:
    text = "Egypt rejected it.\n" * 3 + "x" * 50
    pieces = [piece for *_, piece in _pieces(text, size=25)]
    assert "".join(pieces) == text
    assert pieces[:3] == ["Egypt rejected it.\n"] * 3
    assert all(len(p) <= 25 for p in pieces)


def test_an_article_longer_than_a_piece_keeps_every_offset(nlp: Language) -> None:
    sentence = "Egypt rejected Israel's proposal on Tuesday. "
    text = sentence * 2500 + "\nHamas accused Benjamin Netanyahu."  # about 112,000 characters
    [(doc, context)] = list(parse(nlp, [(text, "long")]))
    assert context == "long"
    assert doc.text == text
    last = [e for e in doc.ents if e.text == "Benjamin Netanyahu"]
    assert [text[e.start_char : e.end_char] for e in last] == ["Benjamin Netanyahu"]
    assert last[0].start_char == len(sentence) * 2500 + len("\nHamas accused ")


def test_a_word_with_a_bound_prefix_stays_one_word(nlp: Language) -> None:
    doc = nlp(
        "Zorblax Co-founder Jim Brown sent an e-mail about the re-designs of a two-year-old long-awaited phone."
    )
    words = [t.text for t in doc]
    assert {"Co-founder", "e-mail", "re-designs"} <= set(words)
    # other hyphenated words are split as spaCy splits them: "two-year" is a number and a unit
    assert words[words.index("two") : words.index("two") + 3] == ["two", "-", "year"]
    assert "long-awaited" not in words


def test_the_model_is_named_from_its_package_as_when_loaded(nlp: Language) -> None:
    # the cache's key names the model before any article needs it loaded
    assert model_name() == model_name(nlp) == f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
    with pytest.raises(ModelNotFound):
        model_name(name="no_such_model_installed")


def test_the_tokenizer_read_from_the_models_files_alone_is_the_one_spacy_makes() -> None:
    # spaCy's, its infixes replaced once loaded (every special case is made again then)
    made, read = spacy.load(MODEL).tokenizer, spacy.load(MODEL, config=BARE_TOKENIZER).tokenizer
    infixes = prefixed_word_infixes(English.Defaults.infixes)
    assert infixes is not None
    made.infix_finditer = compile_infix_regex(infixes).finditer
    assert read.to_bytes() == made.to_bytes()
    text = "Apple's co-founder met U.S. officials in Calif. at 10 a.m. :) http://apple.com, e-mail"
    assert [t.text for t in read(text)] == [t.text for t in made(text)]
