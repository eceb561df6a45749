"""The dashboard in headless Chromium against the real server on a loopback port, on a store
holding the seed article coded by the real pipeline."""
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "../shared/seed/iraq-coalition-2024-01-05.txt"
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt-get install chromium)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("dash") / "seed.duckdb"
    r = subprocess.run([sys.executable, "-m", "flashpoint.cli", "ingest", str(SEED), "--db", str(db)],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(base + "/stats", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(10)


def test_server_binds_loopback_and_is_read_only(server):
    r = httpx.post(server + "/articles", json={"text": "Rebels attacked a base."})
    assert r.status_code == 403
    ev = httpx.get(server + "/events", params={"location_country": "IRQ"}).json()
    assert ev["total"] >= 1


def test_dashboard_map_and_evidence(server):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})

        def guard(route):
            host = urlparse(route.request.url).hostname
            if route.request.url.startswith("data:") or host == "127.0.0.1":
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()
        page.route("**/*", guard)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=30000)
        assert page.locator("#countries path").count() > 100  # country outlines, served locally
        markers = page.locator("circle.ev")
        assert markers.count() >= 1  # the seed's located events on the map
        located = httpx.get(server + "/events", params={"format": "geojson", "limit": 1000}).json()["features"]
        ids = {f["id"] for f in located}
        shown = set(" ".join(markers.nth(i).get_attribute("data-event-ids") for i in range(markers.count())).split())
        assert shown == ids
        page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
        # click an event on the map: its sentence appears, highlighted in the article
        markers.last.click(force=True)
        page.wait_for_selector("mark.selected", timeout=10000)
        event_id = page.locator("circle.ev").last.get_attribute("data-event-id")
        ev = httpx.get(f"{server}/events/{event_id}").json()
        assert page.locator("#evidence-sentence").inner_text().strip() == ev["sentence"].strip()
        assert ev["sentence"].strip() in page.locator("mark.selected").inner_text().replace("\n", " ") or \
            page.locator("mark.selected").inner_text().strip() in ev["sentence"]
        page.screenshot(path=str(SHOTS / "dashboard-evidence.png"), full_page=True)
        # the table: click a row, its sentence is shown
        row = page.locator("#events tbody tr").first
        row.click()
        rid = row.get_attribute("data-event-id")
        ev2 = httpx.get(f"{server}/events/{rid}").json()
        page.wait_for_function("id => document.querySelector('#evidence-sentence') && "
                               "document.querySelector('mark.selected') && "
                               "document.querySelector('mark.selected').dataset.events.includes(id)", arg=rid)
        assert page.locator("#evidence-sentence").inner_text().strip() == ev2["sentence"].strip()
        # a filter applies to every view
        page.select_option("select[name=event_type]", "ASSAULT")
        page.click("#filters button[type=submit]")
        page.wait_for_function("() => [...document.querySelectorAll('#events tbody tr .tag')].every(t => t.textContent === 'ASSAULT')")
        page.screenshot(path=str(SHOTS / "dashboard-assault.png"), full_page=True)
        browser.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == []
