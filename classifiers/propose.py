"""The proposal: a schema in which every column of every readable table has a decision.

Order of precedence for one column:

1. carried over from the previously approved schema when nothing drifted;
2. a column-name rule of the defaults file (``columns``), like the seed's defaults.json;
3. discovery's entity mapped to a method (``entities`` of the defaults file may change
   the map), fitted to the column's SQL kind;
4. ``keep`` with the reason ("no personal data found in N sampled values").

Then keys: the primary key of a table holding personal data that other tables reference
is masked (``fpe``), and foreign-key closure gives every column joined to a masked key
the same method and the same ``domain``. Tables that could not be read get no rules at
all, so the coverage check fails closed on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piigate.db import ColumnInfo, Inventory
from piigate.errors import ConfigError
from piigate.methods import ONE_TO_ONE, fits
from piigate.schema.model import COLUMN_RULE, Finding, FpeRule, Schema, TableRule, parse_schema

from . import names as N
from .verdict import FREE_TEXT, JSON, MAC, PROFILE_URL, UUID_LIKE, VERIFIABLE, Verdict

UNREADABLE = "UNREADABLE"  # a column whose values could not be read: masked, fail closed

# entity -> rule for a text column; fitted to other kinds by :func:`fit`
DEFAULT_ENTITY_RULES: dict[str, dict[str, Any]] = {
    N.PERSON: {"method": "fake", "kind": "full_name"},
    N.FIRST_NAME: {"method": "fake", "kind": "first_name"},
    N.LAST_NAME: {"method": "fake", "kind": "last_name"},
    N.EMAIL: {"method": "fake", "kind": "email"},
    N.PHONE: {"method": "fpe", "alphabet": "digits"},
    N.SSN: {"method": "fpe", "alphabet": "digits"},
    "US_ITIN": {"method": "fpe", "alphabet": "digits"},
    N.NATIONAL_ID: {"method": "fpe", "alphabet": "digits"},
    N.PASSPORT: {"method": "fpe", "alphabet": "alnum"},
    N.CARD: {"method": "fpe", "alphabet": "digits", "luhn": True},
    N.IBAN: {"method": "fpe", "alphabet": "alnum"},
    N.IP: {"method": "hash"},
    N.USERNAME: {"method": "fpe", "alphabet": "alnum"},
    N.DOB: {"method": "date_shift", "max_days": 30},
    N.STREET: {"method": "fake", "kind": "street_address"},
    N.CITY: {"method": "fake", "kind": "city"},
    N.POSTCODE: {"method": "fake", "kind": "postcode"},
    FREE_TEXT: {"method": "redact"},
    "PERSON_KEY": {"method": "fpe"},
    # a region's name or code keeps its shape; letters enciphered
    N.REGION: {"method": "fpe", "alphabet": "alnum"},
    # a credential is never needed in clear: a keyed hash keeps distinct values distinct
    N.CREDENTIAL: {"method": "hash"},
    MAC: {"method": "fpe", "alphabet": "alnum"},
    PROFILE_URL: {"method": "hash"},
    N.PERSON_ID: {"method": "fpe", "alphabet": "alnum"},
    N.CARD_EXPIRY: {"method": "fpe", "alphabet": "digits"},
    N.CARD_DIGITS: {"method": "fpe", "alphabet": "digits"},
    N.PHOTO: {"method": "null"},
    "BINARY": {"method": "null"},
    "DOCUMENT": {"method": "null"},
    "LOCATION": {"method": "null"},
    UNREADABLE: {"method": "null"},
}
# the default keep_chars of an fpe rule (characters left in place)
FPE_KEEP_CHARS: str = FpeRule.model_fields["keep_chars"].default

@dataclass
class Defaults:
    """The defaults file: entity -> rule, column name -> rule, JSON keys -> rule."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    columns: dict[str, dict[str, Any]] = field(default_factory=dict)
    json_all_keys: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, *, file: str | None = None) -> Defaults:
        data = data or {}
        if not isinstance(data, dict):
            raise ConfigError("a defaults file is a JSON object", file=file)
        unknown = set(data) - {"entities", "columns", "json"}
        if unknown:
            raise ConfigError(f"unknown defaults section {sorted(unknown)[0]!r} "
                              "(use entities, columns, json)", file=file)
        out = cls(entities={**DEFAULT_ENTITY_RULES, **(data.get("entities") or {})},
                  columns=dict(data.get("columns") or {}),
                  json_all_keys=dict((data.get("json") or {}).get("all_keys") or {}))
        for section, rules in (("entities", out.entities), ("columns", out.columns),
                               ("json.all_keys", out.json_all_keys)):
            for key, rule in rules.items():
                try:
                    COLUMN_RULE.validate_python(rule)
                except Exception:  # noqa: BLE001 - pydantic's message names the value
                    raise ConfigError("not a valid column rule", file=file,
                                      field=f"{section}.{key}") from None
        return out


def load_defaults(path: str | Path) -> dict[str, Any]:
    """Read a defaults JSON file (validated when the scan starts)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("defaults file not found", file=str(p)) from None
    except json.JSONDecodeError as exc:  # its message gives the place, never the text
        raise ConfigError(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
                          file=str(p)) from None
    except UnicodeDecodeError:
        raise ConfigError("the defaults file is not UTF-8", file=str(p)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the defaults file ({exc.strerror or 'unreadable'})",
                          file=str(p)) from None
    Defaults.from_dict(data, file=str(p))
    return data


def fit(rule: dict[str, Any], col: ColumnInfo, v: Verdict | None = None
        ) -> dict[str, Any] | None:
    """The rule adapted to the column's kind, limits and sampled values, or None when no
    method fits.

    The same limits as the planner's check: a constant on a unique column would collide,
    a hash needs eight characters, a redaction marker must fit the declared length. A
    unique column needs a one-to-one method (fake values repeat), and fpe keeps in place
    every character of the sampled values outside its alphabet (``keep_chars``), so
    that ``tokenize`` accepts them.
    """
    fitted = _fit_kind(rule, col)
    if fitted is None or col.kind != "text":
        return fitted
    method = fitted["method"]
    unique = col.unique or col.primary_key
    if method in ("redact", "constant") and unique:
        fitted = {"method": "fpe", "alphabet": "alnum"}
    elif method == "fake" and unique:
        fitted = {"method": "fpe", "alphabet": "alnum"}  # fakes repeat: not one-to-one
    elif method == "hash" and col.length is not None and col.length < (16 if unique else 8):
        fitted = {"method": "fpe", "alphabet": "alnum"}  # short hashes collide
    method = fitted["method"]
    if method == "fpe" and v is not None and not unique and _open_alphabet(v.others) and \
            (col.length is None or col.length >= 8):
        # text in many scripts: the next values hold letters no sample showed, which
        # fpe would refuse; a hash takes any text (a unique column keeps fpe: one-to-one)
        fitted = {"method": "hash"}
        method = "hash"
    if method == "redact" and col.length is not None:
        marker = str(fitted.get("value", "REDACTED"))
        if len(marker) > col.length:
            fitted["value"] = marker[: col.length] if col.length >= 1 else ""
    if method == "fpe" and v is not None:
        if fitted.get("alphabet", "auto") in ("auto", "alnum") and _all_uuids(v):
            fitted["alphabet"] = "hex"
        _fit_fpe(fitted, v.letters, v.others)
    return fitted


def _all_uuids(v: Verdict | None) -> bool:
    """Whether every sampled value is a uuid: uuids kept as text (SQLite, CHAR(36)) then
    get uuids as tokens (``fpe`` over hex), which the application's uuid type still reads."""
    return v is not None and v.hits.get(UUID_LIKE, 0) >= v.sampled > 0


def _open_alphabet(others: str) -> bool:
    """Whether sampled text holds letters beyond ASCII (names, addresses in many scripts)."""
    return any(ch.isalpha() and not ch.isascii() for ch in others)


def _fit_fpe(rule: dict[str, Any], letters: bool, others: str) -> None:
    """An fpe rule widened to the sampled values: letters need alnum, and every other
    character seen is kept in place (``tokenize`` refuses characters outside both)."""
    if rule.get("alphabet") == "digits" and letters:
        rule["alphabet"] = "alnum"  # "12345678Z": letters would fall outside digits
        rule.pop("luhn", None)
    keep = str(rule.get("keep_chars", FPE_KEEP_CHARS))
    extra = "".join(ch for ch in others if ch not in keep)
    if extra:
        rule["keep_chars"] = keep + extra


def _fit_kind(rule: dict[str, Any], col: ColumnInfo) -> dict[str, Any] | None:
    method = rule["method"]
    if fits(method, col.kind):
        if method == "null" and not col.nullable:
            return None
        if method == "fpe" and col.kind == "integer":
            return {k: v for k, v in rule.items() if k not in ("alphabet", "luhn")}
        if method == "fpe" and col.kind == "uuid":
            return {"method": "fpe", "alphabet": "hex"}  # a uuid's digits, dashes kept
        return dict(rule)
    if col.kind in ("integer", "uuid"):
        # one-to-one and of the column's type: a key stays joinable, a uuid a uuid
        return {"method": "fpe", **({"alphabet": "hex"} if col.kind == "uuid" else {})}
    if col.kind in ("date", "datetime"):
        return {"method": "date_shift", "max_days": 30}
    if col.kind == "text":
        if method == "date_shift":
            return {"method": "fpe", "alphabet": "digits"}
        return {"method": "redact"}
    if col.nullable:
        return {"method": "null"}
    return None


def entity_rule(v: Verdict, col: ColumnInfo, d: Defaults) -> dict[str, Any] | None:
    """Discovery's method for a column with a finding, fitted to its kind and values."""
    assert v.entity is not None
    if v.entity == JSON:
        return json_rule(v, col, d)
    rule = dict(d.entities.get(v.entity) or {"method": "redact"})
    if col.kind == "text" and rule["method"] in ("fake", "fpe") and _values_disagree(v):
        # a minority of the values, or a name the values contradict ("email" holding
        # mailbox names without @): keep every value's shape rather than make up e-mails
        rule = {"method": "fpe", "alphabet": "alnum"}
    return fit(rule, col, v)


def _values_disagree(v: Verdict) -> bool:
    if v.partial:
        return True
    return v.entity in VERIFIABLE and v.sampled > 0 and \
        v.hits.get(v.entity or "", 0) < 0.5 * v.sampled


def json_rule(v: Verdict, col: ColumnInfo, d: Defaults) -> dict[str, Any] | None:
    paths = []
    for path, entity in sorted(v.paths.items()):
        inner = dict(d.entities.get(entity) or {"method": "redact"})
        if inner["method"] in ("json", "keep"):
            inner = {"method": "redact"}
        if inner["method"] == "fpe" and path in v.path_chars:
            _fit_fpe(inner, *v.path_chars[path])
        paths.append({"path": path, "rule": inner})
    rule: dict[str, Any] = {"method": "json", "paths": paths}
    if d.json_all_keys:
        rule["all_keys"] = dict(d.json_all_keys)
    return fit(rule, col)


def keep_reason(v: Verdict, col: ColumnInfo, sampled_values: int) -> str:
    if v.note:
        return v.note
    if col.kind == "binary":
        return f"binary column ({v.content or 'no value sampled'}): no personal data found"
    if sampled_values == 0:
        return "no non-NULL value among the sampled rows"
    return f"no personal data found in {sampled_values} sampled values"


@dataclass
class Decision:
    """One column's proposed rule (as a dict) with its provenance."""

    rule: dict[str, Any]
    decided_by: str
    finding: Finding | None = None
    drift: str | None = None
    carried: bool = False


def decide_column(col: ColumnInfo, v: Verdict, sampled_values: int, d: Defaults) -> Decision:
    """Defaults' column rule, else discovery's method, else keep with a reason."""
    finding = v.finding()
    by_name = d.columns.get(col.name)
    if by_name is not None and col.kind != "json":
        fitted = fit(by_name, col)
        if fitted is not None:
            return Decision(fitted, "default", finding)
    if v.entity is not None:
        rule = entity_rule(v, col, d)
        if rule is not None:
            if v.note:
                rule["note"] = v.note
            return Decision(rule, "discovery", finding)
        # Fail closed: null on a NOT NULL column is a decision check refuses, so nothing
        # runs until a reviewer keeps the column or chooses another method.
        note = (f"{v.entity} found, but no masking method fits a NOT NULL {col.kind} "
                "column: check refuses this until a reviewer keeps it or picks a method")
        return Decision({"method": "null", "note": note}, "discovery", finding)
    return Decision({"method": "keep", "reason": keep_reason(v, col, sampled_values)},
                    "discovery", finding)


# -- keys and foreign-key closure -------------------------------------------------------


def _masked(dec: Decision | None) -> bool:
    return dec is not None and dec.rule["method"] != "keep"


def mask_person_keys(inv: Inventory, decisions: dict[tuple[str, str], Decision],
                     people: dict[str, str],
                     verdicts: dict[tuple[str, str], Verdict] | None = None) -> None:
    """One rule for keys: the primary key of a table about people is masked (``fpe``),
    and no other table's key is.

    ``people``: table -> why it is about people (:mod:`classifiers.context`). Such a
    key (an employee number, a customer id) identifies the person in every table that
    stores it; masking it (with foreign-key closure) keeps joins while cutting the link
    to production identifiers. A key of a table without personal data stays as it is,
    and so does every column joined to it, unless a column of the group holds personal
    data itself (an e-mail used as a key).
    """
    for t in inv.tables.values():
        if t.error or len(t.primary_key) != 1:
            continue
        pk = t.primary_key[0]
        if t.name not in people or _masked(decisions.get((t.name, pk))):
            continue
        # fitted to the key's sampled values: characters kept, uuids in text stay uuids
        rule = fit({"method": "fpe"}, t.columns[pk], (verdicts or {}).get((t.name, pk)))
        if rule is None:
            continue
        refs = sorted(f"{fk.table}.{fk.columns[0]}" for fk in inv.all_foreign_keys()
                      if (fk.ref_table, fk.ref_columns[0]) == (t.name, pk))
        refs += [f"{a}.{b}" for a, b in _same_name_columns(inv, t.name, pk)]
        finding = Finding(entity="PERSON_KEY", confidence=0.8,
                          signals=[f"primary key of a table about people ({people[t.name]})"]
                          + [f"referenced-by:{r}" for r in refs[:10]])
        prev = decisions.get((t.name, pk))
        decisions[(t.name, pk)] = Decision(rule, "discovery", finding,
                                           drift=prev.drift if prev else None)


def _same_name_columns(inv: Inventory, table: str, column: str) -> list[tuple[str, str]]:
    """Key-like columns elsewhere with the same name and no foreign key (implied joins)."""
    with_fk = {(fk.table, c) for fk in inv.all_foreign_keys() for c in fk.columns}
    kind = inv.tables[table].columns[column].kind
    # "id" (or "key") alone names every table's own key; only a specific name ("emp_no") implies
    if not N.looks_like_key_name(column) or N.tokens(column) in (["id"], ["key"]):
        return []
    out = []
    for t in inv.tables.values():
        c = t.columns.get(column)
        if (t.name != table and c is not None and c.kind == kind
                and (t.name, column) not in with_fk and t.primary_key != [column]):
            out.append((t.name, column))
    return out


def _components(inv: Inventory) -> list[list[tuple[str, str]]]:
    """Columns joined by foreign keys (and same-name implied keys), root first."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for fk in inv.all_foreign_keys():
        for c, rc in zip(fk.columns, fk.ref_columns, strict=False):
            edges.append(((fk.table, c), (fk.ref_table, rc)))
    for t in inv.tables.values():
        if len(t.primary_key) == 1:
            for other in _same_name_columns(inv, t.name, t.primary_key[0]):
                edges.append((other, (t.name, t.primary_key[0])))
    referencing = {a for a, _ in edges}
    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    out = []
    for members in groups.values():
        # root: a referenced column that references nothing (the ultimate parent key)
        members.sort(key=lambda m: (m in referencing, m))
        out.append(members)
    return out


def fk_closure(inv: Inventory, decisions: dict[tuple[str, str], Decision],
               verdicts: dict[tuple[str, str], Verdict] | None = None) -> None:
    """Every column joined to a masked key gets the key's method and ``domain``; the
    columns joined to a kept key are kept with that reason."""
    for members in _components(inv):
        present = [m for m in members if m in decisions]
        masked = [m for m in present if _masked(decisions[m])]
        root = members[0]
        if not masked:
            _keep_joined(decisions, present, root)
            continue
        source = root if root in masked else masked[0]
        domain = f"{root[0]}.{root[1]}"
        base = {k: v for k, v in decisions[source].rule.items() if k not in ("domain", "note")}
        if base["method"] not in ONE_TO_ONE:
            # joins need one-to-one tokens; the key's values say which alphabet
            base = {"method": "fpe",
                    "alphabet": "hex" if _all_uuids((verdicts or {}).get(source)) else "alnum"}
        for m in present:
            dec = decisions[m]
            col = inv.tables[m[0]].columns[m[1]]
            rule = fit(base, col) or dec.rule
            if dec.carried and _masked(dec):
                continue
            signal = f"fk-closure:{domain}"
            finding = dec.finding or Finding(confidence=0.0)
            src_f = decisions[source].finding
            if finding.entity is None and src_f is not None and src_f.entity:
                finding = finding.model_copy(update={"entity": src_f.entity,
                                                     "confidence": src_f.confidence})
            if signal not in finding.signals and m != source:
                finding = finding.model_copy(update={"signals": [*finding.signals, signal]})
            drift = "new_finding" if dec.carried else dec.drift
            decisions[m] = Decision({**rule, "domain": domain}, dec.decided_by, finding,
                                    drift=drift, carried=False)


def _keep_joined(decisions: dict[tuple[str, str], Decision], present: list[tuple[str, str]],
                 root: tuple[str, str]) -> None:
    for m in present:
        dec = decisions[m]
        if m == root or dec.decided_by != "discovery" or dec.carried:
            continue
        reason = (f"joined to the key {root[0]}.{root[1]}, which stays as it is (keys "
                  "are masked only in tables about people)")
        decisions[m] = Decision({"method": "keep", "reason": reason}, dec.decided_by,
                                dec.finding, drift=dec.drift)


# -- drift -----------------------------------------------------------------------------


def apply_previous(inv: Inventory, decisions: dict[tuple[str, str], Decision],
                   previous: Schema | None) -> list[tuple[str, str]]:
    """Mark drift against the approved schema; carry unchanged decisions over.

    Returns the (table, column) pairs that the approved schema had and the database
    no longer has (reported, never written into the proposal: the planner rejects
    rules for missing columns).
    """
    if previous is None:
        return []
    for (t, c), dec in decisions.items():
        prev = previous.rule(t, c)
        col = inv.tables[t].columns[c]
        if prev is None:
            dec.drift = "new"
        elif prev.type is not None and prev.type != col.sql_type:
            dec.drift = "type_changed"
        elif prev.method == "keep" and _masked(dec) and dec.decided_by == "discovery":
            dec.drift = "new_finding"
        else:
            data = prev.model_dump(mode="json", exclude_none=True,
                                   exclude={"finding", "drift", "decided_by", "type"})
            decisions[(t, c)] = Decision(data, "carried-over", dec.finding,
                                         drift="unchanged", carried=True)
    removed = []
    for t, c, _ in previous.iter_rules():
        if t not in inv.tables or (inv.tables[t].error is None and c not in inv.tables[t].columns):
            removed.append((t, c))
    return removed


def build_schema(inv: Inventory, decisions: dict[tuple[str, str], Decision],
                 previous: Schema | None, source: dict[str, str]) -> Schema:
    tables: dict[str, Any] = {}
    for tname, t in inv.tables.items():
        if t.error:
            continue  # undecided on purpose: the coverage check must fail on it
        cols = {}
        for cname, col in t.columns.items():
            dec = decisions[(tname, cname)]
            rule = {**dec.rule, "type": col.sql_type, "decided_by": dec.decided_by}
            if dec.finding is not None:
                rule["finding"] = dec.finding.model_dump(mode="json")
            if dec.drift:
                rule["drift"] = dec.drift
            cols[cname] = rule
        entry: dict[str, Any] = {"columns": cols}
        prev_t = previous.tables.get(tname) if previous else None
        if previous is not None:
            entry["drift"] = "unchanged" if prev_t is not None else "new"
        if prev_t is not None and prev_t.when is not None:
            entry["when"] = prev_t.when.model_dump(mode="json")
        tables[tname] = entry
    version = previous.version + 1 if previous else 1
    # streams are not discovered: the approved ones carry over, or the next approval
    # would leave the stream scrubber without rules
    streams = previous.to_dict().get("streams", {}) if previous else {}
    schema = parse_schema({"format": "piigate/v1", "version": version, "source": source,
                           "tables": tables, "streams": streams})
    assert all(isinstance(tr, TableRule) for tr in schema.tables.values())
    return schema
