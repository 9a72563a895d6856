"""Rules for calendar expressions: dates, months, years, fiscal years, decades, centuries, quarters,
halves and seasons. A year that is not written is chosen by tense around the anchor (see :mod:`.nearest`).
"""

from __future__ import annotations

import re

from . import words as W
from .base import (
    DEIX,
    DEIXIS,
    MONTH,
    ORD,
    WEEKDAY,
    Context,
    Value,
    day_value,
    make_date,
    ordinal,
    two_digit_year,
)
from .nearest import month_near, nearest_year, quarter_near, season_near


def iso_date(t: str, ctx: Context) -> Value | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}))?", t):
        day = make_date(int(m[1]), int(m[2]), int(m[3]))
        if day and m[4]:
            return Value("TIME", f"{day.isoformat()}T{m[4]}:{m[5]}", "time", True)
        return day_value(day, absolute=day is not None)
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", t)) and 1 <= int(m[2]) <= 12:
        return Value("DATE", t, "month", True)
    return None


def numeric_date(t: str, ctx: Context) -> Value | None:
    """3/4/2005 (month first, as American news writes it, unless the first number cannot be a month)."""
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", t)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    year = y if len(m[3]) == 4 else two_digit_year(y, ctx)
    if year is None:
        return Value("DATE", None, "day")
    month, day = (a, b) if a <= 12 else (b, a)
    found = make_date(year, month, day)
    return day_value(found, absolute=found is not None and len(m[3]) == 4)


def calendar_date(t: str, ctx: Context) -> Value | None:
    """'monday, march 10', 'march 6, 2008', '6 march 2008', 'the 6th of march', 'march 2008', 'march'."""
    t = re.sub(rf"^(?:{WEEKDAY}),? (?:the )?", "", t)
    m = re.fullmatch(rf"(.*\d.*?)(?: of)?,? ({DEIX}) year", t)  # "December 15 of this year"
    if m and calendar_date(m[1], ctx) is not None:
        if ctx.anchor is None:
            return Value("DATE", None, "day")
        placed = calendar_date(f"{m[1]} {ctx.anchor.year + DEIXIS[m[2]]}", ctx)
        return Value(placed.type, placed.value, placed.granularity) if placed else None
    month_day = re.fullmatch(rf"({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}|'\d{{2}}))?", t)
    day_month = re.fullmatch(
        rf"(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH}),?(?: (\d{{4}}|'\d{{2}}))?", t
    )
    if month_day or day_month:
        if month_day:
            month, day, year_text = W.MONTHS[month_day[1]], int(month_day[2]), month_day[3]
        else:
            assert day_month is not None
            month, day, year_text = W.MONTHS[day_month[2]], int(day_month[1]), day_month[3]
        if year_text:
            year = int(year_text) if year_text[0] != "'" else two_digit_year(int(year_text[1:]), ctx)
            found = make_date(year, month, day) if year else None
            return day_value(found, absolute=found is not None and year_text[0] != "'")
        if ctx.anchor is None or make_date(2000, month, day) is None:  # 2000 is a leap year
            return Value("DATE", None, "day")
        year = nearest_year(ctx.anchor.date(), month, day, ctx.tense)
        return day_value(make_date(year, month, day))
    if m := re.fullmatch(rf"({MONTH})(?: of)?,? (\d{{4}})", t):
        return Value("DATE", f"{int(m[2]):04d}-{W.MONTHS[m[1]]:02d}", "month", True)
    if m := re.fullmatch(rf"({MONTH})(?: of)? ({DEIX}) year|({DEIX}) ({MONTH})", t):
        if ctx.anchor is None:
            return Value("DATE", None, "month")
        today = ctx.anchor.date()
        if m[1]:
            return Value("DATE", f"{today.year + DEIXIS[m[2]]:04d}-{W.MONTHS[m[1]]:02d}", "month")
        month, step = W.MONTHS[m[4]], DEIXIS[m[3]]
        y = today.year + (step if step and (month - today.month) * step <= 0 else 0)
        return Value("DATE", f"{y:04d}-{month:02d}", "month")
    if t in W.MONTHS:
        if ctx.anchor is None:
            return Value("DATE", None, "month")
        year, month = month_near(ctx.anchor.date(), W.MONTHS[t], ctx.tense)
        return Value("DATE", f"{year:04d}-{month:02d}", "month")
    return None


def year(t: str, ctx: Context) -> Value | None:
    if m := re.fullmatch(r"(?:the )?(?:year )?([12]\d{3})", t):
        return Value("DATE", m[1], "year", True)
    if m := re.fullmatch(r"'(\d{2})", t):
        y = two_digit_year(int(m[1]), ctx)
        return Value("DATE", f"{y:04d}" if y else None, "year")
    if m := re.fullmatch(r"(?:the )?(?:fiscal|financial) (?:year )?(\d{4}|'?\d{2})", t) or re.fullmatch(
        r"fy ?(\d{4}|'?\d{2})", t
    ):
        digits = m[1].lstrip("'")
        y = int(digits) if len(digits) == 4 else two_digit_year(int(digits), ctx)
        return Value("DATE", f"FY{y:04d}" if y else None, "year", len(digits) == 4)
    if m := re.fullmatch(rf"(?:the )?(?:({DEIX}) )?(?:fiscal|financial) year", t):
        if ctx.anchor is None:
            return Value("DATE", None, "year")
        return Value("DATE", f"FY{ctx.anchor.year + DEIXIS.get(m[1] or 'this', 0):04d}", "year")
    return None


def decade_century(t: str, ctx: Context) -> Value | None:
    if m := re.fullmatch(r"(?:the )?(\d{3})0s", t):
        return Value("DATE", m[1], "decade", True)
    if m := re.fullmatch(r"(?:the )?'?(\d)0s", t):
        if ctx.anchor is None:
            return Value("DATE", None, "decade")
        y = two_digit_year(int(m[1]) * 10, ctx)
        return Value("DATE", f"{y // 10:03d}" if y else None, "decade")
    if (m := re.fullmatch(r"(?:the )?(?:nineteen )?(\w+ies)", t)) and m[1] in W.DECADE_WORDS:
        century = "19" if "nineteen" in t or ctx.anchor is None else str(ctx.anchor.year // 100 - 1)
        return Value("DATE", f"{century}{W.DECADE_WORDS[m[1]]}", "decade", "nineteen" in t)
    if m := re.fullmatch(rf"(?:the )?({ORD}) century", t):
        n = ordinal(m[1])
        return Value("DATE", f"{n - 1:02d}", "century", True) if n else None
    if m := re.fullmatch(rf"(?:the )?({DEIX}) (decade|century)", t):
        if t.startswith("the past "):
            return None  # "the past decade" is a duration
        if ctx.anchor is None:
            return Value("DATE", None, m[2])
        step = DEIXIS[m[1]]
        if m[2] == "decade":
            return Value("DATE", f"{ctx.anchor.year // 10 + step:03d}", "decade")
        return Value("DATE", f"{ctx.anchor.year // 100 + step:02d}", "century")
    return None


def quarter_half(t: str, ctx: Context) -> Value | None:
    t = re.sub(r"\b(fiscal|financial|calendar) ", "", t)
    m = re.fullmatch(rf"(?:the )?({ORD}|q[1-4])(?: quarter)?(?:,? (?:of )?(\d{{4}}))?", t)
    if m and (m[1].startswith("q") or "quarter" in t):
        q = int(m[1][1]) if m[1].startswith("q") else ordinal(m[1])
        if q is None or not 1 <= q <= 4:
            return None
        if m[2]:
            return Value("DATE", f"{m[2]}-Q{q}", "quarter", True)
        if ctx.anchor is None:
            return Value("DATE", None, "quarter")
        y = quarter_near(ctx.anchor.date(), q, ctx.tense)
        return Value("DATE", f"{y:04d}-Q{q}", "quarter")
    if m := re.fullmatch(r"(\d{4}) q([1-4])", t):
        return Value("DATE", f"{m[1]}-Q{m[2]}", "quarter", True)
    if m := re.fullmatch(rf"(?:the )?({DEIX}) quarter", t):
        if ctx.anchor is None:
            return Value("DATE", None, "quarter")
        a = ctx.anchor.date()
        index = a.year * 4 + (a.month - 1) // 3 + DEIXIS[m[1]]
        return Value("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", "quarter")
    if m := re.fullmatch(r"h([12]) (\d{4})|(\d{4}) h([12])", t):
        return Value("DATE", f"{m[2] or m[3]}-H{m[1] or m[4]}", "half", True)
    if m := re.fullmatch(r"(?:the )?(first|second) half(?: of (\d{4}))?", t):
        h = 1 if m[1] == "first" else 2
        if m[2]:
            return Value("DATE", f"{m[2]}-H{h}", "half", True)
        if ctx.anchor is None:
            return Value("DATE", None, "half")
        return Value("DATE", f"{ctx.anchor.year:04d}-H{h}", "half")
    return None


def season(t: str, ctx: Context) -> Value | None:
    names = "|".join(W.SEASONS)
    m = re.fullmatch(rf"(?:the )?(?:({DEIX}) )?({names})(?: of)?(?: (\d{{4}}))?", t)
    if not m:
        return None
    code = W.SEASONS[m[2]]
    if m[3]:
        return Value("DATE", f"{m[3]}-{code}", "season", True)
    if ctx.anchor is None:
        return Value("DATE", None, "season")
    y = season_near(ctx.anchor.date(), code, DEIXIS.get(m[1] or ""), ctx.tense)
    return Value("DATE", f"{y:04d}-{code}", "season")
