"""Lazily created, cached boto3 clients (one per service and region): the one factory.

The AWS steps (:mod:`piigate.aws`) and the review page on AWS (:mod:`approval_ui`)
both take their clients here, so a test resets them in one place. Clients are created
on first use, not at import, so that moto's ``mock_aws`` (started by a test after
import) intercepts them, and a laptop run never imports boto3.
:func:`reset_clients` forgets them between tests.
"""

from __future__ import annotations

import threading
from typing import Any

_CLIENTS: dict[tuple[str, str | None], Any] = {}
_LOCK = threading.Lock()


def client(service: str, region: str | None = None) -> Any:
    """The cached boto3 client for ``service`` (and ``region``, default: the session's)."""
    key = (service, region)
    with _LOCK:
        if key not in _CLIENTS:
            import boto3

            _CLIENTS[key] = boto3.client(service, region_name=region)
        return _CLIENTS[key]


def reset_clients() -> None:
    """Forget every cached client (tests, or after credentials changed)."""
    with _LOCK:
        _CLIENTS.clear()
