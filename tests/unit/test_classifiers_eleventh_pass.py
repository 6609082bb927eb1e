"""Discovery rules of the eleventh corpus pass (issue #10), from the misses and false
alarms of Firefly III, Lemmy, Invoice Ninja and Bagisto when they were held out, written
for the classes that recur across held-out sets: file names with spaces and the titles
copied from them, pictures stored as base64 text, birth dates in custom fields, a
person's places, accounts at a sign-in or payment provider or on the system a row came
from, reset codes and other few random secrets of a person, signatures, things named for
people, an organisation's IP, checksums named for their algorithm, tree paths. Each rule
with a look-alike that must stay ``keep``."""

from __future__ import annotations

import base64
import datetime as dt
import random

from classifiers import names as N
from classifiers.verdict import base64_image, file_name, text_verdict
from piigate.db import ForeignKey
from tests.unit.test_classifiers_accounts import _table
from tests.unit.test_classifiers_fifth_pass import _judge

RNG = random.Random(11)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Wilson", "Moore"]
HEX = "0123456789abcdef"
UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _random(n: int, alphabet: str) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def _rows(n: int, **cols: list) -> list[dict]:
    return [{"id": i + 1, **{c: vals[i] for c, vals in cols.items()}} for i in range(n)]



# -- names -----------------------------------------------------------------------------


def test_reset_alone_is_a_reset_code(engine):
    assert N.match("reset").entity == N.CREDENTIAL
    # look-alikes: when a reset was made or how many, and a reset flag
    for column in ("reset_at", "reset_count", "password_reset_at"):
        nm = N.match(column)
        assert nm is None or nm.entity != N.CREDENTIAL
    assert text_verdict("reset", ["0", "1"], engine).entity is None


# -- file names and titles ---------------------------------------------------------------


def test_file_names_with_spaces(engine):
    assert file_name("Anna Berg - rental contract.pdf")
    assert file_name("scans/Invoice Smith March.JPG")
    # look-alikes: a sentence ending in a domain, a line of text
    assert not file_name("write to us at example.com")
    assert not file_name("Call me back\nabout the invoice.pdf")
    named = [f"{FIRST[i]} {LAST[i]} - rental contract.pdf" for i in range(10)]
    plain = ["receipt.jpg", "scan0001.pdf", "IMG_2041.JPG", "warranty.png", "invoice.pdf",
             "statement 2023-04.pdf"]
    v = text_verdict("filename", named + plain, engine)
    assert v.entity == N.PERSON and v.partial
    # look-alike: spaced names of documents that name no one
    docs = [f"{w} {x}.pdf" for w in ("rental", "lease", "car", "home", "travel")
            for x in ("contract", "insurance", "receipt")]
    assert text_verdict("filename", docs, engine).entity is None


def _attachments(files: list[str], titles: list[str], engine):
    t = _table("attachments", {"id": "integer", "user_id": "integer", "filename": "text",
                               "title": "text"}, pk="id")
    rows = _rows(len(files), user_id=[1] * len(files), filename=files, title=titles)
    return _judge([t], {"attachments": {"filename": files, "title": titles}}, engine,
                  rows={"attachments": rows})["attachments"]


def test_titles_copied_from_named_files(engine):
    files = [f"Invoice_{LAST[i % 10]}_{FIRST[i % 10]}.pdf" if i % 3 == 0 else
             RNG.choice(["receipt.jpg", "scan0001.pdf", "IMG_2041.JPG", "warranty.png"])
             for i in range(30)]
    v = _attachments(files, [f.rsplit(".", 1)[0] for f in files], engine)
    assert v["filename"].entity == N.PERSON
    assert v["title"].entity == N.PERSON and v["title"].partial
    # look-alike: titles of their own beside the same files
    w = _attachments(files, [RNG.choice(["Original receipt", "Scanned copy", "Warranty"])
                             for _ in files], engine)
    assert w["title"].entity is None


# -- pictures as base64 text --------------------------------------------------------------


def _png() -> str:
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(RNG.getrandbits(8) for _ in range(60))
    return base64.b64encode(raw).decode()


def test_pictures_as_base64_text(engine):
    assert base64_image("data:image/png;base64," + _png()) == "PNG"
    assert base64_image(_png()) == "PNG"
    signatures = ["data:image/png;base64," + _png() for _ in range(8)]
    t = _table("invoice_invitations", {"id": "integer", "invoice_id": "integer",
                                       "signature_base64": "text"}, pk="id")
    v = _judge([t], {"invoice_invitations": {"signature_base64": signatures}},
               engine)["invoice_invitations"]
    assert v["signature_base64"].entity == N.PHOTO
    # look-alikes: a product's picture in a table about things; random base64 tokens
    p = _table("products", {"id": "integer", "title": "text", "image": "text"}, pk="id")
    w = _judge([p], {"products": {"title": ["Vase", "Lamp"] * 4, "image": signatures}},
               engine)["products"]
    assert w["image"].entity is None
    tokens = [base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(60))).decode()
              for _ in range(8)]
    assert not any(base64_image(x) for x in tokens)
    assert text_verdict("payload", tokens, engine).entity != N.PHOTO


# -- birth dates in custom fields --------------------------------------------------------


def test_birth_dates_in_a_custom_field(engine):
    births = [dt.date(1940, 1, 1) + dt.timedelta(days=RNG.randint(0, 22000)) for _ in range(30)]
    texts = [d.strftime(RNG.choice(["%Y-%m-%d", "%d/%m/%Y"])) for d in births]
    v = text_verdict("custom_value1", texts, engine)
    assert v.entity == N.DOB
    # look-alikes: recent dates in a custom field; birth-like dates under a name that
    # says what they are (a film's release)
    recent = [(dt.date.today() - dt.timedelta(days=RNG.randint(0, 900))).isoformat()
              for _ in range(30)]
    assert text_verdict("custom_value2", recent, engine).entity is None
    assert text_verdict("release", texts, engine).entity is None


# -- a person's places ---------------------------------------------------------------------


def _tags(ref: str | None, engine):
    cols = {"id": "integer", "tag": "text", "latitude": "text", "longitude": "text"}
    if ref:
        cols[ref] = "integer"
    t = _table("tags", cols, pk="id")
    if ref == "creator":  # the audit trail's reference to users, declared
        t.foreign_keys.append(ForeignKey(None, "tags", ["creator"], "users", ["user_id"]))
    vals = {"tag": ["holiday", "car", "kids"] * 4,
            "latitude": [f"{RNG.uniform(-60, 60):.6f}" for _ in range(12)],
            "longitude": [f"{RNG.uniform(-170, 170):.6f}" for _ in range(12)]}
    return _judge([t], {"tags": vals}, engine)["tags"]


def test_coordinates_a_person_tagged(engine):
    v = _tags("user_id", engine)
    assert v["latitude"].entity == "LOCATION" and v["longitude"].entity == "LOCATION"
    # look-alikes: the same table without anyone's rows (a shared list of places), and
    # with only the audit trail's author of each row (a facility's, OpenMRS ``location``)
    for ref in (None, "creator"):
        w = _tags(ref, engine)
        assert w["latitude"].entity is None and w["longitude"].entity is None


# -- accounts at a provider ----------------------------------------------------------------


def test_oauth_user_ids_in_a_table_of_people(engine):
    t = _table("users", {"id": "integer", "email": "text", "oauth_user_id": "text",
                         "oauth_client_id": "text"}, pk="id")
    subs = [str(RNG.randint(10**20, 10**21 - 1)) for _ in range(8)]
    v = _judge([t], {"users": {"email": [f"u{i}@example.org" for i in range(8)],
                               "oauth_user_id": subs, "oauth_client_id": ["web", "ios"]}},
               engine)["users"]
    assert v["oauth_user_id"].entity == N.PERSON_ID
    # look-alike: the application a user signed in with
    assert v["oauth_client_id"].entity is None


def _payments(payer: list[str], tables: tuple[str, ...], engine):
    t = _table("payments", {"id": "integer", "client_id": "integer", "payer_id": "text",
                            "amount": "text"}, pk="id")
    extra = [_table(x, {"id": "integer", "name": "text"}, pk="id") for x in tables]
    rows = _rows(len(payer), client_id=[1] * len(payer), payer_id=payer,
                 amount=["10.00"] * len(payer))
    return _judge([t, *extra], {"payments": {"payer_id": payer}}, engine,
                  rows={"payments": rows})["payments"]


def test_a_payers_account_at_a_payment_provider(engine):
    payers = [_random(13, UPPER) for _ in range(12)]
    payers = [p if any(c.isdigit() for c in p) else p[:-1] + "7" for p in payers]
    assert _payments(payers, (), engine)["payer_id"].entity == N.PERSON_ID
    # look-alikes: a reference to a table of payers (an insurer's code), and one-word
    # payer codes
    assert _payments(payers, ("payers",), engine)["payer_id"].entity is None
    codes = [RNG.choice(["AETNA", "MEDICARE", "CIGNA"]) for _ in range(12)]
    assert _payments(codes, (), engine)["payer_id"].entity is None


# -- few random secrets of a person ----------------------------------------------------------


def test_few_random_secrets_of_a_person(engine):
    t = _table("users", {"id": "integer", "email": "text", "pwtoken": "text",
                         "avatar_md5": "text"}, pk="id")
    codes = [_random(32, HEX) for _ in range(3)]
    v = _judge([t], {"users": {"email": ["a@example.org", "b@example.org", "c@example.org"],
                               "pwtoken": codes, "avatar_md5": codes}}, engine)["users"]
    assert v["pwtoken"].entity == N.CREDENTIAL
    # look-alike: a checksum named for its algorithm (an avatar's md5)
    assert v["avatar_md5"].entity is None


def test_checksums_named_for_their_algorithm(engine):
    t = _table("attachments", {"id": "integer", "user_id": "integer", "md5": "text",
                               "sha256": "text", "secret": "text"}, pk="id")
    digests = [_random(32, HEX) for _ in range(20)]
    v = _judge([t], {"attachments": {"md5": digests, "sha256": digests,
                                     "secret": digests}}, engine)["attachments"]
    assert v["md5"].entity is None and v["sha256"].entity is None
    # look-alike: the same values under a secret's name
    assert v["secret"].entity == N.CREDENTIAL


# -- a person's words, things named for people ---------------------------------------------


def test_signature_of_a_person(engine):
    sigs = [f"Best regards,\n{FIRST[i]} {LAST[i]}\n+1 415 555 01{i:02d}" for i in range(4)]
    sigs += ["Thanks!", "--\nAccounts team", "Sent from my phone"]
    users = _table("users", {"id": "integer", "email": "text", "signature": "text"}, pk="id")
    v = _judge([users], {"users": {"email": [f"u{i}@example.org" for i in range(7)],
                                   "signature": sigs}}, engine)["users"]
    assert v["signature"].entity is not None
    # look-alike: an outgoing mail template's signature of a shop
    shop = _table("mail_settings", {"id": "integer", "signature": "text"}, pk="id")
    w = _judge([shop], {"mail_settings": {"signature": [
        "The Acme team", "Acme Ltd, 1 Main Street", "Kind regards, Acme support"]}},
        engine)["mail_settings"]
    assert w["signature"].entity is None


def _accounts(names: list[str], engine):
    t = _table("accounts", {"id": "integer", "user_id": "integer", "name": "text"}, pk="id")
    return _judge([t], {"accounts": {"name": names}}, engine)["accounts"]


def test_names_of_a_persons_accounts_naming_people(engine):
    shops = ["Albert Heijn", "Shell Station", "Amazon Marketplace", "Netflix Monthly",
             "The Landlord", "Checking account", "Savings account", "Cash wallet",
             "IKEA Delft", "Spotify Premium", "My employer", "Home mortgage", "Student loan",
             "Lidl Market", "Rewe City", "Vodafone Mobile"]
    people = [f"Loan from {FIRST[i]} {LAST[i]}" for i in range(5)] + \
        [f"{FIRST[i]}'s savings" for i in range(5, 9)]
    v = _accounts(shops + people, engine)
    assert v["name"].entity == N.PERSON and v["name"].partial
    # look-alike: accounts named for shops and purposes only
    w = _accounts(shops + [f"Holiday fund {y}" for y in range(2015, 2025)], engine)
    assert w["name"].entity is None


# -- IPs, tree paths ---------------------------------------------------------


def _ip_table(name: str, engine):
    t = _table(name, {"id": "integer", "name": "text", "ip": "text"}, pk="id")
    ips = [f"{RNG.randint(11, 200)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}."
           f"{RNG.randint(1, 254)}" for _ in range(10)]
    return _judge([t], {name: {"name": [f"Acme {i} GmbH" for i in range(10)], "ip": ips}},
                  engine)[name]


def test_ip_of_an_organisations_row_is_who_created_it(engine):
    assert _ip_table("companies", engine)["ip"].entity == N.IP
    # look-alike: a table of machines
    assert _ip_table("mnet_host", engine)["ip"].entity is None


def test_tree_paths_are_no_ip_addresses(engine):
    paths = ["0." + ".".join(str(RNG.randint(1, 900)) for _ in range(RNG.randint(1, 5)))
             for _ in range(200)]
    assert text_verdict("path", paths, engine).entity is None
    # look-alike: a column of addresses
    ips = [f"10.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
           for _ in range(50)]
    assert text_verdict("path", ips, engine).entity == N.IP



def test_ids_of_a_person_on_the_system_a_row_came_from(engine):
    t = _table("issue", {"id": "integer", "title": "text", "original_author": "text",
                         "original_author_id": "text", "original_repo": "text",
                         "original_repo_id": "text", "author": "text", "author_id": "text"},
               pk="id")
    pairs = enumerate(zip(FIRST, LAST, strict=True))
    logins = [f"{f.lower()}_{la.lower()}{i}" for i, (f, la) in pairs] * 2
    ids = [str(RNG.randint(10000, 90_000_000)) for _ in logins]
    repos = [f"{w}-{x}" for w in ("gitea", "forgejo") for x in ("core", "docs", "cli", "ui",
                                                                "api")] * 2
    v = _judge([t], {"issue": {"title": ["Crash on save"] * 20, "original_author": logins,
                               "original_author_id": ids, "original_repo": repos,
                               "original_repo_id": ids, "author": logins,
                               "author_id": ids}}, engine)["issue"]
    assert v["original_author"].entity == N.USERNAME
    assert v["original_author_id"].entity == N.PERSON_ID
    # look-alikes: the id of a repository it came from; an author's id here (a reference
    # to this database's users, judged by the key rules)
    assert v["original_repo_id"].entity is None
    assert v["author_id"].entity is None
