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


def test_boundary_imports_audited_as_ok_read_as_loaded_with_counts_after_revision_0010(tmp_path):
    import datetime as dt

    import sqlalchemy as sa

    from dashboard import migrate
    from dashboard.schema import import_audit
    engine = db.get_engine(f"sqlite:///{tmp_path / 'before_0010.sqlite3'}")
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        for dataset, outcome, new in (("boundaries", "ok", 84), ("visits", "loaded", 5), (None, "ok", None)):
            conn.execute(sa.insert(import_audit).values(occurred_at=dt.datetime(2026, 11, 1), actor="a",
                                                        action="import" if dataset else "sign_in",
                                                        dataset_name=dataset, outcome=outcome, rows_new=new))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(import_audit.c.dataset_name, import_audit.c.outcome, import_audit.c.rows_new,
                                      import_audit.c.rows_changed).order_by(import_audit.c.audit_id)).all()
    # A sign-in keeps its "ok" and its empty counts; another dataset's import is left as it was.
    assert rows == [("boundaries", "loaded", 84, 0), ("visits", "loaded", 5, None), (None, "ok", None, None)]
