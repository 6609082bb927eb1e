"""SuiteCRM (SugarCRM Community Edition fork, PHP/MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. SuiteCRM builds its tables from vardefs:
each module's ``vardefs.php`` plus the templates it uses (``basic``, ``person``,
``company``) and the ``assignable`` implementation; ``'source' => 'non-db'`` fields and
links have no column. Tables: users, contacts, leads, accounts and their link table,
e-mail addresses and their polymorphic link to any record (``email_addr_bean_rel``),
calls, meetings, notes, opportunities, campaigns.

Types as SuiteCRM's MySQL manager maps them: ``id`` -> ``char(36)`` (UUIDs), ``bool`` ->
``tinyint(1)``, ``enum``/``varchar``/``phone``/``url`` -> ``varchar(len)`` (255 without a
``len``), ``multienum``/``text`` -> ``text``, ``double``/``currency`` -> ``double``,
``datetimecombo`` -> ``datetime``. SuiteCRM declares no foreign keys: every reference is an
undeclared UUID, and ``parent_id``/``bean_id`` are polymorphic (their module in
``parent_type``/``bean_module``).
"""

from __future__ import annotations

import random
import uuid

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table, tinyint

SOURCE = {"repo": "salesagility/SuiteCRM",
          "path": "modules/{Contacts,Leads,Accounts,Users,Calls,Meetings,Notes,Opportunities,"
                  "Campaigns}/vardefs.php, include/SugarObjects/templates/{basic,person,company}/"
                  "vardefs.php, include/SugarObjects/implements/assignable/vardefs.php, "
                  "metadata/{email_addressesMetaData,accounts_contactsMetaData}.php",
          "commit": "e572230abd0dad205b24a96acce72590b20bf69d"}
PERSON_TABLES = ("users", "contacts", "leads")

V = sa.String
T = sa.Text
DT = sa.DateTime
ID = sa.CHAR(36)
B = tinyint  # bool -> tinyint(1) on MySQL
DBL = sa.Float

N = {"users": 40, "accounts": 80, "contacts": 300, "leads": 250, "email_addresses": 600,
     "opportunities": 120, "campaigns": 8, "calls": 400, "meetings": 200, "notes": 250}


def _sid(tname: str, i: int) -> str:
    """The UUID of row ``i`` of ``tname``: the same for the key and every reference to it."""
    return str(uuid.UUID(int=random.Random(f"suitecrm:{tname}:{i}").getrandbits(128),
                         version=4))


def _pk(tname):  # type: ignore[no-untyped-def]
    return lambda c: _sid(tname, c.index)


def _ref(tname, share=1.0):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.rng.random() > share:
            return None
        return _sid(tname, c.rng.randrange(N[tname]))
    return gen


def _user_ref(share=1.0):  # type: ignore[no-untyped-def]
    # admin ("1" in SuiteCRM) is the usual creator; then any user
    def gen(c):  # type: ignore[no-untyped-def]
        if c.rng.random() > share:
            return None
        return "1" if c.rng.random() < 0.35 else _sid("users", c.rng.randrange(1, N["users"]))
    return gen


def _bool(p):  # type: ignore[no-untyped-def]
    return lambda c: int(c.rng.random() < p)


def _basic(name_col=None):  # type: ignore[no-untyped-def]
    """The ``basic`` template's columns before ``description`` (its name, if stored)."""
    cols = []
    if name_col is not None:
        cols.append(name_col)
    cols += [col("date_entered", DT, "datetime", start=2016, nullable=True),
             col("date_modified", DT, "datetime", start=2019, nullable=True),
             col("modified_user_id", ID, _user_ref(), nullable=True),
             col("created_by", ID, _user_ref(), nullable=True)]
    return cols


def _tail(description, assignable=True):  # type: ignore[no-untyped-def]
    """``description`` and ``deleted`` (basic), ``assigned_user_id`` (assignable)."""
    cols = [col("description", T, description, nullable=True),
            col("deleted", B(), _bool(0.04), nullable=True)]
    if assignable:
        cols.append(col("assigned_user_id", ID, _user_ref(0.9), nullable=True))
    return cols


SALUTATIONS = ["", "", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", None]
LEAD_SOURCES = ["Cold Call", "Existing Customer", "Self Generated", "Employee", "Partner",
                "Public Relations", "Direct Mail", "Conference", "Trade Show", "Web Site",
                "Word of mouth", "Email", "Campaign", "Other", ""]
INDUSTRIES = ["Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
              "Construction", "Consulting", "Education", "Electronics", "Energy",
              "Engineering", "Entertainment", "Finance", "Government", "Healthcare",
              "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media",
              "Not For Profit", "Recreation", "Retail", "Shipping", "Technology",
              "Telecommunications", "Transportation", "Utilities", "Other", ""]


def _phone(share):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        r = c.rng.random()
        if r > share:
            return None if r > (1 + share) / 2 else ""
        return G["phone"](c)
    return gen


def _maybe(inner, share, empty=0.0):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        r = c.rng.random()
        if r < empty:
            return ""
        if r > share:
            return None
        return G[inner](c)
    return gen


def _title(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.3 else c.rng.choice(
        ["CEO", "VP Sales", "Director Operations", "IT Developer", "Senior Product Manager",
         "Mgr Operations", "President", "VP Operations", "Sales Rep", "Buyer", ""])


def _department(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, None, "", "Sales", "Marketing", "IT", "Finance", "Purchasing",
                         "Support", "Einkauf", "営業部"])


def _photo(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.85 else f"{_sid('photo', c.rng.randrange(10 ** 6))}_photo"


def _state(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.3 else G["state"](c)


def _country(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, "USA", "United States", "Germany", "DE", "France", "Japan",
                         "UK", "España", "Brasil", ""])


def _lawful(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, None, None, "^consent^", "^contract^,^legitimate_interest^",
                         "^legal_obligation^"])


PERSON_NOTES = ["Met at the trade show.", "Prefers phone calls in the morning.",
                "Spouse: {first2} {last}.", "Assistant {first2} {last2} handles scheduling: "
                "{phone}", "Moved to {street}, {city}.", "Birthday card every year (DOB {dob}).",
                "Decision maker for the renewal.", "", "Private e-mail: {email}",
                "Do not contact before Q3."]


def _person_cols(assistant=True):  # type: ignore[no-untyped-def]
    """The ``person`` template's stored columns."""
    cols = [
        col("salutation", V(255), "choice", values=SALUTATIONS, nullable=True),
        col("first_name", V(100), lambda c: None if c.rng.random() < 0.04 else
            c.person["first"], nullable=True),
        col("last_name", V(100), lambda c: c.person["last"] if c.rng.random() < 0.95 else
            c.person["last"].upper(), nullable=True),
        col("title", V(100), _title, nullable=True),
        col("photo", V(255), _photo, nullable=True),
        col("department", V(255), _department, nullable=True),
        col("do_not_call", B(), _bool(0.1), nullable=True),
        col("phone_home", V(100), _phone(0.3), nullable=True),
        col("phone_mobile", V(100), _phone(0.6), nullable=True),
        col("phone_work", V(100), _phone(0.75), nullable=True),
        col("phone_other", V(100), _phone(0.1), nullable=True),
        col("phone_fax", V(100), _phone(0.15), nullable=True),
        col("lawful_basis", T, _lawful, nullable=True),
        col("date_reviewed", sa.Date, "date", null=0.8),
        col("lawful_basis_source", V(100), "choice", values=[None, None, "website", "phone",
                                                             "given_to_user", "email",
                                                             "third_party"], nullable=True),
        col("primary_address_street", V(150), _maybe("street", 0.75, 0.05), nullable=True),
        col("primary_address_city", V(100), _maybe("city", 0.75), nullable=True),
        col("primary_address_state", V(100), _state, nullable=True),
        col("primary_address_postalcode", V(20), _maybe("postcode", 0.7), nullable=True),
        col("primary_address_country", V(255), _country, nullable=True),
        col("alt_address_street", V(150), _maybe("street", 0.15), nullable=True),
        col("alt_address_city", V(100), _maybe("city", 0.15), nullable=True),
        col("alt_address_state", V(100), lambda c: None if c.rng.random() < 0.85 else
            G["state"](c), nullable=True),
        col("alt_address_postalcode", V(20), _maybe("postcode", 0.15), nullable=True),
        col("alt_address_country", V(255), lambda c: None if c.rng.random() < 0.85 else
            _country(c), nullable=True)]
    if assistant:
        cols += [col("assistant", V(75), lambda c: None if c.rng.random() < 0.85 else
                     G["full_name"](c), nullable=True),
                 col("assistant_phone", V(100), _phone(0.12), nullable=True)]
    return cols


def _user_name(c):  # type: ignore[no-untyped-def]
    return {0: "admin", 1: "sally", 2: "max", 3: "Support Group"}.get(c.index) or \
        c.person["username"]


def _is_group(c):  # type: ignore[no-untyped-def]
    return c.index == 3 or c.index == 4


def _user_first(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return ""
    if _is_group(c):
        return None
    return c.person["first"]


def _user_last(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "Administrator"
    if _is_group(c):
        return ["Support Group", "Inbound Sales"][c.index - 3]
    return c.person["last"]


def _user_hash(c):  # type: ignore[no-untyped-def]
    if _is_group(c):
        return None
    if c.rng.random() < 0.3:
        return G["sha1"](c)[:32]  # legacy md5 hex
    return "$2y$10$" + G["token"](c) + G["token"](c)[:21]  # bcrypt-shaped


def _authenticate_id(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.75:
        return None
    return c.rng.choice([f"uid={c.person['username']},ou=people,dc=example,dc=com",
                         c.person["email"]])


def _messenger(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return None
    return c.rng.choice([c.person["username"], f"live:{c.person['username']}",
                         f"{c.person['username']}@jabber.example.org"])


def _account_name(c):  # type: ignore[no-untyped-def]
    return G["company"](c)


ACCOUNT_NOTES = ["Key account since 2015.", "Reseller for the Nordic region.",
                 "Main contact: {first} {last}, {phone}", "Billing questions to {email}",
                 "", "Net 30 payment terms.", "Subsidiary of a larger group."]
CALL_SUBJECTS = ["Left a message", "Review needs", "Discuss Review Process",
                 "Get More information on the proposed deal", "Follow-up on proposal",
                 "Call back {first} {last}", "Renewal discussion", "Intro call with {first}",
                 "Pricing questions"]
CALL_NOTES = ["", None, "Customer wants a quote by Friday.",
              "{first} {last} asked to call back on {phone}.", "No answer, voicemail left.",
              "Discussed the contract with {first}; send to {email}.",
              "Gatekeeper: {first2} {last2}."]
NOTE_SUBJECTS = ["Call summary", "Meeting notes", "Contract draft", "Signed NDA",
                 "Notes from {first} {last}", "Quote v2", "Product brochure",
                 "Follow-up with {first}"]
NOTE_FILES = [None, None, None, "contract.pdf", "NDA_signed.pdf", "quote_v2.xlsx",
              "brochure.pdf", "screenshot.png", "CV_{first}_{last}.pdf",
              "passport_{last}.jpg"]
OPP_STAGES = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
              "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
              "Negotiation/Review", "Closed Won", "Closed Lost"]
CAMPAIGNS = [("Spring 2024 Newsletter", "NewsLetter"), ("Webinar: CRM basics", "Web"),
             ("Trade show Berlin", "Telesales"), ("Black Friday", "Email"),
             ("Partner referral", "Mail"), ("Radio spot", "Radio"),
             ("Customer survey", "Survey"), ("Reactivation", "Email")]


def _filename(c):  # type: ignore[no-untyped-def]
    if "_fn" not in c.row:
        f = c.rng.choice(NOTE_FILES)
        c.row["_fn"] = None if f is None else f.format(first=c.person["first"],
                                                        last=c.person["last"])
    return c.row["_fn"]


def _mime(c):  # type: ignore[no-untyped-def]
    f = _filename(c)
    if f is None:
        return None
    return {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[
        f.rsplit(".", 1)[1]]


def _parent(types):  # type: ignore[no-untyped-def]
    """parent_type then parent_id: a polymorphic reference."""
    def ptype(c):  # type: ignore[no-untyped-def]
        if c.rng.random() < 0.1:
            return None
        return c.rng.choice(types)

    def pid(c):  # type: ignore[no-untyped-def]
        t = c.row.get("parent_type")
        if not t:
            return None
        tname = {"Accounts": "accounts", "Contacts": "contacts", "Leads": "leads",
                 "Opportunities": "opportunities"}[t]
        return _sid(tname, c.rng.randrange(N[tname]))
    return ptype, pid


def _bean_module(c):  # type: ignore[no-untyped-def]
    if "_bm" not in c.row:
        c.row["_bm"] = c.rng.choices(["Contacts", "Leads", "Accounts", "Users"],
                                     [45, 35, 12, 8])[0]
    return c.row["_bm"]


def _bean(c):  # type: ignore[no-untyped-def]
    tname = _bean_module(c).lower()
    return _sid(tname, c.rng.randrange(N[tname]))


def _email_addr(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.12:
        return f"{c.rng.choice(['info', 'sales', 'support', 'accounts'])}@" \
               f"{G['company'](c).split()[0].lower().strip(',.')}.example"
    return c.person["email"]


def _opt_in_token(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.7 else G["uuid_str"](c)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    pt_calls, pid_calls = _parent(["Accounts", "Contacts", "Contacts", "Leads",
                                   "Opportunities"])
    pt_meet, pid_meet = _parent(["Accounts", "Contacts", "Leads", "Opportunities"])
    pt_note, pid_note = _parent(["Accounts", "Contacts", "Leads", "Opportunities"])
    table(md, "users", N["users"],
          col("id", ID, lambda c: "1" if c.index == 0 else _sid("users", c.index), pk=True),
          col("user_name", V(60), _user_name, nullable=True),
          col("user_hash", V(255), _user_hash, nullable=True),
          col("system_generated_password", B(), _bool(0.05)),
          col("pwd_last_changed", DT, "datetime", null=0.3),
          col("authenticate_id", V(100), _authenticate_id, nullable=True),
          col("sugar_login", B(), lambda c: int(not _is_group(c)), nullable=True),
          col("first_name", V(255), _user_first, nullable=True),
          col("last_name", V(255), _user_last, nullable=True),
          col("is_admin", B(), lambda c: int(c.index == 0 or c.rng.random() < 0.05),
              nullable=True),
          col("external_auth_only", B(), _bool(0.1), nullable=True),
          col("receive_notifications", B(), _bool(0.8), nullable=True),
          col("description", T, lambda c: c.rng.choice([None, None, None, "",
                                                        "Sales rep, EMEA",
                                                        "Support team lead"]),
              nullable=True),
          col("date_entered", DT, "datetime", start=2016),
          col("date_modified", DT, "datetime", start=2019),
          col("modified_user_id", ID, _user_ref(), nullable=True),
          col("created_by", ID, _user_ref(), nullable=True),
          col("title", V(50), _title, nullable=True),
          col("photo", V(255), _photo, nullable=True),
          col("department", V(50), _department, nullable=True),
          col("phone_home", V(50), _phone(0.2), nullable=True),
          col("phone_mobile", V(50), _phone(0.6), nullable=True),
          col("phone_work", V(50), _phone(0.8), nullable=True),
          col("phone_other", V(50), _phone(0.05), nullable=True),
          col("phone_fax", V(50), _phone(0.1), nullable=True),
          col("status", V(100), "choice", values=["Active", "Active", "Active", "Inactive"],
              nullable=True),
          col("address_street", V(150), _maybe("street", 0.5), nullable=True),
          col("address_city", V(100), _maybe("city", 0.5), nullable=True),
          col("address_state", V(100), lambda c: None if c.rng.random() < 0.6 else
              G["state"](c), nullable=True),
          col("address_country", V(100), _country, nullable=True),
          col("address_postalcode", V(20), _maybe("postcode", 0.5), nullable=True),
          col("deleted", B(), _bool(0.03), nullable=True),
          col("portal_only", B(), _bool(0.05), nullable=True),
          col("show_on_employees", B(), _bool(0.9), nullable=True),
          col("employee_status", V(100), "choice", values=["Active", "Active", "Terminated",
                                                           "Leave of Absence", None],
              nullable=True),
          col("messenger_id", V(100), _messenger, nullable=True),
          col("messenger_type", V(100), lambda c: None if not c.row["messenger_id"] else
              c.rng.choice(["MSN", "Yahoo!", "AOL"]), nullable=True),
          col("reports_to_id", ID, _ref("users", 0.4), nullable=True),
          col("is_group", B(), lambda c: int(_is_group(c)), nullable=True),
          col("factor_auth", B(), _bool(0.15), nullable=True),
          col("factor_auth_interface", V(255), lambda c: None if not c.row["factor_auth"]
              else "FactorAuthEmailCode", nullable=True))
    table(md, "accounts", N["accounts"],
          col("id", ID, _pk("accounts"), pk=True),
          *_basic(col("name", V(150), _account_name, nullable=True)),
          *_tail(lambda c: None if c.rng.random() < 0.5 else
                 G["template"](_p(c, texts=ACCOUNT_NOTES))),
          col("account_type", V(50), "choice", values=["Customer", "Customer", "Prospect",
                                                       "Partner", "Reseller", "Competitor",
                                                       "Analyst", "Investor", "Other", ""],
              nullable=True),
          col("industry", V(50), "choice", values=INDUSTRIES, nullable=True),
          col("annual_revenue", V(100), lambda c: c.rng.choice([None, "", "1M-5M", "$10M",
                                                                "unknown", "500000"]),
              nullable=True),
          col("phone_fax", V(100), _phone(0.3), nullable=True),
          col("billing_address_street", V(150), _maybe("street", 0.8), nullable=True),
          col("billing_address_city", V(100), _maybe("city", 0.8), nullable=True),
          col("billing_address_state", V(100), _state, nullable=True),
          col("billing_address_postalcode", V(20), _maybe("postcode", 0.8), nullable=True),
          col("billing_address_country", V(255), _country, nullable=True),
          col("rating", V(100), "choice", values=[None, "", "Hot", "Warm", "Cold"],
              nullable=True),
          col("phone_office", V(100), _phone(0.85), nullable=True),
          col("phone_alternate", V(100), _phone(0.2), nullable=True),
          col("website", V(255), lambda c: None if c.rng.random() < 0.3 else
              f"http://www.{G['company'](c).split()[0].lower().strip(',.')}.example",
              nullable=True),
          col("ownership", V(100), "choice", values=[None, "", "Public", "Private"],
              nullable=True),
          col("employees", V(10), "choice", values=[None, "", "10", "50-100", "1000+",
                                                    "250"], nullable=True),
          col("ticker_symbol", V(10), lambda c: None if c.rng.random() < 0.85 else
              "".join(c.rng.choice("ABCDEFGHIKLMNOPRSTUVWXYZ") for _ in range(4)),
              nullable=True),
          col("shipping_address_street", V(150), _maybe("street", 0.5), nullable=True),
          col("shipping_address_city", V(100), _maybe("city", 0.5), nullable=True),
          col("shipping_address_state", V(100), _state, nullable=True),
          col("shipping_address_postalcode", V(20), _maybe("postcode", 0.5), nullable=True),
          col("shipping_address_country", V(255), _country, nullable=True),
          col("parent_id", ID, _ref("accounts", 0.1), nullable=True),
          col("sic_code", V(10), lambda c: None if c.rng.random() < 0.8 else
              str(c.rng.randint(1000, 9999)), nullable=True),
          col("campaign_id", ID, _ref("campaigns", 0.2), nullable=True))
    table(md, "contacts", N["contacts"],
          col("id", ID, _pk("contacts"), pk=True),
          *_basic(),
          *_tail(lambda c: None if c.rng.random() < 0.5 else
                 G["template"](_p(c, texts=PERSON_NOTES))),
          *_person_cols(),
          col("lead_source", V(255), "choice", values=LEAD_SOURCES + [None], nullable=True),
          col("reports_to_id", ID, _ref("contacts", 0.15), nullable=True),
          col("birthdate", sa.Date, lambda c: None if c.rng.random() < 0.6 else G["dob"](c),
              nullable=True),
          col("campaign_id", ID, _ref("campaigns", 0.15), nullable=True),
          col("joomla_account_id", V(255), lambda c: None if c.rng.random() < 0.85 else
              str(c.rng.randint(100, 5000)), nullable=True),
          col("portal_account_disabled", B(), lambda c: None if c.rng.random() < 0.85 else
              int(c.rng.random() < 0.2), nullable=True),
          col("portal_user_type", V(100), "choice", values=["Single", "Single", "Account"],
              nullable=True))
    table(md, "leads", N["leads"],
          col("id", ID, _pk("leads"), pk=True),
          *_basic(),
          *_tail(lambda c: None if c.rng.random() < 0.5 else
                 G["template"](_p(c, texts=PERSON_NOTES))),
          *_person_cols(),
          col("converted", B(), _bool(0.2)),
          col("refered_by", V(100), lambda c: None if c.rng.random() < 0.85 else
              G["full_name"](c), nullable=True),
          col("lead_source", V(100), "choice", values=LEAD_SOURCES + [None], nullable=True),
          col("lead_source_description", T, lambda c: c.rng.choice([
              None, None, None, "", "Downloaded the whitepaper", "Booth visitor, Hall 3",
              f"Referred by {G['full_name'](c)}", f"Asked for a call back: {G['phone'](c)}"]),
              nullable=True),
          col("status", V(100), "choice", values=["New", "Assigned", "In Process", "Converted",
                                                  "Recycled", "Dead", ""], nullable=True),
          col("status_description", T, "choice", values=[None, None, "", "Waiting for budget",
                                                         "No response", "Duplicate"],
              nullable=True),
          col("reports_to_id", ID, _ref("contacts", 0.05), nullable=True),
          col("account_name", V(255), lambda c: None if c.rng.random() < 0.3 else
              G["company"](c), nullable=True),
          col("account_description", T, "choice", values=[None, None, "",
                                                          "Family-owned retailer",
                                                          "Startup, 12 employees"],
              nullable=True),
          col("contact_id", ID, _ref("contacts", 0.2), nullable=True),
          col("account_id", ID, _ref("accounts", 0.2), nullable=True),
          col("opportunity_id", ID, _ref("opportunities", 0.1), nullable=True),
          col("opportunity_name", V(255), lambda c: None if c.rng.random() < 0.9 else
              f"{G['company'](c)} - 100 units", nullable=True),
          col("opportunity_amount", V(50), lambda c: None if c.rng.random() < 0.9 else
              str(c.rng.randint(1000, 90000)), nullable=True),
          col("campaign_id", ID, _ref("campaigns", 0.25), nullable=True),
          col("birthdate", sa.Date, lambda c: None if c.rng.random() < 0.8 else G["dob"](c),
              nullable=True),
          col("portal_name", V(255), lambda c: None if c.rng.random() < 0.85 else
              c.person["username"], nullable=True),
          col("portal_app", V(255), lambda c: None if not c.row["portal_name"] else
              "Joomla", nullable=True),
          col("website", V(255), lambda c: None if c.rng.random() < 0.7 else
              f"http://www.{G['company'](c).split()[0].lower().strip(',.')}.example",
              nullable=True))
    table(md, "accounts_contacts", 260,
          col("id", V(36), _pk("accounts_contacts"), pk=True),
          col("contact_id", V(36), _ref("contacts"), nullable=True),
          col("account_id", V(36), _ref("accounts"), nullable=True),
          col("date_modified", DT, "datetime", nullable=True),
          col("deleted", B(), _bool(0.03), nullable=True))
    table(md, "email_addresses", N["email_addresses"],
          col("id", ID, _pk("email_addresses"), pk=True),
          col("email_address", V(255), _email_addr, nullable=True),
          col("email_address_caps", V(255), lambda c: (c.row["email_address"] or "").upper(),
              nullable=True),
          col("invalid_email", B(), _bool(0.04), nullable=True),
          col("opt_out", B(), _bool(0.1), nullable=True),
          col("confirm_opt_in", V(255), "choice", values=["not-opt-in", "not-opt-in",
                                                          "opt-in", "confirmed-opt-in"],
              nullable=True),
          col("confirm_opt_in_date", DT, "datetime", null=0.8),
          col("confirm_opt_in_sent_date", DT, "datetime", null=0.75),
          col("confirm_opt_in_fail_date", DT, "datetime", null=0.97),
          col("confirm_opt_in_token", V(255), _opt_in_token, nullable=True),
          col("date_created", DT, "datetime", nullable=True),
          col("date_modified", DT, "datetime", nullable=True),
          col("deleted", B(), _bool(0.02), nullable=True))
    table(md, "email_addr_bean_rel", 640,
          col("id", ID, _pk("email_addr_bean_rel"), pk=True),
          col("email_address_id", ID, lambda c: _sid("email_addresses",
                                                     c.index % N["email_addresses"])),
          col("bean_id", ID, _bean, nullable=True),
          col("bean_module", V(100), _bean_module, nullable=True),
          col("primary_address", B(), _bool(0.8), nullable=True),
          col("reply_to_address", B(), _bool(0.05), nullable=True),
          col("date_created", DT, "datetime", nullable=True),
          col("date_modified", DT, "datetime", nullable=True),
          col("deleted", B(), _bool(0.02), nullable=True))
    table(md, "campaigns", N["campaigns"],
          col("id", ID, _pk("campaigns"), pk=True),
          *_basic(col("name", V(255), lambda c: CAMPAIGNS[c.index][0], nullable=True)),
          *_tail(lambda c: None),
          col("tracker_key", sa.Integer, "seq", unique=True),
          col("tracker_count", sa.Integer, "int", lo=0, hi=5000, nullable=True),
          col("refer_url", V(255), "choice", values=["http://", "https://www.example.com/spring",
                                                     None], nullable=True),
          col("tracker_text", V(255), "choice", values=[None, "", "Click here"],
              nullable=True),
          col("start_date", sa.Date, "date", nullable=True),
          col("end_date", sa.Date, "date", nullable=True),
          col("status", V(100), "choice", values=["Planning", "Active", "Inactive", "Complete",
                                                  "In Queue", "Sending"], nullable=True),
          col("impressions", sa.Integer, "int", lo=0, hi=100000, nullable=True),
          col("currency_id", ID, "choice", values=["-99", "-99", "c5b1a3a0-eur"],
              nullable=True),
          col("budget", DBL, lambda c: float(c.rng.randint(0, 50000)), nullable=True),
          col("expected_cost", DBL, lambda c: float(c.rng.randint(0, 40000)), nullable=True),
          col("actual_cost", DBL, lambda c: float(c.rng.randint(0, 40000)), nullable=True),
          col("expected_revenue", DBL, lambda c: float(c.rng.randint(0, 200000)),
              nullable=True),
          col("campaign_type", V(100), lambda c: CAMPAIGNS[c.index][1], nullable=True),
          col("objective", T, "choice", values=[None, "Grow the mailing list",
                                                "Reactivate dormant customers"],
              nullable=True),
          col("content", T, "choice", values=[None, "<p>Spring offers inside</p>"],
              nullable=True),
          col("frequency", V(100), "choice", values=[None, "", "Monthly", "Weekly"],
              nullable=True),
          col("survey_id", ID, lambda c: None, nullable=True))
    table(md, "opportunities", N["opportunities"],
          col("id", ID, _pk("opportunities"), pk=True),
          *_basic(col("name", V(50), lambda c: c.rng.choice([
              f"{G['company'](c)} - 1000 units", f"{G['company'](c)} renewal",
              "Q3 expansion", "Pilot project", "Support upgrade"]), nullable=True)),
          *_tail(lambda c: c.rng.choice([None, None, "", "Competing with two vendors.",
                                         "Budget confirmed for Q4."])),
          col("opportunity_type", V(255), "choice", values=["New Business",
                                                            "Existing Business", "", None],
              nullable=True),
          col("campaign_id", ID, _ref("campaigns", 0.3), nullable=True),
          col("lead_source", V(50), "choice", values=LEAD_SOURCES, nullable=True),
          col("amount", DBL, lambda c: float(c.rng.randint(500, 250000)), nullable=True),
          col("amount_usdollar", DBL, lambda c: float(c.rng.randint(500, 250000)),
              nullable=True),
          col("currency_id", ID, "choice", values=["-99", "-99", "c5b1a3a0-eur"],
              nullable=True),
          col("date_closed", sa.Date, "date", nullable=True),
          col("next_step", V(100), "choice", values=[None, "", "Send proposal",
                                                     "Schedule demo", "Legal review"],
              nullable=True),
          col("sales_stage", V(255), "choice", values=OPP_STAGES, nullable=True),
          col("probability", DBL, lambda c: float(c.rng.choice([10, 20, 25, 30, 50, 65, 80,
                                                                90, 100, 0])),
              nullable=True))
    table(md, "calls", N["calls"],
          col("id", ID, _pk("calls"), pk=True),
          *_basic(col("name", V(50), "template", texts=CALL_SUBJECTS, nullable=True)),
          *_tail(lambda c: None if c.rng.random() < 0.3 else
                 G["template"](_p(c, texts=[t for t in CALL_NOTES if t]))),
          col("duration_hours", sa.Integer, "choice", values=[0, 0, 0, 1], nullable=True),
          col("duration_minutes", sa.Integer, "choice", values=[0, 15, 30, 45],
              nullable=True),
          col("date_start", DT, "datetime", nullable=True),
          col("date_end", DT, "datetime", nullable=True),
          col("parent_type", V(255), pt_calls, nullable=True),
          col("status", V(100), "choice", values=["Planned", "Held", "Held", "Not Held"],
              nullable=True),
          col("direction", V(100), "choice", values=["Inbound", "Outbound"], nullable=True),
          col("parent_id", ID, pid_calls, nullable=True),
          col("reminder_time", sa.Integer, "choice", values=[-1, -1, 60, 300, 900],
              nullable=True),
          col("email_reminder_time", sa.Integer, "choice", values=[-1, -1, 3600],
              nullable=True),
          col("email_reminder_sent", B(), _bool(0.1), nullable=True),
          col("outlook_id", V(255), lambda c: None if c.rng.random() < 0.9 else
              "AAMkAG" + G["token"](c)[:40], nullable=True),
          col("repeat_type", V(36), "choice", values=[None, None, None, "Daily", "Weekly"],
              nullable=True),
          col("repeat_interval", sa.Integer, "const", value=1, nullable=True),
          col("repeat_dow", V(7), lambda c: None if not c.row["repeat_type"] else "12345",
              nullable=True),
          col("repeat_until", sa.Date, "date", null=0.9),
          col("repeat_count", sa.Integer, lambda c: None if not c.row["repeat_type"] else
              c.rng.randint(2, 10), nullable=True),
          col("repeat_parent_id", ID, _ref("calls", 0.05), nullable=True),
          col("recurring_source", V(36), "choice", values=[None, None, None, "Outlook",
                                                           "Sugar"], nullable=True))
    table(md, "meetings", N["meetings"],
          col("id", ID, _pk("meetings"), pk=True),
          *_basic(col("name", V(50), "template", texts=[
              "Demo for {first}", "Quarterly review", "Kick-off", "Lunch with {first} {last}",
              "Contract signature", "Training session"], nullable=True)),
          *_tail(lambda c: None if c.rng.random() < 0.4 else
                 G["template"](_p(c, texts=[t for t in CALL_NOTES if t]))),
          col("location", V(50), "choice", values=[None, "", "Room 3", "Customer site",
                                                   "Zoom", "Café Central", "HQ, 2nd floor"],
              nullable=True),
          col("password", V(50), lambda c: None if c.rng.random() < 0.8 else
              G["token"](c)[:8], nullable=True),
          col("join_url", V(200), lambda c: None if c.rng.random() < 0.7 else
              f"https://meet.example.com/j/{c.rng.randint(10 ** 9, 10 ** 10)}",
              nullable=True),
          col("host_url", V(400), lambda c: None if c.rng.random() < 0.8 else
              f"https://meet.example.com/s/{c.rng.randint(10 ** 9, 10 ** 10)}",
              nullable=True),
          col("displayed_url", V(400), lambda c: None if c.rng.random() < 0.8 else
              "https://meet.example.com/", nullable=True),
          col("creator", V(50), lambda c: None if c.rng.random() < 0.85 else
              c.person["username"], nullable=True),
          col("external_id", V(50), lambda c: None if c.rng.random() < 0.85 else
              str(c.rng.randint(10 ** 9, 10 ** 10)), nullable=True),
          col("duration_hours", sa.Integer, "choice", values=[0, 1, 1, 2], nullable=True),
          col("duration_minutes", sa.Integer, "choice", values=[0, 15, 30, 45],
              nullable=True),
          col("date_start", DT, "datetime", nullable=True),
          col("date_end", DT, "datetime", nullable=True),
          col("parent_type", V(100), pt_meet, nullable=True),
          col("status", V(100), "choice", values=["Planned", "Held", "Not Held"],
              nullable=True),
          col("type", V(255), "choice", values=["Sugar", "Sugar", "WebEx", "GoToMeeting"],
              nullable=True),
          col("parent_id", ID, pid_meet, nullable=True),
          col("reminder_time", sa.Integer, "choice", values=[-1, 60, 900], nullable=True),
          col("email_reminder_time", sa.Integer, "choice", values=[-1, 3600], nullable=True),
          col("email_reminder_sent", B(), _bool(0.1), nullable=True),
          col("outlook_id", V(255), lambda c: None, nullable=True),
          col("sequence", sa.Integer, "choice", values=[0, 0, 1, 2], nullable=True),
          col("repeat_type", V(36), "choice", values=[None, None, "Weekly"], nullable=True),
          col("repeat_interval", sa.Integer, "const", value=1, nullable=True),
          col("repeat_dow", V(7), lambda c: None if not c.row["repeat_type"] else "1",
              nullable=True),
          col("repeat_until", sa.Date, "date", null=0.9),
          col("repeat_count", sa.Integer, lambda c: None if not c.row["repeat_type"] else
              c.rng.randint(2, 10), nullable=True),
          col("repeat_parent_id", ID, _ref("meetings", 0.05), nullable=True),
          col("recurring_source", V(36), "choice", values=[None, None, "Google"],
              nullable=True),
          col("gsync_id", V(1024), lambda c: None if c.rng.random() < 0.85 else
              G["token"](c)[:26], nullable=True),
          col("gsync_lastsync", sa.Integer, lambda c: None if not c.row["gsync_id"] else
              c.rng.randint(1_600_000_000, 1_760_000_000), nullable=True))
    table(md, "notes", N["notes"],
          col("id", ID, _pk("notes"), pk=True),
          col("date_entered", DT, "datetime", nullable=True),
          col("date_modified", DT, "datetime", nullable=True),
          col("modified_user_id", ID, _user_ref(), nullable=True),
          col("created_by", ID, _user_ref(), nullable=True),
          col("name", V(255), "template", texts=NOTE_SUBJECTS, nullable=True),
          col("file_mime_type", V(100), _mime, nullable=True),
          col("filename", V(255), _filename, nullable=True),
          col("parent_type", V(255), pt_note, nullable=True),
          col("parent_id", ID, pid_note, nullable=True),
          col("contact_id", ID, _ref("contacts", 0.4), nullable=True),
          col("portal_flag", B(), _bool(0.05)),
          col("embed_flag", B(), _bool(0.02), nullable=True),
          col("description", T, lambda c: None if c.rng.random() < 0.3 else
              G["template"](_p(c, texts=PERSON_NOTES + CALL_NOTES[2:])), nullable=True),
          col("deleted", B(), _bool(0.03), nullable=True),
          col("assigned_user_id", ID, _user_ref(0.9), nullable=True))
    return md


def _p(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c
