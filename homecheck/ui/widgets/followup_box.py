"""The summary's comparison with the previous check: fixed, still open, new, not re-checked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from homecheck.domain.followup import KINDS, FollowUp, OtherClient
from homecheck.ui.context import UiContext
from homecheck.ui.widgets.labels import plain_label


class FollowUpBox(QWidget):
    """Numbers first (what a therapist reads at a glance), then which items, in plain text."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.numbers: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.heading = plain_label(role="heading")
        self.score = plain_label()
        self.counts = plain_label()
        self.fesi = plain_label()  # the change in worry about falling, as the PDF says it
        self.areas_heading = plain_label(role="question")
        self.areas = plain_label()  # per part of the home: still to do then and now
        self.lists: dict[str, tuple[QLabel, QLabel]] = {
            kind: (plain_label(role="question"), plain_label()) for kind in KINDS
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.heading, self.score, self.counts, self.fesi, self.areas_heading,
                       self.areas):
            layout.addWidget(widget)
        for title, items in self.lists.values():
            layout.addWidget(title)
            layout.addWidget(items)

    def show_other_client(self, refused: OtherClient) -> None:
        """This check follows up a check of another person: say so instead of comparing."""
        t = self.ctx.t
        self.setVisible(True)
        self.heading.setText(t("ui.followup.other_heading", date=self.ctx.date(refused.since)))
        self.score.setText(other_client_text(self.ctx, refused))
        for widget in (self.counts, self.fesi, self.areas_heading, self.areas):
            widget.setVisible(False)
        for title, items in self.lists.values():
            title.setVisible(False)
            items.setVisible(False)
        self.numbers = dict.fromkeys(KINDS, 0)

    def show_followup(self, followup: FollowUp | None) -> None:
        """Show a comparison (hidden when this check follows up none)."""
        self.setVisible(followup is not None)
        if followup is None:
            return
        from homecheck.report.progress import (  # the PDF's own words and lists
            area_lines,
            fesi_line,
            progress_lists,
            score_not_comparable,
        )

        t, c, lang = self.ctx.t, self.ctx.checklist, self.ctx.language
        since = self.ctx.date(followup.since)
        self.heading.setText(t("ui.followup.heading", date=since))
        before, after = followup.score_before, followup.score_after
        not_comparable = score_not_comparable(followup, lang, since)
        if not_comparable:  # a score over other points than last time is no progress
            self.score.setText(not_comparable)
        elif before is None or after is None:
            none = t("ui.followup.no_score")
            self.score.setText(t("ui.followup.score_partial", date=since,
                                 before=none if before is None else before,
                                 after=none if after is None else after))
        else:
            diff = after - before
            change = (t("ui.followup.higher", diff=diff) if diff > 0
                      else t("ui.followup.lower", diff=-diff) if diff < 0
                      else t("ui.followup.same"))
            self.score.setText(t("ui.followup.score", date=since, before=before, after=after,
                                 change=change))
        role = self.ctx.session.assessment.role
        lists = progress_lists(c, followup, lang, role)
        self.numbers = {kind: len(found) for kind, found in lists.items()}
        self.counts.setText(t("ui.followup.counts", **self.numbers))
        self.counts.setVisible(True)
        fesi = fesi_line(followup, lang)
        self.fesi.setText(fesi)
        self.fesi.setVisible(bool(fesi))
        areas = area_lines(c, followup, lang, role)
        self.areas_heading.setText(t("report.progress.areas_heading"))
        self.areas.setText("\n".join(t("ui.followup.area", line=line) for line in areas))
        self.areas_heading.setVisible(bool(areas))
        self.areas.setVisible(bool(areas))
        for kind, (title, items) in self.lists.items():
            title.setText(t(f"ui.followup.{kind}", count=self.numbers[kind]))
            # The action, as on the printed list: "Hallway: put in a night light".
            lines = [t("ui.followup.item", area=i.area, fix=i.fix) for i in lists[kind]]
            items.setText("\n".join(lines))
            title.setVisible(bool(lines))
            items.setVisible(bool(lines))


def other_client_text(ctx: UiContext, refused: OtherClient) -> str:
    """ "The check of 1 May is for Mum, this one for Dad: …" in the interface language."""
    t = ctx.t

    def name(label: str) -> str:
        return label.strip() or t("ui.followup.no_name")

    return t(
        "ui.followup.other_client",
        date=ctx.date(refused.since),
        previous=name(refused.previous),
        current=name(refused.current),
    )
