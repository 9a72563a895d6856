"""The whole build: ingest → nlp → actors / time / events → link across articles → outputs."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .actors.link import Linking
from .cache import Cache, opened, pipeline_version
from .collector import frozen, paused, set_aside
from .errors import NothingBuilt
from .events import chronological, merge_reports
from .files import check_folder, locked
from .ingest import read_inputs
from .model import MODEL, model_name
from .piece_keys import stored_digest
from .pieces import folder_for
from .records import Build, Document, Event, Extraction, Outcome, Timex, event_id
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
#: Characters of article text beyond which the records read back are shared (:mod:`timeline.sharing`):
#: sharing nearly halves their memory, but costs 0.65 s of CPU for the bench corpus's 51,000 events,
#: which hold little memory either way. The bound is about 100,000 events (the bench corpus gives 26
#: per 1,000 characters), the scale of the bounds above.
SHARE_TEXT = 4_000_000


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
        # what the pieces' keys of the outputs are made from (see timeline.piece_keys): the digest of
        # each article's stored bytes, by document id
        digests: dict[str, bytes] | None = {} if out is not None and cache is not None else None
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
                digests=digests,
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
                    digests=digests,
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
    digests: dict[str, bytes] | None = None,
) -> Build:
    """Every article's extraction, from the store or parsed now, linked into the build's records.

    ``meanwhile`` is called once what earlier builds stored is read back, while the workers parse.
    ``standby``: a worker loading the model since the build started (see :func:`extracting`).
    ``digests``: where to note the digest of each article's stored bytes (:func:`stored_digest`).
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
        sharing = Sharing() if sum(len(d.text) for d in documents) > SHARE_TEXT else None
        found: dict[int, Extraction] = {}  # each article's extraction by its place
        parsed_again: list[Document] = []
        linking = Linking()
        ahead: list[list[Event]] = []  # the events of the articles linked ahead, if they are
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
                found.update(
                    _read_back(store, {}, sharing, documents, keys, done, nlp, parsed_again, digests)
                )
                # the entities of the articles before the first new one grouped meanwhile (in story order)
                for n in range(todo[0] if todo else len(documents)):
                    linking.add(found[n].document.id, found[n].entities)
                if meanwhile is not None:
                    meanwhile()
                # and linked, so that only what the new ones change is left (not for a big build, see
                # LINK_AHEAD_EVENTS)
                first = [found[n] for n in range(linking.articles)]
                if todo and first and sum(len(x.events) for x in first) <= LINK_AHEAD_EVENTS:
                    # their events too: those whose actors the new articles leave as they are are kept
                    ahead = list(linked_articles(first, linking.prepare()[1]))
                set_aside()
            clock.lap("read_back")
            rows = zip((keys[n] for n in todo), _shown(fresh, len(todo)) if progress else fresh, strict=True)
            held: dict[str, Extraction] = {}  # the few the store cannot take (see cache.encode)
            for batch in batched(rows, CACHE_BATCH):  # stored in batches as they come: memory stays flat
                store.put((key, value) for key, value in batch if isinstance(value, bytes))
                held.update((key, value) for key, value in batch if not isinstance(value, bytes))
        clock.lap("extract")
        with paused():
            found.update(_read_back(store, held, sharing, documents, keys, todo, nlp, parsed_again, digests))
            # taken out as assemble goes: each extraction's records are let go once replaced
            result = assemble(
                (found.pop(n) for n in range(len(documents))), outcomes, linking=linking, ahead=ahead
            )
            set_aside()
    clock.lap("link")
    cached = len(documents) - len(todo) - len(parsed_again)
    return dataclasses.replace(result, model=model, timings=clock.laps, cached=cached)


def _shown(results: Iterator[bytes | Extraction], total: int) -> Iterator[bytes | Extraction]:
    """``results`` with a progress bar on stderr (articles per second, time left); tqdm is imported
    only then, which a build with no bar to show is spared (0.05 s before its worker starts)."""
    from tqdm import tqdm

    return iter(tqdm(results, total=total, unit="article", file=sys.stderr))


def _load_writers() -> None:
    """Import the writers and what they draw with (plotly, networkx): done while the workers
    parse, it is not waited for once the records are made."""
    importlib.import_module(".export", __package__)


def _read_back(
    store: Cache,
    held: dict[str, Extraction],
    sharing: Sharing | None,
    documents: Sequence[Document],
    keys: Sequence[str],
    places: Sequence[int],
    nlp: Language | None,
    parsed_again: list[Document],
    digests: dict[str, bytes] | None = None,
) -> Iterator[tuple[int, Extraction]]:
    """``(place, extraction)`` of the articles at ``places``, from the store (or ``held``), with their
    values shared by ``sharing`` when there is one (see :mod:`timeline.sharing`); one whose entry
    cannot be trusted is parsed again. The digest of the bytes of each one read from the store goes
    into ``digests`` (when given), by document id."""
    for n, value in zip(places, store.values([keys[n] for n in places]), strict=True):
        document = documents[n]
        found = held.get(keys[n]) or (None if value is None else store.trusted(value, document))
        if digests is not None and found is not None and keys[n] not in held and isinstance(value, bytes):
            digests[document.id] = stored_digest(value)
        if found is None:
            from .extract import extract_batch
            from .nlp import load_model

            parsed_again.append(document)
            found = next(extract_batch([document], nlp or load_model()))
        yield n, found if sharing is None else sharing.extraction(found)


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
    extractions: Iterable[Extraction],
    outcomes: Iterable[Outcome],
    *,
    linking: Linking | None = None,
    ahead: Sequence[list[Event]] = (),
) -> Build:
    """The cross-article step: one actor per real-world entity, build-wide ids (``e1``... in story
    order), reports of one event grouped, events in time order (undated ones last, in story order).

    Each extraction is taken apart as it comes (``extractions`` may be a stream): only its document,
    time expressions, events and entities are kept, and its events are replaced by their build-wide
    form once linked, so the article-local records are never all held beside the final ones.
    ``linking`` may hold the entities of the first ``linking.articles`` extractions already, linked
    or not (see :class:`Linking`); the rest are added here. ``ahead``: the events of the first
    extractions as :func:`linked_articles` gave them when ``linking`` was prepared; those of an article
    whose entities the later ones did not move to other actors are taken as they are.
    """
    if linking is None:
        linking = Linking()
    grouped = linking.articles
    documents: list[Document] = []
    timexes: list[Timex] = []
    local: list[tuple[Event, ...]] = []  # each article's events, as extracted
    for n, x in enumerate(extractions):
        documents.append(x.document)
        timexes.extend(x.timexes)
        local.append(x.events)
        if n >= grouped:
            linking.add(x.document.id, x.entities)
    actors, actor_of = linking.actors()
    events: list[Event] = []
    for n, document in enumerate(documents):
        if n < len(ahead) and document.id not in linking.moved:
            events.extend(ahead[n])
        else:
            events.extend(_linked(local[n], document.id, len(events) + 1, actor_of))
        local[n] = ()
    return Build(
        documents=tuple(documents),
        actors=tuple(actors),  # sorted by id
        timexes=tuple(timexes),
        # one event told by several articles shares its sources; events in time order, then story order
        events=chronological(merge_reports(events)),
        outcomes=tuple(outcomes),
    )


def linked_articles(
    extractions: Sequence[Extraction], actor_of: Mapping[tuple[str, str], str]
) -> Iterator[list[Event]]:
    """The events of the first articles of a build, as :func:`assemble` makes them with the actors
    ``actor_of`` (of each ``(document id, entity key)``)."""
    first = 1
    for x in extractions:
        yield _linked(x.events, x.document.id, first, actor_of)
        first += len(x.events)


def _linked(
    events: Sequence[Event], doc_id: str, first: int, actor_of: Mapping[tuple[str, str], str]
) -> list[Event]:
    """An article's events with build-wide ids from ``e<first>`` and their actors' build-wide ids."""
    linked = []
    for number, event in enumerate(events, first):
        participants = event.participants
        if participants:  # else the empty tuple as it is
            participants = tuple([p.linked(actor_of[(doc_id, p.actor)]) for p in participants])
        linked.append(event.linked(event_id(number), participants))
    return linked
