"""What the writer reports and hands between its steps: counts and names, never values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict, cast

from ..errors import PiiGateError

# progress(label, done, total): work tables as they fill, tables as they are written
Progress = Callable[[str, int, "int | None"], None]


class TokenizeError(PiiGateError):
    """The writer could not apply the plan; the table group named was left unchanged."""

    exit_code = 1


@dataclass
class TableResult:
    rows: int = 0  # rows the table's rules applied to (all rows, or those matching ``when``)
    seconds: float = 0.0
    columns: list[str] = field(default_factory=list)
    group: int = 0
    skipped: bool = False  # the group was applied by an earlier call: nothing was done
    rebuilt: bool = False  # rewritten by a rebuild (piigate.writer.rebuild), not in place


TableResults = dict[str, TableResult]


@dataclass
class DomainResult:
    method: str
    columns: list[str]
    distinct: int = 0  # distinct values transformed (each once)
    changed: int = 0  # of those, values the transform changed (rows in the work table)
    parked: int = 0  # values moved through a parking value (permuted keys)
    seconds: float = 0.0


@dataclass
class TokenizeResult:
    """What the writer did; counts and timings only, never values."""

    engine: str
    tables: dict[str, TableResult] = field(default_factory=dict)
    domains: dict[str, DomainResult] = field(default_factory=dict)
    groups: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "rows": self.rows,
            "groups": self.groups,
            "tables": {k: {**asdict(v), "seconds": round(v.seconds, 3)}
                       for k, v in self.tables.items()},
            "domains": {k: {**asdict(v), "seconds": round(v.seconds, 3)}
                        for k, v in self.domains.items()},
        }


class WorkMap(TypedDict):
    """One built work table as :class:`WorkState` carries it (names and counts)."""

    name: str
    label: str  # its key domain (and column, for per-entity date shifts)
    method: str
    columns: list[str]
    distinct: int
    changed: int
    parked: int
    park_base: int | None  # integers: parking values start here
    park_prefix: str | None  # text: parking values start with this character
    seconds: float


@dataclass
class WorkState:
    """What :func:`prepare` built, for :func:`apply_group` and :func:`finish`.

    JSON-serialisable (:meth:`to_dict`, :meth:`from_dict`: the Lambda steps pass it
    between units) and value-free: the run id, the engine, the transaction groups (table
    names), and per work table its name, key domain, columns, counts and parking choice
    (an integer offset or a one-character prefix chosen to be disjoint from every value,
    so it says nothing about one).
    """

    run_id: str
    engine: str
    done_table: str
    groups: list[list[str]]
    maps: list[WorkMap]
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        # park_base as text: JSON readers outside Python lose integers beyond 2**53
        maps = [{**m, "park_base": None if m.get("park_base") is None else str(m["park_base"])}
                for m in self.maps]
        return {**asdict(self), "maps": maps, "seconds": round(self.seconds, 3)}

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> WorkState:
        try:
            maps = [cast(WorkMap, {**m, "park_base": None if m.get("park_base") is None
                                   else int(m["park_base"])}) for m in doc["maps"]]
            return cls(run_id=str(doc["run_id"]), engine=str(doc["engine"]),
                       done_table=str(doc["done_table"]),
                       groups=[[str(t) for t in g] for g in doc["groups"]], maps=maps,
                       seconds=float(doc.get("seconds", 0.0)))
        except (KeyError, TypeError, ValueError):
            raise TokenizeError("the work state is malformed") from None

    def domains(self) -> dict[str, DomainResult]:
        """The counts per work table, as :class:`TokenizeResult` reports them."""
        return {m["label"]: DomainResult(m["method"], list(m["columns"]), m["distinct"],
                                         m["changed"], m["parked"], m["seconds"])
                for m in self.maps}
