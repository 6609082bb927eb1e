"""Keycloak (identity and access management, Java/JPA): a held-out schema (issue #10),
labelled before any scan and never tuned on. Liquibase changelogs build the tables step by
step (``model/jpa/src/main/resources/META-INF/jpa-changelog-*.xml``); the columns here are
those the JPA entities map (stored versions named in ``SOURCE``), with the changelogs'
types: ``VARCHAR(36)`` ids, ``VARCHAR(255)`` strings, ``BIGINT`` milliseconds and ``INT``
seconds, ``TEXT`` (CLOB) for credential data, session data, tokens and admin
representations. Table and column names in upper case, as the changelogs write them.

Tables: realms, clients (OAuth applications with their secrets), roles, users (with
service-account users ``service-account-<client>``, and ``EMAIL_CONSTRAINT`` equal to the
e-mail or a random id), credentials (password hashes, OTP secrets and WebAuthn public keys
as JSON in ``SECRET_DATA``/``CREDENTIAL_DATA``; device labels that sometimes name the
owner), an EAV of user attributes (phone numbers, birth dates, LDAP DNs, locales,
departments), persisted (offline) user sessions whose JSON ``DATA`` holds the IP, links to
identity providers (the account id and username at Google/GitHub/SAML, stored IdP
tokens), consents, login events (JSON details with the username typed) and admin events
(the JSON representation of the user created or updated), role mappings.

Foreign keys: the ``USER_ID`` references of ``CREDENTIAL``, ``USER_ATTRIBUTE``,
``FEDERATED_IDENTITY``, ``USER_CONSENT`` and ``USER_ROLE_MAPPING`` are declared (JPA
``@JoinColumn``); realm, client, role and event references are plain strings (values
without a constraint), as in Keycloak. ``USER_SESSION`` (1.x only, dropped later) is
not included.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table
from ..gen import with_params as _p

SOURCE = {"repo": "keycloak/keycloak",
          "path": "model/jpa/src/main/java/org/keycloak/models/jpa/entities/{UserEntity,"
                  "CredentialEntity,UserAttributeEntity,FederatedIdentityEntity,"
                  "UserConsentEntity,RoleEntity,UserRoleMappingEntity,RealmEntity,"
                  "ClientEntity}.java, model/jpa/src/main/java/org/keycloak/events/jpa/"
                  "{EventEntity,AdminEventEntity}.java, model/jpa/src/main/java/org/keycloak/"
                  "models/jpa/session/PersistentUserSessionEntity.java (types from "
                  "model/jpa/src/main/resources/META-INF/jpa-changelog-*.xml)",
          "commit": "UserEntity @ 898fdedcdabc022e43b06d99335d1cfda5adf204; CredentialEntity @ "
                    "4dd62263791829215e54873db58e1d6999fdf9f5; UserAttributeEntity @ "
                    "f0be0d3b25c76a0bcb9ee1df9024784e648b30ff; FederatedIdentityEntity @ "
                    "e5dc0a7b96fe569eebda91af0386c3d9b1adc2c8; UserConsentEntity @ "
                    "0bdda8081a392ff96b23fabf13e6be7d94adec1e; RoleEntity @ "
                    "ecd43b181d9e53965379b544a011cef4f828852b; UserRoleMappingEntity @ "
                    "9f31eb51a115b93d0713dda0b6e48d18310c8280; RealmEntity @ "
                    "85c5014d3a765896b29e16a6c24cfec063517437; ClientEntity @ "
                    "219684bd4f99c57e8663000e696075488c60e739; EventEntity @ "
                    "4767155f00890f3f5f788c3065491b8eefde4beb; AdminEventEntity @ "
                    "6c0f685c397fd29458010f124b4ca9d26b31d057; PersistentUserSessionEntity @ "
                    "02a78a5cd491113c08a62fe63ae1e759bf849bcf"}
PERSON_TABLES = ("USER_ENTITY",)

V = sa.String
T = sa.Text
B = sa.Boolean
I = sa.Integer  # noqa: E741
BI = sa.BigInteger

REALMS = [("master", "00f3c2a1-0c4e-4d2e-9f0a-3f7d1e2b9c11"),
          ("acme", "5b1c8d2e-7a34-4f61-b0c9-2d8e6f4a1b22"),
          ("kunden", "9e7a6b5c-1d2f-4a3b-8c7d-6e5f4a3b2c33")]
CLIENTS = ["account", "account-console", "admin-cli", "broker", "realm-management",
           "security-admin-console", "webshop-frontend", "crm-backend", "grafana",
           "mobile-app", "billing-service", "reporting-batch"]
N_USERS = 150
N_SA = 4  # service-account users first


def _ms(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_577_836_800_000, 1_760_000_000_000)


def _s(c):  # type: ignore[no-untyped-def]
    return c.rng.randint(1_700_000_000, 1_760_000_000)


def _realm(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(REALMS)[1]


def _username(c):  # type: ignore[no-untyped-def]
    if c.index < N_SA:
        return f"service-account-{CLIENTS[7 + c.index]}"
    return c.person["email"].lower() if c.rng.random() < 0.3 else c.person["username"]


def _email(c):  # type: ignore[no-untyped-def]
    if c.index < N_SA:
        return None
    return c.person["email"] if c.rng.random() < 0.95 else None


def _email_constraint(c):  # type: ignore[no-untyped-def]
    e = c.row["EMAIL"]
    return e if e and c.rng.random() < 0.85 else G["uuid_str"](c)


CRED_TYPES = ["password", "password", "password", "otp", "webauthn"]


def _cred_type(c):  # type: ignore[no-untyped-def]
    c.row["_t"] = c.rng.choice(CRED_TYPES)
    return c.row["_t"]


def _user_label(c):  # type: ignore[no-untyped-def]
    t = c.row["TYPE"]
    if t == "password":
        return None
    if c.rng.random() < 0.3:
        return f"{c.person['first']}'s {c.rng.choice(['iPhone', 'Pixel', 'YubiKey'])}"
    return c.rng.choice(["My phone", "YubiKey 5 NFC", "FreeOTP", "Work laptop", ""])


def _secret(c):  # type: ignore[no-untyped-def]
    t = c.row["TYPE"]
    if t == "password":
        return json.dumps({"value": base64.b64encode(bytes(c.rng.getrandbits(8)
                                                            for _ in range(64))).decode(),
                           "salt": base64.b64encode(bytes(c.rng.getrandbits(8)
                                                           for _ in range(16))).decode(),
                           "additionalParameters": {}})
    if t == "otp":
        return json.dumps({"value": "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
                                            for _ in range(20))})
    return "{}"


def _cred_data(c):  # type: ignore[no-untyped-def]
    t = c.row["TYPE"]
    if t == "password":
        return json.dumps({"hashIterations": c.rng.choice([27500, 210000, 5]),
                           "algorithm": c.rng.choice(["pbkdf2-sha256", "pbkdf2-sha512",
                                                      "argon2"]),
                           "additionalParameters": {}})
    if t == "otp":
        return json.dumps({"subType": "totp", "digits": 6, "counter": 0, "period": 30,
                           "algorithm": "HmacSHA1"})
    return json.dumps({"aaguid": "ee882879-721c-4913-9775-3dfcce97072a",
                       "credentialId": G["token"](_p(c, n=43, style="url")),
                       "credentialPublicKey": "pQECAyYgASFYI" + G["token"](_p(c, n=60,
                                                                             style="url")),
                       "counter": c.rng.randint(0, 300), "attestationStatementFormat": "none"})


ATTRS = ["phoneNumber", "birthdate", "locale", "department", "LDAP_ID", "LDAP_ENTRY_DN",
         "picture", "employeeNumber", "terms_and_conditions", "street", "postal_code"]


def _attr_name(c):  # type: ignore[no-untyped-def]
    c.row["_a"] = c.rng.choice(ATTRS)
    return c.row["_a"]


def _attr_value(c):  # type: ignore[no-untyped-def]
    a = c.row["_a"]
    p = c.person
    return {"phoneNumber": lambda: G["phone"](c),
            "birthdate": lambda: p["born"].isoformat(),
            "locale": lambda: c.rng.choice(["en", "de", "fr", "ja", "pt-BR"]),
            "department": lambda: c.rng.choice(["Engineering", "Sales", "HR", "Finance"]),
            "LDAP_ID": lambda: G["uuid_str"](c),
            "LDAP_ENTRY_DN": lambda: f"uid={p['username']},ou=People,dc=acme,dc=example",
            "picture": lambda: f"https://avatars.example.com/{p['username']}.png",
            "employeeNumber": lambda: f"E{c.rng.randint(10000, 99999)}",
            "terms_and_conditions": lambda: str(_s(c)),
            "street": lambda: p["f"].street_address(),
            "postal_code": lambda: G["postcode"](c)}[a]()


def _session_data(c):  # type: ignore[no-untyped-def]
    notes = {"AUTH_TIME": str(_s(c)), "authenticators-completed": json.dumps(
        {G["uuid_str"](c): _s(c)})}
    if c.rng.random() < 0.5:
        dev = {"ipAddress": G["ip"](c), "os": c.rng.choice(["Windows", "Mac OS X", "iOS"]),
               "osVersion": "10", "browser": "Chrome/120.0", "device": "Other",
               "lastAccess": 0, "mobile": False}
        notes["KC_DEVICE_NOTE"] = base64.b64encode(json.dumps(dev).encode()).decode()
    return json.dumps({"brokerSessionId": None, "brokerUserId": None,
                       "ipAddress": G["ip"](c), "authMethod": "openid-connect",
                       "rememberMe": False, "started": 0, "notes": notes,
                       "state": "LOGGED_IN"})


IDPS = ["google", "github", "saml-adfs", "microsoft"]


def _fed_user_id(c):  # type: ignore[no-untyped-def]
    idp = c.row["IDENTITY_PROVIDER"]
    if idp == "google":
        return str(c.rng.randint(10**20, 10**21 - 1))
    if idp == "github":
        return str(c.rng.randint(100000, 99999999))
    if idp == "saml-adfs":
        return c.person["email"]
    return G["uuid_str"](c)


def _fed_username(c):  # type: ignore[no-untyped-def]
    idp = c.row["IDENTITY_PROVIDER"]
    if idp == "github":
        return c.person["username"]
    return c.person["email"].lower()


def _idp_token(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.75:
        return None
    return json.dumps({"access_token": "ya29." + G["token"](_p(c, n=80, style="url")),
                       "expires_in": 3599, "refresh_token": "1//" + G["token"](
                           _p(c, n=60, style="url")), "token_type": "Bearer"})


EVENTS = ["LOGIN", "LOGIN", "LOGIN_ERROR", "LOGOUT", "CODE_TO_TOKEN", "REFRESH_TOKEN",
          "UPDATE_PASSWORD", "REGISTER", "SEND_RESET_PASSWORD"]


def _ev_type(c):  # type: ignore[no-untyped-def]
    if "_e" not in c.row:
        c.row["_e"] = c.rng.choice(EVENTS)
    return c.row["_e"]


def _ev_details(c):  # type: ignore[no-untyped-def]
    e = _ev_type(c)
    d: dict = {"auth_method": "openid-connect",
               "redirect_uri": "https://shop.example.com/callback"}
    if e in ("LOGIN", "LOGIN_ERROR", "REGISTER"):
        d["username"] = c.rng.choice([c.person["username"], c.person["email"]])
    if e == "REGISTER":
        d["email"] = c.person["email"]
        d["first_name"] = c.person["first"]
        d["last_name"] = c.person["last"]
    if e == "SEND_RESET_PASSWORD":
        d["email"] = c.person["email"]
    if e == "CODE_TO_TOKEN":
        d = {"token_id": G["uuid_str"](c), "grant_type": "authorization_code",
             "client_auth_method": "client-secret"}
    return json.dumps(d)


def _admin_path(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    c.row["_user"] = r < 0.6
    if r < 0.6:
        return f"users/{G['uuid_str'](c)}"
    if r < 0.8:
        return f"clients/{G['uuid_str'](c)}/roles/{c.rng.choice(['admin', 'viewer'])}"
    return f"groups/{G['uuid_str'](c)}"


def _representation(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.3:
        return None
    p = c.person
    if c.row["_user"]:
        return json.dumps({"username": p["username"], "email": p["email"],
                           "firstName": p["first"], "lastName": p["last"], "enabled": True,
                           "attributes": {"phoneNumber": [G["phone"](c)]}},
                          ensure_ascii=False)
    return json.dumps({"name": c.rng.choice(["admin", "viewer", "Finance"]),
                       "composite": False})


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "REALM", len(REALMS),
          col("ID", V(36), lambda c: REALMS[c.index][1], pk=True),
          col("NAME", V(255), lambda c: REALMS[c.index][0], unique=True),
          col("ENABLED", B, lambda c: True),
          col("SSL_REQUIRED", V(255), "choice", values=["external", "all"]),
          col("REGISTRATION_ALLOWED", B, "bool"),
          col("REG_EMAIL_AS_USERNAME", B, "bool"),
          col("VERIFY_EMAIL", B, "bool"),
          col("RESET_PASSWORD_ALLOWED", B, "bool"),
          col("LOGIN_WITH_EMAIL_ALLOWED", B, lambda c: True),
          col("DUPLICATE_EMAILS_ALLOWED", B, lambda c: False),
          col("REMEMBER_ME", B, "bool"),
          col("PASSWORD_POLICY", V(2550), lambda c: ["", "length(12) and notUsername",
                                                     "hashIterations(210000)"][c.index]),
          col("OTP_POLICY_TYPE", V(255), lambda c: "totp"),
          col("OTP_POLICY_ALG", V(255), lambda c: "HmacSHA1"),
          col("OTP_POLICY_COUNTER", I, lambda c: 0),
          col("OTP_POLICY_DIGITS", I, lambda c: 6),
          col("OTP_POLICY_WINDOW", I, lambda c: 1),
          col("OTP_POLICY_PERIOD", I, lambda c: 30),
          col("EDIT_USERNAME_ALLOWED", B, "bool"),
          col("REVOKE_REFRESH_TOKEN", B, lambda c: False),
          col("REFRESH_TOKEN_MAX_REUSE", I, lambda c: 0),
          col("SSO_IDLE_TIMEOUT", I, lambda c: 1800),
          col("SSO_MAX_LIFESPAN", I, lambda c: 36000),
          col("ACCESS_TOKEN_LIFESPAN", I, lambda c: 300),
          col("NOT_BEFORE", I, lambda c: 0),
          col("LOGIN_THEME", V(255), "choice", values=[None, "keycloak", "acme"],
              nullable=True),
          col("EMAIL_THEME", V(255), lambda c: None, nullable=True),
          col("EVENTS_ENABLED", B, lambda c: True),
          col("EVENTS_EXPIRATION", BI, lambda c: 2592000),
          col("ADMIN_EVENTS_ENABLED", B, lambda c: True),
          col("ADMIN_EVENTS_DETAILS_ENABLED", B, lambda c: c.index > 0),
          col("MASTER_ADMIN_CLIENT", V(36), lambda c: G["uuid_str"](c), nullable=True),
          col("DEFAULT_ROLE", V(255), lambda c: G["uuid_str"](c)),
          col("BROWSER_FLOW", V(255), lambda c: G["uuid_str"](c)),
          col("INTERNATIONALIZATION_ENABLED", B, "bool"),
          col("DEFAULT_LOCALE", V(255), "choice", values=[None, "en", "de"], nullable=True))
    table(md, "CLIENT", len(CLIENTS),
          col("ID", V(36), "uuid_str", pk=True),
          col("NAME", V(255), lambda c: f"${{client_{CLIENTS[c.index]}}}" if c.index < 6 else
              CLIENTS[c.index].replace("-", " ").title(), nullable=True),
          col("DESCRIPTION", V(255), lambda c: None if c.index < 6 else
              c.rng.choice(["", "Shop SPA", "Internal CRM API"]), nullable=True),
          col("CLIENT_ID", V(255), lambda c: CLIENTS[c.index]),
          col("ENABLED", B, lambda c: True),
          col("ALWAYS_DISPLAY_IN_CONSOLE", B, lambda c: False),
          col("SECRET", V(255), lambda c: None if c.index in (1, 6, 9) else
              G["token"](_p(c, n=32, style="url")), nullable=True),
          col("REGISTRATION_TOKEN", V(255), lambda c: None if c.rng.random() < 0.8 else
              "eyJhbGciOiJIUzI1NiJ9." + G["token"](_p(c, n=90, style="url")), nullable=True),
          col("CLIENT_AUTHENTICATOR_TYPE", V(255), lambda c: "client-secret"),
          col("NOT_BEFORE", I, lambda c: 0),
          col("PUBLIC_CLIENT", B, lambda c: c.index in (1, 6, 9)),
          col("PROTOCOL", V(255), "choice", values=["openid-connect", None, "saml"],
              nullable=True),
          col("FRONTCHANNEL_LOGOUT", B, "bool"),
          col("FULL_SCOPE_ALLOWED", B, lambda c: True),
          col("REALM_ID", V(36), _realm),
          col("SURROGATE_AUTH_REQUIRED", B, lambda c: False),
          col("ROOT_URL", V(255), lambda c: c.rng.choice([None, "${authBaseUrl}",
                                                          "https://shop.example.com"]),
              nullable=True),
          col("BASE_URL", V(255), lambda c: c.rng.choice([None, "/admin/master/console/",
                                                          "/"]), nullable=True),
          col("MANAGEMENT_URL", V(255), lambda c: None, nullable=True),
          col("BEARER_ONLY", B, lambda c: c.index in (3, 4)),
          col("CONSENT_REQUIRED", B, lambda c: c.index == 9),
          col("STANDARD_FLOW_ENABLED", B, lambda c: True),
          col("IMPLICIT_FLOW_ENABLED", B, lambda c: False),
          col("DIRECT_ACCESS_GRANTS_ENABLED", B, "bool"),
          col("SERVICE_ACCOUNTS_ENABLED", B, lambda c: c.index >= 7),
          col("NODE_REREG_TIMEOUT", I, lambda c: 0),
          sa.UniqueConstraint("REALM_ID", "CLIENT_ID"))
    table(md, "KEYCLOAK_ROLE", 24,
          col("ID", V(36), "uuid_str", pk=True),
          col("NAME", V(255), lambda c: ["offline_access", "uma_authorization",
                                         "default-roles-acme", "admin", "create-realm",
                                         "manage-users", "view-users", "query-groups",
                                         "manage-account", "view-profile", "customer",
                                         "employee", "sales-manager", "auditor"][c.index % 14]
              + ("" if c.index < 14 else f"-{c.index}")),
          col("DESCRIPTION", V(255), lambda c: c.rng.choice([None, "${role_offline-access}",
                                                             "Can see invoices", ""]),
              nullable=True),
          col("REALM_ID", V(255), _realm),
          col("CLIENT_ROLE", B, lambda c: 5 <= c.index % 14 <= 9),
          col("CLIENT", V(36), lambda c: G["uuid_str"](c) if 5 <= c.index % 14 <= 9 else None,
              nullable=True),
          col("CLIENT_REALM_CONSTRAINT", V(255), lambda c: c.row["CLIENT"] or c.row["REALM_ID"]),
          sa.UniqueConstraint("NAME", "CLIENT_REALM_CONSTRAINT"))
    table(md, "USER_ENTITY", N_USERS,
          col("ID", V(36), "uuid_str", pk=True),
          col("EMAIL", V(255), _email, nullable=True),
          col("EMAIL_CONSTRAINT", V(255), _email_constraint),
          col("EMAIL_VERIFIED", B, lambda c: c.rng.random() < 0.7),
          col("ENABLED", B, lambda c: c.rng.random() < 0.95),
          col("FEDERATION_LINK", V(255), lambda c: None if c.rng.random() < 0.7 else
              "7f3c9a1e-ldap-4b2d-8e6f-1a2b3c4d5e6f", nullable=True),
          col("FIRST_NAME", V(255), lambda c: None if c.index < N_SA or c.rng.random() < 0.1
              else c.person["first"], nullable=True),
          col("LAST_NAME", V(255), lambda c: None if c.index < N_SA or c.rng.random() < 0.1
              else c.person["last"], nullable=True),
          col("REALM_ID", V(255), _realm),
          col("USERNAME", V(255), _username),
          col("CREATED_TIMESTAMP", BI, _ms),
          col("SERVICE_ACCOUNT_CLIENT_LINK", V(255), lambda c: G["uuid_str"](c) if
              c.index < N_SA else None, nullable=True),
          col("NOT_BEFORE", I, lambda c: 0),
          sa.UniqueConstraint("REALM_ID", "USERNAME"),
          sa.UniqueConstraint("REALM_ID", "EMAIL_CONSTRAINT"))
    table(md, "CREDENTIAL", 220,
          col("ID", V(36), "uuid_str", pk=True),
          col("SALT", sa.LargeBinary, lambda c: None if c.rng.random() < 0.95 else
              bytes(c.rng.getrandbits(8) for _ in range(16)), nullable=True),
          col("TYPE", V(255), _cred_type),
          col("USER_ID", V(36), fk="USER_ENTITY.ID"),
          col("CREATED_DATE", BI, _ms),
          col("USER_LABEL", V(255), _user_label, nullable=True),
          col("SECRET_DATA", T, _secret),
          col("CREDENTIAL_DATA", T, _cred_data),
          col("PRIORITY", I, "choice", values=[10, 20, 30]))
    table(md, "USER_ATTRIBUTE", 400,
          col("ID", V(36), "uuid_str", pk=True),
          col("NAME", V(255), _attr_name),
          col("VALUE", V(255), _attr_value, nullable=True),
          col("USER_ID", V(36), fk="USER_ENTITY.ID"))
    table(md, "OFFLINE_USER_SESSION", 200,
          col("USER_SESSION_ID", V(36), "uuid_str", pk=True),
          col("USER_ID", V(255), ref="USER_ENTITY.ID"),
          col("REALM_ID", V(36), _realm),
          col("CREATED_ON", I, _s),
          col("OFFLINE_FLAG", V(4), "choice", values=["0", "1"], pk=True),
          col("DATA", T, _session_data),
          col("LAST_SESSION_REFRESH", I, _s),
          col("BROKER_SESSION_ID", V(1024), lambda c: None if c.rng.random() < 0.8 else
              f"google.{G['token'](_p(c, n=32, style='hex'))}", nullable=True),
          col("VERSION", I, "int", lo=0, hi=40),
          col("REMEMBER_ME", B, "choice", values=[None, True, False], nullable=True))
    table(md, "FEDERATED_IDENTITY", 90,
          col("IDENTITY_PROVIDER", V(255), "choice", values=IDPS, pk=True),
          col("REALM_ID", V(36), _realm),
          col("FEDERATED_USER_ID", V(255), _fed_user_id),
          col("FEDERATED_USERNAME", V(255), _fed_username),
          col("TOKEN", T, _idp_token, nullable=True),
          col("USER_ID", V(36), fk="USER_ENTITY.ID", pk=True))
    table(md, "USER_CONSENT", 80,
          col("ID", V(36), "uuid_str", pk=True),
          col("CLIENT_ID", V(255), lambda c: G["uuid_str"](c) if c.rng.random() < 0.9 else
              None, nullable=True),
          col("USER_ID", V(36), fk="USER_ENTITY.ID"),
          col("CREATED_DATE", BI, _ms),
          col("LAST_UPDATED_DATE", BI, _ms),
          col("CLIENT_STORAGE_PROVIDER", V(36), lambda c: None if c.row["CLIENT_ID"] else
              "f:3c2a1b0d", nullable=True),
          col("EXTERNAL_CLIENT_ID", V(255), lambda c: None if c.row["CLIENT_ID"] else
              "legacy-portal", nullable=True),
          sa.UniqueConstraint("USER_ID", "CLIENT_ID"))
    table(md, "EVENT_ENTITY", 600,
          col("ID", V(36), "uuid_str", pk=True),
          col("CLIENT_ID", V(255), lambda c: c.rng.choice(CLIENTS[:2] + CLIENTS[6:10])),
          col("DETAILS_JSON", V(2550), lambda c: _ev_details(c), nullable=True),
          col("ERROR", V(255), lambda c: None if _ev_type(c) != "LOGIN_ERROR" else
              c.rng.choice(["invalid_user_credentials", "user_not_found", "user_disabled"]),
              nullable=True),
          col("IP_ADDRESS", V(255), "ip"),
          col("REALM_ID", V(255), _realm),
          col("SESSION_ID", V(255), lambda c: None if _ev_type(c) == "LOGIN_ERROR" else
              G["uuid_str"](c), nullable=True),
          col("EVENT_TIME", BI, _ms),
          col("TYPE", V(255), _ev_type),
          col("USER_ID", V(255), ref="USER_ENTITY.ID", null=0.1))
    table(md, "ADMIN_EVENT_ENTITY", 200,
          col("ID", V(36), "uuid_str", pk=True),
          col("ADMIN_EVENT_TIME", BI, _ms),
          col("REALM_ID", V(255), _realm),
          col("OPERATION_TYPE", V(255), "choice", values=["CREATE", "UPDATE", "DELETE",
                                                          "ACTION"]),
          col("AUTH_REALM_ID", V(255), lambda c: REALMS[0][1]),
          col("AUTH_CLIENT_ID", V(255), lambda c: "security-admin-console"),
          col("AUTH_USER_ID", V(255), ref="USER_ENTITY.ID"),
          col("IP_ADDRESS", V(255), "ip"),
          col("RESOURCE_PATH", V(2550), _admin_path),
          col("REPRESENTATION", T, _representation, nullable=True),
          col("ERROR", V(255), lambda c: None, nullable=True),
          col("RESOURCE_TYPE", V(64), lambda c: "USER" if c.row["_user"] else
              c.rng.choice(["CLIENT_ROLE", "GROUP"])))
    table(md, "USER_ROLE_MAPPING", 300,
          col("ROLE_ID", V(255), ref="KEYCLOAK_ROLE.ID", pk=True),
          col("USER_ID", V(36), fk="USER_ENTITY.ID", pk=True))
    return md
