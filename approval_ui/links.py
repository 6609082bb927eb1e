"""Signed review links and CSRF tokens.

A link token is ``base64url(payload) "." base64url(HMAC-SHA256(key, payload))`` where the
payload is compact JSON ``{"v":1,"r":review_id,"u":recipient_tag,"e":expiry}``. The
recipient is bound by a keyed tag (HMAC of the address), so the address itself never
appears in a URL or an access log; the server finds the recipient in the review.

The token only *opens* the review page. Every state change is a POST that carries the
token and a CSRF token: ``HMAC(csrf_key, review_id | recipient_tag | nonce)``, with a fresh
random nonce per rendered page (both go into hidden fields). The CSRF key is derived
from the link key, so one secret serves both purposes and they never collide.

Anything wrong (bad encoding, bad signature, wrong review, unknown recipient) raises
:class:`LinkError` whose message is deliberately generic; the HTTP layer turns it into
a plain 403. Expiry is reported separately (:class:`LinkExpired`) so an expired review
can say so, but only after the signature checked out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from piigate import cloud
from piigate.errors import ConfigError, PiiGateError
from piigate.keys import Keyring, decode_secret

LINK_PURPOSE = "link-signing"
MAX_TOKEN_CHARS = 1024


class LinkError(PiiGateError):
    """A link or CSRF token is not valid. Generic on purpose: says nothing about why."""

    def __init__(self) -> None:
        super().__init__("forbidden")


class LinkExpired(LinkError):
    """A correctly signed link whose review has expired."""


@dataclass(frozen=True)
class LinkClaims:
    review_id: str
    recipient_tag: str
    expires_at: float


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    pad = "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(text + pad)


class LinkSigner:
    """Signs and verifies review links and CSRF tokens with one 32-byte key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ConfigError("the link-signing key is too short")
        self._key = hmac.new(key, b"piigate/link/v1", hashlib.sha256).digest()
        self._csrf_key = hmac.new(key, b"piigate/csrf/v1", hashlib.sha256).digest()
        self._tag_key = hmac.new(key, b"piigate/recipient/v1", hashlib.sha256).digest()

    def __repr__(self) -> str:
        return "LinkSigner(<hidden>)"

    @classmethod
    def from_keyring(cls, keyring: Keyring) -> LinkSigner:
        """The local key: ``Keyring.purpose("link-signing")`` of the master secret."""
        return cls(keyring.purpose(LINK_PURPOSE))

    @classmethod
    def from_secrets_manager(cls, secret_id: str, *, client: Any | None = None) -> LinkSigner:
        """The AWS key: a Secrets Manager secret (hex:, base64: or plain, >= 16 bytes)."""
        if client is None:
            client = cloud.client("secretsmanager")
        try:
            resp = client.get_secret_value(SecretId=secret_id)
        except Exception as exc:  # noqa: BLE001 - boto errors carry no secret material
            code = getattr(exc, "response", {}).get("Error", {}).get("Code", type(exc).__name__)
            raise ConfigError(f"cannot read the link-signing secret ({code})") from None
        text = resp.get("SecretString")
        if text is None:
            raw = resp.get("SecretBinary") or b""
            if len(raw) < 16:
                raise ConfigError("the link-signing secret is too short")
            return cls(bytes(raw))
        return cls(decode_secret(text, source="link-signing secret"))

    # -- recipients -------------------------------------------------------------
    def recipient_tag(self, recipient: str) -> str:
        digest = hmac.new(self._tag_key, recipient.encode("utf-8"), hashlib.sha256).digest()
        return _b64(digest[:12])

    def find_recipient(self, tag: str, recipients: tuple[str, ...]) -> str:
        """The recipient whose tag this is; LinkError if none."""
        found = None
        for r in recipients:
            if hmac.compare_digest(self.recipient_tag(r), tag):
                found = r
        if found is None:
            raise LinkError()
        return found

    # -- link tokens ------------------------------------------------------------
    def sign(self, review_id: str, recipient: str, expires_at: float) -> str:
        payload = json.dumps(
            {"v": 1, "r": review_id, "u": self.recipient_tag(recipient), "e": int(expires_at)},
            separators=(",", ":"),
            sort_keys=True,
        ).encode("utf-8")
        mac = hmac.new(self._key, payload, hashlib.sha256).digest()
        return f"{_b64(payload)}.{_b64(mac)}"

    def verify(self, token: str | None, *, review_id: str, now: float) -> LinkClaims:
        """Check signature, review binding and expiry (in that order)."""
        if not token or len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
            raise LinkError()
        p64, m64 = token.split(".")
        try:
            payload, mac = _unb64(p64), _unb64(m64)
        except (binascii.Error, ValueError):
            raise LinkError() from None
        expected = hmac.new(self._key, payload, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, mac):
            raise LinkError()
        try:
            data = json.loads(payload)
            claims = LinkClaims(
                review_id=str(data["r"]), recipient_tag=str(data["u"]), expires_at=float(data["e"])
            )
        except (ValueError, KeyError, TypeError):
            raise LinkError() from None
        if data.get("v") != 1 or not hmac.compare_digest(
            claims.review_id.encode("utf-8"), review_id.encode("utf-8")
        ):
            raise LinkError()
        if now >= claims.expires_at:
            raise LinkExpired()
        return claims

    # -- CSRF -------------------------------------------------------------------
    @staticmethod
    def new_nonce() -> str:
        return secrets.token_urlsafe(16)

    def csrf(self, review_id: str, recipient_tag: str, nonce: str) -> str:
        msg = "\n".join((review_id, recipient_tag, nonce)).encode("utf-8")
        return _b64(hmac.new(self._csrf_key, msg, hashlib.sha256).digest())

    def check_csrf(
        self, token: str | None, *, review_id: str, recipient_tag: str, nonce: str | None
    ) -> None:
        if not token or not nonce or len(nonce) > 64 or len(token) > 64:
            raise LinkError()
        expected = self.csrf(review_id, recipient_tag, nonce)
        if not hmac.compare_digest(expected.encode("ascii"), token.encode("utf-8", "replace")):
            raise LinkError()
