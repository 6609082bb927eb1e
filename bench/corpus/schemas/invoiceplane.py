"""InvoicePlane (invoicing for freelancers and small businesses, PHP/CodeIgniter, MySQL): a
held-out schema (issue #10), labelled before any scan and never tuned on. The tables of
the 1.0.0 installer ``application/modules/setup/sql/000_1.0.0.sql``: 17 of its 32
(clients and their notes, users and the clients they may see, invoices with groups,
items, amounts and recurrence, payments and methods, quotes and their items, tax rates,
merchant responses, e-mail templates, settings), all their columns. MyISAM tables: no
foreign key is declared (``client_id``, ``user_id``, ``invoice_id``... are values).
``INT(1)`` flags are integers; ``VARCHAR ... DEFAULT ''`` columns hold empty strings
often, as they do in the application.

Values: clients who are people (60%, names in many scripts, street addresses, phones,
mobiles, faxes, e-mails, personal web sites) or companies, users with bcrypt hashes and
the 22-character salt InvoicePlane 1.0 keeps beside them, client notes naming contacts,
payment notes naming the payer, 32-character invoice and quote URL keys, settings (one
holds the sender's SMTP address).
"""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "InvoicePlane/InvoicePlane",
          "path": "application/modules/setup/sql/000_1.0.0.sql",
          "commit": "1143d559b0276329f0f4aa904eb409095135b102"}
PERSON_TABLES = ("ip_clients", "ip_users")

I = sa.Integer  # noqa: E741
D = sa.Date
DT = sa.DateTime
M = sa.Numeric(10, 2)
N_CLIENTS = 160
N_USERS = 12
N_INVOICES = 400
N_QUOTES = 150
_ts = datetimes(2014, 2025)


def V(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


def _client_name(c):  # type: ignore[no-untyped-def]
    c.row["_person"] = c.rng.random() < 0.6
    if c.row["_person"]:
        p = c.person
        return f"{p['first']} {p['last']}" if c.rng.random() < 0.85 else \
            f"{p['last']}, {p['first']}"
    return G["company"](c)


def _person_client(c) -> bool:  # type: ignore[no-untyped-def]
    return bool(c.row["_person"])


def _client_web(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return ""
    if _person_client(c):
        return G["personal_url"](c)
    return f"https://www.{c.fake('en_US').domain_name()}"


def _client_email(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        return ""
    if _person_client(c):
        return c.person["email"]
    return f"{c.rng.choice(['info', 'billing', 'accounts', 'office'])}@" \
           f"{c.fake('en_US').domain_name()}"


def _client_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = new_person(c)
    if r < 0.35:
        return f"Spoke with {p['first']} {p['last']}, invoices go to {p['email']}"
    if r < 0.5:
        return f"Call {p['first']} on {G['phone'](c)} before sending the quote"
    return c.rng.choice(["Net 30 agreed", "Prefers PDF invoices", "Discount 5% on retainer",
                         "Moved to monthly billing", "Do not send reminders in August"])


def _payment_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return ""
    if r < 0.7:
        p = new_person(c)
        return c.rng.choice([f"Paid by {p['first']} {p['last']}",
                             f"Transfer from {p['last']} {p['first'][0]}.",
                             f"PayPal {p['email']}"])
    return c.rng.choice(["Bank transfer", "Partial payment", "Cash", "Cheque 004512",
                         "Stripe charge"])


SETTINGS = ["default_language", "date_format", "currency_symbol", "currency_symbol_placement",
            "invoices_due_after", "quotes_expire_after", "default_invoice_group",
            "default_quote_group", "thousands_separator", "decimal_point", "email_send_method",
            "smtp_server_address", "smtp_username", "smtp_port", "invoice_logo",
            "default_invoice_terms", "pdf_invoice_template", "public_invoice_template",
            "mark_invoices_sent_pdf", "cron_key", "tax_rate_decimal_places", "first_day_of_week"]


def _setting_key(c):  # type: ignore[no-untyped-def]
    return SETTINGS[c.index]


def _setting_value(c):  # type: ignore[no-untyped-def]
    k = c.row["setting_key"]
    return {"default_language": "english", "date_format": "d/m/Y", "currency_symbol": "€",
            "currency_symbol_placement": "after", "invoices_due_after": "30",
            "quotes_expire_after": "15", "default_invoice_group": "3",
            "default_quote_group": "4", "thousands_separator": ".", "decimal_point": ",",
            "email_send_method": "smtp", "smtp_server_address": "smtp.example.net",
            "smtp_username": c.person["email"], "smtp_port": "587",
            "invoice_logo": "logo_invoice.png",
            "default_invoice_terms": "Payment within 30 days. Thank you for your business.",
            "pdf_invoice_template": "InvoicePlane", "public_invoice_template": "InvoicePlane_Web",
            "mark_invoices_sent_pdf": "1", "cron_key": G["token"](_p(c, n=16, style="url")),
            "tax_rate_decimal_places": "2", "first_day_of_week": "1"}[k]


ITEMS = ["Website maintenance", "Consulting (hours)", "Logo design", "Hosting 12 months",
         "Translation DE-EN", "Photography session", "Copywriting", "Bookkeeping",
         "Domain renewal", "Training workshop"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "ip_clients", N_CLIENTS,
          col("client_id", I, pk=True, auto=True),
          col("client_date_created", DT, _ts),
          col("client_date_modified", DT, _ts),
          col("client_name", V(100), _client_name),
          col("client_address_1", V(100), "street", empty=0.15, nullable=True),
          col("client_address_2", V(100), lambda c: c.rng.choice(
              ["", "", "", "", f"Apt {c.rng.randint(1, 40)}", "2nd floor",
               f"c/o {c.person['first']} {c.person['last']}"]), nullable=True),
          col("client_city", V(45), "city", empty=0.15, nullable=True),
          col("client_state", V(35), "state", empty=0.4, nullable=True),
          col("client_zip", V(15), "postcode", empty=0.15, nullable=True),
          col("client_country", V(35), "choice", values=["US", "DE", "FR", "GB", "NL", "ES",
                                                          "JP", ""], nullable=True),
          col("client_phone", V(20), "phone", empty=0.3, nullable=True),
          col("client_fax", V(20), "phone", empty=0.85, nullable=True),
          col("client_mobile", V(20), "phone", empty=0.5, nullable=True),
          col("client_email", V(100), _client_email, nullable=True),
          col("client_web", V(100), _client_web, nullable=True),
          col("client_active", I, "choice", values=[1, 1, 1, 0]))
    table(md, "ip_client_notes", 120,
          col("client_note_id", I, pk=True, auto=True),
          col("client_id", I, ref="ip_clients.client_id"),
          col("client_note_date", D, "date"),
          col("client_note", longtext(), _client_note))
    table(md, "ip_users", N_USERS,
          col("user_id", I, pk=True, auto=True),
          col("user_type", I, "choice", values=[1, 1, 2]),
          col("user_date_created", DT, _ts),
          col("user_date_modified", DT, _ts),
          col("user_name", V(100), "full_name", nullable=True),
          col("user_company", V(100), "company", empty=0.3, nullable=True),
          col("user_address_1", V(100), "street", empty=0.2, nullable=True),
          col("user_address_2", V(100), "choice", values=["", "", "", "Suite 4"],
              nullable=True),
          col("user_city", V(45), "city", empty=0.2, nullable=True),
          col("user_state", V(35), "state", empty=0.5, nullable=True),
          col("user_zip", V(15), "postcode", empty=0.2, nullable=True),
          col("user_country", V(35), "choice", values=["US", "DE", "FR", "GB", ""],
              nullable=True),
          col("user_phone", V(20), "phone", empty=0.3, nullable=True),
          col("user_fax", V(20), "phone", empty=0.9, nullable=True),
          col("user_mobile", V(20), "phone", empty=0.4, nullable=True),
          col("user_email", V(100), "email"),
          col("user_password", V(60), lambda c: G["password_hash"](_p(c, style="bcrypt"))),
          col("user_web", V(100), "personal_url", nullable=True),
          col("user_psalt", sa.CHAR(22), token_of(22, "url")),
          col("user_all_clients", I, "choice", values=[0, 0, 1]))
    table(md, "ip_user_clients", 40,
          col("user_client_id", I, pk=True, auto=True),
          col("user_id", I, ref="ip_users.user_id"),
          col("client_id", I, ref="ip_clients.client_id"))
    table(md, "ip_invoice_groups", 4,
          col("invoice_group_id", I, pk=True, auto=True),
          col("invoice_group_name", V(50), lambda c: ["Invoice Default", "Quote Default",
                                                      "Invoices 2024", "Credit notes"][c.index]),
          col("invoice_group_prefix", V(10), lambda c: ["INV", "QUO", "24-", "CN"][c.index]),
          col("invoice_group_next_id", I, "int", lo=1, hi=500),
          col("invoice_group_left_pad", I, "choice", values=[0, 4, 5]),
          col("invoice_group_prefix_year", I, "choice", values=[0, 1]),
          col("invoice_group_prefix_month", I, "choice", values=[0, 0, 1]))
    table(md, "ip_tax_rates", 5,
          col("tax_rate_id", I, pk=True, auto=True),
          col("tax_rate_name", V(25), lambda c: ["VAT 19%", "VAT 7%", "Sales tax",
                                                 "TVA 20%", "Exempt"][c.index]),
          col("tax_rate_percent", sa.Numeric(5, 2), lambda c: Decimal(
              ["19.00", "7.00", "8.25", "20.00", "0.00"][c.index])))
    table(md, "ip_invoices", N_INVOICES,
          col("invoice_id", I, pk=True, auto=True),
          col("user_id", I, ref="ip_users.user_id"),
          col("client_id", I, ref="ip_clients.client_id"),
          col("invoice_group_id", I, ref="ip_invoice_groups.invoice_group_id"),
          col("invoice_status_id", sa.SmallInteger, "choice", values=[1, 2, 3, 4, 4, 4]),
          col("invoice_date_created", D, "date"),
          col("invoice_date_modified", DT, _ts),
          col("invoice_date_due", D, "date"),
          col("invoice_number", V(20), lambda c: f"INV{c.index + 1001}"),
          col("invoice_terms", longtext(), "choice", values=[
              "", "Payment within 30 days. Thank you for your business.",
              "Zahlbar innerhalb von 14 Tagen ohne Abzug.", "Due on receipt."]),
          col("invoice_url_key", sa.CHAR(32), token_of(32, "url"), unique=True))
    table(md, "ip_invoice_amounts", N_INVOICES,
          col("invoice_amount_id", I, pk=True, auto=True),
          col("invoice_id", I, lambda c: c.index + 1),
          col("invoice_item_subtotal", M, "money", nullable=True),
          col("invoice_item_tax_total", M, "money", hi=300, nullable=True),
          col("invoice_tax_total", M, "money", lo=0, hi=50, nullable=True),
          col("invoice_total", M, "money", nullable=True),
          col("invoice_paid", M, "money", nullable=True),
          col("invoice_balance", M, "money", lo=0, hi=500, nullable=True))
    table(md, "ip_invoice_items", 900,
          col("item_id", I, pk=True, auto=True),
          col("invoice_id", I, ref="ip_invoices.invoice_id"),
          col("item_tax_rate_id", I, "choice", values=[0, 1, 2, 3]),
          col("item_date_added", D, "date"),
          col("item_name", V(100), lambda c: c.rng.choice(ITEMS)),
          col("item_description", longtext(), "choice", values=[
              "", "", "Monthly retainer", "See attached timesheet", "Incl. two revisions"]),
          col("item_quantity", M, "money", lo=1, hi=40),
          col("item_price", M, "money", lo=20, hi=1500),
          col("item_order", I, "int", lo=0, hi=6))
    table(md, "ip_invoices_recurring", 30,
          col("invoice_recurring_id", I, pk=True, auto=True),
          col("invoice_id", I, ref="ip_invoices.invoice_id"),
          col("recur_start_date", D, "date"),
          col("recur_end_date", D, "date"),
          col("recur_frequency", sa.CHAR(2), "choice", values=["1M", "3M", "1Y", "7D"]),
          col("recur_next_date", D, "date"))
    table(md, "ip_payment_methods", 4,
          col("payment_method_id", I, pk=True, auto=True),
          col("payment_method_name", V(35), lambda c: ["Cash", "Bank transfer", "PayPal",
                                                       "Credit card"][c.index]))
    table(md, "ip_payments", 350,
          col("payment_id", I, pk=True, auto=True),
          col("invoice_id", I, ref="ip_invoices.invoice_id"),
          col("payment_method_id", I, ref="ip_payment_methods.payment_method_id"),
          col("payment_date", D, "date"),
          col("payment_amount", M, "money"),
          col("payment_note", longtext(), _payment_note))
    table(md, "ip_merchant_responses", 60,
          col("merchant_response_id", I, pk=True, auto=True),
          col("invoice_id", I, ref="ip_invoices.invoice_id"),
          col("merchant_response_date", D, "date"),
          col("merchant_response_driver", V(35), "choice", values=["PayPal_Express",
                                                                   "Stripe"]),
          col("merchant_response", V(255), "choice", values=["Success", "Payment declined",
                                                             "Success", "Pending"]),
          col("merchant_response_reference", V(255), lambda c: c.rng.choice(
              [f"ch_{G['token'](_p(c, n=24, style='url'))}",
               G["token"](_p(c, n=17, style="hex")).upper()])))
    table(md, "ip_quotes", N_QUOTES,
          col("quote_id", I, pk=True, auto=True),
          col("invoice_id", I, lambda c: 0 if c.rng.random() < 0.6 else
              c.rng.randint(1, N_INVOICES)),
          col("user_id", I, ref="ip_users.user_id"),
          col("client_id", I, ref="ip_clients.client_id"),
          col("invoice_group_id", I, "const", value=2),
          col("quote_status_id", sa.SmallInteger, "choice", values=[1, 2, 3, 4, 5]),
          col("quote_date_created", D, "date"),
          col("quote_date_modified", DT, _ts),
          col("quote_date_expires", D, "date"),
          col("quote_number", V(20), lambda c: f"QUO{c.index + 201}"),
          col("quote_url_key", sa.CHAR(32), token_of(32, "url")))
    table(md, "ip_quote_items", 320,
          col("item_id", I, pk=True, auto=True),
          col("quote_id", I, ref="ip_quotes.quote_id"),
          col("item_tax_rate_id", I, "choice", values=[0, 1, 2]),
          col("item_date_added", D, "date"),
          col("item_name", V(100), lambda c: c.rng.choice(ITEMS)),
          col("item_description", longtext(), "choice", values=["", "Estimate", "Optional"]),
          col("item_quantity", M, "money", lo=1, hi=40),
          col("item_price", M, "money", lo=20, hi=1500),
          col("item_order", I, "int", lo=0, hi=6))
    table(md, "ip_email_templates", 4,
          col("email_template_id", I, pk=True, auto=True),
          col("email_template_title", V(255), lambda c: ["Invoice", "Reminder", "Quote",
                                                         "Thank you"][c.index]),
          col("email_template_body", longtext(), lambda c: [
              "Dear {{{client_name}}},\n\nplease find attached invoice {{{invoice_number}}}.",
              "Dear {{{client_name}}},\n\ninvoice {{{invoice_number}}} is overdue.",
              "Dear {{{client_name}}},\n\nplease find our quote {{{quote_number}}} attached.",
              "Thank you for your payment, {{{client_name}}}."][c.index]))
    table(md, "ip_settings", len(SETTINGS),
          col("setting_id", I, pk=True, auto=True),
          col("setting_key", V(50), _setting_key),
          col("setting_value", longtext(), _setting_value))
    return md
