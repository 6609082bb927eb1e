"""Frappe HR (human resources and payroll on the Frappe framework, Python, MariaDB): a
held-out schema (issue #10), labelled before any scan and never tuned on. Frappe has no SQL
schema file: each DocType's JSON (``<doctype>/<doctype>.json``) lists its fields and the
framework makes one table ``tab<DocType>`` from it, one column per data field (layout
fields, buttons and child-table fields have none). 11 DocTypes, all their data fields
(Salary Slip: 38 of its 62, the ``base_*`` copies in company currency, the year-to-date and
tax-exemption figures and the withholding links left out):
Employee from ERPNext (``erpnext/setup/doctype/employee/employee.json``; Frappe HR builds on
it) and ten from frappe/hrms: Attendance, Employee Checkin, Leave Application, Salary Slip,
Expense Claim, Job Applicant, Job Offer, Interview, Employee Grievance, Exit Interview.

Frappe's type conventions: ``name`` varchar(140) primary key (the document name, from a
naming series such as ``HR-EMP-00012``), the standard columns ``creation``, ``modified``,
``modified_by``, ``owner`` (user ids, which in Frappe are e-mail addresses or
``Administrator``), ``docstatus`` and ``idx`` (the four ``_user_tags``, ``_comments``,
``_assign``, ``_liked_by`` columns Frappe also adds are left out: the corpus generator keeps
names starting with ``_`` for its own use); Data,
Link, Select, Dynamic Link, Read Only and Color varchar(140); Date date; Datetime
datetime(6); Time time(6); Check int(1); Int int(11); Currency and Float decimal(21,9);
Rating decimal(3,2); Small Text, Text, Attach and Attach Image text; Text Editor and
Geolocation longtext. Frappe declares no foreign keys: every Link is a value (here drawn
from the linked table where it is included). Table names contain spaces
(``tabLeave Application``).

Values: employees with names in many scripts, birth dates, personal and work e-mails,
mobiles, addresses as free text, emergency contacts, bank account numbers and IBANs,
passport numbers, biometric device ids, family background and bio text, reasons for
leaving; check-ins with GeoJSON and coordinates (office or home); leave reasons naming
relatives; salary slips; expense remarks; job applicants with cover letters, CV file
names and LinkedIn URLs; offer letters; interview summaries; grievances; exit interviews.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import _ascii, col, datetimes, longtext, new_person, table

SOURCE = {"repo": "frappe/hrms",
          "path": "hrms/{hr,payroll}/doctype/<doctype>/<doctype>.json",
          "commit": "80f17c99aee38116c0bd4b794845ebe5290d083c"}
EMPLOYEE_SOURCE = {"repo": "frappe/erpnext",
                   "path": "erpnext/setup/doctype/employee/employee.json",
                   "commit": "0087459b45459cd5a87e91ad8452812a6f944fe9"}
PERSON_TABLES = ("tabEmployee", "tabJob Applicant")

V = sa.String(140)
T = sa.Text
LT = longtext()
D = sa.Date
DT = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
TM = sa.Time
I = sa.Integer  # noqa: E741
CUR = sa.Numeric(21, 9)
RAT = sa.Numeric(3, 2)

N_EMP = 120
COMPANY = "Nordlicht Maschinenbau GmbH"
DOMAIN = "nordlicht-mb.example"
DEPARTMENTS = ["Production - NMB", "Sales - NMB", "Accounts - NMB", "Human Resources - NMB",
               "Research & Development - NMB", "Quality Management - NMB"]
DESIGNATIONS = ["Machine Operator", "Sales Engineer", "Accountant", "HR Officer",
                "Design Engineer", "Quality Inspector", "Team Lead", "Intern"]
BRANCHES = ["Hamburg", "Leipzig", "Pune", "Kraków"]

_ts = datetimes(2021, 2025)


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _work_email(p):  # type: ignore[no-untyped-def]
    first = _ascii(p["first"]).lower() or "user"
    last = _ascii(p["last"]).lower() or "x"
    return f"{first}.{last}@{DOMAIN}"


def _user_id(c):  # type: ignore[no-untyped-def]
    """A Frappe user id: ``Administrator`` or an HR user's e-mail address."""
    if c.rng.random() < 0.3:
        return "Administrator"
    return _work_email(new_person(c))


def _series(prefix: str, digits: int = 5, year: bool = True):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        y = f"{c.rng.choice([2023, 2024, 2025])}-" if year else ""
        return f"{prefix}{y}{c.index + 1:0{digits}d}"
    return g


def std(name_gen):  # type: ignore[no-untyped-def]
    """Frappe's standard columns before the DocType's fields."""
    return [col("name", V, name_gen, pk=True),
            col("creation", DT, _ts, null=0.0),
            col("modified", DT, _ts),
            col("modified_by", V, _user_id),
            col("owner", V, _user_id),
            col("docstatus", I, "choice", values=[0, 1, 1, 1, 2]),
            col("idx", I, "choice", values=[0, 0, 0, 1])]


def _emp(c):  # type: ignore[no-untyped-def]
    return f"HR-EMP-{c.rng.randint(1, N_EMP):05d}"


def _emp_or_none(p_none: float):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return None if c.rng.random() < p_none else _emp(c)
    return g


def _address(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.2:
        return None
    f = c.person["f"]
    sep = c.rng.choice(["\n", ", ", "<br>"])
    return sep.join([G["street"](c), f"{f.postcode()} {f.city()}"])


def _family(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.8:
        return f"Father: {_name(c)} (retired teacher)\nMother: {_name(c)}"
    return c.rng.choice([f"Spouse {_name(c)}, two children", "Single", "Married, 1 child"])


def _health(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, None, None, "Height 178 cm, weight 80 kg",
                         "Allergic to penicillin", "Asthma, carries inhaler",
                         "Colour blind (red/green)", "No known allergies"])


def _bio(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    p = c.person
    return (f"<div><p>{p['first']} joined the {c.rng.choice(['welding', 'sales', 'design'])} "
            f"team after {c.rng.randint(2, 15)} years at {G['company'](c)}.</p></div>")


def _leaving(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.75:
        return None
    if r < 0.85:
        return f"Relocating with partner {_name(c)}"
    return c.rng.choice(["Better offer", "Further studies", "Retirement", "Health reasons"])


def _iban(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.35:
        return None
    bban = "".join(str(c.rng.randint(0, 9)) for _ in range(18))
    country = c.rng.choice(["DE", "PL", "DE", "FR"])
    num = int("".join(str(int(ch, 36)) for ch in bban + country + "00"))
    check = 98 - num % 97
    s = f"{country}{check:02d}{bban}"
    return s if c.rng.random() < 0.6 else " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def _geo(c):  # type: ignore[no-untyped-def]
    lat, lon = c.row["latitude"], c.row["longitude"]
    if lat is None:
        return None
    return json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {},
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]}}]})


def _lat(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.7:
        return Decimal("53.551086000")  # the Hamburg plant
    return Decimal(f"{c.rng.uniform(47.3, 54.9):.9f}")


def _lon(c):  # type: ignore[no-untyped-def]
    lat = c.row["latitude"]
    if lat is None:
        return None
    if lat == Decimal("53.551086000"):
        return Decimal("9.993682000")
    return Decimal(f"{c.rng.uniform(5.9, 15.0):.9f}")


def _leave_reason(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return None
    if r < 0.45:
        return c.rng.choice([f"Caring for my father {_name(c)} after surgery",
                             f"Wedding of my sister {new_person(c)['first']}",
                             f"Reach me at {G['phone'](c)} if urgent"])
    return c.rng.choice(["Family function", "Fever", "Vacation", "Personal work",
                         "Medical appointment", "Moving house"])


def _remark(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.6:
        return f"Dinner with customer {_name(c)} ({G['company'](c)})"
    return c.rng.choice(["Taxi to airport", "Trade fair Hannover", "Hotel 2 nights",
                         "Train ticket", "Printer toner"])


def _file_url(c):  # type: ignore[no-untyped-def]
    p = c.person
    stem = f"{_ascii(p['first'])}_{_ascii(p['last'])}" or f"cv{c.index}"
    return c.rng.choice([f"/private/files/{stem}_CV.pdf", f"/private/files/Resume {stem}.docx",
                         f"/private/files/{stem}-lebenslauf.pdf"])


def _linkedin(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    p = c.person
    return f"https://www.linkedin.com/in/{p['username'].lower()}-{c.rng.randint(100, 999)}"


def _cover(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    p = c.person
    return (f"Dear hiring team,\n\nI am applying for the position advertised. "
            f"{c.rng.choice(['I have five years of CNC experience.', 'I recently graduated.'])}"
            f"\n\nKind regards,\n{p['first']} {p['last']}\n{G['phone'](c)}")


def _offer_terms(c):  # type: ignore[no-untyped-def]
    p = c.person
    return (f"<p>Dear {p['first']} {p['last']},</p><p>We are pleased to offer you the position "
            f"with a start date of {G['date'](c).isoformat()}.</p>")


def _summary(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return None
    if r < 0.6:
        return f"{new_person(c)['first']} showed solid technical knowledge, weak on English."
    return c.rng.choice(["Good fit for the team.", "Not enough experience.",
                         "Strong communication skills.", "Second round recommended."])


def _grievance(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([f"Shift lead {_name(c)} repeatedly changed my roster without notice.",
                         "Canteen hygiene on night shift.", "Overtime not paid for March.",
                         f"Comments by {_name(c)} during the team meeting on Friday."])


def _exit_summary(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    return c.rng.choice([f"<p>{new_person(c)['first']} leaves for a competitor; open to return."
                         "</p>", "<p>Cited commute time.</p>",
                         f"<p>Conflict with manager {_name(c)}.</p>"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "tabEmployee", N_EMP, *std(lambda c: f"HR-EMP-{c.index + 1:05d}"),
          col("employee", V, lambda c: c.row["name"], null=0.0, nullable=True),
          col("naming_series", V, "choice", values=["HR-EMP-"], nullable=True),
          col("first_name", V, "first_name"),
          col("middle_name", V, lambda c: c.person["middle"] or None, nullable=True),
          col("last_name", V, lambda c: c.person["last"] if c.rng.random() < 0.95 else None,
              nullable=True),
          col("employee_name", V, lambda c: " ".join(
              x for x in (c.row["first_name"], c.row["middle_name"], c.row["last_name"]) if x),
              nullable=True),
          col("gender", V, lambda c: "Male" if c.person["male"] else
              c.rng.choice(["Female", "Female", "Non-Conforming", "Prefer not to say"]),
              nullable=True),
          col("date_of_birth", D, "dob", nullable=True),
          col("salutation", V, lambda c: ("Mr" if c.person["male"] else
                                         c.rng.choice(["Ms", "Mrs", "Madam"]))
              if c.rng.random() < 0.7 else c.rng.choice(["Dr", None]), nullable=True),
          col("date_of_joining", D, "date", start=2005, end=2025, nullable=True),
          col("image", T, lambda c: None if c.rng.random() < 0.6 else
              f"/files/{_ascii(c.person['first']).lower() or 'emp'}"
              f"{c.rng.choice(['', '_', '-'])}{_ascii(c.person['last']).lower()}.jpg",
              nullable=True),
          col("status", V, "choice", values=["Active"] * 8 + ["Left", "Inactive", "Suspended"],
              nullable=True),
          col("user_id", V, lambda c: None if c.rng.random() < 0.35 else
              _work_email(c.person), nullable=True),
          col("create_user_permission", I, "choice", values=[0, 1, 1], nullable=True),
          col("company", V, "choice", values=[COMPANY], nullable=True),
          col("department", V, "choice", values=DEPARTMENTS + [None], nullable=True),
          col("employee_number", V, lambda c: None if c.rng.random() < 0.3 else
              c.rng.choice([f"P{c.rng.randint(10000, 99999)}", str(c.rng.randint(1000, 9999)),
                            f"NMB-{c.rng.randint(100, 999)}"]), nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True),
          col("reports_to", V, lambda c: None if c.index == 0 or c.rng.random() < 0.2 else
              f"HR-EMP-{c.rng.randint(1, c.index):05d}", nullable=True),
          col("branch", V, "choice", values=BRANCHES + [None], nullable=True),
          col("scheduled_confirmation_date", D, "date", null=0.7),
          col("final_confirmation_date", D, "date", null=0.6),
          col("contract_end_date", D, "date", null=0.8),
          col("notice_number_of_days", I, "choice", values=[0, 30, 60, 90], nullable=True),
          col("date_of_retirement", D, lambda c: c.person["born"].replace(
              year=c.person["born"].year + 67, day=min(c.person["born"].day, 28)),
              null=0.2),
          col("cell_number", V, "phone", null=0.15),
          col("personal_email", V, "email", null=0.3),
          col("company_email", V, lambda c: _work_email(c.person), null=0.3),
          col("prefered_contact_email", V, "choice",
              values=["", "Company Email", "Personal Email", "User ID"], nullable=True),
          col("prefered_email", V, lambda c: {"Company Email": c.row["company_email"],
                                              "Personal Email": c.row["personal_email"],
                                              "User ID": c.row["user_id"]}.get(
              c.row["prefered_contact_email"]), nullable=True),
          col("unsubscribed", I, "choice", values=[0, 0, 0, 1], nullable=True),
          col("current_address", T, _address, nullable=True),
          col("current_accommodation_type", V, "choice", values=["", "Rented", "Owned"],
              nullable=True),
          col("permanent_address", T, _address, nullable=True),
          col("permanent_accommodation_type", V, "choice", values=["", "Rented", "Owned"],
              nullable=True),
          col("person_to_be_contacted", V, _name, null=0.35),
          col("emergency_phone_number", V, "phone", null=0.35),
          col("relation", V, "choice", values=[None, "Mother", "Father", "Spouse", "Wife",
                                               "Husband", "Brother", "Friend"],
              nullable=True),
          col("attendance_device_id", V, lambda c: None if c.rng.random() < 0.4 else
              f"{c.rng.randint(1, 9)}{c.index + 1:04d}", unique=True, nullable=True),
          col("holiday_list", V, "choice", values=["Germany 2025", "India 2025", None],
              nullable=True),
          col("ctc", CUR, "money", lo=18000, hi=120000, nullable=True),
          col("salary_currency", V, "choice", values=["EUR", "EUR", "INR", "PLN"],
              nullable=True),
          col("salary_mode", V, "choice", values=["", "Bank", "Bank", "Cash", "Cheque"],
              nullable=True),
          col("bank_name", V, "choice", values=[None, "Deutsche Bank", "Sparkasse Hamburg",
                                                "HDFC Bank", "PKO BP"], nullable=True),
          col("bank_ac_no", V, lambda c: None if c.rng.random() < 0.4 else
              "".join(str(c.rng.randint(0, 9)) for _ in range(c.rng.choice([10, 12, 14]))),
              nullable=True),
          col("iban", V, _iban, nullable=True),
          col("marital_status", V, "choice", values=["", "Single", "Married", "Divorced",
                                                     "Widowed"], nullable=True),
          col("family_background", T, _family, nullable=True),
          col("blood_group", V, "choice", values=["", "A+", "A-", "B+", "O+", "O-", "AB+"],
              nullable=True),
          col("health_details", T, _health, nullable=True),
          col("passport_number", V, "passport", null=0.6),
          col("valid_upto", D, "date", start=2025, end=2034, null=0.6),
          col("date_of_issue", D, "date", start=2015, end=2024, null=0.6),
          col("place_of_issue", V, "choice", values=[None, "Hamburg", "Mumbai", "Warszawa",
                                                     "Leipzig"], nullable=True),
          col("bio", LT, _bio, nullable=True),
          col("resignation_letter_date", D, "date", null=0.9),
          col("relieving_date", D, "date", null=0.88),
          col("held_on", D, "date", null=0.92),
          col("new_workplace", V, "company", null=0.92),
          col("leave_encashed", V, "choice", values=["", "", "Yes", "No"], nullable=True),
          col("encashment_date", D, "date", null=0.95),
          col("reason_for_leaving", T, _leaving, nullable=True),
          col("feedback", T, lambda c: None if c.rng.random() < 0.85 else c.rng.choice(
              ["Would recommend the company.", f"Thanks to {_name(c)} for the mentoring.",
               "Too much overtime."]), nullable=True),
          col("lft", I, lambda c: 2 * c.index + 1, nullable=True),
          col("rgt", I, lambda c: 2 * c.index + 2, nullable=True),
          col("old_parent", V, lambda c: None if c.rng.random() < 0.6 else _emp(c),
              nullable=True))
    table(md, "tabAttendance", 400, *std(_series("HR-ATT-")),
          col("naming_series", V, "choice", values=["HR-ATT-.YYYY.-"], nullable=True),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("working_hours", CUR, lambda c: Decimal(f"{c.rng.uniform(0, 10):.2f}"),
              nullable=True),
          col("status", V, "choice", values=["Present"] * 6 + ["Absent", "On Leave",
                                                              "Half Day", "Work From Home"]),
          col("leave_type", V, "choice", values=[None, None, None, "Casual Leave",
                                                 "Sick Leave", "Privilege Leave"],
              nullable=True),
          col("leave_application", V, lambda c: None if c.rng.random() < 0.85 else
              f"HR-LAP-2024-{c.rng.randint(1, 150):05d}", nullable=True),
          col("attendance_date", D, "date", start=2023, end=2025),
          col("company", V, "choice", values=[COMPANY]),
          col("department", V, "choice", values=DEPARTMENTS, nullable=True),
          col("shift", V, "choice", values=[None, "Early", "Late", "Night"], nullable=True),
          col("attendance_request", V, "choice", values=[None], nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("late_entry", I, "choice", values=[0, 0, 0, 1], nullable=True),
          col("early_exit", I, "choice", values=[0, 0, 0, 1], nullable=True),
          col("in_time", DT, _ts, null=0.4),
          col("out_time", DT, _ts, null=0.45))
    table(md, "tabEmployee Checkin", 400,
          *std(lambda c: f"EMP-CKIN-{c.rng.randint(1, 12):02d}-2024-{c.index + 1:06d}"),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("log_type", V, "choice", values=["IN", "OUT", ""], nullable=True),
          col("shift", V, "choice", values=[None, "Early", "Late", "Night"], nullable=True),
          col("time", DT, _ts),
          col("device_id", V, "choice", values=[None, "ZK-Gate-1", "ZK-Gate-2",
                                                "mobile-app", "Pune Reception"],
              nullable=True),
          col("skip_auto_attendance", I, "choice", values=[0, 0, 1], nullable=True),
          col("attendance", V, lambda c: None if c.rng.random() < 0.5 else
              f"HR-ATT-2024-{c.rng.randint(1, 400):05d}", nullable=True),
          col("shift_start", DT, _ts, null=0.3),
          col("shift_end", DT, _ts, null=0.3),
          col("shift_actual_start", DT, _ts, null=0.3),
          col("shift_actual_end", DT, _ts, null=0.3),
          col("latitude", CUR, _lat, nullable=True),
          col("longitude", CUR, _lon, nullable=True),
          col("geolocation", LT, _geo, nullable=True))
    table(md, "tabLeave Application", 150, *std(_series("HR-LAP-")),
          col("naming_series", V, "choice", values=["HR-LAP-.YYYY.-"], nullable=True),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("leave_type", V, "choice", values=["Casual Leave", "Sick Leave",
                                                 "Privilege Leave", "Leave Without Pay",
                                                 "Compensatory Off"]),
          col("department", V, "choice", values=DEPARTMENTS, nullable=True),
          col("leave_balance", CUR, lambda c: Decimal(c.rng.randint(0, 30)), nullable=True),
          col("from_date", D, "date", start=2023, end=2025),
          col("to_date", D, "date", start=2023, end=2025),
          col("half_day", I, "choice", values=[0, 0, 0, 1], nullable=True),
          col("half_day_date", D, "date", null=0.85),
          col("total_leave_days", CUR, lambda c: Decimal(c.rng.choice([0.5, 1, 2, 3, 5, 10])),
              nullable=True),
          col("description", T, _leave_reason, nullable=True),
          col("leave_approver", V, lambda c: _work_email(new_person(c)), null=0.15),
          col("leave_approver_name", V, _name, null=0.15),
          col("status", V, "choice", values=["Open", "Approved", "Approved", "Rejected",
                                             "Cancelled"]),
          col("posting_date", D, "date", start=2023, end=2025),
          col("company", V, "choice", values=[COMPANY]),
          col("follow_via_email", I, "choice", values=[1, 1, 0], nullable=True),
          col("salary_slip", V, "choice", values=[None], nullable=True),
          col("letter_head", V, "choice", values=[None, "NMB Letterhead"], nullable=True),
          col("color", V, "choice", values=[None, "#449CF0", "#ECAD4B"], nullable=True),
          col("amended_from", V, lambda c: None if c.rng.random() < 0.95 else
              f"HR-LAP-2024-{c.rng.randint(1, 150):05d}", nullable=True))
    table(md, "tabSalary Slip", 200,
          *std(lambda c: f"Sal Slip/HR-EMP-{c.rng.randint(1, N_EMP):05d}/{c.index + 1:05d}"),
          col("posting_date", D, "date", start=2023, end=2025),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("department", V, "choice", values=DEPARTMENTS, nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True),
          col("branch", V, "choice", values=BRANCHES + [None], nullable=True),
          col("status", V, "choice", values=["Draft", "Submitted", "Submitted", "Cancelled",
                                             "Withheld"], nullable=True),
          col("journal_entry", V, lambda c: None if c.rng.random() < 0.6 else
              f"ACC-JV-2024-{c.rng.randint(1, 999):05d}", nullable=True),
          col("payroll_entry", V, lambda c: f"HR-PRUN-2024-{c.rng.randint(1, 24):05d}",
              nullable=True),
          col("company", V, "choice", values=[COMPANY]),
          col("letter_head", V, "choice", values=[None, "NMB Letterhead"], nullable=True),
          col("salary_slip_based_on_timesheet", I, "choice", values=[0, 0, 0, 1],
              nullable=True),
          col("start_date", D, "date", start=2023, end=2025),
          col("end_date", D, "date", start=2023, end=2025, nullable=True),
          col("salary_structure", V, "choice", values=["Standard DE 2024", "Standard IN 2024",
                                                       "Interns"], nullable=True),
          col("payroll_frequency", V, "choice", values=["", "Monthly", "Monthly", "Weekly"],
              nullable=True),
          col("total_working_days", CUR, lambda c: Decimal(c.rng.randint(18, 23)),
              nullable=True),
          col("leave_without_pay", CUR, lambda c: Decimal(c.rng.choice([0, 0, 0, 1, 2])),
              nullable=True),
          col("payment_days", CUR, lambda c: Decimal(c.rng.randint(15, 23)), nullable=True),
          col("total_working_hours", CUR, lambda c: Decimal(c.rng.choice([0, 0, 160, 168])),
              nullable=True),
          col("hour_rate", CUR, "money", lo=0, hi=60, nullable=True),
          col("bank_name", V, "choice", values=[None, "Deutsche Bank", "HDFC Bank"],
              nullable=True),
          col("bank_account_no", V, lambda c: None if c.rng.random() < 0.4 else
              "".join(str(c.rng.randint(0, 9)) for _ in range(12)), nullable=True),
          col("gross_pay", CUR, "money", lo=1500, hi=9000, nullable=True),
          col("net_pay", CUR, "money", lo=1000, hi=6000, nullable=True),
          col("rounded_total", CUR, "money", lo=1000, hi=6000, nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("mode_of_payment", V, "choice", values=[None, "Bank Draft", "Wire Transfer"],
              nullable=True),
          col("absent_days", CUR, lambda c: Decimal(c.rng.choice([0, 0, 1])), nullable=True),
          col("unmarked_days", CUR, lambda c: Decimal(c.rng.choice([0, 0, 2])), nullable=True),
          col("currency", V, "choice", values=["EUR", "INR", "PLN"], nullable=True),
          col("total_deduction", CUR, "money", lo=100, hi=3000, nullable=True),
          col("total_in_words", V, "choice", values=["EUR Two Thousand One Hundred only.",
                                                     "INR Forty-Five Thousand only."],
              nullable=True),
          col("exchange_rate", CUR, "choice", values=[Decimal(1)], nullable=True),
          col("ctc", CUR, "money", lo=18000, hi=120000, nullable=True),
          col("total_earnings", CUR, "money", lo=1500, hi=9000, nullable=True),
          col("annual_taxable_amount", CUR, "money", lo=10000, hi=100000, nullable=True),
          col("total_income_tax", CUR, "money", lo=0, hi=30000, nullable=True))
    table(md, "tabExpense Claim", 100, *std(_series("HR-EXP-")),
          col("naming_series", V, "choice", values=["HR-EXP-.YYYY.-"], nullable=True),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("department", V, "choice", values=DEPARTMENTS, nullable=True),
          col("expense_approver", V, lambda c: _work_email(new_person(c)), null=0.2),
          col("approval_status", V, "choice", values=["Draft", "Approved", "Rejected"],
              nullable=True),
          col("total_claimed_amount", CUR, "money", lo=5, hi=2500, nullable=True),
          col("total_sanctioned_amount", CUR, "money", lo=0, hi=2500, nullable=True),
          col("is_paid", I, "choice", values=[0, 1], nullable=True),
          col("posting_date", D, "date", start=2023, end=2025),
          col("vehicle_log", V, "choice", values=[None], nullable=True),
          col("project", V, "choice", values=[None, "PROJ-0004", "PROJ-0011"], nullable=True),
          col("task", V, "choice", values=[None], nullable=True),
          col("total_amount_reimbursed", CUR, "money", lo=0, hi=2500, nullable=True),
          col("remark", T, _remark, nullable=True),
          col("company", V, "choice", values=[COMPANY]),
          col("mode_of_payment", V, "choice", values=[None, "Cash", "Wire Transfer"],
              nullable=True),
          col("clearance_date", D, "date", null=0.7),
          col("payable_account", V, "choice", values=["Employee Payables - NMB"],
              nullable=True),
          col("cost_center", V, "choice", values=["Main - NMB", "Pune - NMB"], nullable=True),
          col("status", V, "choice", values=["Draft", "Paid", "Unpaid", "Rejected",
                                             "Submitted", "Cancelled"], nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("total_advance_amount", CUR, "money", lo=0, hi=500, nullable=True),
          col("grand_total", CUR, "money", lo=5, hi=2500, nullable=True),
          col("total_taxes_and_charges", CUR, "money", lo=0, hi=300, nullable=True),
          col("delivery_trip", V, "choice", values=[None], nullable=True))
    table(md, "tabJob Applicant", 120, *std(_series("HR-APP-")),
          col("applicant_name", V, "full_name"),
          col("email_id", V, "email", null=0.05),
          col("status", V, "choice", values=["Open", "Replied", "Rejected", "Hold",
                                             "Accepted"], nullable=True),
          col("job_title", V, lambda c: f"HR-OPN-2024-{c.rng.randint(1, 12):04d}",
              nullable=True),
          col("source", V, "choice", values=[None, "Campaign", "Employee Referral",
                                             "Walk In", "Website Listing"], nullable=True),
          col("source_name", V, _emp_or_none(0.8), nullable=True),
          col("cover_letter", T, _cover, nullable=True),
          col("resume_attachment", T, lambda c: None if c.rng.random() < 0.3 else
              _file_url(c), nullable=True),
          col("notes", V, lambda c: c.rng.choice([None, None, "Available from June",
                                                  f"Referred by {_name(c)}",
                                                  "Needs visa sponsorship"]), nullable=True),
          col("phone_number", V, "phone", null=0.3),
          col("country", V, "choice", values=[None, "Germany", "India", "Poland", "Turkey"],
              nullable=True),
          col("resume_link", V, _linkedin, nullable=True),
          col("applicant_rating", RAT, lambda c: Decimal(c.rng.choice(["0", "0.2", "0.6",
                                                                        "0.8", "1"])),
              nullable=True),
          col("lower_range", CUR, "money", lo=0, hi=50000, nullable=True),
          col("upper_range", CUR, "money", lo=0, hi=90000, nullable=True),
          col("currency", V, "choice", values=["EUR", "INR"], nullable=True),
          col("employee_referral", V, lambda c: None if c.rng.random() < 0.85 else
              f"HR-REF-2024-{c.rng.randint(1, 30):05d}", nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True))
    table(md, "tabJob Offer", 50, *std(_series("HR-OFF-")),
          col("job_applicant", V, ref="tabJob Applicant.name"),
          col("applicant_name", V, "full_name"),
          col("applicant_email", V, "email", null=0.1),
          col("status", V, "choice", values=["Awaiting Response", "Accepted", "Rejected"]),
          col("offer_date", D, "date", start=2023, end=2025),
          col("designation", V, "choice", values=DESIGNATIONS),
          col("company", V, "choice", values=[COMPANY]),
          col("select_terms", V, "choice", values=[None, "Standard Offer DE"], nullable=True),
          col("terms", LT, _offer_terms, null=0.1),
          col("letter_head", V, "choice", values=[None, "NMB Letterhead"], nullable=True),
          col("select_print_heading", V, "choice", values=[None], nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("job_offer_term_template", V, "choice", values=[None, "Engineering"],
              nullable=True))
    table(md, "tabInterview", 80, *std(_series("HR-INT-", 4)),
          col("job_applicant", V, ref="tabJob Applicant.name"),
          col("job_opening", V, lambda c: f"HR-OPN-2024-{c.rng.randint(1, 12):04d}",
              nullable=True),
          col("interview_round", V, "choice", values=["Technical", "HR Round", "Final"]),
          col("status", V, "choice", values=["Pending", "Under Review", "Cleared",
                                             "Rejected"]),
          col("average_rating", RAT, lambda c: Decimal(c.rng.choice(["0", "0.4", "0.6", "0.8"])),
              nullable=True),
          col("interview_summary", T, _summary, nullable=True),
          col("resume_link", V, _linkedin, nullable=True),
          col("expected_average_rating", RAT, lambda c: Decimal("0.6"), nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("scheduled_on", D, "date", start=2023, end=2025),
          col("reminded", I, "choice", values=[0, 1], nullable=True),
          col("from_time", TM, lambda c: dt.time(c.rng.randint(8, 16), c.rng.choice([0, 30]))),
          col("to_time", TM, lambda c: dt.time(c.rng.randint(9, 17), c.rng.choice([0, 30]))))
    table(md, "tabEmployee Grievance", 30, *std(_series("HR-GRIEV-")),
          col("grievance_type", V, "choice", values=["Harassment", "Working Conditions",
                                                     "Pay", "Discrimination"]),
          col("date", D, "date", start=2023, end=2025),
          col("status", V, "choice", values=["Open", "Investigated", "Resolved", "Invalid"],
              nullable=True),
          col("description", T, _grievance),
          col("cause_of_grievance", T, lambda c: c.rng.choice(
              [None, None, "Roster planning", "Payroll error", "Communication"]),
              nullable=True),
          col("resolved_by", V, lambda c: None if c.rng.random() < 0.5 else
              _work_email(new_person(c)), nullable=True),
          col("employee_responsible", V, _emp_or_none(0.5), nullable=True),
          col("resolution_detail", T, lambda c: None if c.rng.random() < 0.5 else c.rng.choice(
              [f"Talked to {_name(c)}; roster fixed.", "Overtime paid in April payroll.",
               "No evidence found."]), nullable=True),
          col("resolution_date", D, "date", null=0.5),
          col("grievance_against", V, lambda c: _emp(c) if c.rng.random() < 0.6 else
              c.rng.choice(DEPARTMENTS)),
          col("raised_by", V, ref="tabEmployee.name"),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True),
          col("reports_to", V, _emp_or_none(0.3), nullable=True),
          col("grievance_against_party", V, lambda c: "Employee"
              if c.row["grievance_against"].startswith("HR-EMP") else "Department"),
          col("associated_document_type", V, "choice", values=[None, "Attendance",
                                                               "Salary Slip"],
              nullable=True),
          col("associated_document", V, lambda c: None if c.rng.random() < 0.6 else
              f"HR-ATT-2024-{c.rng.randint(1, 400):05d}", nullable=True),
          col("employee_name", V, _name, nullable=True),
          col("subject", V, "choice", values=["Roster changes", "Unpaid overtime",
                                              "Canteen", "Team meeting conduct"],
              nullable=True))
    table(md, "tabExit Interview", 25, *std(_series("HR-EXIT-INT-")),
          col("employee", V, ref="tabEmployee.name"),
          col("employee_name", V, _name, nullable=True),
          col("department", V, "choice", values=DEPARTMENTS, nullable=True),
          col("relieving_date", D, "date", start=2023, end=2025, nullable=True),
          col("company", V, "choice", values=[COMPANY]),
          col("date", D, "date", start=2023, end=2025, nullable=True),
          col("ref_doctype", V, "choice", values=[None, "Employee Feedback Form"],
              nullable=True),
          col("reference_document_name", V, lambda c: None if c.rng.random() < 0.5 else
              f"EFF-{c.rng.randint(1, 99):04d}", nullable=True),
          col("date_of_joining", D, "date", start=2005, end=2024, nullable=True),
          col("reports_to", V, _emp_or_none(0.3), nullable=True),
          col("designation", V, "choice", values=DESIGNATIONS, nullable=True),
          col("naming_series", V, "choice", values=["HR-EXIT-INT-"], nullable=True),
          col("questionnaire_email_sent", I, "choice", values=[0, 1], nullable=True),
          col("email", V, "email", null=0.2),
          col("status", V, "choice", values=["Pending", "Scheduled", "Completed",
                                             "Cancelled"], nullable=True),
          col("employee_status", V, "choice", values=["", "Employee Retained",
                                                      "Exit Confirmed"], nullable=True),
          col("amended_from", V, "choice", values=[None], nullable=True),
          col("interview_summary", LT, _exit_summary, nullable=True))
    return md
