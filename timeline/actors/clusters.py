"""The groups of candidate mentions that resolution builds: a union-find with each group's label."""

from __future__ import annotations

from .candidate import NAME, Candidate
from .lexicon import DESIGNATORS, EVENT, EVENT_NOUNS, KIND_TO_LABEL, LEGAL_SUFFIXES, ORG, PRODUCT


class Clusters:
    """Union-find over candidate indices; the smallest index represents its cluster (deterministic)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        #: root -> spaCy label of clusters that hold a name; kept on the root through unions
        self.labels: dict[int, str] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            self.parent[high] = low
            if high in self.labels:
                label = self.labels.pop(high)
                self.labels.setdefault(low, label)


def cluster_label(i: int, cands: list[Candidate], clusters: Clusters, labels: dict[int, str]) -> str:
    """The spaCy label of candidate ``i``'s cluster: its names' label, else its description's kind."""
    root = clusters.find(i)
    if root in labels:
        return labels[root]
    return KIND_TO_LABEL.get(cands[i].label, "")


def looks_like(j: int, cands: list[Candidate], clusters: Clusters) -> str:
    """Whether the actor of candidate ``j`` looks like a company, a product or an event ("" when no
    sign either way).

    spaCy's small model labels products ORG as often as not; a legal suffix or designator ("Apple
    Inc.", "Apple Computer") says company, a digit or a lower-case first letter ("iPhone 4") says product,
    an event noun at the end ("Developers Conference") says event.
    """
    root = clusters.find(j)
    for k in range(root, j + 1):
        c = cands[k]
        if c.form != NAME or clusters.find(k) != root:
            continue
        if c.label == "PRODUCT" or any(ch.isdigit() for ch in c.text) or c.text[:1].islower():
            return PRODUCT
        words = c.text.replace(".", "").lower().split()
        if len(words) > 1 and (words[-1] in DESIGNATORS or words[-1] in LEGAL_SUFFIXES):
            return ORG
        if words and words[-1] in EVENT_NOUNS:
            return EVENT
    return ""
