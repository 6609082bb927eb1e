"""Our exceptions.

Every error names what it concerns (table, column, field path, file) so that a person
can act on it, and never carries a raw value, a key or a token: messages end up in logs,
Step Functions payloads and emails.
"""

from __future__ import annotations


class PiiGateError(Exception):
    """Base error. ``exit_code`` is what the CLI returns for it."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        table: str | None = None,
        column: str | None = None,
        field: str | None = None,
        file: str | None = None,
    ) -> None:
        self.message = message
        self.table = table
        self.column = column
        self.field = field
        self.file = file
        super().__init__(self.__str__())

    @property
    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.table and self.column:
            parts.append(f"{self.table}.{self.column}")
        elif self.table:
            parts.append(self.table)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def to_dict(self) -> dict[str, str | None]:
        """A payload-safe description (for Step Functions and reports)."""
        return {
            "error": type(self).__name__,
            "message": self.message,
            "table": self.table,
            "column": self.column,
            "field": self.field,
            "file": self.file,
        }


class ConfigError(PiiGateError):
    """Bad configuration or usage: a missing secret, a wrong URL, an unreadable file."""

    exit_code = 2


class DatabaseError(ConfigError):
    """The database cannot be reached or read."""


class SchemaError(PiiGateError):
    """The tokenization schema is malformed or does not fit the database."""

    exit_code = 3

    def __init__(self, message: str, *, problems: list[str] | None = None, **kw: str | None):
        self.problems = problems or []
        super().__init__(message, **kw)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class CoverageError(SchemaError):
    """A column has no decision: fail closed."""


class TransformError(PiiGateError):
    """A value cannot be transformed under its rule (outside the alphabet, too long...)."""

    exit_code = 3


class VerificationError(PiiGateError):
    """The tokenized database failed verification."""

    exit_code = 4


# Driver error codes whose meaning we can name without quoting the driver's message
# (which can hold row values: constraint details, COPY lines, a value that did not parse).
_KNOWN_CODES: dict[str, str] = {
    "connection": "the server cannot be reached or refused the connection",
    "3D000": "database does not exist",
    "28000": "login refused",
    "28P01": "password authentication failed",
    "42P01": "no such table",
    "42703": "no such column",
    "42501": "permission denied",
    "23505": "unique violation",
    "23503": "foreign key violation",
    "23502": "not-null violation",
    "22001": "value too long for the column",
    "22003": "numeric value out of range",
    "55006": "database in use by other sessions",
    "57014": "statement cancelled",
    "40P01": "deadlock detected",
    "1044": "access denied to the database",
    "1045": "access denied (user or password)",
    "1049": "unknown database",
    "1062": "duplicate entry",
    "1146": "no such table",
    "1054": "no such column",
    "1205": "lock wait timeout",
    "1213": "deadlock",
    "1292": "value does not fit the column type",
    "1406": "value too long for the column",
    "1451": "foreign key violation",
    "1452": "foreign key violation",
    "2003": "cannot connect to the server",
    "SQLITE_BUSY": "database is locked",
    "SQLITE_CONSTRAINT_UNIQUE": "unique violation",
    "SQLITE_CONSTRAINT_FOREIGNKEY": "foreign key violation",
    "SQLITE_CANTOPEN": "cannot open the database file",
}


def describe_db_error(exc: BaseException) -> str:
    """A value-free description of a database or driver error: meaning and code.

    The one describer the CLI, the pipeline, the Lambda handlers, discovery, the writer
    and verify use. The driver's own text is never included.
    """
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", None)
    # PyMySQL's errno is more telling than the SQLSTATE class it also carries
    code: int | str | None = args[0] if args and isinstance(args[0], int) else None
    code = code or getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    if code is None and type(orig).__name__ == "OperationalError" and hasattr(orig, "pgconn"):
        code = "connection"  # psycopg connection failures carry no SQLSTATE
    meaning = _KNOWN_CODES.get(str(code)) if code is not None else None
    # in words a person acts on; the driver's class name means nothing to them
    if meaning:
        return meaning if code == "connection" else f"{meaning} (database error {code})"
    return f"database error {code}" if code else "database error (the driver gave no code)"


def safe_reason(exc: BaseException) -> str:
    """What may be printed about any error: ours are value-free; others are described.

    Our errors carry no values by contract; a database error is reduced to its meaning
    and code; anything else shows its class only.
    """
    if isinstance(exc, PiiGateError):
        return str(exc)
    if getattr(exc, "orig", None) is not None or type(exc).__module__.split(".")[0] in (
        "sqlalchemy", "psycopg", "pymysql", "sqlite3",
    ):
        return describe_db_error(exc)
    return f"unexpected {type(exc).__name__}; details withheld because they may quote data"
