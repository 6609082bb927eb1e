"""Discovery rules of the sixteenth corpus pass (issue #10), from the misses of Attendize,
Gibbon, LibreBooking and Traccar (held out in the fifteenth pass) and of Jellyfin and
Mealie: a street's parts under the street's own prefix, initials in any script and of a
person's row kept in another table, issued numbers beside blanks, the rows of a person's
type in a table of several kinds of item, paths into a person's folder, IP addresses
inside text, households and couples, a person's log-in in a URL, a device's positions
and unique id, the shapes of places named for people, companies and individuals in one
name column, and text stored as bytes read further. Each rule with a look-alike that
stays ``keep``."""

from __future__ import annotations

import random

import pytest

from classifiers import names as N
from classifiers.context import (
    _ip_in_text,
    _path_names_someone,
    _personal_login_url,
    apply_context,
)
from classifiers.verdict import FREE_TEXT, Verdict, text_verdict
from piigate.db import ColumnInfo, ForeignKey, Inventory
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_fifth_pass import _judge
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(16)
HEX = "0123456789abcdef"
FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas"]
LAST = ["Price", "Wade", "Rust", "Haering", "Becker", "Novak", "Lund", "Moreau", "Silva",
        "Keller"]


def _hex(n: int) -> str:
    return "".join(RNG.choice(HEX) for _ in range(n))


# -- a street's parts under the street's own words, a street over several lines ----------


def test_a_district_beside_a_street_written_over_several_lines(engine):
    streets = [f"{RNG.randint(1, 99)} {s} Street\n{RNG.randint(10000, 99999)} Springfield"
               for s in LAST]
    v = _one("gibbonPerson", {"id": "integer", "surname": "text", "address1": "text",
                              "address1District": "text", "address1Country": "text"},
             {"surname": LAST, "address1": streets,
              "address1District": ["North Erika", "Burgos", "Girona", "Bakel", "Lugo"] * 2,
              "address1Country": ["Spain"] * 10}, engine)
    assert v["address1District"].entity == N.REGION
    assert v["address1Country"].entity is None  # coarse, kept


def test_a_district_under_the_streets_own_prefix(engine):
    streets = [f"{RNG.randint(1, 99)} {s} Street" for s in LAST]
    v = _one("gibbonFamily", {"id": "integer", "homeAddress": "text",
                              "homeAddressDistrict": "text", "status": "text"},
             {"homeAddress": streets,
              "homeAddressDistrict": ["North Erika", "Burgos", "Girona", "Bakel", "Lugo"] * 2,
              "status": ["Married", "Separated"] * 5}, engine)
    assert v["homeAddressDistrict"].entity == N.REGION
    # look-alike: a region with no street of its own prefix in a table of no one
    v = _one("workflows", {"id": "integer", "name": "text", "homeDistrict": "text"},
             {"name": ["Intake", "Review"] * 5,
              "homeDistrict": ["North", "South", "East", "West", "Central"] * 2}, engine)
    assert v["homeDistrict"].entity is None


# -- initials in any script, of a person kept in another table ---------------------------


def test_initials_of_a_persons_row_kept_in_another_table(engine):
    t = _table("staff", {"id": "integer", "person_id": "integer", "initials": "text",
                         "jobTitle": "text"}, pk="id")
    t.foreign_keys.append(ForeignKey(None, "staff", ["person_id"], "person", ["id"]))
    initials = ["MRI", "JKN", "ÉPA", "ΣΤΡ", "山崎", "AWI", "김재", "OSE", "MFA", "YYO"]
    vals = {"person_id": list(range(10)), "initials": initials,
            "jobTitle": ["Teacher", "Librarian"] * 5}
    v = _judge([t], {"staff": vals}, engine, rows={"staff": _rows(10, **vals)})["staff"]
    assert v["initials"].entity == N.FIRST_NAME
    # look-alike: lower-case codes and codes with digits under the same name
    vals = {**vals, "initials": ["ab", "A1", "x9", "cd", "B2"] * 2}
    v = _judge([t], {"staff": vals}, engine, rows={"staff": _rows(10, **vals)})["staff"]
    assert v["initials"].entity is None


# -- issued numbers beside blanks, vehicle registrations, names in their own script ------


def _sampled(table: str, cols: dict[str, str], values: dict[str, list], engine
             ) -> dict[str, Verdict]:
    """As a scan judges a table: each column from its distinct values, ``rows`` its
    non-NULL count, then the table pass with the sampled rows."""
    t = _table(table, cols, pk="id")
    n = len(next(iter(values.values())))
    verdicts = {}
    for c in t.columns:
        vals = values.get(c, [])
        verdicts[c] = text_verdict(c, list(dict.fromkeys(x for x in vals if x)), engine) \
            if c in values else Verdict()
        verdicts[c].rows = sum(x is not None for x in vals) or 1
    apply_context(t, verdicts, Inventory("sqlite", {table: t}), rows=_rows(n, **values),
                  engine=engine)
    return verdicts


def test_issued_numbers_of_some_people_beside_blanks(engine):
    n = 60
    ids = [f"S{RNG.randint(100000, 999999)}" if i % 2 else "" for i in range(n)]
    cols = {"id": "integer", "surname": "text", "studentID": "text"}
    vals = {"surname": [LAST[i % 10] for i in range(n)], "studentID": ids}
    assert _sampled("person", cols, vals, engine)["studentID"].entity == N.PERSON_ID
    # look-alike: a plan code shared by many rows, blanks or not
    vals["studentID"] = [f"P{100000 + i % 25}" if i % 2 else "" for i in range(n)]
    assert _sampled("person", cols, vals, engine)["studentID"].entity is None


@pytest.mark.parametrize(("column", "entity"), [
    ("vehicleRegistration", N.PERSON_ID), ("registration_plate", N.PERSON_ID),
    ("nameInCharacters", N.PERSON), ("native_name", N.PERSON)])
def test_vehicle_registrations_and_names_in_their_own_script(column, entity):
    nm = N.match(column)
    assert nm is not None and nm.entity == entity


@pytest.mark.parametrize("column", ["registration", "registration_date", "vehicle_type",
                                    "character_name"])
def test_registrations_of_other_things_stay(column):
    nm = N.match(column)
    assert nm is None or nm.entity not in (N.PERSON_ID, N.PERSON)


# -- the rows of a person's type in a table of several kinds of item ----------------------


def _items(types: list[str], names: list[str], engine) -> dict[str, Verdict]:
    n = len(names)
    vals = {"Type": types, "Name": names, "SortName": [x.lower() for x in names],
            "CleanName": [x.lower().replace(" ", "") for x in names],
            "Path": [f"/media/{x}/{x}.mkv" for x in names],
            "Container": ["mkv", "mp4"] * (n // 2)}
    return _one("BaseItems", {"Id": "integer", **{c: "text" for c in vals}}, vals, engine,
                pk="Id")


FILMS = ["The Last Harbor", "Neon Meridian", "Winter Garden", "Echoes of Tomorrow",
         "Kind of Blue", "Crimson Tide Pool", "Midnight in Rome", "Hollow Creek"]


def test_names_in_the_rows_of_a_persons_type(engine):
    people = [f"{f} {la}" for f, la in zip(FIRST[:6], LAST[:6], strict=True)]
    names = FILMS * 3 + people
    types = ["MediaBrowser.Controller.Entities.Movies.Movie"] * 24 + \
        ["MediaBrowser.Controller.Entities.Person"] * 6
    v = _items(types, names, engine)
    for c in ("Name", "SortName", "CleanName", "Path"):
        assert v[c].entity == N.PERSON and v[c].partial, c
    assert v["Container"].entity is None


def test_rows_of_things_only_or_people_without_names_stay(engine):
    # look-alikes: the same table with no person's type, and person rows named by roles
    names = FILMS * 3 + ["Narrator", "Director", "Producer", "Writer", "Composer", "Guest"]
    v = _items(["Movie"] * 24 + ["Episode"] * 6, names, engine)
    assert v["SortName"].entity is None and v["CleanName"].entity is None
    v = _items(["Movie"] * 24 + ["Person"] * 6, names, engine)
    assert v["SortName"].entity is None and v["CleanName"].entity is None


# -- paths into a person's folder ---------------------------------------------------------


@pytest.mark.parametrize("value", [
    f"/config/metadata/users/{_hex(32)}/Helge.png", "/config/data/users/juliana.vieira/profile.jpg",
    "/home/anna/Documents/cv.pdf", r"C:\Users\jdoe\Pictures\me.jpg"])
def test_paths_into_a_persons_folder(value):
    assert _path_names_someone(value)


@pytest.mark.parametrize("value", [
    f"/config/metadata/users/{_hex(32)}/profile.png", "/var/www/users/42/avatar.jpg",
    "/media/movies/Neon Meridian (1993)/Neon Meridian.mkv", "uploads/2024/05/logo.png",
    "/api/v4/users/logout", "https://example.org/users/anna/photo.jpg"])
def test_paths_into_folders_of_ids_and_of_things(value):
    assert not _path_names_someone(value)


def test_a_profile_image_stored_under_the_users_name(engine):
    t = _table("ImageInfos", {"Id": "integer", "UserId": "integer", "Path": "text"}, pk="Id")
    t.foreign_keys.append(ForeignKey(None, "ImageInfos", ["UserId"], "Users", ["Id"]))
    paths = [f"/config/metadata/users/{_hex(32)}/{f}.png" for f in FIRST[:4]] + \
        ["/config/data/users/juliana.vieira/profile.jpg", "/config/data/users/hg7/p.jpg"]
    vals = {"UserId": list(range(6)), "Path": paths}
    v = _judge([t], {"ImageInfos": vals}, engine,
               rows={"ImageInfos": _rows(6, **vals)})["ImageInfos"]
    assert v["Path"].entity == N.USERNAME
    vals["Path"] = [f"/config/metadata/users/{_hex(32)}/avatar.png" for _ in range(6)]
    v = _judge([t], {"ImageInfos": vals}, engine,
               rows={"ImageInfos": _rows(6, **vals)})["ImageInfos"]
    assert v["Path"].entity is None


# -- IP addresses inside text ---------------------------------------------------------------


def test_ip_addresses_inside_text():
    assert _ip_in_text("IP address: 83.169.162.110") == "83.169.162.110"
    assert _ip_in_text("login from 10.2.3.4 failed") == "10.2.3.4"
    # look-alikes: versions, networks, dotted numbers that are no address
    assert _ip_in_text("Plugin Open Subtitles updated to version 20.0.0.0") is None
    assert _ip_in_text("Updated to v1.2.3.4") is None
    assert _ip_in_text("route 10.0.0.0 added") is None
    assert _ip_in_text("build 2024.05.17.3") is None


def test_a_log_column_with_ip_addresses_among_messages(engine):
    msgs = [f"IP address: {RNG.randint(11, 220)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}."
            f"{RNG.randint(1, 254)}" for _ in range(8)] + \
        ["Task failed: Object reference not set to an instance of an object."] * 6 + \
        ["Library scan took 00:02:31"] * 6
    v = _one("ActivityLogs", {"Id": "integer", "ShortOverview": "text"},
             {"ShortOverview": msgs}, engine, pk="Id")
    # (Presidio may find the addresses in the text first: then the column is free text
    # with IP addresses in it)
    assert v["ShortOverview"].is_pii
    # look-alike: one address among messages (a single client, below two)
    msgs = ["IP address: 83.169.162.110"] + ["Library scan took 00:02:31"] * 19
    v = _one("ActivityLogs", {"Id": "integer", "ShortOverview": "text"},
             {"ShortOverview": msgs}, engine, pk="Id")
    assert v["ShortOverview"].entity is None


# -- households and couples, a gift's recipient among company words ----------------------


def test_households_and_couples_named_in_a_groups_name(engine):
    names = ["Cabin 5", "Familie Piane", "Ferdinando & Michael", "Home", "Office lunch 2",
             "Teresa & Jonas", "WG Kochgruppe 3", "Cabin 6"]
    v = _one("groups", {"id": "integer", "name": "text"}, {"name": names}, engine)
    assert v["name"].is_pii
    # look-alike: companies of two surnames, and groups of no one
    names = ["Cabin 5", "Johnson & Johnson", "Marks & Spencer", "Home", "Office lunch 2",
             "Smith & Wesson", "WG Kochgruppe 3", "Cabin 6"]
    v = _one("groups", {"id": "integer", "name": "text"}, {"name": names}, engine)
    assert not v["name"].is_pii


def test_a_gift_for_someone_among_company_words(engine):
    notes = [f"Gift for {f} {la}" for f, la in zip(FIRST, LAST, strict=True)] + \
        ["Invoice to company please", "Vegetarian meal x2", "Wheelchair access needed"] * 10
    v = _one("orders", {"id": "integer", "notes": "text"}, {"notes": notes}, engine)
    assert v["notes"].entity == FREE_TEXT
    # look-alike: a shop's gift products
    notes = ["Gift wrap", "Gift card 50", "Gift box large", "Gifts for kids"] * 10
    v = _one("orders", {"id": "integer", "notes": "text"}, {"notes": notes}, engine)
    assert v["notes"].entity is None


def test_a_relation_to_someone_named_after_of(engine):
    comments = [f"Half-sibling of {f}" for f in FIRST[:8]] + \
        ["Lives with father on weekends"] * 12
    v = _one("familyChild", {"id": "integer", "comment": "text"}, {"comment": comments},
             engine)
    assert v["comment"].entity == FREE_TEXT
    # look-alike: ``of`` after no relation (``Bank of Ireland``, ``City of London``)
    comments = [f"Member of {x}" for x in ("Chess club", "Choir", "Band", "Robotics")] * 2 + \
        [f"Bank of {x}" for x in ("Ireland", "Scotland", "America", "Canada")] * 3
    v = _one("familyChild", {"id": "integer", "comment": "text"}, {"comment": comments},
             engine)
    assert v["comment"].entity is None


# -- a person's log-in in a URL ------------------------------------------------------------


def test_a_persons_log_in_and_password_in_a_url(engine):
    assert _personal_login_url("mailtos://tonya.thompson:hWGqk7MbehqfJp3l@gmail.com?to=x")
    assert _personal_login_url("imaps://anna%40example.org:s3cretPass@imap.example.org")
    # look-alikes: a service account, a bare token, a topic
    assert not _personal_login_url("postgres://app:secret99@db.internal/app")
    assert not _personal_login_url("pover://dLuzVXPm0SqifMO1MOTIPbptOPPi5J@96UWkhrg")
    assert not _personal_login_url("ntfy://ntfy.sh/mealie-ca2f790d4c")
    urls = ["ntfy://ntfy.sh/mealie-" + _hex(10) for _ in range(8)] + \
        ["mailtos://tonya.thompson:hWGqk7MbehqfJp3l@gmail.com"]
    v = _one("group_events_notifiers", {"id": "integer", "apprise_url": "text"},
             {"apprise_url": urls}, engine)
    assert v["apprise_url"].entity == N.CREDENTIAL
    v = _one("group_events_notifiers", {"id": "integer", "apprise_url": "text"},
             {"apprise_url": urls[:8]}, engine)
    assert v["apprise_url"].entity is None


# -- a device's positions over time and its unique id --------------------------------------


def _positions(ref: str, engine) -> dict[str, Verdict]:
    t = _table("tc_positions", {"id": "integer", "deviceid": "integer"}, pk="id")
    for c in ("latitude", "longitude"):
        t.columns[c] = ColumnInfo("tc_positions", c, "REAL", "float", True)
    t.columns["fixtime"] = ColumnInfo("tc_positions", "fixtime", "TIMESTAMP", "datetime", True)
    t.foreign_keys.append(ForeignKey(None, "tc_positions", ["deviceid"], ref, ["id"]))
    return _judge([t], {}, engine)["tc_positions"]


def test_coordinates_of_a_devices_positions(engine):
    v = _positions("tc_devices", engine)
    assert v["latitude"].entity == "LOCATION" and v["longitude"].entity == "LOCATION"
    # look-alike: positions of a weather station
    v = _positions("stations", engine)
    assert v["latitude"].entity is None


def test_a_devices_unique_id_one_a_row(engine):
    imeis = [str(RNG.randint(10 ** 14, 10 ** 15 - 1)) for _ in range(20)] + \
        [_hex(16) for _ in range(10)]
    cols = {"id": "integer", "name": "text", "uniqueid": "text", "model": "text"}
    vals = {"name": ["Van 1", "Truck 2", "Car 3"] * 10, "uniqueid": imeis,
            "model": ["TK103", "GT06N", "Traccar Client"] * 10}
    v = _one("tc_devices", cols, vals, engine)
    assert v["uniqueid"].entity == N.PERSON_ID
    assert v["model"].entity is None
    # look-alike: the same column in a table of firmware builds
    v = _one("firmware", cols, vals, engine)
    assert v["uniqueid"].entity is None


def test_a_drivers_unique_id(engine):
    vals = {"name": [f"{f} {la}" for f, la in zip(FIRST, LAST, strict=True)] * 2,
            "uniqueid": [_hex(10).upper() for _ in range(20)]}
    v = _one("tc_drivers", {"id": "integer", "name": "text", "uniqueid": "text"}, vals, engine)
    assert v["uniqueid"].entity == N.PERSON_ID


# -- the shapes of places named for people --------------------------------------------------


def test_shapes_of_places_named_for_people(engine):
    names = [f"Home {f} {la}" for f, la in zip(FIRST[:6], LAST[:6], strict=True)] + \
        ["Depot", "Delivery area", "No parking"] * 8
    areas = [f"CIRCLE ({40 + i / 2:.4f} {5 + i / 4:.4f}, 50)" for i in range(30)]
    v = _one("tc_geofences", {"id": "integer", "name": "text", "area": "text"},
             {"name": names, "area": areas}, engine)
    assert v["area"].entity == "LOCATION"
    # look-alike: shapes of zones named for no one
    names = ["Depot", "Delivery area", "No parking", "Speed 30", "Yard", "Gate"] * 5
    v = _one("tc_geofences", {"id": "integer", "name": "text", "area": "text"},
             {"name": names, "area": areas}, engine)
    assert v["area"].entity is None


# -- companies and individuals in one name column -----------------------------------------


def test_companies_and_individuals_among_organisers(engine):
    names = ["Yoga Collective", "Maillot Jazz Club", "Blomberg & Möller HB", "Acme Events Ltd",
             "Theater am Markt", "Nordic Gifts", "Anna Becker", "Jonas Keller", "Clara Novak",
             "Kangasala Jazz Club", "Hallburgh Jazz Club", "Berg Tickets GmbH"]
    cols = {"id": "integer", "name": "text", "email": "text", "phone": "text"}
    vals = {"name": names, "email": [f"info{i}@example.org" for i in range(12)],
            "phone": [f"+1555{RNG.randint(1000000, 9999999)}" for _ in range(12)]}
    v = _one("organisers", cols, vals, engine)
    assert v["name"].entity == N.PERSON and v["name"].partial
    # look-alikes: companies named for their founders, and companies only
    founders = ["Natarajan and Sons", "Kuipers NV", "Mace Barthelemy S.A.R.L.", "Anna Becker",
                "Berg Tickets GmbH", "Jonas Keller & Co", "Nordic Gifts", "Yoga Collective",
                "Lund Events Ltd", "Maillot Jazz Club", "Theater am Markt", "Acme Events Ltd"]
    v = _one("organisers", cols, {**vals, "name": founders}, engine)
    assert not v["name"].is_pii
    vals["name"] = [x for x in names if x not in ("Anna Becker", "Jonas Keller",
                                                  "Clara Novak")] + ["Ace Ltd", "Bo Co",
                                                                     "Cup Inc"]
    v = _one("organisers", cols, vals, engine)
    assert not v["name"].is_pii


# -- text stored as bytes, read beyond its first line --------------------------------------


def test_binary_prefix_reaches_an_icalendars_organizer():
    from classifiers.sampling import BINARY_PREFIX

    head = ("BEGIN:VCALENDAR\r\nPRODID:-//Traccar//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
            "UID:fbb230bb-d92a-4aa2-b410-d93c4efbc8d6\r\nORGANIZER:mailto:")
    assert BINARY_PREFIX >= len(head.encode()) + 40
