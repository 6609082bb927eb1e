"""OpenVPMS (veterinary practice management, Java and Hibernate, MySQL), 1.8: a held-out
schema (issue #10), labelled before any scan and never tuned on. The schema is the
mysqldump ``openvpms-db/src/main/resources/org/openvpms/db/schema/schema.sql`` (the stored
copy is in the ``Narimm/OpenVPMS`` mirror of the project): 17 of its tables, all their
columns, keys and foreign keys as declared (``bit(1)`` as a boolean, ``longblob`` kept on
MariaDB).

OpenVPMS is an archetype (EAV) system: one ``entities`` table holds customers, patients
(the animals), users (vets and nurses), suppliers and products, told apart by
``arch_short_name`` (``party.customerperson``, ``party.patientpet``, ``security.user``...);
``parties`` and ``users`` are subtype tables sharing the entity's id; the attributes of an
entity are rows of ``entity_details`` (``firstName``, ``lastName``, ``title``, ``species``,
``breed``, ``dateOfBirth``...); contacts (``contact.location``, ``contact.phoneNumber``,
``contact.email``) keep their values in ``contact_details`` (``address``, ``suburb``,
``postcode``, ``telephoneNumber``, ``emailAddress``); identities (microchips, pet tags,
customer aliases, product codes) in ``entity_identities``; visits, clinical notes,
medications, invoices, payments, appointments and letters are ``acts`` with
``act_details`` (note text, weights, amounts, e-mail addresses of communications) and
``participations`` linking each act to its customer, patient, clinician and product;
invoices and payments have a ``financial_acts`` row, letters and images a ``document_acts``
row and ``documents`` (file name, content). Names are stored ``last,first`` in
``entities.name``; customer descriptions are derived from their contacts (address and
phone); users' passwords are plain text in ``varchar(20)``, as in OpenVPMS 1.x.
"""

from __future__ import annotations

import zlib
from decimal import Decimal

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import _ascii, blob, col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "Narimm/OpenVPMS",
          "path": "openvpms-db/src/main/resources/org/openvpms/db/schema/schema.sql",
          "commit": "39b353dbe21b760a24a9b9d2c83f2abd4b06c172"}
PERSON_TABLES = ("entities", "parties", "users")

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
V = sa.String
B = sa.Boolean
DT = sa.DateTime
D = sa.Date
DEC = sa.Numeric(18, 3)

N_ENT = 300
_ts = datetimes(2012, 2025)


def _kind(eid: int) -> str:
    """The archetype of entity ``eid`` (1-based), fixed so that every table agrees."""
    r = eid % 20
    if r in (0, 1, 2, 3, 4, 5, 6, 7):
        return "party.customerperson"
    if r in (8, 9, 10, 11, 12, 13, 14):
        return "party.patientpet"
    if r == 15:
        return "security.user"
    if r == 16:
        return "party.supplierorganisation"
    return "product.medication" if r in (17, 18) else "product.service"


ENT_IDS = list(range(1, N_ENT + 1))
CUSTOMERS = [e for e in ENT_IDS if _kind(e) == "party.customerperson"]
PATIENTS = [e for e in ENT_IDS if _kind(e) == "party.patientpet"]
USERS = [e for e in ENT_IDS if _kind(e) == "security.user"]
SUPPLIERS = [e for e in ENT_IDS if _kind(e) == "party.supplierorganisation"]
PRODUCTS = [e for e in ENT_IDS if _kind(e).startswith("product.")]
PARTIES = [e for e in ENT_IDS if not _kind(e).startswith("product.")]

DETAILS = {
    "party.customerperson": ["title", "firstName", "initials", "lastName", "companyName",
                             "referral"],
    "party.patientpet": ["species", "breed", "sex", "desexed", "dateOfBirth", "colour",
                         "deceased"],
    "security.user": ["title", "firstName", "lastName", "qualifications"],
    "party.supplierorganisation": ["accountId", "notes"],
    "product.medication": ["dispInstructions", "label", "drugSchedule"],
    "product.service": ["templateOnly"],
}
DETAIL_PLAN = [(e, n) for e in ENT_IDS for n in DETAILS[_kind(e)]]

# contacts: (party id, contact archetype), a few per customer, supplier and user
CONTACT_PLAN = [(p, k) for p in PARTIES if not _kind(p) == "party.patientpet"
                for k in (["contact.location", "contact.phoneNumber", "contact.email"]
                          if p % 3 else ["contact.location", "contact.phoneNumber"])]
CONTACT_DETAILS = {"contact.location": ["address", "suburb", "postcode", "state"],
                   "contact.phoneNumber": ["areaCode", "telephoneNumber", "preferred"],
                   "contact.email": ["emailAddress"]}
CONTACT_DETAIL_PLAN = [(i + 1, n) for i, (_, k) in enumerate(CONTACT_PLAN)
                       for n in CONTACT_DETAILS[k]]

ACT_KINDS = ["act.patientClinicalEvent", "act.patientClinicalNote", "act.patientMedication",
             "act.patientWeight", "act.customerAccountChargesInvoice",
             "act.customerAccountPayment", "act.customerAppointment",
             "act.customerCommunicationEmail", "act.patientDocumentLetter",
             "act.patientDocumentImage"]
N_ACTS = 400


def _act_kind(aid: int) -> str:
    return ACT_KINDS[(aid * 7) % len(ACT_KINDS)]


ACT_IDS = list(range(1, N_ACTS + 1))
FIN_ACTS = [a for a in ACT_IDS if _act_kind(a).startswith("act.customerAccount")]
DOC_ACTS = [a for a in ACT_IDS if _act_kind(a).startswith("act.patientDocument")]
ACT_DETAILS = {"act.patientClinicalNote": ["note"], "act.patientMedication": ["label", "quantity"],
               "act.patientWeight": ["weight", "units"], "act.customerAppointment": ["notes"],
               "act.customerCommunicationEmail": ["address", "subject"],
               "act.customerAccountPayment": ["notes"]}
ACT_DETAIL_PLAN = [(a, n) for a in ACT_IDS for n in ACT_DETAILS.get(_act_kind(a), [])]
PARTICIPATIONS = {"act.patientClinicalEvent": ["patient", "clinician"],
                  "act.patientClinicalNote": ["patient", "author"],
                  "act.patientMedication": ["patient", "product", "clinician"],
                  "act.patientWeight": ["patient"],
                  "act.customerAccountChargesInvoice": ["customer", "author"],
                  "act.customerAccountPayment": ["customer"],
                  "act.customerAppointment": ["customer", "patient", "clinician"],
                  "act.customerCommunicationEmail": ["customer", "author"],
                  "act.patientDocumentLetter": ["patient", "author"],
                  "act.patientDocumentImage": ["patient"]}
PART_PLAN = [(a, r) for a in ACT_IDS for r in PARTICIPATIONS[_act_kind(a)]]

LOOKUPS = [("lookup.species", "CANINE", "Canine"), ("lookup.species", "FELINE", "Feline"),
           ("lookup.species", "EQUINE", "Equine"), ("lookup.species", "LAGOMORPH", "Rabbit"),
           ("lookup.breed", "LABRADOR", "Labrador Retriever"),
           ("lookup.breed", "KELPIE", "Australian Kelpie"),
           ("lookup.breed", "DSH", "Domestic Short Hair"), ("lookup.breed", "BURMESE", "Burmese"),
           ("lookup.breed", "CAVOODLE", "Cavoodle"), ("lookup.personTitle", "MR", "Mr"),
           ("lookup.personTitle", "MRS", "Mrs"), ("lookup.personTitle", "MS", "Ms"),
           ("lookup.personTitle", "DR", "Dr"), ("lookup.contactPurpose", "HOME", "Home"),
           ("lookup.contactPurpose", "WORK", "Work"),
           ("lookup.contactPurpose", "MOBILE", "Mobile"),
           ("lookup.contactPurpose", "BILLING", "Billing"),
           ("lookup.contactPurpose", "REMINDER", "Reminder"),
           ("lookup.state", "VIC", "Victoria"), ("lookup.state", "NSW", "New South Wales"),
           ("lookup.suburb", "BRUNSWICK_3056", "Brunswick"),
           ("lookup.suburb", "FITZROY_3065", "Fitzroy"),
           ("lookup.suburb", "GEELONG_3220", "Geelong"),
           ("lookup.visitReason", "VACCINATION", "Vaccination"),
           ("lookup.visitReason", "CONSULT", "Consultation"),
           ("lookup.visitReason", "DENTAL", "Dental"),
           ("lookup.customerReferral", "FRIEND", "Friend"),
           ("lookup.customerReferral", "WEB", "Website")]
PURPOSES = list(range(14, 19))  # lookup ids of contactPurpose

PET_NAMES = ["Rex", "Bella", "Max", "Luna", "Charlie", "Coco", "Milo", "Daisy", "Ziggy",
             "Mochi", "Pepper", "Bluey", "Sir Fluffington", "Kiki", "Tama", "Loki"]


def _link_id(c):  # type: ignore[no-untyped-def]
    return G["uuid_str"](c)


def _ent_name(c):  # type: ignore[no-untyped-def]
    k = _kind(c.index + 1)
    p = c.person
    if k == "party.customerperson":
        return f"{p['last']},{p['first']}"
    if k == "party.patientpet":
        return c.rng.choice(PET_NAMES)
    if k == "security.user":
        return f"{c.rng.choice(['Dr ', ''])}{p['first']} {p['last']}"
    if k == "party.supplierorganisation":
        return c.rng.choice(["Provet Pty Ltd", "Lyppard Australia", "Apex Laboratories",
                             "Vet Pharma Direct"])
    return c.rng.choice(["Amoxyclav 250mg Tablets", "Meloxicam 1.5mg/ml Oral Suspension",
                         "Consultation - Standard", "C5 Vaccination", "Nail Clip",
                         "Desexing - Feline Female", "Heartworm Injection (12 month)"])


def _ent_desc(c):  # type: ignore[no-untyped-def]
    k = _kind(c.index + 1)
    if k == "party.customerperson":
        return f"{G['street'](c)}, {G['city'](c)} {G['postcode'](c)} {G['phone'](c)}" \
            if c.rng.random() < 0.8 else None
    if k == "party.patientpet":
        return (f"{c.rng.choice(['Canine', 'Feline'])} "
                f"({c.rng.choice(['Labrador Retriever', 'Burmese', 'Cavoodle', 'DSH'])}) "
                f"{c.rng.choice(['Male', 'Female'])} {c.rng.choice(['Desexed', 'Entire'])} "
                f"{c.rng.randint(1, 15)} Years")
    if k == "security.user":
        return c.rng.choice(["Veterinarian", "Nurse", "Reception", None])
    return None


def _ent_detail_value(c):  # type: ignore[no-untyped-def]
    eid, n = DETAIL_PLAN[c.index]
    p = c.person
    v = {
        "title": lambda: c.rng.choice(["MR", "MRS", "MS", "DR"]),
        "firstName": lambda: p["first"],
        "initials": lambda: (p["first"][:1] + (p["middle"][:1] or "")).upper(),
        "lastName": lambda: p["last"],
        "companyName": lambda: G["company"](c) if c.rng.random() < 0.3 else "",
        "referral": lambda: c.rng.choice(["FRIEND", "WEB", ""]),
        "species": lambda: c.rng.choice(["CANINE", "FELINE", "LAGOMORPH", "EQUINE"]),
        "breed": lambda: c.rng.choice(["LABRADOR", "KELPIE", "DSH", "BURMESE", "CAVOODLE"]),
        "sex": lambda: c.rng.choice(["MALE", "FEMALE", "UNSPECIFIED"]),
        "desexed": lambda: c.rng.choice(["true", "false"]),
        "dateOfBirth": lambda: f"{G['date'](_p(c, start=2008, end=2024)).isoformat()} 00:00:00.0",
        "colour": lambda: c.rng.choice(["Black", "Tan", "Tabby", "Ginger and white", ""]),
        "deceased": lambda: c.rng.choice(["false"] * 9 + ["true"]),
        "qualifications": lambda: c.rng.choice(["BVSc", "BVSc (Hons) MANZCVS",
                                                "Cert IV Vet Nursing"]),
        "accountId": lambda: f"ACC{c.rng.randint(1000, 9999)}",
        "notes": lambda: c.rng.choice(["Orders by Tuesday 3pm", "Rep visits monthly", ""]),
        "dispInstructions": lambda: c.rng.choice(["Give 1 tablet twice daily with food",
                                                  "Give 0.5 ml per 5 kg once daily"]),
        "label": lambda: c.rng.choice(["For animal treatment only", "Keep refrigerated"]),
        "drugSchedule": lambda: c.rng.choice(["S4", "S4", "S8"]),
        "templateOnly": lambda: "false",
    }[n]()
    return v


def _detail_type(name: str) -> str:
    if name in ("desexed", "deceased", "templateOnly", "preferred"):
        return "boolean"
    if name == "dateOfBirth":
        return "sql-timestamp"
    if name in ("weight", "quantity"):
        return "big-decimal"
    return "string"


def _identity(c):  # type: ignore[no-untyped-def]
    k = c.row["arch_short_name"]
    if k == "entityIdentity.microchip":
        return f"{c.rng.choice(['956', '982', '900'])}0000{c.rng.randint(10**7, 10**8 - 1)}"
    if k == "entityIdentity.petTag":
        return f"{c.rng.choice(['CoM', 'Yarra', 'Geel'])}-{c.rng.randint(1000, 99999)}"
    if k == "entityIdentity.customerAlias":
        p = new_person(c)
        return c.rng.choice([f"{p['last']} (old system)", f"{p['first']} {p['last']}",
                             f"RX{c.rng.randint(1000, 9999)}"])
    return f"PC{c.rng.randint(100000, 999999)}"


def _identity_kind(c):  # type: ignore[no-untyped-def]
    eid = c.row["entity_id"]
    k = _kind(eid)
    if k == "party.patientpet":
        return c.rng.choice(["entityIdentity.microchip", "entityIdentity.microchip",
                             "entityIdentity.petTag"])
    if k == "party.customerperson":
        return "entityIdentity.customerAlias"
    return "entityIdentity.code"


def _contact_desc(c):  # type: ignore[no-untyped-def]
    k = CONTACT_PLAN[c.index][1]
    if k == "contact.location":
        return f"{G['street'](c)} {G['city'](c)} {G['postcode'](c)}"
    if k == "contact.phoneNumber":
        return G["phone"](c)
    return c.person["email"]


def _contact_detail(c):  # type: ignore[no-untyped-def]
    n = CONTACT_DETAIL_PLAN[c.index][1]
    return {"address": lambda: G["street"](c), "suburb": lambda: c.rng.choice(
        ["BRUNSWICK_3056", "FITZROY_3065", "GEELONG_3220"]),
        "postcode": lambda: str(c.rng.randint(3000, 3999)),
        "state": lambda: c.rng.choice(["VIC", "NSW"]),
        "areaCode": lambda: c.rng.choice(["03", "02", ""]),
        "telephoneNumber": lambda: G["phone"](c),
        "preferred": lambda: c.rng.choice(["true", "false"]),
        "emailAddress": lambda: c.person["email"]}[n]()


def _act_desc(c):  # type: ignore[no-untyped-def]
    k = _act_kind(c.index + 1)
    if k == "act.customerAppointment" and c.rng.random() < 0.3:
        p = new_person(c)
        return c.rng.choice([f"Owner {p['first']} {p['last']} will drop off, call {G['phone'](c)}",
                             f"Bring records from Dr {p['last']}"])
    if k == "act.patientClinicalEvent":
        return c.rng.choice(["Vaccination", "Lame left hind", "Vomiting x2 days", "Dental",
                             "Annual check"])
    return None


def _act_detail(c):  # type: ignore[no-untyped-def]
    n = ACT_DETAIL_PLAN[c.index][1]
    if n == "note":
        r = c.rng.random()
        if r < 0.2:
            p = new_person(c)
            return c.rng.choice([
                f"Discussed with owner {p['first']} {p['last']}; ph {G['phone'](c)}",
                f"Referred to Dr {p['last']} at Southside Specialists"])
        return c.rng.choice(["HR 120, T 38.6, mm pink, CRT<2s. Mild otitis externa AD.",
                             "C5 given L scruff. No reactions.", "Weight stable. Diet discussed.",
                             "Dental scale and polish, 2 extractions (108, 208)."])
    if n == "address":
        return c.rng.choice([new_person(c)["email"], new_person(c)["email"], G["phone"](c)])
    if n == "subject":
        return c.rng.choice(["Vaccination reminder", "Invoice", "Lab results"])
    if n == "label":
        return "Give 1 tablet twice daily"
    if n in ("quantity", "weight"):
        return f"{c.rng.uniform(0.5, 40):.2f}"
    if n == "units":
        return "KILOGRAMS"
    return c.rng.choice(["Paid by card", "EFTPOS", f"Paid by {new_person(c)['first']} (daughter)",
                         ""])


def _part_entity(c):  # type: ignore[no-untyped-def]
    role = PART_PLAN[c.index][1]
    pool = {"customer": CUSTOMERS, "patient": PATIENTS, "clinician": USERS, "author": USERS,
            "product": PRODUCTS}[role]
    return c.rng.choice(pool)


def _file_name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    pet = c.rng.choice(PET_NAMES)
    return c.rng.choice([f"{pet}_{_ascii(p['last'])}_Vaccination_Certificate.pdf",
                         f"Letter to {_ascii(p['first'])} {_ascii(p['last'])}.pdf",
                         f"xray_{c.rng.randint(1, 9999):04d}.jpg", "Consent form.pdf",
                         f"IMG_{c.rng.randint(1000, 9999)}.JPG"])


def _contents(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return G["image"](c)
    p = new_person(c)
    text = (f"%PDF-1.4\n1 0 obj\n(Dear {p['first']} {p['last']},) Tj\n"
            f"({G['street'](c)}) Tj\n(Your pet is due for vaccination.) Tj\n").encode()
    return text if c.rng.random() < 0.6 else zlib.compress(text)


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "entities", N_ENT,
          col("entity_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=12),
          col("linkId", V(36), _link_id),
          col("arch_short_name", V(100), lambda c: _kind(c.index + 1)),
          col("arch_version", V(100), "choice", values=["1.0", "2.0"]),
          col("name", V(100), _ent_name, nullable=True),
          col("description", V(255), _ent_desc, nullable=True),
          col("active", B, "choice", values=[True, True, True, False], nullable=True))
    table(md, "entity_details", len(DETAIL_PLAN),
          col("entity_id", BI, lambda c: DETAIL_PLAN[c.index][0], fk="entities.entity_id",
              pk=True),
          col("type", V(255), lambda c: _detail_type(DETAIL_PLAN[c.index][1])),
          col("value", V(5000), _ent_detail_value),
          col("name", V(255), lambda c: DETAIL_PLAN[c.index][1], pk=True))
    table(md, "parties", len(PARTIES),
          col("party_id", BI, lambda c: PARTIES[c.index], fk="entities.entity_id", pk=True))
    table(md, "users", len(USERS),
          col("user_id", BI, lambda c: USERS[c.index], fk="parties.party_id", pk=True),
          col("user_name", V(20), lambda c: c.person["username"][:20], unique=True),
          col("password", V(20), lambda c: None if c.rng.random() < 0.1 else c.rng.choice(
              ["admin", "vet2019!", f"{c.person['first'][:8]}123", "Tr0ub4dor&3",
               G["token"](_p(c, n=12, style="url"))]), nullable=True))
    table(md, "entity_identities", 160,
          col("entity_identity_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=3),
          col("linkId", V(36), _link_id),
          col("entity_id", BI, lambda c: c.rng.choice(PATIENTS + PATIENTS + CUSTOMERS
                                                       + PRODUCTS),
              fk="entities.entity_id"),
          col("arch_short_name", V(100), _identity_kind),
          col("arch_version", V(100), "choice", values=["1.0"]),
          col("name", V(255), lambda c: _identity(c), nullable=True),
          col("description", V(255), lambda c: None if c.rng.random() < 0.5 else
              f"{c.row['arch_short_name'].split('.')[1]}: {c.row['name']}", nullable=True),
          col("active", B, "choice", values=[True, True, False], nullable=True),
          col("identity", V(255), lambda c: c.row["name"], nullable=True))
    table(md, "entity_relationships", 200,
          col("entity_relationship_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=3),
          col("linkId", V(36), _link_id),
          col("arch_short_name", V(100), "choice",
              values=["entityRelationship.patientOwner"] * 6 +
              ["entityRelationship.patientLocation", "entityRelationship.referredFrom",
               "entityRelationship.productSupplier"]),
          col("arch_version", V(100), "choice", values=["1.0"]),
          col("name", V(255), "choice", values=[None, "Patient Owner", ""], nullable=True),
          col("description", V(255), "choice", values=[None, ""], nullable=True),
          col("active_start_time", DT, _ts, nullable=True),
          col("active_end_time", DT, _ts, null=0.8),
          col("sequence", I, "choice", values=[0]),
          col("source_id", BI, lambda c: c.rng.choice(SUPPLIERS) if
              c.row["arch_short_name"].endswith("productSupplier") else
              c.rng.choice(CUSTOMERS), fk="entities.entity_id", nullable=True),
          col("target_id", BI, lambda c: c.rng.choice(PRODUCTS) if
              c.row["arch_short_name"].endswith("productSupplier") else
              c.rng.choice(PATIENTS), fk="entities.entity_id", nullable=True),
          col("identity_id", BI, fk="entity_identities.entity_identity_id", null=0.95))
    table(md, "contacts", len(CONTACT_PLAN),
          col("contact_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=5),
          col("linkId", V(36), _link_id),
          col("party_id", BI, lambda c: CONTACT_PLAN[c.index][0], fk="parties.party_id",
              nullable=True),
          col("arch_short_name", V(100), lambda c: CONTACT_PLAN[c.index][1]),
          col("arch_version", V(100), "choice", values=["1.0", "2.0"]),
          col("name", V(255), lambda c: {"contact.location": "Location",
                                         "contact.phoneNumber": "Phone Number",
                                         "contact.email": "Email"}[CONTACT_PLAN[c.index][1]],
              nullable=True),
          col("description", V(255), _contact_desc, null=0.05),
          col("active", B, "choice", values=[True, True, True, False], nullable=True),
          col("active_start_time", D, "date", null=0.3),
          col("active_end_time", D, "date", null=0.9))
    table(md, "contact_details", len(CONTACT_DETAIL_PLAN),
          col("contact_id", BI, lambda c: CONTACT_DETAIL_PLAN[c.index][0],
              fk="contacts.contact_id", pk=True),
          col("type", V(255), lambda c: _detail_type(CONTACT_DETAIL_PLAN[c.index][1])),
          col("value", V(5000), _contact_detail),
          col("name", V(255), lambda c: CONTACT_DETAIL_PLAN[c.index][1], pk=True))
    table(md, "lookups", len(LOOKUPS),
          col("lookup_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=2),
          col("linkId", V(36), _link_id),
          col("active", B, "choice", values=[True], nullable=True),
          col("arch_short_name", V(100), lambda c: LOOKUPS[c.index][0]),
          col("arch_version", V(100), "choice", values=["1.0"]),
          col("code", V(100), lambda c: LOOKUPS[c.index][1]),
          col("name", V(255), lambda c: LOOKUPS[c.index][2], nullable=True),
          col("description", V(255), "choice", values=[None], nullable=True),
          col("default_lookup", B, "choice", values=[False, False, True], nullable=True),
          sa.UniqueConstraint("arch_short_name", "code"))
    table(md, "contact_classifications", 250,
          col("contact_id", BI, fk="contacts.contact_id", pk=True),
          col("lookup_id", BI, lambda c: c.rng.choice(PURPOSES), fk="lookups.lookup_id",
              pk=True))
    table(md, "acts", N_ACTS,
          col("act_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=8),
          col("arch_short_name", V(100), lambda c: _act_kind(c.index + 1)),
          col("arch_version", V(100), "choice", values=["1.0", "2.0"]),
          col("linkId", V(36), _link_id),
          col("name", V(255), lambda c: _act_kind(c.index + 1).split(".")[1]
              .replace("customer", "").replace("patient", ""), nullable=True),
          col("description", V(255), _act_desc, nullable=True),
          col("active", B, "choice", values=[True], nullable=True),
          col("title", V(255), "choice", values=[None, None, "Vaccination reminder",
                                                 "Post-op check"], nullable=True),
          col("activity_start_time", DT, _ts, nullable=True),
          col("activity_end_time", DT, _ts, null=0.4),
          col("reason", V(255), "choice", values=[None, "VACCINATION", "CONSULT", "DENTAL"],
              nullable=True),
          col("status", V(255), "choice", values=["POSTED", "COMPLETED", "IN_PROGRESS",
                                                  "PENDING", "CANCELLED"], nullable=True),
          col("status2", V(50), "choice", values=[None, None, "SENT", "PENDING"],
              nullable=True))
    table(md, "act_details", len(ACT_DETAIL_PLAN),
          col("act_id", BI, lambda c: ACT_DETAIL_PLAN[c.index][0], fk="acts.act_id", pk=True),
          col("type", V(255), lambda c: _detail_type(ACT_DETAIL_PLAN[c.index][1])),
          col("value", V(5000), _act_detail),
          col("name", V(255), lambda c: ACT_DETAIL_PLAN[c.index][1], pk=True))
    table(md, "participations", len(PART_PLAN),
          col("participation_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=2),
          col("linkId", V(36), _link_id),
          col("arch_short_name", V(100), lambda c: f"participation.{PART_PLAN[c.index][1]}"),
          col("arch_version", V(100), "choice", values=["1.0"]),
          col("name", V(255), "choice", values=[None], nullable=True),
          col("description", V(255), "choice", values=[None], nullable=True),
          col("active", B, "choice", values=[True], nullable=True),
          col("act_arch_short_name", V(100), lambda c: _act_kind(PART_PLAN[c.index][0]),
              nullable=True),
          col("entity_id", BI, _part_entity, fk="entities.entity_id", nullable=True),
          col("act_id", BI, lambda c: PART_PLAN[c.index][0], fk="acts.act_id", nullable=True),
          col("activity_start_time", DT, _ts, nullable=True),
          col("activity_end_time", DT, _ts, null=0.4))
    table(md, "financial_acts", len(FIN_ACTS),
          col("financial_act_id", BI, lambda c: FIN_ACTS[c.index], fk="acts.act_id", pk=True),
          col("quantity", DEC, lambda c: Decimal(c.rng.choice([1, 1, 1, 2, 3])),
              nullable=True),
          col("fixed_amount", DEC, "money", lo=0, hi=80, nullable=True),
          col("unit_amount", DEC, "money", lo=0, hi=300, nullable=True),
          col("fixed_cost", DEC, "money", lo=0, hi=40, nullable=True),
          col("unit_cost", DEC, "money", lo=0, hi=150, nullable=True),
          col("tax_amount", DEC, "money", lo=0, hi=60, nullable=True),
          col("total", DEC, "money", lo=10, hi=1500, nullable=True),
          col("allocated_amount", DEC, "money", lo=0, hi=1500, nullable=True),
          col("credit", B, "choice", values=[False, False, True], nullable=True),
          col("printed", B, "choice", values=[False, True], nullable=True))
    table(md, "documents", len(DOC_ACTS),
          col("document_id", BI, pk=True, auto=True),
          col("version", BI, "int", lo=0, hi=2),
          col("linkId", V(36), _link_id),
          col("arch_short_name", V(100), "choice", values=["document.other",
                                                           "document.image"]),
          col("arch_version", V(100), "choice", values=["1.0"]),
          col("name", V(255), _file_name, nullable=True),
          col("description", V(255), "choice", values=[None, None, "Scanned"], nullable=True),
          col("mime_type", V(255), "choice", values=["application/pdf", "image/jpeg"],
              nullable=True),
          col("doc_size", I, "int", lo=2000, hi=900000, nullable=True),
          col("checksum", BI, "int", lo=0, hi=2**32 - 1, nullable=True),
          col("contents", blob("long"), _contents, nullable=True))
    table(md, "document_acts", len(DOC_ACTS),
          col("document_act_id", BI, lambda c: DOC_ACTS[c.index], fk="acts.act_id", pk=True),
          col("doc_version", V(255), "choice", values=[None, "1"], nullable=True),
          col("file_name", V(255), _file_name, nullable=True),
          col("mime_type", V(255), "choice", values=["application/pdf", "image/jpeg"],
              nullable=True),
          col("printed", B, "choice", values=[False, True], nullable=True),
          col("document_id", BI, lambda c: c.index + 1, fk="documents.document_id",
              nullable=True))
    table(md, "audit_records", 120,
          col("audit_id", BI, pk=True, auto=True),
          col("version", BI, "choice", values=[0]),
          col("linkId", V(36), _link_id),
          col("archetype_id", V(255), "choice", values=["party.customerperson.1.0",
                                                        "party.patientpet.1.0",
                                                        "act.customerAccountPayment.1.0"],
              nullable=True),
          col("time_stamp", DT, _ts, nullable=True),
          col("object_id", BI, lambda c: c.rng.choice(CUSTOMERS + PATIENTS), nullable=True),
          col("service", V(255), "choice", values=["archetypeService"], nullable=True),
          col("operation", V(255), "choice", values=["save", "save", "remove"],
              nullable=True),
          col("user", V(255), lambda c: "admin" if c.rng.random() < 0.3
              else new_person(c)["username"][:20], nullable=True))
    return md

