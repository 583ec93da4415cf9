"""Fuzzing every command of the command line: thousands of cases, figures printed.

The cases are those of ``tests/cli/test_fuzz.py`` (``tests/helpers/cli_fuzz.py``), more of
them: N per command (default 200, so about 5,000 in all). Prints per command the cases run,
the failures (tracebacks, invalid JSON, cases over the time limit) and the slowest case, then
the first failures in full. Also times ``credential check`` on 100,000 outcomes (issue 15 asked
for well under 30 s). Asserts nothing; exit code 1 if any case failed.

Run with `make bench` (or `python bench/bench_fuzz_cli.py [N]`).
"""

from __future__ import annotations

import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from microcred.cli import main as cli  # noqa: E402
from tests.helpers.cli_fuzz import Fuzzer  # noqa: E402


def main(n: int = 200) -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = Fuzzer(Path(tmp))
        print(f"{'command':24} {'cases':>6} {'failed':>6} {'slowest s':>9}")
        for name in probe.commands():
            folder = Path(tmp) / name.replace(" ", "-")
            folder.mkdir()
            fuzzer = Fuzzer(folder, seed=zlib.crc32(name.encode()) + 1, limit=60)
            slowest, failed = 0.0, 0
            for _ in range(n):
                outcome = fuzzer.run(name)
                slowest = max(slowest, outcome.seconds)
                if outcome.problem:
                    failed += 1
                    failures.append(outcome)
            print(f"{name:24} {n:6} {failed:6} {slowest:9.2f}", flush=True)
        data = yaml.safe_load((REPO / "microcred" / "examples" / "machine-vision.yaml")
                              .read_text(encoding="utf-8"))
        data["outcomes"] = [f"The participant can analyse defect images of type {k}."
                            for k in range(100_000)]
        big = Path(tmp) / "many.yaml"
        big.write_text(yaml.safe_dump(data), encoding="utf-8")
        start = time.perf_counter()
        code = cli(["credential", "check", str(big)])
        # Exit 2 with one line is the reader's size limit (microcred/reading.py) speaking.
        print(f"credential check, 100,000 outcomes ({big.stat().st_size / 1e6:.1f} MB): "
              f"{time.perf_counter() - start:.1f} s, exit {code}", file=sys.stderr)
    print(f"\n{len(failures)} failure(s)")
    for outcome in failures[:5]:
        print("-" * 70, "\n", outcome.argv, "\n", outcome.problem)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
