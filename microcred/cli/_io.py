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


def read_text(path: str, lang: str = "en") -> str:
    """Text of ``path`` (``-`` reads stdin); a clear UserError if it cannot be read."""
    if path == "-":
        return sys.stdin.read()
    return reading.read_text(path, lang)


def write_output(path: str, text: str) -> None:
    """Write a command's output to ``path`` (``-`` prints it), atomically, with clear errors."""
    if path == "-":
        print(text, end="")
        return
    out = Path(path)
    if out.is_dir():
        raise UserError(f"{path}: is a folder; give a file name, e.g. {out / 'output.html'}")
    if not out.parent.exists():
        raise UserError(f"{path}: the folder {out.parent} does not exist")
    write_text_atomic(out, text)


def usage_of(parser: argparse.ArgumentParser, stream: IO[str] | None = None) -> Callable:
    """The ``func`` of a command given without its action: print its help, exit code 2."""

    def show(_args: argparse.Namespace) -> int:
        parser.print_help(stream)
        return 2

    return show
