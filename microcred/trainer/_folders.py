"""The folder and file checks of the vetting: which submissions there are, and what each holds."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, has_errors
from ._cell_source import _error, _warning
from ._text import tr

# Files nbgrader itself puts in a submission folder (``nbgrader collect`` / ``submit``).
HOUSEKEEPING = frozenset({"timestamp.txt", "submission_secret.txt"})
# What nbgrader does not copy into the grading folder (``CourseDirectory.ignore``).
IGNORED = (".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback")
# Files Python could import or load from the grading folder, where the kernel starts.
CODE_SUFFIXES = frozenset({".py", ".pyw", ".pyc", ".pyo", ".pyd", ".so", ".pth", ".ipy", ".dll",
                           ".dylib", ".egg", ".whl", ".zip"})


@dataclass(frozen=True)
class Submission:
    """One participant's hand-in of one assignment: ``submitted/<student>/<assignment>/``."""

    student: str
    assignment: str
    folder: Path


@dataclass
class Vetting:
    """The verdict on one submission: ``refused`` when any finding is an error."""

    submission: Submission
    findings: list[Finding] = field(default_factory=list)
    quarantined_to: Path | None = None

    @property
    def refused(self) -> bool:
        return has_errors(self.findings)

    @property
    def failed(self) -> bool:
        """True when the vetting itself could not judge a file (a crash, not a verdict)."""
        return any(f.code == "vet-failed" for f in self.findings)

    @property
    def status(self) -> str:
        """``refused``, ``warnings`` or ``ok``."""
        if self.refused:
            return "refused"
        return "warnings" if self.findings else "ok"

    def to_dict(self) -> dict:
        return {
            "student": self.submission.student,
            "assignment": self.submission.assignment,
            "status": self.status,
            "quarantined_to": str(self.quarantined_to) if self.quarantined_to else None,
            "findings": [f.to_dict() for f in self.findings],
        }



# --- one submission folder -----------------------------------------------------------------


def find_submissions(path: Path) -> list[Submission]:
    """Every ``<student>/<assignment>/`` folder holding notebooks under ``path`` (a notebook, a
    submission folder, a student's folder or the whole ``submitted/`` folder).

    A folder that is a link to elsewhere is found too (nbgrader would follow it; the vetting
    refuses it): a linked participant folder gives one submission per folder inside it.
    """
    path = Path(path)
    if path.is_file():
        return [_submission(path.parent)]
    folders: set[Path] = set()
    for root, dirs, files in os.walk(path):  # never follows links
        here = Path(root)
        dirs[:] = [d for d in dirs if not _ignored(Path(d))]
        if any(f.endswith(".ipynb") for f in files):
            folders.add(here)
        for d in dirs:
            if (here / d).is_symlink():
                inner = [here / d / e.name for e in _scan(here / d) if e.is_dir()]
                folders.update(inner if inner and not any(
                    f.suffix == ".ipynb" for f in _files(here / d)) else [here / d])
    return [_submission(f) for f in sorted(folders)]


def _submission(folder: Path) -> Submission:
    return Submission(folder.parent.name, folder.name, folder)


def _scan(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return list(it)[:1000]
    except OSError:
        return []


def _files(folder: Path) -> list[Path]:
    return [Path(e.path) for e in _scan(folder) if not e.is_dir()]


def _linked(folder: Path) -> Path | None:
    """The link among the submission folder and its participant folder, if one is a link."""
    for p in (folder, folder.parent):
        if p.is_symlink():
            return p
    return None


def find_reference(course: Path, assignment: str) -> Path | None:
    """The released assignment folder (``release/<a>``), or the source one if not released."""
    for kind in ("release", "source"):
        folder = Path(course) / kind / assignment
        if folder.is_dir() and any(folder.glob("*.ipynb")):
            return folder
    return None


def _ignored(rel: Path) -> bool:
    return any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in IGNORED)


def vet_submission(sub: Submission, reference: Path | None, lang: str = "en") -> Vetting:
    """Vet every notebook and every other file of one submission folder (messages in ``lang``)."""

    result = Vetting(sub)
    if reference is None:
        result.findings.append(_error(
            "no-reference", tr("vet.no-reference", lang, name=sub.assignment),
            tr("vet.no-reference.do", lang), sub.assignment))
        return result
    link = _linked(sub.folder)
    if link is not None:
        result.findings.append(_error(
            "linked-folder", tr("vet.linked-folder", lang, name=link.name),
            tr("vet.delete-link", lang), link.name))
        return result
    released = {p.relative_to(reference) for p in reference.rglob("*")
                if p.is_file() and not _ignored(p.relative_to(reference))}
    for p in sorted(sub.folder.rglob("*")):
        try:
            result.findings.extend(_vet_file(p, sub.folder, reference, released, lang))
        except Exception as exc:  # noqa: BLE001  (one bad file must not stop the run)
            result.findings.append(_failed(exc, str(p.relative_to(sub.folder)), lang))
    for rel in sorted(r for r in released if r.suffix == ".ipynb"):
        if not (sub.folder / rel).exists():
            result.findings.append(_warning(
                "missing-notebook", tr("vet.missing-notebook", lang),
                tr("vet.missing-notebook.do", lang), str(rel)))
    return result


def _failed(exc: BaseException, where: str, lang: str = "en") -> Finding:
    """The finding for a file the vetting itself could not judge (refused, to be safe)."""
    return _error("vet-failed", tr("vet.failed", lang, problem=type(exc).__name__),
                  tr("vet.failed.do", lang), where)


def _vet_file(p: Path, folder: Path, reference: Path, released: set[Path],
              lang: str = "en") -> list[Finding]:
    """Findings for one file of a submission folder."""
    import nbformat

    from .vet import vet_notebook  # here: vet.py re-exports this module's names

    findings: list[Finding] = []
    rel = p.relative_to(folder)
    if _ignored(rel) or (p.is_dir() and not p.is_symlink()):
        return findings
    if p.is_symlink():
        findings.append(_error("unexpected-code-file", tr("vet.file-link", lang),
                               tr("vet.delete-it", lang), str(rel)))
    elif p.suffix == ".ipynb":
        if rel not in released:
            findings.append(_warning("unknown-notebook", tr("vet.unknown-notebook", lang),
                                     tr("vet.unknown-notebook.do", lang), str(rel)))
            return findings
        ref_nb = nbformat.read(reference / rel, as_version=4)
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError) as exc:
            findings.append(_error("malformed-notebook", tr("vet.not-text", lang, problem=exc),
                                   tr("vet.download-again", lang), str(rel)))
            return findings
        findings.extend(vet_notebook(text, ref_nb, str(rel), lang))
    elif rel.name in HOUSEKEEPING or rel in released:
        return findings
    elif p.suffix.lower() in CODE_SUFFIXES or any(s in CODE_SUFFIXES for s in p.suffixes):
        findings.append(_error("unexpected-code-file", tr("vet.code-file", lang),
                               tr("vet.code-file.do", lang), str(rel)))
    else:
        findings.append(_warning("unexpected-file", tr("vet.unexpected-file", lang),
                                 tr("vet.unexpected-file.do", lang), str(rel)))
    return findings


def vet_path(path: Path, course: Path, progress=None, lang: str = "en") -> list[Vetting]:
    """Vet every submission under ``path`` against the course's released notebooks.

    ``progress(done, total)`` is called after each submission (for long runs); the messages
    are in ``lang``.
    """
    subs = find_submissions(Path(path))
    results = []
    for n, sub in enumerate(subs, 1):
        try:
            results.append(vet_submission(sub, find_reference(Path(course), sub.assignment),
                                          lang))
        except Exception as exc:  # noqa: BLE001  (one bad submission must not stop the run)
            results.append(Vetting(sub, [_failed(exc, sub.assignment, lang)]))
        if progress:
            progress(n, len(subs))
    return results
