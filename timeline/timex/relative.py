"""Rules for expressions placed from a reference point: today, last week, two days later, Friday
morning; and for those that place nothing: durations, sets, clock times on a day named beside them.
"""

from __future__ import annotations

import datetime as dt
import re

from . import words as W
from .absolute import calendar_date
from .base import (
    DEIX,
    DEIXIS,
    NUM,
    PART,
    PAST,
    UNIT,
    WEEKDAY,
    Context,
    Value,
    day_value,
    make_date,
    number,
    today_of,
)
from .nearest import add_months, iso_week, nearest_year, weekday_near


def deictic_day(t: str, ctx: Context) -> Value | None:
    """today, yesterday, tonight, this morning, (last|next) tuesday, friday morning."""
    part = None
    if t == "tonight":
        t, part = "today", "NI"
    elif t in ("this " + p for p in W.PARTS_OF_DAY):
        t, part = "today", W.PARTS_OF_DAY[t.split()[1]]
    elif t == "last night":
        t, part = "yesterday", "NI"
    elif m := re.fullmatch(rf"(.+?) ({PART})", t):
        t, part = m[1], W.PARTS_OF_DAY[m[2]]
    day = _deictic_day(t, ctx)
    if day is None:
        return None
    if part is None:
        return day
    return Value("TIME", f"{day.value}T{part}" if day.value else None, "part of day")


def _deictic_day(t: str, ctx: Context) -> Value | None:
    today = today_of(ctx)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "last": -1}
    if t in offsets:
        return day_value(today + dt.timedelta(days=offsets[t]) if today else None)
    if m := re.fullmatch(rf"(?:({DEIX}) )?({WEEKDAY})", t):
        if today is None:
            return Value("DATE", None, "day")
        return day_value(weekday_near(today, W.WEEKDAYS[m[2]], DEIXIS.get(m[1] or ""), ctx.tense))
    if t in W.HOLIDAYS or t.removeprefix("the ") in W.HOLIDAYS:
        month, day = W.HOLIDAYS[t.removeprefix("the ")]
        if today is None:
            return Value("DATE", None, "day")
        return day_value(make_date(nearest_year(today, month, day, ctx.tense), month, day))
    if m := re.fullmatch(r"(\w+) (day|holiday)s?", t):
        return None
    return None


def deictic_period(t: str, ctx: Context) -> Value | None:
    """this week, last month, next year, last weekend, earlier this month ('earlier' already stripped)."""
    if t.startswith("the past "):
        return None  # "the past week" is a duration
    m = re.fullmatch(rf"(?:the )?({DEIX}) (week|weekend|month|year)", t) or re.fullmatch(
        r"the ()(week|weekend|month|year)", t
    )  # "the beginning of the year": this one
    if not m:
        return None
    a = today_of(ctx)
    if a is None:
        return Value("DATE", None, "week" if m[2] == "weekend" else m[2])
    step = DEIXIS.get(m[1], 0)
    if m[2] == "weekend" and step == 0 and ctx.tense == PAST and a.weekday() < 5:
        step = -1  # "fought over the weekend", written on a weekday: the weekend just gone
    if m[2] in ("week", "weekend"):
        value = iso_week(a + dt.timedelta(weeks=step))
        return Value("DATE", value + ("-WE" if m[2] == "weekend" else ""), "week")
    if m[2] == "month":
        y, mo = add_months(a.year, a.month, step)
        return Value("DATE", f"{y:04d}-{mo:02d}", "month")
    return Value("DATE", f"{a.year + step:04d}", "year")


def relative_count(t: str, ctx: Context) -> Value | None:
    """'two weeks ago' (from the anchor), 'two days later' (from the story's last date), 'the next day'."""
    if re.fullmatch(rf"(?:(?:a )?few|several|many|some) ({UNIT})s? ago|recent ({UNIT}|centuries)s?", t):
        return Value("DATE", "PAST_REF", "ref")
    t = re.sub(r"^(?:a )?couple(?: of)? ", "two ", t)
    if m := re.fullmatch(rf"({NUM}) ({UNIT})s? from (?:now|today)", t):
        return _shift(ctx.anchor, number(m[1]), m[2], 1)
    m = re.fullmatch(rf"({NUM}) ({UNIT})s? (ago|earlier|before|later|after|after that|afterwards)", t)
    if m:
        n = number(m[1])
        direction = -1 if m[3] in ("ago", "earlier", "before") else 1
        base = ctx.anchor if m[3] == "ago" else _story(ctx)
        return _shift(base, n, m[2], direction)
    if m := re.fullmatch(r"the (next|following|previous|preceding) (day|week|month|year)", t):
        direction = -1 if m[1] in ("previous", "preceding") else 1
        return _shift(_story(ctx), 1, m[2], direction)
    if t in ("the day before", "the day after", "that day", "the same day"):
        step = {"the day before": -1, "the day after": 1}.get(t, 0)
        return _shift(_story(ctx), 1 if step else 0, "day", step or 1)
    return None


def _story(ctx: Context) -> dt.datetime | None:
    return dt.datetime.combine(ctx.story, dt.time()) if ctx.story else None


def _shift(base: dt.datetime | None, n: float | None, unit: str, direction: int) -> Value:
    unit = "century" if unit == "centuries" else unit
    gran = {"second": "time", "minute": "time", "hour": "time", "fortnight": "week"}.get(unit, unit)
    if base is None or n is None or n != int(n):
        return Value("DATE" if gran != "time" else "TIME", None, gran)
    k = int(n) * direction
    try:
        if unit in ("second", "minute", "hour"):
            moved = base + dt.timedelta(**{unit + "s": k})
            return Value("TIME", moved.strftime("%Y-%m-%dT%H:%M"), "time")
        if unit in ("day", "week", "fortnight"):
            days = k * {"day": 1, "week": 7, "fortnight": 14}[unit]
            day = (base + dt.timedelta(days=days)).date()
            return Value("DATE", day.isoformat() if unit == "day" else iso_week(day), gran)
        if unit in ("month", "quarter"):
            y, mo = add_months(base.year, base.month, k * (3 if unit == "quarter" else 1))
            if unit == "quarter":
                return Value("DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", "quarter")
            return Value("DATE", f"{y:04d}-{mo:02d}", "month")
        years = k * {"year": 1, "decade": 10, "century": 100}[unit]
        y = base.year + years
        if not 1 <= y <= 9999:
            return Value("DATE", None, gran)
        if unit == "decade":
            return Value("DATE", f"{y // 10:03d}", "decade")
        if unit == "century":
            return Value("DATE", f"{y // 100:02d}", "century")
        return Value("DATE", f"{y:04d}", "year")
    except OverflowError:  # a date past year 9999: not a date
        return Value("DATE", None, gran)


def duration(t: str, ctx: Context) -> Value | None:
    """'15 years', 'a week', 'several months', 'the past decade', 'the next six months', 'decades long'."""
    if re.fullmatch(r"(?:a )?half(?: an)? hour|half hour", t):
        return Value("DURATION", "PT30M", "duration")
    stretch = re.match(r"the (?:past|last|next|previous|coming|following|first|final) ", t)
    t = re.sub(r"^(?:the )?(?:past|last|next|previous|coming|following|first|final) |^the ", "", t)
    t = re.sub(r" (?:long|old|or so|straight|running|in a row)$", "", t)
    t = re.sub(r"^(?:a )?couple(?: of)? ", "two ", t)
    if re.fullmatch(rf"({UNIT})s?", t):
        unit = t.rstrip("s") if t != "centuries" else "century"
        if t.endswith("s"):
            return _duration(None, unit)
        # "the past year" is a stretch of one year; a bare "decade" is ten years
        return _duration(1, unit) if stretch or unit in ("decade", "century") else None
    m = re.fullmatch(rf"(?:(?:a|an) )?(?:({NUM}|few|a few|several|many|some) )?({UNIT})s?(?: and a half)?", t)
    if not m or (m[1] is None and not m[2].endswith("s") and not t.startswith(("a ", "an "))):
        return None
    return _duration(number(m[1]) if m[1] else (1 if t.startswith(("a ", "an ")) else None), m[2])


def _duration(n: float | None, unit: str) -> Value:
    unit = "century" if unit == "centuries" else unit
    code, size, clock = W.UNITS[unit]
    count = "X" if n is None else _count(n * size)
    return Value("DURATION", f"P{'T' if clock else ''}{count}{code}", "duration")


def _count(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def set_(t: str, ctx: Context) -> Value | None:
    """'every six months', 'annual', 'each year', 'twice a week', 'every monday'."""
    if t in W.SET_WORDS:
        return Value("SET", W.SET_WORDS[t], "set")
    m = re.fullmatch(rf"(?:every|each|per) (?:({NUM}|other) )?({UNIT})s?", t)
    if m and m[2]:
        n = 2 if m[1] == "other" else number(m[1]) if m[1] else 1
        code, size, clock = W.UNITS[m[2] if m[2] != "centuries" else "century"]
        count = "X" if n is None else _count(n * size)
        return Value("SET", f"P{'T' if clock else ''}{count}{code}", "set")
    if m := re.fullmatch(rf"(?:once|twice|\w+ times) (?:a|an|per|every|each) ({UNIT})", t):
        code, size, clock = W.UNITS[m[1]]
        return Value("SET", f"P{'T' if clock else ''}{size}{code}", "set")
    if m := re.fullmatch(rf"(?:every|each) ({WEEKDAY})", t):
        return Value("SET", f"XXXX-WXX-{W.WEEKDAYS[m[1]] + 1}", "set")
    return None


_CLOCK = (
    r"(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))? ?(?P<ap>am|pm)|(?P<h24>\d{1,2}):(?P<m24>\d{2})|(?P<word>noon|midnight))"
    r"(?: (?:et|est|edt|gmt|utc|bst|cet|pt|pst|pdt|local time))?"
)
_CLOCK_WITH_DATE = re.compile(r"(?:(?P<before>.+?),? (?:at )?)?" + _CLOCK + r"(?:,? (?:on )?(?P<after>.+))?")


def clock_time(t: str, ctx: Context) -> Value | None:
    """'2 pm', '14:30', 'noon', '2 pm on monday, march 10', 'monday at 2 pm'."""
    m = _CLOCK_WITH_DATE.fullmatch(t)
    if not m or (m["before"] and m["after"]):
        return None
    if m["ap"]:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"] == "pm" else 0), int(m["m"] or 0)
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["m24"])
    else:
        hour, minute = (12, 0) if m["word"] == "noon" else (0, 0)
    if hour > 23 or minute > 59 or (m["ap"] and not 1 <= int(m["h"]) <= 12):
        return None
    date_words = m["before"] or m["after"]
    day: dt.date | None
    if date_words:
        found = calendar_date(date_words, ctx) or deictic_day(date_words, ctx)
        if found is None or found.granularity != "day":
            return None
        day = dt.date.fromisoformat(found.value) if found.value else None
    else:
        day = today_of(ctx)
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None
    return Value("TIME", value, "time")
