"""OpenCATS (applicant tracking for recruiters, PHP, MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as ``db/cats_schema.sql`` creates
them: 14 of its tables, all their columns. The script declares no foreign keys: every
reference (``candidate_id``, ``entered_by``, ``owner``, ``recruiter``, ``contact_id``,
``reports_to``...) is generated as values. ``data_item_type``/``data_item_id`` is OpenCATS'
polymorphic link (100 candidate, 200 company, 300 contact, 400 job order); ``int(1)``
flags are small integers.

Tables: candidate (names, three phones, home address, two e-mails, web site, current
employer, desired and current pay, recruiter notes, EEO gender/ethnicity/veteran/disability
answers, "best time to call"), contact (client-side hiring managers: names, title, work and
cell phones, e-mails, address, notes), user (recruiters: login, MD5 password, session
cookie, names, phones, address), user_login (IP, user agent, host), company, joborder,
candidate_joborder (pipelines), activity (call and e-mail notes naming people),
attachment (uploaded resumes: file names with the candidate's name, extracted resume text),
calendar_event (interviews, reminder e-mail addresses), email_history (sent mail with
recipients), extra_field (custom field values, some personal), history (field change log
with previous and new values), career_portal_questionnaire_history (applicant answers).
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, longtext, new_person, table, token_of

SOURCE = {"repo": "opencats/OpenCATS", "path": "db/cats_schema.sql",
          "commit": "0c1487b931755c7a282057ff690eada4a46ff664"}
PERSON_TABLES = ("candidate", "contact", "user")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime

N_USER = 20
N_CAND = 180
N_COMP = 30
N_CONT = 60
N_JOB = 45

_ts = datetimes(2014, 2025)
SKILLS = ["Java, Spring, SQL", "PHP, MySQL, Laravel", "Python, Django, AWS", "C#, .NET, Azure",
          "RN, ICU, BLS", "Forklift, OSHA", "SAP FI/CO", "React, TypeScript", "AutoCAD, Revit",
          "Payroll, ADP", "CDL Class A", "Excel, VBA", "Kubernetes, Terraform", ""]
JOB_TITLES = ["Senior Java Developer", "Registered Nurse - ICU", "Warehouse Associate",
              "Payroll Specialist", "DevOps Engineer", "Staff Accountant", "Truck Driver CDL-A",
              "Frontend Developer", "Project Manager", "Mechanical Engineer", "Data Analyst",
              "Customer Service Rep", "Sales Executive DACH", "Ingénieur QA"]


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _cand_notes(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        f"Spoke with {p['first']}, open to relocation, notice period 4 weeks.",
        "Strong background, salary expectations too high for client.",
        f"Referred by {_name(c)}. Call after 6pm on {G['phone'](c)}.",
        "Needs visa sponsorship (H-1B transfer).",
        f"{p['first']} is on maternity leave until March, contact again then.",
        "Failed drug screen at previous placement, do not submit.",
        "", "Good communicator.", "Imported from Monster.",
    ])


def _activity_note(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        "Left voicemail.", "Sent job description.", "Scheduled phone screen.",
        f"Talked to {_name(c)} about the offer, wants 5k more.",
        f"Candidate asked to be contacted at {G['email'](c)} instead.",
        "Status change: Submitted -> Interviewing", "Added candidate to pipeline.",
        f"Reference check with {_name(c)} (former manager): positive.", "",
        "Email sent: Interview confirmation",
    ])


def _resume(c):  # type: ignore[no-untyped-def]
    p = c.person
    f = p["f"]
    return (f"{p['first']} {p['last']}\n{f.street_address()}, {f.city()}\n"
            f"{G['phone'](c)} | {p['email']}\n\nPROFESSIONAL EXPERIENCE\n"
            f"{c.rng.choice(JOB_TITLES)}, {G['company'](c)} (2018 - present)\n"
            f"- {c.fakers['en_US'].sentence(nb_words=12)}\n\nSKILLS\n{c.rng.choice(SKILLS)}\n"
            f"\nEDUCATION\nB.Sc., University of {f.city()}")


def _resume_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"Resume_{p['first']}_{p['last']}.pdf",
                         f"{p['last']}, {p['first']} CV 2023.docx",
                         f"CV-{p['last'].lower()}.pdf", "resume.pdf", "Lebenslauf.pdf",
                         f"{p['first']}{p['last']}.doc"])


def _recipients(c):  # type: ignore[no-untyped-def]
    n = c.rng.randint(1, 3)
    return ", ".join(new_person(c)["email"] for _ in range(n))


def _email_text(c):  # type: ignore[no-untyped-def]
    p = c.person
    return (f"Dear {p['first']},\n\nThank you for applying for the position of "
            f"{c.rng.choice(JOB_TITLES)}. We would like to invite you to an interview on "
            f"{G['date'](c)}.\n\nBest regards,\n{_name(c)}\nRecruiting Team")


def _extra_value(c):  # type: ignore[no-untyped-def]
    fn = c.row.get("field_name")
    if fn == "LinkedIn":
        return f"https://www.linkedin.com/in/{c.person['username']}"
    if fn == "Date of Birth":
        return G["dob_text"](c)
    if fn == "Spouse":
        return _name(c)
    return c.rng.choice(["Yes", "No", "2 years", "German (fluent)", "Night shift only", ""])


def _history_value(c):  # type: ignore[no-untyped-def]
    field = c.row.get("the_field")
    if field in ("phone_cell", "phone_home"):
        return G["phone"](c)
    if field in ("email1",):
        return G["email"](c)
    if field in ("last_name", "first_name"):
        return G[field](c)
    if field == "address":
        return G["street"](c)
    return c.rng.choice(["1", "0", "400", "Active", "OnHold", "(USER) 3", ""])


def _answer(c):  # type: ignore[no-untyped-def]
    q = c.row.get("question", "")
    if "referred" in q:
        return c.rng.choice([_name(c), "No", "Website"])
    if "salary" in q:
        return c.rng.choice(["60-70k", "$45/hr", "negotiable"])
    return c.rng.choice(["Yes", "No", "Within 2 weeks", "Immediately"])


def _host(c):  # type: ignore[no-untyped-def]
    """Reverse DNS of the login IP: ISP host names embed the address."""
    a, b, d, e = c.row["ip"].split(".") if "." in c.row["ip"] else ("10", "0", "0", "1")
    return c.rng.choice([f"p{int(a):02x}{int(b):02x}{int(d):02x}{int(e):02x}.dip0.t-ipconnect.de",
                         f"c-{a}-{b}-{d}-{e}.hsd1.ca.comcast.net",
                         f"host-{a}-{b}-{d}-{e}.static.example-isp.net", "localhost", ""])


def _site(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([1, 1, 1, 180])


def _data_item(c):  # type: ignore[no-untyped-def]
    t = c.row.get("data_item_type", 100)
    hi = {100: N_CAND, 200: N_COMP, 300: N_CONT, 400: N_JOB}.get(t, N_CAND)
    return c.rng.randint(1, hi)



def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", N_USER,
          col("user_id", I, pk=True, auto=True),
          col("site_id", I, _site, nullable=False),
          col("user_name", S(64), "username", nullable=False),
          col("email", S(128), "email", null=0.1),
          col("password", S(128), lambda c: G["token"](c) if c.rng.random() < 0.8 else
              G["password_hash"](c), nullable=False, n=32, style="hex"),
          col("access_level", I, "choice", values=[100, 200, 300, 400, 500], nullable=False),
          col("can_change_password", I, "choice", values=[0, 1, 1], nullable=False),
          col("is_test_user", I, "choice", values=[0, 0, 0, 1], nullable=False),
          col("last_name", S(40), "last_name", nullable=False),
          col("first_name", S(40), "first_name", nullable=False),
          col("is_demo", I, "choice", values=[0, 0, 1], null=0.1),
          col("categories", S(192), "choice", values=["", "mru,candidates", "hr"], null=0.6),
          col("session_cookie", S(256), lambda c: f"CATS={G['token'](c)}", null=0.4, n=26,
              style="hex"),
          col("pipeline_entries_per_page", I, "choice", values=[15, 15, 40], null=0.05),
          col("column_preferences", longtext(), lambda c: 'a:2:{s:9:"candidates";a:3:'
              '{i:0;s:10:"First Name";i:1;s:9:"Last Name";i:2;s:6:"E-Mail";}s:4:"jobs";a:0:{}}',
              null=0.3),
          col("force_logout", I, "choice", values=[0, 0, 1], null=0.1),
          col("title", S(64), "choice", values=["Recruiter", "Account Manager", "Sourcer",
                                                "Managing Partner", ""], null=0.1),
          col("phone_work", S(64), "phone", null=0.2, empty=0.2),
          col("phone_cell", S(64), "phone", null=0.2, empty=0.3),
          col("phone_other", S(64), "phone", null=0.3, empty=0.5),
          col("address", T, "street", null=0.6),
          col("notes", T, "choice", values=["", "Part-time, Mondays off", "Team lead"],
              null=0.5),
          col("company", S(255), "company", null=0.5),
          col("city", S(64), "city", null=0.6),
          col("state", S(64), "state", null=0.6),
          col("zip_code", S(16), "postcode", null=0.6),
          col("country", S(128), "choice", values=["US", "Germany", "UK"], null=0.6),
          col("can_see_eeo_info", I, "choice", values=[0, 1], null=0.1))
    table(md, "user_login", 200,
          col("user_login_id", I, pk=True, auto=True),
          col("user_id", I, ref="user.user_id", null=0.02),
          col("site_id", I, _site, nullable=False),
          col("ip", S(128), "ip", nullable=False),
          col("user_agent", S(255), "user_agent", null=0.05),
          col("date", TS, _ts, nullable=False),
          col("successful", I, "choice", values=[1, 1, 1, 0], nullable=False),
          col("host", S(255), _host, null=0.3),
          col("date_refreshed", TS, _ts, null=0.3))
    table(md, "company", N_COMP,
          col("company_id", I, pk=True, auto=True),
          col("site_id", I, _site, nullable=False),
          col("billing_contact", I, "int", lo=1, hi=N_CONT, null=0.5),
          col("name", S(64), "company", nullable=False),
          col("address", T, "street", null=0.2),
          col("city", S(64), "city", null=0.2),
          col("state", S(64), "state", null=0.2),
          col("zip", S(16), "postcode", null=0.2),
          col("phone1", S(40), lambda c: f"+1 800 {c.rng.randint(200, 999)} "
              f"{c.rng.randint(1000, 9999)}", null=0.2),
          col("phone2", S(40), lambda c: f"+1 800 {c.rng.randint(200, 999)} "
              f"{c.rng.randint(1000, 9999)}", null=0.7),
          col("url", S(128), "url", null=0.3),
          col("key_technologies", T, "choice", values=SKILLS, null=0.4),
          col("notes", T, "choice", values=["Net 30 terms", "MSP: Beeline", "Fee 20%", ""],
              null=0.4),
          col("entered_by", I, ref="user.user_id", null=0.05),
          col("owner", I, ref="user.user_id", null=0.1),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("is_hot", I, "choice", values=[0, 0, 1], null=0.1),
          col("fax_number", S(40), lambda c: f"+1 800 {c.rng.randint(200, 999)} "
              f"{c.rng.randint(1000, 9999)}", null=0.7),
          col("import_id", I, "choice", values=[0, 0, 0, 3], null=0.2),
          col("default_company", I, lambda c: 1 if c.index == 0 else 0, nullable=False))
    table(md, "contact", N_CONT,
          col("contact_id", I, pk=True, auto=True),
          col("company_id", I, ref="company.company_id", nullable=False),
          col("site_id", I, _site, nullable=False),
          col("last_name", S(64), "last_name", nullable=False),
          col("first_name", S(64), "first_name", nullable=False),
          col("title", S(128), "choice", values=["HR Manager", "CTO", "Talent Acquisition",
                                                 "Director of Nursing", "Hiring Manager"],
              null=0.1),
          col("email1", S(128), lambda c: f"{c.person['username']}@"
              f"{c.rng.choice(['acme-corp.com', 'mercy-health.org', 'logistik-nord.de'])}",
              null=0.1),
          col("email2", S(128), "email", null=0.8),
          col("phone_work", S(40), "phone", null=0.1),
          col("phone_cell", S(40), "phone", null=0.5),
          col("phone_other", S(40), "phone", null=0.9),
          col("address", T, "street", null=0.6),
          col("city", S(64), "city", null=0.5),
          col("state", S(64), "state", null=0.5),
          col("zip", S(16), "postcode", null=0.6),
          col("is_hot", I, "choice", values=[0, 1], null=0.1),
          col("notes", T, _activity_note, null=0.5),
          col("entered_by", I, ref="user.user_id", nullable=False),
          col("owner", I, ref="user.user_id", null=0.1),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("left_company", I, "choice", values=[0, 0, 0, 1], nullable=False),
          col("import_id", I, "choice", values=[0, 0, 0, 3], nullable=False),
          col("company_department_id", I, "int", lo=0, hi=12, nullable=False),
          col("reports_to", I, lambda c: -1 if c.rng.random() < 0.7 else
              c.rng.randint(1, max(1, c.index)), null=0.05))
    table(md, "candidate", N_CAND,
          col("candidate_id", I, pk=True, auto=True),
          col("site_id", I, _site, nullable=False),
          col("last_name", S(64), "last_name", nullable=False),
          col("first_name", S(64), "first_name", nullable=False),
          col("middle_name", S(32), "middle_name", null=0.5),
          col("phone_home", S(40), "phone", null=0.5, empty=0.1),
          col("phone_cell", S(40), "phone", null=0.15, empty=0.05),
          col("phone_work", S(40), "phone", null=0.7, empty=0.1),
          col("address", T, "street", null=0.35),
          col("city", S(64), "city", null=0.2),
          col("state", S(64), "state", null=0.25),
          col("zip", S(16), "postcode", null=0.3),
          col("source", S(128), "choice", values=["LinkedIn", "Indeed", "Monster", "Referral",
                                                  "Career Portal", "(none)", "StepStone"],
              null=0.2),
          col("date_available", TS, _ts, null=0.6),
          col("can_relocate", I, "choice", values=[0, 1], nullable=False),
          col("notes", T, _cand_notes, null=0.3),
          col("key_skills", T, "choice", values=SKILLS, null=0.2),
          col("current_employer", S(128), "company", null=0.4),
          col("entered_by", I, ref="user.user_id", nullable=False),
          col("owner", I, ref="user.user_id", null=0.1),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("email1", S(128), "email", null=0.1),
          col("email2", S(128), lambda c: f"{c.person['username']}@"
              f"{c.rng.choice(['gmail.com', 'yahoo.com', 'outlook.de'])}", null=0.8),
          col("web_site", S(128), "personal_url", null=0.7),
          col("import_id", I, "choice", values=[0, 0, 0, 2, 5], nullable=False),
          col("is_hot", I, "choice", values=[0, 0, 0, 1], nullable=False),
          col("eeo_ethnic_type_id", I, "int", lo=0, hi=6, null=0.1),
          col("eeo_veteran_type_id", I, "int", lo=0, hi=4, null=0.1),
          col("eeo_disability_status", S(5), "choice", values=["", "Y", "N", "N"], null=0.1),
          col("eeo_gender", S(5), lambda c: c.rng.choice(["", "M" if c.person["male"] else "F"]),
              null=0.1),
          col("desired_pay", S(64), "choice", values=["85k", "$40/hr", "60.000 EUR",
                                                      "negotiable", "", "120000"], null=0.4),
          col("current_pay", S(64), "choice", values=["78k", "$35/hr", "52.000 EUR", ""],
              null=0.5),
          col("is_active", I, "choice", values=[1, 1, 0], null=0.05),
          col("is_admin_hidden", I, "choice", values=[0, 0, 0, 1], null=0.05),
          col("best_time_to_call", S(255), "choice", values=["", "", "Evenings after 6",
                                                             "Mornings", "Lunch break only"],
              nullable=False))
    table(md, "joborder", N_JOB,
          col("joborder_id", I, pk=True, auto=True),
          col("recruiter", I, ref="user.user_id", null=0.1),
          col("contact_id", I, ref="contact.contact_id", null=0.2),
          col("company_id", I, ref="company.company_id", null=0.02),
          col("entered_by", I, ref="user.user_id", nullable=False),
          col("owner", I, ref="user.user_id", null=0.1),
          col("site_id", I, _site, nullable=False),
          col("client_job_id", S(32), lambda c: f"REQ-{c.rng.randint(1000, 99999)}", null=0.5),
          col("title", S(64), "choice", values=JOB_TITLES, nullable=False),
          col("description", T, "paragraphs", null=0.1),
          col("notes", T, "choice", values=["Client wants local candidates only", "",
                                            "Hiring manager on vacation until 15th"], null=0.4),
          col("type", S(64), "choice", values=["C", "H", "C2H", "FL"], nullable=False),
          col("duration", S(64), "choice", values=["6 months", "12 months", "", "ongoing"],
              null=0.4),
          col("rate_max", S(255), "choice", values=["$65/hr", "90 EUR/h", ""], null=0.5),
          col("salary", S(64), "choice", values=["95,000", "70-80k", "DOE", ""], null=0.3),
          col("status", S(64), "choice", values=["Active", "OnHold", "Full", "Closed",
                                                 "Upcoming"], nullable=False),
          col("is_hot", I, "choice", values=[0, 1], nullable=False),
          col("openings", I, "int", lo=1, hi=5, null=0.1),
          col("city", S(64), "city", nullable=False),
          col("state", S(64), "state", nullable=False),
          col("start_date", TS, _ts, null=0.5),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("public", I, "choice", values=[0, 1], nullable=False),
          col("company_department_id", I, "int", lo=0, hi=12, null=0.5),
          col("is_admin_hidden", I, "choice", values=[0, 0, 1], null=0.1),
          col("openings_available", I, "int", lo=0, hi=5, null=0.1),
          col("questionnaire_id", I, "int", lo=1, hi=3, null=0.7),
          col("import_id", I, "choice", values=[0, 0, 4], nullable=False))
    table(md, "candidate_joborder", 260,
          col("candidate_joborder_id", I, pk=True, auto=True),
          col("candidate_id", I, ref="candidate.candidate_id", nullable=False),
          col("joborder_id", I, ref="joborder.joborder_id", nullable=False),
          col("site_id", I, _site, nullable=False),
          col("status", I, "choice", values=[100, 200, 250, 300, 400, 500, 600, 650, 700, 800],
              nullable=False),
          col("date_submitted", TS, _ts, null=0.5),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("rating_value", I, "int", lo=-5, hi=5, null=0.4),
          col("added_by", I, ref="user.user_id", null=0.1))
    table(md, "activity", 300,
          col("activity_id", I, pk=True, auto=True),
          col("data_item_id", I, _data_item, nullable=False),
          col("data_item_type", I, "choice", values=[100, 100, 100, 300, 200, 400],
              nullable=False),
          col("joborder_id", I, ref="joborder.joborder_id", null=0.4),
          col("site_id", I, _site, nullable=False),
          col("entered_by", I, ref="user.user_id", nullable=False),
          col("date_created", TS, _ts, nullable=False),
          col("type", I, "choice", values=[100, 200, 300, 400, 500, 600, 700, 800],
              nullable=False),
          col("notes", T, _activity_note, null=0.1),
          col("date_modified", TS, _ts, nullable=False))
    table(md, "attachment", 150,
          col("attachment_id", I, pk=True, auto=True),
          col("data_item_id", I, "int", lo=1, hi=N_CAND, nullable=False),
          col("data_item_type", I, "choice", values=[100, 100, 100, 100, 200], nullable=False),
          col("site_id", I, _site, nullable=False),
          col("title", S(128), lambda c: c.rng.choice([_resume_name(c).rsplit(".", 1)[0],
                                                       "Resume", "Cover letter"]), null=0.1),
          col("original_filename", S(255), _resume_name, nullable=False),
          col("stored_filename", S(255), lambda c: f"{G['token'](c)}.pdf", nullable=False,
              n=32, style="hex"),
          col("content_type", S(255), "choice", values=[
              "application/pdf", "application/msword",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
              null=0.05),
          col("resume", I, "choice", values=[1, 1, 1, 0], nullable=False),
          col("text", T, _resume, null=0.2),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("profile_image", I, "choice", values=[0, 0, 0, 1], null=0.1),
          col("directory_name", S(64), lambda c: f"site_1/{c.rng.randint(0, 9)}xd"
              f"{G['token'](c)}", null=0.1, n=24, style="hex"),
          col("md5_sum", S(40), token_of(32, "hex"), nullable=False),
          col("file_size_kb", I, "int", lo=12, hi=4000, null=0.05),
          col("md5_sum_text", S(40), token_of(32, "hex"), nullable=False))
    table(md, "calendar_event", 90,
          col("calendar_event_id", I, pk=True, auto=True),
          col("type", I, "choice", values=[100, 200, 300, 400, 500, 600], nullable=False),
          col("date", TS, _ts, nullable=False),
          col("title", T, lambda c: c.rng.choice([f"Interview ({_name(c)})",
                                                  f"Call {_name(c)}", "Team meeting",
                                                  "Job fair", "Client lunch"]), nullable=False),
          col("all_day", I, "choice", values=[0, 0, 1], nullable=False),
          col("data_item_id", I, lambda c: -1 if c.rng.random() < 0.3 else
              c.rng.randint(1, N_CAND), nullable=False),
          col("data_item_type", I, "choice", values=[-1, 100, 100, 300], nullable=False),
          col("entered_by", I, ref="user.user_id", nullable=False),
          col("date_created", TS, _ts, nullable=False),
          col("date_modified", TS, _ts, nullable=False),
          col("site_id", I, _site, nullable=False),
          col("joborder_id", I, lambda c: -1 if c.rng.random() < 0.4 else
              c.rng.randint(1, N_JOB), nullable=False),
          col("description", T, "choice", values=["", "Bring ID and references",
                                                  "Second round with CTO", "Zoom link sent"],
              null=0.3),
          col("duration", I, "choice", values=[15, 30, 60, 90], nullable=False),
          col("reminder_enabled", I, "choice", values=[0, 1], nullable=False),
          col("reminder_email", T, "email", null=0.6),
          col("reminder_time", I, "choice", values=[0, 15, 30, 60], null=0.2),
          col("public", I, "choice", values=[0, 1], nullable=False))
    table(md, "email_history", 120,
          col("email_history_id", I, pk=True, auto=True),
          col("from_address", S(128), lambda c: c.rng.choice([
              "jobs@talentbridge-staffing.com", "noreply@talentbridge-staffing.com",
              c.person["email"]]), nullable=False),
          col("recipients", T, _recipients, nullable=False),
          col("text", T, _email_text, null=0.05),
          col("user_id", I, ref="user.user_id", null=0.1),
          col("site_id", I, _site, nullable=False),
          col("date", TS, _ts, null=0.02))
    table(md, "extra_field", 160,
          col("extra_field_id", I, pk=True, auto=True),
          col("data_item_id", I, "int", lo=1, hi=N_CAND, null=0.02),
          col("field_name", S(255), "choice", values=["LinkedIn", "Date of Birth", "Spouse",
                                                      "Security Clearance", "Languages",
                                                      "Shift preference"], null=0.02),
          col("value", T, _extra_value, null=0.05),
          col("import_id", I, "choice", values=[0, 2], null=0.5),
          col("site_id", I, _site, null=0.02),
          col("data_item_type", I, "choice", values=[100, 100, 100, 300], null=0.02))
    table(md, "history", 300,
          col("history_id", I, pk=True, auto=True),
          col("data_item_type", I, "choice", values=[100, 100, 300, 400], null=0.02),
          col("data_item_id", I, "int", lo=1, hi=N_CAND, null=0.02),
          col("the_field", S(64), "choice", values=["phone_cell", "email1", "last_name",
                                                    "address", "status", "owner", "is_hot",
                                                    "(USER)", "first_name", "phone_home"],
              null=0.02),
          col("previous_value", T, _history_value, null=0.2),
          col("new_value", T, _history_value, null=0.1),
          col("description", S(192), "choice", values=["(USER) changed field(s)",
                                                        "(USER) created entry.",
                                                        "(USER) deleted entry.", ""],
              null=0.2),
          col("set_date", TS, _ts, null=0.02),
          col("entered_by", I, ref="user.user_id", null=0.05),
          col("site_id", I, _site, nullable=False))
    table(md, "career_portal_questionnaire_history", 140,
          col("career_portal_questionnaire_history_id", I, pk=True, auto=True),
          col("site_id", I, _site, nullable=False),
          col("candidate_id", I, ref="candidate.candidate_id", nullable=False),
          col("question", S(255), "choice", values=[
              "Are you legally authorized to work in the US?", "Who referred you?",
              "What are your salary expectations?", "When can you start?",
              "Do you have a valid driver's license?"], nullable=False),
          col("answer", S(255), _answer, nullable=False),
          col("questionnaire_title", S(255), "choice", values=["General", "Nursing",
                                                               "Drivers"], nullable=False),
          col("questionnaire_description", S(255), "choice", values=[
              "Standard screening questions", "", "For CDL positions"], nullable=False),
          col("date", TS, _ts, nullable=False))
    return md
