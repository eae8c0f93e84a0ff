"""One printer, one thread: jobs queue in order, each under a timeout, and never block the UI.

A job stuck past its timeout marks the printer as not responding: the jobs waiting behind it
and every new one fail at once instead of piling up, until the stuck call returns (drivers
get ``timeout_s`` too: socket and pyserial read and write timeouts, pyusb's, so it normally
does).

Status queries (after each job, and ``check_status``) run outside any job's watchdog with a
short timeout of their own, so they never fail a ticket. A printer that has never answered
one is remembered as one that cannot report, and is not asked again during this run.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Self

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy

from kiosk.domain.clock import Clock, system_clock
from kiosk.state_log import StateLog
from printing.backends import (
    device_label,
    open_printer,
    printable_width_dots,
    wait_until_sent,
)
from printing.blocks import Block
from printing.memory_printer import MemoryPrinter
from printing.settings import PrinterSettings
from printing.slip import print_slip
from printing.spool import SpoolPrinter
from printing.status import PrinterError, PrinterState, PrinterStatus
from printing.status_query import STATUS_TIMEOUT_S, read_status

logger = logging.getLogger(__name__)

# python-escpos ships no type hints; its printers are plain objects to mypy.
EscposPrinter = Any


@dataclass(frozen=True, slots=True)
class PrintResult:
    """A job the printer took."""

    job_name: str
    finished_at: datetime


@dataclass(slots=True)
class _Task:
    name: str
    work: Callable[[], Any]
    future: Future[Any]
    is_job: bool  # a print job (watched, status refreshed after); else a status check


class PrinterWorker:
    """Sends slips to one printer from one daemon thread, with a timeout on every job.

    ``submit``, ``check_status`` and ``status`` may be called from any thread and never block
    on the printer; layout, raster and I/O all happen on the worker thread.
    """

    def __init__(
        self,
        open_printer: Callable[[], EscposPrinter],
        *,
        width_dots: int,
        timeout_s: float,
        device: str = "printer",
        clock: Clock = system_clock,
        warm_up: Callable[[int], object] | None = None,
    ) -> None:
        self._open_printer = open_printer
        self._warm_up = warm_up
        self._width_dots = width_dots
        self._timeout_s = timeout_s
        self._device = device
        self._clock = clock
        self._status_timeout_s = min(timeout_s, STATUS_TIMEOUT_S)
        # Reentrant: futures are settled under it, and a done-callback may read ``status``.
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._waiting: list[Future[Any]] = []  # submitted and not finished
        self._stuck_job: str | None = None
        self._closed = False
        self._status = PrinterStatus(PrinterState.UNKNOWN, "not checked yet", clock())
        # Set once the printer stays silent to its first status query: such printers (and
        # serial ones without a return line) are not asked again. Once it has answered, a
        # silence means trouble instead.
        self._status_silent = False
        self._status_answered = False
        self._printer: EscposPrinter | None = None  # touched only on the worker thread
        self._states = StateLog(logger, printer="fine")
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        # A daemon thread, not ThreadPoolExecutor: the executor joins its threads at exit, and
        # a printer stuck in a driver call must not keep the kiosk from shutting down.
        self._thread = threading.Thread(target=self._loop, name="printer-worker", daemon=True)
        self._thread.start()

    @classmethod
    def from_settings(
        cls,
        settings: PrinterSettings,
        *,
        clock: Clock = system_clock,
        tz: tzinfo | None = None,
        warm_up: Callable[[int], object] | None = None,
    ) -> Self:
        """A worker for the configured printer; it connects with the first job.

        Args:
            settings: The printer settings.
            clock: Time source for statuses and spool file names.
            tz: The commune's time zone, in which spool files are named.
            warm_up: Run once on the worker thread before the first job, with the printable
                width in dots, e.g. a sample layout that fills the text caches; its failure is
                logged, never a job's.

        Returns:
            A running worker.

        Raises:
            PrinterError: The configured printer profile does not exist.
        """
        return cls(
            lambda: open_printer(settings, clock=clock, tz=tz),
            width_dots=printable_width_dots(settings),
            timeout_s=settings.timeout_s,
            device=device_label(settings),
            clock=clock,
            warm_up=warm_up,
        )

    @property
    def status(self) -> PrinterStatus:
        """The printer's state after the last job or check."""
        with self._lock:
            return self._status

    def submit(
        self, job_name: str, blocks: Sequence[Block] | Callable[[], Sequence[Block]]
    ) -> Future[PrintResult]:
        """Queue a slip; returns at once.

        Args:
            job_name: Names the job in spool files and logs, e.g. the ticket number.
            blocks: The slip from top to bottom, or a function that lays it out: then the
                layout runs on the printer thread too, not on the caller's (a kiosk's UI).

        Returns:
            A future holding a ``PrintResult``, or a ``PrinterError`` when the job failed, timed
            out, or the printer was already not responding (then it is failed on return).
        """
        layout = blocks if callable(blocks) else None
        frozen = () if callable(blocks) else tuple(blocks)

        def work() -> PrintResult:
            started = time.monotonic()
            slip = frozen if layout is None else tuple(layout())
            printer = self._connected_printer()
            print_slip(printer, slip, width_dots=self._width_dots, job_name=job_name)
            # Within the job's time, leaving a margin so this fails before the watchdog fires.
            left_s = self._timeout_s * 0.9 - (time.monotonic() - started)
            waiting = wait_until_sent(printer, max(left_s, 0.0))
            if waiting:
                raise PrinterError(
                    "The {device} did not take the ticket: {count} bytes still waiting",
                    device=self._device,
                    count=waiting,
                )
            return PrintResult(job_name, self._clock())

        return self._enqueue(_Task(job_name, work, Future(), is_job=True))

    def check_status(self) -> Future[PrinterStatus]:
        """Ask the printer for its status (online, paper) on the worker thread; returns at once.

        Returns:
            A future holding the new status, which ``status`` then also shows. An unreachable
            printer gives an ``offline`` status, not an exception; while a job is stuck the
            future holds the current ``error`` status at once. It fails with a
            ``PrinterError`` only if the check itself gets stuck past the timeout; that never
            fails a print job.
        """
        with self._lock:
            if self._stuck_job is not None:
                done: Future[PrinterStatus] = Future()
                done.set_result(self._status)
                return done
        return self._enqueue(_Task("status check", self._check, Future(), is_job=False))

    def wait_idle(self, timeout_s: float) -> bool:
        """Block until every submitted job has finished; True if that happened in time."""
        with self._idle:
            return self._idle.wait_for(
                lambda: not self._waiting and self._stuck_job is None, timeout_s
            )

    def close(self) -> None:
        """Stop taking jobs; those already queued still print, then the printer is closed."""
        with self._lock:
            self._closed = True
        self._tasks.put(None)

    def _enqueue(self, task: _Task) -> Future[Any]:
        with self._lock:
            if self._closed:
                task.future.set_exception(PrinterError("The printer worker is closed"))
                return task.future
            if self._stuck_job is not None:
                task.future.set_exception(self._not_responding())
                return task.future
            self._waiting.append(task.future)
        self._tasks.put(task)
        return task.future

    def _loop(self) -> None:
        if self._warm_up is not None:
            try:
                self._warm_up(self._width_dots)
            except Exception:  # only a head start: the jobs themselves report their trouble
                logger.exception("the printer thread's warm-up failed")
        while (task := self._tasks.get()) is not None:
            self._run(task)
        self._drop_printer()

    def _run(self, task: _Task) -> None:
        if not self._start(task.future):
            self._task_done(task, ran=False)
            return
        try:
            if not task.is_job:
                self._run_check(task)
            elif self._run_watched(task):
                # After the watchdog is cancelled: a slow or silent answer never fails a job.
                self._refresh_after_job()
        finally:
            self._task_done(task, ran=True)

    def _start(self, future: Future[Any]) -> bool:
        with self._lock:  # the watchdog settles waiting futures under the same lock
            if future.done():
                return False  # failed while it waited behind a stuck job: nothing to run
            return future.set_running_or_notify_cancel()  # False: the caller cancelled it

    def _run_watched(self, task: _Task) -> bool:
        """Run a job under its watchdog; True when it printed in time."""
        finished = threading.Event()
        watchdog = threading.Timer(self._timeout_s, self._on_timeout, (task.name, finished))
        watchdog.daemon = True
        watchdog.start()
        try:
            value = task.work()
        except Exception as exc:
            error = self._as_printer_error(exc)
            logger.warning("printer job %s failed: %s", task.name, error)
            self._set_status(_state_for(exc), str(error))
            self._drop_printer()
            _settle(task.future, error=error)
            return False
        finally:
            finished.set()
            watchdog.cancel()
        # Provisional, so a caller reading ``status`` when the job ends sees it printed; the
        # paper query that follows may take a moment.
        self._set_status(PrinterState.OK, "printed")
        _settle(task.future, value=value)
        with self._lock:
            return self._stuck_job is None

    def _run_check(self, task: _Task) -> None:
        # No job watchdog: a slow check only fails its own future, never a waiting ticket.
        limit = threading.Timer(
            self._status_timeout_s * 2 + 1.0,
            lambda: _settle(task.future, error=self._not_responding()),
        )
        limit.daemon = True
        limit.start()
        try:
            _settle(task.future, value=task.work())
        except Exception as exc:
            _settle(task.future, error=self._as_printer_error(exc))
        finally:
            limit.cancel()

    def _on_timeout(self, job_name: str, finished: threading.Event) -> None:
        with self._lock:
            if finished.is_set():
                return
            self._stuck_job = job_name
            self._set_status(PrinterState.ERROR, f"not responding: {job_name} is still printing")
            for future in self._waiting:
                _settle(future, error=self._not_responding())
        logger.warning("printer job %s still running after %s s", job_name, self._timeout_s)

    def _task_done(self, task: _Task, *, ran: bool) -> None:
        with self._idle:
            self._waiting = [future for future in self._waiting if future is not task.future]
            # Only one task runs at a time, so a task that ran and returned was the stuck one.
            recovered = ran and self._stuck_job is not None
            if recovered:
                self._stuck_job = None
            self._idle.notify_all()
        if recovered:
            # The stuck call came back: the connection may be in any state, so start afresh.
            self._drop_printer()

    def _connected_printer(self) -> EscposPrinter:
        if self._printer is None:
            self._printer = self._open_printer()
        return self._printer

    def _drop_printer(self) -> None:
        printer, self._printer = self._printer, None
        if printer is None:
            return
        try:
            printer.close()
        except Exception:  # a broken connection may fail to close; it is dropped either way
            logger.debug("closing the printer failed", exc_info=True)

    def _refresh_after_job(self) -> None:
        if self._status_silent:
            self._set_status(PrinterState.UNKNOWN, "printed; the printer does not report status")
            return
        try:
            status = self._query(self._connected_printer())
        except Exception as exc:
            # The job went through, so the printer is there; the next job reconnects.
            self._drop_printer()
            self._set_status(PrinterState.UNKNOWN, f"printed; status query failed: {exc}")
            return
        if status.state is PrinterState.UNKNOWN:
            self._set_status(PrinterState.UNKNOWN, f"printed; {status.detail}")

    def _check(self) -> PrinterStatus:
        try:
            return self._query(self._connected_printer())
        except Exception as exc:
            self._drop_printer()
            return self._set_status(_state_for(exc), str(self._as_printer_error(exc)))

    def _query(self, printer: EscposPrinter) -> PrinterStatus:
        if isinstance(printer, (SpoolPrinter, MemoryPrinter)) or type(printer) is Dummy:
            return self._set_status(PrinterState.OK, "printing to a file or memory")
        if type(printer)._read is Escpos._read or self._status_silent:
            printer.device  # noqa: B018  # opening the connection is the only check possible
            return self._set_status(PrinterState.UNKNOWN, "connected; no status reporting")
        answer = read_status(printer, timeout_s=self._status_timeout_s)
        if answer is not None:
            self._status_answered = True
            return self._set_status(*answer)
        if self._status_answered:
            # It answered before: silence now means it was switched off or lost its link.
            return self._set_status(PrinterState.OFFLINE, "not answering status queries any more")
        self._status_silent = True
        logger.info("the %s does not answer status queries; not asking again", self._device)
        return self._set_status(PrinterState.UNKNOWN, "connected; no status reporting")

    def _set_status(self, state: PrinterState, detail: str) -> PrinterStatus:
        status = PrinterStatus(state, detail, self._clock())
        with self._lock:
            self._status = status
        # One log line when trouble starts and one when it ends, however often it is checked.
        if status.can_print and state is not PrinterState.PAPER_NEAR_END:
            self._states.change(
                "printer", "fine", "the %s works again", self._device, level=logging.INFO
            )
        else:
            self._states.change(
                "printer",
                state.value,
                "%s trouble: %s",
                self._device,
                detail,
                level=logging.WARNING,
            )
        return status

    def _not_responding(self) -> PrinterError:
        return PrinterError("The {device} is not responding", device=self._device)

    def _as_printer_error(self, exc: Exception) -> PrinterError:
        if isinstance(exc, PrinterError):
            return exc
        error = PrinterError(
            "The {device} failed: {reason}", device=self._device, reason=str(exc) or repr(exc)
        )
        error.__cause__ = exc
        return error


def _state_for(exc: Exception) -> PrinterState:
    # Connection-level failures mean the printer is off, unplugged or unreachable.
    if isinstance(exc, OSError | DeviceNotFoundError | PrinterError):
        return PrinterState.OFFLINE
    return PrinterState.ERROR


def _settle(future: Future[Any], *, value: Any = None, error: BaseException | None = None) -> None:
    try:
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)
    except InvalidStateError:
        pass  # the watchdog failed it first; the late outcome only updates the status
