"""The ``floor`` contender: the same tokenization written by hand, given the value maps.

Outside the timed section (:func:`setup_floor`), PII Gate's own ``prepare`` builds the
value maps of the job (``emp_no`` FF3-1, names FF3-1, birth dates shifted), and they
are copied into plain maps ``floor_map_<column>(old PRIMARY KEY, new)`` holding every
distinct value (unchanged ones map to themselves), so that every join is an inner
equi-join on a key. The writer's own tables are then dropped.

Timed (:func:`run_floor`): what a DBA who already had those maps would run, the
fastest way each engine allows (docs/benchmarks.md shows the SQL):

- per table one ``INSERT INTO <t>_floor SELECT ... FROM <t> JOIN floor_map_... ORDER
  BY`` the new primary key, into a table with no secondary index and no foreign key;
- the old tables go, the new ones take their names, then the indexes and foreign keys
  are built (PostgreSQL: also the primary keys, by sorting; its ``ADD FOREIGN KEY``
  validates; SQLite and InnoDB keep the primary key in the table, written in order);
- in one transaction on SQLite and PostgreSQL; MariaDB's DDL commits on its own, so
  there it is a series of statements with ``foreign_key_checks = 0`` and one atomic
  ``RENAME TABLE`` for the swap.

No orphan check on SQLite and MariaDB (their engines do not check on load with checks
off and a DBA who trusts the maps would not); ours checks (docs/writer.md).
"""

from __future__ import annotations

import re
import time
from typing import Any

import sqlalchemy as sa
from bench_dbs import BENCH_TABLES, BenchDb

from piigate.db import normalise_url

RUN_ID = "floor-maps"
# the masked columns and the domain map each one reads (emp_no: one map for all tables)
MASKED = {"emp_no": "emp", "first_name": "first", "last_name": "last", "birth_date": "birth"}
LOAD_ORDER = ("employees", "dept_emp", "dept_manager", "titles", "salaries")


def _q(engine: str, name: str) -> str:
    return f"`{name}`" if engine == "mariadb" else f'"{name}"'


def setup_floor(db: BenchDb) -> dict[str, Any]:
    """Untimed: the finished value maps, as plain tables keyed on the old value."""
    from contenders import ours_schema

    from piigate import writer
    from piigate.db import connect, reflect
    from piigate.keys import Keyring
    from piigate.plan import make_plan
    from piigate.schema import parse_schema
    from piigate.writer.dialects import dialect_for

    eng = connect(db.url)
    try:
        plan = make_plan(parse_schema(ours_schema()), reflect(eng))
        state = writer.prepare(eng, plan, Keyring(b"bench-secret-0123456789"), run_id=RUN_ID)
        sql = dialect_for(eng)
        by_column = {c: m for m in state.maps for c in m["columns"]}
        sizes: dict[str, int] = {}

        def q(n: str) -> str:
            return _q(db.engine, n)

        with eng.begin() as conn:
            for column, short in MASKED.items():
                wm = by_column[f"employees.{column}"]
                kind = "integer" if column == "emp_no" else (
                    "date" if column == "birth_date" else "text")
                fm = f"floor_map_{short}"
                col_type = "INTEGER" if kind == "integer" else (
                    "DATE" if kind == "date" else "VARCHAR(64)")
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {q(fm)}"))
                conn.execute(sa.text(f"CREATE TABLE {q(fm)} (old {col_type} PRIMARY KEY, "
                                     f"new {col_type} NOT NULL)"))
                key = sql.key_expr(f"e.{q(column)}", kind)
                conn.execute(sa.text(
                    f"INSERT INTO {q(fm)} (old, new) SELECT d.v, COALESCE(m.new, d.v) FROM "
                    f"(SELECT DISTINCT {q(column)} AS v FROM {q('employees')}) d "
                    f"LEFT JOIN {q(wm['name'])} m ON m.k = "
                    f"{key.replace('e.' + q(column), 'd.v')}"))
                sizes[fm] = int(conn.execute(
                    sa.text(f"SELECT COUNT(*) FROM {q(fm)}")).scalar_one())
        writer.finish(eng, plan, state, require_all=False)  # drop the writer's tables
        if db.engine == "postgresql":
            with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                for short in MASKED.values():
                    c.execute(sa.text(f'ANALYZE "floor_map_{short}"'))
        elif db.engine == "mariadb":
            with eng.connect() as c:
                for short in MASKED.values():
                    c.execute(sa.text(f"ANALYZE TABLE `floor_map_{short}`")).all()
    finally:
        eng.dispose()
    return {"map_rows": sizes}


# -- the statements ----------------------------------------------------------------------


def _select(engine: str, table: str, columns: list[str], pk: list[str]) -> str:
    """``SELECT`` of the tokenized rows of ``table``, ordered by the new primary key."""
    def q(n: str) -> str:
        return _q(engine, n)

    exprs, joins = [], []
    for c in columns:
        if c in MASKED and (c == "emp_no" or table == "employees"):
            a = f"m_{MASKED[c]}"
            joins.append(f"JOIN {q('floor_map_' + MASKED[c])} {a} ON {a}.old = t.{q(c)}")
            exprs.append(f"{a}.new")
        else:
            exprs.append(f"t.{q(c)}")
    order = ", ".join(f"{'m_emp.new' if c == 'emp_no' else 't.' + q(c)}" for c in pk)
    return (f"SELECT {', '.join(exprs)} FROM {q(table)} t {' '.join(joins)} "
            f"ORDER BY {order}")


def statements(db: BenchDb, conn: sa.Connection) -> list[str]:
    """The floor's SQL for this database, in order (read from its catalog)."""
    insp = sa.inspect(conn)
    info = {t: (list(c["name"] for c in insp.get_columns(t)),
                insp.get_pk_constraint(t)["constrained_columns"]) for t in BENCH_TABLES}
    if db.engine == "postgresql":
        return _postgresql(conn, info)
    if db.engine == "mariadb":
        return _mariadb(conn, info)
    return _sqlite(conn, info)


def _sqlite(conn: sa.Connection, info: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    out = ["PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON",
           "PRAGMA cache_size = -131072", "BEGIN"]
    indexes: list[str] = []
    for t in LOAD_ORDER:
        ddl = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (t,)).scalar()
        head = re.compile(r'^\s*CREATE\s+TABLE\s+("?)' + re.escape(t) + r'\1', re.IGNORECASE)
        out.append(head.sub(f'CREATE TABLE "{t}_floor"', str(ddl), count=1))
        cols, pk = info[t]
        out.append(f'INSERT INTO "{t}_floor" {_select("sqlite", t, cols, pk)}')
        indexes += [str(r[0]) for r in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL", (t,))]
    out += [f'DROP TABLE "{t}"' for t in reversed(LOAD_ORDER)]
    out += [f'ALTER TABLE "{t}_floor" RENAME TO "{t}"' for t in LOAD_ORDER]
    out += indexes
    out += ["COMMIT", "PRAGMA legacy_alter_table = OFF"]
    return out


def _postgresql(conn: sa.Connection,
                info: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    rows = conn.execute(sa.text(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype "
        "FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY(:t) "
        "AND c.contype IN ('p', 'u', 'f')"), {"t": list(BENCH_TABLES)}).all()
    idx = conn.execute(sa.text(
        "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid::regclass::text = ANY(:t) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"),
        {"t": list(BENCH_TABLES)}).scalars().all()
    # foreign keys into the five tables from tables left alone (none in the sample)
    out = ["BEGIN"]
    for t in LOAD_ORDER:
        cols, pk = info[t]
        out.append(f'CREATE TABLE "{t}_floor" (LIKE "{t}" INCLUDING DEFAULTS)')
        out.append(f'INSERT INTO "{t}_floor" {_select("postgresql", t, cols, pk)}')
    out += [f'DROP TABLE "{t}" CASCADE' for t in reversed(LOAD_ORDER)]
    out += [f'ALTER TABLE "{t}_floor" RENAME TO "{t}"' for t in LOAD_ORDER]
    keys = [r for r in rows if r[3] in ("p", "u")]
    fks = [r for r in rows if r[3] == "f"]
    out += [f'ALTER TABLE "{r[0]}" ADD CONSTRAINT "{r[1]}" {r[2]}' for r in keys]
    out += [str(i) for i in idx]
    out += [f'ALTER TABLE "{r[0]}" ADD CONSTRAINT "{r[1]}" {r[2]}' for r in fks]
    out.append("COMMIT")
    return out


_MARIA_FK = re.compile(r"^\s*CONSTRAINT\s+`[^`]+`\s+FOREIGN KEY.*$", re.MULTILINE)
_MARIA_KEY = re.compile(r"^\s*(UNIQUE\s+)?KEY\s+`[^`]+`.*$", re.MULTILINE)


def _mariadb(conn: sa.Connection, info: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    out = ["SET SESSION foreign_key_checks = 0"]
    after: list[str] = []
    for t in LOAD_ORDER:
        ddl = str(conn.exec_driver_sql(f"SHOW CREATE TABLE `{t}`").one()[1])
        keys = [m.group(0).strip().rstrip(",") for m in _MARIA_KEY.finditer(ddl)]
        fks = [m.group(0).strip().rstrip(",") for m in _MARIA_FK.finditer(ddl)]
        body = _MARIA_FK.sub("", _MARIA_KEY.sub("", ddl))
        body = re.sub(r",\s*\n(\s*\n)*\s*\)", "\n)", body)  # the comma before a removed line
        body = re.sub(r"\n\s*\n", "\n", body)
        out.append(body.replace(f"CREATE TABLE `{t}`", f"CREATE TABLE `{t}_floor`", 1))
        cols, pk = info[t]
        out.append(f"INSERT INTO `{t}_floor` {_select('mariadb', t, cols, pk)}")
        adds = [f"ADD {k}" for k in keys] + [f"ADD {f}" for f in fks]
        if adds:
            after.append(f"ALTER TABLE `{t}` {', '.join(adds)}")
    swap = ", ".join(f"`{t}` TO `{t}_old`, `{t}_floor` TO `{t}`" for t in LOAD_ORDER)
    out.append(f"RENAME TABLE {swap}")
    out.append("DROP TABLE " + ", ".join(f"`{t}_old`" for t in LOAD_ORDER))
    out += after
    out.append("SET SESSION foreign_key_checks = 1")
    return out


def run_floor(db: BenchDb) -> dict[str, Any]:
    """Timed: the hand-written statements, read from the catalog first."""
    eng = sa.create_engine(normalise_url(db.url), isolation_level="AUTOCOMMIT")
    try:
        with eng.connect() as conn:
            stmts = statements(db, conn)
            if db.engine == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            seconds = []
            for s in stmts:
                t0 = time.perf_counter()
                conn.exec_driver_sql(s)
                seconds.append(round(time.perf_counter() - t0, 3))
    finally:
        eng.dispose()
    # per statement, to set each of ours' phases beside the floor's own
    return {"statements": len(stmts), "sql": stmts, "statement_seconds": seconds}
