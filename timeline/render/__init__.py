"""The pictures: an interactive timeline and an actor network built from a build's records.

``timeline_view`` and ``network_view`` turn records into plotly figures (pure, testable on their
data); ``page`` is the one place HTML is written.
"""

from __future__ import annotations

from .network_view import network_figure
from .page import page
from .timeline_view import timeline_figure

__all__ = ["network_figure", "page", "timeline_figure"]
