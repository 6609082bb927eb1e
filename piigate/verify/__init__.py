"""Verification: prove that a tokenized copy is complete, consistent and leak-free.

``verify(before, after, plan, keyring)`` compares the original database (``before``)
with its tokenized copy (``after``) and runs five checks:

- ``row_counts``: every table of the original has as many rows in the copy.
- ``changed``: every masked column holds exactly the transformed original values.
  Rows cannot be aligned when the primary key itself is masked, so the check works on
  value multisets: the original values of a column (grouped, with their counts) are
  transformed again under the keyring, and the multiset of their images must equal the
  multiset of the copy's values. That proves nothing was left untransformed and nothing
  else was written. A value the transform maps to itself (a fixed point) is a failure
  too, except persisted values, empty strings and the constant methods (``redact``,
  ``constant``), and for ``json`` (a document without masked content stays the same).
  ``date_shift`` per entity is checked on ``(date, entity)`` groups of the original.
  Rows outside a table's ``when`` condition must be unchanged (same multiset check
  with the identity).
- ``leak``: every distinct original of every masked text, integer, decimal or uuid
  column is looked for in every kept column of the copy, set-based in the copy's
  database (:mod:`piigate.verify.leak_exact`: exact match, case-folded text, digits
  included); a sample is also looked for inside free text and JSON, and in masked
  columns, where tokens that merely coincide with another original must be told apart
  from leaks (:func:`piigate.verify.leak.leak_check`).
- ``foreign_keys``: each foreign key of the original exists in the copy and has no
  orphan rows there.
- ``unique``: each primary key and unique key of the original exists in the copy and
  has no duplicate groups there.

Memory stays bounded: the database groups and streams values in chunks, and a multiset
is kept as keyed 128-bit fingerprints in a fixed number of buckets; only the buckets that
differ are read a second time, to count what differs. The result names tables, columns
and counts, never a value: it goes into Step Functions payloads, reports and logs.

Layout: one module per check (``row_counts``, ``changed``, ``leak``, ``foreign_keys``,
``unique_keys``); shared value handling in ``values`` (canonical bytes, coercion, JSON
leaves), ``fingerprints`` (keyed hashes, multisets) and ``sides`` (a database side,
streaming, row conditions); row pairing in ``alignment``; the run's state in
``context``; typed results in ``results`` (``to_dict()`` gives the JSON form).
"""

from __future__ import annotations

from .context import Progress
from .core import verify, verify_urls
from .results import (
    Checks,
    ColumnChange,
    ForeignKeyCheck,
    LeakCheck,
    LeakHit,
    TableCount,
    UniqueKeyCheck,
    VerifyResult,
)

__all__ = [
    "Checks",
    "ColumnChange",
    "ForeignKeyCheck",
    "LeakCheck",
    "LeakHit",
    "Progress",
    "TableCount",
    "UniqueKeyCheck",
    "VerifyResult",
    "verify",
    "verify_urls",
]
