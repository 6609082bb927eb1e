"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from classifiers.engine import PiiEngine, default_engine


@pytest.fixture(scope="module")
def engine() -> PiiEngine:
    """The classifiers' Presidio engine (loaded once a module: it is slow to build)."""
    return default_engine()
