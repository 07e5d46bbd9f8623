"""The import path: bad files rejected with their message and nothing changed; valid files accepted in
every encoding and format; upsert counts, demo flag, audit, freshness, CLI and page verdicts."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import cli, db, migrate, schema
from dashboard.demo import load_demo
from dashboard.i18n import t
from dashboard.importing import import_file, reading, report, templates
from tests import import_corpus as corpus
from tests.app_support import signed_in_app
from tests.table_support import tables
from tests.conftest import BACKENDS, _fresh_database

DATA_TABLES = [t for t in schema.metadata.sorted_tables if t.name not in ("import_audit",)]


@pytest.fixture(scope="module", params=BACKENDS)
def import_database_url(request, tmp_path_factory):
    """A demo-loaded database of each backend that the tests of this module may write to."""
    url, drop = _fresh_database(request.param, tmp_path_factory)
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    yield url
    drop()


@pytest.fixture
def import_db(import_database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", import_database_url)
    return db.get_engine(import_database_url)


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()
                for table in DATA_TABLES}


def audit_rows(engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(sa.select(schema.import_audit)
                                         .order_by(schema.import_audit.c.audit_id)).mappings().all())


# ---- the corpus of bad files --------------------------------------------------------------------
BAD = corpus.bad_files()


def test_the_corpus_covers_every_dataset_with_at_least_thirty_files():
    assert len(BAD) >= 30
    assert {b.dataset for b in BAD} == set(templates.DATASETS)


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_bad_file_is_rejected_with_its_message_and_changes_nothing(import_db, monkeypatch, bad):
    for name, value in bad.settings.items():
        monkeypatch.setenv(name, value)
    before, version = row_counts(import_db), db.current_data_version(import_db)
    result = import_file(bad.dataset, bad.content, f"{bad.name}.csv", sheet=bad.sheet, engine=import_db)
    assert result.outcome == "rejected"
    assert bad.expected in {p.key for p in result.problems}, [(p.key, p.value) for p in result.problems]
    problem = next(p for p in result.problems if p.key == bad.expected)
    text = report.to_text(result, "zh")
    assert report.message(problem.key, problem.params, "zh", bad.dataset) in text
    if problem.row is not None:
        assert f"行号 {problem.row}" in text
    assert row_counts(import_db) == before
    assert db.current_data_version(import_db) == version
    last = audit_rows(import_db).iloc[-1]
    assert (last["outcome"], last["file_sha256"]) == ("rejected", hashlib.sha256(bad.content).hexdigest())


def test_report_points_at_the_spreadsheet_row_and_masks_personal_numbers(import_db):
    content = corpus.csv_bytes(corpus.frame("visits").assign(统计月份=["2024-05", "2024-99"]), title="月报")
    result = import_file("visits", content, "v.csv", engine=import_db)
    # title row 1, header row 2, data rows 3 and 4
    assert [(p.row, p.column, p.value, p.key) for p in result.problems] == [(4, "month", "2024-99", "value.month")]
    phone = import_file("visits", corpus._set("visits", "站点编码", "13812345678"), "p.csv", engine=import_db)
    assert {p.value for p in phone.problems if p.column == "station_code"} == {"138******78"}


def test_report_downloads_as_xlsx_with_the_problems_in_the_users_language(import_db):
    result = import_file("visits", corpus._set("visits", "探访人次", "=1+1"), "v.csv", engine=import_db)
    sheet = pd.read_excel(__import__("io").BytesIO(report.to_xlsx(result, "en")), header=2, dtype=str)
    assert list(sheet.columns) == ["Row", "Column", "Value", "Problem"]
    assert sheet.iloc[0].tolist() == ["2", "home_visits", "'=1+1", t("value.int", "en")]


# ---- valid files ----------------------------------------------------------------------------------
VARIANTS = [(d, v) for d in templates.DATASETS for v in corpus.valid_variants(d)]


@pytest.mark.parametrize(("dataset", "variant"), VARIANTS, ids=[f"{d}-{v}" for d, v in VARIANTS])
def test_valid_file_is_accepted_in_every_encoding_and_format(import_db, dataset, variant):
    content, sheet = corpus.valid_variants(dataset)[variant]
    before = row_counts(import_db)
    result = import_file(dataset, content, f"{dataset}.{variant}", dry_run=True, sheet=sheet, engine=import_db)
    assert result.outcome == "dry_run", report.to_text(result, "en")
    assert result.rows_total == 2 and result.new + result.changed + result.unchanged == 2
    assert row_counts(import_db) == before


def test_every_dataset_loads_and_reloads_as_unchanged(fresh_db):
    for dataset in templates.DATASETS:  # stations first: the visits then name the new stations
        table = corpus.frame(dataset)
        if dataset in ("visits", "service_recipients"):
            table["站点编码"] = "HZ-T001"
        content = corpus.csv_bytes(table, "gbk")
        first = import_file(dataset, content, "f.csv", engine=fresh_db)
        assert first.outcome == "loaded", report.to_text(first, "en")
        again = import_file(dataset, content, "f.csv", engine=fresh_db)
        assert (again.new, again.changed, again.unchanged) == (0, 0, 2)
    with fresh_db.connect() as conn:
        flags = dict(conn.execute(sa.select(schema.datasets.c.dataset_name, schema.datasets.c.is_demo)).all())
    assert not any(flags[d] for d in templates.DATASETS)
    assert flags["places"]  # other datasets keep their demo flag


# ---- upsert, dry run, audit, demo flag ----------------------------------------------------------
def test_import_replaces_demo_rows_then_upserts_by_natural_key(fresh_db):
    rows = corpus.VALID_ROWS["special_education_resources"]
    first = import_file("special_education_resources", corpus.csv_bytes(corpus.frame(
        "special_education_resources")), "r.csv", engine=fresh_db, actor="tester")
    assert (first.new, first.changed, first.unchanged) == (2, 0, 0)
    changed = [dict(rows[0], 资源教室数="26"), rows[1], dict(rows[1], 县区="博罗县")]
    dry = import_file("special_education_resources", corpus.csv_bytes(corpus.frame("x", changed)), "r2.csv",
                      dry_run=True, engine=fresh_db, actor="tester")
    assert (dry.outcome, dry.new, dry.changed, dry.unchanged) == ("dry_run", 1, 1, 1)
    loaded = import_file("special_education_resources", corpus.csv_bytes(corpus.frame("x", changed)), "r2.csv",
                         engine=fresh_db, actor="tester")
    assert (loaded.new, loaded.changed, loaded.unchanged) == (1, 1, 1)
    with fresh_db.connect() as conn:
        held = conn.execute(sa.select(schema.special_education_resources.c.county_code,
                                      schema.special_education_resources.c.resource_classroom_count)
                            .order_by(schema.special_education_resources.c.county_code)).all()
        flag = conn.execute(sa.select(schema.datasets.c.is_demo, schema.datasets.c.row_count).where(
            schema.datasets.c.dataset_name == "special_education_resources")).one()
    assert held == [("441302", 26), ("441322", 9), ("441324", 9)]
    assert (bool(flag[0]), flag[1]) == (False, 3)
    audit = audit_rows(fresh_db).tail(2)
    assert audit[["actor", "action", "outcome", "rows_new", "rows_changed", "rows_unchanged"]].values.tolist() == [
        ["tester", "dry_run", "dry_run", 1, 1, 1], ["tester", "import", "loaded", 1, 1, 1]]
    assert audit["file_name"].tolist() == ["r2.csv", "r2.csv"]


def test_stations_are_converted_to_wgs84_and_their_villages_assigned(fresh_db):
    result = import_file("stations", corpus.csv_bytes(corpus.frame("stations")), "s.csv", engine=fresh_db)
    assert result.outcome == "loaded", report.to_text(result, "en")
    with fresh_db.connect() as conn:
        point = conn.execute(sa.select(schema.stations.c.lon, schema.stations.c.lat, schema.stations.c.is_benchmark)
                             .where(schema.stations.c.station_code == "HZ-T002")).one()
        assigned = conn.execute(sa.select(schema.village_assignments.c.station_code).where(
            schema.village_assignments.c.village_code == "441302001001")).scalar()
    from geo.coordinates import gcj02_to_wgs84
    expected = gcj02_to_wgs84(114.4262, 23.1125)
    assert point[0] == pytest.approx(expected[0], abs=1e-6) and point[1] == pytest.approx(expected[1], abs=1e-6)
    assert abs(point[0] - 114.4262) > 0.003 and not point[2]
    assert assigned == "HZ-T002"


def test_renovation_items_are_replaced_per_household(fresh_db):
    rows = corpus.VALID_ROWS["renovations"]
    import_file("renovations", corpus.csv_bytes(corpus.frame("renovations")), "r.csv", engine=fresh_db)
    fewer = [dict(rows[0], 改造内容="智能安全监护"), rows[1]]
    result = import_file("renovations", corpus.csv_bytes(corpus.frame("x", fewer)), "r.csv", engine=fresh_db)
    assert (result.new, result.changed, result.unchanged) == (0, 1, 1)
    with fresh_db.connect() as conn:
        items = conn.execute(sa.select(schema.renovation_items.c.aim_code).where(
            schema.renovation_items.c.household_ref == "HC-2024-0001")).scalars().all()
    assert items == ["smart_monitoring"]


def test_charity_flows_register_new_organisations_and_update_amounts_in_place(fresh_db):
    rows = corpus.VALID_ROWS["charity_flows"]
    first = import_file("charity_flows", corpus.csv_bytes(corpus.frame("charity_flows")), "c.csv", engine=fresh_db)
    assert first.demo_rows_replaced > 0
    assert ("notice.new_organisations", {"count": 1, "names": ["惠州市慈善总会"]}) in first.notices
    corrected = [dict(rows[0], **{"金额（元）": "55000"}), rows[1]]
    again = import_file("charity_flows", corpus.csv_bytes(corpus.frame("x", corrected)), "c.csv", engine=fresh_db)
    assert (again.new, again.changed, again.unchanged) == (0, 1, 1)
    with fresh_db.connect() as conn:
        flows = conn.execute(sa.select(sa.func.count(), sa.func.sum(schema.charity_flows.c.amount_yuan))).one()
        organisations = conn.execute(sa.select(schema.charity_organisations.c.name_zh)).scalars().all()
    assert (flows[0], float(flows[1])) == (2, 67000.0)
    assert organisations == ["惠州市慈善总会"]


def test_after_an_import_the_cached_query_returns_the_new_figure(fresh_db):
    from queries._run import run
    sql = "SELECT SUM(resource_classroom_count) AS classroom_count FROM special_education_resources"
    run(sql)  # cached under the current data version
    rows = [{"学年": "2023", "县区": "惠城区", "资源中心数": "1", "资源教室数": "40"},
            {"学年": "2023", "县区": "惠阳区", "资源中心数": "1", "资源教室数": "2"}]
    assert import_file("special_education_resources", corpus.csv_bytes(corpus.frame("x", rows)), "r.csv",
                       engine=fresh_db).outcome == "loaded"
    total = run(sql)["classroom_count"].iloc[0]
    with fresh_db.connect() as conn:
        held = conn.execute(sa.text(sql)).scalar()
    assert total == held == 42


def test_postgresql_bulk_path_counts_like_the_row_path(fresh_db, monkeypatch):
    if fresh_db.dialect.name != "postgresql":
        pytest.skip("the COPY path is PostgreSQL's")
    monkeypatch.setenv("IMPORT_BULK_ROWS", "1")
    rows = corpus.VALID_ROWS["visits"]
    first = import_file("visits", corpus.csv_bytes(corpus.frame("visits")), "v.csv", engine=fresh_db)
    assert first.outcome == "loaded"
    changed = [dict(rows[0], 探访人次="121"), rows[1], dict(rows[1], 统计月份="2024-07")]
    dry = import_file("visits", corpus.csv_bytes(corpus.frame("x", changed)), "v.csv", dry_run=True, engine=fresh_db)
    loaded = import_file("visits", corpus.csv_bytes(corpus.frame("x", changed)), "v.csv", engine=fresh_db)
    assert (dry.new, dry.changed, dry.unchanged) == (loaded.new, loaded.changed, loaded.unchanged) == (1, 1, 1)
    with fresh_db.connect() as conn:
        visits = conn.execute(sa.select(sa.func.sum(schema.visits_monthly.c.home_visit_count)).where(
            schema.visits_monthly.c.station_code == corpus.STATION,
            schema.visits_monthly.c.month.in_(["2024-05", "2024-06", "2024-07"]))).scalar()
    assert visits == 121 + 80 + 80


# ---- CLI and page ---------------------------------------------------------------------------------
def test_cli_exit_codes(fresh_db, tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(corpus.csv_bytes(corpus.frame("visits")))
    bad.write_bytes(corpus._set("visits", "探访人次", "-1"))
    assert cli.main(["import", "--dataset", "visits", str(good), "--dry-run"]) == 0
    assert cli.main(["import", "--dataset", "visits", str(bad), "--language", "en"]) == 1
    assert "Row 2 · home_visits “-1”: Cannot be negative." in capsys.readouterr().out
    for argv in (["import", "--dataset", "nope", str(good)], ["import", "--dataset", "visits", str(tmp_path / "x")],
                 ["import", str(good)]):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == 2


def page_verdict(content: bytes, file_name: str, dataset: str) -> tuple[bool, str]:
    at = signed_in_app("data_officer", "zh").run()
    at.switch_page("pages/data_management.py").run()
    at.selectbox(key="dataset").select_index(templates.DATASETS.index(dataset)).run()
    at.file_uploader[0].set_value((file_name, content, "text/csv")).run()
    at.button(key="dry_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    if at.success:
        return True, at.success[0].value
    return False, at.error[0].value


@pytest.mark.parametrize("name", ["good", "bad"])
def test_cli_and_page_give_the_same_verdict_on_the_same_file(fresh_db, tmp_path, capsys, name):
    content = corpus.csv_bytes(corpus.frame("visits")) if name == "good" else corpus._set("visits", "个案数", "x")
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    code = cli.main(["import", "--dataset", "visits", str(path), "--dry-run", "--language", "zh"])
    printed = capsys.readouterr().out.splitlines()[0]
    accepted, shown = page_verdict(content, path.name, "visits")
    assert (code == 0) == accepted == (name == "good")
    assert shown == printed


def test_data_management_page_renders_in_english_with_history(fresh_db):
    import_file("visits", corpus._set("visits", "个案数", "x"), "bad.csv", engine=fresh_db)
    at = signed_in_app("data_officer", "en").run()
    at.switch_page("pages/data_management.py").run()
    assert not at.exception
    assert at.title[0].value == "Data management"
    assert any("Rejected" in str(frame.value.to_dict()) for frame in at.dataframe)
    # The datasets' status is an HTML table: visits (just rejected) still demo, every dataset listed.
    status = tables(at)["Status of the datasets"]
    assert len(status) == len(templates.DATASETS) + 1  # and the township boundaries
    assert status.iloc[-1]["Dataset"] == "Township boundaries" and status.iloc[-1]["Status"] == "Demo"
    visits = status[status["Dataset"] == "Home visits"].iloc[0]
    assert visits["Status"] == "Demo" and visits["Rows"] != ""


def test_a_file_rejected_on_the_page_shows_in_its_history_at_once(fresh_db):
    """A rejection changes no data (so no data version), yet the history under the report lists it in the
    same run: the history is read uncached, like the administration log."""
    at = signed_in_app("data_officer", "zh").run()
    at.switch_page("pages/data_management.py").run()
    assert [i.value for i in at.info] == ["还没有导入记录。"]  # the history, read before the upload
    at.selectbox(key="dataset").select_index(templates.DATASETS.index("visits")).run()
    at.file_uploader[0].set_value(("bad.csv", corpus._set("visits", "个案数", "x"), "text/csv")).run()
    at.button(key="import").click().run()
    assert not at.exception and at.error
    history = at.dataframe[-1].value
    assert history.iloc[0].tolist()[3:5] == ["入户探访", "bad.csv"] and "已拒绝" in history.iloc[0].tolist()


def test_township_boundaries_load_from_the_page(fresh_db):
    from tests.test_boundary_import import geojson_bytes, stored
    at = signed_in_app("data_officer", "zh").run()
    at.switch_page("pages/data_management.py").run()
    at.selectbox(key="dataset").select_index(len(templates.DATASETS)).run()
    assert [s.label for s in at.selectbox] == ["数据集", "坐标系"]  # no template, sheet or dry run here
    at.file_uploader[0].set_value(("towns.geojson", geojson_bytes(), "application/geo+json")).run()
    at.selectbox(key="boundary_crs").select_index(1).run()  # WGS84
    at.button(key="dry_run_boundaries").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["试运行通过（未写入）：文件有 2 个乡镇（街道）边界，导入将新增 0 个，"
                                             "更新 2 个，未变 0 个。"]
    assert [i.value for i in at.info] == ["导入后将替换全部示意边界。"]
    assert len([w for w in at.warning if "不在文件中：导入后它们将没有边界" in w.value]) == 1
    history = at.dataframe[-1].value
    assert history.iloc[0].tolist()[2:5] == ["试运行", "乡镇（街道）边界", "towns.geojson"]
    assert stored(fresh_db)[1] is True  # still the demo's boundaries
    at.button(key="import_boundaries").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["已导入 2 个乡镇（街道）边界：新增 0 个，更新 2 个，未变 0 个。"]
    assert any("示意边界已被替换" in i.value for i in at.info)
    assert len([w for w in at.warning if "不在文件中，已没有边界" in w.value]) == 1
    history = at.dataframe[-1].value
    assert history.iloc[0].tolist()[3:5] == ["乡镇（街道）边界", "towns.geojson"] and "已导入" in history.iloc[0].tolist()


# ---- reading, by hand-made inputs ---------------------------------------------------------------
def test_three_date_forms_and_months_and_school_years():
    dates = reading.to_date(pd.Series(["2024-05-13", "2024/5/13", "2024年5月13日", "2024-02-30", "13/05/2024"]))
    assert dates.tolist()[:3] == [dt.date(2024, 5, 13)] * 3 and dates.isna().tolist()[3:] == [True, True]
    assert reading.to_month(pd.Series(["2024-05", "2024/5", "2024年5月", "2024-13"])).tolist()[:3] == ["2024-05"] * 3
    assert reading.to_year(pd.Series(["2023", "2023-2024", "2023学年", "23"])).tolist()[:3] == [2023] * 3


def test_the_preview_shows_a_blank_cell_blank_under_the_users_headers():
    from dashboard.importing import preview
    first_rows = preview("community_funds", corpus.csv_bytes(corpus.frame("community_funds")))
    shown = report.preview_table(first_rows, "community_funds", "zh")
    assert shown.loc[1, "镇街"] == "" and shown.loc[1, "成立日期"] == "" and shown.loc[0, "镇街"] == "桥东街道"


def test_quarters_in_the_forms_officials_write_them():
    quarters = reading.to_quarter(pd.Series(["2024-Q2", "2024Q2", "2024 q2", "2024年第二季度", "2024年第2季度",
                                             "2024年二季度", "2024-Q5", "2024年第五季度", "2024-05", "Q2"]))
    assert quarters.tolist()[:6] == ["2024-Q2"] * 6 and quarters.isna().tolist()[6:] == [True] * 4


def test_fullwidth_yes_no_and_encodings():
    assert reading.to_halfwidth("１２３，４５６．５　（元）") == "123,456.5 (元)"
    assert reading.to_bool(pd.Series(["是", "否", "Y", "n", "x"])).tolist()[:4] == [True, False, True, False]
    assert reading.decode("惠城区".encode("gbk")) == ("惠城区", "gb18030")
    assert reading.decode("\ufeff惠城区".encode("utf-8")) == ("惠城区", "utf-8-sig")


def test_templates_are_read_back_by_the_importer():
    for dataset in templates.DATASETS:
        for content in (templates.template_xlsx(dataset), templates.template_csv(dataset)):
            table = reading.read_table(content, templates.TEMPLATES[dataset])
            assert not table.header_problems and len(table.frame) == 1
        assert templates.template_csv(dataset).startswith(b"\xef\xbb\xbf")


def _large_visits_file() -> bytes:
    """About 1.4 MB of visits (Arrow's parser reads files over 1 MB) with a problem of each kind at
    known file rows, and one row in full-width digits that is fine."""
    groups = ["特殊困难老年人", "低保对象", "困境儿童", "残疾人"]
    lines = ["统计月份,站点编码,服务对象类别,探访人次,个案数,服务人次\n"]
    lines += [f"{2000 + i % 300 // 12}-{i % 12 + 1:02d},T{i // 300:03d},{groups[i % 4]},{i % 50},1,{i % 70}\n"
              for i in range(40_000)]
    lines[2] = "2099-01,T000,低保对象,1,1,1\n"  # future month (file row 3)
    lines[5] = lines[5].rsplit(",", 1)[0] + ",-4\n"  # negative people served (row 6)
    lines[7] = lines[7].replace(",1,", ",１,", 1)  # full-width digit (row 8): fine
    lines[9] = lines[8]  # duplicates row 9 (row 10)
    lines[11] = lines[11].replace("T000", "X999")  # unknown station (row 12)
    lines[13] = lines[13].rsplit(",", 1)[0] + ",13812345678\n"  # a mobile number (row 14)
    return "".join(lines).encode("utf-8")


def test_large_files_read_by_arrow_report_the_same_problems_as_small_ones():
    from dashboard.importing import validation
    content = _large_visits_file()
    assert len(content) > 1_000_000
    places = validation.Places({}, {}, {}, {f"T{i:03d}" for i in range(200)})
    outcomes = []
    for data in (content, content + b"\n"):  # a blank line sends the same rows through pandas' parser
        raw = reading.read_table(data, templates.TEMPLATES["visits"])
        typed, problems = validation.validate(templates.TEMPLATES["visits"], raw, places)
        outcomes.append(sorted((p.row, p.column, p.key, p.value) for p in problems))
        assert len(typed) == 40_000 and typed.loc[6, "cases"] == 1
    assert outcomes[0] == outcomes[1]
    assert {(row, key) for row, _, key, _ in outcomes[0]} == {
        (3, "value.future_month"), (6, "value.negative"), (9, "row.duplicate_key"), (10, "row.duplicate_key"),
        (12, "value.unknown_station"), (14, "privacy.mobile")}
    assert ("138******78" in [value for *_, value in outcomes[0]])


def test_bulk_rows_are_put_in_key_order_by_code_point():
    from dashboard.importing.loading import in_key_order
    frame = pd.DataFrame({"month": pd.Categorical(["2024-02", "2024-01", "2024-02", "2024-01"]),
                          "station_code": pd.Categorical(["b", "b", "a", "B"]),
                          "n": [1, 2, 3, 4]})
    ordered = in_key_order(frame, ["month", "station_code"])
    assert ordered["n"].tolist() == [4, 2, 3, 1]
    assert in_key_order(ordered, ["month", "station_code"]) is ordered  # already sorted: left alone


def test_a_blank_key_cell_does_not_stop_the_checks_of_the_other_rows():
    from dashboard.importing import validation
    rows = [dict(corpus.VALID_ROWS["special_education"][0], 学年="二〇二三"),
            dict(corpus.VALID_ROWS["special_education"][1], 学年="1990")]
    template = templates.TEMPLATES["special_education"]
    raw = reading.read_table(corpus.csv_bytes(corpus.frame("x", rows)), template)
    places = validation.Places({"惠城区": "441302", "惠阳区": "441303"}, {}, {}, set())
    _, problems = validation.validate(template, raw, places)
    assert {(p.row, p.key) for p in problems} == {(2, "value.year"), (3, "value.year_range")}


def test_lists_in_messages_are_written_with_the_marks_of_the_messages_language():
    """甲、乙 in Chinese, "a, b" in English; column names as the template heads them in each."""
    from dashboard.importing.report import message
    sheets = {"sheet": "六月", "sheets": ["五月", "Sheet2"]}
    assert "五月、Sheet2" in message("read.no_sheet", sheets, "zh")
    assert "五月, Sheet2" in message("read.no_sheet", sheets, "en") and "、" not in message("read.no_sheet", sheets, "en")
    expected = {"expected": ["month", "station_code"]}
    assert "统计月份、站点编码" in message("read.no_header", expected, "zh", "visits")
    assert "month, station_code" in message("read.no_header", expected, "en", "visits")


def test_counts_in_notices_are_written_with_thousands_separators():
    """As the summary writes its counts (新增 288,420 行): a notice's count too, in both languages."""
    assert report.message("notice.demo_replaced", {"count": 25575}, "zh") == "替换示例数据 25,575 行。"
    assert report.message("notice.demo_replaced", {"count": 25575}, "en") == "Replaces 25,575 rows of demo data."
    assert report.message("file.too_many_rows", {"limit": 2000000}, "en").count("2,000,000") == 1


def test_the_demo_banner_drops_a_dataset_once_the_page_has_loaded_its_real_file(fresh_db):
    """The banner is drawn at the top before the import runs; after a file is loaded it is drawn again,
    so it no longer names that dataset as demo in the same run."""
    at = signed_in_app("data_officer", "zh").run()
    at.switch_page("pages/data_management.py").run()
    assert "入户探访" in at.warning[0].value
    at.selectbox(key="dataset").select_index(templates.DATASETS.index("visits")).run()
    at.file_uploader[0].set_value(("visits.csv", corpus.csv_bytes(corpus.frame("visits")), "text/csv")).run()
    at.button(key="import").click().run()
    assert not at.exception and at.success
    banners = [w.value for w in at.warning if w.value.startswith("示例数据")]
    assert len(banners) == 1 and "入户探访" not in banners[0] and "社工站点" in banners[0]
