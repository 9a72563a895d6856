"""``run.json``: what the build read, what it skipped and why, counts, versions and timings."""

from __future__ import annotations

import json
import sys
from importlib import metadata

from ..records import Build, is_actor

PACKAGES = ("timeline", "spacy", "dateparser", "networkx", "plotly")


def run_json(build: Build) -> str:
    """The run report. Only ``cache`` and ``timings`` differ between two builds of the same input."""
    read = [o for o in build.outcomes if o.status == "read"]
    skipped = [o for o in build.outcomes if o.status != "read"]
    report = {
        "inputs": [
            {
                "source": o.source,
                "status": o.status,
                "reason": o.reason or None,
                "doc": o.doc,
                "warnings": list(o.warnings),
            }
            for o in build.outcomes
        ],
        "counts": {
            "inputs": len(build.outcomes),
            "read": len(read),
            "skipped": len(skipped),
            "documents": len(build.documents),
            "actors": sum(map(is_actor, build.actors)),
            "mentions": sum(len(a.mentions) for a in build.actors),
            "timexes": len(build.timexes),
            "events": len(build.events),
            "dated_events": sum(e.time.value is not None for e in build.events),
        },
        "versions": {"python": sys.version.split()[0], **_versions(), "model": build.model},
        "cache": {"reused": build.cached},
        "timings": {k: round(v, 3) for k, v in build.timings.items()},
    }
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


def _versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found
