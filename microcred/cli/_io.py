"""Reading and writing files for commands, with user-friendly errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .. import reading
from ..errors import UserError
from ..files import write_text_atomic
from ..i18n import t
from ..settings import screen_language


def read_text(path: str, lang: str | None = None) -> str:
    """Text of ``path`` (``-`` reads stdin); a clear UserError in ``lang`` (default: the screen
    language) if it cannot be read."""
    if path == "-":
        return sys.stdin.read()
    return reading.read_text(path, lang or screen_language())


def write_output(path: str, text: str, lang: str | None = None) -> None:
    """Write a command's output to ``path`` (``-`` prints it), atomically, with clear errors in
    ``lang`` (default: the screen language)."""
    if path == "-":
        print(text, end="")
        return
    lang = lang or screen_language()
    check_output(path, lang)
    write_text_atomic(path, text, lang)


def check_output(path: str, lang: str | None = None) -> None:
    """A clear UserError when ``path`` cannot take a command's output (a folder, or in a folder
    that does not exist): called before long work too, so that nothing is made in vain."""
    out, lang = Path(path), lang or screen_language()
    if path == "-":
        return
    if out.is_dir():
        raise UserError(t("cli.output-is-folder", lang, path=path, example=out / "output.html"))
    if not out.parent.exists():
        raise UserError(t("cli.output-no-folder", lang, path=path, folder=out.parent))


def usage_of(parser: argparse.ArgumentParser, stream: IO[str] | None = None) -> Callable:
    """The ``func`` of a command given without its action: print its help, exit code 2."""

    def show(_args: argparse.Namespace) -> int:
        parser.print_help(stream)
        return 2

    return show
