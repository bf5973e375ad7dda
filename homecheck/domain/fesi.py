"""Short FES-I scoring: 7 items scored 1-4, total 7-28, bands and the missing-item rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ITEMS = 7
MAX_MISSING = 1  # ProFaNE guidance: one missing item may be prorated; more makes the score invalid
# (not in our clinical reference for the 7 items: listed for a clinician's check, docs/scoring.md).
# Bands as published for the Short FES-I (Delbaere et al. 2010 cut-offs): 7-8 low, 9-13 moderate,
# 14-28 high.
LOW_MAX = 8
MODERATE_MAX = 13


@dataclass(frozen=True)
class FesiResult:
    """A Short FES-I outcome: total (None when not scored), band, and items answered."""

    total: int | None
    band: str  # "low" | "moderate" | "high" | "not_scored"
    answered: int
    prorated: bool

    @property
    def filled_in(self) -> bool:
        """True when at least one item was answered (otherwise the scale was simply skipped)."""
        return self.answered > 0


def band_for(total: int) -> str:
    """Return the published band for a Short FES-I total (7-28)."""
    if not 7 <= total <= 28:
        raise ValueError(f"Short FES-I total out of range: {total}")
    if total <= LOW_MAX:
        return "low"
    if total <= MODERATE_MAX:
        return "moderate"
    return "high"


def score_short_fesi(answers: Sequence[int | None] | None) -> FesiResult:
    """Score the Short FES-I; missing items are prorated (sum / answered x 7, rounded up)."""
    values = [None] * ITEMS if answers is None else list(answers)
    if len(values) != ITEMS:
        raise ValueError("the Short FES-I has exactly 7 items")
    given = [v for v in values if v is not None]
    # type() rather than isinstance(): True == 1 and 1.0 == 1, but neither is an answer.
    if any(type(v) is not int or v not in (1, 2, 3, 4) for v in given):
        raise ValueError("Short FES-I answers are 1 to 4")
    missing = ITEMS - len(given)
    if missing > MAX_MISSING or not given:
        return FesiResult(total=None, band="not_scored", answered=len(given), prorated=False)
    # Integer ceiling division: no float rounding surprises at the band edges.
    total = -(-sum(given) * ITEMS // len(given))
    return FesiResult(total=total, band=band_for(total), answered=len(given), prorated=missing > 0)
