"""Writing a build's outputs in several processes: after the cross-article step one core would idle.

The outputs are written the costliest first (:func:`in_order`) by this process and others forked from
it (:func:`write_shared`), which inherit the build's records instead of receiving a copy: each takes
the next output no process has taken. Every process writes whole files into the same staging folder,
so the files are the same whichever process writes them.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection

from ..collector import frozen
from ..errors import OutputError

#: Seconds each output took to write for the 982-article benchmark (51,000 events) in one process,
#: the pages together (they make their figures once for all three): they set the order in which the
#: outputs are taken.
COST: Mapping[str, float] = {
    "pages": 1.8,
    "graph.graphml": 1.8,
    "events.csv": 1.1,
    "events.json": 0.7,
    "actors.graphml": 0.27,
    "timelinejs.json": 0.26,
    "actors.csv": 0.16,
    "run.json": 0.07,
}


#: What the outputs that keep pieces cost when the last build's are found (see :mod:`timeline.pieces`),
#: on the scale of :data:`COST`: measured in a rebuild of the same benchmark.
COST_FOUND: Mapping[str, float] = {
    "pages": 1.3,
    "graph.graphml": 1.25,
    "events.csv": 0.4,
    "events.json": 0.6,
    "timelinejs.json": 0.15,
}


def in_order(
    names: Sequence[str], *, together: Sequence[str] = (), costs: Mapping[str, float] = COST
) -> list[list[str]]:
    """``names`` as units of work, the costliest first: each output alone, but the outputs in
    ``together`` (pages sharing their figures) one unit, in the order of ``names``."""
    units: dict[str, list[str]] = {}
    for name in names:
        units.setdefault("pages" if name in together else name, []).append(name)
    return [units[unit] for unit in sorted(units, key=lambda u: -costs.get(u, 0.1))]


def write_shared(write: Callable[[list[str]], None], units: Sequence[list[str]], jobs: int) -> None:
    """``write(unit)`` for every unit, by ``jobs`` processes at once: this one and others forked from
    it. Each process takes the next unit that no process has taken, in order: the costliest go first
    and the small ones fill in at the end, so the processes end about together, whatever each output
    costs on the machine of the day (beside another writer, one slows down more than another).

    An error in a forked writer is raised here once every writer has ended (the first one's, in fork
    order); when this process fails or is interrupted, the forked writers are stopped.
    """
    workers = max(1, min(jobs, len(units)))
    if workers == 1:
        for unit in units:
            write(unit)
        return
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # how many units the processes have taken, shared by them

    def take_and_write() -> None:
        while True:
            with taken.get_lock():
                n = taken.value
                taken.value = n + 1
            if n >= len(units):
                return
            write(units[n])

    everything = ", ".join(name for unit in units for name in unit)
    # the children only read the records they inherit: see timeline.collector
    with frozen():
        children: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
        try:
            for _ in range(workers - 1):
                receive, send = context.Pipe(duplex=False)
                child: multiprocessing.process.BaseProcess = context.Process(
                    target=_child, args=(take_and_write, everything, send), daemon=True
                )
                child.start()
                send.close()
                children.append((child, receive))
            take_and_write()
            problems = [_outcome(child, receive, everything) for child, receive in children]
            for problem in problems:
                if problem is not None:
                    raise problem
        finally:
            for child, receive in children:
                if child.is_alive():
                    child.terminate()
                child.join()
                receive.close()


def _child(work: Callable[[], None], names: str, send: Connection) -> None:
    try:
        work()
    except BaseException as err:  # every failure, Ctrl-C included, goes to the parent
        send.send_bytes(_pickled(err, names))
    else:
        send.send_bytes(pickle.dumps(None))
    finally:
        send.close()


def _pickled(err: BaseException, names: str) -> bytes:
    try:
        payload = pickle.dumps(err)
        pickle.loads(payload)  # an exception whose arguments do not round-trip is sent as text
    except Exception:  # whatever pickling raises, the message still gets through
        return pickle.dumps(OutputError(names, f"{type(err).__name__}: {err}"))
    return payload


def _outcome(
    child: multiprocessing.process.BaseProcess, receive: Connection, names: str
) -> BaseException | None:
    """The error a forked writer sent, None when it wrote its group; waits for it to end."""
    try:
        found: BaseException | None = pickle.loads(receive.recv_bytes())
    except EOFError:  # it ended without a word: killed
        child.join()
        return OutputError(names, f"a process writing them ended with code {child.exitcode}")
    child.join()
    return found
