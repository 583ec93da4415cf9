"""Writing sections into a design file's text: ruamel.yaml's round trip, then a line splice.

The section is merged into what the file already holds (comments inside it and the order of its
keys are kept), and only the lines of that section are replaced in the file's text, so every
other section, comment and blank line stays byte for byte as it was. If the spliced text does
not read back as intended, the whole document is written by ruamel.yaml instead (comments still
kept where ruamel can). Reading, locking and saving are ``_file``'s.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..errors import UserError
from ..i18n import t
from ..reading import yaml_problem
from ._migrate import SECTIONS, VERSION_KEY, migrate

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()

def splice_sections(text: str, before: Mapping[str, Any], sections: Mapping[str, Any],
                    source: str = "the design file", lang: str = "en") -> str:
    """``text`` (which reads as ``before``) with ``sections`` replaced or added: only their
    lines change when the splice reads back as intended, else ruamel.yaml writes the whole."""
    rt = _round_trip(text)
    try:
        doc = rt.load(text) if text.strip() else None
    except RuamelError as exc:  # e.g. a key written twice: PyYAML lets it pass, ruamel does not
        raise UserError(yaml_problem(exc, source, lang)) from None
    if doc is None:
        doc = CommentedMap()
    doc, migrated = migrate(doc, source, lang)
    wanted = {**before, **{k: plain(v) for k, v in sections.items()}}
    for name, value in sections.items():
        if name in doc:
            doc[name] = _merge(doc[name], value)
        else:
            _insert_section(doc, name, _to_yaml(value))
    if not migrated:
        spliced = _splice(text, doc, rt, list(sections))
        if spliced is not None and _reads_as(spliced, wanted):
            return spliced
    whole = _dump(rt, doc)
    if not _reads_as(whole, wanted):  # cannot happen for data the tools write; be safe
        raise UserError(t("design.save.cannot-represent", lang, source=source))
    return whole



# --- round trip ----------------------------------------------------------------------------


def _round_trip(text: str) -> YAML:
    """A round-trip YAML instance that writes lists indented the way the file does."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never fold a long text over several lines: people read these files
    flush_lists = re.search(r"^( *)[\w\"'-][^\n]*:\s*(#.*)?\n\1- ", text, re.MULTILINE)
    indented = re.search(r"^( *)[\w\"'-][^\n]*:\s*(#.*)?\n\1  - ", text, re.MULTILINE)
    if flush_lists and not indented:
        rt.indent(mapping=2, sequence=2, offset=0)
    else:
        rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _dump(rt: YAML, doc: Any) -> str:
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()


def _merge(old: Any, new: Any) -> Any:
    """``new`` written over ``old`` in place: keys and list items that stay keep their comments
    and their order; keys that go are removed; new keys come at the end."""
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        # A key the new value leaves out goes, unless it is blank: blank and absent mean the
        # same to every tool, and a blank key keeps the template's guiding comment.
        for key in [k for k in old if k not in new and not blank(old[k])]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else _to_yaml(value)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, (list, tuple)):
        for i, value in enumerate(new):
            if i < len(old):
                old[i] = _merge(old[i], value)
            else:
                old.append(_to_yaml(value))
        del old[len(new):]
        return old
    if _same_scalar(old, new):
        return old  # keeps the way it was written ("3.0", quotes)
    return _to_yaml(new)


def _same_scalar(old: Any, new: Any) -> bool:
    if isinstance(old, (Mapping, list)) or isinstance(new, (Mapping, list, tuple)):
        return False
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, str) != isinstance(new, str):
        return False
    return old == new


def _to_yaml(value: Any) -> Any:
    """Plain data as ruamel nodes: strings that YAML 1.1 (PyYAML) would read as something else
    ("no", "2026-01-01", "1.0") are quoted; texts of several lines become literal blocks."""
    if isinstance(value, Mapping):
        out = CommentedMap()
        for key, item in value.items():
            out[str(key)] = _to_yaml(item)
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return CommentedSeq(_to_yaml(v) for v in items)
    if isinstance(value, str):
        if "\n" in value.strip("\n"):
            return LiteralScalarString(value if value.endswith("\n") else value + "\n")
        if value and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR_TAG:
            return DoubleQuotedScalarString(value)
        return value
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return value
    return str(value)


def plain(value: Any) -> Any:
    """What PyYAML reads back after ``_to_yaml(value)`` is written (for the check after saving)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [plain(v) for v in sorted(value, key=str)]
    if isinstance(value, str):
        if "\n" in value.strip("\n"):
            return value if value.endswith("\n") else value + "\n"
        return value
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return value
    return str(value)


def _reads_as(text: str, wanted: dict[str, Any]) -> bool:
    """Does ``text`` read (with PyYAML, as the tools read it) as ``wanted``? Blank values count
    as absent, as they do for every tool."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if not isinstance(data, dict):
        return False
    data.pop(VERSION_KEY, None)
    wanted = {k: v for k, v in wanted.items() if k != VERSION_KEY}
    return without_blanks(data) == without_blanks(wanted)


def blank(value: Any) -> bool:
    """True for None and empty texts, lists and mappings (blank and absent mean the same)."""
    return value is None or (isinstance(value, (str, list, tuple, Mapping)) and not value)


def without_blanks(value: Any) -> Any:
    """``value`` with the blank keys of its mappings left out, at any depth."""
    if isinstance(value, Mapping):
        kept = {k: without_blanks(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if not blank(v)}
    if isinstance(value, list):
        return [without_blanks(v) for v in value]
    return value


def _insert_section(doc: CommentedMap, name: str, value: Any) -> None:
    """Add a section after the sections that come before it in :data:`SECTIONS` order."""
    order = [VERSION_KEY, *SECTIONS]
    rank = order.index(name)
    keys = list(doc)
    pos = 0
    for i, key in enumerate(keys):
        if key in order and order.index(key) < rank:
            pos = i + 1
    if pos >= len(keys):
        doc[name] = value
    else:
        doc.insert(pos, name, value)


def _top_lines(doc: CommentedMap) -> list[tuple[str, int]] | None:
    """(key, line) of each top-level key, when every key starts its own line at column 0."""
    try:
        found = [(str(k), doc.lc.key(k)) for k in doc]
    except (AttributeError, KeyError, TypeError):
        return None
    if any(col != 0 for _, (_line, col) in found):
        return None
    lines = [line for _, (line, _col) in found]
    if lines != sorted(set(lines)):
        return None
    return [(k, line) for k, (line, _col) in found]


def _ranges(lines: list[str], keys: list[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    """Line range of each top-level key: from its line to the next key, leaving out the comment
    and blank lines just above the next key (they introduce it)."""
    out = {}
    for n, (key, start) in enumerate(keys):
        end = keys[n + 1][1] if n + 1 < len(keys) else len(lines)
        while end - 1 > start and _comment_or_blank(lines[end - 1]):
            end -= 1
        out[key] = (start, end)
    return out


def _comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _splice(text: str, doc: CommentedMap, rt: YAML, names: Iterable[str]) -> str | None:
    """The original text with only the lines of the sections ``names`` replaced by their new
    text (taken from a dump of the whole updated document); None when the file's layout does
    not allow it (flow style, several keys on a line...)."""
    original = _lines(text)
    old_doc = _round_trip(text).load(text) if text.strip() else CommentedMap()
    old_keys = _top_lines(old_doc) if isinstance(old_doc, CommentedMap) else None
    if old_keys is None and text.strip():
        return None
    dumped = _dump(rt, doc)
    new_lines = _lines(dumped)
    new_keys = _top_lines(_round_trip(dumped).load(dumped))
    if new_keys is None:
        return None
    old_ranges = _ranges(original, old_keys or [])
    new_ranges = _ranges(new_lines, new_keys)
    result = list(original)
    # Work from the bottom up so that earlier line numbers stay valid.
    edits = []
    for name in names:
        start, end = new_ranges[name]
        chunk = new_lines[start:end]
        if name in old_ranges:
            edits.append((old_ranges[name], chunk))
        else:
            edits.append((_insertion_point(name, original, old_keys or [], old_ranges),
                          ["\n", *chunk]))
    for (start, end), chunk in sorted(edits, key=lambda e: -e[0][0]):
        if result[start:end] and not result[end - 1].endswith("\n"):
            result[end - 1] += "\n"
        result[start:end] = chunk
    if result and not result[-1].endswith("\n"):
        result[-1] += "\n"
    return "".join(result)


def _insertion_point(name: str, lines: list[str], keys: list[tuple[str, int]],
                     ranges: dict[str, tuple[int, int]]) -> tuple[int, int]:
    order = [VERSION_KEY, *SECTIONS]
    rank = order.index(name)
    before = [k for k, _ in keys if k in order and order.index(k) < rank]
    if before:
        end = ranges[before[-1]][1]
        return end, end
    return len(lines), len(lines)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)
