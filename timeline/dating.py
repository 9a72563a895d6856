"""Dating events: each event takes a date from the time expressions around it, with the basis recorded.

In order:

1. a time expression attached to the event's own clause (``explicit``); a reporting verb ("said")
   takes only this one, since the other dates of its sentence belong to what was reported;
2. the nearest one in its sentence whose clause has the event's tense (``explicit``);
3. for a reporting verb, the publication date (``document``): the report is made by the time of writing;
4. the date of an explicitly dated event in the same or a neighbouring sentence of the same paragraph,
   again of the same tense (``inherited``);
5. for any other event not in the future, the publication date (``document``): news reports what had
   happened by its date, and on the timeline dev set this beats leaving such events undated.

A line break is a hard boundary (a title is not dated by the dateline under it). Future events without a
date, and every undated event of an article without a publication date, stay undated (``none``) and
keep their story order.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .periods import period
from .records import Event, EventTime, Timex
from .timex.spans import line_breaks
from .timex.tense import FUTURE, governing_verb, tense

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
    doc: Doc, events: tuple[Event, ...], *, timexes: tuple[Timex, ...], published: str | None
) -> tuple[Event, ...]:
    """The events with ``time`` filled in."""
    if not events:
        return events
    breaks = line_breaks(doc)
    anchors = _anchors(doc, timexes, breaks)
    triggers = [_trigger_token(doc, e) for e in events]
    tenses = [tense(tok) if tok is not None else None for tok in triggers]
    reports = [_reports(tok, t) for tok, t in zip(triggers, tenses, strict=True)]
    times = []
    for event, tok, reporting in zip(events, triggers, reports, strict=True):
        line = bisect.bisect_right(breaks, event.trigger.start)
        near = [a for a in anchors.get(event.sentence, []) if a.line == line]
        times.append(_explicit(tok, near, own_clause_only=reporting))
    day = published[:10] if published else None
    dated = [i for i, t in enumerate(times) if t.basis == "explicit"]
    paragraph = [bisect.bisect_right(breaks, e.trigger.start) for e in events]
    result = []
    for i, event in enumerate(events):
        time = times[i]
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
    paragraph (the earlier one on a tie): news rarely carries a date further than that."""
    near = [
        j
        for j in dated
        if paragraph[j] == paragraph[i]
        and abs(events[j].sentence - events[i].sentence) <= 1
        and _compatible(tenses[i], tenses[j])
    ]
    if not near:
        return EventTime()
    start = events[i].trigger.start
    j = min(near, key=lambda j: (abs(events[j].trigger.start - start), j > i))
    return dataclasses.replace(times[j], basis="inherited")


def _reports(trigger: Token | None, clause_tense: str | None) -> bool:
    return trigger is not None and trigger.lemma_.lower() in REPORTING and clause_tense != FUTURE
