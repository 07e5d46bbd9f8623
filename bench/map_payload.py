"""Coverage map budgets: the map's HTML payload at each drill level, and the page's draw time in Chromium
against a blank Streamlit page measured in the same run.

Run: .venv/bin/python -m bench.map_payload   (uses DATABASE_URL, by default the demo SQLite file;
run `python -m dashboard init-db --demo` first). Prints figures; asserts nothing.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD_BUDGET_BYTES = 1_500_000
DRAW_BUDGET_RATIO = 1.5
RUNS = 5


def payloads() -> None:
    """Print the map HTML and the st_folium script size at each drill level (all layers on)."""
    from dashboard import coverage_map
    print("map payload (all layers, distance 5 km)")
    for level, county, township in [("city", None, None), ("county", "441323", None),
                                    ("township", "441323", "441323102")]:
        view = coverage_map.analyse(5.0, county, township)
        fmap = coverage_map.build_map(view, list(coverage_map.LAYERS), coverage_map.MEASURES[0], "zh")
        html = fmap.get_root().render().encode("utf-8")
        print(f"  {level:9s} standalone HTML {len(html):>10,} bytes"
              f"  ({100 * len(html) / PAYLOAD_BUDGET_BYTES:.0f}% of the 1.5 MB budget)")


def measure() -> list:
    """A row per drill level: the standalone HTML of the map with every layer on, against 1.5 MB.
    Uses the database DATABASE_URL names."""
    from bench.results import Row
    from dashboard import coverage_map
    rows = []
    for level, county, township in [("city", None, None), ("county", "441323", None),
                                    ("township", "441323", "441323102")]:
        view = coverage_map.analyse(5.0, county, township)
        fmap = coverage_map.build_map(view, list(coverage_map.LAYERS), coverage_map.MEASURES[0], "zh")
        size = len(fmap.get_root().render().encode("utf-8"))
        rows.append(Row("map payload · demo (Huizhou) · all layers", level, f"{size:,} bytes",
                        f"{100 * size / PAYLOAD_BUDGET_BYTES:.0f}% of budget", "<= 1.5 MB",
                        size <= PAYLOAD_BUDGET_BYTES))
    return rows


def _start(script: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true",
               "--server.address=127.0.0.1", f"--server.port={port}", "--browser.gatherUsageStats=false"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"{script} did not start")


def _draw_seconds(page, url: str, ready) -> float:
    start = time.perf_counter()
    page.goto(url)
    ready(page)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60000)
    return time.perf_counter() - start


def draw_times() -> None:
    """Median draw time of the blank page and of the coverage page (city level), each loaded RUNS times."""
    from tests.browser_support import chromium_page, free_port
    blank_port, app_port = free_port(), free_port()
    blank = _start("bench/blank_page.py", blank_port)
    app = _start("streamlit_app.py", app_port)

    def blank_ready(page):
        page.wait_for_selector("h1", timeout=60000)

    def map_ready(page):
        page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
            "path.leaflet-interactive").first.wait_for(timeout=60000)

    try:
        with chromium_page() as page:
            # One warm-up each so both servers have imported their modules and filled their caches.
            _draw_seconds(page, f"http://127.0.0.1:{blank_port}/", blank_ready)
            _draw_seconds(page, f"http://127.0.0.1:{app_port}/coverage", map_ready)
            blank_times = [_draw_seconds(page, f"http://127.0.0.1:{blank_port}/", blank_ready) for _ in range(RUNS)]
            map_times = [_draw_seconds(page, f"http://127.0.0.1:{app_port}/coverage", map_ready)
                         for _ in range(RUNS)]
    finally:
        for process in (blank, app):
            process.terminate()
            process.wait(timeout=10)
    blank_median, map_median = statistics.median(blank_times), statistics.median(map_times)
    print(f"draw time in Chromium, median of {RUNS} (after one warm-up each)")
    print(f"  blank Streamlit page   {blank_median:6.2f} s   runs {json.dumps([round(t, 2) for t in blank_times])}")
    print(f"  coverage page (city)   {map_median:6.2f} s   runs {json.dumps([round(t, 2) for t in map_times])}")
    print(f"  ratio {map_median / blank_median:.2f} (budget {DRAW_BUDGET_RATIO})")


def main() -> None:
    os.environ.setdefault("STREAMLIT_LOG_LEVEL", "error")
    payloads()
    draw_times()


if __name__ == "__main__":
    main()
