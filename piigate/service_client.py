"""A Python client of the pseudonymization service: SigV4-signed, batched.

    from piigate.service_client import PseudonymizationClient

    client = PseudonymizationClient("https://abc123.execute-api.eu-west-1.amazonaws.com/prod")
    tokens = client.pseudonymize([1001, 1002], domain="customers.id")
    originals = client.reidentify(tokens, domain="customers.id")  # the re-identify role only

Requests are signed with the caller's AWS credentials (botocore's default chain: an
instance profile on EMR, a role, environment variables), split into batches of at most
the service's limit, and retried on throttling and 5xx answers. Errors name the
request's column or domain and the service's value-free message; never a value.
"""

from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .errors import PiiGateError
from .pseudonymize import MAX_VALUES

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REGION_IN_HOST = ".execute-api."


class ServiceError(PiiGateError):
    """The service refused or failed a request (``status``: the HTTP status)."""

    def __init__(self, message: str, *, status: int, **kw: str | None) -> None:
        self.status = status
        super().__init__(message, **kw)


Transport = Callable[[str, bytes, dict[str, str], float], tuple[int, bytes]]


def _urllib(url: str, body: bytes, headers: dict[str, str], timeout: float) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - https URL
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def region_of(endpoint: str) -> str:
    """``eu-west-1`` from ``https://<id>.execute-api.eu-west-1.amazonaws.com/<stage>``."""
    host = endpoint.split("//", 1)[-1].split("/", 1)[0]
    if _REGION_IN_HOST not in host:
        raise PiiGateError("cannot read the region from the endpoint; pass region=",
                           field="endpoint")
    return host.split(_REGION_IN_HOST, 1)[1].split(".", 1)[0]


class PseudonymizationClient:
    """Calls ``POST /pseudonymize`` and ``POST /reidentify`` of one deployed API stage."""

    def __init__(self, endpoint: str, *, region: str | None = None, session: Any = None,
                 batch_size: int = MAX_VALUES, timeout: float = 30.0, retries: int = 4,
                 transport: Transport | None = None) -> None:
        if not 1 <= batch_size <= MAX_VALUES:
            raise PiiGateError(f"batch_size is 1..{MAX_VALUES}", field="batch_size")
        self.endpoint = endpoint.rstrip("/")
        self.region = region or region_of(endpoint)
        self.batch_size = batch_size
        self.timeout = timeout
        self.retries = retries
        self._session = session
        self._send = transport or _urllib

    def _credentials(self) -> Any:
        if self._session is None:
            import botocore.session

            self._session = botocore.session.get_session()
        creds = self._session.get_credentials()
        if creds is None:
            raise PiiGateError("no AWS credentials to sign the request with")
        return creds.get_frozen_credentials()

    def _signed(self, url: str, body: bytes) -> dict[str, str]:
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest

        req = AWSRequest(method="POST", url=url, data=body,
                         headers={"Content-Type": "application/json"})
        SigV4Auth(self._credentials(), "execute-api", self.region).add_auth(req)
        return dict(req.headers.items())

    def _call(self, route: str, payload: dict[str, Any], where: str) -> dict[str, Any]:
        url = f"{self.endpoint}/{route}"
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        for attempt in range(self.retries + 1):
            status, raw = self._send(url, body, self._signed(url, body), self.timeout)
            if status == 200:
                return dict(json.loads(raw))
            if status not in _RETRY_STATUS or attempt == self.retries:
                break
            time.sleep(min(8.0, 0.2 * 2**attempt) * (0.5 + random.random()))  # noqa: S311
        try:
            message = str(json.loads(raw).get("error") or json.loads(raw).get("message"))
        except (ValueError, AttributeError):
            message = "no JSON answer"
        raise ServiceError(f"{route} answered {status}: {message}", status=status, field=where)

    def _batches(self, route: str, items: str, out: str, values: Iterable[Any],
                 column: str | None, domain: str | None) -> list[Any]:
        if (column is None) == (domain is None):
            raise PiiGateError("name either a domain or a column", field="domain")
        name = {"column": column} if column is not None else {"domain": domain}
        where = f"{next(iter(name))} {next(iter(name.values()))}"
        values = list(values)
        result: list[Any] = []
        for start in range(0, len(values), self.batch_size):
            chunk = values[start:start + self.batch_size]
            answer = self._call(route, {**name, items: chunk}, where)
            got = answer.get(out)
            if not isinstance(got, list) or len(got) != len(chunk):
                raise ServiceError(f"{route} answered a list of another length", status=200,
                                   field=where)
            result.extend(got)
        return result

    def pseudonymize(self, values: Sequence[Any], *, column: str | None = None,
                     domain: str | None = None) -> list[Any]:
        """The snapshot's token of each value, in order (None stays None)."""
        return self._batches("pseudonymize", "values", "tokens", values, column, domain)

    def reidentify(self, tokens: Sequence[Any], *, column: str | None = None,
                   domain: str | None = None) -> list[Any]:
        """The original of each ``fpe`` token, in order (needs the re-identify role)."""
        return self._batches("reidentify", "tokens", "values", tokens, column, domain)
