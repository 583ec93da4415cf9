"""The command line: ``python -m microcred <command> ...``.

Each module in this package is one command: it defines ``register(subparsers)`` which adds its
parser and sets ``func`` to a function taking the parsed arguments and returning an exit code.
Commands are found automatically, so adding a tool means adding one module here.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from .. import __version__
from ..errors import UserError


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command module's subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m microcred",
        description="Tools for designing and quality-assuring micro-credentials.",
    )
    parser.add_argument("--version", action="version", version=f"microcred {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; user errors become one line on stderr and exit code 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that went away is noticed here
        return code
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RecursionError:  # YAML or JSON nested thousands deep: no tool can use it
        print("error: the input is nested too deeply to be read (thousands of brackets or "
              "indentation levels); check the file", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return 141  # 128 + SIGPIPE, as a shell reports it
