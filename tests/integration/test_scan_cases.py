"""The classes of discovery errors seen on real schemas (issue #10), on all three engines.

Each database is scanned, the proposal checked per class, and it must pass
``make_plan`` and ``tokenize`` as proposed (methods fit lengths, uniqueness and values).
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

import classifiers.sampling as sampling
from classifiers.scan import scan_database
from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import load_schema
from piigate.writer import tokenize
from tests.fixtures import discovery_cases as dc
from tests.integration.test_scan import _cli

pytestmark = pytest.mark.slow


def _scan(url: str, build) -> tuple:
    engine = connect(url)
    try:
        build(engine)
        result = scan_database(engine, sample=500)
        inv = reflect(engine)
    finally:
        engine.dispose()
    assert result.failed_tables == {} and result.unreadable == {}
    return result, inv


def _method(s, t: str, c: str) -> str:
    return s.rule(t, c).method


def _tokenizes(s, inv, db_url: str, keyring) -> None:
    """The proposal is one that tokenize accepts and applies on this engine."""
    engine = connect(db_url)
    try:
        tokenize(engine, make_plan(s, inv), keyring)
    finally:
        engine.dispose()


def _reason(s, t: str, c: str) -> str:
    r = s.rule(t, c)
    return (getattr(r, "reason", None) or r.note or "").lower()


@pytest.fixture(scope="module")
def keyring_env():
    mp = pytest.MonkeyPatch()
    mp.setenv("PIIGATE_SECRET", "test-secret-0123456789abcdef")
    from piigate.keys import Keyring

    yield Keyring.from_env()
    mp.undo()


def test_shop_proposal_per_class_and_tokenize(db_url, keyring_env):
    result, inv = _scan(db_url, dc.shop)
    s = result.schema

    # 1. address parts are judged with their street address, per column group
    for t, c in [("orders", "ship_region"), ("orders", "ship_city"),
                 ("orders", "ship_postal_code"), ("clients", "billing_state"),
                 ("clients", "billing_city"), ("clients", "billing_postcode"),
                 ("addresses", "district"), ("addresses", "postal_code")]:
        assert _method(s, t, c) != "keep", (t, c)
        assert any(x.startswith("address-group:") for x in s.rule(t, c).finding.signals)
    assert _method(s, "orders", "ship_country") == "keep"
    assert "country of the address ship_*" in _reason(s, "orders", "ship_country")
    assert _method(s, "cities", "city") == "keep"  # a list of cities, no street address
    assert "outside any person's address" in _reason(s, "cities", "city")

    # 2. the name of a thing is not a person's name; company names are not people
    for t in ("genres", "languages", "media_types", "playlists", "tracks", "categories"):
        assert _method(s, t, "name") == "keep", t
        assert "needed in a table about things" in _reason(s, t, "name"), t
    assert _method(s, "partner_accounts", "customerName") == "keep"
    assert "organisation names" in _reason(s, "partner_accounts", "customerName")
    assert _method(s, "partner_accounts", "contactLastName") == "fake"
    assert s.rule("clients", "full_name").kind == "full_name"

    # 3. keys: only tables about people have their keys masked, with the reason
    for t, c in [("genres", "genre_id"), ("tracks", "genre_id"), ("tracks", "track_id"),
                 ("languages", "language_id"), ("films", "language_id"),
                 ("playlist_track", "playlist_id"), ("orders", "order_id"),
                 ("addresses", "city_id")]:
        assert _method(s, t, c) == "keep", (t, c)
    assert "keys are masked only in tables about people" in _reason(s, "tracks", "genre_id")
    key = s.rule("clients", "id")
    assert key.method == "fpe" and key.domain == "clients.id"
    assert any("table about people" in x for x in key.finding.signals)
    for t in ("orders", "logins"):
        assert s.rule(t, "client_id").domain == "clients.id"

    # 4. free text about films is no finding; a note naming a client is
    assert _method(s, "films", "description") == "keep"
    assert "no name, contact or identifier" in _reason(s, "films", "description")
    assert _method(s, "clients", "notes") == "redact"

    # 5. binary: a client's photo is masked (PNG recognised), a category picture kept
    photo = s.rule("clients", "photo")
    assert photo.method == "null" and "content:PNG" in " ".join(photo.finding.signals)
    assert _method(s, "categories", "picture") == "keep"
    assert "jpeg" in _reason(s, "categories", "picture")

    # 6. credentials are masked whatever their shape
    for c in ("password", "salt", "api_token", "session_id"):
        assert _method(s, "logins", c) == "hash", c

    # 8. a minority of personal values masks the column, with what was found
    assert _method(s, "tickets", "reference") == "fpe"
    assert "email_address in 4 of 200" in _reason(s, "tickets", "reference")
    assert _method(s, "tickets", "requested_by") == "fpe"
    assert "no personal data found" in _reason(s, "tickets", "priority")

    # 9. methods fit: a UNIQUE VARCHAR(25) "email" of mailbox names keeps its shape
    assert _method(s, "mailboxes", "email") == "fpe"
    assert _method(s, "logins", "api_token") == "hash"  # unique, 40 characters

    plan = make_plan(s, inv)
    engine = connect(db_url)
    try:
        tokenize(engine, plan, keyring_env)
        with engine.connect() as conn:
            boxes = conn.execute(sa.text("SELECT email FROM mailboxes")).scalars().all()
            genres = conn.execute(sa.text("SELECT name FROM genres")).scalars().all()
    finally:
        engine.dispose()
    assert len(set(boxes)) == len(boxes) and all(len(b) <= 25 for b in boxes)
    assert sorted(genres) == sorted(dc.GENRES)  # kept as they were


def test_types_other_engines_use_are_read(db_url, keyring_env):
    """PostgreSQL inet/cidr/macaddr/point, MariaDB POINT, SQLite bytea/inet/point: read,
    judged, and masked where they hold personal data; the scan never crashes."""
    result, inv = _scan(db_url, dc.odd_types)
    s = result.schema
    assert _method(s, "visitors", "ip") != "keep"
    assert s.rule("visitors", "ip").finding.entity == "IP_ADDRESS"
    assert s.rule("visitors", "avatar").finding.entity == "PHOTO"
    assert _method(s, "visitors", "avatar") == "null"
    assert s.rule("visitors", "home").finding.entity == "LOCATION"
    assert _method(s, "visitors", "mac") != "keep"
    assert _method(s, "visitors", "net") == "keep"  # /16 ranges: many hosts, nobody's
    if inv.dialect == "sqlite":
        assert inv.tables["visitors"].columns["avatar"].kind == "binary"  # not NUMERIC
    _tokenizes(s, inv, db_url, keyring_env)


def test_unreadable_column_is_recorded_masked_and_the_scan_goes_on(tmp_path, monkeypatch,
                                                                   capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    engine = sa.create_engine(url)
    dc.odd_types(engine, rows=20)
    engine.dispose()
    real = sampling.read_expr

    def broken(col, info, dialect):
        if getattr(col, "name", None) == "mac":  # stands in for a value the driver rejects
            return sa.literal_column("no_such_function(1)").label("mac")
        return real(col, info, dialect)

    monkeypatch.setattr(sampling, "read_expr", broken)
    out = tmp_path / "p.json"
    assert _cli(["scan", "--db", url, "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert "not read: visitors.mac" in err and "Traceback" not in err
    s = load_schema(out)
    mac = s.rule("visitors", "mac")
    assert mac.method == "null" and mac.finding.entity == "UNREADABLE"
    assert "could not be read" in mac.note
    assert s.rule("visitors", "first_name").method == "fake"  # the rest was scanned


def test_issued_ids_numbered_names_and_fingerprints(db_url, keyring_env):
    """The third corpus pass's rules on each engine (BINARY(8) on MariaDB, bytea on
    PostgreSQL, BLOB on SQLite), and the proposal is accepted as it is."""
    result, inv = _scan(db_url, dc.issued_ids)
    s = result.schema
    assert s.rule("patients", "drivers").finding.entity == "PERSON_ID"
    assert _method(s, "patients", "plan_code") == "keep"  # 7 codes shared by 120 rows
    assert _method(s, "patients", "contact_relationship") != "keep"
    assert s.rule("providers", "name").finding.entity == "PERSON"
    assert _method(s, "providers", "lat") == "null" and _method(s, "providers", "lon") == "null"
    assert s.rule("social_accounts", "uid").finding.entity == "PERSON_ID"
    assert _method(s, "social_accounts", "provider") == "keep"
    assert _method(s, "log_visit", "config_id") == "null"
    assert _method(s, "log_visit", "idvisit") == "keep"  # a visit's key, not a person's
    _tokenizes(s, inv, db_url, keyring_env)


def test_secrets_without_a_credential_word_and_key_values_in_bytes(db_url, keyring_env):
    """The fifth corpus pass's rules on each engine (the key-value pairs in VARBINARY on
    MariaDB, bytea on PostgreSQL, BLOB on SQLite), and the proposal is accepted as it is."""
    result, inv = _scan(db_url, dc.owned_secrets)
    s = result.schema
    assert s.rule("users", "otp_key").finding.entity == "CREDENTIAL"
    assert s.rule("api_keys", "key_hash").finding.entity == "CREDENTIAL"
    assert _method(s, "posts", "post_checksum") == "keep"
    assert _method(s, "user_properties", "up_value") != "keep"
    assert "nickname" in " ".join(s.rule("user_properties", "up_value").finding.signals)
    assert _method(s, "user_properties", "up_property") == "keep"
    assert _method(s, "page_props", "pp_value") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_tax_numbers_short_codes_and_card_digits(db_url, keyring_env):
    """The sixth corpus pass's rules on each engine (VARCHAR columns as text), and the
    proposal is accepted as it is (fpe on four-digit card digits, hash on 6-hex codes)."""
    result, inv = _scan(db_url, dc.sixth_pass)
    s = result.schema
    assert s.rule("customer_entity", "taxvat").finding.entity == "PERSON_ID"
    assert _method(s, "customer_entity", "increment_id") == "keep"  # a row counter
    assert s.rule("sales_order", "customer_taxvat").finding.entity == "PERSON_ID"
    assert s.rule("sales_order", "protect_code").finding.entity == "CREDENTIAL"
    assert s.rule("sales_order_payment", "cc_owner").finding.entity == "PERSON"
    assert s.rule("sales_order_payment", "cc_last_4").finding.entity == "CARD_DIGITS"
    assert _method(s, "sales_order_payment", "cc_type") == "keep"
    assert _method(s, "mnet_host", "ip_address") == "keep"  # a peer server's
    _tokenizes(s, inv, db_url, keyring_env)


def test_people_and_companies_company_accounts_and_forge_logins(db_url, keyring_env):
    """The seventh corpus pass's rules on each engine: a partner table flagged
    ``is_company`` is masked as people's; company accounts keep their phones and
    addresses; a forge user's bare ``name`` and its lower-case copy are usernames; and
    tokenize accepts the proposal (a nullable float's coordinates, a boolean flag)."""
    result, inv = _scan(db_url, dc.seventh_pass)
    s = result.schema
    for c in ("name", "email", "phone", "street", "city", "partner_latitude"):
        assert _method(s, "res_partner", c) != "keep", c
    assert _method(s, "res_partner", "is_company") == "keep"
    for c in ("name", "phone_office", "billing_address_street", "billing_address_city",
              "billing_address_country"):
        assert _method(s, "accounts", c) == "keep", c
    assert s.rule("user", "name").finding.entity == "USERNAME"
    assert s.rule("user", "lower_name").finding.entity == "USERNAME"
    _tokenizes(s, inv, db_url, keyring_env)


def test_card_details_integer_ips_dispatch_tables_and_file_names(db_url, keyring_env):
    """The eighth corpus pass's rules on each engine: card expiry as integers and first
    digits, a ``country_area`` region, an ip2long BIGINT, a ``recipient`` table by
    ``type``/``type_id`` whose key stays, file names naming people, PHP-serialized
    placeholders and an analytics client id; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.eighth_pass)
    s = result.schema
    assert s.rule("payment", "cc_exp_month").finding.entity == "CARD_EXPIRY"
    assert s.rule("payment", "cc_exp_year").finding.entity == "CARD_EXPIRY"
    assert s.rule("payment", "cc_first_digits").finding.entity == "CARD_DIGITS"
    assert s.rule("payment", "billing_country_area").finding.entity == "REGION"
    assert s.rule("payment", "tracking_code").finding.entity == "PERSON_ID"
    assert _method(s, "payment", "total") == "keep"
    assert s.rule("connections", "ip_address").finding.entity == "IP_ADDRESS"
    assert _method(s, "connections", "pages") == "keep"
    assert _method(s, "recipient", "id") == "keep"
    assert _method(s, "message", "recipient_id") == "keep"
    assert _method(s, "file_managed", "filename") != "keep"
    assert _method(s, "file_managed", "uri") != "keep"
    assert _method(s, "file_managed", "filemime") == "keep"
    assert _method(s, "watchdog", "variables") != "keep"
    assert _method(s, "watchdog", "message") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_login_references_documents_credentials_and_row_identities(db_url, keyring_env):
    """The ninth corpus pass's rules on each engine: logins used as references (a column,
    ``home::<login>``), a group chat shown as logins, people's documents in file names
    and paths, credentials written as one word, the row's username inside JSON settings,
    a ``zone`` of a street address, a birth date under a numbered custom field, a subnet
    of the row's IP, device labels naming their owner; uuid ids of a credential table
    and an OAuth client table are kept; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.ninth_pass)
    s = result.schema
    assert s.rule("comments", "actor_id").finding.entity == "USERNAME"
    assert s.rule("storages", "id").finding.entity == "USERNAME"
    assert _method(s, "comments", "verb") == "keep"
    assert _method(s, "groups", "gid") == "keep"
    assert s.rule("channels", "displayname").finding.entity == "USERNAME"
    assert _method(s, "fileinfo", "name") != "keep"
    assert _method(s, "fileinfo", "path") != "keep"
    assert _method(s, "fileinfo", "extension") == "keep"
    assert s.rule("oauthaccessdata", "refreshtoken").finding.entity == "CREDENTIAL"
    assert _method(s, "oauthaccessdata", "scope") == "keep"
    assert s.rule("users", "mfasecret").finding.entity == "CREDENTIAL"
    assert _method(s, "users", "notifyprops") != "keep"
    assert s.rule("orders", "shipping_zone").finding.entity == "REGION"
    assert _method(s, "orders", "custom_field") != "keep"
    assert _method(s, "orders", "total") == "keep"
    assert s.rule("bruteforce_attempts", "subnet").finding.entity == "IP_ADDRESS"
    assert _method(s, "bruteforce_attempts", "action") == "keep"
    assert _method(s, "credential", "USER_LABEL") != "keep"
    assert _method(s, "credential", "ID") == "keep"
    assert _method(s, "credential", "SECRET_DATA") != "keep"
    assert _method(s, "client", "ID") == "keep"
    assert _method(s, "client", "NAME") == "keep"
    # logins of a members table larger than the sample, looked up in the database
    assert s.rule("activity", "member_login").finding.entity == "USERNAME"
    assert _method(s, "activity", "kind") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_passwords_cards_pictures_and_organisations(db_url, keyring_env):
    """The tenth corpus pass's rules on each engine: a password under ``pass``, picture
    files named for the row's person, accounts at an identity provider, the parts of a
    saved card and a processor's card id, attachments a few of which name people, coordinates under
    ``geolat``/``geolong`` beside a street; a phone extension, how a password is encoded,
    Message-IDs, a publishable key, a shop's and a project's contacts and the key of a
    prefixed link table are kept; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.tenth_pass)
    s = result.schema
    assert s.rule("shop_users", "pass").finding.entity == "CREDENTIAL"
    assert _method(s, "shop_users", "photo") != "keep"
    assert s.rule("shop_users", "google_id").finding.entity == "PERSON_ID"
    assert s.rule("shop_users", "gitlab_id").finding.entity == "PERSON_ID"
    assert _method(s, "shop_users", "phone_ext") == "keep"
    assert _method(s, "shop_users", "pass_encoding") == "keep"
    assert s.rule("shop_credit_cards", "month").finding.entity == "CARD_EXPIRY"
    assert s.rule("shop_credit_cards", "year").finding.entity == "CARD_EXPIRY"
    assert s.rule("shop_credit_cards", "last_digits").finding.entity == "CARD_DIGITS"
    assert _method(s, "shop_credit_cards", "gateway_payment_profile_id") != "keep"
    assert _method(s, "shop_credit_cards", "cc_type") == "keep"
    assert _method(s, "attachment", "name") != "keep"
    assert _method(s, "societe", "geolat") != "keep"
    assert _method(s, "societe", "geolong") != "keep"
    assert _method(s, "thread_email", "mid") == "keep"
    for col in ("contact_phone", "customer_support_email", "publishable_key"):
        assert _method(s, "shop_stores", col) == "keep", col
    assert _method(s, "projects", "email") == "keep"
    assert _method(s, "shop_role_users", "id") == "keep"
    assert _method(s, "shop_users", "id") != "keep"  # the users' own key
    _tokenizes(s, inv, db_url, keyring_env)


def test_places_provider_accounts_pictures_and_custom_fields(db_url, keyring_env):
    """The eleventh corpus pass's rules on each engine: a reset code under ``reset``, an
    OAuth account id, an e-mail signature, birthdays in a custom field, file names with
    spaces and the titles copied from them, the coordinates of a user's tags, a PayPal
    payer id, drawn signatures as base64 PNG, a company's IP, a migrated comment's author
    id at its origin (an integer); a custom field of tiers,
    a checksum under ``md5``, the coordinates of a list of places, a charge's reference
    and comment tree paths are kept; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.eleventh_pass)
    s = result.schema
    assert s.rule("users", "reset").finding.entity == "CREDENTIAL"
    assert s.rule("users", "oauth_user_id").finding.entity == "PERSON_ID"
    assert _method(s, "users", "signature") != "keep"
    assert s.rule("contacts", "custom_value1").finding.entity == "DATE_OF_BIRTH"
    assert _method(s, "contacts", "custom_value2") == "keep"
    assert _method(s, "attachments", "filename") != "keep"
    assert _method(s, "attachments", "title") != "keep"
    assert _method(s, "attachments", "md5") == "keep"
    assert _method(s, "tags", "latitude") != "keep"
    assert _method(s, "tags", "longitude") != "keep"
    assert _method(s, "places", "latitude") == "keep"
    assert s.rule("payments", "payer_id").finding.entity == "PERSON_ID"
    assert _method(s, "payments", "transaction_reference") == "keep"
    assert s.rule("invitations", "signature_base64").finding.entity == "PHOTO"
    assert s.rule("companies", "ip").finding.entity == "IP_ADDRESS"
    assert _method(s, "comment", "path") == "keep"
    assert s.rule("comment", "original_author_id").finding.entity == "PERSON_ID"
    _tokenizes(s, inv, db_url, keyring_env)


def test_linked_addresses_split_dates_and_unusual_credentials(db_url, keyring_env):
    """The twelfth corpus pass's rules on each engine: a contact's addresses reached only
    through a link table (street lines, city, postcode, coordinates), important dates
    split into day/month/year integers (masked as integers), a session table's random
    key, stored cookies, a visitor's tracking id, a password none has set yet; a daily
    statistics table's day/month/year and the address's country stay kept; tokenize
    accepts the proposal."""
    result, inv = _scan(db_url, dc.twelfth_pass)
    s = result.schema
    for c in ("line_1", "line_2", "city", "postal_code", "latitude", "longitude"):
        assert _method(s, "addresses", c) != "keep", c
    for c in ("day", "month", "year"):
        assert s.rule("contact_important_dates", c).finding.entity == "DATE_OF_BIRTH", c
        assert _method(s, "daily_stats", c) == "keep", c
    assert s.rule("web_sessions", "id").finding.entity == "CREDENTIAL"
    assert s.rule("feeds", "cookie").finding.entity == "CREDENTIAL"
    assert _method(s, "feeds", "title") == "keep"
    assert s.rule("page_hits", "tracking_id").finding.entity == "PERSON_ID"
    assert _method(s, "page_hits", "url") == "keep"
    assert s.rule("integrations", "ntfy_password").finding.entity == "CREDENTIAL"
    assert _method(s, "integrations", "ntfy_topic") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_authenticators_one_time_codes_and_lists_of_sites(db_url, keyring_env):
    """The thirteenth corpus pass's rules on each engine, where the types differ: a
    WebAuthn credential's handle and id as bytes (BLOB, bytea, VARBINARY), a 2FA code as
    an integer, backup codes and a customer's web sites as JSON (text on SQLite),
    private feed URLs with a token, passkeys named for their owner; the public key, the
    theme and a site's URL stay kept; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.thirteenth_pass)
    s = result.schema
    assert s.rule("webauthn_credentials", "handle").finding.entity == "PERSON_ID"
    assert s.rule("webauthn_credentials", "cred_id").finding.entity == "PERSON_ID"
    assert _method(s, "webauthn_credentials", "public_key") == "keep"
    assert s.rule("webauthn_credentials", "name").finding.entity == "FREE_TEXT"
    assert s.rule("users", "authCode").finding.entity == "CREDENTIAL"
    backup = s.rule("users", "backupCodes").finding
    assert backup.entity == "JSON" and set(backup.paths.values()) == {"CREDENTIAL"}
    assert _method(s, "users", "authCode") != "keep"
    assert _method(s, "users", "backupCodes") != "keep"
    assert _method(s, "users", "theme") == "keep"
    assert _method(s, "customers", "websites") != "keep"
    assert s.rule("feeds", "feed_url").finding.entity == "CREDENTIAL"
    assert _method(s, "feeds", "site_url") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_qualified_code_names_avatars_link_tokens_and_login_lists(db_url, keyring_env):
    """The fourteenth corpus pass's rules on each engine, where the types differ: backup
    codes under ``2fa_`` as JSON (text on SQLite), avatars as base64 pictures or Gravatar
    URLs in long text, Socialite's ``driver_id`` beside an undeclared ``user_id``, a
    share link's random ``slug``, user names joined by ``+``, a cancellation reason
    naming someone; a webhook's signing secret and the theme stay kept; tokenize accepts
    the proposal."""
    result, inv = _scan(db_url, dc.fourteenth_pass)
    s = result.schema
    backup = s.rule("users", "2fa_backup_codes").finding
    assert backup.entity == "JSON" and set(backup.paths.values()) == {"CREDENTIAL"}
    assert _method(s, "users", "2fa_backup_codes") != "keep"
    assert _method(s, "users", "avatar") != "keep"
    assert _method(s, "users", "theme") == "keep"
    assert s.rule("social_accounts", "driver_id").finding.entity == "PERSON_ID"
    assert s.rule("sharelinks", "slug").finding.entity == "CREDENTIAL"
    assert s.rule("bookings", "group_ref").finding.entity == "USERNAME"
    assert _method(s, "bookings", "cancellation_reason") != "keep"
    assert _method(s, "webhooks", "secret") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)



def test_glued_addresses_own_contacts_device_ids_and_uuid_keys(db_url, keyring_env):
    """The fifteenth corpus pass's rules on each engine, where the types differ: a house
    number, a second address under ``B_`` and an alternate contact's under a glued prefix,
    an SMS number and initials are masked; a branch's own contacts named after it stay;
    a device's uuid or hex ``device_id`` is masked; a share token's ``Uuid`` key (native
    on PostgreSQL, text elsewhere) stays; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.fifteenth_pass)
    s = result.schema
    for c in ("streetnumber", "B_streetnumber", "altcontactaddress1", "altcontactstate",
              "altcontactzipcode", "smsalertnumber", "initials"):
        assert _method(s, "borrowers", c) != "keep", c
    assert _method(s, "borrowers", "altcontactcountry") == "keep"
    for c in ("branchaddress1", "branchphone", "branchemail", "branchip"):
        assert _method(s, "branches", c) == "keep", c
    assert _method(s, "devices", "device_id") != "keep"
    assert _method(s, "devices", "app_name") == "keep"
    assert _method(s, "share_tokens", "id") == "keep"
    _tokenizes(s, inv, db_url, keyring_env)


def test_device_positions_typed_people_ips_in_text_and_calendar_bytes(db_url, keyring_env):
    """The sixteenth corpus pass's rules on each engine, where the types differ: a device's
    ``Float`` positions beside a ``DateTime`` and a reference to its table, the device's
    unique id, an iCalendar stored as bytes whose organiser comes after its first hundred
    bytes (``BLOB``, ``bytea``), full names in the rows of a person's type and their
    lower-cased copy, IP addresses in a log's messages are masked; the device's model,
    the calendars' names and the items' type stay; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.sixteenth_pass)
    s = result.schema
    for t, c in (("tc_positions", "latitude"), ("tc_positions", "longitude"),
                 ("tc_devices", "uniqueid"), ("tc_calendars", "data"), ("items", "name"),
                 ("items", "sort_name"), ("activity_logs", "short_overview")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("tc_devices", "model"), ("tc_calendars", "name"), ("items", "item_type")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)


def test_split_birthdays_scanned_payments_json_codes_and_base64_documents(db_url, keyring_env):
    """The seventeenth corpus pass's rules on each engine, where the types differ: a
    birthday split in ``SmallInteger`` parts with 0 for unknown, a cheque's MICR line and
    a card's stripe in ``Text``, recovery codes as a JSON list (``json``, MariaDB's
    ``JSON``, SQLite's ``TEXT``), an identity provider's subject beside its issuer,
    Gravatar avatars, PDFs kept as base64 text beside paths, a webhook's basic-auth
    password are masked; the hook's signing secret, the issuer and the document type stay;
    tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.seventeenth_pass)
    s = result.schema
    for t, c in (("person_per", "per_BirthDay"), ("person_per", "per_BirthMonth"),
                 ("person_per", "per_BirthYear"), ("family_fam", "fam_scanCheck"),
                 ("family_fam", "fam_scanCredit"), ("users", "recovery_codes"),
                 ("users", "subject"), ("users", "avatar"), ("document_data", "data"),
                 ("webhooks", "basic_auth_password")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("users", "issuer"), ("webhooks", "secret"), ("document_data", "type")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)


def test_uuid_typed_visitor_ids_are_read_masked_and_stay_uuids(db_url, keyring_env):
    """A visitor keyed by a native ``uuid`` (PostgreSQL, MariaDB; text on SQLite) is read
    and masked like the same ids in text, with ``fpe`` over its hex digits, its page views'
    references in the same domain; the sites' uuid keys stay; after tokenize the ids are
    uuids of the same version, new, and the views still join their visitors."""
    result, inv = _scan(db_url, dc.uuid_visitors)
    s = result.schema
    for t in ("session", "website_event"):
        rule = s.rule(t, "session_id")
        assert (rule.method, getattr(rule, "alphabet", None)) == ("fpe", "hex"), t
    for t, c in (("website", "website_id"), ("session", "website_id"), ("session", "browser")):
        assert _method(s, t, c) == "keep", (t, c)
    engine = connect(db_url)
    try:
        with engine.connect() as conn:
            before = {str(v) for v in conn.execute(sa.text("SELECT session_id FROM session"))
                      .scalars()}
        tokenize(engine, make_plan(s, inv), keyring_env)
        with engine.connect() as conn:
            after = {str(v) for v in conn.execute(sa.text("SELECT session_id FROM session"))
                     .scalars()}
            orphans = conn.execute(sa.text(
                "SELECT COUNT(*) FROM website_event e LEFT JOIN session s "
                "ON s.session_id = e.session_id WHERE s.session_id IS NULL")).scalar_one()
    finally:
        engine.dispose()
    assert len(after) == len(before) and not after & before and orphans == 0
    assert {uuid.UUID(v).version for v in after} == {4}


def test_eighteenth_pass_click_ids_death_date_folder_and_provider_pictures(db_url, keyring_env):
    """The eighteenth corpus pass's rules on each engine: ad click ids by their names, a
    date of death named ``deceased`` (``DateTime``, ``0001-01-01`` for none), a folder
    named for the row's person, sign-in providers' profile pictures under ``image``, a
    drawn signature as hex text, résumé titles and a verification's codes are masked;
    the UTM tags, a chart code built from the surname and a note stay; tokenize accepts
    the proposal."""
    result, inv = _scan(db_url, dc.eighteenth_pass)
    s = result.schema
    for t, c in (("page_views", "gclid"), ("page_views", "fbclid"),
                 ("patient", "date_time_deceased"), ("patient", "image_folder"),
                 ("users", "image"), ("commlog", "signature"), ("attachment", "title"),
                 ("verifications", "value")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("page_views", "utm_source"), ("patient", "chart_code"),
                 ("commlog", "note")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)


def test_nineteenth_pass_a_private_mailboxes_dates_from_birth_points_and_codes(db_url,
                                                                               keyring_env):
    """The nineteenth corpus pass's rules, part A, on each engine: user ids that are
    mailboxes at a reserved domain, a retirement date from the birth date, a GeoJSON
    point, customers written ``Last,First`` among pets, pets' microchips, a signed
    cancel link and mailed verification codes are masked; the joining date, a check-in's
    number, a shared link's password hash and the table of salts stay; tokenize accepts
    the proposal."""
    result, inv = _scan(db_url, dc.nineteenth_pass_a)
    s = result.schema
    for t, c in (("tab_employee", "owner"), ("tab_employee", "date_of_retirement"),
                 ("tab_checkin", "geolocation"), ("entities", "name"),
                 ("entity_identities", "identity"), ("subscriptions", "cancel_url"),
                 ("email_verification_codes", "code")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("tab_employee", "date_of_joining"), ("tab_checkin", "name"),
                 ("shared_links", "password_hash"), ("salts", "salt")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)


def test_nineteenth_pass_b_keys_faxes_push_endpoints_and_sign_in_sources(db_url, keyring_env):
    """The nineteenth corpus pass's rules, part B, on each engine: a PEM private key
    under ``keys`` (``Text``), faxes in unassigned areas, a row-prefixed ``user_web``, web
    push endpoints and a sign-up's ``identifier`` beside sign-in providers are masked; a
    push subscription's public key, a sign-in source's endpoints and consumer keys, an
    e-mail template's title and the server's own private keys stay; tokenize accepts the
    proposal."""
    result, inv = _scan(db_url, dc.nineteenth_pass_b)
    s = result.schema
    for t, c in (("users", "keys"), ("users", "user_fax"), ("users", "user_web"),
                 ("push_subscriptions", "endpoint"), ("push_subscriptions", "key_auth"),
                 ("registration_tokens", "identifier")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("push_subscriptions", "key_p256dh"), ("oauth_sources", "consumer_key"),
                 ("oauth_sources", "consumer_secret"), ("oauth_sources", "access_token_url"),
                 ("email_templates", "email_template_title"), ("acme_cache", "data")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)


def test_twentieth_pass_keys_codes_street_parts_and_the_organisations_mailboxes(db_url,
                                                                                keyring_env):
    """The twentieth corpus pass's rules on each engine: a key pair table's private keys
    (a user row points to it), a password reset's code, a confirmation code, a session
    nonce, a house number (``Numeric``), direction, apartment and mailing address beside
    a street, and organisations named after e-mail addresses are masked; the
    organisations' addresses, a team's mailbox named for it and a mail collector's
    mailbox and password stay; tokenize accepts the proposal."""
    result, inv = _scan(db_url, dc.twentieth_pass)
    s = result.schema
    for t, c in (("keypair", "private_key"), ("passwordreset", "code"),
                 ("users", "confirmation_code"), ("users", "session_nonce"),
                 ("address", "house_no"), ("address", "direction"), ("address", "apt"),
                 ("address", "mail_address"), ("org", "name")):
        assert _method(s, t, c) != "keep", (t, c)
    for t, c in (("org", "address1"), ("org", "city"), ("team", "email"),
                 ("mailcollectors", "name"), ("mailcollectors", "login"),
                 ("mailcollectors", "passwd")):
        assert _method(s, t, c) == "keep", (t, c)
    _tokenizes(s, inv, db_url, keyring_env)
