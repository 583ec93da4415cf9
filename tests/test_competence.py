"""The competence self-assessment: saved beside the design file, read back, and the trainer's
cohort report on a made-up cohort (change per outcome, privacy threshold, Bloom levels, QA)."""

from __future__ import annotations

import copy
import json
import random
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from microcred import competence, course, design, qa
from microcred.errors import UserError
from tests.helpers.paths import REPO

EXAMPLES = REPO / "microcred" / "examples"
IDS = [o.id for o in course.outcomes()]


def test_items_are_the_course_module_outcomes_in_three_languages():
    for lang in ("en", "fi", "sv"):
        items = competence.items(lang)
        assert [i[0] for i in items] == IDS
        assert items[0][2] == course.outcomes()[0].text(lang)


def test_both_rounds_are_saved_beside_the_design_file_and_read_back(tmp_path):
    path = design.new_design(tmp_path / "my-mc", language="fi")
    a = competence.rate(competence.Assessment(), "before", {IDS[0]: 1, IDS[1]: "2", IDS[2]: ""},
                        "2026-01-15")
    saved = competence.save_beside(path, a)
    assert saved == tmp_path / "my-mc.competence.json"
    a = competence.rate(competence.load_beside(path), "after", {IDS[0]: 3}, "2026-03-20")
    competence.save_beside(path, a)
    back = competence.load_beside(path)
    assert back.before.ratings == {IDS[0]: 1, IDS[1]: 2} and back.before.date == "2026-01-15"
    assert back.after.ratings == {IDS[0]: 3}
    first, second = competence.changes(back)[:2]
    assert (first.before, first.after, first.change) == (1, 3, 2)
    assert (second.before, second.after, second.change) == (2, None, None)
    assert design.load(path) == design.load(path)  # the design file itself is untouched
    assert competence.load_beside(tmp_path / "other.yaml") is None


@pytest.mark.parametrize("ratings, message", [
    ({"outcomes.parts": 5}, "use a whole number from 0 to 4"),
    ({"outcomes.parts": 2.5}, "use a whole number from 0 to 4"),
    ({"outcomes.parts": True}, "use a whole number from 0 to 4"),
    ({"made.up": 2}, "made.up is not an outcome of this course"),
])
def test_bad_ratings_are_refused_with_a_sentence(ratings, message):
    with pytest.raises(UserError, match=message):
        competence.rate(competence.Assessment(), "before", ratings)


def test_unknown_round_is_refused():
    with pytest.raises(UserError, match="use before or after"):
        competence.rate(competence.Assessment(), "during", {})


@pytest.mark.parametrize("text, message", [
    ("{not json", "broken JSON near line 1"),
    ('{"format": "something-else"}', "not a competence self-assessment"),
    ('{"format": "microcred-competence", "version": 99}', "newer version"),
    ('{"format": "microcred-competence", "before": {"ratings": {"outcomes.parts": 9}}}',
     "whole number from 0 to 4"),
])
def test_damaged_files_give_a_sentence_and_the_file_stays(tmp_path, text, message):
    p = tmp_path / "x.competence.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        competence.load(p)
    assert p.read_text(encoding="utf-8") == text


def test_a_failed_save_keeps_the_earlier_file(tmp_path, monkeypatch):
    from microcred import files

    path = tmp_path / "my.yaml"
    competence.save_beside(path, competence.rate(competence.Assessment(), "before", {IDS[0]: 1}))
    before = competence.path_beside(path).read_text(encoding="utf-8")

    def broken(fh, text):
        fh.write(text[:5])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_write", broken)
    with pytest.raises(UserError, match="No space left on device"):
        competence.save_beside(path, competence.rate(competence.Assessment(), "after", {IDS[0]: 4}))
    assert competence.path_beside(path).read_text(encoding="utf-8") == before


# --- a made-up cohort ----------------------------------------------------------------------------


def made_up_cohort(folder, size: int, seed: int = 7) -> list[tuple[dict, dict]]:
    """``size`` participants, each with a design file, a QA self-assessment and a competence
    file whose second round is random but never lower than the first; returns their ratings.
    The files are written once per test process for each size and seed (0.4 s a participant)
    and copied into ``folder`` (which must exist, as it had to when they were written there)."""
    if not Path(folder).is_dir():
        raise FileNotFoundError(folder)
    if (size, seed) not in _COHORTS:
        if not _COHORT_STORE:
            _COHORT_STORE.append(tempfile.TemporaryDirectory(prefix="microcred-cohorts-"))
        made = Path(_COHORT_STORE[0].name) / f"{size}-{seed}"
        made.mkdir()
        _COHORTS[size, seed] = (made, _write_cohort(made, size, seed))
    made, truth = _COHORTS[size, seed]
    for person in sorted(made.iterdir()):
        shutil.copytree(person, Path(folder) / person.name)
    return copy.deepcopy(truth)


_COHORTS: dict[tuple[int, int], tuple[Path, list[tuple[dict, dict]]]] = {}
_COHORT_STORE: list[tempfile.TemporaryDirectory] = []


def _write_cohort(folder: Path, size: int, seed: int) -> list[tuple[dict, dict]]:
    rng = random.Random(seed)
    truth = []
    for n in range(size):
        person = folder / f"p{n:02d}"
        person.mkdir()
        path = person / "my-microcredential.yaml"
        shutil.copy(EXAMPLES / "capstone-example.yaml", path)
        designed = [{"id": "LO1", "text": "Explain the safety rules of home care to a new colleague."},
                    {"id": "LO2", "text": "Calculate the dose of a common medicine from a prescription."}]
        if n % 2 == 0:
            designed.append({"id": "LO3", "text": "Design a safety plan for a client's home."})
        design.write_section(path, "outcomes", designed)
        scores = {c.id: rng.randint(0, 4) for c in qa.instrument().criteria}
        assessment = replace(qa.example(), assessor=f"Participant {n}", answers=scores)
        qa.save(assessment, person / "my-microcredential.qa.json")
        before = {i: rng.randint(0, 2) for i in IDS}
        after = {i: min(4, v + rng.randint(0, 2)) for i, v in before.items()}
        a = competence.rate(competence.Assessment(), "before", before, "2026-01-15")
        a = competence.rate(a, "after", after, "2026-03-20")
        competence.save_beside(person / "my-microcredential.yaml", a)
        truth.append((before, after))
    return truth


def test_cohort_report_shows_the_change_per_outcome(tmp_path):
    truth = made_up_cohort(tmp_path, 6)
    report = competence.load_cohort(tmp_path, threshold=5)
    assert (report.participants, report.paired, report.designs, report.qa_count) == (6, 6, 6, 6)
    assert not report.suppressed and report.skipped == ()
    for row in report.outcomes:
        befores = [b[row.outcome] for b, _ in truth]
        afters = [a[row.outcome] for _, a in truth]
        assert row.paired == 6
        assert row.mean_before == round(sum(befores) / 6, 2)
        assert row.mean_after == round(sum(afters) / 6, 2)
        assert row.mean_change == round((sum(afters) - sum(befores)) / 6, 2)
        assert row.higher == sum(a > b for b, a in zip(befores, afters, strict=True))
        assert row.lower == 0 and row.higher + row.same == 6
    # the Bloom levels of the outcomes the participants designed (explain, calculate, design)
    assert report.bloom == {"remember": 0, "understand": 6, "apply": 6, "analyse": 0,
                            "evaluate": 0, "create": 3}
    # the weakest principles: lowest means first, as the QA cohort view computes them
    saved = [qa.load(p) for p in sorted(tmp_path.glob("*/*.qa.json"))]
    means = qa.cohort_summary(saved).principle_means
    lowest = sorted(means.items(), key=lambda pair: pair[1])[:3]
    assert list(report.weakest) == lowest and lowest[0][1] <= lowest[2][1]

    html = competence.cohort_html(report, "en")
    first = report.outcomes[0]
    assert f'data-outcome="{first.outcome}"' in html
    assert f"{first.mean_before:.2f}" in html and f"{first.mean_change:+.2f}" in html
    assert "not measured achievement" in html and "data-suppressed" not in html
    for name in ("p00", "p01", "my-microcredential"):
        assert name not in html  # nothing names or points to a participant


def test_small_cohort_shows_only_counts(tmp_path):
    made_up_cohort(tmp_path, 3)
    report = competence.load_cohort(tmp_path, threshold=5)
    assert report.suppressed and report.paired == 3
    assert all(row.mean_before is None and row.higher is None for row in report.outcomes)
    assert report.bloom is None and report.weakest is None
    html = competence.cohort_html(report, "sv")
    assert html.count('data-suppressed="true"') == 3
    assert "Bara 3 deltagare svarade i båda omgångarna" in html


def test_an_outcome_rated_twice_by_too_few_is_hidden_on_its_own(tmp_path):
    """Seven pairs, but one outcome answered in both rounds by only four: that row is hidden."""
    cohort = []
    for n in range(7):
        before = {i: 1 for i in IDS}
        if n >= 4:
            del before[IDS[0]]
        a = competence.rate(competence.Assessment(), "before", before)
        cohort.append(competence.rate(a, "after", {i: 2 for i in IDS}))
    report = competence.cohort_report(cohort, threshold=5)
    assert not report.suppressed
    hidden = report.outcomes[0]
    assert hidden.paired == 4 and hidden.mean_change is None
    assert report.outcomes[1].mean_change == 1.0


def test_only_one_round_counts_as_no_change(tmp_path):
    a = [competence.rate(competence.Assessment(), "before", {IDS[0]: 2}) for _ in range(6)]
    report = competence.cohort_report(a, threshold=5)
    assert (report.with_before, report.with_after, report.paired) == (6, 0, 0)
    assert report.suppressed


def test_unusable_files_are_listed_and_left_out(tmp_path):
    made_up_cohort(tmp_path, 5)
    (tmp_path / "broken.competence.json").write_text("{", encoding="utf-8")
    report = competence.load_cohort(tmp_path, threshold=5)
    assert report.participants == 5 and len(report.skipped) == 1
    assert "broken.competence.json" in report.skipped[0][0]


def test_a_folder_without_self_assessments_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no competence self-assessments"):
        competence.load_cohort(tmp_path)
    with pytest.raises(UserError, match="no such folder"):
        competence.load_cohort(tmp_path / "missing")


def test_file_format_is_plain_json(tmp_path):
    p = competence.save(competence.rate(competence.Assessment(), "after", {IDS[3]: 4}, "2026-02-01"),
                        tmp_path / "a.competence.json")
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data == {"format": "microcred-competence", "version": 1,
                    "after": {"date": "2026-02-01", "ratings": {IDS[3]: 4}}}


def test_extra_files_of_one_participant_do_not_open_a_small_group(tmp_path):
    """Three participants, one of whom hands in four more copies: still three, so hidden."""
    made_up_cohort(tmp_path, 3)
    original = tmp_path / "p00" / "my-microcredential.competence.json"
    for n in range(4):
        shutil.copy(original, tmp_path / "p00" / f"copy{n}.competence.json")
        shutil.copy(tmp_path / "p00" / "my-microcredential.qa.json",
                    tmp_path / "p00" / f"copy{n}.qa.json")
    report = competence.load_cohort(tmp_path, threshold=5)
    assert (report.participants, report.paired, report.extra_files) == (3, 3, 4)
    assert report.suppressed and report.weakest is None and report.qa_count == 3
    assert "4 further file(s) of participants already counted" in competence.cohort_html(report)
