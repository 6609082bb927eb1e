"""Discovery rules of the fifth corpus pass (issue #10), from the misses and false alarms of
Discourse and Joomla when they were held out: secrets without a credential word, outside
identities without a provider column, @mentions, key-value profiles, slugs in any script,
and the false alarms (organisation clients, identity links, role mailboxes, Message-IDs,
CIDR ranges, filler text). Each rule with a look-alike that must stay ``keep``."""

from __future__ import annotations

import random
import string

import pytest

from classifiers import names as N
from classifiers.context import apply_context, person_key_tables, subject_of
from classifiers.verdict import (
    FILLER,
    FREE_TEXT,
    PROFILE_URL,
    Verdict,
    message_id,
    network_range,
    random_secret,
    text_verdict,
)
from piigate.db import ForeignKey, Inventory, TableInfo
from tests.unit.test_classifiers_accounts import _table

RNG = random.Random(5)
FIRST = ["anna", "bruno", "chen", "dora", "emil", "farah", "goran", "hana", "ivo", "jana"]



def _hex(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def _urlsafe(n: int) -> str:
    return "".join(RNG.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))


def _users(n: int = 30) -> list[str]:
    return [f"{FIRST[i % 10]}_{i}" for i in range(n)]


def _with_ref(name: str, cols: dict[str, str], ref: str = "users") -> TableInfo:
    t = _table(name, {"id": "integer", "user_id": "integer", **cols}, pk="id")
    t.foreign_keys.append(ForeignKey(None, name, ["user_id"], ref, ["id"]))
    return t


def _judge(tables: list[TableInfo], values: dict[str, dict[str, list]], engine,
           rows: dict[str, list[dict]] | None = None) -> dict[str, dict[str, Verdict]]:
    """Column verdicts from values, then the table pass (with sampled rows when given)."""
    inv = Inventory("sqlite", {t.name: t for t in tables})
    out = {}
    for t in tables:
        vals = values.get(t.name, {})
        verdicts = {c: (text_verdict(c, vals[c], engine) if c in vals else Verdict())
                    for c in t.columns}
        for v in verdicts.values():
            v.rows = max(v.sampled, 1)
        apply_context(t, verdicts, inv, rows=(rows or {}).get(t.name), engine=engine)
        out[t.name] = verdicts
    return out


# -- secrets without a credential word -------------------------------------------------


@pytest.mark.parametrize("value", [
    _hex(32), _hex(40), _hex(64), _urlsafe(20), "-Npv8GkmWOckRezk0znO",
    "totp:" + _hex(32), "66078775,46108524,47457854,73236264,93042990",
])
def test_random_secret_shapes(value):
    assert random_secret(value)


@pytest.mark.parametrize("value", [
    "8c0d2a5e-4a1b-4c2d-9e3f-0123456789ab",  # a uuid: a row's id
    "getUserAccountSettingsById",  # an identifier: few switches between letters and digits
    "johnsmith19871234abcd", "https://example.org/a/b", "12345678", "10.0.0.0/8",
    "Just here to learn and share.", "0123456789012345678901234567890123",  # digits only
])
def test_look_alikes_of_random_secrets(value):
    assert not random_secret(value)


def test_secrets_of_a_person_without_a_credential_word(engine):
    users = _table("users", {"id": "integer", "username": "text", "secure_identifier": "text",
                             "otpKey": "text", "otep": "text"}, pk="id")
    keys = _with_ref("api_keys", {"key_hash": "text", "description": "text"})
    remember = _table("user_keys", {"id": "integer", "user_id": "text", "series": "text"},
                      pk="id")  # user_id holds the username: no declared reference
    v = _judge([users, keys, remember], {
        "users": {"username": _users(), "secure_identifier": [_hex(32) for _ in range(30)],
                  "otpKey": ["totp:" + _hex(32) for _ in range(12)],
                  "otep": [",".join(str(RNG.randint(10**7, 10**8 - 1)) for _ in range(10))
                           for _ in range(8)]},
        "api_keys": {"key_hash": [_hex(64) for _ in range(25)],
                     "description": ["backup script", "zapier", "mobile app"] * 8},
        "user_keys": {"user_id": _users(), "series": [_urlsafe(20) for _ in range(30)]},
    }, engine)
    assert v["users"]["otpKey"].entity == N.CREDENTIAL
    assert v["users"]["otep"].entity == N.CREDENTIAL
    assert v["users"]["secure_identifier"].entity == N.PERSON_ID  # named as an id
    assert v["api_keys"]["key_hash"].entity == N.CREDENTIAL
    assert v["api_keys"]["description"].entity is None
    assert v["user_keys"]["series"].entity == N.CREDENTIAL


def test_random_values_that_are_no_secrets_stay(engine):
    uuids = [f"{_hex(8)}-{_hex(4)}-4{_hex(3)}-a{_hex(3)}-{_hex(12)}" for _ in range(30)]
    hex_uuids = [u.replace("-", "") for u in uuids]  # a Uuid column on SQLite
    posts = _with_ref("posts", {"post_checksum": "text", "uuid": "text",
                                "public_id": "text", "rowguid": "text"})
    media = _with_ref("media_attachments", {"shortcode": "text"})  # a thing table
    webhooks = _table("webhooks", {"id": "integer", "delivery_ref": "text"}, pk="id")
    v = _judge([posts, media, webhooks], {
        "posts": {"post_checksum": [_hex(32) for _ in range(30)], "uuid": uuids,
                  "public_id": [_urlsafe(22) for _ in range(30)], "rowguid": hex_uuids},
        "media_attachments": {"shortcode": [_urlsafe(20) for _ in range(30)]},
        # random, but nobody's: no reference to a person
        "webhooks": {"delivery_ref": [_urlsafe(24) for _ in range(30)]},
    }, engine)
    assert all(x.entity is None for x in v["posts"].values()), v["posts"]
    assert v["media_attachments"]["shortcode"].entity is None
    assert v["webhooks"]["delivery_ref"].entity is None


# -- outside identities ----------------------------------------------------------------


def _sso_rows(n: int = 30) -> list[dict]:
    names = _users(n)
    return [{"id": i, "user_id": i, "external_id": str(1000 + i * 37),
             "external_username": names[i], "external_email": f"{names[i]}@example.org",
             "external_avatar_url": f"https://id.example.com/avatars/{names[i]}.png",
             "cdn_url": f"https://cdn.example.net/img/{_hex(16)}.png"}
            for i in range(n)]


def test_an_outside_identity_without_a_provider_column(engine):
    sso = _with_ref("single_sign_on_records", {
        "external_id": "text", "external_username": "text", "external_email": "text",
        "external_avatar_url": "text", "cdn_url": "text"})
    rows = _sso_rows()
    values = {c: sorted({r[c] for r in rows}) for c in rows[0] if c not in ("id", "user_id")}
    v = _judge([sso], {sso.name: values}, engine, rows={sso.name: rows})[sso.name]
    assert v["external_id"].entity == N.PERSON_ID
    assert v["external_avatar_url"].entity == PROFILE_URL  # ends in the row's username
    assert v["cdn_url"].entity is None  # random file names: nobody's page


def test_an_object_id_beside_one_name_is_no_identity(engine):
    # an admin log: the changed object's id and its printed name, by a user
    log = _with_ref("admin_log", {"object_id": "text", "object_repr": "text"})
    v = _judge([log], {log.name: {"object_id": [str(100 + i) for i in range(30)],
                                  "object_repr": _users()}}, engine)[log.name]
    assert v["object_id"].entity is None


def test_query_strings_are_judged_per_key(engine):
    names = _users()
    payloads = [f"nonce={_hex(16)}&email={n}%40example.org&username={n}&name=Anna+Berg"
                f"&admin=false" for n in names]
    v = text_verdict("last_payload", payloads, engine)
    assert v.is_pii and v.partial
    assert "query-string" in " ".join(v.signals)
    # tracking parameters: query strings, nothing personal under any key
    tracking = [f"utm_source=news&utm_medium=email&page={i}&sort=desc" for i in range(30)]
    assert text_verdict("query", tracking, engine).entity is None


# -- free text and mentions ------------------------------------------------------------


def _sentence(i: int) -> str:
    return f"Thanks for the update on the migration, it works for me now ({i})."


def test_mentions_count_toward_text_about_people(engine):
    posts = [f"@{FIRST[i % 10]}_{i} {_sentence(i)}" if i % 7 == 0 else _sentence(i)
             for i in range(100)]
    v = text_verdict("raw", posts, engine)
    assert v.entity == FREE_TEXT
    assert any("MENTION" in s for s in v.signals)


def test_at_signs_that_are_no_mentions(engine):
    css = [f"@media screen and (max-width: {600 + i}px) {{ .post {{ margin: 0 }} }}"
           if i % 3 == 0 else f"npm install @babel/core and then @import the theme {i} now"
           for i in range(60)]
    assert text_verdict("notes", css, engine).entity is None


def test_filler_text_is_not_a_persons_own_words(engine):
    salad = ["Environment small share garden force toward financial matter series check.",
             "Member require respond everybody newspaper crime attention determine.",
             "Without join develop drive quickly wonder race hand sometimes consumer."] * 4
    salad = [f"{s[:-1]} {w}." for s, w in zip(salad, FIRST + FIRST, strict=False)]
    contacts = _table("contacts", {"id": "integer", "misc": "text", "bio": "text"}, pk="id")
    bios = [f"I am a teacher in {c} and I like to walk with my dog in the park."
            for c in ("Lyon", "Graz", "Porto", "Turku", "Brno", "Ghent")]
    v = _judge([contacts], {"contacts": {"misc": salad, "bio": bios}}, engine)["contacts"]
    assert v["misc"].entity is None and v["misc"].hits.get(FILLER)
    assert v["bio"].entity == FREE_TEXT  # a person's own words, nothing recognised in them


# -- key-value profiles ----------------------------------------------------------------


def _profile_rows(ref: str, n: int = 40) -> list[dict]:
    rows = []
    for i in range(n):
        rows += [{ref: i, "profile_key": "profile.city", "profile_value": f'"{c}"'}
                 for c in (["Lyon", "Graz", "Porto", "Turku"][i % 4],)]
        rows.append({ref: i, "profile_key": "profile.address1",
                     "profile_value": f'"{12 + i} Rue des Lilas"'})
        rows.append({ref: i, "profile_key": "profile.dob",
                     "profile_value": f'"19{60 + i % 30}-0{1 + i % 9}-1{i % 9} 00:00:00"'})
        rows.append({ref: i, "profile_key": "profile.favoritebook",
                     "profile_value": f'"The Long Road {i}"'})
        rows.append({ref: i, "profile_key": "profile.tos", "profile_value": '"1"'})
    return rows


def _kv_table(name: str, ref: str) -> TableInfo:
    return _table(name, {ref: "integer", "profile_key": "text", "profile_value": "text"})


def test_a_key_value_profile_of_people_is_judged_per_key(engine):
    t = _kv_table("user_profiles", "user_id")
    rows = _profile_rows("user_id")
    values = {"profile_value": sorted({r["profile_value"] for r in rows}),
              "profile_key": sorted({r["profile_key"] for r in rows})}
    v = _judge([t], {t.name: values}, engine, rows={t.name: rows})[t.name]
    assert v["profile_value"].is_pii and v["profile_value"].partial
    assert "profile.city=CITY" in " ".join(v["profile_value"].signals)
    assert v["profile_key"].entity is None


def test_key_values_of_things_or_without_personal_keys_stay(engine):
    things = _kv_table("post_meta", "post_id")  # the same keys, not tied to a person
    rows = _profile_rows("post_id")
    values = {"profile_value": sorted({r["profile_value"] for r in rows})}
    assert _judge([things], {things.name: values}, engine,
                  rows={things.name: rows})[things.name]["profile_value"].entity is None
    prefs = _kv_table("user_prefs", "user_id")
    rows = [{"user_id": i, "profile_key": k, "profile_value": v} for i in range(30)
            for k, v in (("language", ["en", "de", "fr"][i % 3]), ("theme", "dark"),
                         ("timezone", ["UTC", "Europe/Berlin"][i % 2]))]
    values = {"profile_value": sorted({r["profile_value"] for r in rows})}
    assert _judge([prefs], {prefs.name: values}, engine,
                  rows={prefs.name: rows})[prefs.name]["profile_value"].entity is None


# -- slugs -----------------------------------------------------------------------------


SLUGS = ["στέλλα-καλαμάρα", "淳-斉藤", "성진-김", "порфирий-петухов", "leevi-järvelä",
         "anna-berg", "berto-niño", "mateusz-potęga"] * 3


def test_slugs_of_names_in_any_script(engine):
    contacts = _table("contact_details", {"id": "integer", "alias": "text"}, pk="id")
    slugs = [f"{s}-{i}" if i >= 8 else s for i, s in enumerate(SLUGS)]
    v = _judge([contacts], {"contact_details": {"alias": slugs}}, engine)
    assert v["contact_details"]["alias"].entity == N.USERNAME
    # an article's slug in Greek is the article's
    articles = _table("articles", {"id": "integer", "alias": "text"}, pk="id")
    v = _judge([articles], {"articles": {"alias": slugs}}, engine)
    assert v["articles"]["alias"].entity is None


# -- false alarms ----------------------------------------------------------------------


def test_clients_that_are_companies_have_no_persons_key(engine):
    companies = ["Acme Inc", "Berg & Sons", "Nordic Media Ltd", "Blue Fox GmbH",
                 "Orbit Systems", "Kappa Labs", "Delta Trading Co", "Lumen Studio"] * 4
    people = ["Anna Berg", "Bruno Keller", "Chen Wei", "Dora Novak", "Emil Larsen",
              "Farah Haddad", "Goran Petrovic", "Hana Sato"] * 4
    clients = _table("banner_clients", {"id": "integer", "name": "text", "contact": "text",
                                        "extrainfo": "text"}, pk="id")
    notes = ["Prefers to be called in the morning, and the invoices go by post."] * 8
    values = {"name": [f"{c} {i}" for i, c in enumerate(companies)],
              "contact": [f"{p}" for p in people], "extrainfo": notes}
    # the same table holding people's names is a table of people
    persons = _table("clients", {"id": "integer", "name": "text"}, pk="id")
    inv = Inventory("sqlite", {"banner_clients": clients, "clients": persons})
    subjects = {}
    for t, vals in ((clients, values), (persons, {"name": people})):
        vs = {c: (text_verdict(c, vals[c], engine) if c in vals else Verdict())
              for c in t.columns}
        subjects[t.name] = apply_context(t, vs, inv)
        if t is clients:
            assert vs["contact"].entity is not None  # the contact person stays found
            assert vs["extrainfo"].entity is None  # no person's own text
    keys = person_key_tables(inv, subjects)
    assert "clients" in keys and "banner_clients" not in keys


def test_an_outside_account_linked_to_a_user_has_no_persons_key():
    users = _table("users", {"id": "integer", "username": "text"}, pk="id")
    linked = _with_ref("user_associated_accounts", {"provider_name": "text",
                                                   "provider_uid": "text"})
    accounts = _table("accounts", {"id": "integer", "username": "text"}, pk="id")
    inv = Inventory("sqlite", {t.name: t for t in (users, linked, accounts)})
    subjects = {t.name: subject_of(t, {c: Verdict() for c in t.columns}, inv)
                for t in (users, linked, accounts)}
    keys = person_key_tables(inv, subjects)
    assert "users" in keys and "accounts" in keys
    assert "user_associated_accounts" not in keys


def test_role_mailboxes_outside_a_table_of_people(engine):
    roles = ["support@forum.example.com", "help@forum.example.com"]
    mail = _with_ref("incoming_emails", {"to_addresses": "text", "from_address": "text"})
    users = _table("users", {"id": "integer", "email": "text"}, pk="id")
    v = _judge([mail, users], {
        "incoming_emails": {"to_addresses": roles,
                            "from_address": [f"{n}@example.org" for n in _users()]},
        "users": {"email": roles + [f"{n}@example.org" for n in _users(3)]},
    }, engine)
    assert v["incoming_emails"]["to_addresses"].entity is None
    assert v["incoming_emails"]["from_address"].entity == N.EMAIL
    assert v["users"]["email"].entity == N.EMAIL  # a person's table: their addresses


def test_message_ids_and_network_ranges_are_no_contacts(engine):
    ids = [f"<{_hex(32)}@mail.example.net>" for _ in range(20)]
    assert all(message_id(x) for x in ids)
    assert text_verdict("message_id", ids, engine).entity is None
    mails = [f"{n}.berg.1987@example.org" for n in FIRST] * 2
    assert not any(message_id(x) for x in mails)
    assert text_verdict("sender", mails, engine).entity == N.EMAIL

    assert network_range("10.0.0.0/8") and network_range("2001:db8::/32")
    assert not network_range("192.0.2.7/32") and not network_range("192.0.2.7")
    assert text_verdict("allowed_ips", ["10.0.0.0/8", "172.16.0.0/12"], engine).entity is None
    # a list of hosts to exclude is addresses still
    hosts = ["192.0.2.7,198.51.100.3", "203.0.113.9", "10.0.0.0/8"]
    assert text_verdict("excluded_ips", hosts, engine).entity == N.IP
