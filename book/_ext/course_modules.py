"""Directives that show a module's outcomes, time and self-check quiz from the course's data.

The outcomes and quiz live once, in ``microcred/data/course/`` (en/fi/sv), because the
competence self-assessment and the quiz widget use them too; a module page names its module:

    ```{module-intro} outcomes
    ```

    ```{self-check} outcomes
    ```

Each directive writes the MyST text that ``microcred.course.intro_markdown`` and
``microcred.quiz.quiz_markdown`` produce (the slides use the same functions), in the language
of the edition being built (Sphinx's ``language``: en, fi or sv). That text is already translated
in the data, so it is marked untranslatable and stays out of the gettext catalogues (locales/).
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from microcred import course, quiz
from microcred.errors import UserError
from microcred.i18n import t

QUIZ_NOTEBOOK = "/notebooks/self-check"


class _ModuleDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def markdown(self, module_id: str) -> str:
        raise NotImplementedError

    @property
    def lang(self) -> str:
        """The edition's language; English for any language the course data does not have."""
        lang = self.config.language or "en"
        return lang if lang in ("en", "fi", "sv") else "en"

    def run(self) -> list[nodes.Node]:
        try:
            text = self.markdown(self.arguments[0])
        except UserError as exc:
            return [self.state.document.reporter.error(str(exc), line=self.lineno)]
        holder = nodes.container(classes=[self.name])
        self.state.nested_parse(StringList(text.splitlines(), source=self.get_source_info()[0]),
                                self.content_offset, holder)
        for node in holder.findall(nodes.TextElement):
            node["translatable"] = False
        return [holder]


class ModuleIntro(_ModuleDirective):
    """The opening of a module page: its outcomes, the time it takes and what to bring."""

    def markdown(self, module_id: str) -> str:
        body = course.intro_markdown(module_id, self.lang)
        title = t("course.about-module", self.lang)
        return f"::::{{admonition}} {title}\n:class: note\n{body}\n::::"


class SelfCheck(_ModuleDirective):
    """The end of a module page: the self-check quiz, answers folded away."""

    def markdown(self, module_id: str) -> str:
        link = t("quiz.interactive", self.lang, link=f"{{doc}}`{QUIZ_NOTEBOOK}`")
        return f"{quiz.quiz_markdown(module_id, self.lang)}\n{link}"


def setup(app):
    app.add_directive("module-intro", ModuleIntro)
    app.add_directive("self-check", SelfCheck)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
