"""One actor's timeline across all articles, and the order events are told in.

Order: events with a date by that date at its own granularity (a month sorts before the days inside
it), then by story order (article, then position); events with no date after them, in story order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..records import Build, Event

#: Month a season or quarter starts in, for ordering ("2008-SU" sorts from June).
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
_VALUE = re.compile(r"^(\d{3,4})(?:-(W\d\d|Q\d|SP|SU|FA|AU|WI|\d\d))?(?:-(\d\d))?")


def date_key(value: str | None) -> tuple[int, int, int] | None:
    """A sort key for a TIMEX3 value, or None when it names no calendar time.

    Coarser values sort before finer ones inside them: ``2008`` < ``2008-03`` < ``2008-03-06``.
    """
    m = _VALUE.match(value or "")
    if not m:
        return None
    year_text, part, day = m.groups()
    year = int(year_text) * (10 if len(year_text) == 3 else 1)  # "199" is the 1990s
    if part is None:
        return (year, 0, 0)
    if part.startswith("W"):
        try:
            monday = dt.date.fromisocalendar(year, int(part[1:]), 1)
        except ValueError:
            return (year, 0, 0)
        return (year, monday.month, monday.day)
    if part.startswith("Q"):
        return (year, 3 * int(part[1]) - 2, 0)
    if part in SEASON_MONTH:
        return (year, SEASON_MONTH[part], 0)
    return (year, int(part), int(day) if day else 0)


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """Dated events by date then story order, then the undated ones in story order."""
    told = list(events)  # story order is the order given
    keys: dict[str | None, tuple[int, int, int] | None] = {}  # each date's key once: dates repeat
    dated: list[tuple[tuple[int, int, int], int]] = []
    undated: list[Event] = []
    for i, e in enumerate(told):
        value = e.time.value
        k = keys[value] if value in keys else keys.setdefault(value, date_key(value))
        if k is None:
            undated.append(e)
        else:
            dated.append((k, i))
    dated.sort()
    return tuple([told[i] for _, i in dated] + undated)


def normalise_name(text: str) -> str:
    """A name as compared when looking actors up: case, punctuation and spacing aside."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def find_actor_ids(build: Build, name: str) -> frozenset[str]:
    """Ids of the actors whose name or an alias is ``name``, case and punctuation aside."""
    wanted = normalise_name(name)
    return frozenset(
        a.id for a in build.actors if any(normalise_name(n) == wanted for n in (a.name, *a.aliases))
    )


def actor_timeline(build: Build, name: str, *, roles: Sequence[str] = ()) -> tuple[Event, ...]:
    """The events an actor took part in, across articles, in time order; each real event once.

    ``name`` matches the actor's name or an alias (case and punctuation aside). Reports of one event
    by several articles (see :func:`timeline.events.merge_reports`) appear once, as the first report,
    whose ``sources`` list them all. ``roles`` keeps only events where the actor plays one of them.
    """
    ids = find_actor_ids(build, name)
    kept: list[Event] = []
    for event in build.events:
        if not any(p.actor in ids and (not roles or p.role in roles) for p in event.participants):
            continue
        first = event.sources[0] if event.sources else None
        if first is not None and (first.doc, first.start) != (event.doc, event.trigger.start):
            continue  # a later report of an event already on the timeline
        kept.append(event)
    return chronological(kept)
