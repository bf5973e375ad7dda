"""Fixtures for the wizard tests: fake dialogs, a wizard factory, and no real modal ever."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from homecheck.ui.main_window import create_main_window
from homecheck.ui.settings import Settings
from homecheck.ui.wizard import HomeWizard
from tests.ui.fakes import FakeDialogs

MakeWizard = Callable[..., HomeWizard]


@pytest.fixture(autouse=True)
def no_real_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray modal dialog fails the test at once instead of hanging the run."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a real modal dialog was opened: {args[:1]}")

    for cls in (QDialog, QMessageBox, QFileDialog, QPrintDialog):
        monkeypatch.setattr(cls, "exec", refuse)
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture(autouse=True)
def fresh_click_guard() -> None:
    """Each test starts with no recent click: one test's last click never stops the next's."""
    from homecheck.ui.widgets.click_guard import ClickGuard

    ClickGuard.last = None


@pytest.fixture(scope="session", autouse=True)
def fusion_style(qapp) -> None:  # type: ignore[no-untyped-def]
    """The style the app sets when it makes its QApplication (main_window.ensure_app)."""
    from homecheck.ui import theme

    qapp.setStyle(theme.STYLE)


@pytest.fixture
def dialogs() -> FakeDialogs:
    """The fake dialog service the wizard gets (scripted answers, recorded calls)."""
    return FakeDialogs()


@pytest.fixture
def make_wizard(qtbot, dialogs: FakeDialogs) -> Iterator[MakeWizard]:  # type: ignore[no-untyped-def]
    """Build a wizard on the test's data folder, shown and active, closed at teardown."""
    made: list[HomeWizard] = []

    def make(settings: Settings | None = None, show: bool = True) -> HomeWizard:
        wizard = create_main_window(dialogs=dialogs, settings=settings or Settings(language="en"))
        assert wizard is not None
        made.append(wizard)
        qtbot.addWidget(wizard)
        wizard.resize(1100, 800)
        if show:
            wizard.show()
            qtbot.waitExposed(wizard)
            wizard.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
        return wizard

    yield make
    for wizard in made:
        # Closing asks "stop for now?" through the fake; then free the database file.
        dialogs.default_yes = True
        wizard.close()
        wizard.ctx.session.store.close()
