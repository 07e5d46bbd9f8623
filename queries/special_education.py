"""Questions about special-education enrolment and resources, by school year (2023 = 2023-2024)."""
from __future__ import annotations

import pandas as pd

from queries._run import run

# The enrolment sums and the rate (enrolled / eligible x 100; NULL where eligible is unknown), over the
# rows of special_education_enrolment e: one definition for every grouping below.
ENROLMENT_MEASURES = """
  SUM(e.eligible_count) AS eligible_count,
  SUM(e.special_school_count) AS special_school_count,
  SUM(e.regular_class_count) AS regular_class_count,
  SUM(e.home_delivery_count) AS home_delivery_count,
  SUM(e.special_school_count + e.regular_class_count + e.home_delivery_count) AS enrolled_count,
  100.0 * SUM(CASE WHEN e.eligible_count IS NULL THEN NULL
                   ELSE e.special_school_count + e.regular_class_count + e.home_delivery_count END)
        / NULLIF(SUM(e.eligible_count), 0) AS enrolment_rate_pct""".strip()

ENROLMENT_BY_YEAR_SQL = f"""
SELECT
  e.school_year,
  {ENROLMENT_MEASURES}
FROM special_education_enrolment e
WHERE e.stage = :stage
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR e.county_code = :county_code)
GROUP BY e.school_year
ORDER BY e.school_year
"""


def enrolment_by_year(stage: str, county_code: str | None = None) -> pd.DataFrame:
    """Enrolment of one stage (compulsory | preschool | senior_high) per school year. Columns:
    school_year, eligible_count, special_school_count, regular_class_count, home_delivery_count,
    enrolled_count, enrolment_rate_pct (enrolled / eligible x 100; NaN when eligible is unknown)."""
    frame = run(ENROLMENT_BY_YEAR_SQL, stage=stage, county_code=county_code)
    frame["enrolment_rate_pct"] = frame["enrolment_rate_pct"].astype("float64")
    return frame


RESOURCES_BY_YEAR_SQL = """
SELECT r.school_year,
  SUM(r.resource_centre_count) AS resource_centre_count,
  SUM(r.resource_classroom_count) AS resource_classroom_count
FROM special_education_resources r
WHERE (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
GROUP BY r.school_year
ORDER BY r.school_year
"""


def resources_by_year(county_code: str | None = None) -> pd.DataFrame:
    """Township resource centres and resource classrooms per school year. Columns: school_year,
    resource_centre_count, resource_classroom_count."""
    return run(RESOURCES_BY_YEAR_SQL, county_code=county_code)


SCHOOL_YEARS_SQL = """
SELECT DISTINCT e.school_year
FROM special_education_enrolment e
ORDER BY e.school_year
"""


def enrolment_school_years() -> pd.DataFrame:
    """The school years the enrolment data holds, oldest first. Columns: school_year."""
    return run(SCHOOL_YEARS_SQL)


ENROLMENT_BY_COUNTY_SQL = f"""
SELECT
  e.school_year,
  e.county_code,
  c.name_zh AS county_name_zh,
  c.name_en AS county_name_en,
  {ENROLMENT_MEASURES}
FROM special_education_enrolment e
JOIN counties c ON c.county_code = e.county_code
WHERE e.stage = :stage
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR e.county_code = :county_code)
GROUP BY e.school_year, e.county_code, c.name_zh, c.name_en, c.sort_order
ORDER BY c.sort_order, e.school_year
"""


def enrolment_by_county(stage: str, county_code: str | None = None) -> pd.DataFrame:
    """Enrolment of one stage per county and school year (all years, counties in display order).
    Columns: school_year, county_code, county_name_zh, county_name_en, eligible_count,
    special_school_count, regular_class_count, home_delivery_count, enrolled_count (persons),
    enrolment_rate_pct (enrolled / eligible x 100; NaN when eligible is unknown)."""
    frame = run(ENROLMENT_BY_COUNTY_SQL, stage=stage, county_code=county_code)
    frame["enrolment_rate_pct"] = frame["enrolment_rate_pct"].astype("float64")
    return frame


RESOURCES_BY_COUNTY_SQL = """
SELECT r.county_code,
  c.name_zh AS county_name_zh,
  c.name_en AS county_name_en,
  SUM(r.resource_centre_count) AS resource_centre_count,
  SUM(r.resource_classroom_count) AS resource_classroom_count
FROM special_education_resources r
JOIN counties c ON c.county_code = r.county_code
WHERE r.school_year = :school_year
  AND (CAST(:county_code AS VARCHAR(6)) IS NULL OR r.county_code = :county_code)
GROUP BY r.county_code, c.name_zh, c.name_en, c.sort_order
ORDER BY c.sort_order
"""


def resources_by_county(school_year: int, county_code: str | None = None) -> pd.DataFrame:
    """Township resource centres and resource classrooms per county in one school year. Columns:
    county_code, county_name_zh, county_name_en, resource_centre_count, resource_classroom_count."""
    return run(RESOURCES_BY_COUNTY_SQL, school_year=school_year, county_code=county_code)
