"""The core never imports Jupyter: it must run in a plain Python, a grader or a CLI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import microcred

NOT_CORE = {"microcred.widgets"}  # the widget layer is allowed (and expected) to import ipywidgets
# Importing __main__ runs the command line; it only imports microcred.cli, which is walked itself.
NOT_IMPORTED = {"microcred.__main__"}


def core_modules() -> list[str]:
    """Every module and subpackage of microcred, at any depth, outside the widget layer."""
    found = pkgutil.walk_packages(microcred.__path__, prefix="microcred.")
    return sorted(
        m.name for m in found
        if m.name not in NOT_IMPORTED
        and not any(m.name == top or m.name.startswith(f"{top}.") for top in NOT_CORE)
    )


def test_the_walk_reaches_submodules():
    """The walk goes into packages (cli, grading, design, ...), not only the top level."""
    names = core_modules()
    for expected in ("microcred.cli.grading", "microcred.trainer.vet", "microcred.design._check",
                     "microcred.trainer.report", "microcred.grading.design_scorer", "microcred.cli._io"):
        assert expected in names
    assert not any(name.startswith("microcred.widgets") for name in names)


def test_core_modules_import_no_jupyter():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'ipywidgets', 'IPython', 'ipykernel'} or m == 'matplotlib.pyplot')\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "", f"core imports Jupyter modules: {out.stdout}"
