"""argparse's own words (usage, group titles, the help option, "error:" and its messages) and the
Ctrl-C line follow the screen language (cli/_parser.py): run in a Finnish or Swedish folder
($MICROCRED_UI), a command's help and a mistyped command hold none of argparse's English."""

from __future__ import annotations

import pytest

from microcred.cli import _parser, main
from microcred.i18n import t

# What argparse writes in English, and what a fi/sv screen shows in its place.
ENGLISH = ("usage:", "positional arguments", "options:", "show this help message",
           "show program's version", "error:", "are required", "invalid choice", "choose from",
           "unrecognized arguments", "expected one argument", "interrupted", "FILE", "COMMAND")
WORDS = {"fi": ("käyttö:", "valitsimet:", "näytä tämä ohje ja lopeta", "virhe:"),
         "sv": ("användning:", "flaggor:", "visa den här hjälpen och avsluta", "fel:")}


def run(capsys, *argv: str) -> tuple[int, str]:
    """Exit code and everything the command printed (stdout and stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --help and for its errors
        code = int(exc.code or 0)
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.out + out.err


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_help_of_the_tool_and_of_a_command_is_in_the_screen_language(lang, capsys, monkeypatch,
                                                                     tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    for argv in (["-h"], ["outcomes", "-h"], ["design", "check", "-h"]):
        code, out = run(capsys, *argv)
        assert code == 0
        assert english_in(out) == [], argv
        assert all(word in out for word in WORDS[lang][:3]), (argv, out)


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("argv, english", [
    (["workload"], "the following arguments are required"),
    (["outcomes", "--lang", "xx", "f.txt"], "invalid choice"),
    (["outcomes", "f.txt", "g.txt"], "unrecognized arguments"),
    (["workload", "--lang"], "expected one argument"),
    (["no-such-command"], "invalid choice"),
])
def test_a_mistyped_command_is_told_in_the_screen_language(lang, argv, english, capsys,
                                                           monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    code, out = run(capsys, *argv)
    assert code == 2
    assert english not in out and english_in(out) == [], out
    assert WORDS[lang][0] in out and f": {WORDS[lang][3]} " in out


def test_lang_on_the_command_line_chooses_the_language_of_help_and_errors(capsys, monkeypatch,
                                                                          tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", "fi")
    code, out = run(capsys, "outcomes", "--lang", "sv", "f.txt", "g.txt")
    assert code == 2 and "användning:" in out and "okända argument: g.txt" in out
    code, out = run(capsys, "grading", "--lang", "sv", "--help")
    assert code == 0 and "flaggor:" in out and "valitsimet" not in out


def test_english_stays_argparses_own(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", "en")
    code, out = run(capsys, "workload")
    assert code == 2
    assert "usage: python -m microcred workload" in out
    assert "error: the following arguments are required: FILE" in out


def test_every_english_template_is_argparses_own_text():
    """The English of each entry is what argparse writes: its error for that case, produced by
    argparse itself, must match the template (else the translation would never be used)."""
    import argparse

    class Raw(argparse.ArgumentParser):
        def error(self, message):
            raise ValueError(message)

    p = Raw()
    p.add_argument("file")
    p.add_argument("--lang", choices=["en", "fi"])
    p.add_argument("--n", type=int)
    p.add_argument("--items", nargs="+")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--alpha", action="store_true")
    group.add_argument("--beta", action="store_true")
    cases = [[], ["f", "--lang", "xx"], ["f", "g"], ["f", "--lang"], ["f", "--n", "x"],
             ["f", "--items"], ["f", "--alpha", "--beta"], ["f", "--al"]]
    p.add_argument("--alps", action="store_true")  # "--al" is ambiguous: --alpha or --alps
    for argv in cases:
        with pytest.raises(ValueError) as raised:
            p.parse_args(argv)
        message = str(raised.value)
        assert _parser.error_message(message, "fi") != message, message


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_ctrl_c_is_told_in_the_screen_language(lang, capsys, monkeypatch, tmp_path):
    from microcred.cli import outcomes

    def interrupted(_args):
        raise KeyboardInterrupt

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    monkeypatch.setattr(outcomes, "run", interrupted)
    code, out = run(capsys, "outcomes", "-")
    assert code == 130
    assert out.strip() == t("cli.interrupted", lang)
    assert lang == "en" or "interrupted" not in out


def test_every_placeholder_of_every_command_has_its_translation(monkeypatch, tmp_path):
    """A new metavar (FILE, --course COURSE) needs its cli.metavar.<NAME> entry, or a fi/sv
    usage line shows it in English; file formats (PNG, CSV) are the same in every language."""
    import argparse

    from microcred.cli import build_parser

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", "en")  # the placeholders as the code names them
    formats = {"PNG", "JSON", "CSV", "DB", "NODE_MODULES"}
    english = []

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    walk(sub)
                continue
            if action.choices is not None or action.nargs == 0:
                continue
            shown = action.metavar or (action.dest.upper() if action.option_strings else None)
            if isinstance(shown, str) and shown.isupper() and shown not in formats and \
                    _parser.metavar(shown, "fi") == shown:
                english.append(f"{parser.prog}: {shown}")

    walk(build_parser([]))
    assert english == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("argv", [["outcomes", "nope.txt"], ["credential", "check", "nope.yaml"],
                                  ["credential", "export", "--format", "md", "nope.yaml"],
                                  ["needs", "check", "nope.yaml"], ["needs", "match", "nope", "b"],
                                  ["needs", "guide", "nope.yaml"],
                                  ["commissioned", "price", "nope.yaml"],
                                  ["commissioned", "check", "nope.yaml"], ["workload", "nope.yaml"]])
def test_a_file_that_cannot_be_read_is_told_in_the_screen_language(argv, lang, capsys,
                                                                    monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    code, out = run(capsys, *argv)
    assert code == 2
    assert out.strip() == f"{t('common.error', lang)}: " + t("reading.no-file", lang,
                                                             source=argv[-1 if argv[0] != "needs"
                                                                         or argv[1] != "match"
                                                                         else -2])


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_an_output_that_cannot_be_written_is_told_in_the_screen_language(lang, capsys,
                                                                         monkeypatch, tmp_path):
    from tests.helpers.paths import REPO

    example = REPO / "microcred" / "examples" / "machine-vision.yaml"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MICROCRED_UI", lang)
    code, out = run(capsys, "credential", "export", str(example), "--format", "md", "-o",
                    str(tmp_path))
    assert code == 2 and t("cli.output-is-folder", lang, path=tmp_path,
                           example=tmp_path / "output.html") in out
    code, out = run(capsys, "credential", "export", str(example), "--format", "md", "-o",
                    str(tmp_path / "no" / "x.md"))
    assert code == 2 and t("cli.output-no-folder", lang, path=tmp_path / "no" / "x.md",
                           folder=tmp_path / "no") in out
