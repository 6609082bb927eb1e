"""OpenCart 4 (PHP shop, MySQL): a held-out schema (issue #10), labelled before any scan
and never tuned on. The tables are declared in ``upload/system/helper/db_schema.php`` (an
array the installer turns into ``CREATE TABLE``), here with the ``oc_`` prefix.

Tables: customers (``oc_customer``, one row per account), their address book, orders
(billing and shipping addresses copied into the order, guest orders with
``customer_id`` 0), the IPs a customer logged in from, failed login counters by e-mail
and IP, who is online now (keyed by IP), admin users, product reviews (``author`` is a
free-typed name), the customer activity log (``data`` a JSON blob with the customer's id
and name), and the lookups ``oc_country``, ``oc_zone`` and ``oc_product_description``.

The helper lists ``foreign`` entries, but references hold 0 for "none" (guest orders,
anonymous reviews, visitors online): references are generated as values without a
declared constraint, as on a real install.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, mediumtext, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "opencart/opencart",
          "path": "upload/system/helper/db_schema.php",
          "commit": "eecb833dc1c2060ea5b4040c9c0bdfe3787f7845"}
PERSON_TABLES = ("oc_customer", "oc_user")

V = sa.String
T = sa.Text
DT = sa.DateTime
I = sa.Integer  # noqa: E741
TI = tinyint()
D = sa.Numeric(15, 4)

N_CUST = 150
COUNTRIES = [("GB", "GBR", 1), ("DE", "DEU", 2), ("FR", "FRA", 1), ("US", "USA", 3),
             ("JP", "JPN", 4), ("PL", "POL", 1), ("BR", "BRA", 5), ("IN", "IND", 1),
             ("SE", "SWE", 1), ("TR", "TUR", 1)]
ZONES = ["ENG", "SCT", "BY", "BE", "NW", "IDF", "CA", "NY", "TX", "13", "27", "MZ", "SP",
         "RJ", "MH", "KA", "AB", "34"]


def _ip(c):  # type: ignore[no-untyped-def]
    return G["ip"](c)


def _custom_field(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.8:
        return "[]"
    return json.dumps({"1": c.rng.choice(["DE811907980", "GB123456789", ""]),
                       "2": c.person["born"].isoformat()})


def _addr_field(prefix, kind):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        if prefix == "shipping" and c.row.get("_noship"):
            return 0 if kind in ("country_id", "zone_id") else ""
        f = c.person["f"]
        return {"firstname": c.person["first"], "lastname": c.person["last"],
                "company": G["company"](c) if c.rng.random() < 0.2 else "",
                "address_1": f.street_address(),
                "address_2": "" if c.rng.random() < 0.75 else f"Apt {c.rng.randint(1, 80)}",
                "city": f.city(), "postcode": G["postcode"](c),
                "country": c.rng.choice(["United Kingdom", "Germany", "France",
                                         "United States", "Japan", "Polska"]),
                "country_id": c.rng.randint(1, len(COUNTRIES)),
                "zone": G["state"](c), "zone_id": c.rng.randint(1, len(ZONES)),
                "address_format": "" if c.rng.random() < 0.7 else
                "{firstname} {lastname}\n{company}\n{address_1}\n{city} {postcode}",
                "custom_field": "[]" if c.rng.random() < 0.8 else
                json.dumps({"3": f"Door code {c.rng.randint(1000, 9999)}"})}[kind]
    return g


ACTIVITY = ["login", "register", "edit", "password", "forgotten", "address_add",
            "order_account", "order_guest", "return_account", "transaction"]


def _activity_data(c):  # type: ignore[no-untyped-def]
    key = c.row["key"]
    p = c.person
    d = {"customer_id": c.row["customer_id"] or 0, "name": f"{p['first']} {p['last']}"}
    if key.startswith("order"):
        d["order_id"] = c.rng.randint(1, 400)
    if key == "order_guest":
        d.pop("customer_id")
    return json.dumps(d, ensure_ascii=False)


REVIEWS = ["Great product, fast delivery.", "Not as described.", "My daughter {first} loves "
           "it!", "Works fine. {first} {last}, {city}", "Would buy again", "Sehr gut!",
           "Call me about a bulk order: {phone}", "Terrible support.", "五つ星です"]


def _tracking(c):  # type: ignore[no-untyped-def]
    return "" if c.rng.random() < 0.85 else G["token"](_p(c, n=13, style="hex"))


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "oc_country", len(COUNTRIES),
          col("country_id", I, pk=True, auto=True),
          col("iso_code_2", V(2), lambda c: COUNTRIES[c.index][0]),
          col("iso_code_3", V(3), lambda c: COUNTRIES[c.index][1]),
          col("address_format_id", I, lambda c: COUNTRIES[c.index][2]),
          col("postcode_required", TI, lambda c: int(c.index in (0, 3, 6))),
          col("status", TI, lambda c: 1))
    table(md, "oc_zone", len(ZONES),
          col("zone_id", I, pk=True, auto=True),
          col("country_id", I, lambda c: [1, 1, 2, 2, 2, 3, 4, 4, 4, 5, 5, 6, 7, 7, 8, 8,
                                          9, 10][c.index], ref="oc_country.country_id"),
          col("code", V(32), lambda c: ZONES[c.index]),
          col("status", TI, lambda c: 1))
    table(md, "oc_product_description", 60,
          col("product_id", I, lambda c: c.index // 2 + 1, pk=True),
          col("language_id", I, lambda c: c.index % 2 + 1, pk=True),
          col("name", V(255), "product_name"),
          col("description", mediumtext(), lambda c: "&lt;p&gt;" + G["lorem"](c) +
              "&lt;/p&gt;"),
          col("meta_title", V(255), lambda c: c.row["name"]),
          col("meta_description", V(255), lambda c: "" if c.rng.random() < 0.5 else
              G["lorem"](c)[:120]),
          col("meta_keyword", V(255), lambda c: "" if c.rng.random() < 0.5 else
              ", ".join(c.row["name"].lower().split())))
    table(md, "oc_customer", N_CUST,
          col("customer_id", I, pk=True, auto=True),
          col("customer_group_id", I, "choice", values=[1, 1, 1, 2]),
          col("store_id", I, "choice", values=[0, 0, 0, 1]),
          col("language_id", I, "choice", values=[1, 1, 2]),
          col("firstname", V(32), "first_name"),
          col("lastname", V(32), "last_name"),
          col("email", V(96), "email"),
          col("telephone", V(32), lambda c: "" if c.rng.random() < 0.2 else G["phone"](c)),
          col("password", V(255), lambda c: G["password_hash"](_p(c, style="bcrypt12")) if
              c.rng.random() < 0.7 else G["token"](_p(c, n=40, style="hex"))),
          col("custom_field", T, _custom_field),
          col("newsletter", TI, "choice", values=[0, 1]),
          col("ip", V(40), _ip),
          col("status", TI, lambda c: int(c.rng.random() < 0.95)),
          col("safe", TI, lambda c: int(c.rng.random() < 0.05)),
          col("commenter", TI, lambda c: int(c.rng.random() < 0.3)),
          col("token", T, lambda c: "" if c.rng.random() < 0.8 else
              G["token"](_p(c, n=32, style="hex"))),
          col("code", V(40), lambda c: "" if c.rng.random() < 0.9 else
              G["token"](_p(c, n=40, style="hex"))),
          col("date_added", DT, "datetime"))
    table(md, "oc_address", 200,
          col("address_id", I, pk=True, auto=True),
          col("customer_id", I, ref="oc_customer.customer_id"),
          col("firstname", V(32), _addr_field("payment", "firstname")),
          col("lastname", V(32), _addr_field("payment", "lastname")),
          col("company", V(60), _addr_field("payment", "company")),
          col("address_1", V(128), _addr_field("payment", "address_1")),
          col("address_2", V(128), _addr_field("payment", "address_2")),
          col("city", V(128), _addr_field("payment", "city")),
          col("postcode", V(10), _addr_field("payment", "postcode")),
          col("country_id", I, ref="oc_country.country_id"),
          col("zone_id", I, ref="oc_zone.zone_id"),
          col("custom_field", T, _addr_field("payment", "custom_field")),
          col("default", TI, lambda c: int(c.rng.random() < 0.6)))
    pay = [("payment_" + k, t, _addr_field("payment", k)) for k, t in [
        ("firstname", V(32)), ("lastname", V(32)), ("company", V(60)),
        ("address_1", V(128)), ("address_2", V(128)), ("city", V(128)),
        ("postcode", V(10)), ("country", V(128)), ("country_id", I), ("zone", V(128)),
        ("zone_id", I), ("address_format", T), ("custom_field", T)]]
    ship = [("shipping_" + k, t, _addr_field("shipping", k)) for k, t in [
        ("firstname", V(32)), ("lastname", V(32)), ("company", V(60)),
        ("address_1", V(128)), ("address_2", V(128)), ("city", V(128)),
        ("postcode", V(10)), ("country", V(128)), ("country_id", I), ("zone", V(128)),
        ("zone_id", I), ("address_format", T), ("custom_field", T)]]

    def _cust(c):  # type: ignore[no-untyped-def]
        c.row["_noship"] = c.rng.random() < 0.1
        return 0 if c.rng.random() < 0.25 else c.rng.randint(1, N_CUST)

    table(md, "oc_order", 400,
          col("order_id", I, pk=True, auto=True),
          col("subscription_id", I, lambda c: 0 if c.rng.random() < 0.9 else
              c.rng.randint(1, 30)),
          col("invoice_no", I, lambda c: 0 if c.rng.random() < 0.3 else c.index + 1),
          col("invoice_prefix", V(26), lambda c: "INV-2024-00"),
          col("transaction_id", V(100), lambda c: "" if c.rng.random() < 0.5 else
              "pi_" + G["token"](_p(c, n=24, style="url"))),
          col("store_id", I, "choice", values=[0, 0, 1]),
          col("store_name", V(64), lambda c: "Your Store" if c.row["store_id"] == 0 else
              "Bergsport Müller GmbH"),
          col("store_url", V(255), lambda c: "https://shop.example.com/" if
              c.row["store_id"] == 0 else "https://bergsport.example.de/"),
          col("customer_id", I, _cust),
          col("customer_group_id", I, "choice", values=[1, 1, 2]),
          col("firstname", V(32), "first_name"),
          col("lastname", V(32), "last_name"),
          col("email", V(96), "email"),
          col("telephone", V(32), lambda c: "" if c.rng.random() < 0.15 else G["phone"](c)),
          col("custom_field", T, _custom_field),
          col("payment_address_id", I, lambda c: 0 if c.row["customer_id"] == 0 else
              c.rng.randint(1, 200)),
          *[col(n, t, g) for n, t, g in pay],
          col("payment_method", T, lambda c: json.dumps(c.rng.choice([
              {"name": "Cash On Delivery", "code": "cod.cod"},
              {"name": "Bank Transfer", "code": "bank_transfer.bank_transfer"},
              {"name": "PayPal", "code": "paypal.paypal"}]))),
          col("shipping_address_id", I, lambda c: 0 if c.row["customer_id"] == 0 else
              c.rng.randint(1, 200)),
          *[col(n, t, g) for n, t, g in ship],
          col("shipping_method", T, lambda c: "" if c.row["_noship"] else json.dumps(
              c.rng.choice([{"name": "Flat Shipping Rate", "code": "flat.flat"},
                            {"name": "Free Shipping", "code": "free.free"}]))),
          col("comment", T, lambda c: "" if c.rng.random() < 0.7 else G["template"](_p(
              c, texts=["Please leave at the back door.", "Call {phone} before delivery",
                        "Gift for {first2}, no invoice in the box please",
                        "Ring twice", "Bitte beim Nachbarn abgeben"]))),
          col("total", D, "money", lo=5, hi=900),
          col("order_status_id", I, "choice", values=[1, 2, 3, 5, 5, 5, 7]),
          col("affiliate_id", I, lambda c: 0),
          col("commission", D, lambda c: 0),
          col("marketing_id", I, lambda c: 0),
          col("tracking", V(64), _tracking),
          col("language_id", I, "choice", values=[1, 1, 2]),
          col("language_code", V(5), lambda c: "en-gb" if c.row["language_id"] == 1 else
              "fr-fr"),
          col("currency_id", I, "choice", values=[1, 2, 3]),
          col("currency_code", V(3), lambda c: ["GBP", "USD", "EUR"][c.row["currency_id"] - 1]),
          col("currency_value", sa.Numeric(15, 8), lambda c: 1),
          col("ip", V(40), _ip),
          col("forwarded_ip", V(40), lambda c: "" if c.rng.random() < 0.85 else G["ip"](c)),
          col("user_agent", V(255), "user_agent"),
          col("accept_language", V(255), "choice", values=[
              "en-GB,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9", "ja,en;q=0.5"]),
          col("date_added", DT, "datetime"),
          col("date_modified", DT, "datetime"))
    table(md, "oc_customer_ip", 300,
          col("customer_ip_id", I, pk=True, auto=True),
          col("customer_id", I, ref="oc_customer.customer_id"),
          col("store_id", I, "choice", values=[0, 0, 1]),
          col("ip", V(40), _ip),
          col("country", V(2), lambda c: c.rng.choice([c[0] for c in COUNTRIES] + [""])),
          col("date_added", DT, "datetime"))
    table(md, "oc_customer_login", 60,
          col("customer_login_id", I, pk=True, auto=True),
          col("email", V(96), lambda c: c.person["email"] if c.rng.random() < 0.9 else
              c.person["username"]),
          col("ip", V(40), _ip),
          col("total", I, "int", lo=1, hi=12),
          col("date_added", DT, "datetime"),
          col("date_modified", DT, "datetime"))
    table(md, "oc_customer_online", 40,
          col("ip", V(40), _ip, pk=True),
          col("customer_id", I, lambda c: 0 if c.rng.random() < 0.6 else
              c.rng.randint(1, N_CUST)),
          col("url", T, lambda c: "https://shop.example.com/index.php?route=" + c.rng.choice(
              ["product/product&product_id=12", "checkout/cart", "account/login",
               "product/category&path=20_27"])),
          col("referer", T, lambda c: c.rng.choice(["", "https://www.google.com/",
                                                    "https://shop.example.com/"])),
          col("date_added", DT, "datetime"))
    table(md, "oc_user", 6,
          col("user_id", I, pk=True, auto=True),
          col("user_group_id", I, "choice", values=[1, 10]),
          col("username", V(20), lambda c: "admin" if c.index == 0 else c.person["username"]),
          col("password", V(255), "password_hash", style="bcrypt12"),
          col("firstname", V(32), lambda c: "John" if c.index == 0 else c.person["first"]),
          col("lastname", V(32), lambda c: "Doe" if c.index == 0 else c.person["last"]),
          col("email", V(96), "email"),
          col("image", V(255), lambda c: "" if c.rng.random() < 0.6 else
              f"catalog/profile/{c.person['username']}.jpg"),
          col("ip", V(40), _ip),
          col("status", TI, lambda c: 1),
          col("date_added", DT, "datetime"))
    table(md, "oc_review", 120,
          col("review_id", I, pk=True, auto=True),
          col("product_id", I, "int", lo=1, hi=30),
          col("customer_id", I, lambda c: 0 if c.rng.random() < 0.3 else
              c.rng.randint(1, N_CUST)),
          col("author", V(64), lambda c: c.rng.choice([
              f"{c.person['first']} {c.person['last']}", c.person["first"],
              f"{c.person['first']} {c.person['last'][:1]}.", "Anonymous"])),
          col("text", T, lambda c: G["template"](_p(c, texts=REVIEWS))),
          col("rating", I, "int", lo=1, hi=5),
          col("status", TI, lambda c: int(c.rng.random() < 0.8)),
          col("date_added", DT, "datetime"),
          col("date_modified", DT, "datetime"))
    table(md, "oc_customer_activity", 300,
          col("customer_activity_id", I, pk=True, auto=True),
          col("customer_id", I, lambda c: 0 if c.rng.random() < 0.1 else
              c.rng.randint(1, N_CUST)),
          col("key", V(64), lambda c: "order_guest" if c.row["customer_id"] == 0 else
              c.rng.choice(ACTIVITY)),
          col("data", T, _activity_data),
          col("ip", V(40), _ip),
          col("date_added", DT, "datetime"))
    return md
