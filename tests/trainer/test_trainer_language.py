"""The trainer's tools speak the screen language: every command's output rendered in Finnish and
Swedish, with no English label or sentence left (the check of tests/test_screen_language.py), and
the language chosen by --lang, else by the settings file, else by $MICROCRED_UI.

Everything is rendered from records and a gradebook built with nbgrader's API: no nbgrader run."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from microcred.cli import main
from microcred.errors import UserError
from microcred.i18n import _catalogue
from microcred.settings import ENVIRONMENT, save_screen_language
from microcred.trainer.autograde import CohortRun
from microcred.trainer.autograde import format_run as format_cohort
from microcred.trainer.badges import BadgeRule, BadgeRun, Result, badge_rule, badges_csv
from microcred.trainer.badges import format_run as format_badges
from microcred.trainer.export import export_grades, format_export
from microcred.trainer.report import (
    plot_question_scores,
    plot_score_distribution,
    read_gradebook,
    render_html,
)
from microcred.trainer.roster import default_db_url, parse_roster
from microcred.trainer.vet import (
    Submission,
    Vetting,
    format_vetting,
    vet_notebook,
    vet_source,
    vet_submission,
)
from tests.helpers.gradebook import fill_gradebook
from tests.helpers.screen_text import english_left, figure_texts, html_texts
from tests.trainer.test_language_versions import COHORT, MAX, VETTING

LANGS = ["fi", "sv"]
# Names, codes and file names the outputs quote: content, not English text.
CONTENT = ("Virtanen", "Aino", "Berg", "Chen", "Dahl", "Aho", "Lind", "outcomes", "qa",
           "outcomes-fi", "outcomes-sv", "quarantine", "import os", "os.getcwd(...)", "microcred-coaching")
# A fragment: what lies between punctuation; each must not read as English.
_SPLIT = re.compile(r"[:;()\[\]\n,=|]|->|  +")
BAD_SOURCES = ["import os", "x = os.getcwd()", "answer = other", "for x in []:\n    pass",
               "x = 1 + 2", "%ls", "!ls", "x = f'{y}'", "system touch x", "x = (", "(a).b = 'x'",
               "x = {**y}", "x = [i for i in 'ab']", "x = y[0]"]


def fragments(text: str) -> list[str]:
    return [f.strip() for f in _SPLIT.split(text) if f.strip()]


def _english_patterns() -> dict[str, re.Pattern]:
    """The English text of each trainer message of two words or more, as a pattern whose
    fields match anything: found in a Finnish or Swedish output, it is English left."""
    out = {}
    for key, texts in _catalogue().items():
        en = texts["en"]
        words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\{[^{}]*\}", " ", en))
        if key.startswith("trainer.") and len(words) >= 2 and en not in (texts["fi"], texts["sv"]):
            parts = re.split(r"\{[^{}]*\}", en)
            out[key] = re.compile(".+?".join(re.escape(p) for p in parts))
    return out


def left(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The English in ``texts``: a trainer message's English text, or a fragment that reads as
    English only (paths and URLs are content)."""
    patterns = _english_patterns()
    whole = [f"{key}: {t}" for t in texts for key, p in patterns.items() if p.search(t)]
    parts = [f for t in texts for f in fragments(t) if "/" not in f and "\\" not in f]
    return whole + english_left(parts, CONTENT + allowed)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return fill_gradebook(tmp_path_factory.mktemp("course"), MAX, COHORT)


@pytest.fixture(scope="module")
def data(course):
    return read_gradebook(default_db_url(course), VETTING + [
        {"student": "cai", "assignment": "qa", "status": "warnings",
         "findings": [{"code": "tampered-cell", "element": "qa.ipynb: q1", "message": "x"}]}])


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_page_and_its_charts(data, lang):
    page = render_html(data, lang=lang)
    assert f'<html lang="{lang}">' in page
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    texts = [t for t in html_texts(body) if t != "x"]  # "x": a finding's own message
    assert left(texts) == []
    for a in data.assignments:
        for fig in (plot_score_distribution(data, a, lang=lang), plot_question_scores(data, a, lang)):
            assert left(figure_texts(fig)) == []


def test_the_report_writes_numbers_and_dates_as_the_reader_does(data):
    page = render_html(data, 0.625, lang="fi")
    assert "hyväksymisraja 62\u00a0%" in page  # 62.5 % rounded, Finnish words
    assert re.search(r"laadittu \d{1,2}\.\d{1,2}\.\d{4} \d{1,2}\.\d{2}", page)
    # Swedish names the month: read the same in Finland (5.12.) and Sweden (12-05).
    assert re.search(r"skapad \d{1,2} [a-zåäö]{3}\. \d{4} kl\. \d{1,2}\.\d{2}", render_html(data, lang="sv"))



@pytest.mark.parametrize("lang", LANGS)
def test_the_exports_and_their_summaries(data, lang, tmp_path):
    for fmt in ("moodle", "canvas", "excel"):
        result = export_grades(data, fmt, lang=lang)
        assert left(format_export(result, tmp_path / "x.csv", lang).splitlines()) == []
    sheet = export_grades(data, "excel", lang=lang).text.lstrip("\ufeff").splitlines()
    assert left(sheet[0].split(";")) == [] and sheet[0].split(";")[1] in ("nimi", "namn")
    assert left([line.split(";")[-1] for line in sheet[1:]]) == []  # yes, no, pending, refused
    moodle = export_grades(data, "moodle", lang=lang).text.splitlines()[0]
    assert moodle.startswith("First name,Last name,ID number,Email address")  # Moodle's own


@pytest.mark.parametrize("lang", LANGS)
def test_the_badge_summary_and_list(lang, tmp_path):
    def result(sid, **kw):
        return Result(sid, sid.title(), f"{sid}@example.org", 6.5, 8.0, **kw)

    run = BadgeRun(tmp_path, issued=[(result("aino"), tmp_path / "aino.json", "2026-06-01")],
                   new=["aino"], waiting=[result("dora", waiting=("qa",))],
                   not_passed=[result("bo", missing=("qa",), below=("outcomes",))],
                   stale=[tmp_path / "eero.json"], csv_path=tmp_path / "badges.csv",
                   rule=BadgeRule(("outcomes", "qa"), 0.625))
    text = format_badges(run, lang)
    assert left(text.splitlines()) == [] and "81\u00a0%" in text  # 6.5 / 8 in the reader's way
    header = badges_csv(run, "urn:x", lang=lang).lstrip("\ufeff").splitlines()[0].split(";")
    assert left(header) == [] and header[2] in ("sähköposti", "e-post")


@pytest.mark.parametrize("lang", LANGS)
def test_the_autograde_summary(lang):
    run = CohortRun("outcomes", graded=["a", "b"], skipped=["c"], refused=["d"],
                    failed={"e": "[ERROR] Timeout"}, seconds=12.5, workers=2)
    text = format_cohort(run, lang)
    assert left([line.replace("[ERROR] Timeout", "") for line in text.splitlines()]) == []
    assert "6,2" in text  # seconds each, with a decimal comma


@pytest.mark.parametrize("lang", LANGS)
def test_roster_problems(lang):
    _, problems = parse_roster("id;etunimi\n;x\nbad id;y\nok;z\nok;w\n", lang)
    _, more = parse_roster("nimi,sposti\nx,y\n", lang)
    _, empty = parse_roster("", lang)
    _, rows = parse_roster("id\n", lang)
    assert len(problems) == 3 and left(problems + more + empty + rows) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_vetting_findings_and_verdicts(lang, tmp_path):
    findings = [f for src in BAD_SOURCES for f in vet_source(src, "answer", lang)]
    assert len({f.code for f in findings}) >= 9
    reference = nbformat.v4.new_notebook()
    for text in ("{not json", "[]", '{"cells": 3}'):
        findings += vet_notebook(text, reference, "outcomes.ipynb", lang)
    (tmp_path / "s" / "p1" / "outcomes").mkdir(parents=True)
    findings += vet_submission(Submission("p1", "outcomes", tmp_path / "s" / "p1" / "outcomes"),
                               None, lang).findings
    result = Vetting(Submission("p1", "outcomes", tmp_path), findings, tmp_path / "quarantine")
    text = format_vetting(result, lang)
    assert left([line.split(": ", 2)[-1] if ": " in line else line
                 for line in text.splitlines()]) == []
    assert not any(f.message == _catalogue()[f"trainer.vet.{k}"]["en"] for f in findings
                   for k in ("only-text", "fresh-copy"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_trainer_message_is_translated(lang):
    """Also the texts the tests above do not reach (the demo's steps, rare errors)."""
    texts = {k: v[lang] for k, v in _catalogue().items() if k.startswith("trainer.")}
    same = {k for k, v in texts.items()
            if v == _catalogue()[k]["en"] and re.search(r"[^\W\d_]{4,}", re.sub(r"\{\w+\}", "", v))}
    # Python's own keywords, and two words Swedish shares with English
    assert same <= {"trainer.vet.what.await", "trainer.vet.what.yield", "trainer.report.median",
                    "trainer.report.col.status"}
    assert english_left([re.sub(r"\{[^{}]*\}", " ", v) for v in texts.values()], CONTENT) == []


# --- the command line: --lang, the settings file, $MICROCRED_UI, one-line errors -------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["grading", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", LANGS)
def test_the_commands_in_each_language(course, lang, capsys, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id;etunimi;sukunimi\nx1;Aino;Virtanen\n", encoding="utf-8")
    code, out, _ = run(capsys, "--lang", lang, "roster", str(roster), "--dry-run")
    assert code == 0 and left(out.splitlines()) == []
    code, out, _ = run(capsys, "report", "--lang", lang, "--course", str(course), "-o",
                       str(tmp_path / "r.html"), "--csv", str(tmp_path / "r.csv"))
    assert code == 0 and left(out.splitlines()) == []
    assert f'lang="{lang}"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--lang", lang, "export", "--format", "excel", "--course",
                       str(course), "-o", str(tmp_path / "g.csv"))
    assert code == 0 and left(out.splitlines()) == []
    for argv in (("export", "--format", "excel", "--course", str(course), "--assignment", "x"),
                 ("report", "--course", str(tmp_path / "none")),
                 ("vet", str(tmp_path / "none")),
                 ("autograde", "outcomes", "--course", str(course), "--workers", "0"),
                 ("badges", "--course", str(course), "-o", str(tmp_path / "b"),
                  "--pass-mark", "5"),
                 ("report", "--course", str(course), "--pass-mark", "5")):
        code, out, err = run(capsys, "--lang", lang, *argv)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, (argv, err)
        assert left([err.removeprefix("error: ")]) == [], (argv, err)


def test_the_language_comes_from_the_option_then_the_settings_then_the_environment(
        course, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = ("report", "--course", str(course), "-o", str(tmp_path / "r.html"))
    monkeypatch.setenv(ENVIRONMENT, "sv")
    assert run(capsys, *argv)[1].startswith("Rapport:")
    save_screen_language("fi")
    assert run(capsys, *argv)[1].startswith("Raportti:")
    assert run(capsys, *argv, "--lang", "en")[1].startswith("Report:")
    monkeypatch.delenv(ENVIRONMENT)
    (tmp_path / "microcred-settings.yaml").unlink()
    assert run(capsys, *argv)[1].startswith("Report:")


def test_core_errors_are_in_the_language_asked_for():
    with pytest.raises(UserError, match="hyväksymisraja"):
        badge_rule({"badge": {"pass_mark": 5}}, lang="fi")
    with pytest.raises(UserError, match="inte ett tal|inget tal"):
        badge_rule({"badge": {"pass_mark": "half"}}, lang="sv")


def test_the_demo_tells_its_story_in_the_language(monkeypatch, tmp_path):
    """The demo's texts without running nbgrader: its echo of the steps before the first run."""
    from microcred.trainer import demo

    said: list[str] = []

    def stop(*args, **kwargs):
        raise UserError("stop")

    monkeypatch.setattr(demo, "nbgrader", stop)
    with pytest.raises(UserError):
        demo.run_demo(tmp_path / "d", said.append, lang="fi")
    assert said and "Tehtävän jakaminen" in said[0]
    assert Path(tmp_path / "d").is_dir()


@pytest.mark.parametrize("lang", LANGS)
def test_the_collectors_messages_follow_the_screen_language(lang, tmp_path, monkeypatch, caplog):
    """nbgrader zip_collect logs what the course's extractor left out, in the trainer's language
    (nbgrader runs in the course folder: the settings file there, or $MICROCRED_UI)."""
    import zipfile

    from microcred.trainer.collect import LmsExtractor

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENVIRONMENT, lang)
    archive, empty = tmp_path / "archive", tmp_path / "empty"
    archive.mkdir()
    empty.mkdir()
    with zipfile.ZipFile(archive / "export.zip", "w") as z:
        z.writestr("Aino Virtanen_1_assignsubmission_file_/evil.zip", b"PK")
        z.writestr("../outside.ipynb", "{}")
        z.writestr("Aino Virtanen_1_assignsubmission_file_/big.ipynb", "{}" * 10)
    (archive / "broken.zip").write_bytes(b"not a zip")
    with caplog.at_level("INFO"):
        LmsExtractor(max_file_bytes=5).extract(str(archive), str(tmp_path / "out"))
        LmsExtractor().extract(str(empty), str(tmp_path / "out2"))
    said = [r.getMessage() for r in caplog.records]
    assert len(said) >= 5 and left(said) == [], said


ARGPARSE_OWN = ("usage:", "options:", "positional arguments:", "show this help message and exit")
# (English only: on a fi/sv screen argparse's own words are translated too, cli/_parser.py)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("step", ["", "vet", "autograde", "roster", "report", "export", "demo",
                                  "badges"])
def test_the_help_of_each_step(lang, step, capsys, monkeypatch):
    argv = ["grading", "--lang", lang, *([step] if step else []), "--help"]
    monkeypatch.setattr("sys.argv", ["microcred", *argv])  # the parsers read --lang from here
    with pytest.raises(SystemExit):
        main(argv)
    text = capsys.readouterr().out
    for own in ARGPARSE_OWN if lang == "en" else ():
        text = text.replace(own, "")
    lines = [re.sub(r"(?<![\w/])--?[\w-]+", " ", line)  # option names are names
             for line in text.splitlines() if not line.lstrip().startswith(("[", "python"))]
    assert len(lines) > 3 and left(lines, ("email",)) == []  # a value of --match
