"""Work units of the AWS producer: what one item of a tokenize Map (one Fargate task)
applies to the temporary instance.

Units are the writer's (:func:`piigate.writer.plan_units`): value ranges of each key
domain's map, one seal per map, primary-key ranges of each table's rebuild (or a whole
group updated in place), and one finishing unit per rebuilt group. They come in phases:
every unit of a phase may run at once, in any order, repeated; a phase starts when the
one before is complete. The state machine runs one Distributed Map per phase, in order,
each reading its item list from S3 (:func:`phases`).

A unit is JSON (indexes, table positions and range bounds, never masked values), stored
in the run's work plan in S3; the Map's items carry only its index.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from ..errors import ConfigError
from ..keys import Keyring
from ..plan import Plan
from ..writer import TokenizeError, Unit, WorkState, apply_unit, plan_units

UnitDoc = dict[str, Any]


def list_units(engine: Engine, plan: Plan, state: WorkState, ranges: int) -> list[UnitDoc]:
    """The prepared run's work units in phase order (``prepare(build_maps=False)``
    first), ``ranges`` per key domain and per table."""
    if ranges < 1:
        raise ConfigError("the number of ranges must be at least 1",
                          field="PIIGATE_TOKENIZE_RANGES")
    return [u.to_dict() for u in plan_units(engine, plan, state, ranges=ranges)]


def phases(units: list[UnitDoc]) -> list[list[int]]:
    """The units' indexes grouped by phase, in phase order; empty phases left out."""
    by_phase: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        by_phase.setdefault(int(u["phase"]), []).append(i)
    return [by_phase[p] for p in sorted(by_phase)]


def run_unit(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState,
             unit: UnitDoc) -> dict[str, Any]:
    """Apply one unit; a unit already applied (a retry, a duplicate delivery) is
    skipped, never applied twice; a unit whose phase before is incomplete is refused.
    Returns counts only."""
    try:
        parsed = Unit.from_dict(unit)
    except TokenizeError:
        raise ConfigError("the work unit is malformed", field="unit") from None
    done = apply_unit(engine, plan, keyring, state, parsed)
    rows = done.get("rows")
    return {"unit": parsed.describe(), "rows": rows if isinstance(rows, int) else 0,
            "skipped": bool(done.get("skipped"))}
