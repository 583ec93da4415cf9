"""A participant's assignments through a real nbgrader exchange in a temporary folder: list,
fetch, validate and hand in with ``microcred.assignments`` (nbgrader's own exchange classes and
Validator), then the trainer's ``nbgrader collect`` finds the hand-in. Bad input (no exchange,
nothing released, a changed or unreadable notebook, a loop, a link in the folder) gets a
sentence in the participant's language and changes nothing."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from microcred import assignments as A
from microcred.i18n import t
from microcred.trainer.demo import GOOD, PARTIAL, RATIONALE
from microcred.widgets.assignments import AssignmentPanel
from tests.helpers.course import Course, cell_of, fill_answers

pytestmark = pytest.mark.slow

COURSE_ID = "microcred-coaching"


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Course, Path]:
    """The course with ``outcomes`` released to an exchange (done once for the module)."""
    base = tmp_path_factory.mktemp("exchange")
    course = Course.copy_of_repo(base)
    exchange = base / "exchange"
    exchange.mkdir()
    course.release("outcomes")
    course.release_to_exchange("outcomes", exchange)
    return course, exchange


def participant_config(folder: Path, **settings: object) -> None:
    """An ``nbgrader_config.py`` as the hub's /etc/jupyter one (only what a participant reads)."""
    lines = ["c = get_config()"] + [f"c.{key} = {value!r}" for key, value in settings.items()]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nbgrader_config.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def home(tmp_path, monkeypatch, released) -> Path:
    """A participant's folder; the Jupyter config path holds the hub's settings for nbgrader."""
    _course, exchange = released
    config = tmp_path / "jupyter-config"
    participant_config(config, **{"CourseDirectory.course_id": COURSE_ID,
                                  "Exchange.root": str(exchange),
                                  "Exchange.path_includes_course": True,
                                  "Exchange.cache": str(tmp_path / "cache"),
                                  "Execute.timeout": 5})
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(config))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "")
    folder = tmp_path / "home"
    folder.mkdir()
    yield folder
    # Hand-ins of this test leave the module's exchange for the next test.
    for submission in (exchange / COURSE_ID / "inbound").glob("*+outcomes+*"):
        shutil.rmtree(submission)


def fetched(home: Path) -> Path:
    result = A.fetch("outcomes", home, lang="fi")
    assert result.ok and result.done, result
    return home / COURSE_ID / "outcomes" / "outcomes.ipynb"


def answered(path: Path) -> nbformat.NotebookNode:
    nb = fill_answers(nbformat.read(path, as_version=4), GOOD)
    cell_of(nb, "rationale").source = RATIONALE
    nbformat.write(nb, path)
    return nb


def test_fetch_validate_submit_and_the_trainer_collects_it(home, released, tmp_path):
    course, exchange = released
    listing = A.list_assignments(home, "fi")
    assert listing.ok and [(a.name, a.status) for a in listing.assignments] == [
        ("outcomes", "released")]

    notebook = fetched(home)
    listing = A.list_assignments(home, "sv")
    (row,) = listing.assignments
    assert (row.status, row.folder, row.notebooks) == ("fetched", notebook.parent, (notebook,))

    checked = A.validate(notebook, lang="fi")  # as released: nothing answered yet
    assert not checked.ok and "no-answer" in checked.codes
    assert all(f.element and f.element.isdigit() for f in checked.findings)
    # Named by the heading above the cell, as the participant finds it (no cell numbers on
    # JupyterLab's screen); the manual answer sits under "## Rationale".
    assert "Kohdan ”Rationale” vastaus (7. solu ylhäältä) puuttuu vielä." in [
        f.message for f in checked.findings], checked
    # The check cell of a fresh notebook gives none of its points: said so, never "part of".
    assert "partial" not in checked.codes
    assert "Kohdan ”Automatic feedback” tarkistus (5. solu ylhäältä) antaa vielä 0/5 pistettä." in [
        f.message for f in checked.findings], checked

    fresh = notebook.read_text(encoding="utf-8")
    nbformat.write(fill_answers(nbformat.read(notebook, as_version=4), PARTIAL), notebook)
    checked = A.validate(notebook, lang="sv")  # some points: how many, as nbgrader counts them
    assert "partial" in checked.codes
    assert any(re.fullmatch(r"Kontrollen under ”Automatic feedback” \(cell 5 uppifrån\) ger "
                            r"\d+(,\d+)? av sina 5 poäng\.", f.message)
               for f in checked.findings), checked

    notebook.write_text(fresh, encoding="utf-8")
    answered(notebook)
    checked = A.validate(notebook, lang="sv")
    assert checked.ok and checked.done == t("assignments.validated", "sv", name="outcomes.ipynb")

    handed = A.submit(row, home, lang="fi")
    assert handed.ok and handed.done.startswith("Tehtävä outcomes on palautettu"), handed
    (row,) = A.list_assignments(home, "fi").assignments
    assert row.status == "fetched" and len(row.submitted) == 1

    trainer = Course.copy_of(course, tmp_path / "trainer")
    trainer.collect_from_exchange("outcomes", exchange)
    collected = list((trainer.root / "submitted").glob("*/outcomes/outcomes.ipynb"))
    assert len(collected) == 1
    assert GOOD[0] in collected[0].read_text(encoding="utf-8")

    # The trainer grades and releases feedback; the participant fetches it.
    trainer.autograde("outcomes")
    trainer.feedback("outcomes")
    trainer.nbgrader("release_feedback", "outcomes", f"--Exchange.root={exchange}")
    panel = AssignmentPanel(home, "sv")  # the panel's button, as the participant presses it
    (row,) = panel.listing.assignments
    assert row.feedback_ready and row.feedback == ()
    button = next(b for b in panel._buttons() if "mc-feedback" in b._dom_classes)
    assert button.description == "Hämta återkoppling"
    button.click()
    assert f"{COURSE_ID}/outcomes/feedback" in panel.status.value
    assert not any("mc-feedback" in b._dom_classes for b in panel._buttons())
    (row,) = A.list_assignments(home, "sv").assignments
    assert not row.feedback_ready and [p.name for p in row.feedback] == ["outcomes.html"]
    assert GOOD[0] in row.feedback[0].read_text(encoding="utf-8")  # the graded hand-in


def test_no_exchange_is_said_and_nothing_is_made(tmp_path, monkeypatch):
    config = tmp_path / "config"
    participant_config(config, **{"CourseDirectory.course_id": COURSE_ID,
                                  "Exchange.root": str(tmp_path / "no-such-exchange")})
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(config))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "")
    home = tmp_path / "home"
    home.mkdir()
    for result in (A.list_assignments(home, "fi"), A.fetch("outcomes", home, lang="fi"),
                   A.submit("outcomes", home, lang="fi")):
        assert result.codes == ["no-exchange"]
        (said,) = result.findings
        # What to do instead comes first; the system path only in the trainer's aside.
        assert said.message == t("assignments.no-exchange.message", "fi")
        assert str(tmp_path) not in said.message and "oppimisalustallasi" in said.suggestion
        assert said.suggestion.endswith(f"{tmp_path / 'no-such-exchange'} puuttuu tai ei ole "
                                        "käytettävissäsi.)")
    # Listing where there is no exchange (Binder, the book) is the usual state: a note.
    assert [f.severity for f in A.list_assignments(home, "sv").findings] == ["note"]
    assert not A.fetch("outcomes", home, lang="sv").ok  # a refused action stays an error
    assert list(home.iterdir()) == [] and not (tmp_path / "no-such-exchange").exists()


def test_nothing_released_is_a_note(tmp_path, monkeypatch):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    participant_config(tmp_path / "config", **{"CourseDirectory.course_id": COURSE_ID,
                                               "Exchange.root": str(exchange)})
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "config"))
    listing = A.list_assignments(tmp_path, "sv")
    assert listing.assignments == () and listing.ok
    assert [(f.code, f.severity) for f in listing.findings] == [("nothing-released", "note")]
    result = A.fetch("outcomes", tmp_path, lang="sv")
    assert result.codes == ["not-released"] and "outcomes" in result.findings[0].message


def test_a_config_without_a_course_says_so(tmp_path, monkeypatch):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    participant_config(tmp_path / "config", **{"Exchange.root": str(exchange)})
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "config"))
    assert A.fetch("outcomes", tmp_path, lang="fi").codes == ["no-course"]


def test_a_second_fetch_and_a_submit_before_fetching_change_nothing(home):
    assert A.submit("outcomes", home, lang="fi").codes == ["not-fetched"]
    notebook = fetched(home)
    notebook.write_text(notebook.read_text(encoding="utf-8").replace(
        "Write your answer here", "My own words"), encoding="utf-8")
    before = notebook.read_bytes()
    again = A.fetch("outcomes", home, lang="sv")
    assert again.codes == ["already-fetched"]
    assert f"({COURSE_ID}/outcomes)" in again.findings[0].message  # as the file browser shows it
    assert notebook.read_bytes() == before


def test_a_changed_test_cell_and_a_changed_cell_type_are_named(home):
    notebook = fetched(home)
    nb = answered(notebook)
    cell_of(nb, "test_outcomes").source = 'print("Score: 5 / 5")\n5'
    nbformat.write(nb, notebook)
    checked = A.validate(notebook, lang="fi")
    number = str(1 + [c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                      for c in nb.cells].index("test_outcomes"))
    assert [(f.code, f.element) for f in checked.findings] == [("test-changed", number)]
    assert checked.findings[0].message.startswith("Kohdan ”Automatic feedback” tarkistussolua")

    rationale = cell_of(nb, "rationale")
    rationale.cell_type = "raw"
    nbformat.write(nb, notebook)
    assert "type-changed" in A.validate(notebook, lang="sv").codes


def test_a_damaged_notebook_is_named_and_kept(home):
    notebook = fetched(home)
    notebook.write_text(notebook.read_text(encoding="utf-8")[:500], encoding="utf-8")
    before = notebook.read_bytes()
    assert A.validate(notebook, lang="fi").codes == ["unreadable"]
    assert notebook.read_bytes() == before
    refused = A.submit("outcomes", home, lang="fi")
    assert refused.codes[0] == "would-be-refused" and not refused.ok
    assert notebook.read_bytes() == before
    assert A.validate(home / "nothing.ipynb", lang="fi").codes == ["no-notebook"]
    plain = home / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), plain)
    assert A.validate(plain, lang="fi").codes == ["no-cells"]


def test_a_looping_answer_is_stopped_and_refused_before_it_is_handed_in(home, released):
    _course, exchange = released
    notebook = fetched(home)
    nb = answered(notebook)
    answer = next(c for c in nb.cells if c.cell_type == "code"
                  and c.metadata.get("nbgrader", {}).get("solution"))
    answer.source = "while True:\n    pass\n" + answer.source
    nbformat.write(nb, notebook)
    checked = A.validate(notebook, lang="sv")  # the config's Execute.timeout: 5 s
    assert "too-long" in checked.codes
    refused = A.submit("outcomes", home, lang="sv")
    assert refused.codes[0] == "would-be-refused" and "statement" in refused.codes
    assert list((exchange / COURSE_ID / "inbound").glob("*+outcomes+*")) == []


def test_a_link_that_loops_is_refused_and_nothing_is_copied(home, released):
    _course, exchange = released
    notebook = fetched(home)
    answered(notebook)
    os.symlink("..", notebook.parent / "loop")
    refused = A.submit("outcomes", home, lang="fi")
    assert refused.codes == ["link-in-folder"] and "loop" in refused.findings[0].message
    assert list((exchange / COURSE_ID / "inbound").glob("*+outcomes+*")) == []
    (notebook.parent / "loop").unlink()
    assert A.submit("outcomes", home, lang="fi").ok


def test_a_hand_in_of_an_assignment_taken_back_is_refused(home, released):
    _course, exchange = released
    fetched(home)
    outbound = exchange / COURSE_ID / "outbound" / "outcomes"
    hidden = outbound.with_name("outcomes-taken-back")
    outbound.rename(hidden)
    try:
        refused = A.submit("outcomes", home, lang="fi")
    finally:
        hidden.rename(outbound)
    assert refused.codes == ["not-released"]
    assert list((exchange / COURSE_ID / "inbound").glob("*+outcomes+*")) == []


def test_a_hand_in_without_the_notebook_warns(home):
    notebook = fetched(home)
    notebook.rename(notebook.with_name("renamed.ipynb"))
    handed = A.submit("outcomes", home, lang="sv")
    assert handed.done and handed.codes == ["missing-notebooks"]
    assert "outcomes.ipynb" in handed.findings[0].message



def test_a_cell_is_named_by_the_text_above_it():
    md = nbformat.v4.new_markdown_cell
    code = nbformat.v4.new_code_cell
    cells = [code("import x"),
             md("# Part 1: **workload**\n\nHow many hours?"), code("hours = 1"),
             md("Now dimension it. Add the [hours](#x) up `yourself`; say which credit convention"),
             code("total = 2"), md("## Rationale"), md("")]
    dimension = "Now dimension it. Add the hours up yourself; …"  # no heading: its first words
    assert [A._validate._place(cells, str(n)) for n in range(1, 8)] == [
        "import x", "Part 1: workload", "Part 1: workload", "Part 1: workload",
        dimension, dimension, "Rationale"]
    assert A._validate._place(cells, "?") == "?"
