"""From a schema and a reflected database to a checked plan: ``piigate check``.

Fail closed: every column of every table needs a decision, every rule must name a real
table and column and fit the column's type, and key columns must stay joinable. All
problems are collected and reported together, each with its schema path, so one run of
``check`` shows everything a reviewer has to fix.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from .db import ColumnInfo, Inventory, int_bits
from .errors import CoverageError, SchemaError
from .keys import Keyring
from .methods import CONSTANT_LIKE, ONE_TO_ONE, methods_for
from .methods import method as method_row
from .schema import ColumnRule, Schema
from .schema.model import DateShiftRule, FpeRule, JsonRule, RedactRule

if TYPE_CHECKING:
    from .transforms import Transform

# Integer tokens stay within what a double holds exactly (JSON readers, JavaScript and
# spreadsheets round above it), unless the rule's max_value asks for more.
SAFE_INT_MAX = 2**53 - 1


def integer_token_range(type_min: int, type_max: int, max_value: int | None) -> tuple[int, int]:
    """The range integer tokens of a column stay in: its type's range, capped at 2^53 - 1
    (or at ``max_value`` when the rule names one, which may also lift that cap)."""
    cap = SAFE_INT_MAX if max_value is None else max_value
    return max(type_min, -(cap + 1)), min(type_max, cap)


def type_token_range(sql_type: str, max_value: int | None) -> tuple[int, int]:
    """:func:`integer_token_range` of an integer SQL type named in a schema (``bigint``,
    ``int unsigned``), for tokenizing without the database at hand."""
    bits = int_bits(sql_type)
    if "unsigned" in sql_type.lower():
        return integer_token_range(0, 2**bits - 1, max_value)
    return integer_token_range(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1, max_value)


@dataclass
class ColumnPlan:
    table: str
    column: str
    rule: ColumnRule
    info: ColumnInfo
    domain: str


@dataclass
class DomainPlan:
    name: str
    method: str
    columns: list[tuple[str, str]] = field(default_factory=list)
    int_range: tuple[int, int] | None = None


@dataclass
class Plan:
    schema: Schema
    inventory: Inventory
    columns: list[ColumnPlan]
    domains: dict[str, DomainPlan]
    undecided: list[str]

    def tables(self) -> list[str]:
        """Tables with masked columns, parents before children."""
        masked = {c.table for c in self.columns}
        return [t for t in _fk_order(self.inventory) if t in masked]

    def for_table(self, table: str) -> list[ColumnPlan]:
        return [c for c in self.columns if c.table == table]

    def transform(self, col: ColumnPlan, keyring: Keyring) -> Transform:
        from .transforms import TransformContext, build_transform

        dom = self.domains[col.domain]
        ctx = TransformContext(
            table=col.table, column=col.column, domain=col.domain,
            keys=keyring.domain(col.domain), info=col.info, int_range=dom.int_range,
            keys_for=keyring.domain,
        )
        return build_transform(col.rule, ctx)

    def summary(self) -> dict[str, Any]:
        kept = sum(1 for _, _, r in self.schema.iter_rules() if r.method == "keep")
        return {
            "tables": len(self.inventory.tables),
            "columns": sum(len(t.columns) for t in self.inventory.tables.values()),
            "masked": len(self.columns),
            "kept": kept,
            "undecided": len(self.undecided),
            "domains": len(self.domains),
            "schema_hash": self.schema.hash(),
        }


def _fk_order(inv: Inventory) -> list[str]:
    order: list[str] = []
    seen: set[str] = set()

    def visit(t: str, stack: frozenset[str]) -> None:
        if t in seen or t in stack or t not in inv.tables:
            return
        for fk in inv.tables[t].foreign_keys:
            visit(fk.ref_table, stack | {t})
        seen.add(t)
        order.append(t)

    for name in sorted(inv.tables):
        visit(name, frozenset())
    return order


def _path(table: str, column: str | None = None, fld: str | None = None) -> str:
    p = f"tables.{table}"
    if column is not None:
        p += f".columns.{column}"
    if fld:
        p += f".{fld}"
    return p


def _params(rule: ColumnRule) -> dict[str, Any]:
    return rule.model_dump(
        mode="json", exclude={"type", "finding", "drift", "decided_by", "note", "domain"}
    )


def make_plan(schema: Schema, inventory: Inventory, *, keep_undecided: bool = False,
              data: Engine | None = None) -> Plan:
    """Check ``schema`` against ``inventory``; raise with every problem, or return the plan.

    Undecided columns raise :class:`CoverageError` unless ``keep_undecided`` (they are
    then reported in ``Plan.undecided`` and left as they are); when there are other
    problems too, they are listed in the same report. With ``data`` (the database the
    inventory came from) each masked rule is also tried on sampled values
    (:mod:`piigate.datacheck`).
    """
    problems: list[str] = []
    undecided: list[str] = []

    for tname, trule in schema.tables.items():
        tinfo = inventory.tables.get(tname)
        if tinfo is None:
            problems.append(f"{_path(tname)}: no such table in the database")
            continue
        if tinfo.error:
            continue  # reported below
        for cname in trule.columns:
            if cname not in tinfo.columns:
                problems.append(f"{_path(tname, cname)}: no such column in table {tname}")
        if trule.when and trule.when.column not in tinfo.columns:
            problems.append(f"{_path(tname, None, 'when.column')}: no such column "
                            f"{trule.when.column!r} in table {tname}")

    for tname, tinfo in inventory.tables.items():
        if tinfo.error:
            problems.append(f"{_path(tname)}: table could not be read ({tinfo.error})")
            continue
        table_rule = schema.tables.get(tname)
        for cname, cinfo in tinfo.columns.items():
            rule = table_rule.columns.get(cname) if table_rule else None
            if rule is None:
                undecided.append(f"{tname}.{cname}")
                continue
            problems.extend(_check_rule(tname, cname, rule, cinfo, tinfo.columns))

    domains, cols, dom_problems = _resolve_domains(schema, inventory)
    problems.extend(dom_problems)
    problems.extend(_stream_problems(schema, domains, cols))
    if data is not None:
        from .datacheck import sample_problems

        # columns whose rule already failed a check above are not tried on data
        failed = {p.split(":", 1)[0] for p in problems}
        fit = [c for c in cols if not any(f.startswith(_path(c.table, c.column))
                                           for f in failed)]
        trial = Plan(schema, inventory, fit, domains, [])
        problems.extend(sample_problems(data, fit, trial.transform))
    if problems and undecided and not keep_undecided:
        problems.extend(f"{_path(*u.split('.', 1))}: undecided" for u in undecided)

    if problems:
        raise SchemaError(
            f"the schema does not fit the database ({len(problems)} "
            f"problem{'s' if len(problems) != 1 else ''})",
            problems=problems,
        )
    if undecided and not keep_undecided:
        raise CoverageError(
            f"{len(undecided)} column{'s have' if len(undecided) != 1 else ' has'} no "
            "decision (a masking method, or keep with a reason)",
            problems=[f"{_path(*u.split('.', 1))}: undecided" for u in undecided],
        )
    return Plan(schema, inventory, cols, domains, undecided)


def _stream_problems(schema: Schema, domains: dict[str, DomainPlan],
                     cols: list[ColumnPlan]) -> list[str]:
    """A stream field in a database key domain must tokenize as the database does: the
    same rule, and for integers the domain's range (which only the database knows)."""
    out: list[str] = []
    rules = {c.domain: c for c in reversed(cols)}  # the domain's first column
    for sname, stream in schema.streams.items():
        for i, f in enumerate(stream.fields):
            dom = domains.get(f.rule.domain) if f.rule.domain else None
            if dom is None:
                continue
            where = f"streams.{sname}.fields.{i}"
            ref = rules[dom.name]
            if _params(f.rule) != _params(ref.rule):
                out.append(f"{where}.rule: key domain {dom.name!r} is tokenized with "
                           f"{ref.table}.{ref.column}'s rule; this one differs")
            if dom.int_range is None or f.rule.method != "fpe":
                continue
            lo, hi = dom.int_range
            if f.int_range is not None:
                stated: tuple[int, int] | None = f.int_range
            elif f.int_type is not None:
                stated = type_token_range(f.int_type, f.rule.max_value)
            else:
                stated = None
            if stated != (lo, hi):
                out.append(f"{where}: key domain {dom.name!r} has integer tokens in "
                           f"{lo}..{hi}; state \"int_range\": [{lo}, {hi}] so the stream's "
                           "tokens match")
        for key, rule in stream.all_keys.items():
            dom = domains.get(rule.domain) if rule.domain else None
            if dom is not None and dom.int_range is not None and rule.method == "fpe":
                out.append(f"streams.{sname}.all_keys.{key}: key domain {dom.name!r} is "
                           "integer; list the key's paths under fields, where its range "
                           "can be stated")
    return out


def _check_rule(tname: str, cname: str, rule: ColumnRule, info: ColumnInfo,
                columns: dict[str, ColumnInfo]) -> list[str]:
    out: list[str] = []
    method = rule.method
    where = _path(tname, cname, "method")
    if info.kind not in method_row(method).kinds:
        choices = ", ".join(methods_for(info.kind, info.nullable))
        out.append(f"{where}: {method!r} does not fit a {info.kind} column ({info.sql_type}); "
                   f"choose one of {choices}")
    if method == "null" and not info.nullable:
        out.append(f"{where}: 'null' on a NOT NULL column")
    if method in CONSTANT_LIKE and method != "null" and (info.unique or info.primary_key):
        out.append(f"{where}: {method!r} would give every row the same value in a unique column")
    if method == "null" and info.primary_key:
        out.append(f"{where}: 'null' on a primary key column")
    if isinstance(rule, DateShiftRule) and rule.entity_column:
        if rule.entity_column not in columns:
            out.append(f"{_path(tname, cname, 'entity_column')}: no such column "
                       f"{rule.entity_column!r} in table {tname}")
    if isinstance(rule, RedactRule) and info.length and len(rule.value) > info.length:
        out.append(f"{_path(tname, cname, 'value')}: {len(rule.value)} characters do not fit "
                   f"{info.sql_type}")
    if method == "hash" and info.length and info.length < 8:
        out.append(f"{where}: 'hash' needs at least 8 characters; the column holds "
                   f"{info.length}")
    if isinstance(rule, FpeRule) and info.kind == "integer" and rule.max_value is not None:
        if info.int_max is not None and rule.max_value > info.int_max:
            out.append(f"{_path(tname, cname, 'max_value')}: above the column type's maximum "
                       f"({info.int_max})")
    if isinstance(rule, FpeRule) and info.kind == "uuid" and \
            (rule.alphabet not in ("auto", "hex") or rule.luhn):
        out.append(f"{_path(tname, cname, 'alphabet')}: a uuid column is enciphered over its "
                   "hex digits; use alphabet 'hex' (or 'auto') without luhn")
    if isinstance(rule, FpeRule) and info.kind == "text" and rule.alphabet == "hex" and \
            rule.luhn:
        out.append(f"{_path(tname, cname, 'luhn')}: a Luhn digit is decimal; not with 'hex'")
    if method in ("fpe", "hash") and rule.persist_values and (info.unique or info.primary_key):
        out.append(f"{_path(tname, cname, 'persist_values')}: persisted values could collide "
                   "with tokens in a unique column")
    return out


def _resolve_domains(
    schema: Schema, inv: Inventory
) -> tuple[dict[str, DomainPlan], list[ColumnPlan], list[str]]:
    """Put every masked column in a key domain; keys and their references share one."""
    problems: list[str] = []
    # referencing column -> referenced column, column-wise for composite keys
    refs: dict[tuple[str, str], tuple[str, str]] = {}
    for fk in inv.all_foreign_keys():
        for c, rc in zip(fk.columns, fk.ref_columns, strict=False):
            refs[(fk.table, c)] = (fk.ref_table, rc)

    def root(key: tuple[str, str]) -> tuple[str, str]:
        seen = {key}
        while key in refs and refs[key] not in seen:
            key = refs[key]
            seen.add(key)
        return key

    cols: list[ColumnPlan] = []
    for tname, cname, rule in schema.masked():
        info = inv.column(tname, cname)
        if info is None:
            continue  # reported by the caller
        if rule.domain:
            domain = rule.domain
        else:
            rt, rc = root((tname, cname))
            rroot = schema.rule(rt, rc)
            domain = (rroot.domain if rroot is not None and rroot.domain else f"{rt}.{rc}")
        cols.append(ColumnPlan(tname, cname, rule, info, domain))

    # A key and its references must both be masked, alike, or both kept.
    for (t, c), (rt, rc) in refs.items():
        a, b = schema.rule(t, c), schema.rule(rt, rc)
        if inv.column(t, c) is None or inv.column(rt, rc) is None:
            continue
        present = a if a is not None else b
        if (a is None) != (b is None) and present is not None and present.method != "keep":
            # --keep-undecided must never keep half of a key pair
            undecided_side = f"{t}.{c}" if a is None else f"{rt}.{rc}"
            problems.append(
                f"{_path(*undecided_side.split('.', 1))}: undecided, but it is joined by a "
                f"foreign key ({t}.{c} -> {rt}.{rc}) to a masked column; decide it "
                "(mask it in the same domain)"
            )
            continue
        if a is None or b is None:
            continue
        if (a.method == "keep") != (b.method == "keep"):
            masked_side = f"{t}.{c}" if a.method != "keep" else f"{rt}.{rc}"
            kept_side = f"{rt}.{rc}" if a.method != "keep" else f"{t}.{c}"
            problems.append(
                f"{_path(t, c, 'method')}: foreign key {t}.{c} -> {rt}.{rc} would break: "
                f"{masked_side} is masked but {kept_side} is kept; mask both in one domain"
            )
        elif a.method != "keep" and a.method not in ONE_TO_ONE:
            problems.append(
                f"{_path(t, c, 'method')}: {a.method!r} on a foreign key column can merge "
                f"keys; use 'fpe' so that {t}.{c} and {rt}.{rc} stay joinable"
            )

    domains: dict[str, DomainPlan] = {}
    first: dict[str, ColumnPlan] = {}
    for col in cols:
        dom = domains.setdefault(col.domain, DomainPlan(col.domain, col.rule.method))
        dom.columns.append((col.table, col.column))
        ref = first.setdefault(col.domain, col)
        if ref is not col and _params(ref.rule) != _params(col.rule):
            problems.append(
                f"{_path(col.table, col.column)}: key domain {col.domain!r} joins columns that "
                f"must tokenize alike, but its rule differs from {ref.table}.{ref.column}'s"
            )
        if col.info.kind == "integer" and col.info.int_min is not None:
            lo, hi = integer_token_range(
                col.info.int_min, col.info.int_max or 0,
                col.rule.max_value if col.rule.method == "fpe" else None)
            if dom.int_range is None:
                dom.int_range = (lo, hi)
            else:
                dom.int_range = (max(dom.int_range[0], lo), min(dom.int_range[1], hi))
        in_key = (col.table, col.column) in refs or any(
            (col.table, col.column) == v for v in refs.values()
        )
        when = schema.tables[col.table].when
        if when is not None and in_key:
            problems.append(
                f"{_path(col.table, None, 'when')}: a row condition on a table whose key "
                f"column {col.column} is masked would break joins; remove the condition or "
                "keep the key"
            )
    kinds: dict[str, set[str]] = defaultdict(set)
    for col in cols:
        kinds[col.domain].add("integer" if col.info.kind == "integer" else "text")
    for name, ks in kinds.items():
        if len(ks) > 1:
            problems.append(f"domain {name!r}: mixes integer and text columns")
    problems.extend(_uuid_domain_problems(schema, cols))
    return domains, cols, problems


def _uuid_domain_problems(schema: Schema, cols: list[ColumnPlan]) -> list[str]:
    """'auto' means hex on a uuid column but alnum on text, a JSON path or a stream field
    (no column type there). A key domain holding a uuid column must therefore say 'hex'
    on every other fpe rule in it, or those get other tokens than the uuid column (and
    a domain whose first column is text gives the uuid column non-hex tokens)."""
    uuid_cols: dict[str, ColumnPlan] = {}
    for col in cols:
        if col.info.kind == "uuid":
            uuid_cols.setdefault(col.domain, col)
    out: list[str] = []

    def need_hex(where: str, domain: str | None, rule: Any) -> None:
        ref = uuid_cols.get(domain) if domain else None
        if ref is not None and isinstance(rule, FpeRule) and rule.alphabet != "hex":
            out.append(f"{where}.alphabet: key domain {domain!r} holds the uuid column "
                       f"{ref.table}.{ref.column}; use alphabet 'hex' on every fpe rule "
                       "of it")

    for col in cols:
        if col.info.kind != "uuid":
            need_hex(_path(col.table, col.column), col.domain, col.rule)
        if isinstance(col.rule, JsonRule):
            base = _path(col.table, col.column)
            for i, p in enumerate(col.rule.paths):
                need_hex(f"{base}.paths.{i}.rule", p.rule.domain, p.rule)
            for key, inner in col.rule.all_keys.items():
                need_hex(f"{base}.all_keys.{key}", inner.domain, inner)
    for sname, stream in schema.streams.items():
        for i, f in enumerate(stream.fields):
            need_hex(f"streams.{sname}.fields.{i}.rule", f.rule.domain, f.rule)
        for key, inner in stream.all_keys.items():
            need_hex(f"streams.{sname}.all_keys.{key}", inner.domain, inner)
    return out
