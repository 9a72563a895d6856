"""The record a mention is before resolution: where it is and what resolution reasons with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

NAME, PRONOUN, DESCRIPTION, DEMONYM = "name", "pronoun", "description", "demonym"
#: dependency labels of a clause's subject: pronouns prefer subjects as antecedents
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Candidate:
    """A mention before resolution, with the facts resolution reasons with."""

    start: int  # character offsets into the article
    end: int
    text: str
    form: str  # name | pronoun | description | demonym
    first: int  # token range [first, last)
    last: int
    root: int  # token index of the syntactic head
    sentence: int
    label: str = ""  # spaCy label (names), or the kind a pronoun/description can refer to
    key: str = ""  # name key, pronoun, or head lemma of a description
    plural: bool = False
    definite: bool = False
    country: str | None = None  # ISO alpha-3
    sector: str | None = None
    title: str = ""  # the title or role written before a person's name
    subject: bool = False  # the subject of its clause: pronouns prefer these
    from_ner: bool = True  # a name spaCy's entity recogniser found (not guessed from a noun phrase)
    joins: int | None = None  # token of the name this mention is a title of ("Apple CEO" Steve Jobs)
    qualified: str = ""  # a name with its possessor ("Beatles' Apple Corps"), an alias to keep
    of_name: bool = False  # a description with a name inside: "Apple share prices", "Israel's proposal"
    phrase: str = ""  # a description's whole noun phrase ("the Israeli delegation"), to name it by
    # where the mention is written when that is more than the candidate itself: a name's whole noun
    # phrase when it starts before the name ("the Beatles' Apple Corps", "its new iPhone"), a thing's
    # with the phrases after its head ("the side of the device"); ``start``/``text`` stay the name or
    # the noun phrase, which resolution reasons with
    written: tuple[int, int, str] | None = None
    thing: bool = False  # a description of no actor's kind that names a thing ("the price", "its name")

    @classmethod
    def word(cls, token: Token, *, form: str, sentence: int, **facts: Any) -> Candidate:
        """A one-word mention: a pronoun, or a bare noun such as "company" in "company CEO"."""
        return cls(
            start=token.idx,
            end=token.idx + len(token.text),
            text=token.text,
            form=form,
            first=token.i,
            last=token.i + 1,
            root=token.i,
            sentence=sentence,
            **facts,
        )

    def extent(self) -> tuple[int, int, str]:
        """Where the mention is written: its whole phrase, else the candidate itself."""
        return self.written or (self.start, self.end, self.text)
