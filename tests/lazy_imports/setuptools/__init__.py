"""setuptools, initialised lazily in the processes the tests start (tests/conftest.py puts this
folder first on PYTHONPATH).

nbgrader imports ``setuptools.archive_util`` (three archive helpers for ``zip_collect``) in every
command, and importing any submodule first runs setuptools' own ``__init__``: distutils, the
package finder, ``pkg_resources`` and its parsers, about 0.15 s of CPU in each nbgrader process
(a test session runs many), none of it needed for unpacking an archive. This package stands in
for it: its submodules are the installed package's own (``__path__`` below), and the installed
``__init__`` runs here, in this module, the first time anything asks for one of its names
(``setuptools.setup``, ``from setuptools import find_packages``), so everything behaves as before.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_HERE = os.path.realpath(os.path.dirname(__file__))
_INIT = ""
for _entry in sys.path:
    _installed = os.path.join(_entry or ".", "setuptools")
    if os.path.isfile(os.path.join(_installed, "__init__.py")) \
            and os.path.realpath(_installed) != _HERE:
        __path__.append(_installed)  # noqa: F821  (a package's own __path__)
        _INIT = os.path.join(_installed, "__init__.py")
        break
_state = {"loading": False, "loaded": False}

if _INIT:  # what the installed __init__ does first: distutils is setuptools' own from here on
    import _distutils_hack.override  # noqa: E402, F401


def __getattr__(name: str) -> Any:
    """A name of the installed ``__init__``: run it here on first use, then look again."""
    if _state["loading"] or _state["loaded"] or not _INIT:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _state["loading"] = True
    globals()["__file__"] = _INIT  # the installed __init__ finds its folder (_vendor) by it
    try:
        with open(_INIT, encoding="utf-8") as fh:
            code = compile(fh.read(), _INIT, "exec")
        exec(code, globals())  # noqa: S102 - the installed package's own __init__
        _state["loaded"] = True
    finally:
        _state["loading"] = False
    if name in globals():
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
