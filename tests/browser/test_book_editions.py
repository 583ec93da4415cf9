"""The English, Finnish and Swedish editions of the book in chromium: the landing page picks the
browser's language, the switcher on a page leads to the same page in another language, and each
page says which language it is in (`<html lang>`).

The Finnish and Swedish editions are built (as `make book` does, with book/_ext/editions.py) into
a temporary folder beside the session's English edition (tests/helpers/book.py builds it the same
way) and served on loopback with the landing page.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EXTERNAL, serve_folder
from tests.helpers.book import BOOK_BUILD_TIMEOUT, EDITIONS, execution_cache
from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import editions  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)
import frame_messages  # noqa: E402
import reference_style  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def editions_html(tmp_path_factory, book_build) -> Path:
    """The three editions and the landing page in a temporary folder (its html/): the session's
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
    return base / "html"


@pytest.fixture(scope="module")
def editions_url(browser, editions_html):
    """The editions served on loopback."""
    with serve_folder(editions_html) as url:
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


# --------------------------------------------------------------------------------------------
# No English in the frame of a Finnish or Swedish page


@functools.cache
def frame_english() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """What the frame would say in English, read from the installed packages and our extensions:
    every message of pydata-sphinx-theme's, sphinx-book-theme's and Sphinx's catalogues and every
    text the themes' templates hard-code (frame_messages), sphinx-copybutton's messages, Jupyter
    Book's search placeholder; a
    message with placeholders as a pattern; and the sentences reference_style writes in English
    (the review's status, "URL:", "4th edition") as a pattern found inside an entry."""
    messages = (frame_messages.frame_messages() | {editions.SEARCH_TEXT}
                | set(frame_messages.installed_copybutton_messages().values()))
    placeholder = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")
    exact = frozenset(m for m in messages if not placeholder.search(m))
    patterns = sorted(
        (".+?".join(re.escape(part) for part in placeholder.split(m))
         for m in messages if placeholder.search(m) and len(placeholder.sub("", m).split()) >= 2),
        key=len, reverse=True)
    with_placeholders = re.compile("|".join(patterns))
    date = r"\d{4}-\d{2}-\d{2}"
    words = reference_style.WORDS["en"]
    references = re.compile("|".join(
        [re.escape(words[key]).replace(re.escape("{date}"), date) for key in ("read", "unchecked")]
        + [re.escape(words["url"]) + r"\s", r"\b\d+\w* edition\b"]))
    return exact, with_placeholders, references


def english_in_frame(texts: list[str]) -> list[str]:
    """The texts of a Finnish or Swedish page's frame that are English (frame_english)."""
    exact, with_placeholders, references = frame_english()
    found = []
    for text in texts:
        plain = " ".join(text.split())
        if plain in frame_messages.NAMES:
            continue
        # A message with a name after or before it, as the theme composes them ("Launch on" +
        # " Binder", "Binder" + " logo").
        head, _, last = plain.rpartition(" ")
        first, _, tail = plain.partition(" ")
        if (plain in exact or plain.rstrip(":.…") in exact or with_placeholders.fullmatch(plain)
                or references.search(plain) or (head in exact and " " in head and last)
                or (tail in exact and first and " " not in tail and len(plain.split()) == 2)):
            found.append(plain)
    return found


# The frame of a page as it is written: attributes read aloud or shown as tooltips, anywhere in
# the body, and the text outside the article (the bibliography inside it is checked in the
# browser below, with the citations' tooltips among the attributes).
_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt|placeholder)="([^"]*)"')
_ARTICLE = re.compile(r"<article\b.*?</article>|<(script|style)\b.*?</\1>", re.S)
_TEXT = re.compile(r">([^<>]+)<")


def written_frame(page: str) -> list[str]:
    """The frame's texts of a built page's body (see above)."""
    page = page.split("<body", 1)[-1]
    texts = _ATTRIBUTE.findall(page) + _TEXT.findall(_ARTICLE.sub("", page))
    return [html.unescape(text) for text in texts if text.strip()]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_page_of_the_edition_writes_english_into_its_frame(editions_html, lang):
    """Every built page of the Finnish and Swedish editions (read from the files: about 0.5 s)."""
    found = {}
    for path in sorted((editions_html / lang).rglob("*.html")):
        for text in english_in_frame(written_frame(path.read_text(encoding="utf-8"))):
            found.setdefault(text[:160], path.relative_to(editions_html).as_posix())
    assert not found, f"English in the {lang} edition's frame:\n" + "\n".join(
        f"{where}: {text!r}" for text, where in found.items())


def test_the_frame_check_finds_english(editions_html):
    """The check can fail: the English edition's frame is English to it."""
    page = (editions_html / "en" / "notebooks" / "outcomes-coach.html").read_text("utf-8")
    found = english_in_frame(written_frame(page))
    for text in ("Toggle primary sidebar", "Launch interactive content", "Launch on Binder",
                 "Binder logo", "Back to top"):
        assert text in found, text
    assert english_in_frame(["Council. A title. Read 2026-12-04.", "URL: https://x"]) == [
        "Council. A title. Read 2026-12-04.", "URL: https://x"]


# What a reader meets in the browser: the frame's regions, the launch menu, the search dialog,
# the bibliography and the citations, the code cells' copy buttons; texts and attributes as the
# scripts leave them (the tooltips' data-bs-original-title, labels set by the theme's scripts).
FRAME = (".bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary, "
         ".bd-footer, .bd-footer-article, .prev-next-area, .skip-link, dialog, .dropdown-menu, "
         ".citation, a[href*='references.html#'], .copybtn")
FRAME_TEXTS = """(selector) => {
  const out = new Set();
  for (const root of document.querySelectorAll(selector))
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const name of ['title', 'aria-label', 'alt', 'placeholder', 'data-bs-original-title',
                          'data-tooltip']) {
        const value = el.getAttribute(name);
        if (value && value.trim()) out.add(value);
      }
      for (const node of el.childNodes)
        if (node.nodeType === 3 && node.textContent.trim()) out.add(node.textContent);
      if (el.tagName.toLowerCase() === 'title') out.add(el.textContent);  // an icon's name
    }
  return [...out];
}"""


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_reader_meets_no_english_in_the_frame(coach_page, browser, editions_url, lang,
                                                 screenshot_dir):
    """The coach's page with its launch menu open and the search dialog, the references page and
    a search's results, in the browser."""
    page = coach_page(lang)
    page.locator(".dropdown-launch-buttons button:visible").first.click()
    expect(page.locator(".dropdown-launch-buttons .dropdown-menu")).to_be_visible()
    page.screenshot(path=screenshot_dir / f"book-{lang}-launch-menu.png")
    texts = page.evaluate(FRAME_TEXTS, FRAME)
    page.keyboard.press("Escape")
    context, other = _page(browser, f"{lang}-FI")
    try:
        other.goto(f"{editions_url}{lang}/book/references.html")
        texts += other.evaluate(FRAME_TEXTS, FRAME)
        toggle_the_sidebars(other, screenshot_dir / f"book-{lang}-narrow-sidebar.png")
        # A word on a few pages: the search page loads every page it lists for its summary.
        other.goto(f"{editions_url}{lang}/search.html?q=MICROBOL")
        expect(other.locator("#search-results li").first).to_be_visible(timeout=15_000)
        # Sphinx's fi/sv catalogue for scripts leaves the summary empty (frame_messages fills it).
        expect(other.locator("#search-results .search-summary")).not_to_be_empty(timeout=15_000)
        texts += other.evaluate(FRAME_TEXTS, FRAME + ", #search-results > h2, .search-summary")
    finally:
        context.close()
    assert len(texts) > 100 and any("Binder" in text for text in texts), "the frame not found"
    assert english_in_frame(texts) == []


def toggle_the_sidebars(page, screenshot) -> None:
    """The visible sidebar toggle hides the chapters' sidebar on a wide screen and opens it over
    the page on a narrow one (book_html_fixes, fix 4; the themes' scripts bind a hidden toggle)."""
    sidebar = page.locator("#pst-primary-sidebar")
    page.locator(".primary-toggle:visible").first.click()
    expect(sidebar).to_have_class(re.compile(r"\bpst-sidebar-hidden\b"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator(".primary-toggle:visible").first.click()
    expect(page.locator("#pst-primary-sidebar-modal")).to_have_attribute("open", "")
    page.screenshot(path=screenshot)
    page.keyboard.press("Escape")
