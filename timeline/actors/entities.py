"""From clusters of mentions to the article's ``Entity`` records: name, kind, aliases, attributes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..records import THING, Entity, Mention
from . import names
from .candidate import DEMONYM, DESCRIPTION, NAME, Candidate
from .clusters import Clusters
from .gazetteer import COUNTRY_DISPLAY
from .lexicon import DEFINITE, KIND_TO_LABEL, PERSON

#: the kind of an actor known only by descriptions of no known kind ("the price", "the deal")
OTHER_KIND = "OTHER"


def build_entities(
    doc_id: str, cands: list[Candidate], clusters: Clusters, dropped: set[int]
) -> tuple[Entity, ...]:
    """One ``Entity`` per cluster, in order of first mention, keyed ``e1``, ``e2``, ... in that order."""
    groups: dict[int, list[int]] = {}
    for i in range(len(cands)):
        if i not in dropped:
            groups.setdefault(clusters.find(i), []).append(i)
    # a cluster of descriptions of no known kind ("the meeting", "negotiations") is a thing talked
    # about, not an actor: only names, demonyms and descriptions of people, organisations, places,
    # products or a country's sector make one
    kept = [m for m in groups.values() if any(_actor_like(cands[i]) for i in m)]
    ordered = sorted(kept, key=lambda members: min(cands[i].start for i in members))
    return tuple(
        _entity(f"e{n}", doc_id, [cands[i] for i in sorted(members, key=lambda i: cands[i].start)])
        for n, members in enumerate(ordered, start=1)
    )


def _actor_like(c: Candidate) -> bool:
    return c.form in (NAME, DEMONYM) or (c.form == DESCRIPTION and bool(c.label or c.sector or c.thing))


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _entity(key: str, doc_id: str, members: list[Candidate]) -> Entity:
    named = [c for c in members if c.form == NAME]
    # a name the entity recogniser found beats a noun phrase guessed to be one
    named = [c for c in named if c.from_ner] or named
    country = _majority(
        c.country for c in members if c.form in (NAME, DEMONYM) or c.sector or c.label == "PLACE"
    )
    country = country or _majority(c.country for c in members)
    forms = [_bare_name(c) for c in named]
    sector = None
    is_country = (
        bool(country)
        and all(c.label == "GPE" for c in named)
        and (any(c.form == DEMONYM for c in members) or any(c.country for c in named))
    )
    if is_country and country:
        name = COUNTRY_DISPLAY.get(country, country)
        kind = "GPE"
    elif named:
        counts = Counter(forms)
        name = min(forms, key=lambda f: (-len(f.split()), -counts[f], forms.index(f)))
        longest = max(len(c.key.split()) for c in named)
        kind = _majority(c.label for c in named if len(c.key.split()) == longest) or OTHER_KIND
    else:
        described = [c for c in members if c.form == DESCRIPTION]
        first = next(
            (c for c in described if c.definite or c.plural), described[0] if described else members[0]
        )
        name = _phrase_name(first.phrase or first.text)
        kind = KIND_TO_LABEL.get(_majority(c.label for c in described) or "", OTHER_KIND)
        if not any(c.label or c.sector for c in described):
            kind = THING  # kept for its things ("the price"), which are no actors
        sector = _majority(c.sector for c in described)
    aliases = {f for f in forms}
    aliases.update(names.clean(c.text) for c in named)
    aliases.update(c.qualified for c in named if c.qualified)
    aliases.update(c.text for c in members if c.form == DEMONYM)
    aliases.discard(name)
    roles = {c.title for c in named if c.title}
    if kind == "PERSON":
        roles.update(_role(c) for c in members if c.form == DESCRIPTION and c.label == PERSON)
    roles.discard("")
    mentions = tuple(Mention(doc_id, *c.extent(), c.form) for c in members)
    return Entity(
        key=key,
        name=name,
        kind=kind,
        mentions=mentions,
        aliases=tuple(sorted(aliases, key=lambda a: (a.casefold(), a))),
        roles=tuple(sorted(roles)),
        country=country,
        sector=sector,
    )


def _phrase_name(phrase: str) -> str:
    """A description as an actor's name: one line, no leading number ("2005\nApple CEO" -> "Apple CEO")."""
    words = names.strip_possessive(phrase).split()
    while len(words) > 1 and not any(ch.isalpha() for ch in words[0]):
        words.pop(0)
    return " ".join(words)


def _bare_name(c: Candidate) -> str:
    cleaned = names.clean(c.text)
    return names.split_title(cleaned)[1] if c.label == "PERSON" else cleaned


def _role(c: Candidate) -> str:
    """ "a spokesman" -> "spokesman"; "the Apple Chief Executive Officer" -> "Chief Executive Officer"."""
    words = c.text.split()
    while words and words[0].lower() in DEFINITE | {"a", "an"}:
        words.pop(0)
    return " ".join(words)
