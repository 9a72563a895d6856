"""The model's rule-based token components, run memoised: same annotations, a fraction of the time.

spaCy's ``attribute_ruler`` runs a Matcher of some 180 patterns over every token, and its rule
``lemmatizer`` works each token out again; together they take about a fifth of the parsing time.
Yet what both give a token depends only on a few of its attributes (its lower-case form, tag and
dependency label; its text, part of speech and morphology), which repeat from article to article.
So each distinct combination is worked out once per process, with the stock component's own patterns
and rules, and then set on every token that has it. The annotations are exactly the stock ones
(``tests/test_token_rules.py`` compares them token by token); a pattern this module cannot evaluate
keeps the stock component.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

#: what a single-token pattern may test, in the order of :data:`_KEY_ATTRS`
_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_KEY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]

Test = tuple[int, Callable[[Any], bool]]  # (field, test of the field's value)
Label = int | tuple[int, int]  # a one-token pattern's number, or (p, k): token k of several-token pattern p
#: what the patterns make of a token: the one-token patterns it matches, what they set, the
#: several-token patterns it starts, and the (p, k) it fits
Found = tuple[tuple[int, ...], dict[Any, Any], tuple[int, ...], frozenset[tuple[int, int]]]


class Unsupported(ValueError):
    """A pattern uses something this module does not evaluate: the stock component is kept."""


def use_memoised_rules(nlp: Language) -> None:
    """Put the memoised attribute ruler and lemmatizer in place of the stock ones, under the same
    names; a component that cannot be memoised is left as it is."""
    for stock, factory in (("attribute_ruler", "memo_attribute_ruler"), ("lemmatizer", "memo_lemmatizer")):
        if stock not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(factory, name=f"{stock}_memo", after=stock, config={"source": stock})
        except Unsupported as err:
            log.debug("keeping the stock %s: %s", stock, err)
            continue
        nlp.remove_pipe(stock)
        nlp.rename_pipe(f"{stock}_memo", stock)


@Language.factory("memo_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_memo_attribute_ruler(nlp: Language, name: str, source: str) -> MemoAttributeRuler:
    stock = nlp.get_pipe(source)
    if not isinstance(stock, AttributeRuler):
        raise Unsupported(f"{source} is not an AttributeRuler")
    return MemoAttributeRuler(stock)


@Language.factory("memo_lemmatizer", default_config={"source": "lemmatizer"})
def make_memo_lemmatizer(nlp: Language, name: str, source: str) -> MemoLemmatizer:
    stock = nlp.get_pipe(source)
    if not isinstance(stock, Lemmatizer) or stock.mode not in ("rule", "lookup"):
        raise Unsupported(f"{source} is not a rule or lookup lemmatizer")
    return MemoLemmatizer(stock)


class MemoAttributeRuler:
    """spaCy's AttributeRuler, with what its patterns make of a token kept per distinct (lower-case
    form, tag, dependency label, is-space) of the token: all that the patterns test.

    As in the stock component, every match sets its attributes on its token in the order the
    patterns were added, so a later pattern overrides an earlier one. A pattern of several tokens
    ("gon na") matches where each of its tokens does, in a row.
    """

    def __init__(self, stock: AttributeRuler) -> None:
        self.vocab = stock.vocab
        self._attrs: list[dict[Any, Any]] = stock.attrs
        self._indices: list[int] = stock.indices
        if any("_" in attrs for attrs in self._attrs):
            raise Unsupported("a pattern sets extension attributes")
        # each token of each pattern: labelled with the pattern's number (one-token patterns) or
        # with (p, k), token k of several-token pattern p; filed by the word or tag it asks for
        self._by_lower: dict[str, list[tuple[Label, list[Test]]]] = {}
        self._by_tag: dict[str, list[tuple[Label, list[Test]]]] = {}
        self._others: list[tuple[Label, list[Test]]] = []
        self._longer: list[tuple[int, int]] = []  # (pattern number, length) of several-token patterns
        for number, entry in enumerate(stock.patterns):
            patterns: list[list[dict[str, Any]]] = cast(Any, entry["patterns"])
            for pattern in patterns:
                if len(pattern) == 1 and self._indices[number] not in (0, -1):
                    raise Unsupported(f"pattern {number} sets token {self._indices[number]} of one")
                if len(pattern) == 1:
                    self._file(number, pattern[0])
                    continue
                if not len(pattern) > self._indices[number] >= -len(pattern):
                    raise Unsupported(f"pattern {number} sets a token it does not have")
                for k, token in enumerate(pattern):
                    self._file((len(self._longer), k), token)
                self._longer.append((number, len(pattern)))
        self._memo: dict[tuple[int, ...], Found] = {}

    def _file(self, label: Label, token: dict[str, Any]) -> None:
        tests = [test for name, value in token.items() for test in _tests(name, value)]
        lower, tag = token.get("LOWER"), token.get("TAG")
        if isinstance(lower, str):
            self._by_lower.setdefault(lower, []).append((label, tests))
        elif isinstance(tag, str):
            self._by_tag.setdefault(tag, []).append((label, tests))
        else:
            self._others.append((label, tests))

    def __call__(self, doc: Doc) -> Doc:
        memo = self._memo
        found = [
            memo.get(key) or self._work_out(key) for key in map(tuple, doc.to_array(_KEY_ATTRS).tolist())
        ]
        longer = self._longer_matches(found)
        for i, (numbers, attrs, _, _) in enumerate(found):
            if i in longer:
                # as the stock ruler does: every match in pattern order, then position
                matches = sorted([(n, i, i + 1) for n in numbers] + longer[i])
                token = doc[i]
                for number, _, _ in matches:
                    set_token_attrs(token, self._attrs[number])
            elif attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _longer_matches(self, found: list[Found]) -> dict[int, list[tuple[int, int, int]]]:
        """The token each match of a several-token pattern sets, with (pattern number, start, end)."""
        matches: dict[int, list[tuple[int, int, int]]] = {}
        for start, (_, _, starts, _) in enumerate(found):
            for p in starts:
                number, length = self._longer[p]
                end = start + length
                if end <= len(found) and all((p, k) in found[start + k][3] for k in range(1, length)):
                    index = self._indices[number]
                    matches.setdefault((start if index >= 0 else end) + index, []).append(
                        (number, start, end)
                    )
        return matches

    def _work_out(self, key: tuple[int, ...]) -> Found:
        """What a token with this key matches: the one-token patterns (their numbers, and what they
        set, later ones winning), the several-token patterns it can start, and every token of those
        it fits."""
        strings = self.vocab.strings
        values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        candidates = (
            *self._by_lower.get(values[0], ()),
            *self._by_tag.get(values[1], ()),
            *self._others,
        )
        labels = [label for label, tests in candidates if all(test(values[f]) for f, test in tests)]
        numbers = sorted({label for label in labels if isinstance(label, int)})
        fits = frozenset(label for label in labels if isinstance(label, tuple))
        attrs: dict[Any, Any] = {}
        for number in numbers:
            attrs.update(self._attrs[number])
        found = self._memo[key] = (tuple(numbers), attrs, tuple(sorted(p for p, k in fits if k == 0)), fits)
        return found


def _tests(name: str, value: Any) -> list[Test]:
    """The Matcher's token predicates as tests of a field's value (strings compared as strings,
    which is what comparing their hashes amounts to)."""
    field = _FIELDS.get(name.upper())
    if field is None:
        raise Unsupported(f"token attribute {name!r}")
    if field == _FIELDS["IS_SPACE"]:
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE value {value!r}")
        return [(field, value.__eq__)]
    if isinstance(value, str):
        return [(field, value.__eq__)]
    if not isinstance(value, dict):
        raise Unsupported(f"{name} value {value!r}")
    tests: list[Test] = []
    for op, arg in value.items():
        if op == "REGEX" and isinstance(arg, str):
            tests.append((field, _searcher(re.compile(arg))))
        elif op in ("IN", "NOT_IN") and _all_strings(arg):
            members = frozenset(arg)
            tests.append((field, members.__contains__ if op == "IN" else _not_in(members)))
        else:
            raise Unsupported(f"{name} predicate {op} {arg!r}")
    return tests


def _all_strings(values: Any) -> bool:
    return isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values)


def _searcher(regex: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda value: regex.search(value) is not None


def _not_in(members: frozenset[str]) -> Callable[[Any], bool]:
    return lambda value: value not in members


class MemoLemmatizer:
    """spaCy's rule (or lookup) lemmatizer with each lemma kept per (text, part of speech,
    morphology): the only things its rules read."""

    def __init__(self, stock: Lemmatizer) -> None:
        self.vocab = stock.vocab
        self._overwrite = stock.overwrite
        self._lemmatize = _with_index_sets(stock).lemmatize
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows: Sequence[list[int]] = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        memo, overwrite = self._memo, self._overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self.vocab.strings.add(self._lemmatize(doc[i])[0])
            lemmas[i] = found
        column: Any = numpy.array(lemmas, dtype=numpy.uint64)  # spaCy's arrays: one uint64 per token
        doc.from_array([LEMMA], column)
        return doc


def _with_index_sets(stock: Lemmatizer) -> Lemmatizer:
    """The same lemmatizer, its word index (``lemma_index``) held in sets rather than lists: the
    rules ask whether a form is a known word, which a list of 57,000 words answers slowly."""
    if stock.mode != "rule":
        return stock
    copy = type(stock)(stock.vocab, stock.model, stock.name, mode=stock.mode, overwrite=stock.overwrite)
    lookups = Lookups()
    for name in stock.lookups.tables:
        table = stock.lookups.get_table(name)
        if name == "lemma_index":
            lookups.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            lookups.add_table(name, dict(table.items()))
    copy.initialize(lookups=lookups)  # which checks the tables the mode needs
    return copy
