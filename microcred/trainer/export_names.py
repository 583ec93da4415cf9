"""Whose file a learning platform's export holds: the Moodle and Canvas file names.

Kept out of ``collect.py`` (nbgrader's collector, which imports nbgrader) because ``qa cohort``
and ``competence cohort`` read whose hand-in each file of an export is with
:func:`parse_export_path` too, and importing nbgrader cost them about a second of CPU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_+assignsubmission_file_?$")
MOODLE_FILE = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_+assignsubmission_file_(?P<file>.+)$")
CANVAS_FILE = re.compile(
    r"^(?P<name>[^_/]+)_(?:(?P<late>late)_)?(?P<pid>\d+)_(?P<sub>\d+)_(?P<file>.+)$", re.IGNORECASE
)


@dataclass(frozen=True)
class ExportFile:
    """What a platform's file name says about one uploaded file."""

    platform: str  # "moodle" or "canvas"
    participant: str  # the number in the name
    name: str  # the participant's name as the platform wrote it
    file: str  # the name the participant uploaded
    late: bool = False


def parse_export_path(path: str, root: str | None = None) -> ExportFile | None:
    """Read a Moodle or Canvas export name (the file and its folders); None if neither.

    The outermost participant folder decides (a folder named like another participant's inside
    it changes nothing). With ``root`` (the extracted export), a file named in the platform's
    flat style counts only at the top of the export, where only the platform puts files.
    """
    p = PurePath(path)
    parts = p.relative_to(root).parts if root and p.is_relative_to(root) else p.parts
    for folder in parts[:-1]:
        if m := MOODLE_FOLDER.match(folder):
            return ExportFile("moodle", m["pid"], m["name"], p.name)
    if root and len(parts) > 2:  # deeper than <export>/<file>: not the platform's naming
        return None
    if m := MOODLE_FILE.match(p.name):
        return ExportFile("moodle", m["pid"], m["name"], m["file"])
    if m := CANVAS_FILE.match(p.name):
        return ExportFile("canvas", m["pid"], m["name"], m["file"], late=bool(m["late"]))
    return None
