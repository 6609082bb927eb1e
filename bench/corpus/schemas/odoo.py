"""Odoo (ERP, Python ORM on PostgreSQL): a held-out schema (issue #10), labelled before any
scan and never tuned on. The tables the ORM creates for the stored fields of contacts
(partners, people and companies in one table), users, companies, bank accounts,
employees and their HR versions, departments, CRM leads, sale orders, chatter messages,
products, countries and states. Odoo has no schema file: the columns are the stored
fields of the models (``fields.Char`` -> ``varchar``, ``Html``/``Text`` -> ``text``,
translated fields and ``Properties`` -> ``jsonb``, ``Many2one`` -> ``int4`` with a foreign
key, and the ORM's ``create_uid``/``create_date``/``write_uid``/``write_date`` on every
table). Column subsets where noted in the labels; non-stored, related and attachment
(image) fields have no column and are not here.

Foreign keys: declared among the tables of this subset, except where Odoo's own graph is
cyclic (``res_partner`` <-> ``res_users`` <-> ``res_company``, ``hr_employee`` <->
``hr_version``) and for the ORM's ``create_uid``/``write_uid``: those are generated as
values without a constraint. References to models outside the subset are plain integers.
The lookup tables (``res_country``, ``res_country_state``, ``hr_department``,
``product_template``) follow those models' fields without a stored version read for
SOURCE; ``res_users.password`` is the column ``base_data.sql`` creates (the field itself is
not stored).
"""

from __future__ import annotations

import base64

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, jsonb, table

SOURCE = {"repo": "odoo/odoo",
          "path": "odoo/addons/base/models/{res_partner,res_users,res_company,res_bank}.py, "
                  "addons/{hr/models/hr_employee,hr/models/hr_version,crm/models/crm_lead,"
                  "sale/models/sale_order,mail/models/mail_message}.py",
          "commit": "res_partner @ 00021842e4990247462ae36c0f23fc58b3cde3ab; res_users @ "
                    "0024699f660214358664f3a8661e7486da9b8b3d; res_company @ "
                    "0019710deae9d7f8691043e4946dd5b3488a50fd; res_bank @ "
                    "014a81b9c74ee0798ad4af8780af17c29fff2480; hr_employee @ "
                    "00593c5e7774ce0e708ca15e58a5ff2a8b412563; hr_version @ "
                    "00f0d49730c62ec71a86f2556b224ca2eab1d028; crm_lead @ "
                    "0015f11c6480502f817e95c454b82b6beee8dd86; sale_order @ "
                    "0009881bf15a2730faabb15a1bf5e36c0ca84fd7; mail_message @ "
                    "0065f499d0c6b5dcc1595a7382992ebb6bdc9b2c"}
PERSON_TABLES = ("res_partner", "res_users", "hr_employee")

# fields.Char without size: varchar without a length (PostgreSQL); MariaDB needs one
V = sa.String().with_variant(mysql.VARCHAR(255), "mysql", "mariadb")
T = sa.Text
I = sa.Integer  # noqa: E741
B = sa.Boolean
DT = sa.DateTime
D = sa.Date
M = sa.Numeric(16, 2)  # fields.Monetary / Float(digits=...): numeric
F = sa.Float  # fields.Float without digits: double precision

N_USERS = 60
N_PARTNERS = 400
N_COMPANIES = 3
N_EMPLOYEES = 120

COUNTRIES = [("BE", "Belgium", "Belgique"), ("FR", "France", "France"),
             ("DE", "Germany", "Deutschland"), ("US", "United States", "États-Unis"),
             ("IN", "India", "Inde"), ("NL", "Netherlands", "Pays-Bas"),
             ("ES", "Spain", "Espagne"), ("IT", "Italy", "Italie"),
             ("GB", "United Kingdom", "Royaume-Uni"), ("JP", "Japan", "Japon"),
             ("CN", "China", "Chine"), ("BR", "Brazil", "Brésil"), ("PL", "Poland", "Pologne"),
             ("SE", "Sweden", "Suède"), ("FI", "Finland", "Finlande"),
             ("HU", "Hungary", "Hongrie"), ("CZ", "Czechia", "Tchéquie"),
             ("TR", "Türkiye", "Turquie"), ("GR", "Greece", "Grèce"),
             ("RU", "Russian Federation", "Russie"), ("KR", "South Korea", "Corée du Sud"),
             ("LU", "Luxembourg", "Luxembourg"), ("CH", "Switzerland", "Suisse"),
             ("CA", "Canada", "Canada")]
STATES = [(4, "California", "CA"), (4, "New York", "NY"), (4, "Texas", "TX"),
          (4, "Washington", "WA"), (4, "Florida", "FL"), (5, "Maharashtra", "MH"),
          (5, "Karnataka", "KA"), (5, "Gujarat", "GJ"), (3, "Bayern", "BY"),
          (3, "Berlin", "BE"), (3, "Nordrhein-Westfalen", "NW"), (7, "Madrid", "M"),
          (7, "Barcelona", "B"), (8, "Milano", "MI"), (8, "Roma", "RM"), (10, "東京都", "13"),
          (10, "大阪府", "27"), (11, "北京市", "BJ"), (12, "São Paulo", "SP"),
          (12, "Rio de Janeiro", "RJ"), (24, "Ontario", "ON"), (24, "Québec", "QC"),
          (2, "Île-de-France", "IDF"), (1, "Brussels-Capital", "BRU"),
          (1, "Antwerpen", "VAN"), (6, "Noord-Holland", "NH")]
INDUSTRIES = 12
DEPARTMENTS = ["Administration", "Sales", "Research & Development", "Management",
               "Professional Services", "Long Term Projects", "Human Resources",
               "Logistics", "IT", "Customer Support"]
PRODUCTS = ["Office Chair", "Office Chair Black", "Corner Desk Right Sit", "Large Cabinet",
            "Drawer Black", "Conference Chair", "Customizable Desk", "Storage Box",
            "Pedal Bin", "Three-Seat Sofa", "Acoustic Bloc Screens", "Cable Management Box",
            "Desk Combination", "Flipover", "Individual Workplace", "Large Desk",
            "Magnetic Board", "Monitor Stand", "Whiteboard Pen", "Virtual Home Staging",
            "Consulting (hour)", "Training (day)", "Support Contract", "Installation",
            "Furniture Delivery", "Office Design Software", "Deposit", "Gift Card"]


def _uid(ctx):  # type: ignore[no-untyped-def]
    """create_uid / write_uid: OdooBot (1), the administrator (2), or another user."""
    r = ctx.rng.random()
    if r < 0.25:
        return 1
    if r < 0.6:
        return 2
    return ctx.rng.randint(3, N_USERS)


def _magic():  # type: ignore[no-untyped-def]
    return [col("create_uid", I, _uid, nullable=True),
            col("create_date", DT, "datetime", start=2018, nullable=True),
            col("write_uid", I, _uid, nullable=True),
            col("write_date", DT, "datetime", start=2020, nullable=True)]


def _translated(values):  # type: ignore[no-untyped-def]
    return {"en_US": values[0], "fr_FR": values[1]} if len(values) > 1 else \
        {"en_US": values[0]}


def _html(text: str) -> str:
    return f"<p>{text}</p>"


# ------------------------------------------------------------------- partners

def _kind(ctx):  # type: ignore[no-untyped-def]
    """What a res_partner row is: 'company', 'person' (a contact), or an address."""
    if "_kind" not in ctx.row:
        i = ctx.index
        if i < N_COMPANIES:
            ctx.row["_kind"] = "company"  # the companies' own partners
        elif i < 8:
            ctx.row["_kind"] = "bot" if i == N_COMPANIES else "person"
        else:
            r = ctx.rng.random()
            ctx.row["_kind"] = ("company" if r < 0.18 else "address" if r < 0.26
                                else "person")
    return ctx.row["_kind"]


def _partner_name(ctx):  # type: ignore[no-untyped-def]
    k = _kind(ctx)
    if k == "company":
        if ctx.index < N_COMPANIES:
            return ["YourCompany", "My Company (San Francisco)", "My Company (Chicago)"][
                ctx.index]
        return G["company"](ctx)
    if k == "bot":
        return "OdooBot"
    if k == "address":
        return None if ctx.rng.random() < 0.6 else G["full_name"](ctx)
    p = ctx.person
    r = ctx.rng.random()
    if r < 0.08:
        return f"{p['first']} {p['last']}".upper()
    if r < 0.12:
        return f"{p['last']}, {p['first']}"
    return G["full_name"](ctx)


def _partner_type(ctx):  # type: ignore[no-untyped-def]
    if "_type" not in ctx.row:
        ctx.row["_type"] = ctx.rng.choice(["invoice", "delivery", "delivery", "other"]) \
            if _kind(ctx) == "address" else "contact"
    return ctx.row["_type"]


def _partner_parent(ctx):  # type: ignore[no-untyped-def]
    # contacts and addresses of a company: a self reference to an earlier row
    if "_parent" not in ctx.row:
        ctx.row["_parent"] = None
        if _kind(ctx) in ("person", "address") and ctx.index > 8 and ctx.rng.random() < 0.5:
            ctx.row["_parent"] = ctx.rng.randint(N_COMPANIES + 5, ctx.index)
    return ctx.row["_parent"]


def _complete_name(ctx):  # type: ignore[no-untyped-def]
    name = ctx.row["name"] or {"invoice": "Invoice Address", "delivery": "Delivery Address",
                               "other": "Other Address"}.get(_partner_type(ctx), "")
    if _partner_parent(ctx) and _kind(ctx) != "company":
        return f"{G['company'](ctx)}, {name}"
    return name


def _ref(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng.random()
    if r < 0.65:
        return None
    if r < 0.8:
        return f"C{ctx.rng.randint(1, 99999):05d}"
    if r < 0.9:
        return f"CUST-{ctx.rng.randint(100, 9999)}"
    return ""


def _vat(ctx):  # type: ignore[no-untyped-def]
    rng = ctx.rng
    k = _kind(ctx)
    if k == "company" and rng.random() < 0.8:
        return rng.choice([f"BE0{rng.randint(100000000, 999999999)}",
                           f"FR{rng.randint(10, 99)}{rng.randint(100000000, 999999999)}",
                           f"DE{rng.randint(100000000, 999999999)}",
                           f"US{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
                           "/"])
    if k == "person" and rng.random() < 0.25:
        # a private customer's tax number: codice fiscale, NIF, Belgian national number
        p = ctx.person
        letters = "".join(ch for ch in (p["last"] + p["first"]).upper() if ch.isalpha())[:6]
        return rng.choice([f"IT{letters:X<6}{rng.randint(40, 99)}A{rng.randint(10, 70)}"
                           f"H{rng.randint(100, 999)}Z",
                           f"ES{rng.randint(10000000, 99999999)}"
                           f"{rng.choice('TRWAGMYFPDXBNJZSQVHLCKE')}",
                           f"{rng.randint(40, 99)}.{rng.randint(1, 12):02d}."
                           f"{rng.randint(1, 28):02d}-{rng.randint(100, 999)}."
                           f"{rng.randint(10, 97)}"])
    return None


def _additional_ids(ctx):  # type: ignore[no-untyped-def]
    rng = ctx.rng
    if _kind(ctx) == "company" and rng.random() < 0.3:
        return {"BE_EN": f"0{rng.randint(100000000, 999999999)}"} if rng.random() < 0.5 \
            else {"FR_SIRET": str(rng.randint(10 ** 13, 10 ** 14 - 1))}
    return None


def _website(ctx):  # type: ignore[no-untyped-def]
    if _kind(ctx) == "company":
        return f"https://www.{G['company'](ctx).split()[0].lower().strip(',')}.example"
    return None if ctx.rng.random() < 0.9 else "http://"


PARTNER_NOTES = ["Prefers to be contacted by e-mail.", "Key account, see framework agreement.",
                 "Met {first} {last} at the trade fair in {city}.",
                 "Assistant: {first2} {last2}, {phone}", "Do not call before 10am.",
                 "Invoices to accounting, not to {first}.", "VIP"]


def _partner_comment(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.7:
        return None if ctx.rng.random() < 0.8 else "<p><br></p>"
    return _html(G["template"](_with(ctx, texts=PARTNER_NOTES)))


def _with(ctx, **params):  # type: ignore[no-untyped-def]
    ctx.params = params
    return ctx


def _partner_email(ctx):  # type: ignore[no-untyped-def]
    k = _kind(ctx)
    if k == "bot":
        return "odoobot@example.com"
    if k == "company":
        dom = (ctx.row.get("name") or "company").split()[0].lower().strip(",.")
        return ctx.rng.choice([f"info@{dom}.example", f"sales@{dom}.example", None])
    if ctx.rng.random() < 0.12:
        return None
    return ctx.person["email"]


def _partner_phone(ctx):  # type: ignore[no-untyped-def]
    if _kind(ctx) == "bot" or ctx.rng.random() < 0.25:
        return None
    return G["phone"](ctx)


def _lat(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.7:
        return None
    return round(ctx.rng.uniform(35.0, 60.0), 7)


def _lon(ctx):  # type: ignore[no-untyped-def]
    if ctx.row.get("partner_latitude") is None:
        return None
    return round(ctx.rng.uniform(-10.0, 25.0), 7)


def _barcode(ctx):  # type: ignore[no-untyped-def]
    # company-dependent: a JSON object company id -> value
    if ctx.rng.random() < 0.85:
        return None
    return {"1": f"042{ctx.rng.randint(100000000, 999999999)}"}


# ------------------------------------------------------------------- users, HR

def _password(ctx):  # type: ignore[no-untyped-def]
    # passlib pbkdf2_sha512 in Odoo's modular crypt format; NULL for portal users never set
    if ctx.rng.random() < 0.08:
        return None
    salt = base64.b64encode(bytes(ctx.rng.getrandbits(8) for _ in range(16))).decode()
    check = base64.b64encode(bytes(ctx.rng.getrandbits(8) for _ in range(64))).decode()
    return (f"$pbkdf2-sha512$600000${salt.rstrip('=').replace('+', '.')}"
            f"${check.rstrip('=').replace('+', '.')}")


def _login(ctx):  # type: ignore[no-untyped-def]
    i = ctx.index
    if i == 0:
        return "__system__"
    if i == 1:
        return "admin"
    if i == 2:
        return "public"
    if i == 3:
        return "portaltemplate"
    return ctx.person["email"] if ctx.rng.random() < 0.7 else ctx.person["username"]


def _signature(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    r = ctx.rng.random()
    if r < 0.2:
        return None
    if r < 0.7:
        return f"<p>{p['first']} {p['last']}</p>"
    return (f"<p>--<br>{p['first']} {p['last']}<br>{G['phone'](ctx)}</p>"
            if r < 0.9 else "<p><br></p>")


def _employee_email(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    first = "".join(ch for ch in p["first"].lower() if ch.isascii() and ch.isalpha()) or "x"
    return f"{first[:1]}{p['username'][:8]}@yourcompany.example"


def _private_email(ctx):  # type: ignore[no-untyped-def]
    return None if ctx.rng.random() < 0.4 else ctx.person["email"]


def _badge(ctx):  # type: ignore[no-untyped-def]
    return f"0410{ctx.rng.randint(10 ** 8, 10 ** 9 - 1)}"


def _pin(ctx):  # type: ignore[no-untyped-def]
    return None if ctx.rng.random() < 0.5 else f"{ctx.rng.randint(0, 9999):04d}"


def _plate(ctx):  # type: ignore[no-untyped-def]
    rng = ctx.rng
    if rng.random() < 0.7:
        return None
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([f"1-{''.join(rng.choice(letters) for _ in range(3))}-"
                       f"{rng.randint(100, 999)}",
                       f"B-{''.join(rng.choice(letters) for _ in range(2))} {rng.randint(1, 9999)}",
                       f"{''.join(rng.choice(letters) for _ in range(2))}-"
                       f"{rng.randint(100, 999)}-{''.join(rng.choice(letters) for _ in range(2))}",
                       f"{rng.randint(1, 9)}{''.join(rng.choice(letters) for _ in range(3))}"
                       f"{rng.randint(100, 999)} 7ABC{rng.randint(100, 999)}"])


def _emergency_contact(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.5:
        return None
    other = ctx.any_fake()
    return f"{other.first_name()} {ctx.person['last']}"


def _if(share, inner):  # type: ignore[no-untyped-def]
    def gen(ctx):  # type: ignore[no-untyped-def]
        return None if ctx.rng.random() > share else G[inner](ctx)
    return gen


def _iban(ctx):  # type: ignore[no-untyped-def]
    rng = ctx.rng
    cc, n = rng.choice([("BE", 12), ("FR", 23), ("DE", 18), ("NL", 14), ("ES", 20),
                        ("IT", 23), ("LU", 16)])
    body = "".join(str(rng.randint(0, 9)) for _ in range(n))
    if cc == "NL":
        body = "INGB" + body[4:]
    iban = f"{cc}{rng.randint(10, 99)}{body}"
    r = rng.random()
    if r < 0.5:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    if r < 0.9:
        return iban
    return f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(10, 99)}"


def _sanitized(ctx):  # type: ignore[no-untyped-def]
    import re
    return re.sub(r"\W+", "", ctx.row["acc_number"]).upper()


def _holder(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng.random()
    if r < 0.5:
        return None
    if r < 0.85:
        return G["full_name"](ctx)
    return G["company"](ctx)


# ------------------------------------------------------------------- CRM, sales, chatter

LEAD_NAMES = ["Office Design Project", "Quote for 12 Tables", "Need 20 Desks",
              "Interest in your products", "Website inquiry", "Distributor Contract",
              "Furnitures for new office", "Modern Open Space", "Global Solutions: Furnitures",
              "Info about services", "Pricing Information", "Renewal 2025"]


def _lead_name(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.35:
        return f"{G['full_name'](ctx)}'s opportunity"
    return ctx.rng.choice(LEAD_NAMES)


LEAD_NOTES = ["Customer wants a demo next week.", "Budget approved, waiting for PO.",
              "Called {first} {last} on {phone}, interested in the premium plan.",
              "Contact: {first2} {last2} ({email})", "Lost to competitor on price.",
              "Follow up after the holidays.", "Spoke with {first}; needs delivery to {street}."]


def _lead_description(ctx):  # type: ignore[no-untyped-def]
    if ctx.rng.random() < 0.4:
        return None
    return _html(G["template"](_with(ctx, texts=LEAD_NOTES)))


def _is_company_lead(ctx):  # type: ignore[no-untyped-def]
    if "_co" not in ctx.row:
        ctx.row["_co"] = ctx.rng.random() < 0.4
    return ctx.row["_co"]


def _contact_name(ctx):  # type: ignore[no-untyped-def]
    return None if ctx.rng.random() < 0.1 else G["full_name"](ctx)


def _partner_name_lead(ctx):  # type: ignore[no-untyped-def]
    return G["company"](ctx) if _is_company_lead(ctx) else None


def _email_from(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng.random()
    p = ctx.person
    if r < 0.1:
        return None
    if r < 0.2:
        return f"\"{p['first']} {p['last']}\" <{p['email']}>"
    return p["email"]


def _email_normalized(ctx):  # type: ignore[no-untyped-def]
    v = ctx.row.get("email_from")
    if not v:
        return None
    return v.split("<")[-1].rstrip(">").lower()


def _phone_sanitized(ctx):  # type: ignore[no-untyped-def]
    v = ctx.row.get("phone") or ""
    digits = "".join(ch for ch in v if ch.isdigit())
    if not digits:
        return None
    return "+" + digits if v.strip().startswith("+") else "+32" + digits.lstrip("0")


def _signed_by(ctx):  # type: ignore[no-untyped-def]
    if ctx.row.get("state") not in ("sale",) or ctx.rng.random() > 0.6:
        return None
    return G["full_name"](ctx)


def _access_token(ctx):  # type: ignore[no-untyped-def]
    return None if ctx.rng.random() < 0.35 else G["uuid_str"](ctx)


TERMS = "<p>Terms &amp; Conditions: https://www.yourcompany.example/terms</p>"

MESSAGE_BODIES = ["<p>Quotation sent</p>", "<p>Sales Order confirmed</p>",
                  "<p>Hello {first},</p><p>please find attached your quotation.</p>",
                  "<p>Hi, this is {first} {last}. Can you call me back on {phone}?</p>",
                  "<p>Thanks, received.</p>", "<p>Stage changed</p>",
                  "<p>@{username} can you check the delivery address?</p>",
                  "<p>Customer moved to {street}, {city}.</p>",
                  "<p>Forwarding to {first2} {last2} ({email}).</p>", "",
                  "<p>Payment received, thank you!</p>"]


def _message_type(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choices(["comment", "notification", "email", "email_outgoing",
                            "auto_comment", "user_notification"], [40, 30, 15, 8, 5, 2])[0]


def _message_email_from(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    if ctx.row["message_type"] == "notification":
        return "\"OdooBot\" <odoobot@example.com>"
    return ctx.rng.choice([f"\"{p['first']} {p['last']}\" <{p['email']}>", p["email"],
                           f"\"{G['company'](ctx)}\" <info@company.example>"])


def _incoming_to(ctx):  # type: ignore[no-untyped-def]
    if ctx.row["message_type"] != "email":
        return None
    return ", ".join([ctx.person["email"]] + (["sales@yourcompany.example"]
                                              if ctx.rng.random() < 0.5 else []))


def _incoming_cc(ctx):  # type: ignore[no-untyped-def]
    if ctx.row["message_type"] != "email" or ctx.rng.random() < 0.6:
        return None
    return new_email(ctx)


def new_email(ctx):  # type: ignore[no-untyped-def]
    from ..gen import new_person
    return new_person(ctx)["email"]


def _outgoing_to(ctx):  # type: ignore[no-untyped-def]
    if ctx.row["message_type"] != "email_outgoing":
        return None
    return ctx.person["email"]


def _message_id(ctx):  # type: ignore[no-untyped-def]
    return (f"<{ctx.rng.randint(10 ** 14, 10 ** 15)}.{ctx.rng.randint(10 ** 9, 10 ** 10)}."
            f"{ctx.rng.randint(100000, 999999)}-openerp-{ctx.row['res_id']}-"
            f"{ctx.row['model']}@odoo-prod>")


def _reply_to(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng.random()
    if r < 0.3:
        return None
    if r < 0.8:
        return "\"YourCompany\" <catchall@yourcompany.example>"
    return ctx.person["email"]


def _model(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choice(["res.partner", "crm.lead", "crm.lead", "sale.order",
                           "sale.order", "hr.employee", "discuss.channel"])


def _subject(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choice([None, None, None, "Quotation S00042", "Re: Your order",
                           "Invoice INV/2024/00012", "Meeting follow-up", "Welcome!",
                           "Re: Delivery schedule", ""])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "res_country", len(COUNTRIES),
          col("id", I, pk=True, auto=True),
          col("name", jsonb(), lambda c: _translated(COUNTRIES[c.index][1:])),
          col("code", sa.String(2), lambda c: COUNTRIES[c.index][0], unique=True,
              nullable=True),
          col("address_format", T, "choice", values=[
              None, "%(street)s\n%(street2)s\n%(zip)s %(city)s\n%(country_name)s",
              "%(street)s\n%(street2)s\n%(city)s %(state_code)s %(zip)s\n%(country_name)s"],
              nullable=True),
          col("address_view_id", I, "const", value=None, nullable=True),
          col("currency_id", I, "int", lo=1, hi=30, nullable=True),
          col("phone_code", I, "int", lo=1, hi=420, nullable=True),
          col("name_position", V, "choice", values=["before", "after"], nullable=True),
          col("vat_label", jsonb(), "choice", values=[None, {"en_US": "VAT"},
                                                     {"en_US": "GSTIN"}, {"en_US": "EIN"}],
              nullable=True),
          col("state_required", B, "bool", nullable=True),
          col("zip_required", B, "bool", nullable=True),
          *_magic())
    table(md, "res_country_state", len(STATES),
          col("id", I, pk=True, auto=True),
          col("country_id", I, lambda c: STATES[c.index][0], fk="res_country.id"),
          col("name", V, lambda c: STATES[c.index][1]),
          col("code", V, lambda c: STATES[c.index][2]),
          *_magic())
    table(md, "res_partner", N_PARTNERS,
          col("id", I, pk=True, auto=True),
          col("name", V, _partner_name, nullable=True),
          col("complete_name", V, _complete_name, nullable=True),
          col("parent_id", I, _partner_parent, fk="res_partner.id", nullable=True),
          col("ref", V, _ref, nullable=True),
          col("lang", V, "choice", values=["en_US", "en_US", "fr_FR", "de_DE", "nl_BE",
                                           "es_ES", "ja_JP", None], nullable=True),
          col("tz", V, "choice", values=["Europe/Brussels", "Europe/Paris", "America/New_York",
                                         "Asia/Kolkata", None, None], nullable=True),
          col("user_id", I, lambda c: c.rng.randint(2, N_USERS) if c.rng.random() < 0.4
              else None, nullable=True),
          col("vat", V, _vat, nullable=True),
          col("additional_identifiers", jsonb(), _additional_ids, nullable=True),
          col("website", V, _website, nullable=True),
          col("comment", T, _partner_comment, nullable=True),
          col("active", B, lambda c: c.rng.random() < 0.95, nullable=True),
          col("employee", B, lambda c: c.rng.random() < 0.1, nullable=True),
          col("function", V, lambda c: None if _kind(c) != "person" or c.rng.random() < 0.5
              else c.fake().job(), nullable=True),
          col("type", V, _partner_type, nullable=True),
          col("street", V, lambda c: None if _kind(c) == "bot" or c.rng.random() < 0.15
              else G["street"](c), nullable=True),
          col("street2", V, lambda c: None if c.rng.random() < 0.8 else c.rng.choice(
              ["Apt 4B", "Bte 12", "2e étage", "c/o Reception", "Suite 300", "3F"]),
              nullable=True),
          col("zip", V, lambda c: None if c.rng.random() < 0.2 else G["postcode"](c),
              nullable=True),
          col("city", V, lambda c: None if c.rng.random() < 0.15 else G["city"](c),
              nullable=True),
          col("state_id", I, fk="res_country_state.id", null=0.6),
          col("country_id", I, fk="res_country.id", null=0.15),
          col("partner_latitude", sa.Numeric(10, 7), _lat, nullable=True),
          col("partner_longitude", sa.Numeric(10, 7), _lon, nullable=True),
          col("email", V, _partner_email, nullable=True),
          col("phone", V, _partner_phone, nullable=True),
          col("is_company", B, lambda c: _kind(c) == "company", nullable=True),
          col("industry_id", I, lambda c: c.rng.randint(1, INDUSTRIES)
              if _kind(c) == "company" and c.rng.random() < 0.6 else None, nullable=True),
          col("company_id", I, lambda c: c.rng.choice([None, None, None, 1, 2]),
              nullable=True),
          col("color", I, "int", lo=0, hi=11, nullable=True),
          col("partner_share", B, lambda c: c.index >= N_COMPANIES + 5, nullable=True),
          col("commercial_partner_id", I, lambda c: c.row["parent_id"] or c.index + 1,
              nullable=True),
          col("commercial_company_name", V, lambda c: G["company"](c)
              if c.row["parent_id"] or _kind(c) == "company" else None, nullable=True),
          col("barcode", jsonb(), _barcode, nullable=True),
          *_magic())
    table(md, "res_company", N_COMPANIES,
          col("id", I, pk=True, auto=True),
          col("name", V, lambda c: ["YourCompany", "My Company (San Francisco)",
                                    "My Company (Chicago)"][c.index], unique=True),
          col("active", B, "const", value=True, nullable=True),
          col("sequence", I, "const", value=10, nullable=True),
          col("parent_id", I, lambda c: None if c.index == 0 else 1, fk="res_company.id",
              nullable=True),
          col("parent_path", V, lambda c: "1/" if c.index == 0 else f"1/{c.index + 1}/",
              nullable=True),
          col("partner_id", I, lambda c: c.index + 1, fk="res_partner.id"),
          col("report_header", jsonb(), "choice", values=[None, {"en_US": "<p>Your tagline"
                                                                "</p>"}], nullable=True),
          col("report_footer", jsonb(), lambda c: {"en_US": "<p>+1 555-555-5556 "
                                                   "info@yourcompany.example "
                                                   "http://www.example.com</p>"},
              nullable=True),
          col("company_details", jsonb(), lambda c: {"en_US": "<p>YourCompany<br>250 Executive"
                                                     " Park Blvd, Suite 3400<br>San Francisco"
                                                     " CA 94134<br>United States</p>"},
              nullable=True),
          col("logo_web", sa.LargeBinary, "image", nullable=True),
          col("uses_default_logo", B, "bool", nullable=True),
          col("currency_id", I, "choice", values=[1, 2, 2]),
          col("email", V, lambda c: ["info@yourcompany.example", "sf@yourcompany.example",
                                     "chicago@yourcompany.example"][c.index], nullable=True),
          col("phone", V, lambda c: ["+1 555-555-5556", "+1 (650) 555-0111",
                                     "+1 312-349-3030"][c.index], nullable=True),
          col("paperformat_id", I, "const", value=1, nullable=True),
          col("external_report_layout_id", I, "choice", values=[None, 812, 813],
              nullable=True),
          col("font", V, "choice", values=["Lato", "Roboto", "Open_Sans"], nullable=True),
          col("primary_color", V, "choice", values=["#875A7B", "#000000", None],
              nullable=True),
          col("secondary_color", V, "choice", values=["#017e84", None], nullable=True),
          col("layout_background", V, "const", value="Blank"),
          *_magic())
    table(md, "res_users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("login", V, _login, unique=True),
          col("password", V, _password, nullable=True),
          col("partner_id", I, fk="res_partner.id", unique=True),
          col("signature", T, _signature, nullable=True),
          col("active", B, lambda c: c.index not in (0, 2, 3) and c.rng.random() < 0.92,
              nullable=True),
          col("action_id", I, "choice", values=[None, None, None, 118, 245], nullable=True),
          col("share", B, lambda c: c.index > 30, nullable=True),
          col("company_id", I, "choice", values=[1, 1, 1, 2, 3], fk="res_company.id"),
          *_magic())
    table(md, "res_partner_bank", 90,
          col("id", I, pk=True, auto=True),
          col("acc_number", V, _iban),
          col("sanitized_acc_number", V, _sanitized, nullable=True),
          col("acc_holder_name", V, _holder, nullable=True),
          col("partner_id", I, fk="res_partner.id"),
          col("bank_id", I, lambda c: c.rng.choice([None, 1, 2, 3, 4, 5]), nullable=True),
          col("sequence", I, "int", lo=0, hi=20, nullable=True),
          col("currency_id", I, lambda c: c.rng.choice([None, None, 1, 2]), nullable=True),
          col("company_id", I, lambda c: c.rng.choice([1, 1, 2, 3]), fk="res_company.id",
              nullable=True),
          *_magic(),
          sa.UniqueConstraint("sanitized_acc_number", "company_id"))
    table(md, "hr_employee", N_EMPLOYEES,
          col("id", I, pk=True, auto=True),
          col("name", V, lambda c: G["full_name"](c), nullable=True),
          col("resource_id", I, lambda c: c.index + 1, unique=True),
          col("user_id", I, lambda c: c.index + 2 if c.index < N_USERS - 2 and c.rng.random() < 0.75
              else None, fk="res_users.id", nullable=True),
          col("active", B, lambda c: c.rng.random() < 0.93, nullable=True),
          col("company_id", I, "choice", values=[1, 1, 1, 2, 3], fk="res_company.id"),
          col("work_phone", V, _if(0.7, "phone"), nullable=True),
          col("mobile_phone", V, _if(0.6, "phone"), nullable=True),
          col("work_email", V, _employee_email, nullable=True),
          col("work_contact_id", I, fk="res_partner.id", null=0.2),
          col("legal_name", V, lambda c: f"{c.person['first']} {c.person['middle']} "
              f"{c.person['last']}".replace("  ", " ") if c.rng.random() < 0.8 else None,
              nullable=True),
          col("private_phone", V, _if(0.6, "phone"), nullable=True),
          col("private_email", V, _private_email, nullable=True),
          col("lang", V, "choice", values=["en_US", "fr_BE", "nl_BE", "de_DE", None],
              nullable=True),
          col("place_of_birth", V, lambda c: None if c.rng.random() < 0.4 else G["city"](c),
              nullable=True),
          col("country_of_birth", I, fk="res_country.id", null=0.5),
          col("birthday", D, lambda c: None if c.rng.random() < 0.25 else G["dob"](c),
              nullable=True),
          col("birthday_public_display", B, lambda c: c.rng.random() < 0.2, nullable=True),
          col("bank_account_id", I, fk="res_partner_bank.id", null=0.4),
          col("permit_no", V, lambda c: None if c.rng.random() < 0.85 else
              f"WP-{c.rng.randint(100000, 999999)}", nullable=True),
          col("visa_no", V, lambda c: None if c.rng.random() < 0.88 else
              f"{c.rng.choice('CDEV')}{c.rng.randint(10000000, 99999999)}", nullable=True),
          col("visa_expire", D, "date", start=2024, end=2028, null=0.88),
          col("work_permit_expiration_date", D, "date", start=2024, end=2029, null=0.85),
          col("work_permit_scheduled_activity", B, lambda c: False, nullable=True),
          col("certificate", V, "choice", values=["graduate", "bachelor", "master", "doctor",
                                                  "other", None], nullable=True),
          col("study_field", V, "choice", values=[None, None, "Computer Science", "Economics",
                                                  "Mechanical Engineering", "Law",
                                                  "Marketing"], nullable=True),
          col("study_school", V, "choice", values=[None, None, "KU Leuven",
                                                   "Université libre de Bruxelles",
                                                   "TU München", "Politecnico di Milano",
                                                   "東京大学", "Stanford University"],
              nullable=True),
          col("emergency_contact", V, _emergency_contact, nullable=True),
          col("emergency_phone", V, _if(0.5, "phone"), nullable=True),
          col("parent_id", I, fk="hr_employee.id", null=0.15),
          col("coach_id", I, fk="hr_employee.id", null=0.5),
          col("color", I, "int", lo=0, hi=11, nullable=True),
          col("barcode", V, _badge, null=0.3, unique=True),
          col("pin", V, _pin, nullable=True),
          col("message_main_attachment_id", I, lambda c: None if c.rng.random() < 0.7 else
              c.rng.randint(500, 9000), nullable=True),
          col("private_car_plate", V, _plate, nullable=True),
          col("employee_properties", jsonb(), lambda c: None if c.rng.random() < 0.5 else
              {"shirt_size": c.rng.choice(["S", "M", "L", "XL"]),
               "parking_spot": f"P{c.rng.randint(1, 80)}"}, nullable=True),
          col("current_version_id", I, lambda c: c.index + 1, nullable=True),
          *_magic(),
          # unique (user_id, company_id); an index, so that NULL users may repeat
          sa.Index("hr_employee_user_uniq", "user_id", "company_id", unique=True))
    table(md, "hr_department", len(DEPARTMENTS),
          col("id", I, pk=True, auto=True),
          col("name", jsonb(), lambda c: {"en_US": DEPARTMENTS[c.index]}),
          col("complete_name", V, lambda c: DEPARTMENTS[c.index] if c.index < 4 else
              f"{DEPARTMENTS[0]} / {DEPARTMENTS[c.index]}", nullable=True),
          col("active", B, "const", value=True, nullable=True),
          col("company_id", I, "choice", values=[1, 1, 2], fk="res_company.id",
              nullable=True),
          col("parent_id", I, lambda c: None if c.index < 4 else 1, fk="hr_department.id",
              nullable=True),
          col("manager_id", I, fk="hr_employee.id", null=0.2),
          col("note", T, "const", value=None, nullable=True),
          col("color", I, "int", lo=0, hi=11, nullable=True),
          col("parent_path", V, lambda c: f"{c.index + 1}/" if c.index < 4 else
              f"1/{c.index + 1}/", nullable=True),
          col("master_department_id", I, lambda c: 1 if c.index >= 4 else c.index + 1,
              nullable=True),
          *_magic())
    table(md, "hr_version", 170,
          col("id", I, pk=True, auto=True),
          col("company_id", I, "choice", values=[1, 1, 2, 3], fk="res_company.id",
              nullable=True),
          col("employee_id", I, lambda c: c.index + 1 if c.index < N_EMPLOYEES else
              c.rng.randint(1, N_EMPLOYEES), fk="hr_employee.id", nullable=True),
          col("name", V, "choice", values=[None, None, None, "", "Promotion", "Part-time"],
              nullable=True),
          col("active", B, lambda c: c.rng.random() < 0.95, nullable=True),
          col("date_version", D, "date", start=2016),
          col("last_modified_uid", I, _uid),
          col("last_modified_date", DT, "datetime", start=2020),
          col("country_id", I, fk="res_country.id", null=0.3),
          col("identification_id", V, lambda c: None if c.rng.random() < 0.4 else
              f"{c.rng.randint(10, 99)}{c.rng.randint(1, 12):02d}{c.rng.randint(1, 28):02d}"
              f"-{c.rng.randint(100, 999)}-{c.rng.randint(10, 99)}", nullable=True),
          col("ssnid", V, lambda c: None if c.rng.random() < 0.5 else G["ssn"](c),
              nullable=True),
          col("passport_id", V, lambda c: None if c.rng.random() < 0.7 else
              c.rng.choice([G["passport"](c), f"EM{c.rng.randint(100000, 999999)}",
                            f"{c.rng.randint(10, 99)}AB{c.rng.randint(10000, 99999)}"]),
              nullable=True),
          col("sex", V, lambda c: c.rng.choice([None, "male" if c.person["male"] else "female",
                                                "male" if c.person["male"] else "female",
                                                "other"]), nullable=True),
          col("private_street", V, _if(0.7, "street"), nullable=True),
          col("private_street2", V, lambda c: None if c.rng.random() < 0.85 else
              c.rng.choice(["Apt 2", "Bus 3", "1F"]), nullable=True),
          col("private_city", V, _if(0.7, "city"), nullable=True),
          col("private_state_id", I, fk="res_country_state.id", null=0.7),
          col("private_zip", V, _if(0.7, "postcode"), nullable=True),
          col("private_country_id", I, fk="res_country.id", null=0.3),
          col("distance_home_work", I, "int", lo=0, hi=80, nullable=True),
          col("km_home_work", I, "int", lo=0, hi=80, nullable=True),
          col("distance_home_work_unit", V, "choice", values=["kilometers", "miles"]),
          col("marital", V, "choice", values=["single", "married", "cohabitant", "widower",
                                              "divorced"]),
          col("spouse_complete_name", V, lambda c: G["full_name"](c)
              if c.row["marital"] in ("married", "cohabitant") and c.rng.random() < 0.7
              else None, nullable=True),
          col("spouse_birthdate", D, lambda c: G["dob"](c) if c.row["spouse_complete_name"]
              and c.rng.random() < 0.6 else None, nullable=True),
          col("children", I, "choice", values=[0, 0, 0, 1, 2, 3, None], nullable=True),
          col("employee_type", V, "choice", values=["employee", "employee", "worker",
                                                    "student", "trainee", "contractor",
                                                    "freelance"]),
          col("department_id", I, fk="hr_department.id", null=0.1),
          col("job_id", I, lambda c: c.rng.choice([None, 1, 2, 3, 4, 5, 6, 7]), nullable=True),
          col("job_title", V, lambda c: c.fake().job() if c.rng.random() < 0.8 else None,
              nullable=True),
          col("address_id", I, lambda c: c.rng.choice([1, 1, 2, 3]), fk="res_partner.id",
              nullable=True),
          col("work_location_id", I, lambda c: c.rng.choice([None, 1, 2, 3]), nullable=True),
          col("departure_reason_id", I, lambda c: None if c.rng.random() < 0.9 else
              c.rng.randint(1, 4), nullable=True),
          col("departure_description", T, lambda c: None if c.rng.random() < 0.85 else
              c.rng.choice(["<p>Resigned, moving abroad.</p>",
                            f"<p>Left for a competitor; reachable at {c.person['email']}</p>",
                            f"<p>Replaced by {G['full_name'](c)}.</p>",
                            "<p>End of fixed-term contract.</p>"]), nullable=True),
          col("departure_date", D, "date", start=2020, null=0.9),
          col("resource_calendar_id", I, lambda c: c.rng.choice([1, 1, 2, None]),
              nullable=True),
          col("is_flexible", B, lambda c: c.rng.random() < 0.1, nullable=True),
          col("is_fully_flexible", B, lambda c: c.rng.random() < 0.03, nullable=True),
          col("contract_date_start", D, "date", start=2015, null=0.1),
          col("contract_date_end", D, lambda c: None if c.rng.random() < 0.8 or
              not c.row["contract_date_start"] else G["date"](_with(c, start=2025, end=2028)),
              nullable=True),
          col("trial_date_end", D, "date", start=2016, null=0.7),
          col("contract_template_id", I, lambda c: None if c.rng.random() < 0.8 else
              c.rng.randint(1, 5), nullable=True),
          col("structure_type_id", I, lambda c: c.rng.choice([1, 2, None]), nullable=True),
          col("wage", M, "money", lo=1800, hi=9500, nullable=True),
          col("notes", T, lambda c: None if c.rng.random() < 0.8 else c.rng.choice([
              "<p>Company car from 2024.</p>", "<p>Remote on Fridays.</p>",
              f"<p>Reports to {G['full_name'](c)} during the project.</p>",
              f"<p>Home phone {G['phone'](c)}</p>"]), nullable=True),
          col("contract_type_id", I, lambda c: c.rng.choice([1, 2, 3, None]), nullable=True),
          col("hr_responsible_id", I, lambda c: c.rng.choice([2, 2, 5, 7]), fk="res_users.id"),
          *_magic())
    table(md, "crm_lead", 300,
          col("id", I, pk=True, auto=True),
          col("name", V, _lead_name),
          col("user_id", I, fk="res_users.id", null=0.15),
          col("team_id", I, lambda c: c.rng.choice([1, 1, 2, 3, None]), nullable=True),
          col("company_id", I, fk="res_company.id", null=0.2),
          col("referred", V, lambda c: None if c.rng.random() < 0.85 else G["full_name"](c),
              nullable=True),
          col("description", T, _lead_description, nullable=True),
          col("active", B, lambda c: c.rng.random() < 0.85, nullable=True),
          col("type", V, "choice", values=["lead", "opportunity", "opportunity"]),
          col("priority", V, "choice", values=["0", "0", "1", "2", "3"], nullable=True),
          col("stage_id", I, "int", lo=1, hi=4, nullable=True),
          col("color", I, "int", lo=0, hi=11, nullable=True),
          col("expected_revenue", M, "money", lo=0, hi=120000, nullable=True),
          col("prorated_revenue", M, "money", lo=0, hi=60000, nullable=True),
          col("recurring_revenue", M, "money", lo=0, hi=5000, null=0.7),
          col("recurring_plan", I, lambda c: c.rng.choice([None, None, 1, 2]), nullable=True),
          col("recurring_revenue_monthly", M, "money", lo=0, hi=5000, null=0.7),
          col("recurring_revenue_monthly_prorated", M, "money", lo=0, hi=2500, null=0.7),
          col("date_closed", DT, "datetime", null=0.7),
          col("date_action_last", DT, "datetime", null=0.6),
          col("date_open", DT, "datetime", null=0.2),
          col("day_open", F, lambda c: float(c.rng.randint(0, 30)), nullable=True),
          col("day_close", F, lambda c: None if c.rng.random() < 0.7 else
              float(c.rng.randint(1, 200)), nullable=True),
          col("date_last_stage_update", DT, "datetime", nullable=True),
          col("date_conversion", DT, "datetime", null=0.6),
          col("date_deadline", D, "date", null=0.5),
          col("partner_id", I, fk="res_partner.id", null=0.4),
          col("contact_name", V, _contact_name, nullable=True),
          col("partner_name", V, _partner_name_lead, nullable=True),
          col("function", V, lambda c: None if c.rng.random() < 0.6 else c.fake().job(),
              nullable=True),
          col("title", I, lambda c: c.rng.choice([None, None, 1, 2, 3, 4]), nullable=True),
          col("email_from", V, _email_from, nullable=True),
          col("phone", V, _if(0.75, "phone"), nullable=True),
          col("mobile", V, _if(0.3, "phone"), nullable=True),
          col("phone_state", V, lambda c: None if not c.row["phone"] else
              c.rng.choice(["correct", "correct", "incorrect"]), nullable=True),
          col("email_state", V, lambda c: None if not c.row["email_from"] else
              c.rng.choice(["correct", "correct", "incorrect"]), nullable=True),
          col("website", V, lambda c: None if not _is_company_lead(c) or c.rng.random() < 0.5
              else G["url"](c), nullable=True),
          col("lang_id", I, lambda c: c.rng.choice([None, 1, 1, 2, 3]), nullable=True),
          col("street", V, _if(0.5, "street"), nullable=True),
          col("street2", V, lambda c: None if c.rng.random() < 0.9 else "Building B",
              nullable=True),
          col("zip", V, _if(0.5, "postcode"), nullable=True),
          col("city", V, _if(0.55, "city"), nullable=True),
          col("state_id", I, fk="res_country_state.id", null=0.75),
          col("country_id", I, fk="res_country.id", null=0.3),
          col("probability", F, lambda c: round(c.rng.uniform(0, 100), 2), nullable=True),
          col("automated_probability", F, lambda c: round(c.rng.uniform(0, 100), 2),
              nullable=True),
          col("lost_reason_id", I, lambda c: None if c.rng.random() < 0.85 else
              c.rng.randint(1, 3), nullable=True),
          col("campaign_id", I, lambda c: c.rng.choice([None, None, None, 1, 2, 3]),
              nullable=True),
          col("medium_id", I, lambda c: c.rng.choice([None, None, 1, 2, 5]), nullable=True),
          col("source_id", I, lambda c: c.rng.choice([None, None, 1, 2, 4, 6]), nullable=True),
          col("email_normalized", V, _email_normalized, nullable=True),
          col("message_bounce", I, "choice", values=[0, 0, 0, 0, 1, 3], nullable=True),
          col("phone_sanitized", V, _phone_sanitized, nullable=True),
          *_magic())
    table(md, "sale_order", 300,
          col("id", I, pk=True, auto=True),
          col("name", V, lambda c: f"S{c.index + 1:05d}"),
          col("company_id", I, "choice", values=[1, 1, 1, 2, 3], fk="res_company.id"),
          col("partner_id", I, fk="res_partner.id"),
          col("state", V, "choice", values=["draft", "sent", "sale", "sale", "sale", "cancel"],
              nullable=True),
          col("locked", B, lambda c: c.rng.random() < 0.1, nullable=True),
          col("client_order_ref", V, lambda c: None if c.rng.random() < 0.7 else
              f"PO-{c.rng.randint(1000, 99999)}", nullable=True),
          col("create_date", DT, "datetime", start=2019, nullable=True),
          col("commitment_date", DT, "datetime", null=0.8),
          col("date_order", DT, "datetime", start=2019),
          col("origin", V, lambda c: c.rng.choice([None, None, None, "Website", "Subscription",
                                                   f"OP/{c.rng.randint(1, 500):05d}"]),
              nullable=True),
          col("reference", V, lambda c: None if c.rng.random() < 0.6 else
              f"S{c.index + 1:05d}", nullable=True),
          col("require_signature", B, "bool", nullable=True),
          col("require_payment", B, "bool", nullable=True),
          col("prepayment_percent", F, "choice", values=[1.0, 0.3, 0.5], nullable=True),
          col("signed_by", V, _signed_by, nullable=True),
          col("signed_on", DT, lambda c: G["datetime"](c) if c.row["signed_by"] else None,
              nullable=True),
          col("validity_date", D, "date", null=0.3),
          col("journal_id", I, "const", value=None, nullable=True),
          col("note", T, lambda c: c.rng.choice([TERMS, None, "<p><br></p>"]), nullable=True),
          col("partner_invoice_id", I, fk="res_partner.id"),
          col("partner_shipping_id", I, fk="res_partner.id"),
          col("fiscal_position_id", I, lambda c: c.rng.choice([None, None, 1, 2]),
              nullable=True),
          col("payment_term_id", I, lambda c: c.rng.choice([None, 1, 2, 4]), nullable=True),
          col("pricelist_id", I, lambda c: c.rng.choice([1, 1, 2, None]), nullable=True),
          col("currency_id", I, "choice", values=[1, 2, 2], nullable=True),
          col("currency_rate", F, lambda c: c.rng.choice([1.0, 1.0, 1.0823, 0.9241]),
              nullable=True),
          col("user_id", I, fk="res_users.id", null=0.1),
          col("team_id", I, lambda c: c.rng.choice([1, 2, 3, None]), nullable=True),
          col("amount_untaxed", M, "money", lo=20, hi=25000, nullable=True),
          col("amount_tax", M, "money", lo=0, hi=5000, nullable=True),
          col("amount_total", M, "money", lo=20, hi=30000, nullable=True),
          col("invoice_status", V, "choice", values=["upselling", "invoiced", "to invoice",
                                                     "no"], nullable=True),
          col("campaign_id", I, lambda c: c.rng.choice([None, None, 1, 2]), nullable=True),
          col("medium_id", I, lambda c: c.rng.choice([None, None, 1]), nullable=True),
          col("source_id", I, lambda c: c.rng.choice([None, None, 2, 3]), nullable=True),
          col("access_token", V, _access_token, nullable=True),
          col("create_uid", I, _uid, nullable=True),
          col("write_uid", I, _uid, nullable=True),
          col("write_date", DT, "datetime", start=2020, nullable=True))
    table(md, "mail_message", 800,
          col("id", I, pk=True, auto=True),
          col("subject", V, _subject, nullable=True),
          col("date", DT, "datetime", nullable=True),
          col("body", T, "template", texts=MESSAGE_BODIES, nullable=True),
          col("parent_id", I, fk="mail_message.id", null=0.6),
          col("model", V, _model, nullable=True),
          col("res_id", I, "int", lo=1, hi=400, nullable=True),
          col("record_alias_domain_id", I, "choice", values=[None, 1], nullable=True),
          col("record_company_id", I, fk="res_company.id", null=0.3),
          col("message_type", V, _message_type),
          col("subtype_id", I, "choice", values=[1, 1, 2, 3, 7, None], nullable=True),
          col("mail_activity_type_id", I, lambda c: None if c.rng.random() < 0.9 else
              c.rng.randint(1, 5), nullable=True),
          col("is_internal", B, lambda c: c.rng.random() < 0.3, nullable=True),
          col("email_from", V, _message_email_from, nullable=True),
          col("author_id", I, fk="res_partner.id", null=0.1),
          col("author_guest_id", I, lambda c: None if c.rng.random() < 0.95 else
              c.rng.randint(1, 40), nullable=True),
          col("incoming_email_to", T, _incoming_to, nullable=True),
          col("incoming_email_cc", V, _incoming_cc, nullable=True),
          col("outgoing_email_to", V, _outgoing_to, nullable=True),
          col("pinned_at", DT, "datetime", null=0.97),
          col("reply_to_force_new", B, lambda c: c.rng.random() < 0.05, nullable=True),
          col("message_id", V, _message_id, nullable=True),
          col("reply_to", V, _reply_to, nullable=True),
          col("mail_server_id", I, "choice", values=[None, None, 1], nullable=True),
          col("email_layout_xmlid", V, "choice", values=[None, None,
                                                         "mail.mail_notification_light",
                                                         "mail.mail_notification_layout"],
              nullable=True),
          col("email_add_signature", B, lambda c: c.rng.random() < 0.8, nullable=True),
          *_magic())
    table(md, "product_template", len(PRODUCTS),
          col("id", I, pk=True, auto=True),
          col("name", jsonb(), lambda c: {"en_US": PRODUCTS[c.index]}),
          col("sequence", I, "int", lo=1, hi=20, nullable=True),
          col("description", jsonb(), lambda c: None if c.rng.random() < 0.6 else
              {"en_US": f"<p>{G['lorem'](c)}</p>"}, nullable=True),
          col("description_purchase", jsonb(), "const", value=None, nullable=True),
          col("description_sale", jsonb(), lambda c: None if c.rng.random() < 0.5 else
              {"en_US": G["lorem"](c)}, nullable=True),
          col("type", V, "choice", values=["consu", "consu", "service", "combo"]),
          col("categ_id", I, "int", lo=1, hi=8, nullable=True),
          col("list_price", M, "money", lo=1, hi=2000, nullable=True),
          col("volume", sa.Numeric(16, 4), "money", lo=0, hi=2, nullable=True),
          col("weight", sa.Numeric(16, 4), "money", lo=0, hi=80, nullable=True),
          col("sale_ok", B, "bool", nullable=True),
          col("purchase_ok", B, "bool", nullable=True),
          col("uom_id", I, "choice", values=[1, 1, 4, 5]),
          col("company_id", I, fk="res_company.id", null=0.7),
          col("active", B, lambda c: c.rng.random() < 0.95, nullable=True),
          col("color", I, "int", lo=0, hi=11, nullable=True),
          *_magic())
    return md
