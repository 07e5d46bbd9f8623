"""The report of an import: every problem with its row, column, value and a message in the user's
language; as a table, an XLSX download and plain text for the command line."""
from __future__ import annotations

import io

import pandas as pd

from dashboard.downloads import neutralise_formulas
from dashboard.i18n import join, t
from dashboard.importing.loading import ImportResult
from dashboard.importing.templates import TEMPLATES
from dashboard.importing.validation import Problem


def message(problem_key: str, params: dict, language: str, dataset: str | None = None) -> str:
    """A problem's or notice's message in a language."""
    values = dict(params)
    for name in ("columns", "expected"):  # column names, written as the user's template heads them
        if name in values and dataset:
            values[name] = [column_label(dataset, c, language) for c in values[name]]
    # A list (sheet names, organisations, ...) is written as a list of the message's language; a count
    # with thousands separators, as the summary writes its counts.
    values = {name: join(value, language) if isinstance(value, (list, tuple))
              else f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
              for name, value in values.items()}
    if "dataset" in values:
        values["dataset"] = t(f"dataset.{values['dataset']}", language)
    return t(problem_key, language, **values)


def column_label(dataset: str, column: str | None, language: str) -> str:
    """A column's header as the user's template writes it (Chinese, or English)."""
    if not column:
        return ""
    match = [c for c in TEMPLATES[dataset].columns if c.name == column]
    if not match:
        return column
    return match[0].zh if language == "zh" else match[0].name


def problems_frame(result: ImportResult, language: str) -> pd.DataFrame:
    """One row per problem: row number, column, value, message."""
    rows = [{
        t("report.row", language): t("report.whole_file", language) if p.row is None else str(p.row),
        t("report.column", language): column_label(result.dataset, p.column, language),
        t("report.value", language): p.value,
        t("report.message", language): message(p.key, p.params, language, result.dataset),
    } for p in result.problems]
    columns = [t(k, language) for k in ("report.row", "report.column", "report.value", "report.message")]
    return pd.DataFrame(rows, columns=columns)


def summary(result: ImportResult, language: str) -> str:
    """One sentence: what happened to the file."""
    if result.outcome in ("loaded", "dry_run"):
        return t(f"result.{result.outcome}", language, new=f"{result.new:,}", changed=f"{result.changed:,}",
                 unchanged=f"{result.unchanged:,}")
    if result.outcome == "failed":
        return t("result.failed", language)
    return t("result.rejected", language, count=f"{len(result.problems):,}")


def notices(result: ImportResult, language: str) -> list[str]:
    """What else the import did or would do (demo rows replaced, organisations registered)."""
    return [message(key, params, language) for key, params in result.notices]


def to_xlsx(result: ImportResult, language: str) -> bytes:
    """The problems as an XLSX workbook, first row the summary (cells never run as formulas)."""
    buffer = io.BytesIO()
    frame = neutralise_formulas(problems_frame(result, language))
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, startrow=2, sheet_name="report")
        sheet = writer.sheets["report"]
        sheet.cell(row=1, column=1, value=f"{result.file_name} · SHA-256 {result.file_sha256[:16]}…")
        sheet.cell(row=2, column=1, value=summary(result, language))
        for letter, width in zip("ABCD", (10, 18, 28, 70)):
            sheet.column_dimensions[letter].width = width
    return buffer.getvalue()


def to_text(result: ImportResult, language: str) -> str:
    """The report as lines of text (for the command line)."""
    lines = [summary(result, language)] + notices(result, language)
    for problem in result.problems:
        where = t("report.whole_file", language) if problem.row is None else f"{t('report.row', language)} {problem.row}"
        column = column_label(result.dataset, problem.column, language)
        value = f" “{problem.value}”" if problem.value else ""
        lines.append(f"{where}{' · ' + column if column else ''}{value}: {message(problem.key, problem.params, language, result.dataset)}")
    return "\n".join(lines)


__all__ = ["Problem", "problems_frame", "summary", "to_text", "to_xlsx", "notices", "message"]


def preview_table(frame: pd.DataFrame, dataset: str, language: str) -> pd.DataFrame:
    """A read file's first rows under the template's headers in the user's language; a blank cell
    stays blank (not "None")."""
    shown = frame.astype("object").where(frame.notna(), "")
    return shown.rename(columns={c: column_label(dataset, c, language) for c in frame.columns})


def status_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Each importable dataset (the tables' templates, then the township boundaries): demo or the
    bureau's own, its rows and when it was loaded."""
    from dashboard.importing.templates import BOUNDARIES, DATASETS
    order = [*DATASETS, BOUNDARIES]
    shown = frame[frame["dataset_name"].isin(order)].sort_values(
        "dataset_name", key=lambda names: names.map(order.index), kind="stable")
    return pd.DataFrame({
        t("history.dataset", language): [t(f"dataset.{d}", language) for d in shown["dataset_name"]],
        t("data.status_column", language): [t("data.demo_yes" if demo else "data.demo_no", language)
                                     for demo in shown["is_demo"]],
        t("report.rows", language):
            shown["row_count"].map(lambda n: f"{int(n):,}").tolist(),
        t("report.loaded_at", language): shown["loaded_at"].tolist(),
    })


def history_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The audit history with headers, datasets, actions and outcomes in the user's language."""
    labelled = frame.drop(columns=["detail"]).copy()
    labelled["dataset_name"] = labelled["dataset_name"].map(lambda d: t(f"dataset.{d}", language) if d else "")
    labelled["action"] = labelled["action"].map(lambda a: t(f"action.{a}", language))
    labelled["outcome"] = labelled["outcome"].map(lambda o: t(f"outcome.{o}", language))
    labelled["file_sha256"] = labelled["file_sha256"].str[:12]
    names = {c: t(f"history.{'dataset' if c == 'dataset_name' else c}", language) for c in labelled.columns}
    return labelled.rename(columns=names)


def boundary_messages(result, language: str) -> list[tuple[str, str]]:
    """What a boundary import did (or a dry run would do), as (kind, text) for st.success / st.info /
    st.warning, in the user's language."""
    counts = dict(count=f"{result.township_count:,}", new=f"{result.new:,}", changed=f"{result.changed:,}",
                  unchanged=f"{result.unchanged:,}")
    messages = [("success", t("data.boundaries_dry_run" if result.dry_run else "data.boundaries_loaded",
                              language, **counts))]
    if result.replaced_schematic:
        messages.append(("info", t("data.boundaries_will_replace" if result.dry_run else "data.boundaries_replaced",
                                   language)))
    if result.removed:
        messages.append(("warning", t("data.boundaries_will_remove" if result.dry_run else "data.boundaries_removed",
                                      language, count=f"{result.removed:,}")))
    return messages
