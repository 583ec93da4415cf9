"""``python -m microcred outcomes FILE``: check learning outcomes written one a line."""

from __future__ import annotations

import argparse
import json

from ..i18n import language_name, t
from ..lexicon import LANGUAGES
from ..outcomes import OutcomeAnalysis, analyse, outcome_statements
from ..settings import chosen_language, screen_language
from ._design import helptext
from ._io import read_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("outcomes", help=helptext("outcomes"),
                       description=helptext("outcomes.description"))
    p.add_argument("file", metavar="FILE", help=helptext("outcomes.file"))
    p.add_argument("--language", choices=LANGUAGES, help=helptext("outcomes.language"))
    p.add_argument("--lang", choices=LANGUAGES, help=helptext("outcomes.lang"))
    p.add_argument("--json", action="store_true", help=helptext("outcomes.json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    statements = outcome_statements(read_text(args.file, args.lang))
    chosen = args.lang or chosen_language()
    results = [analyse(statement, args.language, messages=chosen) for statement in statements]
    if args.json:
        for n, r in enumerate(results, 1):
            print(json.dumps({"line": n, **r.to_dict()}, ensure_ascii=False))
    else:
        print(format_table(results, chosen or screen_language()))
    return 0 if all(r.ok for r in results) else 1


def format_table(results: list[OutcomeAnalysis], lang: str = "en") -> str:
    """A plain-text table in ``lang``: one row per outcome, findings indented below it."""

    def level(name: str | None) -> str:
        return t(f"outcomes.level.{name}", lang) if name else "-"

    def col(key: str) -> str:
        return t(f"cli.outcomes.{key}", lang)

    rows = [f"{col('number'):>3}  {col('language'):8}  {col('level'):10}  {col('verbs'):24}  "
            f"{col('outcome')}"]
    for n, r in enumerate(results, 1):
        verbs = ", ".join(v.lemma for v in r.verbs) or "-"
        text = r.text.replace("\n", " / ")
        text = text if len(text) <= 60 else text[:57] + "..."
        rows.append(f"{n:>3}  {language_name(r.language, lang)[:8]:8}  {level(r.bloom_level):10}  "
                    f"{verbs[:24]:24}  {text}")
        for m, item in enumerate(r.items, 1):
            lemmas = ", ".join(v.lemma for v in item.verbs) or "-"
            state = col("item-ok") if item.ok else t("common.error", lang)
            rows.append(f"{f'{n}.{m}':>5}  {level(item.bloom_level):10}  {lemmas[:24]:24}  "
                        f"{state}: {', '.join(item.codes) or '-'}")
        for p in r.problems:
            rows.append(f"{'':>5}{t(f'common.{p.severity}', lang)}: {p.code}: {p.message}")
            if p.suggestion:
                rows.append(f"{'':>7}-> {p.suggestion}")
    errors = sum(1 for r in results if not r.ok)
    rows.append("\n" + t("cli.outcomes.summary", lang, count=len(results), errors=errors))
    return "\n".join(rows)
