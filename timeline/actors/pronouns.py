"""Pronouns: which actor a personal pronoun refers back to.

Salience, after Lappin and Leass (1994): every mention in the last few sentences lends its actor
weight, more as a subject or an object, halved for each sentence back; a pronoun refers to the most
salient actor it can (kind, number; "he" and "she" only a person of their gender or of none known,
see ``gender``). The parse adds two rules: a possessive refers to the subject of its own clause when
that fits ("During its event, Apple ...", "forced Apple to lower its prices"), and a pronoun that is
neither possessive nor reflexive never refers to the subject of its own clause ("Gizmodo obtained the
phone and published details of it").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .candidate import DEMONYM, DESCRIPTION, NAME, PRONOUN, Candidate
from .clusters import Clusters, cluster_label, looks_like
from .gender import gender_of
from .lexicon import EVENT, FEMALE, KIND_LABELS, MALE, PRODUCT, SPEECH_VERBS

#: how many sentences back a pronoun or a description may look for what it refers to
WINDOW = 3
#: salience weights (Lappin and Leass): every mention, and more for a subject or an object
RECENCY, SUBJECT, OBJECT = 100.0, 80.0, 50.0
#: the weight of a singular mention for "they" ("Acme" … "they" beside "the two companies")
NUMBER_MISMATCH = 0.5
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
#: pronouns of one group refer to one referent the same way ("it" … "its", "he" … "his")
_GROUPS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), "i"),
    **dict.fromkeys(("it", "its", "itself"), "it"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "they"),
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), "we"),
}
_PRONOUN_GENDERS = {"he": MALE, "she": FEMALE}
#: verbs whose subject "it" stands for a clause ("it seems that ...")
_CLAUSE_VERBS = frozenset({"seem", "appear", "happen", "matter"})
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
#: words that stand alone for some of a group ("some had trouble with their orders")
_QUANTIFIERS = frozenset({"some", "others", "many", "several", "both", "all", "most", "few", "each"})
_POSSESSIVES = frozenset({"his", "her", "hers", "my", "mine", "its", "their", "theirs", "our", "ours"})


def link_pronouns(
    doc: Doc, cands: list[Candidate], clusters: Clusters, labels: dict[int, str], owner: dict[int, int]
) -> set[int]:
    """Join each personal pronoun to the actor it refers to; returns the pronouns left unresolved."""
    dropped: set[int] = set()
    anchors: list[int] = []  # mentions a pronoun may refer back to, in text order
    gendered = any(c.form == PRONOUN and _GROUPS.get(c.key) in _PRONOUN_GENDERS for c in cands)
    genders = _cluster_genders(cands, clusters) if gendered else {}  # the name list only when needed
    for i, c in enumerate(cands):
        if c.form != PRONOUN:
            if c.form in (NAME, DEMONYM) or (c.form == DESCRIPTION and c.label):
                anchors.append(i)
            continue
        if not c.label:  # relative pronoun: placed by the parse, or nowhere
            if clusters.find(i) == i:
                dropped.add(i)
            continue
        if c.key == "it" and _pleonastic(doc[c.root]):
            dropped.add(i)  # "it is expected that ...", "it was announced that ...": no actor
            continue
        target = _pronoun_target(doc, i, cands, clusters, labels, owner, anchors, genders)
        if target is None:
            dropped.add(i)
        else:
            said = genders.pop(clusters.find(target), None) or _PRONOUN_GENDERS.get(_GROUPS.get(c.key, ""))
            clusters.union(target, i)
            anchors.append(i)
            if said:
                genders[clusters.find(target)] = said
    return dropped


def _cluster_genders(cands: list[Candidate], clusters: Clusters) -> dict[int, str]:
    """cluster root -> the gender its names and descriptions tell, where they tell one and agree."""
    said: dict[int, set[str]] = {}
    for i, c in enumerate(cands):
        g = gender_of(c)
        if g:
            said.setdefault(clusters.find(i), set()).add(g)
    return {root: next(iter(gs)) for root, gs in said.items() if len(gs) == 1}


def _pronoun_target(
    doc: Doc,
    i: int,
    cands: list[Candidate],
    clusters: Clusters,
    labels: dict[int, str],
    owner: dict[int, int],
    anchors: list[int],
    genders: dict[int, str],
) -> int | None:
    c = cands[i]
    gender = _PRONOUN_GENDERS.get(_GROUPS.get(c.key, ""))
    allowed: set[str] = set()
    for kind in c.label.split("|"):
        allowed |= KIND_LABELS[kind]

    def fits(j: int) -> bool:
        a = cands[j]
        # a relative pronoun stands for its noun ("iZen, which has added ... to its tools")
        if a.form == PRONOUN and a.label and _GROUPS.get(a.key) != _GROUPS.get(c.key):
            return False
        label = cluster_label(j, cands, clusters, labels)
        if label not in allowed and not (
            _GROUPS.get(c.key) == "they" and a.plural and label in KIND_LABELS[PRODUCT]
        ):
            return False  # things are "they" only when more than one: "apps ... distribute them"
        if gender and genders.get(clusters.find(j), gender) != gender:
            return False  # "she" is not a man named Steve
        if c.plural and not a.plural and looks_like(j, cands, clusters) in (PRODUCT, EVENT):
            return False  # "we" and "they" are people or a firm, never one product (the model calls many a product ORG)
        return not (label == "PERSON" and a.plural != c.plural and (a.form != NAME or c.plural))

    token = doc[c.root]
    if _GROUPS.get(c.key) in ("i", "we"):
        spoken = _speaker_target(doc, token, cands, clusters, owner, fits)
        if spoken is not None:
            return spoken
    subject = _clause_subject(token)
    if c.key in _POSSESSIVES:
        j = owner.get(subject.i) if subject is not None else None
        # only an actor already named: a description no name anchors is too weak a lead
        if j is not None and j != i and clusters.find(j) in labels and fits(j):
            return j
        if c.plural and subject is not None and subject.lower_ in _QUANTIFIERS:
            return j  # "others tweeted about their experience": theirs, whoever they are
    # a plain pronoun is not the subject of its own clause ("Gizmodo ... published details of it")
    barred = -1
    if c.key not in _POSSESSIVES and not c.key.endswith(("self", "selves")):
        own = _clause_subject(token, nearest_only=True)
        barred = clusters.find(owner[own.i]) if own is not None and own.i in owner else -1
    score: dict[int, float] = {}
    latest: dict[int, int] = {}
    for j in reversed(anchors):
        a = cands[j]
        back = c.sentence - a.sentence
        if back > WINDOW:
            break
        root = clusters.find(j)
        if root == barred or not fits(j) or a.first <= c.first < a.last:
            continue  # nor the phrase it is written in ("their largest conference")
        # a firm is "they" as well as "it", but more than one of anything is "they" first ("we" is
        # a firm speaking, one actor)
        agree = NUMBER_MISMATCH if _GROUPS.get(c.key) == "they" and not a.plural else 1.0
        score[root] = score.get(root, 0.0) + agree * salience(doc, a) / 2**back
        latest.setdefault(root, j)
    if not score:
        return None
    best = latest[max(score, key=lambda r: (score[r], latest[r]))]
    if _GROUPS.get(c.key) == "they" and not cands[best].plural and _coordinated(doc[cands[best].root], owner):
        return None  # "Korvo and Zentrix signed a deal. They ...": the two together, no one actor
    return best


def _coordinated(token: Token, owner: dict[int, int]) -> bool:
    """Whether a mention's head is joined by "and" to another mention ("Korvo and Zentrix")."""
    others = [t for t in token.children if t.dep_ == "conj"]
    if token.dep_ == "conj":
        others.append(token.head)
    return any(t.i in owner for t in others)


def _pleonastic(token: Token) -> bool:
    """Whether a subject "it" stands for the clause after it, not an actor (after Lappin and Leass's
    patterns): "it is expected / was announced / seems that ...", "it is unclear whether ...", "it is
    important to note ...", "it has been painful being ...". A raised subject ("it is expected to
    ship", "it is likely to cut jobs", "it is easy to use") is the actor itself."""
    if token.dep_ not in _SUBJECTS:
        return False
    head = token.head
    deps = {t.dep_ for t in head.children}
    said_of_clause = "auxpass" in deps or "acomp" in deps or head.lemma_ in _CLAUSE_VERBS
    if not said_of_clause:
        return False
    for child in head.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("ccomp", "csubj") and any(
            t.dep_ == "mark" and t.lower_ in _COMPLEMENTIZERS for t in child.children
        ):
            return True
        if child.dep_ == "xcomp" and "acomp" in deps:
            return True  # the infinitive or gerund hangs on the verb, not on the adjective
    return False


def _speaker_target(
    doc: Doc,
    token: Token,
    cands: list[Candidate],
    clusters: Clusters,
    owner: dict[int, int],
    fits: Callable[[int], bool],
) -> int | None:
    """Who "I" or "we" is in a quote: the speaker ('"I am happy," Bale said'), and for "we" a speaker
    that is a firm, or the firm in a speaker's title ('"We will win," said Zentrix chief Tom Bale')."""
    speaker = _speaker(token)
    n = owner.get(speaker.i) if speaker is not None else None
    if speaker is None or n is None:
        return None
    if cands[n].form == PRONOUN and clusters.find(n) == n:
        return None  # a speaker known only as "he" not yet placed
    if fits(n):
        return n
    for t in doc[speaker.left_edge.i : speaker.i]:
        j = owner.get(t.i)
        if j is not None and cands[j].form == NAME and fits(j):
            return j
    return None


def _speaker(token: Token) -> Token | None:
    """The subject of the verb of saying whose quoted clause holds the token."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in SPEECH_VERBS:
            return next((t for t in node.head.children if t.dep_ == "nsubj"), None)
        node = node.head
    return None


def salience(doc: Doc, a: Candidate) -> float:
    """What one mention lends its actor's salience: more as a subject or an object."""
    dep = doc[a.root].dep_
    return RECENCY + (SUBJECT if dep in _SUBJECTS else OBJECT if dep in _OBJECTS else 0.0)


def _clause_subject(token: Token, *, nearest_only: bool = False) -> Token | None:
    """The subject of the clause the token is in, the pronoun itself aside: the verb's own subject,
    or the one it takes over (an infinitive takes its governor's object, "forced Apple to lower its
    prices", or else its subject; a conjoined verb its first verb's)."""
    node = token.head
    while True:
        if node.pos_ in ("VERB", "AUX"):
            own = next((t for t in node.children if t.dep_ in _SUBJECTS), None)
            if own is not None:
                # a pronoun inside the subject ("its shares rose") looks further up
                if not (own.left_edge.i <= token.i <= own.right_edge.i):
                    return own
                if nearest_only:
                    return None
            elif node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
                governor = node.head
                if node.dep_ == "xcomp":
                    obj = next((t for t in governor.children if t.dep_ == "dobj" and t.i < node.i), None)
                    if obj is not None:
                        return obj
                own = next((t for t in governor.children if t.dep_ in _SUBJECTS), None)
                # "Developers will be able to set prices or release them": through the infinitive
                # and the adjective to the verb that has the subject
                while (
                    own is None
                    and governor.dep_ in ("xcomp", "acomp", "conj")
                    and governor.head.i != governor.i
                ):
                    governor = governor.head
                    own = next((t for t in governor.children if t.dep_ in _SUBJECTS), None)
                if own is not None and not (own.left_edge.i <= token.i <= own.right_edge.i):
                    return own
            if nearest_only:
                return None
        if node.head.i == node.i:
            return None
        node = node.head
