"""The load/save bar itself (DesignBar): the buttons, the safe save and the Binder reminder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

import ipywidgets as w

from .. import design
from ..errors import UserError
from ..i18n import LANGUAGES, t
from ._html import COLOURS

QA = "qa"  # the self-assessment: kept beside the design file as JSON, not as a section
_UNSEEN = object()  # a section the tool did not show: any value is a change


def on_binder(environ: Mapping[str, str] | None = None) -> bool:
    """Is this a Binder session? (Binder sets ``BINDER_*`` variables; its hub's prefix names it.)"""
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in ("BINDER_SERVICE_HOST", "BINDER_REQUEST",
                                      "BINDER_REF_URL", "BINDER_LAUNCH_HOST")):
        return True
    return "binder" in env.get("JUPYTERHUB_SERVICE_PREFIX", "").lower()


class DesignBar(w.VBox):
    """File name, Load and Save buttons, a status line and, on Binder, a download reminder.

    ``get()`` returns the tool's section (for several sections: a mapping section -> value);
    ``set(value)`` shows it in the tool (with ``whole=True``, ``set`` gets the whole design, for
    tools that also need the outcomes). ``saves`` names the sections written, when they are
    fewer than those read. ``error()`` returns the input error the tool shows ("" if none).

    Saving is safe by construction: only the sections changed in the tool since it was shown
    or loaded are written (others only into an empty place); a section that changed in the
    file since this bar read it is not overwritten without asking (the *Replace* button);
    nothing is saved while the tool shows an input error; "Saved" comes after reading back.
    """

    def __init__(self, section: str | Sequence[str], get: Callable[[], Any],
                 set: Callable[[Any], None], path: str = design.DEFAULT_NAME, ui: str = "en",
                 whole: bool = False, saves: Sequence[str] | None = None,
                 environ: Mapping[str, str] | None = None,
                 error: Callable[[], str] | None = None) -> None:
        self.sections = (section,) if isinstance(section, str) else tuple(section)
        self.single = isinstance(section, str)
        self.saves = tuple(saves) if saves is not None else self.sections
        self.ui = ui
        self.whole = whole
        self._get, self._set = get, set
        self._error = error or (lambda: "")
        self.file = w.Text(value=path, description=t("design.bar.file", ui),
                           style={"description_width": "initial"},
                           layout=w.Layout(width="24em"))
        self.load_button = w.Button(description=t("design.bar.load", ui), icon="folder-open",
                                    layout=w.Layout(width="auto"))
        self.save_button = w.Button(description=t("design.bar.save", ui), icon="save",
                                    button_style="primary", layout=w.Layout(width="auto"))
        self.replace_button = w.Button(description=t("design.bar.replace", ui),
                                       icon="exclamation-triangle", button_style="warning",
                                       layout=w.Layout(width="auto", display="none"))
        self.status = w.HTML()
        self.binder = on_binder(environ)
        names = ", ".join(design.section_name(s, ui) for s in self.sections)
        intro = w.HTML(f"<small>{escape(t('design.bar.intro', ui, sections=names))}</small>")
        buttons = w.HBox([self.file, self.load_button, self.save_button, self.replace_button])
        children = [buttons, intro, self.status]
        if self.binder:
            self.reminder = w.HTML(self._reminder_html())
            children.append(self.reminder)
        super().__init__(children, layout=w.Layout(border="1px solid #c8c8c8", padding="4px 8px",
                                                   margin="8px 0"))
        self.add_class("mc-design-bar")
        self._read: dict[str, Any] = {}  # section -> what the file held when last read/written
        self._read_from: Any = None  # ... in this file
        self._baseline = self._shown()  # what the tool showed when opened, loaded or saved
        self.load_button.on_click(lambda _b: self.load())
        self.save_button.on_click(lambda _b: self.save())
        self.replace_button.on_click(lambda _b: self.save(replace=True))
        self.file.observe(lambda _c: self._refresh_reminder(), names="value")

    @property
    def path(self):
        """The design file named in the box (``.yaml`` added when left out)."""
        return design.design_path(self.file.value)

    def load(self) -> bool:
        """Show the file's section(s) in the tool; on any problem the tool stays as it was."""
        path = self.path
        try:
            if self.sections == (QA,):
                value = design.load_qa(path)
                if value is None:
                    return self._fail(t("design.bar.no-qa", self.ui,
                                        path=str(design.qa_path(path))))
                read = {QA: design.comparable(value.to_dict())}
            else:
                doc = design.load(path, self.ui)
                values = {s: doc.get(s) for s in self.sections}
                if all(design.is_blank(v) for v in values.values()):
                    names = ", ".join(design.section_name(s, self.ui) for s in self.sections)
                    return self._fail(t("design.bar.empty", self.ui, path=str(path),
                                        sections=names))
                value = doc if self.whole else (values[self.sections[0]] if self.single
                                                 else values)
                read = {s: design.comparable(v) for s, v in values.items()}
            self._set(value)
        except UserError as exc:
            return self._fail(str(exc))
        except (ValueError, TypeError, KeyError) as exc:
            return self._fail(t("design.bar.cannot-show", self.ui, problem=str(exc)))
        self._read, self._read_from = read, path
        self._baseline = self._shown()
        return self._ok(t("design.bar.loaded", self.ui, path=str(path)))

    def save(self, replace: bool = False) -> bool:
        """Write the sections changed in the tool into the file (started from the template if
        missing); with ``replace``, also over a section another notebook changed meanwhile."""
        path = self.path
        problem = self._error()
        if problem:
            return self._fail(t("design.bar.input-error", self.ui, problem=problem))
        try:
            values = self._values()
            shown = {s: design.comparable(self._plain(v)) for s, v in values.items()}
            edited = [s for s in values if shown[s] != self._baseline.get(s, _UNSEEN)]
            read = self._read if path == self._read_from else {}
            expected = None if replace else {s: read.get(s) for s in values}
            if self.sections == (QA,):
                if not path.exists():  # one design file, the QA file beside it
                    design.new_design(path, self.ui if self.ui in LANGUAGES else "en")
                result = design.save_qa(path, values[QA], expected=(expected or {}).get(QA),
                                        check=not replace, edited=QA in edited, lang=self.ui)
            else:
                result = design.save_sections(path, values, lang=self.ui, expected=expected,
                                              edited=edited)
        except design.SaveConflict as exc:
            self.replace_button.layout.display = None
            return self._fail(f"{exc} {t('design.bar.conflict-hint', self.ui)}")
        except UserError as exc:
            return self._fail(str(exc))
        except (ValueError, TypeError, KeyError) as exc:
            return self._fail(t("design.bar.cannot-save", self.ui, problem=str(exc)))
        self.replace_button.layout.display = "none"
        done = (*result.saved, *result.same)
        read = {**read, **{s: shown[s] for s in done}}
        self._read, self._read_from = read, path
        self._baseline = {**self._baseline, **{s: shown[s] for s in done}}
        lines = []
        for kept in result.backups:
            lines.append(t("design.bar.backup", self.ui, path=result.path.name,
                           backup=kept.name))
        if result.saved:
            time = dt.datetime.now().strftime("%H:%M:%S")
            lines.append(t("design.bar.saved", self.ui, path=str(result.path), time=time,
                           sections=design.section_names(result.saved, self.ui)))
        elif result.same:
            lines.append(t("design.bar.nothing", self.ui, path=str(result.path),
                           sections=design.section_names(result.same, self.ui)))
        if result.kept:
            lines.append(t("design.bar.kept", self.ui,
                           sections=design.section_names(result.kept, self.ui)))
        if result.untouched and not result.saved:
            lines.append(t("design.bar.untouched", self.ui,
                           sections=design.section_names(result.untouched, self.ui)))
        if (result.kept or result.untouched) and not result.saved:
            return self._fail(" ".join(lines))
        return self._ok(" ".join(lines))

    # --- the tool's values -------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        """The tool's value of each section it saves."""
        value = self._get()
        if self.single:
            return {self.saves[0]: value}
        return {s: value[s] for s in self.saves if s in value}

    @staticmethod
    def _plain(value: Any) -> Any:
        return value.to_dict() if hasattr(value, "to_dict") else value

    def _shown(self) -> dict[str, Any]:
        """What the tool shows now, section by section, in comparable form ({} if it cannot
        say: then every section counts as changed)."""
        try:
            return {s: design.comparable(self._plain(v)) for s, v in self._values().items()}
        except (UserError, ValueError, TypeError, KeyError):
            return {}

    # --- status ----------------------------------------------------------------------------

    def _ok(self, message: str) -> bool:
        self.status.value = (f'<p style="color:{COLOURS["ok"]};margin:2px 0" class="mc-ok">'
                             f"✓ {escape(message)}</p>")
        return True

    def _fail(self, message: str) -> bool:
        self.status.value = (f'<p style="color:{COLOURS["error"]};margin:2px 0" '
                             f'class="mc-error">✗ {escape(message)}</p>')
        return False

    def _reminder_html(self) -> str:
        text = t("design.bar.binder", self.ui, path=str(self.path))
        return (f'<p class="mc-binder" style="border-left:4px solid #7a4a00;padding-left:6px;'
                f'margin:4px 0"><strong>Binder:</strong> {escape(text)}</p>')

    def _refresh_reminder(self) -> None:
        if self.binder:
            self.reminder.value = self._reminder_html()
