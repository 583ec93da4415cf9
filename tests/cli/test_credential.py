"""``python -m microcred credential check|export``: honest exit codes, clear messages, no
tracebacks."""

from __future__ import annotations

import json

from microcred.credential import ob3_problems
from tests.helpers.cli import command, microcred
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "credential"
EXAMPLES = REPO / "microcred" / "examples"


run = command("credential")


def test_check_a_clean_example_exits_zero_and_says_when_learner_and_date_are_given():
    """No findings; the note on the issue-time elements is printed in the file's language."""
    proc = run("check", str(EXAMPLES / "machine-vision.yaml"))
    assert proc.returncode == 0, proc.stderr
    assert "No problems found." in proc.stdout and "0 error(s), 0 warning(s)." in proc.stdout
    assert "--learner" in proc.stdout and "--issued" in proc.stdout
    sv = run("check", str(EXAMPLES / "security-risk-analysis.yaml"))
    assert "Inga problem hittades." in sv.stdout


def test_check_lists_errors_with_codes_and_exits_one():
    proc = run("check", str(DATA / "wrong-types.yaml"))
    assert proc.returncode == 1
    assert "error: [wrong-type] Title of the micro-credential: expected a text" in proc.stdout
    assert "-> Write it like this:" in proc.stdout


def test_check_json_and_message_language(tmp_path):
    f = tmp_path / "draft.yaml"
    f.write_text("title: Draft\nlanguage: en\n", encoding="utf-8")
    proc = run("check", str(f), "--json", "--lang", "fi")
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)
    missing = [x["element"] for x in findings if x["code"] == "missing-element"]
    assert "awarding_body" in missing and "Puuttuu: Myöntäjä" in proc.stdout


def test_check_reads_json_and_stdin():
    assert run("check", str(DATA / "complete.json")).returncode == 0
    text = (DATA / "complete.yaml").read_text(encoding="utf-8")
    assert run("check", "-", stdin=text).returncode == 0


def test_broken_yaml_is_one_clear_line_not_a_traceback():
    proc = run("check", str(DATA / "broken.yaml"))
    assert proc.returncode == 2
    assert "broken.yaml, line 2" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ")


def test_missing_file_folder_and_binary_file(tmp_path):
    for target in (tmp_path / "nope.yaml", tmp_path):
        proc = run("check", str(target))
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    proc = run("check", str(binary))
    assert proc.returncode == 2 and "UTF-8" in proc.stderr


def test_export_ob3_to_a_file(tmp_path):
    out = tmp_path / "badge.json"
    proc = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "ob3", "-o", str(out),
               "--learner", "Maija Meikäläinen", "--issued", "2026-04-01", "--grade", "5")
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {out}" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert ob3_problems(doc) == []
    assert doc["validFrom"] == "2026-04-01T00:00:00Z"
    assert doc["credentialSubject"]["result"][0]["value"] == "5"


def test_export_ob3_hashes_the_learner_on_request():
    proc = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "ob3",
               "--learner", "anna@example.org", "--issued", "2026-04-01", "--hash-learner")
    assert proc.returncode == 0 and "anna@example.org" not in proc.stdout
    assert json.loads(proc.stdout)["credentialSubject"]["identifier"][0]["hashed"] is True


def test_export_ob3_without_learner_or_with_errors_says_why():
    proc = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "ob3")
    assert proc.returncode == 2 and "--learner" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("export", str(DATA / "wrong-types.yaml"), "--format", "ob3", "--learner", "M",
               "--issued", "2026-01-01")
    assert proc.returncode == 2 and "error(s)" in proc.stderr
    proc = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "ob3",
               "--learner", "M", "--issued", "soon")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_export_html_card_and_markdown_entry(tmp_path):
    proc = run("export", str(EXAMPLES / "home-rehabilitation-technology.yaml"),
               "--format", "html")
    assert proc.returncode == 0 and '<html lang="fi">' in proc.stdout
    issued = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "html",
                 "--learner", "Maija", "--issued", "2026-04-01")
    assert "Awarded to Maija on 2026-04-01." in issued.stdout
    out = tmp_path / "entry.md"
    proc = run("export", str(EXAMPLES / "security-risk-analysis.yaml"), "--format", "md",
               "-o", str(out))
    assert proc.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("## Riskanalys i säkerhetsarbete")


def test_export_to_a_missing_folder_or_unknown_format(tmp_path):
    proc = run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "md",
               "-o", str(tmp_path / "no" / "such" / "entry.md"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    assert run("export", str(EXAMPLES / "machine-vision.yaml"), "--format", "pdf").returncode == 2


def test_help_lists_the_command_and_its_actions():
    top = microcred("--help")
    assert "credential" in top.stdout
    proc = run()
    assert proc.returncode == 2 and "check" in proc.stdout and "export" in proc.stdout
