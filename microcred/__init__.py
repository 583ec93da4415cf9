"""microcred: a coaching course kit for designing, delivering and quality-assuring micro-credentials.

The core modules (``outcomes``, ``credential``, ...) are pure Python with no Jupyter imports;
``microcred.widgets`` arranges them for notebooks and ``microcred.cli`` for the command line.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
