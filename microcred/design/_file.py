"""Reading and writing a design file: one section at a time, comments kept, saved atomically.

Reading parses with PyYAML's safe loader (``reading.parse_yaml``: libyaml where it gives the
same data), exactly as every other tool of the kit reads YAML, so a value means the same thing
everywhere. Writing one section changes only that
section's lines, comments kept (ruamel.yaml's round trip and a line splice: ``_splice.py``). The
text is written to a temporary file in the same folder, flushed to disk and moved into place in
one step: a failed save leaves the earlier file as it was.

Saving is safe when several notebooks have the same file open: a save holds the folder's lock
from reading the file to replacing it, checks that the sections it writes still hold what the
tool last read (compare and swap: otherwise :class:`SaveConflict` and nothing is written), and
reads the file back before it reports success. A self-assessment beside the design file that
cannot be read is kept under another name before a new one replaces it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..files import locked, write_text_atomic
from ..i18n import LANGUAGES, t
from ..reading import parse_yaml, read_text
from ..settings import screen_language
from ._migrate import SECTIONS, VERSION_KEY, migrate
from ._splice import blank, plain, splice_sections, without_blanks

DEFAULT_NAME = "my-microcredential.yaml"
SUFFIXES = (".yaml", ".yml")
QA_SUFFIX = ".qa.json"


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
    out = without_blanks(plain(value))
    return None if blank(out) else out


def section_names(sections: Iterable[str], lang: str | None = None) -> str:
    """The sections' names as a participant reads them, e.g. "Learning outcomes, Alignment"."""
    lang = screen_language(ui=lang)
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
    return splice_sections(text, before, sections, source, lang)


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

