"""Equal values held once: what keeps a big build's records small after they are read back.

Decoding gives every string, number and small record of every article an object of its own, though
most repeat: all events of one sentence carry its text, most events of an article its date, every
mention its article id and form. A build of 500,000 events holds over a GB of such copies. Here each
article's records are rebuilt with one object per distinct value:

- within the article (texts and dates that belong to it: its sentences, names, event times);
- across the build for closed sets of words (ids, roles, forms, types, lemmas, granularities) and
  for offsets, whatever article they come from.

The records are equal to what went in; only their objects are shared (records are frozen, so
nothing can change one through another). Rebuilding is most of the cost of reading a build back
(51,000 events: 0.65 s of CPU, decoding 0.2 s), so it is written for speed: values are looked up by
subscript in :class:`Pool` (no Python call unless the value is new), an event's time is looked up
before a shared one is made, and empty tuples are kept as they are.
"""

from __future__ import annotations

from typing import Any

from .records import Entity, Event, EventTime, Extraction, Mention, Participant, Source, Timex, Trigger


class Pool(dict[Any, Any]):
    """One object per value: ``pool[value]`` is the first object equal to ``value`` met."""

    def __missing__(self, value: Any) -> Any:
        self[value] = value
        return value


class Sharing:
    """One object per distinct value, across the articles passed to :meth:`extraction`."""

    def __init__(self) -> None:
        self._words = Pool()
        self._numbers = Pool()

    def word(self, text: str) -> str:
        """``text`` as the one object of its value in the build: for words from a closed set."""
        found: str = self._words[text]
        return found

    def number(self, value: int) -> int:
        found: int = self._numbers[value]
        return found

    def extraction(self, x: Extraction) -> Extraction:
        """``x`` with its values shared (see the module's docstring); equal to ``x``."""
        word, number = self._words, self._numbers
        own = Pool()  # this article's texts
        times: dict[EventTime, EventTime] = {}  # this article's event times, each made of shared words
        doc = word[x.document.id]
        entities = tuple(
            [
                Entity(
                    e.key,
                    own[e.name],
                    word[e.kind],
                    tuple(
                        [
                            Mention(doc, number[m.start], number[m.end], own[m.text], word[m.form])
                            for m in e.mentions
                        ]
                    ),
                    e.aliases,
                    e.roles,
                    e.country,
                    e.sector,
                )
                for e in x.entities
            ]
        )
        timexes = tuple(
            [
                Timex(
                    doc,
                    number[t.start],
                    number[t.end],
                    own[t.text],
                    word[t.type],
                    t.value,
                    None if t.granularity is None else word[t.granularity],
                    t.sentence,
                )
                for t in x.timexes
            ]
        )
        events = []
        for e in x.events:
            trigger, time, participants, sources = e.trigger, e.time, e.participants, e.sources
            shared_time = times.get(time)
            if shared_time is None:
                granularity = time.granularity
                shared_time = times[time] = EventTime(
                    time.value,
                    None if granularity is None else word[granularity],
                    word[time.basis],
                    time.text,
                )
            if participants:
                participants = tuple(
                    [
                        Participant(p.actor, word[p.role], number[p.start], number[p.end], own[p.text])
                        for p in participants
                    ]
                )
            if sources:
                sources = tuple(
                    [
                        Source(word[s.doc], s.sentence, number[s.start], number[s.end], own[s.text])
                        for s in sources
                    ]
                )
            events.append(
                Event(
                    e.id,
                    doc,
                    e.sentence,
                    own[e.sentence_text],
                    Trigger(
                        word[trigger.text], number[trigger.start], number[trigger.end], word[trigger.lemma]
                    ),
                    participants,
                    shared_time,
                    word[e.type],
                    e.cameo,
                    e.quad_class,
                    e.goldstein,
                    e.negated,
                    word[e.modality],
                    sources,
                    number[e.sentence_start],
                )
            )
        return Extraction(x.document, x.sentences, entities, timexes, tuple(events))
