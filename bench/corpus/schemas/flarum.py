"""Flarum (forum software, PHP/Laravel, MySQL): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables as ``framework/core/migrations/
mysql-install.dump`` creates them (the squashed install of the core migrations, the
``db_prefix_`` placeholder dropped as an empty prefix does): 16 of its tables, all their
columns, unique keys and the foreign keys it declares, except the two from ``discussions``
to ``posts`` (``first_post_id``, ``last_post_id``), which close a cycle with
``posts.discussion_id`` and are generated as values.

Tables: users (username, e-mail, bcrypt password, avatar file name, preferences as a JSON
blob), access_tokens (session and developer tokens with last IP and user agent), api_keys,
email_tokens (the new address waiting for confirmation), password_tokens,
registration_tokens (OAuth sign-ups: the provider's payload and user attributes as JSON
with name, e-mail, avatar URL), login_providers (the user's id at GitHub/Google...),
discussions, posts (XML-formatted content with mentions, IP address), notifications
(JSON data blobs), discussion_user, post_user (likes), groups, group_user, settings.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import blob, col, datetimes, mediumtext, new_person, password_hash, table, token_of

SOURCE = {"repo": "flarum/framework", "path": "framework/core/migrations/mysql-install.dump",
          "commit": "3b7b4055f1a76c45d15477bb7ae71adf136f3257"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime
B = sa.Boolean

N_USERS = 80
N_DISC = 60
N_POSTS = 260

_ts = datetimes(2018, 2025)
TITLES = ["Installation fails on PHP 8.3", "Welcome to the community!", "Dark mode for the "
          "mobile app?", "Feature request: polls", "How do I change my username?",
          "Server migration this weekend", "Off-topic: what are you reading?",
          "Bug: notifications not cleared", "Introduce yourself", "Meetup in Lyon 🇫🇷",
          "Ошибка при загрузке аватара", "日本語の翻訳について", "Extension compatibility list"]


def _avatar(c):  # type: ignore[no-untyped-def]
    return f"{token_of(16, 'alnum')(c)}.png"


def _prefs(c):  # type: ignore[no-untyped-def]
    return json.dumps({"notify_discussionRenamed_alert": c.rng.random() < 0.5,
                       "notify_newPost_email": c.rng.random() < 0.5,
                       "followAfterReply": c.rng.random() < 0.5,
                       "discloseOnline": c.rng.random() < 0.7,
                       "locale": c.rng.choice(["en", "de", "fr", None])}).encode()


def _mention(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return (f'<USERMENTION displayname="{p["first"]} {p["last"]}" id="{c.rng.randint(1, N_USERS)}"'
            f'>@"{p["first"]} {p["last"]}"#{c.rng.randint(1, N_USERS)}</USERMENTION>')


def _content(c):  # type: ignore[no-untyped-def]
    if c.row.get("type") == "discussionRenamed":
        return json.dumps([c.rng.choice(TITLES), c.rng.choice(TITLES)])
    p = c.person
    body = c.rng.choice([
        "Thanks, that fixed it for me.",
        "Have you cleared the cache? <C>php flarum cache:clear</C>",
        f"{_mention(c)} could you take a look?", "Same problem here on 1.8.5.",
        f"You can reach me at {p['email']} if you need the logs.",
        f"I'm {p['first']}, living in {p['f'].city()}, new here 👋",
        "+1", "", "Please read the FAQ before posting.",
        f"Call me: {G['phone'](c)}", "Closed as duplicate."])
    return f"<r><p>{body}</p></r>" if body else "<t></t>"


def _notif_data(c):  # type: ignore[no-untyped-def]
    t = c.row.get("type")
    if t == "discussionRenamed":
        return json.dumps({"postNumber": c.rng.randint(1, 20)}).encode()
    if t == "userMentioned":
        return None
    return json.dumps({"oldTitle": c.rng.choice(TITLES)}).encode() if c.rng.random() < 0.3 \
        else None


def _payload(c):  # type: ignore[no-untyped-def]
    p = c.person
    return json.dumps({"id": c.rng.randint(10**6, 10**9), "login": p["username"],
                       "name": f"{p['first']} {p['last']}", "email": p["email"],
                       "avatar_url": f"https://avatars.githubusercontent.com/u/"
                                     f"{c.rng.randint(10**5, 10**8)}?v=4"}, ensure_ascii=False)


def _user_attrs(c):  # type: ignore[no-untyped-def]
    p = c.person
    return json.dumps({"username": p["username"], "email": p["email"],
                       "avatar_url": None}, ensure_ascii=False)


def _identifier(c):  # type: ignore[no-untyped-def]
    prov = c.row.get("provider")
    if prov == "google":
        return str(c.rng.randint(10**20, 10**21 - 1))
    if prov == "discord":
        return str(c.rng.randint(10**17, 10**18 - 1))
    return str(c.rng.randint(10**5, 10**8))


def _settings_value(c):  # type: ignore[no-untyped-def]
    k = c.row.get("key", "")
    if k == "mail_from":
        return "noreply@forum.example.org"
    if k == "mail_smtp_password":
        return token_of(20, "alnum")(c)
    if k == "forum_title":
        return "Example Community"
    return c.rng.choice(["1", "0", "en", "#4D698E", "", '["flarum-tags","flarum-likes"]'])


SETTING_KEYS = ["allow_post_editing", "allow_renaming", "allow_sign_up", "custom_less",
                "default_locale", "default_route", "extensions_enabled", "forum_title",
                "forum_description", "mail_driver", "mail_from", "mail_smtp_password",
                "mail_smtp_host", "theme_colored_header", "theme_dark_mode",
                "theme_primary_color", "version", "welcome_message", "welcome_title",
                "show_language_selector"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("username", S(100), "username", nullable=False, unique=True),
          col("email", S(150), "email", nullable=False, unique=True),
          col("is_email_confirmed", B, "bool", nullable=False),
          col("password", S(100), password_hash, nullable=False, style="bcrypt"),
          col("avatar_url", S(100), _avatar, null=0.6),
          col("preferences", blob(), _prefs, null=0.2),
          col("joined_at", TS, _ts, null=0.02),
          col("last_seen_at", TS, _ts, null=0.15),
          col("marked_all_as_read_at", TS, _ts, null=0.7),
          col("read_notifications_at", TS, _ts, null=0.5),
          col("discussion_count", I, "int", nullable=False, lo=0, hi=40),
          col("comment_count", I, "int", nullable=False, lo=0, hi=500))
    table(md, "groups", 5,
          col("id", I, pk=True, auto=True),
          col("name_singular", S(100), "choice", nullable=False,
              values=["Admin", "Guest", "Member", "Mod", "Beta tester"], unique=True),
          col("name_plural", S(100), lambda c: f"{c.row['name_singular']}s", nullable=False),
          col("color", S(20), "choice", values=["#B72A2A", "#80349E", "#2A6FB7"], null=0.4),
          col("icon", S(100), "choice", values=["fas fa-wrench", "fas fa-bolt", ""], null=0.3),
          col("is_hidden", B, "bool", nullable=False))
    table(md, "group_user", 90,
          col("user_id", I, pk=True, fk="users.id"),
          col("group_id", I, pk=True, fk="groups.id"))
    table(md, "group_permission", 30,
          col("group_id", I, pk=True, fk="groups.id"),
          col("permission", S(100), "choice", pk=True, values=[
              "viewForum", "startDiscussion", "discussion.reply", "discussion.hide",
              "discussion.editPosts", "user.viewLastSeenAt", "viewIpsPosts", "searchUsers",
              "discussion.likePosts", "user.suspend"]))
    table(md, "access_tokens", 150,
          col("id", I, pk=True, auto=True),
          col("token", S(40), token_of(40, "alnum"), nullable=False, unique=True),
          col("user_id", I, fk="users.id", nullable=False),
          col("last_activity_at", TS, _ts, nullable=False),
          col("created_at", TS, _ts, nullable=False),
          col("type", S(100), "choice", nullable=False,
              values=["session", "session_remember", "developer"]),
          col("title", S(150), "choice", values=["CI bot", "Home Assistant", "backup script"],
              null=0.9),
          col("last_ip_address", S(45), "ip", null=0.2),
          col("last_user_agent", S(255), "user_agent", null=0.2))
    table(md, "api_keys", 6,
          col("key", S(100), token_of(40, "alnum"), nullable=False, unique=True),
          col("id", I, pk=True, auto=True),
          col("allowed_ips", S(255), "choice", values=["127.0.0.1", "10.0.0.0/8"], null=0.7),
          col("scopes", S(255), "choice", values=["*"], null=0.8),
          col("user_id", I, fk="users.id", null=0.5),
          col("created_at", TS, _ts, nullable=False),
          col("last_activity_at", TS, _ts, null=0.3))
    table(md, "email_tokens", 25,
          col("token", S(100), token_of(40, "alnum"), pk=True),
          col("email", S(150), "email", nullable=False),
          col("user_id", I, fk="users.id", nullable=False),
          col("created_at", TS, _ts, null=0.1))
    table(md, "password_tokens", 20,
          col("token", S(100), token_of(40, "alnum"), pk=True),
          col("user_id", I, fk="users.id", nullable=False),
          col("created_at", TS, _ts, null=0.1))
    table(md, "registration_tokens", 15,
          col("token", S(100), token_of(40, "alnum"), pk=True),
          col("payload", T, _payload, null=0.1),
          col("created_at", TS, _ts, null=0.1),
          col("provider", S(255), "choice", nullable=False, values=["github", "google",
                                                                     "discord"]),
          col("identifier", S(255), _identifier, nullable=False),
          col("user_attributes", T, _user_attrs, null=0.2))
    table(md, "login_providers", 45,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id", nullable=False),
          col("provider", S(100), "choice", nullable=False, values=["github", "google",
                                                                     "discord"]),
          col("identifier", S(100), _identifier, nullable=False),
          col("created_at", TS, _ts, null=0.1),
          col("last_login_at", TS, _ts, null=0.3),
          sa.UniqueConstraint("provider", "identifier"))
    table(md, "discussions", N_DISC,
          col("id", I, pk=True, auto=True),
          col("title", S(200), "choice", nullable=False, values=TITLES),
          col("comment_count", I, "int", nullable=False, lo=1, hi=40),
          col("participant_count", I, "int", nullable=False, lo=0, hi=15),
          col("post_number_index", I, "int", nullable=False, lo=0, hi=40),
          col("created_at", TS, _ts, nullable=False),
          col("user_id", I, fk="users.id", null=0.05),
          col("first_post_id", I, "int", null=0.05, lo=1, hi=N_POSTS),
          col("last_posted_at", TS, _ts, null=0.05),
          col("last_posted_user_id", I, fk="users.id", null=0.1),
          col("last_post_id", I, "int", null=0.05, lo=1, hi=N_POSTS),
          col("last_post_number", I, "int", null=0.05, lo=1, hi=40),
          col("hidden_at", TS, _ts, null=0.9),
          col("hidden_user_id", I, fk="users.id", null=0.9),
          col("slug", S(255), "slug", nullable=False),
          col("is_private", B, "bool", nullable=False))
    table(md, "posts", N_POSTS,
          col("id", I, pk=True, auto=True),
          col("discussion_id", I, fk="discussions.id", nullable=False),
          col("number", I, "int", null=0.02, lo=1, hi=60),
          col("created_at", TS, _ts, nullable=False),
          col("user_id", I, fk="users.id", null=0.05),
          col("type", S(100), "choice", null=0.01,
              values=["comment"] * 9 + ["discussionRenamed", "discussionStickied"]),
          col("content", mediumtext(), _content, null=0.02),
          col("edited_at", TS, _ts, null=0.8),
          col("edited_user_id", I, fk="users.id", null=0.8),
          col("hidden_at", TS, _ts, null=0.92),
          col("hidden_user_id", I, fk="users.id", null=0.92),
          col("ip_address", S(45), "ip", null=0.15),
          col("is_private", B, "bool", nullable=False),
          sa.UniqueConstraint("discussion_id", "number"))
    table(md, "discussion_user", 200,
          col("user_id", I, pk=True, fk="users.id"),
          col("discussion_id", I, pk=True, fk="discussions.id"),
          col("last_read_at", TS, _ts, null=0.1),
          col("last_read_post_number", I, "int", null=0.1, lo=1, hi=40))
    table(md, "post_user", 220,
          col("post_id", I, pk=True, fk="posts.id"),
          col("user_id", I, pk=True, fk="users.id"))
    table(md, "notifications", 240,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users.id", nullable=False),
          col("from_user_id", I, fk="users.id", null=0.1),
          col("type", S(100), "choice", nullable=False,
              values=["newPost", "userMentioned", "postLiked", "discussionRenamed"]),
          col("subject_id", I, "int", null=0.05, lo=1, hi=N_POSTS),
          col("data", blob(), _notif_data, null=0.3),
          col("created_at", TS, _ts, nullable=False),
          col("is_deleted", B, "bool", nullable=False),
          col("read_at", TS, _ts, null=0.4))
    table(md, "settings", len(SETTING_KEYS),
          col("key", S(100), lambda c: SETTING_KEYS[c.index], pk=True),
          col("value", T, _settings_value, null=0.05))
    return md
