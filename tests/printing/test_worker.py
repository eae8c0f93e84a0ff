import errno
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.printer import Dummy, File

from printing.blocks import BigNumber, Block, TextBlock
from printing.settings import PrinterSettings
from printing.status import PrinterError, PrinterState
from printing.worker import PrinterWorker

BLOCKS: list[Block] = [TextBlock("Số thứ tự"), BigNumber("A001")]
# Long enough that a healthy job never trips it on a slow CI machine.
RELAXED_TIMEOUT_S = 10.0


class SlowPrinter(Dummy):
    """A printer whose writes hang (like a USB write to a jammed printer) until released."""

    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self._release = release

    def _raw(self, msg: bytes) -> None:
        self._release.wait(timeout=30)  # far longer than the worker's timeout
        super()._raw(msg)


class UnpluggedPrinter(Dummy):
    """A printer whose cable was pulled."""

    def _raw(self, msg: bytes) -> None:
        raise OSError(errno.ENODEV, "No such device")


class ReportingPrinter(Dummy):
    """A printer that answers DLE EOT status queries like an Epson TM-T20."""

    def __init__(self, *, online: bytes = b"\x12", paper: bytes = b"\x12") -> None:
        super().__init__()
        self._answers = {RT_STATUS_ONLINE: online, RT_STATUS_PAPER: paper}
        self._last = b""

    def _raw(self, msg: bytes) -> None:
        self._last = msg
        super()._raw(msg)

    def _read(self) -> bytes:
        return self._answers.get(self._last, b"")


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave a fake printer hanging after a failed test


@pytest.fixture
def make_worker() -> Iterator[Callable[..., PrinterWorker]]:
    workers: list[PrinterWorker] = []

    def make(printer: Callable[[], object], timeout_s: float = RELAXED_TIMEOUT_S) -> PrinterWorker:
        worker = PrinterWorker(printer, width_dots=384, timeout_s=timeout_s)
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.close()


def test_submit_returns_before_the_job_has_printed(
    make_worker: Callable[..., PrinterWorker], release: threading.Event
) -> None:
    worker = make_worker(lambda: SlowPrinter(release))

    future = worker.submit("A001", BLOCKS)

    # The fake cannot write a byte before release is set, so the job cannot be done yet.
    assert not future.done()
    release.set()
    assert future.result(timeout=RELAXED_TIMEOUT_S).job_name == "A001"


def test_job_stuck_past_its_timeout_fails_and_status_becomes_error(
    make_worker: Callable[..., PrinterWorker], release: threading.Event
) -> None:
    worker = make_worker(lambda: SlowPrinter(release), timeout_s=0.2)

    future = worker.submit("A001", BLOCKS)

    with pytest.raises(PrinterError, match="not responding"):
        future.result(timeout=RELAXED_TIMEOUT_S)
    assert worker.status.state is PrinterState.ERROR
    assert "A001" in worker.status.detail


def test_next_submit_fails_fast_while_a_job_is_stuck(
    make_worker: Callable[..., PrinterWorker], release: threading.Event
) -> None:
    worker = make_worker(lambda: SlowPrinter(release), timeout_s=0.2)
    stuck = worker.submit("A001", BLOCKS)
    queued = worker.submit("A002", BLOCKS)
    with pytest.raises(PrinterError):
        stuck.result(timeout=RELAXED_TIMEOUT_S)

    later = worker.submit("A003", BLOCKS)
    check = worker.check_status()

    assert later.done()
    with pytest.raises(PrinterError, match="not responding"):
        later.result(timeout=0)
    with pytest.raises(PrinterError, match="not responding"):
        queued.result(timeout=RELAXED_TIMEOUT_S)
    assert check.done()
    assert check.result(timeout=0).state is PrinterState.ERROR


def test_worker_takes_jobs_again_once_the_stuck_call_returns(
    make_worker: Callable[..., PrinterWorker], release: threading.Event
) -> None:
    worker = make_worker(lambda: SlowPrinter(release), timeout_s=0.2)
    with pytest.raises(PrinterError):
        worker.submit("A001", BLOCKS).result(timeout=RELAXED_TIMEOUT_S)

    release.set()
    assert worker.wait_idle(RELAXED_TIMEOUT_S)

    assert worker.submit("A002", BLOCKS).result(timeout=RELAXED_TIMEOUT_S).job_name == "A002"
    assert worker.status.state is not PrinterState.ERROR


def test_failing_printer_fails_the_future_and_status_goes_offline_with_the_message(
    make_worker: Callable[..., PrinterWorker],
) -> None:
    worker = make_worker(UnpluggedPrinter)

    future = worker.submit("A001", BLOCKS)

    with pytest.raises(PrinterError, match="No such device") as caught:
        future.result(timeout=RELAXED_TIMEOUT_S)
    assert isinstance(caught.value.__cause__, OSError)
    assert worker.status.state is PrinterState.OFFLINE
    assert "No such device" in worker.status.detail


def test_unreachable_network_printer_fails_the_job_naming_the_host(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    settings = PrinterSettings(kind="network", host="127.0.0.1", port=free_port, timeout_s=5)
    worker = PrinterWorker.from_settings(settings)
    try:
        future = worker.submit("A001", BLOCKS)

        with pytest.raises(PrinterError, match=f"127.0.0.1:{free_port}"):
            future.result(timeout=RELAXED_TIMEOUT_S)
        assert worker.status.state is PrinterState.OFFLINE
    finally:
        worker.close()


def test_spool_worker_prints_and_status_is_ok(tmp_path: Path) -> None:
    worker = PrinterWorker.from_settings(PrinterSettings(spool_dir=tmp_path))
    try:
        result = worker.submit("A001", BLOCKS).result(timeout=RELAXED_TIMEOUT_S)
    finally:
        worker.close()

    assert result.job_name == "A001"
    assert worker.wait_idle(RELAXED_TIMEOUT_S)
    assert worker.status.state is PrinterState.OK
    assert len(list(tmp_path.glob("*-A001.escpos"))) == 1
    assert len(list(tmp_path.glob("*-A001.png"))) == 1


@pytest.mark.parametrize(
    ("online", "paper", "state"),
    [
        (b"\x12", b"\x12", PrinterState.OK),
        (b"\x12", b"\x1e", PrinterState.PAPER_NEAR_END),
        (b"\x12", b"\x72", PrinterState.PAPER_OUT),
        (b"\x1a", b"\x12", PrinterState.OFFLINE),
    ],
)
def test_check_status_reads_online_and_paper_from_the_printer(
    make_worker: Callable[..., PrinterWorker], online: bytes, paper: bytes, state: PrinterState
) -> None:
    worker = make_worker(lambda: ReportingPrinter(online=online, paper=paper))

    status = worker.check_status().result(timeout=RELAXED_TIMEOUT_S)

    assert status.state is state
    assert worker.status == status


def test_status_is_refreshed_after_each_job(make_worker: Callable[..., PrinterWorker]) -> None:
    worker = make_worker(lambda: ReportingPrinter(paper=b"\x1e"))

    worker.submit("A001", BLOCKS).result(timeout=RELAXED_TIMEOUT_S)

    assert worker.wait_idle(RELAXED_TIMEOUT_S)
    assert worker.status.state is PrinterState.PAPER_NEAR_END


def test_check_status_is_unknown_when_the_backend_cannot_report(
    make_worker: Callable[..., PrinterWorker], tmp_path: Path
) -> None:
    device = tmp_path / "lp0"
    device.touch()
    worker = make_worker(lambda: File(str(device)))

    status = worker.check_status().result(timeout=RELAXED_TIMEOUT_S)

    assert status.state is PrinterState.UNKNOWN
    assert device.read_bytes() == b""  # no stray status query written to the device


def test_check_status_of_a_missing_printer_is_offline_not_an_exception(
    make_worker: Callable[..., PrinterWorker],
) -> None:
    def unplugged() -> object:
        raise PrinterError("Cannot use the {device}: gone", device="printer device /dev/lp9")

    worker = make_worker(unplugged)

    status = worker.check_status().result(timeout=RELAXED_TIMEOUT_S)

    assert status.state is PrinterState.OFFLINE
    assert "/dev/lp9" in status.detail


def test_closed_worker_refuses_new_jobs(make_worker: Callable[..., PrinterWorker]) -> None:
    worker = make_worker(Dummy)
    worker.close()

    with pytest.raises(PrinterError, match="closed"):
        worker.submit("A001", BLOCKS).result(timeout=0)


def test_jobs_print_in_the_order_they_were_submitted(
    make_worker: Callable[..., PrinterWorker], tmp_path: Path
) -> None:
    printed: list[str] = []

    class RecordingPrinter(Dummy):
        def cut(self, mode: str = "FULL", feed: bool = True) -> None:
            printed.append(self.output.decode("latin-1").split("\n")[-2].strip()[-4:])
            time.sleep(0.01)  # lets later submits pile up behind this one
            self.clear()

    worker = make_worker(RecordingPrinter)
    futures = [worker.submit(number, [BigNumber(number)]) for number in ("A001", "A002", "A003")]

    for future in futures:
        future.result(timeout=RELAXED_TIMEOUT_S)
    assert printed == ["A001", "A002", "A003"]


def test_jobs_failed_behind_a_stuck_one_log_warnings_not_a_critical_future_state(
    make_worker: Callable[..., PrinterWorker],
    release: threading.Event,
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = make_worker(lambda: SlowPrinter(release), timeout_s=0.2)
    stuck = worker.submit("A001", BLOCKS)
    queued = worker.submit("A002", BLOCKS)
    with pytest.raises(PrinterError):
        queued.result(timeout=RELAXED_TIMEOUT_S)

    release.set()
    assert worker.wait_idle(RELAXED_TIMEOUT_S)

    with pytest.raises(PrinterError):
        stuck.result(timeout=0)
    serious = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert serious == []
    assert any("A001" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_the_warm_up_runs_on_the_printer_thread_before_the_first_job() -> None:
    order: list[str] = []

    def warm_up(width_dots: int) -> None:
        order.append(f"warm-up at {width_dots} dots on {threading.current_thread().name}")

    def lay_out() -> list[Block]:
        order.append("A001 laid out")
        return BLOCKS

    device = Dummy()
    worker = PrinterWorker(
        lambda: device, width_dots=384, timeout_s=RELAXED_TIMEOUT_S, warm_up=warm_up
    )
    try:
        worker.submit("A001", lay_out).result(timeout=RELAXED_TIMEOUT_S)
    finally:
        worker.close()
    assert order == ["warm-up at 384 dots on printer-worker", "A001 laid out"]


def test_a_failed_warm_up_is_logged_and_the_tickets_still_print(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def warm_up(_width_dots: int) -> None:
        raise OSError(errno.ENOENT, "No such file or directory", "NotoSans-Regular.ttf")

    device = Dummy()
    worker = PrinterWorker(
        lambda: device, width_dots=384, timeout_s=RELAXED_TIMEOUT_S, warm_up=warm_up
    )
    try:
        with caplog.at_level(logging.ERROR, logger="printing.worker"):
            result = worker.submit("A001", BLOCKS).result(timeout=RELAXED_TIMEOUT_S)
    finally:
        worker.close()
    assert result.job_name == "A001"
    assert len(device.output) > 0
    assert "the printer thread's warm-up failed" in caplog.text
    assert "NotoSans-Regular.ttf" in caplog.text
