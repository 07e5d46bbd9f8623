"""Page blocks shared by the renovation, visit and charity pages: a chart or table with its source
line (来源 · 数据截至 · 口径) and downloads, chart titles naming the filters, and as-of dates."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import charts, components, downloads, formatting, kpis
from dashboard.charts.display import number_columns
from dashboard.filters import Period, scope_label
from dashboard.i18n import t


def title(key: str, county_code: str | None, period: Period | None = None, **values) -> str:
    """A chart title naming the county (or 全市) and the period: 惠城区 · 2021—2023年 · 适老化改造户数."""
    parts = [scope_label(county_code)] + ([period.label()] if period else []) + [t(key, **values)]
    return " · ".join(parts)


def source(area: str) -> str:
    """The documents an area's figures come from (the published figures' register)."""
    return kpis.area_source(area) or t("flows.source_unknown")


def chart(figure: charts.Chart, area: str, as_of: str, definition_key: str) -> None:
    """A chart across the page with its source line under it."""
    charts.draw(figure)
    components.source_line(source(area), as_of, t(definition_key))


def caption(area: str, as_of: str, definition_key: str) -> None:
    """The source line alone, under a row of numbers."""
    components.source_line(source(area), as_of, t(definition_key))


def table(frame: pd.DataFrame, subject: str, area: str, as_of: str, definition_key: str, key: str,
          height: int | None = None) -> None:
    """A table with its source line and CSV / XLSX downloads carrying that line. `height` applies to
    a table longer than the ten rows Streamlit shows by itself (a shorter one is not padded to it)."""
    st.dataframe(frame, hide_index=True, width="stretch", height=height if height and len(frame) > 10 else "auto",
                 column_config=number_columns(frame))
    line = t("source.line", source=source(area), as_of=as_of, definition=t(definition_key))
    st.caption(formatting.markdown_literal(line))

    downloads.download_buttons(frame, subject, as_of, line, key)


def no_data() -> None:
    """The empty state."""
    st.info(t("empty.no_data"))


def years(first: object, last: object) -> tuple[int, int] | None:
    """The span of years a query reported as 'YYYY' strings, or None when there is no data."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    return int(first), int(last)


def as_of(period: Period, last_on_record: str | None) -> str:
    """The as-of date of a view: the end of the period or the last date on record, whichever is first."""
    end = period.end_date.isoformat()
    return end if not last_on_record else min(end, str(last_on_record)[:10])


def month_end(month: str) -> str:
    """The last day of a 'YYYY-MM' month as an ISO date."""
    year, number = int(month[:4]), int(month[5:7])
    following = date(year + number // 12, number % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1).isoformat()


def quarter_end(quarter: str) -> str:
    """The last day of a 'YYYY-Qn' quarter as an ISO date."""
    return month_end(f"{quarter[:4]}-{int(quarter[-1]) * 3:02d}")
