"""Discovery rules of the eighteenth corpus pass (issue #10), from the misses of Umami,
Answer, Hi.Events, Rallly, OpenCATS, OpenProject, LimeSurvey and Open Dental (held out in
the seventeenth pass): an ad network's click id, a date of death named ``deceased``, a
sign-in provider's profile picture, the row's own names run together in a folder's name,
a drawn signature kept as hex text, titles beside file names naming people, the
one-time codes of a table of verifications, and an iCalendar UID that is no e-mail.
Each rule with a look-alike that stays ``keep``."""

from __future__ import annotations

import random

from classifiers import names as N
from classifiers.verdict import message_id, text_verdict
from tests.unit.test_classifiers_seventeenth_pass import FIRST, LAST
from tests.unit.test_classifiers_thirteenth_pass import _one

RNG = random.Random(18)
URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"


def _token(n: int) -> str:
    return "".join(RNG.choice(URL_CHARS) for _ in range(n))


# -- an ad network's click id ------------------------------------------------------------


def test_ad_click_ids_by_their_names(engine):
    ids = [_token(RNG.choice([32, 48, 90])) for _ in range(8)]
    for name in ("gclid", "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id"):
        assert N.match(name) is not None and N.match(name).entity == N.PERSON_ID, name
        assert text_verdict(name, ids, engine).entity == N.PERSON_ID, name
    # look-alike: a campaign's UTM tags are the site's, not a click's
    assert N.match("utm_campaign") is None
    assert text_verdict("utm_campaign", ["spring-sale", "launch-week", "bf2024"] * 3,
                        engine).entity is None


# -- a date of death named "deceased" ------------------------------------------------------


def test_a_date_of_death_named_deceased(engine):
    for name in ("DateTimeDeceased", "date_deceased", "deceased_date"):
        assert N.match(name) is not None and N.match(name).entity == N.DOB, name
    # look-alike: a flag ``deceased`` (0/1, yes/no) is no date
    assert N.match("is_deceased") is None or N.match("is_deceased").entity != N.DOB
    assert text_verdict("deceased", ["0", "1"] * 10, engine).entity is None


# -- a sign-in provider's profile picture -------------------------------------------------


def test_sign_in_providers_profile_pictures_in_an_image_column(engine):
    google = [f"https://lh3.googleusercontent.com/a/{_token(40)}=s96-c" for _ in range(7)]
    uploads = [f"https://uploads.example.org/avatars/{_token(25)}.jpg" for _ in range(4)]
    v = text_verdict("image", google + uploads, engine)
    assert v.entity == N.PROFILE_URL
    # look-alike: product images on a CDN, and a provider's own logo, stay
    products = [f"https://cdn.example.org/products/{_token(12)}.png" for _ in range(8)] + \
        ["https://lh3.googleusercontent.com/logos/google_logo.png"] * 3
    assert text_verdict("image", products, engine).entity is None


# -- the row's names run together in a folder's name ----------------------------------------


def test_a_folder_named_for_the_rows_person(engine):
    firsts, lasts = FIRST * 2, LAST * 2
    folders = [f"{la}{f}{i + 1}" for i, (f, la) in enumerate(zip(firsts, lasts, strict=True))]
    v = _one("patient", {"id": "integer", "first_name": "text", "last_name": "text",
                         "image_folder": "text"},
             {"first_name": firsts, "last_name": lasts, "image_folder": folders}, engine)
    assert v["image_folder"].entity == N.PERSON and v["image_folder"].partial
    # look-alike: a code that starts with the surname's first letters (``PRI-0001``) stays
    codes = [f"{la[:3].upper()}-{i:04d}" for i, la in enumerate(lasts)]
    v = _one("patient", {"id": "integer", "first_name": "text", "last_name": "text",
                         "chart_code": "text"},
             {"first_name": firsts, "last_name": lasts, "chart_code": codes}, engine)
    assert v["chart_code"].entity is None


# -- a drawing kept as hex text under a picture's name ----------------------------------------


def test_a_signature_pads_strokes_as_hex_text(engine):
    drawn = ["".join(RNG.choice("0123456789ABCDEF") for _ in range(RNG.randint(120, 300)))
             for _ in range(8)]
    assert text_verdict("Signature", drawn + [""] * 40, engine).entity == N.PHOTO
    # look-alike: a webhook's HMAC signatures, one length (a key's), stay
    hmacs = ["".join(RNG.choice("0123456789abcdef") for _ in range(128)) for _ in range(8)]
    assert text_verdict("signature", hmacs, engine).entity != N.PHOTO


# -- titles beside file names naming people -------------------------------------------------


def test_titles_beside_resume_file_names(engine):
    pairs = [(f, la) for f in FIRST for la in LAST[:4]]
    files = [RNG.choice([f"Resume_{f}_{la}.pdf", f"{la}, {f} CV 2023.docx", "resume.pdf"])
             for f, la in pairs]
    titles = [RNG.choice([f"Resume_{f}_{la}", f"{la}, {f} CV 2023", "Resume", "Cover letter"])
              for f, la in pairs]
    cols = {"id": "integer", "title": "text", "original_filename": "text"}
    v = _one("attachment", cols, {"title": titles, "original_filename": files}, engine)
    assert v["original_filename"].entity == N.PERSON
    assert v["title"].entity == N.PERSON and v["title"].partial
    # look-alike: titles saying what the document is, beside the same files, stay
    kinds = [RNG.choice(["Resume", "Cover letter", "Reference", "Diploma scan",
                         "Work sample", "Portfolio", "Certificate", "Transcript",
                         "Offer letter", "ID check", "Contract"]) for _ in pairs]
    v = _one("attachment", cols, {"title": kinds, "original_filename": files}, engine)
    assert v["title"].entity is None


# -- a table of verifications ---------------------------------------------------------------


def test_one_time_codes_in_a_table_of_verifications(engine):
    emails = [f"{f.lower()}.{la.lower()}@example.org" for f, la in zip(FIRST, LAST,
                                                                       strict=True)] * 2
    codes = [f"{RNG.randint(0, 999999):06d}:0" if i % 3 else _token(32) for i in range(20)]
    cols = {"id": "integer", "identifier": "text", "value": "text"}
    v = _one("verifications", cols, {"identifier": emails, "value": codes}, engine)
    assert v["value"].entity == N.CREDENTIAL
    # look-alike: the same shape of values in a table of settings stays
    v = _one("settings", cols, {"identifier": [f"opt_{i}" for i in range(20)],
                                "value": [str(RNG.randint(0, 999999)) for _ in range(20)]},
             engine)
    assert v["value"].entity is None


# -- an iCalendar UID at the application's host ----------------------------------------------


def test_calendar_uids_at_the_applications_host_are_no_mailboxes(engine):
    base36 = "abcdefghijklmnopqrstuvwxyz0123456789"
    uids = ["c" + "".join(RNG.choice(base36) for _ in range(24)) + "@rallly.co"
            for _ in range(12)]
    uids = [u for u in uids if message_id(u)]
    assert len(uids) >= 9
    assert text_verdict("uid", uids, engine).entity != N.EMAIL
    # look-alike: people's addresses with one run of digits stay e-mails
    people = ["mariagarcia1985madrid@example.org", "johnathansmithwork2020@example.com",
              "annabergphotography7@example.net"]
    assert not any(message_id(x) for x in people)
    assert text_verdict("email", people * 3, engine).entity == N.EMAIL
