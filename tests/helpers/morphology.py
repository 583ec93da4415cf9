"""Run a test once with Voikko and once with the pure-Python fallback of microcred.morphology."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from microcred import morphology


def each_backend(name: str) -> Iterator[str]:
    """Select the analyser `name` for one test (skips, saying why, when Voikko is missing)."""
    morphology.use_fallback(name == "fallback")
    if morphology.backend() != name:
        morphology.use_fallback(False)
        pytest.skip("Voikko (libvoikko1, voikko-fi, libvoikko) is not installed: make voikko")
    yield name
    morphology.use_fallback(False)
