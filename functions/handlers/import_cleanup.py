"""CleanupAfterImport / CleanupAfterFailure (importer): delete the snapshot copy and a
new instance that was not swapped in; release the lock, and after a failure forget the
event so that it may be sent again."""

from piigate.aws import lock, rds

from ._common import need, step
from .lock import event_key


@step
def handler(event, settings):
    out = rds.cleanup_import(need(event, "run_id"))
    execution = event.get("execution")
    if settings.lock_table and execution:
        key = event_key(event.get("event"))
        if event.get("outcome") == "failed" and key:
            out["event_forgotten"] = lock.forget_delivery(settings.lock_table, key, execution)
        out["lock_released"] = lock.release(settings.lock_table, "importer", execution)
    return out
