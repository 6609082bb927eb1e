"""The runner: the whole job on a laptop or a CI runner (``piigate demo`` and ``piigate run``).

restore -> scan -> propose -> review -> tokenize -> verify -> share -> import -> report

* **restore** copies the source into ``piigate_tmp_<random>`` (:mod:`piigate.copydb`);
  every later step works on that copy and it is dropped at the end, whatever happens.
* **scan/propose** run discovery on the copy and write ``proposal.json``.
* **review** approves: a person on 127.0.0.1 (``review=True``), the demo itself
  (``unattended_by``), or the ``previous`` approved schema when the proposal decides
  exactly what it decided and nothing drifted. Anything else fails closed (exit 5).
* **tokenize/verify** apply the approved schema to the copy and prove the result
  against the source; nothing is shared or imported unless verification passed.
* **share** writes a snapshot of the tokenized copy and a manifest (hashes and counts,
  no values) to ``<out>/share``; **import** swaps a copy of it into the target, whose
  old contents stay in place until the new database is complete. Both are logical
  copies, so old row versions of the tokenized copy (the originals) never leave it.
* **report** writes ``report.json`` and ``report.html`` (:mod:`piigate.pipeline.report`)
  from the run's :class:`~piigate.pipeline.record.RunRecord`, also after a failure,
  naming the step that failed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import copydb, failpoints, toolstate
from ..db import connect, reflect, safe_url
from ..errors import ConfigError, PiiGateError, SchemaError, VerificationError, safe_reason
from ..keys import Keyring
from ..schema import Schema, approve_unattended, drift_summary, save_schema
from .record import Failure, RunRecord, StepStatus, StepTiming
from .report import build_report, write_report

if TYPE_CHECKING:
    from ..plan import Plan

STEPS = ("restore", "scan", "propose", "review", "tokenize", "verify", "share", "import",
         "report")
# every step run() times, in order: STEPS with the cleanup before the report
RUN_STEPS = (*STEPS[:-1], "cleanup", STEPS[-1])


class ReviewDenied(PiiGateError):
    """The proposal was denied, the review expired, or nobody may approve unattended."""

    exit_code = 5


class StepFailed(PiiGateError):
    """A step failed; carries the step name and the exit code of the cause."""

    def __init__(self, step: str, cause: BaseException) -> None:
        self.step = step
        self.cause = cause
        self.exit_code = cause.exit_code if isinstance(cause, PiiGateError) else 1
        super().__init__(safe_reason(cause))


class Events(Protocol):
    """What the pipeline tells its user interface (the CLI draws Rich progress bars)."""

    def step(self, name: str, status: str, seconds: float | None = None) -> None: ...

    def progress(self, label: str, done: int, total: int | None = None) -> None: ...

    def say(self, text: str) -> None: ...


class QuietEvents:
    """Events for library callers and tests: messages are kept, nothing is drawn."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.steps: list[tuple[str, str]] = []

    def step(self, name: str, status: str, seconds: float | None = None) -> None:
        self.steps.append((name, status))

    def progress(self, label: str, done: int, total: int | None = None) -> None:
        return None

    def say(self, text: str) -> None:
        self.messages.append(text)


@dataclass
class Options:
    """One pipeline run. ``unattended_by`` lets the run approve its own proposal (demo)."""

    source: str
    target: str
    out: Path
    keyring: Keyring
    command: str = "run"
    previous: Schema | None = None
    review: bool = False
    unattended_by: str | None = None
    sample: int = 1000
    defaults: dict[str, Any] | None = None
    review_port: int = 0
    on_review_url: Callable[[str], None] | None = None
    notes: list[str] = field(default_factory=list)
    public_secret: bool = False  # the demo secret: never sign review links with it


class Pipeline:
    """Runs the steps in order, times them, and always cleans up and reports.

    What the run did goes into :attr:`record` (the report's only input); the temporary
    copy and the plan are the runner's own working state.
    """

    def __init__(self, opts: Options, events: Events | None = None) -> None:
        self.opts = opts
        self.events: Events = events or QuietEvents()
        self.record = RunRecord(command=opts.command, source=opts.source, target=opts.target,
                                notes=list(opts.notes),
                                previous_schema=opts.previous is not None)
        self.current: str | None = None
        self.report_paths: dict[str, str] = {}
        self._tmp = ""
        self._plan: Plan | None = None

    # -- running -----------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Run every step; returns the report. Raises :class:`StepFailed` or
        ``KeyboardInterrupt`` (after cleanup and after the report was written)."""
        check_targets(self.opts.source, self.opts.target)
        # raw copies that killed runs left on the source's server (or in the temp
        # folder) go before anything else
        for name in copydb.sweep_temporaries(self.opts.source):
            self.events.say(f"removed {name}, a temporary copy a killed run left behind")
        self.opts.out.mkdir(parents=True, exist_ok=True)
        try:
            with contextlib.ExitStack() as stack:
                self._step("restore", lambda: self._restore(stack))
                for name in STEPS[1:-1]:
                    self._step(name, getattr(self, f"_{name}"))
                # on success too: a temporary copy that cannot be dropped is a failure
                self._step("cleanup", stack.close)
        finally:
            # the report of a failed run is worth having; a report failure must not
            # hide the original error
            if self.record.failure is None:
                self._step("report", self._write_report)
            else:
                with contextlib.suppress(Exception):
                    self._step("report", self._write_report)
        return self.report()

    def _step(self, name: str, fn: Callable[[], Any]) -> None:
        self.current = name
        self.events.step(name, "running")
        started = time.perf_counter()
        try:
            fn()
        except BaseException as exc:
            seconds = time.perf_counter() - started
            status: StepStatus = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            self.record.timings.append(StepTiming(name, round(seconds, 3), status))
            self.events.step(name, status, seconds)
            if self.record.failure is None:
                self.record.failure = Failure(name, status, _error_dict(exc))
            if isinstance(exc, Exception) and not isinstance(exc, StepFailed):
                # not chained: a library's message could quote data; it stays in .cause
                raise StepFailed(name, exc) from None
            raise
        seconds = time.perf_counter() - started
        self.record.timings.append(StepTiming(name, round(seconds, 3), "ok"))
        self.events.step(name, "ok", seconds)

    # -- steps -------------------------------------------------------------------
    def _restore(self, stack: contextlib.ExitStack) -> None:
        self._tmp = stack.enter_context(
            copydb.temporary_copy(self.opts.source, progress=self.events.progress))
        failpoints.hit("run:restored")
        self.events.say(f"restored the source into a temporary copy "
                        f"({copydb.database_name(self._tmp).rsplit('/', 1)[-1]})")

    def _scan(self) -> None:
        from classifiers.scan import scan_database

        def progress(table: str, done: int, total: int) -> None:
            self.events.progress(f"scan {table}", done, total)

        result = scan_database(self._tmp, sample=self.opts.sample,
                               previous=self.opts.previous, defaults=self.opts.defaults,
                               progress=progress)
        self.record.scan = result
        if result.failed_tables:
            # fail closed: an unreadable table is not a table without personal data
            raise SchemaError(
                f"{len(result.failed_tables)} table(s) could not be read by discovery",
                problems=sorted(result.failed_tables))

    def _propose(self) -> None:
        assert self.record.scan is not None
        proposal = self.record.scan.schema
        self.record.proposal = proposal
        save_schema(proposal, self.opts.out / "proposal.json")
        masked = sum(1 for _ in proposal.masked())
        total = sum(1 for _ in proposal.iter_rules())
        self.events.say(f"proposal: {masked} of {total} columns to mask; "
                        f"{self.opts.out / 'proposal.json'}")

    def _review(self) -> None:
        proposal = self.record.proposal
        assert proposal is not None
        if self.opts.review:
            approved = self._human_review(proposal)
            self.record.approval_mode = "review"
        elif self.opts.unattended_by:
            approved = approve_unattended(
                proposal, by=self.opts.unattended_by, previous=self.opts.previous)
            self.record.approval_mode = "unattended"
            self.events.say(f"approved UNATTENDED as {self.opts.unattended_by!r} "
                            "(no person reviewed this proposal; use --review for that)")
        else:
            approved = self._carry_over(proposal)
            self.record.approval_mode = "carried over"
        # the approved schema names the secret it was approved for (reidentify checks it)
        approved = approved.model_copy(update={"key_check": self.opts.keyring.check_value()})
        self.record.approved = approved
        save_schema(approved, self.opts.out / "approved.json")

    def _human_review(self, proposal: Schema) -> Schema:
        from approval_ui.local import serve_review

        def show(url: str) -> None:
            if self.opts.on_review_url:  # first: the CLI prints the URL on stdout
                self.opts.on_review_url(url)
            self.events.say(f"review the proposal at {url} (waiting for a decision)")

        decision = serve_review(proposal, previous=self.opts.previous,
                                out=self.opts.out / "approved.json", port=self.opts.review_port,
                                on_url=show,
                                # None: a random per-process link key (the demo's secret
                                # is public, links signed with it could be forged)
                                keyring=None if self.opts.public_secret else self.opts.keyring)
        if decision.status != "approved" or decision.schema is None:
            raise ReviewDenied(f"the review ended {decision.status}"
                               + (f" by {decision.by}" if decision.by else ""))
        return decision.schema

    def _carry_over(self, proposal: Schema) -> Schema:
        previous = self.opts.previous
        if previous is None or previous.approval is None:
            raise ReviewDenied("no approved schema to run under: pass --review to approve "
                               "the proposal, or --previous with an approved schema")
        assert self.record.scan is not None
        drift = drift_summary(proposal, self.record.scan.removed)
        changed = {k: v for k, v in drift.items() if v}
        if proposal.hash() != previous.hash() or changed:
            what = ", ".join(f"{len(v)} {k}" for k, v in changed.items()) or "other decisions"
            raise ReviewDenied(f"the proposal differs from the approved schema ({what}); "
                               "run with --review")
        self.events.say(f"the proposal matches the schema approved by {previous.approval.by} "
                        f"at {previous.approval.at}; running under it")
        return previous

    def _tokenize(self) -> None:
        from ..plan import make_plan
        from ..writer import tokenize

        approved = self.record.approved
        assert approved is not None
        with _engine(self.opts.source) as source:
            self._plan = plan = make_plan(approved, reflect(source))
        with _engine(self._tmp) as tmp:
            self.record.tokenized = tokenize(tmp, plan, self.opts.keyring,
                                             progress=self.events.progress)
        failpoints.hit("run:tokenized")

    def _verify(self) -> None:
        from ..verify import verify

        started: dict[str, int] = {}

        def progress(stage: str, *_: Any) -> None:
            started[stage] = started.get(stage, 0) + 1
            self.events.progress(f"verify {stage}", started[stage], None)

        assert self._plan is not None
        with _engine(self.opts.source) as before, _engine(self._tmp) as after:
            result = verify(before, after, self._plan, self.opts.keyring,
                            progress=progress)
        self.record.verification = result
        if not result.passed:
            raise VerificationError(
                f"{len(result.failures)} check(s) failed; first: {result.failures[0]}")
        self.events.say("verification passed: row counts, keys, every masked value "
                        "changed, no original value found in the copy")

    def _share(self) -> None:
        share = self.opts.out / "share"
        for stale in ("manifest.json", *copydb.SNAPSHOT_FILES):  # an earlier run's share
            (share / stale).unlink(missing_ok=True)
        with _engine(self._tmp) as tmp:  # nothing holding originals of ours may leave
            toolstate.assert_clean(tmp, doing="share the tokenized copy")
        snap = copydb.snapshot(self._tmp, share)
        approved = self.record.approved
        verification = self.record.verification
        assert approved is not None and verification is not None
        manifest = {
            "format": "piigate-share/v1",
            "created_at": _now(),
            "engine": copydb.backend(self._tmp),
            "file": snap.name,
            "bytes": snap.stat().st_size,
            "sha256": _sha256(snap),
            "schema_hash": approved.hash(),
            "schema_version": approved.version,
            "approval": approved.approval.model_dump(mode="json") if approved.approval else None,
            "verification": verification.to_dict(),
        }
        (share / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                             encoding="utf-8")
        self.record.share = {"dir": str(share), "file": snap.name, "sha256": manifest["sha256"],
                            "bytes": manifest["bytes"]}
        self.events.say(f"shared the tokenized snapshot: {snap}")

    def _import(self) -> None:
        method = copydb.replace_database(self._tmp, self.opts.target,
                                         progress=self.events.progress)
        self.record.imported = {"target": safe_url(self.opts.target), "method": method}
        self.events.say(f"imported into {safe_url(self.opts.target)}")

    def _write_report(self) -> None:
        paths = write_report(self.report(), self.opts.out)
        self.report_paths = {k: str(v) for k, v in paths.items()}

    # -- the report --------------------------------------------------------------
    def report(self) -> dict[str, Any]:
        """The report as a dict: names, counts, masked examples and timings, no values."""
        return build_report(self.record)


def _error_dict(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, KeyboardInterrupt):
        return {"error": "KeyboardInterrupt", "message": "interrupted"}
    cause = exc.cause if isinstance(exc, StepFailed) else exc
    if isinstance(cause, PiiGateError):
        data: dict[str, Any] = dict(cause.to_dict())
        problems = getattr(cause, "problems", None)
        if problems:
            data["problems"] = list(problems)
        return data
    return {"error": type(cause).__name__, "message": safe_reason(cause)}


def check_targets(source: str, target: str) -> None:
    """Refuse combinations that could harm the source or cannot work (before any work)."""
    s = copydb.normalise_url(source, field="--source")
    t = copydb.normalise_url(target, field="--target")
    if copydb.backend(s) != copydb.backend(t):
        raise ConfigError("--source and --target must be the same database engine",
                          field="--target")
    # by what the servers say about themselves: 127.0.0.1 and localhost, a symlink, a
    # second name of one host all reach the same database
    if copydb.same_database(s, t):
        raise ConfigError("--target is the source database", field="--target")
    if copydb.backend(s) == "mysql" and not copydb.same_server(s, t):
        raise ConfigError("MariaDB/MySQL: source and target must be on the same server",
                          field="--target")
    if not copydb.exists(s):
        raise ConfigError("the source database does not exist", field=safe_url(s))


@contextlib.contextmanager
def _engine(url: str) -> Iterator[Any]:
    engine = connect(url)
    try:
        yield engine
    finally:
        engine.dispose()  # PostgreSQL TEMPLATE copies need the source free of sessions


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
