"""Column-name rules: what a column's name says about its content, in several languages.

Names are split into tokens (``dept_name`` -> ``dept``, ``name``; ``firstName`` ->
``first``, ``name``) and matched token by token, never by substring: ``dept_name``
contains "name" but is not a person's name, ``address1`` is an address and
``ip_addr`` an IP address. Multi-token phrases are tried before single tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Entity names used throughout discovery (Presidio's where it has one).
PERSON = "PERSON"
FIRST_NAME = "FIRST_NAME"
LAST_NAME = "LAST_NAME"
EMAIL = "EMAIL_ADDRESS"
PHONE = "PHONE_NUMBER"
SSN = "US_SSN"
NATIONAL_ID = "NATIONAL_ID"
PASSPORT = "PASSPORT"
DOB = "DATE_OF_BIRTH"
CARD = "CREDIT_CARD"
IBAN = "IBAN_CODE"
STREET = "STREET_ADDRESS"
CITY = "CITY"
POSTCODE = "POSTCODE"
IP = "IP_ADDRESS"
USERNAME = "USERNAME"
REGION = "REGION"  # state, province, county...: masked as part of an address
COUNTRY = "COUNTRY"  # judged with its address: coarse, kept with a reason
CREDENTIAL = "CREDENTIAL"  # password hashes, salts, tokens, session ids, secrets
PERSON_ID = "PERSON_ID"  # a number issued to one person: licence, NPI, MRN, account number
CARD_EXPIRY = "CARD_EXPIRY"  # a payment card's expiry date, kept with the card's other data
CARD_DIGITS = "CARD_DIGITS"  # part of a card number kept for display (its last four digits)
PHOTO = "PHOTO"  # binary content that shows or identifies a person
PROFILE_URL = "PROFILE_URL"  # a person's web page or profile URL
# the parts of a postal address, judged together (see classifiers.context)
ADDRESS_PARTS = (STREET, CITY, POSTCODE, REGION, COUNTRY)

# Phrases (tuples of tokens) -> entity. Longer phrases win over shorter ones.
_PHRASES: dict[tuple[str, ...], str] = {}


def _add(entity: str, *phrases: str) -> None:
    for p in phrases:
        _PHRASES[tuple(p.split())] = entity


_add(FIRST_NAME, "first name", "firstname", "given name", "givenname", "fname", "forename",
     "prenom", "prénom", "vorname", "nombre", "nome", "voornaam", "imie", "imię",
     "first nm", "middle name", "middlename")
_add(LAST_NAME, "last name", "lastname", "surname", "family name", "familyname", "lname",
     "nachname", "familienname", "apellido", "apellidos", "cognome", "achternaam",
     "nazwisko", "nom", "sobrenome", "last nm", "maiden name", "nom de famille")
_add(PERSON, "full name", "fullname", "nom complet", "contact person", "display name",
     "customer name", "client name", "contact name", "employee name", "emp name",
     "person name", "patient name", "owner name", "holder name",
     "cardholder", "card holder", "account holder", "beneficiary", "recipient name",
     "member name", "guest name", "student name", "nombre completo", "vollständiger name",
     # the name in the person's own script (sixteenth pass: Gibbon's
     # ``nameInCharacters``, Chinese or Korean beside the romanised name)
     "name in characters", "native name", "name native", "name in native script",
     "kanji name", "name kanji", "kana name", "name kana", "chinese name",
     "name chinese",
     # the name printed on a payment card, under the card's prefix (``cc_owner``)
     "cc owner", "card owner", "cc holder", "cc name", "name on card",
     "cardholder name", "card holder name")
_add(EMAIL, "email", "e mail", "mail", "emailaddress", "email address", "courriel",
     "correo", "correo electronico", "adresse mail", "mail address")
# a number texted or called (``sms_number``, Koha's ``smsalertnumber``)
_add(PHONE, "sms number", "sms alert number", "sms phone", "sms alert phone")
_add(PHONE, "phone", "tel", "telephone", "telefon", "telefono", "teléfono", "mobile",
     "mobil", "cell", "cellphone", "fax", "handy", "portable", "gsm", "msisdn",
     "phonenumber", "phone number", "phone no", "telefonnummer", "mobile number",
     "numero telephone", "rufnummer", "telefoon")
_add(SSN, "ssn", "social security", "social security number", "socialsecurity")
_add(NATIONAL_ID, "national id", "nationalid", "national identifier", "national insurance",
     "nino", "nir", "insee", "dni", "nie", "nif", "codice fiscale", "codicefiscale",
     "steuer id", "steuerid", "steuernummer", "idnr", "bsn", "pesel", "cpf", "tax id",
     "taxid", "tin", "personnummer", "aadhaar", "id number", "id card", "identity number",
     "numero secu", "numero securite sociale", "sozialversicherungsnummer", "svnr",
     # Canada's social insurance number, abbreviated (OrangeHRM's ``emp_sin_num``,
     # seventeenth pass): never ``sin`` alone (a sine)
     "social insurance number", "social insurance no", "sin num", "sin number", "sin no",
     "sin nr",
     )
# identifiers issued to one person: licences, health-care provider and record numbers,
# customer and member numbers (no national checksum to verify them by)
_add(PERSON_ID, "drivers license", "driver license", "drivers licence", "driver licence",
     "driving licence", "driving license", "license number", "licence number",
     "license no", "licence no", "dl number", "npi", "upin", "dea number", "mrn",
     "medical record number", "medical record no", "health insurance number",
     "account number", "account no", "customer number", "customer no", "member number",
     "membership number", "patient number", "patient no", "employee number",
     # documents issued to one person, and a bank account's number
     "visa no", "visa number", "permit no", "permit number", "work permit number",
     "identification id", "identification number", "identification no", "car plate",
     "license plate", "licence plate", "number plate", "plate number", "acc number",
     # a car's registration: its keeper's (Gibbon's ``vehicleRegistration``, sixteenth
     # pass)
     "vehicle registration", "vehicle registration number", "car registration",
     # a driver's licence abbreviated (OrangeHRM's ``emp_dri_lice_num``, seventeenth pass)
     "dri lice", "dri lic", "drv lic", "drv lice", "driver lic", "drivers lic",
     "driving lic", "dl num", "dl no",
     "registration plate", "vehicle plate", "vehicle reg",
     "acc no", "bank account number", "bank account no",
     # an ad network's click id, carried in the landing URL and kept by the site's
     # analytics (eighteenth pass: Umami's ``gclid``, ``fbclid``, ``li_fat_id``): the
     # network resolves it to the account of the person who clicked
     "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "ttclid", "twclid",
     "li fat id", "yclid", "irclickid", "epik", "sccid", "rdt cid", "qclid",
     # a patient's specimen number at the laboratory
     "accession number", "accession no")
# the last digits of a card number, kept beside its owner's name to show which card it is
# the code that opens a person's door or gate (a JSON key ``door_code``)
_add(CREDENTIAL, "door code", "gate code", "entry code", "entrance code", "building code",
     "keypad code", "alarm code", "digicode", "intercom code")
_add(CARD_DIGITS, "cc last", "card last", "cc last four", "card last four", "cc last digits",
     "card last digits", "last four", "pan last",
     # the first digits (issuer's BIN) kept beside them: with the last four and the
     # expiry they single out the card
     "cc first", "card first", "cc first digits", "card first digits", "cc first six",
     "card first six", "card bin", "cc bin")
_add(CARD_EXPIRY, "cc expires", "cc expiry", "card expires", "card expiry", "cc exp",
     "card exp", "expiry date card", "cc expiration", "card expiration")
_add(PASSPORT, "passport", "passport no", "passport number", "passeport", "reisepass",
     "pasaporte", "passaporto")
_add(DOB, "dob", "birth", "birthdate", "birthday", "date of birth", "dateofbirth",
     "birthtime", "birth time", "time of birth",
     "birth date", "born", "geburtsdatum", "geburtstag", "naissance", "date naissance",
     "date de naissance", "nacimiento", "fecha nacimiento", "fecha de nacimiento",
     "nascita", "data di nascita", "geboortedatum",
     # a date of death is as identifying as a birth date, and shifted the same way
     "deathdate", "death date", "date of death", "dod",
     # (eighteenth pass: Open Dental's ``DateTimeDeceased``; ``deceased`` alone is
     # as often a flag, which the values then show)
     "date deceased", "date time deceased", "datetime deceased", "deceased date",
     "deceased on", "died on", "date died", "death datetime", "date time of death")
_add(CARD, "card number", "cardnumber", "cc number", "ccnum", "cc no", "creditcard",
     "credit card", "pan", "card no", "kreditkarte", "carte bancaire")
_add(IBAN, "iban", "bank account", "account iban", "rib", "kontonummer")
_add(STREET, "address", "addr", "street", "strasse", "straße", "rue", "calle", "adresse",
     "direccion", "dirección", "indirizzo", "address line", "home address",
     "street address", "anschrift", "domicile", "residence",
     # the house number beside a street's name (Koha's ``streetnumber``)
     "streetnumber", "street number", "housenumber", "house number", "house no",
     "street no", "civic number")
_add(CITY, "city", "town", "ville", "stadt", "ort", "ciudad", "citta", "città", "wohnort",
     "localidad")
_add(POSTCODE, "zip", "zipcode", "zip code", "postcode", "postal code", "postalcode", "plz",
     "postleitzahl", "code postal", "codigo postal", "cp")
_add(USERNAME, "username", "user name", "login", "login name", "nickname", "nick name",
     "screen name", "screenname", "handle", "benutzername", "pseudo", "usuario",
     "poster name", "poster username", "commenter name")
# Accounts of a person elsewhere (social networks, messengers) and a person's own web
# site: only in a table about people (classifiers.context); a site's or a company's
# ``twitter`` or ``website`` is not personal data.
HANDLE_WORDS = frozenset("""
twitter facebook instagram linkedin github gitlab mastodon tiktok youtube telegram
whatsapp snapchat pinterest reddit discord icq jabber xmpp skype msn aim yim wlm yahoo
ymsgr wechat viber foursquare tumblr flickr vkontakte xing twitch bluesky keybase
behance dribbble soundcloud vimeo weibo threema
""".split()) | {
    # (nineteenth pass) an OpenID identifier: the URL that is the person's identity at
    # a provider (``https://<username>.myopenid.com/``, Chamilo's ``user.openid``)
    "openid"}
WEBSITE_PHRASES = ("website", "homepage", "home page", "webpage", "web page", "web site",
                   "personal website", "personal url", "blog url")
for _w in sorted(HANDLE_WORDS):
    _add(USERNAME, _w, f"{_w} handle", f"{_w} id", f"{_w} username", f"{_w} name")
_add(PROFILE_URL, *WEBSITE_PHRASES)
_add(REGION, "state", "province", "region", "county", "district", "prefecture", "canton",
     "bundesland", "departement", "state province", "stateprovince", "oblast",
     "voivodeship", "provincia", "estado", "regione",
     # a province abbreviated (OrangeHRM's ``provin_code`` beside ``city_code``,
     # seventeenth pass): judged with its address group as every region is
     "provin",
     # a region of a country (``country_area``, Saleor's name for a state or province;
     # ``zone``, OpenCart's and osCommerce's): judged with its address group, so a zone
     # without a street beside it (a shipping tariff's, a lookup's) stays
     "country area", "zone",
     # parts of a city: finer than the city itself
     "suburb", "neighbourhood", "neighborhood", "borough", "quarter", "barrio",
     "stadtteil", "quartier")
_add(COUNTRY, "country", "country code", "countrycode", "country name", "pays", "land code",
     "nation", "paese", "pais")
_add(CREDENTIAL, "password", "passwd", "pwd", "pass hash", "password hash", "hashed password",
     "password digest", "encrypted password", "crypted password", "salt", "password salt",
     "secret", "client secret", "secret key", "api key", "apikey", "api token",
     "access token", "refresh token", "auth token", "token", "session id", "sessionid",
     "session key", "session token", "otp secret", "totp secret", "mfa secret",
     "private key", "reset token", "remember token", "auth key", "passcode", "passwort",
     "mot de passe", "contrasena", "contraseña", "access key", "secret access key",
     # abbreviations and one-time secrets that application schemas use for the same
     "user pass", "admin pass", "login pass", "sesskey", "sess key", "sessid", "sess id",
     "session data", "activation key",
     "recovery code", "recovery codes", "backup code", "webauthn id",
     "confirmation token", "verification token", "unlock token", "persistence token",
     "single access token", "perishable token", "csrf token",
     # one-time keys mailed to a person: whoever holds one takes over the account
     "actkey", "act key", "activation code", "activation token", "activation hash",
     "reset key", "reset hash", "reset code", "confirm token", "confirmation key",
     # the shared secret of an authenticator app (stored in clear or encrypted)
     "totp key", "otp key", "mfa key", "totp seed", "otp seed",
     # an OAuth 1 consumer's key and secret (a person's, to import from their account at
     # Pocket or Twitter; an application's own are secrets too)
     "consumer key", "consumer secret",
     # the first characters of a person's API key, kept in clear to find the key by
     # (nineteenth pass: Plausible's ``api_keys.key_prefix``): part of the secret
     "key prefix", "api key prefix", "token prefix",
     # ``pass`` alone and its variants: a password under its shortest name (Dolibarr's
     # ``pass``, ``pass_temp``, ``pass_crypted``); ``pass_count``, ``pass_rate`` end in an
     # attribute word, and a ``pass`` of pass/fail flags is kept by its values
     "pass", "pass temp", "pass crypted", "pass encoded", "temp pass",
     # ``reset`` alone: the code a password-reset mail carries (Firefly's ``users.reset``);
     # ``reset_at``, ``reset_count`` end in an attribute word
     "reset")
# the same credentials written as one word, as Go, Java and some PHP schemas lower-case
# their field names (``refreshtoken``, ``mfasecret``, ``remembertoken``)
for _phrase, _entity in list(_PHRASES.items()):
    if _entity == CREDENTIAL and len(_phrase) > 1:
        _PHRASES.setdefault(("".join(_phrase),), CREDENTIAL)
# a hash or checksum of an e-mail address identifies its owner as well as the address
EMAIL_HASH_PHRASES = ("email hash", "email crc", "email checksum", "email digest",
                      "email md5", "email sha1", "mail hash")
_add(PERSON_ID, *EMAIL_HASH_PHRASES)
_add(PHOTO, "photo", "picture", "avatar", "portrait", "headshot", "selfie", "signature",
     "fingerprint", "mugshot", "face", "foto", "bild", "photograph", "profile image",
     "profile picture", "passport scan", "id scan")
_add(IP, "ip", "ip address", "ipaddr", "ip addr", "ipaddress", "ipv4", "ipv6",
     "remote addr", "client ip", "remote ip", "last ip")

# Upper-case exports (FIRST, LAST, MAIDEN) name the part alone: only as the whole name.
_WHOLE_NAME: dict[tuple[str, ...], str] = {
    ("first",): FIRST_NAME, ("middle",): FIRST_NAME, ("last",): LAST_NAME,
    ("maiden",): LAST_NAME, ("nicename",): USERNAME}

# "name" alone: a person's name only as the whole column name or after a word that
# names a person; "dept_name", "product_name", "file_name" are not.
_PERSON_QUALIFIERS = {
    "customer", "client", "contact", "user", "person", "employee", "emp", "owner",
    "patient", "member", "guest", "student", "buyer", "recipient", "holder", "driver",
    "manager", "sender", "applicant", "candidate", "tenant", "passenger", "visitor",
    "author", "signer", "account", "nick", "legal", "real", "friendly", "kunde",
    "kunden",
}

_MAX_PHRASE = max(len(p) for p in _PHRASES)


@dataclass(frozen=True)
class NameMatch:
    """A column-name rule that fired: the entity and the phrase that matched."""

    entity: str
    phrase: str

    @property
    def signal(self) -> str:
        return f"column-name:{self.phrase}"


_CAMEL = re.compile(r"(?<=[a-zà-ÿ0-9])(?=[A-Z])")


def tokens(name: str) -> list[str]:
    """Split a column or key name into lower-case word tokens."""
    spaced = _CAMEL.sub(" ", name)
    spaced = re.sub(r"(?<=[A-Za-zÀ-ÿ])(?=\d)|(?<=\d)(?=[A-Za-zÀ-ÿ])", " ", spaced)
    return [t for t in re.split(r"[^0-9a-zA-ZÀ-ÿ]+", spaced.lower()) if t and not t.isdigit()]


# Words that qualify whose or which contact a column is, glued before its word in
# schemas that write names without separators (Koha's ``altcontactaddress1``,
# ``altcontactzipcode``, ``smsalertnumber``): split off only when the whole head is made
# of them, so ``ipaddress``, ``macaddress``, ``branchaddress`` stay one unknown word.
GLUE_QUALIFIERS = frozenset("""
alt alternate alternative contact home work office mailing postal billing bill
shipping ship delivery other second secondary primary permanent current previous prev
temp temporary guarantor emergency parent guardian private personal business main sms
alert street house
""".split())
# the words a glued name may end with: the parts of an address and a person's contacts
_GLUE_TAILS = ("streetnumber", "housenumber", "address", "addr", "street", "city",
               "town", "state", "province", "county", "region", "zipcode", "zip",
               "postcode", "postalcode", "country", "phone", "mobile", "email",
               "number")


def _qualifiers(head: str) -> list[str] | None:
    """``altcontact`` -> ["alt", "contact"]; None unless made only of GLUE_QUALIFIERS."""
    if not head:
        return []
    for i in range(len(head), 1, -1):
        if head[:i] in GLUE_QUALIFIERS:
            rest = _qualifiers(head[i:])
            if rest is not None:
                return [head[:i], *rest]
    return None


def words(name: str) -> list[str]:
    """:func:`tokens`, with a glued qualifier split off a known last word
    (``altcontactaddress1`` -> alt, contact, address; ``smsalertnumber`` -> sms, alert,
    number). Other tokens are returned as they are."""
    out: list[str] = []
    for tok in tokens(name):
        for tail in _GLUE_TAILS:
            if tok.endswith(tail) and len(tok) > len(tail) and tok not in _GLUE_TAILS:
                quals = _qualifiers(tok[: -len(tail)])
                if quals:
                    out.extend([*quals, tail])
                    break
        else:
            out.append(tok)
    return out


def match(name: str) -> NameMatch | None:
    """The entity a column (or JSON key) name announces, or None.

    Longest phrase first, leftmost first; ``name`` alone only with a person word.
    """
    found = _match_tokens(tokens(name))
    if found is None:
        # plural keys ("phones", "emails", "addresses") name the same thing
        found = _match_tokens([_singular(t) for t in tokens(name)])
    if found is None and (glued := words(name)) != tokens(name):
        found = _match_tokens(glued)
    return found


def _singular(tok: str) -> str:
    if tok.endswith("sses") or tok.endswith("ses"):
        return tok[:-2]
    return tok[:-1] if tok.endswith("s") and len(tok) > 3 else tok


# A last word that makes the column an attribute of the thing its name starts with:
# ``email_verified_at``, ``password_expires``, ``AddressType``, ``card_approval_code``
# hold a time, a type or a code, not the e-mail, password, address or card itself
# (``login_theme``, ``password_policy``: a realm's look and its rules for passwords;
# ``phone_ext``: an extension alone reaches no one without the switchboard's number;
# ``pass_rate``, ``email_rate``: a share of them).
_ATTRIBUTE_SUFFIXES = frozenset("""
at on time timestamp ts date expire expires expiry expiration until authenticated verified
confirmed sent changed updated created count counter type kind format template summary
status flag flg enabled required valid approval length notification notifications notify
algo algorithm question
theme policy
ext extension encoding rate
""".split())
# where a person was born is coarse (a town or country, like a nationality), not the date
_BIRTH_PLACE_WORDS = frozenset({"place", "city", "town", "country", "location"})


def _match_tokens(toks: list[str]) -> NameMatch | None:
    found = _match_phrase(toks)
    if found is not None and found.entity == STREET and len(toks) > 1:
        # ``billing_address_country``, ``address_city``: the last word names the part
        # of the address the column holds (the leftmost "address" names the group)
        tail = _match_phrase(toks[-1:])
        if tail is not None and tail.entity in ADDRESS_PARTS and tail.entity != STREET:
            return tail
    if found is not None and len(toks) > 1 and toks[-1] in _ATTRIBUTE_SUFFIXES and \
            toks[-1] not in found.phrase.split():
        return None
    if found is not None and _of_a_template(toks, found):
        return None
    if found is not None and found.entity == CREDENTIAL and len(toks) > 1 and \
            toks[-1] in ENDPOINT_WORDS and found.phrase.split()[-1] == "token":
        # ``access_token_url``, ``token_endpoint``: where an OAuth provider issues
        # tokens, the same URL for every account (nineteenth pass: authentik's sources)
        return None
    if found is not None and found.entity == DOB and set(toks) & _BIRTH_PLACE_WORDS:
        return None  # place_of_birth, birth_city
    return found


ENDPOINT_WORDS = frozenset({"url", "uri", "endpoint"})


def _of_a_template(toks: list[str], found: NameMatch) -> bool:
    """``email_template_title``, ``sms_template_body``: "template" after the matched words
    makes everything after it an attribute of a message's template, whatever the last
    word (nineteenth pass: InvoicePlane's ``ip_email_templates.email_template_title``,
    ``Invoice``, ``Reminder``), as a last word ``template`` already does."""
    words = found.phrase.split()
    ends = [i + len(words) for i in range(len(toks)) if toks[i:i + len(words)] == words]
    return bool(ends) and "template" in toks[ends[0]:]


def _match_phrase(toks: list[str]) -> NameMatch | None:
    whole = _WHOLE_NAME.get(tuple(toks[-1:])) if len(toks) <= 2 else None
    if whole is not None and (len(toks) == 1 or toks[0] == "user"):
        return NameMatch(whole, " ".join(toks))
    best: tuple[int, int, str, tuple[str, ...]] | None = None
    for size in range(min(_MAX_PHRASE, len(toks)), 0, -1):
        for i in range(len(toks) - size + 1):
            phrase = tuple(toks[i : i + size])
            entity = _PHRASES.get(phrase)
            if entity is not None:
                best = (size, i, entity, phrase)
                break
        if best is not None:
            break
    if best is not None:
        return NameMatch(best[2], " ".join(best[3]))
    if "name" in toks:
        i = toks.index("name")
        if toks == ["name"] or (i > 0 and toks[i - 1] in _PERSON_QUALIFIERS):
            return NameMatch(PERSON, " ".join(toks[max(0, i - 1) : i + 1]))
    return None


# "name" alone or after a word that may name a company as well as a person: whether the
# column holds people's names is decided with the table (classifiers.context).
_WEAK_QUALIFIERS = {"customer", "client", "account", "owner", "holder", "buyer", "tenant",
                    "recipient", "sender", "display", "legal", "friendly", "real", "kunde",
                    "kunden", "member", "beneficiary"}


def is_handle(nm: NameMatch) -> bool:
    """Whether the match is an outside account or a web site (personal only in a table
    about people)."""
    toks = nm.phrase.split()
    return bool(toks) and (toks[0] in HANDLE_WORDS or nm.phrase in WEBSITE_PHRASES)


def is_weak_person(nm: NameMatch) -> bool:
    """Whether a PERSON match rests on a bare or ambiguous "name" (``customerName``)."""
    toks = nm.phrase.split()
    if nm.entity != PERSON:
        return False
    return toks == ["name"] or toks in (["beneficiary"], ["account", "holder"]) or (
        len(toks) == 2 and toks[1] == "name" and toks[0] in _WEAK_QUALIFIERS)


def looks_like_key_name(name: str) -> bool:
    """Whether a name reads as an identifier/key column (``id``, ``emp_no``, ``user_id``)."""
    toks = tokens(name)
    return bool(toks) and toks[-1] in {"id", "no", "nr", "num", "number", "key", "ref", "pk"}
