"""The whole build: ingest → nlp → actors / time / events → link across articles → outputs."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from .actors import link_actors
from .cache import Cache, pipeline_version
from .dask_engine import extract_on_dask
from .errors import NothingBuilt
from .events import chronological, merge_reports
from .extract import extract_all
from .files import check_folder, locked
from .ingest import read_inputs
from .nlp import MODEL, load_model
from .records import Build, Document, Event, Extraction, Outcome

log = logging.getLogger(__name__)

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "output"
CACHE_BATCH = 64  # extractions written to the cache per transaction


def build(
    inputs: Sequence[str | Path] = (DEFAULT_INPUT,),
    *,
    out: str | Path | None = None,
    date: str | None = None,
    nlp: Language | None = None,
    jobs: int = 1,
    cache: str | Path | None = None,
    scheduler: str | None = None,
    progress: bool = False,
) -> Build:
    """Read the articles under ``inputs``, extract who did what to whom and when, and return the records.

    With ``out``, also write every output file there (see :func:`timeline.export.write_all`).
    ``date`` is the publication date (YYYY-MM-DD) for articles that carry none. ``jobs`` is the number
    of processes that parse articles; ``cache`` the SQLite file that keeps per-article results between
    builds (None: no cache). With ``scheduler`` (a Dask scheduler address), the per-article stage runs
    on that Dask cluster instead of local processes. Raises :class:`NothingBuilt` when no input gives a readable article.
    """
    clock = Clock()
    if out is not None:
        check_folder(Path(out))
    outcomes: list[Outcome] = []
    documents: list[Document] = []
    for outcome, document in read_inputs(inputs, default_date=date):
        outcomes.append(outcome)
        if document is None:
            log.error("skipped %s: %s", outcome.source, outcome.reason)
        else:
            documents.append(document)
    clock.lap("read")
    if not documents:
        raise NothingBuilt(f"no readable article in {', '.join(map(str, inputs))}")
    with locked(Path(out)) if out is not None else contextlib.nullcontext():
        return _build(
            documents,
            outcomes,
            clock,
            out=out,
            nlp=nlp,
            jobs=jobs,
            cache=cache,
            scheduler=scheduler,
            progress=progress,
        )


def _build(
    documents: list[Document],
    outcomes: list[Outcome],
    clock: Clock,
    *,
    out: str | Path | None,
    nlp: Language | None,
    jobs: int,
    cache: str | Path | None,
    scheduler: str | None,
    progress: bool,
) -> Build:
    nlp = nlp or load_model()
    meta = nlp.meta
    model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    clock.lap("load_model")
    store = Cache(Path(cache), pipeline_version(model)) if cache is not None else None
    try:
        found = {d.id: x for d in documents if store and (x := store.get(d))}
        todo = [d for d in documents if d.id not in found]
        if scheduler is not None:
            fresh = extract_on_dask(todo, scheduler=scheduler, model=MODEL)
        else:
            fresh = extract_all(todo, nlp=nlp, jobs=jobs)
        bar = tqdm(fresh, total=len(todo), unit="article", disable=not progress, file=sys.stderr)
        unsaved: list[Extraction] = []
        for extraction in bar:
            found[extraction.document.id] = extraction
            if store:
                unsaved.append(extraction)
                if len(unsaved) >= CACHE_BATCH:  # in batches: memory stays flat
                    store.put(unsaved)
                    unsaved = []
        if store and unsaved:
            store.put(unsaved)
    finally:
        if store:
            store.close()
    clock.lap("extract")
    # popped: once assembled, the per-article records are let go before the outputs are written
    result = assemble([found.pop(d.id) for d in documents], outcomes)
    clock.lap("link")
    result = dataclasses.replace(result, model=model, timings=clock.laps, cached=len(documents) - len(todo))
    if out is not None:
        from .export import write_all

        write_all(result, Path(out))
    return result


class Clock:
    """Seconds spent in each stage of a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[f"{stage}_s"] = now - self._last
        self._last = now


def assemble(extractions: Iterable[Extraction], outcomes: Iterable[Outcome]) -> Build:
    """The cross-article step: one actor per real-world entity, build-wide ids (``e1``... in story
    order), reports of one event grouped, events in time order (undated ones last, in story order)."""
    extractions = list(extractions)
    actors, actor_of = link_actors(extractions)
    events: list[Event] = []
    for extraction in extractions:
        doc_id = extraction.document.id
        for event in extraction.events:
            participants = tuple(
                dataclasses.replace(p, actor=actor_of[(doc_id, p.actor)]) for p in event.participants
            )
            events.append(dataclasses.replace(event, id=f"e{len(events) + 1}", participants=participants))
    return Build(
        documents=tuple(x.document for x in extractions),
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        timexes=tuple(t for x in extractions for t in x.timexes),
        # one event told by several articles shares its sources; events in time order, then story order
        events=chronological(merge_reports(events)),
        outcomes=tuple(outcomes),
    )
