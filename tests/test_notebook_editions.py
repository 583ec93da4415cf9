"""The Finnish and Swedish notebooks (book/_ext/notebook_editions.py): generated from the English
ones and the catalogues, up to date, code identical but for its comments, no English left where a
translation exists, the tools' screen language set, and every code cell running in one kernel per
language.

The generated notebooks are left out of the default nbval run (pyproject.toml, norecursedirs):
their code cells are the English ones, which nbval runs already, so here they run in ONE kernel
(changing folder between notebooks) instead of one kernel per notebook, which keeps this module
to about a minute.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
import tokenize
from pathlib import Path

import pytest
import yaml
from jupyter_client.manager import start_new_kernel

from microcred.i18n import t
from microcred.settings import screen_language
from tests.helpers.paths import REPO
from tests.helpers.screen_text import english_left, english_shown, html_texts, strings_in

sys.path.insert(0, str(REPO / "book" / "_ext"))
import notebook_editions as ne  # noqa: E402  (book/_ext is not a package: Sphinx loads it by path)

EDITIONS = [*ne.practice_editions(), *ne.assignment_editions()]


def _id(edition: ne.Edition) -> str:
    return edition.target.relative_to(REPO).as_posix()


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_generated_notebooks_are_up_to_date():
    stale = [p.relative_to(REPO).as_posix() for p in ne.stale()]
    assert not stale, ("generated notebooks differ from the English notebooks and the catalogues; "
                       f"run `make notebooks` and commit the result: {stale}")


def test_every_practice_notebook_and_listed_assignment_has_both_languages():
    names = {p.stem for p in ne.NOTEBOOKS.glob("*.ipynb")}
    for lang in ne.LANGS:
        assert {p.stem for p in (ne.NOTEBOOKS / lang).glob("*.ipynb")} == names
        for name in ne.released_assignments():
            assert (ne.SOURCE / f"{name}-{lang}" / f"{name}-{lang}.ipynb").exists(), name


def _code(cell: dict, strings: bool) -> list[tuple]:
    """The cell's tokens and where they start, with the text of comments and (``strings``) of
    string literals left out: what must stay the same in every language."""
    source = "".join(cell["source"])
    return [(t.type, t.start[0], None if t.type in (tokenize.COMMENT, tokenize.STRING)
             and (strings or t.type == tokenize.COMMENT) else t.string)
            for t in ne._tokens(source)]


def _literal_values(cell: dict) -> list[str]:
    """The values of the cell's string literals that are not messages (keys, codes, file names)."""
    tree = ast.parse(ne._python("".join(cell["source"])))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and not any(ne.is_prose(x.strip())
                                                     for x in n.value.split("\n"))]


@pytest.mark.parametrize("edition", EDITIONS, ids=_id)
def test_code_cells_and_grading_metadata_are_the_english_ones(edition):
    english, generated = _load(edition.source), _load(edition.target)
    code = [c for c in english["cells"] if c["cell_type"] == "code"]
    mine = [c for c in generated["cells"] if c["cell_type"] == "code"]
    # The same code token by token on the same lines; only the comments' text (and a practice
    # notebook's prose literals) may differ, and every generated cell is still Python.
    assert [_code(c, edition.strings) for c in mine] == [_code(c, edition.strings) for c in code]
    assert [_literal_values(c) for c in mine] == [_literal_values(c) for c in code]
    assert ([{k: v for k, v in c.items() if k != "source"} for c in mine]
            == [{k: v for k, v in c.items() if k != "source"} for c in code])
    # Same cells in the same order with the same nbgrader ids and points (the note on a page
    # not yet translated is the only cell added).
    meta = [c["metadata"] for c in generated["cells"] if c.get("id") != ne.NOTE_ID]
    assert meta == [c["metadata"] for c in english["cells"]]


@pytest.mark.parametrize("edition", EDITIONS, ids=_id)
def test_no_english_left_where_the_catalogue_has_a_translation(edition):
    table = ne.read_catalogue(edition.catalogue)
    code_table = ne.read_catalogue(edition.comments)
    generated = _load(edition.target)
    units = [m for c in generated["cells"] if c["cell_type"] == "markdown"
             for m in ne.cell_messages("".join(c["source"]))]
    left = [m for m in units if m in table and table[m] != m]
    assert not left, f"English units with a translation in {edition.catalogue.name}: {left}"
    comments = [m for c in generated["cells"] if c["cell_type"] == "code"
                for m in ne.code_messages("".join(c["source"]), edition.strings)]
    left = [m for m in comments if m in code_table and code_table[m] != m]
    assert not left, f"English comments or texts with a translation in {edition.comments.name}: {left}"
    if edition.complete_required:
        untranslated = ne.missing(edition)
        assert not untranslated, f"listed as translated, but not: {untranslated}"
        assert all(c.get("id") != ne.NOTE_ID for c in generated["cells"])


def _texts(nb: dict) -> list[str]:
    """The messages of a notebook's prose literals."""
    return [m for c in nb["cells"] if c["cell_type"] == "code"
            for literal in ne.literals("".join(c["source"])) for m in literal.messages]


@pytest.mark.parametrize("edition", [e for e in EDITIONS if e.strings and _texts(_load(e.source))],
                         ids=_id)
def test_texts_in_code_cells_are_in_the_notebooks_language(edition):
    """A prose literal of a Finnish or Swedish notebook's code cell (example data a participant
    reads: an activity's name, an outcome, a YAML title) that is still the English notebook's is
    left in English, unless its catalogue keeps it on purpose ('Kept:', a multilingual example or a
    name)."""
    english = set(_texts(_load(edition.source)))
    left = [m for m in _texts(_load(edition.target)) if m in english]
    undeclared = sorted(set(left) - ne.kept(edition.comments))
    assert not undeclared, f"English texts in the code cells of {_id(edition)}: {undeclared}"


@pytest.mark.parametrize("lang", ["en", *ne.LANGS])
def test_assignments_say_to_hand_in_with_the_course_panel(lang):
    """Participants hand in with the course's assignment panel (its button in their language):
    nbgrader's English *Assignment List* and *Submit* are off for them (deploy/jupyterhub/)."""
    button = f"**{t('assignments.submit', lang)}**"
    for name in ne.released_assignments():
        folder = name if lang == "en" else f"{name}-{lang}"
        cells = _load(ne.SOURCE / folder / f"{folder}.ipynb")["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert "Assignment List" not in text and "**Submit**" not in text, folder
        assert button in text, f"{folder} does not say to press {button}"


@pytest.mark.parametrize("edition", EDITIONS, ids=_id)
def test_buttons_named_in_bold_are_the_tools_own_in_that_language(edition):
    """A Finnish or Swedish notebook names a tool's button as that screen shows it: "press
    **Lataa suunnitelmani**", not the English "**Load my design**" (its tools are in its language;
    JupyterLab's own English menus may be named in parentheses, in italics)."""
    cells = _load(edition.target)["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert english_left(re.findall(r"\*\*([^*\n]+)\*\*", text)) == []


def test_a_notebook_not_fully_translated_says_so_in_its_language(tmp_path):
    source = tmp_path / "x.ipynb"
    source.write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "\n", "Untranslated."]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    po = tmp_path / "x.po"
    po.write_text('msgid "Title"\nmsgstr "Otsikko"\n', encoding="utf-8")
    nb, left = ne.translate_notebook(ne.Edition(source, po, tmp_path / "fi" / "x.ipynb", "fi", False,
                                                  po))
    assert left == ["Untranslated."]
    assert "".join(nb["cells"][0]["source"]) == f"*{ne.NOTES['fi']}*"
    assert "".join(nb["cells"][1]["source"]) == "# Otsikko\n\nUntranslated."


def test_units_are_replaced_where_they_stand():
    """Headings, paragraphs over several lines, list items, quotes and table cells."""
    english = ("## Your task\n\n1. Write three\n   outcomes.\n2. Check them.\n\n"
               "> **Note:** on Binder\n> work is lost.\n\n| Module | What |\n|---|---|\n"
               "| Outcomes | write |\n\nA paragraph\nover two lines.")
    table = {"Your task": "Tehtäväsi", "Write three outcomes.": "Kirjoita kolme.",
             "Check them.": "Tarkista ne.", "**Note:** on Binder work is lost.": "**Huom:** katoaa.",
             "Module": "Moduuli", "What": "Mitä", "Outcomes": "Tavoitteet", "write": "kirjoitat",
             "A paragraph over two lines.": "Kappale."}
    assert set(ne.cell_messages(english)) == set(table)
    text, left = ne.translate_markdown(english, table)
    assert left == []
    assert text == ("## Tehtäväsi\n\n1. Kirjoita kolme.\n2. Tarkista ne.\n\n> **Huom:** katoaa.\n\n"
                    "| Moduuli | Mitä |\n|---|---|\n| Tavoitteet | kirjoitat |\n\nKappale.")


CODE = '''# The name of your micro-credential
credential = (
    ### BEGIN SOLUTION
    "Home care # 3 ECTS"  # a trailing comment
    ### END SOLUTION
)
%time x = 1
note = """
# in a string, not a comment
"""
# ---
'''


def test_comments_are_messages_and_markers_and_strings_are_not():
    assert ne.code_messages(CODE) == ["The name of your micro-credential", "a trailing comment"]


def test_a_comment_is_translated_on_its_line_and_nothing_else_is():
    table = {"The name of your micro-credential": "Pienen osaamiskokonaisuutesi\nnimi",
             "a trailing comment": "kommentti rivin lopussa", "BEGIN SOLUTION": "ALKU",
             "END SOLUTION": "LOPPU", "in a string, not a comment": "merkkijonossa",
             "Home care # 3 ECTS": "Kotihoito", "---": "==="}
    text, left = ne.translate_code(CODE, table)
    assert left == []
    # A line break in a translation would end the comment and break the code: it becomes a space.
    assert text == CODE.replace("# The name of your micro-credential",
                                "# Pienen osaamiskokonaisuutesi nimi").replace(
        "# a trailing comment", "# kommentti rivin lopussa")


STRINGS = '''x = f("Two words", b"Byte words", r"Raw words", f"Hello {name}", kind="contact",
      code="FI", file="my-microcredential.yaml", name="Seminars")
y = ("It is "  # a comment between the parts
     'implicitly "joined"')
z = """
title: Online teaching, id: MC1
credits: 3
"""
'''


def test_prose_literals_are_messages_and_keys_codes_bytes_raw_and_f_strings_are_not():
    """Words with a space between them, or one capitalised word, are read; an enum value, a code,
    a file name is compared by a program; byte, raw and f-strings are left alone. Parts joined
    implicitly are one message; a text over several lines has one message a line that has words."""
    assert ne.code_messages(STRINGS) == ["a comment between the parts"]
    assert ne.code_messages(STRINGS, strings=True) == [
        "Two words", "Seminars", "It is implicitly \"joined\"", "a comment between the parts",
        "title: Online teaching, id: MC1"]
    assert [ne.is_prose(x) for x in ("Kotihoito", "Esimerkki-ammattikorkeakoulu", "contact",
                                     "machine-vision", "FI", "LO1", "se", "a-b.yaml")] == [
        True, True, False, False, False, False, False, False]


def test_a_literal_is_translated_in_its_own_quotes_and_keeps_its_meaning():
    """Quotes and backslashes escaped for the literal's quotes, a line break in a translation
    becomes a space, the other parts of a joined literal become empty, a text over several lines
    is translated line by line: the code still parses to the same program with the new texts,
    on the same lines."""
    table = {"Two words": 'Kaksi "sanaa"\nrivillä', "Seminars": "Seminaarit",
             'It is implicitly "joined"': "Se on \\ 'yhdistetty'",
             "title: Online teaching, id: MC1": "title: Verkko-opetus, id: MC1"}
    text, left = ne.translate_code(STRINGS, table, strings=True)
    assert left == ["a comment between the parts"]
    assert text.count("\n") == STRINGS.count("\n")
    new = {n.value for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Constant)}
    old = {n.value for n in ast.walk(ast.parse(STRINGS)) if isinstance(n, ast.Constant)}
    assert old - new == {"Two words", "Seminars", 'It is implicitly "joined"',
                         "\ntitle: Online teaching, id: MC1\ncredits: 3\n"}
    assert new - old == {'Kaksi "sanaa" rivillä', "Seminaarit", "Se on \\ 'yhdistetty'",
                         "\ntitle: Verkko-opetus, id: MC1\ncredits: 3\n"}
    assert 'x = f("Kaksi \\"sanaa\\" rivillä", b"Byte words", r"Raw words"' in text
    # Without ``strings`` (an assignment's cells) only the comments change.
    assert ne.translate_code(STRINGS, table)[0] == STRINGS


def test_comments_go_into_the_catalogue_and_an_untranslated_one_fails_the_check(tmp_path):
    """Extracted with the markdown (markers and strings left out) and translated in the generated
    notebook; in a notebook that must be complete, a comment without its translation is what
    `check` reports (ne.missing)."""
    source = tmp_path / "x.ipynb"
    source.write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": CODE}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    template = ne._template(source, markdown=True)
    assert [m.id for m in template if m.id] == ["Title", "The name of your micro-credential",
                                                "a trailing comment"]
    po = tmp_path / "x.po"
    po.write_text('msgid "Title"\nmsgstr "Otsikko"\n\n'
                  'msgid "The name of your micro-credential"\n'
                  'msgstr "Pienen osaamiskokonaisuutesi nimi"\n', encoding="utf-8")
    edition = ne.Edition(source, po, tmp_path / "fi" / "x.ipynb", "fi", True, po)
    nb, left = ne.translate_notebook(edition)
    assert left == ["a trailing comment"] == ne.missing(edition)
    code = "".join(nb["cells"][1]["source"])
    assert code.startswith("# Pienen osaamiskokonaisuutesi nimi\ncredential = (\n")
    assert "    ### BEGIN SOLUTION\n" in code and "# in a string, not a comment" in code
    with po.open("a", encoding="utf-8") as f:
        f.write('\nmsgid "a trailing comment"\nmsgstr "kommentti"\n')
    assert ne.missing(edition) == []


@pytest.mark.parametrize("lang", ["en", *ne.LANGS])
def test_a_fi_sv_notebook_page_depends_on_its_comment_catalogue(lang):
    """A new translation of a code cell's comment or example text reads the page again."""
    noted: list[str] = []
    env = type("Env", (), {"docname": "notebooks/workload-calculator",
                           "note_dependency": lambda self, path: noted.append(path)})()
    app = type("App", (), {"env": env, "config": type("Config", (), {"language": lang})()})()
    ne.depend_on_catalogue(app, None)
    expected = [] if lang == "en" else [str(ne.comment_catalogue("workload-calculator", lang))]
    assert noted == expected and all(Path(p).exists() for p in noted)


@pytest.mark.parametrize("lang", ["en", *ne.LANGS])
def test_the_book_editions_run_a_notebooks_code_in_their_language(lang):
    """The fi/sv editions read a practice notebook with its code cells as in notebooks/<lang>/
    (so the outputs they execute show the same examples as the code); markdown stays English for
    Sphinx; English and a notebook that is not a practice notebook are read as they are."""
    import nbformat

    source = ne.NOTEBOOKS / "workload-calculator.ipynb"
    text = source.read_text(encoding="utf-8")
    nb, english = ne.read_edition(text, lang), nbformat.reads(text, as_version=4)

    def cells(notebook, kind: str) -> list[str]:
        return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind]

    assert cells(nb, "markdown") == cells(english, "markdown")
    target = english if lang == "en" else _load(ne.NOTEBOOKS / lang / source.name)
    assert cells(nb, "code") == cells(target, "code")
    assert ("Seminars" in text) and (("Seminars" in "".join(cells(nb, "code"))) == (lang == "en"))
    # The editions' builds read notebooks with it (what myst-nb's reader option names is imported).
    import editions

    reader = editions.overrides(lang).get("nb_custom_formats", {}).get(".ipynb")
    assert (reader is None) if lang == "en" else (reader[1] == {"lang": lang} and
                                                   getattr(ne, reader[0].split(".")[1]) is ne.read_edition)
    other = text.replace("Seminars", "Seminars!")  # not a practice notebook's text
    assert ne.read_edition(other, "fi") == nbformat.reads(other, as_version=4)


@pytest.mark.parametrize("lang", ne.LANGS)
def test_tools_in_a_language_folder_show_that_language(lang):
    folders = {e.target.parent for e in EDITIONS if e.lang == lang}
    for folder in folders:
        for tool in ("outcome-coach", "credential-builder", "workload-calculator", None):
            assert screen_language(tool, folder=folder) == lang, (folder, tool)


# The launch buttons' addresses as sphinx_book_theme writes them (header_buttons/launch.py) for
# _config.yml's repository, for a page: Binder's, and a JupyterHub's through nbgitpuller (its
# urlpath names the folder nbgitpuller clones into, the repository's name).
def theme_launch_urls(pagename: str) -> list[str]:
    return [f"https://mybinder.org/v2/gh/o/microcred-coach/main?urlpath=lab/tree/{pagename}.ipynb",
            "https://hub.example.fi/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo"
            f"%2Fmicrocred-coach&urlpath=lab/tree/microcred-coach/{pagename}.ipynb&branch=main"]


def launch_urls(pagename: str, lang: str) -> list[str]:
    """The launch buttons' addresses after the extension, on ``pagename`` in ``lang``."""
    buttons = [{"url": url} for url in theme_launch_urls(pagename)]
    context = {"header_buttons": [{"label": "launch-buttons", "buttons": buttons}]}
    app = type("App", (), {"config": type("Config", (), {"language": lang})()})()
    ne.launch_own_language(app, pagename, "page.html", context, None)
    return [button["url"] for button in context["header_buttons"][0]["buttons"]]


@pytest.mark.parametrize("pagename", ["notebooks/outcomes-coach", "book/outcomes/index"])
@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_launch_buttons_open_the_editions_own_notebook(pagename, lang):
    """fi/sv: the notebook of that language, through the launch link that sets JupyterLab's
    language first (tests/test_lab_link.py follows these addresses on a real server)."""
    new = launch_urls(pagename, lang)
    if lang == "en" or not pagename.startswith("notebooks/"):
        assert new == theme_launch_urls(pagename)
        return
    name = pagename.split("/")[1]
    binder, hub = new
    assert binder.endswith(f"?urlpath=microcred/lab/{lang}/notebooks/{lang}/{name}.ipynb")
    assert f"&urlpath=microcred/lab/{lang}/microcred-coach/notebooks/{lang}/{name}.ipynb&" in hub
    assert binder.startswith("https://mybinder.org/v2/gh/o/microcred-coach/main?")
    assert hub.startswith("https://hub.example.fi/hub/user-redirect/git-pull?repo=")
    assert (REPO / "notebooks" / lang / f"{name}.ipynb").exists()


# Outputs that are documents in a format of their own, not in the screen's language: the
# capstone's worked example as an Open Badge (JSON-LD; HTML that says its own language, like the
# credential card, is recognised by its lang attribute).
DOCUMENTS = {"capstone-walkthrough-22"}
_OWN_LANGUAGE = re.compile(r'<div class="mc-card" lang="(\w+)"')


def _shown(msg: dict, lang: str) -> list[str]:
    """What an output message puts on the screen: printed text, Markdown, and the text and alt
    texts of HTML (a widget is rendered from its model: test_screen_language reads those)."""
    content = msg.get("content", {})
    if msg.get("msg_type") == "stream":
        return [content.get("text", "")]
    data = content.get("data", {}) if msg.get("msg_type") in ("display_data", "execute_result") else {}
    if not data or "application/vnd.jupyter.widget-view+json" in data:
        return []
    if "text/html" in data:
        own = _OWN_LANGUAGE.search(data["text/html"])
        return [] if own and own.group(1) != lang else html_texts(data["text/html"])
    return [data.get("text/markdown") or data.get("text/plain") or ""]


def _content(edition: ne.Edition) -> list[str]:
    """The texts a notebook shows as examples (the string literals its code cells give the
    kit, and the example files), longest first: content in whatever language it was written
    in. A text the cell prints itself (``print("...")``, an f-string) is no example: it is the
    notebook's own frame, and must come from the kit in the screen language."""
    found: set[str] = set()
    for cell in _load(edition.target)["cells"]:
        if cell["cell_type"] == "code":
            found |= _literals(ast.parse("".join(cell["source"])))
    for path in _examples(edition.lang):
        found |= set(strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
    found = {x.strip() for x in found}
    return sorted((x for x in found if len(x.split()) >= 2 or len(x) >= 12), key=len, reverse=True)


def _examples(lang: str) -> list[Path]:
    """The example files whose texts are content on a screen in ``lang``: an example that exists
    in that language (``course.example_path``) counts in that language only, so that its English
    original shown there is English left. The needs sample (``needs.sample_canvas``, English)
    is an example too."""
    folder = REPO / "microcred" / "examples"
    found = [REPO / "microcred" / "data" / "needs" / "sample_canvas.yaml"]
    for path in folder.rglob("*.yaml"):
        base, _, suffix = path.stem.rpartition("-")
        if suffix in ne.LANGS and base:
            found += [path] if suffix == lang else []
        elif not path.with_name(f"{path.stem}-{lang}.yaml").exists():
            found.append(path)
    return found


def _literals(tree: ast.AST) -> set[str]:
    """String literals of a cell, but not those it prints itself or formats into an f-string."""
    framed = {id(n) for node in ast.walk(tree) for n in ast.walk(node)
              if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Call)
                                                     and getattr(node.func, "id", "") == "print")}
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in framed}




@pytest.mark.parametrize("source", sorted({e.source for e in EDITIONS}), ids=lambda p: p.stem)
def test_code_cells_print_no_words_of_their_own(source):
    """A code cell is the same in every edition, so the words it prints come from the kit,
    which writes them in the screen language: no ``print("Total:", x)``, no f-string frames."""
    own = [n for c in _load(source)["cells"] if c["cell_type"] == "code"
           for node in ast.walk(ast.parse("".join(c["source"]))) if isinstance(node, ast.Call)
           and getattr(node.func, "id", "") == "print" for n in node.args
           if isinstance(n, (ast.Constant, ast.JoinedStr)) and re.search(r"[^\W\d_]{2}", ast.unparse(n))]
    assert not own, [ast.unparse(n) for n in own]


def test_the_english_check_finds_english_in_printed_text():
    """The check itself: a printed English frame is found inside a Finnish line and alone; the
    examples' own text and a Finnish report are not."""
    content = ["Customer dialogue in sales"]
    assert english_shown(["Full cost: 10 136 EUR", "  no problems found",
                          "yhteensä 80 h = 3,0 op (credits under fi)"], content) == [
        "Full cost: 10 136 EUR", "no problems found", "yhteensä 80 h = 3,0 op (credits under fi)"]
    assert english_shown(["  N1  Customer dialogue in sales  (korkea; heti)",
                          "Kokonaiskustannus 10 136 EUR", "  Ei huomautettavaa."], content) == []


@pytest.mark.timeout(900)
@pytest.mark.parametrize("lang", ne.LANGS)
def test_generated_notebooks_run_without_errors_and_show_no_english(lang, tmp_path):
    """Every code cell of every generated notebook of one language, in one kernel, each notebook
    in a copy of its folder (settings file included): no error, the tools' language is set, and
    what the cells print or display (reports, findings, tables, alt texts) is in that language,
    apart from the examples' own texts and documents in their own language."""
    work = []
    for edition in (e for e in EDITIONS if e.lang == lang):
        folder = tmp_path / edition.target.parent.relative_to(REPO)
        if not folder.exists():
            shutil.copytree(edition.target.parent, folder)
        work.append((folder, edition))
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        errors, english = [], []
        for folder, edition in work:
            name = edition.target.name
            cells = [c for c in _load(folder / name)["cells"] if c["cell_type"] == "code"]
            check = (f"import os; os.chdir({str(folder)!r})\n"
                     "from microcred.settings import screen_language\n"
                     f"assert screen_language() == {lang!r}, screen_language()")
            shown: list[str] = []
            for n, (cell_id, code) in enumerate([(None, check), *((c.get("id"), "".join(c["source"]))
                                                                 for c in cells)]):
                seen: list[str] = []
                reply = kc.execute_interactive(code, timeout=180, output_hook=lambda msg, seen=seen:
                                               seen.extend(_shown(msg, lang)))
                shown += [] if cell_id in DOCUMENTS else seen
                if reply["content"]["status"] != "ok":
                    errors.append(f"{name} cell {n}: {reply['content'].get('ename')}: "
                                  f"{reply['content'].get('evalue')}")
            english += [f"{name}: {line}" for line in english_shown(shown, _content(edition))]
        assert not errors, "\n".join(errors)
        assert not english, "English on a screen of this language:\n" + "\n".join(english)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
