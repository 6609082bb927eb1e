"""PrestaShop (PHP/MySQL e-commerce): a held-out schema (issue #10), labelled before any
scan and never tuned on. Tables from ``install-dev/data/db_structure.sql`` with the
default ``ps_`` prefix: customers, their addresses, guests (visitor statistics rows) and
their connections (the IP as a ``BIGINT``, PHP's ``ip2long``), carts, orders, order
payments (card number, brand, expiry, holder), back-office employees, customer-service
threads and messages, the sent-mail log, and the gender (with its localised names),
country and state lookups.

PrestaShop declares no foreign keys: every ``id_*`` reference is generated as a value, as
in the original. ``secure_key`` (carts, orders, customers) is the MD5 token that lets a
guest see an order. Column subset of ``ps_orders`` (the tax-split totals left out).
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, enum, mediumtext, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "PrestaShop/PrestaShop", "path": "install-dev/data/db_structure.sql",
          "commit": "0024295538a9340dddb429e3fc33c25d41435934"}
PERSON_TABLES = ("ps_customer", "ps_employee", "ps_guest")

UI = sa.Integer().with_variant(mysql.INTEGER(unsigned=True), "mysql", "mariadb")
V = sa.String
T = sa.Text
DT = sa.DateTime
D6 = sa.Numeric(20, 6)
TI = tinyint()

N_CUST = 250
N_GUEST = 400
N_EMP = 8
GENDERS = ["Mr.", "Mrs."]
COUNTRIES = [("DE", 49, "NNNNN"), ("AT", 43, "NNNN"), ("BE", 32, "NNNN"), ("CA", 1, "LNL NLN"),
             ("CN", 86, "NNNNNN"), ("ES", 34, "NNNNN"), ("FI", 358, "NNNNN"), ("FR", 33, "NNNNN"),
             ("GR", 30, "NNNNN"), ("IT", 39, "NNNNN"), ("JP", 81, "NNN-NNNN"), ("US", 1, "NNNNN"),
             ("PL", 48, "NN-NNN"), ("GB", 44, ""), ("TR", 90, "NNNNN"), ("CZ", 420, "NNN NN")]
STATES = [("AL", "Alabama"), ("CA", "California"), ("NY", "New York"), ("TX", "Texas"),
          ("FL", "Florida"), ("AG", "Agrigento"), ("MI", "Milano"), ("RM", "Roma"),
          ("JP-13", "Tokyo"), ("JP-27", "Osaka"), ("ON", "Ontario"), ("QC", "Quebec")]


def _md5(c):  # type: ignore[no-untyped-def]
    return hashlib.md5(str(c.rng.random()).encode()).hexdigest()


def _passwd(c):  # type: ignore[no-untyped-def]
    # PrestaShop 1.7: bcrypt; pre-1.7 accounts keep md5(_COOKIE_KEY_.passwd)
    return G["password_hash"](_p(c, style="bcrypt12")) if c.rng.random() < 0.8 else _md5(c)


def _company(c):  # type: ignore[no-untyped-def]
    return G["company"](c) if c.rng.random() < 0.15 else None


def _siret(c):  # type: ignore[no-untyped-def]
    return f"{c.rng.randint(10**13, 10**14 - 1)}" if c.row.get("company") else None


def _website(c):  # type: ignore[no-untyped-def]
    return G["personal_url"](c) if c.rng.random() < 0.1 else None


CUST_NOTES = ["Prefers delivery after 6pm.",
              "Called about order {n}, wife {first2} will pick up.",
              "Customer {first} {last} asked to be removed from SMS, phone {phone}",
              "B2B - invoice to accounting", "Blacklisted after chargeback"]
MESSAGES = ["Bonjour, je n'ai pas reçu ma commande n°{n}.",
            "Hi, my name is {first} {last} and I can't log in to my account.",
            "Please call me back on {phone}, it's about order #{n}.",
            "My new email is {email}, can you update it?",
            "Thanks for the quick reply!", "The package never arrived. I live at {street}, {city}.",
            "Can I change the delivery date?", "Dear {first}, your refund has been processed.",
            "Hallo, bitte stornieren Sie meine Bestellung.", "ok"]
GIFT_MSGS = ["", "", "Happy birthday {first}!", "Joyeux anniversaire ❤", "For {first} {last}, "
             "with love", "Merry Christmas!"]


def _message(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=MESSAGES))


def _ip_long(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        return None
    a = [c.rng.randint(1, 254) for _ in range(4)]
    return (a[0] << 24) | (a[1] << 16) | (a[2] << 8) | a[3]


def _referer(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return ""
    if r < 0.8:
        return c.rng.choice(["https://www.google.com/", "https://www.bing.com/search?q=bike+helmet",
                             "https://l.facebook.com/", "https://duckduckgo.com/"])
    return f"https://mail.example.com/inbox?to={c.person['email']}" if r < 0.9 else None


def _delivery_option(c):  # type: ignore[no-untyped-def]
    return json.dumps({str(c.rng.randint(1, 400)): f"{c.rng.randint(1, 6)},"})


def _checkout_session(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    p = c.person
    data = {"checkout-personal-information-step": {"step_is_reachable": True,
                                                   "step_is_complete": True},
            "checkout-addresses-step": {"use_same_address": True},
            "checkout-delivery-step": {"message": c.rng.choice(["", "Leave at door",
                                                                f"Call {p['first']} first"])}}
    if c.rng.random() < 0.4:
        data["checkout-personal-information-step"]["guest_email"] = p["email"]
    return json.dumps(data, ensure_ascii=False)


def _card_number(c):  # type: ignore[no-untyped-def]
    if c.row.get("_card") is None:
        c.row["_card"] = c.row["payment_method"] in ("Payments by card", "Stripe")
    if not c.row["_card"]:
        return None
    return "**** **** **** " + f"{c.rng.randint(0, 9999):04d}" if c.rng.random() < 0.7 \
        else G["masked_card"](c)


def _employee_email(c):  # type: ignore[no-untyped-def]
    return c.person["email"].split("@")[0] + "@shop.example.com" if c.index else \
        "demo@prestashop.com"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "ps_gender", 2,
          col("id_gender", sa.Integer, pk=True, auto=True),
          col("type", TI, lambda c: c.index))
    table(md, "ps_gender_lang", 6,
          col("id_gender", UI, lambda c: c.index % 2 + 1, pk=True),
          col("id_lang", UI, lambda c: c.index // 2 + 1, pk=True),
          col("name", V(20), lambda c: [["Mr.", "Mrs."], ["M.", "Mme"], ["Herr", "Frau"]]
              [c.index // 2][c.index % 2]))
    table(md, "ps_country", len(COUNTRIES),
          col("id_country", UI, pk=True, auto=True),
          col("id_zone", UI, "int", lo=1, hi=8),
          col("id_currency", UI, "choice", values=[0, 1, 2]),
          col("iso_code", V(3), lambda c: COUNTRIES[c.index][0]),
          col("call_prefix", sa.Integer, lambda c: COUNTRIES[c.index][1]),
          col("active", TI, lambda c: int(c.rng.random() < 0.7)),
          col("contains_states", TI, lambda c: int(COUNTRIES[c.index][0] in ("US", "IT", "JP",
                                                                            "CA"))),
          col("need_identification_number", TI, lambda c: int(COUNTRIES[c.index][0] == "ES")),
          col("need_zip_code", TI, lambda c: 1),
          col("zip_code_format", V(12), lambda c: COUNTRIES[c.index][2]),
          col("display_tax_label", sa.Boolean, "bool"))
    table(md, "ps_state", len(STATES),
          col("id_state", UI, pk=True, auto=True),
          col("id_country", UI, ref="ps_country.id_country"),
          col("id_zone", UI, "int", lo=1, hi=8),
          col("name", V(64), lambda c: STATES[c.index][1]),
          col("iso_code", V(7), lambda c: STATES[c.index][0]),
          col("tax_behavior", sa.SmallInteger, lambda c: 0),
          col("active", TI, lambda c: 1))
    table(md, "ps_customer", N_CUST,
          col("id_customer", UI, pk=True, auto=True),
          col("id_shop_group", UI, lambda c: 1),
          col("id_shop", UI, lambda c: 1),
          col("id_gender", UI, lambda c: 0 if c.rng.random() < 0.2 else
              (1 if c.person["male"] else 2)),
          col("id_default_group", UI, "choice", values=[3, 3, 3, 2, 4]),
          col("id_lang", UI, "choice", values=[1, 1, 2, 3, None], nullable=True),
          col("id_risk", UI, lambda c: 0),
          col("company", V(64), _company, nullable=True),
          col("siret", V(14), _siret, nullable=True),
          col("ape", V(5), lambda c: f"{c.rng.randint(1000, 9999)}Z" if c.row.get("company")
              else None, nullable=True),
          col("firstname", V(255), "first_name"),
          col("lastname", V(255), "last_name"),
          col("email", V(128), "email"),
          col("passwd", V(60), _passwd),
          col("last_passwd_gen", sa.DateTime, "datetime"),
          col("birthday", sa.Date, "dob", null=0.6),
          col("newsletter", TI, lambda c: int(c.rng.random() < 0.3)),
          col("ip_registration_newsletter", V(15), lambda c: G["ipv4"](c) if c.row["newsletter"]
              else None, nullable=True),
          col("newsletter_date_add", DT, lambda c: G["datetime"](c) if c.row["newsletter"]
              else None, nullable=True),
          col("optin", TI, lambda c: int(c.rng.random() < 0.2)),
          col("website", V(128), _website, nullable=True),
          col("outstanding_allow_amount", D6, lambda c: 0),
          col("show_public_prices", TI, lambda c: 0),
          col("max_payment_days", UI, lambda c: 60),
          col("secure_key", V(32), _md5),
          col("note", T, lambda c: None if c.rng.random() < 0.7 else
              G["template"](_p(c, texts=CUST_NOTES)), nullable=True),
          col("active", TI, lambda c: int(c.rng.random() < 0.95)),
          col("is_guest", TI, lambda c: int(c.rng.random() < 0.25)),
          col("deleted", TI, lambda c: int(c.rng.random() < 0.02)),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"),
          col("reset_password_token", V(40), lambda c: None if c.rng.random() < 0.9 else
              hashlib.sha1(str(c.rng.random()).encode()).hexdigest(), nullable=True),
          col("reset_password_validity", DT, lambda c: G["datetime"](c) if
              c.row["reset_password_token"] else None, nullable=True))
    table(md, "ps_address", 380,
          col("id_address", UI, pk=True, auto=True),
          col("id_country", UI, ref="ps_country.id_country"),
          col("id_state", UI, ref="ps_state.id_state", null=0.6),
          col("id_customer", UI, lambda c: c.rng.randint(1, N_CUST) if c.index < 360 else 0),
          col("id_manufacturer", UI, lambda c: 0 if c.index < 360 else c.rng.randint(1, 5)),
          col("id_supplier", UI, lambda c: 0),
          col("id_warehouse", UI, lambda c: 0),
          col("alias", V(32), lambda c: c.rng.choice(["My address", "Mon adresse", "Home", "Work",
                                                      "Büro", "Meine Adresse", "自宅"])),
          col("company", V(255), _company, nullable=True),
          col("lastname", V(255), "last_name"),
          col("firstname", V(255), "first_name"),
          col("address1", V(128), "street"),
          col("address2", V(128), lambda c: c.rng.choice([None, None, "", "Bât. B",
                                                          "Apartment 12", "2. Stock"]),
              nullable=True),
          col("postcode", V(12), "postcode", null=0.05),
          col("city", V(64), "city"),
          col("other", T, lambda c: c.rng.choice([None, "", "Digicode 4521", "Ring the bell twice",
                                                   "Gate code 1234#"]), nullable=True),
          col("phone", V(32), "phone", null=0.3),
          col("phone_mobile", V(32), "phone", null=0.5),
          col("vat_number", V(32), lambda c: f"FR{c.rng.randint(10**10, 10**11 - 1)}" if
              c.row.get("company") else None, nullable=True),
          col("dni", V(16), lambda c: f"{c.rng.randint(10**7, 10**8 - 1)}"
              f"{c.rng.choice('TRWAGMYFPDXBNJZSQVHLCKE')}" if c.rng.random() < 0.15 else None,
              nullable=True),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"),
          col("active", TI, lambda c: 1),
          col("deleted", TI, lambda c: int(c.rng.random() < 0.05)))
    table(md, "ps_guest", N_GUEST,
          col("id_guest", UI, pk=True, auto=True),
          col("id_operating_system", UI, "int", lo=1, hi=8, null=0.2),
          col("id_web_browser", UI, "int", lo=1, hi=11, null=0.2),
          col("id_customer", UI, ref="ps_customer.id_customer", null=0.6),
          col("javascript", TI, lambda c: 1, nullable=True),
          col("screen_resolution_x", sa.SmallInteger, "choice", values=[1920, 1366, 1440, 390,
                                                                        2560, None],
              nullable=True),
          col("screen_resolution_y", sa.SmallInteger, "choice", values=[1080, 768, 900, 844, None],
              nullable=True),
          col("screen_color", TI, "choice", values=[24, 32, None], nullable=True),
          col("sun_java", TI, "choice", values=[0, None], nullable=True),
          col("adobe_flash", TI, "choice", values=[0, None], nullable=True),
          col("adobe_director", TI, "choice", values=[0, None], nullable=True),
          col("apple_quicktime", TI, "choice", values=[0, None], nullable=True),
          col("real_player", TI, "choice", values=[0, None], nullable=True),
          col("windows_media", TI, "choice", values=[0, None], nullable=True),
          col("accept_language", V(8), "choice", values=["fr", "en", "de", "es", "it", "pl",
                                                         None], nullable=True),
          col("mobile_theme", TI, lambda c: 0))
    table(md, "ps_connections", 900,
          col("id_connections", UI, pk=True, auto=True),
          col("id_shop_group", UI, lambda c: 1),
          col("id_shop", UI, lambda c: 1),
          col("id_guest", UI, ref="ps_guest.id_guest"),
          col("id_page", UI, "int", lo=1, hi=60),
          col("ip_address", sa.BigInteger, _ip_long, nullable=True),
          col("date_add", DT, "datetime"),
          col("http_referer", V(255), _referer, nullable=True))
    table(md, "ps_cart", 500,
          col("id_cart", UI, pk=True, auto=True),
          col("id_shop_group", UI, lambda c: 1),
          col("id_shop", UI, lambda c: 1),
          col("id_carrier", UI, "int", lo=0, hi=6),
          col("delivery_option", T, _delivery_option),
          col("id_lang", UI, "choice", values=[1, 2, 3]),
          col("id_address_delivery", UI, ref="ps_address.id_address"),
          col("id_address_invoice", UI, ref="ps_address.id_address"),
          col("id_currency", UI, "choice", values=[1, 2]),
          col("id_customer", UI, ref="ps_customer.id_customer"),
          col("id_guest", UI, ref="ps_guest.id_guest"),
          col("secure_key", V(32), _md5),
          col("recyclable", TI, lambda c: 0),
          col("gift", TI, lambda c: int(c.rng.random() < 0.1)),
          col("gift_message", T, "template", texts=GIFT_MSGS, nullable=True),
          col("mobile_theme", TI, lambda c: 0),
          col("allow_seperated_package", TI, lambda c: 0),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"),
          col("checkout_session_data", mediumtext(), _checkout_session, nullable=True))
    table(md, "ps_orders", 350,
          col("id_order", UI, pk=True, auto=True),
          col("reference", V(9), lambda c: "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                                   for _ in range(9)), nullable=True),
          col("id_shop_group", UI, lambda c: 1),
          col("id_shop", UI, lambda c: 1),
          col("id_carrier", UI, "int", lo=1, hi=6),
          col("id_lang", UI, "choice", values=[1, 2, 3]),
          col("id_customer", UI, ref="ps_customer.id_customer"),
          col("id_cart", UI, ref="ps_cart.id_cart"),
          col("id_currency", UI, "choice", values=[1, 2]),
          col("id_address_delivery", UI, ref="ps_address.id_address"),
          col("id_address_invoice", UI, ref="ps_address.id_address"),
          col("current_state", UI, "int", lo=1, hi=14),
          col("secure_key", V(32), _md5),
          col("payment", V(255), "choice", values=["Bank wire", "Payments by check",
                                                   "Payments by card", "PayPal", "Stripe"]),
          col("conversion_rate", sa.Numeric(13, 6), lambda c: 1),
          col("module", V(255), "choice", values=["ps_wirepayment", "ps_checkpayment", "stripe",
                                                  "paypal"], nullable=True),
          col("recyclable", TI, lambda c: 0),
          col("gift", TI, lambda c: int(c.rng.random() < 0.1)),
          col("gift_message", T, "template", texts=GIFT_MSGS, nullable=True),
          col("mobile_theme", TI, lambda c: 0),
          col("shipping_number", V(64), lambda c: None if c.rng.random() < 0.5 else
              f"1Z{c.rng.randint(10**15, 10**16 - 1)}", nullable=True),
          col("total_discounts", D6, "money", lo=0, hi=20),
          col("total_paid", D6, "money"),
          col("total_paid_real", D6, "money"),
          col("total_products", D6, "money"),
          col("total_shipping", D6, "money", lo=0, hi=30),
          col("carrier_tax_rate", sa.Numeric(10, 3), "choice", values=[0, 20, 19]),
          col("total_wrapping", D6, lambda c: 0),
          col("round_mode", TI, lambda c: 2),
          col("round_type", TI, lambda c: 1),
          col("invoice_number", UI, lambda c: c.index + 1),
          col("delivery_number", UI, lambda c: c.rng.choice([0, c.index + 1])),
          col("invoice_date", DT, "datetime"),
          col("delivery_date", DT, "datetime"),
          col("valid", sa.Integer, lambda c: int(c.rng.random() < 0.8)),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"))
    table(md, "ps_order_payment", 330,
          col("id_order_payment", sa.Integer, pk=True, auto=True),
          col("order_reference", V(9), ref="ps_orders.reference", nullable=True),
          col("id_currency", UI, "choice", values=[1, 2]),
          col("amount", sa.Numeric(10, 2), "money"),
          col("payment_method", V(255), "choice", values=["Bank wire", "Payments by card",
                                                          "PayPal", "Stripe"]),
          col("conversion_rate", sa.Numeric(13, 6), lambda c: 1),
          col("transaction_id", V(254), lambda c: None if c.rng.random() < 0.3 else
              f"{c.rng.choice(['ch_', 'PAYID-', ''])}{G['token'](_p(c, n=20, style='url'))}",
              nullable=True),
          col("card_number", V(254), _card_number, nullable=True),
          col("card_brand", V(254), lambda c: c.rng.choice(["Visa", "MasterCard", "AmEx"]) if
              c.row["_card"] else None, nullable=True),
          col("card_expiration", sa.CHAR(7), lambda c: f"{c.rng.randint(1, 12):02d}/"
              f"{c.rng.randint(2025, 2030)}" if c.row["_card"] else None, nullable=True),
          col("card_holder", V(254), lambda c: (f"{c.person['first']} {c.person['last']}".upper()
                                               if c.rng.random() < 0.5 else G["full_name"](c))
              if c.row["_card"] else None, nullable=True),
          col("date_add", DT, "datetime"))
    table(md, "ps_employee", N_EMP,
          col("id_employee", UI, pk=True, auto=True),
          col("id_profile", UI, lambda c: 1 if c.index == 0 else c.rng.choice([2, 3, 4])),
          col("id_lang", UI, "choice", values=[1, 2]),
          col("lastname", V(32), "last_name"),
          col("firstname", V(32), "first_name"),
          col("email", V(128), _employee_email),
          col("passwd", V(60), lambda c: G["password_hash"](_p(c, style="bcrypt12"))),
          col("last_passwd_gen", sa.DateTime, "datetime"),
          col("stats_date_from", sa.Date, "date", null=0.3),
          col("stats_date_to", sa.Date, "date", null=0.3),
          col("stats_compare_from", sa.Date, "date", null=0.7),
          col("stats_compare_to", sa.Date, "date", null=0.7),
          col("stats_compare_option", UI, lambda c: 1),
          col("preselect_date_range", V(32), "choice", values=[None, "prev-month", "year"],
              nullable=True),
          col("bo_color", V(32), "choice", values=[None, "#FFFFFF"], nullable=True),
          col("bo_theme", V(32), lambda c: "default", nullable=True),
          col("bo_css", V(64), lambda c: "theme.css", nullable=True),
          col("default_tab", UI, "int", lo=0, hi=100),
          col("bo_width", UI, lambda c: 0),
          col("bo_menu", TI, lambda c: 1),
          col("active", TI, lambda c: 1),
          col("optin", TI, lambda c: int(c.rng.random() < 0.5)),
          col("id_last_order", UI, "int", lo=0, hi=350),
          col("id_last_customer_message", UI, "int", lo=0, hi=300),
          col("id_last_customer", UI, "int", lo=0, hi=N_CUST),
          col("last_connection_date", sa.Date, "date", null=0.2),
          col("reset_password_token", V(40), lambda c: None, nullable=True),
          col("reset_password_validity", DT, lambda c: None, nullable=True))
    table(md, "ps_customer_thread", 200,
          col("id_customer_thread", UI, pk=True, auto=True),
          col("id_shop", UI, lambda c: 1),
          col("id_lang", UI, "choice", values=[1, 2, 3]),
          col("id_contact", UI, "choice", values=[1, 2]),
          col("id_customer", UI, ref="ps_customer.id_customer", null=0.3),
          col("id_order", UI, ref="ps_orders.id_order", null=0.4),
          col("id_product", UI, "int", lo=1, hi=40, null=0.8),
          col("status", enum("open", "closed", "pending1", "pending2"), "choice",
              values=["open", "closed", "pending1", "pending2"]),
          col("email", V(128), "email"),
          col("token", V(12), "token", n=12, style="url", nullable=True),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"))
    table(md, "ps_customer_message", 500,
          col("id_customer_message", UI, pk=True, auto=True),
          col("id_customer_thread", sa.Integer, ref="ps_customer_thread.id_customer_thread",
              nullable=True),
          col("id_employee", UI, lambda c: 0 if c.rng.random() < 0.6 else
              c.rng.randint(1, N_EMP), nullable=True),
          col("message", mediumtext(), _message),
          col("file_name", V(18), lambda c: None if c.rng.random() < 0.9 else
              G["token"](_p(c, n=14)) + ".jpg", nullable=True),
          col("ip_address", V(16), lambda c: G["ipv4"](c) if not c.row["id_employee"] else None,
              nullable=True),
          col("user_agent", V(128), "user_agent", null=0.3),
          col("date_add", DT, "datetime"),
          col("date_upd", DT, "datetime"),
          col("private", TI, lambda c: int(c.rng.random() < 0.1)),
          col("read", TI, lambda c: int(c.rng.random() < 0.5)))
    table(md, "ps_mail", 600,
          col("id_mail", UI, pk=True, auto=True),
          col("recipient", V(126), "email"),
          col("template", V(62), "choice", values=["account", "order_conf", "password_query",
                                                   "shipped", "contact", "newsletter",
                                                   "payment"]),
          col("subject", V(254), lambda c: c.rng.choice(
              ["Welcome!", "Order confirmation", "Password query confirmation",
               "Package in transit", f"Message from {c.person['first']} {c.person['last']}",
               "Newsletter voucher", "Payment accepted"])),
          col("id_lang", UI, "choice", values=[1, 2, 3]),
          col("date_add", sa.DateTime, "datetime"))
    return md
