"""Paperless-ngx (document archive with OCR, Django, PostgreSQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables as the Django models
of ``src/documents/models.py``, ``src/paperless_mail/models.py`` and
``src/paperless/models.py`` declare them, with Django's ``auth_user`` and
``django_session`` and DRF's ``authtoken_token`` that the application uses. 21 tables;
column subsets of ``documents_tag`` (five of django-treenode's fourteen ``tn_*`` cache
columns), ``paperless_mail_mailrule`` and ``paperless_applicationconfiguration``.
``SoftDeleteModel`` (django-soft-delete) adds ``deleted_at``, ``restored_at`` and
``transaction_id``; ``content_length`` and ``value_monetary_amount`` are stored generated
columns in the original, plain columns here. Django on PostgreSQL: ``CharField``
``varchar(n)``, ``JSONField`` ``jsonb``, ``UUIDField`` ``uuid``, ``DateTimeField``
``timestamptz``. Foreign keys as the models declare them; the unique ``filename`` and
``archive_filename`` (``varchar(1024)``, longer than MariaDB can index) and the
conditional unique constraints on names per owner are not declared.

Tables: users (Django auth: user name, names, e-mail, pbkdf2 hash), API tokens, sessions,
correspondents (companies and, in a third of rows, people, with their matching words),
tags, document types, storage paths, documents (titles naming people, OCR content with
names, addresses, IBANs and dates of birth, file names built from correspondent and
title, original file names), document tags, notes, share links (bearer slugs), custom
fields and their values (IBANs, tax ids, patient names), saved views and filter rules
(search terms naming people in part), UI settings, the task log (file names and errors in
JSON), the owners' mail accounts (their address and password), mail rules (sender
filters) and processed mails (subjects), and the application configuration.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, table
from ..gen import with_params as _p

SOURCE = {"repo": "paperless-ngx/paperless-ngx", "path": "src/documents/models.py",
          "commit": "b0e0e8a35373a5d9d588a507cb63c79e50a23403"}
PERSON_TABLES = ("auth_user",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SI = sa.SmallInteger
T = sa.Text
TS = sa.DateTime(timezone=True)
B = sa.Boolean
J = jsonb()
F = sa.Float
UU = sa.CHAR(36).with_variant(postgresql.UUID(as_uuid=False), "postgresql")


def S(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


N_USER = 12
N_CORR = 60
N_DOC = 400


_ts = datetimes(2019, 2025)


COMPANIES = ["Finanzamt München", "Stadtwerke Köln", "AOK Bayern", "Deutsche Bank",
             "Telekom", "Amazon EU S.à r.l.", "Allianz Versicherung", "IKEA",
             "Vodafone", "Hausverwaltung Schmitz GmbH", "HUK-COBURG", "Techniker Krankenkasse",
             "EDF", "ING", "Université de Lyon", "Agenzia delle Entrate", "Apple",
             "Gemeinde Aschheim", "Bundesagentur für Arbeit", "N26"]


def _corr_name(c):  # type: ignore[no-untyped-def]
    if c.index % 3 == 2:  # a third are people: doctors, landlords, lawyers, family
        p = c.person
        return c.rng.choice([f"Dr. med. {p['first']} {p['last']}", f"{p['first']} {p['last']}",
                             f"RA {p['last']}", f"{p['last']}, {p['first']}"])
    base = COMPANIES[c.index % len(COMPANIES)]
    return base if c.index < len(COMPANIES) else f"{base} ({c.index})"


def _corr_match(c):  # type: ignore[no-untyped-def]
    name = c.row["name"]
    if c.rng.random() < 0.35:
        return ""
    return name.lower().replace("dr. med. ", "").replace(",", "")


def _owner(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_USER) if c.rng.random() < 0.85 else None


TITLES = ["Rechnung {n}", "Lohnabrechnung März 2024 {first} {last}", "Kontoauszug {n}",
          "Arztbrief Dr. {dr}", "Mietvertrag", "Invoice {n}", "Steuerbescheid 2023",
          "Kündigung Vodafone", "Zeugnis {first} {last}", "Impfpass {first}", "Receipt",
          "Versicherungsschein {n}", "Scan 2024-05-02", "Reisepass {first} {last}",
          "Bulletin de salaire", "領収書"]


def _title(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=TITLES))[:128]


def _iban(c):  # type: ignore[no-untyped-def]
    return "DE" + "".join(str(c.rng.randint(0, 9)) for _ in range(20))


def _ocr_content(c):  # type: ignore[no-untyped-def]
    p = c.person
    f = p["f"]
    r = c.rng.random()
    if r < 0.1:
        return ""
    if r < 0.55:
        return (f"{p['first']} {p['last']}\n{f.street_address()}\n{f.postcode()} {f.city()}\n"
                f"\nRechnung Nr. {c.rng.randint(1000, 99999)}\nBetrag: "
                f"{c.rng.randint(5, 900)},{c.rng.randint(10, 99)} EUR\nIBAN {_iban(c)}\n"
                "Vielen Dank für Ihren Einkauf.")
    if r < 0.7:
        return (f"Patient: {p['last']}, {p['first']}  geb. {p['born'].strftime('%d.%m.%Y')}\n"
                f"Diagnose: {c.rng.choice(['J06.9', 'M54.5', 'I10'])}\nDr. {G['last_name'](_p(c))}")
    if r < 0.8:
        return (f"PAYSLIP {p['first'].upper()} {p['last'].upper()} Tax ID "
                f"{c.rng.randint(10**10, 10**11)} Net pay {c.rng.randint(1500, 6000)}.00")
    return G["lorem"](_p(c, words=c.rng.randint(20, 80)))


def _stored_name(c):  # type: ignore[no-untyped-def]
    corr = c.rng.choice(COMPANIES + [G["full_name"](c)])
    return f"{corr}/{c.rng.randint(2019, 2025)}/{c.row['title']}.pdf".replace(" ", "_")


def _original_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["scan_0001.pdf", "IMG_20240502_101012.jpg", "document.pdf",
                         f"Gehaltsabrechnung_{p['last']}.pdf", "Rechnung.pdf",
                         f"{p['first']}_{p['last']}_Lebenslauf.pdf".replace(" ", "_"),
                         "Scan2024-03-01.pdf", "attachment.pdf"])


def _soft_delete():  # type: ignore[no-untyped-def]
    return [col("deleted_at", TS, _ts, null=0.95),
            col("restored_at", TS, _ts, null=0.99),
            col("transaction_id", UU, "uuid_str", null=0.95)]


def _matching(name_gen, n_name: int = 128):  # type: ignore[no-untyped-def]
    return [col("id", I, pk=True, auto=True),
            col("name", S(n_name), name_gen),
            col("match", S(256), "choice", values=["", "", "rechnung", "invoice",
                                                   "/\\bDE\\d{20}\\b/"]),
            col("matching_algorithm", SI, "choice", values=[0, 1, 2, 3, 4, 5, 6, 6, 6]),
            col("is_insensitive", B, "bool"),
            col("owner_id", I, _owner, fk="auth_user.id", nullable=True)]


def _cf_text(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.65:
        return _iban(c)
    if r < 0.75:
        return f"Patient: {c.person['first']} {c.person['last']}"
    if r < 0.85:
        return str(c.rng.randint(10**10, 10**11))  # a tax id
    return c.rng.choice(["Kfz", "Haus", "Urlaub 2024", "Steuer 2023"])


def _task_input(c):  # type: ignore[no-untyped-def]
    name = _original_name(c)
    return {"filename": name, "path": f"/usr/src/paperless/consume/{name}",
            "overrides": {"owner_id": c.rng.randint(1, N_USER)}}


def _task_result(c):  # type: ignore[no-untyped-def]
    st = c.row.get("status")
    if st == "SUCCESS":
        return {"document_id": c.rng.randint(1, N_DOC)}
    if st == "FAILURE":
        return {"error": f"Not consuming {_original_name(c)}: It is a duplicate of "
                         f"{_title(c)} (#{c.rng.randint(1, N_DOC)})."}
    return None


def _mail_user(c):  # type: ignore[no-untyped-def]
    return c.person["email"]


def _session_data(c):  # type: ignore[no-untyped-def]
    data = {"_auth_user_id": str(c.rng.randint(1, N_USER)),
            "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
            "_auth_user_hash": G["token"](_p(c, n=64))}
    raw = base64.b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return f"{raw}:1t{G['token'](_p(c, n=5, style='url'))}:{G['token'](_p(c, n=43, style='url'))}"


SEARCHES = ["rechnung", "steuer 2023", "{first} {last}", "kfz", "{last}", "invoice",
            "mietvertrag", "lohn", "arzt"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "auth_user", N_USER,
          col("id", I, pk=True, auto=True),
          col("password", S(128), "password_hash", style="pbkdf2"),
          col("last_login", TS, _ts, null=0.1),
          col("is_superuser", B, lambda c: c.index == 0),
          col("username", S(150), lambda c: "admin" if c.index == 0 else
              c.rng.choice([c.person["username"], c.person["first"].lower(),
                            c.person["email"]]), unique=True),
          col("first_name", S(150), "first_name", empty=0.3),
          col("last_name", S(150), "last_name", empty=0.35),
          col("email", S(254), "email", empty=0.2),
          col("is_staff", B, lambda c: c.index < 2),
          col("is_active", B, lambda c: c.rng.random() < 0.95),
          col("date_joined", TS, _ts))
    table(md, "authtoken_token", 8,
          col("key", S(40), lambda c: G["token"](_p(c, n=40)), pk=True),
          col("created", TS, _ts),
          col("user_id", I, fk="auth_user.id", unique=True))
    table(md, "django_session", 40,
          col("session_key", S(40), lambda c: G["token"](_p(c, n=32, style="url")).lower(),
              pk=True),
          col("session_data", T, _session_data),
          col("expire_date", TS, _ts))
    table(md, "documents_correspondent", N_CORR, *_matching(_corr_name))
    md.tables["documents_correspondent"].c.match.info.update(g=_corr_match, params={})
    table(md, "documents_tag", 30,
          *_matching(lambda c: c.rng.choice(["Inbox", "Steuer", "Kfz", "Haus", "Gesundheit",
                                             "Arbeit", "Versicherung", "Bank", "Urlaub",
                                             "TODO", "Kinder", "Belege 2024"])
                     + ("" if c.index < 12 else f" {c.index}")),
          col("color", S(7), "choice", values=["#a6cee3", "#1f78b4", "#b2df8a", "#e31a1c"]),
          col("is_inbox_tag", B, lambda c: c.index == 0),
          col("tn_parent_id", I, fk="documents_tag.id", null=0.7),
          col("tn_priority", I, "int", lo=0, hi=10),
          col("tn_level", I, "int", lo=1, hi=3),
          col("tn_order", I, "int", lo=0, hi=30),
          col("tn_ancestors_pks", T, lambda c: ",".join(str(c.rng.randint(1, 12))
                                                        for _ in range(c.rng.randint(0, 2)))))
    table(md, "documents_documenttype", 15,
          *_matching(lambda c: ["Rechnung", "Vertrag", "Kontoauszug", "Brief", "Lohnzettel",
                                "Bescheid", "Quittung", "Arztbrief", "Invoice", "Receipt",
                                "Zeugnis", "Ausweis", "Policy", "Manual", "Other"][c.index]))
    table(md, "documents_storagepath", 6,
          *_matching(lambda c: ["Default", "Steuer", "Family", "Archive", "Work",
                                "Medical"][c.index]),
          col("path", T, "choice", values=["{{ created_year }}/{{ correspondent }}/{{ title }}",
                                           "{{ owner_username }}/{{ document_type }}/"
                                           "{{ title }}"]))
    table(md, "documents_document", N_DOC,
          col("id", I, pk=True, auto=True),
          col("correspondent_id", I, fk="documents_correspondent.id", null=0.2),
          col("storage_path_id", I, fk="documents_storagepath.id", null=0.6),
          col("title", S(128), _title),
          col("document_type_id", I, fk="documents_documenttype.id", null=0.3),
          col("content", T, _ocr_content),
          col("content_length", I, lambda c: len(c.row["content"])),
          col("mime_type", S(256), "choice", values=["application/pdf", "application/pdf",
                                                     "image/jpeg", "image/png",
                                                     "message/rfc822"]),
          col("checksum", S(64), lambda c: G["token"](_p(c, n=32))),
          col("archive_checksum", S(64), lambda c: G["token"](_p(c, n=32)), null=0.2),
          col("page_count", I, "int", lo=1, hi=30, null=0.1),
          col("created", sa.Date, "date", start=2010, end=2025),
          col("modified", TS, _ts),
          col("added", TS, _ts),
          col("filename", S(1024), _stored_name, null=0.02),
          col("archive_filename", S(1024), _stored_name, null=0.2),
          col("original_filename", S(1024), _original_name, null=0.05),
          col("archive_serial_number", I, "seq", null=0.6, unique=True),
          col("root_document_id", I, fk="documents_document.id", null=0.95),
          col("version_index", I, "int", lo=1, hi=3, null=0.9),
          col("version_label", S(64), "choice", values=["v1", "signed", "corrected"],
              null=0.95),
          col("owner_id", I, _owner, fk="auth_user.id", nullable=True),
          *_soft_delete())
    table(md, "documents_document_tags", 700,
          col("id", I, pk=True, auto=True),
          col("document_id", I, fk="documents_document.id"),
          col("tag_id", I, fk="documents_tag.id"),
          sa.UniqueConstraint("document_id", "tag_id"))
    table(md, "documents_note", 120,
          col("id", I, pk=True, auto=True),
          col("note", T, "template", texts=[
              "Bezahlt am {n}.", "Original im Ordner Steuer 2023", "Ask {first2} about "
              "this", "Copy sent to {email}", "Kündigungsfrist 3 Monate", "Erledigt",
              "Call landlord {first2} {last2}: {phone}"]),
          col("created", TS, _ts),
          col("document_id", I, fk="documents_document.id", null=0.02),
          col("user_id", I, fk="auth_user.id", null=0.05),
          *_soft_delete())
    table(md, "documents_sharelink", 40,
          col("id", I, pk=True, auto=True),
          col("created", TS, _ts),
          col("expiration", TS, _ts, null=0.5),
          col("slug", S(50), lambda c: G["token"](_p(c, n=50, style="url")), unique=True),
          col("document_id", I, fk="documents_document.id"),
          col("file_version", S(50), "choice", values=["archive", "original"]),
          col("owner_id", I, fk="auth_user.id", null=0.1),
          *_soft_delete())
    table(md, "documents_customfield", 8,
          col("id", I, pk=True, auto=True),
          col("created", TS, _ts),
          col("name", S(128), lambda c: ["Betrag", "IBAN", "Fällig am", "Patient", "Tax ID",
                                         "Paid", "Link", "Notes"][c.index], unique=True),
          col("data_type", S(50), lambda c: ["monetary", "string", "date", "string", "string",
                                             "boolean", "url", "longtext"][c.index]),
          col("extra_data", J, lambda c: {"default_currency": "EUR"} if c.index == 0
              else None, nullable=True))
    table(md, "documents_customfieldinstance", 500,
          col("id", I, pk=True, auto=True),
          col("created", TS, _ts),
          col("document_id", I, fk="documents_document.id"),
          col("field_id", I, fk="documents_customfield.id"),
          col("value_text", S(128), _cf_text, nullable=True),
          col("value_bool", B, "bool", null=0.9),
          col("value_url", S(200), "url", null=0.95),
          col("value_date", sa.Date, "date", null=0.8),
          col("value_int", I, "int", null=0.95),
          col("value_float", F, None, null=0.95),
          col("value_monetary", S(128), lambda c: f"EUR{c.rng.randint(5, 3000)}.00", null=0.8),
          col("value_monetary_amount", sa.Numeric(65, 2), "money", null=0.8),
          col("value_document_ids", J, lambda c: [c.rng.randint(1, N_DOC)], null=0.95),
          col("value_select", S(16), lambda c: G["token"](_p(c, n=16, style="url")), null=0.95),
          col("value_long_text", T, "template", texts=[
              "Widerspruch eingelegt", "Notes from the call with {first} {last}",
              "Kopie an {email}"], null=0.9),
          *_soft_delete(),
          sa.UniqueConstraint("document_id", "field_id"))
    table(md, "documents_savedview", 25,
          col("id", I, pk=True, auto=True),
          col("owner_id", I, fk="auth_user.id", null=0.1),
          col("name", S(128), "choice", values=["Inbox", "Steuer 2024", "Recently added",
                                                "Unpaid invoices", "Medical"]),
          col("sort_field", S(128), "choice", values=["created", "added", "title"],
              null=0.2),
          col("sort_reverse", B, "bool"),
          col("page_size", I, "choice", values=[25, 50, 100], null=0.7),
          col("display_mode", S(128), "choice", values=["table", "smallCards",
                                                        "largeCards"], null=0.5),
          col("display_fields", J, lambda c: ["title", "created", "correspondent"],
              null=0.6))
    table(md, "documents_savedviewfilterrule", 60,
          col("id", I, pk=True, auto=True),
          col("saved_view_id", I, fk="documents_savedview.id"),
          col("rule_type", SI, "choice", values=[0, 1, 3, 6, 9, 20]),
          col("value", S(255), lambda c: G["template"](_p(c, texts=SEARCHES))
              if c.row["rule_type"] in (0, 1, 20) else str(c.rng.randint(1, 60)),
              null=0.05))
    table(md, "documents_uisettings", N_USER,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", unique=True, null=0.0),
          col("settings", J, lambda c: {"dark_mode": {"use_system": True, "enabled": False},
                                        "language": c.rng.choice(["de-de", "en-us", "fr-fr"]),
                                        "dashboard_views_visible_ids": [1, 2]}, null=0.1))
    table(md, "documents_paperlesstask", 300,
          col("id", I, pk=True, auto=True),
          col("owner_id", I, fk="auth_user.id", null=0.2),
          col("task_id", S(72), "uuid_str", unique=True),
          col("task_type", S(50), "choice", values=["consume_file", "consume_file",
                                                    "train_classifier", "check_sanity",
                                                    "index_optimize", "mail_fetch"]),
          col("trigger_source", S(50), "choice", values=["folder_consume", "web_ui", "api",
                                                         "email_consume", "scheduled"]),
          col("status", S(30), "choice", values=["SUCCESS", "SUCCESS", "SUCCESS", "FAILURE",
                                                 "PENDING", "STARTED"]),
          col("date_created", TS, _ts),
          col("date_started", TS, _ts, null=0.1),
          col("date_done", TS, _ts, null=0.15),
          col("duration_seconds", F, None, null=0.2),
          col("wait_time_seconds", F, None, null=0.2),
          col("input_data", J, lambda c: _task_input(c) if c.row["task_type"] ==
              "consume_file" else {}),
          col("result_data", J, _task_result, nullable=True),
          col("acknowledged", B, "bool"))
    table(md, "paperless_mail_mailaccount", 8,
          col("id", I, pk=True, auto=True),
          col("name", S(256), lambda c: c.rng.choice(["Gmail", "GMX", "Work", "Family",
                                                      "Outlook"]) + f" {c.index}",
              unique=True),
          col("imap_server", S(256), "choice", values=["imap.gmail.com", "imap.gmx.net",
                                                       "outlook.office365.com"]),
          col("imap_port", I, "choice", values=[993, 143], null=0.3),
          col("imap_security", SI, "choice", values=[1, 2, 3]),
          col("username", S(256), _mail_user),
          col("password", T, lambda c: G["token"](_p(c, n=16, style="url"))),
          col("is_token", B, lambda c: c.rng.random() < 0.3),
          col("character_set", S(256), "const", value="UTF-8"),
          col("account_type", SI, "choice", values=[1, 1, 2, 3]),
          col("refresh_token", T, lambda c: "M.C5" + G["token"](_p(c, n=80, style="url")),
              null=0.7),
          col("expiration", TS, _ts, null=0.7),
          col("owner_id", I, fk="auth_user.id", null=0.1))
    table(md, "paperless_mail_mailrule", 20,
          col("id", I, pk=True, auto=True),
          col("name", S(256), "choice", values=["Invoices", "Payslips", "Steuerberater",
                                                "Amazon", "Arzt"]),
          col("order", SI, "int", lo=0, hi=10),
          col("account_id", I, fk="paperless_mail_mailaccount.id"),
          col("enabled", B, "bool"),
          col("folder", S(256), "choice", values=["INBOX", "INBOX.Rechnungen", "[Gmail]/All"]),
          col("filter_from", S(256), lambda c: c.rng.choice([
              "rechnung@amazon.de", "noreply@telekom.de", c.person["email"],
              "@steuerberater-example.de"]), null=0.3),
          col("filter_to", S(256), lambda c: c.person["email"].replace("@", "+paperless@"),
              null=0.7),
          col("filter_subject", S(256), "choice", values=["Rechnung", "Invoice",
                                                          "Lohnabrechnung"], null=0.5),
          col("filter_body", S(256), "choice", values=["IBAN"], null=0.9),
          col("maximum_age", SI, "choice", values=[30, 90, 365]),
          col("action", SI, "choice", values=[1, 2, 3, 4]),
          col("action_parameter", S(256), "choice", values=["Processed", "Archiv"],
              null=0.5),
          col("owner_id", I, fk="auth_user.id", null=0.1))
    table(md, "paperless_mail_processedmail", 300,
          col("id", I, pk=True, auto=True),
          col("rule_id", I, fk="paperless_mail_mailrule.id"),
          col("folder", S(256), "choice", values=["INBOX", "INBOX.Rechnungen"]),
          col("uid", S(256), lambda c: str(c.rng.randint(1, 90000))),
          col("uid_validity", S(64), lambda c: str(c.rng.randint(10**8, 10**9)), null=0.3),
          col("subject", S(256), "template", texts=[
              "Ihre Rechnung {n}", "Your Amazon.de order", "Lohnabrechnung {first} {last}",
              "Fwd: Befund", "Re: Mietvertrag {first2} {last2}", "Invoice #{n}",
              "Scan from printer"]),
          col("received", TS, _ts),
          col("processed", TS, _ts),
          col("status", S(256), "choice", values=["SUCCESS", "SUCCESS", "FAILED"]),
          col("error", T, "choice", values=["No attachments found",
                                            "Encoding error"], null=0.85),
          col("owner_id", I, fk="auth_user.id", null=0.1))
    table(md, "paperless_applicationconfiguration", 1,
          col("id", I, pk=True, auto=True),
          col("output_type", S(8), "const", value="pdfa", null=0.5),
          col("pages", SI, "const", value=0, null=0.5),
          col("language", S(32), "const", value="deu+eng", null=0.5),
          col("mode", S(16), "const", value="skip", null=0.5),
          col("image_dpi", SI, "const", value=300, null=0.5),
          col("deskew", B, "bool", null=0.5),
          col("user_args", J, lambda c: {"invalidate_digital_signatures": True},
              null=0.5),
          col("app_title", S(48), "const", value="Familienarchiv", null=0.5),
          col("app_logo", S(100), "const", value="logo/family.png", null=0.5),
          col("barcodes_enabled", B, "bool", null=0.5),
          col("barcode_string", S(32), "const", value="PATCHT", null=0.5),
          col("ai_enabled", B, "bool", null=0.5),
          col("llm_backend", S(128), "const", value="openai", null=0.5),
          col("llm_api_key", S(1024), lambda c: "sk-" + G["token"](_p(c, n=48, style="url")),
              null=0.5))
    return md
