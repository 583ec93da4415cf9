"""The core never imports Jupyter: it must run in a plain Python, a grader or a CLI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import microcred

NOT_CORE = {"widgets"}  # the widget layer is allowed (and expected) to import ipywidgets


def core_modules() -> list[str]:
    return [
        f"microcred.{m.name}"
        for m in pkgutil.iter_modules(microcred.__path__)
        if m.name not in NOT_CORE and not m.name.startswith("_")
    ]


def test_core_modules_import_no_jupyter():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'ipywidgets', 'IPython', 'ipykernel', 'matplotlib.pyplot'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imports Jupyter modules: {out.stdout}"
    assert len(core_modules()) >= 5
