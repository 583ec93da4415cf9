"""One participant, one design file: the micro-credential a participant designs through the course.

The file is YAML with a section per concern, and the QA self-assessment sits beside it as JSON
(``NAME.qa.json``)::

    schema_version: 1
    credential:   # EU standard elements (microcred.credential)
    outcomes:     # list of {id, text} (microcred.outcomes)
    workload:     # activities with hours, convention fi | se | ects (microcred.workload)
    alignment:    # activities and assessment tasks naming outcome ids (microcred.alignment)
    pathway:      # what it stacks into, prerequisites (microcred.pathways)
    needs:        # the working-life needs canvas (microcred.needs)

Every tool reads and writes only its own section::

    from microcred import design

    path = design.new_design("my-microcredential", language="fi")     # from the template
    outcomes = design.read_section(path, "outcomes")                  # plain data, or None
    design.write_section(path, "workload", workload.to_dict())        # others stay as they were
    report = design.check_file(path)                                  # every module's check
    print(design.format_text(report)); html = design.report_html(report)
    badge = design.export(design.load(path), "ob3", learner="Maija", issued="2026-06-15")

Writing keeps comments and key order, and is atomic (a failed save leaves the earlier file);
notebooks save with ``save_sections``, which compares and swaps (a section another notebook
changed since the tool read it is not overwritten: ``SaveConflict``) and reads the file back.
Files of an earlier format are migrated when read (see ``_migrate``); the version is written
back the next time a section is saved.
"""

from ._check import (
    PARTS,
    WEIGHTS,
    Chart,
    DesignReport,
    Part,
    check,
    check_file,
    is_blank,
    outcome_list,
    section_name,
)
from ._export import FORMATS, description, export
from ._file import (
    DEFAULT_NAME,
    SaveConflict,
    SaveResult,
    comparable,
    design_path,
    is_design_file,
    language_of,
    load,
    load_qa,
    loads,
    new_design,
    number_outcomes,
    qa_path,
    read_section,
    read_text,
    save_qa,
    save_sections,
    section_names,
    template_text,
    update_text,
    write_section,
    write_sections,
    write_text_atomic,
)
from ._migrate import MIGRATIONS, SCHEMA_VERSION, SECTIONS, migrate, migrate_0_to_1, version_of
from ._report import format_text, report_html, status_label

__all__ = [
    "DEFAULT_NAME",
    "FORMATS",
    "MIGRATIONS",
    "PARTS",
    "SCHEMA_VERSION",
    "SECTIONS",
    "SaveConflict",
    "SaveResult",
    "WEIGHTS",
    "Chart",
    "DesignReport",
    "Part",
    "check",
    "check_file",
    "comparable",
    "description",
    "design_path",
    "export",
    "format_text",
    "is_blank",
    "is_design_file",
    "language_of",
    "load",
    "load_qa",
    "loads",
    "migrate",
    "migrate_0_to_1",
    "new_design",
    "number_outcomes",
    "outcome_list",
    "qa_path",
    "read_section",
    "read_text",
    "report_html",
    "save_qa",
    "save_sections",
    "section_name",
    "section_names",
    "status_label",
    "template_text",
    "update_text",
    "version_of",
    "write_section",
    "write_sections",
    "write_text_atomic",
]
