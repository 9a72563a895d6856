"""The whole build: ingest → nlp → actors / time / events → link across articles → outputs."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from .actors.link import Linking
from .cache import Cache, opened, pipeline_version
from .collector import frozen, paused, set_aside
from .errors import NothingBuilt
from .events import chronological, merge_reports
from .files import check_folder, locked
from .ingest import read_inputs
from .model import MODEL, model_name
from .pieces import folder_for
from .records import Build, Document, Event, Extraction, Outcome, Timex
from .sharing import Sharing
from .workers import Standby, batched, extracting, standing_by

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "output"
CACHE_BATCH = 64  # extractions written to the cache per transaction
#: Events of the stored articles beyond which a rebuild does not link them while the new ones are
#: parsed: linked ahead, the linking's state is held beside every stored article's records, which
#: for the 10x benchmark corpus (515,000 events) raised a rebuild's peak memory from 1.25 GB to 1.97 GB.
#: The same bound as the writers' (``timeline.export.SHARED_WRITE_EVENTS``), above which the records
#: are written by one process; not imported from there, as this module does not load the writers.
LINK_AHEAD_EVENTS = 100_000


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
    of processes that parse articles and then write the outputs; ``cache`` the SQLite file that keeps
    per-article results between builds (None: no cache). With ``scheduler`` (a Dask scheduler
    address), the per-article stage runs on that Dask cluster instead of local processes. Raises
    :class:`NothingBuilt` when no input gives a readable article.
    """
    clock = Clock()
    if out is not None:
        check_folder(Path(out))
    # A rebuild (the cache is there) most often finds a few new articles: a worker starts loading the
    # model now, while the articles are read and looked up, and parses them if they are few.
    rebuild = cache is not None and Path(cache).is_file()
    with standing_by(rebuild and nlp is None and jobs > 1 and scheduler is None) as standby:
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
        # The records are made with the collector paused, then set aside until the build ends (see
        # timeline.collector): no collection walks them, neither while the outputs are written nor when
        # the collector resumes in between (0.1 s for the bench corpus's 51,000 events, 1 s for ten times
        # it).
        with locked(Path(out)) if out is not None else contextlib.nullcontext(), frozen():
            result = _records(
                documents,
                outcomes,
                clock,
                nlp=nlp,
                jobs=jobs,
                cache=cache,
                scheduler=scheduler,
                progress=progress,
                meanwhile=None if out is None else _load_writers,
                standby=standby,
            )
        if out is not None:
            from .export import write_all

            # written by ``jobs`` processes forked from this one; not beside a Dask client, whose threads a
            # fork would copy in the middle of whatever they are doing
            with paused():
                write_all(
                    result,
                    Path(out),
                    jobs=jobs if scheduler is None else 1,
                    pieces=None if cache is None else folder_for(Path(cache)),
                )
    return result


def _records(
    documents: list[Document],
    outcomes: list[Outcome],
    clock: Clock,
    *,
    nlp: Language | None,
    jobs: int,
    cache: str | Path | None,
    scheduler: str | None,
    progress: bool,
    meanwhile: Callable[[], None] | None = None,
    standby: Standby | None = None,
) -> Build:
    """Every article's extraction, from the store or parsed now, linked into the build's records.

    ``meanwhile`` is called once what earlier builds stored is read back, while the workers parse.
    ``standby``: a worker loading the model since the build started (see :func:`extracting`).
    """
    model = model_name(nlp)
    # Records wait in the store (the cache, or a temporary one) while the workers parse: the parent does
    # not hold them beside the model and the workers, and stores what they send without decoding it.
    with opened(Path(cache) if cache is not None else None, pipeline_version(model)) as store:
        keys = [store.key(d) for d in documents]
        stored = store.present(keys)
        done = [n for n, key in enumerate(keys) if key in stored]
        todo = [n for n, key in enumerate(keys) if key not in stored]
        pending = [documents[n] for n in todo]
        sharing = Sharing()
        found: dict[int, Extraction] = {}  # each article's extraction by its place, its values shared
        parsed_again: list[Document] = []
        linking = Linking()
        if scheduler is not None:
            from .dask_engine import extract_on_dask

            work: contextlib.AbstractContextManager[Iterator[bytes | Extraction]] = contextlib.nullcontext(
                extract_on_dask(pending, scheduler=scheduler, model=MODEL)
            )
        else:
            work = extracting(pending, nlp=nlp, jobs=jobs, standby=standby)
        with work as fresh:
            clock.lap("start")
            # what earlier builds stored is read back while the workers parse the rest
            with paused():
                found.update(_read_back(store, {}, sharing, documents, keys, done, nlp, parsed_again))
                # the entities of the articles before the first new one grouped meanwhile (in story order)
                for n in range(todo[0] if todo else len(documents)):
                    linking.add(found[n].document.id, found[n].entities)
                if meanwhile is not None:
                    meanwhile()
                # and linked, so that only what the new ones change is left (not for a big build, see
                # LINK_AHEAD_EVENTS)
                ahead = sum(len(found[n].events) for n in range(linking.articles))
                if todo and linking.articles and ahead <= LINK_AHEAD_EVENTS:
                    linking.prepare()
                set_aside()
            clock.lap("read_back")
            bar = tqdm(fresh, total=len(todo), unit="article", disable=not progress, file=sys.stderr)
            rows = zip((keys[n] for n in todo), bar, strict=True)
            held: dict[str, Extraction] = {}  # the few the store cannot take (see cache.encode)
            for batch in batched(rows, CACHE_BATCH):  # stored in batches as they come: memory stays flat
                store.put((key, value) for key, value in batch if isinstance(value, bytes))
                held.update((key, value) for key, value in batch if not isinstance(value, bytes))
        clock.lap("extract")
        with paused():
            found.update(_read_back(store, held, sharing, documents, keys, todo, nlp, parsed_again))
            # taken out as assemble goes: each extraction's records are let go once replaced
            result = assemble((found.pop(n) for n in range(len(documents))), outcomes, linking=linking)
            set_aside()
    clock.lap("link")
    cached = len(documents) - len(todo) - len(parsed_again)
    return dataclasses.replace(result, model=model, timings=clock.laps, cached=cached)


def _load_writers() -> None:
    """Import the writers and what they draw with (plotly, networkx): done while the workers
    parse, it is not waited for once the records are made."""
    importlib.import_module(".export", __package__)


def _read_back(
    store: Cache,
    held: dict[str, Extraction],
    sharing: Sharing,
    documents: Sequence[Document],
    keys: Sequence[str],
    places: Sequence[int],
    nlp: Language | None,
    parsed_again: list[Document],
) -> Iterator[tuple[int, Extraction]]:
    """``(place, extraction)`` of the articles at ``places``, from the store (or ``held``), with their
    values shared (see :mod:`timeline.sharing`); one whose entry cannot be trusted is parsed again."""
    for n, value in zip(places, store.values([keys[n] for n in places]), strict=True):
        document = documents[n]
        found = held.get(keys[n]) or (None if value is None else store.trusted(value, document))
        if found is None:
            from .extract import extract_batch
            from .nlp import load_model

            parsed_again.append(document)
            found = next(extract_batch([document], nlp or load_model()))
        yield n, sharing.extraction(found)


class Clock:
    """Seconds spent in each stage of a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[f"{stage}_s"] = now - self._last
        self._last = now


def assemble(
    extractions: Iterable[Extraction], outcomes: Iterable[Outcome], *, linking: Linking | None = None
) -> Build:
    """The cross-article step: one actor per real-world entity, build-wide ids (``e1``... in story
    order), reports of one event grouped, events in time order (undated ones last, in story order).

    Each extraction is taken apart as it comes (``extractions`` may be a stream): only its document,
    time expressions, events and entities are kept, and each event is replaced by its build-wide form
    in place, so the article-local records are never all held beside the final ones. ``linking``
    may hold the entities of the first ``linking.articles`` extractions already; the rest are added here.
    """
    if linking is None:
        linking = Linking()
    grouped = linking.articles
    documents: list[Document] = []
    timexes: list[Timex] = []
    events: list[Event] = []
    owners: list[str] = []  # the document of each event
    for n, x in enumerate(extractions):
        documents.append(x.document)
        timexes.extend(x.timexes)
        events.extend(x.events)
        owners.extend([x.document.id] * len(x.events))
        if n >= grouped:
            linking.add(x.document.id, x.entities)
    actors, actor_of = linking.actors()
    for index, (event, doc_id) in enumerate(zip(events, owners, strict=True)):
        participants = event.participants
        if participants:  # else the empty tuple as it is
            participants = tuple([p.linked(actor_of[(doc_id, p.actor)]) for p in participants])
        events[index] = event.linked(f"e{index + 1}", participants)
    return Build(
        documents=tuple(documents),
        actors=tuple(actors),  # sorted by id
        timexes=tuple(timexes),
        # one event told by several articles shares its sources; events in time order, then story order
        events=chronological(merge_reports(events)),
        outcomes=tuple(outcomes),
    )
