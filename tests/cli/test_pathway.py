"""``python -m microcred pathway``: order, plan, cycles named, exit codes."""

from __future__ import annotations

import json

from tests.helpers.cli import microcred as run
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "design"


def test_pathway_and_plan_of_the_fixture(tmp_path):
    """Credentials in prerequisite order, the learner's plan, a diagram file."""
    chart = tmp_path / "p.png"
    proc = run("pathway", str(DATA / "microcredential.yaml"), "--chart", str(chart))
    assert proc.returncode == 0, proc.stderr
    assert "MC1" in proc.stdout and "(done)" in proc.stdout
    assert "3 of 10 credits done; 7 still needed." in proc.stdout
    assert "Can be taken now: MC2, MC3." in proc.stdout
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_completed_option_overrides_the_file():
    """--completed sets what the learner has done."""
    proc = run("pathway", str(DATA / "microcredential.yaml"), "--completed", "MC1, MC2",
               "--json")
    plan = json.loads(proc.stdout)["plan"]
    assert plan["completed"] == ["MC1", "MC2"] and plan["needed_credits"] == 4


def test_cycle_is_named_and_exits_one():
    """The circle of prerequisites is spelt out."""
    proc = run("pathway", str(DATA / "cycle.yaml"), "--lang", "fi")
    assert proc.returncode == 1
    assert "MC1 → MC3 → MC2 → MC1" in proc.stdout and "kehän" in proc.stdout


def test_user_mistakes_are_one_line_never_a_traceback():
    """A malformed section is explained on one line."""
    proc = run("pathway", "-", stdin="pathway: {credentials: [{id: A, credits: many}]}")
    assert proc.returncode == 2 and "credits must be a number" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_help_lists_the_three_commands():
    """The design-file commands are found automatically."""
    out = run("--help").stdout
    assert all(name in out for name in ("workload", "alignment", "pathway"))
