"""Sylius (PHP e-commerce framework, Symfony with Doctrine): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as the consolidated 2.0
migration ``src/Sylius/Bundle/CoreBundle/Migrations/Version20160101084139.php`` (the
PostgreSQL one; ``Version20160101092155`` is its MySQL twin) creates them, with the 2024
migrations applied (``salt``, ``encoder_name``, ``locked``, ``expires_at`` and
``credentials_expire_at`` dropped from both user tables; ``sylius_payment_request``
added): 18 of its tables, all their columns. Types as in the migration (``TIMESTAMP(0)``,
``JSONB`` roles and log data, ``JSON`` payment details and gateway config, ``uuid``
payment-request hash, ``CHAR(32)`` on MariaDB where the MySQL twin has
``BINARY(16)``). Foreign keys and unique indexes as the migration declares them, to
tables included; references to tables not included (locale,
currency, zone, taxon, product, promotion coupon, shipping method, price-history config)
are generated as values without a constraint, and so is ``sylius_customer.default_address_id``
(with ``sylius_address.customer_id`` it makes a cycle our builder cannot fill; its unique
index is kept).

Tables: customer groups, customers (e-mail and its canonical copy, names, birthday,
gender, phone), addresses (of customers and of orders: names, company, street, city,
postcode, province, phone), shop users (log-in of a customer: user name, argon2id hash,
reset and verification tokens, roles), admin users (with names and locale), OAuth
identities of shop users (provider ids and tokens), the address change log (JSONB
snapshots and who changed them), the shop's billing data and channels, countries and
provinces, orders (notes, customer IP, order token), payment methods, gateway configs
(the shop's API keys), payments (Payum details JSON), payment requests, shipments and
product reviews.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, table
from ..gen import with_params as _p

SOURCE = {"repo": "Sylius/Sylius",
          "path": "src/Sylius/Bundle/CoreBundle/Migrations/Version20160101084139.php",
          "commit": "3466cbab1098367b7107e756714f9390bf5e4bf6"}
PERSON_TABLES = ("sylius_customer", "sylius_shop_user", "sylius_admin_user")

I = sa.Integer  # noqa: E741
S = sa.String(255)
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
J = sa.JSON(none_as_null=True)
JB = jsonb()
UUIDB = sa.Uuid(as_uuid=True)

N_CUSTOMER = 300
N_ADDRESS = 450
N_ORDER = 400
COUNTRIES = ["US", "DE", "FR", "PL", "GB", "JP", "BR", "NL", "IT", "ES"]
PROVINCES = [("US-CA", "California", "CA", 1), ("US-NY", "New York", "NY", 1),
             ("DE-BY", "Bayern", "BY", 2), ("FR-IDF", "Île-de-France", None, 3),
             ("PL-MZ", "Mazowieckie", None, 4), ("JP-13", "東京都", None, 6),
             ("BR-SP", "São Paulo", "SP", 7)]
GATEWAYS = [("offline", "offline", {}),
            ("stripe", "stripe_checkout", {"publishable_key": "pk_live_51Hx", "secret_key":
                                           "sk_live_51HxQe2eZvKYlo2C0a9b8c7d6e5f4",
                                           "webhook_secret_keys": ["whsec_9f8e7d6c5b4a"]}),
            ("paypal", "paypal_express_checkout", {"username": "merchant_api1.shop.example",
                                                   "password": "QFZCWN5HZM8VBG7Q",
                                                   "signature": "A-IzJhZZjhg29XQ2qnhapuwxIDzy",
                                                   "sandbox": False})]


_ts = datetimes(2020, 2025)


def _lower(src):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        v = c.row.get(src)
        return None if v is None else v.lower()
    return gen


def _birthday(c):  # type: ignore[no-untyped-def]
    import datetime as dt
    b = c.person["born"]
    return dt.datetime(b.year, b.month, b.day)


def _order_notes(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=[
        "", "", "Please leave the parcel with the neighbour, {first2} {last2}.",
        "Call me before delivery: {phone}", "Gift - don't include the invoice!",
        "Ring twice. Door code 4411.", "Deliver to {street}, {city} instead",
        "Rechnung bitte an {email}"]))


def _payment_details(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return {}
    p = c.person
    if r < 0.7:
        return {"stripe_checkout_session_id": "cs_live_" + G["token"](_p(c, n=40, style="url")),
                "customer_email": p["email"], "payment_intent": "pi_" + G["token"](
                    _p(c, n=24, style="url")), "status": "complete",
                "card": {"brand": "visa", "last4": str(c.rng.randint(1000, 9999))}}
    return {"PAYERID": G["token"](_p(c, n=13)).upper(), "EMAIL": p["email"],
            "FIRSTNAME": p["first"], "LASTNAME": p["last"], "COUNTRYCODE": "DE",
            "PAYMENTINFO_0_TRANSACTIONID": G["token"](_p(c, n=17)).upper(),
            "ACK": "Success"}


def _payment_payload(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(['N;', 'a:0:{}',
                         'O:8:"stdClass":2:{s:10:"target_url";s:36:"https://shop.example.com/'
                         'order/thank-you";s:5:"email";s:' + str(len(p["email"])) + ':"'
                         + p["email"] + '";}'])


def _response_data(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([{}, {"status": "succeeded"},
                         {"error": {"code": "card_declined", "decline_code": "insufficient_funds"}},
                         {"receipt_email": c.person["email"], "status": "succeeded"}])


def _log_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.1:
        return None
    if c.row.get("action") == "remove":
        return None
    d = {"street": G["street"](c), "city": p["f"].city(), "postcode": p["f"].postcode()}
    if r < 0.6:
        d.update({"firstName": p["first"], "lastName": p["last"]})
    if r < 0.4:
        d["phoneNumber"] = G["phone"](c)
    return d


REVIEW_TITLES = ["Great!", "Not bad", "Disappointed", "Perfect fit", "Sehr gut",
                 "Bought it for {first2}", "Five stars"]
REVIEW_TEXTS = ["Works as described, fast shipping.", "Battery life could be better.",
                "My husband {first2} loves it.", "Great product. - {first} {last}, {city}",
                "Stopped working after two weeks.", "Five stars.",
                "Packaging was damaged but the item is fine.", "Ok"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "sylius_customer_group", 4,
          col("id", I, pk=True, auto=True),
          col("code", S, lambda c: ["retail", "wholesale", "vip", "staff"][c.index],
              unique=True),
          col("name", S, lambda c: ["Retail", "Wholesale", "VIP", "Staff"][c.index]))
    table(md, "sylius_customer", N_CUSTOMER,
          col("id", I, pk=True, auto=True),
          col("customer_group_id", I, fk="sylius_customer_group.id", null=0.7),
          col("default_address_id", I, lambda c: c.index + 1 if c.rng.random() < 0.5
              else None, nullable=True, unique=True),
          col("email", S, "email", unique=True),
          col("email_canonical", S, _lower("email"), unique=True),
          col("first_name", S, "first_name", null=0.3),
          col("last_name", S, "last_name", null=0.3),
          col("birthday", TS, _birthday, null=0.8),
          col("gender", sa.String(1), "choice", values=["u", "u", "u", "m", "f"]),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("phone_number", S, "phone", null=0.6),
          col("subscribed_to_newsletter", B, "bool"))
    table(md, "sylius_address", N_ADDRESS,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="sylius_customer.id", null=0.5),
          col("first_name", S, "first_name"),
          col("last_name", S, "last_name"),
          col("phone_number", S, "phone", null=0.4),
          col("street", S, "street"),
          col("company", S, "company", null=0.8),
          col("city", S, "city"),
          col("postcode", S, "postcode"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3),
          col("country_code", S, "choice", values=COUNTRIES),
          col("province_code", S, "choice", values=[p[0] for p in PROVINCES], null=0.6),
          col("province_name", S, "state", null=0.8))
    table(md, "sylius_shop_user", 200,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="sylius_customer.id", unique=True),
          col("username", S, lambda c: c.person["email"] if c.rng.random() < 0.8
              else c.person["username"], null=0.02),
          col("username_canonical", S, _lower("username"), nullable=True),
          col("enabled", B, lambda c: c.rng.random() < 0.9),
          col("password", S, "password_hash", style="argon2", null=0.02),
          col("last_login", TS, _ts, null=0.2),
          col("password_reset_token", S, lambda c: G["token"](_p(c, n=40, style="url")),
              null=0.9, unique=True),
          col("password_requested_at", TS, _ts, null=0.9),
          col("email_verification_token", S, lambda c: G["token"](_p(c, n=40, style="url")),
              null=0.7, unique=True),
          col("verified_at", TS, _ts, null=0.3),
          col("roles", JB, lambda c: ["ROLE_USER"]),
          col("email", S, lambda c: c.person["email"], null=0.05),
          col("email_canonical", S, _lower("email"), nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2))
    table(md, "sylius_admin_user", 12,
          col("id", I, pk=True, auto=True),
          col("username", S, "username"),
          col("username_canonical", S, _lower("username")),
          col("enabled", B, "bool"),
          col("password", S, "password_hash", style="bcrypt"),
          col("last_login", TS, _ts, null=0.1),
          col("password_reset_token", S, lambda c: G["token"](_p(c, n=40, style="url")),
              null=0.9, unique=True),
          col("password_requested_at", TS, _ts, null=0.9),
          col("email_verification_token", S, lambda c: G["token"](_p(c, n=40, style="url")),
              null=0.9, unique=True),
          col("verified_at", TS, _ts, null=0.5),
          col("roles", JB, lambda c: c.rng.choice([["ROLE_ADMINISTRATION_ACCESS"],
                                                   ["ROLE_API_ACCESS"]])),
          col("email", S, "email"),
          col("email_canonical", S, _lower("email")),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("first_name", S, "first_name", null=0.2),
          col("last_name", S, "last_name", null=0.2),
          col("locale_code", sa.String(12), "choice", values=["en_US", "de_DE", "fr_FR",
                                                              "pl_PL"]))
    table(md, "sylius_user_oauth", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="sylius_shop_user.id", null=0.02),
          col("provider", S, "choice", values=["google", "facebook", "amazon"]),
          col("identifier", S, lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.row.get("provider") == "google" else str(c.rng.randint(10**14, 10**16))),
          col("access_token", T, lambda c: "ya29." + G["token"](_p(c, n=120, style="url")),
              null=0.2),
          col("refresh_token", T, lambda c: "1//" + G["token"](_p(c, n=90, style="url")),
              null=0.6),
          sa.UniqueConstraint("user_id", "provider"))
    table(md, "sylius_address_log_entries", 300,
          col("id", I, pk=True, auto=True),
          col("action", S, "choice", values=["create", "update", "update", "remove"]),
          col("logged_at", TS, _ts),
          col("object_id", sa.String(64), lambda c: str(c.rng.randint(1, N_ADDRESS)),
              null=0.02),
          col("object_class", S, lambda c: "Sylius\\Component\\Core\\Model\\Address"),
          col("version", I, "int", lo=1, hi=6),
          col("data", JB, _log_data, nullable=True),
          col("username", S, lambda c: c.rng.choice([c.person["email"], c.person["username"],
                                                     None]), nullable=True))
    table(md, "sylius_shop_billing_data", 2,
          col("id", I, pk=True, auto=True),
          col("company", S, lambda c: ["Fashion Web Store GmbH", "Sklep Modowy Sp. z o.o."]
              [c.index], nullable=True),
          col("tax_id", S, lambda c: ["DE293847561", "PL5213847562"][c.index], nullable=True),
          col("country_code", S, lambda c: ["DE", "PL"][c.index], nullable=True),
          col("street", S, lambda c: ["Industriestraße 12", "ul. Przemysłowa 7"][c.index],
              nullable=True),
          col("city", S, lambda c: ["Berlin", "Warszawa"][c.index], nullable=True),
          col("postcode", S, lambda c: ["10115", "00-450"][c.index], nullable=True))
    table(md, "sylius_channel", 2,
          col("id", I, pk=True, auto=True),
          col("shop_billing_data_id", I, lambda c: c.index + 1, fk="sylius_shop_billing_data.id",
              unique=True, nullable=True),
          col("channel_price_history_config_id", I, lambda c: c.index + 1, unique=True,
              nullable=True),
          col("default_locale_id", I, lambda c: c.index + 1),
          col("base_currency_id", I, lambda c: c.index + 1),
          col("default_tax_zone_id", I, lambda c: c.index + 1, nullable=True),
          col("menu_taxon_id", I, lambda c: 1, nullable=True),
          col("code", S, lambda c: ["FASHION_WEB", "FASHION_PL"][c.index], unique=True),
          col("name", S, lambda c: ["Fashion Web Store", "Sklep modowy"][c.index]),
          col("color", S, lambda c: ["Navy", "Coral"][c.index], nullable=True),
          col("description", T, lambda c: ["Main web store", None][c.index], nullable=True),
          col("enabled", B, lambda c: True),
          col("hostname", S, lambda c: ["shop.example.com", "sklep.example.pl"][c.index],
              nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, nullable=True),
          col("theme_name", S, lambda c: None, nullable=True),
          col("tax_calculation_strategy", S, lambda c: "order_items_based"),
          col("contact_email", S, lambda c: ["contact@shop.example.com",
                                             "kontakt@sklep.example.pl"][c.index],
              nullable=True),
          col("contact_phone_number", S, lambda c: ["+49 30 901820", "+48 22 5551234"]
              [c.index], nullable=True),
          col("skipping_shipping_step_allowed", B, "bool"),
          col("skipping_payment_step_allowed", B, "bool"),
          col("account_verification_required", B, "bool"),
          col("shipping_address_in_checkout_required", B, "bool"))
    table(md, "sylius_country", len(COUNTRIES),
          col("id", I, pk=True, auto=True),
          col("code", sa.String(2), lambda c: COUNTRIES[c.index], unique=True),
          col("enabled", B, lambda c: True))
    table(md, "sylius_province", len(PROVINCES),
          col("id", I, pk=True, auto=True),
          col("country_id", I, lambda c: PROVINCES[c.index][3], fk="sylius_country.id"),
          col("code", S, lambda c: PROVINCES[c.index][0], unique=True),
          col("name", S, lambda c: PROVINCES[c.index][1]),
          col("abbreviation", S, lambda c: PROVINCES[c.index][2], nullable=True),
          sa.UniqueConstraint("country_id", "name"))
    table(md, "sylius_order", N_ORDER,
          col("id", I, pk=True, auto=True),
          col("shipping_address_id", I, lambda c: N_ADDRESS - c.index
              if c.rng.random() < 0.55 else None, fk="sylius_address.id", unique=True,
              nullable=True),
          col("billing_address_id", I, lambda c: c.index + 1 if c.index < 220
              and c.rng.random() < 0.8 else None, fk="sylius_address.id", unique=True,
              nullable=True),
          col("channel_id", I, fk="sylius_channel.id", null=0.02),
          col("promotion_coupon_id", I, "int", lo=1, hi=20, null=0.9),
          col("customer_id", I, fk="sylius_customer.id", null=0.1),
          col("number", S, lambda c: f"{c.index + 1:09d}", null=0.15, unique=True),
          col("notes", T, _order_notes, null=0.6),
          col("state", S, "choice", values=["cart", "new", "new", "fulfilled", "cancelled"]),
          col("checkout_completed_at", TS, _ts, null=0.2),
          col("items_total", I, "int", lo=0, hi=50000),
          col("adjustments_total", I, "int", lo=-2000, hi=2000),
          col("total", I, "int", lo=0, hi=52000),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.1),
          col("currency_code", sa.String(3), "choice", values=["EUR", "USD", "PLN"]),
          col("locale_code", S, "choice", values=["en_US", "de_DE", "pl_PL", "fr_FR"]),
          col("checkout_state", S, "choice", values=["cart", "addressed", "completed"]),
          col("payment_state", S, "choice", values=["cart", "awaiting_payment", "paid"]),
          col("shipping_state", S, "choice", values=["cart", "ready", "shipped"]),
          col("created_by_guest", B, "bool"),
          col("token_value", S, lambda c: G["token"](_p(c, n=10, style="url")), null=0.1,
              unique=True),
          col("customer_ip", S, "ip", null=0.2))
    table(md, "sylius_gateway_config", len(GATEWAYS),
          col("id", I, pk=True, auto=True),
          col("gateway_name", S, lambda c: GATEWAYS[c.index][0]),
          col("factory_name", S, lambda c: GATEWAYS[c.index][1]),
          col("config", J, lambda c: GATEWAYS[c.index][2]))
    table(md, "sylius_payment_method", len(GATEWAYS),
          col("id", I, pk=True, auto=True),
          col("gateway_config_id", I, lambda c: c.index + 1, fk="sylius_gateway_config.id",
              nullable=True),
          col("code", S, lambda c: ["cash_on_delivery", "stripe", "paypal"][c.index],
              unique=True),
          col("environment", S, lambda c: None, nullable=True),
          col("is_enabled", B, lambda c: True),
          col("position", I, lambda c: c.index),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, nullable=True))
    table(md, "sylius_payment", 420,
          col("id", I, pk=True, auto=True),
          col("method_id", I, fk="sylius_payment_method.id", null=0.02),
          col("order_id", I, fk="sylius_order.id"),
          col("currency_code", sa.String(3), "choice", values=["EUR", "USD", "PLN"]),
          col("amount", I, "int", lo=100, hi=52000),
          col("state", S, "choice", values=["cart", "new", "completed", "failed",
                                            "cancelled"]),
          col("details", J, _payment_details),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.1))
    table(md, "sylius_payment_request", 150,
          col("hash", UUIDB, "uuid", pk=True),
          col("method_id", I, fk="sylius_payment_method.id"),
          col("payment_id", I, fk="sylius_payment.id"),
          col("state", S, "choice", values=["new", "processing", "completed", "failed"]),
          col("action", S, "choice", values=["capture", "authorize", "status", "refund"]),
          col("payload", T, _payment_payload),
          col("response_data", J, _response_data),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3))
    table(md, "sylius_shipment", 380,
          col("id", I, pk=True, auto=True),
          col("method_id", I, "int", lo=1, hi=3),
          col("order_id", I, fk="sylius_order.id"),
          col("state", S, "choice", values=["cart", "ready", "shipped", "cancelled"]),
          col("tracking", S, lambda c: c.rng.choice(
              [f"1Z{G['token'](_p(c, n=16)).upper()}", f"JJD{c.rng.randint(10**17, 10**18)}",
               f"RR{c.rng.randint(10**8, 10**9)}DE"]), null=0.6),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("shipped_at", TS, _ts, null=0.5),
          col("adjustments_total", I, "int", lo=0, hi=2000))
    table(md, "sylius_product_review", 200,
          col("id", I, pk=True, auto=True),
          col("product_id", I, "int", lo=1, hi=60),
          col("author_id", I, fk="sylius_customer.id"),
          col("title", S, "template", texts=REVIEW_TITLES, null=0.1),
          col("rating", I, "int", lo=1, hi=5),
          col("comment", T, "template", texts=REVIEW_TEXTS, null=0.1),
          col("status", S, "choice", values=["new", "accepted", "rejected"]),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3))
    return md


