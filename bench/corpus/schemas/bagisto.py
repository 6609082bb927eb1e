"""Bagisto (PHP e-commerce on Laravel): a held-out schema (issue #10), labelled before any
scan and never tuned on. Each table is as its create migration in
``packages/Webkul/*/src/Database/Migrations`` leaves it (later ``add_*``/``rename_*``
/``drop_*`` migrations not applied, e.g. ``customers.channel_id`` and the renamed
``addresses.address1``), 15 tables, all their columns except a subset of ``orders`` (its
53 amount columns cut to five). Laravel types: ``string`` is ``VARCHAR(255)``, ``json``
``JSON``, ``timestamps()`` nullable ``TIMESTAMP``. Foreign keys as the migrations
declare them between tables included; references to tables not included (``categories``,
``locales``, ``currencies``, ``cart``, ``products``, ``roles``) are generated as values
without a constraint.

Tables: countries and customer groups (lookups), customers (names, gender, date of
birth, e-mail, phone, bcrypt hash, API token, verification and remember-me tokens, admin
notes), customer password resets, customer notes (staff notes that name and phone
people), social login accounts (the provider's user id), admins (name, e-mail, hash, API
token), channels (with the maintenance allow-list of the administrators' IPs and JSON
SEO meta), the configuration store (``core_config``: shop name, role e-mail addresses,
flags), orders (customer e-mail and names, guest flag), addresses (customer address book
and cart/order copies, guests included), order payments (JSON ``additional`` with the
PayPal payer's name and e-mail in some rows), product reviews (a free-typed reviewer
name, comments that sometimes name someone), newsletter subscribers (e-mail, unsubscribe
token) and GDPR data requests (the customer's own message).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import REVIEW_TEXTS, col, datetimes, json_, table, tinyint
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "bagisto/bagisto",
          "path": "packages/Webkul/{Core,Customer,User,Sales,Product,GDPR,SocialLogin}/src/"
                  "Database/Migrations/*create_*",
          "commit": "889a7c6bd7200867d528f6ddc2668798e7db05d8"}
PERSON_TABLES = ("customers", "admins")

S = sa.String(255)
T = sa.Text
TS = sa.DateTime
I = sa.Integer  # noqa: E741
B = sa.Boolean
M = sa.Numeric(12, 4)

N_CUSTOMER = 120
N_ORDER = 250
COUNTRIES = [("US", "United States"), ("DE", "Germany"), ("FR", "France"), ("IN", "India"),
             ("GB", "United Kingdom"), ("BR", "Brazil"), ("JP", "Japan"), ("PL", "Poland"),
             ("TR", "Turkey"), ("AE", "United Arab Emirates")]
GROUPS = [("guest", "Guest", False), ("general", "General", False),
          ("wholesale", "Wholesale", False), ("vip", "VIP", True)]
CONFIG = [("general.general.locale_options.weight_unit", "kgs"),
          ("general.design.admin_logo.logo_image", "configuration/logo.png"),
          ("sales.order_settings.order_number.order_number_prefix", "ORD-"),
          ("emails.configure.email_settings.sender_name", "Bagisto Demo Store"),
          ("emails.configure.email_settings.shop_email_from", "shop@bagisto-demo.example"),
          ("emails.configure.email_settings.admin_name", "Store Admin"),
          ("emails.configure.email_settings.admin_email", "admin@bagisto-demo.example"),
          ("customer.settings.newsletter.subscription", "1"),
          ("customer.settings.email.verification", "1"),
          ("sales.payment_methods.paypal_smart_button.client_id", None),
          ("sales.payment_methods.paypal_smart_button.active", "1"),
          ("catalog.products.review.guest_review", "1"),
          ("sales.shipping.origin.address", "Industriestraße 12"),
          ("sales.shipping.origin.city", "Hamburg"),
          ("sales.shipping.origin.contact_number", "+49 40 1234567"),
          ("general.gdpr.settings.enabled", "1")]


_ts = datetimes(2019, 2025)


NOTES = ["", "Prefers delivery after 6 pm", "Called {phone} about the missing parcel",
         "{first} {last} asked for an invoice with the company name",
         "Chargeback opened, see order #{n}", "Moved to {street}, {city}",
         "VIP since 2021", "Spoke with {first2} (spouse), will call back"]
GDPR_MESSAGES = ["Please delete my account and all data.",
                 "I want a copy of my data. My name is {first} {last}, phone {phone}.",
                 "Delete everything, I moved to {city} and no longer shop here.",
                 "Send my data export to {email} please", "Remove my address history."]


def _addr_type(c):  # type: ignore[no-untyped-def]
    t = c.rng.choices(["customer", "cart_billing", "cart_shipping", "order_billing",
                       "order_shipping"], [30, 10, 10, 25, 25])[0]
    c.row["_t"] = t
    return t


def _addr_customer(c):  # type: ignore[no-untyped-def]
    if c.row["_t"] == "customer" or c.rng.random() < 0.6:
        return c.rng.randint(1, N_CUSTOMER)
    return None


def _addr_cart(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, 400) if c.row["_t"].startswith("cart") else None


def _addr_order(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_ORDER) if c.row["_t"].startswith("order") else None


def _payment_method(c):  # type: ignore[no-untyped-def]
    m = c.rng.choice(["cashondelivery", "moneytransfer", "paypal_smart_button",
                      "paypal_standard"])
    c.row["_m"] = m
    return m


def _payment_additional(c):  # type: ignore[no-untyped-def]
    if not c.row["_m"].startswith("paypal"):
        return None
    p = c.person
    return {"orderID": G["token"](_p(c, n=17, style="hex")).upper(),
            "payer": {"email_address": p["email"],
                      "name": {"given_name": p["first"], "surname": p["last"]},
                      "payer_id": "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                          for _ in range(13))},
            "status": "COMPLETED"}


def _order_guest(c):  # type: ignore[no-untyped-def]
    g = c.rng.random() < 0.25
    c.row["_guest"] = g
    return g


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "countries", len(COUNTRIES),
          col("id", I, pk=True, auto=True),
          col("code", S, lambda c: COUNTRIES[c.index][0]),
          col("name", S, lambda c: COUNTRIES[c.index][1]))
    table(md, "customer_groups", len(GROUPS),
          col("id", I, pk=True, auto=True),
          col("code", S, lambda c: GROUPS[c.index][0], unique=True),
          col("name", S, lambda c: GROUPS[c.index][1]),
          col("is_user_defined", B, lambda c: GROUPS[c.index][2]),
          col("created_at", TS, _ts, null=0.2),
          col("updated_at", TS, _ts, null=0.2))
    table(md, "customers", N_CUSTOMER,
          col("id", I, pk=True, auto=True),
          col("first_name", S, "first_name"),
          col("last_name", S, "last_name"),
          col("gender", S, lambda c: c.rng.choice(["Male", "Female", "Other"]), null=0.4),
          col("date_of_birth", sa.Date, "dob", null=0.6),
          col("email", S, "email", unique=True, null=0.02),
          col("phone", S, "phone", unique=True, null=0.4),
          col("image", S, lambda c: f"customer/{c.index + 1}/{G['token'](_p(c, n=40))}.webp",
              null=0.8),
          col("status", tinyint(), "choice", values=[1, 1, 1, 0]),
          col("password", S, "password_hash", style="bcrypt12", null=0.05),
          col("api_token", sa.String(80), _tok(80), unique=True, null=0.6),
          col("customer_group_id", I, lambda c: c.rng.choice([2, 2, 2, 3, 4]),
              fk="customer_groups.id", nullable=True),
          col("subscribed_to_news_letter", B, lambda c: c.rng.random() < 0.3),
          col("is_verified", B, lambda c: c.rng.random() < 0.8),
          col("is_suspended", tinyint(), "choice", values=[0, 0, 0, 0, 1]),
          col("token", S, _tok(32, "hex"), null=0.7),
          col("notes", T, "template", texts=NOTES, null=0.7),
          col("remember_token", sa.String(100), _tok(60), null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "customer_password_resets", 20,
          col("email", S, "email"),
          col("token", S, lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("created_at", TS, _ts, null=0.05))
    table(md, "customer_notes", 80,
          col("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), pk=True, auto=True),
          col("customer_id", I, fk="customers.id", null=0.02),
          col("note", T, lambda c: G["template"](_p(c, texts=NOTES)) or "Follow-up done"),
          col("customer_notified", B, lambda c: c.rng.random() < 0.2),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "customer_social_accounts", 30,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="customers.id"),
          col("provider_name", S, "choice", values=["google", "facebook", "github",
                                                    "linkedin", "twitter"], null=0.02),
          col("provider_id", S, lambda c: str(c.rng.randint(10**15, 10**21)), unique=True,
              null=0.02),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "admins", 8,
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: "Example" if c.index == 0 else G["full_name"](c)),
          col("email", S, lambda c: "admin@example.com" if c.index == 0 else
              c.person["email"], unique=True),
          col("password", S, "password_hash", style="bcrypt12", null=0.1),
          col("api_token", sa.String(80), _tok(80), unique=True, null=0.5),
          col("status", B, lambda c: c.rng.random() < 0.9),
          col("role_id", I, lambda c: 1 if c.index == 0 else c.rng.choice([1, 2, 3])),
          col("image", S, lambda c: f"admins/{c.index + 1}/{G['token'](_p(c, n=40))}.png",
              null=0.7),
          col("remember_token", sa.String(100), _tok(60), null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "channels", 3,
          col("id", I, pk=True, auto=True),
          col("code", S, lambda c: ["default", "b2b", "outlet"][c.index]),
          col("timezone", S, "timezone", null=0.3),
          col("theme", S, lambda c: "default"),
          col("hostname", S, lambda c: ["https://shop.example.com", "https://b2b.example.com",
                                        "https://outlet.example.com"][c.index]),
          col("logo", S, lambda c: f"channel/{c.index + 1}/logo.webp", null=0.3),
          col("favicon", S, lambda c: f"channel/{c.index + 1}/favicon.ico", null=0.3),
          col("home_seo", json_(), lambda c: {"meta_title": "Demo store",
                                              "meta_description": "Clothes and more",
                                              "meta_keywords": "shop, fashion"}),
          col("is_maintenance_on", B, lambda c: c.index == 2),
          col("allowed_ips", T, lambda c: ", ".join(G["ipv4"](c) for _ in range(
              c.rng.randint(1, 3))), null=0.3),
          col("root_category_id", I, lambda c: 1),
          col("default_locale_id", I, lambda c: 1),
          col("base_currency_id", I, lambda c: c.rng.choice([1, 2])),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "core_config", len(CONFIG),
          col("id", I, pk=True, auto=True),
          col("code", S, lambda c: CONFIG[c.index][0]),
          col("value", T, lambda c: CONFIG[c.index][1] if CONFIG[c.index][1] is not None
              else "A" + G["token"](_p(c, n=79, style="url"))),
          col("channel_code", S, lambda c: "default", null=0.3),
          col("locale_code", S, lambda c: "en", null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "orders", N_ORDER,
          col("id", I, pk=True, auto=True),
          col("increment_id", S, lambda c: str(c.index + 1), unique=True),
          col("status", S, "choice", values=["pending", "processing", "completed", "canceled",
                                             "closed", "fraud"]),
          col("channel_name", S, lambda c: "Default"),
          col("is_guest", B, _order_guest),
          col("customer_email", S, "email"),
          col("customer_first_name", S, "first_name"),
          col("customer_last_name", S, "last_name"),
          col("shipping_method", S, "choice", values=["flatrate_flatrate", "free_free"]),
          col("shipping_title", S, lambda c: "Flat Rate - Flat Rate"),
          col("coupon_code", S, lambda c: c.rng.choice(["WELCOME10", "SUMMER24", "BF2023"]),
              null=0.85),
          col("is_gift", B, lambda c: c.rng.random() < 0.05),
          col("total_item_count", I, "int", lo=1, hi=6),
          col("base_currency_code", S, lambda c: "USD"),
          col("order_currency_code", S, "choice", values=["USD", "EUR", "INR"]),
          col("grand_total", M, "money", lo=10, hi=900),
          col("sub_total", M, "money", lo=10, hi=800),
          col("discount_amount", M, lambda c: 0, null=0.2),
          col("tax_amount", M, "money", lo=0, hi=90),
          col("shipping_amount", M, "choice", values=[0, 10]),
          col("customer_id", I, lambda c: None if c.row["_guest"] else
              c.rng.randint(1, N_CUSTOMER), fk="customers.id", nullable=True),
          col("customer_type", S, lambda c: None if c.row["_guest"] else
              "Webkul\\Customer\\Models\\Customer", nullable=True),
          col("channel_id", I, fk="channels.id"),
          col("channel_type", S, lambda c: "Webkul\\Core\\Models\\Channel"),
          col("cart_id", I, "int", lo=1, hi=400),
          col("applied_cart_rule_ids", S, lambda c: c.rng.choice(["", "1", "2,3"]), null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "addresses", 500,
          col("id", I, pk=True, auto=True),
          col("address_type", S, _addr_type),
          col("customer_id", I, _addr_customer, fk="customers.id", nullable=True),
          col("cart_id", I, _addr_cart, nullable=True),
          col("order_id", I, _addr_order, fk="orders.id", nullable=True),
          col("first_name", S, "first_name"),
          col("last_name", S, "last_name"),
          col("gender", S, lambda c: c.rng.choice(["Male", "Female"]), null=0.7),
          col("company_name", S, "company", null=0.8),
          col("address1", S, "street"),
          col("address2", S, lambda c: c.rng.choice(["Apt. 3B", "c/o " + G["full_name"](c),
                                                     "2. OG", ""]), null=0.6),
          col("city", S, "city"),
          col("state", S, "state", null=0.2),
          col("country", S, lambda c: c.rng.choice(COUNTRIES)[0], null=0.05),
          col("postcode", S, "postcode", null=0.05),
          col("email", S, "email", null=0.3),
          col("phone", S, "phone", null=0.1),
          col("vat_id", S, lambda c: f"DE{c.rng.randint(100000000, 999999999)}", null=0.9),
          col("default_address", B, lambda c: c.row["_t"] == "customer" and
              c.rng.random() < 0.5),
          col("additional", json_(), lambda c: None, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "order_payment", N_ORDER,
          col("id", I, pk=True, auto=True),
          col("order_id", I, lambda c: c.index + 1, fk="orders.id", nullable=True),
          col("method", S, _payment_method),
          col("method_title", S, lambda c: {"cashondelivery": "Cash On Delivery",
                                            "moneytransfer": "Money Transfer"}.get(
              c.row["_m"], "PayPal"), null=0.05),
          col("additional", json_(), _payment_additional, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "product_reviews", 150,
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: c.rng.choice([G["full_name"](c), c.person["first"],
                                                 G["display_name"](c), ""])),
          col("title", S, lambda c: c.rng.choice(["Great!", "Not bad", "Disappointed",
                                                  "Perfect fit", "Value for money"])),
          col("rating", I, "int", lo=1, hi=5),
          col("comment", T, "template", texts=REVIEW_TEXTS, null=0.1),
          col("status", S, "choice", values=["approved", "approved", "pending",
                                             "disapproved"]),
          col("product_id", I, "int", lo=1, hi=80),
          col("customer_id", I, "int", lo=1, hi=N_CUSTOMER, null=0.3),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "subscribers_list", 90,
          col("id", I, pk=True, auto=True),
          col("email", S, "email"),
          col("is_subscribed", B, lambda c: c.rng.random() < 0.85),
          col("token", S, _tok(13, "hex"), null=0.1),
          col("customer_id", I, fk="customers.id", null=0.5),
          col("channel_id", I, fk="channels.id"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "gdpr_data_request", 25,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="customers.id"),
          col("email", S, "email"),
          col("status", S, "choice", values=["pending", "processing", "completed",
                                             "declined", "revoked"]),
          col("type", S, "choice", values=["update", "delete"]),
          col("message", sa.String(500), "template", texts=GDPR_MESSAGES),
          col("revoked_at", TS, _ts, null=0.85),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    return md
