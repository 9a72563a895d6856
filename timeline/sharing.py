"""Equal values held once: what keeps a big build's records small after they are read back.

Decoding gives every string, number and small record of every article an object of its own, though
most repeat: all events of one sentence carry its text, most events of an article its date, every
mention its article id and form. A build of 500,000 events holds over a GB of such copies. Here each
article's records are rebuilt with one object per distinct value:

- within the article (texts and dates that belong to it: its sentences, names, event times);
- across the build for closed sets of words (ids, roles, forms, types, lemmas, granularities) and
  for offsets, whatever article they come from.

The records are equal to what went in; only their objects are shared (records are frozen, so
nothing can change one through another).
"""

from __future__ import annotations

from typing import TypeVar

from .records import Entity, Event, EventTime, Extraction, Mention, Participant, Source, Timex, Trigger

T = TypeVar("T")


class Sharing:
    """One object per distinct value, across the articles passed to :meth:`extraction`."""

    def __init__(self) -> None:
        self._words: dict[str, str] = {}
        self._numbers: dict[int, int] = {}

    def word(self, text: str) -> str:
        """``text`` as the one object of its value in the build: for words from a closed set."""
        return self._words.setdefault(text, text)

    def number(self, value: int) -> int:
        return self._numbers.setdefault(value, value)

    def extraction(self, x: Extraction) -> Extraction:
        """``x`` with its values shared (see the module's docstring); equal to ``x``."""
        local: dict[object, object] = {}  # this article's texts and event times

        def own(value: T) -> T:
            found: T = local.setdefault(value, value)  # type: ignore[assignment]
            return found

        word, number = self.word, self.number
        doc = word(x.document.id)

        def mention(m: Mention) -> Mention:
            return Mention(doc, number(m.start), number(m.end), own(m.text), word(m.form))

        entities = tuple(
            Entity(
                e.key,
                own(e.name),
                word(e.kind),
                tuple(mention(m) for m in e.mentions),
                e.aliases,
                e.roles,
                e.country,
                e.sector,
            )
            for e in x.entities
        )
        timexes = tuple(
            Timex(
                doc,
                number(t.start),
                number(t.end),
                own(t.text),
                word(t.type),
                t.value,
                None if t.granularity is None else word(t.granularity),
                t.sentence,
            )
            for t in x.timexes
        )

        def event(e: Event) -> Event:
            trigger = e.trigger
            time = e.time
            return Event(
                e.id,
                doc,
                e.sentence,
                own(e.sentence_text),
                Trigger(word(trigger.text), number(trigger.start), number(trigger.end), word(trigger.lemma)),
                tuple(
                    Participant(p.actor, word(p.role), number(p.start), number(p.end), own(p.text))
                    for p in e.participants
                ),
                own(
                    EventTime(
                        time.value,
                        None if time.granularity is None else word(time.granularity),
                        word(time.basis),
                        time.text,
                    )
                ),
                word(e.type),
                e.cameo,
                e.quad_class,
                e.goldstein,
                e.negated,
                word(e.modality),
                tuple(
                    Source(word(s.doc), s.sentence, number(s.start), number(s.end), own(s.text))
                    for s in e.sources
                ),
                number(e.sentence_start),
            )

        return Extraction(x.document, x.sentences, entities, timexes, tuple(event(e) for e in x.events))
