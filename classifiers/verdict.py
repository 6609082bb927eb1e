"""Per-column verdict: sample results aggregated into an entity, a confidence and evidence.

Evidence is hit counts per entity, the signals that fired (column name, value
recognizers, name dictionary, date relations) and masked examples (``G****i``), never a
raw value. JSON columns get a finding per key path; free text gets the entities found
inside it.
"""

from __future__ import annotations

import datetime as dt
import html
import ipaddress
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl

from piigate.db import ColumnInfo
from piigate.schema.model import Finding

from . import names as N
from .namewords import name_dictionary, name_shape

FREE_TEXT = "FREE_TEXT"
JSON = "JSON"
NAME_ENTITIES = (N.FIRST_NAME, N.LAST_NAME, N.PERSON)
# Entities a recognizer can confirm from values: a column named for one of them whose
# few values never match is reported, not masked (``email`` holding only ``n/a``).
VERIFIABLE = (N.EMAIL, N.PHONE, N.CARD, N.IBAN, N.IP, N.SSN, N.NATIONAL_ID)
_ID_FAMILY = {N.PHONE, N.SSN, N.NATIONAL_ID, N.PASSPORT, N.CARD, N.IBAN, "US_ITIN"}
WHOLE_VALUE_SCORE = 0.3  # a recognizer hit covering the value counts at this score
IN_TEXT_SCORE = 0.5  # inside free text a hit must be surer
MAX_EXAMPLES = 3
FREE_TEXT_ANALYSED = 300  # distinct values of a free-text column run through the engine
# A minority of personal values still masks the column: any share of this size, or this
# many values of an entity whose recognizer rarely errs (a checksum or an @domain).
SIZEABLE_SHARE = 0.10
PERSON_SHARE = 0.20
PRECISE_ENTITIES = (N.EMAIL, N.IBAN)
PRECISE_MIN_HITS = 2
MIN_DISTINCT_FOR_NAMES = 10  # "English", "Spanish": a few capitalised words are no names
# names inside short values (not the whole value): product names hold capitalised words
# that are also last names ("Glass Vase"), so a third of the values and 20 distinct
NAMED_SHARE = 0.30
MIN_DISTINCT_FOR_NAMED_NOTES = 20
_RARELY_WRONG = (N.EMAIL, N.IP, N.IBAN)
_CHECKSUM_IDS = (N.NATIONAL_ID, N.SSN, "US_ITIN", N.CARD, N.PHONE)
PERSON_LIKE = "PERSON_LIKE"  # hits key: values that read as a person's name (see below)
ORG_LIKE = "ORG_LIKE"  # hits key: values carrying a company word
# Words that make a name an organisation's (compared case-insensitively, without dots).
ORG_WORDS = frozenset("""
inc incorporated ltd limited llc llp plc gmbh ag kg sa sas sarl srl spa bv nv oy ab
co corp corporation company companies group holding holdings industries enterprises
partners associates imports exports import export trading traders distributors
distribution wholesale gifts gift stores store shop shops shopping boutique mart market
cooperative foundation university college school academy hospital clinic bank club
society association agency services service solutions systems technologies technology
international consulting collectables collectibles souvenirs souveniers designs
motors auto media records studios studio productions publishing press hotel restaurant
cafe bar pharmacy labs laboratories logistics transport airlines insurance
""".split())


class Analyzer(Protocol):
    def analyze(self, value: str, *, entities: list[str] | None = None,
                context: list[str] | None = None) -> list[Any]: ...


@dataclass
class Verdict:
    """What discovery concluded about one column (or one JSON path)."""

    entity: str | None = None
    confidence: float = 0.0
    signals: list[str] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    sampled: int = 0
    paths: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    letters: bool = False  # some sampled value holds letters (FPE alphabet choice)
    # characters of the sampled values outside ASCII letters and digits (fpe keep_chars)
    others: str = ""
    partial: bool = False  # a minority of the values is personal: mask the whole column
    rows: int = 0  # non-NULL values sampled (``sampled`` counts the distinct ones)
    # JSON: per flagged path, (letters, others) of its values, to fit the path's rule
    path_chars: dict[str, tuple[bool, str]] = field(default_factory=dict)
    weak_name: bool = False  # PERSON from a bare "name" (or "customer name"): needs context
    content: str | None = None  # binary columns: what the first bytes are (PNG, PDF, text)

    @property
    def is_pii(self) -> bool:
        return self.entity is not None

    def finding(self) -> Finding:
        return Finding(entity=self.entity, confidence=round(min(1.0, max(0.0, self.confidence)), 3),
                       signals=list(self.signals), hits=dict(self.hits),
                       examples=list(self.examples), sampled=self.sampled,
                       paths=dict(self.paths))


def mask(value: Any) -> str:
    """A masked example: each word keeps its first and last character (``G****i``)."""
    words = str(value).split()[:4]
    out = []
    for w in words:
        if len(w) <= 2:
            out.append("*" * len(w))
        else:
            out.append(w[0] + "****" + w[-1])
    return " ".join(out) or "****"


# -- text values --------------------------------------------------------------------


@dataclass
class _TextStats:
    distinct: int = 0
    whole: Counter = field(default_factory=Counter)  # entity -> values it covers
    inside: Counter = field(default_factory=Counter)  # entity -> values it occurs in
    shaped: int = 0
    words: int = 0
    dict_first: int = 0
    dict_last: int = 0
    dict_any: int = 0
    long_text: int = 0
    digits_only: int = 0
    person_like: int = 0  # a first name then more name words, or a lone dictionary name
    org_like: int = 0
    credential: int = 0
    login_like: int = 0  # one word of login characters (``nigel.jenkins``, ``ribeiro1997``)
    login_marked: int = 0  # ... with a dot, underscore, hyphen, backslash or digit in it
    ip_hex: int = 0  # 8 or 32 upper-case hex digits: an IP address in hex (MediaWiki)
    token_like: int = 0  # 16+ characters of hex or base64 without spaces, letters and digits
    id_code: int = 0  # a number of 5+ digits, perhaps behind a short letter prefix (S99924016)
    secret_like: int = 0  # a random secret: hex digest, base64 random, one-time code list
    uuid_like: int = 0  # a uuid, with dashes or as 32 hex digits with its version and variant
    slug_like: int = 0  # one word of letters in any script joined by - _ . (στέλλα-καλαμάρα)
    role_email: int = 0  # e-mail addresses of a role mailbox (support@, noreply@)
    short_hex: int = 0  # 6-31 hex digits in one case, letters and digits (``a66c57``)
    code_like: int = 0  # an issued code: letters, digits, -./, 4+ digits (``28594317A``)
    numeric: int = 0  # digits with separators only (``2022-0009``, ``12.345``)
    flags: int = 0  # 0/1, true/false, yes/no, on/off
    any_inside: int = 0  # values with a name, contact, identifier or mention inside
    text_words: int = 0  # words of the long values (free text)
    function_words: int = 0  # ... of them "the", "und", "le": how much of it is language
    lorem: int = 0  # values of placeholder Latin (lorem ipsum dolor sit amet)
    examples: dict[str, list[str]] = field(default_factory=dict)


def _is_long_text(v: str) -> bool:
    return len(v) >= 25 and len(v.split()) >= 4


# under a phone's name, a number written as one is one even where no numbering plan has
# its area (nineteenth pass: InvoicePlane's ``ip_users.user_fax``, three numbers in +1
# areas not assigned, which the recogniser does not return at all)
_WRITTEN_PHONE = re.compile(r"^\+?[\d\s().-]+(?:\s*(?:x|ext\.?)\s*\d{1,5})?$")


def _text_stats(values: list[str], engine: Analyzer, phone_by_name: bool) -> _TextStats:
    st = _TextStats()
    d = name_dictionary()
    present = [v for v in values if v.strip()]
    if sum(_is_long_text(v.strip()) for v in present) >= 0.5 * len(present) > 0:
        # free text: its share of notes naming people is estimated as well from a few
        # hundred values, and each costs the NLP pipeline
        values = present[:FREE_TEXT_ANALYSED]
    for raw in values:
        v = raw.strip()
        if not v:
            continue
        st.distinct += 1
        if _is_long_text(v):
            st.long_text += 1
        digits_only = v.removeprefix("-").isdigit()
        st.digits_only += digits_only
        seen_whole: set[str] = set()
        seen_inside: set[str] = set()
        title_case = _title_case(v)
        # 10.0.0.0/8: a range of many hosts, nobody's address (nor a phone number)
        for r in ([] if network_range(v) else engine.analyze(v)):
            ent = r.entity_type
            if ent == N.PHONE and digits_only and not phone_by_name:
                continue  # bare digit strings (tracking numbers, ids) pass as phones
            if ent == N.EMAIL and message_id(v[r.start:r.end],
                                             bracketed=v[r.start - 1:r.start] == "<"):
                continue  # <random@mail.host>: a message's id, nobody's mailbox
            if ent == N.PERSON and not _person_in_text(v[r.start:r.end], title_case):
                pass  # capitalised words that do not start with a first name
            elif r.score >= IN_TEXT_SCORE or (ent == N.PERSON and r.score >= 0.6) or (
                    ent == N.PHONE and _formatted_phone(v[r.start:r.end])):
                seen_inside.add(ent)
            if r.score >= WHOLE_VALUE_SCORE and (r.end - r.start) >= 0.8 * len(v):
                seen_whole.add(ent)
        if phone_by_name and _WRITTEN_PHONE.match(v) and _formatted_phone(v):
            seen_whole.add(N.PHONE)
        if N.IP not in seen_whole and _ip_list(v):
            seen_whole.add(N.IP)  # "192.0.2.7,198.51.100.3": addresses to exclude
        if N.EMAIL in seen_whole and _ROLE_MAILBOX.match(v):
            st.role_email += 1
        if _ACCESS_CODE.search(v):
            seen_inside.add(N.CREDENTIAL)  # "Digicode 4521", "gate code 1234#"
        if _MENTION.search(v) and not _PLACEHOLDER.search(v):
            seen_inside.add(MENTION)  # "@anna_k thanks!": names a person in a post
        if possessive_name(v) or introduces_someone(v):
            # "Anna's iPhone": a device named for its owner; "my name is Anna"
            seen_inside.add(N.PERSON)
        if seen_inside:
            st.any_inside += 1
        if _is_long_text(v):
            said = _WORD.findall(v.lower())
            st.text_words += len(said)
            st.function_words += sum(w in FUNCTION_WORDS for w in said)
            st.lorem += sum(w in _LOREM for w in said) >= 3
        if credential_shape(v):
            st.credential += 1
            seen_whole.add(N.CREDENTIAL)
        elif _MAC.match(v):
            seen_whole.add(MAC)
        elif profile_url(v):
            seen_whole.add(PROFILE_URL)
        elif _PAYMENT_CUSTOMER.match(v) or _SAVED_CARD.match(v):
            seen_whole.add(N.PERSON_ID)  # a payment provider's id of its customer, a card
        elif _DOMAIN_SID.match(v):
            seen_whole.add(N.PERSON_ID)  # a domain account's security identifier
        elif _ANALYTICS_CLIENT.match(v):
            seen_whole.add(N.PERSON_ID)  # an analytics cookie's visitor id
        elif _MICROCHIP.match(v):
            seen_whole.add(N.PERSON_ID)  # a pet's microchip, its keeper's by registry
        elif _USER_PAGE.match(v):
            seen_whole.add(N.USERNAME)  # a wiki title naming a user's page
        elif login_list(v):
            seen_whole.add(N.USERNAME)  # a group chat shown as its members' logins
        if _IP_HEX.match(v):
            st.ip_hex += 1
        if _LOGIN.match(v):
            st.login_like += 1
            st.login_marked += bool(_LOGIN_MARK.search(v))
        if _TOKEN.match(v) and any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
            st.token_like += 1
        if _ID_CODE.match(v):
            st.id_code += 1
        if random_secret(v):
            st.secret_like += 1
        if _UUID.match(v) or _UUID_HEX.match(v):
            st.uuid_like += 1
        if _SLUG.match(v):
            st.slug_like += 1
        if short_hex(v):
            st.short_hex += 1
        if code_like(v):
            st.code_like += 1
        if _NUMERIC.match(v):
            st.numeric += 1
        if v.lower() in _FLAGS:
            st.flags += 1
        for ent in seen_whole:
            st.whole[ent] += 1
            st.examples.setdefault(ent, [])
            if len(st.examples[ent]) < MAX_EXAMPLES:
                st.examples[ent].append(mask(v))
        for ent in seen_inside:
            st.inside[ent] += 1
        if seen_inside and len(st.examples.setdefault("TEXT", [])) < MAX_EXAMPLES:
            st.examples["TEXT"].append(mask(v))
        # (nineteenth pass) ``Prof. Natarajan``: a title says a person is named, whether
        # or not the surname is in the dictionary (``ING Bank`` is no engineer)
        titled = bool((h := _HONORIFIC.match(v)) and not h.group(1).isupper())
        words = name_shape(_HONORIFIC.sub("", v))
        if words:
            st.shaped += 1
            st.words += len(words)
            kinds = [d.kind(w) for w in words]
            if any(kinds):
                st.dict_any += 1
                st.examples.setdefault("NAME", [])
                if len(st.examples["NAME"]) < MAX_EXAMPLES:
                    st.examples["NAME"].append(mask(v))
            if len(words) == 1:
                st.dict_first += kinds[0] in ("first", "both")
                st.dict_last += kinds[0] in ("last", "both")
                st.person_like += kinds[0] is not None or titled
            else:
                # product, genre and song names are capitalised too; a person's name
                # starts with a first name ("Glass Vase": Glass is only a last name)
                st.person_like += kinds[0] in ("first", "both") or titled
        if _org_word(v):
            st.org_like += 1
    return st


MAC = "MAC_ADDRESS"  # a device's hardware address: identifies its owner's device
MENTION = "MENTION"  # "@handle" inside text: a person named by their username
SECRET_LIKE = "SECRET_LIKE"  # hits key: values shaped like a random secret (see random_secret)
UUID_LIKE = "UUID_LIKE"  # hits key: uuids (ids of rows, not secrets)
SLUG_LIKE = "SLUG_LIKE"  # hits key: one word of letters in any script joined by - _ .
ROLE_EMAIL = "ROLE_EMAIL"  # hits key: e-mail addresses of role mailboxes (support@...)
FILLER = "FILLER"  # hits key: free text that is no language (lorem ipsum, word salad)
# "@handle" not inside an e-mail address or a path, and not a CSS or code keyword
_MENTION = re.compile(
    r"(?<![\w.@/])@(?!(?:media|import|font-face|keyframes|charset|supports|page|namespace|"
    r"property|override|param|return|see|author|since|deprecated)\b)"
    r"[A-Za-z][A-Za-z0-9_.-]{1,39}(?<![.-])(?![\w@/-])")
# the code that opens a person's door or gate, written in a delivery note or an address's
# "other" line: a key to their home
_ACCESS_CODE = re.compile(
    r"\b(?:(?:door|gate|entry|entrance|building|keypad|alarm|lockbox|intercom)[ _-]?code|"
    r"digicode|code porte|code portail|t[üu]rcode)\b\W{0,3}[A-Z]?\d{3,8}[A-Z#*]?",
    re.IGNORECASE)
# a message template's ``%name`` placeholder: beside it, ``@sender`` is a placeholder too
# (Drupal's ``%sender-name (@sender-from) sent an email``), not a mention of someone
_PLACEHOLDER = re.compile(r"(?<![\w%])%[a-z][a-z_-]{1,30}\b")
# RFC 2142 and the usual role mailboxes: an organisation's inbox, not a person's
_ROLE_MAILBOX = re.compile(
    r"^(support|help|helpdesk|info|contact|hello|office|admin|administrator|webmaster|"
    r"postmaster|hostmaster|abuse|security|privacy|noc|sales|marketing|billing|accounts|"
    r"invoices?|orders|shop|team|press|media|news|newsletters?|notifications?|alerts?|"
    r"no-?reply|do-?not-?reply|mailer-daemon|bounces?|feedback|jobs|careers|hr|legal|"
    r"compliance|ads|advertising|partners|service|customerservice|enquiries|inquiries|"
    r"reception|forum|community|moderators?|staff|system|root|"
    # (nineteenth pass) a shop's customer care, an association's own mailbox
    r"care|customercare|asso|association)@", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# words that make up a quarter to a half of any prose in these languages; generated
# filler (lorem ipsum, dictionary word salad) has next to none
FUNCTION_WORDS = frozenset("""
the a an and of to in is are was were be been i my me we our you your he she it its they
their his her this that these those at for on with by from as or but not no so if then than
there here have has had do does did will would can could just also very
der die das und ich ist nicht ein eine zu mit von auf für sie es wir
le la les et je est un une des du pour pas avec sur dans que qui
el los las y es una del por con para en
il lo gli di che non per sono
o os as em um uma com não
het een van ik niet op te met
и в не на я что с он как это
και το η ο να που τα της του με σε
""".split())
_LOREM = frozenset("""lorem ipsum dolor sit amet consectetur adipiscing adipisicing elit sed
eiusmod tempor incididunt labore dolore magna aliqua enim minim veniam quis nostrud
exercitation ullamco laboris nisi aliquip commodo consequat""".split())
FILLER_FUNCTION_SHARE = 0.08  # below this share of function words, text is no language
PROFILE_URL = N.PROFILE_URL  # a URL naming one person's page (``/users/alice``, ``/@alice``)
TOKEN_LIKE = "TOKEN_LIKE"  # hits key: values shaped like a random token
ID_CODE = "ID_CODE"  # hits key: values shaped like an issued number (licence, DEA, member)
_ID_CODE = re.compile(r"^[A-Z]{0,3}[-/ ]?\d{5,24}[A-Z]?$")
_LOGIN = re.compile(r"^[A-Za-z][A-Za-z0-9._\\-]{1,40}$")
_LOGIN_MARK = re.compile(r"[._\\\d-]")
# a title before a name ("Dr. Anna Berg", "Mrs Smith") is not part of it
_HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|miss|mx|prof|sir|dame|herr|frau|mme|mlle|sr|"
                        r"sra|dott|ing)\.?\s+(?=\S)", re.IGNORECASE)
_USER_PAGE = re.compile(r"^(user|user[_ ]talk|benutzer|utilisateur|usuario)[:/]\S",
                        re.IGNORECASE)
# Stripe's customer object ids (``cus_NffrFeUfNV2Hib``): one per paying person
_PAYMENT_CUSTOMER = re.compile(r"^cus_[A-Za-z0-9]{8,32}$")
# a processor's id of one person's saved card or payment method (Stripe ``pm_``, ``card_``,
# ``src_``, Braintree-like ``paymentmethod_``): whoever holds it with the shop's key
# charges that card again; a charge's or an intent's id (``ch_``, ``pi_``) is the
# payment's reference, not the card's
_SAVED_CARD = re.compile(r"^(?:pm|card|src|paymentmethod)_[A-Za-z0-9_-]{8,40}$")
# a Windows domain account's security identifier (``S-1-5-21-<domain>-<RID>``, an LDAP
# ``objectSid``): one account, one person; the well-known SIDs of built-in groups
# (``S-1-5-32-544``) are no one's
_DOMAIN_SID = re.compile(r"^S-1-5-21(?:-\d{1,10}){2,4}$")
# a web-analytics client id (Google Analytics' ``_ga`` cookie: ``GA1.2.<random>.<first
# visit, unix time>``, or its last two parts): one visitor's browser, followed across visits
_ANALYTICS_CLIENT = re.compile(r"^(?:GA\d\.\d\.)?\d{6,10}\.1\d{9}$")
# (nineteenth pass) an animal's ISO 11784 microchip as a manufacturer writes it: fifteen
# digits opening on its code (900 to 985: ``982000038128425``), registered to the keeper
# in a national pet registry: whose animal it is (OpenVPMS's ``entity_identities``)
_MICROCHIP = re.compile(r"^9(?:[0-7]\d|8[0-5])\d{12}$")
_IP_HEX = re.compile(r"^([0-9A-F]{8}|v6-[0-9A-F]{32})$")
_IP_HEX_WORDS = {"ip", "hex", "range", "addr", "address"}
_TOKEN = re.compile(r"^[A-Za-z0-9+/=_-]{16,}$")
# a per-person path: a handle after a people segment or "@"/"~", or a first path segment
# shaped like "first.last" (github.com/nigel.jenkins)
_PROFILE_URL = re.compile(
    r"^https?://[^/\s]+/(?:(?:users?|u|people|members?|profiles?|authors?|accounts?)/"
    r"[A-Za-z0-9_.-]{2,}|[@~][A-Za-z0-9_.-]{2,}|[A-Za-z]+[._][A-Za-z]+/?$)", re.IGNORECASE)


# the site's own pages under /user/ (``/user/login``, ``/users/sign_in``) and its scripts
# (``/wp-login.php``): nobody's profile
_SITE_PAGE = re.compile(
    r"/(?:users?|u|members?|accounts?)/(?:log_?in|log_?out|sign_?in|sign_?up|sign_?out|"
    r"register|password|reset|new|edit|settings|me)/?(?:[?#].*)?$"
    r"|\.(?:php\d?|html?|aspx?|jsp|cgi|pl)/?$", re.IGNORECASE)


# LinkedIn's member pages live under ``/in/`` (``/pub/`` before 2014), a path too common
# elsewhere (a shop's ``/in/`` for India) to read as a profile on any host
_NETWORK_PROFILE = re.compile(
    r"^https?://(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[^/\s?#]{2,}", re.IGNORECASE)


def profile_url(value: str) -> bool:
    """A URL whose path names one person (a profile, an ActivityPub actor)."""
    return bool(_PROFILE_URL.match(value) or _NETWORK_PROFILE.match(value)) and \
        not _SITE_PAGE.search(value)


_MAC = re.compile(r"^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$")
_CREDENTIAL_SHAPES = re.compile(
    r"^(\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}"  # bcrypt
    r"|(\d+:)?\$[PH]\$[./A-Za-z0-9]{31}"  # phpass (WordPress, phpBB), with a timestamp
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*"
    r"|\$argon2(id|i|d)\$\S+|\$(1|5|6|y|7|gy|sha1|md5)\$\S+"  # argon2, crypt(3)
    r"|(pbkdf2|bcrypt|argon2|scrypt|sha1|sha256|sha512|md5)[_:$-]\S*\$\S+"  # Django, ...
    r"|\{(SSHA|SHA|SSHA512|CRYPT|MD5)\}\S+"  # LDAP
    r"|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"  # JWT
    # API keys (not Stripe's publishable ``pk_``: it is printed in every checkout page)
    r"|(sk|rk)_(live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9]{30,}"
    r"|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,})$")


_HEX_SECRET = re.compile(r"^[0-9a-fA-F]{32,}$")
# a payment processor's publishable key (Stripe ``pk_live_…``): public by design, sent to
# every browser that opens the shop's checkout, so not a secret of anyone
_PUBLISHABLE_KEY = re.compile(r"^pk_(?:live|test)_[A-Za-z0-9_-]{8,}$")
_B64_SECRET = re.compile(r"^[A-Za-z0-9+/_-]{20,}={0,2}$")
# totp:…, otpauth-like prefixes, a cipher's name (``aes-256-cbc:``)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{1,19}:(?!//)")
# the parts of an encrypted value (Rails' ``data--iv``, ``iv:data``, ``$iv$data``)
_CIPHER_PARTS = re.compile(r"--|[:$]")
_HEX_PART = re.compile(r"^[0-9a-fA-F]{8,}$")
# 6 to 31 hex digits in one case: a short random code (an order's guest-access code)
_SHORT_HEX = re.compile(r"^(?:[0-9a-f]{6,31}|[0-9A-F]{6,31})$")
# a code issued to a person (tax number, student number): letters, digits and - . / or a
# space, with four digits at least (``HESERG64A65H697N``, ``2017-76953``, ``DE 123456789``)
_CODE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|[-./ ](?=[A-Za-z0-9])){4,23}$")
_CODE_LIST = re.compile(r"^\d{6,10}(?:[,;\s]+\d{6,10}){2,}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}$")
# a uuid stored without dashes (SQLAlchemy's Uuid on SQLite): version 1-8, variant 8-b;
# random hex passes one time in eight, so only a whole column of them is uuids
_UUID_HEX = re.compile(r"^[0-9a-fA-F]{12}[1-8][0-9a-fA-F]{3}[89abAB][0-9a-fA-F]{15}$")
_SLUG = re.compile(r"^[^\W_](?:[\w'’.-]*[^\W_])?$")
_NUMERIC = re.compile(r"^[-+]?\d+(?:[-./ ]\d+)*$")
_FLAGS = frozenset({"0", "1", "true", "false", "t", "f", "yes", "no", "y", "n", "on", "off"})
SHORT_HEX = "SHORT_HEX"  # hits key: short random hex codes (see short_hex)
CODE_LIKE = "CODE_LIKE"  # hits key: codes issued to someone (see code_like)
IN_TEXT = "IN_TEXT"  # hits key: values with a name, contact, id or mention inside
SEQUENCE = "SEQUENCE"  # hits key: numbers that fill their range (a counter, see _dense)


def _classes_mixed(value: str) -> bool:
    """Random strings switch between upper case, lower case and digits all the time
    (``Npv8GkmWOckRezk0znO``); identifiers and words do not (``johnsmith1987``)."""
    kinds = ["u" if c.isupper() else "l" if c.islower() else "d" if c.isdigit() else "o"
             for c in value]
    switches = sum(a != b for a, b in zip(kinds, kinds[1:], strict=False))
    return switches >= len(value) / 4


def random_secret(value: str) -> bool:
    """A value shaped like a random secret: a hex digest of 32+ digits, 20+ characters of
    base64 or url-safe random, either behind a short scheme (``totp:…``), or a list of
    one-time codes (``66078775,46108524,…``). Never a uuid (ids of rows)."""
    v = value.strip()
    if _CODE_LIST.match(v):
        return True
    v = _SCHEME.sub("", v, count=1)
    if _UUID.match(v) or _PUBLISHABLE_KEY.match(v):
        return False
    if _HEX_SECRET.match(v):
        return any(c.isdigit() for c in v) and any(c.isalpha() for c in v)
    if _B64_SECRET.match(v) and any(c.isupper() for c in v) and \
            any(c.islower() for c in v) and any(c.isdigit() for c in v) and _classes_mixed(v):
        return True
    return _cipher_text(v)


def _cipher_text(v: str) -> bool:
    """An encrypted value in parts (``443f34…--cdde4b…``, ``iv:data``): two or more parts,
    each 8+ random hex or base64 characters, 32 together."""
    parts = _CIPHER_PARTS.split(v)
    if len(parts) < 2 or sum(map(len, parts)) < 32:
        return False
    for p in parts:
        if _HEX_PART.match(p):
            if not (any(c.isdigit() for c in p) and any(c.isalpha() for c in p)):
                return False
        elif not (len(p) >= 8 and _B64_SECRET.match(p + "A" * max(0, 20 - len(p)))
                  and any(c.isdigit() for c in p) and _classes_mixed(p)):
            return False
    return True


def _dense(values: list[str]) -> bool:
    """Numbers that fill a tenth of their range or more (``000000001``, ``000000002``...): a counter
    of rows, not numbers issued at random."""
    nums = sorted({int(x) for x in (s.strip() for s in values)
                   if x.removeprefix("-").isdigit()})
    return len(nums) >= 5 and nums[-1] - nums[0] + 1 <= 10 * len(nums)


def short_hex(value: str) -> bool:
    """6 to 31 hex digits in one case, letters and digits both (``a66c57``): a short
    random code. Alone it says little (colours, short commit ids look the same)."""
    v = value.strip()
    return bool(_SHORT_HEX.match(v)) and any(c.isdigit() for c in v) and \
        any(c.isalpha() for c in v)


def code_like(value: str) -> bool:
    """A code issued to someone: letters, digits, ``-./`` or single spaces, four digits at
    least, no word of text (``28594317A``, ``HESERG64A65H697N``, ``S4890167``)."""
    v = value.strip()
    return bool(_CODE.match(v)) and sum(c.isdigit() for c in v) >= 4


# "<first name>'s <thing>" (``Anna's iPhone``, ``Veli’s YubiKey``): whose the thing is
_POSSESSIVE = re.compile(r"(?<![\w'’])([^\W\d_][\w-]{1,30})['’]s\b")


def possessive_name(value: str) -> bool:
    """Whether a value names its owner by a first name in the possessive (a device's,
    a phone's or a security key's label: ``Anna's iPhone``). Shops named so (``Macy's``)
    rarely carry a dictionary first name."""
    d = name_dictionary()
    return any(d.kind(m) in ("first", "both") for m in _POSSESSIVE.findall(value))


# someone giving their name (``My name is Anna and I think…``, a student's answer)
_INTRODUCED = re.compile(r"\b(?:my name is|my name's|i am called|i'm called|call me|"
                         r"je m'appelle|ich heiße|ich heisse|me llamo|mi chiamo|"
                         r"mijn naam is|meu nome é)\s+([^\W\d_][\w-]{1,30})", re.IGNORECASE)


def introduces_someone(value: str) -> bool:
    """Whether a text gives someone's first name as theirs (``my name is Anna``)."""
    d = name_dictionary()
    return any(d.kind(m) in ("first", "both") for m in _INTRODUCED.findall(value))


def login_shaped(value: str) -> bool:
    """One word of login characters starting with a letter (``nigel.jenkins``,
    ``ribeiro1997``), not a uuid: what a login name looks like."""
    v = value.strip()
    return bool(_LOGIN.match(v)) and not _UUID.match(v)


_LIST_SEPARATOR = re.compile(r"\s*,\s*")


def login_list(value: str) -> bool:
    """A list of three or more logins (``pauliina_perala, catherinep75, becker1973``: a
    group conversation named by its members): every item a lower-case login, half of
    them with a login's marks (a dot, an underscore, digits). A list of tags (``dev,
    ops, qa``) has none."""
    items = _LIST_SEPARATOR.split(value.strip())
    if len(items) < 3 or any(x != x.lower() or not login_shaped(x) for x in items):
        return False
    return sum(bool(_LOGIN_MARK.search(x)) for x in items) >= 0.5 * len(items)


def message_id(value: str, bracketed: bool = False) -> bool:
    """``<a8Fk2…@mail.host>``: an e-mail's Message-ID, whose local part is random.

    Inside angle brackets (how headers and threading columns store them) a random local
    part without digits counts too (``<hmyYmYwAFttucPbkPXfO@mail.example.com>``): 16
    characters or more, no dot between words, case switching all along and four capitals
    at least; a person's ``<JohnSmithPersonal@…>`` has three. So does a bracketed local
    part of 16 to 31 hex digits (Zammad's ``ticket_articles.message_id``)."""
    bracketed = bracketed or value.strip().startswith("<")
    local = value.strip().lstrip("<").split("@", 1)[0]
    if len(local) < 16:
        return False
    if random_secret(local) or _HEX_SECRET.match(local) or _UUID.match(local):
        return True  # (nineteenth pass: ``<uuid@mail.example>``, Chatwoot's source ids)
    if len(local) >= 20 and local.isascii() and local.isalnum() and local.islower() and \
            len(re.findall(r"\d+", local.strip("0123456789"))) >= 2:
        # (eighteenth pass: an iCalendar UID, ``c18uqnpm3qpuc34fec7avtrdn@rallly.co``, a
        # cuid at the application's host) twenty letters and digits or more, digits
        # between letters twice at least, no capitals: a generated id, where a person's
        # ``mariagarcia1985madrid`` has one run of digits inside
        return True
    if bracketed and _SHORT_HEX.match(local) and any(c.isdigit() for c in local) and \
            any(c.isalpha() for c in local):
        return True  # <74bf20f876ffc474c0251908@mail.host>: 16-31 hex digits, no mailbox
    return bracketed and "." not in local and _classes_mixed(local) and \
        sum(c.isupper() for c in local) >= 4


def network_range(value: str) -> bool:
    """A CIDR range of more than one address (``10.0.0.0/8``), not a host."""
    v = value.strip()
    if "/" not in v:
        return False
    try:
        net = ipaddress.ip_network(v, strict=False)
    except ValueError:
        return False
    return net.prefixlen < net.max_prefixlen


# an address, then a separator: the cheap test before any value is parsed as a list
_IP_LIST_START = re.compile(r"^\s*[0-9A-Fa-f:.]+(?:/\d{1,3})?\s*[,;\s]")


def _ip_list(value: str) -> bool:
    if not _IP_LIST_START.match(value):
        return False
    parts = [p for p in re.split(r"[,;\s]+", value.strip()) if p]
    if len(parts) < 2:
        return False
    hosts = 0
    for p in parts:
        try:
            net = ipaddress.ip_network(p, strict=False)
        except ValueError:
            return False
        hosts += net.prefixlen == net.max_prefixlen
    return hosts > 0


_PEM_PRIVATE_KEY = re.compile(r"^-----BEGIN [A-Z ]*PRIVATE KEY-----")


def pem_private_key(value: str) -> bool:
    """A private key in PEM armour (a person's signing key, or a server's TLS key)."""
    return bool(_PEM_PRIVATE_KEY.match(value.strip()))


def credential_shape(value: str) -> bool:
    """Password hashes in a known format, JSON web tokens and well-known API key formats.

    Bare hex digests are not enough (file checksums, commit ids look the same): those
    count only under a credential's column name."""
    return bool(_CREDENTIAL_SHAPES.match(value))


def _formatted_phone(span: str) -> bool:
    """A phone number written as one (``+1 (648) 581-3777``, ``208.348.0142``): Presidio
    scores it 0.4 without a context word, but dates and amounts are not grouped so."""
    digits = sum(ch.isdigit() for ch in span)
    groups = len(re.findall(r"\d+", span))
    return digits >= 10 and groups >= 3 and not re.search(r"\d{4}-\d{2}-\d{2}", span)


def _org_word(value: str) -> bool:
    if "&" in value:
        return True
    return any(w.strip(".,()'").lower() in ORG_WORDS for w in value.split())


def _title_case(value: str) -> bool:
    words = [w for w in value.split() if len(w) >= 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_GREETINGS = frozenset({"dear", "hi", "hello", "hey", "thanks", "love", "from", "to", "for",
                        "with", "happy", "congratulations", "congrats", "welcome"})


def _person_in_text(span: str, title_case: bool) -> bool:
    """A name inside text: a dictionary first name first ("Anna Schmidt"), last
    ("Schmidt, Anna"), or two dictionary names. In Title Case text, where every noun is
    capitalised ("a Mad Scientist And a Hunter"), only a first name then a last name."""
    words = [w.rstrip(",") for w in span.split() if w[:1].isupper()]
    # a sentence's first word, capitalised, before the name ("For Xavier Humbert",
    # "Dear Anna Berg")
    while len(words) > 1 and (words[0].lower() in FUNCTION_WORDS or
                              words[0].lower() in _GREETINGS):
        words = words[1:]
    if not words:
        return False
    d = name_dictionary()
    kinds = [d.kind(w) for w in words]
    first = [k in ("first", "both") for k in kinds]
    last = [k in ("last", "both") for k in kinds]
    if title_case:
        return len(words) >= 2 and first[0] and last[-1]
    return first[0] or (len(words) >= 2 and (first[-1] or sum(k is not None for k in kinds) >= 2))


# the share of a column's non-empty values that must have a structured shape (an HTML
# fragment, a query string, a serialized array, a file name) for it to be read as one
SHAPED_SHARE = 0.8
AVATAR_GRAVATAR_SHARE = 0.5  # Gravatar URLs in a column named for a picture


def _mostly(present: list[str], shaped: Callable[[str], object], least: int = 2) -> bool:
    """Whether there are ``least`` non-empty values at least and SHAPED_SHARE of them have
    the shape ``shaped`` tests."""
    return len(present) >= least and \
        sum(bool(shaped(x)) for x in present) >= SHAPED_SHARE * len(present)


_HTML_FRAGMENT = re.compile(r"^\s*<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>.*</\1>\s*$", re.S)
_TAG = re.compile(r"<[^>]+>")


def _unwrapped_html(values: list[str]) -> list[str]:
    """Values that are rendered HTML fragments (``<p>+34 849 207 285</p>``, a profile field
    rendered by the application) judged by the text between their tags."""
    if not _mostly([x for x in values if x.strip()], _HTML_FRAGMENT.match):
        return values
    return [html.unescape(_TAG.sub(" ", x)).strip() for x in values]


def text_verdict(name: str, values: list[Any], engine: Analyzer, *, key_name: str | None = None
                 ) -> Verdict:
    """Verdict for a column (or JSON path) of text-like values."""
    nm = N.match(key_name if key_name is not None else name)
    picture = nm is not None and nm.entity == N.PHOTO
    if nm is not None and nm.entity == N.PHOTO:
        nm = None  # a photo's file name or URL is not the photo
    strs = [v if isinstance(v, str) else str(v) for v in values]
    strs = _unwrapped_html(strs)
    st = _text_stats(strs, engine, phone_by_name=nm is not None and nm.entity == N.PHONE)
    v = Verdict(sampled=st.distinct, hits={k: int(c) for k, c in st.whole.items()},
                letters=any(ch.isalpha() for s in strs for ch in s),
                others="".join(sorted({ch for s in strs for ch in s
                                       if not (ch.isascii() and ch.isalnum())})))
    if st.person_like:
        v.hits[PERSON_LIKE] = st.person_like
    if st.org_like:
        v.hits[ORG_LIKE] = st.org_like
    if nm:
        v.signals.append(nm.signal)
    if st.distinct == 0:
        if nm:
            v.note = f"column name suggests {nm.entity} but no value was sampled"
        return v
    for key, count in (("LOGIN_LIKE", st.login_like), (TOKEN_LIKE, st.token_like),
                       (ID_CODE, st.id_code), (SECRET_LIKE, st.secret_like),
                       (UUID_LIKE, st.uuid_like), (SLUG_LIKE, st.slug_like),
                       (ROLE_EMAIL, st.role_email), (SHORT_HEX, st.short_hex),
                       (CODE_LIKE, st.code_like)):
        if count:
            v.hits[key] = count
    if st.any_inside:
        v.hits[IN_TEXT] = st.any_inside
    if st.digits_only >= 0.9 * st.distinct >= 5 and _dense(strs):
        v.hits[SEQUENCE] = st.digits_only
    present = [x for x in strs if x.strip()]
    if _tree_paths(present):
        # the four-part ones are no IP addresses, the long ones no phone numbers
        for e in (N.IP, N.PHONE):
            st.whole.pop(e, None)
            v.hits.pop(e, None)
        v.signals.append("dotted numbers of three depths or more: paths or versions")
    files = _mostly(present, file_name)
    # a PEM private key is long and broken into lines, yet no text: it is read by its
    # shape, under any name (nineteenth pass: Pleroma's ``users.keys``)
    if st.long_text >= 0.5 * st.distinct and not (nm and nm.entity == N.CREDENTIAL) and \
            not files and not _mostly(present, credential_shape):
        # (``Anna Berg - rental contract.pdf`` is a file's name, no text)
        return _free_text(v, st)
    if nm is None or nm.entity != N.CREDENTIAL:
        qs = _query_strings(v, strs, engine) or _php_serialized(v, strs, engine)
        if qs is not None:
            return qs
    ratios = {e: c / st.distinct for e, c in st.whole.items() if e != N.PERSON}
    best = max(ratios, key=lambda e: ratios[e]) if ratios else None
    best_r = ratios.get(best, 0.0) if best else 0.0
    if nm and best and nm.entity in _ID_FAMILY and best in _ID_FAMILY and best_r >= 0.3:
        best = nm.entity  # "passport_no" holding numbers that also parse as phones
    if best and sum(ratios.values()) >= 0.5:  # one entity, or several in a "contact" column
        return _by_values(v, st, best, best_r, nm)
    if st.ip_hex >= 0.8 * st.distinct and (nm is None or nm.entity == N.IP) and \
            set(N.tokens(name)) & _IP_HEX_WORDS | ({N.IP} if nm else set()):
        v.entity, v.confidence = N.IP, 0.7
        v.signals.append(f"hex-ip={st.ip_hex}/{st.distinct}")
        return v
    images = Counter(k for x in present if (k := base64_image(x)) is not None)
    # an avatar column mixes uploaded pictures with Gravatar URLs (the hash of the
    # person's e-mail: the same picture, found by the address)
    gravatars = sum(bool(_GRAVATAR.search(x)) for x in present)
    provider_pictures = sum(bool(_PROVIDER_PICTURE.match(x)) for x in present)
    if images and sum(images.values()) + gravatars >= max(2, SHAPED_SHARE * len(present)):
        image = images.most_common(1)[0][0]
        # a picture stored as base64 text (a drawn signature, an avatar): judged as the
        # same bytes in a binary column are, with the table (classifiers.context)
        v.entity, v.confidence, v.content = N.PHOTO, 0.6, image
        v.signals.append(f"content:{image} as base64 text"
                         + (f" and {gravatars} Gravatar URLs" if gravatars else ""))
        return v
    # under a picture's name (``avatar``) half will do: the others are the uploaded
    # files' paths (seventeenth pass: Kimai's ``kimai2_users.avatar``, Gravatar URLs in
    # two thirds, ``/avatars/<login>.png`` in the rest)
    share = AVATAR_GRAVATAR_SHARE if picture else SHAPED_SHARE
    if provider_pictures >= max(2, AVATAR_GRAVATAR_SHARE * len(present)):
        # an account's picture at a sign-in provider needs no picture's name to say what
        # it is: half will do under ``image`` (the others uploaded files)
        share, gravatars = AVATAR_GRAVATAR_SHARE, gravatars + provider_pictures
    documents = Counter(k for x in present if (k := base64_document(x)) is not None)
    if sum(documents.values()) >= 2 and sum(documents.values()) + sum(
            map(file_name, present)) >= BASE64_DOCUMENT_SHARE * len(present):
        # documents stored as base64 text (the others as paths to their files): judged as
        # the same bytes in a binary column are, with the table (classifiers.context)
        document = documents.most_common(1)[0][0]
        v.entity, v.confidence, v.content = "DOCUMENT", 0.6, document
        v.signals.append(f"content:{document} as base64 text in "
                         f"{sum(documents.values())} of {len(present)} values")
        return v
    if gravatars >= max(2, share * len(present)):
        v.entity, v.confidence = N.PROFILE_URL, 0.6
        v.signals.append(f"Gravatar or sign-in provider's profile pictures: {gravatars}")
        return v
    if picture and _encoded_drawings(present):
        # a drawing's points or bitmap kept as hex or base64 text under a picture's name
        # (eighteenth pass: Open Dental's ``commlog.Signature``): the picture itself
        v.entity, v.confidence = N.PHOTO, 0.6
        v.signals.append(f"a drawing encoded as text in {len(present)} values")
        return v
    if _mostly(present, _PUSH_ENDPOINT.match, least=3):
        # whoever holds a device's push endpoint can send to it (its path is the
        # subscription's secret): a credential of the person the device is, under any
        # name (nineteenth pass: Pleroma's ``push_subscriptions.endpoint``)
        v.entity, v.confidence = N.CREDENTIAL, 0.6
        v.signals.append(f"web push endpoints in {len(present)} values")
        return v
    if nm is None and _names_nothing(name) and _birth_dates(present):
        # a custom field (``custom_value1``) the application lets each customer define:
        # the name says nothing, the dates are a population's birth dates
        v.entity, v.confidence = N.DOB, 0.6
        v.signals.append("dates spread like birth dates")
        return v
    if nm and N.is_weak_person(nm) and files:
        # a bare ``name`` holding file names (``CV_Ana_Lopez.pdf``) is a file's name: judged
        # as file names, never as a person's name
        return _named_files(v, strs, engine) or _keep(v, st)
    if nm:
        return _by_name(v, st, nm)
    return (_by_name_shape(v, st) or _login_names(v, st, name) or _minority(v, st)
            or _named_files(v, strs, engine) or _mentions(v, st, strs)
            or _role_names(v, st, name) or _keep(v, st))


# a role a person holds towards the row, under which the person's own name is written
_ROLE_NAME_WORDS = {"owner", "author", "person", "assignee", "manager", "contact",
                    "founder", "proprietor", "landlord", "organiser", "organizer",
                    "instructor", "trainer", "coach", "teacher", "doctor", "inhaber"}
ROLE_NAME_SHARE = 0.8  # distinct values reading as a person's name, a first name first
ROLE_NAME_MIN = 3


def _role_names(v: Verdict, st: _TextStats, name: str) -> Verdict | None:
    """A column named for a person's role alone (``owner``, ``manager``, ``trainer``)
    whose values read as people's names (a dictionary first name, then more words) in
    80% of them, three at least, none a company's (seventeenth pass: wger's
    ``gym_gym.owner``, four gyms, four owners): too few for the name-shape rule's 20
    values, but the role says whose names they are. A ``owner`` of team or company
    names, or of logins, is not."""
    if not set(N.tokens(name)) & _ROLE_NAME_WORDS or st.distinct < ROLE_NAME_MIN:
        return None
    multi = st.words >= 1.5 * max(1, st.shaped)
    if not multi or st.org_like or st.person_like < ROLE_NAME_SHARE * st.distinct:
        return None
    v.entity, v.confidence = N.PERSON, 0.6
    v.signals.append(f"people's names under a person's role ({st.person_like} of "
                     f"{st.distinct} a first name first)")
    return v


MENTION_SHARE = 0.05  # the labels' rule for free text naming someone


def _mentions(v: Verdict, st: _TextStats, strs: list[str]) -> Verdict | None:
    """Short texts (``@anna_k please review``, a comment or a chat line too short for the
    free-text rules) mentioning a person by their login in 5% of the distinct values,
    two at least (seventeenth pass: Taiga's ``comment_html``): text about people, as a
    longer post mentioning someone is."""
    if st.inside.get(MENTION, 0) < max(2, MENTION_SHARE * st.distinct):
        return None
    # among other words: a list of handles (``anna,@anna``, a user's mention keys) is a
    # login's, judged with the row
    hits = sum(1 for x in set(strs) if len(x.split()) >= 2 and _MENTION.search(x)
               and not _PLACEHOLDER.search(x))
    if hits < max(2, MENTION_SHARE * st.distinct):
        return None
    v.entity, v.confidence, v.partial = FREE_TEXT, 0.5, True
    v.signals.append(f"mentions someone (@login) in {hits} of {st.distinct} values")
    return v


# Column words under which login names are stored without saying "username": ``user``,
# ``assigned_to``, ``invited_by``, ``SalesPerson``, ``bt_user_text``.
_LOGIN_COLUMN_WORDS = {"user", "by", "person", "assignee", "author", "owner", "login"}


_DOTTED = re.compile(r"^\d+(?:\.\d+)+$")


def _tree_paths(present: list[str]) -> bool:
    """Dotted numbers of three depths or more (``0.12``, ``0.12.57``, ``0.12.57.3``): a
    comment tree's paths (an ``ltree``), section or version numbers. An IP address always
    has four parts, a phone number written with dots keeps its grouping."""
    depths = Counter(x.count(".") for x in present if _DOTTED.match(x.strip()))
    return len(depths) >= 3 and sum(depths.values()) >= SHAPED_SHARE * len(present)


def _login_names(v: Verdict, st: _TextStats, name: str) -> Verdict | None:
    toks = N.tokens(name)
    if not (set(toks) & _LOGIN_COLUMN_WORDS or toks[-2:] == ["assigned", "to"]):
        return None
    # workflow words ("pending", "admin") are one word too: most values must carry a
    # login's marks (a dot, digit, underscore, backslash)
    if st.login_like < 0.6 * st.distinct or st.login_marked < 0.3 * st.distinct:
        return None
    v.entity = N.USERNAME
    v.confidence = 0.5 + 0.4 * st.login_marked / st.distinct
    v.signals.append(f"login-shape={st.login_like}/{st.distinct}")
    return v


def _by_values(v: Verdict, st: _TextStats, entity: str, ratio: float,
               nm: N.NameMatch | None) -> Verdict:
    v.entity = entity
    v.confidence = 0.5 + 0.5 * ratio + (0.1 if nm and nm.entity == entity else 0.0)
    v.signals.append(f"values:{entity}={st.whole[entity]}/{st.distinct}")
    v.examples = st.examples.get(entity, [])
    return v


def _by_name(v: Verdict, st: _TextStats, nm: N.NameMatch) -> Verdict:
    if st.flags == st.distinct <= 2:
        # ``{"configState": {"web_url": "1"}}``, ``email_opt``: a switch about the thing
        # the name names, never the thing itself
        v.note = (f"column name suggests {nm.entity} but its values are flags "
                  f"({st.distinct} distinct: 0/1, true/false, yes/no)")
        return v
    shape_r = st.shaped / st.distinct
    contradicted = (
        (nm.entity in VERIFIABLE and st.whole.get(nm.entity, 0) == 0)
        or (nm.entity in NAME_ENTITIES and shape_r < 0.2)
    )
    if contradicted and st.distinct <= 3:
        v.note = (f"column name suggests {nm.entity} but none of {st.distinct} distinct "
                  "sampled values looks like one")
        return v
    if nm.entity in NAME_ENTITIES and shape_r < 0.2:
        # a "name" column of page titles and URLs, a sizeable share of them e-mails: the
        # e-mails are the finding, whatever the table decides about the names
        other = _minority(Verdict(), st, names=False)
        if other is not None:
            return _minority(v, st, names=False) or v
    v.entity = nm.entity
    if nm.entity in NAME_ENTITIES:
        v.weak_name = N.is_weak_person(nm)
        v.confidence = 0.6 + 0.3 * shape_r + 0.1 * (st.dict_any / st.distinct)
        v.signals.append(f"name-shape={st.shaped}/{st.distinct}")
        if st.dict_any:
            v.signals.append(f"name-dictionary={st.dict_any}/{st.distinct}")
        v.hits = {**v.hits, "NAME_SHAPE": st.shaped, "NAME_DICTIONARY": st.dict_any}
        v.examples = st.examples.get("NAME", [])
    else:
        hits = st.whole.get(nm.entity, 0)
        v.confidence = 0.6 + 0.3 * hits / st.distinct
        if contradicted:
            v.confidence = 0.5
            v.note = "masked on the column name alone: no sampled value matched"
        v.examples = st.examples.get(nm.entity, [])
    return v


def _by_name_shape(v: Verdict, st: _TextStats) -> Verdict | None:
    # Without a telling column name: values shaped like names, enough of them in the
    # name dictionary, and many distinct (a list of 9 departments is not a name column).
    if st.distinct < 20:
        return None
    shape_r = st.shaped / st.distinct
    dict_r = st.dict_any / st.distinct
    if shape_r < 0.9 or dict_r < 0.2 or st.org_like >= 0.25 * st.distinct:
        return None
    mean_words = st.words / max(1, st.shaped)
    if mean_words >= 1.5:
        entity = N.PERSON
    else:
        entity = N.FIRST_NAME if st.dict_first >= st.dict_last else N.LAST_NAME
    v.entity = entity
    v.confidence = min(0.95, 0.4 + 0.3 * shape_r + 0.5 * dict_r)
    v.signals += [f"name-shape={st.shaped}/{st.distinct}",
                  f"name-dictionary={st.dict_any}/{st.distinct}"]
    v.hits = {**v.hits, "NAME_SHAPE": st.shaped, "NAME_DICTIONARY": st.dict_any}
    v.examples = st.examples.get("NAME", [])
    return v


def _free_text(v: Verdict, st: _TextStats) -> Verdict:
    v.signals.append("free-text")
    v.hits = {k: int(c) for k, c in st.inside.items()}
    if st.any_inside:
        v.hits[IN_TEXT] = st.any_inside
    _filler(v, st)
    found = sum(1 for _ in st.inside)
    if not found:
        v.note = (f"free text ({st.distinct} sampled values) with no name, contact or "
                  "identifier in it")
        return _keep(v)
    ent, count = st.inside.most_common(1)[0]
    # names, contacts, ids and @mentions together: a post that mentions someone and one
    # that gives a phone number are both about people
    about = st.any_inside
    if about < max(2, 0.05 * st.distinct):
        kinds = ", ".join(f"{e} in {c}" for e, c in st.inside.most_common(3))
        v.note = (f"free text: {kinds} of {st.distinct} sampled values ({about} with any; "
                  "5% needed)")
        return _keep(v)
    v.entity = FREE_TEXT
    v.confidence = min(1.0, 0.5 + about / st.distinct)
    v.examples = st.examples.get("TEXT", [])
    v.signals.append(f"in-text:{ent}={count}/{st.distinct}")
    if about > count:
        v.signals.append(f"in-text:any={about}/{st.distinct}")
    return v


def _filler(v: Verdict, st: _TextStats) -> None:
    """Mark free text that is no language: placeholder Latin, or sentences with next to
    no function words (generated word salad); prose has a quarter to a half of them."""
    if st.lorem >= 0.5 * st.long_text or (
            st.long_text and st.text_words >= 6 * st.long_text and st.text_words >= 40
            and st.function_words < FILLER_FUNCTION_SHARE * st.text_words):
        v.hits[FILLER] = st.long_text


# a query string (``nonce=…&email=a%40b.org&name=Anna+Berg``): judged per key, like JSON
_QUERY = re.compile(r"^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)+$")
QUERY_VALUES_PER_KEY = 200


def _query_strings(v: Verdict, values: list[str], engine: Analyzer) -> Verdict | None:
    """Values that are URL query strings, judged per key (``email=``, ``username=``): a
    key holding personal data masks the column as a whole (one "word" to the text rules,
    neither free text nor a whole-value e-mail)."""
    present = [x.strip() for x in values if x.strip()]
    if not _mostly(present, _QUERY.match):
        return None
    pairs = ((key, val) for x in present for key, val in parse_qsl(x.lstrip("?")))
    return _keyed_verdict(v, pairs, engine, "query-string", "query strings")


def _keyed_verdict(v: Verdict, pairs: Iterable[tuple[str, str]], engine: Analyzer,
                   signal: str, what: str) -> Verdict | None:
    """Key-value pairs read out of a column's values, judged per key as JSON paths are:
    a key holding personal data masks the column as a whole (the values are one blob to
    the application). None when no key does."""
    per_key: dict[str, list[str]] = {}
    for key, val in pairs:
        if not key:
            continue
        bucket = per_key.setdefault(key, [])
        if val and len(bucket) < QUERY_VALUES_PER_KEY and val not in bucket:
            bucket.append(val)
    found: dict[str, str] = {}
    for key, vals in sorted(per_key.items()):
        pv = _path_verdict(f"$.{key}", vals, engine)
        if pv.entity is not None and pv.entity != N.COUNTRY:
            found[key] = pv.entity
    if not found:
        return None
    entity = Counter(found.values()).most_common(1)[0][0]
    v.entity, v.partial, v.confidence = entity, True, 0.7
    keys = ", ".join(f"{k}={e}" for k, e in sorted(found.items())[:4])
    v.signals.append(f"{signal}:{keys}")
    v.note = f"{what} carrying personal data under {keys}: masked as a whole column"
    return v


# PHP ``serialize()`` output (``a:2:{s:5:"%name";s:6:"janh38";...}``) and PHP session
# state (``_sf2_attributes|a:1:{...}``), whole or cut: its string keys and values
_PHP_SERIALIZED = re.compile(r'(?:^|\|)[aO]:\d+:[{"]')
MIN_SERIALIZED = 10  # serialized values among others before they are read on their own
_PHP_PAIR = re.compile(r's:\d+:"([^"]{1,64})";s:\d+:"([^"]*)"')


def _php_serialized(v: Verdict, values: list[str], engine: Analyzer) -> Verdict | None:
    """Values that are PHP-serialized arrays, judged per key (``%name``, ``@sender-from``,
    ``email``) as query strings are: a key holding personal data masks the column as a
    whole (the blob is one value to the application)."""
    present = [x for x in values if x.strip()]
    # (nineteenth pass) a fifth of the values is enough, ten at least: a log's value
    # column holding a user id, a course code or a serialized user object by its row's
    # type (Chamilo's ``track_e_default.default_value``) carries those users' names
    blobs = [x for x in present if _PHP_SERIALIZED.search(x[:40])]
    if len(blobs) < max(MIN_SERIALIZED, PERSON_SHARE * len(present)) and \
            not _mostly(present, lambda x: _PHP_SERIALIZED.search(x[:40])):
        return None
    pairs = ((key.lstrip("%@!#:"), val) for x in blobs for key, val in _PHP_PAIR.findall(x))
    return _keyed_verdict(v, pairs, engine, "php-serialized", "PHP-serialized values")


_FILE_NAME = re.compile(r"^[^\s/\\]*(?:[/\\]+[^/\\]+)*\.[A-Za-z0-9]{2,5}$")
# a file name with spaces in it (``Anna Berg - rental contract.pdf``, as uploads keep
# the name the person gave the file): only with a document's or a picture's extension,
# since a sentence may end in a domain (``... at example.com``)
_SPACED_FILE_NAME = re.compile(
    r"^[^\n/\\]{1,200}(?:[/\\]+[^\n/\\]+)*\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|"
    r"jpe?g|png|gif|heic|webp|tiff?|bmp|zip)$", re.IGNORECASE)
# names inside file names (``CV_Ana_Lopez.pdf``, ``anna-berg-headshot.jpg``): rarer than in
# notes, so a smaller share of them says the files are about people
NAMED_FILES_SHARE = 0.15
MIN_DISTINCT_FOR_NAMED_FILES = 10
MIN_NAMED_FILES = 5
FEW_NAMED_FILES_SHARE = 1 / 3


def file_name(value: str) -> bool:
    """A file name or a path ending in one (``IMG_2950.jpg``, ``photos/ana.lopez.png``,
    ``Anna Berg - contract.pdf``)."""
    v = value.strip()
    return bool(_FILE_NAME.match(v) or _SPACED_FILE_NAME.match(v))


def file_stem(x: str) -> str:
    """A file name's last path segment without its extension, separators as spaces."""
    x = re.split(r"[/\\]", x)[-1]
    x = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", x)
    return re.sub(r"[-_.+]+", " ", x).strip()


_UPLOAD_PREFIX = re.compile(r"^(?:\S*\d\S*\s+)+(?=[^\W\d_]+(?:\s|$))")


def _capitalised(stem: str) -> str:
    """A lower-case stem of two or more words with each word capitalised; an upload's
    unique prefix dropped first (``54650e19a6a5f maria``: a hex id, a timestamp, which
    the name shape would refuse)."""
    bare = _UPLOAD_PREFIX.sub("", stem)
    words = bare.split()
    if (len(words) < 2 and bare == stem) or not bare.islower():
        return bare
    return " ".join(w[:1].upper() + w[1:] for w in words)


# documents that are about one person: a file named for one is that person's (a CV, a
# passport or ID card scan, a payslip), whoever's name follows
PERSONAL_DOCUMENTS = frozenset("""
cv resume lebenslauf curriculum passport passeport reisepass pasaporte personalausweis
ausweis idcard payslip paystub lohnabrechnung gehaltsabrechnung
""".split())


def _document_of_someone(stem: str) -> bool:
    """A file stem naming a person's document, then a capitalised word: whose it is
    (``CV Ana Lopez``, ``passport scan Mäenpää``), even a lone last name."""
    words = stem.split()
    for i, w in enumerate(words):
        if w.lower() in PERSONAL_DOCUMENTS:
            return any(x[:1].isupper() and x.isalpha() and len(x) >= 2
                       for x in words[i + 1:])
    return False


def _named_files(v: Verdict, values: list[str], engine: Analyzer) -> Verdict | None:
    """File names or paths (``public://2024-09/Frado-Borra-headshot.jpg``) whose words
    name a person (a dictionary first name and another capitalised word) in a sizeable
    share: CVs, passport scans, portraits uploaded for people. Masked as a whole column."""
    present = [x.strip() for x in values if x.strip()]
    if not _mostly(present, file_name, least=MIN_DISTINCT_FOR_NAMED_FILES):
        return None
    return named_stems(v, sorted({file_stem(x) for x in present}), engine)


def named_stems(v: Verdict, stems: list[str], engine: Analyzer) -> Verdict | None:
    """``v`` marked as file names naming people when enough of the distinct file names
    ``stems`` (without their extensions) do."""
    # ``robert.reeves.jpg``: a name written in lower case is a name still; capitalised
    # here so that the name shape and the dictionary see it (``IMG 2950``, ``avatar``
    # and ``report`` stay what they are)
    # (a document word needs its owner's name as written: ``cv_template`` names no one)
    st = _text_stats(sorted({_capitalised(x) for x in stems}), engine, phone_by_name=False)
    named = max(st.inside.get(N.PERSON, 0), st.person_like,
                sum(_document_of_someone(x) for x in stems))
    if named < NAMED_FILES_SHARE * st.distinct or st.distinct < MIN_DISTINCT_FOR_NAMED_FILES or (
            st.distinct < MIN_DISTINCT_FOR_NAMED_NOTES and named < max(
                MIN_NAMED_FILES, FEW_NAMED_FILES_SHARE * st.distinct)):
        # (fewer than 20 distinct file names, as a small help desk's attachments: five
        # named at least, a third of them)
        return None
    v.entity, v.partial, v.confidence = N.PERSON, True, 0.6
    v.signals.append(f"file-names-naming-people={named}/{st.distinct}")
    v.note = (f"file names naming a person in {named} of {st.distinct}: masked as a "
              "whole column")
    return v


def _minority(v: Verdict, st: _TextStats, names: bool = True) -> Verdict | None:
    """A sizeable share of personal values (or a few e-mails or IBANs) among others: the
    column is masked as a whole, with a method that fits every value."""
    found = {e: c for e, c in st.whole.items() if e != N.PERSON}
    if found.get(N.EMAIL):
        # (nineteenth pass) an organisation's role mailboxes among settings (``contact@``,
        # ``helpdesk@``) are nobody's: only the others count
        found[N.EMAIL] -= min(st.role_email, found[N.EMAIL])
    companies = st.org_like >= 0.25 * st.distinct
    # names are noisier than e-mails: a fifth of the values must read as a person's name
    if names and st.person_like >= PERSON_SHARE * st.distinct and st.person_like >= 2 and \
            not companies and st.distinct >= MIN_DISTINCT_FOR_NAMES:
        found[N.PERSON] = st.person_like
    # short notes naming someone ("Guardian: Anna Berg", "Son Ecrin", "Oliver Edwards
    # (sister)"): a name inside the value, not the whole value, in a third of them
    # (two name words at least: a lone "Grace" or "Hunter" is as often a word)
    named = st.inside.get(N.PERSON, 0)
    if names and named >= NAMED_SHARE * st.distinct and not companies and \
            st.distinct >= MIN_DISTINCT_FOR_NAMED_NOTES and \
            named > found.get(N.PERSON, 0):
        found[N.PERSON] = named
    # an e-mail address inside values that are not prose (an SSH key's comment
    # ``ssh-ed25519 AAAA… anna@example.org``, ``Anna Berg <anna@example.org>``) in a
    # sizeable share: the column carries people's mailboxes
    mailed = st.inside.get(N.EMAIL, 0)
    if mailed >= max(2, SIZEABLE_SHARE * st.distinct) and mailed > found.get(N.EMAIL, 0):
        found[N.EMAIL] = mailed
    # door and gate codes in delivery notes: keys to people's homes
    codes = st.inside.get(N.CREDENTIAL, 0)
    if codes >= max(2, SIZEABLE_SHARE * st.distinct):
        found[N.CREDENTIAL] = max(codes, found.get(N.CREDENTIAL, 0))
    if max(st.digits_only, st.numeric) >= 0.9 * st.distinct:
        # random numbers (timestamps, hashes, codes, ``2022-0009``) pass a check digit
        # about one time in ten: an identifier column checks out in most of its values,
        # not in a tenth
        for e in _CHECKSUM_IDS:
            if found.get(e, 0) < 0.5 * st.distinct:
                found.pop(e, None)
    # one value is no pattern: a sizeable share needs two values at least
    strong = {e: c for e, c in found.items()
              if (c >= SIZEABLE_SHARE * st.distinct and (c >= 2 or e in _RARELY_WRONG))
              or (e in PRECISE_ENTITIES and c >= PRECISE_MIN_HITS)}
    if not strong:
        # a key-value column (``meta_value``) holds names, phones and e-mails side by
        # side: together they are a sizeable share though each kind alone is not
        mixed = {e: c for e, c in found.items() if c >= 2}
        if names and st.person_like >= 2 and not companies:
            mixed[N.PERSON] = st.person_like
        if len(mixed) < 2 or sum(mixed.values()) < PERSON_SHARE * st.distinct:
            return None
        strong = mixed
    entity = max(strong, key=lambda e: strong[e])
    v.entity, v.partial = entity, True
    v.confidence = 0.5 + 0.4 * strong[entity] / st.distinct
    v.signals.append(f"values:{entity}={strong[entity]}/{st.distinct}")
    v.examples = st.examples.get(entity if entity != N.PERSON else "NAME", []) or \
        st.examples.get("TEXT", [])
    v.note = (f"{entity} in {strong[entity]} of {st.distinct} sampled values: masked as a "
              "whole column")
    return v


def found_summary(hits: dict[str, int], sampled: int) -> str:
    """What the recognizers found, for a reason: "EMAIL_ADDRESS in 1 of 200 values"."""
    labels = {N.PERSON: "PERSON-shaped words",
              PERSON_LIKE: "a person's name (a dictionary first name first)"}
    parts = [f"{labels.get(e, e)} in {c} of {sampled}"
             for e, c in sorted(hits.items(), key=lambda x: -x[1])
             if c and e not in ("NAME_SHAPE", "NAME_DICTIONARY", ORG_LIKE, "LOGIN_LIKE",
                                     TOKEN_LIKE, ID_CODE, SECRET_LIKE, SLUG_LIKE, ROLE_EMAIL,
                                     FILLER, UUID_LIKE, SHORT_HEX, CODE_LIKE,
                                     SEQUENCE, IN_TEXT)]
    return "; ".join(parts)


def _keep(v: Verdict, st: _TextStats | None = None) -> Verdict:
    v.entity = None
    if st is not None and v.note is None:
        found = found_summary(v.hits, st.distinct)
        if found:
            v.note = (f"{found} sampled values: below the threshold for masking (an entity "
                      f"in {SIZEABLE_SHARE:.0%} of values, {PRECISE_MIN_HITS} e-mails or "
                      "IBANs, or a name-like column)")
    return v


# -- dates -----------------------------------------------------------------------------


def _as_date(x: Any) -> dt.date | None:
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    if isinstance(x, str):
        try:
            return dt.date.fromisoformat(x.strip()[:10])
        except ValueError:
            pass
        for fmt in _TEXT_DATE_FORMATS:  # dates a form stores as typed (``11/04/1978``)
            try:
                return dt.datetime.strptime(x.strip(), fmt).date()
            except ValueError:
                continue
    return None


_TEXT_DATE_FORMATS = ("%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")


def _years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def date_verdict(col: ColumnInfo, values: list[Any], rows: list[dict[str, Any]],
                 other_dates: list[str], *, today: dt.date | None = None) -> Verdict:
    """Date of birth or not: column name, value range, and how it relates to other dates.

    A birth date lies 14 to 110 years back, and precedes the table's other dates (hire,
    created) by years in nearly every row, while no other date precedes it.
    """
    today = today or dt.date.today()
    nm = N.match(col.name)
    dates = [d for d in (_as_date(x) for x in values) if d is not None]
    v = Verdict(sampled=len(dates))
    if nm:
        v.signals.append(nm.signal)
    if not dates:
        return v
    ages = [_years(d, today) for d in dates]
    in_range = sum(14 <= a <= 110 for a in ages) / len(ages)
    v.hits = {"AGE_14_110": sum(14 <= a <= 110 for a in ages)}
    if nm and nm.entity == N.DOB:
        v.entity = N.DOB
        v.confidence = 0.7 + 0.3 * in_range
        return v
    if len(dates) < 10 or in_range < 0.95:
        return v
    precedes, preceded = _relations(col.name, rows, other_dates)
    if precedes and not preceded:
        v.entity = N.DOB
        v.confidence = 0.8
        v.signals.append(f"precedes:{precedes} by 14+ years")
    elif not other_dates and _lifetime_spread(ages):
        v.entity = N.DOB
        v.confidence = 0.55
        v.signals.append("age-spread")
    if v.entity:
        v.signals.append(f"age-range={v.hits['AGE_14_110']}/{len(dates)}")
    return v


def _lifetime_spread(ages: list[float]) -> bool:
    """Ages (years back) spread as a population's birth dates are: eight years or more
    apart, around an adult's age."""
    return statistics.pstdev(ages) >= 8 and 18 <= statistics.median(ages) <= 90


MIN_BIRTH_DATES = 10  # dates under a key that says nothing before they read as births


def _birth_dates(vals: list[Any], today: dt.date | None = None) -> bool:
    """Values under a key that names nothing (a custom field's number, ``"2"``) that are
    all dates, 14 to 110 years back and spread like birth dates."""
    today = today or dt.date.today()
    dates = [d for d in (_as_date(x) for x in vals) if d is not None]
    if len(dates) < MIN_BIRTH_DATES or len(dates) < 0.9 * len(vals):
        return False
    ages = [_years(d, today) for d in dates]
    return sum(14 <= a <= 110 for a in ages) >= 0.95 * len(ages) and _lifetime_spread(ages)


# words of a column name that say nothing of what it holds: a custom field the
# application's users define (``custom_value1``, ``extra_field_2``, ``cf_3``)
EMPTY_NAME_WORDS = frozenset({"custom", "value", "val", "field", "attribute", "attr",
                              "extra", "cf", "var", "param", "option", "user", "defined",
                              "free", "additional", "misc", "other", "data"})


def _names_nothing(name: str) -> bool:
    toks = N.tokens(name)
    return bool(toks) and set(toks) <= EMPTY_NAME_WORDS and bool(
        set(toks) & {"custom", "extra", "cf", "defined", "free", "additional", "misc"}
        or re.search(r"\d", name))


def _today_plus_year() -> dt.date:
    return dt.date.today() + dt.timedelta(days=366)


def _relations(name: str, rows: list[dict[str, Any]], others: list[str]
               ) -> tuple[str | None, str | None]:
    """(a column this one precedes by 14+ years in 90% of rows, a column preceding it)."""
    precedes = preceded = None
    for other in others:
        pairs: list[tuple[dt.date, dt.date]] = []
        for r in rows:
            a, b = _as_date(r.get(name)), _as_date(r.get(other))
            # open-ended sentinels (to_date 9999-01-01) say nothing about a birth date
            if a is not None and b is not None and b <= _today_plus_year():
                pairs.append((a, b))
        if len(pairs) < 10:
            continue
        if sum(_years(a, b) >= 14 for a, b in pairs) >= 0.9 * len(pairs):
            precedes = precedes or other
        if sum(b < a for a, b in pairs) >= 0.5 * len(pairs):
            preceded = preceded or other
    return precedes, preceded


# -- JSON ------------------------------------------------------------------------------


def _walk(node: Any, path: str, out: dict[str, list[Any]], limit: int) -> None:
    if isinstance(node, dict):
        for k, val in node.items():
            _walk(val, f"{path}.{k}", out, limit)
    elif isinstance(node, list):
        for item in node:
            _walk(item, f"{path}[*]", out, limit)
    elif node is not None and not isinstance(node, bool):
        bucket = out.setdefault(path, [])
        if len(bucket) < limit and node not in bucket:
            bucket.append(node)


def walk_json(doc: Any, out: dict[str, list[Any]], limit: int = 1000) -> None:
    """The leaf values of a JSON document by path (``$.a.b``, ``$.list[*]``) into ``out``."""
    _walk(doc, "$", out, limit)


def parse_json(value: Any) -> Any:
    """A JSON document from a JSON column value (decoded or text), or None."""
    if isinstance(value, (dict, list)):
        return value
    if isinstance(value, (str, bytes)):
        s = value.strip()
        if s[:1] in ("{", "[") if isinstance(s, str) else s[:1] in (b"{", b"["):
            try:
                return json.loads(s)
            except ValueError:
                return None
    return None


def looks_like_json(values: list[Any]) -> bool:
    docs = [parse_json(x) for x in values[:50]]
    return bool(docs) and sum(isinstance(d, (dict, list)) for d in docs) >= 0.9 * len(docs)


def _path_key_names(path: str) -> list[str]:
    keys = [k.replace("[*]", "") for k in path.lstrip("$").split(".") if k]
    keys = [k for k in keys if k]
    if not keys:
        return []
    last = keys[-1]
    out = [last]
    if len(keys) >= 2:
        out += [f"{last}_{keys[-2]}", f"{keys[-2]}_{last}"]
    return out


# share of a bare ``name`` key's values that must read as a person's name (a dictionary
# first name first): as for a ``name`` column of a table of unknown subject
JSON_NAME_SHARE = 0.3


def json_verdict(values: list[Any], engine: Analyzer, limit: int = 1000,
                 column: str | None = None) -> Verdict:
    """Findings per key path; the column entity is JSON when any path holds personal data.

    Leaves of a top-level list (``$[*]``) have no key of their own: the column's name is
    theirs (seventeenth pass: ChurchCRM's ``usr_TwoFactorAuthRecoveryCodes``, a JSON list
    of codes, is judged as recovery codes)."""
    leaves: dict[str, list[Any]] = {}
    docs = 0
    for x in values:
        doc = parse_json(x)
        if doc is not None:
            docs += 1
            _walk(doc, "$", leaves, limit)
    v = Verdict(sampled=docs, signals=["json"])
    for path, vals in sorted(leaves.items()):
        named = f"$.{column}" if column and path in ("$", "$[*]") else path
        pv = _path_verdict(named, vals, engine)
        if pv.weak_name and pv.hits.get(PERSON_LIKE, 0) < JSON_NAME_SHARE * max(1, pv.sampled):
            # a bare ``name`` key with no table to judge it by: a person's only when its
            # values read as people's names (a payment method's "Cash On Delivery" does not)
            continue
        if pv.entity:
            v.paths[path] = pv.entity
            v.path_chars[path] = (pv.letters, pv.others)
            v.hits[path] = pv.hits.get(pv.entity, 0) or pv.sampled
            v.examples += pv.examples[:1]
            v.confidence = max(v.confidence, pv.confidence)
    if v.paths:
        v.entity = JSON
    return v


def key_verdict(key: str, vals: list[Any], engine: Analyzer) -> Verdict:
    """The values stored under one key of a key-value table, judged like a JSON path of
    that name (``profile.city`` reads as a city column)."""
    return _path_verdict(f"$.{key}", vals, engine)


def _path_verdict(path: str, vals: list[Any], engine: Analyzer) -> Verdict:
    names = _path_key_names(path)
    matches = [(n, m) for n in names if (m := N.match(n)) is not None]
    key, nm = matches[0] if matches else (names[0] if names else path, None)
    if nm is not None and nm.entity == N.DOB and vals and all(_as_date(x) for x in vals[:20]):
        return Verdict(entity=N.DOB, confidence=0.8, sampled=len(vals), signals=[nm.signal])
    if nm is None and _birth_dates(vals):
        # custom fields keyed by number (OpenCart's ``{"1": …, "2": "1978-04-11"}``): the
        # key says nothing, the dates are a population's birth dates
        return Verdict(entity=N.DOB, confidence=0.6, sampled=len(vals),
                       signals=["dates spread like birth dates"])
    texts = [x for x in vals if not isinstance(x, (int, float))] or vals
    return text_verdict(path, texts, engine, key_name=key)


# -- binary ----------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"), (b"\xff\xd8\xff", 0, "JPEG"), (b"GIF8", 0, "GIF"),
    (b"%PDF", 0, "PDF"), (b"BM", 0, "BMP"), (b"II*\x00", 0, "TIFF"), (b"MM\x00*", 0, "TIFF"),
    (b"WEBP", 8, "WEBP"), (b"ftypheic", 4, "HEIC"), (b"PK\x03\x04", 0, "ZIP/Office"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Word/Excel (OLE)"),
    (b"\x15\x1c", 0, "OLE image"),  # an image wrapped in an OLE object (Access exports)
)


def magic(prefix: bytes) -> str | None:
    """The file type a value's first bytes announce (PNG, JPEG, PDF...), or None."""
    for sig, offset, label in _MAGIC:
        if prefix[offset:offset + len(sig)] == sig:
            if label == "BMP" and prefix[6:10] != bytes(4):
                continue  # "BM" starts text too; a bitmap's reserved bytes are zero
            return label
    return None


def _as_bytes(x: Any) -> bytes | None:
    if isinstance(x, (bytes, bytearray, memoryview)):
        return bytes(x)
    if isinstance(x, str):
        return x.encode("utf-8", "surrogateescape")
    return None


def binary_verdict(name: str, values: list[Any], engine: Analyzer) -> Verdict:
    """What the first bytes of binary values are: images and documents by their magic
    numbers, text (stored as bytes) judged as text. A photo's column name is a finding."""
    prefixes = [b for b in (_as_bytes(x) for x in values) if b]
    nm = N.match(name)
    kinds = Counter(magic(p) or ("text" if _is_text(p) else "binary") for p in prefixes)
    v = Verdict(sampled=len(prefixes), hits={f"CONTENT_{k}": c for k, c in kinds.items()})
    if nm:
        v.signals.append(nm.signal)
    if kinds:
        top, count = kinds.most_common(1)[0]
        v.content = top
        v.signals.append(f"content:{top}={count}/{len(prefixes)}")
        if top == "text":
            texts = [p.decode("utf-8", "replace") for p in prefixes]
            tv = text_verdict(name, texts, engine)
            if tv.is_pii:
                tv.signals = v.signals + tv.signals
                tv.content = "text"
                return tv
    else:
        v.signals.append("no value sampled")
    if nm is not None and nm.entity == N.PHOTO:
        v.entity, v.confidence = N.PHOTO, 0.7
    elif nm is not None and nm.entity == N.CREDENTIAL:
        v.entity, v.confidence = N.CREDENTIAL, 0.7
    elif nm is not None and nm.entity == N.IP and prefixes and \
            sum(len(p) in (4, 16) for p in prefixes) >= 0.9 * len(prefixes):
        # an address packed in 4 or 16 bytes (INET6_ATON, inet_pton)
        v.entity, v.confidence = N.IP, 0.8
        v.signals.append("packed-ip")
    return v


# a picture as base64 text: a data URI, or the base64 of a PNG's, a JPEG's or a GIF's
# first bytes
_DATA_URI_IMAGE = re.compile(r"^data:image/([a-z+.-]{2,20});base64,", re.IGNORECASE)
_GRAVATAR = re.compile(r"^(?:https?:)?//(?:[a-z0-9-]+\.)?gravatar\.com/avatar/[0-9a-f]{32,64}\b",
                       re.IGNORECASE)
# the profile picture of an account at a sign-in provider, copied at sign-in (eighteenth
# pass: Rallly's ``users.image``, Google's in two thirds): the URL is the account's own,
# as a Gravatar is the e-mail's. A provider's static assets (logos) are under other paths.
# the push services of browsers and of UnifiedPush distributors (ntfy's ``/up`` and
# twelve random characters, a digit or dash among them: ``/upcomingEvents`` is a page):
# the subscription's random path is what lets a sender reach the device
_PUSH_ENDPOINT = re.compile(
    r"^https://(?:(?:fcm\.googleapis\.com/(?:fcm/send|wp)/|updates\.push\.services\."
    r"mozilla\.com/wpush/|[a-z0-9.-]+\.notify\.windows\.com/w/\?token=|web\.push\.apple"
    r"\.com/)[A-Za-z0-9_%=?&:/.-]{10,}|[a-z0-9.-]+/up(?=[^/]*[0-9_-])[A-Za-z0-9_-]{12}(?:\?up=1)?)$")
_PROVIDER_PICTURE = re.compile(
    r"^https://(?:lh[3-6]\.googleusercontent\.com/(?:a|a-)/[\w-]{20,}"
    r"|avatars\.githubusercontent\.com/u/\d+"
    r"|graph\.facebook\.com/(?:v[\d.]+/)?\d+/picture"
    r"|platform-lookaside\.fbsbx\.com/platform/profilepic/"
    r"|pbs\.twimg\.com/profile_images/\d+/"
    r"|media\.licdn\.com/dms/image/[\w-]+/profile-displayphoto)", re.IGNORECASE)
_ENCODED_BLOB = re.compile(r"^(?:[0-9A-Fa-f]{100,}|[A-Za-z0-9+/]{100,}={0,2})$")
ENCODED_DRAWING_SHARE = 0.8
MIN_DRAWING_LENGTHS = 3


def _encoded_drawings(present: list[str]) -> bool:
    """Long hex or base64 values of varying lengths in most of ``present``: a drawing's
    data (a signature pad's strokes), whose length follows the strokes. A cryptographic
    signature has the one length of its key and stays."""
    blobs = [x for x in present if _ENCODED_BLOB.match(x)]
    return len(blobs) >= max(2, ENCODED_DRAWING_SHARE * len(present)) and \
        len({len(x) for x in blobs}) >= MIN_DRAWING_LENGTHS


_BASE64_MAGIC = (("iVBORw0KGgo", "PNG"), ("/9j/", "JPEG"), ("R0lGOD", "GIF"))
# documents as base64 (seventeenth pass: Documenso's ``DocumentData.data``, a signed PDF
# kept as base64 text beside the storage paths of the others)
_BASE64_DOCUMENTS = (("JVBERi0", "PDF"), ("UEsDB", "ZIP/Office"), ("0M8R4KGx", "Word/Excel (OLE)"))
BASE64_DOCUMENT_SHARE = SHAPED_SHARE  # base64 documents and file paths among the values


def _base64_kind(v: str, starts: tuple[tuple[str, str], ...]) -> str | None:
    """The kind whose base64 signature a long unbroken value starts with, or None (a
    short value, or words, are not a file)."""
    if len(v) >= 64 and " " not in v[:64]:
        return next((kind for start, kind in starts if v.startswith(start)), None)
    return None


def base64_document(value: str) -> str | None:
    """The kind of document a text value is as base64 (a bare ``JVBERi0…``, a PDF), or
    None."""
    return _base64_kind(value.strip(), _BASE64_DOCUMENTS)


def base64_image(value: str) -> str | None:
    """The kind of picture a text value is as base64 (``data:image/png;base64,…`` or a
    bare ``iVBORw0KGgo…``), or None."""
    v = value.strip()
    if (m := _DATA_URI_IMAGE.match(v)) is not None:
        kind = m.group(1).upper()
        return {"JPG": "JPEG", "SVG+XML": "SVG"}.get(kind, kind)
    return _base64_kind(v, _BASE64_MAGIC)


def _is_text(prefix: bytes) -> bool:
    try:
        text = prefix.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte character may be cut at the end of the prefix
        text = prefix[:-3].decode("utf-8", "replace")
        if "\ufffd" in text:
            return False
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return bool(text) and printable >= 0.95 * len(text)
