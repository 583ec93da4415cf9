"""A real nbgrader course in a temporary folder, driven with nbgrader's own commands.

Every assignment test uses this: copy ``assignments/`` (config and sources), release an
assignment, write participants' submissions by filling the released notebook's answers, then
autograde, read the gradebook and generate feedback.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from microcred.grading import ANSWER_STUB

from .paths import REPO, program

# What `nbgrader generate_assignment` made in this test process, by assignment and by the files it
# read (see Course.release); each entry is a folder holding release/ and gradebook.db.
_RELEASED: dict[str, Path] = {}
_RELEASE_STORE: list[tempfile.TemporaryDirectory] = []


@dataclass
class Course:
    root: Path

    @classmethod
    def copy_of_repo(cls, tmp: Path) -> Course:
        """A fresh course folder holding the repository's config and assignment sources."""
        root = tmp / "course"
        root.mkdir()
        shutil.copy(REPO / "assignments" / "nbgrader_config.py", root)
        shutil.copytree(REPO / "assignments" / "source", root / "source")
        return cls(root)

    def nbgrader(self, *args: str, check: bool = True, timeout: int = 600):
        """Run ``nbgrader ARGS`` in the course folder; fail the test with its output if it fails."""
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        proc = subprocess.run(
            [program("nbgrader"), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
        if check and proc.returncode != 0:
            raise AssertionError(
                f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
            )
        return proc

    def release(self, assignment: str) -> None:
        """``nbgrader generate_assignment ASSIGNMENT --force``. In a course that has released
        nothing yet, the release and the gradebook come from the first run of the same command
        on the same files (config and sources) in this test process, copied: each run costs
        about 2 s of CPU (1 s of it creating the gradebook), a copy milliseconds. A new gradebook
        starts as a copy of an empty one (tests/helpers/gradebook.py)."""
        if (self.root / "release").exists() or (self.root / "gradebook.db").exists():
            self.nbgrader("generate_assignment", assignment, "--force")
            return
        key = f"{assignment}\0{self._inputs_digest()}"
        made = _RELEASED.get(key)
        if made is None:
            from .gradebook import empty_gradebook  # imports nbgrader's API

            empty_gradebook(self.root)
            self.nbgrader("generate_assignment", assignment, "--force")
            if not _RELEASE_STORE:
                _RELEASE_STORE.append(tempfile.TemporaryDirectory(prefix="microcred-releases-"))
            made = Path(_RELEASE_STORE[0].name) / str(len(_RELEASED))
            shutil.copytree(self.root / "release", made / "release")
            shutil.copy(self.root / "gradebook.db", made / "gradebook.db")
            _RELEASED[key] = made
            return
        shutil.copytree(made / "release", self.root / "release")
        shutil.copy(made / "gradebook.db", self.root / "gradebook.db")

    def _inputs_digest(self) -> str:
        """A digest of what generate_assignment reads: the config and every source file."""
        digest = hashlib.sha256()
        files = [self.root / "nbgrader_config.py", *sorted((self.root / "source").rglob("*"))]
        for path in files:
            if path.is_file():
                digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def released(self, assignment: str, notebook: str) -> nbformat.NotebookNode:
        return nbformat.read(self.root / "release" / assignment / f"{notebook}.ipynb", 4)

    def submit(self, student: str, assignment: str, notebook: str, nb: nbformat.NotebookNode):
        """Place a participant's notebook where ``nbgrader autograde`` looks for it."""
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{notebook}.ipynb")

    def autograde(self, assignment: str, *extra: str):
        return self.nbgrader("autograde", assignment, "--force", *extra)

    def feedback(self, assignment: str):
        return self.nbgrader("generate_feedback", assignment, "--force")

    def score(self, assignment: str, student: str) -> float:
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gb:
            return gb.find_submission(assignment, student).score

    def feedback_html(self, assignment: str, student: str, notebook: str) -> str:
        path = self.root / "feedback" / student / assignment / f"{notebook}.html"
        return path.read_text(encoding="utf-8")

    # The trainer's side of the exchange (a hub) and of a learning platform's export (no hub).

    @classmethod
    def copy_of(cls, other: Course, tmp: Path) -> Course:
        """A copy of another course folder (releases, gradebook and hand-ins included)."""
        return cls(Path(shutil.copytree(other.root, tmp / "course")))

    def release_to_exchange(self, assignment: str, exchange: Path):
        return self.nbgrader("release_assignment", assignment, f"--Exchange.root={exchange}")

    def collect_from_exchange(self, assignment: str, exchange: Path):
        # In a test every hand-in belongs to the same OS user: do not warn about file owners.
        return self.nbgrader("collect", assignment, f"--Exchange.root={exchange}",
                             "--CollectApp.check_owner=False")

    def zip_collect(self, assignment: str):
        """``nbgrader zip_collect``: files in ``downloaded/<assignment>/archive/`` to submitted/."""
        return self.nbgrader("zip_collect", assignment, "--force")


def fill_answers(nb: nbformat.NotebookNode, answers: list[str],
                 released_stub: str = ANSWER_STUB) -> nbformat.NotebookNode:
    """Replace the released stubs ``"<ANSWER_STUB>"`` (or a Finnish or Swedish assignment's
    ``released_stub``) in code cells, in order, by ``answers`` (as a participant would: typing
    between the quotes). Unused stubs stay as released."""
    stub = f'"{released_stub}"'
    queue = list(answers)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = cell.source.split(stub)  # fill left to right, so an answer that equals the stub
        filled = [parts[0]]  # never makes the next answer land in its place
        for rest in parts[1:]:
            filled.append(repr_text(queue.pop(0)) if queue else stub)
            filled.append(rest)
        cell.source = "".join(filled)
    if queue:
        raise ValueError(f"{len(queue)} answer(s) left over: the notebook has fewer stubs")
    return nb


def cell_of(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    """The cell with nbgrader id ``grade_id`` (cells are found by id, never by position)."""
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def fill_text(nb: nbformat.NotebookNode, grade_id: str, text: str) -> nbformat.NotebookNode:
    """Write ``text`` into the markdown answer cell ``grade_id``."""
    cell_of(nb, grade_id).source = text
    return nb


def repr_text(text: str) -> str:
    """A Python string literal for text, in double quotes as a participant would type it."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def participant_nbgrader(home: Path, exchange: Path, *args: str, course_id: str,
                         check: bool = True) -> subprocess.CompletedProcess:
    """A participant's nbgrader command (``fetch_assignment``, ``submit``) run in their own
    folder, through the exchange at ``exchange``; nbgrader's cache goes into ``home`` too."""
    proc = subprocess.run(
        [program("nbgrader"), *args, f"--course={course_id}", f"--Exchange.root={exchange}",
         f"--Exchange.cache={home / '.nbgrader_cache'}"],
        cwd=home, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc
