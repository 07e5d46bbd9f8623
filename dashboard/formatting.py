"""Numbers as officials write them: 万 and 亿 in Chinese, thousands separators in English."""
from __future__ import annotations

import math
import re

WAN, YI = 10_000, 100_000_000


def _trim(value: float, decimals: int, grouping: bool = True) -> str:
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_count(value: float | None, language: str = "zh", unit: str = "", wan_decimals: int = 1) -> str:
    """A count: 1,098 · 66.8万 · 2.27亿 (zh); 1,098 · 668,000 (en). Missing values show as —.
    wan_decimals: decimals kept in 万 (2 where the bureau publishes e.g. 11.97万)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if language == "zh":
        if abs(value) >= YI:
            text = _trim(value / YI, 2, grouping=False) + "亿"
        elif abs(value) >= 10 * WAN:
            text = _trim(value / WAN, wan_decimals, grouping=False) + "万"
        else:
            text = _trim(value, 0)
        return text + unit
    return _trim(value, 0) + (f" {unit}" if unit else "")


def format_yuan(value: float | None, language: str = "zh") -> str:
    """Money: 2.5亿元 · 1817万元 · 652.9万元 · 3,200元 (zh); ¥250.0 million · ¥18.17 million (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if language == "zh":
        if abs(value) >= YI:
            return _trim(value / YI, 2, grouping=False) + "亿元"
        if abs(value) >= WAN:
            return _trim(value / WAN, 1, grouping=False) + "万元"
        return _trim(value, 0) + "元"
    if abs(value) >= 1_000_000:
        return f"¥{_trim(value / 1_000_000, 2)} million"
    return f"¥{_trim(value, 0)}"


def format_pct(value: float | None, decimals: int = 1) -> str:
    """A percentage: 97.4%."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return _trim(value, decimals) + "%"


def format_signed(text: str, value: float) -> str:
    """A formatted change with its sign: +242, −3.2%."""
    return ("+" if value > 0 else "−" if value < 0 else "±") + text.lstrip("-")


def format_value(value: float | None, unit: str, language: str = "zh") -> str:
    """A metric value by its unit kind (count | person_times | pct | yuan)."""
    if unit == "pct":
        return format_pct(value)
    if unit == "yuan":
        return format_yuan(value, language)
    return format_count(value, language)


def format_quarter(quarter: str, language: str = "zh") -> str:
    """'2024-Q1' as 2024年一季度 (zh) or Q1 2024 (en)."""
    year, number = quarter[:4], int(quarter[-1])
    if language == "zh":
        return f"{year}年{'一二三四'[number - 1]}季度"
    return f"Q{number} {year}"


def format_month(month: str, language: str = "zh") -> str:
    """'2021-10' as 2021年10月 (zh) or Oct 2021 (en)."""
    year, number = int(month[:4]), int(month[5:7])
    if language == "zh":
        return f"{year}年{number}月"
    return f"{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][number - 1]} {year}"


# What Streamlit's markdown (with its math extension) would read as markup in a line of plain text: its
# punctuation, escaped; and what it turns into links after escapes are read (an address starting www.,
# an e-mail address), kept apart by an invisible word joiner.
_MARKUP = re.compile(r"([\\`*_\[\]$~|])")
_AUTOLINK = re.compile(r"(?i)(\bwww(?=\.)|(?=@))")
WORD_JOINER = "\u2060"


def markdown_literal(text: str) -> str:
    """A line of plain text to show through Streamlit's markdown (st.caption) exactly as written: the
    characters markdown reads as links, emphasis, code, strikethrough, tables or math are escaped, and
    the addresses it would link are not. A source line can carry a file name a data officer chose
    ([说明](链接).xlsx, $预算$.csv, www.x.cn.xlsx); the line itself, as downloaded or exported, stays plain."""
    return _AUTOLINK.sub(lambda match: match.group(1) + WORD_JOINER, _MARKUP.sub(r"\\\1", text))
