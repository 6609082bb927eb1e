"""Column-name rules, recognizers and the offline Presidio engine."""

from __future__ import annotations

import socket

import pytest

from classifiers import names as N
from classifiers.engine import PiiEngine, candidate_entities
from classifiers.recognizers import name_dictionary, name_shape, national_id_kind
from piigate.errors import ConfigError


@pytest.mark.parametrize("column,entity", [
    ("first_name", N.FIRST_NAME), ("firstName", N.FIRST_NAME), ("prenom", N.FIRST_NAME),
    ("Vorname", N.FIRST_NAME), ("surname", N.LAST_NAME), ("nom", N.LAST_NAME),
    ("apellido", N.LAST_NAME), ("customer_name", N.PERSON), ("name", N.PERSON),
    ("dob", N.DOB), ("birth_date", N.DOB), ("date_de_naissance", N.DOB),
    ("ssn", N.SSN), ("email", N.EMAIL), ("e_mail", N.EMAIL), ("emails", N.EMAIL),
    ("tel", N.PHONE), ("telefonnummer", N.PHONE), ("iban", N.IBAN),
    ("addr", N.STREET), ("address1", N.STREET), ("zip", N.POSTCODE), ("plz", N.POSTCODE),
    ("ip", N.IP), ("ip_addr", N.IP), ("passport_no", N.PASSPORT), ("dni", N.NATIONAL_ID),
    ("codice_fiscale", N.NATIONAL_ID), ("user_name", N.USERNAME), ("login", N.USERNAME),
])
def test_column_names_announce_entities(column, entity):
    m = N.match(column)
    assert m is not None and m.entity == entity


@pytest.mark.parametrize("column", [
    "dept_name", "product_name", "file_name", "hire_date", "created_at", "title",
    "hotel", "shipping", "account_manager", "amount", "zipper_size", "nominal",
])
def test_tokens_not_substrings(column):
    assert N.match(column) is None


def test_key_names():
    assert N.looks_like_key_name("emp_no") and N.looks_like_key_name("customerId")
    assert not N.looks_like_key_name("salary")


def test_name_dictionary_spans_locales():
    d = name_dictionary()
    assert d.kind("Hans") in ("first", "both")  # de_DE
    assert d.kind("Dupont") in ("last", "both") or d.kind("Lefebvre") in ("last", "both")
    assert d.kind("Facello") is None  # the MySQL sample's names are mostly not Faker's


@pytest.mark.parametrize("value,words", [
    ("Georgi Facello", 2), ("O'Neil", 1), ("Jean-Luc van der Berg", 2), ("McDonald", 1),
    ("Zoltán Kovács", 2),
])
def test_name_shape_accepts(value, words):
    assert len(name_shape(value) or []) == words


@pytest.mark.parametrize("value", ["Senior engineer", "n/a", "12 Main", "ACME GMBH", ""])
def test_name_shape_rejects(value):
    assert name_shape(value) is None


def test_national_ids_validated_by_check_digits():
    assert national_id_kind("12345678Z")[0] == "es.dni"
    assert national_id_kind("12345678A") is None  # wrong DNI letter


def test_candidate_entities_keep_phone_off_short_values():
    assert N.PHONE not in candidate_entities("123456")
    assert N.PHONE in candidate_entities("+44 20 7946 0958")
    assert candidate_entities("active") == []



def _ents(engine: PiiEngine, text: str) -> set[str]:
    return {r.entity_type for r in engine.analyze(text) if r.score >= 0.3}


def test_engine_runs_offline(engine, monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("discovery tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert _ents(engine, "write to jane.doe@example.co.uk") == {N.EMAIL}


@pytest.mark.parametrize("text,entity", [
    ("4111 1111 1111 1111", N.CARD),
    ("DE89370400440532013000", N.IBAN),
    ("+44 20 7946 0958", N.PHONE),
    ("06 12 34 56 78", N.PHONE),
    ("10.20.30.40", N.IP),
    ("RSSMRA85T10A562S", N.NATIONAL_ID),
    ("Please call Anna Schmidt tomorrow", N.PERSON),
])
def test_engine_finds(engine, text, entity):
    assert entity in _ents(engine, text)


@pytest.mark.parametrize("text", ["4111 1111 1111 1112", "123-45-6789", "1234567890",
                                  "Human Resources", "Order shipped in three boxes"])
def test_engine_ignores_look_alikes(engine, text):
    assert _ents(engine, text) == set()


def test_context_words_work_with_the_blank_pipeline(engine):
    # lemma_ = lower_ restores Presidio's context boost ("phone" near a number)
    plain = max(r.score for r in engine.analyze("reach 212 555 0123 today"))
    boosted = max(r.score for r in engine.analyze("phone 212 555 0123 today"))
    assert boosted > plain


def test_configured_spacy_model_must_be_installed(monkeypatch):
    monkeypatch.setenv("PIIGATE_SPACY_MODEL", "xx_no_such_model_sm")
    with pytest.raises(ConfigError, match="not installed"):
        PiiEngine()


def test_configured_spacy_model_path_is_used(monkeypatch, tmp_path):
    import spacy

    model_dir = tmp_path / "my_model"
    spacy.blank("en").to_disk(model_dir)  # stands in for an installed trained model
    monkeypatch.setenv("PIIGATE_SPACY_MODEL", str(model_dir))
    eng = PiiEngine()
    assert eng.uses_model
    assert {r.entity_type for r in eng.analyze("mail jane.doe@example.org")} == {N.EMAIL}
