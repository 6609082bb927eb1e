"""Private temporary folders that a killed run cannot leave behind for good.

A folder made here holds an exclusive ``flock`` on a file inside it for as long as its
owner lives; the lock ends with the process, however it ends. :func:`sweep` removes
every folder of a prefix whose lock it can take: those whose owner is gone (``kill -9``,
a lost container). Runs call it before they start, so what a crash left (a raw SQLite
copy of the source, a review folder) lives only until the next run.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import locks

_LOCK = ".piigate-owner.lock"


@contextlib.contextmanager
def owned(prefix: str) -> Iterator[Path]:
    """A new private (0700) folder, locked by this process and removed at the end."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    with locks.file_lock(path / _LOCK, wait=True):
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)


def _orphaned(path: Path) -> bool:
    """Whether ``path`` is one of ours whose owner is gone (we may remove it)."""
    lock = path / _LOCK
    if not lock.is_file():
        return False  # not made by owned(), or already gone: not ours to remove
    with locks.file_lock(lock) as got:
        return got  # taken only when its owner is gone


def sweep(prefix: str) -> list[Path]:
    """Remove the folders of ``prefix`` left by dead owners; returns them."""
    removed = []
    root = Path(tempfile.gettempdir())
    for path in sorted(root.glob(prefix + "*")):
        if path.is_dir() and not path.is_symlink() and _orphaned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
