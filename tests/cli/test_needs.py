"""``python -m microcred needs``: match, check, guide and sample, with honest exit codes."""

from __future__ import annotations

import json

from microcred.i18n import t
from tests.cli.test_outcomes import run


def sample(tmp_path, which: str):
    path = tmp_path / f"{which}.yaml"
    proc = run("needs", "sample", which)
    assert proc.returncode == 0, proc.stderr
    path.write_text(proc.stdout, encoding="utf-8")
    return path


def test_match_prints_a_table_gaps_and_a_summary_and_saves_a_heatmap(tmp_path):
    needs, outcomes = sample(tmp_path, "needs"), sample(tmp_path, "outcomes")
    png = tmp_path / "h.png"
    proc = run("needs", "match", str(needs), str(outcomes), "--heatmap", str(png))
    assert proc.returncode == 0, proc.stderr
    assert "MED2" in proc.stdout and "not covered" in proc.stdout
    assert "needs covered" in proc.stdout and "(x2)" in proc.stdout
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_match_reads_text_and_csv_and_prints_json(tmp_path):
    needs = tmp_path / "ads.csv"
    needs.write_text("id,skill\nA1,Tietosuoja asiakastyössä\nA2,Budjetointi\n", encoding="utf-8")
    outcomes = tmp_path / "o.txt"
    outcomes.write_text("The participant can apply data protection rules with clients.\n",
                        encoding="utf-8")
    proc = run("needs", "match", str(needs), str(outcomes), "--json", "--lang", "fi")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["rows"][0]["need"] == "A1" and data["rows"][0]["status"] == "covered"
    assert data["uncovered_needs"] == ["A2"]


def test_match_of_empty_files_is_exit_one_with_a_finding(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("\n", encoding="utf-8")
    proc = run("needs", "match", str(empty), str(empty))
    # The finding as every report writes it (its message, not its code "no-needs").
    assert proc.returncode == 1 and t("matching.no-needs.message", "en") in proc.stdout
    assert "no-needs" not in proc.stdout and "Traceback" not in proc.stderr


def test_user_mistakes_are_one_line_messages(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [\n", encoding="utf-8")
    for args in (("needs", "match", str(tmp_path / "nope.txt"), str(bad)),
                 ("needs", "match", str(bad), str(bad)),
                 ("needs", "check", str(bad)),
                 ("needs", "match", str(bad), str(bad), "--threshold", "2")):
        proc = run(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, args


def test_check_exit_codes_and_guide_to_a_file(tmp_path):
    canvas = sample(tmp_path, "canvas")
    assert run("needs", "check", str(canvas)).returncode == 0
    empty = tmp_path / "empty.yaml"
    empty.write_text("needs:\n  organisation: ''\n", encoding="utf-8")
    proc = run("needs", "check", str(empty), "--lang", "sv")
    assert proc.returncode == 1 and "Canvasen anger inte" in proc.stdout
    out = tmp_path / "guide.md"
    proc = run("needs", "guide", str(canvas), "--lang", "fi", "--minutes", "90", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Työpajan ohjelma (90 minuuttia)" in out.read_text(encoding="utf-8")


def test_needs_without_action_prints_help():
    proc = run("needs")
    assert proc.returncode == 2 and "match" in proc.stdout


def test_match_and_check_speak_the_folders_screen_language(tmp_path):
    """Run where a tool saved ``ui: sv`` (microcred-settings.yaml), without --lang: Swedish."""
    needs, outcomes = sample(tmp_path, "needs"), sample(tmp_path, "outcomes")
    (tmp_path / "microcred-settings.yaml").write_text("ui: sv\n", encoding="utf-8")
    proc = run("needs", "match", str(needs), str(outcomes), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "inte täckt" in proc.stdout and "behov täckta" in proc.stdout
    assert "not covered" not in proc.stdout and "needs covered" not in proc.stdout
    canvas = tmp_path / "canvas.yaml"
    canvas.write_text("needs: {organisation: X, competence_needs: [{text: Dataskydd}]}\n",
                      encoding="utf-8")
    proc = run("needs", "check", str(canvas), cwd=tmp_path)
    assert proc.returncode == 1 and "fel: " in proc.stdout and "error: " not in proc.stdout
