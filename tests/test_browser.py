"""A real browser over `meetarchive serve`: headless Chromium (Debian's chromium + chromedriver,
driven by Selenium) searches the archive built by a real crawl of the fixture site for the seed
article (on the search page /archive/-/search and in the articles table's own box, which a small
archive keeps), opens an athlete timeline, and reads an article whose text holds `<script>` and
HTML tags: shown as text, never run. Screenshots are kept in test-artifacts/ (git-ignored)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.fixture_archive import REPO, crawl_fixture_site, serving
from tests.goldens import SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = REPO / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    # Skipped on a machine without the browser, never in CI (.ci/run installs it there).
    pytest.mark.skipif(
        not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER))
        and not os.environ.get("CI"),
        reason="needs chromium and chromedriver (.ci/run installs them)",
    ),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "archive.db"
    crawl_fixture_site(db)
    with serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1100",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    return path


def submit(driver: Any, box: Any, param: str, value: str = "") -> None:
    """Submit a form and wait for the page it leads to, whose URL holds ``param=value``
    (``submit()`` does not wait: reading at once could read the page being left)."""
    from selenium.webdriver.support.ui import WebDriverWait

    box.submit()
    WebDriverWait(driver, 20).until(
        lambda d: (
            f"{param}={value}" in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )


def column(driver: Any, name: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        td.text
        for td in driver.find_elements(By.CSS_SELECTOR, f"table.rows-and-columns td.col-{name}")
    ]


def test_search_finds_the_seed_article(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/articles")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("Ingebrigtsen Kerr")
    submit(browser, box, "_search")
    headlines = column(browser, "headline")
    browser.execute_script(
        "arguments[0].scrollIntoView()",
        browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns"),
    )
    screenshot(browser, "search-ingebrigtsen-kerr")
    assert headlines, browser.page_source[:2000]
    assert any(h.startswith("Josh Kerr Grabs Lead With 600 To Go") for h in headlines)
    assert "Ingebrigtsen Kerr" in browser.find_element(By.CSS_SELECTOR, "h3").text


def test_athlete_timeline_shows_the_articles_with_the_name_marked(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/athlete_timeline?_hide_sql=1")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=athlete]")
    box.send_keys("Ingebrigtsen")
    submit(browser, box, "athlete")
    titles = column(browser, "title")
    marks = browser.find_elements(By.CSS_SELECTOR, "td.col-detail mark")
    screenshot(browser, "athlete-timeline-ingebrigtsen")
    assert any(t.startswith("Josh Kerr Grabs Lead") for t in titles), titles
    assert marks
    assert all(m.text.lower() == "ingebrigtsen" for m in marks)
    dates = column(browser, "date")  # undated results (shown empty) come last
    assert dates == sorted(dates, reverse=True)


def test_an_article_with_script_and_html_in_its_text_shows_them_as_text(
    browser: Any, base_url: str
):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/articles?_search=widget")
    link = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns td.col-id a")
    link.click()
    body = browser.find_element(By.CSS_SELECTOR, "td.col-body")
    headline = browser.find_element(By.CSS_SELECTOR, "td.col-headline")
    browser.execute_script("arguments[0].scrollIntoView()", headline)
    screenshot(browser, "article-with-script-text")
    assert headline.text == "How To Embed Live Results: One <script> Tag And <b>Bold</b> Marks"
    assert "<script>window.meetarchiveXss = 1</script>" in body.text
    assert '<img src=x onerror="window.meetarchiveXss = 2">' in body.text
    # Nothing from the page became an element, and nothing ran.
    for cell in (body, headline):
        assert cell.find_elements(By.CSS_SELECTOR, "script, img, b, table") == []
    assert browser.execute_script("return window.meetarchiveXss === undefined")
    # The body reads as paragraphs.
    assert len(body.find_elements(By.CSS_SELECTOR, "p")) == 4
    # ... top to bottom (datasette/static/meetarchive.css): the body sits below the headline.
    assert body.location["y"] > headline.location["y"]
    assert body.location["x"] == headline.location["x"]


def test_the_search_page_finds_the_seed_with_the_hits_marked(browser: Any, base_url: str):
    """From the index page's link to the search page: type a query, read the hits, switch to
    newest first, open the seed's row page from its headline."""
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/")
    browser.find_element(By.LINK_TEXT, "Search the articles").click()
    box = browser.find_element(By.CSS_SELECTOR, "form.meetarchive-search input[name=q]")
    box.send_keys('Ingebrigtsen "British record"')
    submit(browser, box, "q")
    headlines = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "h3.search-headline a")]
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "p.search-snippet mark")]
    screenshot(browser, "search-page-british-record")
    assert headlines[0] == SEED["headline"], headlines
    assert "British record" in marks
    assert {m.lower() for m in marks} <= {"british record", "ingebrigtsen"}
    meta = browser.find_element(By.CSS_SELECTOR, "p.search-meta").text
    assert meta.startswith(SEED["published_at"][:10])
    assert "Lori Shontz" in meta

    box = browser.find_element(By.CSS_SELECTOR, "form.meetarchive-search input[name=q]")
    box.clear()
    box.send_keys("mile")
    browser.find_element(By.CSS_SELECTOR, "input[name=order][value=newest]").click()
    submit(browser, box, "order", "newest")
    dates = [d.text for d in browser.find_elements(By.CSS_SELECTOR, "span.search-date")]
    screenshot(browser, "search-page-mile-newest")
    assert len(dates) >= 4
    assert dates == sorted(dates, reverse=True)

    browser.get(base_url + "/archive/-/search?q=" + quote('"British record"'))
    browser.find_element(By.LINK_TEXT, SEED["headline"]).click()
    headline = browser.find_element(By.CSS_SELECTOR, "td.col-headline")
    assert headline.text == SEED["headline"]


def test_the_search_page_shows_a_page_script_as_text(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/-/search?q=widget")
    (hit,) = browser.find_elements(By.CSS_SELECTOR, "li.search-hit")
    screenshot(browser, "search-page-script-as-text")
    assert hit.find_element(By.CSS_SELECTOR, "h3").text == (
        "How To Embed Live Results: One <script> Tag And <b>Bold</b> Marks"
    )
    assert hit.find_elements(By.CSS_SELECTOR, "script, img, b") == []
    assert browser.execute_script("return window.meetarchiveXss === undefined")


def test_a_query_with_nothing_to_search_gets_a_message(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/-/search?q=" + quote('-Kerr "'))
    error = browser.find_element(By.CSS_SELECTOR, "p.search-error").text
    assert "at least one word" in error
    assert browser.find_elements(By.CSS_SELECTOR, "li.search-hit") == []
