"""``piigate scan`` on SQLite, PostgreSQL and MariaDB: sampling, proposal, check, CLI."""

from __future__ import annotations

import argparse
import json
import uuid

import pytest
import sqlalchemy as sa

from classifiers.cli import register
from classifiers.sampling import BINARY_PREFIX, sample_table
from classifiers.scan import scan_database
from piigate import sample
from piigate.db import connect, normalise_url, reflect
from piigate.plan import make_plan
from piigate.schema import load_schema, save_schema


def _big_table(url: str, rows: int) -> None:
    engine = connect(url)
    md = sa.MetaData()
    t = sa.Table("events", md,
                 sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                 sa.Column("kind", sa.String(10), nullable=False),
                 sa.Column("payload", sa.LargeBinary))
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(t.insert(), [{"id": i * 3, "kind": f"k{i % 50}", "payload": b"\x00\x01"}
                                  for i in range(rows)])
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE events"))
        elif engine.dialect.name == "mysql":
            conn.execute(sa.text("ANALYZE TABLE events"))
    engine.dispose()


def test_sampling_reads_a_bounded_random_sample(db_url):
    _big_table(db_url, 6000)
    engine = connect(db_url)
    try:
        info = reflect(engine).tables["events"]
        ts = sample_table(engine, info, 200, seed=1)
    finally:
        engine.dispose()
    assert ts.error is None
    expected = {"sqlite": "rowid probes", "postgresql": "tablesample bernoulli",
                "mysql": "key probes"}
    assert ts.method == expected[engine.dialect.name]
    assert 0 < len(ts.rows) <= 200
    ids = [r["id"] for r in ts.rows]
    assert len(set(ids)) == len(ids)
    assert max(ids) > 3 * 3000  # not just the first rows of the table
    # binary: only the first bytes of each value are read (magic numbers), kept out of rows
    payload = ts.columns["payload"]
    assert payload.binary and all(len(v) <= BINARY_PREFIX for v in payload.values)
    assert "payload" not in ts.rows[0]


def test_scan_sample_database_proposal_passes_check(db_url):
    engine = connect(db_url)
    sample.create(engine, 300)
    try:
        result = scan_database(engine, sample=500)
        inv = reflect(engine)
    finally:
        engine.dispose()
    assert result.failed_tables == {}
    s = result.schema
    assert {t for t, _, _ in s.iter_rules()} == set(inv.tables)
    for t in inv.tables.values():
        assert set(s.tables[t.name].columns) == set(t.columns), t.name
    plan = make_plan(s, inv)  # coverage, method/kind fit, key domains
    assert plan.undecided == []
    assert s.rule("employees", "first_name").method == "fake"
    assert s.rule("employees", "birth_date").method == "date_shift"
    assert s.rule("employees", "hire_date").method == "keep"
    assert s.rule("departments", "dept_name").method == "keep"
    # UNIQUE: fakes may repeat, so the e-mails keep their shape under a permutation
    assert s.rule("customers", "email").method == "fpe"
    assert s.rule("customers", "ssn").method == "fpe"
    assert s.rule("customers", "notes").method == "redact"
    prof = s.rule("customers", "profile")
    assert prof.method == "json" and {p.path for p in prof.paths} >= {
        "$.contact.email", "$.name.first", "$.name.last"}
    for t in ("employees", "salaries", "titles", "dept_emp", "customers"):
        col = "account_manager" if t == "customers" else "emp_no"
        assert s.rule(t, col).method == "fpe" and s.rule(t, col).domain == "employees.emp_no"
    assert "employees.emp_no" in plan.domains
    # evidence never carries raw values
    text = s.to_json()
    assert "example.com" not in text and "Called " not in text


@pytest.mark.postgres
def test_unreadable_table_fails_closed(fresh_db, tmp_path):
    url = fresh_db("postgresql")
    owner = connect(url)
    sample.create(owner, 30, extras=False)
    role = f"piigate_ro_{uuid.uuid4().hex[:8]}"
    with owner.begin() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(sa.text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
        conn.execute(sa.text(f'REVOKE SELECT ON salaries FROM "{role}"'))
    limited = normalise_url(url).set(username=role).render_as_string(hide_password=False)
    try:
        result = scan_database(limited, sample=100)
        assert set(result.failed_tables) == {"salaries"}
        assert "permission denied" in result.failed_tables["salaries"]
        assert "salaries" not in result.schema.tables  # undecided: check must refuse
        code = _cli(["scan", "--db", limited, "-o", str(tmp_path / "p.json")])
        assert code == 3 and (tmp_path / "p.json").exists()
    finally:
        with owner.begin() as conn:
            conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
            conn.execute(sa.text(f'DROP ROLE "{role}"'))
        owner.dispose()


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="piigate")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_cli_scan_writes_proposal_and_reports_drift(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    engine = sa.create_engine(url)
    sample.create(engine, 100)
    out = tmp_path / "proposal.json"
    assert _cli(["scan", "--db", url, "--sample-rows", "200", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "first_name" in printed and "FIRST_NAME" in printed and "fake" in printed
    first = load_schema(out)
    assert first.rule("employees", "first_name").finding.entity == "FIRST_NAME"
    # the reviewer approves with an edit; then the database grows a column
    approved = first.replace_rule("employees", "gender", {"method": "keep",
                                                          "reason": "reviewed: M/F only"})
    save_schema(approved, tmp_path / "approved.json")
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE employees ADD COLUMN nickname VARCHAR(20)"))
        conn.execute(sa.text("UPDATE employees SET nickname = first_name"))
    engine.dispose()
    out2 = tmp_path / "proposal2.json"
    code = _cli(["scan", "--db", url, "--previous", str(tmp_path / "approved.json"),
                 "-o", str(out2)])
    assert code == 0
    second = load_schema(out2)
    assert second.rule("employees", "nickname").drift == "new"
    gender = second.rule("employees", "gender")
    assert gender.drift == "unchanged" and gender.reason == "reviewed: M/F only"
    assert gender.decided_by == "carried-over"
    assert second.version == approved.version + 1


def test_cli_bad_inputs_exit_2(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite"
    assert _cli(["scan", "--db", f"sqlite:///{missing}", "-o", str(tmp_path / "p.json")]) == 2
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    sample.create(sa.create_engine(url), 10, extras=False)
    bad = tmp_path / "defaults.json"
    bad.write_text(json.dumps({"columns": {"x": {"method": "nope"}}}))
    assert _cli(["scan", "--db", url, "--defaults", str(bad), "-o", str(tmp_path / "p.json")]) == 2
    assert "defaults" in capsys.readouterr().err


@pytest.mark.postgres
def test_postgresql_large_tables_sample_whole_pages(fresh_db, monkeypatch):
    import classifiers.sampling as sampling

    url = fresh_db("postgresql")
    _big_table(url, 6000)
    monkeypatch.setattr(sampling, "BERNOULLI_MAX_ROWS", 1000)  # 6000 rows count as large
    engine = connect(url)
    try:
        ts = sample_table(engine, reflect(engine).tables["events"], 200, seed=2)
    finally:
        engine.dispose()
    assert ts.method == "tablesample system"
    assert 0 < len(ts.rows) <= 200
