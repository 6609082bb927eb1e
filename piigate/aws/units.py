"""Work units of the AWS producer: what one item of the tokenize Map (one Fargate task)
applies to the temporary instance.

Today a unit is a transaction group (the tables a masked key domain joins, or one
table), applied with :func:`piigate.writer.apply_group` in one transaction; the
writer's :func:`~piigate.writer.finish` (the FinishWork step) then checks every group
was applied. When the writer gains units smaller than a group (key ranges of the
distinct-value work, primary-key ranges of each table's rebuild, then one finishing
unit per group for its swap and constraints), these two functions are the one place
that changes: the plan step stores what :func:`list_units` returns, the Map hands one
index per item to :func:`run_unit`.

A unit is JSON (ids, table names and bounds, never values), stored in the run's work
plan in S3; the Map's items carry only its index.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from ..errors import ConfigError
from ..keys import Keyring
from ..plan import Plan
from ..writer import WorkState, apply_group

Unit = dict[str, Any]


def list_units(engine: Engine, plan: Plan, state: WorkState) -> list[Unit]:
    """The prepared run's work units, in the order they may be applied (any order
    today: groups are independent). ``engine`` and ``plan`` are what range units need
    to find their bounds."""
    del engine, plan  # group units need only the state's groups
    return [{"unit": i, "group": i, "tables": list(g)} for i, g in enumerate(state.groups)]


def run_unit(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState,
             unit: Unit) -> dict[str, Any]:
    """Apply one unit; a unit already applied (a retry, a duplicate delivery) is
    skipped, never applied twice. Returns counts only."""
    try:
        group = int(unit["group"])
    except (KeyError, TypeError, ValueError):
        raise ConfigError("the work unit has no group id", field="unit") from None
    tables = apply_group(engine, plan, keyring, state, group)
    return {
        "unit": unit.get("unit", group),
        "rows": sum(t.rows for t in tables.values()),
        "skipped": any(t.skipped for t in tables.values()),
    }
