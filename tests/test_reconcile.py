"""Reconcile: every published figure against the value the product computes."""
import sqlalchemy as sa

from dashboard.writing import finish_write
from dashboard import cli, db
from dashboard.reconcile import REGISTERED, approximate_tolerance, reconcile, status
from dashboard.schema import monitored_population_monthly, stations
from dashboard.sources import PUBLISHED_FIGURES

COMPUTED = [f for f in PUBLISHED_FIGURES if f.metric_key]
REGISTER_ONLY = [f for f in PUBLISHED_FIGURES if not f.metric_key]


def test_demo_data_reconciles_with_every_published_figure(demo_db):
    frame = reconcile()
    assert list(frame.columns) == ["figure_key", "published_value", "relation", "computed_value", "status"]
    assert len(frame) == len(PUBLISHED_FIGURES)
    computed = frame[frame["figure_key"].isin([f.figure_key for f in COMPUTED])]
    assert computed["status"].eq("match").all(), computed[computed["status"] != "match"]


def test_figures_without_a_dataset_are_registered_not_matched(demo_db):
    frame = reconcile().set_index("figure_key")
    registered = frame.loc[[f.figure_key for f in REGISTER_ONLY]]
    assert REGISTER_ONLY and registered["status"].eq(REGISTERED).all()
    assert registered["computed_value"].isna().all()  # nothing is read back from the register itself
    for key in ("monitored_population_count", "assistance_requests_handled_count"):
        assert frame.loc[key, "status"] == "match" and frame.loc[key, "computed_value"] > 0


def test_status_respects_published_precision_and_relation():
    assert status(8.73, "=", 8.7333) == "match"
    assert status(13.9, "=", 13.96) == "mismatch"
    assert status(97, ">=", 97.38) == "match"
    assert status(97, ">=", 96.99) == "mismatch"
    assert status(75, "=", None) == "not computed"


def test_about_means_within_half_a_unit_of_the_last_published_digit():
    # 约11.97万 stored as 119,700: 119,650 to 119,750 agree
    assert approximate_tolerance(119_700) == 50
    assert approximate_tolerance(11.97) == 0.005
    assert status(119_700, "≈", 119_749) == "match"
    assert status(119_700, "≈", 119_650) == "match"
    assert status(119_700, "≈", 119_751) == "mismatch"
    assert status(120_000, "≈", 116_000) == "match"  # 约12万: 115,000 to 125,000
    assert status(120_000, "≈", 114_999) == "mismatch"


def test_cli_exits_1_and_names_the_figure_when_data_disagrees(scratch_db, capsys):
    with db.get_engine(scratch_db).begin() as conn:
        conn.execute(sa.update(stations).where(stations.c.station_code == sa.select(
            sa.func.min(stations.c.station_code)).where(stations.c.station_type == "point").scalar_subquery())
            .values(social_worker_count=stations.c.social_worker_count + 1))
        finish_write(conn)  # the write path: summaries, then the data version
    assert cli.main(["reconcile"]) == 1
    out = capsys.readouterr().out
    assert "social_worker_count" in out and "mismatch" in out
    assert f"{len(COMPUTED) - 1} of {len(COMPUTED)} published figures match" in out


def test_cli_exits_1_when_the_monitored_population_is_off_by_more_than_the_rounding(scratch_db, capsys):
    with db.get_engine(scratch_db).begin() as conn:
        latest = conn.execute(sa.select(sa.func.max(monitored_population_monthly.c.month))).scalar()
        conn.execute(sa.update(monitored_population_monthly)
                     .where(monitored_population_monthly.c.month == latest)
                     .values(person_count=monitored_population_monthly.c.person_count + 1))
        finish_write(conn)  # the write path: summaries, then the data version
    assert cli.main(["reconcile"]) == 1
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if l.startswith("monitored_population_count"))
    assert "mismatch" in line


def test_cli_exits_0_on_demo(scratch_db, capsys):
    assert cli.main(["reconcile"]) == 0
    out = capsys.readouterr().out
    assert f"{len(COMPUTED)} of {len(COMPUTED)} published figures match" in out
    assert f"{len(REGISTER_ONLY)} registered (no dataset)" in out
