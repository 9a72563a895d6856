"""Actors: who takes part. Finds the actors of an article with every mention of them, and links
actors across articles.

``find`` finds one article's actors: ``mentions`` finds candidate mentions (names, pronouns,
demonyms; ``phrases`` those in noun phrases: descriptions, titles, missed names), ``resolve`` groups
them within an article (``clusters`` holds the groups, ``descriptions`` places descriptions by their
noun and salience, ``pronouns`` places pronouns by salience and the parse, ``gender`` tells he from
she), ``entities`` turns the groups into ``Entity`` records (a thing talked about, "the price", is an
entity of kind ``THING``: no actor), ``groups`` adds coordinations ("Apple and AT&T", kind
``GROUP``). ``link`` merges entities across articles into build-wide ``Actor`` records. ``names`` and
``gazetteer`` know how names and countries are written; ``lexicon`` holds the word lists. Only the
per-article modules need spaCy: the package itself imports none of them.
"""

from __future__ import annotations

from .lexicon import ACTOR_LABELS
from .link import actor_id_for, link_actors

__all__ = ["ACTOR_LABELS", "actor_id_for", "link_actors"]
