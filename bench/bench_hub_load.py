"""Load check of the course hub: 30 participants fetching and submitting at once, on this machine.

Starts the real hub of the hub test (``tests/hub/hubctl.py``: real Unix accounts, JupyterHub with
configurable-http-proxy, ``deploy/jupyterhub/jupyterhub_config.py``), starts every participant's
server through the hub API, releases the ``outcomes`` assignment through the formgrader service,
then lets all participants fetch, answer and submit at the same moment through their own servers.
The trainer then collects and autogrades everything. Prints times, failures and memory; asserts
nothing (target: no submission lost). Needs root; prints why and stops otherwise.

    sudo .venv/bin/python bench/bench_hub_load.py [--participants 30] [--no-autograde]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ANSWERS = [
    "The participant can analyse the competence needs of a client organisation from interview data.",
    "Osallistuja osaa laatia pienen osaamiskokonaisuuden kuvauksen.",
    "Deltagaren kan jämföra två modeller för kvalitetssäkring.",
]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] if values else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--no-autograde", action="store_true", help="stop after collecting")
    args = parser.parse_args()

    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    import psutil

    from tests.hub.hubctl import HubUnavailable, course_hub

    n = args.participants
    print(f"course hub load check: {n} participants, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB")
    t_all = time.monotonic()
    try:
        with course_hub(participants=n) as cohort:
            run(cohort, n, args, t_all)
            t_cleanup = time.monotonic()
    except HubUnavailable as error:
        print(f"skipped: {error}")
        return 0
    print(f"  cleanup (hub, servers, accounts): {time.monotonic() - t_cleanup:6.1f} s")
    print(f"  total: {time.monotonic() - t_all:6.1f} s")
    return 0


def run(cohort, n: int, args, t_all: float) -> None:
    import psutil

    from tests.helpers.course import fill_answers
    from tests.hub.hubctl import ASSIGNMENT, COURSE_ID, memory_of

    notebook = f"{COURSE_ID}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    hub = cohort.hub
    print(f"  hub up, {n + 2} accounts and users made: {time.monotonic() - t_all:6.1f} s")

    t0 = time.monotonic()
    hub.spawn(cohort.participants)
    formgrader = hub.wait_formgrader(cohort.tokens[cohort.trainer])
    hub.wait_ready(cohort.participants, timeout=600)
    print(f"  {n} servers started through the hub API: {time.monotonic() - t0:6.1f} s")

    for action in ("assign", "release"):
        assert formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/{action}")[
            "success"]

    # Every participant at once: fetch, answer, submit.
    def participant(name: str) -> dict:
        server = cohort.server(name)
        times = {}
        try:
            t = time.monotonic()
            server.assignments("fetch")
            times["fetch"] = time.monotonic() - t
            nb = fill_answers(server.read_notebook(notebook), ANSWERS)
            server.write_notebook(notebook, nb)
            t = time.monotonic()
            listed = server.assignments("submit")
            times["submit"] = time.monotonic() - t
            if not listed.get("success"):
                raise RuntimeError(str(listed)[:300])
        except Exception:  # noqa: BLE001  (a failure is a figure here)
            times["error"] = traceback.format_exc(limit=2)
        return times

    t0 = time.monotonic()
    with ThreadPoolExecutor(n) as pool:
        results = list(pool.map(participant, cohort.participants))
    wall = time.monotonic() - t0
    failures = [r["error"] for r in results if "error" in r]
    fetch = [r["fetch"] for r in results if "fetch" in r]
    submit = [r["submit"] for r in results if "submit" in r]
    print(f"  {n} participants fetch + answer + submit at once: {wall:6.1f} s wall")
    print(f"    fetch  median {statistics.median(fetch):5.2f} s, "
          f"p95 {percentile(fetch, 0.95):5.2f} s, max {max(fetch):5.2f} s")
    if submit:
        print(f"    submit median {statistics.median(submit):5.2f} s, "
              f"p95 {percentile(submit, 0.95):5.2f} s, max {max(submit):5.2f} s")
    print(f"    failed requests: {len(failures)}")
    for failure in failures[:3]:
        print("      " + failure.strip().splitlines()[-1])

    in_inbound = {entry.split("+", 1)[0] for entry in os.listdir(hub.inbound)}
    lost = sorted(set(cohort.participants) - in_inbound)
    print(f"  submissions in the exchange: {len(in_inbound)} of {n}; lost: {len(lost)}")

    t0 = time.monotonic()
    collected = formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/collect")
    n_collected = collected["log"].count("Collecting submission")
    print(f"  collected {n_collected} submissions: {time.monotonic() - t0:6.1f} s")

    memory = [memory_of(cohort.accounts.uid(name)) for name in cohort.participants]
    hub_rss = psutil.Process(hub.proc.pid).memory_info().rss / 2**20
    proxy_rss = 0.0
    pid_file = hub.base / "jupyterhub-proxy.pid"
    if pid_file.exists():
        proxy_rss = psutil.Process(int(pid_file.read_text())).memory_info().rss / 2**20
    print(f"  memory per idle participant server: RSS median "
          f"{statistics.median(m['rss_mib'] for m in memory):.0f} MiB, USS median "
          f"{statistics.median(m['uss_mib'] for m in memory):.0f} MiB")
    print(f"  memory of the hub {hub_rss:.0f} MiB, of the proxy {proxy_rss:.0f} MiB, "
          f"machine in use {psutil.virtual_memory().used / 2**30:.1f} GiB")

    if not args.no_autograde:
        t0 = time.monotonic()
        graded = 0
        for name in cohort.participants:
            if name in in_inbound:
                result = formgrader.json(
                    "POST", f"formgrader/api/submission/{ASSIGNMENT}/{name}/autograde")
                graded += bool(result.get("success"))
        elapsed = time.monotonic() - t0
        scores = [s["score"] for s in
                  formgrader.json("GET", f"formgrader/api/submissions/{ASSIGNMENT}")
                  if s.get("autograded")]
        print(f"  autograde (formgrader service, one at a time): {graded} submissions in "
              f"{elapsed:.1f} s = {graded / elapsed:.2f} submissions/s "
              f"({elapsed / max(graded, 1):.1f} s each); scores recorded: {len(scores)}")


if __name__ == "__main__":
    sys.exit(main())
