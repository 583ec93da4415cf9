"""The package's data files read the same with the fast C loader as with PyYAML's SafeLoader."""

from __future__ import annotations

import pytest
import yaml

from microcred import resources
from tests.helpers.paths import REPO

DATA = REPO / "microcred" / "data"
FILES = sorted(DATA.rglob("*.yaml"))


def test_there_are_data_files():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_fast_loader_reads_what_safe_loader_reads(path):
    parts = path.relative_to(DATA).parts
    assert resources.load_yaml(*parts) == yaml.safe_load(path.read_text(encoding="utf-8"))
