"""Review of fpe's uuid form: the hard cases of uuid keys in the writer (#10)."""

from __future__ import annotations

import json
import random
import uuid

import pytest
import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema

FPE = {"method": "fpe"}
HEX = {"method": "fpe", "alphabet": "hex"}
KEEP = {"method": "keep", "reason": "not personal"}


def _plan(engine, schema: dict):
    return make_plan(parse_schema(schema), reflect(engine))


def _col(plan, table: str, column: str):
    return next(c for c in plan.columns if (c.table, c.column) == (table, column))


@pytest.fixture
def engine(db_url):
    eng = connect(db_url)
    if eng.dialect.name == "sqlite":
        sa.event.listen(eng, "connect", lambda dbapi, _: dbapi.execute("PRAGMA foreign_keys=ON"))
        eng.dispose()
    yield eng
    eng.dispose()


def _uuids(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n)]


def test_uuid_composite_key(engine, keyring, tok):
    """A composite key of two uuids and its composite reference stay joined."""
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE pair (a uuid NOT NULL, b uuid NOT NULL, "
                             "n integer, PRIMARY KEY (a, b))"))
        conn.execute(sa.text("CREATE TABLE pair_ref (id integer PRIMARY KEY, a uuid, b uuid, "
                             "FOREIGN KEY (a, b) REFERENCES pair (a, b))"))
    schema = {"format": "piigate/v1", "tables": {
        "pair": {"columns": {"a": FPE, "b": FPE, "n": KEEP}},
        "pair_ref": {"columns": {"id": KEEP, "a": FPE, "b": FPE}}}}
    plan = _plan(engine, schema)
    fa = plan.transform(_col(plan, "pair", "a"), keyring)
    fb = plan.transform(_col(plan, "pair", "b"), keyring)
    a = _uuids(10, 1)
    a = a + fa.apply(a)[:5]
    b = _uuids(3, 2)
    b = b + fb.apply(b)
    rows = [(x, y) for x in a for y in b]
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO pair (a, b, n) VALUES (:a, :b, :n)"),
                     [{"a": x, "b": y, "n": i} for i, (x, y) in enumerate(rows)])
        conn.execute(sa.text("INSERT INTO pair_ref (id, a, b) VALUES (:i, :a, :b)"),
                     [{"i": i, "a": x, "b": y} for i, (x, y) in enumerate(rows)])
    tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        got = {r.n: (str(r.a), str(r.b)) for r in conn.execute(sa.text("SELECT * FROM pair"))}
        ref = {r.id: (str(r.a), str(r.b))
               for r in conn.execute(sa.text("SELECT * FROM pair_ref"))}
    want = {i: (fa.apply([x])[0], fb.apply([y])[0]) for i, (x, y) in enumerate(rows)}
    assert got == want
    assert ref == want


def test_text_uuid_key_in_upper_case_and_references(engine, keyring, tok):
    """CHAR(36) uuids in capitals (a .NET GUID) and a text reference, alphabet hex."""
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE acct (id char(36) PRIMARY KEY, n integer)"))
        conn.execute(sa.text("CREATE TABLE acct_ref (id integer PRIMARY KEY, acct char(36) "
                             "REFERENCES acct (id), other varchar(40))"))
    schema = {"format": "piigate/v1", "tables": {
        "acct": {"columns": {"id": HEX, "n": KEEP}},
        "acct_ref": {"columns": {"id": KEEP, "acct": HEX, "other": HEX}}}}
    plan = _plan(engine, schema)
    f = plan.transform(_col(plan, "acct", "id"), keyring)
    ids = [u.upper() for u in _uuids(30, 3)]
    ids = ids + f.apply(ids)[:10]
    others = [None, "", ids[0].lower(), "0123", "abc"]
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO acct (id, n) VALUES (:id, :n)"),
                     [{"id": v, "n": i} for i, v in enumerate(ids)])
        conn.execute(sa.text("INSERT INTO acct_ref (id, acct, other) VALUES (:i, :a, :o)"),
                     [{"i": i, "a": ids[i % len(ids)], "o": others[i % len(others)]}
                      for i in range(60)])
    tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        got = {r.n: r.id for r in conn.execute(sa.text("SELECT * FROM acct"))}
        ref = {r.id: (r.acct, r.other)
               for r in conn.execute(sa.text("SELECT * FROM acct_ref"))}
    assert got == {i: t for i, t in enumerate(f.apply(ids))}
    assert all(t.isupper() for t in got.values())
    g = _plan(engine, schema)
    g = g.transform(_col(g, "acct_ref", "other"), keyring)
    assert ref == {i: (f.apply([ids[i % len(ids)]])[0],
                       g.apply([others[i % len(others)]])[0]) for i in range(60)}


def test_persisted_uuid_value(engine, keyring, tok):
    """A persisted value of a uuid column stays; the others are enciphered."""
    keep = "00000000-0000-4000-8000-000000000000"
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE sess (id integer PRIMARY KEY, who uuid)"))
        conn.execute(sa.text("INSERT INTO sess (id, who) VALUES (:i, :w)"),
                     [{"i": i, "w": keep if i % 2 else u} for i, u in enumerate(_uuids(20, 4))])
    schema = {"format": "piigate/v1", "tables": {"sess": {"columns": {
        "id": KEEP, "who": {"method": "fpe", "persist_values": [keep]}}}}}
    tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        got = {r.id: str(r.who) for r in conn.execute(sa.text("SELECT * FROM sess"))}
    assert all(got[i] == keep for i in range(1, 20, 2))
    assert all(got[i] != keep for i in range(0, 20, 2))


def test_reverse_a_uuid_token(engine, keyring, tok):
    from piigate.reidentify import reidentify_column
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE who (id uuid PRIMARY KEY)"))
        ids = _uuids(5, 5)
        conn.execute(sa.text("INSERT INTO who (id) VALUES (:i)"), [{"i": i} for i in ids])
    schema = {"format": "piigate/v1", "tables": {"who": {"columns": {"id": FPE}}}}
    tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        toks = [str(v) for (v,) in conn.execute(sa.text("SELECT id FROM who"))]
    back = reidentify_column(parse_schema(schema), "who.id", toks, keyring,
                             db=engine.url.render_as_string(hide_password=False))
    assert sorted(str(v) for v in back) == sorted(ids)


def test_text_reference_to_a_uuid_key_listed_first(engine, keyring, tok):
    """A text column joined to a uuid key (a foreign key on SQLite, a ``domain`` elsewhere),
    the text column first in the schema. Under 'auto' the domain's transform was the text
    column's (alnum): the uuid column got non-hex tokens (SQLite kept them silently) and
    the text column's tokens did not reverse alike. check refuses 'auto' there; with
    'hex' on both the uuid column gets uuids, joined and reversible."""
    from piigate.errors import SchemaError
    fk = "REFERENCES visitor (id)" if engine.dialect.name == "sqlite" else ""
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, n integer)"))
        conn.execute(sa.text(f"CREATE TABLE hit (id integer PRIMARY KEY, v varchar(36) {fk})"))
    ids = _uuids(20, 6)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO visitor (id, n) VALUES (:i, :n)"),
                     [{"i": v, "n": n} for n, v in enumerate(ids)])
        conn.execute(sa.text("INSERT INTO hit (id, v) VALUES (:i, :v)"),
                     [{"i": n, "v": ids[n % 20]} for n in range(40)])
    dom = {} if engine.dialect.name == "sqlite" else {"domain": "visitor.id"}

    def schema(rule):
        return {"format": "piigate/v1", "tables": {
            "hit": {"columns": {"id": KEEP, "v": {**rule, **dom}}},
            "visitor": {"columns": {"id": rule, "n": KEEP}}}}

    with pytest.raises(SchemaError) as err:
        _plan(engine, schema(FPE))
    assert "tables.hit.columns.v.alphabet" in str(err.value) and "hex" in str(err.value)
    plan = _plan(engine, schema(HEX))
    tok(engine, plan, keyring)
    with engine.connect() as conn:
        got = {r.n: str(r.id) for r in conn.execute(sa.text("SELECT * FROM visitor"))}
        hits = {r.id: r.v for r in conn.execute(sa.text("SELECT * FROM hit"))}
    assert all(str(uuid.UUID(t)) == t for t in got.values())
    assert all(hits[n] == got[n % 20] for n in range(40))
    assert not set(got.values()) & set(ids)
    plan = _plan(engine, schema(HEX))
    back = plan.transform(_col(plan, "hit", "v"), keyring).reverse([hits[0]])
    assert back == [ids[0]]


# only SQLite stores bytes, braces or mixed case in a uuid column (the servers keep
# uuids canonical): these run there alone rather than skip elsewhere
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_binary_uuids_on_sqlite_are_refused_by_name(engine, keyring, tok):
    """SQLite keeps bytes in a declared uuid column (a uuid as 16 bytes): a clear error
    naming the column, not a UnicodeDecodeError from the writer's depths."""
    from piigate.errors import PiiGateError
    raw = uuid.UUID(_uuids(1, 7)[0]).bytes
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE w (id integer PRIMARY KEY, u uuid)"))
        conn.execute(sa.text("INSERT INTO w VALUES (1, :v), (2, :t)"),
                     {"v": raw, "t": _uuids(2, 8)[1]})
    schema = {"format": "piigate/v1", "tables": {"w": {"columns": {"id": KEEP, "u": FPE}}}}
    with pytest.raises(PiiGateError, match=r"w\.u.*not UTF-8"):
        tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT u FROM w WHERE id = 1")).scalar() == raw


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_mixed_case_and_braces_name_the_column_not_the_value(engine, keyring, tok):
    from piigate.errors import PiiGateError
    braces = "{ABCDEF01-2345-4678-9ABC-DEF012345678}"
    mixed = "AbCdef01-2345-4678-9ABC-DEF012345678"
    for v in (braces, mixed):
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS w"))
            conn.execute(sa.text("CREATE TABLE w (id integer PRIMARY KEY, u uuid)"))
            conn.execute(sa.text("INSERT INTO w VALUES (1, :v), (2, ''), (3, NULL)"), {"v": v})
        schema = {"format": "piigate/v1", "tables": {"w": {"columns": {"id": KEEP, "u": FPE}}}}
        with pytest.raises(PiiGateError, match=r"w\.u") as err:
            tok(engine, _plan(engine, schema), keyring)
        assert "2345" not in str(err.value)


def test_check_against_the_data_reads_uuid_columns(engine, keyring):
    """``check``/``tokenize`` try each rule on sampled values (make_plan with data):
    SQLite gives a declared uuid NUMERIC affinity, which SQLAlchemy converted to a decimal
    (a TypeError traceback) before the values reached the transform."""
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, n integer)"))
        conn.execute(sa.text("INSERT INTO visitor (id, n) VALUES (:i, :n)"),
                     [{"i": v, "n": n} for n, v in enumerate(_uuids(5, 10))])
    schema = {"format": "piigate/v1", "tables": {
        "visitor": {"columns": {"id": FPE, "n": KEEP}}}}
    plan = make_plan(parse_schema(schema), reflect(engine), data=engine)
    assert [c.column for c in plan.columns] == ["id"]


def test_short_text_joined_to_a_uuid_key(engine, keyring, tok, request):
    """A varchar(32) column in a uuid column's domain (uuids without dashes), its values
    permuted: updated in place, its rows parked at 36-character uuid values, too long for
    it (a database error after the work was built). A clear refusal naming the column
    instead; rebuilding works."""
    from piigate.writer import TokenizeError
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, n integer)"))
        conn.execute(sa.text("CREATE TABLE legacy (code varchar(32) PRIMARY KEY, n integer)"))
    schema = {"format": "piigate/v1", "tables": {
        "visitor": {"columns": {"id": HEX, "n": KEEP}},
        "legacy": {"columns": {"code": {**HEX, "domain": "visitor.id"}, "n": KEEP}}}}
    plan = _plan(engine, schema)
    f = plan.transform(_col(plan, "legacy", "code"), keyring)
    ids = [u.replace("-", "") for u in _uuids(20, 1)]
    ids = ids + f.apply(ids)[:10]
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO visitor (id, n) VALUES (:i, :n)"),
                     [{"i": v, "n": n} for n, v in enumerate(ids)])
        conn.execute(sa.text("INSERT INTO legacy (code, n) VALUES (:i, :n)"),
                     [{"i": v, "n": n} for n, v in enumerate(ids)])
    if "update" in request.node.name:
        with pytest.raises(TokenizeError, match=r"36 characters, legacy\.code holds 32"):
            tok(engine, _plan(engine, schema), keyring)
        with engine.connect() as conn:
            assert {r.code for r in conn.execute(sa.text("SELECT * FROM legacy"))} == set(ids)
        return
    tok(engine, _plan(engine, schema), keyring)
    with engine.connect() as conn:
        got = {r.n: r.code for r in conn.execute(sa.text("SELECT * FROM legacy"))}
    assert got == dict(enumerate(f.apply(ids)))


@pytest.mark.parametrize("rule", [FPE, HEX], ids=["auto", "hex"])
def test_json_path_in_a_uuid_domain(engine, keyring, tok, rule):
    """A JSON path joined to a uuid key by ``domain``: under 'auto' it got alnum tokens,
    silently unlike the key's (no column type inside a document). check refuses 'auto'
    there; with 'hex' the document's uuid equals the key's token."""
    from piigate.errors import SchemaError
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, n integer)"))
        conn.execute(sa.text("CREATE TABLE ev (id integer PRIMARY KEY, doc text)"))
    ids = _uuids(5, 9)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO visitor (id, n) VALUES (:i, :n)"),
                     [{"i": v, "n": n} for n, v in enumerate(ids)])
        conn.execute(sa.text("INSERT INTO ev (id, doc) VALUES (:i, :d)"),
                     [{"i": i, "d": json.dumps({"user": u})} for i, u in enumerate(ids)])
    schema = {"format": "piigate/v1", "tables": {
        "visitor": {"columns": {"id": FPE, "n": KEEP}},
        "ev": {"columns": {"id": KEEP, "doc": {"method": "json", "paths": [
            {"path": "$.user", "rule": {**rule, "domain": "visitor.id"}}]}}}}}
    if rule is FPE:
        with pytest.raises(SchemaError, match=r"tables\.ev\.columns\.doc\.paths\.0\.rule"
                                              r"\.alphabet: .*'hex'"):
            _plan(engine, schema)
        return
    plan = _plan(engine, schema)
    tok(engine, plan, keyring)
    with engine.connect() as conn:
        docs = {i: json.loads(d)["user"]
                for i, d in conn.execute(sa.text("SELECT id, doc FROM ev"))}
        got = {n: str(v) for v, n in conn.execute(sa.text("SELECT id, n FROM visitor"))}
    assert docs == got


def test_stream_field_in_a_uuid_domain_says_hex(engine, keyring):
    """A stream field in a uuid key's domain: 'auto' there is alnum (an event has no
    column type), so its tokens would differ from the database's; check says so, and
    with 'hex' the stream's token is the database's."""
    from piigate.errors import SchemaError
    from piigate.streams import StreamScrubber
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY)"))
    ids = _uuids(3, 12)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO visitor (id) VALUES (:i)"), [{"i": v} for v in ids])

    def schema(rule):
        return {"format": "piigate/v1", "tables": {"visitor": {"columns": {"id": rule}}},
                "streams": {"hits": {"fields": [
                    {"path": "$.visitor", "rule": {**rule, "domain": "visitor.id"}}]}}}

    with pytest.raises(SchemaError, match=r"streams\.hits\.fields\.0\.rule\.alphabet"):
        _plan(engine, schema(FPE))
    plan = _plan(engine, schema(HEX))
    [out] = StreamScrubber(parse_schema(schema(HEX)), "hits", keyring).scrub(
        [{"visitor": ids[0]}])
    assert out.event == {"visitor": plan.transform(_col(plan, "visitor", "id"),
                                                   keyring).apply([ids[0]])[0]}


def test_review_page_previews_hex_rules() -> None:
    """Discovery proposes ``fpe`` hex for uuids kept as text (CHAR(36)) and in documents;
    the review page showed no example for them (its made-up text had letters beyond f)."""
    from approval_ui.preview import preview
    schema = parse_schema({"format": "piigate/v1", "tables": {"t": {"columns": {
        "a": {"method": "fpe", "alphabet": "hex", "type": "CHAR(36)"},
        "d": {"method": "json", "type": "jsonb", "paths": [
            {"path": "$.u", "rule": {"method": "fpe", "alphabet": "hex"}}]}}}}})
    a = preview("t", "a", schema.rule("t", "a"))
    assert a is not None and str(uuid.UUID(a.after)) == a.after != a.before
    d = preview("t", "d", schema.rule("t", "d"))
    assert d is not None and str(uuid.UUID(json.loads(d.after)["u"])) == json.loads(d.after)["u"]


def test_verify_finds_raw_uuids_inside_kept_free_text(db_url, keyring):
    """The masked uuid column's originals left inside a kept free-text column (a log
    line): verify's sampled substring search skipped uuid columns, and passed."""
    from piigate import copydb
    from piigate.verify import verify
    from piigate.writer import tokenize
    ids = _uuids(8, 13)
    before = connect(db_url)
    try:
        with before.begin() as conn:
            conn.execute(sa.text("CREATE TABLE visitor (id uuid PRIMARY KEY, n integer)"))
            conn.execute(sa.text("CREATE TABLE audit (id integer PRIMARY KEY, note text)"))
            conn.execute(sa.text("INSERT INTO visitor (id, n) VALUES (:i, :n)"),
                         [{"i": v, "n": n} for n, v in enumerate(ids)])
            conn.execute(sa.text("INSERT INTO audit (id, note) VALUES (:i, :m)"),
                         [{"i": n, "m": f"user {v} logged in"} for n, v in enumerate(ids)])
        plan = _plan(before, {"format": "piigate/v1", "tables": {
            "visitor": {"columns": {"id": FPE, "n": KEEP}},
            "audit": {"columns": {"id": KEEP, "note": KEEP}}}})
        with copydb.temporary_copy(db_url) as tmp:
            after = connect(tmp)
            try:
                tokenize(after, plan, keyring)
                result = verify(before, after, plan, keyring)
            finally:
                after.dispose()
        assert not result.passed
        assert any(f.startswith("audit.note:") for f in result.failures), result.failures
        assert not any(v in json.dumps(result.to_dict()) for v in ids)
    finally:
        before.dispose()
