"""Discovery rules of the ninth corpus pass (issue #10), from the misses and false alarms
of Keycloak, Nextcloud, Mattermost and OpenCart when they were held out: login names used
as references, file names of people's documents, credentials written as one word,
usernames inside a row's paths and JSON, regions under ``zone``, device labels naming
their owner, subnets of the row's IP, birth dates under numbered keys, software
clients, ids in tables of secrets. Each rule with a look-alike that must stay ``keep``."""

from __future__ import annotations

import json
import random

import pytest

from classifiers import names as N
from classifiers.context import apply_context, login_references
from classifiers.verdict import (
    JSON,
    Verdict,
    json_verdict,
    login_list,
    possessive_name,
    text_verdict,
)
from piigate.db import Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(9)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Wilson", "Moore"]
MORE_LAST = ["Berg", "Lopez", "Novak", "Kowalski", "Rossi", "Dubois", "Meyer", "Nagy",
             "Horvat", "Jansen"]
LOGINS = [f"{f.lower()}.{la.lower()}{i}" if i % 2 else f"{f[0].lower()}{la.lower()}"
          for i, (f, la) in enumerate((f, la) for la in LAST for f in FIRST)][:40]



# -- login names used as references --------------------------------------------------


def _login_db(engine, refs: dict[str, list[str]]):
    users = _table("users", {"uid": "text", "displayname": "text"}, pk="uid")
    tables = [users] + [_table(t, {"id": "integer", "col": "text"}, pk="id") for t in refs]
    inv = Inventory("sqlite", {t.name: t for t in tables})
    values = {("users", "uid"): LOGINS,
              ("users", "displayname"): [f"{f} {la}" for la in LAST for f in FIRST][:40]}
    values |= {(t, "col"): vals for t, vals in refs.items()}
    verdicts = {}
    for t in tables:
        for c in t.columns:
            vals = values.get((t.name, c))
            verdicts[(t.name, c)] = text_verdict(c, vals, engine) if vals else Verdict()
    login_references(inv, {"users": "table name reads as people (user)"}, verdicts, values)
    return verdicts


def test_login_names_used_as_references(engine):
    v = _login_db(engine, {
        "comments": [RNG.choice(LOGINS) for _ in range(60)],
        "storages": [f"home::{x}" for x in LOGINS[:30]],
        # look-alikes: group names with one login among them, workflow words
        "groups": ["admin", "Marketing", "Finance", "Board", LOGINS[0], "students-2024"],
        "tasks": ["open", "closed", "pending", "review", "done"] * 4})
    assert v[("comments", "col")].entity == N.USERNAME
    assert v[("storages", "col")].entity == N.USERNAME and v[("storages", "col")].partial
    assert v[("groups", "col")].entity is None
    assert v[("tasks", "col")].entity is None


def test_logins_outside_the_users_sample_are_looked_up(engine):
    users = _table("users", {"uid": "text"}, pk="uid")
    users.row_estimate = 100_000  # far more users than the 40 sampled
    notes = _table("notes", {"id": "integer", "target": "text", "status": "text"},
                   pk="id")
    inv = Inventory("sqlite", {"users": users, "notes": notes})
    others = [f"member.{i}" for i in range(40)]  # logins of users outside the sample
    values = {("users", "uid"): LOGINS, ("notes", "target"): others,
              ("notes", "status"): ["open", "closed", "pending", "review", "done"] * 4}
    held = set(LOGINS) | set(others)
    asked: list[set[str]] = []

    def lookup(key, words):
        asked.append(set(words))
        return words & held

    def judge(with_lookup):
        verdicts = {k: text_verdict(k[1], vals, engine) for k, vals in values.items()}
        verdicts[("notes", "id")] = Verdict()
        login_references(inv, {"users": "named"}, verdicts, values,
                         lookup=lookup if with_lookup else None)
        return verdicts

    assert judge(False)[("notes", "target")].entity is None  # sample only: no match
    v = judge(True)
    assert v[("notes", "target")].entity == N.USERNAME
    # look-alike: workflow words are looked up and not found
    assert v[("notes", "status")].entity is None
    assert any("open" in a for a in asked)


def test_login_references_need_a_users_login_column(engine):
    # look-alike: a people table without a login column (only display names) gives none
    users = _table("users", {"id": "integer", "displayname": "text"}, pk="id")
    notes = _table("notes", {"id": "integer", "author": "text"}, pk="id")
    inv = Inventory("sqlite", {"users": users, "notes": notes})
    names = [f"{f} {la}" for la in LAST for f in FIRST][:40]
    verdicts = {("users", "id"): Verdict(), ("notes", "id"): Verdict(),
                ("users", "displayname"): text_verdict("displayname", names, engine),
                ("notes", "author"): Verdict()}
    login_references(inv, {"users": "named"}, verdicts,
                     {("users", "displayname"): names, ("notes", "author"): LOGINS})
    assert verdicts[("notes", "author")].entity is None


# -- file names of people's documents -----------------------------------------------


def test_documents_of_someone_in_file_names(engine):
    files = []
    for i in range(60):
        la = (LAST + MORE_LAST)[i // 3 % 20]  # lone last names
        files.append(f"files/Scans/passport_scan_{la}.jpg" if i % 3 == 0 else
                     f"files/Photos/IMG_{1000 + i}.jpg")
    v = text_verdict("path", files, engine)
    assert v.entity == N.PERSON and v.partial
    # look-alike: documents of no one (a CV template, lower-case words after the word)
    plain = [f"files/Templates/cv_template_{i}.docx" if i % 3 == 0 else
             f"files/Photos/IMG_{1000 + i}.jpg" for i in range(60)]
    assert text_verdict("path", plain, engine).entity is None


def test_bare_name_of_file_names_is_judged_as_file_names(engine):
    files = [f"CV_{FIRST[i % 10]}_{LAST[i // 10 % 10]}.pdf" if i % 4 == 0 else
             f"IMG_{2000 + i}.jpg" for i in range(80)]
    v = text_verdict("name", files, engine)
    assert v.entity == N.PERSON and v.partial and not v.weak_name
    # look-alike: a bare name column of file names naming nobody is no person's name
    plain = [f"report-{i}.pdf" for i in range(40)]
    w = text_verdict("name", plain, engine)
    assert w.entity is None and not w.weak_name


# -- credentials written as one word ---------------------------------------------------


@pytest.mark.parametrize("column", ["refreshtoken", "mfasecret", "remembertoken",
                                    "otpsecret", "apitoken", "RefreshToken"])
def test_credentials_written_as_one_word(column):
    assert N.match(column).entity == N.CREDENTIAL


@pytest.mark.parametrize("column", ["tokentype", "refresh", "login_theme",
                                    "password_policy"])
def test_credential_look_alikes(column):
    # a token's type, a refresh interval, a realm's login page theme, password rules
    nm = N.match(column)
    assert nm is None or nm.entity not in (N.CREDENTIAL, N.USERNAME)


# -- regions under ``zone`` ----------------------------------------------------------


def test_zone_of_an_address_is_a_region(engine):
    order = _table("orders", {"id": "integer", "shipping_address_1": "text",
                              "shipping_city": "text", "shipping_zone": "text"}, pk="id")
    tariff = _table("shipping_rate", {"id": "integer", "zone": "text", "price": "integer"},
                    pk="id")
    zones = ["Bavaria", "Lombardy", "Texas", "Ontario", "Hessen", "Kent"] * 5
    streets = [f"{10 + i} Main Street" for i in range(30)]
    cities = ["Berlin", "Milan", "Austin", "Toronto", "Kassel", "Dover"] * 5
    v = _judge([order, tariff], {"orders": {"shipping_address_1": streets,
                                            "shipping_city": cities,
                                            "shipping_zone": zones},
                                 "shipping_rate": {"zone": zones}}, engine)
    assert v["orders"]["shipping_zone"].entity == N.REGION
    assert v["shipping_rate"]["zone"].entity is None  # look-alike: a tariff's zone


# -- device labels naming their owner ---------------------------------------------------


def test_device_labels_naming_their_owner(engine):
    labels = [f"{FIRST[i % 10]}'s {d}" for i, d in
              enumerate(["iPhone", "Pixel", "YubiKey", "laptop"] * 6)]
    labels += ["Work laptop", "YubiKey 5 NFC", "FreeOTP", "My phone"] * 3
    assert possessive_name("Anna's iPhone") and possessive_name("Linda’s YubiKey")
    assert text_verdict("user_label", labels, engine).entity == N.PERSON
    # look-alike: shops and products in the possessive carry no first name
    shops = [f"{w}'s {p}" for w in ["Macy", "McDonald", "Kellogg", "Sainsbury", "Harrod"]
             for p in ["store", "outlet", "online", "express", "mall"]]
    assert not possessive_name("McDonald's")
    assert text_verdict("label", shops, engine).entity is None


# -- group conversations named by their members ------------------------------------------


def test_lists_of_logins(engine):
    assert login_list("pauliina_perala, catherinep75, becker1973")
    assert not login_list("dev, ops, qa")  # look-alike: tags
    assert not login_list("Alice, Bob, Carol")
    shown = [", ".join(RNG.sample(LOGINS, 3)) for _ in range(10)] + \
        ["Town Square", "Off Topic", "Dev", "Design", "Sales Emea", "Support", "Ops",
         "Announcements", "Random", "Qa", "Mobile", "Hiring"]
    assert text_verdict("displayname", shown, engine).entity == N.USERNAME
    tags = [", ".join(RNG.sample(["dev", "ops", "qa", "web", "api", "ui"], 3))
            for _ in range(20)]
    assert text_verdict("displayname", tags, engine).entity is None


# -- the row's username inside a path or a JSON document ---------------------------------


def _rows_with(column: str, make) -> list[dict]:
    return [{"id": i, "username": x, column: make(x, i)} for i, x in enumerate(LOGINS)]


def _judge_json(rows: list[dict], engine) -> Verdict:
    """The users table's verdicts (``notifyprops`` read as JSON, as the scan reads it)."""
    users = _table("users", {"id": "integer", "username": "text", "notifyprops": "text"},
                   pk="id")
    verdicts = {"id": Verdict(),
                "username": text_verdict("username", [r["username"] for r in rows], engine),
                "notifyprops": json_verdict([r["notifyprops"] for r in rows], engine)}
    for v in verdicts.values():
        v.rows = max(v.sampled, 1)
    apply_context(users, verdicts, Inventory("sqlite", {"users": users}), rows=rows,
                  engine=engine)
    return verdicts["notifyprops"]


def test_json_holding_the_rows_username(engine):
    rows = _rows_with("notifyprops", lambda u, i: json.dumps(
        {"mention_keys": f"{u},@{u}", "push": "mention", "email": "true"}))
    v = _judge_json(rows, engine)
    assert v.entity == JSON and v.paths == {"$.mention_keys": N.USERNAME}
    # look-alike: settings naming no one
    rows = _rows_with("notifyprops", lambda u, i: json.dumps(
        {"mention_keys": "", "push": "mention", "email": str(i % 2 == 0).lower()}))
    assert _judge_json(rows, engine).entity is None


def test_file_path_named_after_the_rows_username(engine):
    staff = _table("user", {"id": "integer", "username": "text", "image": "text"}, pk="id")
    rows = _rows_with("image", lambda u, i: f"catalog/profile/{u}.jpg")[:4]
    vals = {"username": [r["username"] for r in rows], "image": [r["image"] for r in rows]}
    v = _judge([staff], {"user": vals}, engine, rows={"user": rows})["user"]
    assert v["image"].entity == N.PROFILE_URL
    # look-alike: a path naming something else (the row's product)
    rows = _rows_with("image", lambda u, i: f"catalog/product/item-{i}.jpg")[:4]
    vals = {"username": [r["username"] for r in rows], "image": [r["image"] for r in rows]}
    w = _judge([staff], {"user": vals}, engine, rows={"user": rows})["user"]
    assert w["image"].entity is None


# -- a subnet of the row's IP ---------------------------------------------------------------


def test_subnet_of_the_rows_ip(engine):
    t = _table("bruteforce_attempts", {"id": "integer", "ip": "text", "subnet": "text"},
               pk="id")
    ips = [f"{RNG.randint(11, 220)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}."
           f"{RNG.randint(1, 254)}" for _ in range(30)]
    rows = [{"id": i, "ip": ip, "subnet": ".".join(ip.split(".")[:3]) + ".0/24"}
            for i, ip in enumerate(ips)]
    v = _judge([t], {"bruteforce_attempts": {"ip": ips, "subnet": [r["subnet"] for r in rows]}},
               engine, rows={"bruteforce_attempts": rows})["bruteforce_attempts"]
    assert v["subnet"].entity == N.IP
    # look-alike: ranges beside the row's IP that do not hold it (a firewall's rules)
    rows = [{"id": i, "ip": ip, "subnet": f"10.{i}.0.0/16"} for i, ip in enumerate(ips)]
    w = _judge([t], {"bruteforce_attempts": {"ip": ips, "subnet": [r["subnet"] for r in rows]}},
               engine, rows={"bruteforce_attempts": rows})["bruteforce_attempts"]
    assert w["subnet"].entity is None


# -- birth dates under numbered keys, a bare ``name`` key in JSON -------------------------------


def test_birth_dates_under_a_numbered_custom_field(engine):
    docs = [json.dumps({"1": f"DE{RNG.randint(10**8, 10**9 - 1)}",
                        "2": f"{RNG.randint(1940, 2000)}-{RNG.randint(1, 12):02d}-"
                             f"{RNG.randint(1, 28):02d}"}) for _ in range(30)]
    v = json_verdict(docs, engine)
    assert v.entity == JSON and v.paths.get("$.2") == N.DOB
    # look-alike: recent dates under a numbered key (a delivery slot)
    slots = [json.dumps({"1": f"2025-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}"})
             for _ in range(30)]
    assert json_verdict(slots, engine).entity is None


def test_bare_name_key_in_json_needs_peoples_names(engine):
    methods = [json.dumps({"name": n, "code": c}) for n, c in
               [("Cash On Delivery", "cod.cod"), ("Bank Transfer", "bank_transfer"),
                ("Free Checkout", "free_checkout")] * 10]
    assert json_verdict(methods, engine).entity is None
    # look-alike: people's names under the same key stay
    people = [json.dumps({"name": f"{FIRST[i % 10]} {LAST[i // 3 % 10]}"}) for i in range(30)]
    assert json_verdict(people, engine).paths.get("$.name") == N.PERSON


# -- software clients, ids in tables of secrets, keys named for an IP ------------------------


def test_oauth_client_table_is_no_people(engine):
    cols = {"id": "text", "name": "text", "client_id": "text", "secret": "text",
            "base_url": "text"}
    client = _table("client", cols, pk="id")
    names = ["Account Console", "Admin CLI", "Broker", "Security Admin Console",
             "Grafana", "Jenkins", "Nextcloud", "GitLab"] * 3
    v = _judge([client], {"client": {"name": names, "client_id": [n.lower().replace(" ", "-")
                                                                  for n in names]}},
               engine)["client"]
    assert v["name"].entity is None
    # look-alike: a client table holding customers' e-mails is about people
    customer = _table("client", {"id": "integer", "name": "text", "email": "text",
                                 "secret": "text"}, pk="id")
    emails = [f"{FIRST[i % 10].lower()}{i}@example.org" for i in range(24)]
    people = [f"{FIRST[i % 10]} {LAST[i // 3 % 10]}" for i in range(24)]
    w = _judge([customer], {"client": {"name": people, "email": emails}}, engine)["client"]
    assert w["name"].entity is not None


def test_ids_in_a_table_of_secrets(engine):
    import uuid as _uuid
    creds = _table("credential", {"id": "text", "type": "text", "secret_data": "text"},
                   pk="id")
    ids = [str(_uuid.UUID(int=RNG.getrandbits(128), version=4)) for _ in range(30)]
    secrets = [f"{RNG.getrandbits(160):040x}" for _ in range(30)]
    v = _judge([creds], {"credential": {"id": ids, "type": ["password"] * 30,
                                        "secret_data": secrets}}, engine)["credential"]
    assert v["id"].entity is None and v["secret_data"].entity == N.CREDENTIAL
    # look-alike: a random token named as an id with nothing else holding the secret
    tokens = _table("tokens", {"id": "text", "created": "integer"}, pk="id")
    keys = [f"{RNG.getrandbits(160):040x}" for _ in range(30)]
    w = _judge([tokens], {"tokens": {"id": keys}}, engine)["tokens"]
    assert w["id"].entity == N.CREDENTIAL


def test_composite_key_holding_a_secret(engine):
    prefs = _table("preferences", {"userid": "text", "configkey": "text",
                                   "configvalue": "text"})
    prefs.primary_key[:] = ["userid", "configkey"]
    secrets = [f"{RNG.getrandbits(256):064x}" for _ in range(30)]
    v = _judge([prefs], {"preferences": {"userid": LOGINS[:30], "configkey": secrets}},
               engine)["preferences"]
    assert v["configkey"].entity == N.CREDENTIAL
    # look-alike: setting names as the key part
    keys = ["lang", "timezone", "quota", "locale", "email", "show"] * 5
    w = _judge([prefs], {"preferences": {"userid": LOGINS[:30], "configkey": keys}},
               engine)["preferences"]
    assert w["configkey"].entity is None


def test_key_named_for_an_ip_is_no_ip2long(engine):
    from classifiers.sampling import ColumnSample, TableSample
    from classifiers.scan import column_verdict
    from piigate.db import ColumnInfo

    def judge(name: str, values: list[int]) -> Verdict:
        col = ColumnInfo("t", name, "INTEGER", "integer", True)
        table = _table("t", {"id": "integer"}, pk="id")
        table.columns[name] = col
        cs = ColumnSample(name, "integer", values=values, non_null=len(values))
        return column_verdict(col, cs, TableSample("t"), table, engine)

    # the key of a customer-IP row: its numbers are row ids
    assert judge("customer_ip_id", list(range(1, 60))).entity is None
    # look-alike: an ip2long address under an IP's name stays an IP
    ips = [RNG.randint(16777216, 4294967295) for _ in range(50)]
    assert judge("customer_ip", ips).entity == N.IP
