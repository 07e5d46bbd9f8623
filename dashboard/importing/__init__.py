"""The import path for the bureau's own files: templates (the contract), reading, validation, loading
(one transaction per file, audited) and the report. The page 数据管理 and the CLI share import_file()."""
from dashboard.importing.loading import ImportResult, import_file
from dashboard.importing.templates import DATASETS, TEMPLATES

__all__ = ["DATASETS", "TEMPLATES", "ImportResult", "import_file", "max_upload_mb", "preview"]


def max_upload_mb() -> int:
    """The upload limit in whole megabytes (the IMPORT_MAX_MB setting, rounded up)."""
    import math

    from dashboard import settings
    return max(1, math.ceil(settings.get_float("IMPORT_MAX_MB")))


def preview(dataset: str, content: bytes, sheet: str | None = None, rows: int = 20):
    """The first rows of a file as the importer reads them (template column names), or None if it
    cannot be read."""
    from dashboard.importing import reading
    try:
        return reading.read_table(content, TEMPLATES[dataset], sheet).frame.head(rows)
    except reading.ReadError:
        return None
