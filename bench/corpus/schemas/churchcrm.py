"""ChurchCRM (church membership and giving, PHP, MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. The tables as ``src/mysql/install/Install.sql``
creates them: 18 of its tables, all their columns. The install script declares no foreign
keys: every reference (``per_fam_ID``, ``nte_per_ID``, ``p2g2r_per_ID``, ``usr_per_ID``,
``plg_FamID``, ``r2p_record_ID``, ``tokens.reference_id``...) is generated as values.
``mediumint``/``smallint unsigned`` are plain integers here; ``enum`` columns are MySQL
``ENUM`` on MariaDB and ``VARCHAR`` elsewhere.

Tables: person_per (names, title, suffix, home address, three phones, two e-mails, birth
day, month and year in three columns, membership and "friend" dates, Facebook/Twitter/
LinkedIn handles, giving envelope number), family_fam (household name, address, home
phone and e-mail, wedding date, scanned check MICR line and credit-card scan string,
geocoded coordinates of the home), user_usr (login name, SHA-256 password hash, API key,
TOTP secret and recovery codes, forty permission and calendar columns), user settings,
pastoral notes about persons and families, groups and memberships, events, attendance
check-in/check-out, pledges and payments (comments naming people, MICR scan strings),
deposits, funds, properties assigned to persons with free-text values (e.g. the nature of
a disability), the "why did you come" survey, tokens, kiosk devices and locations.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import col, datetimes, enum, new_person, table, tinyint, token_of
from ..gen import with_params as _p

SOURCE = {"repo": "ChurchCRM/CRM", "path": "src/mysql/install/Install.sql",
          "commit": "0261c50955606bcc6c5d5c1c5d23d42fe9154378"}
PERSON_TABLES = ("person_per", "user_usr")

I = sa.Integer  # noqa: E741
S = sa.String
T = sa.Text
D = sa.Date
TS = sa.DateTime

N_FAM = 70
N_PER = 160
N_USR = 25

_ts = datetimes(2012, 2025)


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _micr(c):  # type: ignore[no-untyped-def]
    routing = "".join(str(c.rng.randint(0, 9)) for _ in range(9))
    acct = "".join(str(c.rng.randint(0, 9)) for _ in range(c.rng.randint(8, 12)))
    return c.rng.choice([f"t{routing}t{acct}o{c.rng.randint(100, 9999)}",
                         f"<{routing}< {acct}< {c.rng.randint(100, 9999)}",
                         f"{routing} {acct}"])


def _card_scan(c):  # type: ignore[no-untyped-def]
    p = c.person
    return f"%B{G['card'](c).replace(' ', '')}^{p['last'].upper()}/{p['first'].upper()}^" \
           f"{c.rng.randint(25, 31)}{c.rng.randint(1, 12):02d}101?"


def _note(c):  # type: ignore[no-untyped-def]
    n = _name(c)
    return c.rng.choice([
        f"Visited {n} in hospital after her surgery; family asks for prayer.",
        f"Pastor called {n} about baptism classes, call back at {G['phone'](c)}.",
        "Moved to another city, transfer letter sent.",
        "Requested offering envelopes for next year.",
        f"{n} is grieving the loss of a parent; meals organised for two weeks.",
        "Interested in joining the choir.",
        f"Marriage counselling with {n}, sessions on Tuesdays.",
        "Updated address after move.", "No contact for six months.",
        f"Sponsor for confirmation: {n}.",
    ])


def _plg_comment(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.4:
        return None
    if r < 0.55:
        return f"In memory of {_name(c)}"
    if r < 0.62:
        return f"On behalf of {_name(c)}"
    return c.rng.choice(["", "Building fund", "Year-end gift", "Online via bank", "Cash plate",
                         "Missions", "Correction of previous entry"])


def _why(kind: str):  # type: ignore[no-untyped-def]
    def gen(c):  # type: ignore[no-untyped-def]
        n = _name(c)
        options = {
            "join": [f"My wife {c.person['first']} and I wanted a church for the kids.",
                     "Looking for a community after moving here.", "The youth group.",
                     f"Invited by {n}.", "Liked the sermons online.", ""],
            "come": ["Friendly people.", f"My neighbour {n} brought me.", "The music.",
                     "Close to home.", "Bible study on Wednesdays.", ""],
            "suggest": ["More parking.", "Childcare during evening service.",
                        "Shorter announcements.", "Coffee after service.", ""],
            "hear": ["Website", "Facebook", f"Friend: {n}", "Drove by", "Flyer",
                     f"{n} from work", "Radio", "Wedding of a friend"],
        }[kind]
        return c.rng.choice(options)
    return gen


def _prop_value(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["Wheelchair user", "Hearing impaired, sits in front row",
                         "Type 1 diabetes", "", "Blind", f"Carer: {_name(c)}",
                         "Lives alone", "Single mother of three", "Visual impairment"])


def _ucfg_value(c):  # type: ignore[no-untyped-def]
    return c.rng.choice(["1", "0", "", "10", "skin-blue", "en_US", "1"])


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "family_fam", N_FAM,
          col("fam_ID", I, pk=True, auto=True),
          col("fam_Name", S(50), "last_name", null=0.02),
          col("fam_Address1", S(255), "street", null=0.1),
          col("fam_Address2", S(255), lambda c: f"Apt {c.rng.randint(1, 40)}", null=0.8),
          col("fam_City", S(50), "city", null=0.1),
          col("fam_State", S(50), "state", null=0.15),
          col("fam_Zip", S(50), "postcode", null=0.1),
          col("fam_Country", S(50), "choice", values=["United States", "Canada", "Germany",
                                                        "United Kingdom", "Kenya"], null=0.05),
          col("fam_HomePhone", S(30), "phone", null=0.3, empty=0.1),
          col("fam_Email", S(100), "email", null=0.4),
          col("fam_WeddingDate", D, "dob", null=0.5),
          col("fam_DateEntered", TS, _ts, nullable=False),
          col("fam_DateLastEdited", TS, _ts, null=0.3),
          col("fam_EnteredBy", sa.SmallInteger, "int", lo=1, hi=25, nullable=False),
          col("fam_EditedBy", sa.SmallInteger, "int", lo=0, hi=25, null=0.2),
          col("fam_scanCheck", T, _micr, null=0.75),
          col("fam_scanCredit", T, _card_scan, null=0.9),
          col("fam_SendNewsLetter", enum("FALSE", "TRUE"), "choice", values=["FALSE", "TRUE"],
              nullable=False),
          col("fam_DateDeactivated", D, "date", null=0.9),
          col("fam_Latitude", sa.Float, "lat", null=0.3),
          col("fam_Longitude", sa.Float, "lon", null=0.3),
          col("fam_Envelope", I, "int", lo=0, hi=900, nullable=False),
          col("fam_NeedsReview", tinyint(), "choice", values=[0, 0, 0, 1], nullable=False))
    table(md, "person_per", N_PER,
          col("per_ID", I, pk=True, auto=True),
          col("per_Title", S(50), "choice", values=["Mr.", "Mrs.", "Ms.", "Dr.", "Rev.", ""],
              null=0.4),
          col("per_FirstName", S(50), "first_name", null=0.01),
          col("per_MiddleName", S(50), "middle_name", null=0.5),
          col("per_LastName", S(50), "last_name", null=0.01),
          col("per_Suffix", S(50), "choice", values=["Jr.", "Sr.", "III", ""], null=0.85),
          col("per_Address1", S(50), "street", null=0.6),
          col("per_Address2", S(50), lambda c: f"Unit {c.rng.randint(1, 90)}", null=0.95),
          col("per_City", S(50), "city", null=0.6),
          col("per_State", S(50), "state", null=0.65),
          col("per_Zip", S(50), "postcode", null=0.6),
          col("per_Country", S(50), "choice", values=["United States", "Canada", "Germany"],
              null=0.6),
          col("per_HomePhone", S(30), "phone", null=0.6),
          col("per_WorkPhone", S(30), "phone", null=0.8),
          col("per_CellPhone", S(30), "phone", null=0.3, empty=0.05),
          col("per_Email", S(50), "email", null=0.3),
          col("per_WorkEmail", S(50), lambda c: f"{c.person['username']}@"
              f"{c.rng.choice(['acme.com', 'stmarys-hospital.org', 'school.k12.us'])}",
              null=0.8),
          col("per_BirthMonth", tinyint(), lambda c: 0 if c.rng.random() < 0.2 else
              c.person["born"].month, nullable=False),
          col("per_BirthDay", tinyint(), lambda c: 0 if c.rng.random() < 0.2 else
              c.person["born"].day, nullable=False),
          col("per_BirthYear", sa.SmallInteger, lambda c: c.person["born"].year, null=0.35),
          col("per_MembershipDate", D, "date", null=0.4),
          col("per_Gender", tinyint(), lambda c: 1 if c.person["male"] else 2,
              nullable=False),
          col("per_fmr_ID", tinyint(), "int", lo=0, hi=5, nullable=False),
          col("per_cls_ID", tinyint(), "int", lo=0, hi=5, nullable=False),
          col("per_fam_ID", sa.SmallInteger, ref="family_fam.fam_ID", nullable=False),
          col("per_Envelope", sa.SmallInteger, "int", lo=1, hi=900, null=0.8),
          col("per_DateLastEdited", TS, _ts, null=0.3),
          col("per_DateEntered", TS, _ts, nullable=False),
          col("per_EnteredBy", sa.SmallInteger, "int", lo=1, hi=25, nullable=False),
          col("per_EditedBy", sa.SmallInteger, "int", lo=0, hi=25, null=0.2),
          col("per_FriendDate", D, "date", null=0.85),
          col("per_Flags", I, "choice", values=[0, 0, 0, 1], nullable=False),
          col("per_Facebook", S(50), "username", null=0.85),
          col("per_Twitter", S(50), lambda c: "@" + c.person["username"], null=0.9),
          col("per_LinkedIn", S(50), lambda c: f"in/{c.person['username']}", null=0.9),
          col("per_NeedsReview", tinyint(), "choice", values=[0, 0, 1], nullable=False))
    usr_flags = [col(n, tinyint(), "choice", values=[0, 1], nullable=False) for n in (
        "usr_AddRecords", "usr_EditRecords", "usr_DeleteRecords", "usr_MenuOptions",
        "usr_ManageGroups", "usr_Finance", "usr_ManageFundraisers", "usr_Notes", "usr_Admin")]
    no_school = [col(f"usr_CalNoSchool{i}", D, "date", null=0.9) for i in range(1, 9)]
    table(md, "user_usr", N_USR,
          col("usr_per_ID", I, pk=True, ref="person_per.per_ID"),
          col("usr_Password", S(500), token_of(64, "hex"), nullable=False),
          col("usr_NeedPasswordChange", tinyint(), "choice", values=[0, 1], nullable=False),
          col("usr_LastLogin", TS, _ts, nullable=False),
          col("usr_LoginCount", sa.SmallInteger, "int", lo=0, hi=3000, nullable=False),
          col("usr_FailedLogins", tinyint(), "int", lo=0, hi=5, nullable=False),
          *usr_flags,
          col("usr_SearchLimit", tinyint(), "choice", values=[10, 20, 50], null=0.1),
          col("usr_Style", S(50), "choice", values=["skin-red", "skin-blue", "Style.css"],
              null=0.1),
          col("usr_showPledges", tinyint(), "choice", values=[0, 1], nullable=False),
          col("usr_showPayments", tinyint(), "choice", values=[0, 1], nullable=False),
          col("usr_showSince", D, "date", nullable=False),
          col("usr_defaultFY", I, "int", lo=10, hi=27, nullable=False),
          col("usr_currentDeposit", I, "int", lo=0, hi=60, nullable=False),
          col("usr_UserName", S(50), "username", unique=True, null=0.04),
          col("usr_apiKey", S(255), token_of(50, "url"), unique=True, null=0.4),
          col("usr_EditSelf", tinyint(), "choice", values=[0, 1], nullable=False),
          col("usr_CalStart", D, "date", null=0.8),
          col("usr_CalEnd", D, "date", null=0.8),
          *no_school,
          col("usr_SearchFamily", tinyint(), "choice", values=[0, 1], null=0.3),
          col("usr_TwoFactorAuthSecret", S(255), token_of(32, "url"), null=0.7),
          col("usr_TwoFactorAuthLastKeyTimestamp", I, "int", lo=55000000, hi=58000000,
              null=0.7),
          col("usr_TwoFactorAuthRecoveryCodes", T, lambda c: json.dumps(
              [G["token"](_p(c, n=10, style="hex")) for _ in range(6)]), null=0.75))
    table(md, "userconfig_ucfg", 60,
          col("ucfg_per_id", I, ref="user_usr.usr_per_ID",
              nullable=False),
          col("ucfg_id", I, "int", lo=0, hi=12, nullable=False),
          col("ucfg_name", S(50), "choice", values=["bEmailMailto", "bAddEvent",
                                                     "sMailtoDelimiter", "bUSAddressVerification",
                                                     "sCSVExportDelemiter"],
              nullable=False),
          col("ucfg_value", T, _ucfg_value, null=0.05),
          col("ucfg_type", enum("text", "number", "date", "boolean", "textarea"), "choice",
              values=["text", "boolean", "number"], nullable=False),
          col("ucfg_tooltip", T, "choice",
              values=["User permission to send email via mailto: links",
                      "Allow user to add new event", "Delimiter to separate emails"],
              nullable=False),
          col("ucfg_permission", enum("FALSE", "TRUE"), "choice", values=["FALSE", "TRUE"],
              nullable=False),
          col("ucfg_cat", S(20), "choice", values=["", "SECURITY"], nullable=False),
          sa.PrimaryKeyConstraint("ucfg_per_id", "ucfg_id"))
    table(md, "note_nte", 140,
          col("nte_ID", I, pk=True, auto=True),
          col("nte_per_ID", I, ref="person_per.per_ID", nullable=False),
          col("nte_fam_ID", I, lambda c: 0 if c.rng.random() < 0.6 else c.rng.randint(1, N_FAM),
              nullable=False),
          col("nte_Private", I, lambda c: 0 if c.rng.random() < 0.7 else c.rng.randint(1, N_PER),
              nullable=False),
          col("nte_Text", T, _note, null=0.02),
          col("nte_DateEntered", TS, _ts, nullable=False),
          col("nte_DateLastEdited", TS, _ts, null=0.6),
          col("nte_EnteredBy", I, "int", lo=1, hi=N_PER, nullable=False),
          col("nte_EditedBy", I, "int", lo=0, hi=N_PER, nullable=False),
          col("nte_Type", S(50), "choice", values=["note", "create", "edit", "photo", "user"],
              null=0.1))
    table(md, "group_grp", 15,
          col("grp_ID", I, pk=True, auto=True),
          col("grp_Type", tinyint(), "int", lo=0, hi=4, nullable=False),
          col("grp_RoleListID", I, "int", lo=13, hi=30, nullable=False),
          col("grp_DefaultRole", I, "int", lo=1, hi=3, nullable=False),
          col("grp_Name", S(50), lambda c: ["Choir", "Youth Group", "Men's Breakfast",
                                            "Sunday School K-2", "Sunday School 3-5",
                                            "Women's Bible Study", "Ushers", "Worship Team",
                                            "Food Pantry", "Grupo de oración", "Seniors",
                                            "Alpha Course", "Greeters", "Tech Team",
                                            "Missions Committee"][c.index], nullable=False),
          col("grp_Description", T, "lorem", words=8, null=0.4),
          col("grp_hasSpecialProps", sa.Boolean, "bool", nullable=False),
          col("grp_active", sa.Boolean, "bool", nullable=False),
          col("grp_include_email_export", sa.Boolean, "bool", nullable=False))
    table(md, "person2group2role_p2g2r", 220,
          col("p2g2r_per_ID", I, ref="person_per.per_ID", nullable=False),
          col("p2g2r_grp_ID", I, ref="group_grp.grp_ID", nullable=False),
          col("p2g2r_rle_ID", I, "int", lo=1, hi=3, nullable=False),
          sa.PrimaryKeyConstraint("p2g2r_per_ID", "p2g2r_grp_ID"))
    table(md, "locations", 4,
          col("location_id", I, pk=True, auto=True),
          col("location_typeId", I, "int", lo=1, hi=3, nullable=False),
          col("location_name", S(256), lambda c: ["Main Sanctuary", "Fellowship Hall",
                                                  "Youth Center", "Camp Hope"][c.index],
              nullable=False),
          col("location_address", S(45), lambda c: f"{c.rng.randint(1, 900)} Church Street",
              nullable=False),
          col("location_city", S(45), "city", nullable=False),
          col("location_state", S(45), "state", nullable=False),
          col("location_zip", S(45), "postcode", nullable=False),
          col("location_country", S(45), "const", value="United States", nullable=False),
          col("location_phone", S(45), lambda c: "(555) 010-2200", null=0.3),
          col("location_email", S(45), "choice", values=["office@gracechurch.org",
                                                         "youth@gracechurch.org"], null=0.3),
          col("location_timzezone", S(45), "timezone", null=0.3))
    table(md, "events_event", 40,
          col("event_id", I, pk=True, auto=True),
          col("event_type", I, "int", lo=1, hi=4, nullable=False),
          col("event_title", S(255), "choice", values=["Sunday Service", "Christmas Eve",
                                                       "Youth Night", "Easter Vigil",
                                                       "VBS Day 1", "Potluck", "Baptism Sunday"],
              nullable=False),
          col("event_desc", S(255), "lorem", words=6, null=0.4),
          col("event_text", T, "lorem", words=25, null=0.5),
          col("event_start", TS, _ts, nullable=False),
          col("event_end", TS, _ts, nullable=False),
          col("inactive", I, "choice", values=[0, 0, 1], nullable=False),
          col("location_id", I, ref="locations.location_id", null=0.3),
          col("primary_contact_person_id", I, ref="person_per.per_ID", null=0.4),
          col("secondary_contact_person_id", I, ref="person_per.per_ID", null=0.7),
          col("event_url", T, "url", null=0.7))
    table(md, "event_attend", 400,
          col("attend_id", I, pk=True, auto=True),
          col("event_id", I, ref="events_event.event_id", nullable=False),
          col("person_id", I, ref="person_per.per_ID", nullable=False),
          col("checkin_date", TS, _ts, null=0.1),
          col("checkin_id", I, ref="person_per.per_ID", null=0.5),
          col("checkout_date", TS, _ts, null=0.5),
          col("checkout_id", I, ref="person_per.per_ID", null=0.7),
          sa.UniqueConstraint("event_id", "person_id"))
    table(md, "donationfund_fun", 5,
          col("fun_ID", I, pk=True, auto=True),
          col("fun_Active", enum("true", "false"), "choice", values=["true", "false"],
              nullable=False),
          col("fun_Name", S(30), lambda c: ["Pledges", "Building Fund", "Missions",
                                            "Benevolence", "Youth Camp"][c.index]),
          col("fun_Description", S(100), "lorem", words=6, null=0.2),
          col("fun_Order", I, "seq", nullable=False))
    table(md, "deposit_dep", 50,
          col("dep_ID", I, pk=True, auto=True),
          col("dep_Date", D, "date", null=0.02),
          col("dep_Comment", T, "choice", values=["Sunday plate", "Online batch", "", "Mid-week",
                                                  "Christmas offering"], null=0.2),
          col("dep_EnteredBy", I, ref="user_usr.usr_per_ID", null=0.1),
          col("dep_Closed", tinyint(), "choice", values=[0, 1, 1], nullable=False),
          col("dep_Type", enum("Bank", "CreditCard", "BankDraft"), "choice",
              values=["Bank", "CreditCard", "BankDraft"], nullable=False))
    table(md, "pledge_plg", 350,
          col("plg_plgID", I, pk=True, auto=True),
          col("plg_FamID", I, ref="family_fam.fam_ID", null=0.02),
          col("plg_FYID", I, "int", lo=17, hi=27, null=0.02),
          col("plg_date", D, "date", null=0.02),
          col("plg_amount", sa.Numeric(8, 2), "money", lo=5, hi=5000, null=0.02),
          col("plg_schedule", enum("Weekly", "Monthly", "Quarterly", "Once", "Other"), "choice",
              values=["Weekly", "Monthly", "Quarterly", "Once", "Other"], null=0.3),
          col("plg_method", enum("CREDITCARD", "CHECK", "CASH", "BANKDRAFT"), "choice",
              values=["CREDITCARD", "CHECK", "CASH", "BANKDRAFT"], null=0.1),
          col("plg_comment", T, _plg_comment, nullable=True),
          col("plg_DateLastEdited", D, "date", nullable=False),
          col("plg_EditedBy", I, ref="user_usr.usr_per_ID", nullable=False),
          col("plg_PledgeOrPayment", enum("Pledge", "Payment"), "choice",
              values=["Pledge", "Payment", "Payment"], nullable=False),
          col("plg_fundID", tinyint(), ref="donationfund_fun.fun_ID", null=0.05),
          col("plg_depID", I, ref="deposit_dep.dep_ID", null=0.3),
          col("plg_CheckNo", sa.BigInteger, "int", lo=100, hi=99999, null=0.6),
          col("plg_Problem", tinyint(), "choice", values=[0, 0, 0, 1], null=0.5),
          col("plg_scanString", T, _micr, null=0.8),
          col("plg_aut_ID", I, "const", value=0, nullable=False),
          col("plg_aut_Cleared", tinyint(), "choice", values=[0, 1], nullable=False),
          col("plg_aut_ResultID", I, "const", value=0, nullable=False),
          col("plg_NonDeductible", sa.Numeric(8, 2), "money", lo=0, hi=50, nullable=False),
          col("plg_GroupKey", S(64), lambda c: f"{c.rng.choice(['cash', 'chk', 'cc'])}|"
              f"{c.rng.randint(0, 9999)}|{c.row.get('plg_FamID')}|{c.row.get('plg_FYID')}|"
              f"{c.row.get('plg_date')}", nullable=False))
    table(md, "property_pro", 6,
          col("pro_ID", I, pk=True, auto=True),
          col("pro_Class", S(10), lambda c: "pfgppf"[c.index], nullable=False),
          col("pro_prt_ID", I, "int", lo=1, hi=3, nullable=False),
          col("pro_Name", S(200), lambda c: ["Disabled", "Single Parent", "Youth",
                                             "Medical needs", "Shut-in", "New family"][c.index],
              nullable=False),
          col("pro_Description", T, "lorem", words=5, nullable=False),
          col("pro_Prompt", S(255), "choice", values=["What is the nature of the disability?",
                                                      "", "Details"], null=0.3))
    table(md, "record2property_r2p", 90,
          col("r2p_pro_ID", I, ref="property_pro.pro_ID", nullable=False),
          col("r2p_record_ID", I, ref="person_per.per_ID", nullable=False),
          col("r2p_Value", T, _prop_value, nullable=False))
    table(md, "whycame_why", 45,
          col("why_ID", I, pk=True, auto=True),
          col("why_per_ID", I, ref="person_per.per_ID", nullable=False),
          col("why_join", T, _why("join"), nullable=False),
          col("why_come", T, _why("come"), nullable=False),
          col("why_suggest", T, _why("suggest"), nullable=False),
          col("why_hearOfUs", T, _why("hear"), nullable=False))
    table(md, "tokens", 40,
          col("token", S(99), token_of(64, "hex"), pk=True),
          col("type", S(50), "choice", values=["verifyFamily", "password", "resetPassword"],
              nullable=False),
          col("reference_id", I, ref="person_per.per_ID", nullable=False),
          col("valid_until_date", TS, _ts, null=0.2),
          col("remainingUses", I, "int", lo=0, hi=5, null=0.3))
    table(md, "kioskdevice_kdev", 6,
          col("kdev_ID", I, pk=True, auto=True),
          col("kdev_GUIDHash", S(64), token_of(64, "hex"), null=0.1),
          col("kdev_Name", S(50), lambda c: ["Lobby iPad", "Kids check-in 1",
                                             "Kids check-in 2", "Welcome desk",
                                             "Youth room", "Spare tablet"][c.index]),
          col("kdev_deviceType", I, "int", lo=0, hi=2, nullable=False),
          col("kdev_lastHeartbeat", TS, _ts, null=0.2),
          col("kdev_Accepted", sa.Boolean, "bool", null=0.2),
          col("kdev_PendingCommands", S(50), "choice", values=["", "Reload", "Identify"],
              null=0.5))
    return md
