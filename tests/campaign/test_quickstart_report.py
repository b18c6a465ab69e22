"""The README quickstart's main job: the example campaign, through the real CLI, and its
report opened in a real headless browser with every network request refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, OFFER, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def quickstart(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run exactly the README's command (from the repo root, as a user would)."""
    tmp = tmp_path_factory.mktemp("quickstart")
    out = tmp / "out"
    env = {**os.environ, "PITCHFIT_DB": f"sqlite:///{tmp / 'store.db'}"}
    cmd = [
        sys.executable, "-m", "pitchfit", "campaign", "preflight",
        "--prospects", "examples/campaign/prospects.csv",
        "--template", "examples/campaign/template.txt.j2",
        "--offer", "examples/offer.yaml",
        "--history", "examples/campaign/history",
        "--out", str(out),
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return proc, out


def test_quickstart_prints_the_summary_and_the_report_path(quickstart: Any) -> None:
    proc, out = quickstart
    assert proc.returncode == 1, proc.stderr  # the example holds rows that must be blocked
    assert "rows:" in proc.stdout and "blocked" in proc.stdout
    assert f"report: {out / 'report.html'}" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert "preflight [" not in proc.stderr  # no progress bar when piped


def test_quickstart_results_have_one_line_per_input_row(quickstart: Any) -> None:
    _, out = quickstart
    with (EXAMPLE / "prospects.csv").open(encoding="utf-8-sig") as handle:
        input_rows = sum(1 for _ in handle) - 1
    results = [json.loads(x) for x in (out / "results.jsonl").read_text("utf-8").splitlines()]
    assert input_rows >= 50
    assert [r["row"] for r in results] == list(range(1, input_rows + 1))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["rows"] == input_rows and summary["inputs"]["offer"] == "examples/offer.yaml"
    assert OFFER.is_file()


@pytest.mark.browser
def test_report_renders_offline_in_a_real_browser(quickstart: Any) -> None:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian chromium is not installed (/usr/bin/chromium): apt-get install chromium"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    _, out = quickstart
    report = out / "report.html"
    requested: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()

            def refuse(route: Any) -> None:
                url = route.request.url
                if url.startswith("file://"):
                    route.continue_()
                else:
                    requested.append(url)
                    route.abort()

            page.route("**/*", refuse)
            page.goto(report.as_uri(), wait_until="load")
            charts = page.locator("svg.chart")
            assert charts.count() >= 3
            assert page.locator("#chart-scores rect").count() == 10
            assert page.locator("#chart-rules rect").count() >= 1
            assert page.locator("#chart-segments rect").count() >= 3
            box = page.locator("#chart-scores").bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 100
            blocked = page.locator("#blocked-rows tr")
            summary = json.loads((out / "summary.json").read_text("utf-8"))
            assert blocked.count() == summary["blocked"] + 1  # header row + one per blocked row
            text = page.locator("#blocked-rows").inner_text()
            assert "dana.at.northwind.com" in text and "said no on" in text
            # the template's own findings come before everything else
            order = page.evaluate("[...document.querySelectorAll('main > section')].map(s => s.id)")
            assert order[0] == "template"
            assert page.locator("#worst mark").count() >= 1
        finally:
            browser.close()
    assert requested == []
