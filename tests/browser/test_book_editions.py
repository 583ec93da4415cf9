"""The English, Finnish and Swedish editions of the book in chromium: the landing page picks the
browser's language, the switcher on a page leads to the same page in another language, and each
page says which language it is in (`<html lang>`).

The Finnish and Swedish editions are built (as `make book` does, with book/_ext/editions.py) into
a temporary folder beside the session's English edition (tests/helpers/book.py builds it the same
way) and served on loopback with the landing page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EXTERNAL, serve_folder
from tests.helpers.book import BOOK_BUILD_TIMEOUT, EDITIONS, execution_cache
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def editions_url(tmp_path_factory, browser, book_build):
    """The three editions and the landing page in a temporary folder, served: the session's
    English edition copied, the Finnish and Swedish ones built with its execution cache's name
    (their own caches beside it: the notebooks run in each edition's language)."""
    base = tmp_path_factory.mktemp("editions")
    cache = execution_cache(book_build)
    shutil.copytree(book_build.html, base / "html" / "en")
    for lang in ("fi", "sv"):
        proc = subprocess.run(
            [sys.executable, str(EDITIONS), "build", lang, "--strict", "--out", str(base),
             "--cache", str(cache)],
            capture_output=True, text=True, timeout=BOOK_BUILD_TIMEOUT, cwd=REPO,
        )
        assert proc.returncode == 0, f"{lang} edition:\n{proc.stdout[-4000:]}\n{proc.stderr[-3000:]}"
    subprocess.run([sys.executable, str(EDITIONS), "landing", "--out", str(base)], check=True)
    with serve_folder(base / "html") as url:
        yield url


def _page(browser, locale: str):
    context = browser.new_context(locale=locale)
    context.route(EXTERNAL, lambda route: route.abort("internetdisconnected"))
    return context, context.new_page()


@pytest.mark.parametrize(("locale", "lang", "heading"), [
    ("fi-FI", "fi", "Pienet osaamiskokonaisuudet"),
    ("sv-SE", "sv", "Mikromeriter"),
    ("en-GB", "en", "Micro-credentials"),
])
def test_landing_page_opens_the_browsers_language(browser, editions_url, locale, lang, heading):
    context, page = _page(browser, locale)
    try:
        page.goto(editions_url)
        page.wait_for_url(f"**/{lang}/book/index.html")
        assert page.locator("html").get_attribute("lang") == lang
        expect(page.locator("h1").first).to_contain_text(heading)
    finally:
        context.close()


def test_landing_page_offers_links_for_another_language(browser, editions_url):
    context, page = _page(browser, "de-DE")
    try:
        page.goto(editions_url)
        assert page.url == editions_url
        for name in ("English", "Suomi", "Svenska"):
            expect(page.get_by_role("link", name=name)).to_be_visible()
    finally:
        context.close()


def test_switcher_leads_to_the_same_page_in_each_language(browser, editions_url):
    context, page = _page(browser, "fi-FI")
    try:
        page.goto(f"{editions_url}fi/book/how-to-use.html")
        switcher = page.get_by_role("navigation", name="Language / Kieli / Språk")
        expect(page.locator("h1").first).to_contain_text("Näin käytät kurssia")
        assert "Pienet osaamiskokonaisuudet: valmennuskurssi" in page.title()  # the site's title
        switcher.get_by_role("link", name="Svenska").click()
        page.wait_for_url("**/sv/book/how-to-use.html")
        assert page.locator("html").get_attribute("lang") == "sv"
        expect(page.locator("h1").first).to_contain_text("Så använder du kursen")
        switcher.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/book/how-to-use.html")
        assert page.locator("html").get_attribute("lang") == "en"
        expect(page.locator("h1").first).to_contain_text("How to use this course")
    finally:
        context.close()


@pytest.fixture(scope="module")
def coach_page(browser, editions_url):
    """The outcome coach's page of an edition (``coach_page(lang)``), loaded once for the tests
    below, which only read it (a load with its widgets costs chromium 1-2 s of CPU)."""
    opened = {}

    def open_coach(lang: str):
        if lang not in opened:
            context, page = _page(browser, "en-GB" if lang == "en" else f"{lang}-FI")
            opened[lang] = (context, page)
            page.goto(f"{editions_url}{lang}/notebooks/outcomes-coach.html")
        return opened[lang][1]

    yield open_coach
    for context, _ in opened.values():
        context.close()


@pytest.mark.parametrize(("lang", "label"), [("fi", "Bloomin taso"), ("sv", "Bloomnivå")])
def test_a_notebook_page_shows_the_tool_in_the_editions_language(coach_page, lang, label):
    """The notebooks of an edition run with its screen language: the coach's labels follow."""
    coach = coach_page(lang).locator(".mc-outcome-coach").first
    expect(coach.get_by_text(label).first).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_a_notebook_page_launches_the_notebook_of_its_language(coach_page, lang):
    """Binder opens notebooks/<name>.ipynb from the English edition and the generated
    notebooks/<lang>/<name>.ipynb from the Finnish and Swedish ones (book/_ext/notebook_editions.py),
    through the launch link that sets JupyterLab's language first (microcred/widgets/lab_link.py)."""
    binder = coach_page(lang).locator('a[href*="mybinder.org/v2/"]').first
    expected = ("notebooks/outcomes-coach.ipynb" if lang == "en"
                else f"notebooks/{lang}/outcomes-coach.ipynb")
    link = "lab/tree" if lang == "en" else f"microcred/lab/{lang}"
    expect(binder).to_have_attribute("href", re.compile(rf"urlpath={link}/{expected}$"))
    assert (REPO / expected).exists()
