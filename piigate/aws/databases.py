"""The run's instances as databases: their URLs, connections and the probe after a swap.

An instance id becomes a SQLAlchemy URL from its RDS endpoint and the database secret
in Secrets Manager; tests and local runs resolve ids to local databases instead
(:func:`set_url_resolver`). The steps (:mod:`piigate.aws.steps`), the Macie extract
(:mod:`piigate.aws.macie`) and the swap's probe connect through here.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy.engine import URL, Engine

from ..cloud import client
from ..errors import ConfigError
from .config import AwsSettings
from .hygiene import set_passwords
from .rds import describe_instance

_DRIVERS = {"postgres": "postgresql+psycopg", "mysql": "mysql+pymysql", "mariadb": "mysql+pymysql"}

# Tests and local runs point instance ids at local databases here (``set_url_resolver``).
_RESOLVER: Callable[[str], str] | None = None


def set_url_resolver(resolver: Callable[[str], str] | None) -> None:
    """Resolve instance ids to database URLs with ``resolver`` (None: RDS + Secrets)."""
    global _RESOLVER
    _RESOLVER = resolver


def _secret_json(secret_id: str) -> dict[str, Any]:
    text = client("secretsmanager").get_secret_value(SecretId=secret_id).get("SecretString")
    try:
        doc = json.loads(text or "")
    except json.JSONDecodeError:
        raise ConfigError(
            "the database secret is not JSON", field="PIIGATE_DB_SECRET_ARN"
        ) from None
    if not isinstance(doc, dict) or not doc.get("username") or not doc.get("password"):
        raise ConfigError(
            "the database secret needs username and password", field="PIIGATE_DB_SECRET_ARN"
        )
    return doc


def instance_url(instance_id: str, settings: AwsSettings) -> str:
    """The SQLAlchemy URL of an instance: its endpoint and the database secret."""
    if _RESOLVER is not None:
        return _RESOLVER(instance_id)
    settings.require("db_secret_arn")
    inst = describe_instance(instance_id)
    endpoint = (inst or {}).get("Endpoint") or {}
    if not endpoint.get("Address"):
        raise ConfigError("the instance has no endpoint yet", field=instance_id)
    secret = _secret_json(settings.db_secret_arn)
    url = URL.create(
        _DRIVERS[settings.engine],
        username=secret["username"],
        password=secret["password"],
        host=endpoint["Address"],
        port=endpoint.get("Port"),
        database=secret.get("dbname") or (inst or {}).get("DBName"),
    )
    return url.render_as_string(hide_password=False)


@contextlib.contextmanager
def connected(instance_id: str, settings: AwsSettings) -> Iterator[Engine]:
    from ..db import connect

    engine = connect(instance_url(instance_id, settings))
    try:
        yield engine
    finally:
        engine.dispose()


def answers(settings: AwsSettings) -> Callable[[dict[str, Any]], None]:
    """The importer's check that the swapped-in instance answers: connect, ``SELECT 1``."""
    import sqlalchemy as sa

    from .errors import ResourceMissing

    def probe(inst: dict[str, Any]) -> None:
        instance_id = str(inst.get("DBInstanceIdentifier"))
        try:
            with connected(instance_id, settings) as engine:
                with engine.connect() as conn:
                    conn.execute(sa.text("SELECT 1")).scalar_one()
                if settings.users_secret_arn:
                    # before the old instance goes: a failure here rolls the swap back
                    set_passwords(engine, user_passwords(settings))
        except sa.exc.SQLAlchemyError as exc:
            raise ResourceMissing(
                f"the instance does not answer ({type(exc).__name__})", field=instance_id
            ) from None

    return probe


def master_password(settings: AwsSettings) -> Callable[[], str]:
    """The password from the database secret, read when the swap needs it."""
    settings.require("db_secret_arn")
    return lambda: str(_secret_json(settings.db_secret_arn)["password"])


def user_passwords(settings: AwsSettings) -> dict[str, str]:
    """Pre-production's passwords for the allow-listed users: a JSON object of strings."""
    settings.require("users_secret_arn")
    text = (
        client("secretsmanager")
        .get_secret_value(SecretId=settings.users_secret_arn)
        .get("SecretString")
    )
    try:
        doc = json.loads(text or "")
    except json.JSONDecodeError:
        doc = None
    if not isinstance(doc, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in doc.items()
    ):
        raise ConfigError(
            "the users secret is not a JSON object of user names to passwords",
            field="PIIGATE_DB_USERS_SECRET_ARN",
        )
    return doc
