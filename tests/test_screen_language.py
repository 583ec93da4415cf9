"""One screen language: the setting, the menu in every tool, and no English label left on a
Finnish or Swedish screen (widgets and charts)."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from microcred import design, needs, qa
from microcred import widgets as W
from microcred.settings import SETTINGS_NAME, save_screen_language, screen_language
from tests.helpers.screen_text import english_left, figure_texts, widget_texts

OUTCOMES = "The participant can analyse the competence needs of a client organisation."

# Texts a participant typed or an example holds: content, not labels.
CONTENT = ("The participant can", "analyse")
# A need and an outcome in Finnish (content on any screen), so that the matcher shows its table
# with a score.
MATCHED_NEEDS = "Tietosuoja asiakastyössä"
MATCHED_OUTCOMES = "Osallistuja osaa soveltaa tietosuojaa asiakastyössä."
# A number written with a decimal point ("3.0 op", "2 550.00 EUR"): Finnish and Swedish write
# a comma (microcred.numbers); codes such as "ESG 1.10" are not numbers.
DECIMAL_POINT = re.compile(r"(?<![\w.])(?<!ESG )\d+\.\d+(?![\w.])")
# After a switch, the example the tool opened with is the participant's text (it stays).
SWITCHED_CONTENT = (*CONTENT, "planning teacher")

TOOLS = {
    "coach": lambda ui: W.outcome_coach(OUTCOMES, ui=ui, design_file="mine.yaml"),
    "alignment": lambda ui: W.alignment_editor(None, ui=ui),
    "assignments": lambda ui: W.assignment_panel(".", ui=ui),
    "price": lambda ui: W.price_calculator(ui=ui),
    "self-check": lambda ui: W.development_self_check(ui=ui),
    "competence": lambda ui: W.competence_self_assessment("mine.yaml", lang=ui),
    "credential": lambda ui: W.credential_builder("machine-vision", ui=ui),
    "canvas": lambda ui: W.needs_canvas(ui=ui, sample=True),
    "matcher": lambda ui: W.needs_matcher(MATCHED_NEEDS, MATCHED_OUTCOMES, ui=ui),
    "pathway": lambda ui: W.pathway_viewer(None, ui=ui),
    "qa": lambda ui: W.qa_self_assessment(ui=ui),
    "quiz": lambda ui: W.self_check_quiz(lang=ui),
    "workload": lambda ui: W.workload_calculator(None, ui=ui),
}
# Tools whose every label comes from the catalogues: switching shows what starting in the
# language shows (the price calculator and the needs canvas open with an example in their language:
# after a switch it is the participant's text and stays).
SWITCH_EXACTLY = ("coach", "alignment", "matcher", "pathway")


@pytest.fixture(autouse=True)
def course_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the settings file is written beside the design file
    return tmp_path


def screen(tool) -> list[str]:
    """The tool's texts, without the credential card's preview (a document in its own
    language, as it will be issued)."""
    preview = getattr(tool, "preview", None)
    texts = widget_texts(tool)
    return [x for x in texts if x not in widget_texts(preview)] if preview is not None else texts


def test_the_setting_order_is_call_tool_course_design_english(course_folder):
    assert screen_language("outcome-coach") == "en"
    (course_folder / "my-microcredential.yaml").write_text(
        design.template_text("sv"), encoding="utf-8")
    assert screen_language("outcome-coach") == design.language_of(
        design.load(course_folder / "my-microcredential.yaml"))
    save_screen_language("fi")
    assert screen_language("outcome-coach") == "fi"
    save_screen_language("sv", tool="outcome-coach")
    assert screen_language("outcome-coach") == "sv" and screen_language("workload") == "fi"
    assert screen_language("outcome-coach", ui="en") == "en"
    save_screen_language("en")  # the course's choice clears the tools' own
    assert screen_language("outcome-coach") == "en"
    assert "ui: en" in (course_folder / SETTINGS_NAME).read_text(encoding="utf-8")


def test_a_broken_settings_file_is_no_setting(course_folder):
    (course_folder / SETTINGS_NAME).write_text("ui: [fi\n", encoding="utf-8")
    assert screen_language() == "en"
    save_screen_language("fi")
    assert screen_language() == "fi"


@pytest.mark.parametrize("ui", ["fi", "sv"])
@pytest.mark.parametrize("name", sorted(TOOLS))
def test_no_english_label_on_a_finnish_or_swedish_tool(name, ui):
    tool = TOOLS[name](ui)
    texts = screen(tool)
    assert english_left(texts, CONTENT) == []
    # The needs canvas shows its example as YAML (content, English where it is not translated).
    numbers = [x for x in texts if DECIMAL_POINT.search(x) and not x.startswith("needs:")]
    assert numbers == [], "a decimal point on a Finnish or Swedish screen"


# A label, placeholder or tooltip written in a widget's code rather than taken from the catalogue
# ("pass / fail, 0-5"): the same on every screen. Addresses and figures ("https://", "81") may be.
WRITTEN_IN_CODE = re.compile(r"""\b(?:placeholder|description|tooltip)=(["'])(?P<text>[^"']*)\1""")


def test_no_tool_writes_a_label_in_its_code():
    found = []
    for path in sorted(files("microcred").joinpath("widgets").iterdir()):
        if not path.name.endswith(".py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in WRITTEN_IN_CODE.finditer(line):
                words = re.findall(r"[^\W\d_]{3,}", m["text"])
                if words and not m["text"].startswith("http"):
                    found.append(f"{path.name}:{n}: {m['text']}")
    assert found == [], "take these from data/strings/*.yaml with t(...):\n" + "\n".join(found)


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_every_tool_shows_the_screen_language_menu_and_follows_the_setting(name):
    save_screen_language("sv")
    tool = TOOLS[name](None)
    menu = getattr(tool, "language_menu", None) or tool.lang
    assert menu.value == "sv" and menu.description == "Visningsspråk"


@pytest.mark.parametrize("name", sorted(set(TOOLS) - {"competence", "quiz"}))
def test_switching_the_menu_relabels_the_tool_and_saves_the_choice(name, course_folder):
    tool = TOOLS[name]("en")
    tool.language_menu.value = "fi"
    assert screen_language() == "fi"
    assert english_left(screen(tool), SWITCHED_CONTENT) == []
    if name in SWITCH_EXACTLY:
        assert screen(tool) == screen(TOOLS[name]("fi"))


def test_the_coachs_analysis_language_leaves_the_screen_language_alone():
    coach = TOOLS["coach"]("fi")
    before = [x for x in screen(coach) if x not in OUTCOMES]
    coach.language.value = "en"  # the outcome is English: analyse it as English
    assert coach.results[0].language == "en"
    after = [x for x in screen(coach) if x not in OUTCOMES]
    assert "Bloomin taso: analysoida" in after and english_left(after, CONTENT) == []
    assert coach.language_menu.value == "fi" and len(after) == len(before)


def _charts():
    from microcred.alignment import Alignment, check_alignment, plot_alignment
    from microcred.commissioned import model_from_dict, plot_pricing, plot_self_check, price
    from microcred.commissioned import self_check as run_self_check
    from microcred.matching import match, plot_heatmap
    from microcred.outcomes import analyse, plot_bloom
    from microcred.pathways import Pathway, plot_pathway
    from microcred.workload import Workload, plot_workload

    path = files("microcred").joinpath("examples", "capstone-example.yaml")
    doc = design.load(path)
    assessment = design.load_qa(path)
    canvas = needs.from_dict(doc["needs"])
    model = model_from_dict({"roles": [{"role": "teacher", "hours": 60, "rate": 85}],
                             "participants": 16, "price_per_participant": 700})
    alignment = Alignment.from_design(doc)
    return {
        "bloom": lambda lang: plot_bloom([analyse(o["text"]) for o in doc["outcomes"]], lang),
        "heatmap": lambda lang: plot_heatmap(match(list(canvas.needs), doc["outcomes"]), lang),
        "workload": lambda lang: plot_workload(Workload.from_dict(doc["workload"]), lang),
        "alignment": lambda lang: plot_alignment(alignment, lang, check_alignment(alignment)),
        "pathway": lambda lang: plot_pathway(Pathway.from_design(doc), lang, completed=["MC1"]),
        "pricing": lambda lang: plot_pricing(price(model, lang), lang),
        "self-check": lambda lang: plot_self_check(run_self_check({}, lang), lang),
        "radar": lambda lang: qa.plot_radar(assessment, lang, earlier=assessment),
        "bars": lambda lang: qa.plot_bars(assessment, lang),
        "comparison": lambda lang: qa.plot_comparison(qa.compare(assessment, assessment, lang),
                                                      lang),
    }


# The example's own names (credentials of the pathway) are content, written in English.
CHART_CONTENT = ("Digital tools for safe", "home care", "Safety in client homes", "Mentoring new",
                 "employees", "Rehabilitation at home", "Leading a home care", "team")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_label_in_a_finnish_or_swedish_chart(lang):
    english = {name: make("en") for name, make in _charts().items()}
    for name, make in _charts().items():
        texts = [line for text in figure_texts(make(lang)) for line in text.split("\n")]
        assert english_left(texts, CHART_CONTENT) == [], name
        # numbers with a decimal comma, as Finnish and Swedish readers write them
        assert not [x for x in texts if re.search(r"\d\.\d|(?<!\w)\.\d", x)], name
        # every title, axis label and legend entry with words differs from the English chart's
        en_labels = {x for x in chart_labels(english[name]) if len(x) > 3}
        assert not en_labels & set(chart_labels(make(lang))), name


def chart_labels(fig) -> list[str]:
    """A figure's titles, axis labels and legend entries (labels, never content)."""
    found = [fig._suptitle.get_text()] if fig._suptitle else []
    for ax in fig.axes:
        found += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        legend = ax.get_legend()
        found += [t.get_text() for t in legend.get_texts()] if legend else []
    return [x for x in found if any(c.isalpha() for c in x)]


def test_the_deployments_language_comes_below_the_participants_own(course_folder, monkeypatch):
    """$MICROCRED_UI (a hub, a book edition) beats the design file, not a participant's choice."""
    (course_folder / "my-microcredential.yaml").write_text(
        design.template_text("en"), encoding="utf-8")
    monkeypatch.setenv("MICROCRED_UI", "sv")
    assert screen_language("outcome-coach") == "sv"
    monkeypatch.setenv("MICROCRED_UI", "klingon")
    assert screen_language("outcome-coach") == "en"
    monkeypatch.setenv("MICROCRED_UI", "FI ")
    assert screen_language("outcome-coach") == "fi"
    save_screen_language("en")
    assert screen_language("outcome-coach") == "en"
    assert screen_language("outcome-coach", ui="sv") == "sv"


def _reports():
    """The plain-text reports that notebooks print, made without a language argument."""
    from microcred.alignment import Alignment, check_alignment
    from microcred.outcomes import analyse
    from microcred.workload import Workload, check_workload

    path = files("microcred").joinpath("examples", "capstone-example.yaml")
    doc = design.load(path)
    return {
        "outcome": lambda: str(analyse("The participant can onboard new trainers to a programme.")),
        "vague": lambda: str(analyse("Understand dashboards.")),
        "workload": lambda: str(check_workload(Workload.from_dict(doc["workload"]))),
        "alignment": lambda: str(check_alignment(Alignment.from_design(doc))),
        "design": lambda: design.format_text(design.check_file(path)),
    }


# The example's own texts (English needs, titles and outcomes) are content.
REPORT_CONTENT = re.compile(r'"[^"]*"|Digital tools for safe home care|Northbay home care services '
                            r"\(invented example\)|The participant can[^\n]*|Understand dashboards\.")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_printed_reports_follow_the_screen_language(lang, monkeypatch):
    """``print(check_workload(w))`` in a Finnish folder is Finnish: the report's frame, its
    severity words and its messages (an English outcome's problems too)."""
    english = {name: make() for name, make in _reports().items()}
    monkeypatch.setenv("MICROCRED_UI", lang)
    for name, make in _reports().items():
        text = make()
        assert text != english[name], name
        lines = [line for line in REPORT_CONTENT.sub(" ", text).splitlines() if line.strip()]
        assert english_left(lines) == [], (name, text)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_design_desk_follows_the_screen_language(lang, monkeypatch):
    """The welcome notebook and the capstone walkthrough show the desk without ``ui=``."""
    monkeypatch.setenv("MICROCRED_UI", lang)
    desk = W.design_desk("mine.yaml")
    assert desk.ui == lang and desk.language.value == lang
    assert english_left(widget_texts(desk), ("English", "suomi", "svenska")) == []
