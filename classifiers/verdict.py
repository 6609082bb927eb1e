"""Per-column verdict: sample results aggregated into an entity, a confidence and evidence.

Evidence is hit counts per entity, the signals that fired (column name, value
recognizers, name dictionary, date relations) and masked examples (``G****i``), never a
raw value. JSON columns get a finding per key path; free text gets the entities found
inside it.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

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
    examples: dict[str, list[str]] = field(default_factory=dict)


def _text_stats(values: Iterable[str], engine: Analyzer, phone_by_name: bool) -> _TextStats:
    st = _TextStats()
    d = name_dictionary()
    for raw in values:
        v = raw.strip()
        if not v:
            continue
        st.distinct += 1
        if len(v) >= 25 and len(v.split()) >= 4:
            st.long_text += 1
        digits_only = v.isdigit()
        st.digits_only += digits_only
        seen_whole: set[str] = set()
        seen_inside: set[str] = set()
        for r in engine.analyze(v):
            ent = r.entity_type
            if ent == N.PHONE and digits_only and not phone_by_name:
                continue  # bare digit strings (tracking numbers, ids) pass as phones
            if r.score >= IN_TEXT_SCORE or (ent == N.PERSON and r.score >= 0.6):
                seen_inside.add(ent)
            if r.score >= WHOLE_VALUE_SCORE and (r.end - r.start) >= 0.8 * len(v):
                seen_whole.add(ent)
        for ent in seen_whole:
            st.whole[ent] += 1
            st.examples.setdefault(ent, [])
            if len(st.examples[ent]) < MAX_EXAMPLES:
                st.examples[ent].append(mask(v))
        for ent in seen_inside:
            st.inside[ent] += 1
        if seen_inside and len(st.examples.setdefault("TEXT", [])) < MAX_EXAMPLES:
            st.examples["TEXT"].append(mask(v))
        words = name_shape(v)
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
    return st


def text_verdict(name: str, values: list[Any], engine: Analyzer, *, key_name: str | None = None
                 ) -> Verdict:
    """Verdict for a column (or JSON path) of text-like values."""
    nm = N.match(key_name if key_name is not None else name)
    strs = [v if isinstance(v, str) else str(v) for v in values]
    st = _text_stats(strs, engine, phone_by_name=nm is not None and nm.entity == N.PHONE)
    v = Verdict(sampled=st.distinct, hits={k: int(c) for k, c in st.whole.items()},
                letters=any(ch.isalpha() for s in strs for ch in s))
    if nm:
        v.signals.append(nm.signal)
    if st.distinct == 0:
        if nm:
            v.note = f"column name suggests {nm.entity} but no value was sampled"
        return v
    if st.long_text >= 0.5 * st.distinct:
        return _free_text(v, st)
    ratios = {e: c / st.distinct for e, c in st.whole.items() if e != N.PERSON}
    best = max(ratios, key=lambda e: ratios[e]) if ratios else None
    best_r = ratios.get(best, 0.0) if best else 0.0
    if nm and best and nm.entity in _ID_FAMILY and best in _ID_FAMILY and best_r >= 0.3:
        best = nm.entity  # "passport_no" holding numbers that also parse as phones
    if best and sum(ratios.values()) >= 0.5:  # one entity, or several in a "contact" column
        return _by_values(v, st, best, best_r, nm)
    if nm:
        return _by_name(v, st, nm)
    return _by_name_shape(v, st) or _keep(v)


def _by_values(v: Verdict, st: _TextStats, entity: str, ratio: float,
               nm: N.NameMatch | None) -> Verdict:
    v.entity = entity
    v.confidence = 0.5 + 0.5 * ratio + (0.1 if nm and nm.entity == entity else 0.0)
    v.signals.append(f"values:{entity}={st.whole[entity]}/{st.distinct}")
    v.examples = st.examples.get(entity, [])
    return v


def _by_name(v: Verdict, st: _TextStats, nm: N.NameMatch) -> Verdict:
    shape_r = st.shaped / st.distinct
    contradicted = (
        (nm.entity in VERIFIABLE and st.whole.get(nm.entity, 0) == 0)
        or (nm.entity in NAME_ENTITIES and shape_r < 0.2)
    )
    if contradicted and st.distinct <= 3:
        v.note = (f"column name suggests {nm.entity} but none of {st.distinct} distinct "
                  "sampled values looks like one")
        return v
    v.entity = nm.entity
    if nm.entity in NAME_ENTITIES:
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
    if shape_r < 0.9 or dict_r < 0.2:
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
    found = sum(1 for _ in st.inside)
    if not found:
        return _keep(v)
    ent, count = st.inside.most_common(1)[0]
    if count < max(2, 0.05 * st.distinct):
        return _keep(v)
    v.entity = FREE_TEXT
    v.confidence = min(1.0, 0.5 + count / st.distinct)
    v.examples = st.examples.get("TEXT", [])
    v.signals.append(f"in-text:{ent}={count}/{st.distinct}")
    return v


def _keep(v: Verdict) -> Verdict:
    v.entity = None
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
            return None
    return None


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
    elif not other_dates and statistics.pstdev(ages) >= 8 and 18 <= statistics.median(ages) <= 90:
        v.entity = N.DOB
        v.confidence = 0.55
        v.signals.append("age-spread")
    if v.entity:
        v.signals.append(f"age-range={v.hits['AGE_14_110']}/{len(dates)}")
    return v


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


def json_verdict(values: list[Any], engine: Analyzer, limit: int = 1000) -> Verdict:
    """Findings per key path; the column entity is JSON when any path holds personal data."""
    leaves: dict[str, list[Any]] = {}
    docs = 0
    for x in values:
        doc = parse_json(x)
        if doc is not None:
            docs += 1
            _walk(doc, "$", leaves, limit)
    v = Verdict(sampled=docs, signals=["json"])
    for path, vals in sorted(leaves.items()):
        pv = _path_verdict(path, vals, engine)
        if pv.entity:
            v.paths[path] = pv.entity
            v.hits[path] = pv.hits.get(pv.entity, 0) or pv.sampled
            v.examples += pv.examples[:1]
            v.confidence = max(v.confidence, pv.confidence)
    if v.paths:
        v.entity = JSON
    return v


def _path_verdict(path: str, vals: list[Any], engine: Analyzer) -> Verdict:
    names = _path_key_names(path)
    matches = [(n, m) for n in names if (m := N.match(n)) is not None]
    key, nm = matches[0] if matches else (names[0] if names else path, None)
    if nm is not None and nm.entity == N.DOB and vals and all(_as_date(x) for x in vals[:20]):
        return Verdict(entity=N.DOB, confidence=0.8, sampled=len(vals), signals=[nm.signal])
    texts = [x for x in vals if not isinstance(x, (int, float))] or vals
    return text_verdict(path, texts, engine, key_name=key)
