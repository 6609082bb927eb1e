"""The database writer: apply a checked plan to a database, set-based.

How (details and per-engine notes in docs/writer.md):

1. **Work tables first, nothing changed yet.** For every key domain whose method maps
   values (fpe, fake, hash, json, date_shift), the writer streams ``SELECT DISTINCT``
   over the union of the domain's columns (server-side cursors, ``chunk`` rows at a
   time), transforms each distinct value once, and writes the changed ones to a work
   table ``piigate_map_<n>`` (key, new value, row id) indexed on the key. ``date_shift``
   with an ``entity_column`` gets a work table per column keyed on (entity, value).
   A transform error here stops the run before any row is touched.
2. **Updates by the database.** Per transaction group (the tables a masked key domain
   joins, or a single table), in one transaction: foreign keys touching masked columns
   are set aside (PostgreSQL: dropped and re-added with their exact definition, which
   re-validates them; MariaDB: ``FOREIGN_KEY_CHECKS=0`` and an orphan check; SQLite:
   ``PRAGMA foreign_keys=OFF`` and ``PRAGMA foreign_key_check``), each masked column is
   updated with an UPDATE joined to its work table (constant-like methods: a plain
   UPDATE), sequences are moved past the new maximum, and the group commits. Any
   failure rolls the group back: its tables are left as they were.
3. **Permuted keys.** FF3-1 is a permutation, so a key ``a`` may become ``b`` while
   another row still holds ``b``. Work rows whose old value is also some row's new value
   are *parked* first (moved to values disjoint from every old and new value: integers
   beyond the range in use, text behind a prefix no value starts with), then everything
   else is updated, then the parked rows are moved to their new values.

Memory is bounded by ``chunk`` rows; work tables are dropped at the end, also on failure.
Errors name tables and columns, never values.

The three steps are public so that groups can run as independent work units (one
Lambda each on AWS): :func:`prepare` builds every work table once (names derived from a
run id, so runs never collide) and returns a :class:`WorkState` (names and counts, JSON);
:func:`apply_group` applies one group, recording it in ``piigate_work_<run>`` inside the
group's own transaction so that a group is never applied twice; :func:`finish` checks
that every group was applied and drops the run's tables. :func:`tokenize` is the three
in a row, in one process: it hands its work tables straight from step to step.
Units smaller than a group (value ranges of the work tables, primary-key ranges of the
rebuilds, one finishing unit per group) are :func:`plan_units` / :func:`apply_unit`
(:mod:`piigate.writer.units`); ``tokenize(jobs=N)`` runs them N at a time.

Modules: ``work`` (step 1), ``group`` and ``rebuild`` (step 2, 3), ``dialects`` (every
engine difference), ``results`` (what is reported and passed between units), ``names``.
"""

from __future__ import annotations

import time
import uuid

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine

from .. import __version__, failpoints, toolstate
from ..errors import describe_db_error
from ..keys import Keyring
from ..methods import ONE_TO_ONE
from ..plan import Plan
from ..toolstate import RunRecord, StateError
from .dialects import dialect_for
from .group import GroupTransaction
from .names import DONE_PREFIX, NEW_PREFIX, OLD_PREFIX, aside_name, run_tag, swap_marker
from .results import Progress, TableResult, TableResults, TokenizeError, TokenizeResult, WorkState
from .units import Job, Unit, UnitRun, run_units, set_worker, start_workers, units_table_name
from .work import WorkTables


def table_groups(plan: Plan) -> list[list[str]]:
    """Tables joined by a masked key domain update together (one transaction)."""
    order = plan.tables()
    parent = {t: t for t in order}

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    for dom in plan.domains.values():
        tables = sorted({t for t, _ in dom.columns if t in parent})
        if dom.method in ONE_TO_ONE:  # keys: their foreign keys join the tables
            for t in tables[1:]:
                parent[find(t)] = find(tables[0])
    out: dict[str, list[str]] = {}
    for t in order:
        out.setdefault(find(t), []).append(t)
    return list(out.values())


def _db_error(exc: sa_exc.SQLAlchemyError, doing: str) -> TokenizeError:
    return TokenizeError(f"database error while {doing} ({describe_db_error(exc)})")


class Run:
    """One run of the writer on one database: its names, groups and record table."""

    def __init__(self, engine: Engine, plan: Plan, run_id: str) -> None:
        self.engine = engine
        self.plan = plan
        self.run_id = run_id
        self.sql = dialect_for(engine)
        self.tag = run_tag(run_id)
        self.done_table = f"{DONE_PREFIX}{self.tag}"
        self.groups = table_groups(plan)

    def work_tables(self, keyring: Keyring, progress: Progress | None,
                    chunk: int) -> WorkTables:
        """The run's work tables as planned (none built yet)."""
        works = WorkTables(self.engine, self.plan, self.sql, self.tag, keyring, progress, chunk)
        works.plan_works()
        return works

    def state(self, works: WorkTables, seconds: float) -> WorkState:
        return WorkState(run_id=self.run_id, engine=self.sql.name, done_table=self.done_table,
                         groups=self.groups, maps=works.maps(), seconds=seconds)

    def check(self, state: WorkState, works: WorkTables | None = None) -> None:
        """Refuse a state prepared for another plan, database engine or run."""
        if (state.engine != self.sql.name or state.done_table != self.done_table
                or state.groups != self.groups
                or (works is not None and not works.matches(state.maps))):
            raise TokenizeError("the work state does not match this plan and database "
                                "(prepared for another schema, engine or run); nothing was "
                                "changed")

    # -- the steps ---------------------------------------------------------------------
    def table_names(self, works: WorkTables) -> tuple[list[str], list[str]]:
        """Every table this run may create: (work: they hold originals beside tokens or
        are built aside; progress: what says how far the run got)."""
        work = [w.name for w in works.works]
        progress = [self.done_table, units_table_name(self.tag)]
        for g, tables in enumerate(self.groups):
            work += [aside_name(p, self.tag, g, i)
                     for p in (NEW_PREFIX, OLD_PREFIX) for i in range(len(tables))]
            progress.append(swap_marker(self.tag, g))
        return work, progress

    def prepare(self, works: WorkTables, *, resume: bool = False, build: bool = True,
                count: bool = False) -> None:
        """Register the run's tables, create the record table and build every work
        table; on failure drop them. ``resume``: keep the record of groups applied.
        ``build=False``: the work tables are left to value-range units
        (:mod:`piigate.writer.units`), which :meth:`units` sets up. ``count``: also
        count every table's rows for the groups (when they run in this process)."""
        try:
            with self.engine.connect() as conn:
                work, progress = self.table_names(works)
                toolstate.register(conn, work, "work", self.tag)
                toolstate.register(conn, progress, "progress", self.tag)
            self.create_done_table(resume=resume)
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error(exc, "preparing the work tables") from None
        if not build:
            return
        try:
            works.build_all([t for g in self.groups for t in g] if count else [])
        except BaseException as exc:
            self.drop_quietly(("work",) if resume else ("work", "progress"))
            if isinstance(exc, sa_exc.SQLAlchemyError):
                raise _db_error(exc, "preparing the work tables") from None
            raise

    def apply(self, works: WorkTables, group: int, rebuild: bool) -> TableResults:
        """Apply group ``group`` with the built ``works``, in one transaction."""
        if not 0 <= group < len(self.groups):
            raise TokenizeError(f"there is no table group {group} in this run "
                                f"({len(self.groups)} groups)")
        tables = self.groups[group]
        results = {t: TableResult(columns=[c.column for c in self.plan.for_table(t)],
                                  group=group) for t in tables}
        try:
            applied = GroupTransaction(works, tables, results, rebuild=rebuild,
                                       marker=(self.done_table, group)).run()
        except sa_exc.SQLAlchemyError as exc:  # the group's own errors are TokenizeErrors
            raise _db_error(exc, f"applying table group {group}") from None
        for r in results.values():
            r.skipped = not applied
        return results

    def finish(self, require_all: bool) -> None:
        """Check every group was applied (``require_all``), then drop the tables."""
        try:
            done = self.done_groups()
            if done is None:
                return  # finished before (the record is dropped last)
            missing = [i for i in range(len(self.groups)) if i not in done]
            if require_all and missing:
                tables = ", ".join(t for i in missing for t in self.groups[i])
                raise TokenizeError(f"{len(missing)} table group(s) were not applied "
                                    f"({tables}); the database is not fully tokenized")
            with self.engine.connect() as conn:
                toolstate.drop_run(conn, self.tag)
        except sa_exc.SQLAlchemyError as exc:
            raise _db_error(exc, "dropping the work tables") from None

    # -- bookkeeping -------------------------------------------------------------------
    def _done_table(self) -> sa.Table:
        return sa.Table(self.done_table, sa.MetaData(),
                        sa.Column("grp", sa.Integer, primary_key=True, autoincrement=False),
                        mysql_engine="InnoDB")  # transactional: written with the group

    def create_done_table(self, *, resume: bool = False) -> None:
        """The run's record of applied groups; refuses a run that already applied one
        (its work tables would be rebuilt from tokenized values) unless ``resume``:
        a resumed local run keeps it and applies only the groups not in it."""
        table = self._done_table()
        with self.engine.connect() as conn:
            if sa.inspect(conn).has_table(self.done_table):
                if resume:
                    return
                if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                    raise TokenizeError(
                        "this run already applied table groups; prepare again under a new "
                        "run id only on an untouched copy", table=self.done_table)
                table.drop(conn)
            table.create(conn)
            conn.commit()

    def done_groups(self) -> set[int] | None:
        """The groups applied so far (None: no record, the run was finished or never
        prepared)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table(self.done_table):
                return None
            return {int(r[0]) for r in conn.execute(sa.select(self._done_table().c.grp))}

    def drop_quietly(self, kinds: tuple[str, ...]) -> None:
        try:
            with self.engine.connect() as conn:
                toolstate.drop_run(conn, self.tag, kinds)
        except sa_exc.SQLAlchemyError:
            pass  # the original error matters more; leftovers stay registered and the
            # next run (or verify, or the share) finds them


# -- the public steps ------------------------------------------------------------------


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def begin(engine: Engine, plan: Plan, keyring: Keyring, run_id: str, *,
          resume: bool) -> tuple[str, bool]:
    """Refuse a tokenized database, find an interrupted run, record this one as started.

    A database whose record says ``done`` was tokenized already (exit 3: tokenizing
    twice would encrypt tokens). A record that says ``started`` is an interrupted run:
    with ``resume`` and the same schema and secret it is resumed under its own run id
    (returned, with True); otherwise refused, since some of its groups may be applied.
    What a crashed run left is swept first (call with the lock held, or on a database
    nobody else writes). Returns the run id to use and whether it resumes.
    """
    with engine.connect() as conn:
        record = toolstate.read_record(conn)
        kcv, schema_hash = keyring.check_value(), plan.schema.hash()
        resumed = False
        if record is not None and record.state == "done":
            raise StateError(f"this database is already tokenized ({record.describe()}); "
                             "tokenizing it again would encrypt its tokens. Nothing was "
                             "changed", table=toolstate.STATE_TABLE)
        if record is not None and record.run_id != run_id:
            if not resume or (record.schema_hash, record.key_check) != (schema_hash, kcv):
                raise StateError(
                    f"a tokenize of this database was interrupted ({record.describe()}); "
                    "only the same schema and secret may finish it: run `piigate tokenize` "
                    "with them, or restore a fresh copy", table=toolstate.STATE_TABLE)
            run_id, resumed = record.run_id, True
        # value maps and aside tables of a crashed run go before any work starts
        toolstate.sweep(conn, keep_run_tag=run_tag(run_id))
        toolstate.write_record(conn, RunRecord(
            run_id=run_id, schema_hash=schema_hash, key_check=kcv, state="started",
            started_at=record.started_at if resumed and record else _now(),
            tool_version=__version__))
    return run_id, resumed


def _mark_done(engine: Engine) -> None:
    with engine.connect() as conn:
        record = toolstate.read_record(conn)
        if record is not None and record.state != "done":
            record.state, record.finished_at = "done", _now()
            toolstate.write_record(conn, record)


def prepare(engine: Engine, plan: Plan, keyring: Keyring, *, run_id: str,
            progress: Progress | None = None, chunk: int = 50_000,
            build_maps: bool = True) -> WorkState:
    """Build every work table of ``plan`` once, for the run ``run_id``; change no row.

    Work tables are named ``piigate_map_<tag>_<n>`` and the record of applied groups
    ``piigate_work_<tag>`` (``tag`` from ``run_id``), registered in ``piigate_state``
    before they exist, so runs never collide and user tables are never taken for ours.
    The database's run record says the run started (:func:`begin`; a tokenized database
    is refused). Preparing a run again rebuilds its tables unless a group was already
    applied (refused). On failure the tables made so far are dropped and nothing else
    changed.

    ``build_maps=False`` reads no value: the work tables are created empty, to be
    filled by the value-range units of :func:`plan_units` (the counts in the state stay
    zero; the units record their own).
    """
    started = time.perf_counter()
    run_id, _ = begin(engine, plan, keyring, run_id, resume=False)
    run = Run(engine, plan, run_id)
    works = run.work_tables(keyring, progress, chunk)
    run.prepare(works, build=build_maps)
    state = run.state(works, time.perf_counter() - started)
    if not build_maps:
        _prepare_units(run, state, keyring)
    return state


def _prepare_units(run: Run, state: WorkState, keyring: Keyring) -> None:
    units = UnitRun(run, state, keyring)
    try:
        with run.engine.connect() as conn:
            units.records.create(conn)
        units.prepare_maps()
    except sa_exc.SQLAlchemyError as exc:
        raise _db_error(exc, "preparing the work tables") from None


def plan_units(engine: Engine, plan: Plan, state: WorkState, *, ranges: int = 1,
               rebuild: bool = True) -> list[Unit]:
    """The work units of a run prepared with ``build_maps=False``, in phase order.

    Each key domain's work table is built in up to ``ranges`` value ranges (phase 0,
    ``map``) and sealed once (phase 1, ``seal``); each table of a group that can be
    rebuilt is rebuilt in up to ``ranges`` primary-key ranges (phase 2, ``rows``) and
    the group is finished once (phase 3, ``finish``: the swap, foreign keys, sequences,
    the group's record); a group updated in place is one unit (phase 2, ``group``).
    Units of one phase may run at once, in any order, repeated; a phase starts when
    the one before is complete (a unit whose prerequisites are missing is refused).
    Creates the stage tables of groups not begun; call it once per run, before the
    units (calling it again, with the same ``ranges``, gives the same units and keeps
    what recorded units wrote; other ``ranges`` on a begun group fail closed at its
    finish, whose row check counts the stage). ``Unit.to_dict`` is
    small JSON with table indexes and range bounds, no masked values.
    """
    try:
        return UnitRun(Run(engine, plan, state.run_id), state).units(ranges, rebuild)
    except sa_exc.SQLAlchemyError as exc:
        raise _db_error(exc, "planning the work units") from None


def apply_unit(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState, unit: Unit,
               *, progress: Progress | None = None, chunk: int = 50_000) -> dict[str, object]:
    """Run one work unit of :func:`plan_units` (see there); returns what it did:
    ``{"unit": id, "skipped": bool, "rows": n, "seconds": s}`` (and for group units
    ``"tables"``: ``{table: TableResult}``). A unit is recorded in the same transaction
    as its rows: a recorded unit is skipped, a failed or killed one left no trace and
    may be retried."""
    return UnitRun(Run(engine, plan, state.run_id), state, keyring, progress,
                   chunk).apply(unit)


def finish_group(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState,
                 unit: Unit) -> dict[str, object]:
    """The finishing unit of one rebuilt group (``unit.kind == "finish"``): refused
    while a key range of the group is not in; then the group's swap and constraints,
    once. Same as :func:`apply_unit` on that unit."""
    if unit.kind != "finish":
        raise TokenizeError(f"work unit {unit.describe()} does not finish a table group")
    return apply_unit(engine, plan, keyring, state, unit)


def apply_group(engine: Engine, plan: Plan, keyring: Keyring, state: WorkState, group: int,
                *, progress: Progress | None = None, rebuild: bool = True) -> TableResults:
    """Apply transaction group ``group`` of a prepared run, in one transaction.

    The group is recorded in the run's ``piigate_work_<tag>`` table in that same
    transaction; a group already recorded is skipped (its results say ``skipped``), so
    a retried or duplicated unit never masks values twice. On failure the group's
    tables are unchanged and :class:`TokenizeError` names the table (and column).

    With ``rebuild`` (the default) a group whose tables can all be rebuilt faithfully is
    rewritten by :mod:`piigate.writer.rebuild`; otherwise, or with ``rebuild=False``,
    rows are updated in place. Both give the same data.
    """
    run = Run(engine, plan, state.run_id)
    works = run.work_tables(keyring, progress, 1)
    run.check(state, works)
    works.restore(state.maps)
    return run.apply(works, group, rebuild)


def finish(engine: Engine, plan: Plan, state: WorkState, *, require_all: bool = True) -> None:
    """End a run: check every group was applied, then drop its tables and record the
    database as tokenized.

    Sequences are already moved per group. With ``require_all`` (the default) a run
    with groups not applied raises :class:`TokenizeError` naming their tables and drops
    nothing (fail closed: the database is not fully tokenized). Finishing a finished run
    does nothing. ``require_all=False`` only drops (cleanup after a failure; the record
    keeps saying the run started, so nothing shares the database).
    """
    run = Run(engine, plan, state.run_id)  # no transforms needed
    if (state.done_table != run.done_table or state.engine != run.sql.name
            or state.groups != run.groups):
        raise TokenizeError("the work state does not match this plan and database")
    run.finish(require_all)
    if require_all:
        _mark_done(engine)


def tokenize(engine: Engine, plan: Plan, keyring: Keyring, *,
             progress: Progress | None = None, chunk: int = 50_000,
             run_id: str | None = None, rebuild: bool = True, jobs: int = 1,
             ranges: int | None = None) -> TokenizeResult:
    """Apply ``plan`` to the database behind ``engine``: what :func:`prepare`, every
    group's :func:`apply_group` in order and :func:`finish` do, in one process, under
    the database's tokenize lock (a second run at the same time is refused).

    ``progress(label, done, total)`` is called while work tables fill (label
    ``"map <domain>"``, distinct values so far, total unknown) and per table (rows done,
    rows in the table). A failure raises :class:`TokenizeError` (or the transform's
    :class:`~piigate.errors.TransformError`); the failing table group is unchanged,
    groups committed before it stay tokenized and recorded, and the value maps are
    dropped. Running ``tokenize`` again with the same schema and secret then finishes
    the job (also after a crash: what the crashed run left is swept first); anything
    else is refused until a fresh copy is restored.

    ``jobs`` > 1 (or ``ranges``) runs the work units of :func:`plan_units` instead,
    ``ranges`` (default ``jobs``) per key domain and per table, ``jobs`` at a time in
    worker processes with their own connections (SQLite allows one writer: its units
    run one after another in this process); the same database results.
    """
    if jobs < 1 or (ranges is not None and ranges < 1):
        raise TokenizeError("--jobs and ranges must be at least 1")
    if jobs > 1 or ranges is not None:
        return _tokenize_units(engine, plan, keyring, progress=progress, chunk=chunk,
                               run_id=run_id, rebuild=rebuild, jobs=jobs,
                               ranges=ranges or jobs)
    started = time.perf_counter()
    with toolstate.lock(engine):
        run, works, resumed = _start(engine, plan, keyring, run_id, progress, chunk)
        works.defer_parking = rebuild  # floor: parking only for groups updated in place
        run.prepare(works, resume=resumed, count=not resumed)
        failpoints.hit("tokenize:prepared")
        result = TokenizeResult(engine=run.sql.name, domains=works.domains(),
                                groups=run.groups)
        try:
            for i in range(len(run.groups)):
                result.tables.update(run.apply(works, i, rebuild))
                failpoints.hit("tokenize:group-applied")
        except BaseException:
            run.drop_quietly(("work",))  # the maps hold originals; progress stays
            raise
        failpoints.hit("tokenize:applied")
        run.finish(require_all=True)
        _mark_done(engine)
    result.seconds = time.perf_counter() - started
    return result


def _start(engine: Engine, plan: Plan, keyring: Keyring, run_id: str | None,
           progress: Progress | None, chunk: int) -> tuple[Run, WorkTables, bool]:
    """What both ways of :func:`tokenize` do first, under the lock: begin (or resume)
    the run and plan its work tables. Returns the run, its work tables and whether it
    resumes."""
    failpoints.hit("tokenize:locked")
    run_id, resumed = begin(engine, plan, keyring, run_id or uuid.uuid4().hex, resume=True)
    run = Run(engine, plan, run_id)
    return run, run.work_tables(keyring, progress, chunk), resumed


def _tokenize_units(engine: Engine, plan: Plan, keyring: Keyring, *,
                    progress: Progress | None, chunk: int, run_id: str | None,
                    rebuild: bool, jobs: int, ranges: int) -> TokenizeResult:
    """:func:`tokenize` as work units, ``jobs`` at a time (see there)."""
    started = time.perf_counter()
    with toolstate.lock(engine):
        run, works, resumed = _start(engine, plan, keyring, run_id, progress, chunk)
        run.prepare(works, resume=resumed, build=False)
        state = run.state(works, 0.0)
        result = TokenizeResult(engine=run.sql.name, groups=run.groups)
        job = Job(engine.url.render_as_string(hide_password=False), plan, keyring,
                  state.to_dict(), chunk)
        pool = start_workers(1 if run.sql.one_connection else jobs, job, _worker_init)
        try:
            _prepare_units(run, state, keyring)
            units = plan_units(engine, plan, state, ranges=ranges, rebuild=rebuild)
            failpoints.hit("tokenize:prepared")
            done = run_units(lambda: UnitRun(run, state, keyring, progress, chunk), units, pool)
        except BaseException:
            run.drop_quietly(("work",))  # the maps hold originals; progress stays
            raise
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        failpoints.hit("tokenize:applied")
        sealed = UnitRun(run, state, keyring)
        sealed.load_seals()
        result.domains = sealed.works.domains()
        for d in done:
            tables = d.get("tables")
            if isinstance(tables, dict):
                result.tables.update(tables)
        for d in done:  # a table's range units count towards its time
            if str(d["unit"]).startswith("rows:") and not d.get("skipped"):
                res = result.tables.get(str(d.get("table")))
                if res is not None:
                    res.seconds += float(d.get("seconds", 0.0))
        run.finish(require_all=True)
        _mark_done(engine)
    result.seconds = time.perf_counter() - started
    return result


def _worker_init(job: Job) -> None:
    """A ``tokenize(jobs=N)`` worker process: its own engine (its own connections)."""
    from ..db import connect

    state = WorkState.from_dict(job.state)
    engine = connect(job.url, check=False)
    set_worker(UnitRun(Run(engine, job.plan, state.run_id), state, job.keyring, None,
                       job.chunk))
