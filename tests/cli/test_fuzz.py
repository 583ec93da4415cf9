"""Every command, fuzzed: damaged files and odd options never give a traceback (issue 15).

Cases come from ``tests/helpers/cli_fuzz.py`` (seeded, so a failure can be repeated). Each
command runs a fixed number of cases: CASES, or FEWER for the commands that draw several charts
a case. (Until session 5 a command ran up to 300 cases or 10 seconds, at least 100: on this
2-core machine those two ran 100, pathway 152, design export 193, workload 218, the others 300;
the fixed numbers cover at least that, on any machine.) ``make bench``
(``bench/bench_fuzz_cli.py``) runs 200 more per command with other seeds.
"""

from __future__ import annotations

import tempfile
import zlib
from pathlib import Path

import pytest

from tests.helpers.cli_fuzz import Fuzzer

CASES = 300
FEWER = {"design check": 100, "qa report": 100}  # an HTML report of 3-5 charts in some cases


COMMANDS = list(Fuzzer(Path(tempfile.gettempdir())).commands())


@pytest.mark.parametrize("command", COMMANDS)
def test_no_input_makes_a_command_fail_with_a_traceback(command, tmp_path):
    fuzzer = Fuzzer(tmp_path, seed=zlib.crc32(command.encode()))
    cases = FEWER.get(command, CASES)
    failures = [outcome for outcome in (fuzzer.run(command) for _ in range(cases))
                if outcome.problem]
    assert not failures, (
        f"{len(failures)} of {cases} cases failed; the first: {failures[0].argv}\n"
        f"{failures[0].problem}")
