"""Mentions: every stretch of an article that may refer to an actor.

Names are spaCy's entities; pronouns are personal and relative pronouns; descriptions are noun phrases
("the company", "the Israeli delegation"); demonyms are nationality words that name a country
("Israeli", "the Palestinians"). Each candidate carries what resolution needs to know about it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from . import names
from .candidate import DEMONYM, DESCRIPTION, NAME, PRONOUN, SUBJECTS, Candidate
from .gazetteer import country_of_demonym, country_of_name, normalise
from .lexicon import ACTOR_LABELS, NON_ACTOR_LABELS, PRONOUNS, RELATIVE_PRONOUNS, TITLES
from .phrases import description, employer_in_title, guessed_name, with_model_number

#: labels of names that can carry a model number ("iPhone 4"); a person or a place cannot
_MODELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"})
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
#: a brand's spelling: a short lower-case start, then a capital ("iPod", "iOS", "eBay", "webOS")
BRAND = re.compile(r"[a-z]{1,3}[A-Z][A-Za-z]+")
_PRONOUN_WORDS = tuple(sorted({*PRONOUNS, *RELATIVE_PRONOUNS}))


def find_candidates(doc: Doc) -> list[Candidate]:
    """All candidate mentions of one parsed article, in text order."""
    sentence_of = _sentence_index(doc)
    owned: set[int] = set()  # tokens inside an actor name
    non_actor: set[int] = set()
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in NON_ACTOR_LABELS:
            non_actor.update(range(ent.start, ent.end))
            continue
        if ent.label_ not in ACTOR_LABELS:
            continue
        for part in (p for whole in _split_possessive(ent) for p in _split_pair(whole)):
            cand = _name(part, sentence_of)
            if cand is not None:
                found.append(cand)
                owned.update(range(cand.first, cand.last))
    for cand in _names_missed(doc, found, owned, sentence_of):
        found.append(cand)
        owned.add(cand.first)
    for cand in _brand_names(doc, owned, sentence_of):
        found.append(cand)
        owned.update(range(cand.first, cand.last))
    for i in _pronoun_positions(doc):
        if i not in owned:
            cand = _pronoun(doc[i], sentence_of)
            if cand is not None:
                found.append(cand)
                owned.add(i)
    name_at = {c.root: n for n, c in enumerate(found) if c.form == NAME}
    text = doc.text  # made once: Doc.text joins every word
    for chunk in doc.noun_chunks:
        for part in (*_possessors(chunk, owned), chunk):
            cand = description(part, owned, non_actor, sentence_of)
            if cand is not None:
                found.append(cand)
        employer = employer_in_title(chunk, owned, sentence_of)
        if employer is not None:
            found.append(employer)
        n = name_at.get(chunk.root.i)
        if n is not None and chunk.start < found[n].first:
            # the name heads a longer phrase: "the Beatles' Apple Corps" is written as one mention of
            # Apple Corps, inside which "the Beatles" is a mention of its own
            written = (chunk.start_char, found[n].end, text[chunk.start_char : found[n].end])
            found[n] = replace(found[n], written=written)
    found = _with_phrases_after(doc, found, text)
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def _with_phrases_after(doc: Doc, found: list[Candidate], text: str) -> list[Candidate]:
    """ "the side of the device", "the price for the iPhone": a description is written with the
    phrases after it that hold a mention of their own, up to that mention's end (which stays a
    mention inside it)."""
    at_root = {c.root: n for n, c in enumerate(found)}
    out = list(found)
    last = [c.last for c in found]  # token after each mention as written
    # right to left: the mention inside is written in full before the one around it
    for n in sorted(range(len(found)), key=lambda n: -found[n].start):
        c = out[n]
        if c.form != DESCRIPTION or c.written is not None:
            continue
        stop, k = c.end, c.last
        for child in doc[c.root].rights:
            if child.i < k:
                continue
            if child.dep_ != "prep" or child.i != k:
                break  # only phrases right after the noun, one after the other
            pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
            inner = None if pobj is None else at_root.get(pobj.i)
            if inner is None or out[inner].start < child.idx:
                break
            stop, k = out[inner].extent()[1], last[inner]
        if stop > c.end:
            out[n] = replace(c, written=(c.start, stop, text[c.start : stop]))
            last[n] = k
    return out


def _possessors(chunk: Span, owned: set[int]) -> list[Span]:
    """ "the company's iLife suite", "the device's antenna": a possessor that is neither a name nor a
    pronoun is a noun phrase of its own, which spaCy's noun chunks leave inside the possessed one."""
    doc = chunk.doc
    return [
        doc[t.left_edge.i : t.i + 1]
        for t in chunk
        if t.dep_ == "poss"
        and t.i not in owned
        and t.pos_ in ("NOUN", "PROPN")
        and t.left_edge.i >= chunk.start
    ]


def _split_possessive(ent: Span) -> list[Span]:
    """ "Apple Computer's Mac OS" names two things: "Apple Computer" and "Mac OS"."""
    if not any(t.tag_ == "POS" or t.text == "(" for t in ent[:-1]):
        return [ent]
    parts, start = [], ent.start
    for token in ent[:-1]:  # and "Software Development Kit (SDK" names one thing twice
        if (token.tag_ == "POS" or token.text == "(") and token.i > start:
            parts.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return [p for p in parts if len(p)]


def _split_pair(ent: Span) -> list[Span]:
    """ "the Macbook and Macbook Pro": two names the model took for one. Split at "and" only when
    the second starts as the first does: "Procter and Gamble", "European Aeronautic Defence and
    Space Company" stay one name."""
    for token in ent[1:-1]:
        if token.lower_ != "and":
            continue
        left, right = ent.doc[ent.start : token.i], ent.doc[token.i + 1 : ent.end]
        if left[0].lower_ in ("the", "a", "an"):
            left = left[1:]
        if len(left) and right[0].lower_ == left[0].lower_:
            return [
                Span(ent.doc, left.start, left.end, label=ent.label_),
                Span(ent.doc, right.start, right.end, label=ent.label_),
            ]
    return [ent]


def _names_missed(
    doc: Doc, names_found: list[Candidate], owned: set[int], sentence_of: list[int]
) -> list[Candidate]:
    """One-word names the entity recogniser found once and missed elsewhere ("Jobs, born in ..."):
    the same capitalised word is the same name. Found on the token array, like pronouns."""
    words: dict[str, Candidate] = {}
    for c in names_found:
        if c.form == NAME and c.key:
            last = c.key.split()[-1]
            if c.label == "PERSON" or " " not in c.key:
                words.setdefault(last, c)
    if not words:
        return []
    hashes = numpy.array([doc.vocab.strings[w] for w in sorted(words)], dtype=numpy.uint64)
    lowers = doc.to_array([LOWER]).reshape(-1)
    found = []
    for i in numpy.flatnonzero(numpy.isin(lowers, hashes)):
        token = doc[int(i)]
        if token.i in owned or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN"):
            continue
        source = words[token.lower_]
        found.append(
            replace(
                source,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                first=token.i,
                last=token.i + 1,
                root=token.i,
                sentence=sentence_of[token.i],
                key=token.lower_,
                title="",
                subject=token.dep_ in SUBJECTS,
                from_ner=False,
            )
        )
    return found


def _brand_names(doc: Doc, owned: set[int], sentence_of: list[int]) -> list[Candidate]:
    """Words written the way brands are ("iOS 5", "iCloud", "eBay": a capital after a lower-case
    start) are names wherever the small model tags them as something else."""
    found = []
    for token in doc:
        if token.i in owned or not BRAND.fullmatch(token.text):
            continue
        cand = guessed_name(with_model_number(doc[token.i : token.i + 1]), token, sentence_of)
        if cand is not None and not any(i in owned for i in range(cand.first, cand.last)):
            found.append(cand)
    return found


def _pronoun_positions(doc: Doc) -> list[int]:
    """Indices of the tokens that read like a pronoun, found on the token array (no Token objects made
    for the other words: this runs on every article)."""
    # looking a string up by text gives its hash without adding it to the vocabulary
    hashes = numpy.array([doc.vocab.strings[w] for w in _PRONOUN_WORDS], dtype=numpy.uint64)
    lowers = doc.to_array([LOWER]).reshape(-1)
    return [int(i) for i in numpy.flatnonzero(numpy.isin(lowers, hashes))]


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _qualified(span: Span) -> str:
    """The name with its possessor, as an alias: "The Beatles' Apple Corps", "Apple's iTunes"."""
    possessor = next(
        (c for c in span.root.children if c.dep_ == "poss" and c.i < span.start and c.pos_ != "PRON"), None
    )
    if possessor is None:
        return ""
    return names.clean(span.doc[possessor.left_edge.i : span.end].text)


def _name(ent: Span, sentence_of: list[int]) -> Candidate | None:
    tokens = list(ent)
    while tokens and (tokens[-1].tag_ == "POS" or not any(c.isalnum() for c in tokens[-1].text)):
        tokens.pop()  # "Steve Jobs'" -> "Steve Jobs"
    # spaCy sometimes labels a common word ("antenna"): a name has a capital or a digit somewhere
    if not tokens or not any(c.isupper() or c.isdigit() for t in tokens for c in t.text):
        return None
    span = ent.doc[tokens[0].i : tokens[-1].i + 1]
    if ent.label_ in _MODELLED:
        span = with_model_number(span)
    text = names.strip_possessive(span.text)
    end = span.start_char + len(text)
    root = span.root
    base = Candidate(
        start=span.start_char,
        end=end,
        text=text,
        form=NAME,
        first=span.start,
        last=span.end,
        root=root.i,
        sentence=sentence_of[root.i],
        plural=root.tag_ == "NNPS",
        subject=root.dep_ in SUBJECTS,
        qualified=_qualified(span),
    )
    if ent.label_ == "NORP":
        country = country_of_demonym(text)
        if country is not None:
            return replace(base, form=DEMONYM, label="GPE", key=country, country=country)
    title, bare = names.split_title(names.clean(text)) if ent.label_ == "PERSON" else ("", names.clean(text))
    key = names.key(bare)
    if not key:
        return None
    label, country = ent.label_, None
    if ent.label_ in ("GPE", "LOC", "NORP", "ORG"):
        country = country_of_name(bare)
        if country is not None:
            label = "GPE"
        elif ent.label_ == "ORG":
            # "the Egyptian Ministry of Foreign Affairs" belongs to Egypt
            country = country_of_demonym(bare.split()[0])
    elif ent.label_ == "PERSON":
        title, country = _words_before_person(span, title)
    return replace(base, label=label, key=key, country=country, title=title)


def _words_before_person(span: Span, title: str) -> tuple[str, str | None]:
    """ "Israeli Prime Minister Benjamin Netanyahu": the title and the country written before a
    person's name, when the parse hangs them on the name."""
    doc = span.doc
    k = span.start  # walk left while the word hangs on the name or on a word already taken
    while k > 0 and k <= doc[k - 1].head.i < span.end and doc[k - 1].dep_ in _MODIFIERS:
        k -= 1
    words = [t.text for t in doc[k : span.start] if normalise(t.text) in TITLES]
    country = next((c for t in doc[k : span.start] if (c := country_of_demonym(t.text))), None)
    return (title or " ".join(words)), country


def _pronoun(token: Token, sentence_of: list[int]) -> Candidate | None:
    lower = token.lower_
    if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$", "WDT", "WP", "WP$"):
        return None
    if lower in PRONOUNS:
        if token.dep_ == "expl":  # "it is expected that ..." refers to nothing
            return None
        kinds, plural = PRONOUNS[lower]
        label = "|".join(sorted(kinds))
    elif (
        lower in RELATIVE_PRONOUNS
        and token.tag_ in ("WDT", "WP", "WP$")
        and _relative_head(token) is not None
    ):
        label, plural = "", False
    else:
        return None
    return Candidate.word(
        token,
        form=PRONOUN,
        sentence=sentence_of[token.i],
        label=label,
        key=lower,
        plural=plural,
    )


def _relative_head(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the iPod, which ..." -> iPod."""
    clause = token.head
    while clause.dep_ not in ("relcl", "acl") and clause.head != clause and clause.dep_ != "ROOT":
        clause = clause.head
    if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


def relative_head(doc: Doc, cand: Candidate) -> int | None:
    """Token index of the noun a relative-pronoun candidate stands for."""
    head = _relative_head(doc[cand.root])
    return None if head is None else head.i
