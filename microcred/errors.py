"""Errors a user can cause and fix (a missing file, a broken YAML file).

The command line prints these as one clear message and exits non-zero, never with a traceback.
"""


class UserError(Exception):
    """Something the participant or trainer can fix; its message says what and how."""
