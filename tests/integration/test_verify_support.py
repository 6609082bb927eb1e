"""Helpers for the verification tests: a sample DB, its schema, and a tokenized copy.

The copy is made here, row by row in Python with the plan's transforms, so that the
verification tests do not depend on the writer: they start from a known-correct copy
and inject one defect with SQL. (No tests in this module.)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from piigate import sample
from piigate.db import connect, reflect
from piigate.keys import Keyring
from piigate.plan import Plan, make_plan
from piigate.schema import parse_schema

KEEP = {"method": "keep", "reason": "test fixture"}
FPE = {"method": "fpe"}


def sample_schema(**tables: dict | None) -> dict[str, Any]:
    """A complete schema for the sample DB with extras (and a ``members`` table)."""
    out: dict[str, Any] = {
        "employees": {"columns": {
            "emp_no": FPE,
            "birth_date": {"method": "date_shift", "entity_column": "emp_no"},
            "first_name": {"method": "fake", "kind": "first_name"},
            "last_name": {"method": "fake", "kind": "last_name"},
            "gender": KEEP, "hire_date": {"method": "date_shift", "max_days": 10},
        }},
        "departments": {"columns": {"dept_no": KEEP, "dept_name": KEEP}},
        **{t: {"columns": {"emp_no": FPE, "dept_no": KEEP, "from_date": KEEP, "to_date": KEEP}}
           for t in ("dept_emp", "dept_manager")},
        "titles": {"columns": {"emp_no": FPE, "title": KEEP, "from_date": KEEP,
                               "to_date": KEEP}},
        "salaries": {"columns": {"emp_no": FPE, "salary": KEEP, "from_date": KEEP,
                                 "to_date": KEEP}},
        "customers": {"columns": {
            "id": KEEP,
            "email": {"method": "fake", "kind": "email"},
            "phone": {"method": "fpe", "alphabet": "digits"},
            "ssn": {"method": "fpe", "alphabet": "digits"},
            "date_of_birth": {"method": "date_shift"},
            "street": {"method": "fake", "kind": "street_address"},
            "city": {"method": "fake", "kind": "city"},
            "profile": {"method": "json", "all_keys": {
                "first": {"method": "fake", "kind": "first_name"},
                "last": {"method": "fake", "kind": "last_name"},
                "email": {"method": "fake", "kind": "email"},
                "phones": {"method": "fpe", "alphabet": "digits"},
            }},
            "notes": {"method": "fake", "kind": "text"},
            "data_share_consent": KEEP, "created_at": KEEP, "account_manager": FPE,
        }},
        "audit_log": {"columns": {"emp_no": {"method": "fpe", "domain": "employees.emp_no"},
                                  "event": KEEP, "at": KEEP}},
        "members": {
            "when": {"column": "consent", "op": "=", "value": False},
            "columns": {"id": KEEP, "consent": KEEP,
                        "email": {"method": "fake", "kind": "email"},
                        "name": {"method": "fake", "kind": "full_name"}},
        },
    }
    for name, rule in tables.items():
        if rule is None:
            out.pop(name)
        else:
            out[name] = rule
    return {"format": "piigate/v1", "version": 1, "tables": out}


def metadata(*, email_unique: bool = True) -> sa.MetaData:
    """The sample's tables plus ``members`` (a table with a row condition)."""
    md = sample.metadata(extras=True)
    if not email_unique:
        md = copy.deepcopy(md)
        md.tables["customers"].c.email.unique = False
        md.tables["customers"].constraints = {
            c for c in md.tables["customers"].constraints
            if not isinstance(c, sa.UniqueConstraint)
        }
    sa.Table(
        "members", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(120), nullable=False),
        sa.Column("name", sa.String(60)),
        sa.Column("consent", sa.Boolean, nullable=True),
    )
    return md


MEMBERS = [
    {"id": i, "email": f"member.{i}@example.org", "name": f"Member Number{i}",
     "consent": [False, True, None][i % 3]}
    for i in range(1, 13)
]


def make_before(url: str, employees: int = 30) -> Engine:
    engine = connect(url)
    sample.create(engine, employees)
    md = metadata()
    md.tables["members"].create(engine)
    with engine.begin() as conn:
        conn.execute(md.tables["members"].insert(), MEMBERS)
    return engine


def _in_scope(when: Any, row: dict[str, Any]) -> bool:
    if when is None:
        return True
    v = row[when.column]
    values = when.value if isinstance(when.value, list) else [when.value]
    if when.op in ("is null", "is not null"):
        return (v is None) == (when.op == "is null")
    if v is None:
        return False  # SQL: NULL compares unknown, so the row is not masked
    return {"=": v == when.value, "!=": v != when.value,
            "in": v in values, "not in": v not in values}[when.op]


def copy_tokenized(before: Engine, after_url: str, plan: Plan, keyring: Keyring, *,
                   email_unique: bool = True, md: sa.MetaData | None = None) -> Engine:
    """Copy ``before`` into ``after_url`` with the plan's transforms applied (a reference).

    ``md``: the tables of both databases (default: the sample's, see :func:`metadata`).
    """
    after = connect(after_url)
    src_md = md or metadata()
    md = md or metadata(email_unique=email_unique)
    md.create_all(after)
    transforms = {(c.table, c.column): (c, plan.transform(c, keyring)) for c in plan.columns}
    for table in md.sorted_tables:
        with before.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(sa.select(src_md.tables[table.name]))]
        rule = plan.schema.tables.get(table.name)
        idx = [i for i, r in enumerate(rows) if _in_scope(rule.when if rule else None, r)]
        new: dict[str, list[Any]] = {}
        for (t, c), (cp, tr) in transforms.items():
            if t != table.name:
                continue
            values = [rows[i][c] for i in idx]
            ent = getattr(cp.rule, "entity_column", None)
            new[c] = (tr.apply_with_entities(values, [rows[i][ent] for i in idx]) if ent
                      else tr.apply(values))
        for c, images in new.items():
            for i, v in zip(idx, images, strict=True):
                rows[i][c] = v
        if rows:
            with after.begin() as conn:
                conn.execute(table.insert(), rows)
    return after


@dataclass
class Pair:
    """A before DB, a correct tokenized copy, the plan and the keyring."""

    before: Engine
    after: Engine
    plan: Plan
    keyring: Keyring
    engine_name: str

    def token(self, table: str, column: str, value: Any) -> Any:
        cp = next(c for c in self.plan.columns if (c.table, c.column) == (table, column))
        return self.plan.transform(cp, self.keyring).apply([value])[0]

    def sql(self, *statements: str, **params: Any) -> None:
        """Run statements on the copy with foreign key checks off (to inject defects)."""
        with self.after.begin() as conn:
            if self.engine_name == "postgresql":
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            elif self.engine_name == "mariadb":
                conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 0")
            for s in statements:
                conn.execute(sa.text(s), params)
            if self.engine_name == "mariadb":
                conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 1")

    def dispose(self) -> None:
        self.before.dispose()
        self.after.dispose()


def engine_name(url: str) -> str:
    scheme = url.split(":", 1)[0].split("+", 1)[0]
    return {"mysql": "mariadb", "postgres": "postgresql"}.get(scheme, scheme)


def make_pair(db_url: str, fresh_db: Callable[[str], str], keyring: Keyring,
              schema: dict[str, Any] | None = None, *, employees: int = 30,
              email_unique: bool = True) -> Pair:
    before = make_before(db_url, employees)
    plan = make_plan(parse_schema(schema or sample_schema()), reflect(before))
    name = engine_name(db_url)
    after = copy_tokenized(before, fresh_db(name), plan, keyring, email_unique=email_unique)
    return Pair(before, after, plan, keyring, name)


def originals(pair: Pair) -> set[str]:
    """Every text value of at least 4 characters of every masked text column (raw)."""
    out: set[str] = set()
    md = metadata()
    with pair.before.connect() as conn:
        for cp in pair.plan.columns:
            if cp.info.kind not in ("text", "json"):
                continue
            for (v,) in conn.execute(sa.select(md.tables[cp.table].c[cp.column])):
                if isinstance(v, str) and len(v) >= 4:
                    out.add(v)
                elif isinstance(v, dict):
                    out.update(x for x in _strings(v) if len(x) >= 4)
    return out


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []
