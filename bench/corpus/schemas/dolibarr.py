"""Dolibarr (PHP ERP/CRM, MySQL): a held-out schema (issue #10), labelled before any scan
and never tuned on. Dolibarr keeps one ``CREATE TABLE`` per file under
``htdocs/install/mysql/tables/`` (``llx_`` prefix); ten of them here, stored versions
(commits in ``SOURCE``), column subsets of the wide ``llx_user``, ``llx_societe`` and
``llx_adherent``. Foreign keys live in separate ``.key.sql`` files and are not declared
here: references are generated as values without a constraint.

Tables: countries (lookup), users (employees: login, clear and hashed passwords, reset
and API keys, home address, birth date, private and office phones, social networks as
JSON, HTML signature, salary, last login IPs, a Windows SID), third parties
(``llx_societe``: companies and, in 40% of rows, private individuals, ``fk_typent`` 8,
with their home address, phone, e-mail and geocoding; company registration numbers,
the IP of public sign-ups), contacts of third parties (``llx_socpeople``: people, with
private and mobile phones, Jabber and Skype ids, birthdays, private notes), association
members (``llx_adherent``: people, with a login and a password kept in clear by design
in ``pass``), the third parties' web portal and Stripe accounts (login, password hash,
the customer's Stripe id), per-user parameters, the global settings table
(``llx_const``: company identity, an encrypted SMTP password, the managers' names in one
row), the security event log (logins and failed logins naming the login, with IP) and
the document index (file names that sometimes name a person, the original path on the
uploader's computer).
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "Dolibarr/dolibarr",
          "path": "htdocs/install/mysql/tables/{llx_c_country,llx_user,llx_societe,"
                  "llx_socpeople,llx_adherent,llx_societe_account,llx_user_param,llx_const,"
                  "llx_events,llx_ecm_files}.sql",
          "commit": "llx_c_country @ 007f18bcf750734333f43f188df7c0fdcfa5e277; llx_user @ "
                    "051f951d9970a1048e025f3fe5605171cbd597a1; llx_societe @ "
                    "06540a65af268707d477eca73e0bc4971af6022b; llx_socpeople @ "
                    "00856eb2779cad09fe5a90f95de97fe9fd7f4dfe; llx_adherent @ "
                    "00a4e17908484f2f13456f8b22079d881ac8fd5b; llx_societe_account @ "
                    "051f951d9970a1048e025f3fe5605171cbd597a1; llx_user_param @ "
                    "03711cf6f285929dc40d5bea842b6070a4f8686d; llx_const @ "
                    "0a55ba32f8093805911e2879868fa94b28fd9621; llx_events @ "
                    "03711cf6f285929dc40d5bea842b6070a4f8686d; llx_ecm_files @ "
                    "3396dfc7f60f31dc3660d7238638be043509354f"}
PERSON_TABLES = ("llx_user", "llx_socpeople", "llx_adherent")

V = sa.String
T = sa.Text
DT = sa.DateTime
D = sa.Date
I = sa.Integer  # noqa: E741
SI = sa.SmallInteger
TI = tinyint()
DBL = sa.Float

COUNTRIES = [(1, "FR", "FRA", "France"), (2, "BE", "BEL", "Belgium"), (3, "IT", "ITA", "Italy"),
             (4, "ES", "ESP", "Spain"), (5, "DE", "DEU", "Germany"),
             (6, "CH", "CHE", "Switzerland"), (7, "GB", "GBR", "United Kingdom"),
             (11, "US", "USA", "United States"), (14, "CA", "CAN", "Canada"),
             (17, "NL", "NLD", "Netherlands"), (25, "PT", "PRT", "Portugal"),
             (184, "PL", "POL", "Poland")]
N_USER = 25
N_SOC = 150


def _country(c):  # type: ignore[no-untyped-def]
    return c.rng.choice([1, 1, 1, 2, 3, 4, 5, 6, 7, 11, 14, 17, 25, 184])


def _blank(g, share):  # type: ignore[no-untyped-def]
    def f(c):  # type: ignore[no-untyped-def]
        return "" if c.rng.random() < share else G[g](c)
    return f


def _socialnetworks(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.55:
        return "[]"
    u = c.person["username"]
    out = {}
    if c.rng.random() < 0.7:
        out["linkedin"] = f"{u.replace('_', '-')}-{c.rng.randint(10, 999)}"
    if c.rng.random() < 0.5:
        out["skype"] = f"live:.cid.{G['token'](_p(c, n=16, style='hex'))}"
    if c.rng.random() < 0.3:
        out["twitter"] = u
    return json.dumps(out)


def _signature(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.4:
        return None
    p = c.person
    return (f"<p>{p['first']} {p['last']}<br>{c.rng.choice(['Comptable', 'Sales', 'CEO'])}"
            f"<br>Tel. {G['phone'](c)}</p>")


def _photo(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([f"IMG_{c.rng.randint(1000, 9999)}.jpg",
                         f"{p['first'].lower()}.{p['last'].lower()}.jpg", "avatar.png"])


def _typent(c):  # type: ignore[no-untyped-def]
    return 8 if c.row["_private"] else c.rng.choice([2, 3, 4, 5, None])


SOC_NOTES = ["", "Bon client, paie à 30 jours", "Call {first} before 10am: {phone}",
             "Contact principal : {first2} {last2}", "Relance envoyée", "VIP"]


def _soc_field(kind):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        priv = c.row.get("_private")
        f = c.person["f"]
        if kind == "nom":
            priv = c.row["_private"] = c.rng.random() < 0.4
            if priv:
                return c.rng.choice([f"{c.person['first']} {c.person['last']}",
                                     f"{c.person['last'].upper()} {c.person['first']}"])
            return G["company"](c)
        if kind == "email":
            if priv:
                return c.person["email"]
            return f"{c.rng.choice(['contact', 'info', 'compta', 'sales'])}@" \
                   f"{G['slug'](c)}.example.com"
        if kind == "url":
            return None if priv or c.rng.random() < 0.3 else f"https://www.{G['slug'](c)}.example"
        if kind in ("siren", "siret", "tva_intra"):
            if priv:
                return None
            n = c.rng.randint(100000000, 999999999)
            return {"siren": str(n), "siret": f"{n}{c.rng.randint(10000, 99999)}",
                    "tva_intra": f"FR{c.rng.randint(10, 99)}{n}"}[kind]
        if kind == "capital":
            return None if priv else float(c.rng.choice([1000, 10000, 37000, 150000]))
        if kind == "address":
            return f.street_address()
        raise KeyError(kind)
    return g


def _morphy(c):  # type: ignore[no-untyped-def]
    return "mor" if c.rng.random() < 0.15 else "phy"


CONSTS = [("MAIN_VERSION_LAST_INSTALL", "19.0.2", "chaine"),
          ("MAIN_INFO_SOC_NOM", "Atelier Rousseau SARL", "chaine"),
          ("MAIN_INFO_SOC_ADDRESS", "12 rue des Lilas", "chaine"),
          ("MAIN_INFO_SOC_ZIP", "69003", "chaine"), ("MAIN_INFO_SOC_TOWN", "Lyon", "chaine"),
          ("MAIN_INFO_SOC_COUNTRY", "1:FR:France", "chaine"),
          ("MAIN_INFO_SOC_TEL", "+33 4 72 00 00 00", "chaine"),
          ("MAIN_INFO_SOC_MAIL", "contact@atelier-rousseau.example", "chaine"),
          ("MAIN_INFO_SOC_MANAGERS", None, "chaine"),
          ("MAIN_INFO_SIREN", "812345678", "chaine"), ("MAIN_INFO_TVAINTRA", "FR12812345678",
                                                       "chaine"),
          ("MAIN_MONNAIE", "EUR", "chaine"), ("MAIN_LANG_DEFAULT", "auto", "chaine"),
          ("MAIN_MAIL_SMTP_SERVER", "smtp.example.com", "chaine"),
          ("MAIN_MAIL_SMTPS_ID", "notifications@atelier-rousseau.example", "chaine"),
          ("MAIN_MAIL_SMTPS_PW", None, "encrypted"),
          ("MAIN_SECURITY_SALT", None, "chaine"),
          ("MAIN_MODULE_SOCIETE", "1", "string"), ("MAIN_MODULE_ADHERENT", "1", "string"),
          ("MAIN_MODULE_FACTURE", "1", "string"), ("MAIN_MODULE_STRIPE", "1", "string"),
          ("MAIN_THEME", "eldy", "chaine"), ("MAIN_SIZE_LISTE_LIMIT", "25", "chaine"),
          ("SOCIETE_CODECLIENT_ADDON", "mod_codeclient_monkey", "chaine"),
          ("STRIPE_LIVE_PUBLISHABLE_KEY", None, "chaine"),
          ("MAIN_SECURITY_HASH_ALGO", "password_hash", "chaine"),
          ("MAIN_APPLICATION_TITLE", "Dolibarr", "chaine"),
          ("ADHERENT_MAIL_FROM", "asso@atelier-rousseau.example", "chaine"),
          ("MAIN_FIRST_TO_UPGRADE", "19.0.2", "chaine"),
          ("MAIN_ENABLE_LOG_TO_HTML", "0", "chaine")]


def _const_value(c):  # type: ignore[no-untyped-def]
    name, value, _ = CONSTS[c.index]
    if value is not None:
        return value
    if name == "MAIN_INFO_SOC_MANAGERS":
        return f"{c.person['first']} {c.person['last']}"
    if name == "MAIN_MAIL_SMTPS_PW":
        return f"dolcrypt:AES-256-CTR:{G['token'](_p(c, n=16, style='hex'))}:" \
               f"{G['token'](_p(c, n=24, style='b64'))}"
    if name == "STRIPE_LIVE_PUBLISHABLE_KEY":
        return "pk_live_" + G["token"](_p(c, n=40, style="url"))
    return G["token"](_p(c, n=32, style="hex"))


EVENTS = ["USER_LOGIN", "USER_LOGIN", "USER_LOGIN", "USER_LOGOUT", "USER_LOGIN_FAILED",
          "USER_MODIFY", "USER_NEW_PASSWORD", "USER_CREATE"]


def _event_desc(c):  # type: ignore[no-untyped-def]
    t = c.row["type"]
    u = c.person["username"]
    if t == "USER_LOGIN":
        return f"(UserLogged,{u}) - TZ=1;TZString=Europe/Paris;Screen=1920x969"
    if t == "USER_LOGIN_FAILED":
        return f"(ErrorBadValueForLoginOrPassword,{u}) - TZ=1;TZString=Europe/Paris"
    if t == "USER_LOGOUT":
        return f"(UserLogoff,{u})"
    if t == "USER_MODIFY":
        return f"User {u} modified"
    if t == "USER_NEW_PASSWORD":
        return f"Password change for {u}"
    return f"User {u} created"


def _ecm_name(c):  # type: ignore[no-untyped-def]
    p = c.person
    r = c.rng.random()
    if r < 0.15:
        name = c.rng.choice([f"CNI_{p['last']}_{p['first']}.pdf", f"RIB {p['first']} "
                             f"{p['last']}.pdf", f"contrat_{p['last'].lower()}.pdf"])
    else:
        name = c.rng.choice([f"FA2401-{c.rng.randint(1, 999):04d}.pdf",
                             f"PR2312-{c.rng.randint(1, 999):04d}.pdf", "logo.png",
                             "photo.jpg", "bon_de_commande.odt"])
    c.row["_name"] = name
    return name


def _fullpath(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return None
    u = c.person["username"]
    return c.rng.choice([f"C:\\Users\\{u}\\Documents\\{c.row['_name']}",
                         f"/home/{u}/Téléchargements/{c.row['_name']}",
                         c.row["_name"]])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "llx_c_country", len(COUNTRIES),
          col("rowid", I, lambda c: COUNTRIES[c.index][0], pk=True),
          col("code", V(2), lambda c: COUNTRIES[c.index][1]),
          col("code_iso", V(3), lambda c: COUNTRIES[c.index][2]),
          col("label", V(50), lambda c: COUNTRIES[c.index][3]),
          col("active", TI, lambda c: 1),
          col("favorite", TI, lambda c: int(c.index == 0)))
    table(md, "llx_user", N_USER,
          col("rowid", I, pk=True, auto=True),
          col("entity", I, lambda c: 1),
          col("employee", TI, lambda c: int(c.rng.random() < 0.85)),
          col("datec", DT, "datetime"),
          col("tms", DT, "datetime"),
          col("fk_user_creat", I, lambda c: 1 if c.index else None, nullable=True),
          col("login", V(50), lambda c: "admin" if c.index == 0 else c.person["username"]),
          col("pass", V(128), lambda c: c.rng.choice(["Summer2023!", "dolibarr", "azerty123",
                                                      "Motdepasse1"]), null=0.9),
          col("pass_crypted", V(128), lambda c: G["password_hash"](_p(c, style="bcrypt12"))
              if c.rng.random() < 0.8 else G["password_hash"](_p(c, style="md5")),
              null=0.05),
          col("pass_temp", V(128), lambda c: G["token"](_p(c, n=20, style="url")), null=0.9),
          col("api_key", V(128), lambda c: "dolcrypt:AES-256-CTR:" + G["token"](_p(
              c, n=16, style="hex")) + ":" + G["token"](_p(c, n=32, style="b64"))
              if c.rng.random() < 0.5 else G["token"](_p(c, n=32, style="url")), null=0.7),
          col("gender", V(10), lambda c: "man" if c.person["male"] else "woman", null=0.4),
          col("civility", V(6), lambda c: c.rng.choice(["MR", "MME", "MLE", "DR"]), null=0.5),
          col("lastname", V(50), "last_name"),
          col("firstname", V(50), "first_name", null=0.05),
          col("address", V(255), lambda c: c.person["f"].street_address(), null=0.4),
          col("zip", V(25), "postcode", null=0.4),
          col("town", V(50), "city", null=0.4),
          col("fk_country", I, _country, null=0.3),
          col("birth", D, "dob", null=0.5),
          col("job", V(128), lambda c: c.rng.choice(["Comptable", "Commercial", "Directeur",
                                                     "Technicien", "Stagiaire"]), null=0.3),
          col("office_phone", V(20), "phone", null=0.4),
          col("user_mobile", V(20), "phone", null=0.5),
          col("personal_mobile", V(20), "phone", null=0.7),
          col("email", V(255), "email", null=0.05),
          col("personal_email", V(255), lambda c: G["email"](c), null=0.8),
          col("socialnetworks", T, _socialnetworks, nullable=True),
          col("signature", T, _signature, nullable=True),
          col("admin", SI, lambda c: int(c.index == 0 or c.rng.random() < 0.1)),
          col("fk_soc", I, lambda c: c.rng.randint(1, N_SOC), null=0.9),
          col("fk_user", I, lambda c: c.rng.randint(1, c.index) if c.index else None,
              null=0.3),
          col("note", T, lambda c: c.rng.choice(["", "Temps partiel", "Congé maternité "
                                                 "jusqu'au 3 mars", "Formation Dolibarr"]),
              null=0.6),
          col("salary", DBL, lambda c: float(c.rng.randint(22000, 90000)), null=0.5),
          col("dateemployment", D, "date", null=0.4),
          col("datelastlogin", DT, "datetime", null=0.1),
          col("iplastlogin", V(250), "ip", null=0.1),
          col("ippreviouslogin", V(250), "ip", null=0.2),
          col("ldap_sid", V(255), lambda c: f"S-1-5-21-{c.rng.randint(10**9, 4 * 10**9)}-"
              f"{c.rng.randint(10**9, 4 * 10**9)}-{c.rng.randint(1000, 9999)}", null=0.8),
          col("statut", TI, lambda c: int(c.rng.random() < 0.9)),
          col("photo", V(255), _photo, null=0.6),
          col("lang", V(6), lambda c: c.rng.choice(["fr_FR", "en_US", "de_DE"]), null=0.5))
    table(md, "llx_societe", N_SOC,
          col("rowid", I, pk=True, auto=True),
          col("nom", V(128), _soc_field("nom")),
          col("name_alias", V(128), lambda c: None if c.row["_private"] or
              c.rng.random() < 0.7 else G["company"](c).split()[0], nullable=True),
          col("entity", I, lambda c: 1),
          col("status", TI, lambda c: int(c.rng.random() < 0.9)),
          col("code_client", V(24), lambda c: f"CU2401-{c.index + 1:05d}", null=0.2,
              unique=True),
          col("code_fournisseur", V(24), lambda c: f"SU2401-{c.index + 1:05d}", null=0.8),
          col("address", V(255), _soc_field("address"), null=0.1),
          col("zip", V(25), "postcode", null=0.1),
          col("town", V(50), "city", null=0.1),
          col("fk_pays", I, _country),
          col("geolat", DBL, "lat", null=0.8),
          col("geolong", DBL, "lon", null=0.8),
          col("phone", V(30), "phone", null=0.2),
          col("phone_mobile", V(30), "phone", null=0.6),
          col("url", V(255), _soc_field("url"), nullable=True),
          col("email", V(128), _soc_field("email"), null=0.1),
          col("socialnetworks", T, _socialnetworks, nullable=True),
          col("fk_typent", I, _typent, nullable=True),
          col("siren", V(128), _soc_field("siren"), nullable=True),
          col("siret", V(128), _soc_field("siret"), nullable=True),
          col("tva_intra", V(20), _soc_field("tva_intra"), nullable=True),
          col("capital", DBL, _soc_field("capital"), nullable=True),
          col("note_private", T, lambda c: G["template"](_p(c, texts=SOC_NOTES)), null=0.4),
          col("note_public", T, lambda c: c.rng.choice(["", "Livraison le matin",
                                                        "Portail vert"]), null=0.6),
          col("client", TI, "choice", values=[0, 1, 1, 2, 3]),
          col("fournisseur", TI, "choice", values=[0, 0, 0, 1]),
          col("default_lang", V(6), lambda c: c.rng.choice(["fr_FR", "en_US"]), null=0.6),
          col("tms", DT, "datetime"),
          col("datec", DT, "datetime"),
          col("fk_user_creat", I, "int", lo=1, hi=N_USER, null=0.05),
          col("ip", V(250), "ip", null=0.85))
    table(md, "llx_socpeople", 200,
          col("rowid", I, pk=True, auto=True),
          col("datec", DT, "datetime"),
          col("tms", DT, "datetime"),
          col("fk_soc", I, ref="llx_societe.rowid", null=0.1),
          col("entity", I, lambda c: 1),
          col("ref_ext", V(128), lambda c: f"crm-{c.rng.randint(10000, 99999)}", null=0.9),
          col("civility", V(6), lambda c: c.rng.choice(["MR", "MME", "DR", ""]), null=0.3),
          col("lastname", V(50), "last_name"),
          col("firstname", V(50), "first_name", null=0.05),
          col("address", V(255), lambda c: c.person["f"].street_address(), null=0.4),
          col("zip", V(25), "postcode", null=0.4),
          col("town", V(255), "city", null=0.4),
          col("fk_departement", I, "int", lo=1, hi=100, null=0.5),
          col("fk_pays", I, _country),
          col("birthday", D, "dob", null=0.8),
          col("poste", V(80), lambda c: c.rng.choice(["Gérant", "Comptable", "Acheteur",
                                                      "Assistante", "DSI", ""]), null=0.3),
          col("phone", V(30), "phone", null=0.3),
          col("phone_perso", V(30), "phone", null=0.8),
          col("phone_mobile", V(30), "phone", null=0.5),
          col("fax", V(30), "phone", null=0.9),
          col("email", V(255), "email", null=0.1),
          col("jabberid", V(255), lambda c: f"{c.person['username']}@jabber.example.org",
              null=0.95),
          col("skype", V(255), lambda c: f"live:{c.person['username']}", null=0.85),
          col("no_email", SI, lambda c: int(c.rng.random() < 0.1)),
          col("priv", SI, lambda c: int(c.rng.random() < 0.05)),
          col("fk_user_creat", I, lambda c: c.rng.randint(0, N_USER), null=0.05),
          col("fk_user_modif", I, "int", lo=1, hi=N_USER, null=0.5),
          col("note_private", T, lambda c: G["template"](_p(c, texts=[
              "", "Assistante : {first2} {last2}, {phone}", "Ne pas appeler le lundi",
              "Perso : {email}", "Rencontré au salon de Lyon"])), null=0.5),
          col("note_public", T, lambda c: c.rng.choice(["", "Décideur", "Contact facturation"]),
              null=0.6),
          col("default_lang", V(6), lambda c: c.rng.choice(["fr_FR", "en_US", "de_DE"]),
              null=0.6),
          col("statut", TI, lambda c: int(c.rng.random() < 0.95)))
    table(md, "llx_adherent", 120,
          col("rowid", I, pk=True, auto=True),
          col("entity", I, lambda c: 1),
          col("ref_ext", V(128), lambda c: f"HA-{c.rng.randint(100000, 999999)}", null=0.8),
          col("gender", V(10), lambda c: "man" if c.person["male"] else "woman", null=0.3),
          col("civility", V(6), lambda c: c.rng.choice(["MR", "MME"]), null=0.4),
          col("lastname", V(50), "last_name"),
          col("firstname", V(50), "first_name"),
          col("login", V(50), "username", null=0.5),
          col("pass", V(50), lambda c: c.rng.choice(["bienvenue", "Asso2024", "123456",
                                                     G["token"](_p(c, n=10, style="url"))]),
              null=0.7),
          col("pass_crypted", V(128), "password_hash", null=0.5, style="bcrypt12"),
          col("fk_adherent_type", I, "int", lo=1, hi=4),
          col("morphy", V(3), _morphy),
          col("societe", V(128), lambda c: G["company"](c) if c.row["morphy"] == "mor" or
              c.rng.random() < 0.1 else None, nullable=True),
          col("fk_soc", I, lambda c: c.rng.randint(1, N_SOC), null=0.8),
          col("address", T, lambda c: c.person["f"].street_address(), null=0.2),
          col("zip", V(30), "postcode", null=0.2),
          col("town", V(50), "city", null=0.2),
          col("country", I, _country, null=0.1),
          col("email", V(255), "email", null=0.1),
          col("skype", V(255), lambda c: f"live:{c.person['username']}", null=0.9),
          col("phone", V(30), "phone", null=0.5),
          col("phone_perso", V(30), "phone", null=0.6),
          col("phone_mobile", V(30), "phone", null=0.3),
          col("birth", D, "dob", null=0.3),
          col("photo", V(255), _photo, null=0.8),
          col("statut", SI, "choice", values=[-1, 0, 1, 1, 1]),
          col("datefin", DT, "datetime", null=0.2),
          col("note_private", T, lambda c: G["template"](_p(c, texts=[
              "", "Cotisation payée en espèces", "Conjoint : {first2} {last}",
              "Tél. travail {phone}"])), null=0.5),
          col("datevalid", DT, "datetime", null=0.2),
          col("datec", DT, "datetime"),
          col("tms", DT, "datetime"),
          col("fk_user_author", I, "int", lo=1, hi=N_USER, null=0.3),
          col("fk_user_valid", I, "int", lo=1, hi=N_USER, null=0.3))
    table(md, "llx_societe_account", 80,
          col("rowid", I, pk=True, auto=True),
          col("entity", I, lambda c: 1, null=0.05),
          col("login", V(128), lambda c: c.person["email"] if c.rng.random() < 0.6 else
              c.person["username"]),
          col("pass_encoding", V(24), lambda c: "password_hash", null=0.4),
          col("pass_crypted", V(128), "password_hash", null=0.3, style="bcrypt12"),
          col("pass_temp", V(128), lambda c: G["token"](_p(c, n=24, style="url")), null=0.9),
          col("fk_soc", I, ref="llx_societe.rowid"),
          col("fk_website", I, lambda c: 1, null=0.5),
          col("site", V(128), lambda c: c.rng.choice(["stripe", "dolibarr_website"])),
          col("site_account", V(128), lambda c: "pk_live_" + G["token"](_p(
              c, n=24, style="url"))[:12] if c.row["site"] == "stripe" else None,
              nullable=True),
          col("key_account", V(128), lambda c: "cus_" + G["token"](_p(c, n=14, style="url"))
              if c.row["site"] == "stripe" else None, nullable=True),
          col("note_private", T, lambda c: c.rng.choice(["", "Migré depuis PrestaShop"]),
              null=0.7),
          col("date_last_login", DT, "datetime", null=0.4),
          col("date_previous_login", DT, "datetime", null=0.6),
          col("date_creation", DT, "datetime"),
          col("tms", DT, "datetime"),
          col("fk_user_creat", I, "int", lo=1, hi=N_USER),
          col("fk_user_modif", I, "int", lo=1, hi=N_USER, null=0.6),
          col("import_key", V(14), lambda c: "20240201080000", null=0.9),
          col("status", I, "choice", values=[0, 1, 1, 1]))
    table(md, "llx_user_param", 90,
          col("fk_user", I, "int", lo=1, hi=N_USER),
          col("entity", I, lambda c: 1),
          col("param", V(64), lambda c: c.rng.choice(
              ["MAIN_LANG_DEFAULT", "MAIN_SIZE_LISTE_LIMIT", "MAIN_THEME",
               "MAIN_SELECTEDFIELDS_thirdpartylist", "MAIN_BOXES_0",
               "MAIN_OPTIMIZEFORTEXTBROWSER", "MAIN_LANDING_PAGE"])),
          col("value", V(255), lambda c: {"MAIN_LANG_DEFAULT": "fr_FR",
                                          "MAIN_SIZE_LISTE_LIMIT": "50", "MAIN_THEME": "md",
                                          "MAIN_SELECTEDFIELDS_thirdpartylist":
                                          "s.nom,s.town,s.email,",
                                          "MAIN_BOXES_0": "1", "MAIN_OPTIMIZEFORTEXTBROWSER": "0",
                                          "MAIN_LANDING_PAGE": "/societe/list.php"}[
              c.row["param"]]),
          sa.UniqueConstraint("fk_user", "entity", "param"))
    table(md, "llx_const", len(CONSTS),
          col("rowid", I, pk=True, auto=True),
          col("name", V(180), lambda c: CONSTS[c.index][0]),
          col("entity", I, lambda c: 0 if c.index in (0, 28) else 1),
          col("value", T, _const_value),
          col("type", V(64), lambda c: CONSTS[c.index][2], null=0.05),
          col("visible", TI, lambda c: int(c.rng.random() < 0.5)),
          col("note", T, lambda c: "", null=0.8),
          col("tms", DT, "datetime"))
    table(md, "llx_events", 300,
          col("rowid", I, pk=True, auto=True),
          col("tms", DT, "datetime"),
          col("type", V(32), "choice", values=EVENTS),
          col("entity", I, lambda c: 1),
          col("dateevent", DT, "datetime"),
          col("fk_user", I, lambda c: None if c.row["type"] == "USER_LOGIN_FAILED" else
              c.rng.randint(1, N_USER), nullable=True),
          col("description", V(250), _event_desc),
          col("ip", V(32), lambda c: G["ipv4"](c) if c.rng.random() < 0.9 else "::1"),
          col("user_agent", V(255), "user_agent", null=0.1),
          col("fk_object", I, lambda c: c.rng.randint(1, N_USER) if c.row["type"] in (
              "USER_MODIFY", "USER_NEW_PASSWORD", "USER_CREATE") else None, nullable=True))
    table(md, "llx_ecm_files", 250,
          col("rowid", I, pk=True, auto=True),
          col("label", V(64), "token", n=32, style="hex"),
          col("entity", I, lambda c: 1),
          col("filepath", V(750), lambda c: c.rng.choice(
              [f"facture/FA2401-{c.rng.randint(1, 999):04d}", f"societe/{c.rng.randint(1, N_SOC)}",
               f"propale/PR2312-{c.rng.randint(1, 999):04d}", f"users/{c.rng.randint(1, N_USER)}",
               f"adherent/{c.rng.randint(1, 120)}"])),
          col("filename", V(255), _ecm_name),
          col("fullpath_orig", V(750), _fullpath, nullable=True),
          col("description", T, lambda c: c.rng.choice(["", "Scan"]), null=0.9),
          col("keywords", T, lambda c: "facture", null=0.95),
          col("cover", T, lambda c: "1", null=0.97),
          col("position", I, "int", lo=0, hi=10),
          col("gen_or_uploaded", V(12), "choice", values=["generated", "uploaded",
                                                          "uploaded"]),
          col("extraparams", V(255), lambda c: "{}", null=0.95),
          col("date_c", DT, "datetime"),
          col("date_m", DT, "datetime"),
          col("fk_user_c", I, "int", lo=1, hi=N_USER, null=0.1),
          col("fk_user_m", I, "int", lo=1, hi=N_USER, null=0.7),
          col("acl", T, lambda c: None, nullable=True))
    return md
