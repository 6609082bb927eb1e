"""The review request email: plain text for SNS, an HTML variant for SES or SMTP.

It carries counts and the signed link only: no table or column names, no examples,
no values (the schema holds masked examples anyway, and an email travels far).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from piigate import cloud
from piigate.schema import Schema

from .app import fmt_time, template_env
from .edits import counts, diff

SUBJECT = "PII Gate: schema review ({to_mask} columns to mask, {new_findings} new findings)"


@dataclass(frozen=True)
class Email:
    subject: str
    text: str
    html: str


def render_email(
    schema: Schema, *, url: str, expires_at: float, previous: Schema | None = None
) -> Email:
    """Render the request for one recipient (each recipient has their own link)."""
    c = counts(schema)
    changed = sum(1 for ch in diff(previous, schema) if ch.kind != "unchanged")
    ctx: dict[str, Any] = {
        "counts": c,
        "changed": changed,
        "url": url,
        "expires": fmt_time(expires_at),
    }
    env = template_env()
    return Email(
        subject=SUBJECT.format(**c),
        text=env.get_template("email.txt").render(**ctx),
        html=env.get_template("email.html").render(**ctx),
    )


def publish_sns(
    email: Email, topic_arn: str, *, recipient: str | None = None, client: Any | None = None
) -> str:
    """Publish the plain-text email to an SNS topic; returns the message id.

    Links are per recipient, so the message carries a ``recipient`` attribute: give each
    reviewer's subscription a filter policy on it, or every subscriber gets every link.
    """
    if client is None:
        client = cloud.client("sns")
    attrs = {}
    if recipient:
        attrs["recipient"] = {"DataType": "String", "StringValue": recipient}
    resp = client.publish(
        TopicArn=topic_arn,
        Subject=email.subject[:100],
        Message=email.text,
        MessageAttributes=attrs,
    )
    return str(resp["MessageId"])
