"""Mastodon (Rails, PostgreSQL): a subset of db/schema.rb.

PostgreSQL array columns (``also_known_as``, ``otp_backup_codes``, ``status_ids``...) are
left out: they have no portable type.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import STATUS_POSTS, col, inet, json_, jsonb, table

SOURCE = {"repo": "mastodon/mastodon", "path": "db/schema.rb",
          "commit": "0070a2071a1d836cc6005ddb79d92ecbef998aed"}
PERSON_TABLES = ("accounts", "users")

BI = sa.BigInteger
DT = sa.DateTime
S = sa.String(255)  # Rails t.string
T = sa.Text
B = sa.Boolean
I = sa.Integer  # noqa: E741


def _fields(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    out = [{"name": "Website", "value": f"https://{p['username']}.example.net"}]
    if ctx.rng.random() < 0.5:
        out.append({"name": "Pronouns", "value": ctx.rng.choice(["she/her", "he/him",
                                                                 "they/them"])})
    if ctx.rng.random() < 0.3:
        out.append({"name": "Matrix", "value": f"@{p['username']}:matrix.org"})
    return out


def _web_settings(ctx):  # type: ignore[no-untyped-def]
    s = G["json_settings"](ctx)
    s["columns"] = [{"id": "COMPOSE"}, {"id": "HOME"}, {"id": "NOTIFICATIONS"}]
    return s


def _uri(ctx):  # type: ignore[no-untyped-def]
    return f"https://{ctx.rng.choice(['mastodon.social', 'fosstodon.org', 'chaos.social'])}" \
           f"/users/{ctx.person['username']}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user_roles", 5,
          col("id", BI, pk=True, auto=True),
          col("name", S, "choice", values=["Owner", "Admin", "Moderator", "Helper", "Bot"]),
          col("color", S, "choice", values=["#ff3838", "#6364ff", ""]),
          col("position", I, "int", hi=1000),
          col("permissions", BI, "int", hi=1048575),
          col("highlighted", B),
          col("created_at", DT), col("updated_at", DT))
    table(md, "accounts", 500,
          col("id", BI, pk=True, auto=True),
          col("username", S, "username"),
          col("domain", S, "choice", null=0.6, values=["mastodon.social", "fosstodon.org",
                                                       "chaos.social", "mas.to"]),
          col("private_key", T, lambda c: "-----BEGIN RSA PRIVATE KEY-----\n"
              + G["token"](c) + "\n-----END RSA PRIVATE KEY-----", null=0.6, n=120,
              style="b64"),
          col("public_key", T, lambda c: "-----BEGIN PUBLIC KEY-----\n" + G["token"](c)
              + "\n-----END PUBLIC KEY-----", n=90, style="b64"),
          col("created_at", DT), col("updated_at", DT),
          col("note", T, "template", texts=[
              "<p>Developer, cyclist, coffee addict. Based in {city}.</p>",
              "<p>{first} {last} — photographer. Contact: {email}</p>",
              "", "<p>he/him. Views my own.</p>", "<p>Book lover 📚 #books</p>"]),
          col("display_name", S, "display_name"),
          col("uri", S, _uri),
          col("url", S, _uri, null=0.1),
          col("avatar_file_name", S, lambda c: f"{G['token'](c)}.png", null=0.3, n=16),
          col("avatar_content_type", S, "choice", null=0.3, values=["image/png", "image/jpeg"]),
          col("avatar_file_size", I, "int", null=0.3, lo=1000, hi=400000),
          col("avatar_updated_at", DT, null=0.3),
          col("header_file_name", S, lambda c: f"{G['token'](c)}.jpg", null=0.6, n=16),
          col("header_content_type", S, "choice", null=0.6, values=["image/jpeg"]),
          col("header_file_size", I, "int", null=0.6, lo=1000, hi=900000),
          col("header_updated_at", DT, null=0.6),
          col("avatar_remote_url", S, "url", null=0.5),
          col("locked", B),
          col("header_remote_url", S, "url", empty=0.6),
          col("last_webfingered_at", DT, null=0.5),
          col("inbox_url", S, lambda c: _uri(c) + "/inbox"),
          col("outbox_url", S, lambda c: _uri(c) + "/outbox"),
          col("shared_inbox_url", S, lambda c: "https://mastodon.social/inbox"),
          col("followers_url", S, lambda c: _uri(c) + "/followers"),
          col("protocol", I, "int", hi=1),
          col("memorial", B, "const", value=False),
          col("moved_to_account_id", BI, fk="accounts.id", null=0.97),
          col("featured_collection_url", S, lambda c: _uri(c) + "/collections/featured",
              null=0.4),
          col("fields", jsonb(), _fields, null=0.3),
          col("actor_type", S, "choice", null=0.2, values=["Person", "Service", "Group"]),
          col("discoverable", B, null=0.3),
          col("silenced_at", DT, null=0.97), col("suspended_at", DT, null=0.98),
          col("hide_collections", B, null=0.5),
          col("avatar_storage_schema_version", I, "int", null=0.5, hi=1),
          col("header_storage_schema_version", I, "int", null=0.5, hi=1),
          col("sensitized_at", DT, null=0.99),
          col("suspension_origin", I, "int", null=0.98, hi=1),
          col("trendable", B, null=0.5),
          col("reviewed_at", DT, null=0.9), col("requested_review_at", DT, null=0.95),
          col("indexable", B),
          col("following_url", S, lambda c: _uri(c) + "/following"),
          col("id_scheme", I, "int", lo=0, hi=1),
          col("feature_approval_policy", I, "int", hi=2))
    table(md, "users", 400,
          col("id", BI, pk=True, auto=True),
          col("email", S, "email", unique=True),
          col("created_at", DT), col("updated_at", DT),
          col("encrypted_password", S, "password_hash", style="bcrypt"),
          col("reset_password_token", S, "token", null=0.9, n=64, unique=True),
          col("reset_password_sent_at", DT, null=0.9),
          col("sign_in_count", I, "int", hi=500),
          col("current_sign_in_at", DT, null=0.1),
          col("last_sign_in_at", DT, null=0.1),
          col("confirmation_token", S, "token", null=0.85, n=20, style="url", unique=True),
          col("confirmed_at", DT, null=0.1),
          col("confirmation_sent_at", DT, null=0.1),
          col("unconfirmed_email", S, "email", null=0.95),
          col("locale", S, "locale", null=0.2),
          col("consumed_timestep", I, "int", null=0.9, lo=50000000, hi=59999999),
          col("otp_required_for_login", B),
          col("last_emailed_at", DT, null=0.7),
          col("account_id", BI, fk="accounts.id"),
          col("disabled", B, "const", value=False),
          col("invite_id", BI, "int", null=0.9, lo=1, hi=60),
          col("created_by_application_id", BI, fk="oauth_applications.id", null=0.95),
          col("approved", B, "const", value=True),
          col("sign_in_token", S, "token", null=0.9, n=6, style="url"),
          col("sign_in_token_sent_at", DT, null=0.9),
          col("webauthn_id", S, "token", null=0.9, n=22, style="url"),
          col("sign_up_ip", inet(), "ip", null=0.1),
          col("skip_sign_in_token", B, null=0.5),
          col("role_id", BI, fk="user_roles.id", null=0.95),
          col("settings", T, lambda c: '{"default_language":"' + G["lang"](c)
              + '","theme":"default","noindex":false}', null=0.3),
          col("time_zone", S, "timezone", null=0.5),
          col("otp_secret", S, "token", null=0.85, n=32, style="url"),
          col("age_verified_at", DT, null=0.8),
          col("require_tos_interstitial", B))
    table(md, "user_invite_requests", 40,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, fk="users.id"),
          col("text", T, "template", texts=[
              "I'd like to join to follow the local birdwatching community.",
              "Hi! I'm {first}, a teacher in {city}. My friend {first2} {last2} recommended "
              "this server.", "Please let me in", "Researcher, reach me at {email}"]),
          col("created_at", DT), col("updated_at", DT))
    table(md, "oauth_applications", 25,
          col("id", BI, pk=True, auto=True),
          col("name", S, "choice", values=["Web", "Tusky", "Ivory", "Elk", "Phanpy", "Ice Cubes",
                                           "Mona", "Toot!", "Fedilab", "Megalodon"]),
          col("uid", S, "token", n=43, style="url", unique=True),
          col("secret", S, "token", n=43, style="url"),
          col("redirect_uri", T, "choice", values=["urn:ietf:wg:oauth:2.0:oob",
                                                   "https://elk.zone/api/callback"]),
          col("scopes", S, "choice", values=["read write follow push", "read", "profile"]),
          col("created_at", DT, null=0.1), col("updated_at", DT, null=0.1),
          col("superapp", B, "const", value=False),
          col("website", S, "url", null=0.3),
          col("owner_type", S, "choice", null=0.7, values=["User"]),
          col("owner_id", BI, null=0.7, ref="accounts.id"),
          col("confidential", B))
    table(md, "oauth_access_tokens", 600,
          col("id", BI, pk=True, auto=True),
          col("token", S, "token", n=43, style="url", unique=True),
          col("refresh_token", S, "token", null=0.8, n=43, style="url", unique=True),
          col("expires_in", I, "int", null=0.8, hi=7200),
          col("revoked_at", DT, null=0.7),
          col("created_at", DT),
          col("scopes", S, "choice", values=["read write follow push", "read"]),
          col("application_id", BI, fk="oauth_applications.id"),
          col("resource_owner_id", BI, fk="users.id"),
          col("last_used_at", DT, null=0.3),
          col("last_used_ip", inet(), "ip", null=0.3))
    table(md, "statuses", 1200,
          col("id", BI, pk=True, auto=True),
          col("uri", S, lambda c: f"https://mastodon.social/users/{c.person['username']}/"
              f"statuses/{c.rng.randint(10**17, 10**18)}", null=0.5, unique=True),
          col("text", T, "template", texts=STATUS_POSTS),
          col("created_at", DT), col("updated_at", DT),
          col("in_reply_to_id", BI, fk="statuses.id", null=0.7),
          col("reblog_of_id", BI, fk="statuses.id", null=0.85),
          col("url", S, "url", null=0.5),
          col("sensitive", B),
          col("visibility", I, "int", hi=3),
          col("spoiler_text", T, "choice", values=["", "", "", "", "politics", "food",
                                                    "CW: spiders"]),
          col("reply", B),
          col("language", S, "lang", null=0.1),
          col("conversation_id", BI, "int", null=0.1, lo=1, hi=900),
          col("local", B, null=0.2),
          col("account_id", BI, fk="accounts.id"),
          col("application_id", BI, null=0.5, ref="oauth_applications.id"),
          col("in_reply_to_account_id", BI, fk="accounts.id", null=0.7),
          col("poll_id", BI, null=0.97, lo=1, hi=50),
          col("deleted_at", DT, null=0.97),
          col("edited_at", DT, null=0.9),
          col("trendable", B, null=0.8),
          col("fetched_replies_at", DT, null=0.9),
          col("quote_approval_policy", I, "int", hi=2))
    table(md, "tags", 40,
          col("id", BI, pk=True, auto=True),
          col("name", S, "hashtag", unique=True),
          col("created_at", DT), col("updated_at", DT),
          col("usable", B, null=0.3), col("trendable", B, null=0.3), col("listable", B, null=0.3),
          col("reviewed_at", DT, null=0.7), col("requested_review_at", DT, null=0.8),
          col("last_status_at", DT, null=0.2),
          col("max_score", sa.Float, null=0.5), col("max_score_at", DT, null=0.5),
          col("display_name", S, lambda c: c.row["name"].capitalize(), null=0.6))
    table(md, "statuses_tags", 800,
          col("status_id", BI, fk="statuses.id", pk=True),
          col("tag_id", BI, fk="tags.id", pk=True))
    table(md, "blocks", 150,
          col("id", BI, pk=True, auto=True),
          col("created_at", DT), col("updated_at", DT),
          col("account_id", BI, fk="accounts.id"),
          col("target_account_id", BI, fk="accounts.id"),
          col("uri", S, "url", null=0.5))
    table(md, "account_notes", 100,
          col("id", BI, pk=True, auto=True),
          col("account_id", BI, fk="accounts.id"),
          col("target_account_id", BI, fk="accounts.id"),
          col("comment", T, "template", texts=[
              "Met at FOSDEM, works on {first2}'s team", "my cousin {first2}",
              "Spammer? check later", "Old work friend, phone {phone}", "likes jazz"]),
          col("created_at", DT), col("updated_at", DT))
    table(md, "account_stats", 500,
          col("id", BI, pk=True, auto=True),
          col("account_id", BI, fk="accounts.id", unique=True),
          col("statuses_count", BI, "int", hi=20000),
          col("following_count", BI, "int", hi=2000),
          col("followers_count", BI, "int", hi=50000),
          col("created_at", DT), col("updated_at", DT),
          col("last_status_at", DT, null=0.2))
    table(md, "login_activities", 900,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, fk="users.id"),
          col("authentication_method", S, "choice", values=["password", "otp", "webauthn",
                                                            "sign_in_token"]),
          col("provider", S, "choice", null=0.9, values=["openid_connect", "saml"]),
          col("success", B),
          col("failure_reason", S, "choice", null=0.8, values=["invalid", "locked",
                                                               "not_found_in_database"]),
          col("ip", inet(), "ip"),
          col("user_agent", S, "user_agent"),
          col("created_at", DT))
    table(md, "session_activations", 500,
          col("id", BI, pk=True, auto=True),
          col("session_id", S, "token", n=32, unique=True),
          col("created_at", DT), col("updated_at", DT),
          col("user_agent", S, "user_agent"),
          col("ip", inet(), "ip", null=0.05),
          col("access_token_id", BI, fk="oauth_access_tokens.id", null=0.2),
          col("user_id", BI, fk="users.id"),
          col("web_push_subscription_id", BI, "int", null=0.8, hi=300))
    table(md, "web_settings", 350,
          col("id", BI, pk=True, auto=True),
          col("data", json_(), _web_settings),
          col("created_at", DT), col("updated_at", DT),
          col("user_id", BI, fk="users.id", unique=True))
    table(md, "reports", 60,
          col("id", BI, pk=True, auto=True),
          col("comment", T, "template", texts=[
              "This account is impersonating {first2} {last2}", "spam", "",
              "Harassment, see the linked posts. I'm {first}, reach me at {email}",
              "Posting my home address ({street}, {city}) without consent"]),
          col("created_at", DT), col("updated_at", DT),
          col("account_id", BI, fk="accounts.id"),
          col("action_taken_by_account_id", BI, fk="accounts.id", null=0.6),
          col("target_account_id", BI, fk="accounts.id"),
          col("assigned_account_id", BI, fk="accounts.id", null=0.7),
          col("uri", S, "url", null=0.7),
          col("forwarded", B, null=0.5),
          col("category", I, "int", hi=3),
          col("action_taken_at", DT, null=0.6),
          col("application_id", BI, fk="oauth_applications.id", null=0.8))
    table(md, "media_attachments", 300,
          col("id", BI, pk=True, auto=True),
          col("status_id", BI, fk="statuses.id", null=0.1),
          col("file_file_name", S, lambda c: f"{G['token'](c)}.jpg", null=0.05, n=16),
          col("file_content_type", S, "choice", values=["image/jpeg", "image/png", "video/mp4"]),
          col("file_file_size", I, "int", lo=1000, hi=8000000),
          col("file_updated_at", DT),
          col("remote_url", S, "url", empty=0.5),
          col("created_at", DT), col("updated_at", DT),
          col("shortcode", S, "token", null=0.5, n=20, style="url", unique=True),
          col("type", I, "int", hi=4),
          col("file_meta", json_(), lambda c: {"original": {"width": 1200, "height": 800,
                                                          "aspect": 1.5}}, null=0.1),
          col("account_id", BI, fk="accounts.id"),
          col("description", T, "template", null=0.4, texts=[
              "A cat sleeping on a keyboard", "Sunset over the harbour",
              "Me and {first2} at the beach", "Screenshot of a terminal",
              "My daughter {first2} on her first day of school"]),
          col("scheduled_status_id", BI, "int", null=0.98, hi=20),
          col("blurhash", S, "token", null=0.1, n=28, style="url"),
          col("processing", I, "int", null=0.5, hi=2),
          col("file_storage_schema_version", I, "int", null=0.5, hi=1),
          col("thumbnail_file_name", S, lambda c: f"{G['token'](c)}.png", null=0.9, n=16),
          col("thumbnail_content_type", S, "choice", null=0.9, values=["image/png"]),
          col("thumbnail_file_size", I, "int", null=0.9, hi=100000),
          col("thumbnail_updated_at", DT, null=0.9),
          col("thumbnail_remote_url", S, "url", null=0.95),
          col("thumbnail_storage_schema_version", I, "int", null=0.95, hi=1))
    table(md, "webauthn_credentials", 40,
          col("id", BI, pk=True, auto=True),
          col("external_id", S, "token", n=43, style="url", unique=True),
          col("public_key", S, "token", n=96, style="url"),
          col("nickname", S, "choice", values=["YubiKey", "iPhone", "Pixel 8", "Laptop",
                                               "Work key"]),
          col("sign_count", BI, "int", hi=300),
          col("user_id", BI, fk="users.id"),
          col("created_at", DT), col("updated_at", DT))
    table(md, "settings", 20,
          col("id", BI, pk=True, auto=True),
          col("var", S, lambda c: ["site_title", "site_contact_email", "site_contact_username",
                                  "registrations_mode", "closed_registrations_message",
                                  "site_short_description", "theme", "thumbnail",
                                  "bootstrap_timeline_accounts", "min_invite_role",
                                  "activity_api_enabled", "peers_api_enabled",
                                  "show_known_fediverse_at_about_page", "preview_sensitive_media",
                                  "custom_css", "profile_directory", "trends",
                                  "trendable_by_default", "status_page_url",
                                  "content_cache_retention_period"][c.index], unique=True),
          col("value", T, lambda c: {"site_contact_email": f"--- {c.person['email']}\n",
                                     "site_contact_username": f"--- {c.person['username']}\n"
                                     }.get(c.row["var"], c.rng.choice(
                                         ["--- true\n", "--- false\n", "--- open\n",
                                          "--- Mastodon\n", "--- ''\n"]))),
          col("created_at", DT, null=0.1), col("updated_at", DT, null=0.1))
    return md
