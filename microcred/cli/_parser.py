"""The command line's parser speaking the screen language: argparse's own words ("usage:",
"options:", "show this help message and exit", "error:" and its error messages) from
``data/strings/cli.yaml`` (``cli.argparse.*``, ``cli.metavar.*``) instead of English.

argparse builds those words with gettext from English templates; a parser of this class puts
ours in their place (group titles, the help action, the usage prefix) and translates an error
message by matching it against the English template each entry keeps (an unknown one stays as
argparse wrote it). Subparsers are of this class too, so every command's help and errors are.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, partial
from typing import Any, NoReturn

from ..i18n import keys, t

# argparse's error messages we translate: the key under cli.argparse and its English template
# as argparse writes it (the {fields} are what it fills in).
_ERRORS = ("required", "unrecognized", "argument", "invalid-choice", "expected-one",
           "expected-at-most-one", "expected-at-least-one", "invalid-value", "ambiguous",
           "one-required", "not-allowed")

# The screen language while a parser is built: every command's help texts ask for it, and
# finding it reads the settings and the design file (a few ms each, 26 times for `design`).
_BUILD_LANGUAGE: ContextVar[str | None] = ContextVar("build_language", default=None)


@contextmanager
def building_in(lang: str) -> Iterator[None]:
    """While the parsers are built, ``building_language()`` is ``lang`` (found once)."""
    token = _BUILD_LANGUAGE.set(lang)
    try:
        yield
    finally:
        _BUILD_LANGUAGE.reset(token)


def building_language() -> str:
    """The screen language of the parser being built, else the screen language now."""
    lang = _BUILD_LANGUAGE.get()
    if lang is None:
        from ..settings import screen_language

        lang = screen_language()
    return lang


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with "usage:" in ``lang``."""

    def __init__(self, prog: str, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(prog, **kwargs)
        self._lang = lang

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        prefix = prefix if prefix is not None else t("cli.argparse.usage", self._lang) + " "
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in ``lang`` (default: the screen language)."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        if lang is None:
            from ..settings import screen_language

            lang = screen_language()
        self.lang = lang
        kwargs.setdefault("formatter_class", partial(HelpFormatter, lang=lang))
        super().__init__(*args, **kwargs)
        self._positionals.title = t("cli.argparse.positionals", lang)
        self._optionals.title = t("cli.argparse.options", lang)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = t("cli.argparse.help", lang)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's ``add_argument`` with a metavar such as FILE in ``lang`` (TIEDOSTO), the
        one argparse makes of an option's name too (--course COURSE -> --course KURSSI)."""
        if "metavar" in kwargs:
            kwargs["metavar"] = metavar(kwargs["metavar"], self.lang)
        action = super().add_argument(*args, **kwargs)
        if action.option_strings and action.metavar is None and action.choices is None:
            named = metavar(action.dest.upper(), self.lang)
            action.metavar = named if named != action.dest.upper() else None
        return action

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Subparsers of this class in the same language, their metavar translated."""
        kwargs.setdefault("parser_class", partial(type(self), lang=self.lang))
        if "metavar" in kwargs:
            kwargs["metavar"] = metavar(kwargs["metavar"], self.lang)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """Usage and one line "<prog>: error: <message>" in ``lang``; exit code 2, as argparse."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('common.error', self.lang)}: "
                     f"{error_message(message, self.lang)}\n")


def metavar(name: Any, lang: str) -> Any:
    """A metavar in ``lang`` when the strings have it (``cli.metavar.FILE``), else as given."""
    key = f"cli.metavar.{name}"
    return t(key, lang) if isinstance(name, str) and key in _metavars() else name


@cache
def _metavars() -> frozenset[str]:
    return frozenset(k for k in keys() if k.startswith("cli.metavar."))


@cache
def _templates() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each error key with a pattern matching its English template, fields as named groups."""
    found = []
    for key in _ERRORS:
        parts = re.split(r"\{(\w+)\}", t(f"cli.argparse.error.{key}", "en"))
        pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                          for i, p in enumerate(parts))
        found.append((key, re.compile(pattern, re.S)))
    return tuple(found)


def error_message(message: str, lang: str) -> str:
    """argparse's English error ``message`` in ``lang`` (an argument's message inside
    "argument --x: ..." too); a message no template matches is returned as it is."""
    if lang == "en":
        return message
    for key, pattern in _templates():
        found = pattern.fullmatch(message)
        if found:
            fields = found.groupdict()
            if "message" in fields:
                fields["message"] = error_message(fields["message"], lang)
            return t(f"cli.argparse.error.{key}", lang, **fields)
    return message
