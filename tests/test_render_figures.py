"""The figures' data: what the timeline and the network show for three articles about talks in Cairo."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from timeline.graph import Pair
from timeline.records import Build
from timeline.render import network_figure, network_view, timeline_figure
from timeline.render.kept_layout import KeptLayout
from timeline.render.network_view import MAX_ACTORS, spring_positions
from timeline.render.text import marked_sentence

from .render_story import story_build


def traces(fig: go.Figure, part: str) -> list[dict[str, Any]]:
    return [t for t in fig.to_dict()["data"] if (t.get("meta") or {}).get("part") == part]


def point(fig: go.Figure, trigger: str) -> tuple[dict[str, Any], int]:
    """The trace and index of the one marker whose hover marks ``trigger``."""
    found = [
        (t, i)
        for t in fig.to_dict()["data"]
        for i, text in enumerate(t.get("hovertext") or [])
        if f"<b>{trigger}</b>" in text
    ]
    assert len(found) == 1, f"{trigger}: {len(found)} markers"
    return found[0]


@pytest.fixture(scope="module")
def story() -> Build:
    return story_build()


def test_both_figures_pass_plotlys_full_validation(story: Build) -> None:
    # the builders skip per-element validation for speed; plotly checks every attribute here
    for fig in (timeline_figure(story), network_figure(story)):
        go.Figure(fig.to_dict())


def test_every_dated_event_is_one_marker_and_undated_ones_are_in_story_order(story: Build) -> None:
    fig = timeline_figure(story)
    dated = [x for t in traces(fig, "events") for x in t["x"]]
    assert sorted(dated) == ["2025-02-14", "2025-03-04", "2025-03-05", "2025-03-06"]
    undated = sorted(
        (x, text) for t in traces(fig, "undated") for x, text in zip(t["x"], t["hovertext"], strict=True)
    )
    assert [x for x, _ in undated] == [1, 2]
    assert "<b>meet</b>" in undated[0][1] and "<b>said</b>" in undated[1][1]
    assert {y for t in traces(fig, "undated") for y in t["y"]} == {"undated (2)"}


def test_a_month_is_drawn_as_a_span_with_its_marker_in_the_middle(story: Build) -> None:
    fig = timeline_figure(story)
    (spans,) = traces(fig, "spans")
    assert spans["x"] == ["2025-02-01", "2025-02-28", None]
    assert spans["y"] == ["Israel", "Israel", None]
    trace, i = point(fig, "bombed")
    assert trace["x"][i] == "2025-02-14"
    assert trace["marker"]["symbol"][i] == "diamond"


def test_the_hover_says_when_as_written_and_resolved_what_who_and_where_from(story: Build) -> None:
    trace, i = point(timeline_figure(story), "rejected")
    hover = trace["hovertext"][i]
    assert "<b>REJECT</b> · verbal conflict · CAMEO 12 · Goldstein -4.0" in hover
    assert 'When: 2025-03-04 (day) · written "on Tuesday" · basis explicit' in hover
    assert "Who: Egypt (source), Israel (target)" in hover
    assert "Egypt <b>rejected</b> Israel&#x27;s proposal on Tuesday." in hover
    assert "<i>Talks in Cairo stall</i> · 2025-03-05" in hover
    assert "https://news.example.org/cairo?a=1&amp;b=2" in hover
    month, j = point(timeline_figure(story), "bombed")
    assert "When: 2025-02 (month: 1 Feb 2025 to 28 Feb 2025)" in month["hovertext"][j]


def test_an_event_dated_only_by_its_article_has_a_hollow_marker(story: Build) -> None:
    trace, i = point(timeline_figure(story), "urged")
    assert trace["marker"]["symbol"][i] == "circle-open"
    assert "basis document" in trace["hovertext"][i]


def test_an_event_reported_by_two_articles_is_one_bigger_marker_with_its_count(story: Build) -> None:
    fig = timeline_figure(story)
    trace, i = point(fig, "hosted")
    assert (
        "Reported in 2 articles; also: &lt;script&gt;window.pwned = 1&lt;/script&gt; Qatar"
        in (trace["hovertext"][i])
    )
    assert trace["marker"]["size"][i] > 8
    doubled = dataclasses.replace(story, events=story.events + story.events[4:5])
    assert sum(len(t["x"]) for t in traces(timeline_figure(doubled), "events")) == 4


def test_article_text_is_escaped_in_every_label(story: Build) -> None:
    fig = timeline_figure(story)
    (other,) = [t for t in traces(fig, "undated") if t["meta"]["type"] == "OTHER"]
    assert "&lt;img src=x onerror=&#34;window.pwned = 2&#34;&gt;" in other["hovertext"][0]
    texts = str(fig.to_dict()) + str(network_figure(story).to_dict())
    assert "<script>" not in texts and "<img" not in texts


def test_an_event_type_read_from_a_saved_build_is_inert_and_encodable(story: Build) -> None:
    # events.json is a file a user may edit: a type with markup and a lone surrogate (which no UTF-8
    # page can hold) is drawn escaped, and the page's toggle value matches the trace's meta
    odd = "<i>X\ud800"
    events = tuple(dataclasses.replace(e, type=odd) for e in story.events)
    fig = timeline_figure(dataclasses.replace(story, events=events), lanes="type")
    assert fig.layout.yaxis.categoryarray == ("&lt;i&gt;X",)
    assert {t["meta"]["type"] for t in fig.to_dict()["data"] if t.get("meta")} == {"<i>X"}
    fig.to_json()  # plotly's encoder refuses lone surrogates


def test_lanes_go_to_the_most_active_actors_and_the_rest_share_one(story: Build) -> None:
    fig = timeline_figure(story, max_lanes=2)
    lanes = fig.layout.yaxis.categoryarray
    assert lanes == ("Egypt", "Israel", "other actors (1)")
    trace, i = point(fig, "urged")
    assert trace["y"][i] == "other actors (1)"


def test_the_lane_buttons_switch_between_actors_and_event_types(story: Build) -> None:
    fig = timeline_figure(story)
    by_actor, by_type = fig.layout.updatemenus[0].buttons
    assert by_type.args[1]["yaxis.categoryarray"] == ["CONSULT", "REQUEST", "REJECT", "ASSAULT"]
    indices = by_type.args[2]
    ys = dict(zip(indices, by_type.args[0]["y"], strict=True))
    assert {y for ys_ in ys.values() for y in ys_ if y} == {"CONSULT", "REQUEST", "REJECT", "ASSAULT"}
    assert by_actor.args[1]["yaxis.categoryarray"][:2] == ["Egypt", "Israel"]
    typed = timeline_figure(story, lanes="type")
    assert typed.layout.yaxis.categoryarray == ("CONSULT", "REQUEST", "REJECT", "ASSAULT")


def test_legend_entries_name_the_type_and_its_quad_class_unclassified_included(story: Build) -> None:
    fig = timeline_figure(story)
    names = [t["name"] for t in fig.to_dict()["data"] if t.get("showlegend", True)]
    assert names == [
        "CONSULT · verbal cooperation",
        "REQUEST · verbal cooperation",
        "REJECT · verbal conflict",
        "ASSAULT · material conflict",
        "OTHER · unclassified",  # only undated: its entry is the undated trace's
    ]
    assert all(t.get("legendgroup") for t in fig.to_dict()["data"])


def test_the_network_has_a_node_per_active_actor_sized_by_events(story: Build) -> None:
    fig = network_figure(story)
    nodes = {c: (t, i) for t in traces(fig, "actors") for i, c in enumerate(t["customdata"])}
    assert set(nodes) == {"a-egypt", "a-gaza", "a-hamas", "a-israel", "a-qatar"}
    size = {a: t["marker"]["size"][i] for a, (t, i) in nodes.items()}
    assert size["a-egypt"] > size["a-gaza"]  # Egypt takes part in three events, Gaza in one
    hover = {a: t["hovertext"][i] for a, (t, i) in nodes.items()}
    assert "<b>Hamas</b> (ORG), 3 events" in hover["a-hamas"]
    assert "also: the movement" in hover["a-hamas"]


def test_edges_are_directed_and_coloured_by_their_mean_goldstein_score(story: Build) -> None:
    fig = network_figure(story)
    (arrows,) = traces(fig, "arrows")
    ends = arrows["customdata"]
    assert "a-egypt\na-israel" in ends and "a-israel\na-egypt" not in ends
    scores = dict(zip(ends, arrows["marker"]["color"], strict=True))
    assert scores["a-israel\na-gaza"] == -10.0
    hover = arrows["hovertext"][ends.index("a-egypt\na-hamas")]
    assert hover.startswith("<b>Egypt → Hamas</b>: 1 event, mean Goldstein +1.0")
    assert "<b>hosted</b>" in hover


def test_a_loaded_build_with_a_score_out_of_range_or_not_a_number_still_draws(story: Build) -> None:
    first, *rest = story.events
    odd = [dataclasses.replace(first, goldstein=float("nan")), *rest]
    odd += [dataclasses.replace(e, id=e.id + "-inf", goldstein=float("inf")) for e in rest]
    fig = network_figure(dataclasses.replace(story, events=tuple(odd)))
    assert traces(fig, "arrows")


def test_the_layout_is_the_same_every_time(story: Build) -> None:
    assert network_figure(story).to_dict() == network_figure(story).to_dict()


def test_a_network_of_the_most_actors_drawn_is_laid_out_the_same_every_time(story: Build) -> None:
    # every actor placed, stably
    nodes = [f"a{n}" for n in range(MAX_ACTORS)]
    one = story.events[:1]
    pairs = [Pair(nodes[n], nodes[(n * 7 + 1) % len(nodes)], one) for n in range(len(nodes))]
    positions = spring_positions(nodes, pairs)
    assert sorted(positions) == sorted(nodes)
    assert len(set(positions.values())) == len(nodes)
    assert all(-1.0 <= c <= 1.0 for xy in positions.values() for c in xy)
    assert spring_positions(nodes, pairs) == positions


def test_the_layout_is_kept_for_the_next_build_that_draws_the_same_actors_and_pairs(
    story: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nodes = [f"a{n}" for n in range(40)]
    one = story.events[:1]
    pairs = [Pair(nodes[n], nodes[(n * 7 + 1) % len(nodes)], one * (1 + n % 3)) for n in range(len(nodes))]
    kept = KeptLayout(tmp_path)
    positions = spring_positions(nodes, pairs, kept=kept)
    assert positions == spring_positions(nodes, pairs)  # what is laid out without keeping it
    assert kept.path.is_file()

    def laid_out(*_: Any, **__: Any) -> None:
        raise AssertionError("laid out again")

    monkeypatch.setattr(network_view.nx, "spring_layout", laid_out)
    # the same actors and pairs, in any order: taken
    assert spring_positions(nodes[::-1], pairs[::-1], kept=kept) == positions
    # another pair's weight, another actor: laid out again
    for other_nodes, other_pairs in (
        (nodes, [*pairs[:-1], Pair(nodes[0], nodes[2], one)]),
        (nodes[1:], pairs[1:]),
    ):
        with pytest.raises(AssertionError, match="laid out again"):
            spring_positions(other_nodes, other_pairs, kept=kept)


def test_a_damaged_kept_layout_is_reported_and_laid_out_again(
    story: Build, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    nodes = ["a1", "a2", "a3"]
    pairs = [Pair("a1", "a2", story.events[:1]), Pair("a3", "a2", story.events[:2])]
    kept = KeptLayout(tmp_path)
    positions = spring_positions(nodes, pairs, kept=kept)
    digest = json.loads(kept.path.read_text())["digest"]
    wrong = json.dumps({"digest": digest, "positions": [["a1", 0.5]]}).encode()
    for damage in (b"\xff\x00", wrong, kept.path.read_bytes()[:-9]):
        kept.path.write_bytes(damage)
        with caplog.at_level(logging.WARNING):
            assert spring_positions(nodes, pairs, kept=kept) == positions
        assert [r.getMessage() for r in caplog.records if f"ignored {kept.path}" in r.getMessage()]
        caplog.clear()
    # a layout laid out from other actors is not taken, and not reported
    kept.path.write_text(json.dumps({"digest": "0" * 32, "positions": [["a1", 0.5, 0.5]]}))
    with caplog.at_level(logging.WARNING):
        assert spring_positions(nodes, pairs, kept=kept) == positions
    assert not caplog.records


def test_only_the_main_actors_are_labelled(story: Build) -> None:
    fig = network_figure(story, max_labels=2)
    labels = [x for t in traces(fig, "actors") for x in t["text"] if x]
    assert sorted(labels) == ["Egypt", "Hamas"]


def test_a_build_without_events_gives_empty_figures_that_say_so() -> None:
    empty = dataclasses.replace(story_build(), events=())
    assert timeline_figure(empty).layout.annotations[0].text == "no events"
    assert network_figure(empty).layout.annotations[0].text == "no actors in events"


def test_a_long_sentence_is_cut_around_its_trigger_and_wrapped() -> None:
    story = story_build()
    words = " ".join(["talks"] * 100)
    long = dataclasses.replace(
        story.events[0],
        sentence_text=f"{words} Egypt rejected it {words}",
        trigger=dataclasses.replace(story.events[0].trigger, start=len(words) + 7),
    )
    marked = marked_sentence(long)
    assert "Egypt <b>rejected</b> it" in marked
    assert marked.startswith("…") and marked.endswith("…")
    assert all(len(line) <= 100 for line in marked.split("<br>"))


def test_many_events_are_drawn_with_webgl_and_few_with_svg(story: Build) -> None:
    def kinds(fig: go.Figure) -> set[str]:
        return {t["type"] for t in fig.to_dict()["data"] if t["meta"]["part"] in ("events", "undated")}

    assert kinds(timeline_figure(story)) == {"scatter"}
    assert kinds(timeline_figure(story, webgl_above=5)) == {"scattergl"}


def test_only_the_most_active_actors_are_drawn_and_the_subtitle_says_so(story: Build) -> None:
    fig = network_figure(story, max_actors=2)
    assert sorted(c for t in traces(fig, "actors") for c in t["customdata"]) == ["a-egypt", "a-hamas"]
    assert [c for t in traces(fig, "arrows") for c in t["customdata"]] == [
        "a-egypt\na-hamas",
        "a-hamas\na-egypt",
    ]
    assert "5 actors, 5 directed pairs; the 2 most active of 5 actors with 2 pairs drawn" in (
        fig.layout.title.subtitle.text
    )


def test_two_actors_of_one_name_get_lanes_told_apart_by_kind(story: Build) -> None:
    jordan = [
        dataclasses.replace(story.actors[0], id="a-jordan-country", name="Jordan", kind="GPE"),
        dataclasses.replace(story.actors[0], id="a-jordan-river", name="Jordan", kind="LOC"),
    ]
    renamed = {"a-egypt": "a-jordan-country", "a-israel": "a-jordan-river"}
    events = tuple(
        dataclasses.replace(
            e,
            participants=tuple(
                dataclasses.replace(p, actor=renamed.get(p.actor, p.actor)) for p in e.participants
            ),
        )
        for e in story.events
    )
    fig = timeline_figure(dataclasses.replace(story, actors=(*story.actors, *jordan), events=events))
    assert fig.layout.yaxis.categoryarray[:2] == ("Jordan", "Jordan (LOC)")
