"""Drupal 8+ (PHP CMS): a held-out schema (issue #10), labelled before any scan and never
tuned on. Drupal has no schema file for its content: ``SqlContentEntityStorageSchema``
creates each entity type's tables from its base field definitions (``baseFieldDefinitions``
in ``core/modules/*/src/Entity/*.php``): a base table (``users``, ``node``) with the id,
uuid and langcode; a data table (``users_field_data``, ``node_field_data``) with one row per
translation; a table per multi-value or configurable field (``user__roles``,
``node__body``, ``comment__comment_body``) with ``bundle``, ``deleted``, ``entity_id``,
``revision_id``, ``langcode``, ``delta``. Field types map to columns as Drupal does:
``string`` -> ``VARCHAR(255)`` (or its ``max_length``), ``email`` -> ``VARCHAR(254)``,
``timestamp``/``created``/``changed`` -> ``INT`` (Unix seconds), ``boolean`` ->
``TINYINT``, ``language`` -> ``VARCHAR(12)``, ``uuid`` -> ``VARCHAR(128)``,
``entity_reference`` -> ``<name>_target_id`` (``INT`` unsigned), ``text_with_summary`` ->
``*_value``, ``*_summary``, ``*_format``. Other tables from ``hook_schema`` or the
class that creates them: ``sessions`` (``SessionHandler``), ``key_value``
(``DatabaseStorage``), ``watchdog`` (``dblog.install``). ``contact_message`` is the table
the contrib module contact_storage creates from core's ``Message`` base fields (core keeps
no contact messages). Drupal declares no foreign keys: every reference is generated as a
value. Revision tables left out.

Awkward values: uid 0 is the anonymous user (empty name, no mail), ``sessions.session``
and ``watchdog.variables`` are PHP-serialized, ``key_value.value`` holds serialized state
including the site's private key and cron key, file names and URIs that name people.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import blob, col, longtext, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "drupal/drupal",
          "path": "core/modules/{user/src/Entity/User,node/src/Entity/Node,"
                  "comment/src/Entity/Comment,contact/src/Entity/Message,"
                  "taxonomy/src/Entity/Term,file/src/Entity/File}.php, "
                  "core/modules/dblog/dblog.install, core/lib/Drupal/Core/Session/"
                  "SessionHandler.php, core/lib/Drupal/Core/KeyValueStore/DatabaseStorage.php",
          "commit": "stored versions read: User.php @ 01f8bd64ed67a182dcf8cf155929918fbcdbee45; "
                    "Node.php @ 024a6a967957670f9c3fb5ec38d86a9f5a377a81; Comment.php @ "
                    "012bca1943f7c84a2e4c7e4dacacc36705062eb0; Message.php @ "
                    "093ea794426f426be0650a9a2c498ff63267e1ad; Term.php @ "
                    "06184a60eb9ad17729e6795e6342d375df6e9e74; File.php @ "
                    "057b0cabafde660cea2396b460ba4380c3a40d9c; dblog.install @ "
                    "002865800710bec2033d842a57cb6e6f0cdc855f; SessionHandler.php and "
                    "DatabaseStorage.php schemaDefinition() from search-index excerpts "
                    "(file ids 246212610, 95558787; commits not named by the index)"}
PERSON_TABLES = ("users", "users_field_data")

UI = sa.Integer().with_variant(mysql.INTEGER(unsigned=True), "mysql", "mariadb")
V = sa.String
TI = tinyint()
N_USERS = 180


def _ts(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_450_000_000, 1_760_000_000)


def _php_str(s: str) -> str:
    return f's:{len(s.encode())}:"{s}";'


def _username(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return ""  # anonymous
    if c.index == 1:
        return "admin"
    r = c.rng.random()
    if r < 0.5:
        return c.person["username"]
    if r < 0.8:
        return f"{c.person['first']} {c.person['last']}"  # Drupal allows spaces
    return c.person["email"]


def _mail(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return None
    return "admin@example.com" if c.index == 1 else c.person["email"]


def _pass(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return None
    r = c.rng.random()
    if r < 0.6:
        return "$S$E" + G["token"](_p(c, n=51, style="url")).replace("-", ".").replace("_", "/")
    if r < 0.9:
        return G["password_hash"](_p(c, style="bcrypt12"))
    return "U$S$D" + G["token"](_p(c, n=51, style="url"))  # migrated from Drupal 6 md5


def _session(c):  # type: ignore[no-untyped-def]
    uid = c.row["uid"]
    attrs = f'a:1:{{s:3:"uid";s:{len(str(uid))}:"{uid}";}}' if uid else "a:0:{}"
    meta = f'a:3:{{s:1:"u";i:{_ts(c)};s:1:"c";i:{_ts(c)};s:1:"l";i:2000000;}}'
    extra = ""
    if c.rng.random() < 0.2:
        extra = '_symfony_flashes|a:1:{s:6:"status";a:1:{i:0;' + \
                _php_str(f"Thank you, {c.person['first']}! Your message has been sent.") + "}}"
    return (f"_sf2_attributes|{attrs}_sf2_meta|{meta}{extra}").encode()


WATCHDOG = [("user", "Session opened for %name.", "name"),
            ("user", "Session closed for %name.", "name"),
            ("user", "Login attempt failed for %user.", "user"),
            ("user", "New user: %name %email.", "both"),
            ("user", "Password reset instructions mailed to %name at %email.", "both"),
            ("page not found", "%path", "path"), ("cron", "Cron run completed.", None),
            ("php", "%type: @message in %function (line %line of %file).", "php"),
            ("content", "@type: added %title.", "title"),
            ("contact", "%sender-name (@sender-from) sent an email regarding %category.",
             "contact")]


def _wd(c):  # type: ignore[no-untyped-def]
    if "_wd" not in c.row:
        c.row["_wd"] = c.rng.choice(WATCHDOG)
    return c.row["_wd"]


def _wd_vars(c):  # type: ignore[no-untyped-def]
    kind = _wd(c)[2]
    p = c.person
    if kind == "name":
        items = [("%name", p["username"])]
    elif kind == "user":
        items = [("%user", c.rng.choice([p["username"], p["email"]]))]
    elif kind == "both":
        items = [("%name", p["username"]), ("%email", f"<{p['email']}>")]
    elif kind == "path":
        items = [("%path", c.rng.choice(["/wp-login.php", "/favicon.ico", "/node/99999",
                                         "/.env"]))]
    elif kind == "php":
        items = [("%type", "Warning"), ("@message", "Undefined array key \"value\""),
                 ("%function", "template_preprocess_node()"), ("%line", "642"),
                 ("%file", "/var/www/html/core/modules/node/node.module")]
    elif kind == "title":
        items = [("@type", "article"), ("%title", G["film_title"](c))]
    elif kind == "contact":
        items = [("%sender-name", f"{p['first']} {p['last']}"), ("@sender-from", p["email"]),
                 ("%category", "Website feedback")]
    else:
        return b"a:0:{}"
    body = "".join(_php_str(k) + _php_str(v) for k, v in items)
    return f"a:{len(items)}:{{{body}}}".encode()


FILES = ["IMG_{n}.jpg", "DSC0{n}.JPG", "report-q{q}.pdf", "logo.png", "banner_{n}.webp",
         "CV_{first}_{last}.pdf", "{first}-{last}-headshot.jpg", "Screenshot 2024-03-{d}.png",
         "invoice-{n}.pdf", "passport_scan_{last}.pdf"]


def _filename(c):  # type: ignore[no-untyped-def]
    t = c.rng.choice(FILES)
    return t.format(n=c.rng.randint(1000, 9999), q=c.rng.randint(1, 4), d=c.rng.randint(10, 28),
                    first=c.person["first"], last=c.person["last"])


BODIES = ["<p>{lorem}</p>", "<p>{lorem}</p><p>{lorem}</p>",
          "<p>Interview with {first} {last}, our new head of marketing.</p>",
          "<p>{lorem}</p>", "<p>For questions contact {email}.</p>", "<p>{lorem}</p>",
          "<h2>Summary</h2><p>{lorem}</p>"]
COMMENTS = ["Great article!", "Thanks for sharing.", "I disagree with the second point.",
            "Contact me at {email} if you need help.", "+1", "Where can I find the slides?",
            "{first} here - we met at the meetup in {city}.", "Spam? Call {phone} now!!!",
            "Nice write-up, {first}."]
CONTACT = ["Hello, I would like more information about your services.",
           "My name is {first} {last}, please call me back at {phone}.",
           "The link on the About page is broken.",
           "I'm moving to {street}, {city} - please update my subscription.",
           "Please remove my account ({email}).", "Do you offer student discounts?"]


def _fill(texts):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        t = c.rng.choice(texts)
        if "{lorem}" in t:
            return t.replace("{lorem}", c.fakers["en_US"].paragraph())
        return G["template"](_p(c, texts=[t]))
    return gen


def _kv(c):  # type: ignore[no-untyped-def]
    i = c.index
    if i < len(KV):
        return KV[i][0]
    return c.rng.choice(["system.schema", "post_update", "entity.definitions.installed"])


KV = [("state", "system.private_key"), ("state", "system.cron_key"),
      ("state", "system.cron_last"), ("state", "install_time"),
      ("state", "system.maintenance_mode"),
      ("state", "node.min_max_update_time"), ("state", "system.css_js_query_string"),
      ("state", "router.path_roots"), ("state", "comment.node_comment_statistics_scale"),
      ("state", "twig_extension_hash_prefix")]


def _kv_name(c):  # type: ignore[no-untyped-def]
    if c.index < len(KV):
        return KV[c.index][1]
    return f"{c.rng.choice(['node', 'user', 'comment', 'file', 'taxonomy', 'system', 'views'])}" \
           f".{c.rng.choice(['field_storage_definitions', 'entity_type', 'bundle_field_map'])}" \
           f"{c.index}"


def _kv_value(c):  # type: ignore[no-untyped-def]
    name = c.row["name"]
    if name == "system.private_key":
        return _php_str(G["token"](_p(c, n=74, style="url"))).encode()
    if name == "system.cron_key":
        return _php_str(G["token"](_p(c, n=86, style="url"))).encode()
    if name in ("system.cron_last", "install_time", "node.min_max_update_time"):
        return f"i:{_ts(c)};".encode()
    if name == "system.maintenance_mode":
        return b"b:0;"
    if name == "router.path_roots":
        return b'a:3:{i:0;s:4:"node";i:1;s:4:"user";i:2;s:5:"admin";}'
    return f'a:2:{{s:7:"version";i:{c.rng.randint(8000, 11000)};s:6:"module";' \
           f's:4:"node";}}'.encode()


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", N_USERS,
          col("uid", UI, lambda c: c.index, pk=True),
          col("uuid", V(128), "uuid_str", unique=True),
          col("langcode", V(12), "choice", values=["en", "en", "de", "fr", "ja"]))
    table(md, "users_field_data", N_USERS,
          col("uid", UI, lambda c: c.index, pk=True),
          col("langcode", V(12), lambda c: "en", pk=True),
          col("preferred_langcode", V(12), "choice", values=["en", "de", "fr", "ja", None],
              nullable=True),
          col("preferred_admin_langcode", V(12), lambda c: None if c.rng.random() < 0.9 else
              "en", nullable=True),
          col("name", V(60), _username),
          col("pass", V(255), _pass, nullable=True),
          col("mail", V(254), _mail, nullable=True),
          col("timezone", V(32), lambda c: None if c.index == 0 else G["timezone"](c),
              nullable=True),
          col("status", TI, lambda c: 0 if c.index == 0 else int(c.rng.random() < 0.9),
              nullable=True),
          col("created", sa.Integer, _ts),
          col("changed", sa.Integer, _ts, nullable=True),
          col("access", sa.Integer, lambda c: 0 if c.rng.random() < 0.15 else _ts(c)),
          col("login", sa.Integer, lambda c: 0 if c.rng.random() < 0.15 else _ts(c),
              nullable=True),
          col("init", V(254), lambda c: c.row["mail"] if c.rng.random() < 0.85 or not
              c.row["mail"] else c.person["email"].upper(), nullable=True),
          col("default_langcode", TI, lambda c: 1),
          sa.UniqueConstraint("name", "langcode"))
    table(md, "user__roles", 120,
          col("bundle", V(128), lambda c: "user"),
          col("deleted", TI, lambda c: 0, pk=True),
          col("entity_id", UI, lambda c: 1 if c.index == 0 else c.rng.randint(2, N_USERS - 1),
              pk=True),
          col("revision_id", UI, lambda c: c.row["entity_id"]),
          col("langcode", V(32), lambda c: "en", pk=True),
          col("delta", UI, lambda c: c.rng.choice([0, 0, 0, 1]), pk=True),
          col("roles_target_id", V(255), lambda c: "administrator" if c.index == 0 else
              c.rng.choice(["editor", "content_editor", "moderator", "member"])))
    table(md, "sessions", 300,
          col("uid", UI, lambda c: 0 if c.rng.random() < 0.3 else c.rng.randint(1, N_USERS - 1)),
          col("sid", sa.String(128), lambda c: G["token"](_p(c, n=43, style="url")), pk=True),
          col("hostname", V(128), "ip"),
          col("timestamp", sa.Integer, _ts),
          col("session", blob("long"), _session))
    table(md, "node", 200,
          col("nid", UI, pk=True, auto=True),
          col("vid", UI, lambda c: c.index + 1, unique=True, nullable=True),
          col("type", V(32), "choice", values=["article", "page", "article", "event"]),
          col("uuid", V(128), "uuid_str", unique=True),
          col("langcode", V(12), lambda c: "en"))
    table(md, "node_field_data", 200,
          col("nid", UI, lambda c: c.index + 1, pk=True),
          col("vid", UI, lambda c: c.index + 1),
          col("type", V(32), "choice", values=["article", "page", "event"]),
          col("langcode", V(12), lambda c: "en", pk=True),
          col("status", TI, lambda c: int(c.rng.random() < 0.85)),
          col("uid", UI, lambda c: c.rng.randint(1, 12)),
          col("title", V(255), lambda c: c.rng.choice(
              [G["film_title"](c), G["lorem"](_p(c, words=6)).rstrip("."), "About us",
               "Contact", "Privacy policy", f"{c.rng.choice(['Spring', 'Summer'])} meetup "
               f"{c.rng.randint(2019, 2025)}"])),
          col("created", sa.Integer, _ts),
          col("changed", sa.Integer, _ts),
          col("promote", TI, "choice", values=[0, 1]),
          col("sticky", TI, lambda c: int(c.rng.random() < 0.05)),
          col("default_langcode", TI, lambda c: 1),
          col("revision_translation_affected", TI, lambda c: 1, nullable=True))
    table(md, "node__body", 180,
          col("bundle", V(128), lambda c: c.rng.choice(["article", "page"])),
          col("deleted", TI, lambda c: 0, pk=True),
          col("entity_id", UI, lambda c: c.index + 1, pk=True),
          col("revision_id", UI, lambda c: c.index + 1),
          col("langcode", V(32), lambda c: "en", pk=True),
          col("delta", UI, lambda c: 0, pk=True),
          col("body_value", longtext(), _fill(BODIES)),
          col("body_summary", longtext(), lambda c: c.rng.choice([None, ""]), nullable=True),
          col("body_format", V(255), "choice", values=["basic_html", "full_html",
                                                       "restricted_html"], nullable=True))
    table(md, "comment_field_data", 400,
          col("cid", UI, lambda c: c.index + 1, pk=True),
          col("comment_type", V(32), lambda c: "comment"),
          col("langcode", V(12), lambda c: "en", pk=True),
          col("status", TI, lambda c: int(c.rng.random() < 0.8)),
          col("uid", UI, lambda c: 0 if c.rng.random() < 0.4 else c.rng.randint(1, N_USERS - 1)),
          col("pid", UI, lambda c: c.rng.randint(1, c.index) if c.index and
              c.rng.random() < 0.3 else None, nullable=True),
          col("entity_id", UI, ref="node.nid", nullable=True),
          col("subject", V(64), lambda c: c.rng.choice(["Great article!", "Question", "Re: slides",
                                                       "(No subject)", "Thanks"]),
              nullable=True),
          col("name", V(60), lambda c: c.person["username"] if c.row["uid"] else
              c.rng.choice([f"{c.person['first']} {c.person['last']}", c.person["first"],
                            "Anonymous"]), nullable=True),
          col("mail", V(254), lambda c: None if c.row["uid"] else c.person["email"],
              nullable=True),
          col("homepage", V(255), lambda c: None if c.row["uid"] or c.rng.random() < 0.6 else
              G["personal_url"](c), nullable=True),
          col("hostname", V(128), "ip", nullable=True),
          col("created", sa.Integer, _ts),
          col("changed", sa.Integer, _ts, nullable=True),
          col("thread", V(255), lambda c: f"{c.rng.randint(1, 30):02x}/"),
          col("entity_type", V(32), lambda c: "node"),
          col("field_name", V(32), lambda c: "comment"),
          col("default_langcode", TI, lambda c: 1))
    table(md, "comment__comment_body", 400,
          col("bundle", V(128), lambda c: "comment"),
          col("deleted", TI, lambda c: 0, pk=True),
          col("entity_id", UI, lambda c: c.index + 1, pk=True),
          col("revision_id", UI, lambda c: c.index + 1),
          col("langcode", V(32), lambda c: "en", pk=True),
          col("delta", UI, lambda c: 0, pk=True),
          col("comment_body_value", longtext(), "template", texts=COMMENTS),
          col("comment_body_format", V(255), lambda c: "basic_html", nullable=True))
    table(md, "contact_message", 150,
          col("id", UI, pk=True, auto=True),
          col("contact_form", V(32), lambda c: "personal" if c.rng.random() < 0.2 else
              "feedback"),
          col("uuid", V(128), "uuid_str", unique=True),
          col("langcode", V(12), lambda c: "en"),
          col("name", V(255), lambda c: c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                                      c.person["username"]]), nullable=True),
          col("mail", V(254), "email", nullable=True),
          col("subject", V(100), "choice", values=["Question", "Feedback", "Hello",
                                                   "Broken link", "Partnership"]),
          col("message", sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"),
              _fill(CONTACT)),
          col("copy", TI, lambda c: int(c.rng.random() < 0.3), nullable=True),
          col("recipient", UI, lambda c: c.rng.randint(1, N_USERS - 1) if
              c.row["contact_form"] == "personal" else None, nullable=True))
    table(md, "taxonomy_term_field_data", 40,
          col("tid", UI, lambda c: c.index + 1, pk=True),
          col("revision_id", UI, lambda c: c.index + 1),
          col("vid", V(32), "choice", values=["tags", "tags", "categories"]),
          col("langcode", V(12), lambda c: "en", pk=True),
          col("status", TI, lambda c: 1),
          col("name", V(255), lambda c: G["category"](c) if c.rng.random() < 0.5 else
              G["hashtag"](c).lstrip("#")),
          col("description__value", longtext(), lambda c: c.rng.choice([None, "", G["lorem"](c)]),
              nullable=True),
          col("description__format", V(255), "choice", values=[None, "basic_html"],
              nullable=True),
          col("weight", sa.Integer, "int", lo=0, hi=10),
          col("changed", sa.Integer, _ts, nullable=True),
          col("default_langcode", TI, lambda c: 1),
          col("revision_translation_affected", TI, lambda c: 1, nullable=True))
    table(md, "file_managed", 250,
          col("fid", UI, pk=True, auto=True),
          col("uuid", V(128), "uuid_str", unique=True),
          col("langcode", V(12), lambda c: "en"),
          col("uid", UI, lambda c: c.rng.randint(1, N_USERS - 1), nullable=True),
          col("filename", V(255), _filename, nullable=True),
          col("uri", V(255), lambda c: f"{c.rng.choice(['public', 'public', 'private'])}://"
              f"{c.rng.randint(2019, 2025)}-{c.rng.randint(1, 12):02d}/"
              f"{c.row['filename'].replace(' ', '_')}", unique=True),
          col("filemime", V(255), lambda c: {"jpg": "image/jpeg", "JPG": "image/jpeg",
                                             "pdf": "application/pdf", "png": "image/png",
                                             "webp": "image/webp"}[
              c.row["filename"].rsplit(".", 1)[1]], nullable=True),
          col("filesize", sa.BigInteger, "int", lo=2000, hi=8_000_000, nullable=True),
          col("status", TI, lambda c: int(c.rng.random() < 0.95)),
          col("created", sa.Integer, _ts, nullable=True),
          col("changed", sa.Integer, _ts))
    table(md, "watchdog", 800,
          col("wid", sa.Integer, pk=True, auto=True),
          col("uid", UI, lambda c: 0 if c.rng.random() < 0.4 else c.rng.randint(1, N_USERS - 1)),
          col("type", V(64), lambda c: _wd(c)[0]),
          col("message", longtext(), lambda c: _wd(c)[1]),
          col("variables", blob("long"), _wd_vars),
          col("severity", TI, lambda c: {"page not found": 4, "php": 3}.get(_wd(c)[0], 5)),
          col("link", sa.Text, lambda c: c.rng.choice(["", None, '<a href="/node/12">View</a>',
                                                       '<a href="/user/7/edit">Edit</a>']),
              nullable=True),
          col("location", sa.Text, lambda c: "https://www.example.org" + c.rng.choice(
              ["/user/login", "/node/12", "/admin/content", "/contact", "/wp-login.php",
               "/user/password"])),
          col("referer", sa.Text, lambda c: c.rng.choice(["", "https://www.example.org/",
                                                          "https://www.google.com/", None]),
              nullable=True),
          col("hostname", V(128), "ip"),
          col("timestamp", sa.Integer, _ts))
    table(md, "key_value", 60,
          col("collection", V(128), _kv, pk=True),
          col("name", V(128), _kv_name, pk=True),
          col("value", blob("long"), _kv_value))
    return md
