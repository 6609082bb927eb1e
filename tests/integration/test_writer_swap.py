"""PostgreSQL: a rebuilt table whose identity a new table keeps is swapped in.

Where :meth:`PostgresqlDialect.why_not_swap` finds nothing a new table would lose, the
rebuilt rows go to a new table that takes the old one's place (each row written once,
its indexes built by sorting, on their own in work units); anything else is refilled
in place (``TRUNCATE`` and insert) as before. Either way the schema must come out the
same, object by object and name by name, and the sequences must keep working.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.writer import TokenizeError, apply_unit, plan_units, prepare, tokenize
from piigate.writer.dialects import dialect_for
from tests.fixtures.dbutil import fingerprint
from tests.fixtures.employees_schema import KEEP

FPE = {"method": "fpe"}
SCHEMA = {"format": "piigate/v1", "tables": {
    "Clients": {"columns": {"id": FPE, "email": {"method": "fake", "kind": "email"},
                            "full name": {"method": "fake", "kind": "full_name"},
                            "note": KEEP, "score": KEEP}},
    "orders": {"columns": {"id": KEEP, "client_id": FPE, "amount": KEEP}},
}}
N = 300


def _create(engine) -> None:
    """Tables with what a swap must carry over: a serial key owning its sequence, a
    mixed-case name and a column name with a space, unique, partial, expression and
    INCLUDE indexes, a CHECK constraint, defaults, column comments, a composite
    unique key, and a foreign key."""
    with engine.begin() as c:
        for stmt in (
            'CREATE TABLE "Clients" (id serial PRIMARY KEY, email varchar(80) NOT NULL, '
            '"full name" text, note text DEFAULT \'n/a\' CHECK (length(note) < 50), '
            "score int NOT NULL DEFAULT 0, CONSTRAINT clients_email_key UNIQUE (email))",
            'CREATE INDEX "Clients name idx" ON "Clients" (lower("full name")) '
            "WHERE score > 0",
            'CREATE UNIQUE INDEX clients_score_id ON "Clients" (score, id) INCLUDE (note)',
            "COMMENT ON COLUMN \"Clients\".email IS 'contact address'",
            "CREATE TABLE orders (id bigserial PRIMARY KEY, client_id int NOT NULL "
            'REFERENCES "Clients"(id), amount numeric(10, 2), UNIQUE (client_id, id))',
            f'INSERT INTO "Clients" (email, "full name", note, score) SELECT '
            f"'user' || g || '@example.org', 'Person ' || g, 'note ' || g, g % 7 "
            f"FROM generate_series(1, {N}) g",
            "INSERT INTO orders (client_id, amount) SELECT 1 + g % "
            f"{N}, g * 1.5 FROM generate_series(1, {3 * N}) g",
        ):
            c.execute(sa.text(stmt))


def _catalog(engine) -> list:
    """The user tables as the catalogs describe them, by name (no oids)."""
    with engine.connect() as c:
        return [*c.execute(sa.text(
            "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid), "
            "convalidated FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
            "AND conrelid::regclass::text NOT LIKE 'piigate%' ORDER BY 1, 2")).all(),
            *c.execute(sa.text(
                "SELECT c.relname, c.relkind, c.relpersistence, c.relacl::text, "
                "obj_description(c.oid), CASE WHEN c.relkind = 'i' THEN "
                "pg_get_indexdef(c.oid) END FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                "AND c.relname NOT LIKE 'piigate%' AND c.relkind IN ('r', 'i', 'S', 'v') "
                "ORDER BY 1")).all(),
            *c.execute(sa.text(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, "
                "a.attnum), pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
                "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 "
                "AND NOT a.attisdropped AND c.relname NOT LIKE 'piigate%' ORDER BY 1, 2"))
            .all()]


def _oids(engine) -> dict[str, int]:
    with engine.connect() as c:
        return {t: c.execute(sa.text("SELECT CAST(:t AS regclass)::oid"),
                             {"t": f'"{t}"'}).scalar_one() for t in ("Clients", "orders")}


@pytest.fixture
def pg(fresh_db):
    def make():
        engine = connect(fresh_db("postgresql"))
        _create(engine)
        return engine
    return make


def _plan(engine):
    return make_plan(parse_schema(SCHEMA), reflect(engine))


@pytest.mark.parametrize("jobs", [1, 2])
def test_swapped_tables_keep_their_schema_and_sequences(pg, keyring, jobs):
    engine = pg()
    with engine.connect() as c:
        assert [dialect_for(engine).why_not_swap(c, t) for t in ("Clients", "orders")] \
            == [None, None]
    before, oids = _catalog(engine), _oids(engine)
    with engine.connect() as c:
        emails = set(c.execute(sa.text('SELECT email FROM "Clients"')).scalars())
    result = tokenize(engine, _plan(engine), keyring, jobs=jobs)
    assert all(r.rebuilt for r in result.tables.values())
    after = _oids(engine)
    assert all(after[t] != oids[t] for t in oids), "the tables were refilled, not swapped"
    assert _catalog(engine) == before
    with engine.begin() as c:
        assert not emails & set(c.execute(sa.text('SELECT email FROM "Clients"')).scalars())
        # the sequences still belong to the columns and move on past the new keys
        new = c.execute(sa.text('INSERT INTO "Clients" (email) VALUES (\'x@example.org\') '
                                "RETURNING id")).scalar_one()
        assert new > c.execute(sa.text('SELECT MAX(id) FROM "Clients" WHERE id <> :n'),
                               {"n": new}).scalar_one()
        c.execute(sa.text("INSERT INTO orders (client_id) VALUES (:n)"), {"n": new})
        # the constraints hold on the swapped tables
        with pytest.raises(sa.exc.IntegrityError):
            with c.begin_nested():
                c.execute(sa.text('INSERT INTO "Clients" (email, note) VALUES '
                                  "('y@example.org', repeat('z', 60))"))
    engine.dispose()


def test_swap_and_refill_give_the_same_rows(pg, keyring):
    swapped, refilled = pg(), pg()
    with refilled.begin() as c:  # a view on Clients: it must stay the same table
        c.execute(sa.text('CREATE VIEW client_names AS SELECT "full name" FROM "Clients"'))
    tokenize(swapped, _plan(swapped), keyring, jobs=2)
    oids = _oids(refilled)
    tokenize(refilled, _plan(refilled), keyring, jobs=2)
    assert _oids(refilled)["Clients"] == oids["Clients"]
    with refilled.begin() as c:
        c.execute(sa.text("DROP VIEW client_names"))
    assert fingerprint(swapped.url.render_as_string(hide_password=False)) == \
        fingerprint(refilled.url.render_as_string(hide_password=False))
    swapped.dispose()
    refilled.dispose()


DECORATIONS = {
    "grant": ("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
              "'piigate_reader') THEN CREATE ROLE piigate_reader; END IF; "
              'GRANT SELECT ON "Clients" TO piigate_reader; END $$', "grants"),
    "view": ('CREATE VIEW client_names AS SELECT "full name" FROM "Clients"',
             "depends on it"),
    "table comment": ("COMMENT ON TABLE \"Clients\" IS 'people'", "comment"),
    "clustered": ('CLUSTER "Clients" USING clients_email_key', "index"),
    "index comment": ("COMMENT ON INDEX clients_score_id IS 'x'", "index"),
    "not validated": ('ALTER TABLE "Clients" ADD CONSTRAINT positive CHECK (score >= 0) '
                      "NOT VALID", "index or constraint"),
    "storage option": ('ALTER TABLE "Clients" SET (fillfactor = 90)', "storage"),
    "extended statistics": ('CREATE STATISTICS clients_st ON score, note FROM "Clients"',
                            "statistics"),
    "row type in use": ('CREATE FUNCTION client_email(c "Clients") RETURNS text '
                        "LANGUAGE sql AS 'SELECT c.email'", "depends on it"),
    "function": ('CREATE FUNCTION n_clients() RETURNS bigint LANGUAGE sql BEGIN ATOMIC '
                 'SELECT COUNT(*) FROM "Clients"; END', "depends on it"),
    "publication": ('CREATE PUBLICATION piigate_pub_test FOR TABLE "Clients"',
                    "depends on it"),
}


@pytest.mark.parametrize("decoration", list(DECORATIONS))
def test_a_table_a_swap_would_change_is_refilled(pg, keyring, decoration):
    engine = pg()
    stmt, why = DECORATIONS[decoration]
    with engine.begin() as c:
        c.execute(sa.text(stmt))
    with engine.connect() as c:
        reason = dialect_for(engine).why_not_swap(c, "Clients")
        assert reason is not None and why in reason, reason
        assert dialect_for(engine).why_not_swap(c, "orders") is None
    before, oids = _catalog(engine), _oids(engine)
    try:
        tokenize(engine, _plan(engine), keyring, jobs=2)
        assert _oids(engine)["Clients"] == oids["Clients"]  # the same table, refilled
        assert _oids(engine)["orders"] != oids["orders"]
        assert _catalog(engine) == before
    finally:
        if decoration == "publication":
            with engine.begin() as c:
                c.execute(sa.text("DROP PUBLICATION piigate_pub_test"))
        engine.dispose()


def test_an_identity_column_is_refilled(fresh_db, keyring):
    engine = connect(fresh_db("postgresql"))
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE people (id int GENERATED BY DEFAULT AS IDENTITY "
                          "PRIMARY KEY, email text)"))
        c.execute(sa.text("INSERT INTO people (email) SELECT 'p' || g || '@example.org' "
                          "FROM generate_series(1, 50) g"))
    with engine.connect() as c:
        assert "identity" in (dialect_for(engine).why_not_swap(c, "people") or "")
    schema = {"format": "piigate/v1", "tables": {"people": {"columns": {
        "id": FPE, "email": {"method": "fake", "kind": "email"}}}}}
    before = _catalog(engine)
    tokenize(engine, make_plan(parse_schema(schema), reflect(engine)), keyring, jobs=2)
    assert _catalog(engine) == before
    engine.dispose()


def test_indexes_wait_for_every_range_of_their_table(pg, keyring):
    engine = pg()
    plan = _plan(engine)
    state = prepare(engine, plan, keyring, run_id="swap-units", build_maps=False)
    units = plan_units(engine, plan, state, ranges=3)
    index = [u for u in units if u.kind == "index"]
    assert len(index) == 2 and {u.phase for u in index} == {3}
    assert [u.phase for u in units if u.kind == "finish"] == [4]
    for u in units:
        if u.kind in ("map", "seal"):
            apply_unit(engine, plan, keyring, state, u)
    with pytest.raises(TokenizeError, match="3 of 3 key ranges are not in yet") as err:
        apply_unit(engine, plan, keyring, state, index[0])
    assert err.value.table in ("Clients", "orders")
    for u in units:
        if u.phase >= 2:
            assert apply_unit(engine, plan, keyring, state, u)["skipped"] is False
    assert apply_unit(engine, plan, keyring, state, index[0])["skipped"] is True
    engine.dispose()


def test_default_privileges_that_would_grant_a_new_table_more_keep_it_in_place(pg, keyring):
    engine = pg()
    with engine.begin() as c:
        c.execute(sa.text("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                          "'piigate_reader') THEN CREATE ROLE piigate_reader; END IF; END $$"))
        c.execute(sa.text("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES "
                          "TO piigate_reader"))
    with engine.connect() as c:
        reasons = [dialect_for(engine).why_not_swap(c, t) for t in ("Clients", "orders")]
    assert all(r is not None and "default privileges" in r for r in reasons), reasons
    before, oids = _catalog(engine), _oids(engine)
    tokenize(engine, _plan(engine), keyring)
    assert _oids(engine) == oids and _catalog(engine) == before
    with engine.begin() as c:  # the role outlives the test database: leave it as found
        c.execute(sa.text("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES "
                          "FROM piigate_reader"))
    engine.dispose()
