"""Reading lists of needs or outcomes: YAML, JSON, CSV or one item a line."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from ..reading import parse_yaml

if TYPE_CHECKING:

    pass

_TEXT_KEYS = ("text", "need", "skill", "requirement", "outcome", "preferredLabel", "label",
              "title", "name")


def parse_items(text: str, filename: str = "") -> list[Any] | dict[str, list[Any]]:
    """Needs or outcomes from the text of a file: one a line (.txt), a CSV with a text column,
    or YAML (a list; a canvas or design file with ``needs:``/``outcomes:``; or credential title
    -> list). Raises ``UserError`` with a plain message when the content cannot be read."""

    name = filename.lower()
    stripped = text.lstrip("\ufeff")
    if name.endswith((".csv", ".tsv")):
        return _parse_csv(stripped, "\t" if name.endswith(".tsv") else None)
    if name.endswith((".yaml", ".yml", ".json")):
        data = parse_yaml(stripped, filename)
        return _from_data(data, filename)
    return [line for line in stripped.splitlines() if line.strip()]


def parse_grouped(text: str) -> list[str] | dict[str, list[str]]:
    """Outcomes typed one a line, where a line ending in a colon starts a new micro-credential
    ("Data protection, 2 cr:"). Without such lines, a plain list."""
    groups: dict[str, list[str]] = {}
    current = ""
    for line in str(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":") and len(line) > 1:
            current = line[:-1].strip()
            groups.setdefault(current, [])
        else:
            groups.setdefault(current, []).append(line)
    if list(groups) in ([], [""]):
        return groups.get("", [])
    return groups


def _from_data(data: Any, filename: str) -> list[Any] | dict[str, list[Any]]:
    from ..errors import UserError

    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("needs"), dict):  # a canvas or a whole design file
            from ..needs import from_dict

            return [{"id": n.id, "text": n.text} for n in from_dict(data).needs]
        if isinstance(data.get("outcomes"), list):  # the outcomes: section of a design file
            return data["outcomes"]
        for key in ("needs", "competence_needs", "skills"):
            if isinstance(data.get(key), list):
                return data[key]
        if all(isinstance(v, list) for v in data.values()):
            return {str(k): v for k, v in data.items()}
    raise UserError(
        f"{filename}: expected a list, a design file with needs: or outcomes:, or "
        "credential title -> list of outcomes"
    )


def _parse_csv(text: str, delimiter: str | None) -> list[dict[str, str]]:
    from ..errors import UserError

    if not text.strip():
        return []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=delimiter or ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    lowered = [h.lower() for h in header]
    col = next((lowered.index(k.lower()) for k in _TEXT_KEYS if k.lower() in lowered), None)
    id_col = lowered.index("id") if "id" in lowered else None
    if col is None:  # no header we know: the first column, and the first row is data
        col, body = 0, rows
    else:
        body = rows[1:]
    if not body and col is None:
        raise UserError("the CSV file has no rows")
    out = []
    for row in body:
        if len(row) > col and row[col].strip():
            ident = row[id_col].strip() if id_col is not None and len(row) > id_col else ""
            out.append({"id": ident, "text": row[col].strip()})
    return out
