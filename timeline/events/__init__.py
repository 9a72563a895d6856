"""Events: what happened, to whom, of what kind, and whether it really happened.

Per article, :func:`.find.find_events` finds event mentions (verbal and nominal triggers,
:mod:`.triggers`), their participants among the actor mentions (:mod:`.participants`), their
modality (:mod:`.modality`) and their CAMEO / PLOVER code (:mod:`.coding`). Dates are placed later,
by :mod:`timeline.dating`. Across articles, :mod:`.merge` joins reports of the same event, and
:mod:`.query` gives one actor's timeline. Only the per-article modules need spaCy: the package
itself does not import them, so a build that parses nothing never loads spaCy.
"""

from __future__ import annotations

from .merge import merge_reports
from .query import actor_timeline, chronological, find_actor_ids

__all__ = ["actor_timeline", "chronological", "find_actor_ids", "merge_reports"]
