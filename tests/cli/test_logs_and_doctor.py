"""Logs: the journal or private rotating files, one line per change of state, doctor shows them."""

from __future__ import annotations

import errno
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from escpos.printer import Dummy

from kiosk import cli, logs
from kiosk.logs import last_problems, setup_logging
from printing.worker import PrinterWorker


@pytest.fixture
def restore_root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("restore_root_logging")
def test_outside_systemd_the_log_goes_to_a_private_rotating_file(tmp_path: Path) -> None:
    setup_logging("kiosk", folder=tmp_path, env={})

    logging.getLogger("kiosk.test").info("kiosk started")
    logging.getLogger("kiosk.test").warning("printer offline")
    # python-escpos logs every connection on the root logger: not worth a line each time.
    escpos = "/venv/site-packages/escpos/printer/network.py"
    logging.getLogger().handle(
        logging.LogRecord("root", logging.INFO, escpos, 1, "Closing Network connection", (), None)
    )

    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "kiosk started" in log and "Closing Network" not in log
    problems = (tmp_path / "problems-kiosk.log").read_text(encoding="utf-8")
    assert "printer offline" in problems and "kiosk started" not in problems
    assert {mode(f) for f in tmp_path.iterdir()} == {0o600}
    assert mode(tmp_path) == 0o700


@pytest.mark.usefixtures("restore_root_logging")
def test_under_systemd_only_problems_get_a_file_the_rest_goes_to_the_journal(
    tmp_path: Path,
) -> None:
    setup_logging("desk", folder=tmp_path, env={"JOURNAL_STREAM": "8:1234"})
    logging.getLogger("kiosk.test").warning("database was busy")

    assert [f.name for f in tmp_path.iterdir()] == ["problems-desk.log"]


@pytest.mark.usefixtures("restore_root_logging")
def test_rotated_log_files_stay_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "LOG_BYTES", 300)
    setup_logging("kiosk", folder=tmp_path, env={})
    for number in range(40):
        logging.getLogger("kiosk.test").info("line %d of a long day", number)

    files = sorted(tmp_path.glob("kiosk.log*"))
    assert len(files) > 1
    assert {mode(f) for f in files} == {0o600}


def test_a_printer_checked_every_minute_logs_trouble_once_and_recovery_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="printing.worker")
    unplugged = {"now": True}

    class UnpluggablePrinter(Dummy):
        """A printer whose device file is gone while unplugged."""

        def open(self) -> None:
            if unplugged["now"]:
                raise OSError(errno.ENODEV, "No such device")

        def _raw(self, msg: bytes) -> None:
            self.open()
            super()._raw(msg)

    worker = PrinterWorker(UnpluggablePrinter, width_dots=384, timeout_s=10)
    try:
        for _ in range(3):  # a ticket and the minute's check, three times
            assert worker.submit("A001", []).exception(timeout=10) is not None
            worker.check_status().result(timeout=10)
        unplugged["now"] = False
        for _ in range(3):
            worker.submit("A002", []).result(timeout=10)
            worker.check_status().result(timeout=10)
    finally:
        worker.close()

    changes = [r.getMessage() for r in caplog.records if r.name == "printing.worker"]
    assert len([m for m in changes if "trouble" in m]) == 1
    assert len([m for m in changes if "works again" in m]) == 1


def test_doctor_shows_the_last_problems_of_every_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "problems-kiosk.log").write_text(
        "2026-11-23 09:00:01 WARNING printing.worker: printer trouble: offline\n"
        "Traceback (most recent call last):\n"
        "2026-11-23 17:05:00 WARNING kiosk.services.closing: daily backup failed\n",
        encoding="utf-8",
    )
    (tmp_path / "problems-desk.log").write_text(
        "2026-11-23 10:00:00 WARNING kiosk.storage.busy: database was busy\n", encoding="utf-8"
    )
    monkeypatch.setattr(logs, "logs_dir", lambda: tmp_path)

    assert last_problems(tmp_path) == [
        "2026-11-23 09:00:01 kiosk: WARNING printing.worker: printer trouble: offline",
        "2026-11-23 10:00:00 desk: WARNING kiosk.storage.busy: database was busy",
        "2026-11-23 17:05:00 kiosk: WARNING kiosk.services.closing: daily backup failed",
    ]
    cli.main(["doctor"])
    out = capsys.readouterr().out
    assert "Last problems logged" in out and "daily backup failed" in out
