"""Reading and writing files for commands, with user-friendly errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..errors import UserError
from ..files import write_text_atomic


def read_text(path: str) -> str:
    """Text of ``path`` (``-`` reads stdin); a clear UserError if it cannot be read."""
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    if not p.exists():
        raise UserError(f"{path}: no such file")
    if p.is_dir():
        raise UserError(f"{path}: is a folder, not a file")
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text (save it as UTF-8 and try again)") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror})") from None


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
