"""Time expressions: where they are and what TIMEX3 value they take, anchored to the publication date."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from timeline.periods import period
from timeline.timex.find import find_timexes, sentence_starts
from timeline.timex.spans import line_breaks, time_entities
from timeline.timex.tense import FUTURE, PAST, PRESENT, tense_at
from timeline.timex.values import Context, Value, normalise

CASES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "timex_cases.tsv"
MONDAY = dt.datetime(2025, 3, 3)  # a Monday


def _cases() -> list[pytest.ParameterSet]:
    """Every row of ../shared/data/timex_cases.tsv, read at test time (never copied into the project)."""
    if not CASES.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared is not beside the project"))]
    with CASES.open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return [pytest.param(r, id=f"{n}:{r[0][:40]}") for n, r in enumerate(rows, start=2)]


@pytest.mark.parametrize("row", _cases())
def test_hand_checked_case(nlp: Language, row: list[str]) -> None:
    text, published, value, granularity = row[:4]
    found = find_timexes(nlp(text), doc_id="case", published=published)
    if value == "-":
        assert found == (), f"no time expression in {text!r}, found {found}"
    else:
        assert (value, granularity) in {(t.value, t.granularity) for t in found}, found


def value(text: str, *, anchor: dt.datetime | None = MONDAY, tense: str | None = None) -> str | None:
    found = normalise(text, Context(anchor=anchor, tense=tense))
    assert found is not None, f"{text!r} should read as a time expression"
    return found.value


# ------------------------------------------------------------------ normalisation rules, no model needed


def test_a_weekday_in_a_past_clause_is_the_latest_one_and_in_a_future_clause_the_next() -> None:
    assert value("Tuesday", tense=PAST) == "2025-02-25"
    assert value("Tuesday", tense=FUTURE) == "2025-03-04"
    assert value("Monday", tense=PAST) == "2025-03-03"  # the paper's own day


def test_a_month_with_a_day_and_no_year_takes_the_year_the_tense_points_to() -> None:
    november = dt.datetime(2024, 11, 14)
    assert value("Jan. 21", anchor=november, tense=FUTURE) == "2025-01-21"
    assert value("Jan. 21", anchor=november, tense=PAST) == "2024-01-21"
    assert value("the 5th of March", tense=FUTURE) == "2025-03-05"


def test_calendar_periods_of_every_granularity() -> None:
    assert value("2008-03-06") == "2008-03-06"
    assert value("March 2008") == "2008-03"
    assert value("fiscal 2008") == "FY2008"
    assert value("Q3 2024") == "2024-Q3"
    assert value("the first half of 2009") == "2009-H1"
    assert value("H1 2024") == "2024-H1"
    assert value("the summer of 2024") == "2024-SU"
    assert value("the 1980's") == "198"
    assert value("the nineteenth century") == "18"
    assert value("mid-2011") == "2011"  # the modifier goes to TIMEX3 mod, not into the value


def test_durations_sets_and_references() -> None:
    assert normalise("more than a week", Context()) is not None
    assert value("a week") == "P1W"
    assert value("several years") == "PXY"
    assert value("the past decade") == "P10Y"
    assert value("36 hours") == "PT36H"
    assert value("annual") == "P1Y"
    assert normalise("a week", Context()) == Value("DURATION", "P1W", "duration")
    assert normalise("twice a week", Context()) == Value("SET", "P1W", "set")
    assert value("every Monday") == "XXXX-WXX-1"
    assert value("currently") == "PRESENT_REF"
    assert value("recently") == "PAST_REF"


def test_the_weekend_in_a_past_clause_written_midweek_is_the_one_just_gone() -> None:
    wednesday = dt.datetime(2025, 3, 5)
    assert value("the weekend", anchor=wednesday, tense=PAST) == "2025-W09-WE"
    assert value("the weekend", anchor=wednesday, tense=FUTURE) == "2025-W10-WE"


def test_months_with_a_deictic_year_and_hyphenated_durations() -> None:
    assert value("September this year") == "2025-09"
    assert value("January of last year") == "2024-01"
    assert value("last June") == "2024-06"
    assert value("a 12-year sentence".removeprefix("a ").removesuffix(" sentence")) == "P12Y"
    assert value("the past year") == "P1Y"
    assert value("several months ago") == "PAST_REF"
    assert value("recent years") == "PAST_REF"


def test_clock_times_take_the_day_beside_them() -> None:
    assert value("2 p.m. on Monday, March 10", tense=FUTURE) == "2025-03-10T14:00"
    assert value("noon") == "2025-03-03T12:00"


def test_relative_dates_need_an_anchor_and_are_never_guessed_without_one() -> None:
    assert value("yesterday", anchor=None) is None
    assert value("last week", anchor=None) is None
    assert value("Tuesday", anchor=None) is None
    assert value("March 6, 2008", anchor=None) == "2008-03-06"  # absolute: no anchor needed


def test_two_days_later_counts_from_the_story_not_from_the_paper() -> None:
    ctx = Context(anchor=MONDAY, story=dt.date(2025, 2, 25))
    found = normalise("two days later", ctx)
    assert found is not None and found.value == "2025-02-27"
    lost = normalise("two days later", Context(anchor=MONDAY))
    assert lost is not None and lost.value is None


# ------------------------------------------------------------------ bad input


def test_dates_that_do_not_exist_are_not_invented() -> None:
    assert value("February 31, 2024") is None
    assert value("31 February") is None
    assert value("13/45/2020") is None


def test_two_digit_years_take_the_century_of_the_anchor_or_none() -> None:
    assert value("'98") == "1998"
    assert value("the '90s") == "199"
    assert value("'98", anchor=None) is None


def test_a_publication_date_at_the_end_of_the_calendar_does_not_crash(nlp: Language) -> None:
    doc = nlp("The vote is next year. It was delayed 3 days later and will happen in 9,999 years.")
    found = find_timexes(doc, doc_id="far", published="9999-12-31")
    assert [t.text for t in found][:1] == ["next year"]
    assert found[0].value is None  # year 10000 is no date


def test_an_unreadable_publication_date_leaves_relative_dates_unresolved(nlp: Language) -> None:
    found = find_timexes(nlp("Talks failed yesterday."), doc_id="x", published="next Tuesday")
    assert [(t.text, t.value) for t in found] == [("yesterday", None)]


def test_text_full_of_numbers_gives_no_dates(nlp: Language) -> None:
    text = "The bill passed 70-29. Version 1.1.1 costs $95 and scored 3.5 out of 10, call 555-1234."
    found = find_timexes(nlp(text), doc_id="numbers", published="2025-03-03")
    assert [t.value for t in found if t.value] == []


def test_ages_are_not_dates(nlp: Language) -> None:
    found = find_timexes(
        nlp("Jobs died aged 56.\nHe was 56 years old."), doc_id="age", published="2011-10-06"
    )
    assert found == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -/.,'ampMayJunedayweksorthlfq")), max_size=30))
def test_normalising_any_text_never_crashes_and_every_date_is_a_period(text: str) -> None:
    found = normalise(text, Context(anchor=MONDAY, tense=PAST))
    if found is not None and found.type == "DATE" and found.value and found.value[0].isdigit():
        assert period(found.value) is not None, (text, found)


# ------------------------------------------------------------------ articles


def test_without_a_publication_date_the_last_full_date_anchors_what_follows(nlp: Language) -> None:
    doc = nlp(
        "Rebels took the town on March 6, 2008. Two days later they left. They said on Tuesday it was over."
    )
    values = [(t.text, t.value) for t in find_timexes(doc, doc_id="a", published=None)]
    assert values == [
        ("March 6, 2008", "2008-03-06"),
        ("Two days later", "2008-03-08"),
        ("Tuesday", "2008-03-04"),
    ]


def test_ranges_give_both_ends(nlp: Language) -> None:
    doc = nlp("He served from 2009 to 2017 and has led the party since 2019.")
    found = find_timexes(doc, doc_id="r", published="2025-03-03")
    assert [(t.text, t.value) for t in found] == [("2009", "2009"), ("2017", "2017"), ("2019", "2019")]


def test_the_far_end_of_a_range_spacy_missed_is_found(nlp: Language) -> None:
    doc = nlp("He has led the party since 2019 and served from 2009 to 2017.")
    found = find_timexes(doc, doc_id="r", published="2025-03-03")
    assert [t.value for t in found] == ["2019", "2009", "2017"]


def test_a_clock_time_and_its_day_are_one_expression(nlp: Language) -> None:
    found = find_timexes(
        nlp("The meeting is at 2 p.m. on Monday, March 10."), doc_id="c", published="2025-03-03"
    )
    assert [(t.text, t.type, t.value) for t in found] == [
        ("2 p.m. on Monday, March 10", "TIME", "2025-03-10T14:00")
    ]


def test_a_date_line_is_not_glued_to_the_title_above_it(nlp: Language) -> None:
    doc = nlp("Apple unveils iPhone 4 at WWDC 2010\nJune 8, 2010\nYesterday, Apple unveiled the phone.")
    found = find_timexes(doc, doc_id="d", published="2010-06-08")
    assert [(t.text, t.value) for t in found] == [
        ("2010", "2010"),
        ("June 8, 2010", "2010-06-08"),
        ("Yesterday", "2010-06-07"),
    ]


def test_neighbours_merge_into_one_expression(nlp: Language) -> None:
    doc = nlp("The attack happened Wednesday morning.")
    found = find_timexes(doc, doc_id="m", published="2025-03-03")
    assert [(t.text, t.type, t.value) for t in found] == [("Wednesday morning", "TIME", "2025-02-26TMO")]


def test_offsets_index_the_text_as_given(nlp: Language) -> None:
    text = "Talks resumed last week, officials said on Tuesday."
    for t in find_timexes(nlp(text), doc_id="o", published="2025-03-03"):
        assert text[t.start : t.end] == t.text


def test_the_array_readers_agree_with_spacys_own_views(nlp: Language) -> None:
    text = "Apple sues Samsung\nMarch 6, 2008\nOn Monday, Apple sued. It will appeal next week at 2 p.m."
    doc = nlp(text)
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    ours = [(e.start, e.end) for e in time_entities(doc)]
    assert ours == [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    assert line_breaks(doc) == [i for i, ch in enumerate(text) if ch == "\n"]


# ------------------------------------------------------------------ tense, on hand-built parses


def _parse(words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Doc:
    pos = ["VERB" if t.startswith("VB") else "AUX" if t == "MD" else "NOUN" for t in tags]
    return Doc(Vocab(), words=words, tags=tags, heads=heads, deps=deps, pos=pos)


def test_tense_reads_auxiliaries_and_tags() -> None:
    will = _parse(
        ["They", "will", "vote", "Tuesday"],
        ["PRP", "MD", "VB", "NNP"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "npadvmod"],
    )
    said = _parse(
        ["They", "voted", "Tuesday"], ["PRP", "VBD", "NNP"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"]
    )
    opens = _parse(
        ["It", "opens", "Tuesday"], ["PRP", "VBZ", "NNP"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"]
    )
    assert tense_at(will[3]) == FUTURE
    assert tense_at(said[2]) == PAST
    assert tense_at(opens[2]) == PRESENT
