"""Discovery's evidence in words a reviewer knows.

Discovery writes entity names (``EMAIL_ADDRESS``, ``AGE_14_110``) and compact signals
(``values:US_SSN=20/20``, ``column-name:date of birth``); the review page says what
they mean ("20 of 20 distinct values sampled looked like US social security numbers").
Anything not known here is still shown, in lower case, never dropped.
"""

from __future__ import annotations

import re
from typing import Any

# entity -> (plural noun for "looked like ...", heading of its group on the page)
_ENTITIES: dict[str, tuple[str, str]] = {
    "EMAIL_ADDRESS": ("email addresses", "Email addresses"),
    "PHONE_NUMBER": ("phone numbers", "Phone numbers"),
    "PERSON": ("people's names", "Names"),
    "FIRST_NAME": ("first names", "Names"),
    "LAST_NAME": ("last names", "Names"),
    "US_SSN": ("US social security numbers", "Identity numbers"),
    "NATIONAL_ID": ("national ID numbers", "Identity numbers"),
    "PASSPORT": ("passport numbers", "Identity numbers"),
    "US_PASSPORT": ("passport numbers", "Identity numbers"),
    "US_DRIVER_LICENSE": ("driving licence numbers", "Identity numbers"),
    "US_ITIN": ("US taxpayer numbers", "Identity numbers"),
    "DATE_OF_BIRTH": ("birth dates", "Birth dates"),
    "AGE_14_110": ("dates 14 to 110 years back (the range of birth dates)", "Birth dates"),
    "CREDIT_CARD": ("card numbers", "Bank and card numbers"),
    "IBAN_CODE": ("bank account numbers (IBAN)", "Bank and card numbers"),
    "US_BANK_NUMBER": ("bank account numbers", "Bank and card numbers"),
    "STREET_ADDRESS": ("street addresses", "Addresses"),
    "CITY": ("cities", "Addresses"),
    "POSTCODE": ("postcodes", "Addresses"),
    "LOCATION": ("places", "Addresses"),
    "IP_ADDRESS": ("IP addresses", "Online identifiers"),
    "USERNAME": ("user names", "Online identifiers"),
    "URL": ("web addresses", "Online identifiers"),
    "FREE_TEXT": ("free text mentioning people", "Free text"),
    "JSON": ("documents with personal fields", "Documents (JSON)"),
    "PERSON_KEY": ("keys that identify a person", "Keys that identify a person"),
    "NAME_SHAPE": ("names (capitalised words)", "Names"),
    "NAME_DICTIONARY": ("names in the names dictionary", "Names"),
    "DATE_TIME": ("dates or times", "Dates"),
    "NRP": ("nationalities, religions or political groups", "Sensitive categories"),
}
OTHER_GROUP = "Other columns to mask"


def entity_words(entity: str | None) -> str:
    """``EMAIL_ADDRESS`` -> "email addresses"; unknown names in lower case."""
    if not entity:
        return "nothing personal"
    if entity in _ENTITIES:
        return _ENTITIES[entity][0]
    if entity.startswith("$"):  # a JSON path
        return f"the field {entity}"
    return entity.replace("_", " ").lower()


def group_name(entity: str | None) -> str:
    """The summary's heading for a masked column of this entity."""
    if entity and entity in _ENTITIES:
        return _ENTITIES[entity][1]
    return OTHER_GROUP if not entity else entity.replace("_", " ").capitalize()


# signal names that report the same count as a hit entity
_SAME = {"age-range": "AGE_14_110", "name-shape": "NAME_SHAPE",
         "name-dictionary": "NAME_DICTIONARY"}
_RATIO = re.compile(r"^(?P<what>[\w$.\[\]*-]+)=(?P<n>\d+)/(?P<of>\d+)$")


def signal_words(signal: str) -> str:
    """One discovery signal as a sentence fragment."""
    head, _, rest = signal.partition(":")
    if head == "column-name":
        return f"the column name says \u201c{rest}\u201d"
    if head in ("values", "in-text") and (m := _RATIO.match(rest)):
        verb = "looked like" if head == "values" else "mentioned"
        n, of = int(m["n"]), int(m["of"])
        return f"{n} of {of} distinct values sampled {verb} {entity_words(m['what'])}"
    if m := _RATIO.match(signal):
        what = {"name-shape": "had the shape of names",
                "name-dictionary": "are in the names dictionary",
                "age-range": "lie 14 to 110 years back (the range of birth dates)"}.get(
            m["what"], m["what"].replace("-", " "))
        return f"{m['n']} of {m['of']} distinct values sampled {what}"
    if head == "fk-closure":
        return f"refers to {rest}, which is masked: masked alike so joins still work"
    if head == "referenced-by":
        return f"{rest} refers to it"
    if head == "precedes":
        column, _, by = rest.partition(" by ")
        return f"comes {by or 'years'} before {column} in nearly every row"
    return {
        "free-text": "long free text",
        "json": "a JSON document",
        "age-spread": "the dates are spread like birth dates",
    }.get(signal, signal.replace("-", " ").replace("_", " "))


def evidence(finding: Any, masked: bool) -> list[str]:
    """What discovery saw, as sentences; counts say "x of N distinct values sampled"."""
    if finding is None:
        return []
    out = [signal_words(s) for s in finding.signals]
    told = {_SAME.get(m["what"], m["what"]) for s in finding.signals
            if (m := _RATIO.match(s.partition(":")[2] or s))}
    n = finding.sampled
    for entity, hits in finding.hits.items():
        if entity in told or hits == 0 or entity.startswith("$"):
            continue
        of = f" of {n}" if n else ""
        line = f"{hits}{of} distinct values sampled looked like {entity_words(entity)}"
        out.append(line if masked or finding.entity else line + "; on its own not enough to mask")
    for path, entity in finding.paths.items():
        out.append(f"{path} holds {entity_words(entity)}")
    if not out and n and not masked:
        # the keep reason counts sampled values; say how many of them differ
        out.append(f"{n} distinct {'value' if n == 1 else 'values'} sampled, "
                   "none looked personal")
    return out


def finding_words(finding: Any, masked: bool = False) -> str:
    """The verdict in one phrase: "email addresses (sure, 0.93)", "nothing personal"."""
    if masked and (finding is None or not finding.entity):
        return "no finding of its own (decided by rule or carried over)"
    if finding is None or not finding.entity:
        return "nothing personal"
    c = finding.confidence
    sure = "sure" if c >= 0.9 else "likely" if c >= 0.7 else "possible"
    return f"{entity_words(finding.entity)} ({sure}, {c:.2f})"
