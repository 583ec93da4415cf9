"""``python -m microcred qa report|cohort``: self-contained pages, honest exit codes, no tracebacks."""

from __future__ import annotations

import re
from pathlib import Path

from microcred import qa
from tests.helpers.cli import command, microcred

DATA = Path(__file__).parents[1] / "data" / "qa"


run = command("qa")


def member(k: int) -> qa.SelfAssessment:
    answers = {c.id: (i + k) % 5 for i, c in enumerate(qa.instrument().criteria)}
    return qa.SelfAssessment(credential=f"MC {k}", assessor=f"Participant {k}",
                             assessed_on="2025-03-01", answers=answers,
                             notes={"quality.review": f"private note {k}"})


def test_report_is_one_self_contained_html_file(tmp_path):
    out = tmp_path / "report.html"
    proc = run("report", str(DATA / "complete.json"), "-o", str(out), "--lang", "fi")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Laadun itsearviointi" in html and "Kehittämissuunnitelma" in html
    assert html.count('src="data:image/png;base64,') == 2
    assert not re.search(r'(src|href)="(https?:)?//', html) and "<script" not in html
    assert "Granskning i juni &lt;b&gt;varje år&lt;/b&gt;." in html  # the note, escaped


def test_report_with_comparison_embeds_the_change_chart(tmp_path):
    earlier = tmp_path / "earlier.json"
    qa.save(member(0), earlier)
    out = tmp_path / "r.html"
    proc = run("report", str(DATA / "complete.json"), "-o", str(out), "--compare", str(earlier))
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 3
    assert "Bedömningarna verkar gälla olika mikromeriter" in html  # different names: a warning


def test_report_of_an_assessment_with_errors_is_written_and_exits_1(tmp_path):
    out = tmp_path / "r.html"
    proc = run("report", str(DATA / "odd-values.json"), "-o", str(out))
    assert proc.returncode == 1
    assert out.exists() and "outside the scale" in out.read_text(encoding="utf-8")
    assert "error: Criterion 1a: 5 is outside the scale 0-4." in proc.stderr


def test_corrupt_missing_and_unwritable_files_are_one_line_errors(tmp_path):
    for args, message in [
        (("report", str(DATA / "corrupt.json"), "-o", str(tmp_path / "r.html")), "not valid JSON"),
        (("report", str(tmp_path / "nope.json"), "-o", str(tmp_path / "r.html")), "no such file"),
        (("report", str(DATA / "newer-format.json"), "-o", str(tmp_path / "r.html")), "newer version"),
        (("report", str(DATA / "complete.json"), "-o", str(tmp_path / "no" / "r.html")),
         "does not exist"),
        (("report", str(DATA / "complete.json"), "-o", str(tmp_path)), "is a folder"),
        (("cohort", str(tmp_path / "missing"), "-o", str(tmp_path / "c.html")), "no such folder"),
        (("cohort", str(tmp_path), "-o", str(tmp_path / "c.html")), "no readable self-assessments"),
    ]:
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert message in proc.stderr and "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_a_failed_report_never_replaces_an_earlier_one(tmp_path):
    out = tmp_path / "r.html"
    out.write_text("earlier report", encoding="utf-8")
    assert run("report", str(DATA / "corrupt.json"), "-o", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "earlier report"


def test_an_output_that_cannot_be_written_is_told_before_any_file_is_read(tmp_path):
    for k in range(60):
        qa.save(member(k), tmp_path / f"p{k}.json")
    for output, message in [(tmp_path, "is a folder"), (tmp_path / "no" / "c.html", "does not exist")]:
        proc = run("cohort", str(tmp_path), "-o", str(output))
        assert proc.returncode == 2 and message in proc.stderr
        assert "read 50/60 files" not in proc.stderr  # stopped before reading: no progress line


def test_cohort_of_a_small_group_shows_only_its_size(tmp_path):
    for k in range(3):
        qa.save(member(k), tmp_path / f"p{k}.json")
    out = tmp_path / "summary.html"
    proc = run("cohort", str(tmp_path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "only the group size is shown" in proc.stdout
    html = out.read_text(encoding="utf-8")
    assert "Too few assessments (3)" in html and "<img" not in html
    assert "Participant" not in html and "private note" not in html and "p0.json" not in html


def test_cohort_with_many_files_shows_progress_skips_broken_ones_and_exits_1(tmp_path):
    for k in range(120):
        folder = tmp_path / f"participant{k}"
        folder.mkdir(exist_ok=True)
        qa.save(member(k), folder / f"p{k}.json")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "summary.html"
    proc = run("cohort", str(tmp_path), "-o", str(out), "--threshold", "10")
    assert proc.returncode == 1
    assert "read 50/121 files" in proc.stderr and "read 121/121 files" in proc.stderr
    assert "skipped" in proc.stderr and "broken.json: not valid JSON" in proc.stderr
    assert "Traceback" not in proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Assessments counted: 120" in html and "files that could not be read: 1" in html
    assert html.count('src="data:image/png;base64,') == 1
    assert "Participant" not in html and "private note" not in html


def test_padding_with_files_from_one_participant_does_not_open_a_small_group(tmp_path):
    """Issue 15: four participants, one of whom hands in six extra files (other credential
    names and assessor names), stay a group of four: nothing but the size is shown."""
    for k in range(4):
        (tmp_path / f"p{k}").mkdir()
        qa.save(member(k), tmp_path / f"p{k}" / "qa.json")
    for extra in range(6):
        qa.save(member(100 + extra), tmp_path / "p0" / f"extra{extra}.json")
    out = tmp_path / "summary.html"
    proc = run("cohort", str(tmp_path), "-o", str(out), "--threshold", "5")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "only the group size is shown" in proc.stdout
    assert 'data-suppressed="true"' in html and "<img" not in html


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("report", str(DATA / "complete.json")).returncode == 2  # -o is required
    assert run("cohort", ".", "-o", "x.html", "--threshold", "0").returncode == 2
    proc = microcred("--help")
    assert " qa " in proc.stdout or "qa" in proc.stdout.split()
