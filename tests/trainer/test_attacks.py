"""Attacks on grading, reproduced with nbgrader's own commands (issue 15, items 1-4 and 7).

One course releases ``outcomes``; a learning platform's export goes through ``nbgrader
zip_collect``, and notebooks that each hold one attack go through ``grading vet`` and then,
deliberately unvetted, through ``nbgrader autograde``: a marker file proves that nbgrader ran
the participant's code, so the vetting must refuse every one of them.
"""

from __future__ import annotations

import io
import json
import os
import time
import zipfile

import nbformat
import pytest

from microcred.trainer.vet import vet_path
from tests.helpers.course import Course, fill_answers

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    course = Course.copy_of_repo(tmp_path_factory.mktemp("attacks"))
    course.release("outcomes")
    return course


def answer_cell(nb):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                == "answer_outcomes")


def with_answer_cell(course: Course, source: str, cell_type: str = "code"):
    """The released notebook with the answer cell's text (and type) replaced."""
    nb = course.released("outcomes", "outcomes")
    cell = answer_cell(nb)
    cell.source = source
    if cell_type != "code":
        cell.cell_type = cell_type
        del cell["outputs"], cell["execution_count"]
    return nb


def test_attacks_that_autograde_runs_are_all_refused_by_the_vetting(course):
    marker = course.root / "markers"
    marker.mkdir()
    touch = f'__import__("os").system("touch {marker}/%s")'
    attacks = {
        # 1. an answer cell turned into markdown or raw: nbgrader turns it back into code
        "markdown": (with_answer_cell(course, touch % "markdown" + "\noutcome_1 = \"Mine.\"",
                                      "markdown"), {"call"}),
        "raw": (with_answer_cell(course, touch % "raw", "raw"), {"call"}),
        # 3. IPython's automagic and a shell escape with a space after the !
        "system": (with_answer_cell(course, f"system touch {marker}/system"), {"magic"}),
        "time": (with_answer_cell(course, "time " + touch % "time"), {"magic"}),
        "bang": (with_answer_cell(course, f"outcome_1 = ! touch {marker}/bang"), {"shell"}),
    }
    # 2. the test cell tagged skip-execution: it would not run, and nbgrader gives full points
    skip = course.released("outcomes", "outcomes")
    test = next(c for c in skip.cells if c.metadata["nbgrader"].get("grade_id") == "test_outcomes")
    test.metadata["tags"] = ["skip-execution"]
    attacks["skip"] = (skip, {"changed-tags"})
    for student, (nb, _) in attacks.items():
        course.submit(student, "outcomes", "outcomes", nb)

    verdicts = {r.submission.student: r for r in vet_path(course.root / "submitted", course.root)}
    for student, (_, codes) in attacks.items():
        found = {f.code for f in verdicts[student].findings}
        assert verdicts[student].refused and codes <= found, (student, found)
        assert "syntax-error" not in found, student
    assert "nbgrader turns back into code" in verdicts["markdown"].findings[0].element

    # The attacks are real: unvetted, autograde runs each one (the markers appear) ...
    course.autograde("outcomes")
    assert sorted(os.listdir(marker)) == ["bang", "markdown", "raw", "system", "time"]
    # ... but the course's config makes the skip tag inert: the test cell ran and scored 0.
    assert course.score("outcomes", "skip") == 0


def moodle(name: str, pid: int, file: str) -> str:
    return f"{name}_{pid}_assignsubmission_file_/{file}"


def notebook_bytes(nb) -> bytes:
    return nbformat.writes(nb).encode("utf-8")


def test_an_export_cannot_hand_in_for_someone_else_nor_stop_the_cohort(course, tmp_path):
    released = course.released("outcomes", "outcomes")
    old = notebook_bytes(fill_answers(released, ["Old answer."]))
    new = notebook_bytes(fill_answers(course.released("outcomes", "outcomes"), ["New answer."]))
    forged = notebook_bytes(fill_answers(course.released("outcomes", "outcomes"), ["Forged."]))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:  # 4. another participant's folder in an upload
        z.writestr(moodle("Bo Berg", 2002, "outcomes.ipynb"), forged)
    archive = course.root / "downloaded" / "outcomes" / "archive"
    archive.mkdir(parents=True)
    now = time.localtime()[:6]
    earlier = time.localtime(time.time() - 3600)[:6]
    with zipfile.ZipFile(archive / "export.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(moodle("Aino Virtanen", 1001, "outcomes.ipynb"), earlier), old)
        # 7. the same notebook twice in one folder: the newest counts
        z.writestr(zipfile.ZipInfo(moodle("Aino Virtanen", 1001, "outcomes (1).ipynb"), now), new,
                   zipfile.ZIP_DEFLATED)
        z.writestr(moodle("Aino Virtanen", 1001, "evil.zip"), inner.getvalue())
        # 7. a zip bomb: 30 MB of zeros in a few kB
        z.writestr(moodle("Cai Chen", 3003, "bomb.txt"), b"\0" * 30_000_000)
        z.writestr(moodle("Cai Chen", 3003, "outcomes.ipynb"), new)
    proc = course.zip_collect("outcomes")
    submitted = course.root / "submitted"
    assert not (submitted / "2002").exists(), "a participant handed in for someone else"
    assert (submitted / "1001" / "outcomes" / "outcomes.ipynb").read_bytes() == new
    assert (submitted / "3003" / "outcomes" / "outcomes.ipynb").read_bytes() == new
    log = proc.stdout + proc.stderr
    assert "evil.zip" in log and "kept the newest" in log and "bomb.txt" in log
    extracted = course.root / "downloaded" / "outcomes" / "extracted"
    size = sum(p.stat().st_size for p in extracted.rglob("*") if p.is_file())
    assert size < 1_000_000
    assert json.loads(new)  # the kept file is the whole notebook
