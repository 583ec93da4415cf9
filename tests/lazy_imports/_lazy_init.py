"""A stand-in package whose installed ``__init__`` runs on first use (tests/lazy_imports).

A stand-in's submodules are the installed package's own (found through ``__path__``); the
installed ``__init__`` runs in the stand-in's namespace the first time anything asks it for a
name, so that ``pkg.name`` and ``from pkg import name`` behave as before, only later.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def installed_init(package: dict[str, Any]) -> str:
    """Add the installed package's folder to the stand-in's ``__path__``; its ``__init__.py``
    ("" when it is not installed)."""
    here = os.path.realpath(os.path.dirname(package["__file__"]))
    name = package["__name__"]
    for entry in sys.path:
        folder = os.path.join(entry or ".", name)
        if os.path.isfile(os.path.join(folder, "__init__.py")) and os.path.realpath(folder) != here:
            package["__path__"].append(folder)
            return os.path.join(folder, "__init__.py")
    return ""


def lazy_getattr(package: dict[str, Any], init: str) -> Callable[[str], Any]:
    """The stand-in's module ``__getattr__``: runs ``init`` there once, then looks again. While
    it runs, a name it has not defined yet is missing, as in any package being imported."""
    state = {"loading": False, "loaded": False}

    def __getattr__(name: str) -> Any:
        if not (state["loading"] or state["loaded"] or not init):
            state["loading"] = True
            package["__file__"] = init  # the installed __init__ finds its folder by it
            try:
                with open(init, encoding="utf-8") as fh:
                    code = compile(fh.read(), init, "exec")
                exec(code, package)  # noqa: S102 - the installed package's own __init__
                state["loaded"] = True
            finally:
                state["loading"] = False
            if name in package:
                return package[name]
        raise AttributeError(f"module {package['__name__']!r} has no attribute {name!r}")

    return __getattr__
