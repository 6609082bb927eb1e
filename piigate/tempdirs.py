"""Private temporary folders that a killed run cannot leave behind for good.

A folder made here holds an exclusive ``flock`` on a file inside it for as long as its
owner lives; the lock ends with the process, however it ends. :func:`sweep` removes
every folder of a prefix whose lock it can take: those whose owner is gone (``kill -9``,
a lost container). Runs call it before they start, so what a crash left (a raw SQLite
copy of the source, a review folder) lives only until the next run.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_LOCK = ".piigate-owner.lock"


@contextlib.contextmanager
def owned(prefix: str) -> Iterator[Path]:
    """A new private (0700) folder, locked by this process and removed at the end."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    fd = os.open(path / _LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        os.close(fd)


def _orphaned(path: Path) -> bool:
    """Whether ``path`` is one of ours whose owner is gone (we may remove it)."""
    lock = path / _LOCK
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False  # not made by owned(), or already gone: not ours to remove
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # its owner is alive
    finally:
        os.close(fd)
    return True


def sweep(prefix: str) -> list[Path]:
    """Remove the folders of ``prefix`` left by dead owners; returns them."""
    removed = []
    root = Path(tempfile.gettempdir())
    for path in sorted(root.glob(prefix + "*")):
        if path.is_dir() and not path.is_symlink() and _orphaned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
