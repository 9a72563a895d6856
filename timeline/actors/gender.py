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
    """gender-guesser's detector, its name list read at once rather than line by line through
    ``codecs`` (half the time: every worker reads it before its first article). The lines are split
    where ``codecs`` splits them, so the names are the same."""

    def _parse(self, filename: str) -> None:
        self.names: dict[str, dict[str, str]] = {}
        with open(filename, encoding="utf-8", newline="") as f:
            for line in f.read().splitlines():
                self._eat_name_line(line.strip())


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
