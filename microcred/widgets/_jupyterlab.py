"""JupyterLab's own menus and dialogs in the course's screen language.

JupyterLab takes its language, when the page loads, from the user setting ``locale`` of its
plugin ``@jupyterlab/translation-extension:plugin``: a JSON file in its user-settings folder
(``$JUPYTERLAB_SETTINGS_DIR``, else ``<Jupyter config folder>/lab/user-settings``, as jupyterlab
finds it), shown when a language pack for that locale is installed: ``fi_FI`` and ``sv_SE`` from
the course's own ``lab-language/`` (requirements.txt). ``default`` or no file means the server's
own locale, English here. A notebook's kernel runs beside its JupyterLab with the same
environment, so a tool can write that file; the page shows the change after a reload. A
launch link (``lab_link``) writes it in the server before JupyterLab's page loads, so the page
opens in that language at once.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import entry_points
from pathlib import Path

from ..errors import UserError
from ..files import write_text_atomic

PLUGIN = ("@jupyterlab", "translation-extension", "plugin.jupyterlab-settings")
ENGLISH = "en"  # what JupyterLab's own Language menu writes for English
LINK = "microcred/lab"  # <base_url>microcred/lab/<lang>/<path>: see lab_link


def launch_path(lang: str, path: str) -> str:
    """The server path (under its base_url) that opens ``path`` in JupyterLab in ``lang``."""
    return f"{LINK}/{lang}/{path.lstrip('/')}"


def settings_file(folder: str | os.PathLike | None = None) -> Path:
    """The file where JupyterLab keeps the user's language setting: in its user-settings
    ``folder`` when the caller knows it (the server's LabApp), else where jupyterlab looks."""
    folder = folder or os.environ.get("JUPYTERLAB_SETTINGS_DIR")
    if not folder:
        from jupyter_core.paths import jupyter_config_dir

        folder = os.path.join(jupyter_config_dir(), "lab", "user-settings")
    return Path(folder).joinpath(*PLUGIN)


def lab_locale(lang: str) -> str:
    """JupyterLab's locale for a screen language: an installed language pack's (``fi`` ->
    ``fi_FI``), else English (no pack for the language)."""
    packs = sorted(e.name for e in entry_points(group="jupyterlab.languagepack"))
    return next((name for name in packs if name.split("_")[0].lower() == lang), ENGLISH)


def _read(path: Path) -> dict | None:
    """The settings in ``path`` (JupyterLab writes JSON5: comments allowed); {} when there is
    no file, None when it cannot be read (then it is left alone)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = json.loads(text) if text.strip() else {}
    except ValueError:
        try:
            import json5

            data = json5.loads(text)
        except Exception:  # no json5 or not JSON5 either: never overwrite what we cannot read
            return None
    return data if isinstance(data, dict) else None


def chosen_locale() -> str | None:
    """The locale the user's JupyterLab setting names, or None when none is set."""
    data = _read(settings_file())
    locale = (data or {}).get("locale")
    return locale if isinstance(locale, str) and locale != "default" else None


def follow(lang: str, only_if_unset: bool = False,
           folder: str | os.PathLike | None = None) -> str | None:
    """Set JupyterLab's language to ``lang``'s locale (``only_if_unset``: only when the user has
    set none, so that a choice made in JupyterLab stays; ``folder``: JupyterLab's user-settings
    folder, see ``settings_file``); the locale written, or None when nothing changed or the file
    could not be read or written (never an error: this only spares the participant a step in
    JupyterLab's Settings menu)."""
    path, locale = settings_file(folder), lab_locale(lang)
    data = _read(path)
    if data is None:
        return None
    current = data.get("locale")
    current = current if isinstance(current, str) and current != "default" else None
    if (only_if_unset and current) or (current or ENGLISH) == locale:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps({**data, "locale": locale}, indent=4) + "\n", lang)
    except (OSError, UserError):
        return None
    return locale


def in_jupyterlab() -> bool:
    """True when the tool runs in a notebook's kernel that a Jupyter server started for its page
    (it sets JPY_SESSION_NAME), whose JupyterLab reads ``settings_file``: never in a script, a
    test, or a notebook that nbclient, nbval or the book build executes."""
    if not os.environ.get("JPY_SESSION_NAME"):
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return getattr(get_ipython(), "kernel", None) is not None
