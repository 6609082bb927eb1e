"""Chamilo LMS (e-learning platform, PHP, MySQL), the 1.8/1.9 era: a held-out schema
(issue #10), labelled before any scan and never tuned on. The main database
(``main/install/db_main.sql``) and the statistics database (``main/install/db_stats.sql``)
of the installer: 18 tables, all their columns, as the MySQL dumps declare them (no foreign
keys: every reference is a value; ``int unsigned`` as integer; ``tinytext`` and
``mediumtext`` kept on MariaDB; the ``'0000-00-00 00:00:00'`` defaults are not used since
strict MariaDB and PostgreSQL refuse them). ``user_field`` and ``user_field_values`` as
the 1.8-era installer and migration scripts declare them (``user_field_values``: id,
user_id, field_id, field_value, tms), read from the stored index, not from this commit.

Tables: ``user`` (names, login, SHA-1/MD5 password in ``varchar(50)``, e-mail, official code,
phone, picture file name, free-text profile fields, OpenID URL), courses with tutor names
and registration codes, course and session memberships, extra user fields and their values
(phone numbers, birth dates, addresses, timezones, the accepted terms as
``lang:version:time``), MD5 API keys, the internal messaging tool (titles, HTML content,
attachments named after people), gradebook certificates, friendships, PHP sessions
(serialized ``_user`` arrays), and the tracking tables ``track_e_login``,
``track_e_online`` (IPv4/IPv6 in ``varchar(39)``), ``track_e_default`` (event log whose
value is a user id, a course code or a serialized user object), ``track_e_open`` (remote
host: an IP or a reverse-DNS name), ``track_e_exercices`` and ``track_e_attempt`` (students'
answers and teachers' comments).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import _ascii, col, datetimes, mediumtext, new_person, table, tinyint, tinytext
from ..gen import with_params as _p

SOURCE = {"repo": "chamilo/chamilo-lms", "path": "main/install/db_main.sql",
          "commit": "00732c964f6e25f07008c4a7507afaa1aef96190"}
STATS_SOURCE = {"repo": "chamilo/chamilo-lms", "path": "main/install/db_stats.sql",
                "commit": "10e30bf6b1652107f49a374f75fc0c01bee864cb"}
PERSON_TABLES = ("user",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
V = sa.String
T = sa.Text
DT = sa.DateTime
D = sa.Date
TINY = tinyint()
FL = sa.Float

N_USERS = 200
N_COURSES = 25
_ts = datetimes(2010, 2025)
COURSES = [f"{c}{n}" for c in ("MATH", "PHYS", "ENG", "HIST", "BIO") for n in range(101, 106)]


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _uid(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1, N_USERS)


def _password(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.05:
        return ""
    if r < 0.7:
        return G["token"](_p(c, n=40, style="hex"))  # sha1
    return G["token"](_p(c, n=32, style="hex"))  # md5, older installs


def _picture(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.65:
        return None
    return (f"{G['token'](_p(c, n=13, style='hex'))}_"
            f"{_ascii(c.person['first']).lower() or 'photo'}.jpg")


def _openarea(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return None
    if r < 0.72:
        return f"<p>Contact me on {G['phone'](c)} or {c.person['email']}</p>"
    return c.rng.choice(["<p>Interested in e-learning and open source.</p>",
                         "<p>Part-time student, working in logistics.</p>", ""])


def _course_code(c):  # type: ignore[no-untyped-def]
    return COURSES[c.index] if c.index < len(COURSES) else f"C{c.index}"


def _field_value(c):  # type: ignore[no-untyped-def]
    fid = c.row["field_id"]
    if fid == 1:  # legal_accept
        lang, version = c.rng.randint(1, 3), c.rng.randint(1, 4)
        return f"{lang}:{version}:{c.rng.randint(1_300_000_000, 1_700_000_000)}"
    if fid == 2:  # tags
        return c.rng.choice(["php, moodle", "photography", "", "chemistry;biology"])
    if fid == 3:  # rssfeeds
        return c.rng.choice(["", "https://news.example.org/rss", "http://planet.example.com/atom"])
    if fid == 4:  # dashboard
        return c.rng.choice(["", "a:1:{i:0;s:12:\"block_course\";}"])
    if fid == 5:  # timezone
        return G["timezone"](c)
    if fid == 6:  # mobile_phone_number
        return G["phone"](c)
    if fid == 7:  # birthday
        b = c.person["born"]
        return c.rng.choice([b.isoformat(), b.strftime("%d/%m/%Y")])
    return G["street"](c) + ", " + G["city"](c)  # address


def _msg_title(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.12:
        return f"Invitation from {_name(c)}"
    return c.rng.choice(["Question about the exam", "Assignment 3", "Re: group work",
                         "Missing grade", "Welcome!", "Certificate"])


def _msg_content(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([
        f"<p>Hello {p['first']},</p><p>your assignment was received.</p>",
        "<p>Can you please check my quiz result? I think question 4 was correct.</p>",
        f"<p>Hi, I'm {p['first']} {p['last']}, please call me at {G['phone'](c)}.</p>",
        "<p>The session starts on Monday at 9:00.</p>",
        "<p>Thanks!</p>"])


def _attachment_name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([f"CV_{_ascii(p['first'])}_{_ascii(p['last'])}.pdf",
                         "assignment3.docx", "screenshot.png", "notes.odt",
                         f"{_ascii(p['last']).lower()}_report.pdf"])


def _php_session(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    if c.rng.random() < 0.3:
        return 'checkLoginCredentials|b:1;_cid|s:0:"";'
    u = (f'a:4:{{s:7:"user_id";i:{c.rng.randint(1, N_USERS)};s:9:"firstname";'
         f's:{len(p["first"].encode())}:"{p["first"]}";s:8:"lastname";'
         f's:{len(p["last"].encode())}:"{p["last"]}";s:5:"email";'
         f's:{len(p["email"])}:"{p["email"]}";}}')
    cid = c.rng.choice(['7:"MATH101"', '0:""'])
    return f"_user|{u}is_platformAdmin|b:0;_cid|s:{cid};"


def _default_value(c):  # type: ignore[no-untyped-def]
    vt = c.row["default_value_type"]
    if vt == "user_id":
        return str(c.rng.randint(1, N_USERS))
    if vt == "course_code":
        return c.rng.choice(COURSES)
    if vt == "setting_variable":
        return c.rng.choice(["allow_registration", "platformLanguage", "show_email_addresses"])
    p = new_person(c)
    return (f'a:3:{{s:9:"firstname";s:{len(p["first"].encode())}:"{p["first"]}";'
            f's:8:"lastname";s:{len(p["last"].encode())}:"{p["last"]}";'
            f's:8:"username";s:{len(p["username"])}:"{p["username"]}";}}')


def _remote_host(c):  # type: ignore[no-untyped-def]
    ip = G["ip"](c)
    if c.rng.random() < 0.7 or ":" in ip:
        return ip
    a, b, d, e = ip.split(".")
    return c.rng.choice([f"{e}-{d}-{b}-{a}.dyn.example-isp.net",
                         f"host{e}.{d}.{b}.{a}.cable.example.de"])


def _answer(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.55:
        return c.rng.choice(["1", "3", "2,4", "0", "1,2,3"])
    if r < 0.63:
        return f"My name is {c.person['first']} and I think the answer is photosynthesis."
    return c.rng.choice(["Paris", "The French Revolution began in 1789.", "E = mc2",
                         "[Einstein][1905]", "mitochondria", ""])


def _teacher_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.75:
        return f"Good job, {c.person['first']}!"
    return c.rng.choice(["Partially correct", "See chapter 4", "Please be more precise"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", N_USERS,
          col("user_id", I, pk=True, auto=True),
          col("lastname", V(60), "last_name", null=0.02),
          col("firstname", V(60), "first_name", null=0.02),
          col("username", V(20), lambda c: c.person["username"][:20], unique=True),
          col("password", V(50), _password),
          col("auth_source", V(50), "choice", values=["platform"] * 8 + ["ldap", "cas"],
              nullable=True),
          col("email", V(100), "email", null=0.05),
          col("status", TINY, "choice", values=[5, 5, 5, 5, 1, 1, 4, 6]),
          col("official_code", V(40), lambda c: None if c.rng.random() < 0.3 else
              c.rng.choice([f"S{c.rng.randint(100000, 999999)}",
                            f"{c.rng.randint(10**7, 10**8)}", "ADMIN", ""]), nullable=True),
          col("phone", V(30), "phone", null=0.4),
          col("picture_uri", V(250), _picture, nullable=True),
          col("creator_id", I, lambda c: 1 if c.rng.random() < 0.7 else
              c.rng.randint(1, c.index + 1), nullable=True),
          col("competences", T, "choice", values=[None, None, "Excel, Word",
                                                  "Python; statistics", "Spanish B2"],
              nullable=True),
          col("diplomas", T, "choice", values=[None, None, "MSc Physics",
                                               "Baccalauréat S", "BA History"],
              nullable=True),
          col("openarea", T, _openarea, nullable=True),
          col("teach", T, "choice", values=[None, None, None, "Maths", "Physics, Chemistry"],
              nullable=True),
          col("productions", V(250), lambda c: None if c.rng.random() < 0.75 else
              G["personal_url"](c), nullable=True),
          col("chatcall_user_id", I, lambda c: 0 if c.rng.random() < 0.9 else _uid(c)),
          col("chatcall_date", DT, _ts),
          col("chatcall_text", V(50), "choice", values=[""]),
          col("language", V(40), "choice", values=["english", "spanish", "french", "german",
                                                   "brazilian", None], nullable=True),
          col("registration_date", DT, _ts),
          col("expiration_date", DT, _ts),
          col("active", TINY, "choice", values=[1, 1, 1, 0]),
          col("openid", V(255), lambda c: None if c.rng.random() < 0.9 else
              f"https://{c.person['username'].lower()}.myopenid.com/", nullable=True),
          col("theme", V(255), "choice", values=[None, None, "chamilo", "blue_lagoon"],
              nullable=True),
          col("hr_dept_id", sa.SmallInteger, "choice", values=[0, 0, 0, 2, 5]))
    table(md, "course", N_COURSES,
          col("id", I, pk=True, auto=True),
          col("code", V(40), _course_code, unique=True),
          col("directory", V(40), lambda c: c.row["code"], nullable=True),
          col("db_name", V(40), lambda c: f"chamilo_{c.row['code']}", nullable=True),
          col("course_language", V(20), "choice", values=["english", "spanish", "french"],
              nullable=True),
          col("title", V(250), lambda c: c.rng.choice(["Algebra I", "Mechanics", "Academic "
                                                       "Writing", "Modern History",
                                                       "Cell Biology"]) +
              f" ({c.row['code']})", nullable=True),
          col("description", T, "choice", values=[None, "Introductory course.",
                                                  "Second-year module, 6 ECTS."],
              nullable=True),
          col("category_code", V(40), "choice", values=["LANG", "PC", "PROJ", None],
              nullable=True),
          col("visibility", TINY, "choice", values=[0, 1, 2, 3], nullable=True),
          col("show_score", I, "choice", values=[1]),
          col("tutor_name", V(200), lambda c: c.rng.choice(
              [f"Prof. {new_person(c)['last']}", _name(c),
               f"{_name(c)}, {_name(c)}"]), nullable=True),
          col("visual_code", V(40), lambda c: c.row["code"], nullable=True),
          col("department_name", V(30), "choice", values=["", "Faculty of Science",
                                                          "Humanities"], nullable=True),
          col("department_url", V(180), "choice", values=["", "https://science.example.edu/"],
              nullable=True),
          col("disk_quota", I, "choice", values=[100000000, 500000000], nullable=True),
          col("last_visit", DT, _ts, null=0.1),
          col("last_edit", DT, _ts, null=0.1),
          col("creation_date", DT, _ts, nullable=True),
          col("expiration_date", DT, _ts, nullable=True),
          col("target_course_code", V(40), "choice", values=[None], nullable=True),
          col("subscribe", TINY, "choice", values=[0, 1]),
          col("unsubscribe", TINY, "choice", values=[0, 1]),
          col("registration_code", V(255), lambda c: "" if c.rng.random() < 0.7 else
              c.rng.choice(["bio2024", "Welcome!", "k8s-lab"])))
    table(md, "course_rel_user", 400,
          col("course_code", V(40), ref="course.code", pk=True),
          col("user_id", I, ref="user.user_id", pk=True),
          col("status", TINY, "choice", values=[5, 5, 5, 1]),
          col("role", V(60), "choice", values=[None, None, "Professor", "Teaching assistant",
                                               "Student"], nullable=True),
          col("group_id", I, "choice", values=[0, 0, 1, 2]),
          col("tutor_id", I, "choice", values=[0, 0, 0, 1]),
          col("sort", I, "int", lo=1, hi=20, nullable=True),
          col("user_course_cat", I, "choice", values=[0, 0, 3], nullable=True),
          col("relation_type", I, "choice", values=[0], pk=True))
    table(md, "session", 15,
          col("id", sa.SmallInteger, pk=True, auto=True),
          col("id_coach", I, ref="user.user_id"),
          col("name", V(50).with_variant(mysql.CHAR(50), "mysql", "mariadb"),
              lambda c: f"{c.rng.choice(['Spring', 'Autumn'])} {2020 + c.index % 6} - Group "
                        f"{chr(65 + c.index)}", unique=True),
          col("nbr_courses", sa.SmallInteger, "int", lo=1, hi=6),
          col("nbr_users", I, "int", lo=0, hi=60),
          col("nbr_classes", I, "choice", values=[0]),
          col("date_start", D, "date"),
          col("date_end", D, "date"),
          col("nb_days_access_before_beginning", TINY, "choice", values=[0, 0, 7],
              nullable=True),
          col("nb_days_access_after_end", TINY, "choice", values=[0, 0, 30], nullable=True),
          col("session_admin_id", I, ref="user.user_id"),
          col("visibility", I, "choice", values=[1, 1, 2]),
          col("session_category_id", I, "choice", values=[0, 1, 2]))
    table(md, "user_field", 8,
          col("id", I, pk=True, auto=True),
          col("field_type", I, lambda c: [1, 10, 1, 1, 11, 1, 6, 2][c.index]),
          col("field_variable", V(64), lambda c: ["legal_accept", "tags", "rssfeeds",
                                                   "dashboard", "timezone",
                                                   "mobile_phone_number", "birthday",
                                                   "address"][c.index]),
          col("field_display_text", V(64), lambda c: ["Legal", "tags", "RSS", "Dashboard",
                                                       "Timezone", "Mobile phone", "Birthday",
                                                       "Postal address"][c.index],
              nullable=True),
          col("field_default_value", T, "choice", values=[None], nullable=True),
          col("field_order", I, lambda c: c.index + 1, nullable=True),
          col("field_visible", TINY, "choice", values=[0, 1], nullable=True),
          col("field_changeable", TINY, "choice", values=[0, 1], nullable=True),
          col("field_filter", TINY, "choice", values=[0], nullable=True),
          col("tms", DT, _ts))
    table(md, "user_field_values", 500,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="user.user_id"),
          col("field_id", I, ref="user_field.id"),
          col("field_value", T, _field_value, null=0.03),
          col("tms", DT, _ts, nullable=True))
    table(md, "user_api_key", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, ref="user.user_id"),
          col("api_key", sa.CHAR(32), lambda c: G["token"](_p(c, n=32, style="hex"))),
          col("api_service", sa.CHAR(10), "choice", values=["dokeos", "dokeos", "default"]))
    table(md, "message", 350,
          col("id", BI, pk=True, auto=True),
          col("user_sender_id", I, ref="user.user_id"),
          col("user_receiver_id", I, lambda c: 0 if c.rng.random() < 0.1 else _uid(c)),
          col("msg_status", TINY, "choice", values=[0, 1, 1, 3, 5, 6, 7]),
          col("send_date", DT, _ts),
          col("title", V(255), _msg_title),
          col("content", T, _msg_content),
          col("group_id", I, "choice", values=[0, 0, 0, 0, 2, 3]),
          col("parent_id", I, lambda c: 0 if c.rng.random() < 0.7 or c.index == 0 else
              c.rng.randint(1, c.index)),
          col("update_date", DT, _ts))
    table(md, "message_attachment", 60,
          col("id", I, pk=True, auto=True),
          col("path", V(255), lambda c: G["token"](_p(c, n=32, style="hex"))),
          col("comment", T, "choice", values=[None, "", "as discussed", "version 2"],
              nullable=True),
          col("size", I, "int", lo=1000, hi=5_000_000),
          col("message_id", I, ref="message.id"),
          col("filename", V(255), _attachment_name))
    table(md, "gradebook_certificate", 80,
          col("id", BI, pk=True, auto=True),
          col("cat_id", I, "int", lo=1, hi=30),
          col("user_id", I, ref="user.user_id"),
          col("score_certificate", FL, lambda c: round(c.rng.uniform(50, 100), 2)),
          col("created_at", DT, _ts),
          col("path_certificate", T, lambda c: None if c.rng.random() < 0.2 else
              f"/{G['token'](_p(c, n=13, style='hex'))}.html", nullable=True))
    table(md, "user_rel_user", 150,
          col("id", BI, pk=True, auto=True),
          col("user_id", I, ref="user.user_id"),
          col("friend_user_id", I, ref="user.user_id"),
          col("relation_type", I, "choice", values=[1, 3, 3, 4, 6]),
          col("last_edit", DT, _ts, null=0.2))
    table(md, "php_session", 120,
          col("session_id", V(32), lambda c: G["token"](_p(c, n=26, style="hex")), pk=True),
          col("session_name", V(10), "choice", values=["ch_sid"]),
          col("session_time", I, "int", lo=1_600_000_000, hi=1_735_000_000),
          col("session_start", I, "int", lo=1_600_000_000, hi=1_735_000_000),
          col("session_value", mediumtext(), _php_session))
    table(md, "track_e_login", 500,
          col("login_id", I, pk=True, auto=True),
          col("login_user_id", I, ref="user.user_id"),
          col("login_date", DT, _ts),
          col("login_ip", V(39), "ip"),
          col("logout_date", DT, _ts, null=0.3))
    table(md, "track_e_online", 80,
          col("login_id", I, pk=True, auto=True),
          col("login_user_id", I, ref="user.user_id"),
          col("login_date", DT, _ts),
          col("login_ip", V(39), "ip"),
          col("course", V(40), "choice", values=[None, None] + COURSES[:5], nullable=True))
    table(md, "track_e_default", 300,
          col("default_id", I, pk=True, auto=True),
          col("default_user_id", I, ref="user.user_id"),
          col("default_cours_code", V(40), "choice", values=["", "", ""] + COURSES[:8]),
          col("default_date", DT, _ts),
          col("default_event_type", V(20), "choice", values=["user_created", "user_deleted",
                                                             "course_created",
                                                             "settings_changed",
                                                             "user_updated"]),
          col("default_value_type", V(20), "choice", values=["user_id", "user_object",
                                                             "course_code",
                                                             "setting_variable"]),
          col("default_value", tinytext(), _default_value))
    table(md, "track_e_open", 200,
          col("open_id", I, pk=True, auto=True),
          col("open_remote_host", tinytext(), _remote_host),
          col("open_agent", tinytext(), "user_agent"),
          col("open_referer", tinytext(), "choice", values=["", "", "https://www.google.com/",
                                                           "https://campus.example.edu/"]),
          col("open_date", DT, _ts))
    table(md, "track_e_exercices", 300,
          col("exe_id", I, pk=True, auto=True),
          col("exe_user_id", I, ref="user.user_id", null=0.02),
          col("exe_date", DT, _ts),
          col("exe_cours_id", V(40), "choice", values=COURSES),
          col("exe_exo_id", I, "int", lo=1, hi=60),
          col("exe_result", FL, lambda c: float(c.rng.randint(0, 20))),
          col("exe_weighting", FL, lambda c: 20.0),
          col("status", V(20), "choice", values=["", "", "incomplete"]),
          col("data_tracking", T, lambda c: ",".join(str(c.rng.randint(1, 300))
                                                     for _ in range(c.rng.randint(1, 8)))),
          col("start_date", DT, _ts),
          col("steps_counter", sa.SmallInteger, "int", lo=0, hi=10),
          col("session_id", sa.SmallInteger, "choice", values=[0, 0, 1, 2]),
          col("orig_lp_id", I, "choice", values=[0, 0, 3]),
          col("orig_lp_item_id", I, "choice", values=[0, 0, 12]),
          col("exe_duration", I, "int", lo=0, hi=3600),
          col("expired_time_control", DT, _ts))
    table(md, "track_e_attempt", 600,
          col("exe_id", I, ref="track_e_exercices.exe_id", null=0.01),
          col("user_id", I, ref="user.user_id"),
          col("question_id", I, "int", lo=1, hi=300),
          col("answer", T, _answer),
          col("teacher_comment", T, _teacher_comment),
          col("marks", FL, lambda c: float(c.rng.choice([0, 0.5, 1, 2]))),
          col("course_code", V(40), "choice", values=COURSES),
          col("position", I, "int", lo=0, hi=10, nullable=True),
          col("tms", DT, _ts))
    return md
