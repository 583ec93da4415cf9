"""A language switcher on every page of the English, Finnish and Swedish editions.

The editions are sibling folders (`_build/html/en`, `/fi`, `/sv`; see editions.py), so the same
page in another language is `../` up to the editions' folder, then `<lang>/<page>.html`. Each page
gets the links at the top of its article and as `<link rel="alternate" hreflang>`. A page not yet
listed in locales/translated.txt says so at the top in the Finnish and Swedish editions.

Only the edition builds set `editions`; a plain `jupyter-book build` (English, in one folder) has
no sibling editions, so it gets no switcher and no links that would lead nowhere.

The sidebar's part captions (Getting started, Modules, ...) come from _toc.yml through
sphinx-external-toc, which adds its toctrees after Sphinx has translated the page; gettext still
extracts them (into the root page's catalogue), so they are translated here, from that catalogue.
"""

from __future__ import annotations

import html
from pathlib import Path

from editions import LANGUAGES, translated_pages
from sphinx import addnodes, locale
from sphinx.util.i18n import docname_to_domain


def _relative(pagename: str, lang: str, builder) -> str:
    up = "../" * (pagename.count("/") + 1)
    return f"{up}{lang}/{pagename}{builder.out_suffix}"


def switcher_html(pagename: str, current: str, editions: list[str], builder) -> str:
    """The switcher: the current language as text, the others as links to the same page."""
    items = []
    for lang in editions:
        name = html.escape(LANGUAGES[lang][0])
        if lang == current:
            items.append(f'<li><span aria-current="true" lang="{lang}">{name}</span></li>')
        else:
            href = _relative(pagename, lang, builder)
            items.append(f'<li><a href="{href}" hreflang="{lang}" lang="{lang}">{name}</a></li>')
    return (
        '<nav class="language-switcher" aria-label="Language / Kieli / Språk">'
        f'<ul>{"".join(items)}</ul></nav>'
    )


def add_switcher(app, pagename, templatename, context, doctree) -> None:
    editions = app.config.editions
    current = app.config.language
    if not editions or current not in editions or "body" not in context:
        return
    body = context["body"]
    if LANGUAGES[current][1] and doctree is not None and pagename not in _translated(app):
        # The note in the edition's language; the English text below marked as English.
        body = (f'<div class="admonition note untranslated" lang="{current}">'
                f'<p>{html.escape(LANGUAGES[current][1])}</p></div><div lang="en">{body}</div>')
    context["body"] = switcher_html(pagename, current, editions, app.builder) + body
    alternates = "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{_relative(pagename, lang, app.builder)}" />\n'
        for lang in editions if lang != current
    )
    context["metatags"] = context.get("metatags", "") + alternates


def _translated(app) -> set[str]:
    if not hasattr(app, "_translated_pages"):
        app._translated_pages = set(translated_pages())
    return app._translated_pages


CSS = """
.language-switcher ul { list-style: none; display: flex; gap: 1em; margin: 0 0 1em; padding: 0;
  justify-content: flex-end; font-size: 0.9em; }
.language-switcher [aria-current] { font-weight: bold; }
"""


def add_css(app) -> None:
    if app.config.editions and app.builder.format == "html":
        app.add_css_file("language-switcher.css")


def write_css(app, exception) -> None:
    if exception is None and app.config.editions and app.builder.format == "html":
        static = app.outdir / "_static"
        static.mkdir(parents=True, exist_ok=True)
        (static / "language-switcher.css").write_text(CSS, encoding="utf-8")


def translate_captions(app, doctree) -> None:
    language = app.config.language
    if not language or language == "en" or not app.config.editions:
        return
    domain = docname_to_domain(app.env.docname, app.config.gettext_compact)
    dirs = [str(Path(app.srcdir, d)) for d in app.config.locale_dirs]
    catalog, found = locale.init(dirs, language, domain, namespace="toc-captions")
    if not found:
        return
    for toctree in doctree.findall(addnodes.toctree):
        if toctree.get("caption"):
            toctree["caption"] = catalog.gettext(toctree["caption"])


def setup(app):
    app.add_config_value("editions", [], "html", types=[list])
    app.connect("builder-inited", add_css)
    app.connect("doctree-read", translate_captions)
    app.connect("html-page-context", add_switcher)
    app.connect("build-finished", write_css)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
