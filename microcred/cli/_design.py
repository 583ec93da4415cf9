"""What the commands that read a design file share (workload, alignment, pathway): their common
options, reading the file with its section, saving a chart and listing findings."""

from __future__ import annotations

import argparse
from typing import Any

from .. import design
from ..errors import UserError
from ..files import write_bytes_atomic
from ..findings import Finding
from ..i18n import LANGUAGES, t
from ._io import read_text
from ._parser import building_language


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Options every design-file command has: message language, JSON, a chart file."""
    p.add_argument("--lang", choices=LANGUAGES, default=building_language(), help=helptext("lang"))
    p.add_argument("--json", action="store_true", help=helptext("json"))
    p.add_argument("--chart", metavar="PNG", help=helptext("chart"))


def helptext(key: str, **fields: object) -> str:
    """The help text ``cli.help.<key>`` in the screen language (the parsers are built before
    ``--lang`` is read; found once per build, ``_parser.building_in``)."""
    return t(f"cli.help.{key}", building_language(), **fields)


def format_findings(findings: tuple[Finding, ...] | list[Finding], lang: str) -> list[str]:
    """Findings as lines in ``lang`` (severity word, code, message), or a line saying there
    are none."""
    if not findings:
        return ["", t("common.ok", lang)]
    lines = [""]
    for f in findings:
        lines.append(f"{t(f'common.{f.severity}', lang)}: {f.code}: {f.message}")
        if f.suggestion:
            lines.append(f"  -> {f.suggestion}")
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append("\n" + t("cli.findings.summary", lang, errors=errors,
                           warnings=len(findings) - errors))
    return lines


def read_design(path: str, section: str, lang: str = "en") -> dict[str, Any]:
    """The design file at ``path`` (``-``: stdin) read as `design.load` reads it (migrated to
    the current version); a UserError if it cannot be read or has no ``section``."""
    source = "stdin" if path == "-" else path
    doc = design.loads(read_text(path, lang), source, lang)
    if section not in doc:
        found = [str(k) for k in doc if k in design.SECTIONS]
        raise UserError(t("cli.no-section", lang, source=source, section=section,
                          found=", ".join(found) or "-"))
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
