"""Apache Answer (Q&A platform, Go and xorm, MySQL, PostgreSQL or SQLite): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables xorm creates from the
structs in ``internal/entity/`` (table names as ``TableName()`` returns them, no prefix):
13 tables, all mapped columns. xorm declares no foreign key: every reference is a value.
Keys are ``BIGINT(20)``; questions, answers, tags and revisions carry Answer's
"uniqid" keys (an object-type prefix such as ``1001`` for questions and ``1002`` for
answers, then a zero-padded sequence), users and the rest small auto-increment numbers.

Tables: user (username, display name, e-mail, bcrypt hash, mobile number, avatar JSON with
a Gravatar URL, bio in Markdown and HTML, website, self-declared location, ``ip_info`` with
the last login IP), external logins (provider subject and a JSON profile with name and
e-mail), questions (titles, Markdown and HTML bodies that sometimes @-mention users or give
contact details, the JSON list of invited users), answers, comments (replies to users),
activity (reputation ledger), notifications (JSON naming the triggering user), reports
(reasons and the flagged text), revisions (JSON snapshots of edited posts), tags, tag
relations, collections (bookmarks) and meta (key/value per object).
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, mediumtext, new_person, table, tinyint

SOURCE = {"repo": "apache/incubator-answer",
          "path": "internal/entity/{user,user_external_login,question,answer,comment,activity,"
                  "notification,report,revision,tag,tag_rel,collection,meta}_entity.go",
          "commit": "f7731bc675930f9cb9fa7a6f6346c102246b2c4d"}
PERSON_TABLES = ("user",)

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
V = sa.String
T = sa.Text
TS = sa.DateTime
B = sa.Boolean

N_USER = 90
N_Q = 220
N_A = 380
N_TAG = 30

_ts = datetimes(2021, 2025)


def _uniq(prefix: int, n: int):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return prefix * 10 ** 13 + c.rng.randint(1, n)
    return gen


def _seq(prefix: int):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        return prefix * 10 ** 13 + c.index + 1
    return gen


def _uid(share0: float = 0.0):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if share0 and c.rng.random() < share0:
            return 0
        return c.rng.randint(1, N_USER)
    return gen


def _avatar(c):  # type: ignore[no-untyped-def]
    md5 = hashlib.md5(c.person["email"].lower().encode()).hexdigest()
    kind = c.rng.choice(["gravatar", "default", "custom", "gravatar"])
    custom = f"/uploads/avatar/{G['token'](_p(c, n=16))}.png" if kind == "custom" else ""
    return json.dumps({"type": kind, "gravatar": f"https://www.gravatar.com/avatar/{md5}",
                       "custom": custom})


def _p(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c


def _bio(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        "", "", "Backend developer. Go, Postgres, Kubernetes.",
        f"I'm {p['first']}, a student in {G['city'](c)}.",
        f"Freelance consultant - reach me at {p['email']}",
        "Maintainer of a few small open source libraries.",
        f"Call or text {G['phone'](c)} for paid support.", "Just here to learn."])


def _bio_html(c):  # type: ignore[no-untyped-def]
    b = c.row["bio"]
    return f"<p>{b}</p>" if b else ""


def _location(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["", "", f"{G['city'](c)}", f"{G['city'](c)}, {G['country'](c)}",
                         "Earth", "Remote"])


def _website(c):  # type: ignore[no-untyped-def]
    return G["personal_url"](c) if c.rng.random() < 0.5 else ""


QUESTION_TITLES = ["How do I configure SMTP with STARTTLS?", "Docker container exits with code 137",
                   "Why does my migration fail on PostgreSQL 16?",
                   "Best way to paginate a large table?", "Reverse proxy with nginx returns 502",
                   "Can I disable registration but keep SSO?", "Search does not find tags",
                   "How to back up uploads and the database together?",
                   "Plugin build fails: missing go.sum entry", "Markdown tables not rendering"]

BODY_TEXTS = [
    "I followed the docs but the service still fails to start. Logs attached below.",
    "```\nerror: connection refused (127.0.0.1:5432)\n```\nAny idea what is wrong?",
    "Thanks @{username}, that fixed it for me!",
    "As {first} {last} suggested in the other thread, set the env variable and restart.",
    "You need to increase the memory limit of the container, 512 MB is not enough.",
    "If you still have trouble, mail me at {email} and I'll send you my config.",
    "This is a known issue, see the changelog of the next release.",
    "Try clearing the cache and running the migration again.",
    "Works on my machine with the same version.",
    "",
]


def _body(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=BODY_TEXTS))


def _parsed(c):  # type: ignore[no-untyped-def]
    t = c.row["original_text"]
    return f"<p>{t}</p>" if t else ""


def _invite_ids(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return ""
    return json.dumps([str(c.rng.randint(1, N_USER)) for _ in range(c.rng.randint(1, 3))])


def _ext_meta(c):  # type: ignore[no-untyped-def]
    p = c.person
    gh = c.rng.randint(1, 9**8)
    return json.dumps({"external_id": c.row["external_id"],
                       "display_name": f"{p['first']} {p['last']}",
                       "username": p["username"], "email": p["email"],
                       "avatar": f"https://avatars.githubusercontent.com/u/{gh}",
                       "meta_info": ""}, ensure_ascii=False)


def _ext_id(c):  # type: ignore[no-untyped-def]
    prov = c.row["provider"]
    if prov == "google":
        return str(c.rng.randint(10 ** 20, 10 ** 21 - 1))
    if prov == "github":
        return str(c.rng.randint(1, 9 * 10 ** 7))
    return c.person["email"]


def _notification(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return json.dumps({
        "trigger_user_id": str(c.rng.randint(1, N_USER)),
        "receiver_user_id": str(c.rng.randint(1, N_USER)),
        "user_info": {"id": str(c.rng.randint(1, N_USER)), "username": p["username"],
                      "display_name": f"{p['first']} {p['last']}", "rank": c.rng.randint(1, 900)},
        "object_info": {"title": c.rng.choice(QUESTION_TITLES), "object_type":
                        c.rng.choice(["question", "answer", "comment"])},
        "notification_action": c.rng.choice(["answered_your_question", "commented_your_post",
                                             "mentioned_you", "invited_you_to_answer"]),
    }, ensure_ascii=False)


REPORT_TEXTS = ["Spam", "Off topic", "This user keeps posting ads for {first} {last}'s shop.",
                "Rude language", "Duplicate of an existing question",
                "Contains someone's phone number: {phone}", "", ""]


def _report(c):  # type: ignore[no-untyped-def]
    return G["template"](_p(c, texts=REPORT_TEXTS))


def _flagged(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    return _body(c)


def _revision(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return json.dumps({"id": str(_uniq(1001, N_Q)(c)), "user_id": str(c.rng.randint(1, N_USER)),
                       "title": c.rng.choice(QUESTION_TITLES),
                       "original_text": G["template"](_p(c, texts=BODY_TEXTS)),
                       "tags": [{"slug_name": c.rng.choice(["docker", "smtp", "sso"])}],
                       "user_info": {"username": p["username"],
                                     "display_name": p["first"]}}, ensure_ascii=False)


TAGS = ["docker", "smtp", "sso", "postgresql", "mysql", "nginx", "plugins", "markdown",
        "search", "backup", "kubernetes", "ldap", "i18n", "api", "email", "upgrade", "oauth",
        "performance", "theme", "sqlite", "redis", "s3", "security", "webhooks", "captcha",
        "seo", "mobile", "cli", "logging", "permissions"]


def _meta_kv(c):  # type: ignore[no-untyped-def]
    k = c.row["key"]
    if k == "question.close":
        return json.dumps({"type": c.rng.randint(1, 4), "close_msg": c.rng.choice(
            ["duplicate", "needs details", "off-topic", ""])})
    if k == "answer.accept":
        return str(_uniq(1002, N_A)(c))
    return json.dumps({"pin_reason": c.rng.choice(["announcement", "FAQ"])})


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", N_USER,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.01),
          col("updated_at", TS, _ts, null=0.01),
          col("suspended_at", TS, _ts, null=0.95),
          col("deleted_at", TS, _ts, null=0.95),
          col("last_login_date", TS, _ts, null=0.05),
          col("username", V(50), "username", unique=True),
          col("pass", V(255), "password_hash", style="bcrypt", empty=0.08),
          col("e_mail", V(100), "email"),
          col("mail_status", tinyint(), "choice", values=[1, 1, 2]),
          col("notice_status", I, "choice", values=[1, 2]),
          col("follow_count", I, "int", hi=40),
          col("answer_count", I, "int", hi=60),
          col("question_count", I, "int", hi=30),
          col("rank", I, "int", lo=1, hi=5000),
          col("status", I, "choice", values=[1, 1, 1, 9, 10]),
          col("authority_group", I, "choice", values=[1, 1, 2]),
          col("display_name", V(30), "display_name"),
          col("avatar", V(1024), _avatar),
          col("mobile", V(20), lambda c: G["phone"](c) if c.rng.random() < 0.25 else ""),
          col("bio", T, _bio),
          col("bio_html", T, _bio_html),
          col("website", V(255), _website),
          col("location", V(100), _location),
          col("ip_info", V(255), "ip", empty=0.05),
          col("is_admin", B, lambda c: c.index == 0),
          col("language", V(100), "choice", values=["en_US", "zh_CN", "de_DE", "ja_JP", ""]),
          col("color_scheme", V(100), "choice", values=["", "default", "light", "dark"]))
    table(md, "user_external_login", 40,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts, null=0.01),
          col("updated_at", TS, _ts, null=0.01),
          col("user_id", BI, _uid()),
          col("provider", V(100), "choice", values=["github", "google", "connector-ldap"]),
          col("external_id", V(128), _ext_id),
          col("meta_info", T, _ext_meta, null=0.05))
    table(md, "question", N_Q,
          col("id", BI, _seq(1001), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.2),
          col("user_id", BI, _uid()),
          col("invite_user_id", T, _invite_ids, null=0.1),
          col("last_edit_user_id", BI, _uid(0.7)),
          col("title", V(150), "choice", values=QUESTION_TITLES),
          col("original_text", mediumtext(), _body),
          col("parsed_text", mediumtext(), _parsed),
          col("pin", I, "choice", values=[1, 1, 1, 2]),
          col("show", I, "choice", values=[1, 1, 2]),
          col("status", I, "choice", values=[1, 1, 2, 10]),
          col("view_count", I, "int", hi=5000),
          col("unique_view_count", I, "int", hi=3000),
          col("vote_count", I, "int", lo=-3, hi=80),
          col("answer_count", I, "int", hi=12),
          col("hot_score", I, "int", hi=900),
          col("collection_count", I, "int", hi=30),
          col("follow_count", I, "int", hi=30),
          col("accepted_answer_id", BI, lambda c: _uniq(1002, N_A)(c) if c.rng.random() < 0.4
              else 0),
          col("last_answer_id", BI, lambda c: _uniq(1002, N_A)(c) if c.rng.random() < 0.7
              else 0),
          col("post_update_time", TS, _ts, null=0.1),
          col("revision_id", BI, _uniq(1008, 600)),
          col("linked_count", I, "int", hi=3))
    table(md, "answer", N_A,
          col("id", BI, _seq(1002), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3),
          col("question_id", BI, ref="question.id"),
          col("user_id", BI, _uid()),
          col("last_edit_user_id", BI, _uid(0.8)),
          col("original_text", mediumtext(), _body),
          col("parsed_text", mediumtext(), _parsed),
          col("status", I, "choice", values=[1, 1, 1, 10]),
          col("adopted", I, "choice", values=[1, 1, 1, 2]),
          col("comment_count", I, "int", hi=8),
          col("vote_count", I, "int", lo=-2, hi=50),
          col("revision_id", BI, _uniq(1008, 600)))
    table(md, "comment", 300,
          col("id", BI, _seq(1004), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3),
          col("user_id", BI, _uid()),
          col("reply_user_id", BI, _uid(), null=0.7),
          col("reply_comment_id", BI, _uniq(1004, 300), null=0.75),
          col("object_id", BI, lambda c: _uniq(c.rng.choice([1001, 1002]), N_Q)(c)),
          col("question_id", BI, ref="question.id"),
          col("vote_count", I, "int", hi=20),
          col("status", tinyint(), "choice", values=[1, 1, 1, 10]),
          col("original_text", mediumtext(), _body),
          col("parsed_text", mediumtext(), _parsed))
    table(md, "activity", 600,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("cancelled_at", TS, _ts, null=0.9),
          col("user_id", BI, _uid()),
          col("trigger_user_id", BI, _uid(0.3)),
          col("object_id", BI, lambda c: _uniq(c.rng.choice([1001, 1002]), N_Q)(c)),
          col("original_object_id", BI, _uniq(1001, N_Q)),
          col("activity_type", I, "int", lo=1, hi=40),
          col("cancelled", tinyint(), "choice", values=[0, 0, 0, 1]),
          col("rank", I, "choice", values=[0, 2, 10, 15, -2, 5]),
          col("has_rank", tinyint(), "choice", values=[0, 1]),
          col("revision_id", BI, lambda c: _uniq(1008, 600)(c) if c.rng.random() < 0.3 else 0))
    table(md, "notification", 400,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.1),
          col("user_id", BI, _uid()),
          col("object_id", BI, lambda c: _uniq(c.rng.choice([1001, 1002]), N_Q)(c)),
          col("content", T, _notification),
          col("type", I, "choice", values=[1, 2]),
          col("msg_type", I, "int", lo=1, hi=12),
          col("is_read", I, "choice", values=[1, 2]),
          col("status", I, "choice", values=[1, 1, 2]))
    table(md, "report", 40,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("user_id", BI, _uid()),
          col("object_id", BI, lambda c: _uniq(c.rng.choice([1001, 1002, 1004]), N_Q)(c)),
          col("reported_user_id", BI, _uid()),
          col("object_type", I, "choice", values=[1, 2, 3]),
          col("report_type", I, "int", lo=1, hi=8),
          col("content", T, _report),
          col("flagged_type", I, "choice", values=[0, 1, 2]),
          col("flagged_content", T, _flagged, nullable=True),
          col("status", I, "choice", values=[1, 2, 3]))
    table(md, "revision", 600,
          col("id", BI, _seq(1008), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("user_id", BI, _uid()),
          col("object_type", I, "choice", values=[1, 2, 3]),
          col("object_id", BI, lambda c: _uniq(c.rng.choice([1001, 1002]), N_Q)(c)),
          col("title", V(255), "choice", values=QUESTION_TITLES + [""]),
          col("content", mediumtext(), _revision),
          col("log", V(255), "choice", values=["", "fixed typo", "added logs", "edit tags",
                                               "improved formatting"], null=0.3),
          col("status", I, "choice", values=[0, 1, 1, 2]),
          col("review_user_id", BI, _uid(0.8)))
    table(md, "tag", N_TAG,
          col("id", BI, _seq(1003), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("main_tag_id", BI, lambda c: 0 if c.rng.random() < 0.9 else _uniq(1003, N_TAG)(c)),
          col("main_tag_slug_name", V(35), lambda c: "" if c.rng.random() < 0.9
              else c.rng.choice(TAGS)),
          col("slug_name", V(35), lambda c: TAGS[c.index % len(TAGS)], unique=True),
          col("display_name", V(35), lambda c: TAGS[c.index % len(TAGS)].capitalize()),
          col("original_text", mediumtext(), "choice", values=[
              "", "Questions about installing and running in containers.",
              "Sending mail, SMTP settings and templates.", "Single sign-on connectors."]),
          col("parsed_text", mediumtext(), _parsed),
          col("follow_count", I, "int", hi=50),
          col("question_count", I, "int", hi=120),
          col("status", I, "choice", values=[1, 1, 1, 10]),
          col("recommend", B, "bool"),
          col("reserved", B, lambda c: c.rng.random() < 0.1),
          col("revision_id", BI, _uniq(1008, 600)),
          col("user_id", BI, _uid(0.1)))
    table(md, "tag_rel", 500,
          col("id", BI, pk=True, auto=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("object_id", BI, ref="question.id"),
          col("tag_id", BI, ref="tag.id"),
          col("status", I, "choice", values=[1, 1, 1, 10]),
          sa.UniqueConstraint("object_id", "tag_id"))
    table(md, "collection", 200,
          col("id", BI, _seq(1006), pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("user_id", BI, _uid()),
          col("object_id", BI, ref="question.id"),
          col("user_collection_group_id", BI, _uniq(1007, 50)))
    table(md, "meta", 80,
          col("id", I, pk=True, auto=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("object_id", BI, ref="question.id"),
          col("key", V(100), "choice", values=["question.close", "answer.accept", "question.pin"]),
          col("value", mediumtext(), _meta_kv))
    return md
