"""``python -m microcred slides``: webinar decks (reveal.js) built from the book's module pages.

    python -m microcred slides --out _build/slides --node-modules .venv/slides/node_modules
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import t
from ..settings import screen_language
from ._design import helptext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("slides", help=helptext("slides"), description=helptext("slides.description"))
    p.add_argument("--out", default="_build/slides", help=helptext("slides.out"))
    p.add_argument("--node-modules", default=".venv/slides/node_modules",
                   help=helptext("slides.node-modules"))
    p.add_argument("--root", default=".", help=helptext("slides.root"))
    p.add_argument("--module", action="append", help=helptext("slides.module"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: nbformat (with jsonschema's format checkers) takes about a second to import,
    # which every other command would pay at start-up.
    from .. import slides

    written = slides.build(Path(args.root), Path(args.out), Path(args.node_modules), args.module)
    lang = screen_language()
    for path in written:
        print(t("cli.wrote", lang, path=path))
    return 0
