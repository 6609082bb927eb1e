"""The review app end to end in-process: pages, edits, decisions, and the attacks on them.

Attacks tested here: forged, expired and replayed links; links for another review;
tampered hidden fields and draft hash; CSRF token missing or wrong; GET on action URLs;
XSS payloads in table names, column names and examples; concurrent double approval;
oversized, malformed and non-form bodies; invalid edits (shown inline, nothing stored).
"""

from __future__ import annotations

import threading
import urllib.parse
from pathlib import Path

import pytest

from approval_ui.app import MAX_BODY, Request, Response, ReviewApp
from approval_ui.edits import apply_edits
from approval_ui.email import render_email
from approval_ui.links import LinkSigner
from approval_ui.store import Review, SqliteReviewStore
from piigate.schema import Schema
from piigate.schema.storage import FileSchemas
from tests.fixtures.approval import page_form, sample_proposal

NOW = 1_800_000_000.0
ANA = "ana@example.com"
BOB = "bob@example.com"
FORM = {"content-type": "application/x-www-form-urlencoded"}


class RecordingSink:
    """Records decisions like the local/Step Functions sinks would receive them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, object]] = []
        self.lock = threading.Lock()

    def approved(self, review: Review, schema: Schema, location: str) -> None:
        with self.lock:
            self.calls.append(("approved", review.id, schema))

    def denied(self, review: Review, reason: str) -> None:
        with self.lock:
            self.calls.append(("denied", review.id, reason))


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


class Gate:
    """An app with a review open for Ana and Bob, plus request helpers."""

    def __init__(self, tmp: Path, proposal: Schema, previous: Schema | None = None) -> None:
        self.clock = Clock()
        self.sink = RecordingSink()
        self.store = SqliteReviewStore(tmp / "reviews.sqlite")
        self.app = ReviewApp(
            store=self.store,
            schemas=FileSchemas(tmp / "schemas"),
            signer=LinkSigner(b"L" * 32),
            sink=self.sink,
            base_url="https://gate.example",
            clock=self.clock,
        )
        self.review, self.links = self.app.open_review(
            proposal, recipients=[ANA, BOB], expires_in=3600, previous=previous
        )
        self.id = self.review.id

    def get(self, url: str) -> Response:
        parts = urllib.parse.urlsplit(url)
        return self.app.handle(
            Request("GET", parts.path, dict(urllib.parse.parse_qsl(parts.query)))
        )

    def open(self, who: str = ANA) -> tuple[Response, dict[str, str]]:
        resp = self.get(self.links[who])
        assert resp.status == 200, resp.body
        return resp, page_form(resp.body)

    def post(self, action: str, form: dict[str, str], headers: dict[str, str] = FORM) -> Response:
        body = urllib.parse.urlencode(form).encode()
        return self.app.handle(Request("POST", f"/r/{self.id}/{action}", {}, headers, body))

    def status(self) -> str:
        return self.store.get(self.id).status


@pytest.fixture
def gate(tmp_path: Path) -> Gate:
    return Gate(tmp_path, sample_proposal())


def _col(form: dict[str, str], schema: Schema, table: str, column: str) -> int:
    for i, (t, c, _) in enumerate(schema.iter_rules()):
        if (t, c) == (table, column):
            return i
    raise AssertionError("no such column")


# ---------------------------------------------------------------- the happy paths


def test_page_shows_columns_evidence_and_security_headers(gate: Gate) -> None:
    resp, form = gate.open()
    assert "j***@e******.com" in resp.body and "EMAIL_ADDRESS" in resp.body
    assert "new finding" in resp.body and "drift-new_finding" in resp.body
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["Cache-Control"] == "no-store"
    assert {"t", "csrf", "nonce", "base"} <= set(form)
    assert form["base"] == gate.review.proposal_hash
    # a GET only adds an audit entry
    r = gate.store.get(gate.id)
    assert r.status == "pending" and [e.event for e in r.events] == ["created", "viewed"]


def test_only_fitting_methods_are_offered(gate: Gate) -> None:
    resp, _ = gate.open()
    # born is a date: no fpe/fake; consent is boolean: keep/constant only
    born = resp.body.split('name="c3.method"')[1].split("</select>")[0]
    assert "date_shift" in born and ">fpe<" not in born and ">fake<" not in born
    consent = resp.body.split('name="c4.method"')[1].split("</select>")[0]
    assert "keep" in consent and "constant" in consent and "hash" not in consent


def test_change_a_method_and_approve(gate: Gate) -> None:
    proposal = sample_proposal()
    _, form = gate.open()
    i = _col(form, proposal, "customers", "email")
    form[f"c{i}.method"] = "hash"
    resp = gate.post("approve", form)
    assert resp.status == 200 and "Approved" in resp.body
    assert gate.status() == "approved"
    (kind, rid, schema), = gate.sink.calls
    assert kind == "approved" and rid == gate.id
    assert schema.rule("customers", "email").method == "hash"
    assert schema.rule("customers", "email").decided_by == "review"
    assert schema.approval.by == ANA and schema.approval.review_id == gate.id
    assert schema.approval.proposal_hash == proposal.hash()
    r = gate.store.get(gate.id)
    assert r.approved_hash == schema.hash() != proposal.hash()
    assert FileSchemas(Path(r.approved_location).parent).get(r.approved_location) == schema


def test_save_then_approve_uses_the_saved_draft(gate: Gate) -> None:
    proposal = sample_proposal()
    _, form = gate.open()
    i = _col(form, proposal, "customers", "notes")
    form[f"c{i}.method"] = "null"
    resp = gate.post("save", form)
    assert resp.status == 200 and "Saved." in resp.body
    saved_form = page_form(resp.body)
    assert saved_form["base"] != form["base"] and saved_form[f"c{i}.method"] == "null"
    # Bob opens his own link and sees the saved draft
    _, bob_form = gate.open(BOB)
    assert bob_form[f"c{i}.method"] == "null" and bob_form["base"] == saved_form["base"]
    assert gate.post("approve", bob_form).status == 200
    (_, _, schema), = gate.sink.calls
    assert schema.rule("customers", "notes").method == "null"
    assert schema.approval.by == BOB


def test_deny_needs_a_reason(gate: Gate) -> None:
    _, form = gate.open()
    deny = page_form(gate.open()[0].body, "deny-form")
    resp = gate.post("deny", {**deny, "reason": ""})
    assert resp.status == 400 and "reason" in resp.body and gate.status() == "pending"
    resp = gate.post("deny", {**deny, "reason": "notes must be nulled"})
    assert resp.status == 200 and gate.status() == "denied"
    assert gate.sink.calls == [("denied", gate.id, "notes must be nulled")]


def test_diff_against_previous(tmp_path: Path) -> None:
    proposal = sample_proposal()
    previous = proposal.replace_rule("customers", "email", {"method": "redact"})
    g = Gate(tmp_path, proposal, previous=previous)
    resp, form = g.open()
    diff_table = resp.body.split('id="diff"')[1].split("</table>")[0]
    assert "email" in diff_table and "changed" in diff_table and "redact" in diff_table
    assert "consent" not in diff_table  # unchanged decisions are not listed
    g.post("approve", form)
    (_, _, schema), = g.sink.calls
    assert schema.version == previous.version + 1


def test_invalid_edits_are_inline_and_nothing_is_stored(gate: Gate) -> None:
    proposal = sample_proposal()
    _, form = gate.open()
    email = _col(form, proposal, "customers", "email")
    born = _col(form, proposal, "customers", "born")
    consent = _col(form, proposal, "customers", "consent")
    form[f"c{email}.params"] = '{"kind": "not-a-kind"}'
    form[f"c{born}.method"] = "fpe"  # does not fit a date
    form[f"c{consent}.reason"] = "x"  # too short for keep
    for action in ("save", "approve"):
        resp = gate.post(action, form)
        assert resp.status == 400
        assert "Nothing was stored" in resp.body
        assert "does not fit this column" in resp.body
        assert "reason" in resp.body and "kind" in resp.body
        r = gate.store.get(gate.id)
        assert (r.status, r.draft_hash) == ("pending", proposal.hash())
    assert gate.sink.calls == []


# ---------------------------------------------------------------- links


def test_forged_link_is_a_generic_403(gate: Gate) -> None:
    url = gate.links[ANA]
    forged = url[:-3] + ("AAA" if not url.endswith("AAA") else "BBB")
    for bad in (forged, url.split("?")[0], url.split("?")[0] + "?t=", url + "x"):
        resp = gate.get(bad)
        assert resp.status == 403 and "This link is not valid." in resp.body
    other = LinkSigner(b"M" * 32).sign(gate.id, ANA, NOW + 3600)
    assert gate.get(f"/r/{gate.id}?t={other}").status == 403


def test_link_of_another_review_is_refused(tmp_path: Path, gate: Gate) -> None:
    second, links = gate.app.open_review(sample_proposal(), recipients=[ANA], expires_in=60)
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(links[ANA]).query)["t"][0]
    assert gate.get(f"/r/{gate.id}?t={token}").status == 403
    # unknown review ids look exactly like forged links
    resp = gate.get(f"/r/AAAAAAAAAAAAAAAAAAAAAAAA?t={token}")
    assert resp.status == 403 and resp.body == gate.get(f"/r/{gate.id}?t=x").body


def test_expired_review_says_so_and_offers_no_actions(gate: Gate) -> None:
    _, form = gate.open()
    gate.clock.now = NOW + 3600
    resp = gate.get(gate.links[ANA])
    assert resp.status == 410 and "expired" in resp.body and "<form" not in resp.body
    assert gate.post("approve", form).status == 410
    assert gate.status() == "expired" and gate.sink.calls == []


def test_replayed_link_and_form_after_the_decision(gate: Gate) -> None:
    _, form = gate.open()
    assert gate.post("approve", form).status == 200
    resp = gate.get(gate.links[ANA])
    assert resp.status == 409 and "already approved" in resp.body and "<form" not in resp.body
    _, = gate.sink.calls
    for action in ("approve", "deny", "save"):
        assert gate.post(action, {**form, "reason": "replay"}).status == 409
    assert len(gate.sink.calls) == 1 and gate.status() == "approved"


# ---------------------------------------------------------------- CSRF and tampering


@pytest.mark.parametrize(
    "change",
    [
        {"csrf": None},
        {"csrf": "A" * 43},
        {"nonce": None},
        {"nonce": "another-nonce"},
        {"t": None},
        {"t": "x.y"},
    ],
)
def test_missing_or_wrong_tokens_are_403(gate: Gate, change: dict) -> None:
    _, form = gate.open()
    for k, v in change.items():
        if v is None:
            form.pop(k)
        else:
            form[k] = v
    for action in ("approve", "save", "deny"):
        resp = gate.post(action, {**form, "reason": "because"})
        assert resp.status == 403 and "This link is not valid." in resp.body
    assert gate.status() == "pending" and gate.sink.calls == []


def test_csrf_of_another_recipient_is_refused(gate: Gate) -> None:
    _, ana = gate.open(ANA)
    _, bob = gate.open(BOB)
    assert gate.post("approve", {**ana, "csrf": bob["csrf"], "nonce": bob["nonce"]}).status == 403
    assert gate.status() == "pending"


def test_tampered_draft_hash_is_refused(gate: Gate) -> None:
    _, form = gate.open()
    resp = gate.post("approve", {**form, "base": "sha256:" + "0" * 64})
    assert resp.status == 409 and gate.status() == "pending" and gate.sink.calls == []


def test_stale_page_cannot_approve_after_someone_saved(gate: Gate) -> None:
    proposal = sample_proposal()
    _, ana = gate.open(ANA)
    _, bob = gate.open(BOB)
    i = _col(bob, proposal, "customers", "email")
    assert gate.post("save", {**bob, f"c{i}.method": "redact"}).status == 200
    # Ana's page still shows the proposal: approving it would approve what she did not see
    assert gate.post("approve", ana).status == 409
    assert gate.status() == "pending"


def test_unknown_method_in_a_tampered_select_is_refused(gate: Gate) -> None:
    _, form = gate.open()
    resp = gate.post("approve", {**form, "c0.method": "plaintext"})
    assert resp.status == 400 and gate.status() == "pending"


def test_get_on_action_urls_changes_nothing(gate: Gate) -> None:
    _, form = gate.open()
    query = urllib.parse.urlencode({**form, "reason": "prefetch"})
    for action in ("approve", "deny", "save"):
        resp = gate.get(f"/r/{gate.id}/{action}?{query}")
        assert resp.status == 405 and resp.headers["Allow"] == "POST"
    assert gate.status() == "pending" and gate.sink.calls == []
    resp = gate.app.handle(Request("POST", f"/r/{gate.id}", {}, FORM, b""))
    assert resp.status == 405


# ---------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    "headers, body",
    [
        (FORM, b"a=" + b"x" * MAX_BODY),
        (FORM, b"\xff\xfe=\x00"),
        (FORM, b"a=1&&&=="),
        (FORM, b"t=1&t=2"),
        ({"content-type": "application/json"}, b'{"t": "x"}'),
        ({}, b"t=x"),
        (FORM, b"&".join(b"f%d=1" % i for i in range(6000))),
    ],
    ids=["oversized", "not-utf8", "malformed", "duplicate", "json", "no-type", "too-many"],
)
def test_bad_bodies_are_400(gate: Gate, headers: dict, body: bytes) -> None:
    resp = gate.app.handle(Request("POST", f"/r/{gate.id}/approve", {}, headers, body))
    assert resp.status == 400
    assert gate.status() == "pending"


# ---------------------------------------------------------------- XSS

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_payloads_in_names_and_examples_are_escaped(tmp_path: Path) -> None:
    proposal = sample_proposal(customers="t" + XSS, email="c" + XSS, example="e" + XSS)
    g = Gate(tmp_path, proposal)
    resp, form = g.open()
    assert "<script>" not in resp.body and "<img" not in resp.body
    assert resp.body.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3
    # the escaped page still round-trips into an approval of the same names
    assert g.post("approve", form).status == 200
    (_, _, schema), = g.sink.calls
    assert schema.rule("t" + XSS, "c" + XSS).method == "fake"


def test_payload_in_a_deny_reason_and_params_is_escaped(gate: Gate) -> None:
    _, form = gate.open()
    resp = gate.post("approve", {**form, "c1.params": XSS})
    assert resp.status == 400 and "<script>" not in resp.body
    assert "&lt;script&gt;" in resp.body


# ---------------------------------------------------------------- concurrency


def test_concurrent_double_approval_one_wins(gate: Gate) -> None:
    forms = [gate.open(ANA)[1], gate.open(BOB)[1]] * 3
    barrier = threading.Barrier(len(forms))
    statuses: list[int] = []

    def approve(form: dict[str, str]) -> None:
        barrier.wait()
        statuses.append(gate.post("approve", form).status)

    threads = [threading.Thread(target=approve, args=(f,)) for f in forms]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] + [409] * (len(forms) - 1)
    assert len(gate.sink.calls) == 1 and gate.status() == "approved"


# ---------------------------------------------------------------- email and edits


def test_email_has_counts_and_link_but_no_names_or_examples(gate: Gate) -> None:
    proposal = sample_proposal(customers="clients", email="mail_addr")
    email = render_email(proposal, url=gate.links[ANA], expires_at=NOW + 3600)
    assert gate.links[ANA] in email.text and gate.links[ANA].replace("&", "&amp;") in email.html
    assert "To mask:         5" in email.text
    assert "New columns:     1" in email.text and "New findings:    1" in email.text
    for secret in ("clients", "mail_addr", "j***", "@e******", ANA):
        assert secret not in email.text and secret not in email.html
    assert "5 columns to mask, 1 new findings" in email.subject


def test_apply_edits_leaves_unposted_columns_alone() -> None:
    proposal = sample_proposal()
    result = apply_edits(proposal, {})
    assert result.ok and not result.changed and result.schema.hash() == proposal.hash()
