"""Discourse (forum, Ruby on Rails/PostgreSQL): a held-out schema (issue #10), labelled
before any scan and never tuned on. Tables and columns from the schema annotations at the
end of the model files (``app/models/<model>.rb``): users, profiles, e-mails, auth
tokens, single sign-on records, associated accounts, custom fields, topics, posts,
categories, API keys, e-mail tokens, incoming e-mails, screened e-mails. Column subsets
where noted in the labels.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, inet, jsonb, table

SOURCE = {"repo": "discourse/discourse",
          "path": "app/models/{user,user_profile,user_email,user_auth_token,"
                  "single_sign_on_record,...}.rb (schema annotations)",
          "commit": "fe656fb04d9f23509b8ba1e4c8fd0f429faeb95e"}
PERSON_TABLES = ("users",)

V = sa.String
DT = sa.DateTime
CATS = ["Uncategorized", "Site Feedback", "Staff", "Lounge", "Support", "Dev", "Meta",
        "Announcements", "Plugins", "Theme"]
TITLES = ["", "", "", "Regular", "Leader", "Moderator", "Team", "Founder"]


def _dob(ctx):  # type: ignore[no-untyped-def]
    # Discourse keeps birthdays only: the year is always 1904
    b = ctx.person["born"]
    return dt.date(1904, b.month, min(b.day, 28))


def _location(ctx):  # type: ignore[no-untyped-def]
    f = ctx.person["f"]
    return ctx.rng.choice([f.city(), f"{f.city()}, {G['country'](ctx)}", "Earth",
                           "The Internet", f.city()])


def _bio(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        "Just here to learn.",
        f"Developer at {G['company'](ctx)}. Mail me at {p['email']}",
        "Coffee, bikes and Linux.",
        f"I'm {p['first']}, maintainer of a few plugins.",
        "Photographer and part-time sysadmin.",
        f"Find me on twitter as @{p['username'][:15]}",
    ])


def _cooked(ctx):  # type: ignore[no-untyped-def]
    raw = ctx.row.get("bio_raw") or ctx.row.get("raw")
    return None if raw is None else f"<p>{raw}</p>"


def _raw_post(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    r = ctx.rng.random()
    text = ctx.fakers["en_US"].paragraph(nb_sentences=ctx.rng.randint(1, 4))
    if r < 0.15:
        return f"@{p['username']} {text}"
    if r < 0.2:
        return f"{text}\n\nYou can call me at {G['phone'](ctx)}."
    return text


def _payload(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return (f"nonce={G['token'](ctx)}&email={p['email']}&external_id={ctx.row['external_id']}"
            f"&username={p['username']}&name={p['first']}+{p['last']}&admin=false")


def _omniauth_info(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return {"name": f"{p['first']} {p['last']}", "email": p["email"],
            "nickname": p["username"], "image": None}


def _omniauth_credentials(ctx):  # type: ignore[no-untyped-def]
    return {"token": G["token"](ctx), "expires": True,
            "expires_at": ctx.rng.randint(1_700_000_000, 1_730_000_000)}


def _omniauth_extra(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return {"raw_info": {"login": p["username"], "id": ctx.rng.randint(10_000, 99_999_999),
                         "email": p["email"], "location": p["f"].city()}}


def _custom_value(ctx):  # type: ignore[no-untyped-def]
    name = ctx.row["name"]
    return {"user_field_1": lambda: G["phone"](ctx),
            "user_field_2": lambda: G["company"](ctx),
            "user_field_3": lambda: G["country"](ctx),
            "user_field_4": lambda: ctx.rng.choice(["true", "false"]),
            "last_reminded_at": lambda: str(ctx.rng.randint(1_700_000_000, 1_730_000_000)),
            "see_in_timezone": lambda: G["timezone"](ctx)}[name]()


def _raw_email(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return (f"Return-Path: <{p['email']}>\nFrom: {p['first']} {p['last']} <{p['email']}>\n"
            f"To: support@forum.example.com\nSubject: Help with login\n"
            f"Message-ID: <{G['token'](ctx)}@mail.example.net>\n\n"
            f"{ctx.fakers['en_US'].paragraph()}\n\n-- \n{p['first']}\n")


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", 300,
          col("id", sa.Integer, pk=True, auto=True),
          col("username", V(60), "username", unique=True),
          col("username_lower", V(60), lambda c: c.row["username"].lower(), unique=True),
          col("name", V(255), "display_name", null=0.3),
          col("active", sa.Boolean),
          col("admin", sa.Boolean, "choice", values=[False] * 9 + [True]),
          col("moderator", sa.Boolean, "choice", values=[False] * 9 + [True]),
          col("approved", sa.Boolean),
          col("approved_by_id", sa.Integer, ref="users.id", null=0.7),
          col("approved_at", DT, null=0.7),
          col("trust_level", sa.Integer, "int", lo=0, hi=4),
          col("date_of_birth", sa.Date, _dob, null=0.8),
          col("ip_address", inet(), "ip", null=0.1),
          col("registration_ip_address", inet(), "ip", null=0.2),
          col("locale", V(10), "locale", null=0.6),
          col("title", V(255), "choice", values=TITLES, nullable=True),
          col("uploaded_avatar_id", sa.Integer, "int", lo=1, hi=5000, null=0.4),
          col("primary_group_id", sa.Integer, "int", lo=1, hi=12, null=0.8),
          col("staged", sa.Boolean, "choice", values=[False] * 9 + [True]),
          col("secure_identifier", V(255), "token", n=32, null=0.7),
          col("views", sa.Integer, "int", lo=0, hi=900),
          col("flag_level", sa.Integer, "int", lo=0, hi=2),
          col("suspended_till", DT, null=0.95),
          col("last_seen_at", DT, null=0.1),
          col("created_at", DT))
    table(md, "user_profiles", 300,
          col("user_id", sa.Integer, pk=True, fk="users.id", unique=True),
          col("location", V(3000), _location, null=0.5),
          col("website", V(3000), "personal_url", null=0.6),
          col("bio_raw", sa.Text, _bio, null=0.4),
          col("bio_cooked", sa.Text, _cooked, nullable=True),
          col("dismissed_banner_key", sa.Integer, "int", lo=1, hi=40, null=0.8),
          col("views", sa.Integer, "int", lo=0, hi=900),
          col("profile_background_upload_id", sa.Integer, "int", lo=1, hi=5000, null=0.9),
          col("card_background_upload_id", sa.Integer, "int", lo=1, hi=5000, null=0.9),
          col("featured_topic_id", sa.Integer, "int", lo=1, hi=200, null=0.9))
    table(md, "user_emails", 350,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id"),
          col("email", V(513), "email", unique=True),
          col("primary", sa.Boolean, "choice", values=[True, True, True, False]),
          col("normalized_email", V(255), lambda c: c.row["email"].lower().replace(".", "",
              c.row["email"].count(".") - 1)),
          col("created_at", DT))
    table(md, "user_auth_tokens", 250,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id"),
          col("auth_token", V(255), "token", n=32, style="b64", unique=True),
          col("prev_auth_token", V(255), "token", n=32, style="b64", unique=True),
          col("user_agent", V(255), "user_agent", null=0.1),
          col("auth_token_seen", sa.Boolean),
          col("client_ip", inet(), "ip", null=0.05),
          col("rotated_at", DT),
          col("seen_at", DT, null=0.3),
          col("authenticated_with_oauth", sa.Boolean, "choice", values=[False, False, True]),
          col("created_at", DT))
    table(md, "single_sign_on_records", 120,
          col("id", sa.BigInteger, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id"),
          col("external_id", V(255), lambda c: str(c.rng.randint(1000, 999_999)), unique=True),
          col("last_payload", sa.Text, _payload),
          col("external_username", V(255), "username"),
          col("external_email", V(255), "email"),
          col("external_name", V(255), "full_name", null=0.2),
          col("external_avatar_url", V(1000), lambda c: "https://id.example.com/avatars/"
              f"{c.row['external_username']}.png", null=0.4),
          col("external_profile_background_url", V(255), "const", value=None, null=1.0),
          col("external_card_background_url", V(255), "const", value=None, null=1.0),
          col("created_at", DT))
    table(md, "user_associated_accounts", 150,
          col("id", sa.BigInteger, pk=True, auto=True),
          col("provider_name", V(255), "choice", values=["google_oauth2", "github",
                                                         "facebook", "discord"]),
          col("provider_uid", V(255), lambda c: str(c.rng.randint(10**17, 10**21 - 1))
              if c.row["provider_name"] == "google_oauth2" else str(c.rng.randint(1000, 10**9))),
          col("user_id", sa.Integer, fk="users.id", null=0.1),
          col("last_used", DT),
          col("info", jsonb(), _omniauth_info),
          col("credentials", jsonb(), _omniauth_credentials),
          col("extra", jsonb(), _omniauth_extra),
          sa.UniqueConstraint("provider_name", "provider_uid"))
    table(md, "user_custom_fields", 400,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id"),
          col("name", V(256), "choice", values=["user_field_1", "user_field_2", "user_field_3",
                                                "user_field_4", "last_reminded_at",
                                                "see_in_timezone"]),
          col("value", sa.Text, _custom_value),
          col("created_at", DT))
    table(md, "categories", len(CATS),
          col("id", sa.Integer, pk=True, auto=True),
          col("name", V(50), lambda c: CATS[c.index], unique=True),
          col("color", V(6), "choice", values=["0088CC", "BF1E2E", "F7941D", "3AB54A"]),
          col("slug", V(255), lambda c: CATS[c.index].lower().replace(" ", "-")),
          col("description", sa.Text, "lorem", words=10),
          col("text_color", V(6), "choice", values=["FFFFFF", "000000"]),
          col("topic_count", sa.Integer, "int", lo=0, hi=500),
          col("user_id", sa.Integer, fk="users.id"))
    table(md, "topics", 200,
          col("id", sa.Integer, pk=True, auto=True),
          col("title", V(255), "lorem", words=7),
          col("slug", V(255), "slug"),
          col("archetype", V(255), "choice", values=["regular"] * 5 + ["private_message"]),
          col("views", sa.Integer, "int", lo=0, hi=20000),
          col("posts_count", sa.Integer, "int", lo=1, hi=80),
          col("user_id", sa.Integer, fk="users.id"),
          col("last_post_user_id", sa.Integer, fk="users.id"),
          col("featured_user1_id", sa.Integer, fk="users.id", null=0.5),
          col("category_id", sa.Integer, fk="categories.id"),
          col("created_at", DT))
    table(md, "posts", 500,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id", null=0.02),
          col("topic_id", sa.Integer, fk="topics.id"),
          col("post_number", sa.Integer, "int", lo=1, hi=80),
          col("raw", sa.Text, _raw_post),
          col("cooked", sa.Text, _cooked),
          col("reply_to_post_number", sa.Integer, "int", lo=1, hi=40, null=0.6),
          col("reply_to_user_id", sa.Integer, ref="users.id", null=0.6),
          col("like_count", sa.Integer, "int", lo=0, hi=60),
          col("reads", sa.Integer, "int", lo=0, hi=3000),
          col("score", sa.Float),
          col("post_type", sa.Integer, "choice", values=[1, 1, 1, 2, 3, 4]),
          col("hidden", sa.Boolean, "choice", values=[False] * 19 + [True]),
          col("last_editor_id", sa.Integer, ref="users.id", null=0.3),
          col("deleted_by_id", sa.Integer, ref="users.id", null=0.95),
          col("edit_reason", V(255), "choice", values=["typo", "formatting", None, None],
              nullable=True),
          col("word_count", sa.Integer, "int", lo=1, hi=600),
          col("via_email", sa.Boolean, "choice", values=[False] * 9 + [True]),
          col("raw_email", sa.Text, lambda c: _raw_email(c) if c.row["via_email"] else None,
              nullable=True),
          col("created_at", DT))
    table(md, "api_keys", 25,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id", null=0.4),
          col("created_by_id", sa.Integer, fk="users.id"),
          col("key_hash", V(255), "token", n=64, unique=True),
          col("truncated_key", V(255), "token", n=4),
          col("description", sa.Text, "choice", values=["backup script", "zapier", "sso bridge",
                                                        "mobile app", None], nullable=True),
          col("allowed_ips", V(255), "choice", values=["10.0.0.0/8", None, None, None],
              nullable=True),
          col("last_used_at", DT, null=0.3),
          col("revoked_at", DT, null=0.8),
          col("created_at", DT))
    table(md, "email_tokens", 200,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id"),
          col("email", V(255), "email"),
          col("token_hash", V(255), "token", n=64, unique=True),
          col("confirmed", sa.Boolean),
          col("expired", sa.Boolean),
          col("scope", sa.Integer, "choice", values=[1, 2, 3, 4]),
          col("created_at", DT))
    table(md, "incoming_emails", 60,
          col("id", sa.Integer, pk=True, auto=True),
          col("user_id", sa.Integer, fk="users.id", null=0.2),
          col("topic_id", sa.Integer, fk="topics.id", null=0.3),
          col("post_id", sa.Integer, fk="posts.id", null=0.3),
          col("raw", sa.Text, _raw_email),
          col("error", V(255), "choice",
              values=[None, None, None, "Email::Receiver::BadDestinationAddress"],
              nullable=True),
          col("message_id", V(255), lambda c: f"{G['token'](c)}@mail.example.net"),
          col("from_address", V(255), "email"),
          col("to_addresses", sa.Text, "choice", values=["support@forum.example.com",
                                                         "help@forum.example.com"]),
          col("cc_addresses", sa.Text, "email", null=0.8),
          col("subject", V(255), "lorem", words=5),
          col("created_at", DT))
    table(md, "screened_emails", 80,
          col("id", sa.Integer, pk=True, auto=True),
          col("email", V(255), "email", unique=True),
          col("action_type", sa.Integer, "choice", values=[1, 2]),
          col("match_count", sa.Integer, "int", lo=0, hi=40),
          col("last_match_at", DT, null=0.3),
          col("ip_address", inet(), "ip", null=0.3),
          col("created_at", DT))
    return md
