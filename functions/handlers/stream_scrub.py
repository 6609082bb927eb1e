"""Kinesis Data Firehose record transformation: scrub each event with the stream's rules.

The stream is ``PIIGATE_STREAM_NAME`` or, when unset, the delivery stream's own name;
its rules come from the last approved schema (``piigate.aws.service.approved``). Records
not answered ``Ok`` are logged with their id and a value-free reason. If the schema or
the keys cannot be loaded the invocation fails, and Firehose retries it and then sends
the records to its error prefix: nothing passes unmasked.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from piigate.aws import AwsSettings
from piigate.aws.service import approved
from piigate.errors import ConfigError
from piigate.streams import StreamScrubber, firehose_response

log = logging.getLogger("piigate.stream")
log.setLevel(logging.INFO)
_SCRUBBERS: dict[tuple[str, str], StreamScrubber] = {}


def _stream(event: Any) -> str:
    name = os.environ.get("PIIGATE_STREAM_NAME")
    if not name and isinstance(event, dict):
        name = str(event.get("deliveryStreamArn") or "").rpartition("/")[2]
    if not name:
        raise ConfigError("no stream name: set PIIGATE_STREAM_NAME", field="PIIGATE_STREAM_NAME")
    return name


def handler(event: Any, context: Any = None) -> dict[str, Any]:
    stream = _stream(event)
    schema, keyring = approved(AwsSettings.from_env())
    key = (schema.hash(), stream)
    scrubber = _SCRUBBERS.get(key)
    if scrubber is None:
        _SCRUBBERS.clear()  # one approved schema at a time
        scrubber = _SCRUBBERS[key] = StreamScrubber(schema, stream, keyring)
    response, failures = firehose_response(event, scrubber)
    for f in failures:
        log.warning(json.dumps({"stream": stream, "recordId": f.record_id,
                                "result": f.result, "reason": f.reason}))
    log.info(json.dumps({"stream": stream, "records": len(response["records"]),
                         "not_ok": len(failures)}))
    return response
