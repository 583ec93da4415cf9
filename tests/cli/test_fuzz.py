"""Every command, fuzzed: damaged files and odd options never give a traceback (issue 15).

Cases come from ``tests/helpers/cli_fuzz.py`` (seeded, so a failure can be repeated). Each
command runs up to CASES cases or BUDGET seconds, whichever comes first, and at least
MIN_CASES (the chart-drawing commands, at 0.1-0.5 s a case, run about 100; the others 300);
``make bench`` (``bench/bench_fuzz_cli.py``) runs 200 more per command with other seeds.
"""

from __future__ import annotations

import tempfile
import time
import zlib
from pathlib import Path

import pytest

from tests.helpers.cli_fuzz import Fuzzer

CASES = 300
MIN_CASES = 100
BUDGET = 10.0  # seconds per command, after MIN_CASES: chart-drawing commands stop early


COMMANDS = list(Fuzzer(Path(tempfile.gettempdir())).commands())


@pytest.mark.parametrize("command", COMMANDS)
def test_no_input_makes_a_command_fail_with_a_traceback(command, tmp_path):
    fuzzer = Fuzzer(tmp_path, seed=zlib.crc32(command.encode()))
    start, done, failures = time.perf_counter(), 0, []
    while done < CASES and (done < MIN_CASES or time.perf_counter() - start < BUDGET):
        outcome = fuzzer.run(command)
        done += 1
        if outcome.problem:
            failures.append(outcome)
    assert not failures, (
        f"{len(failures)} of {done} cases failed; the first: {failures[0].argv}\n"
        f"{failures[0].problem}")
