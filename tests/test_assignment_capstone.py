"""The capstone through the real nbgrader cycle: the design file handed in as a file beside the
notebook (never pasted into a string), checked, graded."""

from __future__ import annotations

import shutil

import pytest

from microcred.grading.capstone_scorer import find_design_file, score_design_file
from microcred.trainer.vet import vet_path
from tests.helpers.course import fill_text
from tests.helpers.paths import REPO

pytestmark = pytest.mark.slow

EXAMPLE = REPO / "microcred" / "examples" / "capstone-example.yaml"
COMPLETE = EXAMPLE.read_text(encoding="utf-8")
PARTIAL = (REPO / "tests" / "data" / "design" / "microcredential.yaml").read_text(encoding="utf-8")
MANUAL = ["relevance", "outcomes_quality", "alignment", "qa_readiness"]


def test_release_has_no_answer_string_and_no_design_file(course):
    course.release("capstone")
    nb = course.released("capstone", "capstone")
    sources = "\n".join(c.source for c in nb.cells)
    assert 'r"""' not in sources and "design_file = (" not in sources  # nothing to paste into
    assert "hand_in()" in sources and "score_design_file(points=12)" in sources
    assert "Northbay" not in sources  # the model answers are removed
    released = sorted(p.name for p in (course.root / "release" / "capstone").iterdir())
    assert released == ["capstone.ipynb"]
    assert "double-click" in sources.lower() and "**Hand in**" in sources and "Submit" not in sources


def submit_with_file(course, student: str, files: dict[str, str], answers: bool = False):
    nb = course.released("capstone", "capstone")
    if answers:
        for grade_id in MANUAL:
            fill_text(nb, grade_id, "The needs come from interviews with the employer.")
    course.submit(student, "capstone", "capstone", nb)
    folder = course.root / "submitted" / student / "capstone"
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_complete_partial_broken_and_missing_design_files_get_sensible_scores(course):
    course.release("capstone")
    qa = EXAMPLE.with_name("capstone-example.qa.json").read_text(encoding="utf-8")
    submit_with_file(course, "complete", {"my-microcredential.yaml": COMPLETE,
                                          "my-microcredential.qa.json": qa}, answers=True)
    submit_with_file(course, "partial", {"my-microcredential.yaml": PARTIAL})
    submit_with_file(course, "renamed", {"mine.yaml": PARTIAL})  # the only design file
    submit_with_file(course, "quotes", {"my-microcredential.yaml": COMPLETE.replace(
        'title: Digital tools for safe home care', 'title: "Digital tools')})
    submit_with_file(course, "missing", {})
    vetted = {v.submission.student: v for v in vet_path(course.root / "submitted", course.root)}
    assert all(not v.refused for v in vetted.values()), {
        s: [f.message for f in v.findings] for s, v in vetted.items()}
    course.autograde("capstone")

    assert course.score("capstone", "complete") == 11.75  # one cross-check warning, on purpose
    assert 6 < course.score("capstone", "partial") < 8
    assert course.score("capstone", "renamed") == course.score("capstone", "partial")
    assert course.score("capstone", "quotes") == 0
    assert course.score("capstone", "missing") == 0

    course.feedback("capstone")
    html = course.feedback_html("capstone", "partial", "capstone")
    assert "Design check" in html and "Missing: Awarding body" in html and "Score:" in html
    broken = course.feedback_html("capstone", "quotes", "capstone")
    assert "line" in broken and "most recent call last" not in broken and "Error(" not in broken
    missing = course.feedback_html("capstone", "missing", "capstone")
    assert "No design file in this assignment&#39;s folder yet" in missing or \
        "No design file in this assignment's folder yet" in missing


def test_the_file_is_found_by_its_name_or_as_the_only_design_file(tmp_path, capsys):
    assert find_design_file(tmp_path)[0] is None
    (tmp_path / "notes.yaml").write_text("just: notes\n", encoding="utf-8")  # not a design
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    assert find_design_file(tmp_path)[0] == tmp_path / "a.yaml"
    shutil.copy(EXAMPLE, tmp_path / "b.yaml")
    path, problem = find_design_file(tmp_path)
    assert path is None and "a.yaml, b.yaml" in problem
    assert score_design_file(12, tmp_path) == 0
    assert "several design files" in capsys.readouterr().out
    shutil.copy(EXAMPLE, tmp_path / "my-microcredential.yaml")
    assert find_design_file(tmp_path)[0] == tmp_path / "my-microcredential.yaml"
    assert score_design_file(12, tmp_path) > 11
