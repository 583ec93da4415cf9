"""A fuzzer for the command line: every command with damaged input files and odd options.

Each case runs ``microcred.cli.main`` in this process on a file made from one of the kit's own
examples with a few values replaced (infinity, NaN, 10**400, deep nesting, control characters,
wrong types, megabytes of text ...), or on a damaged text, with options picked at random. A case
fails when anything but a clean exit comes out: a traceback, invalid JSON from ``--json``
(NaN, Infinity) or a case running longer than ``limit`` seconds. ``tests/cli/test_fuzz.py``
runs a few hundred cases per command; ``bench/bench_fuzz_cli.py`` runs thousands.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from microcred.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "microcred" / "examples"

NASTY: list[object] = [
    None, "", " ", True, False, 0, -1, 3.5, -0.0, 10**400, -(10**400), float("inf"),
    float("-inf"), float("nan"), "1e400", "NaN", "-5", "x" * 20_000, "\x1b[2J\x1b]0;x\x07",
    "$\\frac{", "{{ 7 * 7 }}", "<script>alert(1)</script>", "../../etc/passwd", "2026-02-30",
    "ä" * 50, [], {}, [None], {"a": [1, {"b": None}]}, ["x"] * 300, "\u202e", "0" * 400,
]
OPTION_VALUES: list[str] = ["0", "-1", "1e400", "nan", "inf", "3.5", "abc", "", "2026-02-30",
                            "\x1b[2J", "x" * 500, "../x", "fi", "99999999999999999999"]


def _seeds() -> dict[str, object]:
    """Plain data of the kit's own example files, by kind."""
    ex = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLES.glob("*.yaml")}
    needs = REPO / "microcred" / "data" / "needs"
    qa_data = REPO / "microcred" / "data" / "qa"
    return {
        "design": ex["capstone-example"],
        "credential": ex["machine-vision"],
        "canvas": yaml.safe_load((needs / "sample_canvas.yaml").read_text(encoding="utf-8")),
        "needs": yaml.safe_load((needs / "sample_needs.yaml").read_text(encoding="utf-8")),
        "outcomes": yaml.safe_load((needs / "sample_outcomes.yaml").read_text(encoding="utf-8")),
        "qa": json.loads((qa_data / "example.json").read_text(encoding="utf-8")),
        "price": {"commissioned": {"title": "T", "currency": "EUR", "participants": 20,
                                   "roles": [{"role": "teacher", "hours": 60, "rate": 85}],
                                   "fixed_costs": 600, "per_participant_costs": 40,
                                   "overhead_pct": 40, "margin_pct": 10}},
        "selfcheck": {"answers": {"O1": 2, "O2": 3, "C1": 1}},
    }


def mutate(data: object, rng: random.Random, n: int = 3) -> object:
    """``data`` with ``n`` random nodes replaced, removed or given an unknown key."""
    data = copy.deepcopy(data)
    for _ in range(n):
        paths: list[tuple[object, object]] = []
        _walk(data, paths)
        if not paths:
            return rng.choice(NASTY)
        parent, k = rng.choice(paths)
        roll = rng.random()
        if roll < 0.7:
            parent[k] = copy.deepcopy(rng.choice(NASTY))  # type: ignore[index]
        elif roll < 0.85 and isinstance(parent, dict):
            del parent[k]
        elif isinstance(parent, dict):
            parent[rng.choice(["unknown", "x" * 300, "\x00", "1"])] = rng.choice(NASTY)
    return data


def _walk(node: object, paths: list[tuple[object, object]], depth: int = 0) -> None:
    """Collect (container, key) of every node under ``node`` (8 levels at most)."""
    if depth > 8:
        return
    items = node.items() if isinstance(node, dict) else (
        enumerate(node) if isinstance(node, list) else ())
    for k, v in list(items):
        paths.append((node, k))
        _walk(v, paths, depth + 1)


def damaged_text(text: str, rng: random.Random) -> str:
    """``text`` cut short, with bytes inserted, or replaced by a pathological document."""
    roll = rng.random()
    if roll < 0.3:
        return text[: rng.randrange(len(text) + 1)]
    if roll < 0.5:
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(["\x00", ":", "- [", "{{", "\t", "&a *a", "!!python/x"]) + \
            text[at:]
    if roll < 0.6:
        return "a: " + "[" * 5000 + "]" * 5000
    if roll < 0.7:
        return "a: &a [" + ", ".join(["*a"] * 50) + "]"  # an alias bomb, small
    if roll < 0.8:
        return "\ufeff" + text
    return rng.choice(["", "null", "[]", "42", "- a\n- b", '"just text"', "\x1b[2J"])


@dataclass
class Outcome:
    """The result of one fuzz case."""

    argv: list[str]
    code: int | None
    seconds: float
    problem: str = ""  # empty when the case passed


@dataclass
class Fuzzer:
    """Makes and runs cases in ``folder`` (a temporary folder of the caller's)."""

    folder: Path
    seed: int = 0
    limit: float = 60.0
    rng: random.Random = field(init=False)
    seeds: dict[str, object] = field(init=False)
    counter: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.seeds = _seeds()

    def file(self, kind: str, suffix: str = ".yaml") -> str:
        """A damaged input file of ``kind``; its path."""
        self.counter += 1
        path = self.folder / f"in{self.counter}{suffix}"
        data = mutate(self.seeds[kind], self.rng, self.rng.randint(1, 4))
        if suffix == ".json":
            text = json.dumps(data, ensure_ascii=False, default=str)
        else:
            try:
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            except (yaml.YAMLError, ValueError, RecursionError):
                text = str(data)
        if self.rng.random() < 0.25:
            text = damaged_text(text, self.rng)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return str(path)

    def out(self, suffix: str) -> str:
        """An output path: usually fine, sometimes a folder or in a folder that is missing."""
        self.counter += 1
        roll = self.rng.random()
        if roll < 0.1:
            return str(self.folder)
        if roll < 0.2:
            return str(self.folder / "missing" / f"o{suffix}")
        return str(self.folder / f"out{self.counter}{suffix}")

    def opt(self, *choices: str) -> str:
        return self.rng.choice([*choices, *OPTION_VALUES])

    def maybe(self, *args: str, p: float = 0.5) -> list[str]:
        return list(args) if self.rng.random() < p else []

    def lang(self, flag: str = "--lang") -> list[str]:
        return self.maybe(flag, self.rng.choice(["en", "fi", "sv"]), p=0.3)

    # --- one case per command -------------------------------------------------------------

    def commands(self) -> dict[str, Callable[[], list[str]]]:
        """Argument lists for every command and action (the slow ones apart: ``grading demo``
        runs nbgrader for minutes, ``slides`` builds the book)."""
        f, o = self.file, self.out
        return {
            "alignment": lambda: ["alignment", f("design"), *self.lang(), *self.maybe("--json"),
                                  *self.maybe("--chart", o(".png"), p=0.1)],
            "commissioned price": lambda: ["commissioned", "price", f("price"), *self.lang(),
                                           *self.maybe("--json"),
                                           *self.maybe("--chart", o(".png"), p=0.1)],
            "commissioned check": lambda: ["commissioned", "check", f("selfcheck"),
                                           *self.lang(), *self.maybe("--json")],
            "commissioned template": lambda: ["commissioned", "template",
                                              self.rng.choice(["price", "check"]), *self.lang()],
            "competence cohort": lambda: ["competence", "cohort", self._folder_of("qa"), "-o",
                                          o(".html"), *self.maybe("--threshold", self.opt("5"))],
            "credential check": lambda: ["credential", "check", f("credential"), *self.lang(),
                                         *self.maybe("--json")],
            "credential export": lambda: [
                "credential", "export", f("credential"), "--format",
                self.rng.choice(["ob3", "html", "md"]), "-o", o(".out"),
                *self.maybe("--learner", self.opt("a@b.fi", "Aino")),
                *self.maybe("--issued", self.opt("2026-01-01")),
                *self.maybe("--grade", self.opt("5")), *self.maybe("--hash-learner")],
            "design new": lambda: ["design", "new", o(".yaml"), *self.lang("--language"),
                                   *self.maybe("--title", self.opt("T")), *self.maybe("--force")],
            "design check": lambda: ["design", "check", f("design"), *self.lang(),
                                     *self.maybe("--json"),
                                     *self.maybe("--qa", f("qa", ".json"), p=0.2),
                                     *self.maybe("--html", o(".html"), p=0.1)],
            "design export": lambda: [
                "design", "export", f("design"), "--format",
                self.rng.choice(["ob3", "html", "md"]), "-o", o(".out"),
                *self.maybe("--learner", self.opt("a@b.fi")),
                *self.maybe("--issued", self.opt("2026-01-01"))],
            "grading vet": lambda: ["grading", "vet", self._submission(), "--course",
                                    str(self.folder / "course"), *self.maybe("--json"),
                                    *self.maybe("--keep")],
            "grading roster": lambda: ["grading", "roster", self._roster(), "--dry-run"],
            "grading report": lambda: ["grading", "report", "--course", str(self.folder),
                                       "-o", o(".html"),
                                       *self.maybe("--pass-mark", self.opt("0.5"))],
            "grading export": lambda: ["grading", "export", "--format",
                                       self.rng.choice(["moodle", "canvas", "excel"]),
                                       "--course", str(self.folder), "-o", o(".csv")],
            "grading badges": lambda: ["grading", "badges", "-o", o(""), "--course",
                                       str(self.folder), *self.maybe("--design", f("design")),
                                       *self.maybe("--pass-mark", self.opt("0.5"))],
            "needs match": lambda: ["needs", "match", f("needs"), f("outcomes"),
                                    *self.maybe("--threshold", self.opt("0.3")),
                                    *self.lang(), *self.maybe("--json"),
                                    *self.maybe("--heatmap", o(".png"), p=0.1)],
            "needs check": lambda: ["needs", "check", f("canvas"), *self.lang(),
                                    *self.maybe("--json")],
            "needs guide": lambda: ["needs", "guide", f("canvas"), *self.lang(),
                                    *self.maybe("--minutes", self.opt("60")), "-o", o(".md")],
            "needs sample": lambda: ["needs", "sample",
                                     self.rng.choice(["canvas", "needs", "outcomes"])],
            "outcomes": lambda: ["outcomes", self._lines(), *self.lang("--language"),
                                 *self.maybe("--json")],
            "pathway": lambda: ["pathway", f("design"), *self.lang(), *self.maybe("--json"),
                                *self.maybe("--completed", self.opt("a,b"))],
            "qa report": lambda: ["qa", "report", f("qa", ".json"), "-o", o(".html"),
                                  *self.maybe("--compare", f("qa", ".json"), p=0.3)],
            "qa cohort": lambda: ["qa", "cohort", self._folder_of("qa"), "-o", o(".html"),
                                  *self.maybe("--threshold", self.opt("5")),
                                  *self.maybe("--all-versions")],
            "workload": lambda: ["workload", f("design"), *self.lang(), *self.maybe("--json"),
                                 *self.maybe("--convention", self.opt("ects", "fi", "se"))],
        }

    def _lines(self) -> str:
        self.counter += 1
        path = self.folder / f"lines{self.counter}.txt"
        items = self.seeds["outcomes"]
        texts = [str(x) for x in (items if isinstance(items, list) else [items])][:5]
        lines = [self.rng.choice([*texts, str(self.rng.choice(NASTY))]) for _ in range(5)]
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        return str(path)

    def _folder_of(self, kind: str) -> str:
        self.counter += 1
        folder = self.folder / f"group{self.counter}"
        for n in range(self.rng.randint(0, 6)):
            (folder / f"p{n}").mkdir(parents=True, exist_ok=True)
            Path(self.file(kind, ".json")).rename(folder / f"p{n}" / "a.json")
        folder.mkdir(exist_ok=True)
        return str(folder)

    def _roster(self) -> str:
        self.counter += 1
        path = self.folder / f"roster{self.counter}.csv"
        rows = ["id,first_name,last_name,email", "p1,Aino,Virtanen,aino@example.org"]
        rows += [",".join(str(self.rng.choice(NASTY))[:50] for _ in range(4))
                 for _ in range(self.rng.randint(0, 4))]
        path.write_text(damaged_text("\n".join(rows), self.rng) if self.rng.random() < 0.3
                        else "\n".join(rows), encoding="utf-8", errors="surrogatepass")
        return str(path)

    def _submission(self) -> str:
        """A submission folder of a small course: a released notebook and a damaged copy."""
        course = self.folder / "course"
        ref = course / "release" / "outcomes" / "outcomes.ipynb"
        if not ref.exists():
            ref.parent.mkdir(parents=True)
            source = REPO / "assignments" / "source" / "outcomes" / "outcomes.ipynb"
            ref.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        self.counter += 1
        folder = course / "submitted" / f"p{self.counter}" / "outcomes"
        folder.mkdir(parents=True)
        nb = json.loads(ref.read_text(encoding="utf-8"))
        for cell in self.rng.sample(nb["cells"], k=min(2, len(nb["cells"]))):
            cell["source"] = str(self.rng.choice([*NASTY, "import os", "%ls", "!ls"]))
            if self.rng.random() < 0.3:
                cell["cell_type"] = self.rng.choice(["markdown", "raw", "code", "other"])
        text = json.dumps(nb)
        if self.rng.random() < 0.3:
            text = damaged_text(text, self.rng)
        (folder / "outcomes.ipynb").write_text(text, encoding="utf-8", errors="surrogatepass")
        return str(folder)

    def run(self, name: str) -> Outcome:
        """Make and run one case of command ``name``."""
        argv = self.commands()[name]()
        stdout, stderr = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        code: int | None = None
        problem = ""

        def too_long(*_: object) -> None:
            raise TimeoutError(f"longer than {self.limit:g} s")

        old = signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, self.limit)
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = main(argv)
        except SystemExit as exc:  # argparse: a usage error, exit 2
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:  # noqa: BLE001  (what the fuzzer is looking for)
            problem = traceback.format_exc(limit=-4)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        seconds = time.perf_counter() - start
        out = stdout.getvalue()
        if not problem and "Traceback (most recent call last)" in out + stderr.getvalue():
            problem = "a traceback was printed:\n" + (out + stderr.getvalue())[-2000:]
        if not problem and "--json" in argv and code in (0, 1) and out.strip():
            problem = _json_problem(out)
        return Outcome(argv, code, seconds, problem)


def _json_problem(out: str) -> str:
    """Why ``out`` is not JSON (one document, or one per line), or ""."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    try:
        json.loads(out, parse_constant=refuse)
        return ""
    except ValueError:
        pass
    try:
        for line in out.splitlines():
            if line.strip():
                json.loads(line, parse_constant=refuse)
        return ""
    except ValueError as exc:
        return f"--json printed invalid JSON ({exc})"
