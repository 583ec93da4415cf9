"""Installed size of each environment the course ships: participants' Binder and the full one.

Creates a fresh virtual environment per requirements file in a temporary folder, installs it with
pip (the package itself from this checkout, not in editable mode), and prints the size on disk and
the time it took. Target for `binder/requirements.txt`: under 450 MB (issue: a lean Binder).

    .venv/bin/python bench/bench_env_size.py [--only binder]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENVIRONMENTS = {
    "binder": REPO / "binder" / "requirements.txt",
    "full (make start)": REPO / "requirements.txt",
}
BINDER_TARGET_MB = 450


def size_mb(folder: Path) -> float:
    """Bytes of every file under `folder` (symlinks not followed), in MB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def requirements_for_copy(requirements: Path, into: Path) -> Path:
    """The requirements with `-e .` and `./lab-language` replaced by copies of those folders (a
    normal install; building in the checkout itself would leave a build/ folder there)."""
    source = into / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "microcred", source / "microcred",
                    ignore=shutil.ignore_patterns("__pycache__"))
    packs = into / "lab-language"  # JupyterLab's fi/sv packs, also installed from a copy
    shutil.copytree(REPO / "lab-language", packs, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    local = {"-e .": str(source), "./lab-language": str(packs)}
    lines = [local.get(line.strip(), line)
             for line in requirements.read_text(encoding="utf-8").splitlines()]
    copy = into / requirements.name
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy


def measure(name: str, requirements: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="envsize-") as tmp:
        env = Path(tmp) / "env"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run(pip + ["-r", str(requirements_for_copy(requirements, Path(tmp)))], check=True)
        return size_mb(env), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["binder", "full"], help="measure one environment")
    args = parser.parse_args()
    failed = False
    for name, requirements in ENVIRONMENTS.items():
        if args.only and not name.startswith(args.only):
            continue
        print(f"{name}: installing {requirements.relative_to(REPO)} into a new venv ...", flush=True)
        mb, seconds = measure(name, requirements)
        line = f"{name}: {mb:,.0f} MB installed, {seconds:.0f} s to install (pip cache warm or cold)"
        if name == "binder":
            ok = mb < BINDER_TARGET_MB
            failed |= not ok
            line += f"; target < {BINDER_TARGET_MB} MB: {'met' if ok else 'NOT MET'}"
        print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
