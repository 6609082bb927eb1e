"""Hi.Events (event ticketing, PHP and Laravel, PostgreSQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The initial schema that the first migration
loads, ``backend/database/migrations/schema.sql`` (a PostgreSQL dump; later migrations,
such as the renaming of tickets to products, are not applied): 16 of its 24 tables, all
their columns, foreign keys as declared there. PostgreSQL's untyped ``varchar`` is a
``VARCHAR`` without length (``VARCHAR(255)`` on MariaDB), ``jsonb`` and ``json`` as such on
PostgreSQL; ``integer`` columns referencing ``bigint`` keys are ``BIGINT`` on MariaDB
(InnoDB wants equal types). ``password_resets`` has no primary key, as in the source.

Tables: accounts (the organising business or person: name, owner e-mail, Stripe connected
account), users (names, e-mail, pending e-mail change, bcrypt hash, remember token),
account memberships and invitations, password resets (e-mail, token, IP, user agent),
personal access tokens, organizers (company contacts), events (venue JSON), tickets and
their prices, promo codes, orders (buyer's name and e-mail, the checkout session id,
public order references, JSON snapshots), attendees (names, e-mails, ticket references,
check-in staff), questions asked at checkout and their answers (JSON: phone numbers,
dietary needs, emergency contacts, addresses), messages to attendees (bodies addressing
them by name) and the event log (IP, user agent, JSON data naming the e-mail used).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of

SOURCE = {"repo": "HiEventsDev/Hi.Events", "path": "backend/database/migrations/schema.sql",
          "commit": "944433c77947dc55278622cb8ceb5d208be89b07"}
PERSON_TABLES = ("users",)

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
T = sa.Text
B = sa.Boolean
TS = sa.DateTime
TSZ = sa.DateTime(timezone=True)
M = sa.Numeric(14, 2)

_ts = datetimes(2023, 2025)


def vc(n: int | None = None) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """``varchar`` (no length on PostgreSQL and SQLite, 255 on MariaDB) or ``varchar(n)``."""
    if n:
        return sa.String(n)
    return sa.String().with_variant(sa.String(255), "mysql", "mariadb")


def iref() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """An ``integer`` column referencing a ``bigint`` key: ``BIGINT`` on MariaDB."""
    return sa.Integer().with_variant(sa.BigInteger(), "mysql", "mariadb")


def _p(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c


def _short(prefix: str):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return prefix + G["token"](_p(c, n=7, style="url")).replace("-", "x").replace("_", "y")
    return gen


def _public(prefix: str):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return prefix + "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(7))
    return gen


def _account_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return f"{c.person['first']} {c.person['last']}"
    return G["company"](c)


def _org_email(c):  # type: ignore[no-untyped-def]
    dom = G["company"](c).split()[0].lower().strip(",.") or "events"
    return f"{c.rng.choice(['info', 'tickets', 'hello', 'events', 'office'])}@{dom}.example"


def _org_phone(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, None, "+1 800 555 0199", "+49 30 1234567", "+44 20 7946 0958",
                         "+33 1 23 45 67 89", "(212) 555-0100"])


VENUES = [("Tivoli Hall", "Vesterbrogade 3", "Copenhagen"),
          ("Kulturbrauerei", "Schönhauser Allee 36", "Berlin"),
          ("Convention Center", "747 Howard St", "San Francisco"),
          ("Community Centre", "12 High Street", "Leeds"),
          ("Zepp DiverCity", "1-1-10 Aomi", "Tokyo")]


def _location_details(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.2:
        return None
    v = c.rng.choice(VENUES)
    return {"venue_name": v[0], "address_line_1": v[1], "address_line_2": "", "city": v[2],
            "state_or_region": "", "zip_or_postal_code": "", "country": ""}


EVENT_TITLES = ["Spring Jazz Night", "PyCon Workshop Day", "Charity Fun Run 5K",
                "Startup Pitch Evening", "Wine Tasting: Douro Valley", "Kids Coding Camp",
                "Annual Gala Dinner", "Open Air Cinema", "Photography Walk", "Salsa Beginners"]

TICKET_TITLES = ["General Admission", "VIP", "Early Bird", "Student", "Child (under 12)",
                 "Donation", "Workshop add-on", "Parking pass"]


def _pit_data(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    return {"event_settings": {"price_display_mode": "INCLUSIVE", "order_timeout_in_minutes": 15},
            "tickets": [{"id": c.rng.randint(1, 80), "price": str(G["money"](c))}]}


def _rollup(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    return {"taxes": [{"name": "VAT", "rate": 19, "value": float(G["money"](_p(c, hi=50)))}],
            "fees": []}


ANSWER_KINDS = ["diet", "phone", "company", "shirt", "address", "emergency", "how", "access"]


def _answer(c):  # type: ignore[no-untyped-def]
    p = c.person
    k = c.rng.choice(ANSWER_KINDS)
    if k == "diet":
        return {"answer": c.rng.choice(["Vegetarian", "Vegan", "None", "Gluten free", "Halal"])}
    if k == "phone":
        return {"answer": G["phone"](c)}
    if k == "company":
        return {"answer": G["company"](c)}
    if k == "shirt":
        return {"answer": [c.rng.choice(["S", "M", "L", "XL"])]}
    if k == "address":
        return {"answer": {"address_line_1": G["street"](c), "city": G["city"](c),
                           "zip_or_postal_code": G["postcode"](c), "country": "DE"}}
    if k == "emergency":
        o = new_person(c)
        rel = c.rng.choice(["mother", "husband", "friend"])
        return {"answer": f"{o['first']} {o['last']} ({rel}) {G['phone'](c)}"}
    if k == "how":
        return {"answer": c.rng.choice(["Instagram", "A friend told me", "Newsletter",
                                        f"{p['first']} from work"])}
    return {"answer": c.rng.choice(["Wheelchair access needed", "No", ""])}


QUESTION_TITLES = ["Dietary requirements", "Phone number", "Company", "T-shirt size",
                   "Billing address", "Emergency contact (name and phone)",
                   "How did you hear about us?", "Accessibility needs"]

MESSAGE_TEXTS = [
    "<p>Hi {first},</p><p>Doors open at 18:30. Please bring your ticket QR code.</p>",
    "<p>Dear attendees, the venue has changed. See the updated map on the event page.</p>",
    "<p>Hello {first} {last}, your order has been refunded in full.</p>",
    "<p>Reminder: the event starts tomorrow at 10:00. Parking is free.</p>",
    "<p>Hi all, {first2} {last2} from our team will meet you at the entrance. Questions? "
    "Call {phone}.</p>",
    "<p>Thank you for coming! Slides are attached.</p>",
]

LOG_TYPES = ["user.login", "user.logout", "order.created", "order.refunded", "event.updated",
             "user.password_reset"]


def _log_data(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.35:
        return None
    if r < 0.7:
        return {"email": c.person["email"], "remember": c.rng.random() < 0.5}
    return {"changes": {"status": ["DRAFT", "LIVE"]}}


def _options(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    return c.rng.choice([["S", "M", "L", "XL"], ["Vegetarian", "Vegan", "None"],
                         ["Instagram", "Friend", "Newsletter", "Other"]])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "accounts", 20,
          col("id", BI, pk=True, auto=True),
          col("currency_code", vc(3), "choice", values=["USD", "EUR", "GBP", "DKK", "JPY"]),
          col("timezone", vc(255), "timezone", null=0.1),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.9),
          col("name", vc(), _account_name),
          col("email", vc(), "email"),
          col("stripe_account_id", vc(50), lambda c: "acct_1" + G["token"](_p(c, n=15,
                                                                               style="url")),
              null=0.4),
          col("short_id", vc(20), _short("acc_")),
          col("stripe_connect_setup_complete", B, "bool", null=0.1),
          col("account_verified_at", TS, _ts, null=0.3))
    table(md, "users", 40,
          col("id", BI, pk=True, auto=True),
          col("email", vc(255), "email"),
          col("email_verified_at", TS, _ts, null=0.3),
          col("password", vc(255), "password_hash", style="bcrypt12"),
          col("remember_token", vc(100), token_of(60, "url"), null=0.5),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.9),
          col("first_name", vc(), "first_name"),
          col("last_name", vc(), "last_name", null=0.1),
          col("pending_email", vc(), lambda c: new_person(c)["email"], null=0.9),
          col("timezone", vc(), "timezone"))
    table(md, "account_users", 45,
          col("id", BI, pk=True, auto=True),
          col("account_id", BI, fk="accounts.id"),
          col("user_id", BI, fk="users.id"),
          col("role", vc(100), "choice", values=["ADMIN", "ORGANIZER", "SUPERADMIN"], null=0.05),
          col("created_at", TS, _ts, null=0.02),
          col("deleted_at", TS, _ts, null=0.9),
          col("updated_at", TS, _ts, null=0.3),
          col("is_account_owner", B, "bool"),
          col("invited_by_user_id", BI, fk="users.id", null=0.6),
          col("last_login_at", TS, _ts, null=0.2),
          col("status", vc(40), "choice", values=["ACTIVE", "ACTIVE", "INVITED", "INACTIVE"]),
          sa.UniqueConstraint("account_id", "user_id", "role"))
    table(md, "password_resets", 30,
          col("email", vc(200), "email", null=0.02),
          col("token", vc(200), token_of(64, "hex"), null=0.02),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.3),
          col("deleted_at", TS, _ts, null=0.7),
          col("id", BI, "seq"),
          col("ip_address", vc(), "ip"),
          col("user_agent", vc(), "user_agent", null=0.1))
    table(md, "personal_access_tokens", 25,
          col("id", BI, pk=True, auto=True),
          col("tokenable_type", vc(255), "const", value="HiEvents\\Models\\User"),
          col("tokenable_id", BI, lambda c: c.rng.randint(1, 40)),
          col("name", vc(255), "choice", values=["api", "zapier", "check-in app", "reporting"]),
          col("token", vc(64), token_of(64, "hex"), unique=True),
          col("abilities", T, "choice", values=['["*"]', '["read"]'], null=0.1),
          col("last_used_at", TS, _ts, null=0.4),
          col("expires_at", TS, _ts, null=0.7),
          col("created_at", TS, _ts, null=0.02),
          col("updated_at", TS, _ts, null=0.2))
    table(md, "organizers", 25,
          col("id", BI, pk=True, auto=True),
          col("account_id", iref(), fk="accounts.id"),
          col("name", vc(255), "company"),
          col("email", vc(255), _org_email),
          col("phone", vc(20), _org_phone, nullable=True),
          col("website", vc(255), "url", null=0.4),
          col("description", T, "choice", values=[
              None, "", "We run community music events since 2009.",
              "Non-profit organising charity runs.", "Tech meetups and workshops."],
              nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9),
          col("currency", vc(3), "choice", values=["USD", "EUR", "GBP"]),
          col("timezone", vc(255), "timezone"))
    table(md, "events", 40,
          col("id", BI, pk=True, auto=True),
          col("title", vc(255), "choice", values=EVENT_TITLES),
          col("account_id", iref(), fk="accounts.id"),
          col("user_id", iref(), fk="users.id"),
          col("end_date", TS, _ts, null=0.2),
          col("description", T, "paragraphs", null=0.2),
          col("status", vc(), "choice", values=["LIVE", "DRAFT", "ARCHIVED"], null=0.05),
          col("location_details", jsonb(), _location_details, nullable=True),
          col("currency", vc(3), "choice", values=["USD", "EUR", "GBP"]),
          col("timezone", vc(), "timezone", null=0.1),
          col("attributes", jsonb(), lambda c: None if c.rng.random() < 0.7 else
              [{"name": "dress_code", "value": "smart casual", "is_public": True}],
              nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9),
          col("location", vc(255), lambda c: c.rng.choice(VENUES)[0], null=0.3),
          col("organizer_id", BI, fk="organizers.id", null=0.1),
          col("short_id", vc(32), _short("evt_")),
          col("ticket_quantity_available", I, "int", lo=20, hi=2000, null=0.5))
    table(md, "tickets", 80,
          col("id", BI, pk=True, auto=True),
          col("title", vc(255), "choice", values=TICKET_TITLES),
          col("event_id", iref(), fk="events.id"),
          col("sale_start_date", TS, _ts, null=0.5),
          col("sale_end_date", TS, _ts, null=0.5),
          col("max_per_order", I, "int", lo=1, hi=10, null=0.3),
          col("description", T, "choice", values=[None, "", "Includes one drink.",
                                                  "Valid ID required."], nullable=True),
          col("min_per_order", I, "int", lo=1, hi=2, null=0.5),
          col("sales_volume", M, "money"),
          col("sales_tax_volume", M, "money", hi=200),
          col("hide_before_sale_start_date", B, "bool"),
          col("hide_after_sale_end_date", B, "bool"),
          col("hide_when_sold_out", B, "bool"),
          col("show_quantity_remaining", B, "bool"),
          col("is_hidden_without_promo_code", B, "bool"),
          col("order", I, "int", lo=1, hi=8),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.9),
          col("type", vc(20), "choice", values=["PAID", "FREE", "DONATION", "TIERED"]),
          col("is_hidden", B, "bool", null=0.1))
    table(md, "ticket_prices", 110,
          col("id", BI, pk=True, auto=True),
          col("ticket_id", BI, fk="tickets.id"),
          col("price", M, "money", lo=0, hi=300),
          col("label", vc(255), "choice", values=["Tier 1", "Tier 2", "Standard", "Reduced"],
              null=0.6),
          col("sale_start_date", TS, _ts, null=0.6),
          col("sale_end_date", TS, _ts, null=0.6),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.9),
          col("initial_quantity_available", I, "int", lo=10, hi=500, null=0.4),
          col("quantity_sold", I, "int", hi=300),
          col("is_hidden", B, "bool", null=0.1),
          col("order", I, "int", lo=1, hi=4))
    table(md, "promo_codes", 30,
          col("id", BI, pk=True, auto=True),
          col("code", vc(50), "choice", values=["EARLYBIRD", "STUDENT10", "VIP2024", "FRIENDS",
                                                "SPEAKER", "PRESS", "SUMMER25"]),
          col("discount", M, "money", lo=1, hi=50),
          col("applicable_ticket_ids", jsonb(), lambda c: None if c.rng.random() < 0.5 else
              [c.rng.randint(1, 80) for _ in range(c.rng.randint(1, 3))], nullable=True),
          col("expiry_date", TSZ, _ts, null=0.4),
          col("event_id", BI, fk="events.id"),
          col("discount_type", vc(), "choice", values=["PERCENTAGE", "FIXED", "NONE"], null=0.1),
          col("attendee_usage_count", I, "int", hi=40),
          col("order_usage_count", I, "int", hi=30),
          col("max_allowed_usages", I, "int", lo=10, hi=100, null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "orders", 350,
          col("id", BI, pk=True, auto=True),
          col("short_id", vc(20), _short("o_")),
          col("event_id", iref(), fk="events.id"),
          col("total_before_additions", M, "money", hi=600),
          col("total_refunded", M, lambda c: G["money"](c) if c.rng.random() < 0.1 else 0),
          col("total_gross", M, "money", hi=700),
          col("currency", vc(3), "choice", values=["USD", "EUR", "GBP"]),
          col("first_name", vc(50), "first_name", null=0.05),
          col("last_name", vc(50), "last_name", null=0.05),
          col("email", vc(255), "email", null=0.05),
          col("status", vc(), "choice", values=["COMPLETED", "COMPLETED", "RESERVED",
                                                "CANCELLED", "ABANDONED"]),
          col("payment_status", vc(), "choice", values=["PAYMENT_RECEIVED", "NO_PAYMENT_REQUIRED",
                                                        "AWAITING_PAYMENT", "PAYMENT_FAILED"],
              null=0.05),
          col("refund_status", vc(), "choice", values=["REFUND_PENDING", "REFUNDED",
                                                       "PARTIALLY_REFUNDED"], null=0.9),
          col("reserved_until", TS, _ts, null=0.1),
          col("is_manually_created", B, lambda c: c.rng.random() < 0.05),
          col("session_id", vc(40), token_of(40, "url"), null=0.1),
          col("public_id", vc(), _public("O-"), unique=True),
          col("point_in_time_data", jsonb(), _pit_data, nullable=True),
          col("payment_gateway", vc(), "choice", values=["STRIPE", "OFFLINE"], null=0.3),
          col("promo_code_id", iref(), fk="promo_codes.id", null=0.85),
          col("promo_code", vc(), "choice", values=["EARLYBIRD", "STUDENT10", "FRIENDS"],
              null=0.85),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.1),
          col("deleted_at", TS, _ts, null=0.95),
          col("taxes_and_fees_rollup", jsonb(), _rollup, nullable=True),
          col("total_tax", M, "money", hi=80),
          col("total_fee", M, "money", hi=20))
    table(md, "attendees", 500,
          col("id", BI, pk=True, auto=True),
          col("short_id", vc(), _short("a_")),
          col("first_name", vc(255), "first_name", empty=0.03),
          col("last_name", vc(255), "last_name", empty=0.05),
          col("email", vc(255), "email"),
          col("order_id", iref(), fk="orders.id"),
          col("ticket_id", iref(), fk="tickets.id"),
          col("event_id", iref(), fk="events.id"),
          col("public_id", vc(), _public("A-")),
          col("status", vc(20), "choice", values=["ACTIVE", "ACTIVE", "CANCELLED",
                                                  "AWAITING_PAYMENT"]),
          col("checked_in_by", BI, fk="users.id", null=0.7),
          col("checked_in_at", TS, _ts, null=0.7),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.95),
          col("checked_out_by", BI, fk="users.id", null=0.95),
          col("ticket_price_id", BI, fk="ticket_prices.id"))
    table(md, "questions", 40,
          col("id", BI, pk=True, auto=True),
          col("event_id", BI, fk="events.id"),
          col("title", T, "choice", values=QUESTION_TITLES),
          col("required", B, "bool"),
          col("type", vc(), "choice", values=["SINGLE_LINE_TEXT", "MULTI_LINE_TEXT", "CHECKBOX",
                                              "RADIO", "DROPDOWN", "PHONE", "ADDRESS"], null=0.05),
          col("options", jsonb(), _options, nullable=True),
          col("belongs_to", vc(), "choice", values=["ORDER", "TICKET"]),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9),
          col("order", I, "int", lo=1, hi=6),
          col("is_hidden", B, lambda c: c.rng.random() < 0.1))
    table(md, "question_answers", 600,
          col("id", BI, pk=True, auto=True),
          col("question_id", iref(), fk="questions.id"),
          col("order_id", iref(), fk="orders.id"),
          col("attendee_id", iref(), fk="attendees.id", null=0.3),
          col("ticket_id", iref(), fk="tickets.id", null=0.3),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.95),
          col("answer", jsonb(), _answer, null=0.02))
    table(md, "messages", 40,
          col("id", BI, pk=True, auto=True),
          col("event_id", BI, fk="events.id"),
          col("subject", vc(255), "choice", values=["Important update", "See you tomorrow!",
                                                    "Venue change", "Your refund", "Thank you"]),
          col("message", T, "template", texts=MESSAGE_TEXTS),
          col("type", vc(40), "choice", values=["ATTENDEE", "TICKET", "ORDER", "ALL_ATTENDEES"]),
          col("recipient_ids", jsonb(), lambda c: None if c.rng.random() < 0.5 else
              [c.rng.randint(1, 500) for _ in range(c.rng.randint(1, 4))], nullable=True),
          col("sent_at", TS, _ts, null=0.1),
          col("sent_by_user_id", BI, fk="users.id"),
          col("attendee_ids", jsonb(), lambda c: None if c.rng.random() < 0.5 else
              [c.rng.randint(1, 500) for _ in range(c.rng.randint(1, 4))], nullable=True),
          col("ticket_ids", jsonb(), lambda c: None if c.rng.random() < 0.6 else
              [c.rng.randint(1, 80)], nullable=True),
          col("order_id", BI, fk="orders.id", null=0.7),
          col("status", vc(20), "choice", values=["SENT", "PROCESSING", "FAILED"]),
          col("send_data", jsonb(), lambda c: {"is_test": c.rng.random() < 0.1,
                                               "send_copy_to_current_user": c.rng.random() < 0.5},
              null=0.2),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("deleted_at", TS, _ts, null=0.95))
    table(md, "event_logs", 150,
          col("id", BI, pk=True, auto=True),
          col("user_id", BI, fk="users.id"),
          col("type", vc(255), "choice", values=LOG_TYPES),
          col("entity_id", BI, "int", lo=1, hi=350),
          col("entity_type", BI, "choice", values=[1, 2, 3]),
          col("ip_address", vc(), "ip", null=0.1),
          col("user_agent", vc(), "user_agent", null=0.1),
          col("data", jsonb(), _log_data, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.5),
          col("deleted_at", TS, _ts, null=0.95))
    return md

