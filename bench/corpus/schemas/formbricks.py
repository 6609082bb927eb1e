"""Formbricks (open-source experience management: in-app and link surveys, TypeScript with
Prisma, PostgreSQL): a held-out schema (issue #10), labelled before any scan and never tuned
on. The tables of ``packages/database/schema.prisma`` as the index stores it (an early
2023 version): 20 of its 22 models (``SurveyTrigger`` and ``SurveyAttributeFilter`` left
out; ``Webhook`` too), all their scalar fields, foreign keys as the relations declare them.

Prisma's conventions on PostgreSQL: tables named after the models (``"User"``,
``"Person"``...), camelCase columns except where ``@map`` renames them (``created_at``,
``updated_at``, ``email_verified``), ``String`` ids holding cuids (``Invite.id`` a uuid
string), ``String`` as text, ``DateTime`` as timestamp(3), ``Json`` as jsonb, enums as
varchar here (Prisma creates PostgreSQL enum types). PostgreSQL array columns
(``Webhook.triggers``, ``surveyIds``) are left out with their table.

Values: team members (names in many scripts, e-mails, bcrypt hashes, GitHub/Google account
ids and OAuth tokens, an OpenID ``id_token`` carrying the e-mail), teams named after their
owner with Stripe customer ids, invitations, hashed API keys of environments, surveys whose
JSON questions are about a product, the people who answer them (``Person``, identified only
by their ``Attribute`` rows: e-mail, user id, name, plan, language), their sessions and
events (JSON properties with the page and sometimes an e-mail), displays, responses (JSON
answers with free text, e-mails and phone numbers; meta with the browser and page; a copy
of the person's attributes), notes on responses naming the respondent, tags.
"""

from __future__ import annotations

import string

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, jsonb, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "formbricks/formbricks",
          "path": "packages/database/schema.prisma",
          "commit": "006e38b1a5bd45e165371a574a1bc7097ee992e9"}
PERSON_TABLES = ("User", "Person")

T = sa.Text
# keys and unique columns: text on PostgreSQL, varchar(191) on MySQL/MariaDB as Prisma maps
# String there (an index needs a length)
S = sa.Text().with_variant(mysql.VARCHAR(191), "mysql", "mariadb")
B = sa.Boolean
I = sa.Integer  # noqa: E741
TS = sa.DateTime
N_USERS = 70
N_PEOPLE = 400
_ts = datetimes(2022, 2024)
_ALNUM = string.ascii_lowercase + string.digits


def _cuid(c):  # type: ignore[no-untyped-def]
    return "cl" + "".join(c.rng.choice(_ALNUM) for _ in range(23))


def _id():  # type: ignore[no-untyped-def]
    return col("id", S, _cuid, pk=True)


def _stamps():  # type: ignore[no-untyped-def]
    return [col("created_at", TS, _ts), col("updated_at", TS, _ts)]


def _user_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.1:
        return None
    return G["full_name"](c) if r < 0.85 else c.person["first"]


def _id_token(c):  # type: ignore[no-untyped-def]
    if c.row["provider"] != "google":
        return None
    import base64
    import json
    body = json.dumps({"iss": "https://accounts.google.com", "sub": c.row["providerAccountId"],
                       "email": c.person["email"], "email_verified": True,
                       "name": f"{c.person['first']} {c.person['last']}"},
                      ensure_ascii=False).encode()
    b64 = base64.urlsafe_b64encode(body).decode().rstrip("=")
    return f"eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.{b64}.{G['token'](_p(c, n=86, style='url'))}"


def _account_id(c):  # type: ignore[no-untyped-def]
    if c.row["provider"] == "github":
        return str(c.rng.randint(10**5, 10**8))
    return str(c.rng.randint(10**20, 10**21 - 1))


def _team_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return f"{c.person['first']}'s Team"
    if r < 0.55:
        return "My Team"
    return G["company"](c)


QUESTIONS = [
    {"id": "q1", "type": "openText", "headline": "What would you like to know?",
     "placeholder": "Type your answer here...", "required": True},
    {"id": "q2", "type": "rating", "headline": "How easy was the onboarding?", "scale": "number",
     "range": 5},
    {"id": "q3", "type": "multipleChoiceSingle", "headline": "What is your role?",
     "choices": [{"id": "c1", "label": "Engineer"}, {"id": "c2", "label": "Founder"}]},
    {"id": "q4", "type": "nps", "headline": "How likely are you to recommend us?"},
]


def _answers(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    d: dict = {}
    if c.rng.random() < 0.8:
        r = c.rng.random()
        d["q1"] = (f"Please call me back on {G['phone'](c)}" if r < 0.12 else
                   f"You can reach me at {p['email']}" if r < 0.25 else
                   f"I'm {p['first']}, our team needs SSO" if r < 0.32 else
                   c.rng.choice(["Pricing for teams", "Export to CSV", "Dark mode please",
                                 "Integration with HubSpot", "Nothing, all good", ""]))
    if c.rng.random() < 0.7:
        d["q2"] = c.rng.randint(1, 5)
    if c.rng.random() < 0.6:
        d["q3"] = c.rng.choice(["Engineer", "Founder"])
    if c.rng.random() < 0.5:
        d["q4"] = c.rng.randint(0, 10)
    if c.rng.random() < 0.1:
        d["verifiedEmail"] = p["email"]
    return d


def _meta(c):  # type: ignore[no-untyped-def]
    return {"source": c.rng.choice(["", "linkedin", "newsletter"]),
            "url": c.rng.choice(["https://app.example.com/dashboard",
                                 "https://app.example.com/settings/billing",
                                 "https://example.com/pricing"]),
            "userAgent": {"browser": c.rng.choice(["Chrome", "Firefox", "Safari"]),
                          "os": c.rng.choice(["Mac OS", "Windows", "iOS", "Android"]),
                          "device": c.rng.choice(["desktop", "phone"])}}


def _person_attributes(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    p = c.person
    d = {"userId": f"usr_{c.rng.randint(1000, 99999)}", "email": p["email"]}
    if c.rng.random() < 0.5:
        d["name"] = f"{p['first']} {p['last']}"
    if c.rng.random() < 0.5:
        d["plan"] = c.rng.choice(["free", "pro", "enterprise"])
    return d


def _attr_value(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.3:
        return p["email"]
    if r < 0.5:
        return f"usr_{c.rng.randint(1000, 99999)}"
    if r < 0.65:
        return f"{p['first']} {p['last']}"
    if r < 0.8:
        return c.rng.choice(["free", "pro", "enterprise", "trial"])
    if r < 0.9:
        return c.rng.choice(["en", "de", "fr", "ja"])
    return G["company"](c)


def _event_props(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return {}
    if r < 0.9:
        return {"path": c.rng.choice(["/dashboard", "/settings", "/billing", "/onboarding"]),
                "title": c.rng.choice(["Dashboard", "Settings", "Billing"])}
    return {"email": new_person(c)["email"], "action": "newsletter_signup"}


def _note(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    r = c.rng.random()
    if r < 0.4:
        return f"Followed up with {p['first']} {p['last']} by phone"
    if r < 0.55:
        return f"Customer is {p['email']}, forwarded to sales"
    return c.rng.choice(["Feature request logged", "Duplicate of an earlier answer",
                         "Needs product review", "Bug confirmed", "Spam"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "User", N_USERS,
          _id(), *_stamps(),
          col("name", T, _user_name, nullable=True),
          col("email", S, "email", unique=True),
          col("email_verified", TS, _ts, null=0.2),
          col("password", T, lambda c: None if c.rng.random() < 0.3 else
              G["password_hash"](_p(c, style="bcrypt12")), nullable=True),
          col("onboardingCompleted", B, "choice", values=[True, True, False]),
          col("identityProvider", T, "choice", values=["email", "email", "github", "google"]),
          col("identityProviderAccountId", T, lambda c: None if c.row["identityProvider"] ==
              "email" else str(c.rng.randint(10**5, 10**8)), nullable=True),
          col("groupId", T, lambda c: None, nullable=True),
          col("role", T, "choice", values=[None, "project_manager", "engineer", "founder",
                                           "marketing_specialist", "other"], nullable=True),
          col("objective", T, "choice", values=[None, "increase_conversion",
                                                "improve_user_retention", "support_sales",
                                                "other"], nullable=True),
          col("notificationSettings", jsonb(), lambda c: {} if c.rng.random() < 0.5 else
              {"alert": {_cuid(c): True}, "weeklySummary": {_cuid(c): c.rng.random() < 0.5}}))
    table(md, "Account", 45,
          _id(), *_stamps(),
          col("userId", S, fk="User.id"),
          col("type", T, "const", value="oauth"),
          col("provider", S, "choice", values=["github", "google"]),
          col("providerAccountId", S, _account_id),
          col("access_token", T, lambda c: ("gho_" + G["token"](_p(c, n=36, style="url")))
              if c.row["provider"] == "github" else
              ("ya29." + G["token"](_p(c, n=150, style="url"))), nullable=True),
          col("refresh_token", T, lambda c: None if c.row["provider"] == "github" else
              "1//0" + G["token"](_p(c, n=100, style="url")), nullable=True),
          col("expires_at", I, lambda c: None if c.row["provider"] == "github" else
              c.rng.randint(1_670_000_000, 1_700_000_000), nullable=True),
          col("token_type", T, lambda c: "bearer" if c.row["provider"] == "github" else
              "Bearer", nullable=True),
          col("scope", T, lambda c: "read:user,user:email" if c.row["provider"] == "github"
              else "openid https://www.googleapis.com/auth/userinfo.email", nullable=True),
          col("id_token", T, _id_token, nullable=True),
          col("session_state", T, lambda c: None, nullable=True),
          sa.UniqueConstraint("provider", "providerAccountId"))
    table(md, "Team", 50,
          _id(), *_stamps(),
          col("name", T, _team_name),
          col("plan", T, "choice", values=["free", "free", "free", "pro"]),
          col("stripeCustomerId", T, lambda c: None if c.rng.random() < 0.7 else
              "cus_" + G["token"](_p(c, n=14, style="url")).replace("-", "A").replace(
                  "_", "b"), nullable=True))
    table(md, "Membership", 90,
          col("teamId", S, fk="Team.id", pk=True),
          col("userId", S, fk="User.id", pk=True),
          col("accepted", B, "choice", values=[True, True, True, False]),
          col("role", T, "choice", values=["owner", "admin", "editor", "developer", "viewer"]))
    table(md, "Invite", 30,
          col("id", S, "uuid_str", pk=True),
          col("email", T, "email"),
          col("name", T, lambda c: None if c.rng.random() < 0.3 else G["full_name"](c),
              nullable=True),
          col("teamId", S, fk="Team.id"),
          col("creatorId", S, fk="User.id"),
          col("acceptorId", S, fk="User.id", null=0.7),
          col("accepted", B, "choice", values=[False, False, True]),
          col("createdAt", TS, _ts),
          col("expiresAt", TS, _ts),
          col("role", T, "choice", values=["admin", "editor", "developer", "viewer"]))
    table(md, "Product", 60,
          _id(), *_stamps(),
          col("name", T, "choice", values=["My Product", "Web App", "iOS App", "Checkout",
                                           "Docs", "Marketing site", "Dashboard"]),
          col("teamId", S, fk="Team.id"),
          col("brandColor", T, "choice", values=["#64748b", "#0ea5e9", "#f97316", "#22c55e"]),
          col("highlightBorderColor", T, "choice", values=[None, None, "#cbd5e1"],
              nullable=True),
          col("recontactDays", I, "choice", values=[7, 7, 14, 30]),
          col("formbricksSignature", B, "choice", values=[True, True, False]),
          col("placement", T, "choice", values=["bottomRight", "bottomLeft", "center"]),
          col("clickOutsideClose", B, "choice", values=[True, False]),
          col("darkOverlay", B, "choice", values=[False, False, True]))
    table(md, "Environment", 120,
          _id(), *_stamps(),
          col("type", T, lambda c: ["production", "development"][c.index % 2]),
          col("productId", S, fk="Product.id"),
          col("widgetSetupCompleted", B, "choice", values=[True, False]))
    table(md, "ApiKey", 40,
          col("id", S, _cuid, pk=True, unique=True),
          col("createdAt", TS, _ts),
          col("lastUsedAt", TS, _ts, null=0.4),
          col("label", T, "choice", values=[None, "Zapier", "Production", "n8n", "Make"],
              nullable=True),
          col("hashedKey", S, token_of(64, "hex"), unique=True),
          col("environmentId", S, fk="Environment.id"))
    table(md, "Survey", 90,
          _id(), *_stamps(),
          col("name", T, "choice", values=["Product Market Fit", "Onboarding Segmentation",
                                           "Churn Survey", "Feature Chaser", "NPS Q3",
                                           "Pricing feedback", "Untitled Survey"]),
          col("redirectUrl", T, lambda c: None if c.rng.random() < 0.85 else
              "https://example.com/thank-you", nullable=True),
          col("type", T, "choice", values=["web", "web", "link", "email", "mobile"]),
          col("environmentId", S, fk="Environment.id"),
          col("status", T, "choice", values=["draft", "inProgress", "inProgress", "paused",
                                             "completed"]),
          col("questions", jsonb(), lambda c: c.rng.sample(QUESTIONS, c.rng.randint(1, 4))),
          col("thankYouCard", jsonb(), lambda c: {"enabled": True, "headline": "Thank you!",
                                                  "subheader": "We appreciate your feedback."}
              if c.rng.random() < 0.6 else {"enabled": False}),
          col("displayOption", T, "choice", values=["displayOnce", "displayMultiple",
                                                    "respondMultiple"]),
          col("recontactDays", I, "choice", values=[None, None, 7, 14], nullable=True),
          col("autoClose", I, "choice", values=[None, None, 10, 30], nullable=True),
          col("delay", I, "choice", values=[0, 0, 5]),
          col("autoComplete", I, "choice", values=[None, None, 100, 250], nullable=True),
          col("closeOnDate", TS, _ts, null=0.85),
          col("surveyClosedMessage", jsonb(), lambda c: None if c.rng.random() < 0.8 else
              {"heading": "Survey Completed", "subheading": "This survey is closed."},
              nullable=True),
          col("verifyEmail", jsonb(), lambda c: None if c.rng.random() < 0.85 else
              {"name": "Verify your email", "subheading": "To respond to this survey"},
              nullable=True))
    table(md, "Person", N_PEOPLE,
          _id(), *_stamps(),
          col("environmentId", S, fk="Environment.id"))
    table(md, "AttributeClass", 60,
          _id(), *_stamps(),
          col("name", S, "choice", values=["userId", "email", "name", "plan", "language",
                                           "company", "role"]),
          col("description", T, "choice", values=[None, "The user's email", "Pricing plan"],
              nullable=True),
          col("archived", B, "choice", values=[False, False, False, True]),
          col("type", T, "choice", values=["automatic", "code", "code", "noCode"]),
          col("environmentId", S, fk="Environment.id"),
          sa.UniqueConstraint("name", "environmentId"))
    table(md, "Attribute", 900,
          _id(), *_stamps(),
          col("attributeClassId", S, fk="AttributeClass.id"),
          col("personId", S, fk="Person.id"),
          col("value", T, _attr_value),
          sa.UniqueConstraint("attributeClassId", "personId"))
    table(md, "Session", 700,
          _id(), *_stamps(),
          col("expiresAt", TS, _ts),
          col("personId", S, fk="Person.id"))
    table(md, "EventClass", 80,
          _id(), *_stamps(),
          col("name", S, "choice", values=["New Session", "Exit Intent (Desktop)",
                                           "50% Scroll", "Clicked Upgrade", "Viewed Pricing",
                                           "Invited Teammate"]),
          col("description", T, "choice", values=[None, "Gets fired when a new session is "
                                                  "created", "A user scrolled 50%"],
              nullable=True),
          col("type", T, "choice", values=["automatic", "code", "noCode"]),
          col("noCodeConfig", jsonb(), lambda c: None if c.rng.random() < 0.6 else
              {"type": "pageView", "pageUrl": {"rule": "contains", "value": "/pricing"}},
              nullable=True),
          col("environmentId", S, fk="Environment.id"),
          sa.UniqueConstraint("name", "environmentId"))
    table(md, "Event", 1200,
          _id(),
          col("created_at", TS, _ts),
          col("eventClassId", S, fk="EventClass.id", null=0.1),
          col("sessionId", S, fk="Session.id"),
          col("properties", jsonb(), _event_props))
    table(md, "Display", 600,
          _id(), *_stamps(),
          col("surveyId", S, fk="Survey.id"),
          col("personId", S, fk="Person.id", null=0.3),
          col("status", T, "choice", values=["seen", "responded"]))
    table(md, "Response", 500,
          _id(), *_stamps(),
          col("finished", B, "choice", values=[True, True, False]),
          col("surveyId", S, fk="Survey.id"),
          col("personId", S, fk="Person.id", null=0.35),
          col("data", jsonb(), _answers),
          col("meta", jsonb(), _meta),
          col("personAttributes", jsonb(), _person_attributes, nullable=True))
    table(md, "ResponseNote", 80,
          _id(), *_stamps(),
          col("responseId", S, fk="Response.id"),
          col("userId", S, fk="User.id"),
          col("text", T, _note))
    table(md, "Tag", 40,
          _id(), *_stamps(),
          col("name", S, "choice", values=["bug", "feature-request", "pricing", "urgent",
                                           "churn-risk", "praise", "onboarding"]),
          col("environmentId", S, fk="Environment.id"),
          sa.UniqueConstraint("environmentId", "name"))
    table(md, "TagsOnResponses", 200,
          col("responseId", S, fk="Response.id", pk=True),
          col("tagId", S, fk="Tag.id", pk=True))
    return md
