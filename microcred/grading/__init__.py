"""What nbgrader test cells call: functions that print plain feedback and return a score.

One module per assignment, ``<assignment>_scorer.py``, named so that none shadows a core package
(``microcred.design``, ``microcred.qa``); the trainer's tools are in ``microcred.trainer``.
Rules of the house for these functions: return a number (nbgrader gives partial credit for a
numeric result), print feedback to stdout only (anything on stderr zeroes the cell), never raise
on a participant's answer, however odd.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

from ..i18n import LANGUAGES, t

# The text nbgrader puts between the quotes of a released answer cell (see
# assignments/nbgrader_config.py, which releases it in the notebook's language), and how a grader
# recognises "not answered" in any of the three languages.
ANSWER_STUB = t("grading.answer-stub", "en")
ANSWER_STUBS = frozenset(t("grading.answer-stub", lang) for lang in LANGUAGES)

# Assignment notebooks, released copies that participants keep included, import a scorer by its
# assignment's name (``from microcred.grading.design import score_workload``): that name stays
# importable as an alias of the scorer module (the same module object, not a copy).
ASSIGNMENT_SCORERS = {name: f"{name}_scorer"
                      for name in ("capstone", "credential", "design", "needs", "outcomes", "qa")}


def is_unanswered(answer: object) -> bool:
    """True for an answer left as released: the stub, an empty string, or not a string at all."""
    return not isinstance(answer, str) or not answer.strip() or answer.strip() in ANSWER_STUBS


class _AliasLoader(importlib.abc.Loader):
    """Loads ``microcred.grading.<assignment>`` as the scorer module itself."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self._spec = module.__spec__  # the import system sets the alias's spec; put it back
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self._spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Finds the assignment names of :data:`ASSIGNMENT_SCORERS` (after every other finder)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != __name__ or name not in ASSIGNMENT_SCORERS:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(f"{__name__}.{ASSIGNMENT_SCORERS[name]}"))


if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
    sys.meta_path.append(_AliasFinder())
