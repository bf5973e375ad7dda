"""The summary's comparison with the previous check: fixed, still open, new, not re-checked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from homecheck.domain.followup import FollowUp
from homecheck.ui.context import UiContext
from homecheck.ui.widgets.labels import plain_label

KINDS = ("fixed", "still_open", "new", "not_rechecked")


class FollowUpBox(QWidget):
    """Numbers first (what a therapist reads at a glance), then which items, in plain text."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.numbers: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.heading = plain_label(role="heading")
        self.score = plain_label()
        self.counts = plain_label()
        self.lists: dict[str, tuple[QLabel, QLabel]] = {
            kind: (plain_label(role="question"), plain_label()) for kind in KINDS
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.heading, self.score, self.counts):
            layout.addWidget(widget)
        for title, items in self.lists.values():
            layout.addWidget(title)
            layout.addWidget(items)

    def show_followup(self, followup: FollowUp | None) -> None:
        """Show a comparison (hidden when this check follows up none)."""
        self.setVisible(followup is not None)
        if followup is None:
            return
        t, c, lang = self.ctx.t, self.ctx.checklist, self.ctx.language
        since = self.ctx.date(followup.since)
        self.heading.setText(t("ui.followup.heading", date=since))
        before, after = followup.score_before, followup.score_after
        if before is None or after is None:
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
        ids = {kind: getattr(followup, kind) for kind in KINDS}
        self.numbers = {kind: len(found) for kind, found in ids.items()}
        self.counts.setText(t("ui.followup.counts", **self.numbers))
        for kind, (title, items) in self.lists.items():
            title.setText(t(f"ui.followup.{kind}", count=self.numbers[kind]))
            lines = []
            for item_id in ids[kind]:
                item = c.item(item_id)
                # The action, as on the printed list: "Hallway: put in a night light".
                lines.append(t("ui.followup.item", area=c.area(item.area).title(lang),
                               fix=item.fix(lang)))
            items.setText("\n".join(lines))
            title.setVisible(bool(lines))
            items.setVisible(bool(lines))
