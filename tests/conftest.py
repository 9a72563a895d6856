"""Shared fixtures: the real model loaded once per session, paths to the shared data, a build helper."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from timeline.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED
