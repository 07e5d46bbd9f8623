"""Command line: python -m dashboard init-db [--demo] | reconcile."""
from __future__ import annotations

import argparse
import sys

import pandas as pd
import sqlalchemy as sa

from dashboard import db, demo, migrate, registers
from dashboard.schema import datasets


def init_db(load_demo: bool) -> str:
    """Create or migrate the database, seed the registers, and load the demo when it holds no data."""
    engine = db.get_engine()
    migrate.upgrade(engine)
    with engine.begin() as conn:
        has_data = conn.execute(sa.select(sa.func.count()).select_from(datasets)).scalar() > 0
        if not load_demo or has_data:
            registers.seed_places(conn)
            registers.seed_published_figures(conn)
            db.bump_data_version(conn)
    if load_demo and not has_data:
        counts = demo.load_demo(engine)
        return f"demo data loaded: {sum(counts.values()):,} rows in {len(counts)} tables"
    return "database ready" + (" (it already holds data; demo not loaded)" if load_demo else "")


def print_reconcile() -> int:
    """Print each published figure against the computed value; 1 unless all match."""
    from dashboard.reconcile import MATCH, PASSING, REGISTERED, reconcile
    frame = reconcile()
    print(f"{'figure_key':40} {'published':>16} {'rel':>3} {'computed':>18}  status")
    for row in frame.itertuples():
        computed = "-" if pd.isna(row.computed_value) else f"{row.computed_value:,.4f}".rstrip("0").rstrip(".")
        published = f"{row.published_value:,.4f}".rstrip("0").rstrip(".")
        print(f"{row.figure_key:40} {published:>16} {row.relation:>3} {computed:>18}  {row.status}")
    registered = int((frame["status"] == REGISTERED).sum())
    checked = len(frame) - registered
    matched = int((frame["status"] == MATCH).sum())
    print(f"{matched} of {checked} published figures match")
    print(f"{registered} registered (no dataset): held in the register and shown as facts, not recomputed")
    return 0 if frame["status"].isin(PASSING).all() else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="惠州民政数据驾驶舱")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-db", help="create or migrate the database")
    init.add_argument("--demo", action="store_true", help="load the demo dataset if the database is empty")
    commands.add_parser("reconcile", help="check the data against every published figure")
    args = parser.parse_args(argv)
    if args.command == "init-db":
        print(init_db(args.demo))
        return 0
    return print_reconcile()


if __name__ == "__main__":
    sys.exit(main())
