"""The record of one run: what the runner fills in step by step and the report reads.

The report is built from this record only, never from the runner, so the two do not
import each other. Everything here is names, counts, hashes and timings: the results
it holds (scan, tokenize, verify) are value-free by contract.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from classifiers.scan import ScanResult

    from ..schema import Schema
    from ..verify import VerifyResult
    from ..writer import TokenizeResult

StepStatus = Literal["ok", "failed", "interrupted"]


@dataclass
class StepTiming:
    """One step's outcome and duration (the report's ``timings``)."""

    step: str
    seconds: float
    status: StepStatus


@dataclass
class Failure:
    """The first step that failed, and a payload-safe description of why."""

    step: str
    status: StepStatus
    error: dict[str, Any]


@dataclass
class RunRecord:
    """What one run did so far. ``previous_schema``: the run had an approved schema to
    compare with; ``approval_mode``: review, unattended or carried over."""

    command: str
    source: str
    target: str
    notes: list[str] = field(default_factory=list)
    previous_schema: bool = False
    started: float = field(default_factory=time.time)
    timings: list[StepTiming] = field(default_factory=list)
    failure: Failure | None = None
    scan: ScanResult | None = None
    proposal: Schema | None = None
    approved: Schema | None = None
    approval_mode: str = ""
    tokenized: TokenizeResult | None = None
    verification: VerifyResult | None = None
    share: dict[str, Any] = field(default_factory=dict)
    imported: dict[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        """Every step up to the import succeeded."""
        return any(t.step == "import" and t.status == "ok" for t in self.timings)
