"""General phrasing mechanisms of the outcome coach (issue 13: it must generalise to outcomes it
was not tuned on): the verb found by its place and form, not by a list of items. Constructed
sentences, each a pattern that catalogues use; run with Voikko and with the fallback."""

from __future__ import annotations

import pytest

from microcred.outcomes import analyse
from tests.helpers.morphology import each_backend


@pytest.fixture(params=["voikko", "fallback"], autouse=True)
def backend(request):
    yield from each_backend(request.param)


def lemmas(text: str) -> list[str]:
    return [v.lemma for v in analyse(text).verbs]


@pytest.mark.parametrize("text, verb", [
    ("The student is able to in a team plan a small survey.", "plan"),
    ("After the course should the student be able to independently and in team do calculations "
     "for pricing.", "do"),
    ("Studenten ska kunna i grupp planera en mindre undersökning.", "planera"),
    ("Studenten ska kunna under handledning genomföra en mindre undersökning.", "genomföra"),
    ("Studenten ska kunna på svenska redogöra för vårdens organisation.", "redogöra för"),
])
def test_an_adverbial_between_the_frame_and_the_verb_is_skipped(text, verb):
    """"kunna i grupp planera": the frame is no vague "kunna", and the verb after the phrase is
    the learner's (the phrase's nouns are not verbs)."""
    r = analyse(text)
    assert lemmas(text) == [verb], r
    assert r.ok, r


@pytest.mark.parametrize("text, verbs, vague", [
    ("Studenten analyserar marknadens struktur.", ["analysera"], False),
    ("Studerande känner till de grundläggande kraven.", ["känna till"], True),
    ("Studenten lär sig grunderna i programmering.", ["lära sig"], True),
    ("Studenten analyserar och värderar marknadens struktur.", ["analysera", "värdera"], False),
])
def test_a_swedish_present_tense_verb_right_after_the_learner_is_the_learners(text, verbs, vague):
    r = analyse(text)
    assert lemmas(text) == verbs, r
    assert ("vague-verb" in r.codes) == vague, r


@pytest.mark.parametrize("text", [
    "Studenten ska ha kunskap om relevanta lagar.",
    "Studenten ska kunna redogöra för gällande lagar.",
])
def test_a_swedish_present_form_after_ska_or_a_preposition_is_a_noun(text):
    """After "ska"/"kunna" the learner's verbs are infinitives: "lagar" is laws, not "laga"."""
    r = analyse(text)
    assert "laga" not in lemmas(text), r
    assert "multiple-verbs" not in r.codes, r


@pytest.mark.parametrize("text", [
    "Kursen syftar till att studenten ska kunna analysera finansiella rapporter.",
    "Kursens syfte är att studenten ska kunna planera ett projekt.",
    "Opintojakson tavoitteena on, että opiskelija osaa laatia budjetin.",
    "Opintojakson tavoitteena on että opiskelija osaa laatia budjetin.",
    "The aim of the course is that students can prepare a budget.",
])
def test_an_aim_whose_clause_has_the_learner_as_subject_is_the_learners_outcome(text):
    """tests/data/outcomes_real_README.md: "Tavoitteena on, että opiskelija osaa ..." is not
    teacher-centred; the clause is analysed as the outcome."""
    r = analyse(text)
    assert r.ok and "teacher-centred" not in r.codes, r
    assert r.bloom_level in ("apply", "analyse", "create"), r


@pytest.mark.parametrize("text", [
    "Kursens syfte är att ge studenten möjlighet att utveckla sin förmåga.",
    "Opintojakson tavoitteena on antaa opiskelijalle valmiudet laatia budjetti.",
    "The aim of the course is to give students tools for budgeting.",
    "The aim of the course is to introduce theory, so that the student will be able to apply it.",
    "Kursen ger studenten möjlighet att analysera data.",
])
def test_an_aim_that_the_course_gives_stays_teacher_centred(text):
    assert "teacher-centred" in analyse(text).codes


@pytest.mark.parametrize("text, verbs", [
    ("Apply group processes in project work.", ["apply"]),
    ("Design test cases for a web application.", ["design"]),
    ("He knows the basic business forms and processes.", ["know"]),
    ("He knows the basic business forms and processes;", ["know"]),
    ("The students will become familiar with the different work environments and work "
     "orientations in the field.", ["become familiar with"]),
    ("Opiskelija analysoi yrityksen taloudellista tilaa.", ["analysoida"]),
])
def test_a_noun_that_shares_a_verbs_form_is_told_by_its_place(text, verbs):
    """Two learner's verbs never stand side by side; a word after "and" inside a prepositional
    object, an -s word ending a list of objects, and a Finnish finite form after an attribute
    ("taloudellista tilaa" = state, not tilata) are nouns."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text", [
    "During the course, valuation issues are highlighted with respect to assets and debt.",
    "Students' collaboration skills will be improved during the course.",
    "Subjects also include VAT and salaries.",
    "Kursen består av ett projekt som skall göras individuellt.",
])
def test_what_the_course_covers_or_improves_is_teacher_centred(text):
    r = analyse(text)
    assert "teacher-centred" in r.codes and "no-action-verb" not in r.codes, r


@pytest.mark.parametrize("text", [
    "The student is expected to analyse the data that are collected.",
    "Deltagaren kan skriva lärandemål som är kopplade till bedömningen.",
])
def test_a_passive_in_a_relative_clause_is_not_the_courses(text):
    assert "teacher-centred" not in analyse(text).codes


def test_a_finnish_agent_participle_in_man_is_no_verb():
    """"rahavirtojen muodostaman kokonaisuuden": Voikko also reads -man as a MA-infinitive."""
    assert lemmas("Opiskelija tuntee rahavirtojen muodostaman kokonaisuuden.") == ["tuntea"]


def test_a_long_adverbial_before_the_verb_keeps_kunna_a_frame():
    text = ("Studenten ska kunna i samråd med patienten och utifrån en helhetssyn på människan "
            "systematiskt tillämpa omvårdnadsprocessen.")
    r = analyse(text)
    assert lemmas(text) == ["tillämpa"] and r.ok, r


@pytest.mark.parametrize("text, count", [
    ("Efter avslutad kurs förväntas de studerande: - kunna använda idiomatiska uttryck i tal - "
     "kunna skriva texter på svenska - kunna hålla ett föredrag.", 3),
    ("The purpose of this module is to: • Facilitate the student in defining a topic; • Promote "
     "the student's ability to direct their own project work.", 2),
    ("On completion of this module the learner should be able to:\nLO1 Describe design methods\n"
     "LO2 Apply design methods in a project", 2),
])
def test_a_list_that_marks_its_own_items_is_split(text, count):
    """Inline bullets or dashes after a colon, and "LO1" labels, mark items even when the
    opening holds no ability frame."""
    assert len(analyse(text).items) == count


def test_items_that_open_with_their_own_present_tense_verb_after_an_opening():
    text = ("En magister har efter avlagd examen:\n • förstår centrala begrepp och kan tillämpa "
            "dessa\n • behärskar avancerade arbetsmetoder")
    first, second = analyse(text).items
    assert [v.lemma for v in first.verbs] == ["förstå", "tillämpa"], first
    assert "teacher-centred" not in first.codes and "vague-verb" in second.codes, second


@pytest.mark.parametrize("text, level", [
    ("Demonstrate theoretical understanding of design methods.", "apply"),
    ("Students should be able to demonstrate an understanding of ethical concepts.", "apply"),
    ("Studenten ska kunna visa förståelse för etiska begrepp.", "apply"),
    ("The student is able to report on the work and its results.", "apply"),
    ("Opiskelija osaa tulkita analyysin tuloksia.", "understand"),
])
def test_levels_agree_across_the_three_lexicons(text, level):
    """"report" is apply as "rapportera" and "raportoida"; "tulkita tuloksia" understand as
    "interpret the results of" and "tolka resultat"; "demonstrate an understanding of" is
    demonstrate, as "visa förståelse för" and the labelling convention of every set (it was
    understand in the English list alone)."""
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text, verbs", [
    ("The course focuses on interpretations of social reality, practices, and possibilities.", []),
    ("The module will explore perspectives on design and will focus on reflection.", []),
    ("The aim of the course is to activate and develop the students' language skills.", []),
    ("Kursen ger studenten möjlighet att analysera data.", ["analysera"]),
])
def test_when_the_course_is_the_subject_only_verbs_brought_in_for_the_learner_count(text, verbs):
    r = analyse(text)
    assert "teacher-centred" in r.codes and [v.lemma for v in r.verbs] == verbs, r


@pytest.mark.parametrize("text, verbs", [
    ("Apply learnt methods in design work and reflect on personal design philosophy.",
     ["apply", "reflect on"]),
    ("They know the basic concepts of economics.", ["know"]),
    ("He is aware of educational opportunities and pathways for further studies.",
     ["be aware of"]),
])
def test_english_position_rules(text, verbs):
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text, codes", [
    ("Kursen syftar till att studenten ska skaffa sig fördjupade kunskaper om metoder.",
     ["vague-verb"]),
    ("Efter kursen ska studenten ha översiktliga baskunskaper om svensk kultur.", ["vague-verb"]),
    ("Tämä opintojakso laajentaa ja syventää osaamistasi.", ["teacher-centred"]),
    ("Koulutuksen tavoitteena on myös kehittää opiskelijan ohjaustaitoja.", ["teacher-centred"]),
    ("Opettajan tehtäviin suuntautuvassa koulutuksessa ohjataan opiskelija kehittämään "
     "valmiuttaan.", ["teacher-centred"]),
    ("Opiskelija kykenee opetuksen suunnitteluun ja arviointiin.", ["vague-verb"]),
    ("The aim is to develop the students' writing skills in a professional context.",
     ["teacher-centred"]),
    ("The objective of the course is for students to attain enhanced method knowledge.",
     ["vague-verb"]),
    ("beskriva förskolans samhällsuppdrag i ett samtida perspektiv", []),
])
def test_findings_of_aims_courses_and_frames(text, codes):
    """A vague phrase inside the course's own aim is the course's; "kykenee" + noun is as vague
    as "osaa" + noun; a genitive after the learner's verb is its object, no s-passive."""
    r = analyse(text)
    assert sorted(r.codes) == codes or [c for c in r.codes if c not in ("unknown-verb", "ambiguous-verb")] == codes, r


@pytest.mark.parametrize("text, level", [
    ("Opiskelija osaa tehdä pienimuotoisen tutkimuksen.", "create"),
    ("Independently identify and prepare research questions for a study.", "create"),
])
def test_a_study_of_ones_own_is_made(text, level):
    assert analyse(text).bloom_level == level


def test_pystyy_before_an_unknown_verb_is_a_frame():
    r = analyse("Opiskelija pystyy hinnoittelemaan palveluja.")
    assert [v.lemma for v in r.verbs] == ["hinnoitella"] and r.ok, r


@pytest.mark.parametrize("text", [
    "Den andra delen behandlar ett antal kvalitativa metodansatser.",
    "The course adresses sustainable development from ecological perspectives.",
    "Vi diskuterar därför även hållbarhetsbegreppets begränsningar.",
    "Du får tillfälle att planera och utföra en mindre fallstudie.",
    "Ohjelmointi 3 -kurssin päätavoite on laajentaa ohjelmointitaitoa.",
])
def test_more_ways_of_saying_what_the_course_does(text):
    assert "teacher-centred" in analyse(text).codes


def test_an_overview_received_is_vague():
    r = analyse("Du får en historisk överblick över hur begreppet har definierats.")
    assert r.codes == ["vague-verb"], r


@pytest.mark.parametrize("text, verbs", [
    ("Investigate schools of design and incorporate their key features in design work.",
     ["investigate", "incorporate"]),
    ("The student should be able to record business transactions and to close the books.",
     ["record", "close"]),
    ("Explain the theory and practice of marketing.", ["explain"]),
])
def test_an_english_verb_in_no_list_joined_by_and_before_an_article_is_a_verb(text, verbs):
    assert lemmas(text) == verbs, analyse(text)


def test_a_course_noun_inside_an_english_compound_is_no_subject():
    r = analyse("Conduct a training needs analysis for a client organisation.")
    assert r.ok and r.bloom_level == "analyse", r  # conducting an analysis is analysing


@pytest.mark.parametrize("text, verbs", [
    ("Efter avslutad kurs ska studenten visa färdigheter och förmåga att:\n • hantera "
     "gruppdynamiska aspekter i projektarbete\n • författa en vetenskaplig rapport",
     [["hantera"], ["författa"]]),
    ("Efter genomgången kurs skall studenten ha en grundläggande:\n • förståelse för "
     "företagande\n • kunskap om ekonomistyrning", [["ha förståelse för"], ["ha kunskap om"]]),
])
def test_list_items_continue_their_opening(text, verbs):
    """"visa färdigheter och förmåga att" is one frame; "ha en grundläggande:" + "förståelse
    för" is one vague phrase."""
    assert [[v.lemma for v in it.verbs] for it in analyse(text).items] == verbs


def test_a_modal_inside_a_how_clause_is_the_clauses():
    assert lemmas("Värdera hur projektets förutsättningar kan påverka genomförandet.") == [
        "värdera"]


def test_a_list_wrapped_over_lines_keeps_each_item_whole():
    """Catalogues copied from PDFs wrap items: a lower-case line with no bullet and no verb (or
    after a line that stops at "and"/a preposition) is the rest of the item above."""
    text = ("Once you have completed the study unit you will\nhave be able to:\nDescribe the "
            "research process (knowledge)\nDelimit a theme and formulate an aim and research\n"
            "questions for your thesis (skill)")
    items = analyse(text).items
    assert [it.text.split("able to")[-1].split()[0] for it in items] == [
        "Describe", "Delimit"], items
    assert items[1].text.endswith("questions for your thesis (skill)")
    text = ("The student is able to:\n- identify the principles of group and team work and\n"
            "cooperate in teams\n- explain forms of working communities")
    items = analyse(text).items
    assert [v.lemma for v in items[0].verbs] == ["identify", "cooperate"], items


@pytest.mark.parametrize("text, verbs, codes", [
    ("soveltaa lainsäädäntöä ja hankkii ajankohtaista tutkimustietoa", ["soveltaa", "hankkia"],
     ["multiple-verbs"]),
    ("Opiskelija osaa suunnitella projektin, seurata sen etenemistä, hallita muutoksia ja "
     "arvioida projektia.", ["suunnitella", "seurata", "hallita", "arvioida"], ["multiple-verbs"]),
    ("Studenten ska veta hur man analyserar etiska problem.", ["analysera"], []),
    ("You indicate that you are acquainted with the methods of forest planning.", ["indicate"],
     []),
])
def test_actions_that_look_like_vague_phrases(text, verbs, codes):
    """Information searched for ("hankkii tutkimustietoa"), "hallita" in a frame's list of
    verbs (manage), "veta hur man" (know how to), a state inside a that-clause."""
    r = analyse(text)
    assert [v.lemma for v in r.verbs] == verbs, r
    assert [c for c in r.codes if c not in ("unknown-verb", "ambiguous-verb")] == codes, r


@pytest.mark.parametrize("text, verbs", [
    ("Analyse qualitative data to answer a research question.", ["analyse"]),
    ("Exemplify different approaches to interpret the interactions between humans and nature.",
     ["exemplify"]),
    ("Use statistical software to analyse survey data.", ["use", "analyse"]),
    ("The student has capabilities to utilize Python in IT projects.", ["utilise"]),
    ("Students should be able, within the areas below, to critically and with scientific "
     "accuracy analyse qualitative data.", ["analyse"]),
])
def test_to_after_the_objects_noun_opens_a_purpose(text, verbs):
    """As after "för att": the verb of a purpose is no second outcome, unless the verb before
    names the tool ("use X to analyse")."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text, level", [
    ("is able to self-evaluate and develop one's competence", "evaluate"),
    ("Opiskelija osaa kehittää osaamistaan.", "apply"),
    ("Develop a marketing plan for a small company.", "create"),
])
def test_developing_ones_own_competence_is_no_new_product(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text, verbs", [
    ("Du fördjupar dig i ett problem som du undersöker med hjälp av teori.",
     ["fördjupa sig i", "undersöka"]),
    ("The Student understands how they apply within the professional field.", ["understand"]),
    ("uppskatta tidsåtgång för att lösa givna problem samt planera sin tid", ["uppskatta",
                                                                               "planera"]),
    ("Redogöra för och förhålla sig till begreppen utbildning och lärande.",
     ["redogöra för", "förhålla sig till"]),
])
def test_clauses_that_are_the_learners_own(text, verbs):
    """A clause whose subject is the learner ("som du undersöker") holds the learner's verbs;
    "samt" after a purpose joins a second outcome; "förhålla sig till" is one verb."""
    assert lemmas(text) == verbs, analyse(text)


def test_a_one_line_list_separated_by_semicolons_is_split():
    text = ("Efter avslutad kurs förväntas studenten: redogöra för centrala begrepp; analysera "
            "en organisations miljöarbete; värdera olika styrmodeller.")
    assert [it.bloom_level for it in analyse(text).items] == ["understand", "analyse", "evaluate"]


def test_forvantas_opens_the_learners_outcome_not_a_course_passive():
    r = analyse("Efter genomgången kurs förväntas den studerande känna till bokslutets struktur.")
    assert "teacher-centred" not in r.codes and "vague-verb" in r.codes, r


@pytest.mark.parametrize("text, verb", [
    ("Students will have the opportunity to practise interviewing clients.", "practise"),
    ("The student is given an opportunity to plan a small study.", "plan"),
    ("Opiskelija saa mahdollisuuden harjoitella asiakastyötä.", "harjoitella"),
    ("Studenten får möjlighet att öva på samtalsmetodik.", "öva"),
    ("This module enables participants to design assessment rubrics.", "design"),
])
def test_a_chance_the_course_gives_is_teacher_centred_in_all_three_languages(text, verb):
    """The course's statement, with the learner's verb and its level kept (as the labels of
    "ges möjlighet att" have it)."""
    r = analyse(text)
    assert "teacher-centred" in r.codes and lemmas(text) == [verb], r


@pytest.mark.parametrize("text", [
    "Lectures and seminars introduce the main theories.",
    "Undervisningen består av föreläsningar och seminarier.",
])
def test_teaching_as_the_subject_is_teacher_centred(text):
    assert "teacher-centred" in analyse(text).codes


@pytest.mark.parametrize("text, level", [
    ("tell how your values guide your work", "understand"),
    ("Opiskelija osaa kertoa, miten arvot ohjaavat työtä.", "understand"),
])
def test_telling_how_or_why_explains(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text, verbs", [
    ("Opiskelija on suunnitellut ja toteuttanut projektin.", ["suunnitella", "toteuttaa"]),
    ("Opiskelija on laatinut suunnitelman ja esitellyt sen.", ["laatia suunnitelma", "esitellä"]),
    ("Tiedät joitakin järjestelmiä ja olet kokeillut niiden käyttämistä.", ["tietää",
                                                                            "kokeilla"]),
    ("Kun opiskelija on suorittanut opintojakson, hän osaa laatia budjetin.", ["laatia"]),
    ("Suunnitellut toimenpiteet toteutetaan ryhmässä.", []),
])
def test_the_finnish_perfect_tense_is_what_the_learner_has_done(text, verbs):
    """"on suunnitellut" (has planned) after a form of "olla" is the learner's verb; the same
    participle describing a noun is not; "Kun opiskelija on suorittanut opintojakson" is the
    course preamble."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text, verbs", [
    ("Studenten ska kunna såväl muntligt som skriftligt presentera sitt arbete.", ["presentera"]),
    ("Studenten ska kunna, med hjälp av relevanta teorier, analysera organisationer.",
     ["analysera"]),
    ("Opiskelija osaa eettisesti kestävällä tavalla toimia asiakastilanteissa.", ["toimia"]),
    ("Opiskelija osaa yhdessä muiden kanssa suunnitella ja toteuttaa tapahtuman.",
     ["suunnitella", "toteuttaa"]),
    ("The student should, at a basic level, be able to produce legal documents.", ["produce"]),
])
def test_manner_adverbials_keep_the_frame_a_frame(text, verbs):
    """Good outcomes that were given "kunna"/"osaa" as a vague verb: the adverbial between the
    frame and its verb ("såväl muntligt som skriftligt", "kestävällä tavalla", a parenthetical
    between commas) is skipped; a preposition is never the frame's verb."""
    r = analyse(text)
    assert lemmas(text) == verbs and r.ok, r


@pytest.mark.parametrize("text, verbs", [
    ("visa kunskap om samspelet mellan hälsa samt funktionsförmåga i samhället", ["visa"]),
    ("göra approximationer av binomial- och hypergeometriska fördelningar", ["göra"]),
    ("tell what a cultural producer does and identify what skills are required",
     ["tell", "identify"]),
])
def test_coordination_joins_verbs_not_nouns_and_adjectives(text, verbs):
    """Swedish nouns and adjectives in -a ("funktionsförmåga", "hypergeometriska") are no
    infinitive after "och"; English "and identify what ..." leaves the clause before it."""
    assert lemmas(text) == verbs, analyse(text)


def test_word_salad_from_real_statements_never_raises():
    """Issue 13: 0 exceptions. Random sequences of the real statements' words and the words the
    rules look at ("samt" at the very end raised once)."""
    import random

    from microcred.outcomes import analyse_lines

    analyse("patients of att suunnitella miten instruktioner sekä")
    words = ("Studenten ska kunna samt sekä och ja and to att osaa hur som , ; : - • ( ) on is "
             "that for able will analysera planera kuvata describe plan the course kursen "
             "opintojakso tavoitteena syfte aim students opiskelija on suunnitellut").split()
    rng = random.Random(13)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 20)))
        analyse(text)
        analyse_lines(text.replace(";", "\n"))


@pytest.mark.parametrize("text, form", [
    ("visa kunskap och förståelse inom affärsrätt", "knowledge"),
    ("uppvisa fördjupad förståelse för gruppdynamiska processer", "knowledge"),
    ("Förklara de vanligaste normativa etiska teorierna.", "knowledge"),
    ("reflektera över etiska situationer inom vården", "judgement"),
    ("visa förmåga att planera ett projekt", "skills"),
])
def test_the_swedish_form_follows_the_verbs_own_object(text, form):
    """Higher Education Ordinance forms: "visa kunskap och förståelse" is knowledge whatever
    the level of "visa"; an ethical topic explained is knowledge, one reflected on judgement."""
    assert analyse(text, "sv").form == form


@pytest.mark.parametrize("text, level", [
    ("The student is able to perform profitability analysis.", "analyse"),
    ("Complete an in-depth critical analysis of a research paper.", "analyse"),
    ("Conduct an evaluation of a training programme.", "evaluate"),
    ("Studenten ska kunna genomföra en analys av företagets lönsamhet.", "analyse"),
    ("Conduct interviews with clients.", "apply"),
    ("Studenten ska kunna utföra mätningar av elektriska storheter.", "apply"),
    ("Carry out tasks with clients.", "unknown"),
    ("Studenten ska kunna välja verktyg för arbetet.", "unknown"),
    ("Studenten ska kunna diskutera etiska frågor i bedömning.", "understand"),
])
def test_a_light_verb_takes_the_level_of_the_analysis_it_performs(text, level):
    """Known label question of issue 13 ("perform ... analysis"): the labelling rule judges the
    verb with its object, so performing an analysis is analysing; only light verbs (perform,
    conduct, carry out, complete, do, make, genomföra, utföra, göra) take their noun's level;
    with no object that decides, an ambiguous verb's level is "unknown" (marked, not guessed),
    unless the lexicon names its main reading (discussing = understand, Kennedy 2006; of the
    14 abstentions of the older set and the tuning batches it turned into a level, 12 became
    the label's and one did not)."""
    assert analyse(text).bloom_level == level


def test_an_adverb_inside_a_vague_phrase_keeps_it_vague():
    """"be fully aware of" is "be aware of": English adverbs in -ly stand inside verb phrases."""
    r = analyse("Students will be fully aware of the risks of the method.")
    assert lemmas("Students will be fully aware of the risks of the method.") == ["be aware of"]
    assert "vague-verb" in r.codes


@pytest.mark.parametrize("text, level", [
    ("Identify the main stages of a project.", "remember"),
    ("Opiskelija osaa tunnistaa asiakkaan tarpeet.", "remember"),
    ("Studenten ska kunna identifiera vårdbehov.", "remember"),
    ("Identify the causes of project failure.", "analyse"),
    ("Studenten ska kunna identifiera orsakerna till ett problem.", "analyse"),
    ("Identify an appropriate method for a qualitative study.", "evaluate"),
    ("Opiskelija osaa tunnistaa tilanteeseen sopivan menetelmän.", "evaluate"),
    ("Identify and solve problems in software projects.", "apply"),
    ("Opiskelija osaa tunnistaa ja ratkaista ongelmia.", "apply"),
])
def test_identifying_is_recognising_unless_the_object_says_more(text, level):
    """The lexicon's main reading of "identify" (Anderson & Krathwohl 1.1 "recognizing
    (identifying)") is taken when no object cue decides, so the outcome is not left "unknown";
    causes analyse, a choice by criteria evaluates; joined to a higher verb, that verb decides."""
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


@pytest.mark.parametrize("american, british", [
    ("Synthesize findings from several studies.", "Synthesise findings from several studies."),
    ("The student can analyze survey data.", "The student can analyse survey data."),
    ("Students will be able to prioritize tasks.", "Students will be able to prioritise tasks."),
    ("Conceptualizing new services for clients.", "Conceptualising new services for clients."),
])
def test_american_spellings_are_the_same_verbs(american, british):
    a, b = analyse(american), analyse(british)
    assert [v.lemma for v in a.verbs] == [v.lemma for v in b.verbs] != [], (a, b)
    assert a.bloom_level == b.bloom_level and a.codes == b.codes, (a, b)


def test_visa_fardighet_i_att_is_a_frame():
    """"visa färdighet i att" as "visa förmåga att": the verbs after it are the learner's, "visa"
    is no second verb."""
    text = "visa färdighet i att självständigt planera och genomföra en mindre undersökning"
    assert lemmas(text) == ["planera", "genomföra"], analyse(text)


@pytest.mark.parametrize("text", [
    "It provides a conceptual framework for sustainable development.",
    "Graphic studios will focus on design briefs.",
    "Seminars will cover current research in the field.",
    "Centralt för kursen är utvecklingen av ett praktiskt projekt.",
    "Fokus ligger på kvalitativa metoder.",
    "Kursen har fokus på hållbar utveckling.",
    "Keskiössä ovat erityisesti sukupuoli ja etnisyys.",
    "Painopiste on laadullisissa menetelmissä.",
    "Opintojakson keskeisiä sisältöjä ovat hinnoittelu ja markkinointi.",
])
def test_what_the_course_centres_on_is_teacher_centred(text):
    """The teaching named without an article or as "it", and what the course centres on, in
    all three languages: the course's content, not the learner's outcome."""
    r = analyse(text)
    assert r.codes == ["teacher-centred"], r


def test_students_focusing_are_not_the_course():
    assert "teacher-centred" not in analyse("Students will focus on design briefs.").codes


@pytest.mark.parametrize("text, verbs", [
    ("Discuss the theories as they apply to practice.", ["discuss"]),
    ("Explore design tasks as they support the development of capability.", ["explore"]),
    ("Plan a project and act as a project leader.", ["plan", "act"]),
])
def test_as_with_a_pronoun_opens_a_clause_that_is_not_the_learners(text, verbs):
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text", [
    "Opiskelija osaa kuvata tekijät, jotka vaikuttavat asiakkaan päätöksiin.",
    "kuvata organisaation rakenteen",
])
def test_kuvata_is_describing_unless_its_object_is_filmed(text):
    r = analyse(text)
    assert r.bloom_level == "understand" and "ambiguous-verb" not in r.codes, r
    assert analyse("Opiskelija osaa kuvata videota.").bloom_level == "apply"


@pytest.mark.parametrize("text, verb", [
    ("Storyboard the scenes of a short film.", "storyboard"),
    ("Operationalize the key concepts of a study.", "operationalise"),
    ("Reconceptualize the relations of theory and practice.", "reconceptualize"),
])
def test_an_english_outcome_opening_with_a_verb_in_no_list(text, verb):
    """List entries quoted alone open with their verb: an article after the first word, or a
    verb's suffix (-ise, -ify), shows it is one, so the outcome has an action verb."""
    r = analyse(text)
    assert [v.lemma for v in r.verbs][:1] == [verb] and r.ok, r


@pytest.mark.parametrize("text", [
    "Expertise in project management.",
    "Knowledge of marketing principles.",
    "Mastery of the relevant techniques.",
])
def test_an_english_noun_phrase_still_has_no_action_verb(text):
    assert analyse(text).codes == ["no-action-verb"]


@pytest.mark.parametrize("text, level", [
    ("Opiskelija osaa ilmaista itseään kirjallisesti ja suullisesti.", "apply"),
    ("Studenten ska kunna uttrycka sig ledigt i tal.", "apply"),
    ("Express yourself clearly in academic English.", "apply"),
    ("Opiskelija osaa ilmaista keskeiset ajatukset omin sanoin.", "understand"),
    ("describe and motivate design decisions", "evaluate"),
    ("Motivate a team in a change project.", "apply"),
    ("retrieve information of relevance to nursing from scientific databases", "apply"),
])
def test_the_object_or_a_reflexive_decides_between_two_senses(text, level):
    """Expressing oneself in a language is using it (apply), expressing ideas interpreting;
    "motivate" in Nordic English is justify ("motivera"), motivating people an action;
    retrieving information from sources is searching, not recalling."""
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


@pytest.mark.parametrize("text", [
    "Kursens syfte är att studenterna ska förvärva grundläggande kunskaper om socialt arbete.",
    "Under denna termin skall studenten förvärva kunskap om rättens karaktär.",
    "efter genomgången kurs förväntas studenten tillägnat sig:\n• kunskap om rättsordningen,\n"
    "• fördjupad förståelse för gränsdragningsproblem",
])
def test_acquiring_knowledge_is_vague_in_every_form(text):
    """"förvärva kunskap", "tillägnat sig: kunskap om" (a supine after "förväntas") are "ha
    kunskap om"; a list whose opening carries the verb gives each noun-phrase entry that verb."""
    r = analyse(text)
    for part in r.items or (r,):
        assert [c for c in part.codes if c != "list-items"] == ["vague-verb"], part


@pytest.mark.parametrize("text, verbs", [
    ("Som språkvetare förstår du språkets betydelse och kan kritiskt granska språkanvändning.",
     ["förstå", "kritiskt granska"]),
    ("Efter kursen analyserar studenten marknadens struktur.", ["analysera"]),
])
def test_a_swedish_verb_before_its_learner_is_the_learners(text, verbs):
    """Verb-second order after an adverbial: the present-tense verb stands before "du"."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text", [
    "Dessutom syftar kursen till att introducera studenten till högskolestudier.",
    "Terminens kurser skall vidare ge fördjupade insikter i juridisk metod.",
    "Projektet ger studenterna kunskap om spelutveckling.",
    "Implementation of the project gives the student knowledge in the stages of game development.",
    "The engineering degree provides students with competence needed in engineering.",
    "1)to provide basic knowledge of the principles of operation of the devices",
    "Koulutus luo valmiudet tieteelliseen ajatteluun.",
])
def test_what_gives_the_learner_knowledge_is_the_course(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


def test_a_list_opening_with_an_adverbial_after_its_frame_lends_the_frame_to_its_items():
    """"kunna att utifrån forskning ... som presenteras i kursen:" then capitalised verbs: the
    adverbial is not the item's, "kunna" is a frame, not the vague verb."""
    text = ("Efter momentet förväntas studenten kunna att utifrån forskning och teoretiska "
            "perspektiv som presenteras i kursen:\n\n• Reflektera över skolans betydelse.\n"
            "• Redogöra för olika perspektiv på skolsociala problem.")
    items = analyse(text).items
    assert [[v.lemma for v in it.verbs] for it in items] == [["reflektera över"],
                                                             ["redogöra för"]], items
    assert all(it.ok for it in items), items


def test_a_list_of_one_entry_is_still_a_list():
    text = ("Skills and ability\nOn completion of the course, students should be able to:\n\n"
            "• retrieve information of relevance to nursing from scientific databases")
    r = analyse(text)
    assert len(r.items) == 1 and r.items[0].bloom_level == "apply", r


@pytest.mark.parametrize("text", [
    "Ett ytterligare syfte är att belysa och analysera kopplingen mellan teori och praktik.",
    "Vidare syftar utbildningen till en examen på magisternivå.",
    "The overall aim of the course is understanding the influence of society on nature.",
])
def test_an_aim_with_no_learner_is_the_courses(text):
    """"Syftet är att belysa ...", "The aim of the course is understanding ...": with no learner
    as the subject of its clause, an aim is the course's (as "The aim of the course is to present
    ..." in the labels of every set), and its verbs are not the learner's."""
    r = analyse(text)
    assert "teacher-centred" in r.codes and r.bloom_level is None, r


def test_an_aim_with_the_learner_as_subject_after_verb_second_order_is_the_learners():
    r = analyse("Därutöver syftar kursen till att studenterna ska förvärva kunskaper om "
                "sociala livsvillkor.")
    assert r.codes == ["vague-verb"], r


@pytest.mark.parametrize("text, verbs", [
    ("tillämpa teorier och insatser på individ-, grupp- och samhällsnivå", ["tillämpa"]),
    ("redogöra för historiska och samtida perspektiv på professionen", ["redogöra för"]),
    ("Students learn the central concepts and dangers that electricity can bring.", ["learn"]),
    ("understand what content production is and be able to implement it", ["understand",
                                                                          "implement"]),
    ("recognize the process and learn to take it into account in planning",
     ["recognise", "take into account"]),
])
def test_words_that_look_like_verbs_and_verbs_that_hide(text, verbs):
    """The end of a hyphenated compound ("grupp- och samhällsnivå") and an adjective in -a are
    no infinitives; a frame in a relative clause ("that electricity can bring") is not the
    learner's; "and be able to" after a "what" clause is the learner again; a pronoun may stand
    inside a phrasal verb ("take it into account")."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text, level", [
    ("knows how to differentiate elementary functions", "apply"),
    ("Knows how to integrate elementary functions", "apply"),
    ("Differentiate between qualitative and quantitative approaches.", "analyse"),
    ("Integrate knowledge from several fields in a design.", "create"),
])
def test_calculus_senses_are_procedures(text, level):
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


@pytest.mark.parametrize("text", [
    "Målet är att du ska fördjupa din förmåga att planera och leda projekt.",
    "An additional objective is for you to improve your ability to find new knowledge.",
    "Opiskelija osaa täydentää tietämystään.",
    "Opiskelet lisäksi asiakaskäyttäytymistä ja viestintää.",
])
def test_deepening_ones_ability_or_knowledge_is_vague(text):
    assert "vague-verb" in analyse(text).codes, analyse(text)


def test_lines_that_each_open_with_the_learner_are_a_list():
    text = ("The students will be aware of the legislation that regulates services.\n"
            "The students will be able to describe an age-friendly service structure.\n"
            "The students will be able to plan, implement and evaluate palliative nursing.")
    items = analyse(text).items
    assert [it.bloom_level for it in items] == [None, "understand", "create"], items


def test_parts_after_the_learner_parted_by_semicolons_are_a_list():
    """"The student is familiar with X; considers Y; can plan Z": each part continues "The
    student"."""
    text = ("The student is familiar with the examination process; can look for and critically "
            "assess information; can plan, effect and evaluate processes")
    items = analyse(text).items
    assert len(items) == 3 and items[0].codes == ["vague-verb"], items
    assert [it.bloom_level for it in items[1:]] == ["evaluate", "create"], items
    assert analyse("The student analyses data; this includes surveys.").items == ()


def test_a_wrapped_line_that_opens_with_a_slash_continues_its_item():
    text = ("After the training the student\n- Can describe the work duties of the OT\n"
            "- Can, as an outcome of an interview\n/discussion, report on the experience")
    items = analyse(text).items
    assert len(items) == 2 and items[1].text.endswith("report on the experience"), items


@pytest.mark.parametrize("text, verbs", [
    ("You can justify the decisions you make based on evidence.", ["justify"]),
    ("Explain the choices they make in practice.", ["explain"]),
    ("During the course you learn to evaluate patients' vitals.", ["evaluate"]),
    ("Yhteiskuntatieteiden perusopinnot suoritettuaan opiskelija oppii hallitsemaan "
     "keskeiset käsitteet.", ["hallita"]),
])
def test_clauses_and_frames_that_are_no_second_verb(text, verbs):
    """A pronoun right after a noun opens a relative clause ("the decisions you make"); "you
    learn to" is a frame, not the course teaching; "oppii" before "hallitsemaan" is a frame."""
    r = analyse(text)
    assert lemmas(text) == verbs and "multiple-verbs" not in r.codes, r
    assert "teacher-centred" not in r.codes, r


@pytest.mark.parametrize("text, level", [
    ("identify the impact of logistics on the company's profitability", "analyse"),
    ("Studenten ska kunna identifiera samband mellan kost och hälsa.", "analyse"),
    ("Opiskelija osaa tunnistaa toimenpiteiden vaikutukset.", "analyse"),
])
def test_identifying_an_impact_or_a_relation_is_analysing(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text", [
    "Studenten ska efter avslutad kurs inneha kunskap om elektriska komponenter.",
    "Syftet är att den studerande ska vidareutveckla kliniska färdigheter.",
    "Målet är att den studerande utvecklar och fördjupar sina kunskaper inom taluppfattning.",
    "The student is proficient in error-free medication calculations.",
    "At the end of the course the student is expected\nto have the written language "
    "proficiency in Finnish.",
])
def test_more_forms_of_having_knowledge(text):
    r = analyse(text)
    assert [c for c in r.codes if c != "list-items"] == ["vague-verb"], r


def test_what_the_course_includes_is_the_courses():
    r = analyse("I detta ingår grundläggande komponentkännedom och olika analysmetoder.")
    assert r.codes == ["teacher-centred"], r
    r = analyse("beskriva syftet med de algoritmer som ingår i kursen")
    assert "teacher-centred" not in r.codes, r


@pytest.mark.parametrize("text, verbs", [
    ("assess the abilities of the elderly and identify capability risk factors",
     ["assess", "identify"]),
    ("promote the health of the elderly and implement nursing in a safe manner",
     ["promote", "implement"]),
    ("evaluate a range of literature and research", ["evaluate"]),
    ("describe the principles of marketing and design", ["describe"]),
])
def test_after_of_a_verb_that_is_no_common_noun_is_the_next_verb(text, verbs):
    """"of X and identify Y": a listed verb in its base form that is no common noun, before its
    object, starts the learner's next action; "and research", "and design" stay nouns."""
    assert lemmas(text) == verbs, analyse(text)


@pytest.mark.parametrize("text, verbs", [
    ("describe work orientations and work practices of social work", ["describe"]),
    ("You become familiar with the ethical principles, work orientations and methods.",
     ["become familiar with"]),
    ("Collect data, analyse and report results to a client.", ["collect", "analyse", "report"]),
])
def test_a_verb_that_is_a_common_noun_after_a_noun_is_a_noun(text, verbs):
    assert lemmas(text) == verbs, analyse(text)


def test_a_slashed_possessive_keeps_developing_skills_vague():
    r = analyse("The aim of the course is for the student to deepen and develop her/his skills "
                "in psychological method.")
    assert "vague-verb" in r.codes, r


@pytest.mark.parametrize("text, form", [
    ("redogöra för etiska begrepp, teorier och principer", "knowledge"),
    ("förhålla sig till etiska frågor i vården", "judgement"),
])
def test_a_judgement_cue_next_to_an_explaining_verb_is_its_topic(text, form):
    """"redogöra för etiska begrepp" explains ethics (knowledge); the cue counts as acted only
    when it is the verb itself ("förhålla sig")."""
    assert analyse(text, "sv").form == form


@pytest.mark.parametrize("text, verbs, codes", [
    ("Du lär dig grunderna i programmering.", ["lära sig"], ["vague-verb"]),
    ("Studenten ska kunna visa förmåga att samarbeta.", ["samarbeta"], []),
    ("The student is able to collaborate.", ["collaborate"], []),
    ("Opiskelija osaa työskennellä.", ["työskennellä"], []),
    ("Inom kursen tränas studenten i att analysera data.", ["analysera"], ["teacher-centred"]),
])
def test_reflexives_intransitives_and_the_trained_learner(text, verbs, codes):
    """Swedish "dig/mig/oss" stand for "sig" in a lexicon phrase; an intransitive verb at the
    end has no object to name (no no-object error); "tränas studenten" is the course training
    the learner (verb-second order)."""
    r = analyse(text)
    assert lemmas(text) == verbs and r.codes == codes, r


@pytest.mark.parametrize("text, level", [
    ("Opiskelija osaa esitellä tuloksia.", "apply"),
    ("Opiskelija osaa esitellä keskeiset teoriat.", "understand"),
])
def test_esitella_follows_its_object_as_esittaa(text, level):
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


def test_a_one_line_list_with_inline_bullets_and_no_colon_is_split():
    text = ("After passing this course the students should • Possess the basic skills involved in "
            "analyzing reports. • Be able to describe the content of the balance sheet. • "
            "Understand the relationship of reporting to governance.")
    assert [it.bloom_level for it in analyse(text).items] == [None, "understand", None]


@pytest.mark.parametrize("text, level", [
    ("In the written test you are able to determine doses of medication without mistakes.",
     "apply"),
    ("Determine the best course of action in a crisis.", "evaluate"),
    ("Opiskelija osaa määrittää sähkökentän voimakkuuden.", "apply"),
    ("Opiskelija osaa määrittää keskeiset käsitteet.", "remember"),
    ("Osaa derivoida ja integroida vektorimuotoisia funktioita.", "apply"),
    ("identifiera likheter och skillnader mellan professioner", "analyse"),
    ("göra en teoretisk granskning av klinisk forskning", "evaluate"),
])
def test_the_object_decides_determining_calculating_and_comparing(text, level):
    """Determining a quantity is a procedure, a course of action a judgement; calculus is
    applied; identifying similarities and differences analyses; a review made evaluates."""
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


@pytest.mark.parametrize("text", [
    "The aim of the degree programme in music is to prepare music instructors for careers.",
    "The interpretation of business transactions is also taught in this course.",
    "The approach enables students to see how accounting information is used.",
    "Inledningsvis behandlar kursen lekens betydelse ur olika perspektiv.",
    "Kursens syftar till att utveckla studentens förmåga att göra en granskning.",
])
def test_still_more_ways_of_saying_what_the_course_does(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


@pytest.mark.parametrize("text", [
    "The student enhances his/her spoken Finnish skills related to professional topics.",
    "The students deepen their basic vocational skills and knowledge.",
])
def test_developing_skills_with_three_words_between_is_vague(text):
    assert "vague-verb" in analyse(text).codes, analyse(text)


def test_an_adverbial_opened_by_utgaende_fran_keeps_kan_a_frame():
    text = "Du kan utgående från patientens symptom välja och utföra lämpliga vårdaktiviteter."
    r = analyse(text)
    assert lemmas(text) == ["välja", "utföra"] and "vague-verb" not in r.codes, r


@pytest.mark.parametrize("text, level", [
    ("critically analyse economic conditions and development tendencies", "analyse"),
    ("Be able to describe the content and identify the links between the balance sheet and "
     "the income statement.", "analyse"),
])
def test_critical_analysis_analyses_and_links_identified_are_relations(text, level):
    assert analyse(text).bloom_level == level


@pytest.mark.parametrize("text", [
    "After completing the course, the students will have an experience of completing a design "
    "project in a team.",
    "They have experience of conducting context studies.",
    "The student has a command of basic skills within clinical care.",
    "Inom hälsovårdarstudier fördjupar och breddar studerande sin kunskap i hälsofrämjande arbete.",
])
def test_experience_and_command_had_are_vague(text):
    assert "vague-verb" in analyse(text).codes, analyse(text)


@pytest.mark.parametrize("text", [
    "The aims of the course are to identify and review current developments in a sport.",
    "The course should give a multidisciplinary foundation around physical activity and health.",
    "To provide the student with good mathematical readiness for further studies.",
    "Kriminologiprogrammet lär dig att kartlägga, analysera och förebygga brott.",
    "Civilingenjörsprogrammet i mjukvaruteknik kommer förse studenter med färdigheter.",
])
def test_the_course_in_plural_aims_modals_and_compounds(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


@pytest.mark.parametrize("text, teacher", [
    ("Under utbildningen lär du dig också att integrera olika perspektiv.", False),
    ("I kursen studerar studenten analys och design av algoritmer.", True),
])
def test_a_learner_who_learns_to_after_i_kursen_is_the_learner(text, teacher):
    """"lär du dig att integrera" is the learner's frame; what the learner studies in the
    course is the course's content (the tuning half's label)."""
    r = analyse(text)
    assert ("teacher-centred" in r.codes) == teacher, r
    if not teacher:
        assert lemmas(text) == ["integrera"], r


@pytest.mark.parametrize("text, verbs", [
    ("använda exakta lösningsmetoder för linjära, homogena och inhomogena ekvationer",
     ["använda"]),
    ("describe the empirical support for the perspectives that you chose to compare",
     ["describe"]),
    ("understands the value of purchasing and that they can use inventory tools",
     ["understand", "use"]),
    ("identify key differences between engineering and design work", ["identify"]),
])
def test_parallel_adjectives_relative_clauses_and_gerund_nouns(text, verbs):
    assert lemmas(text) == verbs, analyse(text)


def test_as_after_a_frame_is_no_verb():
    text = "Can, as an outcome of an interview, report on the experience of the person."
    assert lemmas(text) == ["report"], analyse(text)


@pytest.mark.parametrize("text", [
    "inta ett kritiskt och analytiskt förhållningssätt till vetenskapliga texter",
    "Målet är att studenten skall förvärva ett medvetet förhållningssätt till rättens roll.",
    "ett självständigt och kritiskt förhållningssätt.",
    "A professional attitude towards clients and colleagues.",
])
def test_an_attitude_with_no_action_gets_a_note_and_no_level(text):
    """The labelling rules: an attitude ("förhållningssätt") stated with no action has no Bloom
    level and costs nothing; the note says how to make it assessable, in the screen language."""
    r = analyse(text)
    assert r.codes == ["attitude"] and r.bloom_level == "unknown" and r.ok, r
    for lang, words in (("en", "states an attitude"), ("fi", "kuvaa asennetta"),
                        ("sv", "inte en handling")):
        assert words in r.report(lang), r.report(lang)


@pytest.mark.parametrize("text, level", [
    ("reflektera över ett professionellt förhållningssätt", "evaluate"),
    ("visa prov på ett didaktiskt förhållningssätt", "apply"),
])
def test_an_attitude_acted_on_takes_the_level_of_its_verb(text, level):
    r = analyse(text)
    assert "attitude" not in r.codes and r.bloom_level == level, r


@pytest.mark.parametrize("text, codes", [
    ("Competence objectives of the study unit\n-understand the role of logistics in a company\n"
     "-know about different forms of transportation", [["vague-verb"], ["vague-verb"]]),
    ("Having completed this study unit\n\n• You know the basics of bookkeeping.\n"
     "• You calculate the taxable income.", [["vague-verb"], []]),
])
def test_a_title_or_preamble_with_no_learner_is_not_prefixed_to_the_items(text, codes):
    """A line with no frame and no learner before a list ("Competence objectives of the study
    unit", "Having completed this study unit") is a title: the items stand alone."""
    items = analyse(text).items
    assert [[c for c in it.codes if c not in ("unknown-verb", "ambiguous-verb")]
            for it in items] == codes, items


@pytest.mark.parametrize("text", [
    "Statsvetenskap ger dig kunskap om centrala politiska problem och begrepp.",
    "Fokus i kursen ligger på självständig analys av teoretiska texter.",
    "Teorier om bland annat demokrati, frihet och makt förklaras och diskuteras.",
    "Farmaseutin tutkinnon tavoitteena on kouluttaa farmaseuttisia asiantuntijoita.",
])
def test_course_statements_of_the_sixth_part(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


def test_a_passive_pair_in_a_how_clause_is_the_learners_topic():
    r = analyse("Diskutera hur resultaten av läkemedelsstudier ska tolkas och värderas.")
    assert "teacher-centred" not in r.codes, r


def test_becoming_aware_is_vague():
    assert "vague-verb" in analyse("bli medveten om effekter av förändring i verksamheter").codes


@pytest.mark.parametrize("text, codes", [
    ("In this course you will learn about the factors affecting functioning capacity.",
     ["vague-verb"]),
    ("Käsität farmasian alan kokonaisuuden.", ["vague-verb"]),
    ("ha tillägnat sig en medvetenhet om hur värderingar konstrueras", ["vague-verb"]),
    ("Kursen är fristående och syftar till att skapa förutsättningar för vidare studier.",
     ["teacher-centred"]),
])
def test_learning_about_comprehending_and_awareness_are_vague(text, codes):
    """"you will learn about" is the learner's vague verb, not the course (the labels of both
    fresh batches); käsittää = comprehend; medvetenhet acquired is "vara medveten om"."""
    assert analyse(text).codes == codes, analyse(text)


@pytest.mark.parametrize("text, level", [
    ("is able to draw up the financial statements of a small company", "apply"),
    ("draw up a marketing strategy for a start-up", "create"),
])
def test_draw_up_follows_its_object_as_prepare(text, level):
    assert analyse(text).bloom_level == level


def test_an_s_form_after_and_before_an_article_is_a_verb():
    text = "The student is able to identify the factors affecting plant growth and knows the basics."
    r = analyse(text)
    assert lemmas(text) == ["identify", "know"] and "vague-verb" in r.codes, r
    assert lemmas("The student can explain concepts, theories and models.") == ["explain"]


@pytest.mark.parametrize("text, verb", [
    ("precisera kvalitetskrav som säkerställer en god arkivvård", "precisera"),
    ("tillgängliggöra handlingar genom att upprätta metadata", "tillgängliggöra"),
])
def test_a_swedish_entry_opening_with_an_infinitive_in_no_list_has_an_action_verb(text, verb):
    r = analyse(text, "sv")
    assert [v.lemma for v in r.verbs][:1] == [verb] and r.ok, r


def test_a_learner_between_the_frame_and_its_verb_keeps_the_frame():
    text = "Efter genomgången kurs kan studenten självständigt tillämpa journalistiska metoder."
    r = analyse(text)
    assert lemmas(text) == ["tillämpa"] and r.ok, r


@pytest.mark.parametrize("text", [
    "Frågor som rör journalisters integritet och källskydd tas upp.",
    "The Degree Programme in Logopedics provides students with qualifications to work.",
    "The objective of the Basic Studies in Logopedics is to educate multidisciplinary experts.",
    "This Master's programme gives you in-depth knowledge about tourism.",
    "The second year focuses on developing professional interaction skills.",
])
def test_course_statements_of_the_seventh_part(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


@pytest.mark.parametrize("text, level", [
    ("provide an overview of the laws regulating Swedish forestry", "understand"),
    ("Provide a detailed description of the principles of good administration.", "understand"),
    ("provide feedback to peers on their drafts", "apply"),
])
def test_providing_an_overview_explains(text, level):
    r = analyse(text)
    assert r.bloom_level == level and "ambiguous-verb" not in r.codes, r


@pytest.mark.parametrize("text", [
    "The aim of our degree programme is to train skilful entrepreneurs to act in all sectors.",
    "Sophiahemmet Högskola utbildar sjuksköterskor som är väl förberedda.",
    "Turun AMK:n Master School valmistaa asiantuntijoita alansa kehittäjiksi.",
    "I huvudområdet oral hälsovetenskap ligger tyngdpunkten på förebyggande arbete.",
    "Practical course activities focus on methods and measurements.",
    "This course will qualify the student for further studies.",
])
def test_course_statements_of_the_eighth_part(text):
    assert "teacher-centred" in analyse(text).codes, analyse(text)


def test_the_swedish_supine_of_forsta_is_vague():
    assert "vague-verb" in analyse("Att han eller hon har förstått den internationella rättens "
                                   "underbyggnad.").codes


def test_lines_ending_in_semicolons_under_an_opening_are_items():
    """The opening carries the verbs ("redogöra för och diskutera:"); each line ending in ";"
    is an entry, even in lower case (it does not continue the line above)."""
    text = ("Efter genomgången kurs förväntas den studerande kunna översiktligt redogöra för och "
            "diskutera:\n\nDen politiska idéhistorien;\n\nden politiska styrelsen i Sverige;\n\n"
            "det politiska deltagandets variationer;")
    assert len(analyse(text).items) == 3, analyse(text)


def test_commas_part_items_and_och_joins_verbs_of_one_item():
    text = ("Efter avslutad kurs förväntas studenten kunna: beskriva symptom samt föreslå "
            "behandling av skador, urskilja uppkomstmekanismer och föreslå åtgärder, förklara "
            "effekter av träning")
    items = analyse(text).items
    assert [[v.lemma for v in it.verbs] for it in items][:2] == [
        ["beskriva", "föreslå"], ["urskilja", "föreslå"]], items


@pytest.mark.parametrize("text", [
    "ability to summarise, present and discuss own and other students’ reports",
    "Opiskelija osaa referoida, kommentoida ja argumentoida.",
])
def test_a_possessives_noun_and_verbs_that_need_no_object(text):
    r = analyse(text)
    assert "no-object" not in r.codes, r


def test_an_adverb_inside_a_swedish_particle_verb():
    r = analyse("känner väl till principerna för den kommunala självstyrelsen")
    assert [v.lemma for v in r.verbs] == ["känna till"] and r.codes == ["vague-verb"], r
