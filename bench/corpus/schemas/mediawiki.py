"""MediaWiki core (MySQL flavour of the generated schema: names and titles are VARBINARY,
timestamps BINARY(14), as on Wikipedia)."""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import binary, blob, col, mediumtext, table, tinyint, tinytext, varbinary

SOURCE = {"repo": "wikimedia/mediawiki", "path": "sql/mysql/tables-generated.sql",
          "commit": "03748077d12cb33e744cef23ed3ea0e250a66ce4"}
PERSON_TABLES = ("user", "actor")

I = sa.Integer  # noqa: E741
BI = sa.BigInteger


def _title(ctx):  # type: ignore[no-untyped-def]
    t = ctx.rng.choice(["Main_Page", "Python_(programming_language)", "Berlin", "Photosynthesis",
                        "List_of_rivers_of_Europe", "Help:Editing", "Talk:Moon_landing",
                        "User:" + ctx.person["username"], "User_talk:" + ctx.person["username"],
                        "Category:Living_people", "File:Example.jpg", "Jazz", "Mount_Everest"])
    return (t + ("" if ctx.rng.random() < 0.6 else f"_{ctx.rng.randint(1, 999)}")).encode()


def _actor_name(ctx):  # type: ignore[no-untyped-def]
    # named users, and anonymous editors recorded by IP address
    if ctx.rng.random() < 0.25:
        return G["ip"](ctx).encode()
    return ctx.person["username"].capitalize().encode()


def _edit_summary(ctx):  # type: ignore[no-untyped-def]
    return G["template"](ctx).encode()


SUMMARIES = ["typo", "Reverted edits by [[Special:Contributions/{username}|{username}]]",
             "/* History */ expanded", "rv vandalism", "Added citation", "",
             "moved page to new title", "Undo revision by {first} {last}",
             "Welcome to Wikipedia, {first}!", "copyedit"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "user", 400,
          col("user_id", I, pk=True, auto=True),
          col("user_name", varbinary(255), lambda c: c.person["username"].capitalize().encode(),
              unique=True),
          col("user_real_name", varbinary(255),
              lambda c: f"{c.person['first']} {c.person['last']}".encode(), empty=0.6),
          col("user_password", blob("tiny"), lambda c: G["password_hash"](c).encode(),
              style="mw"),
          col("user_newpassword", blob("tiny"), lambda c: b""),
          col("user_newpass_time", binary(14), "mw_time", null=0.95),
          col("user_email", tinytext(), "email", empty=0.3),
          col("user_touched", binary(14), "mw_time"),
          col("user_token", binary(32), lambda c: G["token"](c).encode(), n=32),
          col("user_email_authenticated", binary(14), "mw_time", null=0.4),
          col("user_email_token", binary(32), lambda c: G["token"](c).encode(), null=0.9, n=32),
          col("user_email_token_expires", binary(14), "mw_time", null=0.9),
          col("user_registration", binary(14), "mw_time", null=0.05),
          col("user_editcount", I, "int", null=0.05, hi=90000),
          col("user_password_expires", varbinary(14), "mw_time", null=0.95),
          col("user_is_temp", tinyint(), "const", value=0))
    table(md, "actor", 500,
          col("actor_id", BI, pk=True, auto=True),
          col("actor_user", I, fk="user.user_id", null=0.25, unique=True),
          col("actor_name", varbinary(255), _actor_name, unique=True))
    table(md, "user_groups", 60,
          col("ug_user", I, fk="user.user_id", pk=True),
          col("ug_group", varbinary(255), lambda c: c.rng.choice([b"sysop", b"bureaucrat", b"bot",
                                                                 b"rollbacker", b"autoreviewer"]),
              pk=True),
          col("ug_expiry", varbinary(14), "mw_time", null=0.8))
    table(md, "user_properties", 900,
          col("up_user", I, fk="user.user_id", pk=True),
          col("up_property", varbinary(255), lambda c: c.rng.choice(
              [b"language", b"skin", b"gender", b"nickname", b"timecorrection", b"email-blacklist",
               b"watchdefault", b"echo-subscriptions-email-edit-user-talk"]), pk=True),
          col("up_value", blob(), lambda c: {
              b"language": c.rng.choice([b"en", b"de", b"fr"]), b"skin": b"vector-2022",
              b"gender": c.rng.choice([b"male", b"female", b"unknown"]),
              b"nickname": f"[[User:{c.person['username']}|{c.person['first']}]]".encode(),
              b"timecorrection": b"ZoneInfo|60|Europe/Berlin", b"email-blacklist": b"",
              b"watchdefault": b"1"}.get(c.row["up_property"], b"1"), null=0.02))
    table(md, "comment", 700,
          col("comment_id", BI, pk=True, auto=True),
          col("comment_hash", I, "int", lo=-2**31, hi=2**31 - 1),
          col("comment_text", blob(), _edit_summary, texts=SUMMARIES),
          col("comment_data", blob(), lambda c: b"", null=0.95))
    table(md, "page", 300,
          col("page_id", I, pk=True, auto=True),
          col("page_namespace", I, "choice", values=[0, 0, 0, 1, 2, 3, 4, 6, 14]),
          col("page_title", varbinary(255), _title),
          col("page_is_redirect", tinyint(), "int", hi=1),
          col("page_is_new", tinyint(), "int", hi=1),
          col("page_random", sa.Float, lambda c: c.rng.random()),
          col("page_touched", binary(14), "mw_time"),
          col("page_links_updated", binary(14), "mw_time", null=0.1),
          col("page_latest", I, "int", lo=1, hi=1500),
          col("page_len", I, "int", hi=200000),
          col("page_content_model", varbinary(32), lambda c: b"wikitext", null=0.3),
          col("page_lang", varbinary(35), lambda c: b"en", null=0.9),
          sa.UniqueConstraint("page_namespace", "page_title"))
    table(md, "revision", 1500,
          col("rev_id", BI, pk=True, auto=True),
          col("rev_page", I, fk="page.page_id"),
          col("rev_comment_id", BI, fk="comment.comment_id"),
          col("rev_actor", BI, fk="actor.actor_id"),
          col("rev_timestamp", binary(14), "mw_time"),
          col("rev_minor_edit", tinyint(), "int", hi=1),
          col("rev_deleted", tinyint(), "const", value=0),
          col("rev_len", I, "int", null=0.01, hi=200000),
          col("rev_parent_id", BI, fk="revision.rev_id", null=0.2),
          col("rev_sha1", varbinary(32), lambda c: G["token"](c).encode(), n=31))
    table(md, "recentchanges", 800,
          col("rc_id", BI, pk=True, auto=True),
          col("rc_timestamp", binary(14), "mw_time"),
          col("rc_actor", BI, fk="actor.actor_id"),
          col("rc_namespace", I, "choice", values=[0, 1, 2, 3]),
          col("rc_title", varbinary(255), _title),
          col("rc_comment_id", BI, fk="comment.comment_id"),
          col("rc_minor", tinyint(), "int", hi=1),
          col("rc_bot", tinyint(), "int", hi=1),
          col("rc_new", tinyint(), "int", hi=1),
          col("rc_cur_id", I, ref="page.page_id"),
          col("rc_this_oldid", I, ref="revision.rev_id"),
          col("rc_last_oldid", I, ref="revision.rev_id"),
          col("rc_type", tinyint(), "int", hi=3),
          col("rc_source", varbinary(16), lambda c: c.rng.choice([b"mw.edit", b"mw.new",
                                                                 b"mw.log"])),
          col("rc_patrolled", tinyint(), "int", hi=2),
          col("rc_ip", varbinary(40), "utf8_ip", empty=0.3),
          col("rc_old_len", I, "int", null=0.1, hi=200000),
          col("rc_new_len", I, "int", null=0.1, hi=200000),
          col("rc_deleted", tinyint(), "const", value=0),
          col("rc_logid", I, "const", value=0),
          col("rc_log_type", varbinary(255), lambda c: b"", null=0.9),
          col("rc_log_action", varbinary(255), lambda c: b"", null=0.9),
          col("rc_params", blob(), lambda c: b"", null=0.8))
    table(md, "logging", 300,
          col("log_id", I, pk=True, auto=True),
          col("log_type", varbinary(32), lambda c: c.rng.choice([b"block", b"newusers", b"move",
                                                                b"delete", b"rights"])),
          col("log_action", varbinary(32), lambda c: c.rng.choice([b"block", b"create",
                                                                  b"move", b"delete"])),
          col("log_timestamp", binary(14), "mw_time"),
          col("log_actor", BI, fk="actor.actor_id"),
          col("log_namespace", I, "choice", values=[0, 2]),
          col("log_title", varbinary(255), _title),
          col("log_page", I, ref="page.page_id", null=0.3),
          col("log_comment_id", BI, fk="comment.comment_id"),
          col("log_params", blob(), lambda c: b'a:1:{s:9:"5::expiry";s:8:"infinite";}'),
          col("log_deleted", tinyint(), "const", value=0))
    table(md, "block_target", 60,
          col("bt_id", I, pk=True, auto=True),
          col("bt_address", blob("tiny"), "utf8_ip", null=0.5),
          col("bt_user", I, fk="user.user_id", null=0.5),
          col("bt_user_text", varbinary(255), "utf8_username", null=0.5),
          col("bt_auto", tinyint(), "int", hi=1),
          col("bt_range_start", blob("tiny"), lambda c: G["token"](c).upper().encode(),
              null=0.9, n=8),
          col("bt_range_end", blob("tiny"), lambda c: G["token"](c).upper().encode(),
              null=0.9, n=8),
          col("bt_ip_hex", blob("tiny"), lambda c: G["token"](c).upper().encode(), null=0.5,
              n=8),
          col("bt_count", I, "int", hi=3))
    table(md, "block", 60,
          col("bl_id", I, pk=True, auto=True),
          col("bl_target", I, fk="block_target.bt_id"),
          col("bl_by_actor", BI, fk="actor.actor_id"),
          col("bl_reason_id", BI, fk="comment.comment_id"),
          col("bl_timestamp", binary(14), "mw_time"),
          col("bl_anon_only", tinyint(), "int", hi=1),
          col("bl_create_account", tinyint(), "int", hi=1),
          col("bl_enable_autoblock", tinyint(), "int", hi=1),
          col("bl_expiry", varbinary(14), lambda c: b"infinity" if c.rng.random() < 0.5
              else G["mw_time"](c)),
          col("bl_deleted", tinyint(), "const", value=0),
          col("bl_block_email", tinyint(), "int", hi=1),
          col("bl_allow_usertalk", tinyint(), "int", hi=1),
          col("bl_parent_block_id", I, "int", null=0.95, lo=1, hi=60),
          col("bl_sitewide", tinyint(), "int", hi=1))
    table(md, "watchlist", 800,
          col("wl_id", I, pk=True, auto=True),
          col("wl_user", I, fk="user.user_id"),
          col("wl_namespace", I, "choice", values=[0, 1, 2, 3]),
          col("wl_title", varbinary(255), _title),
          col("wl_notificationtimestamp", binary(14), "mw_time", null=0.7),
          sa.UniqueConstraint("wl_user", "wl_namespace", "wl_title"))
    table(md, "user_newtalk", 40,
          col("user_id", I, ref="user.user_id", pk=True),
          col("user_ip", varbinary(40), "utf8_ip", empty=0.5, pk=True),
          col("user_last_timestamp", binary(14), "mw_time", null=0.3))
    table(md, "ip_changes", 300,
          col("ipc_rev_id", I, ref="revision.rev_id", pk=True),
          col("ipc_rev_timestamp", binary(14), "mw_time"),
          col("ipc_hex", varbinary(35), lambda c: G["token"](c).upper().encode(), n=8))
    table(md, "category", 25,
          col("cat_id", I, pk=True, auto=True),
          col("cat_title", varbinary(255), lambda c: G["genre"](c).replace(" ", "_").encode()
              + (b"_films" if c.rng.random() < 0.5 else b""), unique=True),
          col("cat_pages", I, "int", hi=5000),
          col("cat_subcats", I, "int", hi=50),
          col("cat_files", I, "int", hi=100))
    table(md, "change_tag_def", 8,
          col("ctd_id", I, pk=True, auto=True),
          col("ctd_name", varbinary(255), lambda c: [b"mw-reverted", b"mw-undo", b"mw-rollback",
                                                     b"mobile edit", b"visualeditor",
                                                     b"mw-blank", b"mw-replace",
                                                     b"mw-new-redirect"][c.index], unique=True),
          col("ctd_user_defined", tinyint(), "int", hi=1),
          col("ctd_count", BI, "int", hi=10**6))
    table(md, "searchindex", 300,
          col("si_page", I, ref="page.page_id", pk=True),
          col("si_title", mediumtext(), lambda c: _title(c).decode().replace("_", " ").lower()),
          col("si_text", mediumtext(), "lorem", words=40))
    return md
