"""Recognizers added to Presidio where its defaults fall short offline.

- :class:`NameRecognizer`: person names from a dictionary of Faker's locale name lists
  combined with a name-shape pattern (a blank spaCy pipeline has no NER, so Presidio's
  own PERSON finds nothing).
- :class:`NationalIdRecognizer`: European and other national identifiers validated with
  python-stdnum check digits (Presidio covers US ones).

The helpers the column verdict uses on whole values (:func:`name_shape`,
:func:`name_dictionary`) are in :mod:`classifiers.namewords`, which needs no Presidio.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from .namewords import (  # noqa: F401 - name_shape is re-exported for callers
    SEQ_RE,
    WORD_RE,
    NameDictionary,
    name_dictionary,
    name_shape,
)

# Capitalised words that start sentences or name things, never counted as names in text.
_TEXT_STOP = {"the", "please", "called", "call", "customer", "client", "order", "invoice",
              "thanks", "thank", "dear", "hello", "hi", "mr", "mrs", "ms", "dr", "see",
              "note", "sent", "asked", "spoke", "met", "email", "phone", "will", "may",
              "june", "april", "august", "street", "road", "avenue", "city", "new", "north",
              "south", "east", "west", "saint", "st", "monday", "friday", "sunday"}


def _result(rec: EntityRecognizer, entity: str, start: int, end: int, score: float
            ) -> RecognizerResult:
    # Presidio's context enhancer needs an explanation and the recognizer's identity.
    name: str = rec.name  # type: ignore[has-type]  # presidio leaves it untyped
    expl = AnalysisExplanation(recognizer=name, original_score=score)
    return RecognizerResult(entity, start, end, score, analysis_explanation=expl,
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id,
                            })


class NameRecognizer(EntityRecognizer):
    """PERSON: runs of name-shaped words with at least one dictionary name among them."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="PiiGateNameRecognizer",
                         supported_language="en", context=["name", "named", "called", "mr",
                                                           "mrs", "ms", "contact"])

    def load(self) -> None:
        name_dictionary()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None
                ) -> list[RecognizerResult]:
        d = name_dictionary()
        out: list[RecognizerResult] = []
        for m in SEQ_RE.finditer(text):
            words = [w for w in WORD_RE.findall(m.group(0)) if w.lower() not in _TEXT_STOP]
            if not words:
                continue
            known = sum(1 for w in words if d.kind(w))
            if len(words) >= 2 and known >= 1:
                score = 0.85 if known >= 2 else 0.6
            elif len(words) == 1 and known and m.group(0) == text.strip():
                score = 0.4  # a lone dictionary name: only as the whole value
            else:
                continue
            start = m.start() + m.group(0).find(words[0])
            out.append(_result(self, "PERSON", start, m.end(), score))
        return out


# (stdnum module, strength, lengths of the compact form): strong check digits vs. weak
# (about 1 in 10 numbers pass). The lengths only skip validators that cannot pass (each
# validator costs tens of microseconds, and every digit-rich value meets fourteen).
_STDNUM = (
    ("fr.nir", 0.7, (15,)), ("de.idnr", 0.5, (11,)), ("es.dni", 0.7, (9,)),
    ("es.nie", 0.7, (9,)), ("it.codicefiscale", 0.8, (16,)), ("gb.nino", 0.6, (8, 9)),
    ("br.cpf", 0.5, (11,)), ("se.personnummer", 0.5, (10, 12)), ("fi.hetu", 0.7, (10, 11)),
    ("nl.bsn", 0.3, (8, 9)), ("pl.pesel", 0.3, (11,)), ("dk.cpr", 0.3, (10,)),
    ("ca.sin", 0.3, (9,)), ("be.nn", 0.5, (11,)),
)
_ID_CANDIDATE = re.compile(r"(?<![\w-])[0-9A-Z][0-9A-Z .\-/]{6,22}[0-9A-Z](?![\w-])", re.I)


@lru_cache(maxsize=1)
def _validators() -> dict[int, list[tuple[str, Any, float]]]:
    """Compact length -> the validators a value of that length can pass."""
    out: dict[int, list[tuple[str, Any, float]]] = {}
    for modname, strength, lengths in _STDNUM:
        try:
            mod = importlib.import_module(f"stdnum.{modname}")
        except ImportError:
            continue
        for n in lengths:
            out.setdefault(n, []).append((modname, mod, strength))
    return out


def national_id_kind(value: str) -> tuple[str, float] | None:
    """Which stdnum national-id format a value passes (module name, strength), if any."""
    compact = re.sub(r"[ .\-/]", "", value)
    if not (8 <= len(compact) <= 16) or not any(ch.isdigit() for ch in compact):
        return None
    best: tuple[str, float] | None = None
    for modname, mod, strength in _validators().get(len(compact), []):
        try:
            ok = mod.is_valid(value)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - stdnum raises on odd input in a few modules
            ok = False
        if ok and (best is None or strength > best[1]):
            best = (modname, strength)
    return best


class NationalIdRecognizer(EntityRecognizer):
    """NATIONAL_ID: candidates validated by python-stdnum (check digits, formats)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["NATIONAL_ID"], name="PiiGateNationalIdRecognizer",
                         supported_language="en",
                         context=["id", "national", "insurance", "tax", "dni", "nir", "bsn",
                                  "pesel", "cpf", "identity", "securite", "sociale"])

    def load(self) -> None:
        _validators()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None
                ) -> list[RecognizerResult]:
        out = []
        for m in _ID_CANDIDATE.finditer(text):
            hit = national_id_kind(m.group(0).upper())
            if hit:
                out.append(_result(self, "NATIONAL_ID", m.start(), m.end(), hit[1]))
        return out


# Top-level domains that are no public suffix but name mail hosts all the same: the
# reserved ones (RFC 2606, 6761, 6762) and those intranets use. Presidio checks an
# address's domain against the public suffix list, so ``anna.berg@corp.example`` or
# ``jdoe@ad.internal`` (directory and HR user ids) is nobody's address to it.
PRIVATE_TLDS = ("example", "test", "invalid", "localhost", "local", "internal", "intranet",
                "lan", "corp", "home", "localdomain", "private")
_PRIVATE_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+'-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"(?:" + "|".join(PRIVATE_TLDS) + r")(?![\w.-]*\w)", re.I)


class PrivateEmailRecognizer(EntityRecognizer):
    """EMAIL_ADDRESS at a reserved or intranet domain, which Presidio's own recognizer
    refuses (fail closed: a mailbox at ``.example`` is still a mailbox)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["EMAIL_ADDRESS"],
                         name="PiiGatePrivateEmailRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None
                ) -> list[RecognizerResult]:
        return [_result(self, "EMAIL_ADDRESS", m.start(), m.end(), 1.0)
                for m in _PRIVATE_EMAIL.finditer(text)]
