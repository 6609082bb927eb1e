"""Pleroma (ActivityPub microblogging server, Elixir/Ecto, PostgreSQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables as the Ecto schemas in
``lib/pleroma/**.ex`` map them (``field`` types as the migrations in
``priv/repo/migrations`` create them: ``:string`` is ``varchar(255)``, ``:map`` ``jsonb``,
``timestamps()`` ``inserted_at``/``updated_at``; ``users``, ``activities`` and
``registrations`` have FlakeId ``uuid`` keys, the others ``bigserial``). PostgreSQL array
columns (``users.tags``, ``blocks``, ``mutes``, ``domain_blocks``, ``pinned_activities``,
``also_known_as``..., ``activities.recipients``, the OAuth ``scopes``) are left out, as for
Mastodon; virtual fields are not columns. 17 tables; ``users`` a column subset (48 of its
columns, the array ones out). Foreign keys as the migrations declare them (``references``
to ``users``, ``activities``, ``apps``, ``oauth_tokens``, ``oauth_authorizations``);
``activities.actor`` holds the actor's ``ap_id`` (a URL with the nickname), not a key.

Tables: users (local and remote actors: nickname, e-mail, name, bio with mentions, bcrypt
password hash, the actor's private RSA key in PEM, public key, ActivityPub ids and inbox URLs
with the nickname, avatar/banner JSON with URLs, profile fields as JSON, notification and MFA
settings JSON with a TOTP secret, registration reason, confirmation token), activities and
objects (ActivityPub JSON: actor, to/cc, content naming people), apps (OAuth clients),
oauth_authorizations, oauth_tokens, mfa_tokens, registrations (the user's id and profile at
an external provider), password_reset_tokens, user_invite_tokens, notifications,
following_relationships, push_subscriptions (endpoint URLs, p256dh and auth keys),
report_notes (moderators' notes on reports), moderation_log (JSON with the actor's and
subject's nicknames), scheduled_activities (params JSON with the status text), backups
(archive file names with the nickname).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, password_hash, table, token_of

SOURCE = {"repo": "pleroma-social/pleroma",
          "path": "lib/pleroma/{user,activity,object,registration,password_reset_token,"
                  "user_invite_token,notification,following_relationship,report_note,"
                  "moderation_log,scheduled_activity}.ex, lib/pleroma/user/backup.ex, "
                  "lib/pleroma/mfa/token.ex, lib/pleroma/web/o_auth/{app,authorization,"
                  "token}.ex, lib/pleroma/web/push/subscription.ex; priv/repo/migrations",
          "commit": "f917285b72dbc770be40478e1a55973f29d5db7d"}
PERSON_TABLES = ("users",)

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
U = sa.Uuid
D = sa.Date

N_USERS = 90
N_ACT = 260
N_OBJ = 220

_ts = datetimes(2019, 2025)
LOCAL = "social.example.net"
REMOTE = ["mastodon.social", "pleroma.site", "fosstodon.org", "misskey.io", "chaos.social",
          "mstdn.jp", "pixelfed.social", "lemmy.ml"]


def _domain(c):  # type: ignore[no-untyped-def]
    return LOCAL if c.row.get("local") else c.rng.choice(REMOTE)


def _nickname(c):  # type: ignore[no-untyped-def]
    u = c.person["username"]
    return u if c.row.get("local") else f"{u}@{c.rng.choice(REMOTE)}"


def _ap_id(c):  # type: ignore[no-untyped-def]
    nick = c.row["nickname"]
    if "@" in nick:
        u, d = nick.split("@", 1)
        return f"https://{d}/users/{u}"
    return f"https://{LOCAL}/users/{nick}"


def _bio(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "", "", f"{p['f'].job()} in {p['f'].city()}. she/her",
        "Open source, cats, coffee. Opinions my own.",
        f'Partner of <span class="h-card"><a href="https://{c.rng.choice(REMOTE)}/@'
        f'{new_person(c)["username"]}" class="u-url mention">@'
        f'{new_person(c)["username"]}</a></span> 💍',
        f"Contact: {p['email']}", "日本語と英語で投稿します。", "Bot. Posts the weather hourly.",
        f"Born {p['born'].isoformat()}, {p['f'].city()}"])


def _pem(c):  # type: ignore[no-untyped-def]
    body = G["token"](_with(c, n=1200, style="b64"))
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN RSA PRIVATE KEY-----\n{lines}\n-----END RSA PRIVATE KEY-----\n\n"


def _pub(c):  # type: ignore[no-untyped-def]
    body = G["token"](_with(c, n=360, style="b64"))
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN PUBLIC KEY-----\n{lines}\n-----END PUBLIC KEY-----\n"


def _with(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c


def _media(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return {}
    h = G["token"](_with(c, n=64, style="hex"))
    return {"type": "Image", "url": [{"type": "Link", "mediaType": "image/png",
                                      "href": f"https://{_domain(c)}/media/{h}.png"}],
            "name": c.rng.choice(["", "avatar", f"{c.person['first']}'s avatar"])}


def _fields(c):  # type: ignore[no-untyped-def]
    p = c.person
    out = []
    if c.rng.random() < 0.5:
        out.append({"name": "Website", "value": f"https://{p['username']}.example.com"})
    if c.rng.random() < 0.3:
        out.append({"name": "Matrix", "value": f"@{p['username']}:matrix.org"})
    if c.rng.random() < 0.2:
        out.append({"name": "Pronouns", "value": c.rng.choice(["she/her", "he/him", "they/them"])})
    if c.rng.random() < 0.15:
        out.append({"name": "Phone", "value": G["phone"](c)})
    return out


def _notif_settings(c):  # type: ignore[no-untyped-def]
    return {"block_from_strangers": c.rng.random() < 0.2,
            "hide_notification_contents": c.rng.random() < 0.1}


def _mfa(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return {"enabled": False, "backup_codes": [], "totp": {"secret": None,
                                                              "confirmed": False}}
    return {"enabled": True,
            "backup_codes": [password_hash(_with(c, style="bcrypt")) for _ in range(2)],
            "totp": {"secret": _b32(c),
                     "confirmed": True, "delivery_type": "app"}}


def _b32(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(32))


def _fe_store(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([{}, {"pleroma-fe": {"theme": "pleroma-dark", "hideNsfw": True}},
                         {"soapbox-fe": {"locale": c.rng.choice(["de", "ja", "en"]),
                                         "themeMode": "system"}}])


def _actor_url(c):  # type: ignore[no-untyped-def]
    return f"https://{c.rng.choice([LOCAL] + REMOTE)}/users/{new_person(c)['username']}"


STATUS = ["Good morning fediverse 🌅", "Just finished reading a great book #books",
          "Anyone going to FOSDEM this year?", "New blog post is up!",
          "Had lunch with {first} {last} today, great chat about Elixir.",
          "Reach me at {email} for the slides", "Happy birthday @{username}! 🎉",
          "Сегодня хорошая погода", "今日は雨です", "The weather is terrible again #rain",
          "I moved to {city}, new number {phone}", "boosting for visibility: we are hiring"]


def _status(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice(STATUS).format(first=p["first"], last=p["last"], email=p["email"],
                                       username=p["username"], city=p["f"].city(),
                                       phone=G["phone"](c))


def _activity_data(c):  # type: ignore[no-untyped-def]
    actor = c.row["actor"]
    kind = c.rng.choice(["Create", "Create", "Create", "Like", "Announce", "Follow",
                         "Undo", "Delete", "Flag"])
    oid = f"https://{c.rng.choice([LOCAL] + REMOTE)}/objects/{G['uuid_str'](c)}"
    d = {"id": f"{actor.split('/users/')[0]}/activities/{G['uuid_str'](c)}", "type": kind,
         "actor": actor, "to": ["https://www.w3.org/ns/activitystreams#Public"],
         "cc": [f"{actor}/followers"], "object": oid,
         "published": f"{G['date'](c).isoformat()}T12:00:00Z"}
    if kind == "Create":
        d["context"] = f"https://{LOCAL}/contexts/{G['uuid_str'](c)}"
    if kind == "Follow":
        d["object"] = _actor_url(c)
        d["state"] = c.rng.choice(["accept", "pending"])
    if kind == "Flag":
        d["content"] = c.rng.choice(["spam", f"harassing {new_person(c)['first']} in DMs", ""])
        d["object"] = [_actor_url(c), oid]
    return d


def _object_data(c):  # type: ignore[no-untyped-def]
    actor = _actor_url(c)
    host = actor.split("/users/")[0]
    d = {"id": f"{host}/objects/{G['uuid_str'](c)}", "type": c.rng.choice(
        ["Note", "Note", "Note", "Question", "Article"]), "actor": actor,
         "attributedTo": actor, "content": _status(c),
         "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [f"{actor}/followers"],
         "sensitive": c.rng.random() < 0.1, "summary": c.rng.choice(["", "", "cw: politics"]),
         "published": f"{G['date'](c).isoformat()}T08:30:00Z"}
    if c.rng.random() < 0.2:
        d["tag"] = [{"type": "Mention", "href": _actor_url(c),
                     "name": f"@{new_person(c)['username']}"}]
    return d


def _client_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Tusky", "Husky", "Pleroma FE", "Soapbox", "Ivory", "Mona",
                         "Fedilab", "toot", "cron-poster", "Bloat"])


def _uid(c):  # type: ignore[no-untyped-def]
    prov = c.row.get("provider")
    return str(c.rng.randint(10**20, 10**21 - 1)) if prov == "google" else \
        str(c.rng.randint(10**5, 10**8))


def _reg_info(c):  # type: ignore[no-untyped-def]
    p = c.person
    return {"nickname": p["username"], "name": f"{p['first']} {p['last']}",
            "email": p["email"] if c.rng.random() < 0.7 else None,
            "description": c.rng.choice(["", "developer"]),
            "image": f"https://avatars.githubusercontent.com/u/{c.rng.randint(10**5, 10**8)}"}


def _endpoint(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        f"https://fcm.googleapis.com/fcm/send/{G['token'](_with(c, n=140, style='url'))}",
        f"https://updates.push.services.mozilla.com/wpush/v2/"
        f"{G['token'](_with(c, n=120, style='url'))}",
        f"https://ntfy.sh/up{G['token'](_with(c, n=12, style='url'))}"])


def _report_note(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([
        "Spam account, suspended.", "Contacted the reporter, no further action.",
        f"This is the third report against @{p['username']}; last warning sent.",
        f"{p['first']} {p['last']} emailed from {p['email']} asking to lift the ban.",
        "Duplicate of earlier report.", "Forwarded to the remote instance admin."])


def _modlog(c):  # type: ignore[no-untyped-def]
    a, s = new_person(c), new_person(c)
    act = c.rng.choice(["deactivate", "tag", "grant", "report_note", "confirm_email",
                        "updated_users", "config_update"])
    d = {"action": act, "actor": {"type": "user", "id": G["uuid_str"](c),
                                 "nickname": a["username"]}}
    if act != "config_update":
        d["subject"] = [{"type": "user", "id": G["uuid_str"](c), "nickname": s["username"]}]
    else:
        d["config"] = [{"group": ":pleroma", "key": ":instance"}]
    return d


def _sched_params(c):  # type: ignore[no-untyped-def]
    return {"status": _status(c), "visibility": c.rng.choice(["public", "unlisted", "direct"]),
            "sensitive": False, "in_reply_to_id": None}


def _backup_name(c):  # type: ignore[no-untyped-def]
    return (f"archive-{c.person['username']}-{G['date'](c).strftime('%Y%m%d')}T120000-"
            f"{G['token'](_with(c, n=43, style='url'))}.zip")


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", U, "uuid", pk=True),
          col("local", B, lambda c: c.rng.random() < 0.55, nullable=False),
          col("nickname", S(255), _nickname, unique=True, nullable=False),
          col("email", S(255), lambda c: c.person["email"] if c.row["local"] else None,
              null=0.05, unique=True),
          col("name", S(255), lambda c: c.rng.choice(
              [f"{c.person['first']} {c.person['last']}", c.person["first"],
               f"{c.person['first']} 🌻", f"{c.person['last']} (they/them)", ""]), null=0.05),
          col("bio", T, _bio, nullable=False),
          col("raw_bio", T, lambda c: c.row["bio"], null=0.4),
          col("password_hash", S(255), lambda c: password_hash(c) if c.row["local"] else None,
              null=0.02, style="pbkdf2"),
          col("keys", T, lambda c: _pem(c) if c.row["local"] else None, null=0.02),
          col("public_key", T, _pub, null=0.1),
          col("ap_id", S(255), _ap_id, unique=True, nullable=False),
          col("avatar", jsonb(), _media, null=0.05),
          col("follower_address", S(255), lambda c: f"{c.row['ap_id']}/followers", null=0.02),
          col("following_address", S(255), lambda c: f"{c.row['ap_id']}/following", null=0.02),
          col("last_refreshed_at", TS, _ts, null=0.5),
          col("last_digest_emailed_at", TS, _ts, null=0.8),
          col("banner", jsonb(), _media, null=0.05),
          col("background", jsonb(), lambda c: {}, null=0.05),
          col("note_count", I, "int", nullable=False, lo=0, hi=5000),
          col("follower_count", I, "int", nullable=False, lo=0, hi=900),
          col("following_count", I, "int", nullable=False, lo=0, hi=900),
          col("is_locked", B, "bool", nullable=False),
          col("confirmation_pending", B, "bool", nullable=False),
          col("password_reset_pending", B, "bool", nullable=False),
          col("approval_pending", B, "bool", nullable=False),
          col("registration_reason", T, lambda c: c.rng.choice([
              "I'd like to join, I'm a friend of " + new_person(c)["first"] + ".",
              "Interested in Elixir.", "I live in " + c.person["f"].city() + "."]), null=0.75),
          col("confirmation_token", S(255), token_of(32, "url"), null=0.7),
          col("default_scope", S(255), "choice", values=["public", "unlisted", "private"],
              null=0.02),
          col("deactivated", B, "bool", nullable=False),
          col("no_rich_text", B, "bool", nullable=False),
          col("is_moderator", B, "bool", nullable=False),
          col("is_admin", B, "bool", nullable=False),
          col("show_role", B, "bool", nullable=False),
          col("mastofe_settings", jsonb(), "json_settings", null=0.8),
          col("uri", S(255), lambda c: c.row["ap_id"].replace("/users/", "/@"), null=0.5),
          col("hide_followers", B, "bool", nullable=False),
          col("email_notifications", jsonb(), lambda c: {"digest": c.rng.random() < 0.3}),
          col("pleroma_settings_store", jsonb(), _fe_store),
          col("fields", jsonb(), _fields, nullable=False),
          col("raw_fields", jsonb(), _fields, nullable=False),
          col("is_discoverable", B, "bool", nullable=False),
          col("actor_type", S(255), "choice", nullable=False,
              values=["Person"] * 8 + ["Service", "Group"]),
          col("inbox", S(255), lambda c: f"{c.row['ap_id']}/inbox", null=0.1),
          col("shared_inbox", S(255), lambda c: f"https://{c.row['ap_id'].split('/')[2]}/inbox",
              null=0.1),
          col("notification_settings", jsonb(), _notif_settings),
          col("multi_factor_authentication_settings", jsonb(), _mfa),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "objects", N_OBJ,
          col("id", BI, pk=True, auto=True),
          col("data", jsonb(), _object_data),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "activities", N_ACT,
          col("id", U, "uuid", pk=True),
          col("local", B, "bool"),
          col("actor", S(255), ref="users.ap_id"),
          col("data", jsonb(), _activity_data),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "apps", 14,
          col("id", BI, pk=True, auto=True),
          col("client_name", S(255), _client_name),
          col("redirect_uris", S(255), "choice", values=[
              "urn:ietf:wg:oauth:2.0:oob", "https://tusky.app/oauth", "husky://callback",
              "https://social.example.net/oauth-callback"]),
          col("website", S(255), "choice", values=["https://tusky.app", "", "https://soapbox.pub"],
              null=0.4),
          col("client_id", S(255), token_of(43, "url"), unique=True),
          col("client_secret", S(255), token_of(43, "url")),
          col("trusted", B, "bool"),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "oauth_authorizations", 80,
          col("id", BI, pk=True, auto=True),
          col("app_id", BI, fk="apps.id"),
          col("user_id", U, fk="users.id"),
          col("token", S(255), token_of(43, "url"), unique=True),
          col("valid_until", TS, _ts),
          col("used", B, "bool"),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "oauth_tokens", 120,
          col("id", BI, pk=True, auto=True),
          col("app_id", BI, fk="apps.id"),
          col("user_id", U, fk="users.id"),
          col("token", S(255), token_of(43, "url"), unique=True),
          col("refresh_token", S(255), token_of(43, "url")),
          col("valid_until", TS, _ts),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "mfa_tokens", 12,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id"),
          col("authorization_id", BI, fk="oauth_authorizations.id"),
          col("token", S(255), token_of(43, "url")),
          col("valid_until", TS, _ts),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "registrations", 25,
          col("id", U, "uuid", pk=True),
          col("user_id", U, fk="users.id", null=0.2),
          col("provider", S(255), "choice", values=["github", "google", "gitlab"]),
          col("uid", S(255), _uid),
          col("info", jsonb(), _reg_info),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False),
          sa.UniqueConstraint("provider", "uid"))
    table(md, "password_reset_tokens", 30,
          col("id", BI, pk=True, auto=True),
          col("token", S(255), token_of(43, "url")),
          col("user_id", U, fk="users.id"),
          col("used", B, "bool", nullable=False),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "user_invite_tokens", 15,
          col("id", BI, pk=True, auto=True),
          col("token", S(255), token_of(43, "url")),
          col("used", B, "bool", nullable=False),
          col("max_use", I, "int", null=0.5, lo=1, hi=20),
          col("expires_at", D, "date", null=0.5),
          col("uses", I, "int", nullable=False, lo=0, hi=20),
          col("invite_type", S(255), "choice", values=["one_time", "reusable", "date_limited",
                                                      "reusable_date_limited"]),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "notifications", 240,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id"),
          col("activity_id", U, fk="activities.id"),
          col("seen", B, "bool"),
          col("type", S(255), "choice", values=["mention", "favourite", "reblog", "follow",
                                                "pleroma:emoji_reaction", "poll"]),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "following_relationships", 200,
          col("id", BI, pk=True, auto=True),
          col("follower_id", U, fk="users.id", nullable=False),
          col("following_id", U, fk="users.id", nullable=False),
          col("state", I, "choice", nullable=False, values=[1, 2, 2, 2, 3]),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False),
          sa.UniqueConstraint("follower_id", "following_id"))
    table(md, "push_subscriptions", 30,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id"),
          col("token_id", BI, fk="oauth_tokens.id"),
          col("endpoint", S(255), _endpoint),
          col("key_p256dh", S(255), token_of(87, "url")),
          col("key_auth", S(255), token_of(22, "url")),
          col("data", jsonb(), lambda c: {"alerts": {"mention": True, "follow": c.rng.random()
                                                     < 0.5}}),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False),
          sa.UniqueConstraint("user_id", "token_id"))
    table(md, "report_notes", 25,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id", nullable=False),
          col("activity_id", U, fk="activities.id", nullable=False),
          col("content", S(255), _report_note, nullable=False),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "moderation_log", 60,
          col("id", BI, pk=True, auto=True),
          col("data", jsonb(), _modlog),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "scheduled_activities", 20,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id"),
          col("scheduled_at", TS, _ts, nullable=False),
          col("params", jsonb(), _sched_params, nullable=False),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    table(md, "backups", 15,
          col("id", BI, pk=True, auto=True),
          col("user_id", U, fk="users.id", nullable=False),
          col("content_type", S(255), "const", nullable=False, value="application/zip"),
          col("file_name", S(255), _backup_name, nullable=False),
          col("file_size", BI, "int", nullable=False, lo=10000, hi=90000000),
          col("processed", B, "bool", nullable=False),
          col("inserted_at", TS, _ts, nullable=False),
          col("updated_at", TS, _ts, nullable=False))
    return md
