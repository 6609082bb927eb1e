"""Mattermost (team chat, Go): a held-out schema (issue #10), labelled before any scan and
never tuned on. Tables as the PostgreSQL ``CREATE TABLE`` migrations of
``server/channels/db/migrations/postgres`` leave them, with the ``ADD COLUMN``s of the same
files (later ``upgrade_*_v6`` migrations not applied); names unquoted, so lowercase.

Tables: users (bots are users too: no password, ``Bot`` first names), sessions with
bearer tokens and push device ids, posts (messages, system messages whose JSON ``props``
name the users added or removed), channels (direct-message channels are named
``<user id>__<user id>``, group channels are displayed as a list of usernames), channel
and team members, teams (with the creator's e-mail), personal access tokens, OAuth access
tokens, preferences (a key-value store where ``name`` is another user's id for
``direct_channel_show``), the audit log (``extrainfo`` names the login id of failed
logins), status and file infos (paths under the uploader's id, file names and extracted
text of documents).

Mattermost declares no foreign keys: every reference is generated as a value without a
constraint. Ids are 26-character base32 strings, times are Unix milliseconds
(``bigint``). On MariaDB the long ``VARCHAR`` columns (posts ``message``, ``props``,
``filenames``, users ``props``) are ``TEXT`` (InnoDB's row-size limit; Mattermost's own
MySQL schema uses ``text``/``json`` there).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, table
from ..gen import with_params as _p

SOURCE = {"repo": "mattermost/mattermost",
          "path": "server/channels/db/migrations/postgres/{000001_create_teams,"
                  "000002_create_team_members,000020_create_posts,000022_create_sessions,"
                  "000024_create_audits,000025_create_oauth_access_data,"
                  "000026_create_preferences,000027_create_status,"
                  "000030_create_user_access_tokens,000046_create_users,"
                  "000047_create_file_info,000049_create_channels,"
                  "000050_create_channelmembers}.up.sql",
          "commit": "45b3110bf0701d44625d07c26a4be132172ad499 (all but two); "
                    "000030_create_user_access_tokens and 000047_create_file_info @ "
                    "452bc679cc778910414683b149deb3f2ef235fd1"}
PERSON_TABLES = ("users",)

BI = sa.BigInteger
B = sa.Boolean
I = sa.Integer  # noqa: E741


def V(n: int) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    if n >= 4000:
        return sa.String(n).with_variant(mysql.TEXT(), "mysql", "mariadb")
    return sa.String(n)


N_USERS = 140
N_BOTS = 6
BOTS = ["system-bot", "playbooks", "calls", "github", "jira", "feedbackbot"]
B32 = "abcdefghijkmnopqrstuwxyz13456789"


def _id(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice(B32) for _ in range(26))


def _ms(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_577_836_800_000, 1_760_000_000_000)


def _bot(c):  # type: ignore[no-untyped-def]
    return c.index < N_BOTS


def _username(c):  # type: ignore[no-untyped-def]
    return BOTS[c.index] if _bot(c) else c.person["username"]


def _notify(c):  # type: ignore[no-untyped-def]
    u = c.row["username"]
    keys = f"{u},@{u}" if c.rng.random() < 0.8 else f"{u},@{u},{c.person['first'].lower()}"
    return json.dumps({"channel": "true", "comments": "never", "desktop": "mention",
                       "desktop_sound": "true", "email": "true",
                       "first_name": "false", "mention_keys": keys, "push": "mention",
                       "push_status": "away"})


def _tz(c):  # type: ignore[no-untyped-def]
    return json.dumps({"automaticTimezone": G["timezone"](c), "manualTimezone": "",
                       "useAutomaticTimezone": "true"})


def _uprops(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return "{}"
    if r < 0.8:
        return json.dumps({"customStatus": json.dumps(
            {"emoji": "palm_tree", "text": c.rng.choice(["On vacation", "In a meeting",
                                                         "Working remotely"]),
             "duration": "today"})})
    return json.dumps({"last_search_pointer": str(c.rng.randint(0, 40))})


MESSAGES = ["Hi @{username}, can you review PR #{n}?", "Standup in 5 minutes",
            "Call me on {phone} if the build breaks again", "Merged, thanks!",
            "I'll be off tomorrow, {first2} {last2} covers for me.", "+1",
            "Anyone up for lunch?", "Sent the invoice to {email}", ":white_check_mark: done",
            "Release notes: https://docs.example.com/changelog#{n}",
            "Привет всем, кофе в 15:00", "お疲れ様です。"]
SYSTEM = [("system_join_channel", "{username} joined the channel."),
          ("system_add_to_channel", "{username} added to the channel by {first2}."),
          ("system_header_change", "updated the channel header")]


def _post_type(c):  # type: ignore[no-untyped-def]
    if "_sys" not in c.row:
        c.row["_sys"] = c.rng.choice(SYSTEM) if c.rng.random() < 0.2 else None
    return c.row["_sys"][0] if c.row["_sys"] else ""


def _message(c):  # type: ignore[no-untyped-def]
    _post_type(c)
    if c.row["_sys"]:
        return G["template"](_p(c, texts=[c.row["_sys"][1]]))
    return G["template"](_p(c, texts=MESSAGES))


def _post_props(c):  # type: ignore[no-untyped-def]
    sys = c.row["_sys"]
    if sys and sys[0] == "system_add_to_channel":
        return json.dumps({"addedUserId": _id(c), "addedUsername": c.person["username"],
                           "userId": _id(c), "username": new_username(c)})
    if sys and sys[0] == "system_join_channel":
        return json.dumps({"username": c.person["username"]})
    if c.rng.random() < 0.1:
        return json.dumps({"from_webhook": "true", "override_username": "jenkins",
                           "attachments": [{"color": "#ff0000",
                                            "text": f"Build #{c.rng.randint(1, 999)} failed"}]})
    return "{}"


def new_username(c):  # type: ignore[no-untyped-def]
    from ..gen import new_person
    return new_person(c)["username"]


CHANNELS = ["town-square", "off-topic", "dev", "design", "sales-emea", "support", "ops",
            "announcements", "random", "qa", "mobile", "hiring"]


def _ch_type(c):  # type: ignore[no-untyped-def]
    i = c.index
    return "O" if i < 8 else "P" if i < len(CHANNELS) else "D" if i < 30 else "G"


def _ch_name(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t in ("O", "P"):
        return CHANNELS[c.index]
    if t == "D":
        return f"{_id(c)}__{_id(c)}"
    return G["token"](_p(c, n=40, style="hex"))


def _ch_display(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t in ("O", "P"):
        return CHANNELS[c.index].replace("-", " ").title()
    if t == "D":
        return ""
    return ", ".join(new_username(c) for _ in range(c.rng.randint(3, 5)))[:64]


FILES = ["screenshot-2024-05-02.png", "Q3 report.pdf", "logo.svg", "IMG_{n}.jpg",
         "CV_{first}_{last}.pdf", "passport_scan_{last}.jpg", "meeting-notes.docx",
         "crash.log", "Rechnung_{n}.pdf", "diagram.drawio"]


def _fname(c):  # type: ignore[no-untyped-def]
    if "_name" not in c.row:
        c.row["_name"] = G["template"](_p(c, texts=FILES))
    return c.row["_name"]


def _fpath(suffix):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        name = _fname(c)
        if suffix and not name.endswith((".png", ".jpg")):
            return ""
        base = name.rsplit(".", 1)[0]
        tail = f"{base}{suffix}.jpg" if suffix else name
        return (f"{c.rng.randint(20200101, 20251231)}/teams/noteam/channels/{_id(c)}/users/"
                f"{c.row['creatorid']}/{c.row['id']}/{tail}")
    return g


def _content(c):  # type: ignore[no-untyped-def]
    name = _fname(c)
    if name.startswith("CV_"):
        p = c.person
        return (f"Curriculum Vitae {p['first']} {p['last']} born {p['born'].isoformat()} "
                f"email {p['email']} phone {G['phone'](c)}")
    if name.endswith((".pdf", ".docx", ".log")):
        return G["lorem"](c)
    return ""


ACTIONS = ["/api/v4/users/login", "/api/v4/users/logout", "/api/v4/users/me/patch",
           "/api/v4/users/password", "/api/v4/users/tokens", "/api/v4/channels/members"]


def _extrainfo(c):  # type: ignore[no-untyped-def]
    a = c.row["action"]
    if a.endswith("login"):
        if c.rng.random() < 0.4:
            return (f"attempt - login_id={c.rng.choice([c.person['email'], c.person['username']])}"
                    )
        return "authenticated"
    if a.endswith("logout"):
        return f"session_id={_id(c)}"
    if a.endswith("password"):
        return "completed"
    return ""


PREFS = [("display_settings", "name_format", lambda c: c.rng.choice(
    ["username", "nickname_full_name", "full_name"])),
         ("theme", "", lambda c: json.dumps({"type": c.rng.choice(["Denim", "Onyx",
                                                                  "Indigo"])})),
         ("direct_channel_show", None, lambda c: "true"),
         ("tutorial_step", None, lambda c: str(c.rng.randint(0, 999))),
         ("recommended_next_steps", "hide", lambda c: "true"),
         ("flagged_post", None, lambda c: "true")]


def _pref_cat(c):  # type: ignore[no-untyped-def]
    c.row["_pref"] = c.rng.choice(PREFS)
    return c.row["_pref"][0]


def _pref_name(c):  # type: ignore[no-untyped-def]
    cat, name, _ = c.row["_pref"]
    if name is None:
        return c.row["userid"] if cat == "tutorial_step" else _id(c)
    return name


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "teams", 4,
          col("id", V(26), _id, pk=True),
          col("createat", BI, _ms), col("updateat", BI, _ms),
          col("deleteat", BI, lambda c: 0),
          col("displayname", V(64), lambda c: ["Engineering", "ACME Support",
                                               "Vertrieb DACH", "Board"][c.index]),
          col("name", V(64), lambda c: ["engineering", "acme-support", "vertrieb-dach",
                                        "board"][c.index], unique=True),
          col("description", V(255), lambda c: ["", "Customer support team", "",
                                                "Board members only"][c.index]),
          col("email", V(128), "email"),
          col("type", V(255), "choice", values=["O", "I"]),
          col("companyname", V(64), lambda c: ["", "ACME Inc.", "Müller & Söhne GmbH",
                                               ""][c.index]),
          col("alloweddomains", V(1000), lambda c: ["", "acme.example", "", ""][c.index]),
          col("inviteid", V(32), "token", n=32, style="hex"),
          col("schemeid", V(26), lambda c: None, nullable=True),
          col("allowopeninvite", B, "bool"),
          col("lastteamiconupdate", BI, lambda c: 0 if c.rng.random() < 0.5 else _ms(c)),
          col("groupconstrained", B, lambda c: False))
    table(md, "users", N_USERS,
          col("id", V(26), _id, pk=True),
          col("createat", BI, _ms), col("updateat", BI, _ms),
          col("deleteat", BI, lambda c: 0 if c.rng.random() < 0.93 else _ms(c)),
          col("username", V(64), _username, unique=True),
          col("password", V(128), lambda c: "" if _bot(c) or c.rng.random() < 0.1 else
              G["password_hash"](_p(c, style="bcrypt"))),
          col("authdata", V(128), lambda c: None if _bot(c) or c.rng.random() < 0.75 else
              c.rng.choice([str(c.rng.randint(1000, 99999)), c.person["email"].lower(),
                            f"CN={c.person['first']} {c.person['last']},OU=Staff,DC=corp"]),
              unique=True, nullable=True),
          col("authservice", V(32), lambda c: "" if c.row["authdata"] is None else
              c.rng.choice(["gitlab", "saml", "ldap"])),
          col("email", V(128), lambda c: f"{BOTS[c.index]}@localhost" if _bot(c) else
              c.person["email"], unique=True),
          col("emailverified", B, lambda c: c.rng.random() < 0.9),
          col("nickname", V(64), lambda c: "" if _bot(c) or c.rng.random() < 0.6 else
              c.rng.choice([c.person["first"], c.person["first"][:3].lower(),
                            f"{c.person['first']} 🚀"])),
          col("firstname", V(64), lambda c: "" if _bot(c) or c.rng.random() < 0.1 else
              c.person["first"]),
          col("lastname", V(64), lambda c: "" if _bot(c) or c.rng.random() < 0.1 else
              c.person["last"]),
          col("roles", V(256), lambda c: "system_user" if not _bot(c) else "system_user"
              if c.index else "system_admin system_user"),
          col("allowmarketing", B, "bool"),
          col("props", V(4000), _uprops),
          col("notifyprops", V(2000), _notify),
          col("lastpasswordupdate", BI, _ms),
          col("lastpictureupdate", BI, lambda c: 0 if c.rng.random() < 0.5 else _ms(c)),
          col("failedattempts", I, "choice", values=[0, 0, 0, 0, 1, 3]),
          col("locale", V(5), "choice", values=["en", "en", "de", "ja", "fr", "pt-BR"]),
          col("mfaactive", B, lambda c: c.rng.random() < 0.15),
          col("mfasecret", V(128), lambda c: "" if not c.row["mfaactive"] else
              "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(32))),
          col("position", V(128), lambda c: "" if c.rng.random() < 0.5 else c.rng.choice(
              ["Software Engineer", "Head of Sales", "Support Agent", "CTO", "Designer"])),
          col("timezone", V(256), _tz),
          col("remoteid", V(26), lambda c: None, nullable=True))
    table(md, "sessions", 300,
          col("id", V(26), _id, pk=True),
          col("token", V(26), _id),
          col("createat", BI, _ms), col("expiresat", BI, _ms), col("lastactivityat", BI, _ms),
          col("userid", V(26), ref="users.id"),
          col("deviceid", V(512), lambda c: "" if c.rng.random() < 0.6 else
              c.rng.choice(["apple_rn-v2:", "android_rn-v2:"]) + G["token"](_p(
                  c, n=64, style="hex"))),
          col("roles", V(64), lambda c: "system_user"),
          col("isoauth", B, lambda c: c.rng.random() < 0.05),
          col("props", V(1000), lambda c: json.dumps({
              "platform": c.rng.choice(["Windows", "Macintosh", "Linux", "iPhone"]),
              "os": c.rng.choice(["Windows 10", "Mac OS", "Linux", "iOS 17.1"]),
              "browser": c.rng.choice(["Chrome/120.0", "Firefox/121.0", "Desktop App/5.6"]),
              "is_guest": "false"})),
          col("expirednotify", B, lambda c: False))
    table(md, "channels", 40,
          col("id", V(26), _id, pk=True),
          col("createat", BI, _ms), col("updateat", BI, _ms), col("deleteat", BI, lambda c: 0),
          col("teamid", V(26), ref="teams.id", empty=0.3),
          col("type", V(1), _ch_type),
          col("displayname", V(64), _ch_display),
          col("name", V(64), _ch_name),
          col("header", V(1024), lambda c: c.rng.choice(["", "", "Sprint 42 board: "
                                                         "https://jira.example.com/b/7",
                                                         "Be nice :)"])),
          col("purpose", V(128), lambda c: c.rng.choice(["", "", "Release coordination",
                                                         "Chit-chat"])),
          col("lastpostat", BI, _ms), col("totalmsgcount", BI, "int", lo=0, hi=5000),
          col("extraupdateat", BI, _ms),
          col("creatorid", V(26), ref="users.id", empty=0.3, nullable=True),
          col("schemeid", V(26), lambda c: None, nullable=True),
          col("groupconstrained", B, lambda c: None, nullable=True),
          col("shared", B, lambda c: None, nullable=True),
          sa.UniqueConstraint("name", "teamid"))
    table(md, "channelmembers", 500,
          col("channelid", V(26), ref="channels.id", pk=True),
          col("userid", V(26), ref="users.id", pk=True),
          col("roles", V(64), lambda c: ""),
          col("lastviewedat", BI, _ms), col("msgcount", BI, "int", lo=0, hi=5000),
          col("mentioncount", BI, "int", lo=0, hi=20),
          col("notifyprops", V(2000), lambda c: json.dumps(
              {"desktop": "default", "email": "default", "ignore_channel_mentions": "default",
               "mark_unread": c.rng.choice(["all", "mention"]), "push": "default"})),
          col("lastupdateat", BI, _ms),
          col("schemeuser", B, lambda c: True), col("schemeadmin", B, "bool"),
          col("schemeguest", B, lambda c: False))
    table(md, "teammembers", 200,
          col("teamid", V(26), ref="teams.id", pk=True),
          col("userid", V(26), ref="users.id", pk=True),
          col("roles", V(64), lambda c: ""),
          col("deleteat", BI, lambda c: 0),
          col("schemeuser", B, lambda c: True), col("schemeadmin", B, "bool"),
          col("schemeguest", B, lambda c: c.rng.random() < 0.05))
    table(md, "posts", 800,
          col("id", V(26), _id, pk=True),
          col("createat", BI, _ms), col("updateat", BI, _ms),
          col("deleteat", BI, lambda c: 0 if c.rng.random() < 0.97 else _ms(c)),
          col("userid", V(26), ref="users.id"),
          col("channelid", V(26), ref="channels.id"),
          col("rootid", V(26), lambda c: "" if c.rng.random() < 0.7 else _id(c)),
          col("parentid", V(26), lambda c: ""),
          col("originalid", V(26), lambda c: ""),
          col("message", V(65535), _message),
          col("type", V(26), _post_type),
          col("props", V(8000), _post_props),
          col("hashtags", V(1000), lambda c: "" if c.rng.random() < 0.9 else "#release #ops"),
          col("filenames", V(4000), lambda c: "[]"),
          col("fileids", V(300), lambda c: "[]" if c.rng.random() < 0.9 else
              json.dumps([_id(c)])),
          col("hasreactions", B, "bool"),
          col("editat", BI, lambda c: 0 if c.rng.random() < 0.9 else _ms(c)),
          col("ispinned", B, lambda c: c.rng.random() < 0.02),
          col("remoteid", V(26), lambda c: None, nullable=True))
    table(md, "useraccesstokens", 25,
          col("id", V(26), _id, pk=True),
          col("token", V(26), _id, unique=True),
          col("userid", V(26), ref="users.id"),
          col("description", V(512), lambda c: c.rng.choice(["CI", "grafana export",
                                                            "migration script", ""])),
          col("isactive", B, lambda c: c.rng.random() < 0.8))
    table(md, "oauthaccessdata", 60,
          col("token", V(26), _id, pk=True),
          col("refreshtoken", V(26), lambda c: "" if c.rng.random() < 0.2 else _id(c)),
          col("redirecturi", V(256), "choice", values=[
              "https://grafana.example.com/login/generic_oauth",
              "https://zoom-plugin.example.com/oauth/complete",
              "http://localhost:8065/oauth/callback"]),
          col("clientid", V(26), lambda c: ["s9f1zqkn7pfx3dhe5wyo4jcb3r",
                                            "1a8w5k3cotb7pjbge4sdwk1ery",
                                            "qpi6hbnsd7bo8mffj5nmpx8m6c"][c.rng.randint(0, 2)]),
          col("userid", V(26), ref="users.id"),
          col("expiresat", BI, _ms),
          col("scope", V(128), "choice", values=["user", "", "user"]),
          sa.UniqueConstraint("clientid", "userid"))
    table(md, "preferences", 600,
          col("userid", V(26), ref="users.id", pk=True),
          col("category", V(32), _pref_cat, pk=True),
          col("name", V(32), _pref_name, pk=True),
          col("value", V(2000), lambda c: c.row["_pref"][2](c)))
    table(md, "audits", 600,
          col("id", V(26), _id, pk=True),
          col("createat", BI, _ms),
          col("userid", V(26), ref="users.id", empty=0.25),
          col("action", V(512), "choice", values=ACTIONS),
          col("extrainfo", V(1024), _extrainfo),
          col("ipaddress", V(64), lambda c: G["ip"](c) if c.rng.random() < 0.9 else
              f"{G['ipv4'](c)}, 10.0.0.{c.rng.randint(2, 254)}"),
          col("sessionid", V(26), lambda c: "" if c.rng.random() < 0.3 else _id(c)))
    table(md, "status", 120,
          col("userid", V(26), ref="users.id", pk=True),
          col("status", V(32), "choice", values=["online", "away", "offline", "dnd"]),
          col("manual", B, "bool"),
          col("lastactivityat", BI, _ms),
          col("dndendtime", BI, lambda c: 0),
          col("prevstatus", V(32), "choice", values=["", "online", "away"]))
    table(md, "fileinfo", 150,
          col("id", V(26), _id, pk=True),
          col("creatorid", V(26), ref="users.id"),
          col("postid", V(26), ref="posts.id"),
          col("createat", BI, _ms), col("updateat", BI, _ms), col("deleteat", BI, lambda c: 0),
          col("path", V(512), _fpath("")),
          col("thumbnailpath", V(512), _fpath("_thumb")),
          col("previewpath", V(512), _fpath("_preview")),
          col("name", V(256), _fname),
          col("extension", V(64), lambda c: _fname(c).rsplit(".", 1)[-1]),
          col("size", BI, "int", lo=200, hi=9_000_000),
          col("mimetype", V(256), lambda c: {"png": "image/png", "jpg": "image/jpeg",
                                             "pdf": "application/pdf"}.get(
              c.row["extension"], "application/octet-stream")),
          col("width", I, lambda c: 1280 if c.row["extension"] in ("png", "jpg") else 0),
          col("height", I, lambda c: 720 if c.row["extension"] in ("png", "jpg") else 0),
          col("haspreviewimage", B, lambda c: c.row["extension"] in ("png", "jpg")),
          col("minipreview", sa.LargeBinary, lambda c: None if c.row["extension"] not in (
              "png", "jpg") else b"\xff\xd8\xff\xe0" + bytes(c.rng.getrandbits(8)
                                                           for _ in range(40)),
              nullable=True),
          col("content", sa.Text, _content),
          col("remoteid", V(26), lambda c: None, nullable=True))
    return md
