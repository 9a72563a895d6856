"""Event typing: a CAMEO code, its PLOVER type, quad class and Goldstein score, from a verb lexicon.

The lexicon (``cameo.tsv`` beside this module) follows the CAMEO codebook and is keyed by lemma, so
every inflection codes alike (and a lemma the model's lemmatiser got wrong is recovered from the word,
see :func:`lemma_of`); a phrase may add a particle or preposition ("pull out", "call for") or the
direct object ("restore ties"), and the most specific phrase that matches wins. Nominal triggers
("talks", "the merger") are looked up the same way. Which mentions get a code at all (a named doer,
the clause's own act, not negated) is :mod:`.codable`'s decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

LEXICON = Path(__file__).resolve().parent / "cameo.tsv"

#: The PLOVER type of each CAMEO root, unless the lexicon line names another.
PLOVER_OF_ROOT = {
    "01": "OTHER",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "OTHER",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}

#: Goldstein-style scores (-10 most hostile .. +10 most cooperative), one per CAMEO root: rounded
#: typical values of the Goldstein scale for the root's codes (an approximation; codes within a root
#: differ by a point or two).
GOLDSTEIN_OF_ROOT = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}


@dataclass(frozen=True)
class Code:
    """What kind of act an event is."""

    cameo: str
    type: str  # PLOVER
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    goldstein: float


@dataclass(frozen=True)
class Lexicon:
    lemmas: dict[str, Code]
    particles: dict[tuple[str, str], Code]  # (lemma, particle or preposition)
    objects: dict[tuple[str, str], Code]  # (lemma, lemma of the direct object)
    intransitive: dict[str, Code]  # "demonstrate!": only without a direct object

    heads: frozenset[str] = frozenset()  # every lemma that starts a phrase

    def __len__(self) -> int:
        return len(self.lemmas) + len(self.particles) + len(self.objects) + len(self.intransitive)


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list written as a text block."""
    return frozenset(text.split())


def quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def make_code(cameo: str, plover: str = "-") -> Code:
    root = cameo[:2]
    kind = PLOVER_OF_ROOT[root] if plover == "-" else plover
    return Code(cameo, kind, quad_class(root), GOLDSTEIN_OF_ROOT[root])


def parse_lexicon(text: str) -> Lexicon:
    """Read the lexicon's TSV text; the first line that names a phrase wins."""
    lemmas: dict[str, Code] = {}
    particles: dict[tuple[str, str], Code] = {}
    objects: dict[tuple[str, str], Code] = {}
    intransitive: dict[str, Code] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            cameo, plover, phrases = line.split("\t")
            code = make_code(cameo.strip(), plover.strip())
        except (ValueError, KeyError) as err:
            raise ValueError(f"cameo lexicon line {number}: {line!r} ({err})") from err
        for phrase in (p.strip().lower() for p in phrases.split(",")):
            words = phrase.split()
            if not words:
                continue
            if len(words) == 2 and words[1].startswith("+"):
                objects.setdefault((words[0], words[1][1:]), code)
            elif len(words) == 1 and words[0].endswith("!"):
                intransitive.setdefault(words[0], code)
            elif len(words) == 1:
                lemmas.setdefault(words[0], code)
            else:  # "pull out", "walk out of": the lemma and its particles, joined
                particles.setdefault((words[0], " ".join(words[1:])), code)
    heads = {
        *lemmas,
        *(w.rstrip("!") for w in intransitive),
        *(w for w, _ in particles),
        *(w for w, _ in objects),
    }
    return Lexicon(lemmas, particles, objects, intransitive, frozenset(heads))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> Lexicon:
    """The lexicon shipped with the package (read once; the result is immutable in use)."""
    return parse_lexicon(path.read_text(encoding="utf-8"))


#: CAMEO codes an announced intent to act, not the act: "will meet" is 036, "will send aid" 033,
#: "will attack" a threat, 138. Root of the act -> the code of the intent.
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "15": "137",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}


#: Where the codebook has a narrower code for announcing a particular act: to mediate (039), to
#: negotiate (036), to release persons (0353), to ease sanctions (0351, 0354), to de-escalate (0356),
#: to cooperate economically, militarily or judicially (0311-0313); threats to break relations
#: (1313), to sanction (1312), to halt talks (134), of blockade (1381) or occupation (1382).
INTENT_OF_CODE = {
    "045": "039",
    "046": "036",
    "0841": "0353",
    "081": "0351",
    "085": "0354",
    "087": "0356",
    "0871": "0356",
    "0874": "0356",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "161": "1313",
    "163": "1312",
    "164": "134",
    "191": "1381",
    "192": "1382",
}


def as_intent(code: Code) -> Code:
    """The code of announcing the act (CAMEO 03 or 13), keeping the act's PLOVER type: PLOVER
    records intent as the event's mode, not as another kind of event."""
    intent = INTENT_OF_CODE.get(code.cameo) or INTENT_CODES.get(code.cameo[:2])
    if intent is None:
        return code
    coded = make_code(intent)
    return Code(intent, code.type, coded.quad_class, coded.goldstein)


#: What one fights, battles or attacks without any violence between actors: "fighting cancer".
ADVERSITIES = words(
    """
    cancer disease illness virus epidemic pandemic infection fire flood drought hunger poverty
    inflation unemployment crime corruption addiction obesity piracy spam malware climate
    """
)


def code_of(trigger: Token, lexicon: Lexicon) -> Code | None:
    """The code of the act the trigger names, or None when the lexicon does not know it."""
    code = _lookup(trigger, lexicon)
    if code is not None and code.quad_class == 4 and any(o in ADVERSITIES for o in _objects(trigger)):
        return None
    return code


def _lookup(trigger: Token, lexicon: Lexicon) -> Code | None:
    lemma = lemma_of(trigger, lexicon)
    for obj in _objects(trigger):
        found = lexicon.objects.get((lemma, obj))
        if found is not None:
            return found
    # a particle anywhere ("pulled its troops out"); a preposition only right after the verb or its
    # adverbs, so that "called immediately for" is "call for" and "called on Monday for" is not
    particles = [
        c.lower_ for c in trigger.children if c.dep_ == "prt" or (c.dep_ == "prep" and _follows(c, trigger))
    ]
    if particles:
        for key in (" ".join(particles), *particles):
            found = lexicon.particles.get((lemma, key))
            if found is not None:
                return found
    compound = [c.lemma_.lower() for c in trigger.children if c.dep_ == "compound"]
    if compound:  # "hunger strike", "ethnic cleansing"
        found = lexicon.particles.get((compound[-1], lemma))
        if found is not None:
            return found
    found = lexicon.lemmas.get(lemma)
    intransitive = lexicon.intransitive.get(lemma + "!")
    if found is None and intransitive is not None and all(c.dep_ != "dobj" for c in trigger.children):
        return intransitive
    return found


#: Inflectional endings of English verbs, longest first, with what may stand before them in the lemma.
ENDINGS = (
    ("ing", ("", "e")),
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("ed", ("", "e")),
    ("s", ("",)),
)


def lemma_of(token: Token, lexicon: Lexicon) -> str:
    """The token's lemma as the lexicon knows it. The model's lemmatiser guesses the lemma of a verb
    it has not seen ("cordoned" -> "cordone"); when its guess is unknown to the lexicon, the regular
    English inflections are undone ("cordon", "cordone") and the first known candidate wins."""
    lemma = token.lemma_.lower()
    heads = lexicon.heads
    if lemma in heads or not token.tag_.startswith("VB"):
        return lemma
    form = token.lower_
    for ending, stems in ENDINGS:
        if not form.endswith(ending) or len(form) - len(ending) < 3:
            continue
        base = form[: -len(ending)]
        candidates = [base + stem for stem in stems]
        if len(base) > 3 and base[-1] == base[-2]:  # "stopped" -> "stop"
            candidates.append(base[:-1])
        for candidate in candidates:
            if candidate in heads:
                return candidate
        break
    return lemma


def _follows(word: Token, verb: Token) -> bool:
    """Whether only adverbs stand between the verb and the word after it."""
    doc = verb.doc
    return word.i > verb.i and all(doc[i].pos_ == "ADV" for i in range(verb.i + 1, word.i))


def _objects(trigger: Token) -> list[str]:
    """Lemmas of what the trigger acts on: its direct object, or the subject of a passive."""
    found = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(child.lemma_.lower())
            found.extend(c.lemma_.lower() for c in child.conjuncts)
    return found
