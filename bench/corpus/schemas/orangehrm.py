"""OrangeHRM (human resources management, PHP, MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as the 4.x installer's
``installer/dbscript/dbscript-1.sql`` creates them: 21 of its ~150 tables, all their
columns. Foreign keys as its ``alter table ... add constraint`` statements declare them
where both tables are included; references to tables left out (pay grades, currencies,
pay periods, reporting methods, leave types, termination reasons, sub-units, locations)
are generated as values, and so is ``hs_hr_employee.termination_id`` (declared, but
``ohrm_emp_termination.emp_number`` points back: a cycle). ``mediumblob`` is a dialect
variant on MariaDB, ``enum`` a checked ``VARCHAR`` elsewhere.

Tables: employees (employee number, names, nickname, date of birth, SSN, SIN, other id,
driving licence, military service, home address, home/mobile/work phones, work and other
e-mails, ten custom fields: blood group, shirt size, a spouse's name, an IBAN, the rest
empty), terminations (notes naming people in part), emergency contacts, dependents
(names and dates of birth), passports and visas, salaries and direct-debit bank accounts,
employee attachments (CVs and certificates whose file names and PDF bytes name the
employee) and photos, users (login, bcrypt hash, created/modified by), leave requests and
their comments (reasons naming relatives, commenters' names), recruitment candidates
(names, e-mail, phone, CV text, recruiter comments) and their CV attachments, the login
log, password-reset requests (e-mail and reset code) and Buzz, the internal social feed.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import blob, col, datetimes, enum, new_person, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "orangehrm/orangehrm", "path": "installer/dbscript/dbscript-1.sql",
          "commit": "6f241a9fb11998f38029f39d9108eacf158f0cd4"}
PERSON_TABLES = ("hs_hr_employee", "ohrm_user", "ohrm_job_candidate")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
S = sa.String
T = sa.Text
D = sa.Date
DT = sa.DateTime
N = sa.Numeric

N_EMP = 150
N_USER = 60
N_CAND = 80

_ts = datetimes(2016, 2025)
_emp = "hs_hr_employee.emp_number"


def _employee_id(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return f"{c.index + 1:04d}"
    if r < 0.9:
        return f"EMP-{c.rng.randint(1000, 99999)}"
    return None


def _sin(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.85:
        return ""
    return f"{c.rng.randint(100, 999)} {c.rng.randint(100, 999)} {c.rng.randint(100, 999)}"


def _other_id(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.8:  # a national id card or tax id
        return f"{c.rng.choice('ABCDEFGHKLMNPRTZ')}{c.rng.randint(10000000, 99999999)}"
    return f"{c.rng.randint(10, 99)}{c.rng.randint(100000, 999999)}{c.rng.randint(100, 999)}"


def _pdf(c):  # type: ignore[no-untyped-def]
    p = c.person
    body = (f"%PDF-1.4\n1 0 obj << /Title ({p['first']} {p['last']} - "
            f"{c.rng.choice(['Curriculum Vitae', 'Employment contract', 'Certificate'])}) >>\n"
            f"BT /F1 12 Tf ({p['first']} {p['last']}, {p['email']}) Tj ET\n%%EOF\n")
    return body.encode()


def _cv_file(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.45:
        return f"CV_{p['first']}_{p['last']}.pdf"
    if r < 0.6:
        return f"{p['last'].lower()}-resume-{c.rng.randint(2018, 2025)}.docx"
    return c.rng.choice(["contract_signed.pdf", "scan0012.pdf", "certificate.pdf",
                         "IMG_20230411.jpg", "offer_letter.pdf", "payslip_03.pdf"])


def _custom3(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.7:
        return None
    o = new_person(c)
    return f"{o['first']} {c.person['last']}"


def _iban(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    return c.rng.choice(["DE", "FR", "NL", "GB"]) + f"{c.rng.randint(10, 99)} " + \
        " ".join(f"{c.rng.randint(0, 9999):04d}" for _ in range(4)) + f" {c.rng.randint(10, 99)}"


def _termination_note(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Resigned - relocating abroad", "End of fixed-term contract", "Retirement",
        f"Dismissed after meeting with {o['first']} {o['last']} (HR)",
        "Mutual agreement", "", "Moved to competitor",
        f"Resigned to care for her mother, {o['first']} {c.person['last']}"])


def _leave_reason(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Annual vacation", "Doctor appointment", "Family matters", "", None,
        f"Wedding of my sister {o['first']}", "Moving house",
        f"Funeral of {o['first']} {c.person['last']}", "Sick child at home",
        "Medical procedure, see note to HR"])


def _leave_comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Approved", "Please hand over to the team before leaving", "Rejected: project deadline",
        f"Covered by {o['first']} {o['last']}", "ok", None,
        f"Call me on {G['phone'](c)} if urgent"])


def _cand_comment(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Strong Java background", "Referred by " + f"{o['first']} {o['last']}",
        "No show at first interview", None, "", "Salary expectation too high",
        f"Former colleague of {o['first']} in Berlin office",
        "Good culture fit, second interview scheduled"])


def _cv_text(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    p = c.person
    f = p["f"]
    return (f"{p['first']} {p['last']}\n{f.street_address()}, {f.city()}\n"
            f"Phone: {G['phone'](c)}  E-mail: {p['email']}\n\nEXPERIENCE\n"
            f"{c.rng.randint(2010, 2022)}-present  {f.company()}, "
            f"{c.rng.choice(['Software Engineer', 'Accountant', 'Sales Manager', 'Nurse'])}\n"
            f"EDUCATION\n{c.rng.choice(['BSc Computer Science', 'MBA', 'Diploma'])}\n")


def _buzz(c):  # type: ignore[no-untyped-def]
    o = new_person(c)
    return c.rng.choice([
        "Welcome to the team, " + f"{o['first']} {o['last']}!",
        "Lunch is on the 3rd floor today 🍕", "Happy birthday " + o["first"] + "! 🎂",
        "Reminder: timesheets are due Friday", "Congratulations on the new baby, "
        + o["first"] + "!", "Office closed on Monday", "Who left their keys in room B2?",
        "Great quarter everyone"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "ohrm_nationality", 12,
          col("id", I, pk=True, auto=True),
          col("name", S(100), lambda c: ["American", "British", "German", "French", "Indian",
                                         "Japanese", "Chinese", "Brazilian", "Polish",
                                         "Turkish", "Greek", "Finnish"][c.index]))
    table(md, "ohrm_job_title", 10,
          col("id", I, pk=True, auto=True),
          col("job_title", S(100), lambda c: [
              "Software Engineer", "HR Manager", "Accountant", "Sales Representative",
              "QA Engineer", "Office Manager", "CEO", "Support Agent", "Designer",
              "Warehouse Clerk"][c.index]),
          col("job_description", S(400), "lorem", null=0.5, words=14),
          col("note", S(400), "choice", values=["", "Grade B", "Remote possible"], null=0.5),
          col("is_deleted", tinyint(), "choice", values=[0, 0, 0, 1], null=0.1))
    table(md, "ohrm_employment_status", 5,
          col("id", I, pk=True, auto=True),
          col("name", S(60), lambda c: ["Full-Time Permanent", "Part-Time Contract",
                                        "Freelance", "Intern", "Full-Time Probation"][c.index]))
    table(md, "ohrm_user_role", 4,
          col("id", I, pk=True, auto=True),
          col("name", S(255), lambda c: ["Admin", "ESS", "Supervisor", "Interviewer"][c.index],
              unique=True),
          col("display_name", S(255), lambda c: ["Admin", "ESS", "Supervisor",
                                                 "Interviewer"][c.index]),
          col("is_assignable", tinyint(), lambda c: 1 if c.index < 2 else 0, null=0.1),
          col("is_predefined", tinyint(), lambda c: 1, null=0.1))
    table(md, "hs_hr_employee", N_EMP,
          col("emp_number", I, pk=True, auto=True),
          col("employee_id", S(50), _employee_id, nullable=True),
          col("emp_lastname", S(100), "last_name", nullable=False),
          col("emp_firstname", S(100), "first_name", nullable=False),
          col("emp_middle_name", S(100), "middle_name", nullable=False),
          col("emp_nick_name", S(100), lambda c: c.rng.choice(
              ["", "", "", c.person["first"][:3], c.person["username"]]), null=0.2),
          col("emp_smoker", sa.SmallInteger, "choice", values=[0, 0, 0, 1], null=0.2),
          col("ethnic_race_code", S(13), "choice", values=["1", "2", "3", "4"], null=0.7),
          col("emp_birthday", D, "dob", null=0.15),
          col("nation_code", I, fk="ohrm_nationality.id", null=0.3),
          col("emp_gender", sa.SmallInteger, lambda c: 1 if c.person["male"] else 2, null=0.1),
          col("emp_marital_status", S(20), "choice", values=["Single", "Married", "Other"],
              null=0.3),
          col("emp_ssn_num", S(100), "ssn", null=0.1, empty=0.4),
          col("emp_sin_num", S(100), _sin, null=0.1),
          col("emp_other_id", S(100), _other_id, null=0.1),
          col("emp_dri_lice_num", S(100), "drivers_license", null=0.1, empty=0.5),
          col("emp_dri_lice_exp_date", D, "date", null=0.6, start=2024, end=2032),
          col("emp_military_service", S(100), "choice",
              values=["", "", "", "Completed", "Exempt", "Reserve officer"], null=0.1),
          col("emp_status", I, fk="ohrm_employment_status.id", null=0.2),
          col("job_title_code", I, fk="ohrm_job_title.id", null=0.1),
          col("eeo_cat_code", I, "int", lo=1, hi=9, null=0.6),
          col("work_station", I, "int", lo=1, hi=12, null=0.3),
          col("emp_street1", S(100), "street", null=0.1, empty=0.15),
          col("emp_street2", S(100), lambda c: f"Apt {c.rng.randint(1, 120)}", null=0.2,
              empty=0.6),
          col("city_code", S(100), "city", null=0.1, empty=0.15),
          col("coun_code", S(100), "choice", values=["US", "GB", "DE", "FR", "IN", "JP", ""],
              null=0.1),
          col("provin_code", S(100), "state", null=0.1, empty=0.3),
          col("emp_zipcode", S(20), "postcode", null=0.2),
          col("emp_hm_telephone", S(50), "phone", null=0.5),
          col("emp_mobile", S(50), "phone", null=0.2),
          col("emp_work_telephone", S(50), lambda c: f"+1 555 0100 x{c.rng.randint(100, 999)}",
              null=0.4),
          col("emp_work_email", S(50), lambda c: f"{c.person['username']}@acme-corp.example",
              null=0.2),
          col("sal_grd_code", S(13), "choice", values=["1", "2", "3", "4"], null=0.5),
          col("joined_date", D, "date", null=0.1, start=2005, end=2025),
          col("emp_oth_email", S(50), "email", null=0.6),
          col("termination_id", I, lambda c: c.rng.randint(1, 15) if c.index < 15 else None,
              nullable=True),
          col("custom1", S(250), "choice", values=["A+", "O-", "B+", "AB+", "O+"], null=0.6),
          col("custom2", S(250), "choice", values=["S", "M", "L", "XL"], null=0.5),
          col("custom3", S(250), _custom3, nullable=True),
          col("custom4", S(250), _iban, nullable=True),
          *[col(f"custom{n}", S(250), "const", value=None, nullable=True)
            for n in range(5, 11)],
          col("purged_at", DT, _ts, null=0.97))
    table(md, "ohrm_emp_termination", 15,
          col("id", I, pk=True, auto=True),
          col("emp_number", I, lambda c: c.rng.randint(1, N_EMP), nullable=True),
          col("reason_id", I, "int", lo=1, hi=7, null=0.1),
          col("termination_date", D, "date", start=2018, end=2025),
          col("note", S(255), _termination_note, nullable=True))
    table(md, "hs_hr_emp_emergency_contacts", 180,
          col("emp_number", I, pk=True, fk=_emp),
          col("eec_seqno", N(2, 0), "int", pk=True, lo=1, hi=3),
          col("eec_name", S(100), "full_name", nullable=True),
          col("eec_relationship", S(100), "choice",
              values=["Spouse", "Mother", "Father", "Sister", "Brother", "Friend", "Partner",
                      "Wife", "Husband", ""], nullable=True),
          col("eec_home_no", S(100), "phone", empty=0.5, nullable=True),
          col("eec_mobile_no", S(100), "phone", empty=0.15, nullable=True),
          col("eec_office_no", S(100), "phone", empty=0.8, nullable=True))
    table(md, "hs_hr_emp_dependents", 120,
          col("emp_number", I, pk=True, fk=_emp),
          col("ed_seqno", N(2, 0), "int", pk=True, lo=1, hi=4),
          col("ed_name", S(100), lambda c: f"{c.person['first']} {c.person['last']}",
              nullable=True),
          col("ed_relationship_type", enum("child", "other"), "choice",
              values=["child", "child", "child", "other"], null=0.05),
          col("ed_relationship", S(100), "choice", values=["", "", "", "Stepson", "Niece",
                                                           "Grandmother"], nullable=True),
          col("ed_date_of_birth", D, lambda c: G["date"](_p(c, start=2000, end=2024)),
              null=0.2))
    table(md, "hs_hr_emp_passport", 90,
          col("emp_number", I, pk=True, fk=_emp),
          col("ep_seqno", N(2, 0), "int", pk=True, lo=1, hi=2),
          col("ep_passport_num", S(100), lambda c: c.rng.choice(
              [G["passport"](c), f"{c.rng.choice('CFGHJK')}{c.rng.randint(1000000, 9999999)}",
               f"{c.rng.randint(100000000, 999999999)}"]), nullable=False),
          col("ep_passportissueddate", DT, "datetime", null=0.2, start=2012, end=2024),
          col("ep_passportexpiredate", DT, "datetime", null=0.2, start=2024, end=2034),
          col("ep_comments", S(255), "choice", values=["", "H-1B visa", "Blue Card",
                                                       "Renewal pending", "Work permit"],
              null=0.4),
          col("ep_passport_type_flg", sa.SmallInteger, "choice", values=[1, 2], null=0.2),
          col("ep_i9_status", S(100), "choice", values=["", "", "Verified", "Pending"],
              nullable=True),
          col("ep_i9_review_date", D, "date", null=0.7),
          col("cou_code", S(6), "choice", values=["US", "GB", "DE", "IN", "JP", "BR"],
              null=0.2))
    table(md, "hs_hr_emp_basicsalary", 140,
          col("id", I, pk=True, auto=True),
          col("emp_number", I, fk=_emp, nullable=False),
          col("sal_grd_code", I, "int", lo=1, hi=4, null=0.4),
          col("currency_id", S(6), "choice", values=["USD", "EUR", "GBP", "INR", "JPY"]),
          col("ebsal_basic_salary", S(100), lambda c: f"{c.rng.randint(18, 160) * 1000}",
              nullable=True),
          col("payperiod_code", S(13), "choice", values=["1", "2", "3", "4", "5"], null=0.2),
          col("salary_component", S(100), "choice", values=["Base", "Bonus", "Allowance",
                                                            "Overtime"], nullable=True),
          col("comments", S(255), "choice", values=["", "Annual raise", "Promotion",
                                                    "Market adjustment"], null=0.5))
    table(md, "hs_hr_emp_directdebit", 100,
          col("id", I, pk=True, auto=True),
          col("salary_id", I, fk="hs_hr_emp_basicsalary.id", nullable=False),
          col("dd_routing_num", I, lambda c: c.rng.choice([21000021, 26009593, 121000248,
                                                           11000138, 71000013])),
          col("dd_account", S(100), lambda c: str(c.rng.randint(10**7, 10**12))),
          col("dd_amount", N(11, 2), "money", lo=100, hi=9000),
          col("dd_account_type", S(20), "choice", values=["CHECKING", "SAVINGS"]),
          col("dd_transaction_type", S(20), "choice", values=["BLANK", "PERC", "FLAT",
                                                              "FLATMINUS"]))
    table(md, "ohrm_user", N_USER,
          col("id", I, pk=True, auto=True),
          col("user_role_id", I, fk="ohrm_user_role.id", nullable=False),
          col("emp_number", I, fk=_emp, null=0.05),
          col("user_name", S(40), lambda c: "Admin" if c.index == 0 else c.person["username"],
              unique=True, nullable=True),
          col("user_password", S(255), "password_hash", style="bcrypt12", null=0.05),
          col("deleted", tinyint(), "choice", values=[0, 0, 0, 0, 1]),
          col("status", tinyint(), "choice", values=[1, 1, 1, 0]),
          col("date_entered", DT, _ts, null=0.1),
          col("date_modified", DT, _ts, null=0.3),
          col("modified_user_id", I, lambda c: c.rng.randint(1, c.index) if c.index else None,
              nullable=True),
          col("created_by", I, lambda c: 1 if c.index else None, nullable=True))
    table(md, "hs_hr_emp_attachment", 120,
          col("emp_number", I, pk=True, fk=_emp),
          col("eattach_id", I, "int", pk=True, lo=1, hi=4),
          col("eattach_desc", S(200), "choice", values=["CV", "Signed contract", "Certificate",
                                                        "", "Visa copy", "Sick note"],
              nullable=True),
          col("eattach_filename", S(100), _cv_file, nullable=True),
          col("eattach_size", I, "int", lo=20000, hi=900000, nullable=True),
          col("eattach_attachment", blob("medium"), _pdf, nullable=True),
          col("eattach_type", S(200), "choice", values=["application/pdf", "image/jpeg",
                                                        "application/msword"], nullable=True),
          col("screen", S(100), "choice", values=["personal", "contact", "job", "salary",
                                                  "immigration", ""], nullable=True),
          col("attached_by", I, ref="ohrm_user.id", null=0.1),
          col("attached_by_name", S(200), "full_name", null=0.1),
          col("attached_time", DT, _ts, nullable=True))
    table(md, "hs_hr_emp_picture", 70,
          col("emp_number", I, pk=True, fk=_emp),
          col("epic_picture", blob("medium"), "image", nullable=True),
          col("epic_filename", S(100), lambda c: c.rng.choice([
              f"{c.person['first'].lower()}_{c.person['last'].lower()}.jpg", "photo.jpg",
              f"IMG_{c.rng.randint(1000, 9999)}.JPG", "passbild.png"]), nullable=True),
          col("epic_type", S(50), "choice", values=["image/jpeg", "image/png"], nullable=True),
          col("epic_file_size", S(20), lambda c: str(c.rng.randint(8000, 400000)),
              nullable=True),
          col("epic_file_width", S(20), "choice", values=["200", "150", "400"], nullable=True),
          col("epic_file_height", S(20), "choice", values=["200", "180", "400"], nullable=True))
    table(md, "ohrm_leave_request", 300,
          col("id", I, pk=True, auto=True),
          col("leave_type_id", I, "int", lo=1, hi=5),
          col("date_applied", D, "date", start=2020, end=2025),
          col("emp_number", I, fk=_emp, nullable=False),
          col("comments", S(256), _leave_reason, nullable=True))
    table(md, "ohrm_leave_request_comment", 160,
          col("id", I, pk=True, auto=True),
          col("leave_request_id", I, fk="ohrm_leave_request.id", nullable=False),
          col("created", DT, _ts, nullable=True),
          col("created_by_name", S(255), "full_name", nullable=False),
          col("created_by_id", I, fk="ohrm_user.id", null=0.1),
          col("created_by_emp_number", I, fk=_emp, null=0.2),
          col("comments", S(255), _leave_comment, nullable=True))
    table(md, "ohrm_job_candidate", N_CAND,
          col("id", I, pk=True, auto=True),
          col("first_name", S(30), "first_name"),
          col("middle_name", S(30), "middle_name", null=0.3),
          col("last_name", S(30), "last_name"),
          col("email", S(100), "email"),
          col("contact_number", S(30), "phone", null=0.2),
          col("status", I, "int", lo=1, hi=8),
          col("comment", T, _cand_comment, nullable=True),
          col("mode_of_application", I, "choice", values=[1, 2]),
          col("date_of_application", D, "date", start=2021, end=2025),
          col("cv_file_id", I, "int", lo=1, hi=200, null=0.4),
          col("cv_text_version", T, _cv_text, nullable=True),
          col("keywords", S(255), "choice", values=["java, spring", "excel, sap", "python",
                                                    "nursing", "sales, crm", ""], null=0.3),
          col("added_person", I, fk=_emp, null=0.3),
          col("consent_to_keep_data", sa.Boolean, "bool"))
    table(md, "ohrm_job_candidate_attachment", 60,
          col("id", I, pk=True, auto=True),
          col("candidate_id", I, fk="ohrm_job_candidate.id", nullable=False),
          col("file_name", S(200), _cv_file),
          col("file_type", S(200), "choice", values=["application/pdf",
                                                     "application/msword"], nullable=True),
          col("file_size", I, "int", lo=20000, hi=900000),
          col("file_content", blob("medium"), _pdf, nullable=True),
          col("attachment_type", I, "choice", values=[1], nullable=True))
    table(md, "ohrm_login", 400,
          col("id", I, pk=True, auto=True),
          col("user_id", BI, ref="ohrm_user.id", nullable=False),
          col("user_name", S(255), "username", nullable=True),
          col("user_role_name", T, "choice", values=["Admin", "ESS", "Supervisor"]),
          col("user_role_predefined", tinyint(), "choice", values=[1]),
          col("login_time", DT, _ts, nullable=True))
    table(md, "ohrm_reset_password", 25,
          col("id", BI, pk=True, auto=True),
          col("reset_email", S(60), "email"),
          col("reset_request_date", DT, _ts),
          col("reset_code", S(200), lambda c: G["token"](_p(c, n=64, style="hex"))))
    table(md, "ohrm_buzz_post", 90,
          col("id", BI, pk=True, auto=True),
          col("employee_number", I, fk=_emp, null=0.05),
          col("text", T, _buzz, nullable=True),
          col("post_time", DT, _ts),
          col("updated_at", DT, _ts, nullable=True))
    return md
