"""Read the data files shipped inside the package (lexicons, criteria, strings, examples)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# The package's own files are trusted and only read: libyaml's C parser reads them about ten
# times faster (every kernel reads the lexicons and strings at start). Users' files are read
# with ``reading.safe_load``: libyaml's successes, the pure-Python SafeLoader's errors.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_file(*parts: str) -> Traversable:
    """Path-like handle of a file under ``microcred/data``."""
    return files("microcred").joinpath("data", *parts)


@cache
def load_yaml(*parts: str) -> Any:
    """Parse a YAML data file once and keep it (data files never change at run time)."""
    return yaml.load(data_file(*parts).read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506


def data_names(folder: str, suffix: str = ".yaml") -> list[str]:
    """Names (without suffix) of the data files in a folder, sorted."""
    return sorted(
        p.name[: -len(suffix)] for p in data_file(folder).iterdir() if p.name.endswith(suffix)
    )
