"""Lemmy (Rust link aggregator of the fediverse, PostgreSQL): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables are those the Diesel
schema ``crates/db_schema_file/src/schema.rs`` declares (generated from the database
after all migrations), 15 of its 56 tables, column subsets of ``local_user``,
``community``, ``post`` and ``comment`` (``sent_activity`` without its ``send_inboxes``
array). Types
as declared: ``Varchar`` with its ``max_length``, ``Text``, ``Timestamptz``; the
PostgreSQL enum types are ``VARCHAR`` with their values (``ENUM`` on MariaDB), the
``ltree`` comment path is text. Lemmy runs on PostgreSQL only: on MariaDB the text
primary keys (``login_token.token``, ``local_image.pictrs_alias``) are ``VARCHAR(255)``.
Foreign keys as ``joinable!`` lists them, plus the second person references the
migrations declare (``private_message.recipient_id``,
``modlog.mod_id``/``target_person_id``); ``oauth_provider`` is not included, its
reference is a value.

Tables: instances (domains), persons (local and remote actors: the username in ``ap_id``
and ``inbox_url``, a bio, a Matrix id, the RSA private key of local users), local users
(e-mail, bcrypt hash, TOTP secret, who invited them), communities (with their own key
pair), posts and comments (bodies that sometimes name, mention or contact someone),
private messages, login tokens (JWT with IP and user agent), password-reset and e-mail
verification tokens, registration applications (the applicant's answer about
themselves), OAuth accounts (the id at the provider), uploaded images, the moderation
log (reasons that sometimes name a person) and the federation outbox
(``sent_activity.data``: the ActivityPub JSON with actor URLs and content).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import STATUS_POSTS, SUPPORT_MESSAGES, col, datetimes, enum, json_, table
from ..gen import with_params as _p

SOURCE = {"repo": "LemmyNet/lemmy", "path": "crates/db_schema_file/src/schema.rs",
          "commit": "439734dd638a2c06a2f907beab7dcf4646e88f86"}
PERSON_TABLES = ("person", "local_user")

V = sa.String
T = sa.Text
TPK = sa.Text().with_variant(mysql.VARCHAR(255), "mysql", "mariadb")
TZ = sa.DateTime(timezone=True)
I = sa.Integer  # noqa: E741
I2 = sa.SmallInteger
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
F4 = sa.Float

N_INSTANCE = 8
N_PERSON = 120
N_LOCAL = 50
N_COMMUNITY = 12
N_POST = 200
N_COMMENT = 400
DOMAINS = ["lemmy.example", "lemmy.world", "feddit.de", "sh.itjust.works", "beehaw.org",
           "mastodon.social", "programming.dev", "lemmy.ml"]
SOFTWARE = ["lemmy", "lemmy", "lemmy", "lemmy", "lemmy", "mastodon", "lemmy", "lemmy"]
COMMUNITIES = ["linux", "asklemmy", "selfhosted", "books", "photography", "rust",
               "privacy", "gardening", "memes", "cooking", "news", "bicycles"]
SORTS = ("Active", "Hot", "New", "Old", "TopDay", "MostComments", "Controversial", "Scaled")
LISTINGS = ("All", "Local", "Subscribed", "ModeratorView")


_ts = datetimes(2019, 2025)


def _pem(kind):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        body = base64.b64encode(bytes(c.rng.getrandbits(8) for _ in range(
            180 if kind == "PUBLIC" else 600))).decode()
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN {kind} KEY-----\n{lines}\n-----END {kind} KEY-----\n"
    return g


def _person_name(c):  # type: ignore[no-untyped-def]
    # the first N_LOCAL persons are the local users' (local_user.person_id = id)
    local = c.index < N_LOCAL
    c.row["_domain"] = DOMAINS[0] if local else c.rng.choice(DOMAINS[1:])
    c.row["_local"] = local
    return c.person["username"].replace(".", "_")


def _pictrs(c):  # type: ignore[no-untyped-def]
    return f"https://{DOMAINS[0]}/pictrs/image/{G['uuid_str'](c)}." \
           f"{c.rng.choice(['png', 'jpeg', 'webp'])}"


BIOS = ["", "Linux enthusiast, cyclist, tea drinker.", "he/him | {city}",
        "I'm {first}, software developer from {city}. Matrix: @{username}:matrix.org",
        "Mostly lurking.", "Contact: {email}", "Photographer 📷 Views are my own.",
        "Ich heiße {first} {last}, schreibt mir gern!"]


def _body(texts):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return G["template"](_p(c, texts=texts))
    return g


POST_TITLES = ["What's your favourite distro and why?", "Weekly self-hosting thread",
               "My balcony tomatoes this year", "New release: 0.19.5", "Book recommendations?",
               "Found this old camera at a flea market", "PSA: update your server",
               "Just finished my first 100 km ride", "Help with Docker networking",
               "In memory of {first} {last}, our longtime moderator"]
POST_BODIES = STATUS_POSTS + ["", "", "See the link.", "Edit: solved, thanks @{username}!"]
COMMENT_BODIES = STATUS_POSTS + SUPPORT_MESSAGES + ["Same here.", "This is the way.",
                                                    "@{username} you might like this"]
PM_BODIES = ["Hi! Are you the {first} from the {city} meetup?",
             "Sure, my e-mail is {email}", "Thanks for the help yesterday.",
             "Can you call me at {phone}?", "No worries :)", "Sent you the file.",
             "I'm {first} {last}, we talked in the bicycles thread."]
ANSWERS = ["I want to join the {city} community. I'm {first}, 34, a nurse.",
           "Found you via a friend ({first2} {last2}). I mostly want to read.",
           "I like Linux and cooking.", "Please let me in, my email is {email}",
           "Moving from reddit.", "I run a small bakery in {city} and want to post recipes."]
REASONS = ["spam", "Rule 1: be civil", "ban evasion", "", "off-topic",
           "doxxing: posted the home address of {first} {last}", "bot account",
           "harassing {first2} {last2} in DMs", "NSFW without tag"]


def _modlog_kind(c):  # type: ignore[no-untyped-def]
    k = c.rng.choice(["ModRemovePost", "ModRemoveComment", "ModBanFromCommunity",
                      "AdminBan", "ModLockPost", "ModFeaturePost", "ModAddToCommunity",
                      "AdminPurgePerson"])
    c.row["_kind"] = k
    return k


def _modlog_person(c):  # type: ignore[no-untyped-def]
    if c.row["_kind"] in ("ModBanFromCommunity", "AdminBan", "ModAddToCommunity",
                          "AdminPurgePerson") or c.rng.random() < 0.3:
        return c.rng.randint(1, N_PERSON)
    return None


def _activity(c):  # type: ignore[no-untyped-def]
    p = c.person
    kind = c.rng.choices(["person", "community", "site"], [70, 25, 5])[0]
    c.row["_atype"] = kind
    if kind == "person":
        actor = f"https://{DOMAINS[0]}/u/{p['username'].replace('.', '_')}"
    elif kind == "community":
        actor = f"https://{DOMAINS[0]}/c/{c.rng.choice(COMMUNITIES)}"
    else:
        actor = f"https://{DOMAINS[0]}/"
    c.row["_actor"] = actor
    aid = f"https://{DOMAINS[0]}/activities/{c.rng.choice(['create', 'like', 'follow'])}/" \
          f"{G['uuid_str'](c)}"
    obj = {"type": "Note", "id": f"https://{DOMAINS[0]}/comment/{c.rng.randint(1, N_COMMENT)}",
           "attributedTo": actor, "content": _body(COMMENT_BODIES)(c),
           "to": ["https://www.w3.org/ns/activitystreams#Public"]}
    c.row["_data"] = {"@context": ["https://join-lemmy.org/context.json",
                                   "https://www.w3.org/ns/activitystreams"],
                      "type": "Create", "id": aid, "actor": actor, "object": obj}
    return aid


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "instance", N_INSTANCE,
          col("id", I, pk=True, auto=True),
          col("domain", V(255), lambda c: DOMAINS[c.index], unique=True),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.3),
          col("software", V(255), lambda c: SOFTWARE[c.index], null=0.1),
          col("version", V(255), lambda c: c.rng.choice(["0.19.5", "0.19.3", "4.2.10"]),
              null=0.1))
    table(md, "person", N_PERSON,
          col("id", I, pk=True, auto=True),
          col("name", V(255), _person_name),
          col("display_name", V(50), "display_name", null=0.5),
          col("avatar", T, _pictrs, null=0.6),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.5),
          col("ap_id", V(255), lambda c: f"https://{c.row['_domain']}/u/{c.row['name']}",
              unique=True),
          col("bio", T, _body(BIOS), null=0.5),
          col("local", B, lambda c: c.row["_local"]),
          col("private_key", T, lambda c: _pem("PRIVATE")(c) if c.row["_local"] else None,
              nullable=True),
          col("public_key", T, _pem("PUBLIC")),
          col("last_refreshed_at", TZ, _ts),
          col("banner", T, _pictrs, null=0.85),
          col("deleted", B, lambda c: c.rng.random() < 0.03),
          col("inbox_url", V(255), lambda c: f"{c.row['ap_id']}/inbox"),
          col("matrix_user_id", T, lambda c: f"@{c.row['name']}:matrix.org", null=0.8),
          col("bot_account", B, lambda c: c.rng.random() < 0.04),
          col("instance_id", I, lambda c: 1 if c.row["_local"] else
              c.rng.randint(2, N_INSTANCE), fk="instance.id"),
          col("post_count", I, "int", lo=0, hi=300),
          col("post_score", I, "int", lo=0, hi=5000),
          col("comment_count", I, "int", lo=0, hi=2000),
          col("comment_score", I, "int", lo=0, hi=9000))
    table(md, "local_user", N_LOCAL,
          col("id", I, pk=True, auto=True),
          col("person_id", I, lambda c: c.index + 1, fk="person.id", unique=True),
          col("password_encrypted", T, "password_hash", style="bcrypt", null=0.1),
          col("email", T, "email", null=0.15, unique=True),
          col("show_nsfw", B, lambda c: c.rng.random() < 0.2),
          col("theme", T, "choice", values=["browser", "browser", "darkly", "litely"]),
          col("default_post_sort_type", enum(*SORTS), "choice", values=list(SORTS)),
          col("default_listing_type", enum(*LISTINGS), "choice", values=list(LISTINGS[:3])),
          col("interface_language", V(20), "choice", values=["browser", "en", "de", "fr",
                                                             "ja", "pt_BR"]),
          col("show_avatars", B, lambda c: c.rng.random() < 0.9),
          col("send_notifications_to_email", B, lambda c: c.rng.random() < 0.3),
          col("email_verified", B, lambda c: c.rng.random() < 0.8),
          col("accepted_application", B, lambda c: c.rng.random() < 0.9),
          col("totp_2fa_secret", T, lambda c: "".join(
              c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(32)),
              null=0.8),
          col("totp_2fa_enabled", B, lambda c: c.rng.random() < 0.15),
          col("admin", B, lambda c: c.index == 0),
          col("private_messages_enabled", B, lambda c: c.rng.random() < 0.9),
          col("last_donation_notification_at", TZ, _ts),
          col("invited_by_local_user_id", I, lambda c: c.rng.randint(1, c.index) if
              c.index and c.rng.random() < 0.2 else None, nullable=True))
    table(md, "community", N_COMMUNITY,
          col("id", I, pk=True, auto=True),
          col("name", V(255), lambda c: COMMUNITIES[c.index]),
          col("title", V(50), lambda c: COMMUNITIES[c.index].capitalize(), null=0.1),
          col("sidebar", T, lambda c: "Be nice. No spam. Mods: see the modlog.", null=0.4),
          col("removed", B, lambda c: False),
          col("published_at", TZ, _ts),
          col("deleted", B, lambda c: False),
          col("nsfw", B, lambda c: c.index == 8),
          col("ap_id", V(255), lambda c: f"https://{DOMAINS[0]}/c/{COMMUNITIES[c.index]}",
              unique=True),
          col("local", B, lambda c: True),
          col("private_key", T, _pem("PRIVATE")),
          col("public_key", T, _pem("PUBLIC")),
          col("inbox_url", V(255), lambda c: f"{c.row['ap_id']}/inbox"),
          col("instance_id", I, lambda c: 1, fk="instance.id"),
          col("visibility", enum("Public", "Unlisted", "LocalOnlyPublic", "LocalOnlyPrivate",
                                 "Private"), "choice", values=["Public", "Public", "Private"]),
          col("summary", V(150), "lorem", words=8, null=0.5),
          col("subscribers", I, "int", lo=10, hi=50000))
    table(md, "post", N_POST,
          col("id", I, pk=True, auto=True),
          col("name", V(200), _body(POST_TITLES)),
          col("url", V(2000), "url", null=0.6),
          col("body", T, _body(POST_BODIES), null=0.2),
          col("creator_id", I, fk="person.id"),
          col("community_id", I, fk="community.id"),
          col("removed", B, lambda c: c.rng.random() < 0.03),
          col("locked", B, lambda c: c.rng.random() < 0.03),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.7),
          col("deleted", B, lambda c: c.rng.random() < 0.03),
          col("nsfw", B, lambda c: c.rng.random() < 0.05),
          col("thumbnail_url", T, _pictrs, null=0.7),
          col("ap_id", V(255), lambda c: f"https://{DOMAINS[0]}/post/{c.index + 1}",
              unique=True),
          col("local", B, lambda c: c.rng.random() < 0.7),
          col("alt_text", T, lambda c: c.rng.choice(["A photo of a tomato plant",
                                                    "Screenshot of a terminal"]), null=0.85),
          col("score", I, "int", lo=-5, hi=900))
    table(md, "comment", N_COMMENT,
          col("id", I, pk=True, auto=True),
          col("creator_id", I, fk="person.id"),
          col("post_id", I, fk="post.id"),
          col("content", T, _body(COMMENT_BODIES)),
          col("removed", B, lambda c: c.rng.random() < 0.03),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.8),
          col("deleted", B, lambda c: c.rng.random() < 0.03),
          col("ap_id", V(255), lambda c: f"https://{DOMAINS[0]}/comment/{c.index + 1}",
              unique=True),
          col("local", B, lambda c: c.rng.random() < 0.7),
          col("path", T, lambda c: "0." + "".join(
              f"{c.rng.randint(1, c.index)}." for _ in range(c.rng.randint(0, 2))
              if c.index) + str(c.index + 1)),
          col("distinguished", B, lambda c: c.rng.random() < 0.02),
          col("score", I, "int", lo=-5, hi=300),
          col("community_id", I, fk="community.id"))
    table(md, "private_message", 120,
          col("id", I, pk=True, auto=True),
          col("creator_id", I, fk="person.id"),
          col("recipient_id", I, fk="person.id"),
          col("content", T, _body(PM_BODIES)),
          col("deleted", B, lambda c: c.rng.random() < 0.05),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.9),
          col("ap_id", V(255), lambda c: f"https://{DOMAINS[0]}/private_message/"
              f"{c.index + 1}", unique=True),
          col("local", B, lambda c: c.rng.random() < 0.8),
          col("removed", B, lambda c: False),
          col("deleted_by_recipient", B, lambda c: c.rng.random() < 0.05))
    table(md, "login_token", 80,
          col("token", TPK, lambda c: "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9." + base64.
              urlsafe_b64encode(json.dumps({"sub": str(c.rng.randint(1, N_LOCAL)),
                                            "iss": DOMAINS[0],
                                            "iat": c.rng.randint(1_650_000_000,
                                                                 1_760_000_000)}).encode())
              .decode().rstrip("=") + "." + G["token"](_p(c, n=43, style="url")), pk=True),
          col("user_id", I, fk="local_user.id"),
          col("published_at", TZ, _ts),
          col("ip", T, "ip", null=0.1),
          col("user_agent", T, "user_agent", null=0.1))
    table(md, "password_reset_request", 20,
          col("id", I, pk=True, auto=True),
          col("token", T, "token", n=32, style="url"),
          col("published_at", TZ, _ts),
          col("local_user_id", I, fk="local_user.id"))
    table(md, "email_verification", 25,
          col("id", I, pk=True, auto=True),
          col("local_user_id", I, fk="local_user.id"),
          col("email", T, "email"),
          col("verification_token", T, "uuid_str"),
          col("published_at", TZ, _ts))
    table(md, "registration_application", 40,
          col("id", I, pk=True, auto=True),
          col("local_user_id", I, fk="local_user.id", unique=True),
          col("answer", T, _body(ANSWERS)),
          col("admin_id", I, lambda c: 1 if c.rng.random() < 0.7 else None, fk="person.id",
              nullable=True),
          col("deny_reason", T, lambda c: c.rng.choice(["Spam", "Answer too short"]),
              null=0.85),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.3))
    table(md, "oauth_account", 15,
          col("local_user_id", I, fk="local_user.id", pk=True),
          col("oauth_provider_id", I, "choice", values=[1, 2], pk=True),
          col("oauth_user_id", T, lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.row["oauth_provider_id"] == 1 else G["uuid_str"](c)),
          col("published_at", TZ, _ts),
          col("updated_at", TZ, _ts, null=0.5))
    table(md, "local_image", 100,
          col("pictrs_alias", TPK, lambda c: f"{G['uuid_str'](c)}."
              f"{c.rng.choice(['png', 'jpeg', 'webp'])}", pk=True),
          col("published_at", TZ, _ts),
          col("person_id", I, fk="person.id", null=0.1),
          col("thumbnail_for_post_id", I, fk="post.id", null=0.7))
    table(md, "modlog", 80,
          col("id", I, pk=True, auto=True),
          col("kind", enum("ModRemovePost", "ModRemoveComment", "ModBanFromCommunity",
                           "AdminBan", "ModLockPost", "ModFeaturePost", "ModAddToCommunity",
                           "AdminPurgePerson"), _modlog_kind),
          col("is_revert", B, lambda c: c.rng.random() < 0.1),
          col("mod_id", I, lambda c: c.rng.randint(1, 5), fk="person.id"),
          col("reason", T, _body(REASONS), null=0.2),
          col("target_person_id", I, _modlog_person, fk="person.id", nullable=True),
          col("target_community_id", I, fk="community.id", null=0.2),
          col("target_post_id", I, fk="post.id", null=0.5),
          col("target_comment_id", I, fk="comment.id", null=0.7),
          col("target_instance_id", I, fk="instance.id", null=0.95),
          col("expires_at", TZ, _ts, null=0.8),
          col("published_at", TZ, _ts),
          col("bulk_action_parent_id", I, lambda c: None, nullable=True),
          col("child_count", I, lambda c: 0))
    table(md, "sent_activity", 150,
          col("id", BI, pk=True, auto=True),
          col("ap_id", TPK, _activity, unique=True),
          col("data", json_(), lambda c: c.row["_data"]),
          col("sensitive", B, lambda c: c.rng.random() < 0.1),
          col("published_at", TZ, _ts),
          col("send_community_followers_of", I, lambda c: c.rng.randint(1, N_COMMUNITY)
              if c.row["_atype"] == "community" else None, nullable=True),
          col("send_all_instances", B, lambda c: c.row["_atype"] == "site"),
          col("actor_type", enum("site", "community", "person"), lambda c: c.row["_atype"]),
          col("actor_apub_id", T, lambda c: c.row["_actor"], null=0.05))
    return md
