"""rfc3987_syntax, imported lazily in the processes the tests start (tests/conftest.py puts this
folder first on PYTHONPATH).

jsonschema imports rfc3987_syntax for its ``iri`` format check whenever it is installed, and
rfc3987_syntax 1.1 compiles 35 Earley parsers as it is imported: about 0.9 s of CPU in every
process that imports nbformat (nbgrader, jupyter-book, JupyterLab, ``python -m microcred``),
whether or not it ever checks an IRI (upstream: jupyter-server/jupyter_server#1559). This
package stands in for it: its submodules are the installed package's own (``__path__`` below),
and the parsers are built the first time something asks for them, so an IRI is checked exactly
as before.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

_HERE = os.path.realpath(os.path.dirname(__file__))
for _entry in sys.path:
    _installed = os.path.join(_entry or ".", "rfc3987_syntax")
    if os.path.isdir(_installed) and os.path.realpath(_installed) != _HERE:
        __path__.append(_installed)  # noqa: F821  (a package's own __path__)
        break


def is_valid_syntax(term: str, value: str) -> bool:
    """The installed package's check (what jsonschema imports)."""
    return importlib.import_module(f"{__name__}.syntax_helpers").is_valid_syntax(term, value)


def __getattr__(name: str) -> Any:
    """Anything else of the installed package, loaded when first used."""
    return getattr(importlib.import_module(f"{__name__}.syntax_helpers"), name)
