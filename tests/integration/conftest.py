"""Fixtures shared by the writer's integration tests."""

from __future__ import annotations

import pytest

from piigate.writer import tokenize


@pytest.fixture(params=[True, False], ids=["rebuild", "update"])
def tok(request):
    """``tokenize`` by rebuilding tables and by updating rows in place: every writer test
    runs both ways, and each way is checked to be the one that actually ran."""
    def run(*args, **kwargs):
        result = tokenize(*args, rebuild=request.param, **kwargs)
        rebuilt = {t for t, r in result.tables.items() if r.rebuilt}
        assert rebuilt == (set(result.tables) if request.param else set())
        return result
    return run
