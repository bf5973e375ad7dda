"""When keyboard focus comes back to the window (a file dialog closed, another program left),
the page stays as the person left it: "Saved: …", shown under the buttons after saving, was
scrolled out of sight again as focus went back to the Save button."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from homecheck.ui.settings import Settings

pytestmark = pytest.mark.gui


def test_focus_coming_back_from_a_dialog_does_not_scroll_the_page(make_wizard, qtbot) -> None:
    wizard = make_wizard(Settings(language="en", text_size=20))
    wizard.resize(640, 450)  # 200 % on a 1280x900 screen
    finish = wizard.finish_page
    wizard.go_to(finish.page_id)
    button = finish.save_pdf_button
    button.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is button
    # A file dialog: another window takes the keyboard.
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other, timeout=2000)
    finish.status.setText("Saved: /home/jan/Action list 2026-12-02.pdf")
    finish.ensure_visible(finish.status)  # as the page does after saving
    shown = finish.scroller.verticalScrollBar().value()
    other.close()
    wizard.activateWindow()
    button.setFocus()  # as the window manager gives it back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=2000)
    QApplication.processEvents()
    assert finish.scroller.verticalScrollBar().value() == shown
    assert finish._in_view(finish.status)


def test_focus_moving_within_the_window_still_scrolls(make_wizard) -> None:
    wizard = make_wizard(Settings(language="en", text_size=20))
    wizard.resize(640, 450)
    finish = wizard.finish_page
    wizard.go_to(finish.page_id)
    finish.fhir_button.setFocus()
    QApplication.processEvents()
    assert finish._in_view(finish.fhir_button)
    finish.save_pdf_button.setFocus()
    QApplication.processEvents()
    assert finish._in_view(finish.save_pdf_button)
