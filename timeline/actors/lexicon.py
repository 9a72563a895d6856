"""Word lists the actor stage reasons with: pronoun features, description heads, titles, sectors.

These are closed-class or generic English words (not names from any corpus): they say what kind of
thing a pronoun or a description can refer back to, and which words in a name are a title or a
company designator rather than part of the name.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Kinds of actor a pronoun or a description can refer back to.
PERSON, ORG, PLACE, PRODUCT = "PERSON", "ORG", "PLACE", "PRODUCT"
#: what a name can look like besides (``clusters.looks_like``): an event
EVENT = "EVENT"

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
    PRODUCT: frozenset({"PRODUCT", "ORG", "WORK_OF_ART", "NORP"}),  # the small model calls "iTunes" NORP
}

#: the spaCy label an actor gets when descriptions of one kind are all that name it
KIND_TO_LABEL = {PERSON: "PERSON", ORG: "ORG", PLACE: "GPE", PRODUCT: "PRODUCT"}

# personal pronoun -> (kinds it can refer to, plural)
PRONOUNS: dict[str, tuple[frozenset[str], bool]] = {
    **dict.fromkeys(_words("he him his himself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(_words("she her hers herself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(_words("i me my mine myself"), (frozenset({PERSON}), False)),
    **dict.fromkeys(_words("it its itself"), (frozenset({ORG, PLACE, PRODUCT}), False)),
    # organisations are "they" as often as "it" in news English
    **dict.fromkeys(_words("they them their theirs themselves"), (frozenset({ORG, PERSON}), True)),
    **dict.fromkeys(_words("we us our ours ourselves"), (frozenset({ORG}), True)),
}
#: relative pronouns: they refer to the noun their clause hangs on
RELATIVE_PRONOUNS = frozenset(_words("which who whom whose that"))

#: head noun of a description -> the kind of actor it describes
HEAD_KINDS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "company firm corporation group giant maker manufacturer retailer vendor carrier "
            "operator label studio publisher bank agency organisation organization movement party "
            "union association institution network chain startup conglomerate government ministry "
            "administration regime authority court commission council committee delegation team "
            "club university school newspaper channel broadcaster blog outlet media press"
        ),
        ORG,
    ),
    **dict.fromkeys(
        _words(
            "man woman person people owner buyer attendee fan investor shareholder resident worker student "
            "voter staff spokesman spokeswoman spokesperson official executive chief "
            "president minister leader founder co-founder chairman chairwoman director manager "
            "analyst head boss ceo cfo coo cto secretary ambassador envoy diplomat mediator "
            "negotiator judge lawyer attorney prosecutor general commander officer senator "
            "governor mayor king queen prince premier chancellor member employee engineer "
            "designer developer researcher scientist reporter journalist editor critic author "
            "writer singer musician actor user customer consumer prisoner victim soldier"
        ),
        PERSON,
    ),
    **dict.fromkeys(
        _words("country nation state city town capital region province territory village area"),
        PLACE,
    ),
    **dict.fromkeys(
        _words(
            "player device phone handset smartphone computer laptop notebook desktop tablet "
            "product model version software system program programme application app service "
            "store platform browser console gadget machine line edition kit suite "
            "tool"
        ),
        PRODUCT,
    ),
}

#: head nouns of a group of products ("the Zen line", "a new lineup of laptops"): the group is not
#: the one product named inside it
PRODUCT_GROUPS = frozenset(_words("collection family generation line lineup range series"))

#: verbs that report speech: the "I" or "we" of what they quote is their subject
SPEECH_VERBS = frozenset(
    _words(
        "add admit announce argue ask claim comment conclude declare explain insist note reply say state "
        "tell warn write"
    )
)

#: last words of the names of events ("Worldwide Developers Conference"): no firm, whatever the
#: model labels them
EVENT_NOUNS = frozenset(
    _words("conference convention summit expo exhibition festival fair forum keynote show games cup")
)

#: determiners that make a description definite: it refers back to something already named
DEFINITE = frozenset(_words("that the these this those"))

#: nouns for time spans and units: never actors even when no date entity covers them
TIME_NOUNS = frozenset(
    _words(
        "century day days decade decades evening hour hours minute minutes month months morning "
        "night period quarter season second seconds time today tomorrow week weeks year years "
        "yesterday"
    )
)

#: words before a person's name that are a title or a role, not part of the name
TITLES = frozenset(
    _words(
        "acting admiral ambassador ayatollah brother capt captain ceo cfo chair chairman "
        "chairwoman chancellor chief co-founder col colonel congressman congresswoman coo cto "
        "dame defence defense deputy director dr emperor envoy executive father finance foreign "
        "former founder gen general gov governor imam interior judge justice king lady late "
        "leader lieutenant lord lt major mayor minister miss mr mrs ms officer opposition pope "
        "premier president prime prince princess prof professor queen rabbi rep representative "
        "rev secretary sen senator sergeant sgt sheikh sir sister spokesman spokesperson "
        "spokeswoman vice"
    )
)

#: legal-form suffixes: "Apple Inc." and "Apple" are one name
LEGAL_SUFFIXES = frozenset(_words("ag bv co corp gmbh inc incorporated limited llc llp lp ltd nv plc pty sa"))
#: words that end a company's name but may be left out: "Apple Computer" … "Apple", "NPD Group" … "NPD"
DESIGNATORS = frozenset(
    _words(
        "airlines associates communications companies company computer computers corporation "
        "electronics enterprises entertainment global group holding holdings incorporated "
        "industries international laboratories labs motors networks partners records system "
        "systems technologies technology worldwide"
    )
)

#: collective head nouns -> the sector of a country they name ("the Israeli delegation")
SECTORS: dict[str, str] = {
    **dict.fromkeys(_words("companies firms industry business businesses"), "business"),
    **dict.fromkeys(_words("people citizens civilians public population"), "civilians"),
    **dict.fromkeys(
        _words(
            "government regime leadership leaders officials authorities authority delegation "
            "administration cabinet ministry ministries parliament state"
        ),
        "government",
    ),
    **dict.fromkeys(_words("media press journalists reporters"), "media"),
    **dict.fromkeys(_words("army military forces troops soldiers navy"), "military"),
    **dict.fromkeys(_words("opposition"), "opposition"),
    **dict.fromkeys(_words("police"), "police"),
    **dict.fromkeys(_words("rebels insurgents militants fighters"), "rebels"),
}

MALE, FEMALE = "male", "female"
#: titles and role nouns that say a person's gender
GENDERED: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "mr sir lord king prince emperor father brother sheikh spokesman chairman congressman "
            "man businessman"
        ),
        MALE,
    ),
    **dict.fromkeys(
        _words(
            "mrs ms miss lady dame queen princess empress mother sister spokeswoman chairwoman "
            "congresswoman woman businesswoman"
        ),
        FEMALE,
    ),
}
