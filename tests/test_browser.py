"""The pages in a real browser: headless Chromium opens report.html from file:// and a reader uses it.

Skipped where no Chromium is installed (``.ci/run`` installs Debian's). Screenshots of each view are
saved in the test's temporary folder (``pytest --basetemp=DIR`` keeps them somewhere handy).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import timeline
from timeline.render import network_figure, page, timeline_figure

from .conftest import SEEDS
from .render_story import story_build

pytest.importorskip("websocket", reason="websocket-client (the test extra) is not installed")

from .chromium import Chromium, drawn, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine: install Debian's (apt-get install chromium) to run the browser tests",
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """report.html, timeline.html and network.html of the Cairo story, written as the build writes them."""
    folder = tmp_path_factory.mktemp("pages")
    story = story_build()
    views = {"timeline": timeline_figure(story), "network": network_figure(story)}
    _write(folder / "report.html", page(story, list(views.items()), "Cairo"))
    for name, fig in views.items():
        _write(folder / f"{name}.html", page(story, [(name, fig)], name))
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    assert CHROMIUM is not None
    with Chromium(CHROMIUM) as chromium:
        yield chromium


@pytest.fixture()
def report(browser: Chromium, pages: Path) -> Chromium:
    """The browser with a fresh load of report.html, console errors and requests counted from here."""
    browser.errors.clear()
    browser.requests.clear()
    browser.open((pages / "report.html").as_uri(), ready=drawn("timeline", "network"))
    return browser


def js(browser: Chromium, code: str) -> Any:
    return browser.evaluate(f"(() => {{ {code} }})()")


def trace_of(browser: Chromium, trigger: str) -> tuple[int, int]:
    """(curve, point) of the timeline marker whose hover marks ``trigger``."""
    found = js(
        browser,
        f"""const gd = document.getElementById('timeline');
        for (const [c, t] of gd.data.entries())
          for (const [p, h] of (t.hovertext || []).entries())
            if (h.includes('<b>{trigger}</b>')) return [c, p];""",
    )
    assert found, trigger
    return found[0], found[1]


def test_the_report_opens_from_file_with_no_console_error_and_no_network(report: Chromium) -> None:
    assert report.errors == []
    assert report.requests and all(u.startswith(("file:", "data:")) for u in report.requests)


def test_both_plots_draw_a_point_per_event_and_per_actor(report: Chromium, tmp_path: Path) -> None:
    points = js(
        report,
        """return ['timeline', 'network'].map(id =>
          document.querySelectorAll('#' + id + ' .cartesianlayer path.point').length);""",
    )
    assert points == [6, 5 + 5]  # 4 dated + 2 undated events; 5 actors + 5 directed pairs
    for view in ("timeline", "network"):
        shot = report.screenshot(tmp_path / f"report-{view}.png", selector=f"#{view}")
        assert shot.stat().st_size > 10_000


def test_hovering_a_marker_shows_its_sentence_and_article(report: Chromium) -> None:
    curve, point = trace_of(report, "rejected")
    hover = js(
        report,
        f"""Plotly.Fx.hover('timeline', [{{curveNumber: {curve}, pointNumber: {point}}}], 'xy');
        return document.querySelector('#timeline .hoverlayer .hovertext').textContent;""",
    )
    assert "Egypt rejected Israel's proposal on Tuesday." in hover
    assert 'written "on Tuesday"' in hover
    assert "Talks in Cairo stall" in hover


def test_hovering_an_edge_lists_the_events_between_the_pair(report: Chromium) -> None:
    hover = js(
        report,
        """const gd = document.getElementById('network');
        const curve = gd.data.findIndex(t => t.meta && t.meta.part === 'arrows');
        const point = gd.data[curve].customdata.indexOf('a-egypt\\na-hamas');
        Plotly.Fx.hover('network', [{curveNumber: curve, pointNumber: point}], 'xy');
        return document.querySelector('#network .hoverlayer .hovertext').textContent;""",
    )
    assert "Egypt → Hamas: 1 event, mean Goldstein +1.0" in hover
    assert "2025-03-06 · CONSULT · …Egypt hosted Hamas leaders.…" in hover


def test_the_script_article_is_inert_and_reads_as_text(report: Chromium) -> None:
    curve, point = trace_of(report, "said")
    hover = js(
        report,
        f"""Plotly.Fx.hover('timeline', [{{curveNumber: {curve}, pointNumber: {point}}}], 'x2y2');
        return document.querySelector('#timeline .hoverlayer .hovertext').textContent;""",
    )
    assert '<img src=x onerror="window.pwned = 2">' in hover
    assert js(report, "return typeof window.pwned;") == "undefined"
    assert js(report, "return document.querySelectorAll('img').length;") == 0
    assert "<script>window.pwned = 1</script> Qatar" in js(report, "return document.body.innerText;")


def test_picking_an_actor_highlights_its_events_and_neighbours(report: Chromium, tmp_path: Path) -> None:
    selected = js(
        report,
        """const pick = document.getElementById('actor-pick');
        pick.value = 'a-israel';
        pick.dispatchEvent(new Event('change'));
        const count = id => document.getElementById(id).data
          .filter(t => t.meta && ['events', 'undated', 'actors'].includes(t.meta.part))
          .reduce((n, t) => n + (t.selectedpoints ? t.selectedpoints.length : 0), 0);
        return [count('timeline'), count('network')];""",
    )
    assert selected == [2, 3]  # e1 and e2; Israel, Egypt and Gaza
    report.screenshot(tmp_path / "picked-israel.png", selector="#timeline")
    cleared = js(
        report,
        """document.getElementById('reset').click();
        return document.getElementById('timeline').data.every(t => !t.selectedpoints);""",
    )
    assert cleared


def test_unticking_a_type_hides_its_markers(report: Chromium) -> None:
    visible = js(
        report,
        """const box = document.querySelector('#type-toggle input[value="CONSULT"]');
        box.click();
        return document.getElementById('timeline').data
          .filter(t => t.meta && t.meta.type)
          .map(t => [t.meta.type, t.visible]);""",
    )
    assert visible and all((v is False) == (kind == "CONSULT") for kind, v in visible)


def test_the_lane_buttons_switch_to_one_lane_per_event_type(report: Chromium, tmp_path: Path) -> None:
    lanes = js(
        report,
        """const buttons = document.querySelectorAll('#timeline .updatemenu-button');
        buttons[1].dispatchEvent(new MouseEvent('click', {bubbles: true}));
        return new Promise(done => setTimeout(() =>
          done(document.getElementById('timeline').layout.yaxis.categoryarray), 300));""",
    )
    assert lanes == ["CONSULT", "REQUEST", "REJECT", "ASSAULT"]
    report.screenshot(tmp_path / "lanes-by-type.png", selector="#timeline")


def test_clicking_a_marker_opens_its_details_with_a_link_to_the_article(report: Chromium) -> None:
    curve, point = trace_of(report, "rejected")
    details = js(
        report,
        f"""const gd = document.getElementById('timeline');
        gd.emit('plotly_click', {{points: [{{data: gd.data[{curve}], pointIndex: {point}}}]}});
        const link = document.getElementById('details-link');
        return [document.getElementById('details').hidden, document.getElementById('details-body').textContent,
                link.hidden, link.href];""",
    )
    hidden, text, link_hidden, href = details
    assert not hidden and "Egypt rejected Israel's proposal" in text
    assert not link_hidden and href == "https://news.example.org/cairo?a=1&b=2"


@pytest.mark.parametrize("view", ["timeline", "network"])
def test_each_view_alone_opens_cleanly(browser: Chromium, pages: Path, tmp_path: Path, view: str) -> None:
    browser.errors.clear()
    browser.open((pages / f"{view}.html").as_uri(), ready=drawn(view))
    assert browser.errors == []
    assert browser.screenshot(tmp_path / f"{view}.png").stat().st_size > 10_000


def test_the_report_of_a_real_build_opens_cleanly(browser: Chromium, nlp: Language, tmp_path: Path) -> None:
    result = timeline.build([SEEDS], out=tmp_path, nlp=nlp)
    browser.errors.clear()
    browser.open((tmp_path / "report.html").as_uri(), ready=drawn("timeline", "network"))
    assert browser.errors == []
    markers = js(browser, "return document.querySelectorAll('#timeline .cartesianlayer path.point').length;")
    assert markers == len(result.events)
    browser.screenshot(tmp_path / "seed-report.png")
    json.dumps(browser.requests)  # kept for a look when debugging: every URL the page asked for


def test_a_large_timeline_draws_its_markers_with_webgl(browser: Chromium, tmp_path: Path) -> None:
    story = story_build()
    fig = timeline_figure(story, webgl_above=0)  # as a build of more than 3,000 events would
    _write(tmp_path / "timeline.html", page(story, [("timeline", fig)], "Cairo"))
    browser.errors.clear()
    browser.open(
        (tmp_path / "timeline.html").as_uri(),
        ready="document.body && document.body.dataset.ready === '1' && "
        "document.querySelector('#timeline .gl-canvas-context')",
    )
    drawn_points = js(
        browser,
        """return document.getElementById('timeline')._fullData
          .filter(t => t.type === 'scattergl').reduce((n, t) => n + t._length, 0);""",
    )
    assert drawn_points == 6
    curve, point = trace_of(browser, "rejected")
    x, y = js(  # where the marker is on the screen: WebGL points are hovered by the mouse, not by index
        browser,
        f"""const gd = document.getElementById('timeline'), t = gd.data[{curve}];
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
        return [box.left + xa._offset + xa.d2p(t.x[{point}]), box.top + ya._offset + ya.d2p(t.y[{point}])];""",
    )
    browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    hover = browser.evaluate(
        """new Promise(done => setTimeout(() => done(
          (document.querySelector('#timeline .hoverlayer .hovertext') || {}).textContent || ''), 500))"""
    )
    assert "Egypt rejected Israel's proposal on Tuesday." in hover
    assert browser.errors == []
    browser.screenshot(tmp_path / "webgl-timeline.png", selector="#timeline")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
