"""JupyterLab's own language following the course's screen language (widgets/_jupyterlab.py and
the tools' language menu): the setting file JupyterLab reads, written only in a kernel that JupyterLab started,
a choice made in JupyterLab kept, and a note that a reload shows it. The browser test
tests/browser/test_lab_languages.py checks that JupyterLab reads what is written here."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w
import pytest

from microcred.i18n import t
from microcred.widgets import _jupyterlab
from microcred.widgets._language import language_menu


@pytest.fixture
def lab_settings(tmp_path, monkeypatch):
    """JupyterLab's user-settings folder in a temporary folder; the file of its language."""
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path / "user-settings"))
    monkeypatch.chdir(tmp_path)  # the menu keeps the course's choice in ./microcred-settings.yaml
    return tmp_path / "user-settings" / "@jupyterlab" / "translation-extension" / \
        "plugin.jupyterlab-settings"


def locale_in(path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["locale"]


def test_finnish_and_swedish_have_an_installed_language_pack():
    # requirements.txt installs ./lab-language, the course's own packs for fi_FI and sv_SE.
    assert _jupyterlab.lab_locale("fi") == "fi_FI"
    assert _jupyterlab.lab_locale("sv") == "sv_SE"
    assert _jupyterlab.lab_locale("en") == "en"


def test_a_language_without_a_pack_maps_to_english(monkeypatch):
    monkeypatch.setattr(_jupyterlab, "entry_points", lambda group: [])
    assert _jupyterlab.lab_locale("sv") == "en" and _jupyterlab.lab_locale("fi") == "en"


def test_follow_writes_the_locale_and_keeps_other_settings(lab_settings):
    lab_settings.parent.mkdir(parents=True)
    lab_settings.write_text('{\n  // written by JupyterLab\n  "displayStringsPrefix": false\n}')
    assert _jupyterlab.follow("fi") == "fi_FI"
    assert json.loads(lab_settings.read_text()) == {"displayStringsPrefix": False,
                                                    "locale": "fi_FI"}
    assert _jupyterlab.follow("fi") is None  # already so: nothing written
    assert _jupyterlab.follow("sv") == "sv_SE"
    assert locale_in(lab_settings) == "sv_SE"
    assert _jupyterlab.follow("en") == "en"
    assert _jupyterlab.follow("en") is None


def test_a_language_set_in_jupyterlab_stays_unless_chosen_again(lab_settings):
    assert _jupyterlab.follow("en", only_if_unset=True) is None  # English is the default
    assert not lab_settings.exists()
    lab_settings.parent.mkdir(parents=True)
    lab_settings.write_text('{"locale": "de_DE"}')
    assert _jupyterlab.follow("fi", only_if_unset=True) is None
    assert locale_in(lab_settings) == "de_DE"
    lab_settings.write_text('{"locale": "default"}')
    assert _jupyterlab.follow("fi", only_if_unset=True) == "fi_FI"


def test_an_unreadable_setting_file_is_left_alone(lab_settings):
    lab_settings.parent.mkdir(parents=True)
    lab_settings.write_text("{ this is not JSON")
    assert _jupyterlab.follow("fi") is None
    assert lab_settings.read_text() == "{ this is not JSON"


def tool() -> w.VBox:
    return w.VBox([w.HTML("body")])


def note_of(box: w.VBox) -> str:
    notes = [c for c in box.children if "mc-lab-language" in c._dom_classes]
    return notes[0].value if notes else ""


def test_choosing_a_language_in_a_tool_sets_jupyterlabs_and_says_to_reload(lab_settings,
                                                                           monkeypatch):
    monkeypatch.setattr(_jupyterlab, "in_jupyterlab", lambda: True)
    box = tool()
    menu = language_menu(box, "en")
    assert not lab_settings.exists() and not note_of(box)
    menu.value = "fi"
    assert locale_in(lab_settings) == "fi_FI"
    assert t("common.lab-reload", "fi") in note_of(box)
    assert box.children[0] is menu and box.children[-1].value == "body"
    menu.value = "sv"
    assert locale_in(lab_settings) == "sv_SE"
    assert t("common.lab-reload", "sv") in note_of(box)
    menu.value = "en"
    assert locale_in(lab_settings) == "en"
    assert "Reload the page (F5)" in note_of(box)


def test_a_language_without_a_pack_says_the_menus_stay_english(lab_settings, monkeypatch):
    monkeypatch.setattr(_jupyterlab, "in_jupyterlab", lambda: True)
    monkeypatch.setattr(_jupyterlab, "entry_points", lambda group: [])
    box = tool()
    menu = language_menu(box, "en")
    menu.value = "sv"
    assert not lab_settings.exists()  # English already: nothing written
    assert not note_of(box)
    lab_settings.parent.mkdir(parents=True)
    lab_settings.write_text('{"locale": "fi_FI"}')
    menu.value = "fi"
    assert locale_in(lab_settings) == "en"
    assert t("common.lab-no-pack", "fi") in note_of(box)


def test_a_tool_opening_in_finnish_sets_jupyterlab_once(lab_settings, monkeypatch):
    monkeypatch.setattr(_jupyterlab, "in_jupyterlab", lambda: True)
    box = tool()
    language_menu(box, "fi")
    assert locale_in(lab_settings) == "fi_FI"
    assert t("common.lab-reload", "fi") in note_of(box)
    lab_settings.write_text('{"locale": "en"}')  # the participant chose English in JupyterLab
    again = tool()
    language_menu(again, "fi")
    assert locale_in(lab_settings) == "en" and not note_of(again)


def test_only_a_kernel_that_a_jupyter_server_started_writes():
    """Notebooks that nbclient, nbval or the book build execute run in kernels too: they must
    not change the machine's JupyterLab (a Finnish notebook would make it Finnish)."""
    from jupyter_client.manager import start_new_kernel

    code = ("import os\nfrom microcred.widgets._jupyterlab import in_jupyterlab\n"
            "print(in_jupyterlab())\nos.environ['JPY_SESSION_NAME'] = 'page.ipynb'\n"
            "print(in_jupyterlab())")
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        printed: list[str] = []
        kc.execute_interactive(code, timeout=60, output_hook=lambda msg: printed.append(
            msg["content"].get("text", "")) if msg["msg_type"] == "stream" else None)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert "".join(printed).split() == ["False", "True"]


def test_outside_a_notebook_kernel_nothing_is_written(lab_settings):
    assert not _jupyterlab.in_jupyterlab()
    menu = language_menu(tool(), "fi")
    menu.value = "sv"
    assert not lab_settings.exists()


@pytest.mark.parametrize("folder", [None, "elsewhere"])
def test_the_setting_file_is_where_jupyterlab_reads_it(tmp_path, monkeypatch, folder):
    from jupyterlab.commands import get_user_settings_dir  # what LabApp.user_settings_dir uses

    if folder:
        monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path / folder))
    else:
        monkeypatch.delenv("JUPYTERLAB_SETTINGS_DIR", raising=False)
        monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "config"))
    path = _jupyterlab.settings_file()
    assert path.parents[2] == Path(get_user_settings_dir())
    assert path.parent.parent.name == "@jupyterlab"
