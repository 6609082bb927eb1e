"""The entry points: :func:`verify` (engines) and :func:`verify_urls` (the CLI's)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from .. import toolstate
from ..db import reflect
from ..keys import Keyring
from ..plan import Plan
from .changed import changed
from .context import Progress, Run
from .foreign_keys import foreign_keys
from .leak import leak_check
from .results import Checks, VerifyResult
from .row_counts import row_counts
from .samples import sample_originals
from .sides import Side
from .unique_keys import unique_keys


def verify(
    before: Engine,
    after: Engine,
    plan: Plan,
    keyring: Keyring,
    *,
    leak_sample: int = 200,
    progress: Progress | None = None,
) -> VerifyResult:
    """Check the tokenized copy ``after`` of ``before`` against ``plan``.

    ``plan`` is the checked plan of the approved schema against ``before`` (its
    inventory describes the original). ``progress(stage, done)`` is called before each
    unit of work (a table, a column, a key) with the number started in that stage.
    Database errors fail the check they occur in (reported by error class only) instead
    of raising, so that the result still says what else held. A copy that still holds
    PII Gate's work tables, or whose tokenize did not finish, is refused
    (:class:`~piigate.toolstate.StateError`, naming the table).
    """
    # PII Gate's work tables hold originals beside tokens; an interrupted tokenize left
    # some groups original: either way there is nothing to verify yet (StateError)
    toolstate.assert_clean(after, doing="verify")
    run = Run(
        before=Side(before, plan.inventory),
        after=Side(after, reflect(after)),
        plan=plan,
        keyring=keyring,
        leak_sample=max(0, leak_sample),
        progress=progress,
    )
    checks = Checks()
    checks.row_counts = row_counts(run)
    checks.foreign_keys = foreign_keys(run)
    checks.unique = unique_keys(run)
    samples = sample_originals(run)
    outcome = changed(run, samples)
    checks.changed = outcome.columns
    checks.leak = leak_check(run, samples, outcome.pair_leaks, outcome.proved)
    return VerifyResult(checks=checks, failures=run.failures)


def verify_urls(
    before_url: str,
    after_url: str,
    schema_path: str,
    keyring: Keyring,
    *,
    keep_undecided: bool = False,
    leak_sample: int = 200,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """``piigate verify``: connect, load and check the schema, verify; the result dict."""
    from ..db import connect
    from ..plan import make_plan
    from ..schema import load_schema

    schema = load_schema(schema_path)
    before = connect(before_url)
    try:
        after = connect(after_url)
        try:
            plan = make_plan(schema, reflect(before), keep_undecided=keep_undecided)
            result = verify(before, after, plan, keyring, leak_sample=leak_sample,
                            progress=progress)
        finally:
            after.dispose()
    finally:
        before.dispose()
    return result.to_dict()
