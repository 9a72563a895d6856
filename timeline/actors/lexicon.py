"""Word lists the actor stage reasons with: pronoun features, description heads, titles, sectors.

These are closed-class or generic English words (not names from any corpus): they say what kind of
thing a pronoun or a description can refer back to, and which words in a name are a title or a
company designator rather than part of the name.
"""

from __future__ import annotations

#: Kinds of actor a pronoun or a description can refer back to.
PERSON, ORG, PLACE, PRODUCT = "PERSON", "ORG", "PLACE", "PRODUCT"

#: spaCy labels that name actors.
ACTOR_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"}
)
#: spaCy labels of numbers and times: a noun phrase headed inside one is not an actor.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})

#: which spaCy labels each kind of antecedent accepts
KIND_LABELS = {
    PERSON: frozenset({"PERSON"}),
    ORG: frozenset({"ORG", "NORP"}),
    PLACE: frozenset({"GPE", "LOC", "FAC"}),
    PRODUCT: frozenset({"PRODUCT", "ORG", "WORK_OF_ART"}),
}

# personal pronoun -> (kinds it can refer to, plural)
PRONOUNS: dict[str, tuple[frozenset[str], bool]] = {
    **dict.fromkeys(("he", "him", "his", "himself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(("she", "her", "hers", "herself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(("it", "its", "itself"), (frozenset({ORG, PLACE, PRODUCT}), False)),
    # organisations are "they" as often as "it" in news English
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), (frozenset({ORG, PERSON}), True)),
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), (frozenset({ORG}), True)),
}
#: relative pronouns: they refer to the noun their clause hangs on
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose", "that"})

#: head noun of a description -> the kind of actor it describes
HEAD_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "company firm corporation business group giant maker manufacturer retailer vendor "
            "carrier operator label studio publisher bank agency organisation organization "
            "movement party union association institution network chain startup conglomerate "
            "government ministry administration regime authority court commission council "
            "committee delegation team club university school newspaper channel broadcaster "
            "website blog outlet"
        ).split(),
        ORG,
    ),
    **dict.fromkeys(
        (
            "man woman person spokesman spokeswoman spokesperson official executive chief "
            "president minister leader founder co-founder chairman chairwoman director "
            "manager analyst head boss ceo cfo coo cto secretary ambassador envoy diplomat "
            "mediator negotiator judge lawyer attorney prosecutor general commander officer "
            "senator governor mayor king queen prince premier chancellor member employee "
            "engineer designer developer researcher scientist reporter journalist editor "
            "critic author writer singer musician actor player user customer consumer "
            "prisoner victim soldier"
        ).split(),
        PERSON,
    ),
    **dict.fromkeys(
        "country nation state city town capital region province territory village area".split(),
        PLACE,
    ),
    **dict.fromkeys(
        (
            "device phone handset smartphone player computer laptop notebook desktop tablet "
            "product model version software system program programme application app service "
            "store platform browser console gadget machine line family range edition "
            "kit suite tool"
        ).split(),
        PRODUCT,
    ),
}

#: determiners that make a description definite: it refers back to something already named
DEFINITE = frozenset({"the", "this", "that", "these", "those"})

#: nouns for time spans and units: never actors even when no date entity covers them
TIME_NOUNS = frozenset(
    "time year years day days week weeks month months quarter hour hours minute minutes "
    "second seconds decade decades century period season morning evening night today "
    "yesterday tomorrow".split()
)

#: words before a person's name that are a title or a role, not part of the name
TITLES = frozenset(
    (
        "mr mrs ms miss dr prof professor sir dame lord lady rev father sister brother "
        "president vice prime minister chancellor premier king queen prince princess emperor "
        "senator sen rep representative congressman congresswoman gov governor mayor general gen "
        "col colonel lt lieutenant capt captain major sgt sergeant admiral judge justice "
        "chief executive officer ceo cfo coo cto chairman chairwoman chair founder co-founder "
        "spokesman spokeswoman spokesperson secretary foreign defence defense interior finance "
        "opposition leader pope sheikh rabbi imam ayatollah ambassador envoy director "
        "former late deputy acting"
    ).split()
)

#: legal-form suffixes: "Apple Inc." and "Apple" are one name
LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp ltd llc plc co nv bv sa ag gmbh lp llp pty limited".split()
)
#: words that end a company's name but may be left out: "Apple Computer" … "Apple", "NPD Group" … "NPD"
DESIGNATORS = frozenset(
    (
        "computer computers corporation company companies group holdings holding systems system "
        "technologies technology international industries labs laboratories enterprises "
        "networks communications electronics entertainment records motors airlines "
        "partners associates worldwide global incorporated"
    ).split()
)

#: collective head nouns -> the sector of a country they name ("the Israeli delegation")
SECTORS: dict[str, str] = {
    **dict.fromkeys(
        (
            "government regime leadership leaders officials authorities authority delegation "
            "administration cabinet ministry ministries parliament state"
        ).split(),
        "government",
    ),
    **dict.fromkeys("army military forces troops soldiers navy"
                    .split(), "military"),
    **dict.fromkeys(("police",), "police"),
    **dict.fromkeys("media press journalists reporters".split(), "media"),
    **dict.fromkeys(("opposition",), "opposition"),
    **dict.fromkeys("rebels insurgents militants fighters".split(), "rebels"),
    **dict.fromkeys("people citizens civilians public population".split(), "civilians"),
    **dict.fromkeys("companies firms industry business businesses".split(), "business"),
}
