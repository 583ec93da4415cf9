"""Small fixes to the HTML that Jupyter Book 1.x, its theme and extensions write.

Found by the browser tests (tests/browser/); each fix is checked there, so an upgrade that makes
one unnecessary or ineffective shows up as a test result.

1. Scripts added twice. sphinx-thebe and sphinx-togglebutton add their inline configuration
   scripts after the HTML builder has started, and Sphinx 7 then puts them on every page twice.
   The second `const THEBE_JS_URL = ...` is a SyntaxError in every reader's console.
2. Citations. docutils writes the bibliography as `<div role="list">` holding
   `<div role="doc-biblioentry">`: a deprecated role, and a list with no list items
   (axe-core: aria-required-children, critical; aria-deprecated-role). They become list items.
3. Sidebar toggles. The theme's expand/collapse control for a chapter's pages is a `<summary>`
   with only an icon in it, so screen readers announce a nameless control (axe-core:
   summary-name, serious). It gets a name from the chapter title ("Pages in <title>", translated
   in the editions' sphinx.po).
4. The sidebar toggles did nothing: sphinx-book-theme's and pydata-sphinx-theme's scripts bind
   the page's first toggle of each kind, the header's, which the book theme hides; the visible
   toggles in the article's header pass their clicks on to it (static/sidebar-toggles.js).
5. Long words in headings: a Finnish compound ("osaamistavoitevalmentaja") ran off a 390 px
   screen; headings may break a word at the edge (static/book-fixes.css).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markupsafe import Markup
from sphinx.locale import _

_BIBLIOENTRY = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')
_TOGGLE = re.compile(
    r'(?P<link><a class="[^"]*\breference internal\b[^"]*"[^>]*>'
    r"(?P<title>(?:(?!</a>).)*?)</a>\s*<details[^>]*>\s*)<summary>",
    re.DOTALL,
)


def _asset_key(asset) -> tuple:
    # The same script comes once with filename None (added to the builder) and once with ""
    # (added to the registry): compare what ends up in the page.
    filename = getattr(asset, "filename", asset) or ""
    attributes = getattr(asset, "attributes", {}) or {}
    return (str(filename), tuple(sorted((str(k), str(v)) for k, v in attributes.items())))


def _dedupe(assets: list) -> list:
    seen, unique = set(), []
    for asset in assets:
        key = _asset_key(asset)
        if key not in seen:
            seen.add(key)
            unique.append(asset)
    return unique


def _label_toggles(nav_html: str) -> str:
    def label(match: re.Match) -> str:
        title = html.unescape(re.sub(r"<[^>]+>", "", match["title"])).strip()
        name = str(_("Pages in %(title)s")) % {"title": title}
        return f'{match["link"]}<summary aria-label="{html.escape(name)}">'

    return _TOGGLE.sub(label, nav_html)


def fix_page(app, pagename, templatename, context, doctree) -> None:
    if isinstance(context.get("script_files"), list):
        context["script_files"] = _dedupe(context["script_files"])
    if "body" in context:
        context["body"] = _BIBLIOENTRY.sub(r'\1 role="listitem"', context["body"])
    generate = context.get("generate_toctree_html")
    if callable(generate):

        def generate_labelled(*args, **kwargs):
            return Markup(_label_toggles(str(generate(*args, **kwargs))))

        context["generate_toctree_html"] = generate_labelled


def add_static(app, config) -> None:
    static = Path(__file__).resolve().parent / "static"  # offline_widgets adds it too
    if static not in [Path(p).resolve() for p in config.html_static_path]:
        config.html_static_path.append(str(static))


def setup(app):
    # After the theme (default priority 500) has put its toctree function into the context.
    app.connect("html-page-context", fix_page, priority=900)
    app.connect("config-inited", add_static)
    app.add_js_file("sidebar-toggles.js", defer="defer")
    app.add_css_file("book-fixes.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
