"""Synthea's CSV export loaded into tables (one table per CSV file, the CSV's column names).

CSV has no types: dates are DATE/TIMESTAMP, ids the UUID strings Synthea writes, costs
NUMERIC, codes text. Sample databases are loaded like this for SQL practice.
"""

from __future__ import annotations

import sqlalchemy as sa

from ..gen import CONDITIONS, DRUGS, ENCOUNTER_TYPES, col, table
from ..gen import GENERATORS as G

SOURCE = {"repo": "synthetichealth/synthea",
          "path": "src/main/java/org/mitre/synthea/export/CSVExporter.java (writeCSVHeaders)",
          "commit": "stored version without MIDDLE/FIPS/INCOME; path current at "
                    "6880c17a7d4f421d588396bf585d75daf9db0f31"}
PERSON_TABLES = ("patients", "providers")

ID = sa.String(36)
D = sa.Date
TS = sa.DateTime
N = sa.Numeric(12, 2)
S = sa.String(255)


def _code(pairs, i):  # type: ignore[no-untyped-def]
    def gen(ctx):  # type: ignore[no-untyped-def]
        ctx.row["_pair"] = ctx.rng.choice(pairs)
        return ctx.row["_pair"][i]
    return gen


def _desc(ctx):  # type: ignore[no-untyped-def]
    return ctx.row.pop("_pair")[1]


def _patient_name(part: str):  # type: ignore[no-untyped-def]
    # Synthea appends digits to generated names ("Ana972 Gómez206")
    def gen(ctx):  # type: ignore[no-untyped-def]
        v = ctx.person[part]
        return f"{v}{ctx.rng.randint(10, 999)}" if ctx.rng.random() < 0.7 else v
    return gen


def _org_name(ctx):  # type: ignore[no-untyped-def]
    return ctx.rng.choice(["General Hospital", "Medical Center", "Family Practice",
                           "Urgent Care", "Health Clinic"]) + f" of {G['city'](ctx)}"


def metadata() -> sa.MetaData:
    md = sa.MetaData()
    table(md, "organizations", 40,
          col("Id", ID, "uuid_str", pk=True),
          col("NAME", S, _org_name),
          col("ADDRESS", S, "street"),
          col("CITY", S, "city"),
          col("STATE", sa.String(2), "choice", values=["MA", "CA", "TX", "NY"]),
          col("ZIP", sa.String(10), "postcode", null=0.1),
          col("LAT", sa.Float, "lat"),
          col("LON", sa.Float, "lon"),
          col("PHONE", S, "phone", null=0.2),
          col("REVENUE", N, "money", hi=10**6),
          col("UTILIZATION", sa.Integer, "int", hi=9000))
    table(md, "providers", 120,
          col("Id", ID, "uuid_str", pk=True),
          col("ORGANIZATION", ID, fk="organizations.Id"),
          col("NAME", S, lambda c: f"{c.person['first']}{c.rng.randint(10, 999)} "
              f"{c.person['last']}{c.rng.randint(10, 999)}"),
          col("GENDER", sa.String(1), "gender"),
          col("SPECIALITY", S, "choice", values=["GENERAL PRACTICE", "CARDIOLOGY",
                                                 "PEDIATRICS", "INTERNAL MEDICINE"]),
          col("ADDRESS", S, "street"),
          col("CITY", S, "city"),
          col("STATE", sa.String(2), "choice", values=["MA", "CA", "TX", "NY"]),
          col("ZIP", sa.String(10), "postcode", null=0.1),
          col("LAT", sa.Float, "lat"),
          col("LON", sa.Float, "lon"),
          col("UTILIZATION", sa.Integer, "int", hi=3000))
    table(md, "payers", 10,
          col("Id", ID, "uuid_str", pk=True),
          col("NAME", S, lambda c: ["Medicare", "Medicaid", "Dual Eligible", "Aetna",
                                    "Blue Cross Blue Shield", "UnitedHealthcare", "Cigna Health",
                                    "Humana", "Anthem", "NO_INSURANCE"][c.index]),
          col("ADDRESS", S, "street", null=0.1),
          col("CITY", S, "city", null=0.1),
          col("STATE_HEADQUARTERED", sa.String(2), "choice", null=0.1, values=["MA", "CT"]),
          col("ZIP", sa.String(10), "postcode", null=0.1),
          col("PHONE", S, lambda c: f"1-800-{c.rng.randint(200, 999)}-{c.rng.randint(1000, 9999)}",
              null=0.1),
          col("AMOUNT_COVERED", N, "money", hi=10**7),
          col("AMOUNT_UNCOVERED", N, "money", hi=10**6),
          col("REVENUE", N, "money", hi=10**7),
          col("COVERED_ENCOUNTERS", sa.Integer, "int", hi=10**5),
          col("UNCOVERED_ENCOUNTERS", sa.Integer, "int", hi=10**4),
          col("COVERED_MEDICATIONS", sa.Integer, "int", hi=10**5),
          col("UNCOVERED_MEDICATIONS", sa.Integer, "int", hi=10**4),
          col("COVERED_PROCEDURES", sa.Integer, "int", hi=10**5),
          col("UNCOVERED_PROCEDURES", sa.Integer, "int", hi=10**4),
          col("COVERED_IMMUNIZATIONS", sa.Integer, "int", hi=10**4),
          col("UNCOVERED_IMMUNIZATIONS", sa.Integer, "int", hi=10**3),
          col("UNIQUE_CUSTOMERS", sa.Integer, "int", hi=10**4),
          col("QOLS_AVG", sa.Float, lambda c: round(c.rng.random(), 4)),
          col("MEMBER_MONTHS", sa.Integer, "int", hi=10**6))
    table(md, "patients", 500,
          col("Id", ID, "uuid_str", pk=True),
          col("BIRTHDATE", D, "dob"),
          col("DEATHDATE", D, lambda c: G["date"](c), null=0.9, start=2010, end=2024),
          col("SSN", sa.String(11), lambda c: f"999-{c.rng.randint(10, 99)}-"
              f"{c.rng.randint(1000, 9999)}"),
          col("DRIVERS", sa.String(20), lambda c: f"S999{c.rng.randint(10000, 99999)}", null=0.2),
          col("PASSPORT", sa.String(20), lambda c: f"X{c.rng.randint(10000000, 99999999)}X",
              null=0.25),
          col("PREFIX", sa.String(10), "choice", null=0.2, values=["Mr.", "Mrs.", "Ms."]),
          col("FIRST", S, _patient_name("first")),
          col("LAST", S, _patient_name("last")),
          col("SUFFIX", sa.String(10), "choice", null=0.97, values=["JD", "MD", "PhD"]),
          col("MAIDEN", S, lambda c: f"{c.person['f'].last_name()}{c.rng.randint(10, 999)}",
              null=0.7),
          col("MARITAL", sa.String(1), "choice", null=0.3, values=["M", "S", "D", "W"]),
          col("RACE", sa.String(20), "choice", values=["white", "black", "asian", "native",
                                                       "other"]),
          col("ETHNICITY", sa.String(20), "choice", values=["nonhispanic", "hispanic"]),
          col("GENDER", sa.String(1), "gender"),
          col("BIRTHPLACE", S, lambda c: f"{G['city'](c)}  Massachusetts  US"),
          col("ADDRESS", S, "street"),
          col("CITY", S, "city"),
          col("STATE", S, "choice", values=["Massachusetts"]),
          col("COUNTY", S, "choice", values=["Suffolk County", "Middlesex County",
                                             "Worcester County", "Essex County"]),
          col("ZIP", sa.String(10), "postcode", null=0.3),
          col("LAT", sa.Float, "lat"),
          col("LON", sa.Float, "lon"),
          col("HEALTHCARE_EXPENSES", N, "money", hi=2 * 10**6),
          col("HEALTHCARE_COVERAGE", N, "money", hi=10**6))
    table(md, "encounters", 1200,
          col("Id", ID, "uuid_str", pk=True),
          col("START", TS, "datetime"),
          col("STOP", TS, "datetime", null=0.05),
          col("PATIENT", ID, fk="patients.Id"),
          col("ORGANIZATION", ID, fk="organizations.Id"),
          col("PROVIDER", ID, fk="providers.Id"),
          col("PAYER", ID, fk="payers.Id"),
          col("ENCOUNTERCLASS", sa.String(20), "choice", values=["ambulatory", "wellness",
                                                                 "outpatient", "emergency",
                                                                 "inpatient", "urgentcare"]),
          col("CODE", sa.String(20), _code(ENCOUNTER_TYPES, 0)),
          col("DESCRIPTION", S, _desc),
          col("BASE_ENCOUNTER_COST", N, "money", hi=500),
          col("TOTAL_CLAIM_COST", N, "money", hi=5000),
          col("PAYER_COVERAGE", N, "money", hi=4000),
          col("REASONCODE", sa.String(20), _code(CONDITIONS, 0), null=0.6),
          col("REASONDESCRIPTION", S, lambda c: c.row.pop("_pair", ("", None))[1], nullable=True))
    table(md, "conditions", 900,
          col("START", D, "date"),
          col("STOP", D, "date", null=0.6),
          col("PATIENT", ID, fk="patients.Id"),
          col("ENCOUNTER", ID, fk="encounters.Id"),
          col("CODE", sa.String(20), _code(CONDITIONS, 0)),
          col("DESCRIPTION", S, _desc))
    table(md, "medications", 700,
          col("START", TS, "datetime"),
          col("STOP", TS, "datetime", null=0.4),
          col("PATIENT", ID, fk="patients.Id"),
          col("PAYER", ID, fk="payers.Id"),
          col("ENCOUNTER", ID, fk="encounters.Id"),
          col("CODE", sa.String(20), _code(DRUGS, 0)),
          col("DESCRIPTION", S, _desc),
          col("BASE_COST", N, "money", hi=300),
          col("PAYER_COVERAGE", N, "money", hi=300),
          col("DISPENSES", sa.Integer, "int", lo=1, hi=120),
          col("TOTALCOST", N, "money", hi=20000),
          col("REASONCODE", sa.String(20), _code(CONDITIONS, 0), null=0.3),
          col("REASONDESCRIPTION", S, lambda c: c.row.pop("_pair", ("", None))[1], nullable=True))
    table(md, "allergies", 150,
          col("START", D, "date"),
          col("STOP", D, "date", null=0.9),
          col("PATIENT", ID, fk="patients.Id"),
          col("ENCOUNTER", ID, fk="encounters.Id"),
          col("CODE", sa.String(20), "choice", values=["300916003", "419474003", "232350006"]),
          col("DESCRIPTION", S, "choice", values=["Latex allergy", "Allergy to mould",
                                                  "House dust mite allergy",
                                                  "Allergy to peanuts"]))
    table(md, "observations", 1500,
          col("DATE", TS, "datetime"),
          col("PATIENT", ID, fk="patients.Id"),
          col("ENCOUNTER", ID, fk="encounters.Id", null=0.05),
          col("CODE", sa.String(20), "choice", values=["8302-2", "29463-7", "39156-5", "8867-4",
                                                       "72514-3", "QALY", "DALY"]),
          col("DESCRIPTION", S, "choice", values=["Body Height", "Body Weight",
                                                  "Body Mass Index", "Heart rate",
                                                  "Pain severity - 0-10 verbal numeric rating",
                                                  "QALY", "DALY"]),
          col("VALUE", sa.String(40), lambda c: f"{c.rng.uniform(0, 200):.1f}"),
          col("UNITS", sa.String(20), "choice", values=["cm", "kg", "kg/m2", "/min", "{score}",
                                                        "a"]),
          col("TYPE", sa.String(10), "choice", values=["numeric", "text"]))
    table(md, "immunizations", 400,
          col("DATE", TS, "datetime"),
          col("PATIENT", ID, fk="patients.Id"),
          col("ENCOUNTER", ID, fk="encounters.Id"),
          col("CODE", sa.String(10), "choice", values=["140", "113", "133", "08", "62"]),
          col("DESCRIPTION", S, "choice", values=[
              "Influenza  seasonal  injectable  preservative free", "Td (adult) preservative free",
              "Pneumococcal conjugate PCV 13", "Hep B  adolescent or pediatric",
              "HPV  quadrivalent"]),
          col("BASE_COST", N, "money", lo=100, hi=200))
    table(md, "payer_transitions", 700,
          col("PATIENT", ID, fk="patients.Id"),
          col("START_YEAR", sa.Integer, "int", lo=1950, hi=2024),
          col("END_YEAR", sa.Integer, "int", lo=1950, hi=2024),
          col("PAYER", ID, fk="payers.Id"),
          col("OWNERSHIP", sa.String(10), "choice", values=["Self", "Guardian", "Spouse"]))
    return md
