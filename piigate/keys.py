"""The master secret and the keys derived from it.

One master secret; every key domain gets its own AES key, FF3-1 tweak and HMAC key,
derived with HKDF-SHA256 and the domain name as context. The secret never appears in a
repr, a log line or an exception.
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import ConfigError

MIN_SECRET_BYTES = 16
ENV_SECRET = "PIIGATE_SECRET"
ENV_SECRET_FILE = "PIIGATE_SECRET_FILE"
_SALT = b"piigate/v1"


def decode_secret(text: str, *, source: str) -> bytes:
    """Accept a secret as hex, base64 or plain text; refuse one that is too short."""
    text = text.strip()
    raw: bytes | None = None
    if text.startswith("hex:"):
        try:
            raw = binascii.unhexlify(text[4:])
        except (binascii.Error, ValueError):
            raise ConfigError(
                "the secret is marked hex: but is not valid hex", field=source
            ) from None
    elif text.startswith("base64:"):
        try:
            raw = base64.b64decode(text[7:], validate=True)
        except (binascii.Error, ValueError):
            raise ConfigError(
                "the secret is marked base64: but is not valid base64", field=source
            ) from None
    else:
        raw = text.encode("utf-8")
    if len(raw) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"the secret is too short: at least {MIN_SECRET_BYTES} bytes are required",
            field=source,
        )
    return raw


@dataclass(frozen=True)
class DomainKeys:
    """The keys of one key domain."""

    aes_key: bytes  # 32 bytes, FF3-1 key
    tweak: bytes  # 7 bytes, FF3-1 56-bit tweak
    mac_key: bytes  # 32 bytes, for fakes, hashes and date shifts

    def __repr__(self) -> str:  # never show key material
        return "DomainKeys(<hidden>)"


class Keyring:
    """Derives per-domain keys from the master secret."""

    def __init__(self, master: bytes) -> None:
        if len(master) < MIN_SECRET_BYTES:
            raise ConfigError(
                f"the secret is too short: at least {MIN_SECRET_BYTES} bytes are required"
            )
        self._master = master

    def __repr__(self) -> str:
        return "Keyring(<hidden>)"

    __str__ = __repr__

    @classmethod
    def from_env(cls, secret: str | None = None, secret_file: str | None = None) -> Keyring:
        """Explicit argument > PIIGATE_SECRET > PIIGATE_SECRET_FILE; none is an error."""
        if secret:
            return cls(decode_secret(secret, source="--secret"))
        if secret_file:
            return cls.from_file(secret_file)
        env = os.environ.get(ENV_SECRET)
        if env:
            return cls(decode_secret(env, source=ENV_SECRET))
        env_file = os.environ.get(ENV_SECRET_FILE)
        if env_file:
            return cls.from_file(env_file)
        raise ConfigError(
            f"no tokenization secret: set {ENV_SECRET} or {ENV_SECRET_FILE} "
            "(at least 16 bytes; prefix hex: or base64: for encoded secrets)"
        )

    @classmethod
    def from_file(cls, path: str) -> Keyring:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read the secret file ({exc.strerror})", file=path) from None
        return cls(decode_secret(text, source=path))

    def _derive(self, info: bytes, length: int) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=length, salt=_SALT, info=info).derive(
            self._master
        )

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - keyrings live as long as a run
    def domain(self, name: str) -> DomainKeys:
        """Keys for the key domain ``name`` (stable across runs for the same secret)."""
        base = b"domain:" + name.encode("utf-8")
        return DomainKeys(
            aes_key=self._derive(base + b":aes", 32),
            tweak=self._derive(base + b":tweak", 7),
            mac_key=self._derive(base + b":mac", 32),
        )

    def check_value(self) -> str:
        """A key check value: tells which secret tokenized a database, reveals nothing of it.

        48 bits of an HKDF output under its own label, so it is one-way like every other
        derived key; a tokenized database and an approved schema carry it, and
        ``reidentify`` refuses a secret whose check value differs.
        """
        return "kcv1:" + self._derive(b"key-check-value", 6).hex()

    def purpose(self, name: str) -> bytes:
        """A 32-byte key for a named purpose outside the domains (link signing...)."""
        return self._derive(b"purpose:" + name.encode("utf-8"), 32)
