"""The design file: one section at a time, comments kept, atomic saves, migrations, one check."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
import yaml

from microcred import design, files
from microcred.alignment import Alignment
from microcred.commissioned import model_from_dict
from microcred.credential import example, examples
from microcred.design import _file, _splice
from microcred.errors import UserError
from microcred.i18n import LANGUAGES
from microcred.needs import sample_canvas
from microcred.pathways import Pathway
from microcred.qa import SelfAssessment
from microcred.workload import Workload
from tests.helpers.paths import REPO

EXAMPLES = REPO / "microcred" / "examples"
CAPSTONE = EXAMPLES / "capstone-example.yaml"
DATA = REPO / "tests" / "data" / "design"


def plain(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def tool_sections() -> dict[str, object]:
    """What each tool of the course writes into its section (from the tools' own to_dict)."""
    capstone = design.load(CAPSTONE)
    desc = example("capstone-example").to_dict()
    desc.pop("outcomes")
    return {
        "credential": desc,
        "outcomes": [{"id": "LO1", "text": "The participant can analyse the needs of a client."},
                     {"id": "LO2", "text": "Osallistuja osaa laatia kuvauksen."}],
        "workload": Workload.from_dict(capstone["workload"]).to_dict(),
        "alignment": Alignment.from_dict(capstone["alignment"], capstone["outcomes"]).to_dict(),
        "pathway": Pathway.from_dict(capstone["pathway"]).to_dict(),
        "needs": sample_canvas().to_dict(),
        "commissioned": model_from_dict({"roles": [{"role": "teacher", "hours": 60, "rate": 85}],
                                         "participants": 16, "overhead_pct": 40}).to_dict(),
    }


# --- starting a file ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_in_each_language_is_an_empty_design_in_that_language(tmp_path, lang):
    """Every section is there, nothing is started, and the messages come in the language."""
    path = design.new_design(tmp_path / "mine", lang, title="Data: literacy")
    assert path.name == "mine.yaml"
    doc = design.load(path)
    assert doc["schema_version"] == design.SCHEMA_VERSION
    assert set(design.SECTIONS) <= set(doc)
    assert doc["credential"]["title"] == "Data: literacy" and design.language_of(doc) == lang
    report = design.check_file(path)
    assert report.language == lang
    assert report.part("credential").status == "errors"  # started: the title is given
    assert {p.name: p.status for p in report.parts if p.name != "credential"} == dict.fromkeys(
        [n for n in design.PARTS if n != "credential"], "not started")
    assert len(comments(path.read_text(encoding="utf-8"))) > 20  # guidance for non-programmers


def test_a_new_file_never_replaces_an_existing_one_unless_forced(tmp_path):
    path = design.new_design(tmp_path / "mine.yaml")
    design.write_section(path, "outcomes", [{"id": "LO1", "text": "Mine."}])
    with pytest.raises(UserError, match="already exists"):
        design.new_design(path)
    assert design.read_section(path, "outcomes") == [{"id": "LO1", "text": "Mine."}]
    design.new_design(path, force=True)
    assert design.read_section(path, "outcomes") == []


# --- writing one section -----------------------------------------------------------------------


@pytest.mark.parametrize("section", design.SECTIONS)
def test_each_tool_writes_its_section_and_leaves_the_others_and_every_comment(tmp_path, section):
    """Round trip from the template: the section reads back as written; the other sections,
    every comment of the file and the order of the section's own keys stay."""
    path = design.new_design(tmp_path / "mine.yaml")
    before_text = path.read_text(encoding="utf-8")
    before = plain(path)
    value = tool_sections()[section]
    design.write_section(path, section, value)
    after_text = path.read_text(encoding="utf-8")
    after = plain(path)
    assert _splice.without_blanks(after[section]) == _splice.without_blanks(_splice.plain(value))
    for other in design.SECTIONS:
        if other != section:
            assert after[other] == before[other], other
    assert set(comments(before_text)) <= set(comments(after_text))
    if isinstance(before[section], dict):  # keys that were there keep their order
        kept = [k for k in after[section] if k in before[section]]
        assert kept == [k for k in before[section] if k in after[section]]


def test_the_credential_reads_back_as_the_same_description(tmp_path):
    """What the builder saves is the description the credential module reads."""
    path = design.new_design(tmp_path / "mine.yaml")
    design.write_sections(path, {"credential": tool_sections()["credential"],
                                 "outcomes": design.load(CAPSTONE)["outcomes"]})
    assert design.description(design.load(path)) == example("capstone-example")


def test_comments_inside_a_section_survive_a_rewrite_of_that_section(tmp_path):
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    text = path.read_text(encoding="utf-8").replace(
        "  credits: 3\n  weeks: 10\n", "  credits: 3  # agreed with the employer\n"
        "  # ten weeks in spring\n  weeks: 10\n", 1)
    path.write_text(text, encoding="utf-8")
    workload = design.read_section(path, "workload")
    workload["activities"][0]["hours"] = 9
    workload["activities"] = workload["activities"][:-1]  # the last item goes
    design.write_section(path, "workload", workload)
    new = path.read_text(encoding="utf-8")
    assert "credits: 3  # agreed with the employer" in new
    assert "# ten weeks in spring" in new
    assert "# Alignment: the activities take their hours from the workload by name." in new
    assert design.read_section(path, "workload") == workload


def test_only_the_lines_of_the_written_section_change(tmp_path):
    """Byte for byte: everything before and after the section is the file as it was."""
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    original = path.read_text(encoding="utf-8")
    pathway = design.read_section(path, "pathway")
    pathway["credentials"][1]["credits"] = 3
    design.write_section(path, "pathway", pathway)
    new = path.read_text(encoding="utf-8")
    head, tail = original.split("\npathway:\n")[0], original.split("\n# Working-life needs")[1]
    assert new.startswith(head) and new.endswith(tail)
    assert "- {id: MC2, title: Safety in client homes, credits: 3}" in new


def test_writing_the_same_section_again_changes_nothing(tmp_path):
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    for section in design.SECTIONS:
        design.write_section(path, section, design.read_section(path, section))
    assert path.read_text(encoding="utf-8") == CAPSTONE.read_text(encoding="utf-8")


def test_a_missing_section_is_added_in_its_place_and_a_missing_file_is_started(tmp_path):
    path = tmp_path / "flat.yaml"
    path.write_text("schema_version: 1\ncredential:\n  title: A\n\nneeds:\n  sector: x\n",
                    encoding="utf-8")
    design.write_section(path, "outcomes", [{"id": "LO1", "text": "B."}])
    assert list(plain(path)) == ["schema_version", "credential", "outcomes", "needs"]
    fresh = design.write_section(tmp_path / "new.yaml", "workload", {"convention": "se"},
                                 lang="sv")
    assert plain(fresh)["credential"]["language"] == "sv"  # started from the Swedish template
    assert plain(fresh)["workload"]["convention"] == "se"


def test_text_that_yaml_1_1_would_misread_is_quoted(tmp_path):
    """Norway's code, "yes", a date-like code and "1.0" stay text for every tool (PyYAML)."""
    path = design.new_design(tmp_path / "mine.yaml")
    tricky = {"title": "yes", "country": "NO", "code": "2026-01-01", "grading": "1.0",
              "summary": "First line\nsecond line: with a colon # and a hash"}
    design.write_section(path, "credential", tricky)
    got = design.read_section(path, "credential")
    assert {k: got[k] for k in tricky} == {**tricky, "summary": tricky["summary"] + "\n"}


def test_flow_style_and_unindented_lists_are_handled(tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text("{credential: {title: A}, outcomes: []}\n", encoding="utf-8")
    design.write_section(flow, "outcomes", [{"id": "LO1", "text": "B."}])
    assert design.load(flow)["credential"] == {"title": "A"}
    assert design.read_section(flow, "outcomes") == [{"id": "LO1", "text": "B."}]
    dumped = tmp_path / "dumped.yaml"  # as yaml.safe_dump writes: list items not indented
    dumped.write_text(yaml.safe_dump({"outcomes": [{"id": "LO1", "text": "A."}],
                                      "workload": {"activities": []}}), encoding="utf-8")
    design.write_section(dumped, "outcomes", [{"id": "LO1", "text": "A."},
                                              {"id": "LO2", "text": "C."}])
    assert "\n- id: LO2\n" in dumped.read_text(encoding="utf-8")


def test_outcome_ids_are_kept_when_outcomes_move_or_change():
    previous = [{"id": "LO1", "text": "A."}, {"id": "LO7", "text": "B."}]
    assert design.number_outcomes(["B.", "A changed.", "New."], previous) == [
        {"id": "LO7", "text": "B."}, {"id": "LO1", "text": "A changed."},
        {"id": "LO2", "text": "New."}]


# --- atomic saves --------------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_that_fails_half_way_leaves_the_earlier_file_whole(tmp_path, monkeypatch):
    """The disk fills up in the middle of writing: the file is as it was, no temp file left."""
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    before = path.read_bytes()

    def half_then_fail(fh, text):
        fh.write(text[: len(text) // 2])
        fh.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_write", half_then_fail)
    with pytest.raises(UserError, match="No space left on device.*unchanged"):
        design.write_section(path, "outcomes", [{"id": "LO1", "text": "New."}])
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_dump_that_raises_leaves_the_file_untouched(tmp_path, monkeypatch):
    from ruamel.yaml import YAML

    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    before = path.read_bytes()

    def broken_dump(self, data, stream, **kw):
        stream.write("credential:\n  title: half")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(YAML, "dump", broken_dump)
    with pytest.raises(RuntimeError):
        design.write_section(path, "workload", {"convention": "fi"})
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_keeps_the_file_and_a_failed_first_save_leaves_none(tmp_path,
                                                                             monkeypatch):
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(13, "denied")))
    with pytest.raises(UserError):
        design.write_section(path, "outcomes", [])
    with pytest.raises(UserError):
        design.new_design(tmp_path / "other.yaml")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


# --- what cannot be read ------------------------------------------------------------------------


@pytest.mark.parametrize("text, words", [
    ("credential:\n  title: x\n\tlevel: 6\n", ["line 3", "tab"]),
    ("outcomes: [a, b\n", ["line 2"]),
    ("credential: {title: 'open\n", ["line"]),
    ("- just\n- a list\n", ["not a design file"]),
    ("schema_version: 99\n", ["newer version", "99"]),
    ("schema_version: one\n", ["whole number"]),
])
def test_broken_files_are_user_errors_that_say_where(tmp_path, text, words):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    for action in (lambda: design.load(path),
                   lambda: design.write_section(path, "outcomes", [])):
        with pytest.raises(UserError) as err:
            action()
        for word in words:
            assert word in str(err.value)
    assert path.read_text(encoding="utf-8") == text  # a broken file is never overwritten


def test_a_name_written_twice_is_refused_on_saving_with_its_line(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text("credential:\n  title: A\n  title: B\n", encoding="utf-8")
    with pytest.raises(UserError, match="twice"):
        design.write_section(path, "outcomes", [])


def test_missing_folder_binary_and_messages_in_the_participants_language(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        design.load(tmp_path / "none.yaml")
    with pytest.raises(UserError, match="tiedostoa ei ole"):
        design.load(tmp_path / "none.yaml", lang="fi")
    with pytest.raises(UserError, match="folder"):
        design.load(tmp_path)
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(UserError, match="UTF-8"):
        design.load(tmp_path / "bin.yaml")


# --- versions ------------------------------------------------------------------------------------


def test_a_version_0_description_is_migrated_into_sections():
    """The first examples were flat descriptions: they read as a version-1 design file whose
    credential is the same description."""
    flat = EXAMPLES / "machine-vision.yaml"
    assert "schema_version" not in plain(flat)
    doc = design.load(flat)
    assert doc["schema_version"] == 1
    assert list(doc) == ["schema_version", "credential", "outcomes"]
    assert doc["credential"]["workload"] == {"ects": 5, "hours": 135, "convention": "fi"}
    assert design.description(doc) == example("machine-vision")


def test_migrating_on_save_writes_the_new_version_and_keeps_the_comments(tmp_path):
    path = tmp_path / "mv.yaml"
    shutil.copy(EXAMPLES / "machine-vision.yaml", path)
    header = comments(path.read_text(encoding="utf-8"))
    design.write_section(path, "workload", {"convention": "fi", "credits": 5, "activities": [
        {"name": "Live sessions", "kind": "contact", "hours": 12}]})
    text = path.read_text(encoding="utf-8")
    assert text.startswith(header[0])
    assert set(header) <= set(comments(text))
    doc = plain(path)
    assert doc["schema_version"] == 1 and doc["credential"]["title"].startswith("Machine vision")
    assert doc["workload"]["activities"][0]["hours"] == 12
    assert design.description(design.load(path)) == example("machine-vision")


def test_a_version_0_file_with_sections_only_gains_the_version():
    doc = design.load(DATA / "microcredential.yaml")
    assert doc["schema_version"] == 1
    assert {k: v for k, v in doc.items() if k != "schema_version"} == plain(
        DATA / "microcredential.yaml")


def test_migrations_run_in_order_from_the_registry(monkeypatch):
    """A future format: version 1 -> 2 registered as a function; a v0 file goes 0 -> 1 -> 2."""
    def migrate_1_to_2(doc):
        doc["needs"] = {"organisation": doc.get("needs", {}).get("organisation", "")}
        return doc

    monkeypatch.setitem(design.MIGRATIONS, 1, migrate_1_to_2)
    doc, applied = design.migrate({"title": "Flat", "needs": {"organisation": "X", "sector": "y"}},
                                  target=2)
    assert applied == [0, 1] and doc["schema_version"] == 2
    assert doc["credential"] == {"title": "Flat"} and doc["needs"] == {"organisation": "X"}
    with pytest.raises(UserError, match="newer"):
        design.migrate({"schema_version": 3}, target=2)


# --- the combined check -------------------------------------------------------------------------


@pytest.mark.parametrize("name", examples())
def test_the_combined_check_runs_on_every_example(name):
    """No part unreadable, no errors; the full design files have every part."""
    report = design.check_file(EXAMPLES / f"{name}.yaml")
    statuses = {p.name: p.status for p in report.parts}
    assert report.ok, design.format_text(report)
    assert "cannot be read" not in statuses.values()
    assert statuses["credential"] == "ok" and statuses["outcomes"] == "ok"
    if "schema_version" in plain(EXAMPLES / f"{name}.yaml"):
        assert all(p.started for p in report.parts if p.name in ("needs", "workload",
                                                                  "alignment", "consistency"))
    assert report.title == example(name).title


def test_the_capstone_example_is_complete_with_its_self_assessment():
    report = design.check_file(CAPSTONE)
    assert all(p.status in ("ok", "warnings") for p in report.parts)
    assert report.part("qa").status == "ok"  # capstone-example.qa.json beside it
    assert report.part("consistency").findings[0].code == "uncovered"  # N4, N5: on purpose
    assert 11 <= report.score() <= 12


def test_a_broken_section_is_reported_without_hiding_the_others():
    doc = design.load(CAPSTONE)
    doc["workload"] = {"activities": "a lot"}
    doc["needs"] = ["not", "a", "canvas"]
    report = design.check(doc)
    assert report.part("workload").status == "cannot be read"
    assert report.part("needs").status == "cannot be read"
    assert report.part("alignment").status == "ok" and report.part("credential").status == "ok"
    assert not report.ok and report.part("workload").score == 0


def test_cross_checks_compare_credits_hours_and_the_pathway():
    doc = design.load(CAPSTONE)
    doc["credential"]["workload"] = {"ects": 4, "hours": 100, "convention": "ects"}
    codes = [f.code for f in design.check(doc).part("consistency").findings]
    assert {"hours-differ", "credits-differ", "convention-differ", "pathway-credits"} <= set(codes)


def test_scores_follow_the_parts():
    report = design.check(design.load(DATA / "microcredential.yaml"))
    assert report.part("needs").score == 0  # not started
    assert report.part("workload").score == 1
    assert 0 < report.part("credential").score < 0.3  # two of nine elements, a warning
    assert report.score({"workload": 2, "needs": 5}) == 2


def test_the_html_report_is_one_file_with_charts_and_escaped_text():
    doc = design.load(CAPSTONE)
    doc["credential"]["title"] = "<script>alert(1)</script>"
    html = design.report_html(design.check(doc, source="x.yaml"))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert html.count('<img src="data:image/png;base64,') >= 5
    assert 'src="http' not in html and "<link" not in html
    assert html.count('alt="') == html.count("<img ")


def test_the_report_speaks_the_designs_language():
    doc = design.load(CAPSTONE)
    text = design.format_text(design.check(doc, lang="fi"))
    assert "Osaamistavoitteet" in text and "kunnossa" in text


def test_the_self_assessment_is_kept_beside_with_earlier_versions(tmp_path):
    path = tmp_path / "mine.yaml"
    assert design.qa_path(path).name == "mine.qa.json" and design.load_qa(path) is None
    design.save_qa(path, SelfAssessment(credential="Mine", assessed_on="2026-01-10",
                                        answers={"quality.review": 2}))
    design.save_qa(path, SelfAssessment(credential="Mine", assessed_on="2026-03-01",
                                        answers={"quality.review": 3}))
    assert design.load_qa(path).score("quality.review") == 3
    earlier = tmp_path / "mine.qa.2026-01-10.json"
    assert json.loads(earlier.read_text(encoding="utf-8"))["answers"] == {"quality.review": 2}


def test_a_damaged_self_assessment_is_kept_before_a_new_one_replaces_it(tmp_path):
    """Regression (issue 15, item 11): a NAME.qa.json that failed to load was overwritten on
    the next save with no backup."""
    path = tmp_path / "mine.yaml"
    damaged = b'{"answers": {"quality.review": 3}, "notes": {"quality.review": "cut off'
    design.qa_path(path).write_bytes(damaged)
    result = design.save_qa(path, SelfAssessment(credential="Mine", answers={"quality.review": 1}))
    assert result.saved == ("qa",) and len(result.backups) == 1
    assert result.backups[0].name.startswith("mine.qa.unreadable-")
    assert result.backups[0].read_bytes() == damaged
    assert design.load_qa(path).score("quality.review") == 1


def test_a_self_assessment_changed_by_another_notebook_is_not_overwritten(tmp_path):
    path = tmp_path / "mine.yaml"
    first = SelfAssessment(credential="Mine", answers={"quality.review": 1})
    design.save_qa(path, first)
    theirs = SelfAssessment(credential="Mine", answers={"quality.review": 4})
    design.save_qa(path, theirs)  # another notebook, after this one read ``first``
    with pytest.raises(design.SaveConflict, match="changed in the file"):
        design.save_qa(path, SelfAssessment(credential="Mine", answers={"portable.data": 2}),
                       expected=first.to_dict(), check=True)
    assert design.load_qa(path).answers == {"quality.review": 4}


# --- saving from several notebooks at once -----------------------------------------------------


def _slow_saves(monkeypatch) -> None:
    """Every save waits between reading the file and writing it, as a slow disk would, so
    that two processes saving at once overlap (the window the lock must close)."""
    real = _file.update_text

    def slow(*args, **kwargs):
        time.sleep(0.4)
        return real(*args, **kwargs)

    monkeypatch.setattr(_file, "update_text", slow)


def _save_in_another_process(path, section, value, start) -> None:
    start.wait()
    design.write_section(path, section, value)


def test_two_notebooks_saving_at_once_both_keep_their_section(tmp_path, monkeypatch):
    """Regression (issue 15, item 11): two kernels saving different sections at the same
    moment lost one side's section (10 of 10 trials): both read the old file, and the second
    write replaced the first. Saves of one folder now take turns."""
    path = design.new_design(tmp_path / "mine.yaml")
    _slow_saves(monkeypatch)
    ctx = multiprocessing.get_context("fork")
    start = ctx.Event()
    sections = tool_sections()
    procs = [ctx.Process(target=_save_in_another_process, args=(path, name, sections[name],
                                                                 start))
             for name in ("workload", "pathway", "needs")]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    doc = design.load(path)
    for name in ("workload", "pathway", "needs"):
        assert design.comparable(doc[name]) == design.comparable(sections[name]), name


def test_an_edit_based_on_an_old_read_is_refused_not_written_over_the_new_file(tmp_path):
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    read = design.read_section(path, "outcomes")
    design.write_section(path, "outcomes", [*read, {"id": "LO5", "text": "Theirs."}])
    with pytest.raises(design.SaveConflict) as err:
        design.save_sections(path, {"outcomes": [*read, {"id": "LO5", "text": "Mine."}]},
                             expected={"outcomes": read})
    assert err.value.sections == ("outcomes",)
    assert design.read_section(path, "outcomes")[-1]["text"] == "Theirs."
    result = design.save_sections(path, {"workload": design.read_section(path, "workload")},
                                  expected={"workload": None}, edited=())
    assert result.same == ("workload",) and not result.saved


def _killed_while_writing(path) -> None:
    def write_then_die(fh, text):
        fh.write(text * 50)
        fh.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    files._write = write_then_die
    design.write_section(path, "needs", {"organisation": "Killed"})


def test_temporary_files_left_by_a_killed_save_are_removed_by_the_next_save(tmp_path):
    """Regression (issue 15, item 11): the atomic writer left hidden temp files (hundreds of
    MB) behind after a kill -9. The file itself stays whole; the next save cleans up."""
    path = tmp_path / "mine.yaml"
    shutil.copy(CAPSTONE, path)
    before = path.read_bytes()
    proc = multiprocessing.get_context("fork").Process(target=_killed_while_writing,
                                                       args=(path,))
    proc.start()
    proc.join(30)
    assert proc.exitcode == -signal.SIGKILL
    left = files.temp_files(path)
    assert len(left) == 1 and left[0].name.startswith(".mine.yaml.") and left[0].stat().st_size
    assert path.read_bytes() == before
    design.write_section(path, "needs", {"organisation": "Saved"})
    assert files.temp_files(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]
    assert design.read_section(path, "needs")["organisation"] == "Saved"


# --- export ----------------------------------------------------------------------------------


def test_exports_come_from_the_credential_module():
    doc = design.load(CAPSTONE)
    badge = json.loads(design.export(doc, "ob3", learner="Maija Meikäläinen",
                                     issued=dt.date(2026, 4, 1)))
    assert badge["credentialSubject"]["achievement"]["name"] == "Digital tools for safe home care"
    assert "LO4" not in badge["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "data protection rules" in badge["credentialSubject"]["achievement"]["criteria"][
        "narrative"]
    assert "<html" in design.export(doc, "html").lower()
    assert "Digital tools for safe home care" in design.export(doc, "md").splitlines()[0]
    with pytest.raises(UserError, match="credential"):
        design.export(design.loads(design.template_text("en")), "md")


def test_the_exported_badge_validates_against_the_official_ob3_schema(ob3_validator):
    badge = json.loads(design.export(design.load(CAPSTONE), "ob3", learner="Maija Meikäläinen",
                                     issued=dt.date(2026, 4, 1)))
    assert [e.message for e in ob3_validator.iter_errors(badge)] == []
