"""Questions about imports: the audit history of files loaded, dry-run or rejected."""
from __future__ import annotations

import pandas as pd

from dashboard import db
from queries._run import fetch

IMPORT_HISTORY_SQL = """
SELECT occurred_at, actor, action, dataset_name, file_name, file_sha256,
  rows_new, rows_changed, rows_unchanged, outcome, detail
FROM import_audit
WHERE action IN ('import', 'dry_run')
ORDER BY occurred_at DESC, audit_id DESC
LIMIT :limit
"""


def import_history(limit: int = 200) -> pd.DataFrame:
    """The latest imports and dry runs, newest first. Columns: occurred_at (ISO date and time), actor,
    action ('import' | 'dry_run'), dataset_name, file_name, file_sha256, rows_new, rows_changed,
    rows_unchanged (counts of rows), outcome ('loaded' | 'dry_run' | 'rejected' | 'failed'), detail.
    Read uncached, like the administration log: a rejected file or a dry run is audited without changing
    the data, so a cache keyed on the data version would not show it."""
    frame = fetch(db.get_engine(), IMPORT_HISTORY_SQL, {"limit": limit})
    frame["occurred_at"] = frame["occurred_at"].astype(str).str[:19]
    return frame
