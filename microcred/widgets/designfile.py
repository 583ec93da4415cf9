"""The design-file bar: "load my design" / "save to my design" under a practice tool.

A participant builds one design file through the course; each practice notebook shows this small
bar under its tool, so the tool can start from the participant's own section and save its work
back without touching the other sections::

    coach = outcome_coach()                 # or any tool of the course
    design_bar(coach)                       # knows which section the tool edits

    design_bar("workload", get=lambda: calc.workload.to_dict(), set=show_workload)  # any tool

On Binder the bar reminds the participant to download the file before leaving: Binder keeps
nothing after the session ends. Every rule of the file lives in ``microcred.design``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from .. import design
from ..errors import UserError
from ..i18n import LANGUAGE_NAMES, LANGUAGES, t
from ..settings import screen_language
from ._html import COLOURS, download_link

QA = "qa"  # the self-assessment: kept beside the design file as JSON, not as a section


@dataclass(frozen=True)
class Adapter:
    """How the bar reaches a tool of the course, which says it in its ``design_adapter()``:
    the section (or sections) it edits, ``get`` and ``set`` built on the tool's public API,
    and options for the bar (``whole``, ``saves``, ``error``; see :class:`DesignBar`)."""

    section: str | tuple[str, ...]
    get: Callable[[], Any]
    set: Callable[[Any], None]
    options: Mapping[str, Any] = field(default_factory=dict)


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


_UNSEEN = object()


def design_bar(tool: Any, get: Callable[[], Any] | None = None,
               set: Callable[[Any], None] | None = None, path: str = design.DEFAULT_NAME,
               ui: str | None = None, **options: Any) -> DesignBar:
    """The bar for a tool of the course (it knows which section each tool edits), or for any
    section with your own ``get`` and ``set``: ``design_bar("workload", get=..., set=...)``."""
    if isinstance(tool, (str, list, tuple)):
        if get is None or set is None:
            raise TypeError("give get= and set= with a section name")
        return DesignBar(tool, get, set, path=path, ui=ui or "en", **options)
    make = getattr(tool, "design_adapter", None)
    if not callable(make):
        raise TypeError(
            f"{type(tool).__name__} has no design_adapter() method, so the design bar does not "
            "know which section of the design file it edits: give the class a design_adapter() "
            "returning designfile.Adapter, or give the section name with get= and set=")
    adapter = make()
    extra = dict(adapter.options)
    if hasattr(tool, "input_error") and "error" not in extra:
        extra["error"] = lambda: tool.input_error
    return DesignBar(adapter.section, get or adapter.get, set or adapter.set, path=path,
                     ui=ui or str(getattr(tool, "ui", "en")), **{**extra, **options})


def attach_bar(tool: Any, path: str | None) -> DesignBar | None:
    """Put the design bar at the bottom of ``tool`` (as ``tool.design_bar``), so that the bar
    always belongs to the tool shown above it; ``path=None`` shows the tool without one."""
    tool.design_bar = None
    if path is None:
        return None
    tool.design_bar = design_bar(tool, path=path)
    tool.children = (*tool.children, tool.design_bar)
    return tool.design_bar


class DesignDesk(w.VBox):
    """The design file without a command: start it from the template in a chosen language,
    check it as the capstone does, and download its card, catalogue entry, Open Badge and QA
    report. Problems show as sentences, never as tracebacks."""

    def __init__(self, path: str = design.DEFAULT_NAME, ui: str = "en") -> None:
        self.ui = ui
        self.file = w.Text(value=path, description=t("design.bar.file", ui),
                           style={"description_width": "initial"}, layout=w.Layout(width="24em"))
        self.language = w.Dropdown(options=[(LANGUAGE_NAMES[c], c) for c in LANGUAGES],
                                   value=ui if ui in LANGUAGES else "en",
                                   description=t("design.desk.language", ui),
                                   style={"description_width": "initial"})
        self.create_button = w.Button(description=t("design.desk.create", ui), icon="file",
                                      layout=w.Layout(width="auto"))
        self.check_button = w.Button(description=t("design.desk.check", ui), icon="check",
                                     button_style="primary", layout=w.Layout(width="auto"))
        self.learner = w.Text(description=t("design.desk.learner", ui),
                              style={"description_width": "initial"})
        self.issued = w.DatePicker(description=t("design.desk.issued", ui),
                                   style={"description_width": "initial"})
        self.export_button = w.Button(description=t("design.desk.export", ui), icon="download",
                                      layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.report = w.HTML()
        self.downloads = w.HTML()
        super().__init__([
            w.HBox([self.file, self.language, self.create_button, self.check_button]),
            self.status, self.report,
            w.HBox([self.learner, self.issued, self.export_button]), self.downloads,
        ], layout=w.Layout(border="1px solid #c8c8c8", padding="4px 8px", margin="8px 0"))
        self.add_class("mc-design-desk")
        self.create_button.on_click(lambda _b: self.create())
        self.check_button.on_click(lambda _b: self.check())
        self.export_button.on_click(lambda _b: self.export())

    @property
    def path(self):
        return design.design_path(self.file.value)

    def create(self) -> bool:
        """Start the design file from the template in the chosen language (never over a file)."""
        if self.path.exists():
            return self._say(t("design.desk.exists", self.ui, path=str(self.path)), ok=False)
        try:
            path = design.new_design(self.path, self.language.value)
        except UserError as exc:
            return self._say(str(exc), ok=False)
        return self._say(t("design.desk.created", self.ui, path=str(path)), ok=True)

    def check(self) -> bool:
        """Check the file as the capstone does and show the report, part by part."""
        try:
            report = design.check_file(self.path, lang=None)
        except UserError as exc:
            self.report.value = ""
            return self._say(str(exc), ok=False)
        self.report.value = (f'<pre class="mc-design-report" style="white-space:pre-wrap">'
                             f"{escape(design.format_text(report))}</pre>"
                             + download_link(design.report_html(report),
                                             self.path.with_suffix(".check.html").name,
                                             t("design.desk.report", self.ui), "text/html"))
        return self._say(t("design.desk.checked", self.ui, path=str(self.path)), ok=True)

    def export(self) -> bool:
        """Download links for the card, the catalogue entry, the Open Badge (with a learner
        and a date) and the QA report; what cannot be made yet is said in a sentence."""
        from .. import qa

        stem, links, notes = self.path.stem, [], []
        try:
            doc = design.load(self.path, self.ui)
            links.append(download_link(design.export(doc, "html"), f"{stem}.card.html",
                                       t("credential.builder.download-card", self.ui),
                                       "text/html"))
            links.append(download_link(design.export(doc, "md"), f"{stem}.catalogue.md",
                                       t("credential.builder.download-catalogue", self.ui),
                                       "text/markdown"))
        except UserError as exc:
            self.downloads.value = ""
            return self._say(str(exc), ok=False)
        try:
            badge = design.export(doc, "ob3", learner=self.learner.value.strip(),
                                  issued=self.issued.value)
            links.append(download_link(badge, f"{stem}.badge.json",
                                       t("credential.builder.download-badge", self.ui),
                                       "application/json"))
        except UserError as exc:
            notes.append(str(exc))
        try:
            assessment = design.load_qa(self.path)
        except UserError as exc:
            assessment, notes = None, [*notes, str(exc)]
        if assessment is not None:
            name = design.qa_path(self.path).with_suffix(".html").name
            links.append(download_link(qa.report_html(assessment, self.ui), name,
                                       t("qa.ui.download", self.ui, name=name), "text/html"))
        note = "".join(f"<p><small>{escape(n)}</small></p>" for n in notes)
        self.downloads.value = f"<p>{' · '.join(links)}</p>{note}"
        return self._say(t("design.desk.exported", self.ui, path=str(self.path)), ok=True)

    def _say(self, message: str, ok: bool) -> bool:
        colour, mark, css = ((COLOURS["ok"], "✓", "mc-ok") if ok
                             else (COLOURS["error"], "✗", "mc-error"))
        self.status.value = (f'<p style="color:{colour};margin:2px 0" class="{css}">'
                             f"{mark} {escape(message)}</p>")
        return ok


def design_desk(path: str = design.DEFAULT_NAME, ui: str = "en") -> DesignDesk:
    """Show the design file's desk: create it, check it, download its documents."""
    return DesignDesk(path, ui)


class HandIn(w.VBox):
    """Put a design file (and its ``NAME.qa.json``) into the assignment's folder by uploading it
    from one's computer, then see the check the capstone gives it: no code, no pasting."""

    SUFFIXES = (".yaml", ".yml", ".json")
    MAX_BYTES = 2_000_000  # a design file is a few kilobytes

    def __init__(self, folder: str = ".", ui: str = "en") -> None:
        self.ui, self.folder = ui, Path(folder)
        self.upload = w.FileUpload(accept=",".join(self.SUFFIXES), multiple=True,
                                   description=t("design.handin.upload", ui),
                                   layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.report = w.HTML()
        super().__init__([self.upload, self.status, self.report])
        self.add_class("mc-hand-in")
        self.upload.observe(lambda _c: self.receive(), names="value")

    def receive(self) -> bool:
        """Save the uploaded files here (under their own names; design and QA files only)."""
        saved, problems = [], []
        for item in self.upload.value:
            name = Path(str(item["name"])).name
            content = bytes(item["content"])
            if not name.lower().endswith(self.SUFFIXES) or name.startswith("."):
                problems.append(t("design.handin.not-design", self.ui, name=name))
                continue
            if len(content) > self.MAX_BYTES:
                problems.append(t("design.load.too-large", self.ui, source=name))
                continue
            try:
                text = content.decode("utf-8-sig")
                design.write_text_atomic(self.folder / name, text, self.ui)
            except UnicodeDecodeError:
                problems.append(t("design.load.not-text", self.ui, source=name))
                continue
            except UserError as exc:
                problems.append(str(exc))
                continue
            saved.append(name)
        self.upload.value = ()
        lines = [t("design.handin.saved", self.ui, names=", ".join(saved))] if saved else []
        ok = bool(saved) and not problems
        self.status.value = "".join(
            f'<p class="{"mc-ok" if ok else "mc-error"}" style="color:'
            f'{COLOURS["ok"] if ok else COLOURS["error"]};margin:2px 0">{escape(line)}</p>'
            for line in [*lines, *problems])
        designs = [n for n in saved if n.lower().endswith((".yaml", ".yml"))]
        if designs:
            try:
                report = design.check_file(self.folder / designs[0], lang=self.ui)
                self.report.value = (f'<pre class="mc-design-report" style="white-space:'
                                     f'pre-wrap">{escape(design.format_text(report, self.ui))}</pre>')
            except UserError as exc:
                self.report.value = f'<p class="mc-error">{escape(str(exc))}</p>'
        return ok


def hand_in(folder: str = ".", ui: str | None = None) -> HandIn:
    """Show the upload button that puts a design file into this assignment's folder (in the
    screen language: ``ui``, else the folder's settings, as in a Finnish assignment)."""
    return HandIn(folder, screen_language("hand-in", ui, folder))
