"""``piigate demo``: a sample "production" database to run the whole pipeline on.

The demo builds its source with :mod:`piigate.sample` and, without a configured
secret, tokenizes under a fixed public secret that it labels as such everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import copydb, toolstate
from ..db import connect, safe_url
from ..errors import ConfigError
from ..keys import ENV_SECRET, ENV_SECRET_FILE, Keyring

# A fixed secret so that the demo runs on a fresh machine; it protects nothing.
DEMO_SECRET = "piigate-demo-secret:NOT-FOR-REAL-DATA"
DEMO_NOTE = "demo"  # a note in PII Gate's state table: scans never see it


def demo_keyring() -> tuple[Keyring, str | None]:
    """The configured keyring, or the labelled demo secret and a note saying so."""
    if os.environ.get(ENV_SECRET) or os.environ.get(ENV_SECRET_FILE):
        return Keyring.from_env(), None  # a bad configured secret is an error, never a fallback
    note = ("PIIGATE_SECRET is not set: using the fixed, public DEMO secret. Tokens made "
            "with it protect nothing; set PIIGATE_SECRET for real data.")
    return Keyring(DEMO_SECRET.encode("utf-8")), note


def prepare_demo(db: str | None, out: Path, employees: int,
                 progress: Callable[[str, int, int | None], None] | None = None,
                 ) -> tuple[str, str, dict[str, int]]:
    """Build the sample "production" database; returns (source, target, rows per table).

    Default: ``<out>/source.sqlite``, target ``<out>/preprod.sqlite``. With ``db``, the
    sample goes into that database and the target is ``<name>_preprod`` beside it. A
    database that holds tables the demo did not create is refused, never overwritten.
    """
    from ..sample import create

    out.mkdir(parents=True, exist_ok=True)
    source = db or f"sqlite:///{out / 'source.sqlite'}"
    u = copydb.normalise_url(source)
    if copydb.backend(u) == "sqlite":
        path = copydb.sqlite_path(u)
        target = copydb.sibling(u, path.stem + "_preprod") if db else \
            u.set(database=str(out / "preprod.sqlite"))
    else:
        target = copydb.sibling(u, copydb.database_name(u) + "_preprod")
    if copydb.exists(u):
        _refuse_foreign(u)
        copydb.drop(u)
    copydb.create_empty(u)
    engine = connect(u)
    try:
        with engine.connect() as conn:
            toolstate.write_note(conn, DEMO_NOTE, "made by piigate demo; dropped by the next demo")
        def tick(table: str, rows: int) -> None:
            if progress:
                progress(f"sample {table}", rows, None)

        rows = create(engine, employees=employees, extras=True, progress=tick)
    finally:
        engine.dispose()
    return (u.render_as_string(hide_password=False),
            target.render_as_string(hide_password=False), rows)


def _refuse_foreign(u: Any) -> None:
    import sqlalchemy as sa

    engine = connect(u)
    try:
        names = set(sa.inspect(engine).get_table_names()) - {toolstate.STATE_TABLE}
        with engine.connect() as conn:
            made_by_demo = toolstate.read_note(conn, DEMO_NOTE) is not None
    finally:
        engine.dispose()
    if names and not made_by_demo:
        raise ConfigError("this database holds tables the demo did not create; refusing to "
                          "overwrite it (name an empty or new database)",
                          field=safe_url(u))
