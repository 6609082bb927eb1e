"""RestoreTemp: restore the source's latest snapshot as the run's temporary instances;
with ``"action": "credentials"`` (ResetCredentials), once they are available, give both
our master password (the restore kept production's)."""

from piigate.aws import databases, rds
from piigate.errors import ConfigError

from ._common import need, step


@step
def handler(event, settings):
    action = event.get("action", "restore")
    if action == "credentials":
        settings.require("db_secret_arn")
        password = databases.master_password(settings)
        return rds.reset_temp_credentials(need(event, "run_id"), password)
    if action != "restore":
        raise ConfigError("unknown action", field="action")
    return rds.restore_temp(need(event, "run_id"), settings)
