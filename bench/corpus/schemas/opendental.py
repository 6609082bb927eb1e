"""Open Dental (dental practice management, C#, MySQL): a held-out schema (issue #10),
labelled before any scan and never tuned on. Open Dental has no SQL schema file: its CRUD
generator makes each table from a class in ``OpenDentBusiness/TableTypes/*.cs``, one column
per public field (``IsNotDbColumn`` fields left out). 7 of those tables, all their columns,
with the generator's type conventions: ``long`` bigint, ``int`` int, ``bool`` and enums
tinyint, ``byte`` tinyint unsigned (tinyint here), ``double`` double, ``TimeSpan`` time,
``string`` varchar(255) (``IsText``/``TextIsClob`` text), ``DateTime`` date (``DateT``/
``DateTEntry`` datetime, ``TimeStamp`` timestamp). Open Dental declares no foreign keys
(``PatNum``, ``Guarantor``, ``PriProv``, ``UserNum``... are values) and stores "no date"
as ``0001-01-01``, which many date columns hold here.

Fewer tables than the other held-out schemas, but the widest person table of the set:
patient (85 columns: names, preferred name, salutation, birth date, SSN, address, county,
three phones, e-mail, chart number, Medicaid id, image folder named after the patient,
urgent medical and financial notes, date of death), patientnote (medical history and
service notes, in-case-of-emergency name and phone), commlog (notes of calls and e-mails
with patients, signatures), allergy, disease (problem list with notes), rxpat
(prescriptions with staff notes and pharmacy details), userod (staff logins: user name,
hashed password, Active Directory account, hashed mobile PIN).

The stored index holds the class files at different commits of ``OpenDental/opendental``:
Patient.cs and Disease.cs at ``2bd6729f``, PatientNote.cs at ``16355194``, Commlog.cs,
Allergy.cs, RxPat.cs and Userod.cs at ``13c335c4``. SOURCE names Patient.cs's.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ..gen import GENERATORS as G
from ..gen import _ascii, col, datetimes, new_person, table, tinyint
from ..gen import with_params as _p

SOURCE = {"repo": "OpenDental/opendental",
          "path": "OpenDentBusiness/TableTypes/{Patient,PatientNote,Commlog,Allergy,Disease,"
                  "RxPat,Userod}.cs",
          "commit": "2bd6729f9beae22325912171cbd3e7f44ffa07e0"}
PERSON_TABLES = ("patient", "userod")

BI = sa.BigInteger
I = sa.Integer  # noqa: E741
V = sa.String(255)
T = sa.Text
D = sa.Date
DT = sa.DateTime
TS = sa.DateTime
DBL = sa.Float
TINY = tinyint()

N_PAT = 200
N_USER = 18
N_PROV = 8
MIN_DATE = dt.date(1, 1, 1)
MIN_DT = dt.datetime(1, 1, 1)

_ts = datetimes(2012, 2025)


def _or_min(gen, p_min: float, value=MIN_DATE):  # type: ignore[no-untyped-def]
    def g(c):  # type: ignore[no-untyped-def]
        return value if c.rng.random() < p_min else (G[gen](c) if isinstance(gen, str)
                                                     else gen(c))
    return g


def _name(c):  # type: ignore[no-untyped-def]
    p = new_person(c)
    return f"{p['first']} {p['last']}"


def _ssn(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.3:
        return ""
    return G["ssn"](c).replace("-", "") if r < 0.85 else G["ssn"](c)


def _guarantor(c):  # type: ignore[no-untyped-def]
    return c.index + 1 if c.rng.random() < 0.6 else c.rng.randint(1, c.index + 1)


def _image_folder(c):  # type: ignore[no-untyped-def]
    p = c.person
    return f"{_ascii(p['last'])}{_ascii(p['first'])}{c.index + 1}"


def _med_urg(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.55:
        return ""
    if r < 0.68:
        return c.rng.choice([f"Premed per cardiologist Dr. {new_person(c)['last']}",
                             f"Mother {_name(c)} must sign consent (minor)",
                             f"Guardian: {_name(c)}, call {G['phone'](c)}"])
    return c.rng.choice(["Latex allergy", "Takes Coumadin", "Artificial hip 2019 - premed",
                         "Diabetic, check glucose", "Pregnant, 2nd trimester",
                         "Anxious patient, nitrous"])


def _fin_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.75:
        return f"Ex-husband {_name(c)} pays 50% per divorce decree. Bill to {G['street'](c)}."
    return c.rng.choice(["Collections 03/2022", "Pays $50/month", "NSF check 2x - cash only",
                         "Payment plan signed"])


def _addr_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.7:
        return ""
    return c.rng.choice([f"Winter address: {G['street'](c)}, {G['city'](c)}",
                         f"Daughter's cell {G['phone'](c)}", "Do not call at work",
                         "Returned mail 2021", f"Email statements to {G['email'](c)}"])


def _commlog_note(c):  # type: ignore[no-untyped-def]
    p = c.person
    return c.rng.choice([
        f"Left message for {p['first']} to confirm appt.",
        f"Spoke with pt's wife {_name(c)}, she will call back at {G['phone'](c)}.",
        "Appointment reminder sent via text.", "Emailed statement.",
        f"Pt called, insurance changed to Delta Dental. Subscriber {_name(c)}.",
        "No answer.", "Recall postcard sent.", "Pt requested x-rays be sent to specialist.",
        "Web Sched: patient booked a recall appointment.",
    ])


def _signature(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.9:
        return ""
    return "".join(c.rng.choice("0123456789ABCDEF") for _ in range(c.rng.randint(120, 300)))


def _disease_note(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.5:
        return ""
    if r < 0.62:
        return c.rng.choice([f"Managed by Dr. {new_person(c)['last']} (PCP)",
                             f"Per pt's son {_name(c)}", f"Contact oncologist {_name(c)}"])
    return c.rng.choice(["controlled with medication", "since childhood", "resolved 2020",
                         "monitor BP each visit", "type 2"])


def _rx_notes(c):  # type: ignore[no-untyped-def]
    r = c.rng.random()
    if r < 0.6:
        return ""
    if r < 0.72:
        return f"Called in by {_name(c)}" if c.rng.random() < 0.5 else \
            f"Picked up by {_name(c)}"
    return c.rng.choice(["post-op", "refill ok'd by Dr.", "pt prefers generic"])


def _pharmacy(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.6:
        return ""
    return c.rng.choice(["Walgreens #4411, 120 Main St, (503) 555-0133",
                         "CVS Pharmacy 8822 - 1 Market Sq - 503-555-0199",
                         "Rite Aid, Fax 503-555-0150"])


def _od_password(c):  # type: ignore[no-untyped-def]
    if c.rng.random() < 0.15:
        return ""
    if c.rng.random() < 0.2:
        return G["token"](_p(c, n=24, style="b64"))  # legacy MD5 as base64
    return f"SHA3-512${G['token'](_p(c, n=24, style='b64'))}${G['token'](_p(c, n=88, style='b64'))}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "patient", N_PAT,
          col("PatNum", BI, pk=True, auto=True),
          col("LName", V, "last_name", nullable=False),
          col("FName", V, "first_name", nullable=False),
          col("MiddleI", V, lambda c: c.person["middle"][:1] if c.rng.random() < 0.6
              else c.person["middle"], nullable=False),
          col("Preferred", V, lambda c: c.rng.choice(["", "", "", c.person["first"][:4],
                                                      "Bob", "Kathy", "Hans", "Mimi"]),
              nullable=False),
          col("PatStatus", TINY, "choice", values=[0, 0, 0, 1, 2, 3, 4], nullable=False),
          col("Gender", TINY, lambda c: 0 if c.person["male"] else c.rng.choice([1, 1, 2]),
              nullable=False),
          col("Position", TINY, "int", lo=0, hi=4, nullable=False),
          col("Birthdate", D, _or_min("dob", 0.05), nullable=False),
          col("SSN", V, _ssn, nullable=False),
          col("Address", V, "street", nullable=False, empty=0.05),
          col("Address2", V, lambda c: c.rng.choice(["", "", "", "Apt 4B", "Suite 200",
                                                     "PO Box 81"]), nullable=False),
          col("City", V, "city", nullable=False, empty=0.05),
          col("State", V, lambda c: c.rng.choice(["OR", "WA", "CA", "ON", "BC", "TX"]),
              nullable=False),
          col("Zip", V, "postcode", nullable=False, empty=0.05),
          col("HmPhone", V, "phone", nullable=False, empty=0.3),
          col("WkPhone", V, "phone", nullable=False, empty=0.7),
          col("WirelessPhone", V, "phone", nullable=False, empty=0.2),
          col("Guarantor", BI, _guarantor, nullable=False),
          col("CreditType", V, "choice", values=["", "", "A", "B", "C"], nullable=False),
          col("Email", V, "email", nullable=False, empty=0.25),
          col("Salutation", V, lambda c: c.rng.choice(["", "", c.person["first"],
                                                       f"Mr. {c.person['last']}",
                                                       f"Mrs. {c.person['last']}"]),
              nullable=False),
          col("EstBalance", DBL, "money", lo=0, hi=900, nullable=False),
          col("PriProv", BI, "int", lo=1, hi=N_PROV, nullable=False),
          col("SecProv", BI, "choice", values=[0, 0, 3, 5], nullable=False),
          col("FeeSched", BI, "choice", values=[0, 0, 0, 2], nullable=False),
          col("BillingType", BI, "choice", values=[39, 40, 41], nullable=False),
          col("ImageFolder", V, _image_folder, nullable=False),
          col("AddrNote", T, _addr_note, null=0.1),
          col("FamFinUrgNote", T, _fin_note, null=0.1),
          col("MedUrgNote", V, _med_urg, nullable=False),
          col("ApptModNote", V, "choice", values=["", "", "", "Needs wheelchair access",
                                                  "Always late", "Prefers mornings"],
              nullable=False),
          col("StudentStatus", V, "choice", values=["", "N", "N", "P", "F"], nullable=False),
          col("SchoolName", V, "choice", values=["", "", "", "Portland State University",
                                                 "UBC"], nullable=False),
          col("ChartNumber", V, lambda c: "" if c.rng.random() < 0.5 else
              f"{c.rng.choice(['', 'A', 'CH'])}{c.rng.randint(1000, 99999)}", nullable=False),
          col("MedicaidID", V, lambda c: "" if c.rng.random() < 0.8 else
              f"{c.rng.choice(['', 'OR'])}{c.rng.randint(10**8, 10**9)}", nullable=False),
          col("Bal_0_30", DBL, "money", lo=0, hi=500, nullable=False),
          col("Bal_31_60", DBL, "money", lo=0, hi=300, nullable=False),
          col("Bal_61_90", DBL, "money", lo=0, hi=200, nullable=False),
          col("BalOver90", DBL, "money", lo=0, hi=200, nullable=False),
          col("InsEst", DBL, "money", lo=0, hi=800, nullable=False),
          col("BalTotal", DBL, "money", lo=-50, hi=1500, nullable=False),
          col("EmployerNum", BI, "choice", values=[0, 0, 0, 4, 9, 12], nullable=False),
          col("EmploymentNote", V, "choice", values=[""], nullable=False),
          col("County", V, lambda c: c.rng.choice(["", "Multnomah", "Washington",
                                                   "Clackamas", "King", "Clark"]),
              nullable=False),
          col("GradeLevel", TINY, "choice", values=[0, 0, 0, 3, 7], nullable=False),
          col("Urgency", TINY, "choice", values=[0, 0, 1, 2], nullable=False),
          col("DateFirstVisit", D, _or_min("date", 0.1), nullable=False),
          col("ClinicNum", BI, "choice", values=[0, 1, 2], nullable=False),
          col("HasIns", V, "choice", values=["", "I"], nullable=False),
          col("TrophyFolder", V, lambda c: "" if c.rng.random() < 0.95 else
              f"TW{c.rng.randint(100000, 999999)}", nullable=False),
          col("PlannedIsDone", TINY, "choice", values=[0, 1], nullable=False),
          col("Premed", TINY, "choice", values=[0, 0, 0, 1], nullable=False),
          col("Ward", V, "choice", values=[""], nullable=False),
          col("PreferConfirmMethod", TINY, "int", lo=0, hi=5, nullable=False),
          col("PreferContactMethod", TINY, "int", lo=0, hi=5, nullable=False),
          col("PreferRecallMethod", TINY, "int", lo=0, hi=5, nullable=False),
          col("SchedBeforeTime", sa.Time, lambda c: dt.time(0, 0), null=0.9),
          col("SchedAfterTime", sa.Time, lambda c: dt.time(0, 0), null=0.9),
          col("SchedDayOfWeek", TINY, "choice", values=[0, 0, 0, 2, 5], nullable=False),
          col("Language", V, "choice", values=["", "", "eng", "spa", "fra", "vie",
                                               "Tagalog"], nullable=False),
          col("AdmitDate", D, lambda c: MIN_DATE, nullable=False),
          col("Title", V, "choice", values=["", "", "Mr.", "Mrs.", "Ms.", "Dr."],
              nullable=False),
          col("PayPlanDue", DBL, "choice", values=[0.0, 0.0, 0.0, 75.0], nullable=False),
          col("SiteNum", BI, "choice", values=[0], nullable=False),
          col("DateTStamp", TS, _ts, nullable=False),
          col("ResponsParty", BI, lambda c: 0 if c.rng.random() < 0.9 else
              c.rng.randint(1, c.index + 1), nullable=False),
          col("CanadianEligibilityCode", TINY, "choice", values=[0, 0, 1, 4], nullable=False),
          col("AskToArriveEarly", I, "choice", values=[0, 0, 10, 15], nullable=False),
          col("PreferContactConfidential", TINY, "int", lo=0, hi=5, nullable=False),
          col("SuperFamily", BI, lambda c: 0 if c.rng.random() < 0.85 else
              c.rng.randint(1, c.index + 1), nullable=False),
          col("TxtMsgOk", TINY, "int", lo=0, hi=2, nullable=False),
          col("SmokingSnoMed", V, "choice", values=["", "", "266919005", "449868002",
                                                    "8517006"], nullable=False),
          col("Country", V, "choice", values=["", "", "", "USA", "Canada"], nullable=False),
          col("DateTimeDeceased", DT, lambda c: MIN_DT if c.rng.random() < 0.95 else
              G["datetime"](c), nullable=False),
          col("BillingCycleDay", I, "int", lo=1, hi=28, nullable=False),
          col("SecUserNumEntry", BI, "int", lo=0, hi=N_USER, nullable=False),
          col("SecDateEntry", D, "date", nullable=False),
          col("HasSuperBilling", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("PatNumCloneFrom", BI, "choice", values=[0], nullable=False),
          col("DiscountPlanNum", BI, "choice", values=[0, 0, 0, 2], nullable=False),
          col("HasSignedTil", TINY, "choice", values=[0, 1], nullable=False),
          col("ShortCodeOptIn", TINY, "int", lo=0, hi=2, nullable=False),
          col("SecurityHash", V, lambda c: G["token"](_p(c, n=44, style="b64"))
              if c.rng.random() < 0.8 else "", nullable=False))
    table(md, "patientnote", 150,
          col("PatNum", BI, ref="patient.PatNum", pk=True, unique=True),
          col("FamFinancial", T, _fin_note, null=0.1),
          col("ApptPhone", T, lambda c: "" if c.rng.random() < 0.85 else
              f"call cell {G['phone'](c)}", null=0.1),
          col("Medical", T, _med_urg, null=0.1),
          col("Service", T, lambda c: c.rng.choice(["", "", "Needs interpreter",
                                                    f"Interpreter: {_name(c)}",
                                                    "Sedation only"]), null=0.1),
          col("MedicalComp", T, lambda c: "" if c.rng.random() < 0.4 else
              f"HTN, on lisinopril. {_med_urg(c)}", null=0.1),
          col("Treatment", T, "choice", values=["", "#3 MOD composite planned",
                                                "#14 crown seated", "Ortho eval",
                                                "Perio maintenance 3 mo"], null=0.1),
          col("ICEName", V, lambda c: "" if c.rng.random() < 0.4 else _name(c),
              nullable=False),
          col("ICEPhone", V, lambda c: "" if c.rng.random() < 0.45 else G["phone"](c),
              nullable=False),
          col("OrthoMonthsTreatOverride", I, "choice", values=[-1, -1, -1, 24],
              nullable=False),
          col("DateOrthoPlacementOverride", D, lambda c: MIN_DATE, nullable=False),
          col("SecDateTEntry", DT, _ts, nullable=False),
          col("SecDateTEdit", TS, _ts, nullable=False),
          col("Consent", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("UserNumOrthoLocked", BI, "choice", values=[0, 0, 0, 0, 3], nullable=False),
          col("Pronoun", TINY, "choice", values=[0, 0, 0, 1, 2, 3], nullable=False))
    table(md, "userod", N_USER,
          col("UserNum", BI, pk=True, auto=True),
          col("UserName", V, lambda c: "Admin" if c.index == 0 else
              c.rng.choice([c.person["first"], c.person["username"],
                            f"{c.person['first'][:1]}{c.person['last']}"]),
              unique=True, nullable=False),
          col("Password", V, _od_password, nullable=False),
          col("UserGroupNum", BI, "choice", values=[0, 1, 2], nullable=False),
          col("EmployeeNum", BI, "int", lo=0, hi=12, nullable=False),
          col("ClinicNum", BI, "choice", values=[0, 1, 2], nullable=False),
          col("ProvNum", BI, "choice", values=[0, 0, 1, 2, 3, 4], nullable=False),
          col("IsHidden", TINY, "choice", values=[0, 0, 0, 1], nullable=False),
          col("TaskListInBox", BI, "int", lo=0, hi=20, nullable=False),
          col("AnesthProvType", I, "choice", values=[3, 3, 1, 2], nullable=False),
          col("DefaultHidePopups", TINY, "choice", values=[0, 1], nullable=False),
          col("PasswordIsStrong", TINY, "choice", values=[0, 1], nullable=False),
          col("ClinicIsRestricted", TINY, "choice", values=[0, 1], nullable=False),
          col("InboxHidePopups", TINY, "choice", values=[0, 1], nullable=False),
          col("UserNumCEMT", BI, "choice", values=[0], nullable=False),
          col("DateTFail", DT, lambda c: MIN_DT if c.rng.random() < 0.8 else G["datetime"](c),
              nullable=False),
          col("FailedAttempts", TINY, "choice", values=[0, 0, 0, 1, 2], nullable=False),
          col("DomainUser", V, lambda c: "" if c.rng.random() < 0.6 else
              f"SMILEDENTAL\\{c.person['username'][:15]}", nullable=False),
          col("IsPasswordResetRequired", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("MobileWebPin", V, lambda c: "" if c.rng.random() < 0.6 else
              G["token"](_p(c, n=44, style="b64")), nullable=False),
          col("MobileWebPinFailedAttempts", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("DateTLastLogin", DT, _ts, nullable=False))
    table(md, "commlog", 300,
          col("CommlogNum", BI, pk=True, auto=True),
          col("PatNum", BI, ref="patient.PatNum", nullable=False),
          col("CommDateTime", DT, _ts, nullable=False),
          col("CommType", BI, "choice", values=[0, 224, 225, 226, 603], nullable=False),
          col("Note", T, _commlog_note, null=0.02),
          col("Mode_", TINY, "int", lo=0, hi=6, nullable=False),
          col("SentOrReceived", TINY, "int", lo=0, hi=2, nullable=False),
          col("UserNum", BI, ref="userod.UserNum", nullable=False),
          col("Signature", T, _signature, null=0.05),
          col("SigIsTopaz", TINY, "choice", values=[0, 0, 0, 1], nullable=False),
          col("DateTStamp", TS, _ts, nullable=False),
          col("DateTimeEnd", DT, lambda c: MIN_DT if c.rng.random() < 0.7 else
              G["datetime"](c), nullable=False),
          col("CommSource", TINY, "choice", values=[0, 0, 1, 3, 6], nullable=False),
          col("ProgramNum", BI, "choice", values=[0], nullable=False))
    table(md, "allergy", 120,
          col("AllergyNum", BI, pk=True, auto=True),
          col("AllergyDefNum", BI, "int", lo=1, hi=15, nullable=False),
          col("PatNum", BI, ref="patient.PatNum", nullable=False),
          col("Reaction", V, "choice", values=["", "hives", "rash", "anaphylaxis", "nausea",
                                               "swelling of lips", "itching"],
              nullable=False),
          col("StatusIsActive", TINY, "choice", values=[1, 1, 1, 0], nullable=False),
          col("DateTStamp", TS, _ts, nullable=False),
          col("DateAdverseReaction", D, _or_min("date", 0.7), nullable=False),
          col("SnomedReaction", V, "choice", values=["", "", "247472004", "271807003"],
              nullable=False))
    table(md, "disease", 180,
          col("DiseaseNum", BI, pk=True, auto=True),
          col("PatNum", BI, ref="patient.PatNum", nullable=False),
          col("DiseaseDefNum", BI, "int", lo=1, hi=40, nullable=False),
          col("PatNote", T, _disease_note, null=0.05),
          col("DateTStamp", TS, _ts, nullable=False),
          col("ProbStatus", TINY, "choice", values=[0, 0, 1, 2], nullable=False),
          col("DateStart", D, _or_min("date", 0.6), nullable=False),
          col("DateStop", D, _or_min("date", 0.85), nullable=False),
          col("SnomedProblemType", V, "choice", values=["", "", "55607006", "64572001"],
              nullable=False),
          col("FunctionStatus", TINY, "choice", values=[0, 0, 0, 1, 3], nullable=False))
    table(md, "rxpat", 160,
          col("RxNum", BI, pk=True, auto=True),
          col("PatNum", BI, ref="patient.PatNum", nullable=False),
          col("RxDate", D, "date", nullable=False),
          col("Drug", V, "choice", values=["Amoxicillin 500 mg capsules",
                                           "PenVK 500 mg tablets", "Ibuprofen 800 mg",
                                           "Hydrocodone/APAP 5/325 mg",
                                           "Chlorhexidine 0.12% rinse", "Clindamycin 300 mg"],
              nullable=False),
          col("Sig", V, "choice", values=["Take 1 cap 3x daily until gone",
                                          "Take 1 tab q6h prn pain",
                                          "Rinse with 15 ml 2x daily"], nullable=False),
          col("Disp", V, "choice", values=["21", "12 (twelve)", "20", "1 bottle"],
              nullable=False),
          col("Refills", V, "choice", values=["0", "", "1", "2"], nullable=False),
          col("ProvNum", BI, "int", lo=1, hi=N_PROV, nullable=False),
          col("Notes", V, _rx_notes, nullable=False),
          col("PharmacyNum", BI, "choice", values=[0, 0, 1, 2, 3], nullable=False),
          col("IsControlled", TINY, "choice", values=[0, 0, 0, 1], nullable=False),
          col("DateTStamp", TS, _ts, nullable=False),
          col("SendStatus", TINY, "int", lo=0, hi=7, nullable=False),
          col("RxCui", BI, "choice", values=[0, 0, 308182, 197806], nullable=False),
          col("DosageCode", V, "choice", values=["", "", "C48542"], nullable=False),
          col("ErxGuid", V, lambda c: "" if c.rng.random() < 0.5 else
              f"OD{G['token'](_p(c, n=20, style='hex'))}", nullable=False),
          col("IsErxOld", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("ErxPharmacyInfo", V, _pharmacy, nullable=False),
          col("IsProcRequired", TINY, "choice", values=[0, 0, 1], nullable=False),
          col("ProcNum", BI, "choice", values=[0, 0, 0, 1402, 2210], nullable=False),
          col("DaysOfSupply", DBL, "choice", values=[0.0, 0.0, 7.0, 10.0], nullable=False),
          col("PatientInstruction", T, "choice", values=["", "Take with food",
                                                         "Do not drive"], null=0.05),
          col("ClinicNum", BI, "choice", values=[0, 1, 2], nullable=False),
          col("UserNum", BI, ref="userod.UserNum", nullable=False),
          col("RxType", TINY, "choice", values=[0, 0, 0, 1, 2], nullable=False))
    return md

