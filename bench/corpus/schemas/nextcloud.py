"""Nextcloud (file sync and share, PHP): a held-out schema (issue #10), labelled before any
scan and never tuned on. Tables as the core migrations create them (Doctrine schema
steps in ``core/Migrations``), with the ``oc_`` prefix; later ``addColumn`` steps not
applied.

The user key is the login name: ``oc_users.uid`` is a username (or, for LDAP users, a
UUID-like string) and every user reference (``userid``, ``uid``, ``uid_owner``,
``actor_id``, storage ids ``home::<uid>``) holds it as text. Tables: users (hashes with
Nextcloud's ``<version>|`` prefix, '' for LDAP users), the profile as one JSON document
per user (``oc_accounts``) and as name/value rows (``oc_accounts_data``: display name,
e-mail, phone, address, website, Twitter, organisation, role, biography), preferences
(a key-value store holding the e-mail address, language, last login, timezone), auth
tokens (hashed tokens, encrypted app passwords, the login name typed and the client's
user agent), login flow v2 (poll and login tokens, the flow's key pair, the app password
handed to the client), shares (with users, groups, e-mail addresses and federated cloud
ids; public link tokens and link passwords), the file cache (paths and names of users'
files), storages, comments on files (with @-mentions), brute-force attempts (IP, subnet
and the attempted login in JSON ``metadata``), groups and group memberships.

Nextcloud declares no foreign keys: references are values without a constraint. The
activity app's ``oc_activity`` is not in the server repository and is not included.
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table
from ..gen import with_params as _p

SOURCE = {"repo": "nextcloud/server",
          "path": "core/Migrations/Version13000Date20170718121200.php (users, preferences, "
                  "authtoken, share, filecache, storages, comments, bruteforce_attempts, "
                  "groups, group_user, accounts); Version21000Date20201202095923.php "
                  "(accounts_data); Version16000Date20190212081545.php (login_flow_v2)",
          "commit": "Version13000Date20170718121200 @ 59fac23dc32ace903a7ab219030ccef7b15a978b; "
                    "Version21000Date20201202095923: stored version (search-index file id "
                    "1340934448); Version16000Date20190212081545: stored version (search-index "
                    "file id 154822163)"}
PERSON_TABLES = ("oc_users", "oc_accounts")

V = sa.String
T = sa.Text
I = sa.Integer  # noqa: E741
SI = sa.SmallInteger
BI = sa.BigInteger
DT = sa.DateTime

N_USERS = 120
GROUPS = ["admin", "Marketing", "Entwicklung", "Finance", "Külső partnerek", "Board",
          "students-2024", "営業部"]


def _s(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_600_000_000, 1_760_000_000)


def _uid(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "admin"
    if c.rng.random() < 0.2:
        return G["uuid_str"](c).upper()
    return c.person["username"]


def _nc_hash(c):  # type: ignore[no-untyped-def]
    if c.row["uid"][8:9] == "-":  # LDAP users: no local password
        return ""
    if c.rng.random() < 0.6:
        return "3|" + G["password_hash"](_p(c, style="argon2"))
    return "1|" + G["password_hash"](_p(c, style="bcrypt12")).replace("$2y$12$", "$2y$10$")


def _profile(c):  # type: ignore[no-untyped-def]
    p = c.person
    f = p["f"]

    def v(value, scope="v2-local"):  # type: ignore[no-untyped-def]
        return {"value": value, "scope": scope, "verified": "0"}
    return json.dumps({
        "displayname": v(f"{p['first']} {p['last']}", "v2-federated"),
        "address": v(f"{f.street_address()}, {f.city()}" if c.rng.random() < 0.4 else ""),
        "website": v(G["personal_url"](c)),
        "email": v(p["email"], "v2-federated"),
        "avatar": {"scope": "v2-federated"},
        "phone": v(G["phone"](c) if c.rng.random() < 0.5 else ""),
        "twitter": v("@" + p["username"] if c.rng.random() < 0.3 else ""),
        "organisation": v(G["company"](c) if c.rng.random() < 0.4 else ""),
        "role": v(c.rng.choice(["", "Projektleiterin", "Developer", "Accountant"])),
        "headline": v(""), "biography": v(""),
        "profile_enabled": v("1")}, ensure_ascii=False)


ACC_NAMES = ["displayname", "email", "phone", "address", "website", "twitter",
             "organisation", "role", "headline", "biography", "profile_enabled", "fediverse"]


def _acc_name(c):  # type: ignore[no-untyped-def]
    c.row["_n"] = c.rng.choice(ACC_NAMES)
    return c.row["_n"]


def _acc_value(c):  # type: ignore[no-untyped-def]
    n = c.row["_n"]
    p = c.person
    if c.rng.random() < 0.25 and n not in ("displayname", "profile_enabled"):
        return ""
    return {"displayname": lambda: f"{p['first']} {p['last']}",
            "email": lambda: p["email"], "phone": lambda: G["phone"](c),
            "address": lambda: f"{p['f'].street_address()}, {p['f'].city()}",
            "website": lambda: G["personal_url"](c),
            "twitter": lambda: "@" + p["username"],
            "organisation": lambda: G["company"](c),
            "role": lambda: c.rng.choice(["Developer", "Head of HR", "Student"]),
            "headline": lambda: c.rng.choice(["Coffee first", "Open source enthusiast"]),
            "biography": lambda: f"Hi, I'm {p['first']} from {p['f'].city()}.",
            "profile_enabled": lambda: c.rng.choice(["0", "1"]),
            "fediverse": lambda: f"@{p['username']}@mastodon.social"}[n]()


PREFS = [("settings", "email"), ("core", "lang"), ("login", "lastLogin"),
         ("core", "timezone"), ("firstrunwizard", "show"), ("avatar", "generated"),
         ("files", "quota"), ("core", "locale"), ("activity", "notify_email_shared"),
         ("login_token", "")]


def _pref_app(c):  # type: ignore[no-untyped-def]
    c.row["_k"] = c.rng.choice(PREFS)
    return c.row["_k"][0]


def _pref_key(c):  # type: ignore[no-untyped-def]
    app, key = c.row["_k"]
    return key or G["token"](_p(c, n=32, style="url"))


def _pref_value(c):  # type: ignore[no-untyped-def]
    app, key = c.row["_k"]
    return {"email": lambda: c.person["email"], "lang": lambda: c.rng.choice(["de", "en",
                                                                              "fr", "ja"]),
            "lastLogin": lambda: str(_s(c)), "timezone": lambda: G["timezone"](c),
            "show": lambda: "0", "generated": lambda: "true",
            "quota": lambda: c.rng.choice(["default", "5 GB", "none"]),
            "locale": lambda: c.rng.choice(["de_DE", "en_GB", "fr_FR"]),
            "notify_email_shared": lambda: "1", "": lambda: str(_s(c))}[key or ""]()


UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
       "Chrome/120.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/17.1 Safari/605.1.15",
       "Mozilla/5.0 (Android) Nextcloud-android/3.27.0",
       "Mozilla/5.0 (iOS) Nextcloud-iOS/5.0.3",
       "Mozilla/5.0 (Windows) mirall/3.11.0 (build 20231220) (Nextcloud, windows-10.0 "
       "ClientArchitecture: x86_64 OsArchitecture: x86_64)", "DAVx5/4.3.11-ose"]

FILES = ["Documents/Q3 Report.pdf", "Photos/IMG_{n}.jpg", "Documents/CV_{first}_{last}.pdf",
         "Scans/Personalausweis_{last}.pdf", "Notes/Todo.md", "Talk/meeting-{n}.txt",
         "Photos/Urlaub 2023/DSC{n}.JPG", "Music/track{n}.mp3", "Nextcloud Manual.pdf",
         "Templates/Invoice.odt"]


def _fname_path(c):  # type: ignore[no-untyped-def]
    if "_f" not in c.row:
        c.row["_f"] = G["template"](_p(c, texts=FILES))
    return c.row["_f"]


def _share_type(c):  # type: ignore[no-untyped-def]
    c.row["_t"] = c.rng.choice([0, 0, 0, 1, 3, 3, 4, 6])
    return c.row["_t"]


def _share_with(c):  # type: ignore[no-untyped-def]
    t = c.row["share_type"]
    p = c.person
    if t == 0:
        return p["username"]
    if t == 1:
        return c.rng.choice(GROUPS)
    if t == 3:
        return None
    if t == 4:
        return p["email"]
    return f"{p['username']}@cloud.{c.rng.choice(['example.org', 'uni-example.de'])}"


COMMENTS = ["@{username} can you check the figures on page 3?", "Looks good to me",
            "Updated version uploaded", "Please call {first} at {phone} about this",
            "Danke! 👍", "Who is {first2} {last2}? Do we need their signature?", "+1",
            "Final version, do not edit"]


def _bf_meta(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return json.dumps({"user": c.rng.choice([c.person["username"], c.person["email"],
                                                 "admin"])})
    if r < 0.8:
        return "[]"
    return json.dumps({"token": G["token"](_p(c, n=15, style="url"))})


def _subnet(c):  # type: ignore[no-untyped-def]
    ip = c.row["ip"]
    if ":" in ip:
        return ":".join(ip.split(":")[:4]) + "::/64"
    return ".".join(ip.split(".")[:3]) + ".0/24"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "oc_users", N_USERS,
          col("uid", V(64), _uid, pk=True),
          col("displayname", V(64), lambda c: None if c.rng.random() < 0.1 else
              f"{c.person['first']} {c.person['last']}", nullable=True),
          col("password", V(255), _nc_hash))
    table(md, "oc_accounts", 100,
          col("uid", V(64), ref="oc_users.uid", pk=True, unique=True),
          col("data", T, _profile))
    table(md, "oc_accounts_data", 700,
          col("id", BI, pk=True, auto=True),
          col("uid", V(64), ref="oc_users.uid"),
          col("name", V(64), _acc_name),
          col("value", V(255), _acc_value, nullable=True))
    table(md, "oc_preferences", 700,
          col("userid", V(64), ref="oc_users.uid", pk=True),
          col("appid", V(32), _pref_app, pk=True),
          col("configkey", V(64), _pref_key, pk=True),
          col("configvalue", T, _pref_value, nullable=True))
    table(md, "oc_authtoken", 300,
          col("id", I, pk=True, auto=True),
          col("uid", V(64), ref="oc_users.uid"),
          col("login_name", V(64), lambda c: c.rng.choice([c.person["username"],
                                                           c.person["email"]])),
          col("password", T, lambda c: None if c.rng.random() < 0.3 else
              G["token"](_p(c, n=120, style="b64")) + "|" + G["token"](_p(c, n=32)) + "|" +
              G["token"](_p(c, n=128)), nullable=True),
          col("name", T, lambda c: c.rng.choice(UAS)),
          col("token", V(200), lambda c: G["token"](_p(c, n=128)), unique=True),
          col("type", SI, "choice", values=[0, 0, 1]),
          col("remember", SI, "choice", values=[0, 1]),
          col("last_activity", I, _s),
          col("last_check", I, _s),
          col("scope", T, lambda c: c.rng.choice([None, '{"filesystem":true}',
                                                  '{"filesystem":false}']), nullable=True))
    table(md, "oc_login_flow_v2", 30,
          col("id", BI, pk=True, auto=True),
          col("timestamp", BI, _s),
          col("started", SI, "choice", values=[0, 1]),
          col("poll_token", V(255), lambda c: G["token"](_p(c, n=128)), unique=True),
          col("login_token", V(255), lambda c: G["token"](_p(c, n=128)), unique=True),
          col("public_key", T, lambda c: "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEF"
              + G["token"](_p(c, n=300, style="b64")) + "\n-----END PUBLIC KEY-----"),
          col("private_key", T, lambda c: G["token"](_p(c, n=900, style="b64")) + "|" +
              G["token"](_p(c, n=32)) + "|" + G["token"](_p(c, n=128))),
          col("client_name", V(255), lambda c: c.rng.choice(
              ["Nextcloud desktop (Windows)", "Nextcloud Android", "Thunderbird",
               "Nextcloud iOS"])),
          col("login_name", V(255), lambda c: None if c.row["started"] == 0 else
              c.person["username"], nullable=True),
          col("server", V(255), lambda c: None if c.row["started"] == 0 else
              "https://cloud.example.org", nullable=True),
          col("app_password", V(1024), lambda c: None if c.row["started"] == 0 else
              G["token"](_p(c, n=340, style="b64")), nullable=True))
    table(md, "oc_storages", 100,
          col("id", V(64), lambda c: "local::/var/www/nextcloud/data/" if c.index == 0 else
              c.rng.choice(["home::", "home::", "object::user:"]) + c.person["username"],
              unique=True),
          col("numeric_id", BI, pk=True, auto=True),
          col("available", I, lambda c: 1),
          col("last_checked", I, lambda c: None if c.rng.random() < 0.5 else _s(c),
              nullable=True))
    table(md, "oc_filecache", 600,
          col("fileid", BI, pk=True, auto=True),
          col("storage", BI, ref="oc_storages.numeric_id"),
          col("path", V(4000), lambda c: "files/" + _fname_path(c), nullable=True),
          col("path_hash", V(32), lambda c: hashlib.md5(
              c.row["path"].encode()).hexdigest()),
          col("parent", BI, "int", lo=1, hi=400),
          col("name", V(250), lambda c: _fname_path(c).rsplit("/", 1)[-1], nullable=True),
          col("mimetype", BI, "int", lo=1, hi=30),
          col("mimepart", BI, "int", lo=1, hi=8),
          col("size", BI, "int", lo=0, hi=50_000_000),
          col("mtime", BI, _s), col("storage_mtime", BI, _s),
          col("encrypted", I, lambda c: 0),
          col("unencrypted_size", BI, lambda c: 0),
          col("etag", V(40), lambda c: G["token"](_p(c, n=13)), nullable=True),
          col("permissions", I, "choice", values=[27, 31, 1], nullable=True),
          col("checksum", V(255), lambda c: "" if c.rng.random() < 0.7 else
              "SHA1:" + G["token"](_p(c, n=40)), nullable=True),
          sa.UniqueConstraint("storage", "path_hash"))
    table(md, "oc_share", 250,
          col("id", I, pk=True, auto=True),
          col("share_type", SI, _share_type),
          col("share_with", V(255), _share_with, nullable=True),
          col("password", V(255), lambda c: None if c.row["share_type"] not in (3, 4) or
              c.rng.random() < 0.6 else "3|" + G["password_hash"](_p(c, style="argon2")),
              nullable=True),
          col("uid_owner", V(64), ref="oc_users.uid"),
          col("uid_initiator", V(64), ref="oc_users.uid", null=0.05),
          col("parent", I, lambda c: None, nullable=True),
          col("item_type", V(64), "choice", values=["file", "file", "folder"]),
          col("item_source", V(255), lambda c: str(c.rng.randint(1, 600)), nullable=True),
          col("item_target", V(255), lambda c: None, nullable=True),
          col("file_source", I, lambda c: int(c.row["item_source"]), nullable=True),
          col("file_target", V(512), lambda c: "/" + _fname_path(c).rsplit("/", 1)[-1],
              nullable=True),
          col("permissions", SI, "choice", values=[1, 17, 19, 31]),
          col("stime", BI, _s),
          col("accepted", SI, "choice", values=[0, 1]),
          col("expiration", DT, "datetime", null=0.7),
          col("token", V(32), lambda c: G["token"](_p(c, n=15, style="url")) if
              c.row["share_type"] in (3, 4) else None, nullable=True),
          col("mail_send", SI, "choice", values=[0, 1]),
          col("share_name", V(64), lambda c: None if c.rng.random() < 0.9 else
              c.rng.choice(["Fotos für Oma", "Q3 numbers"]), nullable=True))
    table(md, "oc_comments", 300,
          col("id", I, pk=True, auto=True),
          col("parent_id", I, lambda c: 0 if c.rng.random() < 0.8 else c.rng.randint(1, 50)),
          col("topmost_parent_id", I, lambda c: c.row["parent_id"]),
          col("children_count", I, "int", lo=0, hi=3),
          col("actor_type", V(64), "choice", values=["users"] * 8 + ["guests",
                                                                     "deleted_users"]),
          col("actor_id", V(64), ref="oc_users.uid"),
          col("message", T, lambda c: G["template"](_p(c, texts=COMMENTS)), nullable=True),
          col("verb", V(64), "choice", values=["comment", "comment", "comment", "reaction"],
              nullable=True),
          col("creation_timestamp", DT, "datetime", nullable=True),
          col("latest_child_timestamp", DT, "datetime", null=0.8),
          col("object_type", V(64), lambda c: "files"),
          col("object_id", V(64), lambda c: str(c.rng.randint(1, 600))))
    table(md, "oc_bruteforce_attempts", 200,
          col("id", I, pk=True, auto=True),
          col("action", V(64), "choice", values=["login", "login", "sharePublicLink",
                                                 "webdav", "ocsapi"]),
          col("occurred", I, _s),
          col("ip", V(255), "ip"),
          col("subnet", V(255), _subnet),
          col("metadata", V(255), _bf_meta))
    table(md, "oc_groups", len(GROUPS),
          col("gid", V(64), lambda c: GROUPS[c.index], pk=True))
    table(md, "oc_group_user", 200,
          col("gid", V(64), ref="oc_groups.gid", pk=True),
          col("uid", V(64), ref="oc_users.uid", pk=True))
    return md
