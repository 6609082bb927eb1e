"""AWS entry points: the API Gateway handler for the review page, and the request task.

``lambda_handler`` takes an API Gateway REST (proxy) event, turns it into a
:class:`~approval_ui.app.Request`, and returns the app's response: the same app the
local server runs. ``request_review`` is the body of the ``waitForTaskToken`` state: it
stores the review with the task token (which stays in DynamoDB) and emails each
recipient their own signed link through SNS.

Configuration (explicit argument > environment > default), checked when first used:

    PIIGATE_REVIEW_TABLE           DynamoDB table of reviews (required)
    PIIGATE_SCHEMA_BUCKET          bucket for drafts and approved schemas (required)
    PIIGATE_SCHEMA_PREFIX          key prefix (default: reviews/)
    PIIGATE_LINK_SECRET_ID         Secrets Manager id of the link-signing key (required)
    PIIGATE_REVIEW_BASE_URL        public base URL of the API stage (for links)
    PIIGATE_REVIEW_TOPIC_ARN       SNS topic for review emails
    PIIGATE_REVIEW_RECIPIENTS      comma-separated reviewer addresses
    PIIGATE_REVIEW_EXPIRES_MINUTES how long a review stays open (default: 1440)
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass, field
from typing import Any

from piigate.cloud import reset_clients
from piigate.errors import ConfigError
from piigate.schema.storage import S3Schemas

from .adapters import StepFunctionsSink
from .app import MAX_BODY, Request, Response, ReviewApp
from .email import publish_sns, render_email
from .links import LinkSigner
from .store import DynamoReviewStore


@dataclass(frozen=True)
class AwsConfig:
    table: str
    bucket: str
    secret_id: str
    prefix: str = "reviews/"
    base_url: str = ""
    topic_arn: str | None = None
    recipients: tuple[str, ...] = field(default_factory=tuple)
    expires_minutes: float = 24 * 60

    @classmethod
    def from_env(cls, **explicit: Any) -> AwsConfig:
        """Explicit keyword > PIIGATE_* environment variable > default."""

        def pick(name: str, env: str, default: Any = None) -> Any:
            if explicit.get(name) is not None:
                return explicit[name]
            return os.environ.get(env) or default

        missing = [
            env
            for name, env in (
                ("table", "PIIGATE_REVIEW_TABLE"),
                ("bucket", "PIIGATE_SCHEMA_BUCKET"),
                ("secret_id", "PIIGATE_LINK_SECRET_ID"),
            )
            if not pick(name, env)
        ]
        if missing:
            raise ConfigError(f"missing configuration: {', '.join(missing)}")
        recipients = pick("recipients", "PIIGATE_REVIEW_RECIPIENTS", "")
        if isinstance(recipients, str):
            recipients = tuple(r.strip() for r in recipients.split(",") if r.strip())
        try:
            expires = float(pick("expires_minutes", "PIIGATE_REVIEW_EXPIRES_MINUTES", 24 * 60))
        except ValueError:
            raise ConfigError("not a number", field="PIIGATE_REVIEW_EXPIRES_MINUTES") from None
        if expires <= 0:
            raise ConfigError("must be positive", field="PIIGATE_REVIEW_EXPIRES_MINUTES")
        return cls(
            table=pick("table", "PIIGATE_REVIEW_TABLE"),
            bucket=pick("bucket", "PIIGATE_SCHEMA_BUCKET"),
            secret_id=pick("secret_id", "PIIGATE_LINK_SECRET_ID"),
            prefix=pick("prefix", "PIIGATE_SCHEMA_PREFIX", "reviews/"),
            base_url=pick("base_url", "PIIGATE_REVIEW_BASE_URL", ""),
            topic_arn=pick("topic_arn", "PIIGATE_REVIEW_TOPIC_ARN"),
            recipients=tuple(recipients),
            expires_minutes=expires,
        )


def build_app(config: AwsConfig | None = None) -> ReviewApp:
    """The app on AWS adapters: DynamoDB, S3, Secrets Manager, Step Functions."""
    config = config or AwsConfig.from_env()
    store = DynamoReviewStore(config.table)
    return ReviewApp(
        store=store,
        schemas=S3Schemas(config.bucket, config.prefix),
        signer=LinkSigner.from_secrets_manager(config.secret_id),
        sink=StepFunctionsSink(store),
        base_url=config.base_url,
    )


_APP: ReviewApp | None = None


def _app() -> ReviewApp:
    # Built once per Lambda container: the signing key is fetched once, clients reused.
    global _APP
    if _APP is None:
        _APP = build_app()
    return _APP


def reset() -> None:
    """Forget the cached app and clients (tests, or after rotating the link secret)."""
    global _APP
    _APP = None
    reset_clients()


def to_request(event: dict[str, Any]) -> Request:
    """An API Gateway REST proxy event as our request (body size checked before decoding)."""
    body_text = event.get("body") or ""
    if len(body_text) > 2 * MAX_BODY:
        body = b"\xff" * (MAX_BODY + 1)  # the app refuses it as too large
    elif event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(body_text, validate=True)
        except (binascii.Error, ValueError):
            body = b"\xff"  # undecodable: the form parser refuses it with a 400
    else:
        body = body_text.encode("utf-8", "surrogateescape")
    headers = {str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}
    ctx = event.get("requestContext") or {}
    stage = ctx.get("stage")
    full_path = ctx.get("path") or ""
    script_name = f"/{stage}" if stage and full_path.startswith(f"/{stage}/") else ""
    return Request(
        method=str(event.get("httpMethod", "GET")).upper(),
        path=event.get("path") or "/",
        query={str(k): str(v) for k, v in (event.get("queryStringParameters") or {}).items()},
        headers=headers,
        body=body,
        script_name=script_name,
    )


def to_event(resp: Response) -> dict[str, Any]:
    return {
        "statusCode": resp.status,
        "headers": resp.headers,
        "body": resp.body,
        "isBase64Encoded": False,
    }


def lambda_handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """API Gateway entry point for GET /r/{id} and POST /r/{id}/{approve,deny,save}."""
    return to_event(_app().handle(to_request(event)))


def request_review(
    event: dict[str, Any],
    context: Any = None,
    *,
    app: ReviewApp | None = None,
    config: AwsConfig | None = None,
) -> dict[str, Any]:
    """The ``waitForTaskToken`` task: open a review and email the links.

    Event: ``{"task_token", "proposal_location", "previous_location"?, "recipients"?}``.
    Returns ``{"review_id", "expires_at", "recipients": n}``: no links, no token.
    """
    config = config or AwsConfig.from_env()
    app = app or _app()
    token = event.get("task_token")
    location = event.get("proposal_location")
    if not token or not location:
        raise ConfigError("the event needs task_token and proposal_location")
    proposal = app.schemas.get(location)
    previous_location = event.get("previous_location")
    previous = app.schemas.get(previous_location) if previous_location else None
    recipients = event.get("recipients") or list(config.recipients)
    review, links = app.open_review(
        proposal,
        recipients=recipients,
        expires_in=config.expires_minutes * 60,
        previous=previous,
        task_token=token,
        proposal_location=location,
        previous_location=previous_location,
    )
    if config.topic_arn:
        # SNS fans one message out to every subscriber, so each recipient gets a
        # message of their own only when subscribed to their own filtered topic; here
        # we publish one message per recipient with a message attribute to filter on.
        for recipient, url in links.items():
            email = render_email(proposal, url=url, expires_at=review.expires_at, previous=previous)
            publish_sns(email, config.topic_arn, recipient=recipient)
    return {"review_id": review.id, "expires_at": review.expires_at, "recipients": len(links)}
