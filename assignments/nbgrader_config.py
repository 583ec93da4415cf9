"""nbgrader configuration of the coaching course. Run nbgrader from this folder:

    cd assignments && nbgrader generate_assignment outcomes

Answers in this course are text, so a released answer cell shows a sentence between quotes for
the participant to replace, not ``raise NotImplementedError()``.
"""

import secrets
import warnings

from sqlalchemy.exc import SAWarning

from microcred.grading import ANSWER_STUB

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)

c.CourseDirectory.course_id = "microcred-coaching"

# What participants see in place of the model answers.
c.ClearSolutions.code_stub = {"python": f'"{ANSWER_STUB}"'}
c.ClearSolutions.text_stub = "Write your answer here."

# Due dates and hand-in times in the formgrader in the course's time zone, with the zone shown
# (nbgrader stores them in UTC: a due date given as 16:00 Europe/Helsinki is 14:00 UTC).
c.NbGraderAPI.timezone = "Europe/Helsinki"
c.NbGraderAPI.timestamp_format = "%Y-%m-%d %H:%M %Z"

# nbgrader 0.9.6's gradebook makes SQLAlchemy warn "Object of type <SubmittedAssignment> not in
# session ..." whenever autograde adds a new submission. The submission is saved all the same
# (SQLAlchemy's autoflush notice, not an error), so the warning is switched off here.
warnings.filterwarnings("ignore", category=SAWarning, message=r"Object of type <Submitted")

# A cell that runs longer than this is stopped (an answer that loops forever scores 0).
c.Execute.timeout = 30

# Cell tags are not covered by nbgrader's checksums, and nbclient skips a cell tagged
# "skip-execution": a participant could tag the test cells and get full marks for no work. The
# tag that skips a cell is therefore a new random one on every run, which no notebook can hold.
c.Execute.skip_cells_with_tag = "never-skip-" + secrets.token_hex(16)

# Without a hub: `nbgrader zip_collect ASSIGNMENT` reads the learning platform's export from
# downloaded/ASSIGNMENT/archive/ and finds the participant in Moodle's or Canvas's file names
# (microcred/grading/collect.py). For another naming, set a regexp with the groups student_id
# and file_id instead, e.g. r".*/(?P<student_id>[^/_]+)_(?P<file_id>[^/]+)$".
c.ZipCollectApp.collector_plugin = "microcred.grading.collect.LmsCollector"
# Unpack the export only (never an archive a participant uploaded in it), within size limits.
c.ZipCollectApp.extractor_plugin = "microcred.grading.collect.LmsExtractor"
# c.FileNameCollectorPlugin.named_regexp = r"..."

# With a hub, the exchange folder shared by trainer and participants (world-writable):
# c.Exchange.root = "/srv/nbgrader/exchange"
