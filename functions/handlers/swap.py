"""SwapStep / RollbackStep (importer): one step of the swap or of its undoing."""

from piigate.aws import databases
from piigate.aws.swap import rollback_step, swap_step
from piigate.errors import ConfigError

from ._common import need, step


@step
def handler(event, settings):
    action, run_id = need(event, "action"), need(event, "run_id")
    count = int(event.get("count") or 0)
    if action == "swap":
        password = databases.master_password(settings) if settings.db_secret_arn else None
        probe = databases.answers(settings)
        return swap_step(run_id, settings, count, probe=probe, password=password)
    if action == "rollback":
        return rollback_step(run_id, settings, count)
    raise ConfigError("unknown action", field="action")
