"""What the combined check catches: a section a user's data breaks is reported as unreadable;
a bug in the kit (TypeError, KeyError, AttributeError, ImportError) is raised, not hidden."""

from __future__ import annotations

import copy
import importlib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from microcred import design
from tests.helpers.paths import REPO

CAPSTONE = REPO / "microcred" / "examples" / "capstone-example.yaml"
BASE = design.load(CAPSTONE)
SECTIONS = ("needs", "outcomes", "credential", "workload", "alignment", "pathway")


def _paths(node, prefix=()):
    """Every place in a section where a user could type something else."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


PLACES = [p for section in SECTIONS for p in _paths(BASE[section], (section,))]
# What YAML can hold: scalars (numbers as text too), lists and mappings of them.
SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
           | st.floats(allow_nan=True, allow_infinity=True)
           | st.sampled_from(["", "x", "1,5", "18 000 EUR", "O1", "P1", "ects", "2026-13-45"])
           | st.text(max_size=20))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["id", "text", "hours", "kind", "credits",
                                                         "title", "serves", "outcomes", "x"]),
                                        inner, max_size=3), max_leaves=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), value=VALUES)
@example(place=("pathway", "credentials", 1), value={"outcomes": True})  # was a TypeError
def test_whatever_a_user_writes_is_reported_never_raised(place, value):
    doc = copy.deepcopy(BASE)
    node = doc
    for key in place[:-1]:
        node = node[key]
    node[place[-1]] = value
    report = design.check(doc)  # raises on a kit bug: this test then fails
    assert [p.name for p in report.parts] == list(design.PARTS)
    for part in report.parts:
        if part.status == "cannot be read":
            assert part.score == 0 and part.findings[0].code == "section-unreadable"


def test_a_section_of_the_wrong_shape_is_unreadable_with_a_sentence():
    doc = copy.deepcopy(BASE)
    doc["workload"] = ["not", "a", "workload"]
    part = design.check(doc, lang="en").part("workload")
    assert part.status == "cannot be read"
    message = part.findings[0].message
    assert message.startswith('The section "') and "cannot be read: " in message
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("error", [TypeError, KeyError, AttributeError])
def test_a_bug_in_a_tool_is_raised(monkeypatch, error):
    workload = importlib.import_module("microcred.workload")

    def buggy(*args, **kwargs):
        raise error("a bug in the kit")

    monkeypatch.setattr(workload, "check_workload", buggy)
    with pytest.raises(error):
        design.check(copy.deepcopy(BASE))


def test_a_module_that_does_not_import_is_raised_not_skipped(monkeypatch):
    real = importlib.import_module

    def without_pathways(name, *args):
        if name == "microcred.pathways":
            raise ModuleNotFoundError(name="microcred.pathways")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", without_pathways)
    with pytest.raises(ImportError):
        design.check(copy.deepcopy(BASE))
