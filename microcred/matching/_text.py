"""The matching as a plain-text table, for ``print(format_match(result))`` in a notebook and for
the command line."""

from __future__ import annotations

from ..findings import as_lines
from ..i18n import t
from ..numbers import format_spec
from ..settings import screen_language
from ._match import MatchResult


def format_match(result: MatchResult, lang: str | None = None) -> str:
    """One row per need (its best outcome, score, status and text), the findings, then a
    summary line, in ``lang`` (None: the screen language)."""
    lang = screen_language(ui=lang)
    head = [t(f"matching.table.{key}", lang) for key in ("need", "score", "status", "best")]
    table = result.rows(lang)
    statuses = [t(f"matching.status.{row['status']}", lang) for row in table]
    width = [max([len(head[0]), *(len(r["need"]) for r in table)]), max(len(head[1]), 5),
             max([len(head[2]), *map(len, statuses)]),
             max([len(head[3]), *(len(r["best"] or "-") for r in table)])]
    rows = ["  ".join(f"{h:{w}}" for h, w in zip(head, width, strict=True))]
    for row, status in zip(table, statuses, strict=True):
        count = f" (x{row['count']})" if row["count"] > 1 else ""
        text = row["text"] if len(row["text"]) <= 60 else row["text"][:57] + "..."
        rows.append(f"{row['need']:{width[0]}}  {format_spec(row['score'], '.2f', lang):>{width[1]}}  "
                    f"{status:{width[2]}}  {(row['best'] or '-'):{width[3]}}  {text}{count}")
    findings = result.findings(lang)
    # As every report writes findings: severity and message, not the code ("uncovered").
    rows += as_lines(findings, indent="", lang=lang) if findings else []
    covered = len(result.needs) - len(result.uncovered_needs)
    rows.append("")
    rows.append(t("matching.summary", lang, covered=covered, total=len(result.needs),
                  percent=round(100 * result.coverage), unasked=len(result.unrequested_outcomes)))
    return "\n".join(rows)
