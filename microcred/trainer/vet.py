"""Vetting submissions before nbgrader runs them: read, never execute.

``nbgrader autograde`` runs every code cell of a submitted notebook with the grader's rights (no
sandbox). The answers in this course are text, so an answer cell should hold nothing but literal
assignments (``outcome_1 = ("...")``). This module parses each notebook with :mod:`ast` and
refuses a submission whose code cells contain anything else: imports, calls, attribute access,
names on the right-hand side, operators, loops, f-strings with expressions, IPython magics
(``%``) and shell escapes (``!``), or code that does not parse. It also reports what nbgrader
would quietly repair or skip: locked and test cells changed (compared with the released
notebook through nbgrader's own checksums), cells missing or duplicated, notebooks that are not
valid JSON, and files next to the notebook that nbgrader would copy into the grading folder
(a ``microcred.py`` there would be imported instead of the course's own package).

Every problem is a :class:`microcred.findings.Finding`; errors refuse the submission, warnings
are reported and leave it to be graded. Nothing here runs participant code. One cell's source is
vetted in ``_cell_source.py``, the submission folders and their files in ``_folders.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import warnings
from collections import Counter
from pathlib import Path

from ..files import write_text_atomic
from ..findings import Finding
from ._cell_source import _error, _unique, _warning, vet_source
from ._folders import (
    CODE_SUFFIXES,
    HOUSEKEEPING,
    IGNORED,
    Submission,
    Vetting,
    find_reference,
    find_submissions,
    vet_path,
    vet_submission,
)
from ._text import tr

__all__ = [  # the folder and file checks live in _folders.py; imported from here as before
    "CODE_SUFFIXES", "HOUSEKEEPING", "IGNORED", "MAX_BYTES", "RECORD", "Submission", "Vetting",
    "active_html", "find_reference", "find_submissions", "format_vetting", "load_record",
    "printable", "quarantine", "read_notebook", "save_record", "vet_notebook", "vet_path",
    "vet_source", "vet_submission",
]

MAX_BYTES = 5_000_000  # a text-only answer notebook is a few kilobytes


# --- one notebook --------------------------------------------------------------------------


def read_notebook(text: str, lang: str = "en"):
    """The notebook in ``text`` (nbformat 4), or a Finding saying why it cannot be read."""
    import nbformat

    try:
        data = json.loads(text)
    except RecursionError:
        return _error("malformed-notebook", tr("vet.too-nested", lang),
                      tr("vet.fresh-copy", lang), "file")
    except json.JSONDecodeError as exc:
        where = tr("vet.json-where", lang, line=exc.lineno, column=exc.colno)
        return _error("malformed-notebook", tr("vet.not-json", lang, problem=where),
                      tr("vet.not-json.do", lang), "file")
    except ValueError as exc:
        return _error("malformed-notebook", tr("vet.not-json", lang, problem=exc),
                      tr("vet.not-json.do", lang), "file")
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return _error("malformed-notebook", tr("vet.not-notebook", lang),
                      tr("vet.not-notebook.do", lang), "file")
    try:
        with warnings.catch_warnings():  # nbformat warns (and repairs) duplicate cell ids
            warnings.simplefilter("ignore")
            nb = nbformat.convert(nbformat.reader.reads(text), 4)  # joins multi-line sources
            nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001  (nbformat raises many kinds)
        message = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return _error("malformed-notebook", tr("vet.damaged", lang, problem=message),
                      tr("vet.download-again", lang), "file")
    return nb


def _grade_id(cell) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str):
        return meta["grade_id"]
    return None


def _checksum(cell) -> str | None:
    from nbgrader.utils import compute_checksum

    try:
        return compute_checksum(cell)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _locked(cell) -> bool:
    """Locked in the reference: nbgrader restores such a cell from the gradebook (its source and
    its type) before anything runs, whatever the participant did to it."""
    meta = cell.get("metadata", {}).get("nbgrader")
    return isinstance(meta, dict) and bool(meta.get("locked"))


# --- HTML in written answers -----------------------------------------------------------------

# A tag opens where an HTML parser sees ``<`` and a letter (the HTML standard's "tag open state").
_TAG_OPEN = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)")
# Markdown's autolinks <https://...> and <name@host>, which are links, not elements.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
# A Markdown link, reference or autolink whose address runs script (checked on decoded text).
_SCRIPT_LINK = re.compile(r"(\]\(<?|\]:|<)(javascript|vbscript|livescript|data):")
_RISKY_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data", "file", "blob"})
_ANY_ATTRIBUTE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_:-@.[(#*")


def active_html(text: str, lang: str = "en") -> str:
    """What in ``text`` (Markdown with HTML) could run script or load content when shown as a web
    page ("" when nothing could): an element outside a plain-text allowlist, an attribute that
    the sanitiser nh3 (the HTML5 parser a browser uses) would remove, or a script link."""
    import nh3

    for m in _TAG_OPEN.finditer(text):
        if not _AUTOLINK.match(text, m.start()) and m[2].lower() not in nh3.ALLOWED_TAGS:
            return tr("vet.html-element", lang, element=m[2].lower()[:40])
    if "<" in text:
        strict = nh3.clean(text, tags=nh3.ALLOWED_TAGS, strip_comments=False, link_rel=None,
                           attributes=nh3.ALLOWED_ATTRIBUTES,
                           url_schemes=nh3.ALLOWED_URL_SCHEMES)
        loose = nh3.clean(text, tags=nh3.ALLOWED_TAGS, strip_comments=False, link_rel=None,
                          attributes=nh3.ALLOWED_ATTRIBUTES,
                          generic_attribute_prefixes=set(_ANY_ATTRIBUTE),
                          url_schemes=nh3.ALLOWED_URL_SCHEMES | _RISKY_SCHEMES)
        if strict != loose:
            return tr("vet.html-attribute", lang)
    decoded = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(text)).lower()
    if _SCRIPT_LINK.search(decoded):
        return tr("vet.html-link", lang)
    return ""


def _runs_as(cell, ref) -> str:
    """The type nbgrader gives the cell: a released answer cell gets its released type back
    (nbgrader's OverwriteCells), whatever type the participant set; other cells keep theirs."""
    if ref is not None and ref.cell_type in ("code", "markdown"):
        return ref.cell_type
    return cell.cell_type


def _tags(cell) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return sorted(map(str, tags)) if isinstance(tags, list) else [str(tags)]


def vet_notebook(text: str, reference, name: str = "notebook", lang: str = "en") -> list[Finding]:
    """Findings for one submitted notebook (``text``) against the released one (``reference``).

    Locked cells of the reference are compared through nbgrader's checksum (nbgrader puts the
    original back before grading, so a change is a warning); every other code cell, answer or
    added, must hold only literals (an error otherwise). The messages are in ``lang``.
    """
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return [_error("too-large", tr("vet.too-large", lang, mb=MAX_BYTES // 1_000_000),
                       tr("vet.too-large.do", lang), name)]
    nb = read_notebook(text, lang)
    if isinstance(nb, Finding):
        return [Finding(nb.code, nb.severity, nb.message, nb.suggestion, name)]
    ref_cells = {gid: c for c in reference.cells if (gid := _grade_id(c))}
    counts = Counter(gid for c in nb.cells if (gid := _grade_id(c)))
    findings: list[Finding] = []
    for gid, n in counts.items():
        if n > 1:
            findings.append(_error("duplicate-cell", tr("vet.duplicate-cell", lang, cell=gid, n=n),
                                   tr("vet.fresh-copy", lang), f"{name}: {gid}"))
    for i, cell in enumerate(nb.cells, 1):
        gid = _grade_id(cell)
        ref = ref_cells.get(gid) if gid and counts[gid] == 1 else None
        where = f"{name}: {gid or f'cell {i}'}"
        if ref is not None and _locked(ref):
            if _checksum(cell) != _checksum(ref):
                what = tr("vet.its-text" if cell.source != ref.source else "vet.its-settings",
                          lang)
                findings.append(_warning("tampered-cell",
                                         tr("vet.tampered-cell", lang, cell=gid, what=what),
                                         tr("vet.tampered-cell.do", lang), where))
            if _tags(cell) != _tags(ref):
                findings.append(_error("changed-tags", tr(
                    "vet.changed-tags", lang, cell=gid,
                    tags=", ".join(_tags(cell)) or tr("vet.no-tags", lang)),
                    tr("vet.fresh-copy", lang), where))
        elif _runs_as(cell, ref) == "code":
            if cell.cell_type != "code":
                where += " " + tr("vet.turned-to-code", lang, kind=cell.cell_type)
            findings.extend(vet_source(cell.source, where, lang))
        elif (_runs_as(cell, ref) == "markdown" or cell.cell_type == "raw") and (
                html := active_html(cell.source, lang)):
            findings.append(_error("active-html", tr("vet.active-html", lang, what=html),
                                   tr("vet.active-html.do", lang), where))
    present = set(counts)
    for gid, ref in ref_cells.items():
        if gid not in present and (_locked(ref) or ref.get("metadata", {}).get("nbgrader", {})
                                   .get("solution")):
            findings.append(_warning("missing-cell", tr("vet.missing-cell", lang, cell=gid),
                                     tr("vet.missing-cell.do", lang), f"{name}: {gid}"))
    return _unique(findings)


# --- after the verdict ---------------------------------------------------------------------


def quarantine(result: Vetting, course: Path, lang: str = "en") -> Path | None:
    """Move a refused submission from ``submitted/`` to ``quarantine/`` so that no nbgrader
    command runs it; a note beside it says why. Returns the new folder (None if not moved)."""
    course = Path(course).resolve()
    folder = Path(os.path.abspath(result.submission.folder))  # a link stays a link
    submitted = course / "submitted"
    if not result.refused or folder.parent.parent.resolve() != submitted:
        return None
    dest = course / "quarantine" / result.submission.student / result.submission.assignment
    if folder.parent.is_symlink():  # the participant's whole folder is a link: move the link
        folder, dest = folder.parent, course / "quarantine" / f"{folder.parent.name}-link"
    elif not folder.exists() and not folder.is_symlink():  # moved with its linked parent
        return None
    if dest.is_symlink():
        dest.unlink()
    elif dest.exists():  # an older refused copy of the same hand-in
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(folder), str(dest))  # renames a link itself, never what it points to
    try:
        folder.parent.rmdir()  # the participant's folder, if now empty
    except OSError:
        pass
    note = dest.parent / f"{result.submission.assignment}.vetting.txt"
    if dest.is_symlink():
        note = dest.parent / f"{dest.name}.vetting.txt"
    write_text_atomic(note, format_vetting(result, lang) + "\n")
    result.quarantined_to = dest
    return dest


RECORD = "vetting.json"


def save_record(results: list[Vetting], course: Path) -> Path:
    """Merge these verdicts into ``<course>/vetting.json``, which the grading report reads."""
    path = Path(course) / RECORD
    try:
        old = json.loads(path.read_text(encoding="utf-8")).get("submissions", [])
    except (OSError, ValueError, AttributeError):
        old = []
    fresh = {(r.submission.student, r.submission.assignment): r.to_dict() for r in results}
    kept = [e for e in old if isinstance(e, dict)
            and (e.get("student"), e.get("assignment")) not in fresh]
    entries = sorted(kept + list(fresh.values()), key=lambda e: (e["assignment"], e["student"]))
    write_text_atomic(path, json.dumps({"version": 1, "submissions": entries}, indent=1,
                                       ensure_ascii=False) + "\n")
    return path


def load_record(course: Path) -> list[dict]:
    """The verdicts saved by :func:`save_record` (empty when there are none)."""
    try:
        data = json.loads((Path(course) / RECORD).read_text(encoding="utf-8"))
        return [e for e in data.get("submissions", []) if isinstance(e, dict)]
    except (OSError, ValueError, AttributeError):
        return []


def format_vetting(result: Vetting, lang: str = "en") -> str:
    """Plain text: the verdict, then one indented line per finding. Control characters of file
    names and cell text (terminal escapes) are shown as codes, never sent to the terminal."""
    sub = result.submission
    width = max(len(tr(f"verdict.{v}", lang)) for v in ("ok", "warnings", "refused")) + 1
    lines = [f"{tr('verdict.' + result.status, lang):{width}} "
             f"{printable(sub.student)}/{printable(sub.assignment)}"]
    for f in result.findings:
        lines.append(f"          {tr('severity.' + f.severity, lang)}: {f.code}: "
                     f"{printable(f.element)}: {printable(f.message)}")
        if f.suggestion:
            lines.append(f"            -> {printable(f.suggestion)}")
    if result.quarantined_to:
        lines.append("          " + tr("vet.moved-to", lang,
                                       path=printable(str(result.quarantined_to))))
    return "\n".join(lines)


def printable(text: object) -> str:
    """``text`` with every character a terminal could act on (escapes, line breaks, bidi
    controls) written as a Python escape (``\\x1b``)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
