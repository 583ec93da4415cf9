"""The theme's frame in the edition's language: its own message catalogue and its hard-coded text.

sphinx-book-theme translates its buttons and tooltips ("Launch interactive content", "Launch on
Binder", the "Binder logo" alt text, "Download this page") through a catalogue of its own,
'booktheme', which `locale_dirs` (our locales/<lang>/LC_MESSAGES/sphinx.po) does not reach. Its
Finnish and Swedish files lack those messages, and some of the ones they have are wrong for a
reader here ("Launch" = "Tuoda markkinoille", to bring to market). The Finnish and Swedish
editions therefore put locales/<lang>/LC_MESSAGES/booktheme.po first, the theme's own catalogue
behind it as the fallback (Sphinx's `add_message_catalog` would put a second one behind the
theme's, where it could only fill gaps).

The search page's scripts read Sphinx's catalogue for scripts (_static/translations.js), whose
Finnish and Swedish files give some messages an empty translation (the search's summary showed
nothing); `fill_script_messages` fills those from sphinx.po after the build. The code cells' copy
button (sphinx-copybutton) knows no Finnish or Swedish; `add_copybutton_language` adds them.

A few texts are written into the themes' templates without any catalogue (the sidebar toggles'
"Toggle primary sidebar", the landmarks "Main" and "Page"). `hardcoded_texts` finds them in the
installed templates; a Jinja preprocessor puts their translation from sphinx.po (the book's frame
catalogue) in their place when a template is loaded. The English edition is left as it is.
tests/browser/test_book_editions.py fails on any of these texts left in English on a Finnish or
Swedish page, and tests/test_translations.py on a message without its translation.
"""

from __future__ import annotations

import gettext
import html
import io
import json
import re
from pathlib import Path

from jinja2.ext import Extension
from sphinx import locale

LOCALES = Path(__file__).resolve().parents[2] / "locales"
CATALOGUE = "booktheme"  # sphinx-book-theme's MESSAGE_CATALOG_NAME

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt|placeholder)="([^"{}<>]*[A-Za-z][^"{}<>]*)"')
_TEXT = re.compile(r">([^<>]*[A-Za-z]{2,}[^<>]*)<")


def hardcoded_texts(template: str) -> list[str]:
    """The literal texts of a template a reader meets: attribute values read aloud or shown as
    tooltips, and text between tags, with Jinja's expressions, statements and comments left out
    (a text that is partly an expression is not a literal)."""
    found = [m.group(1).strip() for m in _ATTRIBUTE.finditer(_JINJA.sub("\x00", template))]
    plain = _HIDDEN.sub("", _JINJA.sub("\x00", template))
    found += [m.group(1).strip() for m in _TEXT.finditer(plain) if "\x00" not in m.group(1)]
    return [text for text in found if text]


def theme_folders() -> list[Path]:
    """The installed themes' folders (pydata-sphinx-theme and sphinx-book-theme, built on it)."""
    import pydata_sphinx_theme
    import sphinx_book_theme

    return [Path(p.__file__).resolve().parent for p in (pydata_sphinx_theme, sphinx_book_theme)]


# Names and key labels a theme writes literally, the same in every language.
NAMES = {"Ctrl", "K", "Sphinx", "PyData Sphinx Theme", "Sphinx Book Theme"}
_CALL = re.compile(r"""\b(?:translation|translate|_)\(\s*(["'])((?:(?!\1).)+)\1\s*\)""")


def theme_templates() -> list[Path]:
    return sorted(p for folder in theme_folders() for p in folder.rglob("*.html"))


def theme_hardcoded() -> set[str]:
    """Every literal text of the installed themes' templates (see hardcoded_texts), but names."""
    found = {t for p in theme_templates() for t in hardcoded_texts(p.read_text("utf-8"))}
    return found - NAMES


def book_theme_messages() -> set[str]:
    """What sphinx-book-theme translates through its 'booktheme' catalogue: the messages of its
    catalogues, the literal ones its code and templates pass to `translation`/`translate`, and
    its default page-contents title."""
    import configparser

    import sphinx_book_theme
    from babel.messages.pofile import read_po

    package = Path(sphinx_book_theme.__file__).resolve().parent
    found: set[str] = set()
    for po in package.rglob(f"{CATALOGUE}.po"):
        with po.open("rb") as f:
            found |= {m.id for m in read_po(f) if m.id and isinstance(m.id, str)}
    for source in [*package.rglob("*.py"), *package.rglob("*.html")]:
        text = source.read_text("utf-8")
        found |= {m.group(2) for m in _CALL.finditer(text) if "translat" in m.group(0)}
    theme = configparser.ConfigParser()
    theme.read(package / "theme" / "sphinx_book_theme" / "theme.conf")
    found.add(theme.get("options", "toc_title", fallback="Contents"))
    return found - NAMES


def frame_messages() -> set[str]:
    """Every English text the themes and Sphinx may write into a page's frame: the messages of
    pydata-sphinx-theme's and Sphinx's catalogues, sphinx-book-theme's messages and the themes'
    hard-coded texts; those with placeholders as they read with the placeholder left out."""
    import sphinx
    from babel.messages.pofile import read_po

    found = book_theme_messages() | theme_hardcoded()
    for pot in (theme_folders()[0] / "locale" / "sphinx.pot",
                Path(sphinx.__file__).parent / "locale" / "sphinx.pot"):
        with pot.open("rb") as f:
            found |= {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    return {" ".join(m.split()) for m in found if re.search(r"[A-Za-z]{2}", m)} - NAMES


def catalogue(lang: str) -> gettext.GNUTranslations | None:
    """locales/<lang>/LC_MESSAGES/booktheme.po compiled in memory (no .mo file to keep in step):
    Sphinx's own route (locale_dirs) reaches sphinx.po, not the theme's catalogue."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = LOCALES / lang / "LC_MESSAGES" / f"{CATALOGUE}.po"
    if not path.exists():
        return None
    with path.open("rb") as f:
        messages = read_po(f)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def put_ours_first(app) -> None:
    """Our booktheme catalogue before the theme's (which stays as the fallback)."""
    lang = app.config.language
    ours = catalogue(lang) if lang and lang != "en" else None
    if ours is None:
        return
    theirs = locale.translators.get(("general", CATALOGUE))
    if theirs is not None:
        ours.add_fallback(theirs)
    locale.translators["general", CATALOGUE] = ours


def _between(new: str):
    """A re.sub replacement keeping the quote or tag around a literal, with ``new`` inside."""
    return lambda match: match.group(1) + new + match.group(2)


class _TranslateLiterals(Extension):
    """Replaces the hard-coded texts of the themes' templates by their translation."""

    translate = staticmethod(lambda text: text)
    folders: list[Path] = []

    def preprocess(self, source, name, filename=None):
        if not filename or not any(Path(filename).resolve().is_relative_to(folder)
                                   for folder in self.folders):
            return source  # only the installed themes' templates (ours translate themselves)
        for text in set(hardcoded_texts(source)):
            translated = self.translate(text)
            if translated != text:
                source = re.sub(rf'(="\s*|>\s*){re.escape(text)}(\s*["<])',
                                _between(html.escape(translated)), source)
        return source


def translate_literals(app) -> None:
    lang = app.config.language
    templates = getattr(app.builder, "templates", None)
    if not lang or lang == "en" or templates is None or not hasattr(templates, "environment"):
        return
    environment = templates.environment
    environment.add_extension(_TranslateLiterals)
    extension = environment.extensions[_TranslateLiterals.identifier]
    extension.translate = app.translator.gettext
    extension.folders = theme_folders()


def fill_script_messages(app, exception) -> None:
    """Messages of the search page's scripts that Sphinx's Finnish and Swedish catalogue for
    scripts (_static/translations.js) lists with an empty translation ("Search finished, found
    ... page(s)", "Preparing search..."): the reader saw nothing where the English has a
    sentence. They get their translation from our sphinx.po, through the build's own
    translator (`app.translator`, which reads locale_dirs' sphinx.po first)."""
    lang = app.config.language
    path = Path(app.outdir) / "_static" / "translations.js"
    if exception is not None or not lang or lang == "en" or not path.exists():
        return
    gettext = app.translator.gettext
    text = path.read_text(encoding="utf-8")
    start, end = text.index("(") + 1, text.rindex(")")
    data = json.loads(text[start:end])
    messages = data.get("messages", {})
    for english, translated in list(messages.items()):
        if translated == "" and gettext(english) != english:
            messages[english] = gettext(english)
    path.write_text(text[:start] + json.dumps(data, ensure_ascii=False, indent=4) + text[end:],
                    encoding="utf-8")


_COPY_ENGLISH = re.compile(r"'en'\s*:\s*\{(.*?)\}", re.S)
_COPY_PAIR = re.compile(r"'(\w+)'\s*:\s*'([^']*)'")


def copybutton_messages(script: str) -> dict[str, str]:
    """sphinx-copybutton's English messages in its script (key -> text)."""
    found = _COPY_ENGLISH.search(script)
    return dict(_COPY_PAIR.findall(found.group(1))) if found else {}


def installed_copybutton_messages() -> dict[str, str]:
    """The English messages of the installed sphinx-copybutton's script template."""
    import sphinx_copybutton

    template = Path(sphinx_copybutton.__file__).parent / "_static" / "copybutton.js_t"
    return copybutton_messages(template.read_text(encoding="utf-8"))


def add_copybutton_language(app, exception) -> None:
    """The code cells' copy button ("Copy", "Copy to clipboard", "Copied!") in the edition's
    language: sphinx-copybutton knows a few languages, not Finnish or Swedish, and falls back to
    English; its messages get a block for ours, from sphinx.po (through `app.translator`)."""
    lang = app.config.language
    path = Path(app.outdir) / "_static" / "copybutton.js"
    if exception is not None or not lang or lang == "en" or not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    english = copybutton_messages(text)
    if not english or f"'{lang}'" in text.split("let locale", 1)[0]:
        return
    gettext = app.translator.gettext
    block = "".join(f"    '{key}': {json.dumps(gettext(value), ensure_ascii=False)},\n"
                    for key, value in english.items())
    opening = "const messages = {"
    path.write_text(text.replace(opening, f"{opening}\n  '{lang}': {{\n{block}  }},", 1),
                    encoding="utf-8")


def setup(app):
    app.connect("builder-inited", put_ours_first)
    app.connect("builder-inited", translate_literals)
    app.connect("build-finished", fill_script_messages)
    app.connect("build-finished", add_copybutton_language)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
