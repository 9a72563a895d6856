"""What the pictures say about an event or an actor: labels, colours and hover text.

Plotly renders hover text and labels as a small subset of HTML, so every piece of article text goes
through :func:`esc` before it is placed in a figure; only the tags written here (``<b>``, ``<i>``,
``<br>``) reach the page as markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..periods import period
from ..records import SOURCE, Actor, Build, Document, Event
from ..text import clean_text

#: CAMEO quad classes, from cooperation to conflict.
QUAD_NAMES: dict[int | None, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
    None: "unclassified",
}

#: Shades per quad class (green for cooperation, red for conflict, slate for unclassified); the event
#: types inside a class take successive shades so they stay apart in the legend.
QUAD_SHADES: dict[int | None, tuple[str, ...]] = {
    1: ("#1a9850", "#66bd63", "#a6d96a", "#00876c", "#4fa36a"),
    2: ("#006837", "#238b45", "#41ab5d", "#005a32", "#31a354"),
    3: ("#f46d43", "#fdae61", "#e08214", "#fc8d59", "#f1a340"),
    4: ("#a50026", "#d73027", "#7f0000", "#b2182b", "#e34a33"),
    None: ("#4c6a92", "#7b8ea8", "#2f4b7c", "#665191", "#8c96a8"),
}

#: Colours of actor kinds in the network (spaCy labels); kinds not listed share the last one.
KIND_COLOURS: dict[str, str] = {
    "PERSON": "#1f77b4",
    "ORG": "#ff7f0e",
    "GPE": "#2ca02c",
    "NORP": "#9467bd",
    "LOC": "#17becf",
    "FAC": "#8c564b",
    "PRODUCT": "#e377c2",
    "EVENT": "#bcbd22",
    "": "#7f7f7f",
}

#: Longest sentence shown whole in a hover; longer ones are cut around the trigger.
SENTENCE_CHARS = 320


def esc(text: str | None) -> str:
    """Article text made inert for plotly labels and HTML pages (attribute values included).

    Quotes become numeric references: plotly's labels decode those but print ``&quot;`` as it is.
    Characters no UTF-8 page can hold (lone surrogates) and control characters are dropped.
    """
    # html.escape(quote=False) and the quotes, in one chain: esc runs ten times per event
    safe = clean_text(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return safe.replace('"', "&#34;").replace("'", "&#x27;")


def web_link(url: str) -> str:
    """``url`` when it is an http(s) address, else nothing: a page never links ``javascript:`` and co."""
    return url if url.lower().startswith(("http://", "https://")) and "\n" not in url else ""


def quad_name(quad: int | None) -> str:
    return QUAD_NAMES.get(quad, QUAD_NAMES[None])


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, KIND_COLOURS[""])


@dataclass(frozen=True)
class Lookup:
    """The build's actors and documents by id, made once per figure; with the escaped text of each
    actor and article, made when first asked for (every hover names several)."""

    actors: Mapping[str, Actor]
    documents: Mapping[str, Document]
    _names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _articles: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, build: Build) -> Lookup:
        return cls({a.id: a for a in build.actors}, {d.id: d for d in build.documents})

    def name(self, actor: str) -> str:
        found = self.actors.get(actor)
        return found.name if found else actor

    def shown_name(self, actor: str) -> str:
        """:meth:`name`, escaped."""
        shown = self._names.get(actor)
        if shown is None:
            shown = self._names[actor] = esc(self.name(actor))
        return shown

    def article(self, doc: str) -> str:
        """A hover's lines on the article ``doc``: its title (in italics) and date, and its address."""
        lines = self._articles.get(doc)
        if lines is None:
            lines = self._articles[doc] = _article_lines(self.documents.get(doc), doc)
        return lines


def _article_lines(document: Document | None, doc: str) -> str:
    title = document.title if document and document.title else doc
    dated = f" · {esc(document.date)}" if document and document.date else ""
    lines = [f"<i>{esc(title)}</i>{dated}"]
    if document and web_link(document.url):
        lines.append(esc(document.url))
    return "<br>".join(lines)


@dataclass(frozen=True)
class Counted:
    """What the figures and sections of a build's pages count alike, made once for all of them: each
    event once (:func:`unique_events`), and how many of those each actor takes part in."""

    events: list[Event]
    activity: Counter[str]

    @classmethod
    def of(cls, build: Build) -> Counted:
        events = unique_events(build.events)
        return cls(events, Counter(a for e in events for a in event_actors(e)))


def unique_events(events: Sequence[Event]) -> list[Event]:
    """Each event once (a cross-article duplicate carries its other reports in ``sources``)."""
    seen: set[str] = set()
    kept = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            kept.append(event)
    return kept


def source_count(event: Event) -> int:
    """How many articles report the event: its sources, or just its own article when it has none."""
    return len({s.doc for s in event.sources} | {event.doc}) if event.sources else 1


def lead_actor(event: Event) -> str | None:
    """The actor a timeline lane files the event under: its first source, else its first participant."""
    lead = next((p for p in event.participants if p.role == SOURCE), None)
    if lead is None and event.participants:
        lead = event.participants[0]
    return lead.actor if lead else None


def event_actors(event: Event) -> list[str]:
    """The distinct actors taking part, in the order they appear."""
    return list(dict.fromkeys(p.actor for p in event.participants))


def marked_sentence(event: Event, width: int = 90) -> str:
    """The event's sentence, escaped and wrapped, with the trigger in bold; long ones cut around it."""
    sentence = event.sentence_text
    start = event.trigger.start - event.sentence_start
    end = start + len(event.trigger.text)
    if not (0 <= start < end <= len(sentence)) or sentence[start:end] != event.trigger.text:
        cut = sentence if len(sentence) <= SENTENCE_CHARS else _clip_right(sentence[:SENTENCE_CHARS])
        return _wrap_marked(cut, -1, -1, width)
    half = SENTENCE_CHARS // 2
    left, right = sentence[:start], sentence[end:]
    if len(left) > half:
        left = "…" + left[len(left) - half :].split(" ", 1)[-1]
    if len(right) > half:
        right = _clip_right(right[:half])
    return _wrap_marked(left + sentence[start:end] + right, len(left), len(left) + end - start, width)


def _clip_right(text: str) -> str:
    return text.rsplit(" ", 1)[0] + "…"


def _wrap_marked(text: str, start: int, end: int, width: int) -> str:
    """Escape ``text``, bold ``text[start:end]``, and turn spaces into ``<br>`` every ``width`` characters.

    Works on the plain text, then escapes the pieces between cuts, so lengths are what the reader sees.
    """
    breaks = _breaks(text, width)
    cuts = sorted({0, len(text), *breaks, *(c for c in (start, end) if c >= 0)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        if a == start:
            out.append("<b>")
        if a == end:
            out.append("</b>")
        if a in breaks:
            out.append("<br>")
            a += 1
        out.append(esc(text[a:b]))
    if end == len(text):
        out.append("</b>")
    return "".join(out)


# Several events share a sentence: its lines are found once for them. 16,384 sentences kept find 97%
# of the repeats in the bench corpus (1,024: 88%), and hold a few MB at most.
@functools.lru_cache(maxsize=1 << 14)
def _breaks(text: str, width: int) -> tuple[int, ...]:
    """The spaces of ``text`` that become line breaks, so that no line is longer than ``width`` characters
    (unless a single word is)."""
    breaks: list[int] = []
    line_start = 0
    position = 0
    for word in text.split(" "):
        if position - line_start + len(word) > width and position > line_start:
            breaks.append(position - 1)  # the space before this word
            line_start = position
        position += len(word) + 1
    return tuple(breaks)


def resolved_date(event: Event) -> str:
    """The event's date as resolved, with its precision, e.g. ``2008-03 (month: 1 Mar to 31 Mar 2008)``."""
    value = event.time.value
    if not value:
        return "undated"
    span = period(value)
    grain = event.time.granularity or ("day" if span and span[0] == span[1] else "")
    if span and span[0] != span[1]:
        return f"{esc(value)} ({esc(grain)}: {_day(span[0])} to {_day(span[1])})"
    return f"{esc(value)} ({esc(grain)})" if grain else esc(value)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b} {day.year}"


def event_hover(event: Event, lookup: Lookup) -> str:
    """Everything a reader needs about one event: when (as written and resolved), what, who, where from."""
    written = f' · written "{esc(event.time.text)}"' if event.time.text else ""
    what = [f"<b>{esc(event.type)}</b>", quad_name(event.quad_class)]
    if event.cameo:
        what.append(f"CAMEO {esc(event.cameo)}")
    if event.goldstein is not None:
        what.append(f"Goldstein {event.goldstein:+.1f}")
    if event.negated or event.modality != "asserted":
        what.append(f"<i>{esc('negated' if event.negated else event.modality)}</i>")
    who = ", ".join(f"{lookup.shown_name(p.actor)} ({esc(p.role)})" for p in event.participants)
    lines = [
        " · ".join(what),
        f"When: {resolved_date(event)}{written} · basis {esc(event.time.basis)}",
        f"Who: {who or 'no actor'}",
        marked_sentence(event),
    ]
    lines.append(lookup.article(event.doc))
    count = source_count(event)
    if count > 1:
        others = sorted({s.doc for s in event.sources} - {event.doc})
        titles = [esc(_title(lookup, doc)) for doc in others[:3]]
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        lines.append(f"Reported in {count} articles; also: {'; '.join(titles)}{more}")
    return "<br>".join(lines)


def _title(lookup: Lookup, doc: str) -> str:
    document = lookup.documents.get(doc)
    return document.title if document and document.title else doc
