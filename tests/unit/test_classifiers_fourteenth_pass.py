"""Discovery rules of the fourteenth corpus pass (issue #10), from the misses and false
alarms of BookStack, Cal.com, Paperless-ngx and Pixelfed (held out in the thirteenth
pass): rules of the thirteenth pass made to hold across naming styles (a second factor's
codes under ``2fa_``/``tfa_``/``twoFactor`` prefixes, Socialite's ``driver_id`` beside an
undeclared ``user_id``), full names and sentence subjects in a template's slot, avatars
as pictures or Gravatar URLs, the tokens of share and reset links under other names,
and secrets no person logs in with (shared passwords, webhook signing secrets, the
installation's own apps and configuration). Each rule with a look-alike that stays
``keep``."""

from __future__ import annotations

import base64
import hashlib
import json
import random

import pytest

from classifiers import names as N
from classifiers.context import _second_factor_core, apply_context
from classifiers.verdict import FREE_TEXT, JSON, Verdict, text_verdict
from piigate.db import Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_fifth_pass import _judge
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(14)
URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _token(n: int, alphabet: str = URLSAFE) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


# -- a second factor's codes under any naming style -------------------------------------


@pytest.mark.parametrize("name", ["2fa_backup_codes", "twoFactorRecoveryCodes",
                                  "tfa_backup_codes", "users_mfa_code", "backupCodes",
                                  "user_2fa_recovery_codes", "TOTP_BACKUP_CODES"])
def test_second_factor_names_across_styles(name):
    assert _second_factor_core(name, "users") in (["backup", "codes"], ["recovery", "codes"],
                                                  ["mfa", "code"])


@pytest.mark.parametrize("name", ["zip_code", "promo_code", "user_invite_code", "fa_icon",
                                  "twofa_enabled", "2fa_secret_backup"])
def test_other_codes_keep_their_names(name):
    # look-alikes: the qualifiers are stripped only before a one-time code's own name
    assert _second_factor_core(name, "users") not in (["backup", "codes"], ["invite", "code"])
    assert _second_factor_core(name, "users")[-2:] != ["backup", "codes"]


def test_backup_codes_behind_a_digit_prefix(engine):
    lists = [json.dumps([str(RNG.randint(10**9, 10**10 - 1)) for _ in range(8)])
             for _ in range(6)]
    t = _table("users", {"id": "integer", "username": "text", "2fa_backup_codes": "text",
                         "2fa_enabled": "integer"}, pk="id")
    verdicts = {"id": Verdict(sampled=6, rows=6), "username": Verdict(sampled=6, rows=6),
                "2fa_backup_codes": Verdict(sampled=6, rows=6, signals=["json"]),
                "2fa_enabled": Verdict(sampled=2, rows=6)}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}),
                  rows=_rows(6, **{"2fa_backup_codes": lists}), engine=engine)
    assert verdicts["2fa_backup_codes"].entity == JSON
    assert verdicts["2fa_backup_codes"].paths == {"$[*]": N.CREDENTIAL}
    # look-alike: the flag beside it
    assert verdicts["2fa_enabled"].entity is None


# -- Socialite's driver_id beside an undeclared user reference ---------------------------


def _social(columns: dict[str, str], engine) -> dict[str, Verdict]:
    users = _table("users", {"id": "integer", "email": "text"}, pk="id")
    t = _table("social_accounts", columns, pk="id")  # no foreign key declared (Laravel)
    ids = [str(RNG.randint(10**6, 10**9)) for _ in range(6)]
    vals = {c: ["github", "google", "okta"] * 2 for c in columns if c in ("driver", "kind")}
    vals["driver_id"] = ids
    return _judge([users, t], {"social_accounts": vals}, engine)["social_accounts"]


def test_a_socialite_driver_id_beside_an_undeclared_user_id(engine):
    v = _social({"id": "integer", "user_id": "integer", "driver": "text", "driver_id": "text"},
                engine)
    assert v["driver_id"].entity == N.PERSON_ID
    # look-alikes: no person reference (a delivery's driver), no ``driver`` column
    w = _social({"id": "integer", "route_id": "integer", "driver": "text",
                 "driver_id": "text"}, engine)
    assert w["driver_id"].entity is None
    w = _social({"id": "integer", "user_id": "integer", "kind": "text", "driver_id": "text"},
                engine)
    assert w["driver_id"].entity is None


# -- full names and sentence subjects in a template's slot -------------------------------


def test_subjects_with_a_full_name_or_a_name_opening_a_sentence(engine):
    firsts = ["William Price", "Vanessa Haering", "Matthew Wade", "Nelly Rust"]
    subjects = ["Scan from printer", "Fwd: Befund", "Your order"] * 8 + \
        [f"Re: Mietvertrag {n}" for n in firsts]
    v = _one("processedmail", {"id": "integer", "owner_id": "integer", "subject": "text"},
             {"owner_id": list(range(len(subjects))), "subject": subjects}, engine)
    assert v["subject"].entity == FREE_TEXT
    reasons = ["Double booked", "Sick, sorry.", "Cancelled by the host"] * 6 + \
        [f"{n} is on vacation, please rebook." for n in ("Thea", "Gabriel", "Nicole")]
    v = _one("bookings", {"id": "integer", "user_id": "integer", "reason": "text"},
             {"user_id": list(range(len(reasons))), "reason": reasons}, engine)
    assert v["reason"].entity == FREE_TEXT


def test_places_and_labels_that_only_look_like_full_names_stay(engine):
    # look-alikes: towns named after people in one state (the surname never changes),
    # and a sentence whose subject is no name
    towns = [f"{t}  Massachusetts  US" for t in ("Port Michael", "East Jennifer",
                                                   "North Thomas", "Lake Anna", "Bytom",
                                                   "Viechtach", "Guipuzcoa", "Bleiswijk")] * 2
    v = _one("patients", {"id": "integer", "user_id": "integer", "origin": "text"},
             {"user_id": list(range(len(towns))), "origin": towns}, engine)
    # (what the recognisers read in the values is judged apart; no slot names anyone)
    assert not any(s.startswith("names someone") for s in v["origin"].signals)
    notes = ["Printer is out of paper", "Room is booked", "Coffee is ready"] * 5
    v = _one("notices", {"id": "integer", "user_id": "integer", "text": "text"},
             {"user_id": list(range(len(notes))), "text": notes}, engine)
    assert v["text"].entity is None


# -- avatars: pictures and Gravatar URLs -------------------------------------------------


def _gravatar(email: str) -> str:
    return "https://www.gravatar.com/avatar/" + hashlib.md5(email.encode()).hexdigest()


def test_avatars_as_base64_pictures_and_gravatar_urls(engine):
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + RNG.randbytes(40)).decode()
    pics = [f"data:image/png;base64,{png}"] * 6 + \
        [_gravatar(f"user{i}@example.org") for i in range(4)]
    v = text_verdict("avatar", pics, engine)
    assert v.entity == N.PHOTO and v.content == "PNG"
    only = [_gravatar(f"user{i}@example.org") for i in range(8)]
    assert text_verdict("avatar", only, engine).entity == N.PROFILE_URL
    # look-alike: avatar URLs on the application's own storage (random file names)
    stored = [f"https://cdn.example.org/avatars/{_token(24)}.png" for _ in range(8)]
    assert text_verdict("avatar", stored, engine).entity is None


# -- the token of a share or reset link under another name -------------------------------


def test_the_token_of_a_link_table_under_its_key_or_slug(engine):
    cuids = ["cl" + _token(23, "abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12)]
    v = _one("ResetPasswordRequest", {"id": "text", "email": "text", "expires": "text"},
             {"id": cuids, "email": [f"p{i}@example.org" for i in range(12)],
              "expires": ["2024-01-01"] * 12}, engine)
    assert v["id"].entity == N.CREDENTIAL
    slugs = [_token(50) for _ in range(12)]
    v = _one("documents_sharelink", {"id": "integer", "owner_id": "integer", "slug": "text"},
             {"owner_id": list(range(12)), "slug": slugs}, engine)
    assert v["slug"].entity == N.CREDENTIAL


def test_link_tables_with_a_named_token_and_other_tables_keep_their_keys(engine):
    # look-alikes: a reset table whose token is named (its random key stays), and a
    # random key of a table of other rows
    keys = [_token(24) for _ in range(12)]
    v = _one("password_resets", {"id": "text", "token": "text"},
             {"id": keys, "token": [_token(60) for _ in range(12)]}, engine)
    assert v["token"].entity == N.CREDENTIAL and v["id"].entity is None
    v = _one("documents", {"id": "integer", "owner_id": "integer", "slug": "text"},
             {"owner_id": list(range(12)), "slug": [_token(50) for _ in range(12)]}, engine)
    assert v["slug"].entity is None


# -- secrets no person logs in with ------------------------------------------------------


def _named(table: str, cols: dict[str, str], values: dict[str, list], engine
           ) -> dict[str, Verdict]:
    return _one(table, cols, values, engine)


def test_shared_passwords_and_webhook_secrets_stay(engine):
    pw = [_token(8) for _ in range(10)]
    v = _named("BookingReference", {"id": "integer", "bookingId": "integer",
                                    "meetingPassword": "text"},
               {"bookingId": list(range(10)), "meetingPassword": pw}, engine)
    assert v["meetingPassword"].entity is None
    v = _named("Webhook", {"id": "integer", "userId": "integer", "secret": "text"},
               {"userId": list(range(10)), "secret": [_token(32) for _ in range(10)]}, engine)
    assert v["secret"].entity is None
    # look-alikes: a person's password, and a user's password of a mail account
    v = _named("users", {"id": "integer", "email": "text", "password": "text"},
               {"email": [f"p{i}@example.org" for i in range(10)], "password": pw}, engine)
    assert v["password"].entity == N.CREDENTIAL
    v = _named("mail_accounts", {"id": "integer", "owner_id": "integer", "password": "text"},
               {"owner_id": list(range(10)), "password": pw}, engine)
    assert v["password"].entity == N.CREDENTIAL


def test_secrets_of_the_installations_apps_and_configuration_stay(engine):
    v = _named("applicationconfiguration", {"id": "integer", "llm_api_key": "text"},
               {"llm_api_key": ["sk-" + _token(48)]}, engine)
    assert v["llm_api_key"].entity is None
    v = _named("oauth_client", {"id": "integer", "client_id": "text", "secret": "text"},
               {"client_id": [_token(20) for _ in range(6)],
                "secret": [_token(40) for _ in range(6)]}, engine)
    assert v["secret"].entity is None
    # look-alike: a user's own API client (a reference to its user) keeps its secret masked
    v = _named("oauth2_clients", {"id": "integer", "user_id": "integer", "secret": "text"},
               {"user_id": list(range(6)), "secret": [_token(40) for _ in range(6)]}, engine)
    assert v["secret"].entity == N.CREDENTIAL


# -- matching words copied from a name that names people in some rows -------------------


def test_matching_words_copied_from_names_of_people_and_companies(engine):
    people = ["William Price", "Vanessa Haering", "Matthew Wade", "Nelly Rust",
              "Thomas Berg", "Julia Klein"]
    firms = ["Deutsche Bank", "Stadtwerke Köln", "Telekom", "Allianz Versicherung"] * 2
    names = [f"Dr. med. {n}" for n in people] + firms
    t = _table("correspondent", {"id": "integer", "name": "text", "match": "text"}, pk="id")
    match = [n.split("Dr. med. ")[-1].lower() for n in names]
    rows = _rows(len(names), name=names, match=match)
    verdicts = {"id": Verdict(sampled=len(names), rows=len(names)),
                "name": Verdict(entity=FREE_TEXT, partial=True, confidence=0.5,
                                sampled=len(set(names)), rows=len(names)),
                "match": Verdict(sampled=len(set(match)), rows=len(names))}
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}), rows=rows, engine=engine)
    assert verdicts["match"].entity == FREE_TEXT and verdicts["match"].partial
    # look-alike: matching words of their own (not the name's) stay
    verdicts = {"id": Verdict(sampled=len(names), rows=len(names)),
                "name": Verdict(entity=FREE_TEXT, partial=True, confidence=0.5,
                                sampled=len(set(names)), rows=len(names)),
                "match": Verdict(sampled=2, rows=len(names))}
    rows = _rows(len(names), name=names, match=["invoice", "rechnung"] * 7)
    apply_context(t, verdicts, Inventory("sqlite", {t.name: t}), rows=rows, engine=engine)
    assert verdicts["match"].entity is None


# -- lists of logins ---------------------------------------------------------------------


def test_lists_of_logins_joined_by_plus(engine):
    refs = ["connor_gray+jacob36+danieltorres", "carrieb44+lwillis", "ferenc.simon+mvang",
            "ihorvath+gabrielle.h", "elena.rossi+john5509", "darkrider7262+mariabaird"]
    v = _one("bookings", {"id": "integer", "user_id": "integer", "group_ref": "text"},
             {"user_id": list(range(6)), "group_ref": refs}, engine)
    assert v["group_ref"].entity == N.USERNAME
    # look-alikes: tag lists (words), lists of files, and the same logins in nobody's rows
    tags = ["red+blue", "green,yellow", "work;home", "urgent+later", "a+b", "sales,ops"]
    v = _one("bookings", {"id": "integer", "user_id": "integer", "tags": "text"},
             {"user_id": list(range(6)), "tags": tags}, engine)
    assert v["tags"].entity is None
    files = ["notes.txt+plan.pdf", "a1.png,b2.png", "scan.pdf+scan2.pdf"] * 2
    v = _one("bookings", {"id": "integer", "user_id": "integer", "files": "text"},
             {"user_id": list(range(6)), "files": files}, engine)
    assert v["files"].entity is None
    v = _one("groups", {"id": "integer", "position": "integer", "group_ref": "text"},
             {"position": list(range(6)), "group_ref": refs}, engine)
    assert v["group_ref"].entity is None
