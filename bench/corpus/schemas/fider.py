"""Fider (customer feedback boards, Go, PostgreSQL): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables as all 95 SQL migrations in ``migrations/``
leave them at one commit (applied in order to a scratch PostgreSQL database and read back
from its catalogue): ``tenants``, ``users``, ``user_providers``, ``user_settings``,
``email_verifications``, ``posts``, ``comments``, ``post_votes``, ``post_subscribers``,
``tags``, ``post_tags``, ``notifications``, ``events``, ``reactions``, ``attachments``,
``blobs``: 16 tables, every column except ``posts.search`` (a PostgreSQL ``tsvector``).
Not included: ``oauth_providers``, ``tenants_billing``, ``tenant_providers``,
``mention_notifications``, ``webhooks``, ``logs``, ``system_settings``.

Foreign keys as declared, most of them composite with the tenant (``(user_id,
tenant_id) -> users(id, tenant_id)``); declared here in the order of the referenced unique
index, ``(tenant_id, user_id) -> users(tenant_id, id)``, which MariaDB requires and is the
same constraint. One tenant (a self-hosted board), as composite keys need every row of a
tenant to point within it. References the migrations do not declare
(``posts.response_user_id``, ``comments``' ``edited_by_id`` is declared) are values.

Values: the board; users with names in many scripts, e-mails (empty for some OAuth users),
hashed API keys for a few, avatar blob keys, security stamps; the users' ids at Google,
GitHub or Facebook; e-mail verifications for sign-in, sign-up and e-mail change (the
e-mail, the name given at sign-up, the key and a six-digit code); feature requests and
comments in English prose that name colleagues or customers or give an e-mail in ~10%,
staff responses; votes, subscriptions, tags; notifications whose titles name the author
(``**<name>** left a comment on **<title>**``) and link to the post; events with client
IPs; reactions; attachments; blobs with avatars (portraits) and screenshots.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, inet, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "getfider/fider", "path": "migrations/*.sql",
          "commit": "67c52826cca176724a59dd58b9795e1bc8d67bc8"}
SOURCES = {"migrations/": "67c52826cca176724a59dd58b9795e1bc8d67bc8"}
PERSON_TABLES = ("users",)

INT = sa.Integer
SI = sa.SmallInteger
B = sa.Boolean
TS = sa.DateTime(timezone=True)
T = sa.Text
_ts = datetimes(2018, 2025)
N_USERS = 150
N_POSTS = 120

IDEAS = ["Dark mode", "Export to CSV", "Single sign-on with Okta", "Slack integration",
         "Mobile app", "Keyboard shortcuts", "Bulk edit", "Two-factor authentication",
         "Better search", "API rate limit increase", "Custom fields", "Webhooks for invoices",
         "Calendar view", "Offline mode", "Multiple workspaces", "German translation"]
PROSE = ["It would be great to have this, our team asks for it every week.",
         "Currently we work around it with a spreadsheet.",
         "This is the main reason we have not upgraded to the paid plan yet.",
         "Please consider this for the next release.",
         "Same problem here, especially on large accounts."]


def _owned(c):  # type: ignore[no-untyped-def]
    """Prose naming someone in ~10%: a customer's name or a colleague's e-mail."""
    r = c.rng.random()
    q = new_person(c)
    if r < 0.05:
        return f"Our customer {q['first']} {q['last']} asked for this again today."
    if r < 0.1:
        return f"Ping me at {q['email']} when this ships."
    return c.rng.choice(PROSE)


def _title(c):  # type: ignore[no-untyped-def]
    t = c.rng.choice(IDEAS)
    t = t if c.index < len(IDEAS) else f"{t} ({c.index})"
    c.row["_title"] = t
    return t


def _slug(c):  # type: ignore[no-untyped-def]
    return c.row["_title"].lower().replace(" ", "-").replace("(", "").replace(")", "")


def _notif_title(c):  # type: ignore[no-untyped-def]
    p = c.person
    t = c.rng.choice(IDEAS)
    kind = c.rng.choice(["left a comment on", "created a new post", "mentioned you in"])
    c.row["_n"] = c.rng.randint(1, N_POSTS)
    return f"**{p['first']} {p['last']}** {kind} **{t}**"


def _email(c):  # type: ignore[no-untyped-def]
    return "" if c.rng.random() < 0.05 else c.person["email"]


def _blob_key(c):  # type: ignore[no-untyped-def]
    kind = "avatars" if c.rng.random() < 0.4 else "attachments"
    c.row["_kind"] = kind
    name = "avatar.jpg" if kind == "avatars" else c.rng.choice(["screenshot.png",
                                                                "image.png", "mockup.jpg"])
    return f"{kind}/{G['token'](_p(c, n=64, style='url'))}-{name}"


def _tenant_fk(*cols: str, ref: str) -> sa.ForeignKeyConstraint:
    """A composite key with the tenant, ordered as the referenced unique index."""
    return sa.ForeignKeyConstraint(["tenant_id", *cols], [f"{ref}.tenant_id", f"{ref}.id"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "tenants", 1,
          col("id", INT, pk=True, auto=True),
          col("name", sa.String(60), "const", value="Acme Feedback"),
          col("subdomain", sa.String(40), "const", value="acme", unique=True),
          col("created_at", TS, _ts),
          col("cname", sa.String(100), "const", value="feedback.acme.example", nullable=True),
          col("invitation", sa.String(100), "const", value="", nullable=True),
          col("welcome_message", T, "const", value="Tell us how we can improve Acme.",
              nullable=True),
          col("status", INT, "const", value=1),
          col("is_private", B, "const", value=False),
          col("custom_css", T, "const", value=""),
          col("logo_bkey", sa.String(512), "const", value="logos/acme-logo.png"),
          col("locale", sa.String(10), "const", value="en"),
          col("is_email_auth_allowed", B, "const", value=True),
          col("is_feed_enabled", B, "const", value=True),
          col("prevent_indexing", B, "const", value=False),
          col("allowed_schemes", T, "const", value=""),
          col("is_moderation_enabled", B, "const", value=False),
          col("is_pro", B, "const", value=True),
          col("welcome_header", T, "const", value="We'd love to hear from you", nullable=True),
          col("scheduled_deletion_at", TS, lambda c: None, nullable=True),
          col("deletion_requested_by", INT, lambda c: None, nullable=True),
          col("deletion_cancel_key", sa.String(64), lambda c: None, nullable=True),
          col("description_template", T, "const", value=""))
    table(md, "users", N_USERS,
          col("id", INT, pk=True, auto=True),
          col("name", sa.String(100), "display_name", nullable=True),
          col("email", sa.String(200), _email),
          col("created_at", TS, _ts),
          col("tenant_id", INT, fk="tenants.id", nullable=True),
          col("role", INT, lambda c: 3 if c.index == 0 else c.rng.choice([1] * 12 + [2, 3])),
          col("status", INT, "choice", values=[1, 1, 1, 1, 2, 3]),
          col("api_key", sa.String(64), lambda c: G["token"](_p(c, n=64)), null=0.95),
          col("api_key_date", TS, _ts, null=0.95),
          col("avatar_type", SI, "choice", values=[1, 2, 2, 3]),
          col("avatar_bkey", sa.String(512), lambda c: "" if c.rng.random() < 0.85 else
              f"avatars/{G['token'](_p(c, n=64, style='url'))}-avatar.jpg"),
          col("email_supressed_at", TS, _ts, null=0.97),
          col("is_trusted", B, "choice", values=[False, False, False, True]),
          col("security_stamp", sa.String(64), lambda c: G["token"](_p(c, n=64))),
          sa.UniqueConstraint("tenant_id", "id", name="user_id_tenant_id_key"))
    table(md, "user_providers", 80,
          col("user_id", INT, ref="users.id", pk=True),
          col("provider", sa.String(40), "choice", values=["google", "github", "facebook"],
              pk=True),
          col("provider_uid", sa.String(100), lambda c: str(c.rng.randint(10**5, 10**21))),
          col("created_at", TS, _ts),
          col("tenant_id", INT, fk="tenants.id"),
          _tenant_fk("user_id", ref="users"))
    table(md, "user_settings", 200,
          col("id", INT, pk=True, auto=True),
          col("user_id", INT, ref="users.id"),
          col("key", sa.String(100), "choice", values=[
              "event_notification_new_post", "event_notification_new_comment",
              "event_notification_change_status", "event_notification_mention"]),
          col("value", sa.String(100), "choice", values=["1", "2", "3", "0"], nullable=True),
          col("tenant_id", INT, fk="tenants.id"),
          _tenant_fk("user_id", ref="users"),
          sa.UniqueConstraint("user_id", "key", name="user_settings_uq_key"))
    table(md, "email_verifications", 120,
          col("id", INT, pk=True, auto=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("email", sa.String(200), "email"),
          col("created_at", TS, _ts),
          col("key", sa.String(64), lambda c: G["token"](_p(c, n=64, style="url"))),
          col("verified_at", TS, _ts, null=0.4),
          col("name", sa.String(200), "full_name", null=0.5),
          col("expires_at", TS, _ts),
          col("kind", SI, "choice", values=[1, 2, 3, 4]),
          col("user_id", INT, ref="users.id", null=0.6),
          col("code", sa.String(6), lambda c: f"{c.rng.randint(0, 999999):06d}", null=0.5),
          col("attempts", SI, "int", lo=0, hi=3),
          _tenant_fk("user_id", ref="users"),
          sa.UniqueConstraint("tenant_id", "key", name="email_verifications_key_idx"))
    table(md, "posts", N_POSTS,
          col("id", INT, pk=True, auto=True),
          col("title", sa.String(100), _title),
          col("description", T, _owned, nullable=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("created_at", TS, _ts),
          col("user_id", INT, fk="users.id", nullable=True),
          col("number", INT, "seq"),
          col("status", INT, "choice", values=[0, 0, 0, 1, 2, 3, 4]),
          col("slug", sa.String(100), _slug),
          col("response", T, lambda c: c.rng.choice(["Planned for Q3.", "Shipped! Thanks.",
                                                     "Duplicate of an older request."]),
              null=0.7),
          col("response_user_id", INT, ref="users.id", null=0.7),
          col("response_date", TS, _ts, null=0.7),
          col("original_id", INT, fk="posts.id", null=0.95),
          col("language", T, "const", value="english", nullable=True),
          col("is_approved", B, "const", value=True),
          sa.UniqueConstraint("tenant_id", "id", name="post_id_tenant_id_key"),
          sa.UniqueConstraint("tenant_id", "number", name="post_number_tenant_key"))
    table(md, "comments", 300,
          col("id", INT, pk=True, auto=True),
          col("content", T, _owned, nullable=True),
          col("post_id", INT, ref="posts.id"),
          col("user_id", INT, ref="users.id"),
          col("created_at", TS, _ts),
          col("tenant_id", INT, fk="tenants.id"),
          col("edited_at", TS, _ts, null=0.85),
          col("edited_by_id", INT, ref="users.id", null=0.85),
          col("deleted_at", TS, _ts, null=0.95),
          col("deleted_by_id", INT, ref="users.id", null=0.95),
          col("is_approved", B, "const", value=True),
          _tenant_fk("user_id", ref="users"), _tenant_fk("post_id", ref="posts"),
          _tenant_fk("edited_by_id", ref="users"), _tenant_fk("deleted_by_id", ref="users"))
    table(md, "post_votes", 600,
          col("user_id", INT, ref="users.id", pk=True),
          col("post_id", INT, ref="posts.id", pk=True),
          col("created_at", TS, _ts),
          col("tenant_id", INT, fk="tenants.id"),
          _tenant_fk("post_id", ref="posts"), _tenant_fk("user_id", ref="users"))
    table(md, "post_subscribers", 300,
          col("user_id", INT, ref="users.id", pk=True),
          col("post_id", INT, ref="posts.id", pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("status", SI, "choice", values=[0, 1]),
          col("tenant_id", INT, fk="tenants.id"),
          _tenant_fk("post_id", ref="posts"), _tenant_fk("user_id", ref="users"))
    tags = ["bug", "feature", "ux", "api", "billing", "mobile", "integrations", "security"]
    table(md, "tags", len(tags),
          col("id", INT, pk=True, auto=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("name", sa.String(30), lambda c: tags[c.index].upper()
              if c.index < 4 else tags[c.index].capitalize()),
          col("slug", sa.String(30), lambda c: tags[c.index]),
          col("color", sa.String(6), lambda c: G["token"](_p(c, n=6)).upper()),
          col("is_public", B, "choice", values=[True, True, False]),
          col("created_at", TS, _ts),
          sa.UniqueConstraint("tenant_id", "id", name="tag_id_tenant_id_key"),
          sa.UniqueConstraint("tenant_id", "slug", name="tag_slug_tenant_key"))
    table(md, "post_tags", 150,
          col("tag_id", INT, ref="tags.id", pk=True),
          col("post_id", INT, ref="posts.id", pk=True),
          col("created_at", TS, _ts),
          col("created_by_id", INT, ref="users.id"),
          col("tenant_id", INT, fk="tenants.id"),
          _tenant_fk("created_by_id", ref="users"), _tenant_fk("post_id", ref="posts"),
          _tenant_fk("tag_id", ref="tags"))
    table(md, "notifications", 400,
          col("id", INT, pk=True, auto=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("user_id", INT, ref="users.id"),
          col("title", sa.String(400), _notif_title),
          col("link", sa.String(2048), lambda c: f"/posts/{c.row['_n']}/"
              f"{c.rng.choice(IDEAS).lower().replace(' ', '-')}", nullable=True),
          col("read", B, "bool"),
          col("post_id", INT, lambda c: c.row["_n"]),
          col("author_id", INT, ref="users.id"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          _tenant_fk("user_id", ref="users"), _tenant_fk("author_id", ref="users"),
          _tenant_fk("post_id", ref="posts"))
    table(md, "events", 300,
          col("id", INT, pk=True, auto=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("client_ip", inet(), "ip", null=0.05),
          col("name", sa.String(64), "choice", values=["posts.create", "comments.create",
                                                        "posts.vote", "users.signin",
                                                        "users.signup"]),
          col("created_at", TS, _ts))
    table(md, "reactions", 200,
          col("id", INT, pk=True, auto=True),
          col("emoji", sa.String(8), "choice", values=["👍", "❤️", "🎉", "😄", "🤔", "👀"]),
          col("comment_id", INT, fk="comments.id"),
          col("user_id", INT, fk="users.id"),
          col("created_on", TS, _ts),
          sa.UniqueConstraint("comment_id", "user_id", "emoji", name="unique_reaction"))
    table(md, "attachments", 60,
          col("id", INT, pk=True, auto=True),
          col("tenant_id", INT, fk="tenants.id"),
          col("post_id", INT, fk="posts.id"),
          col("comment_id", INT, fk="comments.id", null=0.6),
          col("user_id", INT, fk="users.id"),
          col("attachment_bkey", sa.String(512), lambda c: f"attachments/"
              f"{G['token'](_p(c, n=64, style='url'))}-"
              f"{c.rng.choice(['screenshot.png', 'image.png', 'mockup.jpg'])}"))
    table(md, "blobs", 80,
          col("id", INT, pk=True, auto=True),
          col("key", sa.String(512), _blob_key),
          col("tenant_id", INT, fk="tenants.id", nullable=True),
          col("size", sa.BigInteger, "int", lo=2_000, hi=900_000),
          col("content_type", sa.String(200), lambda c: "image/jpeg"
              if c.row["_kind"] == "avatars" else "image/png"),
          col("file", sa.LargeBinary().with_variant(postgresql.BYTEA(), "postgresql"),
              "image"),
          col("created_at", TS, _ts),
          col("modified_at", TS, _ts),
          sa.UniqueConstraint("tenant_id", "key", name="blobs_tenant_id_key_key"))
    return md
