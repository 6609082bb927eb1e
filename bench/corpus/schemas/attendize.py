"""Attendize (event ticketing, Laravel, MySQL): a held-out schema (issue #10), labelled before
any scan and never tuned on. The tables as the base migration
``database/migrations/2014_03_26_180116_create_users_table.php`` creates them (later
migrations not applied): 14 of its 19 tables, all their columns (``date_formats``,
``datetime_formats``, ``ticket_statuses``, ``ticket_order`` and ``event_images`` left out).
Laravel types: ``string`` is ``VARCHAR(255)``, ``nullableTimestamps``/``softDeletes`` are
nullable ``created_at``/``updated_at``/``deleted_at``; foreign keys as the migration
declares them, except those to tables not included (``accounts.date_format_id`` and
``datetime_format_id``: values); ``reserved_tickets`` and ``messages.recipients`` declare
none (values).

Tables: accounts (the organiser's sign-up account: the holder's name, e-mail, postal
address, last IP, an e-mail footer signed by a person in part, Stripe Connect tokens),
users (names, phone, e-mail, bcrypt hash, confirmation and remember tokens), organisers
(companies and, in a quarter, individuals with their e-mail, phone and social handles),
events (venues, addresses and coordinates of venues, messages), tickets, orders (the
buyer's name and e-mail, the public order reference that opens the order page, gateway
transaction ids, notes), order items, attendees (names, e-mails, ticket references and
check-in numbers), reserved tickets keyed by the buyer's session id, messages to
attendees, event statistics, currencies, time zones and order statuses.
"""

from __future__ import annotations

import json
import string

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "Attendize/Attendize",
          "path": "database/migrations/2014_03_26_180116_create_users_table.php",
          "commit": "2b12f5f8623f897bfb6621c537909cd4c171a577"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
B = sa.Boolean
TS = sa.DateTime
N_ = sa.Numeric

N_ACCOUNT = 30
N_USER = 45
N_EVENT = 40
N_ORDER = 400

_ts = datetimes(2016, 2024)


def _stamps(soft: bool = True):  # type: ignore[no-untyped-def]
    cols = [col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02)]
    if soft:
        cols.append(col("deleted_at", TS, _ts, null=0.95))
    return cols


def _ref(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice(string.ascii_uppercase + string.digits) for _ in range(5))


def _footer(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.75:
        return f"Kind regards,\n{c.person['first']} {c.person['last']}\n{G['phone'](c)}"
    return c.rng.choice(["Thank you for your purchase!", "See you at the show.",
                         "Questions? Reply to this e-mail."])


def _organiser_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.25:
        return f"{c.person['first']} {c.person['last']}"
    return c.rng.choice([G["company"](c), f"{c.any_fake().city()} Jazz Club",
                         "Open Source Meetup", "Theater am Markt", "Yoga Collective"])


def _organiser_contact(kind: str):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        person = c.row["name"] == f"{c.person['first']} {c.person['last']}"
        if kind == "email":
            return c.person["email"] if person else \
                f"{c.rng.choice(['info', 'tickets', 'hello'])}@{c.fakers['en_US'].domain_name()}"
        if kind == "phone":
            return G["phone"](c) if person or c.rng.random() < 0.5 else None
        handle = c.person["username"] if person else c.row["name"].replace(" ", "")[:15]
        return handle if c.rng.random() < 0.6 else ""
    return gen


MESSAGES = ["Doors open at 7pm. Please bring your ticket.",
            "The venue has changed, see the event page.",
            "Hi all, for accessibility questions contact {first} {last} on {phone}.",
            "Reminder: the event starts tomorrow!", "Parking is free after 6pm.",
            "Lost and found: contact {email}."]

NOTES = ["", "", "", "Wheelchair access needed", "Gift for {first2} {last2}",
         "Invoice to company please", "Vegetarian meal x2"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "order_statuses", 4,
          col("id", I, pk=True, auto=True),
          col("name", S(255), lambda c: ["Completed", "Refunded", "Partially Refunded",
                                         "Cancelled"][c.index]))
    table(md, "timezones", 8,
          col("id", I, pk=True, auto=True),
          col("name", S(255), lambda c: ["Europe/London", "Europe/Berlin", "Europe/Paris",
                                         "America/New_York", "America/Chicago",
                                         "Asia/Tokyo", "Australia/Sydney", "UTC"][c.index]),
          col("location", S(255), lambda c: ["(GMT) London", "(GMT+01:00) Berlin",
                                             "(GMT+01:00) Paris", "(GMT-05:00) Eastern Time",
                                             "(GMT-06:00) Central Time", "(GMT+09:00) Tokyo",
                                             "(GMT+10:00) Sydney", "(GMT) UTC"][c.index]))
    table(md, "currencies", 4,
          col("id", I, pk=True, auto=True),
          col("title", S(255), lambda c: ["Euro", "U.S. Dollar", "Pound Sterling", "Yen"][c.index]),
          col("symbol_left", S(12), lambda c: ["", "$", "£", "¥"][c.index]),
          col("symbol_right", S(12), lambda c: ["€", "", "", ""][c.index]),
          col("code", S(3), lambda c: ["EUR", "USD", "GBP", "JPY"][c.index]),
          col("decimal_place", I, lambda c: [2, 2, 2, 0][c.index]),
          col("value", sa.Float, lambda c: [1.0, 1.08, 0.86, 160.5][c.index]),
          col("decimal_point", S(3), lambda c: "."),
          col("thousand_point", S(3), lambda c: ","),
          col("status", I, lambda c: 1),
          col("created_at", TS, _ts, null=0.5), col("updated_at", TS, _ts, null=0.5))
    table(md, "accounts", N_ACCOUNT,
          col("id", I, pk=True, auto=True),
          col("first_name", S(255), lambda c: c.person["first"]),
          col("last_name", S(255), lambda c: c.person["last"]),
          col("email", S(255), lambda c: c.person["email"]),
          col("timezone_id", I, fk="timezones.id", null=0.2),
          col("date_format_id", I, "choice", values=[1, 2], null=0.3),
          col("datetime_format_id", I, "choice", values=[1, 2], null=0.3),
          col("currency_id", I, fk="currencies.id", null=0.2),
          *_stamps(),
          col("name", S(255), "company", null=0.4),
          col("last_ip", S(255), "ip", null=0.2),
          col("last_login_date", TS, _ts, null=0.2),
          col("address1", S(255), lambda c: c.person["f"].street_address(), null=0.5),
          col("address2", S(255), "choice", values=["Apt 4", "2nd floor", "c/o Kulturverein"],
              null=0.85),
          col("city", S(255), "city", null=0.5),
          col("state", S(255), "state", null=0.6),
          col("postal_code", S(255), "postcode", null=0.5),
          col("country_id", I, "int", lo=1, hi=240, null=0.5),
          col("email_footer", T, _footer, nullable=True),
          col("is_active", B, lambda c: c.rng.random() < 0.9),
          col("is_banned", B, lambda c: c.rng.random() < 0.03),
          col("is_beta", B, lambda c: False),
          col("stripe_access_token", S(55),
              lambda c: "sk_live_" + G["token"](_p(c, n=40, style="url")),
              null=0.6),
          col("stripe_refresh_token", S(55),
              lambda c: "rt_" + G["token"](_p(c, n=45, style="url")),
              null=0.6),
          col("stripe_secret_key", S(55),
              lambda c: "sk_live_" + G["token"](_p(c, n=40, style="url")),
              null=0.7),
          col("stripe_publishable_key", S(55), lambda c: "pk_live_" +
              G["token"](_p(c, n=40, style="url")), null=0.6),
          col("stripe_data_raw", T, lambda c: json.dumps({
              "token_type": "bearer",
              "stripe_user_id": "acct_" + G["token"](_p(c, n=16, style="url")),
              "scope": "read_write", "livemode": True}), null=0.6))
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("account_id", I, fk="accounts.id"),
          *_stamps(),
          col("first_name", S(255), lambda c: c.person["first"], null=0.05),
          col("last_name", S(255), lambda c: c.person["last"], null=0.05),
          col("phone", S(255), "phone", null=0.6),
          col("email", S(255), lambda c: c.person["email"]),
          col("password", S(255), "password_hash", style="bcrypt12"),
          col("confirmation_code", S(255), token_of(30, "url")),
          col("is_registered", B, lambda c: c.rng.random() < 0.9),
          col("is_confirmed", B, lambda c: c.rng.random() < 0.8),
          col("is_parent", B, lambda c: c.rng.random() < 0.6),
          col("remember_token", S(100), token_of(60, "url"), null=0.5))
    table(md, "organisers", 35,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("account_id", I, fk="accounts.id"),
          col("name", S(255), _organiser_name),
          col("about", T, "choice", values=["", "We organise concerts and workshops.",
                                            "Community meetups since 2012."]),
          col("email", S(255), _organiser_contact("email")),
          col("phone", S(255), _organiser_contact("phone"), nullable=True),
          col("confirmation_key", S(20), token_of(20, "url")),
          col("facebook", S(255), _organiser_contact("social")),
          col("twitter", S(255), _organiser_contact("social")),
          col("logo_path", S(255), lambda c: f"user_content/organiser_images/organiser_logo-"
              f"{c.rng.randint(10**9, 10**10)}.png", null=0.5),
          col("is_email_confirmed", B, "bool"))
    table(md, "events", N_EVENT,
          col("id", I, pk=True, auto=True),
          col("title", S(255), "choice", values=["Summer Jazz Night", "PyData Meetup #12",
                                                 "Yoga im Park", "Indie Film Festival",
                                                 "Hackathon 2023", "Kinderflohmarkt"]),
          col("location", S(255), "choice", values=["Berlin", "Online", "London"], null=0.3),
          col("bg_type", S(15), "choice", values=["color", "image"]),
          col("bg_color", S(255), "choice", values=["#B23333", "#333333"]),
          col("bg_image_path", S(255), lambda c: f"assets/images/public/EventPage/backgrounds/"
              f"{c.rng.randint(1, 30)}.jpg", null=0.5),
          col("description", T, "lorem", words=30),
          col("start_date", TS, _ts, null=0.05),
          col("end_date", TS, _ts, null=0.05),
          col("on_sale_date", TS, _ts, null=0.3),
          col("account_id", I, fk="accounts.id"),
          col("user_id", I, fk="users.id"),
          col("currency_id", I, fk="currencies.id", null=0.1),
          col("sales_volume", N_(13, 2), "money", lo=0, hi=20000),
          col("organiser_fees_volume", N_(13, 2), "money", lo=0, hi=500),
          col("organiser_fee_fixed", N_(13, 2), "money", lo=0, hi=2),
          col("organiser_fee_percentage", N_(4, 3), "money", lo=0, hi=5),
          col("organiser_id", I, fk="organisers.id"),
          col("venue_name", S(255), "choice", values=["Kulturbrauerei", "The Roundhouse",
                                                      "Community Hall", "Online"]),
          col("venue_name_full", S(255), "choice", values=["Kulturbrauerei, Schönhauser Allee 36",
                                                           "The Roundhouse, Chalk Farm Road"],
              null=0.4),
          col("location_address", S(355), lambda c: c.fakers["de_DE"].address().replace("\n", ", "),
              null=0.3),
          col("location_address_line_1", S(355), lambda c: c.fakers["en_GB"].street_address()),
          col("location_address_line_2", S(355), "choice", values=["", "Hall B"]),
          col("location_country", S(255), "country", null=0.3),
          col("location_country_code", S(255), "choice", values=["DE", "GB", "US"], null=0.3),
          col("location_state", S(255), "choice", values=["Berlin", "Greater London", ""]),
          col("location_post_code", S(255), lambda c: c.fakers["en_GB"].postcode()),
          col("location_street_number", S(255), lambda c: str(c.rng.randint(1, 200)), null=0.5),
          col("location_lat", S(255), lambda c: str(G["lat"](c)), null=0.4),
          col("location_long", S(255), lambda c: str(G["lon"](c)), null=0.4),
          col("location_google_place_id", S(255),
              lambda c: "ChIJ" + G["token"](_p(c, n=23, style="url")),
              null=0.5),
          col("ask_for_all_attendees_info", I, "choice", values=[0, 1]),
          col("pre_order_display_message", T, "choice",
              values=["Tickets are non-refundable.", None],
              nullable=True),
          col("post_order_display_message", T, "choice", values=["See you there!", None],
              nullable=True),
          col("social_share_text", T, "choice", values=["Check out this event!", None],
              nullable=True),
          *[col(n, B, "bool") for n in ("social_show_facebook", "social_show_linkedin",
                                        "social_show_twitter", "social_show_email",
                                        "social_show_googleplus")],
          col("location_is_manual", I, "choice", values=[0, 1]),
          col("is_live", B, "bool"),
          *_stamps())
    table(md, "orders", N_ORDER,
          col("id", I, pk=True, auto=True),
          col("account_id", I, fk="accounts.id"),
          col("order_status_id", I, fk="order_statuses.id"),
          *_stamps(),
          col("first_name", S(255), lambda c: c.person["first"]),
          col("last_name", S(255), lambda c: c.person["last"]),
          col("email", S(255), lambda c: c.person["email"]),
          col("ticket_pdf_path", S(155), lambda c: "user_content/pdf_tickets/"
              f"{c.index + 1}-{c.rng.randint(10**5, 10**6)}.pdf", null=0.3),
          col("order_reference", S(15), _ref, unique=True),
          col("transaction_id", S(50), lambda c: "ch_" + G["token"](_p(c, n=24, style="url")),
              null=0.3),
          col("discount", N_(8, 2), "money", lo=0, hi=20, null=0.8),
          col("booking_fee", N_(8, 2), "money", lo=0, hi=3, null=0.5),
          col("organiser_booking_fee", N_(8, 2), "money", lo=0, hi=2, null=0.5),
          col("order_date", sa.Date, "date", null=0.1),
          col("notes", T, "template", texts=NOTES, null=0.5),
          col("is_deleted", B, lambda c: c.rng.random() < 0.02),
          col("is_cancelled", B, lambda c: c.rng.random() < 0.05),
          col("is_partially_refunded", B, lambda c: c.rng.random() < 0.03),
          col("is_refunded", B, lambda c: c.rng.random() < 0.05),
          col("amount", N_(13, 2), "money", lo=5, hi=300),
          col("amount_refunded", N_(13, 2), "money", lo=0, hi=100, null=0.9),
          col("event_id", I, fk="events.id"))
    table(md, "tickets", 90,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("edited_by_user_id", I, fk="users.id", null=0.6),
          col("account_id", I, fk="accounts.id"),
          col("order_id", I, fk="orders.id", null=0.95),
          col("event_id", I, fk="events.id"),
          col("title", S(255), "choice", values=["General Admission", "VIP", "Early Bird",
                                                 "Student", "Kinder (bis 12)"]),
          col("description", T, "choice",
              values=["", "Includes a drink", "Valid student ID required"]),
          col("price", N_(13, 2), "money", lo=0, hi=150),
          col("max_per_person", I, "choice", values=[None, 10, 4], nullable=True),
          col("min_per_person", I, "choice", values=[None, 1], nullable=True),
          col("quantity_available", I, "choice", values=[None, 50, 200, 1000], nullable=True),
          col("quantity_sold", I, "int", lo=0, hi=200),
          col("start_sale_date", TS, _ts, null=0.5),
          col("end_sale_date", TS, _ts, null=0.5),
          col("sales_volume", N_(13, 2), "money", lo=0, hi=9000),
          col("organiser_fees_volume", N_(13, 2), "money", lo=0, hi=200),
          col("is_paused", sa.SmallInteger, "choice", values=[0, 0, 1]),
          col("public_id", I, "int", lo=1000, hi=99999, null=0.5),
          col("user_id", I, fk="users.id"))
    table(md, "order_items", 600,
          col("id", I, pk=True, auto=True),
          col("title", S(255), "choice", values=["General Admission", "VIP", "Early Bird",
                                                 "Student"]),
          col("quantity", I, "int", lo=1, hi=6),
          col("unit_price", N_(13, 2), "money", lo=0, hi=150),
          col("unit_booking_fee", N_(13, 2), "money", lo=0, hi=3, null=0.5),
          col("order_id", I, fk="orders.id"),
          col("deleted_at", TS, _ts, null=0.97))
    table(md, "event_stats", 300,
          col("id", I, pk=True, auto=True),
          col("date", sa.Date, "date"),
          col("views", I, "int", lo=0, hi=2000),
          col("unique_views", I, "int", lo=0, hi=1500),
          col("tickets_sold", I, "int", lo=0, hi=100),
          col("sales_volume", N_(13, 2), "money", lo=0, hi=3000),
          col("organiser_fees_volume", N_(13, 2), "money", lo=0, hi=90),
          col("event_id", I, fk="events.id"))
    table(md, "attendees", 700,
          col("id", I, pk=True, auto=True),
          col("order_id", I, fk="orders.id"),
          col("event_id", I, fk="events.id"),
          col("ticket_id", I, fk="tickets.id"),
          col("first_name", S(255), lambda c: c.person["first"]),
          col("last_name", S(255), lambda c: c.person["last"]),
          col("email", S(255), lambda c: c.person["email"]),
          col("reference", S(20), lambda c: f"{_ref(c)}-{c.rng.randint(1, 6)}"),
          col("private_reference_number", I, "int", lo=10**6, hi=10**9),
          *_stamps(),
          col("is_cancelled", B, lambda c: c.rng.random() < 0.05),
          col("has_arrived", B, lambda c: c.rng.random() < 0.4),
          col("arrival_time", TS, _ts, null=0.6),
          col("account_id", I, fk="accounts.id"))
    table(md, "reserved_tickets", 60,
          col("id", I, pk=True, auto=True),
          col("ticket_id", I, ref="tickets.id"),
          col("event_id", I, ref="events.id"),
          col("quantity_reserved", I, "int", lo=1, hi=6),
          col("expires", TS, _ts),
          col("session_id", S(45), token_of(40, "url")),
          col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02))
    table(md, "messages", 40,
          col("id", I, pk=True, auto=True),
          col("message", T, "template", texts=MESSAGES),
          col("subject", S(255), "choice", values=["Event update", "Important information",
                                                   "Reminder", "Venue change"]),
          col("recipients", I, ref="tickets.id", null=0.6),
          col("account_id", I, fk="accounts.id"),
          col("user_id", I, fk="users.id"),
          col("event_id", I, fk="events.id"),
          col("is_sent", I, "choice", values=[0, 1, 1]),
          col("sent_at", TS, _ts, null=0.3),
          col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02))
    return md
