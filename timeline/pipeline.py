"""The whole build: ingest → nlp → actors / time / events → link across articles → outputs."""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from .actors import link_actors
from .errors import NothingBuilt
from .events import chronological, merge_reports
from .extract import extract
from .ingest import read_inputs
from .nlp import load_model, parse
from .records import Build, Document, Event, Extraction, Outcome

log = logging.getLogger(__name__)

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "output"


def build(
    inputs: Sequence[str | Path] = (DEFAULT_INPUT,),
    *,
    out: str | Path | None = None,
    date: str | None = None,
    nlp: Language | None = None,
    progress: bool = False,
) -> Build:
    """Read the articles under ``inputs``, extract who did what to whom and when, and return the records.

    With ``out``, also write every output file there (see :func:`timeline.export.write_all`).
    ``date`` is the publication date (YYYY-MM-DD) for articles that carry none.
    Raises :class:`NothingBuilt` when no input gives a readable article.
    """
    started = time.perf_counter()
    outcomes: list[Outcome] = []
    documents: list[Document] = []
    for outcome, document in read_inputs(inputs, default_date=date):
        outcomes.append(outcome)
        if document is None:
            log.error("skipped %s: %s", outcome.source, outcome.reason)
        else:
            documents.append(document)
    read_s = time.perf_counter() - started
    if not documents:
        raise NothingBuilt(f"no readable article in {', '.join(map(str, inputs))}")
    nlp = nlp or load_model()
    loaded_s = time.perf_counter() - started
    pairs = ((d.text, d) for d in documents)
    parsed = parse(nlp, pairs)
    bar = tqdm(parsed, total=len(documents), unit="article", disable=not progress, file=sys.stderr)
    extractions = [extract(doc, document) for doc, document in bar]
    extracted_s = time.perf_counter() - started
    result = assemble(extractions, outcomes)
    timings = {
        "read_s": read_s,
        "load_model_s": loaded_s - read_s,
        "extract_s": extracted_s - loaded_s,
    }
    meta = nlp.meta
    model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    result = dataclasses.replace(result, model=model, timings=timings)
    if out is not None:
        from .export import write_all

        write_all(result, Path(out))
    return result


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
