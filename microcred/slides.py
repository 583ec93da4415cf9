"""Webinar slides built from the book: one short reveal.js deck per module, no text kept twice.

Each module's deck is a notebook made from its pages (``book/<module>/``) and the course data,
then turned into reveal.js slides by nbconvert's SlidesExporter::

    nb = slides.module_notebook("outcomes", root=Path("."))         # nbformat notebook
    html = slides.render(nb, root=Path("."))                         # one HTML page
    slides.build(Path("."), Path("_build/slides"), Path(".venv/slides/node_modules"))

A deck has a title slide, the module's outcomes and time, the opening of its page, a slide for
each of its sections, the figures of all its pages, the reflection prompts and the self-check
questions (answers in the speaker notes). MyST markup is turned into plain Markdown on the way:
citations are dropped, cross-references become their titles, figures become images (embedded in
the HTML, so a deck is one file) and admonitions become quotes.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from . import course, quiz
from .errors import UserError
from .files import write_text_atomic
from .i18n import t
from .settings import screen_language

SLIDE_CHARS = 700  # start a new sub-slide when a slide's text grows beyond this
SKIPPED_SECTIONS = ("Reflect and discuss", "Self-check")
TEMPLATES = Path(__file__).parent / "templates" / "nbconvert"

_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}\s*(?P<arg>.*)$")
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
_LABELLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


@dataclass(frozen=True)
class Page:
    """One page of the book: where it is and its title."""

    path: Path
    title: str


# --- MyST -> Markdown ------------------------------------------------------------------------


def plain_markdown(text: str, page: Path, book: Path) -> str:
    """``text`` (MyST) as Markdown that Jupyter renders: roles and directives resolved."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _DIRECTIVE.match(line)
        if found:
            fence = found["fence"]
            body, i = _until_fence(lines, i + 1, fence)
            out += _directive(found["name"], found["arg"].strip(), body, page, book)
            continue
        if re.match(r"^\([\w-]+\)=\s*$", line) or line.startswith("% "):
            i += 1
            continue
        out.append(_roles(line, page, book))
        i += 1
    return "\n".join(out)


def _until_fence(lines: list[str], start: int, fence: str) -> tuple[list[str], int]:
    """The body of a directive and the index after its closing fence (nested ones included)."""
    depth, i, body = 0, start, list[str]()
    while i < len(lines):
        line = lines[i]
        opened = _DIRECTIVE.match(line)
        if opened and opened["fence"][0] == fence[0]:
            depth += 1
        elif line.strip() == fence[0] * len(line.strip()) and len(line.strip()) >= 3:
            if depth == 0 and line.strip() == fence:
                return body, i + 1
            if depth > 0:
                depth -= 1
        body.append(line)
        i += 1
    return body, i


def _directive(name: str, arg: str, body: list[str], page: Path, book: Path) -> list[str]:
    options = {}
    while body and body[0].startswith(":") and not body[0].startswith(":::"):
        key, _, value = body.pop(0)[1:].partition(":")
        options[key.strip()] = value.strip()
    text = plain_markdown("\n".join(body).strip("\n"), page, book)
    if name == "figure":
        alt = options.get("alt", "").replace("]", ")").replace("[", "(")
        caption = " ".join(text.split())
        image = f"![{alt}]({_image_path(arg, page, book)})"
        return [f"{image}  \n*{caption}*" if caption else image]
    if name in ("module-intro", "self-check"):  # the deck has slides of its own for these
        return []
    if name in ("code-block", "code"):
        return [f"```{arg}", *body, "```"]
    title = arg or name.capitalize()
    quoted = [f"> {line}" if line else ">" for line in text.splitlines()]
    return [f"> **{_roles(title, page, book)}**", ">", *quoted]


def _image_path(target: str, page: Path, book: Path) -> str:
    """An image path relative to the book's root folder (where the decks' notebooks point)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return (page.parent / target).resolve().relative_to(book.resolve().parent).as_posix()


def _roles(line: str, page: Path, book: Path) -> str:
    def replace(m: re.Match[str]) -> str:
        role, body = m["role"], m["body"]
        if role.startswith("cite"):
            return ""
        labelled = _LABELLED.match(body)
        if labelled:
            return labelled["text"]
        if role == "doc":
            return _title_of(body, page, book) or body
        return body

    text = _ROLE.sub(replace, line)
    return re.sub(r" +([,.;:)])", r"\1", text).rstrip() if text != line else text


def _title_of(target: str, page: Path, book: Path) -> str:
    root = book.resolve().parent
    path = root / target.lstrip("/") if target.startswith("/") else page.parent / target
    for candidate in (path.with_suffix(".md"), path.with_suffix(".ipynb")):
        if candidate.exists():
            return page_title(candidate)
    return ""


def page_title(path: Path) -> str:
    """The first ``# heading`` of a Markdown page or notebook."""
    if path.suffix == ".ipynb":  # only the headings are needed: plain JSON, no validation
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        text = "\n".join("".join(c.get("source", "")) for c in cells
                         if c.get("cell_type") == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    found = re.search(r"^# (.+)$", text, re.MULTILINE)
    return found[1].strip() if found else path.stem


# --- the deck ----------------------------------------------------------------------------------


def module_pages(module_id: str, root: Path) -> list[Page]:
    """The module's pages in the order of ``_toc.yml``: its index, then its sections."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            if chapter.get("file") == f"book/{module_id}/index":
                files = [chapter["file"]] + [s["file"] for s in chapter.get("sections", [])]
                pages = []
                for f in files:
                    path = next((root / f"{f}{ext}" for ext in (".md", ".ipynb")
                                 if (root / f"{f}{ext}").exists()), None)
                    if path is not None:
                        pages.append(Page(path, page_title(path)))
                return pages
    raise UserError(f"_toc.yml has no chapter book/{module_id}/index")


def module_notebook(module_id: str, root: Path) -> nbformat.NotebookNode:
    """The deck of one module as a notebook of Markdown cells with slide types."""
    m = course.module(module_id)
    number = [x.id for x in course.modules()].index(module_id) + 1
    book = root / "book"
    pages = module_pages(module_id, root)
    index = pages[0].path
    text = index.read_text(encoding="utf-8")
    _title, _, body = text.partition("\n")
    sections = re.split(r"^## ", body, flags=re.MULTILINE)
    opening, named = sections[0], sections[1:]

    cells = [_cell(f"# {m.title()}\n\nModule {number} of {len(course.modules())} · "
                   f"{course_title(root)}", "slide")]
    cells.append(_cell(f"## What you will be able to do\n\n{course.intro_markdown(module_id)}",
                       "slide"))
    cells += _section_cells(m.title(), plain_markdown(opening, index, book))
    others = pages[1:]
    if others:
        cells.append(_cell("## In this module\n\n" + "\n".join(f"- {p.title}" for p in others),
                           "slide"))
    for part in named:
        heading, _, content = part.partition("\n")
        if heading.strip() in SKIPPED_SECTIONS:
            continue
        cells += _section_cells(heading.strip(), plain_markdown(content, index, book))
    for page in pages[1:]:
        if page.path.suffix != ".md":
            continue
        for figure in _figures(page.path.read_text(encoding="utf-8")):
            cells.append(_cell(f"## {page.title}\n\n{plain_markdown(figure, page.path, book)}",
                               "slide"))
    prompts = _section(body, "Reflect and discuss")
    if prompts:
        cells.append(_cell("## Reflect and discuss\n\n" + plain_markdown(prompts, index, book),
                           "slide"))
    for n, q in enumerate(quiz.questions(module_id), 1):
        options = "\n".join(f"- {o}" for o in q.option_texts())
        cells.append(_cell(f"## Self-check {n}\n\n**{q.text()}**\n\n{options}", "slide"))
        right = q.option_texts()[q.answer - 1].rstrip(".")
        cells.append(_cell(f"Answer: {right}. {q.explain()}", "notes"))
    for n, cell in enumerate(cells):
        cell["id"] = f"{module_id}-{n}"  # stable ids (nbformat 4.5 requires them)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["title"] = m.title()
    return nb


def course_title(root: Path) -> str:
    """The book's title from ``_config.yml``."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return str(config.get("title") or "")


def _section(body: str, heading: str) -> str:
    for part in re.split(r"^## ", body, flags=re.MULTILINE)[1:]:
        name, _, content = part.partition("\n")
        if name.strip() == heading:
            return content.strip()
    return ""


def _figures(text: str) -> list[str]:
    """The ``{figure}`` directives of a page, each with its body."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i])
        if m and m["name"] == "figure":
            body, end = _until_fence(lines, i + 1, m["fence"])
            found.append("\n".join(lines[i:end]))
            i = end
        else:
            i += 1
    return found


def _section_cells(heading: str, markdown: str) -> list[nbformat.NotebookNode]:
    """A slide for a section, with sub-slides when its text is long; figures get their own."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n(?=[^ \t>|-])", markdown) if b.strip()]
    cells, current, kind = [], "", "slide"
    for block in blocks:
        if block.startswith("!["):
            if current:
                cells.append(_cell(f"## {heading}\n\n{current}", kind))
                current, kind = "", "subslide"
            cells.append(_cell(f"## {heading}\n\n{block}", kind))
            kind = "subslide"
            continue
        if current and len(current) + len(block) > SLIDE_CHARS:
            cells.append(_cell(f"## {heading}\n\n{current}", kind))
            current, kind = "", "subslide"
        current = f"{current}\n\n{block}" if current else block
    if current:
        cells.append(_cell(f"## {heading}\n\n{current}", kind))
    return cells


def _cell(source: str, slide_type: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source.strip())
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


# --- building ----------------------------------------------------------------------------------

STATIC = "_static"  # beside the decks: the scripts they load, copied from the npm packages
ASSET_FILES = {  # in the deck folder's _static/  <-  in node_modules/
    "reveal.js/dist": "reveal.js/dist",
    "reveal.js/plugin/notes": "reveal.js/plugin/notes",
    "require.js": "requirejs/require.js",
    "jquery.min.js": "jquery/dist/jquery.min.js",
}


def copy_assets(node_modules: Path, out: Path) -> None:
    """Copy reveal.js, RequireJS and jQuery from an npm ``node_modules`` folder into
    ``out/_static``, so that the decks in ``out`` work without a network."""
    for target, source in ASSET_FILES.items():
        src = node_modules / source
        if not src.exists():
            raise UserError(t("cli.slides.no-scripts", screen_language(), path=src))
        dest = out / STATIC / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dest)


def render(nb: nbformat.NotebookNode, root: Path) -> str:
    """One deck as a reveal.js HTML page: images embedded, scripts from ``_static/`` beside it
    (never from a CDN)."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(
        reveal_url_prefix=f"{STATIC}/reveal.js",
        require_js_url=f"{STATIC}/require.js",
        jquery_url=f"{STATIC}/jquery.min.js",
        reveal_theme="white",  # its fonts come with reveal.js (other themes load Google Fonts)
        embed_images=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="microcred-slides",
    )
    html, _resources = exporter.from_notebook_node(
        nb, resources={"metadata": {"path": str(root.resolve()),
                                    "name": nb.metadata.get("title", "")}})
    return html


def build(root: Path, out: Path, node_modules: Path,
          modules: list[str] | None = None) -> list[Path]:
    """Build the decks of ``modules`` (default: all) into ``out/<module>.html``, with the
    scripts they need in ``out/_static``; returns the decks written."""
    copy_assets(node_modules, out)
    written = []
    for module_id in modules or [m.id for m in course.modules()]:
        html = render(module_notebook(module_id, root), root)
        written.append(write_text_atomic(out / f"{module_id}.html", html))
    return written
