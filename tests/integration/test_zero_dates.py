"""MariaDB zero dates are left as they are by date_shift, not a stopped run (#11)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from piigate.db import connect, reflect
from piigate.plan import make_plan
from piigate.schema import parse_schema


def test_zero_dates_stay_and_real_dates_shift(fresh_db, keyring, tok):
    engine = connect(fresh_db("mariadb"))
    with engine.begin() as c:
        c.execute(sa.text("SET SESSION sql_mode = ''"))
        c.execute(sa.text("CREATE TABLE visits (id INT PRIMARY KEY, seen DATE, at DATETIME)"))
        c.execute(sa.text("INSERT INTO visits VALUES (1, '0000-00-00', '0000-00-00 00:00:00'),"
                          " (2, '2020-05-17', '2020-05-17 10:00:00'), (3, NULL, NULL)"))
    schema = parse_schema({"tables": {"visits": {"columns": {
        "id": {"method": "keep", "reason": "row id"},
        "seen": {"method": "date_shift"}, "at": {"method": "date_shift"}}}}})
    plan = make_plan(schema, reflect(engine), data=engine)
    tok(engine, plan, keyring)
    with engine.connect() as c:
        rows = {r[0]: (r[1], r[2]) for r in c.execute(sa.text(
            "SELECT id, CAST(seen AS CHAR), CAST(at AS CHAR) FROM visits"))}
    assert rows[1] == ("0000-00-00", "0000-00-00 00:00:00")
    assert rows[2][0] != "2020-05-17" and dt.date.fromisoformat(rows[2][0])
    assert rows[3] == (None, None)
    engine.dispose()
