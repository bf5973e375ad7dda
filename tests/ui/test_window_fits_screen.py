"""The window never gets larger than the free part of its screen (QScreen.availableGeometry()):
at 200 % scaling on a laptop, after a move from a larger screen, when a task bar appears; on a
short page the read-only banner keeps only its title above the page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

from homecheck.domain.assessment import Assessment
from homecheck.domain.content import checklist
from homecheck.store.db import Store
from homecheck.store.paths import database_path
from homecheck.ui.main_window import create_main_window
from homecheck.ui.settings import Settings
from homecheck.ui.wizard import WB


def test_a_window_larger_than_its_screen_is_made_to_fit(make_wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = make_wizard(Settings(language="en"))
    available = wizard.screen().availableGeometry()
    # As after a move from a larger screen, partly off this one.
    wizard.move(available.right() - 100, available.bottom() - 100)
    wizard.resize(available.width() + 300, available.height() + 200)
    wizard.screen().availableGeometryChanged.emit(available)
    qtbot.waitUntil(lambda: available.contains(wizard.frameGeometry()))
    assert wizard.minimumWidth() <= available.width()
    assert wizard.minimumHeight() <= available.height()
    next_button = wizard.button(WB.NextButton)
    assert wizard.rect().contains(QRect(next_button.mapTo(wizard, QPoint(0, 0)),
                                        next_button.size()))


def test_on_a_short_page_only_the_read_only_title_stays_above_it(qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    store = Store(database_path())
    store.set_current_page(store.create_check(Assessment.new(checklist())), "about_you")
    store.close()
    wizard = create_main_window(dialogs=dialogs, settings=Settings(language="en", text_size=14),
                                store=Store(database_path(), read_only=True))
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.resize(1100, 800)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.start_page
    banner = page.banner
    # Room enough: all of the banner above the page.
    assert banner.isVisible() and banner.details.parentWidget() is banner
    assert banner.reason.isVisible()
    # 640x400 (200 % on a small laptop): the title above the page, the reason at the top of
    # the page's scroll body, all of it readable.
    wizard.resize(640, 400)
    qtbot.waitUntil(lambda: banner.details.parentWidget() is page.scroller.widget())
    assert banner.isVisible() and banner.title.isVisible() and banner.reason.isVisible()
    qtbot.waitUntil(lambda: banner.height() <= page.height() // 4)
    # Larger again: back in the banner.
    wizard.resize(1100, 800)
    qtbot.waitUntil(lambda: banner.details.parentWidget() is banner)
    assert banner.reason.isVisible()
    dialogs.default_yes = True
    wizard.close()
    wizard.ctx.session.close()


def test_the_window_fits_again_once_its_frame_is_known(make_wizard, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On X11 the title bar is put around the window only after it is shown: on a 1366x768
    screen the window was 768 high plus a 20 px title bar, and Next's lower edge was off the
    screen. When the frame becomes known (the window manager moves the window into it), the
    window is fitted again."""
    wizard = make_wizard(Settings(language="en"))
    available = wizard.screen().availableGeometry()
    wizard.move(available.topLeft())
    wizard.resize(available.width() // 2, available.height())  # fitted with no frame yet
    qtbot.waitUntil(lambda: wizard.height() == available.height())
    title = 20

    def framed() -> QRect:
        return QRect(wizard.x(), wizard.y(), wizard.width(), wizard.height() + title)

    monkeypatch.setattr(wizard, "frameGeometry", framed)
    wizard.move(available.left(), available.top() + 1)  # the window manager adds its frame
    qtbot.waitUntil(lambda: wizard.height() + title <= available.height())
    assert available.contains(framed())
