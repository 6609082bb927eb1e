"""Joomla (CMS, PHP/MySQL): a held-out schema (issue #10), labelled before any scan and
never tuned on. A subset of the tables of ``installation/sql/mysql/base.sql`` with the
classic ``jos_`` prefix: users and their profile key-values, remember-me keys, notes,
contacts, sessions, privacy requests, action logs, private messages, articles, banner
clients, groups. Column subsets where noted in the labels.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, mediumtext, table, tinyint, varbinary

SOURCE = {"repo": "joomla/joomla-cms", "path": "installation/sql/mysql/base.sql",
          "commit": "8a2925240790c2273d325342dc502157fde31540"}
PERSON_TABLES = ("jos_users", "jos_contact_details")

V = sa.String
DT = sa.DateTime
GROUPS = ["Public", "Registered", "Author", "Editor", "Publisher", "Manager",
          "Administrator", "Super Users", "Guest"]


def _activation(ctx):  # type: ignore[no-untyped-def]
    # Joomla stores a hash of the activation token until the account is activated, then ''
    r = ctx.rng.random()
    if r < 0.6:
        return ""
    if r < 0.7:
        return "0"
    return G["password_hash"](ctx) if ctx.rng.random() < 0.5 else G["token"](ctx)


def _params(ctx):  # type: ignore[no-untyped-def]
    return json.dumps({"admin_style": "", "admin_language": "", "language": "",
                       "editor": ctx.rng.choice(["", "tinymce", "codemirror", "none"]),
                       "timezone": ctx.rng.choice(["", "Europe/Berlin", "UTC",
                                                   "America/New_York"])})


def _otp(ctx):  # type: ignore[no-untyped-def]
    return "" if ctx.rng.random() < 0.8 else "totp:" + G["token"](ctx)


def _otep(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.85:
        return ""
    return ",".join(str(ctx.rng.randint(10000000, 99999999)) for _ in range(10))


PROFILE_KEYS = ["profile.address1", "profile.city", "profile.region", "profile.country",
                "profile.postal_code", "profile.phone", "profile.website",
                "profile.favoritebook", "profile.aboutme", "profile.dob", "profile.tos"]


def _profile_value(ctx):  # type: ignore[no-untyped-def]
    key = ctx.row["profile_key"]
    p = ctx.person
    f = p["f"]
    values = {
        "profile.address1": lambda: json.dumps(f.street_address(), ensure_ascii=False),
        "profile.city": lambda: json.dumps(f.city(), ensure_ascii=False),
        "profile.region": lambda: json.dumps(G["state"](ctx), ensure_ascii=False),
        "profile.country": lambda: json.dumps(G["country"](ctx)),
        "profile.postal_code": lambda: json.dumps(G["postcode"](ctx)),
        "profile.phone": lambda: json.dumps(G["phone"](ctx)),
        "profile.website": lambda: json.dumps(G["personal_url"](ctx)),
        "profile.favoritebook": lambda: json.dumps(G["film_title"](ctx)),
        "profile.aboutme": lambda: json.dumps(G["lorem"](ctx)),
        "profile.dob": lambda: json.dumps(p["born"].isoformat() + " 00:00:00"),
        "profile.tos": lambda: '"1"',
    }
    return values[key]()


def _note_body(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        "<p>Asked for a refund of the annual membership.</p>",
        f"<p>Called on {G['phone'](ctx)}: wants the newsletter stopped.</p>",
        "<p>Account reviewed, nothing to do.</p>",
        f"<p>Duplicate of the account of {p['first']} {p['last']}, merged.</p>",
        "<p>Reported spam in the forum twice.</p>",
        f"<p>New address: {p['f'].street_address()}</p>",
        "<p>Prefers contact by post.</p>",
    ])


def _session_data(ctx):  # type: ignore[no-untyped-def]
    if ctx.row.get("guest"):
        return 'joomla|s:92:"TzoyNDoiSm9vbWxhXFJlZ2lzdHJ5XFJlZ2lzdHJ5IjozOntzOjc6IgAqAGRhdGEiO30=";'
    p = ctx.person
    inner = (f'a:3:{{s:8:"username";s:{len(p["username"])}:"{p["username"]}";'
             f's:5:"email";s:{len(p["email"])}:"{p["email"]}";'
             f's:2:"id";i:{ctx.rng.randint(1, 300)};}}')
    return f"__default|a:2:{{s:4:\"user\";{inner}s:7:\"counter\";i:{ctx.rng.randint(1, 90)};}}"


def _log_message(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    uid = ctx.rng.randint(1, 300)
    return json.dumps({"action": ctx.rng.choice(["login", "logout", "update", "add"]),
                       "id": str(uid), "userid": str(uid), "username": p["username"],
                       "accountlink": f"index.php?option=com_users&task=user.edit&id={uid}",
                       "app": "PLG_ACTIONLOG_JOOMLA_APPLICATION_SITE"})


def _log_ip(ctx):  # type: ignore[no-untyped-def]
    return "COM_ACTIONLOGS_DISABLED" if ctx.rng.random() < 0.2 else G["ip"](ctx)


def _pm(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        "Please review the article before Friday.",
        f"Hi {p['first']}, your account has been upgraded to Author.",
        "The menu module is broken again, can you look?",
        f"You can reach me on {G['phone'](ctx)} this week.",
        "Thanks for the fix!",
        f"{p['first']} {p['last']} asked for access to the media manager.",
    ])


def _alias(ctx):  # type: ignore[no-untyped-def]
    return G["slug"](ctx)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "jos_users", 300,
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(400), "full_name"),
          col("username", V(150), "username", unique=True),
          col("email", V(100), "email"),
          col("password", V(100), "password_hash", style="bcrypt12"),
          col("block", tinyint(), "choice", values=[0, 0, 0, 1]),
          col("sendEmail", tinyint(), "choice", values=[0, 0, 1]),
          col("registerDate", DT),
          col("lastvisitDate", DT, null=0.1),
          col("activation", V(100), _activation),
          col("params", sa.Text, _params),
          col("lastResetTime", DT, null=0.7),
          col("resetCount", sa.Integer, "int", lo=0, hi=3),
          col("otpKey", V(1000), _otp),
          col("otep", V(1000), _otep),
          col("requireReset", tinyint(), "choice", values=[0, 0, 0, 1]),
          col("authProvider", V(100), "choice", values=["", "", "", "ldap", "joomla"]))
    table(md, "jos_usergroups", len(GROUPS),
          col("id", sa.Integer, pk=True, auto=True),
          col("parent_id", sa.Integer, "int", lo=0, hi=3),
          col("lft", sa.Integer, "seq"),
          col("rgt", sa.Integer, "int", lo=10, hi=20),
          col("title", V(100), lambda c: GROUPS[c.index], unique=True))
    table(md, "jos_user_usergroup_map", 300,
          col("user_id", sa.Integer, pk=True, ref="jos_users.id"),
          col("group_id", sa.Integer, pk=True, ref="jos_usergroups.id"))
    table(md, "jos_user_profiles", 600,
          col("user_id", sa.Integer, ref="jos_users.id"),
          col("profile_key", V(100), "choice", values=PROFILE_KEYS),
          col("profile_value", V(400), _profile_value),
          col("ordering", sa.Integer, "int", lo=0, hi=11),
          sa.UniqueConstraint("user_id", "profile_key"))
    table(md, "jos_user_keys", 150,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", V(150), "username"),
          col("token", V(255), "password_hash", style="bcrypt12", unique=True),
          col("series", V(191), "token", n=20, style="url", unique=True),
          col("time", V(200), lambda c: str(c.rng.randint(1_600_000_000, 1_730_000_000))),
          col("uastring", V(255), "user_agent"))
    table(md, "jos_user_notes", 60,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, ref="jos_users.id"),
          col("catid", sa.Integer, "int", lo=0, hi=10),
          col("subject", V(100), "choice", values=["Refund", "Spam", "Support", "Merge",
                                                   "Address change", ""]),
          col("body", sa.Text, _note_body),
          col("state", tinyint(), "choice", values=[0, 1]),
          col("created_user_id", sa.Integer, ref="jos_users.id"),
          col("created_time", DT),
          col("modified_user_id", sa.Integer, ref="jos_users.id"),
          col("modified_time", DT, null=0.4),
          col("review_time", DT, null=0.6))
    table(md, "jos_contact_details", 120,
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(255), "full_name"),
          col("alias", V(400), lambda c: f"{c.person['first']}-{c.person['last']}".lower()
              .replace(" ", "-")),
          col("con_position", V(255), lambda c: c.person["f"].job()[:60], null=0.3),
          col("address", sa.Text, "street", null=0.2),
          col("suburb", V(100), "city", null=0.2),
          col("state", V(100), "state", null=0.3),
          col("country", V(100), "country", null=0.2),
          col("postcode", V(100), "postcode", null=0.2),
          col("telephone", V(255), "phone", null=0.2),
          col("fax", V(255), "phone", null=0.8),
          col("misc", mediumtext(), "lorem", words=10, null=0.6),
          col("image", V(255), lambda c: f"images/contacts/c{c.index}.jpg", null=0.7),
          col("email_to", V(255), "email", null=0.1),
          col("default_con", tinyint(), "choice", values=[0, 0, 0, 1]),
          col("published", tinyint(), "choice", values=[0, 1, 1]),
          col("user_id", sa.Integer, ref="jos_users.id"),
          col("catid", sa.Integer, "int", lo=4, hi=9),
          col("mobile", V(255), "phone", empty=0.5),
          col("webpage", V(255), "personal_url", empty=0.4),
          col("sortname1", V(255), lambda c: c.person["last"]),
          col("sortname2", V(255), lambda c: c.person["first"]),
          col("sortname3", V(255), lambda c: c.person["middle"]),
          col("language", V(7), "choice", values=["*", "*", "en-GB", "de-DE"]),
          col("created", DT),
          col("created_by", sa.Integer, ref="jos_users.id"),
          col("created_by_alias", V(255), lambda c: G["full_name"](c)
              if c.rng.random() < 0.25 else ""),
          col("hits", sa.Integer, "int", lo=0, hi=5000))
    table(md, "jos_session", 200,
          col("session_id", varbinary(192), lambda c: G["token"](c).encode(), pk=True, n=26,
              style="url"),
          col("client_id", tinyint(), "choice", values=[0, 0, 1]),
          col("guest", tinyint(), "choice", values=[0, 1, 1]),
          col("time", sa.Integer, "int", lo=1_700_000_000, hi=1_730_000_000),
          col("data", mediumtext(), _session_data),
          col("userid", sa.Integer, ref="jos_users.id", null=0.5),
          col("username", V(150), "username", null=0.5))
    table(md, "jos_privacy_requests", 40,
          col("id", sa.Integer, pk=True, auto=True),
          col("email", V(100), "email"),
          col("requested_at", DT),
          col("status", tinyint(), "choice", values=[-1, 0, 1, 2]),
          col("request_type", V(25), "choice", values=["export", "remove"]),
          col("confirm_token", V(100), lambda c: G["password_hash"](c)
              if c.rng.random() < 0.6 else "", style="bcrypt12"),
          col("confirm_token_created_at", DT, null=0.4))
    table(md, "jos_action_logs", 400,
          col("id", sa.Integer, pk=True, auto=True),
          col("message_language_key", V(255), "choice",
              values=["PLG_ACTIONLOG_JOOMLA_USER_LOGGED_IN", "PLG_ACTIONLOG_JOOMLA_USER_LOGGED_OUT",
                      "PLG_SYSTEM_ACTIONLOGS_CONTENT_UPDATED"]),
          col("message", sa.Text, _log_message),
          col("log_date", DT),
          col("extension", V(50), "choice", values=["com_users", "com_content", "com_config"]),
          col("user_id", sa.Integer, ref="jos_users.id"),
          col("item_id", sa.Integer, "int", lo=0, hi=500),
          col("ip_address", V(40), _log_ip))
    table(md, "jos_messages", 150,
          col("message_id", sa.Integer, pk=True, auto=True),
          col("user_id_from", sa.Integer, ref="jos_users.id"),
          col("user_id_to", sa.Integer, ref="jos_users.id"),
          col("folder_id", tinyint(), "const", value=0),
          col("date_time", DT),
          col("state", tinyint(), "choice", values=[0, 1]),
          col("priority", tinyint(), "choice", values=[0, 1, 2]),
          col("subject", V(255), "choice", values=["Review", "Access", "Hello", "Bug",
                                                   "Your account"]),
          col("message", sa.Text, _pm))
    table(md, "jos_content", 200,
          col("id", sa.Integer, pk=True, auto=True),
          col("asset_id", sa.Integer, "int", lo=100, hi=900),
          col("title", V(255), "film_title"),
          col("alias", V(400), "slug"),
          col("introtext", mediumtext(), "paragraphs"),
          col("state", tinyint(), "choice", values=[-2, 0, 1, 1, 2]),
          col("catid", sa.Integer, "int", lo=2, hi=9),
          col("created", DT),
          col("created_by", sa.Integer, ref="jos_users.id"),
          col("created_by_alias", V(255), lambda c: G["full_name"](c)
              if c.rng.random() < 0.2 else ""),
          col("modified", DT),
          col("modified_by", sa.Integer, ref="jos_users.id"),
          col("checked_out", sa.Integer, ref="jos_users.id", null=0.8),
          col("hits", sa.Integer, "int", lo=0, hi=20000),
          col("metakey", sa.Text, "choice", values=["", "cms, joomla", "travel, food"]),
          col("metadesc", sa.Text, "lorem", words=10),
          col("access", sa.Integer, "choice", values=[1, 1, 2, 3]),
          col("language", V(7), "choice", values=["*", "en-GB"]),
          col("featured", tinyint(), "choice", values=[0, 0, 1]))
    table(md, "jos_banner_clients", 30,
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(255), "company"),
          col("contact", V(255), "full_name"),
          col("email", V(255), lambda c: c.person["email"] if c.rng.random() < 0.6
              else f"ads@{c.fakers['en_US'].domain_name()}"),
          col("extrainfo", sa.Text, "lorem", words=8),
          col("state", tinyint(), "choice", values=[0, 1]),
          col("own_prefix", tinyint(), "choice", values=[0, 1]),
          col("purchase_type", tinyint(), "choice", values=[-1, 1, 2, 3]),
          col("track_clicks", tinyint(), "choice", values=[-1, 0, 1]))
    return md
