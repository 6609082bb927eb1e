"""Presidio, offline: an analyzer that never downloads a model or a suffix list.

The default NLP pipeline is a blank spaCy English pipeline (tokenizer only) with a tiny
component that sets ``lemma_ = lower_``, so Presidio's context words ("call", "phone",
"ssn") still boost scores. ``PIIGATE_SPACY_MODEL`` (or ``spacy_model=``) names an
installed spaCy model to use instead; it is never downloaded.

The email recognizer calls ``tldextract``, which would fetch the public suffix list and
write under ``~/.cache``: the environment is set before Presidio is imported.
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from piigate.errors import ConfigError

from . import names as N
from ._offline import offline_env

offline_env()  # again, in case this module is loaded on its own

import phonenumbers  # noqa: E402
import spacy  # noqa: E402
from presidio_analyzer import (  # noqa: E402
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpEngine, SlimSpacyNlpEngine, SpacyNlpEngine  # noqa: E402
from presidio_analyzer.predefined_recognizers import PhoneRecognizer  # noqa: E402
from spacy.language import Language  # noqa: E402

from .recognizers import (  # noqa: E402
    NameRecognizer,
    NationalIdRecognizer,
    PrivateEmailRecognizer,
)

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

# Presidio entities discovery asks for. Left out on purpose: URL (fires inside every
# email), DATE_TIME (dates are judged by type and range), US_DRIVER_LICENSE (6-digit
# integers), UK_NHS and US_BANK_NUMBER (random 10-digit numbers pass), CRYPTO, MAC, UUID.
ENTITIES = (N.EMAIL, N.PHONE, N.CARD, N.IBAN, N.IP, N.SSN, "US_ITIN", N.NATIONAL_ID,
            N.PERSON)
PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "CA", "BR", "AU", "IL")

_IPV4 = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
_IPV6 = re.compile(r"\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}\b")
_CAPWORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")


SHORT_WORDS = 3  # values of at most this many words skip the NLP pipeline
_PHONE_ONLY = re.compile(r"^\+?[\d\s().\-/]{7,24}$")


@lru_cache(maxsize=64)
def _trunk_prefix(region: str) -> str | None:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return meta.national_prefix if meta is not None else None


def _keeps_trunk_prefix(digits: str, region: str) -> bool:
    # A national number written without its trunk prefix ("0" in most of Europe) is
    # more likely an identifier than a phone: "123-45-6789" is not a French number.
    prefix = _trunk_prefix(region)
    return not prefix or prefix == "1" or digits.startswith(prefix)


class FastPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer with a fast path for a value that is only a number.

    ``PhoneNumberMatcher`` scans the text once per region (about 0.5 ms a value for a
    dozen regions); a column value that holds nothing but a phone number is parsed
    directly instead, region by region until one validates. Text keeps the matcher.
    """

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        stripped = text.strip()
        if not _PHONE_ONLY.match(stripped):
            return super().analyze(text, entities, nlp_artifacts)
        regions: tuple[str | None, ...] = (None,) if stripped.startswith("+") else \
            tuple(self.supported_regions)
        digits = "".join(ch for ch in stripped if ch.isdigit())
        for region in regions:
            if region is not None and not _keeps_trunk_prefix(digits, region):
                continue
            try:
                number = phonenumbers.parse(stripped, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                start = text.index(stripped)
                found = phonenumbers.region_code_for_number(number)
                return [RecognizerResult(
                    self.supported_entities[0], start, start + len(stripped), self.SCORE,
                    analysis_explanation=self._get_analysis_explanation(found),
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,  # type: ignore[has-type]
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
                )]
        return []


@Language.component("piigate_lemma")
def _lemma_is_lower(doc: Any) -> Any:
    # A blank pipeline leaves lemmas empty, which silences Presidio's context words.
    for tok in doc:
        tok.lemma_ = tok.lower_
    return doc


_IPV4_ONLY = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3}){3}\s*$")
_DIGIT_RUN = re.compile(r"\d[\d\s().\-/]*\d|\d")


def _longest_digit_run(value: str) -> int:
    """Digits in the longest run of digits and separators ("+44 20 7946 0958": 12)."""
    return max((sum(ch.isdigit() for ch in m.group(0)) for m in _DIGIT_RUN.finditer(value)),
               default=0)


def candidate_entities(value: str) -> list[str]:
    """Entities worth asking Presidio about for this value (cheap character tests).

    The phone recognizer costs about half a millisecond a value: it only runs on values
    with a run of at least seven digits (separators allowed), so that "order 12345 of
    customer 678" in a note is not tried as a phone number in twelve regions.
    """
    if _IPV4_ONLY.match(value):
        return [N.IP]  # four dotted numbers are not tried as phones in twelve regions
    digits = sum(ch.isdigit() for ch in value)
    letters = sum(ch.isalpha() for ch in value)
    run = _longest_digit_run(value) if digits >= 7 else digits
    out: list[str] = []
    if "@" in value:
        out.append(N.EMAIL)
    if run >= 7:
        out.append(N.PHONE)
    if run >= 8:
        out += [N.SSN, "US_ITIN", N.NATIONAL_ID]
    elif digits >= 1 and letters >= 1 and len(value) >= 9:
        out.append(N.NATIONAL_ID)  # codice fiscale, NINO, DNI carry letters
    if run >= 12:
        out.append(N.CARD)
    if digits >= 8 and letters >= 2 and len(value) >= 15:
        out.append(N.IBAN)
    if _IPV4.search(value) or (":" in value and _IPV6.search(value)):
        out.append(N.IP)
    if _CAPWORD.search(value):
        out.append(N.PERSON)
    return out


def _nlp_engine(model: str | None, *, lemma: bool = True) -> NlpEngine:
    if model:
        if not (spacy.util.is_package(model) or Path(model).exists()):
            raise ConfigError(
                f"spaCy model {model!r} is not installed (PII Gate never downloads models)",
                field="PIIGATE_SPACY_MODEL",
            )
        engine: NlpEngine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
        engine.load()
        return engine
    slim = SlimSpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank:en"}],
                              auto_download=False)
    slim.load()
    if lemma:
        slim.nlp["en"].add_pipe("piigate_lemma")  # type: ignore[index]
    return slim


class PiiEngine:
    """Presidio analyzer with our recognizers; ``analyze`` returns Presidio results."""

    def __init__(self, spacy_model: str | None = None) -> None:
        model = spacy_model if spacy_model is not None else os.environ.get("PIIGATE_SPACY_MODEL")
        nlp = _nlp_engine(model or None)
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp)
        registry.remove_recognizer("PhoneRecognizer")
        registry.add_recognizer(FastPhoneRecognizer(supported_regions=PHONE_REGIONS))
        registry.add_recognizer(NameRecognizer())
        registry.add_recognizer(NationalIdRecognizer())
        registry.add_recognizer(PrivateEmailRecognizer())
        self.uses_model = bool(model)
        self.analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry,
                                       supported_languages=["en"])
        self._recognizers: dict[tuple[str, ...], list[EntityRecognizer]] = {}

    def analyze(self, value: str, *, entities: list[str] | None = None,
                context: list[str] | None = None) -> list[RecognizerResult]:
        """Findings in one value; ``entities`` defaults to the cheap candidate filter.

        A short value (up to three words) skips the NLP pipeline: its recognizers run
        directly. Context words, the only use of the pipeline, are words around a
        finding; a column value of a few words has none (and ``context`` is not
        given). Half the cost of a value was the pipeline and the context pass.
        """
        ents = candidate_entities(value) if entities is None else entities
        if not ents:
            return []
        if context is None and len(value.split()) <= SHORT_WORDS:
            return self._direct(value, ents)
        return self.analyzer.analyze(value, language="en", entities=ents, context=context)

    def _direct(self, value: str, ents: list[str]) -> list[RecognizerResult]:
        key = tuple(ents)
        recs = self._recognizers.get(key)
        if recs is None:
            recs = self._recognizers[key] = self.analyzer.registry.get_recognizers(
                language="en", entities=ents)
            for r in recs:
                if not r.is_loaded:
                    r.load()
                    r.is_loaded = True
        out: list[RecognizerResult] = []
        for r in recs:
            # no NLP artifacts: the recognizers we ask read only the text
            out.extend(r.analyze(text=value, entities=ents,
                                 nlp_artifacts=None) or [])  # type: ignore[arg-type]
        return EntityRecognizer.remove_duplicates(out)


class PresidioDefault:
    """Presidio's defaults for comparison: blank pipeline, stock recognizers, no context."""

    def __init__(self) -> None:
        nlp = _nlp_engine(None, lemma=False)
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp)
        self.uses_model = False
        self.analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry,
                                       supported_languages=["en"])

    def analyze(self, value: str, *, entities: list[str] | None = None,
                context: list[str] | None = None) -> list[RecognizerResult]:
        return self.analyzer.analyze(value, language="en")


@lru_cache(maxsize=2)
def default_engine(spacy_model: str | None = None) -> PiiEngine:
    """One engine per process (loading takes a fraction of a second, but it adds up)."""
    return PiiEngine(spacy_model)
