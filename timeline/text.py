"""Text made safe for every output: characters XML, UTF-8 and spreadsheets cannot take, removed or guarded."""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline and carriage return among the control characters and nothing else; lone
# surrogates and the non-characters U+FFFE/U+FFFF are not allowed either. GraphML readers (Gephi,
# igraph's libxml2, networkx) reject the whole file when one slips in, and no UTF-8 encoder takes a
# surrogate, so they go from every exported string.
#: Lone surrogates: invalid Unicode that JSON escapes can carry in, and that no UTF-8 encoder takes.
SURROGATES = re.compile("[\ud800-\udfff]")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: ``=1+2``, ``+1``, ``-1+1``, ``@SUM(...)``, and tab or carriage return before one of them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Distinct texts whose safe form a writer keeps (``functools.lru_cache(maxsize=MEMO)``): values repeat
#: across a build's records (types, dates, titles, names, a sentence for each of its events), and a
#: bounded memo keeps a big build's memory flat.
MEMO = 1 << 16


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters, surrogates, U+FFFE/U+FFFF)."""
    # printable ASCII holds none of them, and is most text: checked in C, far quicker than the search
    return text if text.isascii() and text.isprintable() else _NOT_XML.sub("", text)


def bare(text: str) -> bool:
    """Whether ``text`` is ASCII letters and digits only (an id the build makes, "e12"): every output
    writes it as it is, with nothing to clean, quote, escape or guard."""
    return text.isascii() and text.isalnum()


def spreadsheet_text(text: str) -> str:
    """A cleaned text cell that a spreadsheet shows as text, never runs as a formula.

    A cell that starts like a formula gets a leading apostrophe, which Excel, LibreOffice and Google
    Sheets treat as "this is text" and do not display. Numbers are never passed here, so numeric
    columns (``goldstein`` of -7.0) stay numbers.
    """
    text = clean_text(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
