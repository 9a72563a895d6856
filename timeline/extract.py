"""Per-article extraction: one parsed article in, its actors, time expressions and dated events out."""

from __future__ import annotations

from spacy.tokens import Doc

from .actors import find_entities
from .dateline import with_dateline
from .dating import date_events
from .events import find_events
from .records import Document, Extraction
from .timex import find_timexes


def extract(doc: Doc, document: Document) -> Extraction:
    """Run the actor, time and event stages over one parsed article."""
    document = with_dateline(document)  # publication date: metadata > dateline > --date
    entities = find_entities(doc, doc_id=document.id)
    timexes = find_timexes(doc, doc_id=document.id, published=document.date)
    events = find_events(doc, doc_id=document.id, entities=entities)
    events = date_events(doc, events, timexes=timexes, published=document.date)
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Extraction(document, sentences, entities, timexes, events)
