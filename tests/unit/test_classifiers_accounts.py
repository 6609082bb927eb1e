"""Discovery rules of the fourth corpus pass (issue #10): outside accounts and web sites of
people, one-time keys, e-mail hashes, payment-provider customer ids, join tables, slugs,
a person's own text, second random ids. Each rule with a look-alike that must stay."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from classifiers import names as N
from classifiers.context import apply_context, person_key_tables, subject_of
from classifiers.scan import scan_database
from classifiers.verdict import FREE_TEXT, PROFILE_URL, Verdict, text_verdict
from piigate.db import ColumnInfo, ForeignKey, Inventory, TableInfo


def _table(name: str, cols: dict[str, str], pk: str | None = None,
           unique: tuple[str, ...] = ()) -> TableInfo:
    kinds = {"text": "VARCHAR(200)", "integer": "INTEGER"}
    return TableInfo(name, {c: ColumnInfo(name, c, kinds[k], k, True, primary_key=c == pk,
                                          unique=c in unique)
                            for c, k in cols.items()}, [pk] if pk else [], [], [])


def _judge(t: TableInfo, values: dict[str, list[str]], engine, inv: Inventory | None = None
           ) -> dict[str, Verdict]:
    verdicts = {c: (text_verdict(c, values[c], engine) if c in values else Verdict())
                for c in t.columns}
    for v in verdicts.values():
        v.rows = max(v.sampled, 1)
    apply_context(t, verdicts, inv or Inventory("sqlite", {t.name: t}))
    return verdicts


@pytest.mark.parametrize(("column", "entity"), [
    ("user_actkey", N.CREDENTIAL), ("reset_key", N.CREDENTIAL),
    ("activation_code", N.CREDENTIAL), ("user_email_hash", N.PERSON_ID),
    ("topic_last_poster_name", N.USERNAME), ("user_icq", N.USERNAME),
    ("skype", N.USERNAME), ("jabber_id", N.USERNAME), ("twitter", N.USERNAME),
    ("website", N.PROFILE_URL), ("user_website", N.PROFILE_URL),
])
def test_column_words_of_accounts_and_one_time_keys(column, entity):
    nm = N.match(column)
    assert nm is not None and nm.entity == entity, nm


@pytest.mark.parametrize("column", [
    "poster_id",  # a reference: the key rule decides
    "activation_date", "reset_count", "email_hash_type", "activation",
])
def test_look_alikes_of_the_new_column_words(column):
    nm = N.match(column)
    assert nm is None or nm.entity not in (N.USERNAME, N.CREDENTIAL, N.PERSON_ID), nm


HANDLES = [f"@{w}_{i}" for i, w in enumerate(["anna", "bo", "chen", "dora", "eli"] * 6)]
SITES = [f"https://{w}{i}.example.net/" for i, w in enumerate(["anna", "bo", "chen"] * 10)]


def test_accounts_and_web_sites_of_people_are_masked(engine):
    users = _table("users", {"id": "integer", "email": "text", "twitter": "text",
                             "website": "text", "skype": "text"}, pk="id")
    v = _judge(users, {"twitter": HANDLES, "website": SITES,
                       "skype": [h.lstrip("@") for h in HANDLES]}, engine)
    assert v["twitter"].entity == N.USERNAME
    assert v["skype"].entity == N.USERNAME
    assert v["website"].entity == PROFILE_URL


def test_a_sites_or_companys_accounts_and_web_site_stay(engine):
    # a site's settings and a company table: the same names, nobody's personal data
    for name in ("site_settings", "companies"):
        t = _table(name, {"id": "integer", "title": "text", "twitter": "text",
                          "website": "text"}, pk="id")
        v = _judge(t, {"title": [f"Site {i}" for i in range(30)], "twitter": HANDLES,
                       "website": SITES}, engine)
        assert v["twitter"].entity is None, name
        assert v["website"].entity is None, name
        assert "not about people" in (v["website"].note or "")


def test_a_bare_url_of_a_table_named_for_people(engine):
    users = _table("members", {"id": "integer", "url": "text"}, pk="id")
    assert _judge(users, {"url": SITES}, engine)["url"].entity == PROFILE_URL
    pages = _table("pages", {"id": "integer", "url": "text"}, pk="id")
    assert _judge(pages, {"url": SITES}, engine)["url"].entity is None


def test_payment_provider_customer_ids_by_value(engine):
    ids = [f"cus_{'NffrFeUfNV2H'}{i:03d}" for i in range(30)]
    v = text_verdict("customer_id", ids, engine)
    assert v.entity == N.PERSON_ID
    # a product's or a price's ids of the same provider are no person's
    for prefix in ("prod_", "price_"):
        other = [f"{prefix}NffrFeUfNV2H{i:03d}" for i in range(30)]
        assert text_verdict("external_ref", other, engine).entity is None, prefix


def test_an_email_hash_stored_as_an_integer(tmp_path):
    db = sa.create_engine(f"sqlite:///{tmp_path / 'forum.db'}")
    md = sa.MetaData()
    t = sa.Table("members", md, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("email", sa.String(100)),
                 sa.Column("user_email_hash", sa.BigInteger),
                 sa.Column("file_hash", sa.BigInteger))  # a checksum of an upload
    md.create_all(db)
    with db.begin() as conn:
        conn.execute(t.insert(), [{"id": i, "email": f"m{i}@example.org",
                                   "user_email_hash": 1000 + i * 37, "file_hash": 2000 + i}
                                  for i in range(1, 40)])
    result = scan_database(db, sample=100)
    rules = result.schema.tables["members"].columns
    assert rules["user_email_hash"].method != "keep"
    assert rules["file_hash"].method == "keep"


def test_the_key_of_a_join_table_is_not_a_persons_key(engine):
    users = _table("users", {"id": "integer", "name": "text"}, pk="id")
    posts = _table("posts", {"id": "integer", "title": "text"}, pk="id")
    link = _table("posts_authors", {"id": "integer", "post_id": "integer",
                                    "author_id": "integer"}, pk="id")
    link.foreign_keys += [ForeignKey(None, link.name, ["post_id"], "posts", ["id"]),
                          ForeignKey(None, link.name, ["author_id"], "users", ["id"])]
    # undeclared references count too (``account_id`` beside ``accounts``)
    accounts = _table("accounts", {"id": "integer", "name": "text"}, pk="id")
    members = _table("account_users", {"id": "integer", "account_id": "integer",
                                       "user_id": "integer"}, pk="id")
    # a table named for people that references one other table stays a person table
    authors = _table("blog_authors", {"id": "integer", "user_id": "integer",
                                      "pen_name": "text"}, pk="id")
    tables = (users, posts, link, accounts, members, authors)
    inv = Inventory("sqlite", {t.name: t for t in tables})
    subjects = {t.name: subject_of(t, {c: Verdict() for c in t.columns}, inv)
                for t in tables}
    # ... when it holds who the person is (names found in ``pen_name``); without such a
    # column of its own its rows are the user's (sixth pass: memberships, visits)
    subjects["blog_authors"].identity = ("pen_name",)
    keys = person_key_tables(inv, subjects)
    assert "users" in keys and "blog_authors" in keys
    assert "posts_authors" not in keys and "account_users" not in keys
    subjects["blog_authors"].identity = ()
    assert "blog_authors" not in person_key_tables(inv, subjects)


def test_slugs_own_text_random_ids_and_places_of_people(engine):
    users = _table("users", {"id": "integer", "slug": "text", "bio": "text",
                             "public_key": "text", "transient_id": "text",
                             "session_group": "text", "user_from": "text",
                             "valid_from": "text"},
                   pk="id", unique=("slug", "transient_id"))
    bios = [f"Writes about cities and trains, part {i} of a long series." for i in range(30)]
    tokens = [f"{i:08x}-4a1b-4c2d-9e3f-{i * 7919:012x}" for i in range(30)]
    values = {"slug": [f"anna-berg-{i}" for i in range(30)], "bio": bios,
              "public_key": [f"-----BEGIN PUBLIC KEY----- MIIB{i} AQAB more words here"
                             for i in range(30)],
              "transient_id": tokens,
              "session_group": [tokens[i % 3] for i in range(30)],  # shared, not unique
              "user_from": ["Berlin", "Lyon, France", "Osaka"] * 10,
              "valid_from": ["2024-01-01", "2024-02-01"] * 15}
    v = _judge(users, values, engine)
    assert v["slug"].entity == N.USERNAME
    assert v["bio"].entity == FREE_TEXT
    assert v["transient_id"].entity == N.PERSON_ID
    assert v["user_from"].entity == N.CITY
    assert v["public_key"].entity is None
    assert v["session_group"].entity is None
    assert v["valid_from"].entity is None
    # the same columns in a table about things stay
    posts = _table("posts", {"id": "integer", "slug": "text", "bio": "text",
                             "transient_id": "text"}, pk="id", unique=("slug", "transient_id"))
    pv = _judge(posts, {c: values[c] for c in ("slug", "bio", "transient_id")}, engine)
    assert all(pv[c].entity is None for c in ("slug", "bio", "transient_id")), pv
