"""CPU use of the kiosk, a signed-in desk and the calling display while nobody touches them.

Each runs as its own process with its real timers and its real live path (SQLite's
data_version read every 0.2 s on one connection; PostgreSQL's LISTEN), on a demo queue in
SQLite and (when KIOSK_TEST_POSTGRES_URL is set) in a PostgreSQL schema of its own; the display
runs once without and once with a notice long enough to scroll. Two floors run beside them: a
sleeping Python process and an empty Qt window on the qasync loop. After a warm-up every
process is measured over the same ``--windows`` windows of ``--seconds`` in all (CPU time of
all its threads from /proc/<pid>/task/*/schedstat, in nanoseconds), so whatever else the
machine does falls on all of them alike; the figure is the minimum and the median window, in
percent of one core. Goal: at most 0.5 % for each screen (median window).
Offscreen by default; ``--display :N`` runs the screens in that X server instead (Xvfb).
Run: .venv/bin/python bench/idle.py [--seconds 60] [--windows 6] [--display :51]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`: repository first.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.append(str(Path(__file__).resolve().parent))

import argparse
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import harness

BENCH = "idle"
GOAL_PERCENT = 0.5
WARM_UP_S = 4.0
READY = "bench-ready"
LONG_NOTICE = "Bộ phận một cửa nghỉ trưa từ 11:30 đến 13:30. " * 4
SCREENS = ("kiosk", "desk", "display", "display, scrolling notice")


def cpu_ns(pid: int) -> int:
    """CPU time of every thread of a process so far, in nanoseconds."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):  # a thread that just ended
            continue
    return total


def write_config(folder: Path, name: str, url: str, notice: str = "") -> Path:
    """A config for one child: its database, a spool printer, the display's notice."""
    path = folder / f"{name}.toml"
    path.write_text(
        f'[database]\nurl = "{url}"\n\n'
        f'[printer]\nkind = "dummy"\nspool_dir = "{folder / "spool"}"\n\n'
        f'[display]\nnotice = "{notice}"\n',
        encoding="utf-8",
    )
    return path


# -- the children ------------------------------------------------------------------------------


def _child(kind: str, config_path: str) -> int:
    if kind == "empty":
        return _empty_qt_child()
    if kind == "frames":
        return _frames_child()
    from kiosk.config import load_config

    config = load_config(config_path, env={})
    from ui.shell import run_program

    if kind == "kiosk":
        from ui.kiosk.program import SPEC

        print(READY, flush=True)
        return run_program(SPEC, config)
    if kind == "display":
        from ui.display.program import SPEC as DISPLAY

        print(READY, flush=True)
        return run_program(DISPLAY, config)
    return _desk_child(config)


def _desk_child(config: object) -> int:
    from kiosk.services.demo import DEMO_STAFF_PIN
    from ui.desk.program import DeskProgram, spec
    from ui.shell import Runtime, run_program

    def started(program: DeskProgram, _runtime: Runtime) -> None:
        window, controller = program.window, program.controller
        assert controller is not None

        def sign_in() -> None:
            first = next(iter(window.staff.buttons.values()))
            first.click()
            for key in [*DEMO_STAFF_PIN, "ok"]:
                window.pin.keypad.press(key)

        controller.ready.connect(sign_in)
        controller.signed_in.connect(lambda _helper: print(READY, flush=True))

    return run_program(spec(1), config, on_start=started)  # type: ignore[arg-type]


def _empty_qt_child() -> int:
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = QWidget()
    window.show()
    print(READY, flush=True)
    return int(loop.run_forever() or 0)


def _frames_child() -> int:
    """The floor of anything that moves at the notice's frame rate: a strip along the bottom
    of a TV-sized window, under the display's stylesheet, repainted every frame with nothing
    drawn (a C++ timer calls the C++ update slot: no Python per frame).
    """
    import asyncio

    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.staff.look import display_stylesheet, display_theme
    from ui.widgets.ticker import FRAME_MS

    app = QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app.setStyleSheet(display_stylesheet(display_theme(1920, 1080)))
    window = QWidget()
    window.setObjectName("DisplayRoot")
    window.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    window.resize(1920, 1080)
    strip = QWidget(window)
    strip.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
    strip.setGeometry(0, 960, 1920, 104)
    window.show()
    frames = QTimer(window)
    frames.setInterval(FRAME_MS)
    frames.timeout.connect(strip.update)
    frames.start()
    print(READY, flush=True)
    return int(loop.run_forever() or 0)


# -- measuring ---------------------------------------------------------------------------------


def _start(kind: str, config: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    if kind == "sleep":
        command = [
            sys.executable,
            "-c",
            f"import time; print('{READY}', flush=True); time.sleep(9999)",
        ]
    else:
        command = [sys.executable, __file__, "--child", kind, str(config)]
    # stderr is dropped: the offscreen platform warns about every window size change.
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )


def _wait_ready(name: str, process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == READY:
            return
    raise SystemExit(f"{name} exited before it was ready")


def measure(
    runs: dict[str, tuple[str, Path]], env: dict[str, str], seconds: float, windows: int
) -> dict[str, harness.Spread]:
    """Percent of one core each child used, per window, all measured over the same windows."""
    processes = {name: _start(kind, config, env) for name, (kind, config) in runs.items()}
    try:
        for name, process in processes.items():
            _wait_ready(name, process)
        time.sleep(WARM_UP_S)  # the database opens, the first snapshot is read
        percents: dict[str, list[float]] = {name: [] for name in processes}
        for _ in range(windows):
            start = {name: cpu_ns(p.pid) for name, p in processes.items()}
            began = time.monotonic()
            time.sleep(seconds / windows)
            elapsed = time.monotonic() - began
            for name, process in processes.items():
                used = cpu_ns(process.pid) - start[name]
                percents[name].append(100 * used / 1e9 / elapsed)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(timeout=10)
    return {name: harness.Spread.of(values) for name, values in percents.items()}


def _seed(config: Path) -> None:
    from kiosk.config import load_config
    from kiosk.services.context import bootstrap
    from kiosk.services.demo import seed_demo

    ctx = bootstrap(load_config(str(config), env={}))
    seed_demo(ctx)
    ctx.db.dispose()


def screen_runs(folder: Path, engine: str, url: str) -> dict[str, tuple[str, Path]]:
    """The four screens on one database, seeded with the demo queue."""
    plain = write_config(folder, f"{engine}-plain", url)
    notice = write_config(folder, f"{engine}-notice", url, LONG_NOTICE)
    _seed(plain)
    kinds = ("kiosk", "desk", "display", "display")
    configs = (plain, plain, plain, notice)
    return {
        f"{name} ({engine})": (kind, config)
        for name, kind, config in zip(SCREENS, kinds, configs, strict=True)
    }


def child_env(display: str | None) -> dict[str, str]:
    """The children's environment: offscreen, or the X server given."""
    env = dict(os.environ)
    if display:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to measure")
    parser.add_argument("--windows", type=int, default=6, help="measuring windows (at least 5)")
    parser.add_argument("--display", help="an X display for the screens (default: offscreen)")
    parser.add_argument("--only", help="measure only the screens whose name contains this")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(*args.child)
    windows = max(harness.MIN_PAIRS, args.windows)
    pg = os.environ.get("KIOSK_TEST_POSTGRES_URL")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sqlite_url = f"sqlite:///{folder / 'bench.sqlite3'}"
        runs = {
            "floor: sleeping Python": ("sleep", folder),
            "floor: empty Qt window": ("empty", folder),
            "floor: a strip repainted at the notice's frame rate": ("frames", folder),
            **screen_runs(folder, "SQLite", sqlite_url),
        }
        with harness.postgres_schema(pg, "bench_idle") if pg else _no_postgres() as pg_url:
            if pg_url:
                runs |= screen_runs(folder, "PostgreSQL", pg_url)
            if args.only:
                runs = {k: v for k, v in runs.items() if k.startswith("floor") or args.only in k}
            where = args.display or "offscreen"
            print(f"idle bench: {len(runs)} processes, {windows} windows over {args.seconds:g} s, "
                  f"{where}")  # fmt: skip
            results = measure(runs, child_env(args.display), args.seconds, windows)
    for name, spread in results.items():
        value = f"min {spread.low:.2f} %, median {spread.median:.2f} % of a core"
        if name.startswith("floor"):
            harness.report(BENCH, name, value)
        else:
            passed = spread.median <= GOAL_PERCENT
            goal = f"<= {GOAL_PERCENT} %"
            harness.report(BENCH, f"{name}, {where}", value, goal=goal, passed=passed)
    return 0


@contextmanager
def _no_postgres() -> Iterator[str]:
    print("KIOSK_TEST_POSTGRES_URL is not set: PostgreSQL skipped")
    yield ""


if __name__ == "__main__":
    sys.exit(main())
