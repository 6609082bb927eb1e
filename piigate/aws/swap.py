"""The importer's swap, one step per call, and its rollback.

The order keeps downtime to the two renames: the new instance is restored and ready
beside the old one first; then the old is renamed aside (``piigate-old-<run>``), the
new renamed in under the target's name, checked to answer, and only then is the old
deleted. Renames take minutes on RDS, so each call looks at what exists, starts the
next rename when its instance is available, and returns; the state machine calls again
after a ``Wait``. Any failure runs :func:`rollback_step` the same way until the old
instance is back under the target name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import names
from .config import AwsSettings
from .errors import ResourceMissing
from .rds import CREDENTIALS_TAG, _call, _rds, _tag, describe_instance, set_master_password

Probe = Callable[[dict[str, Any]], None]


def _available(inst: dict[str, Any] | None) -> bool:
    return inst is not None and inst.get("DBInstanceStatus") == "available"


def _rename(current: str, new: str) -> None:
    _call(
        current,
        _rds().modify_db_instance,
        DBInstanceIdentifier=current,
        NewDBInstanceIdentifier=new,
        ApplyImmediately=True,
    )


def endpoint_probe(inst: dict[str, Any]) -> None:
    """The default check that the new instance answers: available with an endpoint."""
    if not (inst.get("Endpoint") or {}).get("Address"):
        raise ResourceMissing(
            "the new instance has no endpoint", field=inst.get("DBInstanceIdentifier")
        )


def _ours(inst: dict[str, Any] | None, run_id: str) -> bool:
    return inst is not None and _tag(inst, names.RUN_TAG) == run_id


def _result(phase: str, count: int, done: bool = False) -> dict[str, Any]:
    return {"phase": phase, "done": done, "count": int(count) + 1}


def swap_step(
    run_id: str,
    settings: AwsSettings,
    count: int = 0,
    probe: Probe = endpoint_probe,
    password: Callable[[], str] | None = None,
) -> dict[str, Any]:
    """Advance the swap by one step: ``{"phase", "done", "count"}``.

    ``password`` (when given) supplies the master password the new instance gets
    before it is swapped in, so that it answers with this account's credentials.
    """
    settings.require("source_instance")
    target_id = settings.source_instance
    new_id, old_id = names.import_instance(run_id), names.old_instance(run_id)
    target, new, old = (describe_instance(i) for i in (target_id, new_id, old_id))
    if target is not None and _ours(target, run_id):
        if not _available(target):
            return _result("renaming-in", count)
        probe(target)
        if old is not None:
            _call(
                old_id,
                _rds().delete_db_instance,
                DBInstanceIdentifier=old_id,
                SkipFinalSnapshot=True,
                DeleteAutomatedBackups=False,
            )
        return _result("done", count, done=True)
    if new is None:
        raise ResourceMissing("the new instance is gone", field=new_id)
    if password is not None and _tag(new, CREDENTIALS_TAG) is None:
        if not _available(new):
            return _result("waiting-new", count)
        set_master_password(new_id, password())
        return _result("credentials", count)
    if target is not None:
        if old is not None:
            raise ResourceMissing("an instance is already parked aside", field=old_id)
        if not _available(target):
            return _result("waiting-old", count)
        _rename(target_id, old_id)
        return _result("old-aside", count)
    # the target name is free: the old one is aside (or this is the first import)
    if not _available(new) or (old is not None and old.get("DBInstanceStatus") == "renaming"):
        return _result("waiting-new", count)
    _rename(new_id, target_id)
    return _result("new-in", count)


def rollback_step(run_id: str, settings: AwsSettings, count: int = 0) -> dict[str, Any]:
    """Undo a partial swap by one step: the new instance out, the old one back."""
    settings.require("source_instance")
    target_id = settings.source_instance
    new_id, old_id = names.import_instance(run_id), names.old_instance(run_id)
    target, old = describe_instance(target_id), describe_instance(old_id)
    if old is None:
        # nothing was parked aside: the target (if any) is the old instance, untouched
        return _result("nothing-to-undo", count, done=not _ours(target, run_id))
    if _ours(target, run_id):
        if not _available(target):
            return _result("waiting-new", count)
        _rename(target_id, new_id)  # back to its import name; the cleanup deletes it
        return _result("new-out", count)
    if target is not None or not _available(old):
        return _result("waiting-old", count)
    _rename(old_id, target_id)
    return _result("old-back", count)
