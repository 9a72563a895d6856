"""How the articles are handed to the worker processes: in order, in batches that taper at the end."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.workers import tapering


@given(st.integers(0, 2000), st.integers(1, 64), st.integers(1, 8))
def test_tapering_batches_keep_every_item_in_order_and_never_exceed_the_size(
    n: int, size: int, jobs: int
) -> None:
    batches = list(tapering(range(n), size, jobs))
    assert [i for batch in batches for i in batch] == list(range(n))
    assert all(1 <= len(batch) <= size for batch in batches)


def test_the_last_batches_are_small_so_the_workers_finish_together() -> None:
    sizes = [len(batch) for batch in tapering(range(982), 32, 2)]
    assert sizes[:27] == [32] * 27  # full batches while much is left
    assert sizes[-1] == 1 and max(sizes[-6:]) <= 2
