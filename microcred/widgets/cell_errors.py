"""Plain words instead of Python's SyntaxError in an assignment notebook.

The assignments' first code cell calls :func:`explain_answer_errors`. From then on, a cell Python
cannot read (a quote or bracket lost while editing an answer) stops with a short message in the
screen language (``microcred.grading.cell_syntax``) instead of a traceback. The cell still counts
as failed, so "Run All" stops there and nbgrader's autograde gives that cell no credit, as before.
"""

from __future__ import annotations

import ast
from typing import Any

from ..grading.cell_syntax import explain
from ..settings import screen_language

_FLAGS = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


class UnreadableCell(Exception):
    """Raised in place of a cell Python cannot read; its text is the explanation."""


def _transformer(lang: str):
    """An IPython input transformer that swaps an unreadable cell for one raising the message."""

    def explain_unreadable(lines: list[str]) -> list[str]:
        source = "".join(lines)
        try:
            compile(source, "<cell>", "exec", _FLAGS)
        except SyntaxError as error:
            message = explain(source, error, lang)
            return [f"raise __import__({__name__!r}, fromlist=['_']).UnreadableCell({message!r})\n"]
        return lines

    explain_unreadable.microcred = True  # type: ignore[attr-defined]  # found again on re-run
    return explain_unreadable


def _show(shell: Any, etype: type, value: BaseException, tb: Any,
          tb_offset: int | None = None) -> list[str]:
    """Show the explanation alone, without a traceback. IPython leaves the display to a custom
    handler; ``_showtraceback`` is the hook ipykernel overrides to send the error to the page."""
    shown = [str(value)]
    shell._showtraceback(etype, value, shown)
    return shown


def explain_answer_errors(ui: str | None = None) -> None:
    """Turn on plain-language messages for unreadable cells in this kernel (safe to run twice)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:  # plain Python (e.g. a script): nothing to hook into
        return
    kept = [f for f in shell.input_transformers_post if not getattr(f, "microcred", False)]
    shell.input_transformers_post[:] = [*kept, _transformer(screen_language(ui=ui))]
    shell.set_custom_exc((UnreadableCell,), _show)
