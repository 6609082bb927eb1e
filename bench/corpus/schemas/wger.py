"""wger (fitness, workout and nutrition manager with gym administration, Django): a held-out
schema (issue #10), labelled before any scan and never tuned on. The tables Django creates
for these models (default table names ``<app>_<model>``, ``<field>_id`` reference columns,
foreign keys declared as Django declares them): ``wger/core/models/{profile,language}.py``,
``wger/gym/models/{gym,contract,admin_user_note,user_document,user_config}.py``,
``wger/weight/models.py``, ``wger/measurements/models/{category,measurement}.py``,
``wger/gallery/models/image.py``, ``wger/manager/models/session.py``,
``wger/nutrition/models/plan.py``, ``wger/mailer/models/log.py`` and Django's ``auth_user``;
18 tables, all their columns. References to routines and days (tables not included) are
values. ``UUIDField`` is ``uuid`` on PostgreSQL, ``CHAR(32)`` elsewhere.

Tables: auth_user (user name, names, e-mail, pbkdf2 hash), core_userprofile (birth date,
age, height, gender, daily hours and intensities, calories; the trainer who added the
member), gyms (name, owner's name, the gym's own address and phone), contract types and
options, contracts (a member's e-mail, postal address, phone, profession, amount, free-text
notes), trainers' notes about members, member documents (uploaded file names and titles
naming the member, storage paths with the member id), gym user config, body weight entries,
measurement categories and measurements, progress photos (paths with the user id),
workout sessions, nutrition plans and the e-mail log of messages sent to members.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, new_person, table
from ..gen import with_params as _p

SOURCE = {"repo": "wger-project/wger",
          "path": "wger/{core,gym,weight,measurements,gallery,manager,nutrition,mailer}/models",
          "commit": "aaba20184527b018e10f1be576202aa7e7cb4c21"}
PERSON_TABLES = ("auth_user", "core_userprofile")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
B = sa.Boolean
D = sa.Date
TS = sa.DateTime
U = sa.Uuid
N = sa.Numeric

N_USER = 150
N_GYM = 4

_ts = datetimes(2016, 2025)


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _contract_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return None
    return c.rng.choice([
        f"Paid by employer, contact {_name(c)} in HR.",
        "Student discount, proof until end of semester.",
        "Knee injury, no squats until cleared by physio.",
        f"Family plan together with {_name(c)}.", "", "SEPA mandate signed.",
        f"Referred by {_name(c)}, first month free.",
    ])


def _admin_note(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([
        "Asked about personal training packages.",
        f"Called {G['phone'](c)} about the overdue payment, no answer.",
        f"Pregnant, adjusted plan; talk to {_name(c)} before changes.",
        "Wants to pause membership in August.",
        "Complained about the changing rooms.",
        f"Back pain since car accident, see letter from Dr. {new_person(c)['last']}.",
        "Very motivated, goal: half marathon.",
    ])


def _doc_original(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"contract_{p['first']}_{p['last']}.pdf".lower(),
                         f"Ausweis {p['last']}.jpg", "scan0001.pdf", "IMG_2044.JPG",
                         f"medical_certificate_{p['last']}.pdf", "sepa-mandate.pdf",
                         "student_id.png"])


def _doc_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice(["Contract", "ID card", "Medical certificate", "SEPA mandate",
                         f"ID {p['first']} {p['last']}", "Student ID", ""])


def _mail_body(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        f"Dear {p['first']} {p['last']},\n\nwe have not seen you for 4 weeks. "
        "Is everything all right?\n\nYour gym team",
        "Dear members,\n\nthe gym is closed on public holidays.\n\nYour gym team",
        f"Hi {p['first']},\n\nyour contract ends next month. Call us at +49 30 1234567.",
        "Reminder: new course schedule from Monday.",
    ])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "auth_user", N_USER,
          col("id", I, pk=True, auto=True),
          col("password", S(128), "password_hash", style="pbkdf2", nullable=False),
          col("last_login", TS, _ts, null=0.15),
          col("is_superuser", B, lambda c: c.index == 0, nullable=False),
          col("username", S(150), lambda c: c.person["username"] if c.rng.random() < 0.85
              else G["token"](_p(c, n=12, style="url")), unique=True, nullable=False),
          col("first_name", S(150), "first_name", empty=0.3, nullable=False),
          col("last_name", S(150), "last_name", empty=0.35, nullable=False),
          col("email", S(254), "email", empty=0.1, nullable=False),
          col("is_staff", B, lambda c: c.index < 6, nullable=False),
          col("is_active", B, "bool", nullable=False),
          col("date_joined", TS, _ts, nullable=False))
    table(md, "core_language", 5,
          col("id", I, pk=True, auto=True),
          col("short_name", S(2), lambda c: ["de", "en", "es", "fr", "nl"][c.index],
              nullable=False),
          col("full_name", S(30), lambda c: ["Deutsch", "English", "Español", "Français",
                                             "Nederlands"][c.index], nullable=False),
          col("full_name_en", S(30), lambda c: ["German", "English", "Spanish", "French",
                                                "Dutch"][c.index], nullable=False))
    table(md, "gym_gym", N_GYM,
          col("id", I, pk=True, auto=True),
          col("name", S(60), lambda c: ["Iron Temple", "FitWerk Mitte", "Studio Sol",
                                        "Crossbox Nord"][c.index], nullable=False),
          col("phone", S(20), lambda c: f"+49 30 {c.rng.randint(1000000, 9999999)}", null=0.2),
          col("email", S(254), lambda c: ["info@irontemple.example", "hallo@fitwerk.example",
                                          "contact@studiosol.example",
                                          "box@crossbox.example"][c.index], null=0.2),
          col("owner", S(100), "full_name", null=0.2),
          col("zip_code", S(10), "postcode", null=0.2),
          col("city", S(30), "city", null=0.2),
          col("street", S(30), lambda c: f"Gewerbehof {c.rng.randint(1, 40)}", null=0.2))
    table(md, "core_userprofile", N_USER,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", unique=True, nullable=False),
          col("gym_id", I, fk="gym_gym.id", null=0.5),
          col("is_temporary", B, lambda c: c.rng.random() < 0.1, nullable=False),
          col("workout_reminder_active", B, "bool", nullable=False),
          col("workout_reminder", I, "int", lo=1, hi=30, nullable=False),
          col("workout_duration", I, "int", lo=1, hi=30, nullable=False),
          col("last_workout_notification", D, "date", null=0.6),
          col("notification_language_id", I, fk="core_language.id", nullable=False),
          col("weight_rounding", N(4, 2), "choice", values=[1.25, 2.5, 1.0], null=0.7),
          col("repetitions_rounding", N(4, 2), "choice", values=[1.0, 0.5], null=0.8),
          col("age", I, lambda c: 2025 - c.person["born"].year, null=0.4),
          col("birthdate", D, lambda c: c.person["born"], null=0.55),
          col("height", I, "int", lo=150, hi=200, null=0.4),
          col("gender", S(1), lambda c: "1" if c.person["male"] else "2", null=0.3),
          col("sleep_hours", I, "int", lo=5, hi=9, null=0.4),
          col("work_hours", I, "int", lo=0, hi=10, null=0.4),
          col("work_intensity", S(1), "choice", values=["1", "2", "3"], null=0.4),
          col("sport_hours", I, "int", lo=0, hi=12, null=0.4),
          col("sport_intensity", S(1), "choice", values=["1", "2", "3"], null=0.4),
          col("freetime_hours", I, "int", lo=0, hi=8, null=0.4),
          col("freetime_intensity", S(1), "choice", values=["1", "2", "3"], null=0.4),
          col("calories", I, "int", lo=1600, hi=3500, null=0.4),
          col("weight_unit", S(2), "choice", values=["kg", "kg", "lb"], nullable=False),
          col("num_days_weight_reminder", I, "int", lo=0, hi=7, nullable=False),
          col("added_by_id", I, fk="auth_user.id", null=0.7),
          col("can_add_user", B, lambda c: c.rng.random() < 0.05, nullable=False),
          col("trophies_enabled", B, "bool", nullable=False))
    table(md, "gym_gymuserconfig", 60,
          col("id", I, pk=True, auto=True),
          col("gym_id", I, fk="gym_gym.id", nullable=False),
          col("user_id", I, fk="auth_user.id", unique=True, nullable=False),
          col("include_inactive", B, "bool", nullable=False))
    table(md, "gym_contracttype", 6,
          col("id", I, pk=True, auto=True),
          col("gym_id", I, fk="gym_gym.id", nullable=False),
          col("name", S(25), lambda c: ["Standard", "Student", "Premium", "Family", "Corporate",
                                        "Off-peak"][c.index], nullable=False),
          col("description", T, "lorem", words=10, null=0.4))
    table(md, "gym_contractoption", 6,
          col("id", I, pk=True, auto=True),
          col("gym_id", I, fk="gym_gym.id", nullable=False),
          col("name", S(25), lambda c: ["Sauna", "Drinks flat", "Towel", "Locker",
                                        "Personal training", "Courses"][c.index],
              nullable=False),
          col("description", T, "lorem", words=8, null=0.5))
    table(md, "gym_contract", 90,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("member_id", I, fk="auth_user.id", nullable=False),
          col("timestamp_created", TS, _ts, nullable=False),
          col("timestamp_edited", TS, _ts, nullable=False),
          col("contract_type_id", I, fk="gym_contracttype.id", null=0.2),
          col("amount", N(12, 2), "money", lo=15, hi=120, nullable=False),
          col("payment", S(2), "choice", values=["1", "2", "3", "4"], nullable=False),
          col("is_active", B, "bool", nullable=False),
          col("date_start", D, "date", null=0.05),
          col("date_end", D, "date", null=0.6),
          col("email", S(254), "email", null=0.3),
          col("zip_code", S(10), "postcode", null=0.3),
          col("city", S(30), "city", null=0.3),
          col("street", S(30), "street", null=0.3),
          col("phone", S(20), "phone", null=0.3),
          col("profession", S(50), lambda c: c.fake().job(), null=0.5),
          col("note", T, _contract_note, nullable=True))
    table(md, "gym_contract_options", 120,
          col("id", I, pk=True, auto=True),
          col("contract_id", I, fk="gym_contract.id", nullable=False),
          col("contractoption_id", I, fk="gym_contractoption.id", nullable=False),
          sa.UniqueConstraint("contract_id", "contractoption_id"))
    table(md, "gym_adminusernote", 80,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("member_id", I, fk="auth_user.id", nullable=False),
          col("timestamp_created", TS, _ts, nullable=False),
          col("timestamp_edited", TS, _ts, nullable=False),
          col("note", T, _admin_note, nullable=False))
    table(md, "gym_userdocument", 60,
          col("id", I, pk=True, auto=True),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("member_id", I, fk="auth_user.id", nullable=False),
          col("timestamp_created", TS, _ts, nullable=False),
          col("timestamp_edited", TS, _ts, nullable=False),
          col("document", S(100), lambda c: f"gym/documents/{c.rng.randint(1, N_GYM)}/"
              f"{c.row['member_id']}/{G['uuid_str'](c)}", nullable=False),
          col("original_name", S(128), _doc_original, nullable=False),
          col("name", S(60), _doc_name, nullable=False),
          col("note", T, _contract_note, nullable=True))
    table(md, "weight_weightentry", 900,
          col("id", I, pk=True, auto=True),
          col("uuid", U, "uuid", unique=True, nullable=False),
          col("date", TS, _ts, nullable=False),
          col("weight", N(5, 2), lambda c: round(c.rng.uniform(48, 130), 2), nullable=False),
          col("user_id", I, fk="auth_user.id", nullable=False),
          sa.UniqueConstraint("date", "user_id"))
    table(md, "measurements_category", 60,
          col("id", U, "uuid", pk=True),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("name", S(100), "choice", values=["Biceps", "Waist", "Body fat", "Chest", "Hips",
                                                "Resting pulse", "Blood pressure (sys)"],
              nullable=False),
          col("unit", S(30), "choice", values=["cm", "%", "bpm", "mmHg", "in"],
              nullable=False))
    table(md, "measurements_measurement", 500,
          col("id", U, "uuid", pk=True),
          col("category_id", U, fk="measurements_category.id", nullable=False),
          col("date", TS, _ts, nullable=False),
          col("value", N(6, 2), lambda c: round(c.rng.uniform(8, 140), 2), nullable=False),
          col("notes", S(100), "choice", values=["", "", "morning", "after training",
                                                 "fasted", "new scale"], nullable=False),
          sa.UniqueConstraint("date", "category_id"))
    table(md, "gallery_image", 120,
          col("id", I, pk=True, auto=True),
          col("date", D, "date", nullable=False),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("image", S(100), lambda c: f"gallery/{c.row['user_id']}/{G['uuid_str'](c)}"
              f"{c.rng.choice(['.jpg', '.png', '.jpeg'])}", nullable=False),
          col("height", I, "int", lo=600, hi=4000, nullable=False),
          col("width", I, "int", lo=600, hi=4000, nullable=False),
          col("description", T, "choice", values=["", "Front", "Side", "Back", "Week 4",
                                                  "Before the cut", "After 12 weeks"],
              nullable=False))
    table(md, "manager_workoutsession", 400,
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("id", U, "uuid", pk=True),
          col("routine_id", I, "int", lo=1, hi=200, null=0.2),
          col("day_id", I, "int", lo=1, hi=600, null=0.3),
          col("date", D, "date", nullable=False),
          col("notes", T, "choice", values=["Felt strong", "Tired, short session",
                                            "New PR on deadlift", "Shoulder hurt a bit",
                                            "Gym crowded", ""], null=0.4),
          col("impression", S(2), "choice", values=["1", "2", "3"], nullable=False),
          col("time_start", sa.Time, None, null=0.3),
          col("time_end", sa.Time, None, null=0.3),
          sa.UniqueConstraint("date", "user_id", "routine_id"))
    table(md, "nutrition_nutritionplan", 100,
          col("id", U, "uuid", pk=True),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("creation_date", D, "date", nullable=False),
          col("start", D, "date", nullable=False),
          col("end", D, "date", null=0.6),
          col("description", S(80), "choice", values=["", "Cutting", "Bulk winter",
                                                      "Maintenance", "Vegan plan", "Keto test"],
              nullable=False),
          col("only_logging", B, "bool", nullable=False),
          col("goal_energy", I, "int", lo=1500, hi=3500, null=0.5),
          col("goal_protein", I, "int", lo=60, hi=250, null=0.5),
          col("goal_carbohydrates", I, "int", lo=50, hi=450, null=0.5),
          col("goal_fiber", I, "int", lo=15, hi=45, null=0.7),
          col("goal_fat", I, "int", lo=30, hi=150, null=0.5),
          col("has_goal_calories", B, "bool", nullable=False))
    table(md, "mailer_log", 120,
          col("id", I, pk=True, auto=True),
          col("date", D, "date", nullable=False),
          col("user_id", I, fk="auth_user.id", nullable=False),
          col("gym_id", I, fk="gym_gym.id", nullable=False),
          col("subject", S(100), "choice", values=["We miss you", "Holiday opening hours",
                                                   "Your contract", "New courses"],
              nullable=False),
          col("body", T, _mail_body, nullable=False))
    return md
