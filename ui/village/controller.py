"""The village program's work with the core: read the choices, run the flow and the sync strip."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.services.village import village_choices
from ui.error_texts import error_text
from ui.i18n import translate
from ui.idle import IdleWatcher
from ui.live import follow_link
from ui.shell import Runtime
from ui.village.flow import VillageFlow
from ui.village.sync import VillageSync
from ui.village.window import VillageWindow

logger = logging.getLogger(__name__)

# A visit half entered and left this long is abandoned: the next volunteer starts afresh.
IDLE_TIMEOUT_S = 120.0


class VillageController(QObject):
    """Reads the place, form, helpers and session; hands them to the flow; keeps sync going.

    Signals:
        ready: the first read finished (the start screen shows names, or why it cannot).
    """

    ready = Signal()

    def __init__(self, *, window: VillageWindow, runtime: Runtime) -> None:
        super().__init__(window)
        self._window, self._runtime = window, runtime
        self.flow = VillageFlow(window=window, runtime=runtime)
        self.sync = VillageSync(bar=window.sync, runtime=runtime, parent=self)
        self._stale = False  # a sync brought a new roster: read it when the volunteer is done
        self.flow.saved.connect(self._on_flow_saved)
        self.sync.roster_changed.connect(self._on_sync_roster_changed)
        window.done.next_clicked.connect(self._on_done_next_clicked)
        window.i18n.language_changed.connect(self._on_i18n_language_changed)
        follow_link(runtime.live, window.set_link_up)
        self.idle = IdleWatcher(timeout_s=IDLE_TIMEOUT_S, parent=self)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    def start(self) -> None:
        """Read the choices, then start the sync strip."""
        self._runtime.runner.start(self._first_read(), owner=self)

    def stop(self) -> None:
        """Stop the sync strip and every task of this program."""
        self.sync.stop()
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self._window.done.stop()
        self._runtime.runner.cancel(self.flow)
        self._runtime.runner.cancel(self)

    async def load(self) -> bool:
        """Read the choices and give them to the flow; False (after saying why) when it fails."""
        try:
            choices = await self._runtime.ops.run(village_choices)
        except Exception as exc:
            logger.warning("village choices not read: %s", exc)
            self.flow.show_problem(error_text(exc, self._runtime.config.site.tz))
            return False
        self.flow.set_choices(choices)
        return True

    async def _first_read(self) -> None:
        try:
            await self.load()
            self.flow.restart()
        finally:
            self.ready.emit()
        self.sync.start()

    @Slot()
    def _on_flow_saved(self) -> None:
        self.sync.request_read()
        self.sync.request_sync()

    @Slot()
    def _on_sync_roster_changed(self) -> None:
        if self._window.current_screen() is self._window.start:
            self._runtime.runner.start(self.load(), owner=self)
        else:
            self._stale = True

    @Slot()
    def _on_idle_timed_out(self) -> None:
        window = self._window
        if window.current_screen() in (window.start, window.done):
            return
        if window.current_screen() is window.note and not window.note.save.isEnabled():
            self.idle.restart()  # a save under way: never leave under it
            return
        self.flow.restart()
        window.start.message.show_message(
            translate("VillageController", "Lượt đang ghi dở đã bỏ vì lâu không bấm; chưa lưu gì."),
            tone="info",
        )

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.sync.retranslate()

    @Slot()
    def _on_done_next_clicked(self) -> None:
        if self._stale:
            self._stale = False
            self._runtime.runner.start(self.load(), owner=self)
