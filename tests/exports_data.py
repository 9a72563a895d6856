"""Hand-built builds for the export tests: a small story, and Hypothesis builds of arbitrary text.

No model is needed: exporters read records, so the records are written out here.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from timeline.records import (
    Actor,
    Build,
    Document,
    Event,
    EventTime,
    Mention,
    Participant,
    Source,
    Timex,
    Trigger,
)

SENTENCE = "Apple sued Samsung over the Galaxy design on Monday."
SECOND = "Samsung accused Apple of copying <b>its</b> phones & tablets."
TEXT = f"{SENTENCE} {SECOND} Nobody knows when Apple =SUM(A1) spoke."


def story() -> Build:
    """Apple sues Samsung on 2011-04-18; Samsung accuses Apple "last week"; an undated third event."""
    doc = Document(
        id="d1",
        text=TEXT,
        title="Apple & Samsung: the <patent> war",
        date="2011-04-20",
        url="https://example.com/a?x=1&y=2",
        source="news.jsonl:1",
        date_basis="metadata",
    )
    second = len(SENTENCE) + 1
    third = second + len(SECOND) + 1
    apple = Actor(
        "a1",
        "Apple",
        "ORG",
        (Mention("d1", 0, 5, "Apple"), Mention("d1", second + 16, second + 21, "Apple")),
        aliases=("Apple Inc.",),
        roles=("company",),
        country="USA",
        sector="technology",
    )
    samsung = Actor("a2", "Samsung", "ORG", (Mention("d1", 11, 18, "Samsung"),), country="KOR")
    formula = Actor("a3", '=HYPERLINK("http://x")', "ORG", (), aliases=("@evil", "-2+3"))
    sued = Event(
        id="e1",
        doc="d1",
        sentence=0,
        sentence_text=SENTENCE,
        sentence_start=0,
        trigger=Trigger("sued", 6, 10, "sue"),
        participants=(
            Participant("a1", "source", 0, 5, "Apple"),
            Participant("a2", "target", 11, 18, "Samsung"),
        ),
        time=EventTime("2011-04-18", "day", "explicit", "on Monday"),
        type="COERCE",
        cameo="1711",
        quad_class=4,
        goldstein=-7.0,
        sources=(Source("d1", 0, 6, 10, "sued"), Source("d2", 3, 40, 44, "sued")),
    )
    accused = Event(
        id="e2",
        doc="d1",
        sentence=1,
        sentence_text=SECOND,
        sentence_start=second,
        trigger=Trigger("accused", second + 8, second + 15, "accuse"),
        participants=(
            Participant("a2", "source", second, second + 7, "Samsung"),
            Participant("a1", "target", second + 16, second + 21, "Apple"),
        ),
        time=EventTime("2011-W15", "week", "explicit", "last week"),
        type="ACCUSE",
        cameo="112",
        quad_class=3,
        goldstein=-2,  # an int among floats: the GraphML key must still have one type
        negated=True,
        modality="reported",
    )
    spoke = Event(
        id="e3",
        doc="d1",
        sentence=2,
        sentence_text="Nobody knows when Apple =SUM(A1) spoke.",
        sentence_start=third,
        trigger=Trigger("spoke", third + 33, third + 38, "speak"),
        participants=(Participant("a3", "source", third + 24, third + 32, "=SUM(A1)"),),
    )
    timex = Timex("d1", 45, 54, "on Monday", "DATE", "2011-04-18", "day", 0)
    return Build(
        documents=(doc,),
        actors=(apple, samsung, formula),
        timexes=(timex,),
        events=(sued, accused, spoke),
    )


# Any Unicode text at all, surrogates and control characters included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=30)
TIMEX_VALUES = st.one_of(
    st.none(),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}", st.integers(1, 9999), st.integers(0, 54)),
    st.builds(lambda y, q: f"{y:04d}-Q{q}", st.integers(0, 9999), st.integers(1, 4)),
    st.builds(lambda y, s: f"{y:04d}-{s}", st.integers(0, 9999), st.sampled_from(["SP", "SU", "FA", "WI"])),
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(0, 13)),
    st.from_regex(r"\A[0-9]{2,4}\Z"),
    st.sampled_from(["PRESENT_REF", "PAST_REF", "P2Y", "2011-04-18TMO", "2011-04-18T14:30"]),
    ANY_TEXT,
)
FLOATS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10))


@st.composite
def builds(draw: st.DrawFn, *, min_participants: int = 0) -> Build:
    """A build whose every name, sentence, title and date is drawn at random."""
    n_docs = draw(st.integers(1, 2))
    docs = tuple(
        Document(
            id=f"d{i}",
            text="",
            title=draw(ANY_TEXT),
            date=draw(st.one_of(st.none(), ANY_TEXT)),
            url=draw(st.one_of(ANY_TEXT, st.just('https://example.com/<x>?a=1&b="2"'))),
            source=draw(ANY_TEXT),
        )
        for i in range(n_docs)
    )
    n_actors = draw(st.integers(0, 4))
    actors = tuple(
        Actor(
            id=f"a{i}",
            name=draw(ANY_TEXT),
            kind=draw(st.sampled_from(["ORG", "PERSON", "GPE", ""])),
            mentions=(),
            aliases=tuple(draw(st.lists(ANY_TEXT, max_size=2))),
            country=draw(st.one_of(st.none(), ANY_TEXT)),
        )
        for i in range(n_actors)
    )
    events = []
    for i in range(draw(st.integers(0, 5))):
        sentence = draw(ANY_TEXT)
        participants = tuple(
            Participant(f"a{draw(st.integers(0, n_actors))}", role, 0, 1, draw(ANY_TEXT))
            for role in draw(
                st.lists(
                    st.sampled_from(["source", "target", "other"]), min_size=min_participants, max_size=3
                )
            )
        )
        goldstein = draw(FLOATS)
        events.append(
            Event(
                id=f"e{i + 1}",
                doc=f"d{draw(st.integers(0, n_docs - 1))}",
                sentence=draw(st.integers(0, 50)),
                sentence_text=sentence,
                trigger=Trigger(draw(ANY_TEXT), draw(st.integers(-3, 40)), 0),
                participants=participants,
                time=EventTime(draw(TIMEX_VALUES), draw(st.one_of(st.none(), ANY_TEXT)), "explicit"),
                type=draw(st.one_of(st.sampled_from(["ASSAULT", "AGREE", "OTHER"]), ANY_TEXT)),
                cameo=draw(st.one_of(st.none(), ANY_TEXT)),
                quad_class=draw(st.one_of(st.none(), st.integers(1, 4))),
                goldstein=None if goldstein is None else float(goldstein),
                negated=draw(st.booleans()),
            )
        )
    return Build(documents=docs, actors=actors, timexes=(), events=tuple(events))
