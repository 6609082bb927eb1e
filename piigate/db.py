"""Database access shared by discovery, the writer and verification.

SQLAlchemy Core for SQLite, PostgreSQL (psycopg) and MySQL/MariaDB (PyMySQL). URLs may
name a plain scheme (``postgresql://``, ``mysql://``, ``mariadb://``); we pick the
driver. Passwords are never shown: URLs are rendered with the password hidden.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.url import URL

from . import toolstate
from .errors import DatabaseError, describe_db_error, safe_reason

Kind = Literal[
    "integer",
    "decimal",
    "float",
    "text",
    "date",
    "datetime",
    "time",
    "boolean",
    "json",
    "binary",
    "uuid",
    "other",
]

_DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "sqlite": "sqlite",
}

# name of the SQLAlchemy type class (upper-cased) -> (min, max) for signed integers
_INT_RANGES = {
    "TINYINT": 8,
    "SMALLINTEGER": 16,
    "SMALLINT": 16,
    "MEDIUMINT": 24,
    "INTEGER": 32,
    "INT": 32,
    "BIGINTEGER": 64,
    "BIGINT": 64,
}


def normalise_url(url: str | URL, *, field: str = "--db") -> URL:
    """Parse a database URL and choose our driver for its engine; errors name ``field``
    (the flag the URL came from)."""
    try:
        u = make_url(url) if isinstance(url, str) else url
    except (sa_exc.ArgumentError, ValueError):
        raise DatabaseError(
            "cannot parse the database URL (expected e.g. postgresql://user@host/db, "
            "mysql://user@host/db or sqlite:///file.db)",
            field=field,
        ) from None
    backend = u.drivername.split("+", 1)[0]
    if backend not in _DRIVERS:
        raise DatabaseError(
            f"unsupported database engine {backend!r}; use sqlite, postgresql or mysql/mariadb",
            field=field,
        )
    if "+" not in u.drivername:
        u = u.set(drivername=_DRIVERS[backend])
    if backend in ("mysql", "mariadb") and "charset" not in u.query:
        u = u.update_query_dict({"charset": "utf8mb4"})
    return u


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return normalise_url(url).render_as_string(hide_password=True)
    except DatabaseError:
        return "<unparseable URL>"


def connect(url: str | URL, *, check: bool = True, field: str = "--db") -> Engine:
    """An engine for ``url``; with ``check``, prove it answers (clear error if not).
    Errors name ``field``, the flag the URL came from."""
    u = normalise_url(url, field=field)
    kwargs: dict[str, object] = {"future": True}
    if u.get_backend_name() == "sqlite":
        db = u.database
        if db and db != ":memory:" and not db.startswith("file:"):
            from pathlib import Path

            if not Path(db).exists():
                raise DatabaseError(
                    "SQLite database file does not exist", file=db, field=field
                )
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = sa.create_engine(u, **kwargs)
    except (sa_exc.ArgumentError, ImportError):
        raise DatabaseError(
            "cannot create an engine for this URL (is its driver installed?)", field=field
        ) from None
    if check:
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa_exc.SQLAlchemyError as exc:
            engine.dispose()
            raise DatabaseError(
                f"cannot connect to {u.render_as_string(hide_password=True)}: "
                f"{describe_db_error(exc)}",
                field=field,
            ) from None
    return engine


@dataclass
class ColumnInfo:
    table: str
    name: str
    sql_type: str
    kind: Kind
    nullable: bool
    length: int | None = None
    int_min: int | None = None
    int_max: int | None = None
    timezone: bool = False
    primary_key: bool = False
    unique: bool = False
    autoincrement: bool = False
    default: str | None = None

    @property
    def qualified(self) -> str:
        return f"{self.table}.{self.name}"


@dataclass
class ForeignKey:
    name: str | None
    table: str
    columns: list[str]
    ref_table: str
    ref_columns: list[str]
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class TableInfo:
    name: str
    columns: dict[str, ColumnInfo]
    primary_key: list[str]
    foreign_keys: list[ForeignKey]
    unique_sets: list[list[str]]
    row_estimate: int | None = None
    error: str | None = None  # set when the table could not be reflected or read


@dataclass
class Inventory:
    dialect: str
    tables: dict[str, TableInfo]

    def column(self, table: str, column: str) -> ColumnInfo | None:
        t = self.tables.get(table)
        return None if t is None else t.columns.get(column)

    def all_foreign_keys(self) -> list[ForeignKey]:
        return [fk for t in self.tables.values() for fk in t.foreign_keys]


# SQL type names (as written in DDL or a ``type`` annotation) to kinds; anchored, so that
# INTERVAL or POINT never read as integers. The one text mapping: check, the review page
# and re-identification use it for annotations; ``classify`` for names SQLAlchemy does
# not know (SQLite accepts any type name, e.g. ``bytea``).
_SQL_KIND_PATTERNS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"^(bool|boolean)\b|^tinyint\(1\)"), "boolean"),
    (re.compile(r"^(unsigned\s+)?(big|small|tiny|medium)?int(eger)?\d*\b|^(big|small)?serial\b"),
     "integer"),
    (re.compile(r"^(numeric|decimal|money|number)\b"), "decimal"),
    (re.compile(r"^(real|float|double)"), "float"),
    (re.compile(r"^jsonb?\b"), "json"),
    (re.compile(r"^uuid\b"), "uuid"),
    (re.compile(r"^(timestamp|datetime)"), "datetime"),
    (re.compile(r"^date\b"), "date"),
    (re.compile(r"^time\b"), "time"),
    (re.compile(r"^(bytea|(tiny|medium|long)?blob|(var)?binary|image)\b"), "binary"),
    (re.compile(r"^((var)?char|character|n?varchar2?|nchar|n?text|(tiny|medium|long)text|"
                r"string|n?clob|enum|citext)\b"), "text"),
)  # fmt: skip
# Type names of other engines that hold no number (network addresses, geometry, documents):
# kind "other" (only null or keep write them), read as text by discovery. SQLite gives
# such a declared name NUMERIC affinity, which would make it a decimal.
_NON_NUMERIC_OTHER = re.compile(
    r"^(inet|cidr|macaddr8?|point|line|lseg|box|path|polygon|circle|geometry|geography|"
    r"multi(point|linestring|polygon)|linestring|geometrycollection|tsvector|xml|hstore|"
    r"ltree|interval|bit|varbit|set)\b")


def kind_from_sql_type(sql_type: str | None) -> Kind:
    """The kind of a SQL type name (``VARCHAR(20)``, ``bigint``, ``timestamptz``...)."""
    t = (sql_type or "").strip().lower()
    for pattern, kind in _SQL_KIND_PATTERNS:
        if pattern.search(t):
            return kind
    return "other"


def as_driver_reads(col: Any, kind: str) -> Any:
    """A column read as the driver gives it where SQLAlchemy's type would convert it
    wrongly: SQLite gives a declared ``uuid`` NUMERIC affinity, and SQLAlchemy's decimal
    conversion fails on text uuids (PostgreSQL's driver gives uuid objects either way)."""
    return sa.type_coerce(col, sa.types.NullType()) if kind == "uuid" else col


def is_non_numeric_other(sql_type: str | None) -> bool:
    """Whether a type name is one of another engine's non-numeric types (``inet``, ``point``)."""
    return bool(_NON_NUMERIC_OTHER.search((sql_type or "").strip().lower()))


def int_bits(sql_type: str) -> int:
    """Bits of an integer type name (INTEGER: 32; unknown: 64)."""
    t = sql_type.strip().lower()
    for prefix, bits in (("tinyint", 8), ("smallint", 16), ("mediumint", 24), ("bigint", 64),
                         ("int", 32), ("bigserial", 64), ("serial", 32)):
        if t.startswith(prefix):
            return bits
    return 64


def classify(sqltype: sa.types.TypeEngine, dialect: str) -> tuple[Kind, dict[str, object]]:
    """Map a reflected SQL type to our kind and its limits."""
    name = type(sqltype).__name__.upper()
    extra: dict[str, object] = {}
    if isinstance(sqltype, sa.Boolean) or name in ("BOOLEAN", "BOOL"):
        return "boolean", extra
    if isinstance(sqltype, sa.Integer):
        # The declared type, as on the other engines (SQLite would store 64 bits in any
        # integer column, but the application declared INT); _reflect_table widens the
        # one true 64-bit case, the INTEGER PRIMARY KEY rowid alias.
        bits = _INT_RANGES.get(name, 64)
        width = getattr(sqltype, "display_width", None)
        if name == "TINYINT" and width == 1 and dialect == "mysql":
            return "boolean", extra
        if getattr(sqltype, "unsigned", False):
            extra.update(int_min=0, int_max=2**bits - 1)
        else:
            extra.update(int_min=-(2 ** (bits - 1)), int_max=2 ** (bits - 1) - 1)
        return "integer", extra
    if isinstance(sqltype, (sa.Float, sa.REAL)) or name in ("DOUBLE", "DOUBLE_PRECISION", "FLOAT"):
        return "float", extra
    if isinstance(sqltype, sa.Numeric):
        return "decimal", extra
    if isinstance(sqltype, sa.JSON) or name in ("JSON", "JSONB"):
        return "json", extra
    if isinstance(sqltype, sa.Uuid) or name == "UUID":
        return "uuid", extra
    if isinstance(sqltype, sa.DateTime) or name in ("TIMESTAMP", "DATETIME"):
        extra["timezone"] = bool(getattr(sqltype, "timezone", False))
        return "datetime", extra
    if isinstance(sqltype, sa.Date):
        return "date", extra
    if isinstance(sqltype, sa.Time):
        return "time", extra
    binary = (sa.LargeBinary, sa.types._Binary)
    if isinstance(sqltype, binary) or name in ("BYTEA", "BLOB", "VARBINARY"):
        return "binary", extra
    if isinstance(sqltype, (sa.String, sa.Enum)):
        length = getattr(sqltype, "length", None)
        members = getattr(sqltype, "values", None)
        if name == "SET" and members:
            # SQLAlchemy gives a SET the length of its longest member; a value holds
            # any combination of them, comma-separated (a key or new value sized by the
            # member would be cut short: refused on a strict server, truncated and so
            # unmatched, left unmasked, on a lax one)
            length = sum(len(m) for m in members) + len(members) - 1
        if length:
            extra["length"] = int(length)
        return "text", extra
    return "other", extra


def reflect(engine: Engine, tables: list[str] | None = None) -> Inventory:
    """Tables, columns, kinds, keys and row estimates of the default schema.

    A table that cannot be reflected is kept with ``error`` set, so that callers fail
    closed on it instead of treating it as empty.
    """
    dialect = engine.dialect.name
    try:
        insp = sa.inspect(engine)
        names = insp.get_table_names()
    except sa_exc.SQLAlchemyError as exc:
        raise DatabaseError(f"cannot list tables: {describe_db_error(exc)}") from None
    if tables is not None:
        names = [n for n in names if n in set(tables)]
    # Our own tables are told by registration, never by name: a user table called
    # piigate_anything is reflected like any other (piigate.toolstate).
    try:
        with engine.connect() as conn:
            ours = toolstate.own_tables(conn)
    except sa_exc.SQLAlchemyError as exc:
        raise DatabaseError("cannot read PII Gate's state table: "
                            f"{describe_db_error(exc)}") from None
    out: dict[str, TableInfo] = {}
    for tname in sorted(names):
        if tname in ours:
            continue
        try:
            with quiet_unknown_types():
                out[tname] = _reflect_table(insp, tname, dialect)
        except Exception as exc:  # noqa: BLE001 - one odd table must not stop the others
            out[tname] = TableInfo(tname, {}, [], [], [], error=safe_reason(exc))
    _row_estimates(engine, out)
    return Inventory(dialect=dialect, tables=out)


@contextmanager
def quiet_unknown_types() -> Iterator[None]:
    """Silence "Did not recognize type 'point'": such columns are typed from their
    declared name (kind ``other``), which callers handle."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Did not recognize type", sa_exc.SAWarning)
        yield


def _reflect_table(insp: sa.Inspector, tname: str, dialect: str) -> TableInfo:
    pk = insp.get_pk_constraint(tname).get("constrained_columns") or []
    uniques = [u["column_names"] for u in insp.get_unique_constraints(tname)]
    for idx in insp.get_indexes(tname):
        if idx.get("unique") and idx["column_names"] and None not in idx["column_names"]:
            names = [c for c in idx["column_names"] if c is not None]
            if names not in uniques:
                uniques.append(names)
    single_unique = {u[0] for u in uniques if len(u) == 1}
    if len(pk) == 1:
        single_unique.add(pk[0])
    cols: dict[str, ColumnInfo] = {}
    reflected = insp.get_columns(tname)
    declared: dict[str, str] | None = None
    for c in reflected:
        kind, extra = classify(c["type"], dialect)
        if (dialect == "sqlite" and pk == [c["name"]] and kind == "integer"
                and type(c["type"]).__name__.upper() == "INTEGER"):
            extra.update(int_min=-(2**63), int_max=2**63 - 1)  # the rowid alias
        try:
            sql_type = c["type"].compile(dialect=insp.bind.dialect)
        except Exception:  # noqa: BLE001 - some reflected types cannot compile back
            sql_type = type(c["type"]).__name__
        if dialect == "sqlite" or isinstance(c["type"], sa.types.NullType):
            if declared is None:
                declared = _declared_types(insp, tname, dialect)
            name = declared.get(c["name"])
            if name:
                kind, extra, sql_type = _from_declared(name, kind, extra, str(sql_type))
        cols[c["name"]] = ColumnInfo(
            table=tname,
            name=c["name"],
            sql_type=str(sql_type),
            kind=kind,
            nullable=bool(c.get("nullable", True)),
            primary_key=c["name"] in pk,
            unique=c["name"] in single_unique,
            autoincrement=bool(c.get("autoincrement") is True),
            default=str(c["default"]) if c.get("default") is not None else None,
            **extra,  # type: ignore[arg-type]
        )
    fks = [
        ForeignKey(
            name=fk.get("name"),
            table=tname,
            columns=list(fk["constrained_columns"]),
            ref_table=fk["referred_table"],
            ref_columns=list(fk["referred_columns"]),
            options=dict(fk.get("options") or {}),
        )
        for fk in insp.get_foreign_keys(tname)
    ]
    return TableInfo(tname, cols, list(pk), fks, uniques)


def _declared_types(insp: sa.Inspector, tname: str, dialect: str) -> dict[str, str]:
    """Column -> type name as declared, for types SQLAlchemy does not know (SQLite accepts
    any name; PostgreSQL ``point``, MySQL geometry)."""
    q = quote(insp.bind.dialect, tname)
    if dialect == "sqlite":
        sql, params = f"PRAGMA table_info({q})", {}
    elif dialect == "postgresql":
        sql = ("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
               "WHERE attrelid = to_regclass(:t) AND attnum > 0 AND NOT attisdropped")
        params = {"t": q}
    elif dialect == "mysql":
        sql = ("SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS "
               "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t")
        params = {"t": tname}
    else:
        return {}
    bind = insp.bind
    if isinstance(bind, sa.Connection):
        rows = bind.execute(sa.text(sql), params).all()
    else:
        with bind.connect() as conn:
            rows = conn.execute(sa.text(sql), params).all()
    if dialect == "sqlite":
        return {str(r[1]): str(r[2] or "") for r in rows}
    return {str(r[0]): str(r[1] or "") for r in rows}


def _from_declared(name: str, kind: Kind, extra: dict[str, object], sql_type: str
                   ) -> tuple[Kind, dict[str, object], str]:
    """The kind a declared type name says, where SQLAlchemy's guess is wrong.

    SQLite gives unknown names NUMERIC affinity (``bytea``, ``inet`` and ``jsonb`` would
    read as decimals, and a blob read through a decimal type crashes); an unknown type
    on a server reflects as NullType. The declared name is kept as the column's type.
    """
    declared = kind_from_sql_type(name)
    if sql_type == "NullType":
        sql_type = name.upper()
    if declared == kind or (declared == "other" and not is_non_numeric_other(name)):
        return kind, extra, sql_type
    new: dict[str, object] = {}
    if declared == "text":
        m = re.search(r"\((\d+)\)", name)
        if m:
            new["length"] = int(m.group(1))
    elif declared == "integer":
        new.update(int_min=-(2**63), int_max=2**63 - 1)
    return declared, new, name.upper()


def _row_estimates(engine: Engine, tables: dict[str, TableInfo]) -> None:
    dialect = engine.dialect.name
    try:
        with engine.connect() as conn:
            if dialect == "postgresql":
                rows = conn.execute(
                    sa.text(
                        "SELECT c.relname, c.reltuples::bigint FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = current_schema() AND c.relkind IN ('r','p')"
                    )
                ).all()
                est = {r[0]: int(r[1]) for r in rows}
            elif dialect == "mysql":
                rows = conn.execute(
                    sa.text(
                        "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES "
                        "WHERE TABLE_SCHEMA = DATABASE()"
                    )
                ).all()
                est = {r[0]: int(r[1] or 0) for r in rows}
            else:
                est = {t.name: _sqlite_estimate(conn, engine, t.name)
                       for t in tables.values() if t.error is None}
    except sa_exc.SQLAlchemyError:
        return  # estimates are advisory
    for name, t in tables.items():
        if name in est:
            # PostgreSQL reports -1 for a table never analysed
            t.row_estimate = est[name] if est[name] >= 0 else None


def _sqlite_estimate(conn: sa.Connection, engine: Engine, table: str) -> int:
    # The rowid range reads two b-tree pages where count(*) reads the whole table; it is
    # exact for dense rowids (and INTEGER PRIMARY KEY aliases) and an upper bound otherwise.
    # Two queries: SQLite optimises a lone min() or max(), but scans for both in one.
    q = quote(engine, table)
    try:
        hi = conn.execute(sa.text(f"SELECT max(rowid) FROM {q}")).scalar()
        lo = conn.execute(sa.text(f"SELECT min(rowid) FROM {q}")).scalar()
        return 0 if hi is None or lo is None else int(hi) - int(lo) + 1
    except sa_exc.OperationalError:  # WITHOUT ROWID tables
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {q}")).scalar_one())


def quote(engine_or_dialect: Engine | sa.Dialect, name: str) -> str:
    """Quote an identifier for the engine (names come from reflection or the schema)."""
    d = engine_or_dialect.dialect if isinstance(engine_or_dialect, Engine) else engine_or_dialect
    return d.identifier_preparer.quote_identifier(name)
