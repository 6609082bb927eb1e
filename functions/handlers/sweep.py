"""Sweeper (scheduled): delete leftover piigate-tmp-* / piigate-import-* instances and
unshared snapshots older than ``PIIGATE_SWEEP_AFTER_HOURS``."""

from piigate.aws import rds

from ._common import step


@step
def handler(event, settings):
    return rds.sweep(settings.sweep_after_hours)
