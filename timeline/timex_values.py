"""Normalise the words of one time expression to a TIMEX3 type, value and granularity.

Rules in the manner of HeidelTime: calendar names and numbers are read by patterns, and anything that
needs a reference point takes it from :class:`Context` — the publication date (the anchor), the verb's
tense ("said on Tuesday" is the past Tuesday, "will vote on Tuesday" the next) and the previous date of
the story ("two days later"). Nothing here reads the clock. When an expression is temporal but cannot be
placed, the value is None rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import timex_words as W
from .timex_calendar import (
    add_months,
    iso_week,
    month_near,
    nearest_year,
    quarter_near,
    season_near,
    weekday_near,
)

PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True)
class Context:
    """What a relative expression is resolved against."""

    anchor: dt.datetime | None = None  # the publication date (with its time when known)
    tense: str | None = None  # past | present | future: of the clause the expression sits in
    story: dt.date | None = None  # the last day-level date mentioned before, for "two days later"


@dataclass(frozen=True)
class Value:
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    granularity: str | None
    absolute: bool = False  # placed without the anchor (an explicit year): can anchor what follows


Rule = Callable[[str, Context], Value | None]

_MONTH = "|".join(sorted(W.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(W.WEEKDAYS, key=len, reverse=True))
_UNIT = "|".join(W.UNITS) + "|centuries"
_NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(W.NUMBERS, key=len, reverse=True))
_ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(W.ORDINALS, key=len, reverse=True))
_PART = "|".join(W.PARTS_OF_DAY)
_DEIXIS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_DEIX = "|".join(_DEIXIS)

# modifiers kept out of the value (TIMEX3 puts them in ``mod``): "early 2009" is 2009
_PREFIXES = re.compile(
    r"^(?:as early as|as late as|as recently as|as soon as|the very beginning of|the beginning of|the start of|the end of|the middle of|the turn of|"
    r"the early|the late|the mid|early|late|mid|earlier|later|around|about|nearly|approximately|"
    r"roughly|almost|more than|less than|over|under|at least|at most|just|only|up to|some|since|"
    r"from|until|till|through|by|on|in|at|during|for|of|as of|within|before|after|circa|ca)\s+"
)


def clean(text: str) -> str:
    """Lower case, one space between words, no dots after abbreviations, hyphens between words as spaces."""
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\b(a|p)\.?\s?m\b\.?", r"\1m", t)
    t = re.sub(r"\b([a-z]{3,5})\.", r"\1", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[a-z0-9]) ?- ?(?=[a-z])", " ", t)  # "12-year", "eight - year"
    t = re.sub(r"(?<=\d0)'s\b", "s", t)  # "the 1980's"
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\s+", " ", t).strip(' ,.;:!?"()[]')
    return t


def strip_modifiers(t: str) -> str:
    while True:
        shorter = _PREFIXES.sub("", t, count=1)
        if shorter == t:
            return t
        t = shorter


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


# ---------------------------------------------------------------- numbers and helpers


def number(word: str) -> float | None:
    """'15' -> 15, 'two' -> 2, 'twenty five' -> 25, 'few' -> None (a vague count)."""
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    parts = word.split()
    if parts and all(p in W.NUMBERS for p in parts):
        return float(sum(W.NUMBERS[p] for p in parts))
    return None


def ordinal(word: str) -> int | None:
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word):
        return int(m[1])
    return W.ORDINALS.get(word)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February, year 0: not a date, never a guess
        return None


def _day_value(day: dt.date | None, *, absolute: bool = False) -> Value:
    return Value("DATE", day.isoformat() if day else None, "day", absolute)


def _two_digit_year(yy: int, ctx: Context) -> int | None:
    """'98 -> 1998 next to a 2025 anchor: the century that puts it no more than ten years ahead."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year // 100 * 100 + yy
    return year - 100 if year > ctx.anchor.year + 10 else year


def _today(ctx: Context) -> dt.date | None:
    return ctx.anchor.date() if ctx.anchor else None


# ---------------------------------------------------------------- rules, most specific first


def iso_date(t: str, ctx: Context) -> Value | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}))?", t):
        day = _date(int(m[1]), int(m[2]), int(m[3]))
        if day and m[4]:
            return Value("TIME", f"{day.isoformat()}T{m[4]}:{m[5]}", "time", True)
        return _day_value(day, absolute=day is not None)
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", t)) and 1 <= int(m[2]) <= 12:
        return Value("DATE", t, "month", True)
    return None


def numeric_date(t: str, ctx: Context) -> Value | None:
    """3/4/2005 (month first, as American news writes it, unless the first number cannot be a month)."""
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", t)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    year = y if len(m[3]) == 4 else _two_digit_year(y, ctx)
    if year is None:
        return Value("DATE", None, "day")
    month, day = (a, b) if a <= 12 else (b, a)
    found = _date(year, month, day)
    return _day_value(found, absolute=found is not None and len(m[3]) == 4)


def calendar_date(t: str, ctx: Context) -> Value | None:
    """'monday, march 10', 'march 6, 2008', '6 march 2008', 'the 6th of march', 'march 2008', 'march'."""
    t = re.sub(rf"^(?:{_WEEKDAY}),? (?:the )?", "", t)
    m = re.fullmatch(rf"(.*\d.*?)(?: of)?,? ({_DEIX}) year", t)  # "December 15 of this year"
    if m and calendar_date(m[1], ctx) is not None:
        if ctx.anchor is None:
            return Value("DATE", None, "day")
        placed = calendar_date(f"{m[1]} {ctx.anchor.year + _DEIXIS[m[2]]}", ctx)
        return Value(placed.type, placed.value, placed.granularity) if placed else None
    month_day = re.fullmatch(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}|'\d{{2}}))?", t)
    day_month = re.fullmatch(
        rf"(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH}),?(?: (\d{{4}}|'\d{{2}}))?", t
    )
    if month_day or day_month:
        if month_day:
            month, day, year_text = W.MONTHS[month_day[1]], int(month_day[2]), month_day[3]
        else:
            assert day_month is not None
            month, day, year_text = W.MONTHS[day_month[2]], int(day_month[1]), day_month[3]
        if year_text:
            year = int(year_text) if year_text[0] != "'" else _two_digit_year(int(year_text[1:]), ctx)
            found = _date(year, month, day) if year else None
            return _day_value(found, absolute=found is not None and year_text[0] != "'")
        if ctx.anchor is None or _date(2000, month, day) is None:  # 2000 is a leap year
            return Value("DATE", None, "day")
        year = nearest_year(ctx.anchor.date(), month, day, ctx.tense)
        return _day_value(_date(year, month, day))
    if m := re.fullmatch(rf"({_MONTH})(?: of)?,? (\d{{4}})", t):
        return Value("DATE", f"{int(m[2]):04d}-{W.MONTHS[m[1]]:02d}", "month", True)
    if m := re.fullmatch(rf"({_MONTH})(?: of)? ({_DEIX}) year|({_DEIX}) ({_MONTH})", t):
        if ctx.anchor is None:
            return Value("DATE", None, "month")
        today = ctx.anchor.date()
        if m[1]:
            return Value("DATE", f"{today.year + _DEIXIS[m[2]]:04d}-{W.MONTHS[m[1]]:02d}", "month")
        month, step = W.MONTHS[m[4]], _DEIXIS[m[3]]
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
        y = _two_digit_year(int(m[1]), ctx)
        return Value("DATE", f"{y:04d}" if y else None, "year")
    if m := re.fullmatch(r"(?:the )?(?:fiscal|financial) (?:year )?(\d{4}|'?\d{2})", t) or re.fullmatch(
        r"fy ?(\d{4}|'?\d{2})", t
    ):
        digits = m[1].lstrip("'")
        y = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), ctx)
        return Value("DATE", f"FY{y:04d}" if y else None, "year", len(digits) == 4)
    if m := re.fullmatch(rf"(?:the )?(?:({_DEIX}) )?(?:fiscal|financial) year", t):
        if ctx.anchor is None:
            return Value("DATE", None, "year")
        return Value("DATE", f"FY{ctx.anchor.year + _DEIXIS.get(m[1] or 'this', 0):04d}", "year")
    return None


def decade_century(t: str, ctx: Context) -> Value | None:
    if m := re.fullmatch(r"(?:the )?(\d{3})0s", t):
        return Value("DATE", m[1], "decade", True)
    if m := re.fullmatch(r"(?:the )?'?(\d)0s", t):
        if ctx.anchor is None:
            return Value("DATE", None, "decade")
        y = _two_digit_year(int(m[1]) * 10, ctx)
        return Value("DATE", f"{y // 10:03d}" if y else None, "decade")
    if (m := re.fullmatch(r"(?:the )?(?:nineteen )?(\w+ies)", t)) and m[1] in W.DECADE_WORDS:
        century = "19" if "nineteen" in t or ctx.anchor is None else str(ctx.anchor.year // 100 - 1)
        return Value("DATE", f"{century}{W.DECADE_WORDS[m[1]]}", "decade", "nineteen" in t)
    if m := re.fullmatch(rf"(?:the )?({_ORD}) century", t):
        n = ordinal(m[1])
        return Value("DATE", f"{n - 1:02d}", "century", True) if n else None
    if m := re.fullmatch(rf"(?:the )?({_DEIX}) (decade|century)", t):
        if t.startswith("the past "):
            return None  # "the past decade" is a duration
        if ctx.anchor is None:
            return Value("DATE", None, m[2])
        step = _DEIXIS[m[1]]
        if m[2] == "decade":
            return Value("DATE", f"{ctx.anchor.year // 10 + step:03d}", "decade")
        return Value("DATE", f"{ctx.anchor.year // 100 + step:02d}", "century")
    return None


def quarter_half(t: str, ctx: Context) -> Value | None:
    t = re.sub(r"\b(fiscal|financial|calendar) ", "", t)
    m = re.fullmatch(rf"(?:the )?({_ORD}|q[1-4])(?: quarter)?(?:,? (?:of )?(\d{{4}}))?", t)
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
    if m := re.fullmatch(rf"(?:the )?({_DEIX}) quarter", t):
        if ctx.anchor is None:
            return Value("DATE", None, "quarter")
        a = ctx.anchor.date()
        index = a.year * 4 + (a.month - 1) // 3 + _DEIXIS[m[1]]
        return Value("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", "quarter")
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
    m = re.fullmatch(rf"(?:the )?(?:({_DEIX}) )?({names})(?: of)?(?: (\d{{4}}))?", t)
    if not m:
        return None
    code = W.SEASONS[m[2]]
    if m[3]:
        return Value("DATE", f"{m[3]}-{code}", "season", True)
    if ctx.anchor is None:
        return Value("DATE", None, "season")
    y = season_near(ctx.anchor.date(), code, _DEIXIS.get(m[1] or ""), ctx.tense)
    return Value("DATE", f"{y:04d}-{code}", "season")


def deictic_day(t: str, ctx: Context) -> Value | None:
    """today, yesterday, tonight, this morning, (last|next) tuesday, friday morning."""
    part = None
    if t == "tonight":
        t, part = "today", "NI"
    elif t in ("this " + p for p in W.PARTS_OF_DAY):
        t, part = "today", W.PARTS_OF_DAY[t.split()[1]]
    elif t == "last night":
        t, part = "yesterday", "NI"
    elif m := re.fullmatch(rf"(.+?) ({_PART})", t):
        t, part = m[1], W.PARTS_OF_DAY[m[2]]
    day = _deictic_day(t, ctx)
    if day is None:
        return None
    if part is None:
        return day
    return Value("TIME", f"{day.value}T{part}" if day.value else None, "part of day")


def _deictic_day(t: str, ctx: Context) -> Value | None:
    today = _today(ctx)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "last": -1}
    if t in offsets:
        return _day_value(today + dt.timedelta(days=offsets[t]) if today else None)
    if m := re.fullmatch(rf"(?:({_DEIX}) )?({_WEEKDAY})", t):
        if today is None:
            return Value("DATE", None, "day")
        return _day_value(weekday_near(today, W.WEEKDAYS[m[2]], _DEIXIS.get(m[1] or ""), ctx.tense))
    if t in W.HOLIDAYS or t.removeprefix("the ") in W.HOLIDAYS:
        month, day = W.HOLIDAYS[t.removeprefix("the ")]
        if today is None:
            return Value("DATE", None, "day")
        return _day_value(_date(nearest_year(today, month, day, ctx.tense), month, day))
    if m := re.fullmatch(r"(\w+) (day|holiday)s?", t):
        return None
    return None


def deictic_period(t: str, ctx: Context) -> Value | None:
    """this week, last month, next year, last weekend, earlier this month ('earlier' already stripped)."""
    if t.startswith("the past "):
        return None  # "the past week" is a duration
    m = re.fullmatch(rf"(?:the )?({_DEIX}) (week|weekend|month|year)", t) or re.fullmatch(
        r"the ()(week|weekend|month|year)", t
    )  # "the beginning of the year": this one
    if not m:
        return None
    a = _today(ctx)
    if a is None:
        return Value("DATE", None, "week" if m[2] == "weekend" else m[2])
    step = _DEIXIS.get(m[1], 0)
    if m[2] in ("week", "weekend"):
        value = iso_week(a + dt.timedelta(weeks=step))
        return Value("DATE", value + ("-WE" if m[2] == "weekend" else ""), "week")
    if m[2] == "month":
        y, mo = add_months(a.year, a.month, step)
        return Value("DATE", f"{y:04d}-{mo:02d}", "month")
    return Value("DATE", f"{a.year + step:04d}", "year")


def relative_count(t: str, ctx: Context) -> Value | None:
    """'two weeks ago' (from the anchor), 'two days later' (from the story's last date), 'the next day'."""
    if re.fullmatch(rf"(?:(?:a )?few|several|many|some) ({_UNIT})s? ago|recent ({_UNIT}|centuries)s?", t):
        return Value("DATE", "PAST_REF", "ref")
    t = re.sub(r"^(?:a )?couple(?: of)? ", "two ", t)
    if m := re.fullmatch(rf"({_NUM}) ({_UNIT})s? from (?:now|today)", t):
        return _shift(ctx.anchor, number(m[1]), m[2], 1)
    m = re.fullmatch(rf"({_NUM}) ({_UNIT})s? (ago|earlier|before|later|after|after that|afterwards)", t)
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
    if re.fullmatch(rf"({_UNIT})s?", t):
        unit = t.rstrip("s") if t != "centuries" else "century"
        if t.endswith("s"):
            return _duration(None, unit)
        # "the past year" is a stretch of one year; a bare "decade" is ten years
        return _duration(1, unit) if stretch or unit in ("decade", "century") else None
    m = re.fullmatch(
        rf"(?:(?:a|an) )?(?:({_NUM}|few|a few|several|many|some) )?({_UNIT})s?(?: and a half)?", t
    )
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
    m = re.fullmatch(rf"(?:every|each|per|a|an) (?:({_NUM}|other) )?({_UNIT})s?", t)
    if m and m[2]:
        n = 2 if m[1] == "other" else number(m[1]) if m[1] else 1
        code, size, clock = W.UNITS[m[2] if m[2] != "centuries" else "century"]
        count = "X" if n is None else _count(n * size)
        return Value("SET", f"P{'T' if clock else ''}{count}{code}", "set")
    if m := re.fullmatch(rf"(?:(?:once|twice|\w+ times) )?(?:a|per|every|each) ({_UNIT})", t):
        code, size, clock = W.UNITS[m[1]]
        return Value("SET", f"P{'T' if clock else ''}{size}{code}", "set")
    if m := re.fullmatch(rf"(?:every|each) ({_WEEKDAY})", t):
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
        found = normalise(date_words, ctx)
        if found is None or found.granularity != "day":
            return None
        day = dt.date.fromisoformat(found.value) if found.value else None
    else:
        day = _today(ctx)
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None
    return Value("TIME", value, "time")


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
