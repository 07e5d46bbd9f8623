"""The station coverage page's content: runs the coverage analysis on the queried data for the chosen
scope and distance, builds the offline map, and shapes the tables the page shows and offers."""
from __future__ import annotations

import dataclasses
import numbers
import re
from dataclasses import dataclass

import folium
import streamlit as st
import pandas as pd
import shapely

from dashboard import codes, db, formatting, privacy, provenance, settings
from dashboard.i18n import join, t
from geo import coverage, maps
from geo.reference import county_shapes, load_counties_geojson
from geo.townships import read_geometry
from queries import coverage as q
from queries import social_assistance

LAYERS = ("counties", "townships", "villages", "stations", "points", "sites")
DEFAULT_LAYERS = ("counties", "townships", "villages", "stations", "points")
MEASURES = ("covered_population_pct", "home_visits_per_1000", "social_workers_per_10000",
            "warnings_per_1000_monitored")
DISTANCE_CHOICES_KM = (1.0, 2.0, 3.0, 5.0, 8.0, 10.0, 15.0)
NEXT_SITE_COUNT = 10
VISIT_MONTHS = 12  # home visits per 1,000 residents count the last 12 months with data


def default_distance_km() -> float:
    """The configured coverage distance (setting COVERAGE_DISTANCE_KM)."""
    return settings.get_float("COVERAGE_DISTANCE_KM")


@dataclass
class CoverageView:
    level: str  # city | county | township
    county_code: str | None
    township_code: str | None
    distance_km: float
    villages: pd.DataFrame  # in scope, with distances and is_covered
    points: pd.DataFrame  # in scope
    summary: pd.DataFrame  # one row
    by_county: pd.DataFrame
    by_township: pd.DataFrame  # in the county (or city), with the township measures
    by_group: pd.DataFrame
    gaps: pd.DataFrame
    sites: pd.DataFrame
    areas: pd.DataFrame  # township areas in scope
    visit_months: tuple[str, str] | None

    def copy(self) -> "CoverageView":
        """A copy whose frames the caller may change without touching the cache."""
        return dataclasses.replace(self, **{f.name: getattr(self, f.name).copy() for f in dataclasses.fields(self)
                                            if isinstance(getattr(self, f.name), pd.DataFrame)})


def _month_back(month: str, months: int) -> str:
    year, number = int(month[:4]), int(month[5:7]) - months
    while number < 1:
        year, number = year - 1, number + 12
    return f"{year:04d}-{number:02d}"


def analyse(distance_km: float, county_code: str | None, township_code: str | None,
            site_count: int = NEXT_SITE_COUNT) -> CoverageView:
    """Coverage within distance_km, computed city-wide (a village's nearest point may lie across a
    border) and reported for the scope (cached until the data changes)."""
    url = db.database_url()
    return _cached_analyse(url, db.current_data_version(db.get_engine(url)), distance_km, county_code,
                           township_code, site_count).copy()


@st.cache_data(ttl=settings.get_int("CACHE_TTL_SECONDS"), max_entries=200, show_spinner=False)
def _cached_analyse(url: str, version: int, distance_km: float, county_code: str | None,
                    township_code: str | None, site_count: int) -> CoverageView:
    return _analyse(distance_km, county_code, township_code, site_count)


def _analyse(distance_km: float, county_code: str | None, township_code: str | None,
             site_count: int) -> CoverageView:
    villages = q.coverage_villages()
    points = q.coverage_points()
    groups = q.village_group_population()
    covered = coverage.mark_covered(coverage.village_distances(villages, points), distance_km)
    in_scope = pd.Series(True, index=covered.index)
    point_scope = pd.Series(True, index=points.index)
    if county_code:
        in_scope &= covered["county_code"] == county_code
        point_scope &= points["county_code"] == county_code
    if township_code:
        in_scope &= covered["township_code"] == township_code
        point_scope &= points["township_code"] == township_code
    scoped = covered[in_scope].reset_index(drop=True)
    scoped_groups = groups[groups["village_code"].isin(scoped["village_code"])]
    latest = q.latest_visit_month()
    months = (_month_back(latest, VISIT_MONTHS - 1), latest) if latest else None
    measures = q.township_measures(*(months or ("0000-01", "0000-01")))
    # Townships of the whole county stay shaded when one township is chosen; the table shows the scope.
    context = covered[covered["county_code"] == county_code] if county_code else covered
    warnings = social_assistance.warnings_per_1000_monitored_by_township()[
        ["township_code", "warnings_per_1000_monitored"]]
    by_township = coverage.coverage_summary(context, ["township_code"]).merge(
        measures.drop(columns=["county_code"]), on="township_code", how="left").merge(
        warnings, on="township_code", how="left")
    by_township["county_code"] = by_township["township_code"].str[:6]
    level = "township" if township_code else "county" if county_code else "city"
    return CoverageView(
        level, county_code, township_code, distance_km, scoped, points[point_scope].reset_index(drop=True),
        coverage.coverage_summary(scoped), coverage.coverage_summary(covered, ["county_code"]), by_township,
        coverage.coverage_by_group(scoped, scoped_groups), coverage.gap_list(scoped, scoped_groups),
        coverage.next_sites(scoped, distance_km, site_count), q.township_areas(county_code), months)


# ---- the map -----------------------------------------------------------------------------------

def measure_value_text(measure: str, value: float, language: str) -> str:
    """A township measure as words for a tooltip or legend."""
    if value is None or pd.isna(value):
        return t("coverage.no_value", language)
    return t(f"coverage.measure.{measure}.value", language, value=value)


def show_map(view: CoverageView, layers: list[str], measure: str, language: str, height: int = 620) -> dict | None:
    """Draw the coverage map (rendered once per view, layers, measure and language, until the data
    changes); returns what the user clicked."""
    url = db.database_url()
    args = _cached_map_args(url, db.current_data_version(db.get_engine(url)), view.distance_km, view.county_code,
                            view.township_code, tuple(layers), measure, language, settings.get("MAP_TILE_URL"))
    return maps.show_map(args, "coverage_map", height, ["last_active_drawing"])


@st.cache_data(ttl=settings.get_int("CACHE_TTL_SECONDS"), max_entries=50, show_spinner=False)
def _cached_map_args(url: str, version: int, distance_km: float, county_code: str | None,
                     township_code: str | None, layers: tuple, measure: str, language: str, tiles: str) -> dict:
    view = analyse(distance_km, county_code, township_code)
    return maps.component_args(build_map(view, list(layers), measure, language))


def build_map(view: CoverageView, layers: list[str], measure: str, language: str) -> folium.Map:
    """The coverage map at the view's drill level, with the chosen layers and choropleth measure."""
    counties = county_shapes()
    areas = {row.township_code: read_geometry(row.geojson) for row in view.areas.itertuples()}
    if view.township_code:
        # The township's villages too: schematic areas need not contain every village of the township.
        focus = [shapely.MultiPoint(view.villages[["lon", "lat"]].to_numpy().tolist())]
        focus += [areas[view.township_code]] if view.township_code in areas else []
    elif view.county_code:
        focus = [counties[view.county_code]]
    else:
        focus = list(counties.values())
    focus = [shape for shape in focus if not shape.is_empty] or list(counties.values())
    fmap = maps.offline_map(maps.bounds_of(focus), settings.get("MAP_TILE_URL"))
    level = view.level
    if "townships" in layers and areas:
        _add_township_layer(fmap, view, areas, measure, language, level)
    if "counties" in layers:
        _add_county_layer(fmap, counties, view, language, level)
    if "villages" in layers and not too_many_to_draw(view.villages):
        for is_covered in village_classes_drawn(level):
            villages = view.villages[view.villages["is_covered"] == is_covered]
            maps.add_layer(fmap, maps.point_features(villages, lambda r: _village_properties(r, language)),
                           t("coverage.layer.villages_covered" if is_covered else "coverage.layer.villages_not_covered",
                             language, km=view.distance_km),
                           VILLAGE_STYLE[is_covered], _village_tooltip(language))
    stations = view.points[view.points["station_type"] == "station"]
    village_points = view.points[view.points["station_type"] == "point"]
    if "points" in layers and not too_many_to_draw(village_points):
        maps.add_layer(fmap, maps.point_features(village_points, lambda r: _point_properties(r, language)),
                       t("coverage.layer.points", language), POINT_STYLE, _point_tooltip(language))
    if "stations" in layers:
        benchmark = stations[stations["is_benchmark"]]
        maps.add_layer(fmap, maps.point_features(benchmark, lambda r: _point_properties(r, language, ring=True)),
                       t("coverage.layer.benchmark", language), BENCHMARK_RING_STYLE, _point_tooltip(language))
        maps.add_layer(fmap, maps.point_features(stations, lambda r: _point_properties(r, language)),
                       t("coverage.layer.stations", language), STATION_STYLE, _point_tooltip(language))
    if "sites" in layers and not view.sites.empty:
        maps.add_layer(fmap, maps.point_features(view.sites, lambda r: _site_properties(r, language)),
                       t("coverage.layer.sites", language), SITE_STYLE, _site_tooltip(language))
    maps.add_layer_control(fmap)
    return fmap


def village_classes_drawn(level: str) -> tuple[bool, ...]:
    """Which villages the map marks at a drill level, by whether they are covered: the whole city marks
    only the villages not covered (the gaps); a county or township marks every village. At the city's
    zoom the 1,251 covered villages of the demo were a carpet of dots over the township shading, which
    shows their coverage already, and building them took the map some 0.05-0.09 s to draw."""
    return (False,) if level == "city" else (True, False)


# Beyond this many villages (or village points) in one view, they are not drawn one by one: at province
# scale the whole area holds 26,000 villages and 18,000 points, a 12 MB map no one can read dot by dot.
# The township shading still shows their coverage, and a county or township view draws them.
MAX_POINTS_DRAWN = 6000


def too_many_to_draw(frame: pd.DataFrame) -> bool:
    """Whether a layer of these villages or points is left off the map (the legend says so)."""
    return len(frame) > MAX_POINTS_DRAWN


def _add_county_layer(fmap, counties, view, language, level) -> None:
    names = {f["properties"]["county_code"]: f["properties"]["name_zh" if language == "zh" else "name_en"]
             for f in load_counties_geojson()["features"]}
    properties = {code: {"county_code": code, "tip": maps.tooltip_html([("", names[code]),
                                                                        ("", t("coverage.click_to_open", language))]),
                         "style": {"color": "#37474f", "weight": 3 if code == view.county_code else 1.5,
                                   "fill": True, "fillOpacity": 0.0 if level != "city" else 0.02,
                                   "fillColor": "#90a4ae"}}
                  for code in counties}
    detail = "county" if level == "city" else level
    maps.add_layer(fmap, maps.area_features(counties, properties, detail), t("coverage.layer.counties", language))


def _add_township_layer(fmap, view, areas, measure, language, level) -> None:
    values = view.by_township.set_index("township_code")[measure]
    breaks = maps.quantile_breaks(values)
    schematic = view.areas.set_index("township_code")["is_schematic"]
    names = view.areas.set_index("township_code")["name_zh"]
    properties = {}
    for code in areas:
        value = values.get(code)
        band = maps.class_of(value, breaks)
        lines = [("", names[code]), (t(f"coverage.measure.{measure}", language),
                                     measure_value_text(measure, value, language))]
        if schematic.get(code, False):
            lines.append(("", t("coverage.schematic_note", language)))
        properties[code] = {"township_code": code, "tip": maps.tooltip_html(lines), "style": {
            "color": "#78909c", "weight": 0.8, "dashArray": "4 3" if schematic.get(code, False) else None,
            "fillColor": "#eeeeee" if band is None else maps.CHOROPLETH_COLOURS[band], "fillOpacity": 0.55}}
    title = t("coverage.layer.townships_schematic" if schematic.any() else "coverage.layer.townships", language)
    maps.add_layer(fmap, maps.area_features(areas, properties, "city" if level == "city" else level), title)


def _radius(workers: int) -> float:
    return round(3 + 1.2 * max(workers, 0) ** 0.5, 1)


# Not covered: a hollow ring with a thick outline; covered: a small filled dot (shape, not only colour).
VILLAGE_STYLE = {
    True: {"radius": 2.5, "color": maps.COVERED_COLOUR, "weight": 1, "fill_color": maps.COVERED_COLOUR,
           "fill_opacity": 0.8},
    False: {"radius": 4, "color": maps.UNCOVERED_COLOUR, "weight": 2, "fill_color": "#ffffff", "fill_opacity": 0.6},
}
POINT_STYLE = {"radius": 4, "color": maps.POINT_COLOUR, "weight": 1, "fill_color": "#ffffff", "fill_opacity": 0.9,
               "dash_array": "2 2"}
STATION_STYLE = {"radius": 6, "color": "#ffffff", "weight": 1.5, "fill_color": maps.STATION_COLOUR,
                 "fill_opacity": 0.9}
BENCHMARK_RING_STYLE = {"radius": 10, "color": maps.BENCHMARK_COLOUR, "weight": 3, "fill": False}
SITE_STYLE = {"radius": 9, "color": maps.SITE_COLOUR, "weight": 3, "dash_array": "5 3", "fill": False}


def _point_tooltip(language: str) -> dict[str, str]:
    return {"n": "", "k": t("coverage.tip.kind", language), "t": t("coverage.tip.township", language),
            "w": t("coverage.tip.workers", language)}


def _point_properties(row, language: str, ring: bool = False) -> dict:
    kind = t("coverage.kind.station" if row.station_type == "station" else "coverage.kind.point", language)
    if row.is_benchmark:
        kind = f"{kind}（{t('coverage.benchmark', language)}）"
    radius = _radius(int(row.social_worker_count)) + (4 if ring else 0)
    return {"n": maps.text(row.name_zh), "k": maps.text(kind), "t": maps.text(row.township_name_zh),
            "w": int(row.social_worker_count), "style": {"radius": radius}}


def _village_tooltip(language: str) -> dict[str, str]:
    return {"n": "", "s": t("coverage.tip.status", language),
            "d": t("coverage.tip.serving_distance", language), "e": t("coverage.tip.nearest_distance", language),
            "p": t("coverage.tip.population", language)}


def _village_properties(row, language: str) -> dict:
    serving = (t("coverage.unassigned", language) if pd.isna(row.serving_distance_km)
               else t("coverage.km", language, km=row.serving_distance_km))
    return {"n": maps.text(row.name_zh),
            "s": maps.text(t("coverage.covered_short" if row.is_covered else "coverage.not_covered_short", language)),
            "d": maps.text(serving), "e": maps.text(t("coverage.km", language, km=row.nearest_distance_km)),
            "p": f"{int(row.population_count):,}"}


def _site_tooltip(language: str) -> dict[str, str]:
    return {"r": "", "n": t("coverage.col.village", language), "g": t("coverage.tip.gain", language)}


def _site_properties(row, language: str) -> dict:
    return {"r": maps.text(t("coverage.site_rank", language, rank=row.rank)), "n": maps.text(row.name_zh),
            "g": f"{int(row.gain_population_count):,}"}


def clicked_area(drawing: dict | None) -> tuple[str, str] | None:
    """('county', code) or ('township', code) for a clicked map feature, else None."""
    properties = (drawing or {}).get("properties") or {}
    for level in ("township", "county"):
        code = properties.get(f"{level}_code")
        if isinstance(code, str) and code.isdigit():
            return level, code
    return None


# ---- tables ------------------------------------------------------------------------------------

def _county_name(code: str, language: str) -> str:
    return codes.label("county", code, language)


def county_table(view: CoverageView, language: str) -> pd.DataFrame:
    """Coverage by county, for display and download (names, not codes)."""
    frame = view.by_county.round({"covered_population_pct": 1})
    frame.insert(0, "county", frame.pop("county_code").map(lambda c: _county_name(c, language)))
    return _headed(frame, language)


def township_table(view: CoverageView, language: str) -> pd.DataFrame:
    """Coverage and measures by township in scope; small counts of people shown as <5."""
    frame = view.by_township
    if view.township_code:
        frame = frame[frame["township_code"] == view.township_code]
    frame = frame[["county_code", "name_zh", "village_count", "covered_village_count",
                              "population_count", "covered_population_count", "covered_population_pct",
                              "home_visits_per_1000", "social_workers_per_10000"]].copy()
    frame["county_code"] = frame["county_code"].map(lambda c: _county_name(c, language))
    frame = frame.rename(columns={"county_code": "county", "name_zh": "township"})
    frame = _suppressed(frame.round({"covered_population_pct": 1, "home_visits_per_1000": 1,
                                                       "social_workers_per_10000": 2}),
                                          ["population_count", "covered_population_count"])
    return _headed(frame, language)


def group_table(view: CoverageView, language: str) -> pd.DataFrame:
    """Coverage of each of the 11 groups in scope."""
    frame = view.by_group.copy()
    frame.insert(0, "group", frame.pop("group_code").map(lambda c: codes.label("group", c, language)))
    if view.level == "township":  # counts below county level
        frame = _suppressed(frame, ["person_count", "covered_person_count", "uncovered_person_count"])
    return _headed(frame.round(1), language)


def gap_table(view: CoverageView, language: str) -> pd.DataFrame:
    """The ranked gap list (villages not covered)."""
    frame = view.gaps[["rank", "county_code", "township_name_zh", "name_zh", "population_count",
                       "vulnerable_person_count", "serving_distance_km", "nearest_distance_km"]].copy()
    frame["county_code"] = frame["county_code"].map(lambda c: _county_name(c, language))
    frame = frame.rename(columns={"county_code": "county", "township_name_zh": "township", "name_zh": "village"})
    frame = _suppressed(frame.round({"serving_distance_km": 1, "nearest_distance_km": 1}),
                                          ["population_count", "vulnerable_person_count"])
    return _headed(frame, language)


def sites_table(view: CoverageView, language: str) -> pd.DataFrame:
    """The suggested next sites with the gain of each."""
    frame = view.sites[["rank", "county_code", "township_name_zh", "name_zh", "gain_population_count",
                        "gain_village_count", "cumulative_covered_population_count"]].copy()
    frame["county_code"] = frame["county_code"].map(lambda c: _county_name(c, language))
    frame = frame.rename(columns={"county_code": "county", "township_name_zh": "township", "name_zh": "village"})
    return _headed(frame, language)


def _suppressed(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Counts of people below the threshold as "<5", the others with thousands separators (as text,
    since the column then holds both)."""
    shown = privacy.suppress_small_counts(frame, columns)
    for column in columns:
        shown[column] = shown[column].map(lambda v: f"{int(v):,}" if isinstance(v, numbers.Number) and not pd.isna(v)
                                          else v)
    return shown


def _headed(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Columns renamed to their catalogue headings."""
    return frame.rename(columns={c: t(f"coverage.col.{c}", language) for c in frame.columns})


# ---- page helpers ------------------------------------------------------------------------------

def township_options(county_code: str | None) -> dict[str, str]:
    """township_code -> name of the county's townships (empty for the whole city)."""
    if not county_code:
        return {}
    frame = q.townships(county_code)
    return dict(zip(frame["township_code"], frame["name_zh"]))


def scope_label(view: CoverageView, language: str) -> str:
    """The scope in words for titles: 全市, a county, or county · township."""
    if not view.county_code:
        return t("filter.whole_city", language)
    county = _county_name(view.county_code, language)
    if view.township_code:
        names = township_options(view.county_code)
        return f"{county} · {names.get(view.township_code, view.township_code)}"
    return county


def source_text(language: str) -> str:
    """Where the map's figures come from: the station register and the villages' population, and once
    the stations were loaded from a file, that file and the day (dashboard/provenance.py)."""
    return provenance.source_text(provenance.AREA_DATASETS["stations"], t("coverage.source", language), language)


def as_of(view: CoverageView) -> str:
    """The data's as-of month: the last month with visit data, or the register as loaded."""
    return view.visit_months[1] if view.visit_months else "—"


def point_counts(view: CoverageView, language: str) -> str:
    """'stations / points' in scope, each written as officials write counts (1,600 / 18,400)."""
    stations = int((view.points["station_type"] == "station").sum())
    return " / ".join(formatting.format_count(count, language) for count in (stations, len(view.points) - stations))


def open_area(county_code: str | None, township_code: str | None = None) -> None:
    """Drill to a county or township (None, None: the whole city) and rerun with it in the URL."""
    from dashboard import filters
    filters.select("county", county_code)
    filters.select("township", township_code)
    st.rerun()


def follow_click(result: dict | None, county_code: str | None) -> None:
    """Drill into the county or township the user clicked on the map (each click acted on once)."""
    drawing = (result or {}).get("last_active_drawing")
    area = clicked_area(drawing)
    marker = repr(drawing)
    if area is None or st.session_state.get("coverage_last_click") == marker:
        return
    st.session_state["coverage_last_click"] = marker
    level, code = area
    if level == "county" and code != county_code:
        open_area(code)
    elif level == "township" and code[:6] == (county_code or code[:6]):
        open_area(code[:6], code)


def _breaks_text(breaks: list[float], measure: str, language: str) -> str:
    """The class breaks written as the measure's values are (85.1%、97.2%), a unit of words written once
    after the last (36.0、43.2、50.3 人次/千人) rather than after each."""
    texts = [t(f"coverage.measure.{measure}.value", language, value=b) for b in breaks]
    parts = [re.match(r"([-\d.,]+)(.*)", text) for text in texts]
    if len(texts) > 1 and all(parts) and len({p.group(2) for p in parts}) == 1 and parts[0].group(2).startswith(" "):
        return join((p.group(1) for p in parts), language) + parts[0].group(2)
    return join(texts, language) or "—"


def legend_markdown(view: CoverageView, measure: str, language: str) -> str:
    """The legend in words (shape as well as colour), naming schematic areas as 示意."""
    values = view.by_township[measure]
    breaks = _breaks_text(maps.quantile_breaks(values), measure, language)
    lines = [f"**{t('coverage.legend.title', language)}**"]
    covered = "covered" if True in village_classes_drawn(view.level) else "covered_city"
    lines += [f"- {t(f'coverage.legend.{k}', language)}"
              for k in ("stations", "benchmark", "points", covered, "not_covered", "sites")]
    lines.append(f"- {t('coverage.legend.shading', language, measure=t(f'coverage.measure.{measure}', language), breaks=breaks)}")
    if not view.areas.empty and view.areas["is_schematic"].any():
        lines.append(f"- {t('coverage.legend.schematic', language)}")
    village_points = view.points[view.points["station_type"] == "point"]
    if too_many_to_draw(view.villages) or too_many_to_draw(village_points):
        lines.append(f"- {t('coverage.legend.too_many', language, count=MAX_POINTS_DRAWN)}")
    return "\n".join(lines)
