"""The groups of candidate mentions that resolution builds: a union-find with each group's label."""

from __future__ import annotations

from .candidate import Candidate
from .lexicon import KIND_TO_LABEL


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
