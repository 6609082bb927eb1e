"""The producer's database steps on AWS: the library behind the scan, plan, tokenize,
verify and hygiene handlers.

A step connects to the run's restored instance (:mod:`piigate.aws.databases`), calls the one
library function it stands for, writes what is large to S3 and returns counts,
locations and hashes. What runs is bound to what was approved: every step after the
gate loads the approved schema and refuses it unless its hash is the approved hash.
"""

from __future__ import annotations

from typing import Any

from .. import toolstate
from ..cloud import client
from ..errors import ConfigError, SchemaError
from ..keys import Keyring, decode_secret
from ..schema import Schema
from ..schema.storage import S3Schemas
from . import artifacts, names
from .config import AwsSettings
from .databases import connected
from .hygiene import compact_tables, scrub_users


def keyring(settings: AwsSettings) -> Keyring:
    """The master tokenization secret from Secrets Manager (never logged or returned)."""
    settings.require("secret_id")
    text = (
        client("secretsmanager").get_secret_value(SecretId=settings.secret_id).get("SecretString")
    )
    return Keyring(decode_secret(text or "", source="PIIGATE_SECRET_ID"))


def _schemas(settings: AwsSettings) -> S3Schemas:
    settings.require("bucket")
    return S3Schemas(settings.bucket, "reviews/")


def approved_schema(location: str, schema_hash: str, settings: AwsSettings) -> Schema:
    """The approved schema, refused unless it hashes to what the reviewer approved."""
    schema = _schemas(settings).get(location)
    if schema.hash() != schema_hash:
        raise SchemaError("the schema does not match the approved hash", file=location)
    return schema


# -- steps -----------------------------------------------------------------------------


def scan(
    run_id: str, instance_id: str, settings: AwsSettings, macie_location: str | None = None
) -> dict[str, Any]:
    """Discovery on the temporary instance (with Macie's evidence when given), proposed
    against the last approved schema; the draft goes to S3."""
    from classifiers.scan import scan_database

    from .macie import load_evidence

    settings.require("bucket")
    previous = None
    latest = artifacts.latest_approved(settings.bucket)
    if latest:
        previous = _schemas(settings).get(latest["location"])
    evidence = load_evidence(macie_location) if macie_location else None
    with connected(instance_id, settings) as engine:
        result = scan_database(
            engine, sample=settings.sample_size, previous=previous, macie=evidence
        )
    if result.failed_tables:
        # fail closed: an unreadable table must not read as "no findings"
        raise SchemaError("some tables could not be sampled", problems=sorted(result.failed_tables))
    location = _schemas(settings).put(result.schema, f"{run_id}-findings")
    tables = result.inventory.tables if result.inventory is not None else {}
    return {
        "findings_location": location,
        "tables": len(tables),
        "columns": sum(len(t.columns) for t in tables.values()),
    }


def propose(run_id: str, scan_location: str, settings: AwsSettings) -> dict[str, Any]:
    """The proposal the reviewer sees, and the last approved schema to compare with."""
    schemas = _schemas(settings)
    proposal = schemas.get(scan_location)
    latest = artifacts.latest_approved(settings.bucket)
    location = schemas.put(proposal, f"{run_id}-proposal")
    return {
        "proposal_location": location,
        "previous_location": latest["location"] if latest else None,
        "proposal_hash": proposal.hash(),
    }


def _temp_only(run_id: str, instance_id: str) -> None:
    if instance_id != names.temp_instance(run_id):
        raise ConfigError("only the run's temporary instance is tokenized", field=instance_id)


def plan_work(
    run_id: str, instance_id: str, schema_location: str, schema_hash: str, settings: AwsSettings
) -> dict[str, Any]:
    """Check the approved schema against the instance (fail closed), register the run's
    work tables (empty: value-range units fill them) and write the work units.

    The work plan (``runs/<run>/plan.json``: the schema's location and hash, the work
    state, the units) and one item list per phase (``runs/<run>/units-<n>.json``: one
    ``{"unit": i}`` per unit, read by that phase's Distributed Map) go to S3, so
    neither the number of units nor their contents meet Step Functions' payload or
    history limits. Units are :mod:`piigate.aws.units`; they carry indexes and range
    bounds, never masked values.
    """
    from ..db import reflect
    from ..plan import make_plan
    from ..writer import prepare
    from .units import list_units, phases

    _temp_only(run_id, instance_id)
    schema = approved_schema(schema_location, schema_hash, settings)
    keys = keyring(settings)
    with connected(instance_id, settings) as engine:
        plan = make_plan(schema, reflect(engine))
        state = prepare(engine, plan, keys, run_id=run_id, build_maps=False)
        units = list_units(engine, plan, state, settings.tokenize_ranges)
    doc = {
        "schema_location": schema_location,
        "schema_hash": schema_hash,
        "units": units,
        "tables": plan.tables(),
        "work": state.to_dict(),
    }
    location, _ = artifacts.put_json(settings.bucket, artifacts.run_key(run_id, "plan"), doc)
    phase_objects = []
    for n, indexes in enumerate(phases(units)):
        key = artifacts.run_key(run_id, f"units-{n}")
        artifacts.put_json(settings.bucket, key, [{"unit": i} for i in indexes])
        phase_objects.append(key)
    artifacts.put_json(
        settings.bucket,
        artifacts.LATEST_APPROVED,
        {"location": schema_location, "schema_hash": schema_hash},
    )
    return {"plan_location": location, "phase_objects": phase_objects,
            "phase_count": len(phase_objects), "unit_count": len(units)}


def _plan_doc(plan_location: str, schema_hash: str) -> dict[str, Any]:
    doc = artifacts.get_json(plan_location)
    if doc.get("schema_hash") != schema_hash:
        raise SchemaError("the work plan is for another schema", file=plan_location)
    return doc


def _work_state(doc: dict[str, Any], run_id: str, plan_location: str) -> Any:
    from ..writer import WorkState

    if not isinstance(doc.get("work"), dict):
        raise SchemaError("the work plan has no work state", file=plan_location)
    state = WorkState.from_dict(doc["work"])
    if state.run_id != run_id:
        raise SchemaError("the work plan is for another run", file=plan_location)
    return state


def tokenize_unit(
    run_id: str,
    instance_id: str,
    plan_location: str,
    schema_hash: str,
    unit: Any,
    settings: AwsSettings,
) -> dict[str, Any]:
    """Apply work unit number ``unit`` of the plan (:func:`piigate.aws.units.run_unit`)
    to the temporary instance; a unit already applied is skipped, never applied twice."""
    from ..db import reflect
    from ..plan import make_plan
    from .units import run_unit

    _temp_only(run_id, instance_id)
    doc = _plan_doc(plan_location, schema_hash)
    units = doc.get("units")
    index = unit.get("unit") if isinstance(unit, dict) else unit
    if (not isinstance(units, list) or isinstance(index, bool) or not isinstance(index, int)
            or not 0 <= index < len(units)):
        raise ConfigError("the work plan has no such unit", field="unit")
    state = _work_state(doc, run_id, plan_location)
    schema = approved_schema(doc["schema_location"], schema_hash, settings)
    keys = keyring(settings)
    with connected(instance_id, settings) as engine:
        done = run_unit(engine, make_plan(schema, reflect(engine)), keys, state, units[index])
    return {**done, "unit": index, "id": done["unit"]}


def finish_work(
    run_id: str, instance_id: str, plan_location: str, schema_hash: str, settings: AwsSettings
) -> dict[str, Any]:
    """After every unit: check all groups were applied (fail closed), drop the work
    tables. Finishing twice is harmless."""
    from ..db import reflect
    from ..plan import make_plan
    from ..writer import finish

    _temp_only(run_id, instance_id)
    doc = _plan_doc(plan_location, schema_hash)
    state = _work_state(doc, run_id, plan_location)
    schema = approved_schema(doc["schema_location"], schema_hash, settings)
    with connected(instance_id, settings) as engine:
        finish(engine, make_plan(schema, reflect(engine)), state)
    return {"groups": len(state.groups)}


def verify_run(
    run_id: str, instance_id: str, plan_location: str, schema_hash: str, settings: AwsSettings
) -> dict[str, Any]:
    """Verify the tokenized instance against the untouched reference restore."""
    from ..db import reflect
    from ..plan import make_plan
    from ..verify import verify

    doc = _plan_doc(plan_location, schema_hash)
    schema = approved_schema(doc["schema_location"], schema_hash, settings)
    keys = keyring(settings)
    ref = names.reference_instance(run_id)
    with connected(ref, settings) as before, connected(instance_id, settings) as after:
        result = verify(before, after, make_plan(schema, reflect(before)), keys)
    report = {"run_id": run_id, "schema_hash": schema_hash, **result.to_dict()}
    location, report_hash = artifacts.put_json(
        settings.bucket, artifacts.run_key(run_id, "verify"), report
    )
    return {"passed": result.passed, "report_location": location, "report_hash": report_hash}


def hygiene(
    run_id: str, instance_id: str, plan_location: str, settings: AwsSettings
) -> dict[str, Any]:
    """Compact the tokenized tables and scrub database users before the snapshot."""
    if instance_id != names.temp_instance(run_id):
        raise ConfigError("hygiene runs on the run's temporary instance only", field=instance_id)
    tables = artifacts.get_json(plan_location).get("tables", [])
    with connected(instance_id, settings) as engine:
        # the last look before the snapshot: nothing of ours that holds originals
        toolstate.assert_clean(engine, doing="snapshot the tokenized instance")
        vacuumed = compact_tables(engine, tables)
        users = scrub_users(engine, settings.user_allowlist)
    return {"vacuumed": vacuumed, **users}
