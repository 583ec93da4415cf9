"""Matching needs with outcomes: lemmas, thesaurus, cross-language, sparse scores, odd input."""

from __future__ import annotations

import random

import pytest
from matplotlib.figure import Figure

from microcred.errors import UserError
from microcred.matching import (
    apply_to_canvas,
    concept_label,
    format_match,
    match,
    parse_items,
    plot_heatmap,
    terms,
)
from microcred.needs import sample_canvas
from microcred.resources import load_yaml


def test_empty_lists_give_an_empty_result_and_error_findings():
    """No needs or no outcomes: nothing to score, and the findings say why."""
    result = match([], [])
    assert result.needs == [] and result.outcomes == [] and result.coverage == 0
    assert result.matrix() == []
    assert [f.code for f in result.findings()] == ["no-needs", "no-outcomes"]
    only_needs = match(["Data protection"], [])
    assert only_needs.matrix() == [[]]
    assert only_needs.uncovered_needs[0].text == "Data protection"
    assert [f.code for f in only_needs.findings()] == ["no-outcomes"]


def test_blank_entries_are_skipped_and_counted():
    """Empty strings, None and punctuation only are left out, not matched."""
    result = match(["", None, "  ", "...", "Data protection"], ["Apply data protection rules."])
    assert len(result.needs) == 1 and result.skipped == 4
    assert "skipped" in [f.code for f in result.findings()]


def test_same_language_match_through_lemmas():
    """Inflected forms meet in their dictionary form."""
    result = match(["Analysing customer needs"], ["The participant can analyse the needs of customers."])
    assert result.score(0, 0) == 1.0
    assert result.status(0) == "covered"


@pytest.mark.parametrize(
    ("need", "outcome"),
    [
        ("Data protection in client records", "Osallistuja osaa soveltaa tietosuojaa asiakastietojen kirjaamisessa."),
        ("Tietosuoja asiakastietojen kirjaamisessa", "Deltagaren kan tillämpa dataskydd vid dokumentation av klientuppgifter."),
        ("Dataskydd vid dokumentation av klientuppgifter", "The participant can apply data protection rules when recording client information."),
    ],
)
def test_one_language_against_another(need, outcome):
    """en-fi, fi-sv and sv-en pairs on the same subject match through shared concepts."""
    result = match([need], [outcome])
    assert result.score(0, 0) >= 0.5, (terms(need, result.needs[0].language),
                                        result.outcomes[0].terms)


def test_unrelated_texts_do_not_match_across_languages():
    """A cross-language match needs shared concepts, not chance."""
    result = match(["Infektioiden torjunta"], ["The participant can plan a marketing event."])
    assert result.score(0, 0) == 0
    assert result.unrequested_outcomes[0].text.startswith("The participant can plan")


def test_compounds_are_split_into_known_parts():
    """asiakas|tarve and läkemedel|s|hantering give the concepts of their parts."""
    assert set(terms("asiakastarpeiden kartoitus", "fi")) >= {"@customer", "@need"}
    assert set(terms("läkemedelshantering", "sv")) == {"@medication", "@management"}
    assert concept_label("@customer", "fi") == "asiakas"
    assert concept_label("word", "sv") == "word"


def test_duplicates_are_merged_and_counted():
    """The same need twice is one row with count 2, and a finding says so."""
    result = match(["Data protection", "data protection.", "Mentoring"], ["Apply data protection."])
    assert [n.count for n in result.needs] == [2, 1]
    assert result.duplicates == 1
    assert "duplicates" in [f.code for f in result.findings()]


def test_scores_lie_between_zero_and_one_and_show_shared_words():
    """A clear score: the weighted share of the need's terms found in the outcome."""
    needs = load_yaml("needs", "sample_needs.yaml")
    outcomes = load_yaml("needs", "sample_outcomes.yaml")
    result = match(needs, outcomes)
    values = [v for row in result.matrix() for v in row]
    assert all(0 <= v <= 1 for v in values)
    rows = {r["need"]: r for r in result.rows()}
    assert rows["N2"]["best"] == "MED2" and rows["N2"]["score"] == 1.0
    assert "medication" in rows["N2"]["shared"]
    assert {o.group for o in result.outcomes} == set(outcomes)
    assert result.outcomes[0].id == "MED1"  # given ids are kept
    assert 0 < result.coverage < 1
    assert "VT3" in [o.id for o in result.unrequested_outcomes]


def test_threshold_decides_covered_partly_and_uncovered():
    """The same score is covered under a low threshold, partly or not under higher ones."""
    need, outcome = ["Budgeting for a home care team"], ["Osallistuja osaa toteuttaa lääkehoitoa kotihoidossa."]
    score = match(need, outcome).score(0, 0)
    assert 0 < score < 1
    assert match(need, outcome, threshold=score).status(0) == "covered"
    assert match(need, outcome, threshold=min(1.0, score * 1.5)).status(0) == "partly"
    assert match(need, outcome, threshold=1.0).status(0) in ("partly", "uncovered")
    with pytest.raises(ValueError):
        match(need, outcome, threshold=0)
    with pytest.raises(ValueError):
        match(need, outcome, language="de")


def test_inverted_index_gives_the_same_scores_as_checking_every_pair():
    """The sparse computation equals a brute-force one on a random sample."""
    rng = random.Random(7)
    words = ["data", "protection", "customer", "care", "medication", "safety", "team",
             "lead", "plan", "risk", "report", "budget", "mentor", "digital", "ethics"]
    needs = [" ".join(rng.sample(words, rng.randint(1, 4))) for _ in range(60)]
    outcomes = [" ".join(rng.sample(words, rng.randint(2, 5))) for _ in range(15)]
    result = match(needs, outcomes, language="en")
    w = result.weights
    for i, n in enumerate(result.needs):
        for j, o in enumerate(result.outcomes):
            shared = set(n.terms) & set(o.terms)
            total = sum(w[t] for t in n.terms)
            expected = sum(w[t] for t in shared) / total if total else 0.0
            assert result.score(i, j) == pytest.approx(expected)


def test_long_lists_keep_only_non_zero_scores():
    """Thousands of needs: the result stays sparse and every need gets a row."""
    needs = [f"Need {i} about data protection" if i % 3 else f"Need {i} about ethics"
             for i in range(3000)]
    result = match(needs, ["Apply data protection.", "Plan a marketing event."], language="en")
    assert len(result.needs) == 3000
    assert sum(len(row) for row in result.scores) <= 2 * 3000
    assert len(result.rows()) == 3000


def test_parse_items_reads_text_csv_and_yaml(tmp_path):
    """One a line, CSV with a known column, YAML lists, design files and credential maps."""
    assert parse_items("a\n\nb\n", "x.txt") == ["a", "b"]
    csv_text = "id;preferredLabel;uri\nS1;manage budgets;http://x\nS2;lead a team;http://y\n"
    assert parse_items(csv_text, "esco.csv") == [
        {"id": "S1", "text": "manage budgets"}, {"id": "S2", "text": "lead a team"}]
    assert parse_items("first\nsecond\n", "plain.csv") == [
        {"id": "", "text": "first"}, {"id": "", "text": "second"}]
    assert parse_items("outcomes:\n  - {id: O1, text: t}\n", "d.yaml") == [{"id": "O1", "text": "t"}]
    assert parse_items("A: [x, y]\nB: [z]\n", "o.yaml") == {"A": ["x", "y"], "B": ["z"]}
    canvas_items = parse_items(load_yaml_text("sample_canvas.yaml"), "c.yaml")
    assert [i["id"] for i in canvas_items] == ["N1", "N2", "N3", "N4", "N5"]
    with pytest.raises(UserError):
        parse_items("a: 1\n", "bad.yaml")
    with pytest.raises(UserError):
        parse_items("a: [\n", "broken.yaml")


def load_yaml_text(name: str) -> str:
    from microcred.resources import data_file

    return data_file("needs", name).read_text(encoding="utf-8")


def test_apply_to_canvas_records_which_outcomes_cover_each_need():
    """The canvas remembers the matching in covered_by."""
    canvas = sample_canvas()
    result = match(canvas.needs, load_yaml("needs", "sample_outcomes.yaml"))
    updated = apply_to_canvas(canvas, result)
    covered = {n.id: n.covered_by for n in updated.needs}
    assert "MED1" in covered["N1"]
    assert all(isinstance(ids, tuple) for ids in covered.values())
    assert updated.organisation == canvas.organisation


def test_heatmap_is_a_figure_even_for_empty_and_long_lists():
    """The chart works for nothing, for the sample and for lists longer than it shows."""
    assert isinstance(plot_heatmap(match([], [])), Figure)
    result = match([f"data protection {i}" for i in range(50)], ["Apply data protection."] * 1)
    fig = plot_heatmap(result, "fi", max_needs=10)
    assert "10/50" in fig.axes[0].get_title()


def test_a_huge_outcome_id_does_not_make_a_huge_chart():
    """Found by bench/bench_fuzz_cli.py: an outcome id of 20,000 characters became a tick label
    that no memory could draw (std::bad_alloc)."""
    from microcred.charts import to_png

    result = match(["data protection"], [{"id": "x" * 20_000, "text": "Apply data protection."}])
    assert to_png(plot_heatmap(result)).startswith(b"\x89PNG")


def test_a_need_is_labelled_as_typed_not_as_a_formula_or_control_characters():
    """A need's text is the participant's: "$" is a dollar, not matplotlib's formula, and a
    control character (pasted from elsewhere) is left out rather than drawn as a box."""
    import warnings

    from microcred.charts import to_png

    result = match(["Budget from $5 to $10 per\x07 head"], ["Apply budgeting."])
    fig = plot_heatmap(result)
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == [
        r"Budget from \$5 to \$10 per head"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert to_png(fig).startswith(b"\x89PNG")


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_the_report_names_findings_in_its_language_without_their_codes(lang):
    """format_match's findings read as every report's (severity: message): no English code like
    "uncovered:" inside a Finnish or Swedish line."""
    result = match(["Data protection in client records", "Budgeting for a home care team"],
                   ["The participant can apply data protection rules in client records."])
    report = format_match(result, lang)
    codes = {f.code for f in result.findings(lang)}
    assert codes and all(f"{f.message}" in report for f in result.findings(lang))
    assert not [c for c in codes if f": {c}:" in report], report
