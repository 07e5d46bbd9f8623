"""The audit trail: sign-ins, imports and exports, each with who, when and the outcome."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from dashboard import db
from dashboard.schema import import_audit


def record(action: str, actor: str, outcome: str, detail: str = "", engine: sa.Engine | None = None,
           **fields) -> None:
    """Append one audit row (fields: dataset_name, file_name, file_sha256, rows_new, ...)."""
    engine = engine or db.get_engine()
    with engine.begin() as conn:
        conn.execute(sa.insert(import_audit).values(
            occurred_at=dt.datetime.now(), actor=actor[:80], action=action, outcome=outcome,
            detail=detail[:2000], **fields))
