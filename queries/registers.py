"""Questions about the registers: datasets and their demo flag, published figures, targets, audit."""
from __future__ import annotations

import pandas as pd

from queries._run import run

DATASETS_SQL = """
SELECT dataset_name, is_demo, row_count, loaded_at
FROM datasets
ORDER BY dataset_name
"""


def datasets() -> pd.DataFrame:
    """Each dataset with whether it is still demo data. Columns: dataset_name, is_demo (bool),
    row_count, loaded_at (ISO date)."""
    frame = run(DATASETS_SQL)
    frame["is_demo"] = frame["is_demo"].astype(bool)
    frame["loaded_at"] = frame["loaded_at"].astype(str).str[:10]
    return frame


# The files each dataset was loaded from: every import that loaded rows, the latest first.
DATASET_FILES_SQL = """
SELECT a.dataset_name, a.file_name, a.occurred_at
FROM import_audit a
WHERE a.action = 'import' AND a.outcome = 'loaded' AND a.file_name IS NOT NULL
  AND (CAST(:dataset_name AS VARCHAR(40)) IS NULL OR a.dataset_name = :dataset_name)
ORDER BY a.dataset_name, a.occurred_at DESC, a.audit_id DESC
"""


def dataset_files(dataset_name: str | None = None) -> pd.DataFrame:
    """The files the datasets were loaded from, each import that loaded rows (not dry runs nor rejected
    files), the latest first within a dataset. Columns: dataset_name, file_name, loaded_on (ISO date)."""
    frame = run(DATASET_FILES_SQL, dataset_name=dataset_name)
    frame["loaded_on"] = frame.pop("occurred_at").astype(str).str[:10]
    return frame


PUBLISHED_FIGURES_SQL = """
SELECT figure_key, area, metric_key, value, relation, unit, as_of, period_start, period_end,
  source_document, source_quote
FROM published_figures
WHERE (CAST(:area AS VARCHAR(30)) IS NULL OR area = :area)
ORDER BY area, figure_key
"""


def published_figures(area: str | None = None) -> pd.DataFrame:
    """The bureau's published figures. Columns: figure_key, area, metric_key, value, relation ('=', '>='
    or '≈'), unit, as_of (ISO date), period_start, period_end, source_document, source_quote."""
    return run(PUBLISHED_FIGURES_SQL, area=area)


TARGETS_SQL = """
SELECT target_key, metric_key, county_code, target_value, unit, baseline_year, baseline_value,
  deadline, source_document, note
FROM targets
WHERE (CAST(:metric_key AS VARCHAR(60)) IS NULL OR metric_key = :metric_key)
ORDER BY target_key
"""


def targets(metric_key: str | None = None) -> pd.DataFrame:
    """The target register. Columns: target_key, metric_key, county_code (None: city), target_value,
    unit, baseline_year, baseline_value, deadline (ISO date), source_document, note."""
    return run(TARGETS_SQL, metric_key=metric_key)
