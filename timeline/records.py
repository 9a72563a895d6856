"""Typed records passed between pipeline stages.

Every normalised value keeps the words it came from and character offsets into
``Document.text`` (Python ``str`` indices, exactly as the article was given).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

#: Roles a participant can play in an event.
SOURCE, TARGET, OTHER = "source", "target", "other"
#: The kind of an entity that is a thing an article talks about ("the price", "the phone's
#: antenna"), not an actor: it has mentions, but takes no part in events.
THING = "THING"
#: The kind of an entity that is a coordination ("Apple and AT&T"): its members are the actors.
GROUP = "GROUP"
#: Kinds of entities that have mentions but are no actors: they take no part in events.
NOT_ACTORS = frozenset({THING, GROUP})


def event_id(number: int) -> str:
    """The build-wide id of the ``number``-th event (from 1, article after article in story order)."""
    return f"e{number}"


def event_number(id: str) -> int | None:
    """The number :func:`event_id` made ``id`` from; None for an id it does not make."""
    digits = id[1:]
    return int(digits) if id.startswith("e") and digits.isascii() and digits.isdigit() else None


def is_actor(entity: Actor | Entity) -> bool:
    """Whether an entity is an actor a reader lists (not a thing talked about, not a coordination):
    the actor network, the knowledge graph, ``actors.csv`` and the page's counts show only these;
    ``events.json`` keeps every entity with its kind."""
    return entity.kind not in NOT_ACTORS


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from the input."""

    id: str
    text: str
    title: str = ""
    date: str | None = None  # publication date, ISO YYYY-MM-DD
    url: str = ""
    source: str = ""  # where it was read from: "seeds/a.txt", "docs.jsonl:7"
    date_basis: str = "none"  # metadata | option | dateline | none


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to an actor."""

    doc: str
    start: int
    end: int
    text: str
    form: str = "name"  # name | pronoun | description | demonym


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor as resolved inside one article (before linking across articles).

    ``key`` is local to the article; ``Participant.actor`` refers to it until the
    cross-article step swaps in the build-wide ``Actor.id``.
    """

    key: str
    name: str
    kind: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A real-world actor, one per entity across the whole build."""

    id: str
    name: str
    kind: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression, with its TIMEX3 normalisation (value None when unresolved)."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    granularity: str | None  # day | week | month | quarter | season | year | decade | ...
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int
    lemma: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    actor: str  # Entity.key inside an article, Actor.id after linking
    role: str  # source | target | other
    start: int
    end: int
    text: str

    def linked(self, actor: str) -> Participant:
        """This participant with the build-wide ``actor`` id (``dataclasses.replace`` is several times
        slower, and linking does this for every participant of the build)."""
        return Participant(actor, self.role, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class EventTime:
    value: str | None = None  # TIMEX3 value
    granularity: str | None = None
    basis: str = "none"  # explicit | document | inherited | none
    text: str | None = None  # the words the date came from, when there are any


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an event: the article, the sentence and the trigger's words."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    doc: str
    sentence: int
    sentence_text: str
    trigger: Trigger
    participants: tuple[Participant, ...]
    time: EventTime = EventTime()
    type: str = "OTHER"  # PLOVER type
    cameo: str | None = None
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | negated | hypothetical | future | reported
    sources: tuple[Source, ...] = ()
    sentence_start: int = 0  # offset of the sentence in the article, for marking the trigger in it

    def linked(self, id: str, participants: tuple[Participant, ...]) -> Event:
        """This event with its build-wide ``id`` and linked ``participants`` (as :meth:`Participant.linked`)."""
        return Event(
            id,
            self.doc,
            self.sentence,
            self.sentence_text,
            self.trigger,
            participants,
            self.time,
            self.type,
            self.cameo,
            self.quad_class,
            self.goldstein,
            self.negated,
            self.modality,
            self.sources,
            self.sentence_start,
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article; the unit that is cached and shipped between workers."""

    document: Document
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...]
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: an article read, or something skipped and why."""

    source: str
    status: str  # read | skipped
    reason: str = ""
    doc: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Build:
    """The result of a build: the records every output is made from."""

    documents: tuple[Document, ...]
    actors: tuple[Actor, ...]
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]
    outcomes: tuple[Outcome, ...] = ()
    model: str = ""  # the spaCy model that parsed the articles, with its version
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    cached: int = 0  # articles whose extraction came from the cache

    def participant_starts(self) -> list[int]:
        """Where each event's participants start among all the events' participants, in event order,
        then how many there are: the places the outputs keep a piece per participant at."""
        return list(itertools.accumulate((len(e.participants) for e in self.events), initial=0))

    def first_places(self) -> dict[str, int]:
        """The place in ``events`` of each event id's first record (a cross-article event has one
        record per article reporting it; the outputs that show it once show the first)."""
        places: dict[str, int] = {}
        for place, event in enumerate(self.events):
            places.setdefault(event.id, place)
        return places
