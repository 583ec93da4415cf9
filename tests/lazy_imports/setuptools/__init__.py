"""setuptools, initialised lazily in the processes the tests start (tests/conftest.py puts this
folder first on PYTHONPATH).

nbgrader imports ``setuptools.archive_util`` (three archive helpers for ``zip_collect``) in every
command, and importing any submodule first runs setuptools' own ``__init__``: distutils, the
package finder, ``pkg_resources`` and its parsers, about 0.1 s of CPU in each nbgrader process
(a test session runs many), none of it needed for unpacking an archive. This package stands in
for it (``_lazy_init``): its submodules are the installed package's own, and the installed
``__init__`` runs the first time anything asks for one of its names (``setuptools.setup``,
``from setuptools import find_packages``), so everything behaves as before.
"""

from _lazy_init import installed_init, lazy_getattr

_INIT = installed_init(globals())
if _INIT:  # what the installed __init__ does first: distutils is setuptools' own from here on
    import _distutils_hack.override  # noqa: F401
__getattr__ = lazy_getattr(globals(), _INIT)
