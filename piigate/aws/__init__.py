"""AWS platform adapters: the temporary instance, snapshots, sharing, the event, the swap.

Everything here talks to AWS through boto3 clients created lazily
(:func:`piigate.cloud.client`), so moto or a test double can stand in, and the
library never imports boto3 on a laptop run. Resources a run creates carry the run id
in their names (``piigate-tmp-<run>``, ``piigate-import-<run>``), which is also what
the IAM policies in ``template.yaml`` restrict destructive actions to.
"""

from ..cloud import client, reset_clients
from .config import AwsSettings
from .errors import RefusedEvent, ResourceMissing, TransientError

__all__ = [
    "AwsSettings",
    "RefusedEvent",
    "ResourceMissing",
    "TransientError",
    "client",
    "reset_clients",
]
