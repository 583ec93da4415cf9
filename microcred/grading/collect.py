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
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from nbgrader.plugins import FileNameCollectorPlugin

MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_+assignsubmission_file_?$")
MOODLE_FILE = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_+assignsubmission_file_(?P<file>.+)$")
CANVAS_FILE = re.compile(
    r"^(?P<name>[^_/]+)_(?:(?P<late>late)_)?(?P<pid>\d+)_(?P<sub>\d+)_(?P<file>.+)$", re.IGNORECASE
)
COPY_SUFFIX = re.compile(r"^(?P<stem>.+?)(?:\s*\(\d+\)|-Copy\d+|-\d+)$")


@dataclass(frozen=True)
class ExportFile:
    """What a platform's file name says about one uploaded file."""

    platform: str  # "moodle" or "canvas"
    participant: str  # the number in the name
    name: str  # the participant's name as the platform wrote it
    file: str  # the name the participant uploaded
    late: bool = False


def parse_export_path(path: str) -> ExportFile | None:
    """Read a Moodle or Canvas export name (the file and its folder); None if neither."""
    p = PurePath(path)
    if m := MOODLE_FOLDER.match(p.parent.name):
        return ExportFile("moodle", m["pid"], m["name"], p.name)
    if m := MOODLE_FILE.match(p.name):
        return ExportFile("moodle", m["pid"], m["name"], m["file"])
    if m := CANVAS_FILE.match(p.name):
        return ExportFile("canvas", m["pid"], m["name"], m["file"], late=bool(m["late"]))
    return None


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

    def collect(self, submitted_file: str) -> dict | None:
        if self.named_regexp:  # the course's own naming wins
            return super().collect(submitted_file)
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        info = parse_export_path(submitted_file)
        if info is None:
            self.log.warning("Not a Moodle or Canvas export name, skipped: %s "
                             "(set FileNameCollectorPlugin.named_regexp for other namings)",
                             submitted_file)
            return None
        student = info.participant
        if info.platform == "moodle":
            roster_id = match_roster(info.name, self._roster())
            if roster_id:
                student = roster_id
            else:
                self.log.warning("'%s' is not on the roster (once); filed under Moodle's "
                                 "participant number %s", info.name, info.participant)
        if info.late:
            self.log.warning("Canvas marked the upload of %s late: %s", student, submitted_file)
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
                    self.log.warning("Cannot read the roster from the gradebook: %s", exc)
        return self._roster_cache
