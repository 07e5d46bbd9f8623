"""Command line: python -m dashboard init-db [--demo] | reconcile | import --dataset NAME FILE [--dry-run]."""
from __future__ import annotations

import argparse
import getpass
import os
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


def users_command(args) -> int:
    """users add NAME --role ROLE | users list | users bootstrap."""
    from dashboard import accounts
    from dashboard.i18n import t
    if args.users_command == "bootstrap":
        password = accounts.bootstrap_admin()
        if password is None:
            print("an administrator exists: sign in with your account")
        else:
            print("first administrator created. Sign in at http://127.0.0.1:8501 with")
            print(f"  username: admin\n  password: {password}")
            print("(shown once; change it by adding your own accounts: python -m dashboard users add NAME --role admin)")
        return 0
    if args.users_command == "list":
        for user in accounts.list_users():
            print(f"{user['username']:20} {user['role']:13} active={user['is_active']} "
                  f"locked_until={user['locked_until'] or '-'}")
        return 0
    password = None if args.sso else os.environ.get("DASHBOARD_PASSWORD") or _prompt_password()
    try:
        accounts.add_user(args.name, args.role, password, args.display_name or "")
    except accounts.AccountError as error:
        print(t(str(error), "zh"), t(str(error), "en"), sep="\n", file=sys.stderr)
        return 2
    print(f"added {args.name.strip().lower()} ({args.role})")
    return 0


def _prompt_password() -> str:
    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        print("the two passwords differ", file=sys.stderr)
        sys.exit(2)
    return first


def briefing_command(args) -> int:
    """Write the briefing deck (and its PDF) for the chosen slides."""
    from pathlib import Path

    from dashboard.briefing import pdf_export, service
    from dashboard.briefing.catalogue import CATALOGUE
    from dashboard.briefing.model import snapshot_id
    keys = args.slides.split(",") if args.slides else list(CATALOGUE)
    unknown = [k for k in keys if k not in CATALOGUE]
    if unknown:
        print(f"unknown slides: {', '.join(unknown)}; choose from: {', '.join(CATALOGUE)}", file=sys.stderr)
        return 2
    slides = service.slides(tuple(keys), args.lang)
    pptx = service.deck(slides, args.lang)
    out = Path(args.out)
    out.write_bytes(pptx)
    print(f"{out}: {len(slides) + 1} slides, snapshot {snapshot_id(slides)}")
    for slide in slides:
        print(f"  {slide.key}: {slide.title}")
        for note in slide.notes:
            print(f"    note: {note}")
    if args.pdf:
        try:
            out.with_suffix(".pdf").write_bytes(pdf_export.to_pdf(pptx))
        except pdf_export.PdfUnavailable as error:
            print(f"PDF not written: {error} (apt-get install libreoffice-impress)", file=sys.stderr)
            return 1
        print(f"{out.with_suffix('.pdf')}: written")
    return 0


def run_import(dataset: str, path: str, dry_run: bool, sheet: str | None, language: str,
               crs: str | None = None) -> int:
    """Import one file through the same path as the page; print the report. 0 accepted, 1 rejected."""
    from pathlib import Path

    from dashboard.importing import import_file
    from dashboard.importing.report import to_text
    from dashboard.importing.templates import BOUNDARIES
    content = Path(path).read_bytes()
    if dataset == BOUNDARIES:
        return _import_boundaries(content, Path(path).name, crs, dry_run, language)
    result = import_file(dataset, content, Path(path).name, dry_run=dry_run, sheet=sheet)
    print(to_text(result, language))
    return 0 if result.accepted else 1


def _import_boundaries(content: bytes, name: str, crs: str | None, dry_run: bool, language: str) -> int:
    from dashboard.boundary_import import BoundaryImportError, import_township_boundaries
    from dashboard.importing.actor import current_actor
    from dashboard.importing.report import boundary_messages
    try:
        result = import_township_boundaries(db.get_engine(), content, name, crs, actor=current_actor(),
                                            dry_run=dry_run)
    except BoundaryImportError as error:
        print(error)
        return 1
    for _, message in boundary_messages(result, language):
        print(message)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # everything after it goes to Streamlit unchanged
        from dashboard import serve
        return serve.main(argv[1:])
    from dashboard.importing.templates import BOUNDARIES, DATASETS
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="惠州民政数据驾驶舱")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-db", help="create or migrate the database")
    init.add_argument("--demo", action="store_true", help="load the demo dataset if the database is empty")
    commands.add_parser("reconcile", help="check the data against every published figure")
    commands.add_parser("serve", help="start the app (options go to streamlit run)")
    briefing = commands.add_parser("briefing", help="export the NPC briefing deck")
    briefing.add_argument("--out", required=True, help="the .pptx file to write")
    briefing.add_argument("--slides", default="", help="comma-separated slide keys, in order (default: all)")
    briefing.add_argument("--pdf", action="store_true", help="also write a PDF beside it (needs LibreOffice)")
    briefing.add_argument("--lang", default="zh", choices=["zh", "en"])
    users = commands.add_parser("users", help="manage accounts").add_subparsers(dest="users_command",
                                                                              required=True)
    add = users.add_parser("add", help="add an account (password from DASHBOARD_PASSWORD or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["leader", "planner", "data_officer", "admin"])
    add.add_argument("--display-name", default="")
    add.add_argument("--sso", action="store_true", help="single sign-on only: no password")
    users.add_parser("list", help="list accounts")
    users.add_parser("bootstrap", help="create the first administrator if there is none")
    load = commands.add_parser("import", help="import one of the bureau's Excel or CSV files")
    load.add_argument("--dataset", required=True, choices=[*DATASETS, BOUNDARIES],
                      help="which dataset the file holds")
    load.add_argument("file", help="the .xlsx or .csv file")
    load.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    load.add_argument("--sheet", help="the sheet of an XLSX file (default: the first)")
    load.add_argument("--language", choices=["zh", "en"], default=None, help="language of the report")
    load.add_argument("--crs", help="boundaries only: the file's coordinate system when it does not say "
                                    "(WGS84, CGCS2000, GCJ02, BD09 or EPSG:n)")
    args = parser.parse_args(argv)  # a usage error exits with status 2
    if args.command == "import":
        from dashboard import settings
        if not os.path.isfile(args.file):
            parser.error(f"no such file: {args.file}")
        return run_import(args.dataset, args.file, args.dry_run, args.sheet,
                          args.language or settings.get("DEFAULT_LANGUAGE"), args.crs)
    if args.command == "users":
        return users_command(args)
    if args.command == "briefing":
        return briefing_command(args)
    if args.command == "init-db":
        print(init_db(args.demo))
        return 0
    return print_reconcile()


if __name__ == "__main__":
    sys.exit(main())
