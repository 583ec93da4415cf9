"""``python -m microcred outcomes FILE``: check learning outcomes written one a line."""

from __future__ import annotations

import argparse
import json

from ..lexicon import LANGUAGES
from ..outcomes import OutcomeAnalysis, analyse, outcome_statements
from ._io import read_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "outcomes",
        help="check learning outcomes (one a line)",
        description="Check learning outcomes written one a line. Exit code 1 if any has an error.",
    )
    p.add_argument("file", help="text file with one outcome a line, or - for stdin")
    p.add_argument("--language", choices=LANGUAGES, help="force the language (default: detect)")
    p.add_argument("--json", action="store_true", help="print one JSON object a line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    statements = outcome_statements(read_text(args.file))
    results = [analyse(statement, args.language) for statement in statements]
    if args.json:
        for n, r in enumerate(results, 1):
            print(json.dumps({"line": n, **r.to_dict()}, ensure_ascii=False))
    else:
        print(format_table(results))
    return 0 if all(r.ok for r in results) else 1


def format_table(results: list[OutcomeAnalysis]) -> str:
    """A plain-text table: one row per outcome, findings indented below it."""
    rows = [f"{'#':>3}  {'lang':4}  {'level':10}  {'verbs':24}  outcome"]
    for n, r in enumerate(results, 1):
        verbs = ", ".join(v.lemma for v in r.verbs) or "-"
        text = r.text.replace("\n", " / ")
        text = text if len(text) <= 60 else text[:57] + "..."
        rows.append(f"{n:>3}  {r.language:4}  {r.bloom_level or '-':10}  {verbs[:24]:24}  {text}")
        for m, item in enumerate(r.items, 1):
            lemmas = ", ".join(v.lemma for v in item.verbs) or "-"
            rows.append(f"{f'{n}.{m}':>5}  {item.bloom_level or '-':10}  {lemmas[:24]:24}  "
                        f"{'ok' if item.ok else 'error'}: {', '.join(item.codes) or '-'}")
        for p in r.problems:
            rows.append(f"{'':>5}{p.severity}: {p.code}: {p.message}")
            if p.suggestion:
                rows.append(f"{'':>7}-> {p.suggestion}")
    errors = sum(1 for r in results if not r.ok)
    rows.append(f"\n{len(results)} outcome(s), {errors} with errors")
    return "\n".join(rows)
