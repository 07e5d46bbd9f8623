"""Importing the social-assistance exports (monitored population, risk warnings, requests by code):
the template's own example row loads on both databases; bad rows change nothing."""
import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import schema
from dashboard.importing import import_file, templates
from queries import registers, social_assistance

DATASETS = {"monitored_population": "monitored_population_monthly",
            "risk_warnings": "risk_warnings_monthly", "assistance_requests": "assistance_requests_monthly"}


@pytest.fixture
def engine(fresh_db):
    """A new demo-loaded database of each backend (conftest's fresh_db)."""
    return fresh_db


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[table])).scalar()


def template_rows(dataset: str) -> pd.DataFrame:
    return templates.template_frame(dataset, "zh").astype(str)  # cells as text, as in a file


def as_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_template_example_loads_and_replaces_the_demo(engine, dataset):
    result = import_file(dataset, templates.template_csv(dataset), f"{dataset}.csv", engine=engine)
    assert result.outcome == "loaded" and result.new == 1, result.problems
    assert count(engine, DATASETS[dataset]) == 1
    flags = registers.datasets().set_index("dataset_name")["is_demo"]
    assert not flags[dataset]


def test_the_page_figures_follow_an_import(engine):
    before = social_assistance.monitored_population_at()  # cached, as on the page
    import_file("monitored_population", as_csv(template_rows("monitored_population")), "m.csv", engine=engine)
    after = social_assistance.monitored_population_at()
    assert before.iloc[0].tolist() == ["2024-05", 119_700]  # the demo's latest month
    assert after.iloc[0].tolist() == ["2024-05", 420]  # the imported file replaced the demo


@pytest.mark.parametrize("dataset, column, value", [
    ("risk_warnings", "数据来源部门", "气象局"),          # not one of the eight departments
    ("risk_warnings", "预警条数", "-3"),                 # a negative count
    ("assistance_requests", "镇街", "不存在镇"),          # no such township
    ("assistance_requests", "提交月份", "2024-13"),       # no such month
    ("monitored_population", "监测对象类别", "13800138000"),  # a mobile number: personal data
])
def test_a_bad_row_rejects_the_file_and_changes_nothing(engine, dataset, column, value):
    before = count(engine, DATASETS[dataset])
    rows = template_rows(dataset)
    rows.loc[0, column] = value
    result = import_file(dataset, as_csv(rows), "bad.csv", engine=engine)
    assert result.outcome == "rejected" and result.problems
    assert count(engine, DATASETS[dataset]) == before
