"""The book in English, Finnish and Swedish: one source, gettext catalogues, three HTML editions.

English is the source. `sphinx-build -b gettext` (run through Jupyter Book's own configuration, so
that notebooks, the table of contents and the extensions are the same as in `jupyter-book build`)
extracts every paragraph, heading and notebook markdown cell into `_build/gettext/*.pot`;
`sphinx-intl update` merges them into `locales/<lang>/LC_MESSAGES/*.po`, where the translations
live. Each edition is then built with `language` set, Sphinx compiles the catalogues and replaces
each paragraph by its translation. The editions go to `_build/html/<lang>/`, and
`_build/html/index.html` picks the reader's language.

    python book/_ext/editions.py catalogues       # .pot from the English source, .po updated
    python book/_ext/editions.py build fi --strict  # one edition (-W -n --keep-going)
    python book/_ext/editions.py landing          # _build/html/index.html
    python book/_ext/editions.py status           # which pages are translated, which not

Each edition is built in a process of its own (Sphinx extensions keep module-level state); the
notebooks are executed once, into a cache the three editions share.
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "_build"
LOCALES = REPO / "locales"
# Jupyter Book's placeholder of the search box (jupyter_book/config.py), in every edition.
SEARCH_TEXT = "Search this book..."
GETTEXT = BUILD / "gettext"

# Language code, its own name (shown in the switcher) and the note on a page not yet translated.
LANGUAGES = {
    "en": ("English", ""),
    "fi": ("Suomi", "Tätä sivua ei ole vielä käännetty suomeksi: alla on englanninkielinen teksti."),
    "sv": ("Svenska", "Den här sidan är ännu inte översatt till svenska: texten nedan är på engelska."),
}
# Pages translated in every edition (one docname a line); tests/test_translations.py holds them
# to complete catalogues, and the editions show a note on every other page.
TRANSLATED = LOCALES / "translated.txt"
# The landing page's title, before the reader has a language.
TITLE = "Micro-credentials · Pienet osaamiskokonaisuudet · Mikromeriter"


def translated_pages() -> list[str]:
    """Docnames listed in locales/translated.txt (comments and blank lines left out)."""
    if not TRANSLATED.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in TRANSLATED.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def overrides(lang: str, base: Path = BUILD, cache: Path | None = None) -> dict:
    """Sphinx settings on top of _config.yml for one edition (or for the gettext extraction)."""
    return {
        # What `jupyter-book build` passes itself.
        "external_toc_path": (REPO / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "language": lang,
        "locale_dirs": ["locales/"],
        # One catalogue per page, without line numbers, so that an edit elsewhere leaves it alone.
        "gettext_compact": False,
        "gettext_location": False,
        "gettext_uuid": False,
        "editions": list(LANGUAGES),
        # The notebooks' outputs (widgets, charts, feedback) are in the edition's language, so
        # each language has its execution cache (it keys on code cells only, which are the same
        # in every edition). The tests point the English one at their `jupyter-book build`'s.
        "nb_execution_cache_path": str(execution_cache(lang, base, cache)),
        # The site title (header, browser tab) is not a page's text, so gettext leaves it alone.
        "html_title": site_title(lang),
        # Nor is the author in the footer ("By ..."): its translation is in the edition's sphinx.po.
        "author": site_author(lang),
        # Nor is the search box's placeholder, which Jupyter Book sets in English (merged into
        # its html_theme_options, the other options kept).
        "html_theme_options": {"search_bar_text": frame_text(lang, SEARCH_TEXT)},
        # A practice notebook's code cells with their comments and example texts in the edition's
        # language, before they run (book/_ext/notebook_editions.py).
        **({"nb_custom_formats": {".ipynb": ["notebook_editions.read_edition", {"lang": lang}]}}
           if lang != "en" else {}),
    }


def site_title(lang: str) -> str:
    """The book's title (_config.yml) in ``lang``: the root page's heading is the same text, so
    its translation in the root page's catalogue is the title's."""
    import yaml
    from babel.messages.pofile import read_po

    title = str(yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["title"])
    catalogue = LOCALES / lang / "LC_MESSAGES" / "book" / "index.po"
    if lang == "en" or not catalogue.exists():
        return title
    with catalogue.open("rb") as f:
        message = read_po(f).get(title)
    return str(message.string) if message is not None and message.string else title


def site_author(lang: str) -> str:
    """_config.yml's author in ``lang`` (see frame_text)."""
    import yaml

    return frame_text(lang, str(yaml.safe_load((REPO / "_config.yml").read_text(
        encoding="utf-8"))["author"]))


def frame_text(lang: str, english: str) -> str:
    """A text of the book's frame (theme and Sphinx messages, the author, the search box) in
    ``lang``: its translation in locales/<lang>/LC_MESSAGES/sphinx.po, else the English."""
    from babel.messages.pofile import read_po

    catalogue = LOCALES / lang / "LC_MESSAGES" / "sphinx.po"
    if lang == "en" or not catalogue.exists():
        return english
    with catalogue.open("rb") as f:
        message = read_po(f).get(english)
    return str(message.string) if message is not None and message.string else english


def execution_cache(lang: str, base: Path = BUILD, cache: Path | None = None) -> Path:
    """The execution cache of ``lang``'s edition: ``cache`` (default BASE/.jupyter_cache) for
    English, the same name with ``-fi``/``-sv`` for the others."""
    english = cache or base / ".jupyter_cache"
    return english if lang == "en" else english.with_name(f"{english.name}-{lang}")


def build(lang: str, builder: str, outdir: Path, strict: bool, base: Path = BUILD,
          cache: Path | None = None) -> int:
    """One Sphinx build with Jupyter Book's configuration into `outdir`; its exit status."""
    from jupyter_book.sphinx import build_sphinx

    config = overrides(lang, base, cache)
    # The tools in the executed notebooks show the edition's language (microcred/settings.py);
    # the kernels inherit the variable.
    os.environ["MICROCRED_UI"] = lang
    if builder == "gettext":
        # Only the source text is extracted: code cells and their outputs are not, so the
        # notebooks need not run.
        config["nb_execution_mode"] = "off"
    if strict:
        config["nitpicky"] = True
    result = build_sphinx(
        REPO,
        outdir,
        noconfig=True,
        path_config=REPO / "_config.yml",
        confoverrides=config,
        doctreedir=base / ".doctrees" / (builder if builder != "html" else lang),
        builder=builder,
        warningiserror=strict,
        keep_going=strict,
        # The extraction reads every page again, so that nothing cached is left out of it.
        freshenv=builder == "gettext",
    )
    if isinstance(result, Exception):
        raise result
    if builder == "html" and result == 0:
        # As `jupyter-book build` does: the edition's index.html opens its first page.
        (outdir / "index.html").write_text(
            '<meta http-equiv="Refresh" content="0; url=book/index.html" />\n', encoding="utf-8"
        )
    return result


def catalogues() -> int:
    """Extract the English text into .pot files and merge them into the fi and sv catalogues."""
    status = build("en", "gettext", GETTEXT, strict=False)
    if status:
        return status
    # The bibliography's titles and publication details (book/_ext/reference_style.py).
    from reference_style import write_pot

    write_pot(GETTEXT / "references.pot")
    langs = [arg for lang in LANGUAGES if lang != "en" for arg in ("-l", lang)]
    return subprocess.call(
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(GETTEXT), "-d", str(LOCALES),
         "-w", "0", *langs]
    )


LANDING = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script>
// Open the edition in the browser's preferred language; the links below stay as the fallback.
(function () {{
  var editions = {codes};
  var wanted = navigator.languages || [navigator.language || "en"];
  for (var i = 0; i < wanted.length; i++) {{
    var code = String(wanted[i]).toLowerCase().split("-")[0];
    if (editions.indexOf(code) >= 0) {{
      window.location.replace(code + "/book/index.html");
      return;
    }}
  }}
}})();
</script>
</head>
<body>
<main>
<h1>{title}</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


def landing(base: Path = BUILD) -> Path:
    """_build/html/index.html: the reader's language if the book has it, links otherwise."""
    codes = "[" + ", ".join(f'"{code}"' for code in LANGUAGES) + "]"
    links = "\n".join(
        f'<li><a href="{code}/book/index.html" hreflang="{code}" lang="{code}">'
        f"{html.escape(name)}</a></li>"
        for code, (name, _) in LANGUAGES.items()
    )
    path = base / "html" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LANDING.format(title=html.escape(TITLE), codes=codes, links=links), "utf-8")
    return path


def status() -> str:
    """Which pages of _toc.yml are listed as translated and which are not."""
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(items):
        for item in items or []:
            pages.extend([item["file"]] if "file" in item else [])
            walk(item.get("sections"))
            walk(item.get("chapters"))

    walk(toc.get("parts"))
    done = set(translated_pages())
    return "\n".join(
        [f"{sum(p in done for p in pages)} of {len(pages)} pages translated into fi and sv:"]
        + [f"  {'translated' if p in done else 'English   '}  {p}" for p in pages]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("catalogues", help="extract .pot files and update locales/*/LC_MESSAGES/*.po")
    state = sub.add_parser("status", help="list the pages translated and not yet translated")
    state.add_argument("--summary", action="store_true", help="only the count")
    one = sub.add_parser("build", help="build one edition into _build/html/<lang>")
    one.add_argument("lang", choices=list(LANGUAGES))
    one.add_argument("--strict", action="store_true", help="-W -n --keep-going")
    one.add_argument("--cache", type=Path, default=None,
                     help="the English edition's notebook execution cache (default "
                          "OUT/.jupyter_cache; fi and sv use the same name with -fi, -sv)")
    land = sub.add_parser("landing", help="write _build/html/index.html")
    for command in (one, land):
        command.add_argument("--out", type=Path, default=BUILD,
                             help="the build folder (default _build): editions go to OUT/html/<lang>")
    args = parser.parse_args(argv)
    if args.command == "catalogues":
        return catalogues()
    if args.command == "status":
        print(status().splitlines()[0] if args.summary else status())
        return 0
    if args.command == "build":
        return build(args.lang, "html", args.out / "html" / args.lang, args.strict, args.out,
                     args.cache)
    landing(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
