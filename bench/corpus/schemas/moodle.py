"""Moodle (learning management, PHP): a held-out schema (issue #10), labelled before any
scan and never tuned on. Core tables of ``lib/db/install.xml`` (the 2.0-era XMLDB file,
VERSION 20100706) with the ``mdl_`` prefix: users (IM handles and all), preferences,
course access, sessions, the action log, messages and contacts, calendar events,
courses and categories, grading scales, configuration and its change log, MNet peer
hosts. Column subset of ``course`` only. Moodle's XMLDB types: ``int(10)`` is a BIGINT,
``int(1..4)`` a SMALLINT, ``char`` a VARCHAR, ``text`` small/medium/big a TEXT,
MEDIUMTEXT, LONGTEXT on MySQL; every time is a Unix timestamp in an integer.
"""

from __future__ import annotations

import base64
import hashlib

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, longtext, mediumtext, table

SOURCE = {"repo": "moodle/moodle", "path": "lib/db/install.xml",
          "commit": "018187da22e760782fa1c49c31cda79428b9a0f7"}
PERSON_TABLES = ("mdl_user",)

V = sa.String
BI = sa.BigInteger
SI = sa.SmallInteger


def _ts(lo: int = 1_300_000_000, hi: int = 1_730_000_000):  # type: ignore[no-untyped-def]
    return lambda c: c.rng.randint(lo, hi)


def _deleted(ctx):  # type: ignore[no-untyped-def]
    return 1 if ctx.rng.random() < 0.05 else 0


def _username(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    if ctx.index == 0:
        return "guest"
    if ctx.row["deleted"]:
        # Moodle rewrites a deleted account: username = e-mail + '.' + time
        return f"{p['email'].lower()}.{ctx.rng.randint(1_400_000_000, 1_700_000_000)}"
    return p["username"].lower() if ctx.rng.random() < 0.8 else p["email"].lower()


def _email(ctx):  # type: ignore[no-untyped-def]
    if ctx.index == 0:
        return "root@localhost"
    if ctx.row["deleted"]:
        return hashlib.md5(ctx.person["email"].encode()).hexdigest()
    return ctx.person["email"]


def _im(kind):  # type: ignore[no-untyped-def]
    def gen(ctx):  # type: ignore[no-untyped-def]
        if ctx.rng.random() > 0.12:
            return ""
        p = ctx.person
        return {"icq": lambda: str(ctx.rng.randint(10_000_000, 999_999_999)),
                "skype": lambda: f"live:{p['username'][:20]}",
                "yahoo": lambda: p["username"][:30],
                "aim": lambda: p["username"][:30],
                "msn": lambda: p["email"]}[kind]()
    return gen


def _idnumber(ctx):  # type: ignore[no-untyped-def]
    # student or staff number from the campus system
    r = ctx.rng.random()
    if r < 0.3:
        return ""
    if r < 0.8:
        return f"S{ctx.rng.randint(1_000_000, 9_999_999)}"
    return f"{ctx.rng.randint(2010, 2024)}-{ctx.rng.randint(10000, 99999)}"


def _bio(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        None, "", "",
        f"<p>Hi, I'm {p['first']} and I study {ctx.rng.choice(['law', 'biology', 'history'])}.</p>",
        "<p>Teaching assistant.</p>", f"<p>Office hours Tue 2-4pm, call {G['phone'](ctx)}.</p>",
        "<p>Part-time student, working full time.</p>"])


def _imagealt(ctx):  # type: ignore[no-untyped-def]
    return f"Photo of {ctx.person['first']} {ctx.person['last']}" if ctx.rng.random() < 0.1 \
        else None


COURSE_CODES = ["BIO", "LAW", "HIS", "CHEM", "LANG"]
PREF_NAMES = ["htmleditor", "email_bounce_count", "login_failed_count",
              "auth_forcepasswordchange", "message_processor_email_email",
              "user_home_page_preference",
              "block_myoverview_user_sort_preference", "filepicker_recentrepository"]


def _pref_value(ctx):  # type: ignore[no-untyped-def]
    name = ctx.row["name"]
    r = ctx.rng
    return {"htmleditor": lambda: r.choice(["tinymce", "textarea", "atto"]),
            "email_bounce_count": lambda: str(r.randint(0, 3)),
            "login_failed_count": lambda: str(r.randint(0, 5)),
            "auth_forcepasswordchange": lambda: r.choice(["0", "1"]),
            # the address Moodle sends message notifications to, when not the profile one
            "message_processor_email_email": lambda: ctx.person["email"],
            "user_home_page_preference": lambda: r.choice(["0", "1"]),
            "block_myoverview_user_sort_preference": lambda: r.choice(["title", "lastaccessed"]),
            "filepicker_recentrepository": lambda: str(r.randint(1, 9))}[name]()


def _sessdata(ctx):  # type: ignore[no-untyped-def]
    # PHP session serialisation, base64-encoded as Moodle's database session handler stores it
    p = ctx.person
    uid = str(ctx.row["userid"])
    raw = (f'USER|O:8:"stdClass":4:{{s:2:"id";s:{len(uid)}:"{uid}";'
           f's:8:"username";s:{len(p["username"])}:"{p["username"]}";'
           f's:5:"email";s:{len(p["email"])}:"{p["email"]}";'
           f's:9:"firstname";s:{len(p["first"].encode())}:"{p["first"]}";}}'
           f'SESSION|O:8:"stdClass":1:{{s:9:"sesskey";s:10:"{G["token"](ctx)[:10]}";}}')
    if ctx.row["userid"] == 0:
        raw = 'SESSION|O:8:"stdClass":1:{s:8:"wantsurl";s:22:"http://lms.example/my/";}'
    return base64.b64encode(raw.encode()).decode()


def _log_info(ctx):  # type: ignore[no-untyped-def]
    action = ctx.row["action"]
    if action in ("update", "view") and ctx.row["module"] == "user":
        # add_to_log('user', 'update', ..., fullname($user))
        return G["full_name"](ctx)
    if action == "login":
        return str(ctx.row["userid"])
    if action == "add post":
        return str(ctx.rng.randint(1, 9000))
    return ctx.rng.choice(["", str(ctx.rng.randint(1, 300)), "Course overview"])


LOG_ACTIONS = [("user", "login"), ("user", "view"), ("user", "update"), ("course", "view"),
               ("forum", "add post"), ("forum", "view discussion"), ("resource", "view"),
               ("quiz", "attempt"), ("course", "view")]


def _message(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    return ctx.rng.choice([
        "Did you finish the assignment?", "See you in the lab tomorrow.",
        f"Hi {p['first']}, your essay is graded.", f"My number is {G['phone'](ctx)}, text me.",
        "Thanks!", f"Please add {G['full_name'](ctx)} to our group.", "ok"])


def _event_type(ctx):  # type: ignore[no-untyped-def]
    # drawn once per row: the name, course and module columns come before eventtype
    if "_eventtype" not in ctx.row:
        ctx.row["_eventtype"] = ctx.rng.choice(["site", "course", "course", "user", "due",
                                                "group"])
    return ctx.row["_eventtype"]


def _event_name(ctx):  # type: ignore[no-untyped-def]
    if _event_type(ctx) == "user":
        return ctx.rng.choice([f"Call with {G['full_name'](ctx)}", "Dentist",
                               f"{ctx.person['first']}'s birthday", "Study session"])
    return ctx.rng.choice(["Assignment 1 is due", "Quiz 2 opens", "Midterm exam",
                           "Field trip", "Course starts"])


CONFIG = [
    ("siteidentifier", None), ("supportname", "Campus IT Helpdesk"),
    ("supportemail", "helpdesk@uni.example"), ("noreplyaddress", "noreply@lms.uni.example"),
    ("smtphosts", "smtp.uni.example:587"), ("smtpuser", "lms-mailer"), ("smtppass", None),
    ("cronremotepassword", None), ("sitepolicy", "https://uni.example/policy"),
    ("lang", "en"), ("timezone", "Europe/London"), ("registerauth", ""),
    ("passwordpolicy", "1"), ("minpasswordlength", "8"), ("siteadmins", "2"),
    ("theme", "standard"), ("maxbytes", "0"), ("allowuserthemes", "0"),
    ("frontpage", "6"), ("release", "2.0 (Build: 20100706)"), ("version", "2010070600"),
    ("mnet_localhost_id", "1"), ("enablewebservices", "0"), ("recaptchapublickey", ""),
    ("recaptchaprivatekey", None)]


def _config_value(ctx):  # type: ignore[no-untyped-def]
    name, value = CONFIG[ctx.index]
    if value is None:
        return G["token"](ctx)[:24] if name != "siteidentifier" else \
            f"{G['token'](ctx)}lms.uni.example"
    return value


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "mdl_config", len(CONFIG),
          col("id", BI, pk=True, auto=True),
          col("name", V(255), lambda c: CONFIG[c.index][0], unique=True),
          col("value", sa.Text, _config_value))
    table(md, "mdl_user", 300,
          col("id", BI, pk=True, auto=True),
          col("auth", V(20), "choice", values=["manual", "manual", "ldap", "email", "nologin"]),
          col("confirmed", SI, "choice", values=[1, 1, 1, 0]),
          col("policyagreed", SI, "choice", values=[0, 1]),
          col("deleted", SI, _deleted),
          col("suspended", SI, "choice", values=[0, 0, 0, 1]),
          col("mnethostid", BI, "const", value=1),
          col("username", V(100), _username),
          col("password", V(32), lambda c: "not cached" if c.row["auth"] == "ldap"
              else G["password_hash"](c), style="md5"),
          col("idnumber", V(255), _idnumber),
          col("firstname", V(100), "first_name"),
          col("lastname", V(100), "last_name"),
          col("email", V(100), _email),
          col("emailstop", SI, "choice", values=[0, 0, 0, 1]),
          col("icq", V(15), _im("icq")),
          col("skype", V(50), _im("skype")),
          col("yahoo", V(50), _im("yahoo")),
          col("aim", V(50), _im("aim")),
          col("msn", V(50), _im("msn")),
          col("phone1", V(20), "phone", empty=0.5),
          col("phone2", V(20), "phone", empty=0.85),
          col("institution", V(40), lambda c: c.rng.choice(["University of Example",
                                                           "Example College", ""])),
          col("department", V(30), lambda c: c.rng.choice(["Biology", "Law", "History",
                                                          "Computer Science", ""])),
          col("address", V(70), "street", empty=0.6),
          col("city", V(20), "city", empty=0.1),
          col("country", V(2), "choice", values=["GB", "DE", "FR", "US", "JP", "TR", ""]),
          col("lang", V(30), "choice", values=["en", "en", "de", "fr", "ja", "tr"]),
          col("theme", V(50), "choice", values=["", "", "standard"]),
          col("timezone", V(100), lambda c: c.rng.choice(["99", "99", G["timezone"](c)])),
          col("firstaccess", BI, _ts()),
          col("lastaccess", BI, _ts()),
          col("lastlogin", BI, _ts()),
          col("currentlogin", BI, _ts()),
          col("lastip", V(45), "ip", empty=0.05),
          col("secret", V(15), lambda c: G["token"](c, )[:15] if c.rng.random() < 0.3 else "",
              n=15, style="url"),
          col("picture", SI, "choice", values=[0, 0, 1]),
          col("url", V(255), "personal_url", empty=0.6),
          col("description", sa.Text, _bio, nullable=True),
          col("descriptionformat", SI, "choice", values=[0, 1]),
          col("mailformat", SI, "const", value=1),
          col("maildigest", SI, "choice", values=[0, 0, 1, 2]),
          col("maildisplay", SI, "choice", values=[0, 1, 2, 2]),
          col("htmleditor", SI, "const", value=1),
          col("ajax", SI, "const", value=1),
          col("autosubscribe", SI, "choice", values=[0, 1]),
          col("trackforums", SI, "choice", values=[0, 1]),
          col("timecreated", BI, _ts()),
          col("timemodified", BI, _ts()),
          col("trustbitmask", BI, "const", value=0),
          col("imagealt", V(255), _imagealt, nullable=True),
          col("screenreader", SI, "choice", values=[0, 0, 0, 1]),
          sa.UniqueConstraint("mnethostid", "username"))
    table(md, "mdl_user_preferences", 600,
          col("id", BI, pk=True, auto=True),
          col("userid", BI, ref="mdl_user.id"),
          col("name", V(50), "choice", values=PREF_NAMES),
          col("value", V(255), _pref_value),
          sa.UniqueConstraint("userid", "name"))
    table(md, "mdl_course_categories", 12,
          col("id", BI, pk=True, auto=True),
          col("name", V(255), lambda c: ["Miscellaneous", "Faculty of Science",
                                         "Faculty of Law", "Humanities", "Biology",
                                         "Chemistry", "Private Law", "Public Law", "History",
                                         "Languages", "Archive 2019", "Staff training"][c.index]),
          col("description", sa.Text, "lorem", words=8, null=0.5),
          col("descriptionformat", SI, "choice", values=[0, 1]),
          col("parent", BI, lambda c: 0 if c.index < 4 else c.rng.randint(2, 4)),
          col("sortorder", BI, lambda c: 10000 * (c.index + 1)),
          col("coursecount", BI, "int", lo=0, hi=20),
          col("visible", SI, "choice", values=[1, 1, 0]),
          col("visibleold", SI, "const", value=1),
          col("timemodified", BI, _ts()),
          col("depth", BI, lambda c: 1 if c.index < 4 else 2),
          col("path", V(255), lambda c: f"/{c.index + 1}"),
          col("theme", V(50), "choice", values=[None, None, "standard"], nullable=True))
    table(md, "mdl_course", 40,
          col("id", BI, pk=True, auto=True),
          col("category", BI, ref="mdl_course_categories.id"),
          col("sortorder", BI, "int", lo=10000, hi=130000),
          col("fullname", V(254), lambda c: c.rng.choice([
              "Introduction to Biology", "Contract Law I", "Modern European History",
              "Organic Chemistry", "Academic Writing", "Japanese for Beginners",
              "Data Protection Law", "Research Methods"]) + f" ({c.rng.randint(2019, 2025)})"),
          col("shortname", V(100), lambda c: f"{c.rng.choice(COURSE_CODES)}"
              f"{c.rng.randint(100, 499)}-{c.index}"),
          col("idnumber", V(100), lambda c: f"{c.rng.randint(2019, 2025)}-{c.index:04d}",
              empty=0.4),
          col("summary", sa.Text, "lorem", words=20, null=0.2),
          col("summaryformat", SI, "const", value=1),
          col("format", V(10), "choice", values=["topics", "weeks", "social", "site"]),
          col("showgrades", SI, "const", value=1),
          col("newsitems", SI, "choice", values=[0, 3, 5]),
          col("startdate", BI, _ts()),
          col("visible", SI, "choice", values=[1, 1, 0]),
          col("lang", V(30), "choice", values=["", "", "en", "de"]),
          col("theme", V(50), "const", value=""),
          col("timecreated", BI, _ts()),
          col("timemodified", BI, _ts()),
          col("enablecompletion", SI, "choice", values=[0, 1]))
    table(md, "mdl_user_lastaccess", 500,
          col("id", BI, pk=True, auto=True),
          col("userid", BI, ref="mdl_user.id"),
          col("courseid", BI, ref="mdl_course.id"),
          col("timeaccess", BI, _ts()),
          sa.UniqueConstraint("userid", "courseid"))
    table(md, "mdl_sessions", 250,
          col("id", BI, pk=True, auto=True),
          col("state", BI, "const", value=0),
          col("sid", V(128), "token", n=26, style="url", unique=True),
          col("userid", BI, lambda c: 0 if c.rng.random() < 0.2 else c.rng.randint(2, 300)),
          col("sessdata", longtext(), _sessdata),
          col("timecreated", BI, _ts(1_700_000_000, 1_730_000_000)),
          col("timemodified", BI, _ts(1_700_000_000, 1_730_000_000)),
          col("firstip", V(45), "ip", null=0.02),
          col("lastip", V(45), "ip", null=0.02))
    table(md, "mdl_log", 1200,
          col("id", BI, pk=True, auto=True),
          col("time", BI, _ts()),
          col("userid", BI, ref="mdl_user.id"),
          col("ip", V(45), "ip"),
          col("course", BI, ref="mdl_course.id"),
          col("module", V(20), lambda c: c.rng.choice(LOG_ACTIONS)[0]),
          col("cmid", BI, "int", lo=0, hi=800),
          col("action", V(40), lambda c: next(a for m, a in c.rng.sample(LOG_ACTIONS, 9)
                                              if m == c.row["module"])),
          col("url", V(100), lambda c: f"view.php?id={c.rng.randint(1, 800)}"),
          col("info", V(255), _log_info))
    table(md, "mdl_message", 400,
          col("id", BI, pk=True, auto=True),
          col("useridfrom", BI, ref="mdl_user.id"),
          col("useridto", BI, ref="mdl_user.id"),
          col("subject", sa.Text, lambda c: f"New message from {c.person['first']} "
              f"{c.person['last']}"),
          col("fullmessage", sa.Text, _message),
          col("fullmessageformat", SI, "choice", values=[0, 1, 2]),
          col("fullmessagehtml", mediumtext(), lambda c: f"<p>{c.row['fullmessage']}</p>"),
          col("smallmessage", sa.Text, lambda c: c.row["fullmessage"][:40]),
          col("timecreated", BI, _ts()))
    table(md, "mdl_message_contacts", 300,
          col("id", BI, pk=True, auto=True),
          col("userid", BI, ref="mdl_user.id"),
          col("contactid", BI, ref="mdl_user.id"),
          col("blocked", SI, "choice", values=[0, 0, 0, 1]),
          sa.UniqueConstraint("userid", "contactid"))
    table(md, "mdl_event", 300,
          col("id", BI, pk=True, auto=True),
          col("name", V(255), _event_name),
          col("description", sa.Text, lambda c: f"<p>{c.row['name']}. {G['lorem'](c)}</p>"),
          col("format", SI, "const", value=1),
          col("courseid", BI, lambda c: 0 if _event_type(c) in ("site", "user")
              else c.rng.randint(1, 40)),
          col("groupid", BI, "choice", values=[0, 0, 0, 3]),
          col("userid", BI, ref="mdl_user.id"),
          col("repeatid", BI, "const", value=0),
          col("modulename", V(20), lambda c: c.rng.choice(["assignment", "quiz", "0"])
              if _event_type(c) == "due" else "0"),
          col("instance", BI, "int", lo=0, hi=200),
          col("eventtype", V(20), _event_type),
          col("timestart", BI, _ts()),
          col("timeduration", BI, "choice", values=[0, 0, 3600, 7200]),
          col("visible", SI, "choice", values=[1, 1, 0]),
          col("uuid", V(36), lambda c: G["uuid_str"](c) if c.rng.random() < 0.1 else ""),
          col("sequence", BI, "const", value=1),
          col("timemodified", BI, _ts()))
    table(md, "mdl_scale", 10,
          col("id", BI, pk=True, auto=True),
          col("courseid", BI, lambda c: c.rng.choice([0, 0, c.rng.randint(1, 40)])),
          col("userid", BI, ref="mdl_user.id"),
          col("name", V(255), lambda c: ["Separate and Connected ways of knowing", "Pass/Fail",
                                         "Grade A-F", "Satisfactory", "Competence",
                                         "Default competence scale", "Stars",
                                         "Excellent/Good/Poor", "Effort",
                                         "Participation"][c.index]),
          col("scale", sa.Text, "choice", values=["Fail,Pass", "F,E,D,C,B,A",
                                                  "Not yet competent,Competent",
                                                  "Mostly separate,Separate and connected"]),
          col("description", sa.Text, "lorem", words=10),
          col("descriptionformat", SI, "const", value=1),
          col("timemodified", BI, _ts()))
    table(md, "mdl_config_log", 150,
          col("id", BI, pk=True, auto=True),
          col("userid", BI, ref="mdl_user.id"),
          col("timemodified", BI, _ts()),
          col("plugin", V(100), "choice", values=[None, None, "enrol_manual", "auth_ldap",
                                                  "mod_forum"], nullable=True),
          col("name", V(100), lambda c: c.rng.choice(CONFIG)[0]),
          col("value", sa.Text, lambda c: c.rng.choice(["0", "1", "en", "standard",
                                                        "helpdesk@uni.example", ""])),
          col("oldvalue", sa.Text, lambda c: c.rng.choice([None, "0", "1", "en", ""]),
              nullable=True))
    table(md, "mdl_mnet_host", 6,
          col("id", BI, pk=True, auto=True),
          col("deleted", SI, "choice", values=[0, 0, 1]),
          col("wwwroot", V(255), lambda c: ["", "https://lms.uni.example",
                                            "https://moodle.partner-college.example",
                                            "https://mahara.uni.example",
                                            "https://lms.old.example",
                                            "https://exchange.example.ac.jp"][c.index]),
          col("ip_address", V(45), lambda c: "" if c.index == 0 else G["ipv4"](c)),
          col("name", V(80), lambda c: ["All Hosts", "University LMS", "Partner College",
                                        "Mahara portfolio", "Old LMS", "Exchange"][c.index]),
          col("public_key", mediumtext(), lambda c: "-----BEGIN CERTIFICATE-----\n"
              + G["token"](c, ) + "\n-----END CERTIFICATE-----\n", n=400, style="b64"),
          col("public_key_expires", BI, _ts(1_700_000_000, 1_800_000_000)),
          col("transport", SI, "const", value=0),
          col("portno", BI, "choice", values=[0, 80, 443]),
          col("last_connect_time", BI, _ts()),
          col("last_log_id", BI, "int", lo=0, hi=5000),
          col("force_theme", SI, "const", value=0),
          col("theme", V(100), "const", value=None, nullable=True),
          col("applicationid", BI, "choice", values=[1, 1, 2]))
    return md
