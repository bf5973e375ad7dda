"""What every part of the story needs: the model, the styles and sizes, the frame width."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import StyleSheet1

from homecheck.report.model import ReportModel
from homecheck.report.styles import Sizes, sizes, stylesheet

# The page template of the advice pages: two columns side by side, one frame each.
COLUMNS_TEMPLATE = "columns"
COLUMN_FRAMES = ("left", "right")
COLUMN_GAP = 18


@dataclass
class StoryContext:
    """The report being laid out, in normal or large print, in a frame ``width`` points wide.

    ``state`` is shared with the page template: the priority group that runs on a page.
    """

    model: ReportModel
    width: float
    large: bool = False
    height: float = 0  # the frame's height: the fridge page fits itself into it
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def styles(self) -> StyleSheet1:
        """The named paragraph styles of this print size."""
        return stylesheet(self.large)

    @property
    def sizes(self) -> Sizes:
        """The type sizes of this print size."""
        return sizes(self.large)

    def label(self, key: str) -> str:
        """A static text of the report ("report." key without the prefix)."""
        return self.model.labels[key]
