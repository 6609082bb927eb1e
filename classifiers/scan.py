"""Discovery end to end: inventory, sample, verdict per column, proposal.

>>> result = scan_database("sqlite:///prod-copy.db", sample=1000)   # doctest: +SKIP
>>> result.failed_tables          # {} when every table was read
>>> save_schema(result.schema, "proposal.json")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from piigate.db import ColumnInfo, Inventory, TableInfo, connect, reflect, safe_url
from piigate.errors import safe_reason
from piigate.schema.model import Schema

from . import names as N
from .context import Subject, apply_context, login_references, person_key_tables
from .propose import (
    UNREADABLE,
    Decision,
    Defaults,
    apply_previous,
    build_schema,
    decide_column,
    fk_closure,
    mask_person_keys,
)
from .sampling import ColumnSample, TableSample, sample_table
from .verdict import (
    Analyzer,
    Verdict,
    binary_verdict,
    date_verdict,
    json_verdict,
    looks_like_json,
    text_verdict,
)

if TYPE_CHECKING:
    from .macie import MacieEvidence

# entities a number column can hold ("login_count" is not a username)
# (an expiry month or year and a card's first or last digits are small integers; an IP
# address is often stored as its ip2long integer)
NUMERIC_ENTITIES = {N.PHONE, N.SSN, N.NATIONAL_ID, N.POSTCODE, N.CARD, N.PASSPORT,
                    N.CARD_EXPIRY, N.CARD_DIGITS, N.IP}
# progress(table, columns done, columns in the table)
Progress = Callable[[str, int, int], None]


@dataclass
class ScanRow:
    """One line of the summary table."""

    table: str
    column: str
    entity: str | None
    confidence: float
    method: str
    drift: str | None
    decided_by: str | None


@dataclass
class ScanResult:
    schema: Schema
    failed_tables: dict[str, str]
    rows: list[ScanRow]
    removed: list[str] = field(default_factory=list)
    inventory: Inventory | None = None
    verdicts: dict[tuple[str, str], Verdict] = field(default_factory=dict)
    # "table.column" -> why its values could not be read (masked: fail closed)
    unreadable: dict[str, str] = field(default_factory=dict)
    # tables whose rows are persons (their keys are masked) -> why
    people: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed_tables and not self.unreadable


def column_verdict(col: ColumnInfo, cs: ColumnSample, ts: TableSample, table: TableInfo,
                   engine: Analyzer) -> Verdict:
    """Dispatch on the column's kind; kinds that cannot hold findings are kept cheaply."""
    if cs.error is not None:
        return unreadable_verdict(cs.error)
    if cs.binary or col.kind == "binary":
        return binary_verdict(col.name, cs.values, engine)
    values = cs.values
    if col.kind in ("other", "uuid"):
        # inet, cidr, macaddr, point, geometry, unknown names, uuids: read as text
        return text_verdict(col.name, [v for v in values if not isinstance(v, bytes)], engine)
    if col.kind in ("date", "datetime"):
        others = [c.name for c in table.columns.values()
                  if c.kind in ("date", "datetime") and c.name != col.name]
        return date_verdict(col, values, ts.rows, others)
    if col.kind == "json" or (col.kind == "text" and values and looks_like_json(values)):
        return json_verdict(values, engine, limit=max(1, len(values)), column=col.name)
    if col.kind == "text":
        return text_verdict(col.name, values, engine)
    nm = N.match(col.name)
    if col.kind == "time" and nm is not None and nm.entity == N.DOB and \
            any(x is not None for x in values):
        # a person's time of birth (``birthtime``): part of the birth date, masked with it
        return Verdict(entity=N.DOB, confidence=0.7, signals=[nm.signal],
                       sampled=len(values))
    # a CRC of an e-mail address is often stored as an integer (one per person)
    numeric_name = nm is not None and (nm.entity in NUMERIC_ENTITIES
                                       or nm.phrase in N.EMAIL_HASH_PHRASES)
    toks = N.tokens(col.name)
    if nm is not None and toks and toks[-1] == "id" and "id" not in nm.phrase.split():
        # ``customer_ip_id``: the key of a row about an IP, not an ip2long address
        numeric_name = False
    if col.kind == "integer":
        if not numeric_name and not any(len(str(abs(x))) >= 8 for x in values[:50]
                                        if isinstance(x, int)):
            return Verdict(sampled=len(values))  # short integers: counts, ids, amounts
        return text_verdict(col.name, values, engine) if numeric_name else \
            text_verdict(col.name, values, engine, key_name="")
    if col.kind in ("decimal", "float") and numeric_name:
        return text_verdict(col.name, values, engine)
    return Verdict(sampled=len(values))


def unreadable_verdict(reason: str) -> Verdict:
    """A column that could not be read: masked (fail closed), the reason recorded."""
    return Verdict(entity=UNREADABLE, confidence=0.0, signals=[f"unreadable: {reason}"],
                   note=f"could not be read ({reason}); masked until a reviewer decides")


def scan_database(url_or_engine: str | Engine, *, sample: int = 1000,
                  previous: Schema | None = None, defaults: dict[str, Any] | None = None,
                  progress: Progress | None = None, engine: Analyzer | None = None,
                  macie: MacieEvidence | None = None, seed: int = 0) -> ScanResult:
    """Scan a database and propose a schema deciding every column of every readable table.

    ``previous``: the last approved schema (drift, carry-over). ``defaults``: a decoded
    defaults file (see :mod:`classifiers.propose`). ``engine``: the analyzer (default: our
    offline Presidio). ``macie``: a :class:`classifiers.macie.MacieEvidence` to merge.
    Tables that cannot be read are listed in ``failed_tables`` and left undecided.
    """
    from .engine import default_engine

    d = Defaults.from_dict(defaults)
    eng: Analyzer = engine or default_engine()
    db = connect(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        inv = reflect(db)
        decisions: dict[tuple[str, str], Decision] = {}
        verdicts: dict[tuple[str, str], Verdict] = {}
        sampled: dict[tuple[str, str], ColumnSample] = {}
        failed: dict[str, str] = {t: i.error for t, i in inv.tables.items() if i.error}
        subjects: dict[str, Subject] = {}
        unreadable: dict[str, str] = {}
        for tname, t in inv.tables.items():
            if t.error:
                continue
            try:
                tv = _scan_table(db, t, inv, sample, seed, eng, macie, progress)
            except Exception as exc:  # noqa: BLE001 - one table must not end the scan
                tv = safe_reason(exc)
            if isinstance(tv, str):
                failed[tname] = tv
                t.error = tv
                continue
            table_verdicts, samples, subjects[tname] = tv
            for cname in t.columns:
                cs = samples[cname]
                if cs.error is not None:
                    unreadable[f"{tname}.{cname}"] = cs.error
                verdicts[(tname, cname)] = table_verdicts[cname]
                sampled[(tname, cname)] = cs
        people = person_key_tables(inv, subjects)
        # a column of one table read against another's values (logins used as references)
        login_references(inv, people, verdicts,
                         {k: cs.values for k, cs in sampled.items()},
                         lookup=lambda key, words: _held_logins(db, key, words))
        for (tname, cname), cs in sampled.items():
            decisions[(tname, cname)] = decide_column(inv.tables[tname].columns[cname],
                                                      verdicts[(tname, cname)],
                                                      cs.non_null, d)
        mask_person_keys(inv, decisions, people, verdicts)
        removed = apply_previous(inv, decisions, previous)
        fk_closure(inv, decisions, verdicts)
        source = {"database": safe_url(db.url), "dialect": inv.dialect,
                  "sample": str(sample)}
        # recorded in the proposal: tables left undecided (check refuses them) and why
        source |= {f"unscanned:{t}": reason for t, reason in sorted(failed.items())}
        schema = build_schema(inv, decisions, previous, source)
    finally:
        if isinstance(url_or_engine, str):
            db.dispose()
    rows = _summary(schema, verdicts, removed)
    return ScanResult(schema, failed, rows, [f"{t}.{c}" for t, c in removed], inv, verdicts,
                      unreadable=unreadable, people=people)


LOOKUP_CHUNK = 500  # words per query when a users' login column is looked up


def _held_logins(db: Engine, key: tuple[str, str], words: set[str]) -> set[str]:
    """Those of ``words`` that the login column ``key`` (table, column) holds, read from
    the database (its table is larger than its sample). Nothing when it cannot be read:
    the sampled logins still count."""
    table = sa.table(key[0], sa.column(key[1]))
    col = table.c[key[1]]
    found: set[str] = set()
    ordered = sorted(words)
    try:
        with db.connect() as conn:
            for i in range(0, len(ordered), LOOKUP_CHUNK):
                chunk = ordered[i:i + LOOKUP_CHUNK]
                found |= {x for (x,) in conn.execute(sa.select(col).where(col.in_(chunk)))
                          if isinstance(x, str)}
    except Exception:  # noqa: BLE001 - a lookup that fails adds nothing
        return found
    return found


def _scan_table(db: Engine, t: TableInfo, inv: Inventory, sample: int, seed: int,
                eng: Analyzer, macie: Any | None, progress: Progress | None
                ) -> str | tuple[dict[str, Verdict], dict[str, ColumnSample], Subject]:
    """Verdicts of one table's columns, revised with what the table is about; or the
    reason the table could not be read."""
    ts = sample_table(db, t, sample, seed=seed)
    if ts.error:
        return ts.error
    total = len(t.columns)
    out: dict[str, Verdict] = {}
    samples: dict[str, ColumnSample] = {}
    for i, (cname, col) in enumerate(t.columns.items()):
        if progress:
            progress(t.name, i, total)
        cs = ts.columns.get(cname) or ColumnSample(cname, col.kind)
        try:
            v = column_verdict(col, cs, ts, t, eng)
        except Exception as exc:  # noqa: BLE001 - recorded, decided fail-closed
            cs.error = f"values could not be judged ({safe_reason(exc)})"
            v = unreadable_verdict(cs.error)
        if macie is not None:
            v = macie.merge(t.name, cname, v)
        v.rows = v.rows or cs.non_null
        out[cname] = v
        samples[cname] = cs
    subject = apply_context(t, out, inv, rows=ts.raw_rows, engine=eng)
    if progress:
        progress(t.name, total, total)
    return out, samples, subject


def _summary(schema: Schema, verdicts: dict[tuple[str, str], Verdict],
             removed: list[tuple[str, str]]) -> list[ScanRow]:
    rows = []
    for t, c, r in schema.iter_rules():
        f = r.finding
        rows.append(ScanRow(t, c, f.entity if f else None, f.confidence if f else 0.0,
                            r.method, r.drift, r.decided_by))
    rows += [ScanRow(t, c, None, 0.0, "-", "removed", None) for t, c in removed]
    return rows
