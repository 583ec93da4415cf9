"""Every practice notebook, opened in a real JupyterLab and used as a participant would.

Each notebook in notebooks/ is opened in chromium, run with Run > Run All Cells, and must show no
error output. A notebook with a widget also gets an *interaction*: a small function, registered
with `@interaction("<notebook file name>")`, that types, clicks or drags like a participant and
asserts on what the page shows (never on Python state). Interactions save screenshots of the
widget in use under test-output/screenshots/.

To add one for a new widget, see "Browser tests" in DEVELOPERS.md.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from microcred import course
from tests.browser.a11y import serious_violations
from tests.browser.conftest import SCREENSHOTS
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

NOTEBOOKS = sorted(path.name for path in (REPO / "notebooks").glob("*.ipynb"))

RUN_TIMEOUT = 120_000  # ms for Run All Cells (kernel start, imports, first chart)
UPDATE_TIMEOUT = 15_000  # ms for a widget to answer a keystroke or a click


class Notebook:
    """A notebook open in JupyterLab, with the few things interactions need."""

    def __init__(self, page: Page, name: str, screenshot_dir: Path) -> None:
        self.page = page
        self.name = name
        self.stem = Path(name).stem
        self.screenshot_dir = screenshot_dir
        self.panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        self.outputs = self.panel.locator(".jp-OutputArea-output")

    def widget(self, css_class: str) -> Locator:
        """The rendered widget with this class (`widget.add_class(...)` in microcred.widgets)."""
        found = self.panel.locator(f".{css_class}").first
        expect(found).to_be_visible(timeout=UPDATE_TIMEOUT)
        return found

    def screenshot(self, what: Locator, step: str) -> Path:
        """Save a screenshot of `what` as test-output/screenshots/<notebook>-<step>.png."""
        path = self.screenshot_dir / f"{self.stem}-{step}.png"
        size = self.page.viewport_size
        box = what.bounding_box()
        # JupyterLab scrolls inside the notebook panel: a widget taller than the window would be
        # cut off, so the window grows to fit it for the picture.
        tall = box is not None and size is not None and box["height"] + 250 > size["height"]
        if tall:
            self.page.set_viewport_size(
                {"width": size["width"], "height": min(int(box["height"]) + 300, 6000)}
            )
        try:
            what.scroll_into_view_if_needed()
            what.screenshot(path=str(path), animations="disabled")
        finally:
            if tall:
                self.page.set_viewport_size(size)
        return path

    def error_outputs(self) -> list[str]:
        """Tracebacks, stderr, and widgets that failed to display, as the page shows them."""
        errors = self.panel.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
        ).all_inner_texts()
        text = self.panel.inner_text()
        # A widget whose view fails shows an error box instead ("Click to show javascript error").
        errors += self.panel.locator(
            ".jupyter-widgets-error-widget, .jupyter-widgets.jp-mod-error, .widget-error"
        ).all_inner_texts()
        for message in ("Error displaying widget", "Click to show javascript error"):
            if message in text and not any(message in e for e in errors):
                errors.append(message)
        return errors


# --------------------------------------------------------------------------------------------
# Interactions, keyed by notebook file name

Interaction = Callable[[Notebook], None]
INTERACTIONS: dict[str, Interaction] = {}


def interaction(notebook: str) -> Callable[[Interaction], Interaction]:
    """Register what a participant does with the widget(s) of `notebook` after Run All."""

    def register(func: Interaction) -> Interaction:
        assert notebook not in INTERACTIONS, f"two interactions for {notebook}"
        INTERACTIONS[notebook] = func
        return func

    return register


def save_to_design(nb: Notebook, tool: Locator, step: str = "saved") -> None:
    """Press the tool's *Save to my design*: the bar says Saved (after reading the file back)
    and names my-microcredential.yaml; a screenshot of the tool with its bar is taken. The
    notebooks run one after another on the same folder, so each save lands in the design file
    the earlier notebooks saved to: the browser journey."""
    bar = tool.locator(".mc-design-bar")
    bar.get_by_role("button", name="Save to my design").click()
    expect(bar.locator(".mc-ok")).to_contain_text("Saved to", timeout=UPDATE_TIMEOUT)
    expect(bar.locator(".mc-ok")).to_contain_text("my-microcredential")
    nb.screenshot(tool, step)


def retype(box: Locator, text: str) -> None:
    """Replace a text box's content by typing, key by key, as a participant does."""
    box.click()
    box.press("ControlOrMeta+a")
    box.press("Delete")
    box.press_sequentially(text, delay=5)


@interaction("welcome.ipynb")
def welcome(nb: Notebook) -> None:
    """The check cell says the tools are ready, and the link opens the outcome coach."""
    expect(nb.outputs.first).to_contain_text("The course tools are ready, version")
    nb.panel.get_by_role("link", name="outcomes-coach.ipynb").click()
    expect(nb.page.get_by_role("tab", name=re.compile("outcomes-coach.ipynb"))).to_be_visible()
    nb.page.get_by_role("tab", name=re.compile("welcome.ipynb")).click()  # back, for the checks
    expect(nb.outputs.first).to_contain_text("The course tools are ready")
    # The design file the notebooks before this one saved into: checked as the capstone does.
    desk = nb.widget("mc-design-desk")
    desk.get_by_role("button", name="Create my design file").click()
    expect(desk.locator(".mc-error")).to_contain_text("already exists", timeout=UPDATE_TIMEOUT)
    desk.get_by_role("button", name="Check my design").click()
    expect(desk.locator(".mc-design-report")).to_contain_text("Design check",
                                                              timeout=UPDATE_TIMEOUT)
    expect(desk.locator(".mc-design-report")).to_contain_text("Workload")
    desk.get_by_role("button", name="Prepare the downloads").click()
    expect(desk.get_by_role("link", name=re.compile("Catalogue entry"))).to_be_visible(
        timeout=UPDATE_TIMEOUT)
    nb.screenshot(desk, "design-checked")


@interaction("capstone-walkthrough.ipynb")
def capstone_walkthrough(nb: Notebook) -> None:
    """The worked example prints sentences, never raw findings or "None"; the desk at the end
    checks the participant's own file without a code change."""
    text = nb.panel.inner_text()
    assert "Finding(" not in text and "scale: None" not in text
    desk = nb.widget("mc-design-desk")
    desk.get_by_role("button", name="Create my design file").click()  # or: it already exists
    expect(desk.locator(".mc-ok, .mc-error")).to_contain_text("my-microcredential.yaml",
                                                              timeout=UPDATE_TIMEOUT)
    desk.get_by_role("button", name="Check my design").click()
    expect(desk.locator(".mc-design-report")).to_contain_text("Design check",
                                                              timeout=UPDATE_TIMEOUT)
    nb.screenshot(desk, "own-design-checked")


@interaction("outcomes-coach.ipynb")
def outcome_coach(nb: Notebook) -> None:
    """Type a vague outcome, see the coach object; rewrite it, see the objection go away."""
    coach = nb.widget("mc-outcome-coach")
    box = coach.locator("textarea")
    chart = coach.locator("img").first
    # The examples it opens with: five outcomes, three languages, errors among them.
    expect(coach).to_contain_text("5 outcome(s)")
    expect(coach).to_contain_text("hard to observe")
    nb.screenshot(coach, "examples")

    retype(box, "Understand the basics.")
    expect(coach).to_contain_text("1 outcome(s): 0 without problems, 1 with errors.",
                                  timeout=UPDATE_TIMEOUT)
    expect(coach).to_contain_text('"Understand" is hard to observe or assess.')
    expect(coach.locator("mark")).to_have_text("Understand")
    vague_chart = chart.get_attribute("src")
    nb.screenshot(coach, "vague-outcome")

    retype(box, "The participant can explain the basics.")
    expect(coach).to_contain_text("1 outcome(s): 1 without problems, 0 with errors.",
                                  timeout=UPDATE_TIMEOUT)
    expect(coach).not_to_contain_text("hard to observe")
    expect(coach).to_contain_text("No problems found.")
    expect(coach).to_contain_text("Bloom level: understand")
    expect(coach.locator("mark")).to_have_text("explain")
    # A new Bloom level means a new chart.
    expect(chart).not_to_have_attribute("src", vague_chart or "", timeout=UPDATE_TIMEOUT)
    nb.screenshot(coach, "good-outcome")
    save_to_design(nb, coach)


@interaction("qa-self-assessment.ipynb")
def qa_self_assessment(nb: Notebook) -> None:
    """Rate the first criterion: the progress line counts it and the radar chart is redrawn."""
    qa = nb.widget("mc-qa-self-assessment")
    chart = qa.locator("img").first
    expect(qa).to_contain_text(re.compile(r"\b0 of \d+ criteria answered"))
    empty_chart = chart.get_attribute("src")
    qa.locator(".widget-toggle-buttons").first.get_by_role("button", name="3", exact=True).click()
    expect(qa).to_contain_text(re.compile(r"\b1 of \d+ criteria answered"), timeout=UPDATE_TIMEOUT)
    expect(chart).not_to_have_attribute("src", empty_chart or "", timeout=UPDATE_TIMEOUT)
    nb.screenshot(qa, "one-rated")
    save_to_design(nb, qa)
    expect(qa.locator(".mc-design-bar")).to_contain_text("my-microcredential.qa.json")


@interaction("credential-builder.ipynb")
def credential_builder(nb: Notebook) -> None:
    """Empty the mandatory title: the check names it as missing; a new title fixes it and shows
    in the preview card."""
    form = nb.widget("mc-credential-builder")
    title = form.locator(
        ".widget-vbox:has(> .widget-html:has-text('Title of the micro-credential')) input"
    ).first
    expect(form).to_contain_text("No problems found.")
    retype(title, "")
    expect(form).to_contain_text("Missing: Title of the micro-credential", timeout=UPDATE_TIMEOUT)
    expect(form).not_to_contain_text("No problems found.")
    nb.screenshot(form, "title-missing")
    retype(title, "Safe robot cells in small workshops")
    expect(form).to_contain_text("No problems found.", timeout=UPDATE_TIMEOUT)
    expect(form.get_by_role("heading", name="Safe robot cells in small workshops")).to_be_visible()
    save_to_design(nb, form)


def commit(box: Locator, text: str) -> None:
    """Retype a box whose widget updates on leaving it (number boxes, `continuous_update=False`):
    type, then Tab away, as a participant moves to the next field."""
    retype(box, text)
    box.press("Tab")


def redrawn(chart: Locator, before: str | None) -> str | None:
    """Wait until the chart's picture is a new one (a redraw is a new `src`); its `src`."""
    expect(chart).not_to_have_attribute("src", before or "", timeout=UPDATE_TIMEOUT)
    return chart.get_attribute("src")


@interaction("alignment-matrix.ipynb")
def alignment_matrix(nb: Notebook) -> None:
    """LO3 is assessed by no task; tick a task for it: the error goes, the heatmap is redrawn."""
    editor = nb.widget("mc-alignment-editor")
    chart = editor.locator("img").first
    expect(editor).to_contain_text("2 of 3 outcome(s) assessed.")
    expect(editor).to_contain_text("Outcome LO3 is not assessed")
    expect(chart).to_have_attribute("alt", re.compile("^Heatmap: outcomes as rows"))
    before = chart.get_attribute("src")
    lo3_row = editor.locator(".widget-hbox").filter(has_text="LO3")
    lo3_row.get_by_role("checkbox", name="T1").check()
    expect(editor).to_contain_text("3 of 3 outcome(s) assessed.", timeout=UPDATE_TIMEOUT)
    expect(editor).not_to_contain_text("is not assessed")
    redrawn(chart, before)
    nb.screenshot(editor, "lo3-assessed")
    save_to_design(nb, editor)


@interaction("commissioned-pricing.ipynb")
def commissioned_pricing(nb: Notebook) -> None:
    """Halve the group: the cost per participant and the chart follow. Answer a statement of the
    self-check: the overall score appears and the bar chart (and its alt text) say it."""
    calc = nb.widget("mc-price-calculator")
    chart = calc.locator("img").first

    def row(name: str) -> Locator:
        return calc.locator(f"table.mc-pricing tr:has(td:text-is('{name}')) td").last

    expect(row("Break-even group size")).to_have_text("19 participants")
    before = chart.get_attribute("src")
    commit(calc.get_by_label("Participants", exact=True), "10")
    expect(row("Cost per participant")).to_have_text("1,337.00 EUR",
                                                      timeout=UPDATE_TIMEOUT)
    expect(row("Break-even group size")).to_have_text("10 participants")
    redrawn(chart, before)
    nb.screenshot(calc, "ten-participants")
    save_to_design(nb, calc)

    check = nb.widget("mc-self-check")
    bars = check.locator("img").first
    before = bars.get_attribute("src")
    check.get_by_label(re.compile(r"^Your answer to O1 ")).select_option(label="2 in place")
    expect(check).to_contain_text("Overall: 67 % of the maximum", timeout=UPDATE_TIMEOUT)
    expect(check).to_contain_text("Start with: Organisation and processes")
    redrawn(bars, before)
    expect(bars).to_have_attribute("alt", re.compile("Organisation and processes: 67 %"))
    nb.screenshot(check, "one-answered")


@interaction("needs-canvas.ipynb")
def needs_canvas(nb: Notebook) -> None:
    """Empty the organisation: the canvas asks for it; name one, then open the dialogue guide."""
    canvas = nb.widget("mc-needs-canvas")
    expect(canvas).to_contain_text("Canvas 100 % complete")
    expect(canvas).to_contain_text("No problems found.")
    organisation = canvas.get_by_label("Organisation", exact=True)
    retype(organisation, "")
    expect(canvas).to_contain_text("The canvas does not name the organisation",
                                   timeout=UPDATE_TIMEOUT)
    expect(canvas).to_contain_text("Canvas 92 % complete")
    nb.screenshot(canvas, "no-organisation")
    retype(organisation, "Southbay home care")
    expect(canvas).to_contain_text("No problems found.", timeout=UPDATE_TIMEOUT)
    canvas.get_by_role("button", name="Show the dialogue guide").click()
    expect(canvas.get_by_role("heading", name="Working-life dialogue guide: Southbay home care")
           ).to_be_visible(timeout=UPDATE_TIMEOUT)
    nb.screenshot(canvas, "guide")
    save_to_design(nb, canvas)


@interaction("needs-matching.ipynb")
def needs_matching(nb: Notebook) -> None:
    """Add a need that the marketing outcome answers: coverage rises, the heatmap gets a row."""
    matcher = nb.widget("mc-needs-matcher")
    chart = matcher.locator("img").first
    expect(matcher).to_contain_text("3 of 5 needs covered (60 %); 1 outcome(s) answer no need.")
    before = chart.get_attribute("src")
    needs = matcher.get_by_label("Skill needs (one a line)")
    needs.click()
    needs.press("ControlOrMeta+End")
    needs.press_sequentially("\nPlanning marketing events for the clients", delay=5)
    needs.press("Tab")  # the matcher updates on leaving the box
    expect(matcher).to_contain_text("4 of 6 needs covered (67 %); 0 outcome(s) answer no need.",
                                    timeout=UPDATE_TIMEOUT)
    expect(matcher.locator("table.mc-coverage tr", has_text="Planning marketing events")
           ).to_contain_text("covered")
    redrawn(chart, before)
    nb.screenshot(matcher, "need-added")
    # Continue from the design file (the needs canvas saved its needs there), add a need, save.
    bar = matcher.locator(".mc-design-bar")
    bar.get_by_role("button", name="Load my design").click()
    expect(bar.locator(".mc-ok, .mc-error")).to_contain_text("my-microcredential",
                                                             timeout=UPDATE_TIMEOUT)
    needs.click()
    needs.press("ControlOrMeta+End")
    needs.press_sequentially("\nMentoring of new staff", delay=5)
    needs.press("Tab")
    save_to_design(nb, matcher)


@interaction("pathway-viewer.ipynb")
def pathway_viewer(nb: Notebook) -> None:
    """Tick MC2 as completed: the plan moves on and the diagram is redrawn."""
    viewer = nb.widget("mc-pathway-viewer")
    chart = viewer.locator("img").first
    expect(viewer).to_contain_text("3 of 10 credits done; 7 still needed.")
    expect(viewer).to_contain_text("Can be taken now: MC2, MC3.")
    before = chart.get_attribute("src")
    viewer.get_by_role("checkbox", name="MC2", exact=True).check()
    expect(viewer).to_contain_text("6 of 10 credits done; 4 still needed.", timeout=UPDATE_TIMEOUT)
    expect(viewer).to_contain_text("Can be taken now: MC3, MC4.")
    redrawn(chart, before)
    nb.screenshot(viewer, "mc2-completed")
    save_to_design(nb, viewer)


@interaction("competence-self-assessment.ipynb")
def competence_self_assessment(nb: Notebook) -> None:
    """Rate the first outcome in the Before round, save, and see where it was saved."""
    tool = nb.widget("mc-competence")
    expect(tool).to_contain_text("How well can you do this?")
    first = course.outcomes()[0].texts["en"]  # the course's own wording, which may change
    tool.get_by_label(first, exact=True).select_option(
        label="2 – I could with some help")
    tool.get_by_role("button", name="Save").click()
    expect(tool).to_contain_text("Saved in my-microcredential.competence.json: 1 of",
                                 timeout=UPDATE_TIMEOUT)
    nb.screenshot(tool, "saved")


@interaction("self-check.ipynb")
def self_check(nb: Notebook) -> None:
    """Answer one question right and one wrong, press Check, then switch to Finnish."""
    quiz = nb.widget("mc-quiz")
    expect(quiz).to_contain_text("Self-check: Writing learning outcomes")
    quiz.get_by_role("radio", name=re.compile(r"^Explain the difference")).check()
    quiz.get_by_role("radio", name="Remember", exact=True).check()
    quiz.get_by_role("button", name="Check").click()
    expect(quiz).to_contain_text("Right.", timeout=UPDATE_TIMEOUT)
    expect(quiz).to_contain_text('Not quite: the answer is "Create".')
    expect(quiz).to_contain_text("1 of 2 right.")
    nb.screenshot(quiz, "checked")
    quiz.get_by_label("Screen language").select_option(label="suomi")
    expect(quiz).to_contain_text("Itsetarkistus: Osaamistavoitteiden kirjoittaminen",
                                 timeout=UPDATE_TIMEOUT)


@interaction("assignments.ipynb")
def assignments(nb: Notebook) -> None:
    """Outside the hub (no nbgrader exchange here): the panel says so and what to do instead
    (tests/browser/test_lab_assignment_panel.py runs it on an exchange, in Finnish)."""
    panel = nb.widget("mc-assignment-panel")
    note = panel.locator("li.mc-note")  # the usual state off the hub: a note, not an error
    expect(note).to_contain_text("here (Binder, the course book, your own computer) there is no")
    panel.get_by_role("button", name="Update the list").click()
    expect(note).to_contain_text("download it and upload it to the assignment",
                                 timeout=UPDATE_TIMEOUT)
    expect(panel.locator("li.mc-error")).to_have_count(0)
    nb.screenshot(panel, "no-exchange")


@interaction("workload-calculator.ipynb")
def workload_calculator(nb: Notebook) -> None:
    """Claim 5 credits: the hours no longer agree. Add hours to an activity: they agree again."""
    calc = nb.widget("mc-workload-calculator")
    chart = calc.locator("img").first
    expect(calc).to_contain_text("Total 81 h = 3.0 credits")
    expect(calc).to_contain_text("No problems found.")
    src = chart.get_attribute("src")
    commit(calc.get_by_label("Credits claimed"), "5")
    expect(calc).to_contain_text("You claim 5 credits, which stands for 130-140 hours",
                                 timeout=UPDATE_TIMEOUT)
    src = redrawn(chart, src)  # the band of the claimed hours moved
    nb.screenshot(calc, "five-credits")
    commit(calc.get_by_label("Hours", exact=True).nth(1), "90")  # reading: 40 -> 90 h
    expect(calc).to_contain_text("Total 131 h = 4.9 credits", timeout=UPDATE_TIMEOUT)
    expect(calc).to_contain_text("No problems found.")
    redrawn(chart, src)
    nb.screenshot(calc, "hours-agree")
    save_to_design(nb, calc)


# --------------------------------------------------------------------------------------------
# The tests


def open_notebook(page: Page, lab, name: str) -> None:
    """Open notebooks/<name> and wait for its kernel: in the JupyterLab the page shows (the
    `lab_page` fixture), else by its URL in a workspace of its own."""
    if page.evaluate("() => !!window.jupyterapp"):
        # (returns nothing: the widget it opened would be serialised for Python, ~4 s of CPU)
        page.evaluate("async path => {"
                      " await window.jupyterapp.commands.execute('docmanager:open', {path}); }",
                      f"notebooks/{name}")
    else:
        page.goto(lab.notebook_url(name, workspace=f"test-{Path(name).stem}"))
    expect(page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")).to_be_visible(
        timeout=60_000
    )
    wait_for_idle_kernel(page)


def wait_for_idle_kernel(page: Page, timeout: int = RUN_TIMEOUT) -> None:
    """Until the notebook's kernel is connected and idle.

    The toolbar's execution indicator says "idle" before any kernel is connected, so the status
    bar must also name a kernel ("Python 3 (ipykernel) | Idle", not "No Kernel | ...").
    """
    page.wait_for_function(
        """() => {
            const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            const indicator = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
            const bar = document.querySelector('#jp-main-statusbar');
            const text = bar ? bar.textContent : '';
            return indicator && indicator.dataset.status === 'idle'
                && /\\| Idle/.test(text) && !/No Kernel/.test(text);
        }""",
        timeout=timeout,
    )


def run_all_cells(page: Page) -> None:
    """Run > Run All Cells, then wait until every code cell has run and the kernel is idle."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:visible", has_text="Run All Cells").first.click()
    try:
        page.wait_for_function(
            """() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""",
            timeout=RUN_TIMEOUT,
        )
    except Exception as exc:
        shot = SCREENSHOTS / "run-all-failed.png"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        raise AssertionError(f"cells did not all run (prompts {prompts}); see {shot}") from exc
    wait_for_idle_kernel(page)


def test_every_interaction_names_a_notebook():
    missing = sorted(set(INTERACTIONS) - set(NOTEBOOKS))
    assert not missing, f"interactions for notebooks that do not exist: {missing}"


# axe-core findings on each notebook's outputs, recorded by test_notebook_in_jupyterlab after the
# interaction (so each notebook runs once) and asserted by test_notebook_outputs_are_accessible.
OUTPUTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"
ACCESSIBILITY: dict[str, list[str]] = {}


def run_notebook(page: Page, lab, screenshot_dir: Path, name: str) -> Notebook:
    """Open, Run All Cells, check for errors, interact; record axe-core's findings."""
    open_notebook(page, lab, name)
    run_all_cells(page)
    nb = Notebook(page, name, screenshot_dir)
    errors = nb.error_outputs()
    assert not errors, f"{name} shows errors after Run All Cells:\n" + "\n---\n".join(errors)

    act = INTERACTIONS.get(name)
    if act is None:
        if nb.panel.locator(".jupyter-widgets").count():
            warnings.warn(
                f"{name} shows widgets but has no interaction in {Path(__file__).name}: "
                "only 'runs without errors' and accessibility are tested",
                stacklevel=1,
            )
        for n, output in enumerate(nb.outputs.filter(has=page.locator(".jupyter-widgets")).all()):
            nb.screenshot(output, f"widget-{n + 1}")
    else:
        act(nb)
        errors = nb.error_outputs()
        assert not errors, f"{name} shows errors after the interaction:\n" + "\n---\n".join(errors)

    # ipywidgets 8 shows a label's missing tooltip as "null" on hover (widgets/_html.py).
    assert nb.outputs.locator('[title="null"]').count() == 0, f"{name}: a label's tooltip is null"

    # Only the outputs (our widgets and texts), not JupyterLab's own interface.
    has_outputs = nb.outputs.count() > 0
    ACCESSIBILITY[name] = (
        serious_violations(page, context={"include": [[OUTPUTS]]}) if has_outputs else []
    )
    return nb


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_in_jupyterlab(lab_page, lab, screenshot_dir, name):
    """Run All Cells shows no error, and the participant's interaction (if any) works."""
    run_notebook(lab_page, lab, screenshot_dir, name)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_outputs_are_accessible(lab_page, lab, screenshot_dir, name):
    """axe-core finds no serious or critical problem in the outputs, as left by the interaction."""
    if name not in ACCESSIBILITY:  # run on its own (-k): run the notebook here
        run_notebook(lab_page, lab, screenshot_dir, name)
    problems = ACCESSIBILITY[name]
    assert not problems, (
        f"axe-core on the outputs of {name} (see 'Browser tests' in DEVELOPERS.md):\n"
        + "\n".join(problems)
    )


# --------------------------------------------------------------------------------------------
# One notebook on a Finnish screen (the course's setting), then Swedish through the tool's menu


def _screen_lines(tool: Locator) -> list[str]:
    """The tool's text as lines, without the outcomes the participant wrote (content)."""
    written = [x for x in tool.locator("textarea").input_value().splitlines() if x.strip()]
    lines = []
    for line in tool.inner_text().splitlines():
        for outcome in written:
            line = line.replace(outcome, "")
        lines += [part.strip() for part in re.split(r"[:·]", line) if part.strip()]
    return lines


def test_outcome_coach_on_a_finnish_screen_then_swedish(lab_page, lab, screenshot_dir):
    """The course's setting says Finnish: every label, the feedback frame and the chart's text
    alternative are Finnish; the 'Screen language' menu turns the tool Swedish and saves it."""
    from tests.helpers.screen_text import english_left

    page = lab_page
    folder = lab.root / "notebooks"
    settings = folder / "microcred-settings.yaml"
    settings.write_text("ui: fi\n", encoding="utf-8")
    try:
        open_notebook(page, lab, "outcomes-coach.ipynb")
        run_all_cells(page)
        nb = Notebook(page, "outcomes-coach.ipynb", screenshot_dir)
        assert not nb.error_outputs()
        coach = nb.widget("mc-outcome-coach")
        expect(coach).to_contain_text("Näyttökieli")
        expect(coach).to_contain_text("Tavoitteiden kieli")
        expect(coach).to_contain_text(re.compile(r"\d+ tavoite\(tta\): \d+ ilman huomautuksia"))
        expect(coach).to_contain_text("Bloomin taso")
        assert "Pylväskaavio" in (coach.locator("img").first.get_attribute("alt") or "")
        assert english_left(_screen_lines(coach)) == []
        nb.screenshot(coach, "finnish-screen")

        chart = coach.locator("img").first
        finnish_chart = chart.get_attribute("src")
        coach.get_by_label("Näyttökieli").select_option(label="svenska")
        expect(coach).to_contain_text("Visningsspråk", timeout=UPDATE_TIMEOUT)
        # the chart is drawn again with Swedish level names and title
        expect(chart).not_to_have_attribute("src", finnish_chart or "", timeout=UPDATE_TIMEOUT)
        expect(coach).to_contain_text(re.compile(r"\d+ mål: \d+ utan problem"),
                                      timeout=UPDATE_TIMEOUT)
        expect(coach).to_contain_text("Målen skrivna på")
        assert english_left(_screen_lines(coach)) == []
        assert "ui: sv" in settings.read_text(encoding="utf-8")
        nb.screenshot(coach, "swedish-screen")
    finally:
        settings.unlink(missing_ok=True)  # the other notebooks' tests expect English screens
