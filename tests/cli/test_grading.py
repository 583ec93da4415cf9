"""``python -m microcred grading vet|roster|report``: honest exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from tests.helpers.cli import command
from tests.helpers.course import cell_of
from tests.helpers.paths import REPO


@pytest.fixture
def course(tmp_path):
    """A course folder with the assignment sources (the vetting's reference) and two
    hand-ins: the model answers (fine) and one whose answer cell imports a module."""
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "assignments" / "nbgrader_config.py", root)
    shutil.copytree(REPO / "assignments" / "source", root / "source")
    source = root / "source" / "outcomes" / "outcomes.ipynb"
    for student in ("good", "bad"):
        nb = nbformat.read(source, as_version=4)
        if student == "bad":
            cell_of(nb, "answer_outcomes").source = "import os\noutcome_1 = os.getcwd()"
        folder = root / "submitted" / student / "outcomes"
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "outcomes.ipynb")
    return root

_grading = command("grading")


def run(*args: str, **kwargs):
    """``microcred grading ARGS`` with English output, whatever the machine's screen language."""
    return _grading("--lang", "en", *args, **kwargs)


def test_help_lists_the_trainer_steps():
    proc = run("--help")
    assert proc.returncode == 0
    for step in ("vet", "roster", "report", "demo"):
        assert step in proc.stdout


def test_vet_refuses_moves_and_exits_one(course):
    proc = run("vet", cwd=course)
    assert proc.returncode == 1, proc.stderr
    assert "refused   bad/outcomes" in proc.stdout and "ok        good/outcomes" in proc.stdout
    assert "error: import" in proc.stdout and "error: call" in proc.stdout
    assert "2 submission(s): 1 ok, 0 with warnings, 1 refused (moved to quarantine/)" in (
        proc.stdout)
    assert (course / "quarantine" / "bad" / "outcomes" / "outcomes.ipynb").exists()
    assert json.loads((course / "vetting.json").read_text())["submissions"][0]["student"] == "bad"
    again = run("vet", "--course", str(course), cwd=course.parent)
    assert again.returncode == 0 and "1 submission(s): 1 ok" in again.stdout


def test_vet_keep_and_json_only_report(course):
    proc = run("vet", str(course / "submitted"), "--keep", "--json")
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["student"], r["status"]) for r in rows] == [("bad", "refused"), ("good", "ok")]
    assert (course / "submitted" / "bad").exists() and not (course / "quarantine").exists()


@pytest.mark.parametrize("target, message", [("nope", "no such file"),
                                             ("nbgrader_config.py", "not a notebook")])
def test_vet_mistakes_are_one_line_not_a_traceback(course, target, message):
    proc = run("vet", target, cwd=course)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_roster_imports_then_updates(course):
    (course / "roster.csv").write_text("id;Etunimi;Sukunimi;Sähköposti\n"
                                       "p1;Aino;Virtanen;aino@example.org\np2;Erik;Lind;\n",
                                       encoding="utf-8")
    dry = run("roster", "roster.csv", "--dry-run", cwd=course)
    assert "2 participant(s), no problems" in dry.stdout
    assert not (course / "gradebook.db").exists()  # a dry run touches nothing
    first = run("roster", "roster.csv", cwd=course)
    assert first.returncode == 0, first.stderr
    assert "2 participant(s) added, 0 updated" in first.stdout
    assert "0 participant(s) added, 2 updated" in run("roster", "roster.csv", cwd=course).stdout


def test_roster_problems_are_listed_by_line_and_nothing_is_imported(course):
    (course / "roster.csv").write_text("id,first name\np1,Aino\np1,Again\nbad id,X\n")
    proc = run("roster", "roster.csv", cwd=course)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "line 3" in proc.stderr and "line 4" in proc.stderr
    assert "2 problem(s); nothing imported" in proc.stderr
    assert not (course / "gradebook.db").exists()


def test_report_needs_a_gradebook_and_a_sensible_pass_mark(course):
    proc = run("report", cwd=course)
    assert proc.returncode == 2 and "no gradebook yet" in proc.stderr
    (course / "roster.csv").write_text("id\np1\n")
    run("roster", "roster.csv", cwd=course)
    assert run("report", "--pass-mark", "50", cwd=course).returncode == 2
    proc = run("report", "-o", "r.html", "--csv", "g.csv", cwd=course)
    assert proc.returncode == 0, proc.stderr
    assert "Report:" in proc.stdout and (course / "r.html").exists()
    assert (course / "g.csv").read_text("utf-8-sig").splitlines()[0] == (
        "id;name;assignment;score;max;passed")
