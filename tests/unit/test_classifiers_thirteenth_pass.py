"""Discovery rules of the thirteenth corpus pass (issue #10), from the misses of Miniflux,
Monica, osTicket and of FreeScout, wallabag, PeerTube and Sylius (held out in the twelfth
pass): the ids of a WebAuthn authenticator, short texts written from one template with a
person's name in its slot, a second factor's one-time codes, URLs carrying a credential,
federated handles, logins not yet set, random tokens as the keys of a key-value table,
and public keys kept beside them. Each rule with a look-alike that must stay ``keep``."""

from __future__ import annotations

import json
import random

from classifiers import names as N
from classifiers.context import apply_context
from classifiers.verdict import FREE_TEXT, Verdict
from piigate.db import ColumnInfo, ForeignKey, Inventory, Kind, TableInfo
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(13)
URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _token(n: int) -> str:
    return "".join(RNG.choice(URLSAFE) for _ in range(n))


def _one(table: str, cols: dict[str, str], values: dict[str, list], engine,
         pk: str = "id") -> dict[str, Verdict]:
    """One table judged with its values and sampled rows (``values`` of equal length)."""
    t = _table(table, cols, pk=pk)
    n = max((len(v) for v in values.values()), default=0)
    rows = _rows(n, **values)
    return _judge([t], {table: values}, engine, rows={table: rows})[table]


# -- an authenticator's credential id and user handle -----------------------------------


def _binary_table(name: str, cols: dict[str, str]) -> TableInfo:
    kinds: dict[str, tuple[str, Kind]] = {"text": ("VARCHAR(200)", "text"),
                                          "integer": ("INTEGER", "integer"),
                                          "binary": ("BLOB", "binary")}
    return TableInfo(name, {c: ColumnInfo(name, c, kinds[k][0], kinds[k][1], True,
                                          primary_key=c == "handle")
                            for c, k in cols.items()}, ["handle"], [], [])


def _credentials(table: str) -> dict[str, Verdict]:
    cols = {"handle": "binary", "cred_id": "binary", "user_id": "integer",
            "public_key": "binary", "aaguid": "binary", "email": "text"}
    t = _binary_table(table, cols)
    verdicts = {c: Verdict(sampled=30, rows=30, content="binary") for c in cols
                if cols[c] == "binary"}
    verdicts["aaguid"] = Verdict(sampled=3, rows=30, content="binary")  # one a model
    verdicts["user_id"] = Verdict(sampled=30, rows=30)
    verdicts["email"] = Verdict(sampled=0)
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}))
    return verdicts


def test_an_authenticators_credential_id_and_user_handle():
    v = _credentials("webauthn_credentials")
    assert v["cred_id"].entity == N.PERSON_ID and v["handle"].entity == N.PERSON_ID
    # look-alikes: its public key and the model's aaguid stay beside them (random bytes,
    # one a row, beside personal data otherwise read as a device's fingerprint)
    assert v["public_key"].entity is None and v["aaguid"].entity is None


def test_credential_ids_outside_an_authenticators_table_stay():
    # look-alike: the same names in a table of OAuth applications' credentials
    v = _credentials("oauth_applications")
    assert v["cred_id"].entity is None


def test_base64_credential_ids_of_passkeys(engine):
    ids = [_token(86) + "==" for _ in range(12)]
    v = _one("webauthn_keys", {"id": "integer", "user_id": "integer",
                               "credentialId": "text", "type": "text"},
             {"user_id": list(range(12)), "credentialId": ids,
              "type": ["public-key"] * 12}, engine)
    assert v["credentialId"].entity == N.PERSON_ID
    assert v["type"].entity is None


# -- short texts naming someone through one template ------------------------------------


def test_device_names_titles_and_households_that_name_someone(engine):
    generic = ["YubiKey 5C", "Pixel 8", "iCloud Keychain", "Work laptop"] * 4
    named = ["Anna's iPhone", "Peter's MacBook", "Maria's iPhone"]
    v = _one("webauthn_keys", {"id": "integer", "user_id": "integer", "name": "text"},
             {"user_id": list(range(19)), "name": generic + named}, engine)
    assert v["name"].entity == FREE_TEXT
    titles = ["Gift ideas", "Catch-up", "Met at the conference"] * 5 + \
        ["Birthday ideas for Thomas", "Birthday ideas for Julia", "Birthday ideas for Paul"]
    v = _one("notes", {"id": "integer", "contact_id": "integer", "title": "text"},
             {"contact_id": list(range(18)), "title": titles}, engine)
    assert v["title"].entity == FREE_TEXT
    vaults = ["Family", "Work", "Book club", "Neighbours"] * 2 + ["Schmidt family",
                                                                  "Dubois family"]
    v = _one("vaults", {"id": "integer", "account_id": "integer", "name": "text"},
             {"account_id": [1] * 10, "name": vaults}, engine)
    assert v["name"].entity == FREE_TEXT


def test_channels_named_for_their_users_logins(engine):
    names = ["Live coding", "Field recordings", "Cuisine maison"] * 4 + [
        "Main miladal7 channel", "Main coolcat3835 channel", "Main gina.guerrero channel"]
    v = _one("videoChannel", {"id": "integer", "accountId": "integer", "name": "text"},
             {"accountId": list(range(15)), "name": names}, engine)
    assert v["name"].entity == FREE_TEXT


def test_templates_filled_with_colours_models_or_companies_stay(engine):
    # look-alikes: colours and models repeat from row to row; companies carry a company
    # word; the cities of an address are judged by the address rules (``Port Jennifer``)
    shirts = [f"{c} shirt" for c in ("Green", "Brown", "White")] * 8
    v = _one("products", {"id": "integer", "owner_id": "integer", "title": "text"},
             {"owner_id": list(range(24)), "title": shirts}, engine)
    assert v["title"].entity is None
    models = [f"iPhone {n}" for n in (12, 13, 14, 15)] + ["Pixel 8", "YubiKey 5C"]
    v = _one("webauthn_keys", {"id": "integer", "user_id": "integer", "name": "text"},
             {"user_id": list(range(6)), "name": models}, engine)
    assert v["name"].entity is None
    # places named after people: a person's name in the slot, but no one addressed
    places = [f"{w} {n}  Massachusetts  US" for w, n in (
        ("Port", "Michael"), ("Port", "Ashley"), ("Lake", "Joshua"), ("Lake", "Kristin"),
        ("North", "Jennifer"), ("North", "Douglas"))] + [f"{c}  Massachusetts  US" for c in (
            "Boston Lowell Worcester Cambridge Medford Malden Revere Somerville Framingham "
            "Haverhill Brockton Plymouth Taunton Chicopee Pittsfield Leominster Fitchburg "
            "Attleboro Amesbury Gloucester").split()]
    v = _one("patients", {"id": "integer", "first": "text", "birthplace": "text"},
             {"first": ["Anna"] * len(places), "birthplace": places}, engine)
    assert v["birthplace"].entity is None
    firms = ["Schmidt GmbH", "Dubois SARL", "Weber GmbH", "Rossi & Figli"] * 3
    v = _one("orders", {"id": "integer", "customer_id": "integer", "carrier": "text"},
             {"customer_id": list(range(12)), "carrier": firms}, engine)
    assert v["carrier"].entity is None


# -- a second factor's one-time codes ----------------------------------------------------


def _codes(table: str, ref: str | None) -> dict[str, Verdict]:
    cols = {"id": "integer", "authCode": "integer", "backupCodes": "text",
            "invite_code": "text", "promo_code": "text"}
    if ref:
        cols[ref] = "integer"
    t = _table(table, cols, pk="id")
    verdicts = {c: Verdict(sampled=4, rows=4) for c in cols}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}))
    return verdicts


def test_one_time_codes_of_a_second_factor():
    v = _codes("user", None)  # a table named for people
    assert v["authCode"].entity == N.CREDENTIAL and v["backupCodes"].entity == N.CREDENTIAL
    # look-alikes: other codes, and the same names in a table of nobody's rows
    assert v["invite_code"].entity is None and v["promo_code"].entity is None
    w = _codes("settings", None)
    assert w["authCode"].entity is None and w["backupCodes"].entity is None


def test_backup_codes_as_a_json_list(engine):
    lists = [json.dumps([str(RNG.randint(10**7, 10**8 - 1)) for _ in range(5)])
             for _ in range(6)]
    t = _table("users", {"id": "integer", "username": "text", "backupCodes": "text"},
               pk="id")
    verdicts = {"id": Verdict(sampled=6, rows=6), "username": Verdict(sampled=6, rows=6),
                "backupCodes": Verdict(sampled=6, rows=6, signals=["json"])}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}),
                  rows=_rows(6, backupCodes=lists), engine=engine)
    # each code masked in place: the document stays JSON (MariaDB checks json_valid)
    assert verdicts["backupCodes"].entity == "JSON"
    assert verdicts["backupCodes"].paths == {"$[*]": N.CREDENTIAL}


# -- URLs carrying a credential ---------------------------------------------------------


def _feeds(urls: list[str], engine, ref: str = "user_id") -> Verdict:
    return _one("feeds", {"id": "integer", ref: "integer", "feed_url": "text"},
                {ref: list(range(len(urls))), "feed_url": urls}, engine)["feed_url"]


def test_private_feed_urls_and_service_urls_with_a_token(engine):
    public = [f"https://news{i}.example.org/rss?v={i}" for i in range(16)]
    private = [f"https://github.com/user{i}.private.atom?token={_token(40)}" for i in range(3)]
    assert _feeds(public + private, engine).entity == N.CREDENTIAL
    bots = [f"tgram://{RNG.randint(10**9, 10**10)}:AA{_token(33)}/{RNG.randint(10**9, 10**10)}"
            for _ in range(3)]
    assert _feeds(bots, engine).entity == N.CREDENTIAL


def test_public_urls_and_urls_of_nobodys_rows_stay(engine):
    # look-alikes: a version in the query, a uuid in the path; private URLs in a table
    # whose rows are nobody's (an installation's list of feeds)
    public = [f"https://news{i}.example.org/rss?v={i}" for i in range(16)] + [
        f"https://dav.example.org/cal/8c0d2a5e-4a1b-4c2d-9e3f-{RNG.getrandbits(48):012x}.ics"
        for _ in range(4)]
    assert _feeds(public, engine).entity is None
    private = [f"https://github.com/user{i}.private.atom?token={_token(40)}" for i in range(3)]
    assert _feeds(private, engine, ref="category_id").entity is None


# -- federated handles -----------------------------------------------------------------


def test_matrix_handles(engine):
    ids = ["@andreb53:matrix.org", "@rolf.rogner:tchncs.de", "@higgins1991:matrix.org",
           "@anna_k:matrix.org"]
    v = _one("integrations", {"id": "integer", "user_id": "integer", "matrix_bot_room": "text",
                              "matrix_bot_user": "text"},
             {"user_id": [1, 2, 3, 4], "matrix_bot_user": ids,
              # look-alike: rooms (``#alias:server``, ``!id:server``) are nobody's handle
              "matrix_bot_room": ["#dev:matrix.org", "!abcDEF:matrix.org",
                                  "#ops:tchncs.de", "#news:matrix.org"]}, engine)
    assert v["matrix_bot_user"].entity == N.USERNAME
    assert v["matrix_bot_room"].entity is None


# -- logins not yet set ------------------------------------------------------------------


def _integrations(ref: str | None) -> dict[str, Verdict]:
    cols = {"id": "integer", "pushover_user": "text", "pushover_device": "text"}
    if ref:
        cols[ref] = "integer"
        cols["owner_user"] = "integer"
    t = _table("integrations", cols, pk="id")
    verdicts = {c: Verdict() for c in cols}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}))
    return verdicts


def test_a_persons_logins_not_yet_set():
    v = _integrations("user_id")
    assert v["pushover_user"].entity == N.USERNAME
    # look-alikes: an empty column named for no login, an integer reference, and the same
    # column in a table whose rows are nobody's
    assert v["pushover_device"].entity is None and v["owner_user"].entity is None
    assert _integrations(None)["pushover_user"].entity is None


# -- tokens as the keys of a key-value table ----------------------------------------------


def _config(keys: list[str], engine) -> Verdict:
    return _one("ost_config", {"id": "integer", "namespace": "text", "key": "text",
                               "value": "text"},
                {"namespace": ["core"] * len(keys), "key": keys,
                 "value": ["1"] * len(keys)}, engine)["key"]


def test_reset_tokens_stored_as_setting_keys(engine):
    settings = ["admin_email", "allow_pw_reset", "client_max_logins", "default_locale",
                "default_dept_id", "clients_only", "enable_captcha", "max_file_size",
                "helpdesk_title", "time_format", "date_format", "default_timezone"]
    tokens = [_token(32) for _ in range(6)]
    assert _config(settings + tokens, engine).entity == N.CREDENTIAL
    # look-alikes: a settings table whose keys are all words, or words and a number
    assert _config(settings * 2, engine).entity is None
    numbered = [f"{k}_{n}" for k in ("MatomoUpdateHistory", "lastTrackerCronRun",
                                     "SitesManager_DefaultTimezone") for n in (11, 21, 15)]
    assert _config(settings + numbered, engine).entity is None




# -- names: an OAuth 1 consumer's key, more networks' handles ---------------------------


def test_consumer_keys_and_more_networks_by_name():
    assert N.match("pocket_consumer_key").entity == N.CREDENTIAL
    assert N.match("consumer_secret").entity == N.CREDENTIAL
    assert N.match("foursquare").entity == N.USERNAME
    # look-alikes: a consumer's name and a key's id are no secrets
    assert N.match("consumer_name") is None or N.match("consumer_name").entity != N.CREDENTIAL


def test_a_foursquare_handle_only_in_a_table_about_people(engine):
    handles = [f"user{RNG.randint(100, 999)}x" for _ in range(4)]
    v = _one("leads", {"id": "integer", "email": "text", "foursquare": "text"},
             {"email": [f"a{i}@example.org" for i in range(4)], "foursquare": handles},
             engine)
    assert v["foursquare"].entity == N.USERNAME
    # look-alike: a venue's Foursquare id in a table of places
    w = _one("venues", {"id": "integer", "title": "text", "foursquare": "text"},
             {"title": ["Café"] * 4, "foursquare": handles}, engine)
    assert w["foursquare"].entity is None



# -- a social login's account id under Socialite's ``driver`` -----------------------------


def _user_tokens(provider_column: str, engine) -> dict[str, Verdict]:
    users = _table("users", {"id": "integer", "email": "text"}, pk="id")
    tokens = _table("user_tokens", {"id": "integer", "user_id": "integer",
                                    provider_column: "text", "driver_id": "text"}, pk="id")
    tokens.foreign_keys.append(ForeignKey(None, "user_tokens", ["user_id"], "users", ["id"]))
    ids = [str(RNG.randint(10**20, 10**21)) for _ in range(6)]
    return _judge([users, tokens], {"user_tokens": {
        provider_column: ["google", "github", "facebook"] * 2, "driver_id": ids}},
        engine)["user_tokens"]


def test_a_social_logins_account_id_under_driver(engine):
    assert _user_tokens("driver", engine)["driver_id"].entity == N.PERSON_ID
    # look-alike: a ``driver_id`` beside no provider column (a delivery's driver, a key)
    assert _user_tokens("format", engine)["driver_id"].entity is None


# -- JSON lists of a person's contacts ---------------------------------------------------


def _customers(table: str, engine) -> Verdict:
    sites = [json.dumps([u]) for u in ("https://github.com/fnagy", "http://www.inonu-family.net/",
                                       "https://example.net", "https://dalton.com/main")] * 3
    t = _table(table, {"id": "integer", "first_name": "text", "websites": "text"}, pk="id")
    firsts = ["Anna", "Peter", "Maria", "Jonas"] * 3
    rows = _rows(12, first_name=firsts if table == "customers" else ["x"] * 12,
                 websites=sites)
    verdicts = {"id": Verdict(sampled=12, rows=12),
                "first_name": Verdict(entity=N.FIRST_NAME, confidence=0.9, sampled=4,
                                      rows=12) if table == "customers" else Verdict(),
                "websites": Verdict(sampled=4, rows=12, signals=["json"])}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}), rows=rows, engine=engine)
    return verdicts["websites"]


def test_a_json_list_of_a_persons_web_sites(engine):
    v = _customers("customers", engine)
    assert v.entity == "JSON" and v.paths == {"$[*]": N.PROFILE_URL}
    # look-alike: a list of a company's sites (a table about things)
    assert _customers("companies", engine).entity is None


# -- a device's fingerprint --------------------------------------------------------------


def test_a_login_devices_fingerprint(engine):
    digests = [f"{RNG.getrandbits(256):064x}" for _ in range(8)]
    v = _one("userLoginDevice", {"id": "integer", "userId": "integer", "fingerprint": "text"},
             {"userId": list(range(8)), "fingerprint": digests}, engine)
    assert v["fingerprint"].entity == N.PERSON_ID
    # look-alike: a public key's fingerprint, a person's key but no device
    w = _one("public_key", {"id": "integer", "owner_id": "integer", "fingerprint": "text"},
             {"owner_id": list(range(8)), "fingerprint": digests}, engine)
    assert w["fingerprint"].entity is None
