"""Traccar (GPS tracking server, Java, Liquibase): a held-out schema (issue #10), labelled
before any scan and never tuned on. The tables as ``schema/changelog-4.0-clean.xml`` creates
them (a fresh 4.0 install; later changelogs not applied): 17 of its 38 tables, all their
columns. ``MEDIUMBLOB`` is a dialect variant on MariaDB; foreign keys as the changelog's
``addForeignKeyConstraint`` entries declare them (``tc_devices.positionid`` and
``tc_events.positionid``/``geofenceid``/``maintenanceid`` are not declared there: values;
the declared self reference ``tc_groups.groupid`` is generated as values too).

Tables: users (name, e-mail, hashed password and salt, LDAP login, phone, API token, the
user's default map centre, JSON attributes with notification tokens and Telegram chat
ids), devices (trackers and phones: names that name their owner in part, IMEI or app
ids, SIM phone numbers, a free-text contact), positions (precise coordinates,
reverse-geocoded street addresses, JSON sensor attributes, JSON cell towers and Wi-Fi
access points), events, geofences (some around a customer's or employee's home),
drivers (names and RFID/iButton ids), groups, calendars (iCalendar data), commands,
maintenances, computed attributes, notifications, the server row and statistics.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import blob, col, datetimes, new_person, table, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "traccar/traccar", "path": "schema/changelog-4.0-clean.xml",
          "commit": "f1cf5a95016c23bebe179d522cbee92764e922af"}
PERSON_TABLES = ("tc_users", "tc_drivers")

I = sa.Integer  # noqa: E741
S = sa.String
B = sa.Boolean
F = sa.Float
TS = sa.DateTime

N_USER = 60
N_DEVICE = 90
N_POS = 900

_ts = datetimes(2019, 2025)


def _coord(c, lat: bool, digits: int = 6):  # type: ignore[no-untyped-def]
    return round(G["lat"](c) if lat else G["lon"](c), digits)


def _user_attrs(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    d: dict[str, object] = {}
    if r < 0.3:
        d["notificationTokens"] = G["token"](_p(c, n=22, style="url")) + ":APA91b" + \
            G["token"](_p(c, n=60, style="url"))
    if c.rng.random() < 0.15:
        d["telegramChatId"] = str(c.rng.randint(10**8, 10**10))
    if c.rng.random() < 0.2:
        d["timezone"] = G["timezone"](c)
    if c.rng.random() < 0.1:
        d["mailSmtpFrom"] = c.person["email"]
    if c.rng.random() < 0.2:
        d["speedUnit"] = c.rng.choice(["kmh", "mph", "kn"])
    return json.dumps(d) if d else "{}"


def _device_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    p = c.person
    if r < 0.2:
        return f"{p['first']}'s {c.rng.choice(['iPhone', 'Pixel 7', 'Galaxy S21', 'phone'])}"
    if r < 0.3:
        return f"{p['last']} {p['first'][0]}."
    if r < 0.65:
        return f"{c.rng.choice(['Van', 'Truck', 'Bus', 'Transporter', 'LKW'])} " \
               f"{c.rng.randint(1, 60):02d}"
    if r < 0.85:
        return f"{c.rng.choice(['B', 'M', 'HH', 'AB', 'W', 'K'])}-" \
               f"{c.rng.choice('ABCDEFGHKLMNPRSTUVXYZ')}{c.rng.choice('ABCDEFGHKLMNPRSTUVXYZ')} " \
               f"{c.rng.randint(100, 9999)}"
    return c.rng.choice(["Trailer 7", "Excavator CAT", "Boat Marlin", "Generator 2",
                         "Container 4411"])


def _imei(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.25:  # Traccar Client app: a random 6-digit id or the phone's id
        return str(c.rng.randint(100000, 999999)) if c.rng.random() < 0.5 else \
            G["token"](_p(c, n=16, style="hex"))
    return "35" + "".join(str(c.rng.randint(0, 9)) for _ in range(13))


def _contact(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return c.rng.choice([f"{p['first']} {p['last']}", f"{p['first']} {p['last']}, {G['phone'](c)}",
                         p["email"], "Fleet office", "Dispatch ext. 22"])


def _device_attrs(c):  # type: ignore[no-untyped-def]
    d: dict[str, object] = {}
    if c.rng.random() < 0.3:
        d["speedLimit"] = c.rng.choice([50.0, 60.0, 80.0])
    if c.rng.random() < 0.2:
        d["deviceInactivityStart"] = 3600000
    if c.rng.random() < 0.1:
        d["devicePassword"] = str(c.rng.randint(100000, 999999))
    if c.rng.random() < 0.1:
        d["note"] = f"Assigned to {c.person['first']} {c.person['last']}"
    return json.dumps(d) if d else None


def _pos_attrs(c):  # type: ignore[no-untyped-def]
    d: dict[str, object] = {"sat": c.rng.randint(0, 14), "ignition": c.rng.random() < 0.6,
                            "motion": c.rng.random() < 0.5,
                            "distance": round(c.rng.uniform(0, 500), 2),
                            "totalDistance": round(c.rng.uniform(1e4, 1e7), 2)}
    if c.rng.random() < 0.3:
        d["batteryLevel"] = c.rng.randint(5, 100)
    if c.rng.random() < 0.1:
        d["driverUniqueId"] = "".join(c.rng.choice("0123456789ABCDEF") for _ in range(10))
    if c.rng.random() < 0.05:
        d["alarm"] = c.rng.choice(["sos", "overspeed", "powerCut"])
    return json.dumps(d)


def _mac(c):  # type: ignore[no-untyped-def]
    return ":".join(f"{c.rng.randint(0, 255):02x}" for _ in range(6))


def _network(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    d: dict[str, object] = {"radioType": c.rng.choice(["gsm", "lte"]), "considerIp": False,
                            "cellTowers": [{"cellId": c.rng.randint(1000, 99999999),
                                            "locationAreaCode": c.rng.randint(1, 65000),
                                            "mobileCountryCode": c.rng.choice([262, 234, 310]),
                                            "mobileNetworkCode": c.rng.randint(1, 20)}]}
    if c.rng.random() < 0.5:
        d["wifiAccessPoints"] = [{"macAddress": _mac(c),
                                  "signalStrength": -c.rng.randint(30, 90)}
                                 for _ in range(c.rng.randint(1, 3))]
    return json.dumps(d)


def _geo_area(c):  # type: ignore[no-untyped-def]
    lat, lon = _coord(c, True), _coord(c, False)
    if c.rng.random() < 0.6:
        return f"CIRCLE ({lat} {lon}, {c.rng.choice([50, 100, 150.5, 300])})"
    pts = []
    for _ in range(4):
        a = round(lat + c.rng.uniform(-0.01, 0.01), 6)
        pts.append(f"{a} {round(lon + c.rng.uniform(-0.01, 0.01), 6)}")
    return f"POLYGON (({', '.join(pts + pts[:1])}))"


def _geo_name(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.12:
        return f"Home {c.person['first']} {c.person['last']}"
    if r < 0.22:
        return f"Kunde {c.person['last']}"
    return c.rng.choice(["Depot", "Warehouse North", "Office", "Customer site A12", "Port gate 3",
                         "Fuel station", "School zone", "Parking P4", "Werk 2"])


def _ical(c):  # type: ignore[no-untyped-def]
    org = f"ORGANIZER:mailto:{c.person['email']}\r\n" if c.rng.random() < 0.5 else ""
    text = ("BEGIN:VCALENDAR\r\nPRODID:-//Traccar//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
            f"UID:{G['uuid_str'](c)}\r\n{org}DTSTART:20240101T070000Z\r\n"
            "DTEND:20240101T170000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n"
            f"SUMMARY:{c.rng.choice(['Working hours', 'Night shift', 'Weekend'])}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")
    return text.encode()


def _driver_attrs(c):  # type: ignore[no-untyped-def]
    d: dict[str, object] = {}
    if c.rng.random() < 0.4:
        d["phone"] = G["phone"](c)
    if c.rng.random() < 0.3:
        d["licenseNumber"] = G["drivers_license"](c)
    if c.rng.random() < 0.2:
        d["licenseExpiry"] = str(G["date"](c))
    return json.dumps(d)


def _join(md: sa.MetaData, name: str, a: str, fa: str, b: str, fb: str, rows: int) -> None:
    table(md, name, rows, col(a, I, fk=fa, nullable=False), col(b, I, fk=fb, nullable=False))


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "tc_attributes", 6,
          col("id", I, pk=True, auto=True),
          col("description", S(4000), lambda c: ["Fuel level", "Driver name from RFID",
                                                 "Harsh braking", "Speed in km/h",
                                                 "Battery voltage", "Door open"][c.index]),
          col("type", S(128), "choice", values=["number", "string", "boolean"]),
          col("attribute", S(128), lambda c: ["fuel", "driverUniqueId", "hardBraking",
                                              "speed", "power", "door"][c.index]),
          col("expression", S(4000), lambda c: ["io89 * 0.4", "io78", "io253 == 2",
                                                "speed * 1.852", "power / 1000",
                                                "in2 ? true : false"][c.index]))
    table(md, "tc_calendars", 5,
          col("id", I, pk=True, auto=True),
          col("name", S(128), lambda c: ["Working hours", "Night shift", "Weekend",
                                         "Holidays 2024", "School days"][c.index]),
          col("data", blob("medium"), _ical),
          col("attributes", S(4000), "const", value="{}"))
    table(md, "tc_commands", 6,
          col("id", I, pk=True, auto=True),
          col("description", S(4000), lambda c: ["Engine stop", "Engine resume",
                                                 "Request position", "Reboot", "Set interval 60s",
                                                 "Custom SMS"][c.index]),
          col("type", S(128), lambda c: ["engineStop", "engineResume", "positionSingle",
                                         "rebootDevice", "positionPeriodic", "custom"][c.index]),
          col("textchannel", B, lambda c: c.index == 5),
          col("attributes", S(4000), lambda c: '{"frequency":60}' if c.index == 4 else
              ('{"data":"RELAY,1#"}' if c.index == 5 else "{}")))
    table(md, "tc_groups", 8,
          col("id", I, pk=True, auto=True),
          col("name", S(128), lambda c: ["Fleet", "North", "South", "Vans", "Trucks",
                                         "Field service", "Rental", "Private"][c.index]),
          col("groupid", I, lambda c: None if c.index < 1 else 1, nullable=True),
          col("attributes", S(4000), "choice", values=["{}", '{"speedLimit":80.0}', None],
              nullable=True))
    table(md, "tc_maintenances", 5,
          col("id", I, pk=True, auto=True),
          col("name", S(4000), lambda c: ["Oil change", "Tyres", "Inspection (TÜV)",
                                          "Brake pads", "Service 30000 km"][c.index]),
          col("type", S(128), "choice", values=["totalDistance", "hours"]),
          col("start", F, "money", lo=0, hi=100000),
          col("period", F, "money", lo=1000, hi=30000),
          col("attributes", S(4000), "const", value="{}"))
    table(md, "tc_notifications", 10,
          col("id", I, pk=True, auto=True),
          col("type", S(128), "choice", values=["geofenceEnter", "geofenceExit", "alarm",
                                                "deviceOverspeed", "ignitionOn", "deviceOffline"]),
          col("attributes", S(4000), "choice", values=["{}", '{"alarms":"sos,powerCut"}', None],
              nullable=True),
          col("always", B, "bool"),
          col("calendarid", I, fk="tc_calendars.id", null=0.7),
          col("notificators", S(128), "choice", values=["web", "web,mail", "mail,sms", "firebase",
                                                        "telegram"], null=0.1))
    table(md, "tc_users", N_USER,
          col("id", I, pk=True, auto=True),
          col("name", S(128), lambda c: c.rng.choice([
              f"{c.person['first']} {c.person['last']}", c.person["first"],
              c.person["username"]]) if c.index else "admin"),
          col("email", S(128), lambda c: c.person["email"] if c.index else "admin",
              unique=True),
          col("hashedpassword", S(128), lambda c: G["token"](_p(c, n=48, style="hex")),
              null=0.05),
          col("salt", S(128), lambda c: G["token"](_p(c, n=48, style="hex")), null=0.05),
          col("readonly", B, lambda c: c.rng.random() < 0.2),
          col("administrator", B, lambda c: c.index == 0 or c.rng.random() < 0.05, null=0.3),
          col("map", S(128), "choice", values=["osm", "carto", "bingRoad", "googleRoad"],
              null=0.6),
          col("latitude", F, lambda c: _coord(c, True) if c.rng.random() < 0.4 else 0.0),
          col("longitude", F, lambda c: _coord(c, False) if c.rng.random() < 0.4 else 0.0),
          col("zoom", I, "choice", values=[0, 0, 12, 15, 17]),
          col("twelvehourformat", B, "bool"),
          col("attributes", S(4000), _user_attrs, null=0.1),
          col("coordinateformat", S(128), "choice", values=["dd", "ddm", "dms"], null=0.7),
          col("disabled", B, lambda c: c.rng.random() < 0.05, null=0.1),
          col("expirationtime", TS, _ts, null=0.85),
          col("devicelimit", I, "choice", values=[-1, -1, 5, 10], null=0.1),
          col("token", S(128), token_of(32, "url"), null=0.7),
          col("userlimit", I, "choice", values=[0, 0, 5], null=0.1),
          col("devicereadonly", B, "bool", null=0.1),
          col("phone", S(128), "phone", null=0.6),
          col("limitcommands", B, "bool", null=0.1),
          col("login", S(128), lambda c: c.rng.choice([c.person["username"],
                                                       f"CORP\\{c.person['username']}"]),
              null=0.8),
          col("poilayer", S(512), "choice", values=["https://maps.fleet.example/poi.kml"],
              null=0.9))
    table(md, "tc_devices", N_DEVICE,
          col("id", I, pk=True, auto=True),
          col("name", S(128), _device_name),
          col("uniqueid", S(128), _imei, unique=True),
          col("lastupdate", TS, _ts, null=0.1),
          col("positionid", I, lambda c: c.rng.randint(1, N_POS), null=0.1),
          col("groupid", I, fk="tc_groups.id", null=0.3),
          col("attributes", S(4000), _device_attrs, nullable=True),
          col("phone", S(128), lambda c: G["phone"](c), null=0.5),
          col("model", S(128), "choice", values=["TK103", "GT06N", "Teltonika FMB920",
                                                 "Traccar Client", "Queclink GV300"], null=0.3),
          col("contact", S(512), _contact, null=0.6),
          col("category", S(128), "choice", values=["car", "truck", "van", "person", "boat",
                                                    "bicycle", "default"], null=0.3),
          col("disabled", B, lambda c: c.rng.random() < 0.05, null=0.05))
    table(md, "tc_drivers", 25,
          col("id", I, pk=True, auto=True),
          col("name", S(128), lambda c: f"{c.person['first']} {c.person['last']}"),
          col("uniqueid", S(128), lambda c: "".join(c.rng.choice("0123456789ABCDEF")
                                                    for _ in range(10)), unique=True),
          col("attributes", S(4000), _driver_attrs))
    table(md, "tc_geofences", 30,
          col("id", I, pk=True, auto=True),
          col("name", S(128), _geo_name),
          col("description", S(128), "choice", values=["", "Delivery area", "No parking",
                                                       "Speed 30"], null=0.5),
          col("area", S(4096), _geo_area),
          col("attributes", S(4000), "choice", values=["{}", '{"speedLimit":30.0}'], null=0.3),
          col("calendarid", I, fk="tc_calendars.id", null=0.8))
    table(md, "tc_positions", N_POS,
          col("id", I, pk=True, auto=True),
          col("protocol", S(128), "choice", values=["osmand", "gt06", "teltonika", "h02",
                                                    "gl200"], null=0.02),
          col("deviceid", I, fk="tc_devices.id", nullable=False),
          col("servertime", TS, _ts),
          col("devicetime", TS, _ts),
          col("fixtime", TS, _ts),
          col("valid", B, lambda c: c.rng.random() < 0.9),
          col("latitude", F, lambda c: _coord(c, True)),
          col("longitude", F, lambda c: _coord(c, False)),
          col("altitude", F, "money", lo=0, hi=900),
          col("speed", F, "money", lo=0, hi=70),
          col("course", F, "money", lo=0, hi=359),
          col("address", S(512), lambda c: f"{c.person['f'].street_address()}, "
              f"{c.person['f'].postcode()} {c.person['f'].city()}", null=0.6),
          col("attributes", S(4000), _pos_attrs, null=0.02),
          col("accuracy", F, "choice", values=[0.0, 0.0, 5.0, 12.5, 30.0]),
          col("network", S(4000), _network, nullable=True))
    table(md, "tc_events", 300,
          col("id", I, pk=True, auto=True),
          col("type", S(128), "choice", values=["deviceOnline", "deviceOffline", "geofenceEnter",
                                                "geofenceExit", "alarm", "ignitionOn",
                                                "deviceOverspeed", "maintenance"]),
          col("servertime", TS, _ts),
          col("deviceid", I, fk="tc_devices.id", null=0.02),
          col("positionid", I, lambda c: c.rng.randint(1, N_POS), null=0.4),
          col("geofenceid", I, lambda c: c.rng.randint(1, 30), null=0.7),
          col("attributes", S(4000), "choice", values=["{}", '{"alarm":"sos"}',
                                                       '{"speed":61.2,"speedLimit":50.0}'],
              null=0.2),
          col("maintenanceid", I, lambda c: c.rng.randint(1, 5), null=0.95))
    table(md, "tc_servers", 1,
          col("id", I, pk=True, auto=True),
          col("registration", B, lambda c: False),
          col("latitude", F, lambda c: 52.52),
          col("longitude", F, lambda c: 13.405),
          col("zoom", I, lambda c: 10),
          col("map", S(128), "const", value="osm", nullable=True),
          col("bingkey", S(128), token_of(64, "url"), nullable=True),
          col("mapurl", S(512), "const", value="https://tiles.fleet.example/{z}/{x}/{y}.png",
              nullable=True),
          col("readonly", B, lambda c: False),
          col("twelvehourformat", B, lambda c: False),
          col("attributes", S(4000), "const",
              value='{"speedUnit":"kmh","distanceUnit":"km","timezone":"Europe/Berlin"}',
              nullable=True),
          col("forcesettings", B, lambda c: False),
          col("coordinateformat", S(128), "const", value=None, nullable=True),
          col("devicereadonly", B, lambda c: False, nullable=True),
          col("limitcommands", B, lambda c: False, nullable=True),
          col("poilayer", S(512), "const", value=None, nullable=True))
    table(md, "tc_statistics", 40,
          col("id", I, pk=True, auto=True),
          col("capturetime", TS, _ts),
          *[col(n, I, "int", lo=0, hi=hi) for n, hi in (
              ("activeusers", 60), ("activedevices", 90), ("requests", 50000),
              ("messagesreceived", 200000), ("messagesstored", 150000))],
          col("attributes", S(4096), "const", value="{}"),
          *[col(n, I, "int", lo=0, hi=hi) for n, hi in (
              ("mailsent", 300), ("smssent", 40), ("geocoderrequests", 9000),
              ("geolocationrequests", 500))])
    _join(md, "tc_user_device", "userid", "tc_users.id", "deviceid", "tc_devices.id", 150)
    _join(md, "tc_device_driver", "deviceid", "tc_devices.id", "driverid", "tc_drivers.id", 30)
    _join(md, "tc_user_user", "userid", "tc_users.id", "manageduserid", "tc_users.id", 20)
    return md
