"""Calendar periods named by TIMEX3 values: the first and last day a value covers.

Used to order events at their own granularity and to draw month- or year-level dates as spans.
"""

from __future__ import annotations

import datetime as dt
import re

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """``(first day, last day)`` of a TIMEX3 date value, or None when it names no calendar period."""
    if not value:
        return None
    try:
        return _period(value)
    except (ValueError, OverflowError):  # 2025-02-31, week 54, past year 9999: not a real period
        return None


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := _WEEKEND.match(value):
        saturday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return saturday, saturday + dt.timedelta(days=1)
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _QUARTER.match(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.match(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.match(value):
        first, last = SEASONS[m[2]]
        return _months(int(m[1]), first, last)
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    if m := _DECADE.match(value):
        return dt.date(int(m[1]) * 10 or 1, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.match(value):
        return dt.date(int(m[1]) * 100 or 1, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month ``first`` to last day of month ``last`` (months past 12 run into next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    after = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return dt.date(year, first, 1), after - dt.timedelta(days=1)
