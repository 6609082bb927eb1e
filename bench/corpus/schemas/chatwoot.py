"""Chatwoot (Rails, PostgreSQL customer-support inbox): accounts, agents, contacts,
conversations, messages, notes, labels. Rails declares few foreign keys; most references
are by convention (``*_id`` with an index)."""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import SUPPORT_MESSAGES, col, json_, jsonb, table

SOURCE = {"repo": "chatwoot/chatwoot", "path": "db/schema.rb",
          "commit": "0032d604c20112c0e490afc22108ede7b2fa6ada"}
PERSON_TABLES = ("users", "contacts")

BI = sa.BigInteger()
I = sa.Integer  # noqa: E741
S = sa.String(255)
T = sa.Text
DT = sa.DateTime
B = sa.Boolean


def _custom_attrs(ctx):  # type: ignore[no-untyped-def]
    rng = ctx.rng
    out = {}
    if rng.random() < 0.5:
        out["plan"] = rng.choice(["free", "pro", "enterprise"])
    if rng.random() < 0.3:
        out["signup_date"] = G["date"](ctx).isoformat()
    if rng.random() < 0.2:
        out["customer_id"] = f"cus_{G['token'](ctx)[:14]}"
    if rng.random() < 0.15:
        out["alternate_phone"] = G["phone"](ctx)
    return out


def _tokens(ctx):  # type: ignore[no-untyped-def]
    return {G["token"](ctx)[:22]: {"token": "$2a$10$" + G["token"](ctx)[:53],
                                   "expiry": ctx.rng.randint(1_700_000_000, 1_800_000_000)}}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "accounts", 8,
          col("id", I, pk=True, auto=True),
          col("name", S, "company"),
          col("created_at", DT), col("updated_at", DT),
          col("locale", I, "int", null=0.1, hi=30),
          col("domain", sa.String(100), lambda c: f"support.{G['slug'](c)}.example", null=0.5),
          col("support_email", sa.String(100), lambda c: f"support@{G['slug'](c)}.example",
              null=0.4),
          col("feature_flags", BI, "int", hi=2**40),
          col("auto_resolve_duration", I, "int", null=0.6, hi=30),
          col("limits", jsonb(), lambda c: {"agents": c.rng.choice([5, 10, 100])}),
          col("custom_attributes", jsonb(), lambda c: {"plan_name": c.rng.choice(
              ["Hacker", "Startups", "Business"])}),
          col("status", I, "int", hi=1),
          col("internal_attributes", jsonb(), lambda c: {}),
          col("settings", jsonb(), "json_settings"))
    table(md, "users", 60,
          col("id", I, pk=True, auto=True),
          col("provider", S, "const", value="email"),
          col("uid", S, "email", unique=True),
          col("encrypted_password", S, "password_hash", style="bcrypt"),
          col("reset_password_token", S, "token", null=0.9, n=20, style="url", unique=True),
          col("reset_password_sent_at", DT, null=0.9),
          col("remember_created_at", DT, null=0.7),
          col("sign_in_count", I, "int", hi=900),
          col("current_sign_in_at", DT, null=0.1), col("last_sign_in_at", DT, null=0.1),
          col("current_sign_in_ip", S, "ip", null=0.1),
          col("last_sign_in_ip", S, "ip", null=0.1),
          col("confirmation_token", S, "token", null=0.8, n=20, style="url"),
          col("confirmed_at", DT, null=0.1), col("confirmation_sent_at", DT, null=0.1),
          col("unconfirmed_email", S, "email", null=0.95),
          col("name", S, "full_name"),
          col("display_name", S, "first_name", null=0.5),
          col("email", S, lambda c: c.row["uid"]),
          col("tokens", json_(), _tokens, null=0.2),
          col("created_at", DT), col("updated_at", DT),
          col("pubsub_token", S, "token", n=24, style="url", unique=True),
          col("availability", I, "int", hi=2),
          col("ui_settings", jsonb(), "json_settings"),
          col("custom_attributes", jsonb(), lambda c: {}),
          col("type", S, "choice", null=0.9, values=["SuperAdmin"]),
          col("message_signature", T, lambda c: f"--\n{c.person['first']} {c.person['last']}\n"
              f"Customer Success | {G['phone'](c)}", null=0.7))
    table(md, "account_users", 70,
          col("id", BI, pk=True, auto=True),
          col("account_id", BI, ref="accounts.id"),
          col("user_id", BI, ref="users.id"),
          col("role", I, "int", null=0.01, hi=1),
          col("inviter_id", BI, ref="users.id", null=0.5),
          col("created_at", DT), col("updated_at", DT),
          col("active_at", DT, null=0.3),
          col("availability", I, "int", hi=2),
          col("auto_offline", B),
          col("custom_role_id", BI, "int", null=0.95, hi=3),
          col("agent_capacity_policy_id", BI, "int", null=0.95, hi=3),
          sa.UniqueConstraint("account_id", "user_id"))
    table(md, "inboxes", 15,
          col("id", I, pk=True, auto=True),
          col("channel_id", I, "int", lo=1, hi=15),
          col("account_id", I, ref="accounts.id"),
          col("name", S, "choice", values=["Website", "Support Email", "WhatsApp", "Sales",
                                           "Twitter DMs", "Help Center"]),
          col("created_at", DT), col("updated_at", DT),
          col("channel_type", S, "choice", values=["Channel::WebWidget", "Channel::Email",
                                                   "Channel::Whatsapp", "Channel::Api"]),
          col("enable_auto_assignment", B, null=0.05),
          col("greeting_enabled", B, null=0.05),
          col("greeting_message", S, "choice", null=0.5, values=[
              "Hi there 👋 How can we help?", "We usually reply in a few hours."]),
          col("email_address", S, lambda c: f"support@{G['slug'](c)}.example", null=0.6),
          col("working_hours_enabled", B, null=0.05),
          col("out_of_office_message", S, "choice", null=0.6,
              values=["We're away, back Monday!"]),
          col("timezone", S, "timezone", null=0.05),
          col("enable_email_collect", B, null=0.05),
          col("csat_survey_enabled", B, null=0.05),
          col("allow_messages_after_resolved", B, null=0.05),
          col("auto_assignment_config", jsonb(), lambda c: {}),
          col("lock_to_single_conversation", B),
          col("portal_id", BI, "int", null=0.8, lo=1, hi=3),
          col("sender_name_type", I, "int", hi=1),
          col("business_name", S, "company", null=0.6),
          col("csat_config", jsonb(), lambda c: {}))
    table(md, "contacts", 700,
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: c.rng.choice([f"{c.person['first']}", c.person["username"],
                                                 f"{c.person['first']} {c.person['last']}",
                                                 "", f"{c.person['first']} {c.person['last']}"])),
          col("email", S, "email", null=0.35, unique=True),
          col("phone_number", S, lambda c: G["phone"](c).replace(" ", "").replace("-", "")
              .replace("(", "").replace(")", "").replace(".", ""), null=0.5),
          col("account_id", I, ref="accounts.id"),
          col("created_at", DT), col("updated_at", DT),
          col("additional_attributes", jsonb(), "json_contact_attrs"),
          col("identifier", S, lambda c: f"user_{c.rng.randint(10**6, 10**8)}", null=0.7,
              unique=True),
          col("custom_attributes", jsonb(), _custom_attrs),
          col("last_activity_at", DT, null=0.2),
          col("contact_type", I, "int", null=0.05, hi=2),
          col("middle_name", S, "middle_name"),
          col("last_name", S, "last_name", empty=0.4),
          col("location", S, lambda c: f"{G['city'](c)}, {G['country'](c)}", empty=0.6),
          col("country_code", S, "choice", empty=0.5, values=["US", "DE", "IN", "BR", "FR"]),
          col("blocked", B, lambda c: c.rng.random() < 0.02))
    table(md, "contact_inboxes", 750,
          col("id", BI, pk=True, auto=True),
          col("contact_id", BI, ref="contacts.id"),
          col("inbox_id", BI, ref="inboxes.id"),
          col("source_id", S, lambda c: c.rng.choice([G["uuid_str"](c), c.person["email"],
                                                      G["phone"](c)])),
          col("created_at", DT), col("updated_at", DT),
          col("hmac_verified", B),
          col("pubsub_token", S, "token", null=0.3, n=24, style="url", unique=True))
    table(md, "conversations", 900,
          col("id", I, pk=True, auto=True),
          col("account_id", I, ref="accounts.id"),
          col("inbox_id", I, ref="inboxes.id"),
          col("status", I, "int", hi=3),
          col("assignee_id", I, ref="users.id", null=0.3),
          col("created_at", DT), col("updated_at", DT),
          col("contact_id", BI, ref="contacts.id"),
          col("display_id", I, "seq"),
          col("contact_last_seen_at", DT, null=0.3), col("agent_last_seen_at", DT, null=0.3),
          col("additional_attributes", jsonb(), lambda c: {
              "browser": {"browser_name": c.rng.choice(["Chrome", "Firefox"])},
              "referer": G["url"](c), "initiated_at": {"timestamp": str(G["datetime"](c))}}
              if c.rng.random() < 0.6 else {"mail_subject": c.rng.choice(
                  ["Refund request", "Login problem", f"Invoice for {c.person['first']} "
                   f"{c.person['last']}"])}),
          col("contact_inbox_id", BI, ref="contact_inboxes.id"),
          col("uuid", sa.Uuid, "uuid", unique=True),
          col("identifier", S, "token", null=0.9, n=12),
          col("last_activity_at", DT),
          col("team_id", BI, "int", null=0.7, lo=1, hi=5),
          col("campaign_id", BI, "int", null=0.95, lo=1, hi=5),
          col("snoozed_until", DT, null=0.95),
          col("custom_attributes", jsonb(), lambda c: {}),
          col("assignee_last_seen_at", DT, null=0.4),
          col("first_reply_created_at", DT, null=0.3),
          col("priority", I, "int", null=0.7, hi=3),
          col("sla_policy_id", BI, "int", null=0.95, hi=3),
          col("waiting_since", DT, null=0.6),
          col("cached_label_list", T, "choice", null=0.5, values=["billing", "bug,urgent",
                                                                  "feature-request", ""]),
          sa.UniqueConstraint("account_id", "display_id"))
    table(md, "messages", 2000,
          col("id", I, pk=True, auto=True),
          col("content", T, "template", null=0.05, texts=SUPPORT_MESSAGES),
          col("account_id", I, ref="accounts.id"),
          col("inbox_id", I, ref="inboxes.id"),
          col("conversation_id", I, ref="conversations.id"),
          col("message_type", I, "int", hi=3),
          col("created_at", DT), col("updated_at", DT),
          col("private", B, lambda c: c.rng.random() < 0.1),
          col("status", I, "int", null=0.05, hi=3),
          col("source_id", S, lambda c: f"<{G['uuid_str'](c)}@mail.example>", null=0.7),
          col("content_type", I, "int", hi=10),
          col("content_attributes", json_(), lambda c: {} if c.rng.random() < 0.8 else {
              "email": {"from": [c.person["email"]], "subject": "Re: your ticket"}}),
          col("sender_type", S, "choice", null=0.1, values=["Contact", "User", "AgentBot"]),
          col("sender_id", BI, ref="contacts.id", null=0.1),
          col("external_source_ids", jsonb(), lambda c: {}),
          col("additional_attributes", jsonb(), lambda c: {}),
          col("processed_message_content", T, "template", null=0.3, texts=SUPPORT_MESSAGES),
          col("sentiment", jsonb(), lambda c: {} if c.rng.random() < 0.7 else {
              "label": c.rng.choice(["positive", "negative", "neutral"])}))
    table(md, "notes", 200,
          col("id", BI, pk=True, auto=True),
          col("content", T, "template", texts=[
              "VIP customer, {first} prefers phone calls: {phone}",
              "Asked for a refund twice", "Works at {company} as CTO".replace("{company}", "Acme"),
              "Spoke with {first} {last}, issue resolved", "Birthday {dob}"]),
          col("account_id", BI, ref="accounts.id"),
          col("contact_id", BI, ref="contacts.id"),
          col("user_id", BI, ref="users.id", null=0.05),
          col("created_at", DT), col("updated_at", DT))
    table(md, "labels", 20,
          col("id", BI, pk=True, auto=True),
          col("title", S, lambda c: ["billing", "bug", "urgent", "feature-request", "refund",
                                     "vip", "onboarding", "spam", "sales-lead", "churn-risk",
                                     "enterprise", "integration", "mobile", "api", "security",
                                     "feedback", "partner", "invoice", "gdpr", "other"][c.index]),
          col("description", T, "lorem", null=0.5, words=6),
          col("color", S, "choice", values=["#1f93ff", "#ff6b6b", "#10b981"]),
          col("show_on_sidebar", B, null=0.1),
          col("account_id", BI, ref="accounts.id"),
          col("created_at", DT), col("updated_at", DT),
          sa.UniqueConstraint("title", "account_id"))
    table(md, "canned_responses", 40,
          col("id", I, pk=True, auto=True),
          col("account_id", I, ref="accounts.id"),
          col("short_code", S, "choice", values=["greet", "refund", "bye", "hours", "reset"]),
          col("content", T, "choice", values=[
              "Hi {{contact.name}}, thanks for reaching out!",
              "You can reset your password at https://app.example/reset",
              "Our support hours are 9-5 CET."]),
          col("created_at", DT), col("updated_at", DT))
    table(md, "channel_email", 6,
          col("id", BI, pk=True, auto=True),
          col("account_id", I, ref="accounts.id"),
          col("email", S, lambda c: f"support{c.index}@{G['slug'](c)}.example", unique=True),
          col("forward_to_email", S, lambda c: f"{G['token'](c)}@reply.chatwoot.example",
              n=16, unique=True),
          col("created_at", DT), col("updated_at", DT),
          col("imap_enabled", B, null=0.1),
          col("imap_address", S, "choice", values=["", "imap.gmail.com"]),
          col("imap_port", I, "choice", values=[0, 993]),
          col("imap_login", S, lambda c: c.rng.choice(["", c.person["email"]])),
          col("imap_password", S, lambda c: c.rng.choice(["", G["token"](c)]), n=16),
          col("imap_enable_ssl", B, null=0.1),
          col("smtp_enabled", B, null=0.1),
          col("smtp_address", S, "choice", values=["", "smtp.gmail.com"]),
          col("smtp_port", I, "choice", values=[0, 587]),
          col("smtp_login", S, lambda c: c.rng.choice(["", c.person["email"]])),
          col("smtp_password", S, lambda c: c.rng.choice(["", G["token"](c)]), n=16),
          col("smtp_domain", S, "const", value=""),
          col("smtp_enable_starttls_auto", B, null=0.1),
          col("smtp_authentication", S, "const", value="login"),
          col("smtp_openssl_verify_mode", S, "const", value="none"),
          col("smtp_enable_ssl_tls", B, null=0.1),
          col("provider_config", jsonb(), lambda c: {}),
          col("provider", S, "choice", null=0.5, values=["google", "microsoft"]))
    table(md, "csat_survey_responses", 200,
          col("id", BI, pk=True, auto=True),
          col("account_id", BI, ref="accounts.id"),
          col("conversation_id", BI, ref="conversations.id"),
          col("message_id", BI, ref="messages.id", unique=True),
          col("rating", I, "int", lo=1, hi=5),
          col("feedback_message", T, "template", null=0.5, texts=[
              "Great support, thanks {first2}!", "Too slow", "ok", "Agent was rude",
              "Solved my problem in minutes"]),
          col("contact_id", BI, ref="contacts.id"),
          col("assigned_agent_id", BI, ref="users.id", null=0.2),
          col("created_at", DT), col("updated_at", DT))
    table(md, "campaign_messages", 150,
          col("id", BI, pk=True, auto=True),
          col("campaign_id", BI, "int", lo=1, hi=5),
          # bigint referencing a serial: fine on PostgreSQL, InnoDB wants equal types
          col("contact_id", BI.with_variant(sa.Integer(), "mysql", "mariadb"),
              fk="contacts.id"),
          col("message_id", S, lambda c: f"wamid.{G['token'](c)}", null=0.2, n=30, style="url",
              unique=True),
          col("status", S, "choice", values=["pending", "sent", "delivered", "read", "failed"]),
          col("error_code", S, "choice", null=0.9, values=["131026", "470"]),
          col("error_description", T, "choice", null=0.9,
              values=["Message undeliverable", "Re-engagement message"]),
          col("sent_at", DT, null=0.2), col("delivered_at", DT, null=0.4),
          col("read_at", DT, null=0.6),
          col("created_at", DT), col("updated_at", DT))
    return md
