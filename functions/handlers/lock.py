"""AcquireLock: one run per side at a time; on the importer, each shared snapshot once.

The importer passes its whole input (the EventBridge event) as ``event``: a second
delivery of the same announcement returns ``duplicate`` and the machine ends there.
The lock is released by the run's cleanup.
"""

from piigate.aws import lock
from piigate.errors import ConfigError

from ._common import need, step


def event_key(state):
    """The shared snapshot an importer execution is about, if its input names one."""
    detail = (state or {}).get("detail") if isinstance(state, dict) else None
    arn = detail.get("snapshot_arn") if isinstance(detail, dict) else None
    return arn if isinstance(arn, str) and arn else None


@step
def handler(event, settings):
    settings.require("lock_table")
    name, execution = need(event, "lock"), need(event, "execution")
    if name not in ("producer", "importer"):
        raise ConfigError("unknown lock", field="lock")
    key = event_key(event.get("event")) if name == "importer" else None
    if key and not lock.first_delivery(settings.lock_table, key, execution):
        return {"duplicate": True, "took_over": False}
    out = lock.acquire(settings.lock_table, name, execution)
    return {"duplicate": False, "took_over": out["took_over"]}
