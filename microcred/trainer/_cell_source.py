"""Vetting one code cell's source: only literal assignments pass.

The source is parsed with :mod:`ast` (after IPython's own transform, so that magics, shell
escapes, automagic and autocall are seen as IPython would run them) and every statement is
checked: an assignment of literals to plain names is fine; imports, calls, attribute access,
names on the right-hand side, operators, loops and f-strings with expressions are not.
Nothing here runs the source. ``vet.py`` applies it to every code cell of a submission.
"""

from __future__ import annotations

import ast
import re

from ..findings import Finding
from ._text import tr

# What a statement or expression is, as a key of "trainer.vet.what.*" (said in the message).
_STATEMENT_WORDS = {
    "For": "loop", "AsyncFor": "loop", "While": "loop", "FunctionDef": "function",
    "AsyncFunctionDef": "function", "ClassDef": "class", "If": "if", "With": "with",
    "AsyncWith": "with", "Try": "try", "Delete": "del", "Global": "global",
    "Nonlocal": "nonlocal", "Return": "return", "Raise": "raise", "Assert": "assert",
    "AugAssign": "augassign", "AnnAssign": "annotation", "Match": "match",
}
_EXPRESSION_WORDS = {
    "BinOp": "operator", "BoolOp": "andor", "Compare": "comparison", "Subscript": "indexing",
    "IfExp": "conditional", "Lambda": "lambda", "ListComp": "comprehension",
    "SetComp": "comprehension", "DictComp": "comprehension", "GeneratorExp": "generator",
    "NamedExpr": "walrus", "Starred": "unpacking", "Await": "await", "Yield": "yield",
    "YieldFrom": "yield", "UnaryOp": "unary", "Slice": "slice",
}
_MAGIC = re.compile(r"^\s*%|=\s*%")
_SHELL = re.compile(r"^\s*!|=\s*!(?!=)")
# IPython's automagic: a one-line cell ``word rest`` runs as ``%word rest`` when ``word`` names a
# magic (``system touch x``, ``time ...``, ``cd ...``); any word is counted, to be safe.
_AUTOMAGIC = re.compile(r"^\s*[A-Za-z_][\w.]*(\s+(?![=,\s])|\s*$)")
_AUTOCALL = re.compile(r"^\s*[,;/]\s*[A-Za-z_]")
_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)|^(In \[\d+\]: |\s*\.\.\.+: ?)")
_HELP = re.compile(r"^\s*\?+\w|\w\?+\s*$")





def vet_source(source: str, where: str = "cell", lang: str = "en") -> list[Finding]:
    """Findings for one code cell that must hold only literal assignments (empty when fine).

    The kernel runs a cell through IPython first, which turns some text that is not Python into
    code (``%magic``, ``!shell``, ``/f x`` is ``f(x)``, a one-line ``system touch x`` is the magic
    ``%system``, indented cells, pasted ``>>>`` prompts), so what is checked is what IPython would
    run: IPython's own transformation when IPython is installed (it is, wherever nbgrader runs).
    The messages are in ``lang``.
    """
    if not source.strip():
        return []
    runs = _what_ipython_runs(source)
    if runs.count("get_ipython()") > source.count("get_ipython()"):
        return [_ipython_finding(source, where, lang) or _error(
            "magic", tr("vet.command", lang), tr("vet.only-text", lang), where, lang=lang)]
    try:
        tree = _parse(runs)
    except SyntaxError as exc:
        ipython = (_ipython_finding(source, where, lang) or _ipython_finding(runs, where, lang)
                   or _automagic_finding(runs, where, lang))
        if ipython:
            return [ipython]
        return [_error("syntax-error", tr("vet.syntax-error", lang, problem=_syntax_problem(exc, lang)),
                       tr("vet.keep-quotes", lang), where, exc.lineno, lang=lang)]
    if tree is None:
        return [_error("syntax-error", tr("vet.too-deep", lang), tr("vet.fresh-copy", lang),
                       where, lang=lang)]
    findings: list[Finding] = []
    for stmt in tree.body:
        findings.extend(_check_statement(stmt, where, lang))
    if findings and tree.body and isinstance(tree.body[0], ast.Expr):
        findings = [_automagic_finding(runs, where, lang) or f for f in findings[:1]] + findings[1:]
    return _unique(findings)


# Python words its syntax errors in English; the common ones a participant makes when editing text
# are said in the screen language (the bracket or quote named), the rest by line and column.
_SYNTAX_KINDS = [
    (re.compile(r"'(?P<bracket>.)' was never closed"), "vet.syntax.unclosed"),
    (re.compile(r"unmatched '(?P<bracket>.)'"), "vet.syntax.unmatched"),
    (re.compile(r"closing parenthesis '(?P<closing>.)' does not match opening parenthesis "
                r"'(?P<opening>.)'"), "vet.syntax.mismatch"),
    (re.compile(r"unterminated (triple-quoted )?string literal"), "vet.syntax.unclosed-quote"),
    (re.compile(r"unexpected indent|unindent does not match|expected an indented block"),
     "vet.syntax.indent"),
]


def _syntax_problem(exc: SyntaxError, lang: str) -> str:
    """What is wrong with the cell's Python, in the screen language (Python's own words in English)."""
    for pattern, key in _SYNTAX_KINDS:
        match = pattern.search(exc.msg or "")
        if match:
            return tr(key, lang, **match.groupdict())
    if lang == "en":
        return exc.msg
    return tr("vet.syntax.where", lang, line=exc.lineno or 1, column=exc.offset or 1)


_TRANSFORMER = None


def _what_ipython_runs(source: str) -> str:
    """The cell as IPython's input transformer hands it to Python (without IPython: our own
    clean-up steps, which cover the same prompts and indentation)."""
    global _TRANSFORMER
    try:
        if _TRANSFORMER is None:
            from IPython.core.inputtransformer2 import TransformerManager

            _TRANSFORMER = TransformerManager()
        return _TRANSFORMER.transform_cell(source)
    except ImportError:
        return _ipython_cleanup(source)
    except Exception:  # noqa: BLE001  (IPython fails on some broken input; then Python would too)
        return _ipython_cleanup(source)


def _automagic_finding(runs: str, where: str, lang: str = "en") -> Finding | None:
    """IPython runs a one-line cell ``word text`` as the magic ``%word text`` (automagic)."""
    lines = runs.strip().splitlines()
    if len(lines) != 1 or not _AUTOMAGIC.match(lines[0]):
        return None
    return _error("magic", tr("vet.automagic", lang), tr("vet.only-text", lang), where, 1,
                  lang=lang)


def _parse(source: str) -> ast.Module | None:
    """The syntax tree (SyntaxError if not Python), or None if too deep or big to read."""
    try:
        return ast.parse(source)
    except SyntaxError:
        raise
    except (ValueError, RecursionError, MemoryError):
        return None


def _ipython_cleanup(source: str) -> str:
    """What IPython's clean-up steps make of a cell before running it: leading empty lines
    dropped, the first line's indentation removed from all lines, ``>>>`` and ``In [1]:``
    prompts stripped."""
    lines = source.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip(" \t"))] if lines else ""
    if indent:
        lines = [line.removeprefix(indent) for line in lines]
    if any(_PROMPT.match(line) for line in lines[:2]):
        lines = [_PROMPT.sub("", line, count=1) for line in lines]
    return "\n".join(lines)


def _check_statement(stmt: ast.stmt, where: str, lang: str = "en") -> list[Finding]:
    if isinstance(stmt, ast.Assign):
        bad_targets = [t for t in stmt.targets if not _plain_target(t)]
        if bad_targets:
            return [_error("target", tr("vet.target", lang), tr("vet.target.do", lang), where,
                           stmt.lineno, lang=lang)]
        return _check_value(stmt.value, where, lang)
    if isinstance(stmt, ast.Expr):
        return _check_value(stmt.value, where, lang)
    if isinstance(stmt, ast.Pass):
        return []
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        names = ", ".join(a.name for a in stmt.names)
        return [_error("import", tr("vet.import", lang, names=names), tr("vet.only-text", lang),
                       where, stmt.lineno, lang=lang)]
    kind = type(stmt).__name__
    what = (tr(f"vet.what.{_STATEMENT_WORDS[kind]}", lang) if kind in _STATEMENT_WORDS
            else tr("vet.what.statement", lang, kind=kind))
    return [_error("statement", tr("vet.statement", lang, what=what), tr("vet.only-text", lang),
                   where, stmt.lineno, lang=lang)]


def _plain_target(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_plain_target(e) for e in node.elts)
    return False


def _check_value(node: ast.expr, where: str, lang: str = "en") -> list[Finding]:
    """Literals only: constants, f-strings without expressions, containers of literals."""
    line = getattr(node, "lineno", None)
    only_text = tr("vet.only-text", lang)
    if isinstance(node, ast.Constant):
        return []
    if isinstance(node, ast.JoinedStr):
        if any(isinstance(v, ast.FormattedValue) for v in node.values):
            return [_error("f-string", tr("vet.f-string", lang), tr("vet.f-string.do", lang),
                           where, line, lang=lang)]
        return []
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [f for e in node.elts for f in _check_value(e, where, lang)]
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            return [_error("expression", tr("vet.dict-unpack", lang),
                           tr("vet.dict-unpack.do", lang), where, line, lang=lang)]
        return [f for k in node.keys if k is not None for f in _check_value(k, where, lang)] + [
            f for v in node.values for f in _check_value(v, where, lang)]
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd))
            and isinstance(node.operand, ast.Constant)
            and isinstance(node.operand.value, (int, float, complex))):
        return []
    if isinstance(node, ast.Call):
        name = _dotted(node.func)
        what = name + "(...)" if name else tr("vet.a-function", lang)
        return [_error("call", tr("vet.call", lang, what=what), only_text, where, line,
                       lang=lang)]
    if isinstance(node, ast.Attribute):
        return [_error("attribute", tr("vet.attribute", lang, name=_dotted(node) or "..."),
                       only_text, where, line, lang=lang)]
    if isinstance(node, ast.Name):
        return [_error("name", tr("vet.name", lang, name=node.id), tr("vet.name.do", lang),
                       where, line, lang=lang)]
    kind = type(node).__name__
    what = tr(f"vet.what.{_EXPRESSION_WORDS.get(kind, 'expression')}", lang)
    return [_error("expression", tr("vet.expression", lang, what=what), only_text, where, line,
                   lang=lang)]


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


def _ipython_finding(source: str, where: str, lang: str = "en") -> Finding | None:
    """A clearer finding than 'syntax error' for IPython's own syntax: %magic, !shell, ?help."""
    for n, line in enumerate(source.splitlines(), 1):
        for pattern, code, key in ((_AUTOCALL, "magic", "autocall"), (_SHELL, "shell", "shell"),
                                   (_MAGIC, "magic", "magic"), (_HELP, "magic", "help")):
            if pattern.search(line):
                return _error(code, tr(f"vet.{key}", lang), tr("vet.only-text", lang), where, n,
                              lang=lang)
    return None


def _error(code: str, message: str, suggestion: str, where: str, line: int | None = None,
           severity: str = "error", lang: str = "en") -> Finding:
    element = tr("vet.line", lang, where=where, line=line) if line else where
    return Finding(code, severity, message, suggestion, element)  # type: ignore[arg-type]


def _warning(code: str, message: str, suggestion: str, where: str) -> Finding:
    return _error(code, message, suggestion, where, severity="warning")


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.code, f.element)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
