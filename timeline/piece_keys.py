"""What identifies an event's piece of an output between builds (see :mod:`timeline.pieces`): its key,
a digest of everything the piece is made from but the event's id, and a key per participant for the
outputs that keep a piece for each.

An event as linked from an article the build read back from its store (the cache) is made from the
article's stored bytes, where the article was read from this time (which the store does not key it
by), its place among the article's events and its actors (their ids and names): that is its key,
made without reading the record. Any other event (one reported by several articles,
whose reports were merged; one of an article parsed again) is keyed by a digest of its record but its
id, its article, its actors' names and the articles that also report it.
"""

from __future__ import annotations

import hashlib
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields

import msgspec
import numpy as np

from .records import Build, Document, Event, event_number

#: A key: 16 bytes.
KEY = np.dtype("S16")
_RECORD = operator.attrgetter(*(f.name for f in fields(Event) if f.name != "id"))


def stored_digest(value: bytes) -> bytes:
    """The digest of an article's stored bytes, which its linked events' keys are made from."""
    return hashlib.blake2b(value, digest_size=16).digest()


def event_keys(build: Build, digests: Mapping[str, bytes] | None = None) -> np.ndarray:
    """Each event's key (16 bytes), in the order of ``build.events``. ``digests``: the digest of the
    stored bytes (:func:`stored_digest`) of each article read back from the store, by document id."""
    encode = msgspec.msgpack.Encoder().encode
    names = {a.id: a.name for a in build.actors}  # what a piece shows of an actor
    sources = {d.id: d.source for d in build.documents}
    places = _Places(build) if digests else None
    documents: dict[str, bytes] | None = None
    keys = bytearray()
    for event in build.events:
        digest = digests.get(event.doc) if digests and not event.sources else None
        place = places.of(event) if digest is not None and places is not None else -1
        if place >= 0:
            actors = [(p.actor, names.get(p.actor)) for p in event.participants]
            made = (digest, sources[event.doc], place, actors)
            keys += hashlib.blake2b(encode(made), digest_size=16).digest()
            continue
        if documents is None:
            documents = _digests(build.documents)
        keys += _key(encode, event, _parts(event, documents, names))
    return np.frombuffer(bytes(keys), dtype=KEY)


class _Places:
    """Each event's place among its article's events, from its id: the build numbers the events
    (:func:`timeline.records.event_id`) article after article, in story order (see :func:`timeline.pipeline.assemble`),
    each article's in the order it gave them, and merging reports keeps every event."""

    def __init__(self, build: Build) -> None:
        counts = Counter(e.doc for e in build.events)
        self._first: dict[str, int] = {}
        self._counts = counts
        number = 1
        for document in build.documents:
            if document.id in self._first:  # ids not unique: no place is sure
                self._first = {}
                return
            self._first[document.id] = number
            number += counts[document.id]

    def of(self, event: Event) -> int:
        """The event's place among its article's events; -1 when its id does not say."""
        first, number = self._first.get(event.doc), event_number(event.id)
        if first is None or number is None:
            return -1
        place = number - first
        return place if 0 <= place < self._counts[event.doc] else -1


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
