"""Helpers for tests and demos of the gate: a small proposal and a form reader.

Not used by the gate itself. ``sample_proposal`` builds a proposal the way discovery
does (``type``, ``finding`` and ``drift`` annotations, masked examples only);
``page_form`` reads a rendered review page back into the fields a browser would post.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from piigate.schema import Schema, parse_schema


def sample_proposal(**names: str) -> Schema:
    """A two-table proposal; ``names`` may override table/column names (XSS tests)."""
    customers = names.get("customers", "customers")
    email = names.get("email", "email")
    example = names.get("example", "j***@e******.com")
    data: dict[str, Any] = {
        "format": "piigate/v1",
        "version": 1,
        "tables": {
            customers: {
                "columns": {
                    "id": {"method": "fpe", "type": "integer", "drift": "unchanged"},
                    email: {
                        "method": "fake",
                        "kind": "email",
                        "type": "text",
                        "drift": "new_finding",
                        "decided_by": "discovery",
                        "finding": {
                            "entity": "EMAIL_ADDRESS",
                            "confidence": 0.93,
                            "signals": ["name:email", "presidio"],
                            "hits": {"EMAIL_ADDRESS": 47},
                            "sampled": 50,
                            "examples": [example, "m***@e******.org"],
                        },
                    },
                    "notes": {"method": "redact", "type": "text?", "drift": "new"},
                    "born": {"method": "date_shift", "max_days": 30, "type": "date"},
                    "consent": {
                        "method": "keep",
                        "reason": "a yes/no flag, not identifying",
                        "type": "boolean",
                    },
                }
            },
            "orders": {
                "columns": {
                    "customer_id": {"method": "fpe", "type": "integer", "domain": "customer"},
                    "total": {"method": "keep", "reason": "amounts are not personal"},
                }
            },
        },
    }
    return parse_schema(data)


class _FormReader(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, str] = {}
        self.action: str | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
            if self.inside:
                self.action = a.get("action")
        # a control belongs to the form around it, or to the one its form= attribute names
        owner = a.get("form")
        if not (self.inside if owner is None else owner == self.form_id):
            return
        if tag == "input" and a.get("name"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value") or "on"
            else:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.fields[self._textarea or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def page_form(html: str, form_id: str = "review-form") -> dict[str, str]:
    """The fields a browser would submit from the form ``form_id`` of a review page."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.fields
