"""Reflection reads declared types as the application declared them, on every engine."""

from __future__ import annotations

import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema


def test_sqlite_int_is_32_bit_and_only_the_rowid_alias_is_64(fresh_db, keyring, tok):
    engine = connect(fresh_db("sqlite"))
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE t (id INTEGER PRIMARY KEY, badge INT NOT NULL, "
                          "seq INTEGER, big BIGINT)"))
        for i in range(1, 301):
            c.execute(sa.text("INSERT INTO t VALUES (:i, :b, :s, :g)"),
                      {"i": i, "b": 100000 + i, "s": i * 7, "g": i})
    cols = reflect(engine).tables["t"].columns
    assert (cols["badge"].int_min, cols["badge"].int_max) == (-(2**31), 2**31 - 1)
    assert cols["seq"].int_max == 2**31 - 1
    assert cols["id"].int_max == cols["big"].int_max == 2**63 - 1
    schema = parse_schema({"tables": {"t": {"columns": {
        "id": {"method": "keep", "reason": "row number"}, "badge": {"method": "fpe"},
        "seq": {"method": "fpe"}, "big": {"method": "keep", "reason": "counter"}}}}})
    tok(engine, make_plan(schema, reflect(engine)), keyring)
    with engine.connect() as c:
        hi = c.execute(sa.text("SELECT max(abs(badge)), max(abs(seq)) FROM t")).one()
    assert max(hi) < 2**31  # 32-bit tokens, not 18 digits
    engine.dispose()


def test_bigint_tokens_stay_below_2_to_the_53(db_url, keyring, tok):
    engine = connect(db_url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE acct (id BIGINT PRIMARY KEY, ref BIGINT NOT NULL)"))
        c.execute(sa.text("INSERT INTO acct VALUES (:i, :r)"),
                  [{"i": i, "r": 10**12 + i} for i in range(1, 501)])
    schema = parse_schema({"tables": {"acct": {"columns": {
        "id": {"method": "fpe"}, "ref": {"method": "fpe"}}}}})
    tok(engine, make_plan(schema, reflect(engine)), keyring)
    with engine.connect() as c:
        hi = c.execute(sa.text("SELECT max(abs(id)), max(abs(ref)) FROM acct")).one()
        n = c.execute(sa.text("SELECT count(DISTINCT id) FROM acct")).scalar_one()
    assert max(hi) <= 2**53 - 1 and n == 500
    engine.dispose()


def test_a_mariadb_set_is_as_long_as_all_its_members(fresh_db):
    """A SET value holds any combination of its members: sized by the longest member,
    a work-table key or new value would be cut short (left unmasked on a lax server)."""
    engine = connect(fresh_db("mariadb"))
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE t (id INT PRIMARY KEY, "
                          "tags SET('a','bb','ccc','dd') NOT NULL, kind ENUM('x','yyy'))"))
        c.execute(sa.text("INSERT INTO t VALUES (1, 'a,bb,ccc,dd', 'yyy')"))
    cols = reflect(engine).tables["t"].columns
    assert cols["tags"].kind == "text" and cols["tags"].length == len("a,bb,ccc,dd")
    assert cols["kind"].length == 3
