"""The articles fanned out over worker processes, each parsing and extracting a batch
(:mod:`timeline.extract`) and sending back only the records, encoded as the cache stores them (never
the parsed ``Doc``), so the parent stores them without decoding.

Nothing here imports spaCy: a worker imports the extraction stages itself, and the parent only when it
parses too (alone, or to load the model once for every worker), so a build that finds every article in
its cache never loads spaCy.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import signal
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.pool import IMapIterator, Pool
from typing import TYPE_CHECKING, TypeVar

from .collector import frozen
from .records import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")


class Standby:
    """One worker process started before the work is known, that imports spaCy and loads the model
    while the parent reads the articles and looks them up in the cache: a rebuild that finds a few
    new articles (one batch at most) has them parsed by it without waiting for a model to load
    (see :func:`extracting`). Stopped when it is not taken, or by :meth:`stop`."""

    def __init__(self) -> None:
        with frozen():
            self._pool: Pool | None = multiprocessing.get_context("fork").Pool(1, initializer=_stand_by)

    def take(self) -> Pool | None:
        """The worker's pool, now the caller's to end; None once taken or stopped."""
        pool, self._pool = self._pool, None
        return pool

    def stop(self) -> None:
        pool = self.take()
        if pool is not None:
            pool.terminate()


@contextlib.contextmanager
def standing_by(start: bool) -> Iterator[Standby | None]:
    """A :class:`Standby` when ``start``, stopped on leaving if no one took it; else None."""
    if not start:
        yield None
        return
    standby = Standby()
    try:
        yield standby
    finally:
        standby.stop()


@contextlib.contextmanager
def extracting(
    documents: Sequence[Document],
    *,
    nlp: Language | None,
    jobs: int = 1,
    batch_size: int = 32,
    standby: Standby | None = None,
) -> Iterator[Iterator[bytes | Extraction]]:
    """Extract every article with ``jobs`` processes: the results, in input order, each as
    :func:`cache.encode` bytes (or, when it cannot be encoded, as the record itself).

    With ``jobs`` above 1 the work starts on entering, in worker processes, and goes on while the caller
    does something else (reads back what an earlier build stored) until it takes the results. For a
    long run the workers are forked after the model is loaded here, so they share its pages; when each
    worker has one batch at most (a few articles new since the last build), it loads the model itself,
    so that nothing waits for it. ``nlp``: the pipeline to use (None: :func:`load_model`'s, loaded
    only if there is something to parse). ``standby``: a worker already loading the model, which
    parses the articles when they are one batch at most (else it is stopped).
    """
    pool = standby.take() if standby is not None else None
    if pool is not None:
        with pool:  # ended on leaving, taken or not
            if documents and len(documents) <= batch_size:
                yield itertools.chain.from_iterable(_awaited(pool.imap(_worker, [tuple(documents)])))
                return
    if not documents:
        yield iter(())
        return
    if jobs <= 1:  # here, as the caller takes them
        from .extract import extract_encoded
        from .nlp import load_model

        yield extract_encoded(documents, nlp or load_model())
        return
    batches = list(tapering(documents, batch_size, jobs))
    workers = min(jobs, len(batches))
    if nlp is None and len(batches) > workers:  # a long run: loaded here once, shared by the forks
        from .nlp import load_model

        nlp = load_model()
    context = multiprocessing.get_context("fork")
    with frozen(), context.Pool(workers, initializer=_start_worker, initargs=(nlp,)) as pool:
        yield itertools.chain.from_iterable(_awaited(pool.imap(_worker, batches)))


#: Seconds the parent waits for the workers' next result at a time (see :func:`_awaited`).
WAIT = 0.2


def _awaited(results: IMapIterator[T]) -> Iterator[T]:
    """``results`` as they come, waited for :data:`WAIT` seconds at a time. The system hands Ctrl-C or
    SIGTERM to any thread of the process that has not blocked it, and when it is one of the pool's, an
    endless wait of this thread's is not interrupted: the build would go on until the next result
    came, or for good if none does. Between two waits, the signal's handler runs here."""
    while True:
        try:
            yield results.next(WAIT)
        except multiprocessing.TimeoutError:
            continue
        except StopIteration:
            return


# The model of a worker process, set once when the worker starts. Forked workers inherit the parent's
# loaded pipeline through the initializer's arguments, which a fork passes without pickling; given
# None, a worker loads its own with its first batch (an error there reaches the parent as the batch's).
_worker_nlp: list[Language | None] = []


def _start_worker(nlp: Language | None) -> None:
    # the parent handles Ctrl-C and SIGTERM and ends the pool; a worker just stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # and when the parent has gone (ended by a signal while a batch was parsed), a worker sending its
    # result ends there, quietly, rather than printing the broken pipe after the parent's last word
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _worker_nlp.append(nlp)


def _stand_by() -> None:
    _start_worker(None)
    from .nlp import load_model

    with contextlib.suppress(Exception):  # an error here is raised again, as the first batch's
        load_model()


def _worker(documents: tuple[Document, ...]) -> list[bytes | Extraction]:
    from .extract import extract_encoded
    from .nlp import load_model

    return list(extract_encoded(documents, _worker_nlp[0] or load_model()))


def tapering(items: Sequence[T], size: int, jobs: int) -> Iterator[tuple[T, ...]]:
    """``items`` in batches of ``size``, smaller towards the end (each at most a ``2 * jobs``-th of
    what is left), so that the workers finish together instead of one parsing a last full batch
    while the others wait."""
    start = 0
    while start < len(items):
        step = max(1, min(size, (len(items) - start) // (2 * jobs)))
        yield tuple(items[start : start + step])
        start += step


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """``items`` in tuples of ``size`` (the last one shorter); itertools.batched once Python 3.12 is the floor."""
    iterator = iter(items)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch
