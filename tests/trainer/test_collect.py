"""The collector finds the participant in Moodle's and Canvas's export names.

The real ``nbgrader zip_collect`` run, with a zip made in the test, is in
``tests/test_grading_cycle.py``.
"""

from __future__ import annotations

import unicodedata

import pytest
from traitlets.config.loader import PyFileConfigLoader

from microcred.trainer.collect import (
    LmsCollector,
    match_roster,
    parse_export_path,
    released_name,
)
from tests.helpers.paths import REPO

EXTRACTED = "/course/downloaded/outcomes/extracted/export"


@pytest.mark.parametrize("path, platform, participant, name, file, late", [
    (f"{EXTRACTED}/Aino Virtanen_1234567_assignsubmission_file_/outcomes.ipynb",
     "moodle", "1234567", "Aino Virtanen", "outcomes.ipynb", False),
    (f"{EXTRACTED}/Aino Virtanen_1234567_assignsubmission_file_outcomes.ipynb",
     "moodle", "1234567", "Aino Virtanen", "outcomes.ipynb", False),
    (f"{EXTRACTED}/Aino Virtanen_1234567__assignsubmission_file_/outcomes (1).ipynb",
     "moodle", "1234567", "Aino Virtanen", "outcomes (1).ipynb", False),
    (f"{EXTRACTED}/virtanenaino_12345_6789012_outcomes.ipynb",
     "canvas", "12345", "virtanenaino", "outcomes.ipynb", False),
    (f"{EXTRACTED}/virtanenaino_LATE_12345_6789012_outcomes-1.ipynb",
     "canvas", "12345", "virtanenaino", "outcomes-1.ipynb", True),
    (f"{EXTRACTED}/virtanenaino_late_12345_6789012_my_outcomes.ipynb",
     "canvas", "12345", "virtanenaino", "my_outcomes.ipynb", True),
])
def test_moodle_and_canvas_names_are_read(path, platform, participant, name, file, late):
    info = parse_export_path(path)
    assert (info.platform, info.participant, info.name, info.file, info.late) == (
        platform, participant, name, file, late)


@pytest.mark.parametrize("path", [
    f"{EXTRACTED}/outcomes.ipynb",
    f"{EXTRACTED}/aino/outcomes.ipynb",
    f"{EXTRACTED}/Aino Virtanen_assignsubmission_file_/outcomes.ipynb",
])
def test_other_names_are_not_guessed(path):
    assert parse_export_path(path) is None


@pytest.mark.parametrize("file, expect", [
    ("outcomes.ipynb", "outcomes.ipynb"),
    ("outcomes (1).ipynb", "outcomes.ipynb"),
    ("outcomes(2).ipynb", "outcomes.ipynb"),
    ("outcomes-1.ipynb", "outcomes.ipynb"),
    ("outcomes-Copy1.ipynb", "outcomes.ipynb"),
    ("my outcomes.ipynb", "my outcomes.ipynb"),  # not a copy suffix: left for the trainer
])
def test_browser_copy_suffixes_are_dropped_when_that_gives_the_released_name(file, expect):
    assert released_name(file, {"outcomes.ipynb"}) == expect


def test_copy_suffixes_stay_when_the_released_names_are_unknown():
    assert released_name("outcomes (1).ipynb", set()) == "outcomes (1).ipynb"


ROSTER = [("p1", "Aino", "Virtanen"), ("p2", "Johan", "Nyström"), ("p3", "Anna", "Berg"),
          ("p4", "Anna", "Berg"), ("p5", None, "Mononym")]


@pytest.mark.parametrize("name, expect", [
    ("Aino Virtanen", "p1"),
    ("aino  VIRTANEN", "p1"),
    ("Virtanen Aino", "p1"),
    (unicodedata.normalize("NFD", "Johan Nyström"), "p2"),  # zips made on macOS
    ("Anna Berg", None),  # two participants of that name: no guess
    ("Mononym", "p5"),
    ("Someone Else", None),
])
def test_moodle_names_are_matched_to_the_roster_only_when_unambiguous(name, expect):
    assert match_roster(name, ROSTER) == expect


def test_collector_gives_nbgrader_the_participant_and_the_notebook():
    collector = LmsCollector()
    assert collector.collect(f"{EXTRACTED}/virtanenaino_LATE_12345_6789012_outcomes.ipynb") == {
        "student_id": "12345", "file_id": "outcomes.ipynb"}
    # no gradebook to read the roster from: Moodle's participant number is the fallback
    assert collector.collect(
        f"{EXTRACTED}/Aino Virtanen_1234567_assignsubmission_file_/outcomes.ipynb"
    )["student_id"] == "1234567"
    assert collector.collect(f"{EXTRACTED}/virtanenaino_12345_6789012_notes.txt") is None
    assert collector.collect(f"{EXTRACTED}/unknown.ipynb") is None


def test_a_configured_regexp_wins_over_the_platform_namings():
    collector = LmsCollector(named_regexp=r".*/(?P<student_id>[a-z]+)_(?P<file_id>\w+)\.ipynb")
    assert collector.collect(f"{EXTRACTED}/aino_outcomes.ipynb") == {
        "student_id": "aino", "file_id": "outcomes"}


def test_the_course_config_uses_the_collector():
    config = PyFileConfigLoader("nbgrader_config.py", str(REPO / "assignments")).load_config()
    assert config.ZipCollectApp.collector_plugin == "microcred.trainer.collect.LmsCollector"
    assert config.CourseDirectory.course_id == "microcred-coaching"
