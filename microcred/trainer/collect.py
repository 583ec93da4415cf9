"""Who handed in which file: reading a learning platform's export for ``nbgrader zip_collect``.

Without a hub, participants download their notebook from Binder and upload it to the
organisation's learning platform; the trainer downloads all submissions as one zip, puts it in
``downloaded/<assignment>/archive/`` and runs ``nbgrader zip_collect <assignment>``.
``assignments/nbgrader_config.py`` sets :class:`LmsCollector` as the collector, which finds the
participant in the file names that Moodle and Canvas give (folder and file inside the zip):

- **Moodle**, *Download all submissions* (in folders, the default since Moodle 3.1, or flat)::

      Aino Virtanen_1234567_assignsubmission_file_/outcomes.ipynb
      Aino Virtanen_1234567_assignsubmission_file_outcomes.ipynb

  The number is Moodle's *participant identifier*, which is different in every assignment, so
  the collector looks the full name up in the roster (``python -m microcred grading roster``)
  and files the notebook under the roster's id. A name that is not on the roster, or is on it
  twice, falls back to the participant identifier (the log says so).
- **Canvas**, *Download submissions*::

      virtanenaino_12345_6789012_outcomes.ipynb
      virtanenaino_LATE_12345_6789012_outcomes.ipynb

  The first number is the Canvas user id, the same in every assignment: use it as the roster id.
- **Any other naming**: set ``c.FileNameCollectorPlugin.named_regexp`` in the config, with the
  groups ``student_id`` and ``file_id``; when it is set it is used instead of the two above.

Participants' browsers rename a file downloaded twice (``outcomes (1).ipynb``,
``outcomes-1.ipynb``, ``outcomes-Copy1.ipynb``); such a file is filed under the released name.
When one participant's folder holds several files for the same notebook, the newest is kept
and the log says which were left out (nbgrader itself would stop the whole cohort).

What a participant uploads can only land under that participant: the outermost platform folder
decides whose a file is, and :class:`LmsExtractor` (also set in the config) unpacks only the
export itself, never an archive a participant uploaded inside it (``evil.zip`` holding another
participant's folder), with limits on sizes and file counts against zip bombs.
"""

from __future__ import annotations

import os
import re
import shutil
import tarfile
import time
import unicodedata
import zipfile
from pathlib import Path

from nbgrader.plugins import FileNameCollectorPlugin
from nbgrader.plugins.zipcollect import ExtractorPlugin
from traitlets import Integer

from ..files import write_bytes_atomic
from ..numbers import format_number
from ._text import tr
from .export_names import parse_export_path

COPY_SUFFIX = re.compile(r"^(?P<stem>.+?)(?:\s*\(\d+\)|-Copy\d+|-\d+)$")


def released_name(file: str, released: set[str]) -> str:
    """``file`` without a browser's copy suffix, when that gives a released notebook's name."""
    if not released or file in released:
        return file
    stem, ext = os.path.splitext(file)
    m = COPY_SUFFIX.match(stem)
    if m and m["stem"] + ext in released:
        return m["stem"] + ext
    return file


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def match_roster(full_name: str, roster: list[tuple[str, str, str]]) -> str | None:
    """The id of the one roster entry ``(id, first, last)`` whose name is ``full_name`` (first
    last, or last first), ignoring case and spacing; None if there is none or more than one."""
    key = _norm(full_name)
    hits = {sid for sid, first, last in roster
            if key in (_norm(f"{first or ''} {last or ''}"), _norm(f"{last or ''} {first or ''}"))}
    return hits.pop() if len(hits) == 1 else None


class LmsCollector(FileNameCollectorPlugin):
    """nbgrader's file-name collector, taught the Moodle and Canvas export namings."""

    _roster_cache: list[tuple[str, str, str]] | None = None
    _plan: dict[str, dict | None] | None = None

    def collect(self, submitted_file: str) -> dict | None:
        if self.named_regexp:  # the course's own naming wins
            return super().collect(submitted_file)
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        root = self._extracted()
        if root is None:
            return self._collect_one(submitted_file, None)
        if self._plan is None:
            self._plan = self._plan_all(root)
        if submitted_file in self._plan:
            return self._plan[submitted_file]
        return self._collect_one(submitted_file, root)

    def _plan_all(self, root: str) -> dict[str, dict | None]:
        """Every file of the export, read once: of several files one participant handed in for
        the same notebook, the newest is kept (then the later name) and the others left out."""
        files = sorted(str(Path(d) / f) for d, _, fs in os.walk(root) for f in fs
                       if os.path.splitext(f)[1] in self.valid_ext)
        plan = {f: self._collect_one(f, root) for f in files}
        groups: dict[tuple[str, str], list[str]] = {}
        for f, info in plan.items():
            if info:
                groups.setdefault((info["student_id"], info["file_id"]), []).append(f)
        for (student, file_id), same in groups.items():
            if len(same) > 1:
                keep = max(same, key=lambda f: (os.path.getmtime(f), f))
                for f in same:
                    if f != keep:
                        plan[f] = None
                self.log.warning(_say("collect.several", student=student, n=len(same),
                                      file=file_id, kept=os.path.basename(keep),
                                      left=", ".join(os.path.basename(f) for f in same
                                                     if f != keep)))
        return plan

    def _extracted(self) -> str | None:
        app = self.parent
        try:
            return os.path.abspath(app._format_collect_path(app.extracted_directory))
        except AttributeError:
            return None

    def _collect_one(self, submitted_file: str, root: str | None) -> dict | None:
        info = parse_export_path(submitted_file, root)
        if info is None:
            self.log.warning(_say("collect.not-export", file=submitted_file))
            return None
        student = info.participant
        if info.platform == "moodle":
            roster_id = match_roster(info.name, self._roster())
            if roster_id:
                student = roster_id
            else:
                self.log.warning(_say("collect.not-on-roster", name=repr(info.name),
                                      number=info.participant))
        if info.late:
            self.log.warning(_say("collect.late", student=student, file=submitted_file))
        return {"student_id": student, "file_id": released_name(info.file, self._released())}

    def _coursedir(self):
        return getattr(self.parent, "coursedir", None)

    def _released(self) -> set[str]:
        cd = self._coursedir()
        if cd is None or not cd.assignment_id:
            return set()
        folder = cd.format_path(cd.release_directory, ".", cd.assignment_id)
        try:
            return {n for n in os.listdir(folder) if n.endswith(".ipynb")}
        except OSError:
            return set()

    def _roster(self) -> list[tuple[str, str, str]]:
        if self._roster_cache is None:
            self._roster_cache = []
            cd = self._coursedir()
            if cd is not None:
                from .roster import open_gradebook

                try:
                    with open_gradebook(cd.db_url, cd.course_id or None) as gb:
                        self._roster_cache = [(s.id, s.first_name, s.last_name)
                                              for s in gb.students]
                except Exception as exc:  # noqa: BLE001  (any failure: use the numbers)
                    self.log.warning(_say("collect.no-roster", problem=exc))
        return self._roster_cache


class LmsExtractor(ExtractorPlugin):
    """Unpacks the platform's export, and only that: an archive inside it (which a participant
    uploaded) is left packed and reported, files and counts are limited against zip bombs, and
    nothing is written outside the extraction folder."""

    max_file_bytes = Integer(20_000_000, help="largest file unpacked; bigger ones are left "
                             "out (a notebook of text answers is a few kB)").tag(config=True)
    max_total_bytes = Integer(1_000_000_000, help="the most unpacked from one export; the rest "
                              "is left out").tag(config=True)
    max_files = Integer(20_000, help="the most files unpacked from one export").tag(config=True)

    def extract(self, archive_path: str, extracted_path: str) -> None:
        if not os.listdir(archive_path):
            self.log.warning(_say("collect.no-files", folder=archive_path))
            return
        for root, _, names in os.walk(archive_path):
            out = Path(extracted_path) / os.path.relpath(root, archive_path)
            out.mkdir(parents=True, exist_ok=True)
            for name in names:
                src = Path(root) / name
                if _is_archive(name):
                    self._unpack(src, out / _archive_stem(name))
                else:
                    shutil.copy(src, out / name)

    def _unpack(self, archive: Path, dest: Path) -> None:
        """Unpack one export archive into ``dest`` within the limits; archives inside it stay
        packed (a participant's upload is never unpacked)."""
        self.log.info(_say("collect.extracting", archive=archive, folder=dest))
        dest.mkdir(parents=True, exist_ok=True)
        budget = [self.max_total_bytes, self.max_files]
        try:
            if zipfile.is_zipfile(archive):
                with zipfile.ZipFile(archive) as zf:
                    for info in zf.infolist():
                        if not info.is_dir():
                            self._write(dest, info.filename, lambda i=info: zf.open(i),
                                        time.mktime(info.date_time + (0, 0, -1)), budget)
            else:
                with tarfile.open(archive) as tf:
                    for member in tf:
                        if member.isfile():
                            self._write(dest, member.name,
                                        lambda m=member: tf.extractfile(m), member.mtime, budget)
        except (zipfile.BadZipFile, tarfile.TarError, EOFError):
            self.log.error(_say("collect.cannot-unpack", archive=archive,
                                problem=_say("collect.not-archive")))
        except OSError as exc:
            self.log.error(_say("collect.cannot-unpack", archive=archive,
                                problem=str(exc).splitlines()[0] if str(exc) else exc))

    def _write(self, dest: Path, name: str, opener, mtime: float, budget: list[int]) -> None:
        target = (dest / name.replace("\\", "/")).resolve()
        if not target.is_relative_to(dest.resolve()):
            self.log.error(_say("collect.outside", name=name))
            return
        if _is_archive(name):
            self.log.warning(_say("collect.inner-archive", name=name))
            return
        if budget[1] <= 0:
            self.log.error(_say("collect.too-many", name=name,
                                n=format_number(self.max_files, _lang())))
            return
        budget[1] -= 1
        limit = min(self.max_file_bytes, budget[0])
        with opener() as src:  # never more than the limit read, whatever the header says
            data = src.read(limit + 1)
        budget[0] -= min(len(data), limit)
        if len(data) > limit:
            key, most = (("collect.file-too-large", self.max_file_bytes)
                         if limit == self.max_file_bytes
                         else ("collect.export-too-large", self.max_total_bytes))
            self.log.error(_say(key, name=name, bytes=format_number(most, _lang())))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, data)
        os.utime(target, (mtime, mtime))


def _lang() -> str:
    """The trainer's screen language (nbgrader runs in the course folder, where the settings
    file is, or with $MICROCRED_UI)."""
    from ..settings import screen_language

    return screen_language("grading")


def _say(key: str, **fields: object) -> str:
    """A message of the collector in the trainer's screen language."""
    return tr(key, _lang(), **fields)


ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar")


def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _archive_stem(name: str) -> str:
    stem = name
    while _is_archive(stem) and "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return stem or "export"
