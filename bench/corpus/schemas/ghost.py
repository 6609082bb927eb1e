"""Ghost (publishing platform, Node.js): a held-out schema (issue #10), labelled before
any scan and never tuned on. A subset of the tables of ``schema.js``: staff users,
members and their events, Stripe customers, labels, roles, posts, newsletters, settings;
column subsets where noted in the labels. Keys are 24-character hex object ids.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table

SOURCE = {"repo": "TryGhost/Ghost", "path": "ghost/core/core/server/data/schema/schema.js",
          "commit": "df71b5a5f0e60da804338a603e001db355fef0d7"}
PERSON_TABLES = ("users", "members", "members_stripe_customers")

V = sa.String
DT = sa.DateTime


def oid(name: str, **kw):  # type: ignore[no-untyped-def]
    """A Ghost object id: 24 hex characters."""
    if kw.get("pk"):
        return col(name, V(24), "token", n=24, **kw)
    return col(name, V(24), **kw)


def _slug(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return f"{p['username'].lower().replace('.', '-').replace('_', '-')}"


def _bio(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.4:
        return None
    return ctx.rng.choice([
        f"Editor and photographer based in {ctx.person['f'].city()}.",
        "Writes about climate, cities and public transport.",
        f"Former reporter at the {ctx.person['f'].city()} Herald. Coffee first.",
        "Product designer. Opinions are my own.", "Staff writer.",
    ])


def _geolocation(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.3:
        return None
    f = ctx.person["f"]
    return json.dumps({"country": G["country"](ctx), "city": f.city(),
                       "latitude": round(ctx.rng.uniform(-40, 60), 4),
                       "longitude": round(ctx.rng.uniform(-120, 140), 4),
                       "timezone": G["timezone"](ctx)})


def _member_note(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.8:
        return None
    return ctx.rng.choice([
        "Comped for the conference", "VIP supporter", "Refunded in March",
        f"Friend of {ctx.person['first']}, invited by the editor",
        f"Asked to be called on {G['phone'](ctx)} about the renewal",
        "Press account", "Asked for an invoice with VAT number",
    ])


ROLES = ["Administrator", "Editor", "Author", "Contributor", "Owner", "Super Editor"]
LABELS = ["VIP", "Press", "Early supporter", "Import 2023", "Conference", "Newsletter only",
          "Trial", "Partner", "Staff", "Churn risk"]
SETTINGS = [("core", "db_hash", "{hex}"), ("site", "title", "The Example Review"),
            ("site", "description", "Thoughtful writing about cities"),
            ("site", "accent_color", "#FF1A75"), ("site", "locale", "en"),
            ("site", "timezone", "Europe/London"), ("site", "twitter", "@examplereview"),
            ("site", "facebook", "examplereview"),
            ("members", "members_support_address", "noreply"),
            ("members", "members_signup_access", "all"),
            ("email", "email_track_opens", "true"), ("email", "email_track_clicks", "true"),
            ("portal", "portal_button", "true"), ("portal", "portal_name", "true"),
            ("portal", "portal_plans", '["free","monthly","yearly"]'),
            ("labs", "labs", '{"members":true}'), ("theme", "active_theme", "casper"),
            ("private", "is_private", "false"), ("private", "password", ""),
            ("core", "admin_session_secret", "{hex}"), ("core", "members_stripe_webhook_id", ""),
            ("site", "navigation", '[{"label":"Home","url":"/"}]'),
            ("site", "codeinjection_head", ""), ("views", "shared_views", "[]")]
REFERRERS = ["Google", "Twitter", "Facebook", "Direct", "Newsletter", "Hacker News", None]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", 25,
          oid("id", pk=True),
          col("name", V(191), "full_name"),
          col("slug", V(191), _slug, unique=True),
          col("password", V(60), "password_hash", style="bcrypt"),
          col("email", V(191), "email", unique=True),
          col("profile_image", V(2000), lambda c: f"/content/images/2024/0{c.rng.randint(1, 9)}"
                                                  f"/IMG_{c.rng.randint(1000, 9999)}.jpg",
              null=0.4),
          col("cover_image", V(2000), lambda c: "/content/images/cover.jpg", null=0.8),
          col("bio", sa.Text, _bio, null=0.0, nullable=True),
          col("website", V(2000), "personal_url", null=0.6),
          col("location", sa.Text, lambda c: c.person["f"].city(), null=0.5),
          col("facebook", V(2000), lambda c: c.person["username"].lower(), null=0.7),
          col("twitter", V(2000), lambda c: "@" + c.person["username"].lower()[:15], null=0.5),
          col("accessibility", sa.Text, lambda c: '{"whatsNew":{"lastSeenDate":"2024-01-01"}}',
              null=0.3),
          col("status", V(50), "choice", values=["active", "active", "inactive", "locked"]),
          col("locale", V(6), "const", value=None, null=1.0),
          col("last_seen", DT, null=0.1),
          col("created_at", DT),
          col("created_by", V(24), "const", value="1"))
    table(md, "roles", len(ROLES),
          oid("id", pk=True),
          col("name", V(50), lambda c: ROLES[c.index], unique=True),
          col("description", V(2000), lambda c: f"{ROLES[c.index]}s manage their own posts"),
          col("created_at", DT),
          oid("created_by", ref="users.id"))
    table(md, "members", 300,
          oid("id", pk=True),
          col("uuid", V(36), "uuid_str", unique=True),
          col("transient_id", V(191), "uuid_str", unique=True),
          col("email", V(191), "email", unique=True),
          col("status", V(50), "choice", values=["free", "free", "free", "paid", "comped"]),
          col("name", V(191), "full_name", null=0.2),
          col("expertise", V(191), lambda c: c.person["f"].job()[:50], null=0.7),
          col("note", V(2000), _member_note, nullable=True),
          col("geolocation", V(2000), _geolocation, nullable=True),
          col("email_count", sa.Integer, "int", lo=0, hi=200),
          col("email_opened_count", sa.Integer, "int", lo=0, hi=150),
          col("email_open_rate", sa.Integer, "int", lo=0, hi=100, null=0.3),
          col("email_disabled", sa.Boolean),
          col("last_seen_at", DT, null=0.2),
          col("created_at", DT))
    table(md, "members_stripe_customers", 150,
          oid("id", pk=True),
          oid("member_id", fk="members.id"),
          col("customer_id", V(255), lambda c: "cus_" + G["token"](c)[:14], unique=True,
              n=40, style="url"),
          col("name", V(191), "full_name", null=0.1),
          col("email", V(191), "email"),
          col("created_at", DT),
          oid("created_by", ref="users.id"))
    table(md, "members_email_change_events", 80,
          oid("id", pk=True),
          oid("member_id", fk="members.id"),
          col("to_email", V(191), "email"),
          col("from_email", V(191), lambda c: G["email"](c).replace("@", "+old@")),
          col("created_at", DT))
    table(md, "members_login_events", 200,
          oid("id", pk=True),
          oid("member_id", fk="members.id"),
          col("created_at", DT))
    table(md, "labels", len(LABELS),
          oid("id", pk=True),
          col("name", V(191), lambda c: LABELS[c.index], unique=True),
          col("slug", V(191), lambda c: LABELS[c.index].lower().replace(" ", "-"),
              unique=True),
          col("created_at", DT),
          oid("created_by", ref="users.id"))
    table(md, "members_labels", 200,
          oid("id", pk=True),
          oid("member_id", fk="members.id"),
          oid("label_id", fk="labels.id"),
          col("sort_order", sa.Integer, "int", lo=0, hi=3))
    table(md, "newsletters", 3,
          oid("id", pk=True),
          col("uuid", V(36), "uuid_str", unique=True),
          col("name", V(191), lambda c: ["Weekly", "Daily Brief", "Members only"][c.index],
              unique=True),
          col("description", V(2000), "lorem", words=8),
          col("slug", V(191), lambda c: ["weekly", "daily-brief", "members-only"][c.index],
              unique=True),
          col("sender_name", V(191), lambda c: ["The Example Review", None, "Example Team"]
              [c.index], nullable=True),
          col("sender_email", V(191), lambda c: ["newsletter@example-review.com", None,
                                                 "team@example-review.com"][c.index],
              nullable=True),
          col("sender_reply_to", V(191), "const", value="newsletter"),
          col("status", V(50), "const", value="active"),
          col("created_at", DT))
    table(md, "posts", 150,
          oid("id", pk=True),
          col("uuid", V(36), "uuid_str"),
          col("title", V(2000), "film_title"),
          col("slug", V(191), "slug", unique=True),
          col("html", sa.Text, "paragraphs"),
          col("feature_image", V(2000), lambda c: f"/content/images/post-{c.index}.jpg",
              null=0.3),
          col("status", V(50), "choice", values=["published", "draft", "scheduled", "sent"]),
          col("visibility", V(50), "choice", values=["public", "members", "paid"]),
          col("created_at", DT),
          oid("created_by", ref="users.id"),
          oid("published_by", ref="users.id", null=0.3),
          col("custom_excerpt", V(2000), "lorem", words=14, null=0.5),
          oid("newsletter_id", fk="newsletters.id", null=0.5))
    table(md, "posts_authors", 150,
          oid("id", pk=True),
          oid("post_id", fk="posts.id"),
          oid("author_id", fk="users.id"),
          col("sort_order", sa.Integer, "int", lo=0, hi=2))
    table(md, "settings", len(SETTINGS),
          oid("id", pk=True),
          col("group", V(50), lambda c: SETTINGS[c.index][0]),
          col("key", V(50), lambda c: SETTINGS[c.index][1], unique=True),
          col("value", sa.Text, lambda c: SETTINGS[c.index][2].replace("{hex}",
                                                                        G["token"](c))),
          col("type", V(50), "choice", values=["string", "boolean", "object"]),
          col("created_at", DT),
          oid("created_by", ref="users.id"))
    table(md, "members_created_events", 300,
          oid("id", pk=True),
          col("created_at", DT),
          oid("member_id", fk="members.id"),
          oid("attribution_id", ref="posts.id", null=0.4),
          col("attribution_type", V(50), "choice", values=["post", "page", "url", None],
              nullable=True),
          col("attribution_url", V(2000), lambda c: f"/p/{c.rng.randint(1, 150)}/", null=0.3),
          col("referrer_source", V(191), "choice", values=REFERRERS, nullable=True),
          col("referrer_medium", V(191), "choice", values=["search", "social", None],
              nullable=True),
          col("referrer_url", V(2000), "choice", values=["https://www.google.com/",
                                                         "https://t.co/", None],
              nullable=True),
          col("source", V(50), "choice", values=["member", "import", "admin", "api"]))
    return md
