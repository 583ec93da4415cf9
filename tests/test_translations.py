"""The Finnish and Swedish editions of the book: complete catalogues and the glossary's words.

The catalogues (locales/<lang>/LC_MESSAGES/<page>.po) come from `make locales`; the pages listed in
locales/translated.txt are the ones the editions present as translated, so their catalogues must
have no untranslated and no fuzzy entry, and must still match the English source (the slow test
extracts it again). Every translation, listed page or not, uses the glossary's terms.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from microcred.resources import load_yaml
from tests.helpers.paths import REPO

sys.path.insert(0, str(REPO / "book" / "_ext"))
import editions  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)
import frame_messages  # noqa: E402
import reference_style  # noqa: E402

LANGS = [lang for lang in editions.LANGUAGES if lang != "en"]
TRANSLATED = editions.translated_pages()
TERMS = load_yaml("glossary.yaml")["terms"]


def catalogue(page: str, lang: str) -> Path:
    return REPO / "locales" / lang / "LC_MESSAGES" / f"{page}.po"


@functools.cache
def entries(path: Path) -> tuple:
    """The messages of a .po file (the header left out); read once per test process (the
    glossary checks read every catalogue once per term)."""
    with path.open("rb") as f:
        return tuple(m for m in read_po(f) if m.id)


def all_catalogues(lang: str) -> list[Path]:
    return sorted((REPO / "locales" / lang / "LC_MESSAGES").rglob("*.po"))


def toc_pages() -> list[str]:
    from tests.test_book import toc_files

    return toc_files()


def test_translated_pages_are_pages_of_the_book():
    pages = set(toc_pages())
    assert TRANSLATED, "locales/translated.txt lists no page"
    assert not [p for p in TRANSLATED if p not in pages], "not in _toc.yml"
    assert len(TRANSLATED) == len(set(TRANSLATED)), "a page is listed twice"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", TRANSLATED)
def test_a_translated_page_has_no_untranslated_or_fuzzy_entry(page, lang):
    path = catalogue(page, lang)
    assert path.exists(), f"{path.relative_to(REPO)} is missing: run `make locales`"
    untranslated = [m.id for m in entries(path) if not m.string]
    fuzzy = [m.id for m in entries(path) if m.fuzzy]
    assert not untranslated, f"{page} [{lang}] untranslated:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{page} [{lang}] fuzzy (the English changed; check and clear):\n" + "\n".join(
        fuzzy)


# Sphinx parses each translation again on its own: a heading translated as "1. Arviointi" reads
# as a numbered list, and Sphinx then keeps the English heading without a warning, even with -W.
NUMBERED = re.compile(r"^\d+[.)]\s")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", TRANSLATED)
def test_no_translation_reads_as_a_numbered_list(page, lang):
    """A translation opening with "1. " would silently stay English: it must be "1\\. "."""
    listed = [m.string for m in entries(catalogue(page, lang))
              if isinstance(m.string, str) and NUMBERED.match(m.string)]
    assert not listed, f"{page} [{lang}]: write '1\\. ' (escaped) in:\n" + "\n".join(listed)


# --------------------------------------------------------------------------------------------
# The glossary's words


def _stem(word: str, lang: str) -> str:
    """A word's stem, enough to find it inflected (Finnish cases, Swedish definite forms)."""
    cut = 1 if lang == "en" else 3
    return re.escape(word[: max(4, len(word) - cut)]) if len(word) > 4 else re.escape(word)


# Words a translation may use instead of the glossary's, where the glossary's sv_fi note names
# them: the Swedish edition serves Finland and Sweden, and a paragraph about Finland counts in
# studiepoäng (sp), one about Sweden in högskolepoäng (hp); a generic one says poäng.
ALSO = {("credit", "sv"): r"poäng|\bhp\b|\bsp\b"}


def term_pattern(term: dict, lang: str) -> str:
    """The glossary's `match` for the language, or the term's words stemmed, in order."""
    given = (term.get("match") or {}).get(lang)
    if given:
        return given
    if (term["id"], lang) in ALSO:
        return ALSO[(term["id"], lang)]
    words = re.sub(r"\(.*?\)", "", term[lang]).split()
    return r"\b" + r"\w*[\s-]+".join(_stem(w, lang) for w in words)


def prose(text: str) -> str:
    """The text without MyST roles, inline code and link targets (file names are not terms)."""
    text = re.sub(r"(\{[\w:-]+\})?`[^`]*`", " ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _ambiguous(term: dict) -> bool:
    """A term whose English words are part of another term's (commissioned education in
    Sweden vs degree-leading commissioned education in Finland): the English alone cannot say
    which is meant, so it is not checked."""
    mine = re.sub(r"\(.*?\)", "", term["en"]).strip().lower()
    return any(mine in re.sub(r"\(.*?\)", "", other["en"]).lower() and other is not term
               for other in TERMS)


# A screenshot in a page (```{figure} /book/images/NAME.png): Sphinx shows NAME.<lang>.png in the
# edition of <lang> when there is one (figure_language_filename), else the English one.
FIGURE = re.compile(r"^```\{figure\} /(?P<path>\S+)", re.M)


@pytest.mark.parametrize("lang", LANGS)
def test_a_translated_page_shows_its_screenshots_in_its_language(lang):
    """A Finnish or Swedish page shows the tools on a screen of its language, not English ones."""
    missing = []
    for page in TRANSLATED:
        source = REPO / f"{page}.md"
        if not source.exists():
            continue
        for m in FIGURE.finditer(source.read_text(encoding="utf-8")):
            image = REPO / m["path"]
            if not image.with_name(f"{image.stem}.{lang}{image.suffix}").exists():
                missing.append(f"{page}: {m['path']}")
    assert missing == [], f"no {lang} screenshot beside: {missing}"


# Sphinx's own messages a page shows that its Finnish or Swedish catalogue lacks (or writes as a
# bare sign: Finnish "next" is ">"), found in the built editions.
SPHINX_SEEN = ("Link to this heading", "Link to this image", "next", "previous")


@pytest.mark.parametrize("lang", LANGS)
def test_the_books_frame_is_in_the_editions_language(lang):
    """What the theme writes around every page (pydata-sphinx-theme has no Finnish or Swedish
    catalogue: "Back to top", the previous/next links, the landmarks screen readers announce) and
    the footer's author come from locales/<lang>/LC_MESSAGES/sphinx.po or Sphinx's own catalogue,
    with their placeholders."""
    import gettext

    import pydata_sphinx_theme
    import sphinx

    with (Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot").open("rb") as f:
        theme = [m.id for m in read_po(f) if m.id]
    ours = {m.id: m.string for m in entries(catalogue("sphinx", lang))}
    builtin = gettext.translation("sphinx", str(Path(sphinx.__file__).parent / "locale"),
                                  languages=[lang])
    missing = [x for x in theme if not ours.get(x) and builtin.gettext(x) == x]
    missing += [x for x in SPHINX_SEEN if not ours.get(x)]
    assert missing == [], f"English left in the {lang} edition's frame: {missing}"
    for english, translated in ours.items():
        assert re.findall(r"%\(\w+\)s", english) == re.findall(r"%\(\w+\)s", translated), english
    assert editions.site_author(lang) not in ("", editions.site_author("en"))
    assert editions.frame_text(lang, editions.SEARCH_TEXT) not in ("", editions.SEARCH_TEXT)


@pytest.mark.parametrize("lang", LANGS)
def test_the_book_themes_own_messages_and_hardcoded_texts_are_translated(lang):
    """sphinx-book-theme's 'booktheme' messages (its catalogues and the texts its code passes to
    its translator, read from the installed package) have their translation in our booktheme.po,
    which the editions put first; the themes' hard-coded template texts and sphinx-copybutton's
    messages theirs in our sphinx.po (book/_ext/frame_messages.py). A theme upgrade that adds
    one fails here."""
    ours = {m.id: m.string for m in entries(catalogue("booktheme", lang))}
    missing = sorted(x for x in frame_messages.book_theme_messages() if not ours.get(x))
    frame = {m.id: m.string for m in entries(catalogue("sphinx", lang))}
    missing += sorted(x for x in frame_messages.theme_hardcoded() if not frame.get(x))
    copy = frame_messages.installed_copybutton_messages()
    missing += sorted(x for x in copy.values() if not frame.get(x))
    assert "Copy to clipboard" in copy.values()
    assert missing == [], f"English left in the {lang} edition's frame: {missing}"
    assert "Launch interactive content" in frame_messages.book_theme_messages()
    assert "Toggle primary sidebar" in frame_messages.theme_hardcoded()
    compiled = frame_messages.catalogue(lang)
    assert compiled is not None and compiled.gettext("Launch on") == ours["Launch on"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_pages_script_messages_that_sphinx_leaves_empty_are_translated(lang):
    """Sphinx's catalogue for scripts (sphinx/locale/<lang>/LC_MESSAGES/sphinx.js) gives some
    messages an empty translation, so the search page said nothing where the English says "Search
    finished, found 3 page(s) ..."; frame_messages fills them from our sphinx.po."""
    import json

    import sphinx

    script = Path(sphinx.__file__).parent / "locale" / lang / "LC_MESSAGES" / "sphinx.js"
    text = script.read_text("utf-8")
    messages = json.loads(text[text.index("(") + 1:text.rindex(")")])["messages"]
    used = set(re.findall(r"""_\(\s*["']([^"']+)["']""", (Path(sphinx.__file__).parent / "themes"
                          / "basic" / "static" / "searchtools.js").read_text("utf-8")))
    ours = {m.id: m.string for m in entries(catalogue("sphinx", lang))}
    empty = [m for m, translated in messages.items() if translated == "" and m in used]
    assert "Preparing search..." in used and empty, "the check reads nothing"
    assert [m for m in empty if not ours.get(m)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_references_titles_and_publication_details_have_their_edition_form(lang):
    """Every title and howpublished of book/references.bib has its form in references.po (the
    title as published, with what the English adds for its reader translated), none stale or
    fuzzy: run `make locales` after editing the bibliography."""
    path = catalogue("references", lang)
    with path.open("rb") as f:
        messages = [m for m in read_po(f) if m.id]
    wanted = set(reference_style.field_messages())
    assert sorted(wanted - {m.id for m in messages}) == [], f"{path.name}: not yet in it"
    assert sorted({m.id for m in messages} - wanted) == [], f"{path.name}: no longer in the .bib"
    assert [m.id for m in messages if not m.string or m.fuzzy] == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_use_no_avoided_variant(lang):
    """E.g. Finnish says kerrytettävä, never kasautuva; Swedish mikromerit, never mikromeritering."""
    found = []
    for path in all_catalogues(lang):
        for m in entries(path):
            for term in TERMS:
                for word in (term.get("avoid") or {}).get(lang, []):
                    if m.string and re.search(rf"\b{re.escape(word)}", m.string, flags=re.I):
                        found.append(f"{path.relative_to(REPO)}: {word!r} ({term['id']}): {m.string[:80]!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term", [t for t in TERMS if not _ambiguous(t)], ids=lambda t: t["id"])
def test_a_translation_of_a_glossary_term_uses_the_glossary_word(term, lang):
    """Where the English says learning outcome, the Finnish says osaamistavoite, the Swedish
    lärandemål (in any inflected form). Where the English word means something else (the
    "partial credit" of grading is points, not credits), the entry carries a translator comment
    `# not-term: <term id> (why)`, which `make locales` keeps. A message kept exactly as in
    the source (an English example sentence) is not a translation and is not checked."""
    source, target = term_pattern(term, "en"), term_pattern(term, lang)
    wrong = []
    for path in all_catalogues(lang):
        for m in entries(path):
            if m.string == m.id or any(c.startswith(f"not-term: {term['id']}")
                                       for c in m.user_comments):
                continue  # an example kept in its own language, or the word is not the term
            if m.string and re.search(source, prose(m.id), flags=re.I) and not re.search(
                    target, prose(m.string), flags=re.I):
                wrong.append(f"{path.relative_to(REPO)}: {m.string[:100]!r}")
    assert not wrong, f"{term['en']} is {term[lang]!r} in {lang} ({target}):\n" + "\n".join(wrong)


def test_term_patterns_find_inflected_forms():
    """The stemming above finds the forms the translations use (so the check above can fail)."""
    by_id = {t["id"]: t for t in TERMS}
    assert re.search(term_pattern(by_id["learning-outcome"], "fi"), "osaamistavoitteisiin")
    assert re.search(term_pattern(by_id["micro-credential"], "fi"), "pieniä osaamiskokonaisuuksia")
    assert not re.search(term_pattern(by_id["learning-outcome"], "fi"), "oppimistavoitteet")
    assert re.search(term_pattern(by_id["uas"], "en"), "universities of applied sciences")
    assert not re.search(term_pattern(by_id["credit"], "en"), "a credential")
    assert not re.search(term_pattern(by_id["continuous-learning"], "en"),
                         prose("{doc}`continuous-learning/index`"))


# --------------------------------------------------------------------------------------------
# The catalogues match today's English


@pytest.mark.slow
def test_catalogues_of_translated_pages_match_the_english_source(tmp_path):
    """Extract the English again (as `make locales` does): every message of a translated page must
    be in its catalogues, translated; otherwise someone edited the page since, and the edition
    would show that paragraph in English without saying so."""
    code = (f"import sys; sys.path.insert(0, {str(REPO / 'book' / '_ext')!r}); import editions; "
            f"from pathlib import Path; base = Path({str(tmp_path)!r}); "
            "sys.exit(editions.build('en', 'gettext', base / 'gettext', False, base))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900,
                          cwd=REPO)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    stale = []
    for page in TRANSLATED:
        with (tmp_path / "gettext" / f"{page}.pot").open("rb") as f:
            source = {m.id for m in read_po(f) if m.id}
        for lang in LANGS:
            done = {m.id for m in entries(catalogue(page, lang)) if m.string and not m.fuzzy}
            stale += [f"{page} [{lang}]: {msgid[:80]!r}" for msgid in sorted(source - done)]
    assert not stale, "run `make locales` and translate:\n" + "\n".join(stale)
