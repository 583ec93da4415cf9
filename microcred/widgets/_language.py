"""The screen-language menu of every tool: one choice for labels, charts and feedback frames.

Choosing a language keeps it in ``microcred-settings.yaml`` (``microcred.settings``), so that the
other tools and the next session open in it too, and redraws the tool in place: each label that
is a catalogue text of the old language becomes the same text of the new one, and the tool's
``refresh()`` redraws its feedback and chart. What the participant typed stays as it was.
In a notebook that JupyterLab runs, the choice goes to JupyterLab's own language setting too
(``_jupyterlab.follow``; a note under the menu says that a reload shows it); a tool that opens in
a language sets JupyterLab's when the participant has set none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache
from html import escape, unescape

import ipywidgets as w

from ..errors import UserError
from ..i18n import LANGUAGE_NAMES, LANGUAGES, _catalogue, t
from ..resources import data_file, load_yaml
from ..settings import save_screen_language
from . import _jupyterlab

_FIELD = re.compile(r"\{(\w*)[^{}]*\}")
_TEXT = re.compile(r">([^<>]+)<")
_ATTR = re.compile(r'\b(alt|title|placeholder|aria-label)="([^"]*)"')


@cache
def translations(old: str, new: str) -> dict[str, str]:
    """Texts without fields in ``old`` -> the same text in ``new``: the message catalogue and
    the data files' ``{en, fi, sv}`` texts (criteria, channels, elements, conventions, ...)."""
    table: dict[str, str] = {}
    for texts in [*_catalogue().values(), *_data_texts()]:
        a, b = texts.get(old) or texts.get("en"), texts.get(new) or texts.get("en")
        if isinstance(a, str) and isinstance(b, str) and "{" not in a and a.strip() and a != b:
            table.setdefault(a.strip(), b.strip())
    return table


@cache
def _words(old: str, new: str) -> re.Pattern[str] | None:
    """The texts of ``translations`` as one pattern, longest first, for labels built of them
    ("1 Quality", "Finland (opintopiste)")."""
    keys = sorted((k for k in translations(old, new) if len(k) > 3), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)") if keys else None


@cache
def _data_texts() -> tuple[dict[str, str], ...]:
    """Every mapping with ``en``, ``fi`` and ``sv`` texts in the data files (not the lexicons)."""
    found: list[dict[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if all(isinstance(node.get(x), str) for x in LANGUAGES):
                found.append({x: node[x] for x in LANGUAGES})
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for folder in data_file().iterdir():
        if folder.is_dir() and folder.name not in ("strings", "verbs", "design_templates"):
            for f in folder.iterdir():
                if f.name.endswith(".yaml"):
                    walk(load_yaml(folder.name, f.name))
        elif folder.name.endswith(".yaml") and folder.name != "glossary.yaml":
            walk(load_yaml(folder.name))
    return tuple(found)


@cache
def templates(old: str, new: str) -> list[tuple[re.Pattern[str], str]]:
    """Catalogue texts with ``{fields}`` in ``old`` as patterns, with the ``new`` text."""
    found = []
    for texts in _catalogue().values():
        a, b = texts.get(old) or texts["en"], texts.get(new) or texts["en"]
        if "{" in a and a != b and len(_FIELD.sub("", a).strip()) > 3:
            pattern, names = "", set()
            for literal, name in _split(a):
                pattern += re.escape(literal)
                if name:
                    pattern += f"(?P={name})" if name in names else f"(?P<{name}>.+?)"
                    names.add(name)
            found.append((re.compile(pattern + r"\Z", re.S), b))
    return found


def _split(text: str) -> list[tuple[str, str]]:
    """A template as (literal, field name) pairs; the last name is empty."""
    parts, pos = [], 0
    for m in _FIELD.finditer(text):
        parts.append((text[pos:m.start()], m.group(1)))
        pos = m.end()
    return [*parts, (text[pos:], "")]


def _swap(text: str, table: dict[str, str], old: str = "", new: str = "") -> str:
    """``text`` in the new language when it is a catalogue text (a trailing ':' kept), or a
    catalogue text with fields (the fields' values put into the new text, swapped too)."""
    core = text.strip()
    colon = core.endswith(":") and core[:-1].strip() in table
    key = core[:-1].strip() if colon else core
    if key in table:
        return text.replace(core, table[key] + (":" if colon else ""))
    for pattern, target in templates(old, new) if old else ():
        m = pattern.match(core)
        if m:
            fields = {k: ", ".join(table.get(v.strip(), v) for v in v.split(", "))
                      for k, v in m.groupdict().items()}
            try:
                return text.replace(core, target.format(**fields))
            except (KeyError, IndexError, ValueError):
                return text
    words = _words(old, new) if old else None
    return words.sub(lambda m: table[m.group(0)], text) if words else text


def _swap_html(html: str, table: dict[str, str], old: str, new: str) -> str:
    html = _TEXT.sub(lambda m: ">" + escape(_swap(unescape(m.group(1)), table, old, new),
                                            quote=False)
                     + "<" if unescape(m.group(1)).strip() else m.group(0), html)
    return _ATTR.sub(lambda m: f'{m.group(1)}="'
                     f'{escape(_swap(unescape(m.group(2)), table, old, new))}"', html)


def relabel(root: w.Widget, old: str, new: str) -> None:
    """Put every catalogue label of ``root`` and its descendants into ``new``."""
    table = translations(old, new)
    for widget in _descendants(root):
        for attr in ("description", "placeholder", "tooltip"):
            value = getattr(widget, attr, None)
            if isinstance(value, str) and value:
                setattr(widget, attr, _swap(value, table, old, new))
        if isinstance(widget, (w.HTML, w.HTMLMath, w.Label)):
            widget.value = _swap_html(widget.value, table, old, new)
        if hasattr(widget, "_options_labels"):  # menus, lists, radio and toggle buttons
            labels = [_swap(str(x), table, old, new) for x in widget._options_labels]
            if labels != list(widget._options_labels):
                value = widget.value
                with widget.hold_trait_notifications():
                    widget.options = list(zip(labels, widget._options_values))
                    widget.value = value
        titles = getattr(widget, "titles", None)
        if titles:
            widget.titles = tuple(_swap(str(x), table, old, new) for x in titles)
        if isinstance(getattr(widget, "ui", None), str):
            widget.ui = new


def _descendants(root: w.Widget) -> list[w.Widget]:
    found, todo = [], [root]
    while todo:
        widget = todo.pop()
        found.append(widget)
        todo.extend(getattr(widget, "children", ()) or ())
    return found


def remember_language(lang: str, folder: str | os.PathLike[str] = ".") -> None:
    """Keep ``lang`` as the course's screen language in ``folder`` (that of the design file); a
    folder that cannot be written is no error (this screen still changes; the next one starts
    as before)."""
    try:
        save_screen_language(lang, folder=folder)
    except UserError:
        pass


def language_menu(tool: w.Box, ui: str,
                  redraw: Callable[[], None] | None = None) -> w.Dropdown:
    """A "Screen language" menu for ``tool``, put first in it: choosing a language saves it
    as the course's setting and redraws the tool (``redraw``, else ``tool.refresh``)."""
    menu = w.Dropdown(options=[(LANGUAGE_NAMES[code], code) for code in LANGUAGES], value=ui,
                      description=t("common.screen-language", ui),
                      style={"description_width": "initial"}, layout=w.Layout(width="auto"))
    menu.add_class("mc-screen-language")
    note = w.HTML("")
    note.add_class("mc-lab-language")

    def tell(lang: str, locale: str | None) -> None:
        """Say under the menu that a reload shows JupyterLab's own menus in the new language."""
        rest = tuple(c for c in tool.children if c is not menu and c is not note)
        if locale is None:
            note.value = ""
            tool.children = (menu, *rest)
            return
        key = "common.lab-reload" if locale.split("_")[0].lower() == lang else "common.lab-no-pack"
        note.value = f'<p role="status">{escape(t(key, lang))}</p>'
        tool.children = (menu, note, *rest)

    def chosen(change: dict) -> None:
        old, new = change["old"], change["new"]
        bar = getattr(tool, "design_bar", None)
        remember_language(new, bar.path.parent if bar is not None else ".")
        relabel(tool, old, new)
        if _jupyterlab.in_jupyterlab():
            tell(new, _jupyterlab.follow(new))
        again = redraw or getattr(tool, "refresh", None)
        if callable(again):
            again()

    menu.observe(chosen, names="value")
    tool.children = (menu, *tool.children)
    tool.language_menu = menu
    if _jupyterlab.in_jupyterlab():  # a Finnish notebook: JupyterLab in Finnish too, unless set
        tell(ui, _jupyterlab.follow(ui, only_if_unset=True))
    return menu
