"""``check`` proves rules against sampled data, and reports everything at once (#11)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.errors import SchemaError
from piigate.plan import make_plan
from piigate.schema import parse_schema


@pytest.fixture
def engine(db_url):
    e = connect(db_url)
    with e.begin() as c:
        c.execute(sa.text("CREATE TABLE people (id INTEGER PRIMARY KEY, ref VARCHAR(20), "
                          "mailbox VARCHAR(12), note VARCHAR(40), born DATE)"))
        c.execute(sa.text("INSERT INTO people VALUES (:i, :r, :m, :n, :b)"), [
            {"i": i, "r": f"AB-{i:06d}", "m": f"user{i}", "n": "x", "b": dt.date(1980, 1, 1)}
            for i in range(1, 51)])
    yield e
    e.dispose()


def test_rules_that_do_not_fit_the_sampled_values_are_reported_by_check(engine):
    schema = parse_schema({"tables": {"people": {"columns": {
        "id": {"method": "keep", "reason": "row id"},
        "ref": {"method": "fpe", "alphabet": "digits"},  # the values hold letters
        "mailbox": {"method": "json", "all_keys": {"email": {"method": "null"}}},  # not JSON
        "born": {"method": "date_shift"},
    }}}})  # note: undecided
    with pytest.raises(SchemaError) as err:
        make_plan(schema, reflect(engine), data=engine)
    text = str(err.value)
    assert "tables.people.columns.ref" in text and "sampled" in text
    assert "tables.people.columns.mailbox" in text
    assert "tables.people.columns.note: undecided" in text  # in the same report
    assert "AB-0000" not in text and "user1" not in text  # never a value


def test_fitting_rules_pass_the_data_check(engine):
    schema = parse_schema({"tables": {"people": {"columns": {
        "id": {"method": "keep", "reason": "row id"},
        "ref": {"method": "fpe", "alphabet": "alnum"},
        "mailbox": {"method": "fpe", "alphabet": "alnum"},
        "note": {"method": "redact", "value": "-"},
        "born": {"method": "date_shift"},
    }}}})
    plan = make_plan(schema, reflect(engine), data=engine)
    assert len(plan.columns) == 4
