"""The spaCy stage: load the model once and parse articles in batches.

Articles longer than :data:`PIECE` characters are parsed in pieces cut at line breaks (else at spaces)
and joined back into one ``Doc`` whose text, and so every offset, is exactly the article's.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import spacy
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, from_bytes, registry

from .errors import ModelNotFound
from .model import MODEL
from .token_rules import use_memoised_rules

log = logging.getLogger(__name__)

PIECE = 100_000  # characters: well under spaCy's max_length, and cheap on memory for the parser

T = TypeVar("T")

#: Prefixes that are no words of their own: a word written with one and a hyphen is one word
#: ("co-founder", "re-designs", "e-mail"), which the parser reads as a noun, not as three.
BOUND_PREFIXES = ("anti", "co", "e", "ex", "non", "pre", "re")


#: The configuration that loads a pipeline's tokenizer from its files alone (see :func:`bare_tokenizer`).
BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "timeline.bare_tokenizer.v1"}}}


@functools.cache
def load_model(name: str = MODEL) -> Language:
    """Load the spaCy pipeline by name, once per process; callers pass it on to the stages. Its
    tokenizer is read from its files alone (:func:`bare_tokenizer`).

    A line break always ends a sentence: a headline or a dateline is not the start of the first sentence.
    The rule-based components run memoised (:mod:`.token_rules`): the same annotations, faster.
    """
    try:
        nlp = spacy.load(name, config=BARE_TOKENIZER)
    except OSError as err:
        raise ModelNotFound(name) from err
    use_memoised_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    return nlp


def bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules but its infixes (:func:`prefixed_word_infixes`), for a pipeline loaded
    from its files, which hold its tokenizer's other rules: spaCy's default tokenizer makes its
    language's rules and special cases only for the files' to replace them, a sixth of a second of
    each load (see :func:`load_model`)."""

    def make(nlp: Language) -> Tokenizer:
        infixes = prefixed_word_infixes(nlp.Defaults.infixes or ())
        if infixes is None:  # another spaCy's rules: the files' as they are
            return Tokenizer(nlp.vocab)
        return _OwnInfixes(nlp.vocab, infix_finditer=compile_infix_regex(infixes).finditer)

    return make


registry.tokenizers.register("timeline.bare_tokenizer.v1", func=bare_tokenizer)


def prefixed_word_infixes(rules: Sequence[str | re.Pattern[str]]) -> list[str | re.Pattern[str]] | None:
    """spaCy's infix ``rules``, splitting words at a hyphen as spaCy does ("long-awaited", "two-year"),
    except after a bound prefix ("co-founder"): the small model tags "co" and "-" as nouns of their
    own and parses "Apple co-founder Steve Jobs" as three subjects. None for rules without spaCy's
    hyphen rule."""
    hyphen_rule = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"
    if hyphen_rule not in rules:
        return None
    not_after_prefix = "".join(rf"(?<!\b[{p[0].upper()}{p[0]}]{p[1:]})" for p in BOUND_PREFIXES)
    return [rule for rule in rules if rule != hyphen_rule] + [
        rf"(?<=[0-9])(?:{HYPHENS})(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}]){not_after_prefix}(?:{HYPHENS})(?=[{ALPHA}])",
    ]


class _OwnInfixes(Tokenizer):  # type: ignore[misc]
    """A tokenizer that reads from a pipeline's files every rule but its infixes, which it keeps. The
    special cases are read last, with the infixes already in place: set after them, the infixes
    would have every special case (2,700 for English) made again, a tenth of a second."""

    infix_finditer: Callable[[str], Iterator[re.Match[str]]] | None

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Tokenizer:
        infixes = self.infix_finditer
        super().from_bytes(data, exclude=[*exclude, "infix_finditer", "exceptions"])
        self.infix_finditer = infixes  # no special case yet: nothing made again
        if "exceptions" not in exclude:
            from_bytes(data, {"exceptions": self._set_rules}, ())
        return self

    def _set_rules(self, rules: object) -> None:
        if isinstance(rules, dict):  # as spaCy reads them
            self.rules = rules


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
