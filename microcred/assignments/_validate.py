"""nbgrader's Validator on a saved notebook, its structured result worded in the screen language."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..settings import screen_language
from ._exchange import _ANSI, _QUIET, Result, _config, _finding, _one_line, _t

# nbgrader's Validator says these in English in a failed cell's error text (validator.py,
# preprocessors/execute.py); they are matched, never shown.
_NO_RESPONSE = "You did not provide a response."
_PARTIAL = "Partial credit; passed some but not all of the tests"
_TIMEOUT = "CellTimeoutError"
_STOPPED = (_TIMEOUT, "KeyboardInterrupt")


def validate(notebook: str | os.PathLike[str], folder: str | os.PathLike[str] = ".",
             lang: str | None = None) -> Result:
    """Run a saved notebook's automatic checks as nbgrader's *Validate* does, and say which
    cells need work (a finding per cell, named by the text above it, as the participant finds
    it; its number from the top, which JupyterLab does not show, is the finding's element)."""
    lang = screen_language(ui=lang)
    from nbgrader.nbgraderformat import SchemaTooNewError, SchemaTooOldError
    from nbgrader.validator import Validator

    path = Path(folder, notebook).resolve()
    if not path.is_file():
        return Result(findings=(_finding("no-notebook", lang, name=str(notebook)),))
    cells = _read_cells(path)
    if cells is None:
        return Result(findings=(_finding("unreadable", lang, name=path.name),))
    if not any((c.get("metadata") or {}).get("nbgrader") for c in cells):
        return Result(findings=(_finding("no-cells", lang, name=path.name),))

    class Kept(Validator):
        """nbgrader's Validator, keeping the notebook it ran (to find a cell it stopped)."""

        ran: Any = None

        def _preprocess(self, nb: Any) -> Any:
            self.ran = super()._preprocess(nb)
            return self.ran

    try:
        validator = Kept(config=_config(path.parent), log=_QUIET)
        results = validator.validate(str(path))
    except SchemaTooOldError:
        return Result(findings=(_finding("schema-old", lang, name=path.name),))
    except SchemaTooNewError:
        return Result(findings=(_finding("schema-new", lang, name=path.name),))
    except Exception as error:
        return Result(findings=(_finding("exchange-failed", lang, detail=_one_line(error)),))
    stopped = _stopped(validator.ran.cells if validator.ran is not None else [])
    findings = [*(_about("too-long", lang, cells, n) for n in stopped),
                *(_about("type-changed", lang, cells, _cell(cells, r))
                  for r in results.get("type_changed", ())),
                *(_about("test-changed", lang, cells, _cell(cells, r))
                  for r in results.get("changed", ())),
                *(f for r in results.get("failed", ())
                  if (f := _failed(cells, r, lang, validator.ran)).element not in stopped)]
    return Result(done="" if findings else _t("validated", lang, name=path.name),
                  findings=tuple(findings))


def _stopped(cells: list[Any]) -> list[str]:
    """Numbers of the cells the run stopped for taking too long (nbgrader interrupts the kernel
    at ``Execute.timeout``: the cell ends in KeyboardInterrupt or nbgrader's CellTimeoutError)."""
    return [str(n) for n, cell in enumerate(cells, start=1)
            if any(o.get("output_type") == "error" and o.get("ename") in _STOPPED
                   for o in cell.get("outputs", ()))]


def _read_cells(path: Path) -> list[dict[str, Any]] | None:
    """The notebook's cells, or None when the file is no notebook (edited outside JupyterLab)."""
    import json

    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells")
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return None
    return cells if isinstance(cells, list) and all(isinstance(c, dict) for c in cells) else None


def _cell(cells: list[dict[str, Any]], result: dict[str, Any]) -> str:
    """The number JupyterLab shows for the cell whose source nbgrader gives (1 = first)."""
    wanted = result.get("source", "").strip()
    for n, cell in enumerate(cells, start=1):
        if _text(cell).strip() == wanted:
            return str(n)
    return "?"


def _failed(cells: list[dict[str, Any]], result: dict[str, Any], lang: str,
            ran: Any = None) -> Finding:
    """One failed cell in our words: no answer, no or part of the points (as nbgrader counts
    them from the run), stopped as too long, or an error (Python's own last line, the error's
    name, is kept: it is what a search finds)."""
    n = _cell(cells, result)
    error = _ANSI.sub("", result.get("raw_error", ""))
    if _TIMEOUT in error:
        return _about("too-long", lang, cells, n)
    if _NO_RESPONSE in error:
        return _about("no-answer", lang, cells, n)
    if _PARTIAL in error:
        score, points = _points(ran, n)
        if score is None:
            return _about("partial", lang, cells, n, score="?", points="?")
        if score == 0:
            return _about("no-points", lang, cells, n, points=_number(points, lang))
        return _about("partial", lang, cells, n, score=_number(score, lang),
                      points=_number(points, lang))
    last = [line.strip() for line in error.splitlines() if line.strip()]
    return _about("cell-error", lang, cells, n, error=last[-1] if last else "?")


def _about(code: str, lang: str, cells: list[dict[str, Any]], n: str, **fields: object) -> Finding:
    """A finding on cell ``n``, named by the text above it (JupyterLab shows no cell numbers)."""
    return _finding(code, lang, n, cell=n, place=_place(cells, n), **fields)


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")
_WORDS = 8


def _place(cells: list[dict[str, Any]], n: str) -> str:
    """Where the participant finds cell ``n``: the heading of the nearest text cell above it,
    or that cell's first words when it has no heading (a question under a heading shared with
    another); the cell's own first words when no text is above it."""
    if not n.isdigit():
        return "?"
    index = int(n) - 1
    above = [c for c in cells[:index] if c.get("cell_type") == "markdown" and _text(c).strip()]
    text = _text(above[-1]) if above else _text(cells[index]) if index < len(cells) else ""
    heading = _HEADING.match(text.lstrip("\n"))
    if heading:
        return _plain(heading.group(1))
    words = _plain(text).split()
    return " ".join(words[:_WORDS]) + (" …" if len(words) > _WORDS else "") if words else "?"


def _text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _plain(text: str) -> str:
    """Markdown's emphasis, code marks and links as the rendered page reads them."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())


def _points(ran: Any, n: str) -> tuple[float | None, float]:
    """nbgrader's score and points of the run's cell ``n`` (None when it cannot tell)."""
    from nbgrader.utils import determine_grade, is_grade

    try:
        cell = ran.cells[int(n) - 1]
        if is_grade(cell):
            score, points = determine_grade(cell)
            return (None if score is None else float(score)), float(points)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        pass
    return None, 0.0


def _number(value: float, lang: str) -> str:
    from ..numbers import format_number

    return format_number(round(value, 2), lang, decimals=2)
