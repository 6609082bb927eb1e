"""Rebuilding tables (piigate/writer/rebuild.py) against updating rows in place.

The two paths must give the same rows and leave the same schema: tables, indexes,
constraints and foreign keys by name, and on the servers grants, comments and views.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from piigate import sample, toolstate
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema
from piigate.writer import TokenizeError, apply_group, finish, prepare, tokenize
from tests.fixtures.dbutil import SERVER_ENGINES, fingerprint, tool_tables
from tests.fixtures.employees_schema import employees_schema

N = 400


def _schema_of(engine) -> list:
    """Everything a rebuild must keep, as each engine describes it (of the user's tables:
    a tokenized database also holds PII Gate's state table)."""
    with engine.connect() as c:
        name = engine.dialect.name
        ours = toolstate.own_tables(c)
        if name == "sqlite":
            return [r for r in c.execute(sa.text(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")).all()
                if r.tbl_name not in ours]
        if name == "mysql":
            tables = sorted(set(sa.inspect(c).get_table_names()) - ours)
            return [c.execute(sa.text(f"SHOW CREATE TABLE `{t}`")).one()[1]
                    .split(" AUTO_INCREMENT=")[0] for t in tables]
        rows = [*c.execute(sa.text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
            "ORDER BY 1, 2")).all(), *c.execute(sa.text(
                "SELECT c.relname, c.relkind, c.relacl::text, obj_description(c.oid), "
                "pg_get_indexdef(c.oid) FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                "ORDER BY 1")).all()]
        return [r for r in rows if not str(r[0]).startswith(toolstate.STATE_TABLE)]


def _decorate_pg(engine) -> None:
    """Grants, comments, a view and an extra index: things a table swap would lose."""
    with engine.begin() as c:
        for stmt in (
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            "'piigate_reader') THEN CREATE ROLE piigate_reader; END IF; END $$",
            "GRANT SELECT ON employees, salaries TO piigate_reader",
            "COMMENT ON TABLE employees IS 'people'",
            "COMMENT ON COLUMN employees.last_name IS 'family name'",
            "CREATE INDEX employees_name_idx ON employees (last_name, first_name)",
            "CREATE VIEW salary_view AS SELECT e.first_name, s.salary FROM employees e "
            "JOIN salaries s ON s.emp_no = e.emp_no",
        ):
            c.execute(sa.text(stmt))


@pytest.mark.parametrize("entity_dates", [False, True], ids=["plain", "entity-dates"])
def test_rebuild_and_update_give_the_same_rows_and_schema(fresh_db, db_url, keyring,
                                                          entity_dates):
    engine_name = {"sqlite": "sqlite", "postgresql": "postgresql", "mysql": "mariadb"}[
        connect(db_url).dialect.name]
    urls = {True: db_url, False: fresh_db(engine_name)}
    schemas = {}
    for rebuild, url in urls.items():
        engine = connect(url)
        sample.create(engine, N, extras=True)
        if engine.dialect.name == "postgresql":
            _decorate_pg(engine)
        before = _schema_of(engine)
        plan = make_plan(parse_schema(employees_schema(consent=True,
                                                       entity_dates=entity_dates)),
                         reflect(engine))
        result = tokenize(engine, plan, keyring, rebuild=rebuild)
        assert {r.rebuilt for r in result.tables.values()} == {rebuild}
        schemas[rebuild] = _schema_of(engine)
        assert schemas[rebuild] == before, "the schema changed"
        engine.dispose()
    assert fingerprint(urls[True]) == fingerprint(urls[False])


def test_a_table_with_a_trigger_is_updated_in_place_with_its_group(db_url, keyring):
    engine = connect(db_url)
    sample.create(engine, 50, extras=False)
    trigger = {
        "sqlite": "CREATE TRIGGER t_sal AFTER INSERT ON salaries BEGIN SELECT 1; END",
        "postgresql": "CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$ BEGIN RETURN NEW; END $$; CREATE TRIGGER t_sal BEFORE INSERT ON "
                      "salaries FOR EACH ROW EXECUTE FUNCTION noop()",
        "mysql": "CREATE TRIGGER t_sal BEFORE INSERT ON salaries FOR EACH ROW SET @x = 1",
    }[engine.dialect.name]
    with engine.begin() as c:
        c.exec_driver_sql(trigger)
    plan = make_plan(parse_schema(employees_schema(extras=False)), reflect(engine))
    result = tokenize(engine, plan, keyring)
    # salaries shares the emp_no group with employees, titles, dept_emp, dept_manager
    for t in ("employees", "salaries", "titles"):
        assert not result.tables[t].rebuilt
        assert result.tables[t].rows > 0
    with engine.connect() as c:
        names = [r[0] for r in c.execute(sa.text("SELECT first_name FROM employees"))]
    assert names and all(n for n in names)
    engine.dispose()


def _leftovers(engine) -> list[str]:
    return tool_tables(engine)


def test_failed_rebuild_leaves_the_group_and_no_work_tables(db_url, keyring):
    """A CHECK constraint the plan cannot see fails the rebuild: the table is unchanged
    and no value map is left behind (only the run's record of applied groups, so that a
    rerun resumes instead of enciphering tokens)."""
    engine = connect(db_url)
    sample.create(engine, 20, extras=False)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE acct (id INTEGER PRIMARY KEY, "
                          "code VARCHAR(10) CHECK (code <> 'X'))"))
        c.execute(sa.text("INSERT INTO acct VALUES (1, 'a1'), (2, 'b2')"))
    schema = employees_schema(extras=False)
    schema["tables"]["acct"] = {"columns": {
        "id": {"method": "keep", "reason": "surrogate key"},
        "code": {"method": "redact", "value": "X"}}}
    plan = make_plan(parse_schema(schema), reflect(engine))
    before = fingerprint(db_url)
    with pytest.raises(TokenizeError) as err:
        tokenize(engine, plan, keyring)
    assert "acct" in str(err.value) and "a1" not in str(err.value)
    after = fingerprint(db_url)
    assert after["acct"] == before["acct"]
    assert [t.split("_")[1] for t in _leftovers(engine)] == ["work"]
    engine.dispose()


@pytest.mark.parametrize("db_url", SERVER_ENGINES[1:], indirect=True)
def test_mariadb_refuses_a_group_whose_swap_was_interrupted(db_url, keyring):
    """The sentinel an interrupted swap leaves makes every retry refuse (never twice)."""
    engine = connect(db_url)
    sample.create(engine, 30, extras=False)
    plan = make_plan(parse_schema(employees_schema(extras=False)), reflect(engine))
    state = prepare(engine, plan, keyring, run_id="interrupted")
    group = next(i for i, g in enumerate(state.groups) if "salaries" in g)
    tag = state.done_table.removeprefix("piigate_work_")
    with engine.begin() as c:
        c.execute(sa.text(f"CREATE TABLE piigate_swap_{tag}_{group} (x INT)"))
    before = fingerprint(db_url)
    with pytest.raises(TokenizeError, match="stopped while swapping"):
        apply_group(engine, plan, keyring, state, group)
    assert fingerprint(db_url) == before
    finish(engine, plan, state, require_all=False)
    engine.dispose()


def test_cli_rebuilds_by_default_and_updates_in_place_on_request(tmp_path, secret, capsys):
    """``piigate tokenize`` says which path ran; ``--update-in-place`` forces the other."""
    import json

    from piigate.cli import main

    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(employees_schema(extras=False)))
    seen = {}
    for flag in ([], ["--update-in-place"]):
        url = f"sqlite:///{tmp_path / f'db{len(flag)}.sqlite'}"
        sa.create_engine(url).connect().close()  # the file; connect() wants it to exist
        sample.create(connect(url), 40, extras=False)
        capsys.readouterr()
        assert main(["tokenize", "--db", url, "--schema", str(schema_file), "--json",
                     *flag]) == 0
        tables = json.loads(capsys.readouterr().out)["tables"]
        seen[bool(flag)] = {t["rebuilt"] for t in tables.values()}
    assert seen == {False: {True}, True: {False}}
    assert fingerprint(f"sqlite:///{tmp_path / 'db0.sqlite'}") == fingerprint(
        f"sqlite:///{tmp_path / 'db1.sqlite'}")


@pytest.mark.parametrize("unchanged", [False, True], ids=["all-changed", "one-unchanged"])
def test_rows_read_through_the_key_map_lose_none(fresh_db, db_url, keyring, unchanged):
    """MariaDB reads a rebuilt table through its leading key's work table (STRAIGHT_JOIN)
    only when every key has a work row; a key the transform leaves alone (the empty
    string) has none, and its row must still be there. Same rows as the in-place update
    either way, on every engine."""
    engine_name = {"sqlite": "sqlite", "postgresql": "postgresql", "mysql": "mariadb"}[
        connect(db_url).dialect.name]
    schema = {"format": "piigate/v1", "tables": {"logins": {"columns": {
        "login": {"method": "hash"}, "note": {"method": "keep", "reason": "not personal"}}}}}
    logins = [f"user{i:03d}" for i in range(60)] + ([""] if unchanged else [])
    urls = {True: db_url, False: fresh_db(engine_name)}
    for rebuild, url in urls.items():
        engine = connect(url)
        md = sa.MetaData()
        table = sa.Table("logins", md, sa.Column("login", sa.String(80), primary_key=True),
                         sa.Column("note", sa.String(20)))
        md.create_all(engine)
        with engine.begin() as c:
            c.execute(table.insert(), [{"login": v, "note": f"n{i}"}
                                       for i, v in enumerate(logins)])
        driving: list[str] = []

        def spy(*a: object, seen: list[str] = driving) -> None:
            if "STRAIGHT_JOIN" in str(a[2]):
                seen.append(str(a[2]))

        sa.event.listen(engine, "before_cursor_execute", spy)
        tokenize(engine, make_plan(parse_schema(schema), reflect(engine)), keyring,
                 rebuild=rebuild)
        with engine.connect() as c:
            after = dict(c.execute(sa.text("SELECT note, login FROM logins")).all())
        assert len(after) == len(logins)
        assert not set(after.values()) & (set(logins) - {""})
        if unchanged:
            assert after[f"n{len(logins) - 1}"] == ""
        if rebuild and engine_name == "mariadb":
            assert len(driving) == (0 if unchanged else 1)
        engine.dispose()
    assert fingerprint(urls[True]) == fingerprint(urls[False])
