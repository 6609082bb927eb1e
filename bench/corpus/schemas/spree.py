"""Spree (Rails e-commerce): a held-out schema (issue #10), labelled before any scan and
never tuned on. Spree 4.3 squashed every earlier core migration into one,
``spree/core/db/migrate/20210914000000_spree_four_three.rb``; the tables here are as that
migration creates them (later migrations, such as the 2022 ``first_name``/``last_name``
on ``spree_users`` and the ``metadata`` columns, not applied), 12 of its 78 tables,
column subsets of ``spree_orders`` and ``spree_stores``. Rails types: ``string`` is
``VARCHAR(255)``, ``bigint`` ids, ``decimal(10,2)`` amounts. The migration declares no
foreign key: references are generated as values without a constraint, as in Spree.

Tables: users (Devise and legacy Authlogic columns side by side: bcrypt hashes or
SHA-512 with a salt, persistence/perishable/remember/reset/unlock/API tokens, sign-in
IPs, ``login`` equal to the e-mail), their address book (also the addresses of guest
orders, ``user_id`` NULL), orders (e-mail, last IP, the guest-order token, special
instructions naming and phoning someone), saved credit cards (holder name, last digits,
expiry, the Stripe customer and payment-method ids), payments, payment log entries (the
gateway's YAML response with the billing name and e-mail), preferences (YAML values,
gateway secret keys), roles and role assignments, stores, countries and states.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "spree/spree",
          "path": "spree/core/db/migrate/20210914000000_spree_four_three.rb",
          "commit": "cee28a23d9965d3c873955f2a567212450e4b335"}
PERSON_TABLES = ("spree_users",)

S = sa.String(255)
T = sa.Text
DT = sa.DateTime
I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
B = sa.Boolean
M = sa.Numeric(10, 2)

N_USER = 80
N_ADDR = 200
COUNTRIES = [("UNITED STATES", "US", "USA", "United States", 840, True),
             ("GERMANY", "DE", "DEU", "Germany", 276, False),
             ("FRANCE", "FR", "FRA", "France", 250, False),
             ("UNITED KINGDOM", "GB", "GBR", "United Kingdom", 826, False),
             ("CANADA", "CA", "CAN", "Canada", 124, True),
             ("JAPAN", "JP", "JPN", "Japan", 392, True),
             ("BRAZIL", "BR", "BRA", "Brazil", 76, True),
             ("POLAND", "PL", "POL", "Poland", 616, False),
             ("INDIA", "IN", "IND", "India", 356, True),
             ("SWEDEN", "SE", "SWE", "Sweden", 752, False)]
STATES = [("California", "CA", 1), ("New York", "NY", 1), ("Texas", "TX", 1),
          ("Florida", "FL", 1), ("Washington", "WA", 1), ("Illinois", "IL", 1),
          ("Ontario", "ON", 5), ("Quebec", "QC", 5), ("British Columbia", "BC", 5),
          ("Tokyo", "13", 6), ("Osaka", "27", 6), ("São Paulo", "SP", 7),
          ("Rio de Janeiro", "RJ", 7), ("Maharashtra", "MH", 9), ("Karnataka", "KA", 9)]


def _auth_style(c):  # type: ignore[no-untyped-def]
    c.row["_legacy"] = c.rng.random() < 0.3
    if c.row["_legacy"]:
        return G["token"](_p(c, n=128, style="hex"))
    return G["password_hash"](_p(c, style="bcrypt"))


SPECIAL = ["Leave at the back door", "Please call {phone} on arrival",
           "Gift for {first2} {last2} - no invoice in the box", "Ring twice",
           "Deliver to my neighbour {first2} at no. 12", "Fragile!"]


def _log_details(c):  # type: ignore[no-untyped-def]
    p = c.person
    ok = c.rng.random() < 0.85
    return ("--- !ruby/object:ActiveMerchant::Billing::Response\n"
            f"params:\n  id: ch_{G['token'](_p(c, n=24, style='url'))}\n"
            f"  object: charge\n  amount: {c.rng.randint(500, 90000)}\n"
            f"  billing_details:\n    name: {p['first']} {p['last']}\n"
            f"    email: {p['email']}\n    address:\n      postal_code: '{G['postcode'](c)}'\n"
            f"  outcome:\n    network_status: {'approved_by_network' if ok else 'declined'}\n"
            f"message: {'Transaction approved' if ok else 'Your card was declined.'}\n"
            f"success: {str(ok).lower()}\ntest: false\nauthorization: ch_"
            f"{G['token'](_p(c, n=24, style='url'))}\navs_result:\n  code: Y\n"
            "cvv_result:\n  code: M\n")


PREFS = [("spree/app_configuration/currency", "--- USD\n"),
         ("spree/app_configuration/allow_checkout_on_gateway_error", "--- false\n"),
         ("spree/app_configuration/auto_capture", "--- true\n"),
         ("spree/app_configuration/company", "--- true\n"),
         ("spree/app_configuration/address_requires_state", "--- true\n"),
         ("spree/app_configuration/show_products_without_price", "--- false\n"),
         ("spree/gateway/stripe_gateway/server/3", "--- live\n"),
         ("spree/gateway/stripe_gateway/test_mode/3", "--- false\n"),
         ("spree/gateway/stripe_gateway/secret_key/3", None),
         ("spree/gateway/stripe_gateway/publishable_key/3", None),
         ("spree/gateway/bogus/server/1", "--- test\n"),
         ("spree/gateway/bogus/test_mode/1", "--- true\n"),
         ("spree/calculator/flat_rate/amount/1", "--- 5.0\n"),
         ("spree/calculator/flat_rate/currency/1", "--- USD\n"),
         ("spree/calculator/flat_percent_item_total/flat_percent/2", "--- 10.0\n"),
         ("spree/promotion/rules/item_total/amount_min/1", "--- 50.0\n"),
         ("spree/store/mail_from_address/1", "--- orders@shop.example.com\n")]


def _pref_value(c):  # type: ignore[no-untyped-def]
    key, v = PREFS[c.index]
    if v is not None:
        return v
    prefix = "sk_live_" if "secret" in key else "pk_live_"
    return f"--- {prefix}{G['token'](_p(c, n=40, style='url'))}\n"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "spree_countries", len(COUNTRIES),
          col("id", BI, pk=True, auto=True),
          col("iso_name", S, lambda c: COUNTRIES[c.index][0], unique=True, nullable=True),
          col("iso", S, lambda c: COUNTRIES[c.index][1], unique=True),
          col("iso3", S, lambda c: COUNTRIES[c.index][2], unique=True),
          col("name", S, lambda c: COUNTRIES[c.index][3], unique=True, nullable=True),
          col("numcode", I, lambda c: COUNTRIES[c.index][4]),
          col("states_required", B, lambda c: COUNTRIES[c.index][5]),
          col("updated_at", DT, "datetime"),
          col("zipcode_required", B, lambda c: c.index not in (8,)),
          col("created_at", DT, "datetime"))
    table(md, "spree_states", len(STATES),
          col("id", BI, pk=True, auto=True),
          col("name", S, lambda c: STATES[c.index][0]),
          col("abbr", S, lambda c: STATES[c.index][1]),
          col("country_id", BI, lambda c: STATES[c.index][2], ref="spree_countries.id"),
          col("updated_at", DT, "datetime"),
          col("created_at", DT, "datetime"))
    table(md, "spree_users", N_USER,
          col("id", BI, pk=True, auto=True),
          col("encrypted_password", sa.String(128), _auth_style),
          col("password_salt", sa.String(128), lambda c: _tok(20)(c) if c.row["_legacy"]
              else None, nullable=True),
          col("email", S, "email"),
          col("remember_token", S, _tok(20), null=0.7),
          col("persistence_token", S, lambda c: _tok(128, "hex")(c) if c.row["_legacy"]
              else None, nullable=True),
          col("reset_password_token", S, _tok(64, "hex"), null=0.9),
          col("perishable_token", S, _tok(20), null=0.5),
          col("sign_in_count", I, "int", hi=300),
          col("failed_attempts", I, "choice", values=[0, 0, 0, 1, 2]),
          col("last_request_at", DT, "datetime", null=0.4),
          col("current_sign_in_at", DT, "datetime", null=0.1),
          col("last_sign_in_at", DT, "datetime", null=0.1),
          col("current_sign_in_ip", S, "ip", null=0.1),
          col("last_sign_in_ip", S, "ip", null=0.1),
          col("login", S, lambda c: c.row["email"], null=0.3),
          col("ship_address_id", BI, "int", lo=1, hi=N_ADDR, null=0.3),
          col("bill_address_id", BI, "int", lo=1, hi=N_ADDR, null=0.3),
          col("authentication_token", S, _tok(20), null=0.7),
          col("unlock_token", S, _tok(20), null=0.95),
          col("locked_at", DT, "datetime", null=0.95),
          col("remember_created_at", DT, "datetime", null=0.7),
          col("reset_password_sent_at", DT, "datetime", null=0.9),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"))
    table(md, "spree_addresses", N_ADDR,
          col("id", BI, pk=True, auto=True),
          col("firstname", S, "first_name"),
          col("lastname", S, "last_name"),
          col("address1", S, lambda c: c.person["f"].street_address()),
          col("address2", S, lambda c: f"Apt {c.rng.randint(1, 90)}" if c.rng.random() < 0.3
              else "", null=0.3),
          col("city", S, "city"),
          col("zipcode", S, "postcode", null=0.05),
          col("phone", S, "phone"),
          col("state_name", S, "state", null=0.8),
          col("alternative_phone", S, "phone", null=0.85),
          col("company", S, "company", null=0.8),
          col("state_id", BI, ref="spree_states.id", null=0.5),
          col("country_id", BI, lambda c: c.rng.choice([1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
              ref="spree_countries.id"),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("user_id", BI, ref="spree_users.id", null=0.3),
          col("deleted_at", DT, "datetime", null=0.9),
          col("label", S, lambda c: c.rng.choice(["Home", "Work", "Office", "Summer house"]),
              null=0.7))
    table(md, "spree_orders", 300,
          col("id", BI, pk=True, auto=True),
          col("number", sa.String(32), lambda c: f"R{c.rng.randint(100000000, 999999999)}",
              unique=True),
          col("item_total", M, "money", lo=5, hi=800),
          col("total", M, "money", lo=5, hi=900),
          col("state", S, "choice", values=["cart", "address", "payment", "complete",
                                            "complete", "complete", "canceled"]),
          col("adjustment_total", M, "money", lo=0, hi=40),
          col("user_id", BI, ref="spree_users.id", null=0.3),
          col("completed_at", DT, "datetime", null=0.3),
          col("bill_address_id", BI, ref="spree_addresses.id", null=0.2),
          col("ship_address_id", BI, ref="spree_addresses.id", null=0.2),
          col("payment_total", M, "money", lo=0, hi=900),
          col("shipment_state", S, "choice", values=["pending", "ready", "shipped",
                                                     "backorder"], null=0.3),
          col("payment_state", S, "choice", values=["balance_due", "paid", "void",
                                                    "credit_owed"], null=0.3),
          col("email", S, "email", null=0.05),
          col("special_instructions", T, lambda c: G["template"](_p(c, texts=SPECIAL)),
              null=0.75),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("currency", S, "choice", values=["USD", "USD", "EUR", "GBP"]),
          col("last_ip_address", S, "ip", null=0.1),
          col("created_by_id", BI, lambda c: c.rng.randint(1, N_USER), null=0.3),
          col("shipment_total", M, "money", lo=0, hi=25),
          col("promo_total", M, "money", lo=0, hi=30),
          col("channel", S, "choice", values=["spree", "spree", "pos", "marketplace"]),
          col("item_count", I, "int", lo=1, hi=12),
          col("approver_id", BI, lambda c: c.rng.randint(1, 3), null=0.95),
          col("approved_at", DT, "datetime", null=0.95),
          col("considered_risky", B, lambda c: c.rng.random() < 0.05),
          col("token", S, _tok(22)),
          col("canceled_at", DT, "datetime", null=0.92),
          col("canceler_id", BI, lambda c: c.rng.randint(1, N_USER), null=0.92),
          col("store_id", BI, ref="spree_stores.id"),
          col("state_lock_version", I, "choice", values=[0, 0, 1, 2]))
    table(md, "spree_credit_cards", 120,
          col("id", BI, pk=True, auto=True),
          col("month", S, lambda c: str(c.rng.randint(1, 12))),
          col("year", S, lambda c: str(c.rng.randint(2024, 2031))),
          col("cc_type", S, "choice", values=["visa", "visa", "master", "american_express",
                                              "discover"]),
          col("last_digits", S, lambda c: f"{c.rng.randint(0, 9999):04d}"),
          col("address_id", BI, ref="spree_addresses.id", null=0.3),
          col("gateway_customer_profile_id", S, lambda c: "cus_" + _tok(14)(c), null=0.1),
          col("gateway_payment_profile_id", S, lambda c: c.rng.choice(["card_", "pm_"]) +
              _tok(24)(c), null=0.1),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("name", S, lambda c: c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                                 f"{c.person['first']} {c.person['last']}"
                                                 .upper()]), null=0.05),
          col("user_id", BI, ref="spree_users.id", null=0.2),
          col("payment_method_id", BI, "choice", values=[3, 3, 1]),
          col("default", B, lambda c: c.rng.random() < 0.5),
          col("deleted_at", DT, "datetime", null=0.85))
    table(md, "spree_payments", 250,
          col("id", BI, pk=True, auto=True),
          col("amount", M, "money", lo=5, hi=900),
          col("order_id", BI, ref="spree_orders.id"),
          col("source_type", S, "choice", values=["Spree::CreditCard", "Spree::CreditCard",
                                                  "Spree::StoreCredit"], null=0.05),
          col("source_id", BI, "int", lo=1, hi=120, null=0.05),
          col("payment_method_id", BI, "choice", values=[1, 3, 3]),
          col("state", S, "choice", values=["checkout", "completed", "completed", "failed",
                                            "void", "processing"]),
          col("response_code", S, lambda c: "ch_" + _tok(24)(c), null=0.2),
          col("avs_response", S, "choice", values=["Y", "N", "M", "Z"], null=0.4),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("number", S, lambda c: "P" + _tok(7)(c).upper().replace("-", "X").replace(
              "_", "Z"), unique=True),
          col("cvv_response_code", S, "choice", values=["M", "N", "P"], null=0.4),
          col("cvv_response_message", S, lambda c: "CVV2 Match", null=0.6))
    table(md, "spree_log_entries", 200,
          col("id", BI, pk=True, auto=True),
          col("source_type", S, lambda c: "Spree::Payment"),
          col("source_id", BI, ref="spree_payments.id"),
          col("details", T, _log_details),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"))
    table(md, "spree_preferences", len(PREFS),
          col("id", BI, pk=True, auto=True),
          col("value", T, _pref_value),
          col("key", S, lambda c: PREFS[c.index][0], unique=True),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"))
    table(md, "spree_roles", 3,
          col("id", BI, pk=True, auto=True),
          col("name", S, lambda c: ["admin", "user", "merchant"][c.index], unique=True),
          col("created_at", DT, "datetime", null=0.3),
          col("updated_at", DT, "datetime", null=0.3))
    table(md, "spree_role_users", 90,
          col("id", BI, pk=True, auto=True),
          col("role_id", BI, "choice", values=[1, 2, 2, 2, 3]),
          col("user_id", BI, ref="spree_users.id"),
          col("created_at", DT, "datetime", null=0.2),
          col("updated_at", DT, "datetime", null=0.2))
    table(md, "spree_stores", 3,
          col("id", BI, pk=True, auto=True),
          col("name", S, lambda c: ["Spree Demo Store", "Bergsport Outlet", "Tokyo Pop-up"][
              c.index]),
          col("url", S, lambda c: ["shop.example.com", "outlet.example.de", "jp.example.com"][
              c.index]),
          col("meta_description", T, "lorem", null=0.3),
          col("meta_keywords", T, lambda c: "outdoor, bikes, gear", null=0.3),
          col("seo_title", S, lambda c: "Best gear online", null=0.3),
          col("mail_from_address", S, lambda c: ["orders@shop.example.com",
                                                 "noreply@outlet.example.de",
                                                 "shop@jp.example.com"][c.index]),
          col("default_currency", S, lambda c: ["USD", "EUR", "JPY"][c.index]),
          col("code", S, lambda c: ["spree", "outlet", "tokyo"][c.index], unique=True),
          col("default", B, lambda c: c.index == 0),
          col("created_at", DT, "datetime"),
          col("updated_at", DT, "datetime"),
          col("supported_currencies", S, lambda c: ["USD,EUR", "EUR", "JPY"][c.index]),
          col("facebook", S, lambda c: ["spreecommerce", "", ""][c.index]),
          col("twitter", S, lambda c: ["spreecommerce", "", ""][c.index]),
          col("instagram", S, lambda c: ["spreecommerce", "bergsportoutlet", ""][c.index]),
          col("default_locale", S, lambda c: ["en", "de", "ja"][c.index]),
          col("customer_support_email", S, lambda c: ["support@shop.example.com",
                                                      "hilfe@outlet.example.de", None][c.index],
              nullable=True),
          col("default_country_id", BI, lambda c: [1, 2, 6][c.index]),
          col("description", T, "lorem", null=0.3),
          col("address", T, lambda c: ["1 Market St, San Francisco, CA 94105",
                                       "Industriestr. 5, 80939 München", None][c.index],
              nullable=True),
          col("contact_phone", S, lambda c: ["+1 415 555 0100", "+49 89 1234560", None][
              c.index], nullable=True),
          col("new_order_notifications_email", S, lambda c: ["orders@shop.example.com",
                                                             "team@outlet.example.de",
                                                             None][c.index], nullable=True),
          col("checkout_zone_id", BI, lambda c: [1, 2, None][c.index], nullable=True),
          col("seo_robots", S, lambda c: "index, follow", null=0.5),
          col("supported_locales", S, lambda c: ["en,es", "de,en", "ja"][c.index]))
    return md
