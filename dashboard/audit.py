"""The audit trail: sign-ins, imports, exports and administration, each with who, when and the outcome."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from dashboard import db
from dashboard.schema import import_audit


def record(action: str, actor: str, outcome: str, detail: str = "", engine: sa.Engine | None = None,
           **fields) -> None:
    """Append one audit row in its own transaction (fields: dataset_name, file_name, rows_new, ...)."""
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        record_in(conn, action, actor, outcome, detail, **fields)


def record_in(conn: sa.Connection, action: str, actor: str, outcome: str, detail: str = "", **fields) -> None:
    """Append one audit row inside the caller's transaction, so the row and the change commit together."""
    conn.execute(sa.insert(import_audit).values(
        occurred_at=dt.datetime.now(), actor=actor[:80], action=action, outcome=outcome,
        detail=detail[:2000], **fields))
