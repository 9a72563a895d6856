"""Within one article: what a description ("the company", "the device", "the new products") names
again, by its head noun, a name's last word, or the most salient actor of its kind before it.

Run after names and the parse have joined what they can (``resolve``), before pronouns.
"""

from __future__ import annotations

import string

from spacy.tokens import Doc

from .candidate import DEMONYM, DESCRIPTION, NAME, Candidate
from .clusters import Clusters, cluster_label, looks_like
from .gazetteer import normalise
from .lexicon import EVENT, KIND_LABELS, ORG, PRODUCT, PRODUCT_GROUPS
from .mentions import BRAND
from .pronouns import WINDOW, salience

#: entity labels of places: a country's name says where an actor is, not which one it is
_PLACES = frozenset({"GPE", "LOC", "NORP"})
#: words that make a description name something else than the one before ("other media")
_OTHER = frozenset({"other", "another", "different", "rival"})
#: "the latter" is the last actor named, "the former" the one before
_ORDER = {"latter": 0, "former": 1}


def link_descriptions(
    doc: Doc, cands: list[Candidate], clusters: Clusters, labels: dict[int, str], joined: set[int]
) -> None:
    last_word: dict[str, int] = {}  # last word of a name key, or a described name's head noun -> latest
    country_group: dict[str, int] = {}  # country code -> a candidate of that country
    named_country: set[str] = set()
    sector_group: dict[tuple[str, str], int] = {}
    by_head: dict[str, int] = {}  # head lemma -> first unresolved description with it
    recent: list[int] = []  # names and descriptions with a kind, in text order
    for i, c in enumerate(cands):  # the countries of the whole article, named before or after
        if c.country and (c.form == DEMONYM or (c.form == NAME and c.label == "GPE")):
            country_group.setdefault(c.country, i)
            if c.form == NAME:
                named_country.add(c.country)
    for i, c in enumerate(cands):
        if c.form in (NAME, DEMONYM):
            if c.form == NAME:
                last_word[c.key.split()[-1]] = i
                for word in c.text.split():
                    # "the phone" … "iPhone 4": the common noun a brand's spelling ends in
                    if BRAND.fullmatch(word):
                        last_word[word.lstrip(string.ascii_lowercase).lower()] = i
            recent.append(i)
            continue
        if c.form != DESCRIPTION or i in joined:
            if c.form == DESCRIPTION:
                recent.append(i)
                if clusters.find(i) in labels:
                    # "NPD Group, a market research firm" … "the firm": the head noun of a named
                    # actor's description names it again, as a name's last word does
                    last_word[c.key] = i
            continue
        earlier = by_head.get(c.key)
        if (
            c.plural
            and c.definite
            and earlier is not None
            and c.sentence - cands[earlier].sentence <= WINDOW
            and _modifiers_fit(doc, c, cands[earlier])
        ):
            # "applications ... the applications": more than one thing is named again by its noun
            # before any single actor
            target: int | None = earlier
        else:
            target = _description_target(doc, c, i, cands, clusters, labels, recent, last_word)
        if c.country:
            if c.label == "PLACE" or (c.sector == "government" and c.country in named_country):
                target = country_group.get(c.country)
                if target is None:
                    country_group[c.country] = i
            elif c.sector:
                target = sector_group.setdefault((c.country, c.sector), i)
        if target is None and (c.definite or c.plural):
            target = by_head.setdefault(c.key, i)
            if not _modifiers_fit(doc, c, cands[target]):
                target = (
                    None  # "the Zen OS system" is not "the Yan OS system", "US markets" not "foreign markets"
                )
        if target is not None and target != i:
            clusters.union(target, i)
        if c.label:
            recent.append(i)


def link_headline(cands: list[Candidate], clusters: Clusters, labels: dict[int, str]) -> None:
    """ "Zentrix executive quits" over "Tom Bale, a Zentrix executive, ...": a headline's description
    that nothing before it can name is the named actor the article later describes with its noun."""
    later: dict[str, int] = {}  # head noun -> first description with it in a named actor, past the headline
    for i, c in enumerate(cands):
        if c.form == DESCRIPTION and c.sentence > 0 and c.label and clusters.find(i) in labels:
            later.setdefault(c.key, i)
    for i, c in enumerate(cands):
        if c.sentence > 0:
            break
        j = later.get(c.key)
        if (
            c.form == DESCRIPTION
            and c.label
            and not c.plural
            and clusters.find(i) not in labels
            and j is not None
        ):
            clusters.union(j, i)


def _description_target(
    doc: Doc,
    c: Candidate,
    i: int,
    cands: list[Candidate],
    clusters: Clusters,
    labels: dict[int, str],
    recent: list[int],
    last_word: dict[str, int],
) -> int | None:
    if not c.definite:
        return None
    if c.key in _ORDER:
        return _named_in_order(c, cands, clusters, labels, recent)
    # "the store" … "the iTunes Music Store": the head noun ends an earlier name
    earlier = last_word.get(c.key)
    if (
        earlier is not None
        and c.sentence - cands[earlier].sentence <= WINDOW * 2
        and not c.plural
        and _proper_words(doc, c) <= _proper_words(doc, cands[earlier])
    ):
        return earlier
    if not c.label or c.key in PRODUCT_GROUPS or _ranked(doc, c):
        return None  # "passed Best Buy for the No. 2 retailer": a rank is a role, said of no one before
    allowed = KIND_LABELS[c.label]
    # the most salient fitting actor of the last sentences, as for pronouns: "the company" is the
    # firm the article is about, not the product named last
    score: dict[int, float] = {}
    latest: dict[int, int] = {}
    looks: dict[int, str] = {}  # cluster root -> what its names up to its latest mention look like
    said = _proper_words(doc, c)
    for j in reversed(recent):
        back = c.sentence - cands[j].sentence
        if back > WINDOW:
            break
        root = clusters.find(j)
        if cands[j].form == DESCRIPTION and root not in labels:
            continue  # only actors already anchored to a name
        if cands[j].first <= c.first < cands[j].last:
            continue  # not the phrase it is written in ("the company's suite" for "the company")
        if said and not said <= _proper_words(doc, cands[j]):
            continue  # "the Zen OS operating system" is not the system named "Yan OS"
        if cluster_label(j, cands, clusters, labels) in allowed and cands[j].plural == c.plural:
            if root not in looks:
                # from the actor's latest mention: "The update, Podware 2.1, ..." is a product by the name
                # after the description
                looks[root] = looks_like(j, cands, clusters) if c.label in (ORG, PRODUCT) else ""
            # "the company" never a product or an event; "the device" only what looks like a product
            if (c.label == ORG and looks[root] in (PRODUCT, EVENT)) or (
                c.label == PRODUCT and looks[root] != PRODUCT
            ):
                continue
            score[root] = score.get(root, 0.0) + salience(doc, cands[j]) / 2**back
            latest.setdefault(root, j)
    if not score:
        return None
    return latest[max(score, key=lambda r: (score[r], latest[r]))]


def _proper_words(doc: Doc, c: Candidate) -> frozenset[str]:
    """A name's words, or the proper nouns before a description's head: "the Zen OS operating
    system" is no other system than one named with "Zen OS"."""
    if c.form == NAME:
        return frozenset(c.key.split())
    # a country's name says where the actor is ("the U.S. firm"), not which one it is
    return frozenset(
        normalise(t.text) for t in doc[c.first : c.root] if t.pos_ == "PROPN" and t.ent_type_ not in _PLACES
    )


def _ranked(doc: Doc, c: Candidate) -> bool:
    """Whether a description names a rank: a superlative, an ordinal or "No. 2" before its head."""
    words = doc[c.first : c.root]
    if any(t.tag_ == "JJS" or t.ent_type_ == "ORDINAL" or t.lower_ == "top" for t in words):
        return True
    # "No. 2", "No 1", "number one": the token after is the number, or the abbreviation's full stop
    return any(
        t.lower_ in ("no", "no.", "number") and (t.nbor().like_num or t.nbor().text == ".") for t in words
    )


def _named_in_order(
    c: Candidate, cands: list[Candidate], clusters: Clusters, labels: dict[int, str], recent: list[int]
) -> int | None:
    """ "Korvo sued Zentrix so that the latter would stop": "the latter" is the actor named last
    before it, "the former" the one named before that."""
    seen: list[int] = []  # actors by their latest name, latest first
    for j in reversed(recent):
        if c.sentence - cands[j].sentence > 1:
            break
        root = clusters.find(j)
        if cands[j].form == NAME and root in labels and root not in seen:
            seen.append(root)
    n = _ORDER[c.key]
    return seen[n] if len(seen) > n else None


def _modifiers_fit(doc: Doc, later: Candidate, earlier: Candidate) -> bool:
    """Whether a description may name again what an earlier one with its head noun names: the words
    it is qualified with must be among the earlier one's, and none says it is another one ("other
    media")."""
    said = _modifiers(doc, later)
    return not said & _OTHER and said <= _modifiers(doc, earlier)


def _modifiers(doc: Doc, c: Candidate) -> frozenset[str]:
    """The words before a description's head that say which one it is: adjectives, nouns, names."""
    return frozenset(t.lower_ for t in doc[c.first : c.root] if t.pos_ in ("ADJ", "NOUN", "PROPN"))
