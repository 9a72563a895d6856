"""The HTML pages as text: the summary, the filters, the articles read and skipped, escaping, one plotly.js."""

from __future__ import annotations

import dataclasses

import pytest

from timeline.records import GROUP, THING, Build
from timeline.render import network_figure, page, timeline_figure

from .render_story import story_build


@pytest.fixture(scope="module")
def story() -> Build:
    return story_build()


@pytest.fixture(scope="module")
def report(story: Build) -> str:
    return page(story, [("timeline", timeline_figure(story)), ("network", network_figure(story))], "Cairo")


def test_the_summary_gives_counts_and_the_date_range(report: str) -> None:
    assert (
        "3 articles read, 1 skipped · 5 actors · 6 events (2 undated, 1 reported by several articles)"
        " · 0 time expressions · events from 2025-02-01 to 2025-03-06." in report
    )


def test_things_and_groups_are_not_counted_as_actors(story: Build) -> None:
    # "the price" and "Hamas and Egypt" are entities of their own, but not actors a reader would count
    extra = tuple(
        dataclasses.replace(story.actors[0], id=f"x-{kind.lower()}", name=name, kind=kind)
        for kind, name in ((THING, "the price"), (GROUP, "Hamas and Egypt"))
    )
    with_extra = dataclasses.replace(story, actors=story.actors + extra)
    assert " · 5 actors · " in page(with_extra, [], "Cairo")


def test_plotly_js_is_embedded_once_and_nothing_is_fetched(report: str) -> None:
    assert report.count("window.PlotlyConfig") == 1
    assert "<script src=" not in report and "<link" not in report


def test_the_actor_picker_lists_active_actors_most_active_first(report: str) -> None:
    picker = report[report.index('<select id="actor-pick">') : report.index("</select>")]
    assert '<option value="a-egypt">Egypt (GPE, 3)</option>' in picker
    assert '<option value="a-hamas">Hamas (ORG, 3)</option>' in picker
    assert picker.index("a-egypt") < picker.index("a-hamas") < picker.index("a-gaza")


def test_each_event_type_has_one_toggle_with_its_count(report: str) -> None:
    toggles = report[report.index('<fieldset id="type-toggle">') : report.index("</fieldset>")]
    assert '<input type="checkbox" value="CONSULT" checked> CONSULT (2)' in toggles
    assert toggles.count('type="checkbox"') == 5


def test_articles_read_are_listed_with_links_and_skipped_inputs_with_the_reason(report: str) -> None:
    assert (
        '<a href="https://news.example.org/cairo?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">'
        "Talks in Cairo stall</a>" in report
    )
    assert "javascript:alert" not in report  # a link that is not http(s) is left out
    assert "<h2>Skipped (1)</h2>" in report
    assert "<td>news/broken.jsonl:1</td><td>invalid JSON: &lt;b&gt;Expecting value&lt;/b&gt;</td>" in report


def test_article_text_is_escaped_everywhere_in_the_page(report: str) -> None:
    assert "<script>window.pwned" not in report
    assert "<img src=x" not in report
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; Qatar" in report


def test_each_view_alone_holds_only_its_figure(story: Build) -> None:
    alone = page(story, [("network", network_figure(story))], "Actor network")
    assert 'id="network"' in alone and 'id="timeline"' not in alone
    assert alone.count("window.PlotlyConfig") == 1


def test_a_build_read_back_without_its_inputs_still_lists_its_articles(story: Build) -> None:
    loaded = dataclasses.replace(story, outcomes=())
    text = page(loaded, [("timeline", timeline_figure(loaded))], "Cairo")
    assert "<h2>Articles read (3)</h2>" in text
    assert "Egypt hosts Hamas" in text
