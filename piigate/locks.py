"""Locks that end with the process holding them, however it ends.

Both kinds are how a crashed run is told from a running one: a PostgreSQL advisory lock
or a MariaDB named lock goes with its connection, a ``flock`` goes with its file
descriptor. Whoever can take the lock may clean up after its former holder.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc


def _pg_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextlib.contextmanager
def server_lock(conn: sa.Connection, name: str, *, wait_seconds: float = 0) -> Iterator[bool]:
    """Try to hold the named lock on ``conn``'s server; yields whether it was got.

    ``wait_seconds``: a killed holder's lock is freed only when the server notices its
    connection is gone, which can take a moment; callers that would otherwise report a
    crashed run as a running one wait that long.
    """
    if conn.dialect.name == "postgresql":
        params: dict[str, object] = {"k": _pg_key(name)}
        deadline = time.monotonic() + wait_seconds
        while True:
            got = bool(conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"),
                                    params).scalar())
            if got or time.monotonic() >= deadline:
                break
            time.sleep(0.2)
        release = "SELECT pg_advisory_unlock(:k)"
    else:
        # MariaDB lock names are limited to 64 characters
        params = {"n": name[:64], "w": wait_seconds}
        got = bool(conn.execute(sa.text("SELECT GET_LOCK(:n, :w)"), params).scalar())
        release = "SELECT RELEASE_LOCK(:n)"
    if conn.in_transaction():
        conn.commit()  # the lock is the connection's, not the transaction's
    try:
        yield got
    finally:
        if got:
            with contextlib.suppress(sa_exc.SQLAlchemyError):
                conn.execute(sa.text(release), params)
                if conn.in_transaction():
                    conn.commit()


@contextlib.contextmanager
def file_lock(path: Path, *, wait: bool = False) -> Iterator[bool]:
    """Try to hold an exclusive ``flock`` on ``path`` (created 0600 if missing); yields
    whether it was got. The file stays afterwards: removing it would race a new holder."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            got = True
        except BlockingIOError:
            got = False
        yield got
    finally:
        os.close(fd)  # releases the lock
