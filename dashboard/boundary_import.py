"""Load real township boundaries (GeoJSON or zipped Shapefile, in any declared CRS including GCJ-02 and
BD-09) into the boundaries table, replacing the schematic (示意) demo areas in one transaction.

The import page / CLI call `import_township_boundaries`; bad input raises BoundaryImportError with a
message in the user's language and writes nothing.
"""
from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry

from dashboard import audit, schema
from dashboard.i18n import join, t
from dashboard.importing.templates import BOUNDARIES
from dashboard.writing import finish_write, insert_frame, mark_dataset
from geo.coordinates import bd09_to_wgs84, gcj02_to_wgs84, normalize_crs
from geo.reference import load_city_geojson
from geo.townships import boundary_rows

DATASET = BOUNDARIES
# How far outside the (simplified) city outline a vertex may lie and still count as inside Huizhou.
CITY_TOLERANCE_DEG = 0.02
CODE_COLUMNS = ("township_code", "area_code", "code", "xzqhdm", "乡镇代码", "代码")
NAME_COLUMNS = ("name_zh", "name", "township_name", "xzqmc", "乡镇名称", "名称")


class BoundaryImportError(ValueError):
    """Input that cannot be loaded; the message is for the user, in their language."""


@dataclass(frozen=True)
class BoundaryImportResult:
    """What a boundary file does (or, in a dry run, would do) to the township boundaries held."""
    township_count: int  # boundaries in the file
    replaced_schematic: bool  # schematic (示意) areas are (or would be) replaced
    new: int = 0  # townships that had no boundary
    changed: int = 0  # townships whose boundary differs (a schematic area replaced counts here)
    unchanged: int = 0  # townships whose real boundary is the same
    removed: int = 0  # townships with a boundary now that the file leaves without one
    dry_run: bool = False


def read_boundary_file(content: bytes, file_name: str) -> gpd.GeoDataFrame:
    """Read a .geojson/.json or a zipped Shapefile (.zip) from bytes."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in (".geojson", ".json", ".zip"):
        raise BoundaryImportError(t("boundary_import.error.format", name=file_name))
    try:
        if suffix == ".zip":
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "upload.zip"
                path.write_bytes(content)
                return gpd.read_file(f"zip://{path}")
        return gpd.read_file(io.BytesIO(content))
    except Exception as error:  # pyogrio raises many kinds; the user needs one message
        raise BoundaryImportError(t("boundary_import.error.unreadable", name=file_name)) from error


def to_wgs84(frame: gpd.GeoDataFrame, crs: str | None) -> gpd.GeoSeries:
    """The frame's geometries in WGS-84 lon/lat. crs overrides the file's own: "WGS84", "GCJ02",
    "BD09" or any EPSG code pyproj knows; without it the file's CRS (or WGS-84 for GeoJSON) is used."""
    geometries = frame.geometry
    declared = (crs or "").strip()
    system = _system_name(declared)
    if system in ("GCJ02", "BD09"):
        convert = gcj02_to_wgs84 if system == "GCJ02" else bd09_to_wgs84
        vectorised = np.vectorize(convert, otypes=[float, float])
        return geometries.apply(lambda g: shapely.transform(
            g, lambda xy: np.column_stack(vectorised(xy[:, 0], xy[:, 1]))))
    try:
        if system == "WGS84":
            return gpd.GeoSeries(geometries.values, crs=None)
        if declared:
            geometries = geometries.set_crs(declared, allow_override=True)
        if geometries.crs is None:
            return geometries
        return geometries.to_crs(4326)
    except Exception as error:
        raise BoundaryImportError(t("boundary_import.error.crs", crs=declared or str(geometries.crs))) from error


def _system_name(declared: str) -> str | None:
    if not declared:
        return None
    try:
        return normalize_crs(declared)
    except ValueError:
        return None


def outside_huizhou(geometries: gpd.GeoSeries) -> list[int]:
    """Positions of geometries that are empty or not inside Huizhou (with CITY_TOLERANCE_DEG)."""
    city = shapely.geometry.shape(load_city_geojson()["features"][0]["geometry"]).buffer(CITY_TOLERANCE_DEG)
    return [i for i, g in enumerate(geometries) if g is None or g.is_empty or not city.contains(g)]


def match_townships(frame: pd.DataFrame, townships: pd.DataFrame) -> list[str]:
    """The township code of each row, matched by a code column or else by a name column."""
    columns = {c.lower(): c for c in frame.columns if c != "geometry"}
    code_column = next((columns[c] for c in CODE_COLUMNS if c in columns), None)
    name_column = next((columns[c] for c in NAME_COLUMNS if c in columns), None)
    known = set(townships["township_code"])
    by_name = dict(zip(townships["name_zh"], townships["township_code"]))
    matched, missing = [], []
    for _, row in frame.iterrows():
        code = str(row[code_column]).strip()[:9] if code_column and pd.notna(row[code_column]) else ""
        if code not in known:
            name = str(row[name_column]).strip() if name_column and pd.notna(row[name_column]) else ""
            code = by_name.get(name, "")
        if not code:
            missing.append(str(row[code_column] if code_column else row[name_column] if name_column else "?"))
        matched.append(code)
    if missing:
        raise BoundaryImportError(t("boundary_import.error.unmatched", count=len(missing),
                                    examples=join(missing[:5])))
    duplicates = sorted({c for c in matched if matched.count(c) > 1})
    if duplicates:
        raise BoundaryImportError(t("boundary_import.error.duplicate", codes=join(duplicates[:5])))
    return matched


# The choices of a boundary file's coordinate system offered by the data-management page: "file" means
# the one the file declares (a .prj, or GeoJSON's WGS-84).
CRS_CHOICES = ("file", "WGS84", "CGCS2000", "GCJ02", "BD09")


def import_township_boundaries(engine: sa.Engine, content: bytes, file_name: str, crs: str | None = None,
                               actor: str = "import", dry_run: bool = False) -> BoundaryImportResult:
    """Validate a boundary file and replace every township boundary with it, in one transaction. A
    rejected file changes nothing; its rejection is audited with the reason, and raised. A dry run
    checks the file in full and counts what it would change (audited as a dry run), writing nothing."""
    try:
        return _import(engine, content, file_name, crs, actor, dry_run)
    except BoundaryImportError as error:
        audit.record("import", actor, "rejected", str(error), engine=engine, dataset_name=DATASET,
                     file_name=file_name[:255], file_sha256=hashlib.sha256(content).hexdigest(),
                     rows_new=0, rows_changed=0, rows_unchanged=0)
        raise


def compare_with_held(conn: sa.Connection, rows: pd.DataFrame) -> dict:
    """How boundary rows differ from the township boundaries held: new, changed (a schematic area
    replaced by a real one counts as changed), unchanged, removed (held, not in the rows), and whether
    schematic areas are among those replaced (replaced_schematic)."""
    table = schema.boundaries
    held = {code: (geojson, schematic) for code, geojson, schematic in conn.execute(
        sa.select(table.c.area_code, table.c.geojson, table.c.is_schematic).where(table.c.level == "township"))}
    counts = {"new": 0, "changed": 0, "unchanged": 0,
              "replaced_schematic": any(schematic for _, schematic in held.values())}
    for code, geojson in zip(rows["area_code"], rows["geojson"]):
        if code not in held:
            counts["new"] += 1
        elif held[code] == (geojson, False):
            counts["unchanged"] += 1
        else:
            counts["changed"] += 1
    counts["removed"] = len(set(held) - set(rows["area_code"]))
    return counts


def _import(engine: sa.Engine, content: bytes, file_name: str, crs: str | None, actor: str,
            dry_run: bool) -> BoundaryImportResult:
    frame = read_boundary_file(content, file_name)
    if frame.empty:
        raise BoundaryImportError(t("boundary_import.error.empty", name=file_name))
    geometries = to_wgs84(frame, crs)
    if not all(g is None or g.geom_type in ("Polygon", "MultiPolygon") for g in geometries):
        raise BoundaryImportError(t("boundary_import.error.not_polygons"))
    outside = outside_huizhou(geometries)
    if outside:
        raise BoundaryImportError(t("boundary_import.error.outside", count=len(outside),
                                    rows=join(str(i + 1) for i in outside[:5])))
    with engine.connect() as conn:
        townships = pd.DataFrame(conn.execute(sa.select(schema.townships.c.township_code,
                                                        schema.townships.c.name_zh)).fetchall(),
                                 columns=["township_code", "name_zh"])
    codes = match_townships(pd.DataFrame(frame.drop(columns="geometry")), townships)
    areas: dict[str, BaseGeometry] = {code: shapely.make_valid(g) for code, g in zip(codes, geometries)}
    rows = boundary_rows(areas, is_schematic=False)
    with engine.begin() as conn:
        counts = compare_with_held(conn, rows)
        detail = "; ".join([f"crs={crs or 'file'}", *([f"{counts['removed']} townships left without a boundary"]
                                                       if counts["removed"] else [])])
        fields = dict(dataset_name=DATASET, file_name=file_name[:255], file_sha256=hashlib.sha256(content).hexdigest(),
                      rows_new=counts["new"], rows_changed=counts["changed"], rows_unchanged=counts["unchanged"])
        if dry_run:
            audit.record_in(conn, "dry_run", actor, "dry_run", detail, **fields)
        else:
            conn.execute(sa.delete(schema.boundaries).where(schema.boundaries.c.level == "township"))
            mark_dataset(conn, DATASET, is_demo=False, row_count=insert_frame(conn, schema.boundaries, rows))
            audit.record_in(conn, "import", actor, "loaded", detail, **fields)
            finish_write(conn, ["boundaries"])
    return BoundaryImportResult(len(rows), dry_run=dry_run, **counts)
