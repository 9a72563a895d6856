"""Countries from pycountry: every way an article names one, including its demonym ("Israeli").

pycountry has the ISO names; demonyms are derived from them by the regular English suffix rules, with
the irregular ones ("French", "Dutch") listed. Everything is built once into read-only mappings.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

import pycountry

# names in common use that ISO does not list
_EXTRA_NAMES = {
    "america": "USA",
    "united states of america": "USA",
    "britain": "GBR",
    "great britain": "GBR",
    "uk": "GBR",
    "england": "GBR",
    "russia": "RUS",
    "turkey": "TUR",
    "north korea": "PRK",
    "south korea": "KOR",
    "holland": "NLD",
    "palestinian territories": "PSE",
    "ivory coast": "CIV",
    "burma": "MMR",
    "czech republic": "CZE",
}
# demonyms that no suffix rule derives from the country's name
_IRREGULAR_DEMONYMS = {
    "french": "FRA",
    "british": "GBR",
    "english": "GBR",
    "scottish": "GBR",
    "welsh": "GBR",
    "dutch": "NLD",
    "swiss": "CHE",
    "greek": "GRC",
    "spanish": "ESP",
    "swedish": "SWE",
    "finnish": "FIN",
    "danish": "DNK",
    "irish": "IRL",
    "norwegian": "NOR",
    "portuguese": "PRT",
    "filipino": "PHL",
    "saudi": "SAU",
    "emirati": "ARE",
    "cypriot": "CYP",
    "icelandic": "ISL",
    "argentine": "ARG",
    "argentinian": "ARG",
    "kiwi": "NZL",
}
# (suffix of the demonym, what replaces it to give the country's name), tried in order
_DEMONYM_RULES = (
    ("ians", ""),
    ("ians", "e"),
    ("ians", "y"),
    ("ians", "a"),
    ("ians", "ium"),
    ("ian", ""),
    ("ian", "e"),
    ("ian", "y"),
    ("ian", "a"),
    ("ian", "ium"),
    ("ans", ""),
    ("ans", "a"),
    ("ans", "o"),
    ("an", ""),
    ("an", "a"),
    ("an", "o"),
    ("n", ""),
    ("ns", ""),
    ("is", ""),
    ("i", ""),
    ("ese", ""),
    ("ese", "a"),
    ("ese", "on"),
    ("ish", "ey"),
    ("ish", "and"),
    ("ish", "land"),
    ("", "y"),
    ("", "istan"),
    ("", "land"),
)


def normalise(text: str) -> str:
    """Lower case, no dots or accents, single spaces, no leading article: "the U.S." -> "us"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[.\u2019']", "", text)
    text = " ".join(re.sub(r"[^\w&]+", " ", text).split())
    return text[4:] if text.startswith("the ") else text


def display_name(country: object) -> str:
    """The short name people write: "Iran" for "Iran, Islamic Republic of"."""
    common = getattr(country, "common_name", None)
    if common:
        return str(common)
    return str(getattr(country, "name", "")).split(",")[0]


def _build() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_3)
        display[code] = display_name(country)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(normalise(value), code)
                names.setdefault(normalise(str(value).split(",")[0]), code)
    for name, code in _EXTRA_NAMES.items():
        names.setdefault(name, code)
    return names, display


_NAMES, _DISPLAY = _build()
#: normalised country name -> ISO 3166 alpha-3 code
COUNTRY_NAMES = MappingProxyType(_NAMES)
#: ISO alpha-3 code -> the name to show
COUNTRY_DISPLAY = MappingProxyType(_DISPLAY)


def country_of_name(text: str) -> str | None:
    """The alpha-3 code of the country ``text`` names ("the US", "Egypt"), or None.

    Two- and three-letter ISO codes count only when written in capitals ("US", not "us").
    """
    code = COUNTRY_NAMES.get(normalise(text))
    if code is not None:
        return code
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    bare = re.sub(r"[.\s]", "", "".join(words))
    if bare.isupper() and len(bare) in (2, 3):
        found = pycountry.countries.get(alpha_2=bare) if len(bare) == 2 else None
        found = found or (pycountry.countries.get(alpha_3=bare) if len(bare) == 3 else None)
        if found is not None:
            return str(found.alpha_3)
    return None


def country_of_demonym(word: str) -> str | None:
    """The alpha-3 code of the country a demonym names ("Israeli", "Palestinians"), or None."""
    w = normalise(word)
    if not w.isalpha() or len(w) < 4:
        return None
    if w in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[w]
    if w.endswith("s") and w[:-1] in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[w[:-1]]
    for suffix, replacement in _DEMONYM_RULES:
        if not w.endswith(suffix):
            continue
        stem = w[: len(w) - len(suffix)] + replacement
        if len(stem) >= 4 and stem != w and stem in COUNTRY_NAMES:
            return COUNTRY_NAMES[stem]
    return None
