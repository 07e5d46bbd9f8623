"""数据管理: templates, upload, preview, dry run, import with progress, the report and the audit history;
and township boundaries (GeoJSON or a zipped Shapefile, in a chosen coordinate system)."""
from datetime import date

import streamlit as st

from dashboard import components, db, downloads, html_table
from dashboard.boundary_import import CRS_CHOICES, BoundaryImportError, import_township_boundaries
from dashboard.i18n import current_language, t
from dashboard.importing import DATASETS, import_file, max_upload_mb, preview, report, templates
from dashboard.importing.templates import BOUNDARIES
from dashboard.importing.actor import current_actor
from dashboard.routing import ensure_routed
from queries import imports, registers

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def dry_run_or_import(dry_run_key: str, import_key: str, dry_run_help: str) -> tuple[bool, bool]:
    """The 试运行 and 导入 buttons side by side: whether each was clicked."""
    dry_column, import_column, _ = st.columns([1.3, 1, 3])
    dry_run = dry_column.button(t("data.dry_run"), key=dry_run_key, help=dry_run_help)
    return dry_run, import_column.button(t("data.import"), type="primary", key=import_key)


ensure_routed()
banner = components.page_header("data.title", "data.intro")
language = current_language()

dataset = st.selectbox(t("data.dataset"), [*DATASETS, BOUNDARIES], format_func=lambda name: t(f"dataset.{name}"),
                       key="dataset")
if dataset == BOUNDARIES:
    st.caption(t("data.boundaries_intro"))
    boundary_file = components.file_uploader(t("data.boundaries_upload"), ["geojson", "json", "zip"],
                                             "upload_boundaries", max_upload_mb())
    crs = st.selectbox(t("data.crs"), CRS_CHOICES, format_func=lambda c: t(f"data.crs.{c}"), key="boundary_crs")
    if boundary_file is not None:
        dry_run, do_import = dry_run_or_import("dry_run_boundaries", "import_boundaries",
                                               t("data.boundaries_dry_run_help"))
        if dry_run or do_import:
            try:
                with st.spinner(t("progress.validating" if dry_run else "progress.writing")):
                    loaded = import_township_boundaries(db.get_engine(), boundary_file.getvalue(), boundary_file.name,
                                                        None if crs == "file" else crs, actor=current_actor(),
                                                        dry_run=dry_run)
            except BoundaryImportError as error:
                st.error(str(error))
            else:
                for kind, message in report.boundary_messages(loaded, language):
                    getattr(st, kind)(message)
                if do_import:
                    components.demo_banner(banner)  # drawn before the import: the boundaries may be real now
else:
    st.markdown(f"**{t('data.templates')}**")
    left, right, _ = st.columns([1, 1, 3])
    # The templates are written when clicked, not on every run.
    left.download_button(t("data.template_xlsx"), lambda: templates.template_xlsx(dataset), f"template_{dataset}.xlsx",
                         XLSX_MIME, key="template_xlsx", on_click="ignore")
    right.download_button(t("data.template_csv"), lambda: templates.template_csv(dataset), f"template_{dataset}.csv",
                          "text/csv", key="template_csv", on_click="ignore")

    uploaded = components.file_uploader(t("data.upload"), ["xlsx", "csv"], f"upload_{dataset}", max_upload_mb())
    sheet = st.text_input(t("data.sheet"), key="sheet").strip() or None
    if uploaded is not None:
        content = uploaded.getvalue()
        st.subheader(t("data.preview"))
        first_rows = preview(dataset, content, sheet)
        if first_rows is None:
            st.info(t("data.preview_failed"))
        else:
            st.dataframe(report.preview_table(first_rows, dataset, language), hide_index=True)
        dry_run, do_import = dry_run_or_import("dry_run", "import", t("data.dry_run_help"))
        if dry_run or do_import:
            bar = st.progress(0.0)
            result = import_file(dataset, content, uploaded.name, dry_run=dry_run, sheet=sheet,
                                 progress=lambda fraction, key: bar.progress(fraction, text=t(key)))
            (st.success if result.accepted else st.error)(report.summary(result, language))
            if do_import:
                components.demo_banner(banner)  # drawn before the import: the dataset may be real now
            for notice in report.notices(result, language):
                st.info(notice)
            if result.problems:
                st.subheader(t("data.report"))
                st.dataframe(report.problems_frame(result, language), hide_index=True)
                st.download_button(t("data.report_download"), report.to_xlsx(result, language),
                                   f"import_report_{dataset}_{date.today()}.xlsx", XLSX_MIME, key="report_xlsx")

st.subheader(t("data.status"))
html_table.draw(report.status_table(registers.datasets(), language), t("data.status"))

st.subheader(t("data.history"))
history = imports.import_history()
if history.empty:
    st.info(t("data.history_empty"))
else:
    table = report.history_table(history, language)
    st.dataframe(table, hide_index=True)
    source = t("source.line", source=t("history.source"), as_of=history["occurred_at"].iloc[0][:10],
               definition=t("data.history"))
    components.source_line(t("history.source"), history["occurred_at"].iloc[0][:10], t("data.history"))
    downloads.download_buttons(table, "import_history", date.today(), source, key="history")
