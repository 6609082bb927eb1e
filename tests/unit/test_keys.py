"""Keys: derivation is stable and separated per domain; secrets never show."""

from __future__ import annotations

import pytest

from piigate.errors import ConfigError
from piigate.keys import Keyring


def test_domains_are_stable_and_distinct():
    a, b = Keyring(b"s" * 32), Keyring(b"s" * 32)
    assert a.domain("emp") == b.domain("emp")
    assert a.domain("emp").aes_key != a.domain("cust").aes_key
    assert len(a.domain("emp").tweak) == 7
    assert len(a.domain("emp").aes_key) == 32
    assert Keyring(b"t" * 32).domain("emp").aes_key != a.domain("emp").aes_key


def test_secret_never_in_repr():
    secret = b"very-secret-value-123"
    k = Keyring(secret)
    assert "very-secret" not in repr(k) and "very-secret" not in str(k)
    assert "DomainKeys(<hidden>)" == repr(k.domain("x"))


def test_sources_and_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    monkeypatch.delenv("PIIGATE_SECRET_FILE", raising=False)
    with pytest.raises(ConfigError, match="PIIGATE_SECRET"):
        Keyring.from_env()
    f = tmp_path / "secret"
    f.write_text("file-secret-0123456789\n")
    monkeypatch.setenv("PIIGATE_SECRET_FILE", str(f))
    from_file = Keyring.from_env()
    monkeypatch.setenv("PIIGATE_SECRET", "env-secret-0123456789")
    from_env = Keyring.from_env()
    assert from_env.domain("d") != from_file.domain("d")
    assert Keyring.from_env(secret_file=str(f)).domain("d") == from_file.domain("d")


@pytest.mark.parametrize("value", ["Qx7sekrit", "hex:Qx7zz", "base64:Qx7***", "hex:00ff"])
def test_bad_secrets_are_refused_without_echoing_them(monkeypatch, value):
    monkeypatch.setenv("PIIGATE_SECRET", value)
    with pytest.raises(ConfigError) as exc:
        Keyring.from_env()
    assert "Qx7" not in str(exc.value) and "00ff" not in str(exc.value)
    assert "PIIGATE_SECRET" in str(exc.value)


def test_unreadable_secret_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the secret file"):
        Keyring.from_file(str(tmp_path / "missing"))


def test_key_check_value_identifies_the_secret_without_revealing_it():
    a = Keyring(b"a" * 32)
    assert a.check_value() == Keyring(b"a" * 32).check_value()
    assert a.check_value() != Keyring(b"b" * 32).check_value()
    assert a.check_value().startswith("kcv1:") and len(a.check_value()) == 17
    assert "61" * 6 not in a.check_value()  # not the secret's bytes


def test_reidentify_refuses_a_secret_with_another_check_value():
    from piigate.reidentify import reidentify_column
    from piigate.schema import parse_schema

    right, wrong = Keyring(b"r" * 32), Keyring(b"w" * 32)
    schema = parse_schema({"tables": {"t": {"columns": {"ssn": {
        "method": "fpe", "alphabet": "digits", "type": "VARCHAR(11)"}}}},
        "key_check": right.check_value()})
    token = reidentify_column(schema, "t.ssn", ["123-45-6789"], right)  # decrypts
    assert len(token) == 1
    with pytest.raises(ConfigError, match="key check value"):
        reidentify_column(schema, "t.ssn", ["123-45-6789"], wrong)
