"""The ``dummy`` printer: what the kiosk sends is kept in memory, the newest bytes only."""

from __future__ import annotations

from collections import deque
from typing import Any

from escpos.printer import Dummy

# A few hundred tickets: enough for a test or a bench to read back what was printed. python-
# escpos's Dummy keeps every byte it is sent; a kiosk left on "dummy" for weeks grew by each
# ticket (~1.5 kB; bench/soak.py).
KEEP_BYTES = 1 << 20


class MemoryPrinter(Dummy):  # type: ignore[misc]  # python-escpos has no type hints
    """A python-escpos ``Dummy`` that forgets its oldest output beyond ``keep_bytes``.

    ``output`` is what was sent, oldest first, with whole writes dropped from the front once
    more than ``keep_bytes`` were kept (the newest write is always kept whole).
    """

    def __init__(self, *args: Any, keep_bytes: int = KEEP_BYTES, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._keep_bytes = keep_bytes
        self._kept_bytes = 0
        self._output_list: deque[bytes] = deque()

    def _raw(self, msg: bytes) -> None:
        self._output_list.append(msg)
        self._kept_bytes += len(msg)
        while self._kept_bytes > self._keep_bytes and len(self._output_list) > 1:
            self._kept_bytes -= len(self._output_list.popleft())

    def clear(self) -> None:
        """Forget everything sent so far."""
        self._output_list.clear()
        self._kept_bytes = 0
