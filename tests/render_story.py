"""A small hand-made build for the picture tests: three articles about talks in Cairo.

- e1 "Egypt rejected Israel's proposal on Tuesday." dated 2025-03-04 from its sentence (a day).
- e2 "Israel bombed Gaza in February." dated 2025-02 (a month: drawn as a span).
- e3 "Qatar urged Hamas to return." dated by the article only (2025-03-05, hollow marker).
- e4 "Hamas will meet Egypt's envoy." undated, first in story order.
- e5 "Egypt hosted Hamas leaders." reported by two articles (shown once, with its count).
- e6 "Qatar said the talks stalled." undated, second; an OTHER event with no quad class.

The third article is hostile: its title and sentence carry ``<script>`` and ``<img onerror>`` that must
render as text.
"""

from __future__ import annotations

from timeline.records import (
    SOURCE,
    TARGET,
    Actor,
    Build,
    Document,
    Event,
    EventTime,
    Outcome,
    Participant,
    Source,
    Trigger,
)

HOSTILE_TITLE = "<script>window.pwned = 1</script> Qatar"
HOSTILE_SENTENCE = 'Qatar said the talks stalled <img src=x onerror="window.pwned = 2">.'

DOCUMENTS = (
    Document("cairo-1", "", "Talks in Cairo stall", "2025-03-05", "https://news.example.org/cairo?a=1&b=2"),
    Document("cairo-2", "", "Egypt hosts Hamas", "2025-03-06", "https://news.example.org/hosts"),
    Document("cairo-3", "", HOSTILE_TITLE, "2025-03-06", "javascript:alert(1)"),
)

ACTORS = (
    Actor("a-egypt", "Egypt", "GPE", ()),
    Actor("a-gaza", "Gaza", "GPE", ()),
    Actor("a-hamas", "Hamas", "ORG", (), aliases=("the movement",)),
    Actor("a-israel", "Israel", "GPE", ()),
    Actor("a-qatar", "Qatar", "GPE", ()),
)


def _event(
    id_: str,
    doc: str,
    sentence: str,
    trigger: str,
    who: tuple[tuple[str, str, str], ...],
    time: EventTime,
    **more: object,
) -> Event:
    at = sentence.index(trigger)
    participants = tuple(
        Participant(actor, role, sentence.index(words), sentence.index(words) + len(words), words)
        for actor, role, words in who
    )
    return Event(
        id=id_,
        doc=doc,
        sentence=0,
        sentence_text=sentence,
        trigger=Trigger(trigger, at, at + len(trigger)),
        participants=participants,
        time=time,
        **more,  # type: ignore[arg-type]
    )


EVENTS = (
    _event(
        "e1",
        "cairo-1",
        "Egypt rejected Israel's proposal on Tuesday.",
        "rejected",
        (("a-egypt", SOURCE, "Egypt"), ("a-israel", TARGET, "Israel")),
        EventTime("2025-03-04", "day", "explicit", "on Tuesday"),
        type="REJECT",
        cameo="12",
        quad_class=3,
        goldstein=-4.0,
    ),
    _event(
        "e2",
        "cairo-1",
        "Israel bombed Gaza in February.",
        "bombed",
        (("a-israel", SOURCE, "Israel"), ("a-gaza", TARGET, "Gaza")),
        EventTime("2025-02", "month", "explicit", "in February"),
        type="ASSAULT",
        cameo="195",
        quad_class=4,
        goldstein=-10.0,
    ),
    _event(
        "e3",
        "cairo-1",
        "Qatar urged Hamas to return.",
        "urged",
        (("a-qatar", SOURCE, "Qatar"), ("a-hamas", TARGET, "Hamas")),
        EventTime("2025-03-05", "day", "document"),
        type="REQUEST",
        cameo="02",
        quad_class=1,
        goldstein=3.0,
    ),
    _event(
        "e4",
        "cairo-2",
        "Hamas will meet Egypt's envoy.",
        "meet",
        (("a-hamas", SOURCE, "Hamas"), ("a-egypt", TARGET, "Egypt")),
        EventTime(),
        type="CONSULT",
        cameo="04",
        quad_class=1,
        goldstein=1.0,
        modality="future",
    ),
    _event(
        "e5",
        "cairo-2",
        "Egypt hosted Hamas leaders.",
        "hosted",
        (("a-egypt", SOURCE, "Egypt"), ("a-hamas", TARGET, "Hamas")),
        EventTime("2025-03-06", "day", "explicit", "today"),
        type="CONSULT",
        cameo="04",
        quad_class=1,
        goldstein=1.0,
        sources=(Source("cairo-2", 0, 6, 12, "hosted"), Source("cairo-3", 0, 6, 12, "hosted")),
    ),
    _event(
        "e6",
        "cairo-3",
        HOSTILE_SENTENCE,
        "said",
        (("a-qatar", SOURCE, "Qatar"),),
        EventTime(),
    ),
)


def story_build() -> Build:
    return Build(
        documents=DOCUMENTS,
        actors=ACTORS,
        timexes=(),
        events=EVENTS,
        outcomes=(
            Outcome("news/cairo.jsonl:1", "read", doc="cairo-1"),
            Outcome("news/cairo.jsonl:2", "read", doc="cairo-2"),
            Outcome("news/cairo.jsonl:3", "read", doc="cairo-3"),
            Outcome("news/broken.jsonl:1", "skipped", reason="invalid JSON: <b>Expecting value</b>"),
        ),
    )
