"""Hygiene before the snapshot, on the real PostgreSQL and MariaDB servers.

The servers are shared with other tests, so every test names the users it created as
``candidates`` and never rotates the connected user's password.
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from piigate.aws.hygiene import DbUser, compact_tables, database_users, scrub_users
from piigate.errors import ConfigError
from tests.fixtures.dbutil import SERVER_ENGINES


def _create_user(conn, engine_name: str, name: str, password: str) -> DbUser:
    if engine_name == "postgresql":
        conn.execute(sa.text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'"))
        return DbUser(name)
    conn.execute(sa.text(f"CREATE USER '{name}'@'localhost' IDENTIFIED BY '{password}'"))
    return DbUser(name, "localhost")


def _secret_of(conn, engine_name: str, user: DbUser) -> str | None:
    if engine_name == "postgresql":
        return conn.execute(
            sa.text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": user.name}
        ).scalar()
    return conn.execute(
        sa.text("SELECT authentication_string FROM mysql.user WHERE User = :n AND Host = :h"),
        {"n": user.name, "h": user.host},
    ).scalar()


def _exists(conn, engine_name: str, user: DbUser) -> bool:
    if engine_name == "postgresql":
        q, p = "SELECT count(*) FROM pg_roles WHERE rolname = :n", {"n": user.name}
    else:
        q, p = (
            "SELECT count(*) FROM mysql.user WHERE User = :n AND Host = :h",
            {"n": user.name, "h": user.host},
        )
    return bool(conn.execute(sa.text(q), p).scalar())


@pytest.fixture
def users(fresh_db, request):
    """Three users of our own on the engine: kept, dropped, and one owning a table."""
    engine_name = request.param
    url = fresh_db(engine_name)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    tag = uuid.uuid4().hex[:8]
    made: list[DbUser] = []
    with engine.connect() as conn:
        for role in ("keep", "drop", "owner"):
            made.append(_create_user(conn, engine_name, f"t_{role}_{tag}", "original-secret"))
        owner = made[2]
        if engine_name == "postgresql":
            conn.execute(sa.text("CREATE TABLE owned (id int)"))
            conn.execute(sa.text(f'ALTER TABLE owned OWNER TO "{owner.name}"'))
    yield engine_name, engine, made
    with engine.connect() as conn:
        for user in made:
            if _exists(conn, engine_name, user):
                if engine_name == "postgresql":
                    conn.execute(sa.text("DROP TABLE IF EXISTS owned"))
                    conn.execute(sa.text(f'DROP ROLE IF EXISTS "{user.name}"'))
                else:
                    conn.execute(sa.text(f"DROP USER IF EXISTS '{user.name}'@'{user.host}'"))
    engine.dispose()


@pytest.mark.parametrize("users", SERVER_ENGINES, indirect=True)
def test_scrub_drops_outsiders_and_rotates_kept(users):
    engine_name, engine, (keep, drop, owner) = users
    listed = {u.name for u in database_users(engine)}
    assert {keep.name, drop.name, owner.name} <= listed
    with engine.connect() as conn:
        before = _secret_of(conn, engine_name, keep)
    out = scrub_users(engine, [keep.name], candidates=[keep, drop, owner], rotate_current=False)
    with engine.connect() as conn:
        assert _exists(conn, engine_name, keep)
        assert _secret_of(conn, engine_name, keep) not in (None, before)
        assert not _exists(conn, engine_name, drop)
        if engine_name == "postgresql":
            # owns a table: cannot be dropped, so it loses login and password
            assert _exists(conn, engine_name, owner)
            assert _secret_of(conn, engine_name, owner) is None
            assert out == {"users_dropped": 1, "users_rotated": 2}
        else:
            assert not _exists(conn, engine_name, owner)
            assert out == {"users_dropped": 2, "users_rotated": 1}


@pytest.mark.parametrize("engine_name", SERVER_ENGINES)
def test_compact_rewrites_tokenized_tables(fresh_db, engine_name):
    engine = sa.create_engine(fresh_db(engine_name))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE people (id int primary key, email varchar(80))"))
        conn.execute(sa.text("INSERT INTO people VALUES (1, 'a@example.com')"))
        conn.execute(sa.text("UPDATE people SET email = 'token@example.org'"))
    if engine_name == "postgresql":
        with engine.connect() as conn:
            before = conn.execute(sa.text("SELECT pg_relation_filenode('people')")).scalar()
    assert compact_tables(engine, ["people"]) == 1
    if engine_name == "postgresql":
        with engine.connect() as conn:
            # VACUUM FULL wrote a new file: the old one with the dead tuple is gone
            after = conn.execute(sa.text("SELECT pg_relation_filenode('people')")).scalar()
        assert after != before
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT email FROM people")).scalar() == "token@example.org"
    engine.dispose()


def test_hygiene_refuses_sqlite(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(ConfigError, match="sqlite"):
        compact_tables(engine, ["t"])


@pytest.mark.postgres
def test_vacuum_as_non_owner_fails_naming_the_table_or_runs_as_owner(fresh_db):
    """PostgreSQL skips a table it may not vacuum with a mere warning: the pre-update
    row versions would then reach the snapshot. The step must fail, naming the table,
    unless the user can act as the owner (SET ROLE to a role it is a member of)."""
    from sqlalchemy.engine import make_url

    from piigate.aws.hygiene import CompactionSkipped

    url = fresh_db("postgresql")
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    tag = uuid.uuid4().hex[:8]
    owner, outsider, member = f"t_own_{tag}", f"t_out_{tag}", f"t_mem_{tag}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{owner}" NOLOGIN'))
        conn.execute(sa.text(f'CREATE ROLE "{outsider}" LOGIN'))
        # a member that does not inherit the owner's rights: it must SET ROLE
        conn.execute(sa.text(f'CREATE ROLE "{member}" LOGIN NOINHERIT IN ROLE "{owner}"'))
        conn.execute(sa.text("CREATE TABLE people (id int primary key, email text)"))
        conn.execute(sa.text(f'ALTER TABLE people OWNER TO "{owner}"'))
        conn.execute(sa.text("INSERT INTO people VALUES (1, 'a@example.com')"))
        conn.execute(sa.text("UPDATE people SET email = 'token@example.org'"))
        conn.execute(sa.text(f'GRANT ALL ON SCHEMA public TO "{outsider}", "{member}"'))
        before = conn.execute(sa.text("SELECT pg_relation_filenode('people')")).scalar()
    try:
        as_outsider = sa.create_engine(make_url(url).set(username=outsider, password=None))
        with pytest.raises(CompactionSkipped) as err:
            compact_tables(as_outsider, ["people"])
        assert err.value.field == "people"
        as_outsider.dispose()
        as_member = sa.create_engine(make_url(url).set(username=member, password=None))
        assert compact_tables(as_member, ["people"]) == 1
        as_member.dispose()
        with admin.connect() as conn:
            after = conn.execute(sa.text("SELECT pg_relation_filenode('people')")).scalar()
        assert after != before  # rewritten by the owner's role
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text("DROP TABLE people"))
            conn.execute(sa.text(f'REVOKE ALL ON SCHEMA public FROM "{outsider}", "{member}"'))
            for role in (member, outsider, owner):
                conn.execute(sa.text(f'DROP ROLE "{role}"'))
        admin.dispose()


@pytest.mark.parametrize("users", SERVER_ENGINES, indirect=True)
def test_importer_gives_kept_users_pre_production_passwords(users):
    """The producer left kept users with random passwords nobody knows; the importer
    sets those from its own secret. An unknown user fails, naming it."""
    from piigate.aws.hygiene import set_passwords

    engine_name, engine, (keep, _drop, _owner) = users
    with engine.connect() as conn:
        before = _secret_of(conn, engine_name, keep)
    assert set_passwords(engine, {keep.name: "pre-prod-secret"}) == 1
    with engine.connect() as conn:
        assert _secret_of(conn, engine_name, keep) not in (None, before)
    if engine_name != "postgresql":  # PostgreSQL's SCRAM hash is salted: changed is all
        with engine.connect() as conn:
            expected = conn.execute(sa.text("SELECT PASSWORD('pre-prod-secret')")).scalar()
            assert _secret_of(conn, engine_name, keep) == expected
    with pytest.raises(ConfigError) as err:
        set_passwords(engine, {"no_such_user_x": "pw"})
    assert err.value.field == "no_such_user_x"


@pytest.mark.parametrize("users", ["postgresql"], indirect=True)
def test_swap_probe_sets_the_users_passwords_before_the_old_instance_goes(
    users, aws_credentials
):
    """The importer's probe (after the new instance is renamed in, before the old one is
    deleted) sets the passwords; a user missing from the new instance fails the probe,
    which rolls the swap back."""
    import json

    import boto3
    from moto import mock_aws

    from piigate.aws import AwsSettings, databases, reset_clients

    engine_name, engine, (keep, _drop, _owner) = users
    url = engine.url.render_as_string(hide_password=False)
    with engine.connect() as conn:
        before = _secret_of(conn, engine_name, keep)
    reset_clients()
    databases.set_url_resolver(lambda _instance: url)
    try:
        with mock_aws():
            sm = boto3.client("secretsmanager")
            good = sm.create_secret(Name="u1", SecretString=json.dumps({keep.name: "pp"}))["ARN"]
            bad = sm.create_secret(Name="u2", SecretString=json.dumps({"ghost_x": "pp"}))["ARN"]
            databases.answers(AwsSettings(users_secret_arn=good))({"DBInstanceIdentifier": "db"})
            with engine.connect() as conn:
                assert _secret_of(conn, engine_name, keep) != before
            with pytest.raises(ConfigError):
                databases.answers(AwsSettings(users_secret_arn=bad))({"DBInstanceIdentifier": "db"})
    finally:
        databases.set_url_resolver(None)
        reset_clients()
