"""``python -m microcred slides``: webinar decks (reveal.js) built from the book's module pages.

    python -m microcred slides --out _build/slides --node-modules .venv/slides/node_modules
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import t
from ..settings import screen_language


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "slides",
        help="webinar slides for each module, built from the book",
        description="Build one reveal.js deck per module from the book's pages (run it in the "
        "repository's root folder). The decks and the scripts they need go into one folder "
        "that works offline. `make slides` installs the scripts and runs this.",
    )
    p.add_argument("--out", default="_build/slides", help="folder for the decks")
    p.add_argument("--node-modules", default=".venv/slides/node_modules",
                   help="npm folder holding reveal.js@4, requirejs@2 and jquery@3")
    p.add_argument("--root", default=".", help="the book's root folder (with _toc.yml)")
    p.add_argument("--module", action="append", help="build only this module (repeatable)")
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
