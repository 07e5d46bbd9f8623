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
