"""The built book, page by page, in chromium: links, console, images, accessibility, Binder
launch buttons.

The book is built once per session into a temporary folder and served on loopback. A crawl starts
at the root and follows every internal link; every built page must be reached that way. The crawl
also runs axe-core on each page it visits (tests/browser/a11y.py: serious and critical findings
fail), so that every page is loaded once for all these checks.

The widgets are checked for accessibility where participants use them, in JupyterLab
(test_lab_widgets.py); in the static book they are previews drawn by the book's own copy of the
widget manager (checked below), and the book also shows screenshots of them, with alt text.

About console errors. The machines that run these tests reach no host but the package registries,
and the browser answers every request to another host "internet disconnected" (conftest.py), so
the tests give the same result online and offline. Errors are therefore sorted by origin:

- errors of our own pages (uncaught exceptions, console errors from scripts on the book server,
  book files that fail to load) fail the tests;
- requests to other hosts are listed separately and are not errors here. The pages may only ask
  for the hosts in EXTERNAL_HOSTS, each with its reason: a new one fails
  `test_pages_load_nothing_from_unexpected_hosts`. Today there are none: the scripts that draw
  saved widget state (require.js and @jupyter-widgets/html-manager) are served from the book's
  own `_static/vendor/` (book/_ext/offline_widgets.py), so widget pages work offline; the tests
  below check that they are drawn, and that a page whose scripts are blocked says so.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.a11y import serious_violations
from tests.browser.conftest import EXTERNAL, is_redirect, open_page
from tests.helpers.book import BOOK_BUILD_TIMEOUT
from tests.helpers.paths import REPO

# The first test of a session also waits for the book build (tests/helpers/book.py) and runs the
# crawl, with axe-core on every page.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(BOOK_BUILD_TIMEOUT + 600)]

# Hosts that book pages may ask for, and why (see the module docstring).
EXTERNAL_HOSTS: dict[str, str] = {}


# Saved widget views (myst-nb writes one script tag per view) and the test that each is drawn.
WIDGET_VIEWS = 'script[type="application/vnd.jupyter.widget-view+json"]'
ALL_DRAWN = """(selector) => {
  const views = [...document.querySelectorAll(selector)];
  return views.length > 0 && views.every(v => {
    const before = v.previousElementSibling;
    return before && before.classList.contains('widget-subarea') && before.children.length > 0;
  });
}"""
WIDGETS_DRAWN_TIMEOUT = 20_000  # ms


@dataclass
class Visit:
    """What one page showed and asked for."""

    path: str
    reached: bool = True  # by following links (and the search form) from the root
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    console_errors: list[str] = field(default_factory=list)  # console.error from our scripts
    local_failures: list[str] = field(default_factory=list)  # book files that did not load
    external: list[str] = field(default_factory=list)  # URLs on other hosts (not loaded here)
    links: list[str] = field(default_factory=list)  # every <a href>, absolute
    resources: list[str] = field(default_factory=list)  # img/script/link/source URLs
    images: list[dict] = field(default_factory=list)
    launch_links: list[str] = field(default_factory=list)  # Binder launch buttons
    accessibility: list[str] = field(default_factory=list)  # axe-core's serious findings
    widgets: str = ""  # "drawn" or "not drawn" on a page with saved widgets
    widget_fallback: bool = False  # the note shown when the widget scripts cannot load


COLLECT = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href)
    .concat([...document.querySelectorAll('form[action]')].map(f => f.action)),
  resources: [...document.querySelectorAll(
      'img[src], script[src], link[href], source[src], iframe[src]')]
    .map(e => e.src || e.href),
  images: [...document.images].map(i => ({
    src: i.getAttribute('src'),
    alt: i.getAttribute('alt'),
    decorative: i.getAttribute('role') === 'presentation' || i.getAttribute('aria-hidden') === 'true',
    lazy: i.loading === 'lazy',
    loaded: i.complete && i.naturalWidth > 0,
  })),
  launch_links: [...document.querySelectorAll('a[href*="/v2/gh/"]')].map(a => a.href),
})"""


def local_file(url: str, base: str, root: Path) -> Path | None:
    """The built file a URL under the book's ``base`` URL points at (None for other hosts, other
    editions and non-http links)."""
    if not url.startswith(base):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    path = path[len(urllib.parse.urlsplit(base).path):]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return root / path


def is_favicon_probe(url: str, base: str) -> bool:
    # Chromium asks every site for /favicon.ico by itself; no page of ours links to it.
    return url == urllib.parse.urljoin(base, "/favicon.ico")


@pytest.fixture(scope="session")
def crawl(browser, book_url, book_html, book_pages, screenshot_dir) -> dict[str, Visit]:
    """Visit every page once, following internal links from the root; record what happened. A
    page with saved widgets is looked at once they are drawn (or after WIDGETS_DRAWN_TIMEOUT)."""
    visits: dict[str, Visit] = {}
    blocked: list[str] = []
    queue = ["index.html"]
    with open_page(browser, blocked) as page:
        current: list[Visit] = []

        def on_console(msg):
            if msg.type != "error" or not current:
                return
            where = msg.location.get("url", "")
            if EXTERNAL.match(where):
                current[-1].external.append(where)
            elif not is_favicon_probe(where, book_url):
                current[-1].console_errors.append(f"{msg.text} ({where})")

        def on_failed(request):
            # ERR_ABORTED is the browser cancelling what the page being left still loads (a
            # font the widgets' CSS asks for late) when the crawl moves on; a file that is
            # missing answers 404 from the local server, which on_response records.
            if (current and not EXTERNAL.match(request.url)
                    and "ERR_ABORTED" not in str(request.failure)):
                current[-1].local_failures.append(f"{request.url}: {request.failure}")

        def on_response(response):
            if (current and response.status >= 400 and not EXTERNAL.match(response.url)
                    and not is_favicon_probe(response.url, book_url)):
                current[-1].local_failures.append(f"{response.url}: HTTP {response.status}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: current and current[-1].page_errors.append(str(exc)))
        page.on("requestfailed", on_failed)
        page.on("response", on_response)

        def visit(rel: str) -> None:
            current.append(Visit(rel))
            blocked.clear()
            page.goto(book_url + rel, wait_until="load")
            if is_redirect(book_html / rel):  # meta refresh: wait for the page it leads to
                page.wait_for_url(lambda url: url != book_url + rel)
                page.wait_for_load_state("load")
            landed = page.url.split("#", 1)[0].removeprefix(book_url)  # after redirects
            visit_ = current[-1]
            if page.locator(WIDGET_VIEWS).count():
                try:
                    page.wait_for_function(ALL_DRAWN, arg=WIDGET_VIEWS,
                                           timeout=WIDGETS_DRAWN_TIMEOUT)
                    visit_.widgets = "drawn"
                except PlaywrightTimeoutError:
                    visit_.widgets = "not drawn"
                visit_.widget_fallback = page.locator(".mc-widget-fallback").count() > 0
                if landed == "notebooks/outcomes-coach.html":
                    page.screenshot(path=screenshot_dir / "book-offline-outcomes-coach.png",
                                    full_page=True)
            found = page.evaluate(COLLECT)
            visit_.links, visit_.resources = found["links"], found["resources"]
            visit_.images, visit_.launch_links = found["images"], found["launch_links"]
            visit_.accessibility = serious_violations(page)
            visit_.external.extend(blocked)
            visits[rel] = visit_
            if landed != rel:
                visits.setdefault(landed, visit_)
            for link in visit_.links:
                target = local_file(link, book_url, book_html)
                if target is None or target.suffix != ".html" or not target.exists():
                    continue
                name = target.relative_to(book_html).as_posix()
                if name not in visits and name not in queue:
                    queue.append(name)

        while queue:
            rel = queue.pop(0)
            if rel not in visits:
                visit(rel)
        orphans = [rel for rel in book_pages if rel not in visits]
        for rel in orphans:  # still check them, and report them in their own test
            visit(rel)
            visits[rel].reached = False
    return visits


def our_pages(crawl: dict[str, Visit], book_pages: list[str]) -> list[Visit]:
    return [crawl[rel] for rel in book_pages]


# Sphinx writes an index page even when nothing is indexed; no page needs to link to it.
UNLINKED_OK = {"genindex.html"}


def test_every_page_is_reached_from_the_root(crawl, book_pages):
    unreached = [rel for rel in book_pages if not crawl[rel].reached and rel not in UNLINKED_OK]
    assert not unreached, f"pages no link leads to: {unreached}"


def test_no_broken_internal_links(crawl, book_url, book_html, book_pages):
    """Every internal href and resource resolves to a built file; every #anchor exists there."""
    broken = []
    texts: dict[Path, str] = {}
    for visit in our_pages(crawl, book_pages):
        for url in visit.links + visit.resources:
            target = local_file(url, book_url, book_html)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"{visit.path}: {url} (no file {target.relative_to(book_html)})")
                continue
            fragment = urllib.parse.unquote(urllib.parse.urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                if target not in texts:
                    texts[target] = target.read_text(encoding="utf-8", errors="replace")
                if not re.search(rf'\b(id|name)="{re.escape(fragment)}"', texts[target]):
                    broken.append(f"{visit.path}: {url} (no #{fragment} in that page)")
    assert not broken, "broken internal links:\n" + "\n".join(sorted(set(broken)))


def test_no_console_errors_from_our_pages(crawl, book_pages):
    """Uncaught exceptions, console errors of our scripts, and our files failing to load."""
    problems = []
    for visit in our_pages(crawl, book_pages):
        problems += [f"{visit.path}: uncaught: {e}" for e in visit.page_errors]
        problems += [f"{visit.path}: console: {e}" for e in visit.console_errors]
        problems += [f"{visit.path}: not loaded: {e}" for e in visit.local_failures]
    assert not problems, "\n".join(problems)


def test_pages_load_nothing_from_unexpected_hosts(crawl, book_pages):
    """Other hosts cannot be reached here; only the known CDN files may be asked for."""
    unexpected = sorted(
        {
            f"{visit.path}: {url}"
            for visit in our_pages(crawl, book_pages)
            for url in visit.external
            if urllib.parse.urlsplit(url).hostname not in EXTERNAL_HOSTS
        }
    )
    assert not unexpected, (
        "pages load files from new hosts (ship them with the book, or add the host to "
        "EXTERNAL_HOSTS with the reason):\n" + "\n".join(unexpected)
    )


def test_no_serious_accessibility_violations(crawl, book_pages):
    """axe-core on every page of the book: serious and critical findings fail (a11y.py)."""
    problems = [f"{visit.path}: {finding}" for visit in our_pages(crawl, book_pages)
                for finding in visit.accessibility]
    assert not problems, "axe-core:\n" + "\n".join(problems)


# An alt text that is only a file name says nothing (myst-nb writes the image's path as the alt
# text of a notebook's image output; axe-core accepts it).
FILE_NAME_ALT = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$", re.IGNORECASE)


def test_every_image_has_alt_text_and_loads(crawl, book_pages):
    """Alt text that says something, and pictures that load.

    For a notebook's chart output, show it as `HTML(chart_img(to_data_uri(fig), alt=...))`
    (microcred.widgets._html) rather than `Image(...)`, or set the cell's metadata
    `mystnb: {image: {alt: ...}}`."""
    problems = []
    for visit in our_pages(crawl, book_pages):
        for image in visit.images:
            alt = (image["alt"] or "").strip()
            if not image["decorative"] and not alt:
                problems.append(f"{visit.path}: no alt text: {image['src']}")
            elif not image["decorative"] and FILE_NAME_ALT.search(alt):
                problems.append(f"{visit.path}: alt text is a file name: {alt}")
            if not image["lazy"] and not image["loaded"]:
                problems.append(f"{visit.path}: image does not load: {image['src']}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# Binder launch buttons


def binder_url(notebook: str) -> str:
    """The launch URL the book should have for notebooks/<name>.ipynb, from _config.yml."""
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    hub = config["launch_buttons"]["binderhub_url"].rstrip("/")
    org, repo = config["repository"]["url"].rstrip("/").split("/")[-2:]
    branch = config["repository"].get("branch", "main")
    book_dir = (config["repository"].get("path_to_book") or "").strip("/")
    path = f"{book_dir}/{notebook}" if book_dir else notebook
    return f"{hub}/v2/gh/{org}/{repo}/{branch}?urlpath=lab/tree/{path}"


def notebook_pages(book_pages: list[str]) -> dict[str, str]:
    """Book page -> notebook path in the repository, for pages built from notebooks."""
    found = {}
    for rel in book_pages:
        source = rel.removesuffix(".html") + ".ipynb"
        if (REPO / source).is_file():
            found[rel] = source
    return found


def test_notebook_pages_launch_binder_in_jupyterlab(crawl, book_pages):
    pages = notebook_pages(book_pages)
    assert "notebooks/outcomes-coach.html" in pages, sorted(pages)
    problems = []
    for rel, notebook in pages.items():
        launch = crawl[rel].launch_links
        expected = binder_url(notebook)
        if launch != [expected]:
            problems.append(f"{rel}: Binder buttons {launch}, expected [{expected}]")
    assert not problems, "\n".join(problems)


def test_binder_button_is_there_for_a_reader(page, book_url, book_pages):
    """A reader opens the launch menu of a notebook page and sees the Binder button."""
    rel, notebook = next(iter(sorted(notebook_pages(book_pages).items())))
    page.goto(book_url + rel)
    page.get_by_role("button", name="Launch interactive content").click()
    binder = page.get_by_role("link", name=re.compile("Binder"))
    expect(binder).to_be_visible()
    expect(binder).to_have_attribute("href", binder_url(notebook))
    assert "urlpath=lab/tree/notebooks/" in binder.get_attribute("href")


# --------------------------------------------------------------------------------------------
# Widgets drawn offline from the book's own scripts (WIDGET_VIEWS, ALL_DRAWN: the crawl waits)


def widget_pages(book_html: Path, book_pages: list[str]) -> list[str]:
    """Pages that hold saved widget views (myst-nb writes one script tag per view)."""
    marker = "application/vnd.jupyter.widget-view+json"
    return [rel for rel in book_pages if marker in (book_html / rel).read_text(encoding="utf-8")]


def test_widget_pages_draw_their_widgets_with_no_network(crawl, book_html, book_pages):
    """Every page with saved widgets draws them although no host but the book answers."""
    pages = widget_pages(book_html, book_pages)
    assert "notebooks/outcomes-coach.html" in pages, pages
    problems = []
    for rel in pages:
        visit = crawl[rel]
        if visit.widgets != "drawn":
            problems.append(f"{rel}: widgets not drawn")
        if visit.widget_fallback:
            problems.append(f"{rel}: shows the fallback note although scripts loaded")
        if visit.external:
            problems.append(f"{rel}: asked other hosts: {visit.external}")
    assert not problems, "\n".join(problems)


def test_blocked_widget_scripts_give_a_note_with_the_ways_to_practise(
    browser, book_url, screenshot_dir
):
    """With the widget scripts blocked, the reader sees why the area is empty and what to do."""
    blocked: list[str] = []
    with open_page(browser, blocked) as page:
        page.route("**/_static/vendor/*.js*", lambda route: route.abort())
        page.goto(book_url + "notebooks/outcomes-coach.html", wait_until="load")
        note = page.locator(".mc-widget-fallback").first
        expect(note).to_be_visible(timeout=15_000)
        expect(note).to_contain_text("make start")
        expect(note.get_by_role("link", name="Open on Binder")).to_have_attribute(
            "href", binder_url("notebooks/outcomes-coach.ipynb")
        )
        note.screenshot(path=screenshot_dir / "book-widgets-blocked-note.png")
