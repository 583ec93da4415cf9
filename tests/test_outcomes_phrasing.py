"""How catalogue outcomes are phrased beyond a bare verb: knowledge gained or deepened, verb
phrases with modifiers inside them ("make informed decisions"). Written for the real-outcome
work of issue 13; run with Voikko and with the pure-Python fallback."""

from __future__ import annotations

import pytest

from microcred.outcomes import analyse
from tests.helpers.morphology import each_backend


@pytest.fixture(params=["voikko", "fallback"], autouse=True)
def backend(request):
    yield from each_backend(request.param)


@pytest.mark.parametrize("text", [
    "Students will gain a deeper understanding of project management.",
    "Students will acquire a basic knowledge of contract law.",
    "Students will develop an awareness of ethical issues in research.",
    "Develop an appreciation of cultural diversity in health care.",
    "Studenten ska utveckla förståelse för hållbar utveckling.",
    "Opiskelija syventää ymmärrystään kestävästä kehityksestä.",
    "Opiskelija kehittää tietämystään markkinoinnista.",
    "Opiskelijalla on hyvä ymmärrys kestävästä kehityksestä.",
])
def test_knowledge_gained_or_deepened_is_vague_whatever_verb_heads_it(text):
    """The understanding is what the phrase states; "develop"/"gain" is not the action."""
    r = analyse(text)
    assert r.codes.count("vague-verb") == 1 and r.bloom_level is None
    assert "multiple-verbs" not in r.codes and "unknown-verb" not in r.codes


@pytest.mark.parametrize("text", [
    "Develop a marketing plan for a small company.",
    "Opiskelija osaa kehittää tietokantasovelluksia.",
    "Studenten ska kunna utveckla en affärsplan.",
])
def test_developing_a_product_is_still_an_action(text):
    r = analyse(text)
    assert "vague-verb" not in r.codes and r.bloom_level == "create"


@pytest.mark.parametrize("text, lemma, level", [
    ("Make informed decisions about treatment options.", "make decisions", "evaluate"),
    ("Draw valid conclusions from experimental data.", "draw conclusions", "evaluate"),
    ("Studenten ska kunna dra självständiga slutsatser av analyserna.", "dra slutsatser",
     "evaluate"),
    ("Opiskelija osaa tehdä perusteltuja päätöksiä.", "tehdä päätöksiä", "evaluate"),
    ("Students will have a sound knowledge of project management.", "have knowledge of", None),
])
def test_a_listed_phrase_matches_with_modifiers_inside(text, lemma, level):
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == [lemma]
    assert r.bloom_level == level


def test_an_english_noun_before_the_noun_does_not_make_a_phrase():
    """"troubleshoot network faults" is troubleshoot with its object, not a listed phrase with a
    modifier: English nouns stand before nouns, adjectives have their own forms."""
    assert [v.lemma for v in analyse("Troubleshoot network faults.").verbs] == ["troubleshoot"]


@pytest.mark.parametrize("text, lemma, level", [
    # performing an analysis is analysing (the verb judged with its object, issue 13)
    ("Skill in performing external financial analysis.", "perform", "analyse"),
    ("The student is capable of negotiating a contract with a supplier.", "negotiate", "apply"),
    ("Proficiency in programming embedded systems in C.", "program", "apply"),
])
def test_the_gerund_after_skill_in_or_capable_of_is_the_action_verb(text, lemma, level):
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == [lemma]
    assert r.ok and r.bloom_level == level


def test_a_noun_after_skills_in_is_not_a_verb():
    r = analyse("The student has good skills in communication.")
    assert not [v for v in r.verbs if not v.vague]


@pytest.mark.parametrize("text, lemmas, level", [
    ("Students should be able to use appropriate software in order to analyse experimental data.",
     ["use", "analyse"], "analyse"),
    ("Studenten ska kunna använda statistiska metoder för att analysera data.",
     ["använda", "analysera"], "analyse"),
])
def test_a_purpose_after_using_a_tool_is_the_learners_action(text, lemmas, level):
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == lemmas and r.bloom_level == level


@pytest.mark.parametrize("text, lemmas", [
    ("Reflect on their own practice in order to improve it.", ["reflect on"]),
    ("Studenten ska kunna reflektera över lagarbete för att utöva sitt yrke.", ["reflektera över"]),
    ("Studenten ska kunna tillämpa statistiska metoder genom att lösa övningsuppgifter.",
     ["tillämpa"]),
])
def test_other_purposes_are_not_the_outcome(text, lemmas):
    """"in order to improve it" is why the learner reflects, not what is assessed; "genom att"
    (by doing) says how, not what."""
    assert [v.lemma for v in analyse(text).verbs] == lemmas


@pytest.mark.parametrize("text, lemmas", [
    ("The student is able to configure servers as well as design a network.",
     ["configure", "design"]),
    ("The student can co-operate with other professionals.", ["cooperate"]),
])
def test_as_well_as_joins_verbs_and_hyphenated_spellings_are_known(text, lemmas):
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == lemmas and "unknown-verb" not in r.codes


def test_english_plural_nouns_after_a_base_form_verb_are_not_verbs():
    """"charts and graphs" after "Interpret and present": no verbs "chart", "graph", and so no
    verb left without an object."""
    r = analyse("Interpret and present data in tables, charts and graphs.")
    assert [v.lemma for v in r.verbs] == ["interpret", "present"] and r.ok
    third = analyse("The student analyses data and presents results.")
    assert [v.lemma for v in third.verbs] == ["analyse", "present"]


@pytest.mark.parametrize("text, lemmas", [
    ("Studenten ska kunna dokumentera omvårdnadsarbetet enligt gällande lagar.", ["dokumentera"]),
    ("Studenten ska kunna sammanställa en lista över risker.", ["sammanställa"]),
])
def test_swedish_present_forms_and_prepositions_after_kunna_are_not_the_learners_verbs(text,
                                                                                       lemmas):
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == lemmas and r.ok


@pytest.mark.parametrize("text", [
    "Studenten ska kunna sätta sig in i nya problemområden.",
    "Studenten ska kunna ta del av aktuella forskningsresultat.",
])
def test_swedish_familiarising_is_vague(text):
    assert analyse(text).codes == ["vague-verb"]


def test_a_bare_swedish_aim_to_give_is_teacher_centred():
    assert analyse("Målet är att ge studenterna en översikt över området.").codes == [
        "teacher-centred"]


@pytest.mark.parametrize("text", [
    "Opiskelija on perehtynyt laatujärjestelmiin.",
    "Opiskelijat ovat tutustuneet tutkimusmenetelmiin.",
    "Opiskelija on omaksunut tutkivan työotteen.",
])
def test_finnish_vague_verbs_in_the_perfect_tense_are_vague(text):
    assert analyse(text).codes == ["vague-verb"]


@pytest.mark.parametrize("text, ok", [
    ("Opiskelija osaa johtaa pientä tiimiä.", True),
    ("Studenten ska kunna reflektera över.", False),
    ("Carry out.", False),
])
def test_a_listed_phrase_holds_its_object_but_a_particle_does_not(text, ok):
    r = analyse(text)
    assert ("no-object" not in r.codes) is ok


@pytest.mark.parametrize("text, lemmas", [
    ("The student shall demonstrate the ability to plan and carry out a project.",
     ["plan", "carry out"]),
    ("Demonstrate an ability to work in a team.", ["work"]),
])
def test_demonstrate_the_ability_to_is_a_frame_not_a_verb(text, lemmas):
    assert [v.lemma for v in analyse(text).verbs] == lemmas


@pytest.mark.parametrize("text", [
    "The student will acquire skills in academic writing.",
    "The student will gain practical experience of working in a laboratory.",
])
def test_skills_or_experience_gained_are_vague(text):
    assert analyse(text).codes == ["vague-verb"]


def test_a_vague_phrase_does_not_reach_across_and():
    """"projects which develops and contributes to knowledge" is no "develop knowledge"."""
    r = analyse("Identify the need for projects which develops and contributes to knowledge.")
    assert "vague-verb" not in r.codes


@pytest.mark.parametrize("text", ["Display a critical understanding of leadership theories.",
                                  "Exhibit professional behaviour in the workplace."])
def test_display_and_exhibit_are_action_verbs(text):
    assert analyse(text).bloom_level == "apply"


def test_a_list_items_length_leaves_out_the_shared_opening():
    item = " ".join(["analyse"] + ["data"] * 36)  # 37 words; with the opening over 40
    r = analyse(f"Efter avslutad kurs ska studenten kunna:\n- {item}\n- beskriva begrepp")
    assert len(r.items) == 2 and "too-long" not in r.items[0].codes
    long = analyse(f"The student can:\n- {item} {'data ' * 5}\n- describe concepts")
    assert "too-long" in long.items[0].codes


@pytest.mark.parametrize("text", ["Students will be able to make effective use of digital tools.",
                                  "Make good use of feedback from peers."])
def test_make_use_of_with_an_adjective_inside(text):
    assert [v.lemma for v in analyse(text).verbs] == ["make use of"]


def test_a_finnish_ma_infinitive_of_a_listed_verb_is_that_verb(backend):
    r = analyse("Opiskelija kykenee suunnittelemaan pienimuotoisen tutkimuksen.")
    if backend == "voikko":  # the fallback cannot undo consonant gradation (suunnittele-)
        assert [v.lemma for v in r.verbs] == ["suunnitella"] and r.bloom_level == "create"
    assert len(r.verbs) == 1 and r.ok


@pytest.mark.parametrize("text, lemmas", [
    ("Ohjaajan tukemana opiskelija osaa kirjoittaa tutkielman.", ["kirjoittaa"]),
    ("Opiskelija osaa esittää tilastoaineistoja havainnollisina taulukoina.", ["esittää"]),
    ("Opiskelija osaa perustella tekemänsä ratkaisut.", ["perustella"]),
    ("Opiskelija osaa kuvata prosessin ja antaa palautetta.", ["kuvata", "antaa"]),
])
def test_finnish_participles_and_noun_cases_are_not_verbs_and_type_one_verbs_are(text, lemmas):
    """Both analysers: "tukemana" (agent participle), "taulukoina" (essive plural) and
    "tekemänsä" are not the learner's verbs; "antaa" after "ja" is."""
    assert [v.lemma for v in analyse(text).verbs] == lemmas


@pytest.mark.parametrize("text", [
    "Topics include regression, correlation and hypothesis testing.",
    "Lectures cover the theory of electrical circuits.",
    "The course consists of lectures and laboratory work.",
    "Special attention is paid to ethical issues.",
    "In this course, students study the fundamentals of accounting.",
    "Särskild vikt läggs vid praktiska tillämpningar.",
])
def test_what_the_course_covers_or_stresses_is_teacher_centred(text):
    assert "teacher-centred" in analyse(text).codes


@pytest.mark.parametrize("text", [
    "The student can present content to a lay audience.",
    "In this course, students will be able to convert units of measurement.",
])
def test_learner_outcomes_that_name_course_words_are_not_teacher_centred(text):
    assert "teacher-centred" not in analyse(text).codes


def test_deepening_ones_competence_is_vague_in_finnish():
    assert analyse("Opintojakson aikana opiskelija syventää osaamistaan hoitotyössä.").codes == [
        "vague-verb"]


@pytest.mark.parametrize("text, level", [
    ("Make a marketing plan for a start-up.", "create"),
    ("Studenten ska kunna göra en budget för ett projekt.", "apply"),
    ("Opiskelija osaa tehdä hoitosuunnitelman.", "create"),
    ("Opiskelija osaa tehdä investointilaskelmia.", "apply"),
])
def test_a_light_verb_takes_the_level_of_what_is_made(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text, mixed", [
    ("förklara hur extensibility, reusability and modifiability kan stödjas av principer", True),
    ("Kursen tar upp grunder för omvårdnad som nursing och caring science.", False),
    ("Osallistuja osaa kirjoittaa selkeitä learning outcomes for a blended course.", True),
    ("Studenten ska kunna sätta sig in i nya problemområden och analysera dem.", False),
])
def test_mixed_language_needs_a_switch_not_a_borrowed_term(text, mixed):
    assert ("mixed-language" in analyse(text).codes) is mixed


@pytest.mark.parametrize("text, level", [
    ("Identify why some projects fail and others succeed.", "analyse"),
    ("Opiskelija osaa tunnistaa, miten riskit syntyvät.", "analyse"),
    ("Studenten ska kunna identifiera hur olika faktorer påverkar hälsan.", "analyse"),
    ("Identify the parts of a cell.", "remember"),
])
def test_a_question_as_the_object_raises_identify_to_analyse(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text, lemma", [
    ("In teams design a simple product.", "design"),
    ("With guidance plan a small research project.", "plan"),
    ("Together with others plan an event.", "plan"),
])
def test_an_opening_adverbial_does_not_hide_the_verb(text, lemma):
    """No "no action verb" error for a good outcome that opens with how it is done."""
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == [lemma] and r.ok


@pytest.mark.parametrize("text, lemmas", [
    ("For a passing grade the student must be able to describe the main components of a power "
     "system.", ["describe"]),
    ("For your business plan you are able to draw up a budget.", ["draw up"]),
])
def test_a_noun_ending_an_opening_phrase_before_the_learner_is_no_verb(text, lemmas):
    assert [v.lemma for v in analyse(text).verbs] == lemmas


@pytest.mark.parametrize("text, lemmas", [
    ("Using appropriate software, analyse survey data.", ["analyse"]),
    ("Working in a team, develop a marketing plan.", ["develop"]),
    ("Planning, implementing and evaluating health promotion projects.",
     ["plan", "implement", "evaluate"]),
])
def test_opening_participles_and_gerund_lists(text, lemmas):
    """"Using ..., analyse": the participle says how; a list of gerunds is a list of verbs."""
    assert [v.lemma for v in analyse(text).verbs] == lemmas


@pytest.mark.parametrize("text", [
    "The student has good skills in written communication.",
    "The student gets acquainted with the basics of law.",
    "Students will get an overview of the field.",
    "Students will obtain a basic understanding of statistics.",
])
def test_skills_had_and_overviews_got_are_vague_not_teacher_centred(text):
    assert analyse(text).codes == ["vague-verb"]


def test_having_the_skills_to_is_still_a_frame():
    r = analyse("The student has the skills to configure a firewall.")
    assert [v.lemma for v in r.verbs] == ["configure"] and r.ok


@pytest.mark.parametrize("text", [
    "On completion of the module, students should be able to: (a) describe the theory; "
    "(b) apply it to cases; (c) evaluate its limits.",
    "On completion of the module, students should be able to: (a) describe the theory "
    "(b) apply it to cases (c) evaluate its limits.",
    "Students will be able to:\n(i) describe the theory\n(ii) apply it to cases\n"
    "(iii) evaluate its limits",
])
def test_items_numbered_in_brackets_are_split_and_lose_their_numbers(text):
    r = analyse(text)
    assert [it.bloom_level for it in r.items] == ["understand", "apply", "evaluate"]
    assert all(it.ok and "(" not in it.text for it in r.items)


def test_a_bracketed_remark_is_no_item_number():
    r = analyse("Explain the role of the state (in a broad sense) in markets.")
    assert not r.items and r.bloom_level == "understand"


@pytest.mark.parametrize("text", [
    "Opiskelija kykenee arvioimaan omaa osaamistaan.",  # "omaa" is "own", not "omata"
    "Opiskelija osaa kehittää omaa osaamistaan.",
])
def test_finnish_own_competence_is_not_a_vague_phrase_by_itself(text):
    assert "vague-verb" not in analyse(text).codes


@pytest.mark.parametrize("text", [
    "The student is conversant with key theories.",
    "The student has a grasp of basic statistics.",
    "The student is knowledgeable about nutrition.",
    "The student internalises the values of the profession.",
    "Opiskelija omaa perustiedot taloushallinnosta.",
])
def test_more_ways_of_saying_know_or_understand_are_vague(text):
    assert analyse(text).codes == ["vague-verb"]


def test_students_who_are_trained_are_a_teacher_centred_statement():
    assert "teacher-centred" in analyse("Studenterna tränas i att lösa problem i grupp.").codes


def test_tillgodogora_sig_takes_in_a_texts_content():
    """Not in the labelling rules' list of vague verbs; the second fresh batch labels "kan
    tillgodogöra sig facklitteratur" understand three times (it was vague here before)."""
    r = analyse("Studenten ska kunna tillgodogöra sig engelskspråkig litteratur.")
    assert r.codes == [] and r.bloom_level == "understand", r


@pytest.mark.parametrize("text", ["Opiskelija kehittää viestintätaitojaan.",
                                  "Opiskelija osaa laajentaa taitojaan."])
def test_finnish_skills_developed_are_vague_like_english(text):
    assert analyse(text).codes == ["vague-verb"]


@pytest.mark.parametrize("text", ["Students will be encouraged to reflect on their practice.",
                                  "Opiskelijaa kannustetaan pohtimaan omaa toimintaansa.",
                                  "Studenten uppmuntras att reflektera över sin praktik."])
def test_students_encouraged_make_a_teacher_centred_statement(text):
    assert "teacher-centred" in analyse(text).codes


@pytest.mark.parametrize("text, lemmas", [
    ("Describe the aims, design and results of a clinical study.", ["describe"]),
    ("Describe the purpose, process and outcome of an audit.", ["describe"]),
    ("Plan, implement and evaluate projects.", ["plan", "implement", "evaluate"]),
    ("Collect data, analyse and interpret it.", ["collect", "analyse", "interpret"]),
])
def test_a_noun_in_the_objects_list_is_no_verb(text, lemmas):
    assert [v.lemma for v in analyse(text).verbs] == lemmas
