"""Learning pathways: credits against the target, prerequisites, cycles, overlaps, plans."""

from __future__ import annotations

import pytest
import yaml

from microcred.i18n import t
from microcred.pathways import (
    Credential,
    Pathway,
    Target,
    check_pathway,
    describe_plan,
    find_cycles,
    learner_plan,
    pathway_from,
    pathway_yaml,
    plot_pathway,
    read_pathway,
    with_completed,
)
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "design"


def load(name: str) -> Pathway:
    return Pathway.from_design(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))


def chain(*prereqs: tuple[str, ...], credits: float = 3, target: float | None = None) -> Pathway:
    creds = tuple(Credential(f"MC{n}", f"Title {n}", credits, p)
                  for n, p in enumerate(prereqs, 1))
    return Pathway(creds, Target("Module", target) if target is not None else None)


def test_the_fixture_pathway_is_sound():
    """Four credentials, 10 credits, target 10: no findings; depth follows prerequisites."""
    p = load("microcredential.yaml")
    r = check_pathway(p)
    assert r.findings == () and r.total_credits == 10
    assert r.depth == {"MC1": 0, "MC2": 1, "MC3": 1, "MC4": 2}
    assert r.order.index("MC1") < r.order.index("MC2") < r.order.index("MC4")


def test_the_credential_this_file_describes_takes_the_files_outcomes():
    """One design file: the pathway entry of 'this' gets the outcomes: section."""
    p = load("microcredential.yaml")
    assert len(p.by_id()["MC2"].outcomes) == 3 and p.by_id()["MC1"].outcomes == ()


def test_a_cycle_is_named_in_the_message():
    """MC1 needs MC3, MC3 needs MC2, MC2 needs MC1: the message walks the circle."""
    r = check_pathway(load("cycle.yaml"))
    f = next(f for f in r.findings if f.code == "cycle")
    assert f.severity == "error"
    assert "MC1 → MC3 → MC2 → MC1" in f.message
    assert r.cycles == (("MC1", "MC3", "MC2", "MC1"),)
    assert sorted(r.depth) == ["MC1", "MC2", "MC3"]  # still laid out for the diagram


def test_a_self_prerequisite_is_a_cycle_and_each_cycle_is_reported_once():
    """MC1 needs itself; MC2 and MC3 need each other."""
    p = chain(("MC1",), ("MC3",), ("MC2",))
    assert find_cycles(p) == [("MC1", "MC1"), ("MC2", "MC3", "MC2")]


def test_long_chains_need_no_recursion():
    """A 3,000-step chain is walked without hitting Python's recursion limit."""
    creds = tuple(Credential(f"C{n}", credits=1, prerequisites=(f"C{n - 1}",) if n else ())
                  for n in range(3000))
    r = check_pathway(Pathway(creds))
    assert r.depth["C2999"] == 2999 and not r.cycles


def test_unknown_prerequisite_required_this_and_completed():
    """Ids that point nowhere are reported with the ids that exist."""
    p = Pathway((Credential("MC1", credits=2, prerequisites=("MC0",)),),
                Target("Module", 2, ("MC9",)), this="MC7", completed=("MC5",))
    r = check_pathway(p)
    assert {"unknown-prerequisite", "unknown-required", "unknown-this",
            "unknown-completed"} <= set(r.codes)
    f = next(f for f in r.findings if f.code == "unknown-prerequisite")
    assert '"MC0"' in f.message and "MC1" in f.suggestion


def test_credits_short_of_the_target_and_credentials_without_credits():
    """6 of 10 credits: a warning with the gap; 0 credits: an error."""
    r = check_pathway(chain((), ("MC1",), credits=3, target=10))
    f = next(f for f in r.findings if f.code == "short-of-target")
    assert "4 missing" in f.message and f.severity == "warning"
    assert "bad-credits" in check_pathway(chain((), credits=0)).codes


def test_empty_pathway_and_duplicate_ids():
    """No credentials at all; the same id twice."""
    assert check_pathway(Pathway()).codes == ["empty"]
    p = Pathway((Credential("MC1", credits=1), Credential("MC1", credits=2)))
    assert "duplicate-id" in check_pathway(p).codes


def test_shared_outcomes_are_found_despite_small_differences_in_wording():
    """The same outcome in two credentials, worded slightly differently; other outcomes and
    languages do not match."""
    p = Pathway((
        Credential("MC1", credits=2, outcomes=(
            "The participant can design an online course for adult learners.",)),
        Credential("MC2", credits=2, outcomes=(
            "The participant can design online courses for adult learners.",
            "The participant can evaluate accessibility.")),
        Credential("MC3", credits=2, outcomes=("Osallistuja osaa arvioida saavutettavuutta.",)),
    ))
    r = check_pathway(p)
    assert [(a, b) for a, b, _, _ in r.overlaps] == [("MC1", "MC2")]
    assert r.codes == ["outcome-overlap"]


def test_learner_plan_from_the_fixture():
    """MC1 done (3 of 10): MC2 and MC3 can be taken now; the plan respects prerequisites."""
    plan = learner_plan(load("microcredential.yaml"))
    assert plan.completed_credits == 3 and plan.needed_credits == 7
    assert plan.available_now == ("MC2", "MC3")
    assert plan.suggested.index("MC2") < plan.suggested.index("MC4")
    assert plan.reachable and not plan.done


def test_required_credentials_come_first_with_their_prerequisites():
    """A required credential pulls in its own prerequisites, even past the credit target."""
    p = Pathway(
        (Credential("A", credits=5), Credential("B", credits=5),
         Credential("C", credits=2, prerequisites=("B",))),
        Target("Module", 5, ("C",)),
    )
    plan = learner_plan(p, completed=[])
    assert plan.suggested == ("B", "C") and plan.missing_required == ("C",)


def test_plan_when_done_and_when_unreachable():
    """Everything completed; a target larger than the pathway; a cycle."""
    p = chain((), ("MC1",), target=6)
    assert learner_plan(p, ["MC1", "MC2"]).done
    assert describe_plan(learner_plan(p, ["MC1", "MC2"])) == ["The target is reached."]
    assert not learner_plan(chain((), target=10)).reachable
    assert not learner_plan(load("cycle.yaml")).reachable


def test_plan_sentences_in_finnish():
    """The plan is told in the learner's language."""
    lines = describe_plan(learner_plan(load("microcredential.yaml")), "fi")
    assert lines[0] == "3/10 opintopistettä suoritettu; vielä tarvitaan 7."


def test_round_trip_through_the_yaml_section():
    """from_dict(to_dict()) gives the same pathway."""
    p = load("microcredential.yaml")
    assert Pathway.from_dict(yaml.safe_load(yaml.safe_dump(p.to_dict()))) == p


@pytest.mark.parametrize("data, match", [
    ("x", "mapping"),
    ({"credentials": "MC1"}, "list"),
    ({"credentials": ["MC1"]}, "credential 1"),
    ({"credentials": [{"id": "MC1", "credits": "some"}]}, "credits must be a number"),
    ({"stacks_into": ["a"]}, "stacks_into"),
])
def test_malformed_sections_raise_a_clear_value_error(data, match):
    """Structural mistakes are refused with a message that says what to fix."""
    with pytest.raises(ValueError, match=match):
        Pathway.from_dict(data)


def test_diagram_draws_a_box_per_credential_and_marks_status():
    """Completed credentials are ticked, available ones marked next, the target framed."""
    fig = plot_pathway(load("microcredential.yaml"))
    ax = fig.axes[0]
    texts = [x.get_text() for x in ax.texts]
    assert len(ax.patches) == 4 + 1  # four credentials and the frame of the target
    assert any(x.startswith("MC1") and "✓ done" in x for x in texts)
    assert any(x.startswith("MC2") and "→ next" in x and "this one" in x for x in texts)
    assert any("Stacks into: Digital pedagogy" in x for x in texts)


def test_diagram_of_a_cycle_and_of_nothing():
    """Cycles and empty pathways still draw."""
    fig = plot_pathway(load("cycle.yaml"))
    assert len(fig.axes[0].patches) == 3 + 1
    assert "Add micro-credentials" in plot_pathway(Pathway()).axes[0].texts[0].get_text()


# --- the viewer's text form ----------------------------------------------------------------


def test_the_viewers_yaml_gives_back_the_pathway_without_completed():
    p = load("microcredential.yaml")
    assert p.completed and "completed" not in pathway_yaml(p)
    assert read_pathway(pathway_yaml(p)) == with_completed(p, ())
    text = (DATA / "microcredential.yaml").read_text(encoding="utf-8")
    assert read_pathway(text) == p == pathway_from(yaml.safe_load(text))  # a whole file


def test_titles_in_any_script_with_markup_and_emoji_survive_the_round_trip():
    p = Pathway((Credential("MC1", "Digipedagogiikka 🎓 <b>&</b>", 1.5),
                 Credential("МК2", "Pedagogik på svenska – 数字", 1_234_567, ("MC1",))),
                Target("Kokonaisuus", 10, ("MC1",)), "МК2")
    text = pathway_yaml(p)
    assert "🎓 <b>&</b>" in text and "1234567" in text
    assert read_pathway(text) == p


@pytest.mark.parametrize(("lang", "words"), [("en", "YAML, line 1: the YAML cannot be read"),
                                             ("fi", "YAML, rivi 1: YAML-tekstiä ei voi lukea"),
                                             ("sv", "YAML, rad 1: YAML-texten kan inte läsas")])
def test_broken_yaml_is_a_value_error_in_the_screen_language(lang, words):
    """It was in English whatever the screen language."""
    with pytest.raises(ValueError) as info:
        read_pathway("credentials: [ {id: B", lang)
    assert str(info.value).startswith(words) and t("reading.hint", lang) in str(info.value)


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment"])
def test_an_empty_text_is_an_empty_pathway(text):
    assert read_pathway(text) == Pathway()


@pytest.mark.parametrize("text", ["- MC1\n- MC2", "just words 😀", "42", "<credentials/>"])
def test_text_that_is_no_mapping_is_refused_with_a_sentence(text):
    with pytest.raises(ValueError, match="mapping with 'credentials:'"):
        read_pathway(text)


def test_credits_in_finnish_and_swedish_writing_and_a_huge_pathway():
    p = read_pathway("credentials:\n- {id: A, credits: '2,5 op'}\n- {id: B, credits: '1 000'}\n"
                     + "".join(f"- {{id: X{i}, credits: 1}}\n" for i in range(5000)))
    assert [c.credits for c in p.credentials[:2]] == [2.5, 1000]
    assert len(p.credentials) == 5002


def test_with_completed_keeps_the_pathways_order_and_drops_unknown_ids():
    p = load("microcredential.yaml")
    done = with_completed(p, {"MC3", "nope", "MC1"})
    assert done.completed == ("MC1", "MC3") and done.credentials == p.credentials
