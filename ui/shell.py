"""One app shell for the five programs (kiosk, desk, display, rate, manager): start, run, stop.

The shell owns what every program needs the same way: the QApplication, the window policy
(fullscreen or maximized, cursor, the keys a visitor must not reach, screen blanking), the
qasync loop, the task runner and its error handler, operations on the database
(``ui.operations``), the live path (``ui.live``), SIGTERM and the window's close button, and
an ordered shutdown. A program supplies one build function.

Start-up, in order: the window is built and shown (only Qt and the config are loaded); after
its first frame the loop, the runner, operations and the live path start, the program's
``preload`` modules are imported on the database thread (SQLAlchemy and the services cost
more than the whole first frame), ``Program.start`` runs, and systemd hears ``READY=1``
followed by watchdog pings from the Qt loop (``ui.watchdog``; nothing outside systemd).
Shutdown, in order: the program's ``before_quit`` (its last database work, 5 s at most), then
``Program.close``, the live path, the runner and the database.

Exit codes (kiosk.service restarts on failure): a quit the program or the shell asked for
(a staff exit, SIGTERM, a staff window's close button) ends with its code, 0; the Qt loop
ending any other way (a lost display, a stray ``QApplication.exit``) ends with
``kiosk.systemd.UNEXPECTED_EXIT``, so that systemd starts the program again.

How to add a program (a new ``kiosk village`` screen, say):

1. ``ui/village/program.py``: ``class VillageProgram(ProgramBase[VillageWindow])`` whose
   ``_start(runtime)`` makes the controllers (``LiveRead`` for what must stay fresh, operations
   for the rest) and ``_stop`` stops them; and ``build(env) -> VillageProgram``, which makes the
   window (and its ``I18n``) and nothing asynchronous.
2. ``SPEC = ProgramSpec(name="village", policy=STAFF, build=build, preload=(...))``.
3. A subcommand in ``kiosk/cli_gui.py`` calls ``run_program(SPEC, config)``.

Tests build a program the same way, with ``Runtime.over_context`` in place of the shell.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import startup_gc
from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from ui.signals import quit_on_signals

if TYPE_CHECKING:
    import asyncio

    from kiosk.services.context import AppContext
    from ui.i18n import I18n
    from ui.live import Live
    from ui.operations import AfterOpen, Ops
    from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

# bench/startup.py sets this to "paint" (quit after the first frame, nothing else started) or
# "ready" (quit once the program's first data is on screen), and reads the line printed then.
BENCH_EXIT_ENV = "KIOSK_BENCH_EXIT"
# Check the screens in the real window once ready and write a report (ui.geometry_dump).
GEOMETRY_DUMP_ENV = "KIOSK_GEOMETRY_DUMP"
# The longest a program's last database work may hold up quitting.
QUIT_GRACE_S = 5.0


@dataclass(frozen=True, slots=True)
class WindowPolicy:
    """How a program's window behaves on its PC."""

    fullscreen: bool = False
    hide_cursor: bool | None = False  # None: as ``[kiosk] show_cursor`` says
    guard_keys: bool = False  # swallow Escape, Alt+F4, Ctrl+W... (visitor screens)
    closable: bool = True  # a close request quits in order; False: it is ignored
    quit_shortcut: bool = False  # Ctrl+Q quits (a TV with a maintenance keyboard)
    keep_screen_on: bool = False


VISITOR = WindowPolicy(fullscreen=True, hide_cursor=None, guard_keys=True, closable=False)
TV = WindowPolicy(fullscreen=True, hide_cursor=True, quit_shortcut=True, keep_screen_on=True)
STAFF = WindowPolicy()


@dataclass(frozen=True)
class Env:
    """What a build function gets: enough for a window, nothing asynchronous."""

    app: QApplication
    config: Config
    clock: Clock
    size: QSize


@dataclass(frozen=True)
class Runtime:
    """What a program gets once the loop runs: the runner, operations, the live path, quit."""

    runner: TaskRunner
    ops: Ops
    live: Live
    quit: Callable[[int], None] = field(default=lambda _code: None)
    ready: Callable[[], None] = field(default=lambda: None)

    @property
    def config(self) -> Config:
        """The program's config."""
        return self.ops.config

    @property
    def clock(self) -> Clock:
        """The program's clock."""
        return self.ops.clock

    @classmethod
    def over_context(
        cls,
        ctx: AppContext,
        *,
        loop: asyncio.AbstractEventLoop,
        watch: bool = False,
        quit: Callable[[int], None] | None = None,
    ) -> Runtime:
        """A runtime on an open context, without a shell (tests, screenshots, benches).

        With ``watch`` the live path watches the database as the shell's does; without, it
        stays silent unless driven by hand (``Live.notify``, ``Live.set_link``).
        """
        from kiosk.storage.engine import application_name
        from ui.live import Live
        from ui.operations import Ops
        from ui.tasks import TaskRunner

        runner = TaskRunner(loop=loop)
        live = Live.manual()
        if watch:
            live = Live(url=ctx.config.database_url, app_name=application_name("test/live"))
            live.start()
        return cls(
            runner=runner,
            ops=Ops.over(ctx, runner=runner),
            live=live,
            quit=quit or (lambda _code: None),
        )

    def close(self) -> None:
        """Stop the live path and the runner (the context stays open: it is the caller's)."""
        self.live.stop()
        self.runner.close()


class Program(Protocol):
    """One program as the shell sees it."""

    @property
    def window(self) -> QWidget:
        """The top-level window."""

    def start(self, runtime: Runtime) -> None:
        """Start controllers and background work (after the first frame)."""

    async def before_quit(self) -> None:
        """Last database work before the program quits (the desk closes its counter)."""

    def close(self) -> None:
        """Stop timers and tasks, close the window; the shell closes the rest."""


W = TypeVar("W", bound=QWidget)


class ProgramBase(Generic[W]):
    """What programs share: the window, the runtime once started, an ordered close.

    A program subclasses it and fills ``_start`` (make the controllers) and, when it has more
    to stop than its window, ``_stop``.
    """

    def __init__(self, window: W, *, i18n: I18n) -> None:
        self.window = window
        self.i18n = i18n
        self.runtime: Runtime | None = None

    def start(self, runtime: Runtime) -> None:
        """Keep the runtime and start the program's controllers."""
        self.runtime = runtime
        self._start(runtime)

    async def before_quit(self) -> None:
        """Nothing to save by default: every action is committed when it is made."""

    def close(self) -> None:
        """Stop the program's work, then close the window for good (back in Vietnamese)."""
        self._stop()
        self.i18n.set_language("vi")
        self.window.close()
        self.window.deleteLater()

    def _start(self, runtime: Runtime) -> None:
        raise NotImplementedError

    def _stop(self) -> None:
        """Stop controllers and timers (the runner's tasks are cancelled by the shell)."""


@dataclass(frozen=True)
class ProgramSpec:
    """A program: its name (for logs and ``application_name``), window policy and build."""

    name: str
    policy: WindowPolicy
    build: Callable[[Env], Program]
    preload: Sequence[str] = ()


OnStart = Callable[[Any, Runtime], None]


def run_program(
    spec: ProgramSpec,
    config: Config,
    *,
    clock: Clock = system_clock,
    after_open: AfterOpen | None = None,
    on_start: OnStart | None = None,
) -> int:
    """Run a program until it quits; returns the process exit code.

    ``after_open(ctx)`` runs once the database is open (``kiosk demo`` seeds it);
    ``on_start(program, runtime)`` right after the program started (benches, test probes).
    """
    shell = Shell(spec, config, clock=clock, after_open=after_open, on_start=on_start)
    return shell.run()


class Shell:
    """Runs one program: see the module docstring for the order of things."""

    def __init__(
        self,
        spec: ProgramSpec,
        config: Config,
        *,
        clock: Clock = system_clock,
        after_open: AfterOpen | None = None,
        on_start: OnStart | None = None,
    ) -> None:
        self.spec = spec
        self.config = config
        self.clock = clock
        self._after_open = after_open
        self._on_start = on_start
        self._bench = os.environ.get(BENCH_EXIT_ENV, "")
        self._program: Program | None = None
        self._runtime: Runtime | None = None
        self.quitting = False
        self._quit_asked = False  # a quit through ``quit``: the loop's end is expected
        self._keep: list[object] = []  # Qt helpers that must live as long as the window

    def run(self) -> int:
        """Build, show and run the program; shut it down in order."""
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        app.setApplicationName(f"commune-kiosk-{self.spec.name}")
        # Before the build: a Ctrl+C while the window is built would otherwise raise
        # KeyboardInterrupt inside a Qt virtual (resizeEvent...), where PySide prints and
        # swallows it, and the program would run on, deaf to the Ctrl+C already pressed.
        restore_signals = quit_on_signals(self.quit)
        try:
            env = Env(app=app, config=self.config, clock=self.clock, size=self._size(app))
            self._program = self.spec.build(env)
            window = self._program.window
            self.watch_window(window)
            self._show(app, window)
            code = app.exec()
        finally:
            self._shutdown()
            restore_signals()
        if self._quit_asked or self._bench:
            return int(code)
        from kiosk.systemd import UNEXPECTED_EXIT

        logger.warning("%s: the event loop ended without a quit (code %s)", self.spec.name, code)
        return int(code) or UNEXPECTED_EXIT

    def watch_window(self, window: QWidget) -> None:
        """See the window's first frame, and apply the policy to close requests."""
        watch = _WindowWatch(self, window)
        window.installEventFilter(watch)
        self._keep.append(watch)

    def quit(self, code: int = 0) -> None:
        """Quit in order: the program's last work, then the event loop."""
        if self.quitting:
            return
        self.quitting = True
        self._quit_asked = True
        if self._runtime is None or self._program is None:
            QApplication.exit(code)
            return
        self._runtime.runner.start(self._quit(self._program, code))

    async def _quit(self, program: Program, code: int) -> None:
        import asyncio

        from kiosk.domain.errors import KioskError

        try:
            await asyncio.wait_for(program.before_quit(), QUIT_GRACE_S)
        except (KioskError, TimeoutError) as exc:  # e.g. the database is unreachable
            logger.warning("%s: last work before quitting not done: %s", self.spec.name, exc)
        except Exception:
            logger.exception("%s: last work before quitting failed", self.spec.name)
        finally:
            QApplication.exit(code)

    def after_first_frame(self) -> None:
        """Start everything asynchronous (called once, right after the first frame)."""
        startup_gc.release()  # held by the command line while the window was built
        if self._bench == "paint":
            print("kiosk-bench paint", flush=True)
            self.quit(0)
            return
        program = self._program
        assert program is not None
        self._runtime = runtime = self._make_runtime()
        self._apply_runtime_policy(program.window)
        runtime.runner.start(self._start(program, runtime))

    def _make_runtime(self) -> Runtime:
        import asyncio

        import qasync

        from kiosk.storage.engine import application_name
        from ui.live import Live
        from ui.operations import Ops
        from ui.runtime import prefer_ui_thread
        from ui.tasks import TaskRunner

        app = QApplication.instance()
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        prefer_ui_thread()
        runner = TaskRunner(loop=loop, on_error=self._log_task_error)
        ops = Ops(
            runner=runner,
            config=self.config,
            clock=self.clock,
            app_name=application_name(self.spec.name),
            after_open=self._after_open,
        )
        live = Live(
            url=self.config.database_url, app_name=application_name(f"{self.spec.name}/live")
        )
        return Runtime(runner=runner, ops=ops, live=live, quit=self.quit, ready=self._on_ready)

    async def _start(self, program: Program, runtime: Runtime) -> None:
        for module in self.spec.preload:
            await runtime.runner.run_db(importlib.import_module, module)
        runtime.live.start()
        program.start(runtime)
        if self._on_start is not None:
            self._on_start(program, runtime)
        from ui.watchdog import start_watchdog

        self._keep.append(start_watchdog(program.window))  # READY=1, then pings from this loop

    def _show(self, app: QApplication, window: QWidget) -> None:
        policy = self.spec.policy
        hide = policy.hide_cursor
        if hide is None:
            hide = not self.config.kiosk.show_cursor
        if hide:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        if policy.fullscreen:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            window.showFullScreen()
        else:
            window.showMaximized()

    def _apply_runtime_policy(self, window: QWidget) -> None:
        from ui.runtime import disable_screen_blanking, guard_kiosk_window

        policy = self.spec.policy
        if policy.guard_keys:
            self._keep.append(guard_kiosk_window(window))  # also keeps the screen on
        elif policy.keep_screen_on:
            disable_screen_blanking()
        if policy.quit_shortcut:
            shortcut = QShortcut(QKeySequence("Ctrl+Q"), window)
            shortcut.activated.connect(lambda: self.quit(0))
            self._keep.append(shortcut)

    def _size(self, app: QApplication) -> QSize:
        screen = app.primaryScreen()
        full = self.spec.policy.fullscreen
        return screen.geometry().size() if full else screen.availableGeometry().size()

    def _on_ready(self) -> None:
        logger.info("%s ready", self.spec.name)
        dump = os.environ.get(GEOMETRY_DUMP_ENV, "")
        if dump and self._runtime is not None and self._program is not None:
            from ui.geometry_dump import dump_geometry

            self._runtime.runner.start(dump_geometry(self._program, Path(dump)))
        if self._bench == "ready":
            print("kiosk-bench ready", flush=True)
            QTimer.singleShot(0, lambda: self.quit(0))

    def _log_task_error(self, exc: BaseException) -> None:
        logger.error("%s: task failed", self.spec.name, exc_info=exc)

    def _shutdown(self) -> None:
        self.quitting = True
        runtime, self._runtime = self._runtime, None
        if self._program is not None:
            self._program.close()
        if runtime is not None:
            runtime.live.stop()
            runtime.runner.close()
            runtime.ops.close()


class _WindowWatch(QObject):
    """Sees the window's first frame, and turns a close request into an ordered quit.

    The event filter lives only until the first frame: a filter runs Python for every event
    the window gets, and a window gets one each frame of any animation (a scrolling notice,
    17 a second; issue 13, P5). Close requests reach the window's ``closeEvent``, which is
    called only when one comes.
    """

    def __init__(self, shell: Shell, window: QWidget) -> None:
        super().__init__(window)
        self._shell = shell
        self._painted = False
        window.closeEvent = self._on_close  # type: ignore[method-assign]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            # After this paint finishes, not from inside it.
            QTimer.singleShot(0, self._shell.after_first_frame)
        return False

    def _on_close(self, event: QCloseEvent) -> None:
        if self._shell.quitting:
            event.accept()
            return
        event.ignore()  # Alt+F4 or a stray close message never closes a visitor screen
        if self._shell.spec.policy.closable:
            self._shell.quit(0)
