"""The needs canvas: a self-contained ``needs:`` section, lenient reading, plain findings."""

from __future__ import annotations

import pytest
import yaml

from microcred.errors import UserError
from microcred.needs import (
    CompetenceNeed,
    Constraints,
    NeedsCanvas,
    Stakeholder,
    TargetGroup,
    check,
    completeness,
    dump_yaml,
    from_dict,
    merge_into,
    need_lines,
    needs_from_lines,
    parse_need,
    parse_needs,
    read_yaml,
    sample_canvas,
)


def codes(canvas, lang="en"):
    return [f.code for f in check(canvas, lang)]


def test_sample_canvas_is_complete_and_clean():
    """The shipped example is the model answer: every part filled, no finding."""
    canvas = sample_canvas()
    assert check(canvas) == []
    assert all(v == 1 for v in completeness(canvas).values())
    assert [n.id for n in canvas.needs] == ["N1", "N2", "N3", "N4", "N5"]


def test_round_trip_through_yaml_keeps_everything():
    """to_dict -> YAML -> from_dict gives the same canvas, under one key: needs."""
    canvas = sample_canvas()
    text = dump_yaml(canvas)
    assert list(yaml.safe_load(text)) == ["needs"]
    assert read_yaml(text) == canvas
    assert from_dict(canvas.to_dict()) == canvas


def test_hand_written_shapes_are_read():
    """Strings for stakeholders and needs, priorities in Finnish and Swedish, budget as text."""
    canvas = from_dict({
        "organisation": "Kunta",
        "stakeholders": "HR; esihenkilöt; työntekijät",
        "competence_needs": [
            "Tietosuoja | korkea | heti | haastattelut",
            {"text": "Kundbemötande", "priority": "hög", "urgency": "inom ett år"},
        ],
        "target_group": "Kotihoidon hoitajat",
        "constraints": {"budget": "12 000,50", "time": "ilta", "place": "verkossa"},
    })
    assert [s.name for s in canvas.stakeholders] == ["HR", "esihenkilöt", "työntekijät"]
    first, second = canvas.needs
    assert (first.text, first.priority, first.urgency, first.evidence) == (
        "Tietosuoja", "high", "now", "haastattelut")
    assert (second.priority, second.urgency) == ("high", "year")
    assert canvas.constraints.budget == 12000.5
    assert canvas.target_group.description == "Kotihoidon hoitajat"


def test_parse_need_takes_parts_in_any_order_and_keeps_the_rest_as_evidence():
    """Priority and urgency are recognised wherever they are; other parts are evidence."""
    need = parse_need("- Data protection; job ads 2024; low; later; audit")
    assert need.text == "Data protection"
    assert (need.priority, need.urgency) == ("low", "later")
    assert need.evidence == "job ads 2024 ; audit"
    assert parse_need("Only the text").priority == ""
    assert len(parse_needs("a\n\n b | high\n")) == 2


def test_empty_canvas_gets_errors_for_the_essentials():
    """An empty canvas says what to fill, errors first."""
    found = check(NeedsCanvas())
    assert [f.code for f in found if f.severity == "error"] == [
        "no-organisation", "no-stakeholders", "no-needs", "no-target-group"]
    assert "missing-constraints" in [f.code for f in found]
    assert all(v == 0 for v in completeness(NeedsCanvas()).values())


def test_doubtful_needs_get_warnings():
    """Duplicates, missing evidence and priority, everything high, too many needs."""
    needs = tuple(CompetenceNeed(f"Need {i}", "high", "now", "survey", f"N{i}") for i in range(3))
    canvas = NeedsCanvas("Org", "Sector", (Stakeholder("a"), Stakeholder("b")), needs,
                         TargetGroup("nurses"), Constraints("t", "p", 10.0))
    assert codes(canvas) == ["all-high"]
    dup = NeedsCanvas(needs=(CompetenceNeed("Same", id="N1"), CompetenceNeed(" same ", id="N2")))
    assert codes(dup).count("duplicate-need") == 1
    assert "need-without-evidence" in codes(dup) and "need-without-priority" in codes(dup)
    many = NeedsCanvas(needs=tuple(CompetenceNeed(f"n{i}", id=f"N{i}") for i in range(20)))
    assert "too-many-needs" in codes(many)


def test_negative_budget_is_an_error_and_messages_come_in_three_languages():
    """Each finding speaks the participant's language."""
    canvas = NeedsCanvas(constraints=Constraints(budget=-5))
    assert "negative-budget" in codes(canvas)
    fi = {f.code: f.message for f in check(canvas, "fi")}
    sv = {f.code: f.message for f in check(canvas, "sv")}
    assert fi["negative-budget"] == "Budjetti on negatiivinen."
    assert sv["negative-budget"] == "Budgeten är negativ."


def test_merge_into_replaces_only_the_needs_section_and_keeps_comments():
    """Other sections of the design file, their order and comments stay as they were."""
    design = (
        "# my design\n"
        "credential:\n  title: Care  # the title\n"
        "needs:\n  organisation: old\n"
        "outcomes:\n  - {id: O1, text: x}\n"
    )
    merged = merge_into(design, sample_canvas())
    assert "# my design" in merged and "# the title" in merged
    data = yaml.safe_load(merged)
    # the design file's writer also stamps its schema version; the sections keep their order
    assert [k for k in data if k != "schema_version"] == ["credential", "needs", "outcomes"]
    assert read_yaml(merged) == sample_canvas()
    assert "needs:" in merge_into("", NeedsCanvas(organisation="x"))


@pytest.mark.parametrize("text", ["needs: [unclosed", "- just\n- a list\n"])
def test_bad_yaml_is_a_user_error(text):
    """Broken YAML, or YAML that is not a mapping, gives one clear message."""
    with pytest.raises(UserError):
        read_yaml(text)
    with pytest.raises(UserError):
        merge_into(text, NeedsCanvas())


def test_ids_are_kept_and_missing_ones_filled_without_clashes():
    """Given ids stay; new ones skip the ids in use."""
    canvas = from_dict({"needs": {"competence_needs": [{"id": "N2", "text": "a"}, "b", "c"]}})
    assert [n.id for n in canvas.needs] == ["N2", "N1", "N3"]


# --- the needs matcher's list ----------------------------------------------------------------


def test_a_need_keeps_what_it_had_while_its_text_stays():
    section = {"organisation": "Kunta", "competence_needs": [
        {"text": "Tekoälyn  käyttö opetuksessa", "priority": "high", "evidence": "kysely"},
        {"text": "Digital accessibility", "urgency": "now"}, "a bare text"]}
    assert need_lines(section) == ("Tekoälyn  käyttö opetuksessa\nDigital accessibility\n"
                                   "a bare text")
    text = "  Tekoälyn käyttö   opetuksessa \n\nTillgänglighet 🦾 <b>webb</b>\n"
    assert needs_from_lines(text, section) == {"organisation": "Kunta", "competence_needs": [
        {"text": "Tekoälyn  käyttö opetuksessa", "priority": "high", "evidence": "kysely"},
        {"text": "Tillgänglighet 🦾 <b>webb</b>"}]}


@pytest.mark.parametrize("section", [None, {}, "needs", [1, 2], {"competence_needs": None}])
def test_no_needs_section_gives_empty_lines_and_a_fresh_section(section):
    assert need_lines(section) == ""
    assert needs_from_lines("", section)["competence_needs"] == []
    assert needs_from_lines("A\nB", section)["competence_needs"] == [{"text": "A"},
                                                                     {"text": "B"}]


def test_a_huge_list_of_needs_is_read_whole():
    text = "\n".join(f"Osaamistarve {i} – behov {i}" for i in range(20_000))
    assert need_lines(needs_from_lines(text)) == text
