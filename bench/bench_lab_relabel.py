"""Benchmark: what the course's lab extension (lab-language/extension/, @microcred/lab-language)
costs the browser while a participant works.

Goal (issue 19): nothing noticeable; nothing at all on an English screen (no observer started).

Starts JupyterLab on a copy of notebooks/ with the screen in LOCALE, opens a notebook in Debian's
chromium and, under V8's sampling profiler (every 100 µs), loads the page again, types into a
code cell, runs every cell, shuts the kernel down and opens and closes each main menu. Prints
the CPU time the profile holds in all, the part in the extension's code (samples with one of
its functions on the stack) and the part of that in its MutationObserver's callback (none on an
English screen, where it starts no observer: what is left is loading the script), for fi_FI
and en. A sampling profiler misses calls shorter than its interval: read the figures as
estimates, and the share rather than the milliseconds (the page's own work varies from run to
run with the machine's load).

    python bench/bench_lab_relabel.py [--chars 400] [--locales fi_FI en]

Prints figures, asserts nothing; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "lab-language"))
import probe  # noqa: E402  (lab-language/probe.py: its JupyterLab server, shared with the probe)

EXTENSION = "@microcred/lab-language"  # the URL path of its scripts
NOTEBOOK = "outcomes-coach.ipynb"


@contextlib.contextmanager
def jupyterlab(locale: str) -> Iterator[str]:
    """A JupyterLab server with the screen in ``locale`` on a copy of notebooks/; its URL."""
    with tempfile.TemporaryDirectory(prefix="bench-relabel-") as tmp:
        base = Path(tmp)
        shutil.copytree(REPO / "notebooks", base / "root" / "notebooks")
        settings = base / "settings"
        for plugin, values in (("translation-extension/plugin", {"locale": locale}),
                               ("notebook-extension/tracker", {"windowingMode": "none"})):
            path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(base / "config"),
               "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "IPYTHONDIR": str(base / "ipython"),
               "JUPYTER_CONFIG_PATH": str(REPO / "deploy" / "jupyterhub" / "participant"),
               "JUPYTERLAB_SETTINGS_DIR": str(settings)}
        with probe.jupyterlab(base / "root", settings, env,
                              f"--LabApp.workspaces_dir={base / 'workspaces'}",
                              "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"
                              ) as (address, token):
            lang = locale.split("_")[0]
            folder = "" if lang == "en" else f"{lang}/"
            yield f"{address}lab/workspaces/bench/tree/notebooks/{folder}{NOTEBOOK}?reset&token={token}"


# The Relabeller's methods that run when the page changes (their names survive minifying).
CALLBACK = {"onMutations", "visit", "attribute", "text"}


def profile_times(profile: dict) -> tuple[float, float, float]:
    """(busy, extension, callback) milliseconds of a V8 CPU profile: each sample's interval but
    the idle ones, counted for the extension when a frame on its stack comes from the
    extension's scripts, and for its observer's callback when that frame is one of CALLBACK."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    kinds: dict[int, tuple[bool, bool]] = {}

    def kind(node_id: int) -> tuple[bool, bool]:
        """(in the extension, in its callback) for a sample whose top frame is ``node_id``."""
        if node_id not in kinds:
            frame = nodes[node_id]["callFrame"]
            own = EXTENSION in frame.get("url", "")
            above = kind(parent[node_id]) if node_id in parent else (False, False)
            kinds[node_id] = (own or above[0],
                              (own and frame["functionName"] in CALLBACK) or above[1])
        return kinds[node_id]

    total = extension = callback = 0.0
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        if nodes[sample]["callFrame"]["functionName"] == "(idle)":
            continue
        total += delta
        ours, called = kind(sample)
        extension += delta if ours else 0
        callback += delta if called else 0
    return total / 1000, extension / 1000, callback / 1000


def workload(page, chars: int) -> None:
    """What a participant does: reload, type into a code cell, run all, no kernel, the menus."""
    page.reload()
    page.wait_for_function("() => !!window.jupyterapp")
    page.evaluate("async () => { await window.jupyterapp.restored; }")
    page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=90_000)
    page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputArea-editor").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# " + "x" * (chars - 3), delay=5)
    page.keyboard.press("Escape")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_timeout(8000)
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    page.wait_for_timeout(1000)
    titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
    for n in range(titles.count()):
        titles.nth(n).click()
        page.wait_for_timeout(200)
        page.keyboard.press("Escape")


def measure(locale: str, chars: int) -> tuple[float, float, float, float]:
    """(busy ms, extension ms, callback ms, wall s) for the workload on a ``locale`` screen."""
    from playwright.sync_api import sync_playwright

    with jupyterlab(locale) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=90_000)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 100})
        cdp.send("Profiler.start")
        started = time.perf_counter()
        workload(page, chars)
        wall = time.perf_counter() - started
        profile = cdp.send("Profiler.stop")["profile"]
        browser.close()
    return (*profile_times(profile), wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=400, help="characters typed into a cell")
    parser.add_argument("--locales", nargs="+", default=["fi_FI", "en"])
    args = parser.parse_args()
    print(f"lab extension {EXTENSION}: reload, type {args.chars} characters, run all cells, "
          f"no kernel, every main menu; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    for locale in args.locales:
        total, extension, callback, wall = measure(locale, args.chars)
        share = 100 * extension / total if total else 0.0
        print(f"  {locale:6} {wall:6.1f} s wall, {total:8.1f} ms busy in the page, "
              f"{extension:6.2f} ms in the extension ({share:.3f} %), {callback:6.2f} ms of it "
              "in its observer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
