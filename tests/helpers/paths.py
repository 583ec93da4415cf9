"""Where things are: the repository, and the programs of the environment running the tests."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the venv's bin: nbgrader, jupyter-book, jupyter


def program(name: str) -> str:
    """Path of a program installed next to the running Python (falls back to the bare name)."""
    path = BIN / name
    return str(path) if path.exists() else name
