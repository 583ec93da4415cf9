"""The credential builder, driven headless by setting widget values as a participant would."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re

import yaml

from microcred.credential import example, load, ob3_problems
from microcred.widgets import credential_builder
from tests.helpers.paths import REPO


def test_an_example_fills_the_form_and_reads_back_the_same(tmp_path):
    """Loading an example and reading the form gives the example again: nothing is lost."""
    for name in ("machine-vision", "home-rehabilitation-technology", "security-risk-analysis"):
        builder = credential_builder(name, design_file=str(tmp_path / "mine.yaml"))
        assert builder.description == example(name), name
        assert builder.findings == []
        assert 'class="mc-card"' in builder.preview.value


def test_an_empty_form_lists_every_missing_element():
    builder = credential_builder()
    missing = {f.element for f in builder.findings if f.code == "missing-element"}
    assert missing == {"title", "country", "awarding_body", "outcomes", "workload", "level",
                       "assessment", "participation", "quality_assurance"}
    assert "Missing: Title of the micro-credential" in builder.check.value


def test_validation_follows_the_fields():
    """Typing into fields updates the findings at once."""
    builder = credential_builder("machine-vision")
    builder.hours.value = "60"
    assert [f.code for f in builder.findings] == ["workload-mismatch"]
    assert "workload-mismatch" in builder.check.value
    builder.convention.value = "ects"
    builder.hours.value = "135"
    assert builder.findings == []
    builder.eqf.value = "not applicable"
    builder.cycle.value = ""
    assert builder.findings == []
    builder.outcomes.value += "\nUnderstand cameras."
    assert [f.code for f in builder.findings] == ["outcome-vague-verb"]


def test_dropdowns_offer_the_allowed_values():
    builder = credential_builder()
    assert [v for _, v in builder.supervision.options] == [
        "", "unsupervised-no-id", "supervised-no-id", "supervised-with-id"]
    assert [v for _, v in builder.integration.options] == ["", "stand-alone", "stackable"]
    assert len(builder.eqf.options) == 10  # none, 1-8, not applicable
    builder.participation.value = "blended"
    builder.assessment.value = ("portfolio",)
    builder.other_assessment.value = "peer review"
    desc = builder.description
    assert desc.participation == ("blended",) and desc.assessment == ("portfolio", "peer review")


def test_issue_fields_add_the_learner_and_the_date():
    builder = credential_builder("machine-vision")
    builder.learner.value = "Maija Meikäläinen"
    assert [f.element for f in builder.findings] == ["issued"]
    builder.issued.value = dt.date(2026, 4, 1)
    assert builder.findings == []
    assert "Awarded to Maija Meikäläinen on 2026-04-01." in builder.preview.value


def test_user_text_is_escaped_in_the_preview_and_findings():
    builder = credential_builder("machine-vision")
    builder.title.value = "<script>alert(1)</script>"
    builder.outcomes.value = "<img src=x onerror=alert(2)>"
    assert "<script>" not in builder.preview.value and "<img" not in builder.preview.value
    assert "<img" not in builder.check.value


def downloads(builder) -> dict[str, str]:
    """The files the builder's download links hold: name -> text."""
    found = re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                       builder.downloads.value)
    return {name: base64.b64decode(data).decode("utf-8") for name, data in found}


def test_the_card_catalogue_entry_and_open_badge_download_without_code(tmp_path):
    """The links hold the card, the catalogue entry and a complete Open Badge, named after
    the design file; no file is written in the folder."""
    builder = credential_builder("security-risk-analysis", ui="sv",
                                 design_file=str(tmp_path / "riskanalys"))
    builder.learner.value = "Anna Andersson"
    builder.issued.value = dt.date(2026, 6, 15)
    files = downloads(builder)
    assert set(files) == {"riskanalys.card.html", "riskanalys.catalogue.md",
                          "riskanalys.badge.json"}
    assert 'class="mc-card"' in files["riskanalys.card.html"]
    assert example("security-risk-analysis").title in files["riskanalys.catalogue.md"]
    doc = json.loads(files["riskanalys.badge.json"])
    assert ob3_problems(doc) == [] and doc["credentialSubject"]["achievement"]["inLanguage"] == "sv"
    assert not list(tmp_path.iterdir())


def test_the_open_badge_link_waits_for_a_learner(tmp_path):
    builder = credential_builder("machine-vision", design_file=str(tmp_path / "mine.yaml"))
    assert set(downloads(builder)) == {"mine.card.html", "mine.catalogue.md"}
    assert "learner" in builder.downloads.value
    builder.learner.value = "Maija"
    assert "mine.badge.json" in downloads(builder)


def test_builder_opens_a_yaml_file_and_keeps_parts_without_a_field(tmp_path):
    path = REPO / "tests" / "data" / "credential" / "complete.yaml"
    builder = credential_builder(str(path), design_file=str(tmp_path / "mine.yaml"))
    assert builder.description == load(path)
    builder.title.value += " (2027)"
    builder.outcomes.value += "\nThe participant can plan a survey."
    assert builder.design_bar.save(), builder.design_bar.status.value
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text(encoding="utf-8"))
    assert saved["credential"]["code"] == "UAS-DL-2"
    assert saved["credential"]["valid_until"] == dt.date(2030, 12, 31)
    assert saved["outcomes"][0] == {"id": "A1", "text": load(path).outcomes[0].text}


def test_ui_language_changes_labels_and_messages():
    builder = credential_builder(ui="fi")
    assert "Puuttuu: Pienen osaamiskokonaisuuden nimi" in builder.check.value
    assert builder.design_bar.save_button.description == "Tallenna suunnitelmaani"


def test_every_field_has_a_name_for_screen_readers():
    """The visible label above a field is linked to nothing: the description names it."""
    builder = credential_builder(ui="fi")
    unnamed = [type(x).__name__ for x in (*builder._inputs(), builder.design_bar.file)
               if not x.description]
    assert not unnamed
    assert builder.title.description == "Pienen osaamiskokonaisuuden nimi (pakollinen)"
