"""Cal.com (scheduling, TypeScript with Prisma, PostgreSQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as ``packages/prisma/schema.prisma``
declares them (the 2023 schema): 21 of its models, all their scalar columns except a
column subset of ``EventType``. Prisma on PostgreSQL: ``String`` ``text``, ``DateTime``
``timestamp(3)``, ``Json`` ``jsonb``, ``Int[]``/``String[]`` arrays (JSON on the other
engines), enums PostgreSQL enums (``VARCHAR`` here, ``ENUM`` on MariaDB); table names are
the model names (``users`` mapped), columns camelCase (``createdDate`` mapped to
``created``). On MariaDB a ``String`` is ``VARCHAR(191)`` as Prisma maps it there.
Foreign keys as the ``@relation`` attributes declare them.

Tables: users (user name, name, e-mail, bcrypt hash, bio, avatar as a data URL, encrypted
2FA secret, identity-provider id, metadata with a Stripe customer id), teams and
memberships, event types (locations JSON with the host's phone or address), credentials
(OAuth tokens of the user's calendar as JSON), destination calendars (calendar ids that
are e-mail addresses), verification tokens, bookings (titles naming host and attendee,
responses JSON with the attendee's name, e-mail, phone and notes, SMS reminder number,
group-booking slugs made of user names), attendees, booking references, payments (Stripe
data with billing details), schedules and availability, password-reset requests (the id
is the link token), webhooks, API keys (hashed), OAuth accounts (access, refresh and id
tokens), sessions, feedback, verified phone numbers and the app store.
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, jsonb, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "calcom/cal.com", "path": "packages/prisma/schema.prisma",
          "commit": "538eafd97abde9c6832dc44d1f2238027e2888ee"}
PERSON_TABLES = ("users", "Attendee")

I = sa.Integer  # noqa: E741
S = sa.Text().with_variant(mysql.VARCHAR(191), "mysql", "mariadb")  # Prisma String
LT = sa.Text  # @db.Text, and strings too long for VARCHAR(191) here
TS = sa.DateTime
B = sa.Boolean
J = jsonb()
IARR = sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(sa.Integer()), "postgresql")
SARR = sa.JSON(none_as_null=True).with_variant(postgresql.ARRAY(sa.Text()), "postgresql")

N_USER = 80
N_TEAM = 6
N_EVENT = 60
N_BOOKING = 400
APPS = ["google-calendar", "office365-calendar", "zoom", "daily-video", "stripe",
        "google-meet", "caldav-calendar", "zapier"]


_ts = datetimes(2021, 2025)


def _cuid(c):  # type: ignore[no-untyped-def]
    return "cl" + G["token"](_p(c, n=23, style="hex"))[:23]


def _avatar(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.8:
        raw = G["image"](c)
        kind = "png" if raw[:4] == b"\x89PNG" else "jpeg"
        return f"data:image/{kind};base64," + base64.b64encode(raw).decode()
    return f"https://www.gravatar.com/avatar/{G['token'](_p(c, n=32))}"


BIOS = ["", "Product designer based in {city}.", "Book a slot to talk about the project!",
        "Hi, I'm {first}. I help teams ship faster.", "Therapist. Sessions in English and "
        "German.", "Sales @ Acme | {phone}", "Office hours for students."]


def _user_meta(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.7:
        return {"stripeCustomerId": "cus_" + G["token"](_p(c, n=14, style="url"))}
    return {"proPaidForByTeamId": c.rng.randint(1, N_TEAM), "migratedToOrgFrom": {}}


def _locations(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.2:
        return None
    if r < 0.55:
        return [{"type": "integrations:daily"}]
    if r < 0.7:
        return [{"type": "integrations:zoom"}, {"type": "phone"}]
    if r < 0.85:
        return [{"type": "userPhone", "hostPhoneNumber": G["phone"](c)}]
    return [{"type": "inPerson", "address": G["street"](c) + ", " + G["city"](c)}]


EVENT_TITLES = ["15 Min Meeting", "30 Min Meeting", "Secret Meeting", "Discovery call",
                "Therapy session", "Erstgespräch", "Office hours", "Demo", "1:1",
                "Coffee chat", "初回相談"]


def _oauth_key(c):  # type: ignore[no-untyped-def]
    return {"access_token": "ya29." + G["token"](_p(c, n=120, style="url")),
            "refresh_token": "1//" + G["token"](_p(c, n=90, style="url")),
            "scope": "https://www.googleapis.com/auth/calendar.events",
            "token_type": "Bearer", "expiry_date": c.rng.randint(1_690_000_000_000,
                                                                 1_760_000_000_000)}


def _calendar_external_id(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return c.person["email"]
    if r < 0.8:
        return G["token"](_p(c, n=26)) + "@group.calendar.google.com"
    return "https://caldav.example.com/calendars/" + c.person["username"] + "/personal/"


def _booking_title(c):  # type: ignore[no-untyped-def]
    ev = c.rng.choice(EVENT_TITLES)
    if c.rng.random() < 0.7:
        host = new_person(c)
        return f"{ev} between {host['first']} {host['last']} and {c.person['first']} " \
               f"{c.person['last']}"
    return ev


NOTES = ["", "Looking forward to it!", "I'd like to discuss the contract renewal.",
         "Please call me on {phone}.", "My colleague {first2} {last2} will join too.",
         "Ich komme 5 Minuten später.", "Re: invoice {n}", "First session, referred by "
         "Dr. {dr}."]


def _responses(c):  # type: ignore[no-untyped-def]
    p = c.person
    out = {"name": f"{p['first']} {p['last']}", "email": p["email"],
           "location": {"value": "integrations:daily", "optionValue": ""}}
    if c.rng.random() < 0.3:
        out["location"] = {"value": "phone", "optionValue": G["phone"](c)}
    if c.rng.random() < 0.5:
        out["notes"] = G["template"](_p(c, texts=NOTES))
    if c.rng.random() < 0.2:
        out["guests"] = [c.fakers["en_US"].free_email()]
    if c.rng.random() < 0.2:
        out["rescheduleReason"] = "Conflict"
    return out


def _booking_location(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return "integrations:daily"
    if r < 0.65:
        return f"https://meet.google.com/{G['token'](_p(c, n=3, style='hex'))}-abcd-xyz"
    if r < 0.8:
        return G["phone"](c)
    if r < 0.9:
        return G["street"](c) + ", " + G["city"](c)
    return None


def _group_slug(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.9:
        return None
    return "+".join(G["username"](_p(c)) if i == 0 else c.fakers["en_US"].user_name()
                    for i in range(c.rng.randint(2, 3)))


def _payment_data(c):  # type: ignore[no-untyped-def]
    p = c.person
    return {"id": "pi_" + G["token"](_p(c, n=24, style="url")), "object": "payment_intent",
            "amount": c.row.get("amount"), "currency": c.row.get("currency"),
            "client_secret": "pi_" + G["token"](_p(c, n=40, style="url")),
            "billing_details": {"name": f"{p['first']} {p['last']}", "email": p["email"]}
            if c.rng.random() < 0.6 else None,
            "stripeAccount": "acct_1Lw" + G["token"](_p(c, n=13, style="url"))}


def _id_token(c):  # type: ignore[no-untyped-def]
    head = base64.urlsafe_b64encode(b'{"alg":"RS256","typ":"JWT"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(json.dumps(
        {"iss": "https://accounts.google.com", "sub": str(c.rng.randint(10**20, 10**21)),
         "email": c.person["email"], "name": f"{c.person['first']} {c.person['last']}"},
        ensure_ascii=False).encode()).decode().rstrip("=")
    return f"{head}.{body}.{G['token'](_p(c, n=86, style='url'))}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "App", len(APPS),
          col("slug", S, lambda c: APPS[c.index], pk=True),
          col("dirName", S, lambda c: APPS[c.index].replace("-", ""), unique=True),
          col("keys", J, lambda c: {"client_id": G["token"](_p(c, n=40)),
                                    "client_secret": G["token"](_p(c, n=32, style="url"))}
              if c.rng.random() < 0.6 else None, nullable=True),
          col("categories", SARR, lambda c: [c.rng.choice(["calendar", "video", "payment",
                                                           "automation"])]),
          col("createdAt", TS, _ts),
          col("updatedAt", TS, _ts),
          col("enabled", B, "bool"))
    table(md, "users", N_USER,
          col("id", I, pk=True, auto=True),
          col("username", S, "username", null=0.05, unique=True),
          col("name", S, "display_name", null=0.05),
          col("email", S, "email", unique=True),
          col("emailVerified", TS, _ts, null=0.3),
          col("password", S, "password_hash", style="bcrypt12", null=0.2),
          col("bio", LT, "template", texts=BIOS, null=0.4),
          col("avatar", LT, _avatar, nullable=True),
          col("timeZone", S, "timezone"),
          col("weekStart", S, "choice", values=["Sunday", "Monday"]),
          col("startTime", I, "const", value=0),
          col("endTime", I, "const", value=1440),
          col("bufferTime", I, "choice", values=[0, 0, 5, 10]),
          col("hideBranding", B, "bool"),
          col("theme", S, "choice", values=["light", "dark", None], nullable=True),
          col("created", TS, _ts),
          col("trialEndsAt", TS, _ts, null=0.7),
          col("defaultScheduleId", I, "int", lo=1, hi=100, null=0.2),
          col("completedOnboarding", B, "bool"),
          col("locale", S, "locale", null=0.3),
          col("timeFormat", I, "choice", values=[12, 24], null=0.1),
          col("twoFactorSecret", S, lambda c: G["token"](_p(c, n=32, style="hex")) + ":"
              + G["token"](_p(c, n=64, style="hex")), null=0.8),
          col("twoFactorEnabled", B, lambda c: c.row.get("twoFactorSecret") is not None),
          col("identityProvider", enum("CAL", "GOOGLE", "SAML"), "choice",
              values=["CAL", "CAL", "GOOGLE", "SAML"]),
          col("identityProviderId", S, lambda c: None if c.row["identityProvider"] == "CAL"
              else str(c.rng.randint(10**20, 10**21)), nullable=True),
          col("invitedTo", I, "int", lo=1, hi=N_TEAM, null=0.85),
          col("brandColor", S, "choice", values=["#292929", "#0e7490", "#e11d48"]),
          col("darkBrandColor", S, "choice", values=["#fafafa", "#f0abfc"]),
          col("away", B, lambda c: c.rng.random() < 0.1),
          col("allowDynamicBooking", B, "bool", null=0.1),
          col("metadata", J, _user_meta, nullable=True),
          col("verified", B, "bool", null=0.1),
          col("role", enum("USER", "ADMIN"), "choice", values=["USER"] * 9 + ["ADMIN"]),
          col("disableImpersonation", B, "bool"))
    table(md, "Team", N_TEAM,
          col("id", I, pk=True, auto=True),
          col("name", S, lambda c: ["Sales", "Support EU", "Acme Therapy", "Design Studio",
                                    "Recruiting", "Kundenservice"][c.index]),
          col("slug", S, lambda c: ["sales", "support-eu", "acme-therapy", "design",
                                    "recruiting", "kundenservice"][c.index], unique=True,
              nullable=True),
          col("logo", LT, lambda c: "https://cal.example.com/team/logo.png", null=0.5),
          col("appLogo", S, "url", null=0.9),
          col("appIconLogo", S, "url", null=0.9),
          col("bio", LT, "lorem", words=8, null=0.5),
          col("hideBranding", B, "bool"),
          col("hideBookATeamMember", B, "bool"),
          col("createdAt", TS, _ts),
          col("metadata", J, lambda c: c.rng.choice([None, {"isOrganization": False},
                                                     {"requestedSlug": "acme"}]),
              nullable=True),
          col("theme", S, "choice", values=["light", "dark"], null=0.6),
          col("brandColor", S, "const", value="#292929"),
          col("darkBrandColor", S, "const", value="#fafafa"))
    table(md, "Membership", 60,
          col("teamId", I, fk="Team.id", pk=True),
          col("userId", I, fk="users.id", pk=True),
          col("accepted", B, "bool"),
          col("role", enum("MEMBER", "ADMIN", "OWNER"), "choice",
              values=["MEMBER", "MEMBER", "ADMIN", "OWNER"]),
          col("disableImpersonation", B, "bool"))
    table(md, "EventType", N_EVENT,
          col("id", I, pk=True, auto=True),
          col("title", S, "choice", values=EVENT_TITLES),
          col("slug", S, lambda c: c.row["title"].lower().replace(" ", "-")
              + f"-{c.index}"),
          col("description", LT, "choice", values=["", "A quick chat.", "Bring your "
                                                   "questions.", None], nullable=True),
          col("position", I, "int", lo=0, hi=10),
          col("locations", J, _locations, nullable=True),
          col("length", I, "choice", values=[15, 30, 45, 60, 90]),
          col("hidden", B, lambda c: c.rng.random() < 0.1),
          col("userId", I, fk="users.id", null=0.2),
          col("teamId", I, fk="Team.id", null=0.8),
          col("eventName", S, "choice", values=["{Event type title} between {HOST} and "
                                                "{ATTENDEE}", "{ATTENDEE} x {HOST}"],
              null=0.7),
          col("bookingFields", J, lambda c: [{"name": "name", "type": "name",
                                              "required": True},
                                             {"name": "email", "type": "email",
                                              "required": True},
                                             {"name": "notes", "type": "textarea"}],
              null=0.4),
          col("timeZone", S, "timezone", null=0.7),
          col("periodType", enum("UNLIMITED", "ROLLING", "RANGE"), "choice",
              values=["UNLIMITED", "ROLLING", "RANGE"]),
          col("requiresConfirmation", B, "bool"),
          col("minimumBookingNotice", I, "choice", values=[120, 60, 1440]),
          col("seatsPerTimeSlot", I, "int", lo=2, hi=20, null=0.9),
          col("schedulingType", enum("ROUND_ROBIN", "COLLECTIVE", "MANAGED"), "choice",
              values=["ROUND_ROBIN", "COLLECTIVE"], null=0.8),
          col("price", I, "choice", values=[0, 0, 0, 5000]),
          col("currency", S, "choice", values=["usd", "eur"]),
          col("metadata", J, lambda c: c.rng.choice([None, {"apps": {"stripe": {
              "price": 5000, "currency": "eur"}}}, {"multipleDuration": [30, 60]}]),
              nullable=True),
          col("successRedirectUrl", S, "url", null=0.9))
    table(md, "Credential", 70,
          col("id", I, pk=True, auto=True),
          col("type", S, "choice", values=["google_calendar", "office365_calendar",
                                           "zoom_video", "stripe_payment"]),
          col("key", J, _oauth_key),
          col("userId", I, fk="users.id", null=0.05),
          col("appId", S, fk="App.slug", null=0.05),
          col("invalid", B, lambda c: c.rng.random() < 0.1, null=0.1))
    table(md, "DestinationCalendar", 40,
          col("id", I, pk=True, auto=True),
          col("integration", S, "choice", values=["google_calendar", "office365_calendar",
                                                  "caldav_calendar"]),
          col("externalId", S, _calendar_external_id),
          col("userId", I, fk="users.id", unique=True, null=0.3),
          col("eventTypeId", I, fk="EventType.id", unique=True, null=0.7),
          col("credentialId", I, fk="Credential.id", null=0.1))
    table(md, "VerificationToken", 30,
          col("id", I, pk=True, auto=True),
          col("identifier", S, "email"),
          col("token", S, lambda c: G["token"](_p(c, n=64)), unique=True),
          col("expires", TS, _ts),
          col("createdAt", TS, _ts),
          col("updatedAt", TS, _ts),
          sa.UniqueConstraint("identifier", "token"))
    table(md, "Booking", N_BOOKING,
          col("id", I, pk=True, auto=True),
          col("uid", S, lambda c: G["token"](_p(c, n=22, style="url")), unique=True),
          col("userId", I, fk="users.id", null=0.02),
          col("eventTypeId", I, fk="EventType.id", null=0.05),
          col("title", S, _booking_title),
          col("description", LT, "template", texts=NOTES, null=0.5),
          col("customInputs", J, lambda c: {"Phone": G["phone"](c)} if c.rng.random() < 0.1
              else None, nullable=True),
          col("responses", J, _responses, null=0.05),
          col("startTime", TS, _ts),
          col("endTime", TS, _ts),
          col("location", S, _booking_location, nullable=True),
          col("createdAt", TS, _ts),
          col("updatedAt", TS, _ts, null=0.4),
          col("status", enum("cancelled", "accepted", "rejected", "pending"), "choice",
              values=["accepted", "accepted", "accepted", "cancelled", "pending",
                      "rejected"]),
          col("paid", B, lambda c: c.rng.random() < 0.1),
          col("destinationCalendarId", I, fk="DestinationCalendar.id", null=0.6),
          col("cancellationReason", LT, "template", texts=[
              "Sick, sorry.", "Double booked", "{first} is on vacation, please rebook.",
              "Cancelled by the host"], null=0.85),
          col("rejectionReason", LT, "choice", values=["Fully booked", "Not available"],
              null=0.95),
          col("dynamicEventSlugRef", S, "choice", values=["15", "30", "60"], null=0.9),
          col("dynamicGroupSlugRef", S, _group_slug, nullable=True),
          col("rescheduled", B, "bool", null=0.6),
          col("fromReschedule", S, lambda c: G["token"](_p(c, n=22, style="url")),
              null=0.9),
          col("recurringEventId", S, "uuid_str", null=0.9),
          col("smsReminderNumber", S, "phone", null=0.85),
          col("scheduledJobs", SARR, lambda c: c.rng.choice([[], [], ["zapier_" + G["token"](
              _p(c, n=8))]])),
          col("metadata", J, lambda c: {"videoCallUrl": "https://app.cal.com/video/"
                                        + G["token"](_p(c, n=22, style="url"))}
              if c.rng.random() < 0.5 else None, nullable=True),
          col("isRecorded", B, lambda c: c.rng.random() < 0.05))
    table(md, "Attendee", 500,
          col("id", I, pk=True, auto=True),
          col("email", S, "email"),
          col("name", S, "full_name"),
          col("timeZone", S, "timezone"),
          col("locale", S, "locale", null=0.2),
          col("bookingId", I, fk="Booking.id", null=0.02))
    table(md, "BookingReference", 300,
          col("id", I, pk=True, auto=True),
          col("type", S, "choice", values=["google_calendar", "daily_video", "zoom_video",
                                           "office365_calendar"]),
          col("uid", S, lambda c: G["token"](_p(c, n=26))),
          col("meetingId", S, lambda c: str(c.rng.randint(10**9, 10**11)), null=0.4),
          col("meetingPassword", S, lambda c: G["token"](_p(c, n=8, style="url")), null=0.5),
          col("meetingUrl", S, lambda c: "https://acme.daily.co/" + G["token"](
              _p(c, n=20, style="url")), null=0.4),
          col("bookingId", I, fk="Booking.id", null=0.05),
          col("externalCalendarId", S, _calendar_external_id, null=0.5),
          col("deleted", B, "bool", null=0.8),
          col("credentialId", I, "int", lo=1, hi=70, null=0.3))
    table(md, "Payment", 40,
          col("id", I, pk=True, auto=True),
          col("uid", S, "uuid_str", unique=True),
          col("appId", S, fk="App.slug", null=0.1),
          col("bookingId", I, fk="Booking.id"),
          col("amount", I, "choice", values=[2500, 5000, 9000]),
          col("fee", I, "int", lo=0, hi=300),
          col("currency", S, "choice", values=["usd", "eur", "gbp"]),
          col("success", B, "bool"),
          col("refunded", B, lambda c: c.rng.random() < 0.1),
          col("data", J, _payment_data),
          col("externalId", S, lambda c: "pi_" + G["token"](_p(c, n=24, style="url")),
              unique=True),
          col("paymentOption", enum("ON_BOOKING", "HOLD"), "choice",
              values=["ON_BOOKING", "HOLD"], null=0.1))
    table(md, "Schedule", 100,
          col("id", I, pk=True, auto=True),
          col("userId", I, fk="users.id"),
          col("name", S, "choice", values=["Working Hours", "Arbeitszeiten", "Weekends",
                                           "Summer"]),
          col("timeZone", S, "timezone", null=0.4))
    table(md, "Availability", 300,
          col("id", I, pk=True, auto=True),
          col("userId", I, fk="users.id", null=0.6),
          col("eventTypeId", I, fk="EventType.id", null=0.9),
          col("days", IARR, lambda c: sorted(c.rng.sample(range(7), c.rng.randint(1, 5)))),
          col("startTime", sa.Time, None),
          col("endTime", sa.Time, None),
          col("date", sa.Date, "date", null=0.8),
          col("scheduleId", I, fk="Schedule.id", null=0.1))
    table(md, "ResetPasswordRequest", 20,
          col("id", S, _cuid, pk=True),
          col("createdAt", TS, _ts),
          col("updatedAt", TS, _ts),
          col("email", S, "email"),
          col("expires", TS, _ts))
    table(md, "Webhook", 15,
          col("id", S, "uuid_str", pk=True),
          col("userId", I, fk="users.id", null=0.3),
          col("eventTypeId", I, fk="EventType.id", null=0.7),
          col("subscriberUrl", S, lambda c: "https://hooks.zapier.com/hooks/catch/"
              + str(c.rng.randint(10**6, 10**7)) + "/" + G["token"](_p(c, n=6))),
          col("payloadTemplate", LT, "choice", values=['{"title":"{{title}}"}'], null=0.8),
          col("createdAt", TS, _ts),
          col("active", B, "bool"),
          col("eventTriggers", SARR, lambda c: ["BOOKING_CREATED", "BOOKING_CANCELLED"]),
          col("appId", S, fk="App.slug", null=0.6),
          col("secret", S, lambda c: G["token"](_p(c, n=32, style="url")), null=0.5),
          sa.UniqueConstraint("userId", "subscriberUrl"))
    table(md, "ApiKey", 25,
          col("id", S, _cuid, pk=True),
          col("userId", I, fk="users.id"),
          col("note", S, "choice", values=["Zapier", "n8n", "my script", "CRM sync"],
              null=0.3),
          col("createdAt", TS, _ts),
          col("expiresAt", TS, _ts, null=0.5),
          col("lastUsedAt", TS, _ts, null=0.4),
          col("hashedKey", S, "sha1", unique=True),
          col("appId", S, fk="App.slug", null=0.7))
    table(md, "Account", 30,
          col("id", S, _cuid, pk=True),
          col("userId", I, fk="users.id"),
          col("type", S, "const", value="oauth"),
          col("provider", S, "choice", values=["google", "saml"]),
          col("providerAccountId", S, lambda c: str(c.rng.randint(10**20, 10**21))),
          col("refresh_token", LT, lambda c: "1//" + G["token"](_p(c, n=90, style="url")),
              null=0.3),
          col("access_token", LT, lambda c: "ya29." + G["token"](_p(c, n=150, style="url")),
              null=0.1),
          col("expires_at", I, "int", lo=1_690_000_000, hi=1_760_000_000, null=0.1),
          col("token_type", S, "const", value="Bearer", null=0.1),
          col("scope", S, "const", value="openid email profile", null=0.1),
          col("id_token", LT, _id_token, null=0.2),
          col("session_state", S, lambda c: G["token"](_p(c, n=36)), null=0.9),
          sa.UniqueConstraint("provider", "providerAccountId"))
    table(md, "Session", 90,
          col("id", S, _cuid, pk=True),
          col("sessionToken", S, "uuid_str", unique=True),
          col("userId", I, fk="users.id"),
          col("expires", TS, _ts))
    table(md, "Feedback", 40,
          col("id", I, pk=True, auto=True),
          col("date", TS, _ts),
          col("userId", I, fk="users.id"),
          col("rating", S, "choice", values=["Extremely unsatisfied", "Satisfied",
                                             "Extremely satisfied"]),
          col("comment", LT, "template", texts=[
              "Love it", "Calendar sync is slow", "", "Please add WhatsApp reminders",
              "My client {first2} {last2} could not book", "Call me {phone} about "
              "enterprise pricing"], null=0.3))
    table(md, "VerifiedNumber", 20,
          col("id", I, pk=True, auto=True),
          col("userId", I, fk="users.id", null=0.2),
          col("teamId", I, fk="Team.id", null=0.8),
          col("phoneNumber", S, "phone"))
    return md
