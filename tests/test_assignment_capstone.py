"""The capstone through the real nbgrader cycle: a whole design file pasted, checked, graded."""

from __future__ import annotations

import pytest

from microcred.grading import ANSWER_STUB
from microcred.grading.vet import vet_path
from tests.helpers.course import fill_text
from tests.helpers.paths import REPO

pytestmark = pytest.mark.slow

STUB_LINE = f'"{ANSWER_STUB}"'
COMPLETE = (REPO / "microcred" / "examples" / "capstone-example.yaml").read_text(encoding="utf-8")
PARTIAL = (REPO / "tests" / "data" / "design" / "microcredential.yaml").read_text(encoding="utf-8")
MANUAL = ["relevance", "outcomes_quality", "alignment", "qa_readiness"]


def paste(nb, text: str):
    """What the instructions ask: select the stub line, quotes included, and paste the file."""
    cell = next(c for c in nb.cells if c.cell_type == "code" and STUB_LINE in c.source)
    cell.source = cell.source.replace(STUB_LINE, text.rstrip("\n"), 1)
    return nb


def test_release_hides_the_model_design_behind_the_stub(course):
    course.release("capstone")
    nb = course.released("capstone", "capstone")
    sources = "\n".join(c.source for c in nb.cells)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert code.count(ANSWER_STUB) == 1 and 'r"""' in code
    assert "Digital tools for safe home care" not in sources  # model answer removed
    assert "Northbay" not in sources  # also from the manual answers
    assert "score_design(design_file, points=12)" in sources


def test_complete_partial_and_blank_design_files_get_sensible_scores(course):
    course.release("capstone")
    complete = paste(course.released("capstone", "capstone"), COMPLETE)
    for grade_id in MANUAL:
        fill_text(complete, grade_id, "The needs come from interviews with the employer.")
    partial = paste(course.released("capstone", "capstone"), PARTIAL)
    indented = paste(course.released("capstone", "capstone"),
                     "\n".join("    " + line for line in PARTIAL.splitlines()))
    broken = paste(course.released("capstone", "capstone"), "credential:\n\ttitle: x")
    for name, nb in [("complete", complete), ("partial", partial), ("indented", indented),
                     ("broken", broken), ("blank", course.released("capstone", "capstone"))]:
        course.submit(name, "capstone", "capstone", nb)
    vetted = {v.submission.student: v for v in vet_path(course.root / "submitted", course.root)}
    assert all(not v.refused for v in vetted.values()), {
        s: [f.message for f in v.findings] for s, v in vetted.items()}
    course.autograde("capstone")

    assert course.score("capstone", "complete") == 11.75  # one cross-check warning, on purpose
    assert 6 < course.score("capstone", "partial") < 8
    assert course.score("capstone", "indented") == course.score("capstone", "partial")
    assert course.score("capstone", "broken") == 0
    assert course.score("capstone", "blank") == 0

    course.feedback("capstone")
    html = course.feedback_html("capstone", "partial", "capstone")
    assert "Design check" in html and "Missing: Awarding body" in html
    assert "Score:" in html
    assert "line 2" in course.feedback_html("capstone", "broken", "capstone")
