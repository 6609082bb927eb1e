"""Documenso (document e-signing, TypeScript and Prisma, PostgreSQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables Prisma creates from
``packages/prisma/schema.prisma`` (quoted PascalCase table names, camelCase columns,
``text`` for ``String``, ``jsonb`` for ``Json``, ``numeric(65,30)`` for ``Decimal``,
timestamps without time zone): 19 of its 28 models, all their scalar columns, relations declared as
Prisma declares them (references to ``Template``, not included, are values). Prisma's
enum types are ``VARCHAR`` here (``ENUM`` on MariaDB), ``Role[]`` and
``WebhookTriggerEvents[]`` are arrays on PostgreSQL and JSON elsewhere; ``text`` keys and
unique ``text`` columns are ``VARCHAR(255)`` on MariaDB.

Tables: User (name, e-mail, bcrypt hash, Stripe customer id, a saved signature as a
base64 PNG data URL or a typed name, TOTP secret and encrypted backup codes, public profile
slug), UserProfile (bio), the security audit log (IP address, user agent), password reset
and e-mail verification tokens, webhooks, API tokens, OAuth accounts (Google subject,
access, refresh and id tokens), sessions, documents (titles naming the parties in part),
the document audit log (JSON naming recipients, name, e-mail, IP), document data (base64
PDFs whose text names the parties, or S3 paths), document meta (e-mail subject and a
personal message to the signers), recipients (e-mail, name, signing token), fields
(typed-in values: names, e-mails, dates, free text), signatures (base64 PNG images and
typed signatures), share links, teams and team members.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "documenso/documenso", "path": "packages/prisma/schema.prisma",
          "commit": "0052b7a5e31a116a16d3cb9161d34d8db7bb970c"}
PERSON_TABLES = ("User", "UserProfile")

I = sa.Integer  # noqa: E741
T = sa.Text
B = sa.Boolean
TS = sa.DateTime
DEC = sa.Numeric(65, 30)

N_USER = 80
N_DOC = 200
N_REC = 350

_ts = datetimes(2022, 2025)


def vtext() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """Prisma ``String`` (``text``) used as a key or unique: ``VARCHAR(255)`` on MariaDB."""
    return sa.Text().with_variant(sa.String(255), "mysql", "mariadb")


def enum_array(*values: str) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """A Prisma enum list: a PostgreSQL ``text[]`` here, JSON elsewhere."""
    return sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(sa.Text), "postgresql")


def _cuid(c):  # type: ignore[no-untyped-def]
    return "cl" + "".join(c.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(23))


def _name(c):  # type: ignore[no-untyped-def]
    return f"{c.person['first']} {c.person['last']}"


def _png_data_url(c):  # type: ignore[no-untyped-def]
    return "data:image/png;base64," + base64.b64encode(G["image"](c)).decode()


def _user_signature(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.8:
        return _png_data_url(c)
    return _name(c)


def _doc_title(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([
        f"Lease agreement - {p['first']} {p['last']}.pdf", f"NDA {p['last']}.pdf",
        "Master Services Agreement v3.pdf", "Offer letter.pdf", "Invoice 2024-118.pdf",
        f"Employment contract {p['first']} {p['last']}", "Consent form.pdf",
        "Purchase order 4471.pdf", "Board resolution Q2.pdf", "Photo release.pdf",
    ])


def _pdf_b64(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    if c.rng.random() < 0.4:
        return f"documents/{_cuid(c)}/{c.rng.choice(['contract', 'nda', 'lease'])}.pdf"
    text = (f"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nBT (This agreement is made "
            f"between Acme GmbH and {p['first']} {p['last']}, {G['street'](c)}) Tj ET\n"
            "%%EOF\n")
    return base64.b64encode(text.encode()).decode()


def _audit_data(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    kind = c.rng.choice(["recipient", "field", "doc"])
    if kind == "recipient":
        return {"recipientEmail": p["email"], "recipientName": f"{p['first']} {p['last']}",
                "recipientId": c.rng.randint(1, N_REC), "recipientRole": "SIGNER"}
    if kind == "field":
        return {"field": {"type": "NAME", "data": f"{p['first']} {p['last']}"},
                "fieldId": _cuid(c)}
    return {"title": "Offer letter.pdf", "emailSubject": "Please sign"}


def _meta_message(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([None, "", "Please review and sign at your earliest convenience.",
                         f"Hi {p['first']}, here is the contract we discussed. Thanks!",
                         f"Dear {p['first']} {p['last']}, please sign by Friday.",
                         "{signer.name}, you have been invited to sign {document.name}."])


def _custom_text(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t == "NAME":
        return _name(c)
    if t == "EMAIL":
        return c.person["email"]
    if t == "DATE":
        return str(G["datetime"](c))[:16]
    if t == "TEXT":
        return c.rng.choice(["", "Approved", G["street"](c), "IBAN on file", "N/A"])
    return ""


def _id_token(c):  # type: ignore[no-untyped-def]
    head = base64.urlsafe_b64encode(b'{"alg":"RS256","kid":"a1b2"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(json.dumps(
        {"iss": "https://accounts.google.com", "sub": c.row["providerAccountId"],
         "email": c.person["email"], "name": _name(c)}).encode()).decode().rstrip("=")
    return f"{head}.{body}.{G['token'](_p(c, n=86, style='url'))}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "User", N_USER,
          col("id", I, pk=True, auto=True),
          col("name", T, lambda c: c.rng.choice([_name(c), c.person["first"]]), null=0.1),
          col("customerId", vtext(), lambda c: "cus_" + G["token"](_p(c, n=14, style="url")),
              unique=True, null=0.6),
          col("email", vtext(), "email", unique=True, nullable=False),
          col("emailVerified", TS, _ts, null=0.2),
          col("password", T, "password_hash", style="bcrypt12", null=0.25),
          col("source", T, "choice", values=["marketing", "producthunt", "referral"], null=0.7),
          col("signature", T, _user_signature, nullable=True),
          col("createdAt", TS, _ts, nullable=False),
          col("updatedAt", TS, _ts, nullable=False),
          col("lastSignedIn", TS, _ts, nullable=False),
          col("roles", enum_array("ADMIN", "USER"), lambda c: ["ADMIN", "USER"] if c.index == 0
              else ["USER"], nullable=False),
          col("identityProvider", enum("DOCUMENSO", "GOOGLE"), "choice",
              values=["DOCUMENSO", "DOCUMENSO", "GOOGLE"], nullable=False),
          col("twoFactorSecret", T, token_of(96, "hex"), null=0.8),
          col("twoFactorEnabled", B, "bool", nullable=False),
          col("twoFactorBackupCodes", T, token_of(256, "hex"), null=0.8),
          col("url", vtext(), lambda c: c.person["username"].replace(".", "-"), unique=True,
              null=0.5))
    table(md, "UserProfile", 30,
          col("id", I, fk="User.id", pk=True),
          col("bio", T, lambda c: c.rng.choice([
              None, "", "Freelance designer in Lisbon.",
              f"Realtor at {G['company'](c)}. Call me: {G['phone'](c)}",
              f"{_name(c)}, notary public.", "Signing contracts since 2019."]), nullable=True))
    table(md, "UserSecurityAuditLog", 300,
          col("id", I, pk=True, auto=True),
          col("userId", I, fk="User.id", nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("type", enum("ACCOUNT_PROFILE_UPDATE", "ACCOUNT_SSO_LINK", "AUTH_2FA_DISABLE",
                           "AUTH_2FA_ENABLE", "PASSWORD_RESET", "PASSWORD_UPDATE", "SIGN_OUT",
                           "SIGN_IN", "SIGN_IN_FAIL", "SIGN_IN_2FA_FAIL"), "choice",
              values=["SIGN_IN", "SIGN_IN", "SIGN_OUT", "SIGN_IN_FAIL", "PASSWORD_UPDATE",
                      "AUTH_2FA_ENABLE"], nullable=False),
          col("userAgent", T, "user_agent", null=0.1),
          col("ipAddress", T, "ip", null=0.1))
    table(md, "PasswordResetToken", 25,
          col("id", I, pk=True, auto=True),
          col("token", vtext(), token_of(36, "url"), unique=True, nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("expiry", TS, _ts, nullable=False),
          col("userId", I, fk="User.id", nullable=False))
    table(md, "VerificationToken", 60,
          col("id", I, pk=True, auto=True),
          col("identifier", T, "const", value="confirmation-email", nullable=False),
          col("token", vtext(), token_of(36, "url"), unique=True, nullable=False),
          col("expires", TS, _ts, nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("userId", I, fk="User.id", nullable=False))
    table(md, "Team", 10,
          col("id", I, pk=True, auto=True),
          col("name", T, "company", nullable=False),
          col("url", vtext(), "slug", unique=True, nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("customerId", vtext(), lambda c: "cus_" + G["token"](_p(c, n=14, style="url")),
              unique=True, null=0.3),
          col("ownerUserId", I, fk="User.id", nullable=False))
    table(md, "TeamMember", 40,
          col("id", I, pk=True, auto=True),
          col("teamId", I, fk="Team.id", nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("role", enum("ADMIN", "MANAGER", "MEMBER"), "choice",
              values=["ADMIN", "MANAGER", "MEMBER", "MEMBER"], nullable=False),
          col("userId", I, fk="User.id", nullable=False),
          sa.UniqueConstraint("userId", "teamId"))
    table(md, "Webhook", 12,
          col("id", vtext(), _cuid, pk=True),
          col("webhookUrl", T, lambda c: f"https://hooks.{G['slug'](c)}.example.com/documenso",
              nullable=False),
          col("eventTriggers", enum_array(), lambda c: c.rng.sample(
              ["DOCUMENT_CREATED", "DOCUMENT_SENT", "DOCUMENT_OPENED", "DOCUMENT_SIGNED",
               "DOCUMENT_COMPLETED"], c.rng.randint(1, 3)), nullable=False),
          col("secret", T, token_of(32, "hex"), null=0.3),
          col("enabled", B, "bool", nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("updatedAt", TS, _ts, nullable=False),
          col("userId", I, fk="User.id", nullable=False),
          col("teamId", I, fk="Team.id", null=0.6))
    table(md, "ApiToken", 30,
          col("id", I, pk=True, auto=True),
          col("name", T, "choice", values=["zapier", "CRM sync", "test", "n8n", "prod"],
              nullable=False),
          col("token", vtext(), token_of(128, "hex"), unique=True, nullable=False),
          col("algorithm", enum("SHA512"), "const", value="SHA512", nullable=False),
          col("expires", TS, _ts, null=0.5),
          col("createdAt", TS, _ts, nullable=False),
          col("userId", I, fk="User.id", null=0.2),
          col("teamId", I, fk="Team.id", null=0.7))
    table(md, "Account", 30,
          col("id", vtext(), _cuid, pk=True),
          col("userId", I, fk="User.id", nullable=False),
          col("type", T, "const", value="oauth", nullable=False),
          col("provider", vtext(), "const", value="google", nullable=False),
          col("providerAccountId", vtext(), lambda c: str(c.rng.randint(10**20, 10**21 - 1)),
              nullable=False),
          col("refresh_token", T, lambda c: "1//0" + G["token"](_p(c, n=100, style="url")),
              null=0.3),
          col("access_token", T, lambda c: "ya29." + G["token"](_p(c, n=160, style="url")),
              null=0.1),
          col("expires_at", I, "int", lo=1690000000, hi=1760000000, null=0.1),
          col("token_type", T, "const", value="Bearer", null=0.1),
          col("scope", T, "const", value="openid https://www.googleapis.com/auth/userinfo.email "
              "https://www.googleapis.com/auth/userinfo.profile", null=0.1),
          col("id_token", T, _id_token, null=0.1),
          col("session_state", T, lambda c: None, nullable=True),
          sa.UniqueConstraint("provider", "providerAccountId"))
    table(md, "Session", 50,
          col("id", vtext(), _cuid, pk=True),
          col("sessionToken", vtext(), G["uuid_str"], unique=True, nullable=False),
          col("userId", I, fk="User.id", nullable=False),
          col("expires", TS, _ts, nullable=False))
    table(md, "DocumentData", N_DOC,
          col("id", vtext(), _cuid, pk=True),
          col("type", enum("S3_PATH", "BYTES", "BYTES_64"), lambda c: "BYTES_64",
              nullable=False),
          col("data", T, _pdf_b64, nullable=False),
          col("initialData", T, _pdf_b64, nullable=False))
    table(md, "Document", N_DOC,
          col("id", I, pk=True, auto=True),
          col("userId", I, fk="User.id", nullable=False),
          col("title", T, _doc_title, nullable=False),
          col("status", enum("DRAFT", "PENDING", "COMPLETED"), "choice",
              values=["DRAFT", "PENDING", "COMPLETED", "COMPLETED"], nullable=False),
          col("documentDataId", vtext(), fk="DocumentData.id", unique=True, nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("updatedAt", TS, _ts, nullable=False),
          col("completedAt", TS, _ts, null=0.5),
          col("deletedAt", TS, _ts, null=0.9),
          col("teamId", I, fk="Team.id", null=0.7))
    table(md, "DocumentAuditLog", 500,
          col("id", vtext(), _cuid, pk=True),
          col("documentId", I, fk="Document.id", nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("type", T, "choice", values=["DOCUMENT_CREATED", "DOCUMENT_RECIPIENT_COMPLETED",
                                           "DOCUMENT_FIELD_INSERTED", "DOCUMENT_OPENED",
                                           "EMAIL_SENT", "DOCUMENT_COMPLETED"], nullable=False),
          col("data", jsonb(), _audit_data, nullable=False),
          col("name", T, _name, null=0.2),
          col("email", T, "email", null=0.2),
          col("userId", I, fk=None, ref="User.id", null=0.5),
          col("userAgent", T, "user_agent", null=0.2),
          col("ipAddress", T, "ip", null=0.2))
    table(md, "DocumentMeta", 120,
          col("id", vtext(), _cuid, pk=True),
          col("subject", T, "choice", values=["Please sign this document",
                                              "Signature requested", ""], null=0.3),
          col("message", T, _meta_message, nullable=True),
          col("timezone", T, "timezone", null=0.1),
          col("password", T, token_of(10, "url"), null=0.9),
          col("dateFormat", T, "choice", values=["yyyy-MM-dd hh:mm a", "dd/MM/yyyy",
                                                 "MM/dd/yyyy"], null=0.1),
          col("documentId", I, fk="Document.id", unique=True, nullable=False),
          col("redirectUrl", T, "url", null=0.8))
    table(md, "Recipient", N_REC,
          col("id", I, pk=True, auto=True),
          col("documentId", I, fk="Document.id", null=0.05),
          col("templateId", I, "int", lo=1, hi=20, null=0.95),
          col("email", sa.String(255), "email", nullable=False),
          col("name", sa.String(255), _name, empty=0.15, nullable=False),
          col("token", T, token_of(21, "url"), nullable=False),
          col("expired", TS, _ts, null=0.9),
          col("signedAt", TS, _ts, null=0.5),
          col("role", enum("CC", "SIGNER", "VIEWER", "APPROVER"), "choice",
              values=["SIGNER", "SIGNER", "SIGNER", "CC", "VIEWER", "APPROVER"], nullable=False),
          col("readStatus", enum("NOT_OPENED", "OPENED"), "choice",
              values=["NOT_OPENED", "OPENED"], nullable=False),
          col("signingStatus", enum("NOT_SIGNED", "SIGNED"), "choice",
              values=["NOT_SIGNED", "SIGNED"], nullable=False),
          col("sendStatus", enum("NOT_SENT", "SENT"), "choice", values=["NOT_SENT", "SENT"],
              nullable=False),
          sa.UniqueConstraint("documentId", "email"),
          sa.UniqueConstraint("templateId", "email"))
    table(md, "Field", 700,
          col("id", I, pk=True, auto=True),
          col("secondaryId", vtext(), _cuid, unique=True, nullable=False),
          col("documentId", I, fk="Document.id", null=0.05),
          col("templateId", I, "int", lo=1, hi=20, null=0.95),
          col("recipientId", I, fk="Recipient.id", null=0.05),
          col("type", enum("SIGNATURE", "FREE_SIGNATURE", "NAME", "EMAIL", "DATE", "TEXT"),
              "choice", values=["SIGNATURE", "SIGNATURE", "FREE_SIGNATURE", "NAME", "EMAIL",
                                "DATE", "TEXT"], nullable=False),
          col("page", I, "int", lo=1, hi=6, nullable=False),
          col("positionX", DEC, lambda c: round(c.rng.uniform(0, 90), 4), nullable=False),
          col("positionY", DEC, lambda c: round(c.rng.uniform(0, 95), 4), nullable=False),
          col("width", DEC, lambda c: round(c.rng.uniform(5, 30), 4), nullable=False),
          col("height", DEC, lambda c: round(c.rng.uniform(2, 8), 4), nullable=False),
          col("customText", T, _custom_text, nullable=False),
          col("inserted", B, "bool", nullable=False))
    table(md, "Signature", 250,
          col("id", I, pk=True, auto=True),
          col("created", TS, _ts, nullable=False),
          col("recipientId", I, fk="Recipient.id", nullable=False),
          col("fieldId", I, fk="Field.id", unique=True, nullable=False),
          col("signatureImageAsBase64", T, _png_data_url, null=0.4),
          col("typedSignature", T, _name, null=0.7))
    table(md, "DocumentShareLink", 60,
          col("id", I, pk=True, auto=True),
          col("email", sa.String(255), "email", nullable=False),
          col("slug", vtext(), token_of(26, "url"), unique=True, nullable=False),
          col("documentId", I, fk="Document.id", nullable=False),
          col("createdAt", TS, _ts, nullable=False),
          col("updatedAt", TS, _ts, nullable=False),
          sa.UniqueConstraint("documentId", "email"))
    return md
