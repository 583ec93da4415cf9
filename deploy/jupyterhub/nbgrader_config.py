"""Global nbgrader configuration of a course hub. Install as /etc/jupyter/nbgrader_config.py.

Every single-user server (trainers and participants) and the formgrader service read this file.
The course folder of the grading account adds the course's own settings
(``assignments/nbgrader_config.py``: answer stubs, cell timeout). See README.md in this folder.

The environment variables let one file serve a real server (defaults) and the kit's test hub.
"""

import os
import pwd

from nbgrader.exchange.default import ExchangeCollect

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)

COURSE_ID = os.environ.get("MICROCRED_COURSE_ID", "microcred-coaching")

# One course on this hub; the formgrader service and the hub groups carry the same name
# (service "microcred-coaching", groups "formgrade-microcred-coaching" and
# "nbgrader-microcred-coaching").
c.CourseDirectory.course_id = COURSE_ID

# The exchange: a folder every account can reach (mode 1777, see setup-course.sh). nbgrader keeps
# the course in <root>/<course id>/{outbound,inbound,feedback}.
c.Exchange.root = os.environ.get("MICROCRED_EXCHANGE_ROOT", "/srv/nbgrader/exchange")

# Participants get the assignment in ~/<course id>/<assignment>/, so two courses on one hub
# never mix files.
c.Exchange.path_includes_course = True

# Course membership from the hub groups: in users' servers, only members of nbgrader-<course id>
# (participants) or formgrade-<course id> (trainers) see, fetch and submit the course's
# assignments. This is a check in nbgrader's client code, not a file permission (README.md, "What
# the exchange protects"). The formgrader service runs as the grading account, which is not a hub
# user (nobody can log in as it), so it keeps nbgrader's default: no membership check; the hub
# admin, not the formgrader's "add student", puts participants in the group.
if not os.environ.get("JUPYTERHUB_SERVICE_NAME"):
    c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"


class OwnerCheckedCollect(ExchangeCollect):
    """Collect only submissions whose folder is owned by the account they are named after.

    nbgrader names a submission ``<participant>+<assignment>+<time>+<random>``, and any account
    can submit under another's name (``nbgrader submit --student NAME``, documented for group
    work). Plain nbgrader then collects the newest folder by that name and only logs a warning.
    Here a folder owned by someone else is left out, so a forged, newer "submission" cannot
    replace the participant's own.
    """

    def _owner(self, filename):
        try:
            uid = os.stat(os.path.join(self.inbound_path, filename)).st_uid
            return pwd.getpwuid(uid).pw_name
        except (OSError, KeyError):
            return None

    def init_src(self):
        super().init_src()
        kept = []
        for record in self.src_records:
            owner = self._owner(record["filename"])
            if owner == record["username"]:
                kept.append(record)
                continue
            self.log.warning(
                "Ignoring %s: named after %s but owned by %s.",
                record["filename"], record["username"], owner,
            )
            genuine = self._latest_genuine(record["username"])
            if genuine is not None:
                kept.append(genuine)
        self.src_records = kept

    def _latest_genuine(self, username):
        import glob

        pattern = os.path.join(
            self.inbound_path, f"{glob.escape(username)}+{self.coursedir.assignment_id}+*"
        )
        records = [self._path_to_record(p) for p in glob.glob(pattern)]
        records = [r for r in records if r["username"] == username
                   and self._owner(r["filename"]) == username]
        if not records:
            return None
        records = self._sort_by_timestamp(records)
        if self.duedate is not None and self.before_duedate:
            on_time = [r for r in records if r["timestamp"] <= self.duedate]
            if on_time:
                return on_time[0]
        return records[0]


c.ExchangeFactory.collect = OwnerCheckedCollect
