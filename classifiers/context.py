"""What a table is about, and the column decisions that depend on it.

A column's values alone cannot tell a genre called "Latin" from a person called Latin,
a workflow ``state`` from a customer's state, or a product photo from an employee's.
After every column of a table has its own verdict, this pass looks at the table:

- **subject**: a table is *about people* when its name says so (``customers``,
  ``employees``), or it holds a person's identifying data (a name part, a date of birth,
  a national id, a username), or contacts (e-mail, phone) while its name is not a
  thing's. It is a *thing* table when its name names a thing (``genres``, ``products``)
  or it has the shape of a lookup table (referenced by other tables, few columns, few
  rows) and holds nothing identifying.
- **names**: a bare ``name`` (or ``customerName``) is a person's name only with enough
  values that read as one (a dictionary first name first), and never when a quarter of
  them carry a company word (Inc, Ltd, Gifts, &); a thing table needs far more evidence.
- **addresses**: the parts of a postal address (city, postcode, region, country) are
  judged together, per column group (``ship_*``, ``billing_*``, or none): a group holding a
  street address is an address, and so is a part of a table about people. Its city,
  postcode and region are masked; its country is kept with the reason (coarse). Outside
  an address, a part is kept with the reason (a list of cities is not personal data).
- **binary and other types**: a binary column of a table about people is masked (fail
  closed), whatever it holds; elsewhere images and documents are masked unless the table
  is a thing table. Geometry in a table about people is a location and masked.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import json
import re
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from piigate.db import ColumnInfo, Inventory, TableInfo, is_non_numeric_other

from . import names as N
from .namewords import name_dictionary
from .verdict import (
    CODE_LIKE,
    FILLER,
    FREE_TEXT,
    ID_CODE,
    IN_TEXT,
    JSON,
    NAME_ENTITIES,
    ORG_LIKE,
    PERSON_LIKE,
    PROFILE_URL,
    ROLE_EMAIL,
    SECRET_LIKE,
    SEQUENCE,
    SHORT_HEX,
    SLUG_LIKE,
    TOKEN_LIKE,
    UUID_LIKE,
    Analyzer,
    Verdict,
    file_name,
    file_stem,
    key_verdict,
    login_shaped,
    named_stems,
    parse_json,
    pem_private_key,
    walk_json,
)

# Head nouns of table names (singular). The last known token of the name decides:
# "customer_orders" is about orders, "order_customers" about customers.
PERSON_WORDS = frozenset("""
person people customer client employee emp staff user member patient student pupil teacher
contact author artist actor actress director composer guest passenger driver applicant
candidate tenant subscriber profile manager doctor physician nurse worker volunteer donor
beneficiary recipient visitor player athlete buyer agent representative rep resident
citizen voter lead prospect attendee participant speaker instructor lecturer professor
parent child spouse landlord borrower insured policyholder claimant personnel individual
owner holder traveler traveller learner trainee intern account kunde mitarbeiter personne
cliente usuario utilisateur benutzer
""".split())
THING_WORDS = frozenset("""
genre category type language media playlist territory region track product item film movie
album song book title country city state province tag status currency department store
shop warehouse supplier vendor company organisation organization org office branch brand
color colour size unit lookup code setting config configuration role permission group
kind format channel platform catalog catalogue inventory stock shipper carrier
manufacturer publisher label rating level grade class classification station route
airport port zone location site venue room building plan tier price fee tax rate
skill course subject topic feature option attribute
project board
pharmacy payer insurer inbox hospital clinic facility agency institution bank
school university laboratory lab organisation partner
affiliation institute
host server node peer mirror bot crawler
""".split())
# Events and transactions: neither people nor things; their rows may hold a person's data
# (an order's shipping name), judged by the values.
EVENT_WORDS = frozenset("""
order invoice payment transaction shipment booking reservation ticket log event visit
rental loan sale purchase subscription message comment review request application claim
appointment enrollment enrolment registration audit history session login token
note stat statistic basket cart setting preference access recorder
""".split())
# Tables of secrets: their random-looking text columns are session ids and tokens.
# (an OAuth ``authorization_code`` or ``grant`` table holds the codes that open a person's
# account to an application)
# (eighteenth pass: a ``verifications`` table holds the one-time codes and links sent to
# prove an address, Rallly's ``verifications.value``, as a token table does)
SECRET_WORDS = frozenset({"session", "token", "credential", "secret", "sessions",
                          "authorization", "grant", "verification"})
SESSION_PAYLOADS = frozenset({"data", "value", "payload", "contents", "vars", "variables",
                              "session"})
# Suffixes that leave a table about its first word: patient_data, user_info.
# ``entity``: the main table of an entity-attribute-value model (``customer_entity``)
GENERIC_SUFFIXES = frozenset({"data", "info", "information", "detail", "details", "master",
                              "entity",
                              "record", "records", "table", "tbl", "profile", "profiles"})
GEO_NAMES = frozenset({"lat", "latitude", "lon", "lng", "longitude",
                       # written as one word (Dolibarr's ``geolat``, ``geolong``)
                       "geolat", "geolong", "geolon", "geolng"})
IDENTIFYING = frozenset({N.FIRST_NAME, N.LAST_NAME, N.PERSON, N.DOB, N.SSN, "US_ITIN",
                         N.NATIONAL_ID, N.PASSPORT, N.USERNAME})
CONTACT = frozenset({N.EMAIL, N.PHONE})
LOOKUP_MAX_COLUMNS = 4
LOOKUP_MAX_ROWS = 1000
ORG_SHARE = 0.25  # values with a company word that make a column organisation names
# values reading as a person's name (a dictionary first name first) beside company names
# before a name column is a mix of companies and individuals
MIN_MIXED_NAMES = 3
MIXED_NAME_SHARE = 0.15
# share of values reading as a person's name that a weak name column needs, per subject
NAME_SHARE = {"people": 0.2, "thing": 0.6, "unknown": 0.3}
Key = tuple[str, str]  # (table, column)


@dataclass
class Subject:
    """What a table is about: ``people``, ``thing`` or ``unknown``, and why."""

    kind: str
    reason: str
    by_name: bool = False  # the table's name says it (not only its columns)
    # columns holding who the person is or how to reach them (a name, username, birth
    # date, national id, e-mail, phone), once the table's rules have run: a table without
    # them refers to a person kept elsewhere
    identity: tuple[str, ...] = ()

    @property
    def about_people(self) -> bool:
        return self.kind == "people"


def person_key_tables(inv: Inventory, subjects: dict[str, Subject]) -> dict[str, str]:
    """Tables whose rows are persons: their primary keys identify people.

    Only a table whose name ends in a person word (``customers``, ``patient_data``)
    is one. A table about people only by its columns is about something else that
    holds a person's data (an order with its customer's e-mail, a comment with its
    author's name, an access row with a login): its key identifies that thing, and
    testers rely on it.
    """
    return {t: s.reason for t, s in subjects.items()
            if s.about_people and s.by_name and not _link_table(inv, t)
            and not _provider_link(inv.tables[t])
            and not (not s.identity and _of_another_person(inv, t))
            and not (not s.identity and _polymorphic(inv.tables[t]))
            and not (not s.identity and _tenant(inv, t))}


TENANT_MEMBERS_MIN = 2.0  # people per row of a table that holds them (an organisation)


def _tenant(inv: Inventory, table: str) -> str | None:
    """A table named for people without a name, e-mail or other identity of its own whose
    rows hold several rows of another table of people (Monica's ``accounts``, referenced
    by ``users.account_id`` with four users an account): a tenant, a household or a
    company account, not a person; its key identifies that. (A ``person`` table that its
    ``users`` extend holds one user a person or fewer.) The referencing table, or
    None."""
    t = inv.tables.get(table)
    if t is None or not t.row_estimate:
        return None
    for oname, other in inv.tables.items():
        if oname == table or not _person_named(oname) or not other.row_estimate:
            continue
        col = _references_to(other, inv).get(table)
        if col is not None and col not in other.primary_key and \
                other.row_estimate >= TENANT_MEMBERS_MIN * t.row_estimate:
            return f"{oname}.{col}"
    return None


def _polymorphic(t: TableInfo) -> str | None:
    """A ``type`` and ``type_id`` pair (``object_type``/``object_id``): each row points at
    one of several kinds of thing (Zulip's ``recipient`` is a user, a channel or a
    group). Named for people but without a name, e-mail or phone of its own, such a table
    is a dispatch table: its key identifies the reference, not a person. The id column,
    or None."""
    cols = {c.lower(): c for c in t.columns}
    for c in cols:
        toks = N.tokens(c)
        if toks and toks[-1] == "type":
            stem = "_".join(toks[:-1])
            for ref in (f"{stem}_id" if stem else "type_id", f"{c}_id"):
                if ref in cols:
                    return cols[ref]
    return None


def _of_another_person(inv: Inventory, table: str) -> str | None:
    """A table named for people whose rows refer to a person of another table named for
    people (``members.user_id`` -> ``users``, ``customer_visitor.customer_id``,
    ``message_contacts.userid`` -> ``user``). Without a name, username, birth date,
    national id, e-mail or phone of its own (``Subject.identity``), its rows are that
    person's memberships, visits or contacts, and its key identifies those, not a
    person; with them (Mastodon's ``users.email``, a contact's name) the rows are the
    person again (a guest subscriber with only an e-mail is one).
    A table whose primary key is the reference (``user_profiles.user_id``,
    ``customers_info_id``) extends the person's own row, one to one: not one of these.
    The reference column, or None. (``employees.manager_id`` names no other table.)"""
    t = inv.tables.get(table)
    if t is None:
        return None
    pk = set(t.primary_key)  # a key that is the reference: the same person, one row each
    for fk in t.foreign_keys:
        if fk.ref_table != table and _person_named(fk.ref_table) and \
                not set(fk.columns) & pk:
            return fk.columns[0]
    others = {w: name for name in inv.tables if name != table
              and (w := _person_named(name)) is not None}
    own = _person_named(table)
    for cname in _person_refs(t):
        if cname in pk:
            continue
        toks = N.tokens(cname)
        # (a bare ``uid`` is the user's id, as in _person_refs)
        word = "user" if toks == ["uid"] else \
            toks[-2] if len(toks) >= 2 and toks[-1] in REF_WORDS else \
            toks[-1][:-2] if toks[-1].endswith("id") else toks[-1]
        for w in _forms(word):
            if w in others and w != own:
                return cname
    return None


def _link_table(inv: Inventory, table: str) -> bool:
    """A join table named ``<things>_<people>`` (``posts_authors``, ``project_members``):
    its rows link a thing to a person, so its key identifies the link, not a person.
    Its name starts with another table's name and it references two or more tables."""
    t = inv.tables.get(table)
    if t is None:
        return False
    toks = N.tokens(table)
    singulars = {N._singular(name.lower()): name for name in inv.tables if name != table}
    # tables named with the application's prefix (``spree_role_users`` beside
    # ``spree_roles`` and ``spree_users``): ``role_id`` names ``spree_roles`` too
    prefix = f"{toks[0]}_" if len(toks) > 2 else ""
    for name in inv.tables:
        if prefix and name != table and name.lower().startswith(prefix):
            singulars.setdefault(N._singular(name.lower()[len(prefix):]), name)
    prefix_is_table = any(N._singular("_".join(toks[:i])) in singulars
                          for i in range(1, len(toks)))
    refs = {fk.ref_table for fk in t.foreign_keys if fk.ref_table != table}
    # references many schemas do not declare: ``account_id`` beside a table ``accounts``
    refs |= {singulars[c.lower()[:-3]] for c in t.columns
             if c.lower().endswith("_id") and c.lower()[:-3] in singulars}
    return prefix_is_table and len(refs) >= 2


# a link table holding a row for each thing and few more: each thing is one person's
# (an address of a contact), not shared (a role, a group or a tag links many people each)
LINKS_PER_ROW_MAX = 2.0
LINK_TABLE_MAX_COLUMNS = 8  # two references, flags, dates: a link, not an entity


def _references_to(t: TableInfo, inv: Inventory) -> dict[str, str]:
    """Table referenced -> column, by declared foreign keys and by ``<singular>_id``
    names of the inventory's tables (``address_id`` -> ``addresses``; many schemas
    declare none)."""
    out = {fk.ref_table: fk.columns[0] for fk in t.foreign_keys if fk.ref_table != t.name}
    singulars = {N._singular(name.lower()): name for name in inv.tables if name != t.name}
    for c in t.columns:
        toks = N.tokens(c)
        if len(toks) >= 2 and toks[-1] == "id":
            target = singulars.get("_".join(toks[:-1]))
            if target is not None:
                out.setdefault(target, c)
    return out


def _linked_to_people(inv: Inventory, table: str) -> str | None:
    """A table that reaches people only through a many-to-many link table
    (Monica's ``addresses`` through ``contact_address(contact_id, address_id)``): its
    rows are each one person's, so its address parts and coordinates are a person's. The
    link table references this one and a table named for people, has few columns, and
    holds at most about one row per row of this table (a shared role or group has many
    links per row: a ``user_roles`` table is not this). Without row estimates (a
    PostgreSQL table never analysed) the rows are judged as people's: fail closed.
    Returns ``link -> people``."""
    t = inv.tables.get(table)
    if t is None:
        return None
    for lname, link in inv.tables.items():
        if lname == table or len(link.columns) > LINK_TABLE_MAX_COLUMNS:
            continue
        refs = _references_to(link, inv)
        if table not in refs:
            continue
        people = [r for r in refs if r != table and _person_named(r)]
        shared = bool(t.row_estimate and link.row_estimate and
                      link.row_estimate > LINKS_PER_ROW_MAX * t.row_estimate)
        if people and not shared:
            return f"{lname} -> {people[0]}"
    return None


def _forms(tok: str) -> tuple[str, ...]:
    """A table-name word and its singulars (categories, inboxes, addresses)."""
    return (tok, N._singular(tok), tok[:-3] + "y" if tok.endswith("ies") else tok,
            tok[:-2] if tok.endswith("es") else tok)


def _person_named(table: str) -> str | None:
    """The person word a table's name ends with (after data/info-like suffixes)."""
    toks = N.tokens(table)
    while len(toks) > 1 and toks[-1] in GENERIC_SUFFIXES:
        toks = toks[:-1]
    if not toks:
        return None
    tok = toks[-1]
    for w in _forms(tok):
        if w in PERSON_WORDS:
            return w
    return None


def head_noun(table: str) -> str | None:
    """The last token of a table name that is a known person, thing or event word."""
    for tok in reversed(N.tokens(table)):
        for w in _forms(tok):
            if w in PERSON_WORDS or w in THING_WORDS or w in EVENT_WORDS:
                return w
    return None


def _by_name_only(v: Verdict) -> bool:
    return not any(s.startswith("column-name:") for s in v.signals)


def _evidence(verdicts: dict[str, Verdict], skip: set[str]) -> tuple[list[str], list[str]]:
    identifying, contact = [], []
    for c, v in verdicts.items():
        if c in skip or v.entity is None or v.partial:
            continue
        if v.entity in NAME_ENTITIES and (v.weak_name or _by_name_only(v)):
            continue  # decided with the subject, not evidence for it
        if (nm := N.match(c)) is not None and nm.entity == v.entity and N.is_handle(nm):
            # ``twitter``, ``website``: a person's only in a table about people (see
            # _handles), so no evidence that it is one (a shop's social accounts)
            continue
        if v.entity in IDENTIFYING:
            identifying.append(f"{c}:{v.entity}")
        elif v.entity in CONTACT:
            contact.append(f"{c}:{v.entity}")
    return identifying, contact


def _referenced(inv: Inventory, table: str) -> list[str]:
    return sorted({f"{fk.table}.{fk.columns[0]}" for fk in inv.all_foreign_keys()
                   if fk.ref_table == table and fk.table != table})


def subject_of(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
               skip: set[str] | None = None, by_columns: bool = False) -> Subject:
    """Whether the table is about people, about things, or unknown (see module doc);
    ``by_columns``: from its columns alone, whatever its name says."""
    head = None if by_columns else head_noun(t.name)
    identifying, contact = _evidence(verdicts, skip or set())
    named = None if by_columns else _person_named(t.name)
    if named is not None and _software_client(t, named, identifying + contact):
        return Subject("thing", f"table name reads as people ({named}), but its rows are "
                                "applications: a client secret and no person's data")
    if named is not None:
        return Subject("people", f"table name reads as people ({named})", by_name=True)
    mixed = None if by_columns else people_or_organisations(t)
    if mixed is not None:
        # a partner, party or contact table whose rows are people or companies: judged
        # as holding people (fail closed), its company rows masked with them
        return Subject("people", f"rows are people or organisations ({mixed} tells "
                                 "which): judged as people")
    if head in PERSON_WORDS:
        head = None  # account_notes: about notes of accounts
    if identifying:
        return Subject("people", "holds " + ", ".join(identifying[:4]))
    if contact and head not in THING_WORDS:
        return Subject("people", "holds " + ", ".join(contact[:4]))
    if head in THING_WORDS:
        return Subject("thing", f"table name reads as a thing ({head})")
    refs = _referenced(inv, t.name)
    rows = t.row_estimate
    # (seventeenth pass) a table holding documents' content (a PDF, an Office file) is no
    # lookup, whatever its shape: lookups hold names and codes (Documenso's
    # ``DocumentData``, referenced by its document, one row each); an icon is still a
    # lookup's picture
    documents = any(v.content in IMAGE_OR_DOCUMENT - IMAGES for v in verdicts.values())
    if refs and len(t.columns) <= LOOKUP_MAX_COLUMNS and not documents and \
            (rows is None or rows <= LOOKUP_MAX_ROWS):
        return Subject("thing", f"lookup table ({len(t.columns)} columns, "
                                f"{'?' if rows is None else rows} rows, referenced by "
                                f"{', '.join(refs[:3])})")
    return Subject("unknown", "nothing says what the table is about")


def _software_client(t: TableInfo, named: str, personal: list[str]) -> bool:
    """A ``client`` table of an identity provider or an OAuth server: its rows are
    applications (a client secret, redirect and base URLs), not customers. Only when no
    column holds a person's name part, birth date, username, e-mail or phone."""
    if named != "client" or personal:
        return False
    return any(set(toks) & {"secret", "redirect"} for toks in map(N.tokens, t.columns))


# ``is_company``, ``is_organization``, ``is_person``: a flag telling which rows are people
MIXED_FLAG_WORDS = frozenset({"company", "organisation", "organization", "org", "business",
                              "corporate", "corporation", "person", "individual"})


def people_or_organisations(t: TableInfo) -> str | None:
    """The column flagging a table's rows as people or organisations (``is_company``),
    or None."""
    for cname, col in t.columns.items():
        toks = N.tokens(cname)
        if len(toks) == 2 and toks[0] == "is" and toks[1] in MIXED_FLAG_WORDS and \
                col.kind in ("boolean", "integer", "text", "other"):
            return cname
    return None


def apply_context(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                  rows: list[dict[str, Any]] | None = None,
                  engine: Analyzer | None = None) -> Subject:
    """Revise a table's verdicts in place with its subject; returns the final subject.

    ``rows`` (the sampled rows) and ``engine`` let the rules that compare the columns of
    one row (a URL holding the row's username, a key-value pair) run."""
    if _person_named(t.name) is None:
        _role_mailboxes(verdicts)
        _mailboxes_named_for_the_row(t, verdicts, rows or [])
    subject = subject_of(t, verdicts, inv)
    confirmed, organisations = _revise_names(t, verdicts, subject)
    # (a reference to the user assigned to a company, ``assigned_user_id``, names who
    # works on the row, not who the row is)
    refs = {c for c in t.columns if len(toks := N.tokens(c)) > 1 and toks[-1] == "id"}
    if subject.by_name and not confirmed and not organisations and \
            not _evidence(verdicts, refs)[0]:
        organisations = _company_descriptors(t)
    if organisations and subject.by_name:
        # "clients", "accounts" may be companies: a name column of company names says
        # the rows are organisations, whatever the table is called (their contact
        # person's name and e-mail are still found by the columns)
        subject = subject_of(t, verdicts, inv, skip=refs, by_columns=True)
        identifying, _contact = _evidence(verdicts, refs)
        if subject.kind != "thing" and not identifying:
            # only contacts left (phones, e-mails, an address), or nothing said: the
            # organisation's own
            subject = Subject("thing", "its contacts are an organisation's")
        subject.reason += (f"; its rows are organisations ({', '.join(organisations)} "
                           "holds company names or describes a business)")
    if confirmed and not subject.about_people:
        subject = Subject("people", f"holds people's names ({', '.join(confirmed[:3])})")
    if not subject.about_people and (via := _linked_to_people(inv, t.name)):
        # no reference of its own to a person, but each row is linked to one (a contact's
        # addresses); judged as people's for its addresses and coordinates below
        subject = Subject("people", f"its rows are people's through a link table ({via})")
    if subject.about_people:
        _address_lines(t, verdicts)
    _addresses(t, verdicts, subject)
    _street_parts(t, verdicts)
    _handles(t, verdicts, inv, subject)
    if rows and (subject.about_people or _person_refs(t)):
        # (sixteenth pass: also a person's row kept in another table, Gibbon's staff
        # record beside ``gibbonPerson``: the initials are that person's)
        _initials(t, verdicts, rows)
    if subject.kind == "thing":
        _organisation_contacts(t, verdicts, subject)
    _keys(t, verdicts, inv)
    if head_noun(t.name) in SECRET_WORDS or any(
            x in SECRET_WORDS for x in map(N._singular, N.tokens(t.name))):
        _secrets(t, verdicts)
    owned = _person_refs(t)
    if subject.about_people or any(v.entity == N.STREET and not v.partial
                                   for v in verdicts.values()):
        # (coordinates beside a person's street address locate the same home; a thing's
        # address was kept above)
        _geo(t, verdicts, _subject_phrase(subject), by_name=subject.by_name, rows=rows)
    elif owners := [c for c in owned if _names_person(c)]:
        # a place a person saved (a tag's, a check-in's, a photo's coordinates), whatever
        # the table is called: where that person was or lives (a row's ``user_id``, not
        # the audit trail's ``creator`` of a facility's row)
        _geo(t, verdicts, f"whose rows belong to a person ({', '.join(owners[:2])})",
             rows=rows)
    elif tracked := _tracked_device(t):
        # (sixteenth pass) a device's positions over time (Traccar's ``tc_positions``):
        # trackers and phones are carried by people; where the device was is where its
        # driver or wearer was
        _geo(t, verdicts, f"of a device's positions over time ({tracked})", rows=rows)
    if subject.by_name:
        _person_ids(t, verdicts, inv, subject, rows)
        _provider_accounts(t, verdicts, inv)
    if subject.about_people:
        _issued_subjects(t, verdicts)
    _card_parts(t, verdicts)
    _identity_links(t, verdicts, inv, rows or [])
    _password_reset_requests(t, verdicts)
    if not subject.about_people and not owned:
        _installation_keys(t, verdicts, inv, rows or [])
    if subject.kind != "thing":
        _tax_numbers(t, verdicts, subject)
    if subject.kind != "thing" and (subject.by_name or owned):
        _owned_secrets(t, verdicts, inv, subject, owned)
    if owned and head_noun(t.name) in CALENDAR_WORDS:
        _personal_events(t, verdicts, inv, owned)
    if rows and (subject.about_people or owned):
        _split_dates(t, verdicts, rows, _subject_phrase(subject) if subject.about_people
                     else f"whose rows belong to a person ({', '.join(owned[:2])})")
    _logins_of_a_role(t, verdicts, inv)
    if owned or subject.about_people:
        _mailed_codes(t, verdicts)
    if owned:
        _outside_identities(t, verdicts, inv)
        _owned_identifiers(t, verdicts, inv, owned)
    if rows:
        _urls_naming_the_person(t, verdicts, rows, subject)
        _files_naming_the_row(t, verdicts, rows)
        _squashed_row_names(t, verdicts, rows)
        if engine is not None and (subject.by_name or owned):
            _key_values(t, verdicts, rows, engine)
    if rows and owned:
        _tracking_ids(t, verdicts, owned, rows)
    if rows and (subject.by_name or owned) and subject.kind != "thing":
        _outside_account_ids(t, verdicts, inv, rows)
        _cookies(t, verdicts, rows)
    if (subject.about_people or owned) and subject.kind != "thing":
        _unsampled_credentials(verdicts)
    _ids_beside_names_from_elsewhere(t, verdicts, inv)
    _audit_siblings(t, verdicts)
    _authenticator_ids(t, verdicts)
    if (subject.about_people or owned) and subject.kind != "thing":
        _one_time_codes(t, verdicts, rows)
        _unsampled_logins(t, verdicts)
    if rows:
        _token_keys(t, verdicts, rows)
        _federated_handles(t, verdicts, rows)
        _texts_naming_someone(t, verdicts, rows)
        _inverted_names(t, verdicts, rows)
        _typed_person_rows(t, verdicts, rows)
        _ips_in_text(t, verdicts, rows)
        _login_urls(t, verdicts, rows)
        _scanned_payments(t, verdicts, rows)
        _shapes_of_named_places(t, verdicts, rows)
    if rows and (subject.about_people or owned):
        _urls_with_secrets(t, verdicts, rows)
        _people_paths(t, verdicts, rows)
        _login_lists(t, verdicts, rows)
    if rows and subject.about_people:
        _contact_lists(t, verdicts, rows)
    if owned:
        _device_fingerprints(t, verdicts)
    if owned or set(N.tokens(t.name)) & DEVICE_TABLE_WORDS:
        _device_ids(t, verdicts, inv)
    if set(N.tokens(t.name)) & DEVICE_TABLE_WORDS:
        _device_identities(t, verdicts, inv)
    _installation_secrets(t, verdicts, subject, owned)
    if rows:
        _webhooks(verdicts, rows)
        _file_titles(t, verdicts, rows, engine)
        _derived_copies(t, verdicts, rows)
        _dates_from_birth(t, verdicts, rows)
        _sibling_secrets(t, verdicts, rows)
        _link_tokens(t, verdicts)
        _networks_of_the_row(t, verdicts, rows)
    subject.identity = tuple(c for c, v in verdicts.items()
                             if v.entity in IDENTIFYING | CONTACT and not v.partial)
    # what the values showed (an IP, a name), not what the table decides for bytes
    personal = [c for c, v in verdicts.items()
                if v.is_pii and v.entity not in (N.PHOTO, "DOCUMENT", "BINARY")]
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None:
            continue
        if col.kind == "binary" or (col.kind == "text" and v.content in IMAGE_OR_DOCUMENT):
            # (a picture or a document stored as base64 text is the same picture)
            _binary(col, v, subject, personal)
        elif col.kind == "other":
            _other(col, v, subject)
    return subject


# -- logins used as references --------------------------------------------------------


MIN_USER_LOGINS = 10  # distinct logins in a table of people before they are looked for
MIN_LOGIN_MATCHES = 5  # values of another column holding one of them
LOGIN_MATCH_SHARE = 0.5  # ... among its distinct values
# what separates a login from the rest of a value that embeds it (``home::<login>``,
# ``object::user:<login>``, ``<login>@cloud.example.org``, a path ``files/<login>/...``)
_LOGIN_SEPARATORS = re.compile(r"[:/\\@\s,;|]+")


def _user_logins(inv: Inventory, people: dict[str, str], verdicts: dict[Key, Verdict],
                 values: dict[Key, list[Any]]) -> tuple[set[str], list[Key]]:
    """The login names of the tables whose rows are persons: their username columns, and
    a text primary key holding logins (Nextcloud's ``oc_users.uid``); with the columns
    they come from."""
    logins: set[str] = set()
    sources = []
    for tname in people:
        t = inv.tables[tname]
        for cname, col in t.columns.items():
            v = verdicts.get((tname, cname))
            if v is None or col.kind != "text":
                continue
            text_key = t.primary_key == [cname] and \
                v.hits.get("LOGIN_LIKE", 0) >= 0.5 * max(1, v.sampled)
            if not text_key and (v.entity != N.USERNAME or v.partial):
                continue
            found = _login_words(values.get((tname, cname), []))
            if found:
                logins |= found
                sources.append((tname, cname))
    return logins, sources


def _login_words(values: list[Any]) -> set[str]:
    """The login-shaped values (three characters at least)."""
    return {x.strip() for x in values
            if isinstance(x, str) and len(x.strip()) >= 3 and login_shaped(x)}


# (table, column) of a users' login column, words -> those of the words it holds
LoginLookup = Callable[[Key, set[str]], set[str]]


def login_references(inv: Inventory, people: dict[str, str], verdicts: dict[Key, Verdict],
                     values: dict[Key, list[Any]], lookup: LoginLookup | None = None
                     ) -> None:
    """Text columns whose values are (or embed) the login names of the database's users:
    where the user key is the login itself (Nextcloud's ``uid``, ``userid``,
    ``actor_id``, ``home::<uid>``), every reference to a user is a username, whatever the
    column is called. Read against the sampled values of the users' login column, and,
    with ``lookup``, against the whole column when the users table holds more rows than
    were sampled (a reference's logins are then mostly outside the sample): half of a
    column's distinct values (five at least) holding one."""
    logins, sources = _user_logins(inv, people, verdicts, values)
    if len(logins) < MIN_USER_LOGINS:
        return
    # users tables larger than their sample: the logins a candidate names are looked up
    partial = [k for k in sources if lookup is not None and
               (inv.tables[k[0]].row_estimate or 0) > len(values.get(k, []))]
    checked = set(logins)
    origin = ", ".join(sorted(f"{t}.{c}" for t, c in sources)[:2])
    for (tname, cname), v in verdicts.items():
        col = inv.tables[tname].columns.get(cname)
        if col is None or col.kind not in ("text", "other") or v.entity is not None or \
                (tname, cname) in sources:
            continue
        present = {x.strip() for x in values.get((tname, cname), [])
                   if isinstance(x, str) and x.strip()}
        least = max(MIN_LOGIN_MATCHES, LOGIN_MATCH_SHARE * len(present))
        if partial and lookup is not None:
            # only a column that can reach the share (half its values hold a login-shaped
            # word) costs a query
            holding = sum(bool(_login_words([x, *_LOGIN_SEPARATORS.split(x)]))
                          for x in present)
            words = _login_words(list(present) + [p for x in present
                                                  for p in _LOGIN_SEPARATORS.split(x)])
            unseen = words - checked
            if holding >= least and unseen:
                checked |= unseen
                for k in partial:
                    logins |= lookup(k, unseen)
        whole = sum(x in logins for x in present)
        embedded = sum(x not in logins and any(p in logins for p in
                                               _LOGIN_SEPARATORS.split(x))
                       for x in present)
        if whole + embedded < least:
            continue
        v.entity, v.confidence, v.note = N.USERNAME, 0.6, None
        # a login inside a longer value: the value is masked as a whole
        v.partial = embedded > whole
        v.signals.append(f"logins-of:{origin}={whole + embedded}/{len(present)}")


MIN_COPIES = 10  # rows where both columns have a value before one reads as a copy


_MIXED_RANDOM = re.compile(r"^(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{8,64}$")


def _random_shape(values: list[str]) -> tuple[int, ...] | None:
    """The lengths of values that are all random mixed-case letters and digits
    (``g8aEXPxzUj``), one distinct value each, or None."""
    if len(values) < 20 or len(set(values)) < 0.95 * len(values):
        return None
    if sum(bool(_MIXED_RANDOM.match(x)) for x in values) < 0.9 * len(values):
        return None
    return tuple(sorted({len(x) for x in values}))


def _texts(rows: list[dict[str, Any]], cname: str, *, strip: bool = True) -> list[str]:
    """The non-blank strings of column ``cname`` in the sampled rows, in row order
    (stripped unless ``strip`` is False): what most rules reading a column's values count."""
    return [x.strip() if strip else x for r in rows
            if isinstance(x := r.get(cname), str) and x.strip()]


def _unjudged_text(t: TableInfo, verdicts: dict[str, Verdict]) -> list[tuple[str, Verdict]]:
    """The text columns of ``t`` outside its key that no rule has found anything in yet,
    with their verdicts: what a rule reading a column against its row's others may mark."""
    return [(cname, v) for cname, col in t.columns.items()
            if (v := verdicts.get(cname)) is not None and v.entity is None
            and col.kind == "text" and not col.primary_key]


# a password of a thing that its invitees share: a meeting's, a room's, a forum's, a
# shared link's (``meetingPassword``, ``forum_password``, ``oc_share.password``)
SHARED_PASSWORD_WORDS = frozenset({"meeting", "room", "forum", "share", "sharelink",
                                   "conference", "call", "channel", "wifi", "archive",
                                   "zip", "pdf", "post", "topic", "event",
                                   # a document's password, asked of whoever opens it
                                   # (seventeenth pass: Documenso's ``DocumentMeta``)
                                   "document",
                                   # (nineteenth pass) a shared link's or dashboard's
                                   # (Plausible's ``shared_links``)
                                   "shared"})
HASH_WORDS = frozenset({"hash", "hashed", "digest", "crypt", "encrypted"})
OWN_SECRET_TABLES = frozenset({"salt", "pepper", "secret"})
PASSWORD_WORDS = frozenset({"password", "passwd", "passcode"})
# what a secret signs or is registered for: a webhook's signing secret, an OAuth client's
WEBHOOK_WORDS = frozenset({"webhook", "hook"})
# the installation's registrations and settings: apps, OAuth clients and consumers, the
# configuration (a table of them with no reference to a person)
INSTALLATION_WORDS = frozenset({"app", "application", "client", "consumer",
                                "configuration", "config"})


LOGIN_WORDS = ("user", "username", "login", "user name")


# OpenID Connect and SAML name a person by the pair (issuer, subject)
SUBJECT_WORDS = (["subject"], ["sub"], ["subject", "id"], ["name", "id"])
ISSUER_WORDS = (["issuer"], ["iss"], ["idp"], ["identity", "provider"])


def _issued_subjects(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """A ``subject`` beside an ``issuer`` in a table about people: the person's id at an
    identity provider (OpenID Connect's ``sub``, an LDAP DN, a SAML NameID), as a provider
    account id is (seventeenth pass: Vikunja's ``users.subject``). Without the issuer
    beside it, a ``subject`` is an e-mail's or a course's and judged by its values."""
    names = {cname: N.tokens(cname) for cname in t.columns}
    if not any(toks in ISSUER_WORDS or toks[-1:] == ["issuer"] for toks in names.values()):
        return
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind != "text" or col.primary_key:
            continue
        if names[cname] in SUBJECT_WORDS or names[cname][-1:] == ["subject"]:
            v.entity, v.confidence, v.note = N.PERSON_ID, 0.7, None
            v.signals.append("the person's id at an identity provider (a subject beside "
                             "its issuer)")


def _own_login(cname: str, verdicts: dict[str, Verdict]) -> str | None:
    """The found login column beside a password of the same prefix (``basic_auth_user``
    beside ``basic_auth_password``): the password of that account, a person's log-in at
    the target, not a secret the application signs with (seventeenth pass: Vikunja's
    webhook basic auth). The login column, or None."""
    toks = N.tokens(cname)
    if not toks or toks[-1] not in PASSWORD_WORDS:
        return None
    for other, v in verdicts.items():
        otoks = N.tokens(other)
        if other != cname and otoks[:-1] == toks[:-1] and otoks[-1:] and \
                otoks[-1] in LOGIN_WORDS and v.entity is not None:
            return other
    return None


def _provider_endpoints(t: TableInfo) -> bool:
    """Whether the table names a provider's OAuth endpoints (``authorization_url``,
    ``access_token_url``): its rows register the installation at a sign-in provider, and
    its keys (``consumer_key``, ``consumer_secret``) are the installation's (nineteenth
    pass: authentik's ``authentik_sources_oauth_oauthsource``). A table of a person's
    tokens stores the tokens, not where they are issued."""
    return any(len(toks) > 1 and toks[-1] in N.ENDPOINT_WORDS and
               toks[-2] in ("authorization", "authorize", "token")
               for toks in map(N.tokens, t.columns))


SERVER_WORDS = frozenset({"host", "hostname", "server"})


def _server_account(t: TableInfo) -> bool:
    """A host or server column, a log-in and a password beside it: an account at that
    server (a mailbox collected over IMAP, an LDAP bind)."""
    names = [N.tokens(c) for c in t.columns]
    return any(toks[-1:] and toks[-1] in SERVER_WORDS for toks in names) and \
        any(toks[-1:] and toks[-1] in PASSWORD_WORDS for toks in names) and \
        any(toks[-1:] and toks[-1] in ("login", "username", "user") for toks in names)


def _installation_secrets(t: TableInfo, verdicts: dict[str, Verdict], subject: Subject,
                          owned: list[str]) -> None:
    """Secrets found by their name that are no person's log-in: a password of a thing
    its invitees share (a meeting's, a forum's, a share link's), a webhook's signing
    secret (shared with the endpoint it posts to), and the secrets of the installation's
    own registrations (an app's OAuth client keys, an OAuth consumer's secret, an LLM API
    key in the configuration, a table of API keys) in a table with no reference to a
    person. The labels keep
    them (system secrets); a person's password, a user's own API client (a reference
    to its user) and a token found in the values stay masked."""
    twords = {w for x in N.tokens(t.name) for w in (x, N._singular(x))}
    last = N._singular(N.tokens(t.name)[-1]) if N.tokens(t.name) else ""
    # (``socialapp``, ``applicationconfiguration``: the word closes a compound)
    head = next((w for w in INSTALLATION_WORDS if last.endswith(w)), "")
    if not head and [*N.tokens(t.name)[-2:-1], last] == ["api", "key"]:
        # a table of API keys with no reference to a person (Jellyfin's ``ApiKeys``,
        # osTicket's ``ost_api_key``): the keys the installation hands to its servers
        head = "API key"
    if not head and last in OWN_SECRET_TABLES:
        # (nineteenth pass) a table of salts or secrets themselves, with no reference
        # to a person (Plausible's ``salts``, the day's salt of its visitor ids)
        head = last
    if not head and _provider_endpoints(t):
        head = "sign-in source"
    # (twentieth pass) a server's host beside the log-in and password to it, no table
    # named for people: the installation's account at a mail or directory server (GLPI's
    # ``glpi_mailcollectors``); its addresses make the table look like people's, but
    # the mailbox it collects is the organisation's
    server = not head and not subject.by_name and _server_account(t)
    if server:
        head = "server account"
    # a client's own ``client_id`` is no reference to a person
    owners = [c for c in owned if N.tokens(c)[0] not in INSTALLATION_WORDS]
    installation = bool(head) and not owners and (server or not subject.about_people)
    for cname, v in verdicts.items():
        toks = N.tokens(cname)
        if not toks or v.partial and v.entity != JSON:
            continue
        by_name = any(s.startswith("column-name:") for s in v.signals)
        if v.entity == N.CREDENTIAL and by_name:
            # (nineteenth pass) its hash is the same password (``password_hash``)
            ptoks = toks[:-1] if len(toks) >= 2 and toks[-1] in HASH_WORDS else toks
            if ptoks[-1] in PASSWORD_WORDS and (
                    (len(ptoks) >= 2 and ptoks[-2] in SHARED_PASSWORD_WORDS) or
                    (len(ptoks) == 1 and twords & SHARED_PASSWORD_WORDS)):
                _demote(v, "the password of a thing its invitees share, not a person's "
                           "log-in")
            elif (set(toks[:-1]) & WEBHOOK_WORDS or twords & WEBHOOK_WORDS) and \
                    not _own_login(cname, verdicts):
                _demote(v, "a webhook's signing secret, shared with its endpoint")
            elif installation:
                _demote(v, f"a secret of the installation's own {head}s (no reference to "
                           "a person): a system secret")
        elif v.entity == N.EMAIL and installation and server and not v.partial:
            _demote(v, "the mailbox of the installation's account at a mail server (a "
                       "host, its log-in and password, no reference to a person)")
        elif v.entity == N.IP and installation and head == "API key":
            _demote(v, "the address of the server an installation's API key is issued to "
                       "(no reference to a person)")
        elif v.entity == JSON and installation and v.paths and \
                all(e == N.CREDENTIAL for e in v.paths.values()):
            _demote(v, f"keys of the installation's own {head}s (no reference to a "
                       "person): system secrets")
            v.paths = {}


_LOGIN_LIST_SEP = re.compile(r"\s*[+,;]\s*")
# (a login's dot is no file's: ``elena.rossi`` is a login, ``notes.txt`` a file)
_FILE_EXT = re.compile(r"\.(?:txt|pdf|png|jpe?g|gif|webp|svg|docx?|xlsx?|pptx?|odt|csv|zip|"
                       r"gz|tar|json|xml|ya?ml|html?|md|py|js|ts|php|rb|go|java|sh|log)$")
LOGIN_LIST_SHARE = 0.8  # values that are lists of logins
LOGIN_MARKED_SHARE = 0.3  # ... whose logins carry a login's marks (``jacob36``, ``a.b``)


def _login_lists(t: TableInfo, verdicts: dict[str, Verdict],
                 rows: list[dict[str, Any]]) -> None:
    """Values that are lists of logins joined by ``+``, ``,`` or ``;`` (Cal.com's
    dynamic group link ``carrieb44+lwillis+charlesbean``, a list of participants' user
    names), in a table whose rows are a person's: each part a lower-case login, a third of
    them with a login's marks (digits, ``.``, ``_``): the column names those people.
    Lists of words (tags ``red,blue``), of file names, and of hyphenated slugs stay."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = set(_texts(rows, cname))
        if len(vals) < 2:
            continue
        lists, parts = 0, []
        for x in vals:
            ps = _LOGIN_LIST_SEP.split(x)
            if len(ps) >= 2 and all(_LOGIN_FILLER.match(p) and not _FILE_EXT.search(p)
                                    for p in ps):
                lists += 1
                parts += ps
        marked = sum(any(c.isdigit() or c in "._" for c in p) and
                     any(c.isalpha() for c in p) for p in parts)
        if lists >= max(2, LOGIN_LIST_SHARE * len(vals)) and \
                marked >= LOGIN_MARKED_SHARE * len(parts):
            v.entity, v.confidence, v.note = N.USERNAME, 0.6, None
            v.signals.append(f"lists of logins in {lists} of {len(vals)} values")


# a table of links handed to one person: a password reset, an invitation, an e-mail
# confirmation, a shared link to someone's document
LINK_TABLE_WORDS = frozenset({"share", "sharelink", "reset", "invite", "invitation",
                              "confirmation", "verification", "magic", "forgot",
                              "recovery"})


def _link_tokens(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """A table of links handed to a person (a password reset request, a share link, an
    invitation) that names no token column holds its token under another name: its
    random primary key (Cal.com's ``ResetPasswordRequest.id``, a cuid in the reset URL)
    or slug (Paperless's ``documents_sharelink.slug``). Random text, one value a row,
    in such a table is the bearer credential of the link. An integer key, a table whose
    token column is named (``password_resets.token``: the key beside it stays), and
    the same values in a table of other rows stay, and so does a uuid primary key
    (Mealie's ``recipe_share_tokens.id`` on SQLite: the ORM's uuid, stored as text)."""
    words = {w for x in N.tokens(t.name) for w in (x, N._singular(x))}
    if not words & LINK_TABLE_WORDS or \
            any(v.entity == N.CREDENTIAL for v in verdicts.values()):
        return
    fk_cols = {c for fk in t.foreign_keys for c in fk.columns}
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind != "text" or cname in fk_cols or \
                v.sampled < 2 or v.hits.get(TOKEN_LIKE, 0) < 0.9 * v.sampled or \
                v.sampled < 0.9 * max(v.sampled, v.rows):
            continue
        if col.primary_key and v.hits.get(UUID_LIKE, 0) >= 0.9 * v.sampled:
            # a uuid key stored as text (SQLite has no uuid type; PostgreSQL's keeps it
            # a key): the row's id the ORM generates, as in any other table of its schema
            continue
        v.entity, v.confidence, v.note = N.CREDENTIAL, 0.6, None
        v.signals.append("random, one a row, in a table of links handed to a person: "
                         "the link's token")


def _sibling_secrets(t: TableInfo, verdicts: dict[str, Verdict],
                     rows: list[dict[str, Any]]) -> None:
    """A column of random mixed-case strings shaped exactly like a credential its table
    names (Gitea's ``rands`` beside ``salt``, both ten random characters) is a secret of
    the same kind: generated by the same code for the same row."""
    def values(c: str) -> list[str]:
        return [x for r in rows if isinstance(x := r.get(c), str) and x]
    shapes = {}
    for c, v in verdicts.items():
        if v.entity == N.CREDENTIAL and not v.partial and t.columns.get(c) is not None \
                and any(s.startswith("column-name:") for s in v.signals):
            shape = _random_shape(values(c))
            if shape is not None:
                shapes[shape] = c
    if not shapes:
        return
    for cname, w in _unjudged_text(t, verdicts):
        shape = _random_shape(values(cname))
        if shape is not None and shape in shapes:
            w.entity, w.confidence = N.CREDENTIAL, 0.6
            w.signals.append(f"random like {shapes[shape]}, a credential of the same row")
            w.note = None


# a Cookie header as stored: ``name=value`` pairs separated by ``; ``
_COOKIE = re.compile(r"^[\w.-]+=[^;\s&]*(?:;\s*[\w.-]+=[^;&]*)*;?$")
_COOKIE_SECRET = re.compile(r"=[A-Za-z0-9_\-+/]{16,}={0,2}(?:;|$)")


def _cookies(t: TableInfo, verdicts: dict[str, Verdict], rows: list[dict[str, Any]]
             ) -> None:
    """A column of stored Cookie headers (``session_id=<random>; lang=en``) in a table
    whose rows are a person's holds their session at a site (Miniflux's per-feed
    ``cookie``): a credential, when a pair carries a random value of 16 characters or
    more. Query strings (``a=1&b=2``) are no cookies; preference cookies without a
    random value (``consent=analytics; lang=en``) open nothing."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = set(_texts(rows, cname))
        if len(vals) < 2 or not all(_COOKIE.match(x) for x in vals):
            continue
        if sum(bool(_COOKIE_SECRET.search(x)) for x in vals) >= 0.8 * len(vals):
            v.entity, v.confidence = N.CREDENTIAL, 0.7
            v.signals.append(f"stored cookies with a random value ({len(vals)} sampled)")
            v.note = None


def _unsampled_credentials(verdicts: dict[str, Verdict]) -> None:
    """A column named as a credential (``ntfy_password``, ``notion_token``) with no value
    in the sample, in a table whose rows are a person's: a secret of theirs once set.
    Masking an empty column costs nothing; keeping it lets the first secret through."""
    for v in verdicts.values():
        if v.entity is None and v.sampled == 0 and \
                f"column name suggests {N.CREDENTIAL} but no value was sampled" == v.note:
            v.entity, v.confidence = N.CREDENTIAL, 0.5
            v.note = None
            v.signals.append("credential by name, none sampled, in a table of a person's "
                             "rows")


AUDIT_SIBLING_SHARE = 0.5  # of a sparse sibling's sampled values reading as names


def _audit_siblings(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """Audit columns of one row named alike (``created_by_user``, ``modified_by_user``,
    ``checked_out_by_user``: one verb, the same ``by_user`` tail) hold the same kind of
    value. When one is found to hold people's names, a sibling too sparse to pass the
    share on its own (a row checked out by someone in 2% of rows) whose few values read
    as names in half or more is masked as well (Mautic's staff names). A sibling of role
    or system names ("admin", "cron") stays."""
    found: dict[tuple[str, ...], str] = {}
    for cname, v in verdicts.items():
        toks = N.tokens(cname)
        # (masked whole or as a column of which some values are names: either way found)
        if v.entity == N.PERSON and "by" in toks[:-1]:
            found[tuple(toks[toks.index("by"):])] = cname
    if not found:
        return
    for cname, v in _unjudged_text(t, verdicts):
        toks = N.tokens(cname)
        if "by" not in toks[:-1] or (tail := tuple(toks[toks.index("by"):])) not in found:
            continue
        if v.sampled >= 2 and v.hits.get(PERSON_LIKE, 0) >= AUDIT_SIBLING_SHARE * v.sampled:
            v.entity, v.confidence, v.note = N.PERSON, 0.6, None
            v.signals.append(f"names like its audit sibling {found[tail]}")


def _network(x: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """A CIDR range of more than one address (``203.0.113.0/24``), or None."""
    if not isinstance(x, str) or "/" not in x:
        return None
    try:
        net = ipaddress.ip_network(x.strip(), strict=False)
    except ValueError:
        return None
    return net if net.prefixlen < net.max_prefixlen else None


def _networks_of_the_row(t: TableInfo, verdicts: dict[str, Verdict],
                         rows: list[dict[str, Any]]) -> None:
    """A column of address ranges each holding its own row's IP address (a brute-force
    row's ``subnet``: the attempt's /24 or /64) is that IP's prefix: it narrows the
    person's address as a postcode narrows a street. Ranges not holding the row's IP (a
    crawler list's, a firewall rule's) stay ranges."""
    ips = [c for c, v in verdicts.items() if v.entity == N.IP and not v.partial]
    for cname, v in _unjudged_text(t, verdicts):
        for ip in ips:
            pairs = holds = 0
            for r in rows:
                net = _network(r.get(cname))
                host = r.get(ip)
                if net is None or not isinstance(host, str):
                    continue
                try:
                    addr = ipaddress.ip_address(host.strip())
                except ValueError:
                    continue
                pairs += 1
                holds += addr.version == net.version and addr in net
            if pairs >= MIN_COPIES and holds >= 0.9 * pairs:
                v.entity, v.confidence, v.note = N.IP, 0.6, None
                v.signals.append(f"network-of:{ip}={holds}/{pairs}")
                break


def _normalised(x: Any) -> str:
    return re.sub(r"[\W_]+", "", _text(x)).lower()


def _derived_copies(t: TableInfo, verdicts: dict[str, Verdict],
                    rows: list[dict[str, Any]]) -> None:
    """A column holding another personal column's values normalised (lower case, spaces
    and punctuation dropped: ``lower_name``, ``email_canonical``, a sanitised account
    number) is the same data again: masked with the same entity."""
    sources = [c for c, v in verdicts.items() if v.entity in
               IDENTIFYING | CONTACT | {N.PERSON_ID} and not v.partial]
    # names that name people in some rows only (a correspondent: a company or a person)
    # are copied too, as matching words (``szymon stąpor`` beside ``Dr. med. Szymon
    # Stąpor``): the copy names the same people, masked the same way
    named = [c for c, v in verdicts.items() if v.partial and
             v.entity in (*NAME_ENTITIES, FREE_TEXT) and
             (nm := N.match(c)) is not None and nm.entity in NAME_ENTITIES]
    for cname, v in _unjudged_text(t, verdicts):
        for src in sources + named:
            pairs = [(_normalised(r.get(cname)), _normalised(r.get(src))) for r in rows
                     if r.get(cname) not in (None, "") and r.get(src) not in (None, "")]
            same = sum(1 for a, b in pairs if a and (a == b or (
                src in named and len(a) >= 4 and b.endswith(a))))
            if len(pairs) >= MIN_COPIES and same >= 0.9 * len(pairs):
                v.entity, v.confidence = verdicts[src].entity, 0.6
                v.partial = verdicts[src].partial
                v.signals.append(f"copy-of:{src}={same}/{len(pairs)} (normalised)")
                v.note = None
                break


def _day(x: Any) -> datetime.date | None:
    if isinstance(x, datetime.date):
        return x.date() if isinstance(x, datetime.datetime) else x
    if isinstance(x, str) and len(x) >= 10:
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(x[:10])
    return None


def _dates_from_birth(t: TableInfo, verdicts: dict[str, Verdict],
                      rows: list[dict[str, Any]]) -> None:
    """A date that is the row's birth date plus a fixed number of years (a retirement,
    a coming of age, a pension's start: ``date_of_retirement`` = birth + 67) gives the
    birth date back by subtracting: a date of birth, shifted as one. The day may be
    clamped to a month's end (the 29th of February, a 31st)."""
    births = [c for c, v in verdicts.items() if v.entity == N.DOB and not v.partial
              and t.columns[c].kind in ("date", "datetime", "text")]
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if not births or v is None or v.entity is not None or \
                col.kind not in ("date", "datetime") or col.primary_key:
            continue
        for src in births:
            gaps = Counter(b.year - a.year for r in rows
                           if (a := _day(r.get(src))) is not None
                           and (b := _day(r.get(cname))) is not None
                           and b.month == a.month and abs(b.day - a.day) <= 3)
            paired = sum(_day(r.get(src)) is not None and _day(r.get(cname)) is not None
                         for r in rows)
            years, same = gaps.most_common(1)[0] if gaps else (0, 0)
            if years > 0 and paired >= MIN_COPIES and same >= 0.9 * paired:
                v.entity, v.confidence = N.DOB, 0.6
                v.signals.append(f"{src} plus {years} years in {same} of {paired} rows")
                v.note = None
                break


def _file_titles(t: TableInfo, verdicts: dict[str, Verdict],
                 rows: list[dict[str, Any]], engine: Analyzer | None = None) -> None:
    """A column holding the same row's file name without its extension (an attachment's
    ``title``, ``Invoice_Berg_Anna`` beside ``Invoice_Berg_Anna.pdf``) names whom the file
    names: masked as that column of file names naming people is."""
    files = [c for c, v in verdicts.items() if v.entity in NAME_ENTITIES and v.partial and
             sum(isinstance(x := r.get(c), str) and file_name(x) for r in rows) >= MIN_COPIES]
    if files and engine is not None:
        # (eighteenth pass: OpenCATS's ``attachment.title``, a résumé's file name without
        # its extension in a third of the rows, not always the row's own, ``Resume``
        # otherwise): beside file names naming people, titles judged as those names are,
        # without the extension they lack
        for cname, v in _unjudged_text(t, verdicts):
            titles = sorted({file_stem(x) for r in rows if isinstance(x := r.get(cname), str)
                             and x.strip() and not file_name(x)})
            if len(titles) >= MIN_COPIES and named_stems(v, titles, engine) is not None:
                v.signals.append(f"titles beside file names naming people ({files[0]})")
    for cname, v in _unjudged_text(t, verdicts):
        for src in files:
            pairs = [(_normalised(r[cname]), _normalised(file_stem(r[src]))) for r in rows
                     if r.get(cname) not in (None, "") and isinstance(r.get(src), str)
                     and file_name(r[src])]
            same = sum(1 for a, b in pairs if a and a == b)
            if len(pairs) >= MIN_COPIES and same >= 0.9 * len(pairs):
                w = verdicts[src]
                v.entity, v.partial, v.confidence = w.entity, w.partial, 0.6
                v.signals.append(f"file-stem-of:{src}={same}/{len(pairs)}")
                v.note = None
                break


# an id of a person's account at a payment or sign-in provider: random letters and
# digits (PayPal's ``payer_id`` ``7XQ2Y6UKGQ4LS``) or a long number (a Google ``sub``)
_ACCOUNT_ID = re.compile(r"^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{10,64}$"
                         r"|^\d{12,30}$")
# who an outside account id is of: a party to a payment, a person's account
PARTY_WORDS = frozenset({"payer", "payee", "buyer", "sender", "recipient", "user",
                         "account", "member", "customer", "client", "subscriber"})
MIN_ACCOUNT_IDS = 5  # rows with a value before a column reads as outside account ids


def _outside_account_ids(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                         rows: list[dict[str, Any]]) -> None:
    """``payer_id``, ``buyer_id``, ``oauth_user_id`` as text whose values are random ids
    (letters and digits, or 12+ digits, one a row) where no table of payers or buyers
    exists to refer to: the id of the person's account at a payment or sign-in provider,
    in a table named for people or whose rows belong to one."""
    tables = {f for x in inv.tables for tok in N.tokens(x) for f in _forms(tok)}
    keys = _key_columns(t, inv)
    for cname, v in _unjudged_text(t, verdicts):
        toks = N.tokens(cname)
        if cname in keys or not 2 <= len(toks) <= 3 or toks[-1] not in ("id", "uid") or \
                not set(toks[:-1]) <= PARTY_WORDS | PROVIDER_WORDS or \
                any(f in tables for f in _forms(toks[-2])) or \
                "_".join([*toks[:-1], "secret"]) in {"_".join(N.tokens(c)) for c in t.columns}:
            # (a ``client_id`` beside its ``client_secret`` is an OAuth application's
            # registration, the installation's: Pleroma's ``apps``)
            continue
        vals = _texts(rows, cname)
        if len(vals) < MIN_ACCOUNT_IDS or len(set(vals)) < 0.9 * len(vals) or \
                v.hits.get(UUID_LIKE, 0) >= 0.5 * max(1, v.sampled) or \
                sum(bool(_ACCOUNT_ID.match(x)) for x in vals) < 0.9 * len(vals):
            continue
        v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
        v.signals.append(f"random account ids, one a row, under {toks[-2]} with no table "
                         "of them: a person's account at a provider")


# words saying a row's person is someone of another system: the repository, forum or
# directory the row was migrated or synchronised from
ELSEWHERE_WORDS = frozenset({"original", "origin", "source", "external", "remote",
                             "foreign", "imported", "migrated", "upstream", "federated"})


def _ids_beside_names_from_elsewhere(t: TableInfo, verdicts: dict[str, Verdict],
                                     inv: Inventory) -> None:
    """``original_author_id`` beside ``original_author`` (a username): the id of the same
    person's account on the system the row came from (a forge's migrated issues), text
    or integer; no table of the database is named for it, so it refers to nothing here."""
    keys = _key_columns(t, inv)
    cols = {tuple(N.tokens(c)): c for c in t.columns}
    tables = {f for x in inv.tables for tok in N.tokens(x) for f in _forms(tok)}
    for toks, cname in cols.items():
        v, col = verdicts.get(cname), t.columns[cname]
        if v is None or v.entity is not None or cname in keys or len(toks) < 3 or \
                toks[-1] not in ID_WORDS or toks[0] not in ELSEWHERE_WORDS or \
                col.kind not in ("text", "integer") or v.sampled < 2 or \
                any(f in tables for f in _forms(toks[-2])):
            continue
        sibling = verdicts.get(cols.get(toks[:-1], ""))
        if sibling is None or sibling.partial or \
                sibling.entity not in (N.USERNAME, N.EMAIL) + NAME_ENTITIES:
            continue
        v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
        v.signals.append(f"the id of {cols[toks[:-1]]}'s account where the row came from")


# -- names ---------------------------------------------------------------------------


MIN_LOGINS = 20  # distinct values before a bare name column reads as usernames
MIN_NAMED_TITLES = 20  # distinct subject lines before a name column reads as text
NAMED_TITLE_SHARE = 0.2  # of them naming someone (or giving a contact)


KEYED_SIGNALS = ("php-serialized:", "query-string:")
FEW_LABELS = 5  # distinct values of a name column that may be a row type's labels
LABEL_REPEATS = 10  # ... when the rows outnumber them this many times
# what only a business has: its industry and industrial classification, its stock
# ticker, its head count and turnover
COMPANY_DESCRIPTOR_WORDS = frozenset({"industry", "sic", "naics", "duns", "ticker",
                                      "revenue", "employees"})


def _company_descriptors(t: TableInfo) -> list[str]:
    """Columns describing a business (``industry``, ``sic_code``, ``annual_revenue``) in
    a table named as people's (``account``, ``client``) with no name, login or birth date
    of a person (a lead's first and last name beside its ``industry``, a user's
    ``show_on_employees``: people still): its rows are companies, as a name column of
    company names says (nineteenth pass: EspoCRM's ``account`` beside its ``contact``,
    company names the recogniser marks in a sixth only)."""
    return [c for c in t.columns if set(N.tokens(c)) & COMPANY_DESCRIPTOR_WORDS]


NAMED_BY_EMAIL_SHARE = 0.1  # names that are a person's e-mail address


def _revise_names(t: TableInfo, verdicts: dict[str, Verdict], subject: Subject
                  ) -> tuple[list[str], list[str]]:
    """(columns confirmed as people's names, name columns holding company names)."""
    confirmed, organisations = [], []
    for cname, v in verdicts.items():
        if v.entity not in NAME_ENTITIES:
            continue
        weak = v.weak_name or _by_name_only(v)
        if not weak or (v.partial and subject.kind != "thing") or \
                any(s.startswith(KEYED_SIGNALS) for s in v.signals):
            # (nineteenth pass) names read under their keys (``firstname``) inside a
            # serialized blob or a query string are no guess from a word's shape
            continue
        n = max(1, v.sampled)
        person = v.hits.get(PERSON_LIKE, 0)
        org = v.hits.get(ORG_LIKE, 0)
        shaped = v.hits.get("NAME_SHAPE", 0)
        toks = N.tokens(cname)
        # ``owner_name``, ``acc_holder_name``: the name of whoever owns it, a person or a
        # company: judged as in a table about people, whatever the table is about
        of_person = len(toks) >= 2 and toks[-1] == "name" and toks[-2] in PERSON_WORDS
        share = NAME_SHARE["people" if of_person else subject.kind]
        what = f"{t.name}.{cname}"
        if org >= ORG_SHARE * n and subject.about_people and \
                person >= max(MIN_MIXED_NAMES, MIXED_NAME_SHARE * n):
            # (sixteenth pass) companies and individuals in one column (Attendize's
            # organisers: clubs, firms, and a person's full name in a quarter), in a table
            # about people by its own contacts: the individuals' names are masked, a
            # minority of the column
            v.entity, v.confidence, v.partial, v.weak_name = N.PERSON, 0.5, True, False
            v.signals.append(f"companies ({org}) and people's names ({person}) of {n} in a "
                             f"table {_subject_phrase(subject)}")
            v.note = None
        elif org >= ORG_SHARE * n:
            _demote(v, f"organisation names: {org} of {n} sampled values carry a company "
                       "word (Inc, Ltd, Co, Gifts, &...)")
            if (nm := N.match(cname)) is not None and N.is_weak_person(nm):
                organisations.append(cname)
        elif person >= share * n or (subject.by_name and shaped >= 0.5 * n and not (
                # (nineteenth pass) a few capitalised words repeated over the rows, none
                # a dictionary name (``Location``, ``Phone Number``, ``Email``: the kind
                # of a contact row), are labels: names are nearly one a row
                person == 0 and n <= FEW_LABELS and v.rows >= LABEL_REPEATS * n)):
            v.signals.append(f"subject:{subject.kind}")
            confirmed.append(cname)
        elif n >= MIN_LOGINS and (of_person or (
                subject.by_name and toks == ["name"] and n >= 0.9 * max(n, v.rows))) and \
                v.hits.get("LOGIN_LIKE", 0) + v.hits.get(SLUG_LIKE, 0) >= 0.8 * n:
            # the bare name of a user or member row, or an owner's name, that holds one
            # login-shaped word a row (``alice_w``, ``jdoe``): a username (a forge's)
            v.entity, v.confidence, v.weak_name = N.USERNAME, 0.6, False
            v.signals.append(f"login-like={v.hits.get('LOGIN_LIKE', 0)}/{n} in a table "
                             f"{_subject_phrase(subject)}")
            v.note = None
        elif subject.kind != "thing" and n >= MIN_NAMED_TITLES and \
                v.hits.get(IN_TEXT, 0) >= NAMED_TITLE_SHARE * n and \
                v.hits.get(IN_TEXT, 0) > 2 * max(person, shaped) and \
                v.hits.get(CODE_LIKE, 0) < 0.5 * n:
            # (nineteenth pass: not a document's number, ``EMP-CKIN-01-2024-000008``,
            # Frappe's ``name`` key, whose digits read as a phone's)
            # the "name" of a call, a note or a lead is its subject line: "Call back Anna
            # Berg", "Intro with Paul": a fifth naming someone make it text about people
            v.entity, v.confidence, v.weak_name = FREE_TEXT, 0.5, False
            v.signals.append(f"in-text:any={v.hits[IN_TEXT]}/{n} in subject lines of a "
                             f"table {_subject_phrase(subject)}")
            v.note = None
        elif subject.by_name and n >= MIN_NAMED_TITLES and \
                v.hits.get(IN_TEXT, 0) >= share * n:
            # the names of a person's things that name people ("Loan from Anna Berg",
            # "Anna's savings", "Anna Berg" among shops: a finance app's payees): a fifth
            # naming someone mask the column as a whole, fail closed in a table of people
            v.entity, v.confidence, v.partial, v.weak_name = N.PERSON, 0.5, True, False
            v.signals.append(f"in-text:any={v.hits[IN_TEXT]}/{n} in a table "
                             f"{_subject_phrase(subject)}")
            v.note = (f"a person named in {v.hits[IN_TEXT]} of {n} sampled values: masked "
                      "as a whole column")
        elif (mails := v.hits.get(N.EMAIL, 0) - v.hits.get(ROLE_EMAIL, 0)) >= \
                max(2, NAMED_BY_EMAIL_SHARE * n):
            # (twentieth pass) a tenth of the names are personal e-mail addresses: rows
            # named after their owner's address (Grafana's personal organisations,
            # ``jade.alves@web.de`` beside ``Initech``), masked as a whole column
            v.entity, v.confidence, v.partial, v.weak_name = N.EMAIL, 0.5, True, False
            v.signals.append(f"names-are-emails={mails}/{n}")
            v.note = (f"a person's e-mail address as the name in {mails} of {n} sampled "
                      "values: masked as a whole column")
        else:
            _demote(v, f"{what}: {person} of {n} sampled values read as a person's name (a "
                       f"dictionary first name first); {share:.0%} needed in a table "
                       f"{_subject_phrase(subject)}")
    return confirmed, organisations


def _subject_phrase(subject: Subject) -> str:
    kind = {"people": "about people", "thing": "about things",
            "unknown": "of unknown subject"}[subject.kind]
    return f"{kind} ({subject.reason})"


def _demote(v: Verdict, note: str) -> None:
    v.signals.append(f"was:{v.entity}")
    v.entity = None
    v.weak_name = False
    v.note = note


# -- addresses ------------------------------------------------------------------------


ADDRESS_GROUP_WORDS = frozenset({"address", "addr", "adr"})


def address_part(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(part entity, prefix tokens) of an address column: ``ship_region`` ->
    (REGION, ("ship",)); None for other columns."""
    nm = N.match(name)
    if nm is None or nm.entity not in N.ADDRESS_PARTS:
        return None
    toks = N.words(name)
    phrase = nm.phrase.split()
    for cand in (toks, [N._singular(x) for x in toks]):
        for i in range(len(cand) - len(phrase) + 1):
            if cand[i:i + len(phrase)] == phrase:
                prefix = cand[:i]
                if nm.entity != N.STREET:
                    # ``billing_address_city`` belongs with ``billing_address_street``
                    while prefix and prefix[-1] in ADDRESS_GROUP_WORDS:
                        prefix = prefix[:-1]
                return nm.entity, tuple(prefix)
    return nm.entity, ()


def _address_lines(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table named for addresses, ``line_1``, ``line2`` are its street lines (the
    ``address_line_1`` of other schemas, the table's word left out of the column's)."""
    if not any(w in ADDRESS_GROUP_WORDS for tok in N.tokens(t.name) for w in _forms(tok)):
        return
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind != "text" or v.sampled < 2:
            continue
        nm = N.match(f"address_{cname}")
        if N.match(cname) is None and nm is not None and nm.entity == N.STREET and \
                N.tokens(cname)[0] == "line":
            v.entity, v.confidence = N.STREET, 0.6
            v.signals.append(f"street line of an address ({t.name}.{cname})")
            v.note = None


def _addresses(t: TableInfo, verdicts: dict[str, Verdict], subject: Subject) -> None:
    parts: dict[str, tuple[str, tuple[str, ...]]] = {}
    for cname, col in t.columns.items():
        part = address_part(cname)
        if part is None or cname not in verdicts or col.kind not in ("text", "integer", "other"):
            continue
        if col.kind == "integer" and (N.looks_like_key_name(cname) or col.primary_key):
            continue  # city_id: a key into a list of cities
        parts[cname] = part
    streets: set[tuple[str, ...]] = set()
    for c, (e, p) in parts.items():
        v = verdicts[c]
        if e != N.STREET or not (v.is_pii or subject.about_people and
                                 t.columns[c].kind == "text" and v.sampled >= 2):
            # (sixteenth pass: a street written over several lines is judged as text
            # later; in a table about people it is the street already)
            continue
        streets.add(p)
        own = [x for x in N.words(c) if not x.isdigit()]
        while own and own[-1] in ADDRESS_GROUP_WORDS:
            own = own[:-1]
        if own and not p:
            # ``homeAddress`` beside ``homeAddressDistrict``: the street's words less the
            # address word are the prefix its parts carry (``home``)
            streets.add(tuple(own))
    groups: dict[tuple[str, ...], set[str]] = {}
    for _c, (e, p) in parts.items():
        groups.setdefault(p, set()).add(e)
    for cname, (entity, prefix) in parts.items():
        v = verdicts[cname]
        if entity == N.STREET or v.partial:
            continue
        group = groups[prefix]
        label = "_".join(prefix) + "_*" if prefix else t.name
        with_street = prefix in streets or (not prefix and bool(streets))
        located = group & {N.CITY, N.POSTCODE}
        if entity == N.REGION:
            # "state" alone may be a workflow's: a region only beside other address parts
            in_address = with_street or (subject.about_people and bool(located))
        else:
            in_address = with_street or subject.about_people
        if entity == N.COUNTRY:
            if v.entity == N.COUNTRY or v.entity is None:
                v.entity = None
                v.note = (f"country of the address {label}: coarse, kept (street, city, "
                          "postcode and region are masked)" if in_address else
                          f"country outside any person's address "
                          f"({_subject_phrase(subject)})")
            continue
        if in_address:
            why = "street address" if with_street else f"table {_subject_phrase(subject)}"
            v.entity = entity
            v.confidence = max(v.confidence, 0.7 if with_street else 0.6)
            v.note = None
            v.signals.append(f"address-group:{label} ({why})")
        elif v.entity == entity:
            v.entity = None
            v.note = (f"{entity} outside any person's address: no street address in "
                      f"{label}, table {_subject_phrase(subject)}")


# (twentieth pass) the short parts of a street address kept in their own columns: the
# apartment and the street's direction (``N``, ``SW``); a house number under its name
# but in a numeric type (RosarioSIS's ``address``: ``house_no``, ``direction``, ``apt``)
STREET_PART_WORDS = frozenset({"apt", "apartment", "suite", "direction"})
# ``mail_address`` beside a street: the household's mailing address, no e-mail
MAILING_WORDS = frozenset({"mail", "mailing", "postal"})
HOUSE_NUMBER_PHRASES = frozenset({"streetnumber", "street number", "housenumber",
                                  "house number", "house no", "street no", "civic number"})


def _street_parts(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """Beside a street found in the table (same prefix), the columns holding the rest of
    that street: a house number of any type, the apartment, the direction, and a
    ``mail_address`` whose values are no e-mails (the mailing address). An ``apt`` or
    ``direction`` with no street beside them (a wind's direction, an appointment) is
    kept."""
    streets = {p for c, v in verdicts.items() if v.entity == N.STREET and not v.partial
               and (p := address_part(c)) is not None and p[0] == N.STREET}
    prefixes = {p for _e, p in streets}
    if not prefixes:
        return
    for cname, v in verdicts.items():
        col, toks = t.columns.get(cname), N.words(cname)
        # (``mail_address`` is read as an e-mail by its name, whatever its values)
        mailing = len(toks) >= 2 and toks[-2] in MAILING_WORDS and \
            toks[-1] in ADDRESS_GROUP_WORDS and not v.hits.get(N.EMAIL)
        if col is None or v.entity not in (None, *((N.EMAIL,) if mailing else ())) or \
                col.primary_key or v.sampled < 1:
            continue
        part, nm = address_part(cname), N.match(cname)
        if part is not None and nm is not None and nm.phrase in HOUSE_NUMBER_PHRASES:
            prefix, why = part[1], "the house number"
        elif toks and toks[-1] in STREET_PART_WORDS:
            prefix, why = tuple(toks[:-1]), f"the street's {toks[-1]}"
        elif mailing:
            prefix, why = (), "the mailing address (no e-mail in it)"
        else:
            continue
        if prefix in prefixes or not prefix and () in prefixes:
            v.entity, v.confidence, v.note = N.STREET, 0.6, None
            v.signals.append(f"address-group:{t.name} ({why}, beside its street)")


_INITIALS = re.compile(r"^(?:[^\W\d_]\.?\s?){1,4}$")
INITIALS_SHARE = 0.8


def _initials_value(x: str) -> bool:
    """One to four letters (dots, spaces between), each a capital or a letter of a script
    without case (``AP``, ``J.K.``, ``ΣΤΡ``, ``山崎``: Gibbon writes the initials of a
    name in its own script); ``ab``, ``A1`` are not."""
    x = x.strip()
    return bool(_INITIALS.match(x)) and all(c.isupper() or c.lower() == c.upper()
                                            for c in x if c.isalpha())


def _initials(t: TableInfo, verdicts: dict[str, Verdict], rows: list[dict[str, Any]]
              ) -> None:
    """A person's ``initials`` (Koha's ``borrowers.initials``: two or three capitals,
    ``J.K.``, or letters of a script without case, ``山崎``) in a table about people or in
    a table whose rows belong to a person (a declared reference to a table named for
    people: Gibbon's ``gibbonStaff``, sixteenth pass): the letters of their names, with
    the rest of the row they point to one person. A column of initials elsewhere (a
    table of things) is not judged here; other letter codes stay (a ``grade``)."""
    for cname, v in verdicts.items():
        col = t.columns.get(cname)
        if col is None or v.entity is not None or col.kind != "text" or v.sampled < 2 or \
                N.tokens(cname)[-1:] != ["initials"]:
            continue
        vals = _texts(rows, cname, strip=False)
        if vals and sum(_initials_value(x) for x in vals) >= \
                INITIALS_SHARE * len(vals):
            v.entity, v.confidence, v.note = N.FIRST_NAME, 0.6, None
            v.signals.append("a person's initials in a table about people")


def _key_columns(t: TableInfo, inv: Inventory) -> set[str]:
    """The table's primary key, its foreign keys and the columns other tables reference."""
    keys = set(t.primary_key) | {c for fk in t.foreign_keys for c in fk.columns}
    keys |= {c for fk in inv.all_foreign_keys() if fk.ref_table == t.name
             for c in fk.ref_columns}
    return keys


def _keys(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """Integer keys found only because their numbers pass an identifier check (8+ digits)
    are no finding: keys follow the key rule (classifiers.propose.mask_person_keys)."""
    for cname in _key_columns(t, inv):
        v, col = verdicts.get(cname), t.columns.get(cname)
        if v is None or col is None or col.kind != "integer" or v.entity is None:
            continue
        if _by_name_only(v):
            _demote(v, f"key column: {v.entity}-like numbers in a key are no finding; keys "
                       "are masked only in tables about people")


def _handles(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
             subject: Subject) -> None:
    """Outside accounts (``twitter``, ``icq``, ``skype``) and web sites (``website``) are a
    person's only in a table about people, and not because of these columns alone: a
    site's ``settings.twitter`` or a company's ``website`` stays. A bare ``url`` (or
    ``web``, ``www``: Zammad's ``users.web``) column of a table named for people is that
    person's web page."""
    handles = {c for c, v in verdicts.items() if not v.partial and v.entity is not None
               and (nm := N.match(c)) is not None and nm.entity == v.entity
               and N.is_handle(nm)}
    people = subject.by_name or (
        subject.about_people and subject_of(t, verdicts, inv, skip=handles).about_people)
    for cname in sorted(handles):
        if not people:
            _demote(verdicts[cname], "an account or web site named in a table that is not "
                                     f"about people ({subject.reason}): a site's or an "
                                     "organisation's, not a person's")
    if not subject.by_name:
        return
    for cname, v in verdicts.items():
        col = t.columns.get(cname)
        if v.entity is None and col is not None and col.kind == "text" and v.sampled and \
                (N.tokens(cname) == ["user", "url"] or
                 _row_prefix_dropped(cname, t.name) in (["url"], ["web"], ["www"])) and \
                not col.primary_key:
            v.entity, v.confidence = N.PROFILE_URL, 0.6
            v.signals.append(f"person-url:{subject.reason}")
            v.note = ""


def _row_prefix_dropped(cname: str, table: str) -> list[str]:
    """The column's name words without a first word naming the table's row, as schemas
    that prefix every column do (nineteenth pass: InvoicePlane's ``ip_clients.client_web``,
    ``ip_users.user_web``): the rest says what the column is."""
    toks = N.tokens(cname)
    rows = {w.removesuffix("s") for w in N.tokens(table)}
    return toks[1:] if len(toks) > 1 and toks[0] in rows else toks


_WEBHOOK = re.compile(r"^https?://(?:hooks\.[^/]+/|[^/]+/(?:[^/?#]+/)*(?:web)?hooks?/)", re.I)
WEBHOOK_SHARE = 0.9


def _webhooks(verdicts: dict[str, Verdict], rows: list[dict[str, Any]]) -> None:
    """A column named for a service (``discord_webhook_link``, ``slack``) whose values
    are webhook endpoints (``https://discord.com/api/webhooks/…``,
    ``https://hooks.slack.com/…``) is where an integration posts, not the person's
    account or handle there: kept, as the labels' policy keeps webhook URLs (an
    installation's endpoint). A profile link (``https://discord.com/users/…``) stays."""
    for cname, v in verdicts.items():
        nm = N.match(cname)
        if v.entity is None or v.partial or nm is None or not N.is_handle(nm):
            continue
        vals = _texts(rows, cname, strip=False)
        if len(vals) >= 2 and sum(bool(_WEBHOOK.match(x)) for x in vals) >= \
                WEBHOOK_SHARE * len(vals):
            _demote(v, "webhook endpoints of an integration, not a person's account")


# things that are machines: an IP address in their rows is theirs
MACHINE_WORDS = frozenset({"host", "server", "node", "peer", "mirror", "bot", "crawler"})


def _organisation_contacts(t: TableInfo, verdicts: dict[str, Verdict],
                           subject: Subject) -> None:
    """Contacts of a thing (a pharmacy's e-mail, a payer's phone, an inbox's address) are
    the organisation's, not a person's: kept when only the column name said so or the
    values are the organisation's own role addresses. An IP address is a machine's only
    in a table of machines (hosts, peers, mirrors)."""
    for cname, v in verdicts.items():
        nm = N.match(cname)
        own = _own_contact(t.name, cname)
        # only what the column's name announces: e-mails found in a login or a settings
        # value are a person's still
        if v.partial or ((nm is None or nm.entity != v.entity) and not own):
            continue
        if v.entity == N.IP and head_noun(t.name) not in MACHINE_WORDS and not own:
            # an organisation has no address of its own on the network: the IP a
            # company's or a shop's row records is the connection of the person who
            # created it (Invoice Ninja's ``companies.ip``, its owner's at sign-up)
            continue
        street = own and v.entity == FREE_TEXT and \
            "".join(N.tokens(cname)).endswith(("address", "addr"))
        if v.entity in CONTACT or v.entity in N.ADDRESS_PARTS or v.entity == N.IP or street:
            # (an IP address of a peer server, a mirror, a crawler: a machine's; a
            # branch's street address, its words read as a name)
            _demote(v, f"contact data of a table about things ({subject.reason}): an "
                       "organisation's or a machine's, not a person's")


# the words a thing's own contact column ends with, after the thing's own name
# (Koha's ``branches.branchemail``, ``branchillemail``, ``branchfax``, ``branchip``)
_OWN_CONTACT_TAILS = ("email", "mail", "phone", "fax", "tel", "ip", "address", "addr",
                      "zip", "zipcode", "postcode", "city", "state", "country", "replyto")


def _own_contact(table: str, cname: str) -> bool:
    """A column named for the table's own thing and a contact (``branchemail`` in
    ``branches``, ``store_phone`` in ``stores``): the thing's own address or number."""
    head = head_noun(table)
    if head is None or head not in THING_WORDS:
        return False
    glued = "".join(N.tokens(cname))
    if not glued.startswith(head) or glued == head:
        return False
    return glued.endswith(_OWN_CONTACT_TAILS)


def _secrets(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table of sessions, tokens or credentials, text columns of random-looking
    values (hex, base64) are the secrets themselves: session ids, token keys. When
    another column carries the secret by its name (``token``, ``secret_data``), a column
    named as an id is the row's id or a reference, and outside a sessions table a
    ``data`` column the secret's metadata (a hash's parameters, a public key); uuids
    named as ids are ids of rows anywhere."""
    named = any(v.entity == N.CREDENTIAL and not _by_name_only(v) for v in verdicts.values())
    sessions = "session" in map(N._singular, N.tokens(t.name))
    # columns named as a token or a session id, not as a hash of one: the secret in clear
    clear_tokens = [c for c, v in verdicts.items() if v.entity == N.CREDENTIAL and
                    (col := t.columns.get(c)) is not None and not col.primary_key and
                    not {"hash", "digest", "hashed"} & set(N.tokens(c)) and
                    {"token", "session", "sessionid", "sid"} & set(N.tokens(c))]
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind not in ("text", "binary"):
            continue
        toks = N.tokens(cname)
        if {"public", "challenge", "nonce"} & set(toks):
            # a public key is meant to be shared; a PKCE challenge travels in the URL, a
            # nonce is spent once: neither opens anything
            continue
        n = max(1, v.sampled)
        uuids = v.hits.get(UUID_LIKE, 0) >= 0.9 * n
        # a session table's own random text key is the session id the browser's cookie
        # carries, even beside a hashed secret (Miniflux's ``web_sessions.id``); beside a
        # token kept in clear (Mattermost's ``sessions.token``) the cookie carries that
        # and the key is a row's id, as a uuid key is
        session_key = sessions and col.primary_key and not uuids and not clear_tokens
        if toks and toks[-1] in ID_WORDS and (named or uuids) and not session_key:
            continue
        if v.hits.get(TOKEN_LIKE, 0) >= 0.8 * n and v.sampled >= 2:
            v.entity, v.confidence = N.CREDENTIAL, 0.7
            v.signals.append(f"token-shape={v.hits[TOKEN_LIKE]}/{n} in a table of secrets")
            v.note = None
        elif toks and toks[-1] in SESSION_PAYLOADS and v.sampled >= 2 and \
                (sessions or not named):
            # a session's stored state: who is logged in, their cart, their form input
            v.entity, v.confidence = N.CREDENTIAL, 0.6
            v.signals.append("session payload in a table of secrets")
            v.note = None


# "id number" written as one word (``idnumber``): the institution's number of the person
COMPACT_ID_WORDS = frozenset({"idnumber", "idno", "idnr", "idnum", "idcode", "uniqueid"})
OWN_ID_PREFIXES = frozenset({"external", "public", "pub", "global", "remote", "social",
                             "openid", "sso", "person", "national", "unique"})
ID_WORDS = frozenset({"id", "uid", "identifier", "no", "nr", "num", "number", "guid",
                      "reference", "ref"})


def _person_ids(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                subject: Subject, rows: list[dict[str, Any]] | None = None) -> None:
    """In a table named for people, a text identifier that is not a key (an external
    user id, a public patient id ``pubpid``) identifies the person outside the database."""
    keys = _key_columns(t, inv)
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        toks = N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                not toks or v.sampled < 2:
            continue
        last = toks[-1]
        # referrer_id, provider_id: a reference to someone else, judged as a key
        own = len(toks) == 1 or toks[0] in OWN_ID_PREFIXES
        if own and (last in ID_WORDS or last in COMPACT_ID_WORDS or
                    last.endswith(("pid", "uid"))):
            v.entity, v.confidence = N.PERSON_ID, 0.6
            v.signals.append(f"identifier in a table {_subject_phrase(subject)}")
            v.note = None
        elif last in SLUG_WORDS and len(toks) <= 2 and max(
                v.hits.get("LOGIN_LIKE", 0), v.hits.get(SLUG_LIKE, 0)) >= 0.8 * v.sampled:
            # (in any script: a Greek or Japanese name makes a slug of its own letters)
            # the person's part of their profile's address, made from their name
            v.entity, v.confidence = N.USERNAME, 0.6
            v.signals.append(f"slug in a table {_subject_phrase(subject)}")
            v.note = None
        elif ("free-text" in v.signals or _described(toks, v)) and \
                v.sampled >= MIN_OWN_TEXT and \
                not set(toks) & MACHINE_TEXT_WORDS and not v.hits.get(FILLER):
            # a person's own words about themselves (bio, signature, notes on them): who
            # they work for, where they live, in words no recognizer knows
            v.entity, v.confidence = FREE_TEXT, 0.5
            v.signals.append(f"own text in a table {_subject_phrase(subject)}")
            v.note = None
        elif v.hits.get(TOKEN_LIKE, 0) >= 0.9 * v.sampled >= MIN_ISSUED and col.unique \
                and not col.primary_key:
            # a second random id of the person (a cookie or tracking id, a public uuid)
            v.entity, v.confidence = N.PERSON_ID, 0.5
            v.signals.append(f"random id, one a row, in a table {_subject_phrase(subject)}")
            v.note = None
        elif _issued_numbers(v, _filled(rows, cname)) and \
                not set(toks) & COMPANY_NUMBER_WORDS:
            # a number issued to each person (driver's licence, DEA or member number)
            # whatever the column is called: one distinct value a row, all shaped alike
            v.entity, v.confidence = N.PERSON_ID, 0.6
            v.signals.append(f"id-code={v.hits[ID_CODE]}/{v.sampled}, one a row, in a "
                             f"table {_subject_phrase(subject)}")
            v.note = None


# numbers a registry issues to a company, not to a person (a customer row's ``siret`` is
# its company's, France's establishment number; ``company_number``, ``duns``, ``ein``)
COMPANY_NUMBER_WORDS = frozenset({"siret", "siren", "duns", "ein", "abn", "acn", "kvk",
                                  "company", "business", "organisation", "organization",
                                  "org"})
# long values that are no one's words: keys, certificates, markup, code
MACHINE_TEXT_WORDS = frozenset({"key", "cert", "certificate", "pem", "html", "css", "js",
                                "script", "xml", "json", "sql", "code", "template"})
MIN_OWN_TEXT = 5  # distinct free-text values before a column reads as a person's own text
SLUG_WORDS = frozenset({"slug", "alias", "permalink", "nicename"})
MIN_ISSUED = 20  # distinct values before a column of codes reads as issued numbers


# a column of a person's own words by its name (short ones too: "Gopher from Lyon")
# (``signature``: the lines a person signs their mails or posts with, their name, title
# and phone; a drawn signature as a picture is found by its content first)
OWN_TEXT_WORDS = frozenset({"description", "bio", "biography", "about", "aboutme",
                            "notes", "note", "remarks", "comments", "summary", "signature",
                            "sig"})


def _described(toks: list[str], v: Verdict) -> bool:
    """A person row's description or bio: one word naming it, values that are words
    (not logins, slugs, tokens or codes)."""
    if not toks or toks[-1] not in OWN_TEXT_WORDS or len(toks) > 2:
        return False
    shaped = sum(v.hits.get(k, 0) for k in ("LOGIN_LIKE", SLUG_LIKE, TOKEN_LIKE, ID_CODE))
    return shaped < 0.5 * max(1, v.sampled)


def _issued_numbers(v: Verdict, filled: int | None = None) -> bool:
    """Values shaped like issued numbers (``S99924016``, ``BC3027231``): 5+ digits behind
    at most three capitals, nearly every sampled row its own value. ``filled``: the
    sampled rows whose value is not empty (sixteenth pass: Gibbon's ``studentID`` is
    ``''`` for the staff and parents who share the table; the students' numbers are
    still one a row)."""
    n = v.sampled
    rows = v.rows if filled is None else min(v.rows, filled)
    return n >= MIN_ISSUED and v.hits.get(ID_CODE, 0) >= 0.9 * n and \
        n >= 0.9 * max(n, rows) and not v.hits.get(SEQUENCE)  # a row counter


def _filled(rows: list[dict[str, Any]] | None, cname: str) -> int | None:
    """Sampled rows whose ``cname`` holds something other than blanks (None: no rows).
    A word without a digit among numbers is a blank too (nineteenth pass: Chamilo's
    ``official_code`` is ``ADMIN`` for the administrators, a student number otherwise)."""
    if not rows:
        return None
    return sum(1 for r in rows if (x := r.get(cname)) is not None and
               (not isinstance(x, str) or any(c.isdigit() for c in x)))


# where a person signs in with an account of theirs elsewhere (beside the social networks
# and messengers of names.HANDLE_WORDS): the provider's id of that account
PROVIDER_WORDS = N.HANDLE_WORDS | frozenset("""
google apple microsoft azure okta ldap saml oidc openid keycloak auth0 cas kerberos
oauth oauth2 sso
""".split())
# the account whose id follows the provider's name (``oauth_user_id``, ``google_account_id``)
PROVIDER_ACCOUNT_WORDS = frozenset({"user", "account", "member", "profile"})
PROVIDER_ID_WORDS = ID_WORDS | {"sid", "sub", "oid", "dn"}


def _provider_accounts(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """``google_id``, ``gitlab_id``, ``ldap_sid``, ``oauth_user_id`` in a table named for
    people: the id of the person's account at that provider, as text or as an integer (a
    short integer is kept by its type elsewhere); the same name in a table of places or
    apps stays."""
    keys = _key_columns(t, inv)
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or cname in keys or v.sampled < 2 or \
                col.kind not in ("text", "integer") or not 2 <= len(toks) <= 3 or \
                toks[0] not in PROVIDER_WORDS or toks[-1] not in PROVIDER_ID_WORDS or \
                not set(toks[1:-1]) <= PROVIDER_ACCOUNT_WORDS:
            continue
        v.entity, v.confidence = N.PERSON_ID, 0.6
        v.signals.append(f"the person's account at {toks[0]}")
        v.note = None


# a table of saved payment cards (``credit_cards``, ``payment_cards``)
CARD_TABLE_WORDS = frozenset({"card", "creditcard", "paymentcard"})
# a card's expiry under its shortest names, in such a table
EXPIRY_WORDS = frozenset({"month", "year", "exp", "expiry", "expiration", "expires", "mm",
                          "yy", "yyyy"})
CARD_OWNER_ENTITIES = IDENTIFYING | {N.CARD, N.CARD_DIGITS, N.PERSON_ID}


def _card_parts(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table of cards that also holds the holder's name or the card's number or
    processor id, a bare ``month``/``year`` is the card's expiry and ``last_digits`` the
    end of its number: with the holder they single out the card. A table of gift or
    playing cards without anyone's data keeps them."""
    toks = N.tokens(t.name)
    if not toks or N._singular(toks[-1]) not in CARD_TABLE_WORDS:
        return
    owner = [c for c, v in verdicts.items() if v.entity in CARD_OWNER_ENTITIES]
    if not owner:
        return
    for cname, col in t.columns.items():
        v, ct = verdicts.get(cname), set(N.tokens(cname))
        if v is None or v.entity is not None or col.primary_key or not v.sampled or \
                col.kind not in ("text", "integer", "decimal"):
            continue
        if ct and ct <= EXPIRY_WORDS:
            v.entity = N.CARD_EXPIRY
        elif "last" in ct and ct & {"digits", "digit", "four"}:
            v.entity = N.CARD_DIGITS
        else:
            continue
        v.confidence = 0.6
        v.signals.append(f"part of a card beside {', '.join(sorted(owner)[:2])}")
        v.note = None


UNIQUE_ID_SHARE = 0.9  # distinct values of the sampled rows that make a column one id a row


def _identity_links(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                    rows: list[dict[str, Any]]) -> None:
    """A person's account at an identity provider (OAuth, SAML: a ``provider`` column
    beside a reference to a table of people) holds the person's id at that provider
    (``uid``, ``extern_uid``, ``provider_user_id``, ``identifier``): it identifies them
    outside."""
    if not (_provider_link(t) or _sign_in_providers(t, rows)):
        return
    cols = {c: N.tokens(c) for c in t.columns}
    keys = _key_columns(t, inv)
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), cols[cname]
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                not toks or v.sampled < 2:
            continue
        if toks[-1] in ("uid", "sub", "subject", "identifier") or toks[-2:] in (
                ["user", "id"], ["account", "id"], ["extern", "uid"], ["external", "id"]) \
                or toks == ["driver", "id"] or (
                    # (twentieth pass) ``providerId`` not declared a reference, nearly
                    # one a row: the person's id there (Outline's, at Google or Slack);
                    # a provider's slug repeats
                    toks == ["provider", "id"] and v.sampled >= UNIQUE_ID_SHARE * v.rows):
            v.entity, v.confidence = N.PERSON_ID, 0.6
            v.signals.append("a person's id at an identity provider")
            v.note = None


# (twentieth pass) tables whose private keys are the installation's: its TLS certificates
# (an ACME client's cache) and the actors of groups the server signs for (a community);
# any other table's private keys are masked (fail closed: a false alarm costs a reviewer's
# "keep", a miss costs a person's key)
INSTALLATION_KEY_WORDS = frozenset({"acme", "cert", "certs", "certificate", "certificates",
                                    "tls", "ssl", "x509", "letsencrypt", "community",
                                    "communities"})


def _installation_keys(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                       rows: list[dict[str, Any]]) -> None:
    """PEM private keys in a table named for the server's certificates or a community's
    actor, with no person on either side of a reference: the installation's own (TLS or
    signing keys), a system secret the labels keep (Miniflux's ``acme_cache.data``,
    Lemmy's ``community.private_key``). A key pair table a user row points to
    (BookWyrm's ``keypair``, referenced from ``user.key_pair_id``) holds that user's keys
    and stays masked, as does one named for anything else."""
    if not set(N.tokens(t.name)) & INSTALLATION_KEY_WORDS or any(
            _person_named(ref.split(".")[0]) for ref in _referenced(inv, t.name)):
        return
    for cname, v in verdicts.items():
        if v.entity != N.CREDENTIAL:
            continue
        # (a key bundle is as often kept as bytes: Miniflux's is a ``bytea``)
        vals = [bytes(x).decode("latin-1") if isinstance(x, bytes | bytearray | memoryview)
                else x for r in rows if isinstance(x := r.get(cname), str | bytes |
                                                   bytearray | memoryview)]
        if vals and sum(map(pem_private_key, vals)) >= 0.5 * len(vals):
            _demote(v, "private keys in a table of the server's certificates or a "
                       "community's actor, no person referring to it: the installation's "
                       "own (a TLS or signing key), a system secret")


# a table of requests to reset or change a password: its random columns are the links'
# secrets (``password_resets``, ``password_change_request``)
RESET_WORDS = frozenset({"reset", "resets", "change", "recovery", "forgot", "request",
                         "requests"})


def _password_reset_requests(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table of password resets, a random secret (32 hex digits or 20 base64
    characters and more) under any name opens the account it was sent for, even one
    named as an id (nineteenth pass: EspoCRM's ``password_change_request.request_id``,
    64 hex digits). Its primary key and references (17 hex digits in EspoCRM, shorter
    than a secret) stay."""
    if not _reset_table(t.name):
        return
    refs = set(t.primary_key) | {c for fk in t.foreign_keys for c in fk.columns} | \
        set(_person_refs(t))
    for cname, v in _unjudged_text(t, verdicts):
        n = max(1, v.sampled)
        if cname in refs or v.sampled < 2 or v.hits.get(SECRET_LIKE, 0) < 0.8 * n or \
                v.hits.get(UUID_LIKE, 0) >= 0.5 * n:
            continue
        v.entity, v.confidence, v.note = N.CREDENTIAL, 0.6, None
        v.signals.append(f"random-secret={v.hits[SECRET_LIKE]}/{n} in a table of password "
                         "resets")


SIGN_IN_PROVIDER_SHARE = 0.8  # a provider column's values naming sign-in providers


def _sign_in_providers(t: TableInfo, rows: list[dict[str, Any]]) -> bool:
    """A ``provider`` column whose values name sign-in providers (``github``,
    ``google``), with or without a reference to a person: a pending sign-up through one
    holds the account's id there before any user exists (nineteenth pass: Flarum's
    ``registration_tokens``). A payment's ``provider`` (``stripe``) is no sign-in."""
    for cname in t.columns:
        if N.tokens(cname) == ["provider"]:
            vals = [x.lower() for x in _texts(rows, cname)]
            return len(vals) >= 2 and sum(
                x in PROVIDER_WORDS for x in vals) >= SIGN_IN_PROVIDER_SHARE * len(vals)
    return False


def _provider_link(t: TableInfo) -> bool:
    """A person's account at an identity provider: a ``provider`` column beside a
    declared reference to a table named for people. Its rows are links to outside
    accounts, not persons: its key identifies the link."""
    if not any(toks in (["provider"], ["driver"]) or toks[-2:] == ["provider", "name"]
               for toks in map(N.tokens, t.columns)) and not any(
            # (twentieth pass) or a declared reference to a table of sign-in providers
            # (Outline's ``user_authentications.authenticationProviderId``)
            N.tokens(fk.ref_table)[-1:] in (["provider"], ["providers"])
            for fk in t.foreign_keys):
        # (``driver``: Laravel Socialite's word for the provider, ``driver_id`` its id)
        return False
    if any(_person_named(fk.ref_table) for fk in t.foreign_keys):
        return True
    # Socialite's pair (``driver`` and ``driver_id``) beside a reference named for a
    # person (``user_id``), declared or not: Laravel schemas seldom declare theirs
    names = {tuple(N.tokens(c)) for c in t.columns}
    # (``driver_id`` itself names a person word: a delivery's driver)
    return ("driver",) in names and ("driver", "id") in names and \
        any(N.tokens(c) != ["driver", "id"] for c in _person_refs(t))


def _person_refs(t: TableInfo) -> list[str]:
    """Columns by which a row belongs to a person: a declared foreign key to a table
    named for people, or a column named for a person and a reference (``user_id``,
    ``userid``, ``author_id``, MediaWiki's integer ``up_user``)."""
    out = [c for fk in t.foreign_keys if fk.ref_table != t.name and
           _person_named(fk.ref_table) for c in fk.columns]
    for cname, col in t.columns.items():
        toks = N.tokens(cname)
        if cname in out or not toks or col.kind not in ("integer", "text"):
            continue
        if toks[-1] in REF_WORDS and len(toks) >= 2:
            word = toks[-2]
        elif toks[-1].endswith("id") and len(toks[-1]) > 4:
            word = toks[-1][:-2]  # userid, memberid
        elif toks == ["uid"] and not col.primary_key:
            word = "user"  # a second factor's or a membership's ``uid``: the user's id
        elif col.kind == "integer" and len(toks) >= 2:
            word = toks[-1]  # up_user, rev_actor: a number naming the person
        else:
            continue
        if any(w in PERSON_WORDS for w in _forms(word)):
            out.append(cname)
    return out


REF_WORDS = frozenset({"id", "uid", "ref", "fk"})
# words naming what a random value is of when it is not a secret: a file, its content,
# a checksum, a public key, a short link (phpBB's post_checksum, Mastodon's shortcode)
CONTENT_WORDS = frozenset("""
checksum crc digest etag fingerprint file filename path url uri content body image blob
attachment upload thumbnail preview media blurhash thumbhash shortcode slug uuid guid public
color colour commit revision changeset avatar icon logo picture
md sha
""".split())
# words naming a short random code that stands for a password (an order's guest-access
# ``protect_code``, a ``pin``, a ``nonce``)
SHORT_SECRET_WORDS = frozenset({"code", "key", "pin", "nonce", "hash", "secret", "token"})
MIN_SECRETS = 5  # distinct random values before a column reads as secrets


def _owned_secrets(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                   subject: Subject, owned: list[str]) -> None:
    """Random secrets without a credential word: hex digests, base64 random, ``totp:<hex>``,
    lists of one-time codes, in a table about people or whose rows belong to a person
    (``api_keys.key_hash``, ``users.otpKey``, a remember-me ``series``). Whoever holds one
    acts as that person (issue #10 point 6). A random column named as an id is the
    person's second identifier in a table named for people, and a thing's id elsewhere."""
    keys = _key_columns(t, inv) | set(owned)
    if len(t.primary_key) > 1:
        # a part of a composite key is a key only with the table's other keys: a random
        # secret as a key-value row's key (a remember-me token as ``configkey``) is one
        keys -= set(t.primary_key) - {c for fk in t.foreign_keys for c in fk.columns}
        keys |= set(owned)
    whose = (_subject_phrase(subject) if subject.by_name else
             f"whose rows belong to a person ({', '.join(owned[:2])})")
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        toks = N.tokens(cname)
        # (a compound written in two words: ``background_blur_hash``, seventeenth pass)
        pairs = {a + b for a, b in zip(toks, toks[1:], strict=False)}
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                not toks or set(toks) & CONTENT_WORDS or pairs & CONTENT_WORDS or \
                _public_key(cname):
            continue
        if v.sampled < MIN_SECRETS and not (subject.by_name and v.sampled >= 2 and
                                            v.hits.get(SECRET_LIKE, 0) == v.sampled):
            # (a row of a person's with a column of random secrets under a name no rule
            # knows, mostly NULL: a reset code set while a reset is pending, in a few rows)
            continue
        if _short_codes(v, toks):
            # 6+ random hex digits, one a row: short, but whoever has one opens what it
            # guards (an order's page for guests, a one-time link)
            v.entity, v.confidence, v.note = N.CREDENTIAL, 0.5, None
            v.signals.append(f"short-random-code={v.hits[SHORT_HEX]}/{v.sampled}, one a "
                             f"row, in a table {whose}")
            continue
        if v.hits.get(SECRET_LIKE, 0) < 0.8 * v.sampled or \
                v.hits.get(UUID_LIKE, 0) >= 0.9 * v.sampled:
            continue  # not random, or uuids: ids of rows, not secrets
        if toks[-1] in ID_WORDS:
            if not subject.by_name:
                continue  # an OAuth application's uid, an event's id
            v.entity, v.confidence = N.PERSON_ID, 0.5
            v.signals.append(f"random identifier in a table {whose}")
        else:
            v.entity, v.confidence = N.CREDENTIAL, 0.6
            v.signals.append(f"random-secret={v.hits[SECRET_LIKE]}/{v.sampled} in a table "
                             f"{whose}")
        v.note = None


def _short_codes(v: Verdict, toks: list[str]) -> bool:
    """Short random hex codes (``a66c57``) under a code's or key's word, nearly one
    distinct value a sampled row: a secret too short for the secret shape."""
    n = v.sampled
    return n >= MIN_ISSUED and n >= 0.9 * max(n, v.rows) and \
        v.hits.get(SHORT_HEX, 0) >= 0.8 * n and toks[-1] in SHORT_SECRET_WORDS


# a tax number (``taxvat``, ``vat_id``, ``steuernummer`` are named already)
TAX_WORDS = frozenset({"tax", "vat", "taxvat", "fiscal", "taxpayer", "steuer", "gst",
                       "taxnumber", "taxcode", "vatnumber", "vatid"})
TAX_NOT_IDS = frozenset({"rate", "amount", "class", "percent", "total", "base", "exempt",
                         "included", "zone", "rule", "type", "status"})
MIN_TAX_IDS = 5


def _tax_numbers(t: TableInfo, verdicts: dict[str, Verdict], subject: Subject) -> None:
    """A tax number of a person (``taxvat``, ``customer_vat``: a codice fiscale, a NIF, a
    Steuer-ID) in a table named for people, or under a person's word (``customer_``):
    a code of letters and digits, one per person. A company's VAT number in a supplier
    table stays (not a person's)."""
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or not toks or \
                v.sampled < MIN_TAX_IDS or set(toks) & TAX_NOT_IDS:
            continue
        if not any(tok in TAX_WORDS or tok.startswith("tax") for tok in toks):
            continue
        person = subject.by_name or any(w in PERSON_WORDS for w in _forms(toks[0]))
        if not person or v.hits.get(CODE_LIKE, 0) < 0.8 * v.sampled:
            continue
        v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
        v.signals.append(f"tax-number-shape={v.hits[CODE_LIKE]}/{v.sampled} "
                         + ("in a table " + _subject_phrase(subject) if subject.by_name
                            else f"under a person's word ({toks[0]})"))


# tables of a person's calendar: what they do, when, and with whom
CALENDAR_WORDS = frozenset({"event", "appointment", "meeting", "calendar", "reminder",
                            "agenda"})
MIN_EVENT_TEXTS = 10  # distinct values before a calendar's text column is judged
EVENT_NAMED_SHARE = 0.02  # of them naming someone (free text elsewhere needs 5%)


DATE_PART_RANGES = {"day": (1, 31), "month": (1, 12), "year": (1900, 2100)}
DATE_PART_SHARE = 0.9  # of the non-NULL sampled values in the part's range


def _split_dates(t: TableInfo, verdicts: dict[str, Verdict], rows: list[dict[str, Any]],
                 whose: str) -> None:
    """Integers ``day``, ``month`` and ``year`` side by side (or ``<x>_day``,
    ``<x>_month``, ``<x>_year`` with one prefix: Monica's important dates) in a table
    about people or whose rows are a person's: a date split into parts, a birthday most
    often. Each part alone is coarse; together they are the date, so all three are
    masked. Only when all three are there and their values fit a day, a month and a
    year (a ``month`` of 1-12 beside a ``year`` is a period, not a date); a 0 is an unknown
    part and not counted."""
    groups: dict[tuple[str, ...], dict[str, str]] = {}
    for cname, col in t.columns.items():
        toks = N.tokens(cname)
        if col.kind == "integer" and toks and toks[-1] in DATE_PART_RANGES and \
                not col.primary_key:
            groups.setdefault(tuple(toks[:-1]), {})[toks[-1]] = cname
    for parts in groups.values():
        if len(parts) < len(DATE_PART_RANGES):
            continue
        fit = True
        for part, cname in parts.items():
            lo, hi = DATE_PART_RANGES[part]
            # 0 is an unknown part, as NULL is (seventeenth pass: ChurchCRM keeps 0 for a
            # birthday's unknown day or month in a fifth of its people)
            vals = [x for r in rows if isinstance(x := r.get(cname), int) and x != 0]
            if len(vals) < 10 or sum(lo <= x <= hi for x in vals) < DATE_PART_SHARE * len(vals):
                fit = False
        if not fit:
            continue
        for cname in parts.values():
            v = verdicts[cname]
            if v.entity is None:
                v.entity, v.confidence = N.DOB, 0.6
                v.signals.append(f"part of a date split into day, month and year in a "
                                 f"table {whose}")
                v.note = None


def _personal_events(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                     owned: list[str]) -> None:
    """The titles and descriptions of a person's calendar entries ("Call with Anna
    Berg", "Gregory's birthday"): a few naming someone make the column text about the
    person's life (whom they meet), though most entries are a course's or a team's."""
    keys = _key_columns(t, inv) | set(owned)
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                not toks or v.sampled < MIN_EVENT_TEXTS or set(toks) & MACHINE_TEXT_WORDS:
            continue
        named = v.hits.get(IN_TEXT, 0)
        if named < max(2, EVENT_NAMED_SHARE * v.sampled):
            continue
        v.entity, v.confidence, v.note = FREE_TEXT, 0.5, None
        v.signals.append(f"in-text:any={named}/{v.sampled} in a calendar whose rows belong "
                         f"to a person ({', '.join(owned[:2])})")


def _outside_identities(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """Columns sharing a prefix (``external_*``, ``sso_*``) of which two or more hold a
    username, an e-mail or a name, in a table whose rows belong to a person, describe that
    person's identity elsewhere: the group's ``<prefix>_id`` is their id there (single
    sign-on records without a ``provider`` column)."""
    keys = _key_columns(t, inv)
    tables = {N._singular(x.lower()) for x in inv.tables}
    groups: dict[str, list[str]] = {}
    for cname in t.columns:
        toks = N.tokens(cname)
        if len(toks) >= 2:
            groups.setdefault(toks[0], []).append(cname)
    for prefix, cols in groups.items():
        if any(w in PERSON_WORDS for w in _forms(prefix)) or N._singular(prefix) in tables:
            continue  # user_id beside user_email: a reference, left to the key rule
        personal = [c for c in cols if verdicts[c].entity in IDENTIFYING | CONTACT]
        if len(personal) < 2:
            continue  # one name beside an id (an admin log's object_repr) is no profile
        for cname in cols:
            v, col, toks = verdicts[cname], t.columns[cname], N.tokens(cname)
            if v.entity is None and col.kind == "text" and cname not in keys and \
                    v.sampled >= 2 and len(toks) == 2 and toks[1] in ID_WORDS:
                v.entity, v.confidence = N.PERSON_ID, 0.6
                v.signals.append(f"the id of the person whose {', '.join(personal[:2])} "
                                 f"the {prefix}_* columns hold")
                v.note = None


# who made, owns or sent a row: a text column under one of these words holds a person
ROLE_WORDS = frozenset({"creator", "author", "owner", "assignee", "reporter", "editor",
                        "sender", "recipient", "organizer", "organiser", "host", "modifier"})
MIN_ROLE_LOGINS = 10  # distinct values before a role column of logins is judged


def _logins_of_a_role(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """A text column named for a person's role (``creator``, ``author``, ``assignee``)
    holding one login-shaped word each (``jdoe``, ``anna.berg``), not ids, tokens or
    hex: the usernames of those people (a meeting's creator on another system)."""
    keys = _key_columns(t, inv)
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                len(toks) != 1 or toks[0] not in ROLE_WORDS or v.sampled < MIN_ROLE_LOGINS:
            continue
        n = v.sampled
        if v.hits.get("LOGIN_LIKE", 0) < 0.8 * n or any(
                v.hits.get(k, 0) >= 0.2 * n for k in (UUID_LIKE, TOKEN_LIKE, SHORT_HEX)):
            continue
        v.entity, v.confidence, v.note = N.USERNAME, 0.6, None
        v.signals.append(f"login-like={v.hits['LOGIN_LIKE']}/{n} under a person's role")


MIN_IDENTIFIERS = 5  # distinct values before an identifier column of a person is judged


def _owned_identifiers(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory,
                       owned: list[str]) -> None:
    """A text column named ``identifier`` in a table whose rows belong to a person (a
    patient's identifiers, a provider's code): the numbers issued to that person, in
    whatever format (an MRN with a check character, a national id, an old chart
    number). Slugs (a project's ``identifier``), random tokens and uuids are not issued
    numbers; an integer ``identifier`` is left to the keys."""
    keys = _key_columns(t, inv) | set(owned)
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or cname in keys or \
                not toks or toks[-1] != "identifier" or len(toks) > 2 or \
                v.sampled < MIN_IDENTIFIERS or any(
                    v.hits.get(k, 0) >= 0.5 * v.sampled
                    for k in (UUID_LIKE, TOKEN_LIKE, SHORT_HEX, "LOGIN_LIKE")):
            continue  # a slug (a project's), a random token or a uuid: not issued
        v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
        v.signals.append(f"identifier in a table whose rows belong to a person "
                         f"({', '.join(owned[:2])})")


TRACKING_WORDS = frozenset({"tracking", "tracker"})


def _tracking_ids(t: TableInfo, verdicts: dict[str, Verdict], owned: list[str],
                  rows: list[dict[str, Any]]) -> None:
    """A ``tracking_id`` of random mixed-case tokens in a table whose rows belong to a
    person (a lead's page hits, devices, form submissions in Mautic): the id of the
    visitor's tracking cookie, which follows the person across visits. A carrier's
    tracking number (digits and capitals: ``1Z…``) is a parcel's and stays."""
    for cname, v in _unjudged_text(t, verdicts):
        if not TRACKING_WORDS & set(N.tokens(cname)) or v.sampled < MIN_SECRETS:
            continue
        vals = [x for r in rows if isinstance(x := r.get(cname), str) and x]
        if v.hits.get(TOKEN_LIKE, 0) >= 0.8 * v.sampled and \
                sum(bool(_MIXED_CASE.search(x)) for x in vals) >= 0.8 * len(vals):
            v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
            v.signals.append(f"random tracking id in a table whose rows belong to a person "
                             f"({', '.join(owned[:2])})")


_MIXED_CASE = re.compile(r"(?=.*[a-z])(?=.*[A-Z])")


MIN_URL_MATCHES = 5
MIN_OWN_URLS = 3  # ... in a table named for people, whose rows are the persons


def _row_handles(r: dict[str, Any], handles: list[str]) -> list[str]:
    """The row's usernames and e-mail local parts (three characters at least), lower case."""
    names = [h.split("@")[0].lower() if "@" in h else h.lower()
             for h in (r.get(c) for c in handles) if isinstance(h, str)]
    return [n for n in names if len(n) >= 3]


def _holds_handle(value: str, names: list[str]) -> bool:
    """Whether ``value`` holds one of ``names`` as a word of its own (``@alice``,
    ``profile/alice.jpg``, ``alice,@alice``), not inside a longer word."""
    low = value.lower()
    return any(re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w-])", low) for n in names)


def _urls_naming_the_person(t: TableInfo, verdicts: dict[str, Verdict],
                            rows: list[dict[str, Any]], subject: Subject) -> None:
    """A URL holding the same row's username (or the e-mail's local part) is that
    person's page or picture (``https://id.example.com/avatars/<username>.png``); so is
    a file path (``catalog/profile/<username>.jpg``). A JSON document holding it (a
    user's notification settings whose ``mention_keys`` are their username) carries
    the person's identity under that path. In a table named for people (a few staff
    accounts) three such rows suffice."""
    handles = [c for c, v in verdicts.items()
               if v.entity in (N.USERNAME, N.EMAIL) and not v.partial]
    if not handles:
        return
    least = MIN_OWN_URLS if subject.by_name else MIN_URL_MATCHES
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind not in ("text", "json") or \
                cname in handles or v.sampled < least:
            continue
        if "json" in v.signals:
            _json_naming_the_person(cname, v, rows, handles)
            continue
        pairs = matches = 0
        for r in rows:
            url = r.get(cname)
            names = _row_handles(r, handles)
            if not isinstance(url, str) or not names:
                continue
            if "://" in url:
                pairs += 1
                path = url.split("://", 1)[1].partition("/")[2].lower()
                matches += any(n in path for n in names)
            elif "/" in url:
                pairs += 1
                matches += _holds_handle(url, names)
        if matches >= least and matches >= 0.5 * pairs:
            v.entity, v.confidence = PROFILE_URL, 0.6
            v.signals.append(f"url-holds-username={matches}/{pairs}")
            v.note = None


ROW_NAME_ENTITIES = (N.FIRST_NAME, N.LAST_NAME, N.PERSON)
MIN_FILES_NAMING_THE_ROW = 2  # rows whose file is named for the row's own person


def _files_naming_the_row(t: TableInfo, verdicts: dict[str, Verdict],
                          rows: list[dict[str, Any]]) -> None:
    """A column of file names (a ``photo``, an upload) whose file is named for the row's
    own person in two rows or more (``robert.reeves.jpg`` where the row's names are
    Robert Reeves): too few distinct values to count names in, but the row says whose
    they are. Masked as a whole column; random or id-built file names (``avatars/3f9a.jpg``)
    stay."""
    names = [c for c, v in verdicts.items() if v.entity in ROW_NAME_ENTITIES and not v.partial]
    if not names:
        return
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind != "text":
            continue
        present = [r for r in rows if isinstance(r.get(cname), str) and r[cname].strip()]
        if len(present) < MIN_FILES_NAMING_THE_ROW or \
                sum(file_name(r[cname]) for r in present) < 0.8 * len(present):
            continue
        named = sum(_file_names_the_row(r[cname], r, names) for r in present)
        if named < MIN_FILES_NAMING_THE_ROW:
            continue
        v.entity, v.partial, v.confidence = N.PERSON, True, 0.6
        v.signals.append(f"files named for the row's person ({named} rows, "
                         f"{', '.join(names[:2])})")
        v.note = "file names naming the row's person: masked as a whole column"


def _folded(x: Any) -> str:
    """Latin letters and digits of ``x``, lower case, accents dropped."""
    norm = unicodedata.normalize("NFKD", _text(x))
    return "".join(ch for ch in norm if ch.isascii() and ch.isalnum()).lower()


SQUASHED_NAME_SHARE = 0.8  # of the rows with a value and the names: the names run together


def _squashed_row_names(t: TableInfo, verdicts: dict[str, Verdict],
                        rows: list[dict[str, Any]]) -> None:
    """A column holding the row's own first and last name run together, with a number or
    a word around them (Open Dental's patient ``ImageFolder``, ``BergAnna123``; a home
    directory ``anna_berg7``): a folder or a key named for the person, which no word
    split finds. Both names must be in the value, in most rows: a ``code`` that merely
    starts with a surname's letters stays."""
    first = [c for c, v in verdicts.items() if v.entity == N.FIRST_NAME and not v.partial]
    last = [c for c, v in verdicts.items() if v.entity == N.LAST_NAME and not v.partial]
    if not first or not last:
        return
    # (a folder's name is often written without accents, ``Matousek`` for Matoušek; a
    # name in another script leaves nothing to look for and its row is not counted)
    for cname, v in _unjudged_text(t, verdicts):
        pairs = [(_folded(r.get(cname)), f, la) for r in rows
                 if r.get(cname) not in (None, "") and
                 len(f := _folded(r.get(first[0]))) >= 2 and
                 len(la := _folded(r.get(last[0]))) >= 2]
        same = sum(1 for x, f, la in pairs if f + la in x or la + f in x)
        if len(pairs) >= MIN_COPIES and same >= SQUASHED_NAME_SHARE * len(pairs):
            v.entity, v.partial, v.confidence, v.note = N.PERSON, True, 0.6, None
            v.signals.append(f"the row's names run together ({first[0]}, {last[0]}): "
                             f"{same}/{len(pairs)}")


def _file_names_the_row(value: str, row: dict[str, Any], names: list[str]) -> bool:
    """Every word of the row's name columns (three letters at least, or any in a script
    without case) among the words of the file's stem."""
    stem = set(re.split(r"[-_.+\s/\\]+", value.lower()))
    words = [w for c in names if isinstance(row.get(c), str)
             for w in re.split(r"[\s-]+", row[c].lower()) if w]
    return bool(words) and all(w in stem for w in words if len(w) >= 3 or not w.isascii())


def _json_naming_the_person(cname: str, v: Verdict, rows: list[dict[str, Any]],
                            handles: list[str]) -> None:
    """The JSON paths of ``cname`` holding the same row's username or e-mail local part
    in half the rows that have both (five at least): the column is JSON, those paths
    usernames."""
    pairs: Counter = Counter()
    matches: Counter = Counter()
    chars: dict[str, set[str]] = {}
    for r in rows:
        doc, names = parse_json(r.get(cname)), _row_handles(r, handles)
        if not isinstance(doc, (dict, list)) or not names:
            continue
        leaves: dict[str, list[Any]] = {}
        walk_json(doc, leaves)
        for path, vals in leaves.items():
            texts = [x for x in vals if isinstance(x, str)]
            pairs[path] += 1
            if any(_holds_handle(x, names) for x in texts):
                matches[path] += 1
                chars.setdefault(path, set()).update(
                    ch for x in texts for ch in x if not (ch.isascii() and ch.isalnum()))
    found = sorted(p for p, m in matches.items()
                   if m >= MIN_URL_MATCHES and m >= 0.5 * pairs[p])
    if not found:
        return
    v.entity, v.confidence, v.note = JSON, max(v.confidence, 0.6), None
    for path in found:
        v.paths[path] = N.USERNAME
        v.path_chars[path] = (True, "".join(sorted(chars[path])))
        v.hits[path] = matches[path]
    v.signals.append(f"json-holds-username:{', '.join(found[:3])}="
                     f"{matches[found[0]]}/{pairs[found[0]]}")


KEY_WORDS = frozenset({"key", "name", "property", "prop", "field", "option", "attribute",
                       "attr", "setting", "param"})
VALUE_WORDS = frozenset({"value", "val"})
VALUES_PER_KEY = 200


def _text(x: Any) -> str:
    if isinstance(x, (bytes, bytearray, memoryview)):
        x = bytes(x).decode("utf-8", "replace")
    if not isinstance(x, str):
        return "" if x is None else str(x)
    x = x.strip()
    if len(x) >= 2 and x[0] == x[-1] == '"':
        try:  # Joomla's profile values are JSON-quoted strings
            decoded = json.loads(x)
        except ValueError:
            return x
        return decoded if isinstance(decoded, str) else x
    return x


def _key_values(t: TableInfo, verdicts: dict[str, Verdict], rows: list[dict[str, Any]],
                engine: Analyzer) -> None:
    """A key-value table tied to people (``profile_key``/``profile_value``,
    ``up_property``/``up_value``): each key's values are judged as a column named by the
    key (``profile.city``, ``nickname``); a key holding personal data masks the value
    column, however few of all the values are personal."""
    cols = {c: N.tokens(c) for c in t.columns}
    text_kinds = ("text", "binary")
    key_cols = [c for c, tk in cols.items() if tk and tk[-1] in KEY_WORDS and
                t.columns[c].kind in text_kinds]
    if len(key_cols) != 1:
        return
    kc = key_cols[0]
    for vc, tk in cols.items():
        v = verdicts.get(vc)
        if not tk or tk[-1] not in VALUE_WORDS or t.columns[vc].kind not in text_kinds or \
                v is None or v.entity is not None:
            continue
        per_key: dict[str, list[str]] = {}
        for r in rows:
            k, x = _text(r.get(kc)), _text(r.get(vc))
            bucket = per_key.setdefault(k, []) if k and x else None
            if bucket is not None and len(bucket) < VALUES_PER_KEY and x not in bucket:
                bucket.append(x)
        found: dict[str, str] = {}
        for k, vals in sorted(per_key.items()):
            if len(vals) >= 2:
                kv = key_verdict(k, vals, engine)
                if kv.entity is not None and kv.entity != N.COUNTRY and not _role_only(kv):
                    found[k] = kv.entity
        if not found:
            continue
        v.entity = Counter(found.values()).most_common(1)[0][0]
        v.partial, v.confidence = True, 0.6
        listed = ", ".join(f"{k}={e}" for k, e in list(found.items())[:4])
        v.signals.append(f"key-value:{listed}")
        v.note = (f"personal data under {len(found)} of {len(per_key)} keys of {kc} "
                  f"({listed}): masked as a whole column")


def _role_mailboxes(verdicts: dict[str, Verdict]) -> None:
    """E-mail columns of role mailboxes (support@, help@, newsletter@) outside a table
    named for people: an organisation's inboxes, not a person's."""
    for v in verdicts.values():
        if _role_only(v):
            _demote(v, f"role mailboxes ({v.hits[ROLE_EMAIL]} of {v.hits[N.EMAIL]} e-mail "
                       "addresses: support@, help@, newsletter@...): an organisation's, "
                       "not a person's")


OWN_MAILBOX_SHARE = 0.8  # e-mails whose mailbox is the row's own name


def _mailboxes_named_for_the_row(t: TableInfo, verdicts: dict[str, Verdict],
                                 rows: list[dict[str, Any]]) -> None:
    """(twentieth pass) E-mail addresses whose mailbox is the row's own ``name`` (team
    ``Backend``: ``backend@``; queue ``Support``: ``support@``, ``support-comment@``),
    outside a table named for people, when the names are mostly no dictionary first
    names: a team's or a queue's address, the organisation's (Grafana's ``team.email``,
    Request Tracker's ``Queues``). A person's ``anna@`` beside the name ``Anna`` stays."""
    names = [c for c in t.columns if N.tokens(c)[-1:] == ["name"]
             and (v := verdicts.get(c)) is not None
             and v.hits.get("NAME_DICTIONARY", 0) < 0.5 * max(1, v.sampled)]
    if len(names) != 1:
        return
    # (the table's addresses are judged together: a queue's second address may be set
    # in one sampled row only)
    pairs = {cname: [(slug, local) for r in rows
                     if isinstance(name := r.get(names[0]), str) and
                     (slug := re.sub(r"[\s_.-]+", "", name.lower())) and
                     isinstance(mail := r.get(cname), str) and "@" in mail
                     and (local := re.sub(r"[_.-]+", "", mail.split("@")[0].lower()))]
             for cname, v in verdicts.items() if v.entity == N.EMAIL and not v.partial}
    every = [p for ps in pairs.values() for p in ps]
    if len(every) < 2 or sum(local.startswith(slug) for slug, local in every) < \
            OWN_MAILBOX_SHARE * len(every):
        return
    for cname, ps in pairs.items():
        if ps and sum(local.startswith(slug) for slug, local in ps) >= \
                OWN_MAILBOX_SHARE * len(ps):
            _demote(verdicts[cname], f"the row's own mailbox: the address is named for "
                                     f"its {names[0]}, a team's or a queue's")


def _role_only(v: Verdict) -> bool:
    """E-mail addresses found that are role mailboxes, nearly all of them."""
    hits = v.hits.get(N.EMAIL, 0)
    return v.entity == N.EMAIL and bool(hits) and v.hits.get(ROLE_EMAIL, 0) >= 0.8 * hits


# a point written as text: GeoJSON (a geometry's ``coordinates``, alone or in a feature
# collection, as Frappe's Geolocation field keeps it) or WKT/EWKT (``SRID=4326;POINT(…)``)
_POINT_TEXT = re.compile(r'"coordinates"\s*:\s*\[\s*\[?\s*-?\d'
                         r"|^(?:SRID=\d+;)?POINT\s*Z?\s*\(\s*-?\d", re.IGNORECASE)


def _points(rows: list[dict[str, Any]] | None, cname: str) -> bool:
    vals = _texts(rows or [], cname)
    return len(vals) >= 2 and sum(bool(_POINT_TEXT.search(x)) for x in vals) >= 0.8 * len(vals)


def _geo(t: TableInfo, verdicts: dict[str, Verdict], whose: str, by_name: bool = False,
         rows: list[dict[str, Any]] | None = None) -> None:
    """Coordinates of a person (lat/lon of a patient's home, a place they tagged) locate
    them; ``whose`` says why the table's rows are a person's, ``by_name`` that its name
    says so (then a free-form ``location`` is where they live)."""
    for cname, col in t.columns.items():
        v = verdicts.get(cname)
        if v is None or v.entity is not None or col.kind not in ("float", "decimal",
                                                                 "numeric", "text"):
            continue
        toks = set(N.tokens(cname))
        if toks & GEO_NAMES or (col.kind == "text" and _points(rows, cname)):
            # (nineteenth pass) a point kept as GeoJSON or WKT text is the same
            # coordinates under whatever name (``geolocation``, ``geom``, ``position``)
            v.entity, v.confidence = "LOCATION", 0.6
            v.signals.append(f"coordinates in a table {whose}")
        elif (toks & {"location", "hometown"} or N.tokens(cname) in (["from"],
                                                                     ["user", "from"])) \
                and col.kind == "text" and by_name and v.sampled >= 2:
            # where a person lives, as free-form "town, country"
            v.entity, v.confidence = N.CITY, 0.6
            v.signals.append(f"place in a table {whose}")


# -- thirteenth pass: authenticators, texts naming someone, credentials in URLs ------


AUTHENTICATOR_WORDS = frozenset({"webauthn", "passkey", "passkeys", "fido", "fido2", "u2f",
                                 "authenticator", "authenticators", "securitykey"})
# a WebAuthn credential's id and the user handle the authenticator stores for the account
AUTHENTICATOR_ID_TOKENS = (["cred", "id"], ["credential", "id"], ["credential"], ["handle"],
                           ["user", "handle"], ["key", "handle"], ["userhandle"],
                           ["credentialid"], ["credid"], ["raw", "id"], ["rawid"])


def _authenticator_table(t: TableInfo) -> bool:
    toks = N.tokens(t.name)
    return any(w in AUTHENTICATOR_WORDS for w in toks) or "".join(toks[-2:]) == "securitykey"


def _authenticator_ids(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table of WebAuthn (passkey, U2F, FIDO) credentials, the credential id and the
    user handle (``cred_id``, ``credentialId``, ``handle``: random bytes or their base64)
    identify one person's authenticator to every site it signs in to: a person's
    identifier, masked whatever the table is about. Its public key and the model's
    ``aaguid`` (shared by every key of a model) stay with their own rules."""
    if not _authenticator_table(t):
        return
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind not in ("text", "binary") or \
                toks not in AUTHENTICATOR_ID_TOKENS or v.sampled < 1:
            continue
        v.entity, v.confidence, v.note = N.PERSON_ID, 0.6, None
        v.signals.append("an authenticator's credential id or user handle")


COMPANY_COLUMN_WORDS = frozenset({"company", "organisation", "organization", "employer",
                                  "firm", "business"})
TEMPLATE_MAX_WORDS = 6  # words of a short label, a title or a device's name
TEMPLATE_LONG_WORDS = 9  # words of a line naming someone by a full name after ``with``
TEMPLATE_NAMED_SHARE = 0.05  # rows naming someone: the free-text rule of the labels
TEMPLATE_FILLER_SHARE = 0.7  # distinct fillers per row of a template: names, not colours
# the words around a slot that make it a person: written for, to, with someone, greeting
# them, or naming their household (``Port Michael``, ``Medical Center of Lund``,
# ``Borges  Massachusetts`` are places named after people, not people)
ADDRESS_WORDS = frozenset({"for", "to", "with", "from", "by", "dear", "hi", "hello", "hey",
                           "thanks", "welcome", "congratulations", "congrats", "love",
                           "für", "pour", "para", "per", "voor", "à"})
HOUSEHOLD_WORDS = frozenset({"family", "household", "familie", "famille", "familia",
                             "famiglia", "family's", "wedding"})
# a relative's title before their name (``Oma Ingrids Apfelkuchen``, ``Grandma Rose's
# pie``, ``Tante Eva``): the name after it is a person's, possessive with or without an
# apostrophe (German writes ``Ingrids``)
KIN_WORDS = frozenset({"oma", "opa", "grandma", "grandpa", "granny", "grandad", "nana",
                       "nan", "aunt", "auntie", "tante", "uncle", "onkel", "mom", "mum",
                       "dad", "mama", "papa", "nonna", "nonno", "abuela", "abuelo", "mamie",
                       "papy", "mémé", "pépé", "zia", "zio", "tía", "tío", "tia", "tio"})
# a name that opens a sentence as its subject (``Thea is on vacation, please rebook``,
# ``Marco has moved``): someone the text is about
SUBJECT_VERBS = frozenset({"is", "was", "has", "had", "will", "cannot", "can't", "won't",
                           "isn't", "wasn't", "asked", "called", "says", "said", "needs",
                           "ist", "hat", "est", "a", "è", "ha", "es", "está", "heeft",
                           # what a review says its subject did (an interview's summary)
                           "showed", "shows", "seems", "seemed", "performed", "answered",
                           "presented", "struggled", "impressed"})
_PUNCT_TAIL = re.compile(r"^(.*?)([!?.,:;]*)$")
_LOGIN_FILLER = re.compile(r"^[a-z][a-z0-9]*(?:[._][a-z0-9]+)*$")
_NAME_FILLER = re.compile(r"^[^\W\d_][^\W\d_'’-]+(?:-[^\W\d_]+)?$")


def _name_filler(word: str) -> bool:
    """A word that names a person in a slot of a template: a dictionary first or last
    name, capitalised (``Szymon``, ``Lafleur``), or a login with a login's marks
    (``miladal7``, ``gina.guerrero``)."""
    if _NAME_FILLER.match(word) and word[0].isupper() and not word.isupper():
        return name_dictionary().kind(word) is not None
    return bool(_LOGIN_FILLER.match(word)) and any(c.isdigit() or c in "._" for c in word) \
        and any(c.isalpha() for c in word) and len(word) >= 4


def _slots(value: str) -> list[tuple[tuple[str, ...], str]]:
    """(template, filler) for each word of a short value that could name a person: the
    value with that word replaced by a slot (``Bought it for *``, ``* 's iPhone``)."""
    words = value.split()
    if not 2 <= len(words) <= TEMPLATE_LONG_WORDS:
        return []
    # (seventeenth pass) a longer sentence counts only for a full name after ``with``,
    # ``for``, ``to``: ``Call with Dani Gutierrez about the offer``, a time sheet's line
    long = len(words) > TEMPLATE_MAX_WORDS
    out = []
    for i, w in enumerate(words):
        if long and not (0 < i < len(words) - 1 and
                         words[i - 1].lower().strip(",:") in ADDRESS_WORDS and
                         _full_name(_PUNCT_TAIL.match(w).group(1),  # type: ignore[union-attr]
                                    words[i + 1])) and \
                not (i == 0 and words[1].lower() in SUBJECT_VERBS):
            # (nineteenth pass) or a first name opening the sentence as its subject:
            # ``Leonid showed solid technical knowledge, weak on English``, an
            # interview's summary of the candidate
            continue
        core, tail = _PUNCT_TAIL.match(w).groups()  # type: ignore[union-attr]
        suffix = ""
        for pos in ("'s", "’s", "'", "’"):
            if core.endswith(pos) and len(core) > len(pos) + 1:
                core, suffix = core[:-len(pos)], "'s"
                break
        before = words[i - 1].lower().strip(",:") if i else ""
        after = words[i + 1].lower().strip("!?.,:;") if i + 1 < len(words) else ""
        if before in KIN_WORDS and not suffix and core.endswith("s") and \
                not _name_filler(core) and _name_filler(core[:-1]):
            core, suffix = core[:-1], "'s"  # ``Oma Ingrids``: German's genitive
        # (a login with a login's marks names its user wherever it stands)
        addressed = bool(suffix) or before in ADDRESS_WORDS or after in HOUSEHOLD_WORDS or \
            before in KIN_WORDS or \
            core.islower()
        # (nineteenth pass) a name closing the line after a comma is the one spoken
        # to: ``Good job, Anna!``, a teacher's comment to the student
        addressed = addressed or (i == 0 and after in SUBJECT_VERBS) or \
            (i == len(words) - 1 and i >= 2 and words[i - 1].endswith(",")) or \
            before in HOUSEHOLD_WORDS or _couple(words, i) or \
            (before == "of" and i >= 2 and
             words[i - 2].lower().strip(",:").removeprefix("half-") in RELATION_WORDS)
        full = not suffix and not tail and i + 1 < len(words) and \
            _full_name(core, words[i + 1])
        if core and addressed and _name_filler(core) and not (full and before in ADDRESS_WORDS):
            out.append((tuple(words[:i]) + ("*" + suffix + tail,) + tuple(words[i + 1:]),
                        core))
        elif full:
            # (sixteenth pass: also after ``for``/``to``: ``Gift for Shawn Clark`` is the
            # template ``Gift for *``, whose surnames change, not one template a surname)
            # a first and a last name side by side name someone wherever they stand
            # (``Re: Mietvertrag William Price``, ``Patient: Terrance Garcia``)
            last, last_tail = _PUNCT_TAIL.match(words[i + 1]).groups()  # type: ignore[union-attr]
            out.append((tuple(words[:i]) + ("*" + last_tail,) + tuple(words[i + 2:]),
                        f"{core} {last}"))
    return out


def _full_name(first: str, word: str) -> bool:
    """``William Price``: a dictionary first name, then a capitalised word of a name's
    shape (a dictionary surname, or one the dictionary lacks: ``Haering``)."""
    last = _PUNCT_TAIL.match(word).group(1)  # type: ignore[union-attr]
    for pos in ("'s", "’s"):
        if last.endswith(pos) and len(last) > len(pos) + 1:
            last = last[:-len(pos)]  # ``Lisa Wagner's Lasagne``: a full name, possessive
            break
    return bool(_NAME_FILLER.match(first) and _NAME_FILLER.match(last)) and \
        first[0].isupper() and last[0].isupper() and not first.isupper() and \
        not last.isupper() and name_dictionary().kind(first) in ("first", "both") and \
        name_dictionary().kind(last) != "first"


# ``Surname, Forename``, a catalogue's way (``Ross, Ada, 1950-``: life dates after)
# (nineteenth pass) the comma without its space and a second given name too:
# OpenVPMS keeps its customers as ``Dias,João Miguel`` among pets and products
_INVERTED = re.compile(r"^([^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+)?), ?([^\W\d_][\w'’-]+)"
                       r"(?: [A-Z]\.?| [^\W\d_][\w'’-]+)?(?:, \d{3,4}-(?:\d{3,4})?)?\.?$")
INVERTED_SHARE = 0.5  # values in the form, with a dictionary first name after the comma


def _inverted_names(t: TableInfo, verdicts: dict[str, Verdict],
                    rows: list[dict[str, Any]]) -> None:
    """A column of names written surname first (``Ross, Ada``; ``Ross, Ada, 1950-``:
    Koha's ``biblio.author``, a library catalogue's authors): half its values or more a
    capitalised word, a comma and a dictionary first name, three distinct at least.
    Places with their region (``Springfield, Ohio``) have no first name after the comma."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = set(_texts(rows, cname))
        if len(vals) < 3:
            continue
        hits = 0
        for x in vals:
            m = _INVERTED.match(x)
            if m and m.group(2)[0].isupper() and m.group(1)[0].isupper() and \
                    name_dictionary().kind(m.group(2)) in ("first", "both") and \
                    name_dictionary().kind(m.group(1).split()[-1]) != "first":
                hits += 1
        if hits >= 3 and hits >= INVERTED_SHARE * len(vals):
            v.entity, v.confidence, v.note = N.PERSON, 0.6, None
            v.signals.append(f"names written surname first in {hits} of {len(vals)} "
                             "distinct sampled values")


def _slot(tpl: tuple[str, ...]) -> int:
    """Where a template's filler stands (the word ``*…``), or -1."""
    return next((k for k, w in enumerate(tpl) if w.startswith("*")), -1)


def _possessed(tpl: tuple[str, ...], filler: str) -> bool:
    """A slot that is a relative's name (``Oma *'s``) or a full name in the possessive
    (``Lisa Wagner's``)."""
    if " " in filler:
        return filler.endswith(("'s", "’s"))
    i = _slot(tpl)
    # (sixteenth pass: a household, ``Familie *``, and a couple, ``Anna & *``: Mealie's
    # households are named so)
    return i > 0 and (tpl[i - 1].lower().strip(",:") in KIN_WORDS | HOUSEHOLD_WORDS or
                      _couple(list(tpl), i))


def _addressed_slot(tpl: tuple[str, ...]) -> bool:
    """The slot of a template follows ``for``/``to``/``with`` or is a couple's second name
    (``Gift for *``, ``Anna & *``): a company word elsewhere in the value (``Gift``,
    ``&``) does not make it a company's name, companies are not named ``Gifts for *``."""
    i = _slot(tpl)
    return i > 0 and (tpl[i - 1].lower() in ADDRESS_WORDS or _couple(list(tpl), i))


# a relation to someone named after ``of`` (``Half-sibling of Bettina``, ``Carer of Tom``)
RELATION_WORDS = frozenset({"sibling", "brother", "sister", "son", "daughter", "mother",
                            "father", "parent", "child", "cousin", "wife", "husband",
                            "partner", "guardian", "carer", "caregiver", "friend", "twin",
                            "stepson", "stepdaughter", "stepbrother", "stepsister",
                            "grandson", "granddaughter", "niece", "nephew"})


# what joins two people's names into a couple's (``Anna & Ben``, ``Lisa und Tom``)
COUPLE_WORDS = frozenset({"&", "and", "und", "et", "y", "e", "+"})


def _couple(words: list[str], i: int) -> bool:
    """Word ``i`` is the second of two first names joined by ``&``/``and`` (the first a
    dictionary first name, capitalised): a couple, not a company (``Johnson &``, ``Marks
    &`` are surnames before the word)."""
    if i < 2 or words[i - 1].lower() not in COUPLE_WORDS:
        return False
    first = words[i - 2]
    return bool(_NAME_FILLER.match(first)) and first[0].isupper() and \
        not first.isupper() and name_dictionary().kind(first) == "first"


def _texts_naming_someone(t: TableInfo, verdicts: dict[str, Verdict],
                          rows: list[dict[str, Any]]) -> None:
    """Short texts written from one template with a person's name in its slot: a
    device named for its owner (``Anna's iPhone``), a title written for someone
    (``Bought it for Camillo``, ``Birthday ideas for Szymon``), a household (``Lafleur
    family``), a client or channel named for its user (``Client for gina.guerrero``,
    ``Main miladal7 channel``). A template counts when its slot holds two or more
    distinct names (dictionary names, or logins with a login's marks) that change from
    row to row; when such rows are 5% of the column or more (the labels' rule for free
    text naming someone), the column is masked as text about people. Colours, sizes and
    models in a product's name (``Green shirt`` in every tenth row) repeat; names
    do not."""
    from .verdict import _org_word

    for cname, v in _unjudged_text(t, verdicts):
        nm = N.match(cname)
        if (nm is not None and nm.entity not in NAME_ENTITIES) or \
                set(N.tokens(cname)) & COMPANY_COLUMN_WORDS:
            continue  # a city, a company: judged by their own rules (``Port Jennifer``)
        vals = _texts(rows, cname)
        if len(vals) < 2 or v.hits.get(FILLER, 0):
            continue
        by_template: dict[tuple[str, ...], list[str]] = {}
        for x in vals:
            org = _org_word(x)
            for tpl, filler in _slots(x):
                if org and not _addressed_slot(tpl):
                    continue  # (``Lafleur GmbH``: companies named for their founders)
                by_template.setdefault(tpl, []).append(filler)
        named: set[int] = set()
        shown: list[str] = []
        for tpl, fillers in by_template.items():
            # (a full name's surname changes too: ``Jennifer Massachusetts`` and
            # ``Michael Massachusetts`` are towns of one state)
            distinct = {f.rsplit(" ", 1)[-1] for f in fillers}
            if len(distinct) >= 2 and len(distinct) >= TEMPLATE_FILLER_SHARE * len(fillers) \
                    and any(w != "*" and not w.startswith("*") and any(c.isalpha() for c in w)
                            for w in tpl):
                named.add(id(tpl))
                shown.append(" ".join(tpl))
        # a relative's title or a full name in the possessive names someone whatever the
        # words around it (``Oma Ingrids <dish>``, ``Lisa Wagner's <dish>``: one
        # template a dish), when the names change from row to row
        strong = {x: f for x in vals for tpl, f in _slots(x)
                  if _possessed(tpl, f) and (not _org_word(x) or _addressed_slot(tpl))}
        if len(set(strong.values())) >= max(2, TEMPLATE_FILLER_SHARE * len(strong)) and \
                len(strong) >= max(2, TEMPLATE_NAMED_SHARE * len(vals)):
            shown.append("a relative's, a household's or a couple's name, or a full "
                         "name's possessive")
        if not shown:
            continue
        named_tpls = {tpl for tpl in by_template if id(tpl) in named}
        hits = sum(x in strong or any(tpl in named_tpls for tpl, _f in _slots(x))
                   for x in vals)
        if hits < max(2, TEMPLATE_NAMED_SHARE * len(vals)):
            continue
        v.entity, v.confidence, v.partial, v.note = FREE_TEXT, 0.5, True, None
        v.signals.append(f"names someone in {hits} of {len(vals)} sampled values "
                         f"({'; '.join(sorted(shown)[:2])})")


# one-time codes of a second factor, mailed or kept for recovery: whoever has one signs in
ONE_TIME_CODE_TOKENS = (["auth", "code"], ["authcode"], ["otp"], ["otp", "code"],
                        ["mfa", "code"], ["two", "factor", "code"], ["twofactor", "code"],
                        ["login", "code"], ["backup", "codes"], ["recovery", "codes"],
                        ["backup", "code"], ["recovery", "code"], ["email", "auth", "code"])


# words that only say which second factor a column is of: ``2fa_backup_codes`` (``2fa``
# splits into ``fa``: digits are dropped), ``tfa_``, ``mfa_``, ``totp_``, ``twoFactor…``,
# and the owner's or the table's prefix (``user_``, ``u_``)
SECOND_FACTOR_QUALIFIERS = frozenset({"fa", "tfa", "mfa", "twofa", "two", "factor",
                                      "twofactor", "totp", "hotp", "second", "authenticator",
                                      "google", "user", "usr", "u", "account", "member"})


def _second_factor_core(cname: str, table: str) -> list[str]:
    """The tokens of a column's name without the qualifiers before them that name the
    factor, the owner or the table (``2fa_backup_codes``, ``twoFactorRecoveryCodes``,
    ``users_mfa_code``: ``backup codes``, ``recovery codes``, ``mfa code``); the name's
    tokens as they are when that leaves nothing named in ONE_TIME_CODE_TOKENS."""
    toks = N.tokens(cname)
    if toks in ONE_TIME_CODE_TOKENS:
        return toks
    own = {w for x in N.tokens(table) for w in (x, N._singular(x))}
    for i in range(1, len(toks)):
        if toks[i - 1] not in SECOND_FACTOR_QUALIFIERS | own:
            break
        if toks[i:] in ONE_TIME_CODE_TOKENS and len(toks) - i >= 2:
            return toks[i:]
    return toks


MAILED_CODE_WORDS = frozenset({"verification", "confirmation", "activation", "otp",
                               "passcode"})


# (twentieth pass) a session's nonce kept on a person's row: whoever knows it holds the
# sessions it signs (Sentry's ``auth_user.session_nonce``); an OAuth grant's ``nonce``
# alone is the request's, not a person's
SESSION_SECRET_TOKENS = (["session", "nonce"], ["session", "secret"])


def _reset_table(table: str) -> bool:
    """A table of password resets, its words apart (``password_resets``) or run
    together (``passwordreset``)."""
    toks = N.tokens(table)
    return ("password" in toks and bool(set(toks) & RESET_WORDS)) or any(
        x.startswith("password") and x[len("password"):] in RESET_WORDS for x in toks)


def _mailed_codes(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """In a table of the codes mailed to verify an address, to sign in or to reset a
    password, whose rows are a person's, a ``code`` alone is such a code, an integer as
    often (Plausible's ``email_verification_codes``: a pool of four-digit codes, a quarter
    issued to a user; BookWyrm's ``passwordreset.code``); on a person's row, a code named
    for what it verifies (``confirmation_code``, ``activation_code``) or a session's
    nonce is one too (twentieth pass). A table of discount or country codes is no table
    of verifications, and a ``promo_code`` verifies nothing."""
    codes = bool({N._singular(x) for x in N.tokens(t.name)} & MAILED_CODE_WORDS) or \
        _reset_table(t.name)
    for cname, v in verdicts.items():
        col, toks = t.columns.get(cname), N.tokens(cname)
        if col is None or v.entity is not None or col.kind not in ("text", "integer") or \
                col.primary_key or v.sampled < 1:
            continue
        if codes and toks == ["code"]:
            v.signals.append("a code mailed to verify or sign in, in a table of them")
        elif len(toks) == 2 and toks[0] in MAILED_CODE_WORDS and toks[1] == "code":
            v.signals.append(f"a code mailed for {toks[0]}, on a person's row")
        elif toks in SESSION_SECRET_TOKENS:
            v.signals.append("a session's nonce, on a person's row")
        else:
            continue
        v.entity, v.confidence, v.note = N.CREDENTIAL, 0.6, None


def _one_time_codes(t: TableInfo, verdicts: dict[str, Verdict],
                    rows: list[dict[str, Any]] | None) -> None:
    """A second factor's one-time codes under their names (``authCode``, the six digits
    mailed at log-in; ``backupCodes``, a JSON list of recovery codes), in a table about
    people or whose rows are a person's: masked whatever their type (an integer, a JSON
    list: each code masked in place, so the document stays valid JSON), as few as one
    value sampled. A ``zip_code``, a ``promo_code`` or a ``code`` alone are no second
    factor."""
    for cname, v in verdicts.items():
        col, toks = t.columns.get(cname), _second_factor_core(cname, t.name)
        if col is None or v.entity not in (None, JSON) or v.sampled < 1 or \
                toks not in ONE_TIME_CODE_TOKENS:
            continue
        if col.kind not in ("text", "integer", "json"):
            continue
        v.signals.append("a second factor's one-time codes, by name")
        v.confidence, v.partial, v.note = 0.6, False, None
        if "json" in v.signals or col.kind == "json":
            leaves: dict[str, list[Any]] = {}
            for r in rows or []:
                doc = parse_json(r.get(cname))
                if doc is not None:
                    walk_json(doc, leaves, limit=VALUES_PER_KEY)
            if leaves:
                v.entity = JSON
                v.paths = {p: N.CREDENTIAL for p in leaves}
                continue
        v.entity = N.CREDENTIAL


_CRED_QUERY = re.compile(
    r"[?&;](?:token|access_token|auth|auth_token|key|api_key|apikey|secret|password|pass|"
    # (nineteenth pass) ``hash=``: the signature of a payment provider's link to cancel
    # or update a subscription (Paddle's ``…/cancel?user=…&subscription=…&hash=…``)
    r"private_token|feed_token|sig|signature|hash)=([A-Za-z0-9_\-.~%+/]{16,})", re.I)
# ``scheme://user:secret@host``, and a bot token as the authority (``tgram://123:AAe…/``)
_CRED_AUTHORITY = re.compile(r"^[a-z][a-z0-9+.-]*://[^/@\s]*:([A-Za-z0-9_\-.~%]{16,})(?:@|/|$)",
                             re.I)
URL_SECRET_SHARE = 0.05


def _url_secret(value: str) -> bool:
    for m in (_CRED_QUERY.search(value), _CRED_AUTHORITY.match(value)):
        if m is not None:
            secret = m.group(1)
            if any(c.isdigit() for c in secret) and any(c.isalpha() for c in secret):
                return True
    return False


def _urls_with_secrets(t: TableInfo, verdicts: dict[str, Verdict],
                       rows: list[dict[str, Any]]) -> None:
    """URLs that carry a credential: a private feed's ``?token=…``, a ``user:secret@``
    authority, a notification service's URL whose authority is a bot token
    (``tgram://<bot id>:<token>/<chat id>``). Whoever has the URL reads the feed or
    posts as the person: in a table whose rows are a person's, two such values, 5% of
    the column or more, mask it. A public feed's ``?v=2`` and an uuid in a path
    stay."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = {x for x in _texts(rows, cname) if "://" in x}
        if len(vals) < 2:
            continue
        hits = sum(_url_secret(x) for x in vals)
        if hits >= max(2, URL_SECRET_SHARE * len(vals)):
            v.entity, v.confidence, v.partial, v.note = N.CREDENTIAL, 0.6, True, None
            v.signals.append(f"URLs carrying a credential in {hits} of {len(vals)}")


# a Matrix user id (``@anna:matrix.org``) and a fediverse address (``@anna@mastodon.social``)
_FEDERATED_HANDLE = re.compile(r"^@[a-z0-9._=/+-]{1,64}[:@][a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)
FEDERATED_SHARE = 0.9


def _federated_handles(t: TableInfo, verdicts: dict[str, Verdict],
                       rows: list[dict[str, Any]]) -> None:
    """A column whose values are all Matrix user ids (``@anna:matrix.org``) or fediverse
    addresses (``@anna@social.example``): a person's handle on a federated network,
    however few are set. A room alias (``#dev:matrix.org``) or a room id
    (``!abc:matrix.org``) is no person's."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = set(_texts(rows, cname))
        if len(vals) < 2:
            continue
        hits = sum(bool(_FEDERATED_HANDLE.match(x)) for x in vals)
        if hits >= FEDERATED_SHARE * len(vals):
            v.entity, v.confidence, v.note = N.USERNAME, 0.6, None
            v.signals.append(f"federated handles (@user:server) in {hits} of {len(vals)}")


LOGIN_TAILS = frozenset({"user", "username", "login", "userid", "usr"})


def _unsampled_logins(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """A text column named for a user (``pushover_user``, ``checked_out_by_user``,
    ``matrix_username``) with no value in the sample, in a table about people or whose
    rows are a person's: a login or a name once set (the credential rule's twin; masking
    an empty column costs nothing). ``user_id`` and integer references are keys."""
    for cname, col in t.columns.items():
        v, toks = verdicts.get(cname), N.tokens(cname)
        if v is None or v.entity is not None or col.kind != "text" or col.primary_key or \
                v.sampled != 0 or len(toks) < 2 or toks[-1] not in LOGIN_TAILS:
            continue
        v.entity, v.confidence, v.note = N.USERNAME, 0.4, None
        v.signals.append("a user's login or name by name, none sampled, in a table of a "
                         "person's rows")


KV_TOKEN_SHARE = 0.2  # of a key-value table's keys that are random tokens
_NUMBERED_KEY = re.compile(r"[_.:-]\d+$")


def _token_key(value: str) -> bool:
    """A random token, not a setting's name with a number (``lastTrackerCronRun_15``)."""
    from .verdict import random_secret

    return random_secret(value) and random_secret(_NUMBERED_KEY.sub("", value))


def _token_keys(t: TableInfo, verdicts: dict[str, Verdict],
                rows: list[dict[str, Any]]) -> None:
    """The key column of a key-value table (``key``/``value``, ``name``/``value``) whose
    keys are random secrets in a fifth of rows or more: tokens stored as settings (a
    password-reset token as the key, the user's id as the value). A settings table's
    keys are words (``admin_email``, ``allow_pw_reset``), or words with a number
    (``MatomoUpdateHistory_11``), and stay."""
    cols = {c: N.tokens(c) for c in t.columns}
    if not any(tk and tk[-1] in VALUE_WORDS for tk in cols.values()):
        return
    for cname, tk in cols.items():
        v = verdicts.get(cname)
        if not tk or tk[-1] not in KEY_WORDS or v is None or v.entity is not None or \
                t.columns[cname].kind != "text":
            continue
        keys = set(_texts(rows, cname))
        secrets = sum(_token_key(x) for x in keys)
        if secrets >= MIN_SECRETS and secrets >= KV_TOKEN_SHARE * len(keys):
            v.entity, v.confidence, v.partial, v.note = N.CREDENTIAL, 0.5, True, None
            v.signals.append(f"random tokens as {secrets} of {len(keys)} keys of a "
                             "key-value table")


CONTACT_LIST_ENTITIES = frozenset({N.PROFILE_URL, N.USERNAME, N.PHONE, N.EMAIL})


def _contact_lists(t: TableInfo, verdicts: dict[str, Verdict],
                   rows: list[dict[str, Any]]) -> None:
    """A JSON list under a person's contact name (``websites``, ``phones``,
    ``social_profiles`` as FreeScout keeps them) in a table about people: each item is
    what the scalar column of that name would hold, judged the same way (a person's
    web site is theirs in a table about people, as ``website`` is). Its strings are
    masked path by path; elsewhere (a company's ``websites``) the list stays."""
    for cname, v in verdicts.items():
        col = t.columns.get(cname)
        if col is None or v.entity is not None or "json" not in v.signals or \
                (nm := N.match(cname)) is None or nm.entity not in CONTACT_LIST_ENTITIES:
            continue
        leaves: dict[str, list[Any]] = {}
        for r in rows:
            doc = parse_json(r.get(cname))
            if doc is not None:
                walk_json(doc, leaves, limit=VALUES_PER_KEY)
        paths = [p for p, vals in leaves.items() if any(isinstance(x, str) and x
                                                         for x in vals)]
        if not paths:
            continue
        v.entity, v.confidence, v.note = JSON, 0.5, None
        v.paths = {p: nm.entity for p in paths}
        v.signals.append(f"a list of {nm.entity} by name in a table about people")


DEVICE_TABLE_WORDS = frozenset({"device", "devices", "browser", "browsers"})


def _device_fingerprints(t: TableInfo, verdicts: dict[str, Verdict]) -> None:
    """A ``fingerprint`` (or ``device_hash``) of random digests in a table of a person's
    devices (PeerTube's ``userLoginDevice``: a keyed hash of the IP and user agent a
    user logs in from) recognises that person's device wherever it appears: a
    pseudonymous id. A public key's fingerprint (a table of keys) is no device's."""
    if not set(N.tokens(t.name)) & DEVICE_TABLE_WORDS:
        return
    for cname, v in verdicts.items():
        toks = N.tokens(cname)
        col = t.columns.get(cname)
        if col is None or v.entity is not None or col.kind != "text" or v.sampled < 2 or \
                not ("fingerprint" in toks or toks[-2:] == ["device", "hash"]):
            continue
        if v.hits.get(SECRET_LIKE, 0) + v.hits.get(SHORT_HEX, 0) >= 0.8 * v.sampled:
            v.entity, v.confidence, v.note = N.PERSON_ID, 0.5, None
            v.signals.append("a device's fingerprint in a table of a person's devices")


def _device_ids(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """A ``DeviceId`` of random text (a uuid, hex, base64 the client app generates) in a
    table of devices or of a person's rows (Jellyfin's ``Devices.DeviceId``,
    ``DeviceOptions.DeviceId``): the id of one person's phone or browser, the same
    wherever it appears, a pseudonymous id. A reference to a table of devices (an
    integer, or a declared key: Mautic's ``page_hits.device_id``) and the table's own
    key stay."""
    keys = _key_columns(t, inv)
    for cname, v in verdicts.items():
        col = t.columns.get(cname)
        toks = N.tokens(cname)
        if col is None or v.entity is not None or col.kind != "text" or cname in keys or \
                v.sampled < 2 or toks[-2:] not in (["device", "id"], ["device", "uuid"]) and \
                toks != ["deviceid"]:
            continue
        random_ = sum(v.hits.get(k, 0) for k in (TOKEN_LIKE, SHORT_HEX, UUID_LIKE, SECRET_LIKE))
        if random_ >= 0.8 * v.sampled:
            v.entity, v.confidence, v.note = N.PERSON_ID, 0.5, None
            v.signals.append("a device's id in a table of devices or of a person's rows")


# -- sixteenth pass: rows of a person's type in a table of things ---------------------


TYPE_WORDS = frozenset({"type", "discriminator", "kind", "class", "classname"})
_TYPE_SEGMENTS = re.compile(r"[.:/\\\s_-]+")
MIN_TYPED_PEOPLE = 2  # sampled rows of a person's type before their names are looked for
TYPED_NAME_SHARE = 0.5  # ... of which this share reads as a full name
MAX_TYPES = 50  # distinct values of a discriminator


def _person_type(value: Any) -> bool:
    """A discriminator's value naming a person's class (``MediaBrowser.Controller.
    Entities.Person``, ``App\\Models\\User``, ``person``): its last segment."""
    if not isinstance(value, str) or not value.strip():
        return False
    last = _TYPE_SEGMENTS.split(value.strip())[-1]
    return any(w in PERSON_WORDS or w == "person" for w in _forms(last.lower()))


def _squashed(x: str) -> str:
    return "".join(c for c in x.lower() if c.isalnum())


def _typed_person_rows(t: TableInfo, verdicts: dict[str, Verdict],
                       rows: list[dict[str, Any]]) -> None:
    """One table for several kinds of item (single-table inheritance: a ``Type`` column
    of class names), some of them people (Jellyfin's ``BaseItems``: films, episodes and
    ``...Entities.Person`` items, the cast). The rows of a person's type that hold a full
    name in a text column (half of them at least) make that column a person's name, a
    minority of the whole column; columns holding a copy of that name in the same rows
    (lower-cased, without spaces, inside a path) are masked with it. A table whose
    types are all things, or whose person rows hold no names, stays."""
    for tc, tcol in t.columns.items():
        toks = N.tokens(tc)
        if tcol.kind != "text" or not toks or toks[-1] not in TYPE_WORDS:
            continue
        types = {r.get(tc) for r in rows}
        if len(types) > MAX_TYPES:
            continue
        people = [r for r in rows if _person_type(r.get(tc))]
        if len(people) < MIN_TYPED_PEOPLE or len(people) == len(rows):
            continue
        open_ = [c for c, v in verdicts.items() if c != tc and v.entity is None and
                 c in t.columns and t.columns[c].kind == "text"]
        names = []
        for c in open_:
            full = sum(1 for r in people if isinstance(x := r.get(c), str) and
                       2 <= len(w := x.split()) <= 4 and _full_name(w[0], w[1]))
            if full >= max(MIN_TYPED_PEOPLE, TYPED_NAME_SHARE * len(people)):
                names.append((c, full))
        if not names:
            continue
        first = names[0][0]
        named = {c for c, _ in names}
        for c, full in names:
            v = verdicts[c]
            v.entity, v.confidence, v.partial, v.note = N.PERSON, 0.6, True, None
            v.signals.append(f"full names in {full} of {len(people)} sampled rows of a "
                             f"person's type ({tc})")
        for c in open_:
            if c in named:
                continue
            held = sum(1 for r in people if isinstance(x := r.get(c), str) and
                       isinstance(n := r.get(first), str) and len(_squashed(n)) >= 4 and
                       _squashed(n) in _squashed(x))
            if held >= max(MIN_TYPED_PEOPLE, TYPED_NAME_SHARE * len(people)):
                v = verdicts[c]
                v.entity, v.confidence, v.partial, v.note = N.PERSON, 0.5, True, None
                v.signals.append(f"holds the name ({first}) in {held} of {len(people)} "
                                 f"sampled rows of a person's type ({tc})")


PEOPLE_DIRS = frozenset({"users", "user", "home", "homes", "people", "persons",
                         "members", "profiles", "employees", "customers", "students"})
# file and folder words that name no one (``users/<id>/profile.jpg``)
GENERIC_FILE_WORDS = frozenset("""
profile avatar avatars photo photos picture image images img thumb thumbs thumbnail default
index cover poster backdrop logo banner icon primary original small medium large files
data documents uploads upload tmp cache metadata config public private shared
""".split())
_RANDOM_SEGMENT = re.compile(r"^(?:[0-9a-f-]{8,}|\d+|[0-9A-Za-z_-]{20,})$")
PEOPLE_PATH_SHARE = 0.5
_FILE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,5}$")


def _path_names_someone(value: str) -> bool:
    """A file path whose folder is one person's: the segment after a folder named for
    people (``/home/anna/``, ``/config/data/users/juliana.vieira/profile.jpg``) is a
    login or a name; when it is a random id, the file under it is named for the person
    (``users/8ddd…/Helge.png``: a dictionary name)."""
    if "://" in value or not _FILE_EXTENSION.search(value.strip()):
        return False  # (a URL, an API route ``/api/v4/users/logout``: no file)
    segs = [x for x in re.split(r"[/\\]+", value.strip()) if x]
    for i, seg in enumerate(segs[:-1]):
        if seg.lower() not in PEOPLE_DIRS:
            continue
        nxt = segs[i + 1]
        if _RANDOM_SEGMENT.match(nxt):
            if i + 3 == len(segs):
                stem = segs[i + 2].rsplit(".", 1)[0]
                return stem.lower() not in GENERIC_FILE_WORDS and \
                    name_dictionary().kind(stem) is not None
            return False
        stem = nxt.rsplit(".", 1)[0] if i + 2 == len(segs) else nxt
        return len(stem) >= 3 and any(c.isalpha() for c in stem) and \
            stem.lower() not in GENERIC_FILE_WORDS
    return False


def _people_paths(t: TableInfo, verdicts: dict[str, Verdict],
                  rows: list[dict[str, Any]]) -> None:
    """Paths into a person's own folder (a profile picture stored under the user's login
    or named for them, a home directory) in a table whose rows are people's: half the
    paths, two at least, name someone. Paths into folders of ids with generic file
    names (``users/42/avatar.png``) stay."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = {x for x in _texts(rows, cname) if "/" in x or "\\" in x}
        if len(vals) < 2:
            continue
        hits = sum(_path_names_someone(x) for x in vals)
        if hits >= max(2, PEOPLE_PATH_SHARE * len(vals)):
            v.entity, v.confidence, v.note = N.USERNAME, 0.5, None
            v.signals.append(f"paths into a person's folder in {hits} of {len(vals)}")


_IP_IN_TEXT = re.compile(r"(?<![\w.])((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
                         r"(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?![\w.]|\.\d)")
_VERSION_BEFORE = re.compile(r"(?:version|ver\.?|v|release|build)\s*$", re.I)
IP_IN_TEXT_SHARE = 0.1
MIN_IPS_IN_TEXT = 2


def _ip_in_text(value: str) -> str | None:
    """An IPv4 address inside a short text (``IP address: 83.169.162.110``, ``login
    from 10.2.3.4``); a version number (``version 20.0.0.0``, ``v1.2.3.4``) or a
    network (``10.0.0.0``) is not one."""
    for m in _IP_IN_TEXT.finditer(value):
        ip = m.group(1)
        octets = ip.split(".")
        if octets[0] == "0" or octets[1:] == ["0", "0", "0"] or octets[-1] == "0" or \
                _VERSION_BEFORE.search(value[:m.start()]):
            continue
        return ip
    return None


def _ips_in_text(t: TableInfo, verdicts: dict[str, Verdict],
                 rows: list[dict[str, Any]]) -> None:
    """A log line or a message holding a client's IP address among other words (an
    activity log's ``IP address: <ip>``): the whole value is not an address, so the
    value rules miss it. In 10% of the distinct values, two different addresses at
    least, the column is masked as a minority of IP addresses."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = {x.strip() for r in rows if isinstance(x := r.get(cname), str) and
                len(x) <= 2000 and x.strip()}
        if len(vals) < MIN_IPS_IN_TEXT:
            continue
        # an address inside other words (a value that is only an address is the value
        # rules' to judge)
        inside = [ip for x in vals if (ip := _ip_in_text(x)) not in (None, x)]
        ips, hits = set(inside), len(inside)
        if len(ips) >= MIN_IPS_IN_TEXT and hits >= IP_IN_TEXT_SHARE * len(vals):
            v.entity, v.confidence, v.partial, v.note = N.IP, 0.6, True, None
            v.signals.append(f"IP addresses inside the text in {hits} of {len(vals)}")


# ``scheme://anna.berg:<password>@host``: a person's log-in and password in a URL
_LOGIN_URL = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:@\s]+):([^/@\s]{6,})@[^/\s]", re.I)


def _personal_login_url(value: str) -> bool:
    """A URL whose authority is a person's log-in with its password (a notifier's
    ``mailtos://tonya.thompson:<password>@gmail.com``): the user part is an e-mail or
    a login with a login's marks (a dot, an underscore, digits); a service account
    (``postgres://app:secret@db``) or a bare token is not."""
    m = _LOGIN_URL.match(value.strip())
    if m is None:
        return False
    user = urllib.parse.unquote(m.group(1))
    return "@" in user or bool(_LOGIN_FILLER.match(user.lower())) and \
        any(c.isdigit() or c in "._" for c in user) and len(user) >= 4


def _login_urls(t: TableInfo, verdicts: dict[str, Verdict],
                rows: list[dict[str, Any]]) -> None:
    """A person's mail log-in and password in a URL (a notification target, a mail
    fetcher's account), whoever the row belongs to (a household's, a group's
    notifier): one such value is enough, as one e-mail address is."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = {x for x in _texts(rows, cname) if "://" in x}
        hits = sum(_personal_login_url(x) for x in vals)
        if hits:
            v.entity, v.confidence, v.partial, v.note = N.CREDENTIAL, 0.6, True, None
            v.signals.append(f"a person's log-in and password in {hits} of {len(vals)} "
                             "URLs")


# what a cheque or card reader returns (seventeenth pass): a cheque's MICR line (the bank's
# routing number and the payer's account number between transit and on-us symbols, as
# ``t``/``o`` or ``<``, ``:``, ``⑆``, ``⑈``) and a card's magnetic stripe (track 1
# ``%B<card number>^<NAME>^<expiry>``, track 2 ``;<card number>=<expiry>``)
_MICR_LINE = re.compile(r"[t<:⑆]\d{9}[t<:⑆]\s*\d{4,17}\s*[o<:⑈]?\s*\d*")
_CARD_TRACK = re.compile(r"%B\d{13,19}\^[^^]{2,26}\^\d{4}|;\d{13,19}=\d{4}")


def _scanned_payments(t: TableInfo, verdicts: dict[str, Verdict],
                      rows: list[dict[str, Any]]) -> None:
    """A cheque's MICR line or a card's magnetic-stripe track, as a scanner reads them
    (ChurchCRM's ``fam_scanCheck``, ``fam_scanCredit``, ``plg_scanString``): the payer's
    bank account or card number (and the holder's name), whoever the row is. Two such
    values, or all of a column's, are enough, as two IBANs are; a routing number alone
    (nine digits with no account) is not such a line."""
    for cname, v in _unjudged_text(t, verdicts):
        vals = set(_texts(rows, cname))
        if not vals:
            continue
        cards = sum(bool(_CARD_TRACK.search(x)) for x in vals)
        cheques = sum(bool(_MICR_LINE.search(x)) for x in vals)
        hits = cards + cheques
        if hits >= 2 or hits == len(vals):
            v.entity = N.CARD if cards >= cheques else N.PERSON_ID
            v.confidence, v.partial, v.note = 0.7, True, None
            v.signals.append(f"a card's magnetic stripe in {cards}, a cheque's MICR line in "
                             f"{cheques} of {len(vals)} values")


def _tracked_device(t: TableInfo) -> str | None:
    """A table of a device's rows over time: a declared reference to a table named for
    devices (``deviceid`` -> ``tc_devices``) beside a date-time column. The reference,
    or None."""
    if not any(c.kind in ("datetime", "date") for c in t.columns.values()):
        return None
    for fk in t.foreign_keys:
        if fk.ref_table != t.name and set(N.tokens(fk.ref_table)) & DEVICE_TABLE_WORDS:
            return ", ".join(fk.columns)
    return None


# a device's own identity (Traccar's ``uniqueid``: an IMEI, the phone app's id)
DEVICE_IDENTITY_TOKENS = (["uniqueid"], ["unique", "id"], ["imei"], ["meid"])


def _device_identities(t: TableInfo, verdicts: dict[str, Verdict], inv: Inventory) -> None:
    """In a table named for devices, the device's unique id (an IMEI, the id a tracking
    app generates on a person's phone), one a row, identifies the phone or tracker a
    person carries, as a device id does (a pseudonymous id). A model or a type shared
    by many rows is no one's."""
    keys = _key_columns(t, inv)
    for cname, v in verdicts.items():
        col = t.columns.get(cname)
        if col is None or v.entity is not None or col.kind != "text" or cname in keys or \
                N.tokens(cname) not in DEVICE_IDENTITY_TOKENS or v.sampled < MIN_ISSUED:
            continue
        if col.unique or v.sampled >= 0.9 * max(1, v.rows):
            v.entity, v.confidence, v.partial, v.note = N.PERSON_ID, 0.5, False, None
            v.signals.append(f"a device's unique id, one a row ({v.sampled} distinct), in "
                             "a table of devices")


_WKT = re.compile(r"^\s*(?:POINT|POLYGON|MULTIPOLYGON|LINESTRING|MULTIPOINT|CIRCLE|"
                  r"RECTANGLE)\s*(?:Z\s*|M\s*)?\(\s*\(?\s*-?\d", re.I)
WKT_SHARE = 0.8


def _shapes_of_named_places(t: TableInfo, verdicts: dict[str, Verdict],
                            rows: list[dict[str, Any]]) -> None:
    """Places named for people (a geofence ``Home Anna``, ``Kunde Weber``: the texts-
    naming-someone rule found them in the table's name column) have shapes (WKT
    ``CIRCLE (lat lon, r)``, ``POLYGON ((…))``) that draw where those people live or
    work: the shapes are masked with the names. Shapes of places that name no one (a
    delivery zone's) stay."""
    named = [c for c, v in verdicts.items() if v.is_pii and (
        v.entity in NAME_ENTITIES or any(s.startswith("names someone") for s in v.signals))]
    if not named:
        return
    for cname, v in _unjudged_text(t, verdicts):
        vals = _texts(rows, cname, strip=False)
        if len(vals) >= 2 and sum(bool(_WKT.match(x)) for x in vals) >= WKT_SHARE * len(vals):
            v.entity, v.confidence, v.note = "LOCATION", 0.5, None
            v.signals.append(f"shapes of places named for people ({named[0]})")


# -- binary and other types ---------------------------------------------------------


def _names_person(column: str) -> bool:
    """A column named for a person (``visitor_id``, ``idvisitor``, ``user_key``)."""
    for tok in N.tokens(column):
        for w in (tok, tok.removeprefix("id"), tok.removesuffix("id")):
            if w in PERSON_WORDS or N._singular(w) in PERSON_WORDS:
                return True
    return False


def _binary(col: ColumnInfo, v: Verdict, subject: Subject, personal: list[str]) -> None:
    content = v.content or "binary"
    if v.entity is None and v.content == "binary" and subject.kind != "thing" and \
            _names_person(col.name):
        # random bytes under a person's name: a visitor's or user's opaque identifier
        v.entity, v.confidence = "BINARY", 0.6
        v.signals.append("opaque bytes named for a person")
        return
    if v.entity is None and v.content == "binary" and subject.kind != "thing" and \
            personal and not _public_key(col.name) and v.sampled >= MIN_ISSUED and \
            v.sampled >= 0.9 * max(v.sampled, v.rows):
        # random bytes, one value a row, beside a person's data (a visit's IP address):
        # a device fingerprint or an opaque id of that person; fail closed
        v.entity, v.confidence = "BINARY", 0.5
        v.signals.append(f"opaque bytes, one value a row, beside personal data "
                         f"({', '.join(sorted(personal)[:3])})")
        return
    if v.entity is not None and v.entity not in (N.PHOTO, "DOCUMENT"):
        return  # text stored as bytes, judged as text
    if v.content == "text" and v.entity is None:
        # text stored as bytes (MediaWiki's timestamps and titles) was judged as text
        v.note = "text stored as bytes, judged as text: no personal data found"
        return
    image_or_doc = v.content in IMAGE_OR_DOCUMENT
    if subject.about_people:
        v.entity = v.entity or (N.PHOTO if v.content in IMAGES else "BINARY")
        v.signals.append(f"binary in a table {_subject_phrase(subject)}")
        v.confidence = max(v.confidence, 0.7)
    elif subject.kind == "thing":
        v.entity = None
        v.note = (f"{content} in a table about things ({subject.reason}); kept, a "
                  "reviewer may mask it")
    elif v.entity is not None or image_or_doc:
        v.entity = v.entity or (N.PHOTO if v.content in IMAGES else "DOCUMENT")
        v.confidence = max(v.confidence, 0.6)
    else:
        v.note = (f"{content} in a table of unknown subject, no photo or document in the "
                  "sampled values; a reviewer may mask it")


def _public_key(column: str) -> bool:
    """A column named as a public key (``public_key``, ``credentialPublicKey``,
    ``pubkey``): what anyone may hold, no identifier of its own (the labels keep them)."""
    toks = N.tokens(column)
    # (``p256dh``: a Web Push subscription's public key, named by its curve, random to
    # look at; nineteenth pass: Pleroma's ``push_subscriptions.key_p256dh``)
    return toks[-2:] == ["public", "key"] or "p256dh" in column.lower() or (
        bool(toks) and toks[-1] in ("pubkey", "publickey"))


IMAGES = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "HEIC", "OLE image"})
IMAGE_OR_DOCUMENT = IMAGES | {"PDF", "ZIP/Office", "Word/Excel (OLE)"}


def _other(col: ColumnInfo, v: Verdict, subject: Subject) -> None:
    if v.entity is not None:
        return
    geometry = is_non_numeric_other(col.sql_type) and any(
        g in col.sql_type.lower() for g in ("point", "geometry", "geography", "polygon",
                                            "line", "box", "circle", "path"))
    if geometry and subject.about_people:
        v.entity = "LOCATION"
        v.confidence = 0.6
        v.signals.append(f"geometry in a table {_subject_phrase(subject)}")
    elif geometry:
        v.note = f"geometry of a table {_subject_phrase(subject)}"
