"""Database hygiene before the snapshot: what would carry original values out otherwise.

* Old row versions: after tokenizing in place, PostgreSQL keeps the pre-update tuples
  in the table files until ``VACUUM FULL`` rewrites them; InnoDB keeps freed pages in
  the tablespace until ``OPTIMIZE TABLE`` rebuilds it. Both run on every tokenized
  table. (MySQL binlogs are avoided at restore time: no backups, no binlog.)
* Database users: accounts and password hashes come from production. Users outside
  the allow-list are dropped (or, when they still own objects, locked with their
  password removed / replaced); the passwords of kept users, the current one included,
  are replaced by random ones that nobody stores.

Works on a SQLAlchemy engine, so the same code runs against RDS and local servers.
Nothing here returns names or values: the result is counts.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import ConfigError

_PG_SYSTEM_PREFIXES = ("pg_", "rds")
_MYSQL_SYSTEM = {
    "mysql.sys",
    "mysql.session",
    "mysql.infoschema",
    "mariadb.sys",
    "rdsadmin",
    "rdsrepladmin",
    "rdsproxyadmin",
    "PUBLIC",
    "",
}


@dataclass(frozen=True)
class DbUser:
    name: str
    host: str | None = None  # MySQL accounts are user@host


def _family(engine: Engine) -> str:
    name = engine.dialect.name
    if name == "postgresql":
        return "pg"
    if name in ("mysql", "mariadb"):
        return "mysql"
    raise ConfigError(f"database hygiene is not defined for {name}", field="engine")


def _literal(text: str) -> str:
    """A SQL string literal for DDL that takes no bind parameters."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _password() -> str:
    return secrets.token_hex(24)  # hex: nothing to escape, never stored or logged


class CompactionSkipped(ConfigError):
    """A table could not be rewritten: its old row versions would reach the snapshot."""


# PostgreSQL skips a table it may not vacuum with a WARNING and carries on (VACUUM
# itself succeeds): 42501 from 16 on, "skipping ..." in the text before.
_PG_SKIP_STATE = "42501"


def _pg_owner(conn: Connection, qualified: str) -> tuple[str, bool, bool]:
    """(owner, we act as the owner already, we may SET ROLE to it) for a table."""
    row = conn.execute(
        sa.text(
            "SELECT r.rolname, pg_has_role(current_user, c.relowner, 'USAGE'),"
            " pg_has_role(current_user, c.relowner, 'MEMBER')"
            " FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
            " WHERE c.oid = to_regclass(:t)"
        ),
        {"t": qualified},
    ).one_or_none()
    if row is None:
        raise ConfigError("the table to compact does not exist", field=qualified)
    return str(row[0]), bool(row[1]), bool(row[2])


def _vacuum_full(conn: Connection, table: str, quote) -> None:
    """VACUUM FULL as the table's owner; a skipped table fails, naming the table.

    Only the owner (or a member of its role, a superuser, the database owner, or from
    PostgreSQL 17 a holder of MAINTAIN) may vacuum a table; anyone else gets a warning
    and an unchanged table whose old row versions hold pre-tokenization values. A user
    that is a member of the owner's role without inheriting it switches to it first.
    """
    qualified = quote(table)
    owner, acts_as_owner, member = _pg_owner(conn, qualified)
    skipped: list[str] = []

    def notice(diag: object) -> None:
        state = getattr(diag, "sqlstate", None)
        text = str(getattr(diag, "message_primary", "") or "")
        if state == _PG_SKIP_STATE or "skipping" in text:
            skipped.append(table)

    raw: Any = conn.connection.dbapi_connection
    add = getattr(raw, "add_notice_handler", None)
    if add is None:
        raise ConfigError("compaction needs the psycopg driver to see skipped tables",
                          field="engine")
    add(notice)
    switched = not acts_as_owner and member
    try:
        if switched:
            conn.execute(sa.text(f"SET ROLE {quote(owner)}"))
        conn.execute(sa.text(f"VACUUM FULL {qualified}"))
    finally:
        if switched:
            conn.execute(sa.text("RESET ROLE"))
        raw.remove_notice_handler(notice)
    if skipped:
        raise CompactionSkipped(
            "VACUUM FULL skipped the table: the database user neither owns it nor may act "
            "as its owner (grant it the owner's role, or make it the owner)",
            field=table,
        )


def _optimize(conn: Connection, table: str, quote) -> None:
    """OPTIMIZE TABLE reports its failures as rows, not errors: read them."""
    rows = conn.execute(sa.text(f"OPTIMIZE TABLE {quote(table)}")).mappings().all()
    for row in rows:
        if str(row.get("Msg_type", "")).lower() == "error":
            raise CompactionSkipped("OPTIMIZE TABLE failed on the table", field=table)


def compact_tables(engine: Engine, tables: Iterable[str]) -> int:
    """Rewrite each table so that no pre-tokenization row version stays on disk; a table
    that is not rewritten fails the step, naming it."""
    family = _family(engine)
    quote = engine.dialect.identifier_preparer.quote
    done = 0
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in tables:
            if family == "pg":
                _vacuum_full(conn, table, quote)
            else:
                _optimize(conn, table, quote)
            done += 1
    return done


def database_users(engine: Engine) -> list[DbUser]:
    """Login users other than system accounts and the one we are connected as."""
    with engine.connect() as conn:
        if _family(engine) == "pg":
            rows = conn.execute(
                sa.text(
                    "SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname <> current_user"
                )
            ).all()
            return [DbUser(r[0]) for r in rows if not r[0].startswith(_PG_SYSTEM_PREFIXES)]
        me = conn.execute(sa.text("SELECT CURRENT_USER()")).scalar_one()
        rows = conn.execute(sa.text("SELECT User, Host FROM mysql.user")).all()
        return [
            DbUser(u, h)
            for u, h in rows
            if u not in _MYSQL_SYSTEM and f"{u}@{h}" != me and not u.startswith("rds")
        ]


def _account(user: DbUser) -> str:
    return f"{_literal(user.name)}@{_literal(user.host or '%')}"


def _drop(conn: Connection, family: str, user: DbUser, quote) -> bool:
    """Drop the user; when it cannot be dropped, lock it without a usable password."""
    # autocommit: a refused DROP leaves no aborted transaction behind
    try:
        if family == "pg":
            conn.execute(sa.text(f"DROP ROLE {quote(user.name)}"))
        else:
            conn.execute(sa.text(f"DROP USER {_account(user)}"))
        return True
    except sa.exc.DBAPIError:
        if family == "pg":
            conn.execute(sa.text(f"ALTER ROLE {quote(user.name)} NOLOGIN PASSWORD NULL"))
        else:
            sql = f"ALTER USER {_account(user)} IDENTIFIED BY {_literal(_password())}"
            conn.execute(sa.text(sql + " ACCOUNT LOCK"))
        return False


def _rotate(conn: Connection, family: str, user: DbUser | None, quote) -> None:
    _set_password(conn, family, user, _password(), quote)


def _set_password(conn: Connection, family: str, user: DbUser | None, password: str,
                  quote) -> None:
    secret = _literal(password)
    if family == "pg":
        who = "CURRENT_USER" if user is None else quote(user.name)
        conn.execute(sa.text(f"ALTER ROLE {who} PASSWORD {secret}"))
    else:
        who = "CURRENT_USER()" if user is None else _account(user)
        conn.execute(sa.text(f"ALTER USER {who} IDENTIFIED BY {secret}"))


def scrub_users(
    engine: Engine,
    allow: Iterable[str],
    *,
    candidates: Iterable[DbUser] | None = None,
    rotate_current: bool = True,
) -> dict[str, int]:
    """Drop users outside ``allow``; give kept users (and ourselves) random passwords.

    ``candidates`` limits the users considered (default: :func:`database_users`);
    ``rotate_current`` also replaces the connected user's password, which is what a
    snapshot needs (the password came from production) and what a shared test server
    must not get.
    """
    family = _family(engine)
    quote = engine.dialect.identifier_preparer.quote
    allowed = set(allow)
    users = list(candidates) if candidates is not None else database_users(engine)
    dropped = rotated = 0
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for user in users:
            if user.name in allowed:
                _rotate(conn, family, user, quote)
                rotated += 1
            elif _drop(conn, family, user, quote):
                dropped += 1
            else:
                rotated += 1
        if rotate_current:
            _rotate(conn, family, None, quote)
            rotated += 1
    return {"users_dropped": dropped, "users_rotated": rotated}


def set_passwords(engine: Engine, passwords: dict[str, str]) -> int:
    """Give the named users the given passwords (the importer's, from pre-production's
    own secret: the producer left them random and unknown). A user that does not exist
    fails, naming the user; MySQL accounts get it on every host they have."""
    family = _family(engine)
    quote = engine.dialect.identifier_preparer.quote
    done = 0
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name, password in sorted(passwords.items()):
            if family == "pg":
                found = conn.execute(
                    sa.text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": name}
                ).scalar()
                accounts = [DbUser(name)] if found else []
            else:
                rows = conn.execute(
                    sa.text("SELECT Host FROM mysql.user WHERE User = :n"), {"n": name}
                ).all()
                accounts = [DbUser(name, r[0]) for r in rows]
            if not accounts:
                raise ConfigError("no such database user to give a password", field=name)
            for user in accounts:
                _set_password(conn, family, user, password, quote)
            done += 1
    return done
