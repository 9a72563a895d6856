"""Per-article extraction on a Dask cluster, for archives that outgrow one machine.

Only the per-article stage runs on the workers (each loads the model once, by name); linking actors
across articles, merging and writing stay on the client. Workers need this package and the model
installed, as the client has.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .errors import TimelineError
from .extract import extract_encoded
from .nlp import load_model
from .records import Document, Extraction
from .workers import batched


def extract_on_dask(
    documents: Sequence[Document], *, scheduler: str, model: str, batch_size: int = 32
) -> Iterator[bytes | Extraction]:
    """Extract every article on the cluster at ``scheduler``, yielding results in input order, each as
    :func:`timeline.cache.encode` bytes (compact on the wire, stored by the client without decoding),
    or as the record itself when it cannot be encoded."""
    try:
        import dask
        from distributed import Client
    except ImportError as err:
        raise TimelineError("the dask engine needs Dask: pip install 'timeline[dask]'") from err
    try:
        # the connect timeout is Dask's own setting (distributed.comm.timeouts.connect, 30s by default)
        client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
    except (OSError, TimeoutError) as err:
        raise TimelineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    with client:
        futures = [client.submit(_batch, model, list(b), pure=False) for b in batched(documents, batch_size)]
        for future in futures:
            yield from future.result()


def _batch(model: str, documents: list[Document]) -> list[bytes | Extraction]:
    return list(extract_encoded(documents, load_model(model)))
