"""End to end in headless Chromium: a real server over a real index, driven as a person would (mouse and keyboard).

Needs Debian's `chromium` and the `playwright` package (its driver comes with the wheel; no browser download).
Without a browser these tests are skipped with a message. `UPDATE_SCREENSHOTS=1` also writes the screenshots
to docs/screenshots/ (otherwise they go to a temp dir, so a test run leaves the tree clean).
"""
import os
import re
import shutil
import threading

import pytest

from tests.conftest import DOCS, LABELLED, REPO, SEEDS, build_index

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: end-to-end tests skipped")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no chromium binary found (apt-get install chromium): end-to-end tests skipped")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SCREENS = {"search": "/?q=ombudsman", "document": "/doc/003_e879f1925df36061?q=ombudsman",
           "partner": "/partner/Pakistan", "help": "/help"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A waitress server on a free port, over an index of the seeds, the test documents and the labelled news."""
    from waitress import create_server

    from webui import create_app

    index = build_index(tmp_path_factory.mktemp("e2e-index"), SEEDS, DOCS, LABELLED)
    server = create_server(create_app({"INDEX_DIR": str(index)}), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, site):
    context = browser.new_context(base_url=site, viewport=SIZES["desktop"])
    opened = context.new_page()
    problems = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    assert not problems, problems  # a CSP violation or a script error shows up here


def total(page) -> int:
    return int(re.search(r"(\d+) (nəticə|sənəd)", page.inner_text("#results-heading")).group(1))


def test_typing_shows_suggestions_chosen_with_the_keyboard(page):
    page.goto("/")
    page.click("#q")
    page.keyboard.type("Pakis")
    page.wait_for_selector("#q-suggestions [role=option]")
    assert page.get_attribute("#q", "aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.get_attribute("#q", "aria-expanded") == "false" and page.is_hidden("#q-suggestions")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#q", "aria-activedescendant")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    chosen = page.get_attribute(f"#{active}", "data-value")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.input_value("#q") == chosen and total(page) >= 0


def test_facets_select_several_years_and_clear_keeping_the_query(page):
    page.goto("/?q=ombudsman")
    everything = total(page)
    page.click(".facets a[data-facet=year][data-value='2022']")
    one_year = total(page)
    assert "q=ombudsman" in page.url and "year=2022" in page.url and one_year < everything
    page.click(".facets a[data-facet=year][data-value='2021']")
    assert total(page) > one_year and page.locator(".facets a[aria-current=true]").count() == 2
    page.click("text=Bütün süzgəcləri təmizlə")
    assert total(page) == everything and page.input_value("#q") == "ombudsman"


def test_chart_bar_filters_by_year(page):
    page.goto("/?q=ombudsman")
    bar = page.locator("svg.year-chart a[aria-label^='2022:']")
    count = int(re.search(r": (\d+) sənəd", bar.get_attribute("aria-label")).group(1))
    bar.click()
    assert "year=2022" in page.url and total(page) == count


def test_partner_filter_paging_and_opening_a_document(page):
    page.goto("/?per_page=5")
    partner = page.get_attribute(".facets a[data-facet=partner] >> nth=0", "data-value")
    page.click(".facets a[data-facet=partner] >> nth=0")
    assert page.locator(".hit").count() > 0 and all(partner in tags for tags in page.locator(".hit .meta").all_inner_texts())
    page.click("a[rel=next]")
    assert "page=2" in page.url and "partner=" in page.url and page.inner_text(".pagination [aria-current=page]") == "2"
    page.goto("/?q=ombudsman")
    title = page.inner_text(".hit h2 a >> nth=0")
    page.click(".hit h2 a >> nth=0")
    assert page.inner_text("h1#doc-title") == title
    matches = page.locator("mark[id^=match-]").count()
    page.click(".next-match")
    page.click(".next-match")
    assert page.inner_text(".match-count").startswith(f"{min(2, matches)} / {matches}")
    assert page.locator(".similar a").count() > 0


def test_keyboard_only(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    focus_by_tab(page, "#q")
    page.keyboard.type("ombudsman")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=ombudsman" in page.url
    focus_by_tab(page, ".facets a[data-facet=year]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "year=" in page.url and page.locator(".facets a[aria-current=true]").count() == 1
    focus_by_tab(page, ".hit h2 a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/doc/" in page.url
    focus_by_tab(page, ".next-match")
    page.keyboard.press("Enter")
    page.keyboard.press(" ")
    matches = int(page.get_attribute(".next-match", "data-count"))
    assert page.inner_text(".match-count").startswith(f"{min(2, matches)} / {matches} uyğunluq: ")
    assert page.evaluate("document.activeElement.classList.contains('next-match')")


def focus_by_tab(page, selector: str, presses: int = 80) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_plain_form_works_without_javascript(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.fill("#q", "ombudsman")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=ombudsman"))
    assert total(page) > 0 and page.get_attribute("#q", "role") is None
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_main_pages(browser, site, tmp_path, size):
    """Each main page at a phone and a desktop size, with nothing wider than the screen."""
    context = browser.new_context(base_url=site, viewport=SIZES[size], device_scale_factor=1)
    page = context.new_page()
    for name, url in SCREENS.items():
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} is wider than a {size}"
        shot = tmp_path / f"{name}-{size}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("UPDATE_SCREENSHOTS") == "1":
            shutil.copy(shot, REPO / "docs" / "screenshots" / shot.name)
    context.close()


CONTRAST_JS = """(selector) => [...document.querySelectorAll(selector)].slice(0, 5).map((element) => {
    let background = element, color = getComputedStyle(element).color;
    while (background && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(background).backgroundColor)) {
        background = background.parentElement;
    }
    return [color, background ? getComputedStyle(background).backgroundColor : 'rgb(255, 255, 255)'];
})"""


def luminance(css: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", css)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("url, selectors", [
    ("/?q=ombudsman&year=2022", ["body", ".muted", ".facet-count", ".facet-label", ".hit h2 a", ".tag", ".chip", ".snippet mark", ".search-form button", ".site-nav a", ".brand-text small"]),
    ("/doc/003_e879f1925df36061?q=ombudsman", [".doc-meta dt", ".next-match", ".similar a", ".doc-text"]),
])
def test_text_contrast_is_at_least_aa(page, url, selectors):
    page.goto(url)
    for selector in selectors:
        pairs = page.evaluate(CONTRAST_JS, selector)
        assert pairs, selector
        for color, background in pairs:
            light, dark = sorted((luminance(color), luminance(background)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, (selector, color, background)
