"""The database schema (SQLAlchemy Core). Changes go through Alembic migrations in dashboard/migrations.

Conventions: snake_case columns that carry their unit (`_count`, `_yuan`, `_pct`); months are 'YYYY-MM'
strings and school years their starting calendar year, so every query is portable across SQLite and
PostgreSQL; codes are strings (National Bureau of Statistics codes keep their digits).
"""
from __future__ import annotations

import sqlalchemy as sa

from dashboard import codes

metadata = sa.MetaData(naming_convention={
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
})

MONEY = sa.Numeric(16, 2)
# 'YYYY-MM'. On PostgreSQL in code-point order (COLLATE "C"): the same order for these strings, but
# compared byte by byte, where a glibc locale (the database's default) calls strcoll for every
# comparison: 7-15% off a month-range aggregate over a province's half-million warning rows (migration
# 0008).
MONTH = sa.String(7).with_variant(sa.String(7, collation="C"), "postgresql")

# ---- bookkeeping -------------------------------------------------------------------------------
data_version = sa.Table(
    "data_version", metadata,
    sa.Column("singleton_id", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("changed_at", sa.DateTime, nullable=False),
)

datasets = sa.Table(
    "datasets", metadata,
    sa.Column("dataset_name", sa.String(40), primary_key=True),
    sa.Column("is_demo", sa.Boolean, nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
)

import_audit = sa.Table(
    "import_audit", metadata,
    sa.Column("audit_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("occurred_at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(80), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("dataset_name", sa.String(40)),
    sa.Column("file_name", sa.String(255)),
    sa.Column("file_sha256", sa.String(64)),
    sa.Column("rows_new", sa.Integer),
    sa.Column("rows_changed", sa.Integer),
    sa.Column("rows_unchanged", sa.Integer),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("detail", sa.Text),
)

# ---- places ------------------------------------------------------------------------------------
counties = sa.Table(
    "counties", metadata,
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("name_zh", sa.String(40), nullable=False),
    sa.Column("name_en", sa.String(60), nullable=False),
    sa.Column("sort_order", sa.Integer, nullable=False),
)

townships = sa.Table(
    "townships", metadata,
    sa.Column("township_code", sa.String(9), primary_key=True),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("name_zh", sa.String(60), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # town | street | ethnic_township | other
    sa.Column("seat_lon", sa.Float),
    sa.Column("seat_lat", sa.Float),
    sa.Column("population_count", sa.Integer),
)

villages = sa.Table(
    "villages", metadata,
    sa.Column("village_code", sa.String(12), primary_key=True),
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code"), nullable=False,
              index=True),
    sa.Column("name_zh", sa.String(80), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # village | community | other
    sa.Column("lon", sa.Float),
    sa.Column("lat", sa.Float),
    sa.Column("population_count", sa.Integer),
)

village_group_population = sa.Table(
    "village_group_population", metadata,
    sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.village_code"), primary_key=True),
    sa.Column("group_code", sa.String(30), primary_key=True),
    sa.Column("person_count", sa.Integer, nullable=False),
)

boundaries = sa.Table(
    "boundaries", metadata,
    sa.Column("area_code", sa.String(12), primary_key=True),
    sa.Column("level", sa.String(10), nullable=False),  # township | village
    sa.Column("geojson", sa.Text, nullable=False),  # WGS-84 geometry
    sa.Column("is_schematic", sa.Boolean, nullable=False),
)

# ---- social-work stations ----------------------------------------------------------------------
stations = sa.Table(
    "stations", metadata,
    sa.Column("station_code", sa.String(20), primary_key=True),
    sa.Column("name_zh", sa.String(120), nullable=False),
    sa.Column("station_type", sa.String(10), nullable=False),  # station (社工站) | point (社工点)
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code"), nullable=False,
              index=True),
    sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.village_code")),
    sa.Column("parent_station_code", sa.String(20)),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("social_worker_count", sa.Integer, nullable=False),
    sa.Column("is_benchmark", sa.Boolean, nullable=False),
    sa.Column("hotline_count", sa.Integer, nullable=False),
    sa.Column("opened_on", sa.Date),
)

village_assignments = sa.Table(
    "village_assignments", metadata,
    sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.village_code"), primary_key=True),
    sa.Column("station_code", sa.String(20), sa.ForeignKey("stations.station_code"), nullable=False,
              index=True),
)

# The 11 groups by number (codes.GROUP_NUMBERS): visit rows store the number, the summaries the code.
population_groups = sa.Table(
    "population_groups", metadata,
    sa.Column("group_number", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("group_code", sa.String(30), nullable=False, unique=True),
)

visits_monthly = sa.Table(
    "visits_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("station_code", sa.String(20), sa.ForeignKey("stations.station_code"), primary_key=True),
    sa.Column("group_number", sa.SmallInteger, sa.ForeignKey("population_groups.group_number"),
              primary_key=True),
    sa.Column("home_visit_count", sa.Integer, nullable=False),
    sa.Column("case_count", sa.Integer, nullable=False),
    sa.Column("people_served_count", sa.Integer, nullable=False),
    # The part of each count delivered under the "six-society" (六社联动) joint model.
    sa.Column("six_society_visit_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("six_society_case_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("six_society_people_served_count", sa.Integer, nullable=False, server_default="0"),
)
# No index on (station_code, month): every page reads the visit summaries, and rebuilding that index
# was the costliest step of a bulk import.

station_resources_monthly = sa.Table(
    "station_resources_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("station_code", sa.String(20), sa.ForeignKey("stations.station_code"), primary_key=True),
    sa.Column("linked_charity_yuan", MONEY, nullable=False),
)

service_recipients_quarterly = sa.Table(
    "service_recipients_quarterly", metadata,
    sa.Column("quarter", sa.String(7), primary_key=True),  # 'YYYY-Qn'
    sa.Column("station_code", sa.String(20), sa.ForeignKey("stations.station_code"), primary_key=True),
    sa.Column("group_code", sa.String(30), primary_key=True),
    sa.Column("registered_count", sa.Integer, nullable=False),
    sa.Column("visited_count", sa.Integer, nullable=False),
)

# ---- special education -------------------------------------------------------------------------
special_education_enrolment = sa.Table(
    "special_education_enrolment", metadata,
    sa.Column("school_year", sa.Integer, primary_key=True),  # 2023 = the 2023-2024 school year
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), primary_key=True),
    sa.Column("stage", sa.String(20), primary_key=True),  # compulsory | preschool | senior_high
    sa.Column("eligible_count", sa.Integer),
    sa.Column("special_school_count", sa.Integer, nullable=False),
    sa.Column("regular_class_count", sa.Integer, nullable=False),
    sa.Column("home_delivery_count", sa.Integer, nullable=False),
)

special_education_resources = sa.Table(
    "special_education_resources", metadata,
    sa.Column("school_year", sa.Integer, primary_key=True),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), primary_key=True),
    sa.Column("resource_centre_count", sa.Integer, nullable=False),
    sa.Column("resource_classroom_count", sa.Integer, nullable=False),
)

# ---- aging-friendly renovations ----------------------------------------------------------------
renovations = sa.Table(
    "renovations", metadata,
    sa.Column("household_ref", sa.String(40), primary_key=True),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code")),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("completed_on", sa.Date, nullable=False),
    sa.Column("cost_yuan", MONEY, nullable=False),
)

renovation_items = sa.Table(
    "renovation_items", metadata,
    sa.Column("household_ref", sa.String(40), sa.ForeignKey("renovations.household_ref", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("aim_code", sa.String(30), primary_key=True),
)

# ---- charity -----------------------------------------------------------------------------------
charity_organisations = sa.Table(
    "charity_organisations", metadata,
    sa.Column("organisation_code", sa.String(30), primary_key=True),
    sa.Column("name_zh", sa.String(120), nullable=False),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code")),
    sa.Column("registered_on", sa.Date),
    sa.Column("opening_balance_yuan", MONEY, nullable=False, server_default="0"),
    sa.Column("opening_balance_on", sa.Date),
)

charity_flows = sa.Table(
    "charity_flows", metadata,
    sa.Column("flow_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("flow_date", sa.Date, nullable=False, index=True),
    sa.Column("direction", sa.String(10), nullable=False),  # raised | disbursed
    sa.Column("source_type", sa.String(30)),  # for raised: enterprise | individual | community_fund | ...
    sa.Column("organisation_code", sa.String(30), sa.ForeignKey("charity_organisations.organisation_code"),
              nullable=False),
    sa.Column("programme_code", sa.String(30), nullable=False),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code")),
    sa.Column("beneficiary_group", sa.String(30)),
    sa.Column("amount_yuan", MONEY, nullable=False),
)

community_funds = sa.Table(
    "community_funds", metadata,
    sa.Column("fund_code", sa.String(30), primary_key=True),
    sa.Column("name_zh", sa.String(120), nullable=False),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False),
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code")),
    sa.Column("established_on", sa.Date),
    sa.Column("raised_yuan", MONEY, nullable=False),
    sa.Column("micro_project_count", sa.Integer, nullable=False),
)

# ---- social assistance and dynamic monitoring ----------------------------------------------------
# Aggregates exported from the province's low-income population monitoring platform and the city's
# social-assistance service system: counts only, never a person's record.
monitored_population_monthly = sa.Table(
    "monitored_population_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code"), primary_key=True),
    sa.Column("category_code", sa.String(30), primary_key=True),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("person_count", sa.Integer, nullable=False),  # people under monitoring at the month's end
)

# One row per combination and handling time, so "handled within N days" is exact for any N.
# days_to_handle: days from the warning to its outcome; for an open warning, days open so far at the
# end of the export month.
risk_warnings_monthly = sa.Table(
    "risk_warnings_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),  # the month the warning was raised
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code"), primary_key=True),
    sa.Column("source_department", sa.String(30), primary_key=True),
    sa.Column("warning_type", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(20), primary_key=True),
    sa.Column("days_to_handle", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("warning_count", sa.Integer, nullable=False),
)
sa.Index("ix_risk_warnings_monthly_department_month", risk_warnings_monthly.c.source_department,
         risk_warnings_monthly.c.month)

assistance_requests_monthly = sa.Table(
    "assistance_requests_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),  # the month the request was submitted
    sa.Column("township_code", sa.String(9), sa.ForeignKey("townships.township_code"), primary_key=True),
    sa.Column("need_code", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(20), primary_key=True),
    sa.Column("days_to_handle", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("county_code", sa.String(6), sa.ForeignKey("counties.county_code"), nullable=False, index=True),
    sa.Column("request_count", sa.Integer, nullable=False),
)

# ---- targets and published figures -------------------------------------------------------------
targets = sa.Table(
    "targets", metadata,
    sa.Column("target_key", sa.String(60), primary_key=True),
    sa.Column("metric_key", sa.String(60), nullable=False),
    sa.Column("county_code", sa.String(6)),  # NULL: the whole city
    sa.Column("target_value", sa.Float, nullable=False),
    sa.Column("unit", sa.String(20), nullable=False),
    sa.Column("baseline_year", sa.Integer),
    sa.Column("baseline_value", sa.Float),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("source_document", sa.String(120), nullable=False),
    sa.Column("note", sa.Text),
)

published_figures = sa.Table(
    "published_figures", metadata,
    sa.Column("figure_key", sa.String(60), primary_key=True),
    sa.Column("area", sa.String(30), nullable=False),
    sa.Column("metric_key", sa.String(60)),  # the metric that recomputes it; NULL: register only
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("relation", sa.String(2), nullable=False, server_default="="),  # '=', '>=' (以上) or '≈' (约)
    sa.Column("unit", sa.String(20), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("period_start", sa.String(10)),  # ISO date or 'YYYY-MM'; NULL: a stock as at as_of
    sa.Column("period_end", sa.String(10)),
    sa.Column("source_document", sa.String(120), nullable=False),
    sa.Column("source_quote", sa.Text),
)

# ---- accounts ----------------------------------------------------------------------------------
users = sa.Table(
    "users", metadata,
    sa.Column("username", sa.String(60), primary_key=True),
    sa.Column("display_name", sa.String(80), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),  # leader | planner | data_officer | admin
    sa.Column("password_hash", sa.String(200)),  # NULL for single-sign-on accounts
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.DateTime),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_sign_in_at", sa.DateTime),
)

# A signed-in browser's session: only the SHA-256 of its token is kept, so a copy of the database
# cannot sign anyone in. last_seen_at drives the idle expiry; expires_at caps a session's whole life.
user_sessions = sa.Table(
    "user_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(60), sa.ForeignKey("users.username", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_seen_at", sa.DateTime, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
)

# ---- summaries ---------------------------------------------------------------------------------
# Derived tables that the write path (demo load, import, province benchmark) rebuilds in the same
# transaction as the data they summarise (dashboard/summaries.py), so the pages' queries read a few
# thousand rows instead of millions. Never written by hand; always equal to a GROUP BY of their sources.
visits_county_monthly = sa.Table(
    "visits_county_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("quarter", sa.String(7), nullable=False),  # 'YYYY-Qn' of the month
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("group_code", sa.String(30), primary_key=True),
    sa.Column("home_visit_count", sa.Integer, nullable=False),
    sa.Column("case_count", sa.Integer, nullable=False),
    sa.Column("people_served_count", sa.Integer, nullable=False),
    sa.Column("six_society_visit_count", sa.Integer, nullable=False),
    sa.Column("six_society_case_count", sa.Integer, nullable=False),
    sa.Column("six_society_people_served_count", sa.Integer, nullable=False),
)

# Visits rolled up to the township station (a village point's visits count for its station).
visits_station_monthly = sa.Table(
    "visits_station_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("quarter", sa.String(7), nullable=False),
    sa.Column("station_code", sa.String(20), primary_key=True),
    sa.Column("county_code", sa.String(6), nullable=False, index=True),
    sa.Column("home_visit_count", sa.Integer, nullable=False),
    sa.Column("case_count", sa.Integer, nullable=False),
    sa.Column("people_served_count", sa.Integer, nullable=False),
)

# Visits by the township of the station or point that made them.
visits_township_monthly = sa.Table(
    "visits_township_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("township_code", sa.String(9), primary_key=True),
    sa.Column("home_visit_count", sa.Integer, nullable=False),
)

# Visits per social worker of each township station in each quarter (computed from visits_station_monthly,
# so it is rebuilt after it): the workload box plot reads the values in order from the index.
workload_station_quarterly = sa.Table(
    "workload_station_quarterly", metadata,
    sa.Column("quarter", sa.String(7), primary_key=True),
    sa.Column("station_code", sa.String(20), primary_key=True),
    sa.Column("county_code", sa.String(6), nullable=False),
    sa.Column("month_count", sa.Integer, nullable=False),  # months with data in the quarter
    sa.Column("home_visit_count", sa.Integer, nullable=False),
    sa.Column("social_worker_count", sa.Integer, nullable=False),  # its own and its points'
    sa.Column("visits_per_worker", sa.Float),  # NULL: a station without social workers
    # The quarter's other sums, so the station table of whole quarters is read from here too (migration
    # 0012): a third of visits_station_monthly's rows.
    sa.Column("case_count", sa.Integer, nullable=False),
    sa.Column("people_served_count", sa.Integer, nullable=False),
)
sa.Index("ix_workload_station_quarterly_quarter_visits", workload_station_quarterly.c.quarter,
         workload_station_quarterly.c.visits_per_worker)

recipients_county_quarterly = sa.Table(
    "recipients_county_quarterly", metadata,
    sa.Column("quarter", sa.String(7), primary_key=True),
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("group_code", sa.String(30), primary_key=True),
    sa.Column("registered_count", sa.Integer, nullable=False),
    sa.Column("visited_count", sa.Integer, nullable=False),
)

recipients_station_quarterly = sa.Table(
    "recipients_station_quarterly", metadata,
    sa.Column("quarter", sa.String(7), primary_key=True),
    sa.Column("station_code", sa.String(20), primary_key=True),
    sa.Column("county_code", sa.String(6), nullable=False, index=True),
    sa.Column("groups_short_count", sa.Integer, nullable=False),
    sa.Column("registered_count", sa.Integer, nullable=False),
    sa.Column("visited_count", sa.Integer, nullable=False),
)

# People under dynamic monitoring per county, month and category.
monitored_county_monthly = sa.Table(
    "monitored_county_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("category_code", sa.String(30), primary_key=True),
    sa.Column("person_count", sa.Integer, nullable=False),
)

# Warnings and requests of all counties together (the area's figures, what the pages show by default),
# per month: at province scale the detail rows are nearly unique in every grain that keeps the county
# (half a million rows), while these hold tens of thousands. A chosen county's figures are read from the
# detail rows through their county index. Days stay in the grain: the handling limit is a setting.
warnings_department_monthly = sa.Table(
    "warnings_department_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("source_department", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(20), primary_key=True),
    sa.Column("days_to_handle", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("warning_count", sa.Integer, nullable=False),
)

warnings_type_monthly = sa.Table(
    "warnings_type_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("warning_type", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(20), primary_key=True),
    sa.Column("days_to_handle", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("warning_count", sa.Integer, nullable=False),
)

# Warnings per township and month, whatever their kind (for the rate per 1,000 monitored on the map).
warnings_township_monthly = sa.Table(
    "warnings_township_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("township_code", sa.String(9), primary_key=True),
    sa.Column("warning_count", sa.Integer, nullable=False),
)

requests_need_monthly = sa.Table(
    "requests_need_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("need_code", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(20), primary_key=True),
    sa.Column("request_count", sa.Integer, nullable=False),
)

# Linked charity resources per county and month.
resources_county_monthly = sa.Table(
    "resources_county_monthly", metadata,
    sa.Column("month", MONTH, primary_key=True),
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("linked_charity_yuan", MONEY, nullable=False),
)

# People of each of the 11 groups per village, one column per group (`<group_code>_count`): the coverage
# analysis reads a row per village instead of eleven.
village_groups_wide = sa.Table(
    "village_groups_wide", metadata,
    sa.Column("village_code", sa.String(12), primary_key=True),
    *(sa.Column(f"{code}_count", sa.Integer, nullable=False) for code in codes.codes("group")),
)

# Renovations per year of completion ('YYYY'); pages ask for whole years, so these answer them.
renovations_yearly = sa.Table(
    "renovations_yearly", metadata,
    sa.Column("year", sa.String(4), nullable=False, index=True),
    sa.Column("county_code", sa.String(6), nullable=False),
    sa.Column("township_code", sa.String(9)),  # NULL: renovations recorded without a township
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("household_count", sa.Integer, nullable=False),
    sa.Column("cost_yuan", MONEY, nullable=False),
)

renovation_aims_yearly = sa.Table(
    "renovation_aims_yearly", metadata,
    sa.Column("year", sa.String(4), primary_key=True),
    sa.Column("county_code", sa.String(6), primary_key=True),
    sa.Column("aim_code", sa.String(30), primary_key=True),
    sa.Column("household_count", sa.Integer, nullable=False),
)

# Charity flows per calendar year, one table per question the charity page asks.
charity_org_yearly = sa.Table(
    "charity_org_yearly", metadata,
    sa.Column("year", sa.String(4), primary_key=True),
    sa.Column("organisation_code", sa.String(30), primary_key=True),
    sa.Column("direction", sa.String(10), primary_key=True),
    sa.Column("amount_yuan", MONEY, nullable=False),
)

charity_county_yearly = sa.Table(
    "charity_county_yearly", metadata,
    sa.Column("year", sa.String(4), nullable=False, index=True),
    sa.Column("county_code", sa.String(6)),  # the flow's county; NULL: city-wide
    sa.Column("direction", sa.String(10), nullable=False),
    sa.Column("amount_yuan", MONEY, nullable=False),
)

charity_source_yearly = sa.Table(
    "charity_source_yearly", metadata,
    sa.Column("year", sa.String(4), primary_key=True),
    sa.Column("organisation_code", sa.String(30), primary_key=True),
    sa.Column("source_type", sa.String(30), primary_key=True),  # 'other' where the flow names none
    sa.Column("amount_yuan", MONEY, nullable=False),
)

charity_programme_yearly = sa.Table(
    "charity_programme_yearly", metadata,
    sa.Column("year", sa.String(4), primary_key=True),
    sa.Column("organisation_code", sa.String(30), primary_key=True),
    sa.Column("programme_code", sa.String(30), primary_key=True),
    sa.Column("amount_yuan", MONEY, nullable=False),
)

charity_destination_yearly = sa.Table(
    "charity_destination_yearly", metadata,
    sa.Column("year", sa.String(4), nullable=False, index=True),
    sa.Column("organisation_county_code", sa.String(6)),  # NULL: a city-level organisation
    sa.Column("programme_code", sa.String(30), nullable=False),
    sa.Column("county_code", sa.String(6), nullable=False),  # 'other' where the flow names none
    sa.Column("beneficiary_group", sa.String(30), nullable=False),  # 'other' likewise
    sa.Column("amount_yuan", MONEY, nullable=False),
)
