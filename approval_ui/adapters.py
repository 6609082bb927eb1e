"""What differs between AWS and a laptop: where decisions go.

(Where schemas live, :class:`~piigate.schema.storage.FileSchemas` and
:class:`~piigate.schema.storage.S3Schemas`, is in the core: the AWS steps use it too.)

* :class:`LocalSink` writes the approved schema to the requested file and wakes the
  waiting ``piigate review``; :class:`StepFunctionsSink` answers the waiting
  ``waitForTaskToken`` task. Sinks are called only after the one-time decision was won.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from piigate import cloud
from piigate.errors import ConfigError
from piigate.schema import Schema, save_schema

from .store import Review, ReviewStore


@dataclass(frozen=True)
class Decision:
    """The outcome a caller of the gate sees."""

    status: Literal["approved", "denied", "expired"]
    by: str | None = None
    at: float | None = None
    reason: str | None = None
    schema: Schema | None = None
    location: str | None = None
    schema_hash: str | None = None
    review_id: str | None = None


class DecisionSink(Protocol):
    def approved(self, review: Review, schema: Schema, location: str) -> None: ...

    def denied(self, review: Review, reason: str) -> None: ...


class LocalSink:
    """Writes the approved schema to ``out`` and hands the decision to a waiting thread."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.done = threading.Event()
        self.decision: Decision | None = None

    def approved(self, review: Review, schema: Schema, location: str) -> None:
        tmp = self.out.with_name(self.out.name + ".tmp")
        save_schema(schema, tmp)
        tmp.replace(self.out)
        self._finish(
            Decision(
                status="approved",
                by=review.decided_by,
                at=review.decided_at,
                schema=schema,
                location=str(self.out),
                schema_hash=schema.hash(),
                review_id=review.id,
            )
        )

    def denied(self, review: Review, reason: str) -> None:
        self._finish(
            Decision(
                status="denied",
                by=review.decided_by,
                at=review.decided_at,
                reason=reason,
                review_id=review.id,
            )
        )

    def _finish(self, decision: Decision) -> None:
        self.decision = decision
        self.done.set()


class StepFunctionsSink:
    """Answers the ``waitForTaskToken`` task; the token is read from the store here only.

    Success output: ``{"review_id", "schema_location", "schema_hash", "version",
    "approved_by"}``. Denial: ``SendTaskFailure`` with error ``ApprovalDenied`` and the
    reviewer's reason cut to 256 characters (the reason is the reviewer's own text).
    """

    def __init__(self, store: ReviewStore, *, client: Any | None = None) -> None:
        self.store = store
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = cloud.client("stepfunctions")
        return self._client

    def _token(self, review: Review) -> str:
        token = self.store.task_token(review.id)
        if not token:
            raise ConfigError("the review has no task token", field=review.id)
        return token

    def approved(self, review: Review, schema: Schema, location: str) -> None:
        output = {
            "review_id": review.id,
            "schema_location": location,
            "schema_hash": schema.hash(),
            "version": schema.version,
            "approved_by": review.decided_by,
        }
        self.client.send_task_success(taskToken=self._token(review), output=json.dumps(output))

    def denied(self, review: Review, reason: str) -> None:
        self.client.send_task_failure(
            taskToken=self._token(review), error="ApprovalDenied", cause=reason[:256]
        )
