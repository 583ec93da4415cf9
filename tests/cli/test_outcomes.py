"""``python -m microcred outcomes``: a table or JSON lines, and honest exit codes."""

from __future__ import annotations

import json

from tests.helpers.cli import microcred as run


def test_table_and_exit_code_one_when_an_outcome_has_an_error(tmp_path):
    f = tmp_path / "outcomes.txt"
    f.write_text("The participant can analyse needs.\n\nUnderstand the basics.\n", encoding="utf-8")
    proc = run("outcomes", str(f))
    assert proc.returncode == 1
    assert "vague-verb" in proc.stdout
    assert "2 outcome(s), 1 with errors" in proc.stdout


def test_json_lines_from_stdin_and_exit_zero_when_all_good():
    proc = run("outcomes", "-", "--json", stdin="Deltagaren kan räkna upp risker.\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows[0]["language"] == "sv" and rows[0]["verbs"][0]["lemma"] == "räkna upp"


def test_missing_file_is_a_clear_message_not_a_traceback(tmp_path):
    proc = run("outcomes", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_binary_file_is_a_clear_message(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"\xff\xfe\x00\x81garbage")
    proc = run("outcomes", str(f))
    assert proc.returncode == 2 and "UTF-8" in proc.stderr and "Traceback" not in proc.stderr


def test_forced_language_and_bad_language_choice():
    proc = run("outcomes", "-", "--language", "fi", stdin="Osallistuja osaa laatia suunnitelman.")
    assert proc.returncode == 0
    assert run("outcomes", "-", "--language", "de", stdin="x").returncode == 2


def test_help_lists_the_command():
    proc = run("--help")
    assert proc.returncode == 0 and "outcomes" in proc.stdout
