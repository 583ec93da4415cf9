"""What the commands that read a design file share (workload, alignment, pathway): their common
options, reading the file with its section, saving a chart and listing findings."""

from __future__ import annotations

import argparse
from typing import Any

from .. import design
from ..errors import UserError
from ..files import write_bytes_atomic
from ..findings import Finding
from ..i18n import LANGUAGES
from ._io import read_text


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Options every design-file command has: message language, JSON, a chart file."""
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument("--chart", metavar="PNG", help="also save the chart as a PNG file")


def format_findings(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """Findings as indented lines, or a line saying there are none."""
    if not findings:
        return ["\nno problems found"]
    lines = [""]
    for f in findings:
        lines.append(f"{f.severity}: {f.code}: {f.message}")
        if f.suggestion:
            lines.append(f"  -> {f.suggestion}")
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(f"\n{errors} error(s), {len(findings) - errors} warning(s)")
    return lines


def read_design(path: str, section: str, lang: str = "en") -> dict[str, Any]:
    """The design file at ``path`` (``-``: stdin) read as `design.load` reads it (migrated to
    the current version); a UserError if it cannot be read or has no ``section``."""
    source = "stdin" if path == "-" else path
    doc = design.loads(read_text(path, lang), source, lang)
    if section not in doc:
        found = [str(k) for k in doc if k in design.SECTIONS]
        raise UserError(f"{source}: no '{section}:' section (sections found: "
                        f"{', '.join(found) or 'none'})")
    return doc


def save_chart(fig: Any, path: str) -> None:
    """Write a figure as PNG; a UserError if the file cannot be written."""
    from ..charts import to_png

    write_bytes_atomic(path, to_png(fig))


def load_section(reader: Any, doc: dict[str, Any], path: str) -> Any:
    """Call a ``from_design`` reader, turning its ValueError into a one-line UserError."""
    try:
        return reader(doc)
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from None
