"""The review store: one record per approval request, behind a small interface.

Two implementations: :class:`SqliteReviewStore` (local runs, tests) and
:class:`DynamoReviewStore` (AWS). Both make a decision a *conditional* write
(``status = pending`` and not expired), so two concurrent approvals yield exactly one
decision; the loser gets :class:`DecisionConflict`.

The Step Functions task token is stored with the review and is only ever read by the
decision sink on the server side (:meth:`ReviewStore.task_token`); :class:`Review`
does not carry it, so it cannot end up in a page, a log line or an email.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from piigate import cloud
from piigate.errors import PiiGateError

Status = Literal["pending", "approved", "denied", "expired"]
STATUSES: tuple[str, ...] = ("pending", "approved", "denied", "expired")


class ReviewError(PiiGateError):
    """A review cannot be read or changed."""


class ReviewNotFound(ReviewError):
    """No review with this id."""


class DecisionConflict(ReviewError):
    """The review is no longer pending (decided, expired) or its draft changed meanwhile."""


@dataclass(frozen=True)
class Event:
    """One audit entry: what happened, when, by whom (a recipient, never a secret)."""

    at: float
    event: str
    by: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Review:
    """An approval request and its outcome. Holds locations and hashes, never schemas."""

    id: str
    proposal_location: str
    proposal_hash: str
    expires_at: float
    recipients: tuple[str, ...]
    created_at: float
    status: Status = "pending"
    # The working copy: starts as the proposal, replaced on every Save.
    draft_location: str = ""
    draft_hash: str = ""
    previous_location: str | None = None
    decided_by: str | None = None
    decided_at: float | None = None
    reason: str | None = None
    approved_location: str | None = None
    approved_hash: str | None = None
    events: tuple[Event, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.draft_location:
            object.__setattr__(self, "draft_location", self.proposal_location)
        if not self.draft_hash:
            object.__setattr__(self, "draft_hash", self.proposal_hash)

    def is_expired(self, now: float) -> bool:
        return self.status == "expired" or (self.status == "pending" and now >= self.expires_at)

    def effective_status(self, now: float) -> Status:
        return "expired" if self.is_expired(now) else self.status


class ReviewStore(Protocol):
    """Where reviews live. Every state change is conditional on ``status = pending``."""

    def create(self, review: Review, *, task_token: str | None = None) -> None: ...

    def get(self, review_id: str) -> Review: ...

    def task_token(self, review_id: str) -> str | None: ...

    def save_draft(
        self, review_id: str, *, location: str, schema_hash: str, expected_hash: str, now: float
    ) -> None: ...

    def decide(
        self,
        review_id: str,
        *,
        status: Status,
        by: str,
        now: float,
        reason: str | None = None,
        approved_location: str | None = None,
        approved_hash: str | None = None,
    ) -> Review: ...

    def expire(self, review_id: str, *, now: float) -> bool: ...

    def add_event(self, review_id: str, event: Event) -> None: ...


def _check_decision(status: str, approved_location: str | None) -> None:
    if status not in ("approved", "denied", "expired"):
        raise ValueError(f"not a decision: {status}")
    if status == "approved" and not approved_location:
        raise ValueError("an approval needs the approved schema's location")


# --------------------------------------------------------------------------- SQLite


_SQLITE_DDL = """
CREATE TABLE IF NOT EXISTS reviews (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    expires_at REAL NOT NULL,
    draft_location TEXT NOT NULL,
    draft_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    task_token TEXT
);
CREATE TABLE IF NOT EXISTS review_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id TEXT NOT NULL,
    at REAL NOT NULL,
    event TEXT NOT NULL,
    by TEXT,
    detail TEXT
);
"""

# Fields kept in their own columns (conditional writes look at them) or elsewhere.
_OWN_COLUMNS = ("id", "status", "expires_at", "draft_location", "draft_hash", "events")


class SqliteReviewStore:
    """Reviews in a SQLite file; a connection per call so threads never share one."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        with self._connect() as conn:
            conn.executescript(_SQLITE_DDL)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # autocommit; decide() opens its own immediate transaction
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            yield conn
        finally:
            conn.close()

    def create(self, review: Review, *, task_token: str | None = None) -> None:
        body = {k: v for k, v in asdict(review).items() if k not in _OWN_COLUMNS}
        with self._connect() as conn:
            try:
                conn.execute(
                    "INSERT INTO reviews (id, status, expires_at, draft_location, draft_hash,"
                    " body, task_token) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        review.id,
                        review.status,
                        review.expires_at,
                        review.draft_location,
                        review.draft_hash,
                        json.dumps(body),
                        task_token,
                    ),
                )
            except sqlite3.IntegrityError:
                raise ReviewError("a review with this id exists", field=review.id) from None
        self.add_event(review.id, Event(at=review.created_at, event="created"))

    def get(self, review_id: str) -> Review:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT status, expires_at, draft_location, draft_hash, body FROM reviews"
                " WHERE id = ?",
                (review_id,),
            ).fetchone()
            if row is None:
                raise ReviewNotFound("no such review")
            events = conn.execute(
                "SELECT at, event, by, detail FROM review_events WHERE review_id = ? ORDER BY seq",
                (review_id,),
            ).fetchall()
        body = json.loads(row[4])
        body["recipients"] = tuple(body.get("recipients", ()))
        return Review(
            id=review_id,
            status=row[0],
            expires_at=row[1],
            draft_location=row[2],
            draft_hash=row[3],
            events=tuple(Event(*e) for e in events),
            **body,
        )

    def task_token(self, review_id: str) -> str | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT task_token FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
        if row is None:
            raise ReviewNotFound("no such review")
        return row[0]

    def save_draft(
        self, review_id: str, *, location: str, schema_hash: str, expected_hash: str, now: float
    ) -> None:
        with self._connect() as conn:
            cur = conn.execute(
                "UPDATE reviews SET draft_location = ?, draft_hash = ? WHERE id = ?"
                " AND status = 'pending' AND expires_at > ? AND draft_hash = ?",
                (location, schema_hash, review_id, now, expected_hash),
            )
            if cur.rowcount != 1:
                raise DecisionConflict("the review is not pending or its draft changed")

    def decide(
        self,
        review_id: str,
        *,
        status: Status,
        by: str,
        now: float,
        reason: str | None = None,
        approved_location: str | None = None,
        approved_hash: str | None = None,
    ) -> Review:
        _check_decision(status, approved_location)
        # The body is rewritten whole, so read it and write it in one immediate
        # transaction; the status condition is what makes the decision one-time.
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT body FROM reviews WHERE id = ?", (review_id,)).fetchone()
                if row is None:
                    raise ReviewNotFound("no such review")
                body = json.loads(row[0])
                body.update(
                    decided_by=by,
                    decided_at=now,
                    reason=reason,
                    approved_location=approved_location,
                    approved_hash=approved_hash,
                )
                expiry_clause = "" if status == "expired" else " AND expires_at > ?"
                params: tuple[Any, ...] = (status, json.dumps(body), review_id)
                if status != "expired":
                    params += (now,)
                cur = conn.execute(
                    "UPDATE reviews SET status = ?, body = ? WHERE id = ? AND status = 'pending'"
                    + expiry_clause,
                    params,
                )
                if cur.rowcount != 1:
                    raise DecisionConflict("the review is no longer pending")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        self.add_event(review_id, Event(at=now, event=status, by=by, detail=reason))
        return self.get(review_id)

    def expire(self, review_id: str, *, now: float) -> bool:
        """Mark a pending review past its expiry as expired; False if nothing changed."""
        with self._connect() as conn:
            cur = conn.execute(
                "UPDATE reviews SET status = 'expired' WHERE id = ? AND status = 'pending'"
                " AND expires_at <= ?",
                (review_id, now),
            )
            changed = cur.rowcount == 1
        if changed:
            self.add_event(review_id, Event(at=now, event="expired"))
        return changed

    def add_event(self, review_id: str, event: Event) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO review_events (review_id, at, event, by, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (review_id, event.at, event.event, event.by, event.detail),
            )


# --------------------------------------------------------------------------- DynamoDB


class DynamoReviewStore:
    """Reviews in a DynamoDB table keyed by ``review_id`` (string).

    Numbers are stored as DynamoDB numbers (epoch seconds), events as a list of maps
    appended with ``list_append``. The boto3 client is created on first use so moto
    (and tests) can stand in.
    """

    def __init__(self, table: str, *, client: Any | None = None) -> None:
        self.table = table
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = cloud.client("dynamodb")
        return self._client

    # -- item conversion (the low-level client keeps types explicit) -------------
    @staticmethod
    def _to_item(review: Review, task_token: str | None) -> dict[str, Any]:
        item: dict[str, Any] = {
            "review_id": {"S": review.id},
            "status": {"S": review.status},
            "proposal_location": {"S": review.proposal_location},
            "proposal_hash": {"S": review.proposal_hash},
            "draft_location": {"S": review.draft_location},
            "draft_hash": {"S": review.draft_hash},
            "expires_at": {"N": repr(review.expires_at)},
            "created_at": {"N": repr(review.created_at)},
            "recipients": {"L": [{"S": r} for r in review.recipients]},
            "events": {"L": [_event_item(e) for e in review.events]},
        }
        if review.previous_location:
            item["previous_location"] = {"S": review.previous_location}
        if task_token:
            item["task_token"] = {"S": task_token}
        return item

    @staticmethod
    def _from_item(item: dict[str, Any]) -> Review:
        def s(name: str) -> str | None:
            return item[name]["S"] if name in item else None

        def n(name: str) -> float | None:
            return float(item[name]["N"]) if name in item else None

        return Review(
            id=item["review_id"]["S"],
            status=item["status"]["S"],
            proposal_location=item["proposal_location"]["S"],
            proposal_hash=item["proposal_hash"]["S"],
            draft_location=item["draft_location"]["S"],
            draft_hash=item["draft_hash"]["S"],
            expires_at=float(item["expires_at"]["N"]),
            created_at=float(item["created_at"]["N"]),
            recipients=tuple(r["S"] for r in item.get("recipients", {}).get("L", [])),
            previous_location=s("previous_location"),
            decided_by=s("decided_by"),
            decided_at=n("decided_at"),
            reason=s("reason"),
            approved_location=s("approved_location"),
            approved_hash=s("approved_hash"),
            events=tuple(_event_from_item(e["M"]) for e in item.get("events", {}).get("L", [])),
        )

    def _is_conditional_failure(self, exc: Exception) -> bool:
        code = getattr(exc, "response", {}).get("Error", {}).get("Code")
        return code == "ConditionalCheckFailedException"

    def create(self, review: Review, *, task_token: str | None = None) -> None:
        review = replace(
            review, events=(*review.events, Event(at=review.created_at, event="created"))
        )
        try:
            self.client.put_item(
                TableName=self.table,
                Item=self._to_item(review, task_token),
                ConditionExpression="attribute_not_exists(review_id)",
            )
        except Exception as exc:
            if self._is_conditional_failure(exc):
                raise ReviewError("a review with this id exists", field=review.id) from None
            raise

    def get(self, review_id: str) -> Review:
        resp = self.client.get_item(
            TableName=self.table, Key={"review_id": {"S": review_id}}, ConsistentRead=True
        )
        if "Item" not in resp:
            raise ReviewNotFound("no such review")
        return self._from_item(resp["Item"])

    def task_token(self, review_id: str) -> str | None:
        resp = self.client.get_item(
            TableName=self.table,
            Key={"review_id": {"S": review_id}},
            ProjectionExpression="task_token",
            ConsistentRead=True,
        )
        if "Item" not in resp:
            raise ReviewNotFound("no such review")
        token = resp["Item"].get("task_token")
        return token["S"] if token else None

    def _update(self, review_id: str, update: str, condition: str, values: dict[str, Any]) -> None:
        try:
            self.client.update_item(
                TableName=self.table,
                Key={"review_id": {"S": review_id}},
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues=values,
            )
        except Exception as exc:
            if self._is_conditional_failure(exc):
                raise DecisionConflict("the review is not pending or its draft changed") from None
            raise

    def save_draft(
        self, review_id: str, *, location: str, schema_hash: str, expected_hash: str, now: float
    ) -> None:
        self._update(
            review_id,
            "SET draft_location = :loc, draft_hash = :h",
            "attribute_exists(review_id) AND #s = :pending AND expires_at > :now"
            " AND draft_hash = :expected",
            {
                ":loc": {"S": location},
                ":h": {"S": schema_hash},
                ":pending": {"S": "pending"},
                ":now": {"N": repr(now)},
                ":expected": {"S": expected_hash},
            },
        )

    def decide(
        self,
        review_id: str,
        *,
        status: Status,
        by: str,
        now: float,
        reason: str | None = None,
        approved_location: str | None = None,
        approved_hash: str | None = None,
    ) -> Review:
        _check_decision(status, approved_location)
        values: dict[str, Any] = {
            ":status": {"S": status},
            ":by": {"S": by},
            ":at": {"N": repr(now)},
            ":pending": {"S": "pending"},
            ":ev": {"L": [_event_item(Event(at=now, event=status, by=by, detail=reason))]},
            ":empty": {"L": []},
        }
        sets = [
            "#s = :status",
            "decided_by = :by",
            "decided_at = :at",
            "events = list_append(if_not_exists(events, :empty), :ev)",
        ]
        for name, value in (
            ("reason", reason),
            ("approved_location", approved_location),
            ("approved_hash", approved_hash),
        ):
            if value is not None:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = {"S": value}
        condition = "attribute_exists(review_id) AND #s = :pending"
        if status != "expired":
            condition += " AND expires_at > :at"
        self._update(review_id, "SET " + ", ".join(sets), condition, values)
        return self.get(review_id)

    def expire(self, review_id: str, *, now: float) -> bool:
        try:
            self._update(
                review_id,
                "SET #s = :expired, events = list_append(if_not_exists(events, :empty), :ev)",
                "attribute_exists(review_id) AND #s = :pending AND expires_at <= :now",
                {
                    ":expired": {"S": "expired"},
                    ":pending": {"S": "pending"},
                    ":now": {"N": repr(now)},
                    ":empty": {"L": []},
                    ":ev": {"L": [_event_item(Event(at=now, event="expired"))]},
                },
            )
        except DecisionConflict:
            return False
        return True

    def add_event(self, review_id: str, event: Event) -> None:
        self.client.update_item(
            TableName=self.table,
            Key={"review_id": {"S": review_id}},
            UpdateExpression="SET events = list_append(if_not_exists(events, :empty), :ev)",
            ConditionExpression="attribute_exists(review_id)",
            ExpressionAttributeValues={":ev": {"L": [_event_item(event)]}, ":empty": {"L": []}},
        )

    def create_table(self) -> None:
        """Create the table (tests and local set-up; the SAM template owns it in AWS)."""
        self.client.create_table(
            TableName=self.table,
            KeySchema=[{"AttributeName": "review_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "review_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )


def _event_item(e: Event) -> dict[str, Any]:
    m: dict[str, Any] = {"at": {"N": repr(e.at)}, "event": {"S": e.event}}
    if e.by is not None:
        m["by"] = {"S": e.by}
    if e.detail is not None:
        m["detail"] = {"S": e.detail}
    return {"M": m}


def _event_from_item(m: dict[str, Any]) -> Event:
    return Event(
        at=float(m["at"]["N"]),
        event=m["event"]["S"],
        by=m.get("by", {}).get("S"),
        detail=m.get("detail", {}).get("S"),
    )


def now() -> float:
    """The clock the app uses by default (injectable for tests)."""
    return time.time()
