"""Discovery rules of the fifteenth corpus pass (issue #10), from the misses and false
alarms of Jellyfin, Koha, Mealie and Zammad (held out in the fourteenth pass): address
parts and contacts under names written without separators (``altcontactaddress1``,
``smsalertnumber``), house numbers, a thing's own contacts named after it
(``branchemail``), device ids in tables of devices, a person's initials and bare ``web``
page, the token of a recovery link, and a uuid key that is no link token. Each rule with
a look-alike that stays ``keep``."""

from __future__ import annotations

import random
import uuid

import pytest

from classifiers import names as N
from classifiers.context import address_part
from classifiers.verdict import Verdict
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(15)
HEX = "0123456789abcdef"


def _hex(n: int) -> str:
    return "".join(RNG.choice(HEX) for _ in range(n))


# -- names written without separators ---------------------------------------------------


@pytest.mark.parametrize(("name", "entity", "prefix"), [
    ("altcontactaddress1", N.STREET, ("alt", "contact")),
    ("altcontactstate", N.REGION, ("alt", "contact")),
    ("altcontactzipcode", N.POSTCODE, ("alt", "contact")),
    ("billingcity", N.CITY, ("billing",)),
    ("streetnumber", N.STREET, ()),
    ("B_streetnumber", N.STREET, ("b",)),
    ("house_number", N.STREET, ()),
])
def test_glued_address_parts_and_house_numbers(name, entity, prefix):
    assert address_part(name) == (entity, prefix)


@pytest.mark.parametrize("name", ["smsalertnumber", "sms_number", "homephone"])
def test_glued_phone_names(name):
    nm = N.match(name)
    assert nm is not None and nm.entity == N.PHONE


@pytest.mark.parametrize("name", ["ipaddress", "macaddress", "branchaddress1", "serialnumber",
                                  "ordernumber", "contactnumber", "mailaddress"])
def test_glued_words_of_other_things_stay_unsplit(name):
    # look-alikes: a head that is not made of qualifiers is not split off
    nm = N.match(name)
    assert nm is None or nm.entity not in (*N.ADDRESS_PARTS, N.PHONE)


# -- a second address under a glued prefix, house numbers --------------------------------


def _patrons(engine) -> dict[str, Verdict]:
    n = 12
    cols = {"id": "integer", "surname": "text", "firstname": "text", "address": "text",
            "streetnumber": "text", "city": "text", "B_address": "text",
            "B_streetnumber": "text", "altcontactaddress1": "text",
            "altcontactstate": "text", "altcontactzipcode": "text",
            "altcontactcountry": "text", "smsalertnumber": "text"}
    streets = ["Main Street", "Elm Road", "Church Lane", "Mill Way"] * 3
    vals = {"surname": ["Price", "Wade", "Rust", "Haering"] * 3,
            "firstname": ["Anna", "Ben", "Clara", "David"] * 3,
            "address": streets, "streetnumber": [str(RNG.randint(1, 200)) for _ in range(n)],
            "city": ["Springfield", "Riverton", "Lakeside"] * 4,
            "B_address": streets[::-1],
            "B_streetnumber": [str(RNG.randint(1, 200)) for _ in range(n)],
            "altcontactaddress1": [f"{RNG.randint(1, 99)} {s}" for s in streets],
            "altcontactstate": ["Ohio", "Texas", "Maine"] * 4,
            "altcontactzipcode": [f"{RNG.randint(10000, 99999)}" for _ in range(n)],
            "altcontactcountry": ["USA"] * n,
            "smsalertnumber": [f"+1555{RNG.randint(1000000, 9999999)}" for _ in range(n)]}
    return _one("borrowers", cols, vals, engine)


def test_a_second_address_under_a_glued_prefix(engine):
    v = _patrons(engine)
    for c in ("altcontactaddress1", "streetnumber", "B_streetnumber"):
        assert v[c].entity == N.STREET, c
    assert v["altcontactstate"].entity == N.REGION
    assert v["altcontactzipcode"].entity == N.POSTCODE
    assert v["smsalertnumber"].entity == N.PHONE
    # look-alike: the second address's country stays, coarse
    assert v["altcontactcountry"].entity is None


def test_a_branchs_own_contacts_named_after_it_stay(engine):
    # look-alike: a library branch's address, phone, e-mail and IP are the organisation's
    cols = {"branchcode": "text", "branchname": "text", "branchaddress1": "text",
            "branchphone": "text", "branchemail": "text", "branchip": "text"}
    vals = {"branchcode": ["CPL", "FFL", "MPL", "IPT"] * 3,
            "branchname": ["Centerville", "Fairfield", "Midway", "Pittsburgh"] * 3,
            "branchaddress1": ["1 Library Way", "22 Main Street", "5 Elm Road"] * 4,
            "branchphone": [f"+1555{RNG.randint(1000000, 9999999)}" for _ in range(12)],
            "branchemail": [f"branch{i}@library.example.org" for i in range(12)],
            "branchip": [f"192.0.2.{i + 1}" for i in range(12)]}
    v = _one("branches", cols, vals, engine, pk="branchcode")
    for c in ("branchaddress1", "branchphone", "branchemail", "branchip"):
        assert not v[c].is_pii, c


# -- device ids in a table of devices ---------------------------------------------------


def test_device_ids_in_a_table_of_devices(engine):
    ids = [str(uuid.UUID(int=RNG.getrandbits(128))) for _ in range(6)] + \
        [_hex(16) for _ in range(6)]
    v = _one("Devices", {"Id": "integer", "UserId": "text", "DeviceId": "text",
                         "AppName": "text"},
             {"UserId": [str(uuid.UUID(int=i + 1)) for i in range(12)], "DeviceId": ids,
              "AppName": ["Jellyfin Web", "Swiftfin", "Findroid"] * 4}, engine, pk="Id")
    assert v["DeviceId"].entity == N.PERSON_ID
    assert v["AppName"].entity is None


def test_device_references_and_models_stay(engine):
    # look-alikes: models and platforms under a device id name, and a device id in a
    # table of neither devices nor a person's rows
    v = _one("Devices", {"Id": "integer", "DeviceId": "text"},
             {"DeviceId": ["iPhone12,1", "Pixel 7", "SM-G991B", "iPad8,1"] * 3}, engine,
             pk="Id")
    assert v["DeviceId"].entity is None
    ids = [_hex(16) for _ in range(12)]
    v = _one("firmware_builds", {"id": "integer", "device_id": "text"}, {"device_id": ids},
             engine)
    assert v["device_id"].entity is None


# -- link tokens: recovery links, and uuid keys that are no token ------------------------


def test_the_token_of_a_recovery_link_and_a_uuid_key_that_stays(engine):
    toks = [str(uuid.uuid4()) for _ in range(12)]
    v = _one("borrower_password_recovery", {"borrowernumber": "integer", "uuid": "text",
                                            "valid_until": "text"},
             {"borrowernumber": list(range(12)), "uuid": toks,
              "valid_until": ["2024-01-01"] * 12}, engine, pk="borrowernumber")
    assert v["uuid"].entity == N.CREDENTIAL
    # look-alike: the table's own uuid key, stored as text (SQLite)
    v = _one("recipe_share_tokens", {"id": "text", "recipe_id": "text", "expires_at": "text"},
             {"id": [str(uuid.uuid4()) for _ in range(12)],
              "recipe_id": [str(uuid.uuid4()) for _ in range(12)],
              "expires_at": ["2024-01-01"] * 12}, engine)
    assert v["id"].entity is None


# -- initials and a bare ``web`` page of a person ----------------------------------------


def test_initials_in_a_table_about_people(engine):
    cols = {"id": "integer", "surname": "text", "firstname": "text", "initials": "text"}
    vals = {"surname": ["Price", "Wade", "Rust", "Haering"] * 3,
            "firstname": ["Anna", "Ben", "Clara", "David"] * 3}
    v = _one("borrowers", cols, {**vals, "initials": ["AP", "BW", "C.R.", "DH"] * 3}, engine)
    assert v["initials"].entity == N.FIRST_NAME
    # look-alike: a column so named that holds no letters of a name
    v = _one("borrowers", cols, {**vals, "initials": ["yes", "no", "unknown"] * 4}, engine)
    assert v["initials"].entity is None


def test_a_bare_web_column_of_a_table_named_for_people(engine):
    cols = {"id": "integer", "login": "text", "email": "text", "web": "text"}
    vals = {"login": [f"user{i}" for i in range(12)],
            "email": [f"user{i}@example.org" for i in range(12)],
            "web": [f"https://user{i}.example.net/" for i in range(12)]}
    v = _one("users", cols, vals, engine)
    assert v["web"].entity == N.PROFILE_URL
    # look-alike: a ``web`` column of a table of things
    v = _one("channels", {"id": "integer", "name": "text", "web": "text"},
             {"name": ["Web", "Mail", "Phone"] * 4,
              "web": ["https://support.example.org/"] * 12}, engine)
    assert v["web"].entity is None


# -- the installation's own API keys ----------------------------------------------------


def test_a_table_of_api_keys_with_no_person_is_the_installations(engine):
    keys = [_hex(32) for _ in range(8)]
    v = _one("ApiKeys", {"Id": "integer", "Name": "text", "AccessToken": "text"},
             {"Name": ["Kodi", "Home Assistant", "Sonarr", "Radarr"] * 2, "AccessToken": keys},
             engine, pk="Id")
    assert v["AccessToken"].entity is None
    v = _one("ost_api_key", {"id": "integer", "ipaddr": "text", "apikey": "text"},
             {"ipaddr": [f"203.0.113.{i + 1}" for i in range(8)], "apikey": keys}, engine)
    assert v["apikey"].entity is None and v["ipaddr"].entity is None
    # look-alike: a user's own API keys stay masked
    v = _one("api_keys", {"id": "integer", "user_id": "integer", "key_hash": "text"},
             {"user_id": list(range(8)), "key_hash": keys}, engine)
    assert v["key_hash"].entity == N.CREDENTIAL


# -- Message-IDs of hex digits --------------------------------------------------------


def test_bracketed_message_ids_of_hex_digits():
    from classifiers.verdict import message_id

    assert message_id(f"<{_hex(24)}@mail.gmail.com>")
    # look-alikes: a person's mailbox, and hex digits not in a header's brackets
    assert not message_id("<anna.schmidt@example.org>")
    assert not message_id("deadbeef12345678@example.org")


# -- a relative's or a full name's possessive in a title --------------------------------


def test_titles_naming_a_relative_or_a_full_name_in_the_possessive(engine):
    dishes = ["Apple Pie", "Ramen", "Lasagne", "Pad Thai", "Paella", "Borscht",
              "Green Curry", "Banana Bread"]
    owners = ["Oma Ingrids", "Lisa Wagner's", "Oma Annas", "Tom Becker's", "Grandma Rose's"]
    names = [f"{o} {d}" for o, d in zip(owners, dishes[:5], strict=True)] + \
        [f"Easy {d}" for d in dishes] + dishes * 2
    v = _one("recipes", {"id": "integer", "name": "text"}, {"name": names}, engine)
    assert v["name"].entity is not None
    # look-alike: dishes named for what is in them, one a first name's shape
    plain = [f"Easy {d}" for d in dishes] + dishes * 2 + ["Victoria Sponge", "Margherita Pizza"]
    v = _one("recipes", {"id": "integer", "name": "text"}, {"name": plain}, engine)
    assert v["name"].entity is None


# -- names written surname first ----------------------------------------------------------


def test_a_catalogues_authors_written_surname_first(engine):
    authors = ["Ross, Ada", "Becker, Thomas, 1950-", "Price, William", "Wade, Matthew",
               "Rust, Nelly, 1921-1999", "Haering, Vanessa"] * 2
    v = _one("biblio", {"id": "integer", "author": "text"}, {"author": authors}, engine)
    assert v["author"].entity == N.PERSON
    # look-alike: places with their region
    places = ["Springfield, Ohio", "Portland, Oregon", "Austin, Texas", "Bath, Somerset",
              "Lyon, Rhône", "Graz, Steiermark"] * 2
    v = _one("branches", {"id": "integer", "location": "text"}, {"location": places}, engine)
    assert v["location"].entity is None
