"""Every page through Streamlit's AppTest: it renders, in both languages, with data and without."""
import pytest

from tests.app_support import PAGE_PATHS, open_page
from tests import metric_support


@pytest.mark.parametrize("url_path", PAGE_PATHS)
def test_every_page_renders_without_exception(demo_db, url_path):
    at = open_page(url_path)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title


def test_overview_shows_the_published_headlines(demo_db):
    at = open_page("city-overview")
    values = metric_support.values(at)
    assert values["乡镇（街道）社工站"] == "75"
    assert values["村（社区）社工点"] == "362"
    assert values["义务教育阶段特教学生"] == "3,013"
    assert values["累计入户探访"] == "66.8万"
    assert values["适老化改造户数"] == "2,439"
    assert values["募集慈善资金"] == "2.5亿元" and values["拨付慈善资金"] == "3.47亿元"
    assert any("示例数据" in w.value for w in at.warning)
    assert any("惠市民政案〔2024〕23号" in c.value for c in at.caption)


def test_a_running_total_names_the_quarters_its_change_compares(demo_db):
    """Under a total since the programme began, the change is the latest full quarter's on the one
    before, and says so: a bare "on the previous quarter" read as if the total itself had fallen."""
    deltas = {card.label: card.delta for card in metric_support.cards(open_page("city-overview"))}
    assert deltas["累计入户探访"] == "↓ 2024年一季度环比 −7,157"
    english = {card.label: card.delta for card in metric_support.cards(open_page("city-overview", language="en"))}
    assert english["Home visits"] == "↓ Q1 2024: −7,157 on Q4 2023"


def test_overview_dates_the_demo_station_register_as_the_published_figures(demo_db):
    # The demo's station totals are the letter's figures (as of the end of 2023), not today's register.
    at = open_page("city-overview")
    station_source = next(c.value for c in at.caption if "社会工作服务站数" in c.value)
    assert "数据截至：2023-12-31" in station_source


def test_overview_shows_targets_with_status_in_words(demo_db):
    at = open_page("city-overview")
    badges = " ".join(card.badge for card in metric_support.cards(at) if card.badge)
    assert "97%" in badges and "90%" in badges
    assert "已达标" in badges and "未达标" in badges


def test_overview_in_english(demo_db):
    at = open_page("city-overview", language="en")
    values = metric_support.values(at)
    assert values["Home visits"] == "668,000"
    assert values["Charity raised"] == "¥250 million"
    assert at.title[0].value == "Overview"


def test_overview_on_an_empty_database_explains_instead_of_failing(empty_db):
    at = open_page("city-overview")
    assert not at.exception
    assert any("暂无数据" in info.value for info in at.info)
    assert not at.warning  # no demo banner when nothing is demo


def test_no_url_path_equals_a_page_file_name():
    """Streamlit's legacy pages/ routing would run such a file directly, skipping the router's sign-in
    and role checks."""
    from pathlib import Path
    import streamlit_app
    stems = {p.stem for p in (Path(__file__).resolve().parent.parent / "pages").glob("*.py")}
    paths = [entry[2] for entry in streamlit_app.PAGES]
    assert paths and not stems & set(paths)


def test_no_page_relies_on_streamlit_magic():
    """.streamlit/config.toml turns magic off (runner.magicEnabled = false): a bare expression in a page
    script would silently show nothing, so none may exist (docstrings aside)."""
    import ast
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    scripts = [root / "streamlit_app.py", *sorted((root / "pages").glob("*.py"))]
    bare = []
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await, ast.Yield,
                                                                          ast.YieldFrom)):
                if not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                    bare.append(f"{script.name}:{node.lineno}")
    assert len(scripts) > 5 and bare == []
    assert "magicEnabled = false" in (root / ".streamlit" / "config.toml").read_text(encoding="utf-8")


def test_overview_arrows_follow_the_change_not_the_first_character(demo_db):
    """Our deltas start with words (2024年一季度环比 −7,157): each card's arrow and colour come from the change,
    so a fall shows a red down arrow."""
    at = open_page("city-overview")
    changes = [card for card in metric_support.cards(at) if card.delta]
    assert len(changes) >= 5
    falls = [card for card in changes if "−" in card.delta]
    rises = [card for card in changes if "+" in card.delta]
    assert falls and rises and len(falls) + len(rises) == len(changes)
    assert all(card.direction == "down" and card.delta.startswith("↓") for card in falls)
    assert all(card.direction == "up" and card.delta.startswith("↑") for card in rises)
