"""The network page in a real headless Chromium (Debian's chromium and chromium-driver, which
`make test` installs when it can), with networking off: the expected people and events are
drawn, search finds a person, and no request leaves the machine. A screenshot is kept in
out/test-artifacts/."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "out" / "test-artifacts"
DUNG = "Hoàng Trung Dũng"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
    # anything that still tried to reach a host would fail to resolve
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def _skip_reason() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).is_file():
        return (
            "no chromium: `make test` installs Debian's chromium and chromium-driver "
            "when run as root with apt-get"
        )
    if not Path(DRIVER).is_file():
        return "no chromedriver: install Debian's chromium-driver"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    except WebDriverException as exc:
        pytest.skip(f"chromium could not start here: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(driver, script: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def test_attendance_page_draws_people_and_events_offline(browser, built_store, tmp_path):
    page = tmp_path / "attendance.html"
    result = run_cli("network", "attendance", "--store", built_store, "-o", page)
    assert result.exit_code == 0, result.output
    browser.get_log("performance")  # start from an empty log
    browser.get(page.as_uri())
    _wait(browser, "return document.body.getAttribute('data-drawn') === 'true'")
    _wait(browser, "return document.body.getAttribute('data-stabilized') === 'true'")
    # the nodes the network has placed on the canvas, with their data
    drawn = browser.execute_script("""
        const pos = window.kgNetwork.getPositions();
        return window.kgData.nodes.filter(n => n.id in pos).map(n => ({
            label: n.label, type: n.type, date: n.date,
            x: pos[n.id].x, y: pos[n.id].y,
            shown: window.kgNetwork.body.nodeIndices.includes(n.id)}));
    """)
    by_label = {n["label"]: n for n in drawn}
    assert DUNG in by_label and by_label[DUNG]["type"] == "person" and by_label[DUNG]["shown"]
    event = by_label.get("Hội nghị 06/01/2024 – Huyện ủy Kỳ Anh")
    assert event and event["type"] == "event" and event["date"] == "2024-01-06"
    assert event["shown"]
    expected = browser.execute_script("return window.kgData.nodes.length")
    assert len(drawn) == expected > 20
    edges = browser.execute_script("return window.kgNetwork.body.edgeIndices.length")
    assert edges == browser.execute_script("return window.kgData.edges.length")
    # the legend and the header say what is drawn
    legend = browser.find_element("id", "kg-legend").text
    assert "Người" in legend and "Sự kiện" in legend
    assert "Ai dự sự kiện nào" in browser.find_element("tag name", "h1").text

    # search by name, without accents: the person is selected and their details shown
    box = browser.find_element("id", "kg-search-input")
    box.send_keys("hoang trung dung")
    browser.find_element("css selector", "#kg-search button").click()
    selected = _wait(browser, "return window.kgNetwork.getSelectedNodes()")
    assert any("hoang-trung-dung" in node for node in selected)
    details = browser.find_element("id", "kg-details").text
    assert DUNG in details and "Bí thư Tỉnh ủy Hà Tĩnh" in details

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "network-attendance.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000

    # nothing but the file itself (and data: URIs) was requested
    import json

    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert urls, "the performance log recorded no request at all"
    assert page.as_uri() in urls
    # (Chromium's own chrome:// resources, for its UI, are not requests to the network)
    outside = [
        u for u in urls if u.split(":", 1)[0].lower() in ("http", "https", "ws", "wss", "ftp")
    ]
    assert outside == [], outside
