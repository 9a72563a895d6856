"""Hostile and odd input: any bytes into the readers, and nasty articles through a whole build."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import timeline
from timeline.ingest import read_inputs

SUFFIXES = [".txt", ".md", ".jsonl", ".json"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_are_read_or_skipped_with_a_reason(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path]))
    assert items, "every input is accounted for"
    for outcome, doc in items:
        assert outcome.status in ("read", "skipped")
        assert (doc is None) == (outcome.status == "skipped")
        assert doc is None or doc.text.strip()
        assert outcome.status == "read" or outcome.reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.text(max_size=8),
                "title": st.text(max_size=20),
                "date": st.text(max_size=12),
                "url": st.text(max_size=20),
                "text": st.text(max_size=60),
            }
        ),
        max_size=4,
    )
)
def test_any_json_lines_are_accounted_for(rows: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docs.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        items = list(read_inputs([path]))
    assert len(items) == max(len(rows), 1)  # an empty file is one skipped input
    assert all(o.status == "read" or o.reason for o, _ in items)


NASTY = [
    {
        "id": "nul",
        "title": "NUL\x00 and\x07 bells",
        "date": "2025-03-03",
        "url": "javascript:alert(1)",
        "text": "Egypt\x00 rejected\x1b Israel's proposal on Tuesday.\x0c Hamas agreed.",
    },
    {
        "id": "rtl",
        "title": "مصر ترفض",
        "date": "2025-03-03",
        "url": 'https://example.org/"><script>x</script>',
        "text": "مصر ترفض الاقتراح الإسرائيلي. Egypt rejected the plan 🇪🇬🔥 on Monday.",
    },
    {
        "id": "long",
        "title": "<img src=x onerror=alert(1)>",
        "date": "2025-03-03",
        "url": "",
        "text": "Hamas " + "a" * 10_000 + " accused Israel of delaying the talks.",
    },
    {
        "id": "html",
        "title": "</script><script>alert('t')</script>",
        "date": "2025-02-31",
        "url": "",
        "text": "<html><body><p>Egypt rejected Israel's proposal.</p><script>alert(1)</script></body></html>",
    },
    {
        "id": "surrogate",
        "title": "lone \ud800 half",
        "date": None,
        "url": "",
        "text": 'Egypt rejected \udfff the proposal, =HYPERLINK("x") said Hamas.',
    },
]


def test_nasty_articles_build_and_every_output_parses(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "nasty.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in NASTY), encoding="utf-8")
    out = tmp_path / "out"
    result = timeline.build([path], out=out, nlp=nlp)
    assert len(result.documents) == len(NASTY)
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in events["documents"]] == [r["id"] for r in NASTY]
    for name in ("graph.graphml", "actors.graphml"):
        nx.read_graphml(out / name)
    for name in ("events.csv", "actors.csv"):
        list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"), newline="")))
    json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    for page in ("report.html", "timeline.html", "network.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "javascript:alert" not in html
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert report["counts"]["read"] + report["counts"]["skipped"] == report["counts"]["inputs"]
