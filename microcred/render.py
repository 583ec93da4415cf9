"""Jinja2 templates (``microcred/templates``) for HTML and Markdown output: cards, reports, kits.

HTML templates are autoescaped, so text a participant typed can never become markup.
Self-contained pages embed charts with ``charts.to_data_uri`` rather than linking files.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment() -> Environment:
    """The shared template environment (autoescape for .html/.j2.html, strict undefined)."""
    return Environment(
        loader=PackageLoader("microcred", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: object) -> str:
    """Render ``templates/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)
