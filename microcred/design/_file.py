"""Reading and writing a design file: one section at a time, comments kept, saved atomically.

Reading parses with PyYAML (``yaml.safe_load``), exactly as every other tool of the kit reads
YAML, so a value means the same thing everywhere. Writing one section uses ruamel.yaml's
round-trip mode: the section is merged into what the file already holds (comments inside it and
the order of its keys are kept), and only the lines of that section are replaced in the file's
text, so every other section, comment and blank line stays byte for byte as it was. If the
spliced text does not read back as intended, the whole document is written by ruamel.yaml
instead (comments still kept where ruamel can). The text is written to a temporary file in the
same folder, flushed to disk and moved into place in one step: a failed save leaves the earlier
file as it was.

Saving is safe when several notebooks have the same file open: a save holds the folder's lock
from reading the file to replacing it, checks that the sections it writes still hold what the
tool last read (compare and swap: otherwise :class:`SaveConflict` and nothing is written), and
reads the file back before it reports success. A self-assessment beside the design file that
cannot be read is kept under another name before a new one replaces it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..errors import UserError
from ..files import locked, write_text_atomic
from ..i18n import LANGUAGES, t
from ..reading import parse_yaml, read_text, yaml_problem
from ._migrate import SECTIONS, VERSION_KEY, migrate

DEFAULT_NAME = "my-microcredential.yaml"
SUFFIXES = (".yaml", ".yml")
QA_SUFFIX = ".qa.json"
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


# --- reading -------------------------------------------------------------------------------


def loads(text: str, source: str = "the design file", lang: str = "en") -> dict[str, Any]:
    """The design in ``text`` as plain data, migrated to the current version.

    An empty text is an empty design. Broken YAML, a file that is not a mapping of sections and
    a file from a newer version of the kit raise :class:`UserError` saying what to fix.
    """
    data = parse_yaml(text, source, lang)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(t("design.load.not-mapping", lang, source=source))
    data, _ = migrate(data, source, lang)
    return data


def load(path: str | os.PathLike, lang: str = "en") -> dict[str, Any]:
    """The design file at ``path`` as plain data (see :func:`loads`)."""
    return loads(read_text(path, lang), str(path), lang)


def read_section(path: str | os.PathLike, section: str, lang: str = "en") -> Any:
    """One section of the design file at ``path`` (None when the file does not have it)."""
    _check_section(section)
    return load(path, lang).get(section)


def is_design_file(path: str | os.PathLike) -> bool:
    """Does ``path`` hold a design file with sections (not a flat description, not missing)?
    Tools that used to write a file of their own write only their section into such a file."""
    try:
        data = parse_yaml(read_text(path), str(path))
    except UserError:
        return False
    if not isinstance(data, dict):
        return False
    workload = data.get("workload")
    return VERSION_KEY in data or any(k in data for k in ("credential", "alignment", "pathway",
                                                          "needs")) or (
        isinstance(workload, dict) and "activities" in workload)


def language_of(design: Mapping[str, Any], default: str = "en") -> str:
    """The participant's language: the credential's, else the needs canvas's, else ``default``."""
    for section in ("credential", "needs"):
        value = design.get(section)
        if isinstance(value, Mapping):
            lang = str(value.get("language") or "").strip().lower()
            if lang in LANGUAGES:
                return lang
    return default


def qa_path(path: str | os.PathLike) -> Path:
    """Where the QA self-assessment of a design file is kept: beside it, ``NAME.qa.json``."""
    p = Path(path)
    stem = p.name[: -len(p.suffix)] if p.suffix.lower() in SUFFIXES else p.name
    return p.with_name(stem + QA_SUFFIX)


def design_path(name: str | os.PathLike) -> Path:
    """A design file name from what a participant types: ``my-mc`` -> ``my-mc.yaml``."""
    p = Path(str(name).strip() or DEFAULT_NAME)
    return p if p.suffix.lower() in SUFFIXES else p.with_name(p.name + ".yaml")


# --- the QA self-assessment beside the design file ------------------------------------------


def load_qa(path: str | os.PathLike) -> Any:
    """The self-assessment kept beside the design file at ``path`` (None when there is none)."""
    from ..qa import load as qa_load

    beside = qa_path(path)
    return qa_load(beside) if beside.exists() else None


def save_qa(path: str | os.PathLike, assessment: Any, expected: Any = None,
            check: bool = False, edited: bool = True, lang: str = "en") -> SaveResult:
    """Save ``assessment`` beside the design file at ``path`` (``NAME.qa.json``), atomically.

    Answers change over time, so an earlier assessment made on another day is kept as
    ``NAME.qa.<its date>.json`` before the new one takes its place; a file that cannot be read
    is kept as ``NAME.qa.unreadable-<time>.json`` (listed in ``backups``) rather than lost.
    With ``check``, the file must still hold ``expected`` (the assessment as the tool last read
    it, None if it read none), else :class:`SaveConflict` and nothing is saved; an assessment
    not ``edited`` in the tool never replaces another one. The file is read back at the end.
    """
    from ..qa import load as qa_load
    from ..qa import save as qa_save

    beside = qa_path(path)
    new = comparable(assessment.to_dict())
    with locked(beside):
        earlier, backups = None, []
        if beside.exists():
            try:
                earlier = qa_load(beside)
            except UserError:
                backups.append(_backup(beside, "unreadable-" +
                                       dt.datetime.now().strftime("%Y%m%d-%H%M%S")))
        now = comparable(earlier.to_dict()) if earlier is not None else None
        if now == new or (not edited and check and now is not None
                          and now == comparable(expected)):
            return SaveResult(beside, same=("qa",), backups=tuple(backups))
        if not edited:
            return SaveResult(beside, backups=tuple(backups),
                              **{"kept" if now is not None else "untouched": ("qa",)})
        if now is not None and check and now != comparable(expected):
            raise SaveConflict(beside, ("qa",), read=expected is not None, lang=lang)
        day = (earlier.assessed_on or "").strip() if earlier is not None else ""
        if earlier is not None and day and day != (assessment.assessed_on or "").strip():
            kept = beside.with_name(beside.name[: -len(".json")] + f".{_safe(day)}.json")
            if not kept.exists():
                write_text_atomic(kept, beside.read_text(encoding="utf-8"))
        qa_save(assessment, beside)
        try:
            back = comparable(qa_load(beside).to_dict())
        except UserError:
            back = None
        if back != new:
            raise UserError(t("design.save.not-read-back", lang, path=str(beside),
                              sections=section_names(("qa",), lang)))
    return SaveResult(beside, saved=("qa",), backups=tuple(backups))


def _backup(path: Path, tag: str) -> Path:
    """Keep the file at ``path`` as ``NAME.<tag>.json`` (a new name, never over another file)."""
    stem = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    kept = path.with_name(f"{stem}.{tag}.json")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{stem}.{tag}-{n}.json")
    os.replace(path, kept)
    return kept


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z-]+", "-", text).strip("-") or "earlier"


# --- templates -----------------------------------------------------------------------------


def template_text(language: str = "en") -> str:
    """The commented starting file in ``language`` (en, fi or sv)."""
    if language not in LANGUAGES:
        raise UserError(t("design.new.bad-language", "en", language=language,
                          languages=", ".join(LANGUAGES)))
    folder = files("microcred").joinpath("data", "design_templates")
    return folder.joinpath(f"{language}.yaml").read_text(encoding="utf-8")


def new_design(path: str | os.PathLike, language: str = "en", title: str = "",
               force: bool = False) -> Path:
    """Start a design file at ``path`` from the template in ``language``; the title is filled
    in when given. An existing file is kept unless ``force``."""
    p = design_path(path)
    if p.exists() and not force:
        raise UserError(t("design.new.exists", language if language in LANGUAGES else "en",
                          path=str(p)))
    text = template_text(language)
    if title:
        text = _splice_value(text, "title", title)
    if p.parent and not p.parent.exists():
        raise UserError(t("design.save.no-folder", language, path=str(p),
                          folder=str(p.parent)))
    write_text_atomic(p, text, language)
    return p


def _splice_value(text: str, key: str, value: str) -> str:
    """Fill the first ``  key: ""`` line of a template with a value (comments kept)."""
    pattern = re.compile(rf'^(\s+{re.escape(key)}:)\s*""', re.MULTILINE)
    return pattern.sub(lambda m: f"{m[1]} {_quoted(value)}", text, count=1)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- writing -------------------------------------------------------------------------------


class SaveConflict(UserError):
    """The file's sections changed since the tool read them (another notebook saved), or hold
    work the tool never loaded: nothing was saved."""

    def __init__(self, path: Path, sections: Iterable[str], read: bool = True,
                 lang: str = "en") -> None:
        self.path, self.sections = Path(path), tuple(sections)
        key = "design.save.conflict" if read else "design.save.conflict-unread"
        super().__init__(t(key, lang, path=str(path), sections=section_names(self.sections,
                                                                                lang)))


@dataclass(frozen=True)
class SaveResult:
    """What a save did: sections written, sections the file already held, sections kept as
    the file had them (the tool did not change them and the file holds something else)."""

    path: Path
    saved: tuple[str, ...] = ()
    same: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    untouched: tuple[str, ...] = ()  # not changed in the tool, and the file has none: not saved
    backups: tuple[Path, ...] = ()  # files that could not be read, kept under a new name


def comparable(value: Any) -> Any:
    """``value`` as the file would read back, with blanks left out (None when all blank): two
    values are the same to every tool exactly when their ``comparable`` forms are equal."""
    out = _without_blanks(_plain(value))
    return None if _blank(out) else out


def section_names(sections: Iterable[str], lang: str = "en") -> str:
    """The sections' names as a participant reads them, e.g. "Learning outcomes, Alignment"."""
    return ", ".join(t(f"design.part.{s}", lang) for s in sections)


def write_section(path: str | os.PathLike, section: str, value: Any, lang: str = "en",
                  create: bool = True) -> Path:
    """Write one section of the design file at ``path``; every other section stays as it was.

    A missing file is started from the template in ``lang`` (unless ``create`` is false).
    """
    return write_sections(path, {section: value}, lang=lang, create=create)


def write_sections(path: str | os.PathLike, sections: Mapping[str, Any], lang: str = "en",
                   create: bool = True, expected: Mapping[str, Any] | None = None) -> Path:
    """Write several sections at once (one atomic save), e.g. ``credential`` and ``outcomes``
    from the credential builder.

    With ``expected`` (section -> its value as the tool last read it from this file, None for
    a section it never read), a section whose value in the file is neither that nor the new
    value is not overwritten: :class:`SaveConflict` names it and nothing is saved.
    """
    return save_sections(path, sections, lang=lang, create=create, expected=expected).path


def save_sections(path: str | os.PathLike, sections: Mapping[str, Any], lang: str = "en",
                  create: bool = True, expected: Mapping[str, Any] | None = None,
                  edited: Iterable[str] | None = None) -> SaveResult:
    """Write ``sections`` into the design file, safely (see the module's notes).

    ``edited`` names the sections the participant changed in the tool (None: all): only those
    are written (an example the tool opened with is not the participant's work). Sections the
    file already holds unchanged are not rewritten. The file is
    read back before this returns; a difference raises UserError.
    """
    for name in sections:
        _check_section(name)
    p = Path(path)
    edited = set(sections) if edited is None else set(edited)
    with locked(p):
        if p.exists():
            text = read_text(p, lang)
        elif create:
            text = template_text(lang if lang in LANGUAGES else "en")
        else:
            raise UserError(t("reading.no-file", lang, source=str(p)))
        if not p.parent.exists():
            raise UserError(t("design.save.no-folder", lang, path=str(p),
                              folder=str(p.parent)))
        from ._check import is_blank  # (it imports this module)

        current = loads(text, str(p), lang)
        write: dict[str, Any] = {}
        same: list[str] = []
        kept: list[str] = []
        untouched: list[str] = []
        conflicts: list[str] = []
        for name, value in sections.items():
            new = comparable(value)
            now = None if is_blank(current.get(name)) else comparable(current.get(name))
            if now == new or (name not in edited and expected is not None and now is not None
                              and now == comparable(expected.get(name))):
                same.append(name)  # the file holds it (as the tool loaded it)
            elif name not in edited:
                (kept if now is not None else untouched).append(name)
            elif expected is not None and now is not None and now != comparable(
                    expected.get(name)):
                conflicts.append(name)
            else:
                write[name] = value
        if conflicts:
            read = all(expected.get(c) is not None for c in conflicts)  # type: ignore[union-attr]
            raise SaveConflict(p, conflicts, read=read, lang=lang)
        new_text = update_text(text, write, source=str(p), lang=lang)  # also checks the file
        if new_text != text or (write and not p.exists()):
            write_text_atomic(p, new_text, lang)
            back = load(p, lang)
            wrong = [n for n in write if comparable(back.get(n)) != comparable(write[n])]
            if wrong:
                raise UserError(t("design.save.not-read-back", lang, path=str(p),
                                  sections=section_names(wrong, lang)))
    return SaveResult(p, tuple(write), tuple(same), tuple(kept), tuple(untouched))


def update_text(text: str, sections: Mapping[str, Any], source: str = "the design file",
                lang: str = "en") -> str:
    """The design text with ``sections`` replaced (or added); the rest of the text unchanged."""
    text = text.lstrip("\ufeff")
    before = loads(text, source, lang)  # also reports broken YAML in plain words
    rt = _round_trip(text)
    try:
        doc = rt.load(text) if text.strip() else None
    except RuamelError as exc:  # e.g. a key written twice: PyYAML lets it pass, ruamel does not
        raise UserError(yaml_problem(exc, source, lang)) from None
    if doc is None:
        doc = CommentedMap()
    doc, migrated = migrate(doc, source, lang)
    wanted = {**before, **{k: _plain(v) for k, v in sections.items()}}
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
        for key in [k for k in old if k not in new and not _blank(old[k])]:
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


def _plain(value: Any) -> Any:
    """What PyYAML reads back after ``_to_yaml(value)`` is written (for the check after saving)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [_plain(v) for v in sorted(value, key=str)]
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
    return _without_blanks(data) == _without_blanks(wanted)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, Mapping)) and not value)


def _without_blanks(value: Any) -> Any:
    if isinstance(value, Mapping):
        kept = {k: _without_blanks(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if not _blank(v)}
    if isinstance(value, list):
        return [_without_blanks(v) for v in value]
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


# --- helpers -------------------------------------------------------------------------------


def _check_section(section: str) -> None:
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}; the sections are {', '.join(SECTIONS)}")


def number_outcomes(texts: Iterable[str], previous: Iterable[Mapping[str, Any]] = ()
                    ) -> list[dict[str, str]]:
    """Outcomes as ``{id, text}`` for the ``outcomes:`` section, keeping the ids already used:
    an unchanged text keeps its id wherever it moved, an edited one the id of its position,
    and a new one the next free ``LOn`` (alignment and pathway refer to these ids)."""
    texts = [" ".join(str(x).split()) for x in texts if str(x).strip()]
    old = [(str(o.get("id") or ""), " ".join(str(o.get("text") or "").split()))
           for o in previous if isinstance(o, Mapping)]
    by_text = {text: oid for oid, text in old if oid}
    ids: list[str | None] = [by_text.get(text) for text in texts]
    used = {i for i in ids if i}
    for n in range(len(texts)):
        if ids[n] is None and n < len(old) and old[n][0] and old[n][0] not in used:
            ids[n] = old[n][0]
            used.add(old[n][0])
    k = 0
    for n in range(len(texts)):
        if ids[n] is None:
            k += 1
            while f"LO{k}" in used:
                k += 1
            ids[n] = new = f"LO{k}"
            used.add(new)
    return [{"id": str(i), "text": text} for i, text in zip(ids, texts)]

