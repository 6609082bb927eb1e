"""The database writer: apply a checked plan to a database, set-based.

The three steps and how they work are described in :mod:`piigate.writer.run` and
docs/writer.md; this module is the package's public face.
"""

from __future__ import annotations

from .names import (
    DONE_PREFIX,
    NEW_PREFIX,
    OLD_PREFIX,
    PARK_PREFIXES,
    STAGE_PREFIX,
    SWAP_PREFIX,
    WORK_PREFIX,
    run_tag,
)
from .results import (
    DomainResult,
    Progress,
    TableResult,
    TableResults,
    TokenizeError,
    TokenizeResult,
    WorkMap,
    WorkState,
)
from .run import apply_group, apply_unit, finish, finish_group, plan_units, prepare, tokenize
from .units import UNITS_PREFIX, Unit

__all__ = [
    "DONE_PREFIX", "NEW_PREFIX", "OLD_PREFIX", "PARK_PREFIXES", "STAGE_PREFIX",
    "SWAP_PREFIX", "UNITS_PREFIX", "WORK_PREFIX", "DomainResult", "Progress", "TableResult",
    "TableResults",
    "TokenizeError", "TokenizeResult", "Unit", "WorkMap", "WorkState", "apply_group",
    "apply_unit", "finish", "finish_group", "plan_units", "prepare", "run_tag", "tokenize",
]
