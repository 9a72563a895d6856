"""Within one article: which candidate mentions refer to the same actor.

Names first (same key, short forms, acronyms, spelling variants), then what refers back to them:
appositions, predicates and relative pronouns by the parse, descriptions (in ``descriptions``) by
their head noun, pronouns (in ``pronouns``) to the most salient compatible actor before them. Every
step is linear in the number of mentions, or bounded by a small window, so a long article costs no
more per mention than a short one.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from . import names
from .candidate import DEMONYM, DESCRIPTION, NAME, PRONOUN, SUBJECTS, Candidate
from .clusters import Clusters, cluster_label, looks_like
from .descriptions import link_descriptions, link_headline
from .gazetteer import normalise
from .lexicon import EVENT, KIND_LABELS, KIND_TO_LABEL, ORG, PERSON, PRODUCT, PRODUCT_GROUPS, TITLES
from .mentions import relative_head
from .pronouns import link_pronouns

#: a surname spelt two ways ("Kalahu", "Khallaf") is one person at this similarity or above
SPELLING_SIMILARITY = 0.6


def resolve(doc: Doc, cands: list[Candidate]) -> tuple[Clusters, set[int]]:
    """Cluster the candidates; returns the clusters and the candidates left out (unresolved pronouns)."""
    clusters = Clusters(len(cands))
    _link_names(doc, cands, clusters)
    labels = clusters.labels
    labels.update(_cluster_labels(cands, clusters))
    owner = _token_owner(cands)
    joined = _link_by_parse(doc, cands, clusters, owner, labels)
    link_descriptions(doc, cands, clusters, labels, joined)
    link_headline(cands, clusters, labels)
    dropped = link_pronouns(doc, cands, clusters, labels, owner)
    return clusters, dropped


def _token_owner(cands: list[Candidate]) -> dict[int, int]:
    """token index -> the candidate whose span holds it (names and pronouns win over descriptions)."""
    owner: dict[int, int] = {}
    for i, c in enumerate(cands):
        for t in range(c.first, c.last):
            if c.form != DESCRIPTION or t not in owner:
                owner[t] = i
    return owner


# ---------------------------------------------------------------- names


def _link_names(doc: Doc, cands: list[Candidate], clusters: Clusters) -> None:
    by_key: dict[str, list[int]] = {}
    numbered: list[tuple[str, int]] = []
    for i, c in enumerate(cands):
        if c.form == DEMONYM or (c.form == NAME and c.label == "GPE" and c.country):
            by_key.setdefault(f"country:{c.country}", []).append(i)
        elif c.form == NAME:
            variant = _number_last(doc, c)
            if variant:
                numbered.append((variant, i))
            else:
                by_key.setdefault(c.key, []).append(i)
    # "the 3G Zphone" is the "Zphone 3G" named elsewhere, else it is what it is written as
    for k, i in numbered:
        by_key.setdefault(k if k in by_key else cands[i].key, []).append(i)
    # plural of a name is the name: "iPods" … "iPod"
    for k in sorted(by_key):
        # but a model number is no plural: "iPhone 3GS" is not more than one "iPhone 3G"
        if k.endswith("s") and k[:-1] in by_key and k.rpartition(" ")[2].isalpha():
            by_key[k[:-1]].extend(by_key.pop(k))
    for members in by_key.values():
        for i in members[1:]:
            clusters.union(members[0], i)
    keys = sorted((k for k in by_key if not k.startswith("country:")), key=lambda k: (-len(k.split()), k))
    person = {k: _majority(cands[i].label for i in by_key[k]) == "PERSON" for k in keys}
    size = {k: len(v) for k, v in by_key.items()}
    # a short form shares its first letter with a word of the long name (surname, prefix, acronym)
    initials = {k: {w[0] for w in k.split()} for k in keys}
    for k in keys:
        longer = [
            lk
            for lk in keys
            if k[0] in initials[lk]
            and len(lk.split()) > len(k.split())
            and names.is_short_form(k, lk, person=person[lk])
        ]
        if not longer and " " not in k:
            longer = _spelling_variants(k, keys, person)
        if longer:
            best = min(longer, key=lambda lk: (-size[lk], by_key[lk][0]))
            clusters.union(by_key[best][0], by_key[k][0])
    _link_parenthesised(doc, cands, clusters)


def _number_last(doc: Doc, c: Candidate) -> str:
    """The key of a name written with its model number first ("the 3G Zphone", whether or not the
    model took the number into the name), as the number-last form writes it ("Zphone 3G"); "" when
    there is no such number."""
    if c.label == "PERSON":
        return ""
    words = c.key.split()
    if len(words) > 1 and _is_model_number(words[0]):
        return " ".join([*words[1:], words[0]])
    last = c.first - 1  # the number before the name: tokens with no space between ("3", "G")
    if last < 0 or not doc[last].whitespace_ or doc[last].head.i != c.root:
        return ""
    k = last
    while k > 0 and not doc[k - 1].whitespace_ and doc[k - 1].text.isalnum():
        k -= 1
    number = doc[k : last + 1].text
    return f"{c.key} {normalise(number)}" if _is_model_number(number) else ""


def _is_model_number(word: str) -> bool:
    """ "3g", "a380", "2gb": letters and digits together; a bare number ("3", "2010") is a count or a year."""
    return word.isalnum() and any(ch.isdigit() for ch in word) and not word.isdigit()


def _spelling_variants(k: str, keys: list[str], person: dict[str, bool]) -> list[str]:
    """Full names of people whose surname is ``k`` spelt another way ("Kalahu" / "Khallaf")."""
    if len(k) < 4:
        return []
    found = []
    for lk in keys:
        words = lk.split()
        if not person[lk] or len(words) < 2:
            continue
        surname = words[-1]
        if surname[0] == k[0] and difflib.SequenceMatcher(None, surname, k).ratio() >= SPELLING_SIMILARITY:
            found.append(lk)
    return found


def _link_parenthesised(doc: Doc, cands: list[Candidate], clusters: Clusters) -> None:
    """ "European Aeronautic Defence and Space Company EADS N.V. (EADS)": the name in brackets is an alias."""
    for a in range(len(cands) - 1):
        b = a + 1
        ca, cb = cands[a], cands[b]
        if ca.form != NAME or cb.form != NAME or cb.first != ca.last + 1 or cb.first == 0:
            continue
        if doc[cb.first - 1].text == "(" and (
            ca.key == cb.key
            or names.is_acronym_of(cb.key, ca.key)
            or cb.key in ca.key.split()
            or (" " not in cb.key and cb.text.isupper() and names.abbreviates(cb.text, ca.key))
        ):
            clusters.union(a, b)


def _majority(labels: Iterable[str]) -> str:
    counts = Counter(labels)
    if not counts:
        return ""
    return min(counts, key=lambda label: (-counts[label], label))


def _cluster_labels(cands: list[Candidate], clusters: Clusters) -> dict[int, str]:
    """Each cluster's label: the majority among its fullest names (spaCy labels a lone surname ORG as
    often as PERSON, a full name rarely)."""
    votes: dict[int, list[tuple[int, str]]] = {}
    for i, c in enumerate(cands):
        if c.form in (NAME, DEMONYM):
            votes.setdefault(clusters.find(i), []).append((len(c.key.split()), c.label))
    labels = {}
    for root, v in votes.items():
        longest = max(n for n, _ in v)
        labels[root] = _majority(label for n, label in v if n == longest)
    return labels


# ---------------------------------------------------------------- parse: appositions, relatives, compounds


def _link_by_parse(
    doc: Doc, cands: list[Candidate], clusters: Clusters, owner: dict[int, int], labels: dict[int, str]
) -> set[int]:
    """Join what the parse says is one thing; returns the candidates joined."""
    joined: set[int] = set()
    for i, c in enumerate(cands):
        root = doc[c.root]
        if c.form == PRONOUN and not c.label:  # relative pronoun
            head = relative_head(doc, c)
            if head is not None and head in owner:
                clusters.union(owner[head], i)
                joined.add(i)
            continue
        if c.form not in (NAME, DESCRIPTION):
            continue
        if c.joins is not None and c.joins in owner:
            clusters.union(owner[c.joins], i)
            joined.add(i)
            continue
        # "Steve Jobs, the Apple CEO" / "the Beatles' record company, Apple Corps"
        # two names side by side are a list or a place and its region ("Apple Inc., Apple Corps",
        # "San Jose, California"), not one thing
        other = owner.get(root.head.i) if root.dep_ == "appos" else None
        if (
            other is not None
            and {c.form, cands[other].form} in ({DESCRIPTION}, {NAME, DESCRIPTION})
            # a description in apposition says what kind of actor it is ("Korvo, a research firm"); one
            # of no kind is the model taking a new subject for one ("a report in X, an internal memo")
            and (c.form == NAME or bool(c.label or c.sector))
            and not _group_and_member(cands[other], c)
            # "new Zen laptops, the Yan suite": one thing and many are a list, not an apposition
            and (cands[other].form != DESCRIPTION or c.form != DESCRIPTION or cands[other].plural == c.plural)
            and _compatible_kinds(cands[other], c)
        ):
            kind = _kind_said(cands[other], c)
            clusters.union(other, i)
            joined.update((other, i))
            if kind:
                labels[clusters.find(i)] = kind
            continue
        named = _named_after_comma(doc, c, cands, owner)
        if named is None:
            named = _predicate_of(doc, c, cands, owner)
        if named is not None:
            clusters.union(named, i)
            joined.update((named, i))
            continue
        # "the Hamas movement", "its iPhone device", "an iPod portable music player", "the iOS 4
        # operating system" (the model hangs such a name on the noun as an nmod, or by its model
        # number): a name and a head noun of its kind
        if c.form == DESCRIPTION and c.label and c.key not in PRODUCT_GROUPS:
            for child in root.children:
                if (
                    child.dep_ in ("compound", "amod", "nmod", "nummod")
                    and child.i in owner
                    and cands[owner[child.i]].form == NAME
                ):
                    name = owner[child.i]
                    if cluster_label(name, cands, clusters, labels) in KIND_LABELS[c.label] and not _maker_of(
                        name, c, cands, clusters
                    ):
                        clusters.union(name, i)
                        joined.add(i)
                        break
    return joined


def _named_after_comma(doc: Doc, c: Candidate, cands: list[Candidate], owner: dict[int, int]) -> int | None:
    """ "The former Chief Operating Officer, Tim Cook will ...", "Apple CEO and co-founder Steve Jobs":
    an apposition, or titles in a row, that the small model parses as two subjects or a conjunction.
    A description, then a comma or "and" with more titles, then a name of its kind, the two hanging
    on one word (or one on the other), name one actor."""
    if c.form != DESCRIPTION or not c.label or c.plural or c.last >= len(doc):
        return None
    k = c.last
    if doc[k].text == ",":
        k += 1
    elif doc[k].lower_ == "and":
        k += 1
        while k < min(len(doc), c.last + 6) and not (k in owner and cands[owner[k]].form == NAME):
            k += 1
        titles = doc[c.last + 1 : k].text.lower().split()
        if not titles or not all(w in TITLES or normalise(w) in TITLES for w in titles):
            return None
    else:
        return None
    n = owner.get(k)
    if n is None or cands[n].form != NAME or cands[n].first != k:
        return None
    if cands[n].label not in KIND_LABELS[c.label]:
        return None
    a, b = doc[c.root], doc[cands[n].root]
    same_slot = a.head.i == b.head.i and a.dep_ == b.dep_ and a.i != a.head.i
    return n if same_slot or a.head.i == b.i or b.head.i == a.i else None


def _group_and_member(a: Candidate, b: Candidate) -> bool:
    """ "the Zen line, the Zen Mini": a group of products and one of them are two things."""
    return any(x.form == DESCRIPTION and x.key in PRODUCT_GROUPS for x in (a, b))


def _maker_of(name: int, c: Candidate, cands: list[Candidate], clusters: Clusters) -> bool:
    """ "Acme Inc. software": a product noun after a company's name is what the company makes, not the
    company; and a firm's noun after a product is not the product."""
    looks = looks_like(name, cands, clusters)
    return (c.label == PRODUCT and looks == ORG) or (c.label == ORG and looks in (PRODUCT, EVENT))


def _predicate_of(doc: Doc, c: Candidate, cands: list[Candidate], owner: dict[int, int]) -> int | None:
    """ "The Zphone is claimed to be a revolutionary mobile phone": a description of a kind that is
    the predicate of "be" or "become" names what the clause's subject names."""
    root = doc[c.root]
    if c.form != DESCRIPTION or not (c.label or c.thing) or root.dep_ not in ("attr", "oprd"):
        return None
    verb = root.head
    if verb.lemma_ not in ("be", "become", "remain"):
        return None
    subject = next((t for t in verb.children if t.dep_ in SUBJECTS), None)
    if subject is None and verb.dep_ == "xcomp":  # "is claimed to be": the governor's subject
        subject = next((t for t in verb.head.children if t.dep_ in SUBJECTS), None)
    n = owner.get(subject.i) if subject is not None else None
    if n is None or cands[n].form not in (NAME, DESCRIPTION) or not _compatible_kinds(cands[n], c):
        return None
    return n


def _compatible_kinds(a: Candidate, b: Candidate) -> bool:
    """Apposition joins a person only to a person ("Jobs, the CEO"), never to a firm or a product,
    unless the person is a lone word the model guessed to be one ("Tiger, the newest version")."""
    kinds = {a.label, b.label} - {""}
    return len(kinds) < 2 or PERSON not in kinds or bool(_kind_said(a, b))


def _kind_said(a: Candidate, b: Candidate) -> str | None:
    """The spaCy label an apposition's description gives a one-word name the model called a person:
    "Tiger, the newest version of Mac OS X" is a product."""
    for name, described in ((a, b), (b, a)):
        if (
            name.form == NAME
            and name.label == "PERSON"
            and " " not in name.key
            and described.form == DESCRIPTION
            and described.label not in ("", PERSON)
        ):
            return KIND_TO_LABEL[described.label]
    return None
