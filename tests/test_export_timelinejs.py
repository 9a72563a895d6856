"""timelinejs.json: the TimelineJS 3 data format, held to a schema written from its documentation."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest
from hypothesis import given, settings

from timeline.export.timelinejs import SCHEMA, TITLE_ID, timelinejs, to_timelinejs
from timeline.records import Build, EventTime

from .exports_data import builds, story

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(VALIDATOR.schema)


def test_a_dated_event_becomes_a_slide_at_its_own_precision() -> None:
    # Apple sued Samsung "on Monday", 2011-04-18: a day; "last week" is week 15 of 2011: a span.
    data = timelinejs(story())
    VALIDATOR.validate(data)
    sued, accused = data["events"]
    assert sued["start_date"] == {"year": "2011", "month": "4", "day": "18"}
    assert "end_date" not in sued
    assert sued["unique_id"] == "e1" and sued["group"] == "COERCE"
    assert sued["text"]["headline"] == "Apple sued Samsung"
    assert accused["start_date"] == {"year": "2011", "month": "4", "day": "11"}
    assert accused["end_date"] == {"year": "2011", "month": "4", "day": "17"}
    assert accused["display_date"] == "week 15, 2011"


def test_the_undated_event_is_left_out_and_the_title_says_so() -> None:
    data = timelinejs(story())
    assert [s["unique_id"] for s in data["events"]] == ["e1", "e2"]
    assert data["title"]["unique_id"] == TITLE_ID
    assert data["title"]["text"]["text"] == "2 dated events of 3, from 1 articles"


def test_article_text_is_escaped_and_the_trigger_marked() -> None:
    # Samsung "accused Apple of copying <b>its</b> phones & tablets": the sentence's tags are text.
    body = timelinejs(story())["events"][1]["text"]["text"]
    assert "<b>accused</b> Apple of copying &lt;b&gt;its&lt;/b&gt; phones &amp; tablets." in body
    assert "<b>its</b>" not in body
    assert '<a href="https://example.com/a?x=1&amp;y=2"' in body
    assert "Apple &amp; Samsung: the &lt;patent&gt; war</a>, 2011-04-20" in body


def test_a_link_is_written_only_for_http_urls() -> None:
    build = story()
    doc = dataclasses.replace(build.documents[0], url="javascript:alert(1)")
    body = timelinejs(dataclasses.replace(build, documents=(doc,)))["events"][0]["text"]["text"]
    assert "<a " not in body and "javascript" not in body


def test_events_can_be_grouped_by_their_lead_actor() -> None:
    data = timelinejs(story(), group_by="actor")
    assert [s["group"] for s in data["events"]] == ["Apple", "Samsung"]
    with pytest.raises(ValueError, match="group_by"):
        timelinejs(story(), group_by="colour")


@pytest.mark.parametrize(
    ("value", "start", "end", "display"),
    [
        ("2011", {"year": "2011"}, None, None),
        ("2011-04", {"year": "2011", "month": "4"}, None, None),
        ("2011-04-18T14:30", {"year": "2011", "month": "4", "day": "18", "hour": "14", "minute": "30"}, None, None),
        ("2011-Q2", {"year": "2011", "month": "4", "day": "1"}, {"year": "2011", "month": "6", "day": "30"}, "Q2 2011"),
        ("2008-SU", {"year": "2008", "month": "6", "day": "1"}, {"year": "2008", "month": "8", "day": "31"}, "summer 2008"),
        ("199", {"year": "1990", "month": "1", "day": "1"}, {"year": "1999", "month": "12", "day": "31"}, "the 1990s"),
    ],
)  # fmt: skip
def test_each_timex_granularity_has_its_dates(
    value: str, start: dict[str, str], end: dict[str, str] | None, display: str | None
) -> None:
    build = story()
    event = dataclasses.replace(build.events[0], time=EventTime(value, None, "explicit"))
    slide = timelinejs(dataclasses.replace(build, events=(event,)))["events"][0]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide.get("display_date") == display


@settings(max_examples=80, deadline=None)
@given(builds())
def test_any_build_gives_valid_timelinejs_data(build: Build) -> None:
    for group_by in ("type", "actor"):
        data = json.loads(to_timelinejs(build, group_by=group_by).encode("utf-8"))
        VALIDATOR.validate(data)
        ids = [s["unique_id"] for s in data["events"]] + [data["title"]["unique_id"]]
        assert len(ids) == len(set(ids))
