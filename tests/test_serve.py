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
