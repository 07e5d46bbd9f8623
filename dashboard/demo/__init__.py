"""The deterministic demo dataset: totals equal the bureau's published figures, detail is generated.

Everything here is labelled demo in the database (`datasets.is_demo`) and on every page.
"""
from __future__ import annotations

import random

import pandas as pd
import sqlalchemy as sa

from dashboard import schema
from dashboard.demo import (charity, places, renovations, social_assistance, special_education, stations,
                            visits)
from geo.reference import county_shapes
from geo.townships import boundary_rows, schematic_township_areas
from dashboard.registers import seed_published_figures
from dashboard.writing import finish_write, insert_frame, mark_dataset

DEMO_SEED = 20240612  # the date of the bureau's letter

# Dataset name -> the tables it fills, parents before children.
DEMO_DATASETS = {
    "places": ["counties", "townships", "villages", "village_group_population"],
    "stations": ["stations", "village_assignments"],
    "visits": ["visits_monthly", "station_resources_monthly"],
    "service_recipients": ["service_recipients_quarterly"],
    "special_education": ["special_education_enrolment"],
    "special_education_resources": ["special_education_resources"],
    "renovations": ["renovations", "renovation_items"],
    "charity_flows": ["charity_organisations", "charity_flows"],
    "community_funds": ["community_funds"],
    "monitored_population": ["monitored_population_monthly"],
    "risk_warnings": ["risk_warnings_monthly"],
    "assistance_requests": ["assistance_requests_monthly"],
    "boundaries": ["boundaries"],
}


def build_demo(seed: int = DEMO_SEED) -> dict[str, pd.DataFrame]:
    """Every demo table as a DataFrame, the same for the same seed."""
    rng = random.Random(seed)
    place_data = places.generate_places(rng)
    network = stations.generate_stations(place_data, rng)
    households, items = renovations.generate_renovations(place_data, rng)
    organisations = charity.generate_organisations(rng)
    # Its own generator so adding this area leaves the other areas' demo detail unchanged.
    assistance_rng = random.Random(seed + 10)
    monitored = social_assistance.generate_monitored(place_data, assistance_rng)
    return {
        "counties": place_data.counties, "townships": place_data.townships,
        "villages": place_data.villages, "village_group_population": place_data.village_group_population,
        "stations": network.stations, "village_assignments": network.village_assignments,
        "visits_monthly": visits.generate_visits(place_data, network, rng),
        "station_resources_monthly": visits.generate_linked_charity(network, rng),
        "service_recipients_quarterly": visits.generate_service_recipients(place_data, network, rng),
        "special_education_enrolment": special_education.generate_enrolment(rng),
        "special_education_resources": special_education.generate_resources(rng),
        "renovations": households, "renovation_items": items,
        "charity_organisations": organisations,
        "charity_flows": charity.generate_flows(organisations, rng),
        "community_funds": charity.generate_community_funds(place_data, rng),
        "monitored_population_monthly": monitored,
        "risk_warnings_monthly": social_assistance.generate_warnings(monitored, assistance_rng),
        "assistance_requests_monthly": social_assistance.generate_requests(monitored, assistance_rng),
        # Schematic (示意) township areas; real boundaries replace them through the import path.
        "boundaries": boundary_rows(schematic_township_areas(place_data.townships, county_shapes()),
                                    is_schematic=True),
    }


def load_demo(engine: sa.Engine, seed: int = DEMO_SEED) -> dict[str, int]:
    """Replace all data with the demo dataset in one transaction; returns rows per table."""
    tables = build_demo(seed)
    ordered = [name for names in DEMO_DATASETS.values() for name in names]
    counts = {}
    with engine.begin() as conn:
        for name in reversed(ordered):
            conn.execute(sa.delete(schema.metadata.tables[name]))
        for name in ordered:
            counts[name] = insert_frame(conn, schema.metadata.tables[name], tables[name])
        for dataset, names in DEMO_DATASETS.items():
            mark_dataset(conn, dataset, is_demo=True, row_count=sum(counts[n] for n in names))
        seed_published_figures(conn)
        finish_write(conn)
    return counts
