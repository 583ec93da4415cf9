"""The second labeller's sample is frozen and well-formed (issue 13, item 7: agreement between labellers).

tests/data/outcomes_relabel_sample.yaml holds independent, blind labels for 200 outcomes drawn at
random from the two fresh batches. It is measurement data for bench/bench_labellers.py, never tuning
data: its sha256 is recorded here, so any edit (for instance "correcting" a label towards the first
labeller) fails loudly. See tests/data/outcomes_real_README.md, section "Two labellers".
"""

from __future__ import annotations

import hashlib

import yaml

from tests.helpers.paths import REPO

SAMPLE = REPO / "tests" / "data" / "outcomes_relabel_sample.yaml"
SAMPLE_SHA256 = "6c6809958234dfdd9ba495a35d18f90973f9d99294ec3ab7bd75dfdd377bf86d"
SAMPLE_SIZE = 200

LEVELS = {"remember", "understand", "apply", "analyse", "evaluate", "create", "unknown", None}
CODES = {"no-action-verb", "vague-verb", "multiple-verbs", "teacher-centred", "too-long",
         "mixed-language"}
FORMS = {"kunskap och förståelse", "färdighet och förmåga",
         "värderingsförmåga och förhållningssätt", None}


def sample() -> list[dict]:
    return yaml.safe_load(SAMPLE.read_text("utf-8"))


def test_second_labels_are_frozen():
    digest = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert digest == SAMPLE_SHA256, (
        "tests/data/outcomes_relabel_sample.yaml changed. The second labeller's blind labels are "
        "frozen measurement data: never edit or tune on them (see outcomes_real_README.md).")


def test_second_labels_are_valid():
    items = sample()
    keys = [item["key"] for item in items]
    assert len(items) == SAMPLE_SIZE and len(set(keys)) == SAMPLE_SIZE
    for item in items:
        key = item["key"]
        assert key[0] in "fg" and key[1:5].isdigit(), key
        assert item["language"] in {"en", "fi", "sv"}, key
        assert item["text"].strip(), key
        assert item["bloom"] in LEVELS, key
        assert isinstance(item["good"], bool), key
        assert set(item["problems"]) <= CODES and len(set(item["problems"])) == len(item["problems"]), key
        assert item["form"] in FORMS, key
        if item["language"] == "fi":
            assert item["form"] is None, key


def test_every_sampled_outcome_is_in_the_fresh_batches():
    """Each key names an outcome of the fresh batches, with the text the second labeller was given,
    so bench/bench_labellers.py compares the same outcome; the first labeller's labels there are
    valid values (they may be corrected later: the bench reads the current ones)."""
    fresh = {}
    for name in ("outcomes_real_fresh.yaml", "outcomes_real_fresh2.yaml"):
        for item in yaml.safe_load((REPO / "tests" / "data" / name).read_text("utf-8")):
            for i, entry in enumerate(item.get("items") or [item], start=1):
                fresh[f"{item['id']}#{i}" if "items" in item else item["id"]] = (item, entry)
    for second in sample():
        assert second["key"] in fresh, f"{second['key']} is not an outcome of the fresh batches"
        item, entry = fresh[second["key"]]
        assert item["language"] == second["language"], second["key"]
        assert " ".join(entry["text"].split()) == " ".join(second["text"].split()), second["key"]
        assert entry.get("bloom") in LEVELS and entry.get("form") in FORMS, second["key"]
        assert isinstance(entry.get("good"), bool), second["key"]
        assert set(entry.get("problems") or []) <= CODES | {"markup", "empty"}, second["key"]
