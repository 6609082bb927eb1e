"""Matomo (web analytics, MySQL): the core tables of core/Db/Schema/Mysql.php. Visitor ids,
configuration hashes and IP addresses are binary (BINARY(8), VARBINARY(16)); the many
dimension columns plugins add to the log tables at install time are not included."""

from __future__ import annotations

import ipaddress

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import binary, col, enum, longtext, mediumtext, table, tinyint, varbinary  # noqa: F401

SOURCE = {"repo": "matomo-org/matomo", "path": "core/Db/Schema/Mysql.php",
          "commit": "00a5fc70057b38ed1f1360be79bd5619e0b7f902"}
PERSON_TABLES = ("matomo_user",)

I = sa.Integer  # noqa: E741
BI = sa.BigInteger
V = sa.String
DT = sa.DateTime
TS = sa.DateTime


def _ip_bytes(ctx):  # type: ignore[no-untyped-def]
    return ipaddress.ip_address(G["ip"](ctx)).packed


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "matomo_user", 40,
          col("login", V(100), "username", pk=True),
          col("password", V(255), "password_hash", style="bcrypt"),
          col("email", V(100), "email", unique=True),
          col("twofactor_secret", V(40), "token", empty=0.7, n=16, style="url"),
          col("superuser_access", tinyint(), "choice", values=[0, 0, 0, 1]),
          col("date_registered", TS, null=0.05),
          col("ts_password_modified", TS, null=0.3),
          col("idchange_last_viewed", I, "int", null=0.5, hi=40),
          col("invited_by", V(100), lambda c: c.person["username"], null=0.8),
          col("invite_token", V(191), "token", null=0.9, n=64),
          col("invite_link_token", V(191), "token", null=0.95, n=64),
          col("invite_expired_at", TS, null=0.9),
          col("invite_accept_at", TS, null=0.9),
          col("ts_changes_shown", TS, null=0.5))
    table(md, "matomo_user_token_auth", 60,
          col("idusertokenauth", BI, pk=True, auto=True),
          col("login", V(100), ref="matomo_user.login"),
          col("description", V(100), "choice", values=["Tracking API", "Reporting script",
                                                       "Grafana", "Zapier", "CI export"]),
          col("password", V(191), "token", n=128, unique=True),
          col("hash_algo", V(30), "const", value="sha512"),
          col("system_token", tinyint(), "int", hi=1),
          col("last_used", DT, null=0.3),
          col("date_created", DT),
          col("date_expired", DT, null=0.7),
          col("secure_only", tinyint(), "int", hi=1))
    table(md, "matomo_twofactor_recovery_code", 100,
          col("idrecoverycode", BI, pk=True, auto=True),
          col("login", V(100), ref="matomo_user.login"),
          col("recovery_code", V(40), "token", n=16))
    table(md, "matomo_site", 8,
          col("idsite", I, pk=True, auto=True),
          col("name", V(90), lambda c: f"{G['company'](c)} website"),
          col("main_url", V(255), "url"),
          col("ts_created", TS, null=0.05),
          col("ecommerce", tinyint(), "int", null=0.05, hi=1),
          col("sitesearch", tinyint(), "int", null=0.05, hi=1),
          col("sitesearch_keyword_parameters", sa.Text, "const", value=""),
          col("sitesearch_category_parameters", sa.Text, "const", value=""),
          col("timezone", V(50), "timezone"),
          col("currency", sa.CHAR(3), "choice", values=["EUR", "USD"]),
          col("exclude_unknown_urls", tinyint(), "int", null=0.05, hi=1),
          col("excluded_ips", sa.Text, lambda c: c.rng.choice(
              ["", f"{G['ipv4'](c)},{G['ipv4'](c)}", "10.0.0.0/8"])),
          col("excluded_parameters", sa.Text, "const", value=""),
          col("excluded_user_agents", sa.Text, "const", value=""),
          col("excluded_referrers", sa.Text, "const", value=""),
          col("group", V(250), "const", value=""),
          col("type", V(255), "const", value="website"),
          col("keep_url_fragment", tinyint(), "const", value=0),
          col("creator_login", V(100), ref="matomo_user.login", null=0.2))
    table(md, "matomo_access", 60,
          col("idaccess", I, pk=True, auto=True),
          col("login", V(100), ref="matomo_user.login"),
          col("idsite", I, ref="matomo_site.idsite"),
          col("access", V(50), "choice", null=0.05, values=["view", "write", "admin"]))
    table(md, "matomo_site_url", 12,
          col("idsite", I, ref="matomo_site.idsite", pk=True),
          col("url", V(190), "url", pk=True))
    table(md, "matomo_plugin_setting", 40,
          col("plugin_name", V(60), "choice", values=["CoreAdminHome", "UsersManager",
                                                      "PrivacyManager", "Marketplace"]),
          col("setting_name", V(255), "choice", values=["anonymise_ip", "ip_mask_length",
                                                        "user_preference_default_report",
                                                        "licenseKey"]),
          col("setting_value", longtext(), "choice", values=["1", "2", "0", "[]", "true"]),
          col("json_encoded", tinyint(), "int", hi=1),
          col("user_login", V(100), lambda c: c.rng.choice(["", c.person["username"]])),
          col("idplugin_setting", BI, pk=True, auto=True))
    table(md, "matomo_site_setting", 20,
          col("idsite", I, ref="matomo_site.idsite"),
          col("plugin_name", V(60), "choice", values=["CustomDimensions",
                                                       "HeatmapSessionRecording"]),
          col("setting_name", V(255), "choice", values=["enabled", "sample_rate"]),
          col("setting_value", longtext(), "choice", values=["1", "0", "10"]),
          col("json_encoded", tinyint(), "int", hi=1),
          col("idsite_setting", BI, pk=True, auto=True))
    table(md, "matomo_goal", 20,
          col("idsite", I, ref="matomo_site.idsite", pk=True),
          col("idgoal", I, "seq", pk=True),
          col("name", V(50), "choice", values=["Newsletter signup", "Purchase", "Contact form",
                                               "Download brochure"]),
          col("description", V(255), "lorem", empty=0.5, words=6),
          col("match_attribute", V(20), "choice", values=["url", "title", "manually"]),
          col("pattern", V(255), "choice", values=["/thank-you", "checkout/success", ""]),
          col("pattern_type", V(25), "choice", values=["contains", "exact", "regex"]),
          col("case_sensitive", tinyint(), "int", hi=1),
          col("allow_multiple", tinyint(), "int", hi=1),
          col("revenue", sa.Float, "choice", values=[0.0, 5.0, 25.0]),
          col("deleted", tinyint(), "const", value=0),
          col("event_value_as_revenue", tinyint(), "const", value=0))
    table(md, "matomo_logger_message", 100,
          col("idlogger_message", I, pk=True, auto=True),
          col("tag", V(50), "choice", null=0.1, values=["Piwik\\Plugins\\CoreConsole",
                                                        "Piwik\\Tracker", "Login"]),
          col("timestamp", TS, null=0.05),
          col("level", V(16), "choice", null=0.05, values=["ERROR", "WARNING", "INFO"]),
          col("message", sa.Text, "template", null=0.05, texts=[
              "Failed login attempt for user '{username}' from {email}",
              "Archiving finished in 12.3s", "Request from IP blocked",
              "Unable to send email to {email}: SMTP timeout"]))
    table(md, "matomo_log_action", 300,
          col("idaction", I, pk=True, auto=True),
          col("name", V(4096), lambda c: c.rng.choice([
              f"example.org/products/{G['slug'](c)}", f"example.org/blog/{G['slug'](c)}",
              "example.org/account/login", f"example.org/search?q={G['slug'](c)}",
              f"example.org/unsubscribe?email={c.person['email']}",
              "Contact us", "Home page"])),
          col("hash", I, "int", lo=0, hi=2**31),
          col("type", tinyint(), "int", null=0.05, lo=1, hi=10),
          col("url_prefix", tinyint(), "int", null=0.4, hi=3))
    table(md, "matomo_log_visit", 900,
          col("idvisit", BI, pk=True, auto=True),
          col("idsite", I, ref="matomo_site.idsite"),
          col("idvisitor", binary(8), "bytes", n=8),
          col("visit_last_action_time", DT),
          col("config_id", binary(8), "bytes", n=8),
          col("location_ip", varbinary(16), _ip_bytes))
    table(md, "matomo_log_link_visit_action", 1800,
          col("idlink_va", BI, pk=True, auto=True),
          col("idsite", I, ref="matomo_site.idsite"),
          col("idvisitor", binary(8), "bytes", n=8),
          col("idvisit", BI, ref="matomo_log_visit.idvisit"),
          col("idaction_url_ref", I, ref="matomo_log_action.idaction", null=0.2),
          col("idaction_name_ref", I, ref="matomo_log_action.idaction", null=0.3),
          col("custom_float", sa.Float, null=0.8),
          col("pageview_position", I, "int", null=0.1, lo=1, hi=30))
    table(md, "matomo_log_conversion", 150,
          col("idvisit", BI, ref="matomo_log_visit.idvisit", pk=True),
          col("idsite", I, ref="matomo_site.idsite"),
          col("idvisitor", binary(8), "bytes", n=8),
          col("server_time", DT),
          col("idaction_url", I, ref="matomo_log_action.idaction", null=0.1),
          col("idlink_va", BI, ref="matomo_log_link_visit_action.idlink_va", null=0.1),
          col("idgoal", I, "choice", pk=True, values=[0, 1, 2, 3]),
          col("buster", I, "int", pk=True, hi=2**31),
          col("idorder", V(100), lambda c: f"ORD-{c.rng.randint(10**5, 10**6)}", null=0.5,
              ),
          col("items", sa.SmallInteger, "int", null=0.5, hi=8),
          col("url", V(4096), "url"),
          col("revenue", sa.Float, null=0.2), col("revenue_shipping", sa.Float, null=0.5),
          col("revenue_subtotal", sa.Float, null=0.5), col("revenue_tax", sa.Float, null=0.5),
          col("revenue_discount", sa.Float, null=0.7),
          col("pageviews_before", sa.SmallInteger, "int", null=0.2, hi=40))
    table(md, "matomo_option", 30,
          col("option_name", V(191), lambda c: ["version_core", "MatomoUpdateHistory",
                                                "install_version", "piwikUrl",
                                                "UsersManager.lastSeen." + c.person["username"],
                                                "lastTrackerCronRun",
                                                "SitesManager_DefaultTimezone",
                                                "delete_logs_enable",
                                                "PrivacyManager.ipAnonymizerEnabled",
                                                "enableBrowserTriggerArchiving"][c.index % 10]
              + ("" if c.index < 10 else f"_{c.index}"), pk=True),
          col("option_value", longtext(), lambda c: c.rng.choice(["5.0.1", "1", "0", "UTC",
                                                                  "https://analytics.example.org/",
                                                                  str(c.rng.randint(1_700_000_000,
                                                                                    1_800_000_000))])),
          col("autoload", tinyint(), "int", hi=1))
    table(md, "matomo_session", 200,
          col("id", V(191), "token", pk=True, n=64),
          col("modified", I, "int", lo=1_700_000_000, hi=1_800_000_000),
          col("lifetime", I, "choice", values=[1209600, 3600]),
          col("data", mediumtext(), lambda c: "YToyOntzOjQ6InVzZXIiO" + G["token"](c),
              n=120, style="b64"))
    return md
