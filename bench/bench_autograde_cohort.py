"""Benchmark: a made-up cohort of 200 through ``grading autograde`` (vetting + parallel grading).

Target (issue 20): 200 participants, one assignment, under 4 minutes on 2 cores.

The floor is the bare cost of running the notebook: nbclient executes one submission in a fresh
kernel (median of 3); for the cohort on W workers the floor is ``n x floor / W``. nbgrader's
bookkeeping (sanitising, restoring locked cells, the gradebook) and the vetting come on top;
the ratio says how much.

    python bench/bench_autograde_cohort.py [--participants 200] [--workers N]

Prints figures, asserts nothing. The machine's load average is printed with them: on a shared
machine the wall-clock time grows with the other work, so read the figures with it.
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    import nbformat
    from nbclient import NotebookClient

    from microcred.trainer.autograde import autograde_cohort

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    n, workers = args.participants, args.workers
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    print(f"autograde a cohort: {n} participants, {workers} worker(s), {os.cpu_count()} cores, "
          f"load average before {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        course.mkdir()
        shutil.copy(REPO / "assignments" / "nbgrader_config.py", course)
        shutil.copytree(REPO / "assignments" / "source", course / "source")
        proc = nbgrader(course, "generate_assignment", "outcomes", "--force")
        assert proc.returncode == 0, proc.stderr[-2000:]
        released = course / "release" / "outcomes" / "outcomes.ipynb"
        variants = [GOOD, PARTIAL, GOOD[:3], []]
        for i in range(n):
            nb = _fill(nbformat.read(released, as_version=4), variants[i % len(variants)])
            folder = course / "submitted" / f"p{i:03d}" / "outcomes"
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / "outcomes.ipynb")

        floors = []
        sample = course / "submitted" / "p000" / "outcomes" / "outcomes.ipynb"
        for _ in range(3):
            nb = nbformat.read(sample, as_version=4)
            t0 = time.perf_counter()
            NotebookClient(nb, timeout=30, kernel_name="python3",
                           resources={"metadata": {"path": str(sample.parent)}}).execute()
            floors.append(time.perf_counter() - t0)
        floor = statistics.median(floors)
        cohort_floor = n * floor / workers
        print(f"floor: nbclient runs one submission in {floor:.2f} s (median of 3); "
              f"{n} on {workers} worker(s): {cohort_floor:.0f} s")

        t0 = time.perf_counter()
        run = autograde_cohort(course, "outcomes", workers=workers)
        wall = time.perf_counter() - t0
        graded = len(run.graded)
        print(f"grading autograde: {graded} graded, {len(run.refused)} refused, "
              f"{len(run.failed)} failed, in {wall:.0f} s = {wall / 60:.1f} min "
              f"({wall / max(graded, 1):.2f} s per submission)")
        print(f"ratio to the floor: {wall / cohort_floor:.2f}")
        print(f"target under 240 s: {'met' if wall < 240 else 'NOT met'}; "
              f"load average after {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
