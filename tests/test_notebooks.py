"""Every practice notebook is findable (welcome table, book contents), short and stored clean."""

from __future__ import annotations

import nbformat
import pytest

from tests.helpers.paths import REPO
from tests.test_book import toc_files

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SOURCES = sorted((REPO / "assignments" / "source").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_in_the_book_and_the_welcome_table(path):
    assert f"notebooks/{path.stem}" in toc_files()
    welcome = (REPO / "notebooks" / "welcome.ipynb").read_text(encoding="utf-8")
    assert path.name == "welcome.ipynb" or f"]({path.name})" in welcome


@pytest.mark.parametrize("path", NOTEBOOKS + SOURCES, ids=lambda p: p.name)
def test_notebook_is_valid_and_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name
