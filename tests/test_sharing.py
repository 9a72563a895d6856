"""Equal values held once: the records read back are the same, with fewer objects behind them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.cache import decode, encode
from timeline.records import (
    Document,
    Entity,
    Event,
    EventTime,
    Extraction,
    Mention,
    Participant,
    Source,
    Timex,
    Trigger,
)
from timeline.sharing import Sharing

SENTENCE = "Egypt rejected Israel's proposal on Tuesday, and Hamas accused Benjamin Netanyahu."


def fresh(text: str) -> str:
    """An equal string that is another object, as decoding gives every value."""
    return "".join(list(text))


def article(doc_id: str) -> Extraction:
    """Two events of one sentence, each with its own copy of every value, as the store gives them."""

    def event(trigger: str, start: int, actor: str) -> Event:
        return Event(
            id=fresh("e1"),
            doc=fresh(doc_id),
            sentence=0,
            sentence_text=fresh(SENTENCE),
            trigger=Trigger(fresh(trigger), start + 1000, start + 1000 + len(trigger), fresh(trigger)),
            participants=(Participant(fresh(actor), fresh("source"), 1000, 1005, fresh("Egypt")),),
            time=EventTime(fresh("2025-02-25"), fresh("day"), fresh("explicit"), fresh("Tuesday")),
            type=fresh("REJECT"),
            modality=fresh("asserted"),
            sentence_start=1000,
        )

    mentions = tuple(Mention(fresh(doc_id), 1000, 1005, fresh("Egypt"), fresh("name")) for _ in range(2))
    return Extraction(
        Document(doc_id, SENTENCE, date="2025-02-27"),
        ((0, len(SENTENCE)),),
        (Entity("k1", fresh("Egypt"), fresh("GPE"), mentions),),
        (Timex(fresh(doc_id), 1036, 1043, fresh("Tuesday"), fresh("DATE"), "2025-02-25", fresh("day")),),
        (event("rejected", 6, "k1"), event("accused", 54, "k2")),
    )


def test_shared_records_are_equal_to_what_was_read() -> None:
    x = article("d1")
    before = copied(x)
    shared = Sharing().extraction(x)
    assert shared == before and hash(shared.events[0]) == hash(before.events[0])
    # and the one that goes in is the one that comes out: nothing is built anew
    assert shared.events[1].trigger is x.events[1].trigger


def test_the_events_of_one_sentence_hold_one_copy_of_its_text_and_date() -> None:
    first, second = Sharing().extraction(article("d1")).events
    assert first.sentence_text is second.sentence_text
    assert first.time is second.time
    assert first.participants[0].text is second.participants[0].text
    assert first.doc is second.doc and first.type is second.type


def test_words_and_offsets_are_shared_across_articles_but_texts_stay_with_their_article() -> None:
    sharing = Sharing()
    one, two = sharing.extraction(article("d1")), sharing.extraction(article("d2"))
    a, b = one.events[0], two.events[0]
    assert a.trigger.lemma is b.trigger.lemma and a.time.basis is b.time.basis
    assert a.sentence_start is b.sentence_start  # 1000: beyond the numbers Python keeps once anyway
    assert one.entities[0].mentions[0].form is two.entities[0].mentions[0].form
    # an article's own text is not looked up among every other article's
    assert a.sentence_text == b.sentence_text and a.sentence_text is not b.sentence_text


@given(st.lists(st.text(max_size=8), min_size=1, max_size=20))
def test_a_shared_word_is_the_first_object_of_its_value(words: list[str]) -> None:
    sharing = Sharing()
    first: dict[str, str] = {}
    for word in words:
        copy = fresh(word)
        assert sharing.word(copy) is first.setdefault(word, copy)


# Records as the store gives them, with what the hand-made article above lacks: dates without a
# granularity, events without participants, events with sources, several events at one date.
words = st.sampled_from(["said", "rejected", "source", "target", "day", "month", "REJECT", "Egypt", ""])
offsets = st.integers(min_value=0, max_value=5000)
times = st.builds(
    EventTime,
    st.sampled_from([None, "2025-02-25", "2025-02"]),
    st.sampled_from([None, "day", "month"]),
    st.sampled_from(["explicit", "document", "none"]),
    st.sampled_from([None, "Tuesday"]),
)
events = st.builds(
    Event,
    words,
    st.just("d1"),
    st.integers(min_value=0, max_value=3),
    st.sampled_from([SENTENCE, "Hamas accused Netanyahu.", ""]),
    st.builds(Trigger, words, offsets, offsets, words),
    st.lists(st.builds(Participant, words, words, offsets, offsets, words), max_size=3).map(tuple),
    times,
    words,
    st.sampled_from([None, "112"]),
    st.sampled_from([None, 3]),
    st.sampled_from([None, -4.0]),
    st.booleans(),
    words,
    st.lists(st.builds(Source, words, st.integers(0, 3), offsets, offsets, words), max_size=2).map(tuple),
    offsets,
)


def copied(x: Extraction) -> Extraction:
    """An equal extraction in which no two values are one object, as decoding gives them."""
    data = encode(x)
    assert data is not None
    return decode(data)


@given(st.lists(events, max_size=8).map(tuple))
def test_any_records_read_back_are_equal_once_shared_and_equal_dates_are_one_object(
    told: tuple[Event, ...],
) -> None:
    x = copied(Extraction(Document("d1", SENTENCE), ((0, len(SENTENCE)),), (), (), told))
    shared = Sharing().extraction(copied(x))
    assert shared == x
    by_value: dict[EventTime, EventTime] = {}
    for e in shared.events:
        assert by_value.setdefault(e.time, e.time) is e.time
