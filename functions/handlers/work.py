"""The short control steps around the Fargate tasks (piigate.aws.tasks).

``"action": "result"`` (PlanResult, VerifyResult): what a finished task recorded in S3,
since ``ecs:runTask.sync`` returns the ECS task's description, not the step's output;
fail closed if the task left no successful result. ``"action": "finish"`` (FinishWork):
check every work unit was applied, drop the work tables.
"""

from piigate.aws import steps, tasks
from piigate.errors import ConfigError

from ._common import need, step


@step
def handler(event, settings):
    action = need(event, "action")
    if action == "result":
        return tasks.read_result(need(event, "run_id"), need(event, "step"), settings)
    if action == "finish":
        return steps.finish_work(
            need(event, "run_id"),
            need(event, "instance_id"),
            need(event, "plan_location"),
            need(event, "schema_hash"),
            settings,
        )
    raise ConfigError("unknown action", field="action")
