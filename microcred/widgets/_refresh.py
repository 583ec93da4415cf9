"""One refresh after many changes made by code, not one per change.

A tool refreshes (checks, summary, chart) whenever a field changes, which is right for a
participant's keystroke or tick. Loading a design sets every field and box in turn, and each
refresh drew the chart again: 10 pricing charts for one commissioned section, about 25
heatmaps for an alignment of 5 outcomes. Inside ``one_refresh()`` a tool's ``refresh``
returns at once (it starts with ``if self.holding: return``) and runs once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class RefreshOnce:
    """Mixin for a tool with a ``refresh()`` method (see the module)."""

    holding = False  # True while one_refresh() holds the refreshes back

    def refresh(self) -> None:  # the tool's own
        raise NotImplementedError

    @contextmanager
    def one_refresh(self) -> Iterator[None]:
        """Hold ``refresh`` back while the block changes fields; refresh once after it."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        self.refresh()
