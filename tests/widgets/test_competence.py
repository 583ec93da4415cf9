"""The competence self-assessment widget, driven headless: rate, save, switch round, reload."""

from __future__ import annotations

from microcred import competence, course
from microcred.widgets import competence_self_assessment

IDS = [o.id for o in course.outcomes()]


def test_rating_and_saving_writes_the_file_beside_the_design(tmp_path):
    path = tmp_path / "my-mc.yaml"
    w = competence_self_assessment(str(path))
    assert len(w.ratings) == len(IDS) and all(b.value is None for b in w.ratings.values())
    w.rate(IDS[0], 1)
    w.rate(IDS[1], 0)
    w.save_button.click()
    assert f"2 of {len(IDS)} outcomes rated" in w.status.value
    saved = competence.load(tmp_path / "my-mc.competence.json")
    assert saved.before.ratings == {IDS[0]: 1, IDS[1]: 0} and saved.after is None


def test_the_second_round_keeps_the_first_and_shows_the_change(tmp_path):
    path = tmp_path / "my-mc.yaml"
    w = competence_self_assessment(str(path))
    w.rate(IDS[0], 1)
    w.save()
    w.phase.value = "after"
    assert w.ratings[IDS[0]].value is None  # the second round starts empty
    w.rate(IDS[0], 3)
    w.save()
    assert "Before 1, after 3" in w.change.value
    again = competence_self_assessment(str(path), phase="before")  # a new session
    assert "Loaded your earlier answers" in again.status.value
    assert again.ratings[IDS[0]].value == 1
    again.phase.value = "after"
    assert again.ratings[IDS[0]].value == 3


def test_changing_language_keeps_unsaved_answers(tmp_path):
    w = competence_self_assessment(str(tmp_path / "x.yaml"))
    w.rate(IDS[2], 4)
    w.lang.value = "fi"
    assert w.ratings[IDS[2]].value == 4
    assert w.save_button.description == "Tallenna"
    assert course.outcomes()[2].text("fi") in w.ratings[IDS[2]].description


def test_a_damaged_file_is_reported_not_overwritten(tmp_path):
    beside = tmp_path / "x.competence.json"
    beside.write_text("{broken", encoding="utf-8")
    w = competence_self_assessment(str(tmp_path / "x.yaml"))
    assert "broken JSON" in w.status.value
    w.rate(IDS[0], 2)
    w.save()
    assert "broken JSON" in w.status.value
    assert beside.read_text(encoding="utf-8") == "{broken"
