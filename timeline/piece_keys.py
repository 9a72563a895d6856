"""What identifies an event's piece of an output between builds (see :mod:`timeline.pieces`): its key,
a digest of everything the piece is made from but the event's id (the event's record; its article;
its actors' names; the articles that also report it), and a key per participant for the outputs that
keep a piece for each.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields

import msgspec
import numpy as np

from .records import Build, Document, Event

#: A key: 16 bytes.
KEY = np.dtype("S16")
_RECORD = operator.attrgetter(*(f.name for f in fields(Event) if f.name != "id"))


def event_keys(build: Build, ahead: KeysAhead | None = None) -> np.ndarray:
    """Each event's key (16 bytes), in the order of ``build.events``; those ``ahead`` holds taken from it."""
    encode = msgspec.msgpack.Encoder().encode
    documents = _digests(build.documents)
    names = {a.id: a.name for a in build.actors}  # what a piece shows of an actor
    taken = ahead.taken(documents, names) if ahead is not None else _none
    keys = bytearray()
    for event in build.events:
        keys += taken(event) or _key(encode, event, _parts(event, documents, names))
    return np.frombuffer(bytes(keys), dtype=KEY)


def _none(_: Event) -> None:
    return None


def participant_keys(keys: np.ndarray, build: Build) -> np.ndarray:
    """A key per participant of every event, at its place (:meth:`Build.participant_starts`): its
    event's key (which the participant's record is part of) with its last four bytes xor-ed with the
    participant's position."""
    places = np.array(build.participant_starts(), dtype=np.int64)
    starts, counts = places[:-1], np.diff(places)
    positions = np.arange(places[-1], dtype="<u4") - np.repeat(starts, counts).astype("<u4")
    made = np.repeat(keys.view(np.uint8).reshape(-1, 16), counts, axis=0)
    made[:, 12:] ^= positions.view(np.uint8).reshape(-1, 4)
    return made.reshape(-1).view(KEY)


class KeysAhead:
    """Keys made before a build's records are final: a rebuild makes those of the events it links while
    the new articles are parsed (see :func:`timeline.pipeline.linked_articles`). :func:`event_keys`
    takes one for an event that is the very record it was made for (records are frozen), whose
    article, actors' names and reports' articles are still those it was made from."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[Event, bytes]] = {}  # by the event's id()
        self._documents: dict[str, bytes] = {}  # the digests and names the keys were made with
        self._names: dict[str, str] = {}
        self._actors: set[str] = set()  # the actors and articles the events name
        self._articles: set[str] = set()

    def add(self, events: Iterable[Event], documents: Iterable[Document], names: Mapping[str, str]) -> None:
        """The keys of ``events``, of the articles ``documents``, with the actors' ``names`` by id."""
        if self._made:
            raise ValueError("the keys ahead of a build are made at once")
        encode = msgspec.msgpack.Encoder().encode
        self._documents, self._names = _digests(documents), dict(names)
        events = list(events)
        for event in events:
            self._made[id(event)] = (event, _key(encode, event, _parts(event, self._documents, self._names)))
        self._actors = {p.actor for event in events for p in event.participants}
        self._articles = {event.doc for event in events} | {s.doc for e in events for s in e.sources}

    def taken(
        self, documents: Mapping[str, bytes], names: Mapping[str, str]
    ) -> Callable[[Event], bytes | None]:
        """What takes an event's key made ahead, for the articles' ``documents`` digests and the
        actors' ``names`` now. The articles and actors whose digest or name differs are found once;
        most often the events hold none of them, and each keeps its key unless it is another record."""
        changed_articles = _changed(self._documents, documents) & self._articles
        changed_actors = _changed(self._names, names) & self._actors

        def same(event: Event) -> bytes | None:
            made = self._made.get(id(event))
            return made[1] if made is not None and made[0] is event else None

        def unchanged(event: Event) -> bytes | None:
            if event.doc in changed_articles or any(s.doc in changed_articles for s in event.sources):
                return None
            if any(p.actor in changed_actors for p in event.participants):
                return None
            return same(event)

        return unchanged if changed_articles or changed_actors else same


def _changed(before: Mapping[str, object], now: Mapping[str, object]) -> set[str]:
    """The keys whose value is not the same in both (missing counts as None)."""
    return {k for k in before.keys() | now.keys() if before.get(k) != now.get(k)}


def _digests(documents: Iterable[Document]) -> dict[str, bytes]:
    encode = msgspec.msgpack.Encoder().encode
    return {d.id: hashlib.blake2b(encode(d), digest_size=16).digest() for d in documents}


def _parts(event: Event, documents: Mapping[str, bytes], names: Mapping[str, str]) -> tuple[object, ...]:
    """What an event's piece is made from besides its record: its article, its actors' names, the
    articles that also report it."""
    return (
        documents.get(event.doc),
        [names.get(p.actor) for p in event.participants],
        [documents.get(s.doc) for s in event.sources],
    )


def _key(encode: Callable[[object], bytes], event: Event, parts: tuple[object, ...]) -> bytes:
    return hashlib.blake2b(encode((_RECORD(event), *parts)), digest_size=16).digest()
