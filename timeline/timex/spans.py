"""Where the time expressions are: spaCy's DATE/TIME entities, repaired, plus what spaCy misses.

Repairs: entities split at line breaks ("2010\\nJune 8, 2010"), ranges split into their ends ("from 2009
to 2017"), modifiers trimmed ("more than a week" -> "a week"), deictic words taken in ("year" -> "this
year"), neighbours merged ("Wednesday" + "morning"). Additions, found by one pass of a few patterns over
the text: present/past/future references ("now", "recently"), ISO dates, years after a preposition
("since 2019"), fiscal years. A span is kept only when :func:`accept` finds it temporal, so vote scores,
ages, money and software versions do not pass.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, LOWER, SHAPE
from spacy.tokens import Doc, Span

from . import words as W

#: leading words that are not part of the expression (TIMEX3 spans leave them out)
TRIM = {
    "just", "nearly", "about", "almost", "around", "approximately", "roughly", "some", "over", "only",
    "since", "from", "until", "till", "by", "within", "for", "in", "on", "at", "during", "of", "circa",
    "than", "more", "less", "least", "up", "to", "between", "after", "before", "as", "nearby", "-",
}  # fmt: skip
#: words before a span that belong in it ("year" -> "this year")
TAKE_LEFT = {"this", "last", "next", "past", "coming", "previous", "current", "early", "late", "mid"}
#: words that join the two ends of a range
RANGE_JOINERS = {"to", "-", "\u2013", "and", "through", "until", "till", "or", "/", ",", "&"}

_EXTRA = re.compile(
    r"\b(?:"
    + "|".join(
        sorted((re.escape(r) for r in W.REFS if not r.startswith(("the ", "in "))), key=len, reverse=True)
    )
    + r"|\d{4}-\d{2}-\d{2}"
    + r"|(?:(?<=\bsince )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter )|(?<=\bduring )|(?<=\bfrom )|(?<=\bby ))"
    + r"[12]\d{3}\b"
    + r"|(?:fiscal|financial) (?:year )?\d{4}|FY ?\d{2,4}"
    + r")\b",
    re.IGNORECASE,
)
#: words an ``_EXTRA`` match starts with or holds: only windows around them are searched
_CUE_WORDS = {w for ref in W.REFS for w in ref.split()} - {"the", "in", "at", "more", "most", "near", "right"}
_CUE_WORDS |= {"since", "until", "before", "after", "during", "from", "by", "fiscal", "financial", "fy"}
_AGE = re.compile(r"\b(?:aged?|age of|ages)\b", re.IGNORECASE)

Normaliser = Callable[[str], object | None]


def candidate_spans(doc: Doc, reads: Normaliser) -> list[Span]:
    """Time expression spans of ``doc`` in text order, not overlapping.

    ``reads(text)`` says whether the normaliser understands a stretch of words (its result, or None).
    """
    spans: list[Span] = []
    for ent in time_entities(doc):
        for piece in _lines(ent):
            spans.extend(_repair(piece, reads))
    taken = {t.i for s in spans for t in s}
    for span in _extra_spans(doc):
        if not any(t.i in taken for t in span):
            spans.append(span)
            taken.update(t.i for t in span)
    spans.extend(_range_ends(doc, spans, taken))
    spans.sort(key=lambda s: s.start)
    return [s for s in _merge(doc, spans, reads) if accept(s, reads)]


def _extra_spans(doc: Doc) -> list[Span]:
    """What spaCy misses, found by the patterns of ``_EXTRA`` around the few tokens that can start them.

    Reads token arrays rather than ``doc.text`` (which rebuilds the whole string on every call).
    """
    strings = doc.vocab.strings
    cues = {strings.add(w) for w in _CUE_WORDS}
    shapes = {strings.add(w) for w in ("dddd-dd-dd", "XXdddd", "XXdd")}
    rows = doc.to_array([LOWER, SHAPE]).tolist()
    found: list[Span] = []
    done = -1
    for i, (lower, shape) in enumerate(rows):
        if i <= done or (lower not in cues and shape not in shapes):
            continue
        window = doc[max(i - 1, 0) : min(i + 4, len(doc))]
        for m in _EXTRA.finditer(window.text):
            start = window.start_char + m.start()
            span = doc.char_span(start, start + len(m[0]), alignment_mode="contract")
            if (
                span is not None
                and len(span)
                and span.start >= i - 1
                and not any(f.end > span.start for f in found)
            ):
                found.append(span)
                done = span.end - 1
    return found


def _range_ends(doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
    """The far end of a year range spaCy left out: '2009' found, '... to 2017' not."""
    found = []
    for span in spans:
        i = span.end
        if i + 1 >= len(doc) or i + 1 in taken or doc[i].lower_ not in RANGE_JOINERS - {",", "/"}:
            continue
        if re.fullmatch(r"[12]\d{3}", span[-1].text) and re.fullmatch(r"[12]\d{3}", doc[i + 1].text):
            found.append(doc[i + 1 : i + 2])
            taken.add(i + 1)
    return found


def line_breaks(doc: Doc) -> list[int]:
    """Character offsets of the line breaks of ``doc`` (spaCy keeps each run of them as a space token)."""
    flags = doc.to_array([IS_SPACE]).tolist()
    return [doc[i].idx + doc[i].text.index("\n") for i, f in enumerate(flags) if f and "\n" in doc[i].text]


def time_entities(doc: Doc) -> list[Span]:
    """spaCy's DATE and TIME entities, read from arrays: ``doc.ents`` makes an object per token."""
    if not doc.has_annotation("ENT_IOB"):
        return []
    labels = {doc.vocab.strings.add("DATE"), doc.vocab.strings.add("TIME")}
    rows = doc.to_array([ENT_IOB, ENT_TYPE]).tolist()
    found, start = [], None
    for i, (iob, label) in enumerate([*rows, [2, 0]]):  # a sentinel O closes the last entity
        if start is not None and (iob != 1 or label != rows[start][1]):
            found.append(doc[start:i])
            start = None
        if iob == 3 and label in labels:
            start = i
    return found


def _lines(span: Span) -> list[Span]:
    """Cut a span at line breaks: a dateline is never one expression with the line above it."""
    pieces, start = [], span.start
    for tok in span:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if "\n" in tok.text else tok.i + 1
            if end > start:
                pieces.append(span.doc[start:end])
            start = tok.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    return pieces


def _repair(span: Span, reads: Normaliser) -> list[Span]:
    doc = span.doc
    start, end = span.start, span.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "\u2019s")):
        if end - start > 1 and re.fullmatch(r"\d{3}0", doc[end - 2].text) and doc[end - 1].lower_ != ".":
            break  # "the 1980's" is a decade
        end -= 1
    first = start
    while first < end - 1 and doc[first].lower_ in TRIM:
        first += 1
    if first > start and reads(doc[first:end].text) is not None:
        start = first
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "long":
        end += 2  # "decades-long" is one expression
    if start >= end:
        return []
    span = doc[start:end]
    last_is_stray = end - start > 2 and doc[end - 1].like_num and reads(span.text) is None
    if last_is_stray and reads(doc[start : end - 1].text) is not None:  # "May 2, 2013 12": a page number
        span = doc[start : end - 1]
    if reads(span.text) is None:
        parts = _split_range(span, reads)
        if parts:
            return parts
    while span.start > 0 and doc[span.start - 1].lower_ in TAKE_LEFT:
        wider = doc[span.start - 1 : span.end]
        if reads(wider.text) is None:
            break
        span = wider
    return [span]


def _split_range(span: Span, reads: Normaliser) -> list[Span]:
    """'2009 to 2017', 'June 17, two days': the ends, when each one reads on its own."""
    cuts = [t.i for t in span if t.lower_ in RANGE_JOINERS and span.start < t.i < span.end - 1]
    if not cuts:
        return []
    bounds = [span.start, *cuts, span.end]
    parts = []
    for a, b in itertools.pairwise(bounds):
        a = a + 1 if a in cuts else a
        while a < b and span.doc[a].lower_ in TRIM:
            a += 1
        if a < b and reads(span.doc[a:b].text) is not None:
            parts.append(span.doc[a:b])
    return parts if len(parts) >= 2 else []


def _merge(doc: Doc, spans: list[Span], reads: Normaliser) -> list[Span]:
    """Join neighbours that read as one finer expression: 'Wednesday' + 'morning', '2 p.m.' + 'on Monday'."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap = doc[last.end : span.start]
            if span.start < last.end:
                continue  # overlapping candidates: the first one found wins
            if len(gap) <= 2 and all(t.lower_ in ("on", ",", "at", "of") for t in gap):
                whole = doc[last.start : span.end]
                if "\n" not in whole.text and reads(whole.text) is not None:
                    merged[-1] = whole
                    continue
        merged.append(span)
    return merged


def accept(span: Span, reads: Normaliser) -> bool:
    """Whether a span is a time expression at all: it reads, or holds a time word; never an age."""
    text = span.text
    before = span.doc[max(span.start - 3, 0) : span.start].text.rpartition("\n")[2]
    if (text[:1].isdigit() and _AGE.search(before)) or re.search(r"\byears?\W+old\b", text, re.I):
        return False  # "aged 56", "at the age of 56", "15 years old"
    if re.search(r"year\W+olds?\b", span.doc[span.start : min(span.end + 2, len(span.doc))].text, re.I):
        return False
    if reads(text) is not None:
        return True
    words = set(re.findall(r"[a-z.]+", text.lower()))
    return bool(words & W.TIME_WORDS)
