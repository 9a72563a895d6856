"""Normalise the words of one time expression to a TIMEX3 type, value and granularity.

Rules in the manner of HeidelTime: calendar names and numbers are read by patterns, and anything that
needs a reference point takes it from :class:`Context` — the publication date (the anchor), the verb's
tense ("said on Tuesday" is the past Tuesday, "will vote on Tuesday" the next) and the previous date of
the story ("two days later"). Nothing here reads the clock. When an expression is temporal but cannot be
placed, the value is None rather than a guess.
"""

from __future__ import annotations

import re

from . import words as W
from .absolute import calendar_date, decade_century, iso_date, numeric_date, quarter_half, season, year
from .base import Context, Rule, Value, clean, strip_modifiers
from .relative import clock_time, deictic_day, deictic_period, duration, relative_count, set_

__all__ = ["Context", "Value", "clean", "normalise"]


def normalise(text: str, ctx: Context) -> Value | None:
    """The TIMEX3 reading of ``text``; None when these words are not a time expression this reads."""
    t = clean(text)
    if t in W.REFS:
        return Value("DATE", W.REFS[t], "ref")
    t = strip_modifiers(t)
    if t in W.REFS:
        return Value("DATE", W.REFS[t], "ref")
    for rule in RULES:
        try:
            found = rule(t, ctx)
        except (OverflowError, ValueError):  # arithmetic past year 9999: no date, not a crash
            return Value("DATE", None, None)
        if found is not None:
            return _bounded(found)
    return None


def _bounded(found: Value) -> Value:
    """No value beyond the year 9999 (a publication date at the end of the calendar plus 'next year')."""
    if found.value and re.match(r"(?:FY)?\d{5}", found.value):
        return Value(found.type, None, found.granularity, found.absolute)
    return found


RULES: tuple[Rule, ...] = (
    iso_date,
    numeric_date,
    calendar_date,
    year,
    decade_century,
    quarter_half,
    season,
    deictic_day,
    deictic_period,
    relative_count,
    set_,
    duration,
    clock_time,
)
