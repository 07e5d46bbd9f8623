"""Demo special-education enrolment and resources per county and school year (2019-2023), whose city
totals equal the letter's: 3,013 = 1,201 + 1,326 + 486 in 2023, 242 more than 2022; 83 resource centres;
90 resource classrooms, 11 more than the year before."""
from __future__ import annotations

import random

import pandas as pd

from dashboard import codes
from dashboard.demo.allocation import allocate

SCHOOL_YEARS = [2019, 2020, 2021, 2022, 2023]
COUNTY_WEIGHT = {"441302": 0.30, "441303": 0.17, "441322": 0.23, "441323": 0.20, "441324": 0.10}
# City compulsory-stage enrolment by placement (2022 split not published: plausible).
COMPULSORY_BY_YEAR = {
    2019: (1003, 1024, 363), 2020: (1052, 1110, 391), 2021: (1098, 1178, 410),
    2022: (1130, 1204, 437), 2023: (1201, 1326, 486),
}
# Compulsory enrolment rate (%) per county and year: rising towards and past the 97% target.
COMPULSORY_RATE = {
    "441302": [96.0, 96.6, 97.2, 97.8, 98.4], "441303": [95.1, 95.8, 96.5, 97.1, 97.7],
    "441322": [94.8, 95.5, 96.1, 96.8, 97.3], "441323": [93.9, 94.7, 95.4, 96.0, 96.7],
    "441324": [92.5, 93.3, 94.0, 94.9, 95.6],
}
PRESCHOOL_ENROLLED = [420, 468, 515, 566, 612]
PRESCHOOL_SPLIT = (0.22, 0.66, 0.12)
PRESCHOOL_RATE = {
    "441302": [80.0, 82.5, 85.0, 87.2, 89.1], "441303": [77.0, 79.3, 81.8, 84.0, 86.2],
    "441322": [75.5, 78.0, 80.1, 82.3, 84.0], "441323": [74.0, 75.1, 76.4, 77.2, 78.3],
    "441324": [70.2, 71.0, 71.9, 72.5, 73.4],
}
SENIOR_HIGH_ENROLLED = [262, 288, 317, 351, 389]
SENIOR_HIGH_SPLIT = (0.55, 0.45, 0.0)
RESOURCE_CENTRES = [38, 55, 68, 76, 83]
RESOURCE_CLASSROOMS = [41, 55, 68, 79, 90]


def generate_enrolment(rng: random.Random) -> pd.DataFrame:
    """Enrolment per school year, county and stage."""
    counties = codes.codes("county")
    rows = []
    for year_index, year in enumerate(SCHOOL_YEARS):
        stages = {
            "compulsory": (COMPULSORY_BY_YEAR[year], COMPULSORY_RATE),
            "preschool": (_split(PRESCHOOL_ENROLLED[year_index], PRESCHOOL_SPLIT), PRESCHOOL_RATE),
            "senior_high": (_split(SENIOR_HIGH_ENROLLED[year_index], SENIOR_HIGH_SPLIT), None),
        }
        for stage, (placements, rates) in stages.items():
            by_county = [allocate(total, [COUNTY_WEIGHT[c] * rng.uniform(0.9, 1.1) for c in counties])
                         for total in placements]
            for county_index, county in enumerate(counties):
                special, regular, home = (by_county[p][county_index] for p in range(3))
                enrolled = special + regular + home
                eligible = None if rates is None else _eligible(enrolled, rates[county][year_index])
                rows.append({"school_year": year, "county_code": county, "stage": stage,
                             "eligible_count": eligible, "special_school_count": special,
                             "regular_class_count": regular, "home_delivery_count": home})
    return pd.DataFrame(rows)


def generate_resources(rng: random.Random) -> pd.DataFrame:
    """Resource centres and classrooms per school year and county."""
    counties = codes.codes("county")
    rows = []
    for year_index, year in enumerate(SCHOOL_YEARS):
        weights = [COUNTY_WEIGHT[c] for c in counties]
        centres = allocate(RESOURCE_CENTRES[year_index], weights)
        classrooms = allocate(RESOURCE_CLASSROOMS[year_index], weights)
        for county, centre_count, classroom_count in zip(counties, centres, classrooms):
            rows.append({"school_year": year, "county_code": county, "resource_centre_count": centre_count,
                         "resource_classroom_count": classroom_count})
    return pd.DataFrame(rows)


def _split(total: int, shares: tuple[float, float, float]) -> tuple[int, int, int]:
    if not shares[2]:
        first, second = allocate(total, shares[:2])
        return first, second, 0
    return tuple(allocate(total, shares))


def _eligible(enrolled: int, rate_pct: float) -> int:
    return max(enrolled, round(enrolled * 100 / rate_pct))
