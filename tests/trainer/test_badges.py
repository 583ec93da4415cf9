"""Badges for those who complete the course: from a gradebook built with nbgrader's own API."""

from __future__ import annotations

import csv
import json

import pytest
from nbgrader.api import Gradebook

from microcred.cli import main
from microcred.errors import UserError
from microcred.trainer.badges import (
    BadgeRule,
    badge_id,
    badge_key,
    badge_rule,
    course_results,
    issue_badges,
)
from microcred.trainer.roster import default_db_url
from tests.helpers.gradebook import fill_gradebook
from tests.helpers.paths import REPO

# student: (first, last, email, {assignment: (auto, manual)}), None = not submitted,
# manual None = waits for the trainer
COHORT = {
    "aino": ("Aino", "Virtanen", "aino@example.org", {"outcomes": (5, 3), "capstone": (11, 10)}),
    "bo": ("Bo", "Berg", "", {"outcomes": (5, 2), "capstone": (10, 9)}),
    "cai": ("Cai", "Chen", "", {"outcomes": (1, 0), "capstone": (2, 1)}),
    "dora": ("Dora", "Dahl", "", {"outcomes": (5, 3), "capstone": (12, None)}),
    "eero": ("Eero", "", "", None),
}
MAX = {"outcomes": (5, 3), "capstone": (12, 12)}


@pytest.fixture
def course(tmp_path):
    """A course folder whose gradebook looks like nbgrader's after autograde and grading."""
    return fill_gradebook(tmp_path, MAX, COHORT)


KIT_DESIGN = REPO / "microcred" / "examples" / "coaching-course.yaml"
PLACEHOLDER = "Example University (replace with the organisation that runs the course)"


def own_design(folder, required="[outcomes, capstone]", pass_mark="0.75",
               issuer="Kaislaranta UAS", url="https://www.kaislaranta.fi/microcred"):
    """The kit's course design file with a real issuer and the badge rule of this cohort."""
    text = KIT_DESIGN.read_text(encoding="utf-8").replace(PLACEHOLDER, issuer).replace(
        "https://example.org/microcred-course\n", f"{url}\n", 1)
    text = text.replace("required: [needs, outcomes, credential, design, qa, capstone]",
                        f"required: {required}").replace("pass_mark: 0.5",
                                                         f"pass_mark: {pass_mark}")
    path = folder / "our-course.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def design_file(tmp_path):
    return own_design(tmp_path)


def rows(folder) -> list[dict]:
    """badges.csv as Excel in Finnish or Swedish settings reads it (BOM, `;`)."""
    raw = (folder / "badges.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def test_results_add_up_points_over_the_assignments(course):
    results = {r.student: r for r in course_results(default_db_url(course))}
    assert (results["aino"].score, results["aino"].max_score) == (29, 32)
    assert results["dora"].waiting == ("capstone",) and not results["dora"].passed
    assert results["eero"].score == 0 and results["aino"].email == "aino@example.org"
    assert results["eero"].missing == ("capstone", "outcomes")  # gradebook order
    only = {r.student: r for r in course_results(default_db_url(course),
                                                 BadgeRule(("capstone",)))}
    assert only["aino"].max_score == 24


def test_every_required_assignment_must_be_passed_not_only_the_total(course):
    # Cai: outcomes 1/8 but capstone 23/24 -> 24/32 = 75 % in total, yet outcomes is failed.
    with Gradebook(default_db_url(course), "microcred-coaching") as gb:
        gb.find_grade("auto", "capstone", "capstone", "cai").auto_score = 12
        gb.find_grade("manual", "capstone", "capstone", "cai").manual_score = 11
        gb.db.commit()
    results = {r.student: r for r in course_results(default_db_url(course),
                                                    BadgeRule(("outcomes", "capstone"), 0.5))}
    assert results["cai"].share == 0.75 and results["cai"].below == ("outcomes",)
    assert not results["cai"].passed and results["aino"].passed


def test_one_assignment_of_six_does_not_pass_the_course(course, tmp_path):
    # The other assignments are in the gradebook but not generated yet (no points).
    with Gradebook(default_db_url(course), "microcred-coaching") as gb:
        for name in ("needs", "credential", "design", "qa"):
            gb.add_assignment(name)
    design = own_design(tmp_path, required="[needs, outcomes, credential, design, qa, capstone]")
    with pytest.raises(UserError, match="needs, credential, design, qa: no points"):
        issue_badges(default_db_url(course), tmp_path / "b", design_file=design)
    assert not (tmp_path / "b").exists()


def test_the_rule_is_read_from_the_design_file_and_the_command_line_wins():
    doc = {"badge": {"required": ["outcomes", "capstone"], "pass_mark": 0.6}}
    assert badge_rule(doc) == BadgeRule(("outcomes", "capstone"), 0.6)
    assert badge_rule(doc, 0.8, ["qa"]) == BadgeRule(("qa",), 0.8)
    assert badge_rule({}) == BadgeRule((), 0.5)
    with pytest.raises(UserError, match="between 0 and 1"):
        badge_rule({"badge": {"pass_mark": 50}})
    with pytest.raises(UserError, match="not a number"):
        badge_rule({"badge": {"pass_mark": "half"}})


@pytest.mark.parametrize("issuer, url", [(PLACEHOLDER, "https://www.kaislaranta.fi"),
                                         ("Kaislaranta UAS", "https://example.org/x")])
def test_a_placeholder_issuer_stops_the_badges_with_a_clear_message(course, tmp_path, issuer,
                                                                    url):
    design = own_design(tmp_path, issuer=issuer, url=url)
    with pytest.raises(UserError, match="placeholder.*No badges issued.*--design"):
        issue_badges(default_db_url(course), tmp_path / "b", design_file=design)
    assert not (tmp_path / "b").exists()


def test_a_missing_issuer_stops_the_badges(course, tmp_path):
    design = own_design(tmp_path)
    text = design.read_text(encoding="utf-8")
    start = text.index("  awarding_body:")
    end = text.index("  country:")
    design.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(UserError, match="names no awarding body"):
        issue_badges(default_db_url(course), tmp_path / "b", design_file=design)


def test_only_those_who_passed_get_a_badge_valid_against_the_official_schema(course,
                                                                           ob3_validator):
    out = course / "badges"
    run = issue_badges(default_db_url(course), out, issued="2026-06-01",
                       design_file=own_design(course))
    assert sorted(p.name for p in out.iterdir()) == [
        ".badge-key", "aino.json", "badges.csv", "bo.json"]  # the key makes the ids
    assert [r.student for r in run.waiting] == ["dora"]
    assert [r.student for r in run.not_passed] == ["cai", "eero"]
    for name in ("aino", "bo"):
        doc = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                  for e in ob3_validator.iter_errors(doc)]
        assert errors == []
        achievement = doc["credentialSubject"]["achievement"]
        assert achievement["name"] == "Designing micro-credentials with working life"
        assert achievement["creditsAvailable"] == 3
        assert "Type of assessment" in achievement["description"]  # the EU elements
        assert doc["validFrom"] == "2026-06-01T00:00:00Z"
    aino = json.loads((out / "aino.json").read_text(encoding="utf-8"))
    assert aino["credentialSubject"]["identifier"][0]["identityHash"] == "aino@example.org"
    assert [(r["id"], r["name"], r["issued"], r["file"]) for r in rows(out)] == [
        ("aino", "Aino Virtanen", "2026-06-01", "aino.json"),
        ("bo", "Bo Berg", "2026-06-01", "bo.json")]


def test_running_again_duplicates_nothing_and_keeps_the_dates(course, design_file):
    out = course / "badges"
    db = default_db_url(course)
    issue_badges(db, out, issued="2026-06-01", design_file=design_file)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    run = issue_badges(db, out, issued="2026-09-01", design_file=design_file)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert run.new == [] and len(rows(out)) == 2
    # Dora's manual grade arrives: she gets hers, dated this run; the others stay as they were.
    with Gradebook(db, "microcred-coaching") as gb:
        gb.find_grade("manual", "capstone", "capstone", "dora").manual_score = 10
        gb.find_grade("manual", "capstone", "capstone", "dora").needs_manual_grade = False
        gb.db.commit()
    run = issue_badges(db, out, issued="2026-09-01", design_file=design_file)
    assert run.new == ["dora"]
    assert [(r["id"], r["issued"]) for r in rows(out)] == [
        ("aino", "2026-06-01"), ("bo", "2026-06-01"), ("dora", "2026-09-01")]
    ids = [json.loads((out / f"{s}.json").read_text())["id"] for s in ("aino", "bo", "dora")]
    assert len(set(ids)) == 3 and ids[0] == badge_id(
        json.loads((out / "aino.json").read_text())["credentialSubject"]["achievement"]["id"],
        "aino", badge_key(out))


def test_a_badge_id_cannot_be_recomputed_from_the_participant(course, design_file):
    """Issue 15: the id was uuid5(course|participant) with no secret, so anyone could test a
    guessed id or e-mail address against it. It is keyed with the badge folder's secret now."""
    import uuid

    db = default_db_url(course)
    issue_badges(db, course / "a", issued="2026-06-01", design_file=design_file,
                 hash_learner=True)
    issue_badges(db, course / "b", issued="2026-06-01", design_file=design_file,
                 hash_learner=True)
    doc = json.loads((course / "a" / "aino.json").read_text())
    achievement = doc["credentialSubject"]["achievement"]["id"]
    guesses = {f"urn:uuid:{uuid.uuid5(uuid.UUID('0b7c9a52-2f4e-4c1b-9a4e-7d7f3c1e5a10'), g)}"
               for who in ("aino", "aino@example.org") for g in (f"{achievement}|{who}",)}
    assert doc["id"] not in guesses
    assert doc["id"] != json.loads((course / "b" / "aino.json").read_text())["id"]
    assert "aino" not in json.dumps(doc["credentialSubject"])


def test_no_pass_no_badge_and_an_earlier_badge_is_reported_not_removed(course, design_file):
    out = course / "badges"
    db = default_db_url(course)
    issue_badges(db, out, design_file=design_file)
    run = issue_badges(db, out, 1.0, design_file=design_file)
    assert run.issued == [] and rows(out) == []
    assert sorted(p.name for p in run.stale) == ["aino.json", "bo.json"]


def test_hashed_learners_are_the_same_on_every_run(course, ob3_validator, design_file):
    out = course / "badges"
    issue_badges(default_db_url(course), out, hash_learner=True, design_file=design_file)
    first = (out / "aino.json").read_text(encoding="utf-8")
    issue_badges(default_db_url(course), out, hash_learner=True, design_file=design_file)
    assert (out / "aino.json").read_text(encoding="utf-8") == first
    doc = json.loads(first)
    assert doc["credentialSubject"]["identifier"][0]["hashed"] is True
    assert "aino@" not in first
    assert list(ob3_validator.iter_errors(doc)) == []


def test_the_command_line_step(course, capsys, tmp_path, design_file):
    out = tmp_path / "out"
    assert main(["grading", "--lang", "en", "badges", "--course", str(course), "-o", str(out)]) == 2
    assert "placeholder" in capsys.readouterr().err  # the kit's own file names no real issuer
    code = main(["grading", "--lang", "en", "badges", "--course", str(course), "--design", str(design_file),
                 "-o", str(out), "--issued", "2026-06-01"])
    printed = capsys.readouterr()
    assert code == 0 and "2 badge(s)" in printed.out and "dora (capstone)" in printed.out
    assert "cai (below the pass mark: capstone, outcomes)" in printed.out
    assert "eero (not handed in: capstone, outcomes)" in printed.out
    assert main(["grading", "--lang", "en", "badges", "--pass-mark", "75", "--course", str(course),
                 "-o", str(out)]) == 2
    assert "between 0 and 1" in capsys.readouterr().err
    assert main(["grading", "--lang", "en", "badges", "--pass-mark", "0.5", "--course", str(tmp_path / "no"),
                 "-o", str(out)]) == 2
    assert main(["grading", "--lang", "en", "badges", "--pass-mark", "0.5", "--course", str(course),
                 "-o", str(out), "--assignment", "nope", "--design", str(design_file)]) == 2
    assert "no assignment nope" in capsys.readouterr().err


def test_a_course_design_file_of_ones_own_names_the_issuer(course, tmp_path, design_file):
    issue_badges(default_db_url(course), tmp_path / "b", design_file=design_file)
    doc = json.loads((tmp_path / "b" / "aino.json").read_text(encoding="utf-8"))
    assert doc["issuer"]["name"] == "Kaislaranta UAS"
    assert doc["issuer"]["id"] == "https://www.kaislaranta.fi/microcred"
