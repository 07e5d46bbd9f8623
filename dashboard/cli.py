"""Command line: python -m dashboard init-db [--demo] | reconcile | import --dataset NAME FILE [--dry-run]."""
from __future__ import annotations

import argparse
import os
import sys

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
    from dashboard.reconcile import reconcile
    frame = reconcile()
    print(f"{'figure_key':40} {'published':>16} {'rel':>3} {'computed':>18}  status")
    for row in frame.itertuples():
        computed = "-" if row.computed_value is None else f"{row.computed_value:,.4f}".rstrip("0").rstrip(".")
        published = f"{row.published_value:,.4f}".rstrip("0").rstrip(".")
        print(f"{row.figure_key:40} {published:>16} {row.relation:>3} {computed:>18}  {row.status}")
    failed = int((frame["status"] != "match").sum())
    print(f"{len(frame) - failed} of {len(frame)} published figures match")
    return 1 if failed else 0


def run_import(dataset: str, path: str, dry_run: bool, sheet: str | None, language: str) -> int:
    """Import one file through the same path as the page; print the report. 0 accepted, 1 rejected."""
    from pathlib import Path

    from dashboard.importing import import_file
    from dashboard.importing.report import to_text
    content = Path(path).read_bytes()
    result = import_file(dataset, content, Path(path).name, dry_run=dry_run, sheet=sheet)
    print(to_text(result, language))
    return 0 if result.accepted else 1


def main(argv: list[str] | None = None) -> int:
    """Run a command; exit status 0 on success, 1 when the work was refused, 2 on a usage error."""
    from dashboard.importing.templates import DATASETS
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="惠州民政数据驾驶舱")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-db", help="create or migrate the database")
    init.add_argument("--demo", action="store_true", help="load the demo dataset if the database is empty")
    commands.add_parser("reconcile", help="check the data against every published figure")
    load = commands.add_parser("import", help="import one of the bureau's Excel or CSV files")
    load.add_argument("--dataset", required=True, choices=DATASETS, help="which dataset the file holds")
    load.add_argument("file", help="the .xlsx or .csv file")
    load.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    load.add_argument("--sheet", help="the sheet of an XLSX file (default: the first)")
    load.add_argument("--language", choices=["zh", "en"], default=None, help="language of the report")
    args = parser.parse_args(argv)  # a usage error exits with status 2
    if args.command == "import":
        from dashboard import settings
        if not os.path.isfile(args.file):
            parser.error(f"no such file: {args.file}")
        return run_import(args.dataset, args.file, args.dry_run, args.sheet,
                          args.language or settings.get("DEFAULT_LANGUAGE"))
    if args.command == "init-db":
        print(init_db(args.demo))
        return 0
    return print_reconcile()


if __name__ == "__main__":
    sys.exit(main())
