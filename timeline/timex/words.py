"""The English words time expressions are made of: calendar names, numbers, units, deictic modifiers.

Kept apart so that the rules (:mod:`.absolute`, :mod:`.relative`) read as grammar, not as word lists.
"""

from __future__ import annotations

import calendar

#: "january" -> 1, "jan" -> 1, "sept" -> 9 (abbreviations without their dot)
MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

#: "monday" -> 0 ... "sunday" -> 6 (datetime's weekday numbering), with common abbreviations
WEEKDAYS: dict[str, int] = {}
for _number in range(7):
    WEEKDAYS[calendar.day_name[_number].lower()] = _number
    WEEKDAYS[calendar.day_abbr[_number].lower()] = _number
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

#: part of day -> TIMEX3 suffix
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "noon": "MI",
}

#: unit word (singular) -> (TIMEX3 duration unit, how many of them, whether it is a time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("M", 3, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}

#: adverbs that make a SET: "annual" is every one year
SET_WORDS = {
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "nightly": "P1D",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "biannual": "P6M",
    "biennial": "P2Y",
}

#: adverbs that point at the past, present or future without naming a date
REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "in the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "couple": 2,
}

#: counts that say "some" without a number: TIMEX3 writes them as X ("several years" -> PXY)
VAGUE_COUNTS = {"few", "a few", "several", "many", "some", "the", ""}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

#: holidays on a fixed day of the year
HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "may day": (5, 1),
    "independence day": (7, 4),
}

#: words that make a span temporal at all; a span with none of them (and no year) is not a timex
TIME_WORDS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | set(SEASONS)
    | set(PARTS_OF_DAY)
    | {u for u in UNITS}
    | {u + "s" for u in UNITS}
    | {"centuries", "weekend", "weekends", "today", "tonight", "yesterday", "tomorrow", "fiscal", "decades"}
    | {"a.m.", "p.m.", "am", "pm", "midnight", "noon", "christmas", "quarters"}
    | set(SET_WORDS)
    | {w for ref in REFS for w in ref.split() if w not in ("the", "in", "at", "more", "most", "near")}
)
