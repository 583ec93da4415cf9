"""In a real kernel, an unreadable answer cell stops with plain words instead of a traceback."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from microcred.i18n import t
from tests.helpers.paths import REPO

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HOOK = "from microcred.widgets.cell_errors import explain_answer_errors\n\nexplain_answer_errors({})"


def _run(cells: list[str], tmp_path) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def test_lost_quote_gives_the_message_and_later_cells_still_work(tmp_path):
    nb = _run([HOOK.format('ui="fi"'),
               'outcome_1 = (\n    "Opiskelija osaa hinnoitella palveluja.\n)',
               'outcome_1 = (\n    "Opiskelija osaa hinnoitella palveluja."\n)\nprint(outcome_1)',
               HOOK.format('ui="fi"'),  # run twice (Run All again): still one hook
               'get_ipython().input_transformers_post.__len__()'], tmp_path)
    (error,) = nb.cells[1].outputs
    assert error.output_type == "error" and error.ename == "UnreadableCell"
    shown = "\n".join(error.traceback)
    assert t("cells.quote-missing", "fi") in shown
    assert "SyntaxError" not in shown and "Traceback" not in shown
    assert nb.cells[2].outputs[0].text == "Opiskelija osaa hinnoitella palveluja.\n"
    hooks = [o for o in nb.cells[4].outputs if o.output_type == "execute_result"]
    before = _run(["get_ipython().input_transformers_post.__len__()"], tmp_path)
    baseline = int(before.cells[0].outputs[0].data["text/plain"])
    assert int(hooks[0].data["text/plain"]) == baseline + 1


def test_the_assignment_notebook_stops_there_with_the_message(tmp_path):
    """The outcomes assignment as handed out, with a quote deleted: Run All stops at the answer."""
    source = REPO / "assignments" / "source" / "outcomes" / "outcomes.ipynb"
    nb = nbformat.read(source, as_version=4)
    answer = next(c for c in nb.cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") == "answer_outcomes")
    first = answer.source.index('"', answer.source.index("outcome_1"))
    answer.source = answer.source[:first] + answer.source[first + 1:]
    client = NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(tmp_path)}})
    with pytest.raises(CellExecutionError) as stopped:
        client.execute()
    assert t("cells.quote-missing", "en") in str(stopped.value)
    assert "SyntaxError" not in str(stopped.value)
