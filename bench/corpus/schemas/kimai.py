"""Kimai (time tracking, PHP, Symfony and Doctrine ORM): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as the Doctrine attributes of
``src/Entity/*.php`` map them (Kimai 2; no schema file: the migrations add up to the
same): 16 tables with the ``kimai2_`` prefix, all their mapped columns (traits included:
``BudgetTrait``, ``ColorTrait``, ``CreatedTrait``, ``ModifiedTrait``,
``MetaTableTypeTrait``, ``CommentTableTypeTrait``). Join columns take Doctrine's default
names (``<field>_id``; the timesheet's user column is ``user``). Foreign keys as the
``JoinColumn`` mappings declare them; ``customers.invoice_template_id`` (the invoice
template table is not included) is generated as values. Doctrine's ``array`` type is
PHP-serialised text.

Tables: users (user name, e-mail, display alias, title, avatar URL, account number, bcrypt
password, legacy API password, confirmation token, TOTP secret, supervisor, serialised
roles), user preferences (settings and custom fields: phone, employee number, birthday
in part), API access tokens, teams and their members, customers (companies or, for a
third, private clients: contact names, addresses in lines, phones, e-mails, VAT ids) with
meta fields (IBAN, birthday in part) and comments naming contact persons, customers'
teams, projects, activities, timesheets (descriptions that name clients or colleagues in
part, rates), timesheet meta fields, tags and invoices (file names built from the
customer's name).
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "kimai/kimai", "path": "src/Entity/*.php",
          "commit": "1f421c276badbf9eeff40852de305a1e4c1e829f"}
PERSON_TABLES = ("kimai2_users",)

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
B = sa.Boolean
F = sa.Float
D = sa.Date
DT = sa.DateTime

N_USER = 45
N_CUST = 60
N_PROJ = 90
N_ACT = 40
N_TS = 900

_ts = datetimes(2019, 2025)
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _color(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["#3b82f6", "#ef4444", "#10b981", "#f59e0b", None, None])


def _avatar(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.35:
        md5 = hashlib.md5(p["email"].lower().encode()).hexdigest()
        return f"https://www.gravatar.com/avatar/{md5}?s=128"
    if r < 0.5:
        return f"/avatars/{p['username']}.png"
    return None


def _roles(c):  # type: ignore[no-untyped-def]
    roles = c.rng.choice([[], ["ROLE_TEAMLEAD"], ["ROLE_ADMIN"], [], ["ROLE_SUPER_ADMIN"]])
    if c.index == 0:
        roles = ["ROLE_SUPER_ADMIN"]
    inner = "".join(f'i:{i};s:{len(r)}:"{r}";' for i, r in enumerate(roles))
    return f"a:{len(roles)}:{{{inner}}}"


_PREFS = ("hourly_rate", "internal_rate", "timezone", "language", "theme", "calendar_initial_view",
          "login_initial_view", "phone", "employee_number", "birthday", "first_weekday",
          "daily_stats", "export_decimal", "reporting_default")


def _pref_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(_PREFS)


def _pref_value(c):  # type: ignore[no-untyped-def]
    n = c.row["name"]
    if n in ("hourly_rate", "internal_rate"):
        return str(c.rng.choice([0, 45, 60, 75.5, 90, 120]))
    if n == "timezone":
        return G["timezone"](c)
    if n == "language":
        return c.rng.choice(["en", "de", "fr", "es", "ja", "pt_BR"])
    if n == "theme":
        return c.rng.choice(["default", "dark"])
    if n == "phone":
        return G["phone"](c)
    if n == "employee_number":
        return f"P{c.rng.randint(1000, 9999)}"
    if n == "birthday":
        return str(c.person["born"])
    if n in ("daily_stats", "export_decimal"):
        return c.rng.choice(["0", "1"])
    return c.rng.choice(["week", "month", "timesheet", "dashboard", "1", "7"])


def _is_private(c) -> bool:  # type: ignore[no-untyped-def]
    # a third of the customers are private clients; decided once per row (the name column)
    return c.index % 3 == 1


def _cust_name(c):  # type: ignore[no-untyped-def]
    if _is_private(c):
        return f"{c.person['first']} {c.person['last']}"
    return c.person["f"].company()


def _cust_company(c):  # type: ignore[no-untyped-def]
    return None if _is_private(c) else c.row["name"]


def _cust_contact(c):  # type: ignore[no-untyped-def]
    if _is_private(c):
        return c.row["name"]
    o = new_person(c)
    return c.rng.choice([f"{o['first']} {o['last']}", f"Mr. {o['last']}", None])


def _cust_email(c):  # type: ignore[no-untyped-def]
    if _is_private(c):
        return c.person["email"]
    dom = "".join(ch for ch in c.row["name"].lower() if ch.isalnum())[:12] or "example"
    return c.rng.choice([f"info@{dom}.com", f"office@{dom}.de", None])


def _cust_phone(c):  # type: ignore[no-untyped-def]
    return G["phone"](c) if c.rng.random() < 0.7 else None


def _address(c):  # type: ignore[no-untyped-def]
    f = c.person["f"]
    return f"{f.street_address()}\n{f.postcode()} {f.city()}"


def _cust_comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([None, None, "Pays late", "Framework contract 2024",
                         f"Key account, ask for {o['first']} {o['last']}",
                         "Prefers invoices by post", f"Private client, referred by {o['first']}"])


def _meta_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["iban", "birthday", "contract_end", "payment_terms", "sector",
                         "crm_id"])


def _meta_value(c):  # type: ignore[no-untyped-def]
    n = c.row["name"]
    if n == "iban":
        return f"DE{c.rng.randint(10, 99)}{c.rng.randint(10**17, 10**18 - 1)}"
    if n == "birthday":
        return str(c.person["born"])
    if n == "contract_end":
        return str(G["date"](c))
    if n == "payment_terms":
        return c.rng.choice(["14 days", "30 days net", "immediately"])
    if n == "sector":
        return c.rng.choice(["Retail", "Healthcare", "Private", "Public sector"])
    return f"CRM-{c.rng.randint(10000, 99999)}"


def _comment_msg(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        f"Talked to {o['first']} {o['last']}, call back on {G['phone'](c)}",
        "Budget approved for Q3", "New contact person from March", f"{o['first']} is on leave",
        "Invoice 2024-031 disputed", "Meeting notes uploaded to the share"])


def _project_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Website relaunch", "Support 2024", "Mobile app", "Bookkeeping",
                         "SEO", "Consulting", "Migration", "Maintenance", "Photo shoot",
                         "Tax return"]) + f" {c.rng.randint(1, 9)}"


def _ts_desc(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        None, None, "", "Bugfixing", "Code review", "Meeting", "Deployment", "Documentation",
        f"Call with {o['first']} {o['last']} about the offer", f"Onboarding {o['first']}",
        "Weekly sync #12", "Travel to client", f"Workshop at {o['last']} GmbH"])


def _ts_meta_value(c):  # type: ignore[no-untyped-def]
    n = c.row["name"]
    if c.rng.random() < 0.1:
        return None
    if n == "ticket":
        return f"JIRA-{c.rng.randint(1, 999)}"
    if n == "location":
        return c.rng.choice(["remote", "office", "client site"])
    if n == "kilometers":
        return str(c.rng.randint(1, 300))
    return c.rng.choice(["0", "1"])


def _invoice_file(c):  # type: ignore[no-untyped-def]
    who = c.rng.choice([f"{c.person['first']}-{c.person['last']}",
                        c.person["f"].company().split()[0], c.person["f"].company().split()[0]])
    return f"{c.row['invoice_number']}-{who}.pdf".replace(" ", "_")


def _budgets():  # type: ignore[no-untyped-def]
    return [col("budget", F, lambda c: c.rng.choice([0.0, 0.0, 5000.0, 12000.0])),
            col("time_budget", I, lambda c: c.rng.choice([0, 0, 36000, 360000])),
            col("budget_type", S(10), "choice", values=["month"], null=0.8)]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "kimai2_users", N_USER,
          col("id", I, pk=True, auto=True),
          col("alias", S(60), "display_name", null=0.3),
          col("registration_date", DT, _ts, null=0.05),
          col("title", S(50), "choice", values=["Developer", "Designer", "Project manager",
                                                "Freelancer", "Accountant"], null=0.5),
          col("avatar", S(255), _avatar, nullable=True),
          col("api_token", S(255), "password_hash", style="bcrypt", null=0.7),
          col("auth", S(20), "choice", values=["kimai", "kimai", "ldap", "saml"], null=0.2),
          col("username", S(180), "username", unique=True),
          col("email", S(180), "email", unique=True),
          col("account", S(30), lambda c: f"{c.rng.randint(10000, 99999)}", null=0.7),
          col("enabled", B, lambda c: c.rng.random() < 0.9),
          col("password", S(255), "password_hash", style="bcrypt12"),
          col("last_login", DT, _ts, null=0.2),
          col("confirmation_token", S(180), token_of(43, "url"), null=0.9, unique=True),
          col("password_requested_at", DT, _ts, null=0.9),
          col("roles", longtext(), _roles),
          col("totp_secret", S(255), lambda c: "".join(c.rng.choice(_B32) for _ in range(52)),
              null=0.8),
          col("totp_enabled", B, lambda c: c.rng.random() < 0.15),
          col("system_account", B, lambda c: c.rng.random() < 0.05),
          col("supervisor_id", I, fk="kimai2_users.id", null=0.6),
          col("signature_date", DT, _ts, null=0.8),
          col("color", S(7), _color, nullable=True))
    table(md, "kimai2_user_preferences", 260,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="kimai2_users.id", nullable=False),
          col("name", S(50), _pref_name),
          col("value", S(255), _pref_value, nullable=True),
          sa.UniqueConstraint("user_id", "name"))
    table(md, "kimai2_access_token", 30,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="kimai2_users.id", nullable=False),
          col("token", S(100), lambda c: G["token"](_p(c, n=64, style="hex")), unique=True),
          col("name", S(50), "choice", values=["Mobile app", "Zapier", "CLI", "Calendar sync",
                                               "Home Assistant"]),
          col("last_usage", DT, _ts, null=0.3),
          col("expires_at", DT, _ts, null=0.6))
    table(md, "kimai2_teams", 8,
          col("id", I, pk=True, auto=True),
          col("name", S(100), lambda c: ["Development", "Design", "Sales", "Support", "Backoffice",
                                         "Freelancers", "Agency Berlin", "Agency Tokyo"][c.index],
              unique=True),
          col("color", S(7), _color, nullable=True))
    table(md, "kimai2_users_teams", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="kimai2_users.id", nullable=False),
          col("team_id", I, fk="kimai2_teams.id", nullable=False),
          col("teamlead", B, lambda c: c.rng.random() < 0.15),
          sa.UniqueConstraint("user_id", "team_id"))
    table(md, "kimai2_customers", N_CUST,
          col("id", I, pk=True, auto=True),
          col("name", S(150), _cust_name),
          col("number", S(50), lambda c: f"C-{c.index + 1:04d}", null=0.2),
          col("comment", T, _cust_comment, nullable=True),
          col("visible", B, lambda c: c.rng.random() < 0.9),
          col("billable", B, lambda c: c.rng.random() < 0.9),
          col("company", S(100), _cust_company, nullable=True),
          col("vat_id", S(50), lambda c: None if _is_private(c) else
              f"DE{c.rng.randint(100000000, 999999999)}", nullable=True),
          col("contact", S(100), _cust_contact, nullable=True),
          col("address", T, _address, null=0.3),
          col("country", S(2), "choice", values=["DE", "AT", "CH", "US", "GB", "FR", "JP"]),
          col("language", S(35), "choice", values=["de", "en", "fr", "ja"]),
          col("currency", S(3), "choice", values=["EUR", "EUR", "USD", "CHF", "GBP", "JPY"]),
          col("phone", S(30), _cust_phone, nullable=True),
          col("fax", S(30), "phone", null=0.85),
          col("mobile", S(30), lambda c: G["phone"](c) if _is_private(c) else None,
              nullable=True),
          col("email", S(75), _cust_email, nullable=True),
          col("homepage", S(100), lambda c: None if _is_private(c) else G["url"](c),
              nullable=True),
          col("timezone", S(64), "timezone"),
          col("invoice_template_id", I, "int", lo=1, hi=3, null=0.5),
          col("invoice_text", T, "choice", values=["Thank you for your business.",
                                                   "Payable within 14 days."], null=0.7),
          col("address_line1", S(150), lambda c: c.person["f"].street_address(), null=0.3),
          col("address_line2", S(150), lambda c: f"c/o {c.person['last']}" if _is_private(c)
              else "Building B", null=0.7),
          col("address_line3", S(150), "const", value=None, nullable=True),
          col("postcode", S(20), "postcode", null=0.3),
          col("city", S(50), "city", null=0.3),
          col("invoice_email", S(75), lambda c: c.person["email"] if _is_private(c) else
              "accounting@" + G["url"](c).split("/")[2], null=0.5),
          col("buyer_reference", S(50), lambda c: f"PO-{c.rng.randint(1000, 99999)}", null=0.7),
          *_budgets(),
          col("color", S(7), _color, nullable=True),
          col("created_at", DT, _ts, nullable=True))
    table(md, "kimai2_customers_meta", 90,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="kimai2_customers.id", nullable=False),
          col("name", S(50), _meta_name),
          col("value", T, _meta_value, nullable=True),
          col("visible", B, lambda c: c.rng.random() < 0.5),
          sa.UniqueConstraint("customer_id", "name"))
    table(md, "kimai2_customers_comments", 70,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="kimai2_customers.id", nullable=False),
          col("message", T, _comment_msg),
          col("created_by_id", I, fk="kimai2_users.id", nullable=False),
          col("created_at", DT, _ts),
          col("pinned", B, lambda c: c.rng.random() < 0.1))
    table(md, "kimai2_customers_teams", 30,
          col("customer_id", I, fk="kimai2_customers.id", pk=True),
          col("team_id", I, fk="kimai2_teams.id", pk=True))
    table(md, "kimai2_projects", N_PROJ,
          col("id", I, pk=True, auto=True),
          col("customer_id", I, fk="kimai2_customers.id", nullable=False),
          col("name", S(150), _project_name),
          col("order_number", T, lambda c: f"ORD-{c.rng.randint(1000, 9999)}", null=0.6),
          col("order_date", DT, _ts, null=0.6),
          col("start", DT, _ts, null=0.5),
          col("end", DT, _ts, null=0.7),
          col("timezone", S(64), "timezone", null=0.3),
          col("comment", T, "lorem", null=0.6, words=10),
          col("visible", B, lambda c: c.rng.random() < 0.9),
          col("billable", B, lambda c: c.rng.random() < 0.9),
          col("invoice_text", T, "choice", values=["Fixed price as agreed."], null=0.9),
          col("global_activities", B, lambda c: c.rng.random() < 0.8),
          col("number", S(10), lambda c: f"P{c.index + 1:03d}", null=0.3),
          *_budgets(),
          col("color", S(7), _color, nullable=True),
          col("created_at", DT, _ts, nullable=True))
    table(md, "kimai2_activities", N_ACT,
          col("id", I, pk=True, auto=True),
          col("project_id", I, fk="kimai2_projects.id", null=0.6),
          col("name", S(150), "choice", values=["Development", "Meeting", "Design", "Support",
                                                "Travel", "Research", "Testing", "Admin"]),
          col("comment", T, "lorem", null=0.8, words=8),
          col("visible", B, lambda c: c.rng.random() < 0.9),
          col("billable", B, lambda c: c.rng.random() < 0.8),
          col("invoice_text", T, "const", value=None, nullable=True),
          col("number", S(10), lambda c: f"A{c.index + 1:02d}", null=0.6),
          *_budgets(),
          col("color", S(7), _color, nullable=True),
          col("created_at", DT, _ts, nullable=True))
    table(md, "kimai2_timesheet", N_TS,
          col("id", I, pk=True, auto=True),
          col("date_tz", D, "date", start=2021, end=2025),
          col("start_time", DT, _ts),
          col("end_time", DT, _ts, null=0.03),
          col("timezone", S(64), "timezone"),
          col("duration", I, "int", lo=0, hi=36000, null=0.03),
          col("break", I, "choice", values=[0, 0, 0, 1800], null=0.3),
          col("user", I, fk="kimai2_users.id", nullable=False),
          col("activity_id", I, fk="kimai2_activities.id", nullable=False),
          col("project_id", I, fk="kimai2_projects.id", nullable=False),
          col("description", T, _ts_desc, nullable=True),
          col("rate", F, lambda c: round(c.rng.uniform(0, 900), 2)),
          col("internal_rate", F, lambda c: round(c.rng.uniform(0, 600), 2), null=0.2),
          col("fixed_rate", F, lambda c: 150.0, null=0.95),
          col("hourly_rate", F, "choice", values=[45.0, 60.0, 75.0, 90.0], null=0.3),
          col("exported", B, lambda c: c.rng.random() < 0.4),
          col("billable", B, lambda c: c.rng.random() < 0.8),
          col("category", S(10), "choice", values=["work", "work", "work", "holiday",
                                                   "sickness"]),
          col("modified_at", DT, _ts, nullable=True))
    table(md, "kimai2_timesheet_meta", 120,
          col("id", I, pk=True, auto=True),
          col("timesheet_id", I, fk="kimai2_timesheet.id", nullable=False),
          col("name", S(50), "choice", values=["ticket", "location", "kilometers", "approved"]),
          col("value", T, _ts_meta_value, nullable=True),
          col("visible", B, lambda c: c.rng.random() < 0.5),
          sa.UniqueConstraint("timesheet_id", "name"))
    table(md, "kimai2_tags", 15,
          col("id", I, pk=True, auto=True),
          col("name", S(100), lambda c: ["urgent", "remote", "onsite", "overtime", "bug",
                                         "feature", "billable-later", "weekend", "night",
                                         "training", "travel", "internal", "review",
                                         "hotfix", "q4"][c.index], unique=True),
          col("visible", B, lambda c: True),
          col("color", S(7), _color, nullable=True))
    table(md, "kimai2_timesheet_tags", 300,
          col("timesheet_id", I, fk="kimai2_timesheet.id", pk=True),
          col("tag_id", I, fk="kimai2_tags.id", pk=True))
    table(md, "kimai2_invoices", 70,
          col("id", I, pk=True, auto=True),
          col("invoice_number", S(50), lambda c: f"{c.rng.randint(2021, 2025)}-{c.index + 1:03d}",
              unique=True),
          col("comment", T, "choice", values=["Partial payment received", "Reminder sent"],
              null=0.8),
          col("customer_id", I, fk="kimai2_customers.id", nullable=False),
          col("user_id", I, fk="kimai2_users.id", nullable=False),
          col("created_at", DT, _ts),
          col("timezone", S(64), "timezone"),
          col("total", F, lambda c: round(c.rng.uniform(100, 20000), 2)),
          col("tax", F, lambda c: round(c.rng.uniform(0, 3000), 2)),
          col("currency", S(3), "choice", values=["EUR", "USD", "CHF"]),
          col("due_days", I, "choice", values=[14, 30]),
          col("vat", F, "choice", values=[0.0, 7.0, 19.0, 20.0]),
          col("status", S(20), "choice", values=["new", "pending", "paid", "canceled"]),
          col("invoice_filename", S(150), _invoice_file, unique=True),
          col("payment_date", D, "date", null=0.5))
    return md
