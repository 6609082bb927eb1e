"""The producer's heavy steps as Fargate tasks: ``piigate task <step> --input <event>``.

Building the work tables, tokenizing a work unit, verifying and compacting run longer
than a Lambda's 15 minutes on a large database, so the state machine starts them as
ECS Fargate tasks (``arn:aws:states:::ecs:runTask.sync``) from the scanner image, with
this command line. ``<event>`` is the step's input as JSON, inline or at an ``s3://``
location; it holds ids, locations and hashes only (never values, keys or tokens).
Each step is the same library function a Lambda handler would call
(:mod:`piigate.aws.steps`), with the same safe errors (:func:`~.errors.safe_error`).

``.sync`` hands the state machine the ECS task's description, not what the step
returned, so the task writes its outcome to ``runs/<run>/tasks/<step>[-<unit>].json``
(``{"ok": true, "result": ...}`` or ``{"ok": false, "error": {"type", "message"}}``),
logs the same one line, and exits non-zero on failure, which fails the state
(``States.TaskFailed``). The next Lambda step reads the result with
:func:`read_result`; the failure notice finds the error with :func:`failed_results`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from ..errors import ConfigError
from . import artifacts
from .config import AwsSettings
from .errors import StepError, need, safe_error

Event = dict[str, Any]


def _plan(event: Event, settings: AwsSettings) -> dict[str, Any]:
    from .steps import plan_work

    return plan_work(need(event, "run_id"), need(event, "instance_id"),
                     need(event, "schema_location"), need(event, "schema_hash"), settings)


def _tokenize(event: Event, settings: AwsSettings) -> dict[str, Any]:
    from .steps import tokenize_unit

    return tokenize_unit(need(event, "run_id"), need(event, "instance_id"),
                         need(event, "plan_location"), need(event, "schema_hash"),
                         need(event, "unit"), settings)


def _verify(event: Event, settings: AwsSettings) -> dict[str, Any]:
    from .steps import verify_run

    return verify_run(need(event, "run_id"), need(event, "instance_id"),
                      need(event, "plan_location"), need(event, "schema_hash"), settings)


def _hygiene(event: Event, settings: AwsSettings) -> dict[str, Any]:
    from .steps import hygiene

    return hygiene(need(event, "run_id"), need(event, "instance_id"),
                   need(event, "plan_location"), settings)


STEPS: dict[str, Callable[[Event, AwsSettings], dict[str, Any]]] = {
    "plan": _plan,
    "tokenize": _tokenize,
    "verify": _verify,
    "hygiene": _hygiene,
}
RESULTS_DIR = "tasks"


def result_key(run_id: str, step: str, unit: Any = None) -> str:
    name = step if unit is None else f"{step}-{int(unit)}"
    return artifacts.run_key(run_id, f"{RESULTS_DIR}/{name}")


def load_input(text: str) -> Event:
    """The step's event: inline JSON or an ``s3://`` location of a JSON object."""
    if text.startswith("s3://"):
        event = artifacts.get_json(text)
    else:
        try:
            event = json.loads(text)
        except json.JSONDecodeError:
            raise ConfigError("the task input is neither JSON nor an s3:// location",
                              field="--input") from None
    if not isinstance(event, dict):
        raise ConfigError("the task input is not a JSON object", field="--input")
    return event


def run(step: str, event: Event, settings: AwsSettings | None = None) -> dict[str, Any]:
    """Run ``step`` on ``event`` as the container does and record its outcome in S3.

    Returns the record (``ok`` and ``result`` or ``error``). A failure is recorded
    where possible and raised again as a value-free error."""
    if step not in STEPS:
        raise ConfigError("unknown task step", field=step)
    settings = settings or AwsSettings.from_env()
    settings.require("bucket")
    run_id = need(event, "run_id")
    unit = event.get("unit") if step == "tokenize" else None
    if unit is not None and (isinstance(unit, bool) or not isinstance(unit, int)):
        raise ConfigError("the work unit is not a number", field="unit")
    record: dict[str, Any] = {"step": step, "run_id": run_id}
    if unit is not None:
        record["unit"] = unit
    try:
        record.update(ok=True, result=STEPS[step](event, settings))
    except Exception as exc:  # noqa: BLE001 - recorded value-free, then raised
        error = safe_error(exc)
        record.update(ok=False, error={"type": type(error).__name__, "message": str(error)})
        try:
            artifacts.put_json(settings.bucket, result_key(run_id, step, unit), record)
        except Exception:  # noqa: BLE001,S110 - the step's own error matters more
            pass
        raise error from None
    artifacts.put_json(settings.bucket, result_key(run_id, step, unit), record)
    return record


def read_result(run_id: str, step: str, settings: AwsSettings) -> dict[str, Any]:
    """What a finished task returned; fail closed if it left no successful result."""
    from botocore.exceptions import ClientError

    settings.require("bucket")
    if step not in STEPS:
        raise ConfigError("unknown task step", field="step")
    location = f"s3://{settings.bucket}/{result_key(run_id, step)}"
    try:
        record = artifacts.get_json(location)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            raise StepError(f"the {step} task left no result", file=location) from None
        raise
    if (not isinstance(record, dict) or record.get("run_id") != run_id
            or record.get("step") != step):
        raise StepError(f"the {step} task's result is for another run", file=location)
    if record.get("ok") is not True or not isinstance(record.get("result"), dict):
        raise StepError(f"the {step} task did not succeed", file=location)
    return dict(record["result"])


def failed_results(run_id: str, settings: AwsSettings) -> list[dict[str, str]]:
    """The value-free errors the run's failed tasks recorded (for the failure notice)."""
    if not settings.bucket:
        return []
    prefix = artifacts.run_key(run_id, RESULTS_DIR + "/")[: -len(".json")]
    from ..cloud import client

    out = []
    pages = client("s3").get_paginator("list_objects_v2").paginate(
        Bucket=settings.bucket, Prefix=prefix)
    for page in pages:
        for obj in page.get("Contents", []):
            record = artifacts.get_json(f"s3://{settings.bucket}/{obj['Key']}")
            if isinstance(record, dict) and record.get("ok") is False:
                error = record.get("error") or {}
                out.append({"type": str(error.get("type", "Unknown")),
                            "message": str(error.get("message", ""))})
    return out


# -- the command line ------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add ``task`` to the ``piigate`` command (the Fargate tasks' entrypoint)."""
    p = subparsers.add_parser(
        "task", help="run one heavy producer step on AWS (the Fargate tasks' command)",
        description="Run one step of the AWS producer (plan: build the work tables and "
                    "units; tokenize: apply one work unit; verify; hygiene: compact and "
                    "scrub users) with settings from the PIIGATE_* environment, and record "
                    "its outcome in the artifacts bucket.")
    p.add_argument("step", choices=sorted(STEPS))
    p.add_argument("--input", required=True,
                   help="the step's event: JSON, or the s3:// location of a JSON object")
    p.set_defaults(func=cmd_task)


def cmd_task(args: argparse.Namespace) -> int:
    try:
        record = run(args.step, load_input(args.input))
    except Exception as exc:  # noqa: BLE001 - only the value-free form is printed
        error = safe_error(exc)
        line = {"step": args.step, "ok": False,
                "error": {"type": type(error).__name__, "message": str(error)}}
        print(json.dumps(line, sort_keys=True), file=sys.stderr)
        return error.exit_code or 1
    print(json.dumps(record, sort_keys=True, default=str))
    return 0
