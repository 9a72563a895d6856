"""One parsed article in, its actors, time expressions and dated events out.

:mod:`timeline.workers` runs this over many articles in worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .actors.find import find_entities
from .cache import encode
from .dateline import with_dateline
from .dating import date_events
from .events.find import find_events
from .nlp import parse
from .records import Document, Extraction
from .timex.find import find_timexes


def extract(doc: Doc, document: Document) -> Extraction:
    """Run the actor, time and event stages over one parsed article."""
    document = with_dateline(document)  # publication date: metadata > dateline > --date
    entities = find_entities(doc, doc_id=document.id)
    timexes = find_timexes(doc, doc_id=document.id, published=document.date)
    events = find_events(doc, doc_id=document.id, entities=entities)
    events = date_events(doc, events, timexes=timexes, published=document.date, title=document.title)
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Extraction(document, sentences, entities, timexes, events)


def extract_batch(documents: Iterable[Document], nlp: Language) -> Iterator[Extraction]:
    for doc, document in parse(nlp, ((d.text, d) for d in documents)):
        yield extract(doc, document)


def extract_encoded(documents: Iterable[Document], nlp: Language) -> Iterator[bytes | Extraction]:
    """Each extraction as :func:`cache.encode` bytes, or as it is when it cannot be encoded."""
    return (encode(x) or x for x in extract_batch(documents, nlp))
