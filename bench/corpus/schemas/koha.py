"""Koha (integrated library system, Perl, MySQL/MariaDB): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as
``installer/data/mysql/kohastructure.sql`` creates them. 15 of its tables: ``borrowers``
(the patrons and the staff) with all its columns, the tables around it (custom
attributes, restrictions, files, password recovery, guarantor relationships, renewals),
branches, a column subset of ``categories``, ``borrower_attribute_types`` and
``biblioitems``, bibliographic records, cash registers and background jobs. Foreign keys
as the file declares them; references to tables not included (``sms_providers``,
``restriction_types``, ``issues``, ``itemtypes``) are plain values, as are the
references Koha leaves undeclared (``borrower_debarments.manager_id``,
``borrower_password_recovery.borrowernumber``, ``background_jobs.borrowernumber``).

Tables: patrons (card number, names, initials, pronouns, two postal addresses, e-mails,
phones, SMS number, date of birth, the guarantor's and an alternate contact's names,
address and phone, staff notes, bcrypt hash, 2FA secret, OverDrive token, login),
custom attributes (student ids in part), restrictions (comments naming patrons in part),
uploaded files (ID scans named after the patron), password-recovery tokens, guarantor
links, branches (the library's own addresses, phones, e-mails and network), patron
categories, attribute types, bibliographic records (authors as ``Surname, Forename``),
biblio items (ISBN, publisher), cash registers and their actions, checkout renewals and
background jobs (JSON with import messages naming patrons in part).
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import (
    blob,
    col,
    datetimes,
    enum,
    longtext,
    mediumtext,
    new_person,
    table,
    tinyint,
    tinytext,
)
from ..gen import with_params as _p

SOURCE = {"repo": "Koha-Community/Koha", "path": "installer/data/mysql/kohastructure.sql",
          "commit": "00545f8780390d735dad664d76d09cc67f42fdaa"}
PERSON_TABLES = ("borrowers",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SI = sa.SmallInteger
T = sa.Text
LT = longtext()
MT = mediumtext()
TT = tinytext()
TI = tinyint()
TS = sa.DateTime
D = sa.Date
DEC = sa.Numeric(28, 6)


def S(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


N_BORROWER = 400
N_BRANCH = 6
N_BIBLIO = 200

_ts = datetimes(2016, 2025)

BRANCHES = [("CPL", "Centerville Public Library"), ("MPL", "Midway Branch"),
            ("FFL", "Fairfield Library"), ("SCH", "Lincoln High School Library"),
            ("BOOKMOBILE", "Bookmobile"), ("ILL", "Interlibrary Loan Office")]
CATEGORIES = [("PT", "Patron", "A"), ("ST", "Student", "C"), ("J", "Juvenile", "C"),
              ("S", "Staff", "S"), ("K", "Kid", "C"), ("B", "Board", "A"),
              ("IL", "Inter-Library Loan", "I"), ("HB", "Home Bound", "A")]
STREET_TYPES = ["Rd", "St", "Ave", "Blvd", "Ln", "Weg", "Straße", "Rue", None]


def _card(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([f"2{c.rng.randint(10**9, 10**10 - 1)}",
                         f"{c.rng.randint(100000, 999999)}", f"P{c.rng.randint(10**6, 10**7)}"])


def _userid(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return c.row["cardnumber"]
    if r < 0.7:
        return c.person["username"]
    if r < 0.85:
        return c.person["email"]
    return None


def _street(c):  # type: ignore[no-untyped-def]
    return c.person["f"].street_name()


def _notes(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return None
    if r < 0.8:
        other = new_person(c)
        return f"Mother: {other['first']} {other['last']}, call {G['phone'](c)} first"
    if r < 0.87:
        return f"Lost card reported {G['date'](c)}; new card issued"
    return c.rng.choice(["Prefers large print", "Owes for damaged DVD",
                         "Do not send overdue notices by e-mail", ""])


def _attr_value(c):  # type: ignore[no-untyped-def]
    code = c.row["code"]
    if code == "STUDENTID":
        return f"S{c.rng.randint(1000000, 9999999)}"
    if code == "SCHOOL":
        return c.rng.choice(["Lincoln High", "Washington Elementary", "Gymnasium Nord"])
    if code == "GRADE":
        return str(c.rng.randint(1, 12))
    if code == "PARENTMAIL":
        return new_person(c)["email"]
    return c.rng.choice(["0", "1"])


def _debar_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return f"Restriction added by overdues process {G['date'](c)}"
    if r < 0.65:
        return f"Damaged book; {c.person['first']} {c.person['last']} promised to pay"
    if r < 0.8:
        return "Lost item not returned"
    return None


def _file_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"ID_card_{p['last']}.pdf", "proof_of_address.jpg",
                         f"{p['first']}_{p['last']}_consent.pdf".replace(" ", "_"),
                         "scan0001.pdf", "photo.png"])


def _job_data(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    if t == "import_patrons":
        p = new_person(c)
        msg = {"type": "success", "code": "patron_imported",
               "message": f"Patron {p['first']} {p['last']} ({c.rng.randint(10**9, 10**10)}) "
                          "imported"}
        return json.dumps({"report": {"total_records": 1, "imported": 1}, "messages": [msg]})
    ids = [c.rng.randint(1, N_BIBLIO) for _ in range(c.rng.randint(1, 4))]
    return json.dumps({"record_ids": ids, "report": {"total_records": len(ids),
                                                     "total_success": len(ids)},
                       "messages": []})


def _job_context(c):  # type: ignore[no-untyped-def]
    return json.dumps({"interface": c.rng.choice(["intranet", "commandline", "cron"]),
                       "number": c.rng.randint(1, 20), "id": c.rng.randint(1, 20),
                       "flags": 1})


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "branches", N_BRANCH,
          col("branchcode", S(10), lambda c: BRANCHES[c.index][0], pk=True),
          col("branchname", LT, lambda c: BRANCHES[c.index][1]),
          col("branchaddress1", LT, lambda c: c.fakers["en_US"].street_address(), null=0.1),
          col("branchaddress2", LT, "const", value="Suite 100", null=0.8),
          col("branchaddress3", LT, "const", value="", null=0.9),
          col("branchzip", S(25), lambda c: c.fakers["en_US"].postcode(), null=0.1),
          col("branchcity", LT, lambda c: c.fakers["en_US"].city(), null=0.1),
          col("branchstate", LT, lambda c: c.fakers["en_US"].state_abbr(), null=0.3),
          col("branchcountry", MT, "const", value="USA", null=0.3),
          col("branchphone", LT, lambda c: f"(555) 0{c.rng.randint(10, 99)}-{c.index}000",
              null=0.1),
          col("branchfax", LT, lambda c: f"(555) 0{c.rng.randint(10, 99)}-{c.index}001",
              null=0.5),
          col("branchemail", LT, lambda c: f"{BRANCHES[c.index][0].lower()}@library.example.org",
              null=0.2),
          col("branchillemail", LT, "const", value="ill@library.example.org", null=0.7),
          col("branchreplyto", LT, "const", value="noreply@library.example.org", null=0.6),
          col("branchreturnpath", LT, "const", value="bounces@library.example.org", null=0.7),
          col("branchurl", LT, lambda c: f"https://library.example.org/{c.row['branchcode']}",
              null=0.4),
          col("issuing", TI, "const", value=None, nullable=True),
          col("branchip", S(15), lambda c: f"10.0.{c.index}.0", null=0.6),
          col("branchnotes", LT, "choice", values=["Closed on Sundays", None, None],
              nullable=True),
          col("geolocation", S(255), lambda c: f"{G['lat'](c)},{G['lon'](c)}", null=0.5),
          col("marcorgcode", S(16), lambda c: f"US-{c.row['branchcode']}", null=0.5),
          col("pickup_location", TI, "choice", values=[0, 1, 1]),
          col("public", TI, "choice", values=[0, 1, 1, 1]))
    table(md, "categories", len(CATEGORIES),
          col("categorycode", S(10), lambda c: CATEGORIES[c.index][0], pk=True),
          col("description", LT, lambda c: CATEGORIES[c.index][1]),
          col("enrolmentperiod", SI, "choice", values=[12, 24, 99], null=0.1),
          col("enrolmentperioddate", D, "date", null=0.9),
          col("upperagelimit", SI, "choice", values=[None, 17, 12], nullable=True),
          col("dateofbirthrequired", TI, "choice", values=[None, 5, 13], nullable=True),
          col("enrolmentfee", DEC, "money", lo=0, hi=20, null=0.5),
          col("overduenoticerequired", TI, "choice", values=[0, 1]),
          col("reservefee", DEC, "money", lo=0, hi=2, null=0.5),
          col("hidelostitems", TI, "choice", values=[0, 1]),
          col("category_type", S(1), lambda c: CATEGORIES[c.index][2]),
          col("default_privacy", enum("default", "never", "forever"), "choice",
              values=["default", "never", "forever"]))
    table(md, "borrowers", N_BORROWER,
          col("borrowernumber", I, pk=True, auto=True),
          col("cardnumber", S(32), _card, unique=True, null=0.03),
          col("surname", LT, "last_name", null=0.01),
          col("firstname", MT, "first_name", null=0.03),
          col("middle_name", LT, lambda c: c.person["middle"] or None, nullable=True),
          col("title", LT, "choice", values=["Mr", "Ms", "Mrs", "Dr", "Prof.", ""], null=0.6),
          col("othernames", LT, lambda c: c.rng.choice([c.person["first"][:3], "Bobby",
                                                         "Kiki"]), null=0.9),
          col("initials", MT, lambda c: f"{c.person['first'][:1]}{c.person['last'][:1]}",
              null=0.6),
          col("pronouns", LT, "choice", values=["she/her", "he/him", "they/them"], null=0.85),
          col("streetnumber", TT, lambda c: str(c.rng.randint(1, 400)), null=0.3),
          col("streettype", TT, "choice", values=STREET_TYPES, null=0.4),
          col("address", LT, _street, null=0.05),
          col("address2", MT, lambda c: f"Apt {c.rng.randint(1, 40)}", null=0.8),
          col("city", LT, "city", null=0.05),
          col("state", MT, "state", null=0.4),
          col("zipcode", TT, "postcode", null=0.1),
          col("country", MT, "country", null=0.7),
          col("email", LT, "email", null=0.2),
          col("phone", MT, "phone", null=0.3),
          col("mobile", TT, "phone", null=0.6),
          col("fax", LT, "phone", null=0.97),
          col("emailpro", MT, lambda c: f"{c.person['username']}@{c.fakers['en_US'].domain_name()}",
              null=0.85),
          col("phonepro", MT, "phone", null=0.85),
          col("B_streetnumber", TT, lambda c: str(c.rng.randint(1, 400)), null=0.9),
          col("B_streettype", TT, "choice", values=STREET_TYPES, null=0.9),
          col("B_address", MT, "street", null=0.9),
          col("B_address2", MT, lambda c: f"c/o {new_person(c)['last']}", null=0.97),
          col("B_city", LT, "city", null=0.9),
          col("B_state", MT, "state", null=0.93),
          col("B_zipcode", TT, "postcode", null=0.9),
          col("B_country", MT, "country", null=0.95),
          col("B_email", MT, lambda c: new_person(c)["email"], null=0.93),
          col("B_phone", LT, "phone", null=0.9),
          col("dateofbirth", D, "dob", null=0.1),
          col("branchcode", S(10), fk="branches.branchcode"),
          col("categorycode", S(10), fk="categories.categorycode"),
          col("dateenrolled", D, "date", null=0.02),
          col("dateexpiry", D, "date", start=2024, end=2028),
          col("password_expiration_date", D, "date", null=0.9),
          col("date_renewed", D, "date", null=0.7),
          col("gonenoaddress", TI, "choice", values=[0, 0, 0, 1], null=0.3),
          col("lost", TI, "choice", values=[0, 0, 0, 1], null=0.3),
          col("debarred", D, "date", null=0.9),
          col("debarredcomment", S(255), "choice", values=[
              "OVERDUES_PROCESS", "Restriction added by overdues process", "Lost item"],
              null=0.92),
          col("contactname", LT, "last_name", null=0.85),
          col("contactfirstname", MT, lambda c: new_person(c)["first"], null=0.87),
          col("contacttitle", MT, "choice", values=["Mr", "Mrs", "Ms"], null=0.93),
          col("borrowernotes", LT, _notes, nullable=True),
          col("relationship", S(100), "choice", values=["father", "mother", "grandparent",
                                                        "legal guardian"], null=0.85),
          col("sex", S(1), "gender", null=0.3),
          col("password", S(60), lambda c: "$2a$08$" + G["token"](_p(c, n=53, style="url"))
              .replace("-", ".").replace("_", "/"), null=0.4),
          col("secret", MT, lambda c: "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
                                              for _ in range(32)), null=0.96),
          col("auth_method", enum("password", "two-factor"),
              lambda c: "two-factor" if c.row["secret"] else "password"),
          col("flags", BI, "choice", values=[None, None, None, 0, 1, 4, 12], nullable=True),
          col("userid", S(75), _userid, unique=True, nullable=True),
          col("opacnote", LT, "choice", values=["Please renew your card", "",
                                                "Your address is unconfirmed"], null=0.85),
          col("contactnote", S(255), "choice", values=["Summer address", "Parents' house"],
              null=0.95),
          col("sort1", S(80), "choice", values=["GR7", "GR8", "FAC", "RES", "NR"], null=0.6),
          col("sort2", S(80), "choice", values=["A", "B", "2024"], null=0.8),
          col("altcontactfirstname", MT, lambda c: new_person(c)["first"], null=0.9),
          col("altcontactsurname", MT, "last_name", null=0.9),
          col("altcontactaddress1", MT, "street", null=0.92),
          col("altcontactaddress2", MT, lambda c: f"Apt {c.rng.randint(1, 40)}", null=0.97),
          col("altcontactaddress3", MT, "city", null=0.92),
          col("altcontactstate", MT, "state", null=0.94),
          col("altcontactzipcode", MT, "postcode", null=0.92),
          col("altcontactcountry", MT, "country", null=0.96),
          col("altcontactphone", MT, "phone", null=0.9),
          col("smsalertnumber", S(50), lambda c: "+1" + str(c.rng.randint(2012000000, 9899999999)),
              null=0.8),
          col("sms_provider_id", I, "int", lo=1, hi=5, null=0.97),
          col("privacy", I, "choice", values=[0, 1, 1, 2]),
          col("privacy_guarantor_fines", TI, "choice", values=[0, 0, 1]),
          col("privacy_guarantor_checkouts", TI, "choice", values=[0, 0, 1]),
          col("checkprevcheckout", S(7), "choice", values=["inherit", "inherit", "yes", "no"]),
          col("updated_on", TS, _ts),
          col("lastseen", TS, _ts, null=0.4),
          col("lang", S(25), "choice", values=["default", "default", "en", "es-ES", "fr-FR"]),
          col("login_attempts", I, "choice", values=[0, 0, 0, 1, 3, -1]),
          col("overdrive_auth_token", MT, lambda c: G["token"](_p(c, n=180, style="url")),
              null=0.97),
          col("anonymized", TI, "choice", values=[0] * 19 + [1]),
          col("autorenew_checkouts", TI, "choice", values=[0, 1, 1]),
          col("primary_contact_method", S(45), "choice", values=["email", "phone", "sms",
                                                                 "mobile"], null=0.7))
    table(md, "borrower_attribute_types", 5,
          col("code", S(10), lambda c: ["STUDENTID", "SCHOOL", "GRADE", "PARENTMAIL",
                                        "SHOW_BCODE"][c.index], pk=True),
          col("description", S(255), lambda c: ["Student ID", "School", "Grade",
                                                "Parent e-mail", "Show barcode"][c.index]),
          col("repeatable", TI, "choice", values=[0, 1]),
          col("unique_id", TI, lambda c: 1 if c.index == 0 else 0),
          col("opac_display", TI, "choice", values=[0, 1]),
          col("staff_searchable", TI, "choice", values=[0, 1]),
          col("category_code", S(10), fk="categories.categorycode", null=0.6),
          col("class", S(255), "const", value=""),
          col("mandatory", TI, "choice", values=[0, 1]))
    table(md, "borrower_attributes", 300,
          col("id", I, pk=True, auto=True),
          col("borrowernumber", I, fk="borrowers.borrowernumber"),
          col("code", S(10), fk="borrower_attribute_types.code"),
          col("attribute", S(255), _attr_value, nullable=True))
    table(md, "borrower_debarments", 60,
          col("borrower_debarment_id", I, pk=True, auto=True),
          col("borrowernumber", I, fk="borrowers.borrowernumber"),
          col("expiration", D, "date", null=0.5),
          col("type", S(50), "choice", values=["MANUAL", "OVERDUES", "SUSPENSION",
                                               "DISCHARGE"]),
          col("comment", MT, _debar_comment, nullable=True),
          col("manager_id", I, ref="borrowers.borrowernumber", null=0.3),
          col("created", TS, _ts),
          col("updated", TS, _ts, null=0.6))
    table(md, "borrower_files", 25,
          col("file_id", I, pk=True, auto=True),
          col("borrowernumber", I, fk="borrowers.borrowernumber"),
          col("file_name", S(255), _file_name),
          col("file_type", S(255), lambda c: "application/pdf" if c.row["file_name"]
              .endswith(".pdf") else "image/jpeg"),
          col("file_description", S(255), "choice", values=["ID", "Proof of address",
                                                             "Parental consent", ""],
              null=0.4),
          col("file_content", blob("long"), "image"),
          col("date_uploaded", TS, _ts))
    table(md, "borrower_password_recovery", 20,
          col("borrowernumber", I, ref="borrowers.borrowernumber", pk=True),
          col("uuid", S(128), lambda c: G["token"](_p(c, n=32, style="url"))),
          col("valid_until", TS, _ts))
    table(md, "borrower_relationships", 50,
          col("id", I, pk=True, auto=True),
          col("guarantor_id", I, fk="borrowers.borrowernumber"),
          col("guarantee_id", I, fk="borrowers.borrowernumber"),
          col("relationship", S(100), "choice", values=["father", "mother", "grandparent",
                                                        "legal guardian", "other"]),
          sa.UniqueConstraint("guarantor_id", "guarantee_id"))
    table(md, "biblio", N_BIBLIO,
          col("biblionumber", I, pk=True, auto=True),
          col("frameworkcode", S(4), "choice", values=["", "", "BKS", "SER", "VR"]),
          col("author", LT, lambda c: f"{c.person['last']}, {c.person['first']}"
              + c.rng.choice(["", "", f", {c.rng.randint(1900, 1990)}-"]), null=0.1),
          col("title", LT, "film_title"),
          col("medium", LT, "choice", values=["[videorecording]", "[sound recording]"],
              null=0.9),
          col("subtitle", LT, "choice", values=["a novel", "a history", "stories"], null=0.7),
          col("part_number", LT, "choice", values=["Part 1", "vol. 2"], null=0.95),
          col("part_name", LT, "const", value="Appendix", null=0.97),
          col("unititle", LT, "const", value="Bible. English", null=0.97),
          col("notes", LT, "choice", values=["Includes index.", "Includes bibliographical "
                                             "references (p. 301-315)."], null=0.6),
          col("serial", TI, "choice", values=[0, 0, 1], null=0.3),
          col("seriestitle", LT, "choice", values=["Penguin classics", "Lecture notes in "
                                                   "computer science"], null=0.8),
          col("copyrightdate", SI, "int", lo=1900, hi=2024, null=0.2),
          col("timestamp", TS, _ts),
          col("datecreated", D, "date"),
          col("abstract", LT, "lorem", words=30, null=0.7))
    table(md, "biblioitems", N_BIBLIO,
          col("biblioitemnumber", I, pk=True, auto=True),
          col("biblionumber", I, fk="biblio.biblionumber"),
          col("volume", LT, "choice", values=["v. 1", "v. 2"], null=0.9),
          col("itemtype", S(10), "choice", values=["BK", "DVD", "CD", "MAG", "EBOOK"]),
          col("isbn", LT, lambda c: f"978{c.rng.randint(10**9, 10**10 - 1)}"
              + c.rng.choice(["", " (pbk.)", " | 0140449132"]), null=0.2),
          col("issn", LT, lambda c: f"{c.rng.randint(1000, 9999)}-{c.rng.randint(1000, 9999)}",
              null=0.9),
          col("publicationyear", MT, lambda c: str(c.rng.randint(1900, 2024)), null=0.2),
          col("publishercode", T, "company", null=0.2),
          col("timestamp", TS, _ts),
          col("pages", T, lambda c: f"xii, {c.rng.randint(50, 900)} p.", null=0.2),
          col("place", T, "choice", values=["New York", "London", "Paris :", "Berlin"],
              null=0.3),
          col("url", MT, "url", null=0.9),
          col("cn_class", S(30), lambda c: f"{c.rng.randint(0, 999)}.{c.rng.randint(0, 99)}",
              null=0.3),
          col("totalissues", I, "int", lo=0, hi=120, null=0.2))
    table(md, "cash_registers", 4,
          col("id", I, pk=True, auto=True),
          col("name", S(24), lambda c: f"Till {c.index + 1}"),
          col("description", LT, "choice", values=["Front desk", "Children's desk"]),
          col("branch", S(10), fk="branches.branchcode"),
          col("branch_default", TI, lambda c: 1 if c.index == 0 else 0),
          col("starting_float", DEC, "money", lo=50, hi=200, null=0.3),
          col("archived", TI, "const", value=0),
          sa.UniqueConstraint("name", "branch"))
    table(md, "cash_register_actions", 80,
          col("id", I, pk=True, auto=True),
          col("code", S(24), "choice", values=["CASHUP", "OPEN", "CLOSE"]),
          col("register_id", I, fk="cash_registers.id"),
          col("manager_id", I, fk="borrowers.borrowernumber"),
          col("amount", DEC, "money", lo=-200, hi=500, null=0.2),
          col("timestamp", TS, _ts))
    table(md, "checkout_renewals", 250,
          col("renewal_id", I, pk=True, auto=True),
          col("checkout_id", I, "int", lo=1, hi=5000, null=0.05),
          col("renewer_id", I, fk="borrowers.borrowernumber", null=0.3),
          col("seen", TI, "choice", values=[0, 1], null=0.1),
          col("interface", S(16), "choice", values=["intranet", "opac", "cron", "api"]),
          col("timestamp", TS, _ts),
          col("renewal_type", enum("Automatic", "Manual"), "choice",
              values=["Automatic", "Manual"]))
    table(md, "background_jobs", 120,
          col("id", I, pk=True, auto=True),
          col("status", S(32), "choice", values=["finished", "finished", "failed", "new",
                                                 "started"], null=0.05),
          col("progress", I, "int", lo=0, hi=100, null=0.1),
          col("size", I, "int", lo=1, hi=100, null=0.1),
          col("borrowernumber", I, "int", lo=1, hi=20, null=0.1),
          col("type", S(64), "choice", values=["batch_biblio_record_modification",
                                               "stage_marc_for_import", "batch_hold_cancel",
                                               "update_elastic_index", "import_patrons"]),
          col("queue", S(191), "choice", values=["default", "long_tasks"]),
          col("data", LT, _job_data, null=0.05),
          col("context", LT, _job_context, null=0.1),
          col("enqueued_on", TS, _ts),
          col("started_on", TS, _ts, null=0.1),
          col("ended_on", TS, _ts, null=0.2))
    return md
