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
from html import escape
from typing import Any

import ipywidgets as w

from .. import design
from ..errors import UserError
from ..i18n import t
from ._html import COLOURS

QA = "qa"  # the self-assessment: kept beside the design file as JSON, not as a section


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
    fewer than those read.
    """

    def __init__(self, section: str | Sequence[str], get: Callable[[], Any],
                 set: Callable[[Any], None], path: str = design.DEFAULT_NAME, ui: str = "en",
                 whole: bool = False, saves: Sequence[str] | None = None,
                 environ: Mapping[str, str] | None = None) -> None:
        self.sections = (section,) if isinstance(section, str) else tuple(section)
        self.single = isinstance(section, str)
        self.saves = tuple(saves) if saves is not None else self.sections
        self.ui = ui
        self.whole = whole
        self._get, self._set = get, set
        self.file = w.Text(value=path, description=t("design.bar.file", ui),
                           style={"description_width": "initial"},
                           layout=w.Layout(width="24em"))
        self.load_button = w.Button(description=t("design.bar.load", ui), icon="folder-open",
                                    layout=w.Layout(width="auto"))
        self.save_button = w.Button(description=t("design.bar.save", ui), icon="save",
                                    button_style="primary", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.binder = on_binder(environ)
        names = ", ".join(design.section_name(s, ui) for s in self.sections)
        intro = w.HTML(f"<small>{escape(t('design.bar.intro', ui, sections=names))}</small>")
        children = [w.HBox([self.file, self.load_button, self.save_button]), intro, self.status]
        if self.binder:
            self.reminder = w.HTML(self._reminder_html())
            children.append(self.reminder)
        super().__init__(children, layout=w.Layout(border="1px solid #c8c8c8", padding="4px 8px",
                                                   margin="8px 0"))
        self.add_class("mc-design-bar")
        self.load_button.on_click(lambda _b: self.load())
        self.save_button.on_click(lambda _b: self.save())
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
            else:
                doc = design.load(path, self.ui)
                values = {s: doc.get(s) for s in self.sections}
                if all(design.is_blank(v) for v in values.values()):
                    names = ", ".join(design.section_name(s, self.ui) for s in self.sections)
                    return self._fail(t("design.bar.empty", self.ui, path=str(path),
                                        sections=names))
                value = doc if self.whole else (values[self.sections[0]] if self.single
                                                 else values)
            self._set(value)
        except UserError as exc:
            return self._fail(str(exc))
        except (ValueError, TypeError, KeyError) as exc:
            return self._fail(t("design.bar.cannot-show", self.ui, problem=str(exc)))
        return self._ok(t("design.bar.loaded", self.ui, path=str(path)))

    def save(self) -> bool:
        """Write the tool's section(s) into the file (started from the template if missing)."""
        path = self.path
        try:
            value = self._get()
            if self.sections == (QA,):
                design.save_qa(path, value)
                saved = design.qa_path(path)
            else:
                data = {self.saves[0]: value} if self.single else {
                    s: value[s] for s in self.saves if s in value}
                design.write_sections(path, data, lang=self.ui)
                saved = path
        except UserError as exc:
            return self._fail(str(exc))
        except (ValueError, TypeError, KeyError) as exc:
            return self._fail(t("design.bar.cannot-save", self.ui, problem=str(exc)))
        time = dt.datetime.now().strftime("%H:%M:%S")
        return self._ok(t("design.bar.saved", self.ui, path=str(saved), time=time))

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


def design_bar(tool: Any, get: Callable[[], Any] | None = None,
               set: Callable[[Any], None] | None = None, path: str = design.DEFAULT_NAME,
               ui: str | None = None, **options: Any) -> DesignBar:
    """The bar for a tool of the course (it knows which section each tool edits), or for any
    section with your own ``get`` and ``set``: ``design_bar("workload", get=..., set=...)``."""
    if isinstance(tool, (str, list, tuple)):
        if get is None or set is None:
            raise TypeError("give get= and set= with a section name")
        return DesignBar(tool, get, set, path=path, ui=ui or "en", **options)
    adapter = _ADAPTERS.get(type(tool).__name__)
    if adapter is None:
        raise TypeError(f"no design-file section is known for {type(tool).__name__}; give the "
                        "section name with get= and set=")
    section, tool_get, tool_set, extra = adapter(tool)
    return DesignBar(section, get or tool_get, set or tool_set, path=path,
                     ui=ui or str(getattr(tool, "ui", "en")), **{**extra, **options})


# --- the tools of the course ----------------------------------------------------------------
# Each adapter returns (section(s), get, set, options) built on the tool's public attributes.


def _outcome_coach(coach: Any) -> tuple:
    return "outcomes", coach.outcomes_section, coach.show_outcomes, {}


def _credential_builder(builder: Any) -> tuple:
    from ..credential import from_dict

    def get() -> dict[str, Any]:
        data = builder.description.to_dict()  # numbers as numbers, values as codes
        outcomes = data.pop("outcomes", [])
        texts = [o.get("text", "") if isinstance(o, Mapping) else str(o) for o in outcomes]
        previous = [o for o in outcomes if isinstance(o, Mapping)]
        return {"credential": data, "outcomes": design.number_outcomes(texts, previous)}

    def set(doc: Mapping[str, Any]) -> None:
        section = c if isinstance(c := doc.get("credential"), Mapping) else {}
        builder.fill(from_dict(section, outcomes=doc.get("outcomes")))

    return ("credential", "outcomes"), get, set, {"whole": True}


def save_credential(builder: Any, path: Any) -> Any:
    """Write the credential builder's form into a design file: its ``credential`` and
    ``outcomes`` sections only (the builder's own Save uses this for a design file)."""
    _section, get, _set, _options = _credential_builder(builder)
    return design.write_sections(path, get(), lang=getattr(builder, "ui", "en"))


def _workload_calculator(calc: Any) -> tuple:
    from ..workload import Workload

    def set(section: Any) -> None:
        workload = Workload.from_dict(section)
        for row in list(calc.rows):
            calc.remove_activity(row)
        options = list(calc.convention.options)
        if workload.convention not in [v for _label, v in options]:
            calc.convention.options = [*options, (workload.convention, workload.convention)]
        calc.convention.value = workload.convention
        calc.credits.value = workload.credits or 0
        calc.weeks.value = workload.weeks or 0
        for a in workload.activities:
            calc.add_activity(a.name, a.kind, a.hours)

    return "workload", lambda: calc.workload.to_dict(), set, {}


def _alignment_editor(editor: Any) -> tuple:
    from ..alignment import Alignment
    from .alignment import lines_of

    from_workload: dict[str, float] = {}  # hours the activities take from the workload

    def get() -> dict[str, Any]:
        section = editor.alignment.to_dict()
        for activity in section["activities"]:  # hours are written once, in the workload
            if activity.get("hours") is not None and activity.get("hours") == from_workload.get(
                    str(activity.get("name", "")).strip().lower()):
                del activity["hours"]
        return {"alignment": section}

    def set(doc: Mapping[str, Any]) -> None:
        own = Alignment.from_dict(doc.get("alignment"), doc.get("outcomes"))
        alignment = Alignment.from_design(dict(doc))
        from_workload.clear()
        from_workload.update({a.name.strip().lower(): a.hours for a, b in
                              zip(alignment.activities, own.activities)
                              if a.hours is not None and b.hours is None})
        for row in editor.matrix.children:  # untick what the editor showed before
            for box in row.children[1:]:
                box.value = False
        outcomes, activities, tasks = lines_of(alignment)
        editor.outcomes.value, editor.activities.value, editor.tasks.value = (
            outcomes, activities, tasks)
        for item in alignment.activities + alignment.assessments:
            for oid in item.outcomes:
                try:
                    editor.tick(oid, item.id, True)
                except KeyError:  # an outcome id the outcomes section does not have
                    pass

    return (("outcomes", "alignment"), get, set, {"whole": True, "saves": ("alignment",)})


def _pathway_viewer(viewer: Any) -> tuple:
    from ..pathways import Pathway
    from .pathways import pathway_yaml

    def get() -> dict[str, Any]:
        done = tuple(box.description for box in viewer.completed.children if box.value)
        p = viewer.pathway
        return Pathway(p.credentials, p.target, p.this, done).to_dict()

    def set(section: Any) -> None:
        pathway = Pathway.from_dict(section)
        viewer.text.value = pathway_yaml(pathway)
        viewer.set_completed(list(pathway.completed))

    return "pathway", get, set, {}


def _needs_canvas(widget: Any) -> tuple:
    from ..needs import from_dict

    return ("needs", lambda: widget.canvas.to_dict(),
            lambda section: widget.set_canvas(from_dict(section)), {})


def _self_assessment(tool: Any) -> tuple:
    return QA, lambda: tool.assessment, tool.set_assessment, {}


_ADAPTERS: dict[str, Callable[[Any], tuple]] = {
    "OutcomeCoach": _outcome_coach,
    "CredentialBuilder": _credential_builder,
    "WorkloadCalculator": _workload_calculator,
    "AlignmentEditor": _alignment_editor,
    "PathwayViewer": _pathway_viewer,
    "SelfAssessmentTool": _self_assessment,
    "NeedsCanvasWidget": _needs_canvas,
}
