"""Reusable widgets of the wizard: answer rows, choice buttons, the side panel, score bars."""
