"""The approval stamp: what turns a proposal into an approved schema.

One stamp for every way of approving (a reviewer on the review page, a person at the
local gate, an unattended demo run), so an approved schema reads the same whoever
approved it. It lives with the schema model so that the pipeline and the review page
both take it from below.
"""

from __future__ import annotations

import time

from .model import Schema, parse_schema


def approved_version(schema: Schema, previous: Schema | None) -> int:
    """One more than the last approved version, and never below the proposal's own."""
    return max(schema.version, previous.version + 1 if previous else 1)


def stamp_approval(
    schema: Schema,
    *,
    by: str,
    previous: Schema | None = None,
    proposal_hash: str | None = None,
    review_id: str | None = None,
    at: float | None = None,
) -> Schema:
    """The approved copy: version bumped and ``approval`` stamped (the hash is unchanged)."""
    data = schema.to_dict()
    data["version"] = approved_version(schema, previous)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if at is None else at))
    data["approval"] = {
        "by": by,
        "at": stamp,
        "proposal_hash": proposal_hash or schema.hash(),
        "review_id": review_id,
    }
    return parse_schema(data)


def approve_unattended(
    schema: Schema, by: str = "piigate demo", *, previous: Schema | None = None
) -> Schema:
    """Approve without a person (demo, tests): the same stamp a reviewer's approval gets."""
    return stamp_approval(schema, by=by, previous=previous, proposal_hash=schema.hash())
