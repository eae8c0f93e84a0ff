"""Every visitor screen at 1920x1080, 1080x1920 and 1366x768: fits, big targets, big text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.config import load_config
from tests.conftest import write_config
from tests.ui.conftest import Kiosk, KioskFactory
from ui.screenshots import render_screenshots
from ui.theme import TOUCH_TARGET_MM, pixels_per_mm
from ui.widgets.hint_banner import HintBanner

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
# Every screen size, in both languages, at both text sizes.
EVERY_SETTING = pytest.mark.parametrize(
    ("width", "height", "language", "large_text"),
    [
        pytest.param(
            w, h, language, large, id=f"{w}x{h}-{language}-{'large' if large else 'normal'}"
        )
        for w, h in SIZES
        for language in ("vi", "en")
        for large in (False, True)
    ],
)


def kiosk_in(
    make_kiosk: KioskFactory, width: int, height: int, language: str, large_text: bool
) -> Kiosk:
    """A kiosk on a screen of that size, in that language and text size."""
    kiosk = make_kiosk(size=(width, height))
    kiosk.parts.i18n.set_language(language)
    kiosk.window.set_large_text(large_text)
    return kiosk


def visitor_states(kiosk: Kiosk) -> Iterator[str]:
    """Walk through every screen and overlay a visitor (or staff) can see."""
    window = kiosk.window
    yield "home"
    kiosk.tap(window.home.buttons["take_number"])
    yield "choose"
    kiosk.tap(window.choose.priority_bar)
    yield "priority"
    kiosk.tap(window.priority.group_buttons["small_child"])
    yield "choose with priority"
    kiosk.tap(window.choose.line_buttons["E"])
    kiosk.wait_idle()
    yield "ticket"
    kiosk.tap(window.ticket.done)
    kiosk.tap(window.home.buttons["help"])
    yield "help confirmation"
    kiosk.tap(window.help_confirm.yes)
    kiosk.wait_idle()
    yield "help notice"
    kiosk.tap(window.notice.ok)
    window.corner_hold.held.emit()
    yield "exit keypad"
    window.exit_overlay.close_overlay()


def shown(root: QWidget, kind: type) -> list:
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root) and w.window() is root]


@EVERY_SETTING
def test_every_screen_fits_with_targets_of_at_least_15_mm(
    make_kiosk: KioskFactory, width: int, height: int, language: str, large_text: bool
) -> None:
    kiosk = kiosk_in(make_kiosk, width, height, language, large_text)
    window = kiosk.window
    min_px = TOUCH_TARGET_MM * pixels_per_mm(
        width, height, kiosk.ctx.config.kiosk.screen_diagonal_inch
    )
    for state in visitor_states(kiosk):
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{state} does not fit: {hint}"
        assert (window.width(), window.height()) == (width, height), state
        for button in shown(window, QAbstractButton):
            smaller_side = min(button.width(), button.height())
            assert smaller_side >= min_px, f"{state}: {button.text()!r} is {smaller_side}px"


@EVERY_SETTING
def test_every_home_tile_is_whole_on_screen_with_the_tips_shown(
    make_kiosk: KioskFactory, width: int, height: int, language: str, large_text: bool
) -> None:
    kiosk = make_kiosk(size=(width, height))
    home = kiosk.window.home
    kiosk.qtbot.wait_until(home.tip_panel.isVisible)  # the tips come with the guides
    kiosk.parts.i18n.set_language(language)
    kiosk.window.set_large_text(large_text)

    def whole(button: QWidget) -> bool:
        QApplication.processEvents()
        return button.visibleRegion().boundingRect() == button.rect()

    for key, button in home.buttons.items():
        kiosk.qtbot.wait_until(lambda b=button: whole(b), timeout=2_000)
        assert button.height() >= button.heightForWidth(button.width()), key  # nothing squeezed


def test_visible_text_is_at_least_28_px_at_1920x1080(kiosk: Kiosk) -> None:
    for state in visitor_states(kiosk):
        QApplication.processEvents()
        for label in shown(kiosk.window, QLabel):
            if label.text().strip() and label.pixmap().isNull():
                assert label.font().pixelSize() >= 28, f"{state}: {label.text()!r}"


def test_screenshots_render_every_state_at_every_size(qapp: QApplication, tmp_path: Path) -> None:
    config = load_config(str(write_config(tmp_path)), env={})
    written = render_screenshots(tmp_path / "shots", config=config, sizes=SIZES, languages=("vi",))
    names = {p.name for p in written}
    for state in (
        "01-home",
        "03-choose",
        "04-priority",
        "08-ticket-printer-trouble",
        "10-exit-pin",
    ):
        for width, height in SIZES:
            assert f"{width}x{height}-vi-{state}.png" in names
    for path in written:
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == path.name.split("-")[0]


@EVERY_SETTING
def test_the_header_fits_on_every_day_of_the_week(
    make_kiosk: KioskFactory, width: int, height: int, language: str, large_text: bool
) -> None:
    # The other layout tests run on a Monday; "Wednesday, 25/11/2026" is wider than "Monday".
    kiosk = kiosk_in(make_kiosk, width, height, language, large_text)
    window = kiosk.window
    banner = HintBanner(lambda: "Bản chạy thử. Để thoát: giữ góc trên bên phải màn hình 5 giây.")
    window.add_banner(banner)  # the demo's, floating under the header
    monday = kiosk.clock.now
    for offset in range(7):
        kiosk.clock.now = monday + timedelta(days=offset, hours=3, minutes=58)
        window.retranslate()  # redraws the header, clock included, as its timer would
        QApplication.processEvents()
        day = window.header.clock.text()
        assert day.count("/") == 2 and str(kiosk.clock.now.year) in day, day
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, f"{day!r} does not fit: {hint}"
        assert (window.width(), window.height()) == (width, height), day
        assert banner.isVisible() and banner.y() > window.header.geometry().bottom(), day
        clock = window.header.clock
        if width > height:  # room to spare: the time and the date on one line, unbroken
            lines = clock.heightForWidth(clock.width()) / clock.fontMetrics().lineSpacing()
            assert lines < 2, f"{day!r} on {lines:.1f} lines"
