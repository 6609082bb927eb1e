"""The names of the writer's tables, one home for each prefix.

Everything the writer creates starts with ``piigate_`` and carries the run's tag
(:func:`run_tag`), so runs never collide and leftovers are recognisable.
"""

from __future__ import annotations

import hashlib

from .results import TokenizeError

WORK_PREFIX = "piigate_map_"  # a work table: key -> new value
DONE_PREFIX = "piigate_work_"  # the run's record of applied groups
OLD_PREFIX = "piigate_old_"  # a table renamed aside while its rebuild is filled
NEW_PREFIX = "piigate_new_"  # MariaDB: a rebuilt table filled aside before the swap
SWAP_PREFIX = "piigate_swap_"  # MariaDB: the sentinel of a swap under way
STAGE_PREFIX = "piigate_stage_"  # PostgreSQL: the temporary table of a rebuild
# parking prefixes: characters without case or accent variants, not special in LIKE/binds
PARK_PREFIXES = "~^|!#$*+=<>{}"
# uuid columns hold only uuids: they park at <prefix><12 digits of the work row id>
UUID_PARK_PREFIXES = tuple(f"{c * 8}-{c * 4}-{c * 4}-{c * 4}-" for c in "fedcba")
UUID_PARK_DIGITS = 12


def aside_name(prefix: str, tag: str, group: int, i: int) -> str:
    """MariaDB: the ``i``-th table of ``group`` built aside (NEW_PREFIX) or set aside
    after the swap (OLD_PREFIX)."""
    return f"{prefix}{tag}_{group}_{i}"


def swap_marker(tag: str, group: int) -> str:
    """MariaDB: the sentinel that says a group's swap is under way."""
    return f"{SWAP_PREFIX}{tag}_{group}"


def run_tag(run_id: str) -> str:
    """A short identifier-safe tag for ``run_id``: work table names stay well under the
    engines' 63/64-character limits whatever the run id looks like."""
    if not run_id:
        raise TokenizeError("a run id is required to name the work tables")
    return hashlib.sha256(run_id.encode("utf-8")).hexdigest()[:12]
