"""Questions for the administration page: the accounts and the log of administrators' changes."""
from __future__ import annotations

import pandas as pd

from dashboard import db
from queries._run import fetch

ACCOUNTS_SQL = """
SELECT username, display_name, role, is_active,
  CAST(locked_until AS VARCHAR(30)) AS locked_until, CAST(last_sign_in_at AS VARCHAR(30)) AS last_sign_in_at
FROM users
ORDER BY username
"""


def accounts() -> pd.DataFrame:
    """Every account, never its password hash. Columns: username, display_name, role, is_active (bool),
    locked_until and last_sign_in_at (ISO date and time to the minute, None when unset).

    Uncached: sign-ins and lockouts change these rows without advancing the data version. Timestamps
    are cast to text in SQL so both databases keep the time of day."""
    frame = fetch(db.get_engine(), ACCOUNTS_SQL, {})
    frame["is_active"] = frame["is_active"].astype(bool)
    for column in ("locked_until", "last_sign_in_at"):
        frame[column] = frame[column].map(lambda v: None if v is None or pd.isna(v) else str(v)[:16])
    return frame


ADMIN_HISTORY_SQL = """
SELECT CAST(occurred_at AS VARCHAR(30)) AS occurred_at, actor, action, detail
FROM import_audit
WHERE action LIKE 'admin%'
ORDER BY occurred_at DESC, audit_id DESC
LIMIT :limit
"""


def admin_history(limit: int = 100) -> pd.DataFrame:
    """The latest administration actions, newest first. Columns: occurred_at (ISO date and time), actor,
    action ('admin_user_add', 'admin_target', ...), detail (before → after).

    Uncached, like the accounts: a refused attempt is logged without advancing the data version.
    Timestamps are cast to text in SQL so both databases keep the time of day."""
    frame = fetch(db.get_engine(), ADMIN_HISTORY_SQL, {"limit": limit})
    frame["occurred_at"] = frame["occurred_at"].astype(str).str[:19]
    return frame
