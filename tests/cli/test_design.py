"""``python -m microcred design new|check|export``: one file, one report, clear errors."""

from __future__ import annotations

import json
import shutil

import yaml

from tests.helpers.cli import command
from tests.helpers.paths import REPO

EXAMPLES = REPO / "microcred" / "examples"


run = command("design")


def test_new_starts_a_file_in_the_language_and_keeps_an_existing_one(tmp_path):
    proc = run("new", "oma", "--language", "fi", "--title", "Oma kokonaisuus", cwd=tmp_path)
    assert proc.returncode == 0 and "oma.yaml" in proc.stdout and "Aloitettu" in proc.stdout
    doc = yaml.safe_load((tmp_path / "oma.yaml").read_text(encoding="utf-8"))
    assert doc["credential"] == {**doc["credential"], "language": "fi",
                                 "title": "Oma kokonaisuus"}
    again = run("new", "oma", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert "Traceback" not in again.stderr
    assert run("new", "oma", "--force", cwd=tmp_path).returncode == 0


def test_check_prints_one_report_and_exit_codes_follow_errors(tmp_path):
    clean = run("check", str(EXAMPLES / "capstone-example.yaml"))
    assert clean.returncode == 0, clean.stderr
    for name in ("Working-life needs", "Learning outcomes", "Workload", "Alignment", "Pathway",
                 "Quality self-assessment", "Across the sections"):
        assert name in clean.stdout
    broken = tmp_path / "mine.yaml"
    shutil.copy(REPO / "tests" / "data" / "design" / "microcredential.yaml", broken)
    proc = run("check", str(broken), "--lang", "sv")
    assert proc.returncode == 1
    assert "[missing-element]" in proc.stdout and "Lärandemål" in proc.stdout


def test_check_writes_a_self_contained_html_report_and_json(tmp_path):
    out = tmp_path / "report.html"
    proc = run("check", str(EXAMPLES / "capstone-example.yaml"), "--html", str(out), "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["ok"] and [p["name"] for p in data["parts"]][0] == "needs"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'src="data:image/png;base64,' in html


def test_check_with_an_html_output_that_cannot_be_written_stops_before_the_report(tmp_path):
    proc = run("check", str(EXAMPLES / "capstone-example.yaml"), "--html", str(tmp_path))
    assert proc.returncode == 2 and "is a folder" in proc.stderr and "Traceback" not in proc.stderr
    assert "Learning outcomes" not in proc.stdout  # told before the modules were checked


def test_export_gives_the_badge_the_card_and_the_catalogue_entry(tmp_path):
    design_file = str(EXAMPLES / "capstone-example.yaml")
    badge = tmp_path / "badge.json"
    proc = run("export", design_file, "--format", "ob3", "--learner", "Aino Virtanen",
               "--issued", "2026-04-01", "-o", str(badge))
    assert proc.returncode == 0 and "wrote" in proc.stdout
    doc = json.loads(badge.read_text(encoding="utf-8"))
    assert doc["validFrom"] == "2026-04-01T00:00:00Z"
    assert "<html" in run("export", design_file, "--format", "html").stdout.lower()
    assert "Digital tools for safe home care" in run("export", design_file, "--format",
                                                     "md").stdout


def test_user_mistakes_are_one_line_with_exit_code_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("credential:\n  title: x\n\tlevel: 6\n", encoding="utf-8")
    for args in (("check", str(bad)), ("check", str(tmp_path / "none.yaml")),
                 ("export", str(bad), "--format", "md")):
        proc = run(*args)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert "line 3" in run("check", str(bad)).stderr
    empty = tmp_path / "empty.yaml"
    assert run("new", str(empty.with_suffix(""))).returncode == 0
    proc = run("export", str(empty), "--format", "ob3", "--learner", "X")
    assert proc.returncode == 2 and "credential" in proc.stderr
