"""Mealie (self-hosted recipe manager and meal planner, FastAPI + SQLAlchemy, SQLite or
PostgreSQL): a held-out schema (issue #10), labelled before any scan and never tuned on.
The tables as the first Alembic revision creates them
(``mealie/alembic/versions/2022-02-21-19.56.24_6b0f5f32d602_initial_tables.py``). 20 of
its tables, all their columns. Mealie's ``GUID`` type is ``uuid`` on PostgreSQL and
``CHAR(32)`` elsewhere, as SQLAlchemy's ``Uuid`` here; its unbounded ``String`` is
``VARCHAR(255)`` on MariaDB (Mealie does not run on MySQL). Foreign keys as declared,
except ``users.owned_recipes_id`` -> ``recipes.id``, which with ``recipes.user_id`` ->
``users.id`` (declared ``use_alter``) forms a cycle: it is a plain value, always NULL.

Tables: households ("groups", named after the family in part), users (full name, user
name, e-mail, bcrypt hash), long-lived API tokens (JWTs), password-reset and group
invitation tokens, recipes (names and slugs such as "Oma Ingrid's Apfelkuchen", source
URLs), instructions, recipe notes (who the recipe came from), recipe settings, share
tokens, tags and categories, meal plans (titles and notes naming guests), shopping lists,
event notifiers (Apprise URLs carrying mail credentials, e-mail addresses and bot tokens),
webhooks, server tasks (logs naming the user), and migration reports.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "mealie-recipes/mealie",
          "path": "mealie/alembic/versions/2022-02-21-19.56.24_6b0f5f32d602_initial_tables.py",
          "commit": "bb5c402c79c45eda28c2d6c761298c3a8c5af117"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
TS = sa.DateTime
D = sa.Date
B = sa.Boolean
F = sa.Float
GUID = sa.Uuid()
VS = sa.String().with_variant(sa.String(255), "mysql", "mariadb")

N_GROUP = 8
N_USER = 30
N_RECIPE = 250

_ts = datetimes(2021, 2025)


def _stamps():  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts, null=0.02), col("update_at", TS, _ts, null=0.05)]


def _group_name(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        return "Home"
    if c.index % 3 == 1:
        return c.rng.choice([f"Familie {c.person['last']}", f"The {c.person['last']}s",
                             f"{c.person['first']} & {new_person(c)['first']}"])
    return f"{c.rng.choice(['Kitchen', 'WG Kochgruppe', 'Cabin', 'Office lunch'])} {c.index}"


DISHES = ["Apple Pie", "Chili sin Carne", "Ramen", "Lasagne", "Pad Thai", "Shakshuka",
          "Banana Bread", "Gulasch", "Paella", "Pierogi", "Mapo Tofu", "Borscht",
          "Green Curry", "Käsespätzle", "Tarte Tatin", "Bibimbap"]


def _recipe_name(c):  # type: ignore[no-untyped-def]
    dish = c.rng.choice(DISHES)
    r = c.rng.random()
    if r < 0.08:
        return f"Oma {c.person['first']}s {dish}"
    if r < 0.14:
        return f"{c.person['first']} {c.person['last']}'s {dish}"
    if r < 0.3:
        return f"Easy {dish}"
    return f"{dish}" if r < 0.6 else f"{dish} ({c.index})"


def _slug(c):  # type: ignore[no-untyped-def]
    import re
    return re.sub(r"[^a-z0-9]+", "-", c.row["name"].lower()).strip("-") or f"recipe-{c.index}"


def _note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        return f"From {c.person['first']} {c.person['last']}, Christmas {c.rng.randint(2005, 2023)}"
    if r < 0.2:
        return f"{c.person['first']} is allergic to nuts, use sunflower seeds"
    return c.rng.choice(["Use less sugar", "Freezes well", "Double the garlic",
                         "Rest the dough overnight", ""])


def _plan_title(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.15:
        return f"Dinner with {c.person['first']} {c.person['last']}"
    if r < 0.25:
        return f"{c.person['first']}'s birthday"
    return c.rng.choice(["", "", "Leftovers", "Pizza night", "Eat out"])


def _plan_text(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.1:
        return f"{c.person['first']} brings dessert, call {G['phone'](c)}"
    return c.rng.choice(["", "", "", "Buy bread", "Vegetarian"])


def _apprise(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.3:
        return (f"mailtos://{p['username']}:{G['token'](_p(c, n=16, style='url'))}@gmail.com"
                f"?to={p['email']}")
    if r < 0.5:
        return (f"tgram://{c.rng.randint(10**9, 10**10)}:{G['token'](_p(c, n=35, style='url'))}"
                f"/{c.rng.randint(10**8, 10**9)}")
    if r < 0.7:
        return f"ntfy://ntfy.sh/mealie-{G['token'](_p(c, n=10))}"
    if r < 0.85:
        user_key = G["token"](_p(c, n=30, style="url"))
        return f"pover://{user_key}@{G['token'](_p(c, n=30, style='url'))}"
    return f"json://homeassistant.local:8123/api/webhook/{G['token'](_p(c, n=24, style='url'))}"


def _task_log(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.25:
        return (f"{_ts(c):%Y-%m-%d %H:%M} INFO Backup requested by {c.person['username']} "
                f"({c.person['email']})")
    if r < 0.5:
        return f"{_ts(c):%Y-%m-%d %H:%M} INFO Backup created: mealie_{c.rng.randint(1, 99)}.zip"
    return None


def _jwt(c):  # type: ignore[no-untyped-def]
    return ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            f"{G['token'](_p(c, n=90, style='url'))}.{G['token'](_p(c, n=43, style='url'))}")


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "groups", N_GROUP,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("name", VS, _group_name, unique=True))
    table(md, "categories", 20,
          *_stamps(),
          col("group_id", GUID, fk="groups.id"),
          col("id", GUID, "uuid", pk=True),
          col("name", VS, "choice", values=["Breakfast", "Dinner", "Dessert", "Baking",
                                            "Soup", "Salad", "Drinks", "Snacks"]),
          col("slug", VS, lambda c: f"{c.row['name'].lower()}-{c.index}"),
          sa.UniqueConstraint("slug", "group_id"))
    table(md, "tags", 30,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("group_id", GUID, fk="groups.id"),
          col("name", VS, "choice", values=["vegan", "quick", "kids", "freezer", "spicy",
                                            "party", "low-carb"]),
          col("slug", VS, lambda c: f"{c.row['name']}-{c.index}"),
          sa.UniqueConstraint("slug", "group_id"))
    table(md, "invite_tokens", 10,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("token", VS, lambda c: G["token"](_p(c, n=32)), unique=True),
          col("uses_left", I, "int", lo=0, hi=5),
          col("group_id", GUID, fk="groups.id", null=0.1))
    table(md, "recipes", N_RECIPE,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("name", VS, _recipe_name),
          col("slug", VS, _slug, null=0.01),
          col("group_id", GUID, fk="groups.id"),
          col("description", VS, "lorem", words=14, null=0.4),
          col("image", VS, lambda c: G["token"](_p(c, n=4, style="url")), null=0.3),
          col("total_time", VS, "choice", values=["1 hour", "45 minutes", "PT1H30M", "2h"],
              null=0.4),
          col("prep_time", VS, "choice", values=["15 minutes", "PT20M", "10 min"], null=0.4),
          col("perform_time", VS, "choice", values=["30 minutes", "PT1H"], null=0.6),
          col("cook_time", VS, "choice", values=["20 minutes", "PT45M"], null=0.5),
          col("recipe_yield", VS, "choice", values=["4 servings", "1 loaf", "12 cookies"],
              null=0.3),
          col("recipeCuisine", VS, "choice", values=["Italian", "German", "Korean", "Thai"],
              null=0.8),
          col("rating", I, "int", lo=1, hi=5, null=0.6),
          col("org_url", VS, "url", null=0.5),
          col("date_added", D, "date", null=0.05),
          col("date_updated", TS, _ts, null=0.2),
          col("user_id", GUID, fk="users.id", null=0.1),
          sa.UniqueConstraint("slug", "group_id"))
    table(md, "users", N_USER,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("full_name", VS, lambda c: c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                                       c.person["first"], "Change Me"]),
              null=0.05),
          col("username", VS, lambda c: "admin" if c.index == 0 else c.person["username"],
              unique=True, null=0.02),
          col("email", VS, lambda c: "changeme@example.com" if c.index == 0 else
              c.person["email"], unique=True, null=0.02),
          col("password", VS, "password_hash", style="bcrypt12", null=0.05),
          col("admin", B, lambda c: c.index < 2, nullable=True),
          col("advanced", B, "bool", null=0.1),
          col("group_id", GUID, fk="groups.id"),
          col("cache_key", VS, lambda c: G["token"](_p(c, n=4, style="url")), null=0.1),
          col("can_manage", B, "bool", null=0.1),
          col("can_invite", B, "bool", null=0.1),
          col("can_organize", B, "bool", null=0.1),
          col("owned_recipes_id", GUID, "const", value=None, nullable=True))
    table(md, "long_live_tokens", 12,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("name", VS, "choice", values=["Home Assistant", "iOS shortcut", "backup script",
                                            "n8n"]),
          col("token", VS, _jwt),
          col("user_id", GUID, fk="users.id", null=0.05))
    table(md, "password_reset_tokens", 6,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("user_id", GUID, fk="users.id"),
          col("token", sa.String(64), lambda c: G["token"](_p(c, n=64, style="url")),
              unique=True))
    table(md, "recipe_instructions", 900,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("recipe_id", GUID, fk="recipes.id", null=0.01),
          col("position", I, "int", lo=0, hi=12, null=0.05),
          col("type", VS, "const", value="", null=0.5),
          col("title", VS, "choice", values=["", "", "Dough", "Sauce", "Assembly"], null=0.3),
          col("text", VS, "lorem", words=18))
    table(md, "notes", 120,
          *_stamps(),
          col("id", I, pk=True, auto=True),
          col("recipe_id", GUID, fk="recipes.id", null=0.02),
          col("title", VS, "choice", values=["Tip", "Source", "Note", ""], null=0.2),
          col("text", VS, _note, null=0.05))
    table(md, "recipe_settings", N_RECIPE,
          *_stamps(),
          col("id", I, pk=True, auto=True),
          col("recipe_id", GUID, fk="recipes.id", null=0.01),
          *[col(n, B, "bool", null=0.05) for n in ("public", "show_nutrition", "show_assets",
                                                   "landscape_view", "disable_amount",
                                                   "disable_comments", "locked")])
    table(md, "recipe_share_tokens", 15,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("group_id", GUID, fk="groups.id"),
          col("recipe_id", GUID, fk="recipes.id"),
          col("expires_at", TS, _ts))
    table(md, "recipes_to_tags", 300,
          col("recipe_id", GUID, fk="recipes.id", null=0.01),
          col("tag_id", GUID, fk="tags.id", null=0.01))
    table(md, "group_meal_plans", 400,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("date", D, "date", start=2022, end=2025),
          col("entry_type", VS, "choice", values=["breakfast", "lunch", "dinner", "side"]),
          col("title", VS, _plan_title),
          col("text", VS, _plan_text),
          col("group_id", GUID, fk="groups.id", null=0.02),
          col("recipe_id", GUID, fk="recipes.id", null=0.3))
    table(md, "shopping_lists", 25,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("group_id", GUID, fk="groups.id"),
          col("name", VS, lambda c: c.rng.choice([
              "Weekly", "Costco", "Aldi", f"Party for {c.person['first']}",
              f"{c.person['first']}'s list", "Camping trip"]), null=0.05))
    table(md, "group_events_notifiers", 14,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("name", VS, "choice", values=["Mail me", "Telegram", "ntfy", "Pushover",
                                            "Home Assistant"]),
          col("enabled", B, "bool"),
          col("apprise_url", VS, _apprise),
          col("group_id", GUID, fk="groups.id", null=0.05))
    table(md, "webhook_urls", 8,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("group_id", GUID, fk="groups.id", null=0.1),
          col("enabled", B, "bool", null=0.1),
          col("name", VS, "choice", values=["Home Assistant", "Meal plan to Discord"],
              null=0.1),
          col("url", VS, lambda c: c.rng.choice([
              f"http://homeassistant.local:8123/api/webhook/{G['token'](_p(c, n=24, style='url'))}",
              f"https://discord.com/api/webhooks/{c.rng.randint(10**17, 10**18)}/"
              f"{G['token'](_p(c, n=68, style='url'))}"]), null=0.1),
          col("time", VS, "choice", values=["00:00", "07:30", "17:00"], null=0.1))
    table(md, "server_tasks", 60,
          col("id", I, pk=True, auto=True),
          *_stamps(),
          col("name", VS, "choice", values=["Backup", "Migration", "Cleanup"]),
          col("completed_date", TS, _ts, null=0.2),
          col("status", VS, "choice", values=["finished", "running", "failed"]),
          col("log", VS, _task_log, nullable=True),
          col("group_id", GUID, fk="groups.id"))
    table(md, "group_reports", 20,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("name", VS, "choice", values=["Nextcloud Cookbook Migration",
                                            "Chowdown Migration", "Bulk import",
                                            "Paprika Migration"]),
          col("status", VS, "choice", values=["success", "partial", "failure"]),
          col("category", VS, "choice", values=["migration", "bulk_import", "backup"]),
          col("timestamp", TS, _ts),
          col("group_id", GUID, fk="groups.id"))
    table(md, "report_entries", 200,
          *_stamps(),
          col("id", GUID, "uuid", pk=True),
          col("success", B, "bool", null=0.05),
          col("message", VS, lambda c: f"Imported recipe {c.rng.choice(DISHES)}"),
          col("exception", VS, "choice", values=["", "", "KeyError: 'recipeIngredient'",
                                                 "ValidationError: name field required"],
              null=0.3),
          col("timestamp", TS, _ts),
          col("report_id", GUID, fk="group_reports.id"))
    return md
