"""Build JupyterLab's Finnish and Swedish language packs from the catalogues in po/.

    python lab-language/build.py            # po/*.po -> the packs' locale/*/LC_MESSAGES/*.{json,mo}
    python lab-language/build.py --check    # exit 1 when a built file differs from what po/ gives
    python lab-language/build.py unused     # msgids of po/ that the installed JupyterLab lacks
    python lab-language/build.py community MO LOCALE
                                            # a community pack's .mo -> po/<LOCALE>-community.po
    python lab-language/build.py extension  # extension/ (TypeScript) -> labextension/ (needs node)

JupyterLab reads a pack two ways (jupyterlab_server/translation_utils.py): the page gets the
JSON files of the pack found under the entry point ``jupyterlab.languagepack`` (one per gettext
domain: ``jupyterlab`` for JupyterLab itself), and the server translates the settings schemas
(the menu bar's titles, submenus) with the .mo files of the module
``jupyterlab_language_pack_<locale>``. Each locale's catalogues are merged in order: the
community's (``<locale>-community.po``, if any), then ours (``<locale>.po``), ours winning.
Only translated, non-fuzzy messages are written. Babel (a dependency of JupyterLab) does the
reading and the .mo; nothing else is needed.

The course's JupyterLab extension (extension/src/index.ts) translates the labels JupyterLab
draws without its translator, with the ``jupyterlab`` domain and our own
``microcred_lab_language`` (po/microcred_lab_language-<locale>.po: text that is no message of
JupyterLab's). ``build.py extension`` builds it into labextension/ (what pip installs, so that
CI and Binder need no node) and records there the SHA-256 of its sources; ``--check`` and
tests/test_lab_language_packs.py fail when the build is older than its sources.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
PO = HERE / "po"
LOCALES = ("fi_FI", "sv_SE")
DOMAINS = ("jupyterlab", "jupyterlab_widgets", "notebook", "microcred_lab_language")
VERSION = "4.6"  # the JupyterLab whose strings the catalogues translate
FIXED = datetime(2026, 12, 5, tzinfo=timezone.utc)
EXTENSION = HERE / "extension"  # the extension's TypeScript, package.json and lock file
LABEXTENSION = HERE / "labextension"  # its build (package.json, static/), installed by pip
SOURCES_KEY = "_sourcesSha256"  # where the build records the hash of the sources it was made of


def pack_dir(locale: str) -> Path:
    return HERE / f"jupyterlab_language_pack_{locale}" / "locale" / locale / "LC_MESSAGES"


def sources(locale: str, domain: str) -> list[Path]:
    """The catalogues of ``locale`` and ``domain``, the community's first, ours last."""
    stem = "" if domain == "jupyterlab" else f"{domain}-"
    return [p for p in (PO / f"{stem}{locale}-community.po", PO / f"{stem}{locale}.po")
            if p.exists()]


def merged(locale: str, domain: str) -> Catalog | None:
    """One catalogue of every translated message of ``locale`` in ``domain`` (None: none)."""
    paths = sources(locale, domain)
    if not paths:
        return None
    out = Catalog(locale=locale, domain=domain, project="jupyterlab", version=VERSION,
                  fuzzy=False, creation_date=FIXED, revision_date=FIXED)  # same input, same bytes
    for path in paths:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=locale, domain=domain)
        for message in catalog:
            if message.id and message.string and not message.fuzzy and all(
                    message.string if isinstance(message.string, tuple) else [message.string]):
                if out.get(message.id, message.context) is not None:
                    out.delete(message.id, message.context)  # a later file wins
                out[message.id] = message
    return out


def as_json(catalog: Catalog, locale: str, domain: str) -> str:
    """The catalogue as JupyterLab's page reads it: msgid (with ``context\\x04`` in front when
    it has one) -> [forms]; the header under ""."""
    data: dict[str, object] = {"": {"domain": domain, "language": locale.replace("_", "-"),
                                    "plural_forms": catalog.plural_forms, "version": VERSION}}
    for message in sorted(catalog, key=lambda m: (m.context or "", str(m.id))):
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        data[key] = list(forms)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def as_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def built() -> dict[Path, bytes]:
    """Every file the packs hold, from po/."""
    files: dict[Path, bytes] = {}
    for locale in LOCALES:
        for domain in DOMAINS:
            catalog = merged(locale, domain)
            if catalog is None:
                continue
            files[pack_dir(locale) / f"{domain}.json"] = as_json(catalog, locale, domain).encode()
            files[pack_dir(locale) / f"{domain}.mo"] = as_mo(catalog)
    return files


# A message in JupyterLab's bundled JavaScript: trans.__("..."), trans._n("...", "...", n),
# trans._p("context", "...") (minified, so any name before the dot), in any JS string quotes.
_STRING = r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\$]|\\.)*)`)"""
_CALLS = {"__": 1, "_n": 2, "_p": 2, "_np": 3}


def _js_string(raw: str) -> str:
    """A JavaScript string literal's text."""
    text = re.sub(r'(?<!\\)"', r'\\"', raw.replace("\\'", "'").replace("\\`", "`"))
    text = re.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", text.replace("\n", "\\n"))
    try:
        return str(json.loads(f'"{text}"'))
    except ValueError:
        return raw


def installed_strings(share: Path | None = None) -> set[tuple[str, str]]:
    """(context, msgid) of every message the installed JupyterLab and its extensions pass to
    their translator: from their JavaScript and their settings schemas (as jupyterlab_server
    translates those). Plural forms count as msgids too."""
    from jupyterlab_server.translation_utils import translator

    share = share or Path(sys.prefix) / "share" / "jupyter"
    found: set[tuple[str, str]] = set()
    scripts = [*share.glob("lab/static/*.js"), *share.glob("labextensions/**/static/*.js")]
    patterns = {name: re.compile(r"\." + name + r"\(" + ",".join([_STRING] * n))
                for name, n in _CALLS.items()}
    for script in scripts:
        code = script.read_text(encoding="utf-8", errors="replace")
        for name, pattern in patterns.items():
            for match in pattern.finditer(code):
                texts = [_js_string(next(g for g in match.groups()[i:i + 3] if g is not None))
                         for i in range(0, len(match.groups()), 3)]
                context = texts.pop(0) if name in ("_p", "_np") else ""
                found.update((context, text) for text in texts)

    class Recorder:
        def pgettext(self, context: str, text: str) -> str:
            found.add((context, text))
            return text

    for schema in [*share.glob("lab/schemas/**/*.json"), *share.glob("labextensions/**/*.json")]:
        try:
            data = json.loads(schema.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        if isinstance(data, dict) and schema.name != "package.json":
            translator._translate_schema_strings(Recorder(), data)
    return found


def ours() -> list[tuple[str, str, str, object]]:
    """(file, context, msgid, translation) of every message in our own catalogues."""
    found = []
    for path in sorted(PO.glob("*.po")):
        if path.stem.endswith("-community"):
            continue
        with path.open("rb") as fh:
            for message in read_po(fh):
                if message.id:
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    found.extend((path.name, message.context or "", i, message.string)
                                 for i in ids)
    return found


def community(mo: Path, locale: str) -> None:
    """A community pack's compiled catalogue as po/<domain-><locale>-community.po (its .mo has
    the plural msgids that its JSON lacks)."""
    domain = mo.stem
    with mo.open("rb") as fh:
        catalog = read_mo(fh)
    catalog.locale, catalog.domain = locale, domain
    stem = "" if domain == "jupyterlab" else f"{domain}-"
    catalog.header_comment = (
        f"# JupyterLab's {domain} messages in {locale}: the community translation by Project Jupyter\n"
        "# Contributors (https://github.com/jupyterlab/language-packs), BSD-3-Clause licence: see\n"
        f"# ../LICENSE-community.txt. Converted from jupyterlab-language-pack-{locale.replace('_', '-')}'s\n"
        f"# {mo.name} by `build.py community`; not edited here\n"
        f"# (our own translations in po/{stem}{locale}.po win over these).")
    with (PO / f"{stem}{locale}-community.po").open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, omit_header=False)


def extension_sources() -> list[Path]:
    """The files the extension's build is made of (node_modules/ and lib/ are not sources)."""
    files = [EXTENSION / name for name in ("package.json", "package-lock.json", "tsconfig.json",
                                           "install.json")]
    return sorted([*files, *(p for p in (EXTENSION / "src").rglob("*") if p.is_file())])


def sources_hash() -> str:
    """SHA-256 of the extension's sources: each file's path (in extension/) and bytes."""
    digest = hashlib.sha256()
    for path in extension_sources():
        digest.update(path.relative_to(EXTENSION).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def recorded_hash() -> str | None:
    """The hash the committed build records (None: no build)."""
    built_package = LABEXTENSION / "package.json"
    if not built_package.exists():
        return None
    return json.loads(built_package.read_text(encoding="utf-8")).get(SOURCES_KEY)


def build_extension() -> None:
    """extension/ -> labextension/: npm ci (once), tsc, JupyterLab's builder, then the hash of
    the sources into the built package.json."""
    def run(*command: str) -> None:
        print("$", " ".join(command))
        subprocess.run(command, cwd=EXTENSION, check=True)

    if not (EXTENSION / "node_modules").exists():
        run("npm", "ci", "--no-audit", "--no-fund")
    shutil.rmtree(EXTENSION / "lib", ignore_errors=True)
    shutil.rmtree(LABEXTENSION, ignore_errors=True)  # no stale chunks left beside the new ones
    run(str(EXTENSION / "node_modules" / ".bin" / "tsc"))
    builder = Path(sys.executable).parent / "jupyter-builder"
    run(str(builder) if builder.exists() else "jupyter-builder", "build", ".")
    built_package = LABEXTENSION / "package.json"
    data = json.loads(built_package.read_text(encoding="utf-8"))
    data[SOURCES_KEY] = sources_hash()
    built_package.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {LABEXTENSION.relative_to(HERE)}/ ({SOURCES_KEY} {data[SOURCES_KEY][:12]}…)")


def main(argv: list[str]) -> int:
    if argv[:1] == ["extension"]:
        build_extension()
        return 0
    if argv[:1] == ["community"]:
        community(Path(argv[1]), argv[2])
        return 0
    if argv[:1] == ["unused"]:
        used = installed_strings()
        unused = [(f, c, i) for f, c, i, _ in ours() if (c, i) not in used]
        for name, context, msgid in unused:
            print(f"{name}: {context + ' | ' if context else ''}{msgid!r}")
        return 1 if unused else 0
    files = built()
    if argv[:1] == ["--check"]:
        stale = [str(p.relative_to(HERE)) for p, data in files.items()
                 if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path} (run: python lab-language/build.py)")
        if recorded_hash() != sources_hash():
            stale.append(str(LABEXTENSION.relative_to(HERE)))
            print("stale: labextension/ (run: python lab-language/build.py extension)")
        return 1 if stale else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
