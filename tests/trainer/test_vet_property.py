"""The vetting rule as a property (issue 15): for any notebook, what the vetting passes is run
by nbgrader as nothing but literal assignments.

Hypothesis makes notebooks from the released one: cells changed to other types, given other
grade ids or tags, and filled with snippets of Python, IPython syntax and prose. For each one
the vetting passes, nbgrader's own sanitising steps (DeduplicateIds, OverwriteCells, with a
gradebook made from the source notebook) are applied as ``nbgrader autograde`` applies them,
and IPython's own shell transforms every code cell that would run: each must parse as Python
made of plain names assigned literal values.
"""

from __future__ import annotations

import ast
import copy

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.trainer.vet import vet_notebook
from tests.trainer.test_vet import released

SNIPPETS = [
    'outcome_1 = "text"', "outcome_1 = ('a'\n 'b')", "x = [1, -2.5, None, {'k': (True,)}]",
    "import os", "__import__('os').system('x')", "system touch x", "time 1", "cd /tmp",
    "outcome_1 = ! ls", "!ls", "%ls", "%%bash\nls", "x?", "/f x", ",f x", ";f x", "    x = 'a'",
    ">>> import os", "... , 1", "pwd", "x = y", "x = f'{y}'", "x = 1 + 1", "del x", "pass",
    "The participant can analyse.", "x = (", "", "# comment", "outcome_1 = 'a' # ?",
    "get_ipython().system('x')", "exec('1')", "x = [i for i in 'a']", "lambda: 1",
    "x = 'a'\nimport os", "x, y = 'a', 'b'", "(x) = 'a'", "x = y = 'a'", "x: str = 'a'",
]


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    """A gradebook holding the released cells, as ``nbgrader generate_assignment`` makes it."""
    from nbgrader.api import Gradebook
    from nbgrader.preprocessors import ComputeChecksums, SaveCells

    url = f"sqlite:///{tmp_path_factory.mktemp('gb') / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.update_or_create_assignment("outcomes")
    resources = {"nbgrader": {"db_url": url, "assignment": "outcomes", "notebook": "outcomes"}}
    nb, _ = ComputeChecksums().preprocess(released(), copy.deepcopy(resources))
    SaveCells().preprocess(nb, copy.deepcopy(resources))
    return resources


def as_autograde_runs(nb, resources):
    """The notebook after nbgrader's sanitising steps of ``autograde``."""
    from nbgrader.preprocessors import DeduplicateIds, OverwriteCells

    nb = copy.deepcopy(nb)
    nb, _ = DeduplicateIds().preprocess(nb, copy.deepcopy(resources))
    nb, _ = OverwriteCells().preprocess(nb, copy.deepcopy(resources))
    return nb


def literal_only(code: str) -> bool:
    """Only ``name = literal`` statements and bare literals (an independent, strict check)."""
    tree = ast.parse(code)
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.Expr)) else None
        if isinstance(stmt, ast.Pass):
            continue
        if value is None:
            return False
        if isinstance(stmt, ast.Assign) and not all(
                isinstance(n, ast.Name) for t in stmt.targets for n in
                ([t] if isinstance(t, ast.Name) else getattr(t, "elts", [None]))):
            return False
        try:
            ast.literal_eval(value)
        except ValueError:
            if not (isinstance(value, ast.JoinedStr) and all(
                    isinstance(v, ast.Constant) for v in value.values)):
                return False
    return True


@st.composite
def notebooks(draw):
    nb = released()
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    for cell in nb.cells:
        if draw(st.integers(0, 3)) == 0:
            cell.source = "\n".join(draw(st.lists(st.sampled_from(SNIPPETS), max_size=3)))
        if draw(st.integers(0, 5)) == 0:
            kind = draw(st.sampled_from(["code", "markdown", "raw"]))
            cell.cell_type = kind
            if kind == "code":
                cell.outputs, cell.execution_count = [], None
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        if draw(st.integers(0, 6)) == 0 and "nbgrader" in cell.metadata:
            cell.metadata.nbgrader["grade_id"] = draw(st.sampled_from([*filter(None, ids),
                                                                       "other"]))
        if draw(st.integers(0, 6)) == 0:
            cell.metadata["tags"] = draw(st.lists(st.sampled_from(
                ["skip-execution", "raises-exception", "x"]), max_size=2))
    if draw(st.booleans()):
        extra = nbformat.v4.new_code_cell(draw(st.sampled_from(SNIPPETS)))
        nb.cells.insert(draw(st.integers(0, len(nb.cells))), extra)
    return nb


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nb=notebooks())
def test_what_the_vetting_passes_runs_only_as_literal_assignments(nb, gradebook):
    from IPython.core.interactiveshell import InteractiveShell

    findings = vet_notebook(nbformat.writes(nb), released(), "outcomes.ipynb")
    if any(f.severity == "error" for f in findings):
        return
    shell = InteractiveShell.instance()
    locked = {c.source for c in released().cells
              if c.metadata.get("nbgrader", {}).get("locked")}
    try:
        graded = as_autograde_runs(nb, gradebook)
    except Exception:  # noqa: BLE001  (nbgrader stops on this notebook: nothing of it runs)
        return
    for cell in graded.cells:
        if cell.cell_type != "code" or not cell.source.strip() or cell.source in locked:
            continue
        ran = shell.transform_cell(cell.source)
        assert literal_only(ran), f"vetting passed, but autograde would run {ran!r}"
