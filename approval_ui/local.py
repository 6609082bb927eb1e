"""The gate on a laptop: serve the review page on 127.0.0.1 until someone decides.

``serve_review`` keeps its review in a SQLite file and its drafts as files in a
private temporary directory (or ``state_dir``), signs links with
``Keyring.purpose("link-signing")`` when a secret is configured and otherwise with a
random key that lives as long as the process (the link is useless after it ends,
which is what we want), and writes the approved schema to ``out``.
"""

from __future__ import annotations

import getpass
import logging
import secrets
import socketserver
import threading
import time
from collections.abc import Callable
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from piigate import tempdirs
from piigate.errors import ConfigError
from piigate.keys import Keyring
from piigate.schema import Schema
from piigate.schema.storage import FileSchemas

from .adapters import Decision, LocalSink
from .app import ReviewApp
from .links import LinkSigner
from .store import SqliteReviewStore

log = logging.getLogger("approval_ui")

DEFAULT_EXPIRES_MINUTES = 24 * 60


class _QuietHandler(WSGIRequestHandler):
    timeout = 10  # an idle (pre)connection must not hold up shutdown

    # The request line holds the link token: never print it (wsgiref logs to stderr).
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    # server_close() waits for in-flight requests, so the reviewer's "Approved" page
    # is delivered before the process moves on.
    daemon_threads = False
    block_on_close = True

REVIEW_PREFIX = "piigate-review-"


def local_signer(keyring: Keyring | None = None) -> LinkSigner:
    """Keyring given > PIIGATE_SECRET(_FILE) > a random per-process key."""
    if keyring is None:
        try:
            keyring = Keyring.from_env()
        except ConfigError:
            return LinkSigner(secrets.token_bytes(32))
    return LinkSigner.from_keyring(keyring)


def local_reviewer() -> str:
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local:reviewer"


def serve_review(
    schema: Schema,
    *,
    previous: Schema | None,
    out: Path,
    port: int = 0,
    host: str = "127.0.0.1",
    on_url: Callable[[str], None] = print,
    expires_minutes: float = DEFAULT_EXPIRES_MINUTES,
    keyring: Keyring | None = None,
    state_dir: Path | None = None,
    reviewer: str | None = None,
) -> Decision:
    """Open a review of ``schema``, serve it, and block until approved, denied or expired.

    ``on_url`` receives the signed review URL once the server listens. On approval the
    approved schema (version bumped, ``approval`` stamped) is written to ``out``.
    """
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigError("the local review page only listens on loopback", field="--host")
    tempdirs.sweep(REVIEW_PREFIX)  # review folders of runs that were killed
    with tempdirs.owned(REVIEW_PREFIX) as tmp:
        root = Path(state_dir) if state_dir else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        sink = LocalSink(out)
        app = ReviewApp(
            store=SqliteReviewStore(root / "reviews.sqlite"),
            schemas=FileSchemas(root / "schemas"),
            signer=local_signer(keyring),
            sink=sink,
        )
        server = make_server(
            host, port, app.wsgi, server_class=_ThreadingServer, handler_class=_QuietHandler
        )
        app.base_url = f"http://{host}:{server.server_port}"
        review, links = app.open_review(
            schema,
            recipients=[reviewer or local_reviewer()],
            expires_in=expires_minutes * 60,
            previous=previous,
        )
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2})
        thread.daemon = True
        thread.start()
        try:
            on_url(next(iter(links.values())))
            while not sink.done.wait(timeout=1.0):
                if time.time() >= review.expires_at:
                    break
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
        if sink.decision is None:
            return Decision(status="expired", review_id=review.id)
        return sink.decision

