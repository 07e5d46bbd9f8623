import math

import pytest

from dashboard.formatting import format_count, format_pct, format_signed, format_value, format_yuan


@pytest.mark.parametrize("value, expected", [
    (1098, "1,098"), (75, "75"), (668_000, "66.8万"), (2_269_000, "226.9万"), (119_700, "12万"),
    (250_000_000, "2.5亿"),
])
def test_counts_are_written_in_wan_and_yi_in_chinese(value, expected):
    assert format_count(value) == expected


def test_counts_in_english_use_thousands_separators():
    assert format_count(668_000, "en") == "668,000"


@pytest.mark.parametrize("value, expected", [
    (250_000_000, "2.5亿元"), (347_000_000, "3.47亿元"), (18_170_000, "1817万元"),
    (6_529_000, "652.9万元"), (3200, "3,200元"),
])
def test_money_is_written_as_officials_write_it(value, expected):
    assert format_yuan(value) == expected


def test_money_in_english():
    assert format_yuan(250_000_000, "en") == "¥250 million"
    assert format_yuan(18_170_000, "en") == "¥18.17 million"


def test_percentages_and_missing_values():
    assert format_pct(97.382) == "97.4%"
    assert format_pct(100) == "100%"
    assert format_count(None) == "—" and format_pct(math.nan) == "—" and format_yuan(None) == "—"


def test_signed_changes():
    assert format_signed("242", 242) == "+242"
    assert format_signed("3", -3) == "−3"
    assert format_signed("0", 0) == "±0"


def test_value_by_unit_kind():
    assert format_value(97.38, "pct") == "97.4%"
    assert format_value(250_000_000, "yuan") == "2.5亿元"
    assert format_value(668_000, "person_times") == "66.8万"


def test_months_as_officials_write_them():
    from dashboard.formatting import format_month
    assert format_month("2021-10") == "2021年10月"
    assert format_month("2024-04", "en") == "Apr 2024"


def test_table_columns_keep_one_number_of_decimals_throughout():
    """92.0 beside 91.9 (not 92), money in 万元 to two places, whole numbers with separators, text alone."""
    import pandas as pd

    from dashboard.charts.display import number_columns
    frame = pd.DataFrame({"count": [1200, 3], "pct": [92.0, 91.9], "wan_yuan": [1.5, 2.25],
                          "whole_floats": [3.0, 4.0], "name": ["a", "b"], "missing": [None, 97.5]})
    formats = {column: setting["type_config"]["format"] for column, setting in number_columns(frame).items()}
    assert formats == {"count": "localized", "pct": "%,.1f", "wan_yuan": "%,.2f", "whole_floats": "localized",
                       "missing": "%,.1f"}


def test_numbers_as_text_write_each_column_as_the_table_settings_show_it():
    """The text an HTML table shows: the same decimals per column as number_columns, thousands
    separators, a missing value blank, text and flags left alone, the frame itself unchanged."""
    import pandas as pd

    from dashboard.charts.display import numbers_as_text
    frame = pd.DataFrame({"count": [1200, 3], "pct": [92.0, 91.9], "wan_yuan": [1.5, 2.25],
                          "whole_floats": [3.0, 4000.0], "name": ["a", "<5"], "missing": [None, 97.5],
                          "flag": [True, False]})
    shown = numbers_as_text(frame)
    assert shown.to_dict("list") == {
        "count": ["1,200", "3"], "pct": ["92.0", "91.9"], "wan_yuan": ["1.50", "2.25"],
        "whole_floats": ["3", "4,000"], "name": ["a", "<5"], "missing": ["", "97.5"], "flag": [True, False]}
    assert frame["count"].tolist() == [1200, 3]


def test_quarters_as_officials_write_them():
    from dashboard.formatting import format_quarter
    assert format_quarter("2024-Q1") == "2024年一季度"
    assert format_quarter("2023-Q4") == "2023年四季度"
    assert format_quarter("2024-Q1", "en") == "Q1 2024"
