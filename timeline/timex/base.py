"""What the time-expression rules share: the context they resolve against, the value they give, the
word patterns they are written with, and small number and date helpers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import words as W

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

MONTH = "|".join(sorted(W.MONTHS, key=len, reverse=True))
WEEKDAY = "|".join(sorted(W.WEEKDAYS, key=len, reverse=True))
UNIT = "|".join(W.UNITS) + "|centuries"
NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(W.NUMBERS, key=len, reverse=True))
ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(W.ORDINALS, key=len, reverse=True))
PART = "|".join(W.PARTS_OF_DAY)
DEIXIS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
DEIX = "|".join(DEIXIS)

# modifiers kept out of the value (TIMEX3 puts them in ``mod``): "early 2009" is 2009
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


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February, year 0: not a date, never a guess
        return None


def day_value(day: dt.date | None, *, absolute: bool = False) -> Value:
    return Value("DATE", day.isoformat() if day else None, "day", absolute)


def two_digit_year(yy: int, ctx: Context) -> int | None:
    """'98 -> 1998 next to a 2025 anchor: the century that puts it no more than ten years ahead."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year // 100 * 100 + yy
    return year - 100 if year > ctx.anchor.year + 10 else year


def today_of(ctx: Context) -> dt.date | None:
    return ctx.anchor.date() if ctx.anchor else None
