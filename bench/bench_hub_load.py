"""Load check of the course hub: 30 participants fetching and submitting at once, on this machine.

Starts the real hub of the hub test (``tests/hub/hubctl.py``: real Unix accounts, JupyterHub with
configurable-http-proxy, ``deploy/jupyterhub/jupyterhub_config.py``), starts every participant's
server through the hub API, releases the ``outcomes`` assignment through the formgrader service,
then lets all participants fetch, answer and submit at the same moment through their own servers
(the course's assignment panel, run in a kernel of each, as notebooks/assignments.ipynb runs it).
The trainer then collects and autogrades everything. A few participants then use the course's
tools in a notebook (the outcome coach in English, Finnish and Swedish), and the memory of their
server is measured again: that is an *active* participant. Prints times, failures and memory;
asserts nothing (target: no submission lost). Needs root; prints why and stops otherwise.

The figures also go to ``book/trainers/hub-sizing.inc``, which ``book/trainers/deploy.md``
includes: the book's sizing table is this benchmark's output, never typed by hand.

    sudo .venv/bin/python bench/bench_hub_load.py [--participants 30] [--active 5] [--no-autograde]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import statistics
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SIZING = REPO / "book" / "trainers" / "hub-sizing.inc"

# What a participant does in a practice notebook: the outcome coach in all three languages.
ACTIVE = r"""
import microcred.widgets
from microcred.outcomes import analyse
for text in ["Osallistuja osaa analysoida asiakastarpeita.",
             "The participant can design an assessment task.",
             "Deltagaren kan jämföra två modeller för kvalitetssäkring."] * 10:
    analyse(text)
print("ok")
"""

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
    parser.add_argument("--active", type=int, default=5,
                        help="participants whose server is measured after using the tools")
    parser.add_argument("--no-write", action="store_true",
                        help=f"print only; do not write {SIZING.relative_to(REPO)}")
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
            figures = run(cohort, n, args, t_all)
            t_cleanup = time.monotonic()
    except HubUnavailable as error:
        print(f"skipped: {error}")
        return 0
    print(f"  cleanup (hub, servers, accounts): {time.monotonic() - t_cleanup:6.1f} s")
    print(f"  total: {time.monotonic() - t_all:6.1f} s")
    if not args.no_write:
        SIZING.write_text(sizing_table(figures), encoding="utf-8")
        print(f"  wrote {SIZING.relative_to(REPO)}")
    return 0


def run(cohort, n: int, args, t_all: float) -> dict:
    import psutil

    from tests.helpers.course import fill_answers
    from tests.hub.hubctl import ASSIGNMENT, COURSE_ID, memory_of

    notebook = f"{COURSE_ID}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    hub = cohort.hub
    print(f"  hub up, {n + 2} accounts and users made: {time.monotonic() - t_all:6.1f} s")

    figures: dict = {"participants": n, "cores": os.cpu_count(),
                     "memory_gib": psutil.virtual_memory().total / 2**30,
                     "date": dt.date.today().isoformat(), "load": [os.getloadavg()[0]]}
    t0 = time.monotonic()
    hub.spawn(cohort.participants)
    formgrader = hub.wait_formgrader(cohort.tokens[cohort.trainer])
    hub.wait_ready(cohort.participants, timeout=600)
    figures["start_s"] = time.monotonic() - t0
    print(f"  {n} servers started through the hub API: {figures['start_s']:6.1f} s")

    for action in ("assign", "release"):
        assert formgrader.json("POST", f"formgrader/api/assignment/{ASSIGNMENT}/{action}")[
            "success"]

    # Every participant at once: fetch, answer, submit.
    def participant(name: str) -> dict:
        server = cohort.server(name)
        times = {}
        try:
            t = time.monotonic()
            fetched = server.panel("fetch")  # the course's panel, in a kernel of their server
            times["fetch"] = time.monotonic() - t
            if not fetched.get("success"):
                raise RuntimeError(str(fetched)[:300])
            nb = fill_answers(server.read_notebook(notebook), ANSWERS)
            server.write_notebook(notebook, nb)
            t = time.monotonic()
            listed = server.panel("submit")
            times["submit"] = time.monotonic() - t
            if not listed.get("success"):
                raise RuntimeError(str(listed)[:300])
        except Exception:  # noqa: BLE001  (a failure is a figure here)
            times["error"] = traceback.format_exc(limit=2)
        finally:
            # submit ran in the kernel fetch started (hubctl.Server.panel); the memory below is
            # of an idle server
            server.close_panel()
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
    figures.update(submit_wall_s=wall, failed=len(failures), lost=len(lost))

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
    figures.update(idle_rss=statistics.median(m["rss_mib"] for m in memory),
                   idle_uss=statistics.median(m["uss_mib"] for m in memory),
                   hub_rss=hub_rss, proxy_rss=proxy_rss)

    # Active participants: a kernel that has used the outcome coach in three languages.
    active = []
    for name in cohort.participants[:max(args.active, 0)]:
        server = cohort.server(name)
        kernel = server.start_kernel()
        try:
            if server.run(ACTIVE, kernel_id=kernel, timeout=600).strip() == "ok":
                active.append(memory_of(cohort.accounts.uid(name)))
        finally:
            server.stop_kernel(kernel)
    if active:
        figures["active_rss"] = statistics.median(m["rss_mib"] for m in active)
        figures["active_max_rss"] = max(m["rss_mib"] for m in active)
        print(f"  memory per active participant server ({len(active)} measured): RSS median "
              f"{figures['active_rss']:.0f} MiB, max {figures['active_max_rss']:.0f} MiB")
    import pwd

    figures["formgrader_rss"] = memory_of(pwd.getpwnam(hub.grader).pw_uid)["rss_mib"]
    print(f"  memory of the formgrader service: {figures['formgrader_rss']:.0f} MiB")

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
        figures["autograde_s_each"] = elapsed / max(graded, 1)
    figures["load"].append(os.getloadavg()[0])
    return figures


def sizing_table(f: dict) -> str:
    """The book's sizing table and plan (MyST), from this run's figures."""
    def mb(x: float) -> str:
        return f"{10 * round(x / 10):.0f} MB"

    active = f.get("active_rss")
    fixed = f["hub_rss"] + f["proxy_rss"] + f["formgrader_rss"]
    rows = [
        ("A participant's server, idle (JupyterLab only)",
         f"{mb(f['idle_rss'])} ({mb(f['idle_uss'])} of it its own)"),
        ("A participant's server, **active** (a notebook has used the outcome coach in "
         "English, Finnish and Swedish)",
         f"{mb(active)} (largest {mb(f['active_max_rss'])})" if active else "not measured"),
        ("The formgrader service (idle)", mb(f["formgrader_rss"])),
        ("The hub and the proxy", f"{mb(f['hub_rss'])} and {mb(f['proxy_rss'])}"),
        (f"{f['participants']} participants' servers starting at once", f"{f['start_s']:.0f} s"),
        (f"{f['participants']} participants fetching and submitting at the same moment",
         f"{f['submit_wall_s']:.0f} s in all; {f['failed']} failed, {f['lost']} lost"),
    ]
    if "autograde_s_each" in f:
        rows.append(("Autograding through the formgrader, one at a time",
                     f"{f['autograde_s_each']:.1f} s per submission"))
    lines = [
        f"Measured on {f['date']} by `bench/bench_hub_load.py` on this project's development "
        f"machine ({f['cores']} processor cores, {f['memory_gib']:.0f} GB of memory, shared with "
        f"other work: load average {f['load'][0]:.1f} at the start and {f['load'][-1]:.1f} at "
        "the end), with real user accounts and the course's hub configuration. The benchmark "
        "writes this table; your server will differ, so treat the figures as orders of "
        "magnitude.", "", "| What | Measured |", "|---|---|"]
    lines += [f"| {what} | {value} |" for what, value in rows]
    if active:
        per_active = math.ceil(active * 1.25 / 100) / 10  # GB, a quarter of headroom, rounded up
        per_idle = math.ceil(f["idle_rss"] * 1.25 / 100) / 10
        base = max(1.0, math.ceil(fixed * 1.5 / 100) / 10)
        total30 = base + 30 * per_active
        mixed = base + 15 * per_active + 15 * per_idle
        lines += ["", f"Plan with **{per_active:.1f} GB per participant who works at the same "
                  f"time**, {per_idle:.1f} GB for each further logged-in participant and "
                  f"{base:.1f} GB for the hub, proxy and formgrader (each measured figure plus a "
                  f"quarter, rounded up to the next 0.1 GB; the shared services plus a half, and "
                  f"at least 1 GB): a cohort of 30 working together needs about "
                  f"**{math.ceil(total30)} GB**, 15 working while 15 are idle about "
                  f"{math.ceil(mixed)} GB."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
