"""A cell Python cannot read, explained in plain words (a quote or bracket lost while editing).

Answers in the assignments are text between quotes inside brackets. Deleting a quote by mistake
makes Python stop with ``SyntaxError: unterminated string literal``, which tells a participant
nothing. :func:`explain` looks at the line Python stopped on and says what is missing there, in
the screen language; the Jupyter hook that shows it instead of the traceback is
``microcred.widgets.cell_errors``.
"""

from __future__ import annotations

import re

from ..findings import quoted
from ..i18n import t

_MAX_SHOWN = 120  # characters of the line quoted back to the participant
_QUOTES = re.compile(r'(?<!\\)["“”]')


def explain(source: str, error: SyntaxError, lang: str = "en") -> str:
    """What is wrong in ``source`` (the cell) and how to mend it, from Python's ``error``."""
    line_no = error.lineno or 1
    lines = source.splitlines() or [""]
    line = lines[min(max(line_no, 1), len(lines)) - 1]
    return "\n".join([
        t("cells.title", lang, line=line_no),
        "    " + _shown(line),
        t(f"cells.{_kind(error, line)}", lang),
        t("cells.how", lang),
    ])


def _kind(error: SyntaxError, line: str) -> str:
    """Which mistake: a lost quote, a quote inside the text, text without quotes, a bracket."""
    message = error.msg or ""
    if "triple-quoted" in message:
        return "triple"
    if "never closed" in message or "unmatched" in message or "does not match" in message:
        return "bracket"
    quotes = len(_QUOTES.findall(line))
    if quotes % 2 == 1:
        return "quote-missing"
    if quotes >= 4:
        return "quote-inside"
    if quotes == 0 and re.search(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}", line) and "=" not in line:
        return "quotes-missing"
    return "other"


def _shown(line: str) -> str:
    """The line as quoted back: trimmed, shortened, control characters made visible."""
    return quoted("".join(c if c.isprintable() else "?" for c in line.strip()), _MAX_SHOWN)
