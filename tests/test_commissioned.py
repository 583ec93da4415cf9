"""Commissioned education: the price calculator (odd input included) and the self-check."""

from __future__ import annotations

import pytest
import yaml
from matplotlib.figure import Figure

from microcred.commissioned import (
    MAX_AMOUNT,
    CostModel,
    StaffRole,
    answers_template,
    check_items,
    form_from_model,
    model_from_dict,
    model_from_form,
    parse_roles,
    parts,
    plot_pricing,
    plot_self_check,
    price,
    price_template,
    roles_text,
    self_check,
    unreadable_role_lines,
)
from microcred.errors import UserError
from microcred.i18n import t
from microcred.numbers import format_number

TEACHING = (StaffRole("teacher", 40, 85), StaffRole("coordinator", 10, 60))


def codes(result):
    return [f.code for f in result.findings]


def test_costs_overheads_margin_and_price_add_up():
    """Staff 4,000 + fixed 500 + 20 x 40; 30 % overhead; 10 % margin."""
    p = price(CostModel(TEACHING, overhead_pct=30, fixed_costs=500, per_participant_costs=40,
                        participants=20, margin_pct=10))
    assert p.staff_costs == {"teacher": 3400, "coordinator": 600}
    assert p.direct_costs == 5300
    assert p.overheads == pytest.approx(1590)
    assert p.total_cost == pytest.approx(6890)
    assert p.contract_price == pytest.approx(7579)
    assert p.cost_per_participant == pytest.approx(344.5)
    assert p.price_per_participant == pytest.approx(378.95)
    assert p.break_even == 18  # ceil(5850 / (378.95 - 52))
    assert p.ok and codes(p) == []


def test_break_even_is_the_first_group_size_that_covers_cost():
    """At the break-even size income covers cost; one participant fewer it does not."""
    p = price(CostModel(TEACHING, overhead_pct=25, participants=10, price_per_participant=450))
    n = p.break_even
    assert p.revenue(n) >= p.cost_at(n) and p.revenue(n - 1) < p.cost_at(n - 1)
    assert "break-even-above-plan" in codes(p)


def test_zero_participants_is_a_clear_finding_not_a_crash():
    """No division by zero: per-participant figures are None, the contract price is still there."""
    p = price(CostModel(TEACHING, participants=0))
    assert p.cost_per_participant is None and p.price_per_participant is None
    assert p.break_even is None
    assert p.contract_price == 4000
    assert "no-participants" in codes(p) and not p.ok
    fi = price(CostModel(TEACHING, participants=0), "fi")
    assert "Osallistujia on nolla" in fi.findings[0].message


def test_negative_rates_and_other_negative_numbers_are_errors():
    """Each negative input is named in its finding."""
    p = price(CostModel((StaffRole("teacher", 10, -85), StaffRole("planner", -2, 70)),
                        overhead_pct=-5, fixed_costs=-1, participants=-3))
    found = {f.code: f for f in p.findings}
    assert {"negative-rate", "negative-hours", "negative-overhead", "negative-cost",
            "negative-participants"} <= set(found)
    assert found["negative-rate"].element == "teacher" and "-85" in found["negative-rate"].message
    assert all(f.severity == "error" for f in p.findings[:5])


def test_price_that_never_covers_costs_and_price_below_cost():
    """A price below the per-participant cost has no break-even at all."""
    p = price(CostModel(TEACHING, per_participant_costs=100, participants=10,
                        price_per_participant=90))
    assert p.break_even is None
    assert {"no-break-even", "price-below-cost"} <= set(codes(p))


def test_warnings_for_suspicious_settings():
    """An overhead given as a factor, a negative margin, hours without a rate, no staff."""
    p = price(CostModel((StaffRole("teacher", 10, 0),), overhead_pct=125, margin_pct=-10,
                        participants=5))
    assert {"high-overhead", "negative-margin", "zero-rate"} <= set(codes(p))
    assert "no-staff" in codes(price(CostModel(participants=5)))


def test_model_from_dict_reads_the_template_and_names_bad_fields():
    """Numbers may be written with spaces, commas, % and €; text where a number belongs is named."""
    m = model_from_dict(yaml.safe_load(price_template("en")))
    assert len(m.roles) == 3 and m.participants == 20 and m.overhead_pct == 40
    m = model_from_dict({"roles": {"teacher": {"hours": "1 000", "rate": "85,5 €"}},
                         "overheads": "30 %"})
    assert m.roles[0].hours == 1000 and m.roles[0].rate == 85.5 and m.overhead_pct == 30
    with pytest.raises(UserError, match="roles, item 1, rate"):
        model_from_dict({"roles": [{"role": "t", "hours": 1, "rate": "lots"}]})
    with pytest.raises(UserError):
        model_from_dict(["not", "a", "mapping"])
    with pytest.raises(UserError):
        model_from_dict({"roles": [{"role": "t", "hours": float("nan"), "rate": 1}]})


def test_roles_typed_one_a_line():
    """role; hours; rate, with | or tabs too; unreadable lines are reported."""
    text = "teacher; 40; 85\nplanner | 10 | 70,5\nnonsense line\nx; y; z\n"
    roles = parse_roles(text)
    assert [(r.role, r.hours, r.rate) for r in roles] == [("teacher", 40, 85),
                                                           ("planner", 10, 70.5)]
    assert len(unreadable_role_lines(text)) == 2


def test_self_check_scores_parts_and_suggests_for_low_answers():
    """Per part: the share of the maximum over answered statements; tips for 0 and 1."""
    answers = {i.id: 3 for i in check_items()}
    answers.update({"I1": 0, "I2": 1})
    r = self_check(answers)
    assert [p.id for p in r.parts] == ["organisation", "dialogue", "incentives"]
    scores = {p.id: p.score for p in r.parts}
    assert scores["organisation"] == 1 and scores["incentives"] == pytest.approx(7 / 12)
    assert r.weakest.id == "incentives"
    assert [i for i, _ in r.suggestions] == ["I1", "I2"]
    assert r.findings == ()


def test_self_check_handles_missing_odd_and_unknown_answers():
    """Nothing answered, text, out-of-scale values and unknown ids become findings."""
    empty = self_check(None)
    assert empty.overall is None and empty.weakest is None
    assert [f.code for f in empty.findings] == ["unanswered"]
    odd = self_check({"O1": "2", "O2": "lots", "O3": 7, "O4": 1.5, "Z9": 1, "D1": None})
    assert {f.code for f in odd.findings} == {"invalid-answer", "unknown-item", "unanswered"}
    assert odd.parts[0].answered == 1


def test_three_parts_in_three_languages_and_a_template_that_round_trips():
    """The model's parts are LUPP's three; the template parses back to empty answers."""
    assert len(parts("sv")) == 3 and parts("fi")[0][1] == "Organisaatio ja prosessit"
    data = yaml.safe_load(answers_template("fi"))
    assert set(data["answers"]) == {i.id for i in check_items()}
    assert "LUPP" in answers_template("en")


def test_charts_are_figures_even_for_odd_input():
    assert isinstance(plot_pricing(price(CostModel(participants=0))), Figure)
    assert isinstance(plot_pricing(price(CostModel(TEACHING, participants=20))), Figure)
    assert isinstance(plot_self_check(self_check({})), Figure)


# --- the national channels' fee rules ---------------------------------------------------------


def plan(**kw):
    base = dict(roles=TEACHING, overhead_pct=30, participants=20, margin_pct=10)
    return CostModel(**{**base, **kw})


def test_swedish_commissioned_education_cannot_be_bought_by_a_natural_person():
    """Ordinance 2002:760 s. 2: paid by someone other than a natural person; a company may."""
    assert "buyer-not-allowed" in codes(price(plan(channel="se-commissioned", buyer="individual")))
    ok = price(plan(channel="se-commissioned", buyer="organisation"))
    assert "buyer-not-allowed" not in codes(ok) and ok.ok


def test_swedish_freestanding_course_is_free_for_eea_citizens():
    """A price on a freestanding course is an error; the same course at 0 is fine."""
    p = price(plan(channel="se-freestanding", buyer="individual", price_per_participant=300))
    assert "fee-not-allowed" in codes(p) and not p.ok
    assert "fee-not-allowed" not in codes(price(plan(channel="se-freestanding",
                                                     price_per_participant=0)))


def test_an_organisation_buying_a_freestanding_course_is_pointed_to_commissioned_education():
    f = next(f for f in price(plan(channel="se-freestanding", buyer="organisation",
                                   price_per_participant=0)).findings
             if f.code == "buyer-not-allowed")
    assert "uppdragsutbildning" in f.suggestion


def test_finnish_open_studies_fee_is_capped_per_credit():
    """Open and separate studies: at most 45 EUR per credit (from 1 May 2024)."""
    cap = 45 * 5
    over = price(plan(channel="fi-open", credits=5, price_per_participant=cap + 1))
    assert "fee-above-cap" in codes(over) and not over.ok
    assert f"{cap} EUR" in next(f.message for f in over.findings if f.code == "fee-above-cap")
    assert "fee-above-cap" not in codes(price(plan(channel="fi-open", credits=5,
                                                   price_per_participant=cap)))


def test_a_cap_without_credits_asks_for_them():
    p = price(plan(channel="fi-open", price_per_participant=100))
    assert "cap-needs-credits" in codes(p) and "fee-above-cap" not in codes(p)


def test_specialisation_education_has_its_own_cap():
    assert "fee-above-cap" in codes(price(plan(channel="fi-specialisation", credits=30,
                                               price_per_participant=120 * 30 + 50)))


def test_degree_leading_tilauskoulutus_is_paid_by_an_organisation_at_least_at_cost():
    """558/2009 s. 9 / 932/2014 s. 13: the commissioner pays, at least the costs."""
    assert "buyer-not-allowed" in codes(price(plan(channel="fi-commissioned-degree",
                                                   buyer="individual")))
    below = price(plan(channel="fi-commissioned-degree", buyer="organisation", margin_pct=-5))
    assert "below-cost-not-allowed" in codes(below) and not below.ok
    assert "negative-margin" not in codes(below)  # one finding for one problem


def test_continuing_education_may_be_paid_by_the_learner_and_priced_freely():
    """Short courses an employer or a learner buys are täydennyskoulutus: no cap, no buyer rule."""
    p = price(plan(channel="fi-continuing", buyer="individual", credits=5,
                   price_per_participant=900))
    assert not {"buyer-not-allowed", "fee-above-cap", "cap-needs-credits"} & set(codes(p))


def test_swedish_commissioned_below_full_cost_is_a_warning_from_guidelines():
    p = price(plan(channel="se-commissioned", buyer="organisation", margin_pct=-10))
    assert "below-full-cost-guideline" in codes(p)
    assert next(f for f in p.findings if f.code == "below-full-cost-guideline").severity == "warning"


def test_unknown_channel_is_a_finding_in_the_core_and_a_user_error_in_a_file():
    assert "unknown-channel" in codes(price(plan(channel="fi-magic")))
    with pytest.raises(UserError, match="fi-open"):
        model_from_dict({"roles": [], "channel": "fi-magic"})


def test_channel_buyer_and_credits_are_read_from_a_price_file():
    m = model_from_dict({"commissioned": {"roles": [{"role": "t", "hours": 1, "rate": 1}],
                                          "channel": "FI-open", "buyer": "individual",
                                          "credits": "5"}})
    assert (m.channel, m.buyer, m.credits) == ("fi-open", "individual", 5.0)


def test_channel_findings_are_in_three_languages():
    for lang, word in (("fi", "opintopiste"), ("sv", "studiepoäng")):
        p = price(plan(channel="fi-open", credits=2, price_per_participant=500), lang)
        assert word in next(f.message for f in p.findings if f.code == "fee-above-cap")


# --- the calculator's fields, read and shown by the core -----------------------------------


def test_the_calculators_fields_give_back_the_model_they_show():
    model = CostModel(TEACHING + (StaffRole("koordinaattori 🧭", 12.5, 1_234_567),), 40, 600,
                      40, 20, 10, 1_500_000.0, "SEK", "Kurs", "se-commissioned",
                      "organisation", 7.5)
    form = form_from_model(model)
    assert form["roles"].splitlines()[-1] == "koordinaattori 🧭; 12.5; 1234567"
    assert form["price_per_participant"] == "1500000"  # not 1.5e+06, read back as 1.5
    assert model_from_form(form) == (model, "")
    assert form_from_model(CostModel())["price_per_participant"] == ""
    assert form_from_model(CostModel())["credits"] == 0


@pytest.mark.parametrize(("typed", "lang", "expected"), [
    ("18 000 EUR", "en", 18000), ("18\u00a0000 €", "fi", 18000), ("1 234,5", "sv", 1234.5),
    ("1.234,5", "fi", 1234.5), ("1,500", "en", 1500), ("1,500", "fi", 1.5),
    ("1,500", "sv", 1.5), ("12.5", "sv", 12.5), ("  700  ", "en", 700),
])
def test_a_price_typed_in_each_languages_convention(typed, lang, expected):
    model, error = model_from_form({"price_per_participant": typed}, lang)
    assert (model.price_per_participant, error) == (expected, "")


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
@pytest.mark.parametrize("typed", ["abc", "💶", "<b>seitsemänsataa</b>", "sjuhundra",
                                   "9" * 400])
def test_a_price_that_is_not_a_number_is_named_and_the_price_computed(typed, lang):
    model, error = model_from_form({"price_per_participant": typed, "participants": 20}, lang)
    assert model.price_per_participant is None
    assert error == t("commissioned.field.not-a-number", lang, value=typed)
    assert typed in error  # the text itself, unescaped: the widget escapes what it shows


def test_empty_fields_give_an_empty_model_and_no_error():
    assert model_from_form({}) == (CostModel(), "")
    assert model_from_form({"price_per_participant": "   ", "roles": ""}) == (CostModel(), "")


def test_roles_text_reads_back_and_odd_lines_are_reported_not_lost():
    text = roles_text(TEACHING) + "\n<script>x</script>\nопетаја 😀; 5; 70\n" + "x; 1; 1\n" * 5000
    model, _ = model_from_form({"roles": text})
    assert model.roles[:2] == TEACHING and len(model.roles) == 5003
    assert model.roles[2] == StaffRole("опетаја 😀", 5, 70)
    unread = unreadable_role_lines(text)
    assert len(unread) == 1 and "<script>x</script>" in unread[0].message


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
@pytest.mark.parametrize("name", ["overhead_pct", "fixed_costs", "per_participant_costs",
                                  "participants", "margin_pct", "credits"])
def test_a_figure_too_large_to_be_read_back_is_an_input_error(name, lang):
    """It was saved, and the calculator then refused the file it had written."""
    model, error = model_from_form({name: 2 * 10**12}, lang)
    assert error.startswith(t(f"commissioned.field.{name}", lang) + ": ")
    assert format_number(MAX_AMOUNT, lang, decimals=0) in error
    with pytest.raises(UserError):
        model_from_dict(model.to_dict())
    assert model_from_form({name: MAX_AMOUNT}, lang)[1] == ""


def test_a_typed_price_too_large_is_named_and_one_not_a_number_first():
    _, error = model_from_form({"price_per_participant": "2 000 000 000 000 €"}, "fi")
    assert error == t("commissioned.field.too-large", "fi",
                      field=t("commissioned.field.price_per_participant", "fi"),
                      value=format_number(2e12, "fi", decimals=0),
                      limit=format_number(MAX_AMOUNT, "fi", decimals=0))
    _, error = model_from_form({"price_per_participant": "paljon", "fixed_costs": 1e13})
    assert error == t("commissioned.field.not-a-number", "en", value="paljon")


@pytest.mark.parametrize("value", [[1, 2], "ten", {"hours": "x"}])
def test_roles_as_a_mapping_with_odd_values_are_a_clear_error(value):
    """Found by bench/bench_fuzz_cli.py: {teacher: [1, 2]} was a TypeError (a traceback)."""
    with pytest.raises(UserError):
        model_from_dict({"roles": {"teacher": value}})


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_price_template_is_the_same_plan_with_notes_in_the_readers_language(lang):
    """Same numbers as the English template; its notes and example texts are translated
    (only the field names before a colon, the codes and numbers stay as they are)."""
    english, other = price_template("en"), price_template(lang)
    plan = model_from_dict(yaml.safe_load(other))
    assert price(plan).contract_price == price(model_from_dict(yaml.safe_load(english))).contract_price
    assert len(plan.roles) == 3
    notes = {line.split("#", 1)[1].strip() for line in other.splitlines() if "#" in line}
    assert len(notes) >= 8
    assert not notes & {line.split("#", 1)[1].strip() for line in english.splitlines()
                        if "#" in line and any(c.isalpha() for c in line.split("#", 1)[1])
                        and "fi-" not in line and "se-" not in line}
    assert {r.role for r in plan.roles}.isdisjoint({"planning teacher", "teacher", "coordinator"})
