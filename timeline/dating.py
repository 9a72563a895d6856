"""Dating events: each event takes a date from the time expressions around it, with the basis recorded.

In order:

1. a time expression attached to the event's own clause (``explicit``); a reporting verb ("said")
   takes only this one, since the other dates of its sentence belong to what was reported;
2. the nearest one in its sentence whose clause has the event's tense (``explicit``);
3. for an event told in the past tense, the story's time (``inherited``): news tells one recent
   happening (a press conference "yesterday", a launch "on Wednesday") and the past-tense events told
   after it without a date of their own took place then. The story's time is the day named by the
   latest recent day expression of a clause before the event, so "Jobs announced today" moves it and
   "in 1996" (history, not the story) does not; before any, it is the publication date (``document``);
4. for a reporting verb, the publication date (``document``): the report is made by the time of writing;
5. the date of an explicitly dated event in the same or a neighbouring sentence of the same paragraph,
   told in the same, known tense (``inherited``);
6. for any other event not in the future, the publication date (``document``): news reports what had
   happened by its date, and on the timeline dev set this beats leaving such events undated.

A line break is a hard boundary (a title is not dated by the dateline under it). Future events without a
date, and every undated event of an article without a publication date, stay undated (``none``) and
keep their story order. So do the events that have no time of their own: what is said not to happen
or only perhaps to ("did not agree", "could end up"), grammatical events, whose time is that of the
event they serve ("gave" in "gave his keynote", see :mod:`timeline.events.grammatical`), and the
headline's events, which the body tells again with their date.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .events.grammatical import is_grammatical, leading_verb
from .events.modality import HYPOTHETICAL, NEGATED
from .periods import period
from .records import Event, EventTime, Timex
from .timex.spans import line_breaks
from .timex.tense import FUTURE, PAST, governing_verb, tense

#: verbs that report speech or writing: their event is the report, made by the publication date
REPORTING = frozenset(
    [
        "say",
        "tell",
        "announce",
        "report",
        "state",
        "add",
        "claim",
        "confirm",
        "deny",
        "explain",
        "note",
        "warn",
        "insist",
        "declare",
        "reveal",
        "comment",
        "write",
        "argue",
        "acknowledge",
        "admit",
        "disclose",
        "predict",
        "estimate",
        "stress",
        "suggest",
        "describe",
        "respond",
        "reply",
        "ask",
        "urge",
    ]
)


#: How long before the publication date a day can still be the story's own ("yesterday", "on Friday",
#: "Wednesday's event"): news reports the week's happenings; an older day is background.
STORY_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True)
class _Anchor:
    """A dated time expression of the article, with the verb of its clause and that clause's tense."""

    timex: Timex
    token: int  # index of the expression's root token
    line: int  # how many line breaks come before it
    nested: bool  # inside a noun phrase ("this year's conference"), not a modifier of the verb
    verb: Token | None
    tense: str | None


def date_events(
    doc: Doc,
    events: tuple[Event, ...],
    *,
    timexes: tuple[Timex, ...],
    published: str | None,
    title: str = "",
) -> tuple[Event, ...]:
    """The events with ``time`` filled in. ``title`` is the article's, to tell its headline."""
    if not events:
        return events
    breaks = line_breaks(doc)
    headline = _headline_end(doc, breaks, title)
    anchors = _anchors(doc, timexes, breaks)
    triggers = [_trigger_token(doc, e) for e in events]
    tenses = [tense(tok) if tok is not None else None for tok in triggers]
    reports = [_reports(tok, t) for tok, t in zip(triggers, tenses, strict=True)]
    eventful = {tok.i for tok in triggers if tok is not None}
    placed = [
        e.trigger.start >= headline and not _placeless(e, tok, eventful)
        for e, tok in zip(events, triggers, strict=True)
    ]
    times = []
    for event, tok, reporting in zip(events, triggers, reports, strict=True):
        line = bisect.bisect_right(breaks, event.trigger.start)
        near = [a for a in anchors.get(event.sentence, []) if a.line == line]
        times.append(_explicit(tok, near, own_clause_only=reporting))
    day = published[:10] if published else None
    dated = [i for i, t in enumerate(times) if t.basis == "explicit" and placed[i]]
    paragraph = [bisect.bisect_right(breaks, e.trigger.start) for e in events]
    story = _story_days(anchors, day)
    starts = [start for start, _ in story]
    result = []
    for i, event in enumerate(events):
        if not placed[i]:
            result.append(dataclasses.replace(event, time=EventTime()))
            continue
        time = times[i]
        if time.basis == "none" and _told_tense(triggers[i]) == PAST:
            latest = bisect.bisect_right(starts, event.trigger.start) - 1
            if latest >= 0:
                time = story[latest][1]
            elif day:  # the story is the paper's until a day of its own is named
                time = EventTime(day, "day", "document")
        if time.basis == "none" and day and reports[i]:
            time = EventTime(day, "day", "document")
        if time.basis == "none":
            time = _inherited(i, dated, times, paragraph, tenses, events)
        if time.basis == "none" and day and tenses[i] != FUTURE:
            time = EventTime(day, "day", "document")  # news reports what happened by its date
        result.append(dataclasses.replace(event, time=time))
    return tuple(result)


def _anchors(doc: Doc, timexes: tuple[Timex, ...], breaks: list[int]) -> dict[int, list[_Anchor]]:
    """Dated DATE/TIME expressions by sentence (durations, sets and PAST_REF name no date)."""
    found: dict[int, list[_Anchor]] = {}
    for t in timexes:
        if t.type not in ("DATE", "TIME") or period(t.value) is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = governing_verb(span.root)
        line = bisect.bisect_right(breaks, t.start)
        if verb is not None and bisect.bisect_right(breaks, verb.idx) != line:
            verb = None  # a parse run across a line break ("Title\nYesterday, ...") names no real clause
        nested = span.root.dep_ in ("poss", "compound", "amod", "nmod")
        anchor = _Anchor(t, span.root.i, line, nested, verb, tense(verb) if verb is not None else None)
        found.setdefault(t.sentence, []).append(anchor)
    return found


def _headline_end(doc: Doc, breaks: list[int], title: str) -> int:
    """Where the headline ends (0 when the text has none): the first line, when it is the title and
    more lines follow. Its events are the story's told again in the headline present, which dates
    nothing ("Apple unveils iPhone 4" over "Yesterday, Jobs unveiled iPhone 4"): the body dates them."""
    if not breaks or not title.strip():
        return 0
    # the words before the space token that holds the first break (not doc.text: it joins every token)
    holder = next(t.i for t in doc if t.idx + len(t.text) > breaks[0])
    first = doc[:holder].text.strip()
    return breaks[0] if first == title.strip() and not first.endswith((".", "!", "?")) else 0


def _placeless(event: Event, trigger: Token | None, eventful: set[int]) -> bool:
    """Whether the event has no place in time of its own: one said not to happen or only perhaps to
    ("did not agree", "could end up playing"), or a grammatical event ("gave" in "gave his keynote",
    "is"), whose time is that of the event it serves."""
    if event.negated or event.modality in (NEGATED, HYPOTHETICAL):
        return True
    return trigger is not None and is_grammatical(trigger, eventful)


def _story_days(anchors: dict[int, list[_Anchor]], day: str | None) -> list[tuple[int, EventTime]]:
    """Where the story's time is set, in text order, and the day it is set to: by each expression that
    names one day of the week up to the publication date, in a clause (not about the future)."""
    if day is None:
        return []
    published = dt.date.fromisoformat(day)
    found = []
    for anchor in (a for sentence in anchors.values() for a in sentence):
        span = period(anchor.timex.value)
        if span is None or span[0] != span[1] or anchor.verb is None or anchor.tense == FUTURE:
            continue  # a dateline tells when the paper came out, not when the story happened
        if published - STORY_WINDOW <= span[0] <= published:
            t = anchor.timex
            found.append((t.start, EventTime(span[0].isoformat(), "day", "inherited", t.text)))
    return sorted(found, key=lambda found: found[0])


def _told_tense(token: Token | None) -> str | None:
    """The tense an event is told in: its own, or, for a gerund or a noun, that of the clause it hangs
    on ("While introducing the phone, Jobs started ..." and "responded to his death" are past), and for
    the complement of an aspectual or leading verb or an infinitive of aim, that verb's ("attempted to
    address" and "returned to the stage to reveal" are past)."""
    t = token
    for _ in range(6):  # a chain of participles and nouns is short in any real sentence
        if t is None:
            return None
        lead = leading_verb(t)
        if lead is not None:
            t = lead
            continue
        if t.dep_ == "advcl" and t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children):
            t = t.head  # an aim: "returned to the stage to reveal iCloud" revealed it then
            continue
        if t.pos_ in ("VERB", "AUX") and (t.tag_ != "VBG" or any(c.dep_ == "aux" for c in t.children)):
            return tense(t)
        if t.head == t:
            return None
        t = t.head
    return None


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _explicit(trigger: Token | None, anchors: list[_Anchor], *, own_clause_only: bool) -> EventTime:
    if not anchors or trigger is None:
        return EventTime()
    own = tense(trigger)
    if own_clause_only:
        fitting = [a for a in anchors if a.verb == trigger]
    else:
        fitting = [a for a in anchors if a.verb == trigger or _compatible(own, a.tense)]
    if not fitting:
        return EventTime()
    best = min(
        fitting,
        key=lambda a: (a.verb != trigger or a.nested, _coarseness(a.timex), abs(a.token - trigger.i)),
    )
    t = best.timex
    return EventTime(t.value, t.granularity, "explicit", t.text)


def _coarseness(timex: Timex) -> int:
    """Days the expression's period covers: 'yesterday' says more than 'this year' beside it."""
    span = period(timex.value)
    return (span[1] - span[0]).days if span else 1 << 20


def _compatible(a: str | None, b: str | None) -> bool:
    """Clauses that can share a date: the same tense, or one that says none."""
    return a is None or b is None or a == b


def _inherited(
    i: int,
    dated: list[int],
    times: list[EventTime],
    paragraph: list[int],
    tenses: list[str | None],
    events: tuple[Event, ...],
) -> EventTime:
    """The date of the nearest explicitly dated event in the same or a neighbouring sentence of the same
    paragraph (the earlier one on a tie): news rarely carries a date further than that. Both must be
    told in the same tense: an event whose tense is unknown (a noun, an infinitive) cannot tell a
    neighbour's date from background ("the 1991 settlement") and keeps to the story's time."""
    near = [
        j
        for j in dated
        if paragraph[j] == paragraph[i]
        and abs(events[j].sentence - events[i].sentence) <= 1
        and tenses[i] is not None
        and tenses[i] == tenses[j]
    ]
    if not near:
        return EventTime()
    start = events[i].trigger.start
    j = min(near, key=lambda j: (abs(events[j].trigger.start - start), j > i))
    return dataclasses.replace(times[j], basis="inherited")


def _reports(trigger: Token | None, clause_tense: str | None) -> bool:
    return trigger is not None and trigger.lemma_.lower() in REPORTING and clause_tense != FUTURE
