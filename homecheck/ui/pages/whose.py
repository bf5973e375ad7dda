"""Whom a check is about when a therapist or a caregiver fills it in: the client's label as the
pages show it, and the heading and line that say whose home the questions mean."""

from __future__ import annotations

from homecheck.domain.assessment import Assessment
from homecheck.ui.context import UiContext

LABEL_LIMIT = 40  # a longer client label is cut after a word: "Mevrouw Jansen-de Vries…"


def client_label(assessment: Assessment) -> str | None:
    """None when the person fills in for themselves; else the client's label on one line, at
    most LABEL_LIMIT characters ("" when the check has no label).

    A longer label is cut after its last whole word that fits (in the middle of a word only when
    that word is very long), with "…" to show that there is more.
    """
    if assessment.role == "self":
        return None
    label = " ".join(assessment.client.split())
    if len(label) <= LABEL_LIMIT:
        return label
    cut = label[:LABEL_LIMIT]
    space = cut.rfind(" ")
    cut = cut[:space] if space > LABEL_LIMIT // 2 else cut[: LABEL_LIMIT - 1]
    return cut.rstrip(" ,;:-–") + "…"


def after_label(text: str) -> str:
    """A sentence with a cut label in it: no full stop straight after the "…"."""
    return text.replace("….", "…")


def whose_home(ctx: UiContext) -> str:
    """"You are filling this in for the home of Mrs J. …" for a therapist or caregiver: the
    questions say "your front door" and mean the client's. Empty when the person fills in."""
    label = client_label(ctx.session.assessment)
    if label is None:
        return ""
    if not label:
        return ctx.t("ui.for_whom.home_unnamed")
    return after_label(ctx.t("ui.for_whom.home", who=label))


def whose_home_title(ctx: UiContext) -> str:
    """"The home of Mrs J." for a therapist or caregiver; empty when the person fills in."""
    label = client_label(ctx.session.assessment)
    if label is None:
        return ""
    if not label:
        return ctx.t("ui.for_whom.home_title_unnamed")
    return ctx.t("ui.for_whom.home_title", who=label)
