"""The quality self-assessment core: instrument data, validation, files, profile, plan,
comparison, cohort summary, charts, reports and the study-administration checklist."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from microcred import qa
from microcred.credential import elements as eu_elements
from microcred.errors import UserError
from microcred.i18n import LANGUAGES
from microcred.resources import load_yaml
from tests.helpers.paths import REPO

DATA = Path(__file__).parent / "data" / "qa"
PRINCIPLES = [
    "quality", "transparency", "relevance", "valid-assessment", "learning-pathways",
    "recognition", "portable", "learner-centred", "authentic", "information-guidance",
]
ESG = [f"1.{n}" for n in range(1, 11)]


def full(value_of=lambda i: i % 5, **fields) -> qa.SelfAssessment:
    """An assessment answering every criterion."""
    answers = {c.id: value_of(i) for i, c in enumerate(qa.instrument().criteria)}
    return qa.SelfAssessment(answers=answers, **fields)


# --- the instrument ---------------------------------------------------------------------------


def test_criteria_are_grouped_under_the_ten_principles_of_annex_ii_in_order():
    """Principles 1-10 in the order of Annex II, each with at least two criteria."""
    inst = qa.instrument()
    assert [p.id for p in inst.principles] == PRINCIPLES
    assert [p.number for p in inst.principles] == list(range(1, 11))
    assert all(len(p.criteria) >= 2 for p in inst.principles)
    assert len({c.id for c in inst.criteria}) == len(inst.criteria) >= 20


def test_every_criterion_maps_to_esg_part_1_and_every_standard_is_served():
    """Each criterion names ESG 2015 Part 1 standards (1.1-1.10); together they cover all ten."""
    inst = qa.instrument()
    assert sorted(inst.esg, key=lambda s: int(s.split(".")[1])) == ESG
    for c in inst.criteria:
        assert c.esg and set(c.esg) <= set(ESG), c.id
    assert {s for c in inst.criteria for s in c.esg} == set(ESG)


def test_every_text_of_the_instrument_is_in_english_finnish_and_swedish():
    """Names, summaries, criteria, actions, scale anchors and ESG titles in all three languages."""
    inst = qa.instrument()
    texts = [inst.esg[s] for s in ESG]
    for p in inst.principles:
        texts += [p.name, p.summary]
        for c in p.criteria:
            texts += [c.text, c.action]
    for level in inst.scale:
        texts += [level.label, level.description]
    for entry in texts:
        assert set(LANGUAGES) <= set(entry) and all(entry[lang].strip() for lang in LANGUAGES)


def test_scale_runs_from_0_to_4_with_distinct_described_anchors():
    scale = qa.instrument().scale
    assert [lv.value for lv in scale] == [0, 1, 2, 3, 4] == list(range(qa.SCALE_MIN, qa.SCALE_MAX + 1))
    assert len({lv.description["en"] for lv in scale}) == 5


def test_criterion_codes_read_principle_number_and_letter():
    inst = qa.instrument()
    assert inst.criterion("quality.internal-qa").code == "1a"
    assert inst.criterion("information-guidance.advice").code == "10b"


@pytest.mark.parametrize(
    "text, expected",
    [("valid_assessment", "valid-assessment"), ("4", "valid-assessment"), (4, "valid-assessment"),
     ("Pätevä arviointi", "valid-assessment"), ("  PORTABLE ", "portable"), ("Äkthet", "authentic"),
     ("Information and guidance", "information-guidance"), ("nonsense", None), ("", None),
     (None, None), (["quality"], None)],
)
def test_a_principle_can_be_named_by_id_number_or_name_in_any_language(text, expected):
    found = qa.instrument().find_principle(text)
    assert (found.id if found else None) == expected


# --- scores and validation --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, score",
    [(0, 0), (4, 4), ("3", 3), (" 2 ", 2), (3.0, 3), (5, None), (-1, None), ("x", None),
     (2.5, None), (True, None), (None, None), ("", None), ([3], None), ("٣", None)],
)
def test_parse_score_accepts_whole_numbers_0_to_4_only(value, score):
    assert qa.parse_score(value) == score


def test_validation_names_out_of_range_invalid_and_unknown_answers():
    """Each odd value is reported with a stable code, on the criterion it is about."""
    a = qa.load(DATA / "odd-values.json")
    findings = qa.validate(a)
    by_code: dict[str, list] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    assert {f.element for f in by_code["score-out-of-range"]} == {
        "quality.internal-qa", "transparency.elements"}
    assert {f.element for f in by_code["score-invalid"]} == {
        "quality.review", "quality.public", "transparency.workload"}
    assert {f.element for f in by_code["unknown-criterion"]} == {"quality.extra", "no.such"}
    assert all(f.severity == "error" for f in by_code["score-out-of-range"] + by_code["score-invalid"])
    assert {"no-credential", "bad-date", "missing-answers"} <= set(by_code)
    assert a.score("transparency.outcomes") == 4  # "4" is a valid score
    assert "1a: 5 is outside the scale 0-4" in by_code["score-out-of-range"][0].message


def test_missing_answers_are_one_warning_listing_the_criteria():
    a = full()
    del a.answers["portable.data"], a.answers["quality.review"]
    [missing] = [f for f in qa.validate(a) if f.code == "missing-answers"]
    assert missing.severity == "warning"
    assert "2 of 25" in missing.message and "1b" in missing.message and "7b" in missing.message


def test_a_complete_assessment_has_no_findings_and_messages_follow_the_language():
    a = full(credential="X", assessed_on="2025-01-31")
    assert qa.validate(a) == []
    a.answers["portable.data"] = 9
    assert "utanför skalan" in qa.validate(a, "sv")[0].message
    assert "asteikon" in qa.validate(a, "fi")[0].message


# --- files ------------------------------------------------------------------------------------


def test_save_and_load_round_trip(tmp_path):
    a = qa.load(DATA / "complete.json")
    path = qa.save(a, tmp_path / "qa.json")
    again = qa.load(path)
    assert again == a
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == qa.FORMAT and data["format_version"] == qa.FORMAT_VERSION
    assert data["language"] == "sv" and "Granskning" in data["notes"]["quality.review"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "not valid JSON (line"),  # the corrupt fixture
        ("[1, 2]", "expected a JSON object"),
        ('{"format": "something-else"}', "not a self-assessment file"),
        ('{"answers": [1, 2]}', "must be JSON objects"),
        ('{"format_version": "one"}', "format_version must be a whole number"),
        ("", "not valid JSON"),
    ],
)
def test_broken_files_give_a_clear_user_error(tmp_path, content, message):
    path = DATA / "corrupt.json"
    if content is not None:
        path = tmp_path / "x.json"
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=re.escape(message)):
        qa.load(path)


def test_newer_missing_binary_and_folder_files_give_clear_errors(tmp_path):
    with pytest.raises(UserError, match="newer version"):
        qa.load(DATA / "newer-format.json")
    with pytest.raises(UserError, match="no such file"):
        qa.load(tmp_path / "nope.json")
    with pytest.raises(UserError, match="is a folder"):
        qa.load(tmp_path)
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(UserError, match="not UTF-8 text"):
        qa.load(binary)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_save_keeps_the_earlier_file_and_leaves_no_temporary_file(
    tmp_path, monkeypatch, failing
):
    """Saving writes a temporary file and moves it into place: if writing or moving fails,
    the earlier file is untouched and the error is a UserError."""
    path = tmp_path / "qa.json"
    qa.save(full(credential="first"), path)
    before = path.read_bytes()

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(UserError, match="could not be saved .No space left on device"):
        qa.save(full(credential="second"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["qa.json"]
    assert qa.load(path).credential == "first"


def test_saving_text_that_cannot_be_encoded_keeps_the_earlier_file(tmp_path):
    path = tmp_path / "qa.json"
    qa.save(full(credential="ok"), path)
    with pytest.raises(UserError, match="could not be saved"):
        qa.save(full(credential="bad \ud800 surrogate"), path)
    assert qa.load(path).credential == "ok"
    assert len(list(tmp_path.iterdir())) == 1


def test_saving_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "qa.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o640)
    qa.save(full(), path)
    assert path.stat().st_mode & 0o777 == 0o640


# --- profile, plan, comparison ----------------------------------------------------------------


def test_profile_is_the_mean_of_answered_criteria_per_principle():
    a = qa.SelfAssessment(answers={"quality.internal-qa": 4, "quality.review": 1, "portable.data": 3,
                                   "quality.public": "x"})
    prof = qa.profile(a)
    assert list(prof) == PRINCIPLES
    assert prof["quality"] == qa.PrincipleScore("quality", 2.5, 2, 3)  # the invalid "x" is left out
    assert prof["portable"].mean == 3 and prof["relevance"].mean is None
    assert qa.overall(a) == 2.75
    assert qa.overall(qa.SelfAssessment()) is None


def test_development_plan_ranks_the_weakest_criteria_first_with_concrete_actions():
    a = full(lambda i: 3)
    a.answers.update({"portable.digital": 0, "authentic.verification": 1, "quality.review": 1,
                      "relevance.needs": 4})
    plan = qa.development_plan(a)
    assert len(plan) == qa.PLAN_LENGTH
    assert [i.rank for i in plan] == [1, 2, 3, 4, 5]
    assert plan[0].criterion.id == "portable.digital" and plan[0].score == 0
    # equal scores: the weaker principle first (authentic 2.0 before quality 2.33)
    assert [i.criterion.id for i in plan[1:3]] == ["authentic.verification", "quality.review"]
    assert all(i.score <= 3 for i in plan) and "relevance.needs" not in [i.criterion.id for i in plan]
    assert plan[0].action("en").startswith("Agree with study administration")
    assert plan[0].action("fi") != plan[0].action("en")


def test_plan_is_empty_when_nothing_is_answered_or_everything_is_established():
    assert qa.development_plan(qa.SelfAssessment()) == []
    assert qa.development_plan(full(lambda i: 4)) == []


def test_a_better_answer_changes_the_plan():
    a = full(lambda i: 2)
    first = [i.criterion.id for i in qa.development_plan(a)]
    a.answers[first[0]] = 4
    assert first[0] not in [i.criterion.id for i in qa.development_plan(a)]


def test_comparison_orders_by_date_and_gives_deltas_per_principle():
    earlier = full(lambda i: 1, credential="Machine vision", assessed_on="2024-09-01")
    later = full(lambda i: 3, credential="machine vision ", assessed_on="2025-03-01")
    later.answers["portable.data"] = 1
    cmp = qa.compare(later, earlier)  # given in the wrong order
    assert cmp.earlier is earlier and cmp.later is later
    assert cmp.findings == ()
    assert cmp.principles["quality"].delta == 2
    assert cmp.principles["portable"] == qa.Change(1.0, 2.0)
    assert "portable.data" not in cmp.improved() and "quality.review" in cmp.improved()
    assert cmp.declined() == []


def test_comparison_warns_about_different_micro_credentials():
    cmp = qa.compare(full(credential="A"), full(credential="B"))
    assert [f.code for f in cmp.findings] == ["different-credential"]


def test_change_of_an_unanswered_principle_has_no_delta():
    cmp = qa.compare(qa.SelfAssessment(), full())
    assert cmp.principles["quality"].delta is None


# --- cohort -----------------------------------------------------------------------------------


def group(n: int, **fields) -> list[qa.SelfAssessment]:
    return [full(lambda i, k=k: (i + k) % 5, assessor=f"person {k}", credential=f"mc {k}",
                 **fields) for k in range(n)]


def test_cohort_below_the_threshold_reveals_nothing_but_its_size():
    summary = qa.cohort_summary(group(4), threshold=5)
    assert summary.suppressed and summary.count == 4
    assert summary.distribution == {} and summary.principle_means == {}
    html = qa.cohort_html(summary)
    assert 'data-suppressed="true"' in html and "Too few assessments (4)" in html
    assert "person" not in html and "<img" not in html and "mc 1" not in html
    with pytest.raises(ValueError):
        qa.plot_cohort(summary)


def test_cohort_at_the_threshold_shows_distributions_but_no_names_or_notes():
    members = group(5)
    members[0].notes["quality.review"] = "secret note"
    summary = qa.cohort_summary(members, threshold=5)
    assert not summary.suppressed
    assert all(sum(counts) == 5 for counts in summary.distribution.values())
    assert len(summary.distribution) == len(qa.instrument().criteria)
    html = qa.cohort_html(summary)
    assert "secret note" not in html and "person 0" not in html and "mc 0" not in html
    assert html.count("data:image/png;base64,") == 1


def test_a_criterion_answered_by_too_few_is_hidden_even_in_a_large_group():
    members = group(6)
    members[0].answers.pop("portable.data")  # answered by 5 of 6: shown
    for a in members[2:]:
        a.answers.pop("authentic.content")  # answered by 2 of 6: hidden
    summary = qa.cohort_summary(members, threshold=5)
    assert sum(summary.distribution["portable.data"]) == 5
    assert summary.unanswered["portable.data"] == 1
    assert summary.hidden_criteria == ("authentic.content",)
    assert "authentic.content" not in summary.distribution
    assert "hidden: answered by fewer than 5" in qa.cohort_html(summary)


def test_cohort_counts_the_latest_save_of_each_participant_once():
    old = full(lambda i: 0, assessor="Anna", credential="MV", assessed_on="2024-01-01")
    new = full(lambda i: 4, assessor="anna ", credential="mv", assessed_on="2025-01-01")
    others = group(4)
    summary = qa.cohort_summary([new, old, *others], threshold=5)
    assert summary.count == 5 and summary.older_versions == 1
    assert summary.distribution["quality.review"][4] >= 1
    assert summary.distribution["quality.review"][0] == sum(
        1 for a in others if a.score("quality.review") == 0)
    everything = qa.cohort_summary([new, old, *others], threshold=5, latest_only=False)
    assert everything.count == 6


def test_the_threshold_counts_accounts_not_files():
    members = group(9)  # nine files, nine credential and assessor names ...
    accounts = ["p1", "p1", "p1", "p1", "p1", "p1", "p2", "p3", "p4"]  # ... from four accounts
    summary = qa.cohort_summary(members, threshold=5, accounts=accounts)
    assert summary.suppressed and summary.participants == 4 and summary.distribution == {}
    assert not qa.cohort_summary(members, threshold=5, accounts=[*accounts[:5], "p5",
                                                                  *accounts[6:]]).suppressed
    criterion = qa.cohort_summary(members, threshold=4, accounts=accounts)
    assert not criterion.suppressed and sum(criterion.distribution["quality.review"]) == 9


def test_an_account_is_the_participant_folder_or_the_platform_participant(tmp_path):
    assert qa.account_of(tmp_path / "aino" / "qa" / "x.json", tmp_path) == "aino"
    assert qa.account_of(tmp_path / "x.json", tmp_path) == "x.json"
    assert qa.account_of(tmp_path / "Aino V_12_assignsubmission_file_" / "a.json",
                         tmp_path) == "moodle:12"
    assert qa.account_of(tmp_path / "aino_1_2_a.json", tmp_path) == "canvas:1"


def test_load_folder_reads_json_files_in_subfolders_and_lists_what_it_skips(tmp_path):
    for k, a in enumerate(group(3)):
        folder = tmp_path / f"s{k}"
        folder.mkdir()
        qa.save(a, folder / "qa.json")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not json", encoding="utf-8")
    calls = []
    loaded = qa.load_folder(tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert len(loaded.assessments) == 3
    assert [Path(p).name for p, _ in loaded.skipped] == ["broken.json"]
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    with pytest.raises(UserError, match="no such folder"):
        qa.load_folder(tmp_path / "missing")


# --- charts and reports -----------------------------------------------------------------------


def test_charts_are_figures_with_one_axes_each():
    a = full()
    radar = qa.plot_radar(a, "fi", earlier=full(lambda i: 1))
    assert len(radar.axes) == 1 and radar.axes[0].name == "polar"
    assert len(radar.axes[0].lines) == 2  # now and earlier
    assert len(qa.plot_bars(a).axes) == 1
    assert len(qa.plot_bars(a).axes[0].patches) == 10  # one bar per principle
    assert len(qa.plot_comparison(qa.compare(full(lambda i: 1), a)).axes) == 1
    cohort = qa.plot_cohort(qa.cohort_summary(group(5)))
    assert len(cohort.axes) == 1
    assert cohort.axes[0].get_yticklabels()[0].get_text() == "1a"


def test_radar_names_unanswered_principles_and_speaks_the_language():
    a = qa.SelfAssessment(answers={"quality.review": 2})
    title = qa.plot_radar(a, "sv").axes[0].get_title()
    assert "Profil per europeisk princip" in title and "2, 3" in title


def test_report_is_self_contained_escaped_and_complete():
    a = qa.load(DATA / "complete.json")
    a.credential = "<script>alert(1)</script>"
    a.notes["portable.data"] = '<img src=x onerror="alert(2)">'
    html = qa.report_html(a, "en", earlier=full(lambda i: 0, assessed_on="2024-01-01"))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from elsewhere
    assert html.count('src="data:image/png;base64,') == 3  # radar, bars, comparison
    assert "Development plan" in html and "Change from 2024-01-01 to 2025-02-03" in html
    assert all(f"<h3>{p.number} " in html for p in qa.instrument().principles)
    assert "VIRTA" in html  # the study-administration checklist is appended


def test_report_follows_the_language_of_the_file_or_the_one_asked_for():
    a = qa.load(DATA / "complete.json")  # saved in Swedish
    assert "Självvärdering av kvalitet" in qa.report_html(a)
    assert "Laadun itsearviointi" in qa.report_html(a, "fi")


def test_the_worked_example_is_complete_and_improves_over_time():
    now, before = qa.example(), qa.example(earlier=True)
    assert qa.validate(now) == [] and qa.validate(before) == []
    assert qa.overall(now) > qa.overall(before)


# --- study administration ---------------------------------------------------------------------


def test_admin_checklist_covers_the_life_cycle_in_order():
    steps = qa.admin_checklist()
    assert [s.id for s in steps] == [
        "approval", "catalogue", "enrolment", "identity", "assessment", "recording", "issuing",
        "monitoring"]
    assert [s.number for s in steps] == list(range(1, 9))


def test_each_step_has_a_role_and_serves_known_principles_elements_and_esg_standards():
    known_elements = eu_elements()
    for step in qa.admin_checklist():
        for field in (step.name, step.what, step.responsible, step.joint):
            assert set(LANGUAGES) <= set(field) and all(field[lang].strip() for lang in LANGUAGES)
        assert step.principles and set(step.principles) <= set(PRINCIPLES), step.id
        assert step.elements and set(step.elements) <= set(known_elements), step.id
        assert set(step.esg) <= set(ESG), step.id
    assert {p for s in qa.admin_checklist() for p in s.principles} == set(PRINCIPLES)


def test_recording_names_the_national_registers():
    recording = next(s for s in qa.admin_checklist() if s.id == "recording")
    assert "VIRTA" in recording.what["en"] and "KOSKI" in recording.what["en"]
    assert "Ladok" in recording.what["sv"]


def test_issuing_the_credential_produces_every_mandatory_element():
    issuing = next(s for s in qa.admin_checklist() if s.id == "issuing")
    mandatory = {k for k, e in eu_elements().items() if e.mandatory}
    assert set(issuing.elements) == mandatory


def test_the_book_page_on_administration_describes_every_step():
    page = (REPO / "book" / "qa" / "administration.md").read_text(encoding="utf-8")
    for step in qa.admin_checklist():
        assert step.name["en"] in page, step.id


def test_data_files_are_plain_yaml_with_a_version():
    assert load_yaml("qa", "criteria.yaml")["version"] == qa.instrument().version == 1
    assert load_yaml("qa", "admin_checklist.yaml")["version"] == 1


def test_the_book_table_of_esg_standards_matches_the_instrument():
    """book/qa/esg.md lists, for each ESG standard, the criteria that serve it: the same as the data."""
    page = (REPO / "book" / "qa" / "esg.md").read_text(encoding="utf-8")
    inst = qa.instrument()
    for standard in ESG:
        row = re.search(rf"^\| {re.escape(standard)} .*\| ([0-9a-z, ]+) \|$", page, re.MULTILINE)
        assert row, standard
        expected = [c.code for c in inst.criteria if standard in c.esg]
        assert row.group(1).split(", ") == expected, standard


def test_free_text_reaches_a_chart_only_as_a_short_safe_label():
    """Issue 15: a 1 MB ``assessed_on`` became a chart legend (24 GB to draw); ``$`` in it would
    be read as a formula."""
    from microcred.charts import to_png

    huge = full(lambda i: 2, assessed_on="1" * 1_000_000)
    formula = full(lambda i: 3, assessed_on=r"$\frac{ 2025")
    comparison = qa.plot_comparison(qa.compare(huge, formula))
    radar = qa.plot_radar(formula, earlier=huge)
    labels = [t.get_text() for fig in (comparison, radar) for leg in fig.legends +
              [ax.get_legend() for ax in fig.axes if ax.get_legend()] for t in leg.get_texts()]
    assert labels and max(map(len, labels)) <= 41
    assert to_png(comparison) and to_png(radar)  # draws: the $ is plain text
