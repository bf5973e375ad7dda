"""What the session shows of a check, computed by the domain: progress, the comparison with
the earlier check, score, actions, and the check as saved and reported."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import Checklist

if TYPE_CHECKING:  # scores, actions and follow-ups are loaded when first asked for, not at start
    from homecheck.domain.actions import Action
    from homecheck.domain.followup import FollowUp, OtherClient
    from homecheck.domain.scoring import HomeScore


class CheckViews:
    """Read-only views of the session's check; they change nothing."""

    checklist: Checklist
    assessment: Assessment
    previous: Assessment | None  # the check this one follows up

    def progress(self, area_id: str) -> tuple[int, int]:
        """(answered, total) items of one area."""
        items = self.checklist.area(area_id).items
        answers = self.assessment.answers
        return sum(1 for item in items if item.id in answers), len(items)

    def exported(self) -> Assessment:
        """The assessment as reported: answers of absent areas left out, in checklist order."""
        return exported(self.checklist, self.assessment)

    def followup(self) -> FollowUp | None:
        """The comparison with the check this one follows up.

        None when it follows none, or when the earlier check is of another person (then
        ``followup_refused`` says so).
        """
        if self.previous is None or self.followup_refused() is not None:
            return None
        from homecheck.domain.followup import compare

        return compare(self.checklist, self.previous, self.exported())

    def followup_refused(self) -> OtherClient | None:
        """Why the earlier check is not compared: it is of another person (else None).

        A follow-up compares checks of one person only; the label can have changed since the
        follow-up was started (the "for whom" box, or a file opened with another name).
        """
        from homecheck.domain.followup import OtherClient, same_client

        previous = self.previous
        if previous is None or same_client(previous.client, self.assessment.client):
            return None
        return OtherClient(previous.client, self.assessment.client, previous.date)

    def score(self) -> HomeScore:
        """The home score of the current answers (homecheck.domain.scoring)."""
        from homecheck.domain.scoring import score_home

        return score_home(self.checklist, self.assessment)

    def actions(self) -> list[Action]:
        """The prioritised actions of the current answers (homecheck.domain.actions)."""
        from homecheck.domain.actions import build_actions

        return build_actions(self.checklist, self.assessment)

    def open_counts(self) -> dict[str, int]:
        """Open actions per priority (homecheck.domain.actions.open_counts): the one count."""
        from homecheck.domain.actions import open_counts

        return open_counts(self.checklist, self.assessment)


def exported(checklist: Checklist, assessment: Assessment) -> Assessment:
    """A check as saved and reported: answers of absent areas left out, in checklist order.

    The app's "Save the answers" and `homecheck export` both write this.
    """
    present = set(assessment.areas)
    answers = {
        item.id: assessment.answers[item.id]
        for item in checklist.items()
        if item.area in present and item.id in assessment.answers
    }
    # The file format only allows notes of listed areas.
    notes = {a: n for a, n in assessment.area_notes.items() if a in present and n}
    return dataclasses.replace(
        assessment,
        areas=list(assessment.areas),
        intake=dict(assessment.intake),
        answers=answers,
        area_notes=notes,
    )
