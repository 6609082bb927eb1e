"""Named points where a test can kill the process, to prove crash recovery.

``PIIGATE_FAILPOINT=<name>`` makes the process SIGKILL itself when it reaches the point
of that name: no ``finally``, no cleanup, exactly like ``kill -9`` or a lost container.
Unset (always, outside tests) a point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "PIIGATE_FAILPOINT"


def hit(name: str) -> None:
    """Die here, at once, if the environment names this point."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
