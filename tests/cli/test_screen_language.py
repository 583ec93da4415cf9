"""Every command speaks the screen language: run in a Finnish or Swedish folder
($MICROCRED_UI) without ``--lang``, its headings, columns, severity words, summaries and the
lines about files it wrote hold no English (the examples' own texts are content, not labels).

The commands run in this process (``microcred.cli.main``): a new Python for each would cost
seconds each."""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from microcred import course
from microcred.cli import main
from tests.helpers import screen_text
from tests.helpers.screen_text import html_texts, strings_in

EXAMPLES = Path(str(files("microcred").joinpath("examples")))
CAPSTONE = EXAMPLES / "capstone-example.yaml"
OUTCOMES = ("The participant can analyse the needs of a client organisation.\n"
            "Understand dashboards.\n"
            "Opiskelija osaa:\n- kuvata prosessin\n- tietää asiat\n")
# Quotations and commands to type are not labels.
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|`[^`\n]*`|python -m microcred[^\n;)]*')


def content() -> list[str]:
    """The examples' own texts (titles, activities, outcomes), longest first, and the prefixes
    a table cuts them to."""
    return list(_content())


@functools.cache
def _content() -> tuple[str, ...]:
    """content(), read once per test process (0.2 s each time)."""
    found = set(OUTCOMES.splitlines())
    for path in [*EXAMPLES.rglob("*.yaml"), *EXAMPLES.rglob("*.json")]:
        found |= {x.strip() for x in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))}
    found |= {x[:34] for x in found}  # the workload table's activity column
    found |= {o.id for o in course.outcomes()}  # codes of the course's outcomes ("qa.esg")
    return tuple(sorted((x for x in found if len(x.split()) >= 2 or "." in x), key=len,
                        reverse=True))


def english_shown(text: str, content: list[str]) -> list[str]:
    """The English lines of a command's output (``screen_text.english_shown``); commands to
    type are quotations too."""
    return screen_text.english_shown([text], content, _QUOTED)


def troubled(folder: Path) -> Path:
    """The capstone example with problems each command reports: credits that do not match the
    hours, an outcome no task assesses, a pathway credential with zero credits."""
    doc = yaml.safe_load(CAPSTONE.read_text(encoding="utf-8"))
    doc["workload"]["credits"] = 5
    doc["alignment"]["assessments"] = doc["alignment"]["assessments"][1:]
    doc["pathway"]["credentials"][1]["credits"] = 0
    path = folder / "troubled.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def qa_cohort(folder: Path) -> Path:
    cohort = folder / "cohort"
    for n in range(2):
        (cohort / f"p{n}").mkdir(parents=True)
        (cohort / f"p{n}" / "mine.qa.json").write_bytes(
            (EXAMPLES / "capstone-example.qa.json").read_bytes())
    (cohort / "broken").mkdir()
    (cohort / "broken" / "x.qa.json").write_text("[]", encoding="utf-8")
    return cohort


def competence_cohort(folder: Path) -> Path:
    from tests.test_competence import made_up_cohort

    (folder / "in").mkdir()
    made_up_cohort(folder / "in", 6)
    return folder / "in"


def fake_node_modules(folder: Path) -> Path:
    """The files the decks copy from npm (their content does not matter here)."""
    nm = folder / "nm"
    for d in ("reveal.js/dist", "reveal.js/plugin/notes", "requirejs", "jquery/dist"):
        (nm / d).mkdir(parents=True)
    (nm / "requirejs" / "require.js").write_text("", encoding="utf-8")
    (nm / "jquery" / "dist" / "jquery.min.js").write_text("", encoding="utf-8")
    return nm


REPO = Path(__file__).resolve().parents[2]
COMMANDS = {
    "workload": lambda d: ["workload", str(troubled(d))],
    "alignment": lambda d: ["alignment", str(troubled(d))],
    "pathway": lambda d: ["pathway", str(troubled(d)), "--completed", "MC1"],
    "outcomes": lambda d: ["outcomes", str(d / "outcomes.txt")],
    "design-new": lambda d: ["design", "new", "mine"],
    "design-check": lambda d: ["design", "check", str(CAPSTONE)],
    "design-export": lambda d: ["design", "export", str(CAPSTONE), "--format", "md",
                                "-o", str(d / "out.md")],
    "credential-check": lambda d: ["credential", "check", str(troubled(d))],
    "credential-export": lambda d: ["credential", "export", str(CAPSTONE), "--format", "html",
                                    "-o", str(d / "card.html")],
    "qa-report": lambda d: ["qa", "report", str(EXAMPLES / "capstone-example.qa.json"),
                            "-o", str(d / "qa.html")],
    "qa-cohort": lambda d: ["qa", "cohort", str(qa_cohort(d)), "-o", str(d / "qa.html"),
                            "--threshold", "2"],
    "competence": lambda d: ["competence", "cohort", str(competence_cohort(d)),
                             "-o", str(d / "c.html")],
    "slides": lambda d: ["slides", "--root", str(REPO), "--out", str(d / "slides"),
                         "--node-modules", str(fake_node_modules(d)), "--module", "outcomes"],
    "error": lambda d: ["workload", str(d / "missing.yaml")],
}
HTML = {"qa-report": "qa.html", "qa-cohort": "qa.html", "competence": "c.html"}


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("name", COMMANDS)
def test_no_english_left_in_a_finnish_or_swedish_folder(name, lang, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no settings file: the environment's language counts
    monkeypatch.setenv("MICROCRED_UI", lang)
    (tmp_path / "outcomes.txt").write_text(OUTCOMES, encoding="utf-8")
    argv = COMMANDS[name](tmp_path)
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert (code == 2) == (name == "error"), err  # only the missing file is a user error
    shown = (out + "\n" + err).replace(str(tmp_path), " ")
    assert shown.strip()
    assert english_shown(shown, content()) == [], shown
    if name in HTML:
        page = html_texts((tmp_path / HTML[name]).read_text(encoding="utf-8"))
        assert f'lang="{lang}"' in (tmp_path / HTML[name]).read_text(encoding="utf-8")
        assert english_shown("\n".join(page), content()) == []
    if lang == "sv":  # the same run in English differs (once: some commands take seconds)
        monkeypatch.setenv("MICROCRED_UI", "en")
        main(argv if name != "design-new" else [*argv, "--force"])
        english, english_err = capsys.readouterr()
        assert (english + "\n" + english_err).replace(str(tmp_path), " ") != shown


def test_lang_overrides_the_screen_language(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", "fi")
    assert main(["workload", str(troubled(tmp_path)), "--lang", "sv"]) == 1
    out = capsys.readouterr().out
    assert "Aktivitet" in out and "fel: " in out and "Toiminto" not in out


def test_the_outcome_report_names_its_language_in_the_screen_language(monkeypatch):
    """``print(analyse(...))``: "kieli: englanti", not a code; the names come from the locale
    data, not from the catalogue (whose "English" would be a label to flag on a Finnish screen)."""
    from microcred.outcomes import analyse

    monkeypatch.setenv("MICROCRED_UI", "fi")
    assert "kieli: englanti" in str(analyse("Understand dashboards."))
    monkeypatch.setenv("MICROCRED_UI", "sv")
    assert "språk: finska" in str(analyse("Osallistuja osaa laatia suunnitelman."))
    monkeypatch.setenv("MICROCRED_UI", "en")
    assert "language: Swedish" in str(analyse("Deltagaren kan räkna upp risker."))


# Options and their placeholders ("-o OUTPUT, --output OUTPUT") are what one types; argparse's
# own frame ("usage:", "options:") is in the screen language too (cli/_parser.py).
_ARGPARSE = re.compile(r"(?<!\w)--?[\w-]+(?: [A-Z_]+)?")


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("name", ["workload", "alignment", "pathway", "outcomes", "design",
                                  "design new", "design check", "design export", "credential",
                                  "credential check", "credential export", "qa report",
                                  "qa cohort", "competence cohort", "slides", "needs",
                                  "needs match", "needs check", "needs guide", "needs sample",
                                  "commissioned", "commissioned price", "commissioned check",
                                  "commissioned template"])
def test_the_help_of_the_design_file_commands_is_in_the_screen_language(name, lang, tmp_path,
                                                                         monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    with pytest.raises(SystemExit):
        main([*name.split(), "--help"])
    shown = _ARGPARSE.sub(" ", capsys.readouterr().out)
    assert english_shown(shown, content()) == [], shown
    monkeypatch.setenv("MICROCRED_UI", "en")
    with pytest.raises(SystemExit):
        main([*name.split(), "--help"])
    assert english_shown(_ARGPARSE.sub(" ", capsys.readouterr().out), content())
