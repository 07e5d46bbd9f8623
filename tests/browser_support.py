"""Run the app in a subprocess and drive it with Debian's Chromium through Playwright."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
STARTUP_SECONDS = 60


def require_chromium() -> None:
    """Skip where Chromium is missing, except in CI where the browser tests must run."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk)")
        pytest.skip("Chromium is not installed: apt-get install chromium fonts-noto-cjk")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(database_url: str, extra_env: dict | None = None):
    """Start the app as `make run` does (python -m dashboard serve) on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, **(extra_env or {})}
    command = [sys.executable, "-m", "dashboard", "serve", "--server.headless=true",
               "--server.address=127.0.0.1", f"--server.port={port}", "--browser.gatherUsageStats=false"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_healthy(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited: {process.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the app did not become healthy in time")


@contextmanager
def chromium_page(width: int = 1440, height: int = 1000):
    """A Chromium page that records every URL it requests and every dialog it opens."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        page.requested_urls = []
        page.dialogs = []
        page.on("request", lambda request: page.requested_urls.append(request.url))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        try:
            yield page
        finally:
            browser.close()


def foreign_requests(urls: list[str]) -> list[str]:
    """The requested URLs whose host is not this machine."""
    return [url for url in urls
            if urlparse(url).scheme in ("http", "https", "ws", "wss")
            and urlparse(url).hostname not in LOCAL_HOSTS]


# A metric card (dashboard/metric_cards.py): what wait_until_drawn waits for unless told otherwise.
METRIC_CARD = "[data-metric-label]"


def wait_until_drawn(page, selector: str = METRIC_CARD, timeout_ms: int = 30000) -> None:
    """Wait for an element of the page body and for Streamlit to finish running the script: the app
    reports its script as not running (the status widget alone shows only after a delay, so a page
    read just after its first element could still be half drawn)."""
    page.wait_for_selector(selector, timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'",
        timeout=timeout_ms)


def exceptions_on(page) -> list[str]:
    """Texts of Streamlit exception boxes shown on the page."""
    return [el.inner_text() for el in page.query_selector_all('[data-testid="stException"]')]


def sign_in(page, base: str, username: str, password: str, path: str = "") -> None:
    """Open a page (the sign-in form shows first) and sign in through the form."""
    page.goto(f"{base}/{path}")
    wait_until_drawn(page, '.st-key-sign_in_form [data-testid="stTextInput"] input')
    inputs = page.locator('.st-key-sign_in_form [data-testid="stTextInput"] input')
    inputs.nth(0).fill(username)
    inputs.nth(1).fill(password)
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    # Not "no password field": the administration page has password fields of its own.
    page.wait_for_selector(".st-key-sign_in_form", state="detached", timeout=60000)
    wait_for_session_cookie(page)


def wait_for_session_cookie(page) -> None:
    """Wait until the page's script has set the session cookie: it runs after the signed-in page is
    drawn, and an address opened before then would show the sign-in form again."""
    from dashboard.session_tokens import COOKIE_NAME
    page.wait_for_function("name => document.cookie.split('; ').some(c => c.startsWith(name + '='))",
                           arg=COOKIE_NAME, timeout=60000)


def save_whole_page(page, path) -> None:
    """Streamlit scrolls inside its main block, so grow the window to the content before the shot."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(int(height) + 50, 16000)})
    page.wait_for_timeout(1500)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
