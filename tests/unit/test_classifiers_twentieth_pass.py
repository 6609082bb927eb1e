"""Discovery rules of the twentieth corpus pass (issue #10), from the misses and false
alarms of RosarioSIS, MantisBT, GLPI, Request Tracker, Grafana, Sentry, BookWyrm and
Outline (held out in the nineteenth pass). Each rule with a look-alike that stays as it
was."""

from __future__ import annotations

import random

from classifiers import names as N
from classifiers.context import apply_context
from classifiers.verdict import Verdict, text_verdict
from piigate.db import ForeignKey, Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_nineteenth_pass_b import _pem, _token
from tests.unit.test_classifiers_seventeenth_pass import FIRST, LAST
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(20)
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _with_users(table: str, cols: dict[str, str], values: dict[str, list], engine,
                fks: list[tuple[str, str, str]], pk: str = "id") -> dict[str, Verdict]:
    """``table`` judged beside a ``users`` table, with declared references
    (table, column, referenced table) among them."""
    t = _table(table, cols, pk=pk)
    users = _table("users", {"id": "integer", "username": "text", "key_pair_id": "integer"},
                   pk="id")
    tables = {t.name: t, "users": users}
    for src, col, ref in fks:
        tables.setdefault(ref, _table(ref, {"id": "integer"}, pk="id"))
        tables[src].foreign_keys.append(ForeignKey(None, src, [col], ref, ["id"]))
    n = max(len(v) for v in values.values())
    verdicts = {c: Verdict() for c in t.columns}
    for c, vals in values.items():
        if cols[c] == "text":
            # (as a scan samples: each distinct value once, and how many rows had one)
            verdicts[c] = text_verdict(c, sorted({x for x in vals if x}), engine)
        verdicts[c].rows = sum(1 for x in vals if x)
    apply_context(t, verdicts, Inventory("sqlite", tables), rows=_rows(n, **values),
                  engine=engine)
    return verdicts


# -- private keys: masked unless the table is the installation's ------------------------------


def test_a_key_pair_table_a_user_points_to_holds_the_users_keys(engine):
    n = 6
    values = {"private_key": [_pem("RSA PRIVATE KEY") for _ in range(n)],
              "public_key": [_pem("PUBLIC KEY") for _ in range(n)]}
    cols = {"id": "integer", "private_key": "text", "public_key": "text"}
    v = _with_users("keypair", cols, values, engine, [("users", "key_pair_id", "keypair")])
    assert v["private_key"].entity == N.CREDENTIAL
    # fail closed: a key pair table with no reference either way is masked too
    assert _one("keypair", cols, values, engine)["private_key"].entity == N.CREDENTIAL
    # and so is a table of certificates a user row points to (a person's client certificate)
    v = _with_users("certificates", cols, values, engine,
                    [("users", "key_pair_id", "certificates")])
    assert v["private_key"].entity == N.CREDENTIAL
    # look-alike: a community's actor key and an ACME client's cache are the installation's
    v = _one("community", {"id": "integer", "name": "text", **cols},
             {"name": [f"group{i}" for i in range(n)], **values}, engine)
    assert v["private_key"].entity is None
    v = _one("acme_cache", {"key": "text", "data": "text"},
             {"key": [f"host{i}.example.org" for i in range(n)],
              "data": values["private_key"]}, engine, pk="key")
    assert v["data"].entity is None


# -- codes mailed to reset or confirm, a session's nonce ------------------------------------


def _codes(n: int = 12) -> list[str]:
    return ["".join(RNG.choice(B32) for _ in range(8)) for _ in range(n)]


def test_a_password_resets_code_is_a_credential(engine):
    cols = {"id": "integer", "code": "text", "user_id": "integer"}
    values = {"code": _codes(), "user_id": list(range(1, 13))}
    for table in ("passwordreset", "password_resets"):
        v = _with_users(table, cols, values, engine, [(table, "user_id", "users")])
        assert v["code"].entity == N.CREDENTIAL, table
    # look-alike: an export request's code (a person's, but no secret) stays
    v = _with_users("export_request", cols, values, engine,
                    [("export_request", "user_id", "users")])
    assert v["code"].entity is None


def test_a_confirmation_code_and_a_session_nonce_on_a_persons_row(engine):
    n = 12
    v = _one("users", {"id": "integer", "username": "text", "confirmation_code": "text",
                       "session_nonce": "text", "promo_code": "text"},
             {"username": [f"user{i}" for i in range(n)], "confirmation_code": _codes(n),
              "session_nonce": [_token(12) for _ in range(n)],
              "promo_code": _codes(n)}, engine)
    assert v["confirmation_code"].entity == N.CREDENTIAL
    assert v["session_nonce"].entity == N.CREDENTIAL
    # look-alike: a promotion's code verifies nothing, and an OAuth grant's ``nonce`` is
    # the request's
    assert v["promo_code"].entity is None
    v = _one("oauth2_grant", {"id": "integer", "nonce": "text"},
             {"nonce": [_token(12) for _ in range(n)]}, engine)
    assert v["nonce"].entity is None


# -- the installation's account at a mail server ---------------------------------------------


def test_a_mail_collectors_mailbox_and_password_are_the_installations(engine):
    cols = {"id": "integer", "name": "text", "host": "text", "login": "text",
            "passwd": "text"}
    boxes = ["helpdesk@corp.example", "it-requests@corp.example", "hr-inbox@corp.example"]
    values = {"name": boxes, "host": ["{imap.corp.example:993/imap/ssl}"] * 3,
              "login": boxes, "passwd": [_token(40) for _ in boxes]}
    v = _one("mailcollectors", cols, values, engine)
    assert (v["name"].entity, v["login"].entity, v["passwd"].entity) == (None, None, None)
    # look-alike: the same columns in a table named for people are a person's
    people = [f"{f.lower()}.{la.lower()}@mail.example" for f, la in zip(FIRST, LAST,
                                                                      strict=True)][:3]
    v = _one("users", cols, {**values, "name": people, "login": people}, engine)
    assert v["login"].entity == N.EMAIL
    assert v["passwd"].entity == N.CREDENTIAL


# -- the short parts of a street address --------------------------------------------------


def test_house_number_apartment_and_direction_beside_a_street(engine):
    n = 12
    cols = {"address_id": "integer", "house_no": "text", "direction": "text",
            "street": "text", "apt": "text", "city": "text", "mail_address": "text"}
    values = {"house_no": [str(RNG.randint(1, 9999)) for _ in range(n)],
              "direction": [RNG.choice("NSEW") for _ in range(n)],
              "street": [f"{RNG.choice(LAST)} Street" for _ in range(n)],
              "apt": [str(RNG.randint(1, 99)) for _ in range(n)],
              "city": ["Springfield", "Shelbyville"] * (n // 2),
              "mail_address": [f"PO Box {RNG.randint(100, 999)}, Springfield" for _ in range(n)]}
    v = _one("address", cols, values, engine, pk="address_id")
    for c in ("house_no", "direction", "apt", "mail_address"):
        assert v[c].entity == N.STREET, c
    # look-alike: a reference named for an address beside a street stays a key
    t = _table("orders", {"id": "integer", "street": "text",
                          "billing_address_format_id": "integer"}, pk="id")
    v = {"id": Verdict(), "street": Verdict(entity=N.STREET, confidence=0.9, sampled=n, rows=n),
         "billing_address_format_id": Verdict(sampled=3, rows=n)}
    apply_context(t, v, Inventory("sqlite", {"orders": t}))
    assert v["billing_address_format_id"].entity is None
    # look-alike: a wind's direction and an appointment's ``apt`` with no street beside
    v = _one("observation", {"id": "integer", "direction": "text", "apt": "text"},
             {"direction": values["direction"], "apt": values["apt"]}, engine)
    assert (v["direction"].entity, v["apt"].entity) == (None, None)


# -- a team's or a queue's own mailbox ------------------------------------------------------


def test_mailboxes_named_for_the_row_are_the_organisations(engine):
    teams = ["Backend", "Frontend", "Data", "Security", "Platform", "SRE"]
    v = _one("team", {"id": "integer", "name": "text", "email": "text"},
             {"name": teams, "email": [f"{x.lower()}@corp.example" for x in teams]}, engine)
    assert v["email"].entity is None
    queues = ["Support", "Billing", "IT"]
    v = _one("queues", {"id": "integer", "name": "text", "correspond_address": "text",
                        "comment_address": "text"},
             {"name": queues, "correspond_address": ["support@x.example", "billing@x.example",
                                                     "it@x.example"],
              "comment_address": ["support-comment@x.example", "", ""]}, engine)
    assert (v["correspond_address"].entity, v["comment_address"].entity) == (None, None)
    # look-alike: people's first names with their own mailboxes stay found
    firsts = FIRST[:6]
    v = _one("team", {"id": "integer", "name": "text", "email": "text"},
             {"name": firsts, "email": [f"{x.lower()}@mail.example" for x in firsts]}, engine)
    assert v["email"].entity == N.EMAIL


# -- names that are e-mail addresses; org is a thing ----------------------------------------


def test_organisations_named_after_their_owners_address(engine):
    names = ["Acme Observability", "Globex Retail", "Hooli Infra", "Initech", "Main Org.",
             "Vega Telecom", "Stark Platform Team", "Kaizen Systems", "Nordwind Logistik",
             "jade.alves@web.de", "nidia.prado@orange.fr", "zachary.obrien",
             "danielmichaud@dbmail.com"]
    v = _one("org", {"id": "integer", "name": "text", "address1": "text", "city": "text"},
             {"name": names, "address1": ["1 Main Street", "2 High Street"] + [""] * 11,
              "city": ["Springfield", "Shelbyville"] + [""] * 11}, engine)
    assert v["name"].entity == N.EMAIL and v["name"].partial
    # (an organisation's address is its own)
    assert (v["address1"].entity, v["city"].entity) == (None, None)
    # look-alike: role mailboxes as names stay kept
    roles = names[:9] + ["support@acme.example", "billing@globex.example",
                         "info@hooli.example"]
    v = _one("org", {"id": "integer", "name": "text"}, {"name": roles}, engine)
    assert v["name"].entity is None


# -- a person's id at a sign-in provider, by a reference to the providers' table ------------


def test_a_provider_id_beside_a_reference_to_sign_in_providers(engine):
    n = 12
    cols = {"id": "integer", "providerId": "text", "userId": "integer",
            "authenticationProviderId": "integer"}
    fks = [("user_authentications", "userId", "users"),
           ("user_authentications", "authenticationProviderId", "authentication_providers")]
    ids = [str(RNG.randint(10**20, 10**21)) for _ in range(n)]
    values = {"providerId": ids, "userId": list(range(1, n + 1)),
              "authenticationProviderId": [1, 2] * (n // 2)}
    v = _with_users("user_authentications", cols, values, engine, fks)
    assert v["providerId"].entity == N.PERSON_ID
    # look-alike: a provider's slug repeated over the rows is no person's id
    v = _with_users("user_authentications", cols,
                    {**values, "providerId": ["google", "slack"] * (n // 2)}, engine, fks)
    assert v["providerId"].entity is None
