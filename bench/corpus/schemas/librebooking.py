"""LibreBooking (resource and room booking, PHP, MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as
``database_schema/create-schema.sql`` creates them (the phpScheduleIt 2.0-era base schema,
later ``upgrades/*/schema.sql`` not applied): 18 of its 24 tables, all their columns.
MySQL ``mediumint``/``smallint``/``tinyint`` unsigned are portable integers; foreign keys as
the file declares them (``blackout_series`` declares none: its references are values; the
self reference ``groups.admin_group_id`` is generated as values).

Tables: users (names, user name, e-mail, a salted SHA-1 password and its salt, a legacy
MD5 password from phpScheduleIt, organisation, position, phone, time zone), user statuses,
groups and memberships, layouts and their time blocks, schedules, resources (rooms and
equipment, with a free-text contact that names the person in charge and notes), per-user
resource permissions, reservation types and statuses, reservation series (titles and
descriptions that name guests or patients in part, owner), instances with their
reference numbers, participants and invitees, reserved resources, blackouts, announcements
and e-mail preferences.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "LibreBooking/app", "path": "database_schema/create-schema.sql",
          "commit": "364153139072c0e0f4a32275f5e9a47eeac5d327"}
PERSON_TABLES = ("users",)

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
TS = sa.DateTime
TM = sa.Time

N_USER = 120
N_RES = 20
N_SERIES = 250

_ts = datetimes(2016, 2025)


def _legacy(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=13, style="hex")) + "abc"[c.rng.randint(0, 2)] * 3


def _contact(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    ext = f"{p['last']}, ext. {c.rng.randint(100, 999)}"
    return c.rng.choice([f"{p['first']} {p['last']}", ext,
                         p["email"], f"{p['first']} {p['last']} {G['phone'](c)}",
                         "Facilities desk", "IT service desk", ""])


NOTES = ["Key at reception", "Projector remote in drawer", "Ask {first} {last} for the key",
         "Max 12 people", "Broken chair reported by {first} on {n}", "", "",
         "Cleaning Mondays 7-9"]

TITLES = ["Team meeting", "Weekly sync", "Interview {first} {last}", "Sprint review",
          "Patient {last}, {first}", "Training", "Call with {first}", "Board meeting",
          "Lab slot", "Vorstellungsgespräch {last}", "Workshop", "Lunch & learn"]

DESCS = ["", "", "Agenda in the shared drive", "Guest: {first2} {last2} ({email})",
         "Bring laptop", "Please call {phone} if late", "Recurring until end of term",
         "Catering for 8"]


def _ref(c):  # type: ignore[no-untyped-def]
    return G["token"](_p(c, n=13, style="hex")) + str(c.rng.randint(100, 999))


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "announcements", 6,
          col("announcementid", I, pk=True, auto=True),
          col("announcement_text", T, lambda c: [
              "The booking system will be down for maintenance on Saturday.",
              "New rooms available in building C.", "Please cancel unused reservations.",
              "Projectors in rooms 2.01-2.05 replaced.", "Summer opening hours apply.",
              "Welcome to the new booking system!"][c.index]),
          col("priority", I, "int", lo=1, hi=5, null=0.3),
          col("start_date", TS, _ts, null=0.3),
          col("end_date", TS, _ts, null=0.4))
    table(md, "layouts", 3,
          col("layout_id", I, pk=True, auto=True),
          col("timezone", S(50), "choice", values=["Europe/Berlin", "America/Chicago", "UTC"]))
    table(md, "time_blocks", 30,
          col("block_id", I, pk=True, auto=True),
          col("label", S(85), "choice", values=["Morning", "Lunch", "Period 1", None],
              nullable=True),
          col("end_label", S(85), "choice", values=[None, "End"], nullable=True),
          col("availability_code", I, "choice", values=[1, 2]),
          col("layout_id", I, fk="layouts.layout_id", nullable=False),
          col("start_time", TM, lambda c: G["datetime"](c).time().replace(second=0,
                                                                           microsecond=0)),
          col("end_time", TM, lambda c: G["datetime"](c).time().replace(second=0,
                                                                         microsecond=0)))
    table(md, "schedules", 4,
          col("schedule_id", I, pk=True, auto=True),
          col("name", S(85), lambda c: ["Rooms", "Equipment", "Labs", "Vehicles"][c.index]),
          col("isdefault", I, lambda c: int(c.index == 0)),
          col("weekdaystart", I, "choice", values=[0, 1]),
          col("daysvisible", I, "choice", values=[5, 7]),
          col("layout_id", I, fk="layouts.layout_id", nullable=False),
          col("legacyid", S(16), _legacy, null=0.5))
    table(md, "groups", 8,
          col("group_id", I, pk=True, auto=True),
          col("name", S(85), lambda c: ["Staff", "Students", "Admins", "Chemistry",
                                        "Marketing", "Guests", "Managers", "Lab users"][c.index]),
          col("admin_group_id", I, lambda c: 3 if c.index > 3 else None, nullable=True),
          col("legacyid", S(16), _legacy, null=0.7))
    table(md, "user_statuses", 3,
          col("status_id", I, pk=True, g=lambda c: c.index + 1),
          col("description", S(85), lambda c: ["Active", "Awaiting", "Inactive"][c.index],
              nullable=True))
    table(md, "users", N_USER,
          col("user_id", I, pk=True, auto=True),
          col("fname", S(85), lambda c: c.person["first"], null=0.02),
          col("lname", S(85), lambda c: c.person["last"], null=0.02),
          col("username", S(85), lambda c: c.rng.choice([c.person["username"],
                                                          c.person["email"]]), null=0.1),
          col("email", S(85), lambda c: c.person["email"]),
          col("password", S(85), lambda c: G["sha1"](c)),
          col("salt", S(85), lambda c: G["token"](_p(c, n=8, style="hex"))),
          col("organization", S(85), "company", null=0.5),
          col("position", S(85), "choice", values=["Professor", "Lab technician", "Student",
                                                   "Assistant", "Head of IT", ""], null=0.5),
          col("phone", S(85), "phone", null=0.5),
          col("timezone", S(85), "timezone"),
          col("language", S(10), "choice", values=["en_us", "de_de", "fr_fr", "es", "pt_br"]),
          col("homepageid", I, "choice", values=[1, 1, 2]),
          col("date_created", TS, _ts),
          col("last_modified", TS, _ts, null=0.3),
          col("lastlogin", TS, _ts, null=0.2),
          col("status_id", I, fk="user_statuses.status_id", nullable=False),
          col("legacyid", S(16), _legacy, null=0.7),
          col("legacypassword", S(32), lambda c: G["token"](_p(c, n=32, style="hex")),
              null=0.7))
    table(md, "user_groups", 150,
          col("user_id", I, fk="users.user_id", pk=True),
          col("group_id", I, fk="groups.group_id", pk=True))
    table(md, "resources", N_RES,
          col("resource_id", I, pk=True, auto=True),
          col("name", S(85), lambda c: c.rng.choice(["Room", "Raum", "Lab", "Beamer",
                                                     "Van", "Meeting room"]) +
              f" {c.index + 1}"),
          col("location", S(85), "choice", values=["Building A, 2nd floor", "Hauptgebäude 1.14",
                                                   "Basement", "Annex"], null=0.3),
          col("contact_info", S(85), _contact, null=0.3),
          col("description", T, "choice", values=["Seats 12, whiteboard", "Video conference",
                                                  "", "Mobile projector"], null=0.3),
          col("notes", T, "template", texts=NOTES, null=0.4),
          col("isactive", I, lambda c: int(c.rng.random() < 0.9)),
          col("min_duration", I, "choice", values=[None, 900, 1800], nullable=True),
          col("min_increment", I, "choice", values=[None, 900], nullable=True),
          col("max_duration", I, "choice", values=[None, 14400, 28800], nullable=True),
          col("unit_cost", sa.Numeric(7, 2), "money", lo=0, hi=200, null=0.7),
          col("autoassign", I, "choice", values=[0, 1]),
          col("requires_approval", I, "choice", values=[0, 0, 1]),
          col("allow_multiday_reservations", I, "choice", values=[0, 1]),
          col("max_participants", I, "int", lo=2, hi=40, null=0.5),
          col("min_notice_time", I, "choice", values=[None, 3600, 86400], nullable=True),
          col("max_notice_time", I, "choice", values=[None, 2592000], nullable=True),
          col("image_name", S(50),
              lambda c: f"resource{c.index + 1}.{c.rng.choice(['jpg', 'png'])}",
              null=0.6),
          col("schedule_id", I, fk="schedules.schedule_id", nullable=False),
          col("legacyid", S(16), _legacy, null=0.7))
    table(md, "user_resource_permissions", 200,
          col("user_id", I, fk="users.user_id", pk=True),
          col("resource_id", I, fk="resources.resource_id", pk=True),
          col("permission_id", I, "choice", values=[0, 1]))
    table(md, "reservation_types", 2,
          col("type_id", I, pk=True, g=lambda c: c.index + 1),
          col("label", S(85), lambda c: ["Reservation", "Blackout"][c.index]))
    table(md, "reservation_statuses", 3,
          col("status_id", I, pk=True, g=lambda c: c.index + 1),
          col("label", S(85), lambda c: ["Created", "Deleted", "Pending"][c.index]))
    table(md, "reservation_series", N_SERIES,
          col("series_id", I, pk=True, auto=True),
          col("date_created", TS, _ts),
          col("last_modified", TS, _ts, null=0.5),
          col("title", S(85), "template", texts=TITLES),
          col("description", T, "template", texts=DESCS, null=0.4),
          col("allow_participation", I, "choice", values=[0, 1]),
          col("allow_anon_participation", I, "choice", values=[0, 0, 1]),
          col("type_id", I, fk="reservation_types.type_id", nullable=False),
          col("status_id", I, fk="reservation_statuses.status_id", nullable=False),
          col("repeat_type", S(10), "choice", values=["none", "daily", "weekly", "monthly"],
              null=0.3),
          col("repeat_options", S(255), "choice", values=[
              "interval=1|termination=20250630000000", "interval=2|days=1,3",
              "interval=1|type=dayOfMonth"], null=0.5),
          col("owner_id", I, fk="users.user_id", nullable=False),
          col("legacyid", S(16), _legacy, null=0.8))
    table(md, "reservation_instances", 600,
          col("reservation_instance_id", I, pk=True, auto=True),
          col("start_date", TS, _ts),
          col("end_date", TS, _ts),
          col("reference_number", S(50), _ref),
          col("series_id", I, fk="reservation_series.series_id", nullable=False))
    table(md, "reservation_users", 900,
          col("reservation_instance_id", I, fk="reservation_instances.reservation_instance_id",
              pk=True),
          col("user_id", I, fk="users.user_id", pk=True),
          col("reservation_user_level", I, "choice", values=[1, 1, 2, 3]))
    table(md, "reservation_resources", 300,
          col("series_id", I, fk="reservation_series.series_id", pk=True),
          col("resource_id", I, fk="resources.resource_id", pk=True),
          col("resource_level_id", I, "choice", values=[1, 1, 2]))
    table(md, "blackout_series", 15,
          col("blackout_series_id", I, pk=True, auto=True),
          col("date_created", TS, _ts),
          col("last_modified", TS, _ts, null=0.5),
          col("title", S(85), "choice", values=["Maintenance", "Holiday", "Renovation",
                                                "Exam period", "Cleaning"]),
          col("description", T, "choice", values=["", "Painters on site", None],
              nullable=True),
          col("owner_id", I, ref="users.user_id"),
          col("resource_id", I, ref="resources.resource_id"),
          col("legacyid", S(16), _legacy, null=0.9))
    table(md, "user_email_preferences", 180,
          col("user_id", I, fk="users.user_id", pk=True),
          col("event_category", S(45), "choice", values=["reservation"], pk=True),
          col("event_type", S(45), "choice", values=["created", "updated", "deleted",
                                                     "approved"], pk=True))
    return md
