"""Discovery rules of the nineteenth corpus pass, part A (issue #10), from the misses and
false alarms of Frappe HR, Chamilo, OpenVPMS and Plausible (held out in the eighteenth
pass). Each rule with a look-alike that stays ``keep``."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid

from classifiers import names as N
from classifiers.context import apply_context
from classifiers.verdict import FREE_TEXT, Verdict, text_verdict
from piigate.db import ColumnInfo, Inventory, TableInfo
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_eleventh_pass import _rows
from tests.unit.test_classifiers_seventeenth_pass import FIRST, LAST
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(19)


# -- an e-mail address at a reserved or intranet domain --------------------------------------


def test_user_ids_that_are_mailboxes_at_a_private_domain(engine):
    ids = [f"{f.lower()}.{la.lower()}@nordlicht-mb.example" for f, la in zip(FIRST, LAST,
                                                                               strict=True)]
    ids += [f"{f[0].lower()}{la.lower()}@ad.corp.internal" for f, la in zip(FIRST, LAST,
                                                                            strict=True)]
    v = text_verdict("owner", ids + ["Administrator"] * 4, engine)
    assert v.entity == N.EMAIL
    # look-alike: package pins and a message id at an intranet host are no mailboxes
    pins = [f"{p}@{RNG.randint(1, 9)}.{RNG.randint(0, 20)}.{RNG.randint(0, 9)}"
            for p in ("lodash", "react", "express", "vue", "axios", "chalk")] * 2
    assert text_verdict("dependency", pins, engine).entity is None
    assert text_verdict("host", ["mail.corp.internal", "ldap.corp.internal"] * 5,
                        engine).entity is None
    ids = [f"<{uuid.UUID(int=RNG.getrandbits(128), version=4)}@mail.example>" for _ in range(8)]
    assert text_verdict("source_id", ids, engine).entity is None


def test_role_mailboxes_at_a_private_domain_stay(engine):
    # a shop's senders, a settings table's role address among other values
    v = _scanned("newsletter_template", {"sender_email": [
        "newsletter@luma.example", "news@luma.example", "care@luma.example"] * 4}, engine)
    assert v["sender_email"].entity is None
    settings = ["contact@atelier.example", "asso@atelier.example", "en", "standard", "1",
                "0", "Europe/Paris", "EUR", "fr_FR", "A4", "10", "20", "30"]
    v = _scanned("const", {"name": [f"K{i}" for i in range(13)], "value": settings}, engine)
    assert v["value"].entity is None
    # look-alike: a person's mailbox among the settings is still found
    settings[1] = "anna.price@atelier.example"
    settings[2] = "ben.wade@atelier.example"
    v = _scanned("const", {"name": [f"K{i}" for i in range(13)], "value": settings}, engine)
    assert v["value"].entity == N.EMAIL


# -- a LinkedIn member page ----------------------------------------------------------------


def test_linkedin_member_pages_are_profiles(engine):
    links = [f"https://www.linkedin.com/in/{f.lower()}-{la.lower()}-{RNG.randint(100, 999)}"
             for f, la in zip(FIRST, LAST, strict=True)]
    assert text_verdict("resume_link", links, engine).entity == N.PROFILE_URL
    # look-alike: a shop's pages for India under ``/in/`` and LinkedIn's company pages
    pages = [f"https://shop.example.org/in/{p}" for p in ("tea", "spices", "rice", "dal")] + \
        [f"https://www.linkedin.com/company/{c}" for c in ("acme", "globex", "initech")]
    assert text_verdict("link", pages * 2, engine).entity is None


# -- a point kept as GeoJSON or WKT text ---------------------------------------------------


def _feature(lon: float, lat: float) -> str:
    return json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {},
        "geometry": {"type": "Point", "coordinates": [lon, lat]}}]})


def test_a_check_ins_geojson_point_is_its_persons_position(engine):
    points = [_feature(RNG.uniform(6, 15), RNG.uniform(47, 55)) for _ in FIRST]
    v = _one("checkin", {"id": "integer", "employee_name": "text", "geolocation": "text"},
             {"employee_name": [f"{f} {la}" for f, la in zip(FIRST, LAST, strict=True)],
              "geolocation": points}, engine)
    assert v["geolocation"].entity == "LOCATION"
    wkt = [f"SRID=4326;POINT({RNG.uniform(6, 15):.5f} {RNG.uniform(47, 55):.5f})" for _ in FIRST]
    v = _one("checkin", {"id": "integer", "employee_name": "text", "position": "text"},
             {"employee_name": [f"{f} {la}" for f, la in zip(FIRST, LAST, strict=True)],
              "position": wkt}, engine)
    assert v["position"].entity == "LOCATION"
    # look-alike: a warehouse's outline, in a table of no one's rows, stays
    v = _one("warehouse", {"id": "integer", "label": "text", "geolocation": "text"},
             {"label": [f"Depot {i}" for i in range(10)], "geolocation": points}, engine)
    assert v["geolocation"].entity is None


# -- a date that is the birth date plus fixed years -----------------------------------------


def _dated(second: str, born: list[dt.date], other: list[dt.date]) -> Verdict:
    """``second`` judged beside a date of birth in a table of employees."""
    t = TableInfo("employee", {c: ColumnInfo("employee", c, k.upper(), k, True,
                                             primary_key=c == "id")
                               for c, k in (("id", "integer"), ("date_of_birth", "date"),
                                            (second, "date"))}, ["id"], [], [])
    verdicts = {"id": Verdict(), "date_of_birth": Verdict(entity=N.DOB, confidence=0.9),
                second: Verdict()}
    rows = [{"id": i, "date_of_birth": b.isoformat(), second: o}
            for i, (b, o) in enumerate(zip(born, other, strict=True))]
    apply_context(t, verdicts, Inventory("sqlite", {"employee": t}), rows=rows)
    return verdicts[second]


def test_a_retirement_date_gives_the_birth_date_back():
    born = [dt.date(RNG.randint(1955, 2000), RNG.randint(1, 12), RNG.randint(1, 28))
            for _ in range(12)]
    retire = [b.replace(year=b.year + 67) for b in born]
    assert _dated("date_of_retirement", born, retire).entity == N.DOB
    # look-alike: a joining date, some years after birth but on any day, stays
    joined = [dt.date(b.year + RNG.randint(20, 40), RNG.randint(1, 12), RNG.randint(1, 28))
              for b in born]
    assert _dated("date_of_joining", born, joined).entity is None


# -- texts naming the one they are about or speak to ---------------------------------------


def test_a_summary_opening_with_its_subjects_first_name(engine):
    said = [f"{f} showed solid technical knowledge, weak on English." for f in FIRST]
    other = ["Good fit for the team.", "Not enough experience.", "Second round recommended."]
    v = _one("interview", {"id": "integer", "summary": "text"},
             {"summary": said + other * 4}, engine)
    assert v["summary"].entity == FREE_TEXT
    # look-alike: a sentence opening with a product that is no first name
    said = [f"{p} showed solid growth in the third quarter, weak in exports."
            for p in ("Steel", "Timber", "Copper", "Grain", "Cotton", "Coffee")]
    v = _one("report", {"id": "integer", "summary": "text"}, {"summary": said * 2}, engine)
    assert v["summary"].entity is None


def test_a_comment_speaking_to_someone_by_name(engine):
    said = [f"Good job, {f}!" for f in FIRST]
    other = ["Partially correct", "See chapter 4", "Please be more precise"]
    v = _one("attempt", {"id": "integer", "teacher_comment": "text"},
             {"teacher_comment": said + other * 4}, engine)
    assert v["teacher_comment"].entity == FREE_TEXT
    # look-alike: places after a comma (a city, a country) are no one spoken to
    places = [f"Meeting in {c}, {k}!" for c, k in (("Lyon", "France"), ("Porto", "Portugal"),
                                                    ("Graz", "Austria"), ("Turin", "Italy"))]
    v = _one("event", {"id": "integer", "note": "text"}, {"note": places * 3}, engine)
    assert v["note"].entity is None


def test_an_answer_giving_the_writers_name(engine):
    said = [f"My name is {f} and I think the answer is photosynthesis." for f in FIRST]
    v = text_verdict("answer", said + ["1", "3", "2,4", "Paris", "mitochondria"] * 3, engine)
    assert v.entity in (FREE_TEXT, N.PERSON)
    # look-alike: "my name is" with no first name after it
    v = text_verdict("answer", ["My name is not important here, the answer is 42."] * 3 +
                     ["1", "3", "2,4", "Paris", "mitochondria"] * 3, engine)
    assert v.entity is None


# -- a teacher by title and surname --------------------------------------------------------


def test_titled_surnames_are_peoples_names(engine):
    tutors = [f"Prof. {s}" for s in ("Natarajan", "Mace", "Gimenez", "Atkinson", "Verdú",
                                     "Okonkwo", "Szabó", "Lindqvist")] + \
        [f"{f} {la}" for f, la in zip(FIRST, LAST, strict=True)]
    v = _one("course", {"id": "integer", "tutor_name": "text"}, {"tutor_name": tutors}, engine)
    assert v["tutor_name"].entity == N.PERSON
    # look-alike: a bank's name in capitals after ``ING`` names no engineer
    banks = ["ING Direct", "ING Bank", "ING Diba", "Deutsche Bank", "Caixa Geral", "BNP Paribas"]
    v = _one("course", {"id": "integer", "sponsor_name": "text"},
             {"sponsor_name": banks * 3}, engine)
    assert v["sponsor_name"].entity is None


# -- an OpenID identifier ------------------------------------------------------------------


def test_an_openid_is_the_persons_identity_at_a_provider():
    assert N.match("openid") is not None and N.match("openid").entity == N.USERNAME
    # look-alike: a provider's name alone is no column of anyone's
    assert N.match("provider") is None


# -- an upload's unique prefix before a first name -----------------------------------------


def test_pictures_named_for_their_person_after_an_upload_prefix(engine):
    pics = [f"{RNG.getrandbits(52):013x}_{f.lower()}.jpg" for f in FIRST * 2] + \
        [f"{RNG.getrandbits(52):013x}_photo.jpg" for _ in range(4)]
    v = text_verdict("picture_uri", pics, engine)
    assert v.entity == N.PERSON and v.partial
    # look-alike: uploads of products under the same kind of prefix
    pics = [f"{RNG.getrandbits(52):013x}_{p}.jpg" for p in
            ("kettle", "toaster", "blender", "mixer", "grill", "fridge", "oven", "stove")] * 2
    assert text_verdict("picture_uri", pics, engine).entity is None


# -- numbers issued to people, with a word for those who have none ---------------------------


def _scanned(table: str, values: dict[str, list], engine) -> dict[str, Verdict]:
    """A table of text columns judged as a scan does: each column's distinct values, and
    all the rows."""
    t = _table(table, {"id": "integer", **dict.fromkeys(values, "text")}, pk="id")
    verdicts = {"id": Verdict()}
    for c, vals in values.items():
        verdicts[c] = text_verdict(c, sorted({x for x in vals if x}), engine)
        verdicts[c].rows = sum(1 for x in vals if x)
    n = max(len(v) for v in values.values())
    apply_context(t, verdicts, Inventory("sqlite", {table: t}), rows=_rows(n, **values),
                  engine=engine)
    return verdicts


def _codes(cname: str, values: list[str], engine) -> Verdict:
    return _scanned("user", {"username": [f"user{i}" for i in range(len(values))],
                             cname: values}, engine)[cname]


def test_student_numbers_beside_a_placeholder_word(engine):
    codes = [f"S{RNG.randint(100000, 999999)}" for _ in range(30)]
    assert _codes("official_code", codes + ["ADMIN"] * 10 + [""] * 5,
                  engine).entity == N.PERSON_ID
    # look-alike: a code that several rows share (a cohort) stays
    cohorts = [f"C{RNG.randint(10000, 10004)}" for _ in range(35)]
    assert _codes("cohort_code", cohorts + ["ADMIN"] * 10, engine).entity is None


# -- serialized users among other values ---------------------------------------------------


def _serialized(first: str, last: str) -> str:
    login = f"{first.lower()}.{last.lower()}"
    return (f'a:3:{{s:9:"firstname";s:{len(first)}:"{first}";s:8:"lastname";'
            f's:{len(last)}:"{last}";s:8:"username";s:{len(login)}:"{login}";}}')


def test_serialized_users_in_a_fifth_of_a_logs_values(engine):
    users = [_serialized(f, la) for f, la in zip(FIRST, LAST, strict=True)] + \
        [_serialized(la, f) for f, la in zip(FIRST, LAST, strict=True)]
    others = [str(RNG.randint(1, 500)) for _ in range(40)] + ["MATH101", "allow_registration"]
    v = _one("track_default", {"id": "integer", "default_value": "text"},
             {"default_value": users + others}, engine)
    assert v["default_value"].entity is not None and v["default_value"].partial
    # look-alike: serialized settings among the same values carry nobody
    settings = [f'a:2:{{s:5:"theme";s:4:"blue";s:4:"size";i:{i};}}' for i in range(20)]
    v = _one("track_default", {"id": "integer", "default_value": "text"},
             {"default_value": settings + others}, engine)
    assert v["default_value"].entity is None


# -- customers written surname first without a space, among pets and products ---------------


def test_names_written_surname_first_without_a_space(engine):
    people = [f"{la},{f}" for f, la in zip(FIRST, LAST, strict=True)] + \
        [f"{la},{f} Maria" for f, la in zip(FIRST[:4], LAST[4:8], strict=True)]
    others = ["Loki", "Milo", "C5 Vaccination", "Heartworm Injection (12 month)"]
    v = _one("entities", {"id": "integer", "name": "text"}, {"name": people + others}, engine)
    assert v["name"].entity == N.PERSON
    # look-alike: products listed with their variant after a comma
    goods = [f"{p},{k}" for p in ("Meloxicam", "Carprofen", "Amoxicillin") for k in
             ("Oral", "Injection", "Tablet", "Paste")]
    v = _one("products", {"id": "integer", "name": "text"}, {"name": goods}, engine)
    assert v["name"].entity is None


# -- a pet's microchip -----------------------------------------------------------------------


def _luhn(digits: str) -> bool:
    total = sum(int(d) if i % 2 == 0 else sum(divmod(2 * int(d), 10))
                for i, d in enumerate(reversed(digits)))
    return total % 10 == 0


def test_pet_microchips_among_other_identities(engine):
    chips = [f"{RNG.choice(['956', '982', '985'])}000{RNG.randint(10**8, 10**9 - 1)}"
             for _ in range(10)]
    others = [f"PC{RNG.randint(100000, 999999)}" for _ in range(10)] + \
        [f"Geel-{RNG.randint(1000, 99999)}" for _ in range(10)]
    v = text_verdict("identity", chips + others, engine)
    assert v.entity == N.PERSON_ID and v.partial
    # look-alike: fifteen-digit numbers on another opening (order numbers) stay
    orders = [x for x in (str(RNG.randint(10**14, 2 * 10**14)) for _ in range(40))
              if not _luhn(x)][:10]
    assert text_verdict("identity", orders + others, engine).entity is None


# -- a contact row's kind in a table read as people's ----------------------------------------


def test_a_few_labels_repeated_over_the_rows_are_no_names(engine):
    mails = [f"{f}.{la}@example.org".lower() for f, la in zip(FIRST * 12, LAST * 12,
                                                             strict=True)]
    v = _scanned("contacts", {"name": ["Location", "Phone Number", "Email"] * 40,
                              "description": mails}, engine)
    assert v["name"].entity is None
    # look-alike: a few staff names repeated over the rows are still names
    v = _scanned("contacts", {"name": ["Anna Price", "Ben Wade", "Clara Rust"] * 40,
                              "description": mails}, engine)
    assert v["name"].entity == N.PERSON


# -- secrets of a person's subscription and account -----------------------------------------


def test_a_payment_providers_signed_links_to_a_subscription(engine):
    links = [f"https://checkout.paddle.com/subscription/cancel?user={RNG.randint(10**6, 10**7)}"
             f"&subscription={RNG.randint(10**6, 10**7)}&hash={RNG.getrandbits(160):040x}"
             for _ in range(10)]
    v = _scanned("subscriptions", {"user_id": [str(i) for i in range(10)],
                                   "cancel_url": links}, engine)
    # (``user_id`` is text here: the rows are a person's by the column's name)
    assert v["cancel_url"].entity == N.CREDENTIAL
    # look-alike: a receipt's public URL with a short hash of the file stays
    receipts = [f"https://cdn.example.org/receipt.pdf?hash={RNG.getrandbits(24):06x}"
                for _ in range(10)]
    v = _scanned("subscriptions", {"user_id": [str(i) for i in range(10)],
                                   "receipt_url": receipts}, engine)
    assert v["receipt_url"].entity is None


def test_the_code_of_a_table_of_mailed_codes(engine):
    v = _scanned("email_verification_codes", {"user_id": [str(i) for i in range(10)],
                                              "code": [str(1000 + i) for i in range(10)]},
                 engine)
    assert v["code"].entity == N.CREDENTIAL
    # look-alike: a table of discount codes of a person's orders
    v = _scanned("order_discounts", {"user_id": [str(i) for i in range(10)],
                                     "code": ["SPRING10", "BF2024", "WELCOME"] * 3 + ["X"]},
                 engine)
    assert v["code"].entity is None


def test_an_api_keys_prefix_is_part_of_the_key():
    assert N.match("key_prefix") is not None and N.match("key_prefix").entity == N.CREDENTIAL
    # look-alike: a cache's or a bucket's ``prefix`` alone is no key's
    assert N.match("prefix") is None


# -- the installation's own secrets ----------------------------------------------------------


def _secret(table: str, cname: str, values: list[str], engine,
            extra: dict[str, list[str]] | None = None) -> Verdict:
    return _scanned(table, {cname: values, **(extra or {})}, engine)[cname]


def test_a_shared_links_password_hash_and_a_table_of_salts_are_no_ones(engine):
    bcrypt = [f"$2b$12${_b64(53)}" for _ in range(6)]
    assert _secret("shared_links", "password_hash", bcrypt, engine).entity is None
    assert _secret("salts", "salt", [_b64(22) for _ in range(6)], engine).entity is None
    # look-alike: a user's password hash, and salts kept per user, stay secrets
    assert _secret("users", "password_hash", bcrypt, engine).entity == N.CREDENTIAL
    assert _secret("salts", "salt", [_b64(22) for _ in range(6)], engine,
                   {"user_id": [str(i) for i in range(6)]}).entity == N.CREDENTIAL


def _b64(n: int) -> str:
    return "".join(RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./")
                   for _ in range(n))


# -- a document's number under ``name`` ------------------------------------------------------


def test_document_numbers_under_name_are_no_subject_lines(engine):
    numbers = [f"EMP-CKIN-{RNG.randint(1, 12):02d}-2024-{i:06d}" for i in range(1, 41)]
    people = [f"{f} {la}" for f, la in zip(FIRST * 4, LAST * 4, strict=True)]
    v = _scanned("employee_checkin", {"name": numbers, "employee_name": people}, engine)
    assert v["name"].entity is None
    # look-alike: subject lines naming people under ``name`` stay text about people
    calls = [f"Call back {f} {la}" for f in FIRST for la in LAST[:4]]
    v = _scanned("employee_checkin", {"name": calls, "employee_name": people}, engine)
    assert v["name"].entity is not None
