"""Which of JupyterLab's messages a participant meets, and which of them our packs lack.

    python lab-language/probe.py sv_SE [OUT]      (needs Debian's chromium and Playwright)

Builds, in a temporary folder, a pack for LOCALE in which every message JupyterLab passes through
its translator (build.installed_strings) reads ⟦message⟧, starts JupyterLab with it on a copy of
notebooks/, and does what a participant does: opens a notebook, every main menu and its submenus,
the cell's and the file browser's context menus, the kernel, rename and close dialogs, the
launcher and the side panels (the debugger's, the property inspector and the extension manager
too). It prints the messages met (marked on the screen) that po/LOCALE.po
does not translate, and saves a screenshot of each step in OUT (default: test-output/lab-probe).
Run it after upgrading JupyterLab; text on the screen without marks does not go through the
translator (nbgrader's labels, file types, kernel names) and no pack can change it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import build
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

MARK = re.compile("\u27e6([^\u27e6\u27e7]*)\u27e7")  # the innermost ⟦...⟧
OWN = "microcred_lab_language"  # our domain: text JupyterLab writes without a message (the extension)
# Submenus that list names (programming languages), not words to translate.
NAMES = ("Syntax Highlighting",)
COMMANDS = ["kernelmenu:restart", "docmanager:rename", "kernelmenu:shutdown",
            "notebook:change-kernel", "filebrowser:create-new-directory", "launcher:create",
            "help:about", "running:show-panel", "toc:show-panel", "filebrowser:activate"]
# The side panels a participant can open from the side bars besides those (by widget id).
SIDE_PANELS = ["jp-debugger-sidebar", "jp-property-inspector", "extensionmanager.main-view"]
# Visible text and the attributes that show as tooltips or are read out.
COLLECT = """() => {
  const out = [];
  const walk = (el) => {
    // (an element shown as its children only, display: contents, has no box of its own)
    if (el.checkVisibility && !el.checkVisibility()
        && getComputedStyle(el).display !== 'contents') return;
    for (const a of ['title', 'aria-label', 'placeholder']) {
      const v = el.getAttribute && el.getAttribute(a); if (v) out.push(v);
    }
    for (const c of el.childNodes) {
      if (c.nodeType === 3) { if (c.textContent.trim()) out.push(c.textContent); }
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(document.body);
  return out.join('\\n');
}"""


def marked_pack(folder: Path, locale: str) -> None:
    """A pack for ``locale`` that shows every message as ⟦message⟧ (importable from folder)."""
    module = folder / f"jupyterlab_language_pack_{locale}"
    messages = module / "locale" / locale / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (module / "__init__.py").write_text("", encoding="utf-8")
    dist = folder / "lab_probe-0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lab-probe\nVersion: 0\n")
    (dist / "entry_points.txt").write_text(
        f"[jupyterlab.languagepack]\n{locale} = jupyterlab_language_pack_{locale}\n")
    catalog = Catalog(locale=locale, domain="jupyterlab")
    data: dict[str, object] = {"": {"domain": "jupyterlab", "language": locale.replace("_", "-"),
                                    "plural_forms": catalog.plural_forms, "version": "0"}}
    for context, text in build.installed_strings():
        if text.strip():  # an empty msgid would be the catalogue's header
            catalog.add(text, f"\u27e6{text}\u27e7", context=context or None)
            data[f"{context}\x04{text}" if context else text] = [f"\u27e6{text}\u27e7"]
    (messages / "jupyterlab.json").write_text(json.dumps(data, ensure_ascii=False))
    with (messages / "jupyterlab.mo").open("wb") as fh:
        write_mo(fh, catalog)
    own: dict[str, object] = {"": {**data[""], "domain": OWN}}  # type: ignore[dict-item]
    for name, context, text, _ in build.ours():
        if name.startswith(f"{OWN}-"):
            own[f"{context}\x04{text}" if context else text] = [f"\u27e6{text}\u27e7"]
    (messages / f"{OWN}.json").write_text(json.dumps(own, ensure_ascii=False))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def jupyterlab(root: Path, settings: Path, env: dict[str, str],
               *options: str) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on ``root`` that reads its user settings from ``settings``, with
    ``env`` and extra ``options``; yields its address ``http://127.0.0.1:<port>/`` and token as
    ``(address, token)``, and stops it at the end (used by bench/bench_lab_relabel.py too)."""
    port, token = free_port(), secrets.token_hex(8)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={root}", f"--LabApp.user_settings_dir={settings}",
         "--LabApp.expose_app_in_browser=True", *options,
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}")
                break
            except OSError:
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/", token
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def walk(url: str, out: Path) -> dict[str, str]:
    """The text of each screen a participant opens (a screenshot of each in ``out``)."""
    from playwright.sync_api import sync_playwright

    screens: dict[str, str] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def grab(name: str) -> None:
            page.wait_for_timeout(500)
            screens[name] = page.evaluate(COLLECT)
            page.screenshot(path=str(out / f"{len(screens):02d}-{name}.png"))

        page.goto(url)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
        grab("notebook")
        titles = page.locator(".lm-MenuBar-content > .lm-MenuBar-item")
        for n in range(titles.count()):
            titles.nth(n).click()
            grab(f"menu-{n}")
            subs = page.locator(".lm-Menu").first.locator(".lm-Menu-item[data-type='submenu']")
            for k in range(subs.count()):
                if any(name in subs.nth(k).inner_text() for name in NAMES):
                    continue
                subs.nth(k).hover()
                grab(f"menu-{n}-{k}")
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
        for name, target in (("cell-menu", ".jp-NotebookPanel .jp-Cell"),
                             ("file-menu", ".jp-DirListing-item")):
            page.locator(target).first.click(button="right")
            grab(name)
            page.keyboard.press("Escape")
        for command in COMMANDS:
            page.evaluate("(c) => { window.jupyterapp.commands.execute(c).catch(() => null); }",
                          command)
            page.wait_for_timeout(1000)
            grab(command.replace(":", "-"))
            page.keyboard.press("Escape")
        for panel in SIDE_PANELS:
            page.evaluate("(id) => window.jupyterapp.shell.activateById(id)", panel)
            grab(panel.replace(".", "-"))
        page.goto(url)  # the notebook again, in front
        page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=90_000)
        page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputArea-editor").first.click()
        page.keyboard.type("x")
        grab("edit-mode")
        page.evaluate("() => { window.jupyterapp.commands.execute('application:close'); }")
        grab("close-unsaved")
        browser.close()
    return screens


def main(argv: list[str]) -> int:
    locale = argv[0]
    out = Path(argv[1]) if len(argv) > 1 else build.HERE.parent / "test-output" / "lab-probe"
    out.mkdir(parents=True, exist_ok=True)
    repo = build.HERE.parent
    with tempfile.TemporaryDirectory(prefix="lab-probe-") as tmp:
        base = Path(tmp)
        marked_pack(base / "site", locale)
        shutil.copytree(repo / "notebooks", base / "root" / "notebooks")
        settings = base / "settings" / "@jupyterlab" / "translation-extension"
        settings.mkdir(parents=True)
        (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": locale}))
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(base / "config"),
               "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
               "PYTHONPATH": os.pathsep.join([str(base / "site"), str(repo)])}
        with jupyterlab(base / "root", base / "settings", env) as (address, token):
            lang = locale.split("_")[0]
            screens = walk(f"{address}lab/tree/notebooks/{lang}/welcome.ipynb?reset&token={token}",
                           out)
    met = {m for text in screens.values() for m in marked(text)}
    have = {(m.id if isinstance(m.id, str) else m.id[0]).strip()  # the community's and ours
            for domain in ("jupyterlab", OWN) for m in build.merged(locale, domain) or () if m.id}
    # A rendered message has its %1 filled in: it counts as one we have when a pattern of ours
    # matches. Not a whole message of JupyterLab's, though: "%1 and %2" would match any
    # sentence with "and" in it and hide it.
    messages = {text.strip() for _context, text in build.installed_strings()}
    patterns = [re.compile(re.sub(r"%\d", ".+?", re.escape(h)) + "$", re.S)
                for h in have if "%" in h]
    lacking = sorted(m for m in met if m not in have
                     and (m in messages or not any(p.match(m) for p in patterns)))
    for text in lacking:
        print(repr(text))
    bare = drawn_without_translator(screens, locale)
    if bare:
        print("\nJupyterLab's own messages drawn without its translator (no pack reaches them):")
        for text in bare:
            print(repr(text))
    print(f"{len(met)} messages met on {len(screens)} screens, {len(lacking)} not in {locale}, "
          f"{len(bare)} drawn without the translator; screenshots in {out}", file=sys.stderr)
    return 0


def marked(text: str) -> set[str]:
    """Every marked message in ``text``, the ones around a filled-in %1 too: "⟦Mode: ⟦Edit⟧⟧"
    gives "Edit" and "Mode: Edit" (taking only the innermost ⟦...⟧ left "Mode:" looking like
    unmarked text)."""
    found: set[str] = set()
    while MARK.search(text):
        found.update(m.strip() for m in MARK.findall(text) if m.strip())
        text = MARK.sub(lambda m: m.group(1), text)
    return found


def drawn_without_translator(screens: dict[str, str], locale: str) -> list[str]:
    """Lines on the screens that are one of JupyterLab's messages, shown in English although the
    pack translates them (and not marked): the code that draws them never asks the translator
    (JupyterLab 4.6: "No Kernel" on the toolbar and in the status bar, a few screen-reader
    labels), and the course's lab extension (extension/src/index.ts) does not know them yet.
    Works with the marked pack and with the real one."""
    translated = {m.id for domain in ("jupyterlab", OWN) for m in build.merged(locale, domain) or ()
                  if isinstance(m.id, str) and m.id.strip() and m.string and m.string != m.id}
    lines = {line.strip() for text in screens.values() for line in text.splitlines()}
    return sorted(line for line in lines if line in translated)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
