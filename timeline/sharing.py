"""Equal values held once: what keeps a big build's records small after they are read back.

Decoding gives every string, number and small record of every article an object of its own, though
most repeat: all events of one sentence carry its text, most events of an article its date, every
mention its article id and form. A build of 500,000 events holds over a GB of such copies. Here each
article's records, just decoded and held by nothing else, are given in place one object per distinct
value (the copies are let go):

- within the article (texts and dates that belong to it: its sentences, names, event times);
- across the build for closed sets of words (ids, roles, forms, types, lemmas, granularities) and
  for offsets, whatever article they come from.

The records stay equal to what they were; only their values' objects are shared (records are
frozen, so nothing can change one through another). Sharing is written for speed, as it costs more
than decoding (982 articles, 51,000 events: 0.28 s of CPU, decoding 0.22 s): each field is set in
place (building the records anew took 0.42 s), values are looked up by subscript in :class:`Pool`
(no Python call unless the value is new), and an event's time is shared by the events equal to it.
"""

from __future__ import annotations

from typing import Any

from .records import EventTime, Extraction

#: Sets a field of a record (frozen: its own ``__setattr__`` refuses), as the record's ``__init__`` does.
_set = object.__setattr__


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
        """``x`` with its values shared (see the module's docstring), in place: returns ``x``."""
        word, number = self._words, self._numbers
        own = Pool()  # this article's texts
        times: dict[EventTime, EventTime] = {}  # this article's event times, each made of shared words
        doc = word[x.document.id]
        for entity in x.entities:
            _set(entity, "name", own[entity.name])
            _set(entity, "kind", word[entity.kind])
            for m in entity.mentions:
                _set(m, "doc", doc)
                _set(m, "start", number[m.start])
                _set(m, "end", number[m.end])
                _set(m, "text", own[m.text])
                _set(m, "form", word[m.form])
        for t in x.timexes:
            _set(t, "doc", doc)
            _set(t, "start", number[t.start])
            _set(t, "end", number[t.end])
            _set(t, "text", own[t.text])
            _set(t, "type", word[t.type])
            if t.granularity is not None:
                _set(t, "granularity", word[t.granularity])
        for e in x.events:
            time = e.time
            shared = times.get(time)
            if shared is None:
                if time.granularity is not None:
                    _set(time, "granularity", word[time.granularity])
                _set(time, "basis", word[time.basis])
                shared = times[time] = time
            else:
                _set(e, "time", shared)
            trigger = e.trigger
            _set(trigger, "text", word[trigger.text])
            _set(trigger, "start", number[trigger.start])
            _set(trigger, "end", number[trigger.end])
            _set(trigger, "lemma", word[trigger.lemma])
            for p in e.participants:
                _set(p, "role", word[p.role])
                _set(p, "start", number[p.start])
                _set(p, "end", number[p.end])
                _set(p, "text", own[p.text])
            for s in e.sources:
                _set(s, "doc", word[s.doc])
                _set(s, "start", number[s.start])
                _set(s, "end", number[s.end])
                _set(s, "text", own[s.text])
            _set(e, "doc", doc)
            _set(e, "sentence_text", own[e.sentence_text])
            _set(e, "type", word[e.type])
            _set(e, "modality", word[e.modality])
            _set(e, "sentence_start", number[e.sentence_start])
        return x
