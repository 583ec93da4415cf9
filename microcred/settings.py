"""The screen language: one setting that every tool, chart and message frame follows.

The screen language (what the labels, charts and feedback frames are written in) is not the
analysis language (the language an outcome is written in, detected line by line). It is kept in
a small file beside the design file, ``microcred-settings.yaml``::

    ui: fi              # the course's screen language
    tools:              # optional: a tool that shows another language
      outcome-coach: sv

A tool's language is, in this order: the ``ui=`` it was called with, its entry under ``tools``,
the course's ``ui``, the environment variable ``MICROCRED_UI`` (a hub or a book edition that
serves one language sets it), the design file's language (``design.language_of``), English.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .i18n import LANGUAGES

SETTINGS_NAME = "microcred-settings.yaml"
ENVIRONMENT = "MICROCRED_UI"  # the deployment's screen language, below the participant's own
DESIGN_NAME = "my-microcredential.yaml"  # design.DEFAULT_NAME, without importing the design package
_HEADER = ("# microcred settings: the language of the screens (en, fi or sv), for the whole course\n"
           "# (ui) or for one tool (tools). Written by the tools' language menu; safe to edit.\n")


def settings_path(folder: str | os.PathLike[str] = ".") -> Path:
    """The settings file of a course folder (the folder of the design file)."""
    return Path(folder) / SETTINGS_NAME


def read_settings(folder: str | os.PathLike[str] = ".") -> dict[str, Any]:
    """The settings as a dict; an absent or unreadable file is no settings (never an error)."""
    try:
        data = yaml.safe_load(settings_path(folder).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _known(value: object) -> str | None:
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else None


def course_language(folder: str | os.PathLike[str] = ".") -> str | None:
    """The course's screen language when the settings file names one (else None)."""
    return _known(read_settings(folder).get("ui"))


def screen_language(tool: str | None = None, ui: str | None = None,
                    folder: str | os.PathLike[str] = ".") -> str:
    """The screen language of ``tool``: ``ui`` if given, else the settings, else $MICROCRED_UI,
    else the design file's language, else English."""
    return chosen_language(tool, ui, folder) or _design_language(Path(folder) / DESIGN_NAME)


def chosen_language(tool: str | None = None, ui: str | None = None,
                    folder: str | os.PathLike[str] = ".") -> str | None:
    """The screen language someone chose (``ui``, the settings, $MICROCRED_UI), or None: then
    a report on a design may speak the design's language."""
    if _known(ui):
        return _known(ui)
    settings = read_settings(folder)
    tools = settings.get("tools")
    if tool and isinstance(tools, dict) and _known(tools.get(tool)):
        return _known(tools.get(tool))
    return _known(settings.get("ui")) or _known(os.environ.get(ENVIRONMENT))


def _design_language(path: Path) -> str:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "en"
    if not isinstance(data, dict):
        return "en"
    from .design import language_of

    return language_of(data)


def save_screen_language(lang: str, tool: str | None = None,
                         folder: str | os.PathLike[str] = ".") -> Path:
    """Keep ``lang`` as the course's screen language (or, with ``tool``, that tool's), atomically.

    Choosing the course's language clears the tools' own choices, so that one choice is enough."""
    from .errors import UserError
    from .files import write_text_atomic
    from .i18n import t

    if lang not in LANGUAGES:
        raise UserError(t("common.bad-language", "en", language=lang,
                          languages=", ".join(LANGUAGES)))
    settings = read_settings(folder)
    if tool:
        tools = settings.get("tools")
        settings["tools"] = {**(tools if isinstance(tools, dict) else {}), tool: lang}
    else:
        settings["ui"] = lang
        settings.pop("tools", None)
    text = _HEADER + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    return write_text_atomic(settings_path(folder), text, lang)
