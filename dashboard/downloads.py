"""Downloads of what a page shows: CSV (UTF-8 with BOM, for Excel) and XLSX, each carrying its source
line, named after what they hold and its date, and safe to open (no spreadsheet formulas)."""
from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.i18n import t

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    safe.columns = [("'" + c if isinstance(c, str) and c.startswith(FORMULA_START) else c)
                    for c in safe.columns]
    return safe


def file_name(subject: str, as_of: str | date, extension: str) -> str:
    """e.g. coverage_by_township_2024-04-30.xlsx (only safe characters)."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", subject).strip("_") or "export"
    return f"{stem}_{str(as_of)[:10]}.{extension}"


def to_csv_bytes(frame: pd.DataFrame, source_line: str) -> bytes:
    """CSV in UTF-8 with BOM: the table, a blank line, then the source line."""
    body = neutralise_formulas(frame).to_csv(index=False)
    return ("\ufeff" + body + "\n" + source_line.replace("\n", " ") + "\n").encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, source_line: str, sheet_name: str = "data") -> bytes:
    """An XLSX workbook: the table, then the source line two rows below it."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_formulas(frame).to_excel(writer, index=False, sheet_name=sheet_name[:31])
        sheet = writer.sheets[sheet_name[:31]]
        sheet.cell(row=len(frame) + 3, column=1, value=source_line)
    return buffer.getvalue()


def download_buttons(frame: pd.DataFrame, subject: str, as_of: str | date, source_line: str,
                     key: str) -> None:
    """CSV and XLSX download buttons for a table, for roles that may download; each export audited.
    The files are made when clicked, so a page with many tables writes no workbook on a rerun; a click
    does not rerun the page (Streamlit makes the file in a thread of its own, and a rerun begun by the
    same click could replace the button, and with it the file being made, before the browser fetched
    it: under load the download was lost)."""
    from dashboard import db, session
    if not session.may("download"):
        st.caption(t("download.not_permitted"))
        return
    left, right = st.columns(2)
    frame = frame.copy()
    user = session.current_user()
    actor, url = (user.username if user else "(anonymous)"), db.database_url()
    csv_name, xlsx_name = file_name(subject, as_of, "csv"), file_name(subject, as_of, "xlsx")
    left.download_button(t("download.csv"), audited(lambda: to_csv_bytes(frame, source_line), csv_name, actor, url),
                         csv_name, "text/csv", key=f"{key}_csv", on_click="ignore")
    right.download_button(t("download.xlsx"), audited(lambda: to_xlsx_bytes(frame, source_line), xlsx_name, actor, url),
                          xlsx_name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}_xlsx", on_click="ignore")


def audited(make, name: str, actor: str, database_url: str):
    """The file maker a download button calls when clicked: it makes the file, then records the export
    (who, which file) in the audit trail. It runs outside the page's script, so it is given the user
    and the database rather than reading them from the session."""
    def make_and_record() -> bytes:
        from dashboard import audit, db
        content = make()
        audit.record("export", actor, "ok", file_name=name, engine=db.get_engine(database_url))
        return content
    return make_and_record
