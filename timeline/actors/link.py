"""Across articles: one build-wide ``Actor`` per real-world actor.

Entities are grouped by what identifies them: a country (and sector), or the key of their fullest
name. A group known by a short form ("Jobs", "Apple") then joins the one longer name it is short for
("Steve Jobs", "Apple Computer"), or an acronym its expansion; when several longer names fit ("Apple
Computer", "Apple Corps"), it joins the most mentioned, and those longer names stay apart. Entities
known only by descriptions ("the deal") are never linked across articles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from operator import attrgetter

from ..records import Actor, Entity, Extraction
from . import names
from .lexicon import HEAD_KINDS

GroupKey = tuple[str, ...]


class _Keys(dict[str, str]):
    """:func:`names.key` of each name met, computed once: a build's entities repeat their names."""

    def __missing__(self, text: str) -> str:
        found = self[text] = names.key(text)
        return found


def link_actors(extractions: Iterable[Extraction]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Merge the per-article entities into build-wide actors.

    Returns the actors (sorted by id) and a map from ``(document id, entity key)`` to ``Actor.id``.
    """
    linking = Linking()
    for extraction in extractions:
        linking.add(extraction.document.id, extraction.entities)
    return linking.actors()


class Linking:
    """:func:`link_actors` in two steps: each article's entities grouped as the article comes (a
    rebuild groups the stored articles while the new ones are parsed), then the groups linked."""

    def __init__(self) -> None:
        self.articles = 0  # how many were added
        self._groups: dict[GroupKey, list[tuple[str, Entity]]] = {}
        self._key = _Keys().__getitem__

    def add(self, doc_id: str, entities: Iterable[Entity]) -> None:
        """The entities of the next article in story order."""
        groups, key = self._groups, self._key
        for entity in entities:
            k = group_key(doc_id, entity, key=key)
            members = groups.get(k)
            if members is None:
                groups[k] = [(doc_id, entity)]
            else:
                members.append((doc_id, entity))
        self.articles += 1

    def actors(self) -> tuple[list[Actor], dict[tuple[str, str], str]]:
        """What :func:`link_actors` returns, for the articles added. Once: the groups (every entity
        of the build) are let go here, not held while the events are linked and ordered."""
        groups, self._groups = self._groups, {}
        parent = {k: k for k in groups}

        def find(k: GroupKey) -> GroupKey:
            while parent[k] != k:
                k = parent[k]
            return k

        for short, long in _short_forms(groups, self._key):
            a, b = find(short), find(long)
            if a != b:
                parent[a] = b
        merged: dict[GroupKey, list[GroupKey]] = {}
        for k in sorted(groups):
            merged.setdefault(find(k), []).append(k)
        actors: list[Actor] = []
        index: dict[tuple[str, str], str] = {}
        for keys in merged.values():
            if len(keys) == 1:  # most actors: one group
                canonical, members = keys[0], groups[keys[0]]
            else:
                canonical = min(keys, key=lambda k: (-len(k[-1].split()), k))
                members = [m for k in keys for m in groups[k]]
            actor = _actor(actor_id_for(*canonical), members)
            actors.append(actor)
            actor_id = actor.id
            for doc_id, entity in members:
                index[(doc_id, entity.key)] = actor_id
        return sorted(actors, key=attrgetter("id")), index


def group_key(doc_id: str, entity: Entity, *, key: Callable[[str], str] = names.key) -> GroupKey:
    """What identifies an entity across articles (``key``: :func:`names.key`, or a memo of it)."""
    if entity.country and entity.kind == "GPE" and not entity.sector:
        return ("country", entity.country)
    named = _named(entity)
    if entity.country and entity.sector and not named:
        return ("sector", entity.country, entity.sector)
    if named:
        k = key(entity.name)
        if k:
            return ("name", k)
    return ("local", doc_id, entity.key)


def _named(entity: Entity) -> bool:
    return any(m.form == "name" for m in entity.mentions)


def _short_forms(
    groups: dict[GroupKey, list[tuple[str, Entity]]], key: Callable[[str], str]
) -> list[tuple[GroupKey, GroupKey]]:
    """(short group, long group) pairs: each short group joins at most one longer one."""
    named = sorted(k for k in groups if k[0] == "name")
    size = {k: sum([len(e.mentions) for _, e in groups[k]]) for k in named}
    person = {k: _kind(groups[k]) == "PERSON" for k in named}
    alias_keys = {k: {key(a) for _, e in groups[k] for a in e.aliases} - {k[1]} for k in named}
    # index the long groups by their first and last word so each short group looks at a few
    by_word: dict[str, list[GroupKey]] = {}
    for k in named:
        words = k[1].split()
        for w in {words[0], words[-1]}:
            by_word.setdefault(w, []).append(k)
    by_alias: dict[str, list[GroupKey]] = {}
    for k in named:
        for a in sorted(alias_keys[k]):
            by_alias.setdefault(a, []).append(k)
    pairs = []
    for k in named:
        short = k[1]
        words = short.split()
        # an alias found in one article carries over only when it is an acronym of the name: a short
        # form resolved one way in one article ("iPod" in an article about the iPod nano) must not
        # pull every article's "iPod" with it
        candidates = {lk for lk in by_alias.get(short, []) if names.is_acronym_of(short, lk[1])}
        for w in {words[0], words[-1]}:
            for lk in by_word.get(w, []):
                if names.is_short_form(short, lk[1], person=person[lk]):
                    candidates.add(lk)
        candidates.discard(k)
        candidates = {lk for lk in candidates if len(lk[1].split()) >= len(words)}
        if candidates:
            best = min(candidates, key=lambda lk: (-size[lk], lk))
            pairs.append((k, best))
        pairs.extend((k, lk) for lk in _named_by_kind(k, groups, by_word.get(words[0], []), key))
        # "Apple Macintosh" is the Macintosh: a maker's name before a name of its own
        maker, rest = ("name", words[0]), ("name", " ".join(words[1:]))
        if (
            len(words) > 1
            and rest in groups
            and maker in groups
            and _kind(groups[maker]) == "ORG"
            and _kind(groups[rest]) != "PERSON"
        ):
            pairs.append((k, rest))
    return pairs


def _named_by_kind(
    short: GroupKey,
    groups: dict[GroupKey, list[tuple[str, Entity]]],
    longer: list[GroupKey],
    key: Callable[[str], str],
) -> list[GroupKey]:
    """ "iTunes Music Store" and "iTunes Store" for "iTunes", where an article calls iTunes "the
    iTunes store": longer names that add words ending in a kind of thing are the short name when
    the short name's own articles describe it by that kind. Without that evidence they stay apart
    ("iPhone" and the "iPhone Developer Program")."""
    described: dict[str, int] = {}
    for _, e in groups[short]:
        for m in e.mentions:
            if m.form == "description" and (word := key(m.text).rpartition(" ")[2]) in HEAD_KINDS:
                described[word] = described.get(word, 0) + 1
    if not described:
        return []
    kind = min(described, key=lambda w: (-described[w], w))
    words = short[1].split()
    return [
        lk
        for lk in longer
        if lk != short
        and (long := lk[1].split())[: len(words)] == words
        and len(long) > len(words)
        and long[-1] == kind
    ]


def _kind(members: list[tuple[str, Entity]]) -> str:
    """The kind most of the group's names give (each entity's mentions by name, at least one)."""
    if len(members) == 1:  # most groups: one entity, its own kind
        return members[0][1].kind
    counts: dict[str, int] = {}
    for _, e in members:
        counts[e.kind] = counts.get(e.kind, 0) + (sum(m.form == "name" for m in e.mentions) or 1)
    return min(counts, key=lambda k: (-counts[k], k))


def _actor(actor_id: str, members: list[tuple[str, Entity]]) -> Actor:
    if len(members) == 1:  # most actors: one entity, taken as it is (the general case gives the same)
        e = members[0][1]
        aliases = set(e.aliases)
        aliases.discard(e.name)
        return Actor(
            actor_id,
            e.name,
            e.kind,
            e.mentions,
            tuple(sorted(aliases, key=_alias_order)) if aliases else (),
            tuple(sorted(set(e.roles))) if e.roles else (),
            e.country or None,
            e.sector or None,
        )
    entities = [e for _, e in members]
    counts: dict[str, int] = {}
    for e in entities:
        counts[e.name] = counts.get(e.name, 0) + 1
    # the longest name, then the most used, then the first met (counts keep the order names came in)
    name = min(counts, key=lambda n: (-len(n.split()), -counts[n]))
    aliases = {a for e in entities for a in (e.name, *e.aliases)} - {name}
    return Actor(
        actor_id,
        name,
        _kind(members),
        entities[0].mentions if len(entities) == 1 else tuple(m for e in entities for m in e.mentions),
        aliases=tuple(sorted(aliases, key=_alias_order)),
        roles=tuple(sorted({r for e in entities for r in e.roles})),
        country=_commonest([e.country for e in entities if e.country]),
        sector=_commonest([e.sector for e in entities if e.sector]),
    )


def _alias_order(alias: str) -> tuple[str, str]:
    return (alias.casefold(), alias)


def _commonest(values: list[str]) -> str | None:
    """The value met most often, the first met among equals (as ``Counter.most_common``); None for none."""
    if len(values) <= 1:
        return values[0] if values else None
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=counts.__getitem__)


def actor_id_for(*parts: str) -> str:
    """A stable id from what identifies the actor (the same parts give the same id in every run)."""
    return "a" + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=5).hexdigest()
