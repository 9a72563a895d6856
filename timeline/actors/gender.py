"""Gender where the text tells it: a person's first name (gender-guesser's name list), a title
("Mrs", "Mr") or a gendered role noun ("spokeswoman"). He and she refer only to a person of their
gender, or of none known."""

from __future__ import annotations

import functools

from gender_guesser.detector import Detector

from . import names
from .candidate import DESCRIPTION, NAME, Candidate
from .gazetteer import normalise
from .lexicon import FEMALE, GENDERED, MALE

#: what gender-guesser's answers say
_ANSWERS = {"male": MALE, "mostly_male": MALE, "female": FEMALE, "mostly_female": FEMALE}


class _Detector(Detector):  # type: ignore[misc]
    """gender-guesser's detector, its name list read at once and each name's lines parsed the first
    time the name is asked about: every worker reads the list before its first article (a third of a
    second to parse all 48,000 lines; an article asks about a few names). The lines are split where
    ``codecs`` splits them and a name's lines are parsed in the list's order, by gender-guesser's own
    code, so each name comes out as gender-guesser gives it."""

    def _parse(self, filename: str) -> None:
        self.names: dict[str, dict[str, str]] = {}
        self._wanted: str | None = None  # the one name the lines parsed now are for
        with open(filename, encoding="utf-8", newline="") as f:
            self._lines = f.read().splitlines()
        # the lines of each name, as gender-guesser files them: "+" in a name stands for "", " " or "-"
        self._index: dict[str, list[int]] = {}
        for n, line in enumerate(self._lines):
            line = line.strip()
            if line[0] not in "#=":
                name = line.split()[1]
                if not self.case_sensitive:
                    name = name.lower()
                for variant in {name.replace("+", r) for r in ("", " ", "-")} if "+" in name else (name,):
                    self._index.setdefault(variant, []).append(n)

    def get_gender(self, name: str, country: str | None = None) -> str:
        key = name if self.case_sensitive else name.lower()
        lines = self._index.pop(key, None)
        if lines is not None:
            self._wanted = key
            try:
                for n in lines:
                    self._eat_name_line(self._lines[n].strip())
            finally:
                self._wanted = None
        return str(super().get_gender(name, country))

    def _set(self, name: str, gender: str, country_values: str) -> None:
        # a line of a name with "+" files each of its forms (through this method): only the one asked for
        if "+" in name or name == self._wanted:
            super()._set(name, gender, country_values)


@functools.cache
def _detector() -> Detector:
    """gender-guesser's name list, read once per process (it ships with the package: no download)."""
    return _Detector(case_sensitive=False)


def gender_of(c: Candidate) -> str | None:
    """The gender one mention of a person tells, or None."""
    if c.form == DESCRIPTION:
        return GENDERED.get(c.key)
    if c.form != NAME or c.label != "PERSON":
        return None
    for word in c.title.split():
        said = GENDERED.get(normalise(word))
        if said:
            return said
    title, bare = names.split_title(names.clean(c.text))
    for word in title.split():
        said = GENDERED.get(normalise(word))
        if said:
            return said
    words = bare.split()
    if len(words) < 2:  # a lone surname says nothing
        return None
    return _ANSWERS.get(_detector().get_gender(words[0]))
