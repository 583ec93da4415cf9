"""The participant list: read a roster CSV and put it into the nbgrader gradebook.

The CSV has a header row and one participant a row: id, first name, last name, email. Header
names are read loosely (``id``, ``student_id``, ``First name``, ``etunimi``, ``förnamn``...), the
separator may be a comma or a semicolon (Excel in Finnish and Swedish settings writes
semicolons), and the file must be UTF-8. Every problem is reported with its line number, and
nothing is imported until the whole file is right.

The id is the participant's id everywhere in nbgrader (folder names, the formgrader, the
exchange), so it may hold only letters, digits and ``. _ @ -``. With Canvas, use the Canvas user
id; with Moodle, any id (the collector matches Moodle exports by name, see ``collect.py``).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

COLUMNS = {
    "id": {"id", "studentid", "participantid", "userid", "username", "tunnus", "opiskelijanumero",
           "idnumber", "användarnamn"},
    "first_name": {"firstname", "givenname", "first", "etunimi", "förnamn"},
    "last_name": {"lastname", "surname", "familyname", "last", "sukunimi", "efternamn"},
    "email": {"email", "emailaddress", "mail", "sähköposti", "sahkoposti", "epost", "epostadress"},
}
VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")
DEFAULT_COURSE = "default_course"  # nbgrader's id when no configuration names one
VALID_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Participant:
    """A participant as the roster gives them and the gradebook keeps them."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""

    @property
    def name(self) -> str:
        """First and last name, whichever are known."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.]", "", header.strip().casefold())


def parse_roster(text: str, lang: str = "en") -> tuple[list[Participant], list[str]]:
    """Participants and problems (``line N: ...``, in ``lang``); the participants are usable
    only when there are no problems."""
    from ._text import tr

    text = text.lstrip("\ufeff")
    if not text.strip():
        return [], [tr("roster.empty", lang)]
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [_key(h) for h in rows[0]]
    where: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for n, h in enumerate(header):
            if h in names and field not in where:
                where[field] = n
    if "id" not in where:
        return [], [tr("roster.no-id-column", lang, found=", ".join(rows[0]))]
    people: list[Participant] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        values = {f: (row[i].strip() if i < len(row) else "") for f, i in where.items()}
        sid = values["id"]
        if not sid:
            problems.append(tr("roster.empty-id", lang, line=line))
            continue
        if not VALID_ID.match(sid):
            problems.append(tr("roster.bad-id", lang, line=line, id=repr(sid)))
            continue
        if sid in seen:
            problems.append(tr("roster.duplicate", lang, line=line, id=repr(sid), first=seen[sid]))
            continue
        seen[sid] = line
        email = values.get("email", "")
        if email and not VALID_EMAIL.match(email):
            problems.append(tr("roster.bad-email", lang, line=line, email=repr(email)))
            continue
        people.append(Participant(sid, values.get("first_name", ""),
                                  values.get("last_name", ""), email))
    if not people and not problems:
        problems.append(tr("roster.no-rows", lang))
    return people, problems


def import_roster(people: list[Participant], db_url: str,
                  course_id: str | None = None) -> tuple[int, int]:
    """Add or update the participants in the gradebook; returns (added, updated). Empty fields
    leave what the gradebook already holds."""
    from nbgrader.api import MissingEntry

    added = updated = 0
    with open_gradebook(db_url, course_id) as gb:
        for p in people:
            try:
                gb.find_student(p.id)
                updated += 1
            except MissingEntry:
                added += 1
            fields = {"first_name": p.first_name, "last_name": p.last_name, "email": p.email}
            gb.update_or_create_student(p.id, **{k: v for k, v in fields.items() if v})
    return added, updated


def default_db_url(course: Path) -> str:
    """nbgrader's default gradebook for a course folder."""
    return f"sqlite:///{(Path(course) / 'gradebook.db').resolve()}"


def course_id_of(db_url: str, course: Path | None = None) -> str:
    """The course id to open the gradebook with (nbgrader adds a course row for any other id).

    A gradebook can hold several course rows (``default_course`` appears whenever nbgrader ran
    once without the course's configuration): the id in ``<course>/nbgrader_config.py`` wins
    when the gradebook holds it, else the gradebook's own id other than ``default_course``,
    else the configured id, else nbgrader's default."""
    from sqlalchemy import create_engine, inspect, text

    ids: list[str] = []
    engine = create_engine(db_url)
    try:
        if "course" in inspect(engine).get_table_names():
            with engine.connect() as conn:
                ids = [str(r[0]) for r in conn.execute(text("SELECT id FROM course ORDER BY id"))]
    finally:
        engine.dispose()
    configured = configured_course_id(course)
    if configured and (configured in ids or not ids):
        return configured
    own = [i for i in ids if i != DEFAULT_COURSE]
    return (own or ids or [DEFAULT_COURSE])[0]


def configured_course_id(course: Path | None = None) -> str | None:
    """``c.CourseDirectory.course_id`` of ``<course>/nbgrader_config.py``, if it sets one."""
    config = Path(course or ".") / "nbgrader_config.py"
    if config.is_file():
        m = re.search(r"course_id\s*=\s*[\"']([^\"']+)[\"']", config.read_text("utf-8"))
        if m:
            return m.group(1)
    return None


def open_gradebook(db_url: str, course_id: str | None = None, course: Path | None = None):
    """nbgrader's Gradebook for ``db_url``, opened with the course's own id."""
    from nbgrader.api import Gradebook

    # A new gradebook runs `alembic` by name: find the one installed next to this Python.
    bindir = Path(sys.executable).parent
    if shutil.which("alembic") is None and (bindir / "alembic").exists():
        os.environ["PATH"] = f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"
    return Gradebook(db_url, course_id or course_id_of(db_url, course))
