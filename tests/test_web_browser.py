"""The web UI in a real browser: Debian's Chromium driven by Playwright against a real
uvicorn server on a loopback port.  Screenshots land in test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from criticscope.api import create_app

from .test_web import (
    AMBIGUOUS,
    HOSTILE_FILENAME,
    HOSTILE_TEXT,
    SPOILER_SENTENCE,
    populate_web,
    running,
    web_library,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must provide it (scripts/test.sh installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(settings):
    lib = web_library(settings)
    ids = populate_web(lib.store)
    with running(create_app(settings, library=lib)) as base:
        yield base, ids, lib
    lib.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


def _shot(pg, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_search_and_open_a_film(page, site):
    base, ids, _ = site
    page.goto(base + "/")
    _shot(page, "home")
    page.fill("#q", "ballerina")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=ballerina*")
    page.click(f"#film-results a[href='/films/{ids.a}']")
    page.wait_for_url(f"**/films/{ids.a}")
    assert page.locator("h1").inner_text().startswith("Ballerina")
    badge = page.locator("[data-badge]")
    assert badge.is_visible()
    assert "66.7" in badge.locator(".badge-value").inner_text()
    assert "positive · 4 of 6 critics" in badge.inner_text()

    chart = page.locator("svg.chart")
    assert chart.is_visible() and chart.get_attribute("data-total") == "6"
    heights = page.eval_on_selector_all("svg.chart rect", "rs => rs.map(r => r.getBBox().height)")
    counts = [int(t) for t in page.locator("svg.chart .count-label").all_text_contents()]
    assert len(heights) == 5 and sum(counts) == 6
    assert heights.index(max(heights)) == counts.index(max(counts)) == 4  # 80–100 holds three reviews
    assert all((h > 0) == (c > 0) for h, c in zip(heights, counts, strict=True))
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 80

    page.click("#same-title a")  # "Looking for Ballerina (2023)?"
    page.wait_for_url(f"**/films/{ids.b}")
    assert "Not enough reviews yet" in page.locator("[data-badge]").inner_text()
    assert "2 of 5 reviews needed" in page.locator("[data-badge]").inner_text()

    page.goto(f"{base}/films/{ids.a}")
    _shot(page, "film")
    page.set_viewport_size(MOBILE)
    _shot(page, "film-mobile")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], "the film page must not scroll sideways on a phone"


def test_spoiler_reveal_is_remembered(page, site, browser):
    base, ids, _ = site
    url = f"{base}/reviews/{ids.spoiler}"
    page.goto(url)
    hidden = page.locator(".spoiler-text").first
    assert not hidden.is_visible() and page.locator(".spoiler-cover").first.is_visible()
    assert page.locator("#review-text mark.rating").inner_text() == "3.5/5"
    assert page.locator("u.aspect").first.get_attribute("title") == "performances"
    _shot(page, "review")
    page.set_viewport_size(MOBILE)
    _shot(page, "review-mobile")
    page.set_viewport_size(DESKTOP)

    page.click(".spoiler-cover")
    assert hidden.is_visible() and hidden.inner_text() == SPOILER_SENTENCE
    assert page.url == url  # revealed in place by the script, no reload
    page.reload()
    assert page.locator(".spoiler-text").first.is_visible()  # remembered in localStorage
    page.click("[data-spoiler-toggle]")
    assert not page.locator(".spoiler-text").first.is_visible()
    page.reload()
    assert not page.locator(".spoiler-text").first.is_visible()

    no_js = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        plain = no_js.new_page()
        plain.goto(url)
        assert not plain.locator(".spoiler-text").first.is_visible()
        plain.click(".spoiler-cover")  # a plain link to ?spoilers=show
        plain.wait_for_url("**spoilers=show*")
        assert plain.locator(".spoiler-text").first.is_visible()
    finally:
        no_js.close()


def test_upload_a_page_and_see_it_analyzed(page, site):
    base, _, lib = site
    page.goto(base + "/ingest")
    review = ("Sinners (2025)\n\nRyan Coogler's Sinners is a blues-soaked vampire epic, and Michael B. Jordan is "
              "magnetic in a double role. Rating: 4/5\n")
    page.set_input_files("#files", files=[
        {"name": "sinners.txt", "mimeType": "text/plain", "buffer": review.encode()},
        {"name": "blank.txt", "mimeType": "text/plain", "buffer": b""},
    ])
    page.click("form.ingest-form button[type=submit]")
    page.wait_for_selector("#journal")
    rows = page.locator(".journal-table tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator(".status").inner_text().lower() == "ok"
    assert rows.nth(1).locator(".status").inner_text().lower() == "failed"
    assert rows.nth(1).locator(".reason").inner_text().strip()
    _shot(page, "ingest")
    rows.nth(0).locator("a.review-link").click()
    page.wait_for_url("**/reviews/*")
    assert page.locator("#review-text mark.rating").inner_text() == "4/5"  # the ratings stage ran on the upload
    rid = page.locator("article.review").get_attribute("data-review-id")
    assert lib.review(rid).rating_text == "4/5"


def test_resolve_an_ambiguous_link(page, site):
    base, ids, lib = site
    page.goto(base + "/decide")
    item = page.locator(f"#review-{AMBIGUOUS}")
    assert item.locator(".candidate").count() == 2
    assert "55% match" in item.locator(".candidate").nth(0).inner_text()
    _shot(page, "decide")
    item.locator("input[name=decided_by]").fill("Editor")
    item.locator("input[name=decided_by]").press("Enter")  # Enter in a field must not pick a film
    page.wait_for_timeout(300)
    assert page.url.endswith("/decide") and lib.store.link_decision(AMBIGUOUS) is None
    item.locator(f"button[value='{ids.b}']").click()
    page.wait_for_url("**/decide?done=*")
    assert "Ballerina (2023)" in page.locator("#decided").inner_text()
    assert page.locator("#nothing-to-decide").is_visible()
    review = lib.review(AMBIGUOUS)
    assert (review.film_id, review.link_source) == (ids.b, "user")
    decision = lib.store.link_decision(AMBIGUOUS)
    assert (decision.film_id, decision.decided_by) == (ids.b, "Editor")


def test_injected_markup_never_runs(browser, site):
    base, ids, _ = site
    # without the Content-Security-Policy, so that escaping alone has to keep the page safe
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    dialogs: list[str] = []
    try:
        pg = context.new_page()
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in (f"/reviews/{ids.hostile}", f"/films/{ids.b}", "/search?q=ballerina", "/", "/decide"):
            pg.goto(base + path)
            pg.wait_for_load_state("load")
            pg.hover("h1")
            assert pg.evaluate("window.__pwned") is None, path
            assert pg.title() != "pwned", path
            assert pg.locator("img[src='x']").count() == 0 and pg.locator("b[onmouseover]").count() == 0, path
            srcs = pg.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
            assert all(src and "/static/criticscope.js" in src for src in srcs), path
        pg.goto(f"{base}/reviews/{ids.hostile}")
        assert "<script>window.__pwned = 1;" in pg.locator("#review-text").inner_text()
        assert HOSTILE_TEXT.split("</script>")[1].strip()[:20] in pg.locator("#review-text").inner_text()

        pg.goto(base + "/ingest")
        pg.set_input_files("#files", files=[{"name": HOSTILE_FILENAME, "mimeType": "text/plain",
                                             "buffer": HOSTILE_TEXT.encode()}])
        pg.click("form.ingest-form button[type=submit]")
        pg.wait_for_selector("#journal")
        assert "<script>" in pg.locator(".journal-table .origin").first.inner_text()
        assert pg.evaluate("window.__pwned") is None and pg.title() != "pwned"
        assert dialogs == []
    finally:
        context.close()
