"""The pages people look at, in a real browser over `meetarchive serve` (headless Chromium
driven by Selenium, as tests/test_browser.py) on the archive of a real crawl of the fixture site:
the meet page (events in program order, places in order, relay members under the team, wind per
race, flags as badges, the articles), the athlete page (bests, the progression chart's points
against the archive's rows), a ranking list ("mile under 4:00": 6 rows for 6 performances), and
table pages a person can read. Screenshots go to test-artifacts/ (git-ignored)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixture_archive import crawl_fixture_site, serving
from tests.test_browser import browser, pytestmark, screenshot, submit

__all__ = ["browser", "pytestmark"]  # the browser fixture and the slow / chromium markers


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pages") / "archive.db"
    crawl_fixture_site(db)
    return db


@pytest.fixture(scope="module")
def base_url(archive: Path) -> Iterator[str]:
    with serving(archive) as base:
        yield base


def texts(scope: Any, css: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.text for e in scope.find_elements(By.CSS_SELECTOR, css)]


def open_meet(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/-/meets")
    box = browser.find_element(By.CSS_SELECTOR, "form.find input[name=q]")
    box.send_keys("pre classic 2024")
    submit(browser, box, "q")
    (link,) = browser.find_elements(By.CSS_SELECTOR, "table.meets td.name a")
    link.click()


def test_the_meet_page_shows_one_meet_in_program_and_place_order(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    open_meet(browser, base_url)
    screenshot(browser, "meet-prefontaine-2024")
    assert browser.find_element(By.CSS_SELECTOR, "h1.meet-name").text == "Prefontaine Classic"
    facts = browser.find_element(By.CSS_SELECTOR, "p.meet-facts").text
    assert "2024-05-25" in facts
    assert "Hayward Field" in facts
    # Program order: the event numbers the documents print (2, 4, 12, 31), whichever document
    # printed an event first; one mile however many documents print it.
    numbers = texts(browser, "section.event h2 .event-number")
    assert numbers == ["2", "4", "12", "31"]
    events = browser.find_elements(By.CSS_SELECTOR, "section.event")
    assert [e.get_attribute("data-discipline") for e in events] == [
        "100m",
        "long jump",
        "4x100m",
        "mile",
    ]
    for event in events:  # places in order, a DNF (no place) last
        places = texts(event, "td.place")
        placed = [int(p) for p in places if p]
        assert placed == sorted(placed)
        assert places[: len(placed)] == [str(p) for p in placed]
    sprint, jump, relay, mile = events
    assert "wind +1.2 m/s" in sprint.find_element(By.CSS_SELECTOR, "h2").text
    assert texts(jump, "td.wind") == ["+0.9", "+1.6"]  # the wind of each jump
    assert texts(relay, "td.who .team-name") == ["United States", "Jamaica"]
    first_team = relay.find_element(By.CSS_SELECTOR, "td.who")
    assert texts(first_team, "ol.relay-members li") == [
        "Tamari Davis (21)",
        "Twanisha Terry (25)",
        "Gabby Thomas (27)",
        "Sha'Carri Richardson (24)",
    ]
    assert texts(mile, "td.who a.athlete")[:2] == ["Josh Kerr", "Jakob Ingebrigtsen"]
    assert len(texts(mile, "tr.result")) == 6  # 5 finishers and a DNF, each once
    kerr = mile.find_element(By.CSS_SELECTOR, "tr.result")
    assert texts(kerr, "td.flags span.badge") == ["NR"]
    assert texts(kerr, "td.mark") == ["3:45.34"]  # the record is the badge, not part of the mark
    articles = browser.find_elements(By.CSS_SELECTOR, "ul.articles li.article a")
    assert len(articles) == 5
    assert all("/archive/-/article/" in a.get_attribute("href") for a in articles)


def test_the_athlete_page_shows_bests_and_a_chart_of_the_archive_rows(
    browser: Any, base_url: str, archive: Path
):
    from selenium.webdriver.common.by import By

    open_meet(browser, base_url)
    browser.find_element(By.LINK_TEXT, "Jakob Ingebrigtsen").click()
    screenshot(browser, "athlete-ingebrigtsen")
    assert browser.find_element(By.CSS_SELECTOR, "h1.athlete-name").text == "Jakob Ingebrigtsen"
    (pb,) = browser.find_elements(By.CSS_SELECTOR, "table.bests tr.pb")
    assert texts(pb, "td.event") == ["mile"]
    assert texts(pb, "td.mark") == ["3:43.73"]  # 2023: the 2024 3:45.60 is slower
    seasons = {
        cell.get_attribute("data-season"): cell.text
        for cell in browser.find_elements(By.CSS_SELECTOR, "table.season-bests td.mark")
    }
    assert seasons == {"2024": "3:45.60", "2023": "3:43.73"}

    # The chart's points are the athlete's performances in the archive, PB marked.
    athlete_id = int(browser.current_url.rsplit("/", 1)[1])
    with sqlite3.connect(archive) as conn:
        rows = conn.execute(
            "SELECT id, mark FROM performances WHERE athlete_id = ? AND discipline = 'mile' "
            "AND mark IS NOT NULL",
            [athlete_id],
        ).fetchall()
    (chart,) = browser.find_elements(By.CSS_SELECTOR, "figure.chart[data-discipline=mile]")
    points = chart.find_elements(By.CSS_SELECTOR, "svg circle.mark")
    charted = {
        (int(p.get_attribute("data-result-id")), float(p.get_attribute("data-mark")))
        for p in points
    }
    assert charted == set(rows)
    assert len(points) == len(rows) == 2
    best = chart.find_element(By.CSS_SELECTOR, "circle.best")
    assert best.get_attribute("data-mark-raw") == "3:43.73"
    assert best.get_attribute("data-date") == "2023"  # a meet known by its year only
    other = next(p for p in points if p != best)
    assert "pb" not in (other.get_attribute("class") or "").split()
    # Faster is higher up: the best mark's point sits above the other.
    assert float(best.get_attribute("cy")) < float(other.get_attribute("cy"))
    assert len(texts(browser, "table.athlete-results tr.result")) == 2
    assert len(texts(browser, "ul.articles li.article")) == 3


def test_a_ranking_list_of_sub_4_miles(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(base_url + "/archive/-/rankings")
    Select(browser.find_element(By.NAME, "event")).select_by_value("mile")
    browser.find_element(By.CSS_SELECTOR, "input[name=per][value=performance]").click()
    box = browser.find_element(By.NAME, "mark")
    box.send_keys("4:00")
    submit(browser, box, "mark", "4%3A00")
    screenshot(browser, "rankings-mile-under-4")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.ranking tr.ranked")
    marks = [float(r.get_attribute("data-mark")) for r in rows]
    assert len(rows) == 6  # 6 performances, 6 rows: no copy counted twice
    assert marks == sorted(marks)
    assert max(marks) < 240
    assert texts(browser, "table.ranking td.rank") == ["1", "2", "3", "4", "5", "6"]
    assert texts(browser, "table.ranking td.mark")[1] == "3:45.34 NR"  # the mark, then its badge
    assert len({r.get_attribute("data-result-id") for r in rows}) == 6

    browser.find_element(By.CSS_SELECTOR, "input[name=per][value=athlete]").click()
    box = browser.find_element(By.NAME, "mark")
    submit(browser, box, "per", "athlete")
    athletes = texts(browser, "table.ranking td.who")
    assert len(athletes) == 5
    assert len(set(athletes)) == 5  # Ingebrigtsen's best only

    browser.get(base_url + "/archive/-/rankings?event=long+jump&mark=8.22")
    assert texts(browser, "table.ranking td.mark") == ["8.22m"]
    browser.get(base_url + "/archive/-/rankings?event=mile&mark=fast")
    assert "not a mark" in browser.find_element(By.CSS_SELECTOR, "p.rankings-error").text


def test_table_pages_read_as_text_with_rows_of_normal_height(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/articles")
    table = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    screenshot(browser, "table-articles")
    heads = texts(browser, "table.rows-and-columns th")
    assert "body" not in heads
    assert "signals" not in heads
    assert "headline" in heads
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert rows
    assert max(r.size["height"] for r in rows) < 120

    browser.get(base_url + "/archive/results?flags__contains=NR")
    table = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    screenshot(browser, "table-results")
    flags = texts(browser, "table.rows-and-columns td.col-flags")
    assert flags
    assert all(f == "NR" for f in flags)
    assert "athlete_id" not in texts(browser, "table.rows-and-columns th")
    link = browser.find_element(By.CSS_SELECTOR, "td.col-athlete a")
    assert "/archive/-/athlete/" in link.get_attribute("href")
    browser.get(base_url + "/archive/results?event__contains=4x100")
    members = texts(browser, "table.rows-and-columns td.col-relay_members")
    assert members
    assert members[0].startswith("1 Tamari Davis (21); 2 Twanisha Terry")


def test_search_hits_and_articles_link_their_meets_and_athletes(browser: Any, base_url: str):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/archive/-/search?q=" + "Kerr+Ingebrigtsen+epic")
    (hit, *_) = browser.find_elements(By.CSS_SELECTOR, "li.search-hit")
    screenshot(browser, "search-hit-links")
    assert texts(hit, "p.search-links a.meet") == ["Prefontaine Classic 2024"]
    athletes = texts(hit, "p.search-links a.athlete")
    assert athletes[:2] == ["Josh Kerr", "Jakob Ingebrigtsen"]
    browser.get(hit.find_element(By.CSS_SELECTOR, "p.search-links a.meet").get_attribute("href"))
    assert browser.find_element(By.CSS_SELECTOR, "h1.meet-name").text == "Prefontaine Classic"
    article = browser.find_element(By.CSS_SELECTOR, "ul.articles li.article a")
    article.click()
    named = texts(browser, "div.article-body a.athlete")
    screenshot(browser, "article-with-athletes-linked")
    assert "Josh Kerr" in named
    assert browser.find_element(By.CSS_SELECTOR, "p.article-meets a.meet").text == (
        "Prefontaine Classic 2024"
    )
