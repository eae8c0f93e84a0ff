"""Printers that misbehave at the transport: real TCP servers on 127.0.0.1 and real ptys.

Used by the printing tests and by bench/faults.py. Each fake is a context manager that yields
what the printer settings need (a port, or a serial device path) and counts what it received.
"""

from __future__ import annotations

import os
import socket
import threading
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER

from kiosk.domain.views import SiteHeader
from printing.blocks import Block
from printing.ticket import DEFAULT_LABELS, VIETNAM_TZ, sample_ticket, ticket_blocks

# A TM-T20's answers: online, and paper present.
ONLINE_OK = b"\x12"
PAPER_OK = b"\x12"
# Small receive buffers make a printer that stops reading fill up after a ticket or two.
SMALL_BUFFER_BYTES = 4096


def ticket_slip() -> list[Block]:
    """A full sample ticket (about 10 KB of ESC/POS), as a visitor gets it."""
    ticket = sample_ticket(datetime(2025, 3, 1, 1, 30, tzinfo=UTC))
    header = SiteHeader("Trung tâm Phục vụ hành chính công", "Xã Tân Phú", "tỉnh Đồng Nai")
    return ticket_blocks(ticket, header, DEFAULT_LABELS, VIETNAM_TZ)


class TcpMode(StrEnum):
    """How the fake network printer behaves once a connection is accepted."""

    GOOD = "good"  # reads everything and answers DLE EOT status queries
    NEVER_READS = "never_reads"  # accepts and never reads a byte
    SILENT_READER = "silent_reader"  # reads everything, never answers a status query


@dataclass
class TcpPrinter:
    """A fake ESC/POS network printer; ``port`` is where to connect."""

    mode: TcpMode
    port: int = 0
    received: bytearray = field(default_factory=bytearray)
    status_answers: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def serve(self, server: socket.socket) -> None:
        server.settimeout(0.1)
        held: list[socket.socket] = []
        try:
            while not self._stop.is_set():
                try:
                    connection, _ = server.accept()
                except TimeoutError:
                    continue
                held.append(connection)
                if self.mode is not TcpMode.NEVER_READS:
                    threading.Thread(target=self._read, args=(connection,), daemon=True).start()
        finally:
            for connection in held:
                connection.close()

    def _read(self, connection: socket.socket) -> None:
        connection.settimeout(0.1)
        pending = b""
        while not self._stop.is_set():
            try:
                data = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.received.extend(data)
            pending = (pending + data)[-8:] if self.mode is TcpMode.GOOD else b""
            pending = self._answer(connection, pending)

    def _answer(self, connection: socket.socket, pending: bytes) -> bytes:
        for query, answer in ((RT_STATUS_ONLINE, ONLINE_OK), (RT_STATUS_PAPER, PAPER_OK)):
            while query in pending:
                self.status_answers += 1  # counted first: the client may look at once
                connection.sendall(answer)
                pending = pending.replace(query, b"", 1)
        return pending

    def stop(self) -> None:
        self._stop.set()


@contextmanager
def tcp_printer(mode: TcpMode) -> Iterator[TcpPrinter]:
    """A fake network printer listening on 127.0.0.1 for as long as the block runs."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER_BYTES)
    server.bind(("127.0.0.1", 0))
    server.listen()
    fake = TcpPrinter(mode, port=server.getsockname()[1])
    thread = threading.Thread(target=fake.serve, args=(server,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stop()
        thread.join(timeout=5)
        server.close()


@dataclass
class PtyPrinter:
    """A fake serial printer on a pty: ``path`` is the serial device to configure."""

    path: str
    received: bytearray = field(default_factory=bytearray)


@contextmanager
def pty_printer(*, drained: bool) -> Iterator[PtyPrinter]:
    """A pty as a serial printer that never answers status; ``drained``: something reads it.

    Undrained, nobody reads the other end: its buffer (about 14 KB) fills and writes block,
    as with a serial printer that stopped reading.
    """
    controller, device = os.openpty()
    tty.setraw(controller)
    fake = PtyPrinter(os.ttyname(device))
    stop = threading.Event()

    def drain() -> None:
        os.set_blocking(controller, False)
        while not stop.wait(0.02):
            try:
                fake.received.extend(os.read(controller, 65536))
            except BlockingIOError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=drain, daemon=True) if drained else None
    if thread is not None:
        thread.start()
    try:
        yield fake
    finally:
        stop.set()
        if thread is not None:
            thread.join(timeout=5)
        os.close(controller)
        os.close(device)
