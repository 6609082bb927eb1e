"""The whole pipeline end to end: ``piigate demo`` and ``piigate run`` on real engines.

Every part is the real one (discovery, approval stamp, planner, writer, verification,
copies and swaps). Failures and Ctrl-C are injected at single steps to show that the
target is left as it was and the temporary copy is gone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from piigate import copydb
from piigate.cli import main
from piigate.db import connect, quote
from piigate.sample import create
from tests.fixtures.dbutil import ALL_ENGINES, SERVER_ENGINES, fingerprint

EMPLOYEES = 300


# -- helpers -----------------------------------------------------------------------------


def _values(url: str) -> set[str]:
    """Every text value of every table (small test databases only)."""
    engine = connect(url)
    found: set[str] = set()
    try:
        with engine.connect() as conn:
            for name in sa.inspect(engine).get_table_names():
                for row in conn.execute(sa.text(f"SELECT * FROM {quote(engine, name)}")):
                    found.update(str(v) for v in row if isinstance(v, str | dict | list))
    finally:
        engine.dispose()
    return found


def _emails(url: str) -> list[str]:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(sa.text("SELECT email FROM customers"))]
    finally:
        engine.dispose()


def _assert_no_original_email(source: str, target: str) -> None:
    originals = _emails(source)
    assert len(originals) >= 10
    blob = "\n".join(_values(target))
    leaked = [e for e in originals if e in blob]
    assert not leaked, f"{len(leaked)} original emails found in the target"


def _sample(url: str) -> None:
    engine = connect(url)
    try:
        create(engine, employees=EMPLOYEES, extras=True)
    finally:
        engine.dispose()


def _old_target(url: str) -> None:
    engine = connect(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE old_stuff (id INTEGER PRIMARY KEY, v VARCHAR(10))"))
            conn.execute(sa.text("INSERT INTO old_stuff VALUES (1, 'keep me')"))
    finally:
        engine.dispose()


@pytest.fixture
def tmp_urls(monkeypatch) -> list[str]:
    """Records the URL of every temporary copy the pipeline makes."""
    seen: list[str] = []
    real = copydb.temporary_copy

    def recording(src, **kw):
        cm = real(src, **kw)

        class Wrapper:
            def __enter__(self):
                url = cm.__enter__()
                seen.append(url)
                return url

            def __exit__(self, *exc):
                return cm.__exit__(*exc)

        return Wrapper()

    monkeypatch.setattr(copydb, "temporary_copy", recording)
    return seen


def _approved(source: str, path: Path) -> Path:
    """An approved schema for ``source``: its proposal, stamped as a reviewer would."""
    from classifiers.scan import scan_database
    from piigate.schema import approve_unattended, save_schema

    result = scan_database(source)
    assert not result.failed_tables
    save_schema(approve_unattended(result.schema, by="test reviewer"), path)
    return path


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -- piigate demo ------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_unattended_on_sqlite_end_to_end(tmp_path, monkeypatch, capsys, tmp_urls):
    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    monkeypatch.delenv("PIIGATE_SECRET_FILE", raising=False)
    out = tmp_path / "demo"
    rc = main(["demo", "--out", str(out), "--employees", str(EMPLOYEES)])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "DEMO secret" in captured.err and "UNATTENDED" in captured.err
    report = _report(out)
    assert report["status"] == "ok"
    assert report["verification"]["passed"] is True
    assert set(report["verification"]["checks"]) >= {"row_counts", "foreign_keys", "leak"}
    assert report["decisions"]["approval"]["by"] == "piigate demo (unattended)"
    assert report["decisions"]["mode"] == "unattended"
    # written during the report step: every step before it, each ok
    assert [(t["step"], t["status"]) for t in report["timings"]] == [
        (step, "ok") for step in ("sample", "restore", "scan", "propose", "review",
                                  "tokenize", "verify", "share", "import", "cleanup")]
    assert {f["column"] for f in report["findings"] if f["table"] == "customers"
            and f["method"] != "keep"} >= {"email", "ssn", "notes", "profile"}

    source, target = f"sqlite:///{out / 'source.sqlite'}", f"sqlite:///{out / 'preprod.sqlite'}"
    _assert_no_original_email(source, target)
    for path in (out / "preprod.sqlite", out / "share" / "tokenized.sqlite"):
        raw = path.read_bytes()  # also no old content in free pages
        assert not any(e.encode() in raw for e in _emails(source))
    assert fingerprint(target).keys() == fingerprint(source).keys()

    manifest = json.loads((out / "share" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["verification"]["passed"] is True
    assert manifest["schema_hash"] == report["decisions"]["schema_hash"]
    assert (out / "share" / manifest["file"]).exists()
    _assert_no_original_email(source, f"sqlite:///{out / 'share' / manifest['file']}")
    for text in ((out / "report.json").read_text(), (out / "report.html").read_text(),
                 (out / "share" / "manifest.json").read_text()):
        assert not any(e in text for e in _emails(source))
    assert tmp_urls and not copydb.exists(tmp_urls[0])


def test_demo_refuses_a_database_it_did_not_create(fresh_db, tmp_path, capsys):
    url = fresh_db("sqlite")
    _old_target(url)
    before = fingerprint(url)
    rc = main(["demo", "--db", url, "--out", str(tmp_path / "o")])
    assert rc == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert fingerprint(url) == before


# -- piigate run ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_run_between_two_databases(fresh_db, engine_name, tmp_path, secret, capsys, tmp_urls):
    source, target = fresh_db(engine_name), fresh_db(engine_name)
    _sample(source)
    _old_target(target)
    source_before = fingerprint(source)
    approved = _approved(source, tmp_path / "approved.json")
    out = tmp_path / "out"
    rc = main(["run", "--source", source, "--target", target, "--previous", str(approved),
               "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 0, err
    report = _report(out)
    assert report["verification"]["passed"] is True
    assert report["decisions"]["mode"] == "carried over"
    assert report["decisions"]["approval"]["by"] == "test reviewer"
    after = fingerprint(target)
    assert "old_stuff" not in after
    assert {k: v.split(":")[0] for k, v in after.items()} == \
        {k: v.split(":")[0] for k, v in source_before.items()}  # same tables, same row counts
    _assert_no_original_email(source, target)
    if engine_name == "postgresql":  # no dead tuples with originals in the target's files
        from tests.integration.test_copydb import _pg_file_bytes

        raw = _pg_file_bytes(target, "customers")
        assert not any(e.encode() in raw for e in _emails(source))
    assert fingerprint(source) == source_before
    assert tmp_urls and not copydb.exists(tmp_urls[0])
    assert (out / "share" / "manifest.json").exists()


def test_run_without_an_approval_fails_closed(fresh_db, tmp_path, secret, capsys, tmp_urls):
    source, target = fresh_db("sqlite"), fresh_db("sqlite")
    _sample(source)
    _old_target(target)
    before = fingerprint(target)
    rc = main(["run", "--source", source, "--target", target, "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 5
    assert "step 'review' failed" in err and "--review" in err
    assert fingerprint(target) == before
    assert not copydb.exists(tmp_urls[0])


def test_run_with_drift_needs_a_review(fresh_db, tmp_path, secret, capsys, tmp_urls):
    source, target = fresh_db("sqlite"), fresh_db("sqlite")
    _sample(source)
    approved = _approved(source, tmp_path / "approved.json")
    engine = connect(source)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE customers ADD COLUMN nickname VARCHAR(20)"))
    engine.dispose()
    _old_target(target)
    before = fingerprint(target)
    rc = main(["run", "--source", source, "--target", target, "--previous", str(approved),
               "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 5
    assert "differs from the approved schema" in err and "1 new" in err
    assert fingerprint(target) == before
    report = _report(tmp_path / "o")
    assert report["drift"]["new"] == ["customers.nickname"]
    assert report["failed_step"] == "review"


def test_run_refuses_the_source_as_target(fresh_db, tmp_path, secret, capsys):
    source = fresh_db("sqlite")
    _sample(source)
    rc = main(["run", "--source", source, "--target", source, "--out", str(tmp_path / "o")])
    assert rc == 2
    assert "--target is the source database" in capsys.readouterr().err


@pytest.mark.parametrize("engine_name", ALL_ENGINES)
def test_run_refuses_the_source_by_another_name(engine_name, fresh_db, tmp_path, secret,
                                                capsys):
    """127.0.0.1 and localhost, or a symlink to the file: the same database (#11)."""
    source = fresh_db(engine_name)
    _sample(source)
    if engine_name == "sqlite":
        link = tmp_path / "alias.sqlite"
        link.symlink_to(source.removeprefix("sqlite:///"))
        alias = f"sqlite:///{link}"
    else:
        alias = sa.engine.make_url(source).set(host="localhost").render_as_string(
            hide_password=False)
    before = fingerprint(source)
    rc = main(["run", "--source", source, "--target", alias, "--out", str(tmp_path / "o")])
    assert rc == 2
    assert "--target is the source database" in capsys.readouterr().err
    assert fingerprint(source) == before


# -- failures and Ctrl-C at a step ----------------------------------------------------------


def _fail_tokenize(monkeypatch, exc):
    import piigate.writer

    def boom(*a, **kw):
        raise exc

    monkeypatch.setattr(piigate.writer, "tokenize", boom)


def _fail_verify(monkeypatch, exc):
    import piigate.verify
    from piigate.verify import VerifyResult

    real = piigate.verify.verify

    def failing(*a, **kw):
        if exc is None:  # a verification that does not pass
            result = real(*a, **kw)
            return VerifyResult(checks=result.checks,
                                failures=["customers.email: 1 original values found (test)"])
        raise exc

    monkeypatch.setattr(piigate.verify, "verify", failing)


def _fail_swap(monkeypatch, exc):
    def boom(staging, target):
        assert copydb.exists(staging)  # the new database is complete before the swap
        raise exc

    monkeypatch.setattr(copydb, "_swap", boom)


def _fail_share(monkeypatch, exc):
    def boom(*a, **kw):
        raise exc

    monkeypatch.setattr(copydb, "snapshot", boom)


INJECTIONS = {
    "tokenize": _fail_tokenize,
    "verify": _fail_verify,
    "share": _fail_share,
    "import": _fail_swap,
}


def _prepared(fresh_db, engine_name, tmp_path):
    source, target = fresh_db(engine_name), fresh_db(engine_name)
    _sample(source)
    _old_target(target)
    return source, target, _approved(source, tmp_path / "approved.json")


def _run_and_check_untouched(source, target, approved, out, capsys, tmp_urls):
    before_t, before_s = fingerprint(target), fingerprint(source)
    leftovers = _leftovers(target)
    rc = main(["run", "--source", source, "--target", target, "--previous", str(approved),
               "--out", str(out)])
    err = capsys.readouterr().err
    assert fingerprint(target) == before_t
    assert fingerprint(source) == before_s
    assert tmp_urls and not copydb.exists(tmp_urls[-1])
    assert _leftovers(target) <= leftovers  # others may be running pipelines too
    return rc, err


def _leftovers(url: str) -> set[str]:
    if copydb.backend(url) == "sqlite":
        folder = Path(copydb.sqlite_path(sa.engine.make_url(url))).parent
        return {p.name for p in folder.iterdir() if "piigate_" in p.name}
    with copydb._admin(sa.engine.make_url(url)) as conn:
        if copydb.backend(url) == "postgresql":
            rows = conn.execute(sa.text("SELECT datname FROM pg_database")).all()
        else:
            rows = conn.execute(sa.text("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"))
        return {r[0] for r in rows if r[0].startswith(("piigate_tmp_", "piigate_new_",
                                                        "piigate_old_"))}


@pytest.mark.parametrize("step", sorted(INJECTIONS))
def test_a_failing_step_leaves_the_target_unchanged(fresh_db, step, tmp_path, secret, capsys,
                                                     monkeypatch, tmp_urls):
    from piigate.errors import TransformError

    source, target, approved = _prepared(fresh_db, "sqlite", tmp_path)
    cause = None if step == "verify" else TransformError("injected failure", table="customers")
    INJECTIONS[step](monkeypatch, cause)
    rc, err = _run_and_check_untouched(source, target, approved, tmp_path / "o", capsys,
                                       tmp_urls)
    assert f"step '{step}' failed" in err
    assert rc == (4 if step == "verify" else 3)
    report = _report(tmp_path / "o")
    assert report["status"] == "failed" and report["failed_step"] == step
    if step == "verify":
        assert report["verification"]["passed"] is False


def test_an_unexpected_error_is_named_without_its_message(fresh_db, tmp_path, secret, capsys,
                                                          monkeypatch, tmp_urls):
    source, target, approved = _prepared(fresh_db, "sqlite", tmp_path)
    _fail_tokenize(monkeypatch, ValueError("raw value alice@example.com"))
    rc, err = _run_and_check_untouched(source, target, approved, tmp_path / "o", capsys,
                                       tmp_urls)
    assert rc == 1
    assert "step 'tokenize' failed: unexpected ValueError" in err
    assert "alice@example.com" not in err
    assert "alice@example.com" not in (tmp_path / "o" / "report.json").read_text()


@pytest.mark.parametrize("step", sorted(INJECTIONS))
def test_ctrl_c_at_a_step_leaves_the_target_unchanged(fresh_db, step, tmp_path, secret, capsys,
                                                      monkeypatch, tmp_urls):
    source, target, approved = _prepared(fresh_db, "sqlite", tmp_path)
    INJECTIONS[step](monkeypatch, KeyboardInterrupt())
    rc, err = _run_and_check_untouched(source, target, approved, tmp_path / "o", capsys,
                                       tmp_urls)
    assert rc == 130
    assert f"interrupted during step '{step}'" in err
    assert _report(tmp_path / "o")["failed_step"] == step


@pytest.mark.parametrize("engine_name", SERVER_ENGINES)
@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("injected")])
def test_interrupted_import_on_servers_leaves_the_target(fresh_db, engine_name, exc, tmp_path,
                                                         secret, capsys, monkeypatch, tmp_urls):
    source, target, approved = _prepared(fresh_db, engine_name, tmp_path)
    _fail_swap(monkeypatch, exc)
    rc, err = _run_and_check_untouched(source, target, approved, tmp_path / "o", capsys,
                                       tmp_urls)
    assert rc == (130 if isinstance(exc, KeyboardInterrupt) else 1)
    assert "step 'import'" in err


# -- --review: a person on 127.0.0.1 -----------------------------------------------------


def _review_run(tmp_path, decide):
    """Run the demo pipeline with --review; ``decide(url, proposal)`` acts as the person."""
    import queue
    import threading

    from piigate.pipeline.demo import demo_keyring, prepare_demo
    from piigate.pipeline.runner import Options, Pipeline, StepFailed

    out = tmp_path / "review"
    source, target, _ = prepare_demo(None, out, 150)
    urls: queue.Queue[str] = queue.Queue()
    keyring, note = demo_keyring()
    opts = Options(source=source, target=target, out=out, keyring=keyring,
                   command="demo", review=True, on_review_url=urls.put,
                   public_secret=note is not None)
    pipe = Pipeline(opts)
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            pipe.run()
            outcome.append(None)
        except StepFailed as exc:
            outcome.append(exc)

    t = threading.Thread(target=work, daemon=True)
    t.start()
    url = urls.get(timeout=120)
    try:
        decide(url, pipe.record.proposal)
    except BaseException:
        # end the review so the pipeline cleans up instead of dying with the process
        from tests.fixtures.approval import page_form

        form = page_form(_page(url), "deny-form")
        _post(url, "deny", {**form, "reason": "the test failed"})
        t.join(timeout=120)
        raise
    t.join(timeout=300)
    assert not t.is_alive()
    return pipe, outcome[0], source, target


def _post(url: str, action: str, form: dict[str, str]) -> int:
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(url.split("?")[0] + "/" + action, data=data)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status


def _page(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode()


@pytest.mark.slow
def test_review_a_person_edits_and_approves(tmp_path, monkeypatch):
    from tests.fixtures.approval import page_form

    monkeypatch.delenv("PIIGATE_SECRET", raising=False)

    def approve_with_an_edit(url, proposal):
        form = page_form(_page(url))
        index = [(t, c) for t, c, _ in proposal.iter_rules()].index(("customers", "notes"))
        form[f"c{index}.method"] = "hash"
        assert _post(url, "approve", form) == 200

    pipe, failure, source, target = _review_run(tmp_path, approve_with_an_edit)
    report = pipe.report()
    assert failure is None, report["error"]
    assert report["decisions"]["mode"] == "review"
    assert report["decisions"]["approval"]["by"].startswith("local:")
    notes = next(f for f in report["findings"] if (f["table"], f["column"]) ==
                 ("customers", "notes"))
    assert notes["method"] == "hash" and notes["changed_in_review"]
    assert report["verification"]["passed"] is True
    engine = connect(target)
    with engine.connect() as conn:
        notes_after = [r[0] for r in conn.execute(sa.text("SELECT notes FROM customers"))]
        assert notes_after and all(re.fullmatch(r"[0-9a-f]{8,64}", n) for n in notes_after)
    engine.dispose()


def test_review_denied_exits_5_and_leaves_no_target(tmp_path, monkeypatch):
    from tests.fixtures.approval import page_form

    monkeypatch.delenv("PIIGATE_SECRET", raising=False)

    def deny(url, proposal):
        form = page_form(_page(url), "deny-form")
        assert _post(url, "deny", {**form, "reason": "notes look unmasked"}) == 200

    pipe, failure, source, target = _review_run(tmp_path, deny)
    assert failure is not None and failure.step == "review" and failure.exit_code == 5
    assert not copydb.exists(target)
    assert pipe.report()["decisions"]["approved"] is False


# -- real signals --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_real_signal_mid_run_cleans_up_and_keeps_the_target(fresh_db, tmp_path, secret,
                                                              signame):
    import glob
    import os
    import signal
    import subprocess
    import sys
    import tempfile

    source, target = fresh_db("sqlite"), fresh_db("sqlite")
    engine = connect(source)
    create(engine, employees=2000, extras=True)
    engine.dispose()
    _old_target(target)
    before = fingerprint(target)
    approved = _approved(source, tmp_path / "approved.json")
    proc = subprocess.Popen(
        [sys.executable, "-m", "piigate", "run", "--source", source, "--target", target,
         "--previous", str(approved), "--out", str(tmp_path / "o")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    tmp_name = None
    assert proc.stderr is not None
    for line in proc.stderr:
        m = re.search(r"\((piigate_tmp_[0-9a-f]+)", line)
        tmp_name = tmp_name or (m.group(1) if m else None)
        if line.startswith("proposal:"):  # scanning done: tokenize comes next
            proc.send_signal(getattr(signal, signame))
            break
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 130, rest
    assert "interrupted during step" in rest
    assert tmp_name and not glob.glob(os.path.join(tempfile.gettempdir(), tmp_name + "*"))
    if "during step 'import'" not in rest:
        assert fingerprint(target) == before


# -- configuration errors stop before any work ----------------------------------------------


@pytest.mark.parametrize("case", ["no secret", "engines differ", "no source"])
def test_run_configuration_errors_exit_2_before_any_work(fresh_db, tmp_path, monkeypatch,
                                                         capsys, case, tmp_urls):
    source, target = fresh_db("sqlite"), fresh_db("sqlite")
    _sample(source)
    if case == "no secret":
        monkeypatch.delenv("PIIGATE_SECRET", raising=False)
        monkeypatch.delenv("PIIGATE_SECRET_FILE", raising=False)
        expected = "no tokenization secret"
    else:
        monkeypatch.setenv("PIIGATE_SECRET", "test-secret-0123456789abcdef")
        if case == "engines differ":
            target, expected = "postgresql://nobody@127.0.0.1:1/x", "same database engine"
        else:
            source, expected = f"sqlite:///{tmp_path / 'missing.sqlite'}", "does not exist"
    rc = main(["run", "--source", source, "--target", target, "--out", str(tmp_path / "o")])
    assert rc == 2
    assert expected in capsys.readouterr().err
    assert tmp_urls == []  # nothing was copied


def test_demo_review_links_are_not_signed_with_the_public_demo_secret(tmp_path, monkeypatch):
    import time
    import urllib.error

    from approval_ui.links import LinkSigner
    from approval_ui.local import local_reviewer
    from piigate.keys import Keyring
    from piigate.pipeline.demo import DEMO_SECRET
    from tests.fixtures.approval import page_form

    monkeypatch.delenv("PIIGATE_SECRET", raising=False)
    monkeypatch.delenv("PIIGATE_SECRET_FILE", raising=False)
    statuses: list[int] = []

    def forge_then_deny(url, proposal):
        review_id = url.split("/r/", 1)[1].split("?", 1)[0].split("/", 1)[0]
        forger = LinkSigner.from_keyring(Keyring(DEMO_SECRET.encode("utf-8")))
        token = forger.sign(review_id, local_reviewer(), time.time() + 600)
        try:
            _page(url.split("?", 1)[0] + "?t=" + token)
            statuses.append(200)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)
        assert _page(url)  # the printed link itself works
        form = page_form(_page(url), "deny-form")
        assert _post(url, "deny", {**form, "reason": "test over"}) == 200

    pipe, failure, _, _ = _review_run(tmp_path, forge_then_deny)
    assert statuses and statuses[0] in (401, 403)
    assert failure is not None and failure.exit_code == 5


def test_demo_refuses_a_bad_configured_secret_instead_of_falling_back(tmp_path, monkeypatch,
                                                                       capsys):
    """Only an unset secret selects the public demo secret; a short one is an error."""
    from piigate.cli import main

    monkeypatch.setenv("PIIGATE_SECRET", "short")
    code = main(["demo", "--out", str(tmp_path / "out"), "--employees", "50"])
    text = capsys.readouterr().err
    assert code == 2, text
    assert "PIIGATE_SECRET" in text and "too short" in text
    assert not (tmp_path / "out" / "report.json").exists()
