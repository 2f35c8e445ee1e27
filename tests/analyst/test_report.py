"""The run report: written beside the warehouse by every run, self-contained, and it renders in a
real headless browser (Debian's chromium through the system chromedriver) without console errors."""
from __future__ import annotations

import re
import shutil

import pytest

from pipelines.report import report_path, write_report
from pipelines.report.charts import CHARTS
from pipelines.settings import PROJECT_ROOT
from pipelines.warehouse import create_views, ensure_schema, open_warehouse

SCREENSHOT = PROJECT_ROOT / "warehouse" / "report.png"
INSTALL_HINT = ("install Debian's chromium and its driver: `sudo apt-get install -y chromium chromium-driver` "
                "(.ci/run does this before `make test`)")


@pytest.fixture(scope="module")
def report(seeds_run):
    settings, _ = seeds_run
    path = report_path(settings.warehouse)
    assert path.exists(), "the run did not write report.html beside the warehouse"
    return path


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page), "scripts must be inlined"
    assert not re.search(r"<link[^>]+href=\"(?!data:)", page), "no external stylesheets or icons"
    assert "window.vegaEmbed" in page, "the vega-embed bundle is inlined"


def test_report_has_every_section_and_the_seeds_data(report, wh):
    page = report.read_text(encoding="utf-8")
    for name in CHARTS:
        assert f'id="{name}"' in page, name
    assert "Vladimir Putin" in page and "related_block" in page and "money" in page
    linked = wh.execute("SELECT count(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]
    assert ('id="chart-articles-per-story"' in page) == (linked > 0)


def test_check_results_name_severities_as_the_suites_do(wh):
    from pipelines.report.data import read_report_data

    severities = set(read_report_data(wh).frames["check_results"]["severity"])
    assert severities == {"blocking", "warning"}  # the table's error/warn, in the README's words


@pytest.mark.parametrize("drop", [(), ("stories",), ("stories", "quality_results", "runs")])
def test_report_of_a_warehouse_missing_tables_says_what_is_absent(tmp_path, drop):
    warehouse = tmp_path / "news.duckdb"
    with open_warehouse(warehouse) as con:
        ensure_schema(con)
        create_views(con)
        for table in drop:
            con.execute(f"DROP TABLE {table}")
    page = write_report(warehouse).read_text(encoding="utf-8")
    assert "No articles are linked to stories yet" in page
    assert "No data-quality check results recorded yet" in page and "No run recorded" in page
    assert "const charts = {}" in page


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is missing: pip install -e '.[test]'")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (binary and driver_path):
        pytest.skip(f"no chromium/chromedriver on this machine: {INSTALL_HINT}")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,3200"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def test_report_renders_in_headless_chromium(report, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(report.as_uri())
    charts = browser.execute_script("return document.querySelectorAll('div.chart').length")
    assert charts >= 4  # top entities, figures, boilerplate, checks (stories are empty on the seeds)
    rendered = WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return document.body.dataset.chartsRendered"))
    assert int(rendered) == charts
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('div.chart')).map(c => c.querySelectorAll('svg .mark-rect path').length)")
    assert all(n > 0 for n in marks), f"a chart drew no bars: {marks}"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert fetched == [], f"the report fetched {fetched}"
    story_labels = browser.execute_script(
        "const c = document.getElementById('chart-articles-per-story');"
        "return c ? Array.from(c.querySelectorAll('svg [aria-label^=\"Y-axis\"] .role-axis-label text')).map(t => t.textContent) : null")
    if story_labels is not None:  # each label ends with its story id, uncut
        assert story_labels and all(re.search(r"\(\w{6}\)$", label) for label in story_labels), story_labels
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT)) and SCREENSHOT.stat().st_size > 10_000


def test_a_data_table_cut_to_its_first_rows_says_so(report, wh):
    from pipelines.report.build import TABLE_ROWS

    page = report.read_text(encoding="utf-8")
    checks = wh.execute("SELECT count(*) FROM quality_results WHERE run_id = (SELECT run_id FROM quality_results "
                        "ORDER BY checked_at DESC LIMIT 1)").fetchone()[0]
    assert checks > TABLE_ROWS  # the seeds' check results: more rows than a table shows
    assert f"data ({checks} rows, the first {TABLE_ROWS} shown)" in page


def test_the_warehouse_folder_readme_names_the_report_of_a_warehouse_not_named_news_duckdb():
    from pathlib import Path

    readme = (PROJECT_ROOT / "warehouse" / "README.md").read_text(encoding="utf-8")
    assert report_path(Path("news.duckdb")).name == "report.html" and "`report.html`" in readme
    assert f"`{report_path(Path('a.duckdb')).name}`" in readme  # one report per warehouse file, not per folder
