"""The tokenization schema model (one model for proposals, reviews and approvals)."""

from .approval import approve_unattended, approved_version, stamp_approval
from .drift import DRIFT_NEEDING_REVIEW, drift_summary
from .model import (
    COLUMN_RULE,
    FAKE_KINDS,
    FORMAT,
    MASKING_METHODS,
    METHODS,
    Approval,
    ColumnRule,
    Condition,
    Finding,
    JsonRule,
    Schema,
    TableRule,
    json_schema,
    load_schema,
    normalise_json_path,
    parse_schema,
    save_schema,
)

__all__ = [
    "COLUMN_RULE",
    "DRIFT_NEEDING_REVIEW",
    "FAKE_KINDS",
    "FORMAT",
    "MASKING_METHODS",
    "METHODS",
    "Approval",
    "ColumnRule",
    "Condition",
    "Finding",
    "JsonRule",
    "Schema",
    "TableRule",
    "approve_unattended",
    "approved_version",
    "drift_summary",
    "json_schema",
    "load_schema",
    "normalise_json_path",
    "parse_schema",
    "save_schema",
    "stamp_approval",
]
