"""The launcher's preparation of the server process (dashboard/serve.py)."""
import gc

from dashboard import serve


def test_the_modules_the_pages_import_are_found_from_their_source():
    names = serve.page_imports()
    # `from dashboard import coverage_map` names a module, `from dashboard.i18n import t` a function.
    assert {"dashboard.coverage_map", "dashboard.charts.visits", "queries.visits", "dashboard.metric_cards",
            "dashboard.briefing.view", "streamlit", "folium"} <= set(names)
    assert "dashboard.i18n.t" not in names and "dashboard.i18n" in names
    # A component declared before the server runs would never be registered.
    assert "streamlit_folium" not in names


def test_what_is_loaded_is_frozen_out_of_full_collections():
    try:
        frozen = serve.freeze_loaded_modules()
        assert frozen == gc.get_freeze_count() and frozen > 50_000
        assert "dashboard.coverage_map" in __import__("sys").modules
    finally:
        gc.unfreeze()


def _huge_page_advice(first_import: str, **env: str) -> str:
    """Whether NumPy advises huge pages, in a fresh process that imports `first_import` and then NumPy."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    clean = {name: value for name, value in os.environ.items() if name != "NUMPY_MADVISE_HUGEPAGE"}
    code = f"import {first_import}, numpy; print(numpy._core.multiarray._get_madvise_hugepage())"
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, check=True, capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parent.parent).stdout.strip()


def test_numpy_gives_no_huge_page_advice_in_the_apps_processes_unless_a_deployment_asks():
    # dashboard/__init__.py says why; the CLI, the server's launcher and the benchmarks import it first.
    assert _huge_page_advice("dashboard.cli") == "False"
    assert _huge_page_advice("bench.import_visits") == "False"
    assert _huge_page_advice("dashboard.cli", NUMPY_MADVISE_HUGEPAGE="1") == "True"
