"""authentik (identity provider: single sign-on, OAuth/SAML/LDAP sources, MFA, Python/Django,
PostgreSQL): a held-out schema (issue #10), labelled before any scan and never tuned on.
The tables of ``authentik/core/models.py`` (users, groups and memberships, sources and
their user connections, tokens, applications, providers, property mappings),
``authentik/events/models.py`` (the event log), ``authentik/sources/oauth/models.py`` (OAuth
sources and their user connections) and django-otp's TOTP and static-token devices, which
authentik's MFA stages used: 15 tables, every column, foreign keys as declared.

Django's conventions: ``<app>_<model>`` table names, ``id`` serial keys unless a
``UUIDField(primary_key=True)`` (native ``uuid`` on PostgreSQL), ``TextField`` text,
``CharField`` varchar, ``JSONField`` jsonb, ``GenericIPAddressField`` inet (char(39)
elsewhere), multi-table inheritance as a ``<parent>_ptr_id`` key that references the parent.
The stored ``core/models.py`` is an early (2021) version: ``User`` extends Django's
``AbstractUser`` and overrides ``is_superuser`` and ``is_staff`` with properties, so those
columns are not in the table; ``Source`` and ``Application`` extend ``PolicyBindingModel``
(their key is ``policybindingmodel_ptr_id``; that table and the flow tables are not
included, those keys are values). The stored OAuth models are recent; their connection's
``identifier`` (moved to the base class in recent versions) is kept on the OAuth
connection as the 2021 version has it. django-otp's ``otp_totp_totpdevice`` as the stored
(pre-2023, no timestamps) ``otp_totp/models.py`` declares it, with ``Device``'s ``user``,
``name``, ``confirmed`` and ``ThrottlingMixin``'s two columns; ``otp_static_staticdevice``
and ``otp_static_statictoken`` (``token`` varchar(16)) from the same package, not read here.

Values: users with usernames, display names in many scripts, mostly empty first and last
names, e-mails, pbkdf2/argon2 hashes, JSON attributes (settings, phone numbers, LDAP DNs),
service accounts; tokens whose identifiers embed the username, with their 30-128 character
keys; event log rows whose ``user`` and ``context`` JSON carry usernames, e-mails, IPs and
HTTP paths, and the client IP; OAuth sources' client ids and secrets; users' remote ids and
access tokens at GitHub/Google/Azure AD; TOTP hex keys; static recovery tokens.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "goauthentik/authentik",
          "path": "authentik/core/models.py; authentik/events/models.py; "
                  "authentik/sources/oauth/models.py",
          "commit": "0018fbacd3f367b52b7e75bd2e33f3d4a3eb61f0"}
# every file read, at the commit the stored index holds it
SOURCES = {
    "authentik/core/models.py": "0018fbacd3f367b52b7e75bd2e33f3d4a3eb61f0",
    "authentik/events/models.py": "00ce1f3f88edff0dff97a34781a98c4562228c9f",
    "authentik/sources/oauth/models.py": "03ddb3a0c4fd9e533770e7ec425ad856d3f8551c",
    # django-otp/django-otp, the path that holds the TOTP device model
    "src/django_otp/plugins/otp_totp/models.py": "1790a695a273a0ca644cd3ecd0f3737c498aedcb",
}
PERSON_TABLES = ("authentik_core_user",)

I = sa.Integer  # noqa: E741
T = sa.Text
B = sa.Boolean
TS = sa.DateTime
U = sa.Uuid
N_USERS = 150
N_GROUPS = 12
_ts = datetimes(2021, 2025)
GROUP_NAMES = ["authentik Admins", "Employees", "Contractors", "Engineering", "Finance",
               "Support", "VPN Users", "Grafana Editors", "Nextcloud Users", "Guests",
               "Gitea Admins", "Service Accounts"]
_GROUP_KEYS: list[uuid.UUID] = []


def _inet() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.String(39).with_variant(postgresql.INET(), "postgresql")


def _group_uuid(c):  # type: ignore[no-untyped-def]
    if c.index == 0:
        _GROUP_KEYS.clear()
    u = G["uuid"](c)
    _GROUP_KEYS.append(u)
    return u


def _group_parent(c):  # type: ignore[no-untyped-def]
    if c.index < 2 or c.rng.random() < 0.6:
        return None
    return c.rng.choice(_GROUP_KEYS[:-1])


def _group_attrs(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([{}, {}, {"notes": "synced from LDAP"},
                         {"goauthentik.io/ldap/gidNumber": c.rng.randint(2000, 3000)}])


def _username(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.06:
        return f"ak-outpost-{G['token'](_p(c, n=32, style='hex'))}"
    if r < 0.2:
        return c.person["email"]
    return c.person["username"]


def _user_attrs(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.4:
        return {}
    if r < 0.6:
        return {"settings": {"locale": c.rng.choice(["de", "en", "fr", "ja"]),
                             "theme": {"base": "automatic"}}}
    if r < 0.8:
        return {"phone_number": G["phone"](c), "department": c.rng.choice(
            ["IT", "Sales", "HR"])}
    if r < 0.9:
        return {"distinguishedName": f"cn={p['username']},ou=users,dc=corp,dc=example",
                "ldap_uniq": G["uuid_str"](c)}
    return {"goauthentik.io/user/service-account": True,
            "goauthentik.io/user/token-expires": True}


def _token_identifier(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.55:
        return f"{c.person['username']}-{c.rng.choice(['api', 'app-password', 'recovery'])}"[
            :255]
    if r < 0.75:
        return f"ak-{c.rng.choice(['outpost', 'provider'])}-{G['uuid_str'](c)}-api"
    return G["slug"](c)


def _token_key(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=c.rng.choice([32, 60, 128]), style=c.rng.choice(["hex", "url"])))


def _event_user(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.15:
        return {"pk": 1, "username": "AnonymousUser", "email": ""}
    u = {"pk": c.rng.randint(2, N_USERS), "email": p["email"], "username": p["username"]}
    if r < 0.2:
        q = new_person(c)
        u["on_behalf_of"] = {"pk": c.rng.randint(2, N_USERS), "email": q["email"],
                             "username": q["username"]}
    return u


def _event_action(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["login", "login", "login_failed", "logout", "user_write",
                         "password_set", "token_view", "authorize_application",
                         "model_updated", "policy_exception", "update_available",
                         "source_linked", "impersonation_started"])


def _event_context(c):  # type: ignore[no-untyped-def]
    a = c.row["action"]
    path = c.rng.choice(["/api/v3/core/users/", "/if/flow/default-authentication-flow/",
                         "/application/o/authorize/"])
    base = {"http_request": {"args": {}, "path": path, "method": c.rng.choice(["GET", "POST"])}}
    if a == "login_failed":
        base.update({"stage": {"pk": G["uuid_str"](c).replace("-", ""),
                               "app": "authentik_stages_password", "name": "default-password"},
                     "password": "********************", "username": c.person["email"]
                     if c.rng.random() < 0.5 else c.person["username"]})
    elif a == "login":
        base["auth_method"] = c.rng.choice(["password", "token", "auth_mfa"])
        base["geo"] = {"city": G["city"](c), "country": "DE", "lat": G["lat"](c),
                       "long": G["lon"](c)} if c.rng.random() < 0.3 else {}
    elif a == "model_updated":
        base["model"] = {"pk": c.rng.randint(2, N_USERS), "app": "authentik_core",
                         "name": c.person["username"], "model_name": "user"}
    elif a == "authorize_application":
        base["authorized_application"] = {"app": "authentik_core", "name": "Grafana",
                                          "model_name": "application"}
        base["scopes"] = "openid email profile"
    elif a == "update_available":
        base = {"new_version": "2021.10.4", "message": "New version available"}
    return base


def _client_ip(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.05:
        return "255.255.255.255"
    return G["ip"](c)


def _oauth_identifier(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return str(c.rng.randint(10**5, 10**8))  # GitHub
    if r < 0.8:
        return str(c.rng.randint(10**20, 10**21 - 1))  # Google
    return G["uuid_str"](c)  # Azure AD object id


def _totp_key(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=40, style="hex"))


def _device_name(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["TOTP Device", "Google Authenticator", "Authy", "1Password",
                         "default", "Static Token"])


def _static_token(c):  # type: ignore[no-untyped-def]
    return "".join(c.rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(12))


def _mapping_expression(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        'return {"email": request.user.email, "email_verified": True}',
        'return {"name": request.user.name, "given_name": request.user.name, '
        '"preferred_username": request.user.username}',
        "return {\"groups\": [group.name for group in request.user.ak_groups.all()]}",
        "return {\"ak_proxy\": {\"user_attributes\": request.user.group_attributes()}}",
        "return request.user.username"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "authentik_core_group", N_GROUPS,
          col("group_uuid", U, _group_uuid, pk=True),
          col("name", sa.String(80), lambda c: GROUP_NAMES[c.index]),
          col("is_superuser", B, lambda c: c.index == 0),
          col("parent_id", U, _group_parent, fk="authentik_core_group.group_uuid",
              nullable=True),
          col("attributes", jsonb(), _group_attrs),
          sa.UniqueConstraint("name", "parent_id"))
    table(md, "authentik_core_user", N_USERS,
          col("id", I, pk=True, auto=True),
          col("password", sa.String(128), lambda c: "!" + G["token"](_p(c, n=40, style="url"))
              if c.rng.random() < 0.1 else G["password_hash"](_p(
                  c, style=c.rng.choice(["pbkdf2", "pbkdf2", "argon2"])))),
          col("last_login", TS, _ts, null=0.15),
          col("username", sa.String(150), _username, unique=True),
          col("first_name", sa.String(150), "first_name", empty=0.85),
          col("last_name", sa.String(150), "last_name", empty=0.85),
          col("email", sa.String(254), "email", empty=0.08),
          col("is_active", B, "choice", values=[True] * 9 + [False]),
          col("date_joined", TS, _ts),
          col("uuid", U, "uuid"),
          col("name", T, lambda c: "" if c.rng.random() < 0.05 else G["full_name"](c)),
          col("password_change_date", TS, _ts),
          col("attributes", jsonb(), _user_attrs))
    table(md, "authentik_core_user_ak_groups", 220,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="authentik_core_user.id"),
          col("group_id", U, fk="authentik_core_group.group_uuid"),
          sa.UniqueConstraint("user_id", "group_id"))
    table(md, "authentik_core_source", 6,
          col("policybindingmodel_ptr_id", U, "uuid", pk=True),
          col("name", T, lambda c: ["GitHub", "Google", "Azure AD", "Corporate LDAP", "Gitea",
                                    "SAML IdP"][c.index]),
          col("slug", sa.String(50), lambda c: ["github", "google", "azure-ad", "ldap",
                                                "gitea", "saml"][c.index], unique=True),
          col("enabled", B, "choice", values=[True, True, False]),
          col("authentication_flow_id", U, "uuid", null=0.3),
          col("enrollment_flow_id", U, "uuid", null=0.3))
    table(md, "authentik_sources_oauth_oauthsource", 6,
          col("source_ptr_id", U, fk="authentik_core_source.policybindingmodel_ptr_id",
              pk=True),
          col("provider_type", sa.String(255), "choice", values=["github", "google",
                                                                 "azuread", "openidconnect"]),
          col("request_token_url", sa.String(255), lambda c: None, nullable=True),
          col("authorization_url", sa.String(255), "choice", values=[
              None, "https://github.com/login/oauth/authorize",
              "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"],
              nullable=True),
          col("access_token_url", sa.String(255), "choice", values=[
              None, "https://github.com/login/oauth/access_token"], nullable=True),
          col("profile_url", sa.String(255), "choice", values=[
              None, "https://api.github.com/user", "https://graph.microsoft.com/v1.0/me"],
              nullable=True),
          col("additional_scopes", T, "choice", values=["", "", "read:org", "offline_access"]),
          col("consumer_key", T, lambda c: c.rng.choice(
              [f"Iv1.{G['token'](_p(c, n=16, style='hex'))}",
               f"{c.rng.randint(10**11, 10**12)}-{G['token'](_p(c, n=32, style='hex'))}"
               ".apps.googleusercontent.com", G["uuid_str"](c)])),
          col("consumer_secret", T, token_of(40, "url")),
          col("oidc_well_known_url", T, "choice", values=[
              "", "", "https://accounts.google.com/.well-known/openid-configuration"]),
          col("oidc_jwks_url", T, "choice", values=["", "", "https://www.googleapis.com/oauth2/"
                                                            "v3/certs"]),
          col("oidc_jwks", jsonb(), lambda c: {} if c.rng.random() < 0.7 else
              {"keys": [{"kty": "RSA", "kid": G["token"](_p(c, n=40, style="hex")),
                         "e": "AQAB", "alg": "RS256", "use": "sig"}]}),
          col("pkce", T, "choice", values=["none", "none", "S256"]),
          col("authorization_code_auth_method", T, "choice", values=["basic_auth",
                                                                     "post_body"]))
    table(md, "authentik_core_usersourceconnection", 140,
          col("id", I, pk=True, auto=True),
          col("created", TS, _ts),
          col("last_updated", TS, _ts),
          col("user_id", I, fk="authentik_core_user.id"),
          col("source_id", U, fk="authentik_core_source.policybindingmodel_ptr_id"),
          sa.UniqueConstraint("user_id", "source_id"))
    table(md, "authentik_sources_oauth_useroauthsourceconnection", 100,
          col("usersourceconnection_ptr_id", I, fk="authentik_core_usersourceconnection.id",
              pk=True),
          col("identifier", sa.String(255), _oauth_identifier),
          col("access_token", T, lambda c: None if c.rng.random() < 0.2 else c.rng.choice(
              [f"gho_{G['token'](_p(c, n=36, style='url'))}",
               f"ya29.{G['token'](_p(c, n=150, style='url'))}",
               f"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.{G['token'](_p(c, n=300, style='url'))}"
               ]), nullable=True),
          col("expires", TS, _ts))
    table(md, "authentik_core_token", 300,
          col("token_uuid", U, "uuid", pk=True),
          col("managed", T, lambda c: None if c.rng.random() < 0.9 else
              f"goauthentik.io/token/{G['uuid_str'](c)}", unique=True, nullable=True),
          col("expires", TS, _ts),
          col("expiring", B, "choice", values=[True, True, False]),
          col("identifier", sa.String(255), _token_identifier),
          col("key", T, _token_key),
          col("intent", T, "choice", values=["verification", "api", "api", "recovery",
                                             "app_password"]),
          col("user_id", I, fk="authentik_core_user.id"),
          col("description", T, "choice", values=["", "", "Used by Grafana", "CI token",
                                                  "Autogenerated by authentik for Outpost"]))
    table(md, "authentik_core_provider", 10,
          col("id", I, pk=True, auto=True),
          col("name", T, lambda c: ["Grafana", "Nextcloud", "Gitea", "Proxmox", "Outline",
                                    "Vaultwarden", "Jellyfin LDAP", "Paperless", "Wiki.js",
                                    "Portainer"][c.index]),
          col("authorization_flow_id", U, "uuid"))
    table(md, "authentik_core_application", 10,
          col("policybindingmodel_ptr_id", U, "uuid", pk=True),
          col("name", T, lambda c: ["Grafana", "Nextcloud", "Gitea", "Proxmox", "Outline",
                                    "Vaultwarden", "Jellyfin", "Paperless", "Wiki", "Portainer"
                                    ][c.index]),
          col("slug", sa.String(50), lambda c: f"app-{c.index + 1}"),
          col("provider_id", I, fk="authentik_core_provider.id", unique=True, nullable=True),
          col("meta_launch_url", sa.String(200), "choice", values=[
              "", "https://grafana.example.com", "https://cloud.example.com"]),
          col("meta_icon", sa.String(100), "choice", values=["", "application-icons/logo.png"]),
          col("meta_description", T, "choice", values=["", "Dashboards", "File sharing"]),
          col("meta_publisher", T, "choice", values=["", "Grafana Labs", "Nextcloud GmbH"]))
    table(md, "authentik_core_propertymapping", 12,
          col("pm_uuid", U, "uuid", pk=True),
          col("managed", T, lambda c: f"goauthentik.io/providers/oauth2/scope-{c.index}"
              if c.index < 5 else None, unique=True, nullable=True),
          col("name", T, lambda c: f"authentik default OAuth Mapping: scope {c.index}"
              if c.index < 5 else f"Custom mapping {c.index}"),
          col("expression", T, _mapping_expression))
    table(md, "authentik_events_event", 800,
          col("event_uuid", U, "uuid", pk=True),
          col("user", jsonb(), _event_user),
          col("action", T, _event_action),
          col("app", T, "choice", values=["authentik.flows.views.executor",
                                          "authentik.events.signals",
                                          "authentik.core.api.users",
                                          "authentik.providers.oauth2.views.authorize",
                                          "authentik.admin.tasks"]),
          col("context", jsonb(), _event_context),
          col("client_ip", _inet(), _client_ip, null=0.05),
          col("created", TS, _ts))
    table(md, "otp_totp_totpdevice", 70,
          col("id", I, pk=True, auto=True),
          col("name", sa.String(64), _device_name),
          col("confirmed", B, "choice", values=[True, True, True, False]),
          col("key", sa.String(80), _totp_key),
          col("step", sa.SmallInteger, "const", value=30),
          col("t0", sa.BigInteger, "const", value=0),
          col("digits", sa.SmallInteger, "choice", values=[6, 6, 8]),
          col("tolerance", sa.SmallInteger, "const", value=1),
          col("drift", sa.SmallInteger, "choice", values=[0, 0, 0, -1, 1]),
          col("last_t", sa.BigInteger, lambda c: c.rng.randint(54_000_000, 58_000_000)),
          col("user_id", I, fk="authentik_core_user.id"),
          col("throttling_failure_timestamp", TS, _ts, null=0.9),
          col("throttling_failure_count", sa.Integer, "choice", values=[0, 0, 0, 1, 3]))
    table(md, "otp_static_staticdevice", 45,
          col("id", I, pk=True, auto=True),
          col("name", sa.String(64), "choice", values=["Static Token", "Recovery codes",
                                                       "backup"]),
          col("confirmed", B, "choice", values=[True, True, False]),
          col("user_id", I, fk="authentik_core_user.id"),
          col("throttling_failure_timestamp", TS, _ts, null=0.9),
          col("throttling_failure_count", sa.Integer, "choice", values=[0, 0, 1]))
    table(md, "otp_static_statictoken", 300,
          col("id", I, pk=True, auto=True),
          col("token", sa.String(16), _static_token),
          col("device_id", I, fk="otp_static_staticdevice.id"))
    return md
