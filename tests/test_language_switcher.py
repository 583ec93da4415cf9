"""The switcher and the "not yet translated" note of the book editions (book/_ext), on a page.

Every page is translated today, so the editions' browser test cannot meet the note; here the
page hook runs on a page that is not in the translated list, as Sphinx calls it.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import language_switcher  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)
from editions import LANGUAGES  # noqa: E402


def _render(lang: str, translated: set[str], page: str = "book/qa/esg") -> str:
    """The body of ``page`` in ``lang``'s edition after the hook, with ``translated`` listed."""
    app = SimpleNamespace(
        config=SimpleNamespace(editions=list(LANGUAGES), language=lang),
        builder=SimpleNamespace(out_suffix=".html"),
        _translated_pages=translated,
    )
    context = {"body": "<p>English text</p>", "metatags": ""}
    language_switcher.add_switcher(app, page, "page.html", context, doctree=object())
    return context["body"]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_page_not_translated_says_so_in_the_editions_language(lang):
    body = _render(lang, translated=set())
    assert LANGUAGES[lang][1] in body and 'class="admonition note untranslated"' in body
    assert '<div lang="en"><p>English text</p></div>' in body  # marked as English for readers


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_a_translated_page_has_no_note_and_links_the_other_editions(lang):
    body = _render(lang, translated={"book/qa/esg"})
    assert "untranslated" not in body
    others = [code for code in LANGUAGES if code != lang]
    for code in others:
        assert f'href="../../../{code}/book/qa/esg.html" hreflang="{code}"' in body
    assert f'<span aria-current="true" lang="{lang}">' in body
