"""Invoice Ninja (PHP invoicing and client management, Laravel): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables are those the single core
migration ``database/migrations/2014_10_13_000000_create_users_table.php`` creates (the
v5 schema; later migrations not applied), 13 of its 50 tables, column subsets of the
wide ones (``accounts``, ``companies``, ``users``, ``clients``, ``client_contacts``,
``invoices``, ``invoice_invitations``, ``payments``, ``activities``,
``client_gateway_tokens``; ``countries``). Laravel types: ``string`` is
``VARCHAR(255)``, ``mediumText`` ``MEDIUMTEXT``, ``timestamps(6)`` nullable
``TIMESTAMP(6)``. The unique ``(oauth_user_id, oauth_provider_id)`` of ``users`` is not
declared (the generator would treat its NULL pairs as duplicates). Foreign keys as the
migration declares them (to tables included); the other references (``user_id`` of
clients, ``country_id``, ``client_contact_id`` of activities...) are generated as
values, as in the migration.

Tables: accounts (the tenant: plan, sign-up user agent, account key), companies (the
tenant's business: creation IP, company key, JSON settings with the business's own name,
address and role e-mail), users (staff: names, phone, e-mail, bcrypt hash, remember-me
token, OAuth id and token, 2FA secret, push device token, e-mail signature, IP), API
tokens, clients (businesses and, in 40% of rows, private individuals: name, phone,
billing and shipping address, portal hash, notes), client contacts (the people of a
client, with a portal password, contact key, token and a custom field holding their
birthday), invoices (notes that sometimes name or phone a person, JSON line items),
invitations (the link key a contact opens an invoice with, the bounce message, a drawn
signature as base64 PNG), payments (gateway references, the PayPal payer id), activities
(IP and notes naming the contact's e-mail), saved gateway tokens (Stripe customer and
payment-method ids, card meta JSON), system logs (the gateway's JSON response with the
billing name and e-mail) and countries (lookup).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, mediumtext, table
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "invoiceninja/invoiceninja",
          "path": "database/migrations/2014_10_13_000000_create_users_table.php",
          "commit": "a148eec09bd1283db55112cbdfe26788bc234974"}
PERSON_TABLES = ("users", "client_contacts")

S = sa.String(255)
T = sa.Text
MT = mediumtext()
TS = sa.DateTime
D = sa.Date
I = sa.Integer  # noqa: E741
B = sa.Boolean
M = sa.Numeric(16, 4)

N_ACCOUNT = 10
N_USER = 25
N_CLIENT = 120
N_CONTACT = 200
N_INVOICE = 300
COUNTRIES = [("United States", "US", "USA", "USD", "Washington"),
             ("Germany", "DE", "DEU", "EUR", "Berlin"), ("France", "FR", "FRA", "EUR", "Paris"),
             ("United Kingdom", "GB", "GBR", "GBP", "London"),
             ("Australia", "AU", "AUS", "AUD", "Canberra"), ("Japan", "JP", "JPN", "JPY", "Tokyo"),
             ("Brazil", "BR", "BRA", "BRL", "Brasília"), ("Poland", "PL", "POL", "PLN", "Warsaw"),
             ("Canada", "CA", "CAN", "CAD", "Ottawa"), ("India", "IN", "IND", "INR", "New Delhi")]


_ts = datetimes(2019, 2025)


def _company_settings(c):  # type: ignore[no-untyped-def]
    name = G["company"](c)
    dom = "".join(ch for ch in name.lower() if ch.isalnum())[:12] or "company"
    f = c.fakers["en_US"]
    return json.dumps({"name": name, "email": f"billing@{dom}.com",
                       "phone": f"+1 555 {c.rng.randint(100, 999)} {c.rng.randint(1000, 9999)}",
                       "address1": f.street_address(), "city": f.city(),
                       "postal_code": f.postcode(), "country_id": "840",
                       "currency_id": c.rng.choice(["1", "3", "2"]),
                       "timezone_id": str(c.rng.randint(1, 100)), "date_format_id": "1",
                       "invoice_terms": "Payment due within 14 days.",
                       "payment_terms": c.rng.choice(["7", "14", "30"]),
                       "company_logo": "", "website": f"https://www.{dom}.com"})


def _client_kind(c):  # type: ignore[no-untyped-def]
    indiv = c.rng.random() < 0.4
    c.row["_indiv"] = indiv
    return G["full_name"](c) if indiv else G["company"](c)


def _addr(field, indiv_only=False):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        if indiv_only and not c.row["_indiv"]:
            return None
        return G[field](c)
    return g


SIGNATURES = ["Best regards,\n{first} {last}\n{phone}", "--\n{first} {last}\nAccounts",
              "Thanks!", "", "{first}\nSent from my phone"]
INVOICE_NOTES = ["", "", "Thank you for your business!", "Please pay by bank transfer.",
                 "Hi {first}, as discussed on the phone.", "Deliver to {first} {last} at reception",
                 "Call {phone} when the payment is sent"]
PRIVATE_NOTES = ["", "VIP client", "Slow payer", "{first} {last} prefers e-mail",
                 "Spoke to {first} on {phone}", "Discount agreed: 10%", "Contact moved to {city}"]
LINE_PRODUCTS = ["Website design", "Hosting (12 months)", "Consulting hours", "Logo",
                 "Maintenance", "Travel expenses", "Domain renewal", "Support plan"]


def _line_items(c):  # type: ignore[no-untyped-def]
    items = []
    for _ in range(c.rng.randint(1, 4)):
        qty = c.rng.choice([1, 1, 2, 5, 10])
        cost = round(c.rng.uniform(10, 500), 2)
        items.append({"product_key": c.rng.choice(LINE_PRODUCTS), "notes": "",
                      "quantity": qty, "cost": cost, "discount": 0, "tax_name1": "",
                      "tax_rate1": 0, "line_total": round(qty * cost, 2), "type_id": "1"})
    return json.dumps(items)


def _signature_png(c):  # type: ignore[no-untyped-def]
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(c.rng.getrandbits(8) for _ in range(90))
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def _bounce(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        f"550 5.1.1 <{c.person['email']}>: Recipient address rejected: User unknown",
        "421 4.7.0 Try again later", f"Mailbox full: {c.person['email']}"])


def _activity_notes(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return f"Invoice INV-{c.rng.randint(1, 9999):04d} emailed to {c.person['email']}"
    if r < 0.4:
        return f"{G['full_name'](c)} viewed the invoice"
    return c.rng.choice(["", "", "Payment reminder sent", "Recurring invoice generated"])


def _gateway_log(c):  # type: ignore[no-untyped-def]
    p = c.person
    if c.rng.random() < 0.3:
        return json.dumps({"message": "Webhook received", "type": "charge.refunded",
                           "id": f"evt_{G['token'](_p(c, n=24, style='url'))}"})
    return json.dumps({"transaction_reference": f"ch_{G['token'](_p(c, n=24, style='url'))}",
                       "gateway_response": {"status": c.rng.choice(["succeeded", "failed"]),
                                            "billing_details": {
                                                "name": f"{p['first']} {p['last']}",
                                                "email": p["email"],
                                                "address": {"postal_code": p["f"].postcode()}},
                                            "card": {"brand": "visa",
                                                     "last4": str(c.rng.randint(1000, 9999))}},
                       "amount": round(c.rng.uniform(10, 900), 2)}, ensure_ascii=False)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "countries", len(COUNTRIES),
          col("id", I, pk=True, auto=True),
          col("capital", S, lambda c: COUNTRIES[c.index][4], null=0.0),
          col("currency_code", S, lambda c: COUNTRIES[c.index][3]),
          col("iso_3166_2", sa.String(2), lambda c: COUNTRIES[c.index][1]),
          col("iso_3166_3", sa.String(3), lambda c: COUNTRIES[c.index][2]),
          col("name", S, lambda c: COUNTRIES[c.index][0]),
          col("eea", B, lambda c: COUNTRIES[c.index][1] in ("DE", "FR", "PL")))
    table(md, "accounts", N_ACCOUNT,
          col("id", I, pk=True, auto=True),
          col("plan", enum("pro", "enterprise", "white_label"), "choice",
              values=["pro", "enterprise", "white_label"], null=0.4),
          col("plan_expires", D, "date", null=0.4),
          col("user_agent", S, "user_agent", null=0.1),
          col("key", S, _tok(32, "url"), null=0.05),
          col("default_company_id", I, lambda c: c.index + 1),
          col("num_users", sa.SmallInteger, "choice", values=[1, 1, 2, 5]),
          col("utm_source", S, "choice", values=["google", "capterra", "newsletter"], null=0.7),
          col("created_at", TS, _ts))
    table(md, "companies", N_ACCOUNT,
          col("id", I, pk=True, auto=True),
          col("account_id", I, lambda c: c.index + 1, fk="accounts.id"),
          col("ip", S, "ip", null=0.1),
          col("company_key", sa.String(100), _tok(32, "url"), unique=True),
          col("subdomain", S, lambda c: G["slug"](c), null=0.5),
          col("custom_fields", MT, lambda c: json.dumps({"client1": "Segment",
                                                         "contact1": "Birthday|date"})),
          col("settings", MT, _company_settings),
          col("slack_webhook_url", S, lambda c: "" if c.rng.random() < 0.7 else
              f"https://hooks.slack.com/services/T{G['token'](_p(c, n=8))}/"
              f"B{G['token'](_p(c, n=8))}/{G['token'](_p(c, n=24, style='url'))}"),
          col("created_at", TS, _ts))
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("account_id", I, fk="accounts.id"),
          col("first_name", S, "first_name", null=0.05),
          col("last_name", S, "last_name", null=0.05),
          col("phone", S, "phone", null=0.4),
          col("ip", S, "ip", null=0.1),
          col("device_token", S, _tok(64, "hex"), null=0.7),
          col("email", sa.String(100), "email", unique=True),
          col("confirmation_code", S, _tok(32, "hex"), null=0.7),
          col("oauth_user_id", sa.String(100), lambda c: str(c.rng.randint(10**20, 10**21 - 1))
              if c.rng.random() < 0.3 else None, nullable=True),
          col("oauth_user_token", S, lambda c: "ya29." + G["token"](_p(c, n=120, style="url"))
              if c.row["oauth_user_id"] else None, nullable=True),
          col("oauth_provider_id", S, lambda c: "google" if c.row["oauth_user_id"] else None,
              nullable=True),
          col("google_2fa_secret", S, lambda c: "".join(
              c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)), null=0.8),
          col("avatar", sa.String(100), lambda c: f"avatars/{G['token'](_p(c, n=20))}.png",
              null=0.7),
          col("last_login", TS, _ts, null=0.1),
          col("signature", MT, "template", texts=SIGNATURES, null=0.4),
          col("password", S, "password_hash", style="bcrypt12"),
          col("remember_token", sa.String(100), _tok(60), null=0.5),
          col("created_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "company_tokens", 30,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("account_id", I, fk="accounts.id"),
          col("user_id", I, fk="users.id"),
          col("token", S, _tok(64, "url"), null=0.05),
          col("name", S, "choice", values=["Zapier", "iOS app", "Android", "Make.com",
                                           "Default token", "Desktop"], null=0.1),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "clients", N_CLIENT,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("user_id", I, "int", lo=1, hi=N_USER),
          col("assigned_user_id", I, "int", lo=1, hi=N_USER, null=0.6),
          col("name", S, _client_kind, nullable=True),
          col("website", S, lambda c: None if c.row["_indiv"] else G["url"](c),
              nullable=True),
          col("private_notes", T, "template", texts=PRIVATE_NOTES, null=0.5),
          col("public_notes", T, lambda c: c.rng.choice(["", "Net 30", "Invoice monthly"]),
              null=0.6),
          col("client_hash", T, _tok(40, "url")),
          col("phone", S, "phone", null=0.2),
          col("address1", S, "street", null=0.1),
          col("address2", S, lambda c: c.rng.choice(["Apt 4", "Suite 200", "2nd floor", ""]),
              null=0.5),
          col("city", S, "city", null=0.1),
          col("state", S, "state", null=0.2),
          col("postal_code", S, "postcode", null=0.1),
          col("country_id", I, "int", lo=1, hi=len(COUNTRIES), null=0.1),
          col("shipping_address1", S, "street", null=0.6),
          col("shipping_city", S, "city", null=0.6),
          col("shipping_postal_code", S, "postcode", null=0.6),
          col("settings", MT, lambda c: json.dumps({"currency_id": c.rng.choice(["1", "3"]),
                                                    "language_id": "1",
                                                    "payment_terms": "14"})),
          col("vat_number", S, lambda c: None if c.row["_indiv"] else
              f"DE{c.rng.randint(100000000, 999999999)}", nullable=True),
          col("id_number", S, lambda c: None if c.row["_indiv"] else
              f"HRB {c.rng.randint(1000, 99999)}", nullable=True),
          col("created_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.9))
    table(md, "client_contacts", N_CONTACT,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_ACCOUNT),
          col("client_id", I, fk="clients.id"),
          col("user_id", I, "int", lo=1, hi=N_USER),
          col("first_name", S, "first_name", null=0.05),
          col("last_name", S, "last_name", null=0.1),
          col("phone", S, "phone", null=0.3),
          col("custom_value1", S, lambda c: c.person["born"].strftime(
              c.rng.choice(["%Y-%m-%d", "%d/%m/%Y"])), null=0.5),
          col("email", sa.String(100), "email", null=0.1),
          col("email_verified_at", TS, _ts, null=0.5),
          col("confirmation_code", S, _tok(32, "hex"), null=0.8),
          col("is_primary", B, lambda c: c.rng.random() < 0.6),
          col("last_login", TS, _ts, null=0.6),
          col("failed_logins", sa.SmallInteger, "choice", values=[0, 0, 1], null=0.5),
          col("oauth_user_id", sa.String(100), lambda c: str(c.rng.randint(10**20,
                                                                          10**21 - 1)),
              null=0.9, unique=True),
          col("avatar", S, lambda c: f"avatars/{G['token'](_p(c, n=20))}.jpg", null=0.9),
          col("password", S, lambda c: G["password_hash"](_p(c, style="bcrypt12"))
              if c.rng.random() < 0.3 else ""),
          col("token", S, _tok(64, "url"), null=0.3),
          col("is_locked", B, lambda c: False),
          col("contact_key", S, _tok(40, "url"), null=0.05),
          col("remember_token", sa.String(100), _tok(60), null=0.8),
          col("created_at", TS, _ts))
    table(md, "invoices", N_INVOICE,
          col("id", I, pk=True, auto=True),
          col("client_id", I, fk="clients.id"),
          col("user_id", I, fk="users.id"),
          col("company_id", I, fk="companies.id"),
          col("status_id", I, "choice", values=[1, 2, 3, 4, 5, 6]),
          col("number", S, lambda c: f"{c.index + 1:04d}"),
          col("po_number", S, lambda c: f"PO-{c.rng.randint(1000, 99999)}", null=0.8),
          col("date", D, "date", null=0.02),
          col("due_date", TS, _ts, null=0.2),
          col("line_items", MT, _line_items),
          col("public_notes", T, "template", texts=INVOICE_NOTES, null=0.4),
          col("private_notes", T, "template", texts=PRIVATE_NOTES, null=0.6),
          col("amount", M, "money", lo=20, hi=9000),
          col("balance", M, "money", lo=0, hi=9000),
          col("last_viewed", TS, _ts, null=0.5),
          col("created_at", TS, _ts),
          sa.UniqueConstraint("company_id", "number"))
    table(md, "invoice_invitations", 350,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("user_id", I, fk="users.id"),
          col("client_contact_id", I, fk="client_contacts.id"),
          col("invoice_id", I, fk="invoices.id"),
          col("key", S, _tok(40, "url")),
          col("transaction_reference", S, lambda c: f"ch_{G['token'](_p(c, n=24))}",
              null=0.8),
          col("message_id", S, lambda c: f"<{G['token'](_p(c, n=32, style='hex'))}"
              f"@swift.generated>", null=0.3),
          col("email_error", MT, _bounce, null=0.92),
          col("signature_base64", T, _signature_png, null=0.85),
          col("signature_date", TS, _ts, null=0.85),
          col("sent_date", TS, _ts, null=0.2),
          col("viewed_date", TS, _ts, null=0.5),
          col("opened_date", TS, _ts, null=0.5),
          col("created_at", TS, _ts),
          sa.UniqueConstraint("client_contact_id", "invoice_id"))
    table(md, "payments", 200,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("client_id", I, fk="clients.id"),
          col("user_id", I, fk="users.id", null=0.2),
          col("client_contact_id", I, fk="client_contacts.id", null=0.5),
          col("type_id", I, "choice", values=[1, 2, 5, 12, 23], null=0.1),
          col("status_id", I, "choice", values=[1, 4, 4, 4, 5, 6]),
          col("amount", M, "money", lo=10, hi=9000),
          col("refunded", M, lambda c: 0),
          col("date", D, "date", null=0.02),
          col("transaction_reference", S, lambda c: c.rng.choice(
              [f"ch_{G['token'](_p(c, n=24))}", f"{c.rng.randint(10**7, 10**8)}", ""]),
              null=0.3),
          col("payer_id", S, lambda c: "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                               for _ in range(13)), null=0.8),
          col("number", S, lambda c: f"{c.index + 1:04d}"),
          col("private_notes", T, "template", texts=PRIVATE_NOTES, null=0.7),
          col("currency_id", I, "choice", values=[1, 2, 3]),
          col("created_at", TS, _ts),
          sa.UniqueConstraint("company_id", "number"))
    table(md, "activities", 500,
          col("id", I, pk=True, auto=True),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.2),
          col("company_id", I, fk="companies.id"),
          col("client_id", I, "int", lo=1, hi=N_CLIENT, null=0.1),
          col("client_contact_id", I, "int", lo=1, hi=N_CONTACT, null=0.6),
          col("invoice_id", I, "int", lo=1, hi=N_INVOICE, null=0.4),
          col("payment_id", I, "int", lo=1, hi=200, null=0.8),
          col("activity_type_id", I, "int", lo=1, hi=60),
          col("ip", S, "ip"),
          col("is_system", B, lambda c: c.rng.random() < 0.3),
          col("notes", T, _activity_notes),
          col("created_at", TS, _ts))
    table(md, "client_gateway_tokens", 60,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("client_id", I, fk="clients.id", null=0.05),
          col("token", T, lambda c: c.rng.choice(["pm_", "card_", "src_"]) +
              G["token"](_p(c, n=24, style="url"))),
          col("routing_number", T, lambda c: str(c.rng.choice([11000015, 21000021, 26009593])),
              null=0.85),
          col("company_gateway_id", I, "int", lo=1, hi=5),
          col("gateway_customer_reference", S, lambda c: "cus_" +
              G["token"](_p(c, n=14, style="url")), null=0.1),
          col("gateway_type_id", I, "choice", values=[1, 1, 2, 3]),
          col("is_default", B, lambda c: c.rng.random() < 0.5),
          col("meta", T, lambda c: json.dumps({"exp_month": str(c.rng.randint(1, 12)),
                                               "exp_year": str(c.rng.randint(2025, 2031)),
                                               "brand": c.rng.choice(["visa", "mastercard",
                                                                      "amex"]),
                                               "last4": str(c.rng.randint(1000, 9999)),
                                               "type": 1}), null=0.1),
          col("created_at", TS, _ts))
    table(md, "system_logs", 150,
          col("id", I, pk=True, auto=True),
          col("company_id", I, fk="companies.id"),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.5),
          col("client_id", I, fk="clients.id", null=0.2),
          col("category_id", I, "choice", values=[1, 2, 3]),
          col("event_id", I, "choice", values=[10, 11, 21, 22, 30]),
          col("type_id", I, "choice", values=[300, 301, 302, 400]),
          col("log", MT, _gateway_log),
          col("created_at", TS, _ts))
    return md
