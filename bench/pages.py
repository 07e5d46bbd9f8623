"""Page draw times in Chromium against a blank Streamlit page, and the app server's memory.

What is measured, and why
-------------------------
*Draw time of a page*, two ways, each beside the blank page timed the same way in the same run:
- *opened by its address* (the budgeted figure): the browser loads the page's URL, as when an official
  opens a link or the bookmark of a view, and the time runs from the start of that navigation until
  the page is fully drawn. The signed-in session resumes from its cookie (dashboard/session.py), so
  this is the page itself, not the sign-in form. The blank page is a two-page st.navigation app
  (bench/blank_page.py) whose "blank" page is loaded by its URL the same way.
- *reached from the sidebar* (reported, no budget): the time from clicking the page's link in the
  sidebar of the same signed-in session until it is fully drawn; the blank page is reached by its link
  from the blank app's other page. A click reuses the loaded page shell and its open connection, so the
  blank page is drawn in about 0.1 s, and a single plotly chart or dataframe (about 0.05 s to draw)
  already takes a page past 1.5x of it: a ratio to so small a base says little about what a reader
  waits for, and the seconds are shown instead.
*Reference rows* (no budget): the blank page with one element under its heading (a plotly chart, the
same bars as an ECharts chart, a table, a folium map of the county outlines through streamlit-folium;
bench/blank_page.py), opened by its address like the blank page. They show what one element costs
against the budgets (the map is the element the coverage page is built around). One more is the app's
own frame around an empty page (bench/app_frame.py: the router, the sign-in resumed from the cookie,
the sidebar with the language switch, the user's box and the navigation, and the header every page
starts with), opened by its address like the pages: what a page of the app costs before its figures.
The servers run in this process's run and are measured alternately, round after round, in one headless
Debian Chromium, so the machine's noise falls on both alike. Everything opened by its address (the
blank page, the reference rows and the app's pages) is opened in one and the same browser tab, one
after another, each from an empty document (about:blank), so the blank page and a page are timed
under the same conditions: the same renderer process in the same state, the same cache, nothing to
leave behind. A tab whose renderer has drawn the app's pages draws even the blank page slower than a
fresh tab does (0.53 s against 0.41 s, measured side by side on 2 cores, with or without the test
support's request listeners), so a baseline drawn in a tab of its own would give every page a
handicap the blank page does not have. That fresh tab's figure is printed as a reference row, and the
blank app's sidebar clicks are timed there. Runs are warm: every page is visited once before timing
starts (the server has imported its modules and filled its caches; the browser has the scripts in its
cache).

*Fully drawn* (one definition, DRAWN_JS, used for every figure): the address is the page's; the first heading
is the page's title; nothing is left from the previous page (no `data-stale` element); the app
reports its script as not running (`data-test-script-state`; the status widget only shows after a
delay, so it alone would accept a page paused in a long step) and no status widget; no skeleton or
spinner; every ECharts chart outside a closed expander has drawn its SVG (the app's charts: SVG renderer, no
animation) and every plotly chart (the reference row) its `.main-svg`; every dataframe outside a closed
expander has drawn its canvas;
every same-origin iframe has loaded and every folium map iframe shows its Leaflet paths; and then no
change in the DOM of the page or of any of its iframes for SETTLE_MS. The only changes not counted
are those inside a <canvas> element (its fallback content, never painted: the dataframe grid rebuilds
its accessibility cells there some 300 ms after drawing); the canvas's own size counts. The time
recorded is that of the last DOM change before the quiet period (the settle wait is not counted),
in the browser's clock, from the click or the start of the navigation.

*Memory*: the resident set size (VmRSS from /proc) of the app server process and all its descendants:
after one signed-in session has visited every page (just after its first visits, which can catch the
Chromium that Kaleido starts as a child of the server to draw the briefing's map picture; and again
after the timed runs), and after 20 signed-in sessions (20 tabs of one Chromium, each its own
Streamlit session, all still open) have each visited every page.

Run: .venv/bin/python -m bench.pages   (DATABASE_URL, or a fresh demo SQLite database in a temporary
folder). Prints figures; asserts nothing.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.results import Row, print_table

ROOT = Path(__file__).resolve().parent.parent
# Loads of each page per run (the median is reported): with 5, a page's median moved by up to 0.15x
# of the blank page between two runs of make bench on the same code on 2 cores; 7 narrow that, for
# about a minute more.
RUNS = 7
CLICK_RUNS = 3
SESSIONS = 20
MEMORY_BUDGET_MB = 600
DRAW_BUDGET_RATIO = 1.5
SETTLE_MS = 500
TIMEOUT_MS = 90_000
# Reference rows (no budget): the blank page with one element, opened by its address like the blank
# page (bench/blank_page.py draws them). They show what Streamlit's own elements cost against the
# budgets: a page whose figures need one chart cannot be drawn faster than the blank page with one.
REFERENCE_ELEMENTS = {"plotly": "one plotly chart", "echarts": "one ECharts chart", "table": "one table",
                      "folium": "one folium map (the county outlines)"}
# And the app's own frame around an empty page (bench/app_frame.py: router, sign-in by cookie, sidebar,
# navigation, the header every page starts with): what a page costs before it shows any figure.
FRAME = "app-frame"
FRAME_PATH = "app-frame"  # bench/app_frame.URL_PATH (importing that script would run it)
# And the blank page in a tab of its own that draws nothing else (the budgeted blank page is drawn in the
# pages' tab): what the tab adds.
OWN_TAB = "own-tab"
BENCH_USER = "bench"
BENCH_PASSWORD = "bench-password-not-secret"

# Runs in every frame (the page and each iframe) before its own scripts: the epoch time of the last
# DOM change in that document.
INIT_JS = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  // A page opened by its address is timed from the start of its navigation; a click resets both.
  window.__benchClick = performance.timeOrigin;
  window.__benchLast = now();
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      // What sits inside a <canvas> is its accessibility fallback and is never painted (the data
      // grid rebuilds it after a debounce); the canvas's own attributes do count.
      if (element && element.closest('canvas')
          && !(record.type === 'attributes' && element.tagName === 'CANVAS')) continue;
      window.__benchLast = now();
      return;
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""

# Click a sidebar navigation link, remembering when (browser clock).
CLICK_JS = """
(path) => {
  const link = [...document.querySelectorAll('a[data-testid="stSidebarNavLink"]')]
    .find(a => new URL(a.href).pathname === '/' + path);
  if (!link) throw new Error('no navigation link to ' + path);
  window.__benchClick = performance.timeOrigin + performance.now();
  window.__benchLast = window.__benchClick;
  link.click();
}
"""

# The one definition of "fully drawn": null until drawn, then milliseconds from the click to the last
# DOM change. `title` is the page's heading; `notTitle` (warm-up, title unknown) the previous page's.
DRAWN_JS = """
({path, title, notTitle, settle}) => {
  const now = performance.timeOrigin + performance.now();
  if (location.pathname !== '/' + path) return null;
  const main = document.querySelector('[data-testid="stMain"]');
  const heading = main && main.querySelector('h1');
  if (!heading) return null;
  const text = heading.innerText.trim();
  if ((title !== null && text !== title) || (notTitle !== null && text === notTitle)) return null;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return null;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"], '
      + '[data-testid*="Skeleton"], [data-testid="stSpinner"]')) return null;
  // Shown: not inside a closed expander, nor in a tab that is not open (no layout boxes).
  const shown = el => !el.closest('details:not([open])') && el.getClientRects().length > 0;
  for (const chart of main.querySelectorAll('[data-testid="stPlotlyChart"]'))
    if (shown(chart) && !chart.querySelector('.main-svg')) return null;
  for (const table of main.querySelectorAll('[data-testid="stDataFrame"]'))
    if (shown(table) && !table.querySelector('canvas')) return null;
  for (const chart of main.querySelectorAll('[data-testid="stEChartsChart"]'))
    if (shown(chart) && !chart.querySelector('svg path, canvas')) return null;
  let last = window.__benchLast;
  for (const frame of main.querySelectorAll('iframe')) {
    let doc = null;
    try { doc = frame.contentDocument; } catch (e) { continue; }
    if (!shown(frame)) continue;
    if (!doc || doc.readyState !== 'complete') return null;
    if (frame.title.startsWith('streamlit_folium') && !doc.querySelector('path.leaflet-interactive'))
      return null;
    last = Math.max(last, frame.contentWindow.__benchLast || 0);
  }
  if (now - last < settle) return null;
  return {ms: last - window.__benchClick, title: text};
}
"""


# Streamlit's lazily loaded renderers of ECharts and plotly charts, dataframes and vega-lite.
DRAWING_SCRIPTS = ["**/static/js/EChartsChart.*.js", "**/static/js/PlotlyChart.*.js", "**/static/js/DataFrame.*.js",
                   "**/static/js/embed.*.js"]

# For the memory phase only: the server has finished the page's script run.
RUN_DONE_JS = """
({path, title}) => {
  if (location.pathname !== '/' + path) return false;
  const heading = document.querySelector('[data-testid="stMain"] h1');
  const app = document.querySelector('[data-testid="stApp"]');
  return !!heading && heading.innerText.trim() === title && !!app
    && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
}
"""


def measure(database_url: str, scale: str = "demo", ratio_budget: float = DRAW_BUDGET_RATIO,
            memory: bool = True, clicks: bool = True, references: bool = True) -> list[Row]:
    """Draw time of every page of streamlit_app.PAGES against the blank page, opened by its address
    and (unless clicks is False) reached from the sidebar; (unless references is False) the blank
    page with one element of each of REFERENCE_ELEMENTS; and (unless memory is False) the server's
    memory with 1 and with SESSIONS sessions."""
    from streamlit_app import PAGES
    from tests.browser_support import chromium_page

    backend = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    paths = [entry[2] for entry in PAGES]
    _ensure_bench_user(database_url)
    with ExitStack() as stack:
        blank_base, _ = stack.enter_context(_server([sys.executable, "-m", "streamlit", "run", "bench/blank_page.py"], {}))
        base, app = stack.enter_context(_server([sys.executable, "-m", "dashboard", "serve"],
                                                {"DATABASE_URL": database_url}))
        frame_base = stack.enter_context(_server([sys.executable, "-m", "streamlit", "run", "bench/app_frame.py"],
                                                 {"DATABASE_URL": database_url}))[0] if references else None
        page = stack.enter_context(chromium_page())
        browser = page.context.browser
        page.context.add_init_script(INIT_JS)
        blank_page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN").new_page()
        blank_page.add_init_script(INIT_JS)

        clock = time.monotonic()
        _open_blank(blank_page, blank_base)
        _sign_in(page, base)
        # Warm-up: every page once (the server imports its modules and fills its caches), learning
        # each page's heading; then the blank page once.
        titles, previous = {}, _heading(page)
        for path in paths[1:] + paths[:1]:
            titles[path] = previous = _navigate(page, path, None, previous)[1]
        one_session_mb = _rss_mb(app.pid)
        clock = _progress("servers started, signed in, every page visited once", clock)
        _navigate(blank_page, "blank", "blank", None)
        _navigate(blank_page, "", "other", None)

        _open(page, blank_base, "blank", "blank")
        for element in REFERENCE_ELEMENTS:  # warm: the browser caches each element's script
            _open(page, blank_base, "blank", "blank", f"?with={element}")
        if references:  # the app's frame, signed in by the same cookie (same host, another port)
            page.goto(f"{frame_base}/{FRAME_PATH}", wait_until="commit")
            frame_title = _wait_drawn(page, FRAME_PATH, None, None)[1]
        loads = {"address": {"blank": [], **{path: [] for path in paths}},
                 "click": {"blank": [], **{path: [] for path in paths}},
                 "reference": {element: [] for element in [*REFERENCE_ELEMENTS, FRAME, OWN_TAB]}}
        click_runs = CLICK_RUNS if clicks else 0
        for run in range(RUNS):
            blank_page.bring_to_front()
            if references:
                loads["reference"][OWN_TAB].append(_open(blank_page, blank_base, "blank", "blank"))
            if run < click_runs:
                _navigate(blank_page, "", "other", None)
                loads["click"]["blank"].append(_navigate(blank_page, "blank", "blank", None)[0])
            page.bring_to_front()
            loads["address"]["blank"].append(_open(page, blank_base, "blank", "blank"))
            if references:
                for element in REFERENCE_ELEMENTS:
                    loads["reference"][element].append(_open(page, blank_base, "blank", "blank", f"?with={element}"))
                loads["reference"][FRAME].append(_open(page, frame_base, FRAME_PATH, frame_title))
            for path in paths:
                loads["address"][path].append(_open(page, base, path, titles[path]))
            if run < click_runs:
                for path in paths[1:] + paths[:1]:
                    loads["click"][path].append(_navigate(page, path, titles[path], None)[0])
        clock = _progress(f"{RUNS} timed runs of the blank page and of every page", clock)
        one_session_later_mb = _rss_mb(app.pid)
        page.close()
        blank_page.close()
        if memory:
            many_sessions_mb = _many_sessions(browser, base, paths, titles, app.pid)
            _progress(f"{SESSIONS} sessions visited every page", clock)

    rows = []
    for how, label, budgeted in (("address", "opened by its address", True),
                                 ("click", "reached from the sidebar", False))[:2 if clicks else 1]:
        section = f"pages ({scale}, {backend}), {label}"
        times = loads[how]
        blank_median = statistics.median(times["blank"])
        rows.append(Row(section, "blank page", f"{blank_median:.2f} s", f"runs {_runs(times['blank'])}"))
        if how == "address" and references:
            for element, label in [*REFERENCE_ELEMENTS.items(), (FRAME, None), (OWN_TAB, None)]:
                median = statistics.median(loads["reference"][element])
                name = {FRAME: "the app's frame, empty page (reference)",
                        OWN_TAB: "blank page, in a fresh tab of its own (reference)"}.get(
                            element, f"blank page + {label} (reference)")
                rows.append(Row(section, name, f"{median:.2f} s",
                                f"ratio {median / blank_median:.2f}; runs {_runs(loads['reference'][element])}"))
        for path in paths:
            median = statistics.median(times[path])
            ratio = median / blank_median
            rows.append(Row(section, path, f"{median:.2f} s", f"ratio {ratio:.2f}; runs {_runs(times[path])}",
                            f"<= {ratio_budget:g}x blank" if budgeted else "",
                            ratio <= ratio_budget if budgeted else None))
    if not memory:
        return rows
    memory = f"server memory ({scale}, {backend})"
    rows.append(Row(memory, "1 session, first visits", f"{one_session_mb:.0f} MB",
                    "RSS of the server and children, just after"))
    rows.append(Row(memory, "1 session, after the runs", f"{one_session_later_mb:.0f} MB",
                    "RSS of the server and children"))
    rows.append(Row(memory, f"{SESSIONS} sessions, every page", f"{many_sessions_mb:.0f} MB",
                    "RSS of the server and children", f"<= {MEMORY_BUDGET_MB} MB",
                    many_sessions_mb <= MEMORY_BUDGET_MB))
    return rows


def _progress(done: str, since: float) -> float:
    now = time.monotonic()
    print(f"bench.pages: {done} ({now - since:.0f} s)", file=sys.stderr, flush=True)
    return now


def _runs(times: list[float]) -> str:
    return " ".join(f"{t:.2f}" for t in times)


def _navigate(page, path: str, title: str | None, not_title: str | None) -> tuple[float, str]:
    """Click the link to a page and wait until it is fully drawn: (seconds, the page's heading)."""
    page.evaluate(CLICK_JS, path)
    return _wait_drawn(page, path, title, not_title)


def _wait_drawn(page, path: str, title: str | None, not_title: str | None,
                settle_ms: int = SETTLE_MS) -> tuple[float, str]:
    handle = page.wait_for_function(DRAWN_JS, arg={"path": path, "title": title, "notTitle": not_title,
                                                   "settle": settle_ms}, polling=50, timeout=TIMEOUT_MS)
    result = handle.json_value()
    return result["ms"] / 1000, result["title"]


def _open(page, base: str, path: str, title: str, query: str = "") -> float:
    """Open a page by its address (a new Streamlit session, signed in by the session cookie) and wait
    until it is fully drawn: seconds from the start of the navigation. The tab first goes to an empty
    document, so that leaving the page it was showing is not counted."""
    page.goto("about:blank")
    page.goto(f"{base}/{path}{query}", wait_until="commit")
    return _wait_drawn(page, path, title, None)[0]


def _heading(page) -> str:
    return page.inner_text('[data-testid="stMain"] h1').strip()


def _open_blank(page, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_selector('[data-testid="stSidebarNavLink"]', timeout=TIMEOUT_MS)


def _sign_in(page, base: str, first_path: str = "city-overview") -> None:
    """Sign in through the form (the sign-in page then shows the first page)."""
    _start_sign_in(page, base, first_path)
    _finish_sign_in(page)


def _start_sign_in(page, base: str, first_path: str = "city-overview") -> None:
    page.goto(f"{base}/{first_path}")
    _fill_sign_in(page)


def _fill_sign_in(page) -> None:
    page.wait_for_selector('[data-testid="stTextInput"] input', timeout=TIMEOUT_MS)
    inputs = page.locator('[data-testid="stTextInput"] input')
    inputs.nth(0).fill(BENCH_USER)
    inputs.nth(1).fill(BENCH_PASSWORD)
    page.locator('[data-testid="stFormSubmitButton"] button').click()


def _finish_sign_in(page) -> None:
    from tests.browser_support import wait_for_session_cookie
    page.wait_for_selector('a[data-testid="stSidebarNavLink"]', timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT_MS)
    wait_for_session_cookie(page)  # before any page is opened by its address


def _many_sessions(browser, base: str, paths: list[str], titles: dict, pid: int) -> float:
    """Open SESSIONS signed-in sessions at once, have each visit every page, and return the RSS.

    A Streamlit session is one browser tab's connection, so the sessions are SESSIONS tabs of one
    browser context: separate contexts would each download and compile Streamlit's scripts afresh,
    which on two cores takes minutes and measures the browser, not the server. Every session stays open
    to the end. All sign in, then all open each page together; a session moves on once the server has
    finished its page (address, heading, no status widget, nothing stale), without waiting for the
    browser to finish drawing it: only the server's memory is measured here. For the same reason these
    tabs do not load the scripts that draw charts and dataframes
    (DRAWING_SCRIPTS): those elements send nothing back to the server, so its work and memory are the
    same, while twenty tabs drawing every chart would keep two cores busy for minutes. The map's
    component, which does talk back, loads as usual."""
    context = browser.new_context(viewport={"width": 1024, "height": 700}, locale="zh-CN")
    context.add_init_script(INIT_JS)
    for pattern in DRAWING_SCRIPTS:
        context.route(pattern, lambda route: route.abort())
    clock = time.monotonic()
    try:
        pages = [context.new_page() for _ in range(SESSIONS)]
        for page in pages:
            page.goto(f"{base}/city-overview", wait_until="commit")
        for page in pages:
            _fill_sign_in(page)
        for page in pages:
            _finish_sign_in(page)
        clock = _progress(f"{SESSIONS} sessions signed in", clock)
        for path in paths[1:] + paths[:1]:
            for page in pages:
                page.evaluate(CLICK_JS, path)
            for page in pages:
                page.wait_for_function(RUN_DONE_JS, arg={"path": path, "title": titles[path]}, polling=100,
                                       timeout=TIMEOUT_MS)
            clock = _progress(f"{SESSIONS} sessions opened {path}", clock)
        return _rss_mb(pid)
    finally:
        context.close()


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def _ensure_bench_user(database_url: str) -> None:
    """An administrator (every page permitted) the benchmark signs in as; created when absent."""
    from dashboard import accounts, db
    engine = db.get_engine(database_url)
    if any(user["username"] == BENCH_USER for user in accounts.list_users(engine)):
        return
    accounts.add_user(BENCH_USER, "admin", BENCH_PASSWORD, "benchmark", engine=engine)


@contextmanager
def _server(command: list[str], env: dict):
    """A Streamlit server on a free port: yields (base URL, process)."""
    from tests.browser_support import free_port
    port = free_port()
    options = ["--server.headless=true", "--server.address=127.0.0.1", f"--server.port={port}",
               "--browser.gatherUsageStats=false"]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command + options, cwd=ROOT, env={**os.environ, **env},
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"{' '.join(command)} did not start: {log.read().decode(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def main() -> int:
    """Measure on DATABASE_URL, or on a fresh demo SQLite database; print the table."""
    os.environ.setdefault("STREAMLIT_LOG_LEVEL", "error")
    database_url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        if not database_url:
            database_url = f"sqlite:///{folder}/demo.sqlite3"
            subprocess.run([sys.executable, "-m", "dashboard", "init-db", "--demo"], cwd=ROOT, check=True,
                           env={**os.environ, "DATABASE_URL": database_url}, stdout=subprocess.DEVNULL)
        started = time.monotonic()
        rows = measure(database_url, "demo", DRAW_BUDGET_RATIO)
        met, judged = print_table(rows)
    print(f"\nbudgets met: {met} of {judged}   ({time.monotonic() - started:.0f} s)")
    return 0 if met == judged else 1


if __name__ == "__main__":
    sys.exit(main())
