"""Open-source anonymizers as contenders, on the job they can do: names and birth dates.

Neither pganonymize nor pynonymizer can mask a key across the tables that reference it,
so their job is ``employees.first_name``, ``last_name`` (fake names) and ``birth_date``
(a fake date of birth), and the matching contender of ours is ``ours-names`` (the same
three columns: names FF3-1, birth dates shifted, ``emp_no`` kept).

They are installed into a virtualenv of their own, ``bench/.venv-peers`` (created here
on first use; ``make bench-peers`` does the same), never into the project's. Each runs
as its command-line tool against the contender's copy; the time includes the tool's own
start-up (about a second), which is part of using it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench_dbs import BenchDb

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv-peers"
PINS = ("pganonymize==0.13.0", "pynonymizer==2.5.0", "psycopg2-binary", "pymysql")
ENGINES = {"pganonymize": ("postgresql",), "pynonymizer": ("postgresql", "mariadb")}

PGANONYMIZE_SCHEMA = """\
tables:
 - employees:
    primary_key: emp_no
    chunk_size: 5000
    fields:
     - first_name:
        provider:
          name: fake.first_name
     - last_name:
        provider:
          name: fake.last_name
     - birth_date:
        provider:
          name: fake.date_of_birth
"""

PYNONYMIZER_STRATEGY = """\
tables:
  employees:
    columns:
      first_name: first_name
      last_name: last_name
      birth_date: date_of_birth
"""


def ensure_venv() -> Path:
    """``bench/.venv-peers`` with the peers installed (pip through its usual index)."""
    marker = VENV / ".installed"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", *PINS], check=True)
        marker.write_text("\n".join(PINS) + "\n")
    return VENV / "bin"


def available(name: str, engine: str) -> str | None:
    """None when peer ``name`` can run on ``engine``, else why not."""
    if engine not in ENGINES.get(name, ()):
        return f"{name} does not support {engine}"
    return None


def _run(cmd: list[str]) -> dict[str, Any]:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed (exit {proc.returncode}): "
                           f"{(proc.stderr or proc.stdout)[-1500:]}")
    return {"tool_output_tail": (proc.stderr + proc.stdout)[-300:]}


def run_pganonymize(db: BenchDb) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        f.write(PGANONYMIZE_SCHEMA)
    return _run([str(VENV / "bin" / "pganonymize"), "--schema", f.name, "--dbname", db.name,
                 "--user", "postgres", "--host", "127.0.0.1", "--port", "5432"])


def run_pynonymizer(db: BenchDb) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        f.write(PYNONYMIZER_STRATEGY)
    db_type, port = ("postgres", "5432") if db.engine == "postgresql" else ("mysql", "3306")
    user = "postgres" if db.engine == "postgresql" else "root"
    return _run([str(VENV / "bin" / "pynonymizer"), "--only-step", "ANONYMIZE_DB",
                 "--db-type", db_type, "--db-host", "127.0.0.1", "--db-port", port,
                 "--db-user", user, "--db-name", db.name, "--strategy", f.name])
