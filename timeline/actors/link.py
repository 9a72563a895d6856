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
    """:func:`link_actors` in steps: each article's entities grouped as the article comes; the groups
    linked so far (:meth:`prepare`), when the caller has the time before the last articles come (a
    rebuild links the stored articles while the new ones are parsed); then :meth:`actors` links on
    top of that what the later articles changed: the short forms among the names they touch, and the
    actors whose groups they joined. The result is the one of linking every group at once."""

    def __init__(self) -> None:
        self.articles = 0  # how many were added
        self._groups: dict[GroupKey, list[tuple[str, Entity]]] = {}
        self._key = _Keys().__getitem__
        self._linked: _Linked | None = None
        self._changed: set[GroupKey] = set()  # the groups added to since :meth:`prepare`
        #: the articles linked by :meth:`prepare` some of whose entities :meth:`actors` gave another actor
        self.moved: set[str] = set()

    def add(self, doc_id: str, entities: Iterable[Entity]) -> None:
        """The entities of the next article in story order."""
        groups, key = self._groups, self._key
        changed = self._changed if self._linked is not None else None
        for entity in entities:
            k = group_key(doc_id, entity, key=key)
            members = groups.get(k)
            if members is None:
                groups[k] = [(doc_id, entity)]
            else:
                members.append((doc_id, entity))
            if changed is not None:
                changed.add(k)
        self.articles += 1

    def prepare(self) -> tuple[list[Actor], dict[tuple[str, str], str]]:
        """Link the groups added so far; the articles added next are linked on top by :meth:`actors`.
        Returns what :meth:`actors` would return now; :attr:`moved` says afterwards which of these
        articles' entities :meth:`actors` gave another actor."""
        linked = self._linked = _Linked(self._groups, self._key)
        self._changed = set()
        return sorted(linked.actors.values(), key=attrgetter("id")), dict(linked.index)

    def actors(self) -> tuple[list[Actor], dict[tuple[str, str], str]]:
        """What :func:`link_actors` returns, for the articles added. Once: the groups (every entity
        of the build) are let go here, not held while the events are linked and ordered."""
        linked, self._linked = self._linked, None
        if linked is None:
            linked = _Linked(self._groups, self._key)
        else:
            linked.update(self._changed)
            self.moved = linked.moved
        self._groups, self._changed = {}, set()
        return sorted(linked.actors.values(), key=attrgetter("id")), linked.index


class _Linked:
    """The groups linked into actors: each named group's short-form pairs (:func:`_pairs_of`), the
    actor of each set of groups that the pairs join, and the actor of each ``(document id, entity
    key)``. :meth:`update` redoes only what changed groups touch."""

    def __init__(self, groups: dict[GroupKey, list[tuple[str, Entity]]], key: Callable[[str], str]) -> None:
        self.groups = groups
        self._key = key
        self._named = _Named()
        named = sorted(k for k in groups if k[0] == "name")
        for k in named:
            self._named.note(k, groups[k], key)
        self._pairs = {k: _pairs_of(k, groups, self._named, key) for k in named}
        self.actors: dict[tuple[GroupKey, ...], Actor] = {}
        self.index: dict[tuple[str, str], str] = {}
        self.moved: set[str] = set()  # the documents some of whose entities the last update re-indexed
        self._joined: dict[GroupKey, tuple[GroupKey, ...]] = {}  # each group's set of joined groups
        self._join(groups.keys(), set())

    def update(self, changed: set[GroupKey]) -> None:
        """Link again after entities joined the groups ``changed`` (new groups among them)."""
        self.moved = set()
        touched = sorted(k for k in changed if k[0] == "name")
        for k in touched:
            self._named.note(k, self.groups[k], self._key)
        # a named group's pairs depend on the groups that share its first or last word (the longer
        # names it may be short for, its maker and the rest of its name) and on those that give its
        # name as an alias: only theirs can change
        again = set(touched)
        for k in touched:
            words = k[1].split()
            for w in {words[0], words[-1]}:
                again.update(self._named.by_word.get(w, ()))
            again.update(
                alias
                for a in self._named.alias_keys[k]  # (a group's aliases only grow)
                if (alias := ("name", a)) in self.groups
            )
        for k in again:
            self._pairs[k] = _pairs_of(k, self.groups, self._named, self._key)
        # only the sets of joined groups that a changed group or a changed pair is in can change: a
        # group's pairs that were not made again join it to groups of its set, as before
        seeds = changed | again | {g for k in again for pair in self._pairs.get(k, ()) for g in pair}
        self._join({g for k in seeds for g in self._joined.get(k, (k,))}, changed)

    def _join(self, scope: Iterable[GroupKey], changed: set[GroupKey]) -> None:
        """The actors of the groups in ``scope`` (whole sets of joined groups, as the pairs join them):
        kept for a set of groups that none of ``changed`` is in and that was joined so before, else
        made (and their entities indexed). The actors of the groups out of scope are kept."""
        groups = self.groups
        parent = {k: k for k in scope}

        def find(k: GroupKey) -> GroupKey:
            while parent[k] != k:
                k = parent[k]
            return k

        for k in parent:
            for short, long in self._pairs.get(k, ()):
                a, b = find(short), find(long)
                if a != b:
                    parent[a] = b
        merged: dict[GroupKey, list[GroupKey]] = {}
        for k in sorted(parent):
            merged.setdefault(find(k), []).append(k)
        # the sets of joined groups out of scope, as they were (a set is wholly in scope or out of it)
        actors = {joined: a for joined, a in self.actors.items() if joined[0] not in parent}
        index = self.index
        for keys in merged.values():
            joined = tuple(keys)
            actor = self.actors.get(joined)
            if actor is None or not changed.isdisjoint(joined):
                if len(keys) == 1:  # most actors: one group
                    canonical, members = keys[0], groups[keys[0]]
                else:
                    canonical = min(keys, key=lambda k: (-len(k[-1].split()), k))
                    members = [m for k in keys for m in groups[k]]
                actor = _actor(actor_id_for(*canonical), members)
                actor_id = actor.id
                for doc_id, entity in members:
                    entry = (doc_id, entity.key)
                    before = index.get(entry)
                    if before != actor_id:
                        if before is not None:
                            self.moved.add(doc_id)
                        index[entry] = actor_id
            actors[joined] = actor
            for k in joined:
                self._joined[k] = joined
        self.actors = actors


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


class _Named:
    """What the short forms are found from, by named group: its size (mentions), whether it names a
    person, the keys of its aliases; and the groups by the first and last word of their name, and by
    the aliases their articles give them."""

    def __init__(self) -> None:
        self.size: dict[GroupKey, int] = {}
        self.person: dict[GroupKey, bool] = {}
        self.alias_keys: dict[GroupKey, set[str]] = {}
        self.by_word: dict[str, list[GroupKey]] = {}
        self.by_alias: dict[str, list[GroupKey]] = {}

    def note(self, k: GroupKey, members: list[tuple[str, Entity]], key: Callable[[str], str]) -> None:
        """A named group met, or met again with more members (which only add to its aliases)."""
        self.size[k] = sum([len(e.mentions) for _, e in members])
        self.person[k] = _kind(members) == "PERSON"
        aliases = {key(a) for _, e in members for a in e.aliases} - {k[1]}
        before = self.alias_keys.get(k)
        if before is None:
            words = k[1].split()
            for w in {words[0], words[-1]}:
                self.by_word.setdefault(w, []).append(k)
            before = set()
        for a in sorted(aliases - before):
            self.by_alias.setdefault(a, []).append(k)
        self.alias_keys[k] = aliases


def _pairs_of(
    k: GroupKey, groups: dict[GroupKey, list[tuple[str, Entity]]], named: _Named, key: Callable[[str], str]
) -> list[tuple[GroupKey, GroupKey]]:
    """(short group, long group) pairs of the named group ``k``: it joins at most one longer name it is
    short for, the longer names its articles describe it by (:func:`_named_by_kind`), and a name of its
    own after a maker's."""
    short = k[1]
    words = short.split()
    pairs = []
    # an alias found in one article carries over only when it is an acronym of the name: a short
    # form resolved one way in one article ("iPod" in an article about the iPod nano) must not
    # pull every article's "iPod" with it
    candidates = {lk for lk in named.by_alias.get(short, []) if names.is_acronym_of(short, lk[1])}
    for w in {words[0], words[-1]}:
        for lk in named.by_word.get(w, []):
            if names.is_short_form(short, lk[1], person=named.person[lk]):
                candidates.add(lk)
    candidates.discard(k)
    candidates = {lk for lk in candidates if len(lk[1].split()) >= len(words)}
    if candidates:
        best = min(candidates, key=lambda lk: (-named.size[lk], lk))
        pairs.append((k, best))
    pairs.extend((k, lk) for lk in _named_by_kind(k, groups, named.by_word.get(words[0], []), key))
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
