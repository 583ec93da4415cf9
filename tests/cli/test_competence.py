"""``python -m microcred competence cohort``: the trainer's report, honest exit codes, no tracebacks."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import command
from tests.test_competence import made_up_cohort

run = command("competence")  # English, as tested: $MICROCRED_UI is not inherited


def test_cohort_report_is_written_with_the_change_per_outcome(tmp_path):
    (tmp_path / "in").mkdir()
    made_up_cohort(tmp_path / "in", 6)
    out = tmp_path / "competence.html"
    proc = run("cohort", str(tmp_path / "in"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "6 self-assessment(s): 6 with the first round, 6 with the second, 6 with both." \
        in proc.stdout
    assert "outcomes.parts" in proc.stdout and "n=6" in proc.stdout
    html = out.read_text(encoding="utf-8")
    assert 'data-part="change"' in html and 'data-part="bloom"' in html \
        and 'data-part="qa"' in html


def test_small_cohort_shows_only_its_size(tmp_path):
    (tmp_path / "in").mkdir()
    made_up_cohort(tmp_path / "in", 2)
    proc = run("cohort", str(tmp_path / "in"), "-o", "-", "--lang", "fi")
    assert proc.returncode == 0, proc.stderr
    assert "Vain 2 osallistujaa vastasi molemmilla kierroksilla" in proc.stdout
    assert 'data-part="change"' not in proc.stdout


def test_unreadable_files_are_named_and_the_exit_code_is_1(tmp_path):
    (tmp_path / "in").mkdir()
    made_up_cohort(tmp_path / "in", 5)
    (tmp_path / "in" / "x.competence.json").write_text("[]", encoding="utf-8")
    proc = run("cohort", str(tmp_path / "in"), "-o", str(tmp_path / "o.html"))
    assert proc.returncode == 1
    assert "skipped" in proc.stderr and "x.competence.json" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_folder_without_files_is_one_sentence(tmp_path):
    proc = run("cohort", str(tmp_path), "-o", str(tmp_path / "o.html"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "no competence self-assessments" in proc.stderr
    assert not Path(tmp_path / "o.html").exists()
