"""BookWyrm (federated social reading, ActivityPub, Python/Django, PostgreSQL): a held-out
schema (issue #10), labelled before any scan and never tuned on. Models of
``bookwyrm/models/`` at one commit: ``bookwyrm_user`` (Django's ``AbstractUser`` with the
federation fields: inbox, outbox, followers URL, remote id, key pair, 2FA secrets),
``bookwyrm_keypair``, ``bookwyrm_federatedserver``, ``bookwyrm_userfollows``,
``bookwyrm_status`` and its multi-table child ``bookwyrm_review``, ``bookwyrm_shelf`` and
``bookwyrm_shelfbook``, ``bookwyrm_report`` and ``bookwyrm_reportaction``,
``bookwyrm_notification``, ``bookwyrm_emailblocklist``, ``bookwyrm_ipblocklist``,
``bookwyrm_siteinvite``, ``bookwyrm_inviterequest`` and ``bookwyrm_passwordreset``: 16
tables, every column except PostgreSQL arrays (``bookwyrm_user.feed_status_types``);
many-to-many tables are not included.

Django's conventions: ``bookwyrm_<model>`` tables, ``AutoField`` integer keys, foreign
keys as declared (those to tables not included here, ``bookwyrm_theme``,
``bookwyrm_edition``, ``bookwyrm_group``, ``bookwyrm_importjob``,
``bookwyrm_bookwyrmexportjob``, are values), ``BookWyrmModel``'s ``created_date``,
``updated_date`` and ``remote_id`` (the object's ActivityPub URL), ``RemoteIdField``
varchar(255), ``HtmlField`` text, ``ImageField`` varchar(100), ``JSONField`` jsonb.

Values: local and remote users (``mouse`` / ``mouse@bookwyrm.social``), their ActivityPub
URLs built on the username, display names in many scripts, HTML bios that sometimes give
an e-mail, Django pbkdf2 hashes (unusable for remote users), e-mail confirmation codes,
TOTP/HOTP secrets, Readwise API keys; RSA key pairs (private keys only for local users);
statuses and reviews whose HTML mentions people; shelves; moderation reports and actions
naming people; notification rows; blocked e-mail domains and IP addresses or ranges;
invitation codes and invite requests (e-mail and a free-text answer); password reset
codes.
"""

from __future__ import annotations

import base64
from decimal import Decimal

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "bookwyrm-social/bookwyrm",
          "path": "bookwyrm/models/{base_model,user,federated_server,relationship,status,"
                  "shelf,report,notification,antispam,site,fields}.py",
          "commit": "db40a61c9eaa6872607ca499b91893914dc1c8cf"}
# every file read, at the commit of the snapshot
SOURCES = {f"bookwyrm/models/{n}.py": "db40a61c9eaa6872607ca499b91893914dc1c8cf"
           for n in ("base_model", "user", "federated_server", "relationship", "status",
                     "shelf", "report", "notification", "antispam", "site", "fields")}
PERSON_TABLES = ("bookwyrm_user",)

I = sa.Integer  # noqa: E741
B = sa.Boolean
TS = sa.DateTime
T = sa.Text
N_USERS = 120
N_STATUSES = 500
N_REVIEWS = 150
LOCAL = "https://books.example.net"
SERVERS = ["bookwyrm.social", "mastodon.social", "books.theunseen.city", "tomes.club",
           "social.fedi.example", "bookwyrm.tech", "ramblingreaders.org", "mstdn.jp",
           "kolektiva.social", "spamland.example"]
_ts = datetimes(2020, 2025)
_USERS: list[tuple[str, str | None]] = []  # (actor URL, domain or None) per user id - 1


def V(n: int = 255) -> sa.String:
    return sa.String(n)


def _access_code(c):  # type: ignore[no-untyped-def]
    # new_access_code: base32 of 5 random bytes
    return base64.b32encode(bytes(c.rng.getrandbits(8) for _ in range(5))).decode()


def _pem(c, kind: str, n: int) -> str:  # type: ignore[no-untyped-def]
    body = G["token"](_p(c, n=n, style="b64"))
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----\n"


# ----------------------------------------------------------------------------- users

def _password(c):  # type: ignore[no-untyped-def]
    # the first column that depends on it: the user is local (60%) or remote
    # (user@domain); the username and actor URL are chosen here for the later columns
    if c.index == 0:
        _USERS.clear()
    local = c.index < 3 or c.rng.random() < 0.6
    name = c.person["username"].replace(".", "_")
    if local:
        actor, domain, username = f"{LOCAL}/user/{name}", None, name
    else:
        domain = c.rng.choice(SERVERS[:-1])
        actor = (f"https://{domain}/users/{name}" if "masto" in domain or "mstdn" in domain
                 or "kolektiva" in domain or "fedi" in domain else f"https://{domain}/user/{name}")
        username = f"{name}@{domain}"
    c.row["_local"], c.row["_actor"], c.row["_name"] = local, actor, name
    c.row["_username"] = username
    _USERS.append((actor, domain))
    if not local:
        return "!" + G["token"](_p(c, n=40, style="url"))
    return G["password_hash"](_p(c, style="pbkdf2"))


def _summary(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.3:
        return None
    if r < 0.42:
        return f"<p>Reader from {p['f'].city()}. Write to me: {p['email']}</p>"
    if r < 0.5:
        return f"<p>I'm {p['first']}, librarian, she/her. 📚</p>"
    return c.rng.choice(["<p>Mostly sci-fi and mysteries.</p>", "<p>Reading my way through "
                         "the classics.</p>", "<p>books, tea, cats</p>", ""])


def _federated_server(c):  # type: ignore[no-untyped-def]
    _, domain = _USERS[c.index]
    return None if domain is None else SERVERS.index(domain) + 1


def _otp(c):  # type: ignore[no-untyped-def]
    if not c.row["two_factor_auth"]:
        return None
    return base64.b32encode(bytes(c.rng.getrandbits(8) for _ in range(20))).decode()


# -------------------------------------------------------------------------- statuses

STATUS_TEXTS = [
    "<p>Just finished <em>{book}</em>. What a ride!</p>",
    "<p>Currently reading {book} with <a href=\"{actor}\">@{name}</a></p>",
    "<p>Book club at {first}'s place on Thursday, text me at {phone}</p>",
    "<p>{first} {last} recommended this one and they were right.</p>",
    "<p>Page 120 and still not sure about the narrator.</p>",
    "<p>Reading goal: 40 books this year 📖</p>",
    "<p>Anyone else reading {book}? DM me or mail {email}</p>",
    "<p>The ending made me cry.</p>",
]
BOOKS = ["The Left Hand of Darkness", "Piranesi", "Kindred", "Der Zauberberg",
         "La sombra del viento", "ノルウェイの森", "Solaris", "Middlemarch", "Beloved"]


def _status_remote_id(c):  # type: ignore[no-untyped-def]
    uid = c.rng.randint(1, N_USERS)
    c.row["_uid"] = uid
    actor, domain = _USERS[uid - 1]
    if domain is None:
        return f"{actor}/status/{c.index + 1}"
    return f"{actor}/statuses/{c.rng.randint(10**17, 10**18)}"


def _status_content(c):  # type: ignore[no-untyped-def]
    p = c.person
    q = new_person(c)
    text = c.rng.choice(STATUS_TEXTS).format(
        book=c.rng.choice(BOOKS), actor=f"{LOCAL}/user/{q['username']}", name=q["username"],
        first=p["first"], last=p["last"], phone=G["phone"](c), email=p["email"])
    c.row["_text"] = text
    return text


def _raw(c):  # type: ignore[no-untyped-def]
    t = c.row["_text"]
    if c.rng.random() < 0.4:
        return None
    return t.replace("<p>", "").replace("</p>", "").replace("<em>", "_").replace("</em>", "_")


# ---------------------------------------------------------------------------- shelves

def _shelf(c):  # type: ignore[no-untyped-def]
    # four shelves per user: the three defaults and a custom or "stopped reading" one
    uid = c.index // 4 + 1
    k = c.index % 4
    defaults = [("To Read", "to-read"), ("Currently Reading", "reading"), ("Read", "read")]
    if k < 3:
        name, ident = defaults[k]
        editable = False
    elif c.rng.random() < 0.6:
        name, ident, editable = "Stopped Reading", "stopped-reading", False
    else:
        name = c.rng.choice(["Favourites", "Books from Grandma", "Kafka", "Audiobooks",
                             "Lent to friends", "本棚", "DNF"])
        ident, editable = f"{name.lower().replace(' ', '-')}-{c.index + 1}", True
    c.row.update({"_uid": uid, "_sname": name, "_ident": ident, "_editable": editable})
    actor, domain = _USERS[uid - 1]
    return f"{actor}/books/{ident}" if domain is None else f"{actor}/shelf/{ident}"


REPORT_NOTES = ["Spam links in every review", "This account is harassing me, see @{name}",
                "Impersonating {first} {last}", "Posted my phone number ({phone})",
                "Bot account", "", "Hate speech in status", None]
ACTION_NOTES = ["Suspended", "Emailed the user at {email}", "Spoke to {first}, resolved",
                "Deleted the status", "Reopened", "No action needed"]


def _report_note(c):  # type: ignore[no-untyped-def]
    t = c.rng.choice(REPORT_NOTES)
    if t is None:
        return None
    p = c.person
    return t.format(name=p["username"], first=p["first"], last=p["last"], phone=G["phone"](c))


def _action_note(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(ACTION_NOTES).format(email=p["email"], first=p["first"])


def _blocked_ip(c):  # type: ignore[no-untyped-def]
    ip = G["ipv4"](c)
    if c.rng.random() < 0.3:
        return ".".join(ip.split(".")[:3]) + ".0/24"
    return ip


def _invite_answer(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.25:
        return None
    if r < 0.45:
        return (f"Hi, I'm {p['first']} {p['last']} from {p['f'].city()} and I love "
                f"{c.rng.choice(BOOKS)}")
    return c.rng.choice(BOOKS) + c.rng.choice(["", "!", " (again)", ", obviously"])


def _key_remote_id(c):  # type: ignore[no-untyped-def]
    name = c.person["username"].replace(".", "_")
    if c.rng.random() < 0.6:
        return f"{LOCAL}/user/{name}/#main-key"
    return f"https://{c.rng.choice(SERVERS[:-1])}/user/{name}#main-key"


def _follow_object(c):  # type: ignore[no-untyped-def]
    subject = c.row["user_subject_id"]
    other = c.rng.randint(1, N_USERS - 1)
    return other if other < subject else other + 1


def _follow_remote_id(c):  # type: ignore[no-untyped-def]
    uid = c.rng.randint(1, N_USERS)
    c.row["_uid"] = uid
    actor, _ = _USERS[uid - 1]
    return f"{actor}#follows/{c.index + 1}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    base = ("created_date", "updated_date")

    def stamps():  # type: ignore[no-untyped-def]
        return [col(n, TS, _ts) for n in base]

    table(md, "bookwyrm_federatedserver", len(SERVERS),
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("server_name", V(), lambda c: SERVERS[c.index], unique=True),
          col("status", V(), lambda c: "blocked" if c.index == len(SERVERS) - 1 else
              "federated"),
          col("application_type", V(), "choice", values=["bookwyrm", "mastodon", None],
              nullable=True),
          col("application_version", V(), "choice", values=["0.7.4", "4.2.8", None],
              nullable=True),
          col("notes", T, lambda c: "spam wave, blocked" if c.index == len(SERVERS) - 1
              else None, nullable=True))
    table(md, "bookwyrm_keypair", N_USERS,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), _key_remote_id, nullable=True),
          col("private_key", T, lambda c: _pem(c, "RSA PRIVATE KEY", 900), null=0.4),
          col("public_key", T, lambda c: _pem(c, "PUBLIC KEY", 300), nullable=True))
    table(md, "bookwyrm_user", N_USERS,
          col("id", I, pk=True, auto=True),
          col("password", V(128), _password),
          col("last_login", TS, _ts, null=0.4),
          col("is_superuser", B, lambda c: c.index == 0),
          col("first_name", V(150), lambda c: ""),
          col("last_name", V(150), lambda c: ""),
          col("is_staff", B, lambda c: c.index < 2),
          col("is_active", B, "choice", values=[True] * 9 + [False]),
          col("date_joined", TS, _ts),
          col("username", V(150), lambda c: c.row["_username"], unique=True),
          col("email", V(254), lambda c: c.person["email"] if c.row["_local"] else None,
              unique=True, nullable=True),
          col("is_deleted", B, "choice", values=[False] * 19 + [True]),
          col("force_password_reset", B, "choice", values=[False] * 19 + [True]),
          col("key_pair_id", I, lambda c: c.index + 1, fk="bookwyrm_keypair.id", unique=True,
              nullable=True),
          col("inbox", V(), lambda c: f"{c.row['_actor']}/inbox", unique=True),
          col("shared_inbox", V(), lambda c: None if c.row["_local"] else
              f"https://{_USERS[c.index][1]}/inbox", nullable=True),
          col("federated_server_id", I, _federated_server, fk="bookwyrm_federatedserver.id",
              nullable=True),
          col("outbox", V(), lambda c: f"{c.row['_actor']}/outbox", unique=True,
              nullable=True),
          col("summary", T, _summary, nullable=True),
          col("local", B, lambda c: c.row["_local"]),
          col("bookwyrm_user", B, lambda c: c.row["_local"] or "masto" not in c.row["_actor"]),
          col("localname", V(), lambda c: c.row["_name"] if c.row["_local"] else None,
              unique=True, nullable=True),
          col("name", V(100), lambda c: G["display_name"](c) if c.rng.random() < 0.85
              else None, nullable=True),
          col("avatar", V(100), lambda c: f"avatars/{G['uuid_str'](c)}.{c.rng.choice(['png', 'jpg'])}",  # noqa: E501
              null=0.35),
          col("preview_image", V(100), lambda c: f"previews/avatars/{G['uuid_str'](c)}.jpg",
              null=0.5),
          col("followers_url", V(), lambda c: f"{c.row['_actor']}/followers"),
          col("default_post_privacy", V(), "choice", values=["public", "public", "unlisted",
                                                              "followers", "direct"]),
          col("remote_id", V(), lambda c: c.row["_actor"], unique=True, nullable=True),
          col("created_date", TS, _ts),
          col("updated_date", TS, _ts),
          col("last_active_date", TS, _ts),
          col("manually_approves_followers", B, "choice", values=[False, False, True]),
          col("theme_id", I, "choice", values=[None, None, 1, 2], nullable=True),
          col("hide_follows", B, "choice", values=[False, False, True]),
          col("is_profile_private", B, "choice", values=[False] * 9 + [True]),
          col("moved_to", V(), lambda c: None if c.rng.random() < 0.95 else
              f"https://{c.rng.choice(SERVERS[:-1])}/user/{c.row['_name']}", nullable=True),
          col("show_goal", B, "bool"),
          col("show_suggested_users", B, "bool"),
          col("discoverable", B, "bool"),
          col("show_guided_tour", B, "bool"),
          col("show_ratings", B, "bool"),
          col("readwise_api_key", V(), lambda c: G["token"](_p(c, n=50, style="url"))
              if c.row["_local"] and c.rng.random() < 0.15 else None, nullable=True),
          col("summary_keys", jsonb(), lambda c: {str(y): G["token"](_p(c, n=16,
                                                                         style="hex"))
                                                  for y in (2023, 2024)}
              if c.rng.random() < 0.2 else None, nullable=True),
          col("preferred_timezone", V(), "choice", values=["UTC", "Europe/Berlin",
                                                           "America/New_York", "Asia/Tokyo",
                                                           "Europe/Paris"]),
          col("preferred_language", V(), "choice", values=["en-us", "de-de", "fr-fr",
                                                           "es-es", None], nullable=True),
          col("deactivation_reason", V(), "choice", values=[None] * 8 + ["self_deletion",
                                                                         "moderator_suspension"],
              nullable=True),
          col("deactivation_date", TS, _ts, null=0.9),
          col("allow_reactivation", B, "choice", values=[False, False, True]),
          col("confirmation_code", V(32), _access_code),
          col("two_factor_auth", B, lambda c: (c.rng.random() < 0.2) if c.row["_local"] else
              None, nullable=True),
          col("otp_secret", V(32), _otp, nullable=True),
          col("hotp_secret", V(32), _otp, nullable=True),
          col("hotp_count", I, lambda c: c.rng.randint(0, 20) if c.row["two_factor_auth"]
              else 0, nullable=True))
    table(md, "bookwyrm_userfollows", 300,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), _follow_remote_id, nullable=True),
          col("user_subject_id", I, lambda c: c.row["_uid"], fk="bookwyrm_user.id"),
          col("user_object_id", I, _follow_object, fk="bookwyrm_user.id"),
          sa.UniqueConstraint("user_subject_id", "user_object_id",
                              name="userfollows_unique"),
          sa.CheckConstraint("user_subject_id <> user_object_id",
                             name="userfollows_no_self"))
    table(md, "bookwyrm_status", N_STATUSES,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), _status_remote_id, nullable=True),
          col("user_id", I, lambda c: c.row["_uid"], fk="bookwyrm_user.id"),
          col("content", T, _status_content, nullable=True),
          col("raw_content", T, _raw, nullable=True),
          col("local", B, lambda c: _USERS[c.row["_uid"] - 1][1] is None),
          col("content_warning", V(500), "choice", values=["spoilers", "death", "war"],
              null=0.9),
          col("privacy", V(), "choice", values=["public", "public", "unlisted", "followers",
                                                "direct"]),
          col("sensitive", B, "choice", values=[False] * 9 + [True]),
          col("published_date", TS, _ts),
          col("edited_date", TS, _ts, null=0.85),
          col("deleted", B, "choice", values=[False] * 19 + [True]),
          col("deleted_date", TS, _ts, null=0.95),
          col("reply_parent_id", I, fk="bookwyrm_status.id", null=0.8, nullable=True),
          col("thread_id", I, "int", lo=1, hi=N_STATUSES, null=0.6),
          col("ready", B, "const", value=True))
    table(md, "bookwyrm_review", N_REVIEWS,
          col("status_ptr_id", I, lambda c: c.index * 3 + 2, fk="bookwyrm_status.id",
              pk=True),
          col("book_id", I, "int", lo=1, hi=3000),
          col("reading_status", V(), "choice", values=["to-read", "reading", "read",
                                                       "stopped-reading"], null=0.6),
          col("name", V(), "choice", values=["A masterpiece", "Not for me", "Slow start, "
                                             "great finish", "Überraschend gut",
                                             "Five stars", ""], null=0.2),
          col("rating", sa.Numeric(3, 2), lambda c: Decimal(c.rng.choice(
              ["0.50", "2.00", "3.50", "4.00", "4.50", "5.00"])), null=0.3))
    table(md, "bookwyrm_shelf", 4 * N_USERS,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), _shelf, nullable=True),
          col("name", V(100), lambda c: c.row["_sname"]),
          col("identifier", V(100), lambda c: c.row["_ident"]),
          col("description", T, lambda c: None if c.row["_editable"] is False or
              c.rng.random() < 0.5 else "My own shelf", nullable=True),
          col("user_id", I, lambda c: c.row["_uid"], fk="bookwyrm_user.id"),
          col("editable", B, lambda c: c.row["_editable"]),
          col("privacy", V(), "choice", values=["public", "unlisted", "followers", "direct"]),
          sa.UniqueConstraint("user_id", "identifier"))
    table(md, "bookwyrm_shelfbook", 700,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("book_id", I, "int", lo=1, hi=3000),
          col("shelf_id", I, fk="bookwyrm_shelf.id"),
          col("shelved_date", TS, _ts),
          col("user_id", I, lambda c: (c.row["shelf_id"] - 1) // 4 + 1, fk="bookwyrm_user.id"),
          sa.UniqueConstraint("book_id", "shelf_id"))
    table(md, "bookwyrm_report", 40,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: f"{LOCAL}/settings/reports/{c.index + 1}"
              if c.rng.random() < 0.5 else None, nullable=True),
          col("user_id", I, fk="bookwyrm_user.id"),
          col("note", T, _report_note, nullable=True),
          col("reported_user_id", I, fk="bookwyrm_user.id", null=0.2, nullable=True),
          col("resolved", B, "bool"),
          col("allow_broadcast", B, "bool"))
    table(md, "bookwyrm_reportaction", 60,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("user_id", I, "int", lo=1, hi=2, fk="bookwyrm_user.id"),
          col("action_type", V(20), "choice", values=["comment", "resolve", "reopen",
                                                      "message_reporter", "user_suspension",
                                                      "delete"]),
          col("note", T, _action_note),
          col("report_id", I, fk="bookwyrm_report.id"))
    table(md, "bookwyrm_notification", 800,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("user_id", I, fk="bookwyrm_user.id"),
          col("read", B, "bool"),
          col("notification_type", V(), "choice", values=["FAVORITE", "REPLY", "MENTION",
                                                          "TAG", "FOLLOW", "BOOST",
                                                          "IMPORT", "REPORT", "INVITE"]),
          col("related_group_id", I, "int", lo=1, hi=20, null=0.95),
          col("related_status_id", I, fk="bookwyrm_status.id", null=0.4, nullable=True),
          col("related_import_id", I, "int", lo=1, hi=80, null=0.95),
          col("related_user_export_id", I, "int", lo=1, hi=30, null=0.98))
    table(md, "bookwyrm_emailblocklist", 25,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("domain", V(), lambda c: c.rng.choice(["mailinator", "guerrillamail", "tempmail",
                                                     "yopmail", "spam4", "trashmail"])
              + f"{c.index}." + c.rng.choice(["com", "net", "org"]), unique=True),
          col("is_active", B, "choice", values=[True, True, False]))
    table(md, "bookwyrm_ipblocklist", 25,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("address", V(), _blocked_ip, unique=True),
          col("is_active", B, "choice", values=[True, True, False]))
    table(md, "bookwyrm_siteinvite", 30,
          col("id", I, pk=True, auto=True),
          col("created_date", TS, _ts),
          col("code", V(32), _access_code),
          col("expiry", TS, _ts, null=0.4),
          col("use_limit", I, "choice", values=[None, 1, 5, 25], nullable=True),
          col("times_used", I, "int", lo=0, hi=5),
          col("user_id", I, "int", lo=1, hi=3, fk="bookwyrm_user.id"))
    table(md, "bookwyrm_inviterequest", 60,
          col("id", I, pk=True, auto=True),
          *stamps(),
          col("remote_id", V(), lambda c: None, nullable=True),
          col("email", V(), "email", unique=True),
          col("invite_id", I, fk="bookwyrm_siteinvite.id", null=0.6, nullable=True),
          col("answer", T, _invite_answer, nullable=True),
          col("invite_sent", B, "bool"),
          col("ignored", B, "choice", values=[False, False, False, True]))
    table(md, "bookwyrm_passwordreset", 20,
          col("id", I, pk=True, auto=True),
          col("code", V(32), _access_code),
          col("expiry", TS, _ts),
          col("user_id", I, fk="bookwyrm_user.id", unique=True))
    return md
