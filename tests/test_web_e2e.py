"""Real-browser end-to-end test: Debian chromium + chromedriver driven by selenium.

Builds a database by ingesting the seed corpus (the whole pipeline), serves it with uvicorn
on 127.0.0.1 (a free port), loads the timeline, opens the 18 March 2025 phone call and checks
that its evidence sentence is shown highlighted in the article context.

Skipped (with the reason) only when chromium, chromedriver or selenium are absent; `make test`
installs them (`make browser`). Set SUKIEN_SCREENSHOTS=DIR to keep screenshots of the pages.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
try:
    import selenium  # noqa: F401
    HAVE_SELENIUM = True
except ImportError:
    HAVE_SELENIUM = False

MISSING = [name for name, ok in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER),
                                 ("selenium (pip install -e '.[dev]')", HAVE_SELENIUM)) if not ok]
if MISSING:
    pytest.skip(f"real-browser test needs {', '.join(MISSING)} (install with `make browser`)",
                allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def build_seed_db(seeds: Path, path: Path) -> str:
    from sukien.config import Config, Resources
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    st = Store(path)
    try:
        report = ingest_paths([seeds], st, Resources(Config(db=str(path))), progress="none")
        assert report.documents == len(list(seeds.glob("*.txt"))), report.summary()
    finally:
        st.close()
    return str(path)


class LiveServer:
    """uvicorn in a thread on 127.0.0.1, on a socket bound to a free port before start."""

    def __init__(self, db: str):
        import uvicorn
        from sukien.server import create_app
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, read_only=True), log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()

    def get_json(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.loads(r.read().decode("utf-8"))


def chrome(profile_dir: str):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={profile_dir}", "--window-size=1400,1000"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed corpus not found at {seeds}")
    db = build_seed_db(seeds, tmp_path_factory.mktemp("e2e") / "seeds.db")
    with LiveServer(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="sukien-chromium-")
    drv = chrome(profile)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(drv, name: str) -> None:
    out = os.environ.get("SUKIEN_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        drv.save_screenshot(str(Path(out) / name))


def test_timeline_then_event_evidence_in_a_real_browser(live, browser):
    calls = live.get_json("/api/events?type=phone_call&from=2025-03-18&to=2025-03-18")
    assert calls["total"] >= 1, "the seeds must yield the 18 March 2025 phone call"
    call = calls["items"][0]
    detail = live.get_json(f"/api/events/{call['id']}")
    assert detail["mentions"], "the call has mentions with evidence sentences"

    browser.get(live.url + "/")
    wait = WebDriverWait(browser, 15)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".axis .axis-track .mk")))
    markers = browser.find_elements(By.CSS_SELECTOR, ".axis .mk")
    total = live.get_json("/api/events?limit=1")["total"]
    assert len(markers) == total
    assert browser.find_elements(By.CSS_SELECTOR, "#event-list .ev-item")
    # planned events are drawn hollow (white fill), occurred ones filled with the type colour
    occurred = browser.find_element(By.CSS_SELECTOR, ".axis .mk.s-occurred")
    assert occurred.value_of_css_property("background-color") != "rgba(255, 255, 255, 1)"
    planned = browser.find_elements(By.CSS_SELECTOR, ".axis .mk.s-planned")
    if planned:
        assert planned[0].value_of_css_property("background-color") == "rgba(255, 255, 255, 1)"
        assert planned[0].value_of_css_property("border-top-style") == "dashed"
    _shot(browser, "timeline.png")

    # zoom to months: one axis row per month with events, March 2025 among them
    browser.find_element(By.ID, "zoom-month").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.axis[data-zoom="month"]')))
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".axis-label")]
    assert "T3 2025" in labels, labels
    # the English toggle
    browser.find_element(By.ID, "lang-toggle").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "zoom-month"), "Month"))
    assert "Mar 2025" in [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".axis-label")]
    browser.find_element(By.ID, "lang-toggle").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "zoom-month"), "Tháng"))

    # open the call from its marker on the axis
    marker = browser.find_element(By.CSS_SELECTOR, f'.axis .mk[data-id="{call["id"]}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", marker)
    marker.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#event")))
    assert browser.find_element(By.ID, "event").get_attribute("data-id") == call["id"]

    marks = [m for m in browser.find_elements(By.CSS_SELECTOR, "blockquote.ctx mark.ev-mark") if m.is_displayed()]
    assert marks, "the evidence span is highlighted"
    bg = marks[0].value_of_css_property("background-color")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page_text = browser.find_element(By.ID, "event").text
    sentence = detail["mentions"][0]["sentence"].strip()
    assert " ".join(sentence.split())[:60] in " ".join(page_text.split())
    _shot(browser, "event.png")

    # the highlighted span links to the article, where it is marked again
    link = browser.find_element(By.CSS_SELECTOR, ".evidence .ev-src a")
    browser.get(link.get_attribute("href"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".doc-text")))
    assert browser.find_elements(By.CSS_SELECTOR, ".doc-text mark.ev-mark")
    _shot(browser, "document.png")

    # the accent-less search finds the call
    browser.get(live.url + "/search?q=dien+dam")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#event-results")))
    assert browser.find_elements(By.CSS_SELECTOR, "#event-results mark.hit")

    # no page made a request to another host
    logs = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    assert all(u.startswith(live.url) for u in logs), logs
