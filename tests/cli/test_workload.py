"""``python -m microcred workload``: a table or JSON, a chart file, honest exit codes."""

from __future__ import annotations

import json

from tests.helpers.cli import microcred as run
from tests.helpers.paths import REPO

DESIGN = REPO / "tests" / "data" / "design" / "microcredential.yaml"


def test_table_totals_credits_and_weekly_load(tmp_path):
    """The fixture: 81 h = 3 op over 8 weeks, no problems, exit 0; the chart is a PNG."""
    chart = tmp_path / "w.png"
    proc = run("workload", str(DESIGN), "--chart", str(chart))
    assert proc.returncode == 0, proc.stderr
    assert "total" in proc.stdout and "81" in proc.stdout
    assert "credits: 3.0" in proc.stdout and "10.1 h per week over 8 weeks" in proc.stdout
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_mismatch_from_stdin_exits_one_with_the_finding():
    """Claimed credits that do not match the hours are an error: exit code 1."""
    text = "workload: {convention: fi, credits: 5, activities: [{name: R, hours: 27}]}"
    proc = run("workload", "-", stdin=text)
    assert proc.returncode == 1 and "credits-mismatch" in proc.stdout


def test_convention_option_and_json_in_swedish():
    """--convention overrides the file; --lang picks the message language."""
    text = "workload: {convention: fi, credits: 5, activities: [{name: R, hours: 27}]}"
    proc = run("workload", "-", "--convention", "se", "--lang", "sv", "--json", stdin=text)
    data = json.loads(proc.stdout)
    assert data["convention"] == "se" and data["ok"] is False
    messages = {f["code"]: f["message"] for f in data["findings"]}
    assert messages["credits-mismatch"].startswith("Du anger 5 hp")


def test_unknown_convention_in_the_file_is_a_finding_not_a_crash():
    """A convention nobody knows is reported with the known ones."""
    proc = run("workload", "-", stdin="workload: {convention: us, activities: [{hours: 3}]}")
    assert proc.returncode == 1 and "unknown-convention" in proc.stdout
    assert "fi, se, ects" in proc.stdout and "Traceback" not in proc.stderr


def test_unknown_convention_option_is_refused_by_the_parser():
    """argparse names the choices and exits 2."""
    proc = run("workload", str(DESIGN), "--convention", "us")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_user_mistakes_are_one_line_never_a_traceback(tmp_path):
    """Missing file, broken YAML, missing section, malformed section, unwritable chart."""
    cases = {
        "no such file": [str(tmp_path / "nope.yaml")],
        "line 3: the YAML cannot be read": ["-"],
        "no 'workload:' section (sections found: outcomes)": ["-"],
        "hours must be a number": ["-"],
        "could not be saved": [str(DESIGN), "--chart", str(tmp_path / "no" / "x.png")],
    }
    stdins = {
        "line 3: the YAML cannot be read": "workload:\n  activities: [\n- x: }",
        "no 'workload:' section (sections found: outcomes)": "outcomes: []",
        "hours must be a number": "workload: {activities: [{name: R, hours: lots}]}",
    }
    for expected, args in cases.items():
        proc = run("workload", *args, stdin=stdins.get(expected, ""))
        assert proc.returncode == 2, (expected, proc.stdout, proc.stderr)
        assert expected in proc.stderr and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_a_mapping():
    """A YAML list is not a design file."""
    proc = run("workload", "-", stdin="- a\n- b\n")
    assert proc.returncode == 2 and "not a design file" in proc.stderr
