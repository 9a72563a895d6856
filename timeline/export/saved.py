"""A saved build loaded back from its output folder, so it can be rendered again without re-parsing."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

from ..errors import InputError
from ..records import Build, Outcome
from .events_json import read_events_json
from .graphml import read_graphml

log = logging.getLogger(__name__)


def read_build(folder: str | Path) -> Build:
    """The build saved in ``folder``: from ``events.json`` (every record) or else ``graph.graphml``.

    ``run.json``, when present, gives back what the run read and skipped and the model it used.
    Raises :class:`timeline.errors.InputError` when the folder holds neither file.
    """
    folder = Path(folder)
    if (folder / "events.json").is_file():
        build = read_events_json(folder / "events.json")
    elif (folder / "graph.graphml").is_file():
        log.warning("%s: no events.json; loading graph.graphml (no mentions or time expressions)", folder)
        build = read_graphml(folder / "graph.graphml")
    else:
        raise InputError(str(folder), "no events.json or graph.graphml: not a build's output folder")
    run = folder / "run.json"
    if run.is_file():
        build = _with_run(build, run)
    return build


def _with_run(build: Build, path: Path) -> Build:
    """The build with the outcomes and model the run report recorded; unchanged if it cannot be read."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        outcomes = tuple(
            Outcome(
                source=str(i["source"]),
                status=str(i["status"]),
                reason=str(i.get("reason") or ""),
                doc=i.get("doc"),
                warnings=tuple(i.get("warnings") or ()),
            )
            for i in report["inputs"]
        )
        model = str(report.get("versions", {}).get("model") or "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        log.warning("%s: run report not used (%s)", path, err)
        return build
    return dataclasses.replace(build, outcomes=outcomes, model=model)
