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


def record_once(action: str, actor: str, outcome: str, detail: str, engine: sa.Engine | None = None) -> None:
    """Append an audit row unless one with the same action, actor and detail is already there (an event
    seen again by another session, such as one single-sign-on sign-in adopted by every page opened)."""
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        seen = conn.execute(sa.select(import_audit.c.audit_id).where(
            import_audit.c.action == action, import_audit.c.actor == actor[:80],
            import_audit.c.detail == detail[:2000]).limit(1)).first()
        if seen is None:
            record_in(conn, action, actor, outcome, detail)
