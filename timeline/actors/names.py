"""Proper names: the forms one name takes, and when one name is a short form of another.

A name's *key* is its words lower-cased with punctuation, a leading article, possessive endings and
legal-form suffixes ("Inc.", "N.V.") removed: "Apple Inc.'s" and "Apple" have one key.
"""

from __future__ import annotations

import re

from .gazetteer import normalise
from .lexicon import DESIGNATORS, LEGAL_SUFFIXES, TITLES

_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$", re.IGNORECASE)
_STOPWORDS = frozenset({"of", "and", "the", "for", "&", "de", "la", "du", "von", "van"})


def strip_possessive(text: str) -> str:
    """ "Netanyahu's" -> "Netanyahu", "Jobs'" -> "Jobs"."""
    return _POSSESSIVE.sub("", text.rstrip()).rstrip()


def clean(text: str) -> str:
    """The name as written, without a leading article or a possessive ending: "The Beatles' label"."""
    text = " ".join(strip_possessive(text).split())
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text


def split_title(text: str) -> tuple[str, str]:
    """Leading titles and roles apart from the name: "Prime Minister Benjamin Netanyahu" ->
    ("Prime Minister", "Benjamin Netanyahu"). The last word always stays in the name."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and normalise(words[n]) in TITLES:
        n += 1
    return " ".join(words[:n]), " ".join(words[n:])


def key(text: str) -> str:
    """The comparison key of a name; "" when nothing name-like is left."""
    words = normalise(strip_possessive(text)).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if words and words[-1] in LEGAL_SUFFIXES:
        return ""  # "Inc." alone names nothing
    return " ".join(words)


def acronym(name_key: str) -> str:
    """Initials of a multi-word name, small words skipped: "european aeronautic defence and space" -> "eads"."""
    words = [w for w in name_key.split() if w not in _STOPWORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def is_acronym_of(short: str, long: str) -> bool:
    """Whether the one-word key ``short`` is the initials of ``long`` (designators may be left out)."""
    if " " in short or len(short) < 2:
        return False
    full = acronym(long)
    if not full:
        return False
    if short == full:
        return True
    # the initials of the last words: "SDK" for "iPhone Software Development Kit"
    content = [w for w in long.split() if w not in _STOPWORDS]
    if any(short == "".join(w[0] for w in content[n:]) for n in range(1, len(content) - 1)):
        return True
    words = long.split()
    while words and words[-1] in DESIGNATORS:
        words.pop()
        if short == acronym(" ".join(words)):
            return True
    return False


def is_short_form(short: str, long: str, *, person: bool) -> bool:
    """Whether the key ``short`` names the same thing as the longer key ``long``.

    People are named by surname or first name ("Jobs", "Steve" for "Steve Jobs"); organisations by the
    name without its designator ("Apple" for "Apple Computer", "NPD" for "NPD Group"), never by another
    part ("Apple" is not short for "Apple TV").
    """
    s, lw = short.split(), long.split()
    if not s or len(s) >= len(lw):
        return False
    if person:
        return lw[-len(s) :] == s or lw[: len(s)] == s
    if lw[: len(s)] == s and all(w in DESIGNATORS for w in lw[len(s) :]):
        return True
    return is_acronym_of(short, long)


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` can be an abbreviation of ``long`` written just before it in brackets, after
    Schwartz and Hearst (2003): its letters and digits appear in ``long`` in order, matched from the
    end, and its first one starts a word. "WWPF" abbreviates "the Worldwide Partners Forum"
    (letters inside a word count), "SDK" "Software Development Kit"; "Cupertino" abbreviates nothing."""
    chars = [ch for ch in short.lower() if ch.isalnum()]
    text = long.lower()
    if len(chars) < 2 or len(chars) > len(text.split()) * 3:
        return False
    at = len(text) - 1
    for n in range(len(chars) - 1, -1, -1):
        while at >= 0 and (text[at] != chars[n] or (n == 0 and at > 0 and text[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True
