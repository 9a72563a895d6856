"""Mentions found in noun phrases: descriptions ("the company", "the Israeli delegation"), titles
before a name ("Apple CEO" Steve Jobs), and names the entity recogniser missed ("the iPod nano",
"iPhone 3G")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..events.coding import load_lexicon
from ..events.triggers import is_trigger
from . import names
from .candidate import DESCRIPTION, NAME, SUBJECTS, Candidate
from .gazetteer import country_of_demonym, country_of_name
from .lexicon import DEFINITE, HEAD_KINDS, KIND_LABELS, ORG, PERSON, SECTORS, TIME_NOUNS, TITLES

_MODEL_NUMBER = re.compile(r"[A-Za-z]?\d+(?:\.\d+)*[A-Za-z0-9]*")  # "3G", "A380", a version "3.0"
#: labels of names that a lower-case noun may complete ("iPod nano"); "Gaza governance" is no name
_BRANDS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "NORP"})
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(1[5-9]|20)\d\d")


def description(
    chunk: Span, owned: set[int], non_actor: set[int], sentence_of: list[int]
) -> Candidate | None:
    """The mention a noun phrase makes, or None when it names no actor (a date, a bare mass noun).

    ``owned`` holds the tokens already inside a name or a pronoun; ``non_actor`` those inside a date,
    a number or an amount."""
    root = chunk.root
    if root.i in owned:
        return _title_before_name(chunk, owned, sentence_of)
    if root.pos_ == "PRON" or root.i in non_actor:
        return None
    lemma = root.lemma_.lower()
    if lemma in TIME_NOUNS or not (root.is_alpha or any(c.isalpha() for c in root.text)):
        return None
    plural = root.tag_ in ("NNS", "NNPS")
    if chunk.start == root.i and not plural and root.pos_ != "PROPN":
        return None  # one bare singular noun ("attention", "growth"): rarely an actor
    lefts = list(root.lefts)  # the words before the head, read once: this runs on every noun phrase
    dets = [t.lower_ for t in lefts if t.dep_ in ("det", "poss")]
    if SECTORS.get(root.lower_) == "government" and any(
        t.dep_ == "poss" and t.ent_type_ == "PERSON" for t in lefts
    ):
        # "Netanyahu's government" is Netanyahu acting through his office: the name stands for it
        return None
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
        and chunk.doc[root.i - 1].ent_type_ in _BRANDS
        and root.tag_ == "NN"
        and lemma not in HEAD_KINDS
        and lemma not in SECTORS
    )
    model_number = _DIGIT.search(chunk.text) is not None  # checked first: most phrases have none
    for token in chunk[: root.i - chunk.start + 1] if model_number else ():
        if token.pos_ == "PROPN" and token.i not in owned:
            model = with_model_number(chunk.doc[token.i : token.i + 1])
            if len(model) > 1 and model.start <= root.i < model.end:
                # "the iPhone 3G" without an entity: the name and its model number
                return guessed_name(model, root, sentence_of)
    if name_then_noun or (root.pos_ == "PROPN" and lemma not in TITLES and lemma not in HEAD_KINDS):
        # a name spaCy's entities missed ("the iPod nano")
        # the name starts at its first capitalised word: "the much-anticipated iPhone" -> "iPhone"
        start = first
        while start > chunk.start and start - 1 in owned:
            start -= 1
        while start < root.i and not any(ch.isupper() or ch.isdigit() for ch in chunk.doc[start].text):
            start += 1
        words = with_model_number(chunk.doc[start : chunk.end])
        guessed = guessed_name(words, root, sentence_of)
        if guessed is not None:
            return guessed
    country = None
    for child in lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ == "NORP":
            country = country_of_demonym(child.text) or country
    if country is None:
        for child in lefts:
            if child.dep_ == "compound" and child.ent_type_ in ("GPE", "LOC"):
                country = country_of_name(child.text) or country
    sector = SECTORS.get(root.lower_) if country is not None else None
    if (
        root.pos_ != "PROPN"
        and not dets
        and not plural
        and country is None
        and not (of_name and lemma in HEAD_KINDS)
    ):
        # bare singular nouns ("attention", "time") are rarely actors; "Apple executive" is one
        return None
    label = HEAD_KINDS.get(lemma, "")
    # a phrase of no actor's kind still names something an article talks about ("the price", "its
    # name", "the phone's antenna"), unless its head names an event ("the launch", "the deal")
    thing = not label and sector is None and not is_trigger(root, load_lexicon())
    return Candidate(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        form=DESCRIPTION,
        first=span.start,
        last=span.end,
        root=root.i,
        sentence=sentence_of[root.i],
        label=label,
        key=lemma,
        plural=plural,
        definite=any(d in DEFINITE for d in dets),
        subject=root.dep_ in SUBJECTS,
        country=country,
        sector=sector,
        of_name=of_name,
        phrase=chunk.text,
        thing=thing,
    )


def with_model_number(span: Span) -> Span:
    """ "iPhone 3G", "iOS 5", "Airbus A380": the model number after a name is part of it (the small
    model leaves it out, or calls it a number)."""
    doc = span.doc
    j = span.end
    if j >= len(doc) or not doc[j - 1].whitespace_:
        return span
    k = j + 1
    while k < len(doc) and not doc[k - 1].whitespace_ and doc[k].text.isalnum():
        k += 1
    word = doc[j:k].text
    if not _MODEL_NUMBER.fullmatch(word) or _YEAR.fullmatch(word):
        return span
    joined = range(span.start, k)
    if any(t.head.i in joined for t in doc[j:k]) or span.root.head.i in joined:
        return doc[span.start : k]
    if all(t.head.i == span.root.head.i != span.root.i for t in doc[j:k]):
        return doc[span.start : k]  # "the iPhone 4 antenna": name and number both modify the noun
    return span


def guessed_name(words: Span, root: Token, sentence_of: list[int]) -> Candidate | None:
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
        subject=root.dep_ in SUBJECTS,
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
    while start < first_of_name and (
        chunk.doc[start].lower_ in DEFINITE | {"a", "an"} or not chunk.doc[start].is_alpha
    ):
        start += 1  # "2005 Apple Computer CEO": the year is no part of the title
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


def employer_in_title(chunk: Span, owned: set[int], sentence_of: list[int]) -> Candidate | None:
    """ "company CEO Steve Jobs": a common noun for an organisation just before the title of a person
    named next is one more mention of the organisation (the one the article is about), apart from the
    title that is the person's."""
    doc = chunk.doc
    if chunk.root.i not in owned:
        return None
    for i in range(chunk.start, chunk.root.i - 1):  # a word, then the title, then the name
        token = doc[i]
        if (
            token.i not in owned
            and token.pos_ == "NOUN"
            and HEAD_KINDS.get(token.lemma_.lower()) == ORG
            and doc[token.i + 1].lower_ in TITLES
        ):
            return Candidate.word(
                token,
                form=DESCRIPTION,
                sentence=sentence_of[token.i],
                label=ORG,
                key=token.lemma_.lower(),
                definite=True,  # refers back, as "the company" does
                phrase=token.text,
            )
    return None
