"""The undo bar follows the core's ``last_undoable``: the last action still undoable, or nothing.

The bar is read like the queue (a ``LiveRead``): after every action of this desk and on every
change heard from elsewhere, so an action another desk followed up stops being offered. It
hides a little before the core's window closes, so a tap never arrives late.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.services.context import Actor, AppContext
from kiosk.services.undo import UndoOffer, last_undoable
from ui.desk.window import DeskWindow
from ui.i18n import translate
from ui.live import LiveRead
from ui.shell import Runtime

UNDO_MARGIN = timedelta(seconds=5)


def offer_text(offer: UndoOffer) -> str:
    """What the undo bar says about an offer."""
    words = {
        "no_show": translate("UndoOffers", "Đã báo vắng mặt số {number}."),
        "cancel": translate("UndoOffers", "Đã huỷ số {number}."),
        "transfer": translate("UndoOffers", "Đã chuyển số {number} sang hàng {line}."),
        "finish": translate("UndoOffers", "Đã hoàn thành số {number}."),
    }
    return words[offer.action].format(number=offer.number, line=offer.line_code)


class UndoOffers(QObject):
    """Keeps the queue screen's undo bar on the signed-in person's last undoable action."""

    def __init__(self, *, window: DeskWindow, runtime: Runtime) -> None:
        super().__init__(window)
        self._window, self._clock = window, runtime.clock
        self._actor: Actor | None = None
        self.offer: UndoOffer | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._runtime = runtime
        self._read = self._new_read()

    def _new_read(self) -> LiveRead[UndoOffer | None]:
        return LiveRead(self._runtime, self._read_offer, self._show, parent=self)

    def start(self, actor: Actor) -> None:
        """Follow this person's actions (someone signed in)."""
        self._actor = actor
        self._read.deleteLater()
        self._read = self._new_read()  # a fresh read: it shows even what the last one showed
        self._read.start()

    def stop(self) -> None:
        """Nobody signed in: no offer."""
        self._read.stop()
        self._actor = None
        self._show(None)

    async def refresh(self) -> None:
        """Read the offer now (after an action of this desk)."""
        if self._actor is not None:
            await self._read.refresh()

    def _read_offer(self, ctx: AppContext) -> UndoOffer | None:
        actor = self._actor
        return None if actor is None else last_undoable(ctx, actor=actor)

    def _show(self, offer: UndoOffer | None) -> None:
        queue = self._window.queue
        self.timer.stop()
        left = None if offer is None else offer.expires_at - UNDO_MARGIN - self._clock()
        if offer is None or left is None or left <= timedelta(0):
            self.offer = None
            queue.undo_bar.clear()
            return
        self.offer = offer
        queue.offer_undo(offer_text(offer))
        self.timer.start(int(left.total_seconds() * 1000))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.offer = None
        self._window.queue.undo_bar.clear()
