"""LimeSurvey (online surveys, PHP/Yii, MySQL): a held-out schema (issue #10), labelled before
any scan and never tuned on. 13 of the tables ``installer/create-database.php`` creates, all
their columns, with the default ``lime_`` prefix; and the two tables one active survey adds:
its participant list ``lime_tokens_248163`` (the columns ``Token::createTable`` in
``application/models/Token.php`` declares in the version the stored index holds (names and
e-mail ``text``, ``token`` ``string(36)``; older versions had ``string(40)`` names), plus
two custom attributes ``attribute_1``/``attribute_2``, which LimeSurvey adds as text
columns) and its response table ``lime_survey_248163`` (the fixed columns LimeSurvey's
survey activation creates, and five answer columns named by the SGQA scheme
``<sid>X<gid>X<qid>``). The installer declares no foreign keys ("Never use foreign keys"):
every reference (``uid``, ``owner_uid``, ``participant_id``, ``token_id``, ``srid``...) is
generated as values.

Tables: users (login, password hash, full name, e-mail, one-time password, validation key),
user groups and memberships, the central participant panel (first and last name and
e-mail, a quarter of them stored sodium-encrypted as base64, as after turning encryption
on; custom attribute values such as phone and city; shares with other users), survey
links, saved partial responses (the name the respondent saved under, access code hash,
e-mail, IP), failed logins (IP), failed notification e-mails (recipient, JSON resend
variables with names and tokens), PHP sessions, per-user settings, the survey's
participant list (names, e-mail, access token, send and completion status) and its
responses (token, IP, referrer, an age band, a free-text comment that sometimes names
people, an e-mail for the prize draw, a rating array, a number).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import blob, col, datetimes, mediumtext, new_person, password_hash, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "LimeSurvey/LimeSurvey",
          "path": "installer/create-database.php, application/models/Token.php",
          "commit": "00084798ac5e330246523d828e62413e2f959259"}
PERSON_TABLES = ("lime_users", "lime_participants", "lime_tokens_248163")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime

SID = 248163
N_USERS = 25
N_PART = 150
N_TOK = 160

_ts = datetimes(2018, 2025)


def _maybe_encrypted(inner: str):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        v = G[inner](c)
        if c.rng.random() < 0.25:
            # sodium secretbox: 24-byte nonce, 16-byte tag, the ciphertext
            raw = bytes(c.rng.getrandbits(8) for _ in range(40 + len(v.encode())))
            return base64.b64encode(raw).decode()
        return v
    return gen


def _ls_token(c):  # type: ignore[no-untyped-def]
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_"
    return "".join(c.rng.choice(alphabet) for _ in range(15))


def _status_date(c):  # type: ignore[no-untyped-def]
    return "N" if c.rng.random() < 0.4 else G["datetime"](c).strftime("%Y-%m-%d %H:%M")


def _attr_value(c):  # type: ignore[no-untyped-def]
    a = c.row["attribute_id"]
    return {1: lambda: G["phone"](c), 2: lambda: G["city"](c),
            3: lambda: c.rng.choice(["Sales", "Engineering", "HR", "Pflege", "Finance"]),
            4: lambda: G["dob_text"](c)}.get(a, lambda: "")()


def _identifier(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([p["first"], f"{p['first']} {p['last']}", p["username"],
                         "test", "myanswers", p["email"]])


def _resend_vars(c):  # type: ignore[no-untyped-def]
    p = c.person
    return json.dumps({"tokenid": c.rng.randint(1, N_TOK), "token": _ls_token(c),
                       "firstname": p["first"], "lastname": p["last"],
                       "email": p["email"], "message_type": c.row.get("email_type")},
                      ensure_ascii=False)


def _php_session(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return f'YII_CSRF_TOKEN|s:40:"{G["token"](_p(c, n=40, style="hex"))}";'.encode()
    u = c.person["username"]
    return (f'YII_CSRF_TOKEN|s:40:"{G["token"](_p(c, n=40, style="hex"))}";'
            f'loginID|i:{c.rng.randint(1, N_USERS)};user|s:{len(u)}:"{u}";'
            f'adminlang|s:2:"en";').encode()


def _comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.35:
        return None
    if r < 0.5:
        p = new_person(c)
        return c.rng.choice([
            f"The nurse {p['first']} was very kind to my mother.",
            f"Dr. {p['last']} explained everything clearly.",
            f"Please call me back, {G['phone'](c)}.",
            f"Mein Betreuer {p['first']} {p['last']} war super.",
        ])
    return c.rng.choice(["Waiting time too long.", "All good!", "", "N/A",
                         "Parking was difficult.", "Très bon accueil.", "More vegan options"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "lime_users", N_USERS,
          col("uid", I, pk=True, auto=True),
          col("users_name", S(64), lambda c: "admin" if c.index == 0 else c.person["username"],
              unique=True, nullable=False),
          col("password", T, lambda c: password_hash(_p(c, style="bcrypt12"))
              if c.rng.random() < 0.8 else G["token"](_p(c, n=64, style="hex")),
              nullable=False),
          col("full_name", S(50), lambda c: "Administrator" if c.index == 0 else
              G["full_name"](c), nullable=False),
          col("parent_id", I, lambda c: 0 if c.index == 0 else 1, nullable=False),
          col("lang", S(20), "choice", values=["auto", "en", "de", "fr", "nl"], null=0.05),
          col("email", S(192), "email", null=0.05),
          col("htmleditormode", S(7), "choice", values=["default", "inline", "none"],
              null=0.1),
          col("templateeditormode", S(7), "choice", values=["default", "full"],
              nullable=False),
          col("questionselectormode", S(7), "choice", values=["default", "full", "none"],
              nullable=False),
          col("one_time_pw", T, token_of(32, "url"), null=0.85),
          col("dateformat", I, "int", lo=1, hi=12, nullable=False),
          col("last_login", TS, _ts, null=0.2),
          col("created", TS, _ts, null=0.02),
          col("modified", TS, _ts, null=0.02),
          col("validation_key", S(38), token_of(38, "hex"), null=0.8),
          col("validation_key_expiration", TS, _ts, null=0.8),
          col("last_forgot_email_password", TS, _ts, null=0.8),
          col("expires", TS, _ts, null=0.9),
          col("user_status", I, "choice", values=[1, 1, 1, 0], nullable=False))
    table(md, "lime_user_groups", 6,
          col("ugid", I, pk=True, auto=True),
          col("name", S(20), lambda c: ["Survey editors", "Research team", "Pflegeteam",
                                        "Marketing", "Readers", "Externe"][c.index],
              unique=True, nullable=False),
          col("description", T, "choice", values=["", "Can edit all surveys",
                                                  "Read-only access"], nullable=False),
          col("owner_id", I, ref="lime_users.uid", nullable=False))
    table(md, "lime_user_in_groups", 30,
          col("ugid", I, ref="lime_user_groups.ugid", nullable=False),
          col("uid", I, ref="lime_users.uid", nullable=False),
          sa.PrimaryKeyConstraint("ugid", "uid"))
    table(md, "lime_participants", N_PART,
          col("participant_id", S(50), "uuid_str", pk=True),
          col("firstname", T, _maybe_encrypted("first_name"), null=0.05),
          col("lastname", T, _maybe_encrypted("last_name"), null=0.05),
          col("email", T, _maybe_encrypted("email"), null=0.08),
          col("language", S(40), "choice", values=["en", "de", "fr", "nl", "es"], null=0.1),
          col("blacklisted", S(1), "choice", values=["N", "N", "N", "Y"], nullable=False),
          col("owner_uid", I, ref="lime_users.uid", nullable=False),
          col("created_by", I, ref="lime_users.uid", nullable=False),
          col("created", TS, _ts, null=0.02),
          col("modified", TS, _ts, null=0.3))
    table(md, "lime_participant_attribute_names", 4,
          col("attribute_id", I, "seq", nullable=False),
          col("attribute_type", S(4), "choice", values=["TB", "DD", "DP"], nullable=False),
          col("defaultname", S(255), lambda c: ["phone", "city", "department",
                                                "birthdate"][c.index], nullable=False),
          col("visible", S(5), "choice", values=["TRUE", "FALSE"], nullable=False),
          col("encrypted", S(5), "choice", values=["Y", "N"], nullable=False),
          col("core_attribute", S(5), "choice", values=["N"], nullable=False),
          sa.PrimaryKeyConstraint("attribute_id", "attribute_type"))
    table(md, "lime_participant_attribute", 300,
          col("participant_id", S(50), ref="lime_participants.participant_id",
              nullable=False),
          col("attribute_id", I, "int", lo=1, hi=4, nullable=False),
          col("value", T, _attr_value, nullable=False),
          sa.PrimaryKeyConstraint("participant_id", "attribute_id"))
    table(md, "lime_participant_shares", 40,
          col("participant_id", S(50), ref="lime_participants.participant_id",
              nullable=False),
          col("share_uid", I, ref="lime_users.uid", nullable=False),
          col("date_added", TS, _ts, nullable=False),
          col("can_edit", S(5), "choice", values=["TRUE", "FALSE"], nullable=False),
          sa.PrimaryKeyConstraint("participant_id", "share_uid"))
    table(md, f"lime_tokens_{SID}", N_TOK,
          col("tid", I, pk=True, auto=True),
          col("participant_id", S(50), ref="lime_participants.participant_id", null=0.4),
          col("firstname", T, "first_name", null=0.05),
          col("lastname", T, "last_name", null=0.05),
          col("email", T, "email", null=0.05),
          col("emailstatus", T, "choice", values=["OK", "OK", "OK", "bounced",
                                                  "OptOut"], null=0.02),
          col("token", S(36), _ls_token, unique=True, null=0.02),
          col("language", S(25), "choice", values=["en", "de", "fr"], null=0.05),
          col("blacklisted", S(17), "choice", values=["", "N", "Y"], null=0.5),
          col("sent", S(17), _status_date, null=0.02),
          col("remindersent", S(17), _status_date, null=0.02),
          col("remindercount", I, "int", lo=0, hi=3, null=0.02),
          col("completed", S(17), _status_date, null=0.02),
          col("usesleft", I, "choice", values=[1, 0, 0], null=0.02),
          col("validfrom", TS, _ts, null=0.8),
          col("validuntil", TS, _ts, null=0.8),
          col("mpid", I, "int", lo=1, hi=N_PART, null=0.9),
          col("attribute_1", T, "choice", values=["Ward 3", "Ward 5", "Outpatient", "ICU",
                                                  "Day clinic"], null=0.1),
          col("attribute_2", T, "phone", null=0.4))
    table(md, f"lime_survey_{SID}", 180,
          col("id", I, pk=True, auto=True),
          col("token", S(36), lambda c: _ls_token(c), null=0.3),
          col("submitdate", TS, _ts, null=0.3),
          col("lastpage", I, "int", lo=0, hi=4, null=0.05),
          col("startlanguage", S(20), "choice", values=["en", "de", "fr"], nullable=False),
          col("seed", S(31), lambda c: str(c.rng.randint(10**8, 10**9)), null=0.02),
          col("startdate", TS, _ts, nullable=False),
          col("datestamp", TS, _ts, nullable=False),
          col("ipaddr", T, lambda c: G["ip"](c) if c.rng.random() < 0.7 else
              ".".join(G["ipv4"](c).split(".")[:3] + ["0"]), null=0.05),
          col("refurl", T, lambda c: c.rng.choice([
              "https://www.klinikum-example.de/feedback", "", "https://mail.google.com/",
              f"https://survey.example.org/index.php/{SID}?lang=de"]), null=0.3),
          col(f"{SID}X12X101", S(5), "choice", values=["A1", "A2", "A3", "A4", "A5"],
              null=0.1),
          col(f"{SID}X12X102", T, _comment, nullable=True),
          col(f"{SID}X12X103", T, "email", null=0.6, empty=0.1),
          col(f"{SID}X13X104SQ001", S(5), "choice", values=["1", "2", "3", "4", "5"],
              null=0.15),
          col(f"{SID}X13X105", sa.Numeric(30, 10), "int", lo=0, hi=30, null=0.2))
    table(md, "lime_survey_links", 120,
          col("participant_id", S(50), ref="lime_participants.participant_id",
              nullable=False),
          col("token_id", I, ref=f"lime_tokens_{SID}.tid", nullable=False),
          col("survey_id", I, "choice", values=[SID], nullable=False),
          col("date_created", TS, _ts, null=0.02),
          col("date_invited", TS, _ts, null=0.3),
          col("date_completed", TS, _ts, null=0.5),
          sa.PrimaryKeyConstraint("participant_id", "token_id", "survey_id"))
    table(md, "lime_saved_control", 45,
          col("scid", I, pk=True, auto=True),
          col("sid", I, "choice", values=[SID], nullable=False),
          col("srid", I, ref=f"lime_survey_{SID}.id", nullable=False),
          col("identifier", T, _identifier, nullable=False),
          col("access_code", T, lambda c: G["token"](_p(c, n=32, style="hex"))
              if c.rng.random() < 0.5 else password_hash(_p(c, style="bcrypt12")),
              nullable=False),
          col("email", S(192), "email", null=0.3),
          col("ip", T, "ip", nullable=False),
          col("saved_thisstep", T, lambda c: str(c.rng.randint(1, 4)), nullable=False),
          col("status", S(1), "choice", values=["S", ""], nullable=False),
          col("saved_date", TS, _ts, nullable=False),
          col("refurl", T, "choice", values=["", "https://www.klinikum-example.de/feedback"],
              null=0.4))
    table(md, "lime_failed_login_attempts", 50,
          col("id", I, pk=True, auto=True),
          col("ip", S(40), "ip", nullable=False),
          col("last_attempt", S(20), lambda c: G["datetime"](c).strftime("%Y-%m-%d %H:%M:%S"),
              nullable=False),
          col("number_attempts", I, "int", lo=1, hi=9, nullable=False),
          col("is_frontend", sa.Boolean, "bool", nullable=False))
    table(md, "lime_failed_emails", 40,
          col("id", I, pk=True, auto=True),
          col("surveyid", I, "choice", values=[SID], nullable=False),
          col("responseid", I, ref=f"lime_survey_{SID}.id", nullable=False),
          col("email_type", S(200), "choice", values=["admin_notification", "admin_responses",
                                                      "invite", "remind"], nullable=False),
          col("recipient", S(320), "email", nullable=False),
          col("language", S(20), "choice", values=["en", "de"], nullable=False),
          col("error_message", T, "choice", values=[
              "SMTP Error: Could not connect to SMTP host.",
              "SMTP Error: The following recipients failed: mailbox full",
              "Invalid address:  (to)"], null=0.1),
          col("created", TS, _ts, nullable=False),
          col("status", S(20), "choice", values=["SEND FAILED", "SEND SUCCESS"], null=0.05),
          col("updated", TS, _ts, null=0.5),
          col("resend_vars", mediumtext(), _resend_vars, nullable=False))
    table(md, "lime_sessions", 60,
          col("id", S(32), token_of(26, "hex"), pk=True),
          col("expire", I, "int", lo=1_700_000_000, hi=1_760_000_000, null=0.02),
          col("data", blob("long"), _php_session, null=0.02))
    table(md, "lime_settings_user", 80,
          col("id", I, pk=True, auto=True),
          col("uid", I, ref="lime_users.uid", nullable=False),
          col("entity", S(15), "choice", values=["", "Survey", "Question"], null=0.5),
          col("entity_id", S(31), lambda c: str(c.rng.choice([SID, 0, 12])), null=0.5),
          col("stg_name", S(63), "choice", values=["last_survey", "preselectquestiontype",
                                                   "showScriptEdit", "noViewMode",
                                                   "answeroptionprefix"], nullable=False),
          col("stg_value", mediumtext(), "choice", values=["1", "0", "T", str(SID), "AO",
                                                            ""], null=0.05))
    return md
