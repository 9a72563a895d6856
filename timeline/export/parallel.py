"""Writing a build's outputs in several processes: after the cross-article step one core would idle.

The outputs are shared out by what each costs to write (:func:`share_out`); the first share is written
by this process, each other one by a process forked from it (:func:`write_shared`), which inherits
the build's records instead of receiving a copy. Every process writes whole files into the same
staging folder, so the files are the same whichever process writes them.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection

from ..collector import frozen
from ..errors import OutputError

#: Seconds each output took to write for the 982-article benchmark (51,000 events) in one process,
#: the pages together (they make their figures once for all three): only the proportions matter.
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
COST_FOUND: Mapping[str, float] = {"pages": 1.3, "graph.graphml": 1.25, "events.csv": 0.4}


def share_out(
    names: Sequence[str], jobs: int, *, together: Sequence[str] = (), costs: Mapping[str, float] = COST
) -> list[list[str]]:
    """``names`` in at most ``jobs`` groups of about equal ``costs``, the costliest first; the outputs
    in ``together`` (pages sharing their figures) stay in one group. Each group keeps the order of
    ``names``."""
    units: dict[str, list[str]] = {}
    for name in names:
        units.setdefault("pages" if name in together else name, []).append(name)
    loads: list[tuple[float, list[str]]] = [(0.0, []) for _ in range(max(1, min(jobs, len(units))))]
    # the costliest first, each into the group with the least to write so far: ties go to the first
    for unit in sorted(units, key=lambda u: -costs.get(u, 0.1)):
        low = min(range(len(loads)), key=lambda i: loads[i][0])
        cost, group = loads[low]
        loads[low] = (cost + costs.get(unit, 0.1), group + units[unit])
    order = {name: n for n, name in enumerate(names)}
    groups = [sorted(group, key=order.__getitem__) for _, group in sorted(loads, key=lambda x: -x[0])]
    return [group for group in groups if group]


def write_shared(write: Callable[[list[str]], None], groups: Sequence[list[str]]) -> None:
    """``write(group)`` for each group: the first here, the others in forked processes, all at once.

    An error in a forked writer is raised here once every writer has ended (the first one's, in group
    order); when this process fails or is interrupted, the forked writers are stopped.
    """
    if len(groups) <= 1:
        for group in groups:
            write(group)
        return
    context = multiprocessing.get_context("fork")
    # the children only read the records they inherit: see timeline.collector
    with frozen():
        children: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
        try:
            for group in groups[1:]:
                receive, send = context.Pipe(duplex=False)
                child: multiprocessing.process.BaseProcess = context.Process(
                    target=_child, args=(write, group, send), daemon=True
                )
                child.start()
                send.close()
                children.append((child, receive))
            write(groups[0])
            problems = [
                _outcome(child, receive, group)
                for (child, receive), group in zip(children, groups[1:], strict=True)
            ]
            for problem in problems:
                if problem is not None:
                    raise problem
        finally:
            for child, receive in children:
                if child.is_alive():
                    child.terminate()
                child.join()
                receive.close()


def _child(write: Callable[[list[str]], None], group: list[str], send: Connection) -> None:
    try:
        write(group)
    except BaseException as err:  # every failure, Ctrl-C included, goes to the parent
        send.send_bytes(_pickled(err, group))
    else:
        send.send_bytes(pickle.dumps(None))
    finally:
        send.close()


def _pickled(err: BaseException, group: list[str]) -> bytes:
    try:
        payload = pickle.dumps(err)
        pickle.loads(payload)  # an exception whose arguments do not round-trip is sent as text
    except Exception:  # whatever pickling raises, the message still gets through
        return pickle.dumps(OutputError(", ".join(group), f"{type(err).__name__}: {err}"))
    return payload


def _outcome(
    child: multiprocessing.process.BaseProcess, receive: Connection, group: list[str]
) -> BaseException | None:
    """The error a forked writer sent, None when it wrote its group; waits for it to end."""
    try:
        found: BaseException | None = pickle.loads(receive.recv_bytes())
    except EOFError:  # it ended without a word: killed
        child.join()
        return OutputError(", ".join(group), f"the process writing them ended with code {child.exitcode}")
    child.join()
    return found
