"""Discovery rules of the nineteenth corpus pass, part B (issue #10), from the misses and
false alarms of Indico, EspoCRM, Flarum, Pleroma, authentik, InvoicePlane, Formbricks and
Huginn (held out in the eighteenth pass): a PEM private key under any name, phone numbers
in unassigned areas under a phone's name, a web column behind the row's prefix, a
template's title, a provider's token endpoint, a sign-in source's keys, a client id beside
its secret, web push endpoints, a push subscription's public key, affiliations and
businesses as things, an ``identifier`` beside sign-in providers, and a password reset's
secret named as an id. Each rule with a
look-alike that stays ``keep``."""

from __future__ import annotations

import random

from classifiers import names as N
from classifiers.verdict import text_verdict
from piigate.db import ForeignKey
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_fifth_pass import _judge
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(1902)
URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
B64 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/"


def _token(n: int, chars: str = URL_CHARS) -> str:
    return "".join(RNG.choice(chars) for _ in range(n))


def _pem(kind: str) -> str:
    body = "\n".join(_token(64, B64) for _ in range(12))
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----\n"


# -- a PEM private key under any name --------------------------------------------------------


def test_a_pem_private_key_is_a_credential_under_any_name(engine):
    keys = [_pem("RSA PRIVATE KEY") for _ in range(12)]
    for name in ("keys", "data", "private_key"):
        assert text_verdict(name, keys, engine).entity == N.CREDENTIAL, name
    # look-alike: public keys are long lines too, and meant to be shared
    public = [_pem("PUBLIC KEY") for _ in range(12)]
    assert text_verdict("keys", public, engine).entity is None


def test_a_pem_private_key_in_a_table_with_no_person_is_the_installations(engine):
    n = 6
    cols = {"key": "text", "data": "text"}
    values = {"key": [f"host{i}.example.org" for i in range(n)],
              "data": [_pem("EC PRIVATE KEY") for _ in range(n)]}
    v = _one("acme_cache", cols, values, engine, pk="key")
    assert v["data"].entity is None
    # look-alike: the same keys in a table named for people stay masked
    v = _one("users", {"id": "integer", "nickname": "text", "keys": "text"},
             {"nickname": [f"user{i}" for i in range(n)], "keys": values["data"]}, engine)
    assert v["keys"].entity == N.CREDENTIAL


# -- phone numbers in unassigned areas under a phone's name ----------------------------------


def test_written_phone_numbers_under_a_phones_name(engine):
    faxes = ["+1 (880) 522-5240", "", "", "+1 (366) 497-9781", "", "+1 (671) 346-4704"]
    assert text_verdict("user_fax", faxes, engine).entity == N.PHONE
    # look-alike: the same shapes without a phone's name are no finding, and a fax
    # column of dates stays
    assert text_verdict("reference", faxes, engine).entity is None
    assert text_verdict("fax", ["2024-01-05", "2024-02-11", "2023-12-30"], engine).entity \
        is None


# -- a web column behind the row's prefix ----------------------------------------------------


def test_a_web_column_prefixed_with_the_rows_word(engine):
    # (personal sites with no profile path: the values alone say nothing)
    sites = ["http://www.berg-family.net/", "https://ruiz-photos.example.org/", "", "",
             "http://www.chen-home.net/", "", "https://weber.example.com/", ""] * 2
    cols = {"id": "integer", "user_name": "text", "user_web": "text", "site_web": "text"}
    names = ["Anna Berg", "Paul Ruiz", "Mia Chen", "Jonas Weber"] * 4
    v = _one("ip_users", cols, {"user_name": names, "user_web": sites, "site_web": sites},
             engine)
    assert v["user_web"].entity == N.PROFILE_URL
    # look-alike: ``site_web`` is no column of the row's own word
    assert v["site_web"].entity is None


# -- a template's title ---------------------------------------------------------------------


def test_a_templates_title_is_no_email_address():
    for name in ("email_template_title", "email_template_subject", "sms_template_body"):
        assert N.match(name) is None, name
    # look-alike: a template's sender address, a plain subject's name
    assert N.match("template_email").entity == N.EMAIL
    assert N.match("contact_email").entity == N.EMAIL


# -- a provider's token endpoint ------------------------------------------------------------


def test_a_token_endpoint_is_no_token():
    for name in ("access_token_url", "request_token_url", "token_endpoint"):
        assert N.match(name) is None, name
    # look-alike: the token itself, and a password reset's URL (it carries the token)
    assert N.match("access_token").entity == N.CREDENTIAL
    assert N.match("password_reset_url").entity == N.CREDENTIAL


# -- a sign-in source's keys -----------------------------------------------------------------


def test_a_sign_in_sources_consumer_keys_are_the_installations(engine):
    n = 6
    cols = {"id": "integer", "provider_type": "text", "authorization_url": "text",
            "consumer_key": "text", "consumer_secret": "text"}
    values = {"provider_type": ["github", "google"] * 3,
              "authorization_url": ["https://github.com/login/oauth/authorize"] * n,
              "consumer_key": [f"Iv1.{_token(16)}" for _ in range(n)],
              "consumer_secret": [_token(40) for _ in range(n)]}
    v = _one("oauthsource", cols, values, engine)
    assert v["consumer_key"].entity is None and v["consumer_secret"].entity is None
    # look-alike: a person's tokens at the provider, without its endpoints, stay masked
    cols = {"id": "integer", "provider_type": "text", "access_token": "text"}
    v = _one("oauthsource", cols, {"provider_type": values["provider_type"],
                                   "access_token": [_token(40) for _ in range(n)]}, engine)
    assert v["access_token"].entity == N.CREDENTIAL


# -- a client id beside its secret ----------------------------------------------------------


def _account_ids(engine, cols: dict[str, str]) -> dict:
    n = 12
    t = _table("apps", {"id": "integer", **cols}, pk="id")
    values = {c: [_token(43) for _ in range(n)] for c in cols}
    t.foreign_keys.append(ForeignKey(None, "apps", ["id"], "users", ["id"]))
    users = _table("users", {"id": "integer"}, pk="id")
    return _judge([t, users], {"apps": values}, engine,
                  rows={"apps": _rows(n, **values)})["apps"]


def test_a_client_id_beside_its_client_secret_is_an_applications(engine):
    v = _account_ids(engine, {"client_id": "text", "client_secret": "text"})
    assert v["client_id"].entity is None
    # look-alike: a ``client_id`` alone, random and one a row of a person's, is still
    # that person's account at a provider
    alone = _account_ids(engine, {"client_id": "text"})
    assert alone["client_id"].entity == N.PERSON_ID


# -- web push endpoints ---------------------------------------------------------------------


def test_web_push_endpoints_are_credentials(engine):
    ends = [f"https://fcm.googleapis.com/fcm/send/{_token(140)}" for _ in range(4)] + \
        [f"https://updates.push.services.mozilla.com/wpush/v2/{_token(120)}"
         for _ in range(4)] + [f"https://ntfy.sh/up{_token(11)}1" for _ in range(4)]
    assert text_verdict("endpoint", ends, engine).entity == N.CREDENTIAL
    # look-alike: a site's pages (``/upcomingEvents``) and webhooks stay
    pages = ["https://example.org/upcomingEvents", "https://example.org/updates/2024",
             "https://example.org/uploads/report.pdf"] * 4
    assert text_verdict("endpoint", pages, engine).entity is None


# -- a push subscription's public key --------------------------------------------------------


def test_a_push_subscriptions_p256dh_is_a_public_key(engine):
    n = 30
    cols = {"id": "integer", "user_id": "integer", "key_p256dh": "text", "key_auth": "text"}
    values = {"user_id": list(range(n)), "key_p256dh": [_token(87) for _ in range(n)],
              "key_auth": [_token(22) for _ in range(n)]}
    t = _table("push_subscriptions", cols, pk="id")
    t.foreign_keys.append(ForeignKey(None, "push_subscriptions", ["user_id"], "users", ["id"]))
    users = _table("users", {"id": "integer"}, pk="id")
    v = _judge([t, users], {"push_subscriptions": values}, engine,
               rows={"push_subscriptions": _rows(n, **values)})["push_subscriptions"]
    assert v["key_p256dh"].entity is None
    # look-alike: its ``auth`` secret beside it stays masked
    assert v["key_auth"].entity == N.CREDENTIAL


# -- affiliations and businesses as things ----------------------------------------------------


def test_an_affiliations_address_is_an_institutions(engine):
    cols = {"id": "integer", "name": "text", "street": "text", "city": "text"}
    values = {"name": ["CERN", "DESY", "Fermilab", "KEK", "TRIUMF", "PSI"],
              "street": ["Esplanade des Particules 1", "Notkestraße 85", "Kirk Road",
                         "1-1 Oho", "4004 Wesbrook Mall", "Forschungsstrasse 111"],
              "city": ["Meyrin", "Hamburg", "Batavia", "Tsukuba", "Vancouver", "Villigen"]}
    v = _one("affiliations", cols, values, engine)
    assert v["street"].entity is None
    # look-alike: the same columns in a table of unknown subject stay masked
    v = _one("entries", cols, values, engine)
    assert v["street"].entity == N.STREET


def test_a_table_named_for_people_that_describes_businesses(engine):
    n = 12
    cols = {"id": "text", "name": "text", "industry": "text", "website": "text",
            "billing_address_street": "text", "assigned_user_id": "text"}
    values = {"name": ["Young, Taylor and Farmer", "Hesse", "Rios", "Wilson Group"] * 3,
              "industry": ["Aerospace", "Retail", "Banking", "Energy"] * 3,
              "website": [f"https://{w}.com/" for w in ("rios", "hunt", "wilson", "bright")] * 3,
              "billing_address_street": [f"{100 + i} Glover Springs" for i in range(n)],
              "assigned_user_id": [f"{RNG.getrandbits(68):017x}" for _ in range(n)]}
    v = _one("account", cols, values, engine)
    assert v["website"].entity is None and v["billing_address_street"].entity is None
    # look-alike: without a business's descriptors, the table named for people keeps
    # its addresses masked
    del cols["industry"], values["industry"]
    v = _one("account", cols, values, engine)
    assert v["billing_address_street"].entity == N.STREET


# -- an identifier beside sign-in providers ---------------------------------------------------


def test_an_identifier_beside_sign_in_providers(engine):
    n = 12
    cols = {"token": "text", "provider": "text", "identifier": "text"}
    ids = [str(RNG.randrange(10**7, 10**20)) for _ in range(n)]
    v = _one("registration_tokens", cols,
             {"token": [_token(40) for _ in range(n)],
              "provider": ["github", "google", "discord"] * 4, "identifier": ids},
             engine, pk="token")
    assert v["identifier"].entity == N.PERSON_ID
    # look-alike: a payment provider's ``identifier`` is a payment's
    v = _one("payments", {"id": "integer", "provider": "text", "identifier": "text"},
             {"provider": ["stripe", "paypal", "mollie"] * 4, "identifier": ids}, engine)
    assert v["identifier"].entity is None


# -- a password reset's secret named as an id --------------------------------------------------


def test_a_password_resets_secret_named_as_an_id(engine):
    n = 12
    cols = {"id": "text", "request_id": "text", "user_id": "text"}
    values = {"id": [f"{RNG.getrandbits(68):017x}" for _ in range(n)],
              "request_id": [f"{RNG.getrandbits(256):064x}" for _ in range(n)],
              "user_id": [f"{RNG.getrandbits(68):017x}" for _ in range(n)]}
    v = _one("password_change_request", cols, values, engine)
    assert v["request_id"].entity == N.CREDENTIAL
    # look-alike: the same random column in a table of other requests stays
    v = _one("export_request", cols, values, engine)
    assert v["request_id"].entity is None
