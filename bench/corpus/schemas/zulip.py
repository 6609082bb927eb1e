"""Zulip (team chat, Django/PostgreSQL): a held-out schema (issue #10), labelled before any
scan and never tuned on. Zulip has no schema file: Django creates the tables from the
models (``zerver/models/*.py``); types as Django maps them on PostgreSQL (``EmailField`` ->
``VARCHAR(254)``, ``UUIDField`` -> ``uuid``, ``JSONField`` -> ``jsonb``, a ``ForeignKey``
-> ``<name>_id`` with a declared constraint).

Tables: organisations (``zerver_realm``), users and bots (``zerver_userprofile``, one row
per user per organisation; ``email`` is either the real address or a
``user<id>@<host>`` alias, ``delivery_email`` is always the real one), recipients
(``type`` 1 a user, 2 a channel, 3 a direct-message group; ``type_id`` points to
a user, a channel or a group, undeclared), channels, messages, subscriptions, custom
profile fields and their per-user values (an EAV of phone numbers, birthdays, pronouns,
GitHub handles, departments and user ids by field type), presence, the audit log with JSON
``extra_data``, invitations (``zerver_preregistrationuser``) and reusable invitation
links (``zerver_multiuseinvite``).

Column subsets: of ``zerver_userprofile`` the identity, role and bot columns plus a
handful of the ~70 UI and notification settings of ``UserBaseSettings``; of
``zerver_realm`` about a dozen of its ~90 settings; ``search_tsvector`` and the
references to user groups (``can_*_group`` of channels and realms,
``zerver_realmauditlog.modified_user_group_id``) left out. The
model graph is cyclic (realm -> announcement channel -> realm, user -> default sending
channel -> creator user): ``zerver_realm.new_stream_announcements_stream_id`` and
``zerver_userprofile.default_sending_stream_id`` are generated as values without a
constraint, as are ``zerver_userprofile.bot_owner_id`` (a self-reference from the bot rows,
which come first, to users generated after them) and ``zerver_message.sending_client_id``
(the client table is not included).
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, jsonb, table
from ..gen import with_params as _p

SOURCE = {"repo": "zulip/zulip",
          "path": "zerver/models/{users,realms,streams,messages,recipients,custom_profile_fields,"
                  "presence,realm_audit_logs,prereg_users}.py",
          "commit": "users.py @ 018a2bbf572b460462f7bce633f8731ad6994f34; prereg_users.py @ "
                    "1084e5aebe721009242d83133c34de6db0f42128; presence.py @ "
                    "034fb950face3ec7a3f66e7ef4b677eccbe48f8c; streams.py @ "
                    "02cc858342c916e2d7035167bbba9f0b495e2217; messages.py @ "
                    "0914a0bde7e8cbd30cebe43755e1d864a7b1992e; recipients.py @ "
                    "02d0566dc5965c2682dbf037132f3736f8314fda; custom_profile_fields.py @ "
                    "1084e5aebe721009242d83133c34de6db0f42128; realm_audit_logs.py @ "
                    "0057cdaf62971f2ac231955c13b15b6a3c8b1c89; realms.py: a stored version "
                    "(search-index file id 2200623307, commit not named by the index)"}
PERSON_TABLES = ("zerver_userprofile",)

V = sa.String
T = sa.Text
DT = sa.DateTime(timezone=True)
I = sa.Integer  # noqa: E741
SI = sa.SmallInteger
B = sa.Boolean

N_REALMS = 3
N_USERS = 160
N_BOTS = 8  # the first rows
N_STREAMS = 20
N_GROUPS = 10
HOSTS = ["chat.example.com", "acme.zulipchat.com", "forschung.example.de"]
BOTS = [("Notification Bot", "notification-bot@zulip.com"),
        ("Welcome Bot", "welcome-bot@zulip.com"),
        ("Zulip Feedback Bot", "feedback@zulip.com"),
        ("GitHub", "github-bot@acme.zulipchat.com"),
        ("Jenkins CI", "jenkins-bot@chat.example.com"),
        ("Standup bot", "standup-bot@chat.example.com"),
        ("Email gateway", "emailgateway@zulip.com"),
        ("Nagios", "nagios-bot@forschung.example.de")]
STREAMS = ["general", "random", "engineering", "design", "announce", "support", "sales",
           "devel", "social", "help", "backend", "frontend", "ops", "hiring", "kaffeeküche",
           "研究", "mobile", "qa", "releases", "off-topic"]


def _bot(c):  # type: ignore[no-untyped-def]
    return c.index < N_BOTS


def _delivery_email(c):  # type: ignore[no-untyped-def]
    return BOTS[c.index][1] if _bot(c) else c.person["email"]


def _email(c):  # type: ignore[no-untyped-def]
    if _bot(c) or c.rng.random() < 0.6:
        return c.row["delivery_email"]
    return f"user{c.index + 1}@{HOSTS[c.row['realm_id'] - 1]}"


def _full_name(c):  # type: ignore[no-untyped-def]
    if _bot(c):
        return BOTS[c.index][0]
    r = c.rng.random()
    name = G["full_name"](c)
    if r < 0.1:
        return f"{name} (she/her)" if c.rng.random() < 0.5 else f"{name} (he/him)"
    if r < 0.15:
        return f"{name} [Sales]"
    return name


def _zoom(c):  # type: ignore[no-untyped-def]
    if _bot(c) or c.rng.random() < 0.9:
        return None
    return {"access_token": "eyJ" + G["token"](_p(c, n=120, style="url")),
            "refresh_token": "eyJ" + G["token"](_p(c, n=120, style="url")),
            "expires_in": 3599, "token_type": "bearer", "scope": "meeting:write"}


MESSAGES = ["Good morning everyone!", "@**{first} {last}** can you take a look at #{n}?",
            "Deployed to staging :tada:", "My number while travelling: {phone}",
            "Please send the contract to {email}.", "lunch?", "```\nTraceback (most recent call "
            "last):\n  File \"app.py\", line 12\n```", "Thanks @**{first2}**!",
            "I'll be out until Monday; ping {first2} {last2} for anything urgent.",
            "Meeting notes: https://docs.example.com/d/{n}", "+1", "LGTM :thumbs_up:",
            "New address for the office party: {street}, {city}"]
TOPICS = ["general chat", "deploys", "design review", "standup", "(no topic)", "release 9.1",
          "hiring", "lunch", "incident 2024-05-02", "welcome", "questions", "CI failures"]


def _content(c):  # type: ignore[no-untyped-def]
    if "_content" not in c.row:
        c.row["_content"] = G["template"](_p(c, texts=MESSAGES))
    return c.row["_content"]


def _rendered(c):  # type: ignore[no-untyped-def]
    text = _content(c).replace("&", "&amp;").replace("<", "&lt;")
    return f"<p>{text}</p>"


def _edit_history(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.88:
        return None
    return json.dumps([{"user_id": c.rng.randint(N_BOTS + 1, N_USERS),
                        "timestamp": c.rng.randint(1_600_000_000, 1_760_000_000),
                        "prev_content": G["template"](_p(c, texts=MESSAGES)),
                        "prev_rendered_content_version": 1}], ensure_ascii=False)


FIELDS = [(1, "Phone number", "Your work phone", ""), (4, "Birthday", "", ""),
          (1, "Pronouns", "What pronouns should people use to refer to you?", ""),
          (7, "GitHub username", "", '{"subtype": "github"}'),
          (3, "Department", "", '{"0": {"text": "Engineering", "order": "1"}, '
                                '"1": {"text": "Sales", "order": "2"}, '
                                '"2": {"text": "Support", "order": "3"}}'),
          (6, "Manager", "Your direct manager", ""), (2, "Favorite food", "Or anything else", ""),
          (5, "Personal website", "", "")]


def _field_value(c):  # type: ignore[no-untyped-def]
    kind = c.row["_field"]
    p = c.person
    if kind == 1:
        return G["phone"](c)
    if kind == 2:
        return p["born"].isoformat()
    if kind == 3:
        return c.rng.choice(["she/her", "he/him", "they/them", "er/ihm", ""])
    if kind == 4:
        return p["username"]
    if kind == 5:
        return c.rng.choice(["0", "1", "2"])
    if kind == 6:
        return json.dumps([c.rng.randint(N_BOTS + 1, N_USERS)])
    if kind == 7:
        return c.rng.choice(["Pizza", "Ramen 🍜", "Pierogi", "Käsespätzle", "Sushi"])
    return G["personal_url"](c) or "https://example.org"


def _field_id(c):  # type: ignore[no-untyped-def]
    fid = c.rng.randint(1, len(FIELDS))
    c.row["_field"] = fid
    return fid


def _rendered_value(c):  # type: ignore[no-untyped-def]
    # only SHORT_TEXT and LONG_TEXT fields are rendered (is_renderable): phone, food
    if c.row["_field"] in (1, 7):
        return f"<p>{c.row['value']}</p>"
    return None


AUDIT = [(101, "user_created"), (102, "user_activated"), (103, "user_deactivated"),
         (105, "user_role_changed"), (124, "user_full_name_changed"),
         (125, "user_email_changed"), (122, "user_password_changed"),
         (301, "subscription_created"), (127, "user_api_key_changed"),
         (207, "realm_property_changed")]
OLD, NEW, ROLE_COUNT = "1", "2", "10"  # AbstractRealmAuditLog's extra_data keys


def _audit(c):  # type: ignore[no-untyped-def]
    if "_ev" not in c.row:
        c.row["_ev"] = c.rng.choice(AUDIT)
    return c.row["_ev"]


def _extra(c):  # type: ignore[no-untyped-def]
    kind = _audit(c)[1]
    p = c.person
    if kind == "user_email_changed":
        return {OLD: p["email"], NEW: p["email"].split("@")[0] + "@newmail.example"}
    if kind == "user_full_name_changed":
        return {OLD: f"{p['first']} {p['last']}", NEW: f"{p['first']} {c.fake().last_name()}"}
    if kind == "user_role_changed":
        return {OLD: 400, NEW: c.rng.choice([200, 300, 600]),
                ROLE_COUNT: {"11": {"100": 1, "200": 3, "400": 120, "600": 5}, "12": 4}}
    if kind == "realm_property_changed":
        return {"property": "invite_required", OLD: False, NEW: True}
    if kind == "user_created":
        return {ROLE_COUNT: {"11": {"100": 1, "200": 3, "400": c.rng.randint(20, 150),
                                    "600": 5}, "12": 4}}
    return {}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "zerver_realm", N_REALMS,
          col("id", I, pk=True, auto=True),
          col("name", V(40), lambda c: ["Example Corp", "ACME Inc.", "Forschungsgruppe "
                                        "Müller"][c.index]),
          col("description", T, lambda c: ["", "The ACME team chat.",
                                           "Interne Kommunikation der AG Müller"][c.index]),
          col("string_id", V(40), lambda c: ["", "acme", "forschung"][c.index], unique=True),
          col("date_created", DT, "datetime", start=2016, end=2020),
          col("deactivated", B, lambda c: False),
          col("emails_restricted_to_domains", B, lambda c: c.index == 1),
          col("invite_required", B, lambda c: True),
          col("org_type", SI, "choice", values=[10, 20, 35]),
          col("plan_type", SI, "choice", values=[1, 2, 3]),
          col("default_language", V(50), lambda c: ["en", "en", "de"][c.index]),
          col("message_retention_days", I, lambda c: -1),
          col("icon_source", V(1), lambda c: "G"),
          col("uuid", sa.Uuid, "uuid", unique=True),
          col("uuid_owner_secret", T, lambda c: "zuliprealm_" + G["token"](_p(c, n=32,
                                                                              style="url"))),
          col("new_stream_announcements_stream_id", I, lambda c: c.index * 5 + 1,
              nullable=True))
    table(md, "zerver_recipient", N_USERS + N_STREAMS + N_GROUPS,
          col("id", I, pk=True, auto=True),
          col("type_id", I, lambda c: c.index + 1 if c.index < N_USERS else
              c.index - N_USERS + 1 if c.index < N_USERS + N_STREAMS else
              c.index - N_USERS - N_STREAMS + 1),
          col("type", SI, lambda c: 1 if c.index < N_USERS else 2 if
              c.index < N_USERS + N_STREAMS else 3),
          sa.UniqueConstraint("type", "type_id"))
    table(md, "zerver_userprofile", N_USERS,
          col("id", I, pk=True, auto=True),
          col("password", V(128), lambda c: "!" + G["token"](_p(c, n=40, style="url")) if
              _bot(c) or c.rng.random() < 0.2 else G["password_hash"](_p(c, style="argon2")),
              nullable=True),
          col("last_login", DT, "datetime", null=0.2),
          col("is_superuser", B, lambda c: False),
          col("delivery_email", V(254), _delivery_email),
          col("realm_id", I, lambda c: 1 if c.index < 100 else 2 if c.index < 140 else 3,
              fk="zerver_realm.id"),
          col("email", V(254), _email),
          col("recipient_id", I, lambda c: c.index + 1, fk="zerver_recipient.id",
              nullable=True),
          col("full_name", V(100), _full_name),
          col("date_joined", DT, "datetime"),
          col("tos_version", V(10), "choice", values=[None, "-1", "1.0", "2.3"],
              nullable=True),
          col("api_key", V(32), "token", n=32, style="url", unique=True),
          col("uuid", sa.Uuid, "uuid", unique=True),
          col("is_staff", B, lambda c: c.index == N_BOTS),
          col("is_active", B, lambda c: c.rng.random() < 0.92),
          col("is_billing_admin", B, lambda c: c.rng.random() < 0.03),
          col("is_bot", B, _bot),
          col("bot_type", SI, lambda c: c.rng.choice([1, 2, 3]) if _bot(c) else None,
              nullable=True),
          col("bot_owner_id", I, lambda c: c.rng.randint(N_BOTS + 1, N_USERS) if
              3 <= c.index < N_BOTS else None, nullable=True),
          col("role", SI, lambda c: 400 if _bot(c) else c.rng.choice([100, 200, 300, 400, 400,
                                                                     400, 400, 600])),
          col("long_term_idle", B, lambda c: c.rng.random() < 0.1),
          col("last_active_message_id", I, "int", lo=1, hi=900, null=0.7),
          col("is_mirror_dummy", B, lambda c: c.rng.random() < 0.02),
          col("can_forge_sender", B, lambda c: c.index == 6),
          col("rate_limits", V(100), lambda c: "" if c.rng.random() < 0.97 else "60:200"),
          col("default_sending_stream_id", I, lambda c: c.rng.randint(1, N_STREAMS) if
              3 <= c.index < N_BOTS else None, nullable=True),
          col("timezone", V(40), lambda c: "" if c.rng.random() < 0.2 else G["timezone"](c)),
          col("avatar_source", V(1), "choice", values=["G", "G", "U"]),
          col("avatar_version", SI, "int", lo=1, hi=6),
          col("avatar_hash", V(64), lambda c: None if c.rng.random() < 0.9 else
              G["token"](_p(c, n=64)), nullable=True),
          col("zoom_token", jsonb(), _zoom, nullable=True),
          col("default_language", V(50), "choice", values=["en", "en", "de", "ja", "pl"]),
          col("enter_sends", B, "bool"),
          col("twenty_four_hour_time", B, "bool"),
          col("color_scheme", SI, "choice", values=[1, 2, 3]),
          col("email_address_visibility", SI, "choice", values=[1, 1, 2, 3, 4, 5]),
          col("enable_digest_emails", B, "bool"),
          col("presence_enabled", B, lambda c: c.rng.random() < 0.9))
    table(md, "zerver_stream", N_STREAMS,
          col("id", I, pk=True, auto=True),
          col("name", V(60), lambda c: STREAMS[c.index]),
          col("realm_id", I, lambda c: 1 + c.index // 7 if c.index < 21 else 1,
              fk="zerver_realm.id"),
          col("date_created", DT, "datetime"),
          col("deactivated", B, lambda c: c.rng.random() < 0.05),
          col("description", V(1024), lambda c: c.rng.choice(
              ["", "Everyone is added to this channel by default.",
               "For anything unrelated to work", "Bug reports and CI alerts"])),
          col("rendered_description", T, lambda c: "" if not c.row["description"] else
              f"<p>{c.row['description']}</p>"),
          col("recipient_id", I, lambda c: N_USERS + c.index + 1, fk="zerver_recipient.id",
              unique=True, nullable=True),
          col("invite_only", B, lambda c: c.rng.random() < 0.2),
          col("history_public_to_subscribers", B, lambda c: True),
          col("is_web_public", B, lambda c: c.rng.random() < 0.1),
          col("creator_id", I, fk="zerver_userprofile.id", null=0.3),
          col("message_retention_days", I, lambda c: None, nullable=True),
          col("is_in_zephyr_realm", B, lambda c: False),
          col("first_message_id", I, "int", lo=1, hi=900, null=0.1),
          col("is_recently_active", B, "bool"),
          col("topics_policy", SI, "choice", values=[1, 1, 1, 2, 3]))
    table(md, "zerver_message", 900,
          col("id", I, pk=True, auto=True),
          col("sender_id", I, fk="zerver_userprofile.id"),
          col("recipient_id", I, fk="zerver_recipient.id"),
          col("realm_id", I, "choice", values=[1, 1, 2, 3], fk="zerver_realm.id"),
          col("subject", V(60), lambda c: c.rng.choice(TOPICS)),
          col("content", T, _content),
          col("rendered_content", T, _rendered, nullable=True),
          col("rendered_content_version", I, lambda c: 1, nullable=True),
          col("date_sent", DT, "datetime"),
          col("sending_client_id", I, "choice", values=[1, 2, 3, 5, 8]),
          col("last_edit_time", DT, "datetime", null=0.88),
          col("edit_history", T, _edit_history, nullable=True),
          col("has_attachment", B, lambda c: c.rng.random() < 0.05),
          col("has_image", B, lambda c: c.rng.random() < 0.05),
          col("has_link", B, lambda c: "https://" in _content(c)),
          col("type", SI, lambda c: 1),
          col("is_channel_message", B, "bool"))
    table(md, "zerver_subscription", 700,
          col("id", I, pk=True, auto=True),
          col("user_profile_id", I, fk="zerver_userprofile.id"),
          col("recipient_id", I, lambda c: c.rng.randint(N_USERS + 1, N_USERS + N_STREAMS +
                                                         N_GROUPS), fk="zerver_recipient.id"),
          col("active", B, lambda c: c.rng.random() < 0.9),
          col("is_user_active", B, lambda c: c.rng.random() < 0.92),
          col("is_muted", B, lambda c: c.rng.random() < 0.1),
          col("color", V(10), "choice", values=["#c2c2c2", "#76ce90", "#fae589", "#a6c7e5",
                                                "#e79ab5"]),
          col("pin_to_top", B, lambda c: c.rng.random() < 0.1),
          col("desktop_notifications", B, "choice", values=[None, True, False], nullable=True),
          col("audible_notifications", B, "choice", values=[None, True, False], nullable=True),
          col("push_notifications", B, "choice", values=[None, True, False], nullable=True),
          col("email_notifications", B, "choice", values=[None, True, False], nullable=True),
          col("wildcard_mentions_notify", B, "choice", values=[None, True, False],
              nullable=True),
          sa.UniqueConstraint("user_profile_id", "recipient_id"))
    table(md, "zerver_customprofilefield", len(FIELDS),
          col("id", I, pk=True, auto=True),
          col("realm_id", I, lambda c: 1, fk="zerver_realm.id"),
          col("name", V(40), lambda c: FIELDS[c.index][1]),
          col("hint", V(80), lambda c: FIELDS[c.index][2]),
          col("order", I, lambda c: c.index),
          col("display_in_profile_summary", B, lambda c: c.index < 2),
          col("required", B, lambda c: False),
          col("editable_by_user", B, lambda c: c.index != 5),
          col("field_type", SI, lambda c: [1, 4, 8, 7, 3, 6, 2, 5][c.index]),
          col("field_data", T, lambda c: FIELDS[c.index][3]),
          sa.UniqueConstraint("realm_id", "name"))
    table(md, "zerver_customprofilefieldvalue", 600,
          col("id", I, pk=True, auto=True),
          col("user_profile_id", I, fk="zerver_userprofile.id"),
          col("field_id", I, _field_id, fk="zerver_customprofilefield.id"),
          col("value", T, _field_value),
          col("rendered_value", T, _rendered_value, nullable=True),
          sa.UniqueConstraint("user_profile_id", "field_id"))
    table(md, "zerver_userpresence", 140,
          col("id", I, pk=True, auto=True),
          col("user_profile_id", I, fk="zerver_userprofile.id", unique=True),
          col("realm_id", I, "choice", values=[1, 2, 3], fk="zerver_realm.id"),
          col("last_update_id", sa.BigInteger, "int", lo=1, hi=100000),
          col("last_connected_time", DT, "datetime", null=0.05),
          col("last_active_time", DT, "datetime", null=0.1))
    table(md, "zerver_realmauditlog", 500,
          col("id", I, pk=True, auto=True),
          col("realm_id", I, "choice", values=[1, 2, 3], fk="zerver_realm.id"),
          col("acting_user_id", I, fk="zerver_userprofile.id", null=0.3),
          col("modified_user_id", I, fk="zerver_userprofile.id", null=0.2),
          col("modified_stream_id", I, fk="zerver_stream.id", null=0.8),
          col("event_last_message_id", I, "int", lo=1, hi=900, null=0.3),
          col("event_type", SI, lambda c: _audit(c)[0]),
          col("event_time", DT, "datetime"),
          col("backfilled", B, lambda c: c.rng.random() < 0.05),
          col("extra_data", jsonb(), _extra))
    table(md, "zerver_multiuseinvite", 15,
          col("id", I, pk=True, auto=True),
          col("referred_by_id", I, fk="zerver_userprofile.id"),
          col("realm_id", I, "choice", values=[1, 2, 3], fk="zerver_realm.id"),
          col("invited_as", SI, "choice", values=[400, 400, 600]),
          col("include_realm_default_subscriptions", B, lambda c: True),
          col("status", I, "choice", values=[0, 0, 2]))
    table(md, "zerver_preregistrationuser", 120,
          col("id", I, pk=True, auto=True),
          col("email", V(254), lambda c: c.person["email"] if c.rng.random() < 0.9 else
              c.person["email"].upper()),
          col("full_name", V(100), lambda c: None if c.rng.random() < 0.6 else G["full_name"](c),
              nullable=True),
          col("full_name_validated", B, lambda c: c.row["full_name"] is not None and
              c.rng.random() < 0.5),
          col("referred_by_id", I, fk="zerver_userprofile.id", null=0.2),
          col("notify_referrer_on_join", B, lambda c: True),
          col("invited_at", DT, "datetime"),
          col("realm_creation", B, lambda c: c.index < 2),
          col("password_required", B, lambda c: c.rng.random() < 0.8),
          col("status", I, "choice", values=[0, 1, 1, 2]),
          col("realm_id", I, "choice", values=[1, 2, 3], fk="zerver_realm.id", nullable=True),
          col("invited_as", SI, "choice", values=[400, 400, 400, 600, 200]),
          col("multiuse_invite_id", I, fk="zerver_multiuseinvite.id", null=0.8),
          col("created_user_id", I, fk="zerver_userprofile.id", null=0.5),
          col("include_realm_default_subscriptions", B, lambda c: True))
    return md
