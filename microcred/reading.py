"""Reading what people give the kit (files, YAML) with errors that say what to do, in en/fi/sv.

Every tool reads a participant's or trainer's file with `read_text` and YAML text with
`parse_yaml`, so that a missing file, a folder, a binary file or broken YAML gets the same clear
message everywhere (``data/strings/reading.yaml``), never a traceback. `expect` is how the
``from_dict`` readers of the design-file sections refuse a malformed section.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .errors import UserError
from .i18n import t

__all__ = ["MAX_FILE_BYTES", "expect", "parse_yaml", "read_text", "safe_load", "yaml_problem"]

MAX_FILE_BYTES = 2_000_000  # the kit's files are a few kilobytes; refuse anything huge

# libyaml's C parser reads a design file six times faster than PyYAML's pure-Python one (the
# capstone example: 11 -> 1.7 ms; a deeply nested one took seconds). Only its successes are used:
# what it refuses is read again with the pure-Python SafeLoader, so an error is the same error,
# worded the same (the C parser says less: no tab in "found character that cannot start any token").
# A text with a tab is left to the pure parser, which refuses tabs the C parser accepts.
_C_LOADER = getattr(yaml, "CSafeLoader", None)
_NESTING = "exceeded maximum nesting depth"  # libyaml's limit (1,000 levels)


def read_text(path: str | os.PathLike[str], lang: str = "en",
              max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``path`` (a byte-order mark is dropped); a UserError in ``lang`` when
    it is missing, a folder, too large, not text or unreadable."""
    p = Path(path)
    source = str(p)
    if not p.exists():
        raise UserError(t("reading.no-file", lang, source=source))
    if p.is_dir():
        raise UserError(t("reading.folder", lang, source=source))
    try:
        if p.stat().st_size > max_bytes:
            raise UserError(t("reading.too-large", lang, source=source,
                              limit=f"{max_bytes / 1e6:g}"))
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(t("reading.not-text", lang, source=source)) from None
    except OSError as exc:
        raise UserError(t("reading.unreadable", lang, source=source,
                          problem=exc.strerror or str(exc))) from None


def parse_yaml(text: str, source: str, lang: str = "en") -> Any:
    """The data in YAML ``text`` (PyYAML's safe loader); a UserError from `yaml_problem`."""
    try:
        return safe_load(text.lstrip("\ufeff"))
    except yaml.YAMLError as exc:
        raise UserError(yaml_problem(exc, source, lang)) from None


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, the same data and the same errors, read by libyaml when it is
    installed (see ``_C_LOADER``). Nested beyond libyaml's limit is a RecursionError, as the
    pure-Python parser's own, without its seconds; the pure parser gives up sooner, where
    Python's recursion limit stops it (about 500 levels), so 500 to 999 levels are now read."""
    if _C_LOADER is not None and "\t" not in text:
        try:
            return yaml.load(text, Loader=_C_LOADER)  # noqa: S506 (the safe C loader)
        except yaml.YAMLError as exc:
            if getattr(exc, "problem", None) == _NESTING:
                raise RecursionError(_NESTING) from None
        except Exception:  # noqa: BLE001, S110 (e.g. lone surrogates: the pure parser words it)
            pass
    return yaml.safe_load(text)


def yaml_problem(exc: Exception, source: str, lang: str = "en") -> str:
    """Where YAML is broken (from where the broken part starts, e.g. an unclosed quote, to
    where the parser gave up), what the parser found, and what to check, in ``lang``."""
    marks = [getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)]
    lines = sorted({m.line + 1 for m in marks if m is not None})
    if not lines:
        line = "?"
    elif len(lines) == 1:
        line = str(lines[0])
    else:
        line = t("reading.yaml-lines", lang, start=lines[0], end=lines[-1])
    context, problem = getattr(exc, "context", None), getattr(exc, "problem", None)
    found = "; ".join(str(p) for p in (context, problem) if p) or str(exc).splitlines()[0]
    hint = ("reading.hint-tab" if "\t" in found or "\\t" in found
            else "reading.hint-duplicate" if "duplicate" in str(exc) else "reading.hint")
    return t("reading.yaml-error", lang, source=source, line=line, problem=found,
             hint=t(hint, lang))


def expect(condition: bool, message: str) -> None:
    """Raise a ValueError with ``message`` unless ``condition`` holds: how the ``from_dict``
    readers of the design-file sections refuse a malformed section."""
    if not condition:
        raise ValueError(message)
