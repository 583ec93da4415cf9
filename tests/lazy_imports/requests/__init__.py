"""requests, initialised lazily in the processes the tests start (tests/conftest.py puts this
folder first on PYTHONPATH).

nbgrader imports requests in every command (for its JupyterHub authenticator, which a command
run in a course folder never calls), and requests' ``__init__`` imports urllib3, charset_normalizer
and its own modules: about 0.05 s of CPU in each nbgrader process. This package stands in for it
(``_lazy_init``): its submodules are the installed package's own, and the installed ``__init__``
runs the first time anything asks for one of its names (``requests.get``, ``requests.Session``),
so everything behaves as before.
"""

from _lazy_init import installed_init, lazy_getattr

__getattr__ = lazy_getattr(globals(), installed_init(globals()))
