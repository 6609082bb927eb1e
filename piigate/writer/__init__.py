"""The database writer: apply a checked plan to a database, set-based (docs/writer.md).

The package's public face; the modules are described in ``run`` (the three steps)."""

from __future__ import annotations

from .group import GroupTransaction
from .rebuild import NEW_PREFIX, OLD_PREFIX, STAGE_PREFIX, SWAP_PREFIX
from .run import (
    DONE_PREFIX,
    PARK_PREFIXES,
    WORK_PREFIX,
    DomainResult,
    Progress,
    TableResult,
    TableResults,
    TokenizeResult,
    WorkState,
    apply_group,
    finish,
    prepare,
    run_tag,
    tokenize,
)
from .sql import TokenizeError

__all__ = [
    "DONE_PREFIX", "NEW_PREFIX", "OLD_PREFIX", "PARK_PREFIXES", "STAGE_PREFIX",
    "SWAP_PREFIX", "WORK_PREFIX", "DomainResult", "GroupTransaction", "Progress",
    "TableResult", "TableResults", "TokenizeError", "TokenizeResult", "WorkState",
    "apply_group", "finish", "prepare", "run_tag", "tokenize",
]
