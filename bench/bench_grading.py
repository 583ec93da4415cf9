"""Benchmark of the grading cycle: autograde time per submission against the floor.

The floor is executing the same notebook once with nbclient (a fresh kernel, every cell run):
nbgrader cannot grade a submission faster than that, because it does exactly that plus its
bookkeeping (sanitising, restoring locked cells, the gradebook). 50 submissions of the outcomes
assignment are vetted and autograded in a temporary course; the figures are printed.

Run with `make bench` (or `python bench/bench_grading.py [N]`). Prints figures; asserts nothing.
Takes a few minutes on a 2-core machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from microcred.trainer.demo import GOOD, PARTIAL, _fill, nbgrader  # noqa: E402 (after sys.path)
from microcred.trainer.vet import vet_path  # noqa: E402


def main(n: int = 50) -> None:
    import nbformat
    from nbclient import NotebookClient

    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        course.mkdir()
        shutil.copy(REPO / "assignments" / "nbgrader_config.py", course)
        shutil.copytree(REPO / "assignments" / "source", course / "source")
        t0 = time.perf_counter()
        proc = nbgrader(course, "generate_assignment", "outcomes", "--force")
        assert proc.returncode == 0, proc.stderr[-2000:]
        print(f"release (generate_assignment): {time.perf_counter() - t0:.1f} s")

        released = course / "release" / "outcomes" / "outcomes.ipynb"
        variants = [GOOD, PARTIAL, GOOD[:3], []]
        for i in range(n):
            nb = _fill(nbformat.read(released, as_version=4), variants[i % len(variants)])
            folder = course / "submitted" / f"p{i:03d}" / "outcomes"
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / "outcomes.ipynb")

        t0 = time.perf_counter()
        results = vet_path(course / "submitted", course)
        vet_s = time.perf_counter() - t0
        assert not any(r.refused for r in results)
        print(f"vetting {n} submissions: {vet_s:.2f} s ({vet_s / n * 1000:.0f} ms each, "
              "nbgrader import included)")

        t0 = time.perf_counter()
        proc = nbgrader(course, "autograde", "outcomes", "--force",
                        "--CourseDirectory.student_id=p000")
        one = time.perf_counter() - t0
        assert proc.returncode == 0, proc.stderr[-2000:]
        t0 = time.perf_counter()
        proc = nbgrader(course, "autograde", "outcomes", "--force")
        total = time.perf_counter() - t0
        assert proc.returncode == 0, proc.stderr[-2000:]
        per = total / n
        marginal = (total - one) / (n - 1)
        print(f"autograde 1 submission (one nbgrader run): {one:.1f} s")
        print(f"autograde {n} submissions (one nbgrader run): {total:.1f} s, {per:.2f} s each; "
              f"{marginal:.2f} s each without nbgrader's start-up")

        floors = []
        sample = course / "submitted" / "p000" / "outcomes" / "outcomes.ipynb"
        for _ in range(3):
            nb = nbformat.read(sample, as_version=4)
            t0 = time.perf_counter()
            NotebookClient(nb, timeout=30, kernel_name="python3",
                           resources={"metadata": {"path": str(sample.parent)}}).execute()
            floors.append(time.perf_counter() - t0)
        floor = statistics.median(floors)
        print(f"floor: nbclient executes the notebook once in {floor:.2f} s "
              f"(median of 3: {', '.join(f'{f:.2f}' for f in floors)})")
        print(f"ratio autograde / floor: {per / floor:.2f} per submission, "
              f"{marginal / floor:.2f} without start-up")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
