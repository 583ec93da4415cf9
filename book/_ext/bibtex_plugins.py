"""pybtex and sphinxcontrib-bibtex find their plugins in one snapshot of the installed packages'
entry points, taken once per build, instead of scanning every installed package again for each
citation they format.

Both look a plugin up with `importlib.metadata.entry_points(group=..., name=...)`, which reads the
metadata of every package in the environment: about 12 ms each time, and a build of one edition
asks ~290 times (3 to 4 s of CPU per edition, four builds in a test run). The packages do not
change while the book builds, so the snapshot gives the same plugins.
"""

from __future__ import annotations

from importlib import metadata

import pybtex.plugin
import sphinxcontrib.bibtex.plugin


def setup(app):
    installed = metadata.entry_points()

    def entry_points(**params):
        """The installed entry points that match, as `importlib.metadata.entry_points` gives them."""
        return installed.select(**params)

    pybtex.plugin.entry_points = entry_points
    sphinxcontrib.bibtex.plugin.entry_points = entry_points
    return {"parallel_read_safe": True, "parallel_write_safe": True}
