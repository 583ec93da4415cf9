"""Shared fixtures: temporary nbgrader courses; nothing here writes into the repository."""

from __future__ import annotations

import os

import pytest

from tests.helpers.course import Course
from tests.helpers.paths import BIN

# nbgrader runs helper programs (alembic) by name: the environment's bin must come first on PATH.
os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


@pytest.fixture
def course(tmp_path) -> Course:
    """A temporary copy of the repository's nbgrader course."""
    return Course.copy_of_repo(tmp_path)
