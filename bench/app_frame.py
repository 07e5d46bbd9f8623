"""The app's own frame around an empty page: a reference row of bench/pages.py (no budget).

Run as `streamlit run bench/app_frame.py` beside the app, on the same database. It is the app's
router (streamlit_app.main: page config, language switch, sign-in resumed from the session cookie,
the signed-in user's box, the navigation of every page, the cookie script), with one more page,
`/app-frame`, that draws only what every page starts with (components.page_header: title, intro line,
demo banner). Opened by its address like the blank page, it shows what a page of this app costs before
it shows any figure, so each page's own share of the budget can be read off against it.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit_app  # noqa: E402
from dashboard import components  # noqa: E402

URL_PATH = "app-frame"


def empty_page() -> None:
    """What every page of the app starts with, and nothing else."""
    components.page_header("data.title", "data.intro")


def main() -> None:
    """The app's router with the empty page added."""
    # This script is the main script here, so the pages' files are named from the project's root. Each
    # run of this script runs this again (streamlit_app stays imported): the empty page is replaced.
    streamlit_app.PAGES = [(str(ROOT / script) if isinstance(script, str) else script, title, path, permission)
                           for script, title, path, permission in streamlit_app.PAGES if path != URL_PATH]
    streamlit_app.PAGES.append((empty_page, "data.title", URL_PATH, "view"))
    streamlit_app.main()


if __name__ == "__main__":  # as Streamlit runs its main script
    main()
