"""Finnish and Swedish notebooks generated from the English ones and the gettext catalogues.

The practice notebooks (notebooks/*.ipynb) are book pages: `make locales` extracts their markdown
cells into locales/<lang>/LC_MESSAGES/notebooks/<name>.po like every page. The assignments
(assignments/source/<name>/<name>.ipynb) are not in the book; their markdown cells are extracted
by this module into locales/<lang>/LC_MESSAGES/assignments/<name>.po, with the same rules.

A message is what Sphinx extracts: one paragraph, heading, list item's paragraph or table cell,
its lines joined by spaces. Each is found in the markdown cell (markdown-it, as MyST parses it)
and replaced by its translation on one line. Code cells are copied, except their comments: each
`#` comment (a whole line or after the code; Python's tokenizer tells it from a `#` in a string),
nbgrader's `### BEGIN SOLUTION` markers left out, is a message too, replaced by its translation on
the same line. In a practice notebook, the text of each string literal a reader reads (example
data, `is_prose`) is a message too, replaced in the same quotes (a literal over several lines, line
by line). Sphinx's gettext leaves code alone, so this module extracts them: an assignment's
comments into its catalogue above (its literals are nbgrader solutions, not extracted), a practice
notebook's comments and literals into locales/<lang>/LC_MESSAGES/notebook-comments/<name>.po. A tool's screen
language comes from `microcred-settings.yaml` beside the notebook (microcred/settings.py), so each
language folder gets one saying `ui: <lang>` and the code stays the same in every language.

    python book/_ext/notebook_editions.py catalogues   # assignments' .po files from the English
    python book/_ext/notebook_editions.py write        # notebooks/<lang>/, assignments/source/<name>-<lang>/
    python book/_ext/notebook_editions.py check        # exit 1 when a generated file is stale or
                                                       # a listed notebook has an untranslated message
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

REPO = Path(__file__).resolve().parents[2]
LOCALES = REPO / "locales"
NOTEBOOKS = REPO / "notebooks"
SOURCE = REPO / "assignments" / "source"
LANGS = ("fi", "sv")
SETTINGS = "microcred-settings.yaml"
# Assignments released in Finnish and Swedish (their catalogues complete): one name a line.
ASSIGNMENTS_LIST = LOCALES / "assignments.txt"
NOTES = {
    "fi": "Tätä muistikirjaa ei ole vielä käännetty kokonaan suomeksi: osa tekstistä on englanniksi.",
    "sv": "Den här anteckningsboken är ännu inte helt översatt till svenska: en del av texten är på "
          "engelska.",
}
NOTE_ID = "microcred-untranslated-note"
# nbgrader's markers are code, not text (its default delimiters; assignments/nbgrader_config.py).
MARKER = re.compile(r"#+\s*(BEGIN|END)\s+(SOLUTION|HIDDEN TESTS)\b")
COMMENT = re.compile(r"(#+\s*)(.*?)\s*$")
WORD = re.compile(r"[^\W\d_]{2}")  # a comment without a word (# ---) is not text


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a markdown cell: its message and where it stands in the source."""

    msgid: str
    first: int  # first line (0-based) of the unit in the cell
    last: int  # line after the unit
    text: str  # the unit's markdown as markdown-it gives it (lines joined by newlines)


@cache
def _parser():
    """MyST's markdown-it parser with the book's extensions (_config.yml), as Sphinx reads."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution"})
    return create_md_parser(config, RendererHTML)


def segments(markdown: str) -> list[Segment]:
    """The units Sphinx's gettext builder extracts from this markdown, in order."""
    found = []
    for token in _parser().parse(markdown):
        if token.type == "inline" and token.map and token.content.strip():
            msgid = " ".join(token.content.split("\n")).strip()
            found.append(Segment(msgid, token.map[0], token.map[1], token.content))
    return found


def cell_messages(markdown: str) -> list[str]:
    """The messages of one markdown cell."""
    return [s.msgid for s in segments(markdown)]


def translate_markdown(markdown: str, table: dict[str, str]) -> tuple[str, list[str]]:
    """The cell with each unit that `table` translates replaced; and the units left in English."""
    lines = markdown.split("\n")
    left: list[str] = []
    # From the end, so that replacing a unit by one line leaves the earlier line numbers alone.
    for seg in reversed(segments(markdown)):
        new = table.get(seg.msgid)
        if not new:
            left.append(seg.msgid)
            continue
        first_text = seg.text.split("\n")[0].strip()
        last_text = seg.text.split("\n")[-1].strip()
        head = lines[seg.first]
        start = head.find(first_text)
        if seg.last - seg.first == 1:
            # One line (a heading, a table cell, a short paragraph): replace the text in place.
            end = start + len(first_text)
            lines[seg.first] = head[:start] + new + head[end:]
            continue
        # A paragraph over several lines becomes one line; what follows its last text stays.
        block = lines[seg.first:seg.last]
        used = next(i for i in range(len(block) - 1, -1, -1) if last_text in block[i])
        end = block[used].rfind(last_text) + len(last_text)
        lines[seg.first:seg.first + used + 1] = [head[:start] + new + block[used][end:]]
    return "\n".join(lines), list(reversed(left))


@dataclass(frozen=True)
class Comment:
    """One comment of a code cell: its message and where the message stands."""

    msgid: str
    line: int  # line (0-based) in the cell
    column: int  # where the text starts, after the `#` and its spaces


def _python(code: str) -> str:
    """The cell as Python: IPython's magics and shell commands (%time, !pip) as blank lines."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in code.split("\n"))


def _tokens(code: str) -> list[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(_python(code)).readline))
    except (tokenize.TokenError, SyntaxError) as error:
        raise ValueError(f"A code cell is not Python that can be read ({error}), so its comments "
                         f"cannot be found:\n{code}") from None


def comments(code: str) -> list[Comment]:
    """The comments of a code cell that a reader reads, in order (nbgrader's markers left out)."""
    found = []
    for token in _tokens(code):
        if token.type != tokenize.COMMENT or MARKER.match(token.string):
            continue
        match = COMMENT.match(token.string)
        if WORD.search(match.group(2)):
            found.append(Comment(match.group(2), token.start[0] - 1,
                                 token.start[1] + len(match.group(1))))
    return found


@dataclass(frozen=True)
class Literal:
    """A string literal of a code cell whose text a reader reads (prose, not a key, an enum value
    or a file name), with implicitly concatenated parts taken together."""

    tokens: tuple[tokenize.TokenInfo, ...]  # its parts ("a " "b": two tokens)
    value: str

    @property
    def messages(self) -> list[str]:
        """Its messages: the text, or each line of a text over several lines, stripped."""
        return [line.strip() for line in self.value.split("\n") if is_prose(line.strip())]


# Two words: a letter, a space (after a comma or a semicolon, if any) and a letter.
PROSE = re.compile(r"[^\W\d_][,;]?\s+[^\W\d_]")


def is_prose(text: str) -> bool:
    """Whether a literal's text is read as text: words with a space between them, or one
    capitalised word ("Seminars"); keys, enum values and codes ("contact", "se", "FI", "LO1") are
    lowercase words or capitals, and a program compares them, so they are never messages."""
    word = text.replace("-", "")  # a compound ("Esimerkki-ammattikorkeakoulu") is one word
    return bool(PROSE.search(text)) or (len(word) > 2 and word.isalpha() and word[0].isupper()
                                          and word[1:].islower())


def _prefix(token: tokenize.TokenInfo) -> str:
    return token.string[:len(token.string) - len(token.string.lstrip("rRbBuUfF"))]


# A literal's parts: strings, and f-strings as Python 3.12 reads them (one token before 3.12).
TEXT_TOKENS = {tokenize.STRING, *(getattr(tokenize, name) for name in
                                  ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                                  if hasattr(tokenize, name))}


def literals(code: str) -> list[Literal]:
    """The string literals of a code cell that have a message, in order. Byte strings, raw strings
    and f-strings are left alone (not text, or code inside); so is a concatenation with one."""
    found, group = [], []
    for token in [*_tokens(code), None]:
        if token is not None and token.type in TEXT_TOKENS:
            group.append(token)
            continue
        if token is not None and token.type in (tokenize.NL, tokenize.COMMENT) and group:
            continue  # parts of one literal over several lines
        if group and all(t.type == tokenize.STRING and _prefix(t).lower() in ("", "u")
                         for t in group):
            literal = Literal(tuple(group), "".join(ast.literal_eval(t.string) for t in group))
            if literal.messages:
                found.append(literal)
        group = []
    return found


def _encode(value: str, like: tokenize.TokenInfo) -> str:
    """``value`` as a literal with the prefix and quotes of ``like``, escaped where needed."""
    prefix = _prefix(like)
    body = like.string[len(prefix):]
    quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
    text = value.replace("\\", "\\\\").replace(quote[0], "\\" + quote[0])
    if len(quote) == 1:
        text = text.replace("\n", "\\n").replace("\r", "\\r")
    return prefix + quote + text + quote


def code_units(code: str, strings: bool = False) -> list[tuple[str, str]]:
    """The messages of one code cell with the note for their translator, in order: its comments,
    and (``strings``) the text of its prose literals."""
    units = [((c.line + 1, c.column), c.msgid, CODE_NOTE) for c in comments(code)]
    if strings:
        for literal in literals(code):
            note = LINE_NOTE if "\n" in literal.value else LITERAL_NOTE
            units += [(literal.tokens[0].start, m, note) for m in literal.messages]
    return [(msgid, note) for _, msgid, note in sorted(units, key=lambda u: u[0])]


def code_messages(code: str, strings: bool = False) -> list[str]:
    """The messages of one code cell: its comments (and, with ``strings``, its prose literals)."""
    return [msgid for msgid, _ in code_units(code, strings)]


def translate_code(code: str, table: dict[str, str],
                   strings: bool = False) -> tuple[str, list[str]]:
    """The cell with each comment that `table` translates replaced on its line (and, with
    ``strings``, each prose literal's text in the same quotes); and the messages left in English.
    The code, its meaning and its line numbers stay: a literal whose translation would take
    another number of lines (a backslash at a line's end in the source) is left."""
    lines = code.split("\n")
    left = []
    for comment in comments(code):
        new = table.get(comment.msgid)
        if not new:
            left.append(comment.msgid)
            continue
        # A line break in a translation would end the comment and break the code.
        lines[comment.line] = lines[comment.line][:comment.column] + " ".join(new.split())
    # From the end, so that a replaced literal leaves the earlier positions alone.
    for literal in reversed(literals(code) if strings else []):
        parts = []
        for line in literal.value.split("\n"):
            msgid = line.strip()
            new = table.get(msgid) if is_prose(msgid) else None
            if is_prose(msgid) and not new:
                left.append(msgid)
            start = len(line) - len(line.lstrip())
            parts.append(line[:start] + " ".join(new.split()) + line[start + len(msgid):]
                         if new else line)
        value = "\n".join(parts)
        # The first part takes the whole text; the others become empty strings.
        texts = [_encode(value, literal.tokens[0]), *(_encode("", t) for t in literal.tokens[1:])]
        old = [t.string for t in literal.tokens]
        if value == literal.value or [t.count("\n") for t in texts] != [t.count("\n") for t in old]:
            continue
        assert ast.literal_eval("".join(texts)) == value
        for token, text in reversed(list(zip(literal.tokens, texts))):
            (row, col), (end_row, end_col) = token.start, token.end
            head, tail = lines[row - 1][:col], lines[end_row - 1][end_col:]
            lines[row - 1:end_row] = (head + text + tail).split("\n")
    order = code_messages(code, strings)
    return "\n".join(lines), sorted(left, key=order.index)


def kept(path: Path) -> set[str]:
    """The messages a catalogue keeps as they are on purpose: translated by themselves, with a
    translator's comment starting 'Kept:' that says why (a person's name, a multilingual example)."""
    from babel.messages.pofile import read_po

    if not path.exists():
        return set()
    with path.open("rb") as f:
        catalogue = read_po(f)
    return {m.id for m in catalogue if m.id and m.string == m.id and not m.fuzzy
            and any(c.startswith("Kept:") for c in m.user_comments)}


def read_catalogue(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file, without untranslated and fuzzy entries (as Sphinx uses it)."""
    from babel.messages.pofile import read_po

    if not path.exists():
        return {}
    with path.open("rb") as f:
        catalogue = read_po(f)
    return {m.id: m.string for m in catalogue
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


@dataclass(frozen=True)
class Edition:
    """One generated notebook: the English source, its catalogue and where the result goes."""

    source: Path
    catalogue: Path
    target: Path
    lang: str
    complete_required: bool  # a page listed as translated: every unit must have its translation
    comments: Path  # the catalogue of the code cells' comments (an assignment's is `catalogue`)
    strings: bool = False  # its prose literals are messages too (a practice notebook's)


def practice_editions() -> Iterator[Edition]:
    """notebooks/<lang>/<name>.ipynb for every practice notebook."""
    sys.path.insert(0, str(Path(__file__).parent))
    import editions

    listed = set(editions.translated_pages())
    for source in sorted(NOTEBOOKS.glob("*.ipynb")):
        for lang in LANGS:
            yield Edition(source, LOCALES / lang / "LC_MESSAGES" / "notebooks" / f"{source.stem}.po",
                          NOTEBOOKS / lang / source.name, lang, f"notebooks/{source.stem}" in listed,
                          comment_catalogue(source.stem, lang), strings=True)


def released_assignments() -> list[str]:
    """The assignments listed in locales/assignments.txt (comments and blank lines left out)."""
    if not ASSIGNMENTS_LIST.exists():
        return []
    lines = (x.split("#", 1)[0].strip() for x in ASSIGNMENTS_LIST.read_text("utf-8").splitlines())
    return [x for x in lines if x]


def assignment_catalogue(name: str, lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "assignments" / f"{name}.po"


def comment_catalogue(name: str, lang: str) -> Path:
    """The catalogue of a practice notebook's code comments (Sphinx owns its page's catalogue)."""
    return LOCALES / lang / "LC_MESSAGES" / "notebook-comments" / f"{name}.po"


def assignment_editions() -> Iterator[Edition]:
    """assignments/source/<name>-<lang>/<name>-<lang>.ipynb for every listed assignment."""
    for name in released_assignments():
        for lang in LANGS:
            catalogue = assignment_catalogue(name, lang)
            yield Edition(SOURCE / name / f"{name}.ipynb", catalogue,
                          SOURCE / f"{name}-{lang}" / f"{name}-{lang}.ipynb", lang, True, catalogue)


def english_sources() -> list[Path]:
    """Every assignment's English source (not the generated language versions)."""
    return sorted(p for p in SOURCE.glob("*/*.ipynb") if p.parent.name == p.stem
                  and not any(p.stem.endswith(f"-{lang}") for lang in LANGS))


def translate_notebook(edition: Edition) -> tuple[dict, list[str]]:
    """The translated notebook (as JSON data) and the messages left in English."""
    nb = json.loads(edition.source.read_text(encoding="utf-8"))
    table = read_catalogue(edition.catalogue)
    code_table = table if edition.comments == edition.catalogue else read_catalogue(edition.comments)
    left: list[str] = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text, missing = translate_markdown("".join(cell["source"]), table)
            cell["source"] = _source_lines(text)
            left.extend(missing)
        elif cell["cell_type"] == "code":
            source = "".join(cell["source"])
            text, missing = translate_code(source, code_table, edition.strings)
            if text != source:
                cell["source"] = _source_lines(text)
            left.extend(missing)
    if left and not edition.complete_required:
        nb["cells"].insert(0, {"cell_type": "markdown", "id": NOTE_ID, "metadata": {},
                               "source": _source_lines(f"*{NOTES[edition.lang]}*")})
    nb["metadata"]["language_info"] = {"name": "python"}
    source = edition.source.resolve()
    nb["metadata"]["microcred"] = {"language": edition.lang, "generated_from": (
        source.relative_to(REPO).as_posix() if source.is_relative_to(REPO) else source.name)}
    return nb, left


def missing(edition: Edition) -> list[str]:
    """The messages (markdown units and code comments) without a translation in a notebook that
    must be complete (a page listed as translated, a released assignment)."""
    return translate_notebook(edition)[1] if edition.complete_required else []


def _source_lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def render(nb: dict) -> str:
    """The notebook as nbformat writes it (one-space indent, keys sorted, a final newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def settings_text(lang: str) -> str:
    """The screen-language file beside the notebooks of one language."""
    return (f"# The screen language of the tools in this folder (microcred/settings.py). Generated by\n"
            f"# book/_ext/notebook_editions.py; a participant's language menu may change it.\n"
            f"ui: {lang}\n")


def expected_files() -> dict[Path, str]:
    """Every generated file and its content."""
    files: dict[Path, str] = {}
    for edition in [*practice_editions(), *assignment_editions()]:
        nb, _ = translate_notebook(edition)
        files[edition.target] = render(nb)
        files[edition.target.parent / SETTINGS] = settings_text(edition.lang)
    return files


def stale() -> list[Path]:
    """Generated files missing or different from what the sources and catalogues give; and
    generated files no source asks for any more."""
    files = expected_files()
    wrong = [p for p, text in files.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    generated = [*(p for lang in LANGS for p in (NOTEBOOKS / lang).glob("*")),
                 *(p for lang in LANGS for p in SOURCE.glob(f"*-{lang}/*"))]
    return sorted(wrong + [p for p in generated if p not in files])


def write() -> list[Path]:
    """Write every generated file (and remove the ones no longer generated); what changed."""
    from microcred.files import write_text_atomic

    changed = stale()
    files = expected_files()
    for path in changed:
        if path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, files[path])
        else:
            path.unlink()
    for lang in LANGS:
        for folder in SOURCE.glob(f"*-{lang}"):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return changed


def _template(source: Path, markdown: bool, strings: bool = False) -> Catalog:
    """The messages of a notebook in order: its markdown units (when asked), code comments and
    (``strings``) prose literals."""
    from babel.messages.catalog import Catalog

    nb = json.loads(source.read_text(encoding="utf-8"))
    template = Catalog(project="microcred assignments", fuzzy=False)
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and markdown:
            for msgid in cell_messages("".join(cell["source"])):
                template.add(msgid)
        elif cell["cell_type"] == "code":
            for msgid, note in code_units("".join(cell["source"]), strings):
                template.add(msgid, auto_comments=[note])
    return template


CODE_NOTE = "A comment in a code cell: translate it on one line."
LITERAL_NOTE = ("A text in a code cell (a string literal): translate it on one line. Kept as it is "
                "on purpose (a name, a multilingual example): the same text, and a comment saying "
                "why that starts with 'Kept:'.")
LINE_NOTE = ("A line of a text over several lines in a code cell: translate it on one line and "
             "keep its structure (YAML keys and ids, '|' columns, priority words the tool reads).")


def _merge(template, path: Path, lang: str, header: str) -> bool:
    """Merge the English messages into one catalogue: new messages added, changed ones marked
    fuzzy, translations kept (as sphinx-intl does); whether the file changed."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from microcred.files import write_bytes_atomic

    if path.exists():
        with path.open("rb") as f:
            catalogue = read_po(f, locale=lang)
    else:
        catalogue = Catalog(locale=lang, project=template.project, fuzzy=False)
    # The date of the first extraction stays, so that a run that changes nothing leaves the file
    # alone.
    template.creation_date = catalogue.creation_date
    catalogue.update(template, update_header_comment=False)
    catalogue.header_comment = header
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, omit_header=False, ignore_obsolete=True)
    if path.exists() and path.read_bytes() == buffer.getvalue():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, buffer.getvalue())
    return True


def update_catalogues() -> list[Path]:
    """locales/<lang>/LC_MESSAGES/assignments/<name>.po from every assignment's markdown cells and
    code comments, and .../notebook-comments/<name>.po from every practice notebook's code
    comments and prose literals (a notebook without either has none)."""
    written = []
    for source in english_sources():
        template = _template(source, markdown=True)
        for lang in LANGS:
            path = assignment_catalogue(source.stem, lang)
            header = (f"# The text of the assignment {source.stem!r} in {lang}: translate, never "
                      "edit a msgid (book/_ext/notebook_editions.py).")
            if _merge(template, path, lang, header):
                written.append(path)
    for source in sorted(NOTEBOOKS.glob("*.ipynb")):
        template = _template(source, markdown=False, strings=True)
        template.project = "microcred notebooks"
        for lang in LANGS:
            path = comment_catalogue(source.stem, lang)
            if not len(template):
                if path.exists():
                    path.unlink()
                    written.append(path)
                continue
            header = (f"# The comments in the code cells of the notebook {source.stem!r} in {lang}:"
                      " translate each on one line, never edit a msgid (book/_ext/"
                      "notebook_editions.py).")
            if _merge(template, path, lang, header):
                written.append(path)
    return written


def edition_notebook(pagename: str, lang: str) -> str | None:
    """The notebook a launch button of the `lang` edition opens for a practice notebook's page."""
    folder, _, name = pagename.partition("/")
    if lang not in LANGS or folder != "notebooks" or "/" in name:
        return None
    return f"notebooks/{lang}/{name}.ipynb"


def launch_own_language(app, pagename, templatename, context, doctree) -> None:
    """In the Finnish and Swedish editions, the launch buttons (Binder, JupyterHub) of a practice
    notebook's page open the notebook of that language (the theme points them at the English),
    through the course's launch link (microcred/widgets/lab_link.py), which sets JupyterLab's own
    language before its page loads: ``urlpath=lab/tree/<path>`` becomes
    ``urlpath=microcred/lab/<lang>/<path>`` (Binder and nbgitpuller open ``urlpath`` under the
    server's base URL)."""
    from microcred.widgets._jupyterlab import launch_path

    lang = app.config.language
    target = edition_notebook(pagename, lang)
    if not target:
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            for button in group.get("buttons", []):
                if "url" in button:
                    url = button["url"].replace(f"/{pagename}.ipynb", f"/{target}")
                    button["url"] = url.replace("urlpath=lab/tree/",
                                                f"urlpath={launch_path(lang, '')}")


def depend_on_catalogue(app, doctree) -> None:
    """In the Finnish and Swedish editions, a practice notebook's page depends on its comment
    catalogue, so that a new translation reads the page again (read_edition translates the code
    cells as the page is read)."""
    folder, _, name = app.env.docname.partition("/")
    if app.config.language not in LANGS or folder != "notebooks" or "/" in name:
        return
    path = comment_catalogue(name, app.config.language)
    if path.exists():
        app.env.note_dependency(str(path))


def read_edition(text: str, lang: str):
    """myst-nb's reader of the notebooks in the fi/sv book editions (``nb_custom_formats`` in
    editions.overrides): a practice notebook's code cells as in notebooks/<lang>/ (comments and
    example texts from its comment catalogue), so that the page executes the code it shows and
    its outputs show the same examples. The markdown stays English: Sphinx translates it."""
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    source = next((p for p in sorted(NOTEBOOKS.glob("*.ipynb"))
                   if p.read_text(encoding="utf-8") == text), None)
    if source is None or lang not in LANGS:
        return nb
    table = read_catalogue(comment_catalogue(source.stem, lang))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = translate_code(cell.source, table, strings=True)[0]
    return nb


def setup(app):
    """Sphinx extension (_config.yml): after the theme has made its launch buttons (priority 501)."""
    app.connect("html-page-context", launch_own_language, priority=502)
    app.connect("doctree-read", depend_on_catalogue)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("command", choices=["catalogues", "write", "check"])
    args = parser.parse_args(argv)
    if args.command == "catalogues":
        for path in update_catalogues():
            print(f"updated {path.relative_to(REPO)}")
        return 0
    if args.command == "write":
        for path in write():
            print(f"wrote {path.relative_to(REPO)}")
        return 0
    late = stale()
    for path in late:
        print(f"stale: {path.relative_to(REPO)}")
    if late:
        print("Run `make notebooks` (python book/_ext/notebook_editions.py write).")
    untranslated = 0
    for edition in [*practice_editions(), *assignment_editions()]:
        for msgid in missing(edition):
            untranslated += 1
            print(f"untranslated in {edition.target.relative_to(REPO)}: {msgid[:80]!r}")
    if untranslated:
        print("Translate these in the catalogues (make locales), then run `make notebooks`.")
    return 1 if late or untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
