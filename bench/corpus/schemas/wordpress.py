"""WordPress core tables (wp-admin/includes/schema.php, WordPress 3.0 era)."""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G  # noqa: F401
from ..gen import col, enum, longtext, table, tinytext  # noqa: F401

SOURCE = {"repo": "WordPress/WordPress", "path": "wp-admin/includes/schema.php",
          "commit": "0069db858cce75ab4b991108c83b7e3b6394e066"}
PERSON_TABLES = ("wp_users",)

BI = sa.BigInteger
DT = sa.DateTime
S = sa.String
OPTION_NAMES = ["siteurl", "blogname", "blogdescription", "users_can_register", "admin_email",
                "start_of_week", "mailserver_url", "mailserver_login", "mailserver_pass",
                "date_format", "time_format", "permalink_structure", "active_plugins",
                "template", "stylesheet", "default_role", "db_version", "timezone_string",
                "sticky_posts", "widget_text", "cron", "recently_edited", "home",
                "blog_charset", "thumbnail_size_w", "posts_per_page", "comment_order",
                "_transient_doing_cron", "auth_key", "auth_salt"]


def _option_value(ctx):  # type: ignore[no-untyped-def]
    name = ctx.row["option_name"]
    rng = ctx.rng
    if name == "admin_email":
        return ctx.person["email"]
    if name in ("mailserver_login",):
        return ctx.person["email"]
    if name in ("mailserver_pass", "auth_key", "auth_salt"):
        return G["token"](ctx)
    if name in ("siteurl", "home", "mailserver_url"):
        return "https://blog.example.org"
    if name == "active_plugins":
        return 'a:2:{i:0;s:19:"akismet/akismet.php";i:1;s:9:"hello.php";}'
    return rng.choice(["1", "0", "yes", "F j, Y", "g:i a", "/%year%/%postname%/", "en_US",
                       "twentyten", "subscriber", "15477", "UTC", "a:0:{}", "10"])


USERMETA_KEYS = ["first_name", "last_name", "nickname", "description", "wp_capabilities",
                 "wp_user_level", "rich_editing", "admin_color", "show_admin_bar_front",
                 "session_tokens", "billing_phone", "billing_address_1", "locale"]


def _usermeta_value(ctx):  # type: ignore[no-untyped-def]
    k = ctx.row["meta_key"]
    p = ctx.person
    return {"first_name": p["first"], "last_name": p["last"], "nickname": p["username"],
            "description": f"Hi, I'm {p['first']}. I write about {G['hashtag'](ctx)}.",
            "wp_capabilities": G["php_caps"](ctx), "wp_user_level": str(ctx.rng.randint(0, 10)),
            "rich_editing": "true", "admin_color": ctx.rng.choice(["fresh", "midnight"]),
            "show_admin_bar_front": "true",
            "session_tokens": f'a:1:{{s:64:"{G["token"](ctx)}";a:1:{{s:2:"ip";s:12:"'
                              f'{G["ipv4"](ctx)}";}}}}',
            "billing_phone": G["phone"](ctx), "billing_address_1": G["street"](ctx),
            "locale": ctx.rng.choice(["", "de_DE", "fr_FR"])}[k]


POSTMETA_KEYS = ["_edit_lock", "_edit_last", "_wp_page_template", "_thumbnail_id",
                 "_wp_attached_file", "_menu_item_type", "_pingme", "_encloseme"]


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "wp_users", 400,
          col("ID", BI, pk=True, auto=True),
          col("user_login", S(60), "username", unique=True),
          col("user_pass", S(64), "password_hash", style="phpass"),
          col("user_nicename", S(50), "username"),
          col("user_email", S(100), "email"),
          col("user_url", S(100), "personal_url"),
          col("user_registered", DT, "datetime"),
          col("user_activation_key", S(60), "token", empty=0.8, n=20, style="url"),
          col("user_status", sa.Integer, "const", value=0),
          col("display_name", S(250), "display_name"))
    table(md, "wp_usermeta", 1500,
          col("umeta_id", BI, pk=True, auto=True),
          col("user_id", BI, ref="wp_users.ID"),
          col("meta_key", S(255), "choice", values=USERMETA_KEYS),
          col("meta_value", longtext(), _usermeta_value, null=0.02))
    table(md, "wp_terms", 30,
          col("term_id", BI, pk=True, auto=True),
          col("name", S(200), "genre"),
          col("slug", S(200), "slug", unique=True),
          col("term_group", BI, "const", value=0))
    table(md, "wp_term_taxonomy", 30,
          col("term_taxonomy_id", BI, pk=True, auto=True),
          col("term_id", BI, ref="wp_terms.term_id"),
          col("taxonomy", S(32), "choice", values=["category", "post_tag", "link_category"]),
          col("description", longtext(), "lorem", empty=0.7, words=8),
          col("parent", BI, "const", value=0),
          col("count", BI, "int", hi=80))
    table(md, "wp_posts", 500,
          col("ID", BI, pk=True, auto=True),
          col("post_author", BI, ref="wp_users.ID"),
          col("post_date", DT, "datetime"),
          col("post_date_gmt", DT, "datetime"),
          col("post_content", longtext(), "paragraphs"),
          col("post_title", sa.Text, "film_title"),
          col("post_excerpt", sa.Text, "lorem", empty=0.7),
          col("post_status", S(20), "choice", values=["publish", "draft", "inherit", "private"]),
          col("comment_status", S(20), "choice", values=["open", "closed"]),
          col("ping_status", S(20), "choice", values=["open", "closed"]),
          col("post_password", S(20), "token", empty=0.95, n=8, style="url"),
          col("post_name", S(200), "slug"),
          col("to_ping", sa.Text, "const", value=""),
          col("pinged", sa.Text, "const", value=""),
          col("post_modified", DT, "datetime"),
          col("post_modified_gmt", DT, "datetime"),
          col("post_content_filtered", sa.Text, "const", value=""),
          col("post_parent", BI, "int", hi=0),
          col("guid", S(255), "url"),
          col("menu_order", sa.Integer, "int", hi=5),
          col("post_type", S(20), "choice", values=["post", "page", "attachment",
                                                    "nav_menu_item", "revision"]),
          col("post_mime_type", S(100), "choice", values=["", "", "image/jpeg", "image/png"]),
          col("comment_count", BI, "int", hi=40))
    table(md, "wp_postmeta", 800,
          col("meta_id", BI, pk=True, auto=True),
          col("post_id", BI, ref="wp_posts.ID"),
          col("meta_key", S(255), "choice", values=POSTMETA_KEYS),
          col("meta_value", longtext(), "choice", null=0.05,
              values=["1700000000:1", "default", "2019/04/photo-1.jpg", "custom", "1", "42"]))
    table(md, "wp_term_relationships", 600,
          col("object_id", BI, pk=True, ref="wp_posts.ID"),
          col("term_taxonomy_id", BI, pk=True, ref="wp_term_taxonomy.term_taxonomy_id"),
          col("term_order", sa.Integer, "const", value=0))
    table(md, "wp_comments", 600,
          col("comment_ID", BI, pk=True, auto=True),
          col("comment_post_ID", BI, ref="wp_posts.ID"),
          col("comment_author", tinytext(), "display_name"),
          col("comment_author_email", S(100), "email", empty=0.1),
          col("comment_author_url", S(200), "personal_url"),
          col("comment_author_IP", S(100), "ip"),
          col("comment_date", DT, "datetime"),
          col("comment_date_gmt", DT, "datetime"),
          col("comment_content", sa.Text, "template", texts=[
              "Great post, thanks {first}!", "I disagree, see my blog.", "Nice photos!",
              "Contact me at {email} for a collaboration.", "First!",
              "My grandmother {first} {last} lived in {city} too.",
              "This helped me fix my server, thank you.", "Spam? call {phone}"]),
          col("comment_karma", sa.Integer, "const", value=0),
          col("comment_approved", S(20), "choice", values=["1", "0", "spam", "trash"]),
          col("comment_agent", S(255), "user_agent"),
          col("comment_type", S(20), "choice", values=["", "", "pingback", "trackback"]),
          col("comment_parent", BI, "int", hi=0),
          col("user_id", BI, ref="wp_users.ID"))
    table(md, "wp_commentmeta", 150,
          col("meta_id", BI, pk=True, auto=True),
          col("comment_id", BI, ref="wp_comments.comment_ID"),
          col("meta_key", S(255), "choice", values=["akismet_result", "akismet_history",
                                                    "_wp_trash_meta_status"]),
          col("meta_value", longtext(), "choice", values=["true", "false", "1", "0"]))
    table(md, "wp_links", 15,
          col("link_id", BI, pk=True, auto=True),
          col("link_url", S(255), "url"),
          col("link_name", S(255), "company"),
          col("link_image", S(255), "const", value=""),
          col("link_target", S(25), "choice", values=["", "_blank"]),
          col("link_description", S(255), "lorem", words=5),
          col("link_visible", S(20), "choice", values=["Y", "N"]),
          col("link_owner", BI, ref="wp_users.ID"),
          col("link_rating", sa.Integer, "int", hi=5),
          col("link_updated", DT, "datetime"),
          col("link_rel", S(255), "choice", values=["", "friend", "colleague"]),
          col("link_notes", sa.Text, "const", value=""),
          col("link_rss", S(255), "const", value=""))
    table(md, "wp_options", 30,
          col("option_id", BI, pk=True, auto=True),
          col("blog_id", sa.Integer, "const", value=0),
          col("option_name", S(64), lambda c: OPTION_NAMES[c.index], unique=True),
          col("option_value", longtext(), _option_value),
          col("autoload", S(20), "choice", values=["yes", "no"]))
    return md
