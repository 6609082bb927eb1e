"""Discovery rules of the twelfth corpus pass (issue #10), from the misses and false
alarms of Miniflux, Akaunting, Monica and Mautic when they were held out, written for the
structures no name list reaches: a table about people only through a many-to-many link
table, a date split into day, month and year integers, a tenant table holding several
users, a session table's random key, stored cookies, credentials not yet set, visitor
tracking ids, webhook URLs under a service's name. Each rule with a look-alike that must
stay ``keep``."""

from __future__ import annotations

import random

from classifiers import names as N
from classifiers.context import Subject, person_key_tables
from classifiers.verdict import text_verdict
from piigate.db import ForeignKey, Inventory, TableInfo
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(12)
URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _token(n: int) -> str:
    return "".join(RNG.choice(URLSAFE) for _ in range(n))



def _sized(t: TableInfo, rows: int) -> TableInfo:
    t.row_estimate = rows
    return t


# -- a table about people through a link table ------------------------------------------


def _addresses(link: str, refs: tuple[str, str], link_rows: int, engine,
               declared: bool = True):
    """``addresses`` (150 rows) with street lines, city, postcode and coordinates, reached
    from ``refs[0]`` only through ``link``."""
    people = _sized(_table(refs[0], {"id": "integer", "name": "text"}, pk="id"), 300)
    addresses = _sized(_table("addresses", {"id": "integer", "line_1": "text",
                                            "line_2": "text", "city": "text",
                                            "postal_code": "text", "latitude": "text"},
                              pk="id"), 150)
    ref_col = f"{refs[1]}_id"
    link_t = _sized(_table(link, {ref_col: "integer", "address_id": "integer",
                                  "is_past_address": "integer"}), link_rows)
    if declared:
        link_t.foreign_keys += [ForeignKey(None, link, [ref_col], refs[0], ["id"]),
                                ForeignKey(None, link, ["address_id"], "addresses", ["id"])]
    vals = {"line_1": [f"{RNG.randint(1, 999)} {s} Street" for s in
                       ("Oak", "Elm", "Pine", "Maple", "Cedar", "Birch")] * 2,
            "line_2": ["Apt 3B", "2. OG", "Unit 4"] * 4,
            "city": ["Lyon", "Berlin", "Osaka", "Leeds"] * 3,
            "postal_code": ["69001", "10115", "530-0001", "LS1 4AP"] * 3,
            "latitude": [f"{RNG.uniform(-60, 60):.6f}" for _ in range(12)]}
    return _judge([people, addresses, link_t], {"addresses": vals}, engine)["addresses"]


def test_addresses_linked_to_contacts_through_a_link_table(engine):
    for declared in (True, False):  # declared foreign keys or ``<x>_id`` names only
        v = _addresses("contact_address", ("contacts", "contact"), 170, engine, declared)
        assert v["line_1"].entity == N.STREET and v["line_2"].entity == N.STREET
        assert v["city"].entity == N.CITY and v["postal_code"].entity == N.POSTCODE
        assert v["latitude"].entity == "LOCATION"


def test_places_shared_by_many_people_or_linked_to_things_stay(engine):
    # look-alikes: offices that many users share (ten links an address), and addresses
    # linked to events (no person on the other side)
    for link, refs, n in (("user_address", ("users", "user"), 1500),
                          ("event_address", ("events", "event"), 170)):
        v = _addresses(link, refs, n, engine)
        assert all(v[c].entity is None for c in ("line_1", "city", "postal_code",
                                                 "latitude")), link


# -- dates split into parts ---------------------------------------------------------------


def _dates(table: str, ref: str | None, years: list[int], engine, prefix: str = ""):
    cols = {"id": "integer", "label": "text", f"{prefix}day": "integer",
            f"{prefix}month": "integer", f"{prefix}year": "integer"}
    if ref:
        cols[ref] = "integer"
    t = _table(table, cols, pk="id")
    n = len(years)
    rows = _rows(n, label=["Birthdate"] * n, **{f"{prefix}day": [RNG.randint(1, 28) for _ in
                                                              range(n)],
                                               f"{prefix}month": [RNG.randint(1, 12) for _ in
                                                                  range(n)],
                                               f"{prefix}year": years})
    return _judge([t], {}, engine, rows={table: rows})[table]


def test_day_month_year_of_a_persons_date(engine):
    births = [RNG.randint(1940, 2010) for _ in range(20)]
    for prefix in ("", "birth_"):
        v = _dates("contact_important_dates", "contact_id", births, engine, prefix)
        assert all(v[f"{prefix}{p}"].entity == N.DOB for p in ("day", "month", "year"))


def test_day_month_year_of_statistics_stay(engine):
    # look-alikes: a daily statistics table (no person's rows), and a person's row whose
    # "year" is no year (a count of years of service, 1-40)
    v = _dates("daily_stats", None, [RNG.randint(1990, 2025) for _ in range(20)], engine)
    assert all(v[p].entity is None for p in ("day", "month", "year"))
    w = _dates("contact_important_dates", "contact_id",
               [RNG.randint(1, 40) for _ in range(20)], engine)
    assert all(w[p].entity is None for p in ("day", "month", "year"))


# -- a tenant table ----------------------------------------------------------------------


def _keys(users_rows: int, account_cols: dict[str, str]) -> dict[str, str]:
    accounts = _sized(_table("accounts", {"id": "text", **account_cols}, pk="id"), 6)
    users = _sized(_table("users", {"id": "text", "account_id": "text", "email": "text"},
                          pk="id"), users_rows)
    users.foreign_keys.append(ForeignKey(None, "users", ["account_id"], "accounts", ["id"]))
    inv = Inventory("sqlite", {"accounts": accounts, "users": users})
    subjects = {"accounts": Subject("people", "table name reads as people (account)",
                                    by_name=True,
                                    identity=tuple(c for c in account_cols if c != "plan")),
                "users": Subject("people", "table name reads as people (user)",
                                 by_name=True, identity=("email",))}
    return person_key_tables(inv, subjects)


def test_an_account_holding_several_users_is_a_tenant():
    people = _keys(25, {"plan": "integer"})
    assert "users" in people and "accounts" not in people
    # look-alikes: an account with an identity of its own (Mastodon's accounts hold the
    # username), and one user an account (the account is the person)
    assert "accounts" in _keys(25, {"plan": "integer", "username": "text"})
    assert "accounts" in _keys(6, {"plan": "integer"})


# -- secrets -----------------------------------------------------------------------------


def _sessions(name: str, ids: list[str], engine, secret: str = "secret_hash"):
    t = _table(name, {"id": "text", secret: "text", "user_id": "integer"}, pk="id")
    vals = {"id": ids, secret: [_token(43) for _ in ids]}
    return _judge([t], {name: vals}, engine)[name]


def test_a_session_tables_random_key_is_the_session_id(engine):
    v = _sessions("web_sessions", [_token(43) for _ in range(20)], engine)
    assert v["id"].entity == N.CREDENTIAL
    # look-alikes: a uuid key of a session row, and a random key of a table of tokens
    # beside its secret (the token row's id, not what the browser carries)
    uuids = [f"8c0d2a5e-4a1b-4c2d-9e3f-{RNG.getrandbits(48):012x}" for _ in range(20)]
    assert _sessions("web_sessions", uuids, engine)["id"].entity is None
    assert _sessions("api_tokens", [_token(43) for _ in range(20)], engine)["id"].entity \
        is None
    # and the random key of a session table keeping its token in clear (Mattermost's
    # ``sessions.token``: the cookie carries that one)
    assert _sessions("sessions", [_token(26) for _ in range(20)], engine,
                     secret="token")["id"].entity is None


def _feeds(cookies: list[str], engine):
    t = _table("feeds", {"id": "integer", "user_id": "integer", "cookie": "text",
                         "title": "text"}, pk="id")
    rows = _rows(len(cookies), user_id=[1] * len(cookies), cookie=cookies,
                 title=["News"] * len(cookies))
    return _judge([t], {"feeds": {"cookie": cookies}}, engine, rows={"feeds": rows})["feeds"]


def test_stored_cookies_with_a_session(engine):
    cookies = [f"session_id={_token(32)}; lang=en" for _ in range(10)] + [""] * 10
    assert _feeds(cookies, engine)["cookie"].entity == N.CREDENTIAL
    # look-alikes: preference cookies and query strings, nothing random in them
    prefs = [f"consent=analytics; lang={x}" for x in ("en", "de", "fr", "it")] * 3
    assert _feeds(prefs, engine)["cookie"].entity is None
    queries = [f"utm_source=news&utm_medium={_token(20)}" for _ in range(10)]
    assert _feeds(queries, engine)["cookie"].entity is None


def _integrations(ref: str | None, engine):
    cols = {"id": "integer", "ntfy_password": "text", "notion_token": "text",
            "notion_page_id": "text"}
    if ref:
        cols[ref] = "integer"
    t = _table("integrations", cols, pk="id")
    return _judge([t], {"integrations": {"ntfy_password": [], "notion_token": [],
                                         "notion_page_id": []}}, engine)["integrations"]


def test_a_persons_credentials_not_yet_set(engine):
    v = _integrations("user_id", engine)
    assert v["ntfy_password"].entity == N.CREDENTIAL and \
        v["notion_token"].entity == N.CREDENTIAL
    # look-alikes: an empty column named for no secret, and the same columns in a table
    # whose rows are nobody's (an installation's settings)
    assert v["notion_page_id"].entity is None
    w = _integrations(None, engine)
    assert w["ntfy_password"].entity is None and w["notion_token"].entity is None


def test_visitor_tracking_ids(engine):
    def hits(tracking: list[str], name: str = "tracking_id"):
        t = _table("page_hits", {"id": "integer", "lead_id": "integer", name: "text"},
                   pk="id")
        rows = _rows(len(tracking), lead_id=[1] * len(tracking), **{name: tracking})
        return _judge([t], {"page_hits": {name: tracking}}, engine,
                      rows={"page_hits": rows})["page_hits"][name]
    assert hits([_token(23) for _ in range(12)]).entity == N.PERSON_ID
    # look-alike: a carrier's tracking numbers (capitals and digits, a parcel's)
    parcels = [f"1Z{RNG.randint(10**15, 10**16 - 1)}" for _ in range(12)]
    assert hits(parcels, "tracking_number").entity is None


def test_webhook_urls_under_a_services_name(engine):
    def judged(urls: list[str]):
        t = _table("users", {"id": "integer", "email": "text", "discord": "text"}, pk="id")
        rows = _rows(len(urls), discord=urls, email=[f"u{i}@example.org" for i in
                                                     range(len(urls))])
        return _judge([t], {"users": {"discord": urls,
                                      "email": [r["email"] for r in rows]}},
                      engine, rows={"users": rows})["users"]["discord"]
    hooks = [f"https://discord.com/api/webhooks/{RNG.randint(10**17, 10**18)}/{_token(40)}"
             for _ in range(6)]
    assert judged(hooks).entity is None
    # look-alike: the person's own handle there
    assert judged([f"user{RNG.randint(100, 999)}#{RNG.randint(1000, 9999)}"
                   for _ in range(6)]).entity == N.USERNAME


def test_text_verdict_of_empty_credential_columns_notes_the_name(engine):
    # the rule reads the note an empty credential-named column gets: keep them in step
    v = text_verdict("ntfy_password", [], engine)
    assert v.entity is None and v.sampled == 0 and N.CREDENTIAL in (v.note or "")


def test_sparse_audit_siblings_of_a_name_column(engine):
    names = ["Anna Berg", "John Miller", "Marie Dubois", "Paul Weber", "Emma Rossi",
             "Lucas Jensen", "Sofia Novak", "David Fischer", "Laura Moreau", "Peter Taylor"]
    t = _table("lead_notes", {"id": "integer", "created_by_user": "text",
                              "checked_out_by_user": "text", "modified_by_user": "text"},
               pk="id")
    v = _judge([t], {"lead_notes": {"created_by_user": names * 3,
                                    "checked_out_by_user": names[:3] + ["Admin"],
                                    "modified_by_user": ["admin", "cron", "system"]}},
               engine)["lead_notes"]
    assert v["created_by_user"].entity == N.PERSON
    assert v["checked_out_by_user"].entity == N.PERSON
    # look-alike: a sibling holding role and system names
    assert v["modified_by_user"].entity is None
