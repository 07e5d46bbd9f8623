"""The page 数据管理 in headless Chromium: a bad file uploaded and dry-run shows its problems, offline."""
import pytest

from tests import import_corpus as corpus
from tests.browser_support import (chromium_page, exceptions_on, foreign_requests, require_chromium,
                                   running_app, sign_in, wait_until_drawn)
from tests.conftest import TEST_PASSWORD, TEST_USERS

pytestmark = pytest.mark.browser


def test_uploading_a_bad_file_lists_its_problems_and_loads_nothing(demo_database_url, tmp_path):
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    bad = tmp_path / "stations.csv"  # stations: the dataset the page starts on
    bad.write_bytes(corpus._set("stations", "社工人数", "-5"))
    with running_app(demo_database_url) as base, chromium_page(1440, 2400) as page:
        sign_in(page, base, TEST_USERS["data_officer"], TEST_PASSWORD, "data-management")
        wait_until_drawn(page, '[data-testid="stFileUploader"]')
        page.locator('input[type="file"]').set_input_files(str(bad))
        page.wait_for_selector("text=预览", timeout=30000)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                               " && document.querySelectorAll('[data-testid=\"stFileUploader\"]').length === 1")
        page.locator('button:has-text("试运行")').first.click(timeout=30000)
        page.wait_for_selector('[data-testid="stAlertContentError"]', timeout=30000)
        text = page.inner_text("body")
        assert "文件未导入：发现 1 个问题" in text and "问题清单" in text  # the table itself is a canvas
        assert exceptions_on(page) == [] and page.dialogs == []
        assert foreign_requests(page.requested_urls) == []


def test_the_template_downloads_are_written_when_clicked(demo_database_url, tmp_path):
    """The page makes the template files only when a button is clicked (a callable, not bytes on every
    run): the CSV that arrives is the stations template with its Chinese headers."""
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base, chromium_page(1440, 1600) as page:
        sign_in(page, base, TEST_USERS["data_officer"], TEST_PASSWORD, "data-management")
        wait_until_drawn(page, '[data-testid="stFileUploader"]')
        with page.expect_download(timeout=30000) as download:
            page.locator('[data-testid="stDownloadButton"] button', has_text="模板 CSV").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == "template_stations.csv"
        assert saved.read_bytes().startswith("\ufeff站点编码,站点名称".encode("utf-8"))
        assert foreign_requests(page.requested_urls) == []


# What a reader sees written in the uploader: its own texts replaced by the page's (CSS pseudo-content).
UPLOADER_TEXTS_JS = """() => {
  const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
  const label = zone.querySelector('button [data-testid="stMarkdownContainer"]');
  const limits = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
  return {button: getComputedStyle(label, '::after').content,
          buttonOriginalShown: getComputedStyle(label.querySelector('p')).display !== 'none',
          limits: getComputedStyle(limits.parentElement, '::after').content,
          limitsOriginalShown: getComputedStyle(limits).display !== 'none'};
}"""


@pytest.mark.parametrize("language, button, limits", [
    ("zh", '"浏览文件"', '"单个文件不超过 50 MB · XLSX、CSV"'),
    ("en", '"Browse files"', '"Up to 50 MB per file · XLSX, CSV"')])
def test_the_uploader_speaks_the_users_language(demo_database_url, language, button, limits):
    """Streamlit writes the uploader's button and limits in English whatever the page's language; the
    page hides them and shows its own."""
    require_chromium()
    if not demo_database_url.startswith("sqlite"):
        pytest.skip("the browser runs once, on the embedded database")
    with running_app(demo_database_url) as base, chromium_page(1440, 1600) as page:
        sign_in(page, base, TEST_USERS["data_officer"], TEST_PASSWORD, f"data-management?lang={language}")
        wait_until_drawn(page, '[data-testid="stFileUploader"]')
        shown = page.evaluate(UPLOADER_TEXTS_JS)
        assert shown == {"button": button, "buttonOriginalShown": False, "limits": limits,
                         "limitsOriginalShown": False}
        # And what a screen reader reads: the same texts, one button, no English left behind.
        read = page.locator('[data-testid="stFileUploader"]').aria_snapshot()
        assert f'button {button}' in read and limits.strip('"') in read
        assert read.count("button") == 1
        assert [english for english in ("Upload", "file upload", "50MB per file") if english in read] == []


def test_township_boundaries_load_from_the_page_and_a_bad_file_changes_nothing(tmp_path_factory, tmp_path):
    """A data officer chooses 乡镇（街道）边界, uploads a GeoJSON drawn in GCJ-02 and says so; the page
    reports what a dry run would change (writing nothing), then the boundaries loaded, and the audit
    has the rows. A file outside Huizhou is refused with
    the reason and leaves them as they were."""
    require_chromium()
    import sqlalchemy as sa

    from dashboard import db, migrate, schema
    from dashboard.demo import load_demo
    from geo.coordinates import wgs84_to_gcj02
    from tests.conftest import add_test_users
    from tests.test_boundary_import import geojson_bytes
    url = f"sqlite:///{tmp_path_factory.mktemp('boundaries') / 'dashboard.sqlite3'}"
    engine = db.get_engine(url)
    migrate.upgrade(engine)
    load_demo(engine)
    add_test_users(engine)
    good, bad = tmp_path / "townships.geojson", tmp_path / "elsewhere.geojson"
    good.write_bytes(geojson_bytes(wgs84_to_gcj02))
    bad.write_bytes(geojson_bytes(centres={"441302001": (113.26, 23.13)}))  # Guangzhou

    def township_rows():
        with engine.connect() as conn:
            return conn.execute(sa.select(schema.boundaries.c.area_code, schema.boundaries.c.is_schematic)
                                .where(schema.boundaries.c.level == "township")).fetchall()

    with running_app(url) as base, chromium_page(1440, 1800) as page:
        sign_in(page, base, TEST_USERS["data_officer"], TEST_PASSWORD, "data-management")
        wait_until_drawn(page, '[data-testid="stFileUploader"]')

        def choose(label: str, option: str) -> None:
            page.locator('[data-testid="stSelectbox"]', has_text=label).click()
            page.locator('[role="option"]', has_text=option).click()

        choose("数据集", "乡镇（街道）边界")
        page.wait_for_selector("text=坐标系", timeout=30000)
        page.locator('input[type="file"]').set_input_files(str(bad))
        page.locator('button:has-text("导入")').click(timeout=30000)
        page.wait_for_selector('[data-testid="stAlertContentError"]', timeout=30000)
        assert "不在惠州市范围内" in page.inner_text('[data-testid="stAlertContentError"]')
        assert all(schematic for _, schematic in township_rows())  # nothing changed

        page.locator('input[type="file"]').set_input_files(str(good))
        choose("坐标系", "GCJ-02")
        wait_until_drawn(page, '[data-testid="stFileUploader"]')
        page.locator('button:has-text("试运行")').first.click(timeout=30000)  # counts, writes nothing
        page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=30000)
        assert "试运行通过（未写入）：文件有 2 个乡镇（街道）边界" in page.inner_text("body")
        assert all(schematic for _, schematic in township_rows())
        page.locator('button:has-text("导入")').click(timeout=30000)
        page.wait_for_selector('text=已导入 2 个乡镇', timeout=30000)
        assert "已导入 2 个乡镇（街道）边界" in page.inner_text("body")
        assert sorted(code for code, _ in township_rows()) == ["441302001", "441302002"]
        assert exceptions_on(page) == [] and page.dialogs == []
        assert foreign_requests(page.requested_urls) == []
    with engine.connect() as conn:
        outcomes = conn.execute(sa.select(schema.import_audit.c.outcome).where(
            schema.import_audit.c.dataset_name == "boundaries").order_by(schema.import_audit.c.audit_id)).scalars().all()
    assert outcomes == ["rejected", "dry_run", "loaded"]
