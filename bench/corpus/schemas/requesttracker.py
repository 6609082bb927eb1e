"""Request Tracker (RT, a ticketing system, Perl, PostgreSQL/MySQL/Oracle/SQLite): a held-out
schema (issue #10), labelled before any scan and never tuned on. Tables of
``etc/schema.Pg`` (RT 6 era): 14 of its tables, all their columns (principals, users,
groups and their members, queues, tickets, transactions, attachments, custom field
values, attributes, web sessions, auth tokens, assets, links). Table and column names
as the file writes them (``Users``, ``EmailAddress``; unquoted there, so PostgreSQL folds
them to lower case, while the MySQL schema keeps the case; kept as written here).

Types as the file declares them (``integer``/``bigint`` keys with sequences,
``varchar(n)``, ``text``, ``bytea`` for ``sessions.a_session``, ``TIMESTAMP``). No foreign
key is declared: ``Creator``, ``LastUpdatedBy``, ``Owner``, ``MemberId``... are values.
A user's ``id`` is its ``Principals`` id (users 1..150, groups 151..180 here); the
unique ``LOWER(Name)`` index is kept as a unique ``Name``.

Values: users whose ``Name`` is a login or, for requesters who wrote in by mail, their
e-mail address; RT's ``!bcrypt!`` and ``!sha512!`` password strings (empty for
unprivileged requesters), 16-character auth tokens, signatures and free-form contact
info with phones and addresses, home/work/mobile/pager phones, postal addresses,
base64 JPEG portraits for a few, S/MIME certificates (PEM) for a few; ticket subjects
that name a person in ~10%; transactions whose old and new values are user ids,
statuses or (for user records) the changed e-mail or real name; attachments with full
mail headers (From, To, Received with IPs) and bodies; custom field values (customer
phone, employee number); base64 Storable attributes; Storable session blobs carrying the
login; bcrypt-hashed auth tokens; assets named after their holder in ~15%.
"""

from __future__ import annotations

import base64

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import (
    SUPPORT_MESSAGES,
    _b64,
    _fill,
    _hex,
    _urlsafe,
    blob,
    col,
    datetimes,
    new_person,
    table,
)
from ..gen import with_params as _p

SOURCE = {"repo": "bestpractical/rt", "path": "etc/schema.Pg",
          "commit": "72106ba9935f3a2bab3d55572066cbfbbdc7f9ab"}
PERSON_TABLES = ("Users", "Principals")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
T = sa.Text
TS = sa.DateTime
N_USERS = 150
N_GROUPS = 30
N_TICKETS = 400
N_TRANS = 1400
_ts = datetimes(2015, 2025)


def V(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


def _user(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_USERS)


def _principal_type(c):  # type: ignore[no-untyped-def]
    return "User" if c.index < N_USERS else "Group"


def _name(c):  # type: ignore[no-untyped-def]
    c.row["_privileged"] = c.rng.random() < 0.3
    if c.index == 0:
        return "RT_System"
    if c.index == 5:
        return "Nobody"
    return c.person["username"] if c.row["_privileged"] else c.person["email"]


def _password(c):  # type: ignore[no-untyped-def]
    if not c.row["_privileged"]:
        return None if c.rng.random() < 0.7 else "*NO-PASSWORD*"
    if c.rng.random() < 0.7:
        return "!bcrypt!12!" + G["password_hash"](_p(c, style="bcrypt12"))[7:]
    return f"!sha512!{_hex(c.rng, 16)}!{_b64(c.rng, 64)}"


def _signature(c):  # type: ignore[no-untyped-def]
    if not c.row["_privileged"] or c.rng.random() < 0.4:
        return None
    p = c.person
    return f"-- \n{p['first']} {p['last']}\nIT Service Desk\nTel. {G['phone'](c)}"


def _freeform(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return None
    if r < 0.85:
        return f"Home: {G['street'](c)}, {G['city'](c)}\nCell: {G['phone'](c)}"
    return c.rng.choice(["Prefers e-mail", "Out of office in August", ""])


def _comments(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.75:
        return None
    if r < 0.85:
        return f"VIP customer, call {G['phone'](c)} before closing tickets"
    return c.rng.choice(["Autocreated on ticket submission", "Spammer?", ""])


def _gecos(c):  # type: ignore[no-untyped-def]
    return c.person["username"][:16] if c.row["_privileged"] and c.rng.random() < 0.6 \
        else None


def _image(c):  # type: ignore[no-untyped-def]
    if not c.row["ImageContentType"]:
        return None
    return base64.b64encode(G["image"](c)).decode()


def _smime(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.95:
        return None
    body = _b64(c.rng, 600)
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN CERTIFICATE-----\n{lines}\n-----END CERTIFICATE-----\n"


SUBJECTS = ["Printer not working", "VPN access request", "Invoice question",
            "Password reset", "Laptop very slow", "[SPAM] You won!", "Re: Order 4411",
            "New employee onboarding", "Cannot open attachment", "Wi-Fi in room 3"]


def _subject(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.1:
        p = new_person(c)
        return c.rng.choice([f"Onboarding {p['first']} {p['last']}",
                             f"Message from {p['first']} {p['last']} <{p['email']}>"])
    return c.rng.choice(SUBJECTS)


def _trans_type(c):  # type: ignore[no-untyped-def]
    ot = c.row["ObjectType"]
    if ot == "RT::User":
        return "Set"
    return c.rng.choice(["Create", "Correspond", "Correspond", "Comment", "Status", "Give",
                         "AddWatcher", "EmailRecord", "Set"])


def _trans_field(c):  # type: ignore[no-untyped-def]
    t, ot = c.row["Type"], c.row["ObjectType"]
    if ot == "RT::User":
        return c.rng.choice(["EmailAddress", "RealName", "Disabled", "Lang"])
    return {"Status": "Status", "Give": "Owner", "AddWatcher": "Requestor",
            "Set": c.rng.choice(["Priority", "Queue", "Subject"])}.get(t)


def _trans_value(c):  # type: ignore[no-untyped-def]
    f = c.row["Field"]
    if f == "Status":
        return c.rng.choice(["new", "open", "stalled", "resolved", "rejected"])
    if f in ("Owner", "Requestor"):
        return str(_user(c))
    if f == "Priority":
        return str(c.rng.choice([0, 10, 50, 90]))
    if f == "Queue":
        return str(c.rng.randint(1, 5))
    if f == "Subject":
        return c.rng.choice(SUBJECTS)
    if f == "EmailAddress":
        return new_person(c)["email"]
    if f == "RealName":
        return G["full_name"](_p(c))
    if f == "Disabled":
        return c.rng.choice(["0", "1"])
    if f == "Lang":
        return c.rng.choice(["en", "de", "fr", ""])
    return None


def _trans_data(c):  # type: ignore[no-untyped-def]
    t = c.row["Type"]
    if t in ("Create", "Correspond", "Comment"):
        return _subject(c)
    if t == "EmailRecord":
        return f"<rt-5.0.5-{c.rng.randint(1000, 99999)}-{c.rng.randint(1600000000, 1760000000)}" \
               f"-{c.rng.randint(1, 999)}.{c.rng.randint(1, 9)}-{c.rng.randint(1, 9)}-0@" \
               f"rt.example.com>"
    return None


def _message_id(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    host = c.rng.choice(["mail.gmail.com", "outlook.com", "rt.example.com"])
    return f"<{_urlsafe(c.rng, 24)}@{host}>"


def _headers(c):  # type: ignore[no-untyped-def]
    p = c.person
    ip = G["ip"](c)
    return (f"Received: from [{ip}] by mx.example.com with ESMTPS; "
            f"Tue, 2 Apr 2024 10:{c.rng.randint(10, 59)}:00 +0200\n"
            f"From: \"{p['first']} {p['last']}\" <{p['email']}>\n"
            f"To: support@example.com\nSubject: {c.row['Subject'] or ''}\n"
            f"Content-Type: text/plain; charset=\"utf-8\"\nX-RT-Interface: Email\n")


def _att_content(c):  # type: ignore[no-untyped-def]
    if c.row["ContentType"] != "text/plain":
        return base64.b64encode(G["image"](c)).decode()
    return _fill(c.rng.choice(SUPPORT_MESSAGES), c)


def _cf(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([1, 2, 3])


def _cf_object_type(c):  # type: ignore[no-untyped-def]
    return "RT::User" if c.row["CustomField"] == 3 else "RT::Ticket"


def _cf_object_id(c):  # type: ignore[no-untyped-def]
    return _user(c) if c.row["CustomField"] == 3 else c.rng.randint(1, N_TICKETS)


def _cf_content(c):  # type: ignore[no-untyped-def]
    f = c.row["CustomField"]
    if f == 1:
        return G["phone"](c)
    if f == 3:
        return f"EMP-{c.rng.randint(10000, 99999)}"
    return c.rng.choice(["Low", "Medium", "High", "Critical"])


def _attr_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Pref-RT::System-1", "SavedSearch", "RecentlyViewedTickets",
                         "Bookmarks", "UserDefinedSettings", "Dashboard"])


def _storable(c):  # type: ignore[no-untyped-def]
    raw = b"pst0\x04\x0b\x03\x00\x00\x00" + bytes(c.rng.getrandbits(8) for _ in range(60))
    return base64.b64encode(raw).decode()


def _session(c):  # type: ignore[no-untyped-def]
    login = c.person["username"].encode()
    return (b"\x04\x0b\x03\x00\x00\x00\x03\x04\x11\x10RT::CurrentUser\x03\x00\x00\x00\x02"
            + bytes([len(login)]) + login + bytes(c.rng.getrandbits(8) for _ in range(40)))


def _asset_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.15:
        return f"{c.person['first']}'s {c.rng.choice(['laptop', 'iPhone', 'monitor'])}"
    return f"{c.rng.choice(['LAPTOP', 'PHONE', 'DESK'])}-{c.rng.randint(1, 9999):04d}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "Attachments", 900,
          col("id", BI, pk=True, auto=True),
          col("TransactionId", BI, ref="Transactions.id"),
          col("Parent", BI, lambda c: 0 if c.rng.random() < 0.8 else c.rng.randint(1, c.index
                                                                                      or 1)),
          col("MessageId", V(160), _message_id, nullable=True),
          col("Subject", V(255), _subject, nullable=True),
          col("Filename", V(255), lambda c: c.rng.choice(
              [None, None, None, "screenshot.png", "error.log", "image001.jpg"]),
              nullable=True),
          col("ContentType", V(80), "choice", values=["text/plain", "text/plain",
                                                      "multipart/mixed", "image/png"],
              nullable=True),
          col("ContentEncoding", V(80), lambda c: "base64" if c.row["ContentType"] ==
              "image/png" else "none", nullable=True),
          col("Content", T, lambda c: None if c.row["ContentType"] == "multipart/mixed"
              else _att_content(c), nullable=True),
          col("Headers", T, _headers, nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True))
    table(md, "Queues", 5,
          col("id", I, pk=True, auto=True),
          col("Name", V(200), lambda c: ["General", "Support", "Billing", "IT", "Sales"][
              c.index], unique=True),
          col("Description", V(255), "choice", values=["", "The default queue",
                                                       "Customer support"], nullable=True),
          col("CorrespondAddress", V(120), lambda c: ["", "support@example.com",
                                                      "billing@example.com",
                                                      "it@example.com", ""][c.index],
              nullable=True),
          col("CommentAddress", V(120), lambda c: ["", "support-comment@example.com", "", "",
                                                   ""][c.index], nullable=True),
          col("Lifecycle", V(32), "choice", values=["default", "default", "approvals"],
              nullable=True),
          col("SubjectTag", V(120), "choice", values=[None, "ACME Support"], nullable=True),
          col("SortOrder", I, "seq"),
          col("Creator", I, "const", value=1),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, "const", value=1),
          col("LastUpdated", TS, _ts, nullable=True),
          col("SLADisabled", I, "const", value=1),
          col("Disabled", I, "const", value=0))
    table(md, "Links", 120,
          col("id", I, pk=True, auto=True),
          col("Base", V(240), lambda c: f"fsck.com-rt://example.com/ticket/"
              f"{c.rng.randint(1, N_TICKETS)}", nullable=True),
          col("Target", V(240), lambda c: c.rng.choice(
              [f"fsck.com-rt://example.com/ticket/{c.rng.randint(1, N_TICKETS)}",
               "https://wiki.example.com/kb/VPN"]), nullable=True),
          col("Type", V(20), "choice", values=["RefersTo", "DependsOn", "MemberOf"]),
          col("LocalTarget", I, "int", lo=0, hi=N_TICKETS),
          col("LocalBase", I, "int", lo=1, hi=N_TICKETS),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True))
    table(md, "Principals", N_USERS + N_GROUPS,
          col("id", I, "seq", pk=True),
          col("PrincipalType", V(16), _principal_type),
          col("Disabled", I, "choice", values=[0, 0, 0, 0, 1]))
    table(md, "Groups", N_GROUPS,
          col("id", I, lambda c: N_USERS + 1 + c.index, pk=True),
          col("Name", V(200), lambda c: c.rng.choice(
              ["Staff", "Support L2", "Managers", "Privileged", "Everyone", "AdminCc",
               "Requestor", "Owner", "Cc"]), nullable=True),
          col("Description", V(255), "choice", values=["", None, "Pseudogroup for internal use",
                                                       "Second level support"],
              nullable=True),
          col("Domain", V(64), "choice", values=["UserDefined", "SystemInternal",
                                                 "RT::Queue-Role", "RT::Ticket-Role"],
              nullable=True),
          col("Instance", I, "int", lo=0, hi=N_TICKETS, nullable=True),
          col("Creator", I, "const", value=1),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, "const", value=1),
          col("LastUpdated", TS, _ts, nullable=True))
    table(md, "Transactions", N_TRANS,
          col("id", BI, pk=True, auto=True),
          col("ObjectType", V(255), "choice", values=["RT::Ticket"] * 7 + ["RT::User"] * 2
              + ["RT::Group"]),
          col("ObjectId", I, lambda c: _user(c) if c.row["ObjectType"] == "RT::User" else
              c.rng.randint(1, N_TICKETS)),
          col("TimeTaken", I, "choice", values=[0, 0, 0, 15, 30]),
          col("TimeWorker", I, lambda c: 0 if c.row["TimeTaken"] == 0 else _user(c)),
          col("TimeWorkedDate", sa.Date, lambda c: None if c.row["TimeTaken"] == 0 else
              G["date"](c), nullable=True),
          col("Type", V(20), _trans_type, nullable=True),
          col("Field", V(255), _trans_field, nullable=True),
          col("OldValue", V(255), lambda c: _trans_value(c) if c.row["Type"] != "AddWatcher"
              else None, nullable=True),
          col("NewValue", V(255), _trans_value, nullable=True),
          col("ReferenceType", V(255), "choice", values=[None] * 9 +
              ["RT::ObjectCustomFieldValue"], nullable=True),
          col("OldReference", I, lambda c: c.rng.randint(1, 300) if c.row["ReferenceType"]
              else None, nullable=True),
          col("NewReference", I, lambda c: c.rng.randint(1, 300) if c.row["ReferenceType"]
              else None, nullable=True),
          col("Data", V(255), _trans_data, nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True))
    table(md, "GroupMembers", 200,
          col("id", I, pk=True, auto=True),
          col("GroupId", I, ref="Groups.id"),
          col("MemberId", I, ref="Users.id"),
          col("Creator", I, "const", value=1),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, "const", value=1),
          col("LastUpdated", TS, _ts, nullable=True),
          sa.UniqueConstraint("GroupId", "MemberId", name="GroupMembers1"))
    table(md, "Users", N_USERS,
          col("id", I, "seq", ref="Principals.id", pk=True),
          col("Name", V(200), _name, unique=True),
          col("Password", V(256), _password, nullable=True),
          col("AuthToken", V(16), lambda c: _urlsafe(c.rng, 16) if c.row["_privileged"]
              else None, nullable=True),
          col("Comments", T, _comments, nullable=True),
          col("Signature", T, _signature, nullable=True),
          col("EmailAddress", V(120), lambda c: c.person["email"] if c.rng.random() < 0.95
              else None, nullable=True),
          col("FreeformContactInfo", T, _freeform, nullable=True),
          col("Organization", V(200), lambda c: G["company"](c) if c.rng.random() < 0.4
              else None, nullable=True),
          col("RealName", V(120), lambda c: G["full_name"](c) if c.rng.random() < 0.8
              else None, nullable=True),
          col("NickName", V(16), lambda c: c.person["first"][:16] if c.rng.random() < 0.15
              else None, nullable=True),
          col("Lang", V(16), "choice", values=[None, None, "en", "de", "fr", "ja"],
              nullable=True),
          col("Gecos", V(16), _gecos, nullable=True),
          col("HomePhone", V(30), "phone", null=0.85),
          col("WorkPhone", V(30), "phone", null=0.5),
          col("MobilePhone", V(30), "phone", null=0.6),
          col("PagerPhone", V(30), "phone", null=0.97),
          col("Address1", V(200), "street", null=0.7),
          col("Address2", V(200), "choice", values=["Apt 3", "Building C", ""], null=0.9),
          col("City", V(100), "city", null=0.7),
          col("State", V(100), "state", null=0.75),
          col("Zip", V(16), "postcode", null=0.7),
          col("Country", V(50), "country", null=0.7),
          col("Timezone", V(50), "timezone", null=0.7),
          col("SMIMECertificate", T, _smime, nullable=True),
          col("ImageContentType", V(80), lambda c: "image/jpeg" if c.rng.random() < 0.1
              else None, nullable=True),
          col("Image", T, _image, nullable=True),
          col("Creator", I, "const", value=1),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, lambda c: c.rng.choice([1, 1, c.index + 1])),
          col("LastUpdated", TS, _ts, nullable=True))
    table(md, "Tickets", N_TICKETS,
          col("id", I, pk=True, auto=True),
          col("EffectiveId", I, lambda c: c.index + 1 if c.rng.random() < 0.97 else
              c.rng.randint(1, c.index + 1)),
          col("IsMerged", sa.SmallInteger, "const", value=None, nullable=True),
          col("Queue", I, ref="Queues.id"),
          col("Type", V(16), "choice", values=["ticket", "ticket", "ticket", "approval"],
              nullable=True),
          col("Owner", I, lambda c: 6 if c.rng.random() < 0.3 else _user(c)),
          col("Subject", V(200), _subject, nullable=True),
          col("Description", T, lambda c: None if c.rng.random() < 0.85 else c.rng.choice(
              ["Recurring issue, see linked tickets", "Needs vendor escalation"]),
              nullable=True),
          col("InitialPriority", I, "choice", values=[0, 0, 50]),
          col("FinalPriority", I, "choice", values=[0, 90]),
          col("Priority", I, "choice", values=[0, 10, 50, 90]),
          col("TimeEstimated", I, "choice", values=[0, 0, 60]),
          col("TimeWorked", I, "int", lo=0, hi=600),
          col("Status", V(64), "choice", values=["new", "open", "stalled", "resolved",
                                                 "rejected", "deleted"], nullable=True),
          col("SLA", V(64), "choice", values=[None, None, "4h", "2 business days"],
              nullable=True),
          col("TimeLeft", I, "const", value=0),
          col("Told", TS, _ts, null=0.4),
          col("Starts", TS, _ts, null=0.7),
          col("Started", TS, _ts, null=0.3),
          col("Due", TS, _ts, null=0.8),
          col("Resolved", TS, _ts, null=0.5),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True))
    table(md, "ObjectCustomFieldValues", 400,
          col("id", I, pk=True, auto=True),
          col("CustomField", I, _cf),
          col("ObjectType", V(255), _cf_object_type, nullable=True),
          col("ObjectId", BI, _cf_object_id),
          col("SortOrder", I, "const", value=0),
          col("Content", V(255), _cf_content, nullable=True),
          col("LargeContent", T, "const", value=None, nullable=True),
          col("ContentType", V(80), "choice", values=["text/plain", None], nullable=True),
          col("ContentEncoding", V(80), "choice", values=["none", None], nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True),
          col("Disabled", I, "choice", values=[0, 0, 0, 1]))
    table(md, "Attributes", 250,
          col("id", I, pk=True, auto=True),
          col("Name", V(255), _attr_name),
          col("Description", V(255), "choice", values=["", None, "My tickets",
                                                       "Open in Support"], nullable=True),
          col("Content", T, _storable, nullable=True),
          col("ContentType", V(16), "const", value="storable", nullable=True),
          col("ObjectType", V(64), "choice", values=["RT::User"] * 9 + ["RT::System"],
              nullable=True),
          col("ObjectId", I, lambda c: 1 if c.row["ObjectType"] == "RT::System" else
              _user(c), nullable=True),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True))
    table(md, "sessions", 200,
          col("id", sa.CHAR(32), lambda c: _hex(c.rng, 32), pk=True),
          col("a_session", blob("long"), _session, nullable=True),
          col("LastUpdated", TS, _ts))
    table(md, "AuthTokens", 40,
          col("id", I, pk=True, auto=True),
          col("Owner", I, ref="Users.id"),
          col("Token", V(256), lambda c: "!bcrypt!10!" +
              G["password_hash"](_p(c, style="bcrypt"))[7:], nullable=True),
          col("Description", V(255), "choice", values=["CLI", "rt-mailgate", "Zapier",
                                                       "Grafana", ""]),
          col("LastUsed", TS, _ts, null=0.3),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True),
          col("Expires", TS, _ts, null=0.7))
    table(md, "Assets", 120,
          col("id", I, pk=True, auto=True),
          col("Name", V(255), _asset_name),
          col("Catalog", I, "choice", values=[1, 1, 2]),
          col("Status", V(64), "choice", values=["new", "allocated", "in-use", "recycled"]),
          col("Description", V(255), "choice", values=["", "Dell Latitude 7440",
                                                       "iPhone 14", "27in monitor"]),
          col("Creator", I, ref="Users.id"),
          col("Created", TS, _ts, nullable=True),
          col("LastUpdatedBy", I, ref="Users.id"),
          col("LastUpdated", TS, _ts, nullable=True))
    return md
