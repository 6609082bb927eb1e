"""RosarioSIS (a student information system for schools, PHP, PostgreSQL): a held-out
schema (issue #10), labelled before any scan and never tuned on. Tables of the installer
``rosariosis.sql``: 16 of its tables, all their columns (schools, students with the
installer's twelve ``custom_2000000NN`` columns, staff, which also holds parents' logins,
addresses, people (parents and emergency contacts) with their contact rows, the join
tables between students, addresses, people and staff, enrolments, daily attendance,
report-card grades, nurse visits, fees and payments, the access log).

Types as the file declares them (``serial`` keys, ``numeric(4,0)`` school years,
``varchar(n)``, ``text``); foreign keys as declared (``REFERENCES students``, ``staff``, the
composite ``(school_id, syear) REFERENCES schools(id, syear)``); references to tables
left out (``school_marking_periods``, ``course_periods``) and the undeclared ones
(``person_id``, ``address_id``) are values. ``schools.id`` is a ``serial`` inside the
composite primary key ``(id, syear)``: generated here as 1..n. ``access_log`` has no
primary key, as in the file.

Values: students with names in many scripts, usernames and SHA-512 ``crypt`` hashes (106
characters) for a part of them, gender, ethnicity, common name, social security number,
birth date, language, physician and phone, medical comments naming a parent; staff
(administrators, teachers, parents) with e-mails and phones; home and mailing addresses
with house numbers and directions, often empty mailing parts; contact rows (phones,
e-mails, employer); nurse visits; fees and payments with the name of the staff member who
entered them; login history with usernames, IPv4/IPv6 and user agents.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import _urlsafe, col, datetimes, new_person, table

SOURCE = {"repo": "francoisjacquet/rosariosis", "path": "rosariosis.sql",
          "commit": "b69514270182b351c7e3200db8f1930366392e03"}
PERSON_TABLES = ("students", "staff", "people")

I = sa.Integer  # noqa: E741
T = sa.Text
D = sa.Date
TS = sa.DateTime
SY = sa.Numeric(4, 0)
M = sa.Numeric(14, 2)
N_STUDENTS = 240
N_STAFF = 60
N_PEOPLE = 200
N_ADDRESS = 160
_ts = datetimes(2020, 2025)


def V(n: int) -> sa.String:  # noqa: N802
    return sa.String(n)


def _crypt(c):  # type: ignore[no-untyped-def]
    """PHP crypt() SHA-512: ``$6$`` + salt + ``$`` + 86 characters = 106."""
    salt = _urlsafe(c.rng, 16).replace("-", ".").replace("_", "/")
    return f"$6${salt}${_urlsafe(c.rng, 86).replace('-', '.').replace('_', '/')}"


def _student_username(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([p["username"], f"{p['username']}{c.rng.randint(10, 99)}",
                         f"s{c.rng.randint(20180000, 20259999)}"])


def _common_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return None
    if r < 0.8:
        return ""
    return c.person["first"][:4] if c.rng.random() < 0.5 else c.person["first"]


def _physician(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    p = new_person(c)
    return c.rng.choice([f"Dr. {p['last']}", f"{p['first']} {p['last']}, MD",
                         f"Dra. {p['first']} {p['last']}"])


def _medical_comments(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.55:
        return None
    if r < 0.75:
        p = new_person(c)
        return c.rng.choice([f"Asthma - inhaler in office. Call mother {p['first']} at "
                             f"{G['phone'](c)}",
                             f"In case of emergency contact {p['first']} {p['last']}"])
    return c.rng.choice(["Peanut allergy (EpiPen)", "Wears glasses", "Type 1 diabetes",
                         "No known allergies", "Lactose intolerant"])


def _doctor_note(c):  # type: ignore[no-untyped-def]
    if c.row.get("custom_200000010") != "Y":
        return None
    p = new_person(c)
    return c.rng.choice([f"Excused from PE until March - Dr. {p['last']}",
                         "Note on file, renew each year",
                         f"Signed by {p['first']} {p['last']} (pediatrician)"])


def _ssn(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.5 else G["ssn"](c)


def _staff_profile(c):  # type: ignore[no-untyped-def]
    v = c.rng.choices(["admin", "teacher", "parent", "none"], [10, 45, 40, 5])[0]
    c.row["_profile"] = v
    return v


def _house_no(c):  # type: ignore[no-untyped-def]
    return None if c.rng.random() < 0.1 else c.rng.randint(1, 99999)


def _street_name(c):  # type: ignore[no-untyped-def]
    return c.fake("en_US").street_name() if c.rng.random() < 0.6 else c.fake().street_name()


def _full_address(c):  # type: ignore[no-untyped-def]
    r = c.row
    parts = [str(r["house_no"] or ""), r["direction"] or "", r["street"] or ""]
    line = " ".join(p for p in parts if p)
    if r["apt"]:
        line += f" #{r['apt']}"
    return f"{line}, {r['city']}, {r['state']} {r['zipcode']}"


def _mail(field):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if not c.row.get("_mail"):
            return None
        return {"street": _street_name(c), "city": G["city"](c), "state": G["state"](c),
                "zip": G["postcode"](c)}[field]
    return gen


def _mail_street(c):  # type: ignore[no-untyped-def]
    c.row["_mail"] = c.rng.random() < 0.15
    return _mail("street")(c)


def _mail_address(c):  # type: ignore[no-untyped-def]
    if not c.row.get("_mail"):
        return None
    r = c.row
    return f"PO Box {c.rng.randint(10, 9999)}, {r['mail_city']}, {r['mail_state']} " \
           f"{r['mail_zipcode']}"


CONTACT_TITLES = ["Cell Phone", "Work Phone", "Email", "Employer", "Home Phone", "Language"]


def _contact_title(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(CONTACT_TITLES)


def _contact_value(c):  # type: ignore[no-untyped-def]
    t = c.row["title"]
    if t == "Email":
        return c.person["email"]
    if t == "Employer":
        return G["company"](c)
    if t == "Language":
        return c.rng.choice(["English", "Spanish", "French", "Vietnamese", "Arabic"])
    return G["phone"](c)


def _staff_name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}" if c.rng.random() < 0.9 else ""


def _visit_reason(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Headache", "Stomach ache", "Scraped knee", "Fever", "Nosebleed",
                         "Medication", "Injury at recess"])


def _visit_comments(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.65:
        p = new_person(c)
        return c.rng.choice([f"Father {p['first']} {p['last']} picked up at 11:20",
                             f"Called {p['first']} on {G['phone'](c)}, no answer"])
    return c.rng.choice(["Rested 15 min, back to class", "Ice pack", "Temp 38.2, sent home",
                         "Gave ibuprofen per parental consent form"])


def _fee_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.65:
        p = new_person(c)
        return f"Paid by grandmother {p['first']} {p['last']}"
    return c.rng.choice(["Installment 1/3", "Sibling discount", "", "Waived per principal",
                         "Bus fee second semester"])


def _access_username(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.8:
        return c.person["username"]
    if r < 0.9:
        return c.person["email"]
    return c.rng.choice(["admin", "teacher", "test", "parent"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "schools", 3,
          col("syear", SY, "const", value=2024),
          col("id", I, "seq"),
          col("title", V(100), lambda c: ["Rosario Elementary", "Lincoln Middle School",
                                          "Colegio San José"][c.index]),
          col("address", V(100), "street", nullable=True),
          col("city", V(100), "city", nullable=True),
          col("state", V(10), "choice", values=["CA", "TX", "ANT", "NY"], nullable=True),
          col("zipcode", V(10), "postcode", nullable=True),
          col("phone", V(30), "phone", nullable=True),
          col("principal", V(100), "full_name", nullable=True),
          col("www_address", T, lambda c: f"www.school{c.index + 1}.example.edu",
              nullable=True),
          col("school_number", V(50), lambda c: f"{c.rng.randint(100000, 999999)}",
              nullable=True),
          col("short_name", V(25), lambda c: ["RES", "LMS", "CSJ"][c.index], nullable=True),
          col("reporting_gp_scale", sa.Numeric(10, 3), "choice", values=[4, 5, 10],
              nullable=True),
          col("number_days_rotation", sa.Numeric(1, 0), "const", value=None, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.5),
          sa.PrimaryKeyConstraint("id", "syear"))
    table(md, "students", N_STUDENTS,
          col("student_id", I, pk=True, auto=True),
          col("last_name", V(50), "last_name"),
          col("first_name", V(50), "first_name"),
          col("middle_name", V(50), "middle_name", null=0.4),
          col("name_suffix", V(3), "choice", values=["Jr", "II", "III", ""], null=0.9),
          col("username", V(100), _student_username, unique=True, null=0.35),
          col("password", V(106), lambda c: _crypt(c) if c.row["username"] else None,
              nullable=True),
          col("last_login", TS, _ts, null=0.5),
          col("failed_login", I, "int", lo=0, hi=3, null=0.6),
          col("custom_200000000", T, lambda c: "Male" if c.person["male"] else "Female",
              null=0.05),
          col("custom_200000001", T, "choice", values=[
              "White, Non-Hispanic", "Black, Non-Hispanic", "Hispanic",
              "American Indian or Native Alaskan", "Pacific Islander", "Asian", "Other"],
              null=0.2),
          col("custom_200000002", T, _common_name, nullable=True),
          col("custom_200000003", T, _ssn, nullable=True),
          col("custom_200000004", D, lambda c: dt.date(
              c.rng.randint(2006, 2019), c.person["born"].month,
              min(c.person["born"].day, 28)), null=0.05),
          col("custom_200000005", T, "choice", values=["English", "Spanish", "French", "Other"],
              null=0.2),
          col("custom_200000006", T, _physician, nullable=True),
          col("custom_200000007", T, lambda c: G["phone"](c) if c.row["custom_200000006"]
              else None, nullable=True),
          col("custom_200000008", T, "choice", values=["St. Mary's Hospital",
                                                        "County General", "Hospital Pablo Tobón",
                                                        None, None], nullable=True),
          col("custom_200000009", T, _medical_comments, nullable=True),
          col("custom_200000010", sa.CHAR(1), "choice", values=["Y", None, None, None],
              nullable=True),
          col("custom_200000011", T, _doctor_note, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.4))
    table(md, "staff", N_STAFF,
          col("syear", SY, "const", value=2024),
          col("staff_id", I, pk=True, auto=True),
          col("current_school_id", I, ref="schools.id", nullable=True),
          col("title", V(5), "choice", values=["Mr.", "Ms.", "Mrs.", "Dr.", None],
              nullable=True),
          col("first_name", V(50), "first_name"),
          col("last_name", V(50), "last_name"),
          col("middle_name", V(50), "middle_name", null=0.5),
          col("name_suffix", V(3), "choice", values=["Jr", "Sr"], null=0.95),
          col("username", V(100), "username", null=0.1),
          col("password", V(106), _crypt, null=0.1),
          col("email", V(255), "email", null=0.15),
          col("custom_200000001", T, "phone", null=0.4),
          col("profile", V(30), _staff_profile, nullable=True),
          col("schools", V(150), "choice", values=[",1,", ",2,", ",1,2,", ",3,", None],
              nullable=True),
          col("last_login", TS, _ts, null=0.3),
          col("failed_login", I, "int", lo=0, hi=5, null=0.6),
          col("profile_id", I, lambda c: {"admin": 1, "teacher": 2, "parent": 3}.get(
              c.row["_profile"]), nullable=True),
          col("rollover_id", I, "int", lo=1, hi=60, null=0.7),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.4))
    table(md, "address", N_ADDRESS,
          col("address_id", I, pk=True, auto=True),
          col("house_no", sa.Numeric(5, 0), _house_no, nullable=True),
          col("direction", V(2), "choice", values=["N", "S", "E", "W", "", None, None, None],
              nullable=True),
          col("street", V(30), _street_name, nullable=True),
          col("apt", V(5), lambda c: str(c.rng.randint(1, 999)) if c.rng.random() < 0.25
              else None, nullable=True),
          col("zipcode", V(10), "postcode", nullable=True),
          col("city", T, "city", nullable=True),
          col("state", V(50), "state", nullable=True),
          col("mail_street", V(30), _mail_street, nullable=True),
          col("mail_city", T, _mail("city"), nullable=True),
          col("mail_state", V(50), _mail("state"), nullable=True),
          col("mail_zipcode", V(10), _mail("zip"), nullable=True),
          col("address", T, _full_address, nullable=True),
          col("mail_address", T, _mail_address, nullable=True),
          col("phone", V(30), "phone", null=0.3),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.5))
    table(md, "people", N_PEOPLE,
          col("person_id", I, pk=True, auto=True),
          col("last_name", V(50), "last_name"),
          col("first_name", V(50), "first_name"),
          col("middle_name", V(50), "middle_name", null=0.5),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.5))
    table(md, "people_join_contacts", 320,
          col("id", I, pk=True, auto=True),
          col("person_id", I, ref="people.person_id", nullable=True),
          col("title", V(100), _contact_title, nullable=True),
          col("value", V(100), _contact_value, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "students_join_address", 250,
          col("id", I, pk=True, auto=True),
          col("student_id", I, fk="students.student_id"),
          col("address_id", I, ref="address.address_id"),
          col("contact_seq", sa.Numeric(10, 0), "choice", values=[1, 2, None],
              nullable=True),
          *[col(n, V(1), "choice", values=["Y", None], nullable=True)
            for n in ("gets_mail", "primary_residence", "legal_residence", "am_bus",
                      "pm_bus", "mailing", "residence", "bus", "bus_pickup", "bus_dropoff")],
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "students_join_people", 300,
          col("id", I, pk=True, auto=True),
          col("student_id", I, fk="students.student_id"),
          col("person_id", I, ref="people.person_id"),
          col("address_id", I, ref="address.address_id", nullable=True),
          col("custody", V(1), "choice", values=["Y", None], nullable=True),
          col("emergency", V(1), "choice", values=["Y", None], nullable=True),
          col("student_relation", V(100), "choice", values=[
              "Mother", "Father", "Grandmother", "Grandfather", "Aunt", "Uncle",
              "Step-mother", "Neighbor", "Guardian"], nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "students_join_users", 120,
          col("student_id", I, fk="students.student_id", pk=True),
          col("staff_id", I, fk="staff.staff_id", pk=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "student_enrollment", 300,
          col("id", I, pk=True, auto=True),
          col("syear", SY, "const", value=2024),
          col("school_id", I, ref="schools.id"),
          col("student_id", I, fk="students.student_id"),
          col("grade_id", I, "int", lo=1, hi=12, nullable=True),
          col("start_date", D, "date", start=2018, end=2024, nullable=True),
          col("end_date", D, "date", start=2024, end=2025, null=0.7),
          col("enrollment_code", I, "choice", values=[1, 2, 3], nullable=True),
          col("drop_code", I, "choice", values=[4, 5, 6], null=0.75),
          col("next_school", I, "choice", values=[1, 2, 3, -1], nullable=True),
          col("calendar_id", I, "choice", values=[1, 2, 3], nullable=True),
          col("last_school", I, "choice", values=[1, 2, 3], null=0.6),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6),
          sa.ForeignKeyConstraint(["school_id", "syear"], ["schools.id", "schools.syear"]))
    table(md, "attendance_day", 900,
          col("student_id", I, fk="students.student_id", pk=True),
          col("school_date", D, "date", start=2024, end=2025, pk=True),
          col("minutes_present", I, "choice", values=[0, 180, 300, 360, 360, 360],
              nullable=True),
          col("state_value", sa.Numeric(2, 1), "choice", values=[1, 1, 1, 0.5, 0],
              nullable=True),
          col("syear", SY, "const", value=2024, nullable=True),
          col("marking_period_id", I, "choice", values=[1, 2, 3, 4], nullable=True),
          col("comment", T, "choice", values=["Doctor appointment", "Late bus", "Family trip",
                                              "Sick"], null=0.85),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.8))
    table(md, "student_report_card_grades", 600,
          col("syear", SY, "const", value=2024),
          col("school_id", I, ref="schools.id"),
          col("student_id", I, fk="students.student_id"),
          col("course_period_id", I, "int", lo=1, hi=80, nullable=True),
          col("report_card_grade_id", I, "int", lo=1, hi=13, nullable=True),
          col("report_card_comment_id", I, "int", lo=1, hi=10, null=0.7),
          col("comment", T, "choice", values=["Excellent effort", "Needs to participate more",
                                              "Great progress this quarter", ""], null=0.6),
          col("grade_percent", sa.Numeric(4, 1), lambda c: round(c.rng.uniform(40, 100), 1),
              nullable=True),
          col("marking_period_id", I, "choice", values=[1, 2, 3, 4]),
          col("grade_letter", V(5), "choice", values=["A+", "A", "B", "C", "D", "F"],
              nullable=True),
          col("weighted_gp", sa.Numeric(7, 2), "money", lo=0, hi=5, nullable=True),
          col("unweighted_gp", sa.Numeric(7, 2), "money", lo=0, hi=4, nullable=True),
          col("gp_scale", sa.Numeric(7, 2), "choice", values=[4, 5], nullable=True),
          col("credit_attempted", sa.Numeric(), "choice", values=[1, 0.5], nullable=True),
          col("credit_earned", sa.Numeric(), "choice", values=[1, 0.5, 0], nullable=True),
          col("credit_category", V(10), "choice", values=["Core", "Elective", None],
              nullable=True),
          col("course_title", T, "choice", values=["Mathematics 7", "English Language Arts",
                                                   "Science", "Social Studies", "Spanish I",
                                                   "Physical Education", "Art"]),
          col("id", I, pk=True, auto=True),
          col("school", T, "choice", values=["Rosario Elementary", "Lincoln Middle School"],
              nullable=True),
          col("class_rank", V(1), "choice", values=["Y", None], nullable=True),
          col("credit_hours", sa.Numeric(6, 2), "choice", values=[1, 0.5, None], nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "student_medical_visits", 150,
          col("id", I, pk=True, auto=True),
          col("student_id", I, fk="students.student_id"),
          col("school_date", D, "date", start=2024, end=2025),
          col("time_in", V(20), lambda c: f"{c.rng.randint(8, 14)}:"
              f"{c.rng.choice(['05', '20', '45'])}", nullable=True),
          col("time_out", V(20), lambda c: c.rng.choice(["", "10:30", "11:15", "1:40 PM"]),
              nullable=True),
          col("reason", V(100), _visit_reason, nullable=True),
          col("result", V(100), "choice", values=["Returned to class", "Sent home",
                                                  "Parent called", ""], nullable=True),
          col("comments", T, _visit_comments, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.8))
    table(md, "billing_fees", 400,
          col("student_id", I, fk="students.student_id"),
          col("assigned_date", D, "date", start=2024, end=2025, nullable=True),
          col("due_date", D, "date", start=2024, end=2025, nullable=True),
          col("comments", T, _fee_comment, nullable=True),
          col("id", I, pk=True, auto=True),
          col("title", T, "choice", values=["Tuition", "Lunch", "Bus", "Field trip",
                                            "Uniform", "Library fine"]),
          col("amount", M, "money", lo=5, hi=900),
          col("file_attached", T, lambda c: c.rng.choice(
              [None, None, None, f"assets/FileUploads/2024/fee_{c.rng.randint(1, 999)}.pdf"]),
              nullable=True),
          col("school_id", I, ref="schools.id"),
          col("syear", SY, "const", value=2024),
          col("waived_fee_id", I, "int", lo=1, hi=400, null=0.95),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.7),
          col("created_by", T, _staff_name, nullable=True),
          sa.ForeignKeyConstraint(["school_id", "syear"], ["schools.id", "schools.syear"]))
    table(md, "billing_payments", 300,
          col("id", I, pk=True, auto=True),
          col("syear", SY, "const", value=2024),
          col("school_id", I, ref="schools.id"),
          col("student_id", I, fk="students.student_id"),
          col("amount", M, "money", lo=5, hi=900),
          col("payment_date", D, "date", start=2024, end=2025, nullable=True),
          col("comments", T, _fee_comment, nullable=True),
          col("refunded_payment_id", I, "int", lo=1, hi=300, null=0.95),
          col("lunch_payment", V(1), "choice", values=["Y", None, None], nullable=True),
          col("file_attached", T, "const", value=None, nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.7),
          col("created_by", T, _staff_name, nullable=True),
          sa.ForeignKeyConstraint(["school_id", "syear"], ["schools.id", "schools.syear"]))
    table(md, "access_log", 500,
          col("syear", SY, "const", value=2024),
          col("username", V(100), _access_username, nullable=True),
          col("profile", V(30), "choice", values=["admin", "teacher", "parent", "student",
                                                  None], nullable=True),
          col("login_time", TS, _ts, null=0.3),
          col("ip_address", V(50), "ip", nullable=True),
          col("user_agent", T, "user_agent", nullable=True),
          col("status", V(50), "choice", values=["Y", "Y", "Y", "B", None], nullable=True),
          col("created_at", TS, _ts, nullable=True),
          col("updated_at", TS, _ts, null=0.9))
    return md
