"""The Python client: SigV4-signed requests over HTTP, batching, retries, errors."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import botocore.session
import pytest

from functions.handlers import pseudonymization
from piigate.keys import Keyring
from piigate.pseudonymize import pseudonymize
from piigate.schema import parse_schema
from piigate.service_client import PseudonymizationClient, ServiceError, region_of

KEYRING = Keyring(b"client-test-secret-0123456789")
SCHEMA = parse_schema({"tables": {"customers": {"columns": {
    "id": {"method": "fpe", "type": "BIGINT"},
    "ssn": {"method": "fpe", "alphabet": "digits", "type": "CHAR(11)"},
}}}})
ROLE = "arn:aws:iam::111111111111:role/piigate-reidentify"


class _Api(BaseHTTPRequestHandler):
    """API Gateway in miniature: checks the signature's shape, builds the proxy event."""

    seen: list[dict[str, Any]] = []
    caller = "arn:aws:sts::111111111111:assumed-role/analyst/s"

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        auth = self.headers.get("Authorization", "")
        _Api.seen.append({"path": self.path, "auth": auth, "body": json.loads(body),
                          "date": self.headers.get("X-Amz-Date")})
        if not auth.startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") or \
                "/eu-west-1/execute-api/aws4_request" not in auth:
            resp = {"statusCode": 403, "body": json.dumps({"message": "Missing auth"})}
        else:
            route = self.path.rsplit("/", 1)[1]
            event = {"body": body, "requestContext": {
                "requestId": "r", "identity": {"userArn": _Api.caller}}}
            handler = getattr(pseudonymization, route)
            resp = handler(event, None)
        out = resp["body"].encode()
        self.send_response(resp["statusCode"])
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def api(monkeypatch):
    monkeypatch.setattr(pseudonymization, "approved", lambda settings: (SCHEMA, KEYRING))
    monkeypatch.setenv("PIIGATE_REIDENTIFY_ROLE_ARN", ROLE)
    _Api.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/prod"
    server.shutdown()
    server.server_close()


@pytest.fixture
def session(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return botocore.session.Session()


def test_signed_batched_and_in_order(api, session):
    client = PseudonymizationClient(api, region="eu-west-1", session=session, batch_size=2)
    values = [5, 4, 3, 2, 1]
    tokens = client.pseudonymize(values, domain="customers.id")
    assert tokens == pseudonymize(SCHEMA, KEYRING, values, domain="customers.id")
    assert [len(s["body"]["values"]) for s in _Api.seen] == [2, 2, 1]
    assert all(s["path"] == "/prod/pseudonymize" and s["date"] for s in _Api.seen)
    assert "SignedHeaders=" in _Api.seen[0]["auth"] and "host" in _Api.seen[0]["auth"]


def test_reidentify_needs_the_role(api, session):
    client = PseudonymizationClient(api, region="eu-west-1", session=session)
    tokens = client.pseudonymize(["123-45-6789"], column="customers.ssn")
    with pytest.raises(ServiceError) as err:
        client.reidentify(tokens, column="customers.ssn")
    assert err.value.status == 403 and "column customers.ssn" in str(err.value)
    _Api.caller = "arn:aws:sts::111111111111:assumed-role/piigate-reidentify/officer"
    try:
        assert client.reidentify(tokens, column="customers.ssn") == ["123-45-6789"]
    finally:
        _Api.caller = "arn:aws:sts::111111111111:assumed-role/analyst/s"


def test_errors_carry_the_service_message_not_values(api, session):
    client = PseudonymizationClient(api, region="eu-west-1", session=session)
    with pytest.raises(ServiceError) as err:
        client.pseudonymize(["jane@example.com"], domain="customers.id")
    assert err.value.status == 400 and "not an integer" in str(err.value)
    assert "jane@example.com" not in str(err.value)


def test_throttling_is_retried(session, monkeypatch):
    monkeypatch.setattr("piigate.service_client.time.sleep", lambda s: None)
    answers = [(429, b'{"message": "Too Many Requests"}'), (200, b'{"tokens": ["t"]}')]
    sent: list[dict[str, str]] = []

    def transport(url: str, body: bytes, headers: dict[str, str], timeout: float):
        sent.append(headers)
        return answers.pop(0)

    client = PseudonymizationClient("https://abc.execute-api.eu-west-1.amazonaws.com/prod",
                                    session=session, transport=transport)
    assert client.pseudonymize(["x"], domain="d") == ["t"]
    assert len(sent) == 2 and all("Authorization" in h for h in sent)


def test_region_from_the_endpoint():
    assert region_of("https://abc.execute-api.eu-central-1.amazonaws.com/prod") == \
        "eu-central-1"
    with pytest.raises(Exception, match="region"):
        region_of("http://127.0.0.1:8080/prod")
