"""The same event reported by several articles: one group, each report kept.

The scorers match events per article by trigger offsets, so every report stays its own ``Event``
record; the reports of one real event share the same ``sources`` (every report of the group, in
story order), and the reports dated only by their paper or story take the date another report gives
in its own words. Two reports are one event when they have the same type, the same participants and
dates that agree at the coarser of their granularities (undated reports are never merged).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from ..periods import period
from ..records import Event, EventTime, Source


def merge_reports(events: Sequence[Event]) -> tuple[Event, ...]:
    """The events, with ``sources`` filled for each report of an event reported by several articles.

    Only typed events (not ``OTHER``) with participants are grouped: "said" or an untyped verb with
    the same actors in two articles is no evidence of one event. Participants are compared by the
    build-wide actor id, so call this after actors are linked across articles.
    """
    buckets: dict[tuple[str, frozenset[str]], list[list[int]]] = {}
    for i, event in enumerate(events):
        if event.type == "OTHER" or not event.participants or event.negated:
            continue
        key = (event.type, frozenset(p.actor for p in event.participants))
        groups = buckets.setdefault(key, [])
        for group in groups:
            if all(_compatible(events[j].time, event.time) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    merged = list(events)
    for groups in buckets.values():
        for group in groups:
            if len({events[j].doc for j in group}) < 2:
                continue  # one article repeating itself is coreference, not several sources
            sources = tuple(_source(events[j]) for j in group)
            told = _told_date(events[j].time for j in group)
            for j in group:
                time = events[j].time
                if told is not None and time.basis != "explicit":
                    time = told  # "has resigned" in a paper of the 25th is the resignation of the 24th
                merged[j] = dataclasses.replace(events[j], sources=sources, time=time)
    return tuple(merged)


def _told_date(times: Iterable[EventTime]) -> EventTime | None:
    """The most precise date a report of the event gives in its own words, as the others' date
    (``inherited``), or None when every report is dated only by its paper or its story."""
    told = [t for t in times if t.basis == "explicit" and period(t.value) is not None]
    if not told:
        return None
    best = min(told, key=_days)  # the first of the most precise, in story order
    return dataclasses.replace(best, basis="inherited")


def _days(time: EventTime) -> int:
    span = period(time.value)
    return (span[1] - span[0]).days if span else 1 << 20


def _source(event: Event) -> Source:
    t = event.trigger
    return Source(event.doc, event.sentence, t.start, t.end, t.text)


def _compatible(a: EventTime, b: EventTime) -> bool:
    """Whether two event dates can name the same time: one inside the other (``2025-03`` holds
    ``2025-03-04``). A date that is only the article's (or a neighbour's) says the event happened by
    then, so such dates need only agree on the month. An unknown date agrees with nothing: articles
    on different events of the same kind by the same actors are common (a team signing players)."""
    if not a.value or not b.value:
        return False
    x, y = a.value, b.value
    if a.basis != "explicit" or b.basis != "explicit":
        x, y = x[:7], y[:7]
    return x.startswith(y) or y.startswith(x)
