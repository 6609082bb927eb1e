"""CleanupAfterSuccess / CleanupAfterFailure: delete the run's temporary instances, every
snapshot of the run except the one shared and announced, and any Macie extract left;
after a success, the shared snapshots beyond the newest ``PIIGATE_KEEP_SHARED``. Last,
release the run's lock."""

from piigate.aws import lock, macie, rds

from ._common import need, step


@step
def handler(event, settings):
    run_id = need(event, "run_id")
    succeeded = event.get("outcome") == "succeeded"
    keep = event.get("keep_snapshot_id") if succeeded else None
    out = rds.cleanup_run(run_id, keep_snapshot_id=keep)
    out["extract_objects_deleted"] = macie.delete_run_extract(run_id, settings)
    if succeeded and keep:
        out["old_shared_deleted"] = rds.prune_shared(settings.keep_shared, keep)
    if settings.lock_table and event.get("execution"):
        out["lock_released"] = lock.release(settings.lock_table, "producer", event["execution"])
    return out
