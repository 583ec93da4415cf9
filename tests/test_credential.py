"""The credential description: reading, validation, Open Badges 3.0, the card and the catalogue."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
import yaml

from microcred.credential import (
    CONTEXT,
    FORM_FIELDS,
    Description,
    Form,
    card_html,
    catalogue_md,
    cycles,
    element,
    example,
    examples,
    from_dict,
    issue,
    load,
    loads,
    mandatory,
    ob3_problems,
    to_ob3,
    validate,
)
from microcred.errors import UserError
from microcred.findings import has_errors
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "credential"
DESCRIPTION_ELEMENTS = mandatory("description")


@pytest.fixture
def complete() -> dict:
    """The complete test description as a plain mapping, to take parts away from."""
    return yaml.safe_load((DATA / "complete.yaml").read_text(encoding="utf-8"))


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def errors_of(findings) -> list[tuple[str, str | None]]:
    return [(f.code, f.element) for f in findings if f.severity == "error"]


# --- the elements and the examples -------------------------------------------------------------


def test_annex_i_has_eleven_mandatory_elements_two_of_them_filled_at_issue():
    """Annex I: eleven mandatory elements; learner and date of issuing belong to issuing."""
    assert len(mandatory()) == 11
    assert mandatory("issue") == ["learner", "issued"]
    assert len(DESCRIPTION_ELEMENTS) == 9
    assert set(element("supervision").values) == {
        "unsupervised-no-id", "supervised-no-id", "supervised-with-id"}
    assert set(element("integration").values) == {"stand-alone", "stackable"}
    assert element("supervision").closed and not element("assessment").closed


def test_examples_are_complete_and_clean_in_three_languages():
    """At least three examples, one Finnish and one Swedish, without a single finding."""
    names = examples()
    assert len(names) >= 3
    languages = {example(n).language for n in names}
    assert {"en", "fi", "sv"} <= languages
    for name in names:
        assert validate(example(name)) == [], name


def test_labels_in_any_language_are_read_as_codes():
    """"monimuoto", "på plats", "Sverige" and "första cykeln" become codes."""
    fi = example("home-rehabilitation-technology")
    assert fi.participation == ("blended",) and "application-of-skill" in fi.assessment
    sv = example("security-risk-analysis")
    assert sv.participation == ("onsite",) and sv.country == ("SE",)
    assert sv.level.cycle == "first" and sv.workload.ects == 4.5  # "4,5" with a decimal comma


# --- reading ------------------------------------------------------------------------------------


def test_yaml_and_json_give_the_same_description():
    """The same description written as YAML and as JSON reads the same."""
    assert load(DATA / "complete.yaml") == load(DATA / "complete.json")


def test_a_design_file_is_read_from_its_credential_section_with_its_outcomes():
    """Issue 9's one design file: ``credential:`` plus a top-level ``outcomes:`` section."""
    desc = load(DATA / "design-file.yaml")
    assert desc.title == "Data literacy for care-home managers"
    assert [o.id for o in desc.outcomes] == ["A1", "A2"]
    assert validate(desc) == []


def test_from_dict_takes_outcomes_as_strings_or_id_text_pairs():
    """Outcomes may be plain strings (ids LO1, LO2 ...) or ``{id, text}`` mappings."""
    plain = from_dict({"outcomes": ["The participant can list risks.", "  "]})
    assert [(o.id, o.text) for o in plain.outcomes] == [("LO1", "The participant can list risks.")]
    pairs = from_dict({}, outcomes=[{"id": "X", "text": "The participant can list risks."}])
    assert pairs.outcomes[0].id == "X"


def test_broken_yaml_is_a_user_error_naming_the_lines():
    """An unclosed quote on line 2: the message names the lines and how to fix it."""
    with pytest.raises(UserError) as exc:
        load(DATA / "broken.yaml")
    assert "broken.yaml, line 2" in str(exc.value) and "quotes" in str(exc.value)


def test_broken_json_empty_file_and_a_list_are_user_errors(tmp_path):
    """Other files that cannot be a description say what is wrong."""
    with pytest.raises(UserError, match="line 3"):
        loads('{\n"title": "x",\n}', fmt="json")
    with pytest.raises(UserError, match="empty"):
        loads("# only a comment\n")
    with pytest.raises(UserError, match="name: value"):
        loads("- a list\n- of things\n")
    with pytest.raises(UserError, match="no such file"):
        load(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: Förbättring".encode("latin-1"))
    with pytest.raises(UserError, match="UTF-8"):
        load(tmp_path / "latin1.yaml")


def test_wrong_types_become_findings_not_exceptions():
    """Every value of the wrong kind is reported on its element; nothing raises."""
    findings = validate(load(DATA / "wrong-types.yaml"))
    errors = errors_of(findings)
    for key in ("title", "awarding_body", "outcomes", "workload", "assessment",
                "quality_assurance"):
        assert ("wrong-type", key) in errors or ("invalid-number", key) in errors, key
    assert ("invalid-number", "level") in errors
    assert errors.count(("invalid-date", "dates")) == 2  # 31.2.2025 and "yesterday"
    assert ("missing-element", "title") not in errors  # reported once, as the wrong type
    message = next(f for f in findings if f.element == "title")
    assert "expected a text, but found a list" in message.message
    assert "title:" in message.suggestion  # shows how to write it


@pytest.mark.parametrize("data", [
    None, 42, "text", [], {"title": None}, {"outcomes": [None, 3, {"id": 1}]},
    {"workload": [1, 2]}, {"level": {"eqf": [6]}}, {"country": {"a": 1}},
    {"dates": "2025"}, {"supervision": ["x"]}, {"awarding_body": [{"nme": "X"}, None]},
    {"language": "Finnish"}, {"keywords": 5}, {"valid_until": 20250101},
])
def test_from_dict_never_raises_on_odd_input(data):
    """Whatever a participant writes, reading gives a description and validate gives findings."""
    desc = from_dict(data)
    assert isinstance(desc, Description)
    assert has_errors(validate(desc))


def test_round_trip_through_to_dict_and_yaml():
    """What the builder saves reads back as the same description."""
    for name in examples():
        desc = example(name)
        assert from_dict(desc.to_dict()) == desc
        assert loads(desc.to_yaml()) == desc
    complete = load(DATA / "complete.yaml")
    assert loads(complete.to_yaml()) == complete


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", DESCRIPTION_ELEMENTS)
def test_each_mandatory_element_missing_in_turn(complete, key):
    """Taking away one mandatory element gives exactly one error, naming that element."""
    del complete[key]
    findings = validate(from_dict(complete))
    assert errors_of(findings) == [("missing-element", key)]
    message = next(f.message for f in findings if f.code == "missing-element")
    assert element(key).name("en") in message
    assert next(f.suggestion for f in findings if f.code == "missing-element")


@pytest.mark.parametrize("key", DESCRIPTION_ELEMENTS)
def test_each_mandatory_element_left_empty_counts_as_missing(complete, key):
    """An element written but left empty ("title:") is missing too."""
    complete[key] = "" if key != "outcomes" else []
    assert errors_of(validate(from_dict(complete))) == [("missing-element", key)]


@pytest.mark.parametrize("lang,word", [("fi", "Puuttuu: Arvioinnin tyyppi"),
                                       ("sv", "Saknas: Typ av bedömning")])
def test_messages_name_the_element_in_finnish_and_swedish(complete, lang, word):
    """The message language follows the description (or ``lang=``)."""
    del complete["assessment"]
    complete["language"] = lang
    assert word in validate(from_dict(complete))[0].message
    assert "Missing: Type of assessment" in validate(from_dict(complete), "en")[0].message


def test_learner_and_date_of_issuing_are_checked_when_issued(complete):
    """The two issue-time elements: missing on an issued credential, fine on a description."""
    desc = from_dict(complete)
    assert validate(desc) == []
    assert errors_of(validate(issue(desc))) == [("missing-element", "learner"),
                                                ("missing-element", "issued")]
    only_learner = validate(issue(desc, "Maija Meikäläinen"))
    assert errors_of(only_learner) == [("missing-element", "issued")]
    assert "--issued" in only_learner[0].suggestion  # says where it is filled in
    assert validate(issue(desc, "Maija Meikäläinen", "2025-11-15")) == []


def test_issue_elements_written_in_a_description_are_left_out_with_a_warning(complete):
    """"learner:" in a description file: a warning that it belongs to the issued credential."""
    complete["learner"] = "Maija"
    findings = validate(from_dict(complete))
    assert codes(findings) == ["issue-element"] and findings[0].severity == "warning"
    assert "not to the description" in findings[0].message


@pytest.mark.parametrize("convention,credits,hours,ok", [
    ("fi", 3, 81, True), ("fi", 3, 60, False), ("fi", 3, 90, False), ("fi", "1,5", 40, True),
    ("se", "4,5", 120, True), ("se", 7.5, 150, False), ("ects", 3, 90, True),
    ("ects", 3, 70, False), ("ects", 60, 1600, True),
])
def test_workload_must_match_the_hours_under_the_convention(complete, convention, credits,
                                                            hours, ok):
    """credits <-> hours under microcred.credits (fi 26-28 h, se 25.5-28 h, ects 25-30 h)."""
    complete["workload"] = {"ects": credits, "hours": hours, "convention": convention}
    found = codes(validate(from_dict(complete)))
    assert ("workload-mismatch" not in found) is ok, found


def test_workload_mismatch_says_the_range_and_the_credits_the_hours_make(complete):
    complete["workload"] = {"ects": 3, "hours": 60, "convention": "fi"}
    f = next(f for f in validate(from_dict(complete)) if f.code == "workload-mismatch")
    assert f.element == "workload" and f.severity == "error"
    assert "78-84 hours" in f.message and "60 hours" in f.message
    assert "about 2.2 credits" in f.suggestion


def test_workload_half_given_unknown_convention_and_zero(complete):
    """Credits alone or hours alone are warnings; an unknown convention and 0 are errors."""
    complete["workload"] = {"ects": 3, "convention": "fi"}
    assert codes(validate(from_dict(complete))) == ["workload-no-hours"]
    complete["workload"] = {"hours": 81, "convention": "fi"}
    assert codes(validate(from_dict(complete))) == ["workload-no-credits"]
    complete["workload"] = {"ects": 3, "hours": 81, "convention": "us"}
    assert errors_of(validate(from_dict(complete))) == [("unknown-convention", "workload")]
    complete["workload"] = {"ects": 0, "hours": 81, "convention": "fi"}
    assert errors_of(validate(from_dict(complete))) == [("not-positive", "workload")]
    complete["workload"] = {"ects": 90, "hours": 2430, "convention": "fi"}
    assert codes(validate(from_dict(complete))) == ["workload-large"]


def test_outcomes_flagged_by_the_outcome_analyser(complete):
    """A vague outcome is an error on the outcomes element, numbered, in plain language."""
    complete["outcomes"].append("Understand the basics of dashboards.")
    findings = validate(from_dict(complete))
    assert errors_of(findings) == [("outcome-vague-verb", "outcomes")]
    assert findings[0].message.startswith("Learning outcomes, outcome 3:")


def test_duplicate_outcome_ids_are_a_warning(complete):
    complete["outcomes"][1]["id"] = "A1"
    assert codes(validate(from_dict(complete))) == ["duplicate-outcome-id"]


@pytest.mark.parametrize("eqf,code", [(0, "level-out-of-range"), (9, "level-out-of-range"),
                                      ("6.5", "level-out-of-range"), ("EQF 6", None),
                                      ("ei sovellu", None), ("not applicable", None)])
def test_level_must_be_eqf_1_to_8_or_not_applicable(complete, eqf, code):
    complete["level"] = {"eqf": eqf} if not str(eqf).isalpha() else eqf
    found = errors_of(validate(from_dict(complete)))
    assert found == ([(code, "level")] if code else [])


def test_cycle_that_does_not_fit_the_level_is_a_warning(complete):
    complete["level"] = {"eqf": 6, "cycle": "second"}
    f = validate(from_dict(complete))
    assert codes(f) == ["cycle-mismatch"] and "EQF level 7" in f[0].message
    complete["level"] = {"eqf": 6, "cycle": "fourth"}
    assert errors_of(validate(from_dict(complete))) == [("invalid-value", "level")]


@pytest.mark.parametrize("written", ["short", "short cycle", "Short-cycle"])
def test_a_short_cycle_credential_at_eqf_5_is_accepted(complete, written):
    """QF-EHEA has had a short cycle since 2018: EQF 5 with the short cycle is valid."""
    complete["level"] = {"eqf": 5, "cycle": written}
    d = from_dict(complete)
    assert d.level.cycle == "short" and validate(d) == []
    complete["level"] = {"eqf": 6, "cycle": written}
    assert codes(validate(from_dict(complete))) == ["cycle-mismatch"]


def test_finnish_cycle_names_include_the_degrees_of_universities_of_applied_sciences():
    names = {code: c["fi"] for code, c in cycles().items()}
    assert "ammattikorkeakoulututkinto" in names["first"]
    assert "ylempi ammattikorkeakoulututkinto" in names["second"]


@pytest.mark.parametrize("dates,valid_until,issued,element_key", [
    ({"start": "2025-10-31", "end": "2025-09-01"}, None, None, "dates"),
    ({"start": "2025-09-01", "end": "2025-10-31"}, None, "2025-10-01", "issued"),
    ({"start": "2025-09-01", "end": "2025-10-31"}, "2025-11-01", "2025-12-01", "valid_until"),
    ({"end": "2025-10-31"}, "2025-01-01", None, "valid_until"),
])
def test_dates_out_of_order(complete, dates, valid_until, issued, element_key):
    """start <= end <= date of issuing <= valid until."""
    complete["dates"], complete["valid_until"] = dates, valid_until
    desc = from_dict(complete)
    record = issue(desc, "Maija", issued) if issued else desc
    assert errors_of(validate(record)) == [("dates-out-of-order", element_key)]


def test_dates_in_finnish_order_are_read(complete):
    complete["dates"] = {"start": "1.9.2025", "end": "31.10.2025"}
    assert from_dict(complete).start == dt.date(2025, 9, 1)
    assert validate(from_dict(complete)) == []


def test_closed_lists_accept_only_their_values_in_any_language(complete):
    """Supervision and integration have closed lists; labels in fi/sv are accepted too."""
    complete["supervision"] = "valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan"
    complete["integration"] = "Fristående, självständig mikromeritering"
    desc = from_dict(complete)
    assert (desc.supervision, desc.integration) == ("supervised-with-id", "stand-alone")
    assert validate(desc) == []
    complete["supervision"] = "sometimes"
    f = validate(from_dict(complete))
    assert errors_of(f) == [("invalid-value", "supervision")]
    assert "supervised-with-id" in f[0].suggestion


def test_open_lists_accept_other_values(complete):
    """Types of assessment and forms of participation are examples, not a closed list."""
    complete["assessment"] = ["peer review of a project"]
    complete["participation"] = "work-based learning"
    assert validate(from_dict(complete)) == []


def test_unknown_names_get_a_did_you_mean(complete):
    complete["awarding_bdy"] = complete.pop("awarding_body")
    findings = validate(from_dict(complete))
    assert ("unknown-field", "warning") in [(f.code, f.severity) for f in findings]
    assert 'Did you mean "awarding_body"' in next(
        f.suggestion for f in findings if f.code == "unknown-field")
    assert errors_of(findings) == [("missing-element", "awarding_body")]


def test_country_names_and_addresses(complete):
    """Country names become codes; other texts and bad web addresses are warnings."""
    complete["country"] = ["Suomi", "Sverige"]
    assert from_dict(complete).country == ("FI", "SE")
    complete["country"] = "Finnland"
    complete["url"] = "example.org/page"
    assert set(codes(validate(from_dict(complete)))) == {"country-code", "invalid-url"}


def test_stackable_without_saying_towards_what_is_a_warning(complete):
    del complete["stackable_towards"]
    assert codes(validate(from_dict(complete))) == ["stackable-towards"]


# --- Open Badges 3.0 --------------------------------------------------------------------------


@pytest.mark.parametrize("name", examples())
@pytest.mark.parametrize("options", [
    {"learner": "Maija Meikäläinen"},
    {"learner": "anna@example.org", "hash_learner": True, "grade": "5"},
    {"learner": "did:example:123", "grade": "G"},
])
def test_every_example_validates_against_the_official_ob3_schema(ob3_validator, name, options):
    """Each example, issued in three ways, is a valid OpenBadgeCredential."""
    doc = to_ob3(example(name), issued="2026-06-15", **options)
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in ob3_validator.iter_errors(doc)]
    assert errors == []
    assert ob3_problems(doc) == []


def test_the_test_fixture_validates_against_the_official_schema_too(ob3_validator):
    doc = to_ob3(load(DATA / "complete.yaml"), "Maija", "2025-11-15T10:30:00+02:00", grade="pass")
    assert list(ob3_validator.iter_errors(doc)) == []


def test_ob3_carries_the_standard_elements():
    """Title, outcomes, ECTS credits (said to be ECTS), EQF alignment, issuer, learner, date."""
    desc = example("machine-vision")
    doc = to_ob3(desc, "Maija Meikäläinen", "2026-04-01", grade="4")
    assert doc["@context"] == CONTEXT
    assert doc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert doc["validFrom"] == "2026-04-01T00:00:00Z"
    assert doc["issuer"]["type"] == ["Profile"] and doc["issuer"]["address"][
        "addressCountryCode"] == "FI"
    subject = doc["credentialSubject"]
    assert subject["identifier"][0] == {"type": "IdentityObject", "identityType": "name",
                                        "hashed": False, "identityHash": "Maija Meikäläinen"}
    ach = subject["achievement"]
    assert ach["achievementType"] == "MicroCredential" and ach["name"] == desc.title
    assert ach["creditsAvailable"] == 5 and "ECTS credits" in ach["description"]
    assert "135 hours" in ach["description"]
    for outcome in desc.outcomes:
        assert outcome.text in ach["criteria"]["narrative"]
    eqf = ach["alignment"][0]
    assert eqf["targetUrl"] == "http://data.europa.eu/snb/eqf/7" and eqf["targetType"] == "ext:EQF"
    assert subject["result"][0]["value"] == "4"
    assert ach["inLanguage"] == "en"


def test_ob3_ids_reveal_nothing_about_the_learner():
    """Issue 15: an id made from the learner and public values (uuid5, no salt) let anyone test
    guessed e-mail addresses against a hashed credential. Ids are random now."""
    import uuid

    desc = example("machine-vision")
    a = to_ob3(desc, "anna@example.org", "2026-04-01", hash_learner=True)
    b = to_ob3(desc, "anna@example.org", "2026-04-01", hash_learner=True)
    assert a["id"].startswith("urn:uuid:") and a["id"] != b["id"]
    old_way = uuid.uuid5(uuid.UUID("5b0c1f8e-6a43-4f5e-9a59-3d1f0b6c2e71"), "|".join([
        "credential", a["credentialSubject"]["achievement"]["id"], "anna@example.org",
        a["validFrom"]]))
    assert a["id"] != f"urn:uuid:{old_way}"
    assert "anna" not in json.dumps(a)
    assert to_ob3(desc, "Maija", "2026-04-01", credential_id="urn:uuid:1")["id"] == "urn:uuid:1"


def test_hashed_learner_is_salted_sha256():
    doc = to_ob3(example("machine-vision"), "anna@example.org", "2026-04-01", hash_learner=True,
                 salt="pepper")
    identity = doc["credentialSubject"]["identifier"][0]
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True
    assert identity["identityHash"].startswith("sha256$") and identity["salt"] == "pepper"
    assert "anna@example.org" not in json.dumps(doc)


def test_ob3_needs_a_learner_a_date_and_a_description_without_errors(complete):
    """Plain-language errors, saying where the issue-time elements are given."""
    desc = from_dict(complete)
    with pytest.raises(UserError, match="--learner"):
        to_ob3(desc, "", "2025-11-15")
    with pytest.raises(UserError, match="date of issuing"):
        to_ob3(desc, "Maija", None)
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        to_ob3(desc, "Maija", "last Friday")
    del complete["title"]
    with pytest.raises(UserError, match="1 error"):
        to_ob3(from_dict(complete), "Maija", "2025-11-15")


def test_required_field_check_works_without_the_schema():
    """``ob3_problems`` finds what the specification requires, part by part."""
    doc = to_ob3(example("machine-vision"), "Maija", "2026-04-01")
    assert ob3_problems(doc) == []
    for path, expected in [
        (("validFrom",), "validFrom"), (("issuer", "id"), "issuer"),
        (("credentialSubject", "identifier"), "id or an identifier"),
        (("credentialSubject", "achievement", "criteria"), "criteria"),
        (("credentialSubject", "achievement", "name"), "achievement.name"),
    ]:
        broken = copy.deepcopy(doc)
        target = broken
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
        assert any(expected in p for p in ob3_problems(broken)), path
    wrong_order = copy.deepcopy(doc)
    wrong_order["@context"].reverse()
    assert any("@context" in p for p in ob3_problems(wrong_order))
    assert ob3_problems([]) == ["the credential is not a JSON object"]


# --- the card and the catalogue entry -------------------------------------------------------------


def test_card_is_a_self_contained_accessible_page():
    """lang attribute, one h1, section headings, every element named, nothing loaded."""
    page = card_html(example("security-risk-analysis"))
    assert page.lstrip().startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert page.count("<h1>") == 1 and page.count("<h2") >= 2
    assert "<title>Riskanalys i säkerhetsarbete" in page
    for key in element("title").key, "workload", "level", "assessment", "quality_assurance":
        assert element(key).name("sv") in page or key == "title"
    assert "src=" not in page and "href=" not in page and "@import" not in page  # self-contained
    assert "(valfritt)" in page  # optional elements are marked in words, not by colour


def test_card_of_an_issued_credential_names_the_learner_and_date():
    record = issue(example("machine-vision"), "Maija Meikäläinen", "2026-04-01", "5")
    page = card_html(record)
    assert "Awarded to Maija Meikäläinen on 2026-04-01." in page
    assert "5 (scale: 0-5)" in page
    assert "filled in when the credential is issued" in card_html(example("machine-vision"))


def test_html_in_fields_is_escaped_in_the_card():
    """Text a participant typed never becomes markup."""
    page = card_html(load(DATA / "with-markup.yaml"))
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    fragment = card_html(load(DATA / "with-markup.yaml"), standalone=False)
    assert "<script>" not in fragment and "<html" not in fragment
    assert 'class="mc-card" lang="en"' in fragment


def test_card_shows_missing_mandatory_elements_in_words():
    page = card_html(from_dict({"title": "Draft"}))
    assert page.count("not given") >= 5


def test_catalogue_entry_is_markdown_with_outcomes_and_elements():
    entry = catalogue_md(example("home-rehabilitation-technology"))
    assert entry.startswith("## Teknologia kotikuntoutuksen tukena")
    assert "Suoritettuaan pienen osaamiskokonaisuuden oppija osaa:\n\n1. arvioida asiakkaan" in entry
    assert "Osallistuja osaa" not in entry  # the learner is named once, by the intro
    assert "| Laskennallinen työmäärä (opintopisteet ja tunnit) | 3 opintopistettä" in entry


@pytest.mark.parametrize("lang, outcomes, intro, items", [
    ("en", ["The participant can design a set-up.", "Students will be able to explain limits.",
            "By the end of the course, learners are expected to evaluate accuracy.",
            "analyse defects"],
     "On completion, the learner can:",
     ["design a set-up.", "explain limits.", "evaluate accuracy.", "analyse defects"]),
    ("fi", ["Opiskelija osaa kirjata tapahtumat.", "Opintojakson suoritettuaan osallistujat osaavat "
            "ohjata asiakasta.", "arvioida riskit"],
     "Suoritettuaan pienen osaamiskokonaisuuden oppija osaa:",
     ["kirjata tapahtumat.", "ohjata asiakasta.", "arvioida riskit"]),
    ("sv", ["Studenten kan tillämpa riktlinjerna.", "Efter avslutad kurs ska deltagaren kunna "
            "bedöma hotbilden.", "Den studerande ska kunna redogöra för ramarna."],
     "Efter genomförd mikromerit kan den studerande:",
     ["tillämpa riktlinjerna.", "bedöma hotbilden.", "redogöra för ramarna."]),
])
def test_the_outcomes_intro_and_each_outcome_read_as_one_sentence(lang, outcomes, intro, items):
    """The intro names the learner; the learner frame of each outcome is left out after it."""
    record = from_dict({"title": "T", "language": lang, "outcomes": outcomes})
    entry = catalogue_md(record)
    listed = [line.split(". ", 1)[1] for line in entry.splitlines() if line[:2] in ("1.", "2.",
                                                                                     "3.", "4.")]
    assert intro in entry and listed == items
    page = card_html(record)
    assert f"<p>{intro}</p>" in page and all(f"<li>{i}</li>" in page for i in items)


@pytest.mark.parametrize("lang, outcomes", [
    ("fi", ["Opiskelija osaa kirjata tapahtumat.", "Opiskelija soveltaa ohjeita."]),
    ("sv", ["Studenten kan tillämpa riktlinjerna.", "The participant can design a set-up."]),
    ("en", ["The participant can design a set-up.", "Learners must document each step."]),
])
def test_an_outcome_naming_the_learner_otherwise_leaves_the_list_without_intro(lang, outcomes):
    """A frame the intro cannot take over (another verb form, another language): each outcome
    is shown whole, and the list has no intro saying the learner a second time."""
    record = from_dict({"title": "T", "language": lang, "outcomes": outcomes})
    entry = catalogue_md(record)
    intro = {"en": "the learner can", "fi": "oppija osaa", "sv": "kan den studerande"}[lang]
    assert intro not in entry
    assert all(f". {o}" in entry for o in outcomes)
    assert intro not in card_html(record)


def test_catalogue_entry_escapes_markup_and_table_pipes():
    entry = catalogue_md(load(DATA / "with-markup.yaml"))
    assert "<script>" not in entry and "<b>" not in entry and "<i>" not in entry
    assert r"a \| pipe \|" in entry and r"\*stars\*" in entry
    table = [line for line in entry.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == 1 for line in table)  # two cells in every row


# --- the builder's form --------------------------------------------------------------------


@pytest.mark.parametrize("name", examples())
@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_the_form_gives_back_the_description_it_shows(name, lang):
    """Every example, shown in the form in each screen language and read back, is the same
    description (participation is shown by its label in the screen language)."""
    desc = example(name)
    form = Form.of(desc, lang)
    assert set(form.fields) == set(FORM_FIELDS)
    assert form.description() == desc


def test_an_empty_form_is_an_empty_description_and_blank_fields_are_left_out():
    assert Form().to_dict() == {}
    blank = Form({name: "  " for name in FORM_FIELDS} | {"assessment": (), "start": None,
                                                         "end": None})
    assert blank.to_dict() == {}


def test_numbers_typed_in_each_languages_convention():
    for typed, expected in [("2,5", 2.5), ("2.5", 2.5), ("1 500", 1500), ("1\u00a0500 h", 1500),
                            ("3 op", 3), ("3 hp", 3)]:
        desc = Form({"credits": typed, "hours": typed}).description()
        assert (desc.workload.ects, desc.workload.hours) == (expected, expected), typed


def test_odd_text_is_kept_as_typed_and_lists_are_split():
    form = Form({"title": "  Digipedagogiikka 🎓 <script>alert(1)</script> ", "country": "FI, SE",
                 "outcomes": "\n  Osaa analysoida 😀  \n\nKan planera <b>kurser</b>\n" * 2000,
                 "assessment": ("written-exam",), "other_assessment": "portfolio, , <i>x</i>"})
    data = form.to_dict()
    assert data["title"] == "Digipedagogiikka 🎓 <script>alert(1)</script>"
    assert data["country"] == "FI, SE" and len(data["outcomes"]) == 4000
    assert data["outcomes"][:2] == ["Osaa analysoida 😀", "Kan planera <b>kurser</b>"]
    assert data["assessment"] == ["written-exam", "portfolio", "<i>x</i>"]
    assert form.description().country == ("FI", "SE")


def test_loaded_outcome_ids_and_parts_without_a_field_are_saved_again():
    desc = from_dict({"title": "T", "id": "urn:x", "code": "MC-1", "keywords": ["a", "b"],
                      "outcomes": [{"id": "LO7", "text": "First"}, {"id": "LO9", "text": "Two"}]})
    form = Form.of(desc)
    assert form.outcome_ids == ("LO7", "LO9") and form.kept["keywords"] == ["a", "b"]
    form.fields["outcomes"] = "First\nSecond\nThird"  # a line added under the loaded ones
    data = form.to_dict()
    assert data["outcomes"] == [{"id": "LO7", "text": "First"}, {"id": "LO9", "text": "Second"},
                                "Third"]
    assert (data["id"], data["code"]) == ("urn:x", "MC-1")


def test_a_code_the_form_does_not_offer_shows_blank():
    desc = from_dict({"level": {"eqf": 12, "cycle": "no-such-cycle"}, "supervision": "x",
                      "language": "de", "workload": {"ects": 3, "convention": "??"}})
    fields = Form.of(desc).fields
    assert (fields["eqf"], fields["cycle"], fields["supervision"]) == ("", "", "")
    assert (fields["language"], fields["convention"], fields["credits"]) == ("en", "ects", "3")
