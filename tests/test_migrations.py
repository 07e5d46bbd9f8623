"""The migrations build exactly the schema the code declares, on both databases."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dashboard import db
from dashboard.schema import metadata


def test_migrated_schema_matches_the_declared_schema(empty_database_url):
    with db.get_engine(empty_database_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_init_db_is_idempotent_and_keeps_existing_data(scratch_db):
    from dashboard import cli
    from queries import stations
    assert "already holds data" in cli.init_db(load_demo=True)
    assert stations.station_totals()["township_station_count"].iloc[0] == 75
