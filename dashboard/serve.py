"""Start the app: `python -m dashboard serve [streamlit options]`.

Streamlit starts in its legacy pages/ mode whenever a pages/ folder sits beside the entry point, and
leaves it only once st.navigation has run in the process: until then a deep link is resolved against
the files in pages/ (running a page without the router, or showing "page not found"). The router is
the only way in here, so the launcher turns that mode off before the server starts, exactly as
st.navigation would, then runs `streamlit run streamlit_app.py`.
"""
from __future__ import annotations

import ast
import gc
import importlib
import importlib.util
import logging
import sys

from dashboard.settings import PROJECT_ROOT

# Imported inside functions on every view of a page (the coverage map), so loaded before the freeze too.
# Not streamlit_folium: a component declared before the server runs is never registered (Streamlit
# registers it only within a script run), so its map would not load; it is imported on first use.
LAZY_IMPORTS = ["folium"]
NOT_BEFORE_THE_SERVER = {"streamlit_folium"}


def main(options: list[str]) -> int:
    """Run the Streamlit server on the router with the given command-line options."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli as streamlit_cli

    PagesManager.uses_pages_directory = False
    freeze_loaded_modules()
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "streamlit_app.py"), *options]
    return streamlit_cli.main()


def freeze_loaded_modules() -> int:
    """Import what the router and the pages import, then take every object loaded so far out of the
    garbage collector's full passes (gc.freeze); returns how many objects were frozen.

    With pandas, shapely, folium, Streamlit and the app loaded, the server holds some 200,000 objects
    that live as long as the process. Python's collector walked them all in each of its occasional
    full (generation 2) passes: 120-190 ms each, logged with gc.callbacks on the app server while
    pages were opened, a pause that fell on whichever page was being drawn. Frozen, they are never
    walked again; what sessions and caches create later is collected as before."""
    # Outside a script run, Streamlit warns about each cached function it meets ("no runtime"); they
    # work as they do when a page imports them (their caches are made on first call), and nothing is drawn.
    logging.disable(logging.WARNING)
    try:
        for name in page_imports():
            importlib.import_module(name)
    finally:
        logging.disable(logging.NOTSET)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def page_imports() -> list[str]:
    """The modules streamlit_app.py and pages/*.py import (from their source), and LAZY_IMPORTS."""
    names = set(LAZY_IMPORTS)
    for script in [PROJECT_ROOT / "streamlit_app.py", *sorted((PROJECT_ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                # `from dashboard import codes` imports a module; `from x import function` does not.
                names.update(f"{node.module}.{alias.name}" for alias in node.names
                             if _is_submodule(node.module, alias.name))
    return sorted(names - NOT_BEFORE_THE_SERVER)


def _is_submodule(package: str, name: str) -> bool:
    if not hasattr(importlib.import_module(package), "__path__"):  # a module, not a package
        return False
    return importlib.util.find_spec(f"{package}.{name}") is not None
