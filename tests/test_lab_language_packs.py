"""JupyterLab's Finnish and Swedish language packs (lab-language/): the built files are what the
catalogues give, the installed packs are these, every message we translate is one the installed
JupyterLab uses, and translations keep JupyterLab's placeholders. The browser test
tests/browser/test_lab_menus_language.py checks what a participant sees."""

from __future__ import annotations

import json
import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.helpers.paths import REPO
from tests.helpers.scripts import load_script

LAB_LANGUAGE = REPO / "lab-language"
build = load_script(LAB_LANGUAGE / "build.py", "lab_language_build")

# Messages whose %1 is a file type that JupyterLab itself leaves English ("Save %1" -> "Save
# Notebook": its document registry has no translator), so the translation leaves it out
# ("Spara", "Tallenna") rather than show "Spara Notebook".
FILE_TYPE_LEFT_OUT = {"Save %1", "Save %1 As…", "Reload %1 from Disk", "Revert %1 to Checkpoint…",
                      "Rename%1…", "Duplicate %1", "New View for %1",
                      "Are you sure you want to reload the %1 from the disk?"}


def test_the_built_packs_are_what_the_catalogues_give():
    stale = [str(p) for p, data in build.built().items()
             if not p.exists() or p.read_bytes() != data]
    assert stale == [], "run: python lab-language/build.py"


def test_the_installed_packs_are_the_repositorys():
    """requirements.txt installs ./lab-language; after editing it, reinstall it (pip install
    ./lab-language) so that JupyterLab shows what the repository holds."""
    installed = {e.name: e for e in entry_points(group="jupyterlab.languagepack")}
    assert {"fi_FI", "sv_SE"} <= set(installed)
    for locale in ("fi_FI", "sv_SE"):
        module = installed[locale].load()
        folder = Path(module.__file__).parent / "locale" / locale / "LC_MESSAGES"
        for built in build.pack_dir(locale).glob("*.json"):
            assert (folder / built.name).read_bytes() == built.read_bytes(), (
                f"{locale}/{built.name} differs from the installed pack: pip install ./lab-language")


def test_every_message_we_translate_is_one_jupyterlab_uses():
    used = build.installed_strings()
    assert ("menu", "File") in used and ("", "Run All Cells") in used  # the reader finds them
    unused = [(f, c, i) for f, c, i, _ in build.ours() if (c, i) not in used]
    assert unused == [], "not in the installed JupyterLab (renamed upstream, or a typo)"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\d", text))


@pytest.mark.parametrize("locale", ["fi_FI", "sv_SE"])
def test_translations_keep_the_placeholders(locale):
    """No translation brings a %n the English lacks; a singular one keeps every %n of it (but
    the file types left out on purpose). The community's Finnish is checked too."""
    wrong = []
    for domain in build.DOMAINS:
        for message in build.merged(locale, domain) or ():
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            allowed = set().union(*(placeholders(i) for i in ids))
            for form in forms:
                if placeholders(form) - allowed or (
                        len(ids) == 1 and ids[0] not in FILE_TYPE_LEFT_OUT
                        and placeholders(form) != allowed):
                    wrong.append((ids[0], form))
    assert wrong == []


@pytest.mark.parametrize("locale", ["fi_FI", "sv_SE"])
def test_the_main_menus_and_their_common_items_are_translated(locale):
    data = json.loads((build.pack_dir(locale) / "jupyterlab.json").read_text(encoding="utf-8"))
    menus = ["File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help"]
    items = ["Run All Cells", "Restart Kernel…", "Interrupt Kernel", "Save and create checkpoint",
             "Insert a cell below", "Close Tab", "New Launcher", "Upload Files", "New Folder",
             "Rename File", "Select Kernel", "Save your work", "Discard", "Cancel"]
    missing = [m for m in menus if f"menu\x04{m}" not in data]
    missing += [i for i in items if i not in data]
    assert missing == []
    english = [m for m in menus if data[f"menu\x04{m}"] == [m]]
    assert english == []


def test_swedish_is_translated_as_fully_as_finnish():
    """Every message our Finnish covers (ours and the community's) that a participant meets is
    in Swedish too: the Swedish catalogue holds each msgid of our own Finnish one."""
    fi = {(c, i) for f, c, i, _ in build.ours() if f == "fi_FI.po"}
    sv = {(c, i) for f, c, i, _ in build.ours() if f == "sv_SE.po"}
    assert fi - sv == set()


def test_the_built_extension_is_its_sources():
    """lab-language/labextension/ (committed: CI and Binder have no node) records the hash of
    the sources it was built from; a change to extension/ without a rebuild fails here."""
    assert build.recorded_hash() is not None, "no build: python lab-language/build.py extension"
    assert build.recorded_hash() == build.sources_hash(), (
        "extension/ changed since its build: python lab-language/build.py extension")


def test_a_changed_source_makes_the_build_stale(tmp_path, monkeypatch):
    """The check sees a change: the same sources elsewhere hash the same, one edited byte not."""
    copy = tmp_path / "extension"
    for path in build.extension_sources():
        target = copy / path.relative_to(build.EXTENSION)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(build, "EXTENSION", copy)
    assert build.sources_hash() == build.recorded_hash()
    index = copy / "src" / "index.ts"
    index.write_text(index.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    assert build.sources_hash() != build.recorded_hash()


def test_the_installed_extension_is_the_repositorys_and_enabled():
    """pip install ./lab-language puts the committed build where JupyterLab finds it, and
    JupyterLab lists it as enabled."""
    import subprocess
    import sys

    installed = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@microcred" / "lab-language"
    built = sorted(p.relative_to(build.LABEXTENSION) for p in build.LABEXTENSION.rglob("*")
                   if p.is_file())
    assert built, "no build: python lab-language/build.py extension"
    for path in built:
        assert (installed / path).read_bytes() == (build.LABEXTENSION / path).read_bytes(), (
            f"{path} differs from the installed extension: pip install ./lab-language")
    listing = subprocess.run([sys.executable, "-m", "jupyterlab.labextensions", "list"],
                             capture_output=True, text=True, timeout=120)
    line = next((x for x in (listing.stdout + listing.stderr).splitlines()
                 if "@microcred/lab-language" in x), "")
    assert "enabled" in line and "OK" in line, listing.stdout + listing.stderr
