"""Printer faults at the transport: TCP servers that never read or never answer, unread ptys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from escpos.constants import RT_STATUS_ONLINE

from kiosk import cli
from printing.settings import PrinterSettings
from printing.status import PrinterError, PrinterState
from printing.worker import PrinterWorker
from tests.conftest import write_config
from tests.printing.transports import TcpMode, pty_printer, tcp_printer, ticket_slip

BLOCKS = ticket_slip()
# Waits in the tests: long enough never to trip on a loaded machine.
WAIT_S = 30.0


@pytest.fixture
def workers() -> Iterator[Callable[[PrinterSettings], PrinterWorker]]:
    made: list[PrinterWorker] = []

    def make(settings: PrinterSettings) -> PrinterWorker:
        worker = PrinterWorker.from_settings(settings)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.close()


def network(port: int, timeout_s: float) -> PrinterSettings:
    return PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=timeout_s)


def serial(path: str, timeout_s: float) -> PrinterSettings:
    return PrinterSettings(kind="serial", device=path, timeout_s=timeout_s)


def test_good_network_printer_prints_and_confirms_online_with_paper(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    with tcp_printer(TcpMode.GOOD) as fake:
        worker = workers(network(fake.port, timeout_s=5))

        worker.submit("A001", BLOCKS).result(timeout=WAIT_S)
        assert worker.wait_idle(WAIT_S)

        assert worker.status.state is PrinterState.OK
        assert worker.status.detail == "online, paper loaded"
        assert fake.status_answers == 2


def test_ticket_right_after_a_print_is_not_failed_by_a_printer_silent_to_status_queries(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    # The status query after A001 used to run inside A001's watchdog with a read timeout as
    # long as it, so the watchdog fired and A002, queued meanwhile, failed unsent.
    with tcp_printer(TcpMode.SILENT_READER) as fake:
        worker = workers(network(fake.port, timeout_s=1.0))
        first = worker.submit("A001", BLOCKS)
        first.result(timeout=WAIT_S)
        second = worker.submit("A002", BLOCKS)

        assert second.result(timeout=WAIT_S).job_name == "A002"
        worker.submit("A003", BLOCKS).result(timeout=WAIT_S)
        assert worker.wait_idle(WAIT_S)

    assert worker.status.state is PrinterState.UNKNOWN
    assert "does not report status" in worker.status.detail
    # Asked once, remembered as silent: no per-ticket wait afterwards.
    assert bytes(fake.received).count(RT_STATUS_ONLINE) == 1


def test_status_check_on_a_silent_printer_never_fails_the_ticket_queued_behind_it(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    with tcp_printer(TcpMode.SILENT_READER) as fake:
        worker = workers(network(fake.port, timeout_s=1.0))
        check = worker.check_status()
        ticket = worker.submit("A001", BLOCKS)

        assert ticket.result(timeout=WAIT_S).job_name == "A001"
        assert check.result(timeout=WAIT_S).state is PrinterState.UNKNOWN


def test_serial_printer_without_a_status_line_is_not_offline_after_each_ticket(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    # python-escpos' is_online() is False when nothing comes back, which read as "offline:
    # cover open or paper out?" after every good print on such a printer.
    with pty_printer(drained=True) as fake:
        worker = workers(serial(fake.path, timeout_s=2.0))
        for number in ("A001", "A002", "A003"):
            worker.submit(number, BLOCKS).result(timeout=WAIT_S)
            assert worker.wait_idle(WAIT_S)
            assert worker.status.state is PrinterState.UNKNOWN

    assert bytes(fake.received).count(RT_STATUS_ONLINE) == 1


def test_serial_printer_nobody_reads_fails_the_job_in_time_and_frees_the_printer_thread(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    with pty_printer(drained=False) as fake:
        worker = workers(serial(fake.path, timeout_s=1.0))
        failure = _first_failure(worker)

        # The write timeout made the stuck write return: the thread is free again, and the
        # next ticket is tried (and fails on its own) instead of "not responding" for ever.
        assert worker.wait_idle(WAIT_S)
        assert worker.status.state in (PrinterState.OFFLINE, PrinterState.ERROR)
        assert failure
        with pytest.raises(PrinterError):
            worker.submit("B001", BLOCKS).result(timeout=WAIT_S)
        assert worker.wait_idle(WAIT_S)


def test_network_printer_that_never_reads_fails_the_first_ticket_instead_of_swallowing_it(
    workers: Callable[[PrinterSettings], PrinterWorker],
) -> None:
    # sendall() returns as soon as the kernel has the bytes; only the printer's TCP
    # acknowledgement says they arrived, and a printer that never reads never gives it.
    with tcp_printer(TcpMode.NEVER_READS) as fake:
        worker = workers(network(fake.port, timeout_s=1.0))

        with pytest.raises(PrinterError, match="did not take the ticket"):
            worker.submit("A001", BLOCKS).result(timeout=WAIT_S)
        assert worker.wait_idle(WAIT_S)
        assert worker.status.state is PrinterState.OFFLINE


def _first_failure(worker: PrinterWorker) -> str:
    """Print tickets until one fails (the buffers are full); that failure's message."""
    for number in range(1, 40):
        try:
            worker.submit(f"A{number:03d}", BLOCKS).result(timeout=WAIT_S)
        except PrinterError as exc:
            return str(exc)
        worker.wait_idle(WAIT_S)
        assert worker.status.state is not PrinterState.OK
    raise AssertionError("the printer that never reads took 40 tickets")


def _printer_test(tmp_path: Path, printer_toml: str) -> int:
    config = write_config(tmp_path)
    text = config.read_text(encoding="utf-8").replace('kind = "dummy"\n', printer_toml)
    config.write_text(text, encoding="utf-8")
    return cli.main(["--config", str(config), "printer", "test"])


def test_printer_test_confirms_a_good_network_printer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tcp_printer(TcpMode.GOOD) as fake:
        code = _printer_test(
            tmp_path, f'kind = "network"\nhost = "127.0.0.1"\nport = {fake.port}\n'
        )

    out = capsys.readouterr().out
    assert code == 0
    assert "Confirmed by the printer: online, paper loaded" in out


@pytest.mark.parametrize(
    ("mode", "code", "says"),
    [
        (TcpMode.SILENT_READER, 3, "Not confirmed"),  # took the ticket, never answers status
        (TcpMode.NEVER_READS, 1, "did not take the ticket"),
    ],
)
def test_printer_test_on_a_network_printer_that_never_confirms_says_so_and_fails(
    mode: TcpMode, code: int, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tcp_printer(mode) as fake:
        exit_code = _printer_test(
            tmp_path,
            f'kind = "network"\nhost = "127.0.0.1"\nport = {fake.port}\ntimeout_s = 2\n',
        )

    out = capsys.readouterr().out
    assert exit_code == code
    assert says in out and "Confirmed by the printer" not in out


def test_printer_test_on_an_unread_serial_port_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pty_printer(drained=False) as fake:
        code = _printer_test(
            tmp_path, f'kind = "serial"\nserial_device = "{fake.path}"\ntimeout_s = 1\n'
        )

    out = capsys.readouterr().out
    assert code != 0
    assert "Confirmed by the printer" not in out
