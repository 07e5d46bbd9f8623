"""The shared look of every chart (dashboard.charts): plain-JSON options with the title, unit, palette
and numbers as officials write them."""
import json

import numpy as np

from dashboard import charts


def test_a_chart_carries_its_title_unit_and_look():
    chart = charts.chart("惠城区 · 2023年 · 入户探访人次", "人次", height=300, legend=True,
                         xAxis={"type": "category", "data": ["2023Q1"]}, yAxis={"type": "value"},
                         series=[{"type": "bar", "data": charts.items([123456], ["12.3万"])}])
    option = json.loads(json.dumps(chart.option, ensure_ascii=False))  # plain JSON, as the page sends it
    assert chart.title == "惠城区 · 2023年 · 入户探访人次" and chart.height == 300
    assert option["title"][0]["subtext"].endswith("人次") and option["animation"] is False
    assert option["color"] == charts.PALETTE and "legend" in option
    assert option["series"][0]["data"] == [{"value": 123456, "label": {"formatter": "12.3万"},
                                            "tooltip": {"formatter": "{b}：12.3万"}}]


def test_numbers_become_plain_json():
    assert [charts.number(v) for v in (np.int64(3), np.float64(2.5), float("nan"), None, 4.0)] == \
        [3, 2.5, None, None, 4]
    assert type(charts.number(np.int64(3))) is int


def test_a_count_axis_reaching_10_wan_is_written_in_wan_in_chinese_and_in_thousands_in_english():
    """The axis speaks as the bars' labels do: 18万 beside a bar labelled 18.5万, not 180,000."""
    from dashboard.charts import visits
    import pandas as pd
    frame = pd.DataFrame({"county_code": ["441302", "441322"], "home_visit_count": [110_000, 185_000]})
    option = visits.by_code(frame, "county_code", "county", "home_visit_count", "入户探访", "zh").option
    assert option["xAxis"]["axisLabel"] == {"formatter": "{value}万"}
    assert [item["value"] for item in option["series"][0]["data"]] == [11, 18.5]
    assert [item["label"]["formatter"] for item in option["series"][0]["data"]] == ["11万", "18.5万"]
    english = visits.by_code(frame, "county_code", "county", "home_visit_count", "Home visits", "en").option
    # In English, in thousands (written out, the labels of a half-width chart overlapped and some were
    # dropped); the bars' labels keep the exact figures.
    assert english["xAxis"]["axisLabel"] == {"formatter": "{value}k"} and english["xAxis"]["splitNumber"] == 4
    assert [item["value"] for item in english["series"][0]["data"]] == [110, 185]
    assert [item["label"]["formatter"] for item in english["series"][0]["data"]] == ["110,000", "185,000"]
    below = visits.by_code(frame.assign(home_visit_count=[30_000, 99_999]), "county_code", "county",
                           "home_visit_count", "Home visits", "en").option
    assert "axisLabel" not in below["xAxis"] and below["series"][0]["data"][1]["value"] == 99_999
    small = visits.by_code(frame.assign(home_visit_count=[30_000, 99_999]), "county_code", "county",
                           "home_visit_count", "入户探访", "zh").option
    assert "axisLabel" not in small["xAxis"] and small["series"][0]["data"][1]["value"] == 99_999
