"""Reconcile: every published figure against the value the product computes."""
import sqlalchemy as sa

from dashboard import cli, db
from dashboard.reconcile import reconcile, status
from dashboard.schema import stations
from dashboard.sources import PUBLISHED_FIGURES


def test_demo_data_reconciles_with_every_published_figure(demo_db):
    frame = reconcile()
    assert list(frame.columns) == ["figure_key", "published_value", "relation", "computed_value", "status"]
    assert len(frame) == len(PUBLISHED_FIGURES)
    assert frame["status"].eq("match").all(), frame[frame["status"] != "match"]


def test_status_respects_published_precision_and_relation():
    assert status(8.73, "=", 8.7333) == "match"
    assert status(13.9, "=", 13.96) == "mismatch"
    assert status(97, ">=", 97.38) == "match"
    assert status(97, ">=", 96.99) == "mismatch"
    assert status(75, "=", None) == "not computed"


def test_cli_exits_1_and_names_the_figure_when_data_disagrees(scratch_db, capsys):
    with db.get_engine(scratch_db).begin() as conn:
        conn.execute(sa.update(stations).where(stations.c.station_code == sa.select(
            sa.func.min(stations.c.station_code)).where(stations.c.station_type == "point").scalar_subquery())
            .values(social_worker_count=stations.c.social_worker_count + 1))
        db.bump_data_version(conn)
    assert cli.main(["reconcile"]) == 1
    out = capsys.readouterr().out
    assert "social_worker_count" in out and "mismatch" in out and "32 of 33" in out


def test_cli_exits_0_on_demo(scratch_db, capsys):
    assert cli.main(["reconcile"]) == 0
    assert "33 of 33 published figures match" in capsys.readouterr().out
