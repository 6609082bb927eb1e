"""Firefly III (PHP personal finance manager, Laravel): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables are those the three first
migrations create, ``database/migrations/2016_06_16_00000{0,1,2}_create_*.php`` (the 4.0
schema; later ``changes_for_v*`` migrations not applied), 15 of their 36 tables
(budgets, categories, piggy banks, rules, the pivot tables, ``configuration``, ``jobs``
and the role and permission tables left out), all their columns.
Laravel types: ``string`` is ``VARCHAR(255)``, ``timestamps()`` two nullable
``TIMESTAMP`` columns, ``softDeletes()`` a nullable ``deleted_at``, amounts
``DECIMAL(32,12)``. Foreign keys as the migrations declare them; ``sessions.user_id``
and the polymorphic ``attachable_id`` are not declared.

Tables: users (e-mail, bcrypt hash, remember-me token, a reset code, a block flag),
password resets (e-mail and token), sessions (IP, user agent, base64 serialized payload
with the CSRF token and, in some rows, a flash message naming an account or an e-mail
address), currencies, account types and transaction types (lookups), accounts (the
user's own asset accounts and the expense/revenue accounts of payees and payers: shops,
employers and, in some rows, people; IBANs), account meta (JSON values: account number,
BIC, role, credit card type), attachments (file names and titles that sometimes name a
person, MD5 of the file), bills, preferences (JSON values per user: language, view
range, and in some rows the 2FA secret, the previous e-mail address or the e-mail change
tokens), tags (with a place's coordinates), transaction journals (descriptions such as
"Repayment from <name>"), journal meta (JSON values: dates, notes, SEPA references) and
transactions.
"""

from __future__ import annotations

import base64
import hashlib
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "firefly-iii/firefly-iii",
          "path": "database/migrations/2016_06_16_000000_create_support_tables.php, "
                  "2016_06_16_000001_create_users_table.php, "
                  "2016_06_16_000002_create_main_tables.php",
          "commit": "a95b82b14cb01b6e40491f2a94c53b47b71766e7"}
PERSON_TABLES = ("users",)

S = sa.String(255)
T = sa.Text
TS = sa.DateTime
D = sa.Date
I = sa.Integer  # noqa: E741
B = sa.Boolean
M = sa.Numeric(32, 12)

N_USER = 30
N_ACCOUNT = 150
N_JOURNAL = 500
ACCOUNT_TYPES = ["Default account", "Cash account", "Asset account", "Expense account",
                 "Revenue account", "Initial balance account", "Beneficiary account",
                 "Import account", "Loan", "Reconciliation account"]
CURRENCIES = [("EUR", "Euro", "€"), ("USD", "US Dollar", "$"), ("GBP", "British Pound", "£"),
              ("HUF", "Hungarian forint", "Ft"), ("JPY", "Japanese yen", "¥"),
              ("CHF", "Swiss franc", "CHF"), ("SEK", "Swedish krona", "kr")]
SHOPS = ["Albert Heijn", "Lidl", "Aldi", "Shell", "Netflix", "Spotify", "Amazon", "IKEA",
         "Deutsche Bahn", "Vodafone", "Stadtwerke", "Apotheke am Markt", "Bakery Jansen",
         "Employer Ltd", "Tax office", "Landlord"]


_ts = datetimes(2016, 2025)


def _iban(c):  # type: ignore[no-untyped-def]
    cc = c.rng.choice(["NL", "DE", "BE", "FR", "GB"])
    body = "".join(str(c.rng.randint(0, 9)) for _ in range(16 if cc != "GB" else 14))
    bank = {"NL": "INGB", "DE": "", "BE": "", "FR": "", "GB": "NWBK"}[cc]
    s = f"{cc}{c.rng.randint(10, 99)}{bank}{body}"
    return s if c.rng.random() < 0.6 else " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _account_type(c):  # type: ignore[no-untyped-def]
    t = c.rng.choices([3, 4, 5, 6, 9], [30, 40, 15, 10, 5])[0]
    c.row["_type"] = t
    return t


def _account_name(c):  # type: ignore[no-untyped-def]
    t = c.row["_type"]
    p = c.person
    if t == 3:
        return c.rng.choice(["Checking account", "Savings account", "Credit card",
                             "Cash wallet", "Joint account", f"{p['first']}'s savings"])
    if t == 6:
        return "Initial balance for \"Checking account\""
    if t == 9:
        return c.rng.choice(["Student loan", "Mortgage", f"Loan from {p['first']} {p['last']}"])
    if c.rng.random() < 0.2:
        return f"{p['first']} {p['last']}"
    return c.rng.choice(SHOPS)


def _account_iban(c):  # type: ignore[no-untyped-def]
    t = c.row["_type"]
    if t == 6 or c.rng.random() < 0.45:
        return None
    return _iban(c)


ACCOUNT_META = ["accountRole", "accountNumber", "BIC", "ccType", "ccMonthlyPaymentDate",
                "currency_id", "include_net_worth"]


def _meta_name(c):  # type: ignore[no-untyped-def]
    n = c.rng.choices(ACCOUNT_META, [30, 20, 15, 5, 5, 15, 10])[0]
    c.row["_n"] = n
    return n


def _meta_data(c):  # type: ignore[no-untyped-def]
    n = c.row["_n"]
    v: object
    if n == "accountRole":
        v = c.rng.choice(["defaultAsset", "sharedAsset", "savingAsset", "ccAsset", ""])
    elif n == "accountNumber":
        v = c.rng.choice([str(c.rng.randint(10**8, 10**10)),
                          f"{c.rng.randint(100, 999)}-{c.rng.randint(1000000, 9999999)}", ""])
    elif n == "BIC":
        v = c.rng.choice(["INGBNL2A", "DEUTDEFF", "RABONL2U", "COBADEFFXXX", ""])
    elif n == "ccType":
        v = "monthlyFull"
    elif n == "ccMonthlyPaymentDate":
        v = G["date"](c).isoformat()
    elif n == "currency_id":
        v = str(c.rng.randint(1, len(CURRENCIES)))
    else:
        v = c.rng.choice([True, False])
    return json.dumps(v)


def _session_payload(c):  # type: ignore[no-untyped-def]
    tok = G["token"](_p(c, n=40, style="url"))
    parts = [f's:6:"_token";s:40:"{tok}";',
             's:9:"_previous";a:1:{s:3:"url";s:30:"https://firefly.example/accounts";}']
    if c.rng.random() < 0.7:
        parts.append(f's:50:"login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d";'
                     f"i:{c.rng.randint(1, N_USER)};")
    r = c.rng.random()
    p = c.person
    if r < 0.15:
        msg = f'New account "{p["first"]} {p["last"]}" stored!'
        parts.append(f's:7:"success";s:{len(msg.encode())}:"{msg}";')
    elif r < 0.25:
        msg = f"We have e-mailed your password reset link to {p['email']}"
        parts.append(f's:6:"status";s:{len(msg.encode())}:"{msg}";')
    raw = "a:" + str(len(parts)) + ":{" + "".join(parts) + "}"
    return base64.b64encode(raw.encode()).decode()


PREFS = ["language", "viewRange", "frontPageAccounts", "listPageSize", "customFiscalYear",
         "twoFactorAuthEnabled", "twoFactorAuthSecret", "previous_email_latest",
         "email_change_confirm_token", "email_change_undo_token", "lastActivity"]


def _pref_name(c):  # type: ignore[no-untyped-def]
    n = c.rng.choices(PREFS, [20, 15, 15, 10, 5, 8, 6, 5, 4, 4, 8])[0]
    c.row["_n"] = n
    return n


def _pref_data(c):  # type: ignore[no-untyped-def]
    n = c.row["_n"]
    v: object
    if n == "language":
        v = c.rng.choice(["en_US", "nl_NL", "de_DE", "hu_HU", "ja_JP"])
    elif n == "viewRange":
        v = c.rng.choice(["1M", "3M", "1Y", "custom"])
    elif n == "frontPageAccounts":
        v = sorted({c.rng.randint(1, N_ACCOUNT) for _ in range(c.rng.randint(1, 3))})
    elif n == "listPageSize":
        v = c.rng.choice([50, 100])
    elif n in ("customFiscalYear", "twoFactorAuthEnabled"):
        v = c.rng.choice([True, False])
    elif n == "twoFactorAuthSecret":
        v = "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    elif n == "previous_email_latest":
        v = c.person["email"]
    elif n in ("email_change_confirm_token", "email_change_undo_token"):
        v = G["token"](_p(c, n=32, style="hex"))
    else:
        v = G["token"](_p(c, n=40, style="hex"))
    return json.dumps(v, ensure_ascii=False)


def _attachment_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.15:
        name = c.rng.choice([f"Invoice_{p['last']}_{p['first']}.pdf",
                             f"{p['first']} {p['last']} - rental contract.pdf"])
    else:
        name = c.rng.choice(["receipt.jpg", "scan0001.pdf", "IMG_2041.JPG", "invoice.pdf",
                             "statement-2023-04.pdf", "warranty.png"])
    c.row["_fname"] = name
    return name


JOURNAL_TEXTS = ["Groceries", "Rent", "Salary", "Fuel", "Netflix subscription",
                 "Dinner at Luigi's", "Train ticket", "Transfer to savings",
                 "Repayment from {first2} {last2}", "Birthday present for {first2}",
                 "Paid back {first} {last} for concert tickets", "Electricity bill",
                 "Cash withdrawal", "Pharmacy"]


def _journal_meta_name(c):  # type: ignore[no-untyped-def]
    n = c.rng.choices(["interest_date", "book_date", "notes", "internal_reference",
                       "sepa-ct-id", "original-source", "import_hash"],
                      [15, 10, 30, 15, 10, 10, 10])[0]
    c.row["_n"] = n
    return n


def _journal_meta_data(c):  # type: ignore[no-untyped-def]
    n = c.row["_n"]
    p = c.person
    if n in ("interest_date", "book_date"):
        v = G["date"](c).isoformat()
    elif n == "notes":
        v = c.rng.choice(["", "Split with roommates", f"Owed by {p['first']} {p['last']}",
                          f"Call {G['phone'](c)} about the refund", "Tax deductible"])
    elif n == "internal_reference":
        v = f"INV-{c.rng.randint(1000, 99999)}"
    elif n == "sepa-ct-id":
        v = f"NOTPROVIDED-{c.rng.randint(10**9, 10**10)}"
    elif n == "original-source":
        v = c.rng.choice(["ff3-v4.0.0|api-v0.1", "csv-import-v4"])
    else:
        v = G["token"](_p(c, n=64, style="hex"))
    c.row["_v"] = v
    return json.dumps(v, ensure_ascii=False)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("email", S, "email"),
          col("password", sa.String(60), "password_hash", style="bcrypt12"),
          col("remember_token", sa.String(100), "token", n=60, style="url", null=0.4),
          col("reset", sa.String(32), "token", n=32, style="hex", null=0.9),
          col("blocked", tinyint(), lambda c: int(c.rng.random() < 0.05)),
          col("blocked_code", sa.String(25), lambda c: c.rng.choice(["email_changed",
                                                                     "bounced"]), null=0.93))
    table(md, "password_resets", 15,
          col("email", S, "email"),
          col("token", S, "token", n=64, style="hex"),
          col("created_at", TS, _ts, null=0.1))
    table(md, "sessions", 60,
          col("id", S, "token", n=40, style="url", unique=True),
          col("user_id", I, "int", lo=1, hi=N_USER, null=0.3),
          col("ip_address", sa.String(45), "ip", null=0.05),
          col("user_agent", T, "user_agent", null=0.05),
          col("payload", T, _session_payload),
          col("last_activity", I, "int", lo=1_460_000_000, hi=1_760_000_000))
    table(md, "transaction_currencies", len(CURRENCIES),
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.95),
          col("code", sa.String(3), lambda c: CURRENCIES[c.index][0], unique=True),
          col("name", S, lambda c: CURRENCIES[c.index][1]),
          col("symbol", sa.String(12), lambda c: CURRENCIES[c.index][2]))
    table(md, "account_types", len(ACCOUNT_TYPES),
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("type", sa.String(50), lambda c: ACCOUNT_TYPES[c.index], unique=True))
    table(md, "accounts", N_ACCOUNT,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.9),
          col("user_id", I, fk="users.id"),
          col("account_type_id", I, _account_type, fk="account_types.id"),
          col("name", sa.String(1024), _account_name),
          col("virtual_balance", M, "money", lo=0, hi=500, null=0.8),
          col("iban", S, _account_iban, nullable=True),
          col("active", B, lambda c: c.rng.random() < 0.9),
          col("encrypted", B, lambda c: False))
    table(md, "account_meta", 300,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("account_id", I, fk="accounts.id"),
          col("name", S, _meta_name),
          col("data", T, _meta_data))
    table(md, "attachments", 80,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.9),
          col("user_id", I, fk="users.id"),
          col("attachable_id", I, "int", lo=1, hi=N_JOURNAL),
          col("attachable_type", S, lambda c: c.rng.choice(
              ["FireflyIII\\Models\\TransactionJournal"] * 4 + ["FireflyIII\\Models\\Bill"])),
          col("md5", sa.String(128), lambda c: hashlib.md5(
              str(c.rng.random()).encode()).hexdigest()),
          col("filename", sa.String(1024), _attachment_name),
          col("title", sa.String(1024), lambda c: c.row["_fname"].rsplit(".", 1)[0]
              if c.rng.random() < 0.6 else None, nullable=True),
          col("description", T, lambda c: c.rng.choice(["", "Original receipt",
                                                        "Scanned copy"]), null=0.6),
          col("notes", T, lambda c: c.rng.choice(["", "Keep for tax return",
                                                  "Warranty until 2027"]), null=0.7),
          col("mime", sa.String(1024), lambda c: "application/pdf" if
              c.row["_fname"].endswith(".pdf") else "image/jpeg" if
              c.row["_fname"].lower().endswith(".jpg") else "image/png"),
          col("size", I, "int", lo=20_000, hi=4_000_000),
          col("uploaded", B, lambda c: c.rng.random() < 0.95))
    table(md, "bills", 40,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.9),
          col("user_id", I, fk="users.id"),
          col("name", sa.String(1024), lambda c: c.rng.choice(
              ["Rent", "Netflix", "Spotify", "Car insurance", "Gym", "Internet",
               "Phone contract", "Health insurance", "Electricity"])),
          col("match", sa.String(1024), lambda c: c.rng.choice(
              ["netflix", "spotify,premium", "vodafone", "allianz,insurance", "rent",
               "stadtwerke,energie"])),
          col("amount_min", M, "money", lo=5, hi=300),
          col("amount_max", M, "money", lo=300, hi=1500),
          col("date", D, "date"),
          col("repeat_freq", sa.String(30), "choice", values=["monthly", "quarterly",
                                                              "yearly", "weekly"]),
          col("skip", sa.SmallInteger, "choice", values=[0, 0, 0, 1]),
          col("automatch", B, lambda c: c.rng.random() < 0.8),
          col("active", B, lambda c: c.rng.random() < 0.85),
          col("name_encrypted", B, lambda c: False),
          col("match_encrypted", B, lambda c: False))
    table(md, "preferences", 200,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("user_id", I, fk="users.id"),
          col("name", sa.String(1024), _pref_name),
          col("data", T, _pref_data))
    table(md, "tags", 60,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.9),
          col("user_id", I, fk="users.id"),
          col("tag", sa.String(1024), lambda c: c.rng.choice(
              ["holiday", "business trip", "car", "gifts", "tax-deductible", "wedding",
               "Paris 2019", "renovation", "kids", "medical"])),
          col("tagMode", sa.String(1024), "choice", values=["nothing", "nothing",
                                                            "balancingAct", "advancePayment"]),
          col("date", D, "date", null=0.6),
          col("description", T, lambda c: c.rng.choice(["", "Summer holiday",
                                                        "Costs of the new kitchen"]),
              null=0.5),
          col("latitude", sa.Numeric(12, 8), lambda c: G["lat"](c), null=0.6),
          col("longitude", sa.Numeric(12, 8), lambda c: G["lon"](c), null=0.6),
          col("zoomLevel", sa.SmallInteger, "choice", values=[6, 10, 14, 17], null=0.6))
    table(md, "transaction_types", 5,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=1.0),
          col("type", sa.String(50), lambda c: ["Withdrawal", "Deposit", "Transfer",
                                                "Opening balance", "Reconciliation"][c.index],
              unique=True))
    table(md, "transaction_journals", N_JOURNAL,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.95),
          col("user_id", I, fk="users.id"),
          col("transaction_type_id", I, fk="transaction_types.id"),
          col("bill_id", I, fk="bills.id", null=0.8),
          col("transaction_currency_id", I, fk="transaction_currencies.id"),
          col("description", sa.String(1024), "template", texts=JOURNAL_TEXTS),
          col("date", D, "date"),
          col("interest_date", D, "date", null=0.8),
          col("book_date", D, "date", null=0.8),
          col("process_date", D, "date", null=0.9),
          col("order", I, "choice", values=[0, 0, 0, 1, 2]),
          col("tag_count", I, "choice", values=[0, 0, 0, 1, 2]),
          col("encrypted", B, lambda c: False),
          col("completed", B, lambda c: c.rng.random() < 0.97))
    table(md, "journal_meta", 300,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("transaction_journal_id", I, fk="transaction_journals.id"),
          col("name", S, _journal_meta_name),
          col("data", T, _journal_meta_data),
          col("hash", sa.String(64), lambda c: hashlib.sha256(
              json.dumps(c.row["_v"]).encode()).hexdigest()))
    table(md, "transactions", 1000,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.05),
          col("updated_at", TS, _ts, null=0.05),
          col("deleted_at", TS, _ts, null=0.95),
          col("account_id", I, fk="accounts.id"),
          col("transaction_journal_id", I, fk="transaction_journals.id"),
          col("description", sa.String(1024), "template", texts=JOURNAL_TEXTS, null=0.85),
          col("amount", M, lambda c: G["money"](_p(c, lo=-2000, hi=3000))))
    return md

