"""The state of one verification run, shared by the checks."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..keys import Keyring
from ..plan import Plan
from .sides import Side

# progress(stage, done): units of the stage started so far. Two positional arguments, so
# the CLI's ``update(label, done, total=None)`` and the pipeline's counter both fit.
Progress = Callable[[str, int], None]


@dataclass
class Run:
    before: Side
    after: Side
    plan: Plan
    keyring: Keyring
    leak_sample: int
    progress: Progress | None
    key: bytes = field(default_factory=lambda: os.urandom(32))
    failures: list[str] = field(default_factory=list)
    done: dict[str, int] = field(default_factory=dict)
    # images kept across the columns of a key domain (see changed.IMAGE_CACHE)
    images: dict[tuple[str, bytes], Any] = field(default_factory=dict)

    def tick(self, stage: str) -> None:
        """Report one more unit of ``stage`` started (a table, a column, a key)."""
        self.done[stage] = self.done.get(stage, 0) + 1
        if self.progress is not None:
            self.progress(stage, self.done[stage])
