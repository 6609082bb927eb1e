"""Gibbon (school management platform, PHP, MySQL): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables as ``gibbon.sql`` (the install dump) creates
them: 18 of its 200 tables, with a column subset of ``gibbonPerson`` (52 of its 97
columns) and all columns of the others. The dump declares no foreign keys: every reference
is generated as a value. ``int(n) UNSIGNED ZEROFILL`` keys are portable integers, MySQL
``enum`` columns are ENUM on MariaDB and checked ``VARCHAR`` elsewhere, ``mediumtext``
addresses are a dialect variant.

Tables: people (students, parents and staff in one table: names in several scripts,
official and preferred names, user name, salted SHA-256 password and salt, date of birth,
e-mails, last and failed login IPs, two addresses with districts, phones with types and
country codes, emergency contacts, student ids, car registrations, transport notes naming
whoever picks the child up, OAuth refresh tokens, a TOTP secret, a personal calendar feed
URL, JSON custom fields with passport and health-card numbers), roles, school years, year
groups and form groups with their tutors, houses, enrolments, families (household names,
"Mr. & Mrs." address names, home addresses, marital status) with adults and children,
staff (initials, biographies, custom fields with tax ids), medical records and
conditions (comments naming parents or doctors), attendance logs, behaviour records
(comments about the student that name other pupils), password-reset keys and the
system log (PHP-serialised arrays with user names, IPs).
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, mediumtext, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "GibbonEdu/core", "path": "gibbon.sql",
          "commit": "c153137f8692dcb4994606a4a5b62c10b719cc2b"}
PERSON_TABLES = ("gibbonPerson", "gibbonStaff")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
D = sa.Date
TS = sa.DateTime

N_PERSON = 200
N_FAMILY = 50
YN = ("Y", "N")

_ts = datetimes(2018, 2025)


def _yn(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(YN)


def _addr(c):  # type: ignore[no-untyped-def]
    f = c.person["f"]
    return f"{f.street_address()}\n{f.postcode()} {f.city()}"


def _cc(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["", "1", "44", "49", "852", "86", "81", "33"])


def _ptype(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["", "Mobile", "Home", "Work"])


def _maybe_phone(share: float):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return G["phone"](c) if c.rng.random() < share else ""
    return gen


def _emergency_name(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return ""
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _official(c):  # type: ignore[no-untyped-def]
    p = c.person
    return " ".join(x for x in (p["first"], p["middle"], p["last"]) if x)


def _in_chars(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.8:
        return ""
    return c.rng.choice([c.fakers["zh_CN"].name(), c.fakers["ja_JP"].name(),
                         c.fakers["ko_KR"].name()])


def _transport_notes(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return ""
    if r < 0.85:
        p = new_person(c)
        who = c.rng.choice(['grandmother', 'aunt', 'nanny'])
        return f"Picked up by {who} {p['first']} {p['last']}"
    return c.rng.choice(["Bus 4, stop Lindenallee", "Walks home", "Car pool Tuesdays"])


def _person_fields(c):  # type: ignore[no-untyped-def]
    d: dict[str, str] = {}
    if c.rng.random() < 0.3:
        d["0001"] = G["passport"](c)
    if c.rng.random() < 0.2:
        d["0002"] = "".join(str(c.rng.randint(0, 9)) for _ in range(10))  # health card
    if c.rng.random() < 0.2:
        d["0003"] = c.rng.choice(["Vegetarian", "Halal", "None"])
    return json.dumps(d)


def _serialised(c):  # type: ignore[no-untyped-def]
    u = c.person["username"]
    kind = c.rng.random()
    if kind < 0.4:
        return f'a:2:{{s:8:"username";s:{len(u)}:"{u}";s:6:"reason";s:13:"Wrong password";}}'
    if kind < 0.7:
        ip = G["ipv4"](c)
        return f'a:1:{{s:2:"ip";s:{len(ip)}:"{ip}";}}'
    return 'a:1:{s:6:"module";s:10:"Attendance";}'


BEHAVIOUR = ["Excellent effort in class", "Late homework", "Disrupted lesson, argued with {first2}",
             "Helped {first2} {last2} after a fall in the playground", "Forgot PE kit",
             "Phone confiscated, returned to parent", "", "Great presentation"]

MED_COMMENTS = ["", "", "EpiPen in school office", "Mother {first2} to be called first: {phone}",
                "Dr. {dr} letter on file", "Needs inhaler before sport"]

FAMILY_COMMENTS = ["", "", "", "Call after 6pm", "Custody: mother only (court order)",
                   "Works abroad, e-mail preferred: {email}", "Speaks only Spanish"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "gibbonRole", 6,
          col("gibbonRoleID", I, pk=True, auto=True),
          col("category", enum("Staff", "Student", "Parent", "Other"),
              lambda c: ["Staff", "Staff", "Student", "Parent", "Staff", "Other"][c.index]),
          col("name", S(20), lambda c: ["Administrator", "Teacher", "Student", "Parent",
                                        "Support Staff", "Alumni"][c.index]),
          col("nameShort", S(4), lambda c: ["Adm", "Tcr", "Std", "Prnt", "SSt", "Alm"][c.index]),
          col("description", S(60), lambda c: ["Controls all aspects of the system",
                                               "Teaching staff", "Enrolled students",
                                               "Parents and guardians", "Non-teaching staff",
                                               "Former students"][c.index]),
          col("type", enum("Core", "Additional"),
              lambda c: "Core" if c.index < 5 else "Additional"),
          col("canLoginRole", enum(*YN), lambda c: "Y"),
          col("futureYearsLogin", enum(*YN), _yn),
          col("pastYearsLogin", enum(*YN), _yn),
          col("restriction", enum("None", "Same Role", "Admin Only"),
              "choice", values=["None", "Admin Only"]))
    table(md, "gibbonSchoolYear", 5,
          col("gibbonSchoolYearID", I, pk=True, auto=True),
          col("name", S(9), lambda c: f"{2021 + c.index}-{22 + c.index}"),
          col("status", enum("Past", "Current", "Upcoming"),
              lambda c: ["Past", "Past", "Past", "Current", "Upcoming"][c.index]),
          col("sequenceNumber", I, "seq"),
          col("firstDay", D, "date", null=0.1),
          col("lastDay", D, "date", null=0.1))
    table(md, "gibbonHouse", 4,
          col("gibbonHouseID", I, pk=True, auto=True),
          col("name", S(30), lambda c: ["Phoenix", "Griffin", "Dragon", "Pegasus"][c.index]),
          col("nameShort", S(10), lambda c: ["PHX", "GRF", "DRG", "PGS"][c.index]),
          col("logo", S(255), lambda c: f"uploads/houses/house{c.index + 1}.png"))
    table(md, "gibbonPerson", N_PERSON,
          col("gibbonPersonID", I, pk=True, auto=True),
          col("title", S(5), "choice", values=["Mr.", "Ms.", "Mrs.", "Dr.", ""]),
          col("surname", S(60), lambda c: c.person["last"]),
          col("firstName", S(60), lambda c: c.person["first"]),
          col("preferredName", S(60), lambda c: c.rng.choice([c.person["first"],
                                                              c.person["first"][:3]])),
          col("officialName", S(150), _official),
          col("nameInCharacters", S(60), _in_chars),
          col("gender", enum("M", "F", "Other", "Unspecified"),
              lambda c: c.rng.choice(["M", "F", "F", "M", "Other", "Unspecified"])),
          col("username", S(20), lambda c: c.person["username"][:20], unique=True),
          col("passwordStrong", S(255), lambda c: G["token"](_p(c, n=64, style="hex"))),
          col("passwordStrongSalt", S(255), lambda c: G["token"](_p(c, n=22, style="url"))),
          col("passwordForceReset", enum("N", "Y"), "choice", values=["N", "N", "Y"]),
          col("status", enum("Full", "Expected", "Left", "Pending Approval"),
              "choice", values=["Full", "Full", "Full", "Left", "Expected"]),
          col("canLogin", enum(*YN), _yn),
          col("gibbonRoleIDPrimary", I, ref="gibbonRole.gibbonRoleID"),
          col("gibbonRoleIDAll", S(255), "choice", values=["001", "002", "003", "004",
                                                           "002,004", "001,002"]),
          col("dob", D, lambda c: c.person["born"], null=0.1),
          col("email", S(75), lambda c: c.person["email"], null=0.1),
          col("emailAlternate", S(75), lambda c: new_person(c)["email"], null=0.8),
          col("image_240", S(255), lambda c: f"uploads/{c.rng.randint(2018, 2025)}/"
              f"{c.rng.randint(1, 12):02d}/{G['token'](_p(c, n=16, style='hex'))}.jpg", null=0.5),
          col("lastIPAddress", S(15), lambda c: G["ipv4"](c) if c.rng.random() < 0.7 else ""),
          col("lastTimestamp", TS, _ts, null=0.3),
          col("lastFailIPAddress", S(15), "ipv4", null=0.7),
          col("lastFailTimestamp", TS, _ts, null=0.7),
          col("failCount", I, "int", lo=0, hi=3, null=0.1),
          col("address1", mediumtext(), lambda c: _addr(c) if c.rng.random() < 0.6 else ""),
          col("address1District", S(255), lambda c: c.person["f"].city() if c.rng.random() < 0.5
              else ""),
          col("address1Country", S(255), lambda c: G["country"](c) if c.rng.random() < 0.6 else ""),
          col("phone1Type", enum("", "Mobile", "Home", "Work", "Fax", "Pager", "Other"), _ptype),
          col("phone1CountryCode", S(7), _cc),
          col("phone1", S(20), _maybe_phone(0.6)),
          col("phone2Type", enum("", "Mobile", "Home", "Work", "Fax", "Pager", "Other"), _ptype),
          col("phone2CountryCode", S(7), _cc),
          col("phone2", S(20), _maybe_phone(0.2)),
          col("website", S(255), lambda c: G["personal_url"](c) if c.rng.random() < 0.1 else ""),
          col("languageFirst", S(30), "choice", values=["English", "German", "Cantonese",
                                                        "Spanish", "Korean", ""]),
          col("countryOfBirth", S(30), lambda c: G["country"](c)[:30] if c.rng.random() < 0.5
              else ""),
          col("birthCertificateScan", S(255), lambda c: "" if c.rng.random() < 0.8 else
              f"uploads/2022/08/{c.person['last']}_{c.person['first']}_birth_certificate.pdf"),
          col("ethnicity", S(255), "choice", values=["", "", "Asian", "White", "Mixed"]),
          col("religion", S(30), "choice", values=["", "", "None", "Christian", "Muslim",
                                                   "Buddhist"]),
          col("profession", S(90), "choice", values=["", "", "Engineer", "Nurse", "Lawyer"]),
          col("employer", S(90), lambda c: G["company"](c)[:90] if c.rng.random() < 0.3 else ""),
          col("jobTitle", S(90), "choice", values=["", "", "Manager", "Teacher"]),
          col("emergency1Name", S(90), _emergency_name),
          col("emergency1Number1", S(30), _maybe_phone(0.4)),
          col("emergency1Relationship", S(30), "choice", values=["", "", "Parent", "Sibling",
                                                                 "Grandparent", "Friend"]),
          col("gibbonHouseID", I, ref="gibbonHouse.gibbonHouseID", null=0.4),
          col("studentID", S(15), lambda c: f"S{c.rng.randint(100000, 999999)}"
              if c.rng.random() < 0.5 else ""),
          col("dateStart", D, "date", null=0.3),
          col("dateEnd", D, "date", null=0.8),
          col("transportNotes", T, _transport_notes),
          col("calendarFeedPersonal", T, lambda c: "" if c.rng.random() < 0.85 else
              "https://calendar.google.com/calendar/ical/"
              f"{c.person['email'].replace('@', '%40')}/private-"
              f"{G['token'](_p(c, n=32, style='hex'))}/basic.ics"),
          col("vehicleRegistration", S(20), lambda c: "" if c.rng.random() < 0.85 else
              f"{c.rng.choice(['B', 'M', 'HK', 'AB'])} {c.rng.randint(1000, 9999)}"),
          col("googleAPIRefreshToken", T, lambda c: "" if c.rng.random() < 0.7 else
              "1//0" + G["token"](_p(c, n=100, style="url"))),
          col("mfaSecret", S(16), lambda c: "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
                                                for _ in range(16)), null=0.9),
          col("preferences", T, "choice", values=[None, '{"sidebar":"collapsed"}',
                                                  '{"theme":"dark"}'], nullable=True),
          col("fields", T, _person_fields))
    table(md, "gibbonYearGroup", 6,
          col("gibbonYearGroupID", I, pk=True, auto=True),
          col("name", S(15), lambda c: f"Year {7 + c.index}"),
          col("nameShort", S(4), lambda c: f"Y{7 + c.index:02d}"),
          col("sequenceNumber", I, "seq"),
          col("gibbonPersonIDHOY", I, ref="gibbonPerson.gibbonPersonID", null=0.3))
    table(md, "gibbonFormGroup", 12,
          col("gibbonFormGroupID", I, pk=True, auto=True),
          col("gibbonSchoolYearID", I, ref="gibbonSchoolYear.gibbonSchoolYearID"),
          col("name", S(20), lambda c: f"{7 + c.index // 2}.{'AB'[c.index % 2]}"),
          col("nameShort", S(8), lambda c: f"{7 + c.index // 2}{'AB'[c.index % 2]}"),
          *[col(n, I, ref="gibbonPerson.gibbonPersonID", null=nl) for n, nl in (
              ("gibbonPersonIDTutor", 0.05), ("gibbonPersonIDTutor2", 0.6),
              ("gibbonPersonIDTutor3", 0.9), ("gibbonPersonIDEA", 0.5),
              ("gibbonPersonIDEA2", 0.8), ("gibbonPersonIDEA3", 0.95))],
          col("gibbonSpaceID", I, "int", lo=1, hi=40, null=0.3),
          col("gibbonFormGroupIDNext", I, "int", lo=1, hi=12, null=0.3),
          col("attendance", enum(*YN), lambda c: "Y"),
          col("website", S(255), lambda c: "" if c.rng.random() < 0.7 else
              f"https://school.example/forms/{c.index + 1}"))
    table(md, "gibbonStudentEnrolment", 150,
          col("gibbonStudentEnrolmentID", I, pk=True, auto=True),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("gibbonSchoolYearID", I, ref="gibbonSchoolYear.gibbonSchoolYearID"),
          col("gibbonYearGroupID", I, ref="gibbonYearGroup.gibbonYearGroupID"),
          col("gibbonFormGroupID", I, ref="gibbonFormGroup.gibbonFormGroupID"),
          col("rollOrder", I, "int", lo=1, hi=30, null=0.5),
          col("fields", T, "choice", values=["{}", '{"0004":"Bus pass"}', None], nullable=True))
    table(md, "gibbonFamily", N_FAMILY,
          col("gibbonFamilyID", I, pk=True, auto=True),
          col("name", S(100), lambda c: f"{c.person['last']} Family"),
          col("nameAddress", S(100), lambda c: c.rng.choice([
              f"Mr. & Mrs. {c.person['last']}", f"Ms. {c.person['first']} {c.person['last']}",
              f"The {c.person['last']} family", ""])),
          col("homeAddress", mediumtext(), _addr),
          col("homeAddressDistrict", S(255), lambda c: c.person["f"].city()),
          col("homeAddressCountry", S(255), "country"),
          col("status", enum("Married", "Separated", "Divorced", "De Facto", "Other", "Single"),
              "choice", values=["Married", "Married", "Separated", "Divorced", "Single"]),
          col("languageHomePrimary", S(30), "choice", values=["English", "German", "Mandarin",
                                                              "Spanish"]),
          col("languageHomeSecondary", S(30), "choice", values=["", "English", None],
              nullable=True),
          col("familySync", S(50), lambda c: f"FAM{c.rng.randint(10000, 99999)}", null=0.7),
          col("fields", T, lambda c: json.dumps({"0005": G["phone"](c)})
              if c.rng.random() < 0.3 else "{}", null=0.2))
    table(md, "gibbonFamilyAdult", 80,
          col("gibbonFamilyAdultID", I, pk=True, auto=True),
          col("gibbonFamilyID", I, ref="gibbonFamily.gibbonFamilyID"),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("comment", T, "template", texts=FAMILY_COMMENTS),
          col("childDataAccess", enum(*YN), _yn),
          col("contactPriority", I, "int", lo=1, hi=3),
          *[col(n, enum(*YN), _yn) for n in ("contactCall", "contactSMS", "contactEmail",
                                             "contactMail")])
    table(md, "gibbonFamilyChild", 90,
          col("gibbonFamilyChildID", I, pk=True, auto=True),
          col("gibbonFamilyID", I, ref="gibbonFamily.gibbonFamilyID"),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("comment", T, "template", texts=["", "", "", "Lives with father on weekends",
                                               "Half-sibling of {first2}"]))
    table(md, "gibbonStaff", 40,
          col("gibbonStaffID", I, pk=True, auto=True),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID", unique=True),
          col("type", S(20), "choice", values=["Teaching", "Support"]),
          col("initials", S(4), lambda c: (c.person["first"][:1] + c.person["last"][:2]).upper(),
              null=0.2),
          col("jobTitle", S(100), "choice", values=["Maths Teacher", "Head of Science",
                                                    "Librarian", "IT Technician", "Principal"]),
          col("firstAidQualified", enum("", "N", "Y"), "choice", values=["", "N", "Y"]),
          col("firstAidQualification", S(100), "choice", values=["First Aid at Work", None],
              nullable=True),
          col("firstAidExpiry", D, "date", null=0.6),
          col("countryOfOrigin", S(80), "country"),
          col("qualifications", S(255), "choice", values=["BSc, PGCE", "MA Education", "PhD",
                                                          ""]),
          col("biography", T, lambda c: "" if c.rng.random() < 0.5 else
              f"{c.person['first']} grew up in {c.person['f'].city()} and joined the school in "
              f"{c.rng.randint(2005, 2023)}. "
              f"{c.rng.choice(['Loves hiking.', 'Has two children.', ''])}"),
          col("biographicalGrouping", S(100), "choice", values=["Leadership", "Teachers",
                                                                "Support", ""]),
          col("biographicalGroupingPriority", I, "int", lo=0, hi=10),
          col("coverageExclude", enum("N", "Y"), "choice", values=["N", "N", "Y"]),
          col("coveragePriority", I, "int", lo=0, hi=5, null=0.2),
          col("fields", T, lambda c: json.dumps({"0006": G["ssn"](c)})
              if c.rng.random() < 0.4 else "{}", null=0.1))
    table(md, "gibbonMedicalCondition", 8,
          col("gibbonMedicalConditionID", I, pk=True, auto=True),
          col("name", S(80), lambda c: ["Asthma", "Diabetes", "Epilepsy", "Peanut allergy",
                                        "ADHD", "Eczema", "Migraine", "Other"][c.index]),
          col("description", T, "const", value=None, nullable=True))
    table(md, "gibbonPersonMedical", 90,
          col("gibbonPersonMedicalID", I, pk=True, auto=True),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("longTermMedication", enum("", "Y", "N"), "choice", values=["", "N", "Y"]),
          col("longTermMedicationDetails", T, "choice", values=["", "", "Ventolin as needed",
                                                                "Methylphenidate 10mg"]),
          col("comment", T, "template", texts=MED_COMMENTS),
          col("fields", T, "choice", values=["{}", '{"0007":"A+"}', None], nullable=True))
    table(md, "gibbonPersonMedicalCondition", 60,
          col("gibbonPersonMedicalConditionID", I, pk=True, auto=True),
          col("gibbonPersonMedicalID", I, ref="gibbonPersonMedical.gibbonPersonMedicalID"),
          col("name", S(100), "choice", values=["Asthma", "Peanut allergy", "Epilepsy", "ADHD"]),
          col("gibbonAlertLevelID", I, "int", lo=1, hi=3, null=0.2),
          col("triggers", S(255), "choice", values=["", "Exercise, cold air", "Nuts"]),
          col("reaction", S(255), "choice", values=["", "Wheezing", "Swelling"]),
          col("response", S(255), "choice", values=["", "Inhaler", "EpiPen, call 112"]),
          col("medication", S(255), "choice", values=["", "Salbutamol", "Adrenaline"]),
          col("lastEpisode", D, "date", null=0.6),
          col("lastEpisodeTreatment", S(255), "choice", values=["", "Hospital visit"]),
          col("comment", T, "template", texts=MED_COMMENTS),
          col("attachment", S(255),
              lambda c: f"uploads/2024/02/{G['token'](_p(c, n=16, style='hex'))}.pdf",
              null=0.8))
    table(md, "gibbonAttendanceLogPerson", 600,
          col("gibbonAttendanceLogPersonID", I, pk=True, auto=True),
          col("gibbonAttendanceCodeID", I, "int", lo=1, hi=8, null=0.05),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("direction", enum("In", "Out"), "choice", values=["In", "In", "Out"]),
          col("type", S(30), "choice", values=["Present", "Absent", "Present - Late", "Left"]),
          col("reason", S(30), "choice", values=["", "", "Illness", "Appointment", "Family"]),
          col("context", enum("Form Group", "Class", "Person", "Future", "Self Registration"),
              "choice", values=["Form Group", "Class", "Person"], null=0.1),
          col("comment", S(255), "choice", values=["", "", "", "Dentist", "Called by parent",
                                                   "Bus late"]),
          col("date", D, "date", null=0.02),
          col("gibbonPersonIDTaker", I, ref="gibbonPerson.gibbonPersonID"),
          col("gibbonFormGroupID", I, ref="gibbonFormGroup.gibbonFormGroupID", null=0.4),
          col("gibbonCourseClassID", I, "int", lo=1, hi=80, null=0.6),
          col("gibbonTTDayRowClassID", I, "int", lo=1, hi=2000, null=0.6),
          col("timestampTaken", TS, _ts, null=0.05))
    table(md, "gibbonBehaviour", 200,
          col("gibbonBehaviourID", I, pk=True, auto=True),
          col("gibbonSchoolYearID", I, ref="gibbonSchoolYear.gibbonSchoolYearID"),
          col("date", D, "date"),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("type", enum("Positive", "Negative", "Observation"),
              "choice", values=["Positive", "Negative", "Observation"]),
          col("descriptor", S(100), "choice", values=["Homework", "Behaviour", "Effort", None],
              nullable=True),
          col("level", S(100), "choice", values=["Low", "Medium", "High", None], nullable=True),
          col("comment", T, "template", texts=BEHAVIOUR),
          col("followup", T, "choice", values=["", "", "Parents informed", "Detention Friday"]),
          col("gibbonPlannerEntryID", I, "int", lo=1, hi=5000, null=0.7),
          col("gibbonPersonIDCreator", I, ref="gibbonPerson.gibbonPersonID"),
          col("timestamp", TS, _ts),
          col("fields", T, "choice", values=["{}", None], nullable=True),
          col("gibbonMultiIncidentID", S(64), token_of(64, "hex"), null=0.9))
    table(md, "gibbonPersonReset", 30,
          col("gibbonPersonResetID", I, pk=True, auto=True),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID"),
          col("key", S(40), token_of(40, "url")),
          col("timestamp", TS, _ts))
    table(md, "gibbonLog", 400,
          col("gibbonLogID", I, pk=True, auto=True),
          col("gibbonModuleID", I, "int", lo=1, hi=40, null=0.3),
          col("gibbonPersonID", I, ref="gibbonPerson.gibbonPersonID", null=0.3),
          col("gibbonSchoolYearID", I, ref="gibbonSchoolYear.gibbonSchoolYearID"),
          col("timestamp", TS, _ts),
          col("title", S(50), "choice", values=["Login - Success", "Login - Failed",
                                                "Attendance Taken", "Password Reset",
                                                "Student Enrolment Changed"]),
          col("serialisedArray", T, _serialised, null=0.1),
          col("ip", S(15), "ipv4", null=0.1))
    return md
