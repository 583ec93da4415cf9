"""Every file the kit saves goes through `microcred.files` (temporary file, fsync, one rename):
no module of the package writes a file directly."""

from __future__ import annotations

import ast
from pathlib import Path

import microcred

PACKAGE = Path(microcred.__file__).parent

# Modules allowed to write directly, each with the reason.
ALLOWED = {
    "files.py": "the atomic writer itself",
    "trainer/demo.py": "makes up a demonstration cohort (hand-ins, a damaged notebook on purpose) "
                       "in a fresh folder of its own; nothing a participant or trainer saved",
}


def direct_writes(source: str) -> list[tuple[int, str]]:
    """(line, call) of each direct write in Python source: ``.write_text(...)``,
    ``.write_bytes(...)``, and ``open(...)`` / ``.open(...)`` / ``os.fdopen(...)`` in a mode that
    writes (w, a, x or +)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("write_text", "write_bytes"):
            found.append((node.lineno, name))
        elif name in ("open", "fdopen"):
            # open(file, mode) / Path.open(mode) / os.fdopen(fd, mode)
            position = 0 if isinstance(func, ast.Attribute) and name == "open" else 1
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
                    func.value.id in ("os", "io", "codecs", "gzip", "bz2", "lzma"):
                position = 1
            mode = next((k.value for k in node.keywords if k.arg == "mode"), None)
            if mode is None and len(node.args) > position:
                mode = node.args[position]
            if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and \
                    set(mode.value) & set("wax+"):
                found.append((node.lineno, f"{name}(..., {mode.value!r})"))
    return found


def test_the_finder_finds_each_kind_of_direct_write():
    source = (
        "open(p, 'w')\nopen(p, mode='a')\nPath(p).open('wb')\nos.fdopen(fd, 'w+')\n"
        "p.write_text('x')\np.write_bytes(b'x')\n"
        "open(p)\nopen(p, 'rb')\nPath(p).open()\np.read_text()\nio.open(p, 'x')\n"
    )
    assert [line for line, _ in direct_writes(source)] == [1, 2, 3, 4, 5, 6, 11]


def test_no_module_writes_files_directly():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ALLOWED:
            continue
        for line, call in direct_writes(path.read_text(encoding="utf-8")):
            offenders.append(f"microcred/{rel}:{line}: {call}")
    assert offenders == [], (
        "save through microcred.files.write_text_atomic / write_bytes_atomic instead:\n"
        + "\n".join(offenders))


def test_allowed_modules_exist():
    """An exception for a module that was removed or renamed is dropped, not kept."""
    assert all((PACKAGE / rel).exists() for rel in ALLOWED)
