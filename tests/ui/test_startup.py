"""Start-up: a damaged database is moved aside with a plain message; settings persist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from homecheck.store.paths import database_path
from homecheck.ui.main_window import create_main_window
from homecheck.ui.settings import Settings, load_settings, save_settings, settings_path

pytestmark = pytest.mark.gui


def test_damaged_database_is_moved_aside_and_the_app_starts_fresh(qtbot, dialogs) -> None:
    path = database_path()
    path.write_bytes(b"this is not a database, it is what is left after a bad disk day" * 50)
    wizard = create_main_window(dialogs=dialogs, settings=Settings(language="nl"))
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        informs = dialogs.named("inform")
        assert len(informs) == 1
        assert "apart gezet" in informs[0][2]  # plain Dutch, no traceback
        assert "Traceback" not in informs[0][2]
        backups = list(path.parent.glob(path.name + ".damaged-*"))
        assert len(backups) == 1 and str(backups[0]) in informs[0][2]
        assert backups[0].read_bytes().startswith(b"this is not a database")
        assert wizard.ctx.session.check_id is None
        assert not wizard.start_page.resume_radio.isVisible()
        wizard.next()  # a fresh store takes answers again
        assert wizard.ctx.session.check_id is not None
    finally:
        wizard.ctx.session.store.close()


def test_unopenable_store_is_told_and_no_window_is_made(dialogs) -> None:
    database_path().mkdir()  # a folder where the database file should be
    assert create_main_window(dialogs=dialogs, settings=Settings()) is None
    assert dialogs.named("error") or dialogs.named("inform")


def test_settings_round_trip_and_bad_files(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert load_settings(target) == Settings()  # missing file
    save_settings(Settings(language="en", text_size=18, high_contrast=True), target)
    assert load_settings(target) == Settings("en", 18, True)
    target.write_text("{not json")
    assert load_settings(target) == Settings()
    target.write_text(json.dumps({"language": "fr", "text_size": 99, "high_contrast": True}))
    assert load_settings(target) == Settings(high_contrast=True)  # the good value is kept


def test_choices_persist_across_starts(make_wizard) -> None:
    wizard = make_wizard(Settings(language="nl"))
    wizard.side.larger_button.click()
    wizard.side.contrast_button.click()
    wizard.side.language_button.click()  # to English
    assert load_settings(settings_path()) == Settings("en", 16, True)
    wizard.close()
    wizard.ctx.session.store.close()
    again = create_main_window(dialogs=wizard.ctx.dialogs)  # reads the settings file
    assert again is not None
    try:
        assert again.ctx.settings == Settings("en", 16, True)
        assert again.button(again.WizardButton.NextButton).text() == "&Next >"
    finally:
        again.ctx.session.store.close()
        again.deleteLater()


def test_store_file_is_private(make_wizard) -> None:
    wizard = make_wizard()
    wizard.next()
    assert database_path().stat().st_mode & 0o077 == 0
    assert database_path().parent.stat().st_mode & 0o777 == 0o700  # the folder too


def test_the_page_title_is_large_and_bold_and_follows_text_size(make_wizard) -> None:
    wizard = make_wizard()
    title = wizard.currentPage().heading
    assert title.isVisible() and title.text() == "Welcome"
    body = wizard.ctx.settings.text_size
    assert (title.font().pointSize(), title.font().bold()) == (body + 6, True)
    wizard.larger_text()
    assert title.font().pointSize() == wizard.ctx.settings.text_size + 6 > body + 6
    # Only the title: the other labels of the page and the side panel stay smaller.
    ours = [label for label in wizard.currentPage().findChildren(QLabel) if label is not title]
    ours += wizard.side.findChildren(QLabel)
    assert ours and all(label.font().pointSize() < title.font().pointSize() for label in ours)


def test_the_application_uses_fusion_set_in_code_not_by_argv() -> None:
    import subprocess
    import sys

    code = (
        "from homecheck.ui.main_window import ensure_app; app = ensure_app(['homecheck']); "
        "print(app.style().name(), app.arguments())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split()[0].lower() == "fusion"
    assert "-style" not in done.stdout


def test_a_real_modal_in_a_test_fails_instead_of_hanging(qapp) -> None:
    from homecheck.ui.dialogs import QtDialogs
    from homecheck.ui.settings import FileKind

    with pytest.raises(AssertionError, match="real modal"):
        QtDialogs().ask_yes_no(None, "Title", "<b>not bold</b>")
    with pytest.raises(AssertionError, match="real modal"):
        QtDialogs().ask_save_path(None, "Title", "x.pdf", "PDF (*.pdf)", kind=FileKind.BACKUPS)
