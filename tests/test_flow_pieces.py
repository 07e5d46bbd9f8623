"""Pure pieces of the flow pages on hand-made inputs: the period filter, the Sankey links and their
balance, the suppression of small township counts, the balance chart's note."""
import pandas as pd
import pytest

from dashboard import blocks, charity_flows
from dashboard.charts import charity as charity_charts
from dashboard.charts import renovations as renovation_charts
from dashboard.filters import Period, parse_period


@pytest.mark.parametrize("raw_from, raw_to, expected, invalid", [
    (None, None, (2019, 2023), False),
    ("2021", "2022", (2021, 2022), False),
    ("2015", "2030", (2019, 2023), False),   # clamped to the years with data
    ("2021", None, (2021, 2023), False),
    ("2023", "2021", (2019, 2023), True),    # from after to
    ("20x1", "2022", (2019, 2023), True),    # not a year
    ("", "", (2019, 2023), False),
])
def test_parse_period(raw_from, raw_to, expected, invalid):
    period, was_invalid = parse_period(raw_from, raw_to, 2019, 2023)
    assert (period.start_year, period.end_year) == expected
    assert was_invalid is invalid


def test_period_gives_dates_and_months():
    period = Period(2021, 2022)
    assert (period.start_date.isoformat(), period.end_date.isoformat()) == ("2021-01-01", "2022-12-31")
    assert (period.start_month, period.end_month) == ("2021-01", "2022-12")


def test_as_of_is_the_earlier_of_period_end_and_last_record():
    assert blocks.as_of(Period(2021, 2024), "2024-04-30") == "2024-04-30"
    assert blocks.as_of(Period(2021, 2022), "2024-04-30") == "2022-12-31"
    assert [blocks.quarter_end(q) for q in ("2024-Q1", "2024-Q2", "2023-Q4")] == ["2024-03-31", "2024-06-30",
                                                                                    "2023-12-31"]
    assert blocks.month_end("2024-02") == "2024-02-29" and blocks.month_end("2023-12") == "2023-12-31"


def _three_organisations():
    balances = pd.DataFrame({
        "organisation_code": ["A", "B", "C"],
        "opening_balance_yuan": [10, 0, 5], "raised_yuan": [100, 50, 5],
        "disbursed_yuan": [90, 40, 8], "closing_balance_yuan": [20, 10, 2]})
    raised = pd.DataFrame({"organisation_code": ["A", "A", "B", "C"],
                           "source_type": ["enterprise", "individual", "enterprise", "other"],
                           "amount_yuan": [70, 30, 50, 5]})
    disbursed = pd.DataFrame({"organisation_code": ["A", "B", "B", "C"],
                              "programme_code": ["serious_illness", "serious_illness", "child_welfare",
                                                 "child_welfare"],
                              "amount_yuan": [90, 10, 30, 8]})
    destinations = pd.DataFrame({"programme_code": ["serious_illness", "child_welfare", "child_welfare"],
                                 "destination_code": ["441302", "441302", "441303"],
                                 "amount_yuan": [100, 20, 18]})
    return balances, raised, disbursed, destinations


def test_sankey_merges_the_smaller_organisations_and_balances_every_node():
    links = charity_flows.sankey_links(*_three_organisations(), top_n=1)
    organisations = set(links.loc[links["target_kind"] == "organisation", "target_code"])
    assert organisations == {"A", charity_flows.OTHER}
    other_in = links[(links["target_kind"] == "organisation") & (links["target_code"] == "other")]
    assert other_in["amount_yuan"].sum() == 0 + 50 + 5 + 5  # B and C: opening + raised
    nodes = charity_flows.node_imbalances(links)
    assert len(nodes) == 4 and (nodes["imbalance_yuan"] == 0).all()


def test_node_imbalances_reveal_money_that_vanishes():
    balances, raised, disbursed, destinations = _three_organisations()
    short = destinations.assign(amount_yuan=[100, 20, 10])  # 8 of child welfare goes nowhere
    nodes = charity_flows.node_imbalances(charity_flows.sankey_links(balances, raised, disbursed, short))
    imbalance = nodes.set_index("code")["imbalance_yuan"]
    assert imbalance["child_welfare"] == 8 and imbalance["serious_illness"] == 0


def test_township_table_hides_small_counts_and_their_spending():
    # 3 is hidden; 12 is hidden too, or the 3 could be worked out from the county total (secondary).
    frame = pd.DataFrame({"county_code": ["441302"] * 3, "township_code": ["1", "2", "3"],
                          "township_name_zh": ["甲镇", "乙镇", "丙镇"], "household_count": [12, 3, 40],
                          "cost_yuan": [60_000, 15_000, 200_000]})
    shown = renovation_charts.township_table(frame, "zh")
    assert shown.iloc[:, 2].tolist() == ["<5", "<5", "40"]
    assert shown.iloc[2, 3] == 20.0 and pd.isna(shown.iloc[1, 3]) and pd.isna(shown.iloc[1, 4])


def test_balance_chart_explains_a_year_that_disbursed_more_than_it_raised():
    frame = pd.DataFrame({"year": ["2022", "2023"], "opening_balance_yuan": [100, 150],
                          "raised_yuan": [200, 100], "disbursed_yuan": [150, 200],
                          "closing_balance_yuan": [150, 50]})
    option = charity_charts.balance_waterfall(frame, "t", "zh").option
    notes = [title["text"] for title in option["title"][1:]]
    assert len(notes) == 1 and "2023" in notes[0] and "2022" not in notes[0]
    assert option["xAxis"]["data"] == ["2022年初结余", "2022募集", "2022拨付", "2022年末结余",
                                       "2023募集", "2023拨付", "2023年末结余"]
    base, bars = (series["data"] for series in option["series"] if series["type"] == "bar")
    # Raised rises from the balance, disbursed falls from it, balances stand on the axis (in 亿元).
    assert [b * 1e8 for b in base] == pytest.approx([0, 100, 150, 0, 150, 50, 0])
    assert [b["value"] * 1e8 for b in bars] == pytest.approx([100, 200, 150, 150, 100, 200, 50])


def test_sankey_keeps_a_source_and_a_destination_both_called_other_apart():
    # The smaller organisations merge into 其他慈善组织, a source type is 其他, and so is a group.
    balances, raised, disbursed, destinations = _three_organisations()
    destinations = destinations.assign(destination_code=["other", "441302", "441303"])
    links = charity_flows.sankey_links(balances, raised, disbursed, destinations, top_n=1)
    series = charity_charts.sankey(links, {"A": "甲基金会"}, "group", "t", "zh").option["series"][0]
    nodes = {node["id"]: node for node in series["data"]}
    assert nodes["source:other"]["label"]["formatter"] == "其他"
    assert nodes["destination:other"]["label"]["formatter"] == "其他"
    assert nodes["organisation:A"]["label"]["formatter"] == "甲基金会"
    assert {link["source"] for link in series["links"]} | {link["target"] for link in series["links"]} == set(nodes)
    assert nodes["organisation:A"]["tooltip"]["formatter"] == "甲基金会：110元"  # opening 10 + raised 100


def test_aim_bars_grow_with_their_rows_and_write_each_share_of_the_households():
    aims = pd.DataFrame({"aim_code": ["bathroom_safety", "walking_indoors", "smart_monitoring"],
                         "household_count": [80, 50, 10]})
    few = renovation_charts.households_by_code(aims.head(2), "aim", "t", "zh", total_households=100)
    chart = renovation_charts.households_by_code(aims, "aim", "t", "zh", total_households=100)
    assert chart.height > few.height
    bars = chart.option["series"][0]["data"]
    # Read from the bottom up: the largest on top.
    assert [bar["value"] for bar in bars] == [10, 50, 80]
    assert [bar["label"]["formatter"] for bar in bars] == ["10（10%）", "50（50%）", "80（80%）"]


def test_spending_axes_share_their_round_steps():
    frame = pd.DataFrame({"year": [2022, 2023], "county_code": ["441302", "441302"],
                          "household_count": [600, 700], "cost_yuan": [3_176_000, 3_591_000]})
    left, right = renovation_charts.spending_by_year(frame, "t", "zh").option["yAxis"]
    assert left["max"] >= 359.1 * 1.7 and right["max"] >= 5_300 * 1.15
    assert left["max"] / left["interval"] == right["max"] / right["interval"]


def test_names_in_chart_tooltips_are_escaped():
    """ECharts writes tooltips as HTML: an imported organisation called <img onerror> stays text."""
    balances, raised, disbursed, destinations = _three_organisations()
    links = charity_flows.sankey_links(balances, raised, disbursed, destinations, top_n=1)
    hostile = "<img src=x onerror=alert(1)>"
    series = charity_charts.sankey(links, {"A": hostile}, "group", "t", "zh").option["series"][0]
    tooltips = [item["tooltip"]["formatter"] for item in series["data"] + series["links"]]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in text for text in tooltips)
    assert not any("<img" in text for text in tooltips)
    assert [item["label"]["formatter"] for item in series["data"] if item["id"] == "organisation:A"] == [hostile]


def test_a_count_column_with_suppressed_values_is_right_aligned_and_a_code_column_is_not():
    from dashboard.charts.display import number_columns
    frame = pd.DataFrame({"乡镇（街道）代码": ["441322106", "441303110"], "未办结预警（条）": ["11", "<5"],
                          "最长未办结天数": [466, 441]})
    settings = number_columns(frame)
    assert settings["未办结预警（条）"]["alignment"] == "right"
    assert "乡镇（街道）代码" not in settings
    assert settings["最长未办结天数"]["type_config"]["type"] == "number"


def test_a_fund_without_township_or_date_shows_a_dash_there():
    funds = pd.DataFrame([{"fund_code": "F1", "fund_name_zh": "龙门县社区基金", "county_code": "441324",
                           "township_name_zh": None, "established_on": None, "raised_yuan": 85000.5,
                           "micro_project_count": 0}])
    table = charity_charts.funds_table(funds, "zh")
    assert table.iloc[0].tolist()[:4] == ["龙门县社区基金", "龙门县", "—", "—"]
