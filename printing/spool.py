"""A printer that prints to a folder: raw job bytes plus a PNG of the paper, one pair per job."""

from __future__ import annotations

import io
import re
from datetime import tzinfo
from pathlib import Path

from escpos.printer import Dummy
from PIL import Image

from kiosk.domain.clock import Clock, system_clock
from kiosk.private_files import private_dir, write_private

_UNSAFE_NAME = re.compile(r"[^0-9A-Za-z_-]+")


class SpoolPrinter(Dummy):  # type: ignore[misc]  # python-escpos has no type hints
    """An escpos printer that writes ``<time>-<job>.escpos`` and ``.png`` per job.

    ``<time>`` is the commune's local time (``tz``), the time printed on the ticket, so a
    file is found by the time on the paper.

    The default when no printer is configured: demos and a kiosk waiting for its printer keep
    working, and staff can look at (or later replay) every ticket. A job ends at ``cut()``;
    bytes sent without a cut are written on ``close()``. The PNG comes from ``begin_job``,
    which ``print_slip`` calls; a job printed without it gets no PNG.
    """

    def __init__(
        self,
        spool_dir: Path,
        *,
        clock: Clock = system_clock,
        tz: tzinfo | None = None,
        profile: str | None = None,
    ) -> None:
        super().__init__(profile=profile)
        self.spool_dir = spool_dir
        self._clock = clock
        self._tz = tz
        self._job_name = "job"
        self._preview: Image.Image | None = None
        self.written: list[Path] = []

    def open(self) -> None:
        """Create the spool folder (python-escpos calls this before the first byte)."""
        private_dir(self.spool_dir)

    def begin_job(self, name: str, preview: Image.Image) -> None:
        """Start a job: its name goes into the file names, its preview into the PNG."""
        self.finish_job()
        self._job_name = name
        self._preview = preview

    def cut(self, mode: str = "FULL", feed: bool = True) -> None:
        """Cut the paper, which ends the job: write its files."""
        super().cut(mode=mode, feed=feed)
        self.finish_job()

    def close(self) -> None:
        """Write whatever was sent since the last cut."""
        self.finish_job()

    def __del__(self) -> None:
        # Escpos.__del__ calls close(); files are written by cut() and close(), never by the
        # garbage collector at interpreter exit.
        pass

    def finish_job(self) -> None:
        """Write the current job's bytes and preview, if anything was sent."""
        data = bytes(self.output)
        if not data:
            return
        stem = self._free_stem()
        # The PNG first: whoever sees the .escpos file can count on its preview being there.
        if self._preview is not None:
            buffer = io.BytesIO()
            self._preview.save(buffer, format="PNG")
            self._write(stem.with_name(stem.name + ".png"), buffer.getvalue())
        self._write(stem.with_name(stem.name + ".escpos"), data)
        self.clear()
        self._job_name = "job"
        self._preview = None

    def _free_stem(self) -> Path:
        self.open()
        now = self._clock()
        stamp = (now if self._tz is None else now.astimezone(self._tz)).strftime("%Y%m%d-%H%M%S")
        name = _UNSAFE_NAME.sub("_", self._job_name) or "job"
        stem = self.spool_dir / f"{stamp}-{name}"
        counter = 2
        while stem.with_name(stem.name + ".escpos").exists():
            stem = self.spool_dir / f"{stamp}-{name}-{counter}"
            counter += 1
        return stem

    def _write(self, path: Path, data: bytes) -> None:
        # Written under another name first so a folder watcher never reads half a job.
        part = path.with_name(path.name + ".part")
        write_private(part, data)
        part.replace(path)
        self.written.append(path)
