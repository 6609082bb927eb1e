"""A Django project's auth tables: django.contrib (auth, admin, contenttypes, sessions),
django-allauth (account, socialaccount) and Django REST framework's token table.

Column types are what Django's schema editor creates for the model fields.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, json_, table

SOURCE = {"repo": "django/django", "path": "django/contrib/auth/models.py (and "
          "contrib/admin/models.py, contrib/contenttypes/models.py, "
          "contrib/sessions/base_session.py)",
          "commit": "71dad9e3057f088a6baa97fcec088f55455f5476",
          "also": [{"repo": "pennersr/django-allauth", "path": "allauth/account/models.py, "
                    "allauth/socialaccount/models.py",
                    "commit": "df9583978f3da6bc393581ee129d4c4f7690ead0"},
                   {"repo": "encode/django-rest-framework",
                    "path": "rest_framework/authtoken/models.py",
                    "commit": "1c777ffe8b67c342bc1b27fefe67d1094a2f6b07"}]}
PERSON_TABLES = ("auth_user",)

I = sa.Integer  # noqa: E741
DT = sa.DateTime
MODELS = [("admin", "logentry"), ("auth", "permission"), ("auth", "group"), ("auth", "user"),
          ("contenttypes", "contenttype"), ("sessions", "session"), ("account", "emailaddress"),
          ("socialaccount", "socialaccount"), ("socialaccount", "socialapp"),
          ("socialaccount", "socialtoken"), ("authtoken", "token"), ("shop", "order"),
          ("shop", "product"), ("shop", "customer"), ("blog", "post"), ("blog", "comment")]


def _perm(ctx):  # type: ignore[no-untyped-def]
    app, model = MODELS[(ctx.index // 4) % len(MODELS)]
    verb = ["add", "change", "delete", "view"][ctx.index % 4]
    return f"{verb}_{model}"


def _perm_name(ctx):  # type: ignore[no-untyped-def]
    verb, model = ctx.row["codename"].split("_", 1)
    return f"Can {verb} {model}"


def _session_data(ctx):  # type: ignore[no-untyped-def]
    return G["token"](ctx) + ":" + G["token"](ctx)


def _change_message(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choice(['[{"added": {}}]', '[{"changed": {"fields": ["Email address"]}}]',
                           '[{"changed": {"fields": ["First name", "Last name"]}}]', "[]",
                           '[{"deleted": {}}]'])


def _object_repr(ctx):  # type: ignore[no-untyped-def]
    r = ctx.rng.random()
    if r < 0.4:
        return ctx.person["username"]
    if r < 0.6:
        return ctx.person["email"]
    return ctx.rng.choice(["Order #1042", "Product object (7)", "Blue Widget", "editors",
                           "Post: Hello world"])


def _extra_data(ctx):  # type: ignore[no-untyped-def]
    p = ctx.person
    if ctx.row.get("provider") == "github":
        return {"login": p["username"], "id": ctx.rng.randint(10**5, 10**8),
                "name": f"{p['first']} {p['last']}", "email": p["email"],
                "avatar_url": "https://avatars.githubusercontent.com/u/"
                              f"{ctx.rng.randint(1, 10**8)}",
                "location": p["f"].city(), "bio": None}
    return {"sub": str(ctx.rng.randint(10**20, 10**21)), "email": p["email"],
            "email_verified": True, "given_name": p["first"], "family_name": p["last"],
            "picture": "https://lh3.googleusercontent.com/a/" + G["token"](ctx),
            "locale": ctx.rng.choice(["en", "de", "fr"])}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "django_content_type", len(MODELS),
          col("id", I, pk=True, auto=True),
          col("app_label", sa.String(100), lambda c: MODELS[c.index][0]),
          col("model", sa.String(100), lambda c: MODELS[c.index][1]),
          sa.UniqueConstraint("app_label", "model"))
    table(md, "auth_permission", len(MODELS) * 4,
          col("id", I, pk=True, auto=True),
          col("content_type_id", I, lambda c: (c.index // 4) % len(MODELS) + 1,
              fk="django_content_type.id"),
          col("codename", sa.String(100), _perm),
          col("name", sa.String(255), _perm_name),
          sa.UniqueConstraint("content_type_id", "codename"))
    table(md, "auth_group", 6,
          col("id", I, pk=True, auto=True),
          col("name", sa.String(150), lambda c: ["editors", "support", "billing", "staff",
                                                 "beta-testers", "Kundenservice"][c.index],
              unique=True))
    table(md, "auth_user", 500,
          col("id", I, pk=True, auto=True),
          col("password", sa.String(128), "password_hash", style="pbkdf2"),
          col("last_login", DT, null=0.2),
          col("is_superuser", sa.Boolean, lambda c: c.rng.random() < 0.02),
          col("username", sa.String(150), "username", unique=True),
          col("first_name", sa.String(150), "first_name", empty=0.15),
          col("last_name", sa.String(150), "last_name", empty=0.15),
          col("email", sa.String(254), "email", empty=0.05),
          col("is_staff", sa.Boolean, lambda c: c.rng.random() < 0.05),
          col("is_active", sa.Boolean, lambda c: c.rng.random() < 0.95),
          col("date_joined", DT))
    table(md, "auth_user_groups", 300,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("group_id", I, fk="auth_group.id"))
    table(md, "auth_group_permissions", 40,
          col("id", I, pk=True, auto=True),
          col("group_id", I, fk="auth_group.id"),
          col("permission_id", I, fk="auth_permission.id"))
    table(md, "auth_user_user_permissions", 30,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id"),
          col("permission_id", I, fk="auth_permission.id"))
    table(md, "django_admin_log", 400,
          col("id", I, pk=True, auto=True),
          col("action_time", DT),
          col("object_id", sa.Text, lambda c: str(c.rng.randint(1, 500)), null=0.05),
          col("object_repr", sa.String(200), _object_repr),
          col("action_flag", sa.SmallInteger, "int", lo=1, hi=3),
          col("change_message", sa.Text, _change_message),
          col("content_type_id", I, fk="django_content_type.id", null=0.02),
          col("user_id", I, fk="auth_user.id"))
    table(md, "django_session", 600,
          col("session_key", sa.String(40), "token", pk=True, n=32, style="url"),
          col("session_data", sa.Text, _session_data, n=60, style="url"),
          col("expire_date", DT, "datetime", start=2025, end=2026))
    table(md, "account_emailaddress", 550,
          col("id", I, pk=True, auto=True),
          col("email", sa.String(254), "email", unique=True),
          col("verified", sa.Boolean),
          col("primary", sa.Boolean),
          col("user_id", I, fk="auth_user.id"))
    table(md, "socialaccount_socialapp", 3,
          col("id", I, pk=True, auto=True),
          col("provider", sa.String(30), lambda c: ["google", "github", "apple"][c.index]),
          col("name", sa.String(40), lambda c: ["Google", "GitHub", "Sign in with Apple"][c.index]),
          col("client_id", sa.String(191), "token", n=72, style="url"),
          col("secret", sa.String(191), "token", n=35, style="url"),
          col("key", sa.String(191), "const", value=""),
          col("provider_id", sa.String(200), "const", value=""),
          col("settings", json_(), lambda c: {}))
    table(md, "socialaccount_socialaccount", 250,
          col("id", I, pk=True, auto=True),
          col("provider", sa.String(200), "choice", values=["google", "github"]),
          col("uid", sa.String(191), lambda c: str(c.rng.randint(10**5, 10**21))),
          col("last_login", DT),
          col("date_joined", DT),
          col("extra_data", json_(), _extra_data),
          col("user_id", I, fk="auth_user.id"),
          sa.UniqueConstraint("provider", "uid"))
    table(md, "socialaccount_socialtoken", 250,
          col("id", I, pk=True, auto=True),
          col("token", sa.Text, lambda c: "ya29." + G["token"](c), n=150, style="url"),
          col("token_secret", sa.Text, "token", empty=0.7, n=40, style="url"),
          col("expires_at", DT, null=0.3),
          col("account_id", I, fk="socialaccount_socialaccount.id"),
          col("app_id", I, fk="socialaccount_socialapp.id", null=0.1))
    table(md, "authtoken_token", 120,
          col("key", sa.String(40), "token", pk=True, n=40),
          col("created", DT),
          col("user_id", I, fk="auth_user.id", unique=True))
    return md
