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
        self.hidden = 0  # inside <style> or <script>: nothing anyone reads

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("style", "script")
        self.texts += [v for k, v in attrs if k in _ATTRS and v]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script") and self.hidden > 0

    def handle_data(self, data):
        if data.strip() and not self.hidden:
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


# What _english_only and english_phrases read from the message catalogue, kept with the catalogue
# they read (i18n._catalogue is cached, so it is the same object all along): a screen check asks
# for each line it reads, and reading the catalogue again took 20 ms each time.
_FROM_CATALOGUE: dict[str, tuple[object, object]] = {}


def _from_catalogue(name: str, read):
    """``read(catalogue)``, once per catalogue object."""
    catalogue = i18n._catalogue()
    kept = _FROM_CATALOGUE.get(name)
    if kept is None or kept[0] is not catalogue:
        kept = _FROM_CATALOGUE[name] = (catalogue, read(catalogue))
    return kept[1]


def _english_only() -> tuple[dict[str, str], set[str]]:
    """Catalogue texts that differ in Finnish or Swedish (text -> key), and English words."""
    return _from_catalogue("english_only", _read_english_only)


def _read_english_only(catalogue: dict[str, dict[str, str]]) -> tuple[dict[str, str], set[str]]:
    labels: dict[str, str] = {}
    words: dict[str, set[str]] = {lang: set() for lang in i18n.LANGUAGES}
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


_SPLIT = re.compile(r"\{[^{}]*\}|[.,:;()!?\"“”\n/—–·|\[\]<>=*]+|\s-\s|->")


def english_phrases(content: str = "") -> re.Pattern[str]:
    """The catalogue's English phrases of two words or more (its texts cut at fields and
    punctuation) that the same message's Finnish and Swedish texts do not hold, leaving out
    those that ``content`` (the examples a notebook shows) holds: the words a Finnish or Swedish
    screen should not show even inside a line of its own language ("Full cost: 10 136 EUR")."""
    catalogue = i18n._catalogue()
    kept = _PATTERNS.get(content)
    if kept is None or kept[0] is not catalogue:
        found: set[str] = _from_catalogue("english_phrases", _read_english_phrases)
        folded = content.casefold()
        keep = sorted((p for p in found if p.casefold() not in folded), key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keep)) + r")(?!\w)",
                             re.IGNORECASE)
        if len(_PATTERNS) > 32:
            _PATTERNS.clear()
        kept = _PATTERNS[content] = (catalogue, pattern)
    return kept[1]


# english_phrases' patterns by content, with the catalogue they were made from (40 ms each).
_PATTERNS: dict[str, tuple[object, re.Pattern[str]]] = {}


def _read_english_phrases(catalogue: dict[str, dict[str, str]]) -> set[str]:
    found: set[str] = set()
    for texts in catalogue.values():
        others = " ".join(texts.get(x) or "" for x in ("fi", "sv")).casefold()
        for part in _SPLIT.split(texts.get("en") or ""):
            phrase = " ".join(part.split())
            if len(phrase.split()) >= 2 and phrase.casefold() not in others:
                found.add(phrase)
    return found


# Quotations are content, not labels.
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def strings_in(node) -> list[str]:
    """Every string in parsed YAML or JSON (values of mappings, items of lists), depth first."""
    if isinstance(node, dict):
        return [x for v in node.values() for x in strings_in(v)]
    if isinstance(node, list):
        return [x for v in node for x in strings_in(v)]
    return [node] if isinstance(node, str) else []


def english_shown(texts: list[str], content: list[str], quoted: re.Pattern[str] = QUOTED) -> list[str]:
    """The lines of ``texts`` that are English, once the examples' own texts (``content``) and
    quotations are taken out: a whole line of English words or a catalogue label
    (``english_left``), or an English-only phrase of the catalogue inside a line of another
    language."""
    phrases = english_phrases("\n".join(content))
    lines = []
    for text in texts:
        for example in content:
            text = re.sub(rf"(?<!\w){re.escape(example)}(?!\w)", " ", text)
        lines += [line.strip() for line in quoted.sub(" ", text).splitlines() if line.strip()]
    return [line for line in lines if english_left([line]) or phrases.search(line)]
