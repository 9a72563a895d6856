"""Dating: the publication date from a dateline, and a date (with its basis) for every event."""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from timeline.dateline import find_dateline, with_dateline
from timeline.dating import date_events
from timeline.periods import period
from timeline.records import Document, Event, EventTime, Trigger
from timeline.timex.find import find_timexes


def _events(doc: Doc, *triggers: str) -> tuple[Event, ...]:
    """One event per trigger word (its first occurrence), as the events stage would make it."""
    sentences = list(doc.sents)
    found = []
    for word in triggers:
        token = next(t for t in doc if t.text == word)
        number = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        trigger = Trigger(token.text, token.idx, token.idx + len(token), token.lemma_)
        found.append(Event(f"e{token.idx}", "d", number, token.sent.text, trigger, ()))
    return tuple(found)


def dated(
    nlp: Language, text: str, published: str | None, *triggers: str, title: str = ""
) -> dict[str, EventTime]:
    doc = nlp(text)
    timexes = find_timexes(doc, doc_id="d", published=published)
    events = date_events(doc, _events(doc, *triggers), timexes=timexes, published=published, title=title)
    return {e.trigger.text: e.time for e in events}


# ------------------------------------------------------------------ events


def test_a_date_in_the_events_own_clause_is_explicit(nlp: Language) -> None:
    times = dated(nlp, "Officials said on Tuesday that talks had failed.", "2025-03-03", "said")
    assert times["said"] == EventTime("2025-02-25", "day", "explicit", "Tuesday")


def test_a_future_event_takes_its_own_date_not_the_reports(nlp: Language) -> None:
    text = "Apple said on Tuesday that it will launch the phone in March."
    times = dated(nlp, text, "2025-03-03", "said", "launch")
    assert times["said"].value == "2025-02-25"
    assert (times["launch"].value, times["launch"].basis) == ("2025-03", "explicit")


def test_a_reporting_verb_without_a_date_is_dated_by_the_paper(nlp: Language) -> None:
    times = dated(nlp, "The minister said the border was open.", "2025-03-03", "said")
    assert times["said"] == EventTime("2025-03-03", "day", "document")


def test_an_undated_event_inherits_from_its_neighbour_in_the_paragraph(nlp: Language) -> None:
    text = "Rebels attacked the town on Feb. 25. They burned the market."
    times = dated(nlp, text, "2025-03-03", "attacked", "burned")
    assert times["attacked"].basis == "explicit"
    assert (times["burned"].value, times["burned"].basis) == ("2025-02-25", "inherited")


def test_a_future_event_does_not_inherit_a_past_date(nlp: Language) -> None:
    text = "Rebels attacked the town on Feb. 25. They will rebuild the market."
    times = dated(nlp, text, "2025-03-03", "rebuild")
    assert times["rebuild"] == EventTime()


def test_without_a_publication_date_an_undated_report_stays_undated(nlp: Language) -> None:
    times = dated(nlp, "The minister said the border was open.", None, "said")
    assert times["said"] == EventTime(basis="none")


def test_a_title_is_not_dated_by_the_date_line_under_it(nlp: Language) -> None:
    text = "Apple unveils iPhone 4 at WWDC 2010\nJune 8, 2010\nYesterday, Jobs unveiled the phone."
    times = dated(nlp, text, "2010-06-08", "unveiled")
    assert (times["unveiled"].value, times["unveiled"].text) == ("2010-06-07", "Yesterday")


def test_past_events_told_after_the_lead_happened_on_the_storys_day(nlp: Language) -> None:
    text = (
        "Apple held a press conference on Friday. Jobs said that the company will give away cases. "
        "He showed videos of other phones."
    )
    times = dated(nlp, text, "2010-07-17", "said", "showed")
    assert times["said"] == EventTime("2010-07-16", "day", "inherited", "Friday")
    assert (times["showed"].value, times["showed"].basis) == ("2010-07-16", "inherited")


def test_history_in_an_obituary_does_not_move_the_storys_day(nlp: Language) -> None:
    text = (
        "Steve Jobs died yesterday at the age of 56. He started Apple in 1976. In 1996 he returned "
        "to the company. He bought Pixar in 1986. Apple has lost a visionary and creative genius."
    )
    times = dated(nlp, text, "2011-10-06", "started", "lost")
    assert (times["started"].value, times["started"].basis) == ("1976", "explicit")
    assert times["lost"] == EventTime("2011-10-05", "day", "inherited", "yesterday")


def test_a_past_event_is_the_papers_until_the_story_names_its_day(nlp: Language) -> None:
    text = "Apple Corps has twice before sued Apple Computer. The first suit was filed in 1981."
    times = dated(nlp, text, "2006-03-28", "sued")
    assert times["sued"] == EventTime("2006-03-28", "day", "document")


def test_a_later_day_of_the_week_moves_the_storys_day(nlp: Language) -> None:
    text = (
        "Apple released laptops at a Wednesday event. Jobs announced a new system today. He said it is fast."
    )
    times = dated(nlp, text, "2010-10-23", "released", "said")
    assert times["released"].value == "2010-10-20"
    assert (times["said"].value, times["said"].text) == ("2010-10-23", "today")


def test_a_state_told_in_the_present_holds_at_the_publication_date(nlp: Language) -> None:
    text = "Yesterday, Jobs unveiled the phone. The phone has two cameras."
    times = dated(nlp, text, "2010-06-08", "unveiled", "has")
    assert times["unveiled"].value == "2010-06-07"
    assert times["has"] == EventTime("2010-06-08", "day", "document")


def test_a_gerund_is_told_in_the_tense_of_its_clause(nlp: Language) -> None:
    text = "Jobs unveiled the phone yesterday. While introducing it, he praised the antenna."
    times = dated(nlp, text, "2010-06-08", "introducing")
    assert (times["introducing"].value, times["introducing"].basis) == ("2010-06-07", "inherited")


def test_an_aim_is_told_in_the_tense_of_the_act_it_is_the_aim_of(nlp: Language) -> None:
    text = "Apple held its conference on Monday. Jobs returned to the stage to reveal the new service."
    times = dated(nlp, text, "2011-06-08", "reveal")
    assert (times["reveal"].value, times["reveal"].basis) == ("2011-06-06", "inherited")


def test_a_grammatical_event_leaves_the_date_to_the_event_it_serves(nlp: Language) -> None:
    text = "Jobs gave his keynote on Monday. Sales began on Tuesday. Jobs attempted to address the issue."
    times = dated(nlp, text, "2005-06-10", "gave", "keynote", "began", "Sales", "attempted", "address")
    assert times["keynote"].value == "2005-06-06"
    assert times["gave"] == EventTime()
    assert times["Sales"].value == "2005-06-07"
    assert times["began"] == EventTime()
    assert times["attempted"] == EventTime() and times["address"].value is not None


def test_a_copula_names_no_happening_and_is_not_dated(nlp: Language) -> None:
    times = dated(nlp, "The iPod nano is the second model of the family.", "2005-09-07", "is")
    assert times["is"] == EventTime()


def test_a_verb_of_support_with_an_object_that_is_no_event_is_dated(nlp: Language) -> None:
    times = dated(nlp, "Jobs gave the phone to a reporter on Monday.", "2005-06-10", "gave")
    assert times["gave"].value == "2005-06-06"


def test_what_did_not_or_only_might_happen_is_not_dated(nlp: Language) -> None:
    doc = nlp("Apple did not recall the phones on Friday. Jobs could end up playing a wider role.")
    recall, playing = _events(doc, "recall", "playing")
    told = (
        dataclasses.replace(recall, negated=True, modality="negated"),
        dataclasses.replace(playing, modality="hypothetical"),
    )
    timexes = find_timexes(doc, doc_id="d", published="2010-07-17")
    out = date_events(doc, told, timexes=timexes, published="2010-07-17")
    assert [e.time for e in out] == [EventTime(), EventTime()]


def test_the_headline_is_dated_by_the_story_under_it(nlp: Language) -> None:
    text = "Apple unveils iPhone 4\nJune 8, 2010\nYesterday, Jobs unveiled the phone."
    times = dated(nlp, text, "2010-06-08", "unveils", "unveiled", title="Apple unveils iPhone 4")
    assert times["unveils"] == EventTime()
    assert times["unveiled"].value == "2010-06-07"


def test_a_first_line_that_is_a_sentence_is_no_headline(nlp: Language) -> None:
    text = "Apple unveiled the phone on Monday.\nJobs praised it."
    times = dated(nlp, text, "2010-06-08", "unveiled", title="Apple unveiled the phone on Monday.")
    assert times["unveiled"].value == "2010-06-07"


def test_events_keep_their_order_and_everything_else(nlp: Language) -> None:
    doc = nlp("They met on Monday. Nothing happened. They will meet again.")
    events = _events(doc, "met", "happened", "meet")
    out = date_events(doc, events, timexes=(), published=None)
    assert [dataclasses.replace(e, time=EventTime()) for e in out] == list(events)


# ------------------------------------------------------------------ the publication date


def test_a_date_line_under_the_title_is_read() -> None:
    assert find_dateline("Apple releases iPhone SDK\nMarch 06, 2008\nDuring a media event...") == "2008-03-06"
    assert find_dateline("Title\nPublished: 2024-05-01\nText") == "2024-05-01"


def test_a_wire_dateline_is_read_and_its_missing_year_is_never_guessed() -> None:
    assert find_dateline("LONDON, 3 March 2025 (Reuters) - Shares fell.") == "2025-03-03"
    assert find_dateline("WASHINGTON, March 3 (Reuters) - The Senate voted.") is None
    assert (
        find_dateline("WASHINGTON, March 3 (Reuters) - The Senate voted.", fallback="2025-02-20")
        == "2025-03-03"
    )


def test_no_dateline_in_plain_text_or_an_impossible_date() -> None:
    assert find_dateline("The war\nNothing here is a date.\n") is None
    assert find_dateline("Title\nFebruary 31, 2024\nText") is None


def test_metadata_beats_a_dateline_and_a_dateline_beats_the_option() -> None:
    text = "Senate votes\nMarch 6, 2008\nThe Senate voted."
    given = Document("a", text, date="2008-03-07", date_basis="metadata")
    assert with_dateline(given) == given
    option = Document("b", text, date="2025-01-01", date_basis="option")
    assert (with_dateline(option).date, with_dateline(option).date_basis) == ("2008-03-06", "dateline")
    none = Document("c", "No date here.")
    assert with_dateline(none) == none


# ------------------------------------------------------------------ periods


def test_a_weekend_is_its_saturday_and_sunday() -> None:
    assert period("2025-W09-WE") == (dt.date(2025, 3, 1), dt.date(2025, 3, 2))
    assert period("2025-02-26TMO") == (dt.date(2025, 2, 26), dt.date(2025, 2, 26))
    assert period("FY2008") is None
