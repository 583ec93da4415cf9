"""What a participant reads on a tool's screen, and which of it is an English label.

Used by the tests that render every widget and chart with ``ui="fi"`` and ``ui="sv"``: the
texts are collected from the widget tree (descriptions, placeholders, tooltips, option labels,
titles, the text and ``alt``/``title``/``placeholder`` attributes of HTML values) and from a
matplotlib figure (titles, axis labels, tick labels, legends, texts)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from microcred import i18n

_FIELD = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]{3,}")
_ATTRS = ("alt", "title", "placeholder", "aria-label")


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.texts += [v for k, v in attrs if k in _ATTRS and v]

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data)


def html_texts(html: str) -> list[str]:
    """The text nodes and the read-aloud attributes of an HTML fragment."""
    parser = _Texts()
    parser.feed(html)
    return [unescape(t).strip() for t in parser.texts if t.strip()]


def widget_texts(root) -> list[str]:
    """Every text a participant can read or hear in a widget and its descendants."""
    texts: list[str] = []
    seen: set[int] = set()

    def walk(widget) -> None:
        if id(widget) in seen:
            return
        seen.add(id(widget))
        for attr in ("description", "placeholder", "tooltip", "button_text"):
            value = getattr(widget, attr, None)
            if isinstance(value, str) and value.strip():
                texts.append(value.strip())
        texts.extend(str(x) for x in getattr(widget, "_options_labels", ()) if str(x).strip())
        texts.extend(str(x) for x in getattr(widget, "titles", ()) or () if x)
        if type(widget).__name__ in ("HTML", "HTMLMath", "Label"):
            texts.extend(html_texts(str(widget.value)))
        for child in getattr(widget, "children", ()) or ():
            walk(child)

    walk(root)
    return texts


def figure_texts(fig) -> list[str]:
    """Every text drawn in a matplotlib figure (titles, axes, ticks, legends, annotations)."""
    from matplotlib.text import Text

    return [t.get_text().strip() for t in fig.findobj(Text) if t.get_text().strip()]


def _english_only() -> tuple[dict[str, str], set[str]]:
    """Catalogue texts that differ in Finnish or Swedish (text -> key), and English words."""
    labels: dict[str, str] = {}
    words: dict[str, set[str]] = {lang: set() for lang in i18n.LANGUAGES}
    catalogue = i18n._catalogue()
    for key, texts in catalogue.items():
        for lang in i18n.LANGUAGES:
            words[lang] |= {w.casefold() for w in _WORD.findall(_FIELD.sub(" ", texts.get(lang, "")))}
        en = texts.get("en", "")
        if en and "{" not in en and en not in (texts.get("fi"), texts.get("sv")):
            labels.setdefault(en.strip(), key)
    return labels, words["en"] - words["fi"] - words["sv"]


def english_left(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The texts that are an English label of the catalogue, or read as English words only.

    ``allowed``: texts that may stay (names, codes, quoted sources)."""
    labels, english = _english_only()
    found = []
    for text in texts:
        if text in allowed:
            continue
        plain = text.rstrip(":").strip()
        words = [w.casefold() for w in _WORD.findall(plain)]
        if plain in labels or (len(words) >= 2 and all(w in english for w in words)):
            found.append(text)
    return found
