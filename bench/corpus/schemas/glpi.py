"""GLPI (IT asset management and service desk, PHP, MySQL/MariaDB): a held-out schema
(issue #10), labelled before any scan and never tuned on. Tables of the installer dump
``install/mysql/glpi-empty.sql`` (a 10.x version): 16 of its tables (users and their
e-mails, groups, locations, tickets with their actors, tasks, approvals and satisfaction
surveys, suppliers and their tickets, monitors, phone lines, the history log, the event
log, mail collectors); all columns except in ``glpi_users`` (45 of its 97: identity,
contact, authentication, tokens, LDAP fields and dates; the display-preference columns
left out).

Types as the dump declares them (``int unsigned`` as integer, ``tinyint``, ``varchar(255)``,
``text``, ``longtext``, ``timestamp``, ``decimal``); unique keys kept where they fit the
generated values (``unicity`` of users, ticket actors, suppliers' tickets, e-mails, task
``uuid``). The dump declares no foreign key: every ``*_id`` and ``items_id`` is a value.

Values: logins (LDAP short names, some e-mails), bcrypt hashes, phones and mobiles, GLPI's
``realname`` (the family name) and ``firstname`` in many scripts, LDAP DNs, employee
numbers, objectGUID-style ``sync_field`` values, 40-character personal/API tokens,
password-forget tokens, ticket titles that name a person in ~10%, HTML ticket contents
with names, e-mails and phones, anonymous requesters' e-mails, task and approval comments,
monitors whose ``contact`` is the login the inventory agent saw, SIM lines with the caller
name and number, history rows whose values are "Firstname Lastname (id)", event messages
with logins and IP addresses, a helpdesk mailbox with an encrypted password.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import (
    SUPPORT_MESSAGES,
    _b64,
    _fill,
    _hex,
    _urlsafe,
    col,
    datetimes,
    longtext,
    new_person,
    table,
    tinyint,
)
from ..gen import with_params as _p

SOURCE = {"repo": "glpi-project/glpi", "path": "install/mysql/glpi-empty.sql",
          "commit": "0041a2e0b7624e723d3488ec51988c3203ead0f8"}
PERSON_TABLES = ("glpi_users",)

I = sa.Integer  # noqa: E741
TI = tinyint
V = sa.String(255)
T = sa.Text
TS = sa.DateTime
N_USERS = 120
N_TICKETS = 500
_ts = datetimes(2019, 2025)


def _login(c):  # type: ignore[no-untyped-def]
    c.row["_ldap"] = c.rng.random() < 0.55
    r = c.rng.random()
    if r < 0.15:
        return c.person["email"]
    if r < 0.2:
        return c.rng.choice(["glpi", "tech", "normal", "post-only", "glpi-system"]) + \
            str(c.index)
    return c.person["username"]


def _authtype(c):  # type: ignore[no-untyped-def]
    return 3 if c.row["_ldap"] else 1


def _user_dn(c):  # type: ignore[no-untyped-def]
    if not c.row["_ldap"]:
        return None
    p = c.person
    return f"CN={p['first']} {p['last']},OU={c.rng.choice(['Users', 'Staff', 'IT'])}," \
           f"DC=corp,DC=example"


def _user_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return None
    if r < 0.75:
        return f"Private mobile {G['phone'](c)}, call only in emergencies"
    return c.rng.choice(["Intern until June", "Works remotely on Fridays", "Left the company",
                         "Replacement laptop ordered", ""])


def _token40(null: float):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return None if c.rng.random() < null else _urlsafe(c.rng, 40)
    return gen


def _sync_field(c):  # type: ignore[no-untyped-def]
    if not c.row["_ldap"]:
        return None
    h = _hex(c.rng, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


TITLES = ["Printer on 2nd floor jams", "Cannot connect to VPN", "Outlook keeps asking for "
          "password", "Request: new laptop", "Screen flickers", "Access to shared drive",
          "Phone headset broken", "Software install: Visio", "Wi-Fi drops in meeting room B"]


def _ticket_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        p = new_person(c)
        return c.rng.choice([f"New hire {p['first']} {p['last']} - account and laptop",
                             f"Password reset for {p['first']} {p['last']}"])
    return c.rng.choice(TITLES)


def _ticket_content(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.45:
        return f"<p>{_fill(c.rng.choice(SUPPORT_MESSAGES[:5]), c)}</p>"
    return c.rng.choice(["<p>Since this morning the printer shows error 50.2.</p>",
                         "<p>VPN client says: authentication failed.</p>",
                         "<p>Please install the attached software.</p>",
                         "&lt;p&gt;Screen goes black every few minutes.&lt;/p&gt;"])


def _task_content(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.2:
        p = new_person(c)
        return f"<p>Called {p['first']} at {G['phone'](c)}, will come by at 2pm.</p>"
    return c.rng.choice(["<p>Replaced toner.</p>", "<p>Reinstalled VPN client.</p>",
                         "<p>Reset profile, issue solved.</p>", "<p>Ordered spare part.</p>"])


def _submission(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.25:
        p = new_person(c)
        return f"Please approve equipment for {p['first']} {p['last']} starting Monday"
    return c.rng.choice(["Please approve", "Budget line IT-2024", "", None])


def _satisfaction_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.6:
        return f"Thanks to {new_person(c)['first']} for the quick help!"
    return c.rng.choice(["Fast and friendly", "Took too long", "Problem came back",
                         "Very good", ""])


def _alt_email(c):  # type: ignore[no-untyped-def]
    return "" if c.row["users_id"] else c.person["email"]


def _ticket_user(c):  # type: ignore[no-untyped-def]
    return 0 if c.rng.random() < 0.25 else c.rng.randint(1, N_USERS)


def _log_value(c):  # type: ignore[no-untyped-def]
    opt = c.row["id_search_option"]
    if opt in (4, 5, 22):  # requester, technician, writer
        p = new_person(c)
        return f"{p['first']} {p['last']} ({c.rng.randint(2, N_USERS)})" \
            if c.rng.random() < 0.85 else ""
    if opt == 12:
        return c.rng.choice(["New", "Processing (assigned)", "Pending", "Solved", "Closed"])
    if opt == 3:
        return c.rng.choice(["Very low", "Low", "Medium", "High", "Very high"])
    return c.rng.choice(["", "Printer", "Laptop Dell 5430", "MON-0042", "&nbsp;"])


def _log_user(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.15:
        return c.rng.choice(["cron_mailgate", "Plugin_fusioninventory", "glpi (2)"])
    p = c.person
    return f"{p['first']} {p['last']} ({c.rng.randint(2, N_USERS)})"


def _event_message(c):  # type: ignore[no-untyped-def]
    p = c.person
    svc = c.row["service"]
    if svc == "login":
        return c.rng.choice([f"{p['username']} logs in from IP {G['ip'](c)}",
                             f"Failed login for {p['username']} from IP {G['ip'](c)}"])
    if svc == "tracking":
        return f"{p['username']} updates the item {c.row['items_id']}"
    return c.rng.choice(["Mail collector: 3 tickets imported", "cron: queuednotification run",
                         f"{p['username']} adds the item {c.row['items_id']}"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "glpi_users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("name", V, _login, nullable=True),
          col("password", V, lambda c: G["password_hash"](_p(c, style="bcrypt12")),
              null=0.3),
          col("password_last_update", TS, _ts, null=0.4),
          col("phone", V, "phone", null=0.3),
          col("phone2", V, "phone", null=0.85),
          col("mobile", V, "phone", null=0.5),
          col("realname", V, "last_name", nullable=True),
          col("firstname", V, "first_name", null=0.05),
          col("locations_id", I, ref="glpi_locations.id"),
          col("language", sa.CHAR(10), "choice", values=["en_GB", "fr_FR", "de_DE", "es_ES",
                                                          "pt_BR", None], nullable=True),
          col("use_mode", I, "const", value=0),
          col("list_limit", I, "choice", values=[None, 20, 50], nullable=True),
          col("is_active", TI(), "choice", values=[1, 1, 1, 0]),
          col("comment", T, _user_comment, nullable=True),
          col("auths_id", I, "const", value=0),
          col("authtype", I, _authtype),
          col("last_login", TS, _ts, null=0.2),
          col("date_mod", TS, _ts, nullable=True),
          col("date_sync", TS, lambda c: G["datetime"](c) if c.row["_ldap"] else None,
              nullable=True),
          col("is_deleted", TI(), "choice", values=[0] * 9 + [1]),
          col("profiles_id", I, "choice", values=[1, 2, 4, 6]),
          col("entities_id", I, "choice", values=[0, 0, 1, 2]),
          col("usertitles_id", I, "choice", values=[0, 0, 1, 2, 3]),
          col("usercategories_id", I, "choice", values=[0, 0, 1, 2]),
          col("password_forget_token", sa.CHAR(40), _token40(0.9), nullable=True),
          col("password_forget_token_date", TS, lambda c: G["datetime"](c)
              if c.row["password_forget_token"] else None, nullable=True),
          col("user_dn", T, _user_dn, nullable=True),
          col("registration_number", V, lambda c: f"E{c.rng.randint(10000, 99999)}"
              if c.rng.random() < 0.6 else None, nullable=True),
          col("personal_token", V, _token40(0.6), nullable=True),
          col("personal_token_date", TS, lambda c: G["datetime"](c)
              if c.row["personal_token"] else None, nullable=True),
          col("api_token", V, _token40(0.85), nullable=True),
          col("api_token_date", TS, lambda c: G["datetime"](c) if c.row["api_token"] else None,
              nullable=True),
          col("cookie_token", V, lambda c: G["password_hash"](_p(c, style="bcrypt12"))
              if c.rng.random() < 0.4 else None, nullable=True),
          col("cookie_token_date", TS, lambda c: G["datetime"](c) if c.row["cookie_token"]
              else None, nullable=True),
          col("is_deleted_ldap", TI(), "const", value=0),
          col("picture", V, lambda c: f"{_hex(c.rng, 2)}/{_hex(c.rng, 2)}"
              f"{_hex(c.rng, 38)}_{c.rng.randint(1000, 9999)}.jpg"
              if c.rng.random() < 0.3 else None, nullable=True),
          col("begin_date", TS, _ts, null=0.8),
          col("end_date", TS, _ts, null=0.9),
          col("date_creation", TS, _ts, nullable=True),
          col("sync_field", V, _sync_field, nullable=True),
          col("groups_id", I, ref="glpi_groups.id"),
          col("users_id_supervisor", I, lambda c: 0 if c.rng.random() < 0.6 else
              c.rng.randint(1, N_USERS)),
          col("timezone", sa.String(50), "timezone", null=0.7),
          col("nickname", V, lambda c: c.person["first"][:5] if c.rng.random() < 0.2
              else None, nullable=True),
          sa.UniqueConstraint("name", "authtype", "auths_id", name="unicityloginauth"))
    table(md, "glpi_useremails", 180,
          col("id", I, pk=True, auto=True),
          col("users_id", I, ref="glpi_users.id"),
          col("is_default", TI(), "choice", values=[1, 0]),
          col("is_dynamic", TI(), "choice", values=[0, 1]),
          col("email", V, "email", nullable=True),
          sa.UniqueConstraint("users_id", "email"))
    table(md, "glpi_groups", 8,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "const", value=0),
          col("is_recursive", TI(), "const", value=1),
          col("name", V, lambda c: ["IT Support", "Network", "Accounting", "HR", "Sales",
                                    "Management", "Level 2", "Suppliers"][c.index],
              nullable=True),
          col("comment", T, "choice", values=[None, "", "Helpdesk first level"],
              nullable=True),
          col("ldap_field", V, "choice", values=[None, "memberof"], nullable=True),
          col("ldap_value", T, lambda c: f"CN=GRP-{c.row['name'].upper().replace(' ', '-')},"
              f"OU=Groups,DC=corp,DC=example" if c.row["ldap_field"] else None,
              nullable=True),
          col("ldap_group_dn", T, "const", value=None, nullable=True),
          col("date_mod", TS, _ts, nullable=True),
          col("groups_id", I, "const", value=0),
          col("completename", T, lambda c: c.row["name"], nullable=True),
          col("level", I, "const", value=1),
          col("ancestors_cache", longtext(), "const", value="[]", nullable=True),
          col("sons_cache", longtext(), "const", value="[]", nullable=True),
          *[col(n, TI(), "choice", values=[1, 1, 0]) for n in (
              "is_requester", "is_watcher", "is_assign", "is_task", "is_notify",
              "is_itemgroup", "is_usergroup", "is_manager")],
          col("date_creation", TS, _ts, nullable=True))
    table(md, "glpi_locations", 10,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "const", value=0),
          col("is_recursive", TI(), "const", value=1),
          col("name", V, lambda c: ["HQ", "Building A", "Building B", "Warehouse",
                                    "Lyon office", "Remote", "Data center", "Room 101",
                                    "Room 204", "Reception"][c.index], nullable=True),
          col("locations_id", I, "const", value=0),
          col("completename", T, lambda c: c.row["name"], nullable=True),
          col("comment", T, "const", value=None, nullable=True),
          col("level", I, "const", value=1),
          col("ancestors_cache", longtext(), "const", value="[]", nullable=True),
          col("sons_cache", longtext(), "const", value="[]", nullable=True),
          col("address", T, lambda c: c.fake("fr_FR").street_address(), null=0.4),
          col("postcode", V, lambda c: c.fake("fr_FR").postcode(), null=0.4),
          col("town", V, "choice", values=["Paris", "Lyon", "Nantes", None], nullable=True),
          col("state", V, "const", value=None, nullable=True),
          col("country", V, "choice", values=["France", None], nullable=True),
          col("building", V, "choice", values=["A", "B", "", None], nullable=True),
          col("room", V, "choice", values=["101", "204", "Open space", None], nullable=True),
          col("latitude", V, lambda c: f"{c.rng.uniform(43, 49):.5f}", null=0.5),
          col("longitude", V, lambda c: f"{c.rng.uniform(-1, 5):.5f}", null=0.5),
          col("altitude", V, "const", value=None, nullable=True),
          col("date_mod", TS, _ts, nullable=True),
          col("date_creation", TS, _ts, nullable=True))
    table(md, "glpi_tickets", N_TICKETS,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "choice", values=[0, 1, 2]),
          col("name", V, _ticket_name, nullable=True),
          col("date", TS, _ts, nullable=True),
          col("closedate", TS, _ts, null=0.5),
          col("solvedate", TS, _ts, null=0.4),
          col("takeintoaccountdate", TS, _ts, null=0.2),
          col("date_mod", TS, _ts, nullable=True),
          col("users_id_lastupdater", I, ref="glpi_users.id"),
          col("status", I, "choice", values=[1, 2, 3, 4, 5, 6]),
          col("users_id_recipient", I, ref="glpi_users.id"),
          col("requesttypes_id", I, "choice", values=[1, 2, 3, 4]),
          col("content", longtext(), _ticket_content, nullable=True),
          col("urgency", I, "choice", values=[1, 2, 3, 4, 5]),
          col("impact", I, "choice", values=[1, 2, 3, 4, 5]),
          col("priority", I, "choice", values=[1, 2, 3, 4, 5, 6]),
          col("itilcategories_id", I, "int", lo=0, hi=20),
          col("type", I, "choice", values=[1, 2]),
          col("global_validation", I, "choice", values=[1, 1, 2, 3]),
          *[col(n, I, "choice", values=[0, 0, 1, 2]) for n in (
              "slas_id_ttr", "slas_id_tto", "slalevels_id_ttr")],
          col("time_to_resolve", TS, _ts, null=0.6),
          col("time_to_own", TS, _ts, null=0.6),
          col("begin_waiting_date", TS, _ts, null=0.9),
          col("sla_waiting_duration", I, "int", lo=0, hi=86400),
          col("ola_waiting_duration", I, "int", lo=0, hi=3600),
          *[col(n, I, "choice", values=[0, 0, 1]) for n in (
              "olas_id_tto", "olas_id_ttr", "olalevels_id_ttr")],
          col("ola_ttr_begin_date", TS, _ts, null=0.9),
          col("internal_time_to_resolve", TS, _ts, null=0.9),
          col("internal_time_to_own", TS, _ts, null=0.9),
          *[col(n, I, "int", lo=0, hi=400000) for n in (
              "waiting_duration", "close_delay_stat", "solve_delay_stat",
              "takeintoaccount_delay_stat", "actiontime")],
          col("is_deleted", TI(), "choice", values=[0] * 19 + [1]),
          col("locations_id", I, ref="glpi_locations.id"),
          col("validation_percent", I, "choice", values=[0, 0, 50, 100]),
          col("date_creation", TS, _ts, nullable=True))
    table(md, "glpi_tickets_users", 900,
          col("id", I, pk=True, auto=True),
          col("tickets_id", I, ref="glpi_tickets.id"),
          col("users_id", I, _ticket_user),
          col("type", I, "choice", values=[1, 1, 2, 3]),
          col("use_notification", TI(), "choice", values=[1, 1, 0]),
          col("alternative_email", V, _alt_email, nullable=True),
          sa.UniqueConstraint("tickets_id", "type", "users_id", "alternative_email"))
    table(md, "glpi_tickettasks", 600,
          col("id", I, pk=True, auto=True),
          col("uuid", V, "uuid_str", unique=True, nullable=True),
          col("tickets_id", I, ref="glpi_tickets.id"),
          col("taskcategories_id", I, "int", lo=0, hi=6),
          col("date", TS, _ts, nullable=True),
          col("users_id", I, ref="glpi_users.id"),
          col("users_id_editor", I, lambda c: 0 if c.rng.random() < 0.7 else
              c.rng.randint(1, N_USERS)),
          col("content", longtext(), _task_content, nullable=True),
          col("is_private", TI(), "choice", values=[0, 0, 1]),
          col("actiontime", I, "choice", values=[0, 900, 1800, 3600]),
          col("begin", TS, _ts, null=0.6),
          col("end", TS, _ts, null=0.6),
          col("state", I, "choice", values=[0, 1, 2]),
          col("users_id_tech", I, ref="glpi_users.id"),
          col("groups_id_tech", I, "choice", values=[0, 0, 1, 2]),
          col("date_mod", TS, _ts, nullable=True),
          col("date_creation", TS, _ts, nullable=True),
          col("tasktemplates_id", I, "choice", values=[0, 0, 0, 1]),
          col("timeline_position", TI(), "choice", values=[1, 4]),
          col("sourceitems_id", I, "const", value=0),
          col("sourceof_items_id", I, "const", value=0))
    table(md, "glpi_ticketvalidations", 120,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "choice", values=[0, 1]),
          col("users_id", I, ref="glpi_users.id"),
          col("tickets_id", I, ref="glpi_tickets.id"),
          col("users_id_validate", I, ref="glpi_users.id"),
          col("comment_submission", T, _submission, nullable=True),
          col("comment_validation", T, "choice", values=["OK", "Approved", "", None,
                                                         "Not in budget"], nullable=True),
          col("status", I, "choice", values=[2, 3, 4]),
          col("submission_date", TS, _ts, nullable=True),
          col("validation_date", TS, _ts, null=0.3),
          col("timeline_position", TI(), "choice", values=[1, 4]))
    table(md, "glpi_ticketsatisfactions", 200,
          col("id", I, pk=True, auto=True),
          col("tickets_id", I, ref="glpi_tickets.id", unique=True),
          col("type", I, "choice", values=[1, 2]),
          col("date_begin", TS, _ts, nullable=True),
          col("date_answered", TS, _ts, null=0.4),
          col("satisfaction", I, "choice", values=[None, 1, 3, 4, 5, 5], nullable=True),
          col("comment", T, _satisfaction_comment, nullable=True))
    table(md, "glpi_suppliers", 12,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "const", value=0),
          col("is_recursive", TI(), "const", value=1),
          col("name", V, "company", nullable=True),
          col("suppliertypes_id", I, "choice", values=[0, 1, 2]),
          col("registration_number", V, lambda c: f"FR{c.rng.randint(10**10, 10**11 - 1)}",
              null=0.4),
          col("address", T, lambda c: c.fake("fr_FR").street_address(), null=0.2),
          col("postcode", V, lambda c: c.fake("fr_FR").postcode(), null=0.2),
          col("town", V, lambda c: c.fake("fr_FR").city(), null=0.2),
          col("state", V, "const", value=None, nullable=True),
          col("country", V, "choice", values=["France", "Germany", None], nullable=True),
          col("website", V, lambda c: f"https://www.{c.fake('fr_FR').domain_name()}",
              null=0.3),
          col("phonenumber", V, lambda c: c.fake("fr_FR").phone_number(), null=0.2),
          col("comment", T, "choice", values=[None, "Contract renewed yearly",
                                              "Hardware reseller"], nullable=True),
          col("is_deleted", TI(), "const", value=0),
          col("fax", V, lambda c: c.fake("fr_FR").phone_number(), null=0.7),
          col("email", V, lambda c: f"{c.rng.choice(['contact', 'support', 'ventes'])}@"
              f"{c.fake('fr_FR').domain_name()}", null=0.2),
          col("date_mod", TS, _ts, nullable=True),
          col("date_creation", TS, _ts, nullable=True),
          col("is_active", TI(), "choice", values=[1, 1, 0]),
          col("pictures", T, "const", value=None, nullable=True))
    table(md, "glpi_suppliers_tickets", 60,
          col("id", I, pk=True, auto=True),
          col("tickets_id", I, ref="glpi_tickets.id"),
          col("suppliers_id", I, ref="glpi_suppliers.id"),
          col("type", I, "const", value=2),
          col("use_notification", TI(), "choice", values=[0, 1]),
          col("alternative_email", V, lambda c: c.rng.choice(
              ["", "", f"support@{c.fake('fr_FR').domain_name()}"]), nullable=True),
          sa.UniqueConstraint("tickets_id", "type", "suppliers_id"))
    table(md, "glpi_monitors", 150,
          col("id", I, pk=True, auto=True),
          col("entities_id", I, "choice", values=[0, 1, 2]),
          col("name", V, lambda c: f"MON-{c.index + 1:04d}", nullable=True),
          col("date_mod", TS, _ts, nullable=True),
          col("contact", V, lambda c: c.rng.choice(
              [c.person["username"], f"CORP\\{c.person['username']}", None, ""]),
              nullable=True),
          col("contact_num", V, lambda c: c.rng.choice(
              [None, None, str(c.rng.randint(1000, 4999)), G["phone"](c)]), nullable=True),
          col("users_id_tech", I, lambda c: 0 if c.rng.random() < 0.5 else
              c.rng.randint(1, N_USERS)),
          col("groups_id_tech", I, "choice", values=[0, 1, 2]),
          col("comment", T, "choice", values=[None, "", "Dead pixel bottom left"],
              nullable=True),
          col("serial", V, lambda c: f"CN-{_hex(c.rng, 10).upper()}", nullable=True),
          col("otherserial", V, lambda c: f"INV-{c.rng.randint(10000, 99999)}",
              nullable=True),
          col("size", sa.Numeric(5, 2), "choice", values=[22, 24, 27, 34]),
          *[col(n, TI(), "choice", values=[0, 1]) for n in (
              "have_micro", "have_speaker", "have_subd", "have_bnc", "have_dvi", "have_pivot",
              "have_hdmi", "have_displayport")],
          col("locations_id", I, ref="glpi_locations.id"),
          col("monitortypes_id", I, "choice", values=[0, 1, 2]),
          col("monitormodels_id", I, "choice", values=[0, 1, 2, 3]),
          col("manufacturers_id", I, "choice", values=[0, 1, 2, 3]),
          col("is_global", TI(), "const", value=0),
          col("is_deleted", TI(), "choice", values=[0] * 9 + [1]),
          col("is_template", TI(), "const", value=0),
          col("template_name", V, "const", value=None, nullable=True),
          col("users_id", I, lambda c: 0 if c.rng.random() < 0.2 else
              c.rng.randint(1, N_USERS)),
          col("groups_id", I, "choice", values=[0, 0, 3, 4]),
          col("states_id", I, "choice", values=[0, 1, 2]),
          col("ticket_tco", sa.Numeric(20, 4), "money", lo=0, hi=300, nullable=True),
          col("is_dynamic", TI(), "choice", values=[0, 1]),
          col("autoupdatesystems_id", I, "choice", values=[0, 1]),
          col("uuid", V, "uuid_str", null=0.5),
          col("date_creation", TS, _ts, nullable=True),
          col("is_recursive", TI(), "const", value=0))
    table(md, "glpi_lines", 60,
          col("id", I, pk=True, auto=True),
          col("name", V, lambda c: f"Line {c.index + 1:03d}"),
          col("entities_id", I, "const", value=0),
          col("is_recursive", TI(), "const", value=0),
          col("is_deleted", TI(), "const", value=0),
          col("caller_num", V, lambda c: G["phone"](c) if c.rng.random() < 0.9 else ""),
          col("caller_name", V, lambda c: c.rng.choice(
              [G["full_name"](c), G["full_name"](c), "Reception", "On-call IT", ""])),
          col("users_id", I, lambda c: 0 if c.rng.random() < 0.2 else c.rng.randint(1, N_USERS)),
          col("groups_id", I, "choice", values=[0, 0, 1]),
          col("lineoperators_id", I, "choice", values=[1, 2, 3]),
          col("locations_id", I, "choice", values=[0, 1, 2]),
          col("states_id", I, "choice", values=[0, 1]),
          col("linetypes_id", I, "choice", values=[1, 2]),
          col("date_creation", TS, _ts, nullable=True),
          col("date_mod", TS, _ts, nullable=True),
          col("comment", T, "choice", values=[None, "", "Data plan 20 GB"], nullable=True))
    table(md, "glpi_logs", 1500,
          col("id", I, pk=True, auto=True),
          col("itemtype", sa.String(100), "choice", values=["Ticket", "Ticket", "User",
                                                            "Monitor", "Computer"]),
          col("items_id", I, "int", lo=1, hi=500),
          col("itemtype_link", sa.String(100), "choice", values=["", "", "User", "Group"]),
          col("linked_action", I, "choice", values=[0, 0, 15, 16, 17, 20]),
          col("user_name", V, _log_user, nullable=True),
          col("date_mod", TS, _ts, nullable=True),
          col("id_search_option", I, "choice", values=[0, 3, 4, 5, 12, 12, 22, 1]),
          col("old_value", V, _log_value, nullable=True),
          col("new_value", V, _log_value, nullable=True))
    table(md, "glpi_events", 600,
          col("id", I, pk=True, auto=True),
          col("items_id", I, "int", lo=0, hi=500),
          col("type", V, "choice", values=["system", "ticket", "users", "computers"],
              nullable=True),
          col("date", TS, _ts, nullable=True),
          col("service", V, "choice", values=["login", "login", "tracking", "inventory",
                                              "setup"], nullable=True),
          col("level", I, "choice", values=[2, 3, 4, 5]),
          col("message", T, _event_message, nullable=True))
    table(md, "glpi_mailcollectors", 2,
          col("id", I, pk=True, auto=True),
          col("name", V, lambda c: ["helpdesk@corp.example", "it-requests@corp.example"][
              c.index], nullable=True),
          col("host", V, lambda c: "{imap.corp.example:993/imap/ssl/novalidate-cert}",
              nullable=True),
          col("login", V, lambda c: c.row["name"], nullable=True),
          col("filesize_max", I, "const", value=2097152),
          col("is_active", TI(), "const", value=1),
          col("date_mod", TS, _ts, nullable=True),
          col("comment", T, "const", value=None, nullable=True),
          col("passwd", V, lambda c: _b64(c.rng, 48), nullable=True),
          col("accepted", V, "choice", values=["INBOX.done", None], nullable=True),
          col("refused", V, "choice", values=["INBOX.refused", None], nullable=True),
          col("errors", I, "const", value=0),
          col("use_mail_date", TI(), "const", value=0),
          col("date_creation", TS, _ts, nullable=True),
          col("requester_field", I, "const", value=0),
          col("add_cc_to_observer", TI(), "choice", values=[0, 1]),
          col("collect_only_unread", TI(), "const", value=0))
    return md
