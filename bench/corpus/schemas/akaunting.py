"""Akaunting (PHP accounting for small businesses and freelancers, Laravel): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables are those the
two first core migrations leave, ``database/migrations/2017_09_14_000000_core_v1.php``
and ``2019_11_16_000000_core_v2.php`` (the 2.0 schema: v1's tables with v2's
``created_from``/``created_by``, ``landing_page`` and renames, v2's new tables; the
``core_v3*`` migrations not applied), 16 of their tables, all columns. Laravel types:
``string`` is ``VARCHAR(255)``, ``double(15, 4)`` ``DOUBLE(15,4)`` on MariaDB,
``timestamps()`` nullable ``TIMESTAMP``, ``softDeletes()`` a nullable ``deleted_at``.
The only foreign key the migrations declare among these tables is ``user_roles.role_id``;
every other reference (``company_id``, ``contact_id``, ``created_by``...) is an
undeclared integer, generated as a value, as in the migrations. The unique
``(company_id, type, email, deleted_at)`` of ``contacts`` and the like are declared.

Tables: companies (tenants), users (name, e-mail, bcrypt hash, remember-me token),
user-company and user-role pivots, roles, settings (the business's own name, e-mail,
address, tax number, invoice defaults), Laravel sessions (IP, user agent, base64
payload naming the logged-in user), password resets (e-mail and hashed token), bank and
cash accounts (the business's own, with IBANs), contacts (customers and vendors:
businesses and, in 45% of rows, private individuals, some with a personal tax code),
documents (invoices and bills with a copy of the contact's name, e-mail, tax number,
phone and address; notes), document histories, transactions (descriptions such as
"Payment from <name>"), firewall logs and blocked IPs (the request body of failed logins
with the e-mail tried) and notifications (JSON naming the customer).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, table
from ..gen import token_of as _tok
from ..gen import with_params as _p

SOURCE = {"repo": "akaunting/akaunting",
          "path": "database/migrations/2019_11_16_000000_core_v2.php",
          "commit": "dfc1171cf1e3749b2763cb0ade9f997c434e8f0e"}
PERSON_TABLES = ("users",)

S = sa.String(255)
T = sa.Text
TS = sa.DateTime
I = sa.Integer  # noqa: E741
B = sa.Boolean
D4 = sa.Float().with_variant(mysql.DOUBLE(precision=15, scale=4, asdecimal=False),
                             "mysql", "mariadb")
D8 = sa.Float().with_variant(mysql.DOUBLE(precision=15, scale=8, asdecimal=False),
                             "mysql", "mariadb")

N_COMPANY = 8
N_USER = 30
N_CONTACT = 220
N_DOCUMENT = 400
N_ACCOUNT = 20
CREATED_FROM = ["core::ui", "core::ui", "core::api", "offline-payments::ui", "core::import"]
CURRENCIES = ["USD", "EUR", "GBP", "TRY", "BRL"]
ROLES = [("admin", "Admin", "Full access"), ("manager", "Manager", "Manage invoices"),
         ("accountant", "Accountant", "Read and reconcile"),
         ("customer", "Customer", "Client portal access"),
         ("employee", "Employee", None)]
BANKS = [("Deutsche Bank", "+49 69 910 00"), ("BNP Paribas", "+33 1 40 14 45 46"),
         ("Chase", "+1 800 935 9935"), ("Ziraat Bankası", "+90 850 220 00 00"),
         ("Itaú", "+55 11 4004 4828"), ("", "")]
DOC_NOTES = ["", "", "Thank you for your business.", "Payment within 14 days.",
             "Hi {first}, here is the invoice for last month.",
             "Deliver to {first} {last}, {street}", "Call {phone} before delivery",
             "Reverse charge: VAT to be accounted for by the recipient."]
HISTORY = ["Invoice added!", "Invoice marked as sent!", "Payment received",
           "Bill received", "Invoice sent to {email}", "{first} {last} viewed the invoice"]


_ts = datetimes(2019, 2025)


def _created_by(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.1 else c.rng.randint(1, N_USER)


def _iban(c):  # type: ignore[no-untyped-def]
    cc = c.rng.choice(["DE", "FR", "TR", "NL", "ES"])
    n = "".join(str(c.rng.randint(0, 9)) for _ in range(18))
    s = f"{cc}{c.rng.randint(10, 99)}{n}"
    return s if c.rng.random() < 0.6 else " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _contact_name(c):  # type: ignore[no-untyped-def]
    indiv = c.rng.random() < 0.45
    c.row["_indiv"] = indiv
    return G["full_name"](c) if indiv else G["company"](c)


def _contact_email(c):  # type: ignore[no-untyped-def]
    if c.row["_indiv"]:
        return c.person["email"]
    dom = "".join(ch for ch in c.row["name"].lower() if ch.isalnum())[:14] or "company"
    return f"{c.rng.choice(['billing', 'info', 'accounts', 'office'])}@{dom}.com"


def _codice_fiscale(c):  # type: ignore[no-untyped-def]
    p = c.person
    letters = "".join(ch for ch in (p["last"] + p["first"]).upper() if ch.isascii()
                      and ch.isalpha())[:6].ljust(6, "X")
    return (f"{letters}{p['born'].year % 100:02d}{'ABCDEHLMPRST'[p['born'].month - 1]}"
            f"{p['born'].day + (0 if p['male'] else 40):02d}"
            f"{c.rng.choice('ABCDEFGHLM')}{c.rng.randint(100, 999)}{c.rng.choice('ABCXYZ')}")


def _tax_number(c):  # type: ignore[no-untyped-def]
    if c.row["_indiv"]:
        return _codice_fiscale(c) if c.rng.random() < 0.3 else None
    return f"{c.rng.choice(['DE', 'FR', 'IT', 'NL'])}{c.rng.randint(10**8, 10**9 - 1)}"


def _contact_copy(field):  # type: ignore[no-untyped-def]
    """documents.contact_*: the contact's values copied onto the invoice or bill."""
    def gen(c):  # type: ignore[no-untyped-def]
        if field == "name":
            c.row["_indiv"] = c.rng.random() < 0.45
            return G["full_name"](c) if c.row["_indiv"] else G["company"](c)
        if field == "email":
            return c.person["email"] if c.row["_indiv"] else \
                f"billing@{G['slug'](c)}.com"
        if field == "tax":
            return _tax_number(c)
        if field == "address":
            return G["street"](c)
        return G[field](c)
    return gen


def _ser(v):  # type: ignore[no-untyped-def]
    """PHP serialize() of str, int and dict (what Laravel's session payload holds)."""
    if isinstance(v, int):
        return f"i:{v};"
    if isinstance(v, str):
        return f's:{len(v.encode())}:"{v}";'
    return f"a:{len(v)}:{{" + "".join(_ser(k) + _ser(x) for k, x in v.items()) + "}"


def _session_payload(c):  # type: ignore[no-untyped-def]
    data = {"_token": G["token"](_p(c, n=40, style="url")),
            "_previous": {"url": "https://books.example.com/1/sales/invoices"},
            "_flash": {"old": {}, "new": {}},
            "login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d": c.rng.randint(1, N_USER)}
    if c.rng.random() < 0.15:
        data["email"] = c.person["email"]
    return base64.b64encode(_ser(data).encode()).decode()


def _settings_rows(c):  # type: ignore[no-untyped-def]
    keys = ["company.name", "company.email", "company.phone", "company.address",
            "company.tax_number", "company.logo", "default.currency", "default.locale",
            "invoice.number_prefix", "invoice.number_digit", "invoice.notes",
            "email.protocol", "email.smtp_host", "localisation.date_format",
            "localisation.financial_start", "wizard.completed"]
    k = keys[c.index % len(keys)]
    c.row["_k"] = k
    return k


def _settings_value(c):  # type: ignore[no-untyped-def]
    k = c.row["_k"]
    f = c.fakers["en_US"]
    company = G["company"](c)
    dom = "".join(ch for ch in company.lower() if ch.isalnum())[:12] or "company"
    return {"company.name": company, "company.email": f"info@{dom}.com",
            "company.phone": f"+1 555 {c.rng.randint(100, 999)} {c.rng.randint(1000, 9999)}",
            "company.address": f"{f.street_address()}\n{f.city()}, {f.postcode()}",
            "company.tax_number": f"DE{c.rng.randint(10**8, 10**9 - 1)}",
            "company.logo": str(c.rng.randint(1, 40)), "default.currency": "USD",
            "default.locale": c.rng.choice(["en-GB", "de-DE", "tr-TR"]),
            "invoice.number_prefix": "INV-", "invoice.number_digit": "5",
            "invoice.notes": "Thank you for your business.", "email.protocol": "smtp",
            "email.smtp_host": "smtp.mailgun.org", "localisation.date_format": "d M Y",
            "localisation.financial_start": "01-01", "wizard.completed": "1"}[k]


def _fw_request(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.35:
        return json.dumps({"_token": G["token"](_p(c, n=40)), "email": c.person["email"],
                           "password": "[hidden]", "remember": "on"})
    if r < 0.6:
        return json.dumps({"id": "1' OR '1'='1", "page": "2"})
    if r < 0.8:
        return json.dumps({"q": "<script>alert(1)</script>"})
    return None


def _fw_url(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["https://books.example.com/auth/login",
                         "https://books.example.com/wp-login.php",
                         "https://books.example.com/1/sales/invoices?id=1%27%20OR%201=1",
                         "https://books.example.com/.env", "https://books.example.com/portal"])


def _notification_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    kind = c.rng.choice(["invoice", "bill", "payment"])
    return json.dumps({"template_alias": f"{kind}_new_customer", "title": f"New {kind}",
                       "description": f"{kind.title()} INV-{c.rng.randint(1, 9999):05d} "
                                      f"for {p['first']} {p['last']}",
                       "invoice_id": c.rng.randint(1, N_DOCUMENT),
                       "customer_name": f"{p['first']} {p['last']}",
                       "amount": f"${c.rng.uniform(20, 900):.2f}"}, ensure_ascii=False)


def _ts_cols():  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02),
            col("deleted_at", TS, _ts, null=0.92)]


def _by_cols():  # type: ignore[no-untyped-def]
    return [col("created_from", sa.String(100), "choice", values=CREATED_FROM, null=0.1),
            col("created_by", I, _created_by, nullable=True)]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "companies", N_COMPANY,
          col("id", I, pk=True, auto=True),
          col("domain", S, lambda c: f"{G['slug'](c)}.example.com", null=0.8),
          col("enabled", B, lambda c: True),
          *_by_cols(), *_ts_cols())
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("name", S, "full_name"),
          col("email", S, "email"),
          col("password", S, "password_hash", style="bcrypt"),
          col("remember_token", sa.String(100), _tok(60), null=0.4),
          col("last_logged_in_at", TS, _ts, null=0.15),
          col("locale", S, "choice", values=["en-GB", "en-US", "de-DE", "tr-TR", "pt-BR"]),
          col("landing_page", sa.String(70), "choice",
              values=["dashboard", "dashboard", "portal.dashboard", "sales.invoices.index"],
              null=0.05),
          col("enabled", B, lambda c: c.rng.random() < 0.95),
          *_by_cols(), *_ts_cols(),
          sa.UniqueConstraint("email", "deleted_at"))
    table(md, "user_companies", 40,
          col("user_id", I, "int", lo=1, hi=N_USER, pk=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY, pk=True))
    table(md, "roles", len(ROLES),
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: ROLES[c.index][0], unique=True),
          col("display_name", S, lambda c: ROLES[c.index][1]),
          col("description", S, lambda c: ROLES[c.index][2], nullable=True),
          *_by_cols(),
          col("created_at", TS, _ts, null=0.02), col("updated_at", TS, _ts, null=0.02))
    table(md, "user_roles", 40,
          col("user_id", I, "int", lo=1, hi=N_USER, pk=True),
          col("role_id", I, fk="roles.id", pk=True),
          col("user_type", S, lambda c: "users", pk=True))
    table(md, "settings", 16 * N_COMPANY,
          col("id", I, pk=True, auto=True),
          col("company_id", I, lambda c: c.index // 16 + 1),
          col("key", S, _settings_rows),
          col("value", T, _settings_value, nullable=True),
          col("deleted_at", TS, _ts, null=0.97),
          sa.UniqueConstraint("company_id", "key"))
    table(md, "sessions", 120,
          col("id", S, _tok(40), unique=True),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.3),
          col("ip_address", sa.String(45), "ip", null=0.02),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", T, _session_payload),
          col("last_activity", I, "int", lo=1_600_000_000, hi=1_760_000_000))
    table(md, "password_resets", 15,
          col("email", S, "email"),
          col("token", S, "password_hash", style="bcrypt"),
          col("created_at", TS, _ts, null=0.05))
    table(md, "accounts", N_ACCOUNT,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY),
          col("name", S, "choice", values=["Cash", "Business Checking", "Savings",
                                           "PayPal", "Credit Card", "Petty cash"]),
          col("number", S, _iban),
          col("currency_code", S, "choice", values=CURRENCIES),
          col("opening_balance", D4, lambda c: round(c.rng.uniform(0, 20000), 4)),
          col("bank_name", S, lambda c: BANKS[c.index % len(BANKS)][0] or None,
              nullable=True),
          col("bank_phone", S, lambda c: BANKS[c.index % len(BANKS)][1] or None,
              nullable=True),
          col("bank_address", T, lambda c: c.fakers["en_US"].address() if BANKS[
              c.index % len(BANKS)][0] and c.rng.random() < 0.5 else None, nullable=True),
          col("enabled", B, lambda c: True),
          *_by_cols(), *_ts_cols())
    table(md, "contacts", N_CONTACT,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY),
          col("type", S, "choice", values=["customer", "customer", "vendor"]),
          col("name", S, _contact_name),
          col("email", S, _contact_email, null=0.1),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.85),
          col("tax_number", S, _tax_number, nullable=True),
          col("phone", S, "phone", null=0.25),
          col("address", T, "street", null=0.2),
          col("city", S, "city", null=0.25),
          col("zip_code", S, "postcode", null=0.25),
          col("state", S, "state", null=0.5),
          col("country", S, "choice", values=["DE", "US", "TR", "GB", "BR", "IT"], null=0.3),
          col("website", S, lambda c: None if c.row["_indiv"] else G["url"](c),
              nullable=True),
          col("currency_code", S, "choice", values=CURRENCIES),
          col("enabled", B, lambda c: c.rng.random() < 0.95),
          col("reference", S, lambda c: f"C-{c.index + 1:04d}", null=0.7),
          *_by_cols(), *_ts_cols(),
          sa.UniqueConstraint("company_id", "type", "email", "deleted_at"))
    table(md, "documents", N_DOCUMENT,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY),
          col("type", S, "choice", values=["invoice", "invoice", "bill"]),
          col("document_number", S, lambda c: f"INV-{c.index + 1:05d}"),
          col("order_number", S, lambda c: f"PO-{c.rng.randint(100, 9999)}", null=0.7),
          col("status", S, "choice", values=["draft", "sent", "viewed", "partial", "paid",
                                             "cancelled"]),
          col("issued_at", TS, _ts),
          col("due_at", TS, _ts),
          col("amount", D4, lambda c: round(c.rng.uniform(20, 9000), 4)),
          col("currency_code", S, "choice", values=CURRENCIES),
          col("currency_rate", D8, lambda c: c.rng.choice([1.0, 0.92, 1.27, 33.1])),
          col("category_id", I, "int", lo=1, hi=12),
          col("contact_id", I, "int", lo=1, hi=N_CONTACT),
          col("contact_name", S, _contact_copy("name")),
          col("contact_email", S, _contact_copy("email"), null=0.15),
          col("contact_tax_number", S, _contact_copy("tax"), nullable=True),
          col("contact_phone", S, _contact_copy("phone"), null=0.3),
          col("contact_address", T, _contact_copy("address"), null=0.2),
          col("contact_city", S, _contact_copy("city"), null=0.3),
          col("contact_zip_code", S, _contact_copy("postcode"), null=0.3),
          col("contact_state", S, _contact_copy("state"), null=0.5),
          col("contact_country", S, "choice", values=["DE", "US", "TR", "GB", "BR", "IT"],
              null=0.3),
          col("notes", T, "template", texts=DOC_NOTES, null=0.4),
          col("footer", T, lambda c: c.rng.choice(
              ["", "Bank transfer to IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
               "Registered office: Berlin, HRB 123456"]), null=0.5),
          col("parent_id", I, lambda c: 0 if c.rng.random() < 0.9 else c.rng.randint(1, 50)),
          *_by_cols(), *_ts_cols(),
          sa.UniqueConstraint("document_number", "deleted_at", "company_id", "type"))
    table(md, "document_histories", 500,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY),
          col("type", S, "choice", values=["invoice", "bill"]),
          col("document_id", I, "int", lo=1, hi=N_DOCUMENT),
          col("status", S, "choice", values=["draft", "sent", "viewed", "paid"]),
          col("notify", B, "bool"),
          col("description", T, "template", texts=HISTORY, null=0.1),
          *_by_cols(), *_ts_cols())
    table(md, "transactions", 450,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "int", lo=1, hi=N_COMPANY),
          col("type", S, "choice", values=["income", "expense", "income"]),
          col("paid_at", TS, _ts),
          col("amount", D4, lambda c: round(c.rng.uniform(5, 9000), 4)),
          col("currency_code", S, "choice", values=CURRENCIES),
          col("currency_rate", D8, lambda c: c.rng.choice([1.0, 0.92, 1.27, 33.1])),
          col("account_id", I, "int", lo=1, hi=N_ACCOUNT),
          col("document_id", I, "int", lo=1, hi=N_DOCUMENT, null=0.3),
          col("contact_id", I, "int", lo=1, hi=N_CONTACT, null=0.2),
          col("category_id", I, "int", lo=1, hi=12),
          col("description", T, "template", null=0.3, texts=[
              "", "Office rent", "Monthly hosting", "Payment from {first} {last}",
              "Refund to {first} {last}", "Consulting, March", "Fuel", "Transfer"]),
          col("payment_method", S, "choice", values=["offline-payments.cash.1",
                                                     "offline-payments.bank_transfer.2",
                                                     "paypal-standard.1"]),
          col("reference", S, lambda c: c.rng.choice(
              ["", f"TRX{c.rng.randint(10**7, 10**8)}", f"Cheque {c.rng.randint(100, 999)}"]),
              null=0.4),
          col("parent_id", I, lambda c: 0),
          col("reconciled", B, "bool"),
          *_by_cols(), *_ts_cols())
    table(md, "firewall_ips", 60,
          col("id", I, pk=True, auto=True),
          col("ip", S, "ip"),
          col("log_id", I, "int", lo=1, hi=150, null=0.1),
          col("blocked", B, lambda c: c.rng.random() < 0.8),
          *_ts_cols(),
          sa.UniqueConstraint("ip", "deleted_at"))
    table(md, "firewall_logs", 150,
          col("id", I, pk=True, auto=True),
          col("ip", S, "ip"),
          col("level", S, "choice", values=["medium", "medium", "high", "critical"]),
          col("middleware", S, "choice", values=["login", "sqli", "xss", "lfi", "bot", "php"]),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.8),
          col("url", S, _fw_url, null=0.05),
          col("referrer", S, lambda c: c.rng.choice(["NULL", "https://www.google.com/", ""]),
              null=0.3),
          col("request", T, _fw_request, nullable=True),
          *_ts_cols())
    table(md, "notifications", 120,
          col("id", sa.String(36), "uuid_str", pk=True),
          col("type", S, "choice", values=["App\\Notifications\\Portal\\PaymentReceived",
                                           "App\\Notifications\\Sale\\Invoice",
                                           "App\\Notifications\\Purchase\\Bill"]),
          col("notifiable_type", S, lambda c: "App\\Models\\Auth\\User"),
          col("notifiable_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), "int",
              lo=1, hi=N_USER),
          col("data", T, _notification_data),
          col("read_at", TS, _ts, null=0.5),
          col("created_at", TS, _ts), col("updated_at", TS, _ts))
    return md

