"""The kiosk window: header, the screens in a stack, overlays, idle reset and the hidden exit.

Navigation lives here; everything that touches the database or the printer lives in
``KioskController``, which drives the screens through their setters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.clock import Clock
from ui.formatting import format_date, format_time
from ui.i18n import I18n, translate
from ui.idle import IdleWatcher
from ui.kiosk.home_screen import HomeScreen
from ui.kiosk.print_state import FAILED
from ui.kiosk.tiles import HomeTile, kiosk_tiles
from ui.stylesheet import build_stylesheet
from ui.theme import Theme
from ui.widgets.corner_hold import CornerHold
from ui.widgets.header_bar import HeaderBar
from ui.widgets.hint_banner import HintBanner
from ui.widgets.page_stack import PageStack
from ui.widgets.scan_reader import ScanReader
from ui.widgets.screen import Screen
from ui.widgets.tap_guard import TapGuard

if TYPE_CHECKING:
    from ui.kiosk.choose_screen import ChooseScreen
    from ui.kiosk.exit_overlay import ExitOverlay
    from ui.kiosk.help_confirm_overlay import HelpConfirmOverlay
    from ui.kiosk.notice_overlay import NoticeOverlay
    from ui.kiosk.priority_screen import PriorityScreen
    from ui.kiosk.ticket_screen import TicketScreen


class KioskWindow(QWidget):
    """The visitor kiosk, at any screen size (the shell keeps it from closing).

    Signals:
        help_requested: the visitor asked for a helper (the tile, then "yes").
        went_home(str): the home screen is shown again; the reason is ``idle`` or ``visitor``.
        paused_tapped: a visitor asked for a number while issuing is paused.
    """

    help_requested = Signal()
    went_home = Signal(str)
    paused_tapped = Signal()

    # Made by add_other_screens(): the first frame shows only the header and the home screen.
    choose: ChooseScreen
    priority: PriorityScreen
    ticket: TicketScreen
    exit_overlay: ExitOverlay
    notice: NoticeOverlay
    help_confirm: HelpConfirmOverlay

    def __init__(
        self,
        *,
        config: Config,
        i18n: I18n,
        clock: Clock,
        theme: Theme,
        extra_tiles: Sequence[HomeTile] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")
        self.setWindowTitle(config.site.desk_name)
        self._config = config
        self._i18n = i18n
        self._clock = clock
        self._theme = theme
        self._priority_group: str | None = None
        # Set by the controller while the database cannot take a ticket: the number tiles
        # then say so at once instead of leading to lines that cannot be read or written.
        self.issuing_paused = False
        self._complete = False
        self._made_tile_screens: dict[str, Screen] = {}
        self._extra_tiles = tuple(extra_tiles)
        self.banners: list[HintBanner] = []
        self.header = HeaderBar()
        tiles = kiosk_tiles(
            take_number=self._on_take_number_tapped,
            take_priority=self._on_take_priority_tapped if config.queue.priority_groups else None,
            call_helper=self.ask_for_help,
            extra=extra_tiles,
        )
        self._tile_actions = {tile.key: tile for tile in tiles}
        self.home = HomeScreen(i18n=i18n, tiles=tiles)
        self.stack = PageStack()
        self.stack.addWidget(self.home)
        self.tap_guard = TapGuard(parent=self)
        self.tap_guard.watch(self.stack)
        self._screens: list[Screen] = [self.home]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.idle = IdleWatcher(timeout_s=config.kiosk.idle_timeout_s, parent=self)
        self.corner_hold = CornerHold(
            window=self,
            corner=config.kiosk.exit_corner,
            hold_s=config.kiosk.exit_hold_s,
            side_px=theme.min_target_px,
        )
        # A USB barcode scanner types a ticket's QR code; the program decides what it opens.
        self.scan_reader = ScanReader(self)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start()
        self._connect()
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.apply_theme(theme)
        self.retranslate()

    def _connect(self) -> None:
        self.header.language_clicked.connect(self._on_header_language_clicked)
        self.header.large_text_toggled.connect(self._on_header_large_text_toggled)
        # Floating banners sit under the header, which grows when the date wraps: follow it.
        self.header.resized.connect(self._on_header_resized)
        self.home.tile_chosen.connect(self._on_home_tile_chosen)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.corner_hold.held.connect(self._on_corner_hold_held)

    def _connect_other_screens(self) -> None:
        self.choose.back_clicked.connect(self._on_screen_home_requested)
        self.help_confirm.confirmed.connect(self.help_requested)
        self.choose.priority_clicked.connect(self.show_priority)
        self.choose.priority_cleared.connect(self._on_choose_priority_cleared)
        self.priority.group_chosen.connect(self._on_priority_group_chosen)
        self.priority.back_clicked.connect(self._on_choose_priority_cleared)
        self.ticket.done_clicked.connect(self._on_screen_home_requested)
        for tile in self._extra_tiles:
            screen = self._screen_of(tile)
            if screen is not None:
                screen.home_requested.connect(self._on_screen_home_requested)  # type: ignore[attr-defined]

    # -- what the controller and tests use -------------------------------------------------

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return self._theme

    @property
    def priority_group(self) -> str | None:
        """The priority group chosen for the next ticket, if any."""
        return self._priority_group

    def priority_name(self, code: str | None) -> str | None:
        """A priority group's name in the current language."""
        for group in self._config.queue.priority_groups:
            if group.code == code:
                return self._i18n.text(group.name)
        return None

    def tile_screen(self, key: str) -> Screen | None:
        """The screen a home tile opens (guides, rating), or None."""
        tile = self._tile_actions.get(key)
        return self._screen_of(tile) if tile is not None else None

    def _screen_of(self, tile: HomeTile) -> Screen | None:
        """The tile's screen, built on first use when the tile gives a ``make_screen``."""
        if tile.screen is not None or tile.make_screen is None:
            return tile.screen
        if tile.key not in self._made_tile_screens:
            self._made_tile_screens[tile.key] = tile.make_screen()
        return self._made_tile_screens[tile.key]

    def current_screen(self) -> QWidget:
        """The screen shown."""
        screen = self.stack.currentWidget()
        assert screen is not None  # the stack always holds the four screens
        return screen

    def add_other_screens(self) -> None:
        """Make every screen and overlay but home (``kiosk run``: right after the first frame).

        Until then the first frame pays neither for importing them nor for laying them out.
        """
        if self._complete:
            return
        from ui.kiosk.screens import make_other_screens

        made = make_other_screens(config=self._config, i18n=self._i18n, window=self)
        self.choose, self.priority, self.ticket = made.choose, made.priority, made.ticket
        self.exit_overlay, self.notice = made.exit_overlay, made.notice
        self.help_confirm = made.help_confirm
        self._screens += [self.choose, self.priority, self.ticket]
        self._screens += [s for t in self._extra_tiles if (s := self._screen_of(t)) is not None]
        for screen in self._screens[1:]:
            self.stack.addWidget(screen)
        self._complete = True
        self._connect_other_screens()
        self.tap_guard.watch(self)  # the stacks inside the screens (guides, rating)
        for overlay in (self.exit_overlay, self.notice, self.help_confirm):
            overlay.opened.connect(self.tap_guard.screen_changed)
            overlay.closed.connect(self.tap_guard.screen_changed)
        self.apply_theme(self._theme)
        self.retranslate()

    def add_banner(self, banner: HintBanner) -> None:
        """A strip over the top of the screens, under the header, until it is dismissed.

        It floats rather than taking a row of the layout: the home screen already fills a
        1080-pixel screen, and a row would clip the banner's own sentence. Over the greeting
        it hides no button, and the header keeps the exit corner clear.
        """
        self.banners.append(banner)
        banner.setParent(self)
        banner.apply_theme(self._theme)
        self._place_banners()
        self._show_banners()

    def _show_banners(self) -> None:
        """Banners belong to the home screen: a visitor's other screens stay whole."""
        home = self.stack.currentWidget() is self.home
        for banner in self.banners:
            banner.setVisible(home and not banner.was_dismissed)

    def _place_banners(self) -> None:
        top, width = self.header.geometry().bottom() + 1, self.width()
        for banner in self.banners:
            height = max(banner.heightForWidth(width), banner.sizeHint().height())
            banner.setGeometry(0, top, width, height)
            banner.raise_()
            top += height

    def install_input_filters(self) -> None:
        """Watch touches (idle), the exit corner and scanner keys where input arrives: the window.

        On the QWindow rather than the QApplication: an app-wide filter is a Python call for
        every paint and timer event of every widget, and each call must take the GIL from the
        database thread first.
        """
        self.winId()  # creates the native window, so windowHandle() exists
        handle = self.windowHandle()
        assert handle is not None
        # The last filter installed runs first: the guard runs last, after the idle timer and
        # the exit corner have seen every touch, and keeps an ignored one from the widgets.
        handle.installEventFilter(self.tap_guard)
        handle.installEventFilter(self.idle)
        handle.installEventFilter(self.corner_hold)
        handle.installEventFilter(self.scan_reader)

    def remove_input_filters(self) -> None:
        """Undo ``install_input_filters``."""
        handle = self.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self.idle)
            handle.removeEventFilter(self.corner_hold)
            handle.removeEventFilter(self.scan_reader)
            handle.removeEventFilter(self.tap_guard)

    def show_home(self, reason: str = "visitor") -> None:
        """Back to the start; a chosen priority group is forgotten."""
        self._priority_group = None
        if self._complete:
            self.choose.set_priority(None)
        self.stack.setCurrentWidget(self.home)
        self.idle.set_timeout(self._config.kiosk.idle_timeout_s)
        self.went_home.emit(reason)

    def ask_for_help(self) -> None:
        """The "call a helper" tile: ask once more before anyone is called."""
        self.add_other_screens()
        self.help_confirm.open()

    def show_choose(self) -> None:
        """The line buttons."""
        self.add_other_screens()
        self.stack.setCurrentWidget(self.choose)
        self.idle.set_timeout(self._config.kiosk.idle_timeout_s)

    def show_priority(self) -> None:
        """The priority groups."""
        self.add_other_screens()
        self.stack.setCurrentWidget(self.priority)
        self.idle.set_timeout(self._config.kiosk.idle_timeout_s)

    def show_ticket_screen(self, *, print_failed: bool = False) -> None:
        """The ticket; it goes home by itself, later when the visitor must remember the number."""
        self.add_other_screens()
        self.stack.setCurrentWidget(self.ticket)
        kiosk = self._config.kiosk
        self.idle.set_timeout(
            kiosk.printer_trouble_screen_s if print_failed else kiosk.ticket_screen_s
        )

    def set_print_state(self, ticket_id: int, state: str) -> None:
        """Show a print result; printer trouble keeps the number on screen longer."""
        self.ticket.set_print_state(ticket_id, state)
        if state == FAILED and self.stack.currentWidget() is self.ticket:
            self.show_ticket_screen(print_failed=True)

    def reset_to_home(self) -> None:
        """What idle does: overlays closed, language and text size back to default, home."""
        if self._complete:
            self.exit_overlay.close_overlay()
            self.notice.close_overlay()
            self.help_confirm.close_overlay()
        self._i18n.reset()
        self.set_large_text(False)
        self.show_home("idle")

    def set_large_text(self, on: bool) -> None:
        """Large text on or off (the header toggle does the same)."""
        self.header.set_large_text(on)
        if on != self._theme.large_text:
            self.apply_theme(self._theme.with_large_text(on))

    def apply_theme(self, theme: Theme) -> None:
        """Adopt a theme: app stylesheet, then every screen's sizes."""
        self._theme = theme
        app = QApplication.instance()
        sheet = build_stylesheet(theme)
        if isinstance(app, QApplication) and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        reserve = theme.min_target_px
        corner = self._config.kiosk.exit_corner
        self.header.apply_theme(
            theme,
            corner_reserve_left=reserve if corner == "top_left" else 0,
            corner_reserve_right=reserve if corner == "top_right" else 0,
        )
        self.corner_hold.set_side(theme.min_target_px)
        for screen in self._screens:
            screen.apply_theme(theme)
        for banner in self.banners:
            banner.apply_theme(theme)
        self._place_banners()
        if self._complete:
            self.exit_overlay.apply_theme(theme)
            self.notice.apply_theme(theme)
            self.help_confirm.apply_theme(theme)

    def retranslate(self) -> None:
        """Header texts in the current language."""
        header = self._config.site.header
        self.header.set_place(header.desk_name, header.place_line())
        other = "English" if self._i18n.language == "vi" else "Tiếng Việt"
        self.header.set_toggle_texts(language=other, large_text=translate("KioskWindow", "Chữ to"))
        for banner in self.banners:
            banner.retranslate()
        self._place_banners()
        if self._complete:
            groups = self._config.queue.priority_groups
            self.choose.set_priority_caption(", ".join(self._i18n.text(g.name) for g in groups))
        self._on_clock_timer_timeout()

    # -- Qt overrides -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if QSize(self._theme.width_px, self._theme.height_px) != size and not size.isEmpty():
            self.apply_theme(self._theme.with_size(size.width(), size.height()))
        self._place_banners()

    # -- slots ------------------------------------------------------------------------------

    @Slot()
    def _on_header_language_clicked(self) -> None:
        self._i18n.set_language("en" if self._i18n.language == "vi" else "vi")

    @Slot(bool)
    def _on_header_large_text_toggled(self, on: bool) -> None:
        self.set_large_text(on)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
        if self._complete:
            self.choose.set_priority(self.priority_name(self._priority_group))

    def show_tile(self, key: str) -> None:
        """Open a home tile's screen (or do its action), as tapping the tile does."""
        self._on_home_tile_chosen(key)

    @Slot(str)
    def _on_home_tile_chosen(self, key: str) -> None:
        tile = self._tile_actions[key]
        screen = self._screen_of(tile)
        if screen is not None:
            self.add_other_screens()
            self.stack.setCurrentWidget(screen)
            self.idle.set_timeout(self._config.kiosk.idle_timeout_s)
        elif tile.action is not None:
            tile.action()

    def _on_take_number_tapped(self) -> None:
        if self.issuing_paused:
            self.paused_tapped.emit()
        else:
            self.show_choose()

    def _on_take_priority_tapped(self) -> None:
        if self.issuing_paused:
            self.paused_tapped.emit()
        else:
            self.show_priority()

    @Slot()
    def _on_screen_home_requested(self) -> None:
        self.show_home("visitor")

    @Slot()
    def _on_choose_priority_cleared(self) -> None:
        self._priority_group = None
        self.choose.set_priority(None)
        self.show_choose()

    @Slot(str)
    def _on_priority_group_chosen(self, code: str) -> None:
        self._priority_group = code
        self.choose.set_priority(self.priority_name(code))
        self.show_choose()

    @Slot()
    def _on_idle_timed_out(self) -> None:
        self.reset_to_home()

    @Slot()
    def _on_corner_hold_held(self) -> None:
        self.add_other_screens()
        self.exit_overlay.reset()
        self.exit_overlay.open()

    @Slot()
    def _on_header_resized(self) -> None:
        self._place_banners()

    @Slot(int)
    def _on_stack_current_changed(self, _index: int) -> None:
        self._show_banners()

    @Slot()
    def _on_clock_timer_timeout(self) -> None:
        now = self._clock()
        tz = self._config.site.tz
        self.header.set_clock(format_time(now, tz), format_date(now.astimezone(tz).date()))
