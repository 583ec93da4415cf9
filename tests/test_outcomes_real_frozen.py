"""The real-outcome evaluation set is well-formed, split by its stated rule, and its held-out half frozen.

tests/data/outcomes_real_*.yaml hold statements quoted from public course catalogues, labelled by
hand (issue 13, item 7). The held-out half is never used for tuning: its sha256 is recorded here,
so any later edit of it fails this test loudly. The fresh batch (outcomes_real_fresh.yaml, collected
later from other pages) and the second fresh batch (outcomes_real_fresh2.yaml) are tuning data, not
frozen; each must be new to all the other sets. See tests/data/outcomes_real_README.md.
"""

from __future__ import annotations

import hashlib
import random
import re
from functools import cache

import pytest

from microcred.reading import safe_load
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data"
TUNING = DATA / "outcomes_real_tuning.yaml"
HELDOUT = DATA / "outcomes_real_heldout.yaml"
FRESH = DATA / "outcomes_real_fresh.yaml"
FRESH2 = DATA / "outcomes_real_fresh2.yaml"
HELDOUT_SHA256 = "54cb7dcfff2d6214bbde8e8b56388117efa6a71d8f60e63fee67cddd3fb8143a"
SEED = 20261204  # the split rule's seed, as written in the files' header

LANGUAGES = {"en", "fi", "sv"}
LEVELS = {"remember", "understand", "apply", "analyse", "evaluate", "create", "unknown", None}
CODES = {"empty", "no-action-verb", "vague-verb", "multiple-verbs", "teacher-centred", "too-long",
         "mixed-language", "markup"}
ERRORS = {"empty", "no-action-verb", "vague-verb", "teacher-centred"}
FORMS = {"kunskap och förståelse", "färdighet och förmåga",
         "värderingsförmåga och förhållningssätt", None}


@cache
def load(path) -> list[dict]:
    """A data file's items, parsed once per process (the second fresh batch is 0.7 MB; read
    only, never changed by a test)."""
    return safe_load(path.read_text("utf-8"))


def leaves(item: dict) -> list[dict]:
    """The labelled statements of an item: its list entries, or the item itself."""
    return item["items"] if "items" in item else [item]


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict]]:
    return {"tuning": load(TUNING), "heldout": load(HELDOUT)}


def test_heldout_half_is_frozen():
    digest = hashlib.sha256(HELDOUT.read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256, (
        "tests/data/outcomes_real_heldout.yaml changed. The held-out half is frozen: never edit "
        "or tune on it (see tests/data/outcomes_real_README.md).")


def check_sourced_and_labelled(item: dict, where: str) -> None:
    """One item names its source and carries labels of the documented kinds."""
    assert item["text"].strip() and item["institution"].strip(), where
    assert item["url"].startswith(("http://", "https://")), where
    assert item["language"] in LANGUAGES, where
    for leaf in leaves(item):
        assert leaf["text"].strip(), where
        assert leaf["bloom"] in LEVELS, where
        assert isinstance(leaf["good"], bool), where
        assert set(leaf["problems"]) <= CODES, where
        assert not (leaf["good"] and ERRORS & set(leaf["problems"])), where
        assert ("too-long" in leaf["problems"]) == (len(leaf["text"].split()) > 40), where
        if item["language"] == "sv":
            assert "form" in leaf, where
        assert leaf.get("form") in FORMS, where


def texts(item: dict) -> list[str]:
    """The normalised texts of an item: the statement and its list entries."""
    return [normal(item["text"])] + ([normal(leaf["text"]) for leaf in item["items"]]
                                     if "items" in item else [])


def test_every_item_is_sourced_and_labelled(halves):
    for name, items in halves.items():
        for item in items:
            where = f"{name} {item.get('id')}"
            assert re.fullmatch(r"r\d{4}", item["id"]), where
            check_sourced_and_labelled(item, where)


def test_set_is_large_and_varied(halves):
    items = halves["tuning"] + halves["heldout"]
    assert len(items) >= 300
    assert len({item["institution"] for item in items}) >= 15
    for language in LANGUAGES:
        assert sum(item["language"] == language for item in items) >= 0.2 * len(items), language
    statements = [leaf for item in items for leaf in leaves(item)]
    assert 0.2 < sum(leaf["good"] for leaf in statements) / len(statements) < 0.8


def test_halves_are_disjoint_and_follow_the_split_rule(halves):
    side = {item["id"]: name for name, items in halves.items() for item in items}
    assert len(side) == sum(len(items) for items in halves.values()), "an id is in both halves"
    texts = [normal(item["text"]) for items in halves.values() for item in items]
    assert len(set(texts)) == len(texts), "a statement is in both halves (or twice)"
    ids = sorted(side)
    assert ids == [f"r{i:04d}" for i in range(1, len(ids) + 1)], "ids are not consecutive"
    rng = random.Random(SEED)
    for first, second in zip(ids[0::2], ids[1::2], strict=False):
        want = "tuning" if rng.random() < 0.5 else "heldout"
        assert side[first] == want and side[second] != want, (first, second)
    if len(ids) % 2:
        assert side[ids[-1]] == "tuning"


def test_no_statement_comes_from_the_older_set(halves):
    older = {normal(item["text"]) for item in load(DATA / "outcomes_eval.yaml")}
    for items in halves.values():
        for item in items:
            for text in [item["text"]] + [leaf["text"] for leaf in leaves(item)]:
                assert normal(text) not in older, item["id"]


@pytest.mark.parametrize(("path", "prefix"), [(FRESH, "f"), (FRESH2, "g")])
def test_fresh_batch_is_sourced_and_labelled(path, prefix):
    fresh = load(path)
    assert [item["id"] for item in fresh] == [f"{prefix}{i:04d}" for i in range(1, len(fresh) + 1)]
    for item in fresh:
        check_sourced_and_labelled(item, f"{path.name} {item['id']}")
        if "items" in item:  # each labelled entry is a part of the printed list
            for leaf in item["items"]:
                assert normal(leaf["text"]) in normal(item["text"]), item["id"]


@pytest.mark.parametrize(("path", "earlier"), [(FRESH, []), (FRESH2, [FRESH])])
def test_fresh_batch_is_new_to_every_other_set(halves, path, earlier):
    """No statement or list entry of a fresh batch is in the older set, either half (the held-out
    half is only compared by text, never read for tuning) or an earlier fresh batch, nor twice in
    the batch."""
    others = {normal(item["text"]) for item in load(DATA / "outcomes_eval.yaml")}
    for items in [*halves.values(), *(load(p) for p in earlier)]:
        for item in items:
            others.update(texts(item))
    seen: set[str] = set()
    for item in load(path):
        for text in texts(item):
            assert text not in others, item["id"]
        assert normal(item["text"]) not in seen, item["id"]
        seen.add(normal(item["text"]))
