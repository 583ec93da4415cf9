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

_STATEMENT_WORDS = {
    "For": "a loop", "AsyncFor": "a loop", "While": "a loop",
    "FunctionDef": "a function definition", "AsyncFunctionDef": "a function definition",
    "ClassDef": "a class definition", "If": "an if statement", "With": "a with statement",
    "AsyncWith": "a with statement", "Try": "a try statement", "Delete": "a del statement",
    "Global": "a global statement", "Nonlocal": "a nonlocal statement",
    "Return": "a return statement", "Raise": "a raise statement", "Assert": "an assert",
    "AugAssign": "an augmented assignment (+=)", "AnnAssign": "a type annotation",
    "Match": "a match statement",
}
_EXPRESSION_WORDS = {
    "BinOp": "an operator such as + or *", "BoolOp": "and/or", "Compare": "a comparison",
    "Subscript": "indexing", "IfExp": "a conditional expression", "Lambda": "a lambda",
    "ListComp": "a comprehension", "SetComp": "a comprehension", "DictComp": "a comprehension",
    "GeneratorExp": "a generator", "NamedExpr": "an assignment expression (:=)",
    "Starred": "* unpacking", "Await": "await", "Yield": "yield", "YieldFrom": "yield",
    "UnaryOp": "an operator such as not or ~", "Slice": "a slice",
}
_MAGIC = re.compile(r"^\s*%|=\s*%")
_SHELL = re.compile(r"^\s*!|=\s*!(?!=)")
# IPython's automagic: a one-line cell ``word rest`` runs as ``%word rest`` when ``word`` names a
# magic (``system touch x``, ``time ...``, ``cd ...``); any word is counted, to be safe.
_AUTOMAGIC = re.compile(r"^\s*[A-Za-z_][\w.]*(\s+(?![=,\s])|\s*$)")
_AUTOCALL = re.compile(r"^\s*[,;/]\s*[A-Za-z_]")
_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)|^(In \[\d+\]: |\s*\.\.\.+: ?)")
_HELP = re.compile(r"^\s*\?+\w|\w\?+\s*$")





def vet_source(source: str, where: str = "cell") -> list[Finding]:
    """Findings for one code cell that must hold only literal assignments (empty when fine).

    The kernel runs a cell through IPython first, which turns some text that is not Python into
    code (``%magic``, ``!shell``, ``/f x`` is ``f(x)``, a one-line ``system touch x`` is the magic
    ``%system``, indented cells, pasted ``>>>`` prompts), so what is checked is what IPython would
    run: IPython's own transformation when IPython is installed (it is, wherever nbgrader runs).
    """
    if not source.strip():
        return []
    runs = _what_ipython_runs(source)
    if runs.count("get_ipython()") > source.count("get_ipython()"):
        return [_ipython_finding(source, where) or _error(
            "magic", "IPython would run this cell as a command (a magic or a shell escape).",
            "Answer cells may hold only text between quotes.", where)]
    try:
        tree = _parse(runs)
    except SyntaxError as exc:
        ipython = (_ipython_finding(source, where) or _ipython_finding(runs, where)
                   or _automagic_finding(runs, where))
        if ipython:
            return [ipython]
        return [_error("syntax-error", f"The cell is not valid Python ({exc.msg}).",
                       "Keep the quotes and brackets of the released cell; change only the "
                       "text.", where, exc.lineno)]
    if tree is None:
        return [_error("syntax-error", "The cell cannot be read as Python (too deep or too big).",
                       "Ask the participant for a fresh copy of the notebook.", where)]
    findings: list[Finding] = []
    for stmt in tree.body:
        findings.extend(_check_statement(stmt, where))
    if findings and tree.body and isinstance(tree.body[0], ast.Expr):
        findings = [_automagic_finding(runs, where) or f for f in findings[:1]] + findings[1:]
    return _unique(findings)


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


def _automagic_finding(runs: str, where: str) -> Finding | None:
    """IPython runs a one-line cell ``word text`` as the magic ``%word text`` (automagic)."""
    lines = runs.strip().splitlines()
    if len(lines) != 1 or not _AUTOMAGIC.match(lines[0]):
        return None
    return _error("magic", "IPython would run this one-line cell as a command: a word and a "
                  "space at the start call the magic of that name (such as system, time or cd).",
                  "Answer cells may hold only text between quotes.", where, 1)


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


def _check_statement(stmt: ast.stmt, where: str) -> list[Finding]:
    if isinstance(stmt, ast.Assign):
        bad_targets = [t for t in stmt.targets if not _plain_target(t)]
        if bad_targets:
            return [_error("target", "The cell assigns to something other than a plain name.",
                           "Answers look like outcome_1 = (\"...\").", where, stmt.lineno)]
        return _check_value(stmt.value, where)
    if isinstance(stmt, ast.Expr):
        return _check_value(stmt.value, where)
    if isinstance(stmt, ast.Pass):
        return []
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        names = ", ".join(a.name for a in stmt.names)
        return [_error("import", f"The cell imports code ({names}).",
                       "Answer cells may hold only text between quotes.", where, stmt.lineno)]
    what = _STATEMENT_WORDS.get(type(stmt).__name__, f"a {type(stmt).__name__} statement")
    return [_error("statement", f"The cell contains {what}, which would run as code.",
                   "Answer cells may hold only text between quotes.", where, stmt.lineno)]


def _plain_target(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_plain_target(e) for e in node.elts)
    return False


def _check_value(node: ast.expr, where: str) -> list[Finding]:
    """Literals only: constants, f-strings without expressions, containers of literals."""
    line = getattr(node, "lineno", None)
    if isinstance(node, ast.Constant):
        return []
    if isinstance(node, ast.JoinedStr):
        if any(isinstance(v, ast.FormattedValue) for v in node.values):
            return [_error("f-string", "An f-string computes a value inside {braces}.",
                           "Write the text without f and without {braces}.", where, line)]
        return []
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [f for e in node.elts for f in _check_value(e, where)]
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            return [_error("expression", "A ** in a dictionary unpacks another value.",
                           "Write every key and value as text or a number.", where, line)]
        return [f for k in node.keys if k is not None for f in _check_value(k, where)] + [
            f for v in node.values for f in _check_value(v, where)]
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd))
            and isinstance(node.operand, ast.Constant)
            and isinstance(node.operand.value, (int, float, complex))):
        return []
    if isinstance(node, ast.Call):
        name = _dotted(node.func)
        return [_error("call", f"The cell calls {name + '(...)' if name else 'a function'}.",
                       "Answer cells may hold only text between quotes.", where, line)]
    if isinstance(node, ast.Attribute):
        return [_error("attribute", f"The cell reads an attribute ({_dotted(node) or '...'}).",
                       "Answer cells may hold only text between quotes.", where, line)]
    if isinstance(node, ast.Name):
        return [_error("name", f"The answer is the name {node.id}, not text.",
                       "Put the answer between quotes.", where, line)]
    what = _EXPRESSION_WORDS.get(type(node).__name__, "an expression")
    return [_error("expression", f"The cell computes a value ({what}).",
                   "Answer cells may hold only text between quotes.", where, line)]


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


def _ipython_finding(source: str, where: str) -> Finding | None:
    """A clearer finding than 'syntax error' for IPython's own syntax: %magic, !shell, ?help."""
    for n, line in enumerate(source.splitlines(), 1):
        if _AUTOCALL.search(line):
            return _error("magic", "IPython would run this line as a function call (, ; or / "
                          "at its start).", "Answer cells may hold only text between quotes.",
                          where, n)
        if _SHELL.search(line):
            return _error("shell", "The cell runs a shell command (!).",
                          "Answer cells may hold only text between quotes.", where, n)
        if _MAGIC.search(line):
            return _error("magic", "The cell uses an IPython magic (%).",
                          "Answer cells may hold only text between quotes.", where, n)
        if _HELP.search(line):
            return _error("magic", "The cell asks IPython for help (?).",
                          "Answer cells may hold only text between quotes.", where, n)
    return None


def _error(code: str, message: str, suggestion: str, where: str, line: int | None = None,
           severity: str = "error") -> Finding:
    element = f"{where}, line {line}" if line else where
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
