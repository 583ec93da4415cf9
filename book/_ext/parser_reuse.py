"""MyST's Markdown parser and docutils' default settings made once per build and reused, instead
of once per piece of text MyST parses.

In the fi and sv editions Sphinx parses every translated paragraph as a little document of its own
(`sphinx.transforms.i18n.publish_msgstr`: ~4,300 per edition). For each, MyST built a new
markdown-it parser with all its plugins (`create_md_parser`, ~1 ms) and docutils' default settings
for a document it then threw away (`options.get("document", make_document())` evaluates its
default even when a document is given; ~0.4 ms): about 6 s of CPU per edition.

- `create_md_parser` (as `myst_parser.parsers.sphinx_` calls it) hands out a parser made earlier
  for the same configuration when one is free, and takes it back when its `render` returns; a
  parse that starts inside another's render gets a parser of its own. `MystParser.parse` sets only
  `options["document"]`, and the renderer sets up its state at the start of every render.
- `make_document` gives each document a deep copy of settings made once per parser class, the
  same values `get_default_settings` returns.

The HTML of every page is the same as without this module (checked byte for byte on the en and fi
editions when it was written).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import myst_parser.mdit_to_docutils.base as renderer_base
import myst_parser.parsers.sphinx_ as sphinx_parser
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document

_create_md_parser = sphinx_parser.create_md_parser
_free: dict[tuple[str, type], list[Any]] = {}
_settings: dict[type, Any] = {}


def create_md_parser(config: Any, renderer: Callable) -> Any:
    """A free parser made earlier for this configuration and renderer, else a new one."""
    key = (repr(config), renderer)
    free = _free.setdefault(key, [])
    if free:
        return free.pop()
    parser = _create_md_parser(config, renderer)
    render = parser.render

    def render_then_free(src: str, env: Any = None) -> Any:
        try:
            return render(src, env)
        finally:
            free.append(parser)

    parser.render = render_then_free
    return parser


def make_document(source_path: str = "notset", parser_cls: type = RSTParser) -> Any:
    """A new docutils document with the parser class's default settings."""
    if parser_cls not in _settings:
        _settings[parser_cls] = get_default_settings(parser_cls)
    return new_document(source_path, settings=copy.deepcopy(_settings[parser_cls]))


def setup(app):
    sphinx_parser.create_md_parser = create_md_parser
    renderer_base.make_document = make_document
    return {"parallel_read_safe": True, "parallel_write_safe": True}
