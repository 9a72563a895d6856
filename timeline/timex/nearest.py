"""Calendar arithmetic for relative time expressions: which Tuesday, which March, which fourth quarter.

Tense decides between the candidates around the anchor: a past clause takes the latest one not after
the anchor, a future clause the first one after it, and without a tense the nearest one wins.
"""

from __future__ import annotations

import datetime as dt

PAST, FUTURE = "past", "future"

_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "AU": 2, "WI": 3}


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_near(today: dt.date, weekday: int, step: int | None, tense: str | None) -> dt.date:
    """The day named ``weekday`` (0 = Monday) meant next to ``today``.

    ``step`` is -1 for "last Tuesday" (strictly before), +1 for "next Tuesday" (strictly after), else
    the tense decides: past clauses look back (the anchor day itself included: "said on Monday" in a
    Monday paper is that day), future ones forward, and with neither the nearest day wins.
    """
    back = today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    ahead = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if step == -1:
        return back if back < today else back - dt.timedelta(days=7)
    if step == 1 or tense == FUTURE:
        return ahead
    if tense == PAST:
        return back
    return back if today - back <= ahead - today else ahead


def _pick(today: dt.date, candidates: list[tuple[dt.date, dt.date, int]], tense: str | None) -> int:
    """Choose among ``(first day, last day, year)`` candidates by tense, else by distance."""
    if tense == PAST:
        started = [c for c in candidates if c[0] <= today]
        if started:
            return max(started)[2]
    elif tense == FUTURE:
        unfinished = [c for c in candidates if c[1] >= today]
        if unfinished:
            return min(unfinished)[2]

    def distance(c: tuple[dt.date, dt.date, int]) -> int:
        if c[0] <= today <= c[1]:
            return 0
        return min(abs((c[0] - today).days), abs((c[1] - today).days))

    return min(candidates, key=lambda c: (distance(c), c[0] > today))[2]


def nearest_year(today: dt.date, month: int, day: int, tense: str | None) -> int:
    """The year of "March 5" (month and day given) said next to ``today``."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:  # 29 February outside leap years
            continue
        candidates.append((d, d, year))
    return _pick(today, candidates, tense) if candidates else today.year


def month_near(today: dt.date, month: int, tense: str | None) -> tuple[int, int]:
    """The year of a bare month name: by tense; without one, the anchor's year (as HeidelTime does)."""
    if tense not in (PAST, FUTURE, "present"):
        return today.year, month
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        first = dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        candidates.append((first, nxt - dt.timedelta(days=1), year))
    return _pick(today, candidates, tense), month


def quarter_near(today: dt.date, quarter: int, tense: str | None) -> int:
    """The year of "the fourth quarter": results are reported after the fact, so no tense means past."""
    current = (today.month - 1) // 3 + 1
    if tense == FUTURE:
        return today.year if quarter >= current else today.year + 1
    return today.year if quarter <= current else today.year - 1


def season_near(today: dt.date, code: str, step: int | None, tense: str | None) -> int:
    """The year of "last summer", "this winter" (a winter belongs to the year its December is in)."""
    month = today.month
    current = (today.year if month >= 3 else today.year - 1) * 4 + {
        1: 3,
        2: 3,
        3: 0,
        4: 0,
        5: 0,
        6: 1,
        7: 1,
        8: 1,
        9: 2,
        10: 2,
        11: 2,
        12: 3,
    }[month]
    order = _SEASON_ORDER[code]
    options = [(year * 4 + order, year) for year in (today.year - 1, today.year, today.year + 1)]
    if step == -1:
        return max(o for o in options if o[0] < current)[1]
    if step == 1:
        return min(o for o in options if o[0] > current)[1]
    if tense == PAST:
        return max(o for o in options if o[0] <= current)[1]
    if tense == FUTURE:
        return min(o for o in options if o[0] >= current)[1]
    return min(options, key=lambda o: (abs(o[0] - current), o[0] > current))[1]
