"""Grades out of the gradebook: into Moodle, into Canvas, and into a spreadsheet.

Three formats, each built from its platform's public documentation:

- ``moodle``: Moodle's *Import grades from CSV* (MoodleDocs, "Grade import",
  https://docs.moodle.org/en/Grade_import). Moodle reads a CSV with a header row, lets the
  trainer map one column to a user field ("Map from" *Email address* to "Map to" *useremail*, or
  *ID number* to *useridnumber*) and each other column to a grade item (an existing one, or a new
  one). The import format is the export format (*Export → Plain text file*: the columns
  *First name, Last name, ID number, Institution, Department, Email address*, then one
  ``Assignment: NAME (Real)`` column per grade item, then *Last downloaded from this course*).
  Grades are plain numbers with a point; an empty cell leaves Moodle's grade as it is.
- ``canvas``: the Canvas Gradebook's *Import* (Instructure Community, Instructor Guide, "How do I
  import grades in the Gradebook?", https://community.canvaslms.com/t5/Instructor-Guide/
  How-do-I-import-grades-in-the-Gradebook/ta-p/807). The file is the Gradebook's own export:
  *Student* (last name, first name), *ID* (the Canvas user id), *SIS User ID*, *SIS Login ID*,
  *Section*, then one column per assignment named ``NAME (ASSIGNMENT ID)``; the second row of an
  export is *Points Possible*. Canvas matches a row on ID, SIS User ID or SIS Login ID; a column
  without an assignment id makes a new assignment; the read-only total columns are ignored.
- ``excel``: the register's rows (id, name, assignment, score, max, passed) for a spreadsheet in
  Finnish or Swedish settings: UTF-8 *with* a byte-order mark (else Excel reads the file as
  Windows-1252 and shows "MeikÃ¤lÃ¤inen"), ``;`` between the fields (the list separator of those
  settings) and a decimal comma.

Both platforms recommend exporting the gradebook first and importing the edited file. With
``lms_file`` (that export) the export keeps the platform's file as it is and fills in only the
assignments' columns for the participants it finds; without it, a new file in the same shape.
Only final scores go to a platform: a submission waiting for manual grading, one the vetting
refused and one never handed in leave the cell empty (``missing_as_zero`` writes 0 for the last),
and the result lists them, so that nothing is overwritten by a number that is not a grade yet.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..spreadsheet import csv_text, number, platform_style
from ._text import tr
from .report import CSV_COLUMNS, GRADED, MISSING, GradingData, Row, _cell
from .versions import base_names

FORMATS = ("moodle", "canvas", "excel")
MOODLE_MATCH = ("email", "idnumber")
MOODLE_COLUMNS = ["First name", "Last name", "ID number", "Email address"]
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_POINTS = "Points Possible"
CANVAS_KEYS = ("ID", "SIS User ID", "SIS Login ID")
EXCEL_COLUMNS = CSV_COLUMNS  # the register's rows, as the grading report writes them
_ASSIGNMENT_ID = re.compile(r"^(?P<name>.+?)\s*\((?P<id>\d+)\)$")  # Canvas: "outcomes (12345)"
_MOODLE_ITEM = re.compile(r"^(?:[^:]+:\s*)?(?P<name>.+?)(?:\s*\([^()]*\))?$")  # "Assignment: x (Real)"


@dataclass
class Export:
    """A file for a platform or spreadsheet, and what the trainer should know about it."""

    format: str
    text: str  # the excel format starts with the byte-order mark
    rows: int = 0
    written: int = 0  # scores written
    blank: list[tuple[str, str, str]] = field(default_factory=list)  # student, assignment, status
    unmatched: list[str] = field(default_factory=list)  # participants the platform file lacks
    unknown_rows: int = 0  # platform rows no participant of the gradebook matches
    new_columns: list[str] = field(default_factory=list)  # assignments the platform file lacked
    unmatched_why: str = "not-in-file"  # why (a key of export.unmatched-why.*)

    def save(self, path: str | Path) -> Path:
        """Write the file in UTF-8, atomically (a failed write never leaves half a file)."""
        from ..files import write_text_atomic

        return write_text_atomic(path, self.text)


def export_grades(data: GradingData, fmt: str, assignments: list[str] | None = None,
                  pass_mark: float = 0.5, lms_file: str | None = None, match: str = "email",
                  missing_as_zero: bool = False, lang: str = "en") -> Export:
    """The grades of ``assignments`` (default: all) in format ``fmt`` (see :data:`FORMATS`).

    ``lms_file`` is the text of the platform's own gradebook export to fill in (Moodle, Canvas);
    ``match`` is Moodle's user field (``email`` or ``idnumber``, the roster id); ``lang`` is
    the language of the messages and of the spreadsheet's headings."""
    if fmt not in FORMATS:
        raise UserError(tr("export.unknown-format", lang, format=fmt, formats=", ".join(FORMATS)))
    chosen = _assignments(data, assignments, lang)
    if fmt == "excel":
        return spreadsheet(data, chosen, pass_mark, lang)
    scores = _final_scores(data, chosen, missing_as_zero)
    if fmt == "moodle":
        if match not in MOODLE_MATCH:
            raise UserError(tr("export.bad-match", lang, match=match,
                               choices=", ".join(MOODLE_MATCH)))
        return _moodle(data, chosen, scores, lms_file, match, lang)
    return _canvas(data, chosen, scores, lms_file, lang)


def _assignments(data: GradingData, assignments: list[str] | None, lang: str = "en") -> list[str]:
    chosen = base_names(assignments) if assignments else list(data.assignments)
    unknown = [a for a in chosen if a not in data.assignments]
    if unknown:
        raise UserError(tr("unknown-assignment", lang, names=", ".join(unknown),
                           known=", ".join(data.assignments) or "-"))
    if not chosen:
        raise UserError(tr("export.no-assignments", lang))
    return chosen


@dataclass
class _Scores:
    values: dict[tuple[str, str], float] = field(default_factory=dict)  # (student, assignment)
    blank: list[tuple[str, str, str]] = field(default_factory=list)


def _final_scores(data: GradingData, assignments: list[str], missing_as_zero: bool) -> _Scores:
    """The scores that are grades: graded submissions (and 0 for none, when asked)."""
    out = _Scores()
    for r in data.rows:
        if r.assignment not in assignments:
            continue
        if r.status == GRADED and r.score is not None:
            out.values[(r.student, r.assignment)] = r.score
        elif r.status == MISSING and missing_as_zero:
            out.values[(r.student, r.assignment)] = 0.0
        else:
            out.blank.append((r.student, r.assignment, r.status))
    return out


def _number(value: float | None, comma: bool = False) -> str:
    return number(value, "nordic" if comma else "platform")


# --- Moodle --------------------------------------------------------------------------------


def _moodle(data: GradingData, assignments: list[str], scores: _Scores, lms_file: str | None,
            match: str, lang: str = "en") -> Export:
    result = Export("moodle", "", blank=scores.blank)
    if lms_file is None:
        if match == "email":
            result.unmatched = sorted(sid for sid, p in data.people.items() if not p.email)
            result.unmatched_why = "no-email"
        header = [*MOODLE_COLUMNS, *assignments]
        lines = [header]
        for sid, p in sorted(data.people.items()):
            values = [scores.values.get((sid, a)) for a in assignments]
            result.written += sum(v is not None for v in values)
            lines.append([_cell(p.first_name), _cell(p.last_name), _cell(sid), _cell(p.email),
                          *(_number(v) for v in values)])
        result.rows = len(lines) - 1
        result.text = csv_text(lines, "platform")
        return result
    rows, delimiter = _read_platform_csv(lms_file, "Moodle", lang)
    header = rows[0]
    key = "Email address" if match == "email" else "ID number"
    col = _column(header, key, "Moodle", "Export → Plain text file", lang)
    columns = _item_columns(header, assignments, _MOODLE_ITEM, result)
    by_key = ({p.email.casefold(): sid for sid, p in data.people.items() if p.email}
              if match == "email" else {sid.casefold(): sid for sid in data.people})
    found = _fill(rows[1:], col, by_key, columns, scores, result, header)
    result.unmatched = sorted(set(data.people) - found)
    result.rows = len(rows) - 1
    result.text = csv_text(rows, platform_style(delimiter))
    return result


# --- Canvas --------------------------------------------------------------------------------


def _canvas(data: GradingData, assignments: list[str], scores: _Scores,
            lms_file: str | None, lang: str = "en") -> Export:
    result = Export("canvas", "", blank=scores.blank)
    if lms_file is None:
        lines = [[*CANVAS_COLUMNS, *assignments],
                 [f"    {CANVAS_POINTS}", "", "", "", "",
                  *(_number(data.max_scores[a]) for a in assignments)]]
        for sid, p in sorted(data.people.items()):
            student = ", ".join(x for x in (p.last_name, p.first_name) if x) or sid
            canvas_id, login = (sid, "") if sid.isdigit() else ("", sid)
            values = [scores.values.get((sid, a)) for a in assignments]
            result.written += sum(v is not None for v in values)
            lines.append([_cell(student), canvas_id, "", _cell(login), "",
                          *(_number(v) for v in values)])
        result.rows = len(lines) - 2
        result.text = csv_text(lines, "platform")
        return result
    rows, delimiter = _read_platform_csv(lms_file, "Canvas", lang)
    header = rows[0]
    keys = [i for i, h in enumerate(header) if h.strip() in CANVAS_KEYS]
    if not keys:
        raise UserError(tr("export.canvas-no-key", lang))
    columns = _item_columns(header, assignments, _ASSIGNMENT_ID, result)
    body = [r for r in rows[1:] if not (r and r[0].strip() == CANVAS_POINTS)]
    points = [r for r in rows[1:] if r and r[0].strip() == CANVAS_POINTS]
    for row in points:  # a new column gets its maximum in the Points Possible row
        for a, n in columns.items():
            if a in result.new_columns:
                _set(row, n, _number(data.max_scores[a]))
    by_id = {sid.casefold(): sid for sid in data.people}
    found = _fill(body, keys, by_id, columns, scores, result, header)
    result.unmatched = sorted(set(data.people) - found)
    result.rows = len(body)
    result.text = csv_text(rows, platform_style(delimiter))
    return result


# --- platform files ------------------------------------------------------------------------


def _read_platform_csv(text: str, platform: str, lang: str = "en") -> tuple[list[list[str]], str]:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UserError(tr("export.empty-file", lang, platform=platform))
    first = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip()
                                                                                for c in r)]
    return rows, delimiter


def _column(header: list[str], name: str, platform: str, how: str, lang: str = "en") -> int:
    for n, h in enumerate(header):
        if h.strip().casefold() == name.casefold():
            return n
    raise UserError(tr("export.no-column", lang, platform=platform, column=name,
                       columns=", ".join(header), how=how))


def _item_columns(header: list[str], assignments: list[str], pattern: re.Pattern,
                  result: Export) -> dict[str, int]:
    """The platform's column of each assignment; a missing one is added at the end."""
    columns: dict[str, int] = {}
    for a in assignments:
        for n, h in enumerate(header):
            m = pattern.match(h.strip())
            if h.strip() == a or (m and m.group("name").strip().casefold() == a.casefold()):
                columns[a] = n
                break
        else:
            header.append(a)
            columns[a] = len(header) - 1
            result.new_columns.append(a)
    return columns


def _fill(rows: list[list[str]], key_cols: int | list[int], by_key: dict[str, str],
          columns: dict[str, int], scores: _Scores, result: Export,
          header: list[str]) -> set[str]:
    """Write the scores into the platform's rows; return the participants found."""
    key_cols = [key_cols] if isinstance(key_cols, int) else key_cols
    found: set[str] = set()
    for row in rows:
        sid = next((by_key[row[k].strip().casefold()] for k in key_cols
                    if k < len(row) and row[k].strip().casefold() in by_key), None)
        if sid is None:
            result.unknown_rows += 1
            continue
        found.add(sid)
        for a, n in columns.items():
            value = scores.values.get((sid, a))
            if value is not None:
                _set(row, n, _number(value))
                result.written += 1
    for row in rows:  # every row as long as the header
        row.extend([""] * (len(header) - len(row)))
    return found


def _set(row: list[str], n: int, value: str) -> None:
    row.extend([""] * (n + 1 - len(row)))
    row[n] = value


# --- spreadsheet ---------------------------------------------------------------------------


def spreadsheet(data: GradingData, assignments: list[str] | None = None,
                pass_mark: float = 0.5, lang: str = "en") -> Export:
    """The register's rows for Excel in Finnish or Swedish settings (BOM, ``;``, 0,5), with
    the headings and the ``passed`` words in ``lang``."""
    chosen = assignments or data.assignments
    lines = [[tr(f"csv.{c}", lang) for c in EXCEL_COLUMNS]]
    rows: list[Row] = [r for r in data.rows if r.assignment in chosen]
    for r in rows:
        lines.append([_cell(r.student), _cell(r.name), _cell(r.assignment),
                      _number(r.score, comma=True), _number(r.max_score, comma=True),
                      tr(f"passed.{r.passed(pass_mark)}", lang)])
    return Export("excel", csv_text(lines, "nordic"), rows=len(rows),
                  written=sum(r.score is not None for r in rows))


def format_export(result: Export, path: Path, lang: str = "en") -> str:
    """What the trainer should know about the file: where, how many, what was left empty."""
    lines = [tr("export.summary", lang, format=result.format, path=path.resolve(),
                rows=result.rows, scores=result.written)]
    if result.new_columns:
        lines.append(tr("export.new-columns", lang, names=", ".join(result.new_columns)))
    if result.blank:
        by_status: dict[str, list[str]] = {}
        for sid, a, status in result.blank:
            by_status.setdefault(status, []).append(f"{sid} ({a})")
        for status, who in sorted(by_status.items()):
            lines.append(tr("export.left-empty", lang, status=tr(f"status.{status}", lang),
                            who=", ".join(who)))
    if result.unmatched:
        lines.append(tr("export.unmatched", lang, n=len(result.unmatched),
                        why=tr(f"export.unmatched-why.{result.unmatched_why}", lang),
                        who=", ".join(result.unmatched)))
    if result.unknown_rows:
        lines.append(tr("export.unknown-rows", lang, n=result.unknown_rows))
    if result.format in ("moodle", "canvas"):
        lines.append(tr(f"export.how-{result.format}", lang))
    return "\n".join(lines)
