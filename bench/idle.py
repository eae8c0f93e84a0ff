"""CPU use of the kiosk, a signed-in desk and the calling display while nobody touches them.

Each runs as its own process, offscreen, on a temporary SQLite database with a demo queue,
with its real timers and its real live path (SQLite's data_version read every 0.2 s on one
connection). After a warm-up, CPU time is read from /proc/<pid>/stat over ``--seconds``
(60 by default) and printed in percent of one core, next to two floors measured in the same
run: a sleeping Python process and an empty Qt window on the qasync loop. The goal is under
1 % for each screen. No assertions.

Run: .venv/bin/python bench/idle.py [--seconds 60]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`: repository first.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import os
import subprocess
import tempfile
import time

WARM_UP_S = 4.0
READY = "bench-ready"
LONG_NOTICE = "Bộ phận một cửa nghỉ trưa từ 11:30 đến 13:30. " * 4


def _ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, after the state field


def _config(folder: Path, notice: str = "") -> Path:
    path = folder / f"config{len(notice)}.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{folder / "bench.sqlite3"}"\n\n'
        f'[printer]\nkind = "dummy"\nspool_dir = "{folder / "spool"}"\n\n'
        f'[display]\nnotice = "{notice}"\n',
        encoding="utf-8",
    )
    return path


# -- the children ------------------------------------------------------------------------------


def _child(kind: str, config_path: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
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
    if kind == "desk":
        return _desk_child(config)
    return _empty_qt_child()


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


# -- measuring ---------------------------------------------------------------------------------


def _start(kind: str, config: Path) -> subprocess.Popen[str]:
    if kind == "sleep":
        command = [
            sys.executable,
            "-c",
            f"import time; print('{READY}', flush=True); time.sleep(3600)",
        ]
    else:
        command = [sys.executable, __file__, "--child", kind, str(config)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # stderr is dropped: the offscreen platform warns about every window size change.
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )


def _wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == READY:
            return
    raise RuntimeError("a child exited before it was ready")


def measure(runs: dict[str, tuple[str, Path]], seconds: float) -> dict[str, float]:
    """Percent of one core each child used over ``seconds``, measured all at once."""
    processes = {name: _start(kind, config) for name, (kind, config) in runs.items()}
    try:
        for process in processes.values():
            _wait_ready(process)
        time.sleep(WARM_UP_S)  # the database opens, the first snapshot is read
        start = {name: _ticks(p.pid) for name, p in processes.items()}
        began = time.monotonic()
        time.sleep(seconds)
        elapsed = time.monotonic() - began
        end = {name: _ticks(p.pid) for name, p in processes.items()}
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(timeout=10)
    per_s = os.sysconf("SC_CLK_TCK")
    return {name: 100 * (end[name] - start[name]) / per_s / elapsed for name in processes}


def _seed(config: Path) -> None:
    from kiosk.config import load_config
    from kiosk.services.context import bootstrap
    from kiosk.services.demo import seed_demo

    ctx = bootstrap(load_config(str(config), env={}))
    seed_demo(ctx)
    ctx.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to measure")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(*args.child)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = _config(folder)
        _seed(config)
        runs = {
            "floor: sleeping python": ("sleep", config),
            "floor: empty Qt window": ("empty", config),
            "kiosk (kiosk run)": ("kiosk", config),
            "desk, signed in": ("desk", config),
            "display": ("display", config),
            "display, scrolling notice": ("display", _config(folder, LONG_NOTICE)),
        }
        print(f"measuring {len(runs)} processes for {args.seconds:g} s (idle, offscreen)...")
        results = measure(runs, args.seconds)
    width = max(len(name) for name in results)
    for name, percent in results.items():
        print(f"{name:<{width}}  {percent:6.2f} % of one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
