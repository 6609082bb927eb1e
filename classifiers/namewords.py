"""Person-name helpers the column verdict uses on whole values, without Presidio.

:func:`name_dictionary` (Faker's locale name lists) and :func:`name_shape` live here, not
in :mod:`classifiers.recognizers`, because the verdict, and through it
:mod:`classifiers.macie` and :mod:`classifiers.propose`, runs in the zip functions whose
layer is built without the ``discovery`` extra: importing Presidio there fails.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache

# Faker locales whose name lists form the dictionary.
NAME_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR",
                "pl_PL", "sv_SE", "da_DK", "pt_PT")

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LO = "a-zß-öø-ÿā-ž"
# One name word: Capitalised, optionally Mc/Mac-style inner capital, apostrophe/hyphen parts.
NAME_WORD = (rf"[{_UP}](?:[{_LO}]+(?:[{_UP}][{_LO}]+)?|(?=['’]))"
             rf"(?:['’-][{_UP}{_LO}][{_LO}]+)*")
_PARTICLES = {"van", "der", "den", "de", "la", "le", "von", "da", "di", "du", "del", "dos",
              "das", "ten", "ter", "bin", "al", "y"}
WORD_RE = re.compile(NAME_WORD)
SEQ_RE = re.compile(rf"\b{NAME_WORD}(?:\s+(?:(?:{'|'.join(sorted(_PARTICLES))})\s+)*"
                     rf"{NAME_WORD}){{0,3}}\b")

@dataclass(frozen=True)
class NameDictionary:
    first: frozenset[str]
    last: frozenset[str]

    def kind(self, word: str) -> str | None:
        """'first', 'last', 'both' or None for a (case-insensitive) word."""
        w = word.lower()
        f, la = w in self.first, w in self.last
        return "both" if f and la else "first" if f else "last" if la else None


def _names_of(attr: object) -> list[str]:
    if isinstance(attr, dict):
        return [str(k) for k in attr]
    if isinstance(attr, (list, tuple)):
        return [str(x) for x in attr]
    return []


@lru_cache(maxsize=1)
def name_dictionary() -> NameDictionary:
    """Lower-cased first and last names from Faker's person providers (several locales)."""
    first: set[str] = set()
    last: set[str] = set()
    for loc in NAME_LOCALES:
        try:
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first.update(n.lower() for n in _names_of(getattr(prov, attr, ())))
        last.update(n.lower() for n in _names_of(getattr(prov, "last_names", ())))
    # multi-word dictionary entries ("de la Cruz") are matched word by word
    first = {w for n in first for w in n.split() if len(w) > 1}
    last = {w for n in last for w in n.split() if len(w) > 1 and w not in _PARTICLES}
    return NameDictionary(frozenset(first), frozenset(last))


def name_shape(value: str) -> list[str] | None:
    """The name words of a value shaped like a person's name (1-4 words), else None."""
    v = value.strip()
    if not v or len(v) > 60:
        return None
    parts = v.split()
    if all(_NUMBERED.fullmatch(p.rstrip(",")) for p in parts):
        # generated and test data number their names to keep them unique ("Ana972
        # Gómez206"): every word numbered, the words are still names
        parts = [_NUMBERED.sub(r"\1", p.rstrip(",")) for p in parts]
    words: list[str] = []
    for part in parts:
        if part.lower() in _PARTICLES and words:
            continue
        if not WORD_RE.fullmatch(part.rstrip(",")):
            return None
        words.append(part.rstrip(","))
    return words if 1 <= len(words) <= 4 else None


_NUMBERED = re.compile(r"([^\W\d_][^\d\s]+)\d{1,4}")
