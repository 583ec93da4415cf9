"""A gradebook as nbgrader leaves it after autograde and manual grading, built with its own API."""

from __future__ import annotations

import json
import shutil
import tempfile
import warnings
from pathlib import Path

from nbgrader.api import Gradebook

from microcred.trainer.roster import default_db_url

# assignment: (auto points, manual points)
MaxScores = dict[str, tuple[float, float]]
# student id: (first, last, email, {assignment: (auto, manual)}); None = not submitted;
# manual None = waits for the trainer
Cohort = dict[str, tuple[str, str, str, dict[str, tuple[float, float | None]] | None]]


COURSE_ID = "microcred-coaching"
_TEMPLATE: list[tempfile.TemporaryDirectory] = []  # one empty gradebook per test process


def empty_gradebook(folder: Path) -> str:
    """An empty gradebook of the course in ``folder`` (its URL): a copy of one made once per
    process with nbgrader's own API, since a new gradebook runs nbgrader's database migrations
    (about 5 s) and a copy takes milliseconds."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(_templates() / "gradebook.db", Path(folder) / "gradebook.db")
    return default_db_url(folder)


def _templates() -> Path:
    """This process's folder of gradebooks to copy, with the empty one made (the first time)."""
    if not _TEMPLATE:
        _TEMPLATE.append(tempfile.TemporaryDirectory(prefix="microcred-gradebook-"))
        with Gradebook(default_db_url(Path(_TEMPLATE[0].name)), COURSE_ID):
            pass
    return Path(_TEMPLATE[0].name)


def fill_gradebook(folder: Path, max_scores: MaxScores, cohort: Cohort) -> Path:
    """Write the course's gradebook into `folder`: one auto and one manual cell per assignment.
    Each gradebook (its scores and cohort) is written once per process and copied (0.3 s)."""
    key = json.dumps([max_scores, cohort], sort_keys=True, default=str)
    if key not in _FILLED:
        made = _templates() / f"filled-{len(_FILLED)}"
        _write_gradebook(made, max_scores, cohort)
        _FILLED[key] = made
    Path(folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(_FILLED[key] / "gradebook.db", Path(folder) / "gradebook.db")
    return folder


_FILLED: dict[str, Path] = {}  # fill_gradebook's gradebooks, by their content


def _write_gradebook(folder: Path, max_scores: MaxScores, cohort: Cohort) -> None:
    with Gradebook(empty_gradebook(folder), COURSE_ID) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's add_submission warns (SQLAlchemy)
        for name, (auto, manual) in max_scores.items():
            gb.add_assignment(name)
            gb.add_notebook(name, name)
            gb.add_grade_cell("auto", name, name, max_score=auto, cell_type="code")
            gb.add_grade_cell("manual", name, name, max_score=manual, cell_type="markdown")
        for sid, (first, last, email, scores) in cohort.items():
            gb.add_student(sid, first_name=first, last_name=last, email=email or None)
            for name, (auto_score, manual_score) in (scores or {}).items():
                gb.add_submission(name, sid)
                grade = gb.find_grade("auto", name, name, sid)
                grade.auto_score, grade.needs_manual_grade = auto_score, False
                grade = gb.find_grade("manual", name, name, sid)
                grade.manual_score = manual_score
                grade.needs_manual_grade = manual_score is None
            gb.db.commit()
