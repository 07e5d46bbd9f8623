"""Importing real township boundaries: CRS conversion, rejection outside Huizhou, matching, one transaction."""
import io
import json
import zipfile

import geopandas as gpd
import pytest
import shapely
import sqlalchemy as sa

from dashboard import db, migrate, schema
from dashboard.boundary_import import BoundaryImportError, import_township_boundaries
from dashboard.demo import load_demo
from geo.coordinates import wgs84_to_bd09, wgs84_to_gcj02

# Two real townships of 惠城区 and small squares around points inside the district.
TOWNSHIPS = {"441302001": (114.40, 23.08), "441302002": (114.42, 23.10)}


@pytest.fixture
def demo_engine(tmp_path):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'import.sqlite3'}")
    migrate.upgrade(engine)
    load_demo(engine)
    return engine


def square(lon, lat, half=0.005):
    return shapely.box(lon - half, lat - half, lon + half, lat + half)


def geojson_bytes(convert=None, key="township_code", values=None, centres=TOWNSHIPS):
    features = []
    for (code, (lon, lat)), value in zip(centres.items(), values or list(centres)):
        geometry = square(lon, lat)
        if convert:
            geometry = shapely.transform(geometry, lambda xy: [list(convert(x, y)) for x, y in xy])
        features.append({"type": "Feature", "properties": {key: value}, "geometry": shapely.geometry.mapping(geometry)})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def stored(engine):
    with engine.connect() as conn:
        rows = conn.execute(sa.select(schema.boundaries)).fetchall()
        demo = conn.execute(sa.select(schema.datasets.c.is_demo).where(
            schema.datasets.c.dataset_name == "boundaries")).scalar_one()
    return {row.area_code: row for row in rows}, demo


def stored_shape(row):
    return shapely.geometry.shape(json.loads(row.geojson))


@pytest.mark.parametrize("crs, convert", [("WGS84", None), ("GCJ02", wgs84_to_gcj02), ("BD09", wgs84_to_bd09)])
def test_boundaries_in_any_declared_system_are_stored_in_wgs84(demo_engine, crs, convert):
    version = db.current_data_version(demo_engine)
    result = import_township_boundaries(demo_engine, geojson_bytes(convert), "towns.geojson", crs=crs)
    rows, is_demo = stored(demo_engine)
    assert result.township_count == 2 and result.replaced_schematic
    assert set(rows) == set(TOWNSHIPS) and not is_demo
    assert not any(row.is_schematic for row in rows.values())
    for code, (lon, lat) in TOWNSHIPS.items():
        # Within about a metre (1e-5 degrees) of the WGS-84 square.
        assert shapely.hausdorff_distance(stored_shape(rows[code]), square(lon, lat)) < 1e-5
    assert db.current_data_version(demo_engine) > version


def test_boundaries_are_matched_by_township_name(demo_engine):
    with demo_engine.connect() as conn:
        names = [conn.execute(sa.select(schema.townships.c.name_zh).where(
            schema.townships.c.township_code == code)).scalar_one() for code in TOWNSHIPS]
    import_township_boundaries(demo_engine, geojson_bytes(key="name", values=names), "towns.json")
    assert set(stored(demo_engine)[0]) == set(TOWNSHIPS)


def test_a_zipped_shapefile_with_its_own_projection_is_read(demo_engine, tmp_path):
    frame = gpd.GeoDataFrame({"code": list(TOWNSHIPS)},
                             geometry=[square(lon, lat) for lon, lat in TOWNSHIPS.values()], crs=4326).to_crs(32650)
    frame.to_file(tmp_path / "towns.shp")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in tmp_path.glob("towns.*"):
            archive.write(path, path.name)
    import_township_boundaries(demo_engine, buffer.getvalue(), "towns.zip")
    rows, _ = stored(demo_engine)
    code, (lon, lat) = next(iter(TOWNSHIPS.items()))
    assert shapely.hausdorff_distance(stored_shape(rows[code]), square(lon, lat)) < 1e-5


def test_a_boundary_outside_huizhou_is_rejected_and_nothing_changes(demo_engine):
    before = stored(demo_engine)
    beijing = {"441302001": (116.40, 39.90), "441302002": (114.42, 23.10)}
    with pytest.raises(BoundaryImportError, match="惠州市范围"):
        import_township_boundaries(demo_engine, geojson_bytes(centres=beijing), "towns.geojson")
    assert stored(demo_engine)[0].keys() == before[0].keys() and stored(demo_engine)[1] is True
    with demo_engine.connect() as conn:  # the refusal is audited with its reason
        audit = conn.execute(sa.select(schema.import_audit).where(
            schema.import_audit.c.dataset_name == "boundaries")).fetchall()
    assert [(row.outcome, row.file_name, row.rows_new, row.rows_changed) for row in audit] == \
        [("rejected", "towns.geojson", 0, 0)]  # counts as every rejected import's: none shows as "None"
    assert "惠州市范围" in audit[0].detail


def test_a_boundary_matching_no_township_is_rejected(demo_engine):
    with pytest.raises(BoundaryImportError, match="无法对应"):
        import_township_boundaries(demo_engine, geojson_bytes(values=["999999999", "441302002"]), "towns.geojson")


def test_an_unknown_file_type_gets_a_clear_message(demo_engine):
    with pytest.raises(BoundaryImportError, match="GeoJSON"):
        import_township_boundaries(demo_engine, b"a,b\n1,2\n", "towns.csv")


def test_the_map_query_shows_imported_boundaries_on_the_next_run(demo_engine, monkeypatch):
    from queries import coverage as q
    monkeypatch.setenv("DATABASE_URL", demo_engine.url.render_as_string(hide_password=False))
    assert q.township_areas()["is_schematic"].all()
    import_township_boundaries(demo_engine, geojson_bytes(), "towns.geojson")
    areas = q.township_areas()
    assert set(areas["township_code"]) == set(TOWNSHIPS) and not areas["is_schematic"].any()


def test_the_import_command_loads_boundaries_and_rejects_bad_ones(scratch_db, tmp_path, capsys):
    from dashboard import cli
    good = tmp_path / "towns.geojson"
    good.write_bytes(geojson_bytes(wgs84_to_gcj02))
    assert cli.main(["import", "--dataset", "boundaries", str(good), "--crs", "GCJ02"]) == 0
    assert "已导入 2 个乡镇（街道）边界：新增 0 个，更新 2 个，未变 0 个。" in capsys.readouterr().out
    rows, demo = stored(db.get_engine(scratch_db))
    assert set(rows) >= set(TOWNSHIPS) and not demo
    outside = tmp_path / "beijing.geojson"
    outside.write_bytes(geojson_bytes(centres={"441302001": (116.40, 39.90)}))
    assert cli.main(["import", "--dataset", "boundaries", str(outside)]) == 1
    # A dry run of the file just imported: checked in full, every boundary unchanged, nothing written.
    version = db.current_data_version(db.get_engine(scratch_db))
    capsys.readouterr()
    assert cli.main(["import", "--dataset", "boundaries", str(good), "--crs", "GCJ02", "--dry-run"]) == 0
    assert "试运行通过（未写入）：文件有 2 个乡镇（街道）边界，导入将新增 0 个，更新 0 个，未变 2 个。" \
        in capsys.readouterr().out
    assert db.current_data_version(db.get_engine(scratch_db)) == version


def audit_rows(engine):
    with engine.connect() as conn:
        return [(row.action, row.outcome, row.rows_new, row.rows_changed, row.rows_unchanged) for row in conn.execute(
            sa.select(schema.import_audit).where(schema.import_audit.c.dataset_name == "boundaries")
            .order_by(schema.import_audit.c.audit_id))]


def test_a_dry_run_counts_what_the_file_would_change_and_writes_nothing(demo_engine):
    before, version = stored(demo_engine), db.current_data_version(demo_engine)
    held = len(before[0])
    result = import_township_boundaries(demo_engine, geojson_bytes(), "towns.geojson", dry_run=True)
    assert result.dry_run and result.township_count == 2 and result.replaced_schematic
    # The demo's schematic areas of the two townships would be replaced; the others would lose theirs.
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 2, 0, held - 2)
    after = stored(demo_engine)
    assert after[0].keys() == before[0].keys() and all(row.is_schematic for row in after[0].values()) and after[1]
    assert db.current_data_version(demo_engine) == version
    assert audit_rows(demo_engine) == [("dry_run", "dry_run", 0, 2, 0)]


def test_an_import_counts_new_changed_and_unchanged_boundaries(demo_engine):
    first = import_township_boundaries(demo_engine, geojson_bytes(), "towns.geojson")
    assert (first.new, first.changed, first.unchanged) == (0, 2, 0) and first.removed > 0
    again = import_township_boundaries(demo_engine, geojson_bytes(), "towns.geojson", dry_run=True)
    assert (again.new, again.changed, again.unchanged, again.removed, again.replaced_schematic) == (0, 0, 2, 0, False)
    moved = {"441302001": (114.40, 23.08), "441302002": (114.43, 23.11)}
    changed = import_township_boundaries(demo_engine, geojson_bytes(centres=moved), "towns.geojson")
    assert (changed.new, changed.changed, changed.unchanged) == (0, 1, 1)
    assert audit_rows(demo_engine) == [("import", "loaded", 0, 2, 0), ("dry_run", "dry_run", 0, 0, 2),
                                       ("import", "loaded", 0, 1, 1)]


def test_boundary_messages_say_what_happens_to_townships_left_out_in_both_languages():
    from dashboard.boundary_import import BoundaryImportResult
    from dashboard.importing.report import boundary_messages
    dry = BoundaryImportResult(2, True, new=0, changed=2, unchanged=0, removed=82, dry_run=True)
    assert [kind for kind, _ in boundary_messages(dry, "zh")] == ["success", "info", "warning"]
    assert boundary_messages(dry, "zh")[2][1].startswith("有 82 个乡镇（街道）不在文件中：导入后它们将没有边界")
    assert boundary_messages(dry, "en")[0][1] == ("Dry run passed (nothing written): the file holds 2 township "
                                                  "boundaries; importing it would add 0, change 2 and leave 0 "
                                                  "unchanged.")
    done = BoundaryImportResult(2, False, new=2, changed=0, unchanged=0)
    assert boundary_messages(done, "en") == [("success", "2 township boundaries imported: 2 new, 0 changed, "
                                                         "0 unchanged.")]
