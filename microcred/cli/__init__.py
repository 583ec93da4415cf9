"""The command line: ``python -m microcred <command> ...``.

Each module in this package is one command: it defines ``register(subparsers)`` which adds its
parser and sets ``func`` to a function taking the parsed arguments and returning an exit code.
Commands are found automatically, so adding a tool means adding one module here. A command
module is named after its command: a run imports only that module (some pull in matplotlib or
nbformat, over a second each), and ``--help`` or an unknown name imports them all to list them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from .. import __version__
from ..errors import UserError
from ..i18n import t
from ._parser import Parser, building_in


def command_names() -> list[str]:
    """The commands, one per public module of this package."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The top-level parser: the command ``argv`` names, or every command if it names none."""
    names = command_names()
    first = next((a for a in argv or [] if not a.startswith("-")), None)
    parser = Parser(prog="python -m microcred", lang=_help_language(argv or [], first))
    parser.description = t("cli.argparse.description", parser.lang)
    parser.add_argument("--version", action="version", version=f"microcred {__version__}",
                        help=t("cli.argparse.version", parser.lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from ..settings import screen_language

    with building_in(screen_language()):
        for name in [first] if first in names else names:
            importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def _help_language(argv: list[str], command: str | None) -> str:
    """The language of argparse's own words (help, usage, errors): a ``--lang`` on the command
    line, else the command's screen language, as its help texts (the parser is built before the
    options are read)."""
    from ..settings import screen_language

    given = next((argv[n + 1] for n, a in enumerate(argv[:-1]) if a == "--lang"), None)
    given = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), given)
    return screen_language(command, given)


def _language(args: argparse.Namespace) -> str:
    """The language of the command's messages (``--lang``; a command without one, or whose
    ``--lang`` defaults to None, such as ``grading``, follows the screen language)."""
    lang = getattr(args, "lang", None)
    if lang is None:
        from ..settings import screen_language

        lang = screen_language(args.command)
    return str(lang)


def _error_word(args: argparse.Namespace) -> str:
    """"error" in the language of the command's messages."""
    return t("common.error", _language(args))


def main(argv: list[str] | None = None) -> int:
    """Run a command; user errors become one line on stderr and exit code 2."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that went away is noticed here
        return code
    except UserError as exc:
        print(f"{_error_word(args)}: {exc}", file=sys.stderr)
        return 2
    except RecursionError:  # YAML or JSON nested thousands deep: no tool can use it
        print(f"{_error_word(args)}: {t('cli.too-deep', _language(args))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli.interrupted", _language(args)), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return 141  # 128 + SIGPIPE, as a shell reports it
