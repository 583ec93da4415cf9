"""Parallel autograding gives nbgrader's own scores, and survives being killed mid-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from microcred.trainer.autograde import STAGING, autograde_cohort, format_run
from microcred.trainer.demo import GOOD, PARTIAL
from tests.helpers.course import Course, fill_answers

ANSWERS = [GOOD, PARTIAL, GOOD[:2], []]


def scores(course: Course) -> dict[str, tuple[float, bool]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}", "microcred-coaching") as gb:
        return {s.student.id: (round(s.score, 4), bool(s.needs_manual_grade))
                for s in gb.find_assignment("outcomes").submissions}


def cohort(tmp_path, n: int, code: bool = False) -> Course:
    tmp_path.mkdir(parents=True, exist_ok=True)
    course = Course.copy_of_repo(tmp_path)
    course.release("outcomes")
    for i in range(n):
        nb = fill_answers(course.released("outcomes", "outcomes"), ANSWERS[i % len(ANSWERS)])
        course.submit(f"p{i:02d}", "outcomes", "outcomes", nb)
    if code:
        nb = course.released("outcomes", "outcomes")
        for cell in nb.cells:
            if cell.cell_type == "code" and "Write your answer here" in cell.source:
                cell.source = "import os\nanswer = os.getcwd()"
                break
        course.submit("zcode", "outcomes", "outcomes", nb)
    return course


def journal(course: Course) -> list[str]:
    path = course.root / STAGING / ".state" / "outcomes" / "recorded.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["student"] for line in path.read_text().splitlines() if line]


def test_parallel_scores_are_nbgraders_own_and_code_is_refused_first(tmp_path):
    course = cohort(tmp_path / "a", 4, code=True)
    plain = Course.copy_of(course, tmp_path / "b")
    (plain.root / "submitted" / "zcode").rename(plain.root / "zcode-not-graded")
    plain.autograde("outcomes")  # nbgrader's own autograde, one after another

    calls = []
    run = autograde_cohort(course.root, "outcomes", workers=2,
                           progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert sorted(run.graded) == ["p00", "p01", "p02", "p03"] and run.refused == ["zcode"]
    assert scores(course) == scores(plain)
    assert (course.root / "quarantine" / "zcode" / "outcomes").is_dir()
    for sid in run.graded:  # the autograded notebooks are there, with their outputs
        nb = nbformat.read(course.root / "autograded" / sid / "outcomes" / "outcomes.ipynb", 4)
        assert any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
    assert ("vetted", 5, 5) in calls and calls[-1] == ("graded", 4, 4)
    assert "4 graded" in format_run(run)

    again = autograde_cohort(course.root, "outcomes", workers=2)
    assert again.graded == [] and sorted(again.skipped) == sorted(run.graded)
    assert journal(course) == sorted(journal(course), key=journal(course).index)  # no repeats
    assert len(journal(course)) == 4


def test_killed_mid_run_then_run_again_grades_every_submission_exactly_once(tmp_path):
    course = cohort(tmp_path, 6)
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "microcred", "grading", "autograde", "outcomes", "--workers", "1"],
        cwd=course.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    deadline = time.monotonic() + 600
    try:
        while len(journal(course)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole run: CLI, worker and its kernel
        proc.wait()
    first = journal(course)
    assert 2 <= len(first) < 6, "the run was not stopped midway; the test proves nothing"

    run = autograde_cohort(course.root, "outcomes", workers=2)
    assert sorted(run.skipped) == sorted(first)
    recorded = journal(course)
    assert sorted(recorded) == [f"p{i:02d}" for i in range(6)]  # every one, none twice
    assert len(recorded) == len(set(recorded))
    assert sorted(scores(course)) == sorted(recorded)
    got = scores(course)  # the same answers, the same scores, whichever run graded them
    assert got["p04"] == got["p00"] and got["p05"] == got["p01"]
    assert got["p00"][0] > got["p03"][0]


def test_a_changed_hand_in_is_graded_again_and_a_missing_assignment_is_a_clear_error(tmp_path):
    from microcred.errors import UserError

    course = cohort(tmp_path, 1)
    autograde_cohort(course.root, "outcomes", workers=1)
    before = scores(course)["p00"]
    nb = fill_answers(course.released("outcomes", "outcomes"), [])
    course.submit("p00", "outcomes", "outcomes", nb)  # a new, empty hand-in
    run = autograde_cohort(course.root, "outcomes", workers=1)
    assert run.graded == ["p00"] and scores(course)["p00"][0] < before[0]
    with pytest.raises(UserError, match="no assignment 'nosuch'"):
        autograde_cohort(course.root, "nosuch")
