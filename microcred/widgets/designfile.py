"""The design-file bar: "load my design" / "save to my design" under a practice tool.

A participant builds one design file through the course; each practice notebook shows this small
bar under its tool, so the tool can start from the participant's own section and save its work
back without touching the other sections::

    coach = outcome_coach()                 # or any tool of the course
    design_bar(coach)                       # knows which section the tool edits

    design_bar("workload", get=lambda: calc.workload.to_dict(), set=show_workload)  # any tool

On Binder the bar reminds the participant to download the file before leaving: Binder keeps
nothing after the session ends. Every rule of the file lives in ``microcred.design``. This module
holds how the bar reaches each tool (``Adapter``, ``design_bar``, ``attach_bar``), the design desk
and the hand-in; the bar itself (``DesignBar``) is in ``_loadsave``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from ._loadsave import QA, DesignBar, on_binder

__all__ = ["QA", "Adapter", "DesignBar", "DesignDesk", "HandIn", "attach_bar", "design_bar",
           "design_desk", "hand_in", "on_binder"]


@dataclass(frozen=True)
class Adapter:
    """How the bar reaches a tool of the course, which says it in its ``design_adapter()``:
    the section (or sections) it edits, ``get`` and ``set`` built on the tool's public API,
    and options for the bar (``whole``, ``saves``, ``error``; see :class:`DesignBar`)."""

    section: str | tuple[str, ...]
    get: Callable[[], Any]
    set: Callable[[Any], None]
    options: Mapping[str, Any] = field(default_factory=dict)



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


def design_desk(path: str = design.DEFAULT_NAME, ui: str | None = None) -> DesignDesk:
    """Show the design file's desk: create it, check it, download its documents (``ui=None``:
    the screen language)."""
    return DesignDesk(path, screen_language("design-desk", ui))


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
