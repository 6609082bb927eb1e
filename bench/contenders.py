"""The three contenders of the tokenization benchmark, each run in a child process.

- ``ours``: ``piigate.writer.tokenize`` with the schema of :func:`ours_schema`.
- ``seed``: the earlier system's method re-implemented from its description and code
  (see ``docs/benchmarks.md``): per table, the whole table into pandas, ``ff3`` per cell
  with a new cipher per cell, a ``CREATE TABLE ... LIKE`` copy filled by 500-row
  ``executemany`` batches (commit per batch), drop the old table, rename the new one.
  Its flaws are kept on purpose; where it would crash instead of finishing, the
  smallest change that lets it finish is made and counted (``left_in_clear``).
- ``copy``: the floor, a structural copy of the same tables filled with ``INSERT ...
  SELECT`` by the database itself.

Each returns a dict of JSON-able facts; timing and memory are taken by the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import string
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from bench_dbs import BENCH_TABLES, BenchDb
from floor import run_floor, setup_floor
from peers import run_pganonymize, run_pynonymizer

from piigate.db import normalise_url

# The seed's tokenization schema (its "items" format): what it masks, and how.
SEED_FIELDS: dict[str, dict[str, list[str]]] = {
    "dept_emp": {"int": ["emp_no"]},
    "dept_manager": {"int": ["emp_no"]},
    "titles": {"int": ["emp_no"]},
    "employees": {"int": ["emp_no"], "date": ["birth_date"],
                  "string": ["first_name", "last_name"]},
    "salaries": {"int": ["emp_no"]},
}
SEED_WIDTH = 7  # the seed left-pads every value to 7 characters before FF3
SEED_BATCH = 500
SEED_LETTERS = string.ascii_lowercase + string.ascii_uppercase  # the seed's string alphabet
SEED_DIGITS = string.digits


def seed_key_and_tweak() -> tuple[str, str]:
    """A 32-byte key as hex from PBKDF2-HMAC-SHA512 (1024 rounds) and an 8-byte hex tweak.

    The seed derives its key this way (passlib's pbkdf2 is the same function) from a
    password and salt kept in Secrets Manager, and keeps a random 64-bit tweak there.
    Fixed inputs here, so runs are repeatable.
    """
    key = hashlib.pbkdf2_hmac("sha512", b"bench-password", b"bench-salt", 1024, 32).hex()
    tweak = hashlib.sha256(b"bench-tweak").digest()[:8].hex()
    return key, tweak


class SeedCells:
    """The seed's per-cell functions, with a fresh ``FF3Cipher`` per call as it had."""

    def __init__(self) -> None:
        from ff3 import FF3Cipher

        self._cipher = FF3Cipher.withCustomAlphabet
        self.key, self.tweak = seed_key_and_tweak()
        self.left_in_clear = 0

    def int_cell(self, value: Any) -> int:
        text = str(value).rjust(SEED_WIDTH, "0")
        # int() drops the leading zeros FF3 can produce: tokens change width, and a
        # value of 8+ digits is enciphered without padding into another width class.
        return int(self._cipher(self.key, self.tweak, SEED_DIGITS).encrypt(text))

    def str_cell(self, value: Any) -> str:
        text = str(value).rjust(SEED_WIDTH, "A")  # "Li" and "AAAAALi" now collide
        try:
            return self._cipher(self.key, self.tweak, SEED_LETTERS).encrypt(text)
        except ValueError:
            # The seed crashes on a character outside its alphabet (O'Neil, Jean-Luc,
            # "van der Berg"); to finish, such a value is left as it was, and counted.
            self.left_in_clear += 1
            return value

    @staticmethod
    def date_cell(value: Any) -> str:
        # The seed sets the day to 1 (no key involved) and writes the date as text.
        # SQLite hands dates to pandas as ISO strings; parse them first to do the same.
        d = dt.date.fromisoformat(value) if isinstance(value, str) else value
        return str(d.replace(day=1))

    def for_kind(self, kind: str) -> Callable[[Any], Any]:
        return {"int": self.int_cell, "string": self.str_cell, "date": self.date_cell}[kind]


def _q(engine: str, name: str) -> str:
    return f"`{name}`" if engine == "mariadb" else f'"{name}"'


def _like_ddl(raw: Any, engine: str, table: str, new: str) -> list[str]:
    """Statements creating ``new`` with ``table``'s structure, as the engine allows."""
    if engine == "mariadb":
        return [f"CREATE TABLE `{new}` LIKE `{table}`"]  # no foreign keys come along
    if engine == "postgresql":
        return [f'CREATE TABLE "{new}" (LIKE "{table}" INCLUDING ALL)']  # nor here
    cur = raw.cursor()
    cur.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    ddl = cur.fetchone()[0]
    cur.close()
    head = re.compile(r'^\s*CREATE\s+TABLE\s+("?)' + re.escape(table) + r'\1', re.IGNORECASE)
    return [head.sub(f'CREATE TABLE "{new}"', ddl, count=1)]


def _drop_and_rename(raw: Any, engine: str, table: str, new: str) -> None:
    cur = raw.cursor()
    if engine == "mariadb":
        cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        cur.execute(f"DROP TABLE IF EXISTS `{table}`")
    elif engine == "postgresql":
        # The seed switched foreign key checks off; PostgreSQL only lets the table go
        # with CASCADE, which drops the referencing foreign keys (MySQL keeps dangling ones).
        cur.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    else:
        cur.execute(f'DROP TABLE IF EXISTS "{table}"')
    cur.execute(f"ALTER TABLE {_q(engine, new)} RENAME TO {_q(engine, table)}")
    raw.commit()
    cur.close()


def _seed_table(eng: sa.Engine, raw: Any, engine: str, table: str,
                fields: dict[str, list[str]], cells: SeedCells) -> int:
    import pandas as pd

    new = f"{table}_after"
    cur = raw.cursor()
    cur.execute(f"DROP TABLE IF EXISTS {_q(engine, new)}")
    for stmt in _like_ddl(raw, engine, table, new):
        cur.execute(stmt)
    raw.commit()

    with eng.connect() as conn:  # the whole table, in memory, as the seed did
        df = pd.read_sql(sa.text(f"SELECT * FROM {_q(engine, table)}"), conn)
    for kind, columns in fields.items():
        for column in columns:
            df[column] = df[column].map(cells.for_kind(kind))

    mark = "?" if engine == "sqlite" else "%s"
    cols = ",".join(_q(engine, c) for c in df.columns)
    query = f"INSERT INTO {_q(engine, new)}({cols}) VALUES ({','.join([mark] * len(df.columns))})"
    tuples = [tuple(x) for x in df.to_numpy()]
    for start in range(0, len(tuples), SEED_BATCH):
        cur.executemany(query, tuples[start:start + SEED_BATCH])
        raw.commit()
    cur.close()
    _drop_and_rename(raw, engine, table, new)
    return len(tuples)


def run_seed(db: BenchDb) -> dict[str, Any]:
    """The seed's method over its five tables, in its order."""
    eng = sa.create_engine(normalise_url(db.url))
    raw = eng.raw_connection()
    cells = SeedCells()
    rows: dict[str, int] = {}
    try:
        for table, fields in SEED_FIELDS.items():
            rows[table] = _seed_table(eng, raw, db.engine, table, fields, cells)
    finally:
        raw.close()
        eng.dispose()
    return {"rows": rows, "left_in_clear": cells.left_in_clear}


def run_copy(db: BenchDb) -> dict[str, Any]:
    """The floor: a copy of each table with its structure, filled by the database."""
    eng = sa.create_engine(normalise_url(db.url))
    raw = eng.raw_connection()
    rows: dict[str, int] = {}
    try:
        cur = raw.cursor()
        for table in BENCH_TABLES:
            new = f"{table}_copy"
            cur.execute(f"DROP TABLE IF EXISTS {_q(db.engine, new)}")
            for stmt in _like_ddl(raw, db.engine, table, new):
                cur.execute(stmt)
            cur.execute(f"INSERT INTO {_q(db.engine, new)} SELECT * FROM {_q(db.engine, table)}")
            rows[table] = cur.rowcount
            raw.commit()
        cur.close()
    finally:
        raw.close()
        eng.dispose()
    return {"rows": rows}


def ours_schema() -> dict[str, Any]:
    """emp_no (fpe, one domain by FK closure), names (fpe text), birth_date shifted."""
    def keep(reason: str) -> dict[str, str]:
        return {"method": "keep", "reason": reason}

    dates = keep("employment dates, not identifying on their own")
    child = {"emp_no": {"method": "fpe"}, "dept_no": keep("department code, 9 values"),
             "from_date": dates, "to_date": dates}
    return {
        "format": "piigate/v1",
        "version": 1,
        "tables": {
            "employees": {"columns": {
                "emp_no": {"method": "fpe"},
                "first_name": {"method": "fpe"},
                "last_name": {"method": "fpe"},
                "birth_date": {"method": "date_shift", "max_days": 365},
                "gender": keep("two values, not identifying"),
                "hire_date": dates,
            }},
            "departments": {"columns": {"dept_no": keep("department code, 9 values"),
                                        "dept_name": keep("department name, 9 values")}},
            "dept_emp": {"columns": dict(child)},
            "dept_manager": {"columns": dict(child)},
            "titles": {"columns": {"emp_no": {"method": "fpe"},
                                   "title": keep("job title, 7 values"),
                                   "from_date": dates, "to_date": dates}},
            "salaries": {"columns": {"emp_no": {"method": "fpe"},
                                     "salary": keep("amount, not identifying alone"),
                                     "from_date": dates, "to_date": dates}},
        },
    }


def ours_available() -> str | None:
    """None when ``piigate.writer.tokenize`` can be imported, else why not."""
    try:
        from piigate import writer
    except ImportError as exc:
        return f"piigate.writer cannot be imported ({exc})"
    if not callable(getattr(writer, "tokenize", None)):
        return "piigate.writer has no tokenize()"
    return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    for attr in ("to_dict", "model_dump", "summary"):
        fn = getattr(value, attr, None)
        if callable(fn):
            return _jsonable(fn())
    if hasattr(value, "__dataclass_fields__"):
        import dataclasses

        return _jsonable(dataclasses.asdict(value))
    return repr(value)[:500]


def run_ours(db: BenchDb, rebuild: bool = True,
             schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """PII Gate's writer on the five tables (departments is kept, with a reason)."""
    from piigate import writer
    from piigate.db import connect, reflect
    from piigate.keys import Keyring
    from piigate.plan import make_plan
    from piigate.schema import parse_schema

    eng = connect(db.url)
    try:
        plan = make_plan(parse_schema(schema or ours_schema()), reflect(eng))
        result = writer.tokenize(eng, plan, Keyring(b"bench-secret-0123456789"),
                                 rebuild=rebuild)
    finally:
        eng.dispose()
    return {"writer_result": _jsonable(result)}


def run_ours_update(db: BenchDb) -> dict[str, Any]:
    """The same, with the writer's in-place update path (``rebuild=False``)."""
    return run_ours(db, rebuild=False)


def ours_names_schema() -> dict[str, Any]:
    """The peers' job: names (fpe) and birth dates (shifted); every key kept."""
    schema = ours_schema()
    keep = {"method": "keep", "reason": "the peers' job leaves keys alone"}
    for rules in schema["tables"].values():
        if "emp_no" in rules["columns"]:
            rules["columns"]["emp_no"] = dict(keep)
    return schema


def run_ours_names(db: BenchDb) -> dict[str, Any]:
    """Ours on the job the peers can do (names and birth dates, no key)."""
    return run_ours(db, schema=ours_names_schema())


CONTENDERS: dict[str, Callable[[BenchDb], dict[str, Any]]] = {
    "ours": run_ours,
    "ours-update": run_ours_update,
    "ours-names": run_ours_names,
    "seed": run_seed,
    "copy": run_copy,
    "floor": run_floor,
    "pganonymize": run_pganonymize,
    "pynonymizer": run_pynonymizer,
}
# untimed preparation in the contender's child, before its clock starts
SETUPS: dict[str, Callable[[BenchDb], dict[str, Any]]] = {"floor": setup_floor}
