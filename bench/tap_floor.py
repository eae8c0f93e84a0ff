"""The tap's honest floor: the kiosk's journey written in plain PySide6, nothing of the kiosk.

A fullscreen window with two pages, as the kiosk has: a page with one big button, and a ticket
page with the kiosk's ticket screen's content (the number very large, the line's name, three
facts with their pictures, the print state in a panel, a button), in the shipped font with a
small stylesheet. A tap on the button runs a coroutine on the same qasync loop, which sends one
raw sqlite3 INSERT + COMMIT (WAL, synchronous=FULL, the raw floor's statement) to a worker
thread and awaits it, then fills in the ticket, turns the page and hands a print job to a
printer thread's queue. The work any kiosk must do for a tap: the commit off the UI thread (a
dead database must never freeze a screen), the hop back to the UI thread, a ticket page laid
out and painted, and a job queued. bench/ticket.py times the kiosk's tap against this,
interleaved. What the kiosk costs beyond it is its own: the issue's statements and estimate,
its screens' code and stylesheet, and the printer thread laying out the ticket meanwhile.
"""

from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QFontDatabase, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

FONTS = Path(__file__).resolve().parents[1] / "data" / "fonts"
STYLE = (
    "QWidget { font-family: 'Noto Sans'; font-size: 30px; background: white; color: #111; }"
    "QLabel#number { font-size: 220px; font-weight: bold; color: #0b2f5b; }"
    "QLabel[big='true'] { font-size: 40px; font-weight: bold; }"
    "QFrame#facts { background: #eef3f9; border-radius: 16px; }"
    "QFrame#status { background: #e3f4e8; border-radius: 16px; }"
    "QPushButton { font-size: 36px; font-weight: bold; border: 3px solid #0b2f5b;"
    " border-radius: 12px; padding: 20px; }"
)


def picture(radius: int) -> QPixmap:
    """A small SVG picture drawn to a pixmap, as the kiosk's icons are."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" '
        f'r="{radius}" fill="none" stroke="#0b2f5b" stroke-width="4.5"/></svg>'
    )
    pixmap = QPixmap(56, 56)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return pixmap


def label(text: str = "", *, big: bool = False, wrap: bool = True) -> QLabel:
    """A plain-text label, wrapped, as the kiosk's text labels are."""
    made = QLabel(text)
    made.setTextFormat(Qt.TextFormat.PlainText)
    made.setWordWrap(wrap)
    made.setProperty("big", big)
    return made


MOMENTS = ("committed", "painted", "handed to the printer")


class PlainTap(QObject):
    """A two-page window that commits a row off the UI thread, shows it, and queues a job."""

    def __init__(self, folder: Path, *, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._loop = loop
        self._path = folder / "plain-tap.sqlite3"
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="plain-db")
        self._pool.submit(self._open).result()
        self._jobs: queue.Queue[Future[None] | None] = queue.Queue()
        self._printer = threading.Thread(target=self._print, name="plain-printer", daemon=True)
        self._printer.start()
        for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
            QFontDatabase.addApplicationFont(str(FONTS / name))
        self.window = QStackedWidget()
        self.window.setStyleSheet(STYLE)
        self.button = QPushButton("Thủ tục hành chính chung")
        self.button.clicked.connect(self._clicked)
        self.window.addWidget(self.button)
        self.window.addWidget(self._ticket_page())
        self.number.installEventFilter(self)
        self.window.resize(1920, 1080)
        self.window.show()
        self.marks: dict[str, float] = {}
        self._waiter: QEventLoop | None = None
        self._count = 0

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        self.number = label(wrap=False)
        self.number.setObjectName("number")
        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(label("Số của bạn là", big=True))
        left.addWidget(self.number)
        left.addWidget(label("Thủ tục hành chính chung", big=True))
        left.addStretch(1)
        facts = QFrame(objectName="facts")
        grid = QGridLayout(facts)
        self.values: list[QLabel] = []
        for row, caption in enumerate(
            ("Quầy phục vụ", "Người chờ trước bạn", "Thời gian chờ dự kiến")
        ):
            icon = QLabel()
            icon.setPixmap(picture(20 + row))
            value = label(big=True)
            grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(caption), row, 1)
            grid.addWidget(value, row, 2)
            self.values.append(value)
        grid.setColumnStretch(1, 1)
        status = QFrame(objectName="status")
        status_grid = QGridLayout(status)
        icon = QLabel()
        icon.setPixmap(picture(24))
        status_grid.addWidget(icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        status_grid.addWidget(label("Vé của bạn đang được in…", big=True), 0, 1)
        status_grid.addWidget(label("Xin chờ một chút."), 1, 1)
        status_grid.setColumnStretch(1, 1)
        right = QVBoxLayout()
        right.addStretch(1)
        right.addWidget(facts)
        right.addWidget(status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        column = QVBoxLayout(page)
        column.addLayout(body, 1)
        column.addWidget(QPushButton("Xong, về màn hình chính"))
        return page

    def _open(self) -> None:
        self._con = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("PRAGMA synchronous=FULL")
        self._con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, issued_at TEXT)")

    def _commit(self, number: str) -> None:
        self._con.execute("BEGIN IMMEDIATE")
        self._con.execute("INSERT INTO t (number, issued_at) VALUES (?, ?)", (number, "now"))
        self._con.execute("COMMIT")
        self.marks["committed"] = time.perf_counter()

    def _print(self) -> None:
        while (job := self._jobs.get()) is not None:
            job.set_result(None)

    def _clicked(self) -> None:
        self._loop.create_task(self._issue())

    async def _issue(self) -> None:
        self._count += 1
        number = f"A{self._count:03d}"
        await self._loop.run_in_executor(self._pool, self._commit, number)
        self.number.setText(number)
        ahead = self._count % 23
        for value, text in zip(
            self.values, ("1, 2", f"{ahead} người", f"Khoảng {3 * ahead + 5} phút"), strict=True
        ):
            value.setText(text)
        self.window.setCurrentIndex(1)
        self._jobs.put(Future())
        self.marks["handed to the printer"] = time.perf_counter()
        self._marked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and "painted" not in self.marks:
            self.marks["painted"] = time.perf_counter()
            self._marked()
        return False

    def _marked(self) -> None:
        if len(self.marks) == len(MOMENTS) and self._waiter is not None:
            self._waiter.quit()

    def tap(self, *, settle: object) -> dict[str, float]:
        """Tap the button on its painted page; seconds from the tap to each moment.

        ``settle(widget)`` processes events until that page has painted, as the kiosk's tap
        waits for its choose screen: a visitor taps a screen that is already on view.
        """
        self.window.setCurrentIndex(0)
        settle(self.button)  # type: ignore[operator]
        self.marks.clear()
        self._waiter = QEventLoop()
        start = time.perf_counter()
        self.button.click()
        if len(self.marks) < len(MOMENTS):
            self._waiter.exec()
        self._waiter = None
        return {name: self.marks[name] - start for name in MOMENTS}

    def close(self) -> None:
        """Close the window, the threads and the database."""
        self.window.close()
        self._jobs.put(None)
        self._printer.join()
        self._pool.submit(self._con.close).result()
        self._pool.shutdown()
