"""Rallly (meeting polls and scheduling, TypeScript and Prisma, PostgreSQL): a held-out schema
(issue #10), labelled before any scan and never tuned on. The tables Prisma creates from
``packages/database/prisma/models/{user,space,poll,event}.prisma``: 17 models, all their
scalar columns, snake_case names as mapped, ``text`` for ``String`` (``citext`` e-mail
columns are ``text`` here), ``timestamp(3)`` for ``DateTime``, ``jsonb`` for ``Json``; the
Prisma enums as ``VARCHAR`` (``ENUM`` on MariaDB); ``text`` keys and unique ``text``
columns are ``VARCHAR(255)`` on MariaDB. Relations are declared as Prisma declares them;
references to models not included (calendars, event types, sheet slots) are values.

Tables: users (name, e-mail, profile image URL, Stripe customer id, ban reason, time
zone and locale), OAuth and credential accounts (provider subject, access, refresh and id
tokens, password hash), sessions (token, IP, user agent, impersonation), verifications
(e-mail identifiers and one-time codes), spaces, their members, invitations and API keys,
polls (titles, descriptions, locations, some at someone's home), participants (name,
e-mail, free-text notes, edit tokens), poll invitations (e-mail, token), poll activity
(JSON naming participants), date options, votes, comments (author name, text naming
people), scheduled events (location and conferencing JSON) and event invitations (invitee
name, e-mail, time zone).
"""

from __future__ import annotations

import base64
import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, jsonb, table, token_of

SOURCE = {"repo": "lukevella/rallly",
          "path": "packages/database/prisma/models/{user,space,poll,event}.prisma",
          "commit": "c629b3148024e40a115a731d3660d725c9329b0e"}
PERSON_TABLES = ("users",)

T = sa.Text
I = sa.Integer  # noqa: E741
B = sa.Boolean
TS = sa.DateTime

_ts = datetimes(2022, 2025)


def vtext() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    """Prisma ``String`` used as a key or unique: ``text``, ``VARCHAR(255)`` on MariaDB."""
    return sa.Text().with_variant(sa.String(255), "mysql", "mariadb")


def _p(c, **params):  # type: ignore[no-untyped-def]
    c.params = params
    return c


def _cuid(c):  # type: ignore[no-untyped-def]
    return "c" + "".join(c.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))


def _nanoid(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=16, style="url"))


def _name(c):  # type: ignore[no-untyped-def]
    return G["full_name"](c)


def _image(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return None
    if r < 0.8:
        return "https://lh3.googleusercontent.com/a/" + G["token"](_p(c, n=40, style="url")) \
            + "=s96-c"
    return f"https://rallly-uploads.example/avatars/{_cuid(c)}.jpg"


def _provider_account_id(c):  # type: ignore[no-untyped-def]
    prov = c.row["provider"]
    if prov == "google":
        return str(c.rng.randint(10 ** 20, 10 ** 21 - 1))
    if prov == "microsoft-entra-id":
        return G["uuid_str"](c)
    return c.row["user_id"]


def _jwt(c):  # type: ignore[no-untyped-def]
    if c.row["provider"] != "google":
        return None
    head = base64.urlsafe_b64encode(b'{"alg":"RS256","typ":"JWT"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(json.dumps(
        {"iss": "https://accounts.google.com", "sub": c.row["provider_account_id"],
         "email": c.person["email"], "name": _name(c)}, ensure_ascii=False).encode()
    ).decode().rstrip("=")
    return f"{head}.{body}.{G['token'](_p(c, n=86, style='url'))}"


def _oauth_token(prefix: str, n: int):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        if c.row["provider"] == "credential":
            return None
        return prefix + G["token"](_p(c, n=n, style="url"))
    return gen


def _password(c):  # type: ignore[no-untyped-def]
    if c.row["provider"] != "credential":
        return None
    return G["password_hash"](_p(c, style="bcrypt"))


def _verif_identifier(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([f"email-verification-otp-{c.person['email']}",
                         f"sign-in-otp-{c.person['email']}", c.person["email"],
                         f"reset-password:{G['token'](_p(c, n=24, style='url'))}"])


def _verif_value(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return f"{c.rng.randint(0, 999999):06d}:0"
    return G["token"](_p(c, n=32, style="url"))


POLL_TITLES = ["Team lunch", "Sprint planning", "Book club - March", "Board meeting Q3",
               "Climbing trip", "Parents' evening", "Band rehearsal", "1:1 catch-up",
               "Neighbourhood clean-up", "Game night"]


def _location(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.45:
        return None
    if r < 0.55:
        return ""
    if r < 0.7:
        return f"{c.person['first']}'s place, {G['street'](c)}, {G['city'](c)}"
    return c.rng.choice(["Zoom", "Office, 3rd floor", "Café Central", "Google Meet",
                         "Community hall", "Main library, room 2"])


def _description(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([None, "", "Pick all the dates that work for you.",
                         "Bring snacks!", "Agenda to follow.", "Please vote by Friday."])


NOTES = ["", "", "Might be 10 min late", "Only after 6pm", "Call me if it changes: {phone}",
         "Bringing my partner {first2}", "Vegetarian please", "I can drive 3 people"]

COMMENTS = ["Works for me!", "Can we do the week after?", "{first2} can't make Thursday.",
            "I'll book the room.", "Ask {first2} {last2} whether the projector works.",
            "Great, see you all there", "Email me at {email} with the address", "+1"]


def _note(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.5:
        return None
    return G["template"](_p(c, texts=NOTES))


def _activity_payload(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    p = c.person
    if t in ("participant.added", "participant.updated"):
        return {"name": _name(c), "email": p["email"] if c.rng.random() < 0.6 else None}
    if t == "comment.added":
        return {"authorName": p["first"]}
    if t == "invite.sent":
        return {"email": p["email"]}
    return {}


def _sched_location(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.6:
        return {"type": "address", "address": f"{G['street'](c)}, {G['city'](c)}"}
    return {"type": "text", "value": c.rng.choice(["Meeting room B", "Café Central",
                                                   "Online"])}


def _conferencing(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    if r < 0.75:
        code = "-".join("".join(c.rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(k))
                        for k in (3, 4, 3))
        return {"type": "google_meet", "url": f"https://meet.google.com/{code}"}
    return {"type": "zoom", "url": f"https://zoom.us/j/{c.rng.randint(10 ** 9, 10 ** 10)}",
            "passcode": f"{c.rng.randint(100000, 999999)}"}


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "users", 70,
          col("id", vtext(), _cuid, pk=True),
          col("name", T, lambda c: c.rng.choice([_name(c), c.person["first"], "Guest"])),
          col("email", vtext(), "email", unique=True),
          col("email_verified", B, "bool", null=0.2),
          col("image", T, _image, nullable=True),
          col("time_zone", T, "timezone", null=0.3),
          col("week_start", I, "choice", values=[0, 1], null=0.5),
          col("time_format", enum("hours12", "hours24"), "choice", values=["hours12", "hours24"],
              null=0.5),
          col("locale", T, "locale", null=0.3),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.3),
          col("customer_id", T, lambda c: "cus_" + G["token"](_p(c, n=14, style="url")),
              null=0.75),
          col("banned", B, lambda c: c.rng.random() < 0.04),
          col("banned_at", TS, _ts, null=0.96),
          col("ban_reason", T, "choice", values=["Spam", "Abuse", "Phishing polls"], null=0.96),
          col("ban_expires", TS, _ts, null=0.98),
          col("role", enum("admin", "user"), lambda c: "admin" if c.index == 0 else "user"),
          col("last_login_method", T, "choice", values=["email", "google", "microsoft"],
              null=0.3),
          col("anonymous", B, lambda c: c.rng.random() < 0.1),
          col("last_seen_at", TS, _ts),
          col("deleted_at", TS, _ts, null=0.95),
          col("default_destination_calendar_id", T, _cuid, null=0.85))
    table(md, "accounts", 60,
          col("id", vtext(), _cuid, pk=True),
          col("user_id", vtext(), fk="users.id"),
          col("provider", vtext(), "choice", values=["google", "credential",
                                                     "microsoft-entra-id", "google"]),
          col("provider_account_id", vtext(), _provider_account_id),
          col("refresh_token", T, _oauth_token("1//0", 100), nullable=True),
          col("access_token", T, _oauth_token("ya29.", 150), nullable=True),
          col("expires_at", I, "int", lo=1700000000, hi=1760000000, null=0.3),
          col("scope", T, "choice", values=["openid email profile",
                                            "openid email profile https://www.googleapis.com/"
                                            "auth/calendar"], null=0.3),
          col("id_token", T, _jwt, nullable=True),
          col("access_token_expires_at", TS, _ts, null=0.3),
          col("refresh_token_expires_at", TS, _ts, null=0.6),
          col("password", T, _password, nullable=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("provider", "provider_account_id"))
    table(md, "sessions", 150,
          col("id", vtext(), token_of(32, "url"), pk=True),
          col("expires_at", TS, _ts),
          col("token", vtext(), token_of(32, "url"), unique=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("ip_address", T, "ip", null=0.1),
          col("user_agent", T, "user_agent", null=0.1),
          col("user_id", vtext(), fk="users.id"),
          col("impersonated_by", vtext(), fk="users.id", null=0.97))
    table(md, "verifications", 40,
          col("id", vtext(), token_of(32, "url"), pk=True),
          col("identifier", vtext(), _verif_identifier, unique=True),
          col("value", T, _verif_value),
          col("expires_at", TS, _ts),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "spaces", 50,
          col("id", vtext(), "uuid_str", pk=True),
          col("name", T, "choice", values=["Personal", "Personal", "Marketing team",
                                           "Book club", "Engineering", "Family"]),
          col("image", T, lambda c: f"https://rallly-uploads.example/spaces/{_cuid(c)}.png",
              null=0.8),
          col("owner_id", vtext(), fk="users.id"),
          col("tier", enum("hobby", "pro"), "choice", values=["hobby", "hobby", "pro"]),
          col("primary_color", T, "choice", values=["#4f46e5", "#16a34a", "#e11d48"], null=0.7),
          col("show_branding", B, "bool"),
          col("hide_attribution", B, "bool"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "space_members", 90,
          col("id", vtext(), "uuid_str", pk=True),
          col("space_id", vtext(), fk="spaces.id"),
          col("user_id", vtext(), fk="users.id"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("role", enum("ADMIN", "MEMBER"), "choice", values=["ADMIN", "MEMBER", "MEMBER"]),
          col("last_selected_at", TS, _ts),
          sa.UniqueConstraint("space_id", "user_id"))
    table(md, "space_member_invites", 25,
          col("id", vtext(), "uuid_str", pk=True),
          col("space_id", vtext(), fk="spaces.id"),
          col("email", vtext(), "email"),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("role", enum("ADMIN", "MEMBER"), "choice", values=["ADMIN", "MEMBER", "MEMBER"]),
          col("inviter_id", vtext(), fk="users.id"),
          sa.UniqueConstraint("space_id", "email"))
    table(md, "space_api_keys", 12,
          col("id", vtext(), _cuid, pk=True),
          col("space_id", vtext(), fk="spaces.id"),
          col("name", T, "choice", values=["Zapier", "CI", "Internal dashboard"]),
          col("prefix", vtext(), lambda c: "sk_" + G["token"](_p(c, n=8, style="hex")),
              unique=True),
          col("hashed_key", T, token_of(64, "hex")),
          col("last_used_at", TS, _ts, null=0.4),
          col("expires_at", TS, _ts, null=0.7),
          col("revoked_at", TS, _ts, null=0.85),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts))
    table(md, "scheduled_events", 40,
          col("id", vtext(), _cuid, pk=True),
          col("user_id", vtext(), fk="users.id"),
          col("space_id", vtext(), fk="spaces.id"),
          col("event_type_id", T, _cuid, null=0.8),
          col("sheet_slot_id", vtext(), _cuid, unique=True, null=0.9),
          col("title", T, "choice", values=POLL_TITLES),
          col("description", T, _description, nullable=True),
          col("location", jsonb(), _sched_location, nullable=True),
          col("conferencing", jsonb(), _conferencing, nullable=True),
          col("capacity", I, "int", lo=2, hi=50, null=0.8),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("status", enum("confirmed", "canceled", "unconfirmed"), "choice",
              values=["confirmed", "confirmed", "canceled", "unconfirmed"]),
          col("time_zone", T, "timezone", null=0.3),
          col("start", TS, _ts),
          col("end", TS, _ts),
          col("all_day", B, lambda c: c.rng.random() < 0.2),
          col("deleted_at", TS, _ts, null=0.95),
          col("sequence", I, "int", hi=3),
          col("uid", vtext(), lambda c: f"{_cuid(c)}@rallly.co", unique=True),
          col("hide_attendees", B, "bool"))
    table(md, "scheduled_event_invites", 120,
          col("id", vtext(), _cuid, pk=True),
          col("uid", vtext(), "uuid_str", unique=True),
          col("scheduled_event_id", vtext(), fk="scheduled_events.id"),
          col("invitee_name", T, "full_name"),
          col("invitee_email", vtext(), "email"),
          col("invitee_id", vtext(), fk="users.id", null=0.7),
          col("invitee_time_zone", T, "timezone", null=0.3),
          col("invitee_locale", T, "locale", null=0.4),
          col("status", enum("pending", "accepted", "declined", "tentative"), "choice",
              values=["pending", "accepted", "declined", "tentative"]),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("scheduled_event_id", "invitee_email"))
    table(md, "polls", 150,
          col("id", vtext(), _nanoid, pk=True),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          col("deadline", TS, _ts, null=0.8),
          col("title", T, "choice", values=POLL_TITLES),
          col("description", T, _description, nullable=True),
          col("location", T, _location, nullable=True),
          col("user_id", vtext(), fk="users.id", null=0.2),
          col("time_zone", T, "timezone", null=0.4),
          col("status", enum("open", "closed", "scheduled", "canceled"), "choice",
              values=["open", "open", "closed", "scheduled", "canceled"]),
          col("closed_reason", enum("auto", "manual"), "choice", values=["auto", "manual"],
              null=0.7),
          col("kind", enum("date", "time"), "choice", values=["date", "time"]),
          col("deleted", B, lambda c: c.rng.random() < 0.05),
          col("deleted_at", TS, _ts, null=0.95),
          col("event_id", vtext(), _cuid, unique=True, null=0.85),
          col("scheduled_event_id", vtext(), fk="scheduled_events.id", null=0.8),
          col("hide_participants", B, "bool"),
          col("hide_scores", B, "bool"),
          col("disable_comments", B, "bool"),
          col("require_participant_email", B, "bool"),
          col("muted", B, "bool"),
          col("space_id", vtext(), fk="spaces.id", null=0.2))
    table(md, "participants", 500,
          col("id", vtext(), _cuid, pk=True),
          col("name", T, lambda c: c.rng.choice([_name(c), c.person["first"],
                                                 c.person["first"] + " " + c.person["last"][:1]])),
          col("email", T, "email", null=0.5),
          col("note", T, _note, nullable=True),
          col("token", vtext(), token_of(32, "url"), unique=True, null=0.3),
          col("user_id", vtext(), fk="users.id", null=0.75),
          col("poll_id", vtext(), fk="polls.id"),
          col("locale", T, "locale", null=0.5),
          col("time_zone", T, "timezone", null=0.5),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.4),
          col("deleted", B, lambda c: c.rng.random() < 0.03),
          col("deleted_at", TS, _ts, null=0.97))
    table(md, "poll_invites", 150,
          col("id", vtext(), _cuid, pk=True),
          col("poll_id", vtext(), fk="polls.id"),
          col("email", vtext(), "email"),
          col("token", vtext(), token_of(32, "url"), unique=True),
          col("opened_at", TS, _ts, null=0.5),
          col("reminded_at", TS, _ts, null=0.8),
          col("revoked_at", TS, _ts, null=0.95),
          col("participant_id", vtext(), fk="participants.id", unique=True, null=0.6),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts),
          sa.UniqueConstraint("poll_id", "email"))
    table(md, "poll_activities", 400,
          col("id", vtext(), _cuid, pk=True),
          col("poll_id", vtext(), fk="polls.id"),
          col("type", T, "choice", values=["participant.added", "participant.updated",
                                           "comment.added", "invite.sent", "poll.closed",
                                           "poll.reopened"]),
          col("user_id", T, ref="users.id", null=0.6),
          col("participant_id", T, ref="participants.id", null=0.5),
          col("invite_id", T, ref="poll_invites.id", null=0.8),
          col("option_id", T, ref="options.id", null=0.85),
          col("payload", jsonb(), _activity_payload),
          col("created_at", TS, _ts))
    table(md, "options", 600,
          col("id", vtext(), _cuid, pk=True),
          col("start_time", TS, _ts),
          col("duration_minutes", I, "choice", values=[0, 0, 30, 60, 90, 120]),
          col("poll_id", vtext(), fk="polls.id"),
          col("created_at", TS, _ts))
    table(md, "votes", 1500,
          col("id", vtext(), _cuid, pk=True),
          col("participant_id", vtext(), fk="participants.id"),
          col("option_id", vtext(), fk="options.id"),
          col("poll_id", vtext(), fk="polls.id"),
          col("type", enum("yes", "no", "ifNeedBe"), "choice", values=["yes", "no", "ifNeedBe"]),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.6))
    table(md, "comments", 200,
          col("id", vtext(), _cuid, pk=True),
          col("content", T, "template", texts=COMMENTS),
          col("poll_id", vtext(), fk="polls.id"),
          col("author_name", T, lambda c: c.rng.choice([_name(c), c.person["first"]])),
          col("user_id", vtext(), fk="users.id", null=0.6),
          col("created_at", TS, _ts),
          col("updated_at", TS, _ts, null=0.7))
    return md

