"""Mentions: every stretch of an article that may refer to an actor.

Names are spaCy's entities; pronouns are personal and relative pronouns; descriptions are noun phrases
("the company", "the Israeli delegation"); demonyms are nationality words that name a country
("Israeli", "the Palestinians"). Each candidate carries what resolution needs to know about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from . import names
from .gazetteer import country_of_demonym, country_of_name
from .lexicon import (
    ACTOR_LABELS,
    DEFINITE,
    HEAD_KINDS,
    KIND_LABELS,
    NON_ACTOR_LABELS,
    PERSON,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SECTORS,
    TIME_NOUNS,
    TITLES,
)

NAME, PRONOUN, DESCRIPTION, DEMONYM = "name", "pronoun", "description", "demonym"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODEL_NUMBER = re.compile(r"[A-Za-z]?\d+[A-Za-z0-9]*")
_PRONOUN_WORDS = tuple(sorted({*PRONOUNS, *RELATIVE_PRONOUNS}))


@dataclass(frozen=True)
class Candidate:
    """A mention before resolution, with the facts resolution reasons with."""

    start: int  # character offsets into the article
    end: int
    text: str
    form: str  # name | pronoun | description | demonym
    first: int  # token range [first, last)
    last: int
    root: int  # token index of the syntactic head
    sentence: int
    label: str = ""  # spaCy label (names), or the kind a pronoun/description can refer to
    key: str = ""  # name key, pronoun, or head lemma of a description
    plural: bool = False
    definite: bool = False
    country: str | None = None  # ISO alpha-3
    sector: str | None = None
    title: str = ""  # the title or role written before a person's name
    subject: bool = False  # the subject of its clause: pronouns prefer these
    from_ner: bool = True  # a name spaCy's entity recogniser found (not guessed from a noun phrase)
    joins: int | None = None  # token of the name this mention is a title of ("Apple CEO" Steve Jobs)
    qualified: str = ""  # a name with its possessor ("Beatles' Apple Corps"), an alias to keep
    of_name: bool = False  # a description with a name inside: "Apple share prices", "Israel's proposal"
    phrase: str = ""  # a description's whole noun phrase ("the Israeli delegation"), to name it by


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
        for part in _split_possessive(ent):
            cand = _name(part, sentence_of)
            if cand is not None:
                found.append(cand)
                owned.update(range(cand.first, cand.last))
    for cand in _names_missed(doc, found, owned, sentence_of):
        found.append(cand)
        owned.add(cand.first)
    for i in _pronoun_positions(doc):
        if i not in owned:
            cand = _pronoun(doc[i], sentence_of)
            if cand is not None:
                found.append(cand)
                owned.add(i)
    for chunk in doc.noun_chunks:
        cand = _description(chunk, owned, non_actor, sentence_of)
        if cand is not None:
            found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    return found


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
                subject=token.dep_ in _SUBJECTS,
                from_ner=False,
            )
        )
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


def _with_model_number(span: Span) -> Span:
    """ "iPhone 3G", "iOS 5", "Airbus A380": the model number after a name is part of it (the small
    model leaves it out, or calls it a number)."""
    doc = span.doc
    j = span.end
    if j >= len(doc) or not doc[j - 1].whitespace_:
        return span
    k = j + 1
    while k < len(doc) and not doc[k - 1].whitespace_ and doc[k].text.isalnum():
        k += 1
    if not _MODEL_NUMBER.fullmatch(doc[j:k].text):
        return span
    joined = range(span.start, k)
    if any(t.head.i in joined for t in doc[j:k]) or span.root.head.i in joined:
        return doc[span.start : k]
    return span


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
    span = _with_model_number(ent.doc[tokens[0].i : tokens[-1].i + 1])
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
        subject=root.dep_ in _SUBJECTS,
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
    return replace(base, label=label, key=key, country=country, title=title)


def _guessed_name(words: Span, root: Token, sentence_of: list[int]) -> Candidate | None:
    """A name found by its form (capitals, a model number) where the entity recogniser found none."""
    key = names.key(names.clean(words.text))
    if not key or not any(c.isupper() or c.isdigit() for c in words.text):
        return None
    return Candidate(
        start=words.start_char,
        end=words.end_char,
        text=words.text,
        form=NAME,
        first=words.start,
        last=words.end,
        root=root.i,
        sentence=sentence_of[root.i],
        label="ORG",
        key=key,
        plural=root.tag_ == "NNPS",
        subject=root.dep_ in _SUBJECTS,
        from_ner=False,
    )


def _title_before_name(chunk: Span, owned: set[int], sentence_of: list[int]) -> Candidate | None:
    """ "Apple CEO Steve Jobs", "U.S. electronics retailer Best Buy": the words before the name are
    one more mention of what it names, when their head noun fits the name's kind."""
    root = chunk.root
    label = root.ent_type_
    first_of_name = root.i
    while first_of_name - 1 >= chunk.start and first_of_name - 1 in owned and label:
        first_of_name -= 1
        if chunk.doc[first_of_name].ent_iob_ == "B":
            break
    start = chunk.start
    while start < first_of_name and chunk.doc[start].lower_ in DEFINITE | {"a", "an"}:
        start += 1
    if not label or start >= first_of_name:
        return None
    last = chunk.doc[first_of_name - 1]
    kind = PERSON if last.lower_ in TITLES else HEAD_KINDS.get(last.lemma_.lower())
    if kind is None or label not in KIND_LABELS[kind] or (kind == PERSON) != (label == "PERSON"):
        return None
    span = chunk.doc[start:first_of_name]
    return Candidate(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        form=DESCRIPTION,
        first=span.start,
        last=span.end,
        root=last.i,
        sentence=sentence_of[root.i],
        label=kind,
        key=last.lemma_.lower(),
        definite=True,
        phrase=span.text,
        joins=root.i,
    )


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
    return Candidate(
        start=token.idx,
        end=token.idx + len(token.text),
        text=token.text,
        form=PRONOUN,
        first=token.i,
        last=token.i + 1,
        root=token.i,
        sentence=sentence_of[token.i],
        label=label,
        key=lower,
        plural=plural,
    )


def _relative_head(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the iPod, which ..." -> iPod."""
    clause = token.head
    while clause.dep_ not in ("relcl", "acl") and clause.head is not clause and clause.dep_ != "ROOT":
        clause = clause.head
    if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


def relative_head(doc: Doc, cand: Candidate) -> int | None:
    """Token index of the noun a relative-pronoun candidate stands for."""
    head = _relative_head(doc[cand.root])
    return None if head is None else head.i


def _description(
    chunk: Span, owned: set[int], non_actor: set[int], sentence_of: list[int]
) -> Candidate | None:
    root = chunk.root
    if root.i in owned:
        return _title_before_name(chunk, owned, sentence_of)
    if root.pos_ == "PRON" or root.i in non_actor:
        return None
    lemma = root.lemma_.lower()
    if lemma in TIME_NOUNS or not any(c.isalpha() for c in root.text):
        return None
    dets = [t.lower_ for t in root.children if t.dep_ in ("det", "poss") and t.i < root.i]
    plural = root.tag_ in ("NNS", "NNPS")
    # start after any name or pronoun inside the phrase, so mentions never overlap:
    # "Netanyahu's government" -> "government", "the Israeli delegation" -> "delegation"
    first = chunk.start
    for i in range(chunk.start, root.i):
        if i in owned:
            first = i + 1
    while first < root.i and (chunk.doc[first].is_punct or chunk.doc[first].tag_ == "POS"):
        first += 1
    of_name = first > chunk.start
    # the whole phrase, the name in it included, is the mention: "Apple share prices" is about the
    # prices, and the name inside stays a mention of its own
    span = chunk if of_name else chunk.doc[first : chunk.end]
    # a name and one more word of no kind, side by side: "the iPod nano", "the Apple trademark" name
    # one thing (a model, a brand), written in lower case as often as not
    name_then_noun = (
        of_name
        and first == root.i
        and root.i - 1 in owned
        and chunk.doc[root.i - 1].dep_ == "compound"
        and root.tag_ == "NN"
        and lemma not in HEAD_KINDS
        and lemma not in SECTORS
    )
    for token in chunk[: root.i - chunk.start + 1]:
        if token.pos_ == "PROPN" and token.i not in owned:
            model = _with_model_number(chunk.doc[token.i : token.i + 1])
            if len(model) > 1 and model.start <= root.i < model.end:
                # "the iPhone 3G" without an entity: the name and its model number
                return _guessed_name(model, root, sentence_of)
    if name_then_noun or (root.pos_ == "PROPN" and lemma not in TITLES and lemma not in HEAD_KINDS):
        # a name spaCy's entities missed ("the iPod nano")
        # the name starts at its first capitalised word: "the much-anticipated iPhone" -> "iPhone"
        start = first
        while start > chunk.start and start - 1 in owned:
            start -= 1
        while start < root.i and not any(ch.isupper() or ch.isdigit() for ch in chunk.doc[start].text):
            start += 1
        words = _with_model_number(chunk.doc[start : chunk.end])
        guessed = _guessed_name(words, root, sentence_of)
        if guessed is not None:
            return guessed
    country = None
    for child in root.children:
        if child.i < root.i and child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ == "NORP":
            country = country_of_demonym(child.text) or country
    if country is None:
        for child in root.children:
            if child.i < root.i and child.dep_ == "compound" and child.ent_type_ in ("GPE", "LOC"):
                country = country_of_name(child.text) or country
    sector = SECTORS.get(root.lower_) if country is not None else None
    if root.pos_ != "PROPN" and not dets and not plural and country is None:
        return None  # bare singular nouns ("attention", "time") are rarely actors
    return Candidate(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        form=DESCRIPTION,
        first=span.start,
        last=span.end,
        root=root.i,
        sentence=sentence_of[root.i],
        label=HEAD_KINDS.get(lemma, ""),
        key=lemma,
        plural=plural,
        definite=any(d in DEFINITE for d in dets),
        subject=root.dep_ in _SUBJECTS,
        country=country,
        sector=sector,
        of_name=of_name,
        phrase=chunk.text,
    )
