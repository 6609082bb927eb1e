"""Magento 2 (e-commerce, PHP/MySQL): a held-out schema (issue #10), labelled before any
scan and never tuned on. Tables of the declarative schemas (``etc/db_schema.xml``) of
the Customer, Sales, Newsletter, User and Integration modules: customers, their
addresses and EAV values, groups, visitors, orders (column subset), order addresses,
the order grid, status history, payments (column subset), newsletter subscribers and
templates, admin users, OAuth consumers and tokens.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, longtext, table

SOURCE = {"repo": "magento/magento2",
          "path": "app/code/Magento/{Customer,Sales,Newsletter,User,Integration}/etc/"
                  "db_schema.xml",
          "commit": "f9389adbbf20bd556c54f1d7caae80b224620efe (Customer); Sales @ "
                    "043540859ed566f5e73a1a4c680bbdc1cfaef698; Newsletter @ "
                    "13ef5082dd7e41c6ebcc361c548b7a1fce1c753b; User @ "
                    "22a1b8efb75652cb65808cc9b02191c25a9c5e30; Integration @ "
                    "07cf624cfe49186841c29806f54fb859a836fffc"}
PERSON_TABLES = ("customer_entity", "admin_user")

V = sa.String
DT = sa.DateTime
SI = sa.SmallInteger
M = sa.Numeric(20, 4)
GROUPS = ["NOT LOGGED IN", "General", "Wholesale", "Retailer", "VIP Club", "Staff"]
STORE = "Main Website\nMain Website Store\nDefault Store View"
STATUSES = ["pending", "processing", "complete", "closed", "canceled", "holded"]
PREFIXES = [None, None, None, None, "Mr.", "Ms.", "Mrs.", "Dr.", ""]
SUFFIXES = [None] * 12 + ["Jr.", "Sr.", "III", ""]
SEASONS = ["Spring", "Summer", "Black Friday", "Welcome"]


def _password(ctx):  # type: ignore[no-untyped-def]
    # Magento's Encryptor: hash:salt:version (sha256 = 1, argon2id13 = 3_32_2_67108864)
    h, salt = G["token"](ctx) + G["token"](ctx), G["token"](ctx)
    return f"{h}:{salt}:{'3_32_2_67108864' if ctx.rng.random() < 0.6 else '1'}"


def _taxvat(ctx):  # type: ignore[no-untyped-def]
    # a private customer's tax number: Italian codice fiscale, Spanish NIF, German Steuer-ID
    rng, p = ctx.rng, ctx.person
    r = rng.random()
    if r < 0.75:
        return None
    if r < 0.85:
        letters = "".join(ch for ch in (p["last"] + p["first"]).upper() if ch.isalpha())[:6]
        return f"{letters:X<6}{rng.randint(40, 99)}A{rng.randint(10, 70)}" \
               f"H{rng.randint(100, 999)}{rng.choice('ABCDEFGHJKLMNPQRSTVWXYZ')}"
    if r < 0.93:
        return f"{rng.randint(10000000, 99999999)}{rng.choice('TRWAGMYFPDXBNJZSQVHLCKE')}"
    return str(rng.randint(10_000_000_000, 99_999_999_999))


def _company_vat(ctx):  # type: ignore[no-untyped-def]
    return None if not ctx.row.get("company") else \
        f"{ctx.rng.choice(['DE', 'FR', 'NL', 'IT', 'ATU'])}{ctx.rng.randint(100000000, 999999999)}"


def _street(ctx):  # type: ignore[no-untyped-def]
    # Magento keeps multi-line streets joined by a newline
    s = G["street"](ctx)
    return s if ctx.rng.random() < 0.8 else f"{s}\n{ctx.rng.choice(['Apt 4', '2nd floor', 'c/o'])}"


def _eav_value(ctx):  # type: ignore[no-untyped-def]
    # customer attributes added by extensions: phone, social handle, store preference, tier
    attr = ctx.row["attribute_id"]
    p = ctx.person
    return {150: lambda: G["phone"](ctx), 151: lambda: "@" + p["username"],
            152: lambda: ctx.rng.choice(["Berlin Mitte", "Online", "Paris Opéra", "Milano"]),
            153: lambda: ctx.rng.choice(["bronze", "silver", "gold", "platinum"])}[attr]()


def _customer_note(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        None, None, None, None, None, "Please ring the bell twice.",
        f"If I'm not home leave it with my neighbour {G['full_name'](ctx)}.",
        f"Gift for {p['first']}, no invoice in the box please.",
        f"Call me on {G['phone'](ctx)} before delivery.", "Deliver after 5pm", ""])


def _history_comment(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choice([
        "Captured amount online.", "Order shipped via DHL.", None,
        "Customer requested cancellation by phone.",
        f"Customer {G['full_name'](ctx)} asked to change the delivery address.",
        "Payment pending, reminder sent.",
        f"Refund approved by {ctx.fakers['en_US'].first_name()} (support).",
        f"New contact number: {G['phone'](ctx)}",
        f"Invoice #{ctx.rng.randint(100000, 999999)} created."])


def _address_line(ctx):  # type: ignore[no-untyped-def]
    f = ctx.person["f"]
    return f"{G['street'](ctx)},{f.city()},{G['state'](ctx)},{f.postcode()}"


def _method(ctx):  # type: ignore[no-untyped-def]
    # drawn once per row: the card columns before ``method`` depend on it
    if "_method" not in ctx.row:
        ctx.row["_method"] = ctx.rng.choice(["checkmo", "paypal_express", "ccsave", "ccsave",
                                             "authorizenet_echeck"])
    return ctx.row["_method"]


def _payment_info(ctx):  # type: ignore[no-untyped-def]
    if _method(ctx) == "paypal_express":
        p = ctx.person
        return json.dumps({"method_title": "PayPal Express Checkout",
                           "paypal_payer_id": G["token"](ctx).upper()[:13],
                           "paypal_payer_email": p["email"], "paypal_payer_status": "verified",
                           "paypal_address_status": "confirmed"})
    if _method(ctx) == "checkmo":
        return json.dumps({"method_title": "Check / Money order"})
    return json.dumps({"method_title": "Credit Card", "cc_type": ctx.row.get("cc_type") or "VI"})


def _cc(field):  # type: ignore[no-untyped-def]
    def gen(ctx):  # type: ignore[no-untyped-def]
        if _method(ctx) != "ccsave":
            return None
        return {"last4": lambda: str(ctx.rng.randint(0, 9999)).zfill(4),
                "month": lambda: str(ctx.rng.randint(1, 12)),
                "year": lambda: str(ctx.rng.randint(2024, 2031)),
                "owner": lambda: G["full_name"](ctx).upper(),
                "enc": lambda: "0:3:" + G["token"](ctx)[:40] + "==",
                "type": lambda: ctx.rng.choice(["VI", "MC", "AE", "DI"])}[field]()
    return gen


def _echeck_name(ctx):  # type: ignore[no-untyped-def]
    return G["full_name"](ctx) if _method(ctx) == "authorizenet_echeck" else None


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "customer_group", len(GROUPS),
          col("customer_group_id", sa.Integer, pk=True, auto=True),
          col("customer_group_code", V(32), lambda c: GROUPS[c.index]),
          col("tax_class_id", sa.Integer, "choice", values=[3, 3, 5]))
    table(md, "customer_entity", 300,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("website_id", SI, "const", value=1, null=0.02),
          col("email", V(255), "email", null=0.01),
          col("group_id", SI, "choice", values=[1, 1, 1, 2, 3, 4]),
          col("increment_id", V(50), lambda c: f"{c.index + 1:09d}", null=0.8),
          col("store_id", SI, "choice", values=[1, 1, 2], null=0.05),
          col("created_at", DT),
          col("updated_at", DT),
          col("is_active", SI, "choice", values=[1, 1, 1, 0]),
          col("disable_auto_group_change", SI, "choice", values=[0, 0, 1]),
          col("created_in", V(255), "choice", values=["Default Store View", "Admin",
                                                      "German Store View", ""], null=0.1),
          col("prefix", V(40), "choice", values=PREFIXES, nullable=True),
          col("firstname", V(255), "first_name"),
          col("middlename", V(255), lambda c: c.person["middle"] or None, nullable=True),
          col("lastname", V(255), "last_name"),
          col("suffix", V(40), "choice", values=SUFFIXES, nullable=True),
          col("dob", sa.Date, "dob", null=0.6),
          col("password_hash", V(128), _password, null=0.05),
          col("rp_token", V(128), "token", null=0.85),
          col("rp_token_created_at", DT, null=0.85),
          col("default_billing", sa.Integer, "int", lo=1, hi=420, null=0.3),
          col("default_shipping", sa.Integer, "int", lo=1, hi=420, null=0.3),
          col("taxvat", V(50), _taxvat, nullable=True),
          col("confirmation", V(64), "token", null=0.9),
          col("gender", SI, "choice", values=[None, 1, 2, 3], nullable=True),
          col("failures_num", SI, "choice", values=[0, 0, 0, 1, 3], null=0.1),
          col("first_failure", DT, null=0.85),
          col("lock_expires", DT, null=0.95),
          sa.UniqueConstraint("email", "website_id"))
    table(md, "customer_address_entity", 420,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("increment_id", V(50), lambda c: str(c.index + 1), null=0.95),
          col("parent_id", sa.Integer, fk="customer_entity.entity_id", null=0.02),
          col("created_at", DT),
          col("updated_at", DT),
          col("is_active", SI, "const", value=1),
          col("city", V(255), "city"),
          col("company", V(255), "company", null=0.7),
          col("country_id", V(255), "choice", values=["US", "DE", "FR", "GB", "IT", "JP",
                                                      "NL", "PL", "TR", "BR"]),
          col("fax", V(255), "phone", null=0.9),
          col("firstname", V(255), "first_name"),
          col("lastname", V(255), "last_name"),
          col("middlename", V(255), lambda c: c.person["middle"] or None, nullable=True),
          col("postcode", V(255), "postcode", null=0.03),
          col("prefix", V(40), "choice", values=PREFIXES, nullable=True),
          col("region", V(255), "state", null=0.2),
          col("region_id", sa.Integer, "int", lo=1, hi=1100, null=0.3),
          col("street", sa.Text, _street),
          col("suffix", V(40), "choice", values=SUFFIXES, nullable=True),
          col("telephone", V(255), "phone"),
          col("vat_id", V(255), _company_vat, nullable=True),
          col("vat_is_valid", sa.Integer, "choice", values=[None, None, 0, 1], nullable=True),
          col("vat_request_date", V(255), lambda c: str(G["datetime"](c))
              if c.row.get("vat_id") else None, nullable=True),
          col("vat_request_id", V(255), lambda c: G["token"](c)[:20]
              if c.row.get("vat_id") else None, nullable=True),
          col("vat_request_success", sa.Integer, "choice", values=[None, None, 0, 1],
              nullable=True))
    table(md, "customer_entity_varchar", 250,
          col("value_id", sa.Integer, pk=True, auto=True),
          col("attribute_id", SI, "choice", values=[150, 151, 152, 153]),
          col("entity_id", sa.Integer, fk="customer_entity.entity_id"),
          col("value", V(255), _eav_value),
          sa.UniqueConstraint("entity_id", "attribute_id"))
    table(md, "customer_visitor", 400,
          col("visitor_id", sa.BigInteger, pk=True, auto=True),
          col("customer_id", sa.Integer, ref="customer_entity.entity_id", null=0.7),
          col("session_id", V(64), "token", n=26, style="url", null=0.05),
          col("last_visit_at", DT))
    table(md, "sales_order", 400,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("state", V(32), "choice", values=["new", "processing", "complete", "closed",
                                                "canceled"]),
          col("status", V(32), "choice", values=STATUSES),
          col("coupon_code", V(255), "choice", values=["SUMMER10", "WELCOME", "BF2024"],
              null=0.85),
          col("protect_code", V(255), lambda c: G["token"](c)[:6]),
          col("shipping_description", V(255), "choice",
              values=["Flat Rate - Fixed", "Free Shipping - Free", "DHL - Express",
                      "Best Way - Table Rate"]),
          col("is_virtual", SI, "choice", values=[0, 0, 0, 1]),
          col("store_id", SI, "choice", values=[1, 1, 2]),
          col("customer_id", sa.Integer, fk="customer_entity.entity_id", null=0.25),
          col("base_grand_total", M, "money"),
          col("grand_total", M, "money"),
          col("subtotal", M, "money"),
          col("tax_amount", M, "money", hi=200),
          col("shipping_amount", M, "money", hi=30),
          col("total_paid", M, "money", null=0.2),
          col("customer_is_guest", SI, lambda c: 1 if c.row["customer_id"] is None else 0),
          col("billing_address_id", sa.Integer, "int", lo=1, hi=800),
          col("shipping_address_id", sa.Integer, "int", lo=1, hi=800, null=0.1),
          col("quote_id", sa.Integer, "int", lo=1, hi=5000),
          col("customer_dob", DT, lambda c: dt.datetime.combine(G["dob"](c), dt.time()), null=0.7),
          col("increment_id", V(50), lambda c: f"{c.index + 100000001:09d}"),
          col("base_currency_code", V(3), "choice", values=["USD", "EUR", "EUR", "GBP"]),
          col("customer_email", V(128), "email"),
          col("customer_firstname", V(128), "first_name", null=0.05),
          col("customer_lastname", V(128), "last_name", null=0.05),
          col("customer_middlename", V(128), lambda c: c.person["middle"] or None,
              nullable=True),
          col("customer_prefix", V(32), "choice", values=PREFIXES, nullable=True),
          col("customer_suffix", V(32), "choice", values=SUFFIXES, nullable=True),
          col("customer_taxvat", V(32), _taxvat, nullable=True),
          col("customer_group_id", sa.Integer, "choice", values=[0, 1, 1, 2]),
          col("remote_ip", V(45), "ip", null=0.05),
          col("x_forwarded_for", V(255), lambda c: f"{G['ipv4'](c)}, 10.0.0.{c.rng.randint(2, 9)}",
              null=0.85),
          col("customer_note", sa.Text, _customer_note, nullable=True),
          col("store_name", V(255), "const", value=STORE),
          col("created_at", DT),
          col("updated_at", DT),
          col("customer_gender", sa.Integer, "choice", values=[None, 1, 2], nullable=True),
          col("total_item_count", SI, "int", lo=1, hi=12),
          col("shipping_method", V(120), "choice", values=["flatrate_flatrate",
                                                           "freeshipping_freeshipping",
                                                           "tablerate_bestway"]),
          col("discount_description", V(255), "choice", values=["SUMMER10", "10% off"],
              null=0.85),
          col("coupon_rule_name", V(255), "choice", values=["Summer sale", "Welcome gift"],
              null=0.85))
    table(md, "sales_order_address", 700,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("parent_id", sa.Integer, fk="sales_order.entity_id"),
          col("customer_address_id", sa.Integer, ref="customer_address_entity.entity_id",
              null=0.4),
          col("quote_address_id", sa.Integer, "int", lo=1, hi=9000, null=0.3),
          col("region_id", sa.Integer, "int", lo=1, hi=1100, null=0.3),
          col("customer_id", sa.Integer, ref="customer_entity.entity_id", null=0.3),
          col("fax", V(255), "phone", null=0.92),
          col("region", V(255), "state", null=0.15),
          col("postcode", V(255), "postcode"),
          col("lastname", V(255), "last_name"),
          col("street", V(255), _street),
          col("city", V(255), "city"),
          col("email", V(255), "email"),
          col("telephone", V(255), "phone"),
          col("country_id", V(2), "choice", values=["US", "DE", "FR", "GB", "IT", "JP", "ES"]),
          col("firstname", V(255), "first_name"),
          col("address_type", V(255), "choice", values=["billing", "shipping"]),
          col("prefix", V(255), "choice", values=PREFIXES, nullable=True),
          col("middlename", V(255), lambda c: c.person["middle"] or None, nullable=True),
          col("suffix", V(255), "choice", values=SUFFIXES, nullable=True),
          col("company", V(255), "company", null=0.75),
          col("vat_id", sa.Text, _company_vat, nullable=True),
          col("vat_is_valid", SI, "choice", values=[None, None, 0, 1], nullable=True),
          col("vat_request_id", sa.Text, lambda c: G["token"](c)[:20]
              if c.row.get("vat_id") else None, nullable=True),
          col("vat_request_date", sa.Text, lambda c: str(G["datetime"](c))
              if c.row.get("vat_id") else None, nullable=True),
          col("vat_request_success", SI, "choice", values=[None, None, 0, 1], nullable=True))
    table(md, "sales_order_grid", 400,
          col("entity_id", sa.Integer, pk=True, ref="sales_order.entity_id", unique=True),
          col("status", V(32), "choice", values=STATUSES),
          col("store_id", SI, "choice", values=[1, 1, 2]),
          col("store_name", V(255), "const", value=STORE),
          col("customer_id", sa.Integer, ref="customer_entity.entity_id", null=0.25),
          col("base_grand_total", M, "money"),
          col("base_total_paid", M, "money", null=0.2),
          col("grand_total", M, "money"),
          col("total_paid", M, "money", null=0.2),
          col("increment_id", V(50), lambda c: f"{c.row['entity_id'] + 100000000:09d}"),
          col("base_currency_code", V(3), "choice", values=["USD", "EUR", "GBP"]),
          col("order_currency_code", V(255), "choice", values=["USD", "EUR", "GBP"]),
          col("shipping_name", V(255), "full_name", null=0.1),
          col("billing_name", V(255), "full_name"),
          col("created_at", DT),
          col("updated_at", DT),
          col("billing_address", V(255), _address_line),
          col("shipping_address", V(255), _address_line, null=0.1),
          col("shipping_information", V(255), "choice",
              values=["Flat Rate - Fixed", "Free Shipping - Free", None], nullable=True),
          col("customer_email", V(255), "email"),
          col("customer_group", V(255), "choice", values=GROUPS[:4]),
          col("subtotal", M, "money"),
          col("shipping_and_handling", M, "money", hi=30),
          col("customer_name", V(255), "full_name"),
          col("payment_method", V(255), "choice", values=["checkmo", "paypal_express",
                                                          "ccsave", "banktransfer"]),
          col("total_refunded", M, "money", hi=100, null=0.8),
          sa.UniqueConstraint("increment_id", "store_id"))
    table(md, "sales_order_status_history", 600,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("parent_id", sa.Integer, fk="sales_order.entity_id"),
          col("is_customer_notified", sa.Integer, "choice", values=[0, 1, 2], null=0.1),
          col("is_visible_on_front", SI, "choice", values=[0, 0, 1]),
          col("comment", sa.Text, _history_comment, nullable=True),
          col("status", V(32), "choice", values=STATUSES),
          col("created_at", DT),
          col("entity_name", V(32), "choice", values=["order", "invoice", "shipment",
                                                      "creditmemo"]))
    table(md, "sales_order_payment", 400,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("parent_id", sa.Integer, fk="sales_order.entity_id"),
          col("base_amount_paid", M, "money", null=0.2),
          col("amount_paid", M, "money", null=0.2),
          col("base_amount_ordered", M, "money"),
          col("amount_ordered", M, "money"),
          col("additional_data", sa.Text, null=1.0),
          col("cc_exp_month", V(12), _cc("month"), nullable=True),
          col("method", V(128), _method),
          col("cc_approval", V(32), lambda c: G["approval_code"](c)
              if _method(c) == "ccsave" else None, nullable=True),
          col("cc_last_4", V(100), _cc("last4"), nullable=True),
          col("echeck_type", V(32), lambda c: "WEB" if _method(c) ==
              "authorizenet_echeck" else None, nullable=True),
          col("last_trans_id", V(255), lambda c: G["token"](c)[:17].upper(), null=0.3),
          col("cc_owner", V(128), _cc("owner"), nullable=True),
          col("cc_type", V(32), _cc("type"), nullable=True),
          col("po_number", V(32), lambda c: f"PO-{c.rng.randint(1000, 99999)}", null=0.95),
          col("cc_exp_year", V(4), _cc("year"), nullable=True),
          col("echeck_routing_number", V(32), lambda c: str(c.rng.randint(10000000, 99999999))
              + "1" if _method(c) == "authorizenet_echeck" else None, nullable=True),
          col("echeck_account_name", V(32), _echeck_name, nullable=True),
          col("cc_number_enc", V(128), _cc("enc"), nullable=True),
          col("cc_trans_id", V(32), lambda c: str(c.rng.randint(10**9, 10**10))
              if _method(c) == "ccsave" else None, nullable=True),
          col("additional_information", sa.Text, _payment_info))
    table(md, "newsletter_subscriber", 350,
          col("subscriber_id", sa.Integer, pk=True, auto=True),
          col("store_id", SI, "choice", values=[1, 1, 2], null=0.02),
          col("change_status_at", DT, null=0.3),
          col("customer_id", sa.Integer, lambda c: c.rng.choice([0, 0, c.rng.randint(1, 300)])),
          col("subscriber_email", V(150), "email"),
          col("subscriber_status", sa.Integer, "choice", values=[1, 1, 1, 2, 3, 4]),
          col("subscriber_confirm_code", V(32), "token", null=0.1))
    table(md, "newsletter_template", 12,
          col("template_id", sa.Integer, pk=True, auto=True),
          col("template_code", V(150), lambda c: f"{c.rng.choice(SEASONS)} {2020 + c.index}"),
          col("template_text", sa.Text, lambda c: "<p>{{var subscriber.getConfirmationLink()}}</p>"
              + G["paragraphs"](c)),
          col("template_styles", sa.Text, "const", value="body { font-family: Arial; }"),
          col("template_type", sa.Integer, "const", value=2),
          col("template_subject", V(200), lambda c: f"{G['category'](c)} deals this week"),
          col("template_sender_name", V(200), "choice", values=["Luma Store", "Luma Team",
                                                                "Customer Care"]),
          col("template_sender_email", V(200), "choice",
              values=["newsletter@luma.example", "news@luma.example", "care@luma.example"]),
          col("template_actual", SI, "const", value=1),
          col("added_at", DT),
          col("modified_at", DT),
          col("is_legacy", sa.Boolean, "bool"))
    table(md, "admin_user", 15,
          col("user_id", sa.Integer, pk=True, auto=True),
          col("firstname", V(32), "first_name"),
          col("lastname", V(32), "last_name"),
          col("email", V(128), "email"),
          col("username", V(40), "username", unique=True),
          col("password", V(255), _password),
          col("created", DT),
          col("modified", DT),
          col("logdate", DT, null=0.1),
          col("lognum", SI, "int", lo=0, hi=900),
          col("reload_acl_flag", SI, "const", value=0),
          col("is_active", SI, "choice", values=[1, 1, 1, 0]),
          col("extra", sa.Text, lambda c: json.dumps({"configState": {
              "general_locale": "1", "web_url": c.rng.choice(["0", "1"])}}), null=0.3),
          col("rp_token", sa.Text, "token", null=0.8),
          col("rp_token_created_at", DT, null=0.8),
          col("interface_locale", V(16), "choice", values=["en_US", "de_DE", "fr_FR"]),
          col("failures_num", SI, "choice", values=[0, 0, 1], null=0.1),
          col("first_failure", DT, null=0.9),
          col("lock_expires", DT, null=0.95))
    table(md, "oauth_consumer", 8,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("created_at", DT),
          col("updated_at", DT, null=0.3),
          col("name", V(255), lambda c: f"{G['company'](c)} ERP connector"),
          col("key", V(32), "token", unique=True),
          col("secret", V(32), "token", unique=True),
          col("callback_url", sa.Text, "url", null=0.3),
          col("rejected_callback_url", sa.Text, "const", value=""))
    table(md, "oauth_token", 150,
          col("entity_id", sa.Integer, pk=True, auto=True),
          col("consumer_id", sa.Integer, fk="oauth_consumer.entity_id", null=0.7),
          col("admin_id", sa.Integer, fk="admin_user.user_id", null=0.7),
          col("customer_id", sa.Integer, fk="customer_entity.entity_id", null=0.4),
          col("type", V(16), "choice", values=["access", "access", "request", "verifier"]),
          col("token", V(32), "token", unique=True),
          col("secret", V(32), "token"),
          col("verifier", V(32), "token", null=0.6),
          col("callback_url", sa.Text, "choice", values=["oob", "oob", ""]),
          col("revoked", SI, "choice", values=[0, 0, 0, 1]),
          col("authorized", SI, "choice", values=[0, 1, 1]),
          col("user_type", sa.Integer, "choice", values=[1, 2, 3, 3]),
          col("created_at", DT))
    # the order item's product names and options are look-alikes of names
    table(md, "sales_order_item", 900,
          col("item_id", sa.Integer, pk=True, auto=True),
          col("order_id", sa.Integer, fk="sales_order.entity_id"),
          col("store_id", SI, "choice", values=[1, 2]),
          col("created_at", DT),
          col("product_id", sa.Integer, "int", lo=1, hi=2000),
          col("product_type", V(255), "choice", values=["simple", "configurable", "virtual"]),
          col("product_options", longtext(), lambda c: json.dumps(
              {"info_buyRequest": {"qty": c.rng.randint(1, 3),
                                   "super_attribute": {"93": c.rng.randint(49, 60)}}})),
          col("sku", V(255), lambda c: f"MH{c.rng.randint(1, 13):02d}-"
              f"{c.rng.choice(['XS', 'S', 'M', 'L'])}-{G['color'](c).split('/')[0]}"),
          col("name", V(255), "product_name"),
          col("qty_ordered", sa.Numeric(12, 4), "int", lo=1, hi=4),
          col("price", M, "money", hi=300),
          col("row_total", M, "money", hi=900))
    return md
