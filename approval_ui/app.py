"""The review app: one request/response core shared by API Gateway and the local server.

Routes (relative to the app's base path)::

    GET  /r/{id}?t=LINK          the review page (never changes state except the audit log)
    POST /r/{id}/save            validate and store the edited draft
    POST /r/{id}/approve         validate, store the approved schema, decide, notify
    POST /r/{id}/deny            decide with a reason, notify
    GET  /r/{id}/{action}        405: actions are POST only (mail scanners prefetch GETs)

Every POST carries, in hidden fields, the link token ``t``, a CSRF token ``csrf`` with
its ``nonce``, and ``base``, the hash of the draft the page showed. Anything wrong with
the link or CSRF token is a generic 403; a ``base`` that is not the current draft is a
409 (reload); a malformed or oversized body is a 400; an expired review is a 410 page
with no actions. See docs/approval.md for the full list of checks.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from piigate.errors import PiiGateError
from piigate.schema import Schema, stamp_approval
from piigate.schema.storage import SchemaStorage

from .adapters import DecisionSink
from .edits import (
    EditResult,
    allowed_methods,
    apply_edits,
    counts,
    diff,
    params_text,
)
from .links import LinkError, LinkExpired, LinkSigner
from .store import DecisionConflict, Event, Review, ReviewNotFound, ReviewStore

log = logging.getLogger("approval_ui")

MAX_BODY = 256 * 1024
MAX_FIELDS = 5000
MAX_REASON = 1000
_ID = r"[A-Za-z0-9_-]{8,64}"
_VIEW = re.compile(rf"^/r/({_ID})/?$")
_ACTION = re.compile(rf"^/r/({_ID})/(approve|deny|save)/?$")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # The page URL carries the link token: never send it on as a Referer.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

TEMPLATES = Path(__file__).parent / "templates"


def template_env() -> jinja2.Environment:
    """Jinja2 with autoescaping for .html (and off for the plain-text email)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Request:
    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    script_name: str = ""  # the base path the app is mounted under (API stage...)


@dataclass
class Response:
    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.headers = {
            "Content-Type": "text/html; charset=utf-8",
            **SECURITY_HEADERS,
            **self.headers,
        }


class BadRequest(PiiGateError):
    """A malformed request (400). The message is safe to show."""


def fmt_time(ts: float | None) -> str:
    if ts is None:
        return ""
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(ts))


class ReviewApp:
    """The approval gate's web app and its review-opening API."""

    def __init__(
        self,
        *,
        store: ReviewStore,
        schemas: SchemaStorage,
        signer: LinkSigner,
        sink: DecisionSink,
        base_url: str = "",
        clock: Callable[[], float] = time.time,
        max_body: int = MAX_BODY,
    ) -> None:
        self.store = store
        self.schemas = schemas
        self.signer = signer
        self.sink = sink
        self.base_url = base_url.rstrip("/")
        self.clock = clock
        self.max_body = max_body
        self.env = template_env()

    # ------------------------------------------------------------------ opening
    def open_review(
        self,
        proposal: Schema,
        *,
        recipients: Iterable[str],
        expires_in: float,
        previous: Schema | None = None,
        task_token: str | None = None,
        proposal_location: str | None = None,
        previous_location: str | None = None,
    ) -> tuple[Review, dict[str, str]]:
        """Store a new pending review; return it and each recipient's signed link."""
        recipients = tuple(dict.fromkeys(r.strip() for r in recipients if r.strip()))
        if not recipients:
            raise BadRequest("a review needs at least one recipient")
        review_id = secrets.token_urlsafe(18)
        now = self.clock()
        if proposal_location is None:
            proposal_location = self.schemas.put(proposal, f"{review_id}-proposal")
        if previous is not None and previous_location is None:
            previous_location = self.schemas.put(previous, f"{review_id}-previous")
        review = Review(
            id=review_id,
            proposal_location=proposal_location,
            proposal_hash=proposal.hash(),
            expires_at=now + expires_in,
            recipients=recipients,
            created_at=now,
            previous_location=previous_location,
        )
        self.store.create(review, task_token=task_token)
        log.info("review opened", extra={"review_id": review_id, "columns": counts(proposal)})
        return review, {r: self.link(review, r) for r in recipients}

    def link(self, review: Review, recipient: str) -> str:
        token = self.signer.sign(review.id, recipient, review.expires_at)
        return f"{self.base_url}/r/{review.id}?t={token}"

    # ------------------------------------------------------------------ routing
    def handle(self, req: Request) -> Response:
        """Route one request; never raises (errors become generic pages)."""
        try:
            return self._route(req)
        except LinkExpired:
            return self._message(410, "This review has expired", "It can no longer be acted on.")
        except (LinkError, ReviewNotFound):
            return self._forbidden()
        except BadRequest as exc:
            return self._message(400, "Bad request", exc.message)
        except Exception:  # noqa: BLE001 - fail closed, say nothing specific
            log.exception("review request failed")
            return self._message(500, "Something went wrong", "Nothing was decided.")

    def _route(self, req: Request) -> Response:
        path = req.path or "/"
        if m := _VIEW.match(path):
            if req.method in ("GET", "HEAD"):
                return self._view(m.group(1), req)
            return self._not_allowed("GET")
        if m := _ACTION.match(path):
            if req.method == "POST":
                return self._action(m.group(1), m.group(2), req)
            return self._not_allowed("POST")
        return self._message(404, "Not found", "There is nothing here.")

    # ------------------------------------------------------------------ GET
    def _view(self, review_id: str, req: Request) -> Response:
        review = self.store.get(review_id)
        now = self.clock()
        claims, recipient = self._authenticate(review, req.query.get("t"), now)
        if (r := self._closed(review, now)) is not None:
            return r
        self.store.add_event(review.id, Event(at=now, event="viewed", by=recipient))
        draft = self.schemas.get(review.draft_location)
        return self._page(review, draft, req, req.query["t"], claims.recipient_tag)

    # ------------------------------------------------------------------ POST
    def _action(self, review_id: str, action: str, req: Request) -> Response:
        form = self._form(req)
        review = self.store.get(review_id)
        now = self.clock()
        token = form.get("t")
        claims, recipient = self._authenticate(review, token, now)
        self.signer.check_csrf(
            form.get("csrf"),
            review_id=review.id,
            recipient_tag=claims.recipient_tag,
            nonce=form.get("nonce"),
        )
        if (r := self._closed(review, now)) is not None:
            return r
        if form.get("base") != review.draft_hash:
            self.store.add_event(review.id, Event(at=now, event="stale_post", by=recipient))
            return self._message(
                409,
                "The proposal changed",
                "This page no longer shows the current draft. Open the link again.",
            )
        draft = self.schemas.get(review.draft_location)
        ctx = _Ctx(review, draft, req, str(token), claims.recipient_tag, recipient, now)
        if action == "deny":
            return self._deny(ctx, form)
        result = apply_edits(draft, form)
        if not result.ok:
            return self._page(
                review,
                draft,
                req,
                ctx.token,
                ctx.tag,
                edits=result,
                form=form,
                status=400,
                notice="Nothing was stored: fix the problems below.",
            )
        assert result.schema is not None
        if action == "save":
            return self._save(ctx, result)
        return self._approve(ctx, result.schema)

    def _save(self, ctx: _Ctx, result: EditResult) -> Response:
        assert result.schema is not None
        if not result.changed:
            return self._page(
                ctx.review, ctx.draft, ctx.req, ctx.token, ctx.tag, notice="No changes to save."
            )
        location = self.schemas.put(result.schema, f"{ctx.review.id}-draft")
        try:
            self.store.save_draft(
                ctx.review.id,
                location=location,
                schema_hash=result.schema.hash(),
                expected_hash=ctx.review.draft_hash,
                now=ctx.now,
            )
        except DecisionConflict:
            return self._conflict()
        self.store.add_event(
            ctx.review.id,
            Event(at=ctx.now, event="saved", by=ctx.recipient, detail=result.schema.hash()),
        )
        review = self.store.get(ctx.review.id)
        return self._page(review, result.schema, ctx.req, ctx.token, ctx.tag, notice="Saved.")

    def _approve(self, ctx: _Ctx, edited: Schema) -> Response:
        previous = self._previous(ctx.review)
        approved = stamp_approval(
            edited,
            by=ctx.recipient,
            previous=previous,
            proposal_hash=ctx.review.proposal_hash,
            review_id=ctx.review.id,
            at=ctx.now,
        )
        # Content-addressed, so a losing concurrent approval cannot overwrite the winner.
        location = self.schemas.put(approved, f"{ctx.review.id}-approved")
        try:
            decided = self.store.decide(
                ctx.review.id,
                status="approved",
                by=ctx.recipient,
                now=ctx.now,
                approved_location=location,
                approved_hash=approved.hash(),
            )
        except DecisionConflict:
            return self._conflict()
        return self._notify(
            decided,
            lambda: self.sink.approved(decided, approved, location),
            "Approved",
            f"Schema version {approved.version} ({approved.hash()}) was approved.",
        )

    def _deny(self, ctx: _Ctx, form: Mapping[str, str]) -> Response:
        reason = form.get("reason", "").strip()
        if not 3 <= len(reason) <= MAX_REASON:
            return self._page(
                ctx.review,
                ctx.draft,
                ctx.req,
                ctx.token,
                ctx.tag,
                status=400,
                form=form,
                deny_error=f"A reason of 3 to {MAX_REASON} characters is required to deny.",
            )
        try:
            decided = self.store.decide(
                ctx.review.id, status="denied", by=ctx.recipient, now=ctx.now, reason=reason
            )
        except DecisionConflict:
            return self._conflict()
        return self._notify(
            decided, lambda: self.sink.denied(decided, reason), "Denied", "The run will stop."
        )

    def _notify(self, review: Review, call: Callable[[], None], title: str, text: str) -> Response:
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - the decision stands; say so honestly
            log.error(
                "decision callback failed: %s", type(exc).__name__, extra={"review_id": review.id}
            )
            self.store.add_event(
                review.id, Event(at=self.clock(), event="notify_failed", detail=type(exc).__name__)
            )
            return self._message(
                502,
                f"{title}, but the pipeline was not told",
                "The decision is recorded; the waiting run could not be reached.",
            )
        self.store.add_event(review.id, Event(at=self.clock(), event="notified"))
        return self._message(200, title, text)

    # ------------------------------------------------------------------ helpers
    def _authenticate(self, review: Review, token: str | None, now: float) -> tuple[Any, str]:
        try:
            claims = self.signer.verify(token, review_id=review.id, now=now)
        except LinkExpired:
            self.store.expire(review.id, now=now)
            raise
        return claims, self.signer.find_recipient(claims.recipient_tag, review.recipients)

    def _closed(self, review: Review, now: float) -> Response | None:
        """The page for a review that takes no more actions, or None when it is open."""
        if review.is_expired(now):
            self.store.expire(review.id, now=now)
            return self._message(410, "This review has expired", "It can no longer be acted on.")
        if review.status != "pending":
            return self._message(
                409,
                f"This review was already {review.status}",
                f"by {review.decided_by} at {fmt_time(review.decided_at)}.",
            )
        return None

    def _previous(self, review: Review) -> Schema | None:
        return self.schemas.get(review.previous_location) if review.previous_location else None

    def _form(self, req: Request) -> dict[str, str]:
        ctype = req.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            raise BadRequest("expected a form post")
        if len(req.body) > self.max_body:
            raise BadRequest("the request is too large")
        try:
            text = req.body.decode("utf-8")
            pairs = urllib.parse.parse_qsl(
                text,
                keep_blank_values=True,
                strict_parsing=bool(text),
                max_num_fields=MAX_FIELDS,
                errors="strict",
            )
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("the form could not be read") from None
        form: dict[str, str] = {}
        for key, value in pairs:
            if key in form:
                raise BadRequest("a form field was sent twice")
            form[key] = value
        return form

    def _page(
        self,
        review: Review,
        draft: Schema,
        req: Request,
        token: str,
        tag: str,
        *,
        status: int = 200,
        edits: EditResult | None = None,
        form: Mapping[str, str] | None = None,
        notice: str | None = None,
        deny_error: str | None = None,
    ) -> Response:
        nonce = self.signer.new_nonce()
        previous = self._previous(review)
        columns = []
        for i, (tname, cname, rule) in enumerate(draft.iter_rules()):
            columns.append({
                "i": i, "table": tname, "column": cname, "rule": rule,
                "allowed": allowed_methods(rule),
                "method": (form or {}).get(f"c{i}.method", rule.method),
                "params": (form or {}).get(f"c{i}.params", params_text(rule)),
                "domain": (form or {}).get(f"c{i}.domain", rule.domain or ""),
                "reason": (form or {}).get(f"c{i}.reason", getattr(rule, "reason", "")),
                "errors": (edits.column_errors.get(i, []) if edits else []),
            })  # fmt: skip
        changes = [c for c in diff(previous, draft) if c.kind != "unchanged"]
        body = self.env.get_template("review.html").render(
            review=review, schema=draft, columns=columns, changes=changes,
            has_previous=previous is not None, counts=counts(draft),
            errors=edits.errors if edits else [], notice=notice, deny_error=deny_error,
            deny_reason=(form or {}).get("reason", ""),
            action_base=f"{req.script_name}/r/{review.id}",
            hidden={"t": token, "nonce": nonce, "base": review.draft_hash,
                    "csrf": self.signer.csrf(review.id, tag, nonce)},
            expires=fmt_time(review.expires_at),
        )  # fmt: skip
        return Response(status, body)

    def _message(self, status: int, title: str, text: str) -> Response:
        body = self.env.get_template("message.html").render(title=title, text=text)
        return Response(status, body)

    def _forbidden(self) -> Response:
        return self._message(403, "Forbidden", "This link is not valid.")

    def _conflict(self) -> Response:
        return self._message(
            409,
            "Already decided or changed",
            "Someone decided or changed this review first. Nothing was stored.",
        )

    def _not_allowed(self, allow: str) -> Response:
        r = self._message(405, "Method not allowed", "Use the buttons on the review page.")
        r.headers["Allow"] = allow
        return r

    # ------------------------------------------------------------------ WSGI
    def wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        """The same app as a WSGI callable (the local server uses wsgiref)."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            body = b"\xff"  # unreadable length: let _form refuse it
        else:
            # Read at most one byte past the limit: enough to know it is too large.
            body = environ["wsgi.input"].read(min(length, self.max_body + 1)) if length else b""
        headers = {
            k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        headers["content-type"] = environ.get("CONTENT_TYPE", "")
        query = dict(urllib.parse.parse_qsl(environ.get("QUERY_STRING", "")))
        resp = self.handle(
            Request(
                method=environ.get("REQUEST_METHOD", "GET").upper(),
                path=environ.get("PATH_INFO", "/"),
                query=query,
                headers=headers,
                body=body,
                script_name=environ.get("SCRIPT_NAME", "").rstrip("/"),
            )
        )
        payload = resp.body.encode("utf-8")
        hdrs = {**resp.headers, "Content-Length": str(len(payload))}
        start_response(f"{resp.status} {_REASONS.get(resp.status, 'Status')}", list(hdrs.items()))
        return [payload]


@dataclass
class _Ctx:
    review: Review
    draft: Schema
    req: Request
    token: str
    tag: str
    recipient: str
    now: float


_REASONS = {
    200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 409: "Conflict", 410: "Gone", 500: "Internal Server Error",
    502: "Bad Gateway",
}  # fmt: skip
