#!/usr/bin/env bash
# Prepare a single server for the course hub. Run as root once, and again after updating the
# course repository (it refreshes configuration, notebooks and assignment sources; it never
# touches submissions, grades or participants' files).
#
#   sudo useradd -m -K HOME_MODE=0700 grader-microcred-coaching   # the grading account
#   sudo deploy/jupyterhub/setup-course.sh
#
# Settings (environment variables; defaults for a single server):
#   MICROCRED_COURSE_ID      course id                       microcred-coaching
#   MICROCRED_GRADER_USER    grading account                 grader-<course id>
#   MICROCRED_ETC            global Jupyter config folder    /etc/jupyter
#   MICROCRED_EXCHANGE_ROOT  nbgrader exchange               /srv/nbgrader/exchange
#   MICROCRED_NOTEBOOKS      practice notebooks to hand out  /opt/microcred/notebooks
#   MICROCRED_REPO           the course repository           two folders up from this script
set -euo pipefail

COURSE_ID=${MICROCRED_COURSE_ID:-microcred-coaching}
GRADER=${MICROCRED_GRADER_USER:-grader-$COURSE_ID}
ETC=${MICROCRED_ETC:-/etc/jupyter}
EXCHANGE_ROOT=${MICROCRED_EXCHANGE_ROOT:-/srv/nbgrader/exchange}
NOTEBOOKS=${MICROCRED_NOTEBOOKS:-/opt/microcred/notebooks}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=${MICROCRED_REPO:-$(cd "$HERE/../.." && pwd)}

if [ "$(id -u)" != 0 ]; then
  echo "setup-course.sh: run as root (it creates folders owned by $GRADER)." >&2
  exit 1
fi
if ! id "$GRADER" >/dev/null 2>&1; then
  echo "setup-course.sh: no account '$GRADER'; create it first:" >&2
  echo "  useradd -m -K HOME_MODE=0700 $GRADER" >&2
  exit 1
fi
GRADER_HOME=$(getent passwd "$GRADER" | cut -d: -f6)
GRADER_GROUP=$(id -gn "$GRADER")

# 1. Global nbgrader configuration, and the settings that trim JupyterLab by group
#    (jupyterhub_config.py puts microcred-<group> first on each server's JUPYTER_CONFIG_PATH).
install -d -m 755 "$ETC"
install -m 644 "$HERE/nbgrader_config.py" "$ETC/nbgrader_config.py"
for group in participant trainer; do
  install -d -m 755 "$ETC/microcred-$group" "$ETC/microcred-$group/labconfig"
  install -m 644 "$HERE/$group/jupyter_server_config.json" "$ETC/microcred-$group/"
  install -m 644 "$HERE/$group/labconfig/page_config.json" "$ETC/microcred-$group/labconfig/"
done

# 2. The exchange. The root is open to all (sticky, like /tmp); the course folder belongs to the
#    grading account, with the modes nbgrader itself would give it on the first release:
#    outbound 755 (everyone reads released assignments), inbound 2733 (everyone may drop a
#    submission, nobody but the grader may list it), feedback 711 (files found by hashed name).
install -d -m 1777 "$EXCHANGE_ROOT"
COURSE_EXCHANGE="$EXCHANGE_ROOT/$COURSE_ID"
install -d -o "$GRADER" -g "$GRADER_GROUP" -m 755 "$COURSE_EXCHANGE" "$COURSE_EXCHANGE/outbound"
install -d -o "$GRADER" -g "$GRADER_GROUP" -m 2733 "$COURSE_EXCHANGE/inbound"
install -d -o "$GRADER" -g "$GRADER_GROUP" -m 711 "$COURSE_EXCHANGE/feedback"

# 3. The course folder of the grading account (mode 700: model answers and the gradebook stay
#    out of participants' reach; trainers work in it through the formgrader service).
install -d -o "$GRADER" -g "$GRADER_GROUP" -m 700 "$GRADER_HOME/course"
install -o "$GRADER" -g "$GRADER_GROUP" -m 644 "$REPO/assignments/nbgrader_config.py" \
  "$GRADER_HOME/course/nbgrader_config.py"
cp -r "$REPO/assignments/source" "$GRADER_HOME/course/"
chown -R "$GRADER:$GRADER_GROUP" "$GRADER_HOME/course/source"

# 4. The practice notebooks, copied into each home on a user's first start (jupyterhub_config.py).
install -d -m 755 "$NOTEBOOKS"
cp -r "$REPO/notebooks/." "$NOTEBOOKS/"
chmod -R a+rX "$NOTEBOOKS"

echo "Course '$COURSE_ID' ready: exchange $COURSE_EXCHANGE, course folder $GRADER_HOME/course,"
echo "config $ETC/nbgrader_config.py, notebooks $NOTEBOOKS."
