"""Indico (event management, Python/Flask-SQLAlchemy, PostgreSQL): a held-out schema (issue
#10), labelled before any scan and never tuned on. The tables as its SQLAlchemy models
declare them. Indico spreads its tables over PostgreSQL schemas (``users.users``,
``event_registration.registrations``...): here each is a table named
``<schema>_<table>``, as AdventureWorks' ``SalesLT_Customer``. 14 tables: all the columns
the model classes declare, plus the columns of the mixins named in the module (Event's
``title``, ``description``, ``is_deleted``, ``own_room_name``, ``own_address``; the
person-link columns of ``PersonLinkBase``; RegistrationData's ``StoredFileMixin`` file
columns); ``events_events``, ``event_registration_forms`` and ``users_users`` column subsets
(ARRAY columns such as ``keywords`` and ``affiliations.alt_names`` left out). Foreign keys
as declared among the included tables; references to tables not included (categories,
tracks, contribution types, form items, payment transactions, labels, pages, files) are
generated as values. ``PyIntEnum`` columns are integers, ``UTCDateTime`` timestamps,
``JSONB`` jsonb (``{}`` where Indico stores JSON ``null``), ``INET`` inet.

Tables: indico_affiliations (institutes with addresses), users_users (names, title, free-text
affiliation, phone, postal address, profile picture bytes and metadata, signing secret),
users_emails (primary and secondary addresses), users_identities (login identities: LDAP or
OAuth identifier, multipass data JSON with names and e-mail, local password hashes, last
login IP), users_api_keys (token, secret, last IP and URI), users_favorite_users,
events_events (titles, descriptions, addresses of venues), events_persons (speakers,
authors and chairs of an event, with or without an account), event_abstracts_abstracts
(abstract titles, descriptions, submission and judgment comments),
event_abstracts_abstract_person_links (authors and speakers with overridden names),
event_registration_forms, event_registration_form_field_data (field configuration JSON),
event_registration_registrations (registrant names, e-mail, ticket and wallet ids,
rejection reasons), event_registration_registration_data (each answer as JSON: phones,
birth dates, passport numbers, dietary needs, accompanying persons; uploaded files).
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, inet, jsonb, new_person, password_hash, table
from ..gen import with_params as _p

SOURCE = {"repo": "indico/indico",
          "path": "indico/modules/{users/models/{users,emails,affiliations,favorites}.py,"
                  "auth/models/identities.py,api/models/keys.py,events/models/{events,"
                  "persons}.py,events/abstracts/models/{abstracts,persons}.py,"
                  "events/registration/models/{forms,form_fields,registrations}.py}, "
                  "indico/core/storage/models.py",
          "commit": "b8f1fde8b81b199341cc84a75909cb0ed362d44e"}
PERSON_TABLES = ("users_users", "events_persons", "event_registration_registrations")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
S = sa.String
T = sa.Text
TS = sa.DateTime
B = sa.Boolean
U = sa.Uuid
N = sa.Numeric

N_USERS = 80
N_EVENTS = 25
N_PERSONS = 120
N_REG = 150

_ts = datetimes(2015, 2025)
INSTITUTES = [("CERN", "Esplanade des Particules 1", "1211", "Genève", "CH"),
              ("DESY", "Notkestraße 85", "22607", "Hamburg", "DE"),
              ("Fermilab", "Kirk Road and Pine Street", "60510", "Batavia", "US"),
              ("KEK", "1-1 Oho", "305-0801", "Tsukuba", "JP"),
              ("INFN Sezione di Pisa", "Largo B. Pontecorvo 3", "56127", "Pisa", "IT"),
              ("Universidad de Buenos Aires", "Viamonte 430", "C1053", "Buenos Aires", "AR"),
              ("IN2P3", "3 rue Michel-Ange", "75016", "Paris", "FR"),
              ("Uniwersytet Warszawski", "Krakowskie Przedmieście 26/28", "00-927", "Warszawa",
               "PL"),
              ("TRIUMF", "4004 Wesbrook Mall", "V6T 2A3", "Vancouver", "CA"),
              ("University of Oxford", "Wellington Square", "OX1 2JD", "Oxford", "GB")]
EVENT_TITLES = ["Workshop on Machine Learning in HEP", "ATLAS Week", "Group meeting",
                "CHEP 2024", "Detector R&D seminar", "Summer Student Lecture Programme",
                "Journée des doctorants", "Kolloquium Teilchenphysik", "Computing coffee",
                "Conference on Neutrino Physics", "Safety training", "Board meeting"]
ABSTRACT_TITLES = ["A new trigger algorithm for Run 4", "Performance of the silicon tracker",
                   "Search for dark photons in dimuon events", "GPU-accelerated simulation",
                   "Measurement of the W mass", "Cryogenic readout electronics",
                   "Open data outreach in schools", "Machine learning for jet tagging"]


def _phone_or_empty(c):  # type: ignore[no-untyped-def]
    return G["phone"](c) if c.rng.random() < 0.45 else ""


def _addr_or_empty(c):  # type: ignore[no-untyped-def]
    f = c.person["f"]
    return f"{f.street_address()}\n{f.postcode()} {f.city()}" if c.rng.random() < 0.3 else ""


def _affil_text(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([i[0] for i in INSTITUTES] + ["", "Independent", "ETH Zürich",
                                                      "Max-Planck-Institut für Physik"])


def _png(c):  # type: ignore[no-untyped-def]
    if c.row.get("picture_source") == 0:
        return None
    return b"\x89PNG\r\n\x1a\n" + bytes(c.rng.randrange(256) for _ in range(60))


def _pic_meta(c):  # type: ignore[no-untyped-def]
    pic = c.row.get("picture")
    if pic is None:
        return {}
    return {"hash": hashlib.md5(pic).hexdigest(), "size": len(pic), "content_type": "image/png",
            "filename": c.rng.choice(["avatar.png", f"{c.person['last'].lower()}.png",
                                      "IMG_2041.png"])}


def _multipass(c):  # type: ignore[no-untyped-def]
    if c.row.get("provider") == "indico":
        return {}
    return {"oauth_token": G["token"](_p(c, n=40, style="url")),
            "expires_at": 1735689600 + c.rng.randint(0, 10**6)}


def _ident_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    if c.row.get("provider") == "indico":
        return {}
    return {"first_name": p["first"], "last_name": p["last"], "email": p["email"],
            "affiliation": _affil_text(c), "phone": c.rng.choice(["", G["phone"](c)])}


def _identifier(c):  # type: ignore[no-untyped-def]
    prov = c.row.get("provider")
    if prov == "indico":
        return c.person["username"]
    if prov == "ldap":
        return c.person["username"][:8]
    return str(c.rng.randint(10**5, 10**9))


def _event_desc(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([
        "", "<p>Weekly meeting of the group. Zoom link below.</p>",
        f"<p>Organised by {p['first']} {p['last']} ({p['email']}).</p>",
        "<p>Registration closes two weeks before the event.</p>",
        f"<p>For visa letters contact {p['first']} at {G['phone'](c)}.</p>",
        "<p>Coffee will be served.</p>"])


def _abstract_desc(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        "We present results obtained with the full Run 2 dataset.",
        "This contribution describes the upgrade of the readout system.",
        "A novel approach based on graph neural networks is discussed.",
        f"Work done in collaboration with {new_person(c)['first']} {new_person(c)['last']}.",
        "Preliminary results are shown."])


def _sub_comment(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["", "", "", "Please consider for a poster if no talk slot.",
                         f"I cannot attend in person; {new_person(c)['first']} will present.",
                         f"Contact me at {c.person['email']} for the slides."])


def _judge_comment(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["", "", "Accepted as poster.", "Out of scope.",
                         "Merged with a similar abstract.", "Excellent, plenary talk."])


def _field_config(c):  # type: ignore[no-untyped-def]
    kind = c.rng.choice(["text", "phone", "date", "country", "single_choice", "checkbox",
                         "accommodation", "file"])
    return {"input_type": kind, "is_required": c.rng.random() < 0.5,
            "caption": {"text": "Passport number", "phone": "Mobile phone",
                        "date": "Date of birth", "country": "Nationality",
                        "single_choice": "Dietary requirements", "checkbox": "I agree",
                        "accommodation": "Hotel", "file": "CV"}[kind]}


def _reg_answer(c):  # type: ignore[no-untyped-def]
    p = c.person
    kind = c.rng.choice(["text", "phone", "date", "country", "single_choice", "checkbox",
                         "accommodation", "accompanying", "file"])
    if kind == "text":
        return c.rng.choice([G["passport"](c), "", "vegetarian", "Wheelchair access please"])
    if kind == "phone":
        return G["phone"](c)
    if kind == "date":
        return p["born"].strftime(c.rng.choice(["%d/%m/%Y", "%Y-%m-%d"]))
    if kind == "country":
        return c.rng.choice(["CH", "FR", "DE", "JP", "IN", "BR"])
    if kind == "single_choice":
        return {G["uuid_str"](c): 1}
    if kind == "checkbox":
        return c.rng.random() < 0.8
    if kind == "accommodation":
        return {"choice": G["uuid_str"](c), "arrival_date": "2024-09-01",
                "departure_date": "2024-09-06", "is_no_accommodation": False}
    if kind == "accompanying":
        q = new_person(c)
        return [{"id": G["uuid_str"](c), "firstName": q["first"], "lastName": q["last"]}]
    return {}


def _filename(c):  # type: ignore[no-untyped-def]
    if not c.row.get("_has_file"):
        return None
    p = c.person
    return c.rng.choice([f"CV_{p['last']}_{p['first']}.pdf", "passport.jpg",
                         f"{p['last'].lower()}-visa-letter.pdf", "scan0001.pdf"])


def _file_part(value):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.row.get("filename") is None:
            return None
        return value(c) if callable(value) else value
    return gen


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "indico_affiliations", len(INSTITUTES),
          col("id", I, pk=True, auto=True),
          col("name", S(255), lambda c: INSTITUTES[c.index][0], nullable=False),
          col("code", S(255), "choice", nullable=False, values=["", "", "ROR-01", "ROR-02"]),
          col("is_deleted", B, lambda c: False, nullable=False),
          col("street", S(255), lambda c: INSTITUTES[c.index][1], nullable=False),
          col("postcode", S(255), lambda c: INSTITUTES[c.index][2], nullable=False),
          col("city", S(255), lambda c: INSTITUTES[c.index][3], nullable=False),
          col("country_code", S(255), lambda c: INSTITUTES[c.index][4], nullable=False),
          col("meta", jsonb(), lambda c: {
              "ror_id": f"https://ror.org/0{c.rng.randint(10**7, 10**8)}"}, nullable=False))
    table(md, "users_users", N_USERS,
          col("id", I, pk=True, auto=True),
          col("first_name", S(255), "first_name", nullable=False),
          col("last_name", S(255), "last_name", nullable=False),
          col("title", I, "choice", nullable=False, values=[0, 0, 0, 1, 2, 3, 4, 5]),
          col("affiliation", S(255), _affil_text, nullable=False),
          col("affiliation_id", I, fk="indico_affiliations.id", null=0.5),
          col("phone", S(255), _phone_or_empty, nullable=False),
          col("address", T, _addr_or_empty, nullable=False),
          col("merged_into_id", I, fk="users_users.id", null=0.95),
          col("is_system", B, lambda c: c.index == 0, nullable=False),
          col("is_admin", B, lambda c: c.rng.random() < 0.05, nullable=False),
          col("is_blocked", B, lambda c: c.rng.random() < 0.03, nullable=False),
          col("is_pending", B, lambda c: c.rng.random() < 0.1, nullable=False),
          col("is_deleted", B, lambda c: c.rng.random() < 0.03, nullable=False),
          col("accepted_terms_dt", TS, _ts, null=0.4),
          col("signing_secret", U, "uuid", nullable=False),
          col("picture_source", I, "choice", nullable=False, values=[0, 0, 0, 1, 2, 3]),
          col("picture", sa.LargeBinary, _png, nullable=True),
          col("picture_metadata", jsonb(), _pic_meta, nullable=False),
          col("created_dt", TS, _ts, null=0.1))
    table(md, "users_emails", 110,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users_users.id", nullable=False),
          col("email", S(255), lambda c: c.person["email"].lower(), nullable=False,
              unique=True),
          col("is_primary", B, lambda c: c.index < N_USERS, nullable=False),
          col("is_user_deleted", B, lambda c: c.rng.random() < 0.03, nullable=False))
    table(md, "users_identities", 100,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="users_users.id", nullable=False),
          col("provider", S(255), "choice", nullable=False,
              values=["indico", "indico", "ldap", "cern", "orcid", "github"]),
          col("identifier", S(255), _identifier, nullable=False),
          col("multipass_data", jsonb(), _multipass, nullable=False),
          col("data", jsonb(), _ident_data, nullable=False),
          col("password_hash", S(255), lambda c: password_hash(_p(c, style="bcrypt"))
              if c.row["provider"] == "indico" else None, nullable=True),
          col("last_login_dt", TS, _ts, null=0.2),
          col("last_login_ip", inet(), "ip", null=0.2),
          sa.UniqueConstraint("provider", "identifier"))
    table(md, "users_api_keys", 30,
          col("id", I, pk=True, auto=True),
          col("token", U, "uuid", nullable=False, unique=True),
          col("secret", U, "uuid", nullable=False),
          col("user_id", I, fk="users_users.id", nullable=False),
          col("is_active", B, "bool", nullable=False),
          col("is_blocked", B, lambda c: c.rng.random() < 0.05, nullable=False),
          col("is_persistent_allowed", B, "bool", nullable=False),
          col("created_dt", TS, _ts, nullable=False),
          col("last_used_dt", TS, _ts, null=0.3),
          col("last_used_ip", inet(), "ip", null=0.3),
          col("last_used_uri", S(255), "choice", null=0.3, values=[
              "/export/categ/2.json?from=today", "/export/event/1234.ics",
              "/api/user/", "/export/timetable/88.json"]),
          col("last_used_auth", B, "bool", null=0.3),
          col("use_count", I, "int", nullable=False, lo=0, hi=5000))
    table(md, "users_favorite_users", 60,
          col("user_id", I, fk="users_users.id", pk=True),
          col("target_id", I, fk="users_users.id", pk=True))
    table(md, "events_events", N_EVENTS,
          col("id", I, pk=True, auto=True),
          col("title", S(255), "choice", nullable=False, values=EVENT_TITLES),
          col("description", T, _event_desc, nullable=False),
          col("is_deleted", B, lambda c: c.rng.random() < 0.05, nullable=False),
          col("is_locked", B, lambda c: c.rng.random() < 0.1, nullable=False),
          col("creator_id", I, fk="users_users.id", nullable=False),
          col("category_id", I, "int", null=0.05, lo=1, hi=40),
          col("series_id", I, "int", null=0.9, lo=1, hi=5),
          col("cloned_from_id", I, fk="events_events.id", null=0.8),
          col("label_id", I, "int", null=0.9, lo=1, hi=3),
          col("label_message", T, "choice", nullable=False, values=["", "", "Postponed"]),
          col("created_dt", TS, _ts, nullable=False),
          col("start_dt", TS, _ts, nullable=False),
          col("end_dt", TS, _ts, nullable=False),
          col("timezone", S(255), "timezone", nullable=False),
          col("type", I, "choice", nullable=False, values=[1, 2, 3]),
          col("visibility", I, "choice", values=[None, 0, 1], nullable=True),
          col("url_shortcut", S(255), "choice", values=["chep2024", "mlhep", None, None],
              nullable=True),
          col("logo_metadata", jsonb(), lambda c: {}, nullable=False),
          col("stylesheet_metadata", jsonb(), lambda c: {}, nullable=False),
          col("default_page_id", I, "int", null=0.9, lo=1, hi=10),
          col("map_url", S(255), "choice", nullable=False, values=[
              "", "https://maps.cern.ch/?b=40", "https://osm.org/go/0C8W"]),
          col("own_room_name", S(255), "choice", nullable=False, values=[
              "", "4/3-006 - TH Conference Room", "Hörsaal 2", "Auditorium B"]),
          col("own_address", T, "choice", nullable=False, values=[
              "", "Esplanade des Particules 1, 1211 Genève", "Notkestraße 85, Hamburg"]),
          col("custom_boa_id", I, "int", null=0.95, lo=1, hi=10),
          col("subcontrib_speakers_can_submit", B, "bool", nullable=False),
          col("last_friendly_registration_id", I, "int", nullable=False, lo=0, hi=300),
          col("last_friendly_contribution_id", I, "int", nullable=False, lo=0, hi=300),
          col("last_friendly_session_id", I, "int", nullable=False, lo=0, hi=30))
    table(md, "events_persons", N_PERSONS,
          col("id", I, pk=True, auto=True),
          col("event_id", I, fk="events_events.id", nullable=False),
          col("user_id", I, fk="users_users.id", null=0.5),
          col("first_name", S(255), "first_name", nullable=False),
          col("last_name", S(255), "last_name", nullable=False),
          col("email", S(255), "email", nullable=False, empty=0.2),
          col("title", I, "choice", nullable=False, values=[0, 0, 1, 2, 3, 4]),
          col("affiliation_id", I, fk="indico_affiliations.id", null=0.6),
          col("affiliation", S(255), _affil_text, nullable=False),
          col("address", T, _addr_or_empty, nullable=False),
          col("phone", S(255), _phone_or_empty, nullable=False),
          col("invited_dt", TS, _ts, null=0.8),
          col("is_untrusted", B, lambda c: c.rng.random() < 0.05, nullable=False))
    table(md, "event_abstracts_abstracts", 90,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True),
          col("friendly_id", I, "seq", nullable=False),
          col("event_id", I, fk="events_events.id", nullable=False),
          col("title", S(255), "choice", nullable=False, values=ABSTRACT_TITLES),
          col("description", T, _abstract_desc, nullable=False),
          col("submitter_id", I, fk="users_users.id", nullable=False),
          col("submitted_contrib_type_id", I, "int", null=0.5, lo=1, hi=5),
          col("submitted_dt", TS, _ts, nullable=False),
          col("modified_by_id", I, fk="users_users.id", null=0.6),
          col("modified_dt", TS, _ts, null=0.6),
          col("state", I, "choice", nullable=False, values=[1, 2, 3, 4, 5, 6]),
          col("submission_comment", T, _sub_comment, nullable=False),
          col("judge_id", I, fk="users_users.id", null=0.4),
          col("judgment_comment", T, _judge_comment, nullable=False),
          col("judgment_dt", TS, _ts, null=0.4),
          col("accepted_track_id", I, "int", null=0.5, lo=1, hi=8),
          col("accepted_contrib_type_id", I, "int", null=0.5, lo=1, hi=5),
          col("merged_into_id", I, fk="event_abstracts_abstracts.id", null=0.95),
          col("duplicate_of_id", I, fk="event_abstracts_abstracts.id", null=0.95),
          col("is_deleted", B, lambda c: c.rng.random() < 0.05, nullable=False))
    table(md, "event_abstracts_abstract_person_links", 160,
          col("id", I, pk=True, auto=True),
          col("person_id", I, fk="events_persons.id", nullable=False),
          col("first_name", S(255), "first_name", null=0.8),
          col("last_name", S(255), "last_name", null=0.8),
          col("title", I, "choice", null=0.8, values=[0, 1, 2]),
          col("affiliation_id", I, fk="indico_affiliations.id", null=0.9),
          col("affiliation", S(255), _affil_text, null=0.8),
          col("address", T, _addr_or_empty, null=0.85),
          col("phone", S(255), _phone_or_empty, null=0.85),
          col("display_order", I, "int", nullable=False, lo=0, hi=6),
          col("abstract_id", I, fk="event_abstracts_abstracts.id", nullable=False),
          col("is_speaker", B, "bool", nullable=False),
          col("author_type", I, "choice", nullable=False, values=[0, 1, 2]),
          sa.UniqueConstraint("person_id", "abstract_id"))
    table(md, "event_registration_forms", 30,
          col("id", I, pk=True, auto=True),
          col("event_id", I, fk="events_events.id", nullable=False),
          col("title", S(255), "choice", nullable=False, values=[
              "Registration", "Participants", "Visa support", "Dinner", "Inscription"]),
          col("is_deleted", B, lambda c: c.rng.random() < 0.05, nullable=False))
    table(md, "event_registration_form_field_data", 80,
          col("id", I, pk=True, auto=True),
          col("field_id", I, "int", nullable=False, lo=1, hi=200),
          col("versioned_data", jsonb(), _field_config, nullable=False))
    table(md, "event_registration_registrations", N_REG,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("friendly_id", I, "seq", nullable=False),
          col("event_id", I, fk="events_events.id", nullable=False),
          col("registration_form_id", I, fk="event_registration_forms.id", nullable=False),
          col("user_id", I, fk="users_users.id", null=0.3),
          col("transaction_id", I, "seq", null=0.7, unique=True),
          col("state", I, "choice", nullable=False, values=[1, 2, 3, 4, 5]),
          col("base_price", N(11, 2), "money", nullable=False, lo=0, hi=500),
          col("price_adjustment", N(11, 2), "choice", nullable=False, values=[0, 0, 0, -50]),
          col("currency", S(255), "choice", nullable=False, values=["CHF", "EUR", "USD", ""]),
          col("submitted_dt", TS, _ts, nullable=False),
          col("email", S(255), "email", nullable=False),
          col("first_name", S(255), "first_name", nullable=False),
          col("last_name", S(255), "last_name", nullable=False),
          col("is_deleted", B, lambda c: c.rng.random() < 0.05, nullable=False),
          col("ticket_uuid", U, "uuid", unique=True, nullable=False),
          col("checked_in", B, "bool", nullable=False),
          col("checked_in_dt", TS, _ts, null=0.5),
          col("rejection_reason", S(255), lambda c: c.rng.choice([
              "", "", "", "", "Event is full.",
              f"Duplicate of the registration of {c.person['first']} {c.person['last']}."]),
              nullable=False),
          col("consent_to_publish", I, "choice", nullable=False, values=[0, 1, 2]),
          col("participant_hidden", B, "bool", nullable=False),
          col("created_by_manager", B, "bool", nullable=False),
          col("created_by_id", I, fk="users_users.id", null=0.7),
          col("modification_end_dt", TS, _ts, null=0.9),
          col("modified_dt", TS, _ts, null=0.5),
          col("apple_wallet_serial", S(255), lambda c: G["token"](_p(c, n=32, style="hex"))
              if c.rng.random() < 0.2 else "", nullable=False))
    table(md, "event_registration_registration_data", 400,
          col("registration_id", I, fk="event_registration_registrations.id", pk=True),
          col("field_data_id", I, fk="event_registration_form_field_data.id", pk=True),
          col("data", jsonb(), _reg_answer, nullable=False),
          col("filename", S(255), lambda c: _filename(_flag(c)), nullable=True),
          col("content_type", S(255), _file_part(lambda c: c.rng.choice(
              ["application/pdf", "image/jpeg"])), nullable=True),
          col("size", BI, _file_part(lambda c: c.rng.randint(20000, 4000000)), nullable=True),
          col("md5", S(255), _file_part(lambda c: G["token"](_p(c, n=32, style="hex"))),
              nullable=True),
          col("storage_backend", S(255), _file_part("default"), nullable=True),
          col("storage_file_id", S(255), _file_part(lambda c: f"event/{c.rng.randint(1, 99)}/"
                                                   f"registrations/{G['uuid_str'](c)}"),
              nullable=True))
    return md


def _flag(c):  # type: ignore[no-untyped-def]
    c.row["_has_file"] = c.rng.random() < 0.1
    return c

