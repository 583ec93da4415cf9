"""The scorers' names: none shadows a core module, and every import an assignment notebook's
test cell makes (``from microcred.grading.design import score_workload``) still works."""

from __future__ import annotations

import ast
import importlib
import pkgutil

import nbformat
import pytest

import microcred
import microcred.grading
import microcred.trainer
from microcred.grading import ASSIGNMENT_SCORERS
from tests.helpers.paths import REPO

NOTEBOOKS = sorted((REPO / "assignments" / "source").glob("*/*.ipynb"))


def _grading_imports(path) -> list[tuple[str, list[str]]]:
    """(module, names) of every ``from microcred.grading... import ...`` in the code cells."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue  # IPython syntax: no import of ours there
        found += [(node.module, [alias.name for alias in node.names]) for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom) and node.module
                  and node.module.startswith("microcred.grading")]
    return found


def test_notebooks_import_scorers() -> None:
    assert NOTEBOOKS
    assert sum(bool(_grading_imports(path)) for path in NOTEBOOKS) >= len(ASSIGNMENT_SCORERS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_every_import_of_a_notebook_works(path) -> None:
    for module_name, names in _grading_imports(path):
        module = importlib.import_module(module_name)
        missing = [name for name in names if not hasattr(module, name)]
        assert not missing, f"{path.name}: {module_name} has no {missing}"


@pytest.mark.parametrize("assignment", sorted(ASSIGNMENT_SCORERS))
def test_assignment_name_is_the_scorer_itself(assignment: str) -> None:
    alias = importlib.import_module(f"microcred.grading.{assignment}")
    scorer = importlib.import_module(f"microcred.grading.{ASSIGNMENT_SCORERS[assignment]}")
    assert alias is scorer
    assert scorer.__spec__.name == scorer.__name__  # the alias left the module's own spec
    assert any(name.startswith("score_") for name in vars(scorer))


def test_unknown_name_is_still_an_import_error() -> None:
    with pytest.raises(ImportError):
        importlib.import_module("microcred.grading.nothing_here")


@pytest.mark.parametrize("package", [microcred.grading, microcred.trainer],
                         ids=lambda p: p.__name__)
def test_no_module_is_named_after_a_core_module(package) -> None:
    core = {m.name for m in pkgutil.iter_modules(microcred.__path__)}
    own = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert own, package.__name__
    assert not own & core, f"{package.__name__} shadows core modules: {sorted(own & core)}"
