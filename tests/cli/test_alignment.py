"""``python -m microcred alignment``: the matrix as text or JSON, findings, exit codes."""

from __future__ import annotations

import json

from tests.helpers.cli import microcred as run
from tests.helpers.paths import REPO

DESIGN = REPO / "tests" / "data" / "design" / "microcredential.yaml"


def test_matrix_of_the_fixture_design(tmp_path):
    """Three outcomes, each assessed at its level: exit 0; the heatmap is written."""
    chart = tmp_path / "a.png"
    proc = run("alignment", str(DESIGN), "--chart", str(chart))
    assert proc.returncode == 0, proc.stderr
    assert "3 of 3 outcome(s) assessed" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if line.startswith("LO1"))
    assert "analyse" in row
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_unassessed_outcome_and_unknown_id_exit_one():
    """Errors in the alignment give exit code 1 and name what is wrong."""
    text = """
outcomes: [{id: LO1, text: The participant can analyse needs.}, {id: LO2, text: Plan a course.}]
alignment:
  assessments: [{id: T1, task: The participant analyses a case., outcomes: [LO1, LO7]}]
"""
    proc = run("alignment", "-", stdin=text)
    assert proc.returncode == 1
    assert "not-assessed" in proc.stdout and "unknown-outcome" in proc.stdout


def test_empty_alignment_section_and_json():
    """An empty section is one clear finding; JSON carries the coverage."""
    proc = run("alignment", "-", "--json", stdin="alignment: {}")
    data = json.loads(proc.stdout)
    assert proc.returncode == 1 and data["coverage"] == 0
    assert [f["code"] for f in data["findings"]] == ["empty"]


def test_malformed_section_and_missing_section_are_one_line_errors():
    """Structural mistakes become one line on stderr, exit 2."""
    for text, expected in [
        ("alignment: {assessments: [{task: x, level: guru}]}", "level must be one of"),
        ("outcomes: []", "no 'alignment:' section"),
    ]:
        proc = run("alignment", "-", stdin=text)
        assert proc.returncode == 2 and expected in proc.stderr
        assert "Traceback" not in proc.stderr
